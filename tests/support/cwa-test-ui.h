/* cwa-test-ui.h: driving the real window in the UI tests: start-up, the main loop, template children, opening plans. */
#pragma once

#include <adwaita.h>

#include "cwa-checklist-panel.h"
#include "cwa-window.h"

G_BEGIN_DECLS

/* Sets the gboolean at @data; for CWA_TEST_WAIT_FOR. */
gboolean cwa_test_ui_timeout_cb       (gpointer     data);

/* Runs the main loop until @condition holds; fails the test after 10 s. */
#define CWA_TEST_WAIT_FOR(condition) \
  G_STMT_START { \
    gboolean timed_out_ = FALSE; \
    guint id_ = g_timeout_add_seconds (10, cwa_test_ui_timeout_cb, &timed_out_); \
    while (!(condition) && !timed_out_) \
      g_main_context_iteration (NULL, TRUE); \
    if (!timed_out_) \
      g_source_remove (id_); \
    g_assert_true (condition); \
  } G_STMT_END

/* Sets XDG_DATA_HOME to @data_home, runs g_test_init () and brings up GTK,
 * libadwaita and the app's style sheet as AdwApplication would. FALSE
 * (with the run marked skipped) when there is no display. */
gboolean cwa_test_ui_init             (int          *argc,
                                       char       ***argv,
                                       const gchar  *data_home);
/* Runs what is pending on the main loop, without blocking. */
void     cwa_test_ui_drain_main_loop  (void);
/* Closes @window without asking to save (its plan is marked unmodified),
 * drains the main loop and asserts that @window, which the caller holds
 * the last reference of, is finalized. */
void     cwa_test_ui_close_window     (CwaWindow    *window);
/* The text on @widget's clipboard, waiting for it to be read: a new
 * string, "" when the clipboard holds no text. */
gchar   *cwa_test_ui_read_clipboard   (gpointer      widget);
/* Whether @panel shows a failed finding of the rule @rule_id. */
gboolean cwa_test_ui_panel_shows_failure (CwaChecklistPanel *panel,
                                          const gchar       *rule_id);
/* Queues a redraw of @widget and waits until @n_frames frames have passed. */
void     cwa_test_ui_wait_frames      (GtkWidget    *widget,
                                       guint         n_frames);
/* The template child @name of @widget (of template @type); never NULL. */
gpointer cwa_test_ui_child            (gpointer      widget,
                                       GType         type,
                                       const gchar  *name);
/* Every widget of @type at or below @widget (popovers included), in
 * tree order. The array is the caller's to free (g_autoptr(GPtrArray));
 * the widgets in it are borrowed. */
GPtrArray *cwa_test_ui_find_all       (gpointer      widget,
                                       GType         type);
/* The first label at or below @widget (in cwa_test_ui_find_all()'s
 * order) that reads @text exactly, or NULL.  Borrowed. */
GtkLabel *cwa_test_ui_find_label      (GtkWidget    *widget,
                                       const gchar  *text);
/* Whether a label at or below @widget reads @text exactly. */
gboolean  cwa_test_ui_has_label       (GtkWidget    *widget,
                                       const gchar  *text);
/* The first button at or below @widget (in cwa_test_ui_find_all()'s
 * order) whose label is @label (as set, mnemonic underscores included),
 * or NULL.  Borrowed. */
GtkWidget *cwa_test_ui_find_button    (GtkWidget    *widget,
                                       const gchar  *label);
/* The visible message dialog on screen (the last one listed), or NULL.
 * Borrowed. */
AdwMessageDialog *cwa_test_ui_find_dialog (void);

/* Opens data/examples/@name in @window and waits until it is the plan's file. */
void     cwa_test_ui_open_example     (CwaWindow    *window,
                                       const gchar  *name);

/* Whether the action @action_name (e.g. "win.undo") is enabled as seen
 * from @widget: what a button for it inside @widget would show. */
gboolean cwa_test_ui_action_enabled   (GtkWidget    *widget,
                                       const gchar  *action_name);

/* With CWA_SCREENSHOT_DIR set, saves what @widget (a GtkNative: a window)
 * shows now as NAME.png there, so a person can look at the state a test
 * reached.  Does nothing otherwise. */
void     cwa_test_ui_maybe_screenshot (GtkWidget    *widget,
                                       const gchar  *name);

G_END_DECLS

/* cwa-window-private.h: what the window's own files (construction, actions, files, drag and drop) share. */
#pragma once

#include "cwa-certificate-inspector.h"
#include "cwa-checklist-panel.h"
#include "cwa-deployment-editor.h"
#include "cwa-live-check.h"
#include "cwa-password-queue.h"
#include "cwa-window.h"

G_BEGIN_DECLS

/* What to do once the unsaved-changes question is answered. */
typedef enum
{
  CWA_WINDOW_AFTER_NOTHING,
  CWA_WINDOW_AFTER_CLOSE,
  CWA_WINDOW_AFTER_OPEN,
} CwaWindowAfterConfirm;

struct _CwaWindow
{
  AdwApplicationWindow     parent_instance;

  CwaPlan                 *plan;
  CwaChecklist            *checklist;
  /* The checklist held while the import queue is busy, or NULL. */
  CwaChecklist            *held_checklist;
  CwaTrustSettings        *trust_settings;
  CwaImportQueue          *import_queue;
  /* The files of the load under way that could not be read (element
   * type CwaLoadFailure): one toast for them all when it is done. */
  GPtrArray               *load_failures;
  CwaPasswordQueue        *password_queue;
  GSettings               *settings;
  GSignalGroup            *plan_signals;
  GSignalGroup            *history_signals;
  GtkRecentManager        *recent_manager;

  /* The file chooser being shown; kept alive until it answers. */
  GtkFileChooserNative    *chooser;
  GFile                   *pending_open;
  CwaWindowAfterConfirm    after_confirm;
  gboolean                 close_confirmed;
  /* A save is being written (win.save and win.save-as wait for it). */
  gboolean                 saving;
  /* Check Live Servers: the probe run and its results. */
  CwaLiveCheck            *live_check;

  /* Template children */
  AdwToastOverlay         *toast_overlay;
  AdwWindowTitle          *window_title;
  GtkStack                *title_stack;
  GtkLabel                *progress_label;
  GtkProgressBar          *progress_bar;
  guint                    progress_linger_id;
  GtkPaned                *outer_paned;
  GtkPaned                *inner_paned;
  CwaDeploymentEditor     *editor;
  CwaCertificateInspector *inspector;
  CwaChecklistPanel       *checklist_panel;
  GtkRevealer             *live_revealer;
  GtkProgressBar          *live_progress_bar;
  GtkWidget               *live_cancel_button;
  GMenu                   *recent_menu;
  GMenu                   *export_formats_section;
};

/* cwa-window.c */
void     _cwa_window_toast                (CwaWindow    *self,
                                           const gchar  *text);
void     _cwa_window_show_error           (CwaWindow    *self,
                                           const gchar  *heading,
                                           const gchar  *body);

/* cwa-window-actions.c: every win.* action, and their enabled states. */
void     _cwa_window_class_actions_init   (GtkWidgetClass *widget_class);
void     _cwa_window_actions_init         (CwaWindow    *self);
/* Sets the enabled state of every action that has one (win.save,
 * win.save-as, win.undo); call whenever the plan, its file, "modified",
 * its history or "saving" changes. */
void     _cwa_window_actions_update       (CwaWindow    *self);

/* cwa-window-files.c: file choosers, opening, saving, unsaved changes. */
GtkFileChooserNative *_cwa_window_make_chooser (CwaWindow            *self,
                                                const gchar          *title,
                                                GtkFileChooserAction  action,
                                                const gchar          *accept);
GtkFileFilter *_cwa_window_plan_filter    (void);
void     _cwa_window_remember_folder      (CwaWindow    *self,
                                           GFile        *file);
void     _cwa_window_save                 (CwaWindow    *self);
void     _cwa_window_save_as              (CwaWindow    *self);
/* Asks about unsaved changes, then closes (TRUE: the close must wait). */
gboolean _cwa_window_confirm_close        (CwaWindow    *self);

/* cwa-window-live.c: Check Live Servers (win.check-live, Ctrl+L) and
 * its progress bar with Cancel (win.cancel-live-check). */
void     _cwa_window_class_live_init      (GtkWidgetClass *widget_class);
void     _cwa_window_live_init            (CwaWindow    *self);

/* cwa-window-dnd.c: files dropped on the window, certificates pasted. */
void     _cwa_window_dnd_init             (CwaWindow    *self);
void     _cwa_window_paste_certificates   (CwaWindow    *self);

G_END_DECLS

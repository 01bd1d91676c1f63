/* test-keyboard.c: a two-server array published through a reverse proxy, planned in the real window with the keyboard only. */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "cwa-application.h"
#include "cwa-certificate-choice.h"
#include "cwa-checklist-panel.h"
#include "cwa-deployment-editor.h"
#include "cwa-dns-records-section.h"
#include "cwa-plan-file.h"
#include "cwa-test-cert.h"
#include "cwa-test-plan.h"
#include "cwa-test-ui.h"
#include "cwa-load-balancer-form.h"
#include "cwa-publishing-rule-form.h"
#include "cwa-window.h"

/* GTK 4 cannot synthesize key events.  A key press here runs what GTK
 * would run for it, from the same tables: the shortcut controllers of
 * the window (global ones in capture and bubble phase, local ones on the
 * focus widget and its ancestors, the application's accelerators on the
 * window) and, for Alt+letter, the mnemonics of the labels on screen.  A
 * key the window does not bind fails the test, and so does a mnemonic
 * that two widgets on screen share (it would only move the focus). */

typedef struct
{
  CwaApplication      *app;
  CwaWindow           *window;
  CwaDeploymentEditor *editor;
  CwaChecklistPanel   *panel;
  gchar               *tmpdir;
  /* The plan file's text before each undoable step, and at the end. */
  GPtrArray           *before;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GDateTime) now = cwa_test_now ();
  g_autoptr(GError) error = NULL;

  fixture->app = cwa_application_new ();
  g_application_set_flags (G_APPLICATION (fixture->app),
                           g_application_get_flags (G_APPLICATION (fixture->app)) | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (fixture->app), NULL, &error));
  g_assert_no_error (error);
  fixture->window = g_object_ref_sink (cwa_window_new (GTK_APPLICATION (fixture->app)));
  fixture->editor = cwa_test_ui_child (fixture->window, CWA_TYPE_WINDOW, "editor");
  fixture->panel = cwa_test_ui_child (fixture->window, CWA_TYPE_WINDOW, "checklist_panel");
  cwa_checklist_set_now (cwa_window_get_checklist (fixture->window), now);
  fixture->tmpdir = g_dir_make_tmp ("cwa-test-keyboard-XXXXXX", NULL);
  fixture->before = g_ptr_array_new_with_free_func (g_free);
  gtk_window_present (GTK_WINDOW (fixture->window));
  cwa_test_ui_drain_main_loop ();
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  cwa_test_ui_close_window (fixture->window);
  /* A registered GApplication keeps references of its own (its D-Bus
   * side, the session); test-application does not finalize it either. */
  g_object_unref (fixture->app);
  cwa_test_remove_tree (fixture->tmpdir);
  g_free (fixture->tmpdir);
  g_ptr_array_unref (fixture->before);
}

/* Key presses. */

static GtkWidget *
focus_widget (Fixture *fixture)
{
  return gtk_root_get_focus (GTK_ROOT (fixture->window));
}

static gboolean
trigger_matches (GtkShortcutTrigger *trigger,
                 GtkShortcutTrigger *wanted)
{
  if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
    return trigger_matches (gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger)), wanted) ||
           trigger_matches (gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger)), wanted);
  return GTK_IS_KEYVAL_TRIGGER (trigger) && gtk_shortcut_trigger_equal (trigger, wanted);
}

/* Runs the shortcuts of @widget's controllers of @scope in @phase that
 * @wanted triggers, as GTK does: the first whose action acts wins. */
static gboolean
run_widget_shortcuts (GtkWidget           *widget,
                      GtkShortcutTrigger  *wanted,
                      GtkShortcutScope     scope,
                      GtkPropagationPhase  phase)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller) ||
          gtk_shortcut_controller_get_scope (GTK_SHORTCUT_CONTROLLER (controller)) != scope ||
          gtk_event_controller_get_propagation_phase (controller) != phase)
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (trigger_matches (gtk_shortcut_get_trigger (shortcut), wanted) &&
              gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                            widget, gtk_shortcut_get_arguments (shortcut)))
            return TRUE;
        }
    }
  return FALSE;
}

/* Global controllers anywhere on screen (GTK runs them at the window). */
static gboolean
run_global_shortcuts (GtkWidget           *widget,
                      GtkShortcutTrigger  *wanted,
                      GtkPropagationPhase  phase)
{
  if (!gtk_widget_get_mapped (widget))
    return FALSE;
  if (run_widget_shortcuts (widget, wanted, GTK_SHORTCUT_SCOPE_GLOBAL, phase))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (run_global_shortcuts (child, wanted, phase))
      return TRUE;
  return FALSE;
}

/* Local (and the application's managed) controllers from the focus up. */
static gboolean
run_local_shortcuts (Fixture             *fixture,
                     GtkShortcutTrigger  *wanted,
                     GtkPropagationPhase  phase)
{
  g_autoptr(GPtrArray) path = g_ptr_array_new ();
  GtkWidget *focus = focus_widget (fixture);

  for (GtkWidget *w = focus != NULL ? focus : GTK_WIDGET (fixture->window); w != NULL; w = gtk_widget_get_parent (w))
    g_ptr_array_insert (path, phase == GTK_PHASE_CAPTURE ? 0 : -1, w);
  for (guint i = 0; i < path->len; i++)
    if (run_widget_shortcuts (g_ptr_array_index (path, i), wanted, GTK_SHORTCUT_SCOPE_LOCAL, phase) ||
        run_widget_shortcuts (g_ptr_array_index (path, i), wanted, GTK_SHORTCUT_SCOPE_MANAGED, phase))
      return TRUE;
  return FALSE;
}

/* The mnemonics on screen that Alt+@keyval triggers: labels (or their
 * owners) with a GtkMnemonicTrigger of that key. */
static void
collect_mnemonics (GtkWidget *widget,
                   guint      keyval,
                   GPtrArray *found)
{
  g_autoptr(GListModel) controllers = NULL;


  if (!gtk_widget_get_mapped (widget) || !gtk_widget_is_sensitive (widget))
    return;
  /* The window's own controllers gather every label's (hidden ones too),
   * to run them; the labels on screen are what counts. */
  if (GTK_IS_ROOT (widget))
    controllers = G_LIST_MODEL (g_list_store_new (GTK_TYPE_EVENT_CONTROLLER));
  else
    controllers = gtk_widget_observe_controllers (widget);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      for (guint j = 0; GTK_IS_SHORTCUT_CONTROLLER (controller) && j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_MNEMONIC_TRIGGER (trigger) &&
              gtk_mnemonic_trigger_get_keyval (GTK_MNEMONIC_TRIGGER (trigger)) == keyval)
            g_ptr_array_add (found, widget);
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_mnemonics (child, keyval, found);
}

static gchar *
describe_widgets (GPtrArray *widgets)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < widgets->len; i++)
    {
      GtkWidget *widget = g_ptr_array_index (widgets, i);

      g_string_append_printf (text, "%s%s “%s”", i > 0 ? ", " : "", G_OBJECT_TYPE_NAME (widget),
                              GTK_IS_LABEL (widget) ? gtk_label_get_label (GTK_LABEL (widget)) : "");
    }
  return g_string_free (text, FALSE);
}

/* Alt+@keyval: exactly one mnemonic on screen, activated as GTK does
 * when it is alone (not just focused). */
static void
press_mnemonic (Fixture *fixture,
                guint    keyval)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect_mnemonics (GTK_WIDGET (fixture->window), gdk_keyval_to_lower (keyval), found);
  if (found->len != 1)
    {
      g_autofree gchar *names = describe_widgets (found);

      g_error ("Alt+%s: %u mnemonics on screen, want one: %s", gdk_keyval_name (keyval), found->len, names);
    }
  g_assert_true (gtk_widget_mnemonic_activate (g_ptr_array_index (found, 0), FALSE));
  cwa_test_ui_drain_main_loop ();
}

/* Presses @accel ("<Control><Shift>n", "Tab", "<Alt>d") with the focus
 * where it is, and fails if nothing in the window takes it. */
static void
press (Fixture     *fixture,
       const gchar *accel)
{
  g_autoptr(GtkShortcutTrigger) wanted = gtk_shortcut_trigger_parse_string (accel);
  guint keyval;
  GdkModifierType modifiers;
  gboolean handled;

  g_assert_nonnull (wanted);
  keyval = gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (wanted));
  modifiers = gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (wanted));
  if (modifiers == GDK_ALT_MASK && keyval < 0x100 && g_ascii_isalpha (keyval))
    {
      press_mnemonic (fixture, keyval);
      return;
    }

  handled = run_global_shortcuts (GTK_WIDGET (fixture->window), wanted, GTK_PHASE_CAPTURE) ||
            run_local_shortcuts (fixture, wanted, GTK_PHASE_CAPTURE) ||
            run_local_shortcuts (fixture, wanted, GTK_PHASE_TARGET) ||
            run_local_shortcuts (fixture, wanted, GTK_PHASE_BUBBLE) ||
            run_global_shortcuts (GTK_WIDGET (fixture->window), wanted, GTK_PHASE_BUBBLE);
  if (!handled)
    g_error ("%s: nothing in the window takes this key (focus on %s)", accel,
             focus_widget (fixture) != NULL ? G_OBJECT_TYPE_NAME (focus_widget (fixture)) : "nothing");
  cwa_test_ui_drain_main_loop ();
}

static gboolean
focus_is_in (Fixture   *fixture,
             GtkWidget *widget)
{
  GtkWidget *focus = focus_widget (fixture);

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* Presses @key (Tab, F6, Down…) until the focus is in @target; fails
 * after @max presses: @target is not reachable that way. */
static void
press_until_in (Fixture     *fixture,
                const gchar *key,
                GtkWidget   *target,
                guint        max)
{
  for (guint i = 0; i < max && !focus_is_in (fixture, target); i++)
    press (fixture, key);
  if (!focus_is_in (fixture, target))
    g_error ("%s pressed %u times: the focus is on %s, never in %s", key, max,
             focus_widget (fixture) != NULL ? G_OBJECT_TYPE_NAME (focus_widget (fixture)) : "nothing",
             G_OBJECT_TYPE_NAME (target));
}

/* Typing over the selected text of the focused entry. */
static void
type_text (Fixture     *fixture,
           const gchar *text)
{
  GtkWidget *focus = focus_widget (fixture);

  g_assert_true (GTK_IS_EDITABLE (focus));
  gtk_editable_delete_selection (GTK_EDITABLE (focus));
  gtk_editable_set_text (GTK_EDITABLE (focus), text);
  cwa_test_ui_drain_main_loop ();
}

/* In the open list of a focused drop-down, moves to @position and picks
 * it with Return, as a user does with the arrow keys. */
static void
pick_in_dropdown (Fixture     *fixture,
                  GtkDropDown *dropdown,
                  guint        position)
{
  /* An open list takes the focus once its popover is shown. */
  CWA_TEST_WAIT_FOR (focus_is_in (fixture, GTK_WIDGET (dropdown)));
  if (focus_widget (fixture) == GTK_WIDGET (dropdown))
    press (fixture, "space");
  CWA_TEST_WAIT_FOR (gtk_widget_get_ancestor (focus_widget (fixture), GTK_TYPE_POPOVER) != NULL);
  /* The list keeps the row it had the focus on last time: from the top. */
  press (fixture, "Home");
  for (guint i = 0; i < position; i++)
    press (fixture, "Down");
  press (fixture, "Return");
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, position);
  /* The list closes and gives the focus back to the drop-down. */
  CWA_TEST_WAIT_FOR (focus_widget (fixture) != NULL &&
                     gtk_widget_get_ancestor (focus_widget (fixture), GTK_TYPE_POPOVER) == NULL);
}

/* The plan, the history and the checklist. */

static CwaPlan *
plan_of (Fixture *fixture)
{
  return cwa_window_get_plan (fixture->window);
}

static gchar *
dup_plan_text (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = cwa_plan_file_serialize (plan_of (fixture), NULL, &error);

  g_assert_no_error (error);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static guint
n_entries (Fixture *fixture)
{
  return cwa_history_get_n_entries (cwa_plan_get_history (plan_of (fixture)));
}

/* Each step of the walk is one undoable edit: the plan before it is kept
 * for the undo at the end. */
static void
step_begin (Fixture *fixture)
{
  g_assert_cmpuint (n_entries (fixture), ==, fixture->before->len);
  g_ptr_array_add (fixture->before, dup_plan_text (fixture));
}

static void
step_end (Fixture *fixture)
{
  /* An activated button clicks a moment later, as it shows pressed. */
  CWA_TEST_WAIT_FOR (n_entries (fixture) >= fixture->before->len);
  g_assert_cmpuint (n_entries (fixture), ==, fixture->before->len);
  /* The checklist re-runs after every change, coalesced: at once here. */
  cwa_checklist_update (cwa_window_get_checklist (fixture->window));
  cwa_test_ui_drain_main_loop ();
}

static CwaServer *
server_at (Fixture *fixture,
           guint    position)
{
  GListModel *servers = cwa_deployment_get_servers (cwa_plan_get_deployment (plan_of (fixture)));
  g_autoptr(CwaServer) server = g_list_model_get_item (servers, position);

  return server;
}

static CwaVirtualServer *
virtual_server_of (CwaServer *server)
{
  g_autoptr(CwaVirtualServer) vs = g_list_model_get_item (cwa_server_get_virtual_servers (server), 0);

  return vs;
}

/* Where the certificate named @cn issued by @issuer_cn is in the list of
 * @dropdown (a certificate chooser: "None", then the plan's). */
static guint
chooser_position (GtkDropDown *dropdown,
                  const gchar *cn,
                  const gchar *issuer_cn)
{
  GListModel *items = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);

      if (CWA_IS_CERTIFICATE (item) &&
          g_strcmp0 (cwa_certificate_get_subject_cn (CWA_CERTIFICATE (item)), cn) == 0 &&
          g_strcmp0 (cwa_certificate_get_issuer_cn (CWA_CERTIFICATE (item)), issuer_cn) == 0)
        return i;
    }
  g_assert_not_reached ();
}

/* Alt+@letter to the chooser, then the certificate @cn of @issuer_cn. */
static void
choose_certificate (Fixture     *fixture,
                    const gchar *mnemonic,
                    GtkDropDown *dropdown,
                    const gchar *cn,
                    const gchar *issuer_cn)
{
  press (fixture, mnemonic);
  pick_in_dropdown (fixture, dropdown, chooser_position (dropdown, cn, issuer_cn));
  g_assert_cmpstr (cwa_certificate_get_subject_cn (cwa_certificate_choice_get (dropdown)), ==, cn);
}

static gpointer
editor_child (Fixture     *fixture,
              const gchar *name)
{
  return cwa_test_ui_child (fixture->editor, CWA_TYPE_DEPLOYMENT_EDITOR, name);
}

static GtkWidget *
finding_row (Fixture     *fixture,
             const gchar *rule_id)
{
  g_autoptr(GPtrArray) rows = cwa_test_ui_find_all (fixture->panel, ADW_TYPE_EXPANDER_ROW);

  for (guint i = 0; i < rows->len; i++)
    {
      CwaFinding *finding = g_object_get_data (g_ptr_array_index (rows, i), "cwa-finding");

      if (finding != NULL && g_str_equal (cwa_finding_get_rule_id (finding), rule_id))
        return g_ptr_array_index (rows, i);
    }
  g_assert_not_reached ();
}

/* The deployment tree, by keyboard: F6 to the editor's pane when the
 * focus is elsewhere (its first widget takes the focus), then Tab, or
 * Shift+Tab back from the form below the tree, into the list; Home, and
 * Down to the row of @subject. */
static void
select_in_tree (Fixture  *fixture,
                gpointer  subject)
{
  GtkWidget *tree = editor_child (fixture, "tree_view");

  if (focus_widget (fixture) == NULL)
    press (fixture, "Tab");
  if (!focus_is_in (fixture, GTK_WIDGET (fixture->editor)))
    press_until_in (fixture, "F6", GTK_WIDGET (fixture->editor), 3);
  if (focus_is_in (fixture, editor_child (fixture, "topology_toggle")) ||
      focus_is_in (fixture, editor_child (fixture, "plan_name_entry")))
    press_until_in (fixture, "Tab", tree, 3);
  else
    press_until_in (fixture, "<Shift>Tab", tree, 25);
  press (fixture, "Home");
  for (guint i = 0; i < 20 && cwa_deployment_editor_get_selected (fixture->editor) != subject; i++)
    press (fixture, "Down");
  g_assert_true (cwa_deployment_editor_get_selected (fixture->editor) == subject);
}

/* The button labelled @label below @widget; it must be there. */
static GtkWidget *
find_button (GtkWidget   *widget,
             const gchar *label)
{
  GtkWidget *button = cwa_test_ui_find_button (widget, label);

  g_assert_nonnull (button);
  return button;
}

static CwaDnsRecordsSection *
find_dns_section (Fixture *fixture)
{
  g_autoptr(GPtrArray) sections = cwa_test_ui_find_all (fixture->panel, CWA_TYPE_DNS_RECORDS_SECTION);

  g_assert_cmpuint (sections->len, ==, 1);
  return g_ptr_array_index (sections, 0);
}

/* Ctrl+Z back to the empty plan, one step at a time, each giving back
 * the plan as it was before that step; then Ctrl+Shift+Z forward again to
 * the plan as it was before the next step, and the end. */
static void
undo_and_redo_all (Fixture *fixture)
{
  guint n = fixture->before->len - 1;

  g_assert_cmpuint (n_entries (fixture), ==, n);
  press_until_in (fixture, "F6", GTK_WIDGET (fixture->editor), 3);
  for (guint i = n; i > 0; i--)
    {
      g_autofree gchar *text = NULL;

      press (fixture, "<Control>z");
      text = dup_plan_text (fixture);
      g_assert_cmpstr (text, ==, g_ptr_array_index (fixture->before, i - 1));
    }
  g_assert_false (cwa_history_get_can_undo (cwa_plan_get_history (plan_of (fixture))));
  for (guint i = 1; i <= n; i++)
    {
      g_autofree gchar *text = NULL;

      press (fixture, "<Control><Shift>z");
      text = dup_plan_text (fixture);
      g_assert_cmpstr (text, ==, g_ptr_array_index (fixture->before, i));
    }
  g_assert_false (cwa_history_get_can_redo (cwa_plan_get_history (plan_of (fixture))));
  cwa_checklist_update (cwa_window_get_checklist (fixture->window));
  cwa_test_ui_drain_main_loop ();
  g_assert_false (cwa_test_ui_panel_shows_failure (fixture->panel, "deployment.unique-urls"));
  g_assert_false (cwa_test_ui_panel_shows_failure (fixture->panel, "lb.has-ssl-cert"));
}

/* The first Save asks for a file in the desktop's own dialog
 * (GtkFileChooserNative), out of reach here: the plan gets its file as
 * that dialog's answer gives it.  Then Ctrl+S saves an edit (the last
 * step undone) to it, and the file opens again as it was saved. */
static void
save_and_reopen (Fixture *fixture)
{
  g_autofree gchar *path = g_build_filename (fixture->tmpdir, "array.cwaplan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  CwaPlan *plan = plan_of (fixture);
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) reopened = NULL;

  g_assert_true (cwa_window_save_to_file (fixture->window, file, &error));
  g_assert_no_error (error);
  press (fixture, "<Control>z");
  g_assert_true (cwa_plan_get_modified (plan));
  press (fixture, "<Control>s");
  CWA_TEST_WAIT_FOR (!cwa_plan_get_modified (plan));
  saved = cwa_plan_file_serialize (plan, file, &error);
  g_assert_no_error (error);

  cwa_window_open_file (fixture->window, file);
  CWA_TEST_WAIT_FOR (cwa_window_get_plan (fixture->window) != plan);
  reopened = cwa_plan_file_serialize (plan_of (fixture), file, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (saved, reopened));
  g_assert_cmpuint (g_list_model_get_n_items (cwa_deployment_get_load_balancers (cwa_plan_get_deployment (plan_of (fixture)))),
                    ==, 1);
}

/* Each certificate copied as PEM text and pasted with Ctrl+V (outside an
 * entry, which would paste the text into itself); one paste is one file,
 * a leaf with its chain, so each goes on its own. */
static void
paste_certificates (Fixture *fixture)
{
  static const gchar *names[] = {
    "im-contoso-array.pem", "im-contoso-public.pem", "mtls-cwa01.pem", "mtls-cwa02.pem",
    "contoso-root.pem", "stand-in-public-root.pem",
  };
  GListModel *certificates = cwa_plan_get_certificates (plan_of (fixture));

  gtk_widget_grab_focus (editor_child (fixture, "topology_toggle"));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree gchar *relative = g_build_filename ("certs", names[i], NULL);
      g_autofree gchar *path = cwa_test_example_path (relative);
      g_autofree gchar *pem = NULL;

      g_assert_true (g_file_get_contents (path, &pem, NULL, NULL));
      gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (fixture->window)), pem);
      press (fixture, "<Control>v");
      CWA_TEST_WAIT_FOR (g_list_model_get_n_items (certificates) == i + 1);
    }
}

/* Ctrl+Shift+N / Ctrl+Shift+U, each leaving the focus in the entry to
 * type the name into. */
static void
add_computer_with_virtual_server (Fixture     *fixture,
                                  const gchar *fqdn,
                                  const gchar *url)
{
  step_begin (fixture);
  press (fixture, "<Control><Shift>n");
  step_end (fixture);
  g_assert_true (focus_is_in (fixture, editor_child (fixture, "fqdn_entry")));
  type_text (fixture, fqdn);
  g_assert_true (cwa_deployment_editor_get_selected (fixture->editor) ==
                 cwa_deployment_find_server (cwa_plan_get_deployment (plan_of (fixture)), fqdn));

  step_begin (fixture);
  press (fixture, "<Control><Shift>u");
  step_end (fixture);
  g_assert_true (focus_is_in (fixture, editor_child (fixture, "url_entry")));
  type_text (fixture, url);
}

/* The fix of the failed deployment.unique-urls, reached from the
 * checklist by F6, Tab, Return on the finding, Tab to the fix, Return. */
static CwaLoadBalancer *
make_array_from_checklist (Fixture *fixture)
{
  GListModel *load_balancers = cwa_deployment_get_load_balancers (cwa_plan_get_deployment (plan_of (fixture)));
  GtkWidget *row = finding_row (fixture, "deployment.unique-urls");
  g_autoptr(CwaLoadBalancer) load_balancer = NULL;
  GtkWidget *fix;

  press_until_in (fixture, "F6", GTK_WIDGET (fixture->panel), 3);
  press_until_in (fixture, "Tab", row, 10);
  press (fixture, "Return");
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));
  fix = gtk_widget_get_ancestor (find_button (row, "_Make Array…"), ADW_TYPE_ACTION_ROW);
  /* Tab reaches the rows once they are revealed, as for a user. */
  CWA_TEST_WAIT_FOR (gtk_revealer_get_child_revealed (GTK_REVEALER (gtk_widget_get_ancestor (fix, GTK_TYPE_REVEALER))));
  press_until_in (fixture, "Tab", fix, 6);
  step_begin (fixture);
  press (fixture, "Return");
  step_end (fixture);

  g_assert_cmpuint (g_list_model_get_n_items (load_balancers), ==, 1);
  load_balancer = g_list_model_get_item (load_balancers, 0);
  return load_balancer;
}

/* Alt+D picks the audience, Alt+T the SSL certificate, of each. */
static void
make_external_with_certificates (Fixture          *fixture,
                                 CwaVirtualServer *vs1,
                                 CwaVirtualServer *vs2)
{
  for (guint i = 0; i < 2; i++)
    {
      CwaVirtualServer *vs = i == 0 ? vs1 : vs2;
      GtkDropDown *audience = editor_child (fixture, "audience_dropdown");

      select_in_tree (fixture, vs);
      step_begin (fixture);
      press (fixture, "<Alt>d");
      pick_in_dropdown (fixture, audience, 1);
      step_end (fixture);
      g_assert_cmpint (cwa_virtual_server_get_audience (vs), ==, CWA_AUDIENCE_EXTERNAL);

      step_begin (fixture);
      choose_certificate (fixture, "<Alt>t", editor_child (fixture, "ssl_dropdown"), "im.contoso.com", "Contoso Root CA");
      step_end (fixture);
      g_assert_cmpstr (cwa_certificate_get_issuer_cn (cwa_virtual_server_get_ssl_certificate (vs)), ==, "Contoso Root CA");
    }
  g_assert_false (cwa_test_ui_panel_shows_failure (fixture->panel, "vs.has-ssl-cert"));
}

/* The load balancer offloads SSL (Alt+L), with its own certificate. */
static void
offload_with_certificate (Fixture         *fixture,
                          CwaLoadBalancer *lb)
{
  select_in_tree (fixture, lb);
  step_begin (fixture);
  press (fixture, "<Alt>l");
  step_end (fixture);
  g_assert_true (cwa_load_balancer_get_ssl_offload (lb));
  g_assert_true (cwa_test_ui_panel_shows_failure (fixture->panel, "lb.has-ssl-cert"));
  step_begin (fixture);
  choose_certificate (fixture, "<Alt>t",
                      cwa_test_ui_child (editor_child (fixture, "load_balancer_form"),
                                         CWA_TYPE_LOAD_BALANCER_FORM, "certificate_dropdown"),
                      "im.contoso.com", "Contoso Root CA");
  step_end (fixture);
  g_assert_false (cwa_test_ui_panel_shows_failure (fixture->panel, "lb.has-ssl-cert"));
}

/* The MTLS certificates of the computers (Alt+M). */
static void
assign_mtls_certificates (Fixture *fixture)
{
  for (guint i = 0; i < 2; i++)
    {
      CwaServer *server = server_at (fixture, i);

      select_in_tree (fixture, server);
      step_begin (fixture);
      choose_certificate (fixture, "<Alt>m", editor_child (fixture, "mtls_dropdown"),
                          cwa_server_get_fqdn (server), "Contoso Root CA");
      step_end (fixture);
    }
  g_assert_false (cwa_test_ui_panel_shows_failure (fixture->panel, "mtls.subject-is-server-fqdn"));
}

static void
test_array_behind_proxy (Fixture       *fixture,
                         gconstpointer  data)
{
  CwaDeployment *deployment = cwa_plan_get_deployment (plan_of (fixture));
  CwaVirtualServer *vs1;
  CwaVirtualServer *vs2;
  CwaLoadBalancer *lb;
  CwaReverseProxy *proxy;
  CwaPublishingRule *rule;
  g_autoptr(GListModel) proxies = NULL;
  g_autofree gchar *dns = NULL;
  g_autofree gchar *dns_shown = NULL;

  paste_certificates (fixture);

  /* Two computers, each with a virtual server of the same URL. */
  add_computer_with_virtual_server (fixture, "cwa01.contoso.com", "https://im.contoso.com");
  add_computer_with_virtual_server (fixture, "cwa02.contoso.com", "https://im.contoso.com");
  vs1 = virtual_server_of (server_at (fixture, 0));
  vs2 = virtual_server_of (server_at (fixture, 1));
  g_assert_cmpstr (cwa_virtual_server_get_host (vs2), ==, "im.contoso.com");
  g_assert_true (cwa_test_ui_panel_shows_failure (fixture->panel, "deployment.unique-urls"));

  /* "Make array…", the fix the checklist offers. */
  lb = make_array_from_checklist (fixture);
  g_assert_cmpstr (cwa_load_balancer_get_fqdn (lb), ==, "im.contoso.com");
  g_assert_true (cwa_load_balancer_has_member (lb, "cwa01.contoso.com"));
  g_assert_true (cwa_load_balancer_has_member (lb, "cwa02.contoso.com"));
  g_assert_false (cwa_test_ui_panel_shows_failure (fixture->panel, "deployment.unique-urls"));

  make_external_with_certificates (fixture, vs1, vs2);

  /* "Publish through reverse proxy…": a new proxy and its rule, whose
   * form then takes the listener certificate. */
  step_begin (fixture);
  press (fixture, "<Alt>b");
  step_end (fixture);
  proxies = g_object_ref (cwa_deployment_get_reverse_proxies (deployment));
  g_assert_cmpuint (g_list_model_get_n_items (proxies), ==, 1);
  proxy = g_list_model_get_item (proxies, 0);
  g_object_unref (proxy);
  rule = cwa_reverse_proxy_find_publishing_rule (proxy, "im.contoso.com");
  g_assert_nonnull (rule);
  g_assert_true (cwa_deployment_editor_get_selected (fixture->editor) == (gpointer) rule);
  g_assert_true (cwa_test_ui_panel_shows_failure (fixture->panel, "rp.has-listener-cert"));
  step_begin (fixture);
  choose_certificate (fixture, "<Alt>t",
                      cwa_test_ui_child (editor_child (fixture, "publishing_rule_form"),
                                         CWA_TYPE_PUBLISHING_RULE_FORM, "certificate_dropdown"),
                      "im.contoso.com", "Stand-in Public Root CA");
  step_end (fixture);
  g_assert_cmpstr (cwa_certificate_get_issuer_cn (cwa_publishing_rule_get_listener_certificate (rule)),
                   ==, "Stand-in Public Root CA");
  g_assert_false (cwa_test_ui_panel_shows_failure (fixture->panel, "rp.has-listener-cert"));

  offload_with_certificate (fixture, lb);
  assign_mtls_certificates (fixture);

  /* The DNS records: Alt+Y copies them all. */
  dns_shown = cwa_dns_records_section_dup_text (find_dns_section (fixture));
  g_assert_nonnull (strstr (dns_shown, "im.contoso.com"));
  press (fixture, "<Alt>y");
  /* The button clicks a moment after its key, as it shows pressed. */
  for (guint i = 0; i < 50 && g_strcmp0 (dns, dns_shown) != 0; i++)
    {
      g_free (dns);
      g_usleep (20000);
      cwa_test_ui_drain_main_loop ();
      dns = cwa_test_ui_read_clipboard (fixture->window);
    }
  g_assert_cmpstr (dns, ==, dns_shown);
  g_ptr_array_add (fixture->before, dup_plan_text (fixture));

  undo_and_redo_all (fixture);
  save_and_reopen (fixture);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree gchar *data_home = g_dir_make_tmp ("cwa-test-keyboard-XXXXXX", NULL);
  int status;

  if (!cwa_test_ui_init (&argc, &argv, data_home))
    return g_test_run ();

  g_test_add ("/cwa/ui/keyboard/array-behind-proxy", Fixture, NULL,
              fixture_setup, test_array_behind_proxy, fixture_teardown);

  status = g_test_run ();
  cwa_test_remove_tree (data_home);
  return status;
}

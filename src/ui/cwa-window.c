/* cwa-window.c: the window of one plan: construction, the plan and its checklist bound to the panes. */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "cwa-cert-field.h"
#include "cwa-count-text.h"
#include "cwa-load-failures.h"
#include "cwa-plan-file.h"
#include "cwa-plan-notice-bar.h"
#include "cwa-report.h"
#include "cwa-ui-util.h"
#include "cwa-window-private.h"

/* More files than this in one drop show a progress bar. */
#define PROGRESS_THRESHOLD 5
/* How long a finished load's full bar stays before the title comes back. */
#define PROGRESS_LINGER_MS 600
#define MAX_RECENT 8

enum {
  PROP_0,
  PROP_PLAN,
  PROP_CHECKLIST,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CwaWindow, cwa_window, ADW_TYPE_APPLICATION_WINDOW)

void
_cwa_window_show_error (CwaWindow   *self,
                        const gchar *heading,
                        const gchar *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_cwa_window_toast (CwaWindow   *self,
                   const gchar *text)
{
  g_autofree gchar *escaped = g_markup_escape_text (text, -1);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

/* Title and subtitle: closures of the template (cwa-window.ui). */

static gchar *
title_closure (CwaWindow   *self,
               const gchar *name,
               GFile       *file,
               gboolean     modified)
{
  g_autofree gchar *file_label = NULL;

  if (name == NULL || *name == '\0')
    name = _("Untitled Plan");
  file_label = file != NULL ? cwa_ui_dup_file_label (file) : g_strdup (_("not saved"));

  /* Translators: window title: plan name — file name, and a bullet when modified */
  return g_strdup_printf (modified ? _("%s — %s •") : _("%s — %s"), name, file_label);
}

static gchar *
folder_closure (CwaWindow *self,
                GFile     *file)
{
  g_autoptr(GFile) parent = file != NULL ? g_file_get_parent (file) : NULL;

  if (parent == NULL)
    return g_strdup ("");
  return cwa_ui_dup_folder_label (parent, g_get_home_dir ());
}

/* Undo: the plan's history; the window shows its toasts. */

/* Toasts queue up behind one another, so the toast on screen may belong
 * to an older entry than the newest: its button names its own entry (an
 * Undo that only acted on the newest once did nothing). */
static void
history_pushed_cb (CwaWindow   *self,
                   guint        id,
                   const gchar *title)
{
  g_autofree gchar *escaped = g_markup_escape_text (title, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-step");
  adw_toast_set_action_target_value (toast, g_variant_new_uint32 (id));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Plan and checklist. */

CwaPlan *
cwa_window_get_plan (CwaWindow *self)
{
  g_return_val_if_fail (CWA_IS_WINDOW (self), NULL);
  return self->plan;
}

CwaChecklist *
cwa_window_get_checklist (CwaWindow *self)
{
  g_return_val_if_fail (CWA_IS_WINDOW (self), NULL);
  return self->checklist;
}

CwaLiveCheck *
cwa_window_get_live_check (CwaWindow *self)
{
  g_return_val_if_fail (CWA_IS_WINDOW (self), NULL);
  return self->live_check;
}

CwaTrustSettings *
cwa_window_get_trust_settings (CwaWindow *self)
{
  g_return_val_if_fail (CWA_IS_WINDOW (self), NULL);
  return self->trust_settings;
}

CwaImportQueue *
cwa_window_get_import_queue (CwaWindow *self)
{
  g_return_val_if_fail (CWA_IS_WINDOW (self), NULL);
  return self->import_queue;
}

gboolean
cwa_window_is_pristine (CwaWindow *self)
{
  g_return_val_if_fail (CWA_IS_WINDOW (self), FALSE);
  return self->plan == NULL ||
         (cwa_plan_get_file (self->plan) == NULL && !cwa_plan_get_modified (self->plan) &&
          g_list_model_get_n_items (cwa_plan_get_certificates (self->plan)) == 0);
}

/* While files load, the checklist waits, then runs once over all of them:
 * a run per batch would redo the whole plan each time, and a large drop
 * comes in many batches. */
static void
sync_checklist_hold (CwaWindow *self)
{
  gboolean busy = self->import_queue != NULL && cwa_import_queue_get_busy (self->import_queue);
  CwaChecklist *wanted = busy ? self->checklist : NULL;

  if (self->held_checklist == wanted)
    return;
  if (self->held_checklist != NULL)
    cwa_checklist_release (self->held_checklist);
  g_clear_object (&self->held_checklist);
  if (wanted != NULL)
    {
      cwa_checklist_hold (wanted);
      self->held_checklist = g_object_ref (wanted);
    }
}

void
cwa_window_set_plan (CwaWindow *self,
                     CwaPlan   *plan)
{
  g_autoptr(CwaChecklist) checklist = NULL;
  GDateTime *now = NULL;

  g_return_if_fail (CWA_IS_WINDOW (self));
  g_return_if_fail (CWA_IS_PLAN (plan));

  if (self->plan == plan)
    return;

  checklist = cwa_checklist_new_in_language (plan, cwa_trust_settings_get_trust (self->trust_settings),
                                             CWA_LABEL_TRANSLATED);
  /* A fixed "now" (tests, screenshots) survives opening another plan. */
  if (self->checklist != NULL)
    now = cwa_checklist_get_now (self->checklist);
  if (now != NULL)
    cwa_checklist_set_now (checklist, now);

  /* Live results belong to the plan they were checked against. */
  if (self->live_check != NULL)
    cwa_live_check_clear (self->live_check);
  g_set_object (&self->plan, plan);
  g_set_object (&self->checklist, checklist);
  g_signal_group_set_target (self->plan_signals, plan);
  g_signal_group_set_target (self->history_signals, cwa_plan_get_history (plan));
  cwa_import_queue_set_plan (self->import_queue, plan);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECKLIST]);

  cwa_checklist_update (self->checklist);
  sync_checklist_hold (self);
  _cwa_window_actions_update (self);
}

static CwaPlan *
new_plan (CwaWindow *self)
{
  CwaPlan *plan = cwa_plan_new ();

  if (self->settings != NULL)
    cwa_plan_set_expiry_warning_days (plan, g_settings_get_uint (self->settings, "expiry-warning-days"));
  cwa_plan_set_modified (plan, FALSE);
  return plan;
}

/* Recent plans. */

static void
rebuild_recent_menu (CwaWindow *self)
{
  GList *items = gtk_recent_manager_get_items (self->recent_manager);
  guint n = 0;

  g_menu_remove_all (self->recent_menu);
  for (GList *l = items; l != NULL && n < MAX_RECENT; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      const gchar *uri = gtk_recent_info_get_uri (info);
      const gchar *mime = gtk_recent_info_get_mime_type (info);
      g_autoptr(GMenuItem) item = NULL;

      if (g_strcmp0 (mime, CWA_PLAN_MIME_TYPE) != 0 && !g_str_has_suffix (uri, ".cwaplan"))
        continue;
      if (!gtk_recent_info_exists (info))
        continue;

      item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);
      g_menu_item_set_action_and_target (item, "win.open-recent", "s", uri);
      g_menu_append_item (self->recent_menu, item);
      n++;
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

static void
fill_export_menu (CwaWindow *self)
{
  guint n_formats = 0;
  const CwaReportFormat * const *formats = cwa_report_formats (&n_formats);

  for (guint i = 0; i < n_formats; i++)
    {
      g_autoptr(GMenuItem) item = NULL;
      /* Translators: an Export menu item; %s is a format such as "HTML" */
      g_autofree gchar *label = g_strdup_printf (_("Export as %s…"), _(formats[i]->label));

      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target (item, "win.export", "s", formats[i]->name);
      g_menu_append_item (self->export_formats_section, item);
    }
}

/* Certificate files. */

static void
import_password_cb (GFile       *file,
                    const gchar *password,
                    gpointer     user_data)
{
  CwaWindow *self = user_data;

  cwa_import_queue_provide_password (self->import_queue, file, password);
}

static void
import_password_needed_cb (CwaWindow      *self,
                           GFile          *file,
                           gboolean        wrong,
                           CwaImportQueue *queue)
{
  cwa_password_queue_ask (self->password_queue, file, wrong, import_password_cb, self);
}

static void
import_failed_cb (CwaWindow      *self,
                  GFile          *file,
                  const gchar    *message,
                  CwaImportQueue *queue)
{
  g_ptr_array_add (self->load_failures, cwa_load_failure_new (file, message));
}

/* One toast for the files of a load that could not be read, not one
 * each: a drop of many bad files would queue toasts for minutes. */
static void
import_finished_cb (CwaWindow      *self,
                    guint           n_added,
                    CwaImportQueue *queue)
{
  if (self->load_failures->len == 0)
    return;
  cwa_load_failures_show (GTK_WIDGET (self->toast_overlay), self->load_failures);
  g_ptr_array_unref (self->load_failures);
  self->load_failures = g_ptr_array_new_with_free_func ((GDestroyNotify) cwa_load_failure_free);
}

/* Loading a certificate the plan has already changes nothing: say so,
 * naming the entry it is (one toast for a whole batch). */
static void
import_already_in_plan_cb (CwaWindow      *self,
                           GPtrArray      *entries,
                           CwaImportQueue *queue)
{
  CwaCertificate *first = g_ptr_array_index (entries, 0);
  const gchar *id = cwa_certificate_get_id (first);
  const gchar *subject = cwa_certificate_get_subject (first);
  g_autofree gchar *text = NULL;

  if (entries->len == 1)
    /* Translators: a certificate loaded again: its id in the plan and its subject */
    text = g_strdup_printf (_("“%s” (%s) is already in the plan"), id, subject);
  else
    /* Translators: certificates loaded again: the first one's id in the plan
     * and subject, and how many more */
    text = g_strdup_printf (ngettext ("“%s” (%s) and %u more certificate are already in the plan",
                                      "“%s” (%s) and %u more certificates are already in the plan",
                                      entries->len - 1),
                            id, subject, entries->len - 1);
  _cwa_window_toast (self, text);
}

static void
progress_linger_done_cb (gpointer data)
{
  CwaWindow *self = data;

  self->progress_linger_id = 0;
  gtk_stack_set_visible_child_name (self->title_stack, "title");
}

static void
import_progress_cb (CwaWindow      *self,
                    GParamSpec     *pspec,
                    CwaImportQueue *queue)
{
  guint total = cwa_import_queue_get_n_total (queue);
  guint done = cwa_import_queue_get_n_done (queue);
  g_autofree gchar *done_text = NULL;
  g_autofree gchar *total_text = NULL;
  g_autofree gchar *text = NULL;

  if (cwa_import_queue_get_busy (queue) && total > PROGRESS_THRESHOLD)
    {
      g_clear_handle_id (&self->progress_linger_id, g_source_remove);
      gtk_stack_set_visible_child_name (self->title_stack, "progress");
    }
  else if (g_strcmp0 (gtk_stack_get_visible_child_name (self->title_stack), "progress") == 0
           && self->progress_linger_id == 0)
    {
      /* The full bar stays a moment, so that the end of a load is seen;
       * the title then comes back in a frame of its own, apart from the
       * checklist's update, which keeps both redraws small. */
      self->progress_linger_id = g_timeout_add_once (PROGRESS_LINGER_MS, progress_linger_done_cb, self);
    }
  if (total == 0)
    return;

  done_text = cwa_count_text_dup_locale (done);
  total_text = cwa_count_text_dup_locale (total);
  /* Translators: certificate files loaded of those dropped, both counts with
   * the locale's digit grouping ("1.234 of 10.000" in German) */
  text = g_strdup_printf (_("Loading certificates: %s of %s"), done_text, total_text);
  gtk_progress_bar_set_fraction (self->progress_bar, (gdouble) done / total);
  gtk_label_set_text (self->progress_label, text);
}

void
cwa_window_add_certificate_files (CwaWindow  *self,
                                  GFile     **files,
                                  guint       n_files)
{
  g_return_if_fail (CWA_IS_WINDOW (self));

  for (guint i = 0; i < n_files; i++)
    cwa_import_queue_add_file (self->import_queue, files[i]);
  if (n_files > 0)
    _cwa_window_remember_folder (self, files[0]);
}

/* Activating a finding selects its subject in the other panes. */

static void
finding_activated_cb (CwaWindow         *self,
                      CwaFinding        *finding,
                      CwaChecklistPanel *panel)
{
  CwaVirtualServer *virtual_server = cwa_finding_get_virtual_server (finding);
  CwaServer *server = cwa_finding_get_server (finding);
  CwaCertificate *certificate = cwa_finding_get_certificate (finding);

  if (virtual_server != NULL)
    cwa_deployment_editor_select (self->editor, virtual_server);
  else if (server != NULL)
    cwa_deployment_editor_select (self->editor, server);

  if (certificate != NULL)
    cwa_certificate_inspector_select (self->inspector, certificate,
                                      cwa_cert_field_id_for_rule (cwa_finding_get_rule_id (finding)));
}

/* GObject. */

static void
save_window_state (CwaWindow *self)
{
  gint width;
  gint height;

  if (self->settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (self->settings, "deployment-pane-width", gtk_paned_get_position (self->outer_paned));
  g_settings_set_int (self->settings, "inspector-pane-width", gtk_paned_get_position (self->inner_paned));
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)) && width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", MAX (width, 360));
      g_settings_set_int (self->settings, "window-height", MAX (height, 294));
    }
}

static gboolean
cwa_window_close_request (GtkWindow *window)
{
  CwaWindow *self = CWA_WINDOW (window);

  if (_cwa_window_confirm_close (self))
    return TRUE;

  save_window_state (self);
  return GTK_WINDOW_CLASS (cwa_window_parent_class)->close_request (window);
}

static void
cwa_window_dispose (GObject *object)
{
  CwaWindow *self = CWA_WINDOW (object);

  if (self->recent_manager != NULL)
    g_signal_handlers_disconnect_by_data (self->recent_manager, self);
  g_clear_handle_id (&self->progress_linger_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), CWA_TYPE_WINDOW);
  g_clear_object (&self->chooser);
  g_clear_object (&self->pending_open);
  g_clear_object (&self->password_queue);
  if (self->import_queue != NULL)
    g_signal_handlers_disconnect_by_data (self->import_queue, self);
  g_clear_object (&self->import_queue);
  g_clear_pointer (&self->load_failures, g_ptr_array_unref);
  sync_checklist_hold (self);
  g_clear_object (&self->plan_signals);
  g_clear_object (&self->history_signals);
  if (self->live_check != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->live_check, self);
      cwa_live_check_clear (self->live_check);
    }
  g_clear_object (&self->live_check);
  g_clear_object (&self->checklist);
  g_clear_object (&self->plan);
  if (self->trust_settings != NULL)
    g_signal_handlers_disconnect_by_data (self->trust_settings, self);
  g_clear_object (&self->trust_settings);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (cwa_window_parent_class)->dispose (object);
}

static void
cwa_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CwaWindow *self = CWA_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    case PROP_CHECKLIST:
      g_value_set_object (value, self->checklist);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cwa_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  CwaWindow *self = CWA_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      if (g_value_get_object (value) != NULL)
        cwa_window_set_plan (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cwa_window_class_init (CwaWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = cwa_window_dispose;
  object_class->get_property = cwa_window_get_property;
  object_class->set_property = cwa_window_set_property;
  window_class->close_request = cwa_window_close_request;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, CWA_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CHECKLIST] =
    g_param_spec_object ("checklist", NULL, NULL, CWA_TYPE_CHECKLIST,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CWA_TYPE_DEPLOYMENT_EDITOR);
  g_type_ensure (CWA_TYPE_CERTIFICATE_INSPECTOR);
  g_type_ensure (CWA_TYPE_CHECKLIST_PANEL);
  g_type_ensure (CWA_TYPE_PLAN_NOTICE_BAR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/cwacertplanner/CertPlanner/cwa-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CwaWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CwaWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, CwaWindow, title_stack);
  gtk_widget_class_bind_template_child (widget_class, CwaWindow, progress_label);
  gtk_widget_class_bind_template_child (widget_class, CwaWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, CwaWindow, outer_paned);
  gtk_widget_class_bind_template_child (widget_class, CwaWindow, inner_paned);
  gtk_widget_class_bind_template_child (widget_class, CwaWindow, editor);
  gtk_widget_class_bind_template_child (widget_class, CwaWindow, inspector);
  gtk_widget_class_bind_template_child (widget_class, CwaWindow, checklist_panel);
  gtk_widget_class_bind_template_child (widget_class, CwaWindow, live_revealer);
  gtk_widget_class_bind_template_child (widget_class, CwaWindow, live_progress_bar);
  gtk_widget_class_bind_template_child (widget_class, CwaWindow, live_cancel_button);
  gtk_widget_class_bind_template_child (widget_class, CwaWindow, recent_menu);
  gtk_widget_class_bind_template_child (widget_class, CwaWindow, export_formats_section);
  gtk_widget_class_bind_template_callback (widget_class, finding_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, title_closure);
  gtk_widget_class_bind_template_callback (widget_class, folder_closure);

  _cwa_window_class_actions_init (widget_class);
  _cwa_window_class_live_init (widget_class);
}

/* Run from the build tree the schema may not be installed: the window
 * then simply does not remember its state. */
static void
init_settings (CwaWindow *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL)
    return;

  self->settings = g_settings_new (APPLICATION_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  /* Read once here and written once on closing, like the window's size:
   * bound both ways, a pane that corrects a stored width below its
   * children's minimum wrote the correction back, and where the write
   * fails (no session bus for dconf) the backend's revert set the old
   * width again, 30 times a second for ever. */
  gtk_paned_set_position (self->outer_paned, g_settings_get_int (self->settings, "deployment-pane-width"));
  gtk_paned_set_position (self->inner_paned, g_settings_get_int (self->settings, "inspector-pane-width"));
}

static void
init_import_queue (CwaWindow *self)
{
  self->password_queue = cwa_password_queue_new (GTK_WINDOW (self));
  self->load_failures = g_ptr_array_new_with_free_func ((GDestroyNotify) cwa_load_failure_free);
  self->import_queue = cwa_import_queue_new (NULL);
  g_signal_connect_object (self->import_queue, "password-needed",
                           G_CALLBACK (import_password_needed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->import_queue, "failed",
                           G_CALLBACK (import_failed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->import_queue, "already-in-plan",
                           G_CALLBACK (import_already_in_plan_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->import_queue, "finished",
                           G_CALLBACK (import_finished_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->import_queue, "notify::n-done",
                           G_CALLBACK (import_progress_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->import_queue, "notify::busy",
                           G_CALLBACK (import_progress_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->import_queue, "notify::busy",
                           G_CALLBACK (sync_checklist_hold), self, G_CONNECT_SWAPPED);
}

/* Preferences changed the public roots: the checklist builds its chains
 * again and re-runs. */
static void
trust_changed_cb (CwaWindow *self)
{
  if (self->checklist != NULL)
    cwa_checklist_set_trust (self->checklist, cwa_trust_settings_get_trust (self->trust_settings));
}

static void
cwa_window_init (CwaWindow *self)
{
  g_autoptr(CwaPlan) plan = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Not a template binding: GTK 4.8 fails to unwatch an expression bound
   * to a property of the template object itself when it is finalized. */
  g_object_bind_property (self->window_title, "title", self, "title", G_BINDING_SYNC_CREATE);
  init_settings (self);

  /* Without system roots every chain is "not public": a warning, not a crash. */
  self->trust_settings = cwa_trust_settings_new ();
  g_signal_connect_swapped (self->trust_settings, "notify::trust", G_CALLBACK (trust_changed_cb), self);
  init_import_queue (self);

  self->plan_signals = g_signal_group_new (CWA_TYPE_PLAN);
  g_signal_group_connect_swapped (self->plan_signals, "notify::file",
                                  G_CALLBACK (_cwa_window_actions_update), self);
  g_signal_group_connect_swapped (self->plan_signals, "notify::modified",
                                  G_CALLBACK (_cwa_window_actions_update), self);
  self->history_signals = g_signal_group_new (CWA_TYPE_HISTORY);
  g_signal_group_connect_swapped (self->history_signals, "pushed",
                                  G_CALLBACK (history_pushed_cb), self);
  g_signal_group_connect_swapped (self->history_signals, "notify::can-undo",
                                  G_CALLBACK (_cwa_window_actions_update), self);
  g_signal_group_connect_swapped (self->history_signals, "notify::can-redo",
                                  G_CALLBACK (_cwa_window_actions_update), self);

  self->recent_manager = gtk_recent_manager_get_default ();
  g_signal_connect_swapped (self->recent_manager, "changed", G_CALLBACK (rebuild_recent_menu), self);
  rebuild_recent_menu (self);
  fill_export_menu (self);

  _cwa_window_dnd_init (self);
  _cwa_window_actions_init (self);
  _cwa_window_live_init (self);

  plan = new_plan (self);
  cwa_window_set_plan (self, plan);
}

CwaWindow *
cwa_window_new (GtkApplication *application)
{
  return g_object_new (CWA_TYPE_WINDOW, "application", application, NULL);
}

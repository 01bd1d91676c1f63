/* cwa-window-actions.c: every win.* action of the window, and the one place their enabled states are set. */
#include "config.h"

#include <glib/gi18n.h>

#include "cwa-plan-edits.h"
#include "cwa-report.h"
#include "cwa-topology-picture.h"
#include "cwa-ui-util.h"
#include "cwa-window-private.h"

void
_cwa_window_actions_update (CwaWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  CwaPlan *plan = self->plan;

  gtk_widget_action_set_enabled (widget, "win.save",
                                 plan != NULL && !self->saving &&
                                 (cwa_plan_get_modified (plan) || cwa_plan_get_file (plan) == NULL));
  gtk_widget_action_set_enabled (widget, "win.save-as", plan != NULL && !self->saving);
  gtk_widget_action_set_enabled (widget, "win.undo",
                                 plan != NULL && cwa_history_get_can_undo (cwa_plan_get_history (plan)));
  gtk_widget_action_set_enabled (widget, "win.redo",
                                 plan != NULL && cwa_history_get_can_redo (cwa_plan_get_history (plan)));
}

/* Undo: the plan's history, whichever pane made the edit. */

static void
undo_action (GtkWidget   *widget,
             const gchar *action_name,
             GVariant    *parameter)
{
  CwaWindow *self = CWA_WINDOW (widget);

  if (self->plan != NULL)
    cwa_history_undo (cwa_plan_get_history (self->plan));
}

static void
redo_action (GtkWidget   *widget,
             const gchar *action_name,
             GVariant    *parameter)
{
  CwaWindow *self = CWA_WINDOW (widget);

  if (self->plan != NULL)
    cwa_history_redo (cwa_plan_get_history (self->plan));
}

/* A toast's Undo.  A toast stays up after Ctrl+Z undid its entry
 * (dismissing toasts from code crashes libadwaita 1.2): then its entry is
 * gone and this does nothing. */
static void
undo_step_action (GtkWidget   *widget,
                  const gchar *action_name,
                  GVariant    *parameter)
{
  CwaWindow *self = CWA_WINDOW (widget);

  if (self->plan != NULL)
    cwa_history_undo_entry (cwa_plan_get_history (self->plan), g_variant_get_uint32 (parameter));
}

/* The fix of a failed deployment.unique-urls (the checklist's "Make
 * Array…"): the editor makes the array and selects the new load balancer,
 * so that the user goes on editing it. */
static void
make_array_action (GtkWidget   *widget,
                   const gchar *action_name,
                   GVariant    *parameter)
{
  CwaWindow *self = CWA_WINDOW (widget);
  CwaVirtualServer *candidate = self->plan != NULL ? cwa_plan_edits_find_array_candidate (self->plan) : NULL;

  if (candidate != NULL)
    cwa_deployment_editor_make_array (self->editor, candidate);
}

/* Opening and saving (cwa-window-files.c does the work). */

static void
open_response_cb (GtkNativeDialog *chooser,
                  gint             response,
                  CwaWindow       *self)
{
  g_autoptr(GFile) file = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    return;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  cwa_window_open_file (self, file);
}

static void
open_action (GtkWidget   *widget,
             const gchar *action_name,
             GVariant    *parameter)
{
  CwaWindow *self = CWA_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = _cwa_window_plan_filter ();

  chooser = _cwa_window_make_chooser (self, _("Open Plan"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect_object (chooser, "response", G_CALLBACK (open_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_recent_action (GtkWidget   *widget,
                    const gchar *action_name,
                    GVariant    *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  cwa_window_open_file (CWA_WINDOW (widget), file);
}

static void
save_action (GtkWidget   *widget,
             const gchar *action_name,
             GVariant    *parameter)
{
  _cwa_window_save (CWA_WINDOW (widget));
}

static void
save_as_action (GtkWidget   *widget,
                const gchar *action_name,
                GVariant    *parameter)
{
  _cwa_window_save_as (CWA_WINDOW (widget));
}

/* Certificates. */

static void
add_certificates_response_cb (GtkNativeDialog *chooser,
                              gint             response,
                              CwaWindow       *self)
{
  g_autoptr(GListModel) files = NULL;
  g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);

  if (response != GTK_RESPONSE_ACCEPT)
    return;

  files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    g_ptr_array_add (array, g_list_model_get_item (files, i));
  cwa_window_add_certificate_files (self, (GFile **) array->pdata, array->len);
}

static void
add_certificates_action (GtkWidget   *widget,
                         const gchar *action_name,
                         GVariant    *parameter)
{
  CwaWindow *self = CWA_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) certs = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  static const gchar *suffixes[] = { "pem", "crt", "cer", "der", "p7b", "p7c", "pfx", "p12" };

  chooser = _cwa_window_make_chooser (self, _("Add Certificates"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Add"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_file_filter_set_name (certs, _("Certificate Files"));
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    gtk_file_filter_add_suffix (certs, suffixes[i]);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), certs);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  g_signal_connect_object (chooser, "response", G_CALLBACK (add_certificates_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
paste_certificates_action (GtkWidget   *widget,
                           const gchar *action_name,
                           GVariant    *parameter)
{
  _cwa_window_paste_certificates (CWA_WINDOW (widget));
}

static void
find_action (GtkWidget   *widget,
             const gchar *action_name,
             GVariant    *parameter)
{
  cwa_certificate_inspector_focus_search (CWA_WINDOW (widget)->inspector);
}

/* Reports: made from a checklist of their own, because the window's
 * speaks the user's language and reports stay English (cwa-vs-label.h). */

static CwaReport *
make_report (CwaWindow *self)
{
  g_autoptr(GDateTime) generated = g_date_time_new_now_utc ();
  g_autoptr(CwaChecklist) checklist = cwa_checklist_new_alike (self->checklist, CWA_LABEL_ENGLISH);
  g_autofree gchar *plan_file = NULL;

  if (cwa_plan_get_file (self->plan) != NULL)
    plan_file = g_file_get_basename (cwa_plan_get_file (self->plan));
  cwa_checklist_update (checklist);
  return cwa_report_new (self->plan, checklist, plan_file, generated);
}

static void
export_response_cb (GtkNativeDialog *chooser,
                    gint             response,
                    CwaWindow       *self)
{
  const CwaReportFormat *format = g_object_get_data (G_OBJECT (chooser), "cwa-format");
  g_autoptr(GFile) file = NULL;
  g_autoptr(CwaReport) report = NULL;
  g_autoptr(GError) error = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    return;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  report = make_report (self);
  if (!cwa_report_write_file (report, format, file, &error))
    _cwa_window_show_error (self, _("Could Not Export the Report"), error->message);
  else
    _cwa_window_toast (self, _("Report exported"));
}

static void
export_action (GtkWidget   *widget,
               const gchar *action_name,
               GVariant    *parameter)
{
  CwaWindow *self = CWA_WINDOW (widget);
  const CwaReportFormat *format = cwa_report_format_lookup (g_variant_get_string (parameter, NULL));
  GtkFileChooserNative *chooser;
  const gchar *name = cwa_plan_get_name (self->plan);
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  g_autofree gchar *date = g_date_time_format (today, "%Y-%m-%d");
  g_autofree gchar *suggested = NULL;

  if (format == NULL)
    return;

  chooser = _cwa_window_make_chooser (self, _("Export Report"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"));
  /* Translators: the file name proposed for an exported report: the plan's
   * name, then the date of the check, then the extension (pdf, html...) */
  suggested = g_strdup_printf (_("%s certificate check %s.%s"),
                               name != NULL && *name != '\0' ? name : _("CWA"),
                               date, format->extension);
  /* A plan name may hold a slash; a file name may not. */
  g_strdelimit (suggested, "/", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  g_object_set_data (G_OBJECT (chooser), "cwa-format", (gpointer) format);
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The topology as a picture: PNG or SVG by the name's extension. */
gboolean
cwa_window_export_picture (CwaWindow  *self,
                           GFile      *file,
                           GError    **error)
{
  g_return_val_if_fail (CWA_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  cwa_checklist_update (self->checklist);
  return cwa_topology_picture_write_file (self->plan, self->checklist, file, error);
}

static void
export_picture_response_cb (GtkNativeDialog *chooser,
                            gint             response,
                            CwaWindow       *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    return;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (!cwa_window_export_picture (self, file, &error))
    _cwa_window_show_error (self, _("Could Not Export the Picture"), error->message);
  else
    _cwa_window_toast (self, _("Picture exported"));
}

static void
export_picture_action (GtkWidget   *widget,
                       const gchar *action_name,
                       GVariant    *parameter)
{
  CwaWindow *self = CWA_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) png = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) svg = gtk_file_filter_new ();
  const gchar *name = cwa_plan_get_name (self->plan);
  g_autofree gchar *suggested = NULL;

  chooser = _cwa_window_make_chooser (self, _("Export Picture"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"));
  /* Translators: the file name suggested for the exported topology picture */
  suggested = g_strdup_printf ("%s.png", name != NULL && *name != '\0' ? name : _("topology"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  gtk_file_filter_set_name (png, _("PNG Image"));
  gtk_file_filter_add_suffix (png, "png");
  gtk_file_filter_set_name (svg, _("SVG Image"));
  gtk_file_filter_add_suffix (svg, "svg");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), png);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), svg);
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_picture_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
copy_markdown_action (GtkWidget   *widget,
                      const gchar *action_name,
                      GVariant    *parameter)
{
  CwaWindow *self = CWA_WINDOW (widget);
  const CwaReportFormat *format = cwa_report_format_lookup ("markdown");
  g_autoptr(CwaReport) report = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree gchar *text = NULL;

  if (format == NULL)
    return;

  report = make_report (self);
  bytes = cwa_report_write_bytes (report, format, &error);
  if (bytes == NULL)
    {
      _cwa_window_show_error (self, _("Could Not Make the Report"), error->message);
      return;
    }
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  cwa_ui_copy_text (widget, text);
  _cwa_window_toast (self, _("Report copied as Markdown"));
}

void
_cwa_window_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.add-certificates", NULL, add_certificates_action);
  gtk_widget_class_install_action (widget_class, "win.paste-certificates", NULL, paste_certificates_action);
  gtk_widget_class_install_action (widget_class, "win.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "win.export-picture", NULL, export_picture_action);
  gtk_widget_class_install_action (widget_class, "win.copy-markdown", NULL, copy_markdown_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.undo-step", "u", undo_step_action);
  gtk_widget_class_install_action (widget_class, "win.make-array", NULL, make_array_action);
}

/* Ctrl+V, Ctrl+Z and Ctrl+Shift+Z act only when the focused widget (an entry) did not
 * take the key first: hence the bubble phase, not application accels
 * (cwa-application.c holds the others). */
void
_cwa_window_actions_init (CwaWindow *self)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_BUBBLE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>v"),
                                                          gtk_named_action_new ("win.paste-certificates")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>z"),
                                                          gtk_named_action_new ("win.undo")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control><Shift>z"),
                                                          gtk_named_action_new ("win.redo")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
  _cwa_window_actions_update (self);
}

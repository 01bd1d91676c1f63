/* cwa-window.c: the window of one plan: editor, inspector and checklist side by side. */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "cwa-cert-field.h"
#include "cwa-certificate-inspector.h"
#include "cwa-checklist-panel.h"
#include "cwa-deployment-editor.h"
#include "cwa-plan-file.h"
#include "cwa-plan-notice-bar.h"
#include "cwa-report.h"
#include "cwa-topology-picture.h"
#include "cwa-ui-util.h"
#include "cwa-window.h"

/* More files than this in one drop show a progress bar. */
#define PROGRESS_THRESHOLD 5
#define MAX_RECENT 8

typedef enum
{
  AFTER_NOTHING,
  AFTER_CLOSE,
  AFTER_OPEN,
} AfterConfirm;

typedef void (*PasswordCallback) (CwaWindow   *self,
                                  GFile       *file,
                                  const gchar *password,
                                  gpointer     user_data);

typedef struct
{
  GFile            *file;
  gboolean          wrong;
  PasswordCallback  callback;
  gpointer          user_data;
} PasswordRequest;

struct _CwaWindow
{
  AdwApplicationWindow     parent_instance;

  CwaPlan                 *plan;
  CwaChecklist            *checklist;
  CwaTrust                *trust;
  CwaImportQueue          *import_queue;
  GSettings               *settings;
  GSignalGroup            *plan_signals;
  GSignalGroup            *history_signals;
  GtkRecentManager        *recent_manager;

  /* The file chooser being shown; kept alive until it answers. */
  GtkFileChooserNative    *chooser;
  GFile                   *pending_open;
  AfterConfirm             after_confirm;
  gboolean                 close_confirmed;
  GQueue                   password_requests;
  gboolean                 asking_password;

  /* Template children */
  AdwToastOverlay         *toast_overlay;
  AdwWindowTitle          *window_title;
  GtkRevealer             *progress_revealer;
  GtkProgressBar          *progress_bar;
  GtkPaned                *outer_paned;
  GtkPaned                *inner_paned;
  CwaDeploymentEditor     *editor;
  CwaCertificateInspector *inspector;
  CwaChecklistPanel       *checklist_panel;
  GMenu                   *recent_menu;
  GMenu                   *export_formats_section;
};

enum {
  PROP_0,
  PROP_PLAN,
  PROP_CHECKLIST,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CwaWindow, cwa_window, ADW_TYPE_APPLICATION_WINDOW)

static void save_as (CwaWindow *self);
static void load_plan (CwaWindow *self, GFile *file, const gchar *password);

static void
password_request_free (PasswordRequest *request)
{
  g_clear_object (&request->file);
  g_free (request);
}

static void
show_error (CwaWindow   *self,
            const gchar *heading,
            const gchar *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
toast (CwaWindow   *self,
       const gchar *text)
{
  g_autofree gchar *escaped = g_markup_escape_text (text, -1);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

static gchar *
dup_file_label (GFile *file)
{
  g_autoptr(GFileInfo) info = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info != NULL)
    return g_strdup (g_file_info_get_display_name (info));
  return g_file_get_basename (file);
}

/* Title and modified marker. */

static void
update_title (CwaWindow *self)
{
  const gchar *name = NULL;
  GFile *file = NULL;
  gboolean modified = FALSE;
  g_autofree gchar *file_label = NULL;
  g_autofree gchar *title = NULL;
  g_autofree gchar *folder = NULL;

  if (self->plan != NULL)
    {
      name = cwa_plan_get_name (self->plan);
      file = cwa_plan_get_file (self->plan);
      modified = cwa_plan_get_modified (self->plan);
    }
  if (name == NULL || *name == '\0')
    name = _("Untitled Plan");

  if (file != NULL)
    {
      g_autoptr(GFile) parent = g_file_get_parent (file);

      file_label = dup_file_label (file);
      if (parent != NULL)
        {
          g_autofree gchar *path = g_file_get_path (parent);
          const gchar *home = g_get_home_dir ();

          if (path != NULL && home != NULL && g_str_has_prefix (path, home))
            folder = g_strconcat ("~", path + strlen (home), NULL);
          else
            folder = g_steal_pointer (&path);
        }
    }
  else
    file_label = g_strdup (_("not saved"));

  /* Translators: window title: plan name — file name, and a bullet when modified */
  title = g_strdup_printf (modified ? _("%s — %s •") : _("%s — %s"), name, file_label);
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, folder != NULL ? folder : "");
  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", modified || file == NULL);
}

/* Undo: the plan's history; the window shows its toasts. */

static CwaHistory *
plan_history (CwaWindow *self)
{
  return self->plan != NULL ? cwa_plan_get_history (self->plan) : NULL;
}

static void
update_undo (CwaWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 plan_history (self) != NULL && cwa_history_get_can_undo (plan_history (self)));
}

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

static void
undo_action (GtkWidget   *widget,
             const gchar *action_name,
             GVariant    *parameter)
{
  CwaWindow *self = CWA_WINDOW (widget);

  if (plan_history (self) != NULL)
    cwa_history_undo (plan_history (self));
}

static void
undo_step_action (GtkWidget   *widget,
                  const gchar *action_name,
                  GVariant    *parameter)
{
  CwaWindow *self = CWA_WINDOW (widget);

  /* A toast stays up after Ctrl+Z undid its entry (dismissing toasts from
   * code crashes libadwaita 1.2): then its entry is gone and this does
   * nothing. */
  if (plan_history (self) != NULL)
    cwa_history_undo_entry (plan_history (self), g_variant_get_uint32 (parameter));
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

  checklist = cwa_checklist_new (plan, self->trust);
  /* A fixed "now" (tests, screenshots) survives opening another plan. */
  if (self->checklist != NULL)
    now = cwa_checklist_get_now (self->checklist);
  if (now != NULL)
    cwa_checklist_set_now (checklist, now);

  g_set_object (&self->plan, plan);
  g_set_object (&self->checklist, checklist);
  g_signal_group_set_target (self->plan_signals, plan);
  g_signal_group_set_target (self->history_signals, cwa_plan_get_history (plan));
  update_undo (self);
  cwa_import_queue_set_plan (self->import_queue, plan);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECKLIST]);

  cwa_checklist_update (self->checklist);
  update_title (self);
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

/* The folder choosers start in next time. */
static void
remember_folder (CwaWindow *self,
                 GFile     *file)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);

  if (self->settings != NULL && parent != NULL)
    {
      g_autofree gchar *folder = g_file_get_uri (parent);

      g_settings_set_string (self->settings, "last-folder", folder);
    }
}

/* A plan opened or saved: a recent plan, and its folder the last one. */
static void
remember_file (CwaWindow *self,
               GFile     *file)
{
  g_autofree gchar *uri = g_file_get_uri (file);
  GtkRecentData data = { 0 };

  data.mime_type = (gchar *) CWA_PLAN_MIME_TYPE;
  data.app_name = (gchar *) (g_get_application_name () != NULL ? g_get_application_name () : "cwa-cert-planner");
  data.app_exec = (gchar *) "cwa-cert-planner %u";
  gtk_recent_manager_add_full (self->recent_manager, uri, &data);
  remember_folder (self, file);
}

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

/* Passwords, one dialog at a time. */

static void ask_next_password (CwaWindow *self);

static void
password_response_cb (AdwMessageDialog *dialog,
                      const gchar      *response,
                      CwaWindow        *self)
{
  PasswordRequest *request = g_queue_pop_head (&self->password_requests);
  GtkWidget *entry = adw_message_dialog_get_extra_child (dialog);
  g_autofree gchar *password = NULL;

  if (g_str_equal (response, "open"))
    password = g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry)));
  /* The entry's text is wiped from the widget as soon as it is read. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "");

  self->asking_password = FALSE;
  request->callback (self, request->file, password, request->user_data);
  password_request_free (request);
  ask_next_password (self);
}

static void
ask_next_password (CwaWindow *self)
{
  PasswordRequest *request = g_queue_peek_head (&self->password_requests);
  g_autofree gchar *name = NULL;
  g_autofree gchar *heading = NULL;
  GtkWidget *dialog;
  GtkWidget *entry;

  if (request == NULL || self->asking_password)
    return;

  self->asking_password = TRUE;
  name = dup_file_label (request->file);
  heading = g_strdup_printf (_("Password for “%s”"), name);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   request->wrong
                                     ? _("That password did not open the file. Try again, or skip the file.")
                                     : _("This PKCS#12 file is protected by a password. Only its certificates are loaded; the private key is never kept."));
  /* A plain entry, not GtkPasswordEntry: GTK 4.8's password entry leaves a
   * caps-lock handler on the keyboard after it is destroyed. */
  entry = gtk_entry_new ();
  gtk_entry_set_visibility (GTK_ENTRY (entry), FALSE);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_PASSWORD);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Password"),
                                  -1);
  if (request->wrong)
    gtk_widget_add_css_class (entry, "error");
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "skip", _("_Skip"),
                                    "open", _("_Open"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "open",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "open");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "skip");
  g_signal_connect_object (dialog, "response", G_CALLBACK (password_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
ask_password (CwaWindow        *self,
              GFile            *file,
              gboolean          wrong,
              PasswordCallback  callback,
              gpointer          user_data)
{
  PasswordRequest *request = g_new0 (PasswordRequest, 1);

  request->file = g_object_ref (file);
  request->wrong = wrong;
  request->callback = callback;
  request->user_data = user_data;
  g_queue_push_tail (&self->password_requests, request);
  ask_next_password (self);
}

/* Certificate files. */

static void
import_password_cb (CwaWindow   *self,
                    GFile       *file,
                    const gchar *password,
                    gpointer     user_data)
{
  cwa_import_queue_provide_password (self->import_queue, file, password);
}

static void
import_password_needed_cb (CwaWindow      *self,
                           GFile          *file,
                           gboolean        wrong,
                           CwaImportQueue *queue)
{
  ask_password (self, file, wrong, import_password_cb, NULL);
}

static void
import_failed_cb (CwaWindow      *self,
                  GFile          *file,
                  const gchar    *message,
                  CwaImportQueue *queue)
{
  g_autofree gchar *name = dup_file_label (file);
  g_autofree gchar *text = NULL;

  if (strstr (message, name) != NULL)
    text = g_strdup (message);
  else
    /* Translators: a certificate file that could not be loaded, and why */
    text = g_strdup_printf (_("Could not load “%s”: %s"), name, message);
  toast (self, text);
}

static void
import_progress_cb (CwaWindow      *self,
                    GParamSpec     *pspec,
                    CwaImportQueue *queue)
{
  guint total = cwa_import_queue_get_n_total (queue);
  guint done = cwa_import_queue_get_n_done (queue);
  g_autofree gchar *text = NULL;

  gtk_revealer_set_reveal_child (self->progress_revealer,
                                 cwa_import_queue_get_busy (queue) && total > PROGRESS_THRESHOLD);
  if (total == 0)
    return;

  text = g_strdup_printf (_("Loading certificates: %u of %u"), done, total);
  gtk_progress_bar_set_fraction (self->progress_bar, (gdouble) done / total);
  gtk_progress_bar_set_text (self->progress_bar, text);
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
    remember_folder (self, files[0]);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         gdouble        x,
         gdouble        y,
         CwaWindow     *self)
{
  GSList *list;
  g_autoptr(GPtrArray) certificates = g_ptr_array_new ();
  GFile *plan_file = NULL;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  list = gdk_file_list_get_files (g_value_get_boxed (value));
  for (GSList *l = list; l != NULL; l = l->next)
    {
      g_autofree gchar *name = g_file_get_basename (l->data);

      /* A plan among the files opens as the plan; everything else is a
       * certificate file whatever its name says. */
      if (plan_file == NULL && name != NULL && g_str_has_suffix (name, ".cwaplan"))
        plan_file = l->data;
      else
        g_ptr_array_add (certificates, l->data);
    }

  if (plan_file != NULL)
    cwa_window_open_file (self, plan_file);
  cwa_window_add_certificate_files (self, (GFile **) certificates->pdata, certificates->len);
  g_slist_free (list);
  return TRUE;
}

static void
paste_text_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(CwaWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree gchar *text = NULL;

  text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);
  if (text == NULL || strstr (text, "-----BEGIN") == NULL)
    {
      toast (self, _("The clipboard holds no PEM certificate. Copy text starting with “-----BEGIN CERTIFICATE-----”."));
      return;
    }

  if (cwa_import_queue_add_text (self->import_queue, text, &error) < 0)
    {
      g_autofree gchar *message = g_strdup_printf (_("Could not load the pasted text: %s"), error->message);

      toast (self, message);
    }
}

static void
paste_certificates_action (GtkWidget   *widget,
                           const gchar *action_name,
                           GVariant    *parameter)
{
  CwaWindow *self = CWA_WINDOW (widget);

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL,
                                 paste_text_cb, g_object_ref (self));
}

/* File choosers. */

static GtkFileFilter *
plan_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("CWA Certificate Plans"));
  gtk_file_filter_add_mime_type (filter, CWA_PLAN_MIME_TYPE);
  gtk_file_filter_add_suffix (filter, "cwaplan");
  return filter;
}

static GtkFileChooserNative *
make_chooser (CwaWindow            *self,
              const gchar          *title,
              GtkFileChooserAction  action,
              const gchar          *accept)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, accept, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  if (self->plan != NULL && cwa_plan_get_file (self->plan) != NULL)
    {
      g_autoptr(GFile) parent = g_file_get_parent (cwa_plan_get_file (self->plan));

      if (parent != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), parent, NULL);
    }
  else if (self->settings != NULL)
    {
      g_autofree gchar *uri = g_settings_get_string (self->settings, "last-folder");

      if (uri != NULL && *uri != '\0')
        {
          g_autoptr(GFile) folder = g_file_new_for_uri (uri);

          gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
        }
    }

  g_clear_object (&self->chooser);
  self->chooser = chooser;
  return chooser;
}

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

  chooser = make_chooser (self, _("Add Certificates"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Add"));
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

/* Saving. */

gboolean
cwa_window_save_to_file (CwaWindow  *self,
                         GFile      *file,
                         GError    **error)
{
  g_return_val_if_fail (CWA_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!cwa_plan_file_save (self->plan, file, NULL, error))
    return FALSE;

  remember_file (self, file);
  update_title (self);
  return TRUE;
}

static gboolean
save_reporting_errors (CwaWindow *self,
                       GFile     *file)
{
  g_autoptr(GError) error = NULL;

  if (cwa_window_save_to_file (self, file, &error))
    return TRUE;

  show_error (self, _("Could Not Save the Plan"), error->message);
  return FALSE;
}

static void continue_after_confirm (CwaWindow *self);

static void
save_as_response_cb (GtkNativeDialog *chooser,
                     gint             response,
                     CwaWindow       *self)
{
  g_autoptr(GFile) file = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    {
      self->after_confirm = AFTER_NOTHING;
      g_clear_object (&self->pending_open);
      return;
    }

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (save_reporting_errors (self, file))
    continue_after_confirm (self);
}

static void
save_as (CwaWindow *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = plan_filter ();
  const gchar *name = cwa_plan_get_name (self->plan);
  g_autofree gchar *suggested = NULL;

  chooser = make_chooser (self, _("Save Plan"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (cwa_plan_get_file (self->plan) != NULL)
    suggested = g_file_get_basename (cwa_plan_get_file (self->plan));
  else
    suggested = g_strdup_printf ("%s.cwaplan", name != NULL && *name != '\0' ? name : _("plan"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  g_signal_connect_object (chooser, "response", G_CALLBACK (save_as_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
save_action (GtkWidget   *widget,
             const gchar *action_name,
             GVariant    *parameter)
{
  CwaWindow *self = CWA_WINDOW (widget);
  GFile *file = cwa_plan_get_file (self->plan);

  self->after_confirm = AFTER_NOTHING;
  if (file == NULL)
    save_as (self);
  else
    save_reporting_errors (self, file);
}

static void
save_as_action (GtkWidget   *widget,
                const gchar *action_name,
                GVariant    *parameter)
{
  CWA_WINDOW (widget)->after_confirm = AFTER_NOTHING;
  save_as (CWA_WINDOW (widget));
}

/* Unsaved changes: Save / Discard / Cancel before closing or opening over. */

static void
continue_after_confirm (CwaWindow *self)
{
  AfterConfirm after = self->after_confirm;
  g_autoptr(GFile) file = g_steal_pointer (&self->pending_open);

  self->after_confirm = AFTER_NOTHING;
  switch (after)
    {
    case AFTER_CLOSE:
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
      break;
    case AFTER_OPEN:
      load_plan (self, file, NULL);
      break;
    case AFTER_NOTHING:
    default:
      break;
    }
}

static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const gchar      *response,
                     CwaWindow        *self)
{
  GFile *file;

  if (g_str_equal (response, "discard"))
    {
      continue_after_confirm (self);
    }
  else if (g_str_equal (response, "save"))
    {
      file = cwa_plan_get_file (self->plan);
      if (file == NULL)
        save_as (self);
      else if (save_reporting_errors (self, file))
        continue_after_confirm (self);
    }
  else
    {
      self->after_confirm = AFTER_NOTHING;
      g_clear_object (&self->pending_open);
    }
}

static void
confirm_unsaved (CwaWindow    *self,
                 AfterConfirm  after)
{
  GtkWidget *dialog;
  const gchar *name = cwa_plan_get_name (self->plan);
  g_autofree gchar *body = NULL;

  self->after_confirm = after;
  body = g_strdup_printf (_("“%s” has unsaved changes. Changes which are not saved will be lost."),
                          name != NULL && *name != '\0' ? name : _("Untitled Plan"));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save Changes?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_window_state (CwaWindow *self)
{
  gint width;
  gint height;

  if (self->settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
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

  if (!self->close_confirmed && self->plan != NULL && cwa_plan_get_modified (self->plan))
    {
      confirm_unsaved (self, AFTER_CLOSE);
      return TRUE;
    }

  save_window_state (self);
  return GTK_WINDOW_CLASS (cwa_window_parent_class)->close_request (window);
}

/* Opening. */

typedef struct
{
  CwaWindow *self;
  GFile     *file;
  gboolean   with_password;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->file);
  g_free (data);
}

static void
plan_password_cb (CwaWindow   *self,
                  GFile       *file,
                  const gchar *password,
                  gpointer     user_data)
{
  g_autofree gchar *name = NULL;
  g_autofree gchar *text = NULL;

  if (password != NULL)
    {
      load_plan (self, file, password);
      return;
    }

  name = dup_file_label (file);
  text = g_strdup_printf (_("“%s” was not opened: it needs a certificate password."), name);
  toast (self, text);
}

static void
load_plan_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  LoadData *data = user_data;
  CwaWindow *self = data->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(CwaPlan) plan = NULL;

  plan = cwa_plan_file_load_finish (result, &error);
  if (plan != NULL)
    {
      cwa_window_set_plan (self, plan);
      remember_file (self, data->file);
    }
  else if (g_error_matches (error, CWA_PLAN_ERROR, CWA_PLAN_ERROR_NEEDS_PASSWORD))
    {
      ask_password (self, data->file, data->with_password, plan_password_cb, NULL);
    }
  else
    {
      show_error (self, _("Could Not Open the Plan"), error->message);
    }

  load_data_free (data);
}

static void
load_plan (CwaWindow   *self,
           GFile       *file,
           const gchar *password)
{
  LoadData *data = g_new0 (LoadData, 1);

  data->self = g_object_ref (self);
  data->file = g_object_ref (file);
  data->with_password = password != NULL;
  cwa_plan_file_load_async (file, password, NULL, load_plan_cb, data);
}

void
cwa_window_open_file (CwaWindow *self,
                      GFile     *file)
{
  g_return_if_fail (CWA_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->plan != NULL && cwa_plan_get_modified (self->plan))
    {
      g_set_object (&self->pending_open, file);
      confirm_unsaved (self, AFTER_OPEN);
      return;
    }

  load_plan (self, file, NULL);
}

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
  g_autoptr(GtkFileFilter) filter = plan_filter ();

  chooser = make_chooser (self, _("Open Plan"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"));
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
find_action (GtkWidget   *widget,
             const gchar *action_name,
             GVariant    *parameter)
{
  cwa_certificate_inspector_focus_search (CWA_WINDOW (widget)->inspector);
}

/* Reports. */

static CwaReport *
make_report (CwaWindow *self)
{
  g_autoptr(GDateTime) generated = g_date_time_new_now_utc ();
  g_autofree gchar *plan_file = NULL;

  if (cwa_plan_get_file (self->plan) != NULL)
    plan_file = g_file_get_basename (cwa_plan_get_file (self->plan));
  cwa_checklist_update (self->checklist);
  return cwa_report_new (self->plan, self->checklist, plan_file, generated);
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
    show_error (self, _("Could Not Export the Report"), error->message);
  else
    toast (self, _("Report exported"));
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

  chooser = make_chooser (self, _("Export Report"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"));
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
    show_error (self, _("Could Not Export the Picture"), error->message);
  else
    toast (self, _("Picture exported"));
}

static void
export_picture_action (GtkWidget   *widget,
                       const gchar *action_name,
                       GVariant    *parameter)
{
  CwaWindow *self = CWA_WINDOW (widget);
  GtkFileChooserNative *chooser;
  GtkFileFilter *png = gtk_file_filter_new ();
  GtkFileFilter *svg = gtk_file_filter_new ();
  const gchar *name = cwa_plan_get_name (self->plan);
  g_autofree gchar *suggested = NULL;

  chooser = make_chooser (self, _("Export Picture"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"));
  /* Translators: the file name suggested for the exported topology picture */
  suggested = g_strdup_printf ("%s.png", name != NULL && *name != '\0' ? name : _("topology"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  gtk_file_filter_set_name (png, _("PNG Image"));
  gtk_file_filter_add_suffix (png, "png");
  gtk_file_filter_set_name (svg, _("SVG Image"));
  gtk_file_filter_add_suffix (svg, "svg");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), png);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), svg);
  g_object_unref (png);
  g_object_unref (svg);
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
  gsize size;

  if (format == NULL)
    return;

  report = make_report (self);
  bytes = cwa_report_write_bytes (report, format, &error);
  if (bytes == NULL)
    {
      show_error (self, _("Could Not Make the Report"), error->message);
      return;
    }
  text = g_strndup (g_bytes_get_data (bytes, &size), g_bytes_get_size (bytes));
  cwa_ui_copy_text (widget, text);
  toast (self, _("Report copied as Markdown"));
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
cwa_window_dispose (GObject *object)
{
  CwaWindow *self = CWA_WINDOW (object);

  if (self->recent_manager != NULL)
    g_signal_handlers_disconnect_by_data (self->recent_manager, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CWA_TYPE_WINDOW);
  g_clear_object (&self->chooser);
  g_clear_object (&self->pending_open);
  g_queue_clear_full (&self->password_requests, (GDestroyNotify) password_request_free);
  if (self->import_queue != NULL)
    g_signal_handlers_disconnect_by_data (self->import_queue, self);
  g_clear_object (&self->import_queue);
  g_clear_object (&self->plan_signals);
  g_clear_object (&self->history_signals);
  g_clear_object (&self->checklist);
  g_clear_object (&self->plan);
  g_clear_object (&self->trust);
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
  gtk_widget_class_bind_template_child (widget_class, CwaWindow, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, CwaWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, CwaWindow, outer_paned);
  gtk_widget_class_bind_template_child (widget_class, CwaWindow, inner_paned);
  gtk_widget_class_bind_template_child (widget_class, CwaWindow, editor);
  gtk_widget_class_bind_template_child (widget_class, CwaWindow, inspector);
  gtk_widget_class_bind_template_child (widget_class, CwaWindow, checklist_panel);
  gtk_widget_class_bind_template_child (widget_class, CwaWindow, recent_menu);
  gtk_widget_class_bind_template_child (widget_class, CwaWindow, export_formats_section);
  gtk_widget_class_bind_template_callback (widget_class, finding_activated_cb);

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
  gtk_widget_class_install_action (widget_class, "win.undo-step", "u", undo_step_action);
}

static void
cwa_window_init (CwaWindow *self)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(CwaPlan) plan = NULL;
  GtkDropTarget *drop;
  GtkEventController *shortcuts;
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Run from the build tree the schema may not be installed: the window
   * then simply does not remember its state. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema != NULL)
    {
      self->settings = g_settings_new (APPLICATION_ID);
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
      g_settings_bind (self->settings, "deployment-pane-width", self->outer_paned, "position",
                       G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "inspector-pane-width", self->inner_paned, "position",
                       G_SETTINGS_BIND_DEFAULT);
    }

  self->trust = cwa_trust_new ();
  /* Without system roots every chain is "not public": a warning, not a crash. */
  cwa_trust_add_system (self->trust, NULL);

  self->import_queue = cwa_import_queue_new (NULL);
  g_signal_connect_object (self->import_queue, "password-needed",
                           G_CALLBACK (import_password_needed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->import_queue, "failed",
                           G_CALLBACK (import_failed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->import_queue, "notify::n-done",
                           G_CALLBACK (import_progress_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->import_queue, "notify::busy",
                           G_CALLBACK (import_progress_cb), self, G_CONNECT_SWAPPED);

  self->plan_signals = g_signal_group_new (CWA_TYPE_PLAN);
  g_signal_group_connect_swapped (self->plan_signals, "notify::name", G_CALLBACK (update_title), self);
  g_signal_group_connect_swapped (self->plan_signals, "notify::file", G_CALLBACK (update_title), self);
  g_signal_group_connect_swapped (self->plan_signals, "notify::modified", G_CALLBACK (update_title), self);
  self->history_signals = g_signal_group_new (CWA_TYPE_HISTORY);
  g_signal_group_connect_swapped (self->history_signals, "pushed", G_CALLBACK (history_pushed_cb), self);
  g_signal_group_connect_swapped (self->history_signals, "notify::can-undo", G_CALLBACK (update_undo), self);

  self->recent_manager = gtk_recent_manager_get_default ();
  g_signal_connect_swapped (self->recent_manager, "changed", G_CALLBACK (rebuild_recent_menu), self);
  rebuild_recent_menu (self);
  fill_export_menu (self);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (drop, "drop", G_CALLBACK (drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  /* Ctrl+V pastes a certificate only when the focused widget (an entry) did
   * not take it first: hence the bubble phase, not an application accel. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_BUBBLE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>v"),
                                                          gtk_named_action_new ("win.paste-certificates")));
  /* Ctrl+Z likewise: an entry undoes its own typing first. */
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>z"),
                                                          gtk_named_action_new ("win.undo")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
  update_undo (self);

  plan = new_plan (self);
  cwa_window_set_plan (self, plan);
}

CwaWindow *
cwa_window_new (GtkApplication *application)
{
  return g_object_new (CWA_TYPE_WINDOW, "application", application, NULL);
}

/* cwa-window-files.c: the window's files: choosers, opening, saving, and the question about unsaved changes. */
#include "config.h"

#include <glib/gi18n.h>

#include "cwa-plan-file.h"
#include "cwa-ui-util.h"
#include "cwa-window-private.h"

static void load_plan (CwaWindow *self, GFile *file, const gchar *password);

/* File choosers. */

GtkFileFilter *
_cwa_window_plan_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("CWA Certificate Plans"));
  gtk_file_filter_add_mime_type (filter, CWA_PLAN_MIME_TYPE);
  gtk_file_filter_add_suffix (filter, "cwaplan");
  return filter;
}

/* Starts in the plan's folder, else the folder used last. */
static void
set_start_folder (CwaWindow            *self,
                  GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) folder = NULL;

  if (self->plan != NULL && cwa_plan_get_file (self->plan) != NULL)
    folder = g_file_get_parent (cwa_plan_get_file (self->plan));
  else if (self->settings != NULL)
    {
      g_autofree gchar *uri = g_settings_get_string (self->settings, "last-folder");

      if (uri != NULL && *uri != '\0')
        folder = g_file_new_for_uri (uri);
    }
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
}

GtkFileChooserNative *
_cwa_window_make_chooser (CwaWindow            *self,
                          const gchar          *title,
                          GtkFileChooserAction  action,
                          const gchar          *accept)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, accept, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  set_start_folder (self, chooser);

  g_clear_object (&self->chooser);
  self->chooser = chooser;
  return chooser;
}

/* Recent plans and the last folder. */

void
_cwa_window_remember_folder (CwaWindow *self,
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
  _cwa_window_remember_folder (self, file);
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
  return TRUE;
}

/* Saving runs off the main thread; what waited for it (closing, opening
 * another plan) continues when it is done, and only if it succeeded. */
static void continue_after_confirm (CwaWindow *self);

static void
save_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(CwaWindow) self = user_data;
  CwaPlan *plan = CWA_PLAN (source);
  g_autoptr(GError) error = NULL;

  self->saving = FALSE;
  _cwa_window_actions_update (self);
  if (!cwa_plan_file_save_finish (plan, result, &error))
    {
      _cwa_window_show_error (self, _("Could Not Save the Plan"), error->message);
      return;
    }

  remember_file (self, cwa_plan_get_file (plan));
  if (plan == self->plan)
    continue_after_confirm (self);
}

static void
save_in_background (CwaWindow *self,
                    GFile     *file)
{
  self->saving = TRUE;
  _cwa_window_actions_update (self);
  cwa_plan_file_save_async (self->plan, file, NULL, save_done_cb, g_object_ref (self));
}

static void
save_as_response_cb (GtkNativeDialog *chooser,
                     gint             response,
                     CwaWindow       *self)
{
  g_autoptr(GFile) file = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    {
      self->after_confirm = CWA_WINDOW_AFTER_NOTHING;
      g_clear_object (&self->pending_open);
      return;
    }

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  save_in_background (self, file);
}

static void
ask_where_to_save (CwaWindow *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = _cwa_window_plan_filter ();
  const gchar *name = cwa_plan_get_name (self->plan);
  g_autofree gchar *suggested = NULL;

  chooser = _cwa_window_make_chooser (self, _("Save Plan"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (cwa_plan_get_file (self->plan) != NULL)
    suggested = g_file_get_basename (cwa_plan_get_file (self->plan));
  else
    suggested = g_strdup_printf ("%s.cwaplan", name != NULL && *name != '\0' ? name : _("plan"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  g_signal_connect_object (chooser, "response", G_CALLBACK (save_as_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* To its file, or asking where first; then what waited for the save. */
static void
save_then_continue (CwaWindow *self)
{
  GFile *file = cwa_plan_get_file (self->plan);

  if (file == NULL)
    ask_where_to_save (self);
  else
    save_in_background (self, file);
}

void
_cwa_window_save (CwaWindow *self)
{
  self->after_confirm = CWA_WINDOW_AFTER_NOTHING;
  save_then_continue (self);
}

void
_cwa_window_save_as (CwaWindow *self)
{
  self->after_confirm = CWA_WINDOW_AFTER_NOTHING;
  ask_where_to_save (self);
}

/* Unsaved changes: Save / Discard / Cancel before closing or opening over. */

static void
continue_after_confirm (CwaWindow *self)
{
  CwaWindowAfterConfirm after = self->after_confirm;
  g_autoptr(GFile) file = g_steal_pointer (&self->pending_open);

  self->after_confirm = CWA_WINDOW_AFTER_NOTHING;
  switch (after)
    {
    case CWA_WINDOW_AFTER_CLOSE:
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
      break;
    case CWA_WINDOW_AFTER_OPEN:
      load_plan (self, file, NULL);
      break;
    case CWA_WINDOW_AFTER_NOTHING:
    default:
      break;
    }
}

static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const gchar      *response,
                     CwaWindow        *self)
{
  if (g_str_equal (response, "discard"))
    continue_after_confirm (self);
  else if (g_str_equal (response, "save"))
    save_then_continue (self);
  else
    {
      self->after_confirm = CWA_WINDOW_AFTER_NOTHING;
      g_clear_object (&self->pending_open);
    }
}

static void
confirm_unsaved (CwaWindow             *self,
                 CwaWindowAfterConfirm  after)
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

gboolean
_cwa_window_confirm_close (CwaWindow *self)
{
  if (self->close_confirmed || self->plan == NULL || !cwa_plan_get_modified (self->plan))
    return FALSE;

  confirm_unsaved (self, CWA_WINDOW_AFTER_CLOSE);
  return TRUE;
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
plan_password_cb (GFile       *file,
                  const gchar *password,
                  gpointer     user_data)
{
  CwaWindow *self = user_data;
  g_autofree gchar *name = NULL;
  g_autofree gchar *text = NULL;

  if (password != NULL)
    {
      load_plan (self, file, password);
      return;
    }

  name = cwa_ui_dup_file_label (file);
  text = g_strdup_printf (_("“%s” was not opened: it needs a certificate password."), name);
  _cwa_window_toast (self, text);
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
      cwa_password_queue_ask_for_plan (self->password_queue, data->file, data->with_password,
                                       error->message, plan_password_cb, self);
    }
  else
    {
      _cwa_window_show_error (self, _("Could Not Open the Plan"), error->message);
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
      confirm_unsaved (self, CWA_WINDOW_AFTER_OPEN);
      return;
    }

  load_plan (self, file, NULL);
}

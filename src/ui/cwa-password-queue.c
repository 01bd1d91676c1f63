/* cwa-password-queue.c: asks for the passwords of protected files, one dialog at a time. */
#include "config.h"

#include <glib/gi18n.h>

#include "cwa-password-queue.h"
#include "cwa-ui-util.h"

typedef struct
{
  GFile           *file;
  /* For a plan: what its load said, which names the PKCS#12 files. */
  gchar           *plan_reason;
  gboolean         wrong;
  CwaPasswordFunc  callback;
  gpointer         user_data;
} Request;

struct _CwaPasswordQueue
{
  GObject    parent_instance;

  GtkWindow *parent;      /* not referenced: it owns the queue */
  GQueue     requests;    /* Request, the head one asked for */
  gboolean   asking;
};

G_DEFINE_FINAL_TYPE (CwaPasswordQueue, cwa_password_queue, G_TYPE_OBJECT)

static void
request_free (Request *request)
{
  g_clear_object (&request->file);
  g_free (request->plan_reason);
  g_free (request);
}

static void ask_next (CwaPasswordQueue *self);

static void
response_cb (AdwMessageDialog *dialog,
             const gchar      *response,
             CwaPasswordQueue *self)
{
  Request *request = g_queue_pop_head (&self->requests);
  GtkWidget *entry = adw_message_dialog_get_extra_child (dialog);
  g_autofree gchar *password = NULL;

  if (g_str_equal (response, "open"))
    password = g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry)));
  /* The entry's text is wiped from the widget as soon as it is read. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "");

  self->asking = FALSE;
  request->callback (request->file, password, request->user_data);
  request_free (request);
  ask_next (self);
}

static GtkWidget *
make_entry (gboolean wrong)
{
  /* A plain entry, not GtkPasswordEntry: GTK 4.8's password entry leaves a
   * caps-lock handler on the keyboard after it is destroyed. */
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_visibility (GTK_ENTRY (entry), FALSE);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_PASSWORD);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Password"),
                                  -1);
  if (wrong)
    gtk_widget_add_css_class (entry, "error");
  return entry;
}

static void
ask_next (CwaPasswordQueue *self)
{
  Request *request = g_queue_peek_head (&self->requests);
  g_autofree gchar *name = NULL;
  g_autofree gchar *heading = NULL;
  GtkWidget *dialog;
  GtkWidget *entry;

  if (request == NULL || self->asking)
    return;

  self->asking = TRUE;
  name = cwa_ui_dup_file_label (request->file);
  if (request->plan_reason != NULL)
    {
      g_autofree gchar *body = NULL;

      /* Translators: heading of the dialog asking for the password of the
       * PKCS#12 files a plan names; %s is the plan's file name */
      heading = g_strdup_printf (_("Certificate Password for “%s”"), name);
      /* Translators: %s is why the plan could not be opened, naming the files */
      body = g_strdup_printf (request->wrong
                                ? _("That password did not open the plan's certificate files. Try again, or skip them.\n\n%s")
                                : _("The plan names PKCS#12 files protected by a password; one password opens them. Only their certificates are loaded; the private keys are never kept.\n\n%s"),
                              request->plan_reason);
      dialog = adw_message_dialog_new (self->parent, heading, body);
    }
  else
    {
      heading = g_strdup_printf (_("Password for “%s”"), name);
      dialog = adw_message_dialog_new (self->parent, heading,
                                       request->wrong
                                         ? _("That password did not open the file. Try again, or skip the file.")
                                         : _("This PKCS#12 file is protected by a password. Only its certificates are loaded; the private key is never kept."));
    }
  entry = make_entry (request->wrong);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "skip", _("_Skip"),
                                    "open", _("_Open"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "open",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "open");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "skip");
  g_signal_connect_object (dialog, "response", G_CALLBACK (response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
queue_request (CwaPasswordQueue *self,
               GFile            *file,
               gboolean          wrong,
               const gchar      *plan_reason,
               CwaPasswordFunc   callback,
               gpointer          user_data)
{
  Request *request = g_new0 (Request, 1);

  request->file = g_object_ref (file);
  request->plan_reason = g_strdup (plan_reason);
  request->wrong = wrong;
  request->callback = callback;
  request->user_data = user_data;
  g_queue_push_tail (&self->requests, request);
  ask_next (self);
}

void
cwa_password_queue_ask (CwaPasswordQueue *self,
                        GFile            *file,
                        gboolean          wrong,
                        CwaPasswordFunc   callback,
                        gpointer          user_data)
{
  g_return_if_fail (CWA_IS_PASSWORD_QUEUE (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (callback != NULL);

  queue_request (self, file, wrong, NULL, callback, user_data);
}

void
cwa_password_queue_ask_for_plan (CwaPasswordQueue *self,
                                 GFile            *plan_file,
                                 gboolean          wrong,
                                 const gchar      *reason,
                                 CwaPasswordFunc   callback,
                                 gpointer          user_data)
{
  g_return_if_fail (CWA_IS_PASSWORD_QUEUE (self));
  g_return_if_fail (G_IS_FILE (plan_file));
  g_return_if_fail (reason != NULL);
  g_return_if_fail (callback != NULL);

  queue_request (self, plan_file, wrong, reason, callback, user_data);
}

static void
cwa_password_queue_dispose (GObject *object)
{
  CwaPasswordQueue *self = CWA_PASSWORD_QUEUE (object);

  g_queue_clear_full (&self->requests, (GDestroyNotify) request_free);
  self->parent = NULL;

  G_OBJECT_CLASS (cwa_password_queue_parent_class)->dispose (object);
}

static void
cwa_password_queue_class_init (CwaPasswordQueueClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cwa_password_queue_dispose;
}

static void
cwa_password_queue_init (CwaPasswordQueue *self)
{
  g_queue_init (&self->requests);
}

CwaPasswordQueue *
cwa_password_queue_new (GtkWindow *parent)
{
  CwaPasswordQueue *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  self = g_object_new (CWA_TYPE_PASSWORD_QUEUE, NULL);
  self->parent = parent;
  return self;
}

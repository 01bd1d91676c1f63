/* cwa-window-dnd.c: files dropped on the window and certificates pasted into it. */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "cwa-window-private.h"

/* A plan among the files opens as the plan; everything else is a
 * certificate file whatever its name says. */
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
      _cwa_window_toast (self, _("The clipboard holds no PEM certificate. Copy text starting with “-----BEGIN CERTIFICATE-----”."));
      return;
    }

  if (cwa_import_queue_add_text (self->import_queue, text, &error) < 0)
    {
      g_autofree gchar *message = g_strdup_printf (_("Could not load the pasted text: %s"), error->message);

      _cwa_window_toast (self, message);
    }
}

void
_cwa_window_paste_certificates (CwaWindow *self)
{
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (self)), NULL,
                                 paste_text_cb, g_object_ref (self));
}

void
_cwa_window_dnd_init (CwaWindow *self)
{
  GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect_object (drop, "drop", G_CALLBACK (drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}

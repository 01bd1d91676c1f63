/* cwa-load-failures.c: the files of one load that could not be read: one toast for them all, and a dialog listing each. */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "cwa-load-failures.h"
#include "cwa-ui-util.h"

/* Tall enough for a handful of messages; more scroll. */
#define LIST_MAX_HEIGHT 320

typedef struct
{
  GWeakRef   parent;
  GPtrArray *failures;
} Details;

CwaLoadFailure *
cwa_load_failure_new (GFile       *file,
                      const gchar *message)
{
  CwaLoadFailure *failure;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  failure = g_new0 (CwaLoadFailure, 1);
  failure->name = cwa_ui_dup_file_label (file);
  failure->message = g_strdup (message);
  return failure;
}

void
cwa_load_failure_free (CwaLoadFailure *failure)
{
  if (failure == NULL)
    return;
  g_free (failure->name);
  g_free (failure->message);
  g_free (failure);
}

/* The message, with the file's name in front unless it names it already. */
static gchar *
dup_failure_text (const CwaLoadFailure *failure)
{
  if (strstr (failure->message, failure->name) != NULL)
    return g_strdup (failure->message);
  /* Translators: a certificate file that could not be loaded, and why */
  return g_strdup_printf (_("Could not load “%s”: %s"), failure->name, failure->message);
}

static void
details_free (gpointer data,
              GClosure *closure)
{
  Details *details = data;

  g_weak_ref_clear (&details->parent);
  g_ptr_array_unref (details->failures);
  g_free (details);
}

static void
details_clicked_cb (AdwToast *toast,
                    Details  *details)
{
  g_autoptr(GtkWindow) parent = g_weak_ref_get (&details->parent);

  if (parent != NULL)
    gtk_window_present (GTK_WINDOW (cwa_load_failures_dialog_new (parent, details->failures)));
}

AdwToast *
cwa_load_failures_toast_new (GtkWindow *parent,
                             GPtrArray *failures)
{
  g_autofree gchar *title = NULL;
  AdwToast *toast;
  Details *details;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (failures != NULL && failures->len > 0, NULL);

  if (failures->len == 1)
    {
      g_autofree gchar *text = dup_failure_text (g_ptr_array_index (failures, 0));
      g_autofree gchar *escaped = g_markup_escape_text (text, -1);

      return adw_toast_new (escaped);
    }

  /* Translators: a toast after a load in which several files failed;
   * its Details button lists them */
  title = g_strdup_printf (ngettext ("%u file could not be loaded", "%u files could not be loaded",
                                     failures->len),
                           failures->len);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Details"));
  details = g_new0 (Details, 1);
  g_weak_ref_init (&details->parent, parent);
  details->failures = g_ptr_array_ref (failures);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (details_clicked_cb), details,
                         details_free, 0);
  return toast;
}

void
cwa_load_failures_show (GtkWidget *widget,
                        GPtrArray *failures)
{
  GtkWidget *overlay;
  GtkRoot *root;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (failures != NULL);

  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  root = gtk_widget_get_root (widget);
  if (failures->len == 0 || overlay == NULL || !GTK_IS_WINDOW (root))
    return;
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), cwa_load_failures_toast_new (GTK_WINDOW (root), failures));
}

GtkWidget *
cwa_load_failures_dialog_new (GtkWindow *parent,
                              GPtrArray *failures)
{
  g_autofree gchar *heading = NULL;
  GtkWidget *dialog;
  GtkWidget *scrolled;
  GtkWidget *list;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (failures != NULL, NULL);

  /* Translators: heading of the dialog listing the files a load could not read */
  heading = g_strdup_printf (ngettext ("%u File Could Not Be Loaded", "%u Files Could Not Be Loaded",
                                       failures->len),
                             failures->len);
  dialog = adw_message_dialog_new (parent, heading, NULL);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; i < failures->len; i++)
    {
      const CwaLoadFailure *failure = g_ptr_array_index (failures, i);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
      GtkWidget *name = gtk_label_new (failure->name);
      GtkWidget *message = gtk_label_new (failure->message);
      GtkWidget *row = gtk_list_box_row_new ();

      gtk_widget_add_css_class (name, "heading");
      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_label_set_wrap (GTK_LABEL (name), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (name), PANGO_WRAP_WORD_CHAR);
      /* Selectable, so that a path or a reason can be copied. */
      gtk_label_set_selectable (GTK_LABEL (message), TRUE);
      gtk_label_set_xalign (GTK_LABEL (message), 0);
      gtk_label_set_wrap (GTK_LABEL (message), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (message), PANGO_WRAP_WORD_CHAR);
      gtk_widget_add_css_class (message, "dim-label");
      gtk_box_append (GTK_BOX (box), name);
      gtk_box_append (GTK_BOX (box), message);
      gtk_widget_set_margin_top (box, 9);
      gtk_widget_set_margin_bottom (box, 9);
      gtk_widget_set_margin_start (box, 12);
      gtk_widget_set_margin_end (box, 12);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), LIST_MAX_HEIGHT);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);
  return dialog;
}

/* cwa-certificate-choice.c: a drop-down choosing one of a plan's certificates or none. */
#include "config.h"

#include <glib/gi18n.h>

#include "cwa-certificate-choice.h"

static gchar *
choice_label (GObject *item)
{
  if (CWA_IS_CERTIFICATE (item))
    return g_strdup (cwa_certificate_get_display_name (CWA_CERTIFICATE (item)));
  /* Translators: a certificate drop-down's first choice */
  return g_strdup (_("None"));
}

void
cwa_certificate_choice_bind (GtkDropDown *dropdown,
                             CwaPlan     *plan)
{
  g_autoptr(GListStore) parts = NULL;
  g_autoptr(GListStore) none = NULL;
  g_autoptr(GtkStringObject) none_item = NULL;
  GtkExpression *expression;

  g_return_if_fail (GTK_IS_DROP_DOWN (dropdown));

  if (plan == NULL)
    {
      gtk_drop_down_set_model (dropdown, NULL);
      return;
    }

  none = g_list_store_new (G_TYPE_OBJECT);
  none_item = gtk_string_object_new ("none");
  g_list_store_append (none, none_item);
  parts = g_list_store_new (G_TYPE_LIST_MODEL);
  g_list_store_append (parts, none);
  g_list_store_append (parts, cwa_plan_get_certificates (plan));

  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            G_CALLBACK (choice_label), NULL, NULL);
  gtk_drop_down_set_expression (dropdown, expression);
  gtk_expression_unref (expression);
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (g_steal_pointer (&parts)))));
  g_object_unref (gtk_drop_down_get_model (dropdown));
}

void
cwa_certificate_choice_select (GtkDropDown    *dropdown,
                               CwaCertificate *certificate)
{
  GListModel *model = gtk_drop_down_get_model (dropdown);
  guint position = 0;

  for (guint i = 0; model != NULL && certificate != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if ((gpointer) item == (gpointer) certificate)
        {
          position = i;
          break;
        }
    }
  if (gtk_drop_down_get_selected (dropdown) != position)
    gtk_drop_down_set_selected (dropdown, position);
}

CwaCertificate *
cwa_certificate_choice_get (GtkDropDown *dropdown)
{
  GObject *item = gtk_drop_down_get_selected_item (dropdown);

  return CWA_IS_CERTIFICATE (item) ? CWA_CERTIFICATE (item) : NULL;
}

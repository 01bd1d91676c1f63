/* cwa-reverse-proxy-form.c: the deployment editor's form for one reverse proxy. */
#include "config.h"

#include <glib/gi18n.h>

#include "cwa-plan-edits.h"
#include "cwa-reverse-proxy-form.h"
#include "cwa-ui-util.h"

struct _CwaReverseProxyForm
{
  GtkWidget        parent_instance;

  CwaPlan         *plan;
  CwaReverseProxy *proxy;
  GSignalGroup    *subject_signals;
  GSignalGroup    *plan_signals;
  GSignalGroup    *trusted_signals;
  /* The CA certificates the check boxes stand for, in order. */
  GPtrArray       *cas;
  gboolean         filling;

  GtkWidget       *grid;
  GtkEntry        *fqdn_entry;
  GtkEntry        *product_entry;
  GtkBox          *trusted_box;
};

G_DEFINE_FINAL_TYPE (CwaReverseProxyForm, cwa_reverse_proxy_form, GTK_TYPE_WIDGET)

static GPtrArray *
collect_cas (CwaReverseProxyForm *self)
{
  GListModel *certificates = cwa_plan_get_certificates (self->plan);
  GPtrArray *cas = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (certificates); i++)
    {
      g_autoptr(CwaCertificate) certificate = g_list_model_get_item (certificates, i);

      if (cwa_certificate_is_ca (certificate))
        g_ptr_array_add (cas, g_steal_pointer (&certificate));
    }
  return cas;
}

static gboolean
is_trusted (CwaReverseProxy *proxy,
            CwaCertificate  *certificate)
{
  GListModel *trusted = cwa_reverse_proxy_get_trusted_certificates (proxy);

  for (guint i = 0; i < g_list_model_get_n_items (trusted); i++)
    {
      g_autoptr(CwaCertificate) other = g_list_model_get_item (trusted, i);

      if (cwa_certificate_equal (other, certificate))
        return TRUE;
    }
  return FALSE;
}

static void
trusted_toggled_cb (GtkCheckButton      *check,
                    CwaReverseProxyForm *self)
{
  CwaCertificate *certificate = g_object_get_data (G_OBJECT (check), "cwa-certificate");

  if (!self->filling && self->proxy != NULL)
    cwa_plan_edits_set_trusted (self->plan, self->proxy, certificate, gtk_check_button_get_active (check));
}

static void
fill_trusted (CwaReverseProxyForm *self)
{
  g_autoptr(GPtrArray) cas = collect_cas (self);
  gboolean same = self->cas != NULL && self->cas->len == cas->len;
  GtkWidget *child;
  guint i = 0;

  for (guint j = 0; same && j < cas->len; j++)
    same = g_ptr_array_index (cas, j) == g_ptr_array_index (self->cas, j);
  if (!same)
    {
      while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->trusted_box))) != NULL)
        gtk_box_remove (self->trusted_box, child);
      for (guint j = 0; j < cas->len; j++)
        {
          CwaCertificate *certificate = g_ptr_array_index (cas, j);
          GtkWidget *check = gtk_check_button_new_with_label (cwa_certificate_get_display_name (certificate));

          gtk_widget_set_tooltip_text (check, cwa_certificate_get_subject (certificate));
          g_object_set_data_full (G_OBJECT (check), "cwa-certificate", g_object_ref (certificate), g_object_unref);
          g_signal_connect_object (check, "toggled", G_CALLBACK (trusted_toggled_cb), self, 0);
          gtk_box_append (self->trusted_box, check);
        }
      if (cas->len == 0)
        /* Translators: in a reverse proxy's form, where its trusted CA certificates would be */
        gtk_box_append (self->trusted_box, gtk_label_new (_("The plan has no CA certificates.")));
      g_clear_pointer (&self->cas, g_ptr_array_unref);
      self->cas = g_steal_pointer (&cas);
    }

  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->trusted_box)); child != NULL && i < self->cas->len;
       child = gtk_widget_get_next_sibling (child), i++)
    gtk_check_button_set_active (GTK_CHECK_BUTTON (child), is_trusted (self->proxy, g_ptr_array_index (self->cas, i)));
}

static void
fill (CwaReverseProxyForm *self)
{
  if (self->proxy == NULL)
    return;

  self->filling = TRUE;
  cwa_ui_entry_set_text (self->fqdn_entry, cwa_reverse_proxy_get_fqdn (self->proxy));
  cwa_ui_entry_set_text (self->product_entry, cwa_reverse_proxy_get_product (self->proxy));
  fill_trusted (self);
  self->filling = FALSE;
}

static void
entry_changed_cb (CwaReverseProxyForm *self,
                  GtkEntry            *entry)
{
  const gchar *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  if (self->filling || self->proxy == NULL)
    return;
  if (entry == self->fqdn_entry && *text != '\0')
    cwa_reverse_proxy_set_fqdn (self->proxy, text);
  else if (entry == self->product_entry)
    cwa_reverse_proxy_set_product (self->proxy, text);
}

void
cwa_reverse_proxy_form_set_subject (CwaReverseProxyForm *self,
                                    CwaPlan             *plan,
                                    gpointer             subject)
{
  g_return_if_fail (CWA_IS_REVERSE_PROXY_FORM (self));
  g_return_if_fail (subject == NULL || (CWA_IS_PLAN (plan) && CWA_IS_REVERSE_PROXY (subject)));

  g_set_object (&self->plan, plan);
  g_set_object (&self->proxy, subject);
  g_clear_pointer (&self->cas, g_ptr_array_unref);
  g_signal_group_set_target (self->subject_signals, subject);
  g_signal_group_set_target (self->plan_signals, subject != NULL ? cwa_plan_get_certificates (plan) : NULL);
  g_signal_group_set_target (self->trusted_signals,
                             subject != NULL ? cwa_reverse_proxy_get_trusted_certificates (subject) : NULL);
  fill (self);
}

static void
cwa_reverse_proxy_form_dispose (GObject *object)
{
  CwaReverseProxyForm *self = CWA_REVERSE_PROXY_FORM (object);

  g_clear_object (&self->subject_signals);
  g_clear_object (&self->plan_signals);
  g_clear_object (&self->trusted_signals);
  g_clear_object (&self->proxy);
  g_clear_pointer (&self->cas, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), CWA_TYPE_REVERSE_PROXY_FORM);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (cwa_reverse_proxy_form_parent_class)->dispose (object);
}

static void
cwa_reverse_proxy_form_class_init (CwaReverseProxyFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cwa_reverse_proxy_form_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/cwacertplanner/CertPlanner/cwa-reverse-proxy-form.ui");
  gtk_widget_class_bind_template_child (widget_class, CwaReverseProxyForm, grid);
  gtk_widget_class_bind_template_child (widget_class, CwaReverseProxyForm, fqdn_entry);
  gtk_widget_class_bind_template_child (widget_class, CwaReverseProxyForm, product_entry);
  gtk_widget_class_bind_template_child (widget_class, CwaReverseProxyForm, trusted_box);
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
}

static void
cwa_reverse_proxy_form_init (CwaReverseProxyForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->subject_signals = g_signal_group_new (CWA_TYPE_REVERSE_PROXY);
  g_signal_group_connect_object (self->subject_signals, "notify", G_CALLBACK (fill), self, G_CONNECT_SWAPPED);
  /* Trusted certificates change without a notify: items-changed. */
  self->plan_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_object (self->plan_signals, "items-changed", G_CALLBACK (fill), self, G_CONNECT_SWAPPED);
  self->trusted_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_object (self->trusted_signals, "items-changed", G_CALLBACK (fill), self, G_CONNECT_SWAPPED);
}

GtkWidget *
cwa_reverse_proxy_form_new (void)
{
  return g_object_new (CWA_TYPE_REVERSE_PROXY_FORM, NULL);
}

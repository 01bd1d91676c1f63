/* cwa-load-balancer-form.c: the deployment editor's form for one load balancer. */
#include "config.h"

#include <glib/gi18n.h>

#include "cwa-certificate-choice.h"
#include "cwa-load-balancer-form.h"
#include "cwa-ui-util.h"
#include "cwa-plan-edits.h"

struct _CwaLoadBalancerForm
{
  GtkWidget        parent_instance;

  CwaPlan         *plan;
  CwaLoadBalancer *load_balancer;
  GSignalGroup    *subject_signals;
  GSignalGroup    *deployment_signals;
  /* The computer names the member check boxes stand for, in order. */
  GPtrArray       *member_names;
  /* Set while the form is filled from the model: edits are not fed back. */
  gboolean         filling;

  GtkWidget       *grid;
  GtkEntry        *fqdn_entry;
  GtkEntry        *vip_entry;
  GtkSwitch       *offload_switch;
  GtkDropDown     *certificate_dropdown;
  GtkBox          *members_box;
};

G_DEFINE_FINAL_TYPE (CwaLoadBalancerForm, cwa_load_balancer_form, GTK_TYPE_WIDGET)

/* The plan's computers, then members naming no computer (still shown, so
 * they can be unticked). */
static GPtrArray *
collect_member_names (CwaLoadBalancerForm *self)
{
  GListModel *servers = cwa_deployment_get_servers (cwa_plan_get_deployment (self->plan));
  const gchar * const *members = cwa_load_balancer_get_members (self->load_balancer);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (servers); i++)
    {
      g_autoptr(CwaServer) server = g_list_model_get_item (servers, i);

      g_ptr_array_add (names, g_strdup (cwa_server_get_fqdn (server)));
    }
  for (guint i = 0; members[i] != NULL; i++)
    if (cwa_deployment_find_server (cwa_plan_get_deployment (self->plan), members[i]) == NULL)
      g_ptr_array_add (names, g_strdup (members[i]));
  return names;
}

static gboolean
same_names (GPtrArray *a,
            GPtrArray *b)
{
  if (a == NULL || b == NULL || a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (g_strcmp0 (g_ptr_array_index (a, i), g_ptr_array_index (b, i)) != 0)
      return FALSE;
  return TRUE;
}

static void
member_toggled_cb (GtkCheckButton      *check,
                   CwaLoadBalancerForm *self)
{
  const gchar *name = g_object_get_data (G_OBJECT (check), "cwa-member");

  if (self->filling || self->load_balancer == NULL)
    return;
  if (gtk_check_button_get_active (check))
    cwa_plan_edits_add_member (self->plan, self->load_balancer, name);
  else
    cwa_plan_edits_remove_member (self->plan, self->load_balancer, name);
}

/* Check boxes are rebuilt only when the computers changed: toggling one
 * keeps it (and the keyboard focus) in place. */
static void
fill_members (CwaLoadBalancerForm *self)
{
  g_autoptr(GPtrArray) names = collect_member_names (self);
  GtkWidget *child;
  guint i = 0;

  if (!same_names (names, self->member_names))
    {
      while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->members_box))) != NULL)
        gtk_box_remove (self->members_box, child);
      for (guint j = 0; j < names->len; j++)
        {
          GtkWidget *check = gtk_check_button_new_with_label (g_ptr_array_index (names, j));

          g_object_set_data_full (G_OBJECT (check), "cwa-member", g_strdup (g_ptr_array_index (names, j)), g_free);
          g_signal_connect_object (check, "toggled", G_CALLBACK (member_toggled_cb), self, 0);
          gtk_box_append (self->members_box, check);
        }
      g_clear_pointer (&self->member_names, g_ptr_array_unref);
      self->member_names = g_steal_pointer (&names);
    }

  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->members_box)); child != NULL;
       child = gtk_widget_get_next_sibling (child), i++)
    gtk_check_button_set_active (GTK_CHECK_BUTTON (child),
                                 cwa_load_balancer_has_member (self->load_balancer,
                                                               g_ptr_array_index (self->member_names, i)));
}

static void
fill (CwaLoadBalancerForm *self)
{
  if (self->load_balancer == NULL)
    return;

  self->filling = TRUE;
  cwa_ui_entry_set_text (self->fqdn_entry, cwa_load_balancer_get_fqdn (self->load_balancer));
  cwa_ui_entry_set_text (self->vip_entry, cwa_load_balancer_get_vip (self->load_balancer));
  gtk_switch_set_active (self->offload_switch, cwa_load_balancer_get_ssl_offload (self->load_balancer));
  cwa_certificate_choice_select (self->certificate_dropdown,
                                 cwa_load_balancer_get_ssl_certificate (self->load_balancer));
  fill_members (self);
  self->filling = FALSE;
}

static void
entry_changed_cb (CwaLoadBalancerForm *self,
                  GtkEntry            *entry)
{
  const gchar *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  if (self->filling || self->load_balancer == NULL)
    return;
  if (entry == self->fqdn_entry && *text != '\0')
    cwa_load_balancer_set_fqdn (self->load_balancer, text);
  else if (entry == self->vip_entry)
    cwa_load_balancer_set_vip (self->load_balancer, text);
}

static void
offload_cb (CwaLoadBalancerForm *self)
{
  if (!self->filling && self->load_balancer != NULL)
    cwa_plan_edits_set_ssl_offload (self->plan, self->load_balancer, gtk_switch_get_active (self->offload_switch));
}

static void
certificate_cb (CwaLoadBalancerForm *self)
{
  if (!self->filling && self->load_balancer != NULL)
    cwa_plan_edits_assign (self->plan, self->load_balancer, cwa_certificate_choice_get (self->certificate_dropdown));
}

void
cwa_load_balancer_form_set_subject (CwaLoadBalancerForm *self,
                                    CwaPlan             *plan,
                                    gpointer             subject)
{
  g_return_if_fail (CWA_IS_LOAD_BALANCER_FORM (self));
  g_return_if_fail (subject == NULL || (CWA_IS_PLAN (plan) && CWA_IS_LOAD_BALANCER (subject)));

  if (self->plan != plan)
    {
      self->filling = TRUE;
      g_set_object (&self->plan, plan);
      cwa_certificate_choice_bind (self->certificate_dropdown, plan);
      self->filling = FALSE;
    }
  g_set_object (&self->load_balancer, subject);
  g_clear_pointer (&self->member_names, g_ptr_array_unref);
  g_signal_group_set_target (self->subject_signals, subject);
  g_signal_group_set_target (self->deployment_signals, subject != NULL ? cwa_plan_get_deployment (plan) : NULL);
  fill (self);
}

static void
cwa_load_balancer_form_dispose (GObject *object)
{
  CwaLoadBalancerForm *self = CWA_LOAD_BALANCER_FORM (object);

  g_clear_object (&self->subject_signals);
  g_clear_object (&self->deployment_signals);
  g_clear_object (&self->load_balancer);
  g_clear_pointer (&self->member_names, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), CWA_TYPE_LOAD_BALANCER_FORM);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (cwa_load_balancer_form_parent_class)->dispose (object);
}

static void
cwa_load_balancer_form_class_init (CwaLoadBalancerFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cwa_load_balancer_form_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/cwacertplanner/CertPlanner/cwa-load-balancer-form.ui");
  gtk_widget_class_bind_template_child (widget_class, CwaLoadBalancerForm, grid);
  gtk_widget_class_bind_template_child (widget_class, CwaLoadBalancerForm, fqdn_entry);
  gtk_widget_class_bind_template_child (widget_class, CwaLoadBalancerForm, vip_entry);
  gtk_widget_class_bind_template_child (widget_class, CwaLoadBalancerForm, offload_switch);
  gtk_widget_class_bind_template_child (widget_class, CwaLoadBalancerForm, certificate_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CwaLoadBalancerForm, members_box);
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
}

static void
cwa_load_balancer_form_init (CwaLoadBalancerForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->subject_signals = g_signal_group_new (CWA_TYPE_LOAD_BALANCER);
  g_signal_group_connect_object (self->subject_signals, "notify", G_CALLBACK (fill), self, G_CONNECT_SWAPPED);
  self->deployment_signals = g_signal_group_new (CWA_TYPE_DEPLOYMENT);
  g_signal_group_connect_object (self->deployment_signals, "changed", G_CALLBACK (fill), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->offload_switch, "notify::active", G_CALLBACK (offload_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->certificate_dropdown, "notify::selected",
                           G_CALLBACK (certificate_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
cwa_load_balancer_form_new (void)
{
  return g_object_new (CWA_TYPE_LOAD_BALANCER_FORM, NULL);
}

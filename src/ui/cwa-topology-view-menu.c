/* cwa-topology-view-menu.c: the context menus of the topology view's computers, virtual servers, load balancers, reverse proxies and listeners, and their actions. */
#include "config.h"

#include <glib/gi18n.h>

#include "cwa-plan-edits.h"
#include "cwa-proxy-menu.h"
#include "cwa-topology-view-private.h"

/* The menus' own actions ("topology.*") act on the subject whose menu was
 * opened last; the editor's ("editor.delete", "editor.make-array", …) on
 * its selection, which opening the menu sets to that subject, as a click
 * does.  Every one is a step of the plan's history. */

/* "Assign Certificate…" (the plan's certificates, CAs aside), "Remove
 * Certificate" and "Edit"; a reverse proxy, which has no certificate of
 * its own, only "Edit". */
static void
append_common (CwaTopologyView *self,
               GMenu           *menu,
               gpointer         subject)
{
  GListModel *entries = cwa_plan_get_certificates (self->plan);
  g_autoptr(GMenu) certificates = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();

  if (CWA_IS_REVERSE_PROXY (subject))
    {
      g_menu_append (section, _("Edit"), "topology.edit");
      g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
      return;
    }
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(CwaCertificate) certificate = g_list_model_get_item (entries, i);
      g_autoptr(GMenuItem) item = NULL;

      if (cwa_certificate_is_ca (certificate))
        continue;
      item = g_menu_item_new (cwa_certificate_get_display_name (certificate), NULL);
      g_menu_item_set_action_and_target (item, "topology.assign", "s", cwa_certificate_get_id (certificate));
      g_menu_append_item (certificates, item);
    }
  g_menu_append_submenu (menu, _("Assign Certificate…"), G_MENU_MODEL (certificates));
  g_menu_append (section, _("Remove Certificate"), "topology.unassign");
  g_menu_append (section, _("Edit"), "topology.edit");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "topology.unassign", cwa_plan_edits_get_assigned (subject) != NULL);
}

/* A submenu of @title with an item per load balancer that has computer
 * @fqdn as a member (@members) or not, each running @action with (load
 * balancer, computer); nothing when there is none. */
static void
append_balancers (CwaTopologyView *self,
                  GMenu           *menu,
                  const gchar     *title,
                  const gchar     *action,
                  const gchar     *fqdn,
                  gboolean         members)
{
  GListModel *lbs = cwa_deployment_get_load_balancers (cwa_plan_get_deployment (self->plan));
  g_autoptr(GMenu) submenu = g_menu_new ();

  for (guint i = 0; i < g_list_model_get_n_items (lbs); i++)
    {
      g_autoptr(CwaLoadBalancer) lb = g_list_model_get_item (lbs, i);
      g_autoptr(GMenuItem) item = NULL;

      if (cwa_load_balancer_has_member (lb, fqdn) != members)
        continue;
      item = g_menu_item_new (cwa_load_balancer_get_fqdn (lb), NULL);
      g_menu_item_set_action_and_target (item, action, "(ss)", cwa_load_balancer_get_fqdn (lb), fqdn);
      g_menu_append_item (submenu, item);
    }
  if (g_menu_model_get_n_items (G_MENU_MODEL (submenu)) > 0)
    g_menu_append_submenu (menu, title, G_MENU_MODEL (submenu));
}

/* A submenu of @title with an item per computer of the plan for which
 * @keep says so, each running @action: with the computer's FQDN, or with
 * (load balancer, computer) when @data is a load balancer.  Nothing when
 * no computer is kept. */
static void
append_servers (CwaTopologyView *self,
                GMenu           *menu,
                const gchar     *title,
                const gchar     *action,
                gboolean       (*keep) (CwaServer *server, gpointer data),
                gpointer         data)
{
  GListModel *servers = cwa_deployment_get_servers (cwa_plan_get_deployment (self->plan));
  g_autoptr(GMenu) submenu = g_menu_new ();

  for (guint i = 0; i < g_list_model_get_n_items (servers); i++)
    {
      g_autoptr(CwaServer) server = g_list_model_get_item (servers, i);
      const gchar *fqdn = cwa_server_get_fqdn (server);
      g_autoptr(GMenuItem) item = NULL;

      if (!keep (server, data))
        continue;
      item = g_menu_item_new (fqdn, NULL);
      if (CWA_IS_LOAD_BALANCER (data))
        g_menu_item_set_action_and_target (item, action, "(ss)", cwa_load_balancer_get_fqdn (data), fqdn);
      else
        g_menu_item_set_action_and_target (item, action, "s", fqdn);
      g_menu_append_item (submenu, item);
    }
  if (g_menu_model_get_n_items (G_MENU_MODEL (submenu)) > 0)
    g_menu_append_submenu (menu, title, G_MENU_MODEL (submenu));
}

static gboolean
is_other_server (CwaServer *server,
                 gpointer   virtual_server)
{
  return cwa_virtual_server_get_server (virtual_server) != server;
}

static gboolean
is_member (CwaServer *server,
           gpointer   load_balancer)
{
  return cwa_load_balancer_has_member (load_balancer, cwa_server_get_fqdn (server));
}

static gboolean
is_no_member (CwaServer *server,
              gpointer   load_balancer)
{
  return !is_member (server, load_balancer);
}

/* "Publish Through Reverse Proxy…": the editor's choice of the plan's
 * reverse proxy, or a new one; with several, a submenu of them. */
static void
append_publish (CwaTopologyView *self,
                GMenu           *menu)
{
  GListModel *proxies = cwa_deployment_get_reverse_proxies (cwa_plan_get_deployment (self->plan));
  g_autoptr(GMenu) choice = NULL;

  if (g_list_model_get_n_items (proxies) < 2)
    {
      g_menu_append (menu, _("Pu_blish Through Reverse Proxy…"), "editor.publish");
      return;
    }
  choice = cwa_proxy_menu_new (self->plan);
  g_menu_append_submenu (menu, _("Pu_blish Through Reverse Proxy…"), G_MENU_MODEL (choice));
}

/* What is particular to each kind of subject, in a section of its own. */
static void
append_particular (CwaTopologyView *self,
                   GMenu           *menu,
                   gpointer         subject)
{
  g_autoptr(GMenu) section = g_menu_new ();

  if (CWA_IS_SERVER (subject))
    {
      const gchar *fqdn = cwa_server_get_fqdn (subject);

      g_menu_append (section, _("Add Virtual Server"), "editor.add-virtual-server");
      append_balancers (self, section, _("Add to Load Balancer…"), "topology.add-member", fqdn, FALSE);
      append_balancers (self, section, _("Leave Load Balancer…"), "topology.remove-member", fqdn, TRUE);
      g_menu_append (section, _("Remove Computer"), "editor.delete");
    }
  else if (CWA_IS_VIRTUAL_SERVER (subject))
    {
      append_servers (self, section, _("Move to Computer…"), "topology.move-to", is_other_server, subject);
      g_menu_append (section, _("_Make Array…"), "editor.make-array");
      append_publish (self, section);
      g_menu_append (section, _("Remove Virtual Server"), "editor.delete");
    }
  else if (CWA_IS_LOAD_BALANCER (subject))
    {
      append_servers (self, section, _("Add Member…"), "topology.add-member", is_no_member, subject);
      append_servers (self, section, _("Remove Member…"), "topology.remove-member", is_member, subject);
      g_menu_append (section, _("Remove Load Balancer"), "editor.delete");
    }
  else if (CWA_IS_REVERSE_PROXY (subject))
    {
      g_menu_append (section, _("_Add Publishing Rule"), "editor.add-publishing-rule");
      g_menu_append (section, _("Remove Reverse Proxy"), "editor.delete");
    }
  else
    {
      g_menu_append (section, _("_Add Publishing Rule"), "editor.add-publishing-rule");
      g_menu_append (section, _("Remove Publishing Rule"), "editor.delete");
    }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
}

gpointer
_cwa_topology_view_menu_cb (CwaTopologyItem *item,
                            GObject         *subject,
                            CwaTopologyView *self)
{
  GMenu *menu;

  if (self->plan == NULL || subject == NULL)
    return NULL;
  g_set_object (&self->menu_subject, subject);
  /* As a click: the editor shows the subject, and its actions act on it. */
  g_signal_emit_by_name (self, "activated", subject);
  menu = g_menu_new ();
  append_common (self, menu, subject);
  append_particular (self, menu, subject);
  return menu;
}

/* The actions. */

static void
assign_action (GtkWidget   *widget,
               const gchar *action_name,
               GVariant    *parameter)
{
  CwaTopologyView *self = CWA_TOPOLOGY_VIEW (widget);
  CwaCertificate *certificate;

  if (self->plan == NULL || self->menu_subject == NULL)
    return;
  if (g_str_equal (action_name, "topology.unassign"))
    certificate = NULL;
  else if ((certificate = cwa_plan_lookup_certificate (self->plan, g_variant_get_string (parameter, NULL))) == NULL)
    return;
  cwa_topology_view_assign (self, self->menu_subject, certificate);
}

static void
edit_action (GtkWidget   *widget,
             const gchar *action_name,
             GVariant    *parameter)
{
  CwaTopologyView *self = CWA_TOPOLOGY_VIEW (widget);

  if (self->menu_subject != NULL)
    g_signal_emit_by_name (self, "activated", self->menu_subject);
}

static void
move_to_action (GtkWidget   *widget,
                const gchar *action_name,
                GVariant    *parameter)
{
  CwaTopologyView *self = CWA_TOPOLOGY_VIEW (widget);
  CwaServer *server;

  if (self->plan == NULL || !CWA_IS_VIRTUAL_SERVER (self->menu_subject))
    return;
  server = cwa_deployment_find_server (cwa_plan_get_deployment (self->plan), g_variant_get_string (parameter, NULL));
  if (server != NULL)
    cwa_topology_view_move (self, CWA_VIRTUAL_SERVER (self->menu_subject), server);
}

/* "topology.add-member" and "topology.remove-member", with (load
 * balancer, computer) FQDNs. */
static void
member_action (GtkWidget   *widget,
               const gchar *action_name,
               GVariant    *parameter)
{
  CwaTopologyView *self = CWA_TOPOLOGY_VIEW (widget);
  const gchar *lb_fqdn;
  const gchar *fqdn;
  CwaLoadBalancer *lb;

  if (self->plan == NULL)
    return;
  g_variant_get (parameter, "(&s&s)", &lb_fqdn, &fqdn);
  lb = cwa_deployment_find_load_balancer (cwa_plan_get_deployment (self->plan), lb_fqdn);
  if (lb == NULL)
    return;
  if (g_str_equal (action_name, "topology.add-member"))
    cwa_plan_edits_add_member (self->plan, lb, fqdn);
  else
    cwa_plan_edits_remove_member (self->plan, lb, fqdn);
}

void
_cwa_topology_view_class_init_menu (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "topology.assign", "s", assign_action);
  gtk_widget_class_install_action (widget_class, "topology.unassign", NULL, assign_action);
  gtk_widget_class_install_action (widget_class, "topology.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "topology.move-to", "s", move_to_action);
  gtk_widget_class_install_action (widget_class, "topology.add-member", "(ss)", member_action);
  gtk_widget_class_install_action (widget_class, "topology.remove-member", "(ss)", member_action);
}

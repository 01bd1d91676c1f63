/* cwa-topology-proxy.c: one reverse proxy in the topology view's edge band: FQDN and product above its listeners' cards. */
#include "config.h"

#include <glib/gi18n.h>

#include "cwa-topology-item.h"
#include "cwa-topology-listener.h"
#include "cwa-topology-proxy.h"

struct _CwaTopologyProxy
{
  GtkWidget        parent_instance;

  CwaReverseProxy *proxy;

  GtkWidget       *content;
  GtkWidget       *title;
  GtkWidget       *fqdn_label;
  GtkWidget       *product_label;
  GtkWidget       *cards;
};

G_DEFINE_FINAL_TYPE_WITH_CODE (CwaTopologyProxy, cwa_topology_proxy, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (CWA_TYPE_TOPOLOGY_ITEM, NULL))

CwaReverseProxy *
cwa_topology_proxy_get_proxy (CwaTopologyProxy *self)
{
  g_return_val_if_fail (CWA_IS_TOPOLOGY_PROXY (self), NULL);

  return self->proxy;
}

GtkWidget *
cwa_topology_proxy_get_title (CwaTopologyProxy *self)
{
  g_return_val_if_fail (CWA_IS_TOPOLOGY_PROXY (self), NULL);

  return self->title;
}

GtkWidget *
cwa_topology_proxy_find_listener (CwaTopologyProxy  *self,
                                  CwaPublishingRule *rule)
{
  g_return_val_if_fail (CWA_IS_TOPOLOGY_PROXY (self), NULL);

  for (GtkWidget *card = gtk_widget_get_first_child (self->cards); card != NULL; card = gtk_widget_get_next_sibling (card))
    if (cwa_topology_listener_get_rule (CWA_TOPOLOGY_LISTENER (card)) == rule)
      return card;
  return NULL;
}

static gboolean
cards_match (CwaTopologyProxy *self,
             GListModel       *rules)
{
  GtkWidget *card = gtk_widget_get_first_child (self->cards);

  for (guint i = 0; i < g_list_model_get_n_items (rules); i++, card = gtk_widget_get_next_sibling (card))
    {
      g_autoptr(CwaPublishingRule) rule = g_list_model_get_item (rules, i);

      if (card == NULL || cwa_topology_listener_get_rule (CWA_TOPOLOGY_LISTENER (card)) != rule)
        return FALSE;
    }
  return card == NULL;
}

void
cwa_topology_proxy_sync (CwaTopologyProxy *self,
                         CwaChecklist     *checklist)
{
  GListModel *rules;
  GtkWidget *card;
  const gchar *product;
  g_autofree gchar *second = NULL;
  g_autofree gchar *accessible = NULL;

  g_return_if_fail (CWA_IS_TOPOLOGY_PROXY (self));

  /* Rules change rarely: the cards are remade when they do. */
  rules = cwa_reverse_proxy_get_publishing_rules (self->proxy);
  if (!cards_match (self, rules))
    {
      while ((card = gtk_widget_get_first_child (self->cards)) != NULL)
        gtk_box_remove (GTK_BOX (self->cards), card);
      for (guint i = 0; i < g_list_model_get_n_items (rules); i++)
        {
          g_autoptr(CwaPublishingRule) rule = g_list_model_get_item (rules, i);

          card = cwa_topology_listener_new (rule);
          cwa_topology_item_forward (CWA_TOPOLOGY_ITEM (self), CWA_TOPOLOGY_ITEM (card));
          gtk_box_append (GTK_BOX (self->cards), card);
        }
    }
  for (card = gtk_widget_get_first_child (self->cards); card != NULL; card = gtk_widget_get_next_sibling (card))
    cwa_topology_listener_refresh (CWA_TOPOLOGY_LISTENER (card), checklist);

  product = cwa_reverse_proxy_get_product (self->proxy);
  /* Translators: under a reverse proxy's name; %s is the product, e.g. "ISA Server 2006" */
  second = product != NULL ? g_strdup_printf (_("Reverse proxy, %s"), product) : g_strdup (_("Reverse proxy"));
  gtk_label_set_text (GTK_LABEL (self->fqdn_label), cwa_reverse_proxy_get_fqdn (self->proxy));
  gtk_label_set_text (GTK_LABEL (self->product_label), second);
  /* Translators: accessible name of a reverse proxy's box */
  accessible = g_strdup_printf (_("Reverse proxy %s"), cwa_reverse_proxy_get_fqdn (self->proxy));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->title), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

static void
cwa_topology_proxy_dispose (GObject *object)
{
  CwaTopologyProxy *self = CWA_TOPOLOGY_PROXY (object);

  cwa_topology_item_dispose_menu (CWA_TOPOLOGY_ITEM (self));
  g_clear_pointer (&self->content, gtk_widget_unparent);
  g_clear_object (&self->proxy);

  G_OBJECT_CLASS (cwa_topology_proxy_parent_class)->dispose (object);
}

static void
cwa_topology_proxy_class_init (CwaTopologyProxyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cwa_topology_proxy_dispose;
  cwa_topology_item_class_add_activate (widget_class, "proxy.activate");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "topology-proxy");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
cwa_topology_proxy_init (CwaTopologyProxy *self)
{
  gtk_widget_add_css_class (GTK_WIDGET (self), "card");
  gtk_widget_add_css_class (GTK_WIDGET (self), "topology-proxy");
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_START);
  self->content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_widget_set_parent (self->content, GTK_WIDGET (self));

  /* The title is the proxy's focus stop, before its listeners: Menu and
   * Shift+F10 open its context menu there, as on a computer's title. */
  self->title = cwa_topology_item_new_title (_("Reverse proxy"), "network-server-symbolic", NULL,
                                             &self->fqdn_label);
  self->product_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->product_label), 0);
  gtk_widget_add_css_class (self->product_label, "caption");
  gtk_widget_add_css_class (self->product_label, "dim-label");
  gtk_box_append (GTK_BOX (self->title), self->product_label);
  gtk_box_append (GTK_BOX (self->content), self->title);

  self->cards = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_box_append (GTK_BOX (self->content), self->cards);
}

GtkWidget *
cwa_topology_proxy_new (CwaReverseProxy *proxy)
{
  CwaTopologyProxy *self;

  g_return_val_if_fail (CWA_IS_REVERSE_PROXY (proxy), NULL);

  self = g_object_new (CWA_TYPE_TOPOLOGY_PROXY, NULL);
  self->proxy = g_object_ref (proxy);
  cwa_topology_item_add_activate (CWA_TOPOLOGY_ITEM (self), self->title, G_OBJECT (proxy));
  cwa_topology_item_add_menu (CWA_TOPOLOGY_ITEM (self), self->title, G_OBJECT (proxy));
  return GTK_WIDGET (self);
}

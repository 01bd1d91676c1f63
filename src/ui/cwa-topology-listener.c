/* cwa-topology-listener.c: one publishing rule in the topology view: published URL, listener and its certificate. */
#include "config.h"

#include <glib/gi18n.h>

#include "cwa-topology-item.h"
#include "cwa-topology-listener.h"
#include "cwa-topology-status.h"

/* As wide as a virtual server's card. */
#define LISTENER_WIDTH 250

struct _CwaTopologyListener
{
  GtkWidget          parent_instance;

  CwaPublishingRule *rule;

  GtkWidget         *content;
  CwaTopologyFace    face;
};

G_DEFINE_FINAL_TYPE_WITH_CODE (CwaTopologyListener, cwa_topology_listener, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (CWA_TYPE_TOPOLOGY_ITEM, NULL))

CwaPublishingRule *
cwa_topology_listener_get_rule (CwaTopologyListener *self)
{
  g_return_val_if_fail (CWA_IS_TOPOLOGY_LISTENER (self), NULL);

  return self->rule;
}

void
cwa_topology_listener_refresh (CwaTopologyListener *self,
                               CwaChecklist        *checklist)
{
  CwaPublishingRule *rule;
  g_autofree gchar *listen = NULL;
  g_autofree gchar *second = NULL;
  g_autofree gchar *accessible = NULL;

  g_return_if_fail (CWA_IS_TOPOLOGY_LISTENER (self));

  rule = self->rule;
  listen = cwa_publishing_rule_dup_effective_listen (rule);
  /* Translators: a publishing rule's listener and the virtual server it
   * publishes, e.g. "Listens on *:443, publishes im.contoso.com" */
  second = g_strdup_printf (_("Listens on %s, publishes %s"), listen, cwa_publishing_rule_get_virtual_server (rule));
  gtk_widget_set_tooltip_text (self->face.title_label, cwa_publishing_rule_get_published_url (rule));
  /* Translators: accessible name of a listener card: published host, listener and what it publishes */
  accessible = g_strdup_printf (_("Listener %s, %s"), cwa_publishing_rule_get_published_host (rule), second);
  _cwa_topology_face_update (&self->face, GTK_WIDGET (self), checklist, rule,
                             cwa_publishing_rule_get_published_host (rule), _("Listener"), second,
                             TRUE, cwa_publishing_rule_get_listener_certificate (rule),
                             cwa_publishing_rule_is_https (rule) ? _("No certificate — drop one here")
                                                                 : _("None needed (http)"),
                             accessible);
}

static void
cwa_topology_listener_dispose (GObject *object)
{
  CwaTopologyListener *self = CWA_TOPOLOGY_LISTENER (object);

  cwa_topology_item_dispose_menu (CWA_TOPOLOGY_ITEM (self));
  g_clear_pointer (&self->content, gtk_widget_unparent);
  g_clear_object (&self->rule);

  G_OBJECT_CLASS (cwa_topology_listener_parent_class)->dispose (object);
}

static void
cwa_topology_listener_class_init (CwaTopologyListenerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cwa_topology_listener_dispose;

  cwa_topology_item_class_add_activate (widget_class, "listener.activate");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "topology-listener");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
cwa_topology_listener_init (CwaTopologyListener *self)
{
  gtk_widget_add_css_class (GTK_WIDGET (self), "card");
  gtk_widget_add_css_class (GTK_WIDGET (self), "topology-listener");
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  self->content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_size_request (self->content, LISTENER_WIDTH, -1);
  gtk_widget_set_parent (self->content, GTK_WIDGET (self));
  _cwa_topology_face_init (&self->face, self->content, "SSL");
}

GtkWidget *
cwa_topology_listener_new (CwaPublishingRule *rule)
{
  CwaTopologyListener *self;

  g_return_val_if_fail (CWA_IS_PUBLISHING_RULE (rule), NULL);

  self = g_object_new (CWA_TYPE_TOPOLOGY_LISTENER, NULL);
  self->rule = g_object_ref (rule);
  cwa_topology_item_add_activate (CWA_TOPOLOGY_ITEM (self), GTK_WIDGET (self), G_OBJECT (rule));
  cwa_topology_item_add_drop_target (CWA_TOPOLOGY_ITEM (self), GTK_WIDGET (self), G_OBJECT (rule));
  cwa_topology_item_add_menu (CWA_TOPOLOGY_ITEM (self), GTK_WIDGET (self), G_OBJECT (rule));
  return GTK_WIDGET (self);
}

void
cwa_topology_listener_set_live_status (CwaTopologyListener *self,
                                       CwaLiveStatus        status,
                                       GDateTime           *checked_at,
                                       gboolean             stale)
{
  g_return_if_fail (CWA_IS_TOPOLOGY_LISTENER (self));

  _cwa_topology_face_set_live (&self->face, status, checked_at, stale);
}

const gchar *
cwa_topology_listener_get_live_text (CwaTopologyListener *self)
{
  g_return_val_if_fail (CWA_IS_TOPOLOGY_LISTENER (self), NULL);

  return _cwa_topology_face_get_live_text (&self->face);
}

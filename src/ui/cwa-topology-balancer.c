/* cwa-topology-balancer.c: one load balancer in the topology view: FQDN, virtual IP, SSL offload and its certificate, above its members. */
#include "config.h"

#include <glib/gi18n.h>

#include "cwa-topology-balancer.h"
#include "cwa-topology-box.h"
#include "cwa-topology-item.h"
#include "cwa-topology-status.h"

struct _CwaTopologyBalancer
{
  GtkWidget        parent_instance;

  CwaLoadBalancer *load_balancer;

  GtkWidget       *content;
  CwaTopologyFace  face;
  GtkWidget       *dragged;  /* weak: the box of the member being dragged out */
};

enum {
  ADD_MEMBER,
  PICK_MEMBER,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE_WITH_CODE (CwaTopologyBalancer, cwa_topology_balancer, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (CWA_TYPE_TOPOLOGY_ITEM, NULL))

CwaLoadBalancer *
cwa_topology_balancer_get_load_balancer (CwaTopologyBalancer *self)
{
  g_return_val_if_fail (CWA_IS_TOPOLOGY_BALANCER (self), NULL);

  return self->load_balancer;
}

void
cwa_topology_balancer_refresh (CwaTopologyBalancer *self,
                               CwaChecklist        *checklist)
{
  CwaLoadBalancer *lb;
  gboolean offload;
  const gchar *vip;
  g_autofree gchar *second = NULL;
  g_autofree gchar *accessible = NULL;

  g_return_if_fail (CWA_IS_TOPOLOGY_BALANCER (self));

  lb = self->load_balancer;
  offload = cwa_load_balancer_get_ssl_offload (lb);
  vip = cwa_load_balancer_get_vip (lb);
  /* Translators: under a load balancer's name; %s is its virtual IP address */
  second = vip != NULL ? g_strdup_printf (_("Load balancer, virtual IP %s"), vip) : g_strdup (_("Load balancer"));
  /* Translators: accessible name of a load balancer's box: FQDN, what it does with TLS */
  accessible = g_strdup_printf (_("Load balancer %s, %s"), cwa_load_balancer_get_fqdn (lb),
                                offload ? _("offloads SSL") : _("passes TLS through"));
  _cwa_topology_face_update (&self->face, GTK_WIDGET (self), checklist, lb,
                             cwa_load_balancer_get_fqdn (lb),
                             offload ? _("Offloads SSL") : _("Passes TLS through"),
                             second, offload, cwa_load_balancer_get_ssl_certificate (lb),
                             _("No certificate — drop one here"), accessible);
}

/* A computer's box dropped here: it becomes a member. */
static gboolean
member_drop_cb (GtkDropTarget       *target,
                const GValue        *value,
                gdouble              x,
                gdouble              y,
                CwaTopologyBalancer *self)
{
  CwaServer *server;
  gboolean added = FALSE;

  gtk_widget_remove_css_class (GTK_WIDGET (self), "topology-move-target");
  if (!G_VALUE_HOLDS (value, CWA_TYPE_SERVER) || (server = g_value_get_object (value)) == NULL)
    return FALSE;
  g_signal_emit (self, signals[ADD_MEMBER], 0, server, &added);
  return added;
}

static GdkDragAction
member_enter_cb (GtkDropTarget       *target,
                 gdouble              x,
                 gdouble              y,
                 CwaTopologyBalancer *self)
{
  gtk_widget_add_css_class (GTK_WIDGET (self), "topology-move-target");
  return GDK_ACTION_MOVE;
}

static void
member_leave_cb (GtkDropTarget       *target,
                 CwaTopologyBalancer *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self), "topology-move-target");
}

/* A drag from the box over one of its members drags that member out of
 * this load balancer: the view says which computer's box is below
 * (@x, @y). */
static GdkContentProvider *
drag_prepare_cb (GtkDragSource       *source,
                 gdouble              x,
                 gdouble              y,
                 CwaTopologyBalancer *self)
{
  GtkWidget *box = NULL;
  CwaServer *server;

  g_signal_emit (self, signals[PICK_MEMBER], 0, x, &box);
  if (!CWA_IS_TOPOLOGY_BOX (box))
    return NULL;
  server = cwa_topology_box_get_server (CWA_TOPOLOGY_BOX (box));
  if (!cwa_load_balancer_has_member (self->load_balancer, cwa_server_get_fqdn (server)))
    return NULL;
  g_set_weak_pointer (&self->dragged, box);
  return gdk_content_provider_new_typed (CWA_TYPE_SERVER, server);
}

static void
drag_begin_cb (GtkDragSource       *source,
               GdkDrag             *drag,
               CwaTopologyBalancer *self)
{
  g_autoptr(GdkPaintable) icon = NULL;

  if (self->dragged == NULL)
    return;
  icon = gtk_widget_paintable_new (cwa_topology_box_get_title (CWA_TOPOLOGY_BOX (self->dragged)));
  gtk_drag_source_set_icon (source, icon, 0, 0);
}

static void
cwa_topology_balancer_dispose (GObject *object)
{
  CwaTopologyBalancer *self = CWA_TOPOLOGY_BALANCER (object);

  cwa_topology_item_dispose_menu (CWA_TOPOLOGY_ITEM (self));
  g_clear_pointer (&self->content, gtk_widget_unparent);
  g_clear_weak_pointer (&self->dragged);
  g_clear_object (&self->load_balancer);

  G_OBJECT_CLASS (cwa_topology_balancer_parent_class)->dispose (object);
}

static void
cwa_topology_balancer_class_init (CwaTopologyBalancerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cwa_topology_balancer_dispose;

  signals[ADD_MEMBER] =
    g_signal_new ("add-member", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  g_signal_accumulator_first_wins, NULL, NULL,
                  G_TYPE_BOOLEAN, 1, CWA_TYPE_SERVER);
  /* "pick-member" (gdouble x) -> GtkWidget *: the computer's box below
   * @x (the balancer's coordinates), borrowed, or NULL. */
  signals[PICK_MEMBER] =
    g_signal_new ("pick-member", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  g_signal_accumulator_first_wins, NULL, NULL,
                  G_TYPE_POINTER, 1, G_TYPE_DOUBLE);

  cwa_topology_item_class_add_activate (widget_class, "balancer.activate");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "topology-balancer");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
cwa_topology_balancer_init (CwaTopologyBalancer *self)
{
  GtkDropTarget *member = gtk_drop_target_new (CWA_TYPE_SERVER, GDK_ACTION_MOVE);
  GtkDragSource *source = gtk_drag_source_new ();

  gtk_widget_add_css_class (GTK_WIDGET (self), "card");
  gtk_widget_add_css_class (GTK_WIDGET (self), "topology-load-balancer");
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  self->content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_parent (self->content, GTK_WIDGET (self));
  _cwa_topology_face_init (&self->face, self->content, "SSL");

  g_signal_connect (member, "drop", G_CALLBACK (member_drop_cb), self);
  g_signal_connect (member, "enter", G_CALLBACK (member_enter_cb), self);
  g_signal_connect (member, "leave", G_CALLBACK (member_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (member));
  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), self);
  g_signal_connect (source, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (source));
}

GtkWidget *
cwa_topology_balancer_new (CwaLoadBalancer *load_balancer)
{
  CwaTopologyBalancer *self;

  g_return_val_if_fail (CWA_IS_LOAD_BALANCER (load_balancer), NULL);

  self = g_object_new (CWA_TYPE_TOPOLOGY_BALANCER, NULL);
  self->load_balancer = g_object_ref (load_balancer);
  cwa_topology_item_add_activate (CWA_TOPOLOGY_ITEM (self), GTK_WIDGET (self), G_OBJECT (load_balancer));
  cwa_topology_item_add_drop_target (CWA_TOPOLOGY_ITEM (self), GTK_WIDGET (self), G_OBJECT (load_balancer));
  cwa_topology_item_add_menu (CWA_TOPOLOGY_ITEM (self), GTK_WIDGET (self), G_OBJECT (load_balancer));
  return GTK_WIDGET (self);
}

void
cwa_topology_balancer_set_live_status (CwaTopologyBalancer *self,
                                       CwaLiveStatus        status,
                                       GDateTime           *checked_at,
                                       gboolean             stale)
{
  g_return_if_fail (CWA_IS_TOPOLOGY_BALANCER (self));

  _cwa_topology_face_set_live (&self->face, status, checked_at, stale);
}

const gchar *
cwa_topology_balancer_get_live_text (CwaTopologyBalancer *self)
{
  g_return_val_if_fail (CWA_IS_TOPOLOGY_BALANCER (self), NULL);

  return _cwa_topology_face_get_live_text (&self->face);
}

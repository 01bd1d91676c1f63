/* cwa-topology-zoom.c: a container that shows its one child scaled, for the topology view's zoom. */
#include "config.h"

#include "cwa-topology-zoom.h"

/* The child is laid out at its own size and drawn, picked and dropped on
 * through one scale transform: text, icons and outlines scale together, and
 * what does not overlap at 100 % does not overlap at any zoom. */
struct _CwaTopologyZoom
{
  GtkWidget  parent_instance;

  GtkWidget *child;
  gdouble    zoom;
};

enum {
  PROP_0,
  PROP_ZOOM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CwaTopologyZoom, cwa_topology_zoom, GTK_TYPE_WIDGET)

static GtkSizeRequestMode
cwa_topology_zoom_get_request_mode (GtkWidget *widget)
{
  CwaTopologyZoom *self = CWA_TOPOLOGY_ZOOM (widget);

  return self->child != NULL ? gtk_widget_get_request_mode (self->child) : GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

static void
cwa_topology_zoom_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  CwaTopologyZoom *self = CWA_TOPOLOGY_ZOOM (widget);
  int child_min = 0;
  int child_nat = 0;

  if (self->child != NULL)
    gtk_widget_measure (self->child, orientation,
                        for_size < 0 ? -1 : (int) (for_size / self->zoom),
                        &child_min, &child_nat, NULL, NULL);
  *minimum = (int) (child_min * self->zoom + 0.999);
  *natural = (int) (child_nat * self->zoom + 0.999);
}

static void
cwa_topology_zoom_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  CwaTopologyZoom *self = CWA_TOPOLOGY_ZOOM (widget);
  int child_width;
  int child_height;
  int min_height = 0;

  if (self->child == NULL)
    return;

  child_width = (int) (width / self->zoom);
  /* Height-for-width: the child may need more than the scaled height once
   * rounding shrank its width. */
  gtk_widget_measure (self->child, GTK_ORIENTATION_VERTICAL, child_width, &min_height, NULL, NULL, NULL);
  child_height = MAX ((int) (height / self->zoom), min_height);
  gtk_widget_allocate (self->child, child_width, child_height, -1,
                       gsk_transform_scale (NULL, (float) self->zoom, (float) self->zoom));
}

gdouble
cwa_topology_zoom_get_zoom (CwaTopologyZoom *self)
{
  g_return_val_if_fail (CWA_IS_TOPOLOGY_ZOOM (self), 1.0);

  return self->zoom;
}

void
cwa_topology_zoom_set_zoom (CwaTopologyZoom *self,
                            gdouble          zoom)
{
  g_return_if_fail (CWA_IS_TOPOLOGY_ZOOM (self));

  zoom = CLAMP (zoom, CWA_TOPOLOGY_ZOOM_MIN, CWA_TOPOLOGY_ZOOM_MAX);
  if (G_APPROX_VALUE (self->zoom, zoom, 0.001))
    return;
  self->zoom = zoom;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

void
cwa_topology_zoom_set_child (CwaTopologyZoom *self,
                             GtkWidget       *child)
{
  g_return_if_fail (CWA_IS_TOPOLOGY_ZOOM (self));
  g_return_if_fail (child == NULL || GTK_IS_WIDGET (child));

  if (self->child == child)
    return;
  g_clear_pointer (&self->child, gtk_widget_unparent);
  if (child != NULL)
    {
      self->child = child;
      gtk_widget_set_parent (child, GTK_WIDGET (self));
    }
}

static void
cwa_topology_zoom_dispose (GObject *object)
{
  CwaTopologyZoom *self = CWA_TOPOLOGY_ZOOM (object);

  g_clear_pointer (&self->child, gtk_widget_unparent);

  G_OBJECT_CLASS (cwa_topology_zoom_parent_class)->dispose (object);
}

static void
cwa_topology_zoom_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CwaTopologyZoom *self = CWA_TOPOLOGY_ZOOM (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cwa_topology_zoom_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CwaTopologyZoom *self = CWA_TOPOLOGY_ZOOM (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      cwa_topology_zoom_set_zoom (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cwa_topology_zoom_class_init (CwaTopologyZoomClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cwa_topology_zoom_dispose;
  object_class->get_property = cwa_topology_zoom_get_property;
  object_class->set_property = cwa_topology_zoom_set_property;
  widget_class->get_request_mode = cwa_topology_zoom_get_request_mode;
  widget_class->measure = cwa_topology_zoom_measure;
  widget_class->size_allocate = cwa_topology_zoom_size_allocate;

  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, CWA_TOPOLOGY_ZOOM_MIN, CWA_TOPOLOGY_ZOOM_MAX, 1.0,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cwa_topology_zoom_init (CwaTopologyZoom *self)
{
  self->zoom = 1.0;
}

GtkWidget *
cwa_topology_zoom_new (void)
{
  return g_object_new (CWA_TYPE_TOPOLOGY_ZOOM, NULL);
}

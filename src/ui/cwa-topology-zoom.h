/* cwa-topology-zoom.h: a container that shows its one child scaled, for the topology view's zoom. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CWA_TYPE_TOPOLOGY_ZOOM (cwa_topology_zoom_get_type ())

G_DECLARE_FINAL_TYPE (CwaTopologyZoom, cwa_topology_zoom, CWA, TOPOLOGY_ZOOM, GtkWidget)

#define CWA_TOPOLOGY_ZOOM_MIN 0.5
#define CWA_TOPOLOGY_ZOOM_MAX 2.0

/* Property "zoom" (1.0: natural size), clamped to MIN..MAX. */
GtkWidget *cwa_topology_zoom_new       (void);
void       cwa_topology_zoom_set_child (CwaTopologyZoom *self,
                                        GtkWidget       *child);
gdouble    cwa_topology_zoom_get_zoom  (CwaTopologyZoom *self);
void       cwa_topology_zoom_set_zoom  (CwaTopologyZoom *self,
                                        gdouble          zoom);

G_END_DECLS

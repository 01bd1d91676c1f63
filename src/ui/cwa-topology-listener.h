/* cwa-topology-listener.h: one publishing rule in the topology view: published URL, listener and its certificate. */
#pragma once

#include <gtk/gtk.h>

#include "cwa-checklist.h"

G_BEGIN_DECLS

#define CWA_TYPE_TOPOLOGY_LISTENER (cwa_topology_listener_get_type ())

G_DECLARE_FINAL_TYPE (CwaTopologyListener, cwa_topology_listener, CWA, TOPOLOGY_LISTENER, GtkWidget)

/* A CwaTopologyItem: dropping a certificate on the card emits "assign" for
 * the listener certificate, clicking it (or Return) "activated". */
GtkWidget         *cwa_topology_listener_new          (CwaPublishingRule   *rule);
CwaPublishingRule *cwa_topology_listener_get_rule     (CwaTopologyListener *self);
/* Re-reads the publishing rule and the findings about it. */
void               cwa_topology_listener_refresh      (CwaTopologyListener *self,
                                                       CwaChecklist        *checklist);

G_END_DECLS

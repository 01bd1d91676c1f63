/* cwa-topology-listener.h: one publishing rule in the topology view: published URL, listener and its certificate. */
#pragma once

#include <gtk/gtk.h>

#include "cwa-checklist.h"
#include "cwa-live-check.h"

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
/* The badge of Check Live Servers: what the listener served and when
 * (hidden for CWA_LIVE_STATUS_NONE), dimmed when @stale. */
void               cwa_topology_listener_set_live_status (CwaTopologyListener *self,
                                                          CwaLiveStatus        status,
                                                          GDateTime           *checked_at,
                                                          gboolean             stale);
/* The badge's text, or NULL while it is hidden. */
const gchar       *cwa_topology_listener_get_live_text   (CwaTopologyListener *self);

G_END_DECLS

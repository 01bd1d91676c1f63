/* cwa-topology-balancer.h: one load balancer in the topology view: FQDN, virtual IP, SSL offload and its certificate, above its members. */
#pragma once

#include <gtk/gtk.h>

#include "cwa-checklist.h"
#include "cwa-live-check.h"

G_BEGIN_DECLS

#define CWA_TYPE_TOPOLOGY_BALANCER (cwa_topology_balancer_get_type ())

G_DECLARE_FINAL_TYPE (CwaTopologyBalancer, cwa_topology_balancer, CWA, TOPOLOGY_BALANCER, GtkWidget)

/* A CwaTopologyItem: dropping a certificate on it emits "assign" for the
 * load balancer's SSL certificate, clicking it (or Return) "activated".
 * Dropping a computer's box on it emits "add-member" (CwaServer *) ->
 * gboolean.  A drag started on it drags out the member below the pointer,
 * which it asks for with "pick-member" (gdouble x) -> GtkWidget * (the
 * member's CwaTopologyBox, borrowed; NULL: no drag). */
GtkWidget       *cwa_topology_balancer_new               (CwaLoadBalancer     *load_balancer);
CwaLoadBalancer *cwa_topology_balancer_get_load_balancer (CwaTopologyBalancer *self);
/* Re-reads the load balancer and the findings about it. */
void             cwa_topology_balancer_refresh           (CwaTopologyBalancer *self,
                                                          CwaChecklist        *checklist);
/* The badge of Check Live Servers: what the load balancer served and when
 * (hidden for CWA_LIVE_STATUS_NONE), dimmed when @stale. */
void             cwa_topology_balancer_set_live_status   (CwaTopologyBalancer *self,
                                                          CwaLiveStatus        status,
                                                          GDateTime           *checked_at,
                                                          gboolean             stale);
/* The badge's text, or NULL while it is hidden. */
const gchar     *cwa_topology_balancer_get_live_text     (CwaTopologyBalancer *self);

G_END_DECLS

/* cwa-topology-proxy.h: one reverse proxy in the topology view's edge band: FQDN and product above its listeners' cards. */
#pragma once

#include <gtk/gtk.h>

#include "cwa-checklist.h"

G_BEGIN_DECLS

#define CWA_TYPE_TOPOLOGY_PROXY (cwa_topology_proxy_get_type ())

G_DECLARE_FINAL_TYPE (CwaTopologyProxy, cwa_topology_proxy, CWA, TOPOLOGY_PROXY, GtkWidget)

/* A CwaTopologyItem re-emitting its listener cards' signals; clicking the
 * title, or Return or Space with the focus on it, emits "activated" for the
 * proxy; a right click on it, or Menu or Shift+F10 with the focus on it,
 * opens the proxy's context menu ("menu"). */
GtkWidget       *cwa_topology_proxy_new           (CwaReverseProxy  *proxy);
CwaReverseProxy *cwa_topology_proxy_get_proxy     (CwaTopologyProxy *self);
/* The title (FQDN and product): the proxy's focus stop, borrowed. */
GtkWidget       *cwa_topology_proxy_get_title     (CwaTopologyProxy *self);
/* Makes the cards follow the proxy's rules, then re-reads everything. */
void             cwa_topology_proxy_sync          (CwaTopologyProxy *self,
                                                   CwaChecklist     *checklist);
/* The card of @rule, or NULL. */
GtkWidget       *cwa_topology_proxy_find_listener (CwaTopologyProxy  *self,
                                                   CwaPublishingRule *rule);

G_END_DECLS

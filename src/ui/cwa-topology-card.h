/* cwa-topology-card.h: one virtual server in the topology view: URL, audience, listen address and SSL certificate. */
#pragma once

#include <gtk/gtk.h>

#include "cwa-checklist.h"
#include "cwa-live-check.h"

G_BEGIN_DECLS

#define CWA_TYPE_TOPOLOGY_CARD (cwa_topology_card_get_type ())

G_DECLARE_FINAL_TYPE (CwaTopologyCard, cwa_topology_card, CWA, TOPOLOGY_CARD, GtkWidget)

/* A CwaTopologyItem: dropping a certificate (or certificate files) on the
 * card, or choosing one in its menu, emits "assign" ("load-files") for the
 * SSL certificate; clicking it, Return or "Edit" emits "activated".  The
 * card drags as its virtual server, to move it to another computer. */
GtkWidget        *cwa_topology_card_new                (CwaVirtualServer *virtual_server);
CwaVirtualServer *cwa_topology_card_get_virtual_server (CwaTopologyCard  *self);
/* Re-reads the virtual server and the findings about it; the menu lists
 * the certificates of @checklist's plan. */
void              cwa_topology_card_refresh            (CwaTopologyCard  *self,
                                                        CwaChecklist     *checklist);
/* The badge of Check Live Servers: what the virtual server's binding
 * served and when (hidden for CWA_LIVE_STATUS_NONE), dimmed when @stale. */
void              cwa_topology_card_set_live_status    (CwaTopologyCard  *self,
                                                        CwaLiveStatus     status,
                                                        GDateTime        *checked_at,
                                                        gboolean          stale);
/* The badge's text, or NULL while it is hidden. */
const gchar      *cwa_topology_card_get_live_text      (CwaTopologyCard  *self);
/* Opens the context menu ("Assign certificate…"). */
void              cwa_topology_card_popup_menu         (CwaTopologyCard  *self);

G_END_DECLS

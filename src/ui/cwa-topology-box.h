/* cwa-topology-box.h: one computer in the topology view: its FQDN and MTLS certificate above its virtual servers' cards. */
#pragma once

#include <gtk/gtk.h>

#include "cwa-checklist.h"

G_BEGIN_DECLS

#define CWA_TYPE_TOPOLOGY_BOX (cwa_topology_box_get_type ())

G_DECLARE_FINAL_TYPE (CwaTopologyBox, cwa_topology_box, CWA, TOPOLOGY_BOX, GtkWidget)

/* A CwaTopologyItem: dropping a certificate on the title emits "assign"
 * for the computer's MTLS certificate, clicking it, or Return or Space with
 * the focus on it, "activated"; the cards' signals are re-emitted as the
 * box's own.  Dropping a virtual server's card anywhere on the box emits "move" (CwaVirtualServer *) -> gboolean.
 * Dragging the title drags the computer (a CwaServer) and first emits
 * "drag-out" (no arguments), so that the view knows where it came from. */
GtkWidget *cwa_topology_box_new        (CwaServer      *server);
CwaServer *cwa_topology_box_get_server (CwaTopologyBox *self);
/* Makes the cards follow the server's virtual servers (reusing cards),
 * then re-reads everything.  Returns TRUE if cards were added or removed. */
gboolean   cwa_topology_box_sync       (CwaTopologyBox *self,
                                        CwaChecklist   *checklist);
/* The title (FQDN and MTLS certificate): the computer's focus stop, borrowed. */
GtkWidget *cwa_topology_box_get_title  (CwaTopologyBox *self);
/* The card of @virtual_server, or NULL. */
GtkWidget *cwa_topology_box_find_card  (CwaTopologyBox   *self,
                                        CwaVirtualServer *virtual_server);

G_END_DECLS

/* cwa-topology-view.h: the deployment in three bands (reverse proxies, load balancers, computers) with its certificates; drop to assign. */
#pragma once

#include <gtk/gtk.h>

#include "cwa-checklist.h"
#include "cwa-live-check.h"
#include "cwa-plan.h"

G_BEGIN_DECLS

#define CWA_TYPE_TOPOLOGY_VIEW (cwa_topology_view_get_type ())

G_DECLARE_FINAL_TYPE (CwaTopologyView, cwa_topology_view, CWA, TOPOLOGY_VIEW, GtkWidget)

/* Properties: "plan", "checklist", "zoom".  Signal "activated" (GObject
 * *subject): a computer or virtual server was clicked.  Actions:
 * topology.zoom-in, topology.zoom-out, topology.zoom-reset (Ctrl+plus,
 * Ctrl+minus, Ctrl+0, and Ctrl+scroll), topology.undo (Ctrl+Z). */
GtkWidget    *cwa_topology_view_new           (void);
CwaPlan      *cwa_topology_view_get_plan      (CwaTopologyView *self);
void          cwa_topology_view_set_plan      (CwaTopologyView *self,
                                               CwaPlan         *plan);
void          cwa_topology_view_set_checklist (CwaTopologyView *self,
                                               CwaChecklist    *checklist);
gdouble       cwa_topology_view_get_zoom      (CwaTopologyView *self);
void          cwa_topology_view_set_zoom      (CwaTopologyView *self,
                                               gdouble          zoom);
/* Assigns @certificate (NULL: none) to @subject's role: MTLS of a
 * computer, SSL of a virtual server or load balancer, listener certificate
 * of a publishing rule; what a drop does.  Undoable
 * (cwa_plan_edits_assign()).  FALSE if @subject has no such role. */
gboolean      cwa_topology_view_assign        (CwaTopologyView *self,
                                               gpointer         subject,
                                               CwaCertificate  *certificate);
/* Moves @virtual_server to the end of @server's list.  Undoable
 * (cwa_plan_edits_move_virtual_server()).  FALSE if nothing moved. */
gboolean      cwa_topology_view_move          (CwaTopologyView  *self,
                                               CwaVirtualServer *virtual_server,
                                               CwaServer        *server);
/* Loads @files (GFile) off the main thread, adds them to the plan and
 * assigns the certificate that best fits @subject's role. */
void          cwa_topology_view_load_and_assign (CwaTopologyView *self,
                                                 gpointer         subject,
                                                 GSList          *files);
/* Reverts the plan's newest edit (cwa_history_undo() on the plan's
 * history, whichever pane made it).  FALSE if there was none. */
gboolean      cwa_topology_view_undo          (CwaTopologyView *self);
/* While @certificate is dragged over the view, every target shows whether
 * it would satisfy that target's required names; NULL clears. */
void          cwa_topology_view_show_hint     (CwaTopologyView *self,
                                               CwaCertificate  *certificate);
/* Badges every card with what Check Live Servers found at its endpoint
 * (cwa_topology_card_set_live_status()), following @live_check's results
 * and their staleness; NULL: no badges. */
void          cwa_topology_view_set_live_check (CwaTopologyView *self,
                                                CwaLiveCheck    *live_check);
/* The widget showing @subject (the box of a CwaServer, CwaLoadBalancer or
 * CwaReverseProxy, the card of a CwaVirtualServer or CwaPublishingRule)
 * after the last layout, or NULL. */
GtkWidget    *cwa_topology_view_find_widget   (CwaTopologyView *self,
                                               gpointer         subject);
/* Marks the widget of @subject (NULL: none) as the one the editor shows,
 * across relayouts, and scrolls it into view once laid out. */
void          cwa_topology_view_set_selected  (CwaTopologyView *self,
                                               gpointer         subject);
/* The CwaTopologyCanvas holding the boxes and drawing the lines. */
GtkWidget    *cwa_topology_view_get_canvas    (CwaTopologyView *self);

G_END_DECLS

/* cwa-topology-canvas.h: places the topology view's boxes in three bands (edge, load balancers, computers) and draws the lines between them. */
#pragma once

#include <gtk/gtk.h>

#include "cwa-deployment.h"
#include "cwa-topology-links.h"

G_BEGIN_DECLS

#define CWA_TYPE_TOPOLOGY_CANVAS (cwa_topology_canvas_get_type ())

G_DECLARE_FINAL_TYPE (CwaTopologyCanvas, cwa_topology_canvas, CWA, TOPOLOGY_CANVAS, GtkWidget)

/* The canvas places each child by what it shows, in the order of
 * cwa_topology_dup_groups() (the exported picture's order): reverse
 * proxies in the top band, each load balancer spanning exactly the boxes
 * of its members in the band below it, and the computers, as many to a
 * row as the width allows.  Height-for-width. */
GtkWidget *cwa_topology_canvas_new            (void);
void       cwa_topology_canvas_set_deployment (CwaTopologyCanvas *self,
                                               CwaDeployment     *deployment);
/* Adds @child, the box of @subject (a CwaServer, CwaLoadBalancer or
 * CwaReverseProxy).  A subject has one box. */
void       cwa_topology_canvas_put            (CwaTopologyCanvas *self,
                                               gpointer           subject,
                                               GtkWidget         *child);
/* The box of @subject, or NULL. */
GtkWidget *cwa_topology_canvas_lookup         (CwaTopologyCanvas *self,
                                               gpointer           subject);
/* The load balancer drawn right above @server's box as last allocated
 * (of several over it, the lowest: the one whose join reaches it), or
 * NULL when it is in none.  Borrowed. */
CwaLoadBalancer *cwa_topology_canvas_get_balancer_over (CwaTopologyCanvas *self,
                                                        CwaServer         *server);
/* Removes every box and line. */
void       cwa_topology_canvas_clear          (CwaTopologyCanvas *self);

/* Lines from a publishing rule's listener card @from to the card or box
 * @to it publishes, labelled @label (the internal host). */
void       cwa_topology_canvas_clear_links    (CwaTopologyCanvas *self);
void       cwa_topology_canvas_add_link       (CwaTopologyCanvas *self,
                                               GtkWidget         *from,
                                               GtkWidget         *to,
                                               const gchar       *label);
guint      cwa_topology_canvas_get_n_links    (CwaTopologyCanvas *self);
/* Line @index as last drawn: its two widgets (borrowed) and its ends in
 * the canvas's coordinates.  FALSE if there is no such line or it was not
 * drawn (a widget not allocated). */
gboolean   cwa_topology_canvas_get_link       (CwaTopologyCanvas *self,
                                               guint              index,
                                               GtkWidget        **from,
                                               GtkWidget        **to,
                                               graphene_point_t  *start,
                                               graphene_point_t  *end);

/* The lines, with their routes and labels as last laid out (borrowed). */
CwaTopologyLinks *cwa_topology_canvas_get_links (CwaTopologyCanvas *self);
/* While a certificate is dragged over @target (a descendant): a note
 * beside it saying @text, whether it @fits or not, until hidden or the
 * boxes are cleared.  The note is a GtkLabel over the boxes, read by
 * screen readers as a label. */
void       cwa_topology_canvas_show_note      (CwaTopologyCanvas *self,
                                               GtkWidget         *target,
                                               const gchar       *text,
                                               gboolean           fits);
void       cwa_topology_canvas_hide_note      (CwaTopologyCanvas *self);
/* The note's GtkLabel (borrowed): hidden when no note is shown. */
GtkWidget *cwa_topology_canvas_get_note       (CwaTopologyCanvas *self);

G_END_DECLS

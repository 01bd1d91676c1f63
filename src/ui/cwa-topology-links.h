/* cwa-topology-links.h: the publishing rules' lines on the topology canvas: where each runs, where its label goes, and drawing them. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The lines of one canvas.  Each line has a lane of its own in the gap
 * below the edge band, where it runs across and where its label sits, so
 * that no two labels and no two crossings meet however many rules there
 * are.  A line to a virtual server's card comes down the gap beside the
 * card's computer and ends on the card's side, so that no part of it is
 * hidden under a box; a line to a load balancer ends on its top. */
typedef struct _CwaTopologyLinks CwaTopologyLinks;

/* Where the canvas left room for the lines, in its coordinates (pixels). */
typedef struct
{
  double  edge_bottom; /* the bottom of the edge band; the lanes below */
  double  gap;         /* between two columns */
  double  trunk;       /* the channel's width at the left, 0: none */
  double  row_gap;     /* between two rows of computers */
  double  line_step;   /* between two lines in the channel and the row gaps */
  GArray *row_tops;    /* double: the top of each row of computers */
} CwaTopologyFrame;

CwaTopologyLinks *cwa_topology_links_new         (void);
void              cwa_topology_links_free        (CwaTopologyLinks *self);
void              cwa_topology_links_clear       (CwaTopologyLinks *self);
/* A line from @from (a listener card) to @to (a card or a load balancer's
 * box), both descendants of the canvas that live as long as the line,
 * labelled @label (may be NULL). */
void              cwa_topology_links_add         (CwaTopologyLinks *self,
                                                  GtkWidget        *from,
                                                  GtkWidget        *to,
                                                  const gchar      *label);
guint             cwa_topology_links_get_n       (CwaTopologyLinks *self);
/* The height in pixels the lanes need below the edge band, the labels
 * measured with @canvas's fonts. */
int               cwa_topology_links_get_band_height (CwaTopologyLinks *self,
                                                      GtkWidget        *canvas);
/* Works out every line's route and label from the widgets' allocations in
 * @canvas and the room @frame left: a line to the first row runs across
 * its lane and down; one to a lower row runs across its lane to the
 * channel at the left, down it, and across the gap above that row. */
void              cwa_topology_links_arrange     (CwaTopologyLinks       *self,
                                                  GtkWidget              *canvas,
                                                  const CwaTopologyFrame *frame);
/* Line @index as last arranged: its widgets (borrowed), its route (from
 * the listener's bottom to the end on @to; borrowed, @n_points points)
 * and its label's rectangle in the canvas's coordinates (empty without a
 * label).  Any out argument may be NULL.  FALSE if there is no such line
 * or it was not arranged (a widget not allocated). */
gboolean          cwa_topology_links_get         (CwaTopologyLinks        *self,
                                                  guint                    index,
                                                  GtkWidget              **from,
                                                  GtkWidget              **to,
                                                  const graphene_point_t **points,
                                                  guint                   *n_points,
                                                  graphene_rect_t         *label);
/* Draws the lines' first legs, from their listeners down to the bottom of
 * the edge band, in @rgba: before the boxes, so that the listeners
 * stacked below one in its proxy cover its line. */
void              cwa_topology_links_draw_under  (CwaTopologyLinks *self,
                                                  cairo_t          *cr,
                                                  const double      rgba[4]);
/* Draws the lines from the bottom of the edge band on, over the boxes,
 * each with its arrow head, in @rgba, then their labels in @rgba on
 * @background, with @canvas's fonts.  Over: the routes keep to the gaps,
 * and where one must cross a box (a load balancer in a lower row), it is
 * better seen than hidden. */
void              cwa_topology_links_draw        (CwaTopologyLinks *self,
                                                  GtkWidget        *canvas,
                                                  cairo_t          *cr,
                                                  const double      rgba[4],
                                                  const double      background[4]);

G_END_DECLS

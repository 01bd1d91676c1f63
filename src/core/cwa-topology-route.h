/* cwa-topology-route.h: where a publishing rule's line runs between the boxes of the topology, for the window's view and the exported picture alike. */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* A box on the drawing, and a point; in the drawing's units (pixels of
 * the window's canvas, units of the picture), y growing downwards. */
typedef struct
{
  double x;
  double y;
  double width;
  double height;
} CwaRouteRect;

typedef struct
{
  double x;
  double y;
} CwaRoutePoint;

/* The most points a route has. */
#define CWA_ROUTE_MAX_POINTS 7
/* Around a label's text, inside the rectangle the route places. */
#define CWA_ROUTE_LABEL_PAD  2

/* The room the layout left for the lines.  Below the edge band each line
 * has a lane of its own where it runs across; with computers in more than
 * one row, lines to the lower rows run down a channel @trunk wide at the
 * left and across in the gaps above the rows. */
typedef struct
{
  double        left;         /* the drawing's left side: the channel starts here */
  double        right;        /* the drawing's right side */
  double        edge_bottom;  /* the bottom of the edge band */
  double        gap;          /* between two columns of boxes */
  double        trunk;        /* the channel's width, 0: none */
  double        row_gap;      /* between two rows of computers */
  double        line_step;    /* between two lines in the channel and the row gaps */
  const double *row_tops;     /* the top of each row of computers (its load balancers' band) */
  guint         n_rows;
} CwaRouteFrame;

/* One line, from a listener to what its rule publishes. */
typedef struct
{
  CwaRouteRect        from;           /* the listener */
  guint               from_position;  /* 0: the first listener of its proxy */
  CwaRouteRect        to;             /* a virtual server's card or a load balancer's box */
  const CwaRouteRect *computer;       /* for a card, its computer's box; NULL: onto @to's top */
  guint               index;          /* the line's number: its place in the channel */
  guint               rank;           /* lines before it ending on the same @to */
  double              across;         /* its lane's y */
} CwaRouteLine;

/* The route of @line in @frame, into @points; returns how many (at least
 * 4): out of the bottom of the listener (listeners of one proxy side by
 * side), down to its lane and across; to a lower row, down the channel
 * and across the gap above that row; then to a card down the gap beside
 * its computer's box and into the card's side at its middle (when there
 * is a gap beside it), else down onto the top of @to.  Every leg runs
 * straight across or down. */
guint cwa_topology_route                  (const CwaRouteFrame *frame,
                                           const CwaRouteLine  *line,
                                           CwaRoutePoint        points[CWA_ROUTE_MAX_POINTS]);
/* Where a label @width by @height (padding included) goes: beside the
 * point where the route turns down from its lane (points[2]), to the
 * right, or to the left where the right would pass @frame's side. */
CwaRouteRect cwa_topology_route_place_label (const CwaRouteFrame *frame,
                                             const CwaRoutePoint *points,
                                             double               width,
                                             double               height);
/* Strokes the route's first leg, from the listener down to its lane, with
 * @cr's source and line width: drawn before the boxes, so that listeners
 * stacked below one in its proxy cover its line. */
void  cwa_topology_route_draw_first_leg   (cairo_t             *cr,
                                           const CwaRoutePoint *points);
/* Strokes the route from @edge_bottom (or its start, if lower) to its end
 * and fills an arrow head there, pointing the way the last leg runs, with
 * @cr's source and line width: drawn over the boxes, since its last leg
 * reaches into a computer's box to the card's side. */
void  cwa_topology_route_draw             (cairo_t             *cr,
                                           const CwaRoutePoint *points,
                                           guint                n_points,
                                           double               edge_bottom);

G_END_DECLS

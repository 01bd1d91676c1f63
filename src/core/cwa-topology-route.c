/* cwa-topology-route.c: where a publishing rule's line runs between the boxes of the topology, for the window's view and the exported picture alike. */
#include "config.h"

#include "cwa-topology-route.h"

/* Lines leaving one proxy, or arriving at one target, side by side. */
#define SIDE_STEP  12
/* A label's distance from its line. */
#define LABEL_AWAY 5

static guint
add_point (CwaRoutePoint *points,
           guint          n,
           double         x,
           double         y)
{
  g_assert (n < CWA_ROUTE_MAX_POINTS);
  points[n] = (CwaRoutePoint) { x, y };
  return n + 1;
}

/* Where a line leaves its listener: listeners stacked in one proxy have
 * their lines leave side by side (the 1st in the middle, then right,
 * left, ...), so that each shows where it comes out of the proxy's box. */
static double
start_x (const CwaRouteLine *line)
{
  guint position = line->from_position;
  double offset = (double) ((position + 1) / 2) * SIDE_STEP * (position % 2 == 1 ? 1 : -1);

  offset = CLAMP (offset, -line->from.width / 2 + 4, line->from.width / 2 - 4);
  return line->from.x + line->from.width / 2 + offset;
}

/* The gap beside @box a line to one of its cards comes down: the right
 * one, or the left one in the last column; 0 (none) when the drawing has
 * only the one column. */
static int
side_of (const CwaRouteFrame *frame,
         const CwaRouteRect  *box)
{
  if (box->x + box->width + frame->gap <= frame->right + 0.5)
    return 1;
  if (box->x - frame->gap >= frame->left - 0.5)
    return -1;
  return 0;
}

/* The row of computers @y is in (0: the first). */
static guint
row_of (const CwaRouteFrame *frame,
        double               y)
{
  guint row = 0;

  for (guint r = 0; r < frame->n_rows; r++)
    if (frame->row_tops[r] <= y + 0.5)
      row = r;
  return row;
}

/* From @y above it, to a card: down the gap beside its computer's box,
 * then into the card's side at its middle.  0 when there is no gap to
 * use, else the number of points. */
static guint
route_to_card (const CwaRouteFrame *frame,
               const CwaRouteLine  *line,
               double               y,
               CwaRoutePoint       *points,
               guint                n)
{
  const CwaRouteRect *card = &line->to;
  int side = side_of (frame, line->computer);
  double x;
  double middle;

  if (side == 0)
    return 0;
  /* Lines down one gap keep apart by a few pixels. */
  x = side > 0 ? line->computer->x + line->computer->width + frame->gap / 2 : line->computer->x - frame->gap / 2;
  x += ((double) (line->rank % 3) - 1) * 3 * side;
  middle = card->y + MIN (card->height / 2 + (double) (line->rank % 3) * SIDE_STEP / 2, card->height - 2);
  n = add_point (points, n, x, y);
  n = add_point (points, n, x, middle);
  return add_point (points, n, side > 0 ? card->x + card->width : card->x, middle);
}

guint
cwa_topology_route (const CwaRouteFrame *frame,
                    const CwaRouteLine  *line,
                    CwaRoutePoint        points[CWA_ROUTE_MAX_POINTS])
{
  const CwaRouteRect *to = &line->to;
  double y = line->across;
  guint row = row_of (frame, to->y);
  guint n = 0;
  guint to_card;
  double x;

  g_return_val_if_fail (frame != NULL && line != NULL && points != NULL, 0);

  n = add_point (points, n, start_x (line), line->from.y + line->from.height);
  n = add_point (points, n, points[0].x, line->across);
  if (row > 0 && frame->trunk > 0)
    {
      x = frame->left + frame->line_step * (line->index + 1);
      y = frame->row_tops[row] - frame->row_gap + frame->gap / 2 + frame->line_step * line->index;
      n = add_point (points, n, x, line->across);
      n = add_point (points, n, x, y);
    }
  to_card = line->computer != NULL ? route_to_card (frame, line, y, points, n) : 0;
  if (to_card > 0)
    return to_card;
  /* Onto the top, as onto a load balancer's box. */
  x = MIN (to->x + to->width / 2 + (line->rank % 3) * SIDE_STEP, to->x + to->width - 2);
  n = add_point (points, n, x, y);
  return add_point (points, n, x, to->y);
}

CwaRouteRect
cwa_topology_route_place_label (const CwaRouteFrame *frame,
                                const CwaRoutePoint *points,
                                double               width,
                                double               height)
{
  const CwaRoutePoint *turn = &points[2];
  double x = turn->x + LABEL_AWAY;

  if (x + width > frame->right)
    x = MAX (turn->x - LABEL_AWAY - width, frame->left);
  return (CwaRouteRect) { x, turn->y + 2, width, height };
}

void
cwa_topology_route_draw_first_leg (cairo_t             *cr,
                                   const CwaRoutePoint *points)
{
  cairo_move_to (cr, points[0].x, points[0].y);
  cairo_line_to (cr, points[1].x, points[1].y);
  cairo_stroke (cr);
}

/* An arrow head at @tip, pointing the way the leg from @before runs
 * (across or down). */
static void
draw_arrow (cairo_t             *cr,
            const CwaRoutePoint *before,
            const CwaRoutePoint *tip)
{
  double dx = tip->x - before->x;
  double dy = tip->y - before->y;
  /* Every leg runs straight across or down. */
  double length = ABS (dx) + ABS (dy);

  if (length < 0.5)
    return;
  dx /= length;
  dy /= length;
  cairo_move_to (cr, tip->x, tip->y);
  cairo_line_to (cr, tip->x - 7 * dx - 4 * dy, tip->y - 7 * dy + 4 * dx);
  cairo_line_to (cr, tip->x - 7 * dx + 4 * dy, tip->y - 7 * dy - 4 * dx);
  cairo_close_path (cr);
  cairo_fill (cr);
}

void
cwa_topology_route_draw (cairo_t             *cr,
                         const CwaRoutePoint *points,
                         guint                n_points,
                         double               edge_bottom)
{
  g_return_if_fail (cr != NULL && points != NULL && n_points >= 2);

  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_move_to (cr, points[0].x, MAX (points[0].y, edge_bottom));
  for (guint p = 1; p < n_points; p++)
    cairo_line_to (cr, points[p].x, points[p].y);
  cairo_stroke (cr);
  draw_arrow (cr, &points[n_points - 2], &points[n_points - 1]);
  cairo_restore (cr);
}

/* cwa-topology-links.c: the publishing rules' lines on the topology canvas: where each runs, where its label goes, and drawing them. */
#include "config.h"

#include "cwa-topology-box.h"
#include "cwa-topology-card.h"
#include "cwa-topology-links.h"

/* From the bottom of the edge band to the first lane. */
#define LANE_TOP   10
/* Below the last lane's label. */
#define LANE_END   12
/* The band is never lower than this, lines or not. */
#define BAND_MIN   72
/* A label's distance from its line, and its padding. */
#define LABEL_AWAY 5
#define LABEL_PAD  2
/* Lines arriving at one target side by side. */
#define SIDE_STEP  12
#define MAX_POINTS 7

typedef struct
{
  GtkWidget        *from;
  GtkWidget        *to;
  gchar            *label;
  gboolean          arranged;
  graphene_point_t  points[MAX_POINTS];
  guint             n_points;
  graphene_rect_t   label_rect;
  double            edge;  /* the bottom of the box @from is in */
} Link;

struct _CwaTopologyLinks
{
  GArray *links;  /* Link */
};

static void
link_clear (gpointer data)
{
  Link *link = data;

  g_clear_pointer (&link->label, g_free);
}

CwaTopologyLinks *
cwa_topology_links_new (void)
{
  CwaTopologyLinks *self = g_new0 (CwaTopologyLinks, 1);

  self->links = g_array_new (FALSE, TRUE, sizeof (Link));
  g_array_set_clear_func (self->links, link_clear);
  return self;
}

void
cwa_topology_links_free (CwaTopologyLinks *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->links);
  g_free (self);
}

void
cwa_topology_links_clear (CwaTopologyLinks *self)
{
  g_array_set_size (self->links, 0);
}

void
cwa_topology_links_add (CwaTopologyLinks *self,
                        GtkWidget        *from,
                        GtkWidget        *to,
                        const gchar      *label)
{
  Link link = { 0 };

  link.from = from;
  link.to = to;
  link.label = g_strdup (label);
  g_array_append_val (self->links, link);
}

guint
cwa_topology_links_get_n (CwaTopologyLinks *self)
{
  return self->links->len;
}

/* A label's text as drawn: the canvas's font, smaller. */
static PangoLayout *
label_layout (GtkWidget   *canvas,
              const gchar *text)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (canvas, text);
  const PangoFontDescription *font = pango_context_get_font_description (pango_layout_get_context (layout));
  PangoFontDescription *small = font != NULL ? pango_font_description_copy (font) : pango_font_description_new ();

  pango_font_description_set_size (small, 8 * PANGO_SCALE);
  pango_layout_set_font_description (layout, small);
  pango_font_description_free (small);
  return layout;
}

/* One lane: a label's height and the room between lanes. */
static int
lane_step (GtkWidget *canvas)
{
  g_autoptr(PangoLayout) layout = label_layout (canvas, "Xg");
  int height = 0;

  pango_layout_get_pixel_size (layout, NULL, &height);
  return MAX (height + 2 * LABEL_PAD + 2, 14);
}

int
cwa_topology_links_get_band_height (CwaTopologyLinks *self,
                                    GtkWidget        *canvas)
{
  return MAX (BAND_MIN, LANE_TOP + (int) self->links->len * lane_step (canvas) + LANE_END);
}

/* How many lines before @index end on the same widget: they arrive side
 * by side. */
static guint
rank_at_target (CwaTopologyLinks *self,
                guint             index)
{
  GtkWidget *to = g_array_index (self->links, Link, index).to;
  guint rank = 0;

  for (guint i = 0; i < index; i++)
    if (g_array_index (self->links, Link, i).to == to)
      rank++;
  return rank;
}

/* The gap beside @box a line to one of its cards comes down: the right
 * one, or the left one in the last column; 0 (none) when the canvas has
 * only the one column. */
static int
side_of (const graphene_rect_t *box,
         double                 width,
         double                 gap)
{
  if (box->origin.x + box->size.width + gap <= width + 0.5)
    return 1;
  if (box->origin.x - gap >= -0.5)
    return -1;
  return 0;
}

static void
add_point (Link   *link,
           double  x,
           double  y)
{
  g_assert (link->n_points < MAX_POINTS);
  link->points[link->n_points++] = GRAPHENE_POINT_INIT (x, y);
}

/* From @y above it, to a card: down the gap beside its computer's box,
 * then into the card's side at its middle.  FALSE when there is no gap
 * to use. */
static gboolean
route_to_card (Link                  *link,
               GtkWidget             *canvas,
               const graphene_rect_t *card,
               double                 y,
               double                 gap,
               guint                  rank)
{
  GtkWidget *box = gtk_widget_get_ancestor (link->to, CWA_TYPE_TOPOLOGY_BOX);
  graphene_rect_t bounds;
  int side;
  double x;
  double middle;

  if (box == NULL || !gtk_widget_compute_bounds (box, canvas, &bounds))
    return FALSE;
  side = side_of (&bounds, gtk_widget_get_width (canvas), gap);
  if (side == 0)
    return FALSE;
  /* Lines down one gap keep apart by a few pixels. */
  x = side > 0 ? bounds.origin.x + bounds.size.width + gap / 2 : bounds.origin.x - gap / 2;
  x += ((double) (rank % 3) - 1) * 3 * side;
  middle = card->origin.y + MIN (card->size.height / 2 + (double) (rank % 3) * SIDE_STEP / 2, card->size.height - 2);
  add_point (link, x, y);
  add_point (link, x, middle);
  add_point (link, side > 0 ? card->origin.x + card->size.width : card->origin.x, middle);
  return TRUE;
}

/* The row of computers @y is in (0: the first). */
static guint
row_of (const CwaTopologyFrame *frame,
        double                  y)
{
  guint row = 0;

  for (guint r = 0; r < frame->row_tops->len; r++)
    if (g_array_index (frame->row_tops, double, r) <= y + 0.5)
      row = r;
  return row;
}

/* The label beside where the line turns down from its lane, to the right
 * or, past the canvas's edge, to the left. */
static void
place_label (Link      *link,
             GtkWidget *canvas)
{
  g_autoptr(PangoLayout) layout = NULL;
  const graphene_point_t *turn = &link->points[2];
  int width = 0;
  int height = 0;
  double x;

  if (link->label == NULL)
    {
      link->label_rect = GRAPHENE_RECT_INIT (turn->x, turn->y, 0, 0);
      return;
    }
  layout = label_layout (canvas, link->label);
  pango_layout_get_pixel_size (layout, &width, &height);
  width += 2 * LABEL_PAD;
  height += 2 * LABEL_PAD;
  x = turn->x + LABEL_AWAY;
  if (x + width > gtk_widget_get_width (canvas))
    x = MAX (turn->x - LABEL_AWAY - width, 0);
  link->label_rect = GRAPHENE_RECT_INIT (x, turn->y + 2, width, height);
}

/* Where a line leaves its listener: listeners stacked in one proxy have
 * their lines leave side by side (the 1st in the middle, then right,
 * left, ...), so that each shows where it comes out of the proxy's box. */
static double
start_x (GtkWidget             *from,
         const graphene_rect_t *bounds)
{
  guint position = 0;
  double offset;

  for (GtkWidget *before = gtk_widget_get_prev_sibling (from); before != NULL; before = gtk_widget_get_prev_sibling (before))
    position++;
  offset = (double) ((position + 1) / 2) * SIDE_STEP * (position % 2 == 1 ? 1 : -1);
  offset = CLAMP (offset, -bounds->size.width / 2 + 4, bounds->size.width / 2 - 4);
  return bounds->origin.x + bounds->size.width / 2 + offset;
}

/* Line @index: out of its listener, across its lane at @across; to a
 * lower row, down the channel and across the gap above that row; then
 * onto what it joins. */
static void
arrange_one (CwaTopologyLinks       *self,
             guint                   index,
             GtkWidget              *canvas,
             const CwaTopologyFrame *frame,
             double                  across)
{
  Link *link = &g_array_index (self->links, Link, index);
  guint rank = rank_at_target (self, index);
  graphene_rect_t a;
  graphene_rect_t b;
  double y = across;
  guint row;

  link->arranged = gtk_widget_compute_bounds (link->from, canvas, &a) &&
                   gtk_widget_compute_bounds (link->to, canvas, &b);
  if (!link->arranged)
    return;
  link->n_points = 0;
  link->edge = frame->edge_bottom;
  add_point (link, start_x (link->from, &a), a.origin.y + a.size.height);
  add_point (link, link->points[0].x, across);
  row = row_of (frame, b.origin.y);
  if (row > 0 && frame->trunk > 0)
    {
      double x = frame->line_step * (index + 1);

      y = g_array_index (frame->row_tops, double, row) - frame->row_gap + frame->gap / 2 + frame->line_step * index;
      add_point (link, x, across);
      add_point (link, x, y);
    }
  if (!CWA_IS_TOPOLOGY_CARD (link->to) || !route_to_card (link, canvas, &b, y, frame->gap, rank))
    {
      /* Onto the top, as onto a load balancer's box. */
      double x = MIN (b.origin.x + b.size.width / 2 + (rank % 3) * SIDE_STEP, b.origin.x + b.size.width - 2);

      add_point (link, x, y);
      add_point (link, x, b.origin.y);
    }
  place_label (link, canvas);
}

void
cwa_topology_links_arrange (CwaTopologyLinks       *self,
                            GtkWidget              *canvas,
                            const CwaTopologyFrame *frame)
{
  int step = lane_step (canvas);

  for (guint i = 0; i < self->links->len; i++)
    arrange_one (self, i, canvas, frame, frame->edge_bottom + LANE_TOP + i * step);
}

gboolean
cwa_topology_links_get (CwaTopologyLinks        *self,
                        guint                    index,
                        GtkWidget              **from,
                        GtkWidget              **to,
                        const graphene_point_t **points,
                        guint                   *n_points,
                        graphene_rect_t         *label)
{
  Link *link;

  if (index >= self->links->len)
    return FALSE;
  link = &g_array_index (self->links, Link, index);
  if (from != NULL)
    *from = link->from;
  if (to != NULL)
    *to = link->to;
  if (!link->arranged)
    return FALSE;
  if (points != NULL)
    *points = link->points;
  if (n_points != NULL)
    *n_points = link->n_points;
  if (label != NULL)
    *label = link->label_rect;
  return TRUE;
}

/* An arrow head at the end of @link, pointing the way its last leg runs
 * (across or down). */
static void
draw_arrow (cairo_t    *cr,
            const Link *link)
{
  const graphene_point_t *tip = &link->points[link->n_points - 1];
  const graphene_point_t *before = &link->points[link->n_points - 2];
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

static void
draw_label (cairo_t      *cr,
            GtkWidget    *canvas,
            const Link   *link,
            const double  rgba[4],
            const double  background[4])
{
  g_autoptr(PangoLayout) layout = label_layout (canvas, link->label);
  const graphene_rect_t *rect = &link->label_rect;

  cairo_set_source_rgba (cr, background[0], background[1], background[2], background[3] * 0.9);
  cairo_rectangle (cr, rect->origin.x, rect->origin.y, rect->size.width, rect->size.height);
  cairo_fill (cr);
  cairo_set_source_rgba (cr, rgba[0], rgba[1], rgba[2], rgba[3]);
  cairo_move_to (cr, rect->origin.x + LABEL_PAD, rect->origin.y + LABEL_PAD);
  pango_cairo_show_layout (cr, layout);
}

void
cwa_topology_links_draw_under (CwaTopologyLinks *self,
                               cairo_t          *cr,
                               const double      rgba[4])
{
  cairo_save (cr);
  cairo_set_line_width (cr, 1.5);
  cairo_set_source_rgba (cr, rgba[0], rgba[1], rgba[2], rgba[3]);
  for (guint i = 0; i < self->links->len; i++)
    {
      const Link *link = &g_array_index (self->links, Link, i);

      if (!link->arranged)
        continue;
      cairo_move_to (cr, link->points[0].x, link->points[0].y);
      cairo_line_to (cr, link->points[1].x, link->points[1].y);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

void
cwa_topology_links_draw (CwaTopologyLinks *self,
                         GtkWidget        *canvas,
                         cairo_t          *cr,
                         const double      rgba[4],
                         const double      background[4])
{
  cairo_save (cr);
  cairo_set_line_width (cr, 1.5);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < self->links->len; i++)
    {
      const Link *link = &g_array_index (self->links, Link, i);
      /* The first leg again from the proxy box's bottom: seen below it. */
      double below = MAX (link->points[0].y, link->edge);

      if (!link->arranged)
        continue;
      cairo_set_source_rgba (cr, rgba[0], rgba[1], rgba[2], rgba[3]);
      cairo_move_to (cr, link->points[0].x, below);
      for (guint p = 1; p < link->n_points; p++)
        cairo_line_to (cr, link->points[p].x, link->points[p].y);
      cairo_stroke (cr);
      draw_arrow (cr, link);
    }
  /* The labels over every line. */
  for (guint i = 0; i < self->links->len; i++)
    {
      const Link *link = &g_array_index (self->links, Link, i);

      if (link->arranged && link->label != NULL)
        draw_label (cr, canvas, link, rgba, background);
    }
  cairo_restore (cr);
}

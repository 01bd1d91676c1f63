/* cwa-topology-links.c: the publishing rules' lines on the topology canvas: where each runs, where its label goes, and drawing them. */
#include "config.h"

#include "cwa-topology-box.h"
#include "cwa-topology-card.h"
#include "cwa-topology-links.h"
#include "cwa-topology-route.h"

/* From the bottom of the edge band to the first lane. */
#define LANE_TOP   10
/* Below the last lane's label. */
#define LANE_END   12
/* The band is never lower than this, lines or not. */
#define BAND_MIN   72

typedef struct
{
  GtkWidget        *from;
  GtkWidget        *to;
  gchar            *label;
  gboolean          arranged;
  CwaRoutePoint     route[CWA_ROUTE_MAX_POINTS];
  graphene_point_t  points[CWA_ROUTE_MAX_POINTS];
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
  return MAX (height + 2 * CWA_ROUTE_LABEL_PAD + 2, 14);
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

static gboolean
bounds_in (GtkWidget    *widget,
           GtkWidget    *canvas,
           CwaRouteRect *rect)
{
  graphene_rect_t bounds;

  if (widget == NULL || !gtk_widget_compute_bounds (widget, canvas, &bounds))
    return FALSE;
  *rect = (CwaRouteRect) { bounds.origin.x, bounds.origin.y, bounds.size.width, bounds.size.height };
  return TRUE;
}

/* The label beside where the line turns down from its lane. */
static void
place_label (Link                *link,
             GtkWidget           *canvas,
             const CwaRouteFrame *frame)
{
  g_autoptr(PangoLayout) layout = NULL;
  int width = 0;
  int height = 0;
  CwaRouteRect rect;

  if (link->label == NULL)
    {
      link->label_rect = GRAPHENE_RECT_INIT (link->route[2].x, link->route[2].y, 0, 0);
      return;
    }
  layout = label_layout (canvas, link->label);
  pango_layout_get_pixel_size (layout, &width, &height);
  rect = cwa_topology_route_place_label (frame, link->route, width + 2 * CWA_ROUTE_LABEL_PAD,
                                         height + 2 * CWA_ROUTE_LABEL_PAD);
  link->label_rect = GRAPHENE_RECT_INIT (rect.x, rect.y, rect.width, rect.height);
}

/* Line @index, from the widgets' places in @canvas (cwa_topology_route()
 * works out its route, as for the exported picture). */
static void
arrange_one (CwaTopologyLinks    *self,
             guint                index,
             GtkWidget           *canvas,
             const CwaRouteFrame *frame,
             double               across)
{
  Link *link = &g_array_index (self->links, Link, index);
  CwaRouteLine line = { 0 };
  CwaRouteRect computer;
  GtkWidget *box = CWA_IS_TOPOLOGY_CARD (link->to) ? gtk_widget_get_ancestor (link->to, CWA_TYPE_TOPOLOGY_BOX) : NULL;

  link->arranged = bounds_in (link->from, canvas, &line.from) && bounds_in (link->to, canvas, &line.to);
  if (!link->arranged)
    return;
  for (GtkWidget *before = gtk_widget_get_prev_sibling (link->from); before != NULL;
       before = gtk_widget_get_prev_sibling (before))
    line.from_position++;
  line.computer = bounds_in (box, canvas, &computer) ? &computer : NULL;
  line.index = index;
  line.rank = rank_at_target (self, index);
  line.across = across;
  link->edge = frame->edge_bottom;
  link->n_points = cwa_topology_route (frame, &line, link->route);
  for (guint p = 0; p < link->n_points; p++)
    link->points[p] = GRAPHENE_POINT_INIT (link->route[p].x, link->route[p].y);
  place_label (link, canvas, frame);
}

void
cwa_topology_links_arrange (CwaTopologyLinks       *self,
                            GtkWidget              *canvas,
                            const CwaTopologyFrame *frame)
{
  int step = lane_step (canvas);
  CwaRouteFrame route_frame = {
    .left = 0,
    .right = gtk_widget_get_width (canvas),
    .edge_bottom = frame->edge_bottom,
    .gap = frame->gap,
    .trunk = frame->trunk,
    .row_gap = frame->row_gap,
    .line_step = frame->line_step,
    .row_tops = (const double *) (gpointer) frame->row_tops->data,
    .n_rows = frame->row_tops->len,
  };

  for (guint i = 0; i < self->links->len; i++)
    arrange_one (self, i, canvas, &route_frame, frame->edge_bottom + LANE_TOP + i * step);
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
  cairo_move_to (cr, rect->origin.x + CWA_ROUTE_LABEL_PAD, rect->origin.y + CWA_ROUTE_LABEL_PAD);
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

      if (link->arranged)
        cwa_topology_route_draw_first_leg (cr, link->route);
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

      if (!link->arranged)
        continue;
      cairo_set_source_rgba (cr, rgba[0], rgba[1], rgba[2], rgba[3]);
      /* The first leg again from the proxy box's bottom: seen below it. */
      cwa_topology_route_draw (cr, link->route, link->n_points, link->edge);
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

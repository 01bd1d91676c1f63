/* cwa-topology-picture.c: the deployment drawn as a picture in three bands (edge, load balancers, computers) with cairo. */
#include "config.h"

#include <cairo-svg.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "cwa-report-private.h"
#include "cwa-topology-bands.h"
#include "cwa-topology-picture-private.h"
#include "cwa-topology-picture.h"
#include "cwa-topology-route.h"

/* Groups of computers fill rows of at most COLUMNS computers; the edge
 * band above them holds the reverse proxies, COLUMNS to a row too. */
#define COLUMNS      3
#define MARGIN       24.0
#define GAP          18.0
#define HEADER       48.0
#define BAND_LABEL   20.0
/* Between the edge and the first row: room for the lines' bends, each
 * line across in a lane of its own (its label below it), so that no two
 * labels meet. */
#define EDGE_GAP     72.0
#define LANE_TOP     10.0
#define LANE         14.0
/* Between a load balancer and its members: room for the joins. */
#define LB_GAP       22.0
/* With computers in more than one row, the lines to the lower rows run
 * down a channel at the left and across in the gaps above the rows, as in
 * the window: a little room per line in each. */
#define TRUNK_BASE   8.0
#define LINE_STEP    4.0
#define BOX_WIDTH    PICTURE_BOX_WIDTH
#define FONT         PICTURE_FONT

typedef CwaPictureRgb Rgb;

/* Where everything goes: computed once per drawing from the model. */
typedef struct
{
  GPtrArray *groups;        /* CwaTopologyGroup */
  GArray    *lb_heights;    /* double per row: its load balancer band, 0 without */
  GArray    *row_heights;   /* double per row: its computers */
  GPtrArray *proxies;       /* CwaReverseProxy, owned */
  GArray    *edge_heights;  /* double per row of proxies */
  guint      columns;       /* widest row, in boxes */
  double     edge_gap;      /* below the edge band */
  guint      n_lines;       /* the publishing rules' lines */
  double     trunk;         /* the channel at the left, 0: none */
  double     row_gap;       /* between two rows of computers */
  double     x0;            /* the left of the boxes */
  GArray    *row_tops;      /* double per row, where the last drawing put it */
  double     width;
  double     height;
} Layout;

static void
layout_clear (Layout *layout)
{
  g_clear_pointer (&layout->groups, g_ptr_array_unref);
  g_clear_pointer (&layout->lb_heights, g_array_unref);
  g_clear_pointer (&layout->row_heights, g_array_unref);
  g_clear_pointer (&layout->proxies, g_ptr_array_unref);
  g_clear_pointer (&layout->edge_heights, g_array_unref);
  g_clear_pointer (&layout->row_tops, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Layout, layout_clear)

static const gchar *
plan_title (CwaPlan *plan)
{
  const gchar *name = cwa_plan_get_name (plan);

  return name != NULL && *name != '\0' ? name : "Untitled plan";
}

/* The title is not cut: a one-computer picture widens to fit it. */
static double
title_width (CwaPlan *plan)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *description = pango_font_description_from_string (FONT " Bold 15");
  int width;

  pango_layout_set_font_description (layout, description);
  pango_layout_set_text (layout, plan_title (plan), -1);
  pango_layout_get_pixel_size (layout, &width, NULL);
  pango_font_description_free (description);
  g_object_unref (layout);
  g_object_unref (context);
  return MIN (width + 8, 1200);
}

static double *
grow_row (GArray *heights,
          guint   row)
{
  double zero = 0;

  while (heights->len <= row)
    g_array_append_val (heights, zero);
  return &g_array_index (heights, double, row);
}

static double
sum_rows (GArray *heights)
{
  double total = 0;

  for (guint i = 0; i < heights->len; i++)
    total += g_array_index (heights, double, i);
  return total;
}

static double
balancer_height (CwaLoadBalancer *load_balancer,
                 guint            columns,
                 gpointer         checklist)
{
  return _cwa_picture_balancer_height (checklist, load_balancer);
}

/* The row heights of both bands of computers. */
static void
layout_rows (Layout       *layout,
             CwaChecklist *checklist)
{
  for (guint i = 0; i < layout->groups->len; i++)
    {
      CwaTopologyGroup *group = g_ptr_array_index (layout->groups, i);
      double *row = grow_row (layout->row_heights, group->row);
      double *lb = grow_row (layout->lb_heights, group->row);

      *lb = MAX (*lb, cwa_topology_group_stack (group, balancer_height, checklist, GAP));
      for (guint s = 0; s < group->servers->len; s++)
        *row = MAX (*row, _cwa_picture_computer_height (checklist, g_ptr_array_index (group->servers, s)));
      layout->columns = MAX (layout->columns, group->column + cwa_topology_group_get_width (group));
    }
}

static void
layout_edge (Layout       *layout,
             CwaChecklist *checklist)
{
  for (guint i = 0; i < layout->proxies->len; i++)
    {
      double *row = grow_row (layout->edge_heights, i / COLUMNS);

      *row = MAX (*row, _cwa_picture_proxy_height (checklist, g_ptr_array_index (layout->proxies, i)));
    }
  layout->columns = MAX (layout->columns, MIN (layout->proxies->len, COLUMNS));
}

/* How many lines the publishing rules draw. */
static guint
count_lines (CwaDeployment *deployment)
{
  g_autoptr(GPtrArray) rules = cwa_deployment_dup_publishing_rules (deployment);
  guint n = 0;

  for (guint i = 0; i < rules->len; i++)
    {
      g_autoptr(GPtrArray) ends = cwa_topology_dup_rule_ends (deployment, g_ptr_array_index (rules, i));

      n += ends->len;
    }
  return n;
}

static void
layout_compute (Layout       *layout,
                CwaPlan      *plan,
                CwaChecklist *checklist)
{
  CwaDeployment *deployment = cwa_plan_get_deployment (plan);
  GListModel *proxies = cwa_deployment_get_reverse_proxies (deployment);
  double height = 2 * MARGIN + HEADER;

  layout->groups = cwa_topology_dup_groups (deployment, COLUMNS);
  layout->lb_heights = g_array_new (FALSE, FALSE, sizeof (double));
  layout->row_heights = g_array_new (FALSE, FALSE, sizeof (double));
  layout->edge_heights = g_array_new (FALSE, FALSE, sizeof (double));
  layout->proxies = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (proxies); i++)
    g_ptr_array_add (layout->proxies, g_list_model_get_item (proxies, i));
  layout->row_tops = g_array_new (FALSE, FALSE, sizeof (double));
  layout->columns = 1;
  layout->n_lines = count_lines (deployment);
  layout->edge_gap = MAX (EDGE_GAP, LANE_TOP + layout->n_lines * LANE + LANE_TOP);
  layout_rows (layout, checklist);
  layout_edge (layout, checklist);
  layout->trunk = layout->n_lines > 0 && layout->row_heights->len > 1 ? TRUNK_BASE + LINE_STEP * layout->n_lines : 0;
  layout->row_gap = GAP + (layout->trunk > 0 ? LINE_STEP * layout->n_lines : 0);
  layout->x0 = MARGIN + layout->trunk;

  if (layout->proxies->len > 0)
    height += BAND_LABEL + sum_rows (layout->edge_heights) + (layout->edge_heights->len - 1) * GAP + layout->edge_gap;
  for (guint i = 0; i < layout->row_heights->len; i++)
    {
      double lb = g_array_index (layout->lb_heights, double, i);

      height += (i > 0 ? layout->row_gap : 0) + g_array_index (layout->row_heights, double, i) + (lb > 0 ? lb + LB_GAP : 0);
    }
  layout->height = height;
  layout->width = 2 * MARGIN + MAX (layout->trunk + layout->columns * BOX_WIDTH + (layout->columns - 1) * GAP,
                                    title_width (plan));
}

void
cwa_topology_picture_get_size (CwaPlan      *plan,
                               CwaChecklist *checklist,
                               double       *width,
                               double       *height)
{
  g_auto(Layout) layout = { 0 };

  g_return_if_fail (CWA_IS_PLAN (plan));
  g_return_if_fail (CWA_IS_CHECKLIST (checklist));

  layout_compute (&layout, plan, checklist);
  if (width != NULL)
    *width = layout.width;
  if (height != NULL)
    *height = layout.height;
}

static void
draw_edge (cairo_t      *cr,
           CwaChecklist *checklist,
           Layout       *layout,
           double       *y,
           GHashTable   *where)
{
  if (layout->proxies->len == 0)
    return;
  _cwa_picture_show_text (cr, "Internet edge", MARGIN, *y, layout->width - 2 * MARGIN, FONT " Bold 9",
                          &cwa_picture_muted);
  *y += BAND_LABEL;
  for (guint i = 0; i < layout->proxies->len; i++)
    {
      double row_height = g_array_index (layout->edge_heights, double, i / COLUMNS);
      CwaReverseProxy *proxy = g_ptr_array_index (layout->proxies, i);

      if (i > 0 && i % COLUMNS == 0)
        *y += g_array_index (layout->edge_heights, double, i / COLUMNS - 1) + GAP;
      _cwa_picture_draw_proxy (cr, checklist, proxy, layout->x0 + (i % COLUMNS) * (BOX_WIDTH + GAP), *y,
                               _cwa_picture_proxy_height (checklist, proxy), where);
      if (i + 1 == layout->proxies->len)
        *y += row_height + layout->edge_gap;
    }
}

/* The short joins from each load balancer down to each of its members
 * (but where a load balancer stacked below stands between them). */
static void
draw_member_joins (cairo_t          *cr,
                   CwaTopologyGroup *group,
                   GHashTable       *where)
{
  cairo_save (cr);
  cairo_set_source_rgb (cr, cwa_picture_muted.r, cwa_picture_muted.g, cwa_picture_muted.b);
  cairo_set_line_width (cr, 1.5);
  for (guint i = 0; i < group->spans->len; i++)
    {
      CwaTopologySpan *span = g_ptr_array_index (group->spans, i);
      CwaPictureRect *lb = g_hash_table_lookup (where, span->load_balancer);

      for (guint s = span->first; s < span->first + span->n; s++)
        {
          CwaPictureRect *member = g_hash_table_lookup (where, g_ptr_array_index (group->servers, s));
          double x = member->x + member->width / 2;

          if (cwa_topology_group_is_covered (group, span, s))
            continue;
          cairo_move_to (cr, x, lb->y + lb->height);
          cairo_line_to (cr, x, member->y);
        }
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_rows (cairo_t      *cr,
           CwaChecklist *checklist,
           Layout       *layout,
           double        y,
           GHashTable   *where)
{
  guint row = 0;

  /* The row tops of the first pass (locate_boxes()) stay: the second
   * draws at the same places. */
  for (guint i = 0; i < layout->groups->len; i++)
    {
      CwaTopologyGroup *group = g_ptr_array_index (layout->groups, i);
      double lb_band = g_array_index (layout->lb_heights, double, group->row);
      double x = layout->x0 + group->column * (BOX_WIDTH + GAP);
      double top;

      for (; row < group->row; row++)
        {
          double band = g_array_index (layout->lb_heights, double, row);

          y += (band > 0 ? band + LB_GAP : 0) + g_array_index (layout->row_heights, double, row) + layout->row_gap;
        }
      if (layout->row_tops->len <= group->row)
        g_array_append_val (layout->row_tops, y);
      top = y + (lb_band > 0 ? lb_band + LB_GAP : 0);
      for (guint l = 0; l < group->spans->len; l++)
        {
          CwaTopologySpan *span = g_ptr_array_index (group->spans, l);
          guint columns = MAX (span->n, 1);

          _cwa_picture_draw_balancer (cr, checklist, span->load_balancer, x + span->first * (BOX_WIDTH + GAP),
                                      y + span->offset, columns * BOX_WIDTH + (columns - 1) * GAP,
                                      _cwa_picture_balancer_height (checklist, span->load_balancer), where);
        }
      for (guint s = 0; s < group->servers->len; s++)
        {
          CwaServer *server = g_ptr_array_index (group->servers, s);

          _cwa_picture_draw_computer (cr, checklist, server, x + s * (BOX_WIDTH + GAP), top,
                                      _cwa_picture_computer_height (checklist, server), where);
        }
      draw_member_joins (cr, group, where);
    }
}

/* The lines: each publishing rule's, from the bottom of its listener to
 * what it publishes, routed as the window routes them
 * (cwa_topology_route()), each across its own lane below the edge. */

static const double line_rgba[4] = { 0.21, 0.52, 0.89, 0.9 };

typedef struct
{
  CwaRoutePoint points[CWA_ROUTE_MAX_POINTS];
  guint         n_points;
  const gchar  *label;  /* borrowed from the rule */
} Route;

/* How many lines before the one to @to end on it: they arrive side by
 * side. */
static guint
rank_of (GPtrArray *targets,
         gpointer   to)
{
  guint rank = 0;

  for (guint i = 0; i < targets->len; i++)
    if (g_ptr_array_index (targets, i) == to)
      rank++;
  return rank;
}

static CwaRouteRect
route_rect (const CwaPictureRect *rect)
{
  return (CwaRouteRect) { rect->x, rect->y, rect->width, rect->height };
}

static guint
position_in_proxy (CwaPublishingRule *rule)
{
  CwaReverseProxy *proxy = cwa_publishing_rule_get_reverse_proxy (rule);
  GListModel *rules = proxy != NULL ? cwa_reverse_proxy_get_publishing_rules (proxy) : NULL;

  for (guint i = 0; rules != NULL && i < g_list_model_get_n_items (rules); i++)
    {
      g_autoptr(CwaPublishingRule) other = g_list_model_get_item (rules, i);

      if (other == rule)
        return i;
    }
  return 0;
}

/* Every line's route (element type Route, owned). */
static GArray *
dup_routes (CwaDeployment       *deployment,
            GHashTable          *where,
            const CwaRouteFrame *frame,
            double               across_y)
{
  g_autoptr(GPtrArray) rules = cwa_deployment_dup_publishing_rules (deployment);
  g_autoptr(GPtrArray) targets = g_ptr_array_new ();
  GArray *routes = g_array_new (FALSE, TRUE, sizeof (Route));

  for (guint i = 0; i < rules->len; i++)
    {
      CwaPublishingRule *rule = g_ptr_array_index (rules, i);
      CwaPictureRect *from = g_hash_table_lookup (where, rule);
      g_autoptr(GPtrArray) ends = cwa_topology_dup_rule_ends (deployment, rule);

      for (guint e = 0; e < ends->len && from != NULL; e++)
        {
          gpointer end = g_ptr_array_index (ends, e);
          CwaPictureRect *to = g_hash_table_lookup (where, end);
          CwaPictureRect *computer = CWA_IS_VIRTUAL_SERVER (end)
                                       ? g_hash_table_lookup (where, cwa_virtual_server_get_server (end)) : NULL;
          CwaRouteRect computer_rect = computer != NULL ? route_rect (computer) : (CwaRouteRect) { 0 };
          CwaRouteLine line = { 0 };
          Route route = { 0 };

          if (to == NULL)
            continue;
          line.from = route_rect (from);
          line.from_position = position_in_proxy (rule);
          line.to = route_rect (to);
          line.computer = computer != NULL ? &computer_rect : NULL;
          line.index = routes->len;
          line.rank = rank_of (targets, end);
          line.across = across_y + LANE * routes->len;
          route.n_points = cwa_topology_route (frame, &line, route.points);
          route.label = cwa_publishing_rule_get_effective_internal_host (rule);
          g_ptr_array_add (targets, end);
          g_array_append_val (routes, route);
        }
    }
  return routes;
}

static void
frame_init (CwaRouteFrame *frame,
            const Layout  *layout,
            double         across_y)
{
  *frame = (CwaRouteFrame) {
    .left = MARGIN,
    .right = layout->width - MARGIN,
    .edge_bottom = across_y - LANE_TOP,
    .gap = GAP,
    .trunk = layout->trunk,
    .row_gap = layout->row_gap,
    .line_step = LINE_STEP,
    .row_tops = (const double *) (gpointer) layout->row_tops->data,
    .n_rows = layout->row_tops->len,
  };
}

/* The first legs, under the boxes: listeners stacked below one in its
 * proxy cover its line. */
static void
draw_first_legs (cairo_t *cr,
                 GArray  *routes)
{
  cairo_save (cr);
  cairo_set_source_rgba (cr, line_rgba[0], line_rgba[1], line_rgba[2], line_rgba[3]);
  cairo_set_line_width (cr, 1.5);
  for (guint i = 0; i < routes->len; i++)
    cwa_topology_route_draw_first_leg (cr, g_array_index (routes, Route, i).points);
  cairo_restore (cr);
}

static void
draw_label (cairo_t             *cr,
            const CwaRouteFrame *frame,
            const Route         *route)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *description = pango_font_description_from_string (FONT " 8");
  int width;
  int height;
  CwaRouteRect rect;

  pango_layout_set_font_description (layout, description);
  pango_layout_set_text (layout, route->label, -1);
  pango_layout_get_pixel_size (layout, &width, &height);
  rect = cwa_topology_route_place_label (frame, route->points, width + 2 * CWA_ROUTE_LABEL_PAD,
                                         height + 2 * CWA_ROUTE_LABEL_PAD);
  cairo_set_source_rgba (cr, cwa_picture_paper.r, cwa_picture_paper.g, cwa_picture_paper.b, 0.9);
  cairo_rectangle (cr, rect.x, rect.y, rect.width, rect.height);
  cairo_fill (cr);
  cairo_set_source_rgba (cr, line_rgba[0], line_rgba[1], line_rgba[2], 1.0);
  cairo_move_to (cr, rect.x + CWA_ROUTE_LABEL_PAD, rect.y + CWA_ROUTE_LABEL_PAD);
  pango_cairo_show_layout (cr, layout);
  pango_font_description_free (description);
  g_object_unref (layout);
}

/* The rest of each line over the boxes, as in the window: its last leg
 * reaches into a computer's box to the card's side, with an arrow head;
 * then the labels over every line. */
static void
draw_routes (cairo_t             *cr,
             const CwaRouteFrame *frame,
             GArray              *routes)
{
  cairo_save (cr);
  cairo_set_line_width (cr, 1.5);
  for (guint i = 0; i < routes->len; i++)
    {
      const Route *route = &g_array_index (routes, Route, i);

      cairo_set_source_rgba (cr, line_rgba[0], line_rgba[1], line_rgba[2], line_rgba[3]);
      cwa_topology_route_draw (cr, route->points, route->n_points, frame->edge_bottom);
    }
  for (guint i = 0; i < routes->len; i++)
    {
      const Route *route = &g_array_index (routes, Route, i);

      if (route->label != NULL)
        draw_label (cr, frame, route);
    }
  cairo_restore (cr);
}

static void
locate_boxes (CwaChecklist *checklist,
              Layout       *layout,
              double        y,
              GHashTable   *where,
              double       *across_y)
{
  cairo_surface_t *scratch = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (scratch);

  draw_edge (cr, checklist, layout, &y, where);
  *across_y = y - layout->edge_gap + LANE_TOP;
  draw_rows (cr, checklist, layout, y, where);
  cairo_destroy (cr);
  cairo_surface_destroy (scratch);
}

gboolean
cwa_topology_picture_locate (CwaPlan      *plan,
                             CwaChecklist *checklist,
                             gpointer      subject,
                             double        bounds[4])
{
  g_auto(Layout) layout = { 0 };
  g_autoptr(GHashTable) where = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  CwaPictureRect *rect;
  double across_y;

  g_return_val_if_fail (CWA_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (CWA_IS_CHECKLIST (checklist), FALSE);

  layout_compute (&layout, plan, checklist);
  locate_boxes (checklist, &layout, MARGIN + HEADER, where, &across_y);
  rect = g_hash_table_lookup (where, subject);
  if (rect == NULL)
    return FALSE;
  bounds[0] = rect->x;
  bounds[1] = rect->y;
  bounds[2] = rect->width;
  bounds[3] = rect->height;
  return TRUE;
}

void
cwa_topology_picture_draw (cairo_t      *cr,
                           CwaPlan      *plan,
                           CwaChecklist *checklist)
{
  g_auto(Layout) layout = { 0 };
  g_autoptr(GHashTable) where = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  double y = MARGIN + HEADER;
  double across_y;
  CwaRouteFrame frame;
  g_autoptr(GArray) routes = NULL;
  g_autofree gchar *verdict = NULL;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (CWA_IS_PLAN (plan));
  g_return_if_fail (CWA_IS_CHECKLIST (checklist));

  layout_compute (&layout, plan, checklist);
  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, layout.width, layout.height);
  cairo_set_source_rgb (cr, cwa_picture_paper.r, cwa_picture_paper.g, cwa_picture_paper.b);
  cairo_fill (cr);

  _cwa_picture_show_text (cr, plan_title (plan), MARGIN, MARGIN - 4, layout.width - 2 * MARGIN, FONT " Bold 15",
                          &cwa_picture_ink);
  verdict = _cwa_report_dup_verdict (checklist);
  _cwa_picture_show_text (cr, verdict, MARGIN, MARGIN + 20, layout.width - 2 * MARGIN, FONT " 10",
                          cwa_checklist_is_ready (checklist) ? &cwa_picture_ok : &cwa_picture_error);

  /* The lines go under the boxes, so that they show in the gaps and never
   * cross a card's text: a first pass on a scratch surface finds where
   * the boxes go. */
  locate_boxes (checklist, &layout, y, where, &across_y);
  frame_init (&frame, &layout, across_y);
  routes = dup_routes (cwa_plan_get_deployment (plan), where, &frame, across_y);
  draw_first_legs (cr, routes);
  draw_edge (cr, checklist, &layout, &y, where);
  draw_rows (cr, checklist, &layout, y, where);
  draw_routes (cr, &frame, routes);
  cairo_restore (cr);
}

static cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
check_status (cairo_status_t   status,
              GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               "The topology picture could not be drawn: %s.", cairo_status_to_string (status));
  return FALSE;
}

GBytes *
cwa_topology_picture_to_png (CwaPlan       *plan,
                             CwaChecklist  *checklist,
                             double         scale,
                             GError       **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_t *cr;
  double width;
  double height;
  cairo_status_t status;

  g_return_val_if_fail (CWA_IS_PLAN (plan), NULL);
  g_return_val_if_fail (CWA_IS_CHECKLIST (checklist), NULL);
  g_return_val_if_fail (scale > 0, NULL);

  cwa_topology_picture_get_size (plan, checklist, &width, &height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) (width * scale + 0.5), (int) (height * scale + 0.5));
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  cwa_topology_picture_draw (cr, plan, checklist);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png_stream (surface, append_cb, bytes);
  cairo_surface_destroy (surface);
  if (!check_status (status, error))
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

GBytes *
cwa_topology_picture_to_svg (CwaPlan       *plan,
                             CwaChecklist  *checklist,
                             GError       **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_t *cr;
  double width;
  double height;
  cairo_status_t status;

  g_return_val_if_fail (CWA_IS_PLAN (plan), NULL);
  g_return_val_if_fail (CWA_IS_CHECKLIST (checklist), NULL);

  cwa_topology_picture_get_size (plan, checklist, &width, &height);
  surface = cairo_svg_surface_create_for_stream (append_cb, bytes, width, height);
  cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
  cr = cairo_create (surface);
  cwa_topology_picture_draw (cr, plan, checklist);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (!check_status (status, error))
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

gchar *
cwa_topology_picture_dup_inline_svg (CwaPlan      *plan,
                                     CwaChecklist *checklist,
                                     const gchar  *label,
                                     GError      **error)
{
  static const gchar * const namespaces[] = {
    " xmlns=\"http://www.w3.org/2000/svg\"",
    " xmlns:xlink=\"http://www.w3.org/1999/xlink\"",
  };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GString) svg = NULL;
  g_autofree gchar *escaped = NULL;
  gsize size;
  const gchar *data;
  const gchar *start;

  g_return_val_if_fail (CWA_IS_PLAN (plan), NULL);
  g_return_val_if_fail (CWA_IS_CHECKLIST (checklist), NULL);
  g_return_val_if_fail (label != NULL, NULL);

  bytes = cwa_topology_picture_to_svg (plan, checklist, error);
  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &size);
  svg = g_string_new_len (data, (gssize) size);
  start = strstr (svg->str, "<svg");
  if (start == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "The topology picture could not be drawn as SVG.");
      return NULL;
    }
  g_string_erase (svg, 0, start - svg->str);
  for (guint i = 0; i < G_N_ELEMENTS (namespaces); i++)
    g_string_replace (svg, namespaces[i], "", 1);
  escaped = g_markup_escape_text (label, -1);
  g_string_insert (svg, strlen ("<svg"), " class=\"topology\" role=\"img\" aria-label=\"\"");
  g_string_insert (svg, strlen ("<svg class=\"topology\" role=\"img\" aria-label=\""), escaped);
  return g_string_free (g_steal_pointer (&svg), FALSE);
}

gboolean
cwa_topology_picture_write_file (CwaPlan       *plan,
                                 CwaChecklist  *checklist,
                                 GFile         *file,
                                 GError       **error)
{
  g_autofree gchar *name = NULL;
  g_autofree gchar *lower = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean svg;

  g_return_val_if_fail (CWA_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (CWA_IS_CHECKLIST (checklist), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  name = g_file_get_basename (file);
  lower = name != NULL ? g_ascii_strdown (name, -1) : NULL;
  svg = lower != NULL && g_str_has_suffix (lower, ".svg");
  bytes = svg ? cwa_topology_picture_to_svg (plan, checklist, error)
              : cwa_topology_picture_to_png (plan, checklist, 2.0, error);
  if (bytes == NULL)
    return FALSE;
  if (!g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL, FALSE,
                                G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, &local_error))
    {
      g_autofree gchar *path = g_file_get_parse_name (file);

      g_set_error (error, local_error->domain, local_error->code,
                   "The picture could not be written to “%s”: %s. Choose a folder you can write to.",
                   path, local_error->message);
      return FALSE;
    }
  return TRUE;
}

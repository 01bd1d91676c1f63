/* cwa-topology-canvas.c: places the topology view's boxes in three bands (edge, load balancers, computers) and draws the lines between them. */
#include "config.h"

#include "cwa-topology-bands.h"
#include "cwa-topology-canvas.h"
#include "cwa-topology-picture.h"

#define GAP         12
/* Below the edge band: room for the lines to bend. */
#define EDGE_GAP    72
/* Between a load balancer and its members: room for the joins. */
#define LB_GAP      20
#define MAX_COLUMNS 8

typedef struct
{
  GtkWidget *from;
  GtkWidget *to;
  gchar     *label;
} Link;

struct _CwaTopologyCanvas
{
  GtkWidget      parent_instance;

  CwaDeployment *deployment;
  GHashTable    *boxes;       /* subject -> child widget (borrowed; children are owned as children) */
  GArray        *links;       /* Link */
  GPtrArray     *groups;      /* CwaTopologyGroup, of the last allocation */
  int            edge_bottom; /* bottom of the edge band, or 0 without one */
  /* While a certificate is dragged: what it means for the target under
   * the pointer, in words, beside that target. */
  GtkWidget     *note;
  GtkWidget     *note_target; /* a descendant, or NULL */
};

G_DEFINE_FINAL_TYPE (CwaTopologyCanvas, cwa_topology_canvas, GTK_TYPE_WIDGET)

static void
link_clear (gpointer data)
{
  Link *link = data;

  g_clear_pointer (&link->label, g_free);
}

/* One column: as wide as the widest computer or proxy box wants. */
static int
column_width (CwaTopologyCanvas *self)
{
  GHashTableIter iter;
  gpointer subject;
  gpointer child;
  int width = 200;

  g_hash_table_iter_init (&iter, self->boxes);
  while (g_hash_table_iter_next (&iter, &subject, &child))
    {
      int natural = 0;

      if (CWA_IS_LOAD_BALANCER (subject))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
      width = MAX (width, natural);
    }
  return width;
}

static int
height_for (GtkWidget *child,
            int        width)
{
  int height = 0;

  gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, &height, NULL, NULL, NULL);
  return height;
}

static void
place (GtkWidget *child,
       int        x,
       int        y,
       int        width,
       int        height,
       gboolean   allocate)
{
  if (allocate)
    gtk_widget_allocate (child, width, height, -1,
                         gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (x, y)));
}

/* The edge band: proxies, @columns to a row.  Returns its height. */
static int
layout_edge (CwaTopologyCanvas *self,
             int                cw,
             guint              columns,
             gboolean           allocate)
{
  GListModel *proxies = cwa_deployment_get_reverse_proxies (self->deployment);
  guint n = g_list_model_get_n_items (proxies);
  int y = 0;
  int row_height = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CwaReverseProxy) proxy = g_list_model_get_item (proxies, i);
      GtkWidget *child = g_hash_table_lookup (self->boxes, proxy);
      int height;

      if (child == NULL)
        continue;
      if (i > 0 && i % columns == 0)
        {
          y += row_height + GAP;
          row_height = 0;
        }
      height = height_for (child, cw);
      place (child, (i % columns) * (cw + GAP), y, cw, height, allocate);
      row_height = MAX (row_height, height);
    }
  return n > 0 ? y + row_height : 0;
}

/* The groups of row @row, from @first: their tallest load balancer and
 * computer.  Returns the index after the row. */
static guint
measure_row (CwaTopologyCanvas *self,
             GPtrArray         *groups,
             guint              first,
             int                cw,
             int               *lb_height,
             int               *row_height)
{
  guint row = ((CwaTopologyGroup *) g_ptr_array_index (groups, first))->row;
  guint i;

  *lb_height = 0;
  *row_height = 0;
  for (i = first; i < groups->len; i++)
    {
      CwaTopologyGroup *group = g_ptr_array_index (groups, i);
      guint width = cwa_topology_group_get_width (group);
      GtkWidget *lb = group->load_balancer != NULL ? g_hash_table_lookup (self->boxes, group->load_balancer) : NULL;

      if (group->row != row)
        break;
      if (lb != NULL)
        *lb_height = MAX (*lb_height, height_for (lb, width * (cw + GAP) - GAP));
      for (guint s = 0; s < group->servers->len; s++)
        {
          GtkWidget *box = g_hash_table_lookup (self->boxes, g_ptr_array_index (group->servers, s));

          if (box != NULL)
            *row_height = MAX (*row_height, height_for (box, cw));
        }
    }
  return i;
}

static void
place_row (CwaTopologyCanvas *self,
           GPtrArray         *groups,
           guint              first,
           guint              last,
           int                cw,
           int                y,
           int                lb_height)
{
  int top = y + (lb_height > 0 ? lb_height + LB_GAP : 0);

  for (guint i = first; i < last; i++)
    {
      CwaTopologyGroup *group = g_ptr_array_index (groups, i);
      guint width = cwa_topology_group_get_width (group);
      int x = group->column * (cw + GAP);
      GtkWidget *lb = group->load_balancer != NULL ? g_hash_table_lookup (self->boxes, group->load_balancer) : NULL;

      if (lb != NULL)
        place (lb, x, y, width * (cw + GAP) - GAP, height_for (lb, width * (cw + GAP) - GAP), TRUE);
      for (guint s = 0; s < group->servers->len; s++)
        {
          GtkWidget *box = g_hash_table_lookup (self->boxes, g_ptr_array_index (group->servers, s));

          if (box != NULL)
            place (box, x + (int) s * (cw + GAP), top, cw, height_for (box, cw), TRUE);
        }
    }
}

/* Lays everything out for @width; returns the height it takes.  With
 * @allocate, allocates the children and keeps the groups for drawing. */
static int
layout (CwaTopologyCanvas *self,
        int                width,
        gboolean           allocate)
{
  int cw;
  guint columns;
  g_autoptr(GPtrArray) groups = NULL;
  int y;
  guint i = 0;

  if (self->deployment == NULL)
    return 0;
  cw = column_width (self);
  columns = CLAMP ((guint) ((width + GAP) / (cw + GAP)), 1, MAX_COLUMNS);
  groups = cwa_topology_dup_groups (self->deployment, columns);

  y = layout_edge (self, cw, columns, allocate);
  if (allocate)
    self->edge_bottom = y;
  if (y > 0)
    y += EDGE_GAP;
  while (i < groups->len)
    {
      int lb_height;
      int row_height;
      guint next = measure_row (self, groups, i, cw, &lb_height, &row_height);

      if (allocate)
        place_row (self, groups, i, next, cw, y, lb_height);
      y += (lb_height > 0 ? lb_height + LB_GAP : 0) + row_height + GAP;
      i = next;
    }
  if (allocate)
    {
      g_clear_pointer (&self->groups, g_ptr_array_unref);
      self->groups = g_steal_pointer (&groups);
    }
  return MAX (y - GAP, 0);
}

static GtkSizeRequestMode
cwa_topology_canvas_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

/* As wide as the widest group at least; as wide as all in one row at
 * most. */
static void
measure_width (CwaTopologyCanvas *self,
               int               *minimum,
               int               *natural)
{
  g_autoptr(GPtrArray) groups = NULL;
  int cw = column_width (self);
  guint widest = 1;
  guint total = 0;

  if (self->deployment == NULL)
    {
      *minimum = *natural = 0;
      return;
    }
  groups = cwa_topology_dup_groups (self->deployment, MAX_COLUMNS);
  for (guint i = 0; i < groups->len; i++)
    {
      CwaTopologyGroup *group = g_ptr_array_index (groups, i);

      widest = MAX (widest, cwa_topology_group_get_width (group));
      total = MAX (total, group->column + cwa_topology_group_get_width (group));
    }
  total = MAX (total, MIN (g_list_model_get_n_items (cwa_deployment_get_reverse_proxies (self->deployment)),
                           MAX_COLUMNS));
  *minimum = widest * (cw + GAP) - GAP;
  *natural = MAX (total, widest) * (cw + GAP) - GAP;
}

static void
cwa_topology_canvas_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  CwaTopologyCanvas *self = CWA_TOPOLOGY_CANVAS (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      measure_width (self, minimum, natural);
      return;
    }
  if (for_size < 0)
    measure_width (self, &for_size, &(int) { 0 });
  *minimum = *natural = layout (self, for_size, FALSE);
}

/* The note goes below its target, or above it at the bottom of the
 * canvas, as wide as its text up to a little more than the target. */
static void
place_note (CwaTopologyCanvas *self,
            int                width,
            int                height)
{
  graphene_rect_t target = GRAPHENE_RECT_INIT (0, 0, 0, 0);
  int natural = 0;
  int w;
  int h;
  double x;
  double y;

  if (!gtk_widget_get_visible (self->note))
    return;
  if (self->note_target != NULL && !gtk_widget_compute_bounds (self->note_target, GTK_WIDGET (self), &target))
    target = GRAPHENE_RECT_INIT (0, 0, 0, 0);
  gtk_widget_measure (self->note, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  w = MAX (MIN (natural, MAX ((int) target.size.width, 280)), 1);
  w = MIN (w, MAX (width, 1));
  h = height_for (self->note, w);
  x = CLAMP (target.origin.x, 0, MAX (width - w, 0));
  y = target.origin.y + target.size.height + 4;
  if (y + h > height)
    y = MAX (target.origin.y - h - 4, 0);
  gtk_widget_allocate (self->note, w, h, -1, gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (x, y)));
}

static void
cwa_topology_canvas_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  CwaTopologyCanvas *self = CWA_TOPOLOGY_CANVAS (widget);

  layout (self, width, TRUE);
  place_note (self, width, height);
}

/* Drawing: the joins from each load balancer to its members and the
 * publishing rules' lines, then the boxes over them. */

static gboolean
lookup_color (GtkWidget   *widget,
              const gchar *name,
              double       rgba[4])
{
  GdkRGBA color;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), name, &color))
    return FALSE;
  G_GNUC_END_IGNORE_DEPRECATIONS
  rgba[0] = color.red;
  rgba[1] = color.green;
  rgba[2] = color.blue;
  rgba[3] = color.alpha;
  return TRUE;
}

static void
draw_joins (CwaTopologyCanvas *self,
            cairo_t           *cr,
            const double       rgba[4])
{
  cairo_set_source_rgba (cr, rgba[0], rgba[1], rgba[2], rgba[3] * 0.6);
  cairo_set_line_width (cr, 1.5);
  for (guint i = 0; self->groups != NULL && i < self->groups->len; i++)
    {
      CwaTopologyGroup *group = g_ptr_array_index (self->groups, i);
      GtkWidget *lb = group->load_balancer != NULL ? g_hash_table_lookup (self->boxes, group->load_balancer) : NULL;
      graphene_rect_t lb_bounds;

      if (lb == NULL || !gtk_widget_compute_bounds (lb, GTK_WIDGET (self), &lb_bounds))
        continue;
      for (guint s = 0; s < group->servers->len; s++)
        {
          GtkWidget *box = g_hash_table_lookup (self->boxes, g_ptr_array_index (group->servers, s));
          graphene_rect_t bounds;

          if (box == NULL || !gtk_widget_compute_bounds (box, GTK_WIDGET (self), &bounds))
            continue;
          cairo_move_to (cr, bounds.origin.x + bounds.size.width / 2, lb_bounds.origin.y + lb_bounds.size.height);
          cairo_line_to (cr, bounds.origin.x + bounds.size.width / 2, bounds.origin.y);
        }
    }
  cairo_stroke (cr);
}

static void
cwa_topology_canvas_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  CwaTopologyCanvas *self = CWA_TOPOLOGY_CANVAS (widget);
  double fg[4] = { 0.5, 0.5, 0.5, 1.0 };
  double accent[4] = { 0.21, 0.52, 0.89, 1.0 };
  cairo_t *cr;

  if (!lookup_color (widget, "window_fg_color", fg))
    lookup_color (widget, "theme_fg_color", fg);
  lookup_color (widget, "accent_color", accent);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget),
                                                                 gtk_widget_get_height (widget)));
  draw_joins (self, cr, fg);
  for (guint i = 0; i < self->links->len; i++)
    {
      graphene_point_t start;
      graphene_point_t end;

      if (cwa_topology_canvas_get_link (self, i, NULL, NULL, &start, &end))
        cwa_topology_draw_link (cr, start.x, start.y, end.x, end.y, self->edge_bottom + 10 + 14 * (i % 4),
                                g_array_index (self->links, Link, i).label, accent, accent);
    }
  cairo_destroy (cr);

  /* The boxes over the lines: a line never crosses a card's text, it
   * shows in the gaps between the bands. */
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (child != self->note)
      gtk_widget_snapshot_child (widget, child, snapshot);
  /* The note over everything. */
  gtk_widget_snapshot_child (widget, self->note, snapshot);
}

/* The model. */

void
cwa_topology_canvas_set_deployment (CwaTopologyCanvas *self,
                                    CwaDeployment     *deployment)
{
  g_return_if_fail (CWA_IS_TOPOLOGY_CANVAS (self));
  g_return_if_fail (deployment == NULL || CWA_IS_DEPLOYMENT (deployment));

  if (g_set_object (&self->deployment, deployment))
    gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
cwa_topology_canvas_put (CwaTopologyCanvas *self,
                         gpointer           subject,
                         GtkWidget         *child)
{
  g_return_if_fail (CWA_IS_TOPOLOGY_CANVAS (self));
  g_return_if_fail (G_IS_OBJECT (subject));
  g_return_if_fail (GTK_IS_WIDGET (child));
  g_return_if_fail (!g_hash_table_contains (self->boxes, subject));

  g_hash_table_insert (self->boxes, g_object_ref (subject), child);
  gtk_widget_set_parent (child, GTK_WIDGET (self));
}

GtkWidget *
cwa_topology_canvas_lookup (CwaTopologyCanvas *self,
                            gpointer           subject)
{
  g_return_val_if_fail (CWA_IS_TOPOLOGY_CANVAS (self), NULL);

  return subject != NULL ? g_hash_table_lookup (self->boxes, subject) : NULL;
}

void
cwa_topology_canvas_clear_links (CwaTopologyCanvas *self)
{
  g_return_if_fail (CWA_IS_TOPOLOGY_CANVAS (self));

  g_array_set_size (self->links, 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
cwa_topology_canvas_clear (CwaTopologyCanvas *self)
{
  GtkWidget *child;

  g_return_if_fail (CWA_IS_TOPOLOGY_CANVAS (self));

  cwa_topology_canvas_clear_links (self);
  cwa_topology_canvas_hide_note (self);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_hash_table_remove_all (self->boxes);
  child = gtk_widget_get_first_child (GTK_WIDGET (self));
  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      if (child != self->note)
        gtk_widget_unparent (child);
      child = next;
    }
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
cwa_topology_canvas_show_note (CwaTopologyCanvas *self,
                               GtkWidget         *target,
                               const gchar       *text,
                               gboolean           fits)
{
  g_return_if_fail (CWA_IS_TOPOLOGY_CANVAS (self));
  g_return_if_fail (gtk_widget_is_ancestor (target, GTK_WIDGET (self)));
  g_return_if_fail (text != NULL);

  self->note_target = target;
  gtk_label_set_text (GTK_LABEL (self->note), text);
  if (fits)
    gtk_widget_add_css_class (self->note, "topology-note-fits");
  else
    gtk_widget_remove_css_class (self->note, "topology-note-fits");
  gtk_widget_set_visible (self->note, TRUE);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

void
cwa_topology_canvas_hide_note (CwaTopologyCanvas *self)
{
  g_return_if_fail (CWA_IS_TOPOLOGY_CANVAS (self));

  self->note_target = NULL;
  if (self->note != NULL)
    gtk_widget_set_visible (self->note, FALSE);
}

GtkWidget *
cwa_topology_canvas_get_note (CwaTopologyCanvas *self)
{
  g_return_val_if_fail (CWA_IS_TOPOLOGY_CANVAS (self), NULL);

  return self->note;
}

void
cwa_topology_canvas_add_link (CwaTopologyCanvas *self,
                              GtkWidget         *from,
                              GtkWidget         *to,
                              const gchar       *label)
{
  Link link;

  g_return_if_fail (CWA_IS_TOPOLOGY_CANVAS (self));
  g_return_if_fail (gtk_widget_is_ancestor (from, GTK_WIDGET (self)));
  g_return_if_fail (gtk_widget_is_ancestor (to, GTK_WIDGET (self)));

  /* The widgets are descendants: they live as long as the line. */
  link.from = from;
  link.to = to;
  link.label = g_strdup (label);
  g_array_append_val (self->links, link);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
cwa_topology_canvas_get_n_links (CwaTopologyCanvas *self)
{
  g_return_val_if_fail (CWA_IS_TOPOLOGY_CANVAS (self), 0);

  return self->links->len;
}

gboolean
cwa_topology_canvas_get_link (CwaTopologyCanvas  *self,
                              guint               index,
                              GtkWidget         **from,
                              GtkWidget         **to,
                              graphene_point_t   *start,
                              graphene_point_t   *end)
{
  Link *link;
  graphene_rect_t a;
  graphene_rect_t b;

  g_return_val_if_fail (CWA_IS_TOPOLOGY_CANVAS (self), FALSE);

  if (index >= self->links->len)
    return FALSE;
  link = &g_array_index (self->links, Link, index);
  if (from != NULL)
    *from = link->from;
  if (to != NULL)
    *to = link->to;
  if (!gtk_widget_compute_bounds (link->from, GTK_WIDGET (self), &a) ||
      !gtk_widget_compute_bounds (link->to, GTK_WIDGET (self), &b))
    return FALSE;
  /* Several lines to one array arrive side by side. */
  if (start != NULL)
    *start = GRAPHENE_POINT_INIT (a.origin.x + a.size.width / 2, a.origin.y + a.size.height);
  if (end != NULL)
    *end = GRAPHENE_POINT_INIT (b.origin.x + b.size.width / 2 + 12 * (index % 3), b.origin.y);
  return TRUE;
}

static void
cwa_topology_canvas_dispose (GObject *object)
{
  CwaTopologyCanvas *self = CWA_TOPOLOGY_CANVAS (object);

  cwa_topology_canvas_clear (self);
  g_clear_pointer (&self->note, gtk_widget_unparent);
  g_clear_object (&self->deployment);

  G_OBJECT_CLASS (cwa_topology_canvas_parent_class)->dispose (object);
}

static void
cwa_topology_canvas_finalize (GObject *object)
{
  CwaTopologyCanvas *self = CWA_TOPOLOGY_CANVAS (object);

  g_hash_table_unref (self->boxes);
  g_array_unref (self->links);

  G_OBJECT_CLASS (cwa_topology_canvas_parent_class)->finalize (object);
}

static void
cwa_topology_canvas_class_init (CwaTopologyCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cwa_topology_canvas_dispose;
  object_class->finalize = cwa_topology_canvas_finalize;
  widget_class->get_request_mode = cwa_topology_canvas_get_request_mode;
  widget_class->measure = cwa_topology_canvas_measure;
  widget_class->size_allocate = cwa_topology_canvas_size_allocate;
  widget_class->snapshot = cwa_topology_canvas_snapshot;
  gtk_widget_class_set_css_name (widget_class, "topology-canvas");
}

static void
cwa_topology_canvas_init (CwaTopologyCanvas *self)
{
  self->boxes = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->links = g_array_new (FALSE, TRUE, sizeof (Link));
  g_array_set_clear_func (self->links, link_clear);

  self->note = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->note), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->note), 0);
  gtk_widget_add_css_class (self->note, "topology-note");
  /* The pointer is over the target, not the note. */
  gtk_widget_set_can_target (self->note, FALSE);
  gtk_widget_set_visible (self->note, FALSE);
  gtk_widget_set_parent (self->note, GTK_WIDGET (self));
}

GtkWidget *
cwa_topology_canvas_new (void)
{
  return g_object_new (CWA_TYPE_TOPOLOGY_CANVAS, NULL);
}

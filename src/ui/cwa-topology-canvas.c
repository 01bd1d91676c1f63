/* cwa-topology-canvas.c: the topology view's boxes in three bands, the lines between them and the drop note; the placing is cwa-topology-canvas-layout.c. */
#include "config.h"

#include "cwa-topology-bands.h"
#include "cwa-topology-canvas-private.h"

G_DEFINE_FINAL_TYPE (CwaTopologyCanvas, cwa_topology_canvas, GTK_TYPE_WIDGET)

static GtkSizeRequestMode
cwa_topology_canvas_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
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
      _cwa_topology_canvas_measure_width (self, minimum, natural);
      return;
    }
  if (for_size < 0)
    _cwa_topology_canvas_measure_width (self, &for_size, &(int) { 0 });
  *minimum = *natural = _cwa_topology_canvas_layout (self, for_size, FALSE);
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
  h = _cwa_topology_canvas_height_for (self->note, w);
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

  _cwa_topology_canvas_layout (self, width, TRUE);
  cwa_topology_links_arrange (self->links, widget, &self->frame);
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

/* From @span's load balancer down to each of its members, but where one
 * stacked below it stands between. */
static void
draw_span_joins (CwaTopologyCanvas *self,
                 cairo_t           *cr,
                 CwaTopologyGroup  *group,
                 CwaTopologySpan   *span)
{
  GtkWidget *lb = g_hash_table_lookup (self->boxes, span->load_balancer);
  graphene_rect_t lb_bounds;

  if (lb == NULL || !gtk_widget_compute_bounds (lb, GTK_WIDGET (self), &lb_bounds))
    return;
  for (guint s = span->first; s < span->first + span->n; s++)
    {
      GtkWidget *box = g_hash_table_lookup (self->boxes, g_ptr_array_index (group->servers, s));
      graphene_rect_t bounds;

      if (box == NULL || cwa_topology_group_is_covered (group, span, s) ||
          !gtk_widget_compute_bounds (box, GTK_WIDGET (self), &bounds))
        continue;
      cairo_move_to (cr, bounds.origin.x + bounds.size.width / 2, lb_bounds.origin.y + lb_bounds.size.height);
      cairo_line_to (cr, bounds.origin.x + bounds.size.width / 2, bounds.origin.y);
    }
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

      for (guint l = 0; l < group->spans->len; l++)
        draw_span_joins (self, cr, group, g_ptr_array_index (group->spans, l));
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
  double background[4] = { 1.0, 1.0, 1.0, 1.0 };
  graphene_rect_t all = GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  cairo_t *cr;

  if (!lookup_color (widget, "window_fg_color", fg))
    lookup_color (widget, "theme_fg_color", fg);
  lookup_color (widget, "accent_color", accent);
  lookup_color (widget, "window_bg_color", background);
  /* Under the boxes: the joins, which only bridge the gap to the members,
   * and the lines' way out of the edge band. */
  cr = gtk_snapshot_append_cairo (snapshot, &all);
  draw_joins (self, cr, fg);
  cwa_topology_links_draw_under (self->links, cr, accent);
  cairo_destroy (cr);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (child != self->note && g_hash_table_contains (self->placed, child))
      gtk_widget_snapshot_child (widget, child, snapshot);

  /* The lines over the boxes, so that each is seen to its end. */
  cr = gtk_snapshot_append_cairo (snapshot, &all);
  cwa_topology_links_draw (self->links, widget, cr, accent, background);
  cairo_destroy (cr);

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

CwaLoadBalancer *
cwa_topology_canvas_get_balancer_over (CwaTopologyCanvas *self,
                                       CwaServer         *server)
{
  g_return_val_if_fail (CWA_IS_TOPOLOGY_CANVAS (self), NULL);
  g_return_val_if_fail (CWA_IS_SERVER (server), NULL);

  for (guint i = 0; self->groups != NULL && i < self->groups->len; i++)
    {
      CwaTopologyGroup *group = g_ptr_array_index (self->groups, i);
      CwaTopologySpan *over = NULL;
      guint index;

      if (!g_ptr_array_find (group->servers, server, &index))
        continue;
      for (guint l = 0; l < group->spans->len; l++)
        {
          CwaTopologySpan *span = g_ptr_array_index (group->spans, l);

          if (index >= span->first && index < span->first + span->n && (over == NULL || span->tier > over->tier))
            over = span;
        }
      return over != NULL ? over->load_balancer : NULL;
    }
  return NULL;
}

void
cwa_topology_canvas_clear_links (CwaTopologyCanvas *self)
{
  g_return_if_fail (CWA_IS_TOPOLOGY_CANVAS (self));

  cwa_topology_links_clear (self->links);
  gtk_widget_queue_resize (GTK_WIDGET (self));
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
  g_hash_table_remove_all (self->placed);
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
  g_return_if_fail (CWA_IS_TOPOLOGY_CANVAS (self));
  g_return_if_fail (gtk_widget_is_ancestor (from, GTK_WIDGET (self)));
  g_return_if_fail (gtk_widget_is_ancestor (to, GTK_WIDGET (self)));

  /* The widgets are descendants: they live as long as the line. */
  cwa_topology_links_add (self->links, from, to, label);
  /* More lines, more lanes below the edge. */
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

guint
cwa_topology_canvas_get_n_links (CwaTopologyCanvas *self)
{
  g_return_val_if_fail (CWA_IS_TOPOLOGY_CANVAS (self), 0);

  return cwa_topology_links_get_n (self->links);
}

gboolean
cwa_topology_canvas_get_link (CwaTopologyCanvas  *self,
                              guint               index,
                              GtkWidget         **from,
                              GtkWidget         **to,
                              graphene_point_t   *start,
                              graphene_point_t   *end)
{
  const graphene_point_t *points;
  guint n_points;

  g_return_val_if_fail (CWA_IS_TOPOLOGY_CANVAS (self), FALSE);

  if (!cwa_topology_links_get (self->links, index, from, to, &points, &n_points, NULL))
    return FALSE;
  if (start != NULL)
    *start = points[0];
  if (end != NULL)
    *end = points[n_points - 1];
  return TRUE;
}

CwaTopologyLinks *
cwa_topology_canvas_get_links (CwaTopologyCanvas *self)
{
  g_return_val_if_fail (CWA_IS_TOPOLOGY_CANVAS (self), NULL);

  return self->links;
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
  g_hash_table_unref (self->placed);
  cwa_topology_links_free (self->links);
  g_array_unref (self->frame.row_tops);

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
  self->placed = g_hash_table_new (NULL, NULL);
  self->links = cwa_topology_links_new ();
  self->frame.row_tops = g_array_new (FALSE, TRUE, sizeof (double));

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

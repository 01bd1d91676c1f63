/* cwa-topology-canvas-layout.c: where the topology canvas places its boxes: the edge band, the lanes of the lines, and rows of load balancers over their computers. */
#include "config.h"

#include "cwa-topology-bands.h"
#include "cwa-topology-canvas-private.h"

#define GAP         12
/* Between a load balancer and its members: room for the joins. */
#define LB_GAP      20
#define MAX_COLUMNS 8
/* With computers in more than one row, the lines to the lower rows run
 * down a channel at the left and across in the gaps above the rows: a
 * little room per line in each. */
#define TRUNK_BASE  8
#define LINE_STEP   4

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

int
_cwa_topology_canvas_height_for (GtkWidget *child,
                                 int        width)
{
  int height = 0;

  gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, &height, NULL, NULL, NULL);
  return height;
}

/* Allocates @child, and notes it as placed (see snapshot). */
static void
place (CwaTopologyCanvas *self,
       GtkWidget         *child,
       int                x,
       int                y,
       int                width,
       int                height,
       gboolean           allocate)
{
  if (!allocate)
    return;
  gtk_widget_allocate (child, width, height, -1,
                       gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (x, y)));
  g_hash_table_add (self->placed, child);
}

/* The edge band: proxies, @columns to a row.  Returns its height. */
static int
layout_edge (CwaTopologyCanvas *self,
             int                x0,
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
      height = _cwa_topology_canvas_height_for (child, cw);
      place (self, child, x0 + (i % columns) * (cw + GAP), y, cw, height, allocate);
      row_height = MAX (row_height, height);
    }
  return n > 0 ? y + row_height : 0;
}

static int
span_width (int   cw,
            guint columns)
{
  return (int) MAX (columns, 1) * (cw + GAP) - GAP;
}

typedef struct
{
  CwaTopologyCanvas *self;
  int                cw;
} StackData;

static double
balancer_height (CwaLoadBalancer *load_balancer,
                 guint            columns,
                 gpointer         data)
{
  StackData *stack = data;
  GtkWidget *box = g_hash_table_lookup (stack->self->boxes, load_balancer);

  return box != NULL ? _cwa_topology_canvas_height_for (box, span_width (stack->cw, columns)) : 0;
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
      StackData stack = { self, cw };

      if (group->row != row)
        break;
      *lb_height = MAX (*lb_height, (int) cwa_topology_group_stack (group, balancer_height, &stack, GAP));
      for (guint s = 0; s < group->servers->len; s++)
        {
          GtkWidget *box = g_hash_table_lookup (self->boxes, g_ptr_array_index (group->servers, s));

          if (box != NULL)
            *row_height = MAX (*row_height, _cwa_topology_canvas_height_for (box, cw));
        }
    }
  return i;
}

static void
place_row (CwaTopologyCanvas *self,
           int                x0,
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
      int x = x0 + group->column * (cw + GAP);

      /* The load balancers as measure_row() stacked them. */
      for (guint l = 0; l < group->spans->len; l++)
        {
          CwaTopologySpan *span = g_ptr_array_index (group->spans, l);
          GtkWidget *lb = g_hash_table_lookup (self->boxes, span->load_balancer);
          int width = span_width (cw, span->n);

          if (lb != NULL)
            place (self, lb, x + (int) span->first * (cw + GAP), y + (int) span->offset, width, _cwa_topology_canvas_height_for (lb, width), TRUE);
        }
      for (guint s = 0; s < group->servers->len; s++)
        {
          GtkWidget *box = g_hash_table_lookup (self->boxes, g_ptr_array_index (group->servers, s));

          if (box != NULL)
            place (self, box, x + (int) s * (cw + GAP), top, cw, _cwa_topology_canvas_height_for (box, cw), TRUE);
        }
    }
}

static guint
columns_for (int width,
             int cw)
{
  return CLAMP ((guint) ((width + GAP) / (cw + GAP)), 1, MAX_COLUMNS);
}

static guint
n_rows (GPtrArray *groups)
{
  return groups->len > 0 ? ((CwaTopologyGroup *) g_ptr_array_index (groups, groups->len - 1))->row + 1 : 0;
}

/* The channel at the left for @groups: none in one row or without lines. */
static int
trunk_for (CwaTopologyCanvas *self,
           GPtrArray         *groups)
{
  guint n_links = cwa_topology_links_get_n (self->links);

  return n_links > 0 && n_rows (groups) > 1 ? TRUNK_BASE + LINE_STEP * (int) n_links : 0;
}

/* The groups for @width, and the channel they leave at the left. */
static GPtrArray *
dup_groups_for (CwaTopologyCanvas *self,
                int                width,
                int                cw,
                int               *trunk)
{
  GPtrArray *groups = cwa_topology_dup_groups (self->deployment, columns_for (width, cw));

  *trunk = trunk_for (self, groups);
  if (*trunk > 0)
    {
      g_ptr_array_unref (groups);
      groups = cwa_topology_dup_groups (self->deployment, columns_for (width - *trunk, cw));
      *trunk = trunk_for (self, groups);
    }
  return groups;
}

/* Lays everything out for @width; returns the height it takes.  With
 * @allocate, allocates the children and keeps the groups and the frame
 * for drawing. */
int
_cwa_topology_canvas_layout (CwaTopologyCanvas *self,
                             int                width,
                             gboolean           allocate)
{
  int cw;
  int trunk;
  int row_gap;
  g_autoptr(GPtrArray) groups = NULL;
  int y;
  guint i = 0;

  if (self->deployment == NULL)
    return 0;
  cw = column_width (self);
  groups = dup_groups_for (self, width, cw, &trunk);
  row_gap = GAP + (trunk > 0 ? LINE_STEP * (int) cwa_topology_links_get_n (self->links) : 0);

  if (allocate)
    g_hash_table_remove_all (self->placed);
  y = layout_edge (self, trunk, cw, columns_for (width - trunk, cw), allocate);
  if (allocate)
    {
      self->frame.edge_bottom = y;
      self->frame.gap = GAP;
      self->frame.trunk = trunk;
      self->frame.row_gap = row_gap;
      self->frame.line_step = LINE_STEP;
      g_array_set_size (self->frame.row_tops, 0);
    }
  /* Below the edge band: the lanes of the lines. */
  if (y > 0)
    y += cwa_topology_links_get_band_height (self->links, GTK_WIDGET (self));
  while (i < groups->len)
    {
      int lb_height;
      int row_height;
      guint next = measure_row (self, groups, i, cw, &lb_height, &row_height);
      double top = y;

      if (allocate)
        {
          place_row (self, trunk, groups, i, next, cw, y, lb_height);
          g_array_append_val (self->frame.row_tops, top);
        }
      y += (lb_height > 0 ? lb_height + LB_GAP : 0) + row_height + row_gap;
      i = next;
    }
  if (allocate)
    {
      g_clear_pointer (&self->groups, g_ptr_array_unref);
      self->groups = g_steal_pointer (&groups);
    }
  return MAX (y - row_gap, 0);
}

/* As wide as the widest group at least; as wide as all in one row at
 * most. */
void
_cwa_topology_canvas_measure_width (CwaTopologyCanvas *self,
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
  /* Narrower, the rows may be more than one: room for the channel. */
  *minimum = widest * (cw + GAP) - GAP +
             (cwa_topology_links_get_n (self->links) > 0 ? TRUNK_BASE + LINE_STEP * (int) cwa_topology_links_get_n (self->links) : 0);
  *natural = MAX (total, widest) * (cw + GAP) - GAP + trunk_for (self, groups);
  *natural = MAX (*natural, *minimum);
}

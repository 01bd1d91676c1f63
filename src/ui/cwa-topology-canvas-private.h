/* cwa-topology-canvas-private.h: what the topology canvas's parts share: its fields, and the placing of its boxes. */
#pragma once

#include "cwa-topology-canvas.h"
#include "cwa-topology-links.h"

G_BEGIN_DECLS

struct _CwaTopologyCanvas
{
  GtkWidget      parent_instance;

  CwaDeployment *deployment;
  GHashTable    *boxes;       /* subject -> child widget (borrowed; children are owned as children) */
  CwaTopologyLinks *links;
  GPtrArray     *groups;      /* CwaTopologyGroup, of the last allocation */
  /* The boxes the last allocation placed: the model may have moved on
   * before the view's sync removed a box, which then has no place. */
  GHashTable    *placed;      /* GtkWidget set (borrowed) */
  CwaTopologyFrame frame;    /* of the last allocation, for the lines */
  /* While a certificate is dragged: what it means for the target under
   * the pointer, in words, beside that target. */
  GtkWidget     *note;
  GtkWidget     *note_target; /* a descendant, or NULL */
};

/* cwa-topology-canvas-layout.c: lays everything out for @width (pixels)
 * and returns the height it takes; with @allocate, allocates the children
 * and keeps the groups and the frame for drawing. */
int  _cwa_topology_canvas_layout         (CwaTopologyCanvas *self,
                                          int                width,
                                          gboolean           allocate);
/* The canvas's minimum and natural width. */
void _cwa_topology_canvas_measure_width  (CwaTopologyCanvas *self,
                                          int               *minimum,
                                          int               *natural);
/* @child's minimum height at @width. */
int  _cwa_topology_canvas_height_for     (GtkWidget         *child,
                                          int                width);

G_END_DECLS

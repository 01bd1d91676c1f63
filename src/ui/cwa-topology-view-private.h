/* cwa-topology-view-private.h: what the topology view's parts share: its fields, and the drag and drop controller's entry points. */
#pragma once

#include "cwa-topology-canvas.h"
#include "cwa-topology-item.h"
#include "cwa-topology-view.h"
#include "cwa-topology-zoom.h"

G_BEGIN_DECLS

struct _CwaTopologyView
{
  GtkWidget        parent_instance;

  CwaPlan         *plan;
  CwaChecklist    *checklist;
  GSignalGroup    *plan_signals;
  GSignalGroup    *checklist_signals;
  /* Check Live Servers: its results badge the cards, listeners and load
   * balancers. */
  CwaLiveCheck    *live_check;
  GSignalGroup    *live_signals;
  GCancellable    *cancellable;
  guint            sync_id;
  CwaCertificate  *hint;
  /* Where a drag is over the view, for the note on the target below it. */
  gboolean         dragging;
  gdouble          drag_x;
  gdouble          drag_y;
  /* A computer being dragged out of a load balancer: where from. */
  CwaServer       *leaving_server;
  CwaLoadBalancer *leaving;

  /* Whose context menu was opened last: its actions act on it. */
  GObject         *menu_subject;
  /* What the editor shows: its widget carries .topology-selected. */
  GObject         *selected;
  GtkWidget       *selected_widget;  /* weak */
  guint            scroll_tick_id;
  guint            scroll_ticks;     /* frames left to bring it into view */

  GtkWidget       *scroller;
  CwaTopologyZoom *zoom;
  CwaTopologyCanvas *canvas;
  /* The servers, load balancers and proxies the boxes were made for, in
   * plan order: boxes are remade only when these change. */
  GPtrArray       *shown;
};

/* cwa-topology-view-drop.c: connects @box's drops (certificates, files,
 * virtual servers, members) to the plan's edits. */
void _cwa_topology_view_connect_drops (CwaTopologyView *self,
                                      GtkWidget       *box);
/* Adds the controllers that follow a drag over the view (the hints) and
 * take a computer dropped outside every load balancer. */
void _cwa_topology_view_init_drops    (CwaTopologyView *self);

/* cwa-topology-view-menu.c: the "menu" handler of every box and card: the
 * context menu of @subject (transfer full), which its actions then act
 * on; and the installing of those actions ("topology.assign", …). */
gpointer _cwa_topology_view_menu_cb         (CwaTopologyItem *item,
                                            GObject         *subject,
                                            CwaTopologyView *self);
void     _cwa_topology_view_class_init_menu (GtkWidgetClass  *widget_class);

G_END_DECLS

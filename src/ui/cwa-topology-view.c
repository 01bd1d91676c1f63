/* cwa-topology-view.c: the deployment in three bands, following the plan and the checklist; zoom and undo.  Its drag and drop is cwa-topology-view-drop.c. */
#include "config.h"

#include <glib/gi18n.h>

#include "cwa-topology-balancer.h"
#include "cwa-topology-bands.h"
#include "cwa-topology-box.h"
#include "cwa-topology-card.h"
#include "cwa-topology-listener.h"
#include "cwa-topology-proxy.h"
#include "cwa-topology-item.h"
#include "cwa-topology-view-private.h"
#include "cwa-ui-util.h"

#define ZOOM_STEP 1.25

enum {
  PROP_0,
  PROP_PLAN,
  PROP_CHECKLIST,
  PROP_ZOOM,
  N_PROPS
};

enum {
  ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CwaTopologyView, cwa_topology_view, GTK_TYPE_WIDGET)

/* A box or card was clicked or activated: the editor shows it. */
static void
item_activated_cb (CwaTopologyItem *item,
                   GObject         *subject,
                   CwaTopologyView *self)
{
  g_signal_emit (self, signals[ACTIVATED], 0, subject);
}

/* Layout: one box per computer, load balancer and reverse proxy on the
 * canvas, following the model. */

static void
collect_subjects (CwaPlan   *plan,
                  GPtrArray *subjects)
{
  CwaDeployment *deployment = cwa_plan_get_deployment (plan);
  GListModel *lists[] = {
    cwa_deployment_get_servers (deployment),
    cwa_deployment_get_load_balancers (deployment),
    cwa_deployment_get_reverse_proxies (deployment),
  };

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < g_list_model_get_n_items (lists[l]); i++)
      g_ptr_array_add (subjects, g_list_model_get_item (lists[l], i));
}

static gboolean
same_subjects (GPtrArray *a,
               GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (g_ptr_array_index (a, i) != g_ptr_array_index (b, i))
      return FALSE;
  return TRUE;
}

static GtkWidget *
make_box (CwaTopologyView *self,
          GObject         *subject)
{
  GtkWidget *box;

  if (CWA_IS_SERVER (subject))
    box = cwa_topology_box_new (CWA_SERVER (subject));
  else if (CWA_IS_LOAD_BALANCER (subject))
    box = cwa_topology_balancer_new (CWA_LOAD_BALANCER (subject));
  else
    box = cwa_topology_proxy_new (CWA_REVERSE_PROXY (subject));
  g_signal_connect_object (box, "activated", G_CALLBACK (item_activated_cb), self, 0);
  g_signal_connect_object (box, "menu", G_CALLBACK (_cwa_topology_view_menu_cb), self, 0);
  _cwa_topology_view_connect_drops (self, box);
  return box;
}

static void
refresh_box (CwaTopologyView *self,
             GtkWidget       *box)
{
  if (CWA_IS_TOPOLOGY_BOX (box))
    cwa_topology_box_sync (CWA_TOPOLOGY_BOX (box), self->checklist);
  else if (CWA_IS_TOPOLOGY_BALANCER (box))
    cwa_topology_balancer_refresh (CWA_TOPOLOGY_BALANCER (box), self->checklist);
  else
    cwa_topology_proxy_sync (CWA_TOPOLOGY_PROXY (box), self->checklist);
}

/* One line per publishing rule and what it reaches. */
static void
sync_links (CwaTopologyView *self)
{
  CwaDeployment *deployment = cwa_plan_get_deployment (self->plan);
  g_autoptr(GPtrArray) rules = cwa_deployment_dup_publishing_rules (deployment);

  cwa_topology_canvas_clear_links (self->canvas);
  for (guint i = 0; i < rules->len; i++)
    {
      CwaPublishingRule *rule = g_ptr_array_index (rules, i);
      GtkWidget *from = cwa_topology_view_find_widget (self, rule);
      g_autoptr(GPtrArray) ends = cwa_topology_dup_rule_ends (deployment, rule);

      for (guint e = 0; e < ends->len && from != NULL; e++)
        {
          GtkWidget *to = cwa_topology_view_find_widget (self, g_ptr_array_index (ends, e));

          if (to != NULL)
            cwa_topology_canvas_add_link (self->canvas, from, to,
                                          cwa_publishing_rule_get_effective_internal_host (rule));
        }
    }
}

/* Live badges: each virtual server, load balancer and publishing rule
 * shown, found through the view's own lookup, gets the verdict on its own
 * endpoint. */
static void
apply_live_to (CwaTopologyView *self,
               gpointer         subject)
{
  GtkWidget *widget = cwa_topology_view_find_widget (self, subject);
  CwaLiveCheck *live = self->live_check;
  CwaProbeResult *result = live != NULL ? cwa_live_check_find_result (live, subject) : NULL;
  CwaLiveStatus status = result != NULL ? cwa_live_check_get_status (live, result) : CWA_LIVE_STATUS_NONE;
  GDateTime *checked_at = live != NULL ? cwa_live_check_get_checked_at (live) : NULL;
  gboolean stale = live != NULL && cwa_live_check_get_stale (live);

  if (CWA_IS_TOPOLOGY_CARD (widget))
    cwa_topology_card_set_live_status (CWA_TOPOLOGY_CARD (widget), status, checked_at, stale);
  else if (CWA_IS_TOPOLOGY_LISTENER (widget))
    cwa_topology_listener_set_live_status (CWA_TOPOLOGY_LISTENER (widget), status, checked_at, stale);
  else if (CWA_IS_TOPOLOGY_BALANCER (widget))
    cwa_topology_balancer_set_live_status (CWA_TOPOLOGY_BALANCER (widget), status, checked_at, stale);
}

static void
apply_live (CwaTopologyView *self)
{
  /* Disposed: nothing is shown any more. */
  if (self->shown == NULL)
    return;
  for (guint i = 0; i < self->shown->len; i++)
    {
      gpointer subject = g_ptr_array_index (self->shown, i);
      GListModel *parts = CWA_IS_SERVER (subject) ? cwa_server_get_virtual_servers (subject) :
                          CWA_IS_REVERSE_PROXY (subject) ? cwa_reverse_proxy_get_publishing_rules (subject) : NULL;

      if (parts == NULL)
        apply_live_to (self, subject);
      for (guint p = 0; parts != NULL && p < g_list_model_get_n_items (parts); p++)
        {
          g_autoptr(GObject) part = g_list_model_get_item (parts, p);

          apply_live_to (self, part);
        }
    }
}

void
cwa_topology_view_set_live_check (CwaTopologyView *self,
                                  CwaLiveCheck    *live_check)
{
  g_return_if_fail (CWA_IS_TOPOLOGY_VIEW (self));
  g_return_if_fail (live_check == NULL || CWA_IS_LIVE_CHECK (live_check));

  if (!g_set_object (&self->live_check, live_check))
    return;
  g_signal_group_set_target (self->live_signals, live_check);
  apply_live (self);
}

/* Selection. */

static void
apply_selected (CwaTopologyView *self)
{
  GtkWidget *widget = self->selected != NULL ? cwa_topology_view_find_widget (self, self->selected) : NULL;

  /* Hidden (the editor shows its tree), a style change of a box made
   * meanwhile reaches GTK only as the view is drawn again, after its
   * layout: the mark waits for the view to show ("map"). */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  if (widget == self->selected_widget)
    return;
  if (self->selected_widget != NULL)
    gtk_widget_remove_css_class (self->selected_widget, "topology-selected");
  g_set_weak_pointer (&self->selected_widget, widget);
  if (widget != NULL)
    gtk_widget_add_css_class (widget, "topology-selected");
}

/* Brings the selected widget into view: on the next few frames, since a
 * new box is laid out a frame or two after the edit that made it. */
static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  CwaTopologyView *self = CWA_TOPOLOGY_VIEW (widget);

  apply_selected (self);
  if (self->selected_widget != NULL)
    cwa_ui_scroll_into_view (self->selected_widget);
  if (--self->scroll_ticks > 0)
    return G_SOURCE_CONTINUE;
  self->scroll_tick_id = 0;
  return G_SOURCE_REMOVE;
}

static void
show_selected (CwaTopologyView *self)
{
  self->scroll_ticks = 3;
  if (self->selected != NULL && self->scroll_tick_id == 0)
    self->scroll_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_tick_cb, NULL, NULL);
}

void
cwa_topology_view_set_selected (CwaTopologyView *self,
                                gpointer         subject)
{
  g_return_if_fail (CWA_IS_TOPOLOGY_VIEW (self));
  g_return_if_fail (subject == NULL || G_IS_OBJECT (subject));

  if (g_set_object (&self->selected, subject))
    show_selected (self);
}

static void
sync_now (CwaTopologyView *self)
{
  g_autoptr(GPtrArray) subjects = g_ptr_array_new_with_free_func (g_object_unref);

  if (self->plan != NULL)
    collect_subjects (self->plan, subjects);
  cwa_topology_canvas_set_deployment (self->canvas, self->plan != NULL ? cwa_plan_get_deployment (self->plan) : NULL);

  /* The boxes are remade only when what they show changed; within a box,
   * cards are kept across edits. */
  if (!same_subjects (subjects, self->shown))
    {
      cwa_topology_canvas_clear (self->canvas);
      for (guint i = 0; i < subjects->len; i++)
        cwa_topology_canvas_put (self->canvas, g_ptr_array_index (subjects, i),
                                 make_box (self, g_ptr_array_index (subjects, i)));
      g_ptr_array_unref (self->shown);
      self->shown = g_ptr_array_ref (subjects);
    }
  for (guint i = 0; i < subjects->len; i++)
    refresh_box (self, cwa_topology_canvas_lookup (self->canvas, g_ptr_array_index (subjects, i)));
  if (self->plan != NULL)
    sync_links (self);
  /* Members may have moved between groups. */
  gtk_widget_queue_resize (GTK_WIDGET (self->canvas));

  if (self->hint != NULL)
    {
      g_autoptr(CwaCertificate) hint = g_object_ref (self->hint);

      cwa_topology_view_show_hint (self, NULL);
      cwa_topology_view_show_hint (self, hint);
    }
  apply_live (self);
  apply_selected (self);
}

static gboolean
sync_idle_cb (gpointer data)
{
  CwaTopologyView *self = data;

  self->sync_id = 0;
  sync_now (self);
  return G_SOURCE_REMOVE;
}

/* Coalesced: a drop or a form edit changes the plan and then the checklist
 * re-runs; one layout follows both.  From an idle also because a drop
 * handler must not destroy the widget it runs on. */
static void
queue_sync (CwaTopologyView *self)
{
  if (self->sync_id == 0)
    self->sync_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, sync_idle_cb, self, NULL);
}

GtkWidget *
cwa_topology_view_find_widget (CwaTopologyView *self,
                               gpointer         subject)
{
  GtkWidget *box;

  g_return_val_if_fail (CWA_IS_TOPOLOGY_VIEW (self), NULL);

  if (CWA_IS_VIRTUAL_SERVER (subject))
    {
      box = cwa_topology_canvas_lookup (self->canvas, cwa_virtual_server_get_server (subject));
      return box != NULL ? cwa_topology_box_find_card (CWA_TOPOLOGY_BOX (box), subject) : NULL;
    }
  if (CWA_IS_PUBLISHING_RULE (subject))
    {
      box = cwa_topology_canvas_lookup (self->canvas, cwa_publishing_rule_get_reverse_proxy (subject));
      return box != NULL ? cwa_topology_proxy_find_listener (CWA_TOPOLOGY_PROXY (box), subject) : NULL;
    }
  return cwa_topology_canvas_lookup (self->canvas, subject);
}

GtkWidget *
cwa_topology_view_get_canvas (CwaTopologyView *self)
{
  g_return_val_if_fail (CWA_IS_TOPOLOGY_VIEW (self), NULL);

  return GTK_WIDGET (self->canvas);
}

/* The plan's history. */

gboolean
cwa_topology_view_undo (CwaTopologyView *self)
{
  g_return_val_if_fail (CWA_IS_TOPOLOGY_VIEW (self), FALSE);

  return self->plan != NULL && cwa_history_undo (cwa_plan_get_history (self->plan));
}

/* Zoom. */

gdouble
cwa_topology_view_get_zoom (CwaTopologyView *self)
{
  g_return_val_if_fail (CWA_IS_TOPOLOGY_VIEW (self), 1.0);

  return cwa_topology_zoom_get_zoom (self->zoom);
}

void
cwa_topology_view_set_zoom (CwaTopologyView *self,
                            gdouble          zoom)
{
  gdouble before;

  g_return_if_fail (CWA_IS_TOPOLOGY_VIEW (self));

  before = cwa_topology_zoom_get_zoom (self->zoom);
  cwa_topology_zoom_set_zoom (self->zoom, zoom);
  if (!G_APPROX_VALUE (before, cwa_topology_zoom_get_zoom (self->zoom), 0.001))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

static void
zoom_action (GtkWidget   *widget,
             const gchar *action_name,
             GVariant    *parameter)
{
  CwaTopologyView *self = CWA_TOPOLOGY_VIEW (widget);
  gdouble zoom = cwa_topology_view_get_zoom (self);

  if (g_str_equal (action_name, "topology.zoom-in"))
    cwa_topology_view_set_zoom (self, zoom * ZOOM_STEP);
  else if (g_str_equal (action_name, "topology.zoom-out"))
    cwa_topology_view_set_zoom (self, zoom / ZOOM_STEP);
  else
    cwa_topology_view_set_zoom (self, 1.0);
}

static void
undo_action (GtkWidget   *widget,
             const gchar *action_name,
             GVariant    *parameter)
{
  cwa_topology_view_undo (CWA_TOPOLOGY_VIEW (widget));
}

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           gdouble                   dx,
           gdouble                   dy,
           CwaTopologyView          *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if ((state & GDK_CONTROL_MASK) == 0 || dy == 0)
    return FALSE;
  cwa_topology_view_set_zoom (self, cwa_topology_view_get_zoom (self) * (dy < 0 ? ZOOM_STEP : 1 / ZOOM_STEP));
  return TRUE;
}

/* Plan and checklist. */

CwaPlan *
cwa_topology_view_get_plan (CwaTopologyView *self)
{
  g_return_val_if_fail (CWA_IS_TOPOLOGY_VIEW (self), NULL);

  return self->plan;
}

void
cwa_topology_view_set_plan (CwaTopologyView *self,
                            CwaPlan         *plan)
{
  g_return_if_fail (CWA_IS_TOPOLOGY_VIEW (self));
  g_return_if_fail (plan == NULL || CWA_IS_PLAN (plan));

  if (self->plan == plan)
    return;

  g_set_object (&self->plan, plan);
  g_signal_group_set_target (self->plan_signals, plan);
  sync_now (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}

void
cwa_topology_view_set_checklist (CwaTopologyView *self,
                                 CwaChecklist    *checklist)
{
  g_return_if_fail (CWA_IS_TOPOLOGY_VIEW (self));
  g_return_if_fail (checklist == NULL || CWA_IS_CHECKLIST (checklist));

  if (self->checklist == checklist)
    return;

  g_set_object (&self->checklist, checklist);
  g_signal_group_set_target (self->checklist_signals, checklist);
  sync_now (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECKLIST]);
}

static void
cwa_topology_view_dispose (GObject *object)
{
  CwaTopologyView *self = CWA_TOPOLOGY_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->sync_id, g_source_remove);
  g_clear_object (&self->plan_signals);
  g_clear_object (&self->checklist_signals);
  g_clear_object (&self->live_signals);
  g_clear_object (&self->live_check);
  g_clear_object (&self->plan);
  g_clear_object (&self->checklist);
  g_clear_object (&self->hint);
  g_clear_object (&self->leaving_server);
  g_clear_object (&self->leaving);
  g_clear_object (&self->selected);
  g_clear_object (&self->menu_subject);
  g_clear_weak_pointer (&self->selected_widget);
  g_clear_pointer (&self->shown, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), CWA_TYPE_TOPOLOGY_VIEW);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (cwa_topology_view_parent_class)->dispose (object);
}

static void
cwa_topology_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CwaTopologyView *self = CWA_TOPOLOGY_VIEW (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    case PROP_CHECKLIST:
      g_value_set_object (value, self->checklist);
      break;
    case PROP_ZOOM:
      g_value_set_double (value, cwa_topology_view_get_zoom (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cwa_topology_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CwaTopologyView *self = CWA_TOPOLOGY_VIEW (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      cwa_topology_view_set_plan (self, g_value_get_object (value));
      break;
    case PROP_CHECKLIST:
      cwa_topology_view_set_checklist (self, g_value_get_object (value));
      break;
    case PROP_ZOOM:
      cwa_topology_view_set_zoom (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cwa_topology_view_class_init (CwaTopologyViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cwa_topology_view_dispose;
  object_class->get_property = cwa_topology_view_get_property;
  object_class->set_property = cwa_topology_view_set_property;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, CWA_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CHECKLIST] =
    g_param_spec_object ("checklist", NULL, NULL, CWA_TYPE_CHECKLIST,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, CWA_TOPOLOGY_ZOOM_MIN, CWA_TOPOLOGY_ZOOM_MAX, 1.0,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ACTIVATED] =
    g_signal_new ("activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_OBJECT);

  gtk_widget_class_install_action (widget_class, "topology.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "topology.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "topology.zoom-reset", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "topology.undo", NULL, undo_action);
  _cwa_topology_view_class_init_menu (widget_class);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "topology.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "topology.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "topology.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "topology.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "topology.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "topology.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "topology.zoom-reset", NULL);
  /* The plan's newest edit, as win.undo in a window. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "topology.undo", NULL);

  g_type_ensure (CWA_TYPE_TOPOLOGY_ZOOM);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/cwacertplanner/CertPlanner/cwa-topology-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CwaTopologyView, scroller);
  gtk_widget_class_bind_template_child (widget_class, CwaTopologyView, zoom);
}

static void
cwa_topology_view_init (CwaTopologyView *self)
{
  GtkEventController *scroll;

  self->plan_signals = g_signal_group_new (CWA_TYPE_PLAN);
  g_signal_group_connect_object (self->plan_signals, "changed",
                                 G_CALLBACK (queue_sync), self, G_CONNECT_SWAPPED);
  self->checklist_signals = g_signal_group_new (CWA_TYPE_CHECKLIST);
  g_signal_group_connect_object (self->checklist_signals, "updated",
                                 G_CALLBACK (queue_sync), self, G_CONNECT_SWAPPED);
  self->live_signals = g_signal_group_new (CWA_TYPE_LIVE_CHECK);
  g_signal_group_connect_object (self->live_signals, "changed",
                                 G_CALLBACK (apply_live), self, G_CONNECT_SWAPPED);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->shown = g_ptr_array_new_with_free_func (g_object_unref);
  self->canvas = CWA_TOPOLOGY_CANVAS (cwa_topology_canvas_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->canvas), GTK_ALIGN_START);
  gtk_widget_set_margin_start (GTK_WIDGET (self->canvas), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->canvas), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self->canvas), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->canvas), 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->canvas), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Topology of the deployment"), -1);
  cwa_topology_zoom_set_child (self->zoom, GTK_WIDGET (self->canvas));
  self->cancellable = g_cancellable_new ();

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  /* Before the scrolled window scrolls: Ctrl+scroll zooms instead. */
  gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
  g_signal_connect (scroll, "scroll", G_CALLBACK (scroll_cb), self);
  g_signal_connect (self, "map", G_CALLBACK (show_selected), NULL);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);
  _cwa_topology_view_init_drops (self);
}

GtkWidget *
cwa_topology_view_new (void)
{
  return g_object_new (CWA_TYPE_TOPOLOGY_VIEW, NULL);
}

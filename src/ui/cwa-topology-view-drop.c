/* cwa-topology-view-drop.c: the topology view's drag and drop: certificates, files, virtual servers and members dropped on its boxes, and the hints while dragging. */
#include "config.h"

#include <glib/gi18n.h>

#include "cwa-cert-loader.h"
#include "cwa-load-failures.h"
#include "cwa-plan-edits.h"
#include "cwa-rule-text.h"
#include "cwa-topology-balancer.h"
#include "cwa-topology-box.h"
#include "cwa-topology-item.h"
#include "cwa-topology-proxy.h"
#include "cwa-topology-status.h"
#include "cwa-topology-view-private.h"

/* What the boxes and cards ask for (their CwaTopologyItem signals). */

static gboolean
is_assignable (gpointer subject)
{
  return CWA_IS_SERVER (subject) || CWA_IS_VIRTUAL_SERVER (subject) || CWA_IS_LOAD_BALANCER (subject) ||
         CWA_IS_PUBLISHING_RULE (subject);
}

static gboolean
item_assign_cb (CwaTopologyItem *item,
                GObject         *subject,
                CwaCertificate  *certificate,
                CwaTopologyView *self)
{
  /* A drop ends the drag: no "leave" follows it. */
  self->dragging = FALSE;
  cwa_topology_view_show_hint (self, NULL);
  return cwa_topology_view_assign (self, subject, certificate);
}

static gboolean
item_load_files_cb (CwaTopologyItem *item,
                    GObject         *subject,
                    GdkFileList     *files,
                    CwaTopologyView *self)
{
  GSList *list = gdk_file_list_get_files (files);

  self->dragging = FALSE;
  cwa_topology_view_show_hint (self, NULL);
  if (list == NULL || !is_assignable (subject))
    {
      g_slist_free (list);
      return FALSE;
    }
  cwa_topology_view_load_and_assign (self, subject, list);
  g_slist_free (list);
  return TRUE;
}

static gboolean
box_move_cb (CwaTopologyBox   *box,
             CwaVirtualServer *virtual_server,
             CwaTopologyView  *self)
{
  return cwa_topology_view_move (self, virtual_server, cwa_topology_box_get_server (box));
}

/* Membership: a computer's box dropped on a load balancer joins it;
 * dropped anywhere else in the view, it leaves the load balancer it was
 * dragged out of: the one whose box the drag started on, or, dragged by
 * its own box, the one drawn right above it. */

static void
box_drag_out_cb (CwaTopologyBox  *box,
                 CwaTopologyView *self)
{
  CwaServer *server = cwa_topology_box_get_server (box);

  g_set_object (&self->leaving_server, server);
  g_set_object (&self->leaving, cwa_topology_canvas_get_balancer_over (self->canvas, server));
}

/* The member's box below @x of @balancer's box, which the drag from there
 * takes out of it. */
static gpointer
balancer_pick_member_cb (CwaTopologyBalancer *balancer,
                         gdouble              x,
                         CwaTopologyView     *self)
{
  CwaLoadBalancer *lb = cwa_topology_balancer_get_load_balancer (balancer);
  graphene_point_t point;

  if (self->plan == NULL ||
      !gtk_widget_compute_point (GTK_WIDGET (balancer), GTK_WIDGET (self->canvas), &GRAPHENE_POINT_INIT (x, 0), &point))
    return NULL;
  for (guint i = 0; i < self->shown->len; i++)
    {
      CwaServer *server = g_ptr_array_index (self->shown, i);
      GtkWidget *box;
      graphene_rect_t bounds;

      if (!CWA_IS_SERVER (server) || !cwa_load_balancer_has_member (lb, cwa_server_get_fqdn (server)))
        continue;
      box = cwa_topology_canvas_lookup (self->canvas, server);
      if (box != NULL && gtk_widget_compute_bounds (box, GTK_WIDGET (self->canvas), &bounds) &&
          point.x >= bounds.origin.x && point.x < bounds.origin.x + bounds.size.width)
        {
          g_set_object (&self->leaving_server, server);
          g_set_object (&self->leaving, lb);
          return box;
        }
    }
  return NULL;
}

static gboolean
balancer_add_member_cb (CwaTopologyBalancer *balancer,
                        CwaServer           *server,
                        CwaTopologyView     *self)
{
  CwaLoadBalancer *lb = cwa_topology_balancer_get_load_balancer (balancer);

  if (self->plan == NULL)
    return FALSE;
  /* Dropped back on its own load balancer: nothing changes, and the drop
   * is taken here so that it does not reach the view, where it would
   * mean "leave". */
  if (cwa_load_balancer_has_member (lb, cwa_server_get_fqdn (server)))
    return TRUE;
  return cwa_plan_edits_add_member (self->plan, lb, cwa_server_get_fqdn (server));
}

/* The load balancer @server leaves when dropped outside every one, or
 * NULL: where its drag started, if that still has it. */
static CwaLoadBalancer *
leaving_for (CwaTopologyView *self,
             CwaServer       *server)
{
  const gchar *fqdn = cwa_server_get_fqdn (server);
  GListModel *lbs = cwa_deployment_get_load_balancers (cwa_plan_get_deployment (self->plan));
  CwaLoadBalancer *over;

  for (guint i = 0; self->leaving_server == server && i < g_list_model_get_n_items (lbs); i++)
    {
      g_autoptr(CwaLoadBalancer) lb = g_list_model_get_item (lbs, i);

      if (lb == self->leaving && cwa_load_balancer_has_member (lb, fqdn))
        return lb;
    }
  over = cwa_topology_canvas_get_balancer_over (self->canvas, server);
  return over != NULL && cwa_load_balancer_has_member (over, fqdn) ? over : NULL;
}

static gboolean
leave_drop_cb (GtkDropTarget   *target,
               const GValue    *value,
               gdouble          x,
               gdouble          y,
               CwaTopologyView *self)
{
  CwaServer *server;
  CwaLoadBalancer *lb;

  if (self->plan == NULL || !G_VALUE_HOLDS (value, CWA_TYPE_SERVER) || (server = g_value_get_object (value)) == NULL)
    return FALSE;
  lb = leaving_for (self, server);
  g_clear_object (&self->leaving_server);
  g_clear_object (&self->leaving);
  return lb != NULL && cwa_plan_edits_remove_member (self->plan, lb, cwa_server_get_fqdn (server));
}

void
_cwa_topology_view_connect_drops (CwaTopologyView *self,
                                  GtkWidget       *box)
{
  g_signal_connect_object (box, "assign", G_CALLBACK (item_assign_cb), self, 0);
  g_signal_connect_object (box, "load-files", G_CALLBACK (item_load_files_cb), self, 0);
  if (CWA_IS_TOPOLOGY_BOX (box))
    {
      g_signal_connect_object (box, "move", G_CALLBACK (box_move_cb), self, 0);
      g_signal_connect_object (box, "drag-out", G_CALLBACK (box_drag_out_cb), self, 0);
    }
  else if (CWA_IS_TOPOLOGY_BALANCER (box))
    {
      g_signal_connect_object (box, "add-member", G_CALLBACK (balancer_add_member_cb), self, 0);
      g_signal_connect_object (box, "pick-member", G_CALLBACK (balancer_pick_member_cb), self, 0);
    }
}

/* Hints: while a certificate is dragged over the view, every target shows
 * by its outline whether the certificate would fit, and the one under the
 * pointer says why in a note beside it. */

static void
hint_server (CwaTopologyView *self,
             CwaServer       *server,
             CwaCertificate  *certificate)
{
  CwaTopologyBox *box = CWA_TOPOLOGY_BOX (cwa_topology_canvas_lookup (self->canvas, server));
  GListModel *vss = cwa_server_get_virtual_servers (server);

  _cwa_topology_apply_hint (cwa_topology_box_get_title (box), self->checklist, server, certificate);
  for (guint i = 0; i < g_list_model_get_n_items (vss); i++)
    {
      g_autoptr(CwaVirtualServer) vs = g_list_model_get_item (vss, i);
      GtkWidget *card = cwa_topology_box_find_card (box, vs);

      if (card != NULL)
        _cwa_topology_apply_hint (card, self->checklist, vs, certificate);
    }
}

static void
hint_proxy (CwaTopologyView *self,
            CwaReverseProxy *proxy,
            CwaCertificate  *certificate)
{
  GListModel *rules = cwa_reverse_proxy_get_publishing_rules (proxy);

  for (guint i = 0; i < g_list_model_get_n_items (rules); i++)
    {
      g_autoptr(CwaPublishingRule) rule = g_list_model_get_item (rules, i);
      GtkWidget *card = cwa_topology_view_find_widget (self, rule);

      if (card != NULL)
        _cwa_topology_apply_hint (card, self->checklist, rule, certificate);
    }
}

/* The drop target under (@x, @y) of the view: the nearest widget up from
 * the one picked there that carries a plan object, or NULL. */
static GtkWidget *
target_at (CwaTopologyView *self,
           gdouble          x,
           gdouble          y)
{
  GtkWidget *widget = gtk_widget_pick (GTK_WIDGET (self), x, y, GTK_PICK_DEFAULT);

  for (; widget != NULL && widget != GTK_WIDGET (self); widget = gtk_widget_get_parent (widget))
    if (g_object_get_data (G_OBJECT (widget), "cwa-subject") != NULL)
      return widget;
  return NULL;
}

/* The note, in words, on the target under the pointer: the outline's
 * colour alone says neither what is missing nor, to a screen reader,
 * anything at all. */
static void
update_note (CwaTopologyView *self)
{
  GtkWidget *target = self->hint != NULL && self->dragging ? target_at (self, self->drag_x, self->drag_y) : NULL;
  g_autofree gchar *text = NULL;
  gboolean fits = FALSE;

  if (target != NULL)
    text = _cwa_topology_dup_hint (self->checklist, g_object_get_data (G_OBJECT (target), "cwa-subject"),
                                   self->hint, &fits);
  if (text != NULL)
    cwa_topology_canvas_show_note (self->canvas, target, text, fits);
  else
    cwa_topology_canvas_hide_note (self->canvas);
}

void
cwa_topology_view_show_hint (CwaTopologyView *self,
                             CwaCertificate  *certificate)
{
  g_return_if_fail (CWA_IS_TOPOLOGY_VIEW (self));
  g_return_if_fail (certificate == NULL || CWA_IS_CERTIFICATE (certificate));

  g_set_object (&self->hint, certificate);
  for (guint i = 0; i < self->shown->len; i++)
    {
      gpointer subject = g_ptr_array_index (self->shown, i);

      if (CWA_IS_SERVER (subject))
        hint_server (self, subject, certificate);
      else if (CWA_IS_LOAD_BALANCER (subject))
        _cwa_topology_apply_hint (cwa_topology_canvas_lookup (self->canvas, subject), self->checklist, subject,
                                  certificate);
      else
        hint_proxy (self, subject, certificate);
    }
  update_note (self);
}

/* A drag entering the view: read what is dragged, and if it is a
 * certificate, show on every target whether it fits. */
static void
hint_read_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(CwaTopologyView) self = user_data;
  const GValue *value = gdk_drop_read_value_finish (GDK_DROP (source), result, NULL);

  if (value != NULL && G_VALUE_HOLDS (value, CWA_TYPE_CERTIFICATE) &&
      gtk_widget_get_root (GTK_WIDGET (self)) != NULL)
    cwa_topology_view_show_hint (self, g_value_get_object (value));
}

static void
drag_enter_cb (GtkDropControllerMotion *motion,
               gdouble                  x,
               gdouble                  y,
               CwaTopologyView         *self)
{
  GdkDrop *drop = gtk_drop_controller_motion_get_drop (motion);

  self->dragging = TRUE;
  self->drag_x = x;
  self->drag_y = y;
  if (drop != NULL && gdk_content_formats_contain_gtype (gdk_drop_get_formats (drop), CWA_TYPE_CERTIFICATE))
    gdk_drop_read_value_async (drop, CWA_TYPE_CERTIFICATE, G_PRIORITY_DEFAULT, self->cancellable,
                               hint_read_cb, g_object_ref (self));
}

static void
drag_motion_cb (GtkDropControllerMotion *motion,
                gdouble                  x,
                gdouble                  y,
                CwaTopologyView         *self)
{
  self->dragging = TRUE;
  self->drag_x = x;
  self->drag_y = y;
  update_note (self);
}

static void
drag_leave_cb (GtkDropControllerMotion *motion,
               CwaTopologyView         *self)
{
  self->dragging = FALSE;
  cwa_topology_view_show_hint (self, NULL);
}

void
_cwa_topology_view_init_drops (CwaTopologyView *self)
{
  GtkEventController *motion = gtk_drop_controller_motion_new ();
  GtkDropTarget *leave = gtk_drop_target_new (CWA_TYPE_SERVER, GDK_ACTION_MOVE);

  g_signal_connect (leave, "drop", G_CALLBACK (leave_drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->canvas), GTK_EVENT_CONTROLLER (leave));

  g_signal_connect (motion, "enter", G_CALLBACK (drag_enter_cb), self);
  g_signal_connect (motion, "motion", G_CALLBACK (drag_motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (drag_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
}

/* Assignments, moves and their undo: verbs on the plan's history. */

gboolean
cwa_topology_view_assign (CwaTopologyView *self,
                          gpointer         subject,
                          CwaCertificate  *certificate)
{
  g_return_val_if_fail (CWA_IS_TOPOLOGY_VIEW (self), FALSE);
  g_return_val_if_fail (certificate == NULL || CWA_IS_CERTIFICATE (certificate), FALSE);

  if (self->plan == NULL || !is_assignable (subject))
    return FALSE;
  cwa_plan_edits_assign (self->plan, subject, certificate);
  return TRUE;
}

gboolean
cwa_topology_view_move (CwaTopologyView  *self,
                        CwaVirtualServer *virtual_server,
                        CwaServer        *server)
{
  g_return_val_if_fail (CWA_IS_TOPOLOGY_VIEW (self), FALSE);
  g_return_val_if_fail (CWA_IS_VIRTUAL_SERVER (virtual_server), FALSE);
  g_return_val_if_fail (CWA_IS_SERVER (server), FALSE);

  return self->plan != NULL && cwa_plan_edits_move_virtual_server (self->plan, virtual_server, server);
}

/* Files dropped on a target: all are loaded, added to the plan, and the one
 * that satisfies the target's required names is assigned (else the first). */

typedef struct
{
  CwaTopologyView *self;
  GObject         *subject;
  GPtrArray       *loaded;   /* GPtrArray of certificates per file */
  GPtrArray       *failures; /* CwaLoadFailure: one notification for all */
  guint            pending;
} FileDrop;

static void
file_drop_free (FileDrop *drop)
{
  g_object_unref (drop->self);
  g_object_unref (drop->subject);
  g_ptr_array_unref (drop->loaded);
  g_ptr_array_unref (drop->failures);
  g_free (drop);
}

static void
file_drop_finish (FileDrop *drop)
{
  CwaTopologyView *self = drop->self;
  CwaRequirement *requirement = _cwa_topology_find_requirement (self->checklist, drop->subject);
  CwaCertificate *chosen = NULL;

  if (self->plan == NULL)
    return;

  for (guint f = 0; f < drop->loaded->len; f++)
    {
      GPtrArray *certificates = g_ptr_array_index (drop->loaded, f);
      CwaCertificate *primary = cwa_cert_loader_pick_primary (certificates);
      CwaCertificate *entry;

      if (primary == NULL)
        continue;
      entry = cwa_plan_add_certificate (self->plan, primary);
      for (guint i = 0; i < certificates->len; i++)
        if (g_ptr_array_index (certificates, i) != (gpointer) primary)
          cwa_plan_add_chain_certificate (self->plan, g_ptr_array_index (certificates, i));
      if (cwa_certificate_is_ca (entry))
        continue;
      if (chosen == NULL ||
          (requirement != NULL && !cwa_requirement_is_satisfied_by (requirement, chosen) &&
           cwa_requirement_is_satisfied_by (requirement, entry)))
        chosen = entry;
    }
  if (chosen != NULL)
    cwa_topology_view_assign (self, drop->subject, chosen);
}

static void
file_loaded_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  FileDrop *drop = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) certificates = cwa_cert_loader_load_file_finish (result, &error);

  if (certificates != NULL)
    g_ptr_array_add (drop->loaded, g_steal_pointer (&certificates));
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_ptr_array_add (drop->failures, cwa_load_failure_new (G_FILE (source), error->message));

  if (--drop->pending > 0)
    return;
  if (!g_cancellable_is_cancelled (drop->self->cancellable))
    {
      file_drop_finish (drop);
      /* One notification for the files that could not be loaded, as the
       * window's own drops give. */
      cwa_load_failures_show (GTK_WIDGET (drop->self), drop->failures);
    }
  file_drop_free (drop);
}

void
cwa_topology_view_load_and_assign (CwaTopologyView *self,
                                   gpointer         subject,
                                   GSList          *files)
{
  FileDrop *drop;
  gboolean translated;

  g_return_if_fail (CWA_IS_TOPOLOGY_VIEW (self));
  g_return_if_fail (is_assignable (subject));

  if (files == NULL)
    return;
  drop = g_new0 (FileDrop, 1);
  drop->self = g_object_ref (self);
  drop->subject = g_object_ref (subject);
  drop->loaded = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  drop->failures = g_ptr_array_new_with_free_func ((GDestroyNotify) cwa_load_failure_free);
  drop->pending = g_slist_length (files);
  /* Why a file cannot be loaded, in the user's language. */
  translated = cwa_rule_text_set_translated (TRUE);
  for (GSList *l = files; l != NULL; l = l->next)
    cwa_cert_loader_load_file_async (l->data, NULL, self->cancellable, file_loaded_cb, drop);
  cwa_rule_text_set_translated (translated);
}

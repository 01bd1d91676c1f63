/* cwa-topology-box.c: one computer in the topology view: its FQDN and MTLS certificate above its virtual servers' cards. */
#include "config.h"

#include <glib/gi18n.h>

#include "cwa-topology-box.h"
#include "cwa-topology-card.h"
#include "cwa-topology-item.h"
#include "cwa-topology-status.h"

struct _CwaTopologyBox
{
  GtkWidget  parent_instance;

  CwaServer *server;

  GtkWidget *content;
  GtkWidget *title;
  GtkWidget *status_image;
  GtkWidget *fqdn_label;
  GtkWidget *certificate_label;
  GtkWidget *names_label;
  GtkWidget *cards;
};

enum {
  MOVE,
  DRAG_OUT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE_WITH_CODE (CwaTopologyBox, cwa_topology_box, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (CWA_TYPE_TOPOLOGY_ITEM, NULL))

CwaServer *
cwa_topology_box_get_server (CwaTopologyBox *self)
{
  g_return_val_if_fail (CWA_IS_TOPOLOGY_BOX (self), NULL);

  return self->server;
}

GtkWidget *
cwa_topology_box_get_title (CwaTopologyBox *self)
{
  g_return_val_if_fail (CWA_IS_TOPOLOGY_BOX (self), NULL);

  return self->title;
}

GtkWidget *
cwa_topology_box_find_card (CwaTopologyBox   *self,
                            CwaVirtualServer *virtual_server)
{
  g_return_val_if_fail (CWA_IS_TOPOLOGY_BOX (self), NULL);

  for (GtkWidget *card = gtk_widget_get_first_child (self->cards); card != NULL; card = gtk_widget_get_next_sibling (card))
    if (cwa_topology_card_get_virtual_server (CWA_TOPOLOGY_CARD (card)) == virtual_server)
      return card;
  return NULL;
}

static void
refresh_title (CwaTopologyBox *self,
               CwaChecklist   *checklist)
{
  CwaCertificate *certificate = cwa_server_get_mtls_certificate (self->server);
  CwaUiStatus status = cwa_ui_status_for_subject (checklist, self->server);
  CwaRequirement *requirement = NULL;
  g_autofree gchar *failures = _cwa_topology_dup_failures (checklist, self->server);
  g_autofree gchar *accessible = NULL;
  const gchar *certificate_text;

  gtk_label_set_text (GTK_LABEL (self->fqdn_label), cwa_server_get_fqdn (self->server));
  certificate_text = certificate != NULL ? cwa_certificate_get_display_name (certificate)
                                         : _("No certificate — drop one here");
  gtk_label_set_text (GTK_LABEL (self->certificate_label), certificate_text);
  if (certificate == NULL)
    {
      gtk_widget_add_css_class (self->certificate_label, "dim-label");
      requirement = _cwa_topology_find_requirement (checklist, self->server);
    }
  else
    gtk_widget_remove_css_class (self->certificate_label, "dim-label");

  if (requirement != NULL)
    {
      g_autofree gchar *text = g_strdup_printf ("%s %s", _("Needs:"), cwa_requirement_get_subject (requirement));

      gtk_label_set_text (GTK_LABEL (self->names_label), text);
      gtk_widget_set_visible (self->names_label, TRUE);
    }
  else
    gtk_widget_set_visible (self->names_label, FALSE);

  cwa_ui_status_apply (GTK_IMAGE (self->status_image), status);
  _cwa_topology_apply_status (GTK_WIDGET (self), status);
  gtk_widget_set_tooltip_text (self->title, failures);

  /* Translators: accessible name of a computer's box: FQDN, certificate, status */
  accessible = g_strdup_printf (_("Computer %s, MTLS certificate: %s, %s"),
                                cwa_server_get_fqdn (self->server), certificate_text,
                                cwa_ui_status_label (status));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->title),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, failures != NULL ? failures : "",
                                  -1);
}

gboolean
cwa_topology_box_sync (CwaTopologyBox *self,
                       CwaChecklist   *checklist)
{
  GListModel *vss;
  guint n;
  gboolean changed = FALSE;
  GtkWidget *card;
  GtkWidget *previous = NULL;
  g_autoptr(GHashTable) wanted = g_hash_table_new (NULL, NULL);

  g_return_val_if_fail (CWA_IS_TOPOLOGY_BOX (self), FALSE);

  vss = cwa_server_get_virtual_servers (self->server);
  n = g_list_model_get_n_items (vss);
  for (guint i = 0; i < n; i++)
    g_hash_table_add (wanted, g_list_model_get_item (vss, i));

  /* Cards of virtual servers that left go; the others are kept, so focus
   * and an open menu survive an edit. */
  card = gtk_widget_get_first_child (self->cards);
  while (card != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (card);

      if (!g_hash_table_contains (wanted, cwa_topology_card_get_virtual_server (CWA_TOPOLOGY_CARD (card))))
        {
          gtk_box_remove (GTK_BOX (self->cards), card);
          changed = TRUE;
        }
      card = next;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CwaVirtualServer) vs = g_list_model_get_item (vss, i);

      card = cwa_topology_box_find_card (self, vs);
      if (card == NULL)
        {
          card = cwa_topology_card_new (vs);
          cwa_topology_item_forward (CWA_TOPOLOGY_ITEM (self), CWA_TOPOLOGY_ITEM (card));
          gtk_box_insert_child_after (GTK_BOX (self->cards), card, previous);
          changed = TRUE;
        }
      else if (gtk_widget_get_prev_sibling (card) != previous)
        gtk_box_reorder_child_after (GTK_BOX (self->cards), card, previous);
      cwa_topology_card_refresh (CWA_TOPOLOGY_CARD (card), checklist);
      previous = card;
    }

  /* The hash table held one reference per virtual server. */
  {
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, wanted);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      g_object_unref (key);
  }

  refresh_title (self, checklist);
  return changed;
}

/* A virtual server's card dropped on the box: it moves to this computer. */
static gboolean
move_drop_cb (GtkDropTarget  *target,
              const GValue   *value,
              gdouble         x,
              gdouble         y,
              CwaTopologyBox *self)
{
  CwaVirtualServer *vs;
  gboolean moved = FALSE;

  if (!G_VALUE_HOLDS (value, CWA_TYPE_VIRTUAL_SERVER))
    return FALSE;
  vs = g_value_get_object (value);
  if (vs == NULL || cwa_virtual_server_get_server (vs) == self->server)
    return FALSE;
  g_signal_emit (self, signals[MOVE], 0, vs, &moved);
  return moved;
}

static GdkDragAction
move_enter_cb (GtkDropTarget  *target,
               gdouble         x,
               gdouble         y,
               CwaTopologyBox *self)
{
  gtk_widget_add_css_class (GTK_WIDGET (self), "topology-move-target");
  return GDK_ACTION_MOVE;
}

static void
move_leave_cb (GtkDropTarget  *target,
               CwaTopologyBox *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self), "topology-move-target");
}

/* The title drags as the computer: dropped on a load balancer it joins
 * it, elsewhere in the view it leaves the load balancer drawn right above
 * it. */
static GdkContentProvider *
drag_prepare_cb (GtkDragSource  *source,
                 gdouble         x,
                 gdouble         y,
                 CwaTopologyBox *self)
{
  g_signal_emit (self, signals[DRAG_OUT], 0);
  return gdk_content_provider_new_typed (CWA_TYPE_SERVER, self->server);
}

static void
drag_begin_cb (GtkDragSource  *source,
               GdkDrag        *drag,
               CwaTopologyBox *self)
{
  g_autoptr(GdkPaintable) icon = gtk_widget_paintable_new (self->title);

  gtk_drag_source_set_icon (source, icon, 0, 0);
}

static void
cwa_topology_box_dispose (GObject *object)
{
  CwaTopologyBox *self = CWA_TOPOLOGY_BOX (object);

  cwa_topology_item_dispose_menu (CWA_TOPOLOGY_ITEM (self));
  g_clear_pointer (&self->content, gtk_widget_unparent);
  g_clear_object (&self->server);

  G_OBJECT_CLASS (cwa_topology_box_parent_class)->dispose (object);
}

static void
cwa_topology_box_class_init (CwaTopologyBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cwa_topology_box_dispose;

  /* "move" (CwaVirtualServer *virtual_server) -> gboolean: a card was
   * dropped on the box; the handler moves it here and says whether. */
  signals[MOVE] =
    g_signal_new ("move", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  g_signal_accumulator_first_wins, NULL, NULL,
                  G_TYPE_BOOLEAN, 1, CWA_TYPE_VIRTUAL_SERVER);
  /* "drag-out": a drag of the computer begins from its own box. */
  signals[DRAG_OUT] =
    g_signal_new ("drag-out", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  cwa_topology_item_class_add_activate (widget_class, "box.activate");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "topology-box");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
cwa_topology_box_init (CwaTopologyBox *self)
{
  GtkWidget *certificate_row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *role = gtk_label_new ("MTLS");
  GtkDropTarget *move = gtk_drop_target_new (CWA_TYPE_VIRTUAL_SERVER, GDK_ACTION_MOVE);
  GtkDragSource *source = gtk_drag_source_new ();

  gtk_widget_add_css_class (GTK_WIDGET (self), "card");
  gtk_widget_add_css_class (GTK_WIDGET (self), "topology-computer");
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_START);

  self->content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_widget_set_parent (self->content, GTK_WIDGET (self));

  /* The title is the computer's focus stop, before its cards: Return and
   * Space edit the computer there, Menu and Shift+F10 open its context
   * menu. */
  self->status_image = gtk_image_new ();
  self->title = cwa_topology_item_new_title (_("Computer"), "computer-symbolic", self->status_image,
                                             &self->fqdn_label);

  gtk_widget_add_css_class (role, "role-badge");
  gtk_widget_add_css_class (role, "caption-heading");
  self->certificate_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->certificate_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (self->certificate_label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_set_hexpand (self->certificate_label, TRUE);
  gtk_box_append (GTK_BOX (certificate_row), role);
  gtk_box_append (GTK_BOX (certificate_row), self->certificate_label);
  gtk_box_append (GTK_BOX (self->title), certificate_row);

  self->names_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->names_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (self->names_label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_add_css_class (self->names_label, "caption");
  gtk_widget_add_css_class (self->names_label, "topology-names");
  gtk_widget_set_visible (self->names_label, FALSE);
  gtk_box_append (GTK_BOX (self->title), self->names_label);
  gtk_box_append (GTK_BOX (self->content), self->title);

  self->cards = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_box_append (GTK_BOX (self->content), self->cards);

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), self);
  g_signal_connect (source, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  gtk_widget_add_controller (self->title, GTK_EVENT_CONTROLLER (source));

  g_signal_connect (move, "drop", G_CALLBACK (move_drop_cb), self);
  g_signal_connect (move, "enter", G_CALLBACK (move_enter_cb), self);
  g_signal_connect (move, "leave", G_CALLBACK (move_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (move));
}

GtkWidget *
cwa_topology_box_new (CwaServer *server)
{
  CwaTopologyBox *self;

  g_return_val_if_fail (CWA_IS_SERVER (server), NULL);

  self = g_object_new (CWA_TYPE_TOPOLOGY_BOX, NULL);
  self->server = g_object_ref (server);
  cwa_topology_item_add_activate (CWA_TOPOLOGY_ITEM (self), self->title, G_OBJECT (server));
  cwa_topology_item_add_drop_target (CWA_TOPOLOGY_ITEM (self), self->title, G_OBJECT (server));
  cwa_topology_item_add_menu (CWA_TOPOLOGY_ITEM (self), self->title, G_OBJECT (server));
  return GTK_WIDGET (self);
}

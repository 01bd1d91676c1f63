/* cwa-topology-card.c: one virtual server in the topology view: URL, audience, listen address and SSL certificate. */
#include "config.h"

#include <glib/gi18n.h>

#include "cwa-topology-card.h"
#include "cwa-topology-item.h"
#include "cwa-topology-status.h"
#include "cwa-ui-util.h"

/* Wide enough for "download.im.contoso.com" in the caption font at 100 %. */
#define CARD_WIDTH 250

struct _CwaTopologyCard
{
  GtkWidget         parent_instance;

  CwaVirtualServer *virtual_server;

  GtkWidget        *content;
  GtkWidget        *status_image;
  GtkWidget        *host_label;
  GtkWidget        *badge;
  GtkWidget        *listen_label;
  GtkWidget        *certificate_label;
  GtkWidget        *names_label;
  GtkWidget        *live_badge;
};

G_DEFINE_FINAL_TYPE_WITH_CODE (CwaTopologyCard, cwa_topology_card, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (CWA_TYPE_TOPOLOGY_ITEM, NULL))

CwaVirtualServer *
cwa_topology_card_get_virtual_server (CwaTopologyCard *self)
{
  g_return_val_if_fail (CWA_IS_TOPOLOGY_CARD (self), NULL);

  return self->virtual_server;
}

void
cwa_topology_card_refresh (CwaTopologyCard *self,
                           CwaChecklist    *checklist)
{
  CwaVirtualServer *vs;
  CwaCertificate *certificate;
  CwaUiStatus status;
  CwaRequirement *requirement;
  gboolean external;
  g_autofree gchar *listen = NULL;
  g_autofree gchar *listen_text = NULL;
  g_autofree gchar *failures = NULL;
  g_autofree gchar *accessible = NULL;
  const gchar *certificate_text;

  g_return_if_fail (CWA_IS_TOPOLOGY_CARD (self));
  g_return_if_fail (checklist == NULL || CWA_IS_CHECKLIST (checklist));

  vs = self->virtual_server;
  certificate = cwa_virtual_server_get_ssl_certificate (vs);
  external = cwa_virtual_server_get_audience (vs) == CWA_AUDIENCE_EXTERNAL;
  status = cwa_ui_status_for_subject (checklist, vs);

  gtk_label_set_text (GTK_LABEL (self->host_label), cwa_virtual_server_get_host (vs));
  gtk_widget_set_tooltip_text (self->host_label, cwa_virtual_server_get_url (vs));
  gtk_label_set_text (GTK_LABEL (self->badge), external ? _("External") : _("Internal"));
  gtk_widget_remove_css_class (self->badge, external ? "internal" : "external");
  gtk_widget_add_css_class (self->badge, external ? "external" : "internal");

  listen = cwa_virtual_server_dup_effective_listen (vs);
  /* Translators: the IIS binding of a virtual server, e.g. "Listens on *:443" */
  listen_text = g_strdup_printf (_("Listens on %s"), listen);
  gtk_label_set_text (GTK_LABEL (self->listen_label), listen_text);

  if (certificate != NULL)
    certificate_text = cwa_certificate_get_display_name (certificate);
  else if (cwa_virtual_server_is_https (vs))
    certificate_text = _("No certificate — drop one here");
  else
    certificate_text = _("None needed (http)");
  gtk_label_set_text (GTK_LABEL (self->certificate_label), certificate_text);
  if (certificate == NULL)
    gtk_widget_add_css_class (self->certificate_label, "dim-label");
  else
    gtk_widget_remove_css_class (self->certificate_label, "dim-label");

  /* Without a certificate the card says what the certificate must name:
   * the picture is the plan. */
  requirement = certificate == NULL ? _cwa_topology_find_requirement (checklist, vs) : NULL;
  if (requirement != NULL)
    {
      g_auto(GStrv) names = cwa_requirement_dup_all_names (requirement);
      g_autofree gchar *joined = g_strjoinv ("\n", names);
      /* Translators: above the host names a certificate must carry */
      g_autofree gchar *text = g_strdup_printf ("%s\n%s", _("Needs:"), joined);

      gtk_label_set_text (GTK_LABEL (self->names_label), text);
      gtk_widget_set_visible (self->names_label, TRUE);
    }
  else
    gtk_widget_set_visible (self->names_label, FALSE);

  cwa_ui_status_apply (GTK_IMAGE (self->status_image), status);
  _cwa_topology_apply_status (GTK_WIDGET (self), status);
  failures = _cwa_topology_dup_failures (checklist, vs);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), failures);

  /* Translators: accessible name of a virtual server card: host, audience,
   * listen binding, certificate, status */
  accessible = g_strdup_printf (_("%s, %s, %s, SSL certificate: %s, %s"),
                                cwa_virtual_server_get_host (vs),
                                gtk_label_get_text (GTK_LABEL (self->badge)),
                                listen_text, certificate_text, cwa_ui_status_label (status));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, failures != NULL ? failures : "",
                                  -1);
}

/* The context menu: what the view offers for the virtual server (its
 * "menu" handler builds it when opened, so it lists what is loaded now). */
void
cwa_topology_card_popup_menu (CwaTopologyCard *self)
{
  g_return_if_fail (CWA_IS_TOPOLOGY_CARD (self));

  cwa_topology_item_popup_menu (CWA_TOPOLOGY_ITEM (self), G_OBJECT (self->virtual_server), -1, -1);
}

static void
edit_action (GtkWidget   *widget,
             const gchar *action_name,
             GVariant    *parameter)
{
  CwaTopologyCard *self = CWA_TOPOLOGY_CARD (widget);

  cwa_topology_item_activated (CWA_TOPOLOGY_ITEM (self), G_OBJECT (self->virtual_server));
}

static void
menu_action (GtkWidget   *widget,
             const gchar *action_name,
             GVariant    *parameter)
{
  cwa_topology_card_popup_menu (CWA_TOPOLOGY_CARD (widget));
}

static void
pressed_cb (GtkGestureClick *gesture,
            gint             n_press,
            gdouble          x,
            gdouble          y,
            CwaTopologyCard *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
released_cb (GtkGestureClick *gesture,
             gint             n_press,
             gdouble          x,
             gdouble          y,
             CwaTopologyCard *self)
{
  if (gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture)) == GDK_BUTTON_PRIMARY)
    edit_action (GTK_WIDGET (self), "card.edit", NULL);
}

/* The card drags as its virtual server: dropped on another computer's box
 * it moves there. */
static GdkContentProvider *
drag_prepare_cb (GtkDragSource   *source,
                 gdouble          x,
                 gdouble          y,
                 CwaTopologyCard *self)
{
  return gdk_content_provider_new_typed (CWA_TYPE_VIRTUAL_SERVER, self->virtual_server);
}

static void
drag_begin_cb (GtkDragSource   *source,
               GdkDrag         *drag,
               CwaTopologyCard *self)
{
  g_autoptr(GdkPaintable) icon = gtk_widget_paintable_new (GTK_WIDGET (self));

  gtk_drag_source_set_icon (source, icon, 0, 0);
}

static void
cwa_topology_card_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  CwaTopologyCard *self = CWA_TOPOLOGY_CARD (widget);

  gtk_widget_measure (self->content, orientation, for_size, minimum, natural, NULL, NULL);
}

static void
cwa_topology_card_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  CwaTopologyCard *self = CWA_TOPOLOGY_CARD (widget);

  gtk_widget_allocate (self->content, width, height, baseline, NULL);
  cwa_topology_item_present_menu (CWA_TOPOLOGY_ITEM (self));
}

static void
cwa_topology_card_dispose (GObject *object)
{
  CwaTopologyCard *self = CWA_TOPOLOGY_CARD (object);

  cwa_topology_item_dispose_menu (CWA_TOPOLOGY_ITEM (self));
  g_clear_pointer (&self->content, gtk_widget_unparent);
  g_clear_object (&self->virtual_server);

  G_OBJECT_CLASS (cwa_topology_card_parent_class)->dispose (object);
}

static void
cwa_topology_card_class_init (CwaTopologyCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cwa_topology_card_dispose;
  widget_class->measure = cwa_topology_card_measure;
  widget_class->size_allocate = cwa_topology_card_size_allocate;

  gtk_widget_class_install_action (widget_class, "card.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "card.menu", NULL, menu_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "card.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "card.edit", NULL);

  gtk_widget_class_set_css_name (widget_class, "topology-card");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
cwa_topology_card_init (CwaTopologyCard *self)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *certificate_row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *role = gtk_label_new ("SSL");
  GtkGesture *click = gtk_gesture_click_new ();
  GtkDragSource *source = gtk_drag_source_new ();

  self->content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_parent (self->content, GTK_WIDGET (self));
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "card");
  gtk_widget_add_css_class (GTK_WIDGET (self), "topology-virtual-server");

  self->status_image = gtk_image_new ();
  self->host_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->host_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (self->host_label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_set_hexpand (self->host_label, TRUE);
  gtk_widget_add_css_class (self->host_label, "heading");
  self->badge = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->badge, "topology-badge");
  gtk_widget_add_css_class (self->badge, "caption-heading");
  gtk_widget_set_valign (self->badge, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (header), self->status_image);
  gtk_box_append (GTK_BOX (header), self->host_label);
  gtk_box_append (GTK_BOX (header), self->badge);
  gtk_box_append (GTK_BOX (self->content), header);

  self->listen_label = _cwa_topology_caption_label ();
  gtk_widget_add_css_class (self->listen_label, "dim-label");
  gtk_box_append (GTK_BOX (self->content), self->listen_label);

  gtk_widget_add_css_class (role, "role-badge");
  gtk_widget_add_css_class (role, "caption-heading");
  self->certificate_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->certificate_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (self->certificate_label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_set_hexpand (self->certificate_label, TRUE);
  gtk_box_append (GTK_BOX (certificate_row), role);
  gtk_box_append (GTK_BOX (certificate_row), self->certificate_label);
  gtk_box_append (GTK_BOX (self->content), certificate_row);

  self->names_label = _cwa_topology_caption_label ();
  gtk_widget_add_css_class (self->names_label, "topology-names");
  gtk_widget_set_visible (self->names_label, FALSE);
  gtk_box_append (GTK_BOX (self->content), self->names_label);

  self->live_badge = _cwa_topology_live_badge_new ();
  gtk_box_append (GTK_BOX (self->content), self->live_badge);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  g_signal_connect (click, "released", G_CALLBACK (released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), self);
  g_signal_connect (source, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (source));

  gtk_widget_set_size_request (self->content, CARD_WIDTH, -1);
}

void
cwa_topology_card_set_live_status (CwaTopologyCard *self,
                                   CwaLiveStatus    status,
                                   GDateTime       *checked_at,
                                   gboolean         stale)
{
  g_return_if_fail (CWA_IS_TOPOLOGY_CARD (self));

  cwa_ui_live_badge_update (GTK_LABEL (self->live_badge), status, checked_at, stale);
}

const gchar *
cwa_topology_card_get_live_text (CwaTopologyCard *self)
{
  g_return_val_if_fail (CWA_IS_TOPOLOGY_CARD (self), NULL);

  return gtk_widget_get_visible (self->live_badge) ? gtk_label_get_text (GTK_LABEL (self->live_badge)) : NULL;
}

GtkWidget *
cwa_topology_card_new (CwaVirtualServer *virtual_server)
{
  CwaTopologyCard *self;

  g_return_val_if_fail (CWA_IS_VIRTUAL_SERVER (virtual_server), NULL);

  self = g_object_new (CWA_TYPE_TOPOLOGY_CARD, NULL);
  self->virtual_server = g_object_ref (virtual_server);
  cwa_topology_item_add_drop_target (CWA_TOPOLOGY_ITEM (self), GTK_WIDGET (self), G_OBJECT (virtual_server));
  cwa_topology_item_add_menu (CWA_TOPOLOGY_ITEM (self), GTK_WIDGET (self), G_OBJECT (virtual_server));
  return GTK_WIDGET (self);
}

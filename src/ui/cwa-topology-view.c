/* cwa-topology-view.c: computers as boxes holding their virtual servers, each with its certificate; drop to assign. */
#include "config.h"

#include <glib/gi18n.h>

#include "cwa-cert-loader.h"
#include "cwa-topology-view.h"
#include "cwa-ui-util.h"

struct _CwaTopologyView
{
  GtkWidget     parent_instance;

  CwaPlan      *plan;
  CwaChecklist *checklist;
  gulong        changed_id;
  gulong        updated_id;
  GCancellable *cancellable;

  GtkWidget    *scroller;
  GtkBox       *content;
};

enum {
  PROP_0,
  PROP_PLAN,
  PROP_CHECKLIST,
  N_PROPS
};

enum {
  ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CwaTopologyView, cwa_topology_view, GTK_TYPE_WIDGET)

gboolean
cwa_topology_view_assign (CwaTopologyView *self,
                          gpointer         subject,
                          CwaCertificate  *certificate)
{
  g_return_val_if_fail (CWA_IS_TOPOLOGY_VIEW (self), FALSE);
  g_return_val_if_fail (CWA_IS_CERTIFICATE (certificate), FALSE);

  if (CWA_IS_SERVER (subject))
    cwa_server_set_mtls_certificate (subject, certificate);
  else if (CWA_IS_VIRTUAL_SERVER (subject))
    cwa_virtual_server_set_ssl_certificate (subject, certificate);
  else
    return FALSE;
  return TRUE;
}

/* A certificate file dropped on a box: loaded off the main thread, added to
 * the plan, then assigned. */

typedef struct
{
  CwaTopologyView *self;
  GObject         *subject;
} FileDrop;

static void
file_loaded_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  FileDrop *drop = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) certificates = cwa_cert_loader_load_file_finish (result, &error);

  if (certificates != NULL && drop->self->plan != NULL)
    {
      CwaCertificate *primary = cwa_cert_loader_pick_primary (certificates);
      CwaCertificate *entry = cwa_plan_add_certificate (drop->self->plan, primary);

      for (guint i = 0; i < certificates->len; i++)
        if (g_ptr_array_index (certificates, i) != (gpointer) primary)
          cwa_plan_add_chain_certificate (drop->self->plan, g_ptr_array_index (certificates, i));
      cwa_topology_view_assign (drop->self, drop->subject, entry);
    }
  else if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree gchar *escaped = g_markup_escape_text (error->message, -1);

      cwa_ui_show_toast (GTK_WIDGET (drop->self), escaped);
    }

  g_object_unref (drop->self);
  g_object_unref (drop->subject);
  g_free (drop);
}

static gboolean
box_drop_cb (GtkDropTarget *target,
             const GValue  *value,
             gdouble        x,
             gdouble        y,
             GtkWidget     *box)
{
  CwaTopologyView *self = CWA_TOPOLOGY_VIEW (gtk_widget_get_ancestor (box, CWA_TYPE_TOPOLOGY_VIEW));
  GObject *subject = g_object_get_data (G_OBJECT (box), "cwa-subject");

  if (self == NULL || subject == NULL)
    return FALSE;

  if (G_VALUE_HOLDS (value, CWA_TYPE_CERTIFICATE))
    return cwa_topology_view_assign (self, subject, g_value_get_object (value));

  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      GSList *files = gdk_file_list_get_files (g_value_get_boxed (value));
      FileDrop *drop;

      if (files == NULL)
        return FALSE;
      /* One role, one certificate: the first file is the one assigned. */
      drop = g_new0 (FileDrop, 1);
      drop->self = g_object_ref (self);
      drop->subject = g_object_ref (subject);
      cwa_cert_loader_load_file_async (files->data, NULL, self->cancellable, file_loaded_cb, drop);
      g_slist_free (files);
      return TRUE;
    }
  return FALSE;
}

static void
box_clicked_cb (GtkGestureClick *gesture,
                gint             n_press,
                gdouble          x,
                gdouble          y,
                GtkWidget       *box)
{
  CwaTopologyView *self = CWA_TOPOLOGY_VIEW (gtk_widget_get_ancestor (box, CWA_TYPE_TOPOLOGY_VIEW));
  GObject *subject = g_object_get_data (G_OBJECT (box), "cwa-subject");

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  if (self != NULL && subject != NULL)
    g_signal_emit (self, signals[ACTIVATED], 0, subject);
}

static void
make_drop_zone (GtkWidget *box,
                GObject   *subject)
{
  GType types[] = { CWA_TYPE_CERTIFICATE, GDK_TYPE_FILE_LIST };
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  GtkGesture *click = gtk_gesture_click_new ();

  g_object_set_data_full (G_OBJECT (box), "cwa-subject", g_object_ref (subject), g_object_unref);
  gtk_drop_target_set_gtypes (target, types, G_N_ELEMENTS (types));
  g_signal_connect (target, "drop", G_CALLBACK (box_drop_cb), box);
  gtk_widget_add_controller (box, GTK_EVENT_CONTROLLER (target));
  g_signal_connect (click, "released", G_CALLBACK (box_clicked_cb), box);
  gtk_widget_add_controller (box, GTK_EVENT_CONTROLLER (click));
}

/* The certificate line of a box: "SSL: im.contoso.com" with its status. */
static GtkWidget *
make_link (CwaTopologyView *self,
           const gchar     *role,
           CwaCertificate  *certificate)
{
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon = gtk_image_new_from_icon_name ("mail-attachment-symbolic");
  GtkWidget *role_label = gtk_label_new (role);
  GtkWidget *name = gtk_label_new (certificate != NULL ? cwa_certificate_get_display_name (certificate)
                                                       : _("no certificate — drop one here"));
  GtkWidget *status = gtk_image_new ();

  gtk_widget_add_css_class (role_label, "role-badge");
  gtk_widget_add_css_class (role_label, "caption-heading");
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_set_hexpand (name, TRUE);
  if (certificate == NULL)
    gtk_widget_add_css_class (name, "dim-label");
  gtk_widget_set_margin_start (line, 12);
  gtk_box_append (GTK_BOX (line), icon);
  gtk_box_append (GTK_BOX (line), role_label);
  gtk_box_append (GTK_BOX (line), name);
  gtk_box_append (GTK_BOX (line), status);
  if (certificate != NULL)
    cwa_ui_status_apply (GTK_IMAGE (status), cwa_ui_status_for_subject (self->checklist, certificate));
  return line;
}

static const gchar *
status_class (CwaUiStatus status)
{
  switch (status)
    {
    case CWA_UI_STATUS_ERROR:
      return "topology-error";
    case CWA_UI_STATUS_WARNING:
      return "topology-warning";
    case CWA_UI_STATUS_PASS:
      return "topology-ok";
    case CWA_UI_STATUS_INFO:
    case CWA_UI_STATUS_NONE:
    default:
      return NULL;
    }
}

static GtkWidget *
make_heading (const gchar *icon_name,
              const gchar *text,
              const gchar *detail,
              CwaUiStatus  status)
{
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *image = gtk_image_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (line), gtk_image_new_from_icon_name (icon_name));
  gtk_box_append (GTK_BOX (line), label);
  if (detail != NULL)
    {
      GtkWidget *detail_label = gtk_label_new (detail);

      gtk_widget_add_css_class (detail_label, "dim-label");
      gtk_widget_add_css_class (detail_label, "caption");
      gtk_box_append (GTK_BOX (line), detail_label);
    }
  gtk_box_append (GTK_BOX (line), image);
  cwa_ui_status_apply (GTK_IMAGE (image), status);
  return line;
}

static void
rebuild (CwaTopologyView *self)
{
  GtkWidget *child;
  GListModel *servers;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->content))) != NULL)
    gtk_box_remove (self->content, child);
  if (self->plan == NULL)
    return;

  servers = cwa_deployment_get_servers (cwa_plan_get_deployment (self->plan));
  for (guint s = 0; s < g_list_model_get_n_items (servers); s++)
    {
      g_autoptr(CwaServer) server = g_list_model_get_item (servers, s);
      GListModel *vss = cwa_server_get_virtual_servers (server);
      CwaUiStatus server_status = cwa_ui_status_for_subject (self->checklist, server);
      GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *header = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      const gchar *css = status_class (server_status);

      gtk_widget_add_css_class (card, "card");
      gtk_widget_add_css_class (card, "topology-computer");
      if (css != NULL)
        gtk_widget_add_css_class (card, css);
      gtk_box_append (GTK_BOX (header), make_heading ("computer-symbolic", cwa_server_get_fqdn (server), NULL, server_status));
      gtk_box_append (GTK_BOX (header), make_link (self, "MTLS", cwa_server_get_mtls_certificate (server)));
      make_drop_zone (header, G_OBJECT (server));
      gtk_box_append (GTK_BOX (card), header);

      for (guint v = 0; v < g_list_model_get_n_items (vss); v++)
        {
          g_autoptr(CwaVirtualServer) vs = g_list_model_get_item (vss, v);
          CwaUiStatus vs_status = cwa_ui_status_for_subject (self->checklist, vs);
          GtkWidget *inner = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
          const gchar *vs_css = status_class (vs_status);

          gtk_widget_set_margin_start (inner, 12);
          gtk_widget_add_css_class (inner, "card");
          gtk_widget_add_css_class (inner, "topology-virtual-server");
          if (vs_css != NULL)
            gtk_widget_add_css_class (inner, vs_css);
          gtk_box_append (GTK_BOX (inner),
                          make_heading ("network-workgroup-symbolic", cwa_virtual_server_get_host (vs),
                                        cwa_virtual_server_get_audience (vs) == CWA_AUDIENCE_EXTERNAL
                                          ? _("External") : _("Internal"),
                                        vs_status));
          gtk_box_append (GTK_BOX (inner), make_link (self, "SSL", cwa_virtual_server_get_ssl_certificate (vs)));
          make_drop_zone (inner, G_OBJECT (vs));
          gtk_box_append (GTK_BOX (card), inner);
        }
      gtk_box_append (self->content, card);
    }
}

void
cwa_topology_view_set_plan (CwaTopologyView *self,
                            CwaPlan         *plan)
{
  g_return_if_fail (CWA_IS_TOPOLOGY_VIEW (self));
  g_return_if_fail (plan == NULL || CWA_IS_PLAN (plan));

  if (self->plan == plan)
    return;

  if (self->plan != NULL)
    g_clear_signal_handler (&self->changed_id, self->plan);
  g_set_object (&self->plan, plan);
  if (plan != NULL)
    self->changed_id = g_signal_connect_object (plan, "changed", G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);
  rebuild (self);
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

  if (self->checklist != NULL)
    g_clear_signal_handler (&self->updated_id, self->checklist);
  g_set_object (&self->checklist, checklist);
  if (checklist != NULL)
    self->updated_id = g_signal_connect_object (checklist, "updated", G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECKLIST]);
}

static void
cwa_topology_view_dispose (GObject *object)
{
  CwaTopologyView *self = CWA_TOPOLOGY_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  cwa_topology_view_set_plan (self, NULL);
  cwa_topology_view_set_checklist (self, NULL);
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
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ACTIVATED] =
    g_signal_new ("activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_OBJECT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/cwacertplanner/CertPlanner/cwa-topology-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CwaTopologyView, scroller);
  gtk_widget_class_bind_template_child (widget_class, CwaTopologyView, content);
}

static void
cwa_topology_view_init (CwaTopologyView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

GtkWidget *
cwa_topology_view_new (void)
{
  return g_object_new (CWA_TYPE_TOPOLOGY_VIEW, NULL);
}

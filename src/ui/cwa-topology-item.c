/* cwa-topology-item.c: what every box and card of the topology view tells the view: activated, assign, files dropped. */
#include "config.h"

#include "cwa-topology-item.h"

enum {
  ACTIVATED,
  ASSIGN,
  LOAD_FILES,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_INTERFACE (CwaTopologyItem, cwa_topology_item, GTK_TYPE_WIDGET)

static void
cwa_topology_item_default_init (CwaTopologyItemInterface *iface)
{
  signals[ACTIVATED] =
    g_signal_new ("activated", G_TYPE_FROM_INTERFACE (iface), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_OBJECT);
  signals[ASSIGN] =
    g_signal_new ("assign", G_TYPE_FROM_INTERFACE (iface), G_SIGNAL_RUN_LAST, 0,
                  g_signal_accumulator_first_wins, NULL, NULL,
                  G_TYPE_BOOLEAN, 2, G_TYPE_OBJECT, CWA_TYPE_CERTIFICATE);
  signals[LOAD_FILES] =
    g_signal_new ("load-files", G_TYPE_FROM_INTERFACE (iface), G_SIGNAL_RUN_LAST, 0,
                  g_signal_accumulator_first_wins, NULL, NULL,
                  G_TYPE_BOOLEAN, 2, G_TYPE_OBJECT, GDK_TYPE_FILE_LIST);
}

void
cwa_topology_item_activated (CwaTopologyItem *self,
                             GObject         *subject)
{
  g_return_if_fail (CWA_IS_TOPOLOGY_ITEM (self));
  g_return_if_fail (G_IS_OBJECT (subject));

  g_signal_emit (self, signals[ACTIVATED], 0, subject);
}

gboolean
cwa_topology_item_assign (CwaTopologyItem *self,
                          GObject         *subject,
                          CwaCertificate  *certificate)
{
  gboolean assigned = FALSE;

  g_return_val_if_fail (CWA_IS_TOPOLOGY_ITEM (self), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (subject), FALSE);
  g_return_val_if_fail (certificate == NULL || CWA_IS_CERTIFICATE (certificate), FALSE);

  g_signal_emit (self, signals[ASSIGN], 0, subject, certificate, &assigned);
  return assigned;
}

gboolean
cwa_topology_item_load_files (CwaTopologyItem *self,
                              GObject         *subject,
                              GdkFileList     *files)
{
  gboolean taken = FALSE;

  g_return_val_if_fail (CWA_IS_TOPOLOGY_ITEM (self), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (subject), FALSE);
  g_return_val_if_fail (files != NULL, FALSE);

  g_signal_emit (self, signals[LOAD_FILES], 0, subject, files, &taken);
  return taken;
}

static void
forward_activated_cb (CwaTopologyItem *child,
                      GObject         *subject,
                      CwaTopologyItem *self)
{
  cwa_topology_item_activated (self, subject);
}

static gboolean
forward_assign_cb (CwaTopologyItem *child,
                   GObject         *subject,
                   CwaCertificate  *certificate,
                   CwaTopologyItem *self)
{
  return cwa_topology_item_assign (self, subject, certificate);
}

static gboolean
forward_load_files_cb (CwaTopologyItem *child,
                       GObject         *subject,
                       GdkFileList     *files,
                       CwaTopologyItem *self)
{
  return cwa_topology_item_load_files (self, subject, files);
}

void
cwa_topology_item_forward (CwaTopologyItem *self,
                           CwaTopologyItem *child)
{
  g_return_if_fail (CWA_IS_TOPOLOGY_ITEM (self));
  g_return_if_fail (CWA_IS_TOPOLOGY_ITEM (child));

  g_signal_connect_object (child, "activated", G_CALLBACK (forward_activated_cb), self, 0);
  g_signal_connect_object (child, "assign", G_CALLBACK (forward_assign_cb), self, 0);
  g_signal_connect_object (child, "load-files", G_CALLBACK (forward_load_files_cb), self, 0);
}

/* The drop target: a certificate dragged from the inspector, or files. */

static gboolean
target_drop_cb (GtkDropTarget   *target,
                const GValue    *value,
                gdouble          x,
                gdouble          y,
                CwaTopologyItem *self)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  GObject *subject = g_object_get_data (G_OBJECT (widget), "cwa-subject");

  /* GTK emits no "leave" after a drop: undo what "enter" did here. */
  gtk_widget_remove_css_class (widget, "topology-drop-over");
  if (subject == NULL)
    return FALSE;

  if (G_VALUE_HOLDS (value, CWA_TYPE_CERTIFICATE))
    return g_value_get_object (value) != NULL &&
           cwa_topology_item_assign (self, subject, g_value_get_object (value));
  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST) && g_value_get_boxed (value) != NULL)
    return cwa_topology_item_load_files (self, subject, g_value_get_boxed (value));
  return FALSE;
}

static GdkDragAction
target_enter_cb (GtkDropTarget *target,
                 gdouble        x,
                 gdouble        y,
                 gpointer       user_data)
{
  gtk_widget_add_css_class (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target)), "topology-drop-over");
  return GDK_ACTION_COPY;
}

static void
target_leave_cb (GtkDropTarget *target,
                 gpointer       user_data)
{
  gtk_widget_remove_css_class (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target)), "topology-drop-over");
}

void
cwa_topology_item_add_drop_target (CwaTopologyItem *self,
                                   GtkWidget       *widget,
                                   GObject         *subject)
{
  GType types[] = { CWA_TYPE_CERTIFICATE, GDK_TYPE_FILE_LIST };
  GtkDropTarget *target;

  g_return_if_fail (CWA_IS_TOPOLOGY_ITEM (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (G_IS_OBJECT (subject));

  target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  g_object_set_data_full (G_OBJECT (widget), "cwa-subject", g_object_ref (subject), g_object_unref);
  gtk_drop_target_set_gtypes (target, types, G_N_ELEMENTS (types));
  /* @widget is @self or inside it: the target dies with @self. */
  g_signal_connect (target, "drop", G_CALLBACK (target_drop_cb), self);
  g_signal_connect (target, "enter", G_CALLBACK (target_enter_cb), NULL);
  g_signal_connect (target, "leave", G_CALLBACK (target_leave_cb), NULL);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (target));
}

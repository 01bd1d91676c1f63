/* cwa-topology-item.c: what every box and card of the topology view tells the view: activated, assign, files dropped. */
#include "config.h"

#include "cwa-topology-item.h"
#include "cwa-ui-util.h"

enum {
  ACTIVATED,
  ASSIGN,
  LOAD_FILES,
  MENU,
  N_SIGNALS
};

#define MENU_KEY "cwa-topology-menu"
#define SUBJECT_KEY "cwa-topology-subject"

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
  /* A pointer, not a GMenuModel: the handler's reference passes to the
   * emitter as it is. */
  signals[MENU] =
    g_signal_new ("menu", G_TYPE_FROM_INTERFACE (iface), G_SIGNAL_RUN_LAST, 0,
                  g_signal_accumulator_first_wins, NULL, NULL,
                  G_TYPE_POINTER, 1, G_TYPE_OBJECT);
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

/* Activating: a click, or Return or Space. */

static void
activate_action (GtkWidget   *widget,
                 const gchar *action_name,
                 GVariant    *parameter)
{
  GObject *subject = g_object_get_data (G_OBJECT (widget), SUBJECT_KEY);

  if (subject != NULL)
    cwa_topology_item_activated (CWA_TOPOLOGY_ITEM (widget), subject);
}

static void
activate_released_cb (GtkGestureClick *gesture,
                      gint             n_press,
                      gdouble          x,
                      gdouble          y,
                      CwaTopologyItem *self)
{
  activate_action (GTK_WIDGET (self), NULL, NULL);
}

void
cwa_topology_item_class_add_activate (GtkWidgetClass *widget_class,
                                      const gchar    *action_name)
{
  g_return_if_fail (GTK_IS_WIDGET_CLASS (widget_class));
  g_return_if_fail (action_name != NULL);

  gtk_widget_class_install_action (widget_class, action_name, NULL, activate_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, action_name, NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, action_name, NULL);
}

void
cwa_topology_item_add_activate (CwaTopologyItem *self,
                                GtkWidget       *widget,
                                GObject         *subject)
{
  GtkGesture *click = gtk_gesture_click_new ();

  g_return_if_fail (CWA_IS_TOPOLOGY_ITEM (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (G_IS_OBJECT (subject));

  g_object_set_data_full (G_OBJECT (self), SUBJECT_KEY, g_object_ref (subject), g_object_unref);
  g_signal_connect (click, "released", G_CALLBACK (activate_released_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (click));
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

static gpointer
forward_menu_cb (CwaTopologyItem *child,
                 GObject         *subject,
                 CwaTopologyItem *self)
{
  gpointer menu = NULL;

  g_signal_emit (self, signals[MENU], 0, subject, &menu);
  return menu;
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
  g_signal_connect_object (child, "menu", G_CALLBACK (forward_menu_cb), self, 0);
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

/* The context menu. */

/* Shows the menu once the frame that brings its item into view is laid
 * out (a tick is before the layout, so the second tick): shown before, it
 * would be placed by where the item was, perhaps scrolled off every
 * monitor (which GDK's X11 backend rejects). */
static gboolean
popup_tick_cb (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       user_data)
{
  GtkWidget *popover = user_data;
  /* 1 + the ticks seen; NULL: no popup pending. */
  guint ticks = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (popover), "cwa-ticks"));

  g_object_set_data (G_OBJECT (popover), "cwa-ticks", GUINT_TO_POINTER (ticks + 1));
  if (ticks < 2)
    return G_SOURCE_CONTINUE;
  g_object_set_data (G_OBJECT (popover), "cwa-ticks", NULL);
  if (gtk_widget_get_parent (popover) == widget)
    gtk_popover_popup (GTK_POPOVER (popover));
  return G_SOURCE_REMOVE;
}

gboolean
cwa_topology_item_popup_menu (CwaTopologyItem *self,
                              GObject         *subject,
                              double           x,
                              double           y)
{
  g_autoptr(GMenuModel) model = NULL;
  GtkWidget *popover;

  g_return_val_if_fail (CWA_IS_TOPOLOGY_ITEM (self), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (subject), FALSE);

  g_signal_emit (self, signals[MENU], 0, subject, &model);
  if (model == NULL)
    return FALSE;
  popover = g_object_get_data (G_OBJECT (self), MENU_KEY);
  if (popover == NULL)
    {
      popover = gtk_popover_menu_new_from_model (NULL);
      gtk_widget_set_parent (popover, GTK_WIDGET (self));
      gtk_popover_set_has_arrow (GTK_POPOVER (popover), FALSE);
      gtk_widget_set_halign (popover, GTK_ALIGN_START);
      g_object_set_data (G_OBJECT (self), MENU_KEY, popover);
    }
  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (popover), model);
  if (x >= 0)
    gtk_popover_set_pointing_to (GTK_POPOVER (popover), &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  else
    gtk_popover_set_pointing_to (GTK_POPOVER (popover), NULL);
  /* From the keyboard the item may be scrolled out of sight. */
  cwa_ui_scroll_into_view (GTK_WIDGET (self));
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return TRUE;
  if (g_object_get_data (G_OBJECT (popover), "cwa-ticks") == NULL)
    {
      g_object_set_data (G_OBJECT (popover), "cwa-ticks", GUINT_TO_POINTER (1));
      gtk_widget_add_tick_callback (GTK_WIDGET (self), popup_tick_cb, g_object_ref (popover), g_object_unref);
    }
  return TRUE;
}

GtkWidget *
cwa_topology_item_get_menu (CwaTopologyItem *self)
{
  g_return_val_if_fail (CWA_IS_TOPOLOGY_ITEM (self), NULL);

  return g_object_get_data (G_OBJECT (self), MENU_KEY);
}

void
cwa_topology_item_present_menu (CwaTopologyItem *self)
{
  GtkWidget *popover;

  g_return_if_fail (CWA_IS_TOPOLOGY_ITEM (self));

  /* A popover child is a native of its own: it is placed, not allocated. */
  popover = g_object_get_data (G_OBJECT (self), MENU_KEY);
  if (popover != NULL)
    gtk_popover_present (GTK_POPOVER (popover));
}

void
cwa_topology_item_dispose_menu (CwaTopologyItem *self)
{
  GtkWidget *popover;

  g_return_if_fail (CWA_IS_TOPOLOGY_ITEM (self));

  popover = g_object_steal_data (G_OBJECT (self), MENU_KEY);
  if (popover != NULL)
    gtk_widget_unparent (popover);
}

static void
menu_pressed_cb (GtkGestureClick *gesture,
                 gint             n_press,
                 gdouble          x,
                 gdouble          y,
                 CwaTopologyItem *self)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  GObject *subject = g_object_get_data (G_OBJECT (gesture), "cwa-subject");
  graphene_point_t point;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  if (gtk_widget_get_focusable (widget))
    gtk_widget_grab_focus (widget);
  if (!gtk_widget_compute_point (widget, GTK_WIDGET (self), &GRAPHENE_POINT_INIT (x, y), &point))
    point = GRAPHENE_POINT_INIT (-1, -1);
  cwa_topology_item_popup_menu (self, subject, point.x, point.y);
}

static gboolean
menu_key_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  GObject *subject = g_object_get_data (G_OBJECT (widget), "cwa-menu-subject");

  return subject != NULL && cwa_topology_item_popup_menu (CWA_TOPOLOGY_ITEM (user_data), subject, -1, -1);
}

void
cwa_topology_item_add_menu (CwaTopologyItem *self,
                            GtkWidget       *widget,
                            GObject         *subject)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *keys = gtk_shortcut_controller_new ();
  GtkShortcutAction *action;

  g_return_if_fail (CWA_IS_TOPOLOGY_ITEM (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (G_IS_OBJECT (subject));

  /* @widget is @self or inside it: the controllers die with @self. */
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_object_set_data_full (G_OBJECT (click), "cwa-subject", g_object_ref (subject), g_object_unref);
  g_signal_connect (click, "pressed", G_CALLBACK (menu_pressed_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (click));

  g_object_set_data_full (G_OBJECT (widget), "cwa-menu-subject", g_object_ref (subject), g_object_unref);
  action = gtk_callback_action_new (menu_key_cb, self, NULL);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Menu, 0),
                                                          g_object_ref (action)));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_F10, GDK_SHIFT_MASK),
                                                          action));
  gtk_widget_add_controller (widget, keys);
}

GtkWidget *
cwa_topology_item_new_title (const gchar  *accessible_name,
                             const gchar  *icon_name,
                             GtkWidget    *status,
                             GtkWidget   **fqdn_label)
{
  GtkWidget *title;
  GtkWidget *heading = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);

  g_return_val_if_fail (fqdn_label != NULL, NULL);

  /* A group, since a generic element may not carry a name. */
  title = g_object_new (GTK_TYPE_BOX,
                        "orientation", GTK_ORIENTATION_VERTICAL,
                        "spacing", 4,
                        "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP,
                        "focusable", TRUE,
                        NULL);
  gtk_widget_add_css_class (title, "topology-title");
  gtk_accessible_update_property (GTK_ACCESSIBLE (title), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_name, -1);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "title-4");
  gtk_box_append (GTK_BOX (heading), gtk_image_new_from_icon_name (icon_name));
  gtk_box_append (GTK_BOX (heading), label);
  if (status != NULL)
    gtk_box_append (GTK_BOX (heading), status);
  gtk_box_append (GTK_BOX (title), heading);
  *fqdn_label = label;
  return title;
}

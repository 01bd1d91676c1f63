/* cwa-topology-item.h: what every box and card of the topology view tells the view: activated, assign, files dropped. */
#pragma once

#include <gtk/gtk.h>

#include "cwa-certificate.h"

G_BEGIN_DECLS

#define CWA_TYPE_TOPOLOGY_ITEM (cwa_topology_item_get_type ())

G_DECLARE_INTERFACE (CwaTopologyItem, cwa_topology_item, CWA, TOPOLOGY_ITEM, GtkWidget)

struct _CwaTopologyItemInterface
{
  GTypeInterface parent_iface;
};

/* Signals, all carrying the plan object they are about (a CwaServer,
 * CwaVirtualServer, CwaLoadBalancer or CwaPublishingRule), so that a box
 * re-emits its cards' signals as they are:
 *
 * "activated" (GObject *subject): the user asked to edit @subject.
 * "assign" (GObject *subject, CwaCertificate *certificate) -> gboolean:
 *   a certificate (NULL: none) was dropped or chosen for @subject's role;
 *   the handler returns whether it was assigned.
 * "load-files" (GObject *subject, GdkFileList *files) -> gboolean:
 *   certificate files were dropped on @subject; the handler loads them and
 *   assigns the best fit, returning whether it took them.
 * "menu" (GObject *subject) -> gpointer: the context menu of @subject is
 *   asked for; the handler returns it (a GMenuModel, transfer full) or
 *   NULL for none.  Its actions are looked up from the item upwards.
 *
 * Nothing in an item knows the view: the view connects to these. */

void     cwa_topology_item_activated        (CwaTopologyItem *self,
                                             GObject         *subject);
gboolean cwa_topology_item_assign           (CwaTopologyItem *self,
                                             GObject         *subject,
                                             CwaCertificate  *certificate);
gboolean cwa_topology_item_load_files       (CwaTopologyItem *self,
                                             GObject         *subject,
                                             GdkFileList     *files);
/* Installs @action_name on @widget_class (an item's), bound to Return and
 * Space: it emits "activated" for the subject given to
 * cwa_topology_item_add_activate().  Cards and titles inside the item
 * that take these keys themselves take them before they bubble here. */
void     cwa_topology_item_class_add_activate (GtkWidgetClass *widget_class,
                                               const gchar    *action_name);
/* Makes @subject the one @self activates, and a click on @widget (@self
 * or its title) activate it. */
void     cwa_topology_item_add_activate     (CwaTopologyItem *self,
                                             GtkWidget       *widget,
                                             GObject         *subject);
/* The title of a computer's or a reverse proxy's item: a focusable group
 * named @accessible_name, its first row the icon @icon_name, an FQDN
 * label (ellipsized in the middle, returned in @fqdn_label) and, when
 * @status is not NULL, that widget.  The caller appends its other rows
 * and adds the title to its item.  Returns a new floating widget. */
GtkWidget *cwa_topology_item_new_title      (const gchar     *accessible_name,
                                             const gchar     *icon_name,
                                             GtkWidget       *status,
                                             GtkWidget      **fqdn_label);
/* Re-emits every signal of @child on @self: a box passes its cards' on. */
void     cwa_topology_item_forward          (CwaTopologyItem *self,
                                             CwaTopologyItem *child);
/* Adds to @widget (@self or a part of it) a drop target for certificates
 * and certificate files: a drop emits "assign" or "load-files" on @self
 * for @subject.  @widget carries @subject as its "cwa-subject" data. */
void     cwa_topology_item_add_drop_target  (CwaTopologyItem *self,
                                             GtkWidget       *widget,
                                             GObject         *subject);

/* Gives @self a context menu for @subject, opened by a right click on
 * @widget (@self or a part of it) and by Menu or Shift+F10 with the focus
 * in @widget: a GtkPopoverMenu child of @self showing what "menu"
 * returns.  Call cwa_topology_item_dispose_menu() from @self's dispose. */
void       cwa_topology_item_add_menu       (CwaTopologyItem *self,
                                             GtkWidget       *widget,
                                             GObject         *subject);
/* Opens @subject's context menu pointing at (@x, @y) in @self's
 * coordinates, or, from the keyboard (@x < 0), at @self, scrolled into
 * view: shown after the next frame is drawn.  FALSE when there is none. */
gboolean   cwa_topology_item_popup_menu     (CwaTopologyItem *self,
                                             GObject         *subject,
                                             double           x,
                                             double           y);
/* The context menu's GtkPopoverMenu once opened, else NULL (borrowed). */
GtkWidget *cwa_topology_item_get_menu       (CwaTopologyItem *self);
/* Keeps the open context menu beside @self: from a size_allocate. */
void       cwa_topology_item_present_menu   (CwaTopologyItem *self);
void       cwa_topology_item_dispose_menu   (CwaTopologyItem *self);

G_END_DECLS

/* cwa-certificate-inspector.c: the centre pane: every loaded certificate as a tree of its fields. */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "cwa-cert-facts.h"
#include "cwa-cert-field.h"
#include "cwa-certificate-inspector.h"
#include "cwa-lazy-fields.h"
#include "cwa-plan-edits.h"
#include "cwa-ui-util.h"
#include "cwa-vs-label.h"

struct _CwaCertificateInspector
{
  GtkWidget           parent_instance;

  CwaPlan            *plan;
  CwaChecklist       *checklist;
  GSignalGroup       *checklist_signals;
  GSignalGroup       *certificates_signals;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  GtkTreeListModel   *tree_model;
  GtkSingleSelection *selection;
  GHashTable         *bound_rows;
  GtkWidget          *context_menu;

  GtkWidget          *box;
  GtkSearchEntry     *search_entry;
  GtkStack           *stack;
  GtkColumnView      *column_view;
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *value_column;
};

enum {
  PROP_0,
  PROP_PLAN,
  PROP_CHECKLIST,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CwaCertificateInspector, cwa_certificate_inspector, GTK_TYPE_WIDGET)

/* Search. */

static gboolean
contains (const gchar *haystack,
          const gchar *needle)
{
  g_autofree gchar *folded = NULL;

  if (haystack == NULL)
    return FALSE;
  folded = g_utf8_casefold (haystack, -1);
  return strstr (folded, needle) != NULL;
}

/* Fingerprints match with or without their colons. */
static gboolean
fingerprint_contains (const gchar *fingerprint,
                      const gchar *needle)
{
  g_autoptr(GString) bare = NULL;

  if (fingerprint == NULL)
    return FALSE;
  bare = g_string_new (fingerprint);
  g_string_replace (bare, ":", "", 0);
  return contains (fingerprint, needle) || contains (bare->str, needle);
}

/* Whether a text or list fact of cwa-cert-facts.c holds @needle. */
static gboolean
fact_contains (const CwaCertFact *fact,
               CwaCertificate    *certificate,
               const gchar       *needle)
{
  const gchar * const *entries;

  if (fact->kind == CWA_CERT_FACT_TEXT)
    return (fact->flags & CWA_CERT_FACT_LITERAL) != 0
           ? fingerprint_contains (cwa_cert_fact_get_text (fact, certificate), needle)
           : contains (cwa_cert_fact_get_text (fact, certificate), needle);
  if (fact->kind != CWA_CERT_FACT_LIST)
    return FALSE;

  entries = cwa_cert_fact_get_list (fact, certificate);
  for (guint i = 0; entries != NULL && entries[i] != NULL; i++)
    if (contains (entries[i], needle))
      return TRUE;
  return FALSE;
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  CwaCertificateInspector *self = user_data;
  CwaCertificate *certificate = item;
  const gchar *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree gchar *needle = NULL;
  guint n_facts = 0;
  const CwaCertFact *facts = cwa_cert_facts_get (&n_facts);

  if (text == NULL || *text == '\0')
    return TRUE;

  needle = g_utf8_casefold (text, -1);
  if (contains (cwa_certificate_get_id (certificate), needle))
    return TRUE;
  for (guint i = 0; i < n_facts; i++)
    if (fact_contains (&facts[i], certificate, needle))
      return TRUE;
  return FALSE;
}

static void
update_stack (CwaCertificateInspector *self)
{
  guint n_all = self->plan != NULL ? g_list_model_get_n_items (cwa_plan_get_certificates (self->plan)) : 0;
  guint n_shown = self->filtered != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) : 0;

  if (n_all == 0)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else if (n_shown == 0)
    gtk_stack_set_visible_child_name (self->stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->stack, "list");
}

static void
search_changed_cb (CwaCertificateInspector *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_stack (self);
}

void
cwa_certificate_inspector_focus_search (CwaCertificateInspector *self)
{
  g_return_if_fail (CWA_IS_CERTIFICATE_INSPECTOR (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Rows. */

static GListModel *
create_children_cb (gpointer item,
                    gpointer user_data)
{
  CwaCertificateInspector *self = user_data;

  /* Lazy: called on every bind just to learn whether the row expands. */
  if (CWA_IS_CERTIFICATE (item))
    return cwa_lazy_fields_new (item, self->checklist);
  if (CWA_IS_CERT_FIELD (item) && cwa_cert_field_get_children (item) != NULL)
    return g_object_ref (cwa_cert_field_get_children (item));
  return NULL;
}

static GtkWidget *
make_badge (const gchar *text,
            const gchar *tooltip)
{
  GtkWidget *badge = gtk_label_new (text);

  gtk_widget_add_css_class (badge, "role-badge");
  gtk_widget_add_css_class (badge, "caption-heading");
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (badge, tooltip);
  return badge;
}

static void
refresh_name_cell (CwaCertificateInspector *self,
                   GtkWidget               *box)
{
  GObject *item = g_object_get_data (G_OBJECT (box), "cwa-item");
  GtkWidget *status = g_object_get_data (G_OBJECT (box), "cwa-status");
  GtkWidget *label = g_object_get_data (G_OBJECT (box), "cwa-label");
  GtkWidget *badges = g_object_get_data (G_OBJECT (box), "cwa-badges");
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (badges)) != NULL)
    gtk_box_remove (GTK_BOX (badges), child);

  if (CWA_IS_CERTIFICATE (item))
    {
      CwaCertificate *certificate = CWA_CERTIFICATE (item);
      g_auto(GStrv) roles = NULL;
      g_autofree gchar *tooltip = NULL;

      gtk_label_set_text (GTK_LABEL (label), cwa_certificate_get_display_name (certificate));
      gtk_widget_add_css_class (label, "heading");
      gtk_widget_set_visible (status, TRUE);
      cwa_ui_status_apply (GTK_IMAGE (status), cwa_ui_status_for_subject (self->checklist, certificate));

      if (self->plan != NULL)
        roles = cwa_plan_dup_certificate_roles (self->plan, certificate);
      for (guint i = 0; roles != NULL && roles[i] != NULL; i++)
        {
          if (g_str_equal (roles[i], "ssl"))
            gtk_box_append (GTK_BOX (badges), make_badge ("SSL", _("Assigned as an SSL certificate")));
          else if (g_str_equal (roles[i], "mtls"))
            gtk_box_append (GTK_BOX (badges), make_badge ("MTLS", _("Assigned as an MTLS certificate")));
          /* An array's SSL certificate on its load balancer: one SSL badge
           * however many places it serves. */
          else if (g_str_equal (roles[i], "load-balancer") && !g_strv_contains ((const gchar * const *) roles, "ssl"))
            gtk_box_append (GTK_BOX (badges),
                            make_badge ("SSL", _("Assigned to a load balancer that offloads SSL")));
          else if (g_str_equal (roles[i], "reverse-proxy"))
            /* Translators: badge of a certificate assigned to a reverse proxy's listener */
            gtk_box_append (GTK_BOX (badges), make_badge (C_("badge", "Listener"),
                                                          _("Assigned to a reverse proxy's listener")));
        }
      /* Findings name a certificate by its id in the plan: the name says it. */
      tooltip = g_strdup_printf (_("Id in the plan: %s"), cwa_certificate_get_id (certificate));
      if (g_strcmp0 (gtk_widget_get_tooltip_text (label), tooltip) != 0)
        gtk_widget_set_tooltip_text (label, tooltip);
      if (cwa_certificate_is_ca (certificate))
        gtk_box_append (GTK_BOX (badges), make_badge ("CA", _("A certificate authority")));
    }
  else if (CWA_IS_CERT_FIELD (item))
    {
      gtk_label_set_text (GTK_LABEL (label), cwa_cert_field_get_label (CWA_CERT_FIELD (item)));
      if (gtk_widget_get_tooltip_text (label) != NULL)
        gtk_widget_set_tooltip_text (label, NULL);
      gtk_widget_remove_css_class (label, "heading");
      gtk_widget_set_visible (status, FALSE);
    }
}

static void
refresh_all_rows_cb (CwaCertificateInspector *self)
{
  GHashTableIter iter;
  gpointer box;

  g_hash_table_iter_init (&iter, self->bound_rows);
  while (g_hash_table_iter_next (&iter, &box, NULL))
    refresh_name_cell (self, box);
}

/* Rows drag onto the deployment editor to assign their certificate. */
static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 gdouble        x,
                 gdouble        y,
                 GtkWidget     *box)
{
  GObject *item = g_object_get_data (G_OBJECT (box), "cwa-item");
  CwaCertificate *certificate = NULL;

  if (CWA_IS_CERTIFICATE (item))
    certificate = CWA_CERTIFICATE (item);
  else if (CWA_IS_CERT_FIELD (item))
    certificate = cwa_cert_field_get_certificate (CWA_CERT_FIELD (item));
  if (certificate == NULL)
    return NULL;
  return gdk_content_provider_new_typed (CWA_TYPE_CERTIFICATE, certificate);
}

static void
name_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               CwaCertificateInspector  *self)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *status = gtk_image_new ();
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *badges = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), status);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), badges);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), box);
  gtk_list_item_set_child (list_item, expander);

  g_object_set_data (G_OBJECT (box), "cwa-status", status);
  g_object_set_data (G_OBJECT (box), "cwa-label", label);
  g_object_set_data (G_OBJECT (box), "cwa-badges", badges);
  g_object_set_data (G_OBJECT (expander), "cwa-list-item", list_item);

  {
    GtkDragSource *source = gtk_drag_source_new ();

    gtk_drag_source_set_actions (source, GDK_ACTION_COPY);
    g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), box);
    gtk_widget_add_controller (box, GTK_EVENT_CONTROLLER (source));
  }
}

static void
name_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              CwaCertificateInspector  *self)
{
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  GtkWidget *expander = gtk_list_item_get_child (list_item);
  GtkWidget *box = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander));

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), row);
  g_object_set_data_full (G_OBJECT (box), "cwa-item", gtk_tree_list_row_get_item (row), g_object_unref);
  g_hash_table_add (self->bound_rows, box);
  refresh_name_cell (self, box);
}

static void
name_unbind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                CwaCertificateInspector  *self)
{
  GtkWidget *expander = gtk_list_item_get_child (list_item);
  GtkWidget *box = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander));

  g_hash_table_remove (self->bound_rows, box);
  g_object_set_data (G_OBJECT (box), "cwa-item", NULL);
  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), NULL);
}

static void
value_setup_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  g_object_set_data (G_OBJECT (label), "cwa-list-item", list_item);
  /* Long values (names, fingerprints) are ellipsized; the tooltip has all. */
  cwa_ui_set_lazy_tooltip (label);
  gtk_list_item_set_child (list_item, label);
}

static void
value_bind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);
  g_autofree gchar *text = NULL;

  if (CWA_IS_CERTIFICATE (item))
    {
      const gchar *issuer = cwa_certificate_get_issuer_cn (CWA_CERTIFICATE (item));

      /* Translators: the value beside a certificate's name in the inspector */
      text = g_strdup_printf (_("Issued by %s"), issuer != NULL ? issuer : cwa_certificate_get_issuer (CWA_CERTIFICATE (item)));
      gtk_widget_add_css_class (label, "dim-label");
    }
  else
    {
      text = g_strdup (cwa_cert_field_get_value (CWA_CERT_FIELD (item)));
      gtk_widget_remove_css_class (label, "dim-label");
    }
  gtk_label_set_text (GTK_LABEL (label), text);
}

/* Selection. */

GListModel *
cwa_certificate_inspector_get_rows (CwaCertificateInspector *self)
{
  g_return_val_if_fail (CWA_IS_CERTIFICATE_INSPECTOR (self), NULL);
  return G_LIST_MODEL (self->tree_model);
}

CwaCertificate *
cwa_certificate_inspector_get_selected (CwaCertificateInspector *self)
{
  GtkTreeListRow *row;
  g_autoptr(GObject) item = NULL;

  g_return_val_if_fail (CWA_IS_CERTIFICATE_INSPECTOR (self), NULL);

  if (self->selection == NULL)
    return NULL;
  row = gtk_single_selection_get_selected_item (self->selection);
  if (row == NULL)
    return NULL;
  item = gtk_tree_list_row_get_item (row);
  if (CWA_IS_CERTIFICATE (item))
    return CWA_CERTIFICATE (item);
  if (CWA_IS_CERT_FIELD (item))
    return cwa_cert_field_get_certificate (CWA_CERT_FIELD (item));
  return NULL;
}

static void
scroll_to (CwaCertificateInspector *self,
           guint                    position)
{
  /* GTK 4.8 has no gtk_column_view_scroll_to(): the inner list view has the
   * action. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
}

void
cwa_certificate_inspector_select (CwaCertificateInspector *self,
                                  CwaCertificate          *certificate,
                                  const gchar             *field_id)
{
  GListModel *rows;
  guint n;
  gint top = -1;
  guint target;

  g_return_if_fail (CWA_IS_CERTIFICATE_INSPECTOR (self));
  g_return_if_fail (CWA_IS_CERTIFICATE (certificate));

  if (self->tree_model == NULL)
    return;

  if (!filter_func (certificate, self))
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  search_changed_cb (self);

  rows = G_LIST_MODEL (self->tree_model);
  n = g_list_model_get_n_items (rows);
  for (guint i = 0; i < n && top < 0; i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

      if ((gpointer) item == (gpointer) certificate)
        {
          top = (gint) i;
          if (field_id != NULL)
            gtk_tree_list_row_set_expanded (row, TRUE);
        }
    }
  if (top < 0)
    return;

  target = (guint) top;
  n = g_list_model_get_n_items (rows);
  for (guint i = top + 1; field_id != NULL && i < n; i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

      if (gtk_tree_list_row_get_depth (row) == 0)
        break;
      if (CWA_IS_CERT_FIELD (item) && gtk_tree_list_row_get_depth (row) == 1 &&
          g_strcmp0 (cwa_cert_field_get_id (CWA_CERT_FIELD (item)), field_id) == 0)
        {
          target = i;
          break;
        }
    }

  gtk_single_selection_set_selected (self->selection, target);
  scroll_to (self, target);
}

/* Context menu and its actions. */

static GMenuModel *
build_context_menu (CwaCertificateInspector *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) assign = g_menu_new ();
  g_autoptr(GMenu) actions = g_menu_new ();
  GListModel *servers;

  servers = cwa_deployment_get_servers (cwa_plan_get_deployment (self->plan));
  for (guint s = 0; s < g_list_model_get_n_items (servers); s++)
    {
      g_autoptr(CwaServer) server = g_list_model_get_item (servers, s);
      GListModel *vss = cwa_server_get_virtual_servers (server);
      g_autofree gchar *label = NULL;
      g_autofree gchar *target = g_strdup_printf ("mtls:%u", s);
      g_autoptr(GMenuItem) item = NULL;

      /* Translators: "Assign to" submenu entry: the MTLS role of a computer */
      label = g_strdup_printf (_("MTLS of %s"), cwa_server_get_fqdn (server));
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target (item, "inspector.assign", "s", target);
      g_menu_append_item (assign, item);

      for (guint v = 0; v < g_list_model_get_n_items (vss); v++)
        {
          g_autoptr(CwaVirtualServer) vs = g_list_model_get_item (vss, v);
          g_autofree gchar *vs_label = NULL;
          g_autofree gchar *vs_name = cwa_vs_label_dup (vs, CWA_LABEL_TRANSLATED);
          g_autofree gchar *vs_target = g_strdup_printf ("ssl:%u:%u", s, v);
          g_autoptr(GMenuItem) vs_item = NULL;

          /* Translators: "Assign to" submenu entry: the SSL role of a virtual server */
          vs_label = g_strdup_printf (_("SSL of %s"), vs_name);
          vs_item = g_menu_item_new (vs_label, NULL);
          g_menu_item_set_action_and_target (vs_item, "inspector.assign", "s", vs_target);
          g_menu_append_item (assign, vs_item);
        }
    }

  g_menu_append_submenu (menu, _("_Assign To"), G_MENU_MODEL (assign));
  g_menu_append (actions, _("Copy _PEM"), "inspector.copy-pem");
  g_menu_append (actions, _("Copy _SHA-256 Fingerprint"), "inspector.copy-sha256");
  g_menu_append (actions, _("_Remove"), "inspector.remove");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (actions));
  return G_MENU_MODEL (g_steal_pointer (&menu));
}

static void
popup_context_menu (CwaCertificateInspector *self,
                    gdouble                  x,
                    gdouble                  y)
{
  g_autoptr(GMenuModel) model = NULL;
  GdkRectangle rect = { (gint) x, (gint) y, 1, 1 };

  if (self->plan == NULL || cwa_certificate_inspector_get_selected (self) == NULL)
    return;

  model = build_context_menu (self);
  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->context_menu), model);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu), &rect);
  gtk_popover_popup (GTK_POPOVER (self->context_menu));
}

static void
right_click_cb (GtkGestureClick         *gesture,
                gint                     n_press,
                gdouble                  x,
                gdouble                  y,
                CwaCertificateInspector *self)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self), x, y, GTK_PICK_DEFAULT);

  /* Select the row under the pointer first: the menu acts on it. */
  for (; picked != NULL && picked != GTK_WIDGET (self); picked = gtk_widget_get_parent (picked))
    {
      GtkListItem *list_item = g_object_get_data (G_OBJECT (picked), "cwa-list-item");

      if (list_item != NULL)
        {
          guint position = gtk_list_item_get_position (list_item);

          if (position != GTK_INVALID_LIST_POSITION)
            gtk_single_selection_set_selected (self->selection, position);
          break;
        }
    }
  popup_context_menu (self, x, y);
}

static void
menu_action (GtkWidget   *widget,
             const gchar *action_name,
             GVariant    *parameter)
{
  CwaCertificateInspector *self = CWA_CERTIFICATE_INSPECTOR (widget);
  gint width = gtk_widget_get_width (widget);
  gint height = gtk_widget_get_height (widget);

  popup_context_menu (self, width / 2.0, height / 3.0);
}

static void
assign_action (GtkWidget   *widget,
               const gchar *action_name,
               GVariant    *parameter)
{
  CwaCertificateInspector *self = CWA_CERTIFICATE_INSPECTOR (widget);
  CwaCertificate *certificate = cwa_certificate_inspector_get_selected (self);
  const gchar *target = g_variant_get_string (parameter, NULL);
  GListModel *servers;
  g_autoptr(CwaServer) server = NULL;
  guint s;
  guint v;

  if (certificate == NULL || self->plan == NULL)
    return;

  servers = cwa_deployment_get_servers (cwa_plan_get_deployment (self->plan));
  if (sscanf (target, "ssl:%u:%u", &s, &v) == 2)
    {
      g_autoptr(CwaVirtualServer) vs = NULL;

      if (s >= g_list_model_get_n_items (servers))
        return;
      server = g_list_model_get_item (servers, s);
      if (v >= g_list_model_get_n_items (cwa_server_get_virtual_servers (server)))
        return;
      vs = g_list_model_get_item (cwa_server_get_virtual_servers (server), v);
      cwa_virtual_server_set_ssl_certificate (vs, certificate);
    }
  else if (sscanf (target, "mtls:%u", &s) == 1)
    {
      if (s >= g_list_model_get_n_items (servers))
        return;
      server = g_list_model_get_item (servers, s);
      cwa_server_set_mtls_certificate (server, certificate);
    }
}

static void
copy_pem_action (GtkWidget   *widget,
                 const gchar *action_name,
                 GVariant    *parameter)
{
  CwaCertificate *certificate = cwa_certificate_inspector_get_selected (CWA_CERTIFICATE_INSPECTOR (widget));
  g_autofree gchar *pem = NULL;

  if (certificate == NULL)
    return;
  /* The certificate only: a private key is never held, so never copied. */
  pem = cwa_certificate_dup_pem (certificate);
  cwa_ui_copy_text (widget, pem);
  cwa_ui_show_toast (widget, _("PEM copied"));
}

static void
copy_sha256_action (GtkWidget   *widget,
                    const gchar *action_name,
                    GVariant    *parameter)
{
  CwaCertificate *certificate = cwa_certificate_inspector_get_selected (CWA_CERTIFICATE_INSPECTOR (widget));

  if (certificate == NULL)
    return;
  cwa_ui_copy_text (widget, cwa_certificate_get_sha256 (certificate));
  cwa_ui_show_toast (widget, _("SHA-256 fingerprint copied"));
}

/* Undoable: the window's toast offers Undo (the plan's history). */
static void
remove_action (GtkWidget   *widget,
               const gchar *action_name,
               GVariant    *parameter)
{
  CwaCertificateInspector *self = CWA_CERTIFICATE_INSPECTOR (widget);
  CwaCertificate *certificate = cwa_certificate_inspector_get_selected (self);

  if (certificate == NULL || self->plan == NULL)
    return;
  cwa_plan_edits_delete_certificate (self->plan, certificate);
}

/* Plan and checklist. */

static void
certificates_changed_cb (CwaCertificateInspector *self)
{
  update_stack (self);
}

CwaPlan *
cwa_certificate_inspector_get_plan (CwaCertificateInspector *self)
{
  g_return_val_if_fail (CWA_IS_CERTIFICATE_INSPECTOR (self), NULL);
  return self->plan;
}

void
cwa_certificate_inspector_set_plan (CwaCertificateInspector *self,
                                    CwaPlan                 *plan)
{
  g_return_if_fail (CWA_IS_CERTIFICATE_INSPECTOR (self));
  g_return_if_fail (plan == NULL || CWA_IS_PLAN (plan));

  if (self->plan == plan)
    return;

  g_set_object (&self->plan, plan);

  gtk_column_view_set_model (self->column_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->tree_model);
  g_clear_object (&self->filtered);

  if (plan != NULL)
    {
      self->filtered = gtk_filter_list_model_new (g_object_ref (cwa_plan_get_certificates (plan)),
                                                  GTK_FILTER (g_object_ref (self->filter)));
      self->tree_model = gtk_tree_list_model_new (g_object_ref (G_LIST_MODEL (self->filtered)),
                                                  FALSE, FALSE, create_children_cb, self, NULL);
      self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->tree_model)));
      gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
    }
  /* After the filter model, so its handler runs first and ours sees it updated. */
  g_signal_group_set_target (self->certificates_signals,
                             plan != NULL ? cwa_plan_get_certificates (plan) : NULL);
  update_stack (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}

CwaChecklist *
cwa_certificate_inspector_get_checklist (CwaCertificateInspector *self)
{
  g_return_val_if_fail (CWA_IS_CERTIFICATE_INSPECTOR (self), NULL);
  return self->checklist;
}

void
cwa_certificate_inspector_set_checklist (CwaCertificateInspector *self,
                                         CwaChecklist            *checklist)
{
  g_return_if_fail (CWA_IS_CERTIFICATE_INSPECTOR (self));
  g_return_if_fail (checklist == NULL || CWA_IS_CHECKLIST (checklist));

  if (self->checklist == checklist)
    return;

  g_set_object (&self->checklist, checklist);
  g_signal_group_set_target (self->checklist_signals, checklist);
  refresh_all_rows_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECKLIST]);
}

/* GObject. */

static void
cwa_certificate_inspector_dispose (GObject *object)
{
  CwaCertificateInspector *self = CWA_CERTIFICATE_INSPECTOR (object);

  cwa_certificate_inspector_set_plan (self, NULL);
  cwa_certificate_inspector_set_checklist (self, NULL);
  g_clear_object (&self->certificates_signals);
  g_clear_object (&self->checklist_signals);
  g_clear_pointer (&self->context_menu, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), CWA_TYPE_CERTIFICATE_INSPECTOR);
  g_clear_object (&self->filter);
  g_clear_pointer (&self->bound_rows, g_hash_table_unref);

  G_OBJECT_CLASS (cwa_certificate_inspector_parent_class)->dispose (object);
}

static void
cwa_certificate_inspector_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  CwaCertificateInspector *self = CWA_CERTIFICATE_INSPECTOR (object);

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
cwa_certificate_inspector_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  CwaCertificateInspector *self = CWA_CERTIFICATE_INSPECTOR (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      cwa_certificate_inspector_set_plan (self, g_value_get_object (value));
      break;
    case PROP_CHECKLIST:
      cwa_certificate_inspector_set_checklist (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cwa_certificate_inspector_class_init (CwaCertificateInspectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cwa_certificate_inspector_dispose;
  object_class->get_property = cwa_certificate_inspector_get_property;
  object_class->set_property = cwa_certificate_inspector_set_property;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, CWA_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CHECKLIST] =
    g_param_spec_object ("checklist", NULL, NULL, CWA_TYPE_CHECKLIST,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/cwacertplanner/CertPlanner/cwa-certificate-inspector.ui");
  gtk_widget_class_bind_template_child (widget_class, CwaCertificateInspector, box);
  gtk_widget_class_bind_template_child (widget_class, CwaCertificateInspector, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CwaCertificateInspector, stack);
  gtk_widget_class_bind_template_child (widget_class, CwaCertificateInspector, column_view);
  gtk_widget_class_bind_template_child (widget_class, CwaCertificateInspector, name_column);
  gtk_widget_class_bind_template_child (widget_class, CwaCertificateInspector, value_column);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);

  gtk_widget_class_install_action (widget_class, "inspector.assign", "s", assign_action);
  gtk_widget_class_install_action (widget_class, "inspector.copy-pem", NULL, copy_pem_action);
  gtk_widget_class_install_action (widget_class, "inspector.copy-sha256", NULL, copy_sha256_action);
  gtk_widget_class_install_action (widget_class, "inspector.remove", NULL, remove_action);
  gtk_widget_class_install_action (widget_class, "inspector.menu", NULL, menu_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "inspector.menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "inspector.menu", NULL);
}

static void
cwa_certificate_inspector_init (CwaCertificateInspector *self)
{
  GtkListItemFactory *factory;
  GtkGesture *gesture;

  self->checklist_signals = g_signal_group_new (CWA_TYPE_CHECKLIST);
  g_signal_group_connect_object (self->checklist_signals, "updated",
                                 G_CALLBACK (refresh_all_rows_cb), self, G_CONNECT_SWAPPED);
  self->certificates_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_object (self->certificates_signals, "items-changed",
                                 G_CALLBACK (certificates_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->bound_rows = g_hash_table_new (NULL, NULL);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "setup", G_CALLBACK (name_setup_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (name_bind_cb), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (name_unbind_cb), self, 0);
  gtk_column_view_column_set_factory (self->name_column, factory);
  g_object_unref (factory);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (value_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (value_bind_cb), NULL);
  gtk_column_view_column_set_factory (self->value_column, factory);
  g_object_unref (factory);

  self->context_menu = gtk_popover_menu_new_from_model (NULL);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->context_menu), FALSE);
  gtk_widget_set_halign (self->context_menu, GTK_ALIGN_START);
  gtk_widget_set_parent (self->context_menu, GTK_WIDGET (self));

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_SECONDARY);
  g_signal_connect_object (gesture, "pressed", G_CALLBACK (right_click_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  update_stack (self);
}

GtkWidget *
cwa_certificate_inspector_new (void)
{
  return g_object_new (CWA_TYPE_CERTIFICATE_INSPECTOR, NULL);
}

/* cwa-deployment-editor.c: the left pane: the tree of computers, virtual servers, load balancers and reverse proxies, and the form for one. */
#include "config.h"

#include <glib/gi18n.h>

#include "cwa-certificate-choice.h"
#include "cwa-deployment-editor.h"
#include "cwa-load-balancer-form.h"
#include "cwa-publishing-rule-form.h"
#include "cwa-reverse-proxy-form.h"
#include "cwa-names.h"
#include "cwa-plan-edits.h"
#include "cwa-proxy-menu.h"
#include "cwa-topology-view.h"
#include "cwa-ui-util.h"
#include "cwa-vs-label.h"

struct _CwaDeploymentEditor
{
  GtkWidget           parent_instance;

  CwaPlan            *plan;
  CwaChecklist       *checklist;
  GSignalGroup       *checklist_signals;
  GSignalGroup       *plan_signals;
  GSignalGroup       *deployment_signals;
  GtkTreeListModel   *tree_model;
  GtkSingleSelection *selection;
  /* Row widgets currently bound, to refresh their status icons after
   * each run of the checklist. */
  GHashTable         *bound_rows;
  gpointer            selected;
  /* Set while the form is filled from the model: edits are not fed back. */
  gboolean            filling;

  GtkWidget          *box;
  GtkEntry           *plan_name_entry;
  GtkStack           *tree_stack;
  GtkStack           *view_stack;
  GtkToggleButton    *topology_toggle;
  GtkWidget          *topology_view;
  GtkListView        *tree_view;
  GtkStack           *form_stack;
  GtkEntry           *fqdn_entry;
  GtkLabel           *fqdn_error;
  GtkDropDown        *mtls_dropdown;
  GtkEntry           *url_entry;
  GtkLabel           *url_error;
  GtkDropDown        *audience_dropdown;
  GtkEntry           *listen_entry;
  GtkLabel           *listen_error;
  GtkEntry           *as_url_entry;
  GtkLabel           *as_url_error;
  GtkEntry           *download_url_entry;
  GtkLabel           *download_url_error;
  GtkDropDown        *ssl_dropdown;
  GtkWidget          *load_balancer_form;
  GtkWidget          *reverse_proxy_form;
  GtkWidget          *publishing_rule_form;
  GtkWidget          *publish_button;
  /* The choice of reverse proxy, on publish_button; made when first needed. */
  GtkWidget          *proxy_popover;
};

enum {
  PROP_0,
  PROP_PLAN,
  PROP_CHECKLIST,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CwaDeploymentEditor, cwa_deployment_editor, GTK_TYPE_WIDGET)

/* Validation beside the field. */

static void
show_field_error (GtkEntry    *entry,
                  GtkLabel    *error_label,
                  const gchar *message)
{
  if (message != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      gtk_label_set_text (error_label, message);
      gtk_widget_set_visible (GTK_WIDGET (error_label), TRUE);
      gtk_accessible_update_state (GTK_ACCESSIBLE (entry),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
      gtk_widget_set_visible (GTK_WIDGET (error_label), FALSE);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

static const gchar *
entry_text (GtkEntry *entry)
{
  return gtk_editable_get_text (GTK_EDITABLE (entry));
}

static void
set_entry_text (GtkEntry    *entry,
                const gchar *text)
{
  cwa_ui_entry_set_text (entry, text);
}


/* Status icons of the tree rows. */

/* Load balancers, their members (GtkStringObjects), reverse proxies and
 * publishing rules. */
static void
refresh_front_end_row (GtkWidget *name,
                       GtkWidget *detail,
                       gpointer   item)
{
  if (CWA_IS_LOAD_BALANCER (item))
    {
      gtk_label_set_text (GTK_LABEL (name), cwa_load_balancer_get_fqdn (item));
      gtk_label_set_text (GTK_LABEL (detail), cwa_load_balancer_get_ssl_offload (item)
                                              /* Translators: a load balancer's row in the deployment tree */
                                              ? _("Load balancer, SSL offload")
                                              /* Translators: a load balancer's row in the deployment tree */
                                              : _("Load balancer"));
    }
  else if (CWA_IS_REVERSE_PROXY (item))
    {
      gtk_label_set_text (GTK_LABEL (name), cwa_reverse_proxy_get_fqdn (item));
      /* Translators: a reverse proxy's row in the deployment tree */
      gtk_label_set_text (GTK_LABEL (detail), _("Reverse proxy"));
    }
  else if (CWA_IS_PUBLISHING_RULE (item))
    {
      g_autofree gchar *target = NULL;

      gtk_label_set_text (GTK_LABEL (name), cwa_publishing_rule_get_published_url (item));
      /* Translators: a publishing rule's row: the virtual server it publishes */
      target = g_strdup_printf (_("to %s"), cwa_publishing_rule_get_virtual_server (item));
      gtk_label_set_text (GTK_LABEL (detail), target);
    }
  else
    {
      gtk_label_set_text (GTK_LABEL (name), gtk_string_object_get_string (item));
      /* Translators: a load balancer member's row in the deployment tree */
      gtk_label_set_text (GTK_LABEL (detail), _("Member"));
    }
}

static void
refresh_row (CwaDeploymentEditor *self,
             GtkWidget           *row_box)
{
  gpointer item = g_object_get_data (G_OBJECT (row_box), "cwa-item");
  GtkWidget *name = g_object_get_data (G_OBJECT (row_box), "cwa-name");
  GtkWidget *detail = g_object_get_data (G_OBJECT (row_box), "cwa-detail");
  GtkWidget *status = g_object_get_data (G_OBJECT (row_box), "cwa-status");

  if (item == NULL)
    return;

  if (CWA_IS_SERVER (item))
    {
      gtk_label_set_text (GTK_LABEL (name), cwa_server_get_fqdn (item));
      gtk_label_set_text (GTK_LABEL (detail), "");
    }
  else if (!CWA_IS_VIRTUAL_SERVER (item))
    {
      refresh_front_end_row (name, detail, item);
    }
  else
    {
      g_autofree gchar *label = cwa_vs_label_dup (item, CWA_LABEL_TRANSLATED);

      gtk_label_set_text (GTK_LABEL (name), label);
      gtk_label_set_text (GTK_LABEL (detail),
                          cwa_virtual_server_get_audience (item) == CWA_AUDIENCE_EXTERNAL
                            ? _("External") : _("Internal"));
    }
  cwa_ui_status_apply (GTK_IMAGE (status), cwa_ui_status_for_subject (self->checklist, item));
}

static void
refresh_all_rows_cb (CwaDeploymentEditor *self)
{
  GHashTableIter iter;
  gpointer row_box;

  g_hash_table_iter_init (&iter, self->bound_rows);
  while (g_hash_table_iter_next (&iter, &row_box, NULL))
    refresh_row (self, row_box);
  cwa_certificate_choice_refresh (self->mtls_dropdown);
  cwa_certificate_choice_refresh (self->ssl_dropdown);
}

/* A certificate dragged from the inspector onto a row is assigned: MTLS on
 * a computer, SSL on a virtual server or load balancer, the listener's on
 * a publishing rule; undoable as every edit. */
static gboolean
row_drop_cb (GtkDropTarget *target,
             const GValue  *value,
             gdouble        x,
             gdouble        y,
             GtkWidget     *box)
{
  gpointer item = g_object_get_data (G_OBJECT (box), "cwa-item");
  CwaDeploymentEditor *self = CWA_DEPLOYMENT_EDITOR (gtk_widget_get_ancestor (box, CWA_TYPE_DEPLOYMENT_EDITOR));

  if (!G_VALUE_HOLDS (value, CWA_TYPE_CERTIFICATE) || self == NULL || self->plan == NULL ||
      !(CWA_IS_SERVER (item) || CWA_IS_VIRTUAL_SERVER (item) ||
        CWA_IS_LOAD_BALANCER (item) || CWA_IS_PUBLISHING_RULE (item)))
    return FALSE;

  cwa_plan_edits_assign (self->plan, item, g_value_get_object (value));
  return TRUE;
}

static void
row_setup_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              CwaDeploymentEditor      *self)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);
  GtkWidget *status = gtk_image_new ();

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "caption");
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_box_append (GTK_BOX (box), status);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), box);
  gtk_list_item_set_child (list_item, expander);

  g_object_set_data (G_OBJECT (box), "cwa-icon", icon);
  g_object_set_data (G_OBJECT (box), "cwa-name", name);
  g_object_set_data (G_OBJECT (box), "cwa-detail", detail);
  g_object_set_data (G_OBJECT (box), "cwa-status", status);

  {
    GtkDropTarget *target = gtk_drop_target_new (CWA_TYPE_CERTIFICATE, GDK_ACTION_COPY);

    g_signal_connect (target, "drop", G_CALLBACK (row_drop_cb), box);
    gtk_widget_add_controller (box, GTK_EVENT_CONTROLLER (target));
  }
}

static void
row_item_notify_cb (GtkWidget  *row_box,
                    GParamSpec *pspec,
                    GObject    *item)
{
  CwaDeploymentEditor *self = CWA_DEPLOYMENT_EDITOR (gtk_widget_get_ancestor (row_box, CWA_TYPE_DEPLOYMENT_EDITOR));

  if (self != NULL)
    refresh_row (self, row_box);
}

static const gchar *
row_icon_name (gpointer item)
{
  if (CWA_IS_SERVER (item) || GTK_IS_STRING_OBJECT (item))
    return "computer-symbolic";
  if (CWA_IS_LOAD_BALANCER (item))
    return "network-server-symbolic";
  if (CWA_IS_REVERSE_PROXY (item))
    return "security-high-symbolic";
  if (CWA_IS_PUBLISHING_RULE (item))
    return "send-to-symbolic";
  return "network-workgroup-symbolic";
}

static void
row_bind_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             CwaDeploymentEditor      *self)
{
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  GtkWidget *expander = gtk_list_item_get_child (list_item);
  GtkWidget *box = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander));
  GtkWidget *icon = g_object_get_data (G_OBJECT (box), "cwa-icon");
  gpointer item = gtk_tree_list_row_get_item (row);

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), row);
  gtk_image_set_from_icon_name (GTK_IMAGE (icon), row_icon_name (item));
  g_object_set_data_full (G_OBJECT (box), "cwa-item", item, g_object_unref);
  g_object_set_data (G_OBJECT (box), "cwa-notify-id",
                     GSIZE_TO_POINTER (g_signal_connect_object (item, "notify", G_CALLBACK (row_item_notify_cb),
                                                                box, G_CONNECT_SWAPPED)));
  g_hash_table_add (self->bound_rows, box);
  refresh_row (self, box);
}

static void
row_unbind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               CwaDeploymentEditor      *self)
{
  GtkWidget *expander = gtk_list_item_get_child (list_item);
  GtkWidget *box = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander));
  gpointer item = g_object_get_data (G_OBJECT (box), "cwa-item");

  if (item != NULL)
    g_signal_handler_disconnect (item, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (box), "cwa-notify-id")));
  g_hash_table_remove (self->bound_rows, box);
  g_object_set_data (G_OBJECT (box), "cwa-item", NULL);
  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), NULL);
}

/* A load balancer's members are names: a GtkStringList that follows them. */
static void
sync_member_list (GtkStringList   *list,
                  GParamSpec      *pspec,
                  CwaLoadBalancer *load_balancer)
{
  const gchar * const *members = cwa_load_balancer_get_members (load_balancer);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));
  gboolean same = n == g_strv_length ((gchar **) members);

  for (guint i = 0; same && i < n; i++)
    same = g_strcmp0 (gtk_string_list_get_string (list, i), members[i]) == 0;
  if (!same)
    gtk_string_list_splice (list, 0, n, members);
}

static GListModel *
create_children_cb (gpointer item,
                    gpointer user_data)
{
  if (CWA_IS_SERVER (item))
    return g_object_ref (cwa_server_get_virtual_servers (item));
  if (CWA_IS_REVERSE_PROXY (item))
    return g_object_ref (cwa_reverse_proxy_get_publishing_rules (item));
  if (CWA_IS_LOAD_BALANCER (item))
    {
      GtkStringList *list = gtk_string_list_new (cwa_load_balancer_get_members (item));

      g_signal_connect_object (item, "notify::members", G_CALLBACK (sync_member_list), list, G_CONNECT_SWAPPED);
      return G_LIST_MODEL (list);
    }
  return NULL;
}

/* The tree's top level: computers, then load balancers, then reverse
 * proxies. */
static GListModel *
top_level_model (CwaDeployment *deployment)
{
  GListStore *parts = g_list_store_new (G_TYPE_LIST_MODEL);

  g_list_store_append (parts, cwa_deployment_get_servers (deployment));
  g_list_store_append (parts, cwa_deployment_get_load_balancers (deployment));
  g_list_store_append (parts, cwa_deployment_get_reverse_proxies (deployment));
  return G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (parts)));
}

/* Certificate drop-downs: "None" and the plan's certificates. */

static void
mtls_selected_cb (CwaDeploymentEditor *self)
{
  CwaCertificate *certificate = cwa_certificate_choice_get (self->mtls_dropdown);

  if (self->filling || !CWA_IS_SERVER (self->selected) || self->plan == NULL)
    return;
  cwa_plan_edits_assign (self->plan, self->selected, certificate);
}

static void
ssl_selected_cb (CwaDeploymentEditor *self)
{
  CwaCertificate *certificate = cwa_certificate_choice_get (self->ssl_dropdown);

  if (self->filling || !CWA_IS_VIRTUAL_SERVER (self->selected) || self->plan == NULL)
    return;
  cwa_plan_edits_assign (self->plan, self->selected, certificate);
}

static void
audience_selected_cb (CwaDeploymentEditor *self)
{
  CwaAudience audience = gtk_drop_down_get_selected (self->audience_dropdown) == 1
                           ? CWA_AUDIENCE_EXTERNAL : CWA_AUDIENCE_INTERNAL;

  if (self->filling || !CWA_IS_VIRTUAL_SERVER (self->selected) || self->plan == NULL)
    return;
  cwa_plan_edits_set_audience (self->plan, self->selected, audience);
}

/* The form. */

static void
update_placeholders (CwaDeploymentEditor *self)
{
  g_autofree gchar *as_host = NULL;
  g_autofree gchar *download_host = NULL;
  g_autofree gchar *listen = NULL;

  if (!CWA_IS_VIRTUAL_SERVER (self->selected))
    return;

  as_host = cwa_virtual_server_dup_as_host (self->selected);
  download_host = cwa_virtual_server_dup_download_host (self->selected);
  listen = cwa_virtual_server_dup_effective_listen (self->selected);
  /* Derived defaults show as placeholders: empty means "the default". */
  gtk_entry_set_placeholder_text (self->as_url_entry, as_host);
  gtk_entry_set_placeholder_text (self->download_url_entry, download_host);
  if (cwa_virtual_server_get_listen (self->selected) == NULL)
    gtk_entry_set_placeholder_text (self->listen_entry, listen);
  else
    gtk_entry_set_placeholder_text (self->listen_entry, cwa_virtual_server_is_https (self->selected) ? "*:443" : "*:80");
}

static void
sync_choices (CwaDeploymentEditor *self)
{
  self->filling = TRUE;
  if (CWA_IS_SERVER (self->selected))
    cwa_certificate_choice_select (self->mtls_dropdown,
                                   cwa_server_get_mtls_certificate (self->selected));
  else if (CWA_IS_VIRTUAL_SERVER (self->selected))
    cwa_certificate_choice_select (self->ssl_dropdown,
                                   cwa_virtual_server_get_ssl_certificate (self->selected));
  self->filling = FALSE;
}

/* A GtkText's own undo (Ctrl+Z in the entry) records text set from code
 * too: without this, undoing in the form of a new computer brought back
 * the previous computer's name and wrote it to the new one. */
static void
forget_entry_undo (GtkEntry *entry)
{
  gtk_editable_set_enable_undo (GTK_EDITABLE (entry), FALSE);
  gtk_editable_set_enable_undo (GTK_EDITABLE (entry), TRUE);
}

static void
fill_front_end_forms (CwaDeploymentEditor *self)
{
  gpointer subject = self->selected;

  cwa_load_balancer_form_set_subject (CWA_LOAD_BALANCER_FORM (self->load_balancer_form), self->plan,
                                      CWA_IS_LOAD_BALANCER (subject) ? subject : NULL);
  cwa_reverse_proxy_form_set_subject (CWA_REVERSE_PROXY_FORM (self->reverse_proxy_form), self->plan,
                                      CWA_IS_REVERSE_PROXY (subject) ? subject : NULL);
  cwa_publishing_rule_form_set_subject (CWA_PUBLISHING_RULE_FORM (self->publishing_rule_form), self->plan,
                                        CWA_IS_PUBLISHING_RULE (subject) ? subject : NULL);
}

static void
fill_form (CwaDeploymentEditor *self)
{
  gpointer subject = self->selected;

  self->filling = TRUE;
  if (CWA_IS_SERVER (subject))
    {
      set_entry_text (self->fqdn_entry, cwa_server_get_fqdn (subject));
      show_field_error (self->fqdn_entry, self->fqdn_error, NULL);
      gtk_stack_set_visible_child_name (self->form_stack, "server");
    }
  else if (CWA_IS_VIRTUAL_SERVER (subject))
    {
      set_entry_text (self->url_entry, cwa_virtual_server_get_url (subject));
      set_entry_text (self->listen_entry, cwa_virtual_server_get_listen (subject));
      set_entry_text (self->as_url_entry, cwa_virtual_server_get_as_url (subject));
      set_entry_text (self->download_url_entry, cwa_virtual_server_get_download_url (subject));
      gtk_drop_down_set_selected (self->audience_dropdown,
                                  cwa_virtual_server_get_audience (subject) == CWA_AUDIENCE_EXTERNAL ? 1 : 0);
      show_field_error (self->url_entry, self->url_error, NULL);
      show_field_error (self->listen_entry, self->listen_error, NULL);
      show_field_error (self->as_url_entry, self->as_url_error, NULL);
      show_field_error (self->download_url_entry, self->download_url_error, NULL);
      gtk_stack_set_visible_child_name (self->form_stack, "virtual-server");
    }
  else if (CWA_IS_LOAD_BALANCER (subject))
    gtk_stack_set_visible_child_name (self->form_stack, "load-balancer");
  else if (CWA_IS_REVERSE_PROXY (subject))
    gtk_stack_set_visible_child_name (self->form_stack, "reverse-proxy");
  else if (CWA_IS_PUBLISHING_RULE (subject))
    gtk_stack_set_visible_child_name (self->form_stack, "publishing-rule");
  else
    {
      gtk_stack_set_visible_child_name (self->form_stack, "none");
    }
  fill_front_end_forms (self);
  forget_entry_undo (self->fqdn_entry);
  forget_entry_undo (self->url_entry);
  forget_entry_undo (self->listen_entry);
  forget_entry_undo (self->as_url_entry);
  forget_entry_undo (self->download_url_entry);
  self->filling = FALSE;

  sync_choices (self);
  update_placeholders (self);
}

static CwaReverseProxy  *selected_proxy             (CwaDeploymentEditor *self);
static CwaVirtualServer *unpublished_virtual_server (CwaDeploymentEditor *self,
                                                     CwaReverseProxy     *proxy);

/* "Make array…" wants a URL host on two computers or more that are not
 * all members of its load balancer yet, "Publish through reverse proxy…"
 * an external virtual server, "Add publishing rule" a reverse proxy (or
 * its rule) selected and an external virtual server it does not publish
 * yet. */
static void
update_actions (CwaDeploymentEditor *self)
{
  gpointer subject = self->selected;
  gboolean is_vs = CWA_IS_VIRTUAL_SERVER (subject) && self->plan != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.delete", subject != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.make-array",
                                 is_vs && cwa_plan_edits_can_make_array (self->plan, subject));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.publish",
                                 is_vs && cwa_virtual_server_get_audience (subject) == CWA_AUDIENCE_EXTERNAL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.publish-on",
                                 is_vs && cwa_virtual_server_get_audience (subject) == CWA_AUDIENCE_EXTERNAL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.add-publishing-rule",
                                 self->plan != NULL && selected_proxy (self) != NULL &&
                                 unpublished_virtual_server (self, selected_proxy (self)) != NULL);
}

static void
set_selected (CwaDeploymentEditor *self,
              gpointer             subject)
{
  if (self->selected == subject)
    return;

  if (self->selected != NULL)
    g_object_remove_weak_pointer (self->selected, &self->selected);
  self->selected = subject;
  if (self->selected != NULL)
    g_object_add_weak_pointer (self->selected, &self->selected);

  fill_form (self);
  update_actions (self);
  if (self->topology_view != NULL)
    cwa_topology_view_set_selected (CWA_TOPOLOGY_VIEW (self->topology_view), subject);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

static void
selection_changed_cb (CwaDeploymentEditor *self)
{
  GtkTreeListRow *row = gtk_single_selection_get_selected_item (self->selection);
  g_autoptr(GObject) item = row != NULL ? gtk_tree_list_row_get_item (row) : NULL;

  set_selected (self, item);
}

static void
fqdn_changed_cb (CwaDeploymentEditor *self)
{
  const gchar *text = entry_text (self->fqdn_entry);
  CwaServer *other;

  if (self->filling || !CWA_IS_SERVER (self->selected))
    return;

  if (!cwa_name_is_valid_host (text))
    {
      show_field_error (self->fqdn_entry, self->fqdn_error,
                        *text == '\0' ? _("Enter the computer's fully qualified domain name.")
                                      : _("Not a host name: use letters, digits and hyphens between dots, such as cwaserver.contoso.com."));
      return;
    }
  other = self->plan != NULL ? cwa_deployment_find_server (cwa_plan_get_deployment (self->plan), text) : NULL;
  if (other != NULL && other != CWA_SERVER (self->selected))
    {
      /* Two computers of one name would be read as one by every rule and
       * report, and a plan file refuses them: keep the old name. */
      show_field_error (self->fqdn_entry, self->fqdn_error,
                        _("Another computer of this plan already has this name; each computer needs its own FQDN."));
      return;
    }
  show_field_error (self->fqdn_entry, self->fqdn_error, NULL);
  if (g_strcmp0 (cwa_server_get_fqdn (self->selected), text) != 0)
    cwa_server_set_fqdn (self->selected, text);
}

static void
url_changed_cb (CwaDeploymentEditor *self)
{
  const gchar *text = entry_text (self->url_entry);
  g_autoptr(GError) error = NULL;
  g_autofree gchar *host = NULL;
  gboolean is_https;
  guint port;

  if (self->filling || !CWA_IS_VIRTUAL_SERVER (self->selected))
    return;

  if (!cwa_url_parse (text, &is_https, &host, &port, &error))
    {
      show_field_error (self->url_entry, self->url_error, error->message);
      return;
    }
  show_field_error (self->url_entry, self->url_error, NULL);
  if (g_strcmp0 (cwa_virtual_server_get_url (self->selected), text) != 0)
    cwa_virtual_server_set_url (self->selected, text);
  update_placeholders (self);
}

static void
listen_changed_cb (CwaDeploymentEditor *self)
{
  const gchar *text = entry_text (self->listen_entry);
  g_autoptr(GError) error = NULL;
  g_autofree gchar *address = NULL;
  guint port;

  if (self->filling || !CWA_IS_VIRTUAL_SERVER (self->selected))
    return;

  if (*text != '\0' && !cwa_listen_parse (text, &address, &port, &error))
    {
      show_field_error (self->listen_entry, self->listen_error, error->message);
      return;
    }
  show_field_error (self->listen_entry, self->listen_error, NULL);
  if (g_strcmp0 (cwa_virtual_server_get_listen (self->selected), *text != '\0' ? text : NULL) != 0)
    cwa_virtual_server_set_listen (self->selected, *text != '\0' ? text : NULL);
  update_placeholders (self);
}

/* An override is a bare host or a URL without a path; empty means the
 * derived default. */
static gboolean
validate_override (GtkEntry     *entry,
                   GtkLabel     *error_label,
                   const gchar **value)
{
  const gchar *text = entry_text (entry);
  g_autoptr(GError) error = NULL;
  g_autofree gchar *host = NULL;
  gboolean is_https;
  guint port;

  if (*text != '\0' && !cwa_url_parse (text, &is_https, &host, &port, &error))
    {
      show_field_error (entry, error_label, error->message);
      return FALSE;
    }
  show_field_error (entry, error_label, NULL);
  *value = *text != '\0' ? text : NULL;
  return TRUE;
}

static void
as_url_changed_cb (CwaDeploymentEditor *self)
{
  const gchar *value;

  if (self->filling || !CWA_IS_VIRTUAL_SERVER (self->selected))
    return;
  if (validate_override (self->as_url_entry, self->as_url_error, &value) &&
      g_strcmp0 (cwa_virtual_server_get_as_url (self->selected), value) != 0)
    cwa_virtual_server_set_as_url (self->selected, value);
}

static void
download_url_changed_cb (CwaDeploymentEditor *self)
{
  const gchar *value;

  if (self->filling || !CWA_IS_VIRTUAL_SERVER (self->selected))
    return;
  if (validate_override (self->download_url_entry, self->download_url_error, &value) &&
      g_strcmp0 (cwa_virtual_server_get_download_url (self->selected), value) != 0)
    cwa_virtual_server_set_download_url (self->selected, value);
}

static void
plan_name_changed_cb (CwaDeploymentEditor *self)
{
  const gchar *text = entry_text (self->plan_name_entry);

  if (self->filling || self->plan == NULL)
    return;
  if (g_strcmp0 (cwa_plan_get_name (self->plan), text) != 0)
    cwa_plan_set_name (self->plan, text);
}

/* Selecting. */

static gint
find_row (CwaDeploymentEditor *self,
          gpointer             subject)
{
  GListModel *rows = G_LIST_MODEL (self->tree_model);
  guint n;

  if (rows == NULL)
    return -1;

  n = g_list_model_get_n_items (rows);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

      if ((gpointer) item == subject)
        return (gint) i;
    }
  return -1;
}

GtkWidget *
cwa_deployment_editor_get_topology_view (CwaDeploymentEditor *self)
{
  g_return_val_if_fail (CWA_IS_DEPLOYMENT_EDITOR (self), NULL);
  return self->topology_view;
}

void
cwa_deployment_editor_select (CwaDeploymentEditor *self,
                              gpointer             subject)
{
  gint position;

  g_return_if_fail (CWA_IS_DEPLOYMENT_EDITOR (self));

  position = find_row (self, subject);
  if (position < 0 && CWA_IS_VIRTUAL_SERVER (subject) && cwa_virtual_server_get_server (subject) != NULL)
    {
      gint parent = find_row (self, cwa_virtual_server_get_server (subject));

      if (parent >= 0)
        {
          g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->tree_model), parent);

          gtk_tree_list_row_set_expanded (row, TRUE);
          position = find_row (self, subject);
        }
    }
  if (position < 0 && CWA_IS_PUBLISHING_RULE (subject) && cwa_publishing_rule_get_reverse_proxy (subject) != NULL)
    {
      gint parent = find_row (self, cwa_publishing_rule_get_reverse_proxy (subject));

      if (parent >= 0)
        {
          g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->tree_model), parent);

          gtk_tree_list_row_set_expanded (row, TRUE);
          position = find_row (self, subject);
        }
    }
  if (position < 0)
    return;

  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->tree_view), "list.scroll-to-item", "u", (guint) position);
}

gpointer
cwa_deployment_editor_get_selected (CwaDeploymentEditor *self)
{
  g_return_val_if_fail (CWA_IS_DEPLOYMENT_EDITOR (self), NULL);
  return self->selected;
}

/* Actions. */

static gchar *
unique_name (GListModel  *model,
             const gchar *prefix,
             const gchar *suffix,
             gboolean     servers)
{
  for (guint n = 1; ; n++)
    {
      g_autofree gchar *name = g_strdup_printf ("%s%u%s", prefix, n, suffix);
      gboolean taken = FALSE;

      for (guint i = 0; i < g_list_model_get_n_items (model) && !taken; i++)
        {
          g_autoptr(CwaServer) server = g_list_model_get_item (model, i);
          GListModel *vss = cwa_server_get_virtual_servers (server);

          if (servers)
            taken = g_ascii_strcasecmp (cwa_server_get_fqdn (server), name) == 0;
          for (guint j = 0; !servers && j < g_list_model_get_n_items (vss) && !taken; j++)
            {
              g_autoptr(CwaVirtualServer) vs = g_list_model_get_item (vss, j);

              taken = g_strcmp0 (cwa_virtual_server_get_url (vs), name) == 0;
            }
        }
      if (!taken)
        return g_steal_pointer (&name);
    }
}

static void
add_server_action (GtkWidget   *widget,
                   const gchar *action_name,
                   GVariant    *parameter)
{
  CwaDeploymentEditor *self = CWA_DEPLOYMENT_EDITOR (widget);
  CwaDeployment *deployment;
  g_autoptr(CwaServer) server = NULL;
  g_autofree gchar *fqdn = NULL;

  if (self->plan == NULL)
    return;

  deployment = cwa_plan_get_deployment (self->plan);
  fqdn = unique_name (cwa_deployment_get_servers (deployment), "cwaserver", ".example.com", TRUE);
  server = cwa_server_new (fqdn);
  cwa_plan_edits_add_server (self->plan, server);
  cwa_deployment_editor_select (self, server);
  gtk_widget_grab_focus (GTK_WIDGET (self->fqdn_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->fqdn_entry), 0, -1);
}

static void
add_virtual_server_action (GtkWidget   *widget,
                           const gchar *action_name,
                           GVariant    *parameter)
{
  CwaDeploymentEditor *self = CWA_DEPLOYMENT_EDITOR (widget);
  CwaDeployment *deployment;
  GListModel *servers;
  g_autoptr(CwaServer) server = NULL;
  g_autoptr(CwaVirtualServer) virtual_server = NULL;
  g_autofree gchar *url = NULL;

  if (self->plan == NULL)
    return;

  deployment = cwa_plan_get_deployment (self->plan);
  servers = cwa_deployment_get_servers (deployment);
  if (CWA_IS_SERVER (self->selected))
    server = g_object_ref (self->selected);
  else if (CWA_IS_VIRTUAL_SERVER (self->selected) && cwa_virtual_server_get_server (self->selected) != NULL)
    server = g_object_ref (cwa_virtual_server_get_server (self->selected));
  else if (g_list_model_get_n_items (servers) > 0)
    server = g_list_model_get_item (servers, 0);
  else
    {
      g_autofree gchar *fqdn = unique_name (servers, "cwaserver", ".example.com", TRUE);

      server = cwa_server_new (fqdn);
    }

  url = unique_name (servers, "https://im", ".example.com", FALSE);
  virtual_server = cwa_virtual_server_new (url, CWA_AUDIENCE_INTERNAL);
  cwa_plan_edits_add_virtual_server (self->plan, server, virtual_server);
  cwa_deployment_editor_select (self, virtual_server);
  gtk_widget_grab_focus (GTK_WIDGET (self->url_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->url_entry), 0, -1);
}

/* The plan's history records the deletion: the window's Ctrl+Z, or the
 * toast's Undo, puts it back. */
static void remove_selected_member (CwaDeploymentEditor *self);

static void
delete_action (GtkWidget   *widget,
               const gchar *action_name,
               GVariant    *parameter)
{
  CwaDeploymentEditor *self = CWA_DEPLOYMENT_EDITOR (widget);

  if (self->plan == NULL || self->selected == NULL)
    return;

  if (CWA_IS_SERVER (self->selected))
    cwa_plan_edits_delete_server (self->plan, self->selected);
  else if (CWA_IS_VIRTUAL_SERVER (self->selected))
    cwa_plan_edits_delete_virtual_server (self->plan, self->selected);
  else if (CWA_IS_LOAD_BALANCER (self->selected))
    cwa_plan_edits_delete_load_balancer (self->plan, self->selected);
  else if (CWA_IS_REVERSE_PROXY (self->selected))
    cwa_plan_edits_delete_reverse_proxy (self->plan, self->selected);
  else if (CWA_IS_PUBLISHING_RULE (self->selected))
    cwa_plan_edits_delete_publishing_rule (self->plan, self->selected);
  else if (GTK_IS_STRING_OBJECT (self->selected))
    remove_selected_member (self);
}

/* A member row's parent row is its load balancer. */
static void
remove_selected_member (CwaDeploymentEditor *self)
{
  GtkTreeListRow *row = gtk_single_selection_get_selected_item (self->selection);
  g_autoptr(GtkTreeListRow) parent = row != NULL ? gtk_tree_list_row_get_parent (row) : NULL;
  g_autoptr(GObject) load_balancer = parent != NULL ? gtk_tree_list_row_get_item (parent) : NULL;
  g_autofree gchar *name = g_strdup (gtk_string_object_get_string (self->selected));

  if (CWA_IS_LOAD_BALANCER (load_balancer))
    cwa_plan_edits_remove_member (self->plan, CWA_LOAD_BALANCER (load_balancer), name);
}

/* New load balancers and proxies get a free placeholder name in the
 * domain of the first computer, selected for typing over. */
static gchar *
placeholder_name (CwaDeploymentEditor *self,
                  const gchar         *label,
                  gboolean             load_balancer)
{
  CwaDeployment *deployment = cwa_plan_get_deployment (self->plan);
  GListModel *servers = cwa_deployment_get_servers (deployment);
  g_autoptr(CwaServer) first = g_list_model_get_n_items (servers) > 0 ? g_list_model_get_item (servers, 0) : NULL;
  const gchar *dot = first != NULL ? strchr (cwa_server_get_fqdn (first), '.') : NULL;
  const gchar *domain = dot != NULL ? dot : ".example.com";

  for (guint n = 1; ; n++)
    {
      g_autofree gchar *name = g_strdup_printf ("%s%u%s", label, n, domain);

      if ((load_balancer ? (gpointer) cwa_deployment_find_load_balancer (deployment, name)
                         : (gpointer) cwa_deployment_find_reverse_proxy (deployment, name)) == NULL)
        return g_steal_pointer (&name);
    }
}

static void
add_load_balancer_action (GtkWidget   *widget,
                          const gchar *action_name,
                          GVariant    *parameter)
{
  CwaDeploymentEditor *self = CWA_DEPLOYMENT_EDITOR (widget);
  g_autoptr(CwaLoadBalancer) load_balancer = NULL;
  g_autofree gchar *fqdn = NULL;

  if (self->plan == NULL)
    return;

  fqdn = placeholder_name (self, "pool", TRUE);
  load_balancer = cwa_load_balancer_new (fqdn);
  cwa_plan_edits_add_load_balancer (self->plan, load_balancer);
  cwa_deployment_editor_select (self, load_balancer);
}

static void
add_reverse_proxy_action (GtkWidget   *widget,
                          const gchar *action_name,
                          GVariant    *parameter)
{
  CwaDeploymentEditor *self = CWA_DEPLOYMENT_EDITOR (widget);
  g_autoptr(CwaReverseProxy) proxy = NULL;
  g_autofree gchar *fqdn = NULL;

  if (self->plan == NULL)
    return;

  fqdn = placeholder_name (self, "proxy", FALSE);
  proxy = cwa_reverse_proxy_new (fqdn);
  cwa_plan_edits_add_reverse_proxy (self->plan, proxy);
  cwa_deployment_editor_select (self, proxy);
}

void
cwa_deployment_editor_make_array (CwaDeploymentEditor *self,
                                  CwaVirtualServer    *virtual_server)
{
  CwaLoadBalancer *load_balancer;

  g_return_if_fail (CWA_IS_DEPLOYMENT_EDITOR (self));
  g_return_if_fail (CWA_IS_VIRTUAL_SERVER (virtual_server));

  if (self->plan == NULL)
    return;
  load_balancer = cwa_plan_edits_make_array (self->plan, virtual_server);
  if (load_balancer != NULL)
    cwa_deployment_editor_select (self, load_balancer);
}

static void
make_array_action (GtkWidget   *widget,
                   const gchar *action_name,
                   GVariant    *parameter)
{
  CwaDeploymentEditor *self = CWA_DEPLOYMENT_EDITOR (widget);

  if (CWA_IS_VIRTUAL_SERVER (self->selected))
    cwa_deployment_editor_make_array (self, self->selected);
}

/* Publishing rules. */

/* @virtual_server on @proxy (cwa_plan_edits_publish(), a step of the
 * plan's history); the rule is then selected, its form open for the
 * listener and its certificate.  When @proxy publishes that host already,
 * its rule is selected. */
static void
publish_on (CwaDeploymentEditor *self,
            CwaVirtualServer    *virtual_server,
            CwaReverseProxy     *proxy)
{
  CwaPublishingRule *rule;

  rule = cwa_plan_edits_publish (self->plan, virtual_server, proxy);
  if (rule == NULL)
    rule = cwa_reverse_proxy_find_publishing_rule (proxy, cwa_virtual_server_get_host (virtual_server));
  if (rule != NULL)
    cwa_deployment_editor_select (self, rule);
}

/* The reverse proxy that is selected, or whose rule is; NULL otherwise. */
static CwaReverseProxy *
selected_proxy (CwaDeploymentEditor *self)
{
  if (CWA_IS_REVERSE_PROXY (self->selected))
    return self->selected;
  if (CWA_IS_PUBLISHING_RULE (self->selected))
    return cwa_publishing_rule_get_reverse_proxy (self->selected);
  return NULL;
}

/* The first external virtual server (plan order) whose host @proxy does
 * not publish yet: what "Add Publishing Rule" publishes, the rule's form
 * then choosing another.  Borrowed, or NULL. */
static CwaVirtualServer *
unpublished_virtual_server (CwaDeploymentEditor *self,
                            CwaReverseProxy     *proxy)
{
  GListModel *servers = cwa_deployment_get_servers (cwa_plan_get_deployment (self->plan));

  for (guint i = 0; i < g_list_model_get_n_items (servers); i++)
    {
      g_autoptr(CwaServer) server = g_list_model_get_item (servers, i);
      GListModel *vss = cwa_server_get_virtual_servers (server);

      for (guint j = 0; j < g_list_model_get_n_items (vss); j++)
        {
          g_autoptr(CwaVirtualServer) vs = g_list_model_get_item (vss, j);
          const gchar *host = cwa_virtual_server_get_host (vs);

          if (cwa_virtual_server_get_audience (vs) == CWA_AUDIENCE_EXTERNAL && host != NULL &&
              cwa_reverse_proxy_find_publishing_rule (proxy, host) == NULL)
            return vs;
        }
    }
  return NULL;
}

/* With the plan's several reverse proxies to choose from, a menu of them
 * by FQDN drops down from the form's button (cwa-proxy-menu.h). */
static void
choose_proxy (CwaDeploymentEditor *self)
{
  g_autoptr(GMenu) menu = NULL;

  if (!gtk_widget_get_mapped (self->publish_button))
    return;
  menu = cwa_proxy_menu_new (self->plan);
  if (self->proxy_popover == NULL)
    {
      self->proxy_popover = gtk_popover_menu_new_from_model (NULL);
      gtk_widget_set_parent (self->proxy_popover, self->publish_button);
      gtk_popover_set_position (GTK_POPOVER (self->proxy_popover), GTK_POS_BOTTOM);
    }
  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->proxy_popover), G_MENU_MODEL (menu));
  gtk_popover_popup (GTK_POPOVER (self->proxy_popover));
}

/* "Publish Through Reverse Proxy…" on the selected external virtual
 * server: through the plan's reverse proxy when it has one, a new one when
 * it has none, and the user's choice among several. */
static void
publish_action (GtkWidget   *widget,
                const gchar *action_name,
                GVariant    *parameter)
{
  CwaDeploymentEditor *self = CWA_DEPLOYMENT_EDITOR (widget);
  GListModel *proxies;
  g_autoptr(CwaReverseProxy) proxy = NULL;

  if (self->plan == NULL || !CWA_IS_VIRTUAL_SERVER (self->selected))
    return;

  proxies = cwa_deployment_get_reverse_proxies (cwa_plan_get_deployment (self->plan));
  if (g_list_model_get_n_items (proxies) > 1)
    {
      choose_proxy (self);
      return;
    }
  if (g_list_model_get_n_items (proxies) == 1)
    proxy = g_list_model_get_item (proxies, 0);
  else
    {
      g_autofree gchar *fqdn = placeholder_name (self, "proxy", FALSE);

      proxy = cwa_reverse_proxy_new (fqdn);
    }
  publish_on (self, self->selected, proxy);
}

/* "editor.publish-on" with a reverse proxy's FQDN: the selected virtual
 * server through that proxy (the choice among several). */
static void
publish_on_action (GtkWidget   *widget,
                   const gchar *action_name,
                   GVariant    *parameter)
{
  CwaDeploymentEditor *self = CWA_DEPLOYMENT_EDITOR (widget);
  CwaReverseProxy *proxy;

  if (self->plan == NULL || !CWA_IS_VIRTUAL_SERVER (self->selected))
    return;
  proxy = cwa_deployment_find_reverse_proxy (cwa_plan_get_deployment (self->plan),
                                             g_variant_get_string (parameter, NULL));
  if (proxy != NULL)
    publish_on (self, self->selected, proxy);
}

/* "Add Publishing Rule" on the selected reverse proxy, or beside the
 * selected rule: a rule there for the first external virtual server it
 * does not publish yet. */
static void
add_publishing_rule_action (GtkWidget   *widget,
                            const gchar *action_name,
                            GVariant    *parameter)
{
  CwaDeploymentEditor *self = CWA_DEPLOYMENT_EDITOR (widget);
  CwaReverseProxy *proxy = selected_proxy (self);
  CwaVirtualServer *virtual_server;

  if (self->plan == NULL || proxy == NULL)
    return;
  virtual_server = unpublished_virtual_server (self, proxy);
  if (virtual_server != NULL)
    publish_on (self, virtual_server, proxy);
}

/* The topology view: a toggle away, clicking a box edits it. */

static void
topology_toggled_cb (CwaDeploymentEditor *self)
{
  gtk_stack_set_visible_child_name (self->view_stack,
                                    gtk_toggle_button_get_active (self->topology_toggle) ? "topology" : "tree");
}

static void
topology_activated_cb (CwaDeploymentEditor *self,
                       GObject             *subject)
{
  cwa_deployment_editor_select (self, subject);
}

/* Plan and checklist. */

static void
deployment_changed_cb (CwaDeploymentEditor *self)
{
  update_actions (self);
  gtk_stack_set_visible_child_name (self->tree_stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->tree_model)) > 0
                                      ? "tree" : "empty");
  sync_choices (self);
  update_placeholders (self);
}

static void
plan_name_notify_cb (CwaDeploymentEditor *self)
{
  self->filling = TRUE;
  set_entry_text (self->plan_name_entry, cwa_plan_get_name (self->plan));
  self->filling = FALSE;
}

CwaPlan *
cwa_deployment_editor_get_plan (CwaDeploymentEditor *self)
{
  g_return_val_if_fail (CWA_IS_DEPLOYMENT_EDITOR (self), NULL);
  return self->plan;
}

void
cwa_deployment_editor_set_plan (CwaDeploymentEditor *self,
                                CwaPlan             *plan)
{
  CwaDeployment *deployment;

  g_return_if_fail (CWA_IS_DEPLOYMENT_EDITOR (self));
  g_return_if_fail (plan == NULL || CWA_IS_PLAN (plan));

  if (self->plan == plan)
    return;

  set_selected (self, NULL);
  g_set_object (&self->plan, plan);

  gtk_list_view_set_model (self->tree_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->tree_model);
  cwa_certificate_choice_bind (self->mtls_dropdown, plan);
  cwa_certificate_choice_bind (self->ssl_dropdown, plan);

  if (plan != NULL)
    {
      deployment = cwa_plan_get_deployment (plan);
      self->tree_model = gtk_tree_list_model_new (top_level_model (deployment),
                                                  FALSE, TRUE, create_children_cb, NULL, NULL);
      self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->tree_model)));
      gtk_single_selection_set_autoselect (self->selection, TRUE);
      g_signal_connect_object (self->selection, "notify::selected-item",
                               G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
      gtk_list_view_set_model (self->tree_view, GTK_SELECTION_MODEL (self->selection));
    }
  g_signal_group_set_target (self->deployment_signals,
                             plan != NULL ? cwa_plan_get_deployment (plan) : NULL);
  g_signal_group_set_target (self->plan_signals, plan);

  if (plan != NULL)
    {
      plan_name_notify_cb (self);
      /* Undoing the name typed for another plan would rename this one. */
      forget_entry_undo (self->plan_name_entry);
      deployment_changed_cb (self);
      selection_changed_cb (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}

CwaChecklist *
cwa_deployment_editor_get_checklist (CwaDeploymentEditor *self)
{
  g_return_val_if_fail (CWA_IS_DEPLOYMENT_EDITOR (self), NULL);
  return self->checklist;
}

void
cwa_deployment_editor_set_checklist (CwaDeploymentEditor *self,
                                     CwaChecklist        *checklist)
{
  g_return_if_fail (CWA_IS_DEPLOYMENT_EDITOR (self));
  g_return_if_fail (checklist == NULL || CWA_IS_CHECKLIST (checklist));

  if (self->checklist == checklist)
    return;

  g_set_object (&self->checklist, checklist);
  g_signal_group_set_target (self->checklist_signals, checklist);
  cwa_certificate_choice_set_checklist (self->mtls_dropdown, checklist);
  cwa_certificate_choice_set_checklist (self->ssl_dropdown, checklist);
  refresh_all_rows_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECKLIST]);
}

/* GObject. */

static void
cwa_deployment_editor_dispose (GObject *object)
{
  CwaDeploymentEditor *self = CWA_DEPLOYMENT_EDITOR (object);

  cwa_deployment_editor_set_plan (self, NULL);
  cwa_deployment_editor_set_checklist (self, NULL);
  g_clear_object (&self->checklist_signals);
  g_clear_object (&self->plan_signals);
  g_clear_object (&self->deployment_signals);
  g_clear_pointer (&self->proxy_popover, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), CWA_TYPE_DEPLOYMENT_EDITOR);
  g_clear_pointer (&self->bound_rows, g_hash_table_unref);

  G_OBJECT_CLASS (cwa_deployment_editor_parent_class)->dispose (object);
}

static void
cwa_deployment_editor_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  CwaDeploymentEditor *self = CWA_DEPLOYMENT_EDITOR (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    case PROP_CHECKLIST:
      g_value_set_object (value, self->checklist);
      break;
    case PROP_SELECTED:
      g_value_set_object (value, self->selected);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cwa_deployment_editor_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  CwaDeploymentEditor *self = CWA_DEPLOYMENT_EDITOR (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      cwa_deployment_editor_set_plan (self, g_value_get_object (value));
      break;
    case PROP_CHECKLIST:
      cwa_deployment_editor_set_checklist (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cwa_deployment_editor_class_init (CwaDeploymentEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cwa_deployment_editor_dispose;
  object_class->get_property = cwa_deployment_editor_get_property;
  object_class->set_property = cwa_deployment_editor_set_property;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, CWA_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CHECKLIST] =
    g_param_spec_object ("checklist", NULL, NULL, CWA_TYPE_CHECKLIST,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL, G_TYPE_OBJECT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CWA_TYPE_TOPOLOGY_VIEW);
  g_type_ensure (CWA_TYPE_LOAD_BALANCER_FORM);
  g_type_ensure (CWA_TYPE_REVERSE_PROXY_FORM);
  g_type_ensure (CWA_TYPE_PUBLISHING_RULE_FORM);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/cwacertplanner/CertPlanner/cwa-deployment-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CwaDeploymentEditor, box);
  /* Looked up by the tests only. */
  gtk_widget_class_bind_template_child_full (widget_class, "add_button", FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, CwaDeploymentEditor, plan_name_entry);
  gtk_widget_class_bind_template_child (widget_class, CwaDeploymentEditor, tree_stack);
  gtk_widget_class_bind_template_child (widget_class, CwaDeploymentEditor, view_stack);
  gtk_widget_class_bind_template_child (widget_class, CwaDeploymentEditor, topology_toggle);
  gtk_widget_class_bind_template_child (widget_class, CwaDeploymentEditor, topology_view);
  gtk_widget_class_bind_template_callback (widget_class, topology_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, topology_activated_cb);
  gtk_widget_class_bind_template_child (widget_class, CwaDeploymentEditor, tree_view);
  gtk_widget_class_bind_template_child (widget_class, CwaDeploymentEditor, form_stack);
  gtk_widget_class_bind_template_child (widget_class, CwaDeploymentEditor, fqdn_entry);
  gtk_widget_class_bind_template_child (widget_class, CwaDeploymentEditor, fqdn_error);
  gtk_widget_class_bind_template_child (widget_class, CwaDeploymentEditor, mtls_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CwaDeploymentEditor, url_entry);
  gtk_widget_class_bind_template_child (widget_class, CwaDeploymentEditor, url_error);
  gtk_widget_class_bind_template_child (widget_class, CwaDeploymentEditor, audience_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CwaDeploymentEditor, listen_entry);
  gtk_widget_class_bind_template_child (widget_class, CwaDeploymentEditor, listen_error);
  gtk_widget_class_bind_template_child (widget_class, CwaDeploymentEditor, as_url_entry);
  gtk_widget_class_bind_template_child (widget_class, CwaDeploymentEditor, as_url_error);
  gtk_widget_class_bind_template_child (widget_class, CwaDeploymentEditor, download_url_entry);
  gtk_widget_class_bind_template_child (widget_class, CwaDeploymentEditor, download_url_error);
  gtk_widget_class_bind_template_child (widget_class, CwaDeploymentEditor, ssl_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CwaDeploymentEditor, load_balancer_form);
  gtk_widget_class_bind_template_child (widget_class, CwaDeploymentEditor, reverse_proxy_form);
  gtk_widget_class_bind_template_child (widget_class, CwaDeploymentEditor, publishing_rule_form);
  gtk_widget_class_bind_template_child (widget_class, CwaDeploymentEditor, publish_button);
  gtk_widget_class_bind_template_callback (widget_class, fqdn_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, url_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, listen_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, as_url_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, download_url_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, plan_name_changed_cb);

  gtk_widget_class_install_action (widget_class, "editor.add-server", NULL, add_server_action);
  gtk_widget_class_install_action (widget_class, "editor.add-virtual-server", NULL, add_virtual_server_action);
  gtk_widget_class_install_action (widget_class, "editor.add-load-balancer", NULL, add_load_balancer_action);
  gtk_widget_class_install_action (widget_class, "editor.add-reverse-proxy", NULL, add_reverse_proxy_action);
  gtk_widget_class_install_action (widget_class, "editor.make-array", NULL, make_array_action);
  gtk_widget_class_install_action (widget_class, "editor.publish", NULL, publish_action);
  gtk_widget_class_install_action (widget_class, "editor.publish-on", "s", publish_on_action);
  gtk_widget_class_install_action (widget_class, "editor.add-publishing-rule", NULL, add_publishing_rule_action);
  gtk_widget_class_install_action (widget_class, "editor.delete", NULL, delete_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "editor.delete", NULL);
}

/* The adding shortcuts work wherever the focus is in the window.  Not
 * application accelerators: GTK activates those on the window, where the
 * editor's own "editor." actions cannot be found (upward lookup only).
 * In the capture phase, so that an entry's input method does not take
 * Ctrl+Shift+U for Unicode input first: right after adding a computer
 * the focus is in its FQDN entry, and the next step adds its virtual
 * server. */
static void
add_global_shortcuts (CwaDeploymentEditor *self)
{
  static const struct { const gchar *trigger; const gchar *action; } shortcuts[] = {
    { "<Control><Shift>n", "editor.add-server" },
    { "<Control><Shift>u", "editor.add-virtual-server" },
    { "<Control><Shift>b", "editor.add-load-balancer" },
    { "<Control><Shift>p", "editor.add-reverse-proxy" },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_GLOBAL);
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_shortcut_trigger_parse_string (shortcuts[i].trigger),
                                                            gtk_named_action_new (shortcuts[i].action)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
cwa_deployment_editor_init (CwaDeploymentEditor *self)
{
  GtkListItemFactory *factory;

  self->checklist_signals = g_signal_group_new (CWA_TYPE_CHECKLIST);
  g_signal_group_connect_object (self->checklist_signals, "updated",
                                 G_CALLBACK (refresh_all_rows_cb), self, G_CONNECT_SWAPPED);
  self->plan_signals = g_signal_group_new (CWA_TYPE_PLAN);
  g_signal_group_connect_object (self->plan_signals, "notify::name",
                                 G_CALLBACK (plan_name_notify_cb), self, G_CONNECT_SWAPPED);
  self->deployment_signals = g_signal_group_new (CWA_TYPE_DEPLOYMENT);
  g_signal_group_connect_object (self->deployment_signals, "changed",
                                 G_CALLBACK (deployment_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->bound_rows = g_hash_table_new (NULL, NULL);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "setup", G_CALLBACK (row_setup_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (row_bind_cb), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (row_unbind_cb), self, 0);
  gtk_list_view_set_factory (self->tree_view, factory);
  g_object_unref (factory);

  g_signal_connect_object (self->mtls_dropdown, "notify::selected",
                           G_CALLBACK (mtls_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->ssl_dropdown, "notify::selected",
                           G_CALLBACK (ssl_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->audience_dropdown, "notify::selected",
                           G_CALLBACK (audience_selected_cb), self, G_CONNECT_SWAPPED);

  add_global_shortcuts (self);
  update_actions (self);
  gtk_stack_set_visible_child_name (self->view_stack, "tree");
}

GtkWidget *
cwa_deployment_editor_new (void)
{
  return g_object_new (CWA_TYPE_DEPLOYMENT_EDITOR, NULL);
}

/* cwa-required-names.c: the checklist panel's Required Names: a group per role entry, each name copyable, and certificate requests. */
#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cwa-required-names.h"
#include "cwa-request.h"
#include "cwa-ui-names.h"
#include "cwa-ui-util.h"
#include "cwa-vs-label.h"

struct _CwaRequiredNames
{
  GtkWidget     parent_instance;

  CwaChecklist *checklist;
  GSignalGroup *checklist_signals;
  gboolean      empty;

  /* The requirements model followed, and a group per item (NULL until
   * made). */
  GListModel   *requirements;
  gulong        requirements_handler;
  GPtrArray    *groups;
  /* Entries whose groups are still to be made. */
  guint         n_unplaced;
  guint         groups_idle_id;

  GtkFileChooserNative *chooser;
};

enum {
  PROP_0,
  PROP_CHECKLIST,
  PROP_EMPTY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CwaRequiredNames, cwa_required_names, GTK_TYPE_WIDGET)

/* Up to this many groups are made at once; more in slices of this many
 * µs (see schedule_groups()). */
#define GROUPS_AT_ONCE    16
#define GROUPS_SLICE_USEC 4000

static GtkWidget *make_request_button (void);
static void show_request_chooser (CwaRequiredNames  *self,
                                  CwaRequirement    *requirement,
                                  CwaRequestFormat   format);

/* Required names. */

/* What name @index of cwa_requirement_dup_all_names() is for: the subject
 * (index 0) is a SAN too only when the role lists it there; an MTLS role
 * needs no SAN at all, as the CLI and reports say. */
static const gchar *
name_kind (CwaRequirement *requirement,
           guint           index)
{
  const gchar * const *san = cwa_requirement_get_san (requirement);

  if (index > 0)
    return _("Subject alternative name");
  if (san != NULL && g_strv_contains (san, cwa_requirement_get_subject (requirement)))
    return _("Subject (CN) and subject alternative name");
  if (san == NULL || san[0] == NULL)
    return _("Subject (CN); no subject alternative name required");
  return _("Subject (CN)");
}

static gchar *
role_title (CwaRequirement *requirement)
{
  switch (cwa_requirement_get_role (requirement))
    {
    case CWA_ROLE_SHARED:
      return g_strdup (_("Shared certificate (SSL and MTLS)"));
    case CWA_ROLE_SSL:
      return g_strdup (_("SSL certificate"));
    case CWA_ROLE_LOAD_BALANCER:
      return g_strdup (_("Load balancer SSL certificate"));
    case CWA_ROLE_REVERSE_PROXY:
      return g_strdup (_("Reverse-proxy listener certificate"));
    case CWA_ROLE_MTLS:
    default:
      return g_strdup (_("MTLS certificate"));
    }
}

static gchar *
role_description (CwaRequirement *requirement)
{
  CwaServer *server = cwa_requirement_get_server (requirement);
  CwaVirtualServer *vs = cwa_requirement_get_virtual_server (requirement);
  CwaLoadBalancer *lb = cwa_requirement_get_load_balancer (requirement);
  CwaReverseProxy *proxy = cwa_requirement_get_reverse_proxy (requirement);

  if (proxy != NULL)
    /* Translators: the first %s is a reverse proxy's FQDN, the second the published host */
    return g_strdup_printf (_("For %s publishing %s"), cwa_reverse_proxy_get_fqdn (proxy),
                            cwa_requirement_get_subject (requirement));
  if (lb != NULL && cwa_requirement_get_role (requirement) == CWA_ROLE_LOAD_BALANCER)
    /* Translators: %s is a load balancer's FQDN (the array FQDN) */
    return g_strdup_printf (_("For the load balancer %s"), cwa_load_balancer_get_fqdn (lb));
  if (lb != NULL)
    /* Translators: %s is a load balancer's FQDN (the array FQDN) */
    return g_strdup_printf (_("For every member of the array %s"), cwa_load_balancer_get_fqdn (lb));
  if (vs != NULL && server != NULL)
    {
      g_autofree gchar *label = cwa_vs_label_dup (vs, CWA_LABEL_TRANSLATED);

      return g_strdup_printf (_("For %s on %s"), label, cwa_server_get_fqdn (server));
    }
  if (server != NULL)
    return g_strdup_printf (_("For %s"), cwa_server_get_fqdn (server));
  return g_strdup ("");
}

static gchar *
requirement_names_text (CwaRequirement *requirement)
{
  g_auto(GStrv) names = cwa_requirement_dup_all_names (requirement);
  g_autofree gchar *joined = g_strjoinv ("\n", names);

  return g_strconcat (joined, "\n", NULL);
}

static void
copy_name_clicked_cb (GtkButton *button,
                      gpointer   user_data)
{
  const gchar *text = g_object_get_data (G_OBJECT (button), "cwa-text");
  g_autofree gchar *escaped = NULL;
  g_autofree gchar *title = NULL;

  cwa_ui_copy_text (GTK_WIDGET (button), text);
  /* Translators: toast after copying names to the clipboard */
  title = g_strdup_printf (_("Copied: %s"), text);
  g_strstrip (title);
  g_strdelimit (title, "\n", ' ');
  escaped = g_markup_escape_text (title, -1);
  cwa_ui_show_toast (GTK_WIDGET (button), escaped);
}

static GtkWidget *
make_copy_button (const gchar *text,
                  const gchar *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("edit-copy-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  g_object_set_data_full (G_OBJECT (button), "cwa-text", g_strdup (text), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (copy_name_clicked_cb), NULL);
  return button;
}

/* "Write a certificate request" of one role entry's group: the group's
 * own action, so it follows the entry wherever the list moves it. */
static void
request_activate_cb (GSimpleAction *action,
                     GVariant      *parameter,
                     GtkWidget     *group)
{
  GtkWidget *names = gtk_widget_get_ancestor (group, CWA_TYPE_REQUIRED_NAMES);
  CwaRequirement *requirement = g_object_get_data (G_OBJECT (group), "cwa-requirement");
  CwaRequestFormat format;

  if (names != NULL && cwa_request_format_from_string (g_variant_get_string (parameter, NULL), &format))
    show_request_chooser (CWA_REQUIRED_NAMES (names), requirement, format);
}

static GtkWidget *
make_requirement_group (CwaRequirement *requirement)
{
  g_auto(GStrv) names = cwa_requirement_dup_all_names (requirement);
  g_autofree gchar *title = role_title (requirement);
  g_autofree gchar *description = role_description (requirement);
  g_autofree gchar *all = requirement_names_text (requirement);
  g_autofree gchar *escaped = g_markup_escape_text (description, -1);
  g_autofree gchar *copy_tooltip = g_strdup_printf (_("Copy the names of the %s"), title);
  g_autoptr(GSimpleActionGroup) actions = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) request = g_simple_action_new ("request", G_VARIANT_TYPE_STRING);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *suffix = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  g_object_set_data_full (G_OBJECT (group), "cwa-requirement", g_object_ref (requirement), g_object_unref);
  g_signal_connect_object (request, "activate", G_CALLBACK (request_activate_cb), group, 0);
  g_action_map_add_action (G_ACTION_MAP (actions), G_ACTION (request));
  gtk_widget_insert_action_group (group, "requirement", G_ACTION_GROUP (actions));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), escaped);
  gtk_box_append (GTK_BOX (suffix), make_request_button ());
  gtk_box_append (GTK_BOX (suffix), make_copy_button (all, copy_tooltip));
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), suffix);

  for (guint j = 0; names[j] != NULL; j++)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree gchar *name = g_markup_escape_text (names[j], -1);
      g_autofree gchar *tooltip = g_strdup_printf (_("Copy “%s”"), names[j]);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), name_kind (requirement, j));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), make_copy_button (names[j], tooltip));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  cwa_ui_names_wrap_group_title (ADW_PREFERENCES_GROUP (group));
  cwa_ui_names_apply_below (group);
  return group;
}

/* Makes the group of requirement @index and puts it after the nearest
 * group before it: the groups made stand in model order. */
static void
place_requirement_group (CwaRequiredNames  *self,
                         guint              index)
{
  g_autoptr(CwaRequirement) requirement = g_list_model_get_item (self->requirements, index);
  GtkWidget *group = make_requirement_group (requirement);
  GtkWidget *previous = NULL;

  for (guint i = index; i > 0 && previous == NULL; i--)
    previous = g_ptr_array_index (self->groups, i - 1);
  gtk_widget_insert_after (group, GTK_WIDGET (self), previous);
  self->groups->pdata[index] = group;
  self->n_unplaced--;
}

/* Makes the groups still to be made, until @deadline (monotonic µs; 0
 * for no limit).  TRUE when none is left. */
static gboolean
place_groups (CwaRequiredNames *self,
              gint64            deadline)
{
  for (guint i = 0; i < self->groups->len && self->n_unplaced > 0; i++)
    {
      if (deadline != 0 && g_get_monotonic_time () >= deadline)
        break;
      if (g_ptr_array_index (self->groups, i) == NULL)
        place_requirement_group (self, i);
    }
  return self->n_unplaced == 0;
}

static gboolean
place_groups_idle (gpointer data)
{
  CwaRequiredNames *self = data;

  if (!place_groups (self, g_get_monotonic_time () + GROUPS_SLICE_USEC))
    return G_SOURCE_CONTINUE;
  self->groups_idle_id = 0;
  return G_SOURCE_REMOVE;
}

/* A few groups are made at once; many in slices of a few milliseconds,
 * below the redraws' priority and below the findings' rows
 * (cwa-findings-list.c), which a publish makes first. */
static void
schedule_groups (CwaRequiredNames *self)
{
  if (self->n_unplaced <= GROUPS_AT_ONCE)
    {
      g_clear_handle_id (&self->groups_idle_id, g_source_remove);
      place_groups (self, 0);
      return;
    }
  if (place_groups (self, g_get_monotonic_time () + GROUPS_SLICE_USEC) || self->groups_idle_id != 0)
    return;
  self->groups_idle_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE + 1, place_groups_idle, self, NULL);
}

static void
set_empty (CwaRequiredNames *self,
           gboolean          empty)
{
  if (self->empty == empty)
    return;
  self->empty = empty;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMPTY]);
}

/* The groups follow the requirements model's items-changed, one group
 * per role entry, in model order: an entry the run kept keeps its group.
 * Until made (schedule_groups()), an entry's group is NULL. */
static void
requirements_changed_cb (GListModel        *model,
                         guint              position,
                         guint              removed,
                         guint              added,
                         CwaRequiredNames  *self)
{
  GPtrArray *groups = self->groups;

  for (guint i = position; i < position + removed; i++)
    {
      GtkWidget *group = g_ptr_array_index (groups, i);

      if (group != NULL)
        gtk_widget_unparent (group);
      else
        self->n_unplaced--;
    }
  g_ptr_array_remove_range (groups, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (groups, (gint) (position + i), NULL);
  self->n_unplaced += added;
  set_empty (self, groups->len == 0);
  schedule_groups (self);
}

/* A group's description names the computer or virtual server of its entry,
 * which an edit may rename without changing the entry. */
static void
refresh_requirement_descriptions (CwaRequiredNames  *self)
{
  for (guint i = 0; i < self->groups->len; i++)
    {
      AdwPreferencesGroup *group = g_ptr_array_index (self->groups, i);
      CwaRequirement *requirement;
      g_autofree gchar *description = NULL;
      g_autofree gchar *escaped = NULL;

      if (group == NULL)
        continue;
      requirement = g_object_get_data (G_OBJECT (group), "cwa-requirement");
      description = role_description (requirement);
      escaped = g_markup_escape_text (description, -1);
      if (g_strcmp0 (adw_preferences_group_get_description (group), escaped) != 0)
        adw_preferences_group_set_description (group, escaped);
    }
}

static void
set_requirements_model (CwaRequiredNames  *self,
                        GListModel        *model)
{
  if (self->requirements != NULL)
    {
      g_clear_signal_handler (&self->requirements_handler, self->requirements);
      requirements_changed_cb (self->requirements, 0, self->groups->len, 0, self);
      g_clear_object (&self->requirements);
    }
  set_empty (self, TRUE);
  if (model == NULL)
    return;
  self->requirements = g_object_ref (model);
  self->requirements_handler = g_signal_connect_object (model, "items-changed",
                                                       G_CALLBACK (requirements_changed_cb), self, 0);
  requirements_changed_cb (model, 0, 0, g_list_model_get_n_items (model), self);
}

gchar *
cwa_required_names_dup_text (CwaRequiredNames *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  GListModel *requirements;

  g_return_val_if_fail (CWA_IS_REQUIRED_NAMES (self), NULL);

  if (self->checklist == NULL)
    return g_strdup ("");

  requirements = cwa_checklist_get_requirements (self->checklist);
  for (guint i = 0; i < g_list_model_get_n_items (requirements); i++)
    {
      g_autoptr(CwaRequirement) requirement = g_list_model_get_item (requirements, i);
      g_autofree gchar *title = role_title (requirement);
      g_autofree gchar *description = role_description (requirement);
      const gchar * const *san = cwa_requirement_get_san (requirement);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, "%s — %s\n", title, description);
      /* Translators: in the copied list of required names */
      g_string_append_printf (text, _("  Subject: CN=%s\n"), cwa_requirement_get_subject (requirement));
      for (guint j = 0; san[j] != NULL; j++)
        g_string_append_printf (text, _("  SAN: DNS:%s\n"), san[j]);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Certificate requests for one role entry. */

static void
request_response_cb (GtkNativeDialog   *chooser,
                     gint               response,
                     CwaRequiredNames  *self)
{
  CwaRequirement *requirement = g_object_get_data (G_OBJECT (chooser), "cwa-requirement");
  CwaRequestFormat format = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (chooser), "cwa-format"));
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree gchar *text = NULL;
  g_autofree gchar *path = NULL;
  g_autofree gchar *key_path = NULL;
  g_autofree gchar *message = NULL;
  g_autofree gchar *escaped = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    return;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  path = g_file_get_path (file);
  switch (format)
    {
    case CWA_REQUEST_FORMAT_INF:
      text = cwa_request_dup_inf (requirement, &error);
      break;
    case CWA_REQUEST_FORMAT_OPENSSL:
      text = cwa_request_dup_openssl_config (requirement, &error);
      break;
    case CWA_REQUEST_FORMAT_CSR:
    default:
      /* The key goes beside the request, never over an existing file. */
      key_path = g_strconcat (path, ".key", NULL);
      text = cwa_request_create_csr (requirement, key_path, &error);
      break;
    }

  if (text != NULL)
    g_file_replace_contents (file, text, strlen (text), NULL, FALSE, G_FILE_CREATE_NONE,
                             NULL, NULL, &error);

  if (error != NULL)
    message = g_strdup_printf (_("Could not write the request: %s"), error->message);
  else if (key_path != NULL)
    message = g_strdup_printf (_("Request written; its private key is in %s"), key_path);
  else
    message = g_strdup_printf (_("Request written to %s"), path);
  escaped = g_markup_escape_text (message, -1);
  cwa_ui_show_toast (GTK_WIDGET (self), escaped);
}

static void
show_request_chooser (CwaRequiredNames  *self,
                      CwaRequirement    *requirement,
                      CwaRequestFormat   format)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree gchar *suggested = NULL;
  const gchar *extension;

  extension = format == CWA_REQUEST_FORMAT_INF ? "inf" : format == CWA_REQUEST_FORMAT_OPENSSL ? "cnf" : "csr";
  suggested = g_strdup_printf ("%s.%s", cwa_requirement_get_subject (requirement), extension);
  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Save Certificate Request"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), suggested);
  g_object_set_data_full (G_OBJECT (self->chooser), "cwa-requirement", g_object_ref (requirement), g_object_unref);
  g_object_set_data (G_OBJECT (self->chooser), "cwa-format", GUINT_TO_POINTER (format));
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (request_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* The menu of request formats; its items activate the "requirement.request"
 * action of the role entry's group (make_requirement_group()).  Made when
 * the button first opens: a popover menu per role entry, made up front,
 * was most of what a Required Names group cost to make. */
static void
create_request_menu_cb (GtkMenuButton *button,
                        gpointer       user_data)
{
  static const struct { const gchar *format; const gchar *label; } formats[] = {
    { "inf", N_("Windows certreq _INF…") },
    { "openssl", N_("_OpenSSL Configuration…") },
    { "csr", N_("New Key and _CSR…") },
  };
  g_autoptr(GMenu) menu = NULL;

  if (gtk_menu_button_get_menu_model (button) != NULL)
    return;
  menu = g_menu_new ();
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_(formats[i].label), NULL);

      g_menu_item_set_action_and_target (item, "requirement.request", "s", formats[i].format);
      g_menu_append_item (menu, item);
    }
  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (menu));
}

static GtkWidget *
make_request_button (void)
{
  GtkWidget *button = gtk_menu_button_new ();

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "document-save-symbolic");
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (button), create_request_menu_cb, NULL, NULL);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Write a Certificate Request"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Write a certificate request"),
                                  -1);
  return button;
}

/* Updates. */

CwaChecklist *
cwa_required_names_get_checklist (CwaRequiredNames *self)
{
  g_return_val_if_fail (CWA_IS_REQUIRED_NAMES (self), NULL);
  return self->checklist;
}

void
cwa_required_names_set_checklist (CwaRequiredNames *self,
                                  CwaChecklist     *checklist)
{
  g_return_if_fail (CWA_IS_REQUIRED_NAMES (self));
  g_return_if_fail (checklist == NULL || CWA_IS_CHECKLIST (checklist));

  if (self->checklist == checklist)
    return;

  g_set_object (&self->checklist, checklist);
  g_signal_group_set_target (self->checklist_signals, checklist);
  set_requirements_model (self, checklist != NULL ? cwa_checklist_get_requirements (checklist) : NULL);
  refresh_requirement_descriptions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECKLIST]);
}

gboolean
cwa_required_names_get_empty (CwaRequiredNames *self)
{
  g_return_val_if_fail (CWA_IS_REQUIRED_NAMES (self), TRUE);
  return self->empty;
}

/* GObject. */

static void
cwa_required_names_dispose (GObject *object)
{
  CwaRequiredNames *self = CWA_REQUIRED_NAMES (object);
  GtkWidget *child;

  g_clear_object (&self->checklist_signals);
  g_clear_object (&self->checklist);
  g_clear_handle_id (&self->groups_idle_id, g_source_remove);
  if (self->requirements != NULL)
    g_clear_signal_handler (&self->requirements_handler, self->requirements);
  g_clear_object (&self->requirements);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->chooser);
  g_clear_pointer (&self->groups, g_ptr_array_unref);

  G_OBJECT_CLASS (cwa_required_names_parent_class)->dispose (object);
}

static void
cwa_required_names_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CwaRequiredNames *self = CWA_REQUIRED_NAMES (object);

  switch (prop_id)
    {
    case PROP_CHECKLIST:
      g_value_set_object (value, self->checklist);
      break;
    case PROP_EMPTY:
      g_value_set_boolean (value, self->empty);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cwa_required_names_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CwaRequiredNames *self = CWA_REQUIRED_NAMES (object);

  switch (prop_id)
    {
    case PROP_CHECKLIST:
      cwa_required_names_set_checklist (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cwa_required_names_class_init (CwaRequiredNamesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cwa_required_names_dispose;
  object_class->get_property = cwa_required_names_get_property;
  object_class->set_property = cwa_required_names_set_property;

  properties[PROP_CHECKLIST] =
    g_param_spec_object ("checklist", NULL, NULL, CWA_TYPE_CHECKLIST,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_EMPTY] =
    g_param_spec_boolean ("empty", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The groups are the section's own children, as they were a GtkBox's. */
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "required-names");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
cwa_required_names_init (CwaRequiredNames *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 18);

  self->empty = TRUE;
  self->groups = g_ptr_array_new ();
  self->checklist_signals = g_signal_group_new (CWA_TYPE_CHECKLIST);
  /* The groups have followed the model's items-changed already; what
   * is left is what no model signals. */
  g_signal_group_connect_object (self->checklist_signals, "updated",
                                 G_CALLBACK (refresh_requirement_descriptions), self, G_CONNECT_SWAPPED);
}

GtkWidget *
cwa_required_names_new (void)
{
  return g_object_new (CWA_TYPE_REQUIRED_NAMES, NULL);
}

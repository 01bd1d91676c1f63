/* cwa-live-group.c: the checklist's Live group: one row per endpoint of the last live check, with its findings and served chain. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cwa-live-group.h"
#include "cwa-plan-edits.h"
#include "cwa-rule-text.h"
#include "cwa-ui-names.h"
#include "cwa-ui-util.h"

struct _CwaLiveGroup
{
  GtkWidget     parent_instance;

  CwaLiveCheck *live_check;
  GSignalGroup *live_signals;
  /* The checked plan's certificate entries: whether a served one is in
   * the plan changes with them. */
  GSignalGroup *entries_signals;
  /* Names of the endpoints whose rows are expanded, kept over rebuilds. */
  GHashTable   *expanded;
  /* A rebuild waits for an idle: the rows may be in the middle of a
   * click (Add Served Certificate) when the plan changes. */
  guint         rebuild_id;
  gboolean      show_passed;

  GtkWidget    *group;
};

enum {
  PROP_0,
  PROP_LIVE_CHECK,
  PROP_SHOW_PASSED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CwaLiveGroup, cwa_live_group, GTK_TYPE_WIDGET)

/* Add Served Certificate: the leaf only, as a plan entry of its own; no
 * chain certificate comes along, so nothing becomes trusted by being
 * served. */
static void
add_served_clicked_cb (GtkButton    *button,
                       CwaLiveGroup *self)
{
  CwaCertificate *served = g_object_get_data (G_OBJECT (button), "cwa-certificate");
  CwaPlan *plan = self->live_check != NULL ? cwa_live_check_get_plan (self->live_check) : NULL;
  g_autoptr(CwaCertificate) entry = NULL;
  g_autoptr(GError) error = NULL;
  gboolean translated;

  if (plan == NULL || served == NULL)
    return;

  /* Why it cannot be added, in the user's language. */
  translated = cwa_rule_text_set_translated (TRUE);
  entry = cwa_certificate_new_from_der (cwa_certificate_get_der (served), NULL, 0, &error);
  cwa_rule_text_set_translated (translated);
  if (entry == NULL)
    {
      g_autofree gchar *escaped = g_markup_escape_text (error->message, -1);

      cwa_ui_show_toast (GTK_WIDGET (self), escaped);
      return;
    }
  cwa_plan_edits_add_certificate (plan, entry);
}

static gboolean
can_add (CwaLiveGroup   *self,
         CwaCertificate *leaf)
{
  return !cwa_certificate_is_ca (leaf) && cwa_live_check_find_in_plan (self->live_check, leaf) == NULL;
}

/* A row of its own below the leaf's: beside it the button would squeeze
 * the subject into a narrow column. */
static GtkWidget *
make_add_row (CwaLiveGroup   *self,
              CwaCertificate *leaf)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Add Served Certificate"));

  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_set_margin_start (button, 12);
  gtk_widget_set_margin_end (button, 12);
  gtk_widget_set_margin_top (button, 6);
  gtk_widget_set_margin_bottom (button, 6);
  gtk_widget_set_tooltip_text (button, _("Add this certificate to the plan, to assign it as usual"));
  g_object_set_data_full (G_OBJECT (button), "cwa-certificate", g_object_ref (leaf), g_object_unref);
  g_signal_connect_object (button, "clicked", G_CALLBACK (add_served_clicked_cb), self, 0);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), button);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

/* One row of the served chain: subject, issuer, expiry, and how it stands
 * with the plan. */

static gboolean
is_planned (CwaEndpoint    *endpoint,
            CwaCertificate *certificate)
{
  GPtrArray *planned = cwa_endpoint_get_planned (endpoint);

  for (guint i = 0; i < planned->len; i++)
    if (cwa_certificate_equal (g_ptr_array_index (planned, i), certificate))
      return TRUE;
  return FALSE;
}

static gchar *
dup_plan_standing (CwaLiveGroup   *self,
                   CwaEndpoint    *endpoint,
                   CwaCertificate *certificate,
                   gboolean        leaf)
{
  CwaCertificate *entry = cwa_live_check_find_in_plan (self->live_check, certificate);

  if (leaf && is_planned (endpoint, certificate))
    return g_strdup (_("Planned for this endpoint"));
  if (entry != NULL && leaf)
    /* Translators: %s is the id of a certificate entry of the plan */
    return g_strdup_printf (_("In the plan as “%s”, but not planned here"), cwa_certificate_get_id (entry));
  if (entry != NULL)
    /* Translators: %s is the id of a certificate entry of the plan */
    return g_strdup_printf (_("In the plan as “%s”"), cwa_certificate_get_id (entry));
  return g_strdup (_("Not in the plan"));
}

static GtkWidget *
make_served_row (CwaLiveGroup   *self,
                 CwaEndpoint    *endpoint,
                 CwaCertificate *certificate,
                 gboolean        leaf)
{
  GtkWidget *row = adw_action_row_new ();
  g_autoptr(GDateTime) expiry = g_date_time_new_from_unix_utc (cwa_certificate_get_not_after (certificate));
  g_autofree gchar *date = expiry != NULL ? g_date_time_format (expiry, "%Y-%m-%d") : g_strdup ("?");
  g_autofree gchar *standing = dup_plan_standing (self, endpoint, certificate, leaf);
  g_autofree gchar *subtitle = NULL;
  g_autofree gchar *escaped_subject = g_markup_escape_text (cwa_certificate_get_subject (certificate), -1);
  g_autofree gchar *escaped_subtitle = NULL;

  /* Translators: a served certificate: its issuer's DN, its expiry date, and
   * how it stands with the plan ("Not in the plan") */
  subtitle = g_strdup_printf (_("Issued by %s\nExpires %s · %s"),
                              cwa_certificate_get_issuer (certificate), date, standing);
  escaped_subtitle = g_markup_escape_text (subtitle, -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped_subject);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped_subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_add_css_class (row, "property");
  return row;
}

/* One endpoint. */

static GtkWidget *
make_heading_row (const gchar *text)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static GtkWidget *
make_finding_row (CwaFinding *finding)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new ();
  g_autofree gchar *headline = cwa_ui_dup_finding_headline (finding);
  g_autofree gchar *title = g_markup_escape_text (headline, -1);
  g_autofree gchar *message = g_markup_escape_text (cwa_finding_get_message (finding), -1);

  cwa_ui_status_apply (GTK_IMAGE (icon), cwa_ui_status_for_finding (finding));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), message);
  return row;
}

/* What the endpoint served, in one line: the badge's words and which
 * certificate, or why none. */
static gchar *
dup_summary (CwaLiveGroup   *self,
             CwaProbeResult *result)
{
  CwaCertificate *leaf = cwa_probe_result_get_leaf (result);
  const gchar *label = cwa_ui_live_status_label (cwa_live_check_get_status (self->live_check, result));
  const gchar *address = cwa_probe_result_get_address (result);

  if (leaf == NULL)
    /* Translators: a live check's verdict ("Unreachable") and why */
    return g_strdup_printf (_("%s: %s"), label, cwa_probe_result_get_error (result));
  if (address != NULL)
    /* Translators: verdict, the served certificate's name, the address connected to */
    return g_strdup_printf (_("%s: %s at %s"), label, cwa_certificate_get_display_name (leaf), address);
  return g_strdup_printf (_("%s: %s"), label, cwa_certificate_get_display_name (leaf));
}

static CwaUiStatus
worst_status (CwaLiveGroup   *self,
              CwaProbeResult *result,
              GPtrArray      *findings)
{
  CwaUiStatus worst = cwa_ui_live_status_to_ui (cwa_live_check_get_status (self->live_check, result));

  for (guint i = 0; i < findings->len; i++)
    worst = MAX (worst, cwa_ui_status_for_finding (g_ptr_array_index (findings, i)));
  return worst;
}

static void
expanded_cb (AdwExpanderRow *row,
             GParamSpec     *pspec,
             CwaLiveGroup   *self)
{
  const gchar *name = g_object_get_data (G_OBJECT (row), "cwa-endpoint");

  if (adw_expander_row_get_expanded (row))
    g_hash_table_add (self->expanded, g_strdup (name));
  else
    g_hash_table_remove (self->expanded, name);
}

static GtkWidget *
make_endpoint_row (CwaLiveGroup   *self,
                   CwaProbeResult *result)
{
  CwaEndpoint *endpoint = cwa_probe_result_get_endpoint (result);
  GPtrArray *served = cwa_probe_result_get_served (result);
  g_autoptr(GPtrArray) findings = cwa_live_check_dup_findings (self->live_check, result);
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *icon = gtk_image_new ();
  g_autofree gchar *title = g_markup_escape_text (cwa_endpoint_get_name (endpoint), -1);
  g_autofree gchar *summary = dup_summary (self, result);
  g_autofree gchar *subtitle = g_markup_escape_text (summary, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  cwa_ui_status_apply (GTK_IMAGE (icon), worst_status (self, result, findings));
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), icon);

  for (guint i = 0; i < findings->len; i++)
    if (self->show_passed || cwa_finding_is_failed (g_ptr_array_index (findings, i)))
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), make_finding_row (g_ptr_array_index (findings, i)));
  if (served->len > 0)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row), make_heading_row (_("Served chain")));
  for (guint i = 0; i < served->len; i++)
    {
      CwaCertificate *certificate = g_ptr_array_index (served, i);

      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), make_served_row (self, endpoint, certificate, i == 0));
      if (i == 0 && can_add (self, certificate))
        adw_expander_row_add_row (ADW_EXPANDER_ROW (row), make_add_row (self, certificate));
    }

  g_object_set_data_full (G_OBJECT (row), "cwa-endpoint", g_strdup (cwa_endpoint_get_name (endpoint)), g_free);
  if (g_hash_table_contains (self->expanded, cwa_endpoint_get_name (endpoint)))
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  g_signal_connect_object (row, "notify::expanded", G_CALLBACK (expanded_cb), self, 0);
  return row;
}

/* The group. */

static GtkWidget *
make_check_again_button (void)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("view-refresh-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.check-live");
  gtk_widget_set_tooltip_text (button, _("Check Live Servers Again (Ctrl+L)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Check live servers again"),
                                  -1);
  return button;
}

static void
rebuild (CwaLiveGroup *self)
{
  GPtrArray *results = self->live_check != NULL ? cwa_live_check_get_results (self->live_check) : NULL;
  gboolean stale;
  g_autofree gchar *description = NULL;
  g_autofree gchar *escaped = NULL;

  g_clear_pointer (&self->group, gtk_widget_unparent);
  gtk_widget_set_visible (GTK_WIDGET (self), results != NULL);
  if (results == NULL)
    return;

  stale = cwa_live_check_get_stale (self->live_check);
  description = cwa_ui_dup_live_checked_text (cwa_live_check_get_checked_at (self->live_check), stale);
  escaped = g_markup_escape_text (description, -1);

  self->group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->group), _("Live"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->group), escaped);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self->group), make_check_again_button ());
  if (stale)
    gtk_widget_add_css_class (self->group, "live-stale");

  for (guint i = 0; i < results->len; i++)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->group),
                               make_endpoint_row (self, g_ptr_array_index (results, i)));
  if (results->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("The plan has no TLS endpoint to check"));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->group), row);
    }
  cwa_ui_names_apply_below (self->group);
  gtk_widget_set_parent (self->group, GTK_WIDGET (self));
}

static gboolean
rebuild_idle_cb (gpointer data)
{
  CwaLiveGroup *self = data;

  self->rebuild_id = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

static void
queue_rebuild (CwaLiveGroup *self)
{
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add (rebuild_idle_cb, self);
}

static void
live_plan_changed_cb (CwaLiveGroup *self)
{
  CwaPlan *plan = self->live_check != NULL ? cwa_live_check_get_plan (self->live_check) : NULL;

  g_signal_group_set_target (self->entries_signals, plan != NULL ? cwa_plan_get_certificates (plan) : NULL);
}

CwaLiveCheck *
cwa_live_group_get_live_check (CwaLiveGroup *self)
{
  g_return_val_if_fail (CWA_IS_LIVE_GROUP (self), NULL);
  return self->live_check;
}

void
cwa_live_group_set_live_check (CwaLiveGroup *self,
                               CwaLiveCheck *live_check)
{
  g_return_if_fail (CWA_IS_LIVE_GROUP (self));
  g_return_if_fail (live_check == NULL || CWA_IS_LIVE_CHECK (live_check));

  if (!g_set_object (&self->live_check, live_check))
    return;

  g_signal_group_set_target (self->live_signals, live_check);
  g_hash_table_remove_all (self->expanded);
  live_plan_changed_cb (self);
  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIVE_CHECK]);
}

gboolean
cwa_live_group_get_show_passed (CwaLiveGroup *self)
{
  g_return_val_if_fail (CWA_IS_LIVE_GROUP (self), FALSE);
  return self->show_passed;
}

void
cwa_live_group_set_show_passed (CwaLiveGroup *self,
                                gboolean      show_passed)
{
  g_return_if_fail (CWA_IS_LIVE_GROUP (self));

  show_passed = !!show_passed;
  if (self->show_passed == show_passed)
    return;
  self->show_passed = show_passed;
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_PASSED]);
}

/* GObject. */

static void
cwa_live_group_dispose (GObject *object)
{
  CwaLiveGroup *self = CWA_LIVE_GROUP (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  g_clear_object (&self->live_signals);
  g_clear_object (&self->entries_signals);
  g_clear_object (&self->live_check);
  g_clear_pointer (&self->group, gtk_widget_unparent);
  g_clear_pointer (&self->expanded, g_hash_table_unref);

  G_OBJECT_CLASS (cwa_live_group_parent_class)->dispose (object);
}

static void
cwa_live_group_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CwaLiveGroup *self = CWA_LIVE_GROUP (object);

  switch (prop_id)
    {
    case PROP_LIVE_CHECK:
      g_value_set_object (value, self->live_check);
      break;
    case PROP_SHOW_PASSED:
      g_value_set_boolean (value, self->show_passed);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cwa_live_group_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CwaLiveGroup *self = CWA_LIVE_GROUP (object);

  switch (prop_id)
    {
    case PROP_LIVE_CHECK:
      cwa_live_group_set_live_check (self, g_value_get_object (value));
      break;
    case PROP_SHOW_PASSED:
      cwa_live_group_set_show_passed (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cwa_live_group_class_init (CwaLiveGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cwa_live_group_dispose;
  object_class->get_property = cwa_live_group_get_property;
  object_class->set_property = cwa_live_group_set_property;

  properties[PROP_LIVE_CHECK] =
    g_param_spec_object ("live-check", NULL, NULL, CWA_TYPE_LIVE_CHECK,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SHOW_PASSED] =
    g_param_spec_boolean ("show-passed", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "live-group");
}

static void
cwa_live_group_init (CwaLiveGroup *self)
{
  self->expanded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->live_signals = g_signal_group_new (CWA_TYPE_LIVE_CHECK);
  g_signal_group_connect_swapped (self->live_signals, "changed", G_CALLBACK (queue_rebuild), self);
  g_signal_group_connect_swapped (self->live_signals, "notify::plan", G_CALLBACK (live_plan_changed_cb), self);
  self->entries_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_swapped (self->entries_signals, "items-changed", G_CALLBACK (queue_rebuild), self);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
cwa_live_group_new (void)
{
  return g_object_new (CWA_TYPE_LIVE_GROUP, NULL);
}

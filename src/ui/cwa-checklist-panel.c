/* cwa-checklist-panel.c: the right pane: verdict, findings grouped by subject, and the required names. */
#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cwa-checklist-panel.h"
#include "cwa-live-group.h"
#include "cwa-dns-records-section.h"
#include "cwa-plan-edits.h"
#include "cwa-request.h"
#include "cwa-ui-names.h"
#include "cwa-ui-util.h"
#include "cwa-vs-label.h"

struct _CwaChecklistPanel
{
  GtkWidget     parent_instance;

  CwaChecklist *checklist;
  GSignalGroup *checklist_signals;
  gboolean      show_passed;
  /* Keys of the expanded findings, so a re-run keeps them open. */
  GHashTable   *expanded;
  GPtrArray    *shown;
  gchar        *verdict;

  GtkWidget    *box;
  GtkSwitch    *show_passed_switch;
  GtkImage     *verdict_icon;
  GtkLabel     *verdict_label;
  GtkLabel     *summary_label;
  CwaLiveGroup *live_group;
  GtkBox       *findings_box;
  GtkBox       *requirements_box;
  CwaDnsRecordsSection *dns_records_section;
  GtkButton    *copy_all_button;
  GtkWidget    *coverage_box;
  GtkGrid      *coverage_grid;
  GtkFileChooserNative *chooser;
};

enum {
  PROP_0,
  PROP_CHECKLIST,
  PROP_SHOW_PASSED,
  N_PROPS
};

enum {
  FINDING_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CwaChecklistPanel, cwa_checklist_panel, GTK_TYPE_WIDGET)

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static gchar *
finding_key (CwaFinding *finding)
{
  return g_strdup_printf ("%s|%p|%p|%p", cwa_finding_get_rule_id (finding),
                          (gpointer) cwa_finding_get_server (finding),
                          (gpointer) cwa_finding_get_virtual_server (finding),
                          (gpointer) cwa_finding_get_certificate (finding));
}

/* Verdict. */

/* A plan with nothing in it yet gets an invitation, not a verdict. */
static gboolean
plan_is_empty (CwaChecklistPanel *self)
{
  CwaPlan *plan = self->checklist != NULL ? cwa_checklist_get_plan (self->checklist) : NULL;

  return plan == NULL ||
         (g_list_model_get_n_items (cwa_deployment_get_servers (cwa_plan_get_deployment (plan))) == 0 &&
          g_list_model_get_n_items (cwa_plan_get_certificates (plan)) == 0);
}

static void
update_verdict (CwaChecklistPanel *self)
{
  guint n_errors = 0;
  guint n_warnings = 0;
  guint n_passed = 0;
  g_autofree gchar *errors = NULL;
  g_autofree gchar *warnings = NULL;
  g_autofree gchar *passed = NULL;
  CwaUiStatus status;

  if (self->checklist != NULL)
    {
      n_errors = cwa_checklist_get_n_errors (self->checklist);
      n_warnings = cwa_checklist_get_n_warnings (self->checklist);
      n_passed = cwa_checklist_get_n_passed (self->checklist);
    }

  errors = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u error", "%u errors", n_errors), n_errors);
  warnings = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings", n_warnings), n_warnings);
  passed = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u check passed", "%u checks passed", n_passed), n_passed);

  g_free (self->verdict);
  if (plan_is_empty (self))
    {
      self->verdict = g_strdup (_("Nothing to check yet"));
      g_clear_pointer (&passed, g_free);
      passed = g_strdup (_("Add a computer or load certificates."));
      status = CWA_UI_STATUS_NONE;
    }
  else if (n_errors == 0 && n_warnings == 0)
    {
      self->verdict = g_strdup (_("Ready"));
      status = CWA_UI_STATUS_PASS;
    }
  else
    {
      /* A failed warning makes a plan not Ready (rules.md), so the verdict
       * counts both, as ui.md gives it: "0 errors, 2 warnings". */
      /* Translators: verdict, e.g. "2 errors, 1 warning" */
      self->verdict = g_strdup_printf (_("%s, %s"), errors, warnings);
      status = n_errors > 0 ? CWA_UI_STATUS_ERROR : CWA_UI_STATUS_WARNING;
    }

  gtk_label_set_text (self->verdict_label, self->verdict);
  gtk_label_set_text (self->summary_label, passed);
  cwa_ui_status_apply (self->verdict_icon, status);
}

/* Findings. */

static void
expanded_cb (AdwExpanderRow    *row,
             GParamSpec        *pspec,
             CwaChecklistPanel *self)
{
  CwaFinding *finding = g_object_get_data (G_OBJECT (row), "cwa-finding");
  g_autofree gchar *key = finding_key (finding);

  if (adw_expander_row_get_expanded (row))
    {
      g_hash_table_add (self->expanded, g_steal_pointer (&key));
      g_signal_emit (self, signals[FINDING_ACTIVATED], 0, finding);
    }
  else
    g_hash_table_remove (self->expanded, key);
}

static void
show_clicked_cb (GtkButton         *button,
                 CwaChecklistPanel *self)
{
  CwaFinding *finding = g_object_get_data (G_OBJECT (button), "cwa-finding");

  g_signal_emit (self, signals[FINDING_ACTIVATED], 0, finding);
}

/* The fix a failed deployment.unique-urls offers: "Make array…" on the
 * first URL host several computers share (cwa_plan_edits_make_array()). */
static void
make_array_clicked_cb (GtkButton         *button,
                       CwaChecklistPanel *self)
{
  CwaPlan *plan = self->checklist != NULL ? cwa_checklist_get_plan (self->checklist) : NULL;
  CwaVirtualServer *candidate = plan != NULL ? cwa_plan_edits_find_array_candidate (plan) : NULL;

  if (candidate != NULL)
    cwa_plan_edits_make_array (plan, candidate);
}

static void
add_make_array_fix (CwaChecklistPanel *self,
                    AdwExpanderRow    *row,
                    CwaFinding        *finding)
{
  CwaPlan *plan = self->checklist != NULL ? cwa_checklist_get_plan (self->checklist) : NULL;
  GtkWidget *button;
  GtkWidget *fix;

  if (plan == NULL || cwa_finding_get_status (finding) != CWA_STATUS_FAIL ||
      g_strcmp0 (cwa_finding_get_rule_id (finding), "deployment.unique-urls") != 0 ||
      cwa_plan_edits_find_array_candidate (plan) == NULL)
    return;

  /* Translators: the fix offered on "No two virtual servers use the same URL host" */
  button = gtk_button_new_with_mnemonic (_("_Make Array…"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect_object (button, "clicked", G_CALLBACK (make_array_clicked_cb), self, 0);
  fix = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (fix), _("Fix"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (fix),
                               _("Put the computers serving this URL host behind one load balancer"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (fix), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (fix), button);
  adw_expander_row_add_row (row, fix);
}

static void
add_detail_row (AdwExpanderRow *expander,
                const gchar    *title,
                const gchar    *value)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree gchar *escaped = g_markup_escape_text (value, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
  gtk_widget_add_css_class (row, "property");
  adw_expander_row_add_row (expander, row);
}

/* The headline names the subject's own names, not the catalogue's example. */
static gchar *
dup_rule_title (CwaFinding *finding)
{
  g_autofree gchar *headline = cwa_ui_dup_finding_headline (finding);

  return g_markup_escape_text (headline, -1);
}

static GtkWidget *
make_finding_row (CwaChecklistPanel *self,
                  CwaFinding        *finding)
{
  const CwaRule *rule = cwa_finding_get_rule (finding);
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *show = gtk_button_new_from_icon_name ("find-location-symbolic");
  const gchar * const *found = cwa_finding_get_found (finding);
  g_autofree gchar *title = dup_rule_title (finding);
  g_autofree gchar *message = g_markup_escape_text (cwa_finding_get_message (finding), -1);
  g_autofree gchar *source = NULL;
  g_autofree gchar *key = finding_key (finding);

  g_object_set_data_full (G_OBJECT (row), "cwa-finding", g_object_ref (finding), g_object_unref);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), message);
  cwa_ui_status_apply (GTK_IMAGE (icon), cwa_ui_status_for_finding (finding));
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), icon);

  gtk_widget_set_valign (show, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (show, "flat");
  gtk_widget_set_tooltip_text (show, _("Show in the Plan"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (show),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Show in the plan"),
                                  -1);
  g_object_set_data (G_OBJECT (show), "cwa-finding", finding);
  g_signal_connect_object (show, "clicked", G_CALLBACK (show_clicked_cb), self, 0);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), show);

  if (cwa_finding_get_expected (finding) != NULL)
    add_detail_row (ADW_EXPANDER_ROW (row), _("Expected"), cwa_finding_get_expected (finding));
  if (found != NULL)
    {
      g_autofree gchar *joined = g_strjoinv (", ", (gchar **) found);

      add_detail_row (ADW_EXPANDER_ROW (row), _("Found"), *joined != '\0' ? joined : _("nothing"));
    }
  if (rule != NULL)
    {
      /* Translators: rule id and the document it comes from, e.g. "ssl.san-has-url (CWA-CERTS)" */
      source = g_strdup_printf (_("%s (%s)"), rule->id, rule->source);
      add_detail_row (ADW_EXPANDER_ROW (row), _("Rule and source"), source);
    }

  add_make_array_fix (self, ADW_EXPANDER_ROW (row), finding);
  cwa_ui_names_apply_below (row);

  if (g_hash_table_contains (self->expanded, key))
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  g_signal_connect_object (row, "notify::expanded", G_CALLBACK (expanded_cb), self, 0);
  return row;
}

static gpointer
group_subject (CwaFinding *finding)
{
  if (cwa_finding_get_virtual_server (finding) != NULL)
    return cwa_finding_get_virtual_server (finding);
  if (cwa_finding_get_server (finding) != NULL)
    return cwa_finding_get_server (finding);
  if (cwa_finding_get_publishing_rule (finding) != NULL)
    return cwa_finding_get_publishing_rule (finding);
  if (cwa_finding_get_load_balancer (finding) != NULL)
    return cwa_finding_get_load_balancer (finding);
  return cwa_finding_get_certificate (finding);
}

static gchar *
group_title (gpointer subject)
{
  if (subject == NULL)
    return g_strdup (_("Deployment"));
  if (CWA_IS_VIRTUAL_SERVER (subject))
    {
      CwaServer *server = cwa_virtual_server_get_server (subject);
      g_autofree gchar *label = cwa_vs_label_dup (subject, CWA_LABEL_TRANSLATED);

      if (server != NULL)
        /* Translators: a group of findings: virtual server "on" computer */
        return g_strdup_printf (_("%s on %s"), label, cwa_server_get_fqdn (server));
    }
  if (CWA_IS_PUBLISHING_RULE (subject))
    {
      CwaReverseProxy *proxy = cwa_publishing_rule_get_reverse_proxy (subject);

      /* Translators: a group of findings: published host "on" reverse proxy */
      return g_strdup_printf (_("Publishing rule %s on %s"), cwa_publishing_rule_get_published_host (subject),
                              proxy != NULL ? cwa_reverse_proxy_get_fqdn (proxy) : "");
    }
  if (CWA_IS_LOAD_BALANCER (subject))
    /* Translators: a group of findings about one load balancer (its FQDN) */
    return g_strdup_printf (_("Load balancer %s"), cwa_load_balancer_get_fqdn (subject));
  if (CWA_IS_CERTIFICATE (subject))
    /* Translators: a group of findings about one certificate */
    return g_strdup_printf (_("Certificate %s"), cwa_certificate_get_display_name (subject));
  return cwa_ui_dup_subject_label (subject);
}

/* What the findings list shows when it lists nothing.  Not an
 * AdwStatusPage: that scrolls on its own and, inside this pane's scrolled
 * list, is given too little height, which cut its icon off. */
static GtkWidget *
make_empty_state (gboolean nothing_to_check)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *icon = gtk_image_new_from_icon_name (nothing_to_check ? "document-edit-symbolic" : "emblem-ok-symbolic");
  GtkWidget *title = gtk_label_new (nothing_to_check ? _("Nothing to Check Yet") : _("No Problems Found"));
  GtkWidget *description = gtk_label_new (nothing_to_check ? _("Add a computer and its virtual servers, then load certificates.")
                                                           : _("Every check passed. Turn on “Show passed” to see them."));

  gtk_widget_set_name (box, "empty-state");
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_image_set_pixel_size (GTK_IMAGE (icon), 64);
  gtk_widget_set_margin_bottom (icon, 6);
  gtk_widget_add_css_class (icon, "dim-label");
  gtk_widget_add_css_class (title, "title-4");
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_justify (GTK_LABEL (title), GTK_JUSTIFY_CENTER);
  gtk_label_set_wrap (GTK_LABEL (description), TRUE);
  gtk_label_set_justify (GTK_LABEL (description), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (description, "dim-label");
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), description);
  return box;
}

static void
rebuild_findings (CwaChecklistPanel *self)
{
  g_autoptr(GHashTable) groups = g_hash_table_new (NULL, NULL);
  GListModel *findings;
  guint n;

  clear_box (self->findings_box);
  g_ptr_array_set_size (self->shown, 0);
  if (self->checklist == NULL)
    return;

  findings = cwa_checklist_get_findings (self->checklist);
  n = g_list_model_get_n_items (findings);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CwaFinding) finding = g_list_model_get_item (findings, i);
      gpointer subject = group_subject (finding);
      GtkWidget *group;

      if (!self->show_passed && !cwa_finding_is_failed (finding))
        continue;

      group = g_hash_table_lookup (groups, subject);
      if (group == NULL)
        {
          g_autofree gchar *title = group_title (subject);
          g_autofree gchar *escaped = g_markup_escape_text (title, -1);

          group = adw_preferences_group_new ();
          adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), escaped);
          cwa_ui_names_wrap_group_title (ADW_PREFERENCES_GROUP (group));
          gtk_box_append (self->findings_box, group);
          g_hash_table_insert (groups, subject, group);
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), make_finding_row (self, finding));
      g_ptr_array_add (self->shown, g_object_ref (finding));
    }

  if (self->shown->len == 0)
    gtk_box_append (self->findings_box, make_empty_state (plan_is_empty (self) || n == 0));
}

static GtkWidget *make_request_button (guint index);

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

static void
rebuild_requirements (CwaChecklistPanel *self)
{
  GListModel *requirements;
  guint n;

  clear_box (self->requirements_box);
  if (self->checklist == NULL)
    return;

  requirements = cwa_checklist_get_requirements (self->checklist);
  n = g_list_model_get_n_items (requirements);
  gtk_widget_set_sensitive (GTK_WIDGET (self->copy_all_button), n > 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CwaRequirement) requirement = g_list_model_get_item (requirements, i);
      g_auto(GStrv) names = cwa_requirement_dup_all_names (requirement);
      g_autofree gchar *title = role_title (requirement);
      g_autofree gchar *description = role_description (requirement);
      g_autofree gchar *all = requirement_names_text (requirement);
      g_autofree gchar *escaped = g_markup_escape_text (description, -1);
      g_autofree gchar *copy_tooltip = g_strdup_printf (_("Copy the names of the %s"), title);
      GtkWidget *group = adw_preferences_group_new ();

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), escaped);
      {
        GtkWidget *suffix = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

        gtk_box_append (GTK_BOX (suffix), make_request_button (i));
        gtk_box_append (GTK_BOX (suffix), make_copy_button (all, copy_tooltip));
        adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), suffix);
      }

      for (guint j = 0; names[j] != NULL; j++)
        {
          GtkWidget *row = adw_action_row_new ();
          g_autofree gchar *name = g_markup_escape_text (names[j], -1);
          g_autofree gchar *tooltip = g_strdup_printf (_("Copy “%s”"), names[j]);
          const gchar *kind = name_kind (requirement, j);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), kind);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), make_copy_button (names[j], tooltip));
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
        }
      cwa_ui_names_wrap_group_title (ADW_PREFERENCES_GROUP (group));
      cwa_ui_names_apply_below (group);
      gtk_box_append (self->requirements_box, group);
    }
}

gchar *
cwa_checklist_panel_dup_required_names_text (CwaChecklistPanel *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  GListModel *requirements;

  g_return_val_if_fail (CWA_IS_CHECKLIST_PANEL (self), NULL);

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

static void
copy_all_clicked_cb (CwaChecklistPanel *self)
{
  g_autofree gchar *text = cwa_checklist_panel_dup_required_names_text (self);

  cwa_ui_copy_text (GTK_WIDGET (self), text);
  cwa_ui_show_toast (GTK_WIDGET (self), _("Required names copied"));
}

/* Coverage matrix: required names down, assigned certificates across. */

static GtkWidget *
coverage_cell_icon (CwaCoverageStatus status)
{
  GtkWidget *image = gtk_image_new ();
  const gchar *label;

  switch (status)
    {
    case CWA_COVERAGE_COVERED:
      gtk_image_set_from_icon_name (GTK_IMAGE (image), "emblem-ok-symbolic");
      gtk_widget_add_css_class (image, "success");
      label = _("Covered");
      break;
    case CWA_COVERAGE_WILDCARD_ONLY:
      gtk_image_set_from_icon_name (GTK_IMAGE (image), "dialog-warning-symbolic");
      gtk_widget_add_css_class (image, "warning");
      label = _("Wildcard only");
      break;
    case CWA_COVERAGE_MISSING:
    default:
      gtk_image_set_from_icon_name (GTK_IMAGE (image), "window-close-symbolic");
      gtk_widget_add_css_class (image, "error");
      label = _("Missing");
      break;
    }
  gtk_widget_set_tooltip_text (image, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return image;
}

static void
rebuild_coverage (CwaChecklistPanel *self)
{
  g_autoptr(GPtrArray) certificates = NULL;
  g_autoptr(GHashTable) rows = NULL;
  GPtrArray *cells;
  GtkWidget *child;
  guint n_rows = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->coverage_grid))) != NULL)
    gtk_grid_remove (self->coverage_grid, child);

  if (self->checklist == NULL)
    {
      gtk_widget_set_visible (self->coverage_box, FALSE);
      return;
    }

  certificates = cwa_plan_dup_assigned_certificates (cwa_checklist_get_plan (self->checklist));
  cells = cwa_checklist_get_coverage (self->checklist);
  gtk_widget_set_visible (self->coverage_box, certificates->len > 0 && cells != NULL && cells->len > 0);
  if (certificates->len == 0 || cells == NULL)
    return;

  for (guint c = 0; c < certificates->len; c++)
    {
      CwaCertificate *certificate = g_ptr_array_index (certificates, c);
      GtkWidget *header = gtk_label_new (cwa_certificate_get_display_name (certificate));

      /* The whole name, wrapped after its dots: the grid scrolls sideways
       * rather than cut a header down to "…". */
      gtk_label_set_wrap (GTK_LABEL (header), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (header), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_max_width_chars (GTK_LABEL (header), 16);
      gtk_label_set_justify (GTK_LABEL (header), GTK_JUSTIFY_CENTER);
      gtk_widget_set_valign (header, GTK_ALIGN_END);
      cwa_ui_names_apply (GTK_LABEL (header));
      gtk_widget_set_tooltip_text (header, cwa_certificate_get_subject (certificate));
      gtk_widget_add_css_class (header, "caption-heading");
      gtk_grid_attach (self->coverage_grid, header, (gint) c + 1, 0, 1, 1);
    }

  /* One row per (role entry, name), in the order the cells come. */
  rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < cells->len; i++)
    {
      CwaCoverageCell *cell = g_ptr_array_index (cells, i);
      g_autofree gchar *key = g_strdup_printf ("%p|%s", (gpointer) cell->requirement, cell->name);
      gpointer row;
      guint column = G_MAXUINT;

      if (!g_hash_table_lookup_extended (rows, key, NULL, &row))
        {
          GtkWidget *name = gtk_label_new (cell->name);

          row = GUINT_TO_POINTER (++n_rows);
          g_hash_table_insert (rows, g_steal_pointer (&key), row);
          gtk_label_set_xalign (GTK_LABEL (name), 0);
          gtk_label_set_selectable (GTK_LABEL (name), TRUE);
          cwa_ui_names_apply (GTK_LABEL (name));
          gtk_grid_attach (self->coverage_grid, name, 0, (gint) GPOINTER_TO_UINT (row), 1, 1);
        }
      for (guint c = 0; c < certificates->len; c++)
        if (g_ptr_array_index (certificates, c) == (gpointer) cell->certificate)
          column = c;
      if (column != G_MAXUINT)
        gtk_grid_attach (self->coverage_grid, coverage_cell_icon (cell->status),
                         (gint) column + 1, (gint) GPOINTER_TO_UINT (row), 1, 1);
    }
}

/* Certificate requests for one role entry. */

static CwaRequirement *
dup_requirement (CwaChecklistPanel *self,
                 guint              index)
{
  GListModel *requirements;

  if (self->checklist == NULL)
    return NULL;
  requirements = cwa_checklist_get_requirements (self->checklist);
  if (index >= g_list_model_get_n_items (requirements))
    return NULL;
  return g_list_model_get_item (requirements, index);
}

static void
request_response_cb (GtkNativeDialog   *chooser,
                     gint               response,
                     CwaChecklistPanel *self)
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
request_action (GtkWidget   *widget,
                const gchar *action_name,
                GVariant    *parameter)
{
  CwaChecklistPanel *self = CWA_CHECKLIST_PANEL (widget);
  const gchar *target = g_variant_get_string (parameter, NULL);
  g_autoptr(CwaRequirement) requirement = NULL;
  g_auto(GStrv) parts = g_strsplit (target, ":", 2);
  CwaRequestFormat format;
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree gchar *suggested = NULL;
  const gchar *extension;

  if (g_strv_length (parts) != 2 || !cwa_request_format_from_string (parts[1], &format))
    return;
  requirement = dup_requirement (self, (guint) g_ascii_strtoull (parts[0], NULL, 10));
  if (requirement == NULL)
    return;

  extension = format == CWA_REQUEST_FORMAT_INF ? "inf" : format == CWA_REQUEST_FORMAT_OPENSSL ? "cnf" : "csr";
  suggested = g_strdup_printf ("%s.%s", cwa_requirement_get_subject (requirement), extension);
  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Save Certificate Request"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), suggested);
  g_object_set_data_full (G_OBJECT (self->chooser), "cwa-requirement", g_steal_pointer (&requirement), g_object_unref);
  g_object_set_data (G_OBJECT (self->chooser), "cwa-format", GUINT_TO_POINTER (format));
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (request_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static GtkWidget *
make_request_button (guint index)
{
  static const struct { const gchar *format; const gchar *label; } formats[] = {
    { "inf", N_("Windows certreq _INF…") },
    { "openssl", N_("_OpenSSL Configuration…") },
    { "csr", N_("New Key and _CSR…") },
  };
  g_autoptr(GMenu) menu = g_menu_new ();
  GtkWidget *button = gtk_menu_button_new ();

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree gchar *target = g_strdup_printf ("%u:%s", index, formats[i].format);
      g_autoptr(GMenuItem) item = g_menu_item_new (_(formats[i].label), NULL);

      g_menu_item_set_action_and_target (item, "checklist.request", "s", target);
      g_menu_append_item (menu, item);
    }
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "document-save-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Write a Certificate Request"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Write a certificate request"),
                                  -1);
  return button;
}

/* Updates. */

static void
updated_cb (CwaChecklistPanel *self)
{
  update_verdict (self);
  rebuild_findings (self);
  rebuild_requirements (self);
  rebuild_coverage (self);
}

CwaChecklist *
cwa_checklist_panel_get_checklist (CwaChecklistPanel *self)
{
  g_return_val_if_fail (CWA_IS_CHECKLIST_PANEL (self), NULL);
  return self->checklist;
}

void
cwa_checklist_panel_set_checklist (CwaChecklistPanel *self,
                                   CwaChecklist      *checklist)
{
  g_return_if_fail (CWA_IS_CHECKLIST_PANEL (self));
  g_return_if_fail (checklist == NULL || CWA_IS_CHECKLIST (checklist));

  if (self->checklist == checklist)
    return;

  g_set_object (&self->checklist, checklist);
  g_signal_group_set_target (self->checklist_signals, checklist);
  g_hash_table_remove_all (self->expanded);
  updated_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECKLIST]);
}

void
cwa_checklist_panel_set_live_check (CwaChecklistPanel *self,
                                    CwaLiveCheck      *live_check)
{
  g_return_if_fail (CWA_IS_CHECKLIST_PANEL (self));

  cwa_live_group_set_live_check (self->live_group, live_check);
}

gboolean
cwa_checklist_panel_get_show_passed (CwaChecklistPanel *self)
{
  g_return_val_if_fail (CWA_IS_CHECKLIST_PANEL (self), FALSE);
  return self->show_passed;
}

void
cwa_checklist_panel_set_show_passed (CwaChecklistPanel *self,
                                     gboolean           show_passed)
{
  g_return_if_fail (CWA_IS_CHECKLIST_PANEL (self));

  show_passed = !!show_passed;
  if (self->show_passed == show_passed)
    return;

  self->show_passed = show_passed;
  rebuild_findings (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_PASSED]);
}

const gchar *
cwa_checklist_panel_get_verdict (CwaChecklistPanel *self)
{
  g_return_val_if_fail (CWA_IS_CHECKLIST_PANEL (self), NULL);
  return self->verdict;
}

static gpointer
copy_object (gconstpointer object,
             gpointer      user_data)
{
  return g_object_ref ((gpointer) object);
}

GPtrArray *
cwa_checklist_panel_dup_shown_findings (CwaChecklistPanel *self)
{
  g_return_val_if_fail (CWA_IS_CHECKLIST_PANEL (self), NULL);
  return g_ptr_array_copy (self->shown, copy_object, NULL);
}

/* GObject. */

static void
cwa_checklist_panel_dispose (GObject *object)
{
  CwaChecklistPanel *self = CWA_CHECKLIST_PANEL (object);

  g_clear_object (&self->checklist_signals);
  g_clear_object (&self->checklist);
  gtk_widget_dispose_template (GTK_WIDGET (self), CWA_TYPE_CHECKLIST_PANEL);
  g_clear_object (&self->chooser);
  g_clear_pointer (&self->expanded, g_hash_table_unref);
  g_clear_pointer (&self->shown, g_ptr_array_unref);
  g_clear_pointer (&self->verdict, g_free);

  G_OBJECT_CLASS (cwa_checklist_panel_parent_class)->dispose (object);
}

static void
cwa_checklist_panel_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  CwaChecklistPanel *self = CWA_CHECKLIST_PANEL (object);

  switch (prop_id)
    {
    case PROP_CHECKLIST:
      g_value_set_object (value, self->checklist);
      break;
    case PROP_SHOW_PASSED:
      g_value_set_boolean (value, self->show_passed);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cwa_checklist_panel_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  CwaChecklistPanel *self = CWA_CHECKLIST_PANEL (object);

  switch (prop_id)
    {
    case PROP_CHECKLIST:
      cwa_checklist_panel_set_checklist (self, g_value_get_object (value));
      break;
    case PROP_SHOW_PASSED:
      cwa_checklist_panel_set_show_passed (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cwa_checklist_panel_class_init (CwaChecklistPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cwa_checklist_panel_dispose;
  object_class->get_property = cwa_checklist_panel_get_property;
  object_class->set_property = cwa_checklist_panel_set_property;

  properties[PROP_CHECKLIST] =
    g_param_spec_object ("checklist", NULL, NULL, CWA_TYPE_CHECKLIST,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SHOW_PASSED] =
    g_param_spec_boolean ("show-passed", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[FINDING_ACTIVATED] =
    g_signal_new ("finding-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, CWA_TYPE_FINDING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  g_type_ensure (CWA_TYPE_LIVE_GROUP);
  g_type_ensure (CWA_TYPE_DNS_RECORDS_SECTION);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/cwacertplanner/CertPlanner/cwa-checklist-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, CwaChecklistPanel, box);
  gtk_widget_class_bind_template_child (widget_class, CwaChecklistPanel, show_passed_switch);
  gtk_widget_class_bind_template_child (widget_class, CwaChecklistPanel, verdict_icon);
  gtk_widget_class_bind_template_child (widget_class, CwaChecklistPanel, verdict_label);
  gtk_widget_class_bind_template_child (widget_class, CwaChecklistPanel, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CwaChecklistPanel, live_group);
  gtk_widget_class_bind_template_child (widget_class, CwaChecklistPanel, findings_box);
  gtk_widget_class_bind_template_child (widget_class, CwaChecklistPanel, requirements_box);
  gtk_widget_class_bind_template_child (widget_class, CwaChecklistPanel, dns_records_section);
  gtk_widget_class_bind_template_child (widget_class, CwaChecklistPanel, copy_all_button);
  gtk_widget_class_bind_template_child (widget_class, CwaChecklistPanel, coverage_box);
  gtk_widget_class_bind_template_child (widget_class, CwaChecklistPanel, coverage_grid);
  gtk_widget_class_install_action (widget_class, "checklist.request", "s", request_action);
  gtk_widget_class_bind_template_callback (widget_class, copy_all_clicked_cb);
}

static void
cwa_checklist_panel_init (CwaChecklistPanel *self)
{
  self->checklist_signals = g_signal_group_new (CWA_TYPE_CHECKLIST);
  g_signal_group_connect_object (self->checklist_signals, "updated",
                                 G_CALLBACK (updated_cb), self, G_CONNECT_SWAPPED);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->expanded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->shown = g_ptr_array_new_with_free_func (g_object_unref);
  g_object_bind_property (self, "show-passed", self->show_passed_switch, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "show-passed", self->live_group, "show-passed", G_BINDING_SYNC_CREATE);
  /* The DNS records follow the checklist's plan on their own. */
  g_object_bind_property (self, "checklist", self->dns_records_section, "checklist", G_BINDING_SYNC_CREATE);
  update_verdict (self);
  rebuild_findings (self);
  rebuild_coverage (self);
}

GtkWidget *
cwa_checklist_panel_new (void)
{
  return g_object_new (CWA_TYPE_CHECKLIST_PANEL, NULL);
}

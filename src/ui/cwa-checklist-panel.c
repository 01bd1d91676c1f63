/* cwa-checklist-panel.c: the right pane: verdict, findings grouped by subject, and the required names. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cwa-checklist-panel.h"
#include "cwa-coverage-grid.h"
#include "cwa-dns-records-section.h"
#include "cwa-findings-list.h"
#include "cwa-live-group.h"
#include "cwa-required-names.h"
#include "cwa-ui-util.h"

struct _CwaChecklistPanel
{
  GtkWidget             parent_instance;

  CwaChecklist         *checklist;
  GSignalGroup         *checklist_signals;
  gboolean              show_passed;
  gchar                *verdict;

  GtkWidget            *box;
  GtkSwitch            *show_passed_switch;
  GtkImage             *verdict_icon;
  GtkLabel             *verdict_label;
  GtkLabel             *summary_label;
  CwaLiveGroup         *live_group;
  /* findings_box, requirements_box and coverage_grid keep the ids of the
   * GtkBoxes and the GtkGrid they were. */
  CwaFindingsList      *findings_box;
  CwaRequiredNames     *requirements_box;
  CwaDnsRecordsSection *dns_records_section;
  CwaCoverageGrid      *coverage_grid;
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

/* Verdict. */

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
  /* A plan with nothing in it yet gets an invitation, not a verdict. */
  if (self->checklist == NULL || cwa_checklist_has_nothing_to_check (self->checklist))
    {
      /* What to do follows once, below, in the empty list. */
      self->verdict = g_strdup (_("Nothing to check yet"));
      g_clear_pointer (&passed, g_free);
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
  gtk_label_set_text (self->summary_label, passed != NULL ? passed : "");
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), passed != NULL);
  cwa_ui_status_apply (self->verdict_icon, status);
  /* No empty square before an invitation: its words start at the margin. */
  gtk_widget_set_visible (GTK_WIDGET (self->verdict_icon), status != CWA_UI_STATUS_NONE);
}

static void
finding_activated_cb (CwaChecklistPanel *self,
                      CwaFinding        *finding)
{
  g_signal_emit (self, signals[FINDING_ACTIVATED], 0, finding);
}

gchar *
cwa_checklist_panel_dup_required_names_text (CwaChecklistPanel *self)
{
  g_return_val_if_fail (CWA_IS_CHECKLIST_PANEL (self), NULL);

  return cwa_required_names_dup_text (self->requirements_box);
}

static void
copy_all_clicked_cb (CwaChecklistPanel *self)
{
  g_autofree gchar *text = cwa_checklist_panel_dup_required_names_text (self);

  cwa_ui_copy_text (GTK_WIDGET (self), text);
  cwa_ui_show_toast (GTK_WIDGET (self), _("Required names copied"));
}

/* Updates. */

/* The findings, required names, DNS records and coverage follow the
 * checklist on their own; the verdict is the panel's. */
static void
updated_cb (CwaChecklistPanel *self)
{
  update_verdict (self);
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
  cwa_findings_list_set_checklist (self->findings_box, checklist);
  cwa_required_names_set_checklist (self->requirements_box, checklist);
  cwa_coverage_grid_set_checklist (self->coverage_grid, checklist);
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
  cwa_findings_list_set_show_passed (self->findings_box, show_passed);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_PASSED]);
}

const gchar *
cwa_checklist_panel_get_verdict (CwaChecklistPanel *self)
{
  g_return_val_if_fail (CWA_IS_CHECKLIST_PANEL (self), NULL);
  return self->verdict;
}

GPtrArray *
cwa_checklist_panel_dup_shown_findings (CwaChecklistPanel *self)
{
  g_return_val_if_fail (CWA_IS_CHECKLIST_PANEL (self), NULL);

  return cwa_findings_list_dup_shown_findings (self->findings_box);
}

/* GObject. */

static void
cwa_checklist_panel_dispose (GObject *object)
{
  CwaChecklistPanel *self = CWA_CHECKLIST_PANEL (object);

  g_clear_object (&self->checklist_signals);
  g_clear_object (&self->checklist);
  gtk_widget_dispose_template (GTK_WIDGET (self), CWA_TYPE_CHECKLIST_PANEL);
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
  g_type_ensure (CWA_TYPE_FINDINGS_LIST);
  g_type_ensure (CWA_TYPE_REQUIRED_NAMES);
  g_type_ensure (CWA_TYPE_DNS_RECORDS_SECTION);
  g_type_ensure (CWA_TYPE_COVERAGE_GRID);
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
  gtk_widget_class_bind_template_child (widget_class, CwaChecklistPanel, coverage_grid);
  gtk_widget_class_bind_template_callback (widget_class, finding_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, copy_all_clicked_cb);
}

static void
cwa_checklist_panel_init (CwaChecklistPanel *self)
{
  self->checklist_signals = g_signal_group_new (CWA_TYPE_CHECKLIST);
  g_signal_group_connect_object (self->checklist_signals, "updated",
                                 G_CALLBACK (updated_cb), self, G_CONNECT_SWAPPED);

  gtk_widget_init_template (GTK_WIDGET (self));

  g_object_bind_property (self, "show-passed", self->show_passed_switch, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "show-passed", self->live_group, "show-passed", G_BINDING_SYNC_CREATE);
  /* The DNS records follow the checklist's plan on their own. */
  g_object_bind_property (self, "checklist", self->dns_records_section, "checklist", G_BINDING_SYNC_CREATE);
  updated_cb (self);
}

GtkWidget *
cwa_checklist_panel_new (void)
{
  return g_object_new (CWA_TYPE_CHECKLIST_PANEL, NULL);
}


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
  gchar        *verdict;

  /* The findings model followed, a FindingSlot per item, and the groups
   * by subject (FindingGroup). */
  GListModel   *findings;
  gulong        findings_handler;
  GPtrArray    *slots;
  GHashTable   *groups;
  guint         n_rows;
  /* Findings to be listed whose rows are still to be made. */
  guint         n_unplaced;
  guint         rows_idle_id;
  guint         group_mark;
  gboolean      order_dirty;
  GtkWidget    *empty_state;
  GtkImage     *empty_icon;
  GtkLabel     *empty_title;
  GtkLabel     *empty_description;

  /* The requirements model followed, and a group per item. */
  GListModel   *requirements;
  gulong        requirements_handler;
  GPtrArray    *requirement_groups;
  guint         n_groups_unplaced;

  /* The coverage grid's rows and columns (dup_coverage_shape()) and its
   * cells' images, row by row. */
  GStrv         coverage_shape;
  GPtrArray    *coverage_images;

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

/* Up to this many finding rows and Required Names groups are made at
 * once; more in slices of this many µs (see schedule_rows()). */
#define ROWS_AT_ONCE    64
#define GROUPS_AT_ONCE  16
#define ROWS_SLICE_USEC 4000

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
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_EXPANDER_ROW);
  CwaFinding *finding = g_object_get_data (G_OBJECT (row), "cwa-finding");

  g_signal_emit (self, signals[FINDING_ACTIVATED], 0, finding);
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
  /* The window makes the array and selects it (cwa-window-actions.c). */
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.make-array");
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
 * list, is given too little height, which cut its icon off.  One widget
 * for the panel's life; update_empty_state() sets what it says. */
static GtkWidget *
make_empty_state (CwaChecklistPanel *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *description = gtk_label_new (NULL);

  self->empty_icon = GTK_IMAGE (gtk_image_new ());
  self->empty_title = GTK_LABEL (title);
  self->empty_description = GTK_LABEL (description);
  gtk_widget_set_name (box, "empty-state");
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_image_set_pixel_size (self->empty_icon, 64);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->empty_icon), 6);
  gtk_widget_add_css_class (GTK_WIDGET (self->empty_icon), "dim-label");
  gtk_widget_add_css_class (title, "title-4");
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_justify (GTK_LABEL (title), GTK_JUSTIFY_CENTER);
  gtk_label_set_wrap (GTK_LABEL (description), TRUE);
  gtk_label_set_justify (GTK_LABEL (description), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (description, "dim-label");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->empty_icon));
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), description);
  return box;
}

/* Shown while no finding is to be listed.  For an empty plan the verdict
 * above already reads "Nothing to check yet": the state below says only
 * what to do, so the words do not stand there twice. */
static void
update_empty_state (CwaChecklistPanel *self)
{
  guint n = self->slots->len;
  gboolean empty_plan = plan_is_empty (self);
  gboolean nothing_to_check = empty_plan || n == 0;

  gtk_widget_set_visible (self->empty_state, self->n_rows + self->n_unplaced == 0);
  gtk_image_set_from_icon_name (self->empty_icon, nothing_to_check ? "document-edit-symbolic" : "emblem-ok-symbolic");
  gtk_label_set_text (self->empty_title, nothing_to_check ? _("Nothing to Check Yet") : _("No Problems Found"));
  gtk_widget_set_visible (GTK_WIDGET (self->empty_title), !empty_plan);
  gtk_label_set_text (self->empty_description,
                      nothing_to_check ? _("Add a computer and its virtual servers, then load certificates.")
                                       : _("Every check passed. Turn on “Show passed” to see them."));
}

/* The findings follow the model's items-changed: a publish that changes a
 * few findings removes and makes the rows of those few, and every other row
 * stays the same widget (its focus and expansion untouched).  The slots
 * mirror the model, one per finding, in model order; a group per subject
 * holds the rows of its findings in model order, and the groups stand in
 * the order of their first row, as the reports list them. */

/* The rows of one subject's findings, in an AdwPreferencesGroup. */
typedef struct
{
  gpointer   subject;
  GtkWidget *widget;
  guint      n_rows;
  /* Set by order_groups() when it has placed the group. */
  guint      mark;
} FindingGroup;

/* One finding of the model and, while it is listed, its row. */
typedef struct
{
  CwaFinding   *finding;
  GtkWidget    *row;
  FindingGroup *group;
  /* Its index before a change, while take_removed_slots() holds it. */
  guint         order;
} FindingSlot;

static void
finding_slot_free (gpointer data)
{
  FindingSlot *slot = data;

  /* take_removed_slots() leaves NULL for the slots it took. */
  if (slot == NULL)
    return;
  g_object_unref (slot->finding);
  g_free (slot);
}

static gboolean
slot_is_listed (CwaChecklistPanel *self,
                FindingSlot       *slot)
{
  return self->show_passed || cwa_finding_is_failed (slot->finding);
}

static void
set_group_title (FindingGroup *group)
{
  g_autofree gchar *title = group_title (group->subject);
  g_autofree gchar *escaped = g_markup_escape_text (title, -1);
  AdwPreferencesGroup *widget = ADW_PREFERENCES_GROUP (group->widget);

  if (g_strcmp0 (adw_preferences_group_get_title (widget), escaped) == 0)
    return;
  adw_preferences_group_set_title (widget, escaped);
  cwa_ui_names_wrap_group_title (widget);
}

/* A group's title names its subject, which an edit may rename without
 * changing any of its findings: every publish looks at them again. */
static void
refresh_group_titles (CwaChecklistPanel *self)
{
  GHashTableIter iter;
  gpointer group;

  g_hash_table_iter_init (&iter, self->groups);
  while (g_hash_table_iter_next (&iter, NULL, &group))
    set_group_title (group);
}

static FindingGroup *
add_group (CwaChecklistPanel *self,
           gpointer           subject)
{
  FindingGroup *group = g_new0 (FindingGroup, 1);

  group->subject = subject;
  group->widget = adw_preferences_group_new ();
  set_group_title (group);
  gtk_box_append (self->findings_box, group->widget);
  g_hash_table_insert (self->groups, subject, group);
  self->order_dirty = TRUE;
  return group;
}

/* Puts @row into @group next to the group's row nearest to slot @index in
 * the model: the rows of a group stay in model order.  The search goes
 * both ways from @index, so it stops at once where a subject's findings
 * are next to each other, as they are but for the live.* ones. */
static void
insert_row (CwaChecklistPanel *self,
            guint              index,
            FindingGroup      *group,
            GtkWidget         *row)
{
  guint n = self->slots->len;

  for (guint d = 1; d <= index || index + d < n; d++)
    {
      FindingSlot *before = d <= index ? g_ptr_array_index (self->slots, index - d) : NULL;
      FindingSlot *after = index + d < n ? g_ptr_array_index (self->slots, index + d) : NULL;
      FindingSlot *neighbour = before != NULL && before->group == group ? before
                               : after != NULL && after->group == group ? after : NULL;
      GtkWidget *list;
      gint position;

      if (neighbour == NULL)
        continue;
      /* AdwPreferencesGroup (libadwaita 1.2) only appends: the rows' own
       * GtkListBox inserts at a position. */
      list = gtk_widget_get_parent (neighbour->row);
      position = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (neighbour->row));
      gtk_list_box_insert (GTK_LIST_BOX (list), row, neighbour == before ? position + 1 : position);
      return;
    }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group->widget), row);
}

static void
place_row (CwaChecklistPanel *self,
           guint              index)
{
  FindingSlot *slot = g_ptr_array_index (self->slots, index);
  gpointer subject = group_subject (slot->finding);
  FindingGroup *group = g_hash_table_lookup (self->groups, subject);

  slot->row = make_finding_row (self, slot->finding);
  if (group == NULL)
    group = add_group (self, subject);
  insert_row (self, index, group, slot->row);
  slot->group = group;
  group->n_rows++;
  self->n_rows++;
  self->n_unplaced--;
}

static void
unplace_row (CwaChecklistPanel *self,
             FindingSlot       *slot)
{
  FindingGroup *group = slot->group;

  if (slot->row == NULL)
    {
      if (slot_is_listed (self, slot))
        self->n_unplaced--;
      return;
    }
  adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group->widget), slot->row);
  slot->row = NULL;
  slot->group = NULL;
  self->n_rows--;
  /* The group's first row may have gone: its place may change. */
  self->order_dirty = TRUE;
  if (--group->n_rows == 0)
    {
      gtk_box_remove (self->findings_box, group->widget);
      g_hash_table_remove (self->groups, group->subject);
    }
}

/* Puts each group where its first row puts it. */
static void
order_groups (CwaChecklistPanel *self)
{
  GtkWidget *previous = NULL;

  if (!self->order_dirty)
    return;
  self->order_dirty = FALSE;
  self->group_mark++;
  for (guint i = 0; i < self->slots->len; i++)
    {
      FindingSlot *slot = g_ptr_array_index (self->slots, i);

      if (slot->group == NULL || slot->group->mark == self->group_mark)
        continue;
      slot->group->mark = self->group_mark;
      if (gtk_widget_get_prev_sibling (slot->group->widget) != previous)
        gtk_box_reorder_child_after (self->findings_box, slot->group->widget, previous);
      previous = slot->group->widget;
    }
}

static void place_requirement_group (CwaChecklistPanel *self,
                                     guint              index);

/* Makes the finding rows and then the Required Names groups still to be
 * made, until @deadline (monotonic µs; 0 for no limit).  TRUE when none
 * is left. */
static gboolean
place_rows (CwaChecklistPanel *self,
            gint64             deadline)
{
  for (guint i = 0; i < self->slots->len && self->n_unplaced > 0; i++)
    {
      FindingSlot *slot = g_ptr_array_index (self->slots, i);

      if (slot->row != NULL || !slot_is_listed (self, slot))
        continue;
      place_row (self, i);
      if (deadline != 0 && g_get_monotonic_time () >= deadline)
        break;
    }
  order_groups (self);
  update_empty_state (self);

  for (guint i = 0; i < self->requirement_groups->len && self->n_groups_unplaced > 0; i++)
    {
      if (deadline != 0 && g_get_monotonic_time () >= deadline)
        break;
      if (g_ptr_array_index (self->requirement_groups, i) == NULL)
        place_requirement_group (self, i);
    }
  return self->n_unplaced == 0 && self->n_groups_unplaced == 0;
}

static gboolean
place_rows_idle (gpointer data)
{
  CwaChecklistPanel *self = data;

  if (!place_rows (self, g_get_monotonic_time () + ROWS_SLICE_USEC))
    return G_SOURCE_CONTINUE;
  self->rows_idle_id = 0;
  return G_SOURCE_REMOVE;
}

/* A few rows and groups are made at once; many (a first publish of a
 * large plan, "Show passed" on it) in slices of a few milliseconds, below
 * the redraws' priority, so the window keeps drawing meanwhile. */
static void
schedule_rows (CwaChecklistPanel *self)
{
  if (self->n_unplaced <= ROWS_AT_ONCE && self->n_groups_unplaced <= GROUPS_AT_ONCE)
    {
      g_clear_handle_id (&self->rows_idle_id, g_source_remove);
      place_rows (self, 0);
      return;
    }
  if (place_rows (self, g_get_monotonic_time () + ROWS_SLICE_USEC) || self->rows_idle_id != 0)
    return;
  self->rows_idle_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, place_rows_idle, self, NULL);
}

static guint
finding_hash (gconstpointer data)
{
  CwaFinding *finding = (CwaFinding *) data;

  return g_direct_hash (cwa_finding_get_rule (finding)) ^ g_direct_hash (group_subject (finding)) ^
         g_str_hash (cwa_finding_get_message (finding)) ^ (guint) cwa_finding_get_status (finding);
}

static gboolean
finding_equal (gconstpointer a,
               gconstpointer b)
{
  return cwa_finding_equal ((CwaFinding *) a, (CwaFinding *) b);
}

/* The slots of the @removed findings from @position, taken out of the
 * model's mirror: each finding equal to one of them (cwa_finding_equal())
 * that comes back in the same change takes over its row.  A run may make
 * new objects of findings that did not change, and the model replaces all
 * between its first and last change: this keeps their rows all the same. */
static GHashTable *
take_removed_slots (CwaChecklistPanel *self,
                    guint              position,
                    guint              removed)
{
  GHashTable *reusable = g_hash_table_new_full (finding_hash, finding_equal, NULL, (GDestroyNotify) g_queue_free);

  for (guint i = position; i < position + removed; i++)
    {
      FindingSlot *slot = g_ptr_array_index (self->slots, i);
      GQueue *queue = g_hash_table_lookup (reusable, slot->finding);

      if (queue == NULL)
        {
          queue = g_queue_new ();
          g_hash_table_insert (reusable, slot->finding, queue);
        }
      slot->order = i;
      g_queue_push_tail (queue, slot);
      self->slots->pdata[i] = NULL;
    }
  g_ptr_array_remove_range (self->slots, position, removed);
  return reusable;
}

/* A slot for @finding: a removed one of an equal finding whose row keeps
 * its place among the others (taken in model order), else a new one. */
static FindingSlot *
reuse_slot (CwaChecklistPanel *self,
            GHashTable        *reusable,
            CwaFinding        *finding,
            guint             *next_order)
{
  GQueue *queue = g_hash_table_lookup (reusable, finding);
  FindingSlot *slot;

  while (queue != NULL && !g_queue_is_empty (queue))
    {
      slot = g_queue_pop_head (queue);
      if (slot->order < *next_order)
        {
          /* Taking it would put its row out of order: it goes. */
          unplace_row (self, slot);
          finding_slot_free (slot);
          continue;
        }
      *next_order = slot->order + 1;
      g_set_object (&slot->finding, finding);
      if (slot->row != NULL)
        g_object_set_data_full (G_OBJECT (slot->row), "cwa-finding", g_object_ref (finding), g_object_unref);
      return slot;
    }

  slot = g_new0 (FindingSlot, 1);
  slot->finding = g_object_ref (finding);
  if (slot_is_listed (self, slot))
    self->n_unplaced++;
  return slot;
}

static void
drop_slots (CwaChecklistPanel *self,
            GHashTable        *reusable)
{
  GHashTableIter iter;
  gpointer queue;

  g_hash_table_iter_init (&iter, reusable);
  while (g_hash_table_iter_next (&iter, NULL, &queue))
    {
      FindingSlot *slot;

      while ((slot = g_queue_pop_head (queue)) != NULL)
        {
          unplace_row (self, slot);
          finding_slot_free (slot);
        }
    }
}

static void
findings_changed_cb (GListModel        *model,
                     guint              position,
                     guint              removed,
                     guint              added,
                     CwaChecklistPanel *self)
{
  g_autoptr(GHashTable) reusable = take_removed_slots (self, position, removed);
  g_autoptr(GPtrArray) slots = g_ptr_array_new_full (added, NULL);
  guint next_order = 0;

  for (guint i = 0; i < added; i++)
    {
      g_autoptr(CwaFinding) finding = g_list_model_get_item (model, position + i);

      g_ptr_array_add (slots, reuse_slot (self, reusable, finding, &next_order));
    }
  /* The removed findings no new one took over lose their rows before new
   * rows look for their neighbours. */
  drop_slots (self, reusable);

  /* GLib 2.74 has no g_ptr_array_splice(): open a gap of @added.  With
   * nothing added either array's pdata may be NULL, which memcpy() must
   * not be given even for zero bytes. */
  if (added > 0)
    {
      g_ptr_array_set_size (self->slots, (gint) (self->slots->len + added));
      memmove (self->slots->pdata + position + added, self->slots->pdata + position,
               (self->slots->len - added - position) * sizeof (gpointer));
      memcpy (self->slots->pdata + position, slots->pdata, added * sizeof (gpointer));
    }

  schedule_rows (self);
}

/* Lists or unlists the passed findings, keeping every other row. */
static void
apply_show_passed (CwaChecklistPanel *self)
{
  self->n_unplaced = 0;
  for (guint i = 0; i < self->slots->len; i++)
    {
      FindingSlot *slot = g_ptr_array_index (self->slots, i);

      if (slot->row != NULL && !slot_is_listed (self, slot))
        unplace_row (self, slot);
      else if (slot->row == NULL && slot_is_listed (self, slot))
        self->n_unplaced++;
    }
  schedule_rows (self);
}

/* Follows @model (NULL for none) from now on, listing what it holds. */
static void
set_findings_model (CwaChecklistPanel *self,
                    GListModel        *model)
{
  if (self->findings != NULL)
    {
      g_clear_signal_handler (&self->findings_handler, self->findings);
      findings_changed_cb (self->findings, 0, self->slots->len, 0, self);
      g_clear_object (&self->findings);
    }
  if (model == NULL)
    {
      update_empty_state (self);
      return;
    }
  self->findings = g_object_ref (model);
  self->findings_handler = g_signal_connect_object (model, "items-changed", G_CALLBACK (findings_changed_cb), self, 0);
  findings_changed_cb (model, 0, 0, g_list_model_get_n_items (model), self);
}

static GtkWidget *make_request_button (void);
static void show_request_chooser (CwaChecklistPanel *self,
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
  GtkWidget *panel = gtk_widget_get_ancestor (group, CWA_TYPE_CHECKLIST_PANEL);
  CwaRequirement *requirement = g_object_get_data (G_OBJECT (group), "cwa-requirement");
  CwaRequestFormat format;

  if (panel != NULL && cwa_request_format_from_string (g_variant_get_string (parameter, NULL), &format))
    show_request_chooser (CWA_CHECKLIST_PANEL (panel), requirement, format);
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
place_requirement_group (CwaChecklistPanel *self,
                         guint              index)
{
  g_autoptr(CwaRequirement) requirement = g_list_model_get_item (self->requirements, index);
  GtkWidget *group = make_requirement_group (requirement);
  GtkWidget *previous = NULL;

  for (guint i = index; i > 0 && previous == NULL; i--)
    previous = g_ptr_array_index (self->requirement_groups, i - 1);
  gtk_box_insert_child_after (self->requirements_box, group, previous);
  self->requirement_groups->pdata[index] = group;
  self->n_groups_unplaced--;
}

/* The groups follow the requirements model's items-changed, one group
 * per role entry, in model order: an entry the run kept keeps its group.
 * Until made (schedule_rows()), an entry's group is NULL. */
static void
requirements_changed_cb (GListModel        *model,
                         guint              position,
                         guint              removed,
                         guint              added,
                         CwaChecklistPanel *self)
{
  GPtrArray *groups = self->requirement_groups;

  for (guint i = position; i < position + removed; i++)
    {
      GtkWidget *group = g_ptr_array_index (groups, i);

      if (group != NULL)
        gtk_box_remove (self->requirements_box, group);
      else
        self->n_groups_unplaced--;
    }
  g_ptr_array_remove_range (groups, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (groups, (gint) (position + i), NULL);
  self->n_groups_unplaced += added;
  gtk_widget_set_sensitive (GTK_WIDGET (self->copy_all_button), groups->len > 0);
  schedule_rows (self);
}

/* A group's description names the computer or virtual server of its entry,
 * which an edit may rename without changing the entry. */
static void
refresh_requirement_descriptions (CwaChecklistPanel *self)
{
  for (guint i = 0; i < self->requirement_groups->len; i++)
    {
      AdwPreferencesGroup *group = g_ptr_array_index (self->requirement_groups, i);
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
set_requirements_model (CwaChecklistPanel *self,
                        GListModel        *model)
{
  if (self->requirements != NULL)
    {
      g_clear_signal_handler (&self->requirements_handler, self->requirements);
      requirements_changed_cb (self->requirements, 0, self->requirement_groups->len, 0, self);
      g_clear_object (&self->requirements);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->copy_all_button), FALSE);
  if (model == NULL)
    return;
  self->requirements = g_object_ref (model);
  self->requirements_handler = g_signal_connect_object (model, "items-changed",
                                                       G_CALLBACK (requirements_changed_cb), self, 0);
  requirements_changed_cb (model, 0, 0, g_list_model_get_n_items (model), self);
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

static void
set_coverage_status (GtkWidget         *image,
                     CwaCoverageStatus  status)
{
  static const gchar * const classes[] = { "success", "warning", "error" };
  const gchar *icon;
  const gchar *label;

  switch (status)
    {
    case CWA_COVERAGE_COVERED:
      icon = "emblem-ok-symbolic";
      label = _("Covered");
      break;
    case CWA_COVERAGE_WILDCARD_ONLY:
      icon = "dialog-warning-symbolic";
      label = _("Wildcard only");
      break;
    case CWA_COVERAGE_MISSING:
    default:
      icon = "window-close-symbolic";
      label = _("Missing");
      break;
    }
  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (image, classes[i]);
  gtk_widget_add_css_class (image, status == CWA_COVERAGE_COVERED ? "success"
                                   : status == CWA_COVERAGE_WILDCARD_ONLY ? "warning" : "error");
  gtk_image_set_from_icon_name (GTK_IMAGE (image), icon);
  gtk_widget_set_tooltip_text (image, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data (G_OBJECT (image), "cwa-status", GUINT_TO_POINTER (status));
}

/* The matrix's columns: the certificates of its first row's cells (every
 * row has one cell per assigned certificate, cwa-coverage.h). */
static guint
coverage_n_columns (GPtrArray *cells)
{
  CwaCoverageCell *first = g_ptr_array_index (cells, 0);
  guint n = 0;

  while (n < cells->len)
    {
      CwaCoverageCell *cell = g_ptr_array_index (cells, n);

      if (cell->requirement != first->requirement || cell->name != first->name)
        break;
      n++;
    }
  return n;
}

/* "requirement|name" of each row, then "#certificate" of each column:
 * what the grid's labels and layout depend on. */
static GStrv
dup_coverage_shape (GPtrArray *cells,
                    guint      n_columns)
{
  g_autoptr(GStrvBuilder) shape = g_strv_builder_new ();

  for (guint i = 0; i < cells->len; i += n_columns)
    {
      CwaCoverageCell *cell = g_ptr_array_index (cells, i);

      g_autofree gchar *key = g_strdup_printf ("%p|%s", (gpointer) cell->requirement, cell->name);

      g_strv_builder_add (shape, key);
    }
  for (guint c = 0; c < n_columns; c++)
    {
      CwaCoverageCell *cell = g_ptr_array_index (cells, c);

      g_autofree gchar *key = g_strdup_printf ("#%p|%s", (gpointer) cell->certificate,
                                               cwa_certificate_get_display_name (cell->certificate));

      g_strv_builder_add (shape, key);
    }
  return g_strv_builder_end (shape);
}

static void
add_coverage_header (CwaChecklistPanel *self,
                     CwaCertificate    *certificate,
                     guint              column)
{
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
  gtk_grid_attach (self->coverage_grid, header, (gint) column + 1, 0, 1, 1);
}

static void
add_coverage_name (CwaChecklistPanel *self,
                   const gchar       *text,
                   guint              row)
{
  GtkWidget *name = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_selectable (GTK_LABEL (name), TRUE);
  cwa_ui_names_apply (GTK_LABEL (name));
  gtk_grid_attach (self->coverage_grid, name, 0, (gint) row, 1, 1);
}

static void
clear_coverage (CwaChecklistPanel *self)
{
  GtkWidget *child;

  g_ptr_array_set_size (self->coverage_images, 0);
  g_clear_pointer (&self->coverage_shape, g_strfreev);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->coverage_grid))) != NULL)
    gtk_grid_remove (self->coverage_grid, child);
}

static void
build_coverage (CwaChecklistPanel *self,
                GPtrArray         *cells,
                guint              n_columns)
{
  clear_coverage (self);
  for (guint c = 0; c < n_columns; c++)
    add_coverage_header (self, ((CwaCoverageCell *) g_ptr_array_index (cells, c))->certificate, c);
  for (guint i = 0; i < cells->len; i++)
    {
      CwaCoverageCell *cell = g_ptr_array_index (cells, i);
      guint row = i / n_columns + 1;
      GtkWidget *image = gtk_image_new ();

      if (i % n_columns == 0)
        add_coverage_name (self, cell->name, row);
      set_coverage_status (image, cell->status);
      g_ptr_array_add (self->coverage_images, image);
      gtk_grid_attach (self->coverage_grid, image, (gint) (i % n_columns) + 1, (gint) row, 1, 1);
    }
}

/* One row per (role entry, name), in the order the cells come.  While the
 * rows and columns stay those shown, only the cells whose status changed
 * change; a new shape builds the grid again. */
static void
update_coverage (CwaChecklistPanel *self)
{
  GPtrArray *cells = self->checklist != NULL ? cwa_checklist_get_coverage (self->checklist) : NULL;
  g_auto(GStrv) shape = NULL;
  guint n_columns;

  gtk_widget_set_visible (self->coverage_box, cells != NULL && cells->len > 0);
  if (cells == NULL || cells->len == 0)
    {
      clear_coverage (self);
      return;
    }

  n_columns = coverage_n_columns (cells);
  shape = dup_coverage_shape (cells, n_columns);
  if (self->coverage_shape == NULL || !g_strv_equal ((const gchar * const *) shape,
                                                     (const gchar * const *) self->coverage_shape))
    {
      build_coverage (self, cells, n_columns);
      self->coverage_shape = g_steal_pointer (&shape);
      return;
    }

  for (guint i = 0; i < cells->len; i++)
    {
      CwaCoverageCell *cell = g_ptr_array_index (cells, i);
      GtkWidget *image = g_ptr_array_index (self->coverage_images, i);

      if (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (image), "cwa-status")) != cell->status)
        set_coverage_status (image, cell->status);
    }
}

/* Certificate requests for one role entry. */

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
show_request_chooser (CwaChecklistPanel *self,
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

/* The findings and required names have followed the models' items-changed
 * already; what is left is what no model signals. */
static void
updated_cb (CwaChecklistPanel *self)
{
  update_verdict (self);
  update_empty_state (self);
  refresh_group_titles (self);
  refresh_requirement_descriptions (self);
  update_coverage (self);
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
  set_findings_model (self, checklist != NULL ? cwa_checklist_get_findings (checklist) : NULL);
  set_requirements_model (self, checklist != NULL ? cwa_checklist_get_requirements (checklist) : NULL);
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
  apply_show_passed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_PASSED]);
}

const gchar *
cwa_checklist_panel_get_verdict (CwaChecklistPanel *self)
{
  g_return_val_if_fail (CWA_IS_CHECKLIST_PANEL (self), NULL);
  return self->verdict;
}

/* The finding rows below @widget, in tree order. */
static void
collect_finding_rows (GtkWidget *widget,
                      GPtrArray *rows)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (ADW_IS_EXPANDER_ROW (child) && g_object_get_data (G_OBJECT (child), "cwa-finding") != NULL)
        g_ptr_array_add (rows, child);
      else if (!ADW_IS_EXPANDER_ROW (child))
        collect_finding_rows (child, rows);
    }
}

static GPtrArray *
find_finding_rows (GtkWidget *group)
{
  GPtrArray *rows = g_ptr_array_new ();

  collect_finding_rows (group, rows);
  return rows;
}

GPtrArray *
cwa_checklist_panel_dup_shown_findings (CwaChecklistPanel *self)
{
  GPtrArray *shown;

  g_return_val_if_fail (CWA_IS_CHECKLIST_PANEL (self), NULL);

  shown = g_ptr_array_new_with_free_func (g_object_unref);
  for (GtkWidget *group = gtk_widget_get_first_child (GTK_WIDGET (self->findings_box)); group != NULL;
       group = gtk_widget_get_next_sibling (group))
    {
      g_autoptr(GPtrArray) rows = NULL;

      if (!ADW_IS_PREFERENCES_GROUP (group))
        continue;
      rows = find_finding_rows (group);
      for (guint i = 0; i < rows->len; i++)
        g_ptr_array_add (shown, g_object_ref (g_object_get_data (g_ptr_array_index (rows, i), "cwa-finding")));
    }
  return shown;
}

/* GObject. */

static void
cwa_checklist_panel_dispose (GObject *object)
{
  CwaChecklistPanel *self = CWA_CHECKLIST_PANEL (object);

  g_clear_object (&self->checklist_signals);
  g_clear_object (&self->checklist);
  g_clear_handle_id (&self->rows_idle_id, g_source_remove);
  if (self->findings != NULL)
    g_clear_signal_handler (&self->findings_handler, self->findings);
  if (self->requirements != NULL)
    g_clear_signal_handler (&self->requirements_handler, self->requirements);
  g_clear_object (&self->findings);
  g_clear_object (&self->requirements);
  gtk_widget_dispose_template (GTK_WIDGET (self), CWA_TYPE_CHECKLIST_PANEL);
  g_clear_object (&self->chooser);
  g_clear_pointer (&self->expanded, g_hash_table_unref);
  g_clear_pointer (&self->slots, g_ptr_array_unref);
  g_clear_pointer (&self->groups, g_hash_table_unref);
  g_clear_pointer (&self->requirement_groups, g_ptr_array_unref);
  g_clear_pointer (&self->coverage_images, g_ptr_array_unref);
  g_clear_pointer (&self->coverage_shape, g_strfreev);
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
  self->slots = g_ptr_array_new_with_free_func (finding_slot_free);
  self->groups = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->requirement_groups = g_ptr_array_new ();
  self->coverage_images = g_ptr_array_new ();
  self->empty_state = make_empty_state (self);
  gtk_box_append (self->findings_box, self->empty_state);
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

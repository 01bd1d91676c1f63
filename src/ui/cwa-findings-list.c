/* cwa-findings-list.c: the checklist panel's findings: a row per finding, grouped by subject, following the findings model. */
#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cwa-findings-list.h"
#include "cwa-plan-edits.h"
#include "cwa-ui-names.h"
#include "cwa-ui-util.h"
#include "cwa-vs-label.h"

struct _CwaFindingsList
{
  GtkWidget     parent_instance;

  CwaChecklist *checklist;
  GSignalGroup *checklist_signals;
  gboolean      show_passed;
  /* Keys of the expanded findings, so a re-run keeps them open. */
  GHashTable   *expanded;

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

G_DEFINE_FINAL_TYPE (CwaFindingsList, cwa_findings_list, GTK_TYPE_WIDGET)

/* Up to this many rows are made at once; more in slices of this many µs
 * (see schedule_rows()). */
#define ROWS_AT_ONCE    64
#define ROWS_SLICE_USEC 4000

static gchar *
finding_key (CwaFinding *finding)
{
  return g_strdup_printf ("%s|%p|%p|%p", cwa_finding_get_rule_id (finding),
                          (gpointer) cwa_finding_get_server (finding),
                          (gpointer) cwa_finding_get_virtual_server (finding),
                          (gpointer) cwa_finding_get_certificate (finding));
}

/* Findings. */

static void
expanded_cb (AdwExpanderRow    *row,
             GParamSpec        *pspec,
             CwaFindingsList   *self)
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
                 CwaFindingsList   *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_EXPANDER_ROW);
  CwaFinding *finding = g_object_get_data (G_OBJECT (row), "cwa-finding");

  g_signal_emit (self, signals[FINDING_ACTIVATED], 0, finding);
}

static void
add_make_array_fix (CwaFindingsList   *self,
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
make_finding_row (CwaFindingsList   *self,
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
      const gchar *published = cwa_publishing_rule_get_published_host (subject);

      if (proxy == NULL)
        /* Translators: a group of findings: a publishing rule's published host */
        return g_strdup_printf (_("Publishing rule %s"), published);
      if (cwa_reverse_proxy_publishes_own_name (subject))
        /* Translators: a group of findings: a publishing rule on a reverse
         * proxy that has the name of the host it publishes */
        return g_strdup_printf (_("Publishing rule %s on the reverse proxy of that name"), published);
      /* Translators: a group of findings: published host "on" reverse proxy */
      return g_strdup_printf (_("Publishing rule %s on %s"), published, cwa_reverse_proxy_get_fqdn (proxy));
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
 * for the list's life; update_empty_state() sets what it says. */
static GtkWidget *
make_empty_state (CwaFindingsList   *self)
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
update_empty_state (CwaFindingsList   *self)
{
  guint n = self->slots->len;
  CwaPlan *plan = self->checklist != NULL ? cwa_checklist_get_plan (self->checklist) : NULL;
  /* A plan with nothing in it yet gets an invitation, not "No Problems
   * Found". */
  gboolean empty_plan = self->checklist == NULL || cwa_checklist_has_nothing_to_check (self->checklist);
  const gchar *description;
  gboolean nothing_to_check = empty_plan || n == 0;

  gtk_widget_set_visible (self->empty_state, self->n_rows + self->n_unplaced == 0);
  gtk_image_set_from_icon_name (self->empty_icon, nothing_to_check ? "document-edit-symbolic" : "emblem-ok-symbolic");
  gtk_label_set_text (self->empty_title, nothing_to_check ? _("Nothing to Check Yet") : _("No Problems Found"));
  gtk_widget_set_visible (GTK_WIDGET (self->empty_title), !empty_plan);
  if (!nothing_to_check)
    description = _("Every check passed. Turn on “Show passed” to see them.");
  else if (plan != NULL && g_list_model_get_n_items (cwa_plan_get_certificates (plan)) > 0)
    description = _("Add a computer and its virtual servers, then assign the loaded certificates.");
  else
    description = _("Add a computer and its virtual servers, then load certificates.");
  gtk_label_set_text (self->empty_description, description);
}

/* The findings follow the model's items-changed: a publish that changes a
 * few findings removes and makes the rows of those few, and every other row
 * stays the same widget (its focus and expansion untouched).  The slots

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
slot_is_listed (CwaFindingsList   *self,
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
refresh_group_titles (CwaFindingsList   *self)
{
  GHashTableIter iter;
  gpointer group;

  g_hash_table_iter_init (&iter, self->groups);
  while (g_hash_table_iter_next (&iter, NULL, &group))
    set_group_title (group);
}

static FindingGroup *
add_group (CwaFindingsList   *self,
           gpointer           subject)
{
  FindingGroup *group = g_new0 (FindingGroup, 1);

  group->subject = subject;
  group->widget = adw_preferences_group_new ();
  set_group_title (group);
  gtk_widget_insert_before (group->widget, GTK_WIDGET (self), NULL);
  g_hash_table_insert (self->groups, subject, group);
  self->order_dirty = TRUE;
  return group;
}

/* Puts @row into @group next to the group's row nearest to slot @index in
 * the model: the rows of a group stay in model order.  The search goes
 * both ways from @index, so it stops at once where a subject's findings
 * are next to each other, as they are but for the live.* ones. */
static void
insert_row (CwaFindingsList   *self,
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
place_row (CwaFindingsList   *self,
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
unplace_row (CwaFindingsList   *self,
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
      gtk_widget_unparent (group->widget);
      g_hash_table_remove (self->groups, group->subject);
    }
}

/* Puts each group where its first row puts it. */
static void
order_groups (CwaFindingsList   *self)
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
        gtk_widget_insert_after (slot->group->widget, GTK_WIDGET (self), previous);
      previous = slot->group->widget;
    }
}

/* Makes the finding rows still to be made, until @deadline (monotonic
 * µs; 0 for no limit).  TRUE when none is left. */
static gboolean
place_rows (CwaFindingsList   *self,
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
  return self->n_unplaced == 0;
}

static gboolean
place_rows_idle (gpointer data)
{
  CwaFindingsList   *self = data;

  if (!place_rows (self, g_get_monotonic_time () + ROWS_SLICE_USEC))
    return G_SOURCE_CONTINUE;
  self->rows_idle_id = 0;
  return G_SOURCE_REMOVE;
}

/* A few rows are made at once; many (a first publish of a large plan,
 * "Show passed" on it) in slices of a few milliseconds, below the redraws'
 * priority, so the window keeps drawing meanwhile. */
static void
schedule_rows (CwaFindingsList   *self)
{
  if (self->n_unplaced <= ROWS_AT_ONCE)
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
take_removed_slots (CwaFindingsList   *self,
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
reuse_slot (CwaFindingsList   *self,
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
drop_slots (CwaFindingsList   *self,
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
                     CwaFindingsList   *self)
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
apply_show_passed (CwaFindingsList   *self)
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
set_findings_model (CwaFindingsList   *self,
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
cwa_findings_list_dup_shown_findings (CwaFindingsList *self)
{
  GPtrArray *shown;

  g_return_val_if_fail (CWA_IS_FINDINGS_LIST (self), NULL);

  shown = g_ptr_array_new_with_free_func (g_object_unref);
  for (GtkWidget *group = gtk_widget_get_first_child (GTK_WIDGET (self)); group != NULL;
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

/* Updates. */

/* Whether @finding's title names its subject: only a catalogue title
 * that quotes an example in backticks does (cwa_ui_dup_finding_headline()). */
static gboolean
title_names_subject (CwaFinding *finding)
{
  const CwaRule *rule = cwa_finding_get_rule (finding);

  return rule != NULL && strchr (rule->title, '`') != NULL;
}

/* A row's title names its subject's own names (dup_rule_title()), which
 * an edit may change without changing the finding: a renamed computer
 * keeps the row of its equal finding, and so does a finding the run
 * did not touch.  Every publish looks at them again; the titles that
 * name nothing are passed over, so that a list of many certificates'
 * findings costs little. */
static void
refresh_row_titles (CwaFindingsList *self)
{
  for (guint i = 0; i < self->slots->len; i++)
    {
      FindingSlot *slot = g_ptr_array_index (self->slots, i);
      g_autofree gchar *title = NULL;

      if (slot->row == NULL || !title_names_subject (slot->finding))
        continue;
      title = dup_rule_title (slot->finding);
      if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (slot->row)), title) == 0)
        continue;
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (slot->row), title);
      /* The names' attributes index into the old text. */
      cwa_ui_names_apply_below (slot->row);
    }
}

/* The rows have followed the model's items-changed already; what is left
 * is what no model signals. */
static void
updated_cb (CwaFindingsList *self)
{
  update_empty_state (self);
  refresh_group_titles (self);
  refresh_row_titles (self);
}

CwaChecklist *
cwa_findings_list_get_checklist (CwaFindingsList *self)
{
  g_return_val_if_fail (CWA_IS_FINDINGS_LIST (self), NULL);
  return self->checklist;
}

void
cwa_findings_list_set_checklist (CwaFindingsList *self,
                                 CwaChecklist    *checklist)
{
  g_return_if_fail (CWA_IS_FINDINGS_LIST (self));
  g_return_if_fail (checklist == NULL || CWA_IS_CHECKLIST (checklist));

  if (self->checklist == checklist)
    return;

  g_set_object (&self->checklist, checklist);
  g_signal_group_set_target (self->checklist_signals, checklist);
  g_hash_table_remove_all (self->expanded);
  set_findings_model (self, checklist != NULL ? cwa_checklist_get_findings (checklist) : NULL);
  updated_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECKLIST]);
}

gboolean
cwa_findings_list_get_show_passed (CwaFindingsList *self)
{
  g_return_val_if_fail (CWA_IS_FINDINGS_LIST (self), FALSE);
  return self->show_passed;
}

void
cwa_findings_list_set_show_passed (CwaFindingsList *self,
                                   gboolean         show_passed)
{
  g_return_if_fail (CWA_IS_FINDINGS_LIST (self));

  show_passed = !!show_passed;
  if (self->show_passed == show_passed)
    return;

  self->show_passed = show_passed;
  apply_show_passed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_PASSED]);
}

/* GObject. */

static void
cwa_findings_list_dispose (GObject *object)
{
  CwaFindingsList *self = CWA_FINDINGS_LIST (object);
  GtkWidget *child;

  g_clear_object (&self->checklist_signals);
  g_clear_object (&self->checklist);
  g_clear_handle_id (&self->rows_idle_id, g_source_remove);
  if (self->findings != NULL)
    g_clear_signal_handler (&self->findings_handler, self->findings);
  g_clear_object (&self->findings);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->expanded, g_hash_table_unref);
  g_clear_pointer (&self->slots, g_ptr_array_unref);
  g_clear_pointer (&self->groups, g_hash_table_unref);

  G_OBJECT_CLASS (cwa_findings_list_parent_class)->dispose (object);
}

static void
cwa_findings_list_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CwaFindingsList *self = CWA_FINDINGS_LIST (object);

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
cwa_findings_list_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CwaFindingsList *self = CWA_FINDINGS_LIST (object);

  switch (prop_id)
    {
    case PROP_CHECKLIST:
      cwa_findings_list_set_checklist (self, g_value_get_object (value));
      break;
    case PROP_SHOW_PASSED:
      cwa_findings_list_set_show_passed (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cwa_findings_list_class_init (CwaFindingsListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cwa_findings_list_dispose;
  object_class->get_property = cwa_findings_list_get_property;
  object_class->set_property = cwa_findings_list_set_property;

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

  /* The groups are the list's own children, as they were a GtkBox's. */
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "findings-list");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
cwa_findings_list_init (CwaFindingsList *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 18);

  self->checklist_signals = g_signal_group_new (CWA_TYPE_CHECKLIST);
  g_signal_group_connect_object (self->checklist_signals, "updated",
                                 G_CALLBACK (updated_cb), self, G_CONNECT_SWAPPED);

  self->expanded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->slots = g_ptr_array_new_with_free_func (finding_slot_free);
  self->groups = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->empty_state = make_empty_state (self);
  gtk_widget_set_parent (self->empty_state, GTK_WIDGET (self));
  updated_cb (self);
}

GtkWidget *
cwa_findings_list_new (void)
{
  return g_object_new (CWA_TYPE_FINDINGS_LIST, NULL);
}

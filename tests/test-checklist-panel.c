/* test-checklist-panel.c: the checklist panel and its parts (findings list, required names, coverage grid) follow their models' changes, row by row, under Xvfb. */
#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "cwa-checklist-panel.h"
#include "cwa-coverage-grid.h"
#include "cwa-findings-list.h"
#include "cwa-required-names.h"
#include "cwa-test-cert.h"
#include "cwa-test-plan.h"
#include "cwa-test-ui.h"

typedef struct
{
  CwaPlan           *plan;
  CwaChecklist      *checklist;
  GtkWidget         *window;
  /* NULL where a test shows one of the panel's parts alone. */
  CwaChecklistPanel *panel;
  /* What the findings model said it changed since the last look. */
  guint              n_added;
  guint              n_removed;
} Fixture;

static void
findings_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     Fixture    *fixture)
{
  fixture->n_added += added;
  fixture->n_removed += removed;
}

/* The plan data/examples/@name (NULL: a new plan) and a checklist on it. */
static void
load_plan (Fixture     *fixture,
           const gchar *name)
{
  if (name != NULL)
    {
      g_autofree gchar *path = cwa_test_example_path (name);

      fixture->plan = cwa_test_load_plan (path);
    }
  else
    fixture->plan = cwa_plan_new ();
  fixture->checklist = cwa_test_checklist_new (fixture->plan);
  g_signal_connect (cwa_checklist_get_findings (fixture->checklist), "items-changed",
                    G_CALLBACK (findings_changed_cb), fixture);
}

/* @widget in a window of its own, shown. */
static void
show_in_window (Fixture   *fixture,
                GtkWidget *widget)
{
  fixture->window = g_object_ref_sink (gtk_window_new ());
  gtk_window_set_child (GTK_WINDOW (fixture->window), widget);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 480, 800);
  gtk_window_present (GTK_WINDOW (fixture->window));
  cwa_test_ui_drain_main_loop ();
}

/* The panel in a window of its own, on data/examples/@name. */
static void
open_plan (Fixture     *fixture,
           const gchar *name)
{
  load_plan (fixture, name);
  fixture->panel = CWA_CHECKLIST_PANEL (cwa_checklist_panel_new ());
  cwa_checklist_panel_set_checklist (fixture->panel, fixture->checklist);
  show_in_window (fixture, GTK_WIDGET (fixture->panel));
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  cwa_test_ui_drain_main_loop ();
  g_assert_finalize_object (fixture->window);
  g_signal_handlers_disconnect_by_data (cwa_checklist_get_findings (fixture->checklist), fixture);
  g_assert_finalize_object (fixture->checklist);
  g_assert_finalize_object (fixture->plan);
}

/* Runs the rules on the plan as it is now and lets the panel catch up. */
static void
rerun (Fixture *fixture)
{
  fixture->n_added = 0;
  fixture->n_removed = 0;
  cwa_checklist_update (fixture->checklist);
  cwa_test_ui_drain_main_loop ();
}

static GtkWidget *
findings_box (CwaChecklistPanel *panel)
{
  return cwa_test_ui_child (panel, CWA_TYPE_CHECKLIST_PANEL, "findings_box");
}

/* The rows of the findings in @panel, by finding (borrowed). */
static GHashTable *
dup_rows (CwaChecklistPanel *panel)
{
  g_autoptr(GPtrArray) rows = cwa_test_ui_find_all (findings_box (panel), ADW_TYPE_EXPANDER_ROW);
  GHashTable *by_finding = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < rows->len; i++)
    {
      CwaFinding *finding = g_object_get_data (g_ptr_array_index (rows, i), "cwa-finding");

      g_assert_nonnull (finding);
      g_assert_false (g_hash_table_contains (by_finding, finding));
      g_hash_table_insert (by_finding, finding, g_ptr_array_index (rows, i));
    }
  return by_finding;
}

/* The titles of the visible groups in @box, in order, one a line. */
static gchar *
dup_titles_in (GtkWidget *box)
{
  g_autoptr(GString) titles = g_string_new ("\n");

  for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (ADW_IS_PREFERENCES_GROUP (child) && gtk_widget_get_visible (child))
      g_string_append_printf (titles, "%s\n", adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (child)));
  return g_string_free (g_steal_pointer (&titles), FALSE);
}

/* The group titles of @panel's findings, in order, one a line. */
static gchar *
dup_group_titles (CwaChecklistPanel *panel)
{
  return dup_titles_in (findings_box (panel));
}

/* The same for a findings list shown alone. */
static gchar *
dup_list_group_titles (CwaFindingsList *list)
{
  return dup_titles_in (GTK_WIDGET (list));
}

/* @panel, updated step by step, shows what a panel made now from the
 * same checklist shows: the same groups in the same order, the same
 * findings in the same order. */
static void
assert_as_built_anew (Fixture *fixture)
{
  CwaChecklistPanel *fresh = g_object_ref_sink (CWA_CHECKLIST_PANEL (cwa_checklist_panel_new ()));
  g_autoptr(GPtrArray) shown = cwa_checklist_panel_dup_shown_findings (fixture->panel);
  g_autoptr(GPtrArray) expected = NULL;
  g_autofree gchar *titles = dup_group_titles (fixture->panel);
  g_autofree gchar *expected_titles = NULL;

  cwa_checklist_panel_set_show_passed (fresh, cwa_checklist_panel_get_show_passed (fixture->panel));
  cwa_checklist_panel_set_checklist (fresh, fixture->checklist);
  cwa_test_ui_drain_main_loop ();
  expected = cwa_checklist_panel_dup_shown_findings (fresh);
  expected_titles = dup_group_titles (fresh);

  g_assert_cmpstr (titles, ==, expected_titles);
  g_assert_cmpuint (shown->len, ==, expected->len);
  for (guint i = 0; i < shown->len; i++)
    g_assert_true (g_ptr_array_index (shown, i) == g_ptr_array_index (expected, i));
  gtk_widget_unparent (GTK_WIDGET (fresh));
  g_assert_finalize_object (fresh);
}

/* The rows of a panel at one moment, each with a weak pointer: after an
 * update, whether each row is still alive and still the same widget. */
typedef struct
{
  guint n;
  CwaFinding **findings;
  GtkWidget **rows;
} Watch;

static Watch *
watch_rows (CwaChecklistPanel *panel)
{
  g_autoptr(GHashTable) rows = dup_rows (panel);
  Watch *watch = g_new0 (Watch, 1);
  GHashTableIter iter;
  gpointer finding;
  gpointer row;

  watch->findings = g_new0 (CwaFinding *, g_hash_table_size (rows));
  watch->rows = g_new0 (GtkWidget *, g_hash_table_size (rows));
  g_hash_table_iter_init (&iter, rows);
  while (g_hash_table_iter_next (&iter, &finding, &row))
    {
      watch->findings[watch->n] = g_object_ref (finding);
      watch->rows[watch->n] = row;
      g_object_add_weak_pointer (row, (gpointer *) &watch->rows[watch->n]);
      watch->n++;
    }
  return watch;
}

static void
watch_free (Watch *watch)
{
  for (guint i = 0; i < watch->n; i++)
    {
      if (watch->rows[i] != NULL)
        g_object_remove_weak_pointer (G_OBJECT (watch->rows[i]), (gpointer *) &watch->rows[i]);
      g_object_unref (watch->findings[i]);
    }
  g_free (watch->findings);
  g_free (watch->rows);
  g_free (watch);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Watch, watch_free)

/* The index in @before of a finding equal to @finding whose row no
 * other finding took yet, or -1. */
static gint
find_equal (Watch      *before,
            gboolean   *taken,
            CwaFinding *finding)
{
  for (guint i = 0; i < before->n; i++)
    if (!taken[i] && cwa_finding_equal (before->findings[i], finding))
      return (gint) i;
  return -1;
}

/* After an update: every finding of the model equal to one shown in
 * @before (the same object or a new one the run made of an unchanged
 * finding) is shown by the very row it had; the rows of the others are
 * new, one for each, and the rows of the findings gone were destroyed.
 * Returns how many rows were made. */
static guint
assert_only_changed_rows (Fixture *fixture,
                          Watch   *before)
{
  g_autoptr(GHashTable) after = dup_rows (fixture->panel);
  g_autofree gboolean *taken = g_new0 (gboolean, before->n + 1);
  GListModel *findings = cwa_checklist_get_findings (fixture->checklist);
  guint n_kept = 0;
  guint n_made = 0;

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(CwaFinding) finding = g_list_model_get_item (findings, i);
      GtkWidget *row = g_hash_table_lookup (after, finding);
      gint old = find_equal (before, taken, finding);

      if (row == NULL)
        continue;
      if (old < 0)
        {
          n_made++;
          continue;
        }
      taken[old] = TRUE;
      g_assert_nonnull (before->rows[old]);
      g_assert_true (row == before->rows[old]);
      n_kept++;
    }
  for (guint i = 0; i < before->n; i++)
    if (!taken[i])
      g_assert_null (before->rows[i]);

  g_test_message ("model: %u added, %u removed; panel: %u rows kept, %u made",
                  fixture->n_added, fixture->n_removed, n_kept, n_made);
  g_assert_cmpuint (n_made, <=, fixture->n_added);
  g_assert_cmpuint (n_kept + n_made, ==, g_hash_table_size (after));
  return n_made;
}

/* A second computer serving the example's URL host changes a few
 * findings (deployment.unique-urls fails) and adds those of the new
 * computer; removing it again undoes that.  Only the rows of those
 * findings are made or destroyed; the Required Names of the first
 * computer keep their group. */
static void
test_edit_keeps_rows (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *requirements;
  GtkWidget *first_requirement;
  CwaDeployment *deployment;
  CwaServer *twin;
  guint n_rows;

  open_plan (fixture, "contoso.cwaplan");
  cwa_checklist_panel_set_show_passed (fixture->panel, TRUE);
  cwa_test_ui_drain_main_loop ();
  requirements = cwa_test_ui_child (fixture->panel, CWA_TYPE_CHECKLIST_PANEL, "requirements_box");
  first_requirement = gtk_widget_get_first_child (requirements);
  g_assert_true (ADW_IS_PREFERENCES_GROUP (first_requirement));
  g_object_add_weak_pointer (G_OBJECT (first_requirement), (gpointer *) &first_requirement);
  assert_as_built_anew (fixture);

  deployment = cwa_plan_get_deployment (fixture->plan);
  {
    g_autoptr(Watch) before = watch_rows (fixture->panel);

    n_rows = before->n;
    /* The certificate's expiry, and nothing else, now warns. */
    cwa_checklist_set_expiry_warning_days (fixture->checklist, 3650);
    rerun (fixture);
    g_assert_cmpuint (assert_only_changed_rows (fixture, before), ==, 1);
    assert_as_built_anew (fixture);
  }
  {
    g_autoptr(Watch) before = watch_rows (fixture->panel);
    twin = cwa_test_add_server (deployment, "cwa02.contoso.com");
    cwa_test_add_virtual_server (twin, "https://im.contoso.com", CWA_AUDIENCE_INTERNAL, NULL);
    rerun (fixture);
    g_assert_true (cwa_test_ui_panel_shows_failure (fixture->panel, "deployment.unique-urls"));
    g_assert_cmpuint (fixture->n_added, >, 0);
    /* New rows for the new computer's findings and for the two of the
     * deployment about the shared host; every other row stays. */
    g_assert_cmpuint (g_list_model_get_n_items (cwa_checklist_get_findings (fixture->checklist)) -
                      assert_only_changed_rows (fixture, before), ==, n_rows - 2);
    assert_as_built_anew (fixture);
  }

  {
    g_autoptr(Watch) before = watch_rows (fixture->panel);

    cwa_deployment_remove_server (deployment, twin);
    rerun (fixture);
    g_assert_false (cwa_test_ui_panel_shows_failure (fixture->panel, "deployment.unique-urls"));
    g_assert_cmpuint (fixture->n_removed, >, 0);
    assert_only_changed_rows (fixture, before);
    assert_as_built_anew (fixture);
  }

  /* Its entry was equal in every run: the same group all along. */
  g_assert_nonnull (first_requirement);
  g_assert_true (gtk_widget_get_first_child (requirements) == first_requirement);
  g_object_remove_weak_pointer (G_OBJECT (first_requirement), (gpointer *) &first_requirement);
}

/* "Show passed" adds and removes the rows of the passed findings only:
 * the failed ones keep theirs. */
static void
test_show_passed_keeps_rows (Fixture       *fixture,
                             gconstpointer  data)
{
  open_plan (fixture, "mistakes.cwaplan");
  assert_as_built_anew (fixture);

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(Watch) before = watch_rows (fixture->panel);

      g_assert_cmpuint (before->n, >, 0);
      cwa_checklist_panel_set_show_passed (fixture->panel, i == 0);
      cwa_test_ui_drain_main_loop ();
      for (guint j = 0; j < before->n; j++)
        if (cwa_finding_is_failed (before->findings[j]))
          g_assert_nonnull (before->rows[j]);
      assert_as_built_anew (fixture);
    }
}

/* The labels below @widget that are drawn and read @text, in any case. */
static guint
count_visible_texts (GtkWidget   *widget,
                     const gchar *text)
{
  g_autoptr(GPtrArray) labels = cwa_test_ui_find_all (widget, GTK_TYPE_LABEL);
  guint n = 0;

  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (labels, i);
      g_autofree gchar *folded = g_utf8_casefold (gtk_label_get_text (GTK_LABEL (label)), -1);
      g_autofree gchar *wanted = g_utf8_casefold (text, -1);

      if (gtk_widget_is_drawable (label) && g_str_equal (folded, wanted))
        n++;
    }
  return n;
}

/* An empty plan says "Nothing to check yet" once: in the verdict, not
 * again as the title of the empty list below it. */
static void
test_empty_plan_says_it_once (Fixture       *fixture,
                              gconstpointer  data)
{
  open_plan (fixture, NULL);
  g_assert_cmpstr (cwa_checklist_panel_get_verdict (fixture->panel), ==, "Nothing to check yet");
  g_assert_cmpuint (count_visible_texts (GTK_WIDGET (fixture->panel), "Nothing to check yet"), ==, 1);
  /* What to do is said once too, and the list below still shows its icon. */
  g_assert_cmpuint (count_visible_texts (GTK_WIDGET (fixture->panel),
                                         "Add a computer and its virtual servers, then load certificates."), ==, 1);
  /* The invitation starts at the margin, with no empty icon before it. */
  g_assert_false (gtk_widget_get_visible (cwa_test_ui_child (fixture->panel, CWA_TYPE_CHECKLIST_PANEL, "verdict_icon")));
  cwa_test_ui_maybe_screenshot (fixture->window, "empty-plan");

  /* Certificates loaded before any computer are not yet a deployment
   * that could be Ready: the invitation stays, and asks for them to be
   * assigned rather than loaded. */
  {
    CwaTestCertSpec spec;
    g_autoptr(CwaCertificate) certificate = NULL;

    cwa_test_cert_spec_init (&spec, "CN=im.contoso.com");
    certificate = cwa_test_cert_build (&spec);
    cwa_plan_add_certificate (fixture->plan, certificate);
  }
  rerun (fixture);
  g_assert_cmpstr (cwa_checklist_panel_get_verdict (fixture->panel), ==, "Nothing to check yet");
  g_assert_cmpuint (count_visible_texts (GTK_WIDGET (fixture->panel),
                                         "Add a computer and its virtual servers, then assign the loaded "
                                         "certificates."), ==, 1);
  g_assert_false (gtk_widget_get_visible (cwa_test_ui_child (fixture->panel, CWA_TYPE_CHECKLIST_PANEL, "verdict_icon")));

  /* A plan with a computer gets its verdict, and its icon, back. */
  cwa_test_add_server (cwa_plan_get_deployment (fixture->plan), "cwa01.contoso.com");
  rerun (fixture);
  g_assert_cmpstr (cwa_checklist_panel_get_verdict (fixture->panel), !=, "Nothing to check yet");
  g_assert_true (gtk_widget_get_visible (cwa_test_ui_child (fixture->panel, CWA_TYPE_CHECKLIST_PANEL, "verdict_icon")));
}

/* Adds @n computers, each with a virtual server and no certificate.
 * Returns the last, borrowed. */
static CwaServer *
add_servers (Fixture *fixture,
             guint    n)
{
  CwaDeployment *deployment = cwa_plan_get_deployment (fixture->plan);
  CwaServer *server = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autofree gchar *fqdn = g_strdup_printf ("cwa%03u.contoso.com", i);
      g_autofree gchar *url = g_strdup_printf ("https://im%03u.contoso.com", i);
      server = cwa_test_add_server (deployment, fqdn);
      cwa_test_add_virtual_server (server, url, CWA_AUDIENCE_INTERNAL, NULL);
    }
  return server;
}

/* A plan too large to list in one go: its rows and groups are made over
 * several main-loop iterations, and end as a panel made in one would
 * be; an edit then changes the rows of the findings it changes only. */
static void
test_large_plan (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *requirements;
  CwaServer *server;
  guint n_groups = 0;

  open_plan (fixture, NULL);
  cwa_checklist_panel_set_show_passed (fixture->panel, TRUE);
  server = add_servers (fixture, 40);
  rerun (fixture);
  g_assert_cmpuint (fixture->n_added, >, 64);
  assert_as_built_anew (fixture);
  requirements = cwa_test_ui_child (fixture->panel, CWA_TYPE_CHECKLIST_PANEL, "requirements_box");
  for (GtkWidget *child = gtk_widget_get_first_child (requirements); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n_groups++;
  g_assert_cmpuint (n_groups, ==, g_list_model_get_n_items (cwa_checklist_get_requirements (fixture->checklist)));
  g_assert_cmpuint (n_groups, >, 16);

  {
    g_autoptr(Watch) before = watch_rows (fixture->panel);

    cwa_server_set_fqdn (server, "renamed.contoso.com");
    rerun (fixture);
    g_assert_cmpuint (assert_only_changed_rows (fixture, before), <, 10);
    assert_as_built_anew (fixture);
  }
}

/* The parts of the panel, each alone. */

/* @part on data/examples/@name (NULL: a new plan), in a window. */
static void
open_part (Fixture     *fixture,
           const gchar *name,
           GtkWidget   *part)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  load_plan (fixture, name);
  g_object_set (part, "checklist", fixture->checklist, NULL);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), part);
  show_in_window (fixture, scrolled);
}

/* The row of @list showing the finding of @rule_id (the first), or NULL. */
static AdwPreferencesRow *
find_row (CwaFindingsList *list,
          const gchar     *rule_id)
{
  g_autoptr(GPtrArray) rows = cwa_test_ui_find_all (list, ADW_TYPE_EXPANDER_ROW);

  for (guint i = 0; i < rows->len; i++)
    {
      CwaFinding *finding = g_object_get_data (g_ptr_array_index (rows, i), "cwa-finding");

      if (finding != NULL && g_str_equal (cwa_finding_get_rule_id (finding), rule_id))
        return g_ptr_array_index (rows, i);
    }
  return NULL;
}

static CwaServer *
first_server (CwaPlan *plan)
{
  GListModel *servers = cwa_deployment_get_servers (cwa_plan_get_deployment (plan));
  g_autoptr(CwaServer) server = g_list_model_get_item (servers, 0);

  /* Borrowed: the plan holds it. */
  return server;
}

/* A computer renamed in case only ("CWAServer.Contoso.com"): the rules
 * compare and print names in lower case, so the finding about its FQDN in
 * the shared certificate stays equal and keeps its row; the row's title
 * quotes the FQDN as written, and must follow the rename. */
static void
test_findings_rename_refreshes_titles (Fixture       *fixture,
                                       gconstpointer  data)
{
  CwaFindingsList *list = CWA_FINDINGS_LIST (cwa_findings_list_new ());
  AdwPreferencesRow *row;
  g_autoptr(CwaFinding) before = NULL;
  g_autoptr(GPtrArray) labels = NULL;
  CwaFinding *after;
  guint n_drawn = 0;

  cwa_findings_list_set_show_passed (list, TRUE);
  open_part (fixture, "contoso.cwaplan", GTK_WIDGET (list));
  row = find_row (list, "shared.san-has-server-fqdn");
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_preferences_row_get_title (row), "(cwaserver.contoso.com)"));
  before = g_object_ref (g_object_get_data (G_OBJECT (row), "cwa-finding"));
  g_object_add_weak_pointer (G_OBJECT (row), (gpointer *) &row);

  cwa_server_set_fqdn (first_server (fixture->plan), "CWAServer.Contoso.com");
  rerun (fixture);

  /* The same row, for a finding equal to the one before. */
  g_assert_nonnull (row);
  g_assert_true (find_row (list, "shared.san-has-server-fqdn") == row);
  after = g_object_get_data (G_OBJECT (row), "cwa-finding");
  g_assert_true (cwa_finding_equal (before, after));
  g_assert_cmpstr (adw_preferences_row_get_title (row), ==,
                   "A shared MTLS+SSL certificate also lists the server FQDN (CWAServer.Contoso.com) in its SAN.");
  /* What the row draws, to the letter. */
  cwa_test_ui_wait_frames (fixture->window, 2);
  labels = cwa_test_ui_find_all (row, GTK_TYPE_LABEL);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (labels, i);

      if (gtk_widget_is_drawable (label) &&
          g_str_equal (gtk_label_get_text (GTK_LABEL (label)), adw_preferences_row_get_title (row)))
        n_drawn++;
    }
  g_assert_cmpuint (n_drawn, ==, 1);
  g_object_remove_weak_pointer (G_OBJECT (row), (gpointer *) &row);
}

/* A publishing rule's group names its reverse proxy, or says the proxy
 * has the published host's name rather than naming the host twice. */
static void
test_findings_publishing_rule_titles (Fixture       *fixture,
                                      gconstpointer  data)
{
  CwaFindingsList *list = CWA_FINDINGS_LIST (cwa_findings_list_new ());
  CwaReverseProxy *proxy;
  g_autofree gchar *before = NULL;
  g_autofree gchar *after = NULL;

  cwa_findings_list_set_show_passed (list, TRUE);
  open_part (fixture, "contoso-array.cwaplan", GTK_WIDGET (list));
  proxy = cwa_deployment_find_reverse_proxy (cwa_plan_get_deployment (fixture->plan), "isa01.perimeter.contoso.com");
  g_assert_nonnull (proxy);
  before = dup_list_group_titles (list);
  g_assert_nonnull (strstr (before, "\nPublishing rule im.contoso.com on isa01.perimeter.contoso.com\n"));

  cwa_reverse_proxy_set_fqdn (proxy, "IM.contoso.com");
  rerun (fixture);
  after = dup_list_group_titles (list);
  g_assert_nonnull (strstr (after, "\nPublishing rule im.contoso.com on the reverse proxy of that name\n"));
  g_assert_null (strstr (after, "on IM.contoso.com"));
}

/* Many rows are made in slices on the main loop, not all at once: a
 * publish that lists many findings makes some rows at once and the rest
 * while the main loop runs, until every finding has its row. */
static void
test_findings_slices (Fixture       *fixture,
                      gconstpointer  data)
{
  CwaFindingsList *list = CWA_FINDINGS_LIST (cwa_findings_list_new ());
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) shown = NULL;
  g_autoptr(GHashTable) shown_set = g_hash_table_new (NULL, NULL);
  GListModel *findings;
  guint n_listed;

  cwa_findings_list_set_show_passed (list, TRUE);
  open_part (fixture, NULL, GTK_WIDGET (list));
  add_servers (fixture, 80);
  cwa_checklist_update (fixture->checklist);
  first = cwa_findings_list_dup_shown_findings (list);

  findings = cwa_checklist_get_findings (fixture->checklist);
  n_listed = g_list_model_get_n_items (findings);
  g_test_message ("%u of %u rows made at once", first->len, n_listed);
  g_assert_cmpuint (n_listed, >, 4 * 64);
  g_assert_cmpuint (first->len, >, 0);
  g_assert_cmpuint (first->len, <, n_listed);

  cwa_test_ui_drain_main_loop ();
  shown = cwa_findings_list_dup_shown_findings (list);
  g_assert_cmpuint (shown->len, ==, n_listed);
  for (guint i = 0; i < shown->len; i++)
    g_hash_table_add (shown_set, g_ptr_array_index (shown, i));
  for (guint i = 0; i < n_listed; i++)
    {
      g_autoptr(CwaFinding) finding = g_list_model_get_item (findings, i);

      g_assert_true (g_hash_table_contains (shown_set, finding));
    }
}

static void
finding_activated_cb (CwaFindingsList *list,
                      CwaFinding      *finding,
                      CwaFinding     **activated)
{
  g_set_object (activated, finding);
}

/* Expanding a row says which finding to show; a re-run keeps it open. */
static void
test_findings_activated (Fixture       *fixture,
                         gconstpointer  data)
{
  CwaFindingsList *list = CWA_FINDINGS_LIST (cwa_findings_list_new ());
  g_autoptr(CwaFinding) activated = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  AdwExpanderRow *row;

  open_part (fixture, "mistakes.cwaplan", GTK_WIDGET (list));
  g_signal_connect (list, "finding-activated", G_CALLBACK (finding_activated_cb), &activated);
  rows = cwa_test_ui_find_all (list, ADW_TYPE_EXPANDER_ROW);
  row = g_ptr_array_index (rows, 0);
  adw_expander_row_set_expanded (row, TRUE);
  g_assert_true (activated == g_object_get_data (G_OBJECT (row), "cwa-finding"));

  cwa_checklist_set_expiry_warning_days (fixture->checklist, 3650);
  rerun (fixture);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = cwa_test_ui_find_all (list, ADW_TYPE_EXPANDER_ROW);
  row = g_ptr_array_index (rows, 0);
  g_assert_true (cwa_finding_equal (activated, g_object_get_data (G_OBJECT (row), "cwa-finding")));
  g_assert_true (adw_expander_row_get_expanded (row));
  g_signal_handlers_disconnect_by_data (list, &activated);
}

static guint
count_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

/* A group per role entry, in model order; "empty" and the copied text
 * follow the checklist. */
static void
test_required_names (Fixture       *fixture,
                     gconstpointer  data)
{
  CwaRequiredNames *names = CWA_REQUIRED_NAMES (cwa_required_names_new ());
  GListModel *requirements;
  g_autofree gchar *text = NULL;
  GtkWidget *first;

  g_assert_true (cwa_required_names_get_empty (names));
  open_part (fixture, "contoso-array.cwaplan", GTK_WIDGET (names));
  requirements = cwa_checklist_get_requirements (fixture->checklist);
  g_assert_cmpuint (count_children (GTK_WIDGET (names)), ==, g_list_model_get_n_items (requirements));
  g_assert_false (cwa_required_names_get_empty (names));
  first = gtk_widget_get_first_child (GTK_WIDGET (names));
  for (guint i = 0; i < g_list_model_get_n_items (requirements); i++)
    {
      g_autoptr(CwaRequirement) requirement = g_list_model_get_item (requirements, i);

      g_assert_true (g_object_get_data (G_OBJECT (first), "cwa-requirement") == requirement);
      first = gtk_widget_get_next_sibling (first);
    }

  /* Per entry its title and subject, in model order. */
  text = cwa_required_names_dup_text (names);
  first = gtk_widget_get_first_child (GTK_WIDGET (names));
  for (const gchar *p = text; first != NULL; first = gtk_widget_get_next_sibling (first))
    {
      CwaRequirement *requirement = g_object_get_data (G_OBJECT (first), "cwa-requirement");
      g_autofree gchar *subject = g_strdup_printf ("\n  Subject: CN=%s\n", cwa_requirement_get_subject (requirement));
      const gchar *title = adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (first));

      g_assert_true (g_str_has_prefix (p, title));
      p = strstr (p, subject);
      g_assert_nonnull (p);
      p = strstr (p + 1, "\n\n");
      p = p != NULL ? p + 2 : "";
    }

  cwa_required_names_set_checklist (names, NULL);
  g_assert_cmpuint (count_children (GTK_WIDGET (names)), ==, 0);
  g_assert_true (cwa_required_names_get_empty (names));
  g_clear_pointer (&text, g_free);
  text = cwa_required_names_dup_text (names);
  g_assert_cmpstr (text, ==, "");
}

/* Each Required Names group offers the request formats through an action
 * of its own, so its menu stays right however the list changes; the menu
 * is made when it first opens. */
static void
test_required_names_request_menu (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *requirements = cwa_required_names_new ();
  g_autoptr(GPtrArray) buttons = NULL;
  GtkMenuButton *button;
  GMenuModel *menu;

  open_part (fixture, "contoso.cwaplan", requirements);
  buttons = cwa_test_ui_find_all (requirements, GTK_TYPE_MENU_BUTTON);
  g_assert_cmpuint (buttons->len, ==, g_list_model_get_n_items (cwa_checklist_get_requirements (fixture->checklist)));
  button = g_ptr_array_index (buttons, 0);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (button)));

  gtk_menu_button_popup (button);
  cwa_test_ui_drain_main_loop ();
  menu = gtk_menu_button_get_menu_model (button);
  g_assert_nonnull (menu);
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 3);
  for (gint i = 0; i < 3; i++)
    {
      g_autofree gchar *action = NULL;

      g_assert_true (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &action));
      g_assert_cmpstr (action, ==, "requirement.request");
    }
  gtk_menu_button_popdown (button);
  /* The action is there for the button; an unknown format does nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (button), "requirement.request", "s", "none"));
  cwa_test_ui_drain_main_loop ();
}

/* The coverage grid's status images, row by row. */
static GPtrArray *
dup_coverage_images (CwaCoverageGrid *grid)
{
  GPtrArray *images = g_ptr_array_new ();

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (grid)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_IMAGE (child))
      g_ptr_array_add (images, child);
  return images;
}

/* One header per certificate, a row per required name, a status image per
 * cell; a run that changes no cell keeps every image, and an assignment
 * gone empties the grid. */
static void
test_coverage_grid (Fixture       *fixture,
                    gconstpointer  data)
{
  CwaCoverageGrid *grid = CWA_COVERAGE_GRID (cwa_coverage_grid_new ());
  g_autoptr(GPtrArray) images = NULL;
  g_autoptr(GPtrArray) again = NULL;
  CwaServer *server;
  CwaVirtualServer *vs;

  g_assert_true (cwa_coverage_grid_get_empty (grid));
  open_part (fixture, "contoso.cwaplan", GTK_WIDGET (grid));
  g_assert_false (cwa_coverage_grid_get_empty (grid));
  /* The one shared certificate against the four names of its role. */
  g_assert_cmpuint (count_children (GTK_WIDGET (grid)), ==, 1 + 4 + 4);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_grid_get_child_at (GTK_GRID (grid), 0, 1))), ==,
                   "im.contoso.com");
  images = dup_coverage_images (grid);
  g_assert_cmpuint (images->len, ==, 4);
  for (guint i = 0; i < images->len; i++)
    {
      g_assert_true (gtk_widget_has_css_class (g_ptr_array_index (images, i), "success"));
      g_assert_cmpstr (gtk_widget_get_tooltip_text (g_ptr_array_index (images, i)), ==, "Covered");
    }

  cwa_checklist_set_expiry_warning_days (fixture->checklist, 3650);
  rerun (fixture);
  again = dup_coverage_images (grid);
  g_assert_cmpuint (again->len, ==, images->len);
  for (guint i = 0; i < images->len; i++)
    g_assert_true (g_ptr_array_index (again, i) == g_ptr_array_index (images, i));

  server = first_server (fixture->plan);
  vs = g_list_model_get_item (cwa_server_get_virtual_servers (server), 0);
  cwa_virtual_server_set_ssl_certificate (vs, NULL);
  cwa_server_set_mtls_certificate (server, NULL);
  g_object_unref (vs);
  rerun (fixture);
  g_assert_true (cwa_coverage_grid_get_empty (grid));
  g_assert_cmpuint (count_children (GTK_WIDGET (grid)), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree gchar *data_home = g_dir_make_tmp ("cwa-test-checklist-panel-XXXXXX", NULL);
  int status;

  if (!cwa_test_ui_init (&argc, &argv, data_home))
    return g_test_run ();

  g_test_add ("/cwa/ui/checklist-panel/edit-keeps-rows", Fixture, NULL, NULL,
              test_edit_keeps_rows, fixture_teardown);
  g_test_add ("/cwa/ui/checklist-panel/show-passed-keeps-rows", Fixture, NULL, NULL,
              test_show_passed_keeps_rows, fixture_teardown);
  g_test_add ("/cwa/ui/checklist-panel/large-plan", Fixture, NULL, NULL,
              test_large_plan, fixture_teardown);
  g_test_add ("/cwa/ui/checklist-panel/empty-plan-says-it-once", Fixture, NULL, NULL,
              test_empty_plan_says_it_once, fixture_teardown);
  g_test_add ("/cwa/ui/findings-list/rename-refreshes-titles", Fixture, NULL, NULL,
              test_findings_rename_refreshes_titles, fixture_teardown);
  g_test_add ("/cwa/ui/findings-list/publishing-rule-titles", Fixture, NULL, NULL,
              test_findings_publishing_rule_titles, fixture_teardown);
  g_test_add ("/cwa/ui/findings-list/slices", Fixture, NULL, NULL,
              test_findings_slices, fixture_teardown);
  g_test_add ("/cwa/ui/findings-list/activated", Fixture, NULL, NULL,
              test_findings_activated, fixture_teardown);
  g_test_add ("/cwa/ui/required-names/groups", Fixture, NULL, NULL,
              test_required_names, fixture_teardown);
  g_test_add ("/cwa/ui/required-names/request-menu", Fixture, NULL, NULL,
              test_required_names_request_menu, fixture_teardown);
  g_test_add ("/cwa/ui/coverage-grid/cells", Fixture, NULL, NULL,
              test_coverage_grid, fixture_teardown);

  status = g_test_run ();
  g_rmdir (data_home);
  return status;
}

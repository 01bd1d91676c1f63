/* test-window.c: drives the real window on the example plan, as a user would, under Xvfb. */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "cwa-cert-field.h"
#include "cwa-certificate-inspector.h"
#include "cwa-checklist-panel.h"
#include "cwa-deployment-editor.h"
#include "cwa-lazy-fields.h"
#include "cwa-plan-edits.h"
#include "cwa-plan-file.h"
#include "cwa-plan-notice-bar.h"
#include "cwa-test-cert.h"
#include "cwa-test-plan.h"
#include "cwa-test-ui.h"
#include "cwa-ui-util.h"
#include "cwa-load-balancer-form.h"
#include "cwa-topology-view.h"
#include "cwa-window.h"

#define P12_PASSWORD "Contoso!2026"

typedef struct
{
  CwaWindow               *window;
  CwaDeploymentEditor     *editor;
  CwaCertificateInspector *inspector;
  CwaChecklistPanel       *panel;
  gchar                   *tmpdir;
  guint                    n_failed;
  guint                    n_finished;
  guint                    n_already;
} Fixture;

static void
queue_failed_cb (CwaImportQueue *queue,
                 GFile          *file,
                 const gchar    *message,
                 Fixture        *fixture)
{
  fixture->n_failed++;
}

static void
queue_finished_cb (CwaImportQueue *queue,
                   guint           n_added,
                   Fixture        *fixture)
{
  fixture->n_finished++;
}

static void
queue_already_cb (CwaImportQueue *queue,
                  GPtrArray      *entries,
                  Fixture        *fixture)
{
  fixture->n_already++;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GDateTime) now = cwa_test_now ();

  fixture->window = g_object_ref_sink (cwa_window_new (NULL));
  fixture->editor = cwa_test_ui_child (fixture->window, CWA_TYPE_WINDOW, "editor");
  fixture->inspector = cwa_test_ui_child (fixture->window, CWA_TYPE_WINDOW, "inspector");
  fixture->panel = cwa_test_ui_child (fixture->window, CWA_TYPE_WINDOW, "checklist_panel");
  cwa_checklist_set_now (cwa_window_get_checklist (fixture->window), now);
  fixture->tmpdir = g_dir_make_tmp ("cwa-test-window-XXXXXX", NULL);
  g_signal_connect (cwa_window_get_import_queue (fixture->window), "failed",
                    G_CALLBACK (queue_failed_cb), fixture);
  g_signal_connect (cwa_window_get_import_queue (fixture->window), "finished",
                    G_CALLBACK (queue_finished_cb), fixture);
  g_signal_connect (cwa_window_get_import_queue (fixture->window), "already-in-plan",
                    G_CALLBACK (queue_already_cb), fixture);
  gtk_window_present (GTK_WINDOW (fixture->window));
  cwa_test_ui_drain_main_loop ();
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  GList *toplevels;

  /* A test may have closed the window already (then it is disposed). */
  if (cwa_window_get_plan (fixture->window) != NULL)
    {
      g_signal_handlers_disconnect_by_data (cwa_window_get_import_queue (fixture->window), fixture);
      /* Nothing must stay modified behind a dialog: drop the changes. */
      cwa_plan_set_modified (cwa_window_get_plan (fixture->window), FALSE);
      gtk_window_destroy (GTK_WINDOW (fixture->window));
    }
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data))
      gtk_window_destroy (l->data);
  g_list_free (toplevels);
  cwa_test_ui_drain_main_loop ();
  g_assert_finalize_object (fixture->window);
  cwa_test_remove_tree (fixture->tmpdir);
  g_free (fixture->tmpdir);
}

static void
open_example (Fixture     *fixture,
              const gchar *name)
{
  cwa_test_ui_open_example (fixture->window, name);
}

static CwaVirtualServer *
first_virtual_server (CwaPlan *plan)
{
  GListModel *servers = cwa_deployment_get_servers (cwa_plan_get_deployment (plan));
  g_autoptr(CwaServer) server = g_list_model_get_item (servers, 0);
  GListModel *vss = cwa_server_get_virtual_servers (server);
  g_autoptr(CwaVirtualServer) vs = g_list_model_get_item (vss, 0);

  /* Borrowed: the plan holds it. */
  return vs;
}

/* A plan whose only failures are warnings is not Ready (rules.md): the
 * verdict counts errors and warnings, as ui.md gives it.  The array example
 * is such a plan without its stand-in public root trusted. */
static void
test_warnings_not_ready (Fixture       *fixture,
                         gconstpointer  data)
{
  CwaChecklist *checklist;
  g_autofree gchar *expected = NULL;
  guint n_warnings;

  open_example (fixture, "contoso-array.cwaplan");
  checklist = cwa_window_get_checklist (fixture->window);
  cwa_test_ui_drain_main_loop ();
  g_assert_cmpuint (cwa_checklist_get_n_errors (checklist), ==, 0);
  n_warnings = cwa_checklist_get_n_warnings (checklist);
  g_assert_cmpuint (n_warnings, >, 0);
  g_assert_true (cwa_test_ui_panel_shows_failure (fixture->panel, "rp.listener-public-ca"));

  expected = g_strdup_printf (n_warnings == 1 ? "0 errors, %u warning" : "0 errors, %u warnings", n_warnings);
  g_assert_cmpstr (cwa_checklist_panel_get_verdict (fixture->panel), ==, expected);
}


static guint
n_top_rows (Fixture *fixture)
{
  GListModel *rows = cwa_certificate_inspector_get_rows (fixture->inspector);
  guint n = 0;

  for (guint i = 0; rows != NULL && i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);

      if (gtk_tree_list_row_get_depth (row) == 0)
        n++;
    }
  return n;
}

static void
answer_dialog (const gchar *response)
{
  AdwMessageDialog *dialog;

  CWA_TEST_WAIT_FOR ((dialog = cwa_test_ui_find_dialog ()) != NULL);
  g_assert_true (adw_message_dialog_has_response (dialog, response));
  /* The dialog closes itself on a response: keep it alive until then. */
  g_object_ref (dialog);
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
  cwa_test_ui_drain_main_loop ();
}

static void
drop_files (Fixture      *fixture,
            const gchar **paths)
{
  GSList *files = NULL;
  GdkFileList *list;
  g_auto(GValue) value = G_VALUE_INIT;
  GtkDropTarget *target = NULL;
  GListModel *controllers;
  gboolean handled = FALSE;

  for (guint i = 0; paths[i] != NULL; i++)
    files = g_slist_append (files, g_file_new_for_path (paths[i]));
  list = gdk_file_list_new_from_list (files);
  g_slist_free_full (files, g_object_unref);

  controllers = gtk_widget_observe_controllers (GTK_WIDGET (fixture->window));
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && target == NULL; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);
    }
  g_object_unref (controllers);
  g_assert_nonnull (target);

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, list);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &handled);
  g_assert_true (handled);
}

/* With CWA_SCREENSHOT_DIR set, saves what the window shows now as NAME.png. */
static void
maybe_screenshot (Fixture     *fixture,
                  const gchar *name)
{
  cwa_test_ui_maybe_screenshot (GTK_WIDGET (fixture->window), name);
}

/* Tests. */

static void
test_open_example (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkLabel *verdict;
  const gchar *title;

  open_example (fixture, "contoso.cwaplan");

  title = gtk_window_get_title (GTK_WINDOW (fixture->window));
  g_assert_true (g_str_has_prefix (title, "Contoso CWA — contoso.cwaplan"));
  g_assert_false (g_str_has_suffix (title, "•"));
  g_assert_cmpuint (n_top_rows (fixture), ==, 2);

  /* The example is the documented single-certificate case: it passes. */
  verdict = cwa_test_ui_child (fixture->panel, CWA_TYPE_CHECKLIST_PANEL, "verdict_label");
  g_assert_cmpstr (gtk_label_get_text (verdict), ==, "Ready");
  g_assert_cmpstr (cwa_checklist_panel_get_verdict (fixture->panel), ==, gtk_label_get_text (verdict));

  /* Coverage: the one assigned certificate against the four required
   * names of the shared role, each covered. */
  {
    GtkWidget *grid = cwa_test_ui_child (fixture->panel, CWA_TYPE_CHECKLIST_PANEL, "coverage_grid");
    guint n_covered = 0;
    guint n_children = 0;

    for (GtkWidget *cell = gtk_widget_get_first_child (grid); cell != NULL; cell = gtk_widget_get_next_sibling (cell))
      {
        n_children++;
        if (GTK_IS_IMAGE (cell) && gtk_widget_has_css_class (cell, "success"))
          n_covered++;
      }
    g_assert_cmpuint (n_covered, ==, 4);
    g_assert_cmpuint (n_children, ==, 1 + 4 + 4);

    if (g_getenv ("CWA_SCREENSHOT_DIR") != NULL)
      {
        GtkWidget *inner = gtk_widget_get_ancestor (grid, GTK_TYPE_SCROLLED_WINDOW);
        GtkWidget *outer = gtk_widget_get_ancestor (gtk_widget_get_parent (inner), GTK_TYPE_SCROLLED_WINDOW);
        GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (outer));

        cwa_test_ui_drain_main_loop ();
        gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
        maybe_screenshot (fixture, "coverage");
      }
  }

  /* The editor selects the computer first and shows its form. */
  g_assert_true (CWA_IS_SERVER (cwa_deployment_editor_get_selected (fixture->editor)));
  g_assert_cmpstr (gtk_editable_get_text (cwa_test_ui_child (fixture->editor, CWA_TYPE_DEPLOYMENT_EDITOR, "fqdn_entry")),
                   ==, "cwaserver.contoso.com");
}

static void
test_url_entry (Fixture       *fixture,
                gconstpointer  data)
{
  CwaPlan *plan;
  CwaVirtualServer *vs;
  GtkEditable *url_entry;
  GtkWidget *url_error;
  CwaChecklist *checklist;
  guint runs;

  open_example (fixture, "contoso.cwaplan");
  plan = cwa_window_get_plan (fixture->window);
  checklist = cwa_window_get_checklist (fixture->window);
  vs = first_virtual_server (plan);
  cwa_deployment_editor_select (fixture->editor, vs);
  g_assert_true (cwa_deployment_editor_get_selected (fixture->editor) == vs);

  url_entry = cwa_test_ui_child (fixture->editor, CWA_TYPE_DEPLOYMENT_EDITOR, "url_entry");
  url_error = cwa_test_ui_child (fixture->editor, CWA_TYPE_DEPLOYMENT_EDITOR, "url_error");
  g_assert_cmpstr (gtk_editable_get_text (url_entry), ==, "https://im.contoso.com");

  /* Typing a new URL updates the model and, at once, the checklist. */
  runs = cwa_checklist_get_n_runs (checklist);
  gtk_editable_set_text (url_entry, "https://chat.contoso.com");
  g_assert_cmpstr (cwa_virtual_server_get_url (vs), ==, "https://chat.contoso.com");
  CWA_TEST_WAIT_FOR (cwa_checklist_get_n_runs (checklist) > runs);
  cwa_test_ui_drain_main_loop ();
  g_assert_true (cwa_test_ui_panel_shows_failure (fixture->panel, "ssl.subject-matches-url"));
  g_assert_false (g_str_has_prefix (cwa_checklist_panel_get_verdict (fixture->panel), "Ready"));
  maybe_screenshot (fixture, "url-changed");
  g_assert_true (g_str_has_suffix (gtk_window_get_title (GTK_WINDOW (fixture->window)), "•"));

  /* A URL with a path is refused beside the field; the model keeps the
   * last valid value. */
  gtk_editable_set_text (url_entry, "https://im.contoso.com/cwa");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (url_entry), "error"));
  g_assert_true (gtk_widget_get_visible (url_error));
  g_assert_cmpstr (cwa_virtual_server_get_url (vs), ==, "https://chat.contoso.com");
  maybe_screenshot (fixture, "url-invalid");

  /* Back to the right name: the error goes and the plan is ready again. */
  runs = cwa_checklist_get_n_runs (checklist);
  gtk_editable_set_text (url_entry, "https://im.contoso.com");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (url_entry), "error"));
  g_assert_false (gtk_widget_get_visible (url_error));
  CWA_TEST_WAIT_FOR (cwa_checklist_get_n_runs (checklist) > runs);
  cwa_test_ui_drain_main_loop ();
  g_assert_false (cwa_test_ui_panel_shows_failure (fixture->panel, "ssl.subject-matches-url"));
}

static void
test_certificate_dropdown (Fixture       *fixture,
                           gconstpointer  data)
{
  CwaPlan *plan;
  CwaVirtualServer *vs;
  GtkDropDown *ssl_dropdown;
  GListModel *choices;
  CwaChecklist *checklist;
  CwaCertificate *root;
  guint runs;

  open_example (fixture, "contoso.cwaplan");
  plan = cwa_window_get_plan (fixture->window);
  checklist = cwa_window_get_checklist (fixture->window);
  vs = first_virtual_server (plan);
  cwa_deployment_editor_select (fixture->editor, vs);
  ssl_dropdown = cwa_test_ui_child (fixture->editor, CWA_TYPE_DEPLOYMENT_EDITOR, "ssl_dropdown");

  /* "None" and the server certificate; the root CA fills no role. */
  choices = gtk_drop_down_get_model (ssl_dropdown);
  g_assert_cmpuint (g_list_model_get_n_items (choices), ==, 2);
  g_assert_true (gtk_drop_down_get_selected_item (ssl_dropdown) ==
                 (gpointer) cwa_virtual_server_get_ssl_certificate (vs));

  runs = cwa_checklist_get_n_runs (checklist);
  gtk_drop_down_set_selected (ssl_dropdown, 0);
  g_assert_null (cwa_virtual_server_get_ssl_certificate (vs));
  CWA_TEST_WAIT_FOR (cwa_checklist_get_n_runs (checklist) > runs);
  cwa_test_ui_drain_main_loop ();
  g_assert_true (cwa_test_ui_panel_shows_failure (fixture->panel, "vs.has-ssl-cert"));

  /* The root CA assigned in the plan (as a plan file may say): the
   * drop-down shows it, and the names no longer match. */
  root = cwa_plan_lookup_certificate (plan, "contoso-root");
  runs = cwa_checklist_get_n_runs (checklist);
  cwa_virtual_server_set_ssl_certificate (vs, root);
  cwa_test_ui_drain_main_loop ();
  g_assert_true (gtk_drop_down_get_selected_item (ssl_dropdown) == (gpointer) root);
  g_assert_cmpuint (g_list_model_get_n_items (choices), ==, 3);
  CWA_TEST_WAIT_FOR (cwa_checklist_get_n_runs (checklist) > runs);
  cwa_test_ui_drain_main_loop ();
  g_assert_false (cwa_test_ui_panel_shows_failure (fixture->panel, "vs.has-ssl-cert"));
  g_assert_true (cwa_test_ui_panel_shows_failure (fixture->panel, "ssl.subject-matches-url"));
}

static void
test_drop_files (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree gchar *a = cwa_test_example_path ("certs/im-contoso.pem");
  g_autofree gchar *b = cwa_test_example_path ("certs/contoso-root.pem");
  g_autofree gchar *c = cwa_test_example_path ("certs/cwaserver-expired.pem");
  g_autofree gchar *bad = cwa_test_data_path ("fixtures", "garbage.bin", NULL);
  g_autofree gchar *der = cwa_test_data_path ("fixtures", "leaf.der", NULL);
  const gchar *paths[] = { a, b, c, bad, der, NULL };
  GtkStack *stack = cwa_test_ui_child (fixture->inspector, CWA_TYPE_CERTIFICATE_INSPECTOR, "stack");
  GtkEditable *search = cwa_test_ui_child (fixture->inspector, CWA_TYPE_CERTIFICATE_INSPECTOR, "search_entry");

  /* A new window invites a drop. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  maybe_screenshot (fixture, "empty");

  drop_files (fixture, paths);
  CWA_TEST_WAIT_FOR (fixture->n_finished == 1);
  cwa_test_ui_drain_main_loop ();

  /* Four readable files of mixed formats; the garbage one is reported and
   * does not stop the others. */
  g_assert_cmpuint (fixture->n_failed, ==, 1);
  /* One failure is its own notification, in the loader's words, which
   * name the file. */
  {
    g_autofree gchar *expected = g_strdup_printf ("%s: the file holds no certificate. Choose a PEM, DER, "
                                                  "PKCS#7 (.p7b) or PKCS#12 (.pfx) certificate file.", bad);

    CWA_TEST_WAIT_FOR (cwa_test_ui_has_label (cwa_test_ui_child (fixture->window, CWA_TYPE_WINDOW, "toast_overlay"),
                                              expected));
  }
  maybe_screenshot (fixture, "dropped");
  g_assert_cmpuint (g_list_model_get_n_items (cwa_plan_get_certificates (cwa_window_get_plan (fixture->window))), ==, 4);
  g_assert_cmpuint (n_top_rows (fixture), ==, 4);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");

  /* The search filters by any name. */
  gtk_editable_set_text (search, "CWASERVER");
  CWA_TEST_WAIT_FOR (n_top_rows (fixture) == 2);
  /* A fingerprint, typed without its colons, finds exactly one. */
  {
    GListModel *certificates = cwa_plan_get_certificates (cwa_window_get_plan (fixture->window));
    g_autoptr(CwaCertificate) first = g_list_model_get_item (certificates, 0);
    g_autoptr(GString) bare = g_string_new (cwa_certificate_get_sha256 (first));

    g_string_replace (bare, ":", "", 0);
    gtk_editable_set_text (search, bare->str);
    CWA_TEST_WAIT_FOR (n_top_rows (fixture) == 1);
  }
  gtk_editable_set_text (search, "no-such-name.example");
  CWA_TEST_WAIT_FOR (n_top_rows (fixture) == 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "no-results");
  gtk_editable_set_text (search, "");
  CWA_TEST_WAIT_FOR (n_top_rows (fixture) == 4);
}

static void
count_updated_cb (guint *n_updated)
{
  (*n_updated)++;
}

/* Whether the checklist's cert.chain-trusted finding fails. */
static gboolean
chain_untrusted (CwaChecklist *checklist)
{
  GListModel *findings = cwa_checklist_get_findings (checklist);

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(CwaFinding) finding = g_list_model_get_item (findings, i);

      if (g_str_equal (cwa_finding_get_rule_id (finding), "cert.chain-trusted") &&
          cwa_finding_is_failed (finding))
        return TRUE;
    }
  return FALSE;
}

/* A drop of many files reaches the plan in several batches; the checklist
 * waits for the last one and then runs exactly once, over all of them
 * (one run per batch made large drops quadratic).  That run judges the
 * dropped certificates: the root dropped back completes the chain. */
static void
test_drop_checks_once (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree gchar *root = cwa_test_example_path ("certs/contoso-root.pem");
  g_autofree gchar *expired = cwa_test_example_path ("certs/cwaserver-expired.pem");
  const gchar *paths[] = { root, expired, NULL };
  CwaChecklist *checklist;
  CwaPlan *plan;
  guint runs;
  guint n_updated = 0;
  gulong handler;

  open_example (fixture, "contoso.cwaplan");
  plan = cwa_window_get_plan (fixture->window);
  checklist = cwa_window_get_checklist (fixture->window);
  cwa_plan_remove_certificate (plan, cwa_plan_lookup_certificate (plan, "contoso-root"));
  cwa_test_ui_drain_main_loop ();
  g_assert_true (chain_untrusted (checklist));

  runs = cwa_checklist_get_n_runs (checklist);
  handler = g_signal_connect_swapped (checklist, "updated", G_CALLBACK (count_updated_cb), &n_updated);
  drop_files (fixture, paths);
  g_assert_true (cwa_checklist_is_held (checklist));
  CWA_TEST_WAIT_FOR (fixture->n_finished == 1);
  /* Every file is in the plan, and nothing ran while they arrived. */
  g_assert_cmpuint (g_list_model_get_n_items (cwa_plan_get_certificates (plan)), ==, 3);
  g_assert_false (cwa_checklist_is_held (checklist));
  g_assert_cmpuint (cwa_checklist_get_n_runs (checklist), ==, runs);
  g_assert_true (chain_untrusted (checklist));

  cwa_test_ui_drain_main_loop ();
  g_assert_cmpuint (cwa_checklist_get_n_runs (checklist), ==, runs + 1);
  g_assert_cmpuint (n_updated, ==, 1);
  g_assert_false (chain_untrusted (checklist));
  g_signal_handler_disconnect (checklist, handler);
}

typedef struct
{
  guint n_splices;
  guint n_in_iteration;
  guint most_in_iteration;
  guint n_items;
  gboolean all_appends;
} SpliceCount;

static void
count_splice_cb (GListModel  *model,
                 guint        position,
                 guint        removed,
                 guint        added,
                 SpliceCount *count)
{
  count->n_splices++;
  count->n_in_iteration++;
  count->most_in_iteration = MAX (count->most_in_iteration, count->n_in_iteration);
  if (removed != 0 || position != count->n_items)
    count->all_appends = FALSE;
  count->n_items = g_list_model_get_n_items (model);
}

/* Writes @n certificate files to the fixture's folder, in the order of
 * their names; returns their paths, NULL-terminated. */
static gchar **
write_numbered_certificates (Fixture *fixture,
                             guint    n)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  gchar **paths;

  for (guint i = 0; i < n; i++)
    {
      CwaTestCertSpec spec;
      g_autofree gchar *subject = g_strdup_printf ("CN=host%02u.order.example", i);
      g_autofree gchar *name = g_strdup_printf ("host%02u.pem", i);
      g_autofree gchar *path = g_build_filename (fixture->tmpdir, name, NULL);
      g_autofree gchar *pem = NULL;

      cwa_test_cert_spec_init (&spec, subject);
      spec.serial = i + 1;
      pem = cwa_test_cert_build_pem (&spec);
      g_assert_true (g_file_set_contents (path, pem, -1, NULL));
      g_strv_builder_add (builder, path);
    }
  paths = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return paths;
}

/* With no time to spare, each main-loop dispatch adds one splice of the
 * loaded files and returns to the loop (a frame could be drawn between
 * them); the plan still gets every file, appended in the order dropped,
 * whichever load finished first, and the inspector shows them so. */
static void
test_drop_over_budget (Fixture       *fixture,
                       gconstpointer  data)
{
  const guint n_files = 30;
  g_auto(GStrv) paths = write_numbered_certificates (fixture, n_files);
  CwaImportQueue *queue = cwa_window_get_import_queue (fixture->window);
  GListModel *certificates = cwa_plan_get_certificates (cwa_window_get_plan (fixture->window));
  GListModel *rows = cwa_certificate_inspector_get_rows (fixture->inspector);
  SpliceCount count = { .all_appends = TRUE };
  GtkStack *title_stack = cwa_test_ui_child (fixture->window, CWA_TYPE_WINDOW, "title_stack");
  GtkLabel *progress_label = cwa_test_ui_child (fixture->window, CWA_TYPE_WINDOW, "progress_label");
  GtkWidget *panes = cwa_test_ui_child (fixture->window, CWA_TYPE_WINDOW, "outer_paned");
  graphene_point_t panes_at;
  gboolean progress_shown = FALSE;
  gulong handler;

  g_assert_true (gtk_widget_compute_point (panes, GTK_WIDGET (fixture->window), &GRAPHENE_POINT_INIT (0, 0), &panes_at));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (title_stack), ==, "title");
  cwa_import_queue_set_flush_budget (queue, 0);
  handler = g_signal_connect (certificates, "items-changed", G_CALLBACK (count_splice_cb), &count);
  drop_files (fixture, (const gchar **) paths);
  while (fixture->n_finished == 0)
    {
      graphene_point_t at;

      count.n_in_iteration = 0;
      g_main_context_iteration (NULL, TRUE);
      /* The progress takes the title's place; the panes stay put. */
      if (g_strcmp0 (gtk_stack_get_visible_child_name (title_stack), "progress") == 0)
        {
          progress_shown = TRUE;
          g_assert_true (g_str_has_prefix (gtk_label_get_text (progress_label), "Loading certificates: "));
          g_assert_true (g_str_has_suffix (gtk_label_get_text (progress_label), " of 30"));
        }
      g_assert_true (gtk_widget_compute_point (panes, GTK_WIDGET (fixture->window), &GRAPHENE_POINT_INIT (0, 0), &at));
      g_assert_cmpfloat (at.y, ==, panes_at.y);
    }
  g_signal_handler_disconnect (certificates, handler);
  cwa_test_ui_drain_main_loop ();
  g_assert_true (progress_shown);
  /* The full bar stays a moment after the load; then the title is back. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (title_stack), ==, "progress");
  g_assert_cmpstr (gtk_label_get_text (progress_label), ==, "Loading certificates: 30 of 30");
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (cwa_test_ui_child (fixture->window, CWA_TYPE_WINDOW, "progress_bar")), ==, 1.0);
  CWA_TEST_WAIT_FOR (g_strcmp0 (gtk_stack_get_visible_child_name (title_stack), "title") == 0);

  g_assert_cmpuint (fixture->n_failed, ==, 0);
  g_assert_cmpuint (count.most_in_iteration, ==, 1);
  g_assert_cmpuint (count.n_splices, >, 1);
  g_assert_true (count.all_appends);
  g_assert_cmpuint (g_list_model_get_n_items (certificates), ==, n_files);
  g_assert_cmpuint (n_top_rows (fixture), ==, n_files);
  for (guint i = 0; i < n_files; i++)
    {
      g_autoptr(CwaCertificate) certificate = g_list_model_get_item (certificates, i);
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);
      g_autofree gchar *expected = g_strdup_printf ("host%02u.order.example", i);

      g_assert_cmpstr (cwa_certificate_get_display_name (certificate), ==, expected);
      g_assert_true (item == (GObject *) certificate);
    }
  cwa_import_queue_set_flush_budget (queue, 4000);
}

/* With the default budget a small drop takes few splices, and the files
 * still arrive whole and in order. */
static void
test_drop_in_order (Fixture       *fixture,
                    gconstpointer  data)
{
  const guint n_files = 30;
  g_auto(GStrv) paths = write_numbered_certificates (fixture, n_files);
  GListModel *certificates = cwa_plan_get_certificates (cwa_window_get_plan (fixture->window));
  SpliceCount count = { .all_appends = TRUE };
  gulong handler;

  handler = g_signal_connect (certificates, "items-changed", G_CALLBACK (count_splice_cb), &count);
  drop_files (fixture, (const gchar **) paths);
  CWA_TEST_WAIT_FOR (fixture->n_finished == 1);
  g_signal_handler_disconnect (certificates, handler);

  g_assert_true (count.all_appends);
  g_assert_cmpuint (count.n_splices, <, n_files);
  g_assert_cmpuint (g_list_model_get_n_items (certificates), ==, n_files);
  for (guint i = 0; i < n_files; i++)
    {
      g_autoptr(CwaCertificate) certificate = g_list_model_get_item (certificates, i);
      g_autofree gchar *expected = g_strdup_printf ("host%02u.order.example", i);

      g_assert_cmpstr (cwa_certificate_get_display_name (certificate), ==, expected);
    }
}

static void
test_inspector_fields (Fixture       *fixture,
                       gconstpointer  data)
{
  static const gchar *expected_fields[] = {
    "subject", "issuer", "serial", "validity", "san", "public-key", "signature",
    "key-usage", "eku", "basic-constraints", "fingerprints", "source", "chain",
  };
  CwaPlan *plan;
  CwaCertificate *certificate;
  GListModel *rows;
  GtkTreeListRow *selected;
  g_autoptr(GObject) item = NULL;
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();
  GtkSingleSelection *selection;
  g_autofree gchar *text = NULL;

  open_example (fixture, "contoso.cwaplan");
  plan = cwa_window_get_plan (fixture->window);
  certificate = cwa_plan_lookup_certificate (plan, "im-contoso");
  g_assert_nonnull (certificate);

  /* A finding about the SAN selects that field of that certificate. */
  cwa_certificate_inspector_select (fixture->inspector, certificate, "san");
  g_assert_true (cwa_certificate_inspector_get_selected (fixture->inspector) == certificate);
  rows = cwa_certificate_inspector_get_rows (fixture->inspector);
  selection = GTK_SINGLE_SELECTION (gtk_column_view_get_model (cwa_test_ui_child (fixture->inspector, CWA_TYPE_CERTIFICATE_INSPECTOR, "column_view")));
  selected = gtk_single_selection_get_selected_item (selection);
  item = gtk_tree_list_row_get_item (selected);
  g_assert_true (CWA_IS_CERT_FIELD (item));
  g_assert_cmpstr (cwa_cert_field_get_id (CWA_CERT_FIELD (item)), ==, "san");

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr(GObject) field = gtk_tree_list_row_get_item (row);

      if (CWA_IS_CERT_FIELD (field) && gtk_tree_list_row_get_depth (row) == 1)
        g_ptr_array_add (seen, (gpointer) cwa_cert_field_get_id (CWA_CERT_FIELD (field)));
    }
  g_assert_cmpuint (seen->len, ==, G_N_ELEMENTS (expected_fields));
  for (guint i = 0; i < G_N_ELEMENTS (expected_fields); i++)
    g_assert_cmpstr (g_ptr_array_index (seen, i), ==, expected_fields[i]);
  maybe_screenshot (fixture, "inspector-fields");

  /* Context menu action: copy the SHA-256 of the selected certificate. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->inspector), "inspector.copy-sha256", NULL));
  text = cwa_test_ui_read_clipboard (fixture->inspector);
  g_assert_cmpstr (text, ==, cwa_certificate_get_sha256 (certificate));
}

/* The inspector's rows hand GtkTreeListModel fields built only when read:
 * the same fields, in the same order, as built at once. */
static void
test_inspector_lazy_fields (Fixture       *fixture,
                            gconstpointer  data)
{
  CwaPlan *plan;
  CwaChecklist *checklist;
  CwaCertificate *certificate;
  g_autoptr(GListModel) lazy = NULL;
  g_autoptr(GListModel) eager = NULL;

  /* Opening a plan gives the window a new checklist: ask for it after. */
  open_example (fixture, "contoso.cwaplan");
  plan = cwa_window_get_plan (fixture->window);
  checklist = cwa_window_get_checklist (fixture->window);
  certificate = cwa_plan_lookup_certificate (plan, "im-contoso");
  lazy = cwa_lazy_fields_new (certificate, checklist);
  eager = cwa_cert_fields_for_certificate (certificate, checklist);

  g_assert_true (g_list_model_get_item_type (lazy) == CWA_TYPE_CERT_FIELD);
  g_assert_cmpuint (g_list_model_get_n_items (lazy), ==, g_list_model_get_n_items (eager));
  g_assert_cmpuint (g_list_model_get_n_items (lazy), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (eager); i++)
    {
      g_autoptr(CwaCertField) a = g_list_model_get_item (lazy, i);
      g_autoptr(CwaCertField) b = g_list_model_get_item (eager, i);

      g_assert_cmpstr (cwa_cert_field_get_id (a), ==, cwa_cert_field_get_id (b));
      g_assert_cmpstr (cwa_cert_field_get_value (a), ==, cwa_cert_field_get_value (b));
      g_assert_true (cwa_cert_field_get_certificate (a) == certificate);
    }
  g_assert_null (g_list_model_get_item (lazy, g_list_model_get_n_items (eager)));
}

static void
test_unsaved_close (Fixture       *fixture,
                    gconstpointer  data)
{
  CwaPlan *plan = cwa_window_get_plan (fixture->window);

  cwa_plan_set_name (plan, "Changed");
  g_assert_true (cwa_plan_get_modified (plan));

  /* Cancel keeps the window and the changes. */
  gtk_window_close (GTK_WINDOW (fixture->window));
  answer_dialog ("cancel");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->window)));
  g_assert_true (cwa_plan_get_modified (plan));
  g_assert_cmpstr (cwa_plan_get_name (plan), ==, "Changed");

  /* Discard closes. */
  gtk_window_close (GTK_WINDOW (fixture->window));
  answer_dialog ("discard");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->window)));
}

static void
test_save_open_round_trip (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree gchar *path = g_build_filename (fixture->tmpdir, "copy.cwaplan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree gchar *b = cwa_test_example_path ("certs/cwaserver-expired.pem");
  const gchar *paths[] = { b, NULL };
  CwaPlan *plan;
  CwaVirtualServer *vs;
  g_autoptr(CwaPlan) reread = NULL;

  open_example (fixture, "contoso.cwaplan");
  plan = cwa_window_get_plan (fixture->window);
  vs = first_virtual_server (plan);
  cwa_deployment_editor_select (fixture->editor, vs);
  gtk_editable_set_text (cwa_test_ui_child (fixture->editor, CWA_TYPE_DEPLOYMENT_EDITOR, "as_url_entry"), "as.example.net");
  drop_files (fixture, paths);
  CWA_TEST_WAIT_FOR (fixture->n_finished == 1);
  g_assert_true (cwa_plan_get_modified (plan));

  g_assert_true (cwa_window_save_to_file (fixture->window, file, &error));
  g_assert_no_error (error);
  g_assert_false (cwa_plan_get_modified (plan));
  g_assert_false (g_str_has_suffix (gtk_window_get_title (GTK_WINDOW (fixture->window)), "•"));
  g_assert_true (g_str_has_suffix (gtk_window_get_title (GTK_WINDOW (fixture->window)), "copy.cwaplan"));

  /* What was saved reads back with the edit and the dropped certificate. */
  reread = cwa_plan_file_load (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cwa_virtual_server_get_as_url (first_virtual_server (reread)), ==, "as.example.net");
  g_assert_cmpuint (g_list_model_get_n_items (cwa_plan_get_certificates (reread)), ==, 3);

  /* And opens in the window again. */
  cwa_plan_set_name (plan, "Changed again");
  cwa_window_open_file (fixture->window, file);
  answer_dialog ("discard");
  CWA_TEST_WAIT_FOR (cwa_window_get_plan (fixture->window) != plan);
  g_assert_cmpstr (cwa_virtual_server_get_as_url (first_virtual_server (cwa_window_get_plan (fixture->window))),
                   ==, "as.example.net");
  g_assert_cmpuint (n_top_rows (fixture), ==, 3);
}

/* win.save writes in a worker thread: Save and Save As wait while it
 * runs, the plan is no longer modified once it is written, and a close
 * answered with Save closes only after the save. */
static void
test_save_in_background (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree gchar *path = g_build_filename (fixture->tmpdir, "background.cwaplan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CwaPlan) reread = NULL;
  GtkWidget *window = GTK_WIDGET (fixture->window);
  CwaPlan *plan = cwa_window_get_plan (fixture->window);
  g_autoptr(GError) error = NULL;

  g_assert_true (cwa_window_save_to_file (fixture->window, file, NULL));
  cwa_plan_set_name (plan, "Saved in the background");
  g_assert_true (cwa_test_ui_action_enabled (window, "win.save"));
  g_assert_true (gtk_widget_activate_action (window, "win.save", NULL));
  g_assert_false (cwa_test_ui_action_enabled (window, "win.save"));
  g_assert_false (cwa_test_ui_action_enabled (window, "win.save-as"));
  CWA_TEST_WAIT_FOR (!cwa_plan_get_modified (plan));
  g_assert_true (cwa_test_ui_action_enabled (window, "win.save-as"));
  g_assert_false (cwa_test_ui_action_enabled (window, "win.save"));
  reread = cwa_plan_file_load (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cwa_plan_get_name (reread), ==, "Saved in the background");
  g_clear_object (&reread);

  cwa_plan_set_name (plan, "Saved on closing");
  gtk_window_close (GTK_WINDOW (fixture->window));
  answer_dialog ("save");
  CWA_TEST_WAIT_FOR (!gtk_widget_get_visible (window));
  reread = cwa_plan_file_load (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cwa_plan_get_name (reread), ==, "Saved on closing");
}

static void
test_open_over_cancel (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree gchar *path = cwa_test_example_path ("mistakes.cwaplan");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  CwaPlan *plan;

  open_example (fixture, "contoso.cwaplan");
  plan = cwa_window_get_plan (fixture->window);
  cwa_plan_set_name (plan, "Edited");

  cwa_window_open_file (fixture->window, file);
  answer_dialog ("cancel");
  cwa_test_ui_drain_main_loop ();
  g_assert_true (cwa_window_get_plan (fixture->window) == plan);
  g_assert_cmpstr (cwa_plan_get_name (plan), ==, "Edited");
  g_assert_true (cwa_plan_get_modified (plan));
}

static void
enter_password (const gchar *password,
                const gchar *response)
{
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  CWA_TEST_WAIT_FOR ((dialog = cwa_test_ui_find_dialog ()) != NULL);
  entry = adw_message_dialog_get_extra_child (dialog);
  g_assert_true (GTK_IS_ENTRY (entry));
  g_assert_false (gtk_entry_get_visibility (GTK_ENTRY (entry)));
  gtk_editable_set_text (GTK_EDITABLE (entry), password);
  g_object_ref (dialog);
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
  cwa_test_ui_drain_main_loop ();
}

static void
test_pkcs12_password (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree gchar *pfx = cwa_test_data_path ("fixtures", "modern.pfx", NULL);
  const gchar *paths[] = { pfx, NULL };
  GListModel *certificates = cwa_plan_get_certificates (cwa_window_get_plan (fixture->window));

  /* Cancel skips the file. */
  drop_files (fixture, paths);
  enter_password ("", "skip");
  CWA_TEST_WAIT_FOR (fixture->n_finished == 1);
  g_assert_cmpuint (g_list_model_get_n_items (certificates), ==, 0);

  /* A wrong password asks again, saying so; the right one loads it. */
  drop_files (fixture, paths);
  enter_password ("not the password", "open");
  {
    AdwMessageDialog *dialog;

    CWA_TEST_WAIT_FOR ((dialog = cwa_test_ui_find_dialog ()) != NULL);
    g_assert_true (gtk_widget_has_css_class (adw_message_dialog_get_extra_child (dialog), "error"));
  }
  enter_password (P12_PASSWORD, "open");
  CWA_TEST_WAIT_FOR (fixture->n_finished == 2);
  g_assert_cmpuint (g_list_model_get_n_items (certificates), ==, 1);
  g_assert_cmpuint (fixture->n_failed, ==, 0);
}

/* A plan naming a password-protected PKCS#12 file asks for the password
 * in a dialog that says it is for the plan's certificate files and names
 * the file; a wrong password asks again, the right one opens the plan. */
static void
test_plan_pkcs12_password (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree gchar *source = cwa_test_data_path ("fixtures", "modern.pfx", NULL);
  g_autofree gchar *pfx = g_build_filename (fixture->tmpdir, "im-export.pfx", NULL);
  g_autofree gchar *path = g_build_filename (fixture->tmpdir, "protected.cwaplan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree gchar *bytes = NULL;
  gsize length = 0;
  AdwMessageDialog *dialog;

  g_assert_true (g_file_get_contents (source, &bytes, &length, NULL));
  g_assert_true (g_file_set_contents (pfx, bytes, (gssize) length, NULL));
  g_assert_true (g_file_set_contents (path,
    "{ \"format\": \"cwa-cert-plan\", \"version\": 1, \"name\": \"Protected\",\n"
    "  \"servers\": [ { \"fqdn\": \"cwaserver.contoso.com\", \"mtls_certificate\": \"im\" } ],\n"
    "  \"certificates\": [ { \"id\": \"im\", \"file\": \"im-export.pfx\" } ] }\n", -1, NULL));

  cwa_window_open_file (fixture->window, file);
  CWA_TEST_WAIT_FOR ((dialog = cwa_test_ui_find_dialog ()) != NULL);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Certificate Password for “protected.cwaplan”");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "im-export.pfx"));
  cwa_test_ui_maybe_screenshot (GTK_WIDGET (dialog), "plan-password");
  enter_password ("not the password", "open");
  CWA_TEST_WAIT_FOR ((dialog = cwa_test_ui_find_dialog ()) != NULL);
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (dialog), "That password did not open the plan's"));
  enter_password (P12_PASSWORD, "open");
  CWA_TEST_WAIT_FOR (g_strcmp0 (cwa_plan_get_name (cwa_window_get_plan (fixture->window)), "Protected") == 0);
  g_assert_cmpuint (g_list_model_get_n_items (cwa_plan_get_certificates (cwa_window_get_plan (fixture->window))), ==, 1);
}

static void
test_finding_activation (Fixture       *fixture,
                         gconstpointer  data)
{
  CwaPlan *plan;
  CwaVirtualServer *vs;
  CwaCertificate *certificate;
  GListModel *findings;
  g_autoptr(CwaFinding) target = NULL;

  open_example (fixture, "contoso.cwaplan");
  plan = cwa_window_get_plan (fixture->window);
  vs = first_virtual_server (plan);
  certificate = cwa_virtual_server_get_ssl_certificate (vs);
  g_assert_true (CWA_IS_SERVER (cwa_deployment_editor_get_selected (fixture->editor)));

  findings = cwa_checklist_get_findings (cwa_window_get_checklist (fixture->window));
  for (guint i = 0; i < g_list_model_get_n_items (findings) && target == NULL; i++)
    {
      g_autoptr(CwaFinding) finding = g_list_model_get_item (findings, i);

      if (cwa_finding_get_virtual_server (finding) == vs && cwa_finding_get_certificate (finding) == certificate)
        target = g_steal_pointer (&finding);
    }
  g_assert_nonnull (target);

  g_signal_emit_by_name (fixture->panel, "finding-activated", target);
  g_assert_true (cwa_deployment_editor_get_selected (fixture->editor) == vs);
  g_assert_true (cwa_certificate_inspector_get_selected (fixture->inspector) == certificate);
}

static void
test_add_and_delete (Fixture       *fixture,
                     gconstpointer  data)
{
  CwaDeployment *deployment = cwa_plan_get_deployment (cwa_window_get_plan (fixture->window));
  GListModel *servers = cwa_deployment_get_servers (deployment);
  g_autoptr(CwaServer) server = NULL;
  GtkEditable *fqdn_entry = cwa_test_ui_child (fixture->editor, CWA_TYPE_DEPLOYMENT_EDITOR, "fqdn_entry");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.add-virtual-server", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (servers), ==, 1);
  server = g_list_model_get_item (servers, 0);
  g_assert_cmpuint (g_list_model_get_n_items (cwa_server_get_virtual_servers (server)), ==, 1);
  g_assert_true (CWA_IS_VIRTUAL_SERVER (cwa_deployment_editor_get_selected (fixture->editor)));

  /* Invalid host names never reach the model. */
  cwa_deployment_editor_select (fixture->editor, server);
  gtk_editable_set_text (fqdn_entry, "not a host");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (fqdn_entry), "error"));
  g_assert_cmpstr (cwa_server_get_fqdn (server), ==, "cwaserver1.example.com");
  gtk_editable_set_text (fqdn_entry, "cwa01.fabrikam.com");
  g_assert_cmpstr (cwa_server_get_fqdn (server), ==, "cwa01.fabrikam.com");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.delete", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (servers), ==, 0);
}

/* The panes' widths are read when a window is made and written when it
 * closes, not bound: a stored width below what the pane allows stays as
 * it was while the window is open (bound, the pane's correction was
 * written back at once, and where writes failed it looped), and closing
 * saves the width the pane really had. */
static void
test_pane_widths_saved_on_close (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  CwaWindow *window;
  gint position;

  g_settings_set_int (settings, "deployment-pane-width", 10);
  window = g_object_ref_sink (cwa_window_new (NULL));
  gtk_window_present (GTK_WINDOW (window));
  cwa_test_ui_wait_frames (GTK_WIDGET (window), 3);
  position = gtk_paned_get_position (cwa_test_ui_child (window, CWA_TYPE_WINDOW, "outer_paned"));
  g_assert_cmpint (position, >, 10);
  g_assert_cmpint (g_settings_get_int (settings, "deployment-pane-width"), ==, 10);

  gtk_window_close (GTK_WINDOW (window));
  cwa_test_ui_drain_main_loop ();
  g_assert_cmpint (g_settings_get_int (settings, "deployment-pane-width"), ==, position);
  g_assert_finalize_object (window);

  /* A stored width too large for the window does not push the checklist
   * out of it: the panes to the right keep their minimum widths. */
  g_settings_set_int (settings, "deployment-pane-width", 5000);
  window = g_object_ref_sink (cwa_window_new (NULL));
  gtk_window_present (GTK_WINDOW (window));
  cwa_test_ui_wait_frames (GTK_WIDGET (window), 3);
  {
    GtkWidget *panel = cwa_test_ui_child (window, CWA_TYPE_WINDOW, "checklist_panel");
    GtkWidget *inspector = cwa_test_ui_child (window, CWA_TYPE_WINDOW, "inspector");
    graphene_rect_t bounds;

    g_assert_cmpint (gtk_widget_get_width (panel), >=, 300);
    g_assert_cmpint (gtk_widget_get_width (inspector), >=, 320);
    g_assert_true (gtk_widget_compute_bounds (panel, GTK_WIDGET (window), &bounds));
    g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (GTK_WIDGET (window)) + 0.5);
  }
  cwa_test_ui_close_window (window);
  g_settings_reset (settings, "deployment-pane-width");
  g_settings_reset (settings, "inspector-pane-width");
}

/* In the certificates pane, each certificate's badges say every role it
 * has (a listener's too), and its name's tooltip gives the id findings
 * name it by. */
static void
test_inspector_badges_and_ids (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GPtrArray) labels = NULL;
  guint n_listener = 0;
  gboolean id_shown = FALSE;

  open_example (fixture, "contoso-array.cwaplan");
  cwa_test_ui_wait_frames (GTK_WIDGET (fixture->window), 2);
  labels = cwa_test_ui_find_all (fixture->inspector, GTK_TYPE_LABEL);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (labels, i);
      const gchar *tooltip = gtk_widget_get_tooltip_text (label);

      if (gtk_widget_has_css_class (label, "role-badge") &&
          g_str_equal (gtk_label_get_text (GTK_LABEL (label)), "Listener"))
        {
          n_listener++;
          g_assert_cmpstr (tooltip, ==, "Assigned to a reverse proxy's listener");
        }
      if (g_strcmp0 (tooltip, "Id in the plan: im-contoso-public") == 0)
        id_shown = TRUE;
    }
  g_assert_cmpuint (n_listener, ==, 1);
  g_assert_true (id_shown);
}

/* The Add menu under the tree offers the four additions, each with its
 * shortcut, and each item runs on the editor: a click on "Computer" adds
 * one.  (One menu, so that the pane can be narrower than four labelled
 * buttons.) */
static void
test_add_menu (Fixture       *fixture,
               gconstpointer  data)
{
  GtkMenuButton *button = cwa_test_ui_child (fixture->editor, CWA_TYPE_DEPLOYMENT_EDITOR, "add_button");
  GMenuModel *menu = gtk_menu_button_get_menu_model (button);
  GMenuModel *section;
  GListModel *servers = cwa_deployment_get_servers (cwa_plan_get_deployment (cwa_window_get_plan (fixture->window)));
  static const gchar * const expected[][3] = {
    { "_Computer", "editor.add-server", "<Control><Shift>n" },
    { "_Virtual Server", "editor.add-virtual-server", "<Control><Shift>u" },
    { "_Load Balancer", "editor.add-load-balancer", "<Control><Shift>b" },
    { "_Reverse Proxy", "editor.add-reverse-proxy", "<Control><Shift>p" },
  };

  g_assert_nonnull (menu);
  section = g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION);
  g_assert_nonnull (section);
  g_assert_cmpint (g_menu_model_get_n_items (section), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree gchar *label = NULL;
      g_autofree gchar *action = NULL;
      g_autofree gchar *accel = NULL;

      g_assert_true (g_menu_model_get_item_attribute (section, (gint) i, G_MENU_ATTRIBUTE_LABEL, "s", &label));
      g_assert_true (g_menu_model_get_item_attribute (section, (gint) i, G_MENU_ATTRIBUTE_ACTION, "s", &action));
      g_assert_true (g_menu_model_get_item_attribute (section, (gint) i, "accel", "s", &accel));
      g_assert_cmpstr (label, ==, expected[i][0]);
      g_assert_cmpstr (action, ==, expected[i][1]);
      g_assert_cmpstr (accel, ==, expected[i][2]);
      /* The action is reachable from the button, as a menu item needs. */
      g_assert_true (cwa_test_ui_action_enabled (GTK_WIDGET (button), action) || i == 1);
    }
  g_object_unref (section);

  g_assert_cmpuint (g_list_model_get_n_items (servers), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (button), "editor.add-server", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (servers), ==, 1);
}

/* A deletion in the editor goes on the window's undo stack: win.undo puts
 * the virtual server back in its place, then the computer; with nothing
 * left to undo the action is disabled. */
static void
test_delete_undo (Fixture       *fixture,
                  gconstpointer  data)
{
  CwaDeployment *deployment = cwa_plan_get_deployment (cwa_window_get_plan (fixture->window));
  GListModel *servers = cwa_deployment_get_servers (deployment);
  GtkWidget *editor = GTK_WIDGET (fixture->editor);
  g_autoptr(CwaServer) server = NULL;
  g_autoptr(CwaVirtualServer) first = NULL;
  g_autoptr(CwaVirtualServer) restored = NULL;
  GListModel *vss;

  g_assert_false (cwa_test_ui_action_enabled (editor, "win.undo"));
  g_assert_true (gtk_widget_activate_action (editor, "editor.add-virtual-server", NULL));
  g_assert_true (gtk_widget_activate_action (editor, "editor.add-virtual-server", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (servers), ==, 1);
  server = g_list_model_get_item (servers, 0);
  vss = cwa_server_get_virtual_servers (server);
  g_assert_cmpuint (g_list_model_get_n_items (vss), ==, 2);
  first = g_list_model_get_item (vss, 0);
  /* Adding is a step to undo too: the computer made for the first virtual
   * server comes in the same step. */
  g_assert_true (cwa_test_ui_action_enabled (editor, "win.undo"));
  g_assert_cmpuint (cwa_history_get_n_entries (cwa_plan_get_history (cwa_window_get_plan (fixture->window))), ==, 2);

  cwa_deployment_editor_select (fixture->editor, first);
  g_assert_true (gtk_widget_activate_action (editor, "editor.delete", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (vss), ==, 1);
  cwa_deployment_editor_select (fixture->editor, server);
  g_assert_true (gtk_widget_activate_action (editor, "editor.delete", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (servers), ==, 0);
  g_assert_true (cwa_test_ui_action_enabled (editor, "win.undo"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (servers), ==, 1);
  g_assert_true (cwa_test_ui_action_enabled (editor, "win.undo"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (vss), ==, 2);
  restored = g_list_model_get_item (vss, 0);
  g_assert_true (restored == first);
  g_assert_true (cwa_virtual_server_get_server (first) == server);
  /* Then the two additions. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (vss), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (servers), ==, 0);
  g_assert_false (cwa_test_ui_action_enabled (editor, "win.undo"));
  /* Disabled: activating it changes nothing. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (servers), ==, 0);
  cwa_test_ui_drain_main_loop ();
}

/* What Ctrl+Z does: the focused entry's binding undoes its own typing
 * when it has any (text.undo is enabled), else the key bubbles to the
 * window's shortcut, win.undo.  GTK 4 cannot synthesize key events. */
static void
press_ctrl_z (CwaWindow *window)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  if (focus != NULL && cwa_test_ui_action_enabled (focus, "text.undo"))
    g_assert_true (gtk_widget_activate_action (focus, "text.undo", NULL));
  else
    gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  cwa_test_ui_drain_main_loop ();
}

/* With cwa01 selected, "+ Computer" then Ctrl+Z twice once left two
 * computers named cwa01.contoso.com: the name entry's own undo reached
 * back to the text it showed for cwa01 and wrote it to the new computer.
 * Undo only ever brings back a state the plan had. */
static void
test_add_computer_undo (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(CwaPlan) plan = cwa_plan_new ();
  g_autoptr(CwaServer) first = cwa_server_new ("cwa01.contoso.com");
  GListModel *servers = cwa_deployment_get_servers (cwa_plan_get_deployment (plan));
  g_autoptr(CwaServer) added = NULL;

  cwa_deployment_add_server (cwa_plan_get_deployment (plan), first);
  cwa_window_set_plan (fixture->window, plan);
  cwa_test_ui_drain_main_loop ();
  cwa_deployment_editor_select (fixture->editor, first);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.add-server", NULL));
  cwa_test_ui_drain_main_loop ();
  g_assert_cmpuint (g_list_model_get_n_items (servers), ==, 2);
  added = g_list_model_get_item (servers, 1);

  press_ctrl_z (fixture->window);
  press_ctrl_z (fixture->window);
  g_assert_cmpstr (cwa_server_get_fqdn (first), ==, "cwa01.contoso.com");
  g_assert_cmpstr (cwa_server_get_fqdn (added), ==, "cwaserver1.example.com");

  /* Typing in the entry is still undone there, for this computer only. */
  gtk_editable_set_text (cwa_test_ui_child (fixture->editor, CWA_TYPE_DEPLOYMENT_EDITOR, "fqdn_entry"),
                         "cwa02.contoso.com");
  g_assert_cmpstr (cwa_server_get_fqdn (added), ==, "cwa02.contoso.com");
  cwa_deployment_editor_select (fixture->editor, first);
  gtk_widget_grab_focus (cwa_test_ui_child (fixture->editor, CWA_TYPE_DEPLOYMENT_EDITOR, "fqdn_entry"));
  press_ctrl_z (fixture->window);
  press_ctrl_z (fixture->window);
  g_assert_cmpstr (cwa_server_get_fqdn (first), ==, "cwa01.contoso.com");
  g_assert_cmpstr (cwa_server_get_fqdn (added), ==, "cwa02.contoso.com");
}

/* The subtitle names the plan's folder, "~" standing for the home folder
 * by path components: with home /home/al, /home/al2 is not "~2". */
static void
test_title_folder (Fixture       *fixture,
                   gconstpointer  data)
{
  static const struct
  {
    const gchar *folder;
    const gchar *label;
  } cases[] = {
    { "/home/al", "~" },
    { "/home/al/plans", "~/plans" },
    { "/home/al/plans/2026", "~/plans/2026" },
    { "/home/al2", "/home/al2" },
    { "/home/al2/plans", "/home/al2/plans" },
    { "/home", "/home" },
    { "/srv/plans", "/srv/plans" },
  };
  AdwWindowTitle *window_title = cwa_test_ui_child (fixture->window, CWA_TYPE_WINDOW, "window_title");
  g_autofree gchar *path = g_build_filename (fixture->tmpdir, "plan.cwaplan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GFile) folder = g_file_new_for_path (cases[i].folder);
      g_autofree gchar *label = cwa_ui_dup_folder_label (folder, "/home/al");

      g_assert_cmpstr (label, ==, cases[i].label);
    }

  /* In the window: nothing for an unsaved plan, the folder once saved, and
   * the window's title is the header's. */
  g_assert_cmpstr (adw_window_title_get_subtitle (window_title), ==, "");
  g_assert_true (cwa_window_save_to_file (fixture->window, file, NULL));
  {
    g_autoptr(GFile) parent = g_file_get_parent (file);
    g_autofree gchar *expected = cwa_ui_dup_folder_label (parent, g_get_home_dir ());

    g_assert_cmpstr (adw_window_title_get_subtitle (window_title), ==, expected);
  }
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==,
                   adw_window_title_get_title (window_title));
  g_assert_true (g_str_has_suffix (adw_window_title_get_title (window_title), "plan.cwaplan"));
}

/* The drop target on the editor row (key "cwa-item") or topology box (key
 * "cwa-subject") that shows @item. */
static GtkDropTarget *
find_drop_target (GtkWidget   *widget,
                  const gchar *key,
                  gpointer     item)
{
  if (g_object_get_data (G_OBJECT (widget), key) == item)
    {
      GListModel *controllers = gtk_widget_observe_controllers (widget);
      GtkDropTarget *found = NULL;

      for (guint i = 0; i < g_list_model_get_n_items (controllers) && found == NULL; i++)
        {
          g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

          if (GTK_IS_DROP_TARGET (controller))
            found = GTK_DROP_TARGET (controller);
        }
      g_object_unref (controllers);
      if (found != NULL)
        return found;
    }

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkDropTarget *found = find_drop_target (c, key, item);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_drag_to_assign (Fixture       *fixture,
                     gconstpointer  data)
{
  CwaPlan *plan;
  CwaVirtualServer *vs;
  CwaCertificate *root;
  GtkDropTarget *target;
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean handled = FALSE;

  open_example (fixture, "contoso.cwaplan");
  plan = cwa_window_get_plan (fixture->window);
  vs = first_virtual_server (plan);
  root = cwa_plan_lookup_certificate (plan, "contoso-root");

  target = find_drop_target (GTK_WIDGET (fixture->editor), "cwa-item", vs);
  g_assert_nonnull (target);
  g_value_init (&value, CWA_TYPE_CERTIFICATE);
  g_value_set_object (&value, root);
  g_signal_emit_by_name (target, "drop", &value, 5.0, 5.0, &handled);
  g_assert_true (handled);
  g_assert_true (cwa_virtual_server_get_ssl_certificate (vs) == root);
}

static void
test_topology (Fixture       *fixture,
               gconstpointer  data)
{
  CwaPlan *plan;
  CwaServer *server;
  CwaVirtualServer *vs;
  CwaCertificate *root;
  CwaCertificate *leaf;
  GtkDropTarget *target;
  GtkStack *view_stack = cwa_test_ui_child (fixture->editor, CWA_TYPE_DEPLOYMENT_EDITOR, "view_stack");
  GtkWidget *topology = cwa_test_ui_child (fixture->editor, CWA_TYPE_DEPLOYMENT_EDITOR, "topology_view");
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean handled = FALSE;

  open_example (fixture, "contoso.cwaplan");
  plan = cwa_window_get_plan (fixture->window);
  vs = first_virtual_server (plan);
  server = cwa_virtual_server_get_server (vs);
  root = cwa_plan_lookup_certificate (plan, "contoso-root");
  leaf = cwa_plan_lookup_certificate (plan, "im-contoso");

  gtk_toggle_button_set_active (cwa_test_ui_child (fixture->editor, CWA_TYPE_DEPLOYMENT_EDITOR, "topology_toggle"), TRUE);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (view_stack), ==, "topology");
  maybe_screenshot (fixture, "topology");

  /* Dropping a certificate on the computer's box assigns it as MTLS. */
  target = find_drop_target (topology, "cwa-subject", server);
  g_assert_nonnull (target);
  g_value_init (&value, CWA_TYPE_CERTIFICATE);
  g_value_set_object (&value, root);
  g_signal_emit_by_name (target, "drop", &value, 5.0, 5.0, &handled);
  g_assert_true (handled);
  g_assert_true (cwa_server_get_mtls_certificate (server) == root);
  cwa_test_ui_drain_main_loop ();

  /* The boxes are rebuilt from the plan: the virtual server's is there and
   * still shows the SSL certificate. */
  target = find_drop_target (topology, "cwa-subject", vs);
  g_assert_nonnull (target);
  g_assert_true (cwa_virtual_server_get_ssl_certificate (vs) == leaf);

  gtk_toggle_button_set_active (cwa_test_ui_child (fixture->editor, CWA_TYPE_DEPLOYMENT_EDITOR, "topology_toggle"), FALSE);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (view_stack), ==, "tree");
}


/* The tree lists load balancers (with their members) and reverse proxies
 * (with their rules) after the computers; "Make array…" and "Publish
 * through reverse proxy…" create them, the forms edit them through
 * undoable edits, and deleting a computer leaves the array. */
static void
test_arrays_and_proxies (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWidget *editor = GTK_WIDGET (fixture->editor);
  CwaPlan *plan;
  CwaDeployment *deployment;
  CwaVirtualServer *vs;
  g_autoptr(CwaServer) twin = cwa_server_new ("cwa02.contoso.com");
  g_autoptr(CwaVirtualServer) twin_vs = NULL;
  g_autoptr(CwaLoadBalancer) lb = NULL;
  GtkStack *form_stack = cwa_test_ui_child (fixture->editor, CWA_TYPE_DEPLOYMENT_EDITOR, "form_stack");
  GtkWidget *lb_form = cwa_test_ui_child (fixture->editor, CWA_TYPE_DEPLOYMENT_EDITOR, "load_balancer_form");
  GtkSwitch *offload;
  GtkBox *members_box;
  GtkWidget *check;
  CwaPublishingRule *rule;

  open_example (fixture, "contoso.cwaplan");
  plan = cwa_window_get_plan (fixture->window);
  deployment = cwa_plan_get_deployment (plan);
  vs = first_virtual_server (plan);
  twin_vs = cwa_virtual_server_new (cwa_virtual_server_get_url (vs), CWA_AUDIENCE_EXTERNAL);
  cwa_server_add_virtual_server (twin, twin_vs);
  cwa_deployment_add_server (deployment, twin);
  cwa_test_ui_drain_main_loop ();

  /* Make array: offered for a host on two computers. */
  cwa_deployment_editor_select (fixture->editor, vs);
  g_assert_true (cwa_test_ui_action_enabled (editor, "editor.make-array"));
  g_assert_true (gtk_widget_activate_action (editor, "editor.make-array", NULL));
  cwa_test_ui_drain_main_loop ();
  g_assert_cmpuint (g_list_model_get_n_items (cwa_deployment_get_load_balancers (deployment)), ==, 1);
  lb = g_list_model_get_item (cwa_deployment_get_load_balancers (deployment), 0);
  g_assert_true (cwa_deployment_editor_get_selected (fixture->editor) == (gpointer) lb);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (form_stack), ==, "load-balancer");
  maybe_screenshot (fixture, "load-balancer-form");

  /* The form: offload switch and member check boxes go through the
   * history. */
  offload = cwa_test_ui_child (lb_form, CWA_TYPE_LOAD_BALANCER_FORM, "offload_switch");
  gtk_switch_set_active (offload, TRUE);
  g_assert_true (cwa_load_balancer_get_ssl_offload (lb));
  members_box = cwa_test_ui_child (lb_form, CWA_TYPE_LOAD_BALANCER_FORM, "members_box");
  check = gtk_widget_get_last_child (GTK_WIDGET (members_box));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), FALSE);
  g_assert_false (cwa_load_balancer_has_member (lb, "cwa02.contoso.com"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  cwa_test_ui_drain_main_loop ();
  g_assert_true (cwa_load_balancer_has_member (lb, "cwa02.contoso.com"));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (gtk_widget_get_last_child (GTK_WIDGET (members_box)))));

  /* Publish the external twin through a new reverse proxy. */
  cwa_deployment_editor_select (fixture->editor, twin_vs);
  g_assert_true (cwa_test_ui_action_enabled (editor, "editor.publish"));
  g_assert_true (gtk_widget_activate_action (editor, "editor.publish", NULL));
  cwa_test_ui_drain_main_loop ();
  g_assert_cmpuint (g_list_model_get_n_items (cwa_deployment_get_reverse_proxies (deployment)), ==, 1);
  rule = cwa_deployment_editor_get_selected (fixture->editor);
  g_assert_true (CWA_IS_PUBLISHING_RULE (rule));
  g_assert_cmpstr (cwa_publishing_rule_get_virtual_server (rule), ==, "im.contoso.com");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (form_stack), ==, "publishing-rule");
  maybe_screenshot (fixture, "publishing-rule-form");

  /* Deleting a computer takes it out of the array; undo puts it back. */
  cwa_deployment_editor_select (fixture->editor, twin);
  g_assert_true (gtk_widget_activate_action (editor, "editor.delete", NULL));
  g_assert_false (cwa_load_balancer_has_member (lb, "cwa02.contoso.com"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_true (cwa_load_balancer_has_member (lb, "cwa02.contoso.com"));
  cwa_test_ui_drain_main_loop ();
}

static void
test_copy_markdown_and_names (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree gchar *report = NULL;
  g_autofree gchar *names = NULL;

  open_example (fixture, "mistakes.cwaplan");

  /* "Copy as Markdown" for a ticket: the report names the plan and the
   * failed rule. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.copy-markdown", NULL));
  report = cwa_test_ui_read_clipboard (fixture->window);
  g_assert_nonnull (strstr (report, "Contoso CWA (with mistakes)"));
  g_assert_nonnull (strstr (report, "ssl.san-has-download-url"));

  /* The whole list of required names, as "Copy All" puts it. */
  names = cwa_checklist_panel_dup_required_names_text (fixture->panel);
  g_assert_nonnull (strstr (names, "CN=im.fabrikam.com"));
  g_assert_nonnull (strstr (names, "DNS:download.im.fabrikam.com"));
  g_assert_nonnull (strstr (names, "CN=cwaserver.contoso.com"));
}

static void
test_paste_pem (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree gchar *path = cwa_test_example_path ("certs/contoso-root.pem");
  g_autofree gchar *pem = NULL;
  GListModel *certificates = cwa_plan_get_certificates (cwa_window_get_plan (fixture->window));

  g_assert_true (g_file_get_contents (path, &pem, NULL, NULL));
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (fixture->window)), pem);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.paste-certificates", NULL));
  CWA_TEST_WAIT_FOR (g_list_model_get_n_items (certificates) == 1);
  g_assert_true (cwa_plan_get_modified (cwa_window_get_plan (fixture->window)));
}

static gpointer
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      gpointer found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The subtitle of the Required Names row of @name in the first group
 * whose title starts with @group_prefix. */
static const gchar *
required_name_kind (Fixture     *fixture,
                    const gchar *group_prefix,
                    const gchar *name)
{
  GtkWidget *box = cwa_test_ui_child (fixture->panel, CWA_TYPE_CHECKLIST_PANEL, "requirements_box");

  for (GtkWidget *group = gtk_widget_get_first_child (box); group != NULL;
       group = gtk_widget_get_next_sibling (group))
    {
      GtkWidget *row;

      if (!ADW_IS_PREFERENCES_GROUP (group) ||
          !g_str_has_prefix (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group)), group_prefix))
        continue;
      row = find_descendant (group, ADW_TYPE_ACTION_ROW);
      for (; row != NULL; row = gtk_widget_get_next_sibling (row))
        if (ADW_IS_ACTION_ROW (row) &&
            g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), name) == 0)
          return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
    }

  return NULL;
}

/* Required Names say what each name is for, as the CLI and reports do: an
 * MTLS role needs no SAN. */
static void
test_required_name_kinds (Fixture       *fixture,
                          gconstpointer  data)
{
  open_example (fixture, "mistakes.cwaplan");

  g_assert_cmpstr (required_name_kind (fixture, "MTLS", "cwaserver.contoso.com"), ==,
                   "Subject (CN); no subject alternative name required");
  g_assert_cmpstr (required_name_kind (fixture, "SSL", "im.contoso.com"), ==,
                   "Subject (CN) and subject alternative name");
  g_assert_cmpstr (required_name_kind (fixture, "SSL", "as.im.contoso.com"), ==,
                   "Subject alternative name");
}

/* Rows hold their titles as markup. */
static gboolean
has_expander_titled (GtkWidget   *widget,
                     const gchar *title)
{
  g_autofree gchar *escaped = g_markup_escape_text (title, -1);

  if (ADW_IS_EXPANDER_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), escaped) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_expander_titled (child, title))
      return TRUE;

  return FALSE;
}

/* Checklist headlines name the subject's own names (as the reports do),
 * not the catalogue's contoso examples. */
static void
test_headlines_name_the_subject (Fixture       *fixture,
                                 gconstpointer  data)
{
  open_example (fixture, "mistakes.cwaplan");

  g_assert_true (has_expander_titled (GTK_WIDGET (fixture->panel),
                                      "The SAN list contains the asURL (as.im.fabrikam.com)."));
  g_assert_true (has_expander_titled (GTK_WIDGET (fixture->panel),
                                      "The SSL certificate's subject name is the URL's host (im.fabrikam.com)."));
  g_assert_false (has_expander_titled (GTK_WIDGET (fixture->panel),
                                       "The SAN list contains the asURL (as.im.contoso.com)."));
  g_assert_false (has_expander_titled (GTK_WIDGET (fixture->panel),
                                       "The SAN list contains the asURL (`as.im.contoso.com`)."));
}

/* A failed deployment.unique-urls offers "Make array…" as its fix: one
 * click makes the load balancer with both computers, one undo takes it
 * away. */
static void
test_make_array_fix (Fixture       *fixture,
                     gconstpointer  data)
{
  CwaPlan *plan;
  CwaDeployment *deployment;
  GListModel *load_balancers;
  g_autoptr(CwaServer) twin = cwa_server_new ("cwa02.contoso.com");
  g_autoptr(CwaVirtualServer) twin_vs = NULL;
  g_autoptr(CwaLoadBalancer) lb = NULL;
  GtkWidget *button;
  GtkWidget *view;

  open_example (fixture, "contoso.cwaplan");
  plan = cwa_window_get_plan (fixture->window);
  deployment = cwa_plan_get_deployment (plan);
  load_balancers = cwa_deployment_get_load_balancers (deployment);
  g_assert_null (cwa_test_ui_find_button (GTK_WIDGET (fixture->panel), "_Make Array…"));

  twin_vs = cwa_virtual_server_new (cwa_virtual_server_get_url (first_virtual_server (plan)), CWA_AUDIENCE_INTERNAL);
  cwa_server_add_virtual_server (twin, twin_vs);
  cwa_deployment_add_server (deployment, twin);
  CWA_TEST_WAIT_FOR (cwa_test_ui_find_button (GTK_WIDGET (fixture->panel), "_Make Array…") != NULL);
  button = cwa_test_ui_find_button (GTK_WIDGET (fixture->panel), "_Make Array…");
  maybe_screenshot (fixture, "make-array-fix");

  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpuint (g_list_model_get_n_items (load_balancers), ==, 1);
  lb = g_list_model_get_item (load_balancers, 0);
  g_assert_cmpstr (cwa_load_balancer_get_fqdn (lb), ==, "im.contoso.com");
  g_assert_true (cwa_load_balancer_has_member (lb, "cwaserver.contoso.com"));
  g_assert_true (cwa_load_balancer_has_member (lb, "cwa02.contoso.com"));
  /* The new load balancer is selected, its form open, and the topology
   * view marks it. */
  g_assert_true (cwa_deployment_editor_get_selected (fixture->editor) == (gpointer) lb);
  gtk_toggle_button_set_active (cwa_test_ui_child (G_OBJECT (fixture->editor), CWA_TYPE_DEPLOYMENT_EDITOR,
                                                   "topology_toggle"), TRUE);
  view = cwa_deployment_editor_get_topology_view (fixture->editor);
  CWA_TEST_WAIT_FOR (cwa_topology_view_find_widget (CWA_TOPOLOGY_VIEW (view), lb) != NULL);
  g_assert_true (gtk_widget_has_css_class (cwa_topology_view_find_widget (CWA_TOPOLOGY_VIEW (view), lb),
                                           "topology-selected"));
  /* Nothing left to fix that way: the button goes with the next run. */
  CWA_TEST_WAIT_FOR (cwa_test_ui_find_button (GTK_WIDGET (fixture->panel), "_Make Array…") == NULL);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (load_balancers), ==, 0);
  cwa_test_ui_drain_main_loop ();
}

/* A second computer cannot take the FQDN of another: the form says so
 * with the error style, and the model keeps the old name. */
static void
test_duplicate_fqdn (Fixture       *fixture,
                     gconstpointer  data)
{
  CwaDeployment *deployment;
  GListModel *servers;
  g_autoptr(CwaServer) second = NULL;
  GtkEditable *fqdn_entry = cwa_test_ui_child (fixture->editor, CWA_TYPE_DEPLOYMENT_EDITOR, "fqdn_entry");
  GtkLabel *fqdn_error = cwa_test_ui_child (fixture->editor, CWA_TYPE_DEPLOYMENT_EDITOR, "fqdn_error");
  g_autofree gchar *original = NULL;

  open_example (fixture, "contoso.cwaplan");
  deployment = cwa_plan_get_deployment (cwa_window_get_plan (fixture->window));
  servers = cwa_deployment_get_servers (deployment);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.add-server", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (servers), ==, 2);
  second = g_list_model_get_item (servers, 1);
  original = g_strdup (cwa_server_get_fqdn (second));
  cwa_deployment_editor_select (fixture->editor, second);

  gtk_editable_set_text (fqdn_entry, "CWASERVER.contoso.com");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (fqdn_entry), "error"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fqdn_error)));
  g_assert_nonnull (strstr (gtk_label_get_text (fqdn_error), "already has this name"));
  g_assert_cmpstr (cwa_server_get_fqdn (second), ==, original);

  gtk_editable_set_text (fqdn_entry, "cwa02.contoso.com");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (fqdn_entry), "error"));
  g_assert_cmpstr (cwa_server_get_fqdn (second), ==, "cwa02.contoso.com");
}

/* A plan with a typo in a key opens (the key is kept), and a bar names the
 * key, its line and the key meant, once: a second plan without unknown keys
 * clears it, and closing the bar hides it. */
static void
test_unknown_key_bar (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree gchar *certs = cwa_test_example_path ("certs");
  g_autofree gchar *path = g_build_filename (fixture->tmpdir, "typo.cwaplan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree gchar *text = g_strdup_printf (
    "{ \"format\": \"cwa-cert-plan\", \"version\": 1, \"name\": \"Typo\",\n"
    "  \"servers\": [ { \"fqdn\": \"cwaserver.contoso.com\", \"virtual_servers\": [\n"
    "    { \"url\": \"https://im.contoso.com\", \"audience\": \"internal\", \"ssl_cert\": \"im\" } ] } ],\n"
    "  \"certificates\": [ { \"id\": \"im\", \"file\": \"%s/im-contoso.pem\" } ] }\n", certs);
  CwaPlanNoticeBar *bar = find_descendant (GTK_WIDGET (fixture->window), CWA_TYPE_PLAN_NOTICE_BAR);

  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (bar)));
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  cwa_window_open_file (fixture->window, file);
  CWA_TEST_WAIT_FOR (cwa_plan_notice_bar_get_text (bar) != NULL);
  g_assert_cmpstr (cwa_plan_notice_bar_get_text (bar), ==,
                   "typo.cwaplan:3:76: notice: unknown key \"ssl_cert\" in servers[0].virtual_servers[0] "
                   "is kept but not used (did you mean \"ssl_certificate\"?)");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (bar)));
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (bar)));
  maybe_screenshot (fixture, "unknown-key");
  /* The exit-status equivalent: the plan is read all the same. */
  g_assert_true (cwa_test_ui_panel_shows_failure (fixture->panel, "vs.has-ssl-cert"));

  /* Closing hides it; it does not come back for the same plan. */
  gtk_info_bar_response (GTK_INFO_BAR (gtk_widget_get_first_child (GTK_WIDGET (bar))), GTK_RESPONSE_CLOSE);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (bar)));
  g_assert_null (cwa_plan_notice_bar_get_text (bar));
  cwa_test_ui_drain_main_loop ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (bar)));

  /* A clean plan after it shows nothing. */
  cwa_plan_set_modified (cwa_window_get_plan (fixture->window), FALSE);
  open_example (fixture, "contoso.cwaplan");
  cwa_test_ui_drain_main_loop ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (bar)));
  g_unlink (path);
}

/* Whether a group in @box has @text (as markup) where @get reads. */
static gboolean
has_group_with (GtkWidget   *box,
                const gchar *(*get) (AdwPreferencesGroup *),
                const gchar *text)
{
  g_autofree gchar *escaped = g_markup_escape_text (text, -1);

  for (GtkWidget *group = gtk_widget_get_first_child (box); group != NULL;
       group = gtk_widget_get_next_sibling (group))
    if (ADW_IS_PREFERENCES_GROUP (group) && g_strcmp0 (get (ADW_PREFERENCES_GROUP (group)), escaped) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
has_group_titled (GtkWidget   *box,
                  const gchar *title)
{
  return has_group_with (box, adw_preferences_group_get_title, title);
}

/* Load balancer and publishing rule findings are grouped under their own
 * subject, as in the reports, not under the deployment. */
static void
test_edge_groups (Fixture       *fixture,
                  gconstpointer  data)
{
  CwaDeployment *deployment;
  GtkWidget *box = cwa_test_ui_child (fixture->panel, CWA_TYPE_CHECKLIST_PANEL, "findings_box");
  g_autoptr(CwaLoadBalancer) lb = cwa_load_balancer_new ("im.contoso.com");
  g_autoptr(CwaReverseProxy) proxy = cwa_reverse_proxy_new ("isa01.perimeter.contoso.com");
  g_autoptr(CwaPublishingRule) rule = cwa_publishing_rule_new ("https://im.contoso.com", "im.contoso.com");

  open_example (fixture, "contoso.cwaplan");
  deployment = cwa_plan_get_deployment (cwa_window_get_plan (fixture->window));
  g_assert_true (cwa_load_balancer_add_member (lb, "cwaserver.contoso.com"));
  /* Offloading without a certificate and a listener without one: both
   * fail, so their groups show with passed findings hidden. */
  cwa_load_balancer_set_ssl_offload (lb, TRUE);
  cwa_deployment_add_load_balancer (deployment, lb);
  cwa_reverse_proxy_add_publishing_rule (proxy, rule);
  cwa_deployment_add_reverse_proxy (deployment, proxy);

  CWA_TEST_WAIT_FOR (has_group_titled (box, "Load balancer im.contoso.com"));
  g_assert_true (has_group_titled (box, "Publishing rule im.contoso.com on isa01.perimeter.contoso.com"));
  /* Every deployment finding passes and passed ones are hidden: a
   * "Deployment" group would mean the failures above were put there. */
  g_assert_false (has_group_titled (box, "Deployment"));
}

static gboolean
has_group_described (GtkWidget   *box,
                     const gchar *description)
{
  return has_group_with (box, adw_preferences_group_get_description, description);
}

/* Two virtual servers of one host on one computer (internal on 443,
 * external on 8443) read differently in the checklist's groups and in
 * Required Names: each with its port. */
static void
test_same_host_virtual_servers (Fixture       *fixture,
                                gconstpointer  data)
{
  GtkWidget *findings = cwa_test_ui_child (fixture->panel, CWA_TYPE_CHECKLIST_PANEL, "findings_box");
  GtkWidget *requirements = cwa_test_ui_child (fixture->panel, CWA_TYPE_CHECKLIST_PANEL, "requirements_box");
  g_autoptr(CwaVirtualServer) external = cwa_virtual_server_new ("https://im.contoso.com:8443", CWA_AUDIENCE_EXTERNAL);
  CwaVirtualServer *internal;

  open_example (fixture, "contoso.cwaplan");
  internal = first_virtual_server (cwa_window_get_plan (fixture->window));
  /* Neither has an SSL certificate: both groups show failures. */
  cwa_virtual_server_set_ssl_certificate (internal, NULL);
  cwa_server_add_virtual_server (cwa_virtual_server_get_server (internal), external);

  CWA_TEST_WAIT_FOR (has_group_titled (findings, "im.contoso.com:8443 on cwaserver.contoso.com"));
  g_assert_true (has_group_titled (findings, "im.contoso.com:443 on cwaserver.contoso.com"));
  g_assert_false (has_group_titled (findings, "im.contoso.com on cwaserver.contoso.com"));
  g_assert_true (has_group_described (requirements, "For im.contoso.com:443 on cwaserver.contoso.com"));
  g_assert_true (has_group_described (requirements, "For im.contoso.com:8443 on cwaserver.contoso.com"));
  g_assert_false (has_group_described (requirements, "For im.contoso.com on cwaserver.contoso.com"));
  maybe_screenshot (fixture, "same-host-virtual-servers");
}

/* Whether the window's toast overlay shows a toast titled @text. */
static gboolean
shows_toast (Fixture     *fixture,
             const gchar *text)
{
  return cwa_test_ui_has_label (cwa_test_ui_child (fixture->window, CWA_TYPE_WINDOW, "toast_overlay"), text);
}

/* The toast for a certificate loaded again: its entry's id and subject. */
static gchar *
dup_already_text (Fixture *fixture)
{
  GListModel *certificates = cwa_plan_get_certificates (cwa_window_get_plan (fixture->window));
  g_autoptr(CwaCertificate) entry = g_list_model_get_item (certificates, 0);

  return g_strdup_printf ("“%s” (%s) is already in the plan", cwa_certificate_get_id (entry),
                          cwa_certificate_get_subject (entry));
}

/* A certificate file dropped again, or pasted again, adds nothing, and a
 * toast names the entry the plan already has. */
static void
test_already_in_plan (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree gchar *path = cwa_test_example_path ("certs/im-contoso.pem");
  g_autofree gchar *pem = NULL;
  g_autofree gchar *text = NULL;
  const gchar *paths[] = { path, NULL };
  GListModel *certificates = cwa_plan_get_certificates (cwa_window_get_plan (fixture->window));

  drop_files (fixture, paths);
  CWA_TEST_WAIT_FOR (fixture->n_finished == 1);
  g_assert_cmpuint (g_list_model_get_n_items (certificates), ==, 1);
  g_assert_cmpuint (fixture->n_already, ==, 0);
  text = dup_already_text (fixture);
  g_assert_nonnull (strstr (text, "CN=im.contoso.com"));
  g_assert_false (shows_toast (fixture, text));

  drop_files (fixture, paths);
  CWA_TEST_WAIT_FOR (fixture->n_finished == 2);
  g_assert_cmpuint (g_list_model_get_n_items (certificates), ==, 1);
  g_assert_cmpuint (fixture->n_already, ==, 1);
  CWA_TEST_WAIT_FOR (shows_toast (fixture, text));
  maybe_screenshot (fixture, "already-in-plan");

  /* Pasted: the same entry again, at once. */
  g_assert_true (g_file_get_contents (path, &pem, NULL, NULL));
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (fixture->window)), pem);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.paste-certificates", NULL));
  CWA_TEST_WAIT_FOR (fixture->n_already == 2);
  g_assert_cmpuint (g_list_model_get_n_items (certificates), ==, 1);
}

/* A PKCS#12 file opened again with the right password: the same. */
static void
test_already_in_plan_pkcs12 (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree gchar *pfx = cwa_test_data_path ("fixtures", "modern.pfx", NULL);
  g_autofree gchar *text = NULL;
  const gchar *paths[] = { pfx, NULL };
  GListModel *certificates = cwa_plan_get_certificates (cwa_window_get_plan (fixture->window));

  drop_files (fixture, paths);
  enter_password (P12_PASSWORD, "open");
  CWA_TEST_WAIT_FOR (fixture->n_finished == 1);
  text = dup_already_text (fixture);

  drop_files (fixture, paths);
  enter_password (P12_PASSWORD, "open");
  CWA_TEST_WAIT_FOR (fixture->n_finished == 2);
  g_assert_cmpuint (g_list_model_get_n_items (certificates), ==, 1);
  g_assert_cmpuint (fixture->n_already, ==, 1);
  CWA_TEST_WAIT_FOR (shows_toast (fixture, text));
}

/* Collects the message of each file the import queue refused. */
static void
collect_failed_cb (CwaImportQueue *queue,
                   GFile          *file,
                   const gchar    *message,
                   GPtrArray      *messages)
{
  g_ptr_array_add (messages, g_strdup (message));
}

/* Whether one of @messages holds both @name and @words. */
static gboolean
has_message (GPtrArray   *messages,
             const gchar *name,
             const gchar *words)
{
  for (guint i = 0; i < messages->len; i++)
    {
      const gchar *message = g_ptr_array_index (messages, i);

      if (strstr (message, name) != NULL && strstr (message, words) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* Files no certificate tool should choke on, dropped together: a FIFO
 * (opening it waits for a writer for ever unless refused first), a device
 * that never ends, a PKCS#12 file asking for 2^31-1 MAC iterations, an
 * HTML page, and PEM text saved as UTF-16 (read).  The drop returns at
 * once, each refusal names its file and says what it is, and the
 * readable file is added. */
static void
test_hostile_drops (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree gchar *fifo = g_build_filename (fixture->tmpdir, "cert.pem", NULL);
  g_autofree gchar *html = g_build_filename (fixture->tmpdir, "download.cer", NULL);
  g_autofree gchar *utf16 = g_build_filename (fixture->tmpdir, "powershell.pem", NULL);
  g_autofree gchar *pfx = cwa_test_data_path ("fixtures", "mac-iterations.pfx", NULL);
  g_autofree gchar *leaf = cwa_test_data_path ("fixtures", "leaf.pem", NULL);
  g_autofree gchar *pem = NULL;
  g_autofree gchar *pem16 = NULL;
  g_autoptr(GString) with_bom = g_string_new ("\xff\xfe");
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_free);
  const gchar *paths[] = { fifo, "/dev/zero", pfx, html, utf16, NULL };
  GListModel *certificates = cwa_plan_get_certificates (cwa_window_get_plan (fixture->window));
  AdwMessageDialog *dialog;
  GtkWidget *details;
  GtkWidget *listed;
  gsize len = 0;
  gulong handler;
  gint64 start;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_true (g_file_set_contents (html, "<!DOCTYPE html>\n<html><head><title>Sign in</title></head></html>\n",
                                      -1, NULL));
  g_assert_true (g_file_get_contents (leaf, &pem, NULL, NULL));
  pem16 = g_convert (pem, -1, "UTF-16LE", "UTF-8", NULL, &len, NULL);
  g_assert_nonnull (pem16);
  g_string_append_len (with_bom, pem16, (gssize) len);
  g_assert_true (g_file_set_contents (utf16, with_bom->str, (gssize) with_bom->len, NULL));
  handler = g_signal_connect (cwa_window_get_import_queue (fixture->window), "failed",
                              G_CALLBACK (collect_failed_cb), messages);

  start = g_get_monotonic_time ();
  drop_files (fixture, paths);
  /* Nothing is opened on the main thread: the drop returns at once. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC / 2);
  CWA_TEST_WAIT_FOR (fixture->n_finished == 1);
  g_signal_handler_disconnect (cwa_window_get_import_queue (fixture->window), handler);

  g_assert_cmpuint (messages->len, ==, 4);
  g_assert_true (has_message (messages, "cert.pem", "named pipe (FIFO)"));
  g_assert_true (has_message (messages, "/dev/zero", "a device"));
  g_assert_true (has_message (messages, "mac-iterations.pfx", "2,147,483,647 key-derivation iterations"));
  g_assert_true (has_message (messages, "download.cer", "an HTML page"));
  /* One toast for the four, not four queued one after the other; its
   * Details button lists each refusal as it was reported. */
  CWA_TEST_WAIT_FOR (shows_toast (fixture, "4 files could not be loaded"));
  for (guint i = 0; i < messages->len; i++)
    g_assert_false (shows_toast (fixture, g_ptr_array_index (messages, i)));
  maybe_screenshot (fixture, "hostile-drops");
  details = cwa_test_ui_find_button (cwa_test_ui_child (fixture->window, CWA_TYPE_WINDOW, "toast_overlay"),
                                    "_Details");
  g_assert_nonnull (details);
  g_assert_null (cwa_test_ui_find_dialog ());
  gtk_widget_activate (details);
  CWA_TEST_WAIT_FOR ((dialog = cwa_test_ui_find_dialog ()) != NULL);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "4 Files Could Not Be Loaded");
  /* A row each: the file's name, and what the loader said of it. */
  listed = adw_message_dialog_get_extra_child (dialog);
  g_assert_true (cwa_test_ui_has_label (listed, "cert.pem"));
  g_assert_true (cwa_test_ui_has_label (listed, "download.cer"));
  for (guint i = 0; i < messages->len; i++)
    g_assert_true (cwa_test_ui_has_label (listed, g_ptr_array_index (messages, i)));
  cwa_test_ui_maybe_screenshot (GTK_WIDGET (dialog), "hostile-drops-details");
  answer_dialog ("close");

  /* The UTF-16 text is read as the PEM it is. */
  g_assert_cmpuint (g_list_model_get_n_items (certificates), ==, 1);
  {
    g_autoptr(CwaCertificate) added = g_list_model_get_item (certificates, 0);

    g_assert_nonnull (strstr (cwa_certificate_get_subject (added), "CN=im.contoso.com"));
  }
}

/* A plan naming a device and a FIFO as certificate files, and a plan that
 * is itself a FIFO: each is refused with a dialog that names the file and
 * says what it is, while the window stays responsive. */
static void
test_plan_names_no_file (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree gchar *fifo = g_build_filename (fixture->tmpdir, "chain.pem", NULL);
  g_autofree gchar *plan_path = g_build_filename (fixture->tmpdir, "devices.cwaplan", NULL);
  g_autofree gchar *plan_fifo = g_build_filename (fixture->tmpdir, "pipe.cwaplan", NULL);
  g_autoptr(GFile) plan_file = g_file_new_for_path (plan_path);
  g_autoptr(GFile) fifo_file = g_file_new_for_path (plan_fifo);
  const gchar *text =
    "{ \"format\": \"cwa-cert-plan\", \"version\": 1,\n"
    "  \"certificates\": [ { \"id\": \"zero\", \"file\": \"/dev/zero\" },\n"
    "                    { \"id\": \"pipe\", \"file\": \"chain.pem\" } ],\n"
    "  \"servers\": [] }\n";
  const gchar *body;
  AdwMessageDialog *dialog;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (mkfifo (plan_fifo, 0600), ==, 0);
  g_assert_true (g_file_set_contents (plan_path, text, -1, NULL));

  cwa_window_open_file (fixture->window, plan_file);
  CWA_TEST_WAIT_FOR ((dialog = cwa_test_ui_find_dialog ()) != NULL);
  body = adw_message_dialog_get_body (dialog);
  g_assert_nonnull (strstr (body, "devices.cwaplan:2:45: certificate \"zero\": /dev/zero is a device, not a file"));
  g_assert_nonnull (strstr (body, "devices.cwaplan:3:45: certificate \"pipe\": chain.pem is a named pipe (FIFO), not a file"));
  maybe_screenshot (fixture, "plan-names-no-file");
  answer_dialog ("close");
  g_assert_null (cwa_plan_get_file (cwa_window_get_plan (fixture->window)));

  cwa_window_open_file (fixture->window, fifo_file);
  CWA_TEST_WAIT_FOR ((dialog = cwa_test_ui_find_dialog ()) != NULL);
  body = adw_message_dialog_get_body (dialog);
  g_assert_nonnull (strstr (body, "pipe.cwaplan is a named pipe (FIFO), not a file"));
  answer_dialog ("close");
}

/* The first button under @root (depth first) whose action is @action. */
static GtkWidget *
find_action_button (GtkWidget   *root,
                    const gchar *action)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_button (child, action);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The menu popped up on @button, or NULL. */
static GtkWidget *
find_popover_menu (GtkWidget *button)
{
  for (GtkWidget *child = gtk_widget_get_first_child (button); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER_MENU (child))
      return child;
  return NULL;
}

static guint
n_rules (CwaReverseProxy *proxy)
{
  return g_list_model_get_n_items (cwa_reverse_proxy_get_publishing_rules (proxy));
}

/* With several reverse proxies a publishing rule goes to any of them: the
 * virtual server's button lets the user choose one by FQDN, and a reverse
 * proxy (or one of its rules) selected adds one there, from its form.
 * Each is a step of the plan's history. */
static void
test_publish_any_proxy (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWidget *editor = GTK_WIDGET (fixture->editor);
  GtkWidget *publish = cwa_test_ui_child (fixture->editor, CWA_TYPE_DEPLOYMENT_EDITOR, "publish_button");
  GtkWidget *proxy_form = cwa_test_ui_child (fixture->editor, CWA_TYPE_DEPLOYMENT_EDITOR, "reverse_proxy_form");
  GtkWidget *rule_form = cwa_test_ui_child (fixture->editor, CWA_TYPE_DEPLOYMENT_EDITOR, "publishing_rule_form");
  g_autoptr(CwaReverseProxy) first = NULL;
  g_autoptr(CwaReverseProxy) second = NULL;
  g_autoptr(CwaVirtualServer) other = cwa_virtual_server_new ("https://im.fabrikam.com", CWA_AUDIENCE_EXTERNAL);
  g_autofree gchar *action = NULL;
  g_autoptr(GVariant) target = NULL;
  CwaPlan *plan;
  CwaDeployment *deployment;
  CwaVirtualServer *vs;
  CwaPublishingRule *rule;
  GListModel *proxies;
  GtkWidget *popover;
  GtkWidget *button;
  GMenuModel *model;

  open_example (fixture, "contoso.cwaplan");
  plan = cwa_window_get_plan (fixture->window);
  deployment = cwa_plan_get_deployment (plan);
  vs = first_virtual_server (plan);
  g_assert_true (cwa_plan_edits_set_audience (plan, vs, CWA_AUDIENCE_EXTERNAL));
  g_assert_true (gtk_widget_activate_action (editor, "editor.add-reverse-proxy", NULL));
  g_assert_true (gtk_widget_activate_action (editor, "editor.add-reverse-proxy", NULL));
  cwa_test_ui_drain_main_loop ();
  proxies = cwa_deployment_get_reverse_proxies (deployment);
  g_assert_cmpuint (g_list_model_get_n_items (proxies), ==, 2);
  first = g_list_model_get_item (proxies, 0);
  second = g_list_model_get_item (proxies, 1);

  /* The button drops down the proxies by FQDN; the second is chosen. */
  cwa_deployment_editor_select (fixture->editor, vs);
  cwa_test_ui_wait_frames (GTK_WIDGET (fixture->window), 3);
  g_assert_true (gtk_widget_get_mapped (publish));
  g_signal_emit_by_name (publish, "clicked");
  cwa_test_ui_wait_frames (GTK_WIDGET (fixture->window), 3);
  popover = find_popover_menu (publish);
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (popover));
  maybe_screenshot (fixture, "publish-choice");
  g_assert_cmpuint (n_rules (first) + n_rules (second), ==, 0);
  model = gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (popover));
  g_assert_cmpint (g_menu_model_get_n_items (model), ==, 2);
  for (gint i = 0; i < 2; i++)
    {
      g_autofree gchar *label = NULL;

      g_assert_true (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &label));
      g_assert_cmpstr (label, ==, cwa_reverse_proxy_get_fqdn (i == 0 ? first : second));
    }
  g_assert_true (g_menu_model_get_item_attribute (model, 1, G_MENU_ATTRIBUTE_ACTION, "s", &action));
  target = g_menu_model_get_item_attribute_value (model, 1, G_MENU_ATTRIBUTE_TARGET, G_VARIANT_TYPE_STRING);
  g_assert_nonnull (target);
  gtk_popover_popdown (GTK_POPOVER (popover));
  g_assert_true (gtk_widget_activate_action_variant (popover, action, target));
  cwa_test_ui_drain_main_loop ();
  g_assert_cmpuint (n_rules (first), ==, 0);
  g_assert_cmpuint (n_rules (second), ==, 1);
  rule = cwa_deployment_editor_get_selected (fixture->editor);
  g_assert_true (CWA_IS_PUBLISHING_RULE (rule));
  g_assert_true (cwa_publishing_rule_get_reverse_proxy (rule) == second);
  g_assert_cmpstr (cwa_publishing_rule_get_virtual_server (rule), ==, "im.contoso.com");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  cwa_test_ui_drain_main_loop ();
  g_assert_cmpuint (n_rules (second), ==, 0);

  /* The first proxy selected: its form adds a rule there, for the
   * external virtual server. */
  cwa_deployment_editor_select (fixture->editor, first);
  cwa_test_ui_wait_frames (GTK_WIDGET (fixture->window), 3);
  button = find_action_button (proxy_form, "editor.add-publishing-rule");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  cwa_test_ui_drain_main_loop ();
  g_assert_cmpuint (n_rules (first), ==, 1);
  g_assert_cmpuint (n_rules (second), ==, 0);
  rule = cwa_deployment_editor_get_selected (fixture->editor);
  g_assert_true (CWA_IS_PUBLISHING_RULE (rule));
  g_assert_true (cwa_publishing_rule_get_reverse_proxy (rule) == first);

  /* Beside that rule: nothing left to publish until another external
   * virtual server comes, then it goes on the same proxy. */
  cwa_test_ui_wait_frames (GTK_WIDGET (fixture->window), 3);
  button = find_action_button (rule_form, "editor.add-publishing-rule");
  g_assert_nonnull (button);
  g_assert_false (gtk_widget_is_sensitive (button));
  g_assert_true (cwa_plan_edits_add_virtual_server (plan, cwa_virtual_server_get_server (vs), other));
  cwa_deployment_editor_select (fixture->editor, rule);
  cwa_test_ui_wait_frames (GTK_WIDGET (fixture->window), 3);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  cwa_test_ui_drain_main_loop ();
  g_assert_cmpuint (n_rules (first), ==, 2);
  g_assert_nonnull (cwa_reverse_proxy_find_publishing_rule (first, "im.fabrikam.com"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  cwa_test_ui_drain_main_loop ();
  g_assert_cmpuint (n_rules (first), ==, 1);
  g_assert_null (cwa_reverse_proxy_find_publishing_rule (first, "im.fabrikam.com"));

  /* One proxy: as before, straight to it. */
  g_assert_true (cwa_plan_edits_delete_reverse_proxy (plan, second));
  cwa_deployment_editor_select (fixture->editor, other);
  g_assert_true (gtk_widget_activate_action (editor, "editor.publish", NULL));
  cwa_test_ui_drain_main_loop ();
  g_assert_cmpuint (g_list_model_get_n_items (proxies), ==, 1);
  rule = cwa_deployment_editor_get_selected (fixture->editor);
  g_assert_true (CWA_IS_PUBLISHING_RULE (rule));
  g_assert_true (cwa_publishing_rule_get_reverse_proxy (rule) == first);
  g_assert_cmpstr (cwa_publishing_rule_get_virtual_server (rule), ==, "im.fabrikam.com");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree gchar *data_home = g_dir_make_tmp ("cwa-test-window-data-XXXXXX", NULL);
  int status;

  if (!cwa_test_ui_init (&argc, &argv, data_home))
    return g_test_run ();

#define ADD(path, func) \
  g_test_add ("/cwa/ui/window/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("open-example", test_open_example);
  ADD ("url-entry", test_url_entry);
  ADD ("certificate-dropdown", test_certificate_dropdown);
  ADD ("drop-files", test_drop_files);
  ADD ("drop-checks-once", test_drop_checks_once);
  ADD ("drop-over-budget", test_drop_over_budget);
  ADD ("drop-in-order", test_drop_in_order);
  ADD ("inspector-fields", test_inspector_fields);
  ADD ("inspector-lazy-fields", test_inspector_lazy_fields);
  ADD ("unsaved-close", test_unsaved_close);
  ADD ("save-open-round-trip", test_save_open_round_trip);
  ADD ("save-in-background", test_save_in_background);
  ADD ("open-over-cancel", test_open_over_cancel);
  ADD ("pkcs12-password", test_pkcs12_password);
  ADD ("plan-pkcs12-password", test_plan_pkcs12_password);
  ADD ("finding-activation", test_finding_activation);
  ADD ("add-and-delete", test_add_and_delete);
  ADD ("add-menu", test_add_menu);
  ADD ("inspector-badges-and-ids", test_inspector_badges_and_ids);
  ADD ("pane-widths-saved-on-close", test_pane_widths_saved_on_close);
  ADD ("delete-undo", test_delete_undo);
  ADD ("add-computer-undo", test_add_computer_undo);
  ADD ("title-folder", test_title_folder);
  ADD ("copy-markdown-and-names", test_copy_markdown_and_names);
  ADD ("paste-pem", test_paste_pem);
  ADD ("drag-to-assign", test_drag_to_assign);
  ADD ("topology", test_topology);
  ADD ("arrays-and-proxies", test_arrays_and_proxies);
  ADD ("make-array-fix", test_make_array_fix);
  ADD ("unknown-key-bar", test_unknown_key_bar);
  ADD ("required-name-kinds", test_required_name_kinds);
  ADD ("headlines-name-the-subject", test_headlines_name_the_subject);
  ADD ("duplicate-fqdn", test_duplicate_fqdn);
  ADD ("edge-groups", test_edge_groups);
  ADD ("same-host-virtual-servers", test_same_host_virtual_servers);
  ADD ("warnings-not-ready", test_warnings_not_ready);
  ADD ("already-in-plan", test_already_in_plan);
  ADD ("already-in-plan-pkcs12", test_already_in_plan_pkcs12);
  ADD ("hostile-drops", test_hostile_drops);
  ADD ("plan-names-no-file", test_plan_names_no_file);
  ADD ("publish-any-proxy", test_publish_any_proxy);
#undef ADD

  status = g_test_run ();
  {
    g_autofree gchar *recent = g_build_filename (data_home, "recently-used.xbel", NULL);

    g_remove (recent);
    g_rmdir (data_home);
  }
  return status;
}

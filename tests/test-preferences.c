/* test-preferences.c: the public roots of Preferences (the window's --public-ca and --no-system-trust) reach the checklist, under Xvfb. */
#include "config.h"

#include <adwaita.h>
#include <gnutls/x509.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cwa-preferences-window.h"
#include "cwa-test-cert.h"
#include "cwa-test-plan.h"
#include "cwa-test-ui.h"
#include "cwa-trust-page.h"
#include "cwa-window.h"

typedef struct
{
  CwaWindow        *window;
  CwaPlan          *plan;
  CwaChecklist     *checklist;
  CwaTrustSettings *trust;
  GSettings        *settings;
  gchar            *tmpdir;
  CwaTestIssuer    *root;
  /* Borrowed from the plan: issued by root, which the plan lacks. */
  CwaCertificate   *leaf;
  CwaVirtualServer *vs;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  static const gchar * const names[] = { "im.contoso.com", "as.im.contoso.com", "download.im.contoso.com", NULL };
  g_autoptr(GDateTime) now = cwa_test_now ();
  g_autoptr(CwaServer) server = cwa_server_new ("cwaserver.contoso.com");
  g_autoptr(CwaVirtualServer) vs = cwa_virtual_server_new ("https://im.contoso.com", CWA_AUDIENCE_EXTERNAL);
  g_autoptr(CwaCertificate) leaf = NULL;
  CwaTestCertSpec spec;

  /* The memory backend lives as long as the process: each test starts
   * from the defaults. */
  fixture->settings = g_settings_new (APPLICATION_ID);
  g_settings_reset (fixture->settings, "public-ca-files");
  g_settings_reset (fixture->settings, "system-trust");

  fixture->window = g_object_ref_sink (cwa_window_new (NULL));
  fixture->plan = cwa_window_get_plan (fixture->window);
  fixture->checklist = cwa_window_get_checklist (fixture->window);
  fixture->trust = cwa_window_get_trust_settings (fixture->window);
  cwa_checklist_set_now (fixture->checklist, now);
  fixture->tmpdir = g_dir_make_tmp ("cwa-test-preferences-XXXXXX", NULL);

  cwa_test_cert_spec_init (&spec, "CN=Fabrikam Public Root,O=Fabrikam");
  spec.is_ca = TRUE;
  spec.serial = 30;
  fixture->root = cwa_test_issuer_new (&spec);
  cwa_test_cert_spec_init (&spec, "CN=im.contoso.com,O=Contoso");
  spec.dns_names = names;
  spec.issuer = fixture->root;
  spec.serial = 31;
  leaf = cwa_test_cert_build (&spec);
  fixture->leaf = cwa_plan_add_certificate (fixture->plan, leaf);

  cwa_virtual_server_set_ssl_certificate (vs, fixture->leaf);
  cwa_server_add_virtual_server (server, vs);
  cwa_deployment_add_server (cwa_plan_get_deployment (fixture->plan), server);
  fixture->vs = vs;

  gtk_window_present (GTK_WINDOW (fixture->window));
  cwa_test_ui_drain_main_loop ();
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  GList *toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (CWA_IS_PREFERENCES_WINDOW (l->data))
      gtk_window_destroy (l->data);
  g_list_free (toplevels);
  cwa_plan_set_modified (fixture->plan, FALSE);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  cwa_test_ui_drain_main_loop ();
  g_assert_finalize_object (fixture->window);
  cwa_test_issuer_free (fixture->root);
  cwa_test_remove_tree (fixture->tmpdir);
  g_free (fixture->tmpdir);
  g_settings_reset (fixture->settings, "public-ca-files");
  g_settings_reset (fixture->settings, "system-trust");
  g_clear_object (&fixture->settings);
}

/* The status of the first finding of @rule_id, or -1 without one. */
static gint
status_of (CwaChecklist *checklist,
           const gchar  *rule_id)
{
  GListModel *findings = cwa_checklist_get_findings (checklist);

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(CwaFinding) finding = g_list_model_get_item (findings, i);

      if (g_strcmp0 (cwa_finding_get_rule_id (finding), rule_id) == 0)
        return cwa_finding_get_status (finding);
    }
  return -1;
}

/* Runs the main loop until the checklist has run again. */
static void
wait_for_run (Fixture *fixture,
              guint    runs)
{
  CWA_TEST_WAIT_FOR (cwa_checklist_get_n_runs (fixture->checklist) > runs);
}

static GFile *
write_root_bundle (Fixture *fixture)
{
  g_autofree gchar *path = g_build_filename (fixture->tmpdir, "fabrikam-roots.pem", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree gchar *pem = cwa_certificate_dup_pem (cwa_test_issuer_get_certificate (fixture->root));

  g_file_set_contents (path, pem, -1, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

/* A bundle holding the root of the external certificate makes it public:
 * external.public-ca and rp.listener-public-ca pass, and fail again once
 * the bundle is removed. */
static void
test_bundle_makes_public (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GFile) bundle = write_root_bundle (fixture);
  g_autofree gchar *location = g_file_get_path (bundle);
  g_autoptr(CwaReverseProxy) proxy = cwa_reverse_proxy_new ("isa01.perimeter.contoso.com");
  g_autoptr(CwaPublishingRule) rule = cwa_publishing_rule_new ("https://im.contoso.com", "im.contoso.com");
  guint n_roots = cwa_trust_get_n_public_roots (cwa_checklist_get_trust (fixture->checklist));
  CwaTrustBundle *read;
  guint runs;

  g_assert_cmpint (status_of (fixture->checklist, "external.public-ca"), ==, CWA_STATUS_FAIL);

  runs = cwa_checklist_get_n_runs (fixture->checklist);
  g_assert_true (cwa_trust_settings_add_bundle (fixture->trust, bundle));
  g_assert_false (cwa_trust_settings_add_bundle (fixture->trust, bundle));
  wait_for_run (fixture, runs);
  g_assert_cmpint (status_of (fixture->checklist, "external.public-ca"), ==, CWA_STATUS_PASS);
  g_assert_cmpuint (cwa_trust_get_n_public_roots (cwa_checklist_get_trust (fixture->checklist)), ==, n_roots + 1);
  g_assert_cmpuint (cwa_trust_settings_get_bundles (fixture->trust)->len, ==, 1);
  read = g_ptr_array_index (cwa_trust_settings_get_bundles (fixture->trust), 0);
  g_assert_cmpstr (read->location, ==, location);
  g_assert_cmpuint (read->n_ca, ==, 1);
  g_assert_null (read->problem);

  /* The same certificate on a reverse proxy's listener. */
  cwa_publishing_rule_set_listener_certificate (rule, fixture->leaf);
  cwa_reverse_proxy_add_publishing_rule (proxy, rule);
  runs = cwa_checklist_get_n_runs (fixture->checklist);
  cwa_deployment_add_reverse_proxy (cwa_plan_get_deployment (fixture->plan), proxy);
  wait_for_run (fixture, runs);
  g_assert_cmpint (status_of (fixture->checklist, "rp.listener-public-ca"), ==, CWA_STATUS_PASS);

  runs = cwa_checklist_get_n_runs (fixture->checklist);
  cwa_trust_settings_remove_bundle (fixture->trust, location);
  wait_for_run (fixture, runs);
  g_assert_cmpint (status_of (fixture->checklist, "rp.listener-public-ca"), ==, CWA_STATUS_FAIL);
  g_assert_cmpuint (cwa_trust_settings_get_bundles (fixture->trust)->len, ==, 0);
}

/* One root of the system's store, or NULL when it has none. */
static CwaCertificate *
dup_system_root (void)
{
  gnutls_x509_trust_list_t list = NULL;
  gnutls_x509_trust_list_iter_t iter = NULL;
  gnutls_x509_crt_t crt = NULL;
  CwaCertificate *root = NULL;

  g_assert_cmpint (gnutls_x509_trust_list_init (&list, 0), ==, 0);
  if (gnutls_x509_trust_list_add_system_trust (list, 0, 0) > 0 &&
      gnutls_x509_trust_list_iter_get_ca (list, &iter, &crt) >= 0)
    {
      gnutls_datum_t der = { NULL, 0 };
      g_autoptr(GBytes) bytes = NULL;

      g_assert_cmpint (gnutls_x509_crt_export2 (crt, GNUTLS_X509_FMT_DER, &der), ==, 0);
      bytes = g_bytes_new (der.data, der.size);
      gnutls_free (der.data);
      gnutls_x509_crt_deinit (crt);
      root = cwa_certificate_new_from_der (bytes, "system", 0, NULL);
    }
  gnutls_x509_trust_list_iter_deinit (iter);
  gnutls_x509_trust_list_deinit (list, 1);
  return root;
}

/* A system root is public while the system's store is on; switched off,
 * it is only a root the plan holds: external.public-ca fails. */
static void
test_system_trust_off (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(CwaCertificate) system_root = dup_system_root ();
  CwaCertificate *entry;
  guint runs;

  if (system_root == NULL)
    {
      g_test_skip ("The system's trust store holds no root certificate.");
      return;
    }
  g_assert_true (cwa_trust_settings_get_use_system (fixture->trust));
  g_assert_cmpuint (cwa_trust_settings_get_n_system_roots (fixture->trust), >, 0);

  /* What external browsers are shown is the root itself: odd, but public. */
  entry = cwa_plan_add_certificate (fixture->plan, system_root);
  runs = cwa_checklist_get_n_runs (fixture->checklist);
  cwa_virtual_server_set_ssl_certificate (fixture->vs, entry);
  wait_for_run (fixture, runs);
  g_assert_cmpint (status_of (fixture->checklist, "external.public-ca"), ==, CWA_STATUS_PASS);

  runs = cwa_checklist_get_n_runs (fixture->checklist);
  cwa_trust_settings_set_use_system (fixture->trust, FALSE);
  wait_for_run (fixture, runs);
  g_assert_false (g_settings_get_boolean (fixture->settings, "system-trust"));
  g_assert_cmpuint (cwa_trust_get_n_public_roots (cwa_checklist_get_trust (fixture->checklist)), ==, 0);
  g_assert_cmpint (status_of (fixture->checklist, "external.public-ca"), ==, CWA_STATUS_FAIL);
}

/* The row titled @title below @widget, or NULL. */
static AdwActionRow *
find_row (GtkWidget   *widget,
          const gchar *title)
{
  g_autoptr(GPtrArray) rows = cwa_test_ui_find_all (widget, ADW_TYPE_ACTION_ROW);

  for (guint i = 0; i < rows->len; i++)
    if (gtk_widget_get_visible (g_ptr_array_index (rows, i)) &&
        g_strcmp0 (adw_preferences_row_get_title (g_ptr_array_index (rows, i)), title) == 0)
      return g_ptr_array_index (rows, i);
  return NULL;
}

/* The first widget of @type below @widget, or NULL. */
static gpointer
find_first (gpointer widget,
            GType    type)
{
  g_autoptr(GPtrArray) found = cwa_test_ui_find_all (widget, type);

  return found->len > 0 ? g_ptr_array_index (found, 0) : NULL;
}

/* The Preferences window of the window's public roots: each bundle
 * with its path and CA count, an unreadable one with why; the switch
 * turns the system's store off for the window's checklist. */
static void
test_preferences_page (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GFile) bundle = write_root_bundle (fixture);
  g_autofree gchar *good = g_file_get_path (bundle);
  g_autofree gchar *missing = g_build_filename (fixture->tmpdir, "missing.pem", NULL);
  g_autofree gchar *garbage = g_build_filename (fixture->tmpdir, "notes.pem", NULL);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  g_autoptr(GFile) garbage_file = g_file_new_for_path (garbage);
  GtkWidget *preferences;
  CwaTrustPage *page;
  AdwActionRow *row;
  GtkSwitch *system_switch;
  GtkWidget *remove;
  g_auto(GStrv) stored = NULL;
  guint runs;

  g_assert_true (g_file_set_contents (garbage, "not a certificate\n", -1, NULL));
  cwa_trust_settings_add_bundle (fixture->trust, bundle);
  cwa_trust_settings_add_bundle (fixture->trust, missing_file);
  cwa_trust_settings_add_bundle (fixture->trust, garbage_file);

  preferences = cwa_preferences_window_new (fixture->plan, fixture->trust);
  gtk_window_set_transient_for (GTK_WINDOW (preferences), GTK_WINDOW (fixture->window));
  gtk_window_present (GTK_WINDOW (preferences));
  page = find_first (preferences, CWA_TYPE_TRUST_PAGE);
  g_assert_nonnull (page);
  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (preferences), ADW_PREFERENCES_PAGE (page));
  cwa_test_ui_wait_frames (preferences, 2);
  cwa_test_ui_maybe_screenshot (preferences, "preferences-public-roots");

  row = find_row (GTK_WIDGET (page), good);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "1 CA certificate");
  row = find_row (GTK_WIDGET (page), missing);
  g_assert_nonnull (row);
  g_test_message ("missing: %s", adw_action_row_get_subtitle (row));
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (row), "The file does not exist"));
  row = find_row (GTK_WIDGET (page), garbage);
  g_assert_nonnull (row);
  g_test_message ("garbage: %s", adw_action_row_get_subtitle (row));
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (row), "The file holds no certificate"));
  g_assert_cmpstr (adw_action_row_get_subtitle (row), !=, adw_action_row_get_subtitle (find_row (GTK_WIDGET (page), missing)));

  /* The switch: only the bundle's root is public now. */
  system_switch = cwa_test_ui_child (page, CWA_TYPE_TRUST_PAGE, "system_switch");
  g_assert_true (gtk_switch_get_active (system_switch));
  runs = cwa_checklist_get_n_runs (fixture->checklist);
  gtk_switch_set_active (system_switch, FALSE);
  wait_for_run (fixture, runs);
  g_assert_false (g_settings_get_boolean (fixture->settings, "system-trust"));
  g_assert_cmpuint (cwa_trust_get_n_public_roots (cwa_checklist_get_trust (fixture->checklist)), ==, 1);
  g_assert_cmpint (status_of (fixture->checklist, "external.public-ca"), ==, CWA_STATUS_PASS);

  /* Removing the missing file's row, with its own button. */
  row = find_row (GTK_WIDGET (page), missing);
  remove = find_first (row, GTK_TYPE_BUTTON);
  g_assert_nonnull (remove);
  g_signal_emit_by_name (remove, "clicked");
  cwa_test_ui_drain_main_loop ();
  g_assert_null (find_row (GTK_WIDGET (page), missing));
  g_assert_nonnull (find_row (GTK_WIDGET (page), good));
  stored = g_settings_get_strv (fixture->settings, "public-ca-files");
  g_assert_cmpuint (g_strv_length (stored), ==, 2);
  g_assert_cmpstr (stored[0], ==, good);
  g_assert_cmpstr (stored[1], ==, garbage);

  gtk_window_destroy (GTK_WINDOW (preferences));
  cwa_test_ui_drain_main_loop ();
}

int
main (int   argc,
      char *argv[])
{
  g_autofree gchar *data_home = g_dir_make_tmp ("cwa-test-preferences-data-XXXXXX", NULL);
  int status;

  if (!cwa_test_ui_init (&argc, &argv, data_home))
    return g_test_run ();

#define ADD(path, func) \
  g_test_add ("/cwa/ui/preferences/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("bundle-makes-public", test_bundle_makes_public);
  ADD ("system-trust-off", test_system_trust_off);
  ADD ("preferences-page", test_preferences_page);
#undef ADD

  status = g_test_run ();
  g_rmdir (data_home);
  return status;
}

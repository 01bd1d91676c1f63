/* test-plan-file.c: `.cwaplan` load and save: round trips, every refusal with its exact message, atomic saves. */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "cwa-plan-file.h"
#include "cwa-test-cert.h"

#define PFX_PASSWORD "Contoso!2026"

typedef struct
{
  gchar          *dir;       /* a fresh temporary folder, also the cwd */
  gchar          *old_cwd;
  CwaTestIssuer  *ca;
  CwaCertificate *leaf;      /* im.contoso.com, issued by ca */
  CwaCertificate *server;    /* cwaserver.contoso.com, self-signed */
} Fixture;

static const gchar * const leaf_names[] = {
  "im.contoso.com", "as.im.contoso.com", "download.im.contoso.com", "cwaserver.contoso.com", NULL
};

static gchar *
fixture_path (Fixture     *f,
              const gchar *relative)
{
  return g_build_filename (f->dir, relative, NULL);
}

static void
write_text (Fixture     *f,
            const gchar *relative,
            const gchar *contents,
            gssize       length)
{
  g_autofree gchar *path = fixture_path (f, relative);
  g_autofree gchar *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

static gchar *
read_text (Fixture     *f,
           const gchar *relative)
{
  g_autofree gchar *path = fixture_path (f, relative);
  g_autoptr(GError) error = NULL;
  gchar *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CwaTestCertSpec spec;
  g_autofree gchar *leaf_pem = NULL;
  g_autofree gchar *ca_pem = NULL;
  g_autofree gchar *chain = NULL;
  g_autofree gchar *server_pem = NULL;
  GBytes *ca_der;

  f->dir = g_dir_make_tmp ("cwa-plan-file-XXXXXX", &error);
  g_assert_no_error (error);
  f->old_cwd = g_get_current_dir ();
  /* Messages name the plan relative to the current folder. */
  g_assert_cmpint (g_chdir (f->dir), ==, 0);

  cwa_test_cert_spec_init (&spec, "CN=Contoso Issuing CA,O=Contoso");
  spec.is_ca = TRUE;
  spec.serial = 100;
  f->ca = cwa_test_issuer_new (&spec);

  cwa_test_cert_spec_init (&spec, "CN=im.contoso.com,O=Contoso");
  spec.dns_names = leaf_names;
  spec.serial = 101;
  spec.issuer = f->ca;
  leaf_pem = cwa_test_cert_build_pem (&spec);
  f->leaf = cwa_test_cert_build (&spec);

  cwa_test_cert_spec_init (&spec, "CN=cwaserver.contoso.com");
  spec.serial = 102;
  server_pem = cwa_test_cert_build_pem (&spec);
  f->server = cwa_test_cert_build (&spec);

  ca_der = cwa_test_issuer_get_der (f->ca);
  ca_pem = cwa_certificate_dup_pem (cwa_test_issuer_get_certificate (f->ca));
  chain = g_strconcat (leaf_pem, ca_pem, NULL);

  /* The leaf with its CA in one file, the CA alone as DER, and the
   * server certificate for `pem` entries. */
  write_text (f, "certs/im-contoso.pem", chain, -1);
  write_text (f, "certs/root.cer", g_bytes_get_data (ca_der, NULL), (gssize) g_bytes_get_size (ca_der));
  write_text (f, "certs/server.pem", server_pem, -1);
  write_text (f, "certs/notes.txt", "these are not the certificates you are looking for\n", -1);
}

static void
remove_tree (const gchar *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const gchar *name;

      g_chmod (path, 0755);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree gchar *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
    }

  g_remove (path);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_cmpint (g_chdir (f->old_cwd), ==, 0);
  remove_tree (f->dir);
  g_clear_pointer (&f->dir, g_free);
  g_clear_pointer (&f->old_cwd, g_free);
  g_assert_finalize_object (f->leaf);
  g_assert_finalize_object (f->server);
  g_clear_pointer (&f->ca, cwa_test_issuer_free);
}

static CwaPlan *
load (Fixture      *f,
      const gchar  *relative,
      const gchar  *password,
      GError      **error)
{
  g_autofree gchar *path = fixture_path (f, relative);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return cwa_plan_file_load (file, password, NULL, error);
}

/* Writes @text as plan.cwaplan and loads it. */
static CwaPlan *
load_text (Fixture      *f,
           const gchar  *text,
           GError      **error)
{
  write_text (f, "plan.cwaplan", text, -1);
  return load (f, "plan.cwaplan", NULL, error);
}

static gboolean
save (Fixture      *f,
      CwaPlan      *plan,
      const gchar  *relative,
      GError      **error)
{
  g_autofree gchar *path = fixture_path (f, relative);
  g_autofree gchar *dir = g_path_get_dirname (path);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_mkdir_with_parents (dir, 0755);
  return cwa_plan_file_save (plan, file, NULL, error);
}

static const gchar full_plan[] =
  "{\n"
  "  \"format\": \"cwa-cert-plan\",\n"
  "  \"version\": 1,\n"
  "  \"name\": \"Contoso CWA\",\n"
  "  \"settings\": { \"expiry_warning_days\": 45 },\n"
  "  \"servers\": [\n"
  "    {\n"
  "      \"fqdn\": \"CWAServer.contoso.com\",\n"
  "      \"mtls_certificate\": \"cwaserver\",\n"
  "      \"virtual_servers\": [\n"
  "        {\n"
  "          \"url\": \"https://im.contoso.com\",\n"
  "          \"audience\": \"external\",\n"
  "          \"listen\": \"10.0.0.5:443\",\n"
  "          \"as_url\": \"as.im.contoso.com\",\n"
  "          \"download_url\": \"https://download.im.contoso.com\",\n"
  "          \"ssl_certificate\": \"im-contoso\"\n"
  "        },\n"
  "        { \"url\": \"http://intranet-im.contoso.com\", \"audience\": \"internal\", \"ssl_certificate\": null }\n"
  "      ]\n"
  "    }\n"
  "  ],\n"
  "  \"certificates\": [\n"
  "    { \"id\": \"im-contoso\", \"file\": \"certs/im-contoso.pem\" },\n"
  "    { \"id\": \"contoso-root\", \"file\": \"certs/root.cer\" },\n"
  "    { \"id\": \"cwaserver\", \"pem\": \"%s\" }\n"
  "  ]\n"
  "}\n";

static gchar *
pem_as_json (CwaCertificate *certificate)
{
  g_autofree gchar *pem = cwa_certificate_dup_pem (certificate);
  g_auto(GStrv) lines = g_strsplit (pem, "\n", -1);

  return g_strjoinv ("\\n", lines);
}

static gchar *
make_full_plan (Fixture *f)
{
  g_autofree gchar *pem = pem_as_json (f->server);

  return g_strdup_printf (full_plan, pem);
}

static void
test_load (Fixture       *f,
           gconstpointer  data)
{
  g_autofree gchar *text = make_full_plan (f);
  g_autoptr(GError) error = NULL;
  CwaPlan *plan = load_text (f, text, &error);
  CwaDeployment *deployment;
  g_autoptr(CwaServer) server = NULL;
  g_autoptr(CwaVirtualServer) vs = NULL;
  g_autoptr(CwaVirtualServer) internal = NULL;
  g_autoptr(CwaCertificate) first = NULL;
  g_autofree gchar *expected_file = fixture_path (f, "plan.cwaplan");
  g_autofree gchar *loaded_file = NULL;
  CwaCertificate *im, *root, *cwaserver;

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  g_assert_false (cwa_plan_get_modified (plan));
  loaded_file = g_file_get_path (cwa_plan_get_file (plan));
  g_assert_cmpstr (loaded_file, ==, expected_file);
  g_assert_cmpstr (cwa_plan_get_name (plan), ==, "Contoso CWA");
  g_assert_cmpuint (cwa_plan_get_expiry_warning_days (plan), ==, 45);

  g_assert_cmpuint (g_list_model_get_n_items (cwa_plan_get_certificates (plan)), ==, 3);
  first = g_list_model_get_item (cwa_plan_get_certificates (plan), 0);
  im = cwa_plan_lookup_certificate (plan, "im-contoso");
  root = cwa_plan_lookup_certificate (plan, "contoso-root");
  cwaserver = cwa_plan_lookup_certificate (plan, "cwaserver");
  g_assert_true (first == im);
  g_assert_true (cwa_certificate_equal (im, f->leaf));
  g_assert_true (cwa_certificate_equal (root, cwa_test_issuer_get_certificate (f->ca)));
  g_assert_true (cwa_certificate_equal (cwaserver, f->server));
  /* Reports name the file as the plan wrote it. */
  g_assert_cmpstr (cwa_certificate_get_source (im), ==, "certs/im-contoso.pem");

  /* The CA that came along in im-contoso.pem is a chain certificate. */
  g_assert_cmpuint (g_list_model_get_n_items (cwa_plan_get_chain_certificates (plan)), ==, 1);

  deployment = cwa_plan_get_deployment (plan);
  g_assert_cmpuint (g_list_model_get_n_items (cwa_deployment_get_servers (deployment)), ==, 1);
  server = g_list_model_get_item (cwa_deployment_get_servers (deployment), 0);
  g_assert_cmpstr (cwa_server_get_fqdn (server), ==, "CWAServer.contoso.com");
  g_assert_true (cwa_server_get_mtls_certificate (server) == cwaserver);

  vs = g_list_model_get_item (cwa_server_get_virtual_servers (server), 0);
  g_assert_cmpstr (cwa_virtual_server_get_host (vs), ==, "im.contoso.com");
  g_assert_cmpint (cwa_virtual_server_get_audience (vs), ==, CWA_AUDIENCE_EXTERNAL);
  g_assert_cmpstr (cwa_virtual_server_get_listen (vs), ==, "10.0.0.5:443");
  g_assert_cmpstr (cwa_virtual_server_get_as_url (vs), ==, "as.im.contoso.com");
  g_assert_cmpstr (cwa_virtual_server_get_download_url (vs), ==, "https://download.im.contoso.com");
  g_assert_true (cwa_virtual_server_get_ssl_certificate (vs) == im);
  g_assert_true (cwa_virtual_server_get_server (vs) == server);

  internal = g_list_model_get_item (cwa_server_get_virtual_servers (server), 1);
  g_assert_false (cwa_virtual_server_is_https (internal));
  g_assert_null (cwa_virtual_server_get_ssl_certificate (internal));
  g_assert_null (cwa_virtual_server_get_listen (internal));

  g_clear_object (&server);
  g_clear_object (&vs);
  g_clear_object (&internal);
  g_clear_object (&first);
  g_assert_finalize_object (plan);
}

static const gchar unknown_keys_plan[] =
  "{\n"
  "  \"x_root_first\": {\"nested\": [1, 2.5, true, null, \"text\"]},\n"
  "  \"format\": \"cwa-cert-plan\",\n"
  "  \"version\": 1,\n"
  "  \"settings\": {\"x_theme\": \"dark\", \"expiry_warning_days\": 10},\n"
  "  \"servers\": [{\"x_rack\": 4, \"fqdn\": \"cwaserver.contoso.com\", \"mtls_certificate\": \"im-contoso\",\n"
  "    \"virtual_servers\": [{\"url\": \"im.contoso.com\", \"audience\": \"internal\",\n"
  "      \"ssl_certificate\": \"im-contoso\", \"x_note\": \"line one\\nline \\\"two\\\" \\u00e9\"}]}],\n"
  "  \"certificates\": [\n"
  "    {\"id\": \"im-contoso\", \"x_owner\": \"pki-team\", \"file\": \"certs/im-contoso.pem\", \"sha256\": \"%s\"}\n"
  "  ],\n"
  "  \"x_root_last\": 1e3,\n"
  "  \"x_empty\": {}\n"
  "}\n";

/* What the save of unknown_keys_plan must look like, byte for byte. */
static const gchar unknown_keys_saved[] =
  "{\n"
  "  \"format\": \"cwa-cert-plan\",\n"
  "  \"version\": 1,\n"
  "  \"settings\": {\n"
  "    \"expiry_warning_days\": 10,\n"
  "    \"x_theme\": \"dark\"\n"
  "  },\n"
  "  \"servers\": [\n"
  "    {\n"
  "      \"fqdn\": \"cwaserver.contoso.com\",\n"
  "      \"mtls_certificate\": \"im-contoso\",\n"
  "      \"virtual_servers\": [\n"
  "        {\n"
  "          \"url\": \"im.contoso.com\",\n"
  "          \"audience\": \"internal\",\n"
  "          \"ssl_certificate\": \"im-contoso\",\n"
  "          \"x_note\": \"line one\\nline \\\"two\\\" \xc3\xa9\"\n"
  "        }\n"
  "      ],\n"
  "      \"x_rack\": 4\n"
  "    }\n"
  "  ],\n"
  "  \"certificates\": [\n"
  "    {\n"
  "      \"id\": \"im-contoso\",\n"
  "      \"file\": \"certs/im-contoso.pem\",\n"
  "      \"sha256\": \"%s\",\n"
  "      \"x_owner\": \"pki-team\"\n"
  "    }\n"
  "  ],\n"
  "  \"x_root_first\": {\n"
  "    \"nested\": [\n"
  "      1,\n"
  "      2.5,\n"
  "      true,\n"
  "      null,\n"
  "      \"text\"\n"
  "    ]\n"
  "  },\n"
  "  \"x_root_last\": 1000.0,\n"
  "  \"x_empty\": {}\n"
  "}\n";

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree gchar *pin = g_ascii_strdown (cwa_certificate_get_sha256 (f->leaf), -1);
  g_autofree gchar *text = g_strdup_printf (unknown_keys_plan, pin);
  g_autofree gchar *expected = g_strdup_printf (unknown_keys_saved, pin);
  g_autoptr(GError) error = NULL;
  g_autofree gchar *first = NULL;
  g_autofree gchar *second = NULL;
  CwaPlan *plan;
  CwaPlan *again;

  plan = load_text (f, text, &error);
  g_assert_no_error (error);

  cwa_plan_set_modified (plan, TRUE);
  g_assert_true (save (f, plan, "first.cwaplan", &error));
  g_assert_no_error (error);
  g_assert_false (cwa_plan_get_modified (plan));
  first = read_text (f, "first.cwaplan");
  g_assert_cmpstr (first, ==, expected);

  again = load (f, "first.cwaplan", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (save (f, again, "second.cwaplan", &error));
  second = read_text (f, "second.cwaplan");
  g_assert_cmpstr (second, ==, first);

  g_assert_finalize_object (plan);
  g_assert_finalize_object (again);
}

/* Version 2 keys in a plan that says version 1: read as version 2. */
static const gchar version2_plan[] =
  "{ \"format\": \"cwa-cert-plan\", \"version\": 1,\n"
  "  \"servers\": [ { \"fqdn\": \"cwa01.contoso.com\" }, { \"fqdn\": \"cwa02.contoso.com\" } ],\n"
  "  \"load_balancers\": [ { \"x_model\": \"BIG-IP\", \"fqdn\": \"im.contoso.com\", \"vip\": \"2001:db8::50\",\n"
  "    \"members\": [\"cwa01.contoso.com\", \"cwa02.contoso.com\"], \"ssl_offload\": true,\n"
  "    \"ssl_certificate\": \"contoso-root\" } ],\n"
  "  \"reverse_proxies\": [ { \"fqdn\": \"isa01.perimeter.contoso.com\", \"product\": \"ISA Server 2006\",\n"
  "    \"trusted_certificates\": [\"contoso-root\"], \"x_site\": 2,\n"
  "    \"publishing_rules\": [ { \"published_url\": \"https://im.contoso.com\", \"listen\": \"203.0.113.10:443\",\n"
  "      \"listener_certificate\": \"contoso-root\", \"virtual_server\": \"im.contoso.com\",\n"
  "      \"internal_host\": \"im.contoso.local\", \"internal_address\": \"10.0.0.50\",\n"
  "      \"as_url\": \"as.im.contoso.com\", \"download_url\": \"download.im.contoso.com\", \"x_rule\": [1] } ] } ],\n"
  "  \"certificates\": [ { \"id\": \"contoso-root\", \"file\": \"certs/root.cer\" } ]\n"
  "}\n";

static void
check_version2_model (CwaPlan *plan)
{
  CwaDeployment *deployment = cwa_plan_get_deployment (plan);
  CwaCertificate *root = cwa_plan_lookup_certificate (plan, "contoso-root");
  g_autoptr(CwaLoadBalancer) lb = g_list_model_get_item (cwa_deployment_get_load_balancers (deployment), 0);
  g_autoptr(CwaReverseProxy) proxy = g_list_model_get_item (cwa_deployment_get_reverse_proxies (deployment), 0);
  g_autoptr(CwaPublishingRule) rule = NULL;
  g_autoptr(CwaCertificate) trusted = NULL;

  g_assert_nonnull (root);
  g_assert_cmpstr (cwa_load_balancer_get_vip (lb), ==, "2001:db8::50");
  g_assert_cmpstrv (cwa_load_balancer_get_members (lb),
                    ((const gchar *[]) { "cwa01.contoso.com", "cwa02.contoso.com", NULL }));
  g_assert_true (cwa_load_balancer_get_ssl_offload (lb));
  g_assert_true (cwa_load_balancer_get_ssl_certificate (lb) == root);

  g_assert_cmpstr (cwa_reverse_proxy_get_product (proxy), ==, "ISA Server 2006");
  trusted = g_list_model_get_item (cwa_reverse_proxy_get_trusted_certificates (proxy), 0);
  g_assert_true (trusted == root);
  rule = g_list_model_get_item (cwa_reverse_proxy_get_publishing_rules (proxy), 0);
  g_assert_cmpstr (cwa_publishing_rule_get_listen (rule), ==, "203.0.113.10:443");
  g_assert_true (cwa_publishing_rule_get_listener_certificate (rule) == root);
  g_assert_cmpstr (cwa_publishing_rule_get_internal_host (rule), ==, "im.contoso.local");
  g_assert_cmpstr (cwa_publishing_rule_get_internal_address (rule), ==, "10.0.0.50");
  g_assert_cmpstr (cwa_publishing_rule_get_download_url (rule), ==, "download.im.contoso.com");
}

static void
test_round_trip_version2 (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree gchar *first = NULL;
  g_autofree gchar *second = NULL;
  CwaPlan *plan = load_text (f, version2_plan, &error);
  CwaPlan *again;

  g_assert_no_error (error);
  check_version2_model (plan);
  g_assert_true (save (f, plan, "first.cwaplan", &error));
  first = read_text (f, "first.cwaplan");
  g_assert_nonnull (strstr (first, "  \"version\": 2,\n"));
  g_assert_nonnull (strstr (first, "      \"fqdn\": \"im.contoso.com\",\n"
                                   "      \"vip\": \"2001:db8::50\",\n"));
  g_assert_nonnull (strstr (first, "      \"ssl_certificate\": \"contoso-root\",\n"
                                   "      \"x_model\": \"BIG-IP\"\n"));
  g_assert_nonnull (strstr (first, "\"x_site\": 2"));
  g_assert_nonnull (strstr (first, "\"x_rule\": [\n"));

  again = load (f, "first.cwaplan", NULL, &error);
  g_assert_no_error (error);
  check_version2_model (again);
  g_assert_true (save (f, again, "second.cwaplan", &error));
  second = read_text (f, "second.cwaplan");
  g_assert_cmpstr (second, ==, first);

  g_assert_finalize_object (plan);
  g_assert_finalize_object (again);
}

/* A load balancer made in the model is saved; without one the plan is
 * version 1 again. */
static void
test_version_follows_lists (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwaPlan) plan = cwa_plan_new ();
  g_autoptr(CwaLoadBalancer) lb = cwa_load_balancer_new ("im.contoso.com");
  CwaDeployment *deployment = cwa_plan_get_deployment (plan);
  g_autoptr(GBytes) with = NULL;
  g_autoptr(GBytes) without = NULL;

  cwa_load_balancer_add_member (lb, "cwa01.contoso.com");
  cwa_deployment_add_load_balancer (deployment, lb);
  with = cwa_plan_file_serialize (plan, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (with, NULL), (gssize) g_bytes_get_size (with),
                                  "  \"version\": 2,\n"));
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (with, NULL), (gssize) g_bytes_get_size (with),
                                  "  \"load_balancers\": [\n    {\n      \"fqdn\": \"im.contoso.com\",\n"
                                  "      \"members\": [\n        \"cwa01.contoso.com\"\n      ],\n"
                                  "      \"ssl_offload\": false,\n      \"ssl_certificate\": null\n"));

  cwa_deployment_remove_load_balancer (deployment, lb);
  without = cwa_plan_file_serialize (plan, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (without, NULL), (gssize) g_bytes_get_size (without),
                                  "  \"version\": 1,\n"));
  g_assert_null (g_strstr_len (g_bytes_get_data (without, NULL), (gssize) g_bytes_get_size (without),
                               "load_balancers"));
}

static void
test_round_trip_full (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree gchar *text = make_full_plan (f);
  g_autoptr(GError) error = NULL;
  g_autofree gchar *first = NULL;
  g_autofree gchar *second = NULL;
  g_autoptr(GBytes) serialized = NULL;
  CwaPlan *plan = load_text (f, text, &error);
  CwaPlan *again;

  g_assert_no_error (error);
  g_assert_true (save (f, plan, "plan.cwaplan", &error));
  first = read_text (f, "plan.cwaplan");

  /* `file` entries stay files, `pem` entries stay pem, null stays null. */
  g_assert_nonnull (strstr (first, "      \"fqdn\": \"CWAServer.contoso.com\",\n"
                                   "      \"mtls_certificate\": \"cwaserver\",\n"));
  g_assert_nonnull (strstr (first, "\"file\": \"certs/root.cer\""));
  g_assert_nonnull (strstr (first, "\"id\": \"cwaserver\",\n      \"pem\": \"-----BEGIN CERTIFICATE-----\\n"));
  g_assert_nonnull (strstr (first, "\"ssl_certificate\": null"));
  g_assert_true (g_str_has_suffix (first, "}\n"));

  again = load (f, "plan.cwaplan", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (save (f, again, "plan.cwaplan", &error));
  second = read_text (f, "plan.cwaplan");
  g_assert_cmpstr (second, ==, first);

  serialized = cwa_plan_file_serialize (again, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (serialized, NULL), g_bytes_get_size (serialized),
                   second, strlen (second));

  g_assert_finalize_object (plan);
  g_assert_finalize_object (again);
}

typedef struct
{
  const gchar *name;
  gint         code;
  const gchar *text;
  const gchar *message;
} InvalidCase;

#define HEAD "{\n  \"format\": \"cwa-cert-plan\",\n  \"version\": 1,\n"

static const InvalidCase invalid_cases[] = {
  { "audience", CWA_PLAN_ERROR_INVALID,
    HEAD
    "  \"servers\": [\n"
    "    {\n"
    "      \"fqdn\": \"cwaserver.contoso.com\",\n"
    "      \"virtual_servers\": [\n"
    "        { \"url\": \"https://im.contoso.com\", \"audience\": \"internal\" },\n"
    "        { \"url\": \"https://im2.contoso.com\",\n"
    "          \"audience\": \"dmz\" }\n"
    "      ]\n"
    "    }\n"
    "  ]\n"
    "}\n",
    "plan.cwaplan:10:23: servers[0].virtual_servers[1].audience must be \"internal\" or \"external\", found \"dmz\"" },
  { "audience-missing", CWA_PLAN_ERROR_INVALID,
    HEAD
    "  \"servers\": [ { \"fqdn\": \"cwaserver.contoso.com\",\n"
    "    \"virtual_servers\": [ { \"url\": \"https://im.contoso.com\" } ] } ]\n"
    "}\n",
    "plan.cwaplan:5:26: servers[0].virtual_servers[0].audience is missing; it must be \"internal\" or \"external\"" },
  { "audience-type", CWA_PLAN_ERROR_INVALID,
    HEAD
    "  \"servers\": [ { \"fqdn\": \"cwaserver.contoso.com\",\n"
    "    \"virtual_servers\": [ { \"url\": \"https://im.contoso.com\", \"audience\": 2 } ] } ]\n"
    "}\n",
    "plan.cwaplan:5:73: servers[0].virtual_servers[0].audience must be \"internal\" or \"external\", found 2" },
  { "url", CWA_PLAN_ERROR_INVALID,
    HEAD
    "  \"servers\": [ { \"fqdn\": \"cwaserver.contoso.com\",\n"
    "    \"virtual_servers\": [ { \"url\": \"ftp://im.contoso.com/cwa\", \"audience\": \"external\" } ] } ]\n"
    "}\n",
    "plan.cwaplan:5:35: servers[0].virtual_servers[0].url must be https://host[:port][/], http://host[:port][/] "
    "or a bare host name, such as \"https://im.contoso.com\", found \"ftp://im.contoso.com/cwa\"" },
  { "url-missing", CWA_PLAN_ERROR_INVALID,
    HEAD
    "  \"servers\": [ { \"fqdn\": \"cwaserver.contoso.com\",\n"
    "    \"virtual_servers\": [ { \"audience\": \"external\" } ] } ]\n"
    "}\n",
    "plan.cwaplan:5:26: servers[0].virtual_servers[0].url is missing; it must be https://host[:port][/], "
    "http://host[:port][/] or a bare host name, such as \"https://im.contoso.com\"" },
  { "fqdn", CWA_PLAN_ERROR_INVALID,
    HEAD
    "  \"servers\": [ { \"fqdn\": \"cwa server.contoso.com\" } ]\n"
    "}\n",
    "plan.cwaplan:4:26: servers[0].fqdn must be a fully qualified domain name such as "
    "\"cwaserver.contoso.com\", found \"cwa server.contoso.com\"" },
  { "fqdn-missing", CWA_PLAN_ERROR_INVALID,
    HEAD
    "  \"servers\": [\n"
    "    { \"virtual_servers\": [] }\n"
    "  ]\n"
    "}\n",
    "plan.cwaplan:5:5: servers[0].fqdn is missing; it must be a fully qualified domain name such as "
    "\"cwaserver.contoso.com\"" },
  { "listen", CWA_PLAN_ERROR_INVALID,
    HEAD
    "  \"servers\": [ { \"fqdn\": \"cwaserver.contoso.com\", \"virtual_servers\": [\n"
    "    { \"url\": \"im.contoso.com\", \"audience\": \"internal\", \"listen\": \"*:https\" } ] } ]\n"
    "}\n",
    "plan.cwaplan:5:66: servers[0].virtual_servers[0].listen must be address:port, such as \"*:443\" "
    "or \"10.0.0.5:443\", found \"*:https\"" },
  { "as-url", CWA_PLAN_ERROR_INVALID,
    HEAD
    "  \"servers\": [ { \"fqdn\": \"cwaserver.contoso.com\", \"virtual_servers\": [\n"
    "    { \"url\": \"im.contoso.com\", \"audience\": \"internal\", \"as_url\": \"https://as.im.contoso.com/as\" } ] } ]\n"
    "}\n",
    "plan.cwaplan:5:66: servers[0].virtual_servers[0].as_url must be a host name or https://host[:port], "
    "such as \"as.im.contoso.com\", found \"https://as.im.contoso.com/as\"" },
  { "download-url", CWA_PLAN_ERROR_INVALID,
    HEAD
    "  \"servers\": [ { \"fqdn\": \"cwaserver.contoso.com\", \"virtual_servers\": [\n"
    "    { \"url\": \"im.contoso.com\", \"audience\": \"internal\", \"download_url\": false } ] } ]\n"
    "}\n",
    "plan.cwaplan:5:72: servers[0].virtual_servers[0].download_url must be a host name or https://host[:port], "
    "such as \"as.im.contoso.com\", found false" },
  { "version-zero", CWA_PLAN_ERROR_INVALID,
    "{\n  \"format\": \"cwa-cert-plan\",\n  \"version\": 0\n}\n",
    "plan.cwaplan:3:14: version must be 1 or 2, found 0" },
  { "version-string", CWA_PLAN_ERROR_INVALID,
    "{\n  \"format\": \"cwa-cert-plan\",\n  \"version\": \"1\"\n}\n",
    "plan.cwaplan:3:14: version must be 1 or 2, found \"1\"" },
  { "version-missing", CWA_PLAN_ERROR_INVALID,
    "{\n  \"format\": \"cwa-cert-plan\"\n}\n",
    "plan.cwaplan:1:1: version is missing; it must be 1 or 2" },
  { "format", CWA_PLAN_ERROR_INVALID,
    "{ \"format\": \"cwa-plan\", \"version\": 1 }\n",
    "plan.cwaplan:1:13: format must be \"cwa-cert-plan\", found \"cwa-plan\"; this file is not a CWA Cert Planner plan" },
  { "format-missing", CWA_PLAN_ERROR_INVALID,
    "{ \"version\": 1, \"servers\": [] }\n",
    "plan.cwaplan:1:1: format is missing; this file is not a CWA Cert Planner plan "
    "(a plan starts with \"format\": \"cwa-cert-plan\")" },
  { "not-object", CWA_PLAN_ERROR_INVALID,
    "\n  [ \"cwa-cert-plan\", 1 ]\n",
    "plan.cwaplan:2:3: this file is not a CWA Cert Planner plan: a plan is a JSON object, found a list" },
  { "name", CWA_PLAN_ERROR_INVALID,
    HEAD "  \"name\": [\"Contoso\"]\n}\n",
    "plan.cwaplan:4:11: name must be a string, found a list" },
  { "expiry-negative", CWA_PLAN_ERROR_INVALID,
    HEAD "  \"settings\": { \"expiry_warning_days\": -1 }\n}\n",
    "plan.cwaplan:4:40: settings.expiry_warning_days must be a whole number of days, 0 or more, found -1" },
  { "expiry-fraction", CWA_PLAN_ERROR_INVALID,
    HEAD "  \"settings\": { \"expiry_warning_days\": 7.5 }\n}\n",
    "plan.cwaplan:4:40: settings.expiry_warning_days must be a whole number of days, 0 or more, found 7.5" },
  { "settings-type", CWA_PLAN_ERROR_INVALID,
    HEAD "  \"settings\": 30\n}\n",
    "plan.cwaplan:4:15: settings must be an object such as {\"expiry_warning_days\": 30}, found 30" },
  { "servers-type", CWA_PLAN_ERROR_INVALID,
    HEAD "  \"servers\": { \"fqdn\": \"cwaserver.contoso.com\" }\n}\n",
    "plan.cwaplan:4:14: servers must be a list (a JSON array), found an object" },
  { "server-type", CWA_PLAN_ERROR_INVALID,
    HEAD "  \"servers\": [ \"cwaserver.contoso.com\" ]\n}\n",
    "plan.cwaplan:4:16: servers[0] must be an object, found \"cwaserver.contoso.com\"" },
  { "certificate-id-missing", CWA_PLAN_ERROR_INVALID,
    HEAD "  \"certificates\": [\n    { \"file\": \"certs/root.cer\" }\n  ]\n}\n",
    "plan.cwaplan:5:5: certificates[0].id is missing; it must be a non-empty string naming the certificate" },
  { "certificate-id-duplicate", CWA_PLAN_ERROR_INVALID,
    HEAD "  \"certificates\": [\n"
    "    { \"id\": \"root\", \"file\": \"certs/root.cer\" },\n"
    "    { \"id\": \"root\", \"file\": \"certs/im-contoso.pem\" }\n"
    "  ]\n}\n",
    "plan.cwaplan:6:13: certificates[1].id \"root\" is already the id of certificates[0]; give each certificate its own id" },
  { "certificate-file-and-pem", CWA_PLAN_ERROR_INVALID,
    HEAD "  \"certificates\": [\n"
    "    { \"id\": \"root\", \"file\": \"certs/root.cer\", \"pem\": \"-----BEGIN CERTIFICATE-----\" }\n"
    "  ]\n}\n",
    "plan.cwaplan:5:5: certificates[0] has both \"file\" and \"pem\"; keep exactly one of them" },
  { "certificate-no-file", CWA_PLAN_ERROR_INVALID,
    HEAD "  \"certificates\": [\n"
    "    { \"id\": \"root\", \"sha256\": null }\n"
    "  ]\n}\n",
    "plan.cwaplan:5:5: certificates[0] has neither \"file\" nor \"pem\"; add the certificate's file "
    "(a path relative to the plan's folder) or its PEM text" },
  { "certificate-pin-format", CWA_PLAN_ERROR_INVALID,
    HEAD "  \"certificates\": [\n"
    "    { \"id\": \"root\", \"file\": \"certs/root.cer\", \"sha256\": \"3F0A\" }\n"
    "  ]\n}\n",
    "plan.cwaplan:5:57: certificates[0].sha256 must be the SHA-256 fingerprint as 32 hex pairs separated "
    "by colons (3F:0A:...), found \"3F0A\"" },
  { "reference", CWA_PLAN_ERROR_INVALID,
    HEAD "  \"servers\": [ { \"fqdn\": \"cwaserver.contoso.com\", \"mtls_certificate\": \"cwa-mtls\" } ],\n"
    "  \"certificates\": [ { \"id\": \"root\", \"file\": \"certs/root.cer\" } ]\n}\n",
    "plan.cwaplan:4:71: servers[0].mtls_certificate names the certificate \"cwa-mtls\", but no entry in "
    "\"certificates\" has that id; add the certificate or correct the id" },
  /* Every problem at once, one line each, in file order. */
  { "several", CWA_PLAN_ERROR_INVALID,
    HEAD
    "  \"certificates\": [ { \"id\": \"\", \"file\": \"certs/root.cer\" } ],\n"
    "  \"servers\": [ { \"fqdn\": \"-bad-.contoso.com\", \"virtual_servers\": [\n"
    "    { \"url\": \"im.contoso.com\", \"audience\": \"DMZ\", \"ssl_certificate\": \"gone\" } ] } ]\n"
    "}\n",
    "plan.cwaplan:4:29: certificates[0].id must be a non-empty string naming the certificate, found \"\"\n"
    "plan.cwaplan:5:26: servers[0].fqdn must be a fully qualified domain name such as \"cwaserver.contoso.com\", "
    "found \"-bad-.contoso.com\"\n"
    "plan.cwaplan:6:44: servers[0].virtual_servers[0].audience must be \"internal\" or \"external\", found \"DMZ\"\n"
    "plan.cwaplan:6:70: servers[0].virtual_servers[0].ssl_certificate names the certificate \"gone\", but no "
    "entry in \"certificates\" has that id; add the certificate or correct the id" },
  /* Version 2 (plan-format.md, "Version 2"). */
  { "lb-vip", CWA_PLAN_ERROR_INVALID,
    HEAD "  \"load_balancers\": [ { \"fqdn\": \"im.contoso.com\", \"vip\": \"10.0.0\", \"members\": [] } ]\n}\n",
    "plan.cwaplan:4:58: load_balancers[0].vip must be an IPv4 or IPv6 address, found \"10.0.0\"" },
  { "lb-certificate", CWA_PLAN_ERROR_INVALID,
    HEAD "  \"load_balancers\": [ { \"fqdn\": \"im.contoso.com\", \"members\": [], \"ssl_certificate\": \"gone\" } ]\n}\n",
    "plan.cwaplan:4:85: load_balancers[0].ssl_certificate names the certificate \"gone\", but no entry in \"certificates\" has that id; add the certificate or correct the id" },
  { "rp-trusted-certificate", CWA_PLAN_ERROR_INVALID,
    HEAD "  \"reverse_proxies\": [ { \"fqdn\": \"isa.contoso.com\", \"trusted_certificates\": [\"gone\"],\n"
    "    \"publishing_rules\": [] } ]\n}\n",
    "plan.cwaplan:4:78: reverse_proxies[0].trusted_certificates[0] names the certificate \"gone\", but no entry in \"certificates\" has that id; add the certificate or correct the id" },
  { "same-computer", CWA_PLAN_ERROR_INVALID,
    HEAD "  \"servers\": [ { \"fqdn\": \"cwa01.contoso.com\" },\n"
    "    { \"fqdn\": \"CWA01.contoso.com.\" } ]\n}\n",
    "plan.cwaplan:5:15: servers[1].fqdn is the same name as servers[0].fqdn; each computer is listed once" },
  { "same-load-balancer", CWA_PLAN_ERROR_INVALID,
    HEAD "  \"load_balancers\": [ { \"fqdn\": \"im.contoso.com\", \"members\": [] },\n"
    "    { \"fqdn\": \"IM.contoso.com\", \"members\": [] } ]\n}\n",
    "plan.cwaplan:5:15: load_balancers[1].fqdn is the same name as load_balancers[0].fqdn; each load balancer is listed once" },
  { "same-member", CWA_PLAN_ERROR_INVALID,
    HEAD "  \"load_balancers\": [ { \"fqdn\": \"im.contoso.com\",\n"
    "    \"members\": [\"cwa01.contoso.com\", \"cwa02.contoso.com\", \"CWA01.contoso.com.\"] } ]\n}\n",
    "plan.cwaplan:5:59: load_balancers[0].members[2] is the same name as load_balancers[0].members[0]; each member is listed once" },
  { "load-balancer-is-computer", CWA_PLAN_ERROR_INVALID,
    HEAD "  \"servers\": [ { \"fqdn\": \"cwa01.contoso.com\" } ],\n"
    "  \"load_balancers\": [ { \"fqdn\": \"cwa01.contoso.com\", \"members\": [] } ]\n}\n",
    "plan.cwaplan:5:33: load_balancers[0].fqdn is the same name as servers[0].fqdn; the array FQDN must not be a computer's name" },
  { "same-reverse-proxy", CWA_PLAN_ERROR_INVALID,
    HEAD "  \"reverse_proxies\": [ { \"fqdn\": \"isa.contoso.com\", \"publishing_rules\": [] },\n"
    "    { \"fqdn\": \"isa.contoso.com\", \"publishing_rules\": [] } ]\n}\n",
    "plan.cwaplan:5:15: reverse_proxies[1].fqdn is the same name as reverse_proxies[0].fqdn; each reverse proxy is listed once" },
  { "same-published-host", CWA_PLAN_ERROR_INVALID,
    HEAD "  \"reverse_proxies\": [ { \"fqdn\": \"isa.contoso.com\", \"publishing_rules\": [\n"
    "    { \"published_url\": \"https://im.contoso.com\", \"virtual_server\": \"im.contoso.com\" },\n"
    "    { \"published_url\": \"im.contoso.com:8443\", \"virtual_server\": \"im2.contoso.com\" } ] } ]\n}\n",
    "plan.cwaplan:6:24: reverse_proxies[0].publishing_rules[1].published_url publishes the same host as reverse_proxies[0].publishing_rules[0].published_url; one proxy publishes a host once" },
  { "rp-no-rules", CWA_PLAN_ERROR_INVALID,
    HEAD "  \"reverse_proxies\": [ { \"fqdn\": \"isa.contoso.com\" } ]\n}\n",
    "plan.cwaplan:4:24: reverse_proxies[0].publishing_rules is missing; it must be a list (a JSON array), may be empty" },
  /* Malformed JSON: the position of the first problem. */
  { "json-trailing-comma", CWA_PLAN_ERROR_INVALID_JSON,
    "{\n  \"format\": \"cwa-cert-plan\",\n  \"version\": 1,\n}\n",
    "plan.cwaplan:4:1: the plan is not valid JSON: expected a member name in double quotes" },
  { "json-missing-comma", CWA_PLAN_ERROR_INVALID_JSON,
    "{\n  \"format\": \"cwa-cert-plan\"\n  \"version\": 1\n}\n",
    "plan.cwaplan:3:3: the plan is not valid JSON: expected ',' or '}' after an object member" },
  { "json-characters", CWA_PLAN_ERROR_INVALID_JSON,
    "{ \"name\": \"Zürich — Genève\" x }\n",
    "plan.cwaplan:1:29: the plan is not valid JSON: expected ',' or '}' after an object member" },
  { "json-unterminated", CWA_PLAN_ERROR_INVALID_JSON,
    "{ \"format\": \"cwa-cert-plan\n}\n",
    "plan.cwaplan:1:27: the plan is not valid JSON: control character in a string; write it as an escape such as \\n" },
  { "json-truncated", CWA_PLAN_ERROR_INVALID_JSON,
    "{ \"format\": \"cwa-cert-plan\", \"servers\": [\n",
    "plan.cwaplan:2:1: the plan is not valid JSON: unexpected end of the file: expected a value" },
  { "json-empty", CWA_PLAN_ERROR_INVALID_JSON,
    "",
    "plan.cwaplan:1:1: the plan is not valid JSON: unexpected end of the file: expected a value" },
  { "json-single-quotes", CWA_PLAN_ERROR_INVALID_JSON,
    "{ 'format': 'cwa-cert-plan' }",
    "plan.cwaplan:1:3: the plan is not valid JSON: expected a member name in double quotes" },
  { "json-lone-surrogate", CWA_PLAN_ERROR_INVALID_JSON,
    "{ \"format\": \"cwa-cert-plan\", \"version\": 1,\n  \"x\": \"\\ud800ab\" }\n",
    "plan.cwaplan:2:9: the plan is not valid JSON: a \\u escape of half a UTF-16 surrogate pair "
    "is not a character; write the character itself or both halves" },
  { "json-low-surrogate-first", CWA_PLAN_ERROR_INVALID_JSON,
    "{ \"name\": \"a\\udc00\\ud800\" }",
    "plan.cwaplan:1:13: the plan is not valid JSON: a \\u escape of half a UTF-16 surrogate pair "
    "is not a character; write the character itself or both halves" },
  { "json-nul-escape", CWA_PLAN_ERROR_INVALID_JSON,
    "{ \"name\": \"a\\u0000b\" }",
    "plan.cwaplan:1:13: the plan is not valid JSON: the escape \\u0000 (a NUL character) cannot be "
    "part of a plan's text; remove it" },
  { "json-invalid-utf8", CWA_PLAN_ERROR_INVALID_JSON,
    "{ \"name\": \"Z\xfcrich\" }",
    "plan.cwaplan:1:13: the plan is not valid JSON: the text is not valid UTF-8" },
  /* Numbers json-glib cannot keep: one past gint64 would be saved wrapped
   * round (negative), one past a double's range as "inf", which is no JSON. */
  { "json-integer-past-64-bits", CWA_PLAN_ERROR_INVALID_JSON,
    "{ \"format\": \"cwa-cert-plan\", \"version\": 1,\n  \"x\": 12345678901234567890 }\n",
    "plan.cwaplan:2:8: the plan is not valid JSON: the number is too large to be kept exactly "
    "(whole numbers up to 9223372036854775807, others up to about 1.8e308); write it as a string "
    "in double quotes" },
  { "json-double-past-range", CWA_PLAN_ERROR_INVALID_JSON,
    "{ \"x\": [ 1, -1e400 ] }",
    "plan.cwaplan:1:13: the plan is not valid JSON: the number is too large to be kept exactly "
    "(whole numbers up to 9223372036854775807, others up to about 1.8e308); write it as a string "
    "in double quotes" },
  { "json-after-end", CWA_PLAN_ERROR_INVALID_JSON,
    "{ \"format\": \"cwa-cert-plan\", \"version\": 1 }\n{}\n",
    "plan.cwaplan:2:1: the plan is not valid JSON: unexpected text after the end of the JSON document" },
};

static void
test_invalid (Fixture       *f,
              gconstpointer  data)
{
  const InvalidCase *c = data;
  g_autoptr(GError) error = NULL;
  CwaPlan *plan = load_text (f, c->text, &error);

  g_assert_null (plan);
  g_assert_error (error, CWA_PLAN_ERROR, c->code);
  g_assert_cmpstr (error->message, ==, c->message);
}

static void
test_newer_version (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  /* Newer files may hold anything: nothing else is looked at. */
  CwaPlan *plan = load_text (f,
                             "{ \"format\": \"cwa-cert-plan\", \"version\": 3,\n"
                             "  \"servers\": \"described differently now\" }\n",
                             &error);

  g_assert_null (plan);
  g_assert_error (error, CWA_PLAN_ERROR, CWA_PLAN_ERROR_UNSUPPORTED_VERSION);
  g_assert_cmpstr (error->message, ==,
                   "plan.cwaplan was written by a newer version (format version 3); "
                   "this program reads versions 1 and 2. Update CWA Cert Planner.");
}

static void
test_display_name (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree gchar *path = fixture_path (f, "sub/plan.cwaplan");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree gchar *expected = NULL;
  g_autofree gchar *folder = NULL;
  CwaPlan *plan;

  write_text (f, "sub/plan.cwaplan", "{ \"format\": \"cwa-cert-plan\", \"version\": 0 }", -1);
  plan = cwa_plan_file_load (file, NULL, NULL, &error);
  g_assert_null (plan);
  g_assert_cmpstr (error->message, ==, "sub/plan.cwaplan:1:41: version must be 1 or 2, found 0");
  g_clear_error (&error);

  /* Outside the current folder: the whole path. */
  g_assert_cmpint (g_chdir ("/"), ==, 0);
  plan = cwa_plan_file_load (file, NULL, NULL, &error);
  g_assert_null (plan);
  expected = g_strdup_printf ("%s:1:41: version must be 1 or 2, found 0", path);
  g_assert_cmpstr (error->message, ==, expected);
  g_assert_cmpint (g_chdir (f->dir), ==, 0);
  g_clear_error (&error);

  plan = load (f, "absent.cwaplan", NULL, &error);
  g_assert_null (plan);
  g_assert_error (error, CWA_PLAN_ERROR, CWA_PLAN_ERROR_IO);
  g_assert_cmpstr (error->message, ==, "absent.cwaplan does not exist; check the path and the file name");
  g_clear_error (&error);

  /* A folder is named as one. */
  folder = fixture_path (f, "plans.cwaplan");
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  plan = load (f, "plans.cwaplan", NULL, &error);
  g_assert_null (plan);
  g_assert_error (error, CWA_PLAN_ERROR, CWA_PLAN_ERROR_IO);
  g_assert_cmpstr (error->message, ==, "plans.cwaplan is a folder, not a plan file; open the .cwaplan file inside it");
}

static void
test_missing_certificate_file (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  CwaPlan *plan;

  /* Both problems are reported, not only the first. */
  plan = load_text (f,
                    HEAD
                    "  \"certificates\": [\n"
                    "    { \"id\": \"im\", \"file\": \"certs/missing.pem\" },\n"
                    "    { \"id\": \"root\", \"file\": \"certs/root.cer\" },\n"
                    "    { \"id\": \"notes\", \"file\": \"certs/notes.txt\" },\n"
                    "    { \"id\": \"folder\", \"file\": \"certs\" }\n"
                    "  ]\n"
                    "}\n",
                    &error);
  g_assert_null (plan);
  g_assert_error (error, CWA_PLAN_ERROR, CWA_PLAN_ERROR_CERTIFICATE);
  lines = g_strsplit (error->message, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_cmpstr (lines[0], ==,
                   "plan.cwaplan:5:27: certificate \"im\": certs/missing.pem does not exist; check the path, "
                   "which is relative to the plan's folder");
  /* The rest of this line is the loader's own explanation. */
  g_assert_true (g_str_has_prefix (lines[1], "plan.cwaplan:7:30: certificate \"notes\": certs/notes.txt: "));
  g_assert_cmpstr (lines[2], ==,
                   "plan.cwaplan:8:31: certificate \"folder\": certs is a folder, not a certificate file; "
                   "name the file inside it");
}

static void
test_pin (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const gchar *actual = cwa_certificate_get_sha256 (cwa_test_issuer_get_certificate (f->ca));
  const gchar *wrong = "3F:0A:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD";
  g_autofree gchar *lower = g_ascii_strdown (actual, -1);
  g_autofree gchar *good = g_strdup_printf (HEAD "  \"certificates\": [\n"
                                            "    { \"id\": \"root\", \"file\": \"certs/root.cer\", \"sha256\": \"%s\" }\n"
                                            "  ]\n}\n", lower);
  g_autofree gchar *bad = g_strdup_printf (HEAD "  \"certificates\": [\n"
                                           "    { \"id\": \"root\", \"file\": \"certs/root.cer\", \"sha256\": \"%s\" }\n"
                                           "  ]\n}\n", wrong);
  g_autofree gchar *expected = NULL;
  CwaPlan *plan;

  /* The pin is case-insensitive. */
  plan = load_text (f, good, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (plan);

  plan = load_text (f, bad, &error);
  g_assert_null (plan);
  g_assert_error (error, CWA_PLAN_ERROR, CWA_PLAN_ERROR_CERTIFICATE);
  expected = g_strdup_printf ("plan.cwaplan:5:57: certificate \"root\": certs/root.cer has the SHA-256 "
                              "fingerprint %s, but the plan pins %s; if the certificate was replaced on "
                              "purpose, update \"sha256\", otherwise restore the expected file",
                              actual, wrong);
  g_assert_cmpstr (error->message, ==, expected);
}

static void
test_same_certificate_twice (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CwaPlan *plan = load_text (f,
                             HEAD "  \"certificates\": [\n"
                             "    { \"id\": \"root\", \"file\": \"certs/root.cer\" },\n"
                             "    { \"id\": \"root-again\", \"file\": \"./certs/root.cer\" }\n"
                             "  ]\n}\n",
                             &error);
  g_autofree gchar *expected = g_strdup_printf ("plan.cwaplan:6:5: certificate \"root-again\" is the same certificate "
                                                "as \"root\" (SHA-256 %s); remove one entry and use the other's id",
                                                cwa_certificate_get_sha256 (cwa_test_issuer_get_certificate (f->ca)));

  g_assert_null (plan);
  g_assert_error (error, CWA_PLAN_ERROR, CWA_PLAN_ERROR_CERTIFICATE);
  g_assert_cmpstr (error->message, ==, expected);
}

static void
test_pkcs12 (Fixture       *f,
             gconstpointer  data)
{
  g_autofree gchar *source = cwa_test_data_path ("fixtures", "modern.pfx", NULL);
  g_autofree gchar *pfx = NULL;
  g_autofree gchar *saved = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  CwaPlan *plan;
  const gchar *text =
    HEAD "  \"certificates\": [ { \"id\": \"im\", \"file\": \"im.pfx\" } ]\n}\n";

  g_file_get_contents (source, &pfx, &length, &error);
  g_assert_no_error (error);
  write_text (f, "im.pfx", pfx, (gssize) length);

  plan = load_text (f, text, &error);
  g_assert_null (plan);
  g_assert_error (error, CWA_PLAN_ERROR, CWA_PLAN_ERROR_NEEDS_PASSWORD);
  g_assert_true (g_str_has_prefix (error->message, "plan.cwaplan:4:43: certificate \"im\": "));
  g_clear_error (&error);

  plan = load (f, "plan.cwaplan", PFX_PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_true (cwa_certificate_had_private_key (cwa_plan_lookup_certificate (plan, "im")));

  /* Saved as it was written: the file, never the key or the password. */
  g_assert_true (save (f, plan, "saved.cwaplan", &error));
  saved = read_text (f, "saved.cwaplan");
  g_assert_nonnull (strstr (saved, "\"file\": \"im.pfx\""));
  g_assert_null (strstr (saved, "PRIVATE KEY"));
  g_assert_null (strstr (saved, PFX_PASSWORD));

  g_assert_finalize_object (plan);
}

static void
test_save_new_certificates (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree gchar *saved = NULL;
  g_autofree gchar *leaf_pem = cwa_certificate_dup_pem (f->leaf);
  g_autoptr(GBytes) bytes = NULL;
  CwaPlan *plan = cwa_plan_new ();
  CwaPlan *again;
  CwaServer *server = cwa_server_new ("cwaserver.contoso.com");
  CwaVirtualServer *vs = cwa_virtual_server_new ("https://im.contoso.com", CWA_AUDIENCE_EXTERNAL);
  CwaCertificate *entry;

  cwa_plan_set_name (plan, "New plan");
  cwa_server_add_virtual_server (server, vs);
  cwa_deployment_add_server (cwa_plan_get_deployment (plan), server);
  entry = cwa_plan_add_certificate (plan, f->leaf);
  cwa_plan_add_chain_certificate (plan, cwa_test_issuer_get_certificate (f->ca));
  cwa_virtual_server_set_ssl_certificate (vs, entry);

  g_assert_true (save (f, plan, "new.cwaplan", &error));
  g_assert_no_error (error);
  g_assert_false (cwa_plan_get_modified (plan));
  saved = read_text (f, "new.cwaplan");
  g_assert_true (g_str_has_prefix (saved,
                                   "{\n"
                                   "  \"format\": \"cwa-cert-plan\",\n"
                                   "  \"version\": 1,\n"
                                   "  \"name\": \"New plan\",\n"
                                   "  \"settings\": {\n"
                                   "    \"expiry_warning_days\": 30\n"
                                   "  },\n"
                                   "  \"servers\": [\n"
                                   "    {\n"
                                   "      \"fqdn\": \"cwaserver.contoso.com\",\n"
                                   "      \"mtls_certificate\": null,\n"));
  g_assert_nonnull (strstr (saved, "\"id\": \"im-contoso-com\",\n      \"pem\": \"-----BEGIN CERTIFICATE-----\\n"));
  /* The CA added beside it becomes an entry of its own. */
  g_assert_nonnull (strstr (saved, "\"id\": \"contoso-issuing-ca\",\n      \"pem\": \"-----BEGIN CERTIFICATE-----\\n"));
  g_assert_null (strstr (saved, "PRIVATE KEY"));

  again = load (f, "new.cwaplan", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (cwa_plan_get_certificates (again)), ==, 2);
  g_assert_true (cwa_certificate_equal (cwa_plan_lookup_certificate (again, "im-contoso-com"), f->leaf));
  g_assert_finalize_object (again);

  /* Two entries with one id cannot be saved. */
  cwa_certificate_set_id (entry, "dup");
  {
    CwaCertificate *other = cwa_plan_add_certificate (plan, f->server);

    cwa_certificate_set_id (other, "dup");
    bytes = cwa_plan_file_serialize (plan, NULL, &error);
    g_assert_null (bytes);
    g_assert_error (error, CWA_PLAN_ERROR, CWA_PLAN_ERROR_INVALID);
    g_clear_error (&error);
    cwa_plan_remove_certificate (plan, other);
  }

  /* Nor an assignment of a certificate the plan does not hold. */
  cwa_server_set_mtls_certificate (server, f->server);
  bytes = cwa_plan_file_serialize (plan, NULL, &error);
  g_assert_null (bytes);
  g_assert_error (error, CWA_PLAN_ERROR, CWA_PLAN_ERROR_INVALID);
  cwa_server_set_mtls_certificate (server, NULL);

  g_assert_finalize_object (plan);
  g_assert_finalize_object (server);
  g_assert_finalize_object (vs);
}

static void
test_relative_paths (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree gchar *moved = NULL;
  g_autofree gchar *resaved = NULL;
  CwaPlan *plan;
  CwaPlan *again;

  write_text (f, "plans/sub/plan.cwaplan",
              HEAD "  \"certificates\": [ { \"id\": \"im\", \"file\": \"../../certs/im-contoso.pem\" } ]\n}\n", -1);

  /* Relative to the plan's folder, not to the current one. */
  g_assert_cmpint (g_chdir ("/"), ==, 0);
  plan = load (f, "plans/sub/plan.cwaplan", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (cwa_certificate_equal (cwa_plan_lookup_certificate (plan, "im"), f->leaf));

  /* Save As elsewhere: the path is rewritten for the new folder. */
  g_assert_true (save (f, plan, "elsewhere/plan.cwaplan", &error));
  g_assert_no_error (error);
  moved = read_text (f, "elsewhere/plan.cwaplan");
  g_assert_nonnull (strstr (moved, "\"file\": \"../certs/im-contoso.pem\""));

  /* And later saves go on from there. */
  g_assert_true (save (f, plan, "plan-top.cwaplan", &error));
  resaved = read_text (f, "plan-top.cwaplan");
  g_assert_nonnull (strstr (resaved, "\"file\": \"certs/im-contoso.pem\""));

  again = load (f, "elsewhere/plan.cwaplan", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (cwa_certificate_equal (cwa_plan_lookup_certificate (again, "im"), f->leaf));

  g_assert_cmpint (g_chdir (f->dir), ==, 0);
  g_assert_finalize_object (plan);
  g_assert_finalize_object (again);
}

static guint
count_entries (const gchar *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static void
test_save_failure_keeps_file (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree gchar *text = make_full_plan (f);
  g_autofree gchar *before = NULL;
  g_autofree gchar *after = NULL;
  g_autofree gchar *long_name = NULL;
  g_autoptr(GError) error = NULL;
  struct rlimit old_limit, limit;
  void (*old_handler) (int);
  CwaPlan *plan = load_text (f, text, &error);
  gboolean saved;

  g_assert_no_error (error);
  before = read_text (f, "plan.cwaplan");

  /* A disk that fills up half-way through the write (this works for root
   * too, unlike file permissions). */
  long_name = g_strnfill (4096, 'x');
  cwa_plan_set_name (plan, long_name);
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &old_limit), ==, 0);
  limit = old_limit;
  limit.rlim_cur = 512;
  old_handler = signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

  saved = save (f, plan, "plan.cwaplan", &error);

  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &old_limit), ==, 0);
  signal (SIGXFSZ, old_handler);

  g_assert_false (saved);
  g_assert_error (error, CWA_PLAN_ERROR, CWA_PLAN_ERROR_IO);
  g_assert_true (g_str_has_prefix (error->message, "plan.cwaplan could not be saved: "));
  g_assert_true (cwa_plan_get_modified (plan));
  after = read_text (f, "plan.cwaplan");
  g_assert_cmpstr (after, ==, before);
  /* plan.cwaplan and certs/: no temporary file left behind. */
  g_assert_cmpuint (count_entries (f->dir), ==, 2);

  g_assert_finalize_object (plan);
}

static void
save_async_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* Saves @plan to @relative in a worker thread, running the main loop until
 * it is done; edits @plan meanwhile with @rename_to unless NULL. */
static gboolean
save_in_thread (Fixture      *f,
                CwaPlan      *plan,
                const gchar  *relative,
                const gchar  *rename_to,
                GError      **error)
{
  g_autofree gchar *path = fixture_path (f, relative);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GAsyncResult *result = NULL;
  GWeakRef task;
  gpointer alive;
  gboolean saved;

  cwa_plan_file_save_async (plan, file, NULL, save_async_cb, &result);
  if (rename_to != NULL)
    cwa_plan_set_name (plan, rename_to);

  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  saved = cwa_plan_file_save_finish (plan, result, error);

  /* The worker thread drops its reference to the task (which holds the
   * plan) on its own time: wait for it, so the plan can be finalized. */
  g_weak_ref_init (&task, result);
  g_clear_object (&result);
  while ((alive = g_weak_ref_get (&task)) != NULL)
    {
      g_object_unref (alive);
      g_usleep (1000);
    }
  g_weak_ref_clear (&task);
  return saved;
}

/* The write runs in a thread: what the plan was when the save began is
 * written, an edit made meanwhile keeps the plan modified, and failures
 * carry the same message as a save on the calling thread. */
static void
test_save_async (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree gchar *text = make_full_plan (f);
  g_autoptr(GError) error = NULL;
  g_autofree gchar *copy_path = fixture_path (f, "copy.cwaplan");
  g_autoptr(GFile) copy = g_file_new_for_path (copy_path);
  CwaPlan *plan = load_text (f, text, &error);
  CwaPlan *reread;

  g_assert_no_error (error);
  cwa_plan_set_name (plan, "Saved");
  g_assert_true (save_in_thread (f, plan, "copy.cwaplan", "Edited meanwhile", &error));
  g_assert_no_error (error);
  g_assert_true (g_file_equal (cwa_plan_get_file (plan), copy));
  g_assert_true (cwa_plan_get_modified (plan));
  reread = load (f, "copy.cwaplan", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cwa_plan_get_name (reread), ==, "Saved");
  g_assert_finalize_object (reread);

  g_assert_true (save_in_thread (f, plan, "copy.cwaplan", NULL, &error));
  g_assert_false (cwa_plan_get_modified (plan));

  /* A folder in the way: nothing written, the plan still modified. */
  cwa_plan_set_name (plan, "Not saved");
  g_assert_false (save_in_thread (f, plan, "certs", NULL, &error));
  g_assert_error (error, CWA_PLAN_ERROR, CWA_PLAN_ERROR_IO);
  g_assert_true (g_str_has_prefix (error->message, "certs could not be saved: "));
  g_assert_true (cwa_plan_get_modified (plan));
  g_assert_true (g_file_equal (cwa_plan_get_file (plan), copy));

  g_assert_finalize_object (plan);
}

static void
test_save_read_only_folder (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree gchar *folder = fixture_path (f, "locked");
  g_autofree gchar *before = NULL;
  g_autofree gchar *after = NULL;
  g_autoptr(GError) error = NULL;
  CwaPlan *plan;

  if (geteuid () == 0)
    {
      g_test_skip ("root writes into read-only folders; save-failure covers this case");
      return;
    }

  write_text (f, "locked/plan.cwaplan", HEAD "  \"name\": \"Locked\"\n}\n", -1);
  plan = load (f, "locked/plan.cwaplan", NULL, &error);
  g_assert_no_error (error);
  before = read_text (f, "locked/plan.cwaplan");
  g_assert_cmpint (g_chmod (folder, 0555), ==, 0);

  cwa_plan_set_name (plan, "Changed");
  g_assert_false (save (f, plan, "locked/plan.cwaplan", &error));
  g_assert_error (error, CWA_PLAN_ERROR, CWA_PLAN_ERROR_IO);
  after = read_text (f, "locked/plan.cwaplan");
  g_assert_cmpstr (after, ==, before);

  g_chmod (folder, 0755);
  g_assert_finalize_object (plan);
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  CwaPlan **plan = user_data;
  g_autoptr(GError) error = NULL;

  *plan = cwa_plan_file_load_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_load_async (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree gchar *text = make_full_plan (f);
  g_autofree gchar *path = NULL;
  g_autoptr(GFile) file = NULL;
  CwaPlan *plan = NULL;

  write_text (f, "plan.cwaplan", text, -1);
  path = fixture_path (f, "plan.cwaplan");
  file = g_file_new_for_path (path);

  cwa_plan_file_load_async (file, NULL, NULL, on_loaded, &plan);
  while (plan == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (g_list_model_get_n_items (cwa_plan_get_certificates (plan)), ==, 3);
  g_assert_false (cwa_plan_get_modified (plan));
  g_assert_finalize_object (plan);
}

static void
test_byte_order_mark (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CwaPlan *plan = load_text (f, "\xEF\xBB\xBF{ \"format\": \"cwa-cert-plan\", \"version\": 1, \"name\": \"BOM\" }\n", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (cwa_plan_get_name (plan), ==, "BOM");
  g_assert_finalize_object (plan);
}

/* Certificate files that are devices or FIFOs are refused for what they
 * are, without reading /dev/zero for ever or waiting on the FIFO, and the
 * messages name each file as the plan wrote it. */
static void
test_not_regular_certificate_files (Fixture       *f,
                                    gconstpointer  data)
{
  g_autofree gchar *fifo = fixture_path (f, "certs/pipe.pem");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  gint64 start;
  CwaPlan *plan;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  start = g_get_monotonic_time ();
  plan = load_text (f,
                    HEAD
                    "  \"certificates\": [\n"
                    "    { \"id\": \"zero\", \"file\": \"/dev/zero\" },\n"
                    "    { \"id\": \"random\", \"file\": \"/dev/urandom\" },\n"
                    "    { \"id\": \"pipe\", \"file\": \"certs/pipe.pem\" }\n"
                    "  ]\n"
                    "}\n",
                    &error);
  g_assert_null (plan);
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
  g_assert_error (error, CWA_PLAN_ERROR, CWA_PLAN_ERROR_CERTIFICATE);
  lines = g_strsplit (error->message, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_cmpstr (lines[0], ==,
                   "plan.cwaplan:5:29: certificate \"zero\": /dev/zero is a device, not a file; "
                   "name the certificate file itself");
  g_assert_cmpstr (lines[1], ==,
                   "plan.cwaplan:6:31: certificate \"random\": /dev/urandom is a device, not a file; "
                   "name the certificate file itself");
  g_assert_cmpstr (lines[2], ==,
                   "plan.cwaplan:7:29: certificate \"pipe\": certs/pipe.pem is a named pipe "
                   "(FIFO), not a file; name the certificate file itself");
}

/* The plan itself: a FIFO is refused without waiting for a writer, and a
 * plan with a 50 MB string is refused by its size before it is read. */
static void
test_hostile_plan_files (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree gchar *fifo = fixture_path (f, "pipe.cwaplan");
  g_autofree gchar *huge = NULL;
  g_autoptr(GError) error = NULL;
  gsize n = 50 * 1024 * 1024;
  gint64 start;
  CwaPlan *plan;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  plan = load (f, "pipe.cwaplan", NULL, &error);
  g_assert_null (plan);
  g_assert_error (error, CWA_PLAN_ERROR, CWA_PLAN_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "named pipe (FIFO)"));
  g_clear_error (&error);

  huge = g_malloc (n + 64);
  memcpy (huge, "{\"format\":\"cwa-cert-plan\",\"version\":1,\"name\":\"", 46);
  memset (huge + 46, 'x', n);
  memcpy (huge + 46 + n, "\"}\n", 4);
  write_text (f, "huge.cwaplan", huge, -1);
  g_clear_pointer (&huge, g_free);

  start = g_get_monotonic_time ();
  plan = load (f, "huge.cwaplan", NULL, &error);
  g_assert_null (plan);
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC / 10);
  g_assert_error (error, CWA_PLAN_ERROR, CWA_PLAN_ERROR_IO);
  g_assert_true (g_str_has_suffix (error->message, "is larger than the 8 MB a plan can be; it is not a "
                                   "plan, or certificates embedded in it belong in files next to it"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/cwa/plan-file/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("load", test_load);
  ADD ("load-async", test_load_async);
  ADD ("byte-order-mark", test_byte_order_mark);
  ADD ("round-trip/unknown-keys", test_round_trip);
  ADD ("round-trip/full", test_round_trip_full);
  ADD ("round-trip/version-2", test_round_trip_version2);
  ADD ("version-follows-lists", test_version_follows_lists);
  ADD ("newer-version", test_newer_version);
  ADD ("display-name", test_display_name);
  ADD ("certificate/missing-file", test_missing_certificate_file);
  ADD ("certificate/pin", test_pin);
  ADD ("certificate/same-twice", test_same_certificate_twice);
  ADD ("certificate/pkcs12", test_pkcs12);
  ADD ("certificate/not-regular-files", test_not_regular_certificate_files);
  ADD ("hostile-plan-files", test_hostile_plan_files);
  ADD ("save/new-certificates", test_save_new_certificates);
  ADD ("save/relative-paths", test_relative_paths);
  ADD ("save/failure-keeps-file", test_save_failure_keeps_file);
  ADD ("save/read-only-folder", test_save_read_only_folder);
  ADD ("save/async", test_save_async);

  for (guint i = 0; i < G_N_ELEMENTS (invalid_cases); i++)
    {
      g_autofree gchar *path = g_strdup_printf ("/cwa/plan-file/invalid/%s", invalid_cases[i].name);

      g_test_add (path, Fixture, &invalid_cases[i], fixture_setup, test_invalid, fixture_teardown);
    }

  return g_test_run ();
}

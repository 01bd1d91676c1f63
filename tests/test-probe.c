/* test-probe.c: `probe` against TLS servers on loopback, inside a network namespace that has only loopback. */
#include "config.h"

#include <signal.h>
#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "cwa-connect-map.h"
#include "cwa-test-ca.h"
#include "cwa-test-cert.h"
#include "cwa-test-pdf.h"
#include "cwa-test-plan.h"
#include "cwa-test-run.h"
#include "cwa-test-tls-server.h"

#define NOW "2026-11-24T12:00:00Z"
#define EXPIRED_UNIX G_GINT64_CONSTANT (1780272000)  /* 2026-06-01 */

/* Everything a probe test needs: the CAs, the certificates, the servers and
 * a plan file in a scratch folder. */
typedef struct
{
  gchar         *dir;
  gchar         *plan_path;
  CwaTestCa     *ca;
  GHashTable    *pems;      /* id -> PEM of every certificate of the plan */
  GHashTable    *ders;      /* name -> GBytes of every certificate made */
  GPtrArray     *servers;   /* CwaTestTlsServer */
  guint          connect_to_port;
} Fixture;

static gchar *
der_to_pem (GBytes *der)
{
  g_autofree gchar *base64 = g_base64_encode (g_bytes_get_data (der, NULL), g_bytes_get_size (der));
  g_autoptr(GString) pem = g_string_new ("-----BEGIN CERTIFICATE-----\n");
  gsize length = strlen (base64);

  for (gsize i = 0; i < length; i += 64)
    {
      g_string_append_len (pem, base64 + i, MIN (64, length - i));
      g_string_append_c (pem, '\n');
    }
  g_string_append (pem, "-----END CERTIFICATE-----\n");

  return g_string_free (g_steal_pointer (&pem), FALSE);
}

static void
add_certificate (Fixture     *fixture,
                 const gchar *id,
                 GBytes      *der)
{
  g_hash_table_insert (fixture->pems, g_strdup (id), der_to_pem (der));
  g_hash_table_insert (fixture->ders, g_strdup (id), g_bytes_ref (der));
}

static GBytes *
get_der (Fixture     *fixture,
         const gchar *name)
{
  GBytes *der = g_hash_table_lookup (fixture->ders, name);

  g_assert_nonnull (der);
  return der;
}

/* A TLS server on @address:@port serving the certificate named @leaf and,
 * with @with_issuing, the issuing CA after it. */
static CwaTestTlsServer *
start_tls (Fixture     *fixture,
           const gchar *address,
           guint        port,
           const gchar *leaf,
           gboolean     with_issuing)
{
  CwaTestTlsServer *server = cwa_test_ca_serve (fixture->ca, address, port, get_der (fixture, leaf), with_issuing);

  g_ptr_array_add (fixture->servers, server);
  return server;
}

static void
fixture_init (Fixture *fixture)
{
  fixture->dir = g_dir_make_tmp ("cwa-probe-XXXXXX", NULL);
  g_assert_nonnull (fixture->dir);
  fixture->plan_path = g_build_filename (fixture->dir, "live.cwaplan", NULL);
  fixture->pems = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  fixture->ders = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
  fixture->servers = g_ptr_array_new_with_free_func ((GDestroyNotify) cwa_test_tls_server_free);
  fixture->ca = cwa_test_ca_new ();
  add_certificate (fixture, "contoso-root", cwa_test_issuer_get_der (cwa_test_ca_get_root (fixture->ca)));
  add_certificate (fixture, "contoso-issuing", cwa_test_issuer_get_der (cwa_test_ca_get_issuing (fixture->ca)));
}

static void
fixture_clear (Fixture *fixture)
{
  g_clear_pointer (&fixture->servers, g_ptr_array_unref);
  g_clear_pointer (&fixture->pems, g_hash_table_unref);
  g_clear_pointer (&fixture->ders, g_hash_table_unref);
  g_clear_pointer (&fixture->ca, cwa_test_ca_free);
  if (fixture->dir != NULL && g_getenv ("CWA_TEST_KEEP") == NULL)
    cwa_test_remove_tree (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->plan_path, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Fixture, fixture_clear)

/* One virtual server of a test plan. */
typedef struct
{
  const gchar *host;
  const gchar *ssl_certificate;  /* NULL: none planned */
  const gchar *listen;           /* NULL: the default */
} Site;

static JsonBuilder *
begin_plan (gint version)
{
  JsonBuilder *builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, "cwa-cert-plan");
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, version);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, "Contoso live");
  return builder;
}

/* Adds every certificate made so far and writes the plan file. */
static void
finish_plan (Fixture     *fixture,
             JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GList) ids = g_hash_table_get_keys (fixture->pems);

  json_builder_set_member_name (builder, "certificates");
  json_builder_begin_array (builder);
  ids = g_list_sort (ids, (GCompareFunc) g_strcmp0);
  for (GList *l = ids; l != NULL; l = l->next)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, l->data);
      json_builder_set_member_name (builder, "pem");
      json_builder_add_string_value (builder, g_hash_table_lookup (fixture->pems, l->data));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_to_file (generator, fixture->plan_path, &error);
  g_assert_no_error (error);
}

/* Writes a plan: one computer (MTLS certificate "mtls") hosting @sites,
 * and every certificate made so far. */
static void
write_plan (Fixture    *fixture,
            const Site *sites,
            guint       n_sites)
{
  g_autoptr(JsonBuilder) builder = begin_plan (1);

  json_builder_set_member_name (builder, "servers");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "fqdn");
  json_builder_add_string_value (builder, "cwa01.contoso.com");
  json_builder_set_member_name (builder, "mtls_certificate");
  json_builder_add_string_value (builder, "mtls");
  json_builder_set_member_name (builder, "virtual_servers");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_sites; i++)
    {
      g_autofree gchar *url = g_strconcat ("https://", sites[i].host, NULL);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "url");
      json_builder_add_string_value (builder, url);
      json_builder_set_member_name (builder, "audience");
      json_builder_add_string_value (builder, "internal");
      if (sites[i].listen != NULL)
        {
          json_builder_set_member_name (builder, "listen");
          json_builder_add_string_value (builder, sites[i].listen);
        }
      if (sites[i].ssl_certificate != NULL)
        {
          json_builder_set_member_name (builder, "ssl_certificate");
          json_builder_add_string_value (builder, sites[i].ssl_certificate);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  json_builder_end_array (builder);

  finish_plan (fixture, builder);
}

static void
make_mtls (Fixture *fixture)
{
  CwaTestCertSpec spec;
  const gchar *names[] = { "cwa01.contoso.com", NULL };
  g_autoptr(GBytes) der = NULL;

  cwa_test_cert_spec_init (&spec, "CN=cwa01.contoso.com,O=Contoso");
  spec.dns_names = names;
  spec.issuer = cwa_test_ca_get_issuing (fixture->ca);
  der = cwa_test_cert_build_der (&spec);
  add_certificate (fixture, "mtls", der);
}

/* --resolve entries sending @host and its as./download. names to @address. */
static void
add_resolves (GPtrArray   *args,
              const gchar *host,
              const gchar *address)
{
  g_ptr_array_add (args, g_strdup_printf ("--resolve=%s:443:%s", host, address));
  g_ptr_array_add (args, g_strdup_printf ("--resolve=as.%s:443:%s", host, address));
  g_ptr_array_add (args, g_strdup_printf ("--resolve=download.%s:443:%s", host, address));
}

static void
run_probe (CwaTestRun  *run,
           Fixture     *fixture,
           GPtrArray   *extra)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();

  g_ptr_array_add (args, (gpointer) "probe");
  g_ptr_array_add (args, fixture->plan_path);
  g_ptr_array_add (args, (gpointer) "--now=" NOW);
  g_ptr_array_add (args, (gpointer) "--no-system-trust");
  for (guint i = 0; extra != NULL && i < extra->len; i++)
    g_ptr_array_add (args, g_ptr_array_index (extra, i));
  g_ptr_array_add (args, NULL);

  cwa_test_run_argv (run, fixture->dir, (const gchar * const *) args->pdata);
}

/* The findings of @rule for @endpoint in a JSON report, in order. */
static JsonObject *
find_live (JsonObject  *report,
           const gchar *rule,
           const gchar *endpoint)
{
  JsonArray *findings = json_object_get_array_member (report, "findings");

  for (guint i = 0; i < json_array_get_length (findings); i++)
    {
      JsonObject *finding = json_array_get_object_element (findings, i);

      if (g_strcmp0 (json_object_get_string_member (finding, "rule"), rule) == 0 &&
          g_strcmp0 (json_object_get_string_member_with_default (finding, "endpoint", NULL), endpoint) == 0)
        return finding;
    }

  return NULL;
}

static void
assert_live (JsonObject  *report,
             const gchar *rule,
             const gchar *endpoint,
             const gchar *status,
             const gchar *in_message)
{
  JsonObject *finding = find_live (report, rule, endpoint);
  g_autofree gchar *host = g_strndup (endpoint, strcspn (endpoint, ":"));
  const gchar *message;

  if (finding == NULL)
    g_error ("no %s finding for %s", rule, endpoint);
  message = json_object_get_string_member (finding, "message");
  if (g_strcmp0 (json_object_get_string_member (finding, "status"), status) != 0)
    g_error ("%s for %s: expected %s, got: %s", rule, endpoint, status, message);
  g_assert_cmpstr (json_object_get_string_member (finding, "source"), ==, "LIVE");
  /* A site's own endpoint names it; an array member's names the array. */
  if (json_object_has_member (finding, "server") &&
      g_strcmp0 (json_object_get_string_member (finding, "server"), host) != 0)
    g_assert_cmpstr (json_object_get_string_member (finding, "virtual_server"), ==, host);
  if (in_message != NULL && strstr (message, in_message) == NULL)
    g_error ("%s for %s: “%s” not in: %s", rule, endpoint, in_message, message);
}

static JsonObject *
find_endpoint (JsonObject  *report,
               const gchar *name)
{
  JsonArray *endpoints = json_object_get_array_member (report, "endpoints");

  for (guint i = 0; i < json_array_get_length (endpoints); i++)
    {
      JsonObject *endpoint = json_array_get_object_element (endpoints, i);

      if (g_strcmp0 (json_object_get_string_member (endpoint, "endpoint"), name) == 0)
        return endpoint;
    }

  g_error ("no endpoint %s in the report", name);
  return NULL;
}

static void
add_leaf (Fixture     *fixture,
          const gchar *id,
          const gchar *host,
          const gchar *without,
          gint64       not_after,
          guint64      serial)
{
  g_autoptr(GBytes) der = cwa_test_ca_build_site_der (fixture->ca, host, without, not_after, serial);

  add_certificate (fixture, id, der);
}

static const Site case_sites[] = {
  { "good.contoso.com", "good", NULL },
  { "other.contoso.com", "other-planned", NULL },
  { "none.contoso.com", NULL, NULL },
  { "names.contoso.com", "names", NULL },
  { "expired.contoso.com", "expired", NULL },
  { "nochain.contoso.com", "nochain", NULL },
  { "refused.contoso.com", "refused", NULL },
  { "silent.contoso.com", "silent", NULL },
  { "plain.contoso.com", "plain", NULL },
  { "ct.contoso.com", "ct", NULL },
  { "bound.contoso.com", "bound", "127.0.0.12:443" },
};

/* The cases of one deployment, each virtual server an endpoint of its own
 * on its own loopback address, and the probe arguments that map them. */
static void
make_cases (Fixture   *fixture,
            GPtrArray *args)
{
  CwaTestTlsServer *server;

  make_mtls (fixture);
  add_leaf (fixture, "good", "good.contoso.com", NULL, 0, 101);
  add_leaf (fixture, "other-planned", "other.contoso.com", NULL, 0, 102);
  add_leaf (fixture, "names", "names.contoso.com", "download.names.contoso.com", 0, 104);
  add_leaf (fixture, "expired", "expired.contoso.com", NULL, EXPIRED_UNIX, 105);
  add_leaf (fixture, "nochain", "nochain.contoso.com", NULL, 0, 106);
  add_leaf (fixture, "refused", "refused.contoso.com", NULL, 0, 107);
  add_leaf (fixture, "silent", "silent.contoso.com", NULL, 0, 108);
  add_leaf (fixture, "plain", "plain.contoso.com", NULL, 0, 109);
  add_leaf (fixture, "ct", "ct.contoso.com", NULL, 0, 110);
  add_leaf (fixture, "bound", "bound.contoso.com", NULL, 0, 111);
  /* Served but never planned: one the plan lacks, one it holds unassigned. */
  g_hash_table_insert (fixture->ders, g_strdup ("other-served"),
                       cwa_test_ca_build_site_der (fixture->ca, "other.contoso.com", NULL, 0, 199));
  add_leaf (fixture, "none-spare", "none.contoso.com", NULL, 0, 103);
  write_plan (fixture, case_sites, G_N_ELEMENTS (case_sites));

  start_tls (fixture, "127.0.0.2", 443, "good", TRUE);
  add_resolves (args, "good.contoso.com", "127.0.0.2");
  start_tls (fixture, "127.0.0.3", 443, "other-served", TRUE);
  g_ptr_array_add (args, g_strdup ("--resolve=other.contoso.com:443:127.0.0.3"));
  /* as. resolves elsewhere; download. not at all. */
  g_ptr_array_add (args, g_strdup ("--resolve=as.other.contoso.com:443:127.0.0.99"));
  start_tls (fixture, "127.0.0.4", 443, "none-spare", TRUE);
  add_resolves (args, "none.contoso.com", "127.0.0.4");
  start_tls (fixture, "127.0.0.5", 443, "names", TRUE);
  add_resolves (args, "names.contoso.com", "127.0.0.5");
  start_tls (fixture, "127.0.0.6", 443, "expired", TRUE);
  add_resolves (args, "expired.contoso.com", "127.0.0.6");
  start_tls (fixture, "127.0.0.7", 443, "nochain", FALSE);
  add_resolves (args, "nochain.contoso.com", "127.0.0.7");
  /* 127.0.0.8: nobody listens. */
  add_resolves (args, "refused.contoso.com", "127.0.0.8");
  server = cwa_test_tls_server_new ("127.0.0.9", 443, CWA_TEST_SERVER_SILENT, NULL, 0);
  g_ptr_array_add (fixture->servers, server);
  add_resolves (args, "silent.contoso.com", "127.0.0.9");
  server = cwa_test_tls_server_new ("127.0.0.10", 443, CWA_TEST_SERVER_PLAIN, NULL, 0);
  g_ptr_array_add (fixture->servers, server);
  add_resolves (args, "plain.contoso.com", "127.0.0.10");
  /* Reached through --connect-to on a port of its own. */
  server = start_tls (fixture, "127.0.0.11", 0, "ct", TRUE);
  g_ptr_array_add (args, g_strdup_printf ("--connect-to=ct.contoso.com:443:127.0.0.11:%u",
                                          cwa_test_tls_server_get_port (server)));
  add_resolves (args, "ct.contoso.com", "127.0.0.11");
  /* The plan's binding address wins over the name's; DNS says otherwise. */
  start_tls (fixture, "127.0.0.12", 443, "bound", TRUE);
  add_resolves (args, "bound.contoso.com", "127.0.0.13");
}

static void
assert_only_reachable_and_dns (JsonObject  *report,
                               const gchar *endpoint)
{
  static const gchar * const served_rules[] = {
    "live.serves-planned-cert", "live.served-names", "live.served-valid", "live.chain-complete",
  };

  for (guint i = 0; i < G_N_ELEMENTS (served_rules); i++)
    g_assert_null (find_live (report, served_rules[i], endpoint));
}

static void
check_served_cases (JsonObject *report,
                    Fixture    *fixture)
{
  /* Served as planned, with its intermediate. */
  assert_live (report, "live.reachable", "good.contoso.com:443", "pass", NULL);
  assert_live (report, "live.serves-planned-cert", "good.contoso.com:443", "pass", "good");
  assert_live (report, "live.served-names", "good.contoso.com:443", "pass", NULL);
  assert_live (report, "live.served-valid", "good.contoso.com:443", "pass", NULL);
  assert_live (report, "live.chain-complete", "good.contoso.com:443", "pass", NULL);
  assert_live (report, "live.dns-resolves", "good.contoso.com:443", "pass", NULL);
  assert_live (report, "live.dns-matches-plan", "good.contoso.com:443", "pass", NULL);

  /* Another certificate, not in the plan: which one it is. */
  assert_live (report, "live.serves-planned-cert", "other.contoso.com:443", "fail", "not in the plan");
  assert_live (report, "live.serves-planned-cert", "other.contoso.com:443", "fail", "other-planned");
  {
    g_autoptr(CwaCertificate) served = cwa_certificate_new_from_der (get_der (fixture, "other-served"), NULL, 0, NULL);
    JsonObject *finding = find_live (report, "live.serves-planned-cert", "other.contoso.com:443");

    g_assert_nonnull (strstr (json_object_get_string_member (finding, "message"),
                              cwa_certificate_get_sha256 (served)));
  }
  assert_live (report, "live.served-names", "other.contoso.com:443", "pass", NULL);

  /* None planned: it fails and names the one served (the plan holds it). */
  assert_live (report, "live.serves-planned-cert", "none.contoso.com:443", "fail", "No certificate is planned");
  assert_live (report, "live.serves-planned-cert", "none.contoso.com:443", "fail", "none-spare");
  g_assert_cmpstr (json_object_get_string_member (find_live (report, "live.serves-planned-cert", "none.contoso.com:443"),
                                                  "certificate"), ==, "none-spare");

  /* A name missing from the served certificate. */
  assert_live (report, "live.serves-planned-cert", "names.contoso.com:443", "pass", NULL);
  assert_live (report, "live.served-names", "names.contoso.com:443", "fail", "download.names.contoso.com");
  g_assert_cmpstr (json_object_get_string_member (find_live (report, "live.served-names", "names.contoso.com:443"),
                                                  "expected"), ==, "download.names.contoso.com");

  /* Expired. */
  assert_live (report, "live.served-valid", "expired.contoso.com:443", "fail", "expired on 2026-06-01");
  assert_live (report, "live.served-valid", "names.contoso.com:443", "pass", NULL);

  /* The intermediate omitted: named. */
  assert_live (report, "live.chain-complete", "nochain.contoso.com:443", "fail", "CN=Contoso Issuing CA");
}

static void
check_unreachable_cases (JsonObject *report)
{
  assert_live (report, "live.reachable", "refused.contoso.com:443", "fail", "refused");
  assert_only_reachable_and_dns (report, "refused.contoso.com:443");
  assert_live (report, "live.dns-resolves", "refused.contoso.com:443", "pass", NULL);

  assert_live (report, "live.reachable", "silent.contoso.com:443", "fail", "no TLS handshake completed within 1 s");
  assert_only_reachable_and_dns (report, "silent.contoso.com:443");

  assert_live (report, "live.reachable", "plain.contoso.com:443", "fail", "TLS handshake failed");
  assert_only_reachable_and_dns (report, "plain.contoso.com:443");
  /* The reason ends with its own question mark: no full stop after it. */
  g_assert_true (g_str_has_suffix (json_object_get_string_member (find_live (report, "live.reachable",
                                                                             "plain.contoso.com:443"),
                                                                  "message"),
                                   "; is this a TLS service?"));
}

static void
check_where_and_dns (JsonObject *report)
{
  JsonObject *endpoint;

  /* --connect-to: connected there, named as planned. */
  assert_live (report, "live.serves-planned-cert", "ct.contoso.com:443", "pass", NULL);
  g_assert_cmpstr (json_object_get_string_member (find_live (report, "live.reachable", "ct.contoso.com:443"),
                                                  "address"), ==, "127.0.0.11");

  /* The binding address of the plan, not the name's. */
  assert_live (report, "live.serves-planned-cert", "bound.contoso.com:443", "pass", NULL);
  endpoint = find_endpoint (report, "bound.contoso.com:443");
  g_assert_cmpstr (json_object_get_string_member (endpoint, "address"), ==, "127.0.0.12");
  assert_live (report, "live.dns-matches-plan", "bound.contoso.com:443", "fail", "gives 127.0.0.12");

  /* as. elsewhere, download. nowhere. */
  assert_live (report, "live.dns-resolves", "other.contoso.com:443", "fail", "download.other.contoso.com");
  assert_live (report, "live.dns-matches-plan", "other.contoso.com:443", "fail",
               "as.other.contoso.com resolves to 127.0.0.99");
}

static void
check_endpoints (JsonObject *report)
{
  JsonArray *endpoints = json_object_get_array_member (report, "endpoints");
  JsonObject *good = find_endpoint (report, "good.contoso.com:443");
  JsonObject *nochain = find_endpoint (report, "nochain.contoso.com:443");
  JsonObject *none = find_endpoint (report, "none.contoso.com:443");
  JsonObject *silent = find_endpoint (report, "silent.contoso.com:443");
  JsonArray *served = json_object_get_array_member (good, "served");

  g_assert_cmpuint (json_array_get_length (endpoints), ==, G_N_ELEMENTS (case_sites));
  for (guint i = 0; i < G_N_ELEMENTS (case_sites); i++)
    {
      g_autofree gchar *name = g_strdup_printf ("%s:443", case_sites[i].host);
      JsonObject *endpoint = json_array_get_object_element (endpoints, i);

      /* Plan order. */
      g_assert_cmpstr (json_object_get_string_member (endpoint, "endpoint"), ==, name);
    }

  g_assert_cmpstr (json_object_get_string_member (good, "address"), ==, "127.0.0.2");
  g_assert_cmpuint (json_array_get_length (served), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (served, 0), "id"), ==, "good");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (served, 0), "subject"), ==,
                   "CN=good.contoso.com,O=Contoso");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (served, 1), "id"), ==,
                   "contoso-issuing");
  g_assert_true (json_object_get_null_member (good, "error"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (good, "planned")), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (nochain, "served")), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (none, "planned")), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (silent, "served")), ==, 0);
  g_assert_nonnull (strstr (json_object_get_string_member (silent, "error"), "1 s"));
}

/* Every case in one run: one report, the exit status, and the run bounded
 * by the timeout although one endpoint never answers. */
static void
test_cases (void)
{
  g_auto(Fixture) fixture = { 0 };
  g_auto(CwaTestRun) run = { 0 };
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JsonNode) node = NULL;
  JsonObject *report;
  gint64 start;
  gint64 elapsed;

  fixture_init (&fixture);
  make_cases (&fixture, args);
  g_ptr_array_add (args, g_strdup ("--timeout=1"));
  g_ptr_array_add (args, g_strdup ("--format=json"));

  start = g_get_monotonic_time ();
  run_probe (&run, &fixture, args);
  elapsed = g_get_monotonic_time () - start;

  if (run.status != 1 || *run.err != '\0')
    g_error ("probe exited %d; stderr:\n%s", run.status, run.err);
  /* One silent endpoint among eleven, eight at a time: about one timeout
   * (bench-probe measures it).  Without the timeout the silent endpoint
   * would hold the run forever; the generous bound only proves that it
   * does not, so a loaded machine cannot make this fail. */
  g_assert_cmpint (elapsed, <, 30 * G_USEC_PER_SEC);

  node = cwa_test_parse_json (run.out);
  report = json_node_get_object (node);
  check_served_cases (report, &fixture);
  check_unreachable_cases (report);
  check_where_and_dns (report);
  check_endpoints (report);
}

/* A plan with one site served exactly as planned. */
static void
make_good_plan (Fixture   *fixture,
                GPtrArray *args)
{
  static const Site sites[] = { { "good.contoso.com", "good", NULL } };

  make_mtls (fixture);
  add_leaf (fixture, "good", "good.contoso.com", NULL, 0, 101);
  write_plan (fixture, sites, G_N_ELEMENTS (sites));
  start_tls (fixture, "127.0.0.2", 443, "good", TRUE);
  add_resolves (args, "good.contoso.com", "127.0.0.2");
}

/* Nothing fails: exit 0, and every format carries the live findings and
 * the endpoint with its served chain. */
/* The PDF says what the other formats say: the live findings and the
 * endpoints with their served chains. */
static void
check_pdf_text (GBytes *pdf)
{
  static const gchar * const expected[] = {
    "live.serves-planned-cert", "live.dns-matches-plan", "good.contoso.com:443", "127.0.0.2",
    "Endpoints (live)", "CN=Contoso Issuing CA,O=Contoso",
  };
  g_autofree gchar *text = cwa_test_pdf_to_text (pdf, FALSE);
  g_autofree gchar *flat = NULL;

  if (text == NULL)
    {
      g_test_message ("pdftotext (poppler-utils) is not installed: the PDF's text is not checked");
      return;
    }
  flat = cwa_test_strip_space (text);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree gchar *flat_expected = cwa_test_strip_space (expected[i]);

      if (strstr (flat, flat_expected) == NULL)
        g_error ("The PDF does not show %s:\n%s", expected[i], text);
    }
}

static void
test_formats (void)
{
  static const gchar * const formats[] = { "text", "markdown", "html", "csv" };
  g_auto(Fixture) fixture = { 0 };
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autofree gchar *pdf = NULL;

  fixture_init (&fixture);
  make_good_plan (&fixture, args);
  g_ptr_array_add (args, g_strdup ("--format=text"));

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_auto(CwaTestRun) run = { 0 };

      g_free (g_ptr_array_index (args, args->len - 1));
      g_ptr_array_index (args, args->len - 1) = g_strdup_printf ("--format=%s", formats[i]);
      run_probe (&run, &fixture, args);
      if (run.status != 0)
        g_error ("probe --format %s exited %d:\n%s%s", formats[i], run.status, run.out, run.err);
      /* HTML lets names break after their dots and hyphens. */
      if (g_str_equal (formats[i], "html"))
        {
          g_autoptr(GString) text = g_string_new (run.out);

          g_string_replace (text, "<wbr>", "", 0);
          g_free (run.out);
          run.out = g_string_free (g_steal_pointer (&text), FALSE);
        }
      g_assert_nonnull (strstr (run.out, "live.serves-planned-cert"));
      g_assert_nonnull (strstr (run.out, "live.dns-matches-plan"));
      g_assert_nonnull (strstr (run.out, "good.contoso.com:443"));
      g_assert_nonnull (strstr (run.out, "127.0.0.2"));
      if (!g_str_equal (formats[i], "csv"))
        {
          /* The served chain: the leaf and the intermediate after it. */
          g_assert_nonnull (strstr (run.out, "Endpoints (live)"));
          g_assert_nonnull (strstr (run.out, "CN=Contoso Issuing CA,O=Contoso"));
        }
    }

  {
    g_auto(CwaTestRun) run = { 0 };
    g_autofree gchar *contents = NULL;
    g_autoptr(GBytes) bytes = NULL;
    gsize length = 0;

    pdf = g_build_filename (fixture.dir, "live.pdf", NULL);
    g_free (g_ptr_array_index (args, args->len - 1));
    g_ptr_array_index (args, args->len - 1) = g_strdup ("--format=pdf");
    g_ptr_array_add (args, g_strdup_printf ("--output=%s", pdf));
    run_probe (&run, &fixture, args);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
    g_assert_true (g_str_has_prefix (contents, "%PDF-"));
    bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
    check_pdf_text (bytes);
  }
}

/* Bad options are usage errors (exit 2) and nothing is probed. */
static void
test_usage (void)
{
  static const struct {
    const gchar *option;
    const gchar *said;
  } cases[] = {
    { "--resolve=im.contoso.com:443", "--resolve" },
    { "--resolve=im.contoso.com:443:not-an-address", "not an IP address" },
    { "--resolve=im.contoso.com:https:127.0.0.2", "--resolve" },
    { "--connect-to=im.contoso.com:443:127.0.0.2", "--connect-to" },
    { "--timeout=soon", "--timeout" },
    { "--timeout=0", "--timeout" },
    { "--view=dmz", "--view" },
    { "--format=yaml", "format" },
  };
  g_auto(Fixture) fixture = { 0 };

  fixture_init (&fixture);
  make_mtls (&fixture);
  write_plan (&fixture, NULL, 0);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(CwaTestRun) run = { 0 };
      g_autoptr(GPtrArray) args = g_ptr_array_new ();

      g_ptr_array_add (args, (gpointer) cases[i].option);
      run_probe (&run, &fixture, args);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.out, ==, "");
      if (strstr (run.err, cases[i].said) == NULL)
        g_error ("%s: “%s” not in: %s", cases[i].option, cases[i].said, run.err);
    }
}

/* Ctrl+C stops a run that waits for a silent endpoint: promptly, with
 * exit 2 and no report. */
static void
test_interrupt (void)
{
  static const Site sites[] = { { "silent.contoso.com", "silent", NULL } };
  g_auto(Fixture) fixture = { 0 };
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree gchar *out = NULL;
  g_autofree gchar *err = NULL;
  CwaTestTlsServer *server;
  gint64 start;

  fixture_init (&fixture);
  make_mtls (&fixture);
  add_leaf (&fixture, "silent", "silent.contoso.com", NULL, 0, 108);
  write_plan (&fixture, sites, G_N_ELEMENTS (sites));
  server = cwa_test_tls_server_new ("127.0.0.9", 443, CWA_TEST_SERVER_SILENT, NULL, 0);
  g_ptr_array_add (fixture.servers, server);

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                              g_getenv ("CWA_CERT_PLANNER"), "probe", fixture.plan_path, "--now=" NOW,
                              "--no-system-trust", "--timeout=60", "--format=json",
                              "--resolve=silent.contoso.com:443:127.0.0.9", NULL);
  g_assert_no_error (error);

  /* Interrupt once the handshake is under way. */
  start = g_get_monotonic_time ();
  while (cwa_test_tls_server_get_n_accepted (server) == 0)
    {
      g_assert_cmpint (g_get_monotonic_time () - start, <, 30 * G_USEC_PER_SEC);
      g_usleep (10000);
    }
  start = g_get_monotonic_time ();
  g_subprocess_send_signal (process, SIGINT);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);

  /* Well before the 60 s timeout: Ctrl+C, not the timeout, ended it. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 30 * G_USEC_PER_SEC);
  if (!g_subprocess_get_if_exited (process))
    g_error ("probe was killed by signal %d; stderr:\n%s", g_subprocess_get_term_sig (process), err);
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 2);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, "interrupted"));
}

/* curl's syntax, as the probe reads it. */
static void
test_connect_map (void)
{
  g_autoptr(CwaConnectMap) map = cwa_connect_map_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) addresses = NULL;
  g_autofree gchar *host = NULL;
  guint port = 0;

  g_assert_true (cwa_connect_map_add_resolve (map, "IM.Contoso.com.:443:127.0.0.2,[::1]", &error));
  g_assert_no_error (error);
  g_assert_true (cwa_connect_map_add_resolve (map, "+as.im.contoso.com:8443:127.0.0.3", &error));
  g_assert_true (cwa_connect_map_add_connect_to (map, "im.contoso.com:443:[::1]:8443", &error));
  g_assert_true (cwa_connect_map_add_connect_to (map, ":444::", &error));
  g_assert_no_error (error);

  addresses = cwa_connect_map_lookup_resolve (map, "im.contoso.com", 443);
  g_assert_nonnull (addresses);
  g_assert_cmpstr (addresses[0], ==, "127.0.0.2");
  g_assert_cmpstr (addresses[1], ==, "::1");
  g_assert_null (addresses[2]);
  g_clear_pointer (&addresses, g_strfreev);
  g_assert_null (cwa_connect_map_lookup_resolve (map, "im.contoso.com", 80));
  /* Any port: what the DNS comparison reads. */
  addresses = cwa_connect_map_lookup_resolve (map, "as.im.contoso.com", 0);
  g_assert_nonnull (addresses);
  g_assert_cmpstr (addresses[0], ==, "127.0.0.3");
  g_clear_pointer (&addresses, g_strfreev);

  g_assert_true (cwa_connect_map_lookup_connect_to (map, "im.contoso.com", 443, &host, &port));
  g_assert_cmpstr (host, ==, "::1");
  g_assert_cmpuint (port, ==, 8443);
  g_clear_pointer (&host, g_free);
  /* Empty fields: any host, the same host and port. */
  g_assert_true (cwa_connect_map_lookup_connect_to (map, "download.im.contoso.com", 444, &host, &port));
  g_assert_cmpstr (host, ==, "download.im.contoso.com");
  g_assert_cmpuint (port, ==, 444);
  g_clear_pointer (&host, g_free);
  g_assert_false (cwa_connect_map_lookup_connect_to (map, "download.im.contoso.com", 443, &host, &port));

  g_assert_false (cwa_connect_map_add_resolve (map, "im.contoso.com:443:", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (cwa_connect_map_add_connect_to (map, "im.contoso.com:99999:a:1", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
}

/* A version 2 plan: cwa01 and cwa02 serving im.contoso.com as an array
 * behind a pass-through load balancer (VIP 127.0.0.20), published by a
 * reverse proxy as im.contoso.net on a listener at 127.0.0.30. */
static void
write_array_plan (Fixture *fixture)
{
  g_autoptr(JsonBuilder) builder = begin_plan (2);
  static const gchar * const members[] = { "cwa01.contoso.com", "cwa02.contoso.com" };

  json_builder_set_member_name (builder, "servers");
  json_builder_begin_array (builder);
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "fqdn");
      json_builder_add_string_value (builder, members[i]);
      json_builder_set_member_name (builder, "virtual_servers");
      json_builder_begin_array (builder);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "url");
      json_builder_add_string_value (builder, "https://im.contoso.com");
      json_builder_set_member_name (builder, "audience");
      json_builder_add_string_value (builder, "external");
      json_builder_set_member_name (builder, "ssl_certificate");
      json_builder_add_string_value (builder, "im-new");
      json_builder_end_object (builder);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "load_balancers");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "fqdn");
  json_builder_add_string_value (builder, "im.contoso.com");
  json_builder_set_member_name (builder, "vip");
  json_builder_add_string_value (builder, "127.0.0.20");
  json_builder_set_member_name (builder, "members");
  json_builder_begin_array (builder);
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    json_builder_add_string_value (builder, members[i]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "reverse_proxies");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "fqdn");
  json_builder_add_string_value (builder, "isa01.perimeter.contoso.com");
  json_builder_set_member_name (builder, "publishing_rules");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "published_url");
  json_builder_add_string_value (builder, "https://im.contoso.net");
  json_builder_set_member_name (builder, "listen");
  json_builder_add_string_value (builder, "127.0.0.30:443");
  json_builder_set_member_name (builder, "listener_certificate");
  json_builder_add_string_value (builder, "im-public");
  json_builder_set_member_name (builder, "virtual_server");
  json_builder_add_string_value (builder, "im.contoso.com");
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  json_builder_end_array (builder);

  finish_plan (fixture, builder);
}

/* An array of two computers behind a pass-through load balancer, the
 * second member still serving last year's certificate, and a reverse
 * proxy publishing it on the Internet: `probe` on a version 2 plan. */
static void
test_array_and_listener (void)
{
  g_auto(Fixture) fixture = { 0 };
  g_auto(CwaTestRun) run = { 0 };
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JsonNode) node = NULL;
  JsonObject *report;
  JsonObject *finding;
  JsonArray *planned;

  fixture_init (&fixture);
  add_leaf (&fixture, "im-new", "im.contoso.com", NULL, 0, 201);
  add_leaf (&fixture, "im-old", "im.contoso.com", NULL, EXPIRED_UNIX, 200);
  add_leaf (&fixture, "im-public", "im.contoso.net", NULL, 0, 202);
  write_array_plan (&fixture);

  start_tls (&fixture, "127.0.0.21", 443, "im-new", TRUE);
  start_tls (&fixture, "127.0.0.22", 443, "im-old", TRUE);
  start_tls (&fixture, "127.0.0.20", 443, "im-new", TRUE);
  start_tls (&fixture, "127.0.0.30", 443, "im-public", TRUE);
  g_ptr_array_add (args, g_strdup ("--resolve=cwa01.contoso.com:443:127.0.0.21"));
  g_ptr_array_add (args, g_strdup ("--resolve=cwa02.contoso.com:443:127.0.0.22"));
  add_resolves (args, "im.contoso.com", "127.0.0.20");
  add_resolves (args, "im.contoso.net", "127.0.0.30");
  g_ptr_array_add (args, g_strdup ("--view=external"));
  g_ptr_array_add (args, g_strdup ("--timeout=2"));
  g_ptr_array_add (args, g_strdup ("--format=json"));

  run_probe (&run, &fixture, args);
  /* The old certificate of cwa02 is an error. */
  if (run.status != 1 || *run.err != '\0')
    g_error ("probe exited %d; stderr:\n%s", run.status, run.err);
  node = cwa_test_parse_json (run.out);
  report = json_node_get_object (node);

  /* Each member on its own, past the load balancer, with the array's names. */
  assert_live (report, "live.serves-planned-cert", "cwa01.contoso.com:443", "pass", NULL);
  assert_live (report, "live.served-names", "cwa01.contoso.com:443", "pass", "im.contoso.com");
  assert_live (report, "live.serves-planned-cert", "cwa02.contoso.com:443", "fail", "im-old");
  assert_live (report, "live.served-valid", "cwa02.contoso.com:443", "fail", "expired");
  g_assert_null (find_live (report, "live.dns-resolves", "cwa02.contoso.com:443"));

  /* The load balancer: planned are its members' certificates; the array's
   * DNS names are its. */
  finding = find_live (report, "live.serves-planned-cert", "im.contoso.com:443");
  g_assert_nonnull (finding);
  g_assert_cmpstr (json_object_get_string_member (finding, "status"), ==, "pass");
  g_assert_cmpstr (json_object_get_string_member (finding, "load_balancer"), ==, "im.contoso.com");
  g_assert_cmpstr (json_object_get_string_member (finding, "address"), ==, "127.0.0.20");
  planned = json_object_get_array_member (find_endpoint (report, "im.contoso.com:443"), "planned");
  g_assert_cmpuint (json_array_get_length (planned), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (planned, 0), ==, "im-new");
  finding = find_live (report, "live.dns-resolves", "im.contoso.com:443");
  g_assert_nonnull (finding);
  g_assert_cmpstr (json_object_get_string_member (finding, "status"), ==, "pass");

  /* The listener: its certificate, names and external records. */
  finding = find_live (report, "live.served-names", "im.contoso.net:443");
  g_assert_nonnull (finding);
  g_assert_cmpstr (json_object_get_string_member (finding, "status"), ==, "pass");
  g_assert_cmpstr (json_object_get_string_member (finding, "reverse_proxy"), ==, "isa01.perimeter.contoso.com");
  g_assert_cmpstr (json_object_get_string_member (finding, "published_host"), ==, "im.contoso.net");
  finding = find_live (report, "live.dns-matches-plan", "im.contoso.net:443");
  g_assert_nonnull (finding);
  g_assert_cmpstr (json_object_get_string_member (finding, "status"), ==, "pass");
  g_assert_nonnull (strstr (json_object_get_string_member (finding, "message"), "im.contoso.net"));
  finding = find_live (report, "live.serves-planned-cert", "im.contoso.net:443");
  g_assert_cmpstr (json_object_get_string_member (finding, "status"), ==, "pass");
  g_assert_cmpstr (json_object_get_string_member (find_endpoint (report, "im.contoso.net:443"), "address"), ==,
                   "127.0.0.30");
}

int
main (int    argc,
      char **argv)
{
  g_autofree gchar *why = NULL;

  /* Never anywhere but in a namespace that has only loopback: the plan's
   * names are real-looking, and nothing here may reach them. */
  if (!cwa_test_only_loopback (&why))
    {
      g_print ("1..0 # SKIP not in a network namespace with only loopback: %s\n", why);
      return 0;
    }

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/probe/connect-map", test_connect_map);
  g_test_add_func ("/probe/usage", test_usage);
  g_test_add_func ("/probe/cases", test_cases);
  g_test_add_func ("/probe/array-and-listener", test_array_and_listener);
  g_test_add_func ("/probe/formats", test_formats);
  g_test_add_func ("/probe/interrupt", test_interrupt);

  return g_test_run ();
}

/* test-rules.c: every rule of the catalogue, passing and failing, on real certificates. */
#include "config.h"

#include <string.h>

#include <gnutls/gnutls.h>

#include "cwa-checklist.h"
#include "cwa-names.h"
#include "cwa-test-cert.h"
#include "rules/cwa-rule-context.h"
#include "rules/cwa-rules.h"

#define DAY G_GINT64_CONSTANT (86400)

typedef struct
{
  CwaPlan       *plan;
  CwaTrust      *trust;
  CwaChecklist  *checklist;
  CwaTestIssuer *issuer;
} Fixture;

static const gchar * const contoso_names[] = {
  "im.contoso.com", "as.im.contoso.com", "download.im.contoso.com", "cwaserver.contoso.com", NULL
};

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->plan = cwa_plan_new ();
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  if (f->checklist != NULL)
    g_assert_finalize_object (f->checklist);
  if (f->trust != NULL)
    g_assert_finalize_object (f->trust);
  g_assert_finalize_object (f->plan);
  g_clear_pointer (&f->issuer, cwa_test_issuer_free);
}

static CwaCertificate *
add_spec (Fixture         *f,
          CwaTestCertSpec *spec)
{
  g_autoptr(CwaCertificate) cert = cwa_test_cert_build (spec);

  return cwa_plan_add_certificate (f->plan, cert);
}

static CwaCertificate *
add_cert (Fixture             *f,
          const gchar         *subject,
          const gchar * const *dns_names)
{
  CwaTestCertSpec spec;

  cwa_test_cert_spec_init (&spec, subject);
  spec.dns_names = dns_names;

  return add_spec (f, &spec);
}

static CwaServer *
add_server (Fixture     *f,
            const gchar *fqdn)
{
  g_autoptr(CwaServer) server = cwa_server_new (fqdn);

  cwa_deployment_add_server (cwa_plan_get_deployment (f->plan), server);

  return server;
}

static CwaVirtualServer *
add_vs (CwaServer   *server,
        const gchar *url,
        CwaAudience  audience)
{
  g_autoptr(CwaVirtualServer) vs = cwa_virtual_server_new (url, audience);

  cwa_server_add_virtual_server (server, vs);

  return vs;
}

/* Runs the rules at the fixed test time and returns every finding. */
static GListModel *
run (Fixture *f)
{
  g_autoptr(GDateTime) now = cwa_test_now ();

  if (f->checklist == NULL)
    f->checklist = cwa_checklist_new (f->plan, f->trust);
  cwa_checklist_set_now (f->checklist, now);
  cwa_checklist_update (f->checklist);

  return cwa_checklist_get_findings (f->checklist);
}

/* The findings of one rule, borrowed from the checklist. */
static GPtrArray *
findings_of (Fixture     *f,
             const gchar *rule_id)
{
  GListModel *findings = run (f);
  GPtrArray *result = g_ptr_array_new ();

  g_assert_nonnull (cwa_rules_lookup (rule_id));

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(CwaFinding) finding = g_list_model_get_item (findings, i);

      g_assert_nonnull (cwa_finding_get_message (finding));
      g_assert_cmpstr (cwa_finding_get_message (finding), !=, "");
      if (g_strcmp0 (cwa_finding_get_rule_id (finding), rule_id) == 0)
        g_ptr_array_add (result, finding);
    }

  return result;
}

static CwaFinding *
the_finding (Fixture     *f,
             const gchar *rule_id)
{
  g_autoptr(GPtrArray) found = findings_of (f, rule_id);

  g_assert_cmpuint (found->len, ==, 1);

  return g_ptr_array_index (found, 0);
}

static void
assert_no_finding (Fixture     *f,
                   const gchar *rule_id)
{
  g_autoptr(GPtrArray) found = findings_of (f, rule_id);

  g_assert_cmpuint (found->len, ==, 0);
}

static void
assert_status (CwaFinding *finding,
               CwaStatus   status)
{
  if (cwa_finding_get_status (finding) != status)
    g_error ("%s: expected %s, got %s: %s", cwa_finding_get_rule_id (finding),
             cwa_status_to_string (status),
             cwa_status_to_string (cwa_finding_get_status (finding)),
             cwa_finding_get_message (finding));
}

static void
assert_message_contains (CwaFinding  *finding,
                         const gchar *text)
{
  if (strstr (cwa_finding_get_message (finding), text) == NULL)
    g_error ("%s: message \"%s\" does not contain \"%s\"", cwa_finding_get_rule_id (finding),
             cwa_finding_get_message (finding), text);
}

/* The documented example: cwaserver.contoso.com serving https://im.contoso.com
 * with one shared certificate. */
static CwaVirtualServer *
contoso_shared (Fixture             *f,
                const gchar * const *names)
{
  CwaServer *server = add_server (f, "cwaserver.contoso.com");
  CwaVirtualServer *vs = add_vs (server, "https://im.contoso.com", CWA_AUDIENCE_INTERNAL);
  CwaCertificate *cert = add_cert (f, "CN=im.contoso.com,O=Contoso", names);

  cwa_server_set_mtls_certificate (server, cert);
  cwa_virtual_server_set_ssl_certificate (vs, cert);

  return vs;
}

/* Separate certificates: one with @ssl_names for the virtual server, one
 * named after the computer for MTLS. */
static CwaVirtualServer *
contoso_separate (Fixture             *f,
                  const gchar         *ssl_subject,
                  const gchar * const *ssl_names,
                  const gchar         *mtls_subject)
{
  CwaServer *server = add_server (f, "cwaserver.contoso.com");
  CwaVirtualServer *vs = add_vs (server, "https://im.contoso.com", CWA_AUDIENCE_INTERNAL);

  cwa_virtual_server_set_ssl_certificate (vs, add_cert (f, ssl_subject, ssl_names));
  cwa_server_set_mtls_certificate (server, add_cert (f, mtls_subject, NULL));

  return vs;
}

/* A certificate with one changed property, in the shared example. */
static CwaCertificate *
contoso_with_spec (Fixture         *f,
                   CwaTestCertSpec *spec)
{
  CwaServer *server = add_server (f, "cwaserver.contoso.com");
  CwaVirtualServer *vs = add_vs (server, "https://im.contoso.com", CWA_AUDIENCE_INTERNAL);
  CwaCertificate *cert = add_spec (f, spec);

  cwa_server_set_mtls_certificate (server, cert);
  cwa_virtual_server_set_ssl_certificate (vs, cert);

  return cert;
}

static void
contoso_spec_init (CwaTestCertSpec *spec)
{
  cwa_test_cert_spec_init (spec, "CN=im.contoso.com,O=Contoso");
  spec->dns_names = contoso_names;
}

/* The catalogue */

static void
test_catalogue (void)
{
  static const struct {
    const gchar *id;
    CwaLevel     level;
    CwaScope     scope;
    const gchar *source;
  } expected[] = {
    { "server.has-mtls-cert", CWA_LEVEL_ERROR, CWA_SCOPE_SERVER, "CWA-CERTS" },
    { "vs.has-ssl-cert", CWA_LEVEL_ERROR, CWA_SCOPE_VIRTUAL_SERVER, "CWA-CERTS" },
    { "ssl.subject-matches-url", CWA_LEVEL_ERROR, CWA_SCOPE_VIRTUAL_SERVER, "CWA-CERTS" },
    { "ssl.san-has-url", CWA_LEVEL_ERROR, CWA_SCOPE_VIRTUAL_SERVER, "CWA-CERTS" },
    { "ssl.san-has-as-url", CWA_LEVEL_ERROR, CWA_SCOPE_VIRTUAL_SERVER, "CWA-CERTS" },
    { "ssl.san-has-download-url", CWA_LEVEL_ERROR, CWA_SCOPE_VIRTUAL_SERVER, "CWA-CERTS" },
    { "shared.san-has-server-fqdn", CWA_LEVEL_ERROR, CWA_SCOPE_VIRTUAL_SERVER, "CWA-CERTS" },
    { "shared.single-server-only", CWA_LEVEL_WARNING, CWA_SCOPE_DEPLOYMENT, "CWA-CERTS" },
    { "mtls.subject-is-server-fqdn", CWA_LEVEL_ERROR, CWA_SCOPE_SERVER, "CWA-CERTS" },
    { "vs.one-cert-per-domain", CWA_LEVEL_ERROR, CWA_SCOPE_VIRTUAL_SERVER, "CWA-CERTS" },
    { "external.public-ca", CWA_LEVEL_WARNING, CWA_SCOPE_VIRTUAL_SERVER, "CWA-CERTS" },
    { "external.https-required", CWA_LEVEL_ERROR, CWA_SCOPE_VIRTUAL_SERVER, "CWA-VS" },
    { "server.internal-external-separate", CWA_LEVEL_WARNING, CWA_SCOPE_SERVER, "CWA-VS" },
    { "server.listen-conflict", CWA_LEVEL_ERROR, CWA_SCOPE_SERVER, "CWA-VS" },
    { "deployment.unique-urls", CWA_LEVEL_ERROR, CWA_SCOPE_DEPLOYMENT, "CWA-VS" },
    { "lb.members-host-array-url", CWA_LEVEL_ERROR, CWA_SCOPE_LOAD_BALANCER, "CWA-LB" },
    { "lb.members-consistent", CWA_LEVEL_ERROR, CWA_SCOPE_LOAD_BALANCER, "CWA-LB" },
    { "lb.has-ssl-cert", CWA_LEVEL_ERROR, CWA_SCOPE_LOAD_BALANCER, "CWA-PREP" },
    { "lb.subject-matches-fqdn", CWA_LEVEL_ERROR, CWA_SCOPE_LOAD_BALANCER, "CWA-LB" },
    { "lb.san-has-fqdn", CWA_LEVEL_ERROR, CWA_SCOPE_LOAD_BALANCER, "CWA-PREP" },
    { "lb.san-has-as-url", CWA_LEVEL_ERROR, CWA_SCOPE_LOAD_BALANCER, "CWA-PREP" },
    { "lb.san-has-download-url", CWA_LEVEL_ERROR, CWA_SCOPE_LOAD_BALANCER, "CWA-PREP" },
    { "rp.publishes-known-vs", CWA_LEVEL_ERROR, CWA_SCOPE_REVERSE_PROXY, "CWA-RP" },
    { "rp.https-required", CWA_LEVEL_ERROR, CWA_SCOPE_REVERSE_PROXY, "CWA-RP" },
    { "rp.publishes-external", CWA_LEVEL_WARNING, CWA_SCOPE_REVERSE_PROXY, "CWA-RP" },
    { "rp.has-listener-cert", CWA_LEVEL_ERROR, CWA_SCOPE_REVERSE_PROXY, "CWA-PREP" },
    { "rp.listener-subject-matches-url", CWA_LEVEL_ERROR, CWA_SCOPE_REVERSE_PROXY, "CWA-PREP" },
    { "rp.listener-san-has-url", CWA_LEVEL_ERROR, CWA_SCOPE_REVERSE_PROXY, "CWA-PREP" },
    { "rp.listener-san-has-as-url", CWA_LEVEL_ERROR, CWA_SCOPE_REVERSE_PROXY, "CWA-DNS" },
    { "rp.listener-san-has-download-url", CWA_LEVEL_ERROR, CWA_SCOPE_REVERSE_PROXY, "CWA-DNS" },
    { "rp.listener-public-ca", CWA_LEVEL_WARNING, CWA_SCOPE_REVERSE_PROXY, "CWA-CERTS" },
    { "rp.internal-name-on-cert", CWA_LEVEL_ERROR, CWA_SCOPE_REVERSE_PROXY, "CWA-RP" },
    { "rp.trusts-internal-ca", CWA_LEVEL_ERROR, CWA_SCOPE_REVERSE_PROXY, "CWA-RP" },
    { "external.published-by-reverse-proxy", CWA_LEVEL_INFO, CWA_SCOPE_VIRTUAL_SERVER, "CWA-RP" },
    { "cert.version-3", CWA_LEVEL_ERROR, CWA_SCOPE_CERTIFICATE, "CWA-PREP" },
    { "cert.eku-server-auth", CWA_LEVEL_ERROR, CWA_SCOPE_CERTIFICATE, "CWA-PREP" },
    { "cert.key-usage", CWA_LEVEL_ERROR, CWA_SCOPE_CERTIFICATE, "CWA-PREP" },
    { "cert.validity", CWA_LEVEL_ERROR, CWA_SCOPE_CERTIFICATE, "PKIX" },
    { "cert.expiring-soon", CWA_LEVEL_WARNING, CWA_SCOPE_CERTIFICATE, "PKIX" },
    { "cert.chain-trusted", CWA_LEVEL_WARNING, CWA_SCOPE_CERTIFICATE, "PKIX" },
    { "cert.weak-key", CWA_LEVEL_WARNING, CWA_SCOPE_CERTIFICATE, "PKIX" },
    { "cert.weak-signature", CWA_LEVEL_WARNING, CWA_SCOPE_CERTIFICATE, "PKIX" },
    { "cert.no-unknown-critical-extension", CWA_LEVEL_ERROR, CWA_SCOPE_CERTIFICATE, "PKIX" },
    { "cert.no-wildcard", CWA_LEVEL_WARNING, CWA_SCOPE_CERTIFICATE, "CWA-CERTS" },
    { "live.reachable", CWA_LEVEL_ERROR, CWA_SCOPE_ENDPOINT, "LIVE" },
    { "live.serves-planned-cert", CWA_LEVEL_ERROR, CWA_SCOPE_ENDPOINT, "LIVE" },
    { "live.served-names", CWA_LEVEL_ERROR, CWA_SCOPE_ENDPOINT, "LIVE" },
    { "live.served-valid", CWA_LEVEL_ERROR, CWA_SCOPE_ENDPOINT, "LIVE" },
    { "live.chain-complete", CWA_LEVEL_WARNING, CWA_SCOPE_ENDPOINT, "LIVE" },
    { "live.dns-resolves", CWA_LEVEL_ERROR, CWA_SCOPE_ENDPOINT, "LIVE" },
    { "live.dns-matches-plan", CWA_LEVEL_WARNING, CWA_SCOPE_ENDPOINT, "LIVE" },
  };
  const CwaRule * const *catalogue;
  guint n_rules = 0;

  catalogue = cwa_rules_get_catalogue (&n_rules);
  g_assert_cmpuint (n_rules, ==, G_N_ELEMENTS (expected));
  g_assert_null (catalogue[n_rules]);

  for (guint i = 0; i < n_rules; i++)
    {
      g_assert_cmpstr (catalogue[i]->id, ==, expected[i].id);
      g_assert_cmpint (catalogue[i]->level, ==, expected[i].level);
      g_assert_cmpint (catalogue[i]->scope, ==, expected[i].scope);
      g_assert_cmpstr (catalogue[i]->source, ==, expected[i].source);
      g_assert_nonnull (catalogue[i]->title);
      g_assert_nonnull (catalogue[i]->check);
      g_assert_true (cwa_rules_lookup (expected[i].id) == catalogue[i]);
    }

  g_assert_null (cwa_rules_lookup ("ssl.no-such-rule"));
}

/* server.has-mtls-cert */

static void
test_server_has_mtls_cert_pass (Fixture *f, gconstpointer data)
{
  CwaVirtualServer *vs = contoso_shared (f, contoso_names);
  CwaFinding *finding = the_finding (f, "server.has-mtls-cert");

  assert_status (finding, CWA_STATUS_PASS);
  g_assert_true (cwa_finding_get_server (finding) == cwa_virtual_server_get_server (vs));
  g_assert_nonnull (cwa_finding_get_certificate (finding));
}

static void
test_server_has_mtls_cert_fail (Fixture *f, gconstpointer data)
{
  CwaServer *server = add_server (f, "CWAServer.Contoso.com.");
  CwaFinding *finding;

  add_vs (server, "https://im.contoso.com", CWA_AUDIENCE_INTERNAL);
  finding = the_finding (f, "server.has-mtls-cert");
  assert_status (finding, CWA_STATUS_FAIL);
  g_assert_true (cwa_finding_get_server (finding) == server);
  /* Named by its FQDN in lower case without the trailing dot. */
  assert_message_contains (finding, "cwaserver.contoso.com ");
  /* Nothing to evaluate without a certificate: no other finding about it. */
  assert_no_finding (f, "mtls.subject-is-server-fqdn");
}

/* vs.has-ssl-cert */

static void
test_vs_has_ssl_cert_pass (Fixture *f, gconstpointer data)
{
  contoso_shared (f, contoso_names);
  assert_status (the_finding (f, "vs.has-ssl-cert"), CWA_STATUS_PASS);
}

static void
test_vs_has_ssl_cert_fail (Fixture *f, gconstpointer data)
{
  CwaServer *server = add_server (f, "cwaserver.contoso.com");
  CwaVirtualServer *vs = add_vs (server, "https://im.contoso.com", CWA_AUDIENCE_INTERNAL);
  CwaFinding *finding = the_finding (f, "vs.has-ssl-cert");

  assert_status (finding, CWA_STATUS_FAIL);
  g_assert_true (cwa_finding_get_virtual_server (finding) == vs);
  g_assert_true (cwa_finding_get_server (finding) == server);
  assert_message_contains (finding, "im.contoso.com");
  /* The ssl.* rules cannot be evaluated yet. */
  assert_no_finding (f, "ssl.subject-matches-url");
  assert_no_finding (f, "ssl.san-has-url");
  assert_no_finding (f, "shared.san-has-server-fqdn");
  assert_no_finding (f, "vs.one-cert-per-domain");
}

static void
test_vs_has_ssl_cert_http (Fixture *f, gconstpointer data)
{
  CwaServer *server = add_server (f, "cwaserver.contoso.com");

  add_vs (server, "http://im.contoso.com", CWA_AUDIENCE_INTERNAL);
  assert_no_finding (f, "vs.has-ssl-cert");
  assert_no_finding (f, "ssl.san-has-url");
}

/* ssl.subject-matches-url */

static void
test_ssl_subject_matches_url_pass (Fixture *f, gconstpointer data)
{
  CwaFinding *finding;

  contoso_shared (f, contoso_names);
  finding = the_finding (f, "ssl.subject-matches-url");
  assert_status (finding, CWA_STATUS_PASS);
  g_assert_cmpstr (cwa_finding_get_expected (finding), ==, "im.contoso.com");
  g_assert_cmpstr (cwa_finding_get_found (finding)[0], ==, "im.contoso.com");
}

static void
test_ssl_subject_matches_url_fail (Fixture *f, gconstpointer data)
{
  CwaFinding *finding;

  contoso_separate (f, "CN=www.contoso.com", contoso_names, "CN=cwaserver.contoso.com");
  finding = the_finding (f, "ssl.subject-matches-url");
  assert_status (finding, CWA_STATUS_FAIL);
  g_assert_cmpstr (cwa_finding_get_expected (finding), ==, "im.contoso.com");
  g_assert_cmpstrv (cwa_finding_get_found (finding), ((const gchar *[]) { "www.contoso.com", NULL }));
  assert_message_contains (finding, "www.contoso.com");
  assert_message_contains (finding, "im.contoso.com");
}

static void
test_ssl_subject_matches_url_wildcard (Fixture *f, gconstpointer data)
{
  CwaFinding *finding;

  contoso_separate (f, "CN=*.contoso.com", contoso_names, "CN=cwaserver.contoso.com");
  finding = the_finding (f, "ssl.subject-matches-url");
  assert_status (finding, CWA_STATUS_FAIL);
  assert_message_contains (finding, "only *.contoso.com, a wildcard, which CWA does not accept");
}

static void
test_ssl_subject_matches_url_case (Fixture *f, gconstpointer data)
{
  CwaFinding *finding;

  contoso_separate (f, "CN=IM.Contoso.COM.", contoso_names, "CN=cwaserver.contoso.com");
  finding = the_finding (f, "ssl.subject-matches-url");
  assert_status (finding, CWA_STATUS_PASS);
  /* Not echoed as "IM.Contoso.COM.." at the end of the sentence. */
  g_assert_null (strstr (cwa_finding_get_message (finding), ".."));
  assert_message_contains (finding, "the subject name im.contoso.com (written “IM.Contoso.COM.”).");
}

static void
test_ssl_subject_matches_url_empty_subject (Fixture *f, gconstpointer data)
{
  CwaFinding *finding;

  contoso_separate (f, "", contoso_names, "CN=cwaserver.contoso.com");
  finding = the_finding (f, "ssl.subject-matches-url");
  assert_status (finding, CWA_STATUS_FAIL);
  assert_message_contains (finding, "has no subject name (its subject is empty); expected im.contoso.com.");
  g_assert_null (strstr (cwa_finding_get_message (finding), " )"));
  g_assert_null (strstr (cwa_finding_get_message (finding), " ,"));
}

static void
test_ssl_subject_matches_url_idn (Fixture *f, gconstpointer data)
{
  static const gchar * const names[] = {
    "xn--bcher-kva.contoso.com", "as.xn--bcher-kva.contoso.com",
    "download.xn--bcher-kva.contoso.com", NULL
  };
  CwaServer *server = add_server (f, "cwaserver.contoso.com");
  CwaVirtualServer *vs = add_vs (server, "https://Bücher.contoso.com", CWA_AUDIENCE_INTERNAL);
  CwaFinding *finding;

  cwa_virtual_server_set_ssl_certificate (vs, add_cert (f, "CN=xn--bcher-kva.contoso.com", names));
  finding = the_finding (f, "ssl.subject-matches-url");
  assert_status (finding, CWA_STATUS_PASS);
  /* Reports name the virtual server as written, in lower case. */
  assert_message_contains (finding, "bücher.contoso.com");
  assert_status (the_finding (f, "ssl.san-has-url"), CWA_STATUS_PASS);
  assert_status (the_finding (f, "ssl.san-has-as-url"), CWA_STATUS_PASS);
  assert_status (the_finding (f, "ssl.san-has-download-url"), CWA_STATUS_PASS);
}

static void
test_ssl_subject_matches_url_no_cn (Fixture *f, gconstpointer data)
{
  contoso_separate (f, "O=Contoso", contoso_names, "CN=cwaserver.contoso.com");
  assert_status (the_finding (f, "ssl.subject-matches-url"), CWA_STATUS_FAIL);
}

/* ssl.san-has-url */

static void
test_ssl_san_has_url_pass (Fixture *f, gconstpointer data)
{
  CwaFinding *finding;

  contoso_shared (f, contoso_names);
  finding = the_finding (f, "ssl.san-has-url");
  assert_status (finding, CWA_STATUS_PASS);
  g_assert_cmpstr (cwa_finding_get_expected (finding), ==, "im.contoso.com");
  g_assert_cmpstrv (cwa_finding_get_found (finding), contoso_names);
}

static void
test_ssl_san_has_url_fail (Fixture *f, gconstpointer data)
{
  static const gchar * const names[] = { "as.im.contoso.com", "download.im.contoso.com", NULL };
  CwaFinding *finding;

  contoso_separate (f, "CN=im.contoso.com", names, "CN=cwaserver.contoso.com");
  finding = the_finding (f, "ssl.san-has-url");
  assert_status (finding, CWA_STATUS_FAIL);
  g_assert_cmpstrv (cwa_finding_get_found (finding), names);
  g_assert_cmpstr (cwa_finding_get_message (finding), ==,
                   "The SSL certificate of im.contoso.com does not list im.contoso.com "
                   "in its subject alternative names.");
}

static void
test_ssl_san_has_url_no_san (Fixture *f, gconstpointer data)
{
  CwaFinding *finding;

  contoso_separate (f, "CN=im.contoso.com", NULL, "CN=cwaserver.contoso.com");
  finding = the_finding (f, "ssl.san-has-url");
  assert_status (finding, CWA_STATUS_FAIL);
  /* The subject CN never stands in for a missing SAN. */
  g_assert_nonnull (cwa_finding_get_found (finding));
  g_assert_null (cwa_finding_get_found (finding)[0]);
  assert_status (the_finding (f, "ssl.subject-matches-url"), CWA_STATUS_PASS);
}

/* ssl.san-has-as-url */

static void
test_ssl_san_has_as_url_pass (Fixture *f, gconstpointer data)
{
  contoso_shared (f, contoso_names);
  assert_status (the_finding (f, "ssl.san-has-as-url"), CWA_STATUS_PASS);
}

static void
test_ssl_san_has_as_url_fail (Fixture *f, gconstpointer data)
{
  static const gchar * const names[] = { "im.contoso.com", "download.im.contoso.com", NULL };
  CwaFinding *finding;

  contoso_separate (f, "CN=im.contoso.com", names, "CN=cwaserver.contoso.com");
  finding = the_finding (f, "ssl.san-has-as-url");
  assert_status (finding, CWA_STATUS_FAIL);
  g_assert_cmpstr (cwa_finding_get_expected (finding), ==, "as.im.contoso.com");
  assert_message_contains (finding, "as.im.contoso.com");
}

static void
test_ssl_san_has_as_url_wildcard (Fixture *f, gconstpointer data)
{
  static const gchar * const names[] = { "im.contoso.com", "*.im.contoso.com", NULL };
  CwaFinding *finding;

  contoso_separate (f, "CN=im.contoso.com", names, "CN=cwaserver.contoso.com");
  finding = the_finding (f, "ssl.san-has-as-url");
  assert_status (finding, CWA_STATUS_FAIL);
  assert_message_contains (finding, "only *.im.contoso.com, a wildcard, which CWA does not accept");
}

static void
test_ssl_san_has_as_url_deep_wildcard (Fixture *f, gconstpointer data)
{
  static const gchar * const names[] = { "im.contoso.com", "*.contoso.com", NULL };
  CwaFinding *finding;

  /* *.contoso.com covers one label only: not as.im.contoso.com, so the
   * message does not blame the wildcard. */
  contoso_separate (f, "CN=im.contoso.com", names, "CN=cwaserver.contoso.com");
  finding = the_finding (f, "ssl.san-has-as-url");
  assert_status (finding, CWA_STATUS_FAIL);
  g_assert_null (strstr (cwa_finding_get_message (finding), "wildcard"));
}

static void
test_ssl_san_has_as_url_override (Fixture *f, gconstpointer data)
{
  static const gchar * const names[] = {
    "im.contoso.com", "cwa-as.contoso.com", "download.im.contoso.com", NULL
  };
  CwaVirtualServer *vs;
  CwaFinding *finding;

  vs = contoso_separate (f, "CN=im.contoso.com", names, "CN=cwaserver.contoso.com");
  assert_status (the_finding (f, "ssl.san-has-as-url"), CWA_STATUS_FAIL);

  cwa_virtual_server_set_as_url (vs, "https://CWA-AS.contoso.com/");
  finding = the_finding (f, "ssl.san-has-as-url");
  assert_status (finding, CWA_STATUS_PASS);
  g_assert_cmpstr (cwa_finding_get_expected (finding), ==, "cwa-as.contoso.com");
}

/* ssl.san-has-download-url */

static void
test_ssl_san_has_download_url_pass (Fixture *f, gconstpointer data)
{
  contoso_shared (f, contoso_names);
  assert_status (the_finding (f, "ssl.san-has-download-url"), CWA_STATUS_PASS);
}

static void
test_ssl_san_has_download_url_fail (Fixture *f, gconstpointer data)
{
  static const gchar * const names[] = {
    "im.contoso.com", "as.im.contoso.com", "cwaserver.contoso.com", NULL
  };
  CwaFinding *finding;

  contoso_shared (f, names);
  finding = the_finding (f, "ssl.san-has-download-url");
  assert_status (finding, CWA_STATUS_FAIL);
  g_assert_cmpstr (cwa_finding_get_expected (finding), ==, "download.im.contoso.com");
  g_assert_cmpstrv (cwa_finding_get_found (finding), names);
  /* The sentence of cli.md's example, word for word. */
  g_assert_cmpstr (cwa_finding_get_message (finding), ==,
                   "The SSL certificate of im.contoso.com does not list "
                   "download.im.contoso.com in its subject alternative names.");
}

/* shared.san-has-server-fqdn */

static void
test_shared_san_has_server_fqdn_pass (Fixture *f, gconstpointer data)
{
  CwaFinding *finding;

  contoso_shared (f, contoso_names);
  finding = the_finding (f, "shared.san-has-server-fqdn");
  assert_status (finding, CWA_STATUS_PASS);
  g_assert_cmpstr (cwa_finding_get_expected (finding), ==, "cwaserver.contoso.com");
}

static void
test_shared_san_has_server_fqdn_fail (Fixture *f, gconstpointer data)
{
  static const gchar * const names[] = {
    "im.contoso.com", "as.im.contoso.com", "download.im.contoso.com", NULL
  };
  CwaFinding *finding;

  contoso_shared (f, names);
  finding = the_finding (f, "shared.san-has-server-fqdn");
  assert_status (finding, CWA_STATUS_FAIL);
  assert_message_contains (finding, "cwaserver.contoso.com");
}

static void
test_shared_san_has_server_fqdn_separate (Fixture *f, gconstpointer data)
{
  contoso_separate (f, "CN=im.contoso.com", contoso_names, "CN=cwaserver.contoso.com");
  assert_no_finding (f, "shared.san-has-server-fqdn");
  assert_no_finding (f, "shared.single-server-only");
}

/* shared.single-server-only */

static void
test_shared_single_server_only_pass (Fixture *f, gconstpointer data)
{
  CwaFinding *finding;

  contoso_shared (f, contoso_names);
  finding = the_finding (f, "shared.single-server-only");
  assert_status (finding, CWA_STATUS_PASS);
  g_assert_null (cwa_finding_get_server (finding));
}

static void
test_shared_single_server_only_fail (Fixture *f, gconstpointer data)
{
  CwaServer *second;
  CwaVirtualServer *vs;

  contoso_shared (f, contoso_names);
  second = add_server (f, "cwa2.contoso.com");
  vs = add_vs (second, "https://im2.contoso.com", CWA_AUDIENCE_INTERNAL);
  cwa_virtual_server_set_ssl_certificate (vs, add_cert (f, "CN=im2.contoso.com", NULL));
  cwa_server_set_mtls_certificate (second, add_cert (f, "CN=cwa2.contoso.com", NULL));

  assert_status (the_finding (f, "shared.single-server-only"), CWA_STATUS_FAIL);
}

/* mtls.subject-is-server-fqdn */

static void
test_mtls_subject_is_server_fqdn_pass (Fixture *f, gconstpointer data)
{
  CwaFinding *finding;

  contoso_separate (f, "CN=im.contoso.com", contoso_names, "CN=CWAServer.contoso.com.");
  finding = the_finding (f, "mtls.subject-is-server-fqdn");
  assert_status (finding, CWA_STATUS_PASS);
  g_assert_null (cwa_finding_get_virtual_server (finding));
  g_assert_cmpstr (cwa_finding_get_expected (finding), ==, "cwaserver.contoso.com");
}

static void
test_mtls_subject_is_server_fqdn_fail (Fixture *f, gconstpointer data)
{
  CwaFinding *finding;

  contoso_separate (f, "CN=im.contoso.com", contoso_names, "CN=cwa.contoso.com");
  finding = the_finding (f, "mtls.subject-is-server-fqdn");
  assert_status (finding, CWA_STATUS_FAIL);
  g_assert_cmpstrv (cwa_finding_get_found (finding), ((const gchar *[]) { "cwa.contoso.com", NULL }));
  assert_message_contains (finding, "cwaserver.contoso.com");
  assert_message_contains (finding, "cwa.contoso.com,");
}

static void
test_mtls_subject_is_server_fqdn_wildcard (Fixture *f, gconstpointer data)
{
  contoso_separate (f, "CN=im.contoso.com", contoso_names, "CN=*.contoso.com");
  assert_message_contains (the_finding (f, "mtls.subject-is-server-fqdn"),
                           "only *.contoso.com, a wildcard, which CWA does not accept");
}

static void
test_mtls_subject_is_server_fqdn_shared (Fixture *f, gconstpointer data)
{
  /* A shared certificate is named after the URL: the rule does not apply. */
  contoso_shared (f, contoso_names);
  assert_no_finding (f, "mtls.subject-is-server-fqdn");
}

/* vs.one-cert-per-domain */

static void
test_vs_one_cert_per_domain_pass (Fixture *f, gconstpointer data)
{
  CwaServer *server = add_server (f, "cwaserver.contoso.com");
  CwaVirtualServer *a = add_vs (server, "https://im.contoso.com", CWA_AUDIENCE_INTERNAL);
  CwaVirtualServer *b = add_vs (server, "https://im.contoso.com:4443", CWA_AUDIENCE_INTERNAL);
  CwaCertificate *cert = add_cert (f, "CN=im.contoso.com", contoso_names);
  g_autoptr(GPtrArray) found = NULL;

  /* The same host on two ports may share its certificate. */
  cwa_virtual_server_set_ssl_certificate (a, cert);
  cwa_virtual_server_set_ssl_certificate (b, cert);
  found = findings_of (f, "vs.one-cert-per-domain");
  g_assert_cmpuint (found->len, ==, 2);
  assert_status (g_ptr_array_index (found, 0), CWA_STATUS_PASS);
  assert_status (g_ptr_array_index (found, 1), CWA_STATUS_PASS);
}

static void
test_vs_one_cert_per_domain_fail (Fixture *f, gconstpointer data)
{
  static const gchar * const names[] = { "im.contoso.com", "IM.Fabrikam.com", NULL };
  CwaServer *server = add_server (f, "cwaserver.contoso.com");
  CwaVirtualServer *a = add_vs (server, "https://im.contoso.com", CWA_AUDIENCE_INTERNAL);
  CwaVirtualServer *b = add_vs (server, "https://im.fabrikam.com", CWA_AUDIENCE_INTERNAL);
  CwaCertificate *cert = add_cert (f, "CN=im.contoso.com", names);
  g_autoptr(GPtrArray) found = NULL;

  cwa_virtual_server_set_ssl_certificate (a, cert);
  cwa_virtual_server_set_ssl_certificate (b, cert);
  found = findings_of (f, "vs.one-cert-per-domain");
  g_assert_cmpuint (found->len, ==, 2);
  assert_status (g_ptr_array_index (found, 0), CWA_STATUS_FAIL);
  assert_status (g_ptr_array_index (found, 1), CWA_STATUS_FAIL);
  g_assert_true (cwa_finding_get_virtual_server (g_ptr_array_index (found, 0)) == a);
  g_assert_true (cwa_finding_get_virtual_server (g_ptr_array_index (found, 1)) == b);
  assert_message_contains (g_ptr_array_index (found, 0), "im.fabrikam.com");
}

static void
test_vs_one_cert_per_domain_other_server (Fixture *f, gconstpointer data)
{
  CwaServer *one = add_server (f, "cwa1.contoso.com");
  CwaServer *two = add_server (f, "cwa2.contoso.com");
  CwaVirtualServer *a = add_vs (one, "https://im.contoso.com", CWA_AUDIENCE_INTERNAL);
  CwaVirtualServer *b = add_vs (two, "https://im.fabrikam.com", CWA_AUDIENCE_INTERNAL);
  CwaCertificate *cert = add_cert (f, "CN=im.contoso.com", contoso_names);
  g_autoptr(GPtrArray) found = NULL;

  /* The rule is about one computer. */
  cwa_virtual_server_set_ssl_certificate (a, cert);
  cwa_virtual_server_set_ssl_certificate (b, cert);
  found = findings_of (f, "vs.one-cert-per-domain");
  g_assert_cmpuint (found->len, ==, 2);
  assert_status (g_ptr_array_index (found, 0), CWA_STATUS_PASS);
  assert_status (g_ptr_array_index (found, 1), CWA_STATUS_PASS);
}

/* external.public-ca */

static CwaVirtualServer *
external_issued (Fixture *f)
{
  CwaTestCertSpec ca;
  CwaTestCertSpec spec;
  CwaServer *server = add_server (f, "cwaserver.contoso.com");
  CwaVirtualServer *vs = add_vs (server, "https://im.contoso.com", CWA_AUDIENCE_EXTERNAL);

  cwa_test_cert_spec_init (&ca, "CN=Contoso Root CA,O=Contoso");
  ca.is_ca = TRUE;
  ca.serial = 100;
  f->issuer = cwa_test_issuer_new (&ca);

  contoso_spec_init (&spec);
  spec.issuer = f->issuer;
  spec.serial = 101;
  cwa_virtual_server_set_ssl_certificate (vs, add_spec (f, &spec));
  cwa_plan_add_certificate (f->plan, cwa_test_issuer_get_certificate (f->issuer));

  return vs;
}

/* No value of @finding's message is printed as nothing between two
 * spaces or before a stop. */
static void
assert_no_empty_value (CwaFinding *finding)
{
  static const gchar * const gaps[] = { "  ", " .", " ,", " )", "()", " ;" };
  const gchar *message = cwa_finding_get_message (finding);

  for (guint i = 0; i < G_N_ELEMENTS (gaps); i++)
    if (strstr (message, gaps[i]) != NULL)
      g_error ("“%s” in: %s", gaps[i], message);
}

/* A root with an empty subject is named by its plan id or display name,
 * not printed as nothing ("the trusted root  (loaded into the plan)"). */
static void
test_chain_trusted_empty_root_subject (Fixture *f, gconstpointer data)
{
  CwaTestCertSpec ca;
  CwaTestCertSpec spec;
  CwaServer *server = add_server (f, "cwaserver.contoso.com");
  CwaVirtualServer *vs = add_vs (server, "https://im.contoso.com", CWA_AUDIENCE_EXTERNAL);
  CwaCertificate *root;
  CwaFinding *finding;

  cwa_test_cert_spec_init (&ca, "");
  ca.is_ca = TRUE;
  ca.serial = 100;
  f->issuer = cwa_test_issuer_new (&ca);
  root = cwa_test_issuer_get_certificate (f->issuer);
  g_assert_cmpstr (cwa_certificate_get_subject (root), ==, "");

  contoso_spec_init (&spec);
  spec.issuer = f->issuer;
  spec.serial = 101;
  cwa_virtual_server_set_ssl_certificate (vs, add_spec (f, &spec));
  cwa_plan_add_certificate (f->plan, root);

  finding = the_finding (f, "cert.chain-trusted");
  assert_status (finding, CWA_STATUS_PASS);
  assert_message_contains (finding, cwa_rule_certificate_name (root));
  assert_no_empty_value (finding);
  finding = the_finding (f, "external.public-ca");
  assert_status (finding, CWA_STATUS_FAIL);
  assert_message_contains (finding, cwa_rule_certificate_name (root));
  assert_no_empty_value (finding);
}

static void
test_external_public_ca_pass (Fixture *f, gconstpointer data)
{
  external_issued (f);
  f->trust = cwa_trust_new ();
  cwa_trust_add_public_root (f->trust, cwa_test_issuer_get_certificate (f->issuer));
  assert_status (the_finding (f, "external.public-ca"), CWA_STATUS_PASS);
  assert_status (the_finding (f, "cert.chain-trusted"), CWA_STATUS_PASS);
}

static void
test_external_public_ca_fail (Fixture *f, gconstpointer data)
{
  CwaFinding *finding;

  /* Trusted through the plan's own CA, but no public root. */
  external_issued (f);
  assert_status (the_finding (f, "cert.chain-trusted"), CWA_STATUS_PASS);
  finding = the_finding (f, "external.public-ca");
  assert_status (finding, CWA_STATUS_FAIL);
  assert_message_contains (finding, "im.contoso.com");
  assert_message_contains (finding, "blocked content");
}

static void
test_external_public_ca_internal (Fixture *f, gconstpointer data)
{
  contoso_shared (f, contoso_names);
  assert_no_finding (f, "external.public-ca");
  assert_no_finding (f, "external.https-required");
}

/* external.https-required */

static void
test_external_https_required_pass (Fixture *f, gconstpointer data)
{
  CwaServer *server = add_server (f, "cwaserver.contoso.com");

  add_vs (server, "im.contoso.com", CWA_AUDIENCE_EXTERNAL);
  assert_status (the_finding (f, "external.https-required"), CWA_STATUS_PASS);
}

static void
test_external_https_required_fail (Fixture *f, gconstpointer data)
{
  CwaServer *server = add_server (f, "cwaserver.contoso.com");
  CwaFinding *finding;

  add_vs (server, "http://im.contoso.com", CWA_AUDIENCE_EXTERNAL);
  finding = the_finding (f, "external.https-required");
  assert_status (finding, CWA_STATUS_FAIL);
  assert_message_contains (finding, "im.contoso.com");
  /* http: no SSL certificate to ask for, no public CA to check. */
  assert_no_finding (f, "vs.has-ssl-cert");
  assert_no_finding (f, "external.public-ca");
}

/* server.internal-external-separate */

static void
test_server_internal_external_separate_pass (Fixture *f, gconstpointer data)
{
  CwaServer *one = add_server (f, "cwa1.contoso.com");
  CwaServer *two = add_server (f, "cwa2.contoso.com");
  g_autoptr(GPtrArray) found = NULL;

  add_vs (one, "https://im.contoso.com", CWA_AUDIENCE_INTERNAL);
  add_vs (two, "https://im.fabrikam.com", CWA_AUDIENCE_EXTERNAL);
  found = findings_of (f, "server.internal-external-separate");
  g_assert_cmpuint (found->len, ==, 2);
  assert_status (g_ptr_array_index (found, 0), CWA_STATUS_PASS);
  assert_status (g_ptr_array_index (found, 1), CWA_STATUS_PASS);
  g_assert_true (cwa_finding_get_server (g_ptr_array_index (found, 0)) == one);
  g_assert_true (cwa_finding_get_server (g_ptr_array_index (found, 1)) == two);
}

static void
test_server_internal_external_separate_fail (Fixture *f, gconstpointer data)
{
  CwaServer *server = add_server (f, "cwaserver.contoso.com");
  CwaFinding *finding;

  add_vs (server, "https://im.contoso.com", CWA_AUDIENCE_INTERNAL);
  add_vs (server, "https://im.fabrikam.com:4443", CWA_AUDIENCE_EXTERNAL);
  finding = the_finding (f, "server.internal-external-separate");
  assert_status (finding, CWA_STATUS_FAIL);
  assert_message_contains (finding, "im.fabrikam.com");
}

/* server.listen-conflict */

static CwaFinding *
listen_finding (Fixture     *f,
                const gchar *first,
                const gchar *second)
{
  CwaServer *server = add_server (f, "cwaserver.contoso.com");
  CwaVirtualServer *a = add_vs (server, "https://im.contoso.com", CWA_AUDIENCE_INTERNAL);
  CwaVirtualServer *b = add_vs (server, "https://im.fabrikam.com", CWA_AUDIENCE_INTERNAL);

  cwa_virtual_server_set_listen (a, first);
  cwa_virtual_server_set_listen (b, second);

  return the_finding (f, "server.listen-conflict");
}

static void
test_server_listen_conflict_pass (Fixture *f, gconstpointer data)
{
  assert_status (listen_finding (f, "10.0.0.1:443", "10.0.0.2:443"), CWA_STATUS_PASS);
}

static void
test_server_listen_conflict_fail (Fixture *f, gconstpointer data)
{
  CwaFinding *finding;

  /* Both default to *:443. */
  finding = listen_finding (f, NULL, NULL);
  assert_status (finding, CWA_STATUS_FAIL);
  assert_message_contains (finding, "*:443");
  assert_message_contains (finding, "im.contoso.com");
  assert_message_contains (finding, "im.fabrikam.com");
}

static void
test_server_listen_conflict_star_specific (Fixture *f, gconstpointer data)
{
  /* IIS gives the specific address precedence. */
  assert_status (listen_finding (f, "*:443", "10.0.0.1:443"), CWA_STATUS_PASS);
}

static void
test_server_listen_conflict_other_port (Fixture *f, gconstpointer data)
{
  assert_status (listen_finding (f, "*:443", "*:4443"), CWA_STATUS_PASS);
}

static void
test_server_listen_conflict_same_address (Fixture *f, gconstpointer data)
{
  assert_status (listen_finding (f, "10.0.0.1:443", "10.0.0.1:443"), CWA_STATUS_FAIL);
}

static void
test_server_listen_conflict_case (Fixture *f, gconstpointer data)
{
  assert_status (listen_finding (f, "CWA.contoso.com:443", "cwa.Contoso.com:443"), CWA_STATUS_FAIL);
}

static void
test_server_listen_conflict_other_servers (Fixture *f, gconstpointer data)
{
  CwaServer *one = add_server (f, "cwa1.contoso.com");
  CwaServer *two = add_server (f, "cwa2.contoso.com");
  g_autoptr(GPtrArray) found = NULL;

  /* Bindings of different computers never conflict. */
  add_vs (one, "https://im.contoso.com", CWA_AUDIENCE_INTERNAL);
  add_vs (two, "https://im.fabrikam.com", CWA_AUDIENCE_INTERNAL);
  found = findings_of (f, "server.listen-conflict");
  g_assert_cmpuint (found->len, ==, 2);
  assert_status (g_ptr_array_index (found, 0), CWA_STATUS_PASS);
  assert_status (g_ptr_array_index (found, 1), CWA_STATUS_PASS);
}

/* deployment.unique-urls */

static void
test_deployment_unique_urls_pass (Fixture *f, gconstpointer data)
{
  CwaFinding *finding;

  add_vs (add_server (f, "cwa1.contoso.com"), "https://im.contoso.com", CWA_AUDIENCE_INTERNAL);
  add_vs (add_server (f, "cwa2.contoso.com"), "https://im.fabrikam.com", CWA_AUDIENCE_EXTERNAL);
  finding = the_finding (f, "deployment.unique-urls");
  assert_status (finding, CWA_STATUS_PASS);
  g_assert_null (cwa_finding_get_server (finding));
  g_assert_null (cwa_finding_get_virtual_server (finding));
}

static void
test_deployment_unique_urls_fail (Fixture *f, gconstpointer data)
{
  CwaFinding *finding;

  add_vs (add_server (f, "cwa1.contoso.com"), "https://im.contoso.com", CWA_AUDIENCE_INTERNAL);
  add_vs (add_server (f, "cwa2.contoso.com"), "http://IM.contoso.com.", CWA_AUDIENCE_INTERNAL);
  add_vs (add_server (f, "cwa3.contoso.com"), "https://im.fabrikam.com", CWA_AUDIENCE_INTERNAL);
  finding = the_finding (f, "deployment.unique-urls");
  assert_status (finding, CWA_STATUS_FAIL);
  assert_message_contains (finding, "im.contoso.com");
  g_assert_null (strstr (cwa_finding_get_message (finding), "im.fabrikam.com"));
}

/* cert.version-3 */

static void
test_cert_version_3_pass (Fixture *f, gconstpointer data)
{
  contoso_shared (f, contoso_names);
  assert_status (the_finding (f, "cert.version-3"), CWA_STATUS_PASS);
}

static void
test_cert_version_3_fail (Fixture *f, gconstpointer data)
{
  CwaTestCertSpec spec;

  cwa_test_cert_spec_init (&spec, "CN=im.contoso.com");
  spec.version = 1;
  spec.has_eku = FALSE;
  spec.has_key_usage = FALSE;
  contoso_with_spec (f, &spec);
  assert_status (the_finding (f, "cert.version-3"), CWA_STATUS_FAIL);
}

/* cert.eku-server-auth */

static void
test_cert_eku_server_auth_pass (Fixture *f, gconstpointer data)
{
  contoso_shared (f, contoso_names);
  assert_status (the_finding (f, "cert.eku-server-auth"), CWA_STATUS_PASS);
}

static void
test_cert_eku_server_auth_fail (Fixture *f, gconstpointer data)
{
  static const gchar * const client_auth[] = { "1.3.6.1.5.5.7.3.2", NULL };
  CwaTestCertSpec spec;
  CwaFinding *finding;

  contoso_spec_init (&spec);
  spec.eku_oids = client_auth;
  contoso_with_spec (f, &spec);
  finding = the_finding (f, "cert.eku-server-auth");
  assert_status (finding, CWA_STATUS_FAIL);
  assert_message_contains (finding, "1.3.6.1.5.5.7.3.1");
}

static void
test_cert_eku_server_auth_absent (Fixture *f, gconstpointer data)
{
  CwaTestCertSpec spec;

  contoso_spec_init (&spec);
  spec.has_eku = FALSE;
  contoso_with_spec (f, &spec);
  assert_status (the_finding (f, "cert.eku-server-auth"), CWA_STATUS_PASS);
}

/* cert.key-usage */

static void
test_cert_key_usage_pass (Fixture *f, gconstpointer data)
{
  contoso_shared (f, contoso_names);
  assert_status (the_finding (f, "cert.key-usage"), CWA_STATUS_PASS);
}

static void
test_cert_key_usage_fail (Fixture *f, gconstpointer data)
{
  CwaTestCertSpec spec;
  CwaFinding *finding;

  contoso_spec_init (&spec);
  spec.key_usage = GNUTLS_KEY_DIGITAL_SIGNATURE;
  contoso_with_spec (f, &spec);
  finding = the_finding (f, "cert.key-usage");
  assert_status (finding, CWA_STATUS_FAIL);
  assert_message_contains (finding, "keyEncipherment");
}

static void
test_cert_key_usage_ecdsa (Fixture *f, gconstpointer data)
{
  CwaTestCertSpec spec;

  /* Key Encipherment is asked of RSA keys only. */
  contoso_spec_init (&spec);
  spec.key = CWA_TEST_KEY_EC256;
  spec.key_usage = GNUTLS_KEY_DIGITAL_SIGNATURE;
  contoso_with_spec (f, &spec);
  assert_status (the_finding (f, "cert.key-usage"), CWA_STATUS_PASS);
}

static void
test_cert_key_usage_no_signature (Fixture *f, gconstpointer data)
{
  CwaTestCertSpec spec;

  contoso_spec_init (&spec);
  spec.key_usage = GNUTLS_KEY_KEY_ENCIPHERMENT;
  contoso_with_spec (f, &spec);
  assert_message_contains (the_finding (f, "cert.key-usage"), "digitalSignature");
}

static void
test_cert_key_usage_absent (Fixture *f, gconstpointer data)
{
  CwaTestCertSpec spec;

  contoso_spec_init (&spec);
  spec.has_key_usage = FALSE;
  contoso_with_spec (f, &spec);
  assert_status (the_finding (f, "cert.key-usage"), CWA_STATUS_PASS);
}

static void
test_cert_key_usage_rsa_pss (Fixture *f, gconstpointer data)
{
  CwaTestCertSpec spec;
  CwaFinding *finding;

  /* RFC 4055: an RSA-PSS key may only sign; keyEncipherment is not asked. */
  contoso_spec_init (&spec);
  spec.key = CWA_TEST_KEY_RSA_PSS2048;
  spec.key_usage = GNUTLS_KEY_DIGITAL_SIGNATURE;
  contoso_with_spec (f, &spec);
  finding = the_finding (f, "cert.key-usage");
  assert_status (finding, CWA_STATUS_PASS);
  g_assert_null (strstr (cwa_finding_get_message (finding), "keyEncipherment"));
}

/* cert.validity and cert.expiring-soon */

static void
test_cert_validity_pass (Fixture *f, gconstpointer data)
{
  contoso_shared (f, contoso_names);
  assert_status (the_finding (f, "cert.validity"), CWA_STATUS_PASS);
}

static void
test_cert_validity_fail (Fixture *f, gconstpointer data)
{
  CwaTestCertSpec spec;
  CwaFinding *finding;

  contoso_spec_init (&spec);
  spec.not_before = CWA_TEST_NOW_UNIX - 400 * DAY;
  spec.not_after = CWA_TEST_NOW_UNIX - DAY;
  contoso_with_spec (f, &spec);
  finding = the_finding (f, "cert.validity");
  assert_status (finding, CWA_STATUS_FAIL);
  assert_message_contains (finding, "2026-11-23T12:00:00Z");
  /* An expired certificate is not "expiring soon" as well. */
  assert_no_finding (f, "cert.expiring-soon");
}

static void
test_cert_validity_not_yet (Fixture *f, gconstpointer data)
{
  CwaTestCertSpec spec;

  contoso_spec_init (&spec);
  spec.not_before = CWA_TEST_NOW_UNIX + DAY;
  spec.not_after = CWA_TEST_NOW_UNIX + 400 * DAY;
  contoso_with_spec (f, &spec);
  assert_status (the_finding (f, "cert.validity"), CWA_STATUS_FAIL);
  assert_no_finding (f, "cert.expiring-soon");
}

static void
test_cert_expiring_soon_pass (Fixture *f, gconstpointer data)
{
  contoso_shared (f, contoso_names);
  assert_status (the_finding (f, "cert.expiring-soon"), CWA_STATUS_PASS);
}

static void
test_cert_expiring_soon_fail (Fixture *f, gconstpointer data)
{
  CwaTestCertSpec spec;
  CwaFinding *finding;

  contoso_spec_init (&spec);
  spec.not_after = CWA_TEST_NOW_UNIX + 10 * DAY;
  contoso_with_spec (f, &spec);
  finding = the_finding (f, "cert.expiring-soon");
  assert_status (finding, CWA_STATUS_FAIL);
  assert_message_contains (finding, "30-day");
  assert_status (the_finding (f, "cert.validity"), CWA_STATUS_PASS);
}

static void
test_cert_expiring_soon_window (Fixture *f, gconstpointer data)
{
  CwaTestCertSpec spec;

  /* 45 days left: fine with the default window, not with 60 days from the
   * plan, fine again with 40 days given to the checklist. */
  contoso_spec_init (&spec);
  spec.not_after = CWA_TEST_NOW_UNIX + 45 * DAY;
  contoso_with_spec (f, &spec);
  assert_status (the_finding (f, "cert.expiring-soon"), CWA_STATUS_PASS);

  cwa_plan_set_expiry_warning_days (f->plan, 60);
  assert_status (the_finding (f, "cert.expiring-soon"), CWA_STATUS_FAIL);

  cwa_checklist_set_expiry_warning_days (f->checklist, 40);
  assert_status (the_finding (f, "cert.expiring-soon"), CWA_STATUS_PASS);
}

/* cert.chain-trusted */

static void
test_cert_chain_trusted_pass (Fixture *f, gconstpointer data)
{
  CwaFinding *finding;

  external_issued (f);
  finding = the_finding (f, "cert.chain-trusted");
  assert_status (finding, CWA_STATUS_PASS);
  assert_message_contains (finding, "Contoso Root CA");
}

static void
test_cert_chain_trusted_fail (Fixture *f, gconstpointer data)
{
  /* Self-signed and not a CA: nothing vouches for it. */
  contoso_shared (f, contoso_names);
  assert_status (the_finding (f, "cert.chain-trusted"), CWA_STATUS_FAIL);
}

static void
test_cert_chain_trusted_missing_ca (Fixture *f, gconstpointer data)
{
  CwaTestCertSpec ca;
  CwaTestCertSpec spec;

  /* Issued by a CA the plan does not hold. */
  cwa_test_cert_spec_init (&ca, "CN=Unknown CA");
  ca.is_ca = TRUE;
  f->issuer = cwa_test_issuer_new (&ca);
  contoso_spec_init (&spec);
  spec.issuer = f->issuer;
  spec.serial = 7;
  contoso_with_spec (f, &spec);
  assert_status (the_finding (f, "cert.chain-trusted"), CWA_STATUS_FAIL);
}

/* cert.weak-key */

static void
test_cert_weak_key_pass (Fixture *f, gconstpointer data)
{
  contoso_shared (f, contoso_names);
  assert_status (the_finding (f, "cert.weak-key"), CWA_STATUS_PASS);
}

static void
test_cert_weak_key_fail (Fixture *f, gconstpointer data)
{
  CwaTestCertSpec spec;
  CwaFinding *finding;

  contoso_spec_init (&spec);
  spec.key = CWA_TEST_KEY_RSA1024;
  contoso_with_spec (f, &spec);
  finding = the_finding (f, "cert.weak-key");
  assert_status (finding, CWA_STATUS_FAIL);
  assert_message_contains (finding, "1024");
}

static void
test_cert_weak_key_ecdsa (Fixture *f, gconstpointer data)
{
  CwaTestCertSpec spec;

  contoso_spec_init (&spec);
  spec.key = GPOINTER_TO_INT (data);
  spec.key_usage = GNUTLS_KEY_DIGITAL_SIGNATURE;
  contoso_with_spec (f, &spec);
  assert_status (the_finding (f, "cert.weak-key"),
                 spec.key == CWA_TEST_KEY_EC224 ? CWA_STATUS_FAIL : CWA_STATUS_PASS);
}

/* cert.weak-signature */

static void
test_cert_weak_signature_pass (Fixture *f, gconstpointer data)
{
  contoso_shared (f, contoso_names);
  assert_status (the_finding (f, "cert.weak-signature"), CWA_STATUS_PASS);
}

static void
test_cert_weak_signature_fail (Fixture *f, gconstpointer data)
{
  CwaTestCertSpec spec;

  contoso_spec_init (&spec);
  spec.digest = GNUTLS_DIG_SHA1;
  contoso_with_spec (f, &spec);
  assert_status (the_finding (f, "cert.weak-signature"), CWA_STATUS_FAIL);
}

/* cert.no-unknown-critical-extension */

#define UNKNOWN_CRITICAL_OID "1.3.6.1.4.1.311.21.10"

static void
test_cert_unknown_critical_pass (Fixture *f, gconstpointer data)
{
  contoso_shared (f, contoso_names);
  assert_status (the_finding (f, "cert.no-unknown-critical-extension"), CWA_STATUS_PASS);
}

static void
test_cert_unknown_critical_fail (Fixture *f, gconstpointer data)
{
  CwaTestCertSpec spec;
  CwaFinding *finding;

  contoso_spec_init (&spec);
  spec.critical_extension_oid = UNKNOWN_CRITICAL_OID;
  contoso_with_spec (f, &spec);
  finding = the_finding (f, "cert.no-unknown-critical-extension");
  assert_status (finding, CWA_STATUS_FAIL);
  assert_message_contains (finding, UNKNOWN_CRITICAL_OID);
  assert_message_contains (finding, "it has the critical extension");
}

/* Root -> issuing CA (with the unknown critical extension when @on_issuing,
 * else on the root) -> the SSL certificate, all loaded into the plan. */
static void
chain_with_unknown_critical (Fixture *f,
                             gboolean on_issuing)
{
  CwaTestCertSpec spec;
  g_autoptr(CwaTestIssuer) root = NULL;
  CwaServer *server = add_server (f, "cwaserver.contoso.com");
  CwaVirtualServer *vs = add_vs (server, "https://im.contoso.com", CWA_AUDIENCE_INTERNAL);

  cwa_test_cert_spec_init (&spec, "CN=Contoso Root CA,O=Contoso");
  spec.is_ca = TRUE;
  spec.serial = 200;
  spec.critical_extension_oid = on_issuing ? NULL : UNKNOWN_CRITICAL_OID;
  root = cwa_test_issuer_new (&spec);

  cwa_test_cert_spec_init (&spec, "CN=Contoso Issuing CA,O=Contoso");
  spec.is_ca = TRUE;
  spec.serial = 201;
  spec.issuer = root;
  spec.critical_extension_oid = on_issuing ? UNKNOWN_CRITICAL_OID : NULL;
  f->issuer = cwa_test_issuer_new (&spec);

  contoso_spec_init (&spec);
  spec.issuer = f->issuer;
  spec.serial = 202;
  cwa_virtual_server_set_ssl_certificate (vs, add_spec (f, &spec));
  cwa_plan_add_certificate (f->plan, cwa_test_issuer_get_certificate (f->issuer));
  cwa_plan_add_certificate (f->plan, cwa_test_issuer_get_certificate (root));
}

static void
test_cert_unknown_critical_issuing_ca (Fixture *f, gconstpointer data)
{
  CwaFinding *finding;

  chain_with_unknown_critical (f, TRUE);
  assert_status (the_finding (f, "cert.chain-trusted"), CWA_STATUS_PASS);
  finding = the_finding (f, "cert.no-unknown-critical-extension");
  assert_status (finding, CWA_STATUS_FAIL);
  assert_message_contains (finding, "Contoso Issuing CA");
  assert_message_contains (finding, UNKNOWN_CRITICAL_OID);
}

static void
test_cert_unknown_critical_anchor (Fixture *f, gconstpointer data)
{
  /* The trust anchor's extensions are not part of path validation. */
  chain_with_unknown_critical (f, FALSE);
  assert_status (the_finding (f, "cert.chain-trusted"), CWA_STATUS_PASS);
  assert_status (the_finding (f, "cert.no-unknown-critical-extension"), CWA_STATUS_PASS);
}

/* cert.no-wildcard */

static void
test_cert_no_wildcard_pass (Fixture *f, gconstpointer data)
{
  contoso_shared (f, contoso_names);
  assert_status (the_finding (f, "cert.no-wildcard"), CWA_STATUS_PASS);
}

static void
test_cert_no_wildcard_fail (Fixture *f, gconstpointer data)
{
  static const gchar * const names[] = { "im.contoso.com", "*.im.contoso.com", NULL };
  CwaFinding *finding;

  contoso_shared (f, names);
  finding = the_finding (f, "cert.no-wildcard");
  assert_status (finding, CWA_STATUS_FAIL);
  assert_message_contains (finding, "*.im.contoso.com");
}

static void
test_cert_no_wildcard_subject (Fixture *f, gconstpointer data)
{
  CwaTestCertSpec spec;
  CwaFinding *finding;

  contoso_spec_init (&spec);
  spec.subject = "CN=*.contoso.com";
  contoso_with_spec (f, &spec);
  finding = the_finding (f, "cert.no-wildcard");
  assert_status (finding, CWA_STATUS_FAIL);
  assert_message_contains (finding, "*.contoso.com");
}

/* Certificate scope: once per certificate, where it is first seen */

static void
test_cert_once_per_certificate (Fixture *f, gconstpointer data)
{
  CwaVirtualServer *vs = contoso_shared (f, contoso_names);
  g_autoptr(GPtrArray) found = findings_of (f, "cert.validity");
  CwaFinding *finding;

  g_assert_cmpuint (found->len, ==, 1);
  finding = g_ptr_array_index (found, 0);
  /* First seen as the computer's MTLS certificate. */
  g_assert_true (cwa_finding_get_server (finding) == cwa_virtual_server_get_server (vs));
  g_assert_null (cwa_finding_get_virtual_server (finding));
  g_assert_true (cwa_finding_get_certificate (finding) == cwa_virtual_server_get_ssl_certificate (vs));
}

static void
test_cert_ca_not_checked (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) found = NULL;

  /* The CA entry of the plan is no role's certificate. */
  external_issued (f);
  found = findings_of (f, "cert.version-3");
  g_assert_cmpuint (found->len, ==, 1);
}

/* Order: deployment; per server its findings, its MTLS certificate's, then
 * per virtual server its findings and its SSL certificate's. */
static void
test_order (Fixture *f, gconstpointer data)
{
  static const gchar * const im_names[] = {
    "im.contoso.com", "as.im.contoso.com", "download.im.contoso.com", NULL
  };
  CwaServer *one = add_server (f, "cwa1.contoso.com");
  CwaServer *two = add_server (f, "cwa2.contoso.com");
  CwaVirtualServer *a = add_vs (one, "https://im.contoso.com", CWA_AUDIENCE_INTERNAL);
  CwaVirtualServer *b = add_vs (two, "http://im.fabrikam.com", CWA_AUDIENCE_INTERNAL);
  CwaCertificate *ssl = add_cert (f, "CN=im.contoso.com", im_names);
  CwaCertificate *mtls = add_cert (f, "CN=cwa1.contoso.com", NULL);
  GListModel *findings;
  g_autoptr(GString) trace = g_string_new (NULL);
  const CwaRule * const *catalogue = cwa_rules_get_catalogue (NULL);
  gint last_subject = -1;
  gint last_index = -1;

  cwa_server_set_mtls_certificate (one, mtls);
  cwa_virtual_server_set_ssl_certificate (a, ssl);
  findings = run (f);

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(CwaFinding) finding = g_list_model_get_item (findings, i);
      const CwaRule *rule = cwa_finding_get_rule (finding);
      gint subject;
      gint index = 0;

      /* Subjects in report order, numbered. */
      if (rule->scope == CWA_SCOPE_DEPLOYMENT)
        subject = 0;
      else if (rule->scope == CWA_SCOPE_SERVER && cwa_finding_get_server (finding) == one)
        subject = 1;
      else if (rule->scope == CWA_SCOPE_CERTIFICATE && cwa_finding_get_certificate (finding) == mtls)
        subject = 2;
      else if (rule->scope == CWA_SCOPE_VIRTUAL_SERVER && cwa_finding_get_virtual_server (finding) == a)
        subject = 3;
      else if (rule->scope == CWA_SCOPE_CERTIFICATE && cwa_finding_get_certificate (finding) == ssl)
        subject = 4;
      else if (rule->scope == CWA_SCOPE_SERVER && cwa_finding_get_server (finding) == two)
        subject = 5;
      else if (rule->scope == CWA_SCOPE_VIRTUAL_SERVER && cwa_finding_get_virtual_server (finding) == b)
        subject = 6;
      else
        g_assert_not_reached ();

      while (catalogue[index] != rule)
        index++;

      g_assert_cmpint (subject, >=, last_subject);
      if (subject == last_subject)
        g_assert_cmpint (index, >, last_index);
      last_subject = subject;
      last_index = index;
      g_string_append_printf (trace, "%d", subject);

      if (rule->scope == CWA_SCOPE_CERTIFICATE && cwa_finding_get_certificate (finding) == ssl)
        {
          g_assert_true (cwa_finding_get_server (finding) == one);
          g_assert_true (cwa_finding_get_virtual_server (finding) == a);
        }
    }

  /* Every subject appears, the http one with its server findings and
   * nothing about an SSL certificate it does not need. */
  g_assert_nonnull (strchr (trace->str, '0'));
  g_assert_nonnull (strchr (trace->str, '2'));
  g_assert_nonnull (strchr (trace->str, '4'));
  g_assert_nonnull (strchr (trace->str, '5'));
  g_assert_null (strchr (trace->str, '6'));
}

static void
test_ready (Fixture *f, gconstpointer data)
{
  CwaTestCertSpec spec;
  CwaTestCertSpec ca;

  /* The documented single-certificate deployment, issued by a CA the plan
   * holds: every rule passes. */
  add_vs (add_server (f, "cwaserver.contoso.com"), "https://im.contoso.com", CWA_AUDIENCE_INTERNAL);
  cwa_test_cert_spec_init (&ca, "CN=Contoso Root CA");
  ca.is_ca = TRUE;
  f->issuer = cwa_test_issuer_new (&ca);
  cwa_plan_add_certificate (f->plan, cwa_test_issuer_get_certificate (f->issuer));
  contoso_spec_init (&spec);
  spec.issuer = f->issuer;
  spec.serial = 2;
  {
    CwaServer *server = cwa_deployment_find_server (cwa_plan_get_deployment (f->plan), "cwaserver.contoso.com");
    g_autoptr(CwaVirtualServer) vs = g_list_model_get_item (cwa_server_get_virtual_servers (server), 0);
    CwaCertificate *cert = add_spec (f, &spec);

    cwa_server_set_mtls_certificate (server, cert);
    cwa_virtual_server_set_ssl_certificate (vs, cert);
  }

  run (f);
  for (guint i = 0; i < g_list_model_get_n_items (cwa_checklist_get_findings (f->checklist)); i++)
    {
      g_autoptr(CwaFinding) finding = g_list_model_get_item (cwa_checklist_get_findings (f->checklist), i);

      assert_status (finding, CWA_STATUS_PASS);
    }
  g_assert_true (cwa_checklist_is_ready (f->checklist));
  g_assert_cmpuint (cwa_checklist_get_n_errors (f->checklist), ==, 0);
  g_assert_cmpuint (cwa_checklist_get_n_warnings (f->checklist), ==, 0);
  /* 3 server + 7 virtual-server + 2 deployment + 10 certificate findings. */
  g_assert_cmpuint (cwa_checklist_get_n_passed (f->checklist), ==, 22);
}

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
#define ADD_DATA(path, data, func) \
  g_test_add (path, Fixture, data, fixture_setup, func, fixture_teardown)

/* Arrays, load balancers and reverse proxies */

static const gchar * const im_names[] = {
  "im.contoso.com", "as.im.contoso.com", "download.im.contoso.com", NULL
};

/* The documented array: cwa01 and cwa02 serve https://im.contoso.com (each
 * with its own MTLS certificate and one SSL certificate for the array
 * FQDN) behind the load balancer im.contoso.com. */
static CwaLoadBalancer *
contoso_array (Fixture *f)
{
  CwaCertificate *ssl = add_cert (f, "CN=im.contoso.com,O=Contoso", im_names);
  const gchar * const fqdns[] = { "cwa01.contoso.com", "cwa02.contoso.com" };
  g_autoptr(CwaLoadBalancer) lb = cwa_load_balancer_new ("im.contoso.com");

  for (guint i = 0; i < G_N_ELEMENTS (fqdns); i++)
    {
      g_autofree gchar *cn = g_strdup_printf ("CN=%s", fqdns[i]);
      CwaServer *server = add_server (f, fqdns[i]);
      CwaVirtualServer *vs = add_vs (server, "https://im.contoso.com", CWA_AUDIENCE_EXTERNAL);

      cwa_virtual_server_set_ssl_certificate (vs, ssl);
      cwa_server_set_mtls_certificate (server, add_cert (f, cn, NULL));
      cwa_load_balancer_add_member (lb, fqdns[i]);
    }
  cwa_load_balancer_set_vip (lb, "10.0.0.50");
  cwa_deployment_add_load_balancer (cwa_plan_get_deployment (f->plan), lb);

  return lb;
}

/* The array's load balancer offloading SSL with a certificate for @names. */
static CwaLoadBalancer *
offloading_array (Fixture             *f,
                  const gchar         *subject,
                  const gchar * const *names)
{
  CwaLoadBalancer *lb = contoso_array (f);
  CwaTestCertSpec spec;

  cwa_test_cert_spec_init (&spec, subject);
  spec.dns_names = names;
  spec.serial = 77;
  cwa_load_balancer_set_ssl_offload (lb, TRUE);
  cwa_load_balancer_set_ssl_certificate (lb, add_spec (f, &spec));

  return lb;
}

static CwaVirtualServer *
vs_of (Fixture     *f,
       const gchar *fqdn)
{
  CwaServer *server = cwa_deployment_find_server (cwa_plan_get_deployment (f->plan), fqdn);
  g_autoptr(CwaVirtualServer) vs = g_list_model_get_item (cwa_server_get_virtual_servers (server), 0);

  return vs;
}

static void
test_deployment_unique_urls_array (Fixture *f, gconstpointer data)
{
  CwaFinding *finding;

  contoso_array (f);
  finding = the_finding (f, "deployment.unique-urls");
  assert_status (finding, CWA_STATUS_PASS);
  assert_message_contains (finding, "arrays aside");
}

static void
test_deployment_unique_urls_no_load_balancer (Fixture *f, gconstpointer data)
{
  CwaLoadBalancer *lb = contoso_array (f);
  CwaFinding *finding;

  cwa_deployment_remove_load_balancer (cwa_plan_get_deployment (f->plan), lb);
  finding = the_finding (f, "deployment.unique-urls");
  assert_status (finding, CWA_STATUS_FAIL);
  assert_message_contains (finding, "cwa01.contoso.com");
  assert_message_contains (finding, "cwa02.contoso.com");
  assert_message_contains (finding, "a load balancer with the FQDN im.contoso.com");
}

static void
test_deployment_unique_urls_same_computer (Fixture *f, gconstpointer data)
{
  CwaLoadBalancer *lb = contoso_array (f);
  CwaFinding *finding;

  /* Two sites of one host on one computer are no array, load balancer or not. */
  add_vs (cwa_deployment_find_server (cwa_plan_get_deployment (f->plan), "cwa01.contoso.com"),
          "https://im.contoso.com:444", CWA_AUDIENCE_EXTERNAL);
  g_assert_nonnull (lb);
  finding = the_finding (f, "deployment.unique-urls");
  assert_status (finding, CWA_STATUS_FAIL);
  g_assert_null (strstr (cwa_finding_get_message (finding), "would make"));
}

static void
test_lb_members_host_array_url_pass (Fixture *f, gconstpointer data)
{
  CwaLoadBalancer *lb = contoso_array (f);
  CwaFinding *finding = the_finding (f, "lb.members-host-array-url");

  assert_status (finding, CWA_STATUS_PASS);
  g_assert_true (cwa_finding_get_load_balancer (finding) == lb);
  g_assert_null (cwa_finding_get_server (finding));
  g_assert_null (cwa_finding_get_reverse_proxy (finding));
}

static void
test_lb_members_host_array_url_fail (Fixture *f, gconstpointer data)
{
  CwaLoadBalancer *lb = contoso_array (f);
  CwaFinding *finding;

  /* A name the plan does not have yet, and a computer hosting another URL. */
  cwa_load_balancer_add_member (lb, "cwa03.contoso.com");
  add_vs (add_server (f, "cwa04.contoso.com"), "https://im.fabrikam.com", CWA_AUDIENCE_EXTERNAL);
  cwa_load_balancer_add_member (lb, "CWA04.contoso.com.");
  finding = the_finding (f, "lb.members-host-array-url");
  assert_status (finding, CWA_STATUS_FAIL);
  assert_message_contains (finding, "cwa03.contoso.com is not a computer of the plan");
  assert_message_contains (finding, "cwa04.contoso.com hosts no virtual server");
  g_assert_null (strstr (cwa_finding_get_message (finding), "cwa01"));
}

static void
test_lb_members_host_array_url_empty (Fixture *f, gconstpointer data)
{
  g_autoptr(CwaLoadBalancer) lb = cwa_load_balancer_new ("im.contoso.com");

  cwa_deployment_add_load_balancer (cwa_plan_get_deployment (f->plan), lb);
  assert_status (the_finding (f, "lb.members-host-array-url"), CWA_STATUS_FAIL);
  assert_no_finding (f, "lb.members-consistent");
}

static void
test_lb_members_consistent_pass (Fixture *f, gconstpointer data)
{
  CwaServer *second;
  CwaFinding *finding;

  contoso_array (f);
  finding = the_finding (f, "lb.members-consistent");
  assert_status (finding, CWA_STATUS_PASS);
  assert_message_contains (finding, "The 2 virtual servers of the array im.contoso.com agree on");

  /* One member left serving the site: the message speaks of it in the singular. */
  second = cwa_deployment_find_server (cwa_plan_get_deployment (f->plan), "cwa02.contoso.com");
  cwa_server_remove_virtual_server (second, vs_of (f, "cwa02.contoso.com"));
  finding = the_finding (f, "lb.members-consistent");
  assert_status (finding, CWA_STATUS_PASS);
  assert_message_contains (finding, "The 1 virtual server of the array im.contoso.com agrees on");
}

static void
test_lb_members_consistent_fail (Fixture *f, gconstpointer data)
{
  CwaFinding *finding;

  contoso_array (f);
  cwa_virtual_server_set_audience (vs_of (f, "cwa02.contoso.com"), CWA_AUDIENCE_INTERNAL);
  cwa_virtual_server_set_as_url (vs_of (f, "cwa02.contoso.com"), "share.contoso.com");
  finding = the_finding (f, "lb.members-consistent");
  assert_status (finding, CWA_STATUS_FAIL);
  assert_message_contains (finding, "on cwa02.contoso.com");
  assert_message_contains (finding, "audience internal instead of external");
  assert_message_contains (finding, "asURL share.contoso.com instead of as.im.contoso.com");
}

static void
test_lb_has_ssl_cert_pass (Fixture *f, gconstpointer data)
{
  offloading_array (f, "CN=im.contoso.com", im_names);
  assert_status (the_finding (f, "lb.has-ssl-cert"), CWA_STATUS_PASS);
}

static void
test_lb_has_ssl_cert_fail (Fixture *f, gconstpointer data)
{
  CwaLoadBalancer *lb = contoso_array (f);

  /* Passing TLS through: nothing asked of the load balancer. */
  assert_no_finding (f, "lb.has-ssl-cert");
  assert_no_finding (f, "lb.subject-matches-fqdn");
  cwa_load_balancer_set_ssl_offload (lb, TRUE);
  assert_status (the_finding (f, "lb.has-ssl-cert"), CWA_STATUS_FAIL);
  assert_no_finding (f, "lb.san-has-fqdn");
}

static void
test_lb_subject_matches_fqdn_pass (Fixture *f, gconstpointer data)
{
  offloading_array (f, "CN=im.contoso.com", im_names);
  assert_status (the_finding (f, "lb.subject-matches-fqdn"), CWA_STATUS_PASS);
}

static void
test_lb_subject_matches_fqdn_fail (Fixture *f, gconstpointer data)
{
  CwaFinding *finding;

  offloading_array (f, "CN=lb01.contoso.com", im_names);
  finding = the_finding (f, "lb.subject-matches-fqdn");
  assert_status (finding, CWA_STATUS_FAIL);
  assert_message_contains (finding, "load balancer im.contoso.com");
  g_assert_cmpstr (cwa_finding_get_expected (finding), ==, "im.contoso.com");
}

static void
test_lb_san_has_fqdn_pass (Fixture *f, gconstpointer data)
{
  offloading_array (f, "CN=im.contoso.com", im_names);
  assert_status (the_finding (f, "lb.san-has-fqdn"), CWA_STATUS_PASS);
}

static void
test_lb_san_has_fqdn_fail (Fixture *f, gconstpointer data)
{
  static const gchar * const names[] = { "as.im.contoso.com", "download.im.contoso.com", NULL };

  offloading_array (f, "CN=im.contoso.com", names);
  assert_status (the_finding (f, "lb.san-has-fqdn"), CWA_STATUS_FAIL);
  assert_status (the_finding (f, "lb.san-has-as-url"), CWA_STATUS_PASS);
}

static void
test_lb_san_has_as_url_pass (Fixture *f, gconstpointer data)
{
  offloading_array (f, "CN=im.contoso.com", im_names);
  assert_status (the_finding (f, "lb.san-has-as-url"), CWA_STATUS_PASS);
}

static void
test_lb_san_has_as_url_fail (Fixture *f, gconstpointer data)
{
  CwaFinding *finding;

  /* The array's asURL is its first member's override. */
  offloading_array (f, "CN=im.contoso.com", im_names);
  cwa_virtual_server_set_as_url (vs_of (f, "cwa01.contoso.com"), "share.contoso.com");
  finding = the_finding (f, "lb.san-has-as-url");
  assert_status (finding, CWA_STATUS_FAIL);
  g_assert_cmpstr (cwa_finding_get_expected (finding), ==, "share.contoso.com");
}

static void
test_lb_san_has_download_url_pass (Fixture *f, gconstpointer data)
{
  offloading_array (f, "CN=im.contoso.com", im_names);
  assert_status (the_finding (f, "lb.san-has-download-url"), CWA_STATUS_PASS);
}

static void
test_lb_san_has_download_url_fail (Fixture *f, gconstpointer data)
{
  static const gchar * const names[] = { "im.contoso.com", "as.im.contoso.com", NULL };
  CwaFinding *finding;

  offloading_array (f, "CN=im.contoso.com", names);
  finding = the_finding (f, "lb.san-has-download-url");
  assert_status (finding, CWA_STATUS_FAIL);
  g_assert_cmpstr (cwa_finding_get_expected (finding), ==, "download.im.contoso.com");
}

/* A reverse proxy publishing @published_url for the virtual server @host,
 * its listener certificate named for @listener_names (none when NULL). */
static CwaPublishingRule *
add_proxy (Fixture             *f,
           const gchar         *published_url,
           const gchar         *host,
           const gchar * const *listener_names)
{
  CwaDeployment *deployment = cwa_plan_get_deployment (f->plan);
  CwaReverseProxy *proxy = cwa_deployment_find_reverse_proxy (deployment, "isa01.perimeter.contoso.com");
  g_autoptr(CwaPublishingRule) rule = cwa_publishing_rule_new (published_url, host);

  if (proxy == NULL)
    {
      g_autoptr(CwaReverseProxy) created = cwa_reverse_proxy_new ("isa01.perimeter.contoso.com");

      cwa_deployment_add_reverse_proxy (deployment, created);
      proxy = created;
    }
  cwa_reverse_proxy_add_publishing_rule (proxy, rule);
  if (listener_names != NULL)
    {
      CwaTestCertSpec spec;
      g_autofree gchar *subject = g_strdup_printf ("CN=%s", listener_names[0]);

      cwa_test_cert_spec_init (&spec, subject);
      spec.dns_names = listener_names;
      spec.serial = 88;
      cwa_publishing_rule_set_listener_certificate (rule, add_spec (f, &spec));
    }

  return rule;
}

static void
test_rp_publishes_known_vs_pass (Fixture *f, gconstpointer data)
{
  CwaPublishingRule *rule;
  CwaFinding *finding;

  contoso_array (f);
  rule = add_proxy (f, "https://im.contoso.com", "IM.Contoso.com.", im_names);
  finding = the_finding (f, "rp.publishes-known-vs");
  assert_status (finding, CWA_STATUS_PASS);
  g_assert_true (cwa_finding_get_publishing_rule (finding) == rule);
  g_assert_true (cwa_finding_get_reverse_proxy (finding) == cwa_publishing_rule_get_reverse_proxy (rule));
  g_assert_null (cwa_finding_get_load_balancer (finding));
}

static void
test_rp_publishes_known_vs_fail (Fixture *f, gconstpointer data)
{
  contoso_separate (f, "CN=im.contoso.com", im_names, "CN=cwaserver.contoso.com");
  add_proxy (f, "https://im.fabrikam.com", "im.fabrikam.com", NULL);
  assert_status (the_finding (f, "rp.publishes-known-vs"), CWA_STATUS_FAIL);
  /* The rules that need the published virtual server wait for it. */
  assert_no_finding (f, "rp.publishes-external");
  assert_no_finding (f, "rp.internal-name-on-cert");
  assert_no_finding (f, "rp.trusts-internal-ca");
}

/* A reverse proxy named as the host it publishes is not named twice. */
static void
test_rp_proxy_named_as_host (Fixture *f, gconstpointer data)
{
  CwaDeployment *deployment;
  g_autoptr(CwaReverseProxy) proxy = cwa_reverse_proxy_new ("IM.contoso.com");
  g_autoptr(CwaPublishingRule) rule = cwa_publishing_rule_new ("https://im.contoso.com", "im.contoso.com");
  CwaFinding *finding;

  contoso_separate (f, "CN=im.contoso.com", im_names, "CN=cwaserver.contoso.com");
  deployment = cwa_plan_get_deployment (f->plan);
  cwa_deployment_add_reverse_proxy (deployment, proxy);
  cwa_reverse_proxy_add_publishing_rule (proxy, rule);
  finding = the_finding (f, "rp.publishes-known-vs");
  assert_status (finding, CWA_STATUS_PASS);
  g_assert_cmpstr (cwa_finding_get_message (finding), ==,
                   "The publishing rule for im.contoso.com on the reverse proxy of that name "
                   "publishes the virtual server im.contoso.com of the plan.");
}

static void
test_rp_https_required_pass (Fixture *f, gconstpointer data)
{
  contoso_array (f);
  add_proxy (f, "im.contoso.com", "im.contoso.com", im_names);
  assert_status (the_finding (f, "rp.https-required"), CWA_STATUS_PASS);
}

static void
test_rp_https_required_fail (Fixture *f, gconstpointer data)
{
  contoso_array (f);
  add_proxy (f, "http://im.contoso.com", "im.contoso.com", im_names);
  assert_status (the_finding (f, "rp.https-required"), CWA_STATUS_FAIL);
  /* An http listener gets nothing else asked of its certificate. */
  assert_no_finding (f, "rp.has-listener-cert");
  assert_no_finding (f, "rp.listener-san-has-url");
  assert_no_finding (f, "rp.listener-public-ca");
}

static void
test_rp_publishes_external_pass (Fixture *f, gconstpointer data)
{
  contoso_array (f);
  add_proxy (f, "https://im.contoso.com", "im.contoso.com", im_names);
  assert_status (the_finding (f, "rp.publishes-external"), CWA_STATUS_PASS);
}

static void
test_rp_publishes_external_fail (Fixture *f, gconstpointer data)
{
  contoso_separate (f, "CN=im.contoso.com", im_names, "CN=cwaserver.contoso.com");
  add_proxy (f, "https://im.contoso.com", "im.contoso.com", im_names);
  assert_status (the_finding (f, "rp.publishes-external"), CWA_STATUS_FAIL);
}

static void
test_rp_has_listener_cert_pass (Fixture *f, gconstpointer data)
{
  contoso_array (f);
  add_proxy (f, "https://im.contoso.com", "im.contoso.com", im_names);
  assert_status (the_finding (f, "rp.has-listener-cert"), CWA_STATUS_PASS);
}

static void
test_rp_has_listener_cert_fail (Fixture *f, gconstpointer data)
{
  contoso_array (f);
  add_proxy (f, "https://im.contoso.com", "im.contoso.com", NULL);
  assert_status (the_finding (f, "rp.has-listener-cert"), CWA_STATUS_FAIL);
  assert_no_finding (f, "rp.listener-subject-matches-url");
  assert_no_finding (f, "rp.listener-public-ca");
}

static void
test_rp_listener_subject_pass (Fixture *f, gconstpointer data)
{
  contoso_array (f);
  add_proxy (f, "https://im.contoso.com", "im.contoso.com", im_names);
  assert_status (the_finding (f, "rp.listener-subject-matches-url"), CWA_STATUS_PASS);
}

static void
test_rp_listener_subject_fail (Fixture *f, gconstpointer data)
{
  static const gchar * const names[] = { "isa01.perimeter.contoso.com", "im.contoso.com", NULL };

  contoso_array (f);
  add_proxy (f, "https://im.contoso.com", "im.contoso.com", names);
  assert_status (the_finding (f, "rp.listener-subject-matches-url"), CWA_STATUS_FAIL);
  assert_status (the_finding (f, "rp.listener-san-has-url"), CWA_STATUS_PASS);
}

static void
test_rp_listener_san_has_url_pass (Fixture *f, gconstpointer data)
{
  contoso_array (f);
  add_proxy (f, "https://im.contoso.com", "im.contoso.com", im_names);
  assert_status (the_finding (f, "rp.listener-san-has-url"), CWA_STATUS_PASS);
}

static void
test_rp_listener_san_has_url_fail (Fixture *f, gconstpointer data)
{
  CwaFinding *finding;

  /* Published under another name than the internal one. */
  contoso_array (f);
  add_proxy (f, "https://chat.contoso.com", "im.contoso.com", im_names);
  finding = the_finding (f, "rp.listener-san-has-url");
  assert_status (finding, CWA_STATUS_FAIL);
  g_assert_cmpstr (cwa_finding_get_expected (finding), ==, "chat.contoso.com");
}

static void
test_rp_listener_san_has_as_url_pass (Fixture *f, gconstpointer data)
{
  contoso_array (f);
  add_proxy (f, "https://im.contoso.com", "im.contoso.com", im_names);
  assert_status (the_finding (f, "rp.listener-san-has-as-url"), CWA_STATUS_PASS);
}

static void
test_rp_listener_san_has_as_url_fail (Fixture *f, gconstpointer data)
{
  static const gchar * const names[] = { "im.contoso.com", "download.im.contoso.com", NULL };

  contoso_array (f);
  add_proxy (f, "https://im.contoso.com", "im.contoso.com", names);
  assert_status (the_finding (f, "rp.listener-san-has-as-url"), CWA_STATUS_FAIL);
}

static void
test_rp_listener_san_has_download_url_pass (Fixture *f, gconstpointer data)
{
  contoso_array (f);
  add_proxy (f, "https://im.contoso.com", "im.contoso.com", im_names);
  assert_status (the_finding (f, "rp.listener-san-has-download-url"), CWA_STATUS_PASS);
}

static void
test_rp_listener_san_has_download_url_fail (Fixture *f, gconstpointer data)
{
  CwaPublishingRule *rule;
  CwaFinding *finding;

  contoso_array (f);
  rule = add_proxy (f, "https://im.contoso.com", "im.contoso.com", im_names);
  cwa_publishing_rule_set_download_url (rule, "https://dl.contoso.com");
  finding = the_finding (f, "rp.listener-san-has-download-url");
  assert_status (finding, CWA_STATUS_FAIL);
  g_assert_cmpstr (cwa_finding_get_expected (finding), ==, "dl.contoso.com");
}

static void
test_rp_listener_public_ca_pass (Fixture *f, gconstpointer data)
{
  CwaPublishingRule *rule;
  CwaCertificate *listener;

  contoso_array (f);
  rule = add_proxy (f, "https://im.contoso.com", "im.contoso.com", im_names);
  listener = cwa_publishing_rule_get_listener_certificate (rule);
  f->trust = cwa_trust_new ();
  /* A self-signed listener certificate that is itself a public root. */
  cwa_trust_add_public_root (f->trust, listener);
  assert_status (the_finding (f, "rp.listener-public-ca"), CWA_STATUS_PASS);
}

static void
test_rp_listener_public_ca_fail (Fixture *f, gconstpointer data)
{
  CwaFinding *finding;

  contoso_array (f);
  add_proxy (f, "https://im.contoso.com", "im.contoso.com", im_names);
  finding = the_finding (f, "rp.listener-public-ca");
  assert_status (finding, CWA_STATUS_FAIL);
  assert_message_contains (finding, "blocked content");
  /* The listener certificate here is self-signed, and the message says
   * so rather than that its chain "ends at" itself. */
  assert_message_contains (finding, "(it is self-signed: CN=im.contoso.com)");
  /* Browsers see the listener, not the members: no external.public-ca. */
  assert_no_finding (f, "external.public-ca");
}

/* A listener certificate whose issuer is not in the plan: the message
 * names the issuer, not the certificate itself as where its chain ends. */
static void
test_rp_listener_public_ca_issuer_missing (Fixture *f, gconstpointer data)
{
  CwaTestCertSpec ca_spec;
  CwaTestCertSpec spec;
  g_autoptr(CwaTestIssuer) issuer = NULL;
  CwaPublishingRule *rule;
  CwaFinding *finding;

  contoso_array (f);
  rule = add_proxy (f, "https://im.contoso.com", "im.contoso.com", NULL);
  cwa_test_cert_spec_init (&ca_spec, "CN=Stand-in Public Root,O=Example");
  ca_spec.is_ca = TRUE;
  ca_spec.serial = 91;
  issuer = cwa_test_issuer_new (&ca_spec);
  cwa_test_cert_spec_init (&spec, "CN=im.contoso.com");
  spec.dns_names = im_names;
  spec.issuer = issuer;
  spec.serial = 92;
  cwa_publishing_rule_set_listener_certificate (rule, add_spec (f, &spec));
  finding = the_finding (f, "rp.listener-public-ca");
  assert_status (finding, CWA_STATUS_FAIL);
  assert_message_contains (finding, "(its issuer is not in the plan: CN=Stand-in Public Root,O=Example)");
}

static void
test_rp_internal_name_on_cert_pass (Fixture *f, gconstpointer data)
{
  CwaFinding *finding;

  contoso_array (f);
  add_proxy (f, "https://im.contoso.com", "im.contoso.com", im_names);
  finding = the_finding (f, "rp.internal-name-on-cert");
  assert_status (finding, CWA_STATUS_PASS);
  g_assert_cmpstr (cwa_finding_get_expected (finding), ==, "im.contoso.com");
}

static void
test_rp_internal_name_on_cert_fail (Fixture *f, gconstpointer data)
{
  CwaPublishingRule *rule;
  CwaFinding *finding;

  contoso_array (f);
  rule = add_proxy (f, "https://im.contoso.com", "im.contoso.com", im_names);
  cwa_publishing_rule_set_internal_host (rule, "10.0.0.11");
  finding = the_finding (f, "rp.internal-name-on-cert");
  assert_status (finding, CWA_STATUS_FAIL);
  assert_message_contains (finding, "10.0.0.11");
  assert_message_contains (finding, "IP address");
  g_assert_nonnull (cwa_finding_get_certificate (finding));
}

static void
test_rp_internal_name_on_cert_ip_san (Fixture *f, gconstpointer data)
{
  static const gchar * const ips[] = { "10.0.0.11", NULL };
  CwaServer *server = add_server (f, "cwaserver.contoso.com");
  CwaVirtualServer *vs = add_vs (server, "https://im.contoso.com", CWA_AUDIENCE_EXTERNAL);
  CwaPublishingRule *rule;
  CwaTestCertSpec spec;

  cwa_test_cert_spec_init (&spec, "CN=im.contoso.com");
  spec.dns_names = im_names;
  spec.ip_addresses = ips;
  cwa_virtual_server_set_ssl_certificate (vs, add_spec (f, &spec));
  rule = add_proxy (f, "https://im.contoso.com", "im.contoso.com", im_names);
  cwa_publishing_rule_set_internal_host (rule, "10.0.0.11");
  assert_status (the_finding (f, "rp.internal-name-on-cert"), CWA_STATUS_PASS);
}

static void
test_rp_internal_name_on_offloading_lb (Fixture *f, gconstpointer data)
{
  CwaFinding *finding;

  /* Forwarding to the offloading load balancer: its certificate counts. */
  offloading_array (f, "CN=lb.contoso.com", NULL);
  add_proxy (f, "https://im.contoso.com", "im.contoso.com", im_names);
  finding = the_finding (f, "rp.internal-name-on-cert");
  assert_status (finding, CWA_STATUS_FAIL);
  assert_message_contains (finding, "load balancer im.contoso.com");
}

/* The array issued by a CA of the plan, and a proxy publishing it. */
static CwaPublishingRule *
issued_array_published (Fixture *f)
{
  CwaTestCertSpec ca;
  CwaTestCertSpec spec;
  CwaCertificate *ssl;

  contoso_array (f);
  cwa_test_cert_spec_init (&ca, "CN=Contoso Root CA,O=Contoso");
  ca.is_ca = TRUE;
  ca.serial = 200;
  f->issuer = cwa_test_issuer_new (&ca);
  cwa_plan_add_certificate (f->plan, cwa_test_issuer_get_certificate (f->issuer));

  cwa_test_cert_spec_init (&spec, "CN=im.contoso.com");
  spec.dns_names = im_names;
  spec.issuer = f->issuer;
  spec.serial = 201;
  ssl = add_spec (f, &spec);
  cwa_virtual_server_set_ssl_certificate (vs_of (f, "cwa01.contoso.com"), ssl);
  cwa_virtual_server_set_ssl_certificate (vs_of (f, "cwa02.contoso.com"), ssl);

  return add_proxy (f, "https://im.contoso.com", "im.contoso.com", im_names);
}

static void
test_rp_trusts_internal_ca_pass (Fixture *f, gconstpointer data)
{
  CwaPublishingRule *rule = issued_array_published (f);

  cwa_reverse_proxy_add_trusted_certificate (cwa_publishing_rule_get_reverse_proxy (rule),
                                             cwa_test_issuer_get_certificate (f->issuer));
  assert_status (the_finding (f, "rp.trusts-internal-ca"), CWA_STATUS_PASS);
}

static void
test_rp_trusts_internal_ca_fail (Fixture *f, gconstpointer data)
{
  CwaFinding *finding;

  issued_array_published (f);
  finding = the_finding (f, "rp.trusts-internal-ca");
  assert_status (finding, CWA_STATUS_FAIL);
  assert_message_contains (finding, "isa01.perimeter.contoso.com");
}

static void
test_external_published_pass (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) found = NULL;

  contoso_array (f);
  add_proxy (f, "https://im.contoso.com", "im.contoso.com", im_names);
  /* One finding per member's virtual server. */
  found = findings_of (f, "external.published-by-reverse-proxy");
  g_assert_cmpuint (found->len, ==, 2);
  assert_status (g_ptr_array_index (found, 0), CWA_STATUS_PASS);
  assert_status (g_ptr_array_index (found, 1), CWA_STATUS_PASS);
}

static void
test_external_published_fail (Fixture *f, gconstpointer data)
{
  CwaVirtualServer *vs = external_issued (f);
  CwaFinding *finding;

  f->trust = cwa_trust_new ();
  cwa_trust_add_public_root (f->trust, cwa_test_issuer_get_certificate (f->issuer));
  cwa_server_set_mtls_certificate (cwa_virtual_server_get_server (vs),
                                   cwa_virtual_server_get_ssl_certificate (vs));
  finding = the_finding (f, "external.published-by-reverse-proxy");
  assert_status (finding, CWA_STATUS_FAIL);
  g_assert_cmpint (cwa_finding_get_level (finding), ==, CWA_LEVEL_INFO);
  /* A recommendation only: the plan stays Ready. */
  g_assert_cmpuint (cwa_checklist_get_n_info (f->checklist), ==, 1);
  g_assert_cmpuint (cwa_checklist_get_n_errors (f->checklist), ==, 0);
  g_assert_cmpuint (cwa_checklist_get_n_warnings (f->checklist), ==, 0);
  g_assert_true (cwa_checklist_is_ready (f->checklist));
}

static void
test_external_public_ca_offloading (Fixture *f, gconstpointer data)
{
  CwaLoadBalancer *lb = offloading_array (f, "CN=im.contoso.com", im_names);
  g_autoptr(GPtrArray) found = NULL;

  /* Browsers are shown the load balancer's certificate. */
  found = findings_of (f, "external.public-ca");
  g_assert_cmpuint (found->len, ==, 2);
  g_assert_true (cwa_finding_get_certificate (g_ptr_array_index (found, 0)) ==
                 cwa_load_balancer_get_ssl_certificate (lb));
  assert_message_contains (g_ptr_array_index (found, 0), "load balancer im.contoso.com");
  g_clear_pointer (&found, g_ptr_array_unref);

  cwa_load_balancer_set_ssl_certificate (lb, NULL);
  assert_no_finding (f, "external.public-ca");
}

/* cli.md: load balancers after servers, then proxies; a certificate's
 * findings after the first subject that has it. */
static void
test_front_end_order (Fixture *f, gconstpointer data)
{
  GListModel *findings;
  gint last_server = -1, first_lb = -1, last_lb = -1, first_rp = -1;
  gint lb_cert = -1, listener_cert = -1;
  CwaLoadBalancer *lb = offloading_array (f, "CN=lb.contoso.com", im_names);
  CwaPublishingRule *rule = add_proxy (f, "https://im.contoso.com", "im.contoso.com", im_names);

  findings = run (f);
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(CwaFinding) finding = g_list_model_get_item (findings, i);
      CwaCertificate *cert = cwa_finding_get_certificate (finding);
      gboolean cert_scope = cwa_finding_get_rule (finding)->scope == CWA_SCOPE_CERTIFICATE;

      if (cwa_finding_get_rule (finding)->scope == CWA_SCOPE_SERVER ||
          cwa_finding_get_rule (finding)->scope == CWA_SCOPE_VIRTUAL_SERVER)
        last_server = i;
      if (cwa_finding_get_rule (finding)->scope == CWA_SCOPE_LOAD_BALANCER)
        {
          first_lb = first_lb < 0 ? (gint) i : first_lb;
          last_lb = i;
        }
      if (cwa_finding_get_rule (finding)->scope == CWA_SCOPE_REVERSE_PROXY && first_rp < 0)
        first_rp = i;
      if (cert_scope && cert == cwa_load_balancer_get_ssl_certificate (lb) && lb_cert < 0)
        {
          lb_cert = i;
          g_assert_true (cwa_finding_get_load_balancer (finding) == lb);
        }
      if (cert_scope && cert == cwa_publishing_rule_get_listener_certificate (rule) && listener_cert < 0)
        {
          listener_cert = i;
          g_assert_true (cwa_finding_get_publishing_rule (finding) == rule);
        }
    }

  g_assert_cmpint (last_server, <, first_lb);
  g_assert_cmpint (last_lb, <, lb_cert);
  g_assert_cmpint (lb_cert, <, first_rp);
  g_assert_cmpint (first_rp, <, listener_cert);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cwa/rules/catalogue", test_catalogue);

  ADD ("/cwa/rules/server.has-mtls-cert/pass", test_server_has_mtls_cert_pass);
  ADD ("/cwa/rules/server.has-mtls-cert/fail", test_server_has_mtls_cert_fail);
  ADD ("/cwa/rules/vs.has-ssl-cert/pass", test_vs_has_ssl_cert_pass);
  ADD ("/cwa/rules/vs.has-ssl-cert/fail", test_vs_has_ssl_cert_fail);
  ADD ("/cwa/rules/vs.has-ssl-cert/http-not-applicable", test_vs_has_ssl_cert_http);
  ADD ("/cwa/rules/ssl.subject-matches-url/pass", test_ssl_subject_matches_url_pass);
  ADD ("/cwa/rules/ssl.subject-matches-url/fail", test_ssl_subject_matches_url_fail);
  ADD ("/cwa/rules/ssl.subject-matches-url/wildcard", test_ssl_subject_matches_url_wildcard);
  ADD ("/cwa/rules/ssl.subject-matches-url/case-and-trailing-dot", test_ssl_subject_matches_url_case);
  ADD ("/cwa/rules/ssl.subject-matches-url/empty-subject", test_ssl_subject_matches_url_empty_subject);
  ADD ("/cwa/rules/cert.chain-trusted/empty-root-subject", test_chain_trusted_empty_root_subject);
  ADD ("/cwa/rules/ssl.subject-matches-url/idn", test_ssl_subject_matches_url_idn);
  ADD ("/cwa/rules/ssl.subject-matches-url/no-cn", test_ssl_subject_matches_url_no_cn);
  ADD ("/cwa/rules/ssl.san-has-url/pass", test_ssl_san_has_url_pass);
  ADD ("/cwa/rules/ssl.san-has-url/fail", test_ssl_san_has_url_fail);
  ADD ("/cwa/rules/ssl.san-has-url/no-san", test_ssl_san_has_url_no_san);
  ADD ("/cwa/rules/ssl.san-has-as-url/pass", test_ssl_san_has_as_url_pass);
  ADD ("/cwa/rules/ssl.san-has-as-url/fail", test_ssl_san_has_as_url_fail);
  ADD ("/cwa/rules/ssl.san-has-as-url/wildcard", test_ssl_san_has_as_url_wildcard);
  ADD ("/cwa/rules/ssl.san-has-as-url/deep-wildcard", test_ssl_san_has_as_url_deep_wildcard);
  ADD ("/cwa/rules/ssl.san-has-as-url/override", test_ssl_san_has_as_url_override);
  ADD ("/cwa/rules/ssl.san-has-download-url/pass", test_ssl_san_has_download_url_pass);
  ADD ("/cwa/rules/ssl.san-has-download-url/fail", test_ssl_san_has_download_url_fail);
  ADD ("/cwa/rules/shared.san-has-server-fqdn/pass", test_shared_san_has_server_fqdn_pass);
  ADD ("/cwa/rules/shared.san-has-server-fqdn/fail", test_shared_san_has_server_fqdn_fail);
  ADD ("/cwa/rules/shared.san-has-server-fqdn/separate-not-applicable", test_shared_san_has_server_fqdn_separate);
  ADD ("/cwa/rules/shared.single-server-only/pass", test_shared_single_server_only_pass);
  ADD ("/cwa/rules/shared.single-server-only/fail", test_shared_single_server_only_fail);
  ADD ("/cwa/rules/mtls.subject-is-server-fqdn/pass", test_mtls_subject_is_server_fqdn_pass);
  ADD ("/cwa/rules/mtls.subject-is-server-fqdn/fail", test_mtls_subject_is_server_fqdn_fail);
  ADD ("/cwa/rules/mtls.subject-is-server-fqdn/wildcard", test_mtls_subject_is_server_fqdn_wildcard);
  ADD ("/cwa/rules/mtls.subject-is-server-fqdn/shared-not-applicable", test_mtls_subject_is_server_fqdn_shared);
  ADD ("/cwa/rules/vs.one-cert-per-domain/pass", test_vs_one_cert_per_domain_pass);
  ADD ("/cwa/rules/vs.one-cert-per-domain/fail", test_vs_one_cert_per_domain_fail);
  ADD ("/cwa/rules/vs.one-cert-per-domain/other-server", test_vs_one_cert_per_domain_other_server);
  ADD ("/cwa/rules/external.public-ca/pass", test_external_public_ca_pass);
  ADD ("/cwa/rules/external.public-ca/fail", test_external_public_ca_fail);
  ADD ("/cwa/rules/external.public-ca/internal-not-applicable", test_external_public_ca_internal);
  ADD ("/cwa/rules/external.https-required/pass", test_external_https_required_pass);
  ADD ("/cwa/rules/external.https-required/fail", test_external_https_required_fail);
  ADD ("/cwa/rules/server.internal-external-separate/pass", test_server_internal_external_separate_pass);
  ADD ("/cwa/rules/server.internal-external-separate/fail", test_server_internal_external_separate_fail);
  ADD ("/cwa/rules/server.listen-conflict/pass", test_server_listen_conflict_pass);
  ADD ("/cwa/rules/server.listen-conflict/fail", test_server_listen_conflict_fail);
  ADD ("/cwa/rules/server.listen-conflict/star-beside-specific", test_server_listen_conflict_star_specific);
  ADD ("/cwa/rules/server.listen-conflict/other-port", test_server_listen_conflict_other_port);
  ADD ("/cwa/rules/server.listen-conflict/same-address", test_server_listen_conflict_same_address);
  ADD ("/cwa/rules/server.listen-conflict/case", test_server_listen_conflict_case);
  ADD ("/cwa/rules/server.listen-conflict/other-servers", test_server_listen_conflict_other_servers);
  ADD ("/cwa/rules/deployment.unique-urls/pass", test_deployment_unique_urls_pass);
  ADD ("/cwa/rules/deployment.unique-urls/fail", test_deployment_unique_urls_fail);
  ADD ("/cwa/rules/cert.version-3/pass", test_cert_version_3_pass);
  ADD ("/cwa/rules/cert.version-3/fail", test_cert_version_3_fail);
  ADD ("/cwa/rules/cert.eku-server-auth/pass", test_cert_eku_server_auth_pass);
  ADD ("/cwa/rules/cert.eku-server-auth/fail", test_cert_eku_server_auth_fail);
  ADD ("/cwa/rules/cert.eku-server-auth/absent", test_cert_eku_server_auth_absent);
  ADD ("/cwa/rules/cert.key-usage/pass", test_cert_key_usage_pass);
  ADD ("/cwa/rules/cert.key-usage/fail", test_cert_key_usage_fail);
  ADD ("/cwa/rules/cert.key-usage/ecdsa", test_cert_key_usage_ecdsa);
  ADD ("/cwa/rules/cert.key-usage/no-digital-signature", test_cert_key_usage_no_signature);
  ADD ("/cwa/rules/cert.key-usage/absent", test_cert_key_usage_absent);
  ADD ("/cwa/rules/cert.key-usage/rsa-pss", test_cert_key_usage_rsa_pss);
  ADD ("/cwa/rules/cert.validity/pass", test_cert_validity_pass);
  ADD ("/cwa/rules/cert.validity/fail", test_cert_validity_fail);
  ADD ("/cwa/rules/cert.validity/not-yet-valid", test_cert_validity_not_yet);
  ADD ("/cwa/rules/cert.expiring-soon/pass", test_cert_expiring_soon_pass);
  ADD ("/cwa/rules/cert.expiring-soon/fail", test_cert_expiring_soon_fail);
  ADD ("/cwa/rules/cert.expiring-soon/window", test_cert_expiring_soon_window);
  ADD ("/cwa/rules/cert.chain-trusted/pass", test_cert_chain_trusted_pass);
  ADD ("/cwa/rules/cert.chain-trusted/fail", test_cert_chain_trusted_fail);
  ADD ("/cwa/rules/cert.chain-trusted/missing-ca", test_cert_chain_trusted_missing_ca);
  ADD ("/cwa/rules/cert.weak-key/pass", test_cert_weak_key_pass);
  ADD ("/cwa/rules/cert.weak-key/fail", test_cert_weak_key_fail);
  ADD_DATA ("/cwa/rules/cert.weak-key/ec224", GINT_TO_POINTER (CWA_TEST_KEY_EC224), test_cert_weak_key_ecdsa);
  ADD_DATA ("/cwa/rules/cert.weak-key/ec256", GINT_TO_POINTER (CWA_TEST_KEY_EC256), test_cert_weak_key_ecdsa);
  ADD ("/cwa/rules/cert.weak-signature/pass", test_cert_weak_signature_pass);
  ADD ("/cwa/rules/cert.weak-signature/fail", test_cert_weak_signature_fail);
  ADD ("/cwa/rules/cert.no-unknown-critical-extension/pass", test_cert_unknown_critical_pass);
  ADD ("/cwa/rules/cert.no-unknown-critical-extension/fail", test_cert_unknown_critical_fail);
  ADD ("/cwa/rules/cert.no-unknown-critical-extension/fail-issuing-ca", test_cert_unknown_critical_issuing_ca);
  ADD ("/cwa/rules/cert.no-unknown-critical-extension/anchor", test_cert_unknown_critical_anchor);
  ADD ("/cwa/rules/cert.no-wildcard/pass", test_cert_no_wildcard_pass);
  ADD ("/cwa/rules/cert.no-wildcard/fail", test_cert_no_wildcard_fail);
  ADD ("/cwa/rules/cert.no-wildcard/subject", test_cert_no_wildcard_subject);
  ADD ("/cwa/rules/certificate-scope/once-per-certificate", test_cert_once_per_certificate);
  ADD ("/cwa/rules/certificate-scope/ca-not-checked", test_cert_ca_not_checked);
  ADD ("/cwa/rules/deployment.unique-urls/array", test_deployment_unique_urls_array);
  ADD ("/cwa/rules/deployment.unique-urls/no-load-balancer", test_deployment_unique_urls_no_load_balancer);
  ADD ("/cwa/rules/deployment.unique-urls/same-computer", test_deployment_unique_urls_same_computer);
  ADD ("/cwa/rules/lb.members-host-array-url/pass", test_lb_members_host_array_url_pass);
  ADD ("/cwa/rules/lb.members-host-array-url/fail", test_lb_members_host_array_url_fail);
  ADD ("/cwa/rules/lb.members-host-array-url/empty", test_lb_members_host_array_url_empty);
  ADD ("/cwa/rules/lb.members-consistent/pass", test_lb_members_consistent_pass);
  ADD ("/cwa/rules/lb.members-consistent/fail", test_lb_members_consistent_fail);
  ADD ("/cwa/rules/lb.has-ssl-cert/pass", test_lb_has_ssl_cert_pass);
  ADD ("/cwa/rules/lb.has-ssl-cert/fail", test_lb_has_ssl_cert_fail);
  ADD ("/cwa/rules/lb.subject-matches-fqdn/pass", test_lb_subject_matches_fqdn_pass);
  ADD ("/cwa/rules/lb.subject-matches-fqdn/fail", test_lb_subject_matches_fqdn_fail);
  ADD ("/cwa/rules/lb.san-has-fqdn/pass", test_lb_san_has_fqdn_pass);
  ADD ("/cwa/rules/lb.san-has-fqdn/fail", test_lb_san_has_fqdn_fail);
  ADD ("/cwa/rules/lb.san-has-as-url/pass", test_lb_san_has_as_url_pass);
  ADD ("/cwa/rules/lb.san-has-as-url/fail", test_lb_san_has_as_url_fail);
  ADD ("/cwa/rules/lb.san-has-download-url/pass", test_lb_san_has_download_url_pass);
  ADD ("/cwa/rules/lb.san-has-download-url/fail", test_lb_san_has_download_url_fail);
  ADD ("/cwa/rules/rp.publishes-known-vs/pass", test_rp_publishes_known_vs_pass);
  ADD ("/cwa/rules/rp.publishes-known-vs/fail", test_rp_publishes_known_vs_fail);
  ADD ("/cwa/rules/rp.publishes-known-vs/proxy-named-as-host", test_rp_proxy_named_as_host);
  ADD ("/cwa/rules/rp.https-required/pass", test_rp_https_required_pass);
  ADD ("/cwa/rules/rp.https-required/fail", test_rp_https_required_fail);
  ADD ("/cwa/rules/rp.publishes-external/pass", test_rp_publishes_external_pass);
  ADD ("/cwa/rules/rp.publishes-external/fail", test_rp_publishes_external_fail);
  ADD ("/cwa/rules/rp.has-listener-cert/pass", test_rp_has_listener_cert_pass);
  ADD ("/cwa/rules/rp.has-listener-cert/fail", test_rp_has_listener_cert_fail);
  ADD ("/cwa/rules/rp.listener-subject-matches-url/pass", test_rp_listener_subject_pass);
  ADD ("/cwa/rules/rp.listener-subject-matches-url/fail", test_rp_listener_subject_fail);
  ADD ("/cwa/rules/rp.listener-san-has-url/pass", test_rp_listener_san_has_url_pass);
  ADD ("/cwa/rules/rp.listener-san-has-url/fail", test_rp_listener_san_has_url_fail);
  ADD ("/cwa/rules/rp.listener-san-has-as-url/pass", test_rp_listener_san_has_as_url_pass);
  ADD ("/cwa/rules/rp.listener-san-has-as-url/fail", test_rp_listener_san_has_as_url_fail);
  ADD ("/cwa/rules/rp.listener-san-has-download-url/pass", test_rp_listener_san_has_download_url_pass);
  ADD ("/cwa/rules/rp.listener-san-has-download-url/fail", test_rp_listener_san_has_download_url_fail);
  ADD ("/cwa/rules/rp.listener-public-ca/pass", test_rp_listener_public_ca_pass);
  ADD ("/cwa/rules/rp.listener-public-ca/fail", test_rp_listener_public_ca_fail);
  ADD ("/cwa/rules/rp.listener-public-ca/issuer-missing", test_rp_listener_public_ca_issuer_missing);
  ADD ("/cwa/rules/rp.internal-name-on-cert/pass", test_rp_internal_name_on_cert_pass);
  ADD ("/cwa/rules/rp.internal-name-on-cert/fail", test_rp_internal_name_on_cert_fail);
  ADD ("/cwa/rules/rp.internal-name-on-cert/ip-san", test_rp_internal_name_on_cert_ip_san);
  ADD ("/cwa/rules/rp.internal-name-on-cert/offloading-lb", test_rp_internal_name_on_offloading_lb);
  ADD ("/cwa/rules/rp.trusts-internal-ca/pass", test_rp_trusts_internal_ca_pass);
  ADD ("/cwa/rules/rp.trusts-internal-ca/fail", test_rp_trusts_internal_ca_fail);
  ADD ("/cwa/rules/external.published-by-reverse-proxy/pass", test_external_published_pass);
  ADD ("/cwa/rules/external.published-by-reverse-proxy/fail", test_external_published_fail);
  ADD ("/cwa/rules/external.public-ca/offloading-lb", test_external_public_ca_offloading);
  ADD ("/cwa/rules/front-end-order", test_front_end_order);
  ADD ("/cwa/rules/order", test_order);
  ADD ("/cwa/rules/ready", test_ready);

  return g_test_run ();
}

/* test-kept-findings.c: findings kept between checklist runs follow every change they depend on. */
#include "config.h"

#include <string.h>

#include "cwa-checklist.h"
#include "cwa-test-cert.h"

/* Two computers behind one load balancer, a third on its own, one reverse
 * proxy publishing the array: every kind of subject the checklist keeps
 * findings for. */
typedef struct
{
  CwaTestIssuer     *ca;
  CwaPlan           *plan;
  CwaTrust          *trust;
  GDateTime         *now;
  CwaServer         *members[2];
  CwaServer         *single;
  CwaVirtualServer  *single_vs;
  CwaLoadBalancer   *lb;
  CwaPublishingRule *rule;
  CwaChecklist      *checklist;
  guint              serial;
} Fixture;

/* A certificate for @host and its as. and download. names, issued by the
 * fixture's CA.  Borrowed from the plan. */
static CwaCertificate *
add_certificate (Fixture     *f,
                 const gchar *host)
{
  g_autoptr(CwaCertificate) certificate =
    cwa_test_cert_build_site (f->ca, host, "Contoso", ++f->serial);

  return cwa_plan_add_certificate (f->plan, certificate);
}

static CwaServer *
add_server (Fixture     *f,
            const gchar *fqdn,
            const gchar *url,
            CwaCertificate *ssl)
{
  g_autoptr(CwaServer) server = cwa_server_new (fqdn);
  g_autoptr(CwaVirtualServer) vs = cwa_virtual_server_new (url, CWA_AUDIENCE_EXTERNAL);

  cwa_server_set_mtls_certificate (server, add_certificate (f, fqdn));
  cwa_virtual_server_set_ssl_certificate (vs, ssl);
  cwa_server_add_virtual_server (server, vs);
  cwa_deployment_add_server (cwa_plan_get_deployment (f->plan), server);
  return server;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  CwaDeployment *deployment;
  CwaCertificate *array_ssl;
  g_autoptr(CwaLoadBalancer) lb = cwa_load_balancer_new ("im.contoso.com");
  g_autoptr(CwaReverseProxy) proxy = cwa_reverse_proxy_new ("isa01.perimeter.contoso.com");
  g_autoptr(CwaPublishingRule) rule = cwa_publishing_rule_new ("https://im.contoso.com", "im.contoso.com");
  g_autoptr(GListModel) vss = NULL;
  CwaTestCertSpec spec;

  cwa_test_cert_spec_init (&spec, "CN=Contoso Kept Root,O=Contoso");
  spec.is_ca = TRUE;
  f->ca = cwa_test_issuer_new (&spec);
  f->plan = cwa_plan_new ();
  f->trust = cwa_trust_new ();
  f->now = cwa_test_now ();
  deployment = cwa_plan_get_deployment (f->plan);
  cwa_plan_add_certificate (f->plan, cwa_test_issuer_get_certificate (f->ca));

  array_ssl = add_certificate (f, "im.contoso.com");
  f->members[0] = add_server (f, "cwa01.contoso.com", "https://im.contoso.com", array_ssl);
  f->members[1] = add_server (f, "cwa02.contoso.com", "https://im.contoso.com", array_ssl);
  f->single = add_server (f, "cwa03.contoso.com", "https://im3.contoso.com",
                          add_certificate (f, "im3.contoso.com"));
  f->single_vs = g_list_model_get_item (cwa_server_get_virtual_servers (f->single), 0);

  cwa_load_balancer_add_member (lb, "cwa01.contoso.com");
  cwa_load_balancer_add_member (lb, "cwa02.contoso.com");
  cwa_load_balancer_set_vip (lb, "10.0.0.10");
  cwa_load_balancer_set_ssl_certificate (lb, array_ssl);
  cwa_deployment_add_load_balancer (deployment, lb);
  f->lb = lb;

  cwa_reverse_proxy_add_trusted_certificate (proxy, cwa_test_issuer_get_certificate (f->ca));
  cwa_publishing_rule_set_listener_certificate (rule, add_certificate (f, "im.contoso.com"));
  cwa_reverse_proxy_add_publishing_rule (proxy, rule);
  cwa_deployment_add_reverse_proxy (deployment, proxy);
  f->rule = rule;

  f->checklist = cwa_checklist_new (f->plan, f->trust);
  cwa_checklist_set_now (f->checklist, f->now);
  cwa_checklist_update (f->checklist);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->checklist);
  g_clear_object (&f->single_vs);
  g_clear_object (&f->plan);
  g_clear_object (&f->trust);
  g_clear_pointer (&f->now, g_date_time_unref);
  cwa_test_issuer_free (f->ca);
}

/* Runs the fixture's checklist, which keeps findings from run to run,
 * and a new one over the plan as it is now: every finding must be the
 * same.  A kept finding that missed a change it depends on differs. */
static void
assert_findings_current (Fixture *f)
{
  g_autoptr(CwaChecklist) fresh = cwa_checklist_new (f->plan, f->trust);
  GListModel *kept_list;
  GListModel *fresh_list;

  cwa_checklist_set_now (fresh, f->now);
  cwa_checklist_update (fresh);
  cwa_checklist_update (f->checklist);

  kept_list = cwa_checklist_get_findings (f->checklist);
  fresh_list = cwa_checklist_get_findings (fresh);
  g_assert_cmpuint (g_list_model_get_n_items (kept_list), ==, g_list_model_get_n_items (fresh_list));
  for (guint i = 0; i < g_list_model_get_n_items (kept_list); i++)
    {
      g_autoptr(CwaFinding) kept = g_list_model_get_item (kept_list, i);
      g_autoptr(CwaFinding) current = g_list_model_get_item (fresh_list, i);

      g_assert_cmpstr (cwa_finding_get_rule_id (kept), ==, cwa_finding_get_rule_id (current));
      g_assert_cmpstr (cwa_finding_get_message (kept), ==, cwa_finding_get_message (current));
      g_assert_true (cwa_finding_equal (kept, current));
    }
}

/* The message of the finding of @rule_id about @server and @vs (NULL:
 * about no virtual server). */
static const gchar *
message_of (Fixture          *f,
            const gchar      *rule_id,
            CwaServer        *server,
            CwaVirtualServer *vs)
{
  GListModel *findings = cwa_checklist_get_findings (f->checklist);

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(CwaFinding) finding = g_list_model_get_item (findings, i);

      if (g_strcmp0 (cwa_finding_get_rule_id (finding), rule_id) == 0 &&
          cwa_finding_get_server (finding) == server &&
          cwa_finding_get_virtual_server (finding) == vs)
        return cwa_finding_get_message (finding);
    }

  g_assert_not_reached ();
}

/* A server's findings read the server and its virtual servers. */
static void
test_server_edit (Fixture *f, gconstpointer data)
{
  g_autoptr(CwaVirtualServer) second = cwa_virtual_server_new ("https://im4.contoso.com", CWA_AUDIENCE_INTERNAL);

  cwa_virtual_server_set_listen (f->single_vs, "10.0.0.3:443");
  assert_findings_current (f);
  cwa_virtual_server_set_ssl_certificate (second, add_certificate (f, "im4.contoso.com"));
  cwa_virtual_server_set_listen (second, "10.0.0.3:443");
  cwa_server_add_virtual_server (f->single, second);
  assert_findings_current (f);
  g_assert_nonnull (strstr (message_of (f, "server.listen-conflict", f->single, NULL), "both listen on"));
  cwa_server_remove_virtual_server (f->single, second);
  assert_findings_current (f);
}

/* ... and the front ends: a virtual server stops being an array member, or
 * starts being published, with nothing of its own server changed. */
static void
test_front_end_edit (Fixture *f, gconstpointer data)
{
  g_autoptr(CwaPublishingRule) rule = cwa_publishing_rule_new ("https://im3.contoso.com", "im3.contoso.com");

  cwa_load_balancer_set_ssl_offload (f->lb, TRUE);
  assert_findings_current (f);
  cwa_load_balancer_remove_member (f->lb, "cwa02.contoso.com");
  assert_findings_current (f);
  g_assert_null (strstr (message_of (f, "external.published-by-reverse-proxy", f->single, f->single_vs),
                         "is published through"));
  cwa_reverse_proxy_add_publishing_rule (cwa_publishing_rule_get_reverse_proxy (f->rule), rule);
  assert_findings_current (f);
  g_assert_nonnull (strstr (message_of (f, "external.published-by-reverse-proxy", f->single, f->single_vs),
                            "is published through"));
}

/* A load balancer's, publishing rule's and the deployment's findings read
 * any server. */
static void
test_other_server_edit (Fixture *f, gconstpointer data)
{
  g_autoptr(CwaVirtualServer) vs = g_list_model_get_item (cwa_server_get_virtual_servers (f->members[1]), 0);

  cwa_virtual_server_set_url (vs, "https://im5.contoso.com");
  assert_findings_current (f);
  cwa_virtual_server_set_audience (vs, CWA_AUDIENCE_INTERNAL);
  assert_findings_current (f);
  cwa_virtual_server_set_url (vs, "https://im.contoso.com");
  assert_findings_current (f);
  cwa_deployment_remove_server (cwa_plan_get_deployment (f->plan), f->members[0]);
  assert_findings_current (f);
}

/* Findings name certificates by id. */
static void
test_certificate_renamed (Fixture *f, gconstpointer data)
{
  cwa_certificate_set_id (cwa_server_get_mtls_certificate (f->single), "mtls-renamed");
  assert_findings_current (f);
  cwa_certificate_set_id (cwa_load_balancer_get_ssl_certificate (f->lb), "array-renamed");
  assert_findings_current (f);
  cwa_certificate_set_id (cwa_publishing_rule_get_listener_certificate (f->rule), "listener-renamed");
  assert_findings_current (f);
}

/* external.public-ca and the proxy's trust read chains: a new trust store
 * makes new ones. */
static void
test_trust_changed (Fixture *f, gconstpointer data)
{
  g_autoptr(CwaTrust) trust = cwa_trust_new ();
  const gchar *before;
  g_autofree gchar *saved = NULL;

  before = message_of (f, "external.public-ca", f->single, f->single_vs);
  saved = g_strdup (before);
  cwa_trust_add_public_root (trust, cwa_test_issuer_get_certificate (f->ca));
  g_set_object (&f->trust, trust);
  cwa_checklist_set_trust (f->checklist, trust);
  assert_findings_current (f);
  g_assert_cmpstr (message_of (f, "external.public-ca", f->single, f->single_vs), !=, saved);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/cwa/kept-findings/server-edit", test_server_edit);
  ADD ("/cwa/kept-findings/front-end-edit", test_front_end_edit);
  ADD ("/cwa/kept-findings/other-server-edit", test_other_server_edit);
  ADD ("/cwa/kept-findings/certificate-renamed", test_certificate_renamed);
  ADD ("/cwa/kept-findings/trust-changed", test_trust_changed);
#undef ADD

  return g_test_run ();
}

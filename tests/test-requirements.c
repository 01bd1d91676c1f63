/* test-requirements.c: the required names per certificate role (rules.md, "Required names"). */
#include "config.h"

#include "cwa-requirement.h"
#include "cwa-test-cert.h"

static const gchar * const shared_san[] = {
  "im.contoso.com", "as.im.contoso.com", "download.im.contoso.com", "cwaserver.contoso.com", NULL
};
static const gchar * const ssl_san[] = {
  "im.contoso.com", "as.im.contoso.com", "download.im.contoso.com", NULL
};
static const gchar * const no_san[] = { NULL };

static CwaServer *
add_server (CwaDeployment *deployment,
            const gchar   *fqdn)
{
  g_autoptr(CwaServer) server = cwa_server_new (fqdn);

  cwa_deployment_add_server (deployment, server);

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

static CwaCertificate *
make_cert (const gchar *subject)
{
  CwaTestCertSpec spec;

  cwa_test_cert_spec_init (&spec, subject);

  return cwa_test_cert_build (&spec);
}

static void
assert_entry (GPtrArray           *entries,
              guint                index,
              CwaRole              role,
              CwaServer           *server,
              CwaVirtualServer    *vs,
              const gchar         *subject,
              const gchar * const *san)
{
  CwaRequirement *entry;

  g_assert_cmpuint (index, <, entries->len);
  entry = g_ptr_array_index (entries, index);
  g_assert_cmpstr (cwa_role_to_string (cwa_requirement_get_role (entry)), ==,
                   cwa_role_to_string (role));
  g_assert_true (cwa_requirement_get_server (entry) == server);
  g_assert_true (cwa_requirement_get_virtual_server (entry) == vs);
  g_assert_cmpstr (cwa_requirement_get_subject (entry), ==, subject);
  g_assert_cmpstrv (cwa_requirement_get_san (entry), san);
}

/* CWA-CERTS: one computer, one https virtual server, nothing assigned yet:
 * the documented single certificate. */
static void
test_shared_planned (void)
{
  g_autoptr(CwaDeployment) deployment = cwa_deployment_new ();
  CwaServer *server = add_server (deployment, "cwaserver.contoso.com");
  CwaVirtualServer *vs = add_vs (server, "https://im.contoso.com", CWA_AUDIENCE_EXTERNAL);
  g_autoptr(GPtrArray) entries = cwa_requirements_compute (deployment);
  g_auto(GStrv) names = NULL;

  g_assert_cmpuint (entries->len, ==, 1);
  assert_entry (entries, 0, CWA_ROLE_SHARED, server, vs, "im.contoso.com", shared_san);
  g_assert_null (cwa_requirement_get_certificate (g_ptr_array_index (entries, 0)));

  names = cwa_requirement_dup_all_names (g_ptr_array_index (entries, 0));
  g_assert_cmpstrv (names, shared_san);

  g_clear_pointer (&entries, g_ptr_array_unref);
  g_assert_finalize_object (g_steal_pointer (&deployment));
}

static void
test_shared_assigned (void)
{
  g_autoptr(CwaDeployment) deployment = cwa_deployment_new ();
  CwaServer *server = add_server (deployment, "CWAServer.Contoso.com.");
  CwaVirtualServer *vs = add_vs (server, "https://IM.contoso.com/", CWA_AUDIENCE_INTERNAL);
  g_autoptr(CwaCertificate) cert = make_cert ("CN=im.contoso.com");
  g_autoptr(GPtrArray) entries = NULL;

  cwa_server_set_mtls_certificate (server, cert);
  cwa_virtual_server_set_ssl_certificate (vs, cert);
  entries = cwa_requirements_compute (deployment);
  g_assert_cmpuint (entries->len, ==, 1);
  /* Names are normalised: lower case, no trailing dot. */
  assert_entry (entries, 0, CWA_ROLE_SHARED, server, vs, "im.contoso.com", shared_san);
  g_assert_true (cwa_requirement_get_certificate (g_ptr_array_index (entries, 0)) == cert);

  g_clear_pointer (&entries, g_ptr_array_unref);
  g_assert_finalize_object (g_steal_pointer (&deployment));
  g_assert_finalize_object (g_steal_pointer (&cert));
}

/* CWA-CERTS: separate SSL and MTLS certificates once assigned so. */
static void
test_separate_assigned (void)
{
  g_autoptr(CwaDeployment) deployment = cwa_deployment_new ();
  CwaServer *server = add_server (deployment, "cwaserver.contoso.com");
  CwaVirtualServer *vs = add_vs (server, "https://im.contoso.com", CWA_AUDIENCE_INTERNAL);
  g_autoptr(CwaCertificate) ssl = make_cert ("CN=im.contoso.com");
  g_autoptr(GPtrArray) entries = NULL;
  g_auto(GStrv) names = NULL;

  cwa_virtual_server_set_ssl_certificate (vs, ssl);
  entries = cwa_requirements_compute (deployment);
  g_assert_cmpuint (entries->len, ==, 2);
  /* The computer's MTLS entry comes before its virtual servers'. */
  assert_entry (entries, 0, CWA_ROLE_MTLS, server, NULL, "cwaserver.contoso.com", no_san);
  assert_entry (entries, 1, CWA_ROLE_SSL, server, vs, "im.contoso.com", ssl_san);
  g_assert_null (cwa_requirement_get_certificate (g_ptr_array_index (entries, 0)));
  g_assert_true (cwa_requirement_get_certificate (g_ptr_array_index (entries, 1)) == ssl);

  names = cwa_requirement_dup_all_names (g_ptr_array_index (entries, 0));
  g_assert_cmpstrv (names, ((const gchar *[]) { "cwaserver.contoso.com", NULL }));

  g_clear_pointer (&entries, g_ptr_array_unref);
  g_assert_finalize_object (g_steal_pointer (&deployment));
  g_assert_finalize_object (g_steal_pointer (&ssl));
}

static void
test_http_internal (void)
{
  g_autoptr(CwaDeployment) deployment = cwa_deployment_new ();
  CwaServer *server = add_server (deployment, "cwaserver.contoso.com");
  CwaVirtualServer *vs = add_vs (server, "https://im.contoso.com", CWA_AUDIENCE_INTERNAL);
  g_autoptr(GPtrArray) entries = NULL;

  /* An internal http virtual server needs no certificate: the https one is
   * still the only one, so the plan stays a shared certificate. */
  add_vs (server, "http://im-lan.contoso.com", CWA_AUDIENCE_INTERNAL);
  entries = cwa_requirements_compute (deployment);
  g_assert_cmpuint (entries->len, ==, 1);
  assert_entry (entries, 0, CWA_ROLE_SHARED, server, vs, "im.contoso.com", shared_san);
  g_clear_pointer (&entries, g_ptr_array_unref);
  g_assert_finalize_object (g_steal_pointer (&deployment));
}

static void
test_http_only (void)
{
  g_autoptr(CwaDeployment) deployment = cwa_deployment_new ();
  CwaServer *server = add_server (deployment, "cwaserver.contoso.com");
  g_autoptr(GPtrArray) entries = NULL;

  /* The computer still needs its MTLS certificate to activate CWA. */
  add_vs (server, "http://im.contoso.com", CWA_AUDIENCE_INTERNAL);
  entries = cwa_requirements_compute (deployment);
  g_assert_cmpuint (entries->len, ==, 1);
  assert_entry (entries, 0, CWA_ROLE_MTLS, server, NULL, "cwaserver.contoso.com", no_san);
  g_clear_pointer (&entries, g_ptr_array_unref);
  g_assert_finalize_object (g_steal_pointer (&deployment));
}

static void
test_http_external (void)
{
  g_autoptr(CwaDeployment) deployment = cwa_deployment_new ();
  CwaServer *server = add_server (deployment, "cwaserver.contoso.com");
  CwaVirtualServer *vs = add_vs (server, "http://im.contoso.com", CWA_AUDIENCE_EXTERNAL);
  g_autoptr(GPtrArray) entries = cwa_requirements_compute (deployment);

  /* External access needs https, so the certificate is planned anyway. */
  g_assert_cmpuint (entries->len, ==, 2);
  assert_entry (entries, 0, CWA_ROLE_MTLS, server, NULL, "cwaserver.contoso.com", no_san);
  assert_entry (entries, 1, CWA_ROLE_SSL, server, vs, "im.contoso.com", ssl_san);
  g_clear_pointer (&entries, g_ptr_array_unref);
  g_assert_finalize_object (g_steal_pointer (&deployment));
}

/* CWA-CERTS, multiple virtual servers: every other deployment is planned as
 * separate certificates. */
static void
test_multi_server (void)
{
  static const gchar * const fabrikam_san[] = {
    "im.fabrikam.com", "as.im.fabrikam.com", "download.im.fabrikam.com", NULL
  };
  g_autoptr(CwaDeployment) deployment = cwa_deployment_new ();
  CwaServer *one = add_server (deployment, "cwaserver.contoso.com");
  CwaServer *two = add_server (deployment, "cwa2.fabrikam.com");
  CwaVirtualServer *a = add_vs (one, "https://im.contoso.com", CWA_AUDIENCE_INTERNAL);
  CwaVirtualServer *b = add_vs (two, "https://im.fabrikam.com", CWA_AUDIENCE_EXTERNAL);
  g_autoptr(GPtrArray) entries = cwa_requirements_compute (deployment);

  g_assert_cmpuint (entries->len, ==, 4);
  assert_entry (entries, 0, CWA_ROLE_MTLS, one, NULL, "cwaserver.contoso.com", no_san);
  assert_entry (entries, 1, CWA_ROLE_SSL, one, a, "im.contoso.com", ssl_san);
  assert_entry (entries, 2, CWA_ROLE_MTLS, two, NULL, "cwa2.fabrikam.com", no_san);
  assert_entry (entries, 3, CWA_ROLE_SSL, two, b, "im.fabrikam.com", fabrikam_san);
  g_clear_pointer (&entries, g_ptr_array_unref);
  g_assert_finalize_object (g_steal_pointer (&deployment));
}

static void
test_multi_vs (void)
{
  static const gchar * const overridden[] = {
    "im.fabrikam.com", "cwa-as.fabrikam.com", "download.im.fabrikam.com", NULL
  };
  g_autoptr(CwaDeployment) deployment = cwa_deployment_new ();
  CwaServer *server = add_server (deployment, "cwaserver.contoso.com");
  CwaVirtualServer *a = add_vs (server, "https://im.contoso.com", CWA_AUDIENCE_INTERNAL);
  CwaVirtualServer *b = add_vs (server, "https://im.fabrikam.com", CWA_AUDIENCE_INTERNAL);
  g_autoptr(GPtrArray) entries = NULL;

  cwa_virtual_server_set_as_url (b, "https://cwa-as.fabrikam.com");
  entries = cwa_requirements_compute (deployment);
  g_assert_cmpuint (entries->len, ==, 3);
  assert_entry (entries, 0, CWA_ROLE_MTLS, server, NULL, "cwaserver.contoso.com", no_san);
  assert_entry (entries, 1, CWA_ROLE_SSL, server, a, "im.contoso.com", ssl_san);
  assert_entry (entries, 2, CWA_ROLE_SSL, server, b, "im.fabrikam.com", overridden);
  g_clear_pointer (&entries, g_ptr_array_unref);
  g_assert_finalize_object (g_steal_pointer (&deployment));
}

/* One virtual server shares the MTLS certificate: no separate MTLS entry,
 * the other one gets its own SSL entry. */
static void
test_mixed (void)
{
  g_autoptr(CwaDeployment) deployment = cwa_deployment_new ();
  CwaServer *server = add_server (deployment, "cwaserver.contoso.com");
  CwaVirtualServer *a = add_vs (server, "https://im.contoso.com", CWA_AUDIENCE_INTERNAL);
  CwaVirtualServer *b = add_vs (server, "https://im2.contoso.com", CWA_AUDIENCE_INTERNAL);
  g_autoptr(CwaCertificate) cert = make_cert ("CN=im.contoso.com");
  g_autoptr(GPtrArray) entries = NULL;
  const gchar * const im2_san[] = {
    "im2.contoso.com", "as.im2.contoso.com", "download.im2.contoso.com", NULL
  };

  cwa_server_set_mtls_certificate (server, cert);
  cwa_virtual_server_set_ssl_certificate (a, cert);
  entries = cwa_requirements_compute (deployment);
  g_assert_cmpuint (entries->len, ==, 2);
  assert_entry (entries, 0, CWA_ROLE_SHARED, server, a, "im.contoso.com", shared_san);
  assert_entry (entries, 1, CWA_ROLE_SSL, server, b, "im2.contoso.com", im2_san);
  g_clear_pointer (&entries, g_ptr_array_unref);
  g_assert_finalize_object (g_steal_pointer (&deployment));
  g_assert_finalize_object (g_steal_pointer (&cert));
}

static void
test_equal (void)
{
  g_autoptr(CwaServer) server = cwa_server_new ("cwaserver.contoso.com");
  g_autoptr(CwaRequirement) a = cwa_requirement_new (CWA_ROLE_MTLS, server, NULL, "cwaserver.contoso.com", NULL);
  g_autoptr(CwaRequirement) b = cwa_requirement_new (CWA_ROLE_MTLS, server, NULL, "cwaserver.contoso.com", no_san);
  g_autoptr(CwaRequirement) c = cwa_requirement_new (CWA_ROLE_SSL, server, NULL, "cwaserver.contoso.com", NULL);

  g_assert_nonnull (cwa_requirement_get_san (a));
  g_assert_true (cwa_requirement_equal (a, b));
  g_assert_false (cwa_requirement_equal (a, c));

  g_assert_finalize_object (g_steal_pointer (&a));
  g_assert_finalize_object (g_steal_pointer (&b));
  g_assert_finalize_object (g_steal_pointer (&c));
  g_assert_finalize_object (g_steal_pointer (&server));
}

/* The drop hint: a certificate satisfies an entry only with the subject
 * and every SAN name, exactly; a missing name or a wildcard does not. */
static void
test_satisfied_by (void)
{
  g_autoptr(CwaDeployment) deployment = cwa_deployment_new ();
  CwaServer *server = add_server (deployment, "cwaserver.contoso.com");
  g_autoptr(GPtrArray) entries = NULL;
  static const gchar * const full[] = {
    "im.contoso.com", "as.im.contoso.com", "download.im.contoso.com", "cwaserver.contoso.com", NULL
  };
  static const gchar * const lacking[] = {
    "im.contoso.com", "as.im.contoso.com", "cwaserver.contoso.com", NULL
  };
  static const gchar * const wildcard[] = {
    "im.contoso.com", "*.im.contoso.com", "cwaserver.contoso.com", NULL
  };
  CwaTestCertSpec spec;
  g_autoptr(CwaCertificate) good = NULL;
  g_autoptr(CwaCertificate) lacks = NULL;
  g_autoptr(CwaCertificate) wild = NULL;
  g_autoptr(CwaCertificate) other_cn = NULL;
  CwaRequirement *shared;

  add_vs (server, "https://im.contoso.com", CWA_AUDIENCE_EXTERNAL);
  entries = cwa_requirements_compute (deployment);
  g_assert_cmpuint (entries->len, ==, 1);
  shared = g_ptr_array_index (entries, 0);

  cwa_test_cert_spec_init (&spec, "CN=im.contoso.com");
  spec.dns_names = full;
  good = cwa_test_cert_build (&spec);
  spec.dns_names = lacking;
  lacks = cwa_test_cert_build (&spec);
  spec.dns_names = wildcard;
  wild = cwa_test_cert_build (&spec);
  cwa_test_cert_spec_init (&spec, "CN=cwaserver.contoso.com");
  spec.dns_names = full;
  other_cn = cwa_test_cert_build (&spec);

  g_assert_true (cwa_requirement_is_satisfied_by (shared, good));
  g_assert_false (cwa_requirement_is_satisfied_by (shared, lacks));
  g_assert_false (cwa_requirement_is_satisfied_by (shared, wild));
  g_assert_false (cwa_requirement_is_satisfied_by (shared, other_cn));

  g_clear_pointer (&entries, g_ptr_array_unref);
  g_assert_finalize_object (g_steal_pointer (&good));
  g_assert_finalize_object (g_steal_pointer (&lacks));
  g_assert_finalize_object (g_steal_pointer (&wild));
  g_assert_finalize_object (g_steal_pointer (&other_cn));
}

/* Arrays, load balancers and reverse proxies (rules.md, "Required names") */

typedef struct
{
  CwaDeployment   *deployment;
  CwaServer       *cwa01;
  CwaServer       *cwa02;
  CwaVirtualServer *vs01;
  CwaVirtualServer *vs02;
  CwaLoadBalancer *lb;
} Array;

/* The documented array: cwa01 and cwa02 serving https://im.contoso.com
 * behind the load balancer im.contoso.com, nothing assigned. */
static void
array_init (Array *a)
{
  g_autoptr(CwaLoadBalancer) lb = cwa_load_balancer_new ("IM.contoso.com");
  const gchar * const members[] = { "cwa01.contoso.com", "cwa02.contoso.com", NULL };

  a->deployment = cwa_deployment_new ();
  a->cwa01 = add_server (a->deployment, "cwa01.contoso.com");
  a->vs01 = add_vs (a->cwa01, "https://im.contoso.com", CWA_AUDIENCE_EXTERNAL);
  a->cwa02 = add_server (a->deployment, "cwa02.contoso.com");
  a->vs02 = add_vs (a->cwa02, "https://im.contoso.com", CWA_AUDIENCE_EXTERNAL);
  cwa_load_balancer_set_members (lb, members);
  cwa_load_balancer_set_vip (lb, "10.0.0.50");
  cwa_deployment_add_load_balancer (a->deployment, lb);
  a->lb = lb;
}

static void
array_clear (Array *a)
{
  g_assert_finalize_object (a->deployment);
}

static CwaPublishingRule *
publish (CwaDeployment *deployment,
         const gchar   *published_url,
         const gchar   *host)
{
  CwaReverseProxy *proxy = cwa_deployment_find_reverse_proxy (deployment, "isa01.perimeter.contoso.com");
  g_autoptr(CwaPublishingRule) rule = cwa_publishing_rule_new (published_url, host);

  if (proxy == NULL)
    {
      g_autoptr(CwaReverseProxy) created = cwa_reverse_proxy_new ("isa01.perimeter.contoso.com");

      cwa_deployment_add_reverse_proxy (deployment, created);
      proxy = created;
    }
  cwa_reverse_proxy_add_publishing_rule (proxy, rule);

  return rule;
}

static void
assert_array_entry (GPtrArray           *entries,
                    guint                index,
                    Array               *a,
                    const gchar * const *san)
{
  CwaRequirement *entry = g_ptr_array_index (entries, index);
  GPtrArray *servers = cwa_requirement_get_servers (entry);

  assert_entry (entries, index, CWA_ROLE_SSL, a->cwa01, a->vs01, "im.contoso.com", san);
  g_assert_true (cwa_requirement_get_load_balancer (entry) == a->lb);
  g_assert_cmpuint (servers->len, ==, 2);
  g_assert_true (g_ptr_array_index (servers, 0) == a->cwa01);
  g_assert_true (g_ptr_array_index (servers, 1) == a->cwa02);
}

/* CWA-LB: one SSL entry for the array, one MTLS entry per member, never
 * shared even with one computer. */
static void
test_array (void)
{
  Array a;
  g_autoptr(GPtrArray) entries = NULL;

  array_init (&a);
  entries = cwa_requirements_compute (a.deployment);
  g_assert_cmpuint (entries->len, ==, 3);
  assert_entry (entries, 0, CWA_ROLE_MTLS, a.cwa01, NULL, "cwa01.contoso.com", no_san);
  assert_array_entry (entries, 1, &a, ssl_san);
  assert_entry (entries, 2, CWA_ROLE_MTLS, a.cwa02, NULL, "cwa02.contoso.com", no_san);
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* An array of one computer is still no shared certificate. */
  cwa_deployment_remove_server (a.deployment, a.cwa02);
  entries = cwa_requirements_compute (a.deployment);
  g_assert_cmpuint (entries->len, ==, 2);
  assert_entry (entries, 0, CWA_ROLE_MTLS, a.cwa01, NULL, "cwa01.contoso.com", no_san);
  assert_entry (entries, 1, CWA_ROLE_SSL, a.cwa01, a.vs01, "im.contoso.com", ssl_san);
  g_clear_pointer (&entries, g_ptr_array_unref);
  array_clear (&a);
}

static void
test_offloading_array (void)
{
  Array a;
  g_autoptr(GPtrArray) entries = NULL;
  CwaRequirement *entry;

  array_init (&a);
  cwa_load_balancer_set_ssl_offload (a.lb, TRUE);
  entries = cwa_requirements_compute (a.deployment);
  g_assert_cmpuint (entries->len, ==, 4);
  assert_array_entry (entries, 1, &a, ssl_san);
  assert_entry (entries, 3, CWA_ROLE_LOAD_BALANCER, NULL, NULL, "im.contoso.com", ssl_san);
  entry = g_ptr_array_index (entries, 3);
  g_assert_true (cwa_requirement_get_load_balancer (entry) == a.lb);
  g_assert_cmpuint (cwa_requirement_get_servers (entry)->len, ==, 0);
  g_clear_pointer (&entries, g_ptr_array_unref);
  array_clear (&a);
}

/* CWA-RP: the listener entry, and the internal host on the certificate the
 * proxy is shown (here the single server's shared one). */
static void
test_reverse_proxy_single_server (void)
{
  static const gchar * const listener_san[] = {
    "im.contoso.com", "as.im.contoso.com", "download.im.contoso.com", NULL
  };
  static const gchar * const shared_internal_san[] = {
    "im.contoso.com", "as.im.contoso.com", "download.im.contoso.com", "cwaserver.contoso.com",
    "cwa-int.contoso.com", NULL
  };
  g_autoptr(CwaDeployment) deployment = cwa_deployment_new ();
  CwaServer *server = add_server (deployment, "cwaserver.contoso.com");
  CwaVirtualServer *vs = add_vs (server, "https://im.contoso.com", CWA_AUDIENCE_EXTERNAL);
  CwaPublishingRule *rule = publish (deployment, "https://im.contoso.com", "im.contoso.com");
  g_autoptr(GPtrArray) entries = cwa_requirements_compute (deployment);
  CwaRequirement *entry;

  /* The default internal host is the virtual server's: already listed. */
  g_assert_cmpuint (entries->len, ==, 2);
  assert_entry (entries, 0, CWA_ROLE_SHARED, server, vs, "im.contoso.com", shared_san);
  assert_entry (entries, 1, CWA_ROLE_REVERSE_PROXY, NULL, NULL, "im.contoso.com", listener_san);
  entry = g_ptr_array_index (entries, 1);
  g_assert_true (cwa_requirement_get_publishing_rule (entry) == rule);
  g_assert_true (cwa_requirement_get_reverse_proxy (entry) == cwa_publishing_rule_get_reverse_proxy (rule));
  g_clear_pointer (&entries, g_ptr_array_unref);

  cwa_publishing_rule_set_internal_host (rule, "CWA-Int.contoso.com");
  entries = cwa_requirements_compute (deployment);
  assert_entry (entries, 0, CWA_ROLE_SHARED, server, vs, "im.contoso.com", shared_internal_san);
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* An http publishing rule needs no listener certificate. */
  cwa_publishing_rule_set_published_url (rule, "http://im.contoso.com");
  entries = cwa_requirements_compute (deployment);
  g_assert_cmpuint (entries->len, ==, 1);
  g_clear_pointer (&entries, g_ptr_array_unref);
  g_assert_finalize_object (g_steal_pointer (&deployment));
}

static void
test_reverse_proxy_array (void)
{
  static const gchar * const with_ip[] = {
    "im.contoso.com", "as.im.contoso.com", "download.im.contoso.com", "10.0.0.11", NULL
  };
  static const gchar * const with_vip[] = {
    "im.contoso.com", "as.im.contoso.com", "download.im.contoso.com", "10.0.0.50", NULL
  };
  static const gchar * const published_san[] = {
    "chat.contoso.com", "as.chat.contoso.com", "download.chat.contoso.com", NULL
  };
  Array a;
  CwaPublishingRule *rule;
  g_autoptr(GPtrArray) entries = NULL;

  array_init (&a);
  rule = publish (a.deployment, "https://chat.contoso.com", "im.contoso.com");
  cwa_publishing_rule_set_internal_host (rule, "10.0.0.11");
  entries = cwa_requirements_compute (a.deployment);
  g_assert_cmpuint (entries->len, ==, 4);
  assert_array_entry (entries, 1, &a, with_ip);
  assert_entry (entries, 3, CWA_ROLE_REVERSE_PROXY, NULL, NULL, "chat.contoso.com", published_san);
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* Forwarding to an offloading load balancer's VIP: the load balancer is
   * shown, so its entry carries the address; the members' keep their names. */
  cwa_load_balancer_set_ssl_offload (a.lb, TRUE);
  cwa_publishing_rule_set_internal_host (rule, "10.0.0.50");
  entries = cwa_requirements_compute (a.deployment);
  g_assert_cmpuint (entries->len, ==, 5);
  assert_array_entry (entries, 1, &a, ssl_san);
  assert_entry (entries, 3, CWA_ROLE_LOAD_BALANCER, NULL, NULL, "im.contoso.com", with_vip);
  assert_entry (entries, 4, CWA_ROLE_REVERSE_PROXY, NULL, NULL, "chat.contoso.com", published_san);
  g_clear_pointer (&entries, g_ptr_array_unref);
  array_clear (&a);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cwa/requirements/shared/planned", test_shared_planned);
  g_test_add_func ("/cwa/requirements/shared/assigned", test_shared_assigned);
  g_test_add_func ("/cwa/requirements/separate/assigned", test_separate_assigned);
  g_test_add_func ("/cwa/requirements/http/internal-none", test_http_internal);
  g_test_add_func ("/cwa/requirements/http/only", test_http_only);
  g_test_add_func ("/cwa/requirements/http/external", test_http_external);
  g_test_add_func ("/cwa/requirements/separate/multi-server", test_multi_server);
  g_test_add_func ("/cwa/requirements/separate/multi-vs", test_multi_vs);
  g_test_add_func ("/cwa/requirements/mixed", test_mixed);
  g_test_add_func ("/cwa/requirements/equal", test_equal);
  g_test_add_func ("/cwa/requirements/satisfied-by", test_satisfied_by);
  g_test_add_func ("/cwa/requirements/array", test_array);
  g_test_add_func ("/cwa/requirements/offloading-array", test_offloading_array);
  g_test_add_func ("/cwa/requirements/reverse-proxy/single-server", test_reverse_proxy_single_server);
  g_test_add_func ("/cwa/requirements/reverse-proxy/array", test_reverse_proxy_array);

  return g_test_run ();
}

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

  return g_test_run ();
}

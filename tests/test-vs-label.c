/* test-vs-label.c: how reports, the command line and the window name a virtual server (cwa_vs_label_dup()). */
#include "config.h"

#include "cwa-deployment.h"
#include "cwa-test-plan.h"
#include "cwa-vs-label.h"

static void
assert_label (CwaVirtualServer *vs,
              const gchar      *expected)
{
  g_autofree gchar *label = cwa_vs_label_dup (vs, CWA_LABEL_ENGLISH);
  g_autofree gchar *translated = cwa_vs_label_dup (vs, CWA_LABEL_TRANSLATED);

  g_assert_cmpstr (label, ==, expected);
  /* The tests run without a locale: no catalogue translates. */
  g_assert_cmpstr (translated, ==, expected);
}

/* A host used once on its computer keeps its plain name, written as the
 * reports write hosts; array members on different computers too. */
static void
test_unique_host_is_plain (void)
{
  g_autoptr(CwaDeployment) deployment = cwa_deployment_new ();
  CwaServer *cwa01 = cwa_test_add_server (deployment, "cwa01.contoso.com");
  CwaServer *cwa02 = cwa_test_add_server (deployment, "cwa02.contoso.com");
  CwaVirtualServer *im = cwa_test_add_virtual_server (cwa01, "https://IM.Contoso.com.:443/", CWA_AUDIENCE_INTERNAL, NULL);
  CwaVirtualServer *fabrikam = cwa_test_add_virtual_server (cwa01, "https://im.fabrikam.com:8443", CWA_AUDIENCE_EXTERNAL, NULL);
  CwaVirtualServer *member = cwa_test_add_virtual_server (cwa02, "https://im.contoso.com", CWA_AUDIENCE_INTERNAL, NULL);
  g_autoptr(CwaVirtualServer) alone = cwa_virtual_server_new ("https://im.contoso.com", CWA_AUDIENCE_INTERNAL);

  assert_label (im, "im.contoso.com");
  assert_label (fabrikam, "im.fabrikam.com");
  assert_label (member, "im.contoso.com");
  assert_label (alone, "im.contoso.com");
  g_assert_false (cwa_vs_label_is_qualified (im));
  g_assert_false (cwa_vs_label_is_qualified (alone));
}

/* Internal and external sites of one host on one computer, as issue
 * reports show them: by port when the ports differ, by audience when they
 * do not, by both when neither alone tells them apart. */
static void
test_port_then_audience (void)
{
  g_autoptr(CwaDeployment) deployment = cwa_deployment_new ();
  CwaServer *server = cwa_test_add_server (deployment, "cwaserver.contoso.com");
  CwaVirtualServer *internal = cwa_test_add_virtual_server (server, "https://im.contoso.com", CWA_AUDIENCE_INTERNAL, "10.0.0.1:443");
  CwaVirtualServer *external = cwa_test_add_virtual_server (server, "https://im.contoso.com:8443", CWA_AUDIENCE_EXTERNAL, NULL);
  CwaVirtualServer *third;

  g_assert_true (cwa_vs_label_is_qualified (internal));
  assert_label (internal, "im.contoso.com:443");
  assert_label (external, "im.contoso.com:8443");

  /* Same port: the audience tells them apart. */
  cwa_virtual_server_set_url (external, "https://im.contoso.com");
  assert_label (internal, "im.contoso.com (internal)");
  assert_label (external, "im.contoso.com (external)");

  /* A third on 8443: neither port nor audience alone is unique. */
  third = cwa_test_add_virtual_server (server, "https://im.contoso.com:8443", CWA_AUDIENCE_EXTERNAL, NULL);
  assert_label (internal, "im.contoso.com:443 (internal)");
  assert_label (external, "im.contoso.com:443 (external)");
  assert_label (third, "im.contoso.com:8443 (external)");

  /* Once the others have hosts of their own, the first is plain again. */
  cwa_virtual_server_set_url (external, "https://im2.contoso.com");
  cwa_virtual_server_set_url (third, "https://im3.contoso.com");
  assert_label (internal, "im.contoso.com");
}

/* Same port and audience: the binding, and last the position. */
static void
test_listen_then_position (void)
{
  g_autoptr(CwaDeployment) deployment = cwa_deployment_new ();
  CwaServer *server = cwa_test_add_server (deployment, "cwaserver.contoso.com");
  CwaVirtualServer *first = cwa_test_add_virtual_server (server, "https://im.contoso.com", CWA_AUDIENCE_INTERNAL, "10.0.0.1:443");
  CwaVirtualServer *second = cwa_test_add_virtual_server (server, "https://im.contoso.com", CWA_AUDIENCE_INTERNAL, "10.0.0.2:443");

  assert_label (first, "im.contoso.com (listening on 10.0.0.1:443)");
  assert_label (second, "im.contoso.com (listening on 10.0.0.2:443)");

  cwa_virtual_server_set_listen (second, NULL);
  cwa_virtual_server_set_listen (first, "*:443");
  assert_label (first, "im.contoso.com (virtual server 1)");
  assert_label (second, "im.contoso.com (virtual server 2)");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cwa/vs-label/unique-host-is-plain", test_unique_host_is_plain);
  g_test_add_func ("/cwa/vs-label/port-then-audience", test_port_then_audience);
  g_test_add_func ("/cwa/vs-label/listen-then-position", test_listen_then_position);

  return g_test_run ();
}

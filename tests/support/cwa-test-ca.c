/* cwa-test-ca.c: the Contoso test CAs of the live-check tests, the site certificates they issue, and TLS servers serving them on loopback. */
#include "config.h"

#include "cwa-test-ca.h"

#define CA_NOT_BEFORE G_GINT64_CONSTANT (1735689600)  /* 2025-01-01 */
#define CA_NOT_AFTER  G_GINT64_CONSTANT (2051222400)  /* 2035-01-01 */

struct _CwaTestCa
{
  CwaTestIssuer *root;
  CwaTestIssuer *issuing;
};

CwaTestCa *
cwa_test_ca_new (void)
{
  CwaTestCa *ca = g_new0 (CwaTestCa, 1);
  CwaTestCertSpec spec;

  cwa_test_cert_spec_init (&spec, "CN=Contoso Test Root,O=Contoso");
  spec.is_ca = TRUE;
  spec.key = CWA_TEST_KEY_RSA3072;
  spec.not_before = CA_NOT_BEFORE;
  spec.not_after = CA_NOT_AFTER;
  ca->root = cwa_test_issuer_new (&spec);

  cwa_test_cert_spec_init (&spec, "CN=Contoso Issuing CA,O=Contoso");
  spec.is_ca = TRUE;
  spec.key = CWA_TEST_KEY_EC256;
  spec.issuer = ca->root;
  spec.not_before = CA_NOT_BEFORE;
  spec.not_after = CA_NOT_AFTER;
  ca->issuing = cwa_test_issuer_new (&spec);
  return ca;
}

CwaTestIssuer *
cwa_test_ca_get_root (CwaTestCa *ca)
{
  return ca->root;
}

CwaTestIssuer *
cwa_test_ca_get_issuing (CwaTestCa *ca)
{
  return ca->issuing;
}

GBytes *
cwa_test_ca_build_site_der (CwaTestCa   *ca,
                            const gchar *host,
                            const gchar *without,
                            gint64       not_after,
                            guint64      serial)
{
  g_autofree gchar *subject = g_strdup_printf ("CN=%s,O=Contoso", host);
  g_autofree gchar *as_host = g_strconcat ("as.", host, NULL);
  g_autofree gchar *download_host = g_strconcat ("download.", host, NULL);
  const gchar *candidates[] = { host, as_host, download_host };
  const gchar *names[G_N_ELEMENTS (candidates) + 1] = { NULL };
  CwaTestCertSpec spec;
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    if (g_strcmp0 (without, candidates[i]) != 0)
      names[n++] = candidates[i];

  cwa_test_cert_spec_init (&spec, subject);
  spec.dns_names = names;
  spec.issuer = ca->issuing;
  spec.serial = serial;
  if (not_after != 0)
    spec.not_after = not_after;
  return cwa_test_cert_build_der (&spec);
}

CwaTestTlsServer *
cwa_test_ca_serve (CwaTestCa   *ca,
                   const gchar *address,
                   guint        port,
                   GBytes      *leaf,
                   gboolean     with_issuing)
{
  g_autoptr(GPtrArray) chain = g_ptr_array_new ();

  g_ptr_array_add (chain, leaf);
  if (with_issuing)
    g_ptr_array_add (chain, cwa_test_issuer_get_der (ca->issuing));
  return cwa_test_tls_server_new (address, port, CWA_TEST_SERVER_TLS, chain, CWA_TEST_KEY_RSA2048);
}

void
cwa_test_ca_free (CwaTestCa *ca)
{
  if (ca == NULL)
    return;
  cwa_test_issuer_free (ca->issuing);
  cwa_test_issuer_free (ca->root);
  g_free (ca);
}

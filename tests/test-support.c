/* test-support.c: checks that the in-memory certificate builder makes the certificates it is asked for. */
#include <string.h>

#include <gnutls/gnutls.h>
#include <gnutls/x509.h>

#include "cwa-test-cert.h"

static gnutls_x509_crt_t
import_der (GBytes *der)
{
  gnutls_x509_crt_t crt;
  gnutls_datum_t datum;

  datum.data = (unsigned char *) g_bytes_get_data (der, NULL);
  datum.size = (unsigned int) g_bytes_get_size (der);
  g_assert_cmpint (gnutls_x509_crt_init (&crt), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_import (crt, &datum, GNUTLS_X509_FMT_DER), ==, 0);

  return crt;
}

/* The SAN entries of @crt as "DNS:name" / "IP:a.b.c.d" strings. */
static GStrv
dup_san (gnutls_x509_crt_t crt)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint i;

  for (i = 0;; i++)
    {
      guint8 data[256];
      size_t size = sizeof data;
      int type = gnutls_x509_crt_get_subject_alt_name (crt, i, data, &size, NULL);

      if (type == GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE)
        break;
      g_assert_cmpint (type, >=, 0);

      if (type == GNUTLS_SAN_DNSNAME)
        {
          g_autofree gchar *name = g_strndup ((const gchar *) data, size);
          g_strv_builder_add (builder, name);
        }
      else if (type == GNUTLS_SAN_IPADDRESS)
        {
          g_autoptr(GInetAddress) address = NULL;
          g_autofree gchar *text = NULL;
          g_autofree gchar *entry = NULL;

          address = g_inet_address_new_from_bytes (data, size == 4 ? G_SOCKET_FAMILY_IPV4
                                                                   : G_SOCKET_FAMILY_IPV6);
          text = g_inet_address_to_string (address);
          entry = g_strconcat ("IP:", text, NULL);
          g_strv_builder_add (builder, entry);
        }
      else
        {
          g_assert_not_reached ();
        }
    }

  return g_strv_builder_end (builder);
}

static CwaTestIssuer *
make_ca (void)
{
  CwaTestCertSpec ca;

  cwa_test_cert_spec_init (&ca, "CN=Contoso Test Root,O=Contoso");
  ca.is_ca = TRUE;
  ca.key = CWA_TEST_KEY_RSA3072;
  ca.has_eku = FALSE;
  ca.not_before = G_GINT64_CONSTANT (1577836800);  /* 2020-01-01 */
  ca.not_after = G_GINT64_CONSTANT (1893456000);   /* 2030-01-01 */

  return cwa_test_issuer_new (&ca);
}

static void
test_leaf_signed_by_ca (void)
{
  const gchar * const dns[] = { "im.contoso.com", "as.im.contoso.com", "download.im.contoso.com", NULL };
  const gchar * const ips[] = { "10.0.0.1", "2001:db8::1", NULL };
  const gchar * const expected_san[] = {
    "im.contoso.com", "as.im.contoso.com", "download.im.contoso.com",
    "IP:10.0.0.1", "IP:2001:db8::1", NULL
  };
  g_autoptr(CwaTestIssuer) issuer = make_ca ();
  g_autoptr(GBytes) der = NULL;
  g_auto(GStrv) san = NULL;
  gnutls_x509_crt_t leaf;
  gnutls_x509_crt_t ca;
  gnutls_datum_t dn = { NULL, 0 };
  unsigned int verify = 0;
  unsigned int usage = 0;
  unsigned int critical;
  gchar oid[128];
  size_t oid_size = sizeof oid;
  CwaTestCertSpec spec;

  cwa_test_cert_spec_init (&spec, "CN=im.contoso.com,O=Contoso");
  spec.dns_names = dns;
  spec.ip_addresses = ips;
  spec.issuer = issuer;
  der = cwa_test_cert_build_der (&spec);

  leaf = import_der (der);
  ca = import_der (cwa_test_issuer_get_der (issuer));

  g_assert_cmpint (gnutls_x509_crt_verify (leaf, &ca, 1, 0, &verify), ==, 0);
  g_assert_cmpuint (verify, ==, 0);
  g_assert_cmpint (gnutls_x509_crt_check_issuer (leaf, ca), ==, 1);

  g_assert_cmpint (gnutls_x509_crt_get_version (leaf), ==, 3);
  g_assert_cmpint (gnutls_x509_crt_get_activation_time (leaf), ==, 1767225600);
  g_assert_cmpint (gnutls_x509_crt_get_expiration_time (leaf), ==, 1830297600);
  g_assert_cmpint (gnutls_x509_crt_get_signature_algorithm (leaf), ==, GNUTLS_SIGN_RSA_SHA256);

  g_assert_cmpint (gnutls_x509_crt_get_dn3 (leaf, &dn, 0), ==, 0);
  g_assert_cmpstr ((const gchar *) dn.data, ==, "CN=im.contoso.com,O=Contoso");
  gnutls_free (dn.data);
  g_assert_cmpint (gnutls_x509_crt_get_issuer_dn3 (leaf, &dn, 0), ==, 0);
  g_assert_cmpstr ((const gchar *) dn.data, ==, "CN=Contoso Test Root,O=Contoso");
  gnutls_free (dn.data);

  san = dup_san (leaf);
  g_assert_cmpstrv (san, expected_san);

  g_assert_cmpint (gnutls_x509_crt_get_key_usage (leaf, &usage, &critical), >=, 0);
  g_assert_cmpuint (usage, ==, GNUTLS_KEY_DIGITAL_SIGNATURE | GNUTLS_KEY_KEY_ENCIPHERMENT);
  g_assert_cmpint (gnutls_x509_crt_get_key_purpose_oid (leaf, 0, oid, &oid_size, NULL), ==, 0);
  g_assert_cmpstr (oid, ==, CWA_EKU_SERVER_AUTH);
  g_assert_cmpint (gnutls_x509_crt_get_basic_constraints (leaf, NULL, NULL, NULL), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_get_basic_constraints (ca, NULL, NULL, NULL), ==, 1);

  /* A certificate from another key does not verify against this CA. */
  {
    g_autoptr(GBytes) self_der = NULL;
    gnutls_x509_crt_t self;

    spec.issuer = NULL;
    self_der = cwa_test_cert_build_der (&spec);
    self = import_der (self_der);
    g_assert_cmpint (gnutls_x509_crt_verify (self, &ca, 1, 0, &verify), ==, 0);
    g_assert_cmpuint (verify & GNUTLS_CERT_INVALID, !=, 0);
    gnutls_x509_crt_deinit (self);
  }

  gnutls_x509_crt_deinit (leaf);
  gnutls_x509_crt_deinit (ca);
}

static void
test_v1_has_no_extensions (void)
{
  const gchar * const dns[] = { "im.contoso.com", NULL };
  g_autoptr(GBytes) der = NULL;
  gnutls_x509_crt_t crt;
  gchar oid[128];
  size_t oid_size = sizeof oid;
  CwaTestCertSpec spec;

  cwa_test_cert_spec_init (&spec, "CN=im.contoso.com");
  spec.version = 1;
  spec.dns_names = dns;
  der = cwa_test_cert_build_der (&spec);
  crt = import_der (der);

  g_assert_cmpint (gnutls_x509_crt_get_version (crt), ==, 1);
  g_assert_cmpint (gnutls_x509_crt_get_extension_info (crt, 0, oid, &oid_size, NULL),
                   ==, GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE);
  gnutls_x509_crt_deinit (crt);
}

static void
test_keys_and_digests (void)
{
  const struct
  {
    CwaTestKey key;
    gnutls_digest_algorithm_t digest;
    gnutls_sign_algorithm_t sign;
    guint bits;
  } cases[] = {
    { CWA_TEST_KEY_RSA2048, GNUTLS_DIG_SHA1, GNUTLS_SIGN_RSA_SHA1, 2048 },
    { CWA_TEST_KEY_RSA2048, GNUTLS_DIG_MD5, GNUTLS_SIGN_RSA_MD5, 2048 },
    { CWA_TEST_KEY_RSA3072, GNUTLS_DIG_SHA384, GNUTLS_SIGN_RSA_SHA384, 3072 },
    { CWA_TEST_KEY_RSA1024, GNUTLS_DIG_SHA256, GNUTLS_SIGN_RSA_SHA256, 1024 },
    { CWA_TEST_KEY_EC256, GNUTLS_DIG_SHA256, GNUTLS_SIGN_ECDSA_SHA256, 256 },
    { CWA_TEST_KEY_EC384, GNUTLS_DIG_SHA384, GNUTLS_SIGN_ECDSA_SHA384, 384 },
    { CWA_TEST_KEY_EC224, GNUTLS_DIG_SHA256, GNUTLS_SIGN_ECDSA_SHA256, 224 },
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) der = NULL;
      gnutls_x509_crt_t crt;
      unsigned int bits = 0;
      CwaTestCertSpec spec;

      cwa_test_cert_spec_init (&spec, "CN=im.contoso.com");
      spec.key = cases[i].key;
      spec.digest = cases[i].digest;
      der = cwa_test_cert_build_der (&spec);
      crt = import_der (der);

      g_assert_cmpint (gnutls_x509_crt_get_signature_algorithm (crt), ==, cases[i].sign);
      g_assert_cmpint (gnutls_x509_crt_get_pk_algorithm (crt, &bits), >=, 0);
      g_assert_cmpuint (bits, ==, cases[i].bits);
      gnutls_x509_crt_deinit (crt);
    }
}

static void
test_serials (void)
{
  CwaTestCertSpec a;
  CwaTestCertSpec b;
  g_autoptr(GBytes) der_a = NULL;
  g_autoptr(GBytes) der_a2 = NULL;
  g_autoptr(GBytes) der_b = NULL;
  g_autoptr(GBytes) der_fixed = NULL;
  gnutls_x509_crt_t crt;
  guint8 serial_a[32], serial_b[32];
  size_t size_a = sizeof serial_a, size_b = sizeof serial_b;

  cwa_test_cert_spec_init (&a, "CN=im.contoso.com");
  cwa_test_cert_spec_init (&b, "CN=im.fabrikam.com");
  der_a = cwa_test_cert_build_der (&a);
  der_a2 = cwa_test_cert_build_der (&a);
  der_b = cwa_test_cert_build_der (&b);

  /* Same spec, same bytes: RSA PKCS#1 v1.5 signatures are deterministic. */
  g_assert_true (g_bytes_equal (der_a, der_a2));

  crt = import_der (der_a);
  g_assert_cmpint (gnutls_x509_crt_get_serial (crt, serial_a, &size_a), ==, 0);
  gnutls_x509_crt_deinit (crt);
  crt = import_der (der_b);
  g_assert_cmpint (gnutls_x509_crt_get_serial (crt, serial_b, &size_b), ==, 0);
  gnutls_x509_crt_deinit (crt);
  g_assert_false (size_a == size_b && memcmp (serial_a, serial_b, size_a) == 0);

  a.serial = 0x1234;
  der_fixed = cwa_test_cert_build_der (&a);
  crt = import_der (der_fixed);
  size_a = sizeof serial_a;
  g_assert_cmpint (gnutls_x509_crt_get_serial (crt, serial_a, &size_a), ==, 0);
  g_assert_cmpmem (serial_a + size_a - 2, 2, "\x12\x34", 2);
  gnutls_x509_crt_deinit (crt);
}

static void
test_pem (void)
{
  g_autofree gchar *pem = NULL;
  CwaTestCertSpec spec;

  cwa_test_cert_spec_init (&spec, "CN=im.contoso.com");
  pem = cwa_test_cert_build_pem (&spec);
  g_assert_true (g_str_has_prefix (pem, "-----BEGIN CERTIFICATE-----\n"));
  g_assert_nonnull (strstr (pem, "-----END CERTIFICATE-----"));
}

static void
test_parsed (void)
{
  g_autoptr(CwaTestIssuer) issuer = make_ca ();
  CwaCertificate *certificate;
  CwaTestCertSpec spec;

  cwa_test_cert_spec_init (&spec, "CN=im.contoso.com");
  spec.issuer = issuer;
  certificate = cwa_test_cert_build (&spec);
  g_assert_true (CWA_IS_CERTIFICATE (certificate));
  g_assert_true (CWA_IS_CERTIFICATE (cwa_test_issuer_get_certificate (issuer)));
  g_assert_finalize_object (certificate);
}

static void
test_data_path_and_now (void)
{
  g_autofree gchar *path = cwa_test_data_path ("keys", "rsa2048.key", NULL);
  g_autoptr(GDateTime) now = cwa_test_now ();
  g_autofree gchar *iso = g_date_time_format_iso8601 (now);

  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_str_has_suffix (path, G_DIR_SEPARATOR_S "keys" G_DIR_SEPARATOR_S "rsa2048.key"));
  g_assert_cmpstr (iso, ==, "2026-11-24T12:00:00Z");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cwa/support/leaf-signed-by-ca", test_leaf_signed_by_ca);
  g_test_add_func ("/cwa/support/v1-no-extensions", test_v1_has_no_extensions);
  g_test_add_func ("/cwa/support/keys-and-digests", test_keys_and_digests);
  g_test_add_func ("/cwa/support/serials", test_serials);
  g_test_add_func ("/cwa/support/pem", test_pem);
  g_test_add_func ("/cwa/support/parsed", test_parsed);
  g_test_add_func ("/cwa/support/data-path-and-now", test_data_path_and_now);

  return g_test_run ();
}

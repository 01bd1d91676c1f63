/* test-certificate.c: the facts CwaCertificate reads from generated and fixture certificates. */
#include "config.h"

#include <gnutls/gnutls.h>

#include "cwa-cert-loader.h"
#include "cwa-certificate.h"
#include "cwa-test-cert.h"

static const gchar * const im_names[] = { "im.contoso.com", "as.im.contoso.com", "download.im.contoso.com", NULL };
static const gchar * const im_ips[] = { "192.0.2.10", "2001:db8::10", NULL };

static gchar *
colon_hex_of_digest (GChecksumType type,
                     GBytes       *data)
{
  g_autofree gchar *hex = g_compute_checksum_for_bytes (type, data);
  GString *out = g_string_new (NULL);

  for (gsize i = 0; hex[i] != '\0'; i += 2)
    {
      if (i > 0)
        g_string_append_c (out, ':');
      g_string_append_c (out, g_ascii_toupper (hex[i]));
      g_string_append_c (out, g_ascii_toupper (hex[i + 1]));
    }

  return g_string_free (out, FALSE);
}

static CwaCertificate *
load_fixture (const gchar *name)
{
  g_autofree gchar *path = cwa_test_data_path ("fixtures", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) certificates = NULL;

  certificates = cwa_cert_loader_load_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (certificates->len, ==, 1);

  return g_object_ref (g_ptr_array_index (certificates, 0));
}

static void
test_server_certificate (void)
{
  CwaTestCertSpec spec;
  g_autoptr(CwaCertificate) certificate = NULL;
  g_autoptr(GBytes) der = NULL;
  g_autofree gchar *sha256 = NULL;
  g_autofree gchar *sha1 = NULL;
  const gchar * const *san;
  GPtrArray *entries;
  CwaSanEntry *entry;

  cwa_test_cert_spec_init (&spec, "CN=im.contoso.com,O=Contoso");
  spec.dns_names = im_names;
  spec.ip_addresses = im_ips;
  spec.serial = G_GUINT64_CONSTANT (0x4a1b2c3d4e5f6071);
  certificate = cwa_test_cert_build (&spec);
  der = cwa_test_cert_build_der (&spec);

  g_assert_cmpstr (cwa_certificate_get_subject (certificate), ==, "CN=im.contoso.com,O=Contoso");
  g_assert_cmpstr (cwa_certificate_get_issuer (certificate), ==, "CN=im.contoso.com,O=Contoso");
  g_assert_cmpstr (cwa_certificate_get_subject_cn (certificate), ==, "im.contoso.com");
  g_assert_cmpstr (cwa_certificate_get_issuer_cn (certificate), ==, "im.contoso.com");
  g_assert_cmpstr (cwa_certificate_get_display_name (certificate), ==, "im.contoso.com");
  g_assert_cmpstrv (cwa_certificate_get_subject_cns (certificate),
                    ((const gchar * const[]) { "im.contoso.com", NULL }));

  g_assert_cmpstrv (cwa_certificate_get_dns_names (certificate), im_names);
  san = cwa_certificate_get_san_strings (certificate);
  g_assert_cmpstrv (san, ((const gchar * const[]) { "im.contoso.com", "as.im.contoso.com",
                                                     "download.im.contoso.com", "IP:192.0.2.10",
                                                     "IP:2001:db8::10", NULL }));
  entries = cwa_certificate_get_san_entries (certificate);
  g_assert_cmpuint (entries->len, ==, 5);
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpint (entry->type, ==, CWA_SAN_DNS);
  g_assert_cmpstr (entry->value, ==, "im.contoso.com");
  entry = g_ptr_array_index (entries, 4);
  g_assert_cmpint (entry->type, ==, CWA_SAN_IP);
  g_assert_cmpstr (entry->value, ==, "2001:db8::10");
  g_assert_false (cwa_certificate_has_wildcard (certificate));

  g_assert_cmpint (cwa_certificate_get_not_before (certificate), ==, spec.not_before);
  g_assert_cmpint (cwa_certificate_get_not_after (certificate), ==, spec.not_after);

  g_assert_cmpstr (cwa_certificate_get_serial (certificate), ==, "4A:1B:2C:3D:4E:5F:60:71");
  sha256 = colon_hex_of_digest (G_CHECKSUM_SHA256, der);
  sha1 = colon_hex_of_digest (G_CHECKSUM_SHA1, der);
  g_assert_cmpstr (cwa_certificate_get_sha256 (certificate), ==, sha256);
  g_assert_cmpstr (cwa_certificate_get_sha1 (certificate), ==, sha1);
  g_assert_true (g_bytes_equal (cwa_certificate_get_der (certificate), der));

  g_assert_cmpstr (cwa_certificate_get_key_algorithm (certificate), ==, "RSA");
  g_assert_cmpuint (cwa_certificate_get_key_bits (certificate), ==, 2048);
  g_assert_true (cwa_certificate_is_rsa (certificate));
  g_assert_false (cwa_certificate_is_ecdsa (certificate));
  g_assert_cmpstr (cwa_certificate_get_signature_algorithm (certificate), ==, "RSA-SHA256");
  g_assert_false (cwa_certificate_has_weak_signature (certificate));
  g_assert_cmpuint (cwa_certificate_get_version (certificate), ==, 3);

  g_assert_true (cwa_certificate_has_key_usage (certificate));
  g_assert_cmpint (cwa_certificate_get_key_usage (certificate), ==,
                   CWA_KEY_USAGE_DIGITAL_SIGNATURE | CWA_KEY_USAGE_KEY_ENCIPHERMENT);
  g_assert_cmpstrv (cwa_certificate_get_key_usage_names (certificate),
                    ((const gchar * const[]) { "digitalSignature", "keyEncipherment", NULL }));
  g_assert_true (cwa_certificate_has_eku (certificate));
  g_assert_cmpstrv (cwa_certificate_get_eku_oids (certificate),
                    ((const gchar * const[]) { CWA_EKU_SERVER_AUTH, NULL }));
  g_assert_true (cwa_certificate_has_eku_oid (certificate, CWA_EKU_SERVER_AUTH));
  g_assert_false (cwa_certificate_has_eku_oid (certificate, "1.3.6.1.5.5.7.3.2"));
  g_assert_true (cwa_certificate_has_basic_constraints (certificate));
  g_assert_false (cwa_certificate_is_ca (certificate));
  g_assert_cmpint (cwa_certificate_get_path_len (certificate), ==, -1);
  g_assert_true (cwa_certificate_is_self_issued (certificate));
  g_assert_false (cwa_certificate_had_private_key (certificate));

  g_assert_finalize_object (g_steal_pointer (&certificate));
}

static void
test_issued_by_ca (void)
{
  CwaTestCertSpec ca_spec, spec;
  g_autoptr(CwaTestIssuer) issuer = NULL;
  g_autoptr(CwaCertificate) certificate = NULL;
  CwaCertificate *ca;

  cwa_test_cert_spec_init (&ca_spec, "CN=Contoso Issuing CA,O=Contoso");
  ca_spec.is_ca = TRUE;
  ca_spec.has_eku = FALSE;
  ca_spec.has_key_usage = FALSE;
  ca_spec.key = CWA_TEST_KEY_RSA3072;
  issuer = cwa_test_issuer_new (&ca_spec);
  ca = cwa_test_issuer_get_certificate (issuer);

  g_assert_true (cwa_certificate_is_ca (ca));
  g_assert_true (cwa_certificate_is_self_issued (ca));
  g_assert_cmpuint (cwa_certificate_get_key_bits (ca), ==, 3072);
  g_assert_cmpstrv (cwa_certificate_get_key_usage_names (ca),
                    ((const gchar * const[]) { "keyCertSign", "cRLSign", NULL }));
  g_assert_false (cwa_certificate_has_eku (ca));
  g_assert_cmpstrv (cwa_certificate_get_eku_oids (ca), ((const gchar * const[]) { NULL }));

  cwa_test_cert_spec_init (&spec, "CN=im.contoso.com,O=Contoso");
  spec.issuer = issuer;
  certificate = cwa_test_cert_build (&spec);

  g_assert_cmpstr (cwa_certificate_get_issuer (certificate), ==, "CN=Contoso Issuing CA,O=Contoso");
  g_assert_cmpstr (cwa_certificate_get_issuer_cn (certificate), ==, "Contoso Issuing CA");
  g_assert_false (cwa_certificate_is_self_issued (certificate));
  g_assert_false (cwa_certificate_equal (certificate, ca));
  g_assert_true (cwa_certificate_equal (ca, ca));

  g_assert_finalize_object (g_steal_pointer (&certificate));
}

static void
test_ecdsa (void)
{
  CwaTestCertSpec spec;
  g_autoptr(CwaCertificate) certificate = NULL;

  cwa_test_cert_spec_init (&spec, "CN=ec.contoso.com");
  spec.key = CWA_TEST_KEY_EC384;
  spec.digest = GNUTLS_DIG_SHA384;
  certificate = cwa_test_cert_build (&spec);

  g_assert_cmpstr (cwa_certificate_get_key_algorithm (certificate), ==, "ECDSA");
  g_assert_cmpuint (cwa_certificate_get_key_bits (certificate), ==, 384);
  g_assert_true (cwa_certificate_is_ecdsa (certificate));
  g_assert_false (cwa_certificate_is_rsa (certificate));
  g_assert_cmpstr (cwa_certificate_get_signature_algorithm (certificate), ==, "ECDSA-SHA384");
  g_assert_false (cwa_certificate_has_weak_signature (certificate));

  g_assert_finalize_object (g_steal_pointer (&certificate));
}

static void
test_weak_signature (void)
{
  CwaTestCertSpec spec;
  g_autoptr(CwaCertificate) sha1 = NULL;
  g_autoptr(CwaCertificate) md5 = NULL;

  cwa_test_cert_spec_init (&spec, "CN=old.contoso.com");
  spec.digest = GNUTLS_DIG_SHA1;
  sha1 = cwa_test_cert_build (&spec);
  g_assert_cmpstr (cwa_certificate_get_signature_algorithm (sha1), ==, "RSA-SHA1");
  g_assert_true (cwa_certificate_has_weak_signature (sha1));

  spec.digest = GNUTLS_DIG_MD5;
  md5 = cwa_test_cert_build (&spec);
  g_assert_cmpstr (cwa_certificate_get_signature_algorithm (md5), ==, "RSA-MD5");
  g_assert_true (cwa_certificate_has_weak_signature (md5));

  g_assert_finalize_object (g_steal_pointer (&sha1));
  g_assert_finalize_object (g_steal_pointer (&md5));
}

static void
test_version1 (void)
{
  CwaTestCertSpec spec;
  g_autoptr(CwaCertificate) certificate = NULL;

  cwa_test_cert_spec_init (&spec, "CN=v1.contoso.com");
  spec.version = 1;
  spec.dns_names = im_names;  /* ignored: v1 has no extensions */
  certificate = cwa_test_cert_build (&spec);

  g_assert_cmpuint (cwa_certificate_get_version (certificate), ==, 1);
  g_assert_false (cwa_certificate_has_key_usage (certificate));
  g_assert_cmpint (cwa_certificate_get_key_usage (certificate), ==, 0);
  g_assert_cmpstrv (cwa_certificate_get_key_usage_names (certificate), ((const gchar * const[]) { NULL }));
  g_assert_false (cwa_certificate_has_eku (certificate));
  g_assert_false (cwa_certificate_has_basic_constraints (certificate));
  /* Self-signed without basicConstraints: a v1 root, so a CA (cli.md). */
  g_assert_true (cwa_certificate_is_ca (certificate));
  g_assert_cmpuint (cwa_certificate_get_san_entries (certificate)->len, ==, 0);
  g_assert_cmpstrv (cwa_certificate_get_dns_names (certificate), ((const gchar * const[]) { NULL }));
  g_assert_cmpstrv (cwa_certificate_get_san_strings (certificate), ((const gchar * const[]) { NULL }));

  g_assert_finalize_object (g_steal_pointer (&certificate));
}

/* A v1 certificate issued by someone else is no CA: only a self-signed one
 * without basicConstraints counts as a root. */
static void
test_version1_issued (void)
{
  CwaTestCertSpec spec;
  g_autoptr(CwaTestIssuer) issuer = NULL;
  g_autoptr(CwaCertificate) certificate = NULL;

  cwa_test_cert_spec_init (&spec, "CN=Contoso Root CA");
  spec.is_ca = TRUE;
  issuer = cwa_test_issuer_new (&spec);

  cwa_test_cert_spec_init (&spec, "CN=v1.contoso.com");
  spec.version = 1;
  spec.issuer = issuer;
  certificate = cwa_test_cert_build (&spec);

  g_assert_false (cwa_certificate_is_self_issued (certificate));
  g_assert_false (cwa_certificate_is_ca (certificate));

  g_assert_finalize_object (g_steal_pointer (&certificate));
}

static void
test_names (void)
{
  CwaTestCertSpec spec;
  g_autoptr(CwaCertificate) several = NULL;
  g_autoptr(CwaCertificate) no_cn = NULL;
  g_autoptr(CwaCertificate) wildcard = NULL;
  static const gchar * const wild[] = { "*.contoso.com", NULL };
  static const gchar * const first_dns[] = { "first.contoso.com", "second.contoso.com", NULL };

  /* RFC 4514 lists the last-encoded RDN first: "im" is encoded last. */
  cwa_test_cert_spec_init (&spec, "CN=im.contoso.com,CN=Contoso Web,O=Contoso");
  several = cwa_test_cert_build (&spec);
  g_assert_cmpstr (cwa_certificate_get_subject (several), ==, "CN=im.contoso.com,CN=Contoso Web,O=Contoso");
  g_assert_cmpstrv (cwa_certificate_get_subject_cns (several),
                    ((const gchar * const[]) { "Contoso Web", "im.contoso.com", NULL }));
  g_assert_cmpstr (cwa_certificate_get_subject_cn (several), ==, "im.contoso.com");

  cwa_test_cert_spec_init (&spec, "O=Contoso,C=US");
  spec.dns_names = first_dns;
  no_cn = cwa_test_cert_build (&spec);
  g_assert_null (cwa_certificate_get_subject_cn (no_cn));
  g_assert_cmpstrv (cwa_certificate_get_subject_cns (no_cn), ((const gchar * const[]) { NULL }));
  g_assert_cmpstr (cwa_certificate_get_display_name (no_cn), ==, "first.contoso.com");

  cwa_test_cert_spec_init (&spec, "CN=contoso.com");
  spec.dns_names = wild;
  wildcard = cwa_test_cert_build (&spec);
  g_assert_true (cwa_certificate_has_wildcard (wildcard));

  g_assert_finalize_object (g_steal_pointer (&several));
  g_assert_finalize_object (g_steal_pointer (&no_cn));
  g_assert_finalize_object (g_steal_pointer (&wildcard));
}

static void
test_dates_after_2038 (void)
{
  CwaTestCertSpec spec;
  g_autoptr(CwaCertificate) certificate = NULL;

  cwa_test_cert_spec_init (&spec, "CN=long.contoso.com");
  spec.not_before = G_GINT64_CONSTANT (2145916800);  /* 2038-01-01, UTCTime */
  spec.not_after = G_GINT64_CONSTANT (2556144000);   /* 2051-01-01, GeneralizedTime */
  certificate = cwa_test_cert_build (&spec);

  g_assert_cmpint (cwa_certificate_get_not_before (certificate), ==, spec.not_before);
  g_assert_cmpint (cwa_certificate_get_not_after (certificate), ==, spec.not_after);

  g_assert_finalize_object (g_steal_pointer (&certificate));
}

/* odd.pem (OpenSSL-made, see make-fixtures.sh): SAN types other than DNS,
 * every key usage bit, SHA-1, and the 99991231235959Z "no expiry" date. */
static void
test_fixture_odd (void)
{
  g_autoptr(CwaCertificate) certificate = load_fixture ("odd.pem");
  GPtrArray *entries = cwa_certificate_get_san_entries (certificate);
  static const CwaSanType types[] = { CWA_SAN_DNS, CWA_SAN_OTHER, CWA_SAN_OTHER, CWA_SAN_OTHER, CWA_SAN_IP, CWA_SAN_DNS };

  g_assert_cmpstr (cwa_certificate_get_subject (certificate), ==,
                   "CN=wild.contoso.com,CN=Contoso Web,O=Contoso");
  g_assert_cmpstr (cwa_certificate_get_subject_cn (certificate), ==, "wild.contoso.com");
  g_assert_cmpstrv (cwa_certificate_get_san_strings (certificate),
                    ((const gchar * const[]) { "*.contoso.com", "othername:1.3.6.1.4.1.311.20.2.3",
                                               "DirName:O=Contoso,CN=Directory Name",
                                               "RID:1.2.3.4.5", "IP:10.0.0.1", "contoso.com", NULL }));
  g_assert_cmpuint (entries->len, ==, G_N_ELEMENTS (types));
  for (guint i = 0; i < entries->len; i++)
    g_assert_cmpint (((CwaSanEntry *) g_ptr_array_index (entries, i))->type, ==, types[i]);
  g_assert_cmpstrv (cwa_certificate_get_dns_names (certificate),
                    ((const gchar * const[]) { "*.contoso.com", "contoso.com", NULL }));
  g_assert_true (cwa_certificate_has_wildcard (certificate));

  g_assert_cmpstrv (cwa_certificate_get_key_usage_names (certificate),
                    ((const gchar * const[]) { "digitalSignature", "nonRepudiation", "keyEncipherment",
                                               "dataEncipherment", "keyAgreement", "keyCertSign",
                                               "cRLSign", "encipherOnly", "decipherOnly", NULL }));
  g_assert_cmpint (cwa_certificate_get_key_usage (certificate), ==, 0x1ff);
  g_assert_cmpstrv (cwa_certificate_get_eku_oids (certificate),
                    ((const gchar * const[]) { "1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2",
                                               "1.3.6.1.4.1.311.20.2.2", NULL }));
  g_assert_true (cwa_certificate_has_basic_constraints (certificate));
  g_assert_false (cwa_certificate_is_ca (certificate));

  g_assert_cmpstr (cwa_certificate_get_signature_algorithm (certificate), ==, "RSA-SHA1");
  g_assert_true (cwa_certificate_has_weak_signature (certificate));
  g_assert_cmpstr (cwa_certificate_get_serial (certificate), ==, "0A");
  g_assert_cmpint (cwa_certificate_get_not_before (certificate), ==, G_GINT64_CONSTANT (1767225600));
  g_assert_cmpint (cwa_certificate_get_not_after (certificate), ==, G_GINT64_CONSTANT (253402300799));

  g_assert_finalize_object (g_steal_pointer (&certificate));
}

static void
test_fixture_chain_facts (void)
{
  g_autoptr(CwaCertificate) root = load_fixture ("root.pem");
  g_autoptr(CwaCertificate) intermediate = load_fixture ("int.pem");

  /* 2051-01-01: GeneralizedTime, past 2038. */
  g_assert_cmpint (cwa_certificate_get_not_after (root), ==, G_GINT64_CONSTANT (2556144000));
  g_assert_cmpstr (cwa_certificate_get_key_algorithm (root), ==, "ECDSA");
  g_assert_cmpuint (cwa_certificate_get_key_bits (root), ==, 384);
  g_assert_true (cwa_certificate_is_ca (root));
  g_assert_cmpint (cwa_certificate_get_path_len (root), ==, -1);
  g_assert_true (cwa_certificate_is_self_issued (root));

  g_assert_true (cwa_certificate_is_ca (intermediate));
  g_assert_cmpint (cwa_certificate_get_path_len (intermediate), ==, 0);
  g_assert_cmpstr (cwa_certificate_get_serial (intermediate), ==, "10:00");
  g_assert_cmpstr (cwa_certificate_get_signature_algorithm (intermediate), ==, "ECDSA-SHA384");
  g_assert_cmpstr (cwa_certificate_get_issuer (intermediate), ==, "CN=Contoso Root CA,O=Contoso,C=US");

  g_assert_finalize_object (g_steal_pointer (&root));
  g_assert_finalize_object (g_steal_pointer (&intermediate));
}

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           gpointer    user_data)
{
  guint *count = user_data;

  (*count)++;
}

static void
test_id_property (void)
{
  CwaTestCertSpec spec;
  g_autoptr(CwaCertificate) certificate = NULL;
  g_autofree gchar *id = NULL;
  guint count = 0;

  cwa_test_cert_spec_init (&spec, "CN=im.contoso.com");
  certificate = cwa_test_cert_build (&spec);
  g_signal_connect (certificate, "notify::id", G_CALLBACK (on_notify), &count);

  g_assert_null (cwa_certificate_get_id (certificate));
  cwa_certificate_set_id (certificate, "im-contoso");
  g_assert_cmpuint (count, ==, 1);
  cwa_certificate_set_id (certificate, "im-contoso");
  g_assert_cmpuint (count, ==, 1);
  g_object_set (certificate, "id", "other", NULL);
  g_assert_cmpuint (count, ==, 2);
  g_object_get (certificate, "id", &id, NULL);
  g_assert_cmpstr (id, ==, "other");
  cwa_certificate_set_id (certificate, NULL);
  g_assert_cmpuint (count, ==, 3);
  g_assert_null (cwa_certificate_get_id (certificate));

  g_assert_finalize_object (g_steal_pointer (&certificate));
}

static void
test_pem_round_trip (void)
{
  CwaTestCertSpec spec;
  g_autoptr(CwaCertificate) certificate = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree gchar *pem = NULL;

  cwa_test_cert_spec_init (&spec, "CN=im.contoso.com");
  spec.dns_names = im_names;
  certificate = cwa_test_cert_build (&spec);
  pem = cwa_certificate_dup_pem (certificate);
  g_assert_true (g_str_has_prefix (pem, "-----BEGIN CERTIFICATE-----\n"));
  g_assert_true (g_str_has_suffix (pem, "\n-----END CERTIFICATE-----\n"));
  for (const gchar *line = strchr (pem, '\n') + 1; *line != '-'; line = strchr (line, '\n') + 1)
    g_assert_cmpint (strchr (line, '\n') - line, <=, 64);

  bytes = g_bytes_new (pem, strlen (pem));
  again = cwa_cert_loader_load_bytes (bytes, "again.pem", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->len, ==, 1);
  g_assert_true (cwa_certificate_equal (certificate, g_ptr_array_index (again, 0)));
  g_assert_cmpstr (cwa_certificate_get_source (g_ptr_array_index (again, 0)), ==, "again.pem");

  g_clear_pointer (&again, g_ptr_array_unref);
  g_assert_finalize_object (g_steal_pointer (&certificate));
}

static void
test_not_a_certificate (void)
{
  static const guchar junk[] = { 0x30, 0x03, 0x02, 0x01, 0x01 };
  g_autoptr(GBytes) der = g_bytes_new_static (junk, sizeof junk);
  g_autoptr(GError) error = NULL;
  CwaCertificate *certificate;

  certificate = cwa_certificate_new_from_der (der, "junk.der", 0, &error);
  g_assert_null (certificate);
  g_assert_error (error, CWA_LOAD_ERROR, CWA_LOAD_ERROR_CORRUPT);
  g_assert_true (g_str_has_prefix (error->message, "junk.der: "));
}

/* Key sizes as OpenSSL reports them: the curve order's bits (P-521 is 521,
 * not the 528 bits of its 66-byte coordinates), the modulus length. */
static void
test_key_bits (void)
{
  static const struct { CwaTestKey key; guint bits; const gchar *algorithm; } cases[] = {
    { CWA_TEST_KEY_EC521, 521, "ECDSA" },
    { CWA_TEST_KEY_EC384, 384, "ECDSA" },
    { CWA_TEST_KEY_EC256, 256, "ECDSA" },
    { CWA_TEST_KEY_RSA3072, 3072, "RSA" },
    { CWA_TEST_KEY_RSA1024, 1024, "RSA" },
    { CWA_TEST_KEY_RSA_PSS2048, 2048, "RSA-PSS" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CwaTestCertSpec spec;
      g_autoptr(CwaCertificate) certificate = NULL;

      cwa_test_cert_spec_init (&spec, "CN=key.contoso.com");
      spec.key = cases[i].key;
      certificate = cwa_test_cert_build (&spec);
      g_assert_cmpuint (cwa_certificate_get_key_bits (certificate), ==, cases[i].bits);
      g_assert_cmpstr (cwa_certificate_get_key_algorithm (certificate), ==, cases[i].algorithm);
      g_assert_true (cwa_certificate_is_rsa_pss (certificate) ==
                     (cases[i].key == CWA_TEST_KEY_RSA_PSS2048));
      g_assert_finalize_object (g_steal_pointer (&certificate));
    }
}

static void
test_serial_negative (void)
{
  CwaTestCertSpec spec;
  g_autoptr(CwaCertificate) negative = NULL;
  g_autoptr(CwaCertificate) positive = NULL;

  cwa_test_cert_spec_init (&spec, "CN=serial.contoso.com");
  spec.serial = G_GUINT64_CONSTANT (0xFFFFFFFFFFFFFF05);
  negative = cwa_test_cert_build (&spec);
  g_assert_true (cwa_certificate_is_serial_negative (negative));
  g_assert_cmpstr (cwa_certificate_get_serial (negative), ==, "FF:05");  /* minimal DER: -251 */

  spec.serial = G_GUINT64_CONSTANT (0x00000000000000FB);
  positive = cwa_test_cert_build (&spec);
  g_assert_false (cwa_certificate_is_serial_negative (positive));

  g_assert_finalize_object (g_steal_pointer (&negative));
  g_assert_finalize_object (g_steal_pointer (&positive));
}

/* GnuTLS prints T61String and UniversalString values as #hex; they are
 * text (ISO 8859-1 as OpenSSL reads a T61String, and UTF-32), decoded in
 * the DN and in the common names, escaped as RFC 4514 asks. */
static void
test_dn_string_types (void)
{
  /* T61String "COMPAÑIA, S.A." with Ñ as the byte 0xD1 and a comma. */
  static const guchar t61[] = { 0x14, 14, 'C', 'O', 'M', 'P', 'A', 0xD1, 'I', 'A', ',', ' ',
                                'S', '.', 'A', '.' };
  /* UniversalString "Zoë😀" for the common name. */
  static const guchar universal[] = { 0x1c, 16, 0, 0, 0, 'Z', 0, 0, 0, 'o', 0, 0, 0, 0xEB,
                                      0, 1, 0xF6, 0x00 };
  CwaTestCertSpec spec;
  g_autoptr(CwaCertificate) org = NULL;
  g_autoptr(CwaCertificate) cn = NULL;
  g_autoptr(GBytes) t61_bytes = g_bytes_new_static (t61, sizeof t61);
  g_autoptr(GBytes) universal_bytes = g_bytes_new_static (universal, sizeof universal);

  cwa_test_cert_spec_init (&spec, "CN=t61.contoso.com");
  spec.raw_attribute_oid = "2.5.4.10";  /* organizationName */
  spec.raw_attribute_value = t61_bytes;
  org = cwa_test_cert_build (&spec);
  g_assert_cmpstr (cwa_certificate_get_subject (org), ==,
                   "O=COMPAÑIA\\, S.A.,CN=t61.contoso.com");
  g_assert_cmpstr (cwa_certificate_get_issuer (org), ==, cwa_certificate_get_subject (org));

  cwa_test_cert_spec_init (&spec, "O=Contoso");
  spec.raw_attribute_oid = "2.5.4.3";  /* commonName */
  spec.raw_attribute_value = universal_bytes;
  cn = cwa_test_cert_build (&spec);
  g_assert_cmpstr (cwa_certificate_get_subject (cn), ==, "CN=Zoë😀,O=Contoso");
  g_assert_cmpstr (cwa_certificate_get_subject_cn (cn), ==, "Zoë😀");
  g_assert_cmpstr (cwa_certificate_get_issuer_cn (cn), ==, "Zoë😀");
  g_assert_cmpstr (cwa_certificate_get_display_name (cn), ==, "Zoë😀");

  g_assert_finalize_object (g_steal_pointer (&org));
  g_assert_finalize_object (g_steal_pointer (&cn));
}

static void
test_unknown_critical_extension (void)
{
  CwaTestCertSpec spec;
  g_autoptr(CwaCertificate) unknown = NULL;
  g_autoptr(CwaCertificate) plain = NULL;

  cwa_test_cert_spec_init (&spec, "CN=critical.contoso.com");
  spec.critical_extension_oid = "1.3.6.1.4.1.311.21.10";
  unknown = cwa_test_cert_build (&spec);
  g_assert_cmpstrv (cwa_certificate_get_unknown_critical_extensions (unknown),
                    ((const gchar * const[]) { "1.3.6.1.4.1.311.21.10", NULL }));

  /* basicConstraints and key usage are critical and defined by RFC 5280. */
  cwa_test_cert_spec_init (&spec, "CN=plain.contoso.com");
  plain = cwa_test_cert_build (&spec);
  g_assert_cmpstrv (cwa_certificate_get_unknown_critical_extensions (plain),
                    ((const gchar * const[]) { NULL }));

  g_assert_finalize_object (g_steal_pointer (&unknown));
  g_assert_finalize_object (g_steal_pointer (&plain));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cwa/certificate/server", test_server_certificate);
  g_test_add_func ("/cwa/certificate/issued-by-ca", test_issued_by_ca);
  g_test_add_func ("/cwa/certificate/ecdsa", test_ecdsa);
  g_test_add_func ("/cwa/certificate/weak-signature", test_weak_signature);
  g_test_add_func ("/cwa/certificate/version1", test_version1);
  g_test_add_func ("/cwa/certificate/version1-issued", test_version1_issued);
  g_test_add_func ("/cwa/certificate/names", test_names);
  g_test_add_func ("/cwa/certificate/dates-after-2038", test_dates_after_2038);
  g_test_add_func ("/cwa/certificate/fixture/odd", test_fixture_odd);
  g_test_add_func ("/cwa/certificate/fixture/chain", test_fixture_chain_facts);
  g_test_add_func ("/cwa/certificate/id-property", test_id_property);
  g_test_add_func ("/cwa/certificate/pem-round-trip", test_pem_round_trip);
  g_test_add_func ("/cwa/certificate/not-a-certificate", test_not_a_certificate);
  g_test_add_func ("/cwa/certificate/key-bits", test_key_bits);
  g_test_add_func ("/cwa/certificate/serial-negative", test_serial_negative);
  g_test_add_func ("/cwa/certificate/dn-string-types", test_dn_string_types);
  g_test_add_func ("/cwa/certificate/unknown-critical-extension", test_unknown_critical_extension);

  return g_test_run ();
}

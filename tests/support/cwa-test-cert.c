/* cwa-test-cert.c: certificates built in memory for the tests, with fixed dates and fixed keys. */
#include "cwa-test-cert.h"

#include <stdarg.h>
#include <string.h>

#include <gnutls/abstract.h>
#include <gnutls/x509.h>

#define N_TEST_KEYS (CWA_TEST_KEY_RSA_PSS2048 + 1)

struct _CwaTestIssuer
{
  CwaTestKey         key;
  gnutls_x509_crt_t  crt;
  GBytes            *der;
  CwaCertificate    *certificate;  /* parsed on first use */
};

typedef struct
{
  gnutls_x509_privkey_t x509;
  gnutls_privkey_t      abstract;
} TestKey;

/* Loaded once per test program: parsing a PEM key is cheap, but this keeps
 * the builders free of per-call key bookkeeping.  The keys stay reachable
 * from here until exit, so leak checkers do not count them. */
static TestKey test_keys[N_TEST_KEYS];

static const gchar * const key_files[N_TEST_KEYS] = {
  [CWA_TEST_KEY_RSA2048] = "rsa2048.key",
  [CWA_TEST_KEY_RSA3072] = "rsa3072.key",
  [CWA_TEST_KEY_RSA1024] = "rsa1024.key",
  [CWA_TEST_KEY_EC256] = "ec256.key",
  [CWA_TEST_KEY_EC384] = "ec384.key",
  [CWA_TEST_KEY_EC224] = "ec224.key",
  [CWA_TEST_KEY_EC521] = "ec521.key",
  [CWA_TEST_KEY_RSA_PSS2048] = "rsapss2048.key",
};

static const gchar * const default_eku[] = { CWA_EKU_SERVER_AUTH, NULL };

static void
check (int          ret,
       const gchar *what)
{
  if (ret < 0)
    g_error ("Test certificate builder: %s failed: %s", what, gnutls_strerror (ret));
}

static TestKey *
get_key (CwaTestKey id)
{
  TestKey *key;
  g_autofree gchar *path = NULL;
  g_autofree gchar *contents = NULL;
  g_autoptr(GError) error = NULL;
  gnutls_datum_t datum;
  gsize length;

  g_assert_cmpint (id, >=, 0);
  g_assert_cmpint (id, <, N_TEST_KEYS);

  key = &test_keys[id];
  if (key->abstract != NULL)
    return key;

  path = cwa_test_data_path ("keys", key_files[id], NULL);
  if (!g_file_get_contents (path, &contents, &length, &error))
    g_error ("Test certificate builder: cannot read the key %s: %s", path, error->message);

  datum.data = (unsigned char *) contents;
  datum.size = (unsigned int) length;
  check (gnutls_x509_privkey_init (&key->x509), "gnutls_x509_privkey_init");
  check (gnutls_x509_privkey_import (key->x509, &datum, GNUTLS_X509_FMT_PEM),
         "gnutls_x509_privkey_import");
  check (gnutls_privkey_init (&key->abstract), "gnutls_privkey_init");
  check (gnutls_privkey_import_x509 (key->abstract, key->x509, 0), "gnutls_privkey_import_x509");

  return key;
}

void
cwa_test_cert_spec_init (CwaTestCertSpec *spec,
                         const gchar     *subject)
{
  g_return_if_fail (spec != NULL);

  memset (spec, 0, sizeof *spec);
  spec->subject = subject;
  spec->not_before = G_GINT64_CONSTANT (1767225600);  /* 2026-01-01T00:00:00Z */
  spec->not_after = G_GINT64_CONSTANT (1830297600);   /* 2028-01-01T00:00:00Z */
  spec->key = CWA_TEST_KEY_RSA2048;
  spec->digest = GNUTLS_DIG_SHA256;
  spec->version = 3;
  spec->has_key_usage = TRUE;
  spec->key_usage = GNUTLS_KEY_DIGITAL_SIGNATURE | GNUTLS_KEY_KEY_ENCIPHERMENT;
  spec->has_eku = TRUE;
  spec->eku_oids = default_eku;
}

static void
checksum_add_strv (GChecksum           *checksum,
                   const gchar * const *strv)
{
  gsize i;

  for (i = 0; strv != NULL && strv[i] != NULL; i++)
    g_checksum_update (checksum, (const guchar *) strv[i], (gssize) strlen (strv[i]) + 1);
  g_checksum_update (checksum, (const guchar *) "|", 1);
}

/* A serial fixed by the spec's content, so the same spec always yields the
 * same bytes, while two certificates that differ (even only by their SANs or
 * dates) do not share an issuer/serial pair. */
static void
derive_serial (const CwaTestCertSpec *spec,
               guint8                 serial[8])
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 digest[32];
  gsize digest_len = sizeof digest;
  gint64 numbers[6];

  numbers[0] = spec->not_before;
  numbers[1] = spec->not_after;
  numbers[2] = spec->key;
  numbers[3] = spec->digest;
  numbers[4] = spec->version;
  numbers[5] = (gint64) spec->key_usage | ((gint64) spec->is_ca << 32)
               | ((gint64) spec->has_eku << 33) | ((gint64) spec->has_key_usage << 34);

  g_checksum_update (checksum, (const guchar *) spec->subject, (gssize) strlen (spec->subject) + 1);
  checksum_add_strv (checksum, spec->dns_names);
  checksum_add_strv (checksum, spec->ip_addresses);
  checksum_add_strv (checksum, spec->has_eku ? spec->eku_oids : NULL);
  checksum_add_strv (checksum, (const gchar * const[]) { spec->raw_attribute_oid, NULL });
  checksum_add_strv (checksum, (const gchar * const[]) { spec->critical_extension_oid, NULL });
  if (spec->raw_attribute_value != NULL)
    g_checksum_update (checksum, g_bytes_get_data (spec->raw_attribute_value, NULL),
                       (gssize) g_bytes_get_size (spec->raw_attribute_value));
  g_checksum_update (checksum, (const guchar *) numbers, sizeof numbers);
  g_checksum_get_digest (checksum, digest, &digest_len);

  memcpy (serial, digest, 8);
  serial[0] &= 0x7f;  /* positive INTEGER */
  serial[0] |= 0x01;  /* and never zero */
}

static void
set_serial (gnutls_x509_crt_t      crt,
            const CwaTestCertSpec *spec)
{
  guint8 serial[8];
  guint64 value = spec->serial;
  gint i;

  if (value == 0)
    {
      derive_serial (spec, serial);
    }
  else
    {
      for (i = 7; i >= 0; i--)
        {
          serial[i] = (guint8) (value & 0xff);
          value >>= 8;
        }
    }

  check (gnutls_x509_crt_set_serial (crt, serial, sizeof serial), "gnutls_x509_crt_set_serial");
}

static void
add_ip_address (gnutls_x509_crt_t  crt,
                const gchar       *text)
{
  g_autoptr(GInetAddress) address = g_inet_address_new_from_string (text);

  if (address == NULL)
    g_error ("Test certificate builder: “%s” is not an IP address", text);

  check (gnutls_x509_crt_set_subject_alt_name (crt, GNUTLS_SAN_IPADDRESS,
                                               g_inet_address_to_bytes (address),
                                               (unsigned int) g_inet_address_get_native_size (address),
                                               GNUTLS_FSAN_APPEND),
         "gnutls_x509_crt_set_subject_alt_name (IP)");
}

static void
set_extensions (gnutls_x509_crt_t      crt,
                const CwaTestCertSpec *spec,
                TestKey               *key,
                TestKey               *issuer_key)
{
  guint8 key_id[64];
  size_t key_id_size;
  gsize i;

  for (i = 0; spec->dns_names != NULL && spec->dns_names[i] != NULL; i++)
    check (gnutls_x509_crt_set_subject_alt_name (crt, GNUTLS_SAN_DNSNAME, spec->dns_names[i],
                                                 (unsigned int) strlen (spec->dns_names[i]),
                                                 GNUTLS_FSAN_APPEND),
           "gnutls_x509_crt_set_subject_alt_name (DNS)");
  for (i = 0; spec->ip_addresses != NULL && spec->ip_addresses[i] != NULL; i++)
    add_ip_address (crt, spec->ip_addresses[i]);

  check (gnutls_x509_crt_set_basic_constraints (crt, spec->is_ca ? 1 : 0, -1),
         "gnutls_x509_crt_set_basic_constraints");

  if (spec->has_key_usage || spec->is_ca)
    {
      guint usage = spec->has_key_usage ? spec->key_usage : 0;

      if (spec->is_ca)
        usage |= GNUTLS_KEY_KEY_CERT_SIGN | GNUTLS_KEY_CRL_SIGN;
      check (gnutls_x509_crt_set_key_usage (crt, usage), "gnutls_x509_crt_set_key_usage");
    }

  if (spec->has_eku)
    {
      for (i = 0; spec->eku_oids != NULL && spec->eku_oids[i] != NULL; i++)
        check (gnutls_x509_crt_set_key_purpose_oid (crt, spec->eku_oids[i], 0),
               "gnutls_x509_crt_set_key_purpose_oid");
    }

  if (spec->critical_extension_oid != NULL)
    check (gnutls_x509_crt_set_extension_by_oid (crt, spec->critical_extension_oid, "\x05\x00", 2, 1),
           "gnutls_x509_crt_set_extension_by_oid");

  key_id_size = sizeof key_id;
  check (gnutls_x509_privkey_get_key_id (key->x509, GNUTLS_KEYID_USE_SHA1, key_id, &key_id_size),
         "gnutls_x509_privkey_get_key_id");
  check (gnutls_x509_crt_set_subject_key_id (crt, key_id, key_id_size),
         "gnutls_x509_crt_set_subject_key_id");

  if (issuer_key != NULL)
    {
      key_id_size = sizeof key_id;
      check (gnutls_x509_privkey_get_key_id (issuer_key->x509, GNUTLS_KEYID_USE_SHA1, key_id,
                                             &key_id_size),
             "gnutls_x509_privkey_get_key_id (issuer)");
      check (gnutls_x509_crt_set_authority_key_id (crt, key_id, key_id_size),
             "gnutls_x509_crt_set_authority_key_id");
    }
}

static GBytes *
build_der (const CwaTestCertSpec *spec)
{
  gnutls_x509_crt_t crt;
  gnutls_datum_t out = { NULL, 0 };
  TestKey *key;
  TestKey *issuer_key = NULL;
  const char *dn_error = NULL;
  GBytes *der;
  int ret;

  g_assert_nonnull (spec);
  g_assert_nonnull (spec->subject);
  g_assert_true (spec->version == 1 || spec->version == 3);

  key = get_key (spec->key);
  if (spec->issuer != NULL)
    issuer_key = get_key (spec->issuer->key);

  check (gnutls_x509_crt_init (&crt), "gnutls_x509_crt_init");
  check (gnutls_x509_crt_set_version (crt, spec->version), "gnutls_x509_crt_set_version");
  set_serial (crt, spec);
  check (gnutls_x509_crt_set_activation_time (crt, (time_t) spec->not_before),
         "gnutls_x509_crt_set_activation_time");
  check (gnutls_x509_crt_set_expiration_time (crt, (time_t) spec->not_after),
         "gnutls_x509_crt_set_expiration_time");

  /* "" is an empty subject (RFC 5280 allows it when the SAN names the subject). */
  ret = spec->subject[0] != '\0' ? gnutls_x509_crt_set_dn (crt, spec->subject, &dn_error) : 0;
  if (ret < 0)
    g_error ("Test certificate builder: the subject “%s” is not accepted near “%s”: %s",
             spec->subject, dn_error != NULL ? dn_error : "", gnutls_strerror (ret));

  if (spec->raw_attribute_oid != NULL)
    check (gnutls_x509_crt_set_dn_by_oid (crt, spec->raw_attribute_oid, 1,
                                          g_bytes_get_data (spec->raw_attribute_value, NULL),
                                          (unsigned int) g_bytes_get_size (spec->raw_attribute_value)),
           "gnutls_x509_crt_set_dn_by_oid (raw)");

  check (gnutls_x509_crt_set_key (crt, key->x509), "gnutls_x509_crt_set_key");

  /* RFC 5280 4.1: extensions exist only in v3 certificates. */
  if (spec->version == 3)
    set_extensions (crt, spec, key, issuer_key);

  /* GnuTLS 3.7 signs with SHA-1 and even MD5 without any flag: only
   * verification treats them as insecure.  A system crypto policy that
   * forbids them would make this fail, with the reason in the message. */
  if (spec->issuer != NULL)
    ret = gnutls_x509_crt_privkey_sign (crt, spec->issuer->crt, issuer_key->abstract,
                                        spec->digest, 0);
  else
    ret = gnutls_x509_crt_privkey_sign (crt, crt, key->abstract, spec->digest, 0);
  if (ret < 0)
    g_error ("Test certificate builder: signing “%s” with %s failed: %s", spec->subject,
             gnutls_digest_get_name (spec->digest), gnutls_strerror (ret));

  check (gnutls_x509_crt_export2 (crt, GNUTLS_X509_FMT_DER, &out), "gnutls_x509_crt_export2");
  der = g_bytes_new (out.data, out.size);
  gnutls_free (out.data);
  gnutls_x509_crt_deinit (crt);

  return der;
}

static CwaCertificate *
parse_der (GBytes *der)
{
  g_autoptr(GError) error = NULL;
  CwaCertificate *certificate;

  certificate = cwa_certificate_new_from_der (der, NULL, 0, &error);
  if (certificate == NULL)
    g_error ("Test certificate builder: the built certificate does not parse: %s",
             error != NULL ? error->message : "no error set");

  return certificate;
}

CwaCertificate *
cwa_test_cert_build (const CwaTestCertSpec *spec)
{
  g_autoptr(GBytes) der = build_der (spec);

  return parse_der (der);
}

GBytes *
cwa_test_cert_build_der (const CwaTestCertSpec *spec)
{
  return build_der (spec);
}

CwaCertificate *
cwa_test_cert_build_site (CwaTestIssuer *issuer,
                          const gchar   *host,
                          const gchar   *organisation,
                          guint          serial)
{
  g_autofree gchar *subject = g_strdup_printf ("CN=%s,O=%s", host, organisation);
  g_autofree gchar *as_host = g_strdup_printf ("as.%s", host);
  g_autofree gchar *download_host = g_strdup_printf ("download.%s", host);
  const gchar *names[] = { host, as_host, download_host, NULL };
  CwaTestCertSpec spec;

  cwa_test_cert_spec_init (&spec, subject);
  spec.dns_names = names;
  spec.issuer = issuer;
  spec.serial = serial;
  return cwa_test_cert_build (&spec);
}

gchar *
cwa_test_cert_build_pem (const CwaTestCertSpec *spec)
{
  g_autoptr(GBytes) der = build_der (spec);
  gnutls_datum_t in;
  gnutls_datum_t out = { NULL, 0 };
  gchar *pem;

  in.data = (unsigned char *) g_bytes_get_data (der, NULL);
  in.size = (unsigned int) g_bytes_get_size (der);
  check (gnutls_pem_base64_encode2 ("CERTIFICATE", &in, &out), "gnutls_pem_base64_encode2");
  pem = g_strndup ((const gchar *) out.data, out.size);
  gnutls_free (out.data);

  return pem;
}

CwaTestIssuer *
cwa_test_issuer_new (const CwaTestCertSpec *ca_spec)
{
  CwaTestIssuer *issuer;
  gnutls_datum_t datum;

  g_assert_nonnull (ca_spec);

  issuer = g_new0 (CwaTestIssuer, 1);
  issuer->key = ca_spec->key;
  issuer->der = build_der (ca_spec);

  datum.data = (unsigned char *) g_bytes_get_data (issuer->der, NULL);
  datum.size = (unsigned int) g_bytes_get_size (issuer->der);
  check (gnutls_x509_crt_init (&issuer->crt), "gnutls_x509_crt_init");
  check (gnutls_x509_crt_import (issuer->crt, &datum, GNUTLS_X509_FMT_DER),
         "gnutls_x509_crt_import (issuer)");

  return issuer;
}

CwaCertificate *
cwa_test_issuer_get_certificate (CwaTestIssuer *issuer)
{
  g_assert_nonnull (issuer);

  if (issuer->certificate == NULL)
    issuer->certificate = parse_der (issuer->der);

  return issuer->certificate;
}

GBytes *
cwa_test_issuer_get_der (CwaTestIssuer *issuer)
{
  g_assert_nonnull (issuer);

  return issuer->der;
}

void
cwa_test_issuer_free (CwaTestIssuer *issuer)
{
  if (issuer == NULL)
    return;

  g_clear_object (&issuer->certificate);
  g_clear_pointer (&issuer->der, g_bytes_unref);
  gnutls_x509_crt_deinit (issuer->crt);
  g_free (issuer);
}

gchar *
cwa_test_key_dup_path (CwaTestKey key)
{
  g_assert_cmpint (key, >=, 0);
  g_assert_cmpint (key, <, N_TEST_KEYS);

  return cwa_test_data_path ("keys", key_files[key], NULL);
}

gchar *
cwa_test_data_path (const gchar *first_element,
                    ...)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  const gchar *element;
  va_list args;

  g_ptr_array_add (parts, (gpointer) CWA_TEST_DATA_DIR);
  va_start (args, first_element);
  for (element = first_element; element != NULL; element = va_arg (args, const gchar *))
    g_ptr_array_add (parts, (gpointer) element);
  va_end (args);
  g_ptr_array_add (parts, NULL);

  return g_build_filenamev ((gchar **) parts->pdata);
}

GDateTime *
cwa_test_now (void)
{
  return g_date_time_new_from_unix_utc (CWA_TEST_NOW_UNIX);
}

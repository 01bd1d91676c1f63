/* test-loader.c: every file format the loader reads, and every way a file can be wrong. */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gnutls/pkcs12.h>
#include <gnutls/pkcs7.h>

#include "cwa-cert-loader.h"
#include "cwa-certificate-private.h"
#include "cwa-rule-text.h"
#include "cwa-trust.h"
#include "cwa-test-cert.h"

#define PASSWORD "Contoso!2026"

/* SHA-256 of the fixtures, as `openssl x509 -fingerprint -sha256` prints them. */
#define LEAF_SHA256 "65:63:42:8D:5A:72:ED:73:61:11:AA:CF:73:47:BF:49:D5:A9:E5:01:72:41:C8:90:2D:84:C2:23:72:63:8E:76"
#define INT_SHA256  "0A:60:10:D7:93:13:85:15:23:51:8E:21:EE:01:50:5F:F1:D7:81:BC:11:CF:07:69:33:BF:68:DC:A3:EB:B7:7B"
#define ROOT_SHA256 "D9:96:70:8E:7D:DB:EE:67:27:E1:85:6F:BE:4B:F2:AA:B3:4A:3B:41:5E:73:08:05:69:70:3A:1C:84:BC:04:70"

static GFile *
fixture (const gchar *name)
{
  g_autofree gchar *path = cwa_test_data_path ("fixtures", name, NULL);

  return g_file_new_for_path (path);
}

static GPtrArray *
load (const gchar *name,
      const gchar *password,
      GError     **error)
{
  g_autoptr(GFile) file = fixture (name);

  return cwa_cert_loader_load_file (file, password, NULL, error);
}

static CwaCertificate *
nth (GPtrArray *certificates,
     guint      i)
{
  return g_ptr_array_index (certificates, i);
}

static void
assert_sha256s (GPtrArray   *certificates,
                const gchar *first,
                ...)
{
  va_list args;
  const gchar *expected = first;
  guint i = 0;

  va_start (args, first);
  for (; expected != NULL; expected = va_arg (args, const gchar *), i++)
    {
      g_assert_cmpuint (i, <, certificates->len);
      g_assert_cmpstr (cwa_certificate_get_sha256 (nth (certificates, i)), ==, expected);
      g_assert_cmpuint (cwa_certificate_get_source_index (nth (certificates, i)), ==, i);
    }
  va_end (args);

  g_assert_cmpuint (i, ==, certificates->len);
}

static void
assert_refused (const gchar *name,
                const gchar *password,
                CwaLoadError code,
                const gchar *words)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) certificates = load (name, password, &error);

  g_assert_null (certificates);
  g_assert_error (error, CWA_LOAD_ERROR, (gint) code);
  /* Messages are sentences that name the file. */
  g_assert_nonnull (strstr (error->message, name));
  g_assert_true (g_str_has_suffix (error->message, "."));
  if (words != NULL)
    g_assert_nonnull (strstr (error->message, words));
}

static void
test_pem_single (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) certificates = load ("leaf.pem", NULL, &error);

  g_assert_no_error (error);
  assert_sha256s (certificates, LEAF_SHA256, NULL);
  g_assert_true (g_str_has_suffix (cwa_certificate_get_source (nth (certificates, 0)), "leaf.pem"));
  g_assert_false (cwa_certificate_had_private_key (nth (certificates, 0)));
}

static void
test_pem_bundle_with_text (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) certificates = load ("bundle-text.pem", NULL, &error);

  g_assert_no_error (error);
  assert_sha256s (certificates, LEAF_SHA256, INT_SHA256, ROOT_SHA256, NULL);
  g_assert_cmpstr (cwa_certificate_get_subject_cn (nth (certificates, 1)), ==, "Contoso Issuing CA");
}

static void
test_pem_trusted_certificate (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) certificates = load ("leaf-trusted.pem", NULL, &error);

  /* OpenSSL's trust settings follow the certificate inside the block. */
  g_assert_no_error (error);
  assert_sha256s (certificates, LEAF_SHA256, NULL);
}

static void
test_der (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) certificates = load ("leaf.der", NULL, &error);

  g_assert_no_error (error);
  assert_sha256s (certificates, LEAF_SHA256, NULL);
}

static void
test_pkcs7 (void)
{
  const gchar *names[] = { "chain.p7b", "chain-p7b.pem" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) certificates = load (names[i], NULL, &error);

      g_assert_no_error (error);
      assert_sha256s (certificates, LEAF_SHA256, INT_SHA256, ROOT_SHA256, NULL);
    }
}

/* BER with indefinite lengths and empty SETs, as OpenSSL reads and
 * `openssl cms -stream` or Java write it: ContentInfo { signedData,
 * [0] { SignedData { 1, {}, { data }, [0] { leaf, issuing CA }, [1] {}, {} } } },
 * every constructed element but the certificates of indefinite length. */
static void
test_pkcs7_ber (void)
{
  static const guchar head[] = {
    0x30, 0x80,
    0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02,
    0xa0, 0x80,
    0x30, 0x80,
    0x02, 0x01, 0x01,
    0x31, 0x80, 0x00, 0x00,
    0x30, 0x80, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x01, 0x00, 0x00,
    0xa0, 0x80,
  };
  static const guchar tail[] = { 0x00, 0x00, 0xa1, 0x80, 0x00, 0x00, 0x31, 0x80, 0x00, 0x00,
                                 0x00, 0x00, 0x00, 0x00, 0x00, 0x00 };
  g_autoptr(GByteArray) ber = g_byte_array_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) certificates = NULL;
  g_autoptr(GError) error = NULL;
  const gchar *names[] = { "leaf.der", NULL };
  g_autoptr(GPtrArray) ca = load ("int.pem", NULL, &error);

  g_assert_no_error (error);
  g_byte_array_append (ber, head, sizeof head);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(GFile) file = fixture (names[i]);
      g_autoptr(GBytes) der = g_file_load_bytes (file, NULL, NULL, NULL);

      g_byte_array_append (ber, g_bytes_get_data (der, NULL), g_bytes_get_size (der));
    }
  g_byte_array_append (ber, g_bytes_get_data (cwa_certificate_get_der (nth (ca, 0)), NULL),
                       g_bytes_get_size (cwa_certificate_get_der (nth (ca, 0))));
  g_byte_array_append (ber, tail, sizeof tail);
  bytes = g_bytes_new (ber->data, ber->len);

  /* GnuTLS's own reader refuses it ("ASN1 parser: Error in TAG"). */
  {
    gnutls_pkcs7_t pkcs7 = NULL;
    gnutls_datum_t datum = { ber->data, ber->len };

    g_assert_cmpint (gnutls_pkcs7_init (&pkcs7), >=, 0);
    g_assert_cmpint (gnutls_pkcs7_import (pkcs7, &datum, GNUTLS_X509_FMT_DER), <, 0);
    gnutls_pkcs7_deinit (pkcs7);
  }

  certificates = cwa_cert_loader_load_bytes (bytes, "chain-ber.p7b", NULL, &error);
  g_assert_no_error (error);
  assert_sha256s (certificates, LEAF_SHA256, INT_SHA256, NULL);

  /* Cut short: refused as damaged, not read past the end. */
  g_clear_pointer (&certificates, g_ptr_array_unref);
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = g_bytes_new (ber->data, ber->len - 12);
  certificates = cwa_cert_loader_load_bytes (bytes, "chain-ber.p7b", NULL, &error);
  g_assert_null (certificates);
  g_assert_error (error, CWA_LOAD_ERROR, CWA_LOAD_ERROR_CORRUPT);
}

static void
test_pkcs12 (gconstpointer data)
{
  const gchar *name = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) certificates = load (name, PASSWORD, &error);

  g_assert_no_error (error);
  assert_sha256s (certificates, LEAF_SHA256, INT_SHA256, NULL);
  /* The key bag's localKeyID points at the server certificate only. */
  g_assert_true (cwa_certificate_had_private_key (nth (certificates, 0)));
  g_assert_false (cwa_certificate_had_private_key (nth (certificates, 1)));
  g_assert_true (cwa_cert_loader_pick_primary (certificates) == nth (certificates, 0));

  assert_refused (name, "not the password", CWA_LOAD_ERROR_WRONG_PASSWORD, "the password is wrong");
  assert_refused (name, "", CWA_LOAD_ERROR_WRONG_PASSWORD, "the password is wrong");
  assert_refused (name, NULL, CWA_LOAD_ERROR_NEEDS_PASSWORD, "password");
}

/* That the fixture @name has no MAC and its first bag is encrypted: what
 * it stands for, and what OpenSSL's -nomac does not write. */
static void
assert_nomac_encrypted (const gchar *name)
{
  g_autoptr(GFile) file = fixture (name);
  g_autoptr(GBytes) bytes = g_file_load_bytes (file, NULL, NULL, NULL);
  gnutls_datum_t der = { (guchar *) g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes) };
  gnutls_pkcs12_t pkcs12 = NULL;
  gnutls_pkcs12_bag_t bag = NULL;
  unsigned int mac = 0, iter = 0, salt_size = 0;
  char *oid = NULL;

  g_assert_cmpint (gnutls_pkcs12_init (&pkcs12), ==, 0);
  g_assert_cmpint (gnutls_pkcs12_bag_init (&bag), ==, 0);
  g_assert_cmpint (gnutls_pkcs12_import (pkcs12, &der, GNUTLS_X509_FMT_DER, 0), ==, 0);
  g_assert_cmpint (gnutls_pkcs12_mac_info (pkcs12, &mac, NULL, &salt_size, &iter, &oid), <, 0);
  g_assert_cmpint (gnutls_pkcs12_get_bag (pkcs12, 0, bag), ==, 0);
  g_assert_cmpint (gnutls_pkcs12_bag_get_type (bag, 0), ==, GNUTLS_BAG_ENCRYPTED);
  gnutls_free (oid);
  gnutls_pkcs12_bag_deinit (bag);
  gnutls_pkcs12_deinit (pkcs12);
}

static void
test_pkcs12_without_password (void)
{
  /* The last one has no MAC: only decrypting tells whether "" is right. */
  const gchar *names[] = { "empty-password.pfx", "unprotected.pfx", "nomac-rc2-empty.pfx" };

  assert_nomac_encrypted ("nomac-rc2-empty.pfx");

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) certificates = load (names[i], NULL, &error);
      g_autoptr(GPtrArray) typed = NULL;

      g_assert_no_error (error);
      assert_sha256s (certificates, LEAF_SHA256, NULL);
      g_assert_true (cwa_certificate_had_private_key (nth (certificates, 0)));

      /* A password typed for a file that needs none is forgiven. */
      typed = load (names[i], PASSWORD, &error);
      g_assert_no_error (error);
      assert_sha256s (typed, LEAF_SHA256, NULL);
    }
}

/* Work a file asks for is bounded and checked before it is done: a MAC
 * asking for 2^31-1 iterations, certificates encrypted with 2,000,000. */
static void
test_pkcs12_iterations (void)
{
  static const struct { const gchar *name; const gchar *count; const gchar *what; } cases[] = {
    { "mac-iterations.pfx", "asks for 2,147,483,647 key-derivation iterations", "integrity check (MAC)" },
    { "bag-iterations.pfx", "asks for 2,000,000 key-derivation iterations", "encrypted certificates" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    for (guint with_password = 0; with_password < 2; with_password++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(GPtrArray) certificates = NULL;
        gint64 start = g_get_monotonic_time ();

        certificates = load (cases[i].name, with_password ? PASSWORD : NULL, &error);
        g_assert_null (certificates);
        g_assert_error (error, CWA_LOAD_ERROR, CWA_LOAD_ERROR_CORRUPT);
        g_assert_nonnull (strstr (error->message, cases[i].count));
        g_assert_nonnull (strstr (error->message, cases[i].what));
        g_assert_nonnull (strstr (error->message, "more than the 1,000,000 this program will compute"));
        g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
      }
}

/* Work counted over the whole file: three bags of certificates at
 * 1,000,000 iterations each (each within the bound, together past it), and
 * 5,000 bags, which GnuTLS would take hours to hand out one by one. */
static void
test_pkcs12_work_in_all (void)
{
  static const struct { const gchar *name; const gchar *words; } cases[] = {
    { "total-iterations.pfx", "more than 2,000,000 key-derivation iterations in all" },
    { "many-bags.pfx", "has more than 64 parts" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    for (guint with_password = 0; with_password < 2; with_password++)
      {
        gint64 start = g_get_monotonic_time ();

        assert_refused (cases[i].name, with_password ? PASSWORD : NULL, CWA_LOAD_ERROR_CORRUPT,
                        cases[i].words);
        g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
      }
}

/* Windows PowerShell 5 writes `>` as UTF-16 with a byte-order mark, and
 * admin pages show the Base64 of a DER certificate without BEGIN/END
 * lines: both are read. */
static void
test_other_text_forms (void)
{
  g_autoptr(GFile) chain = fixture ("chain.pem");
  g_autoptr(GFile) leaf = fixture ("leaf.der");
  g_autoptr(GBytes) pem = g_file_load_bytes (chain, NULL, NULL, NULL);
  g_autoptr(GBytes) der = g_file_load_bytes (leaf, NULL, NULL, NULL);
  const gchar *charsets[] = { "UTF-16LE", "UTF-16BE" };
  g_autofree gchar *base64 = NULL;
  g_autoptr(GString) wrapped = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (charsets); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) certificates = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autofree gchar *utf16 = NULL;
      gsize len = 0;
      GByteArray *with_bom = g_byte_array_new ();

      utf16 = g_convert (g_bytes_get_data (pem, NULL), g_bytes_get_size (pem), charsets[i], "UTF-8",
                         NULL, &len, NULL);
      g_assert_nonnull (utf16);
      g_byte_array_append (with_bom, (const guint8 *) (i == 0 ? "\xFF\xFE" : "\xFE\xFF"), 2);
      g_byte_array_append (with_bom, (const guint8 *) utf16, (guint) len);
      bytes = g_byte_array_free_to_bytes (with_bom);

      certificates = cwa_cert_loader_load_bytes (bytes, "chain-utf16.pem", NULL, &error);
      g_assert_no_error (error);
      assert_sha256s (certificates, LEAF_SHA256, INT_SHA256, ROOT_SHA256, NULL);
    }

  base64 = g_base64_encode (g_bytes_get_data (der, NULL), g_bytes_get_size (der));
  for (gsize i = 0; i < strlen (base64); i += 64)
    g_string_append_printf (wrapped, "%.64s\r\n", base64 + i);
  {
    const gchar *forms[] = { base64, wrapped->str };

    for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(GBytes) bytes = g_bytes_new_static (forms[i], strlen (forms[i]));
        g_autoptr(GPtrArray) certificates = cwa_cert_loader_load_bytes (bytes, "leaf.txt", NULL, &error);

        g_assert_no_error (error);
        assert_sha256s (certificates, LEAF_SHA256, NULL);
      }
  }
}

/* What a file that still cannot be read looks like, said in the message. */
static void
test_unreadable_described (void)
{
  static const struct { const gchar *text; gsize len; const gchar *says; } cases[] = {
    { "  <!DOCTYPE html>\n<html><body>Sign in</body></html>\n", 0, "an HTML page" },
    { "<HTML><HEAD><TITLE>404</TITLE></HEAD></HTML>", 0, "an HTML page" },
    { "TWFueSBoYW5kcyBtYWtlIGxpZ2h0IHdvcmsu\nTWFueSBoYW5kcyBtYWtlIGxpZ2h0IHdvcmsu\n", 0,
      "Base64 text without BEGIN/END lines" },
    { "M\0I\0I\0B\0 \0n\0o\0t\0 \0a\0 \0c\0e\0r\0t\0", 30, "UTF-16 text" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gsize len = cases[i].len != 0 ? cases[i].len : strlen (cases[i].text);
      g_autoptr(GBytes) bytes = g_bytes_new_static (cases[i].text, len);
      g_autoptr(GPtrArray) certificates = cwa_cert_loader_load_bytes (bytes, "download.cer", NULL, &error);

      g_assert_null (certificates);
      g_assert_error (error, CWA_LOAD_ERROR, CWA_LOAD_ERROR_NOT_CERTIFICATE);
      g_assert_nonnull (strstr (error->message, cases[i].says));
      g_assert_true (g_str_has_prefix (error->message, "download.cer: "));
    }

  assert_refused ("key-only.pem", NULL, CWA_LOAD_ERROR_NOT_CERTIFICATE, "a private key but no certificate");
  assert_refused ("request.pem", NULL, CWA_LOAD_ERROR_NOT_CERTIFICATE, "a certificate request");
}

static void
test_pem_with_keys (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) with_key = load ("key-and-chain.pem", NULL, &error);
  g_autoptr(GPtrArray) encrypted = NULL;

  /* Key first, then the CA, then the server: the key's identifier finds
   * the server certificate wherever it is. */
  g_assert_no_error (error);
  assert_sha256s (with_key, INT_SHA256, LEAF_SHA256, NULL);
  g_assert_false (cwa_certificate_had_private_key (nth (with_key, 0)));
  g_assert_true (cwa_certificate_had_private_key (nth (with_key, 1)));
  g_assert_true (cwa_cert_loader_pick_primary (with_key) == nth (with_key, 1));
  /* Matching the key parsed no certificate again: parsed copies kept
   * alive took a 64 MB bundle with one key from 310 MB to 2 GB. */
  for (guint i = 0; i < with_key->len; i++)
    g_assert_false (_cwa_certificate_holds_crt (nth (with_key, i)));

  /* An encrypted key is never decrypted: it marks the end-entity one. */
  encrypted = load ("leaf-encrypted-key.pem", NULL, &error);
  g_assert_no_error (error);
  assert_sha256s (encrypted, LEAF_SHA256, NULL);
  g_assert_true (cwa_certificate_had_private_key (nth (encrypted, 0)));
}

static void
test_refused_files (void)
{
  assert_refused ("truncated.pem", NULL, CWA_LOAD_ERROR_CORRUPT, "truncated");
  assert_refused ("bad-base64.pem", NULL, CWA_LOAD_ERROR_CORRUPT, "Base64");
  assert_refused ("garbage.bin", NULL, CWA_LOAD_ERROR_NOT_CERTIFICATE, "no certificate");
  assert_refused ("garbage-der.bin", NULL, CWA_LOAD_ERROR_NOT_CERTIFICATE, NULL);
  assert_refused ("words.txt", NULL, CWA_LOAD_ERROR_NOT_CERTIFICATE, "no certificate");
  assert_refused ("key-only.pem", NULL, CWA_LOAD_ERROR_NOT_CERTIFICATE, "private key");
  assert_refused ("request.pem", NULL, CWA_LOAD_ERROR_NOT_CERTIFICATE, "request");
  assert_refused ("does-not-exist.pem", NULL, CWA_LOAD_ERROR_IO, "does not exist");
}

static gchar *
make_temp_file (const gchar *template)
{
  g_autoptr(GError) error = NULL;
  gchar *path = NULL;
  int fd;

  fd = g_file_open_tmp (template, &path, &error);
  g_assert_no_error (error);
  close (fd);

  return path;
}

static void
test_empty_file (void)
{
  g_autofree gchar *path = make_temp_file ("cwa-empty-XXXXXX.pem");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) certificates = NULL;
  g_autofree gchar *base = g_path_get_basename (path);

  certificates = cwa_cert_loader_load_file (file, NULL, NULL, &error);
  g_assert_null (certificates);
  g_assert_error (error, CWA_LOAD_ERROR, CWA_LOAD_ERROR_NOT_CERTIFICATE);
  g_assert_nonnull (strstr (error->message, base));
  g_assert_nonnull (strstr (error->message, "empty"));

  g_unlink (path);
}

static void
test_too_large (void)
{
  g_autofree gchar *path = make_temp_file ("cwa-huge-XXXXXX.pem");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) certificates = NULL;

  /* Sparse: the size is refused before a byte is read. */
  g_assert_cmpint (truncate (path, CWA_LOAD_MAX_SIZE + 1), ==, 0);

  certificates = cwa_cert_loader_load_file (file, NULL, NULL, &error);
  g_assert_null (certificates);
  g_assert_error (error, CWA_LOAD_ERROR, CWA_LOAD_ERROR_TOO_LARGE);

  g_unlink (path);
}

/* Devices and FIFOs are refused for what they are, before a byte is read:
 * /dev/zero and /dev/urandom never end, and opening a FIFO without a
 * writer would wait for ever. */
static void
test_not_regular_files (void)
{
  g_autofree gchar *dir = g_dir_make_tmp ("cwa-loader-XXXXXX", NULL);
  g_autofree gchar *fifo = g_build_filename (dir, "cert.pem", NULL);
  const gchar *paths[] = { "/dev/zero", "/dev/urandom", fifo };
  const gchar *kinds[] = { "a device", "a device", "a named pipe (FIFO)" };

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (paths[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) certificates = NULL;
      gint64 start = g_get_monotonic_time ();

      if (!g_file_test (paths[i], G_FILE_TEST_EXISTS))
        continue;

      certificates = cwa_cert_loader_load_file (file, NULL, NULL, &error);
      g_assert_null (certificates);
      g_assert_error (error, CWA_LOAD_ERROR, CWA_LOAD_ERROR_IO);
      g_assert_nonnull (strstr (error->message, kinds[i]));
      g_assert_nonnull (strstr (error->message, i < 2 ? paths[i] : "cert.pem"));
      /* Refused, not read: well under a second. */
      g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
    }

  g_unlink (fifo);
  g_rmdir (dir);
}

static void
test_folder (void)
{
  g_autofree gchar *path = cwa_test_data_path ("fixtures", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) certificates = NULL;

  certificates = cwa_cert_loader_load_file (file, NULL, NULL, &error);
  g_assert_null (certificates);
  g_assert_error (error, CWA_LOAD_ERROR, CWA_LOAD_ERROR_IO);
  g_assert_true (g_str_has_suffix (error->message, "fixtures is a folder, not a certificate file. "
                                   "Choose the certificate file inside it."));
}

static void
test_bytes (void)
{
  g_autoptr(GFile) file = fixture ("chain.pem");
  g_autoptr(GBytes) bytes = g_file_load_bytes (file, NULL, NULL, NULL);
  g_autoptr(GBytes) prefix = NULL;
  g_autoptr(GPtrArray) certificates = NULL;
  g_autoptr(GError) error = NULL;

  certificates = cwa_cert_loader_load_bytes (bytes, "pasted", NULL, &error);
  g_assert_no_error (error);
  assert_sha256s (certificates, LEAF_SHA256, INT_SHA256, ROOT_SHA256, NULL);
  g_assert_cmpstr (cwa_certificate_get_source (nth (certificates, 2)), ==, "pasted");

  /* Cut inside the second block: the whole file is refused, not half read. */
  prefix = g_bytes_new_from_bytes (bytes, 0, 2000);
  g_clear_pointer (&certificates, g_ptr_array_unref);
  certificates = cwa_cert_loader_load_bytes (prefix, "pasted", NULL, &error);
  g_assert_null (certificates);
  g_assert_error (error, CWA_LOAD_ERROR, CWA_LOAD_ERROR_CORRUPT);
  g_assert_true (g_str_has_prefix (error->message, "pasted: "));
}

static void
test_pick_primary (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) roots = load ("root.pem", NULL, &error);
  g_autoptr(GPtrArray) bundle = load ("bundle-text.pem", NULL, &error);
  g_autoptr(GPtrArray) empty = g_ptr_array_new ();

  g_assert_true (cwa_cert_loader_pick_primary (roots) == nth (roots, 0));
  g_assert_true (cwa_cert_loader_pick_primary (bundle) == nth (bundle, 0));
  g_assert_null (cwa_cert_loader_pick_primary (empty));
}

static gchar *
pem_of (GBytes *der)
{
  gnutls_datum_t in = { (guchar *) g_bytes_get_data (der, NULL), (guint) g_bytes_get_size (der) };
  gnutls_datum_t out = { NULL, 0 };
  gchar *pem;

  g_assert_cmpint (gnutls_pem_base64_encode2 ("CERTIFICATE", &in, &out), >=, 0);
  pem = g_strndup ((const gchar *) out.data, out.size);
  gnutls_free (out.data);
  return pem;
}

static GBytes *
pkcs7_of (GBytes *first,
          GBytes *second)
{
  gnutls_pkcs7_t pkcs7 = NULL;
  gnutls_datum_t out = { NULL, 0 };
  GBytes *result;

  g_assert_cmpint (gnutls_pkcs7_init (&pkcs7), >=, 0);
  for (guint i = 0; i < 2; i++)
    {
      GBytes *der = i == 0 ? first : second;
      gnutls_datum_t datum = { (guchar *) g_bytes_get_data (der, NULL), (guint) g_bytes_get_size (der) };

      g_assert_cmpint (gnutls_pkcs7_set_crt_raw (pkcs7, &datum), >=, 0);
    }
  g_assert_cmpint (gnutls_pkcs7_export2 (pkcs7, GNUTLS_X509_FMT_DER, &out), >=, 0);
  gnutls_pkcs7_deinit (pkcs7);
  result = g_bytes_new (out.data, out.size);
  gnutls_free (out.data);
  return result;
}

/* What `certtool --verify` decides for @leaf with @root as the only trusted
 * certificate: GnuTLS's own path validation (dates aside, so that the test
 * does not depend on the day it runs). */
static gboolean
gnutls_accepts (GBytes *leaf,
                GBytes *root)
{
  gnutls_x509_crt_t crts[2] = { NULL, NULL };
  gnutls_x509_trust_list_t list = NULL;
  unsigned int status = 1;

  for (guint i = 0; i < 2; i++)
    {
      GBytes *der = i == 0 ? leaf : root;
      gnutls_datum_t datum = { (guchar *) g_bytes_get_data (der, NULL), (guint) g_bytes_get_size (der) };

      g_assert_cmpint (gnutls_x509_crt_init (&crts[i]), >=, 0);
      g_assert_cmpint (gnutls_x509_crt_import (crts[i], &datum, GNUTLS_X509_FMT_DER), >=, 0);
    }
  g_assert_cmpint (gnutls_x509_trust_list_init (&list, 0), >=, 0);
  /* The list takes the root; the leaf stays ours. */
  g_assert_cmpint (gnutls_x509_trust_list_add_cas (list, &crts[1], 1, 0), ==, 1);
  g_assert_cmpint (gnutls_x509_trust_list_verify_crt (list, &crts[0], 1,
                                                       GNUTLS_VERIFY_DISABLE_TIME_CHECKS |
                                                       GNUTLS_VERIFY_DISABLE_TRUSTED_TIME_CHECKS,
                                                       &status, NULL), >=, 0);
  gnutls_x509_trust_list_deinit (list, 1);
  gnutls_x509_crt_deinit (crts[0]);
  return status == 0;
}

/* An X.509 v1 root (no basicConstraints, so no CA flag to read) before the
 * leaf, in a PEM bundle and in PKCS#7: the root is a CA, the entry stands
 * for the leaf, and the root anchors the leaf's chain as GnuTLS's own
 * verification (certtool --verify) agrees. */
static void
test_v1_root_first (void)
{
  CwaTestCertSpec spec;
  g_autoptr(CwaTestIssuer) root = NULL;
  g_autoptr(GBytes) leaf_der = NULL;
  g_autofree gchar *root_pem = NULL;
  g_autofree gchar *leaf_pem = NULL;
  g_autofree gchar *bundle = NULL;
  GBytes *inputs[2];

  cwa_test_cert_spec_init (&spec, "CN=Contoso V1 Root,O=Contoso");
  spec.version = 1;
  spec.serial = 1;
  root = cwa_test_issuer_new (&spec);

  cwa_test_cert_spec_init (&spec, "CN=im.contoso.com");
  spec.issuer = root;
  spec.serial = 2;
  leaf_der = cwa_test_cert_build_der (&spec);

  root_pem = pem_of (cwa_test_issuer_get_der (root));
  leaf_pem = pem_of (leaf_der);
  bundle = g_strconcat (root_pem, leaf_pem, NULL);
  inputs[0] = g_bytes_new_take (g_steal_pointer (&bundle), strlen (root_pem) + strlen (leaf_pem));
  inputs[1] = pkcs7_of (cwa_test_issuer_get_der (root), leaf_der);

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) certificates = NULL;
      g_autoptr(CwaTrust) trust = cwa_trust_new ();
      g_autoptr(GPtrArray) pool = g_ptr_array_new ();
      CwaChainResult *chain;
      CwaCertificate *primary;

      certificates = cwa_cert_loader_load_bytes (inputs[i], i == 0 ? "chain.pem" : "chain.p7b",
                                                 NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (certificates->len, ==, 2);
      g_assert_true (cwa_certificate_is_ca (nth (certificates, 0)));
      g_assert_false (cwa_certificate_is_ca (nth (certificates, 1)));

      primary = cwa_cert_loader_pick_primary (certificates);
      g_assert_true (primary == nth (certificates, 1));

      g_ptr_array_add (pool, nth (certificates, 0));
      chain = cwa_trust_verify (trust, primary, pool);
      g_assert_null (chain->problem);
      g_assert_true (chain->trusted);
      g_assert_cmpuint (chain->chain->len, ==, 2);
      cwa_chain_result_free (chain);
      g_bytes_unref (inputs[i]);
    }

  g_assert_true (gnutls_accepts (leaf_der, cwa_test_issuer_get_der (root)));
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_async (void)
{
  g_autoptr(GFile) file = fixture ("modern.pfx");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) certificates = NULL;
  g_autoptr(GError) error = NULL;

  cwa_cert_loader_load_file_async (file, PASSWORD, NULL, on_loaded, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  certificates = cwa_cert_loader_load_file_finish (result, &error);
  g_assert_no_error (error);
  assert_sha256s (certificates, LEAF_SHA256, INT_SHA256, NULL);

  /* Errors come back the same way. */
  g_clear_object (&result);
  cwa_cert_loader_load_file_async (file, "wrong", NULL, on_loaded, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (cwa_cert_loader_load_file_finish (result, &error));
  g_assert_error (error, CWA_LOAD_ERROR, CWA_LOAD_ERROR_WRONG_PASSWORD);
}

static void
flag_in_pool_thread (GTask        *task,
                     gpointer      source,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  g_task_return_boolean (task, cwa_rule_text_is_translated ());
}

/* The async loader's worker takes its caller's language setting and gives
 * the pooled thread its own back: after translated loads, the pool's
 * threads (which GTask reuses) are English again, and an English caller's
 * load is English. */
static void
test_async_language_flag (void)
{
  g_autoptr(GFile) file = fixture ("modern.pfx");
  gboolean before = cwa_rule_text_set_translated (TRUE);
  GAsyncResult *results[16] = { NULL };

  for (guint i = 0; i < G_N_ELEMENTS (results); i++)
    cwa_cert_loader_load_file_async (file, "wrong", NULL, on_loaded, &results[i]);
  cwa_rule_text_set_translated (FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (results); i++)
    {
      while (results[i] == NULL)
        g_main_context_iteration (NULL, TRUE);
      g_object_unref (results[i]);
    }

  for (guint i = 0; i < 32; i++)
    {
      g_autoptr(GTask) task = g_task_new (NULL, NULL, NULL, NULL);
      g_autoptr(GError) error = NULL;

      g_task_run_in_thread_sync (task, flag_in_pool_thread);
      g_assert_false (g_task_propagate_boolean (task, &error));
      g_assert_no_error (error);
    }
  cwa_rule_text_set_translated (before);
}

static void
test_async_cancelled (void)
{
  g_autoptr(GFile) file = fixture ("chain.pem");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  cwa_cert_loader_load_file_async (file, NULL, cancellable, on_loaded, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_null (cwa_cert_loader_load_file_finish (result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cwa/loader/pem/single", test_pem_single);
  g_test_add_func ("/cwa/loader/pem/bundle-with-text", test_pem_bundle_with_text);
  g_test_add_func ("/cwa/loader/pem/trusted-certificate", test_pem_trusted_certificate);
  g_test_add_func ("/cwa/loader/pem/with-keys", test_pem_with_keys);
  g_test_add_func ("/cwa/loader/der", test_der);
  g_test_add_func ("/cwa/loader/other-text-forms", test_other_text_forms);
  g_test_add_func ("/cwa/loader/unreadable-described", test_unreadable_described);
  g_test_add_func ("/cwa/loader/pkcs7", test_pkcs7);
  g_test_add_func ("/cwa/loader/pkcs7-ber", test_pkcs7_ber);
  g_test_add_data_func ("/cwa/loader/pkcs12/modern", "modern.pfx", test_pkcs12);
  g_test_add_data_func ("/cwa/loader/pkcs12/legacy", "legacy.pfx", test_pkcs12);
  g_test_add_func ("/cwa/loader/pkcs12/without-password", test_pkcs12_without_password);
  g_test_add_func ("/cwa/loader/pkcs12/iterations", test_pkcs12_iterations);
  g_test_add_func ("/cwa/loader/refused", test_refused_files);
  g_test_add_func ("/cwa/loader/empty-file", test_empty_file);
  g_test_add_func ("/cwa/loader/too-large", test_too_large);
  g_test_add_func ("/cwa/loader/not-regular-files", test_not_regular_files);
  g_test_add_func ("/cwa/loader/folder", test_folder);
  g_test_add_func ("/cwa/loader/bytes", test_bytes);
  g_test_add_func ("/cwa/loader/pick-primary", test_pick_primary);
  g_test_add_func ("/cwa/loader/v1-root-first", test_v1_root_first);
  g_test_add_func ("/cwa/loader/pkcs12-work-in-all", test_pkcs12_work_in_all);
  g_test_add_func ("/cwa/loader/async", test_async);
  g_test_add_func ("/cwa/loader/async-cancelled", test_async_cancelled);
  g_test_add_func ("/cwa/loader/async-language-flag", test_async_language_flag);

  return g_test_run ();
}

/* test-corpus.c: every zlint test certificate loads with OpenSSL's facts or is refused in words. */
#include "config.h"

#include "cwa-cert-loader.h"
#include "cwa-test-cert.h"

/* OpenSSL reads a few certificates GnuTLS refuses outright (empty SAN
 * names, broken DER inside extensions, invalid time encodings).  The
 * refusals are clear errors, but more of them than this means the loader
 * lost ground. */
#define MAX_REFUSED_THAT_OPENSSL_READS 40

typedef struct
{
  gchar      *dir;
  GHashTable *loaded;    /* file name -> GPtrArray of CwaCertificate */
  GHashTable *refused;   /* file name -> error message */
} Corpus;

static gboolean
is_hex_pairs (const gchar *text,
              gsize        n_pairs)
{
  gsize len = strlen (text);

  if (n_pairs > 0 && len != n_pairs * 3 - 1)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    {
      if (i % 3 == 2 ? text[i] != ':' : !g_ascii_isxdigit (text[i]) || g_ascii_islower (text[i]))
        return FALSE;
    }

  return TRUE;
}

static void
assert_strv_utf8 (const gchar * const *strv)
{
  g_assert_nonnull (strv);
  for (guint i = 0; strv[i] != NULL; i++)
    g_assert_true (g_utf8_validate (strv[i], -1, NULL));
}

/* Every getter answers, and with something a report can print. */
static void
assert_sane (CwaCertificate *certificate,
             const gchar    *name)
{
  const gchar * const *names = cwa_certificate_get_key_usage_names (certificate);
  GPtrArray *entries = cwa_certificate_get_san_entries (certificate);
  guint n_dns = 0, n_names = 0;
  g_autofree gchar *pem = NULL;

  g_assert_true (g_str_has_suffix (cwa_certificate_get_source (certificate), name));
  g_assert_true (g_utf8_validate (cwa_certificate_get_subject (certificate), -1, NULL));
  g_assert_true (g_utf8_validate (cwa_certificate_get_issuer (certificate), -1, NULL));
  g_assert_nonnull (cwa_certificate_get_display_name (certificate));
  g_assert_cmpstr (cwa_certificate_get_display_name (certificate), !=, "");
  g_assert_true (g_utf8_validate (cwa_certificate_get_display_name (certificate), -1, NULL));
  assert_strv_utf8 (cwa_certificate_get_subject_cns (certificate));
  if (cwa_certificate_get_subject_cn (certificate) != NULL)
    g_assert_true (g_strv_contains (cwa_certificate_get_subject_cns (certificate),
                                    cwa_certificate_get_subject_cn (certificate)));

  assert_strv_utf8 (cwa_certificate_get_dns_names (certificate));
  assert_strv_utf8 (cwa_certificate_get_san_strings (certificate));
  g_assert_cmpuint (g_strv_length ((gchar **) cwa_certificate_get_san_strings (certificate)), ==,
                    entries->len);
  for (guint i = 0; i < entries->len; i++)
    {
      CwaSanEntry *entry = g_ptr_array_index (entries, i);

      g_assert_nonnull (entry->value);
      g_assert_true (g_utf8_validate (entry->value, -1, NULL));
      if (entry->type == CWA_SAN_DNS)
        g_assert_cmpstr (entry->value, ==, cwa_certificate_get_dns_names (certificate)[n_dns++]);
    }
  g_assert_null (cwa_certificate_get_dns_names (certificate)[n_dns]);

  g_assert_true (is_hex_pairs (cwa_certificate_get_serial (certificate), 0));
  g_assert_true (is_hex_pairs (cwa_certificate_get_sha256 (certificate), 32));
  g_assert_true (is_hex_pairs (cwa_certificate_get_sha1 (certificate), 20));
  g_assert_cmpstr (cwa_certificate_get_key_algorithm (certificate), !=, "");
  g_assert_cmpstr (cwa_certificate_get_signature_algorithm (certificate), !=, "");
  g_assert_cmpuint (cwa_certificate_get_version (certificate), >=, 1);
  /* The corpus has invalid versions (v4, v5...): reported as encoded. */

  for (guint bit = 0; bit < 9; bit++)
    if (cwa_certificate_get_key_usage (certificate) & (1u << bit))
      n_names++;
  g_assert_cmpuint (g_strv_length ((gchar **) names), ==, n_names);
  if (!cwa_certificate_has_key_usage (certificate))
    g_assert_cmpint (cwa_certificate_get_key_usage (certificate), ==, 0);
  assert_strv_utf8 (cwa_certificate_get_eku_oids (certificate));
  if (!cwa_certificate_has_eku (certificate))
    g_assert_null (cwa_certificate_get_eku_oids (certificate)[0]);
  if (!cwa_certificate_is_ca (certificate))
    g_assert_cmpint (cwa_certificate_get_path_len (certificate), ==, -1);
  g_assert_cmpint (cwa_certificate_get_path_len (certificate), >=, -1);

  pem = cwa_certificate_dup_pem (certificate);
  g_assert_true (g_str_has_prefix (pem, "-----BEGIN CERTIFICATE-----\n"));
}

static void
corpus_setup (Corpus        *corpus,
              gconstpointer  data)
{
  const gchar *shared = g_getenv ("CWA_SHARED_DIR");

  corpus->loaded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) g_ptr_array_unref);
  corpus->refused = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (shared != NULL)
    corpus->dir = g_build_filename (shared, "corpus", "zlint-testdata", NULL);
}

static void
corpus_teardown (Corpus        *corpus,
                 gconstpointer  data)
{
  g_hash_table_unref (corpus->loaded);
  g_hash_table_unref (corpus->refused);
  g_free (corpus->dir);
}

/* Loads the whole folder; FALSE (and the test skipped) without it. */
static gboolean
corpus_load (Corpus *corpus)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  const gchar *name;

  if (corpus->dir == NULL || !g_file_test (corpus->dir, G_FILE_TEST_IS_DIR))
    {
      g_autofree gchar *message = g_strdup_printf ("no certificate corpus in %s (CWA_SHARED_DIR/corpus/zlint-testdata)",
                                                   corpus->dir != NULL ? corpus->dir : "(CWA_SHARED_DIR unset)");

      g_test_skip (message);
      return FALSE;
    }

  dir = g_dir_open (corpus->dir, 0, &error);
  g_assert_no_error (error);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree gchar *path = g_build_filename (corpus->dir, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GPtrArray) certificates = NULL;
      g_autoptr(GError) load_error = NULL;

      if (!g_str_has_suffix (name, ".pem"))
        continue;

      certificates = cwa_cert_loader_load_file (file, NULL, NULL, &load_error);
      if (certificates != NULL)
        {
          g_assert_cmpuint (certificates->len, >, 0);
          for (guint i = 0; i < certificates->len; i++)
            assert_sane (g_ptr_array_index (certificates, i), name);
          g_hash_table_insert (corpus->loaded, g_strdup (name), g_steal_pointer (&certificates));
        }
      else
        {
          g_assert_error (load_error, CWA_LOAD_ERROR, load_error->code);
          g_assert_nonnull (strstr (load_error->message, name));
          g_assert_true (g_utf8_validate (load_error->message, -1, NULL));
          g_hash_table_insert (corpus->refused, g_strdup (name), g_strdup (load_error->message));
        }
    }

  return TRUE;
}

static void
test_every_file (Corpus        *corpus,
                 gconstpointer  data)
{
  g_autoptr(GHashTable) reasons = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer key, value;

  if (!corpus_load (corpus))
    return;

  g_assert_cmpuint (g_hash_table_size (corpus->loaded) + g_hash_table_size (corpus->refused), >, 1000);
  g_test_message ("%u files load, %u are refused",
                  g_hash_table_size (corpus->loaded), g_hash_table_size (corpus->refused));

  g_hash_table_iter_init (&iter, corpus->refused);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_test_message ("refused: %s", (const gchar *) value);
}

static gchar *
normalize_serial (const gchar *serial)
{
  GString *out = g_string_new (NULL);

  for (const gchar *p = serial; *p != '\0'; p++)
    if (*p != ':' && !(out->len == 0 && *p == '0'))
      g_string_append_c (out, g_ascii_toupper (*p));

  return g_string_free (out, FALSE);
}

static void
test_openssl_facts (Corpus        *corpus,
                    gconstpointer  data)
{
  g_autofree gchar *path = cwa_test_data_path ("corpus-facts.tsv", NULL);
  g_autofree gchar *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  guint n_rows = 0, n_compared = 0, n_refused = 0;

  if (!corpus_load (corpus))
    return;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      GPtrArray *certificates;
      CwaCertificate *certificate;
      g_autofree gchar *ours = NULL;
      g_autofree gchar *theirs = NULL;

      if (lines[i][0] == '\0')
        continue;
      fields = g_strsplit (lines[i], "\t", -1);
      g_assert_cmpuint (g_strv_length (fields), ==, 6);
      n_rows++;

      certificates = g_hash_table_lookup (corpus->loaded, fields[0]);
      if (certificates == NULL)
        {
          /* OpenSSL reads it, GnuTLS does not: refused in words, counted. */
          g_assert_true (g_hash_table_contains (corpus->refused, fields[0]));
          n_refused++;
          continue;
        }

      certificate = g_ptr_array_index (certificates, 0);
      g_test_message ("%s", fields[0]);
      g_assert_cmpstr (cwa_certificate_get_sha256 (certificate), ==, fields[1]);

      if (fields[2][0] != '-')  /* negative serials: OpenSSL prints the magnitude */
        {
          ours = normalize_serial (cwa_certificate_get_serial (certificate));
          theirs = normalize_serial (fields[2]);
          g_assert_cmpstr (ours, ==, theirs);
        }

      if (g_strcmp0 (fields[3], "?") != 0)
        g_assert_cmpint (cwa_certificate_get_not_before (certificate), ==,
                         g_ascii_strtoll (fields[3], NULL, 10));
      if (g_strcmp0 (fields[4], "?") != 0)
        g_assert_cmpint (cwa_certificate_get_not_after (certificate), ==,
                         g_ascii_strtoll (fields[4], NULL, 10));

      if (g_strcmp0 (fields[5], "?") != 0)
        {
          g_autofree gchar *dns = g_strjoinv ("|", (gchar **) cwa_certificate_get_dns_names (certificate));
          g_assert_cmpstr (dns, ==, fields[5]);
        }

      n_compared++;
    }

  g_test_message ("%u files OpenSSL reads: %u with the same facts, %u refused", n_rows, n_compared, n_refused);
  g_assert_cmpuint (n_rows, >, 1000);
  g_assert_cmpuint (n_refused, <=, MAX_REFUSED_THAT_OPENSSL_READS);
}

/* Whether @dn holds a value printed as "#" or "\\#" and hex: what GnuTLS
 * prints for a value it does not decode.  An empty value ("#1300") keeps
 * that form, so that a certificate's display name never becomes empty. */
static gboolean
has_hex_value (const gchar *dn)
{
  for (const gchar *p = strchr (dn, '='); p != NULL; p = strchr (p + 1, '='))
    {
      const gchar *v = p + 1;

      if (*v == '\\')
        v++;
      if (*v == '#' && g_ascii_isxdigit (v[1]) && g_ascii_isxdigit (v[2]) &&
          !(strncmp (v + 3, "00", 2) == 0 && strspn (v + 5, "0123456789abcdef") == 0))
        return TRUE;
    }
  return FALSE;
}

/* Values in a string type other than the one their attribute's standard
 * asks for (GnuTLS prints the DER element as "#hex") read as OpenSSL
 * shows them (openssl x509 -nameopt RFC2253,-esc_msb), and no loaded
 * certificate's names keep a #hex text value. */
static void
test_dn_values_decoded (Corpus        *corpus,
                        gconstpointer  data)
{
  static const struct { const gchar *file; const gchar *subject; } cases[] = {
    { "subjectCWrongEncoding.pem", "C=DE" },
    { "subjectOrganizationIdentifierWrongEncoding.pem", "2.5.4.97=TeletexString" },
    { "subjectjurCWrongEncoding.pem", "jurisdictionOfIncorporationCountryName=BMPString" },
    { "subjectSerialNumberWrongEncoding.pem", "serialNumber=U" },
    { "subjectSurnameWrongEncoding.pem", "surName=IA5String" },
  };
  GHashTableIter iter;
  gpointer key, value;

  if (!corpus_load (corpus))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GPtrArray *certificates = g_hash_table_lookup (corpus->loaded, cases[i].file);

      g_assert_nonnull (certificates);
      g_assert_nonnull (strstr (cwa_certificate_get_subject (g_ptr_array_index (certificates, 0)), cases[i].subject));
    }

  g_hash_table_iter_init (&iter, corpus->loaded);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GPtrArray *certificates = value;

      for (guint i = 0; i < certificates->len; i++)
        {
          CwaCertificate *certificate = g_ptr_array_index (certificates, i);

          g_test_message ("%s: %s", (const gchar *) key, cwa_certificate_get_subject (certificate));
          g_assert_false (has_hex_value (cwa_certificate_get_subject (certificate)));
          g_assert_false (has_hex_value (cwa_certificate_get_issuer (certificate)));
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cwa/corpus/every-file", Corpus, NULL, corpus_setup, test_every_file, corpus_teardown);
  g_test_add ("/cwa/corpus/openssl-facts", Corpus, NULL, corpus_setup, test_openssl_facts, corpus_teardown);
  g_test_add ("/cwa/corpus/dn-values-decoded", Corpus, NULL, corpus_setup, test_dn_values_decoded, corpus_teardown);

  return g_test_run ();
}

/* test-cert-facts.c: the one list of certificate facts: order, sections, values and JSON, against generated certificates. */
#include <string.h>

#include <json-glib/json-glib.h>

#include "cwa-cert-facts.h"
#include "cwa-test-cert.h"

/* cli.md's certificates[] members, nested "key" written as key.member. */
static const gchar * const cli_members[] = {
  "subject", "issuer", "san", "not_before", "not_after", "serial",
  "serial_negative", "sha256",
  "sha1", "key.algorithm", "key.bits", "signature", "eku", "key_usage",
  "version", "is_ca", NULL
};

/* The inspector's rows that come from the certificate, in order. */
static const gchar * const inspector_sections[] = {
  "subject", "issuer", "serial", "validity", "san", "public-key", "signature",
  "key-usage", "eku", "basic-constraints", "fingerprints", NULL
};

typedef struct
{
  CwaCertificate *certificate;
  CwaCertificate *v1;
  CwaCertificate *ca;
} Fixture;

static void
fixture_set_up (Fixture      *fixture,
                gconstpointer data)
{
  const gchar * const dns[] = { "im.contoso.com", "as.im.contoso.com", NULL };
  CwaTestCertSpec     spec;

  cwa_test_cert_spec_init (&spec, "CN=im.contoso.com,O=Contoso");
  spec.dns_names = dns;
  spec.serial = 0x1000;
  fixture->certificate = cwa_test_cert_build (&spec);

  cwa_test_cert_spec_init (&spec, "CN=Old Root");
  spec.version = 1;
  spec.has_eku = FALSE;
  spec.has_key_usage = FALSE;
  spec.key = CWA_TEST_KEY_EC256;
  spec.serial = 7;
  fixture->v1 = cwa_test_cert_build (&spec);

  cwa_test_cert_spec_init (&spec, "CN=Contoso Root CA,O=Contoso");
  spec.is_ca = TRUE;
  fixture->ca = cwa_test_cert_build (&spec);
}

static void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer data)
{
  g_assert_finalize_object (fixture->certificate);
  g_assert_finalize_object (fixture->v1);
  g_assert_finalize_object (fixture->ca);
}

static gchar *
member_path (const CwaCertFact *fact)
{
  if (fact->json_object != NULL)
    return g_strconcat (fact->json_object, ".", fact->json_key, NULL);
  return g_strdup (fact->json_key);
}

/* The order is the contract of cli.md; every fact sits in a section the
 * inspector shows, and the sections are in the inspector's order. */
static void
test_cert_facts_order (void)
{
  guint                 n_facts = 0;
  guint                 n_sections = 0;
  const CwaCertFact    *facts = cwa_cert_facts_get (&n_facts);
  const CwaCertSection *sections = cwa_cert_sections_get (&n_sections);

  g_assert_cmpuint (n_facts, ==, g_strv_length ((gchar **) cli_members));
  for (guint i = 0; i < n_facts; i++)
    {
      g_autofree gchar *path = member_path (&facts[i]);
      gboolean          found = FALSE;

      g_assert_cmpstr (path, ==, cli_members[i]);
      g_assert_true (cwa_cert_facts_lookup (facts[i].id) == &facts[i]);
      g_assert_nonnull (facts[i].label);
      for (guint j = 0; j < n_sections; j++)
        found |= g_str_equal (sections[j].id, facts[i].section);
      g_assert_true (found);
    }

  g_assert_cmpuint (n_sections, ==, g_strv_length ((gchar **) inspector_sections));
  for (guint i = 0; i < n_sections; i++)
    g_assert_cmpstr (sections[i].id, ==, inspector_sections[i]);

  g_assert_null (cwa_cert_facts_lookup ("no-such-fact"));
}

static gchar *
colon_hex (const guint8 *data,
           gsize         length)
{
  GString *out = g_string_new (NULL);

  for (gsize i = 0; i < length; i++)
    g_string_append_printf (out, i > 0 ? ":%02X" : "%02X", data[i]);
  return g_string_free (out, FALSE);
}

/* The fingerprint computed here from the DER, not by the code under test. */
static gchar *
der_fingerprint (CwaCertificate *certificate,
                 GChecksumType   type)
{
  g_autoptr (GChecksum) checksum = g_checksum_new (type);
  GBytes               *der = cwa_certificate_get_der (certificate);
  guint8                digest[64];
  gsize                 length = sizeof digest;

  g_checksum_update (checksum, g_bytes_get_data (der, NULL), g_bytes_get_size (der));
  g_checksum_get_digest (checksum, digest, &length);
  return colon_hex (digest, length);
}

static void
assert_display (CwaCertificate *certificate,
                const gchar    *id,
                const gchar    *expected)
{
  const CwaCertFact *fact = cwa_cert_facts_lookup (id);
  g_autofree gchar  *text = NULL;

  g_assert_nonnull (fact);
  text = cwa_cert_fact_dup_display (fact, certificate);
  g_assert_cmpstr (text, ==, expected);
}

static void
test_cert_facts_values (Fixture      *fixture,
                        gconstpointer data)
{
  g_autofree gchar *sha256 = der_fingerprint (fixture->certificate, G_CHECKSUM_SHA256);
  g_autofree gchar *sha1 = der_fingerprint (fixture->certificate, G_CHECKSUM_SHA1);

  assert_display (fixture->certificate, "subject", "CN=im.contoso.com,O=Contoso");
  assert_display (fixture->certificate, "issuer", "CN=im.contoso.com,O=Contoso");
  assert_display (fixture->certificate, "san", "im.contoso.com, as.im.contoso.com");
  assert_display (fixture->certificate, "not-before", "2026-01-01T00:00:00Z");
  assert_display (fixture->certificate, "not-after", "2028-01-01T00:00:00Z");
  assert_display (fixture->certificate, "serial", "10:00");
  assert_display (fixture->certificate, "sha256", sha256);
  assert_display (fixture->certificate, "sha1", sha1);
  assert_display (fixture->certificate, "key-algorithm", "RSA");
  assert_display (fixture->certificate, "key-bits", "2048");
  assert_display (fixture->certificate, "signature", "RSA-SHA256");
  assert_display (fixture->certificate, "eku", "1.3.6.1.5.5.7.3.1");
  assert_display (fixture->certificate, "key-usage", "digitalSignature, keyEncipherment");
  assert_display (fixture->certificate, "version", "3");
  assert_display (fixture->certificate, "is-ca", "no");

  /* A v1 certificate has no extensions at all: no SAN, and no EKU or key
   * usage extension, which is not the same as an empty one. */
  assert_display (fixture->v1, "san", "(none)");
  assert_display (fixture->v1, "eku", "(no extension)");
  assert_display (fixture->v1, "key-usage", "(no extension)");
  assert_display (fixture->v1, "key-algorithm", "ECDSA");
  assert_display (fixture->v1, "key-bits", "256");
  assert_display (fixture->v1, "version", "1");

  assert_display (fixture->ca, "is-ca", "yes");
  assert_display (fixture->ca, "key-usage", "digitalSignature, keyEncipherment, keyCertSign, cRLSign");
}

/* The JSON members, in cli.md's order and with its types, read back with
 * json-glib. */
static void
test_cert_facts_json (Fixture      *fixture,
                      gconstpointer data)
{
  g_autoptr (CwaJsonWriter) writer = cwa_json_writer_new ();
  g_autoptr (JsonParser)    parser = json_parser_new ();
  g_autoptr (GError)        error = NULL;
  g_autofree gchar         *text = NULL;
  g_autofree gchar         *sha256 = der_fingerprint (fixture->certificate, G_CHECKSUM_SHA256);
  g_autoptr (GList)         members = NULL;
  JsonObject               *object;
  JsonObject               *key;
  JsonArray                *san;
  guint                     i = 0;

  cwa_json_writer_begin_object (writer);
  cwa_cert_facts_write_json (writer, fixture->certificate);
  cwa_json_writer_end_object (writer);
  text = cwa_json_writer_free_to_text (g_steal_pointer (&writer));

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  object = json_node_get_object (json_parser_get_root (parser));

  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      /* "key" stands for the two key.* entries. */
      if (g_str_equal (l->data, "key"))
        {
          g_assert_cmpstr (cli_members[i++], ==, "key.algorithm");
          g_assert_cmpstr (cli_members[i++], ==, "key.bits");
        }
      else
        {
          /* Only where it applies, and this serial is positive. */
          if (g_str_equal (cli_members[i], "serial_negative"))
            i++;
          g_assert_cmpstr (l->data, ==, cli_members[i++]);
        }
    }
  g_assert_null (cli_members[i]);

  g_assert_cmpstr (json_object_get_string_member (object, "subject"), ==, "CN=im.contoso.com,O=Contoso");
  san = json_object_get_array_member (object, "san");
  g_assert_cmpuint (json_array_get_length (san), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (san, 1), ==, "as.im.contoso.com");
  g_assert_cmpstr (json_object_get_string_member (object, "not_after"), ==, "2028-01-01T00:00:00Z");
  g_assert_cmpstr (json_object_get_string_member (object, "sha256"), ==, sha256);
  key = json_object_get_object_member (object, "key");
  g_assert_cmpstr (json_object_get_string_member (key, "algorithm"), ==, "RSA");
  g_assert_cmpint (json_object_get_int_member (key, "bits"), ==, 2048);
  g_assert_cmpint (json_object_get_int_member (object, "version"), ==, 3);
  g_assert_false (json_object_get_boolean_member (object, "is_ca"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "eku")), ==, 1);
}

/* A negative serial (RFC 5280 forbids it, real certificates have it): JSON
 * flags it with serial_negative, people read it beside the serial. */
static void
test_cert_facts_negative_serial (void)
{
  const CwaCertFact         *serial = cwa_cert_facts_lookup ("serial");
  const CwaCertFact         *negative = cwa_cert_facts_lookup ("serial-negative");
  g_autoptr (CwaCertificate) certificate = NULL;
  g_autoptr (CwaJsonWriter)  writer = cwa_json_writer_new ();
  g_autoptr (JsonParser)     parser = json_parser_new ();
  g_autoptr (GError)         error = NULL;
  g_autofree gchar          *text = NULL;
  g_autofree gchar          *display = NULL;
  CwaTestCertSpec            spec;
  JsonObject                *object;

  cwa_test_cert_spec_init (&spec, "CN=odd.contoso.com");
  spec.serial = G_GUINT64_CONSTANT (0xFFFFFFFFFFFFFF05);
  certificate = cwa_test_cert_build (&spec);

  display = cwa_cert_fact_dup_display (serial, certificate);
  g_assert_cmpstr (display, ==, "FF:05 (negative, which RFC 5280 forbids)");
  g_assert_true (cwa_cert_fact_is_shown (serial, certificate));
  g_assert_false (cwa_cert_fact_is_shown (negative, certificate));

  cwa_json_writer_begin_object (writer);
  cwa_cert_facts_write_json (writer, certificate);
  cwa_json_writer_end_object (writer);
  text = cwa_json_writer_free_to_text (g_steal_pointer (&writer));
  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  object = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (object, "serial"), ==, "FF:05");
  g_assert_true (json_object_get_boolean_member (object, "serial_negative"));

  g_assert_finalize_object (g_steal_pointer (&certificate));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cwa/cert-facts/order", test_cert_facts_order);
  g_test_add ("/cwa/cert-facts/values", Fixture, NULL,
              fixture_set_up, test_cert_facts_values, fixture_tear_down);
  g_test_add ("/cwa/cert-facts/json", Fixture, NULL,
              fixture_set_up, test_cert_facts_json, fixture_tear_down);
  g_test_add_func ("/cwa/cert-facts/negative-serial", test_cert_facts_negative_serial);

  return g_test_run ();
}

/* cwa-cert-facts.c: the facts of a certificate, their order, labels, JSON keys and sections (gcr's idea). */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cwa-cert-facts.h"

/* Getters whose certificate accessor returns another integer type: called
 * through a gint64 pointer, the accessor itself would be undefined
 * behaviour. */
static gint64
get_serial_negative (CwaCertificate *certificate)
{
  return cwa_certificate_is_serial_negative (certificate) ? 1 : 0;
}

static const gchar *
note_serial (CwaCertificate *certificate)
{
  return cwa_certificate_is_serial_negative (certificate) ? "negative, which RFC 5280 forbids" : NULL;
}

static gint64
get_key_bits (CwaCertificate *certificate)
{
  return cwa_certificate_get_key_bits (certificate);
}

static gint64
get_version (CwaCertificate *certificate)
{
  return cwa_certificate_get_version (certificate);
}

static gint64
get_is_ca (CwaCertificate *certificate)
{
  return cwa_certificate_is_ca (certificate) ? 1 : 0;
}

#define TEXT(f) CWA_CERT_FACT_TEXT, .get.text = (f)
#define LIST(f) CWA_CERT_FACT_LIST, .get.list = (f)
#define TIME(f) CWA_CERT_FACT_TIME, .get.number = (f)
#define NUMBER(f) CWA_CERT_FACT_NUMBER, .get.number = (f)
#define BOOL(f) CWA_CERT_FACT_BOOLEAN, .get.number = (f)

/* The order is cli.md's certificates[] (and so `inspect`'s); the inspector
 * shows the facts by section, in the sections' order below. */
static const CwaCertFact facts[] = {
  { "subject", "subject", NULL, "subject", N_ ("Subject"),
    TEXT (cwa_certificate_get_subject), .flags = CWA_CERT_FACT_IN_TABLE },
  { "issuer", "issuer", NULL, "issuer", N_ ("Issuer"),
    TEXT (cwa_certificate_get_issuer), .flags = CWA_CERT_FACT_IN_TABLE },
  { "san", "san", NULL, "san", N_ ("Subject alternative names"),
    LIST (cwa_certificate_get_san_strings), .flags = CWA_CERT_FACT_IN_TABLE | CWA_CERT_FACT_LITERAL },
  { "not-before", "validity", NULL, "not_before", N_ ("Valid from"),
    TIME (cwa_certificate_get_not_before), .flags = CWA_CERT_FACT_IN_TABLE },
  { "not-after", "validity", NULL, "not_after", N_ ("Valid until"),
    TIME (cwa_certificate_get_not_after), .flags = CWA_CERT_FACT_IN_TABLE },
  { "serial", "serial", NULL, "serial", N_ ("Serial number"),
    TEXT (cwa_certificate_get_serial), .flags = CWA_CERT_FACT_LITERAL, .note = note_serial },
  /* cli.md: a negative serial is flagged, only where it applies. */
  { "serial-negative", "serial", NULL, "serial_negative", N_ ("Negative serial number"),
    BOOL (get_serial_negative), .flags = CWA_CERT_FACT_OPTIONAL | CWA_CERT_FACT_JSON_ONLY },
  { "sha256", "fingerprints", NULL, "sha256", N_ ("SHA-256"),
    TEXT (cwa_certificate_get_sha256), .flags = CWA_CERT_FACT_IN_TABLE | CWA_CERT_FACT_LITERAL },
  { "sha1", "fingerprints", NULL, "sha1", N_ ("SHA-1"),
    TEXT (cwa_certificate_get_sha1), .flags = CWA_CERT_FACT_LITERAL },
  { "key-algorithm", "public-key", "key", "algorithm", N_ ("Key algorithm"),
    TEXT (cwa_certificate_get_key_algorithm), .flags = CWA_CERT_FACT_IN_TABLE },
  { "key-bits", "public-key", "key", "bits", N_ ("Key size in bits"),
    NUMBER (get_key_bits), .flags = CWA_CERT_FACT_IN_TABLE },
  { "signature", "signature", NULL, "signature", N_ ("Signature algorithm"),
    TEXT (cwa_certificate_get_signature_algorithm) },
  { "eku", "eku", NULL, "eku", N_ ("Extended key usage"),
    LIST (cwa_certificate_get_eku_oids), .flags = CWA_CERT_FACT_LITERAL, .present = cwa_certificate_has_eku },
  { "key-usage", "key-usage", NULL, "key_usage", N_ ("Key usage"),
    LIST (cwa_certificate_get_key_usage_names), .present = cwa_certificate_has_key_usage },
  { "version", "serial", NULL, "version", N_ ("Version"),
    NUMBER (get_version) },
  { "is-ca", "basic-constraints", NULL, "is_ca", N_ ("Certificate authority"),
    BOOL (get_is_ca) },
};

#undef TEXT
#undef LIST
#undef TIME
#undef NUMBER
#undef BOOL

static const CwaCertSection sections[] = {
  { "subject", N_ ("Subject") },
  { "issuer", N_ ("Issuer") },
  { "serial", N_ ("Serial number") },
  { "validity", N_ ("Validity") },
  { "san", N_ ("Subject alternative names") },
  { "public-key", N_ ("Public key") },
  { "signature", N_ ("Signature algorithm") },
  { "key-usage", N_ ("Key usage") },
  { "eku", N_ ("Extended key usage") },
  { "basic-constraints", N_ ("Basic constraints") },
  { "fingerprints", N_ ("Fingerprints") },
};

const CwaCertFact *
cwa_cert_facts_get (guint *n_facts)
{
  if (n_facts != NULL)
    *n_facts = G_N_ELEMENTS (facts);
  return facts;
}

const CwaCertSection *
cwa_cert_sections_get (guint *n_sections)
{
  if (n_sections != NULL)
    *n_sections = G_N_ELEMENTS (sections);
  return sections;
}

const CwaCertFact *
cwa_cert_facts_lookup (const gchar *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (facts); i++)
    {
      if (g_str_equal (facts[i].id, id))
        return &facts[i];
    }

  return NULL;
}

const gchar *
cwa_cert_fact_get_text (const CwaCertFact *fact,
                        CwaCertificate    *certificate)
{
  g_return_val_if_fail (fact != NULL && fact->kind == CWA_CERT_FACT_TEXT, NULL);
  g_return_val_if_fail (CWA_IS_CERTIFICATE (certificate), NULL);

  return fact->get.text (certificate);
}

const gchar * const *
cwa_cert_fact_get_list (const CwaCertFact *fact,
                        CwaCertificate    *certificate)
{
  g_return_val_if_fail (fact != NULL && fact->kind == CWA_CERT_FACT_LIST, NULL);
  g_return_val_if_fail (CWA_IS_CERTIFICATE (certificate), NULL);

  return fact->get.list (certificate);
}

gint64
cwa_cert_fact_get_number (const CwaCertFact *fact,
                          CwaCertificate    *certificate)
{
  g_return_val_if_fail (fact != NULL, 0);
  g_return_val_if_fail (fact->kind == CWA_CERT_FACT_TIME || fact->kind == CWA_CERT_FACT_NUMBER ||
                            fact->kind == CWA_CERT_FACT_BOOLEAN,
                        0);
  g_return_val_if_fail (CWA_IS_CERTIFICATE (certificate), 0);

  return fact->get.number (certificate);
}

gchar *
cwa_cert_facts_format_time (gint64 unix_utc)
{
  g_autoptr (GDateTime) time = g_date_time_new_from_unix_utc (unix_utc);

  /* Out of GDateTime's range (year 10000 and later): still say something. */
  if (time == NULL)
    return g_strdup_printf ("@%" G_GINT64_FORMAT, unix_utc);

  return g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ");
}

static gchar *
dup_value_text (const CwaCertFact *fact,
                CwaCertificate    *certificate)
{
  const gchar * const *list;

  if (fact->present != NULL && !fact->present (certificate))
    return g_strdup ("(no extension)");

  switch (fact->kind)
    {
    case CWA_CERT_FACT_TEXT:
      return g_strdup (fact->get.text (certificate));
    case CWA_CERT_FACT_LIST:
      list = fact->get.list (certificate);
      if (list == NULL || list[0] == NULL)
        return g_strdup ("(none)");
      return g_strjoinv (", ", (gchar **) list);
    case CWA_CERT_FACT_TIME:
      return cwa_cert_facts_format_time (fact->get.number (certificate));
    case CWA_CERT_FACT_NUMBER:
      return g_strdup_printf ("%" G_GINT64_FORMAT, fact->get.number (certificate));
    case CWA_CERT_FACT_BOOLEAN:
      return g_strdup (fact->get.number (certificate) ? "yes" : "no");
    default:
      g_assert_not_reached ();
    }
}

gchar *
cwa_cert_fact_dup_display (const CwaCertFact *fact,
                           CwaCertificate    *certificate)
{
  g_autofree gchar *value = NULL;
  const gchar      *note;

  g_return_val_if_fail (fact != NULL, NULL);
  g_return_val_if_fail (CWA_IS_CERTIFICATE (certificate), NULL);

  value = dup_value_text (fact, certificate);
  note = fact->note != NULL ? fact->note (certificate) : NULL;
  if (note == NULL)
    return g_steal_pointer (&value);
  return g_strdup_printf ("%s (%s)", value, note);
}

gboolean
cwa_cert_fact_is_shown (const CwaCertFact *fact,
                        CwaCertificate    *certificate)
{
  g_return_val_if_fail (fact != NULL, FALSE);
  g_return_val_if_fail (CWA_IS_CERTIFICATE (certificate), FALSE);

  if (fact->flags & CWA_CERT_FACT_JSON_ONLY)
    return FALSE;
  return !(fact->flags & CWA_CERT_FACT_OPTIONAL) || fact->get.number (certificate) != 0;
}

static void
write_json_value (CwaJsonWriter     *writer,
                  const CwaCertFact *fact,
                  CwaCertificate    *certificate)
{
  g_autofree gchar *time = NULL;

  switch (fact->kind)
    {
    case CWA_CERT_FACT_TEXT:
      cwa_json_writer_add_string (writer, fact->get.text (certificate));
      break;
    case CWA_CERT_FACT_LIST:
      cwa_json_writer_add_strv (writer, fact->get.list (certificate));
      break;
    case CWA_CERT_FACT_TIME:
      time = cwa_cert_facts_format_time (fact->get.number (certificate));
      cwa_json_writer_add_string (writer, time);
      break;
    case CWA_CERT_FACT_NUMBER:
      cwa_json_writer_add_int (writer, fact->get.number (certificate));
      break;
    case CWA_CERT_FACT_BOOLEAN:
      cwa_json_writer_add_boolean (writer, fact->get.number (certificate) != 0);
      break;
    default:
      g_assert_not_reached ();
    }
}

void
cwa_cert_facts_write_json (CwaJsonWriter  *writer,
                           CwaCertificate *certificate)
{
  const gchar *open = NULL; /* the nested object being written, if any */

  g_return_if_fail (writer != NULL);
  g_return_if_fail (CWA_IS_CERTIFICATE (certificate));

  for (guint i = 0; i < G_N_ELEMENTS (facts); i++)
    {
      const CwaCertFact *fact = &facts[i];

      if ((fact->flags & CWA_CERT_FACT_OPTIONAL) && fact->get.number (certificate) == 0)
        continue;

      /* Facts of one nested object ("key") stand next to each other. */
      if (open != NULL && g_strcmp0 (open, fact->json_object) != 0)
        {
          cwa_json_writer_end_object (writer);
          open = NULL;
        }
      if (fact->json_object != NULL && open == NULL)
        {
          cwa_json_writer_set_member_name (writer, fact->json_object);
          cwa_json_writer_begin_object (writer);
          open = fact->json_object;
        }

      cwa_json_writer_set_member_name (writer, fact->json_key);
      write_json_value (writer, fact, certificate);
    }
  if (open != NULL)
    cwa_json_writer_end_object (writer);
}

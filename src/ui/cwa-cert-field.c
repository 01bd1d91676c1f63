/* cwa-cert-field.c: one labelled fact of a certificate, a row of the inspector tree (gcr's section idea). */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "cwa-cert-facts.h"
#include "cwa-cert-field.h"

struct _CwaCertField
{
  GObject parent_instance;

  CwaCertificate *certificate;
  gchar          *id;
  gchar          *label;
  gchar          *value;
  GListModel     *children;
};

G_DEFINE_FINAL_TYPE (CwaCertField, cwa_cert_field, G_TYPE_OBJECT)

static void
cwa_cert_field_finalize (GObject *object)
{
  CwaCertField *self = CWA_CERT_FIELD (object);

  g_clear_object (&self->certificate);
  g_clear_object (&self->children);
  g_free (self->id);
  g_free (self->label);
  g_free (self->value);

  G_OBJECT_CLASS (cwa_cert_field_parent_class)->finalize (object);
}

static void
cwa_cert_field_class_init (CwaCertFieldClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cwa_cert_field_finalize;
}

static void
cwa_cert_field_init (CwaCertField *self)
{
}

CwaCertField *
cwa_cert_field_new (CwaCertificate *certificate,
                    const gchar    *id,
                    const gchar    *label,
                    const gchar    *value,
                    GListModel     *children)
{
  CwaCertField *self;

  g_return_val_if_fail (CWA_IS_CERTIFICATE (certificate), NULL);
  g_return_val_if_fail (label != NULL, NULL);

  self = g_object_new (CWA_TYPE_CERT_FIELD, NULL);
  self->certificate = g_object_ref (certificate);
  self->id = g_strdup (id);
  self->label = g_strdup (label);
  self->value = g_strdup (value != NULL ? value : "");
  self->children = children != NULL ? g_object_ref (children) : NULL;
  return self;
}

CwaCertificate *
cwa_cert_field_get_certificate (CwaCertField *self)
{
  g_return_val_if_fail (CWA_IS_CERT_FIELD (self), NULL);
  return self->certificate;
}

const gchar *
cwa_cert_field_get_id (CwaCertField *self)
{
  g_return_val_if_fail (CWA_IS_CERT_FIELD (self), NULL);
  return self->id;
}

const gchar *
cwa_cert_field_get_label (CwaCertField *self)
{
  g_return_val_if_fail (CWA_IS_CERT_FIELD (self), NULL);
  return self->label;
}

const gchar *
cwa_cert_field_get_value (CwaCertField *self)
{
  g_return_val_if_fail (CWA_IS_CERT_FIELD (self), NULL);
  return self->value;
}

GListModel *
cwa_cert_field_get_children (CwaCertField *self)
{
  g_return_val_if_fail (CWA_IS_CERT_FIELD (self), NULL);
  return self->children;
}

static void
append (GListStore     *store,
        CwaCertificate *certificate,
        const gchar    *id,
        const gchar    *label,
        const gchar    *value,
        GListModel     *children)
{
  g_autoptr (CwaCertField) field = cwa_cert_field_new (certificate, id, label, value, children);

  g_list_store_append (store, field);
}

static gchar *
format_date (gint64 unix_time)
{
  g_autoptr (GDateTime) date = g_date_time_new_from_unix_utc (unix_time);

  if (date == NULL)
    return g_strdup ("?");
  return g_date_time_format (date, "%Y-%m-%d");
}

static gchar *
format_validity (CwaCertificate *certificate,
                 CwaChecklist   *checklist)
{
  g_autofree gchar     *from = format_date (cwa_certificate_get_not_before (certificate));
  g_autofree gchar     *to = format_date (cwa_certificate_get_not_after (certificate));
  g_autoptr (GDateTime) clock = NULL;
  g_autofree gchar     *left = NULL;
  GDateTime            *now = checklist != NULL ? cwa_checklist_get_now (checklist) : NULL;
  gint64                seconds;
  gint64                days;

  if (now == NULL)
    now = clock = g_date_time_new_now_utc ();

  seconds = cwa_certificate_get_not_after (certificate) - g_date_time_to_unix (now);
  days = seconds / (24 * 60 * 60);
  if (g_date_time_to_unix (now) < cwa_certificate_get_not_before (certificate))
    left = g_strdup (_ ("not yet valid"));
  else if (seconds < 0)
    left = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "expired %d day ago",
                                         "expired %d days ago", (gulong) -days),
                            (gint) -days);
  else
    left = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day left",
                                         "%d days left", (gulong) days),
                            (gint) days);

  /* Translators: validity period: "from – to (N days left)" */
  return g_strdup_printf (_ ("%s – %s (%s)"), from, to, left);
}

static const gchar *
eku_name (const gchar *oid)
{
  static const struct
  {
    const gchar *oid;
    const gchar *name;
  } known[] = {
    { "1.3.6.1.5.5.7.3.1", "serverAuth" },
    { "1.3.6.1.5.5.7.3.2", "clientAuth" },
    { "1.3.6.1.5.5.7.3.3", "codeSigning" },
    { "1.3.6.1.5.5.7.3.4", "emailProtection" },
    { "1.3.6.1.5.5.7.3.8", "timeStamping" },
    { "1.3.6.1.5.5.7.3.9", "OCSPSigning" },
    { "2.5.29.37.0", "anyExtendedKeyUsage" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    if (g_str_equal (oid, known[i].oid))
      return known[i].name;
  return NULL;
}

static gchar *
format_eku (CwaCertificate *certificate)
{
  const gchar * const *oids;
  g_autoptr (GString)  text = g_string_new (NULL);

  if (!cwa_certificate_has_eku (certificate))
    return g_strdup (_ ("Not present (any purpose)"));

  oids = cwa_certificate_get_eku_oids (certificate);
  for (guint i = 0; oids != NULL && oids[i] != NULL; i++)
    {
      const gchar *name = eku_name (oids[i]);

      if (text->len > 0)
        g_string_append (text, ", ");
      if (name != NULL)
        g_string_append_printf (text, "%s (%s)", name, oids[i]);
      else
        g_string_append (text, oids[i]);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gchar *
format_basic_constraints (CwaCertificate *certificate)
{
  if (!cwa_certificate_has_basic_constraints (certificate))
    return g_strdup (_ ("Not present"));
  if (!cwa_certificate_is_ca (certificate))
    return g_strdup (_ ("Not a certificate authority"));
  if (cwa_certificate_get_path_len (certificate) < 0)
    return g_strdup (_ ("Certificate authority"));
  return g_strdup_printf (_ ("Certificate authority, path length %d"),
                          cwa_certificate_get_path_len (certificate));
}

static GListModel *
chain_children (CwaCertificate *certificate,
                CwaChecklist   *checklist,
                gchar         **summary)
{
  GListStore           *store = g_list_store_new (CWA_TYPE_CERT_FIELD);
  const CwaChainResult *chain = NULL;

  if (checklist != NULL)
    chain = cwa_checklist_get_chain (checklist, certificate);

  if (chain == NULL)
    {
      *summary = g_strdup (_ ("Not checked yet"));
      return G_LIST_MODEL (store);
    }

  if (chain->trusted && chain->public_root)
    *summary = g_strdup (_ ("Trusted, ends at a public root"));
  else if (chain->trusted)
    *summary = g_strdup (_ ("Trusted, ends at a root loaded into the plan"));
  else
    *summary = g_strdup_printf (_ ("Not trusted: %s"),
                                chain->problem != NULL ? chain->problem : _ ("no trusted root found"));

  for (guint i = 0; chain->chain != NULL && i < chain->chain->len; i++)
    {
      CwaCertificate *link = g_ptr_array_index (chain->chain, i);

      append (store, certificate, "chain",
              cwa_certificate_get_display_name (link),
              cwa_certificate_get_subject (link), NULL);
    }
  return G_LIST_MODEL (store);
}

static gchar *
format_key (CwaCertificate *certificate)
{
  /* Translators: public key: algorithm and size, e.g. "RSA, 2048 bits" */
  return g_strdup_printf (_ ("%s, %u bits"), cwa_certificate_get_key_algorithm (certificate),
                          cwa_certificate_get_key_bits (certificate));
}

static gchar *
format_key_usage (CwaCertificate *certificate)
{
  if (!cwa_certificate_has_key_usage (certificate))
    return g_strdup (_ ("Not present (any usage)"));
  return g_strjoinv (", ", (gchar **) cwa_certificate_get_key_usage_names (certificate));
}

static gchar *
format_count (guint n_names)
{
  if (n_names == 0)
    return g_strdup (_ ("None"));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u name", "%u names", n_names), n_names);
}

/* A fact's value as the window shows it. */
static gchar *
format_fact (const CwaCertFact *fact,
             CwaCertificate    *certificate)
{
  if (fact->kind == CWA_CERT_FACT_BOOLEAN)
    return g_strdup (cwa_cert_fact_get_number (fact, certificate) ? _ ("Yes") : _ ("No"));
  return cwa_cert_fact_dup_display (fact, certificate);
}

/* The rows under a section: one per fact of cwa-cert-facts.c in it, a list
 * fact one row per entry.  NULL when the section is a single plain fact,
 * which its own row already shows. */
static GListModel *
section_children (CwaCertificate       *certificate,
                  const CwaCertSection *section,
                  const CwaCertFact   **first)
{
  g_autoptr (GListStore) store = g_list_store_new (CWA_TYPE_CERT_FIELD);
  guint                  n_facts = 0;
  const CwaCertFact     *facts = cwa_cert_facts_get (&n_facts);
  guint                  n_in_section = 0;
  gboolean               has_list = FALSE;

  *first = NULL;
  for (guint i = 0; i < n_facts; i++)
    {
      const CwaCertFact *fact = &facts[i];

      if (!g_str_equal (fact->section, section->id) || !cwa_cert_fact_is_shown (fact, certificate))
        continue;
      if (*first == NULL)
        *first = fact;
      n_in_section++;

      if (fact->kind == CWA_CERT_FACT_LIST)
        {
          const gchar * const *entries = cwa_cert_fact_get_list (fact, certificate);

          has_list = TRUE;
          for (guint j = 0; entries != NULL && entries[j] != NULL; j++)
            append (store, certificate, section->id, entries[j], NULL, NULL);
        }
      else
        {
          g_autofree gchar *value = format_fact (fact, certificate);

          append (store, certificate, section->id, _ (fact->label), value, NULL);
        }
    }

  if ((n_in_section <= 1 && !has_list) || g_list_model_get_n_items (G_LIST_MODEL (store)) == 0)
    return NULL;
  return G_LIST_MODEL (g_steal_pointer (&store));
}

/* What a section's own row says: a summary where the facts under it need
 * one, else its first fact. */
static gchar *
section_summary (CwaCertificate       *certificate,
                 CwaChecklist         *checklist,
                 const CwaCertSection *section,
                 const CwaCertFact    *first,
                 GListModel           *children)
{
  if (g_str_equal (section->id, "validity"))
    return format_validity (certificate, checklist);
  if (g_str_equal (section->id, "san"))
    return format_count (children != NULL ? g_list_model_get_n_items (children) : 0);
  if (g_str_equal (section->id, "public-key"))
    return format_key (certificate);
  if (g_str_equal (section->id, "key-usage"))
    return format_key_usage (certificate);
  if (g_str_equal (section->id, "eku"))
    return format_eku (certificate);
  if (g_str_equal (section->id, "basic-constraints"))
    return format_basic_constraints (certificate);
  return first != NULL ? format_fact (first, certificate) : NULL;
}

static gchar *
format_source (CwaCertificate *certificate)
{
  if (cwa_certificate_get_source (certificate) == NULL)
    return g_strdup (_ ("Pasted"));
  if (cwa_certificate_had_private_key (certificate))
    /* Translators: the file a certificate came from, which also held its (discarded) key */
    return g_strdup_printf (_ ("%s (held a private key, not kept)"), cwa_certificate_get_source (certificate));
  return g_strdup (cwa_certificate_get_source (certificate));
}

GListModel *
cwa_cert_fields_for_certificate (CwaCertificate *certificate,
                                 CwaChecklist   *checklist)
{
  g_autoptr (GListStore) store = NULL;
  g_autoptr (GListModel) chain = NULL;
  g_autofree gchar      *chain_summary = NULL;
  g_autofree gchar      *source = NULL;
  guint                  n_sections = 0;
  const CwaCertSection  *sections = cwa_cert_sections_get (&n_sections);

  g_return_val_if_fail (CWA_IS_CERTIFICATE (certificate), NULL);

  store = g_list_store_new (CWA_TYPE_CERT_FIELD);
  for (guint i = 0; i < n_sections; i++)
    {
      const CwaCertFact     *first = NULL;
      g_autoptr (GListModel) children = section_children (certificate, &sections[i], &first);
      g_autofree gchar      *summary = section_summary (certificate, checklist, &sections[i], first, children);

      append (store, certificate, sections[i].id, _ (sections[i].label), summary, children);
    }

  /* Where it came from and how it chains: the plan's view, not the DER's. */
  source = format_source (certificate);
  chain = chain_children (certificate, checklist, &chain_summary);
  append (store, certificate, "source", _ ("Source file"), source, NULL);
  append (store, certificate, "chain", _ ("Chain"), chain_summary,
          g_list_model_get_n_items (chain) > 0 ? chain : NULL);

  return G_LIST_MODEL (g_steal_pointer (&store));
}

const gchar *
cwa_cert_field_id_for_rule (const gchar *rule_id)
{
  static const struct
  {
    const gchar *needle;
    const gchar *field;
  } map[] = {
    { "san-", "san" },
    { "no-wildcard", "san" },
    { "subject", "subject" },
    { "validity", "validity" },
    { "expiring", "validity" },
    { "eku", "eku" },
    { "key-usage", "key-usage" },
    { "weak-key", "public-key" },
    { "weak-signature", "signature" },
    { "chain", "chain" },
    { "public-ca", "chain" },
    { "version", "serial" },
  };

  if (rule_id == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    if (strstr (rule_id, map[i].needle) != NULL)
      return map[i].field;
  return NULL;
}

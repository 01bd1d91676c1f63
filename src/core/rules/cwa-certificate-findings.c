/* cwa-certificate-findings.c: the certificate-scope findings of one certificate, kept with what they were made from. */
#include "config.h"

#include "cwa-certificate-findings.h"

/* A run re-made some 1,000 certificate findings of a 60-virtual-server
 * plan each time, though a certificate never changes: what they depend on
 * is compared instead.  Findings are immutable, so the same objects are
 * handed out again, and the checklist sees them equal at once. */
typedef struct
{
  CwaCertificateInputs inputs;   /* references and a copy of the name */
  GPtrArray           *findings;
} Kept;

static void
kept_free (Kept *kept)
{
  g_clear_object (&kept->inputs.certificate);
  g_clear_pointer ((gchar **) &kept->inputs.name, g_free);
  g_clear_object (&kept->inputs.server);
  g_clear_object (&kept->inputs.virtual_server);
  g_clear_object (&kept->inputs.load_balancer);
  g_clear_object (&kept->inputs.publishing_rule);
  g_clear_object (&kept->inputs.reverse_proxy);
  g_clear_pointer (&kept->inputs.chains, g_hash_table_unref);
  g_clear_pointer (&kept->findings, g_ptr_array_unref);
  g_free (kept);
}

GHashTable *
cwa_certificate_findings_new_cache (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) kept_free);
}

/* Objects are compared by identity: the kept entry holds references, so an
 * address cannot be reused by another object while it is kept. */
static gboolean
inputs_equal (const CwaCertificateInputs *a,
              const CwaCertificateInputs *b)
{
  return a->certificate == b->certificate &&
         g_strcmp0 (a->name, b->name) == 0 &&
         a->server == b->server &&
         a->virtual_server == b->virtual_server &&
         a->load_balancer == b->load_balancer &&
         a->publishing_rule == b->publishing_rule &&
         a->reverse_proxy == b->reverse_proxy &&
         a->chains == b->chains &&
         a->now == b->now &&
         a->expiry_warning_days == b->expiry_warning_days;
}

GPtrArray *
cwa_certificate_findings_lookup (GHashTable                 *cache,
                                 const CwaCertificateInputs *inputs)
{
  Kept *kept;

  g_return_val_if_fail (cache != NULL, NULL);
  g_return_val_if_fail (inputs != NULL, NULL);

  kept = g_hash_table_lookup (cache, cwa_certificate_get_sha256 (inputs->certificate));
  if (kept == NULL || !inputs_equal (&kept->inputs, inputs))
    return NULL;

  return kept->findings;
}

static gpointer
ref_or_null (gpointer object)
{
  return object != NULL ? g_object_ref (object) : NULL;
}

void
cwa_certificate_findings_store (GHashTable                 *cache,
                                const CwaCertificateInputs *inputs,
                                GPtrArray                  *findings,
                                guint                       first)
{
  Kept *kept;

  g_return_if_fail (cache != NULL);
  g_return_if_fail (inputs != NULL);
  g_return_if_fail (findings != NULL && first <= findings->len);

  kept = g_new0 (Kept, 1);
  kept->inputs = *inputs;
  kept->inputs.certificate = g_object_ref (inputs->certificate);
  kept->inputs.name = g_strdup (inputs->name);
  kept->inputs.server = ref_or_null (inputs->server);
  kept->inputs.virtual_server = ref_or_null (inputs->virtual_server);
  kept->inputs.load_balancer = ref_or_null (inputs->load_balancer);
  kept->inputs.publishing_rule = ref_or_null (inputs->publishing_rule);
  kept->inputs.reverse_proxy = ref_or_null (inputs->reverse_proxy);
  kept->inputs.chains = inputs->chains != NULL ? g_hash_table_ref (inputs->chains) : NULL;
  kept->findings = g_ptr_array_new_full (findings->len - first, g_object_unref);
  for (guint i = first; i < findings->len; i++)
    g_ptr_array_add (kept->findings, g_object_ref (g_ptr_array_index (findings, i)));

  g_hash_table_replace (cache, g_strdup (cwa_certificate_get_sha256 (inputs->certificate)), kept);
}

/* cwa-subject-findings.c: the findings of one server, load balancer, publishing rule or deployment, kept with what they were made from. */
#include "config.h"

#include "cwa-subject-findings.h"

/* A run re-made some 800 findings of a 60-virtual-server plan each time,
 * most about subjects nothing had changed in since the last run.  What
 * they depend on is compared instead (cwa-subject-findings.h says what);
 * findings are immutable, so the same objects are handed out again and
 * the checklist sees them equal at once. */
typedef struct
{
  CwaSubjectInputs inputs;     /* references */
  GPtrArray       *segments;
} Kept;

static void
kept_free (Kept *kept)
{
  g_clear_object (&kept->inputs.subject);
  g_clear_pointer (&kept->inputs.chains, g_hash_table_unref);
  g_clear_pointer (&kept->segments, g_ptr_array_unref);
  g_free (kept);
}

GHashTable *
cwa_subject_findings_new_cache (void)
{
  return g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) kept_free);
}

/* The subject is the table's key; the kept entry holds a reference to it
 * and to the chain cache, so neither address can be reused meanwhile. */
static gboolean
inputs_equal (const CwaSubjectInputs *a,
              const CwaSubjectInputs *b)
{
  return a->subject == b->subject &&
         a->local == b->local &&
         a->servers == b->servers &&
         a->front_ends == b->front_ends &&
         a->names == b->names &&
         a->chains == b->chains &&
         a->translated == b->translated;
}

GPtrArray *
cwa_subject_findings_lookup (GHashTable             *cache,
                             const CwaSubjectInputs *inputs)
{
  Kept *kept;

  g_return_val_if_fail (cache != NULL, NULL);
  g_return_val_if_fail (inputs != NULL, NULL);

  kept = g_hash_table_lookup (cache, inputs->subject);
  if (kept == NULL || !inputs_equal (&kept->inputs, inputs))
    return NULL;

  return kept->segments;
}

void
cwa_subject_findings_store (GHashTable             *cache,
                            const CwaSubjectInputs *inputs,
                            GPtrArray              *segments)
{
  Kept *kept;

  g_return_if_fail (cache != NULL);
  g_return_if_fail (inputs != NULL && G_IS_OBJECT (inputs->subject));
  g_return_if_fail (segments != NULL);

  kept = g_new0 (Kept, 1);
  kept->inputs = *inputs;
  kept->inputs.subject = g_object_ref (inputs->subject);
  kept->inputs.chains = inputs->chains != NULL ? g_hash_table_ref (inputs->chains) : NULL;
  kept->segments = g_ptr_array_ref (segments);

  g_hash_table_replace (cache, kept->inputs.subject, kept);
}

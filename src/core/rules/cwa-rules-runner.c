/* cwa-rules-runner.c: runs the catalogue over a plan, subject by subject, in report order. */
#include "config.h"

#include "cwa-certificate-findings.h"
#include "cwa-deployment-private.h"
#include "cwa-plan-private.h"
#include "cwa-rule-text.h"
#include "cwa-rules-runner.h"
#include "cwa-subject-findings.h"

static void
run_scope (CwaRuleContext *context,
           CwaScope        scope,
           gpointer        subject,
           GPtrArray      *findings)
{
  const CwaRule * const *catalogue = cwa_rules_get_catalogue (NULL);
  gboolean outer = cwa_rule_text_set_translated (context->translated);

  for (guint i = 0; catalogue[i] != NULL; i++)
    {
      if (catalogue[i]->scope == scope)
        catalogue[i]->check (catalogue[i], context, subject, findings);
    }
  cwa_rule_text_set_translated (outer);
}

/* One pass of the catalogue over a plan, in steps: the subjects of one
 * step are a whole server (with its virtual servers), one load balancer or
 * one publishing rule, so a caller can yield to the main loop between
 * steps and drop a run whose plan changed meanwhile. */
typedef enum
{
  PHASE_DEPLOYMENT,
  PHASE_SERVERS,
  PHASE_LOAD_BALANCERS,
  PHASE_PUBLISHING_RULES,
  PHASE_LIVE,
  PHASE_DONE,
} Phase;

struct _CwaRulesRun
{
  CwaRuleContext *context;
  GPtrArray      *probe_results;
  /* SHA-256 (borrowed from the value) -> CwaCertificate (owned): a
   * certificate is checked where it is first seen.  Owned so a key stays
   * valid if the plan drops the certificate between two steps. */
  GHashTable     *seen;
  /* The other subjects checked so far (borrowed: the plan holds them
   * while the run lasts), so that what is kept for gone ones is dropped. */
  GHashTable     *seen_subjects;
  GPtrArray      *publishing_rules;
  Phase           phase;
  guint           index;
};

/* Certificate-scope rules run once per certificate, where it is first seen:
 * @server, and @virtual_server for an SSL certificate; @lb or @rule when a
 * front end holds it (the findings are then tagged with it).  Findings
 * made earlier from the same inputs are reused. */
static void
run_certificate (CwaRulesRun       *run,
                 CwaCertificate    *certificate,
                 CwaServer         *server,
                 CwaVirtualServer  *virtual_server,
                 CwaLoadBalancer   *lb,
                 CwaPublishingRule *rule,
                 GPtrArray         *findings)
{
  CwaRuleContext *context = run->context;
  CwaCertificateInputs inputs;
  GPtrArray *kept;
  const gchar *sha256;
  guint first = findings->len;

  if (certificate == NULL)
    return;

  sha256 = cwa_certificate_get_sha256 (certificate);
  if (g_hash_table_contains (run->seen, sha256))
    return;
  g_hash_table_insert (run->seen, (gpointer) sha256, g_object_ref (certificate));

  inputs = (CwaCertificateInputs) {
    certificate, cwa_rule_certificate_name (certificate), server, virtual_server, lb, rule,
    rule != NULL ? cwa_publishing_rule_get_reverse_proxy (rule) : NULL,
    context->chains, context->now, context->expiry_warning_days,
  };
  kept = cwa_certificate_findings_lookup (context->certificate_findings, &inputs);
  if (kept != NULL)
    {
      for (guint i = 0; i < kept->len; i++)
        g_ptr_array_add (findings, g_object_ref (g_ptr_array_index (kept, i)));
      return;
    }

  context->certificate_server = server;
  context->certificate_virtual_server = virtual_server;
  run_scope (context, CWA_SCOPE_CERTIFICATE, certificate, findings);
  context->certificate_server = NULL;
  context->certificate_virtual_server = NULL;
  cwa_certificate_findings_store (context->certificate_findings, &inputs, findings, first);
}

/* Removes from @cache every entry whose key is not in @seen. */
static void
forget_keys_not_in (GHashTable *cache,
                    GHashTable *seen)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, cache);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      if (!g_hash_table_contains (seen, key))
        g_hash_table_iter_remove (&iter);
    }
}

/* Drops what was kept for certificates and subjects this complete run
 * did not check (no longer assigned, or gone), so the caches hold no
 * removed object. */
static void
forget_unseen (CwaRulesRun *run)
{
  forget_keys_not_in (run->context->certificate_findings, run->seen);
  if (run->context->subject_findings != NULL)
    forget_keys_not_in (run->context->subject_findings, run->seen_subjects);
}

/* What the findings of @subject depend on (cwa-subject-findings.h): a
 * server's read it and its virtual servers, and the front ends; the
 * others' read any server. */
static CwaSubjectInputs
subject_inputs (CwaRulesRun *run,
                GObject     *subject)
{
  CwaRuleContext *context = run->context;
  CwaDeployment *deployment = cwa_plan_get_deployment (context->plan);
  CwaSubjectInputs inputs = {
    subject, 0, 0,
    _cwa_deployment_get_front_ends_stamp (deployment),
    _cwa_plan_get_names_stamp (context->plan),
    context->chains, context->translated,
  };

  if (CWA_IS_SERVER (subject))
    inputs.local = _cwa_deployment_get_server_stamp (deployment, CWA_SERVER (subject));
  else
    inputs.servers = _cwa_deployment_get_servers_stamp (deployment);

  return inputs;
}

/* The findings kept for @subject's scopes, or NULL when the rules must run
 * (then the caller fills a new segment list and stores it). */
static GPtrArray *
lookup_subject (CwaRulesRun            *run,
                const CwaSubjectInputs *inputs)
{
  g_hash_table_add (run->seen_subjects, inputs->subject);
  if (run->context->subject_findings == NULL)
    return NULL;

  return cwa_subject_findings_lookup (run->context->subject_findings, inputs);
}

static void
store_subject (CwaRulesRun            *run,
               const CwaSubjectInputs *inputs,
               GPtrArray              *segments)
{
  if (run->context->subject_findings != NULL)
    cwa_subject_findings_store (run->context->subject_findings, inputs, segments);
}

/* The findings of the rules of @scope for @subject: the @index-th segment
 * of @kept when there is one, else made now and added to @made. */
static void
run_segment (CwaRulesRun *run,
             CwaScope     scope,
             gpointer     subject,
             GPtrArray   *kept,
             guint        index,
             GPtrArray   *made,
             GPtrArray   *findings)
{
  GPtrArray *segment;
  guint first = findings->len;

  if (kept != NULL)
    {
      segment = g_ptr_array_index (kept, index);
      for (guint i = 0; i < segment->len; i++)
        g_ptr_array_add (findings, g_object_ref (g_ptr_array_index (segment, i)));
      return;
    }

  run_scope (run->context, scope, subject, findings);
  segment = g_ptr_array_new_full (findings->len - first, g_object_unref);
  for (guint i = first; i < findings->len; i++)
    g_ptr_array_add (segment, g_object_ref (g_ptr_array_index (findings, i)));
  g_ptr_array_add (made, segment);
}

/* Marks the findings from @first on as being about @lb or @rule. */
static void
tag_front_end (GPtrArray         *findings,
               guint              first,
               CwaLoadBalancer   *lb,
               CwaPublishingRule *rule)
{
  for (guint i = first; i < findings->len; i++)
    _cwa_finding_set_front_end (g_ptr_array_index (findings, i), lb, rule);
}

static GPtrArray *
new_segments (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
}

/* The findings of a subject checked by the rules of one scope (a load
 * balancer, a publishing rule, the plan for the deployment), kept as one
 * segment. */
static void
run_one_scope (CwaRulesRun *run,
               CwaScope     scope,
               GObject     *subject,
               GPtrArray   *findings)
{
  CwaSubjectInputs inputs = subject_inputs (run, subject);
  GPtrArray *kept = lookup_subject (run, &inputs);
  g_autoptr(GPtrArray) made = kept == NULL ? new_segments () : NULL;

  run_segment (run, scope, subject, kept, 0, made, findings);
  if (made != NULL)
    store_subject (run, &inputs, made);
}

/* A server's own findings, then each virtual server's, kept as one entry;
 * the certificate findings between them come from their own cache, since
 * where a certificate is first seen depends on the servers before. */
static void
run_server (CwaRulesRun *run,
            CwaServer   *server,
            GPtrArray   *findings)
{
  GListModel *list = cwa_server_get_virtual_servers (server);
  guint n = g_list_model_get_n_items (list);
  CwaSubjectInputs inputs = subject_inputs (run, G_OBJECT (server));
  GPtrArray *kept = lookup_subject (run, &inputs);
  g_autoptr(GPtrArray) made = kept == NULL ? new_segments () : NULL;

  run_segment (run, CWA_SCOPE_SERVER, server, kept, 0, made, findings);
  run_certificate (run, cwa_server_get_mtls_certificate (server), server, NULL, NULL, NULL, findings);

  for (guint j = 0; j < n; j++)
    {
      g_autoptr(CwaVirtualServer) vs = g_list_model_get_item (list, j);

      run_segment (run, CWA_SCOPE_VIRTUAL_SERVER, vs, kept, 1 + j, made, findings);
      run_certificate (run, cwa_virtual_server_get_ssl_certificate (vs), server, vs, NULL, NULL, findings);
    }

  if (made != NULL)
    store_subject (run, &inputs, made);
}

/* A load balancer's certificate counts only while it offloads SSL. */
static void
run_load_balancer (CwaRulesRun     *run,
                   CwaLoadBalancer *lb,
                   GPtrArray       *findings)
{
  guint first = findings->len;

  run_one_scope (run, CWA_SCOPE_LOAD_BALANCER, G_OBJECT (lb), findings);
  if (cwa_load_balancer_get_ssl_offload (lb))
    run_certificate (run, cwa_load_balancer_get_ssl_certificate (lb), NULL, NULL, lb, NULL, findings);
  tag_front_end (findings, first, lb, NULL);
}

static void
run_publishing_rule (CwaRulesRun       *run,
                     CwaPublishingRule *rule,
                     GPtrArray         *findings)
{
  guint first = findings->len;

  run_one_scope (run, CWA_SCOPE_REVERSE_PROXY, G_OBJECT (rule), findings);
  run_certificate (run, cwa_publishing_rule_get_listener_certificate (rule), NULL, NULL, NULL, rule, findings);
  tag_front_end (findings, first, NULL, rule);
}

/* The @index-th item of @model, or NULL past its end (then the phase is
 * over). */
static gpointer
dup_item (GListModel *model,
          guint       index)
{
  return index < g_list_model_get_n_items (model) ? g_list_model_get_item (model, index) : NULL;
}

CwaRulesRun *
cwa_rules_run_new (CwaRuleContext *context,
                   GPtrArray      *probe_results)
{
  CwaRulesRun *run;

  g_return_val_if_fail (context != NULL, NULL);

  run = g_new0 (CwaRulesRun, 1);
  run->context = context;
  run->probe_results = probe_results != NULL ? g_ptr_array_ref (probe_results) : NULL;
  run->seen = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  run->seen_subjects = g_hash_table_new (NULL, NULL);
  run->phase = PHASE_DEPLOYMENT;

  return run;
}

void
cwa_rules_run_free (CwaRulesRun *run)
{
  if (run == NULL)
    return;

  g_clear_pointer (&run->probe_results, g_ptr_array_unref);
  g_clear_pointer (&run->seen, g_hash_table_unref);
  g_clear_pointer (&run->seen_subjects, g_hash_table_unref);
  g_clear_pointer (&run->publishing_rules, g_ptr_array_unref);
  g_free (run);
}

static void
next_phase (CwaRulesRun *run)
{
  run->phase++;
  run->index = 0;
}

gboolean
cwa_rules_run_step (CwaRulesRun *run,
                    GPtrArray   *findings)
{
  CwaDeployment *deployment;

  g_return_val_if_fail (run != NULL, TRUE);
  g_return_val_if_fail (findings != NULL, TRUE);

  deployment = cwa_plan_get_deployment (run->context->plan);
  switch (run->phase)
    {
    case PHASE_DEPLOYMENT:
      run_one_scope (run, CWA_SCOPE_DEPLOYMENT, G_OBJECT (run->context->plan), findings);
      next_phase (run);
      break;

    case PHASE_SERVERS:
      {
        g_autoptr(CwaServer) server = dup_item (cwa_deployment_get_servers (deployment), run->index++);

        if (server != NULL)
          run_server (run, server, findings);
        else
          next_phase (run);
      }
      break;

    case PHASE_LOAD_BALANCERS:
      {
        g_autoptr(CwaLoadBalancer) lb = dup_item (cwa_deployment_get_load_balancers (deployment), run->index++);

        if (lb != NULL)
          run_load_balancer (run, lb, findings);
        else
          next_phase (run);
      }
      break;

    case PHASE_PUBLISHING_RULES:
      if (run->publishing_rules == NULL)
        run->publishing_rules = cwa_deployment_dup_publishing_rules (deployment);
      if (run->index < run->publishing_rules->len)
        run_publishing_rule (run, g_ptr_array_index (run->publishing_rules, run->index++), findings);
      else
        next_phase (run);
      break;

    case PHASE_LIVE:
      if (run->probe_results != NULL)
        cwa_rules_run_live (run->context, run->probe_results, findings);
      forget_unseen (run);
      next_phase (run);
      break;

    case PHASE_DONE:
    default:
      break;
    }

  return run->phase == PHASE_DONE;
}

void
cwa_rules_run (CwaRuleContext *context,
               GPtrArray      *findings)
{
  g_autoptr(CwaRulesRun) run = NULL;

  g_return_if_fail (context != NULL);
  g_return_if_fail (findings != NULL);

  run = cwa_rules_run_new (context, NULL);
  while (!cwa_rules_run_step (run, findings))
    ;
}

void
cwa_rules_run_live (CwaRuleContext *context,
                    GPtrArray      *results,
                    GPtrArray      *findings)
{
  g_return_if_fail (context != NULL);
  g_return_if_fail (results != NULL);
  g_return_if_fail (findings != NULL);

  for (guint i = 0; i < results->len; i++)
    run_scope (context, CWA_SCOPE_ENDPOINT, g_ptr_array_index (results, i), findings);
}

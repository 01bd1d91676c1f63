/* live.c: rules about what probe observed: the served chain and the DNS answers against the plan (source LIVE). */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cwa-names.h"
#include "cwa-probe-result.h"
#include "cwa-rule-context.h"
#include "cwa-rules-private.h"

#define LIVE_SOURCE "LIVE"

/* Appends a live.* finding about @result's endpoint. */
static void G_GNUC_PRINTF (7, 8)
add_live_finding (GPtrArray           *findings,
                  const CwaRule       *rule,
                  CwaProbeResult      *result,
                  CwaStatus            status,
                  CwaCertificate      *certificate,
                  const gchar         *expected,
                  const gchar         *format,
                  ...)
{
  CwaEndpoint *endpoint = cwa_probe_result_get_endpoint (result);
  g_autofree gchar *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (findings,
                   cwa_finding_new_for_endpoint (rule, status, cwa_endpoint_get_name (endpoint),
                                                 cwa_probe_result_get_address (result),
                                                 cwa_endpoint_get_server (endpoint),
                                                 cwa_endpoint_get_virtual_server (endpoint),
                                                 certificate, expected, NULL, message));
}

/* The same, with the names found in the served certificate. */
static void
add_names_finding (GPtrArray      *findings,
                   const CwaRule  *rule,
                   CwaProbeResult *result,
                   CwaStatus       status,
                   CwaCertificate *certificate,
                   const gchar    *expected,
                   GStrv           found,
                   const gchar    *message)
{
  CwaEndpoint *endpoint = cwa_probe_result_get_endpoint (result);

  g_ptr_array_add (findings,
                   cwa_finding_new_for_endpoint (rule, status, cwa_endpoint_get_name (endpoint),
                                                 cwa_probe_result_get_address (result),
                                                 cwa_endpoint_get_server (endpoint),
                                                 cwa_endpoint_get_virtual_server (endpoint),
                                                 certificate, expected,
                                                 (const gchar * const *) found, message));
}

/* The plan's own certificate with the served leaf's SHA-256, or NULL: a
 * finding names a plan certificate, never a served copy. */
static CwaCertificate *
find_plan_certificate (CwaRuleContext *context,
                       CwaCertificate *served)
{
  for (guint i = 0; i < context->pool->len; i++)
    {
      CwaCertificate *certificate = g_ptr_array_index (context->pool, i);

      if (cwa_rule_certificate_same (certificate, served))
        return certificate;
    }

  return NULL;
}

static void
check_reachable (const CwaRule  *rule,
                 CwaRuleContext *context,
                 gpointer        subject,
                 GPtrArray      *findings)
{
  CwaProbeResult *result = subject;
  const gchar *name = cwa_endpoint_get_name (cwa_probe_result_get_endpoint (result));
  const gchar *address = cwa_probe_result_get_address (result);
  const gchar *reason = cwa_probe_result_get_error (result);

  if (reason == NULL || reason[0] == '\0')
    reason = R_ ("no TLS handshake");
  if (cwa_probe_result_get_leaf (result) != NULL)
    add_live_finding (findings, rule, result, CWA_STATUS_PASS, NULL, NULL,
                      R_ ("%s (%s) completed a TLS handshake."), name, address);
  else
    {
      /* A reason that ends a sentence itself ("is this a TLS service?")
       * gets no full stop after it. */
      const gchar *stop = strchr (".?!", reason[strlen (reason) - 1]) != NULL ? "" : ".";

      if (address != NULL)
        add_live_finding (findings, rule, result, CWA_STATUS_FAIL, NULL, NULL,
                          "%s (%s): %s%s", name, address, reason, stop);
      else
        add_live_finding (findings, rule, result, CWA_STATUS_FAIL, NULL, NULL,
                          "%s: %s%s", name, reason, stop);
    }
}

const CwaRule cwa_rule_live_reachable = {
  "live.reachable", CWA_LEVEL_ERROR, CWA_SCOPE_ENDPOINT, LIVE_SOURCE,
  N_ ("A TLS handshake with the endpoint completes within the timeout."),
  check_reachable,
};

static void
check_serves_planned_cert (const CwaRule  *rule,
                           CwaRuleContext *context,
                           gpointer        subject,
                           GPtrArray      *findings)
{
  CwaProbeResult *result = subject;
  CwaEndpoint *endpoint = cwa_probe_result_get_endpoint (result);
  CwaCertificate *leaf = cwa_probe_result_get_leaf (result);
  GPtrArray *planned = cwa_endpoint_get_planned (endpoint);
  CwaCertificate *known;
  g_autofree gchar *planned_ids = NULL;
  g_autofree gchar *served = NULL;

  if (leaf == NULL)
    return;

  known = find_plan_certificate (context, leaf);
  for (guint i = 0; i < planned->len; i++)
    {
      if (cwa_rule_certificate_same (g_ptr_array_index (planned, i), leaf))
        {
          add_live_finding (findings, rule, result, CWA_STATUS_PASS, known, NULL,
                            R_ ("%s serves %s, as planned."), cwa_endpoint_get_name (endpoint),
                            cwa_rule_certificate_name (g_ptr_array_index (planned, i)));
          return;
        }
    }

  /* Say which certificate it is, so it can be found or added to the plan. */
  if (known != NULL)
    served = g_strdup_printf (R_ ("%s (%s, SHA-256 %s), which the plan holds"), cwa_rule_certificate_name (known),
                              cwa_rule_certificate_subject (leaf), cwa_certificate_get_sha256 (leaf));
  else
    served = g_strdup_printf (R_ ("%s (SHA-256 %s), which is not in the plan"),
                              cwa_rule_certificate_subject (leaf), cwa_certificate_get_sha256 (leaf));

  if (planned->len == 0)
    {
      add_live_finding (findings, rule, result, CWA_STATUS_FAIL, known, NULL,
                        R_ ("No certificate is planned for %s; it serves %s. Add it to the plan and assign it, or plan the certificate it should serve."),
                        cwa_endpoint_get_name (endpoint), served);
      return;
    }

  planned_ids = cwa_endpoint_dup_planned_ids (endpoint);
  add_live_finding (findings, rule, result, CWA_STATUS_FAIL, known, planned_ids,
                    R_ ("%s serves %s, not the planned %s. Bind the planned certificate to the site, or update the plan."),
                    cwa_endpoint_get_name (endpoint), served, planned_ids);
}

const CwaRule cwa_rule_live_serves_planned_cert = {
  "live.serves-planned-cert", CWA_LEVEL_ERROR, CWA_SCOPE_ENDPOINT, LIVE_SOURCE,
  N_ ("The endpoint serves a planned certificate (same SHA-256). When none is planned the finding fails and says which certificate it serves, so it can be added to the plan."),
  check_serves_planned_cert,
};

/* What the served certificate lacks, in words, and the first missing name:
 * the subject name must be the endpoint's host, and every required name a
 * DNS SAN entry. */
static gchar *
dup_missing_names (CwaCertificate       *leaf,
                   const gchar * const  *required,
                   gchar               **first_missing)
{
  g_autoptr(GString) missing = g_string_new (NULL);
  const gchar *cn = cwa_certificate_get_subject_cn (leaf);
  const gchar * const *san = cwa_rule_certificate_get_dns_names (leaf);

  *first_missing = NULL;
  if (required[0] != NULL && (cn == NULL || !cwa_name_equal (cn, required[0])))
    {
      g_string_append_printf (missing, R_ ("its subject name is %s, not %s"),
                              cn != NULL ? cn : R_ ("missing"), required[0]);
      *first_missing = g_strdup (required[0]);
    }

  for (guint i = 0; required[i] != NULL; i++)
    {
      if (cwa_names_match (san, required[i]) == CWA_NAME_MATCH_EXACT)
        continue;

      if (missing->len > 0)
        g_string_append (missing, "; ");
      g_string_append_printf (missing,
                              cwa_rule_find_wildcard_match (san, required[i]) != NULL
                              ? R_ ("%s is not in its SAN (only a wildcard would match, which "
                                    "CWA does not accept)")
                              : R_ ("%s is not in its SAN"),
                              required[i]);
      if (*first_missing == NULL)
        *first_missing = g_strdup (required[i]);
    }

  if (missing->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&missing), FALSE);
}

static void
check_served_names (const CwaRule  *rule,
                    CwaRuleContext *context,
                    gpointer        subject,
                    GPtrArray      *findings)
{
  CwaProbeResult *result = subject;
  CwaEndpoint *endpoint = cwa_probe_result_get_endpoint (result);
  CwaCertificate *leaf = cwa_probe_result_get_leaf (result);
  const gchar * const *required = cwa_endpoint_get_required_names (endpoint);
  g_autofree gchar *first_missing = NULL;
  g_autofree gchar *missing = NULL;
  g_autofree gchar *message = NULL;
  g_auto(GStrv) found = NULL;

  if (leaf == NULL || required == NULL || required[0] == NULL)
    return;

  found = cwa_rule_certificate_dup_all_names (leaf);
  missing = dup_missing_names (leaf, required, &first_missing);
  if (missing == NULL)
    {
      g_autofree gchar *names = g_strjoinv (", ", (gchar **) required);

      message = g_strdup_printf (R_ ("The certificate %s serves carries %s."), cwa_endpoint_get_name (endpoint), names);
      add_names_finding (findings, rule, result, CWA_STATUS_PASS,
                         find_plan_certificate (context, leaf), NULL, found, message);
      return;
    }

  message = g_strdup_printf (R_ ("The certificate %s serves (%s) does not carry the names it needs: %s."),
                             cwa_endpoint_get_name (endpoint), cwa_rule_certificate_subject (leaf), missing);
  add_names_finding (findings, rule, result, CWA_STATUS_FAIL, find_plan_certificate (context, leaf),
                     first_missing, found, message);
}

const CwaRule cwa_rule_live_served_names = {
  "live.served-names", CWA_LEVEL_ERROR, CWA_SCOPE_ENDPOINT, LIVE_SOURCE,
  N_ ("The served certificate carries the names the endpoint needs (subject and SAN, as the `ssl.*`, `lb.*` or `rp.listener-*` rules ask)."),
  check_served_names,
};

static void
check_served_valid (const CwaRule  *rule,
                    CwaRuleContext *context,
                    gpointer        subject,
                    GPtrArray      *findings)
{
  CwaProbeResult *result = subject;
  CwaCertificate *leaf = cwa_probe_result_get_leaf (result);
  const gchar *name = cwa_endpoint_get_name (cwa_probe_result_get_endpoint (result));
  g_autofree gchar *not_before = NULL;
  g_autofree gchar *not_after = NULL;

  if (leaf == NULL)
    return;

  not_before = cwa_rule_dup_time (cwa_certificate_get_not_before (leaf));
  not_after = cwa_rule_dup_time (cwa_certificate_get_not_after (leaf));
  if (context->now > cwa_certificate_get_not_after (leaf))
    add_live_finding (findings, rule, result, CWA_STATUS_FAIL, find_plan_certificate (context, leaf), NULL,
                      R_ ("The certificate %s serves (%s) expired on %s."), name,
                      cwa_rule_certificate_subject (leaf), not_after);
  else if (context->now < cwa_certificate_get_not_before (leaf))
    add_live_finding (findings, rule, result, CWA_STATUS_FAIL, find_plan_certificate (context, leaf), NULL,
                      R_ ("The certificate %s serves (%s) is not valid before %s."), name,
                      cwa_rule_certificate_subject (leaf), not_before);
  else
    add_live_finding (findings, rule, result, CWA_STATUS_PASS, find_plan_certificate (context, leaf), NULL,
                      R_ ("The certificate %s serves is valid from %s to %s."), name, not_before, not_after);
}

const CwaRule cwa_rule_live_served_valid = {
  "live.served-valid", CWA_LEVEL_ERROR, CWA_SCOPE_ENDPOINT, LIVE_SOURCE,
  N_ ("The served certificate is inside its validity period at the check time."),
  check_served_valid,
};

/* The served certificates after the leaf that may link a chain: never a
 * self-issued one, so that a root is trusted because the plan or the system
 * trusts it, not because the server sent it. */
static void
add_served_links (GPtrArray      *pool,
                  CwaProbeResult *result)
{
  GPtrArray *served = cwa_probe_result_get_served (result);

  for (guint i = 1; i < served->len; i++)
    {
      CwaCertificate *certificate = g_ptr_array_index (served, i);

      if (!cwa_certificate_is_self_issued (certificate))
        g_ptr_array_add (pool, certificate);
    }
}

static gboolean
was_served (CwaProbeResult *result,
            CwaCertificate *certificate)
{
  GPtrArray *served = cwa_probe_result_get_served (result);

  for (guint i = 0; i < served->len; i++)
    {
      if (cwa_rule_certificate_same (g_ptr_array_index (served, i), certificate))
        return TRUE;
    }

  return FALSE;
}

/* The intermediates of @chain (leaf and root aside) the server did not send. */
static gchar *
dup_omitted (CwaProbeResult *result,
             GPtrArray      *chain)
{
  g_autoptr(GString) omitted = g_string_new (NULL);

  for (guint i = 1; i < chain->len; i++)
    {
      CwaCertificate *certificate = g_ptr_array_index (chain, i);

      if (cwa_certificate_is_self_issued (certificate) || was_served (result, certificate))
        continue;
      g_string_append_printf (omitted, "%s%s (SHA-256 %s)", omitted->len > 0 ? ", " : "",
                              cwa_rule_certificate_subject (certificate),
                              cwa_certificate_get_sha256 (certificate));
    }

  return g_string_free (g_steal_pointer (&omitted), FALSE);
}

static void
check_chain_complete (const CwaRule  *rule,
                      CwaRuleContext *context,
                      gpointer        subject,
                      GPtrArray      *findings)
{
  CwaProbeResult *result = subject;
  CwaCertificate *leaf = cwa_probe_result_get_leaf (result);
  const gchar *name = cwa_endpoint_get_name (cwa_probe_result_get_endpoint (result));
  g_autoptr(GPtrArray) pool = NULL;
  g_autoptr(CwaChainResult) served_chain = NULL;
  g_autoptr(CwaChainResult) full_chain = NULL;
  g_autofree gchar *omitted = NULL;

  if (leaf == NULL)
    return;

  /* First: the served intermediates and the plan's roots alone. */
  pool = g_ptr_array_new ();
  add_served_links (pool, result);
  for (guint i = 0; i < context->pool->len; i++)
    {
      CwaCertificate *certificate = g_ptr_array_index (context->pool, i);

      if (cwa_certificate_is_ca (certificate) && cwa_certificate_is_self_issued (certificate))
        g_ptr_array_add (pool, certificate);
    }
  served_chain = cwa_trust_verify (context->trust, leaf, pool);
  if (served_chain->trusted)
    {
      add_live_finding (findings, rule, result, CWA_STATUS_PASS, NULL, NULL,
                        R_ ("%s sends every intermediate certificate its chain needs."), name);
      return;
    }

  /* Then with the plan's intermediates too: if that reaches a trusted root,
   * the server omits what the plan holds. */
  g_ptr_array_set_size (pool, 0);
  add_served_links (pool, result);
  g_ptr_array_extend (pool, context->pool, NULL, NULL);
  full_chain = cwa_trust_verify (context->trust, leaf, pool);
  omitted = full_chain->trusted ? dup_omitted (result, full_chain->chain) : NULL;
  if (omitted != NULL && *omitted != '\0')
    add_live_finding (findings, rule, result, CWA_STATUS_FAIL, NULL, NULL,
                      R_ ("%s does not send the intermediate certificate %s; clients that do not have it cannot build the chain. Add it to the site's certificate chain on the server."),
                      name, omitted);
  else
    add_live_finding (findings, rule, result, CWA_STATUS_FAIL, NULL, NULL,
                      R_ ("The chain %s serves does not reach a trusted root (%s); send the missing intermediate certificates, or load the issuing CA certificates into the plan."),
                      name, served_chain->problem != NULL ? served_chain->problem : R_ ("no trusted root found"));
}

const CwaRule cwa_rule_live_chain_complete = {
  "live.chain-complete", CWA_LEVEL_WARNING, CWA_SCOPE_ENDPOINT, LIVE_SOURCE,
  N_ ("The endpoint sends every intermediate certificate needed to reach a trusted root (a root itself may be left out)."),
  check_chain_complete,
};

static void
check_dns_resolves (const CwaRule  *rule,
                    CwaRuleContext *context,
                    gpointer        subject,
                    GPtrArray      *findings)
{
  CwaProbeResult *result = subject;
  GPtrArray *answers = cwa_probe_result_get_dns (result);
  g_autoptr(GString) failed = g_string_new (NULL);
  g_autoptr(GString) resolved = g_string_new (NULL);
  const gchar *first_failed = NULL;

  if (answers->len == 0)
    return;

  for (guint i = 0; i < answers->len; i++)
    {
      const CwaDnsAnswer *answer = g_ptr_array_index (answers, i);

      if (answer->addresses != NULL)
        {
          g_autofree gchar *addresses = g_strjoinv (", ", answer->addresses);

          if (resolved->len > 0)
            g_string_append (resolved, "; ");
          g_string_append_printf (resolved, R_ ("%s resolves to %s"), answer->name, addresses);
          continue;
        }
      g_string_append_printf (failed, "%s%s (%s)", failed->len > 0 ? ", " : "", answer->name,
                              answer->error != NULL ? answer->error : R_ ("no address"));
      if (first_failed == NULL)
        first_failed = answer->name;
    }

  if (first_failed == NULL)
    add_live_finding (findings, rule, result, CWA_STATUS_PASS, NULL, NULL, "%s.", resolved->str);
  else
    add_live_finding (findings, rule, result, CWA_STATUS_FAIL, NULL, first_failed,
                      R_ ("These names of the DNS plan do not resolve: %s. Create their records (see the DNS records of the plan)."),
                      failed->str);
}

const CwaRule cwa_rule_live_dns_resolves = {
  "live.dns-resolves", CWA_LEVEL_ERROR, CWA_SCOPE_ENDPOINT, LIVE_SOURCE,
  N_ ("Every name of the DNS plan for this endpoint (host, asURL, downloadURL) resolves."),
  check_dns_resolves,
};

static gint
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const gchar * const *) a, *(const gchar * const *) b);
}

/* Canonical text forms, sorted and unique, so "::1" and "0::1" agree. */
static GStrv
dup_address_set (const gchar * const *addresses)
{
  g_autoptr(GPtrArray) set = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; addresses != NULL && addresses[i] != NULL; i++)
    {
      g_autoptr(GInetAddress) inet = g_inet_address_new_from_string (addresses[i]);
      gchar *text = inet != NULL ? g_inet_address_to_string (inet) : g_strdup (addresses[i]);

      if (g_ptr_array_find_with_equal_func (set, text, g_str_equal, NULL))
        g_free (text);
      else
        g_ptr_array_add (set, text);
    }
  g_ptr_array_sort (set, compare_strings);
  g_ptr_array_add (set, NULL);

  return (GStrv) g_ptr_array_steal (set, NULL);
}

static gboolean
same_addresses (const gchar * const *a,
                const gchar * const *b)
{
  g_auto(GStrv) set_a = dup_address_set (a);
  g_auto(GStrv) set_b = dup_address_set (b);

  return g_strv_equal ((const gchar * const *) set_a, (const gchar * const *) set_b);
}

/* The asURL and downloadURL against the host; appends the differences. */
static void
compare_aliases (CwaProbeResult     *result,
                 const CwaDnsAnswer *host,
                 GString            *problems,
                 GString            *checked)
{
  GPtrArray *answers = cwa_probe_result_get_dns (result);
  g_autofree gchar *host_addresses = g_strjoinv (", ", host->addresses);

  for (guint i = 1; i < answers->len; i++)
    {
      const CwaDnsAnswer *alias = g_ptr_array_index (answers, i);
      g_autofree gchar *addresses = NULL;

      if (alias->addresses == NULL)
        continue;

      addresses = g_strjoinv (", ", alias->addresses);
      if (same_addresses ((const gchar * const *) alias->addresses,
                          (const gchar * const *) host->addresses))
        {
          g_string_append_printf (checked, "%s%s", checked->len > 0 ? ", " : "", alias->name);
          continue;
        }
      if (problems->len > 0)
        g_string_append (problems, "; ");
      g_string_append_printf (problems, R_ ("%s resolves to %s, not to the address of %s (%s)"),
                              alias->name, addresses, host->name, host_addresses);
    }
}

/* The host's A/AAAA record of the view the resolver here sees. */
static gboolean
compare_host_record (CwaProbeResult     *result,
                     const CwaDnsAnswer *host,
                     GString            *problems)
{
  CwaEndpoint *endpoint = cwa_probe_result_get_endpoint (result);
  const gchar *planned = cwa_endpoint_get_dns_address (endpoint);
  const gchar * const planned_set[] = { planned, NULL };
  g_autofree gchar *addresses = NULL;

  if (planned == NULL || cwa_endpoint_get_dns_view (endpoint) != cwa_probe_result_get_view (result))
    return FALSE;

  if (same_addresses (planned_set, (const gchar * const *) host->addresses))
    return TRUE;

  addresses = g_strjoinv (", ", host->addresses);
  if (problems->len > 0)
    g_string_append (problems, "; ");
  g_string_append_printf (problems, R_ ("%s resolves to %s, but its %s host record in the plan gives %s"),
                          host->name, addresses,
                          cwa_audience_to_string (cwa_probe_result_get_view (result)), planned);
  return TRUE;
}

static void
check_dns_matches_plan (const CwaRule  *rule,
                        CwaRuleContext *context,
                        gpointer        subject,
                        GPtrArray      *findings)
{
  CwaProbeResult *result = subject;
  GPtrArray *answers = cwa_probe_result_get_dns (result);
  const CwaDnsAnswer *host;
  g_autoptr(GString) problems = g_string_new (NULL);
  g_autoptr(GString) checked = g_string_new (NULL);
  gboolean record_checked;

  if (answers->len == 0)
    return;
  host = g_ptr_array_index (answers, 0);
  if (host->addresses == NULL)
    return;

  compare_aliases (result, host, problems, checked);
  record_checked = compare_host_record (result, host, problems);
  if (problems->len > 0)
    {
      add_live_finding (findings, rule, result, CWA_STATUS_FAIL, NULL, NULL,
                        R_ ("%s. The asURL and downloadURL must reach the same site as its host (desktop sharing uses them), and the host its planned address."),
                        problems->str);
      return;
    }

  if (checked->len == 0 && !record_checked)
    return;

  if (checked->len > 0)
    add_live_finding (findings, rule, result, CWA_STATUS_PASS, NULL, NULL,
                      R_ ("%s, %s resolve as the plan says."), host->name, checked->str);
  else
    add_live_finding (findings, rule, result, CWA_STATUS_PASS, NULL, NULL,
                      R_ ("%s resolves as the plan says."), host->name);
}

const CwaRule cwa_rule_live_dns_matches_plan = {
  "live.dns-matches-plan", CWA_LEVEL_WARNING, CWA_SCOPE_ENDPOINT, LIVE_SOURCE,
  N_ ("The asURL and downloadURL resolve to the same addresses as their host, and a host record (A/AAAA) of the plan's `--view` resolves to its planned address."),
  check_dns_matches_plan,
};

/* cwa-rules.c: the rule catalogue, in the order of rules.md's table. */
#include "config.h"

#include <string.h>

#include "cwa-rules-private.h"

static const CwaRule * const catalogue[] = {
  &cwa_rule_server_has_mtls_cert,
  &cwa_rule_vs_has_ssl_cert,
  &cwa_rule_ssl_subject_matches_url,
  &cwa_rule_ssl_san_has_url,
  &cwa_rule_ssl_san_has_as_url,
  &cwa_rule_ssl_san_has_download_url,
  &cwa_rule_shared_san_has_server_fqdn,
  &cwa_rule_shared_single_server_only,
  &cwa_rule_mtls_subject_is_server_fqdn,
  &cwa_rule_vs_one_cert_per_domain,
  &cwa_rule_external_public_ca,
  &cwa_rule_external_https_required,
  &cwa_rule_server_internal_external_separate,
  &cwa_rule_server_listen_conflict,
  &cwa_rule_deployment_unique_urls,
  &cwa_rule_lb_members_host_array_url,
  &cwa_rule_lb_members_consistent,
  &cwa_rule_lb_has_ssl_cert,
  &cwa_rule_lb_subject_matches_fqdn,
  &cwa_rule_lb_san_has_fqdn,
  &cwa_rule_lb_san_has_as_url,
  &cwa_rule_lb_san_has_download_url,
  &cwa_rule_rp_publishes_known_vs,
  &cwa_rule_rp_https_required,
  &cwa_rule_rp_publishes_external,
  &cwa_rule_rp_has_listener_cert,
  &cwa_rule_rp_listener_subject_matches_url,
  &cwa_rule_rp_listener_san_has_url,
  &cwa_rule_rp_listener_san_has_as_url,
  &cwa_rule_rp_listener_san_has_download_url,
  &cwa_rule_rp_listener_public_ca,
  &cwa_rule_rp_internal_name_on_cert,
  &cwa_rule_rp_trusts_internal_ca,
  &cwa_rule_external_published_by_reverse_proxy,
  &cwa_rule_cert_version_3,
  &cwa_rule_cert_eku_server_auth,
  &cwa_rule_cert_key_usage,
  &cwa_rule_cert_validity,
  &cwa_rule_cert_expiring_soon,
  &cwa_rule_cert_chain_trusted,
  &cwa_rule_cert_weak_key,
  &cwa_rule_cert_weak_signature,
  &cwa_rule_cert_no_unknown_critical_extension,
  &cwa_rule_cert_no_wildcard,
  &cwa_rule_live_reachable,
  &cwa_rule_live_serves_planned_cert,
  &cwa_rule_live_served_names,
  &cwa_rule_live_served_valid,
  &cwa_rule_live_chain_complete,
  &cwa_rule_live_dns_resolves,
  &cwa_rule_live_dns_matches_plan,
  NULL
};

const CwaRule * const *
cwa_rules_get_catalogue (guint *n_rules)
{
  if (n_rules != NULL)
    *n_rules = G_N_ELEMENTS (catalogue) - 1;

  return catalogue;
}

const CwaRule *
cwa_rules_lookup (const gchar *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; catalogue[i] != NULL; i++)
    {
      if (strcmp (catalogue[i]->id, id) == 0)
        return catalogue[i];
    }

  return NULL;
}

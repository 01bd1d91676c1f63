/* cwa-rules-private.h: the rule structs each family file defines, which the catalogue lists. */
#pragma once

#include "rules/cwa-rule-text.h"
#include "rules/cwa-rules.h"

G_BEGIN_DECLS

/* server.c */
extern const CwaRule cwa_rule_server_has_mtls_cert;
extern const CwaRule cwa_rule_server_internal_external_separate;
extern const CwaRule cwa_rule_server_listen_conflict;
/* vs.c */
extern const CwaRule cwa_rule_vs_has_ssl_cert;
extern const CwaRule cwa_rule_vs_one_cert_per_domain;
/* ssl.c */
extern const CwaRule cwa_rule_ssl_subject_matches_url;
extern const CwaRule cwa_rule_ssl_san_has_url;
extern const CwaRule cwa_rule_ssl_san_has_as_url;
extern const CwaRule cwa_rule_ssl_san_has_download_url;
/* shared.c */
extern const CwaRule cwa_rule_shared_san_has_server_fqdn;
extern const CwaRule cwa_rule_shared_single_server_only;
/* mtls.c */
extern const CwaRule cwa_rule_mtls_subject_is_server_fqdn;
/* external.c */
extern const CwaRule cwa_rule_external_public_ca;
extern const CwaRule cwa_rule_external_https_required;
/* external.c (continued) */
extern const CwaRule cwa_rule_external_published_by_reverse_proxy;
/* lb.c */
extern const CwaRule cwa_rule_lb_members_host_array_url;
extern const CwaRule cwa_rule_lb_members_consistent;
extern const CwaRule cwa_rule_lb_has_ssl_cert;
extern const CwaRule cwa_rule_lb_subject_matches_fqdn;
extern const CwaRule cwa_rule_lb_san_has_fqdn;
extern const CwaRule cwa_rule_lb_san_has_as_url;
extern const CwaRule cwa_rule_lb_san_has_download_url;
/* rp.c */
extern const CwaRule cwa_rule_rp_publishes_known_vs;
extern const CwaRule cwa_rule_rp_https_required;
extern const CwaRule cwa_rule_rp_publishes_external;
extern const CwaRule cwa_rule_rp_has_listener_cert;
extern const CwaRule cwa_rule_rp_listener_subject_matches_url;
extern const CwaRule cwa_rule_rp_listener_san_has_url;
extern const CwaRule cwa_rule_rp_listener_san_has_as_url;
extern const CwaRule cwa_rule_rp_listener_san_has_download_url;
extern const CwaRule cwa_rule_rp_listener_public_ca;
extern const CwaRule cwa_rule_rp_internal_name_on_cert;
extern const CwaRule cwa_rule_rp_trusts_internal_ca;
/* deployment.c */
extern const CwaRule cwa_rule_deployment_unique_urls;
/* cert.c */
extern const CwaRule cwa_rule_cert_version_3;
extern const CwaRule cwa_rule_cert_eku_server_auth;
extern const CwaRule cwa_rule_cert_key_usage;
extern const CwaRule cwa_rule_cert_validity;
extern const CwaRule cwa_rule_cert_expiring_soon;
extern const CwaRule cwa_rule_cert_chain_trusted;
extern const CwaRule cwa_rule_cert_weak_key;
extern const CwaRule cwa_rule_cert_no_unknown_critical_extension;
extern const CwaRule cwa_rule_cert_weak_signature;
extern const CwaRule cwa_rule_cert_no_wildcard;
/* live.c */
extern const CwaRule cwa_rule_live_reachable;
extern const CwaRule cwa_rule_live_serves_planned_cert;
extern const CwaRule cwa_rule_live_served_names;
extern const CwaRule cwa_rule_live_served_valid;
extern const CwaRule cwa_rule_live_chain_complete;
extern const CwaRule cwa_rule_live_dns_resolves;
extern const CwaRule cwa_rule_live_dns_matches_plan;

G_END_DECLS

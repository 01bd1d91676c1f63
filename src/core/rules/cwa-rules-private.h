/* cwa-rules-private.h: the rule structs each family file defines, and the runner over a plan. */
#pragma once

#include "rules/cwa-rule-context.h"
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

/* Runs every rule of the catalogue over the context's plan and appends the
 * findings (element type CwaFinding, owned) in report order (cli.md):
 * deployment; then per server its own findings, its MTLS certificate's if
 * first seen there, then per virtual server its findings and its SSL
 * certificate's if first seen there; then per load balancer its findings
 * and its SSL certificate's (while it offloads) if first seen there; then
 * per reverse proxy, per publishing rule, its findings and its listener
 * certificate's if first seen there; catalogue order within one subject. */
void cwa_rules_run (CwaRuleContext *context,
                    GPtrArray      *findings);

/* The same pass in steps, for a caller that yields between them.
 * cwa_rules_run_new() borrows @context (it must outlive the run) and
 * references @probe_results (CwaProbeResult; NULL: none), judged by the
 * live.* rules last.  Each cwa_rules_run_step() appends the findings of
 * the next subject to @findings (the same array every time) and returns
 * TRUE once the pass is complete.  The plan must not change between
 * steps of one run that is carried to its end: a caller drops a run
 * whose plan changed. */
typedef struct _CwaRulesRun CwaRulesRun;

CwaRulesRun *cwa_rules_run_new  (CwaRuleContext *context,
                                 GPtrArray      *probe_results);
gboolean     cwa_rules_run_step (CwaRulesRun    *run,
                                 GPtrArray      *findings);
void         cwa_rules_run_free (CwaRulesRun    *run);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwaRulesRun, cwa_rules_run_free)

G_END_DECLS

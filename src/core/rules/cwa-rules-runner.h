/* cwa-rules-runner.h: runs the catalogue over a plan, subject by subject, in report order. */
#pragma once

#include "rules/cwa-rule-context.h"
#include "rules/cwa-rules.h"

G_BEGIN_DECLS

/* Runs the live.* rules (scope endpoint) over probe's @results (element
 * type CwaProbeResult, in plan order) and appends their findings (element
 * type CwaFinding, owned) per endpoint, in catalogue order.  An endpoint
 * without a handshake gets its live.reachable failure and its DNS findings
 * only.  @context gives the plan, the trust store and the check time. */
void         cwa_rules_run_live (CwaRuleContext *context,
                                 GPtrArray      *results,
                                 GPtrArray      *findings);

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

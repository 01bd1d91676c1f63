/* cwa-checklist.h: the findings, required names and coverage of a plan, re-run whenever it changes. */
#pragma once

#include <gio/gio.h>

#include "cwa-coverage.h"
#include "cwa-finding.h"
#include "cwa-plan.h"
#include "cwa-requirement.h"
#include "cwa-trust.h"
#include "cwa-vs-label.h"

G_BEGIN_DECLS

#define CWA_TYPE_CHECKLIST (cwa_checklist_get_type ())

G_DECLARE_FINAL_TYPE (CwaChecklist, cwa_checklist, CWA, CHECKLIST, GObject)

/* Properties: "plan", "trust" (NULL: no root is public), "translated",
 * "now" (NULL: the clock), "expiry-warning-days" (0: the plan's setting),
 * "ready", "n-errors", "n-warnings", "n-info", "n-passed".
 * Signal "updated": emitted once after every re-run that is published.
 *
 * Many changes of the plan within one main-loop iteration cause one re-run
 * (from an idle); the findings model then emits items-changed only for what
 * changed.  A re-run of a large plan goes in steps of a few milliseconds
 * so the main loop keeps turning; a change meanwhile cancels it and a new
 * run starts, and a run that began before the latest change never
 * publishes its result.  @trust may be NULL: then no root is public. */
CwaChecklist    *cwa_checklist_new                (CwaPlan      *plan,
                                                   CwaTrust     *trust);
/* The same, with the findings' messages in @language for its whole life
 * (property "translated"): CWA_LABEL_ENGLISH, what cwa_checklist_new()
 * gives (reports and the command line), or CWA_LABEL_TRANSLATED (the
 * window). */
CwaChecklist    *cwa_checklist_new_in_language    (CwaPlan          *plan,
                                                   CwaTrust         *trust,
                                                   CwaLabelLanguage  language);
CwaPlan         *cwa_checklist_get_plan           (CwaChecklist *self);
CwaTrust        *cwa_checklist_get_trust          (CwaChecklist *self);
/* Replaces the public roots (NULL: none is public), as when the user
 * changes them in Preferences: every chain is built again and a re-run
 * is scheduled. */
void             cwa_checklist_set_trust          (CwaChecklist *self,
                                                   CwaTrust     *trust);
GDateTime       *cwa_checklist_get_now            (CwaChecklist *self);
void             cwa_checklist_set_now            (CwaChecklist *self,
                                                   GDateTime    *now);
void             cwa_checklist_set_expiry_warning_days (CwaChecklist *self,
                                                        guint         days);

/* Runs the rules now, synchronously (the CLI, reports, tests), cancelling
 * a pending or unfinished re-run.  Only if a handler changes the plan while
 * the rules run is nothing published here; a new re-run is then scheduled. */
void             cwa_checklist_update             (CwaChecklist *self);

/* Holds re-runs back while many changes arrive in a stream, as when a
 * thousand dropped files reach the plan batch by batch: a re-run started
 * per batch would redo the whole plan's work each time.  While held, a
 * change cancels a re-run in progress and starts none; the release that
 * ends the last hold schedules one re-run if anything changed meanwhile.
 * Holds count: every cwa_checklist_hold() needs one
 * cwa_checklist_release().  cwa_checklist_update() still runs at once. */
void             cwa_checklist_hold               (CwaChecklist *self);
void             cwa_checklist_release            (CwaChecklist *self);
/* TRUE between a cwa_checklist_hold() and its release. */
gboolean         cwa_checklist_is_held            (CwaChecklist *self);

/* A new checklist of the same plan with the same trust, check time, expiry
 * window and probe results as @self, whose messages are in @language: what
 * a report of the window is made from, since reports stay English.  Not
 * run yet: call cwa_checklist_update().  Returns: (transfer full). */
CwaChecklist    *cwa_checklist_new_alike          (CwaChecklist     *self,
                                                   CwaLabelLanguage  language);

/* What probe observed (element type CwaProbeResult, referenced; NULL for
 * nothing).  Every run then judges it with the live.* rules, after the
 * other findings (per endpoint, in the results' order), and counts those
 * findings like the others.  Schedules a re-run; call
 * cwa_checklist_update() to have them at once. */
void             cwa_checklist_set_probe_results  (CwaChecklist *self,
                                                   GPtrArray    *results);

/* GListModel of CwaFinding, in report order (cli.md). */
GListModel      *cwa_checklist_get_findings       (CwaChecklist *self);
/* GListModel of CwaRequirement, in plan order. */
GListModel      *cwa_checklist_get_requirements   (CwaChecklist *self);
/* Element type CwaCoverageCell: rows in requirement order, columns in the
 * order of cwa_plan_dup_assigned_certificates().  Borrowed, with its cells:
 * valid until the next run is published. */
GPtrArray       *cwa_checklist_get_coverage       (CwaChecklist *self);
/* The chain built for @certificate in the last run, or NULL. */
const CwaChainResult *cwa_checklist_get_chain     (CwaChecklist   *self,
                                                   CwaCertificate *certificate);

gboolean         cwa_checklist_is_ready           (CwaChecklist *self);
/* Whether the plan has nothing to check yet: no computer, load balancer
 * or reverse proxy, whatever certificates are loaded, and no failed error
 * or warning.  The window then invites instead of giving a verdict;
 * certificates alone are not a deployment that could be Ready. */
gboolean         cwa_checklist_has_nothing_to_check (CwaChecklist *self);
guint            cwa_checklist_get_n_errors       (CwaChecklist *self);
guint            cwa_checklist_get_n_warnings     (CwaChecklist *self);
/* Failed findings of level info (recommendations): never part of "ready". */
guint            cwa_checklist_get_n_info         (CwaChecklist *self);
/* Passed findings of every level. */
guint            cwa_checklist_get_n_passed       (CwaChecklist *self);
/* How many times the rules have run: what the reactivity tests count. */
guint            cwa_checklist_get_n_runs         (CwaChecklist *self);

G_END_DECLS

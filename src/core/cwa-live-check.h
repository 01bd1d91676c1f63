/* cwa-live-check.h: the window's live check: probes a plan's endpoints off the main thread and keeps what was found, marked stale once the plan changes. */
#pragma once

#include <gio/gio.h>

#include "cwa-checklist.h"
#include "cwa-probe.h"

G_BEGIN_DECLS

#define CWA_TYPE_LIVE_CHECK (cwa_live_check_get_type ())

G_DECLARE_FINAL_TYPE (CwaLiveCheck, cwa_live_check, CWA, LIVE_CHECK, GObject)

/* What an endpoint served, in the three words of a badge (ui.md, "Live
 * check"). */
typedef enum
{
  /* Not checked (or not an endpoint of the last check). */
  CWA_LIVE_STATUS_NONE,
  /* The handshake completed and the leaf is a planned certificate (same
   * SHA-256). */
  CWA_LIVE_STATUS_AS_PLANNED,
  /* The handshake completed with another certificate, or none is planned. */
  CWA_LIVE_STATUS_OTHER,
  /* No TLS handshake completed (refused, timed out, not TLS, no address). */
  CWA_LIVE_STATUS_UNREACHABLE,
} CwaLiveStatus;

/* Properties (read-only): "plan" (the plan of the last start),
 * "running", "n-done", "n-total" (endpoints of the run going on),
 * "stale" (the plan changed after the results' check began),
 * "checked-at" (GDateTime, local time the results' check began, or NULL).
 * Signal "finished" (gboolean cancelled): a run ended; when it was not
 * cancelled the results are new.  Signal "changed": the results or their
 * staleness changed (also after cwa_live_check_clear()). */
CwaLiveCheck   *cwa_live_check_new            (void);
/* The probe the checks run with: its timeout, DNS view and connect map
 * (--resolve, --connect-to) apply to every run.  Borrowed; change it only
 * while no run is going on. */
CwaProbe       *cwa_live_check_get_probe      (CwaLiveCheck   *self);

/* Probes every endpoint of @checklist's plan (cwa_endpoint_list_for_plan())
 * on worker threads, and judges what comes back with the live.* rules at
 * @checklist's "now" and with its trust.  Cancels a run going on first.
 * Results stay those of the previous check until the run finishes. */
void            cwa_live_check_start          (CwaLiveCheck   *self,
                                               CwaChecklist   *checklist);
/* Stops the run going on, if any ("finished" with @cancelled TRUE). */
void            cwa_live_check_cancel         (CwaLiveCheck   *self);
/* Cancels any run and forgets the results: another plan was opened. */
void            cwa_live_check_clear          (CwaLiveCheck   *self);

CwaPlan        *cwa_live_check_get_plan       (CwaLiveCheck   *self);
gboolean        cwa_live_check_get_running    (CwaLiveCheck   *self);
guint           cwa_live_check_get_n_done     (CwaLiveCheck   *self);
guint           cwa_live_check_get_n_total    (CwaLiveCheck   *self);
gboolean        cwa_live_check_get_stale      (CwaLiveCheck   *self);
GDateTime      *cwa_live_check_get_checked_at (CwaLiveCheck   *self);

/* The results of the last finished check, one per endpoint in plan order
 * (element type CwaProbeResult; borrowed), or NULL before the first. */
GPtrArray      *cwa_live_check_get_results    (CwaLiveCheck   *self);
/* The live.* findings about @result's endpoint, in report order (element
 * type CwaFinding, owned; empty when @result is not one of the results). */
GPtrArray      *cwa_live_check_dup_findings   (CwaLiveCheck   *self,
                                               CwaProbeResult *result);
CwaLiveStatus   cwa_live_check_get_status     (CwaLiveCheck   *self,
                                               CwaProbeResult *result);
/* The result of the endpoint that is @subject's own: a virtual server's
 * binding (an array member's included), a load balancer's endpoint, a
 * publishing rule's listener.  Borrowed, or NULL. */
CwaProbeResult *cwa_live_check_find_result    (CwaLiveCheck   *self,
                                               gpointer        subject);
/* The plan entry with the SHA-256 of @certificate (a served one), or NULL:
 * whether the plan has it. */
CwaCertificate *cwa_live_check_find_in_plan   (CwaLiveCheck   *self,
                                               CwaCertificate *certificate);

G_END_DECLS

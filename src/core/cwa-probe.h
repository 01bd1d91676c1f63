/* cwa-probe.h: connects to planned TLS endpoints, records the chain each serves, and resolves the DNS plan's names. */
#pragma once

#include <gio/gio.h>

#include "cwa-connect-map.h"
#include "cwa-endpoint.h"
#include "cwa-probe-result.h"

G_BEGIN_DECLS

#define CWA_TYPE_PROBE (cwa_probe_get_type ())

G_DECLARE_FINAL_TYPE (CwaProbe, cwa_probe, CWA, PROBE, GObject)

/* Endpoints probed at once, at most (cli.md). */
#define CWA_PROBE_MAX_PARALLEL 8
/* The default of --timeout, in milliseconds. */
#define CWA_PROBE_DEFAULT_TIMEOUT_MS 10000

/* A probe with no --resolve or --connect-to entry, the default timeout and
 * the internal DNS view.
 *
 * Signal "progress" (guint n_done, guint n_total): emitted in the thread
 * default main context of cwa_probe_run_async()'s caller after each
 * endpoint. */
CwaProbe       *cwa_probe_new             (void);

/* Where --resolve and --connect-to entries go; borrowed.  Change it only
 * while no run is going on. */
CwaConnectMap  *cwa_probe_get_connect_map (CwaProbe       *self);
/* Per endpoint: the TCP connection and the TLS handshake together. */
void            cwa_probe_set_timeout     (CwaProbe       *self,
                                           guint           milliseconds);
guint           cwa_probe_get_timeout     (CwaProbe       *self);
/* The DNS view the resolver here sees (--view). */
void            cwa_probe_set_view        (CwaProbe       *self,
                                           CwaAudience     view);

/* Probes one endpoint now, blocking the calling thread for at most the
 * timeout plus the name lookups: TCP connection, TLS handshake (SNI set, no
 * verification, nothing sent after it), then the endpoint's DNS names.
 * Never fails: a failure is the result's error.  Returns a new result. */
CwaProbeResult *cwa_probe_endpoint        (CwaProbe       *self,
                                           CwaEndpoint    *endpoint,
                                           GCancellable   *cancellable);

/* Probes @endpoints (element type CwaEndpoint) on worker threads, at most
 * CWA_PROBE_MAX_PARALLEL at once, and calls @callback in the caller's
 * thread default main context when all are done. */
void            cwa_probe_run_async       (CwaProbe            *self,
                                           GPtrArray           *endpoints,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
/* The results (element type CwaProbeResult) in the order of the
 * endpoints, or NULL with G_IO_ERROR_CANCELLED when @cancellable was
 * cancelled. */
GPtrArray      *cwa_probe_run_finish      (CwaProbe            *self,
                                           GAsyncResult        *result,
                                           GError             **error);

G_END_DECLS

/* cwa-probe-result.h: what probe observed at one endpoint: the address, the served chain or why none, and DNS answers. */
#pragma once

#include <gio/gio.h>

#include "cwa-endpoint.h"

G_BEGIN_DECLS

#define CWA_TYPE_PROBE_RESULT (cwa_probe_result_get_type ())

G_DECLARE_FINAL_TYPE (CwaProbeResult, cwa_probe_result, CWA, PROBE_RESULT, GObject)

/* One name of the DNS plan as the resolver here answered it. */
typedef struct
{
  gchar *name;
  /* The addresses in the order given (text form), or NULL when it did not
   * resolve. */
  GStrv  addresses;
  /* Why it did not resolve, or NULL. */
  gchar *error;
} CwaDnsAnswer;

/* A result for @endpoint, probed with the DNS view @view; filled by the
 * probe, read-only for everyone else. */
CwaProbeResult     *cwa_probe_result_new            (CwaEndpoint    *endpoint,
                                                     CwaAudience     view);

CwaEndpoint        *cwa_probe_result_get_endpoint   (CwaProbeResult *self);
/* The DNS view the resolver here sees (probe's --view). */
CwaAudience         cwa_probe_result_get_view       (CwaProbeResult *self);
/* The IP address connected to (text form), or NULL when none was found. */
const gchar        *cwa_probe_result_get_address    (CwaProbeResult *self);
/* The chain the endpoint served, leaf first (element type CwaCertificate,
 * parsed only: nothing served is trusted or stored); empty when the
 * handshake did not complete. */
GPtrArray          *cwa_probe_result_get_served     (CwaProbeResult *self);
/* The leaf of the served chain, or NULL. */
CwaCertificate     *cwa_probe_result_get_leaf       (CwaProbeResult *self);
/* Why no chain was obtained ("connection refused", "no TLS handshake
 * within 2 s"), or NULL when the handshake completed. */
const gchar        *cwa_probe_result_get_error      (CwaProbeResult *self);
/* Element type CwaDnsAnswer, one per cwa_endpoint_get_dns_names(), in that
 * order. */
GPtrArray          *cwa_probe_result_get_dns        (CwaProbeResult *self);
/* The answer for @name, or NULL. */
const CwaDnsAnswer *cwa_probe_result_lookup_dns     (CwaProbeResult *self,
                                                     const gchar    *name);

/* For the probe: */
void                cwa_probe_result_set_address    (CwaProbeResult *self,
                                                     const gchar    *address);
void                cwa_probe_result_set_error      (CwaProbeResult *self,
                                                     const gchar    *error);
void                cwa_probe_result_add_served     (CwaProbeResult *self,
                                                     CwaCertificate *certificate);
/* Takes @addresses (NULL when @error says why it did not resolve). */
void                cwa_probe_result_add_dns        (CwaProbeResult *self,
                                                     const gchar    *name,
                                                     GStrv           addresses,
                                                     const gchar    *error);

G_END_DECLS

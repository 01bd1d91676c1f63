/* cwa-certificate-findings.h: the certificate-scope findings of one certificate, kept with what they were made from. */
#pragma once

#include <gio/gio.h>

#include "cwa-finding.h"
#include "cwa-plan.h"

G_BEGIN_DECLS

/* Everything a certificate-scope finding depends on besides the
 * certificate itself, which never changes: the name the messages give it,
 * where it is first seen (the finding's server and virtual server, and the
 * load balancer or publishing rule, with its reverse proxy, the runner
 * tags it with), the check time, the warning window, and the chain cache
 * its chain comes from (a new one whenever the pool or the trust store
 * changes).  Every pointer is borrowed; a kept entry holds references. */
typedef struct
{
  CwaCertificate    *certificate;
  const gchar       *name;
  CwaServer         *server;
  CwaVirtualServer  *virtual_server;
  CwaLoadBalancer   *load_balancer;
  CwaPublishingRule *publishing_rule;
  CwaReverseProxy   *reverse_proxy;
  GHashTable        *chains;
  gint64             now;
  guint              expiry_warning_days;
} CwaCertificateInputs;

/* SHA-256 -> kept findings; for CwaRuleContext.certificate_findings. */
GHashTable *cwa_certificate_findings_new_cache (void);

/* The findings kept for @inputs' certificate when every input is the same
 * as when they were made (element type CwaFinding; borrowed from @cache),
 * or NULL: then the rules must run. */
GPtrArray  *cwa_certificate_findings_lookup    (GHashTable                 *cache,
                                                const CwaCertificateInputs *inputs);
/* Keeps @findings (element type CwaFinding: references are taken) as made
 * from @inputs, replacing what was kept for that certificate. */
void        cwa_certificate_findings_store     (GHashTable                 *cache,
                                                const CwaCertificateInputs *inputs,
                                                GPtrArray                  *findings,
                                                guint                       first);

G_END_DECLS

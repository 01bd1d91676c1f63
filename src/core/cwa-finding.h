/* cwa-finding.h: the result of one rule for one subject: pass or fail, with what was expected and found. */
#pragma once

#include <gio/gio.h>

#include "cwa-certificate.h"
#include "cwa-enums.h"
#include "cwa-load-balancer.h"
#include "cwa-reverse-proxy.h"
#include "cwa-server.h"
#include "rules/cwa-rules.h"

G_BEGIN_DECLS

#define CWA_TYPE_FINDING (cwa_finding_get_type ())

G_DECLARE_FINAL_TYPE (CwaFinding, cwa_finding, CWA, FINDING, GObject)

/* Immutable once made.  @server, @virtual_server and @certificate are the
 * subjects it names (each may be NULL); @expected and @found are set where
 * the rule compares names; @message is the sentence an administrator reads
 * (for passes too). */
CwaFinding         *cwa_finding_new                 (const CwaRule       *rule,
                                                     CwaStatus            status,
                                                     CwaServer           *server,
                                                     CwaVirtualServer    *virtual_server,
                                                     CwaCertificate      *certificate,
                                                     const gchar         *expected,
                                                     const gchar * const *found,
                                                     const gchar         *message);

/* A finding of a live.* rule: as above, and it names the endpoint probed
 * ("HOST:PORT") and the address connected to (NULL when none was found). */
CwaFinding         *cwa_finding_new_for_endpoint    (const CwaRule       *rule,
                                                     CwaStatus            status,
                                                     const gchar         *endpoint,
                                                     const gchar         *address,
                                                     CwaServer           *server,
                                                     CwaVirtualServer    *virtual_server,
                                                     CwaCertificate      *certificate,
                                                     const gchar         *expected,
                                                     const gchar * const *found,
                                                     const gchar         *message);

const CwaRule      *cwa_finding_get_rule            (CwaFinding *self);
const gchar        *cwa_finding_get_rule_id         (CwaFinding *self);
CwaLevel            cwa_finding_get_level           (CwaFinding *self);
CwaStatus           cwa_finding_get_status          (CwaFinding *self);
gboolean            cwa_finding_is_failed           (CwaFinding *self);
CwaServer          *cwa_finding_get_server          (CwaFinding *self);
CwaVirtualServer   *cwa_finding_get_virtual_server  (CwaFinding *self);
CwaCertificate     *cwa_finding_get_certificate     (CwaFinding *self);
/* For findings of scope load-balancer (and the certificate findings that
 * follow a load balancer's): that load balancer, else NULL. */
CwaLoadBalancer    *cwa_finding_get_load_balancer   (CwaFinding *self);
/* For findings of scope reverse-proxy (and the certificate findings that
 * follow a listener's): the publishing rule and its reverse proxy (the
 * proxy as it was when the finding was made), else NULL. */
CwaPublishingRule  *cwa_finding_get_publishing_rule (CwaFinding *self);
CwaReverseProxy    *cwa_finding_get_reverse_proxy   (CwaFinding *self);
const gchar        *cwa_finding_get_expected        (CwaFinding *self);
/* NULL when the rule compares no names. */
const gchar * const *cwa_finding_get_found          (CwaFinding *self);
const gchar        *cwa_finding_get_message         (CwaFinding *self);
/* "HOST:PORT" and the address for a live.* finding; NULL otherwise. */
const gchar        *cwa_finding_get_endpoint        (CwaFinding *self);
const gchar        *cwa_finding_get_address         (CwaFinding *self);

/* Only the rule runner calls this, on a finding a rule has just made and
 * nobody else has seen: the front end it is about. */
void                _cwa_finding_set_front_end      (CwaFinding        *self,
                                                     CwaLoadBalancer   *load_balancer,
                                                     CwaPublishingRule *publishing_rule);

/* Same rule, subjects, status, expected, found and message. */
gboolean            cwa_finding_equal               (CwaFinding *a,
                                                     CwaFinding *b);

G_END_DECLS

/* cwa-finding.h: the result of one rule for one subject: pass or fail, with what was expected and found. */
#pragma once

#include <gio/gio.h>

#include "cwa-certificate.h"
#include "cwa-enums.h"
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
const gchar        *cwa_finding_get_expected        (CwaFinding *self);
/* NULL when the rule compares no names. */
const gchar * const *cwa_finding_get_found          (CwaFinding *self);
const gchar        *cwa_finding_get_message         (CwaFinding *self);
/* "HOST:PORT" and the address for a live.* finding; NULL otherwise. */
const gchar        *cwa_finding_get_endpoint        (CwaFinding *self);
const gchar        *cwa_finding_get_address         (CwaFinding *self);

/* Same rule, subjects, status, expected, found and message. */
gboolean            cwa_finding_equal               (CwaFinding *a,
                                                     CwaFinding *b);

G_END_DECLS

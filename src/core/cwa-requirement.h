/* cwa-requirement.h: what the certificate for one role must say: subject and SAN names. */
#pragma once

#include <gio/gio.h>

#include "cwa-enums.h"
#include "cwa-deployment.h"
#include "rules/cwa-deployment-index.h"

G_BEGIN_DECLS

#define CWA_TYPE_REQUIREMENT (cwa_requirement_get_type ())

G_DECLARE_FINAL_TYPE (CwaRequirement, cwa_requirement, CWA, REQUIREMENT, GObject)

/* @server may be NULL (a load balancer's or listener's entry). */
CwaRequirement      *cwa_requirement_new                (CwaRole              role,
                                                         CwaServer           *server,
                                                         CwaVirtualServer    *virtual_server,
                                                         const gchar         *subject,
                                                         const gchar * const *san);
CwaRole              cwa_requirement_get_role           (CwaRequirement *self);
/* The computer of an MTLS, SSL or shared entry (for an array's SSL entry
 * its first member); NULL for load-balancer and reverse-proxy entries. */
CwaServer           *cwa_requirement_get_server         (CwaRequirement *self);
/* NULL for MTLS, load-balancer and reverse-proxy entries; for an array's
 * SSL entry, its first member's virtual server. */
CwaVirtualServer    *cwa_requirement_get_virtual_server (CwaRequirement *self);
/* The load balancer of an array's SSL entry or of a load-balancer entry,
 * else NULL. */
CwaLoadBalancer     *cwa_requirement_get_load_balancer  (CwaRequirement *self);
/* An array's SSL entry: the member computers hosting the array's URL, in
 * servers[] order (element type CwaServer); empty otherwise.  Borrowed. */
GPtrArray           *cwa_requirement_get_servers        (CwaRequirement *self);
/* A reverse-proxy entry: its publishing rule and proxy, else NULL. */
CwaPublishingRule   *cwa_requirement_get_publishing_rule (CwaRequirement *self);
CwaReverseProxy     *cwa_requirement_get_reverse_proxy  (CwaRequirement *self);
/* Only cwa_requirements_compute() calls this, on an entry it has just
 * made: the front end (and array members) the entry is for. */
void                 _cwa_requirement_set_front_end     (CwaRequirement    *self,
                                                         CwaLoadBalancer   *load_balancer,
                                                         GPtrArray         *servers,
                                                         CwaPublishingRule *publishing_rule);
const gchar         *cwa_requirement_get_subject        (CwaRequirement *self);
/* Possibly empty, never NULL. */
const gchar * const *cwa_requirement_get_san            (CwaRequirement *self);
/* Subject first, then the SAN names not equal to it: the matrix rows. */
GStrv                cwa_requirement_dup_all_names      (CwaRequirement *self);
/* The certificate currently assigned to this role, or NULL. */
CwaCertificate      *cwa_requirement_get_certificate    (CwaRequirement *self);
gboolean             cwa_requirement_equal              (CwaRequirement *a,
                                                         CwaRequirement *b);
/* TRUE if @certificate's subject CN is the required subject and every
 * required SAN name is one of its DNS names, exactly (a wildcard never
 * satisfies a required name, rules.md).  What a drop target's hint shows. */
gboolean             cwa_requirement_is_satisfied_by    (CwaRequirement *self,
                                                         CwaCertificate *certificate);

/* Computes the entries from the deployment alone, in plan order (rules.md,
 * "Required names").  Element type CwaRequirement. */
GPtrArray           *cwa_requirements_compute           (CwaDeployment  *deployment);
/* The same with the look-ups of @index, made over @deployment as it is
 * now: a checklist run computes them once for its rules and its required
 * names. */
GPtrArray           *cwa_requirements_compute_with_index (CwaDeployment      *deployment,
                                                          CwaDeploymentIndex *index);

G_END_DECLS

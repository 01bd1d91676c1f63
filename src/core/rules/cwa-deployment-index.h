/* cwa-deployment-index.h: a deployment's virtual servers, load balancers and publishing rules, looked up by host during one run. */
#pragma once

#include <gio/gio.h>

#include "cwa-deployment.h"

G_BEGIN_DECLS

/* What the cwa_topology_* and cwa_deployment_find_* look-ups give, from
 * one walk over the deployment instead of one walk per look-up: a run asks
 * them hundreds of times.  The index holds references; it describes the
 * deployment as it was when made (a run never outlives a change). */
typedef struct _CwaDeploymentIndex CwaDeploymentIndex;

CwaDeploymentIndex *cwa_deployment_index_new                 (CwaDeployment      *deployment);
void                cwa_deployment_index_free                (CwaDeploymentIndex *index);

/* cwa_deployment_find_virtual_server(): the first virtual server whose
 * host is @host normalised, or NULL.  Borrowed. */
CwaVirtualServer   *cwa_deployment_index_find_virtual_server (CwaDeploymentIndex *index,
                                                              const gchar        *host);
/* cwa_topology_find_publisher(): borrowed, or NULL. */
CwaPublishingRule  *cwa_deployment_index_find_publisher      (CwaDeploymentIndex *index,
                                                              const gchar        *host);
/* cwa_topology_array_of(): borrowed, or NULL. */
CwaLoadBalancer    *cwa_deployment_index_array_of            (CwaDeploymentIndex *index,
                                                              CwaVirtualServer   *vs);
/* cwa_topology_dup_array(): a new array of references. */
GPtrArray          *cwa_deployment_index_dup_array           (CwaDeploymentIndex *index,
                                                              CwaLoadBalancer    *lb);

/* The deployment's publishing rules in plan order (element type
 * CwaPublishingRule).  Borrowed. */
GPtrArray          *cwa_deployment_index_get_publishing_rules (CwaDeploymentIndex *index);
/* cwa_topology_rule_target(), worked out once per rule: borrowed, or NULL. */
CwaLoadBalancer    *cwa_deployment_index_rule_target         (CwaDeploymentIndex *index,
                                                              CwaPublishingRule  *rule);
/* cwa_topology_dup_shown_certificates(), worked out once per rule: the
 * rules rp.internal-name-on-cert and rp.trusts-internal-ca both ask.
 * Borrowed (element type CwaCertificate); @target (may be NULL) receives
 * the target load balancer. */
GPtrArray          *cwa_deployment_index_get_shown_certificates (CwaDeploymentIndex *index,
                                                                 CwaPublishingRule  *rule,
                                                                 CwaLoadBalancer   **target);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwaDeploymentIndex, cwa_deployment_index_free)

G_END_DECLS

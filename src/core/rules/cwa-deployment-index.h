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

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwaDeploymentIndex, cwa_deployment_index_free)

G_END_DECLS

/* cwa-deployment-private.h: what the deployment tells the checklist about its changes. */
#pragma once

#include "cwa-deployment.h"

G_BEGIN_DECLS

/* When parts of a deployment last changed, as stamps of one clock that
 * only goes forward (never 0 once something changed): a server with its
 * virtual servers; any server or virtual server (servers added or removed
 * too); any load balancer, reverse proxy, publishing rule or trusted
 * certificate list.  The checklist keys kept findings on them. */
guint64     _cwa_deployment_get_server_stamp     (CwaDeployment *self,
                                                  CwaServer     *server);
guint64     _cwa_deployment_get_servers_stamp    (CwaDeployment *self);
guint64     _cwa_deployment_get_front_ends_stamp (CwaDeployment *self);

G_END_DECLS

/* cwa-deployment.h: the CWA server computers of a plan, with one "changed" signal for any edit. */
#pragma once

#include <gio/gio.h>

#include "cwa-server.h"

G_BEGIN_DECLS

#define CWA_TYPE_DEPLOYMENT (cwa_deployment_get_type ())

G_DECLARE_FINAL_TYPE (CwaDeployment, cwa_deployment, CWA, DEPLOYMENT, GObject)

/* Signal "changed" (no arguments): emitted after any property of a server or
 * virtual server changed, or servers/virtual servers were added or removed. */
CwaDeployment    *cwa_deployment_new                 (void);
/* A GListModel of CwaServer, in plan order. */
GListModel       *cwa_deployment_get_servers         (CwaDeployment *self);
void              cwa_deployment_add_server          (CwaDeployment *self,
                                                      CwaServer     *server);
void              cwa_deployment_insert_server       (CwaDeployment *self,
                                                      guint          position,
                                                      CwaServer     *server);
void              cwa_deployment_remove_server       (CwaDeployment *self,
                                                      CwaServer     *server);
CwaServer        *cwa_deployment_find_server         (CwaDeployment *self,
                                                      const gchar   *fqdn);
CwaVirtualServer *cwa_deployment_find_virtual_server (CwaDeployment *self,
                                                      const gchar   *host);
/* Clears every assignment of @certificate (MTLS and SSL). */
void              cwa_deployment_unassign            (CwaDeployment  *self,
                                                      CwaCertificate *certificate);

G_END_DECLS

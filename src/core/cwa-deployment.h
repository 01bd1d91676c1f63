/* cwa-deployment.h: the CWA servers, load balancers and reverse proxies of a plan, with one "changed" signal for any edit. */
#pragma once

#include <gio/gio.h>

#include "cwa-load-balancer.h"
#include "cwa-reverse-proxy.h"
#include "cwa-server.h"

G_BEGIN_DECLS

#define CWA_TYPE_DEPLOYMENT (cwa_deployment_get_type ())

G_DECLARE_FINAL_TYPE (CwaDeployment, cwa_deployment, CWA, DEPLOYMENT, GObject)

/* Signal "changed" (no arguments): emitted once after any writable property
 * of a server, virtual server, load balancer, reverse proxy or publishing
 * rule changed, or one of them was added or removed, or a reverse proxy's
 * trusted certificates changed.  Properties: "servers", "load-balancers",
 * "reverse-proxies" (GListModels, read-only). */
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
/* Clears every assignment of @certificate (MTLS, SSL, load balancer SSL,
 * listener) and removes it from every reverse proxy's trusted
 * certificates. */
void              cwa_deployment_unassign            (CwaDeployment  *self,
                                                      CwaCertificate *certificate);

/* A GListModel of CwaLoadBalancer, in plan order. */
GListModel       *cwa_deployment_get_load_balancers  (CwaDeployment   *self);
void              cwa_deployment_add_load_balancer   (CwaDeployment   *self,
                                                      CwaLoadBalancer *load_balancer);
void              cwa_deployment_insert_load_balancer (CwaDeployment   *self,
                                                       guint            position,
                                                       CwaLoadBalancer *load_balancer);
void              cwa_deployment_remove_load_balancer (CwaDeployment   *self,
                                                       CwaLoadBalancer *load_balancer);
/* The load balancer whose FQDN equals @fqdn (rules.md, "Name matching"),
 * or NULL.  Borrowed. */
CwaLoadBalancer  *cwa_deployment_find_load_balancer  (CwaDeployment   *self,
                                                      const gchar     *fqdn);

/* A GListModel of CwaReverseProxy, in plan order. */
GListModel       *cwa_deployment_get_reverse_proxies (CwaDeployment   *self);
void              cwa_deployment_add_reverse_proxy   (CwaDeployment   *self,
                                                      CwaReverseProxy *proxy);
void              cwa_deployment_insert_reverse_proxy (CwaDeployment   *self,
                                                       guint            position,
                                                       CwaReverseProxy *proxy);
void              cwa_deployment_remove_reverse_proxy (CwaDeployment   *self,
                                                       CwaReverseProxy *proxy);
/* Every publishing rule of every reverse proxy, proxies and their rules in
 * plan order (element type CwaPublishingRule, owned references). */
GPtrArray        *cwa_deployment_dup_publishing_rules (CwaDeployment  *self);
/* The reverse proxy whose FQDN equals @fqdn, or NULL.  Borrowed. */
CwaReverseProxy  *cwa_deployment_find_reverse_proxy  (CwaDeployment   *self,
                                                      const gchar     *fqdn);

G_END_DECLS

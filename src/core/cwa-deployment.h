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
/* Walking every virtual server with its server: a stack iterator, as
 * GHashTableIter is, rather than a callback, so that a walk can keep its
 * state in locals and stop with break or return like any loop:
 *
 *   CwaVirtualServerIter iter;
 *   CwaServer *server;
 *   CwaVirtualServer *vs;
 *
 *   cwa_virtual_server_iter_init (&iter, deployment);
 *   while (cwa_virtual_server_iter_next (&iter, &server, &vs))
 *     if (cwa_virtual_server_is_https (vs))
 *       ...
 *
 * It yields the servers in plan order and each server's virtual servers in
 * that server's order; a server without virtual servers yields nothing.
 * Nothing needs freeing, also when the loop stops early.  Servers and
 * virtual servers must not be added, moved or removed during the walk
 * (their properties may change).  Use it where a loop only visits virtual
 * servers; a loop with work for each server as such (its MTLS
 * certificate, one entry per computer) walks the servers itself. */
typedef struct
{
  /*< private >*/
  GListModel *servers;
  GListModel *virtual_servers;  /* of the current server */
  CwaServer  *server;           /* borrowed */
  guint       n_servers;
  guint       n_virtual_servers;
  guint       server_index;     /* of the next server */
  guint       vs_index;         /* of the next virtual server */
} CwaVirtualServerIter;

/* Starts @iter (caller-allocated, usually on the stack) at the first
 * virtual server of @deployment, which must outlive the walk. */
void              cwa_virtual_server_iter_init       (CwaVirtualServerIter *iter,
                                                      CwaDeployment        *deployment);
/* Moves @iter to the next virtual server.  Returns FALSE when there is
 * none left (then @server and @virtual_server are untouched); else sets
 * @server (may be NULL) to the server holding it and @virtual_server (may
 * be NULL) to it, both borrowed: the deployment holds them (take a
 * reference to keep one). */
gboolean          cwa_virtual_server_iter_next       (CwaVirtualServerIter *iter,
                                                      CwaServer           **server,
                                                      CwaVirtualServer    **virtual_server);

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

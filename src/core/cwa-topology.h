/* cwa-topology.h: arrays, load balancers and reverse proxies as the rules, required names and DNS records see them (rules.md). */
#pragma once

#include <gio/gio.h>

#include "cwa-deployment.h"

G_BEGIN_DECLS

/* The load balancer whose array @vs belongs to: its FQDN is @vs's URL host
 * and it lists @vs's computer as a member.  Borrowed, or NULL when @vs is no
 * array member. */
CwaLoadBalancer *cwa_topology_array_of             (CwaDeployment     *deployment,
                                                    CwaVirtualServer  *vs);
/* The array of @lb: the virtual servers on member computers whose URL host
 * is the array FQDN, in servers[] order (element type CwaVirtualServer,
 * owned references).  Possibly empty. */
GPtrArray       *cwa_topology_dup_array            (CwaDeployment     *deployment,
                                                    CwaLoadBalancer   *lb);
/* Every virtual server whose URL host equals @host, in plan order (element
 * type CwaVirtualServer, owned references). */
GPtrArray       *cwa_topology_dup_virtual_servers  (CwaDeployment     *deployment,
                                                    const gchar       *host);
/* The first publishing rule (reverse proxies and rules in plan order)
 * that publishes the virtual server with URL host @host, or NULL.
 * Borrowed. */
CwaPublishingRule *cwa_topology_find_publisher     (CwaDeployment     *deployment,
                                                    const gchar       *host);
/* The SSL-offloading load balancer @rule's proxy forwards to: one whose
 * FQDN or virtual IP is the rule's internal host or internal address.
 * Borrowed, or NULL. */
CwaLoadBalancer *cwa_topology_rule_target          (CwaDeployment     *deployment,
                                                    CwaPublishingRule *rule);
/* Whether @lb is such a load balancer for @rule (the test above for one
 * load balancer). */
gboolean         cwa_topology_rule_targets         (CwaPublishingRule *rule,
                                                    CwaLoadBalancer   *lb);
/* The certificates @rule's proxy is shown when it forwards (rules.md,
 * "Reverse proxies"): the target load balancer's SSL certificate, or the
 * SSL certificate of each virtual server with the published host.  Only
 * assigned ones, each once (element type CwaCertificate, owned
 * references); @target (may be NULL) receives the target load balancer. */
GPtrArray       *cwa_topology_dup_shown_certificates (CwaDeployment     *deployment,
                                                      CwaPublishingRule *rule,
                                                      CwaLoadBalancer  **target);
/* The same from what the look-ups above give: @target (may be NULL) and,
 * when it is NULL, @published, the virtual servers with the published host
 * in plan order (element type CwaVirtualServer; NULL for none). */
GPtrArray       *cwa_topology_shown_certificates_from (CwaLoadBalancer *target,
                                                       GPtrArray       *published);

/* The names of an array: its host (the array FQDN, normalised) and the
 * asURL and downloadURL hosts of its first virtual server (plan order), or
 * "as.<FQDN>" and "download.<FQDN>" when it has none. */
typedef struct
{
  gchar *host;
  gchar *as_host;
  gchar *download_host;
} CwaArrayNames;

void             cwa_topology_array_names          (CwaDeployment     *deployment,
                                                    CwaLoadBalancer   *lb,
                                                    CwaArrayNames     *names);
/* The same from @array, what cwa_topology_dup_array() gives for @lb. */
void             cwa_topology_array_names_from     (CwaLoadBalancer   *lb,
                                                    GPtrArray         *array,
                                                    CwaArrayNames     *names);
void             cwa_array_names_clear             (CwaArrayNames     *names);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CwaArrayNames, cwa_array_names_clear)

G_END_DECLS

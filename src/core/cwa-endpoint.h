/* cwa-endpoint.h: one planned TLS endpoint of a deployment: where probe connects and what it should find there. */
#pragma once

#include <gio/gio.h>

#include "cwa-certificate.h"
#include "cwa-enums.h"
#include "cwa-load-balancer.h"
#include "cwa-plan.h"
#include "cwa-reverse-proxy.h"
#include "cwa-server.h"
#include "cwa-virtual-server.h"

G_BEGIN_DECLS

#define CWA_TYPE_ENDPOINT (cwa_endpoint_get_type ())

G_DECLARE_FINAL_TYPE (CwaEndpoint, cwa_endpoint, CWA, ENDPOINT, GObject)

/* What the endpoint is in the plan (cli.md, "probe"). */
typedef enum
{
  /* An https virtual server that is not an array member: the URL host. */
  CWA_ENDPOINT_VIRTUAL_SERVER,
  /* One member of an array, probed past the load balancer on the
   * computer's FQDN with the array FQDN as TLS server name. */
  CWA_ENDPOINT_ARRAY_MEMBER,
  /* A load balancer: the array FQDN. */
  CWA_ENDPOINT_LOAD_BALANCER,
  /* A reverse-proxy listener: the published host. */
  CWA_ENDPOINT_LISTENER,
} CwaEndpointKind;

/* The planned TLS endpoints of @plan in plan order (element type
 * CwaEndpoint, owned): per server its https virtual servers' bindings
 * (an array member's on the computer's FQDN), then each load balancer in
 * front of an https array or offloading SSL, then each https publishing
 * rule's listener.  Never NULL; empty when the plan has no https endpoint. */
GPtrArray          *cwa_endpoint_list_for_plan      (CwaPlan     *plan);

CwaEndpointKind     cwa_endpoint_get_kind           (CwaEndpoint *self);
/* "HOST:PORT": how reports and --connect-to name it. */
const gchar        *cwa_endpoint_get_name           (CwaEndpoint *self);
/* The host of the name (normalised) and the port. */
const gchar        *cwa_endpoint_get_host           (CwaEndpoint *self);
guint               cwa_endpoint_get_port           (CwaEndpoint *self);
/* The TLS server name sent (SNI): the host users type. */
const gchar        *cwa_endpoint_get_server_name    (CwaEndpoint *self);
/* The specific address the plan gives (binding address, virtual IP,
 * listener address), or NULL: then the name's address is used. */
const gchar        *cwa_endpoint_get_planned_address (CwaEndpoint *self);

/* The subjects it belongs to; each may be NULL. */
CwaServer          *cwa_endpoint_get_server         (CwaEndpoint *self);
CwaVirtualServer   *cwa_endpoint_get_virtual_server (CwaEndpoint *self);
CwaLoadBalancer    *cwa_endpoint_get_load_balancer  (CwaEndpoint *self);
/* A listener's proxy and published host. */
CwaReverseProxy    *cwa_endpoint_get_reverse_proxy  (CwaEndpoint *self);
const gchar        *cwa_endpoint_get_published_host (CwaEndpoint *self);

/* The certificates it may serve (element type CwaCertificate): one, or for
 * a pass-through load balancer every member's SSL certificate; empty when
 * none is planned. */
GPtrArray          *cwa_endpoint_get_planned        (CwaEndpoint *self);
/* "a, b or c": the plan ids of the planned certificates, or "none". */
gchar              *cwa_endpoint_dup_planned_ids    (CwaEndpoint *self);
/* The names the served certificate must carry, as the ssl.*, lb.* and
 * rp.listener-* rules ask: the subject name first (the host users type),
 * then the asURL and downloadURL hosts.  NULL-terminated. */
const gchar * const *cwa_endpoint_get_required_names (CwaEndpoint *self);

/* The names of the DNS plan that belong to this endpoint (host, asURL,
 * downloadURL), NULL-terminated; empty for an array member, whose names
 * belong to its load balancer. */
const gchar * const *cwa_endpoint_get_dns_names     (CwaEndpoint *self);
/* The address of the host's A/AAAA record in the DNS plan, or NULL when the
 * plan gives none (a CNAME, or an address not in the plan), and the view
 * that record belongs to. */
const gchar        *cwa_endpoint_get_dns_address    (CwaEndpoint *self);
CwaAudience         cwa_endpoint_get_dns_view       (CwaEndpoint *self);

G_END_DECLS

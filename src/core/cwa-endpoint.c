/* cwa-endpoint.c: the planned TLS endpoints of a plan, each with what it should serve and where it is. */
#include "config.h"

#include <string.h>

#include "cwa-deployment.h"
#include "cwa-load-balancer.h"
#include "cwa-publishing-rule.h"
#include "cwa-reverse-proxy.h"
#include "cwa-endpoint.h"
#include "cwa-names.h"

struct _CwaEndpoint
{
  GObject           parent_instance;

  CwaEndpointKind   kind;
  gchar            *name;
  gchar            *host;
  guint             port;
  gchar            *server_name;
  gchar            *planned_address;
  CwaServer        *server;
  CwaVirtualServer *virtual_server;
  CwaLoadBalancer  *load_balancer;
  CwaReverseProxy  *reverse_proxy;
  gchar            *published_host;
  GPtrArray        *planned;
  GStrv             required_names;
  GStrv             dns_names;
  gchar            *dns_address;
  CwaAudience       dns_view;
};

G_DEFINE_FINAL_TYPE (CwaEndpoint, cwa_endpoint, G_TYPE_OBJECT)

static void
cwa_endpoint_finalize (GObject *object)
{
  CwaEndpoint *self = (CwaEndpoint *) object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->host, g_free);
  g_clear_pointer (&self->server_name, g_free);
  g_clear_pointer (&self->planned_address, g_free);
  g_clear_object (&self->server);
  g_clear_object (&self->virtual_server);
  g_clear_object (&self->load_balancer);
  g_clear_object (&self->reverse_proxy);
  g_clear_pointer (&self->published_host, g_free);
  g_clear_pointer (&self->planned, g_ptr_array_unref);
  g_clear_pointer (&self->required_names, g_strfreev);
  g_clear_pointer (&self->dns_names, g_strfreev);
  g_clear_pointer (&self->dns_address, g_free);

  G_OBJECT_CLASS (cwa_endpoint_parent_class)->finalize (object);
}

static void
cwa_endpoint_class_init (CwaEndpointClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cwa_endpoint_finalize;
}

static void
cwa_endpoint_init (CwaEndpoint *self)
{
  self->planned = g_ptr_array_new_with_free_func (g_object_unref);
}

static CwaEndpoint *
endpoint_new (CwaEndpointKind  kind,
              const gchar     *host,
              guint            port,
              const gchar     *server_name)
{
  CwaEndpoint *self = g_object_new (CWA_TYPE_ENDPOINT, NULL);

  self->kind = kind;
  self->host = g_strdup (host);
  self->port = port;
  self->name = g_strdup_printf ("%s:%u", host, port);
  self->server_name = g_strdup (server_name);

  return self;
}

/* The binding's address without IPv6 brackets, or NULL for "*". */
static gchar *
dup_binding_address (const gchar *address)
{
  if (address == NULL || g_str_equal (address, "*"))
    return NULL;

  if (address[0] == '[' && g_str_has_suffix (address, "]"))
    return g_strndup (address + 1, strlen (address) - 2);

  return g_strdup (address);
}

/* The host, asURL and downloadURL hosts of a virtual server. */
static GStrv
dup_site_names (CwaVirtualServer *vs)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  g_autofree gchar *as_host = cwa_virtual_server_dup_as_host (vs);
  g_autofree gchar *download_host = cwa_virtual_server_dup_download_host (vs);
  GStrv names;

  g_strv_builder_add (builder, cwa_virtual_server_get_host (vs));
  if (as_host != NULL)
    g_strv_builder_add (builder, as_host);
  if (download_host != NULL)
    g_strv_builder_add (builder, download_host);
  names = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  return names;
}

/* Whether a publishing rule of the plan publishes @host. */
static gboolean
is_published (CwaDeployment *deployment,
              const gchar   *host)
{
  GListModel *proxies = cwa_deployment_get_reverse_proxies (deployment);

  for (guint i = 0; i < g_list_model_get_n_items (proxies); i++)
    {
      g_autoptr(CwaReverseProxy) proxy = g_list_model_get_item (proxies, i);
      GListModel *rules = cwa_reverse_proxy_get_publishing_rules (proxy);

      for (guint j = 0; j < g_list_model_get_n_items (rules); j++)
        {
          g_autoptr(CwaPublishingRule) rule = g_list_model_get_item (rules, j);

          if (cwa_name_equal (cwa_publishing_rule_get_virtual_server_host (rule), host))
            return TRUE;
        }
    }

  return FALSE;
}

/* The view of a site's host record (rules.md, "DNS records"): external
 * for an external virtual server not published through a reverse proxy,
 * internal otherwise. */
static CwaAudience
site_view (CwaDeployment    *deployment,
           CwaVirtualServer *vs)
{
  if (cwa_virtual_server_get_audience (vs) == CWA_AUDIENCE_EXTERNAL &&
      !is_published (deployment, cwa_virtual_server_get_host (vs)))
    return CWA_AUDIENCE_EXTERNAL;

  return CWA_AUDIENCE_INTERNAL;
}

/* A host record needs an address; a CNAME to the computer has none. */
static void
set_dns (CwaEndpoint *self,
         const gchar *address,
         CwaAudience  view)
{
  self->dns_names = g_strdupv (self->required_names);
  if (address != NULL && g_hostname_is_ip_address (address))
    self->dns_address = g_strdup (address);
  self->dns_view = view;
}

/* The port and the specific address of a binding "address:port", or of
 * @default_port when @listen is NULL. */
static guint
parse_binding (const gchar  *listen,
               guint         default_port,
               gchar       **address)
{
  g_autofree gchar *bound = NULL;
  guint port = 0;

  *address = NULL;
  if (listen == NULL || !cwa_listen_parse (listen, &bound, &port, NULL))
    return default_port;

  *address = dup_binding_address (bound);
  return port;
}

/* The load balancer whose array @vs belongs to, or NULL. */
static CwaLoadBalancer *
find_array (CwaDeployment    *deployment,
            CwaServer        *server,
            CwaVirtualServer *vs)
{
  CwaLoadBalancer *load_balancer = cwa_deployment_find_load_balancer (deployment,
                                                                      cwa_virtual_server_get_host (vs));

  if (load_balancer == NULL || !cwa_load_balancer_has_member (load_balancer, cwa_server_get_fqdn (server)))
    return NULL;

  return load_balancer;
}

/* An https virtual server's binding: named by the URL host, or for an
 * array member by the computer's FQDN with the array FQDN as TLS server
 * name; serving its SSL certificate. */
static CwaEndpoint *
endpoint_new_for_virtual_server (CwaDeployment    *deployment,
                                 CwaServer        *server,
                                 CwaVirtualServer *vs)
{
  g_autofree gchar *address = NULL;
  CwaCertificate *ssl = cwa_virtual_server_get_ssl_certificate (vs);
  gboolean member = find_array (deployment, server, vs) != NULL;
  guint port;
  CwaEndpoint *self;

  /* The binding's port is where IIS listens; the URL's is what browsers
   * use.  With a binding given, the binding is what is probed. */
  port = parse_binding (cwa_virtual_server_get_listen (vs), cwa_virtual_server_get_port (vs), &address);
  self = endpoint_new (member ? CWA_ENDPOINT_ARRAY_MEMBER : CWA_ENDPOINT_VIRTUAL_SERVER,
                       member ? cwa_server_get_host (server) : cwa_virtual_server_get_host (vs), port,
                       cwa_virtual_server_get_host (vs));
  self->planned_address = g_steal_pointer (&address);
  self->server = g_object_ref (server);
  self->virtual_server = g_object_ref (vs);
  if (ssl != NULL)
    g_ptr_array_add (self->planned, g_object_ref (ssl));
  self->required_names = dup_site_names (vs);
  /* An array's names belong to its load balancer's endpoint. */
  if (member)
    self->dns_names = g_new0 (gchar *, 1);
  else
    set_dns (self, self->planned_address, site_view (deployment, vs));

  return self;
}

/* The first https virtual server of @load_balancer's array, in plan order
 * (the array's values where members disagree), and every member's SSL
 * certificate into @certificates.  NULL when the array has none. */
static CwaVirtualServer *
find_array_sites (CwaDeployment   *deployment,
                  CwaLoadBalancer *load_balancer,
                  GPtrArray       *certificates)
{
  CwaVirtualServerIter iter;
  CwaServer *server;
  CwaVirtualServer *vs;
  CwaVirtualServer *first = NULL;

  cwa_virtual_server_iter_init (&iter, deployment);
  while (cwa_virtual_server_iter_next (&iter, &server, &vs))
    {
      CwaCertificate *ssl = cwa_virtual_server_get_ssl_certificate (vs);

      if (!cwa_virtual_server_is_https (vs) || find_array (deployment, server, vs) != load_balancer)
        continue;
      if (first == NULL)
        first = vs;
      if (ssl != NULL && !g_ptr_array_find_with_equal_func (certificates, ssl, (GEqualFunc) cwa_certificate_equal, NULL))
        g_ptr_array_add (certificates, g_object_ref (ssl));
    }

  return first;
}

/* A load balancer in front of an https array, or offloading SSL: the
 * array FQDN at its virtual IP, serving its own certificate when it
 * offloads, else any member's. */
static CwaEndpoint *
endpoint_new_for_load_balancer (CwaDeployment   *deployment,
                                CwaLoadBalancer *load_balancer)
{
  g_autoptr(GPtrArray) members = g_ptr_array_new_with_free_func (g_object_unref);
  CwaVirtualServer *first = find_array_sites (deployment, load_balancer, members);
  gboolean offload = cwa_load_balancer_get_ssl_offload (load_balancer);
  CwaCertificate *own = cwa_load_balancer_get_ssl_certificate (load_balancer);
  const gchar *host = cwa_load_balancer_get_host (load_balancer);
  CwaEndpoint *self;

  if (first == NULL && !offload)
    return NULL;

  self = endpoint_new (CWA_ENDPOINT_LOAD_BALANCER, host, first != NULL ? cwa_virtual_server_get_port (first) : 443,
                       host);
  self->load_balancer = g_object_ref (load_balancer);
  if (cwa_load_balancer_get_vip (load_balancer) != NULL)
    self->planned_address = g_strdup (cwa_load_balancer_get_vip (load_balancer));
  if (offload && own != NULL)
    g_ptr_array_add (self->planned, g_object_ref (own));
  else if (!offload)
    g_ptr_array_extend_and_steal (self->planned, g_steal_pointer (&members));

  if (first != NULL)
    self->required_names = dup_site_names (first);
  else
    self->required_names = g_strdupv ((gchar *[]) { (gchar *) host, NULL });
  set_dns (self, self->planned_address,
           first != NULL ? site_view (deployment, first) : CWA_AUDIENCE_INTERNAL);

  return self;
}

/* An https publishing rule's listener: the published host, serving the
 * listener certificate; its names are the published ones, external. */
static CwaEndpoint *
endpoint_new_for_listener (CwaReverseProxy   *proxy,
                           CwaPublishingRule *rule)
{
  g_autofree gchar *address = NULL;
  g_autofree gchar *as_host = cwa_publishing_rule_dup_as_host (rule);
  g_autofree gchar *download_host = cwa_publishing_rule_dup_download_host (rule);
  CwaCertificate *listener = cwa_publishing_rule_get_listener_certificate (rule);
  const gchar *host = cwa_publishing_rule_get_published_host (rule);
  guint port = parse_binding (cwa_publishing_rule_get_listen (rule), cwa_publishing_rule_get_port (rule), &address);
  CwaEndpoint *self = endpoint_new (CWA_ENDPOINT_LISTENER, host, port, host);

  self->planned_address = g_steal_pointer (&address);
  self->reverse_proxy = g_object_ref (proxy);
  self->published_host = g_strdup (host);
  if (listener != NULL)
    g_ptr_array_add (self->planned, g_object_ref (listener));
  self->required_names = g_strdupv ((gchar *[]) { (gchar *) host, as_host, download_host, NULL });
  set_dns (self, self->planned_address, CWA_AUDIENCE_EXTERNAL);

  return self;
}

static void
add_server_endpoints (GPtrArray     *endpoints,
                      CwaDeployment *deployment)
{
  CwaVirtualServerIter iter;
  CwaServer *server;
  CwaVirtualServer *vs;

  cwa_virtual_server_iter_init (&iter, deployment);
  while (cwa_virtual_server_iter_next (&iter, &server, &vs))
    if (cwa_virtual_server_is_https (vs))
      g_ptr_array_add (endpoints, endpoint_new_for_virtual_server (deployment, server, vs));
}

static void
add_edge_endpoints (GPtrArray     *endpoints,
                    CwaDeployment *deployment)
{
  GListModel *load_balancers = cwa_deployment_get_load_balancers (deployment);
  GListModel *proxies = cwa_deployment_get_reverse_proxies (deployment);

  for (guint i = 0; i < g_list_model_get_n_items (load_balancers); i++)
    {
      g_autoptr(CwaLoadBalancer) load_balancer = g_list_model_get_item (load_balancers, i);
      CwaEndpoint *endpoint = endpoint_new_for_load_balancer (deployment, load_balancer);

      if (endpoint != NULL)
        g_ptr_array_add (endpoints, endpoint);
    }

  for (guint i = 0; i < g_list_model_get_n_items (proxies); i++)
    {
      g_autoptr(CwaReverseProxy) proxy = g_list_model_get_item (proxies, i);
      GListModel *rules = cwa_reverse_proxy_get_publishing_rules (proxy);

      for (guint j = 0; j < g_list_model_get_n_items (rules); j++)
        {
          g_autoptr(CwaPublishingRule) rule = g_list_model_get_item (rules, j);

          if (cwa_publishing_rule_is_https (rule))
            g_ptr_array_add (endpoints, endpoint_new_for_listener (proxy, rule));
        }
    }
}

GPtrArray *
cwa_endpoint_list_for_plan (CwaPlan *plan)
{
  GPtrArray *endpoints = g_ptr_array_new_with_free_func (g_object_unref);
  CwaDeployment *deployment;

  g_return_val_if_fail (CWA_IS_PLAN (plan), endpoints);

  /* Plan order (cli.md): servers, then load balancers, then reverse
   * proxies with their publishing rules. */
  deployment = cwa_plan_get_deployment (plan);
  add_server_endpoints (endpoints, deployment);
  add_edge_endpoints (endpoints, deployment);

  return endpoints;
}

CwaLoadBalancer *
cwa_endpoint_get_load_balancer (CwaEndpoint *self)
{
  g_return_val_if_fail (CWA_IS_ENDPOINT (self), NULL);

  return self->load_balancer;
}

CwaReverseProxy *
cwa_endpoint_get_reverse_proxy (CwaEndpoint *self)
{
  g_return_val_if_fail (CWA_IS_ENDPOINT (self), NULL);

  return self->reverse_proxy;
}

const gchar *
cwa_endpoint_get_published_host (CwaEndpoint *self)
{
  g_return_val_if_fail (CWA_IS_ENDPOINT (self), NULL);

  return self->published_host;
}

CwaEndpointKind
cwa_endpoint_get_kind (CwaEndpoint *self)
{
  g_return_val_if_fail (CWA_IS_ENDPOINT (self), CWA_ENDPOINT_VIRTUAL_SERVER);

  return self->kind;
}

const gchar *
cwa_endpoint_get_name (CwaEndpoint *self)
{
  g_return_val_if_fail (CWA_IS_ENDPOINT (self), NULL);

  return self->name;
}

const gchar *
cwa_endpoint_get_host (CwaEndpoint *self)
{
  g_return_val_if_fail (CWA_IS_ENDPOINT (self), NULL);

  return self->host;
}

guint
cwa_endpoint_get_port (CwaEndpoint *self)
{
  g_return_val_if_fail (CWA_IS_ENDPOINT (self), 0);

  return self->port;
}

const gchar *
cwa_endpoint_get_server_name (CwaEndpoint *self)
{
  g_return_val_if_fail (CWA_IS_ENDPOINT (self), NULL);

  return self->server_name;
}

const gchar *
cwa_endpoint_get_planned_address (CwaEndpoint *self)
{
  g_return_val_if_fail (CWA_IS_ENDPOINT (self), NULL);

  return self->planned_address;
}

CwaServer *
cwa_endpoint_get_server (CwaEndpoint *self)
{
  g_return_val_if_fail (CWA_IS_ENDPOINT (self), NULL);

  return self->server;
}

CwaVirtualServer *
cwa_endpoint_get_virtual_server (CwaEndpoint *self)
{
  g_return_val_if_fail (CWA_IS_ENDPOINT (self), NULL);

  return self->virtual_server;
}

GPtrArray *
cwa_endpoint_get_planned (CwaEndpoint *self)
{
  g_return_val_if_fail (CWA_IS_ENDPOINT (self), NULL);

  return self->planned;
}

gchar *
cwa_endpoint_dup_planned_ids (CwaEndpoint *self)
{
  g_autoptr(GString) ids = g_string_new (NULL);

  g_return_val_if_fail (CWA_IS_ENDPOINT (self), NULL);

  if (self->planned->len == 0)
    return g_strdup ("none");

  for (guint i = 0; i < self->planned->len; i++)
    {
      CwaCertificate *certificate = g_ptr_array_index (self->planned, i);
      const gchar *id = cwa_certificate_get_id (certificate);

      if (i > 0)
        g_string_append (ids, i + 1 == self->planned->len ? " or " : ", ");
      g_string_append (ids, id != NULL ? id : cwa_certificate_get_display_name (certificate));
    }

  return g_string_free (g_steal_pointer (&ids), FALSE);
}

const gchar * const *
cwa_endpoint_get_required_names (CwaEndpoint *self)
{
  g_return_val_if_fail (CWA_IS_ENDPOINT (self), NULL);

  return (const gchar * const *) self->required_names;
}

const gchar * const *
cwa_endpoint_get_dns_names (CwaEndpoint *self)
{
  g_return_val_if_fail (CWA_IS_ENDPOINT (self), NULL);

  return (const gchar * const *) self->dns_names;
}

const gchar *
cwa_endpoint_get_dns_address (CwaEndpoint *self)
{
  g_return_val_if_fail (CWA_IS_ENDPOINT (self), NULL);

  return self->dns_address;
}

CwaAudience
cwa_endpoint_get_dns_view (CwaEndpoint *self)
{
  g_return_val_if_fail (CWA_IS_ENDPOINT (self), CWA_AUDIENCE_INTERNAL);

  return self->dns_view;
}

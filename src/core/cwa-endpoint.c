/* cwa-endpoint.c: the planned TLS endpoints of a plan, each with what it should serve and where it is. */
#include "config.h"

#include <string.h>

#include "cwa-deployment.h"
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

/* The view of a virtual server's host record (rules.md, "DNS records"):
 * external for an external virtual server, internal otherwise. */
static CwaAudience
site_view (CwaVirtualServer *vs)
{
  return cwa_virtual_server_get_audience (vs);
}

/* An https virtual server that is not an array member: its binding, named
 * by the URL host, serving its SSL certificate. */
static CwaEndpoint *
endpoint_new_for_virtual_server (CwaServer        *server,
                                 CwaVirtualServer *vs)
{
  g_autofree gchar *listen = cwa_virtual_server_dup_effective_listen (vs);
  g_autofree gchar *address = NULL;
  CwaCertificate *ssl = cwa_virtual_server_get_ssl_certificate (vs);
  guint port = cwa_virtual_server_get_port (vs);
  CwaEndpoint *self;

  /* The binding's port is where IIS listens; the URL's is what browsers
   * use.  With a binding given, the binding is what is probed. */
  if (cwa_virtual_server_get_listen (vs) != NULL)
    {
      guint listen_port = 0;

      if (cwa_listen_parse (listen, &address, &listen_port, NULL))
        port = listen_port;
    }

  self = endpoint_new (CWA_ENDPOINT_VIRTUAL_SERVER, cwa_virtual_server_get_host (vs), port,
                       cwa_virtual_server_get_host (vs));
  self->planned_address = dup_binding_address (address);
  self->server = g_object_ref (server);
  self->virtual_server = g_object_ref (vs);
  if (ssl != NULL)
    g_ptr_array_add (self->planned, g_object_ref (ssl));
  self->required_names = dup_site_names (vs);
  self->dns_names = g_strdupv (self->required_names);
  /* A host record needs an address; a CNAME to the computer has none. */
  if (self->planned_address != NULL && g_hostname_is_ip_address (self->planned_address))
    self->dns_address = g_strdup (self->planned_address);
  self->dns_view = site_view (vs);

  return self;
}

GPtrArray *
cwa_endpoint_list_for_plan (CwaPlan *plan)
{
  GPtrArray *endpoints = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *servers;
  guint n_servers;

  g_return_val_if_fail (CWA_IS_PLAN (plan), endpoints);

  servers = cwa_deployment_get_servers (cwa_plan_get_deployment (plan));
  n_servers = g_list_model_get_n_items (servers);
  for (guint i = 0; i < n_servers; i++)
    {
      g_autoptr(CwaServer) server = g_list_model_get_item (servers, i);
      GListModel *list = cwa_server_get_virtual_servers (server);
      guint n = g_list_model_get_n_items (list);

      for (guint j = 0; j < n; j++)
        {
          g_autoptr(CwaVirtualServer) vs = g_list_model_get_item (list, j);

          if (cwa_virtual_server_is_https (vs))
            g_ptr_array_add (endpoints, endpoint_new_for_virtual_server (server, vs));
        }
    }

  return endpoints;
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

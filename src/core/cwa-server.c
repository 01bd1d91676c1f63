/* cwa-server.c: one CWA server computer, its MTLS certificate and its virtual servers. */
#include "config.h"

#include "cwa-names.h"
#include "cwa-plan-private.h"
#include "cwa-server.h"
#include "cwa-model-private.h"

struct _CwaServer
{
  GObject         parent_instance;

  gchar          *fqdn;
  gchar          *host;
  CwaCertificate *mtls_certificate;
  GListStore     *virtual_servers;
};

G_DEFINE_FINAL_TYPE (CwaServer, cwa_server, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FQDN,
  PROP_HOST,
  PROP_MTLS_CERTIFICATE,
  PROP_VIRTUAL_SERVERS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gpointer
get_server (gpointer virtual_server)
{
  return cwa_virtual_server_get_server (virtual_server);
}

static void
set_server (gpointer virtual_server,
            gpointer server)
{
  _cwa_virtual_server_set_server (virtual_server, server);
}

static const CwaModelChildLink virtual_server_link = { get_server, set_server };

static void
cwa_server_dispose (GObject *object)
{
  CwaServer *self = CWA_SERVER (object);

  _cwa_model_children_release (self->virtual_servers, self, &virtual_server_link);
  g_clear_object (&self->virtual_servers);
  g_clear_object (&self->mtls_certificate);

  G_OBJECT_CLASS (cwa_server_parent_class)->dispose (object);
}

static void
cwa_server_finalize (GObject *object)
{
  CwaServer *self = CWA_SERVER (object);

  g_clear_pointer (&self->fqdn, g_free);
  g_clear_pointer (&self->host, g_free);

  G_OBJECT_CLASS (cwa_server_parent_class)->finalize (object);
}

static void
cwa_server_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CwaServer *self = CWA_SERVER (object);

  switch (prop_id)
    {
    case PROP_FQDN:
      g_value_set_string (value, self->fqdn);
      break;
    case PROP_HOST:
      g_value_set_string (value, self->host);
      break;
    case PROP_MTLS_CERTIFICATE:
      g_value_set_object (value, self->mtls_certificate);
      break;
    case PROP_VIRTUAL_SERVERS:
      g_value_set_object (value, self->virtual_servers);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cwa_server_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  CwaServer *self = CWA_SERVER (object);

  switch (prop_id)
    {
    case PROP_FQDN:
      cwa_server_set_fqdn (self, g_value_get_string (value));
      break;
    case PROP_MTLS_CERTIFICATE:
      cwa_server_set_mtls_certificate (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cwa_server_class_init (CwaServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cwa_server_dispose;
  object_class->finalize = cwa_server_finalize;
  object_class->get_property = cwa_server_get_property;
  object_class->set_property = cwa_server_set_property;

  properties[PROP_FQDN] =
    g_param_spec_string ("fqdn", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_HOST] =
    g_param_spec_string ("host", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_MTLS_CERTIFICATE] =
    g_param_spec_object ("mtls-certificate", NULL, NULL,
                         CWA_TYPE_CERTIFICATE,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_VIRTUAL_SERVERS] =
    g_param_spec_object ("virtual-servers", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cwa_server_init (CwaServer *self)
{
  self->virtual_servers = g_list_store_new (CWA_TYPE_VIRTUAL_SERVER);
}

CwaServer *
cwa_server_new (const gchar *fqdn)
{
  g_return_val_if_fail (fqdn != NULL, NULL);

  return g_object_new (CWA_TYPE_SERVER,
                       "fqdn", fqdn,
                       NULL);
}

const gchar *
cwa_server_get_fqdn (CwaServer *self)
{
  g_return_val_if_fail (CWA_IS_SERVER (self), NULL);

  return self->fqdn;
}

void
cwa_server_set_fqdn (CwaServer   *self,
                     const gchar *fqdn)
{
  g_return_if_fail (CWA_IS_SERVER (self));
  g_return_if_fail (fqdn != NULL);

  /* The plan file refuses an invalid FQDN; the GUI may hold one while the
   * user types, and the rules still need a host to print. */
  _cwa_model_set_fqdn (G_OBJECT (self), fqdn, &self->fqdn, &self->host,
                       properties[PROP_FQDN], properties[PROP_HOST]);
}

const gchar *
cwa_server_get_host (CwaServer *self)
{
  g_return_val_if_fail (CWA_IS_SERVER (self), NULL);

  return self->host;
}

CwaCertificate *
cwa_server_get_mtls_certificate (CwaServer *self)
{
  g_return_val_if_fail (CWA_IS_SERVER (self), NULL);

  return self->mtls_certificate;
}

void
cwa_server_set_mtls_certificate (CwaServer      *self,
                                 CwaCertificate *certificate)
{
  g_return_if_fail (CWA_IS_SERVER (self));
  g_return_if_fail (certificate == NULL || CWA_IS_CERTIFICATE (certificate));

  _cwa_model_set_certificate (G_OBJECT (self), &self->mtls_certificate, certificate,
                              properties[PROP_MTLS_CERTIFICATE]);
}

GListModel *
cwa_server_get_virtual_servers (CwaServer *self)
{
  g_return_val_if_fail (CWA_IS_SERVER (self), NULL);

  return G_LIST_MODEL (self->virtual_servers);
}

void
cwa_server_add_virtual_server (CwaServer        *self,
                               CwaVirtualServer *virtual_server)
{
  g_return_if_fail (CWA_IS_SERVER (self));

  cwa_server_insert_virtual_server (self,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->virtual_servers)),
                                    virtual_server);
}

void
cwa_server_insert_virtual_server (CwaServer        *self,
                                  guint             position,
                                  CwaVirtualServer *virtual_server)
{
  g_return_if_fail (CWA_IS_SERVER (self));
  g_return_if_fail (CWA_IS_VIRTUAL_SERVER (virtual_server));
  g_return_if_fail (cwa_virtual_server_get_server (virtual_server) == NULL);

  _cwa_model_children_insert (self->virtual_servers, self, position, virtual_server,
                              &virtual_server_link);
}

void
cwa_server_remove_virtual_server (CwaServer        *self,
                                  CwaVirtualServer *virtual_server)
{
  g_return_if_fail (CWA_IS_SERVER (self));
  g_return_if_fail (CWA_IS_VIRTUAL_SERVER (virtual_server));

  if (!_cwa_model_children_remove (self->virtual_servers, virtual_server, &virtual_server_link))
    g_return_if_reached ();
}

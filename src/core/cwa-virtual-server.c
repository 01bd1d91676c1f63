/* cwa-virtual-server.c: one IIS virtual server of CWA: URL, audience, binding, overrides, SSL certificate. */
#include "config.h"

#include "cwa-names.h"
#include "cwa-plan-private.h"
#include "cwa-virtual-server.h"
#include "cwa-model-private.h"

struct _CwaVirtualServer
{
  GObject         parent_instance;

  /* The URL, and its host, scheme and port derived whenever it changes. */
  CwaUrlFields    link;

  CwaAudience     audience;
  gchar          *listen;
  gchar          *as_url;
  gchar          *download_url;
  CwaCertificate *ssl_certificate;
  CwaServer      *server;  /* weak */
};

G_DEFINE_FINAL_TYPE (CwaVirtualServer, cwa_virtual_server, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_URL,
  PROP_HOST,
  PROP_IS_HTTPS,
  PROP_PORT,
  PROP_AUDIENCE,
  PROP_LISTEN,
  PROP_AS_URL,
  PROP_DOWNLOAD_URL,
  PROP_SSL_CERTIFICATE,
  PROP_SERVER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cwa_virtual_server_dispose (GObject *object)
{
  CwaVirtualServer *self = CWA_VIRTUAL_SERVER (object);

  g_clear_object (&self->ssl_certificate);
  g_clear_weak_pointer (&self->server);

  G_OBJECT_CLASS (cwa_virtual_server_parent_class)->dispose (object);
}

static void
cwa_virtual_server_finalize (GObject *object)
{
  CwaVirtualServer *self = CWA_VIRTUAL_SERVER (object);

  g_clear_pointer (&self->link.url, g_free);
  g_clear_pointer (&self->link.host, g_free);
  g_clear_pointer (&self->listen, g_free);
  g_clear_pointer (&self->as_url, g_free);
  g_clear_pointer (&self->download_url, g_free);

  G_OBJECT_CLASS (cwa_virtual_server_parent_class)->finalize (object);
}

static void
cwa_virtual_server_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CwaVirtualServer *self = CWA_VIRTUAL_SERVER (object);

  switch (prop_id)
    {
    case PROP_URL:
      g_value_set_string (value, self->link.url);
      break;
    case PROP_HOST:
      g_value_set_string (value, self->link.host);
      break;
    case PROP_IS_HTTPS:
      g_value_set_boolean (value, self->link.is_https);
      break;
    case PROP_PORT:
      g_value_set_uint (value, self->link.port);
      break;
    case PROP_AUDIENCE:
      g_value_set_enum (value, self->audience);
      break;
    case PROP_LISTEN:
      g_value_set_string (value, self->listen);
      break;
    case PROP_AS_URL:
      g_value_set_string (value, self->as_url);
      break;
    case PROP_DOWNLOAD_URL:
      g_value_set_string (value, self->download_url);
      break;
    case PROP_SSL_CERTIFICATE:
      g_value_set_object (value, self->ssl_certificate);
      break;
    case PROP_SERVER:
      g_value_set_object (value, self->server);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cwa_virtual_server_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CwaVirtualServer *self = CWA_VIRTUAL_SERVER (object);

  switch (prop_id)
    {
    case PROP_URL:
      cwa_virtual_server_set_url (self, g_value_get_string (value));
      break;
    case PROP_AUDIENCE:
      cwa_virtual_server_set_audience (self, g_value_get_enum (value));
      break;
    case PROP_LISTEN:
      cwa_virtual_server_set_listen (self, g_value_get_string (value));
      break;
    case PROP_AS_URL:
      cwa_virtual_server_set_as_url (self, g_value_get_string (value));
      break;
    case PROP_DOWNLOAD_URL:
      cwa_virtual_server_set_download_url (self, g_value_get_string (value));
      break;
    case PROP_SSL_CERTIFICATE:
      cwa_virtual_server_set_ssl_certificate (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cwa_virtual_server_class_init (CwaVirtualServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cwa_virtual_server_dispose;
  object_class->finalize = cwa_virtual_server_finalize;
  object_class->get_property = cwa_virtual_server_get_property;
  object_class->set_property = cwa_virtual_server_set_property;

  /* Not construct-only: a NULL url would fail the validity check, so
   * cwa_virtual_server_new() sets it after construction. */
  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_HOST] =
    g_param_spec_string ("host", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_IS_HTTPS] =
    g_param_spec_boolean ("is-https", NULL, NULL,
                          TRUE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_PORT] =
    g_param_spec_uint ("port", NULL, NULL,
                       0, G_MAXUINT16, 443,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_AUDIENCE] =
    g_param_spec_enum ("audience", NULL, NULL,
                       CWA_TYPE_AUDIENCE, CWA_AUDIENCE_INTERNAL,
                       (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_LISTEN] =
    g_param_spec_string ("listen", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_AS_URL] =
    g_param_spec_string ("as-url", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_DOWNLOAD_URL] =
    g_param_spec_string ("download-url", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_SSL_CERTIFICATE] =
    g_param_spec_object ("ssl-certificate", NULL, NULL,
                         CWA_TYPE_CERTIFICATE,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_SERVER] =
    g_param_spec_object ("server", NULL, NULL,
                         cwa_server_get_type (),
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cwa_virtual_server_init (CwaVirtualServer *self)
{
  self->link.is_https = TRUE;
  self->link.port = 443;
  self->audience = CWA_AUDIENCE_INTERNAL;
}

CwaVirtualServer *
cwa_virtual_server_new (const gchar *url,
                        CwaAudience  audience)
{
  CwaVirtualServer *self;

  g_return_val_if_fail (url != NULL, NULL);
  g_return_val_if_fail (cwa_url_parse (url, NULL, NULL, NULL, NULL), NULL);

  self = g_object_new (CWA_TYPE_VIRTUAL_SERVER,
                       "audience", audience,
                       NULL);
  cwa_virtual_server_set_url (self, url);

  return self;
}

const gchar *
cwa_virtual_server_get_url (CwaVirtualServer *self)
{
  g_return_val_if_fail (CWA_IS_VIRTUAL_SERVER (self), NULL);

  return self->link.url;
}

void
cwa_virtual_server_set_url (CwaVirtualServer *self,
                            const gchar      *url)
{
  const CwaUrlPspecs pspecs = { properties[PROP_URL], properties[PROP_HOST],
                                properties[PROP_IS_HTTPS], properties[PROP_PORT] };

  g_return_if_fail (CWA_IS_VIRTUAL_SERVER (self));
  g_return_if_fail (url != NULL);
  g_return_if_fail (cwa_url_parse (url, NULL, NULL, NULL, NULL));

  _cwa_model_set_url (G_OBJECT (self), url, &self->link, &pspecs);
}

const gchar *
cwa_virtual_server_get_host (CwaVirtualServer *self)
{
  g_return_val_if_fail (CWA_IS_VIRTUAL_SERVER (self), NULL);

  return self->link.host;
}

gboolean
cwa_virtual_server_is_https (CwaVirtualServer *self)
{
  g_return_val_if_fail (CWA_IS_VIRTUAL_SERVER (self), FALSE);

  return self->link.is_https;
}

guint
cwa_virtual_server_get_port (CwaVirtualServer *self)
{
  g_return_val_if_fail (CWA_IS_VIRTUAL_SERVER (self), 0);

  return self->link.port;
}

CwaAudience
cwa_virtual_server_get_audience (CwaVirtualServer *self)
{
  g_return_val_if_fail (CWA_IS_VIRTUAL_SERVER (self), CWA_AUDIENCE_INTERNAL);

  return self->audience;
}

void
cwa_virtual_server_set_audience (CwaVirtualServer *self,
                                 CwaAudience       audience)
{
  g_return_if_fail (CWA_IS_VIRTUAL_SERVER (self));
  g_return_if_fail (audience == CWA_AUDIENCE_INTERNAL || audience == CWA_AUDIENCE_EXTERNAL);

  if (self->audience == audience)
    return;

  self->audience = audience;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUDIENCE]);
}

const gchar *
cwa_virtual_server_get_listen (CwaVirtualServer *self)
{
  g_return_val_if_fail (CWA_IS_VIRTUAL_SERVER (self), NULL);

  return self->listen;
}

void
cwa_virtual_server_set_listen (CwaVirtualServer *self,
                               const gchar      *listen)
{
  g_return_if_fail (CWA_IS_VIRTUAL_SERVER (self));

  _cwa_model_set_optional_string (G_OBJECT (self), &self->listen, listen,
                                  properties[PROP_LISTEN]);
}

gchar *
cwa_virtual_server_dup_effective_listen (CwaVirtualServer *self)
{
  g_return_val_if_fail (CWA_IS_VIRTUAL_SERVER (self), NULL);

  if (self->listen != NULL)
    return g_strdup (self->listen);

  return g_strdup (self->link.is_https ? "*:443" : "*:80");
}

const gchar *
cwa_virtual_server_get_as_url (CwaVirtualServer *self)
{
  g_return_val_if_fail (CWA_IS_VIRTUAL_SERVER (self), NULL);

  return self->as_url;
}

void
cwa_virtual_server_set_as_url (CwaVirtualServer *self,
                               const gchar      *as_url)
{
  g_return_if_fail (CWA_IS_VIRTUAL_SERVER (self));

  _cwa_model_set_optional_string (G_OBJECT (self), &self->as_url, as_url,
                                  properties[PROP_AS_URL]);
}

const gchar *
cwa_virtual_server_get_download_url (CwaVirtualServer *self)
{
  g_return_val_if_fail (CWA_IS_VIRTUAL_SERVER (self), NULL);

  return self->download_url;
}

void
cwa_virtual_server_set_download_url (CwaVirtualServer *self,
                                     const gchar      *download_url)
{
  g_return_if_fail (CWA_IS_VIRTUAL_SERVER (self));

  _cwa_model_set_optional_string (G_OBJECT (self), &self->download_url, download_url,
                                  properties[PROP_DOWNLOAD_URL]);
}

gchar *
cwa_virtual_server_dup_as_host (CwaVirtualServer *self)
{
  g_return_val_if_fail (CWA_IS_VIRTUAL_SERVER (self), NULL);

  return cwa_url_dup_derived_host (self->as_url, self->link.host, "as");
}

gchar *
cwa_virtual_server_dup_download_host (CwaVirtualServer *self)
{
  g_return_val_if_fail (CWA_IS_VIRTUAL_SERVER (self), NULL);

  return cwa_url_dup_derived_host (self->download_url, self->link.host, "download");
}

CwaCertificate *
cwa_virtual_server_get_ssl_certificate (CwaVirtualServer *self)
{
  g_return_val_if_fail (CWA_IS_VIRTUAL_SERVER (self), NULL);

  return self->ssl_certificate;
}

void
cwa_virtual_server_set_ssl_certificate (CwaVirtualServer *self,
                                        CwaCertificate   *certificate)
{
  g_return_if_fail (CWA_IS_VIRTUAL_SERVER (self));
  g_return_if_fail (certificate == NULL || CWA_IS_CERTIFICATE (certificate));

  _cwa_model_set_certificate (G_OBJECT (self), &self->ssl_certificate, certificate,
                              properties[PROP_SSL_CERTIFICATE]);
}

CwaServer *
cwa_virtual_server_get_server (CwaVirtualServer *self)
{
  g_return_val_if_fail (CWA_IS_VIRTUAL_SERVER (self), NULL);

  return self->server;
}

void
_cwa_virtual_server_set_server (CwaVirtualServer *self,
                                CwaServer        *server)
{
  g_return_if_fail (CWA_IS_VIRTUAL_SERVER (self));
  g_return_if_fail (server == NULL || G_TYPE_CHECK_INSTANCE_TYPE (server, cwa_server_get_type ()));

  _cwa_model_set_parent (G_OBJECT (self), (GObject **) &self->server, (GObject *) server,
                         properties[PROP_SERVER]);
}

/* cwa-publishing-rule.c: one web publishing rule: published URL, listener, internal host and address. */
#include "config.h"

#include "cwa-names.h"
#include "cwa-plan-private.h"
#include "cwa-publishing-rule.h"
#include "cwa-model-private.h"

struct _CwaPublishingRule
{
  GObject          parent_instance;

  /* The published URL, and its host, scheme and port derived whenever it
   * changes. */
  CwaUrlFields     published;

  gchar           *listen;
  CwaCertificate  *listener_certificate;
  gchar           *virtual_server;
  gchar           *virtual_server_host;
  gchar           *internal_host;
  /* Derived from internal_host and virtual_server. */
  gchar           *effective_internal_host;
  gboolean         internal_host_is_address;
  gchar           *internal_address;
  gchar           *as_url;
  gchar           *download_url;
  CwaReverseProxy *reverse_proxy;  /* weak */
};

G_DEFINE_FINAL_TYPE (CwaPublishingRule, cwa_publishing_rule, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PUBLISHED_URL,
  PROP_PUBLISHED_HOST,
  PROP_IS_HTTPS,
  PROP_PORT,
  PROP_LISTEN,
  PROP_LISTENER_CERTIFICATE,
  PROP_VIRTUAL_SERVER,
  PROP_INTERNAL_HOST,
  PROP_INTERNAL_ADDRESS,
  PROP_AS_URL,
  PROP_DOWNLOAD_URL,
  PROP_REVERSE_PROXY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cwa_publishing_rule_dispose (GObject *object)
{
  CwaPublishingRule *self = CWA_PUBLISHING_RULE (object);

  g_clear_object (&self->listener_certificate);
  g_clear_weak_pointer (&self->reverse_proxy);

  G_OBJECT_CLASS (cwa_publishing_rule_parent_class)->dispose (object);
}

static void
cwa_publishing_rule_finalize (GObject *object)
{
  CwaPublishingRule *self = CWA_PUBLISHING_RULE (object);

  g_clear_pointer (&self->published.url, g_free);
  g_clear_pointer (&self->published.host, g_free);
  g_clear_pointer (&self->listen, g_free);
  g_clear_pointer (&self->virtual_server, g_free);
  g_clear_pointer (&self->virtual_server_host, g_free);
  g_clear_pointer (&self->internal_host, g_free);
  g_clear_pointer (&self->effective_internal_host, g_free);
  g_clear_pointer (&self->internal_address, g_free);
  g_clear_pointer (&self->as_url, g_free);
  g_clear_pointer (&self->download_url, g_free);

  G_OBJECT_CLASS (cwa_publishing_rule_parent_class)->finalize (object);
}

static void
cwa_publishing_rule_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  CwaPublishingRule *self = CWA_PUBLISHING_RULE (object);

  switch (prop_id)
    {
    case PROP_PUBLISHED_URL:
      g_value_set_string (value, self->published.url);
      break;
    case PROP_PUBLISHED_HOST:
      g_value_set_string (value, self->published.host);
      break;
    case PROP_IS_HTTPS:
      g_value_set_boolean (value, self->published.is_https);
      break;
    case PROP_PORT:
      g_value_set_uint (value, self->published.port);
      break;
    case PROP_LISTEN:
      g_value_set_string (value, self->listen);
      break;
    case PROP_LISTENER_CERTIFICATE:
      g_value_set_object (value, self->listener_certificate);
      break;
    case PROP_VIRTUAL_SERVER:
      g_value_set_string (value, self->virtual_server);
      break;
    case PROP_INTERNAL_HOST:
      g_value_set_string (value, self->internal_host);
      break;
    case PROP_INTERNAL_ADDRESS:
      g_value_set_string (value, self->internal_address);
      break;
    case PROP_AS_URL:
      g_value_set_string (value, self->as_url);
      break;
    case PROP_DOWNLOAD_URL:
      g_value_set_string (value, self->download_url);
      break;
    case PROP_REVERSE_PROXY:
      g_value_set_object (value, self->reverse_proxy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cwa_publishing_rule_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  CwaPublishingRule *self = CWA_PUBLISHING_RULE (object);

  switch (prop_id)
    {
    case PROP_PUBLISHED_URL:
      cwa_publishing_rule_set_published_url (self, g_value_get_string (value));
      break;
    case PROP_LISTEN:
      cwa_publishing_rule_set_listen (self, g_value_get_string (value));
      break;
    case PROP_LISTENER_CERTIFICATE:
      cwa_publishing_rule_set_listener_certificate (self, g_value_get_object (value));
      break;
    case PROP_VIRTUAL_SERVER:
      cwa_publishing_rule_set_virtual_server (self, g_value_get_string (value));
      break;
    case PROP_INTERNAL_HOST:
      cwa_publishing_rule_set_internal_host (self, g_value_get_string (value));
      break;
    case PROP_INTERNAL_ADDRESS:
      cwa_publishing_rule_set_internal_address (self, g_value_get_string (value));
      break;
    case PROP_AS_URL:
      cwa_publishing_rule_set_as_url (self, g_value_get_string (value));
      break;
    case PROP_DOWNLOAD_URL:
      cwa_publishing_rule_set_download_url (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_property (const gchar *name,
                 GParamFlags  access)
{
  return g_param_spec_string (name, NULL, NULL, NULL,
                              access | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
}

static void
cwa_publishing_rule_class_init (CwaPublishingRuleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cwa_publishing_rule_dispose;
  object_class->finalize = cwa_publishing_rule_finalize;
  object_class->get_property = cwa_publishing_rule_get_property;
  object_class->set_property = cwa_publishing_rule_set_property;

  /* Not construct-only: cwa_publishing_rule_new() sets the URL after
   * construction, as a NULL one would fail the validity check. */
  properties[PROP_PUBLISHED_URL] = string_property ("published-url", G_PARAM_READWRITE);
  properties[PROP_PUBLISHED_HOST] = string_property ("published-host", G_PARAM_READABLE);
  properties[PROP_IS_HTTPS] =
    g_param_spec_boolean ("is-https", NULL, NULL,
                          TRUE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_PORT] =
    g_param_spec_uint ("port", NULL, NULL,
                       0, G_MAXUINT16, 443,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_LISTEN] = string_property ("listen", G_PARAM_READWRITE);
  properties[PROP_LISTENER_CERTIFICATE] =
    g_param_spec_object ("listener-certificate", NULL, NULL,
                         CWA_TYPE_CERTIFICATE,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_VIRTUAL_SERVER] = string_property ("virtual-server", G_PARAM_READWRITE);
  properties[PROP_INTERNAL_HOST] = string_property ("internal-host", G_PARAM_READWRITE);
  properties[PROP_INTERNAL_ADDRESS] = string_property ("internal-address", G_PARAM_READWRITE);
  properties[PROP_AS_URL] = string_property ("as-url", G_PARAM_READWRITE);
  properties[PROP_DOWNLOAD_URL] = string_property ("download-url", G_PARAM_READWRITE);
  properties[PROP_REVERSE_PROXY] =
    g_param_spec_object ("reverse-proxy", NULL, NULL,
                         cwa_reverse_proxy_get_type (),
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cwa_publishing_rule_init (CwaPublishingRule *self)
{
  self->published.is_https = TRUE;
  self->published.port = 443;
}

CwaPublishingRule *
cwa_publishing_rule_new (const gchar *published_url,
                         const gchar *virtual_server)
{
  CwaPublishingRule *self;

  g_return_val_if_fail (published_url != NULL, NULL);
  g_return_val_if_fail (cwa_url_parse (published_url, NULL, NULL, NULL, NULL), NULL);
  g_return_val_if_fail (virtual_server != NULL, NULL);

  self = g_object_new (CWA_TYPE_PUBLISHING_RULE,
                       "virtual-server", virtual_server,
                       NULL);
  cwa_publishing_rule_set_published_url (self, published_url);

  return self;
}

const gchar *
cwa_publishing_rule_get_published_url (CwaPublishingRule *self)
{
  g_return_val_if_fail (CWA_IS_PUBLISHING_RULE (self), NULL);

  return self->published.url;
}

void
cwa_publishing_rule_set_published_url (CwaPublishingRule *self,
                                       const gchar       *published_url)
{
  const CwaUrlPspecs pspecs = { properties[PROP_PUBLISHED_URL], properties[PROP_PUBLISHED_HOST],
                                properties[PROP_IS_HTTPS], properties[PROP_PORT] };

  g_return_if_fail (CWA_IS_PUBLISHING_RULE (self));
  g_return_if_fail (published_url != NULL);
  g_return_if_fail (cwa_url_parse (published_url, NULL, NULL, NULL, NULL));

  _cwa_model_set_url (G_OBJECT (self), published_url, &self->published, &pspecs);
}

const gchar *
cwa_publishing_rule_get_published_host (CwaPublishingRule *self)
{
  g_return_val_if_fail (CWA_IS_PUBLISHING_RULE (self), NULL);

  return self->published.host;
}

gboolean
cwa_publishing_rule_is_https (CwaPublishingRule *self)
{
  g_return_val_if_fail (CWA_IS_PUBLISHING_RULE (self), FALSE);

  return self->published.is_https;
}

guint
cwa_publishing_rule_get_port (CwaPublishingRule *self)
{
  g_return_val_if_fail (CWA_IS_PUBLISHING_RULE (self), 0);

  return self->published.port;
}

const gchar *
cwa_publishing_rule_get_listen (CwaPublishingRule *self)
{
  g_return_val_if_fail (CWA_IS_PUBLISHING_RULE (self), NULL);

  return self->listen;
}

void
cwa_publishing_rule_set_listen (CwaPublishingRule *self,
                                const gchar       *listen)
{
  g_return_if_fail (CWA_IS_PUBLISHING_RULE (self));

  _cwa_model_set_optional_string (G_OBJECT (self), &self->listen, listen,
                                  properties[PROP_LISTEN]);
}

gchar *
cwa_publishing_rule_dup_effective_listen (CwaPublishingRule *self)
{
  g_return_val_if_fail (CWA_IS_PUBLISHING_RULE (self), NULL);

  if (self->listen != NULL)
    return g_strdup (self->listen);

  return g_strdup (self->published.is_https ? "*:443" : "*:80");
}

CwaCertificate *
cwa_publishing_rule_get_listener_certificate (CwaPublishingRule *self)
{
  g_return_val_if_fail (CWA_IS_PUBLISHING_RULE (self), NULL);

  return self->listener_certificate;
}

void
cwa_publishing_rule_set_listener_certificate (CwaPublishingRule *self,
                                              CwaCertificate    *certificate)
{
  g_return_if_fail (CWA_IS_PUBLISHING_RULE (self));
  g_return_if_fail (certificate == NULL || CWA_IS_CERTIFICATE (certificate));

  _cwa_model_set_certificate (G_OBJECT (self), &self->listener_certificate, certificate,
                              properties[PROP_LISTENER_CERTIFICATE]);
}

/* An IP address in its canonical text (IPv6 lower case, no brackets), a
 * name normalised; sets *is_address. */
static gchar *
normalize_internal_host (const gchar *text,
                         gboolean    *is_address)
{
  g_autofree gchar *bare = NULL;
  g_autoptr(GInetAddress) address = NULL;
  gsize length = strlen (text);

  if (length > 2 && text[0] == '[' && text[length - 1] == ']')
    bare = g_strndup (text + 1, length - 2);
  else
    bare = g_strdup (text);

  address = g_inet_address_new_from_string (bare);
  *is_address = address != NULL;
  if (address != NULL)
    return g_inet_address_to_string (address);

  return cwa_name_normalize_lenient (text);
}

/* Recomputes the effective internal host; TRUE if it changed. */
static gboolean
update_effective_internal_host (CwaPublishingRule *self)
{
  const gchar *source = self->internal_host != NULL ? self->internal_host : self->virtual_server;
  g_autofree gchar *effective = NULL;
  gboolean is_address = FALSE;

  if (source != NULL)
    effective = normalize_internal_host (source, &is_address);

  self->internal_host_is_address = is_address;
  if (g_strcmp0 (self->effective_internal_host, effective) == 0)
    return FALSE;

  g_free (self->effective_internal_host);
  self->effective_internal_host = g_steal_pointer (&effective);
  return TRUE;
}

const gchar *
cwa_publishing_rule_get_virtual_server (CwaPublishingRule *self)
{
  g_return_val_if_fail (CWA_IS_PUBLISHING_RULE (self), NULL);

  return self->virtual_server;
}

void
cwa_publishing_rule_set_virtual_server (CwaPublishingRule *self,
                                        const gchar       *virtual_server)
{
  g_return_if_fail (CWA_IS_PUBLISHING_RULE (self));
  g_return_if_fail (virtual_server != NULL);

  if (g_strcmp0 (self->virtual_server, virtual_server) == 0)
    return;

  g_free (self->virtual_server);
  self->virtual_server = g_strdup (virtual_server);
  g_free (self->virtual_server_host);
  self->virtual_server_host = cwa_name_normalize_lenient (virtual_server);
  update_effective_internal_host (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIRTUAL_SERVER]);
}

const gchar *
cwa_publishing_rule_get_virtual_server_host (CwaPublishingRule *self)
{
  g_return_val_if_fail (CWA_IS_PUBLISHING_RULE (self), NULL);

  return self->virtual_server_host;
}

const gchar *
cwa_publishing_rule_get_internal_host (CwaPublishingRule *self)
{
  g_return_val_if_fail (CWA_IS_PUBLISHING_RULE (self), NULL);

  return self->internal_host;
}

void
cwa_publishing_rule_set_internal_host (CwaPublishingRule *self,
                                       const gchar       *internal_host)
{
  g_return_if_fail (CWA_IS_PUBLISHING_RULE (self));

  if (!_cwa_set_optional_string (&self->internal_host, internal_host))
    return;

  update_effective_internal_host (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTERNAL_HOST]);
}

const gchar *
cwa_publishing_rule_get_effective_internal_host (CwaPublishingRule *self)
{
  g_return_val_if_fail (CWA_IS_PUBLISHING_RULE (self), NULL);

  return self->effective_internal_host;
}

gboolean
cwa_publishing_rule_internal_host_is_address (CwaPublishingRule *self)
{
  g_return_val_if_fail (CWA_IS_PUBLISHING_RULE (self), FALSE);

  return self->internal_host_is_address;
}

const gchar *
cwa_publishing_rule_get_internal_address (CwaPublishingRule *self)
{
  g_return_val_if_fail (CWA_IS_PUBLISHING_RULE (self), NULL);

  return self->internal_address;
}

void
cwa_publishing_rule_set_internal_address (CwaPublishingRule *self,
                                          const gchar       *internal_address)
{
  g_return_if_fail (CWA_IS_PUBLISHING_RULE (self));

  _cwa_model_set_optional_string (G_OBJECT (self), &self->internal_address, internal_address,
                                  properties[PROP_INTERNAL_ADDRESS]);
}

const gchar *
cwa_publishing_rule_get_as_url (CwaPublishingRule *self)
{
  g_return_val_if_fail (CWA_IS_PUBLISHING_RULE (self), NULL);

  return self->as_url;
}

void
cwa_publishing_rule_set_as_url (CwaPublishingRule *self,
                                const gchar       *as_url)
{
  g_return_if_fail (CWA_IS_PUBLISHING_RULE (self));

  _cwa_model_set_optional_string (G_OBJECT (self), &self->as_url, as_url,
                                  properties[PROP_AS_URL]);
}

const gchar *
cwa_publishing_rule_get_download_url (CwaPublishingRule *self)
{
  g_return_val_if_fail (CWA_IS_PUBLISHING_RULE (self), NULL);

  return self->download_url;
}

void
cwa_publishing_rule_set_download_url (CwaPublishingRule *self,
                                      const gchar       *download_url)
{
  g_return_if_fail (CWA_IS_PUBLISHING_RULE (self));

  _cwa_model_set_optional_string (G_OBJECT (self), &self->download_url, download_url,
                                  properties[PROP_DOWNLOAD_URL]);
}

gchar *
cwa_publishing_rule_dup_as_host (CwaPublishingRule *self)
{
  g_return_val_if_fail (CWA_IS_PUBLISHING_RULE (self), NULL);

  return cwa_url_dup_derived_host (self->as_url, self->published.host, "as");
}

gchar *
cwa_publishing_rule_dup_download_host (CwaPublishingRule *self)
{
  g_return_val_if_fail (CWA_IS_PUBLISHING_RULE (self), NULL);

  return cwa_url_dup_derived_host (self->download_url, self->published.host, "download");
}

CwaReverseProxy *
cwa_publishing_rule_get_reverse_proxy (CwaPublishingRule *self)
{
  g_return_val_if_fail (CWA_IS_PUBLISHING_RULE (self), NULL);

  return self->reverse_proxy;
}

void
_cwa_publishing_rule_set_reverse_proxy (CwaPublishingRule *self,
                                        CwaReverseProxy   *proxy)
{
  g_return_if_fail (CWA_IS_PUBLISHING_RULE (self));
  g_return_if_fail (proxy == NULL || G_TYPE_CHECK_INSTANCE_TYPE (proxy, cwa_reverse_proxy_get_type ()));

  _cwa_model_set_parent (G_OBJECT (self), (GObject **) &self->reverse_proxy, (GObject *) proxy,
                         properties[PROP_REVERSE_PROXY]);
}

/* cwa-reverse-proxy.c: a reverse proxy: FQDN, product, trusted roots and publishing rules. */
#include "config.h"

#include "cwa-names.h"
#include "cwa-plan-private.h"
#include "cwa-reverse-proxy.h"
#include "cwa-model-private.h"

struct _CwaReverseProxy
{
  GObject     parent_instance;

  gchar      *fqdn;
  gchar      *host;
  gchar      *product;
  GListStore *trusted_certificates;
  GListStore *publishing_rules;
};

G_DEFINE_FINAL_TYPE (CwaReverseProxy, cwa_reverse_proxy, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FQDN,
  PROP_HOST,
  PROP_PRODUCT,
  PROP_TRUSTED_CERTIFICATES,
  PROP_PUBLISHING_RULES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gpointer
get_reverse_proxy (gpointer rule)
{
  return cwa_publishing_rule_get_reverse_proxy (rule);
}

static void
set_reverse_proxy (gpointer rule,
                   gpointer proxy)
{
  _cwa_publishing_rule_set_reverse_proxy (rule, proxy);
}

static const CwaModelChildLink publishing_rule_link = { get_reverse_proxy, set_reverse_proxy };

static void
cwa_reverse_proxy_dispose (GObject *object)
{
  CwaReverseProxy *self = CWA_REVERSE_PROXY (object);

  _cwa_model_children_release (self->publishing_rules, self, &publishing_rule_link);
  g_clear_object (&self->publishing_rules);
  g_clear_object (&self->trusted_certificates);

  G_OBJECT_CLASS (cwa_reverse_proxy_parent_class)->dispose (object);
}

static void
cwa_reverse_proxy_finalize (GObject *object)
{
  CwaReverseProxy *self = CWA_REVERSE_PROXY (object);

  g_clear_pointer (&self->fqdn, g_free);
  g_clear_pointer (&self->host, g_free);
  g_clear_pointer (&self->product, g_free);

  G_OBJECT_CLASS (cwa_reverse_proxy_parent_class)->finalize (object);
}

static void
cwa_reverse_proxy_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CwaReverseProxy *self = CWA_REVERSE_PROXY (object);

  switch (prop_id)
    {
    case PROP_FQDN:
      g_value_set_string (value, self->fqdn);
      break;
    case PROP_HOST:
      g_value_set_string (value, self->host);
      break;
    case PROP_PRODUCT:
      g_value_set_string (value, self->product);
      break;
    case PROP_TRUSTED_CERTIFICATES:
      g_value_set_object (value, self->trusted_certificates);
      break;
    case PROP_PUBLISHING_RULES:
      g_value_set_object (value, self->publishing_rules);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cwa_reverse_proxy_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CwaReverseProxy *self = CWA_REVERSE_PROXY (object);

  switch (prop_id)
    {
    case PROP_FQDN:
      cwa_reverse_proxy_set_fqdn (self, g_value_get_string (value));
      break;
    case PROP_PRODUCT:
      cwa_reverse_proxy_set_product (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cwa_reverse_proxy_class_init (CwaReverseProxyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cwa_reverse_proxy_dispose;
  object_class->finalize = cwa_reverse_proxy_finalize;
  object_class->get_property = cwa_reverse_proxy_get_property;
  object_class->set_property = cwa_reverse_proxy_set_property;

  properties[PROP_FQDN] =
    g_param_spec_string ("fqdn", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_HOST] =
    g_param_spec_string ("host", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_PRODUCT] =
    g_param_spec_string ("product", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_TRUSTED_CERTIFICATES] =
    g_param_spec_object ("trusted-certificates", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_PUBLISHING_RULES] =
    g_param_spec_object ("publishing-rules", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cwa_reverse_proxy_init (CwaReverseProxy *self)
{
  self->trusted_certificates = g_list_store_new (CWA_TYPE_CERTIFICATE);
  self->publishing_rules = g_list_store_new (CWA_TYPE_PUBLISHING_RULE);
}

CwaReverseProxy *
cwa_reverse_proxy_new (const gchar *fqdn)
{
  g_return_val_if_fail (fqdn != NULL, NULL);

  return g_object_new (CWA_TYPE_REVERSE_PROXY,
                       "fqdn", fqdn,
                       NULL);
}

const gchar *
cwa_reverse_proxy_get_fqdn (CwaReverseProxy *self)
{
  g_return_val_if_fail (CWA_IS_REVERSE_PROXY (self), NULL);

  return self->fqdn;
}

void
cwa_reverse_proxy_set_fqdn (CwaReverseProxy *self,
                            const gchar     *fqdn)
{
  g_return_if_fail (CWA_IS_REVERSE_PROXY (self));
  g_return_if_fail (fqdn != NULL);

  /* The plan file refuses an invalid FQDN; the GUI may hold one while the
   * user types, and the rules still need a host to print. */
  _cwa_model_set_fqdn (G_OBJECT (self), fqdn, &self->fqdn, &self->host,
                       properties[PROP_FQDN], properties[PROP_HOST]);
}

const gchar *
cwa_reverse_proxy_get_host (CwaReverseProxy *self)
{
  g_return_val_if_fail (CWA_IS_REVERSE_PROXY (self), NULL);

  return self->host;
}

gboolean
cwa_reverse_proxy_is_named_as (CwaReverseProxy *self,
                               const gchar     *host)
{
  g_return_val_if_fail (CWA_IS_REVERSE_PROXY (self), FALSE);

  return host != NULL && self->host != NULL && cwa_name_equal (self->host, host);
}

const gchar *
cwa_reverse_proxy_get_product (CwaReverseProxy *self)
{
  g_return_val_if_fail (CWA_IS_REVERSE_PROXY (self), NULL);

  return self->product;
}

void
cwa_reverse_proxy_set_product (CwaReverseProxy *self,
                               const gchar     *product)
{
  g_return_if_fail (CWA_IS_REVERSE_PROXY (self));

  _cwa_model_set_optional_string (G_OBJECT (self), &self->product, product, properties[PROP_PRODUCT]);
}

GListModel *
cwa_reverse_proxy_get_trusted_certificates (CwaReverseProxy *self)
{
  g_return_val_if_fail (CWA_IS_REVERSE_PROXY (self), NULL);

  return G_LIST_MODEL (self->trusted_certificates);
}

static gboolean
find_trusted (CwaReverseProxy *self,
              CwaCertificate  *certificate,
              guint           *position)
{
  GListModel *list = G_LIST_MODEL (self->trusted_certificates);
  guint n = g_list_model_get_n_items (list);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CwaCertificate) item = g_list_model_get_item (list, i);

      if (item == certificate || cwa_certificate_equal (item, certificate))
        {
          *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

gboolean
cwa_reverse_proxy_add_trusted_certificate (CwaReverseProxy *self,
                                           CwaCertificate  *certificate)
{
  guint position;

  g_return_val_if_fail (CWA_IS_REVERSE_PROXY (self), FALSE);
  g_return_val_if_fail (CWA_IS_CERTIFICATE (certificate), FALSE);

  if (find_trusted (self, certificate, &position))
    return FALSE;

  g_list_store_append (self->trusted_certificates, certificate);
  return TRUE;
}

gboolean
cwa_reverse_proxy_remove_trusted_certificate (CwaReverseProxy *self,
                                              CwaCertificate  *certificate)
{
  guint position;

  g_return_val_if_fail (CWA_IS_REVERSE_PROXY (self), FALSE);
  g_return_val_if_fail (CWA_IS_CERTIFICATE (certificate), FALSE);

  if (!find_trusted (self, certificate, &position))
    return FALSE;

  g_list_store_remove (self->trusted_certificates, position);
  return TRUE;
}

GListModel *
cwa_reverse_proxy_get_publishing_rules (CwaReverseProxy *self)
{
  g_return_val_if_fail (CWA_IS_REVERSE_PROXY (self), NULL);

  return G_LIST_MODEL (self->publishing_rules);
}

void
cwa_reverse_proxy_add_publishing_rule (CwaReverseProxy   *self,
                                       CwaPublishingRule *rule)
{
  g_return_if_fail (CWA_IS_REVERSE_PROXY (self));

  cwa_reverse_proxy_insert_publishing_rule (self,
                                            g_list_model_get_n_items (G_LIST_MODEL (self->publishing_rules)),
                                            rule);
}

void
cwa_reverse_proxy_insert_publishing_rule (CwaReverseProxy   *self,
                                          guint              position,
                                          CwaPublishingRule *rule)
{
  g_return_if_fail (CWA_IS_REVERSE_PROXY (self));
  g_return_if_fail (CWA_IS_PUBLISHING_RULE (rule));
  g_return_if_fail (cwa_publishing_rule_get_reverse_proxy (rule) == NULL);

  _cwa_model_children_insert (self->publishing_rules, self, position, rule, &publishing_rule_link);
}

void
cwa_reverse_proxy_remove_publishing_rule (CwaReverseProxy   *self,
                                          CwaPublishingRule *rule)
{
  g_return_if_fail (CWA_IS_REVERSE_PROXY (self));
  g_return_if_fail (CWA_IS_PUBLISHING_RULE (rule));

  if (!_cwa_model_children_remove (self->publishing_rules, rule, &publishing_rule_link))
    g_return_if_reached ();
}

CwaPublishingRule *
cwa_reverse_proxy_find_publishing_rule (CwaReverseProxy *self,
                                        const gchar     *host)
{
  GListModel *list;
  g_autofree gchar *wanted = NULL;
  guint n;

  g_return_val_if_fail (CWA_IS_REVERSE_PROXY (self), NULL);
  g_return_val_if_fail (host != NULL, NULL);

  wanted = cwa_name_normalize_lenient (host);
  list = G_LIST_MODEL (self->publishing_rules);
  n = g_list_model_get_n_items (list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CwaPublishingRule) rule = g_list_model_get_item (list, i);

      if (g_strcmp0 (cwa_publishing_rule_get_published_host (rule), wanted) == 0)
        return rule;
    }

  return NULL;
}

gboolean
cwa_reverse_proxy_publishes_own_name (CwaPublishingRule *rule)
{
  CwaReverseProxy *proxy;

  g_return_val_if_fail (CWA_IS_PUBLISHING_RULE (rule), FALSE);

  proxy = cwa_publishing_rule_get_reverse_proxy (rule);
  return proxy != NULL && cwa_reverse_proxy_is_named_as (proxy, cwa_publishing_rule_get_published_host (rule));
}

/* cwa-finding.c: the result of one rule for one subject, immutable once made. */
#include "config.h"

#include "cwa-finding.h"

struct _CwaFinding
{
  GObject           parent_instance;

  const CwaRule    *rule;
  CwaStatus         status;
  CwaServer        *server;
  CwaVirtualServer *virtual_server;
  CwaCertificate   *certificate;
  CwaLoadBalancer  *load_balancer;
  CwaPublishingRule *publishing_rule;
  CwaReverseProxy  *reverse_proxy;
  gchar            *expected;
  GStrv             found;
  gchar            *message;
  /* live.* findings: the endpoint ("HOST:PORT") and the address probed. */
  gchar            *endpoint;
  gchar            *address;
};

G_DEFINE_FINAL_TYPE (CwaFinding, cwa_finding, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_RULE_ID,
  PROP_LEVEL,
  PROP_STATUS,
  PROP_SERVER,
  PROP_VIRTUAL_SERVER,
  PROP_CERTIFICATE,
  PROP_EXPECTED,
  PROP_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cwa_finding_finalize (GObject *object)
{
  CwaFinding *self = (CwaFinding *) object;

  g_clear_object (&self->server);
  g_clear_object (&self->virtual_server);
  g_clear_object (&self->certificate);
  g_clear_object (&self->load_balancer);
  g_clear_object (&self->publishing_rule);
  g_clear_object (&self->reverse_proxy);
  g_clear_pointer (&self->expected, g_free);
  g_clear_pointer (&self->found, g_strfreev);
  g_clear_pointer (&self->message, g_free);
  g_clear_pointer (&self->endpoint, g_free);
  g_clear_pointer (&self->address, g_free);

  G_OBJECT_CLASS (cwa_finding_parent_class)->finalize (object);
}

static void
cwa_finding_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CwaFinding *self = CWA_FINDING (object);

  switch (prop_id)
    {
    case PROP_RULE_ID:
      g_value_set_string (value, self->rule->id);
      break;

    case PROP_LEVEL:
      g_value_set_enum (value, self->rule->level);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_SERVER:
      g_value_set_object (value, self->server);
      break;

    case PROP_VIRTUAL_SERVER:
      g_value_set_object (value, self->virtual_server);
      break;

    case PROP_CERTIFICATE:
      g_value_set_object (value, self->certificate);
      break;

    case PROP_EXPECTED:
      g_value_set_string (value, self->expected);
      break;

    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cwa_finding_class_init (CwaFindingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cwa_finding_finalize;
  object_class->get_property = cwa_finding_get_property;

  /* Read-only: views bind to them through expressions. */
  properties[PROP_RULE_ID] =
    g_param_spec_string ("rule-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LEVEL] =
    g_param_spec_enum ("level", NULL, NULL, CWA_TYPE_LEVEL, CWA_LEVEL_ERROR,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, CWA_TYPE_STATUS, CWA_STATUS_PASS,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SERVER] =
    g_param_spec_object ("server", NULL, NULL, CWA_TYPE_SERVER,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_VIRTUAL_SERVER] =
    g_param_spec_object ("virtual-server", NULL, NULL, CWA_TYPE_VIRTUAL_SERVER,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CERTIFICATE] =
    g_param_spec_object ("certificate", NULL, NULL, CWA_TYPE_CERTIFICATE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_EXPECTED] =
    g_param_spec_string ("expected", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cwa_finding_init (CwaFinding *self)
{
}

CwaFinding *
cwa_finding_new (const CwaRule       *rule,
                 CwaStatus            status,
                 CwaServer           *server,
                 CwaVirtualServer    *virtual_server,
                 CwaCertificate      *certificate,
                 const gchar         *expected,
                 const gchar * const *found,
                 const gchar         *message)
{
  CwaFinding *self;

  g_return_val_if_fail (rule != NULL, NULL);
  g_return_val_if_fail (server == NULL || CWA_IS_SERVER (server), NULL);
  g_return_val_if_fail (virtual_server == NULL || CWA_IS_VIRTUAL_SERVER (virtual_server), NULL);
  g_return_val_if_fail (certificate == NULL || CWA_IS_CERTIFICATE (certificate), NULL);

  self = g_object_new (CWA_TYPE_FINDING, NULL);
  self->rule = rule;
  self->status = status;
  g_set_object (&self->server, server);
  g_set_object (&self->virtual_server, virtual_server);
  g_set_object (&self->certificate, certificate);
  self->expected = g_strdup (expected);
  self->found = found != NULL ? g_strdupv ((gchar **) found) : NULL;
  self->message = g_strdup (message != NULL ? message : "");

  return self;
}

CwaFinding *
cwa_finding_new_for_endpoint (const CwaRule       *rule,
                              CwaStatus            status,
                              const gchar         *endpoint,
                              const gchar         *address,
                              CwaServer           *server,
                              CwaVirtualServer    *virtual_server,
                              CwaCertificate      *certificate,
                              const gchar         *expected,
                              const gchar * const *found,
                              const gchar         *message)
{
  CwaFinding *self;

  g_return_val_if_fail (endpoint != NULL, NULL);

  self = cwa_finding_new (rule, status, server, virtual_server, certificate, expected, found, message);
  self->endpoint = g_strdup (endpoint);
  self->address = g_strdup (address);

  return self;
}

const CwaRule *
cwa_finding_get_rule (CwaFinding *self)
{
  g_return_val_if_fail (CWA_IS_FINDING (self), NULL);

  return self->rule;
}

const gchar *
cwa_finding_get_rule_id (CwaFinding *self)
{
  g_return_val_if_fail (CWA_IS_FINDING (self), NULL);

  return self->rule->id;
}

CwaLevel
cwa_finding_get_level (CwaFinding *self)
{
  g_return_val_if_fail (CWA_IS_FINDING (self), CWA_LEVEL_ERROR);

  return self->rule->level;
}

CwaStatus
cwa_finding_get_status (CwaFinding *self)
{
  g_return_val_if_fail (CWA_IS_FINDING (self), CWA_STATUS_FAIL);

  return self->status;
}

gboolean
cwa_finding_is_failed (CwaFinding *self)
{
  g_return_val_if_fail (CWA_IS_FINDING (self), FALSE);

  return self->status == CWA_STATUS_FAIL;
}

CwaServer *
cwa_finding_get_server (CwaFinding *self)
{
  g_return_val_if_fail (CWA_IS_FINDING (self), NULL);

  return self->server;
}

CwaVirtualServer *
cwa_finding_get_virtual_server (CwaFinding *self)
{
  g_return_val_if_fail (CWA_IS_FINDING (self), NULL);

  return self->virtual_server;
}

CwaCertificate *
cwa_finding_get_certificate (CwaFinding *self)
{
  g_return_val_if_fail (CWA_IS_FINDING (self), NULL);

  return self->certificate;
}

void
_cwa_finding_set_front_end (CwaFinding        *self,
                            CwaLoadBalancer   *load_balancer,
                            CwaPublishingRule *publishing_rule)
{
  CwaReverseProxy *proxy = NULL;

  g_return_if_fail (CWA_IS_FINDING (self));
  g_return_if_fail (load_balancer == NULL || CWA_IS_LOAD_BALANCER (load_balancer));
  g_return_if_fail (publishing_rule == NULL || CWA_IS_PUBLISHING_RULE (publishing_rule));

  g_set_object (&self->load_balancer, load_balancer);
  g_set_object (&self->publishing_rule, publishing_rule);
  if (publishing_rule != NULL)
    proxy = cwa_publishing_rule_get_reverse_proxy (publishing_rule);
  g_set_object (&self->reverse_proxy, proxy);
}

CwaLoadBalancer *
cwa_finding_get_load_balancer (CwaFinding *self)
{
  g_return_val_if_fail (CWA_IS_FINDING (self), NULL);

  return self->load_balancer;
}

CwaReverseProxy *
cwa_finding_get_reverse_proxy (CwaFinding *self)
{
  g_return_val_if_fail (CWA_IS_FINDING (self), NULL);

  return self->reverse_proxy;
}

CwaPublishingRule *
cwa_finding_get_publishing_rule (CwaFinding *self)
{
  g_return_val_if_fail (CWA_IS_FINDING (self), NULL);

  return self->publishing_rule;
}

const gchar *
cwa_finding_get_expected (CwaFinding *self)
{
  g_return_val_if_fail (CWA_IS_FINDING (self), NULL);

  return self->expected;
}

const gchar * const *
cwa_finding_get_found (CwaFinding *self)
{
  g_return_val_if_fail (CWA_IS_FINDING (self), NULL);

  return (const gchar * const *) self->found;
}

const gchar *
cwa_finding_get_message (CwaFinding *self)
{
  g_return_val_if_fail (CWA_IS_FINDING (self), NULL);

  return self->message;
}

const gchar *
cwa_finding_get_endpoint (CwaFinding *self)
{
  g_return_val_if_fail (CWA_IS_FINDING (self), NULL);

  return self->endpoint;
}

const gchar *
cwa_finding_get_address (CwaFinding *self)
{
  g_return_val_if_fail (CWA_IS_FINDING (self), NULL);

  return self->address;
}

static gboolean
strv_equal_or_null (gchar **a,
                    gchar **b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return g_strv_equal ((const gchar * const *) a, (const gchar * const *) b);
}

gboolean
cwa_finding_equal (CwaFinding *a,
                   CwaFinding *b)
{
  g_return_val_if_fail (CWA_IS_FINDING (a), FALSE);
  g_return_val_if_fail (CWA_IS_FINDING (b), FALSE);

  if (a == b)
    return TRUE;

  return a->rule == b->rule &&
         a->status == b->status &&
         a->server == b->server &&
         a->virtual_server == b->virtual_server &&
         a->certificate == b->certificate &&
         a->load_balancer == b->load_balancer &&
         a->publishing_rule == b->publishing_rule &&
         a->reverse_proxy == b->reverse_proxy &&
         g_strcmp0 (a->expected, b->expected) == 0 &&
         g_strcmp0 (a->endpoint, b->endpoint) == 0 &&
         g_strcmp0 (a->address, b->address) == 0 &&
         strv_equal_or_null (a->found, b->found) &&
         g_strcmp0 (a->message, b->message) == 0;
}

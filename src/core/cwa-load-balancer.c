/* cwa-load-balancer.c: a hardware load balancer: array FQDN, virtual IP, members, SSL offloading. */
#include "config.h"

#include <string.h>

#include "cwa-load-balancer.h"
#include "cwa-model-private.h"
#include "cwa-names.h"
#include "cwa-plan-private.h"

struct _CwaLoadBalancer
{
  GObject         parent_instance;

  gchar          *fqdn;
  gchar          *host;
  gchar          *vip;
  GStrv           members;
  /* The members normalised, same order: has_member() compares without
   * normalising again on every rule run. */
  GStrv           member_hosts;
  gboolean        ssl_offload;
  CwaCertificate *ssl_certificate;
};

G_DEFINE_FINAL_TYPE (CwaLoadBalancer, cwa_load_balancer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FQDN,
  PROP_HOST,
  PROP_VIP,
  PROP_MEMBERS,
  PROP_SSL_OFFLOAD,
  PROP_SSL_CERTIFICATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cwa_load_balancer_dispose (GObject *object)
{
  CwaLoadBalancer *self = CWA_LOAD_BALANCER (object);

  g_clear_object (&self->ssl_certificate);

  G_OBJECT_CLASS (cwa_load_balancer_parent_class)->dispose (object);
}

static void
cwa_load_balancer_finalize (GObject *object)
{
  CwaLoadBalancer *self = CWA_LOAD_BALANCER (object);

  g_clear_pointer (&self->fqdn, g_free);
  g_clear_pointer (&self->host, g_free);
  g_clear_pointer (&self->vip, g_free);
  g_clear_pointer (&self->members, g_strfreev);
  g_clear_pointer (&self->member_hosts, g_strfreev);

  G_OBJECT_CLASS (cwa_load_balancer_parent_class)->finalize (object);
}

static void
cwa_load_balancer_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CwaLoadBalancer *self = CWA_LOAD_BALANCER (object);

  switch (prop_id)
    {
    case PROP_FQDN:
      g_value_set_string (value, self->fqdn);
      break;
    case PROP_HOST:
      g_value_set_string (value, self->host);
      break;
    case PROP_VIP:
      g_value_set_string (value, self->vip);
      break;
    case PROP_MEMBERS:
      g_value_set_boxed (value, self->members);
      break;
    case PROP_SSL_OFFLOAD:
      g_value_set_boolean (value, self->ssl_offload);
      break;
    case PROP_SSL_CERTIFICATE:
      g_value_set_object (value, self->ssl_certificate);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cwa_load_balancer_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CwaLoadBalancer *self = CWA_LOAD_BALANCER (object);

  switch (prop_id)
    {
    case PROP_FQDN:
      cwa_load_balancer_set_fqdn (self, g_value_get_string (value));
      break;
    case PROP_VIP:
      cwa_load_balancer_set_vip (self, g_value_get_string (value));
      break;
    case PROP_MEMBERS:
      cwa_load_balancer_set_members (self, g_value_get_boxed (value));
      break;
    case PROP_SSL_OFFLOAD:
      cwa_load_balancer_set_ssl_offload (self, g_value_get_boolean (value));
      break;
    case PROP_SSL_CERTIFICATE:
      cwa_load_balancer_set_ssl_certificate (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cwa_load_balancer_class_init (CwaLoadBalancerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cwa_load_balancer_dispose;
  object_class->finalize = cwa_load_balancer_finalize;
  object_class->get_property = cwa_load_balancer_get_property;
  object_class->set_property = cwa_load_balancer_set_property;

  properties[PROP_FQDN] =
    g_param_spec_string ("fqdn", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_HOST] =
    g_param_spec_string ("host", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_VIP] =
    g_param_spec_string ("vip", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_MEMBERS] =
    g_param_spec_boxed ("members", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_SSL_OFFLOAD] =
    g_param_spec_boolean ("ssl-offload", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_SSL_CERTIFICATE] =
    g_param_spec_object ("ssl-certificate", NULL, NULL,
                         CWA_TYPE_CERTIFICATE,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cwa_load_balancer_init (CwaLoadBalancer *self)
{
  self->members = g_new0 (gchar *, 1);
  self->member_hosts = g_new0 (gchar *, 1);
}

CwaLoadBalancer *
cwa_load_balancer_new (const gchar *fqdn)
{
  g_return_val_if_fail (fqdn != NULL, NULL);

  return g_object_new (CWA_TYPE_LOAD_BALANCER,
                       "fqdn", fqdn,
                       NULL);
}

const gchar *
cwa_load_balancer_get_fqdn (CwaLoadBalancer *self)
{
  g_return_val_if_fail (CWA_IS_LOAD_BALANCER (self), NULL);

  return self->fqdn;
}

void
cwa_load_balancer_set_fqdn (CwaLoadBalancer *self,
                            const gchar     *fqdn)
{
  g_return_if_fail (CWA_IS_LOAD_BALANCER (self));
  g_return_if_fail (fqdn != NULL);

  /* The plan file refuses an invalid FQDN; the GUI may hold one while the
   * user types, and the rules still need a host to print. */
  _cwa_model_set_fqdn (G_OBJECT (self), fqdn, &self->fqdn, &self->host,
                       properties[PROP_FQDN], properties[PROP_HOST]);
}

const gchar *
cwa_load_balancer_get_host (CwaLoadBalancer *self)
{
  g_return_val_if_fail (CWA_IS_LOAD_BALANCER (self), NULL);

  return self->host;
}

const gchar *
cwa_load_balancer_get_vip (CwaLoadBalancer *self)
{
  g_return_val_if_fail (CWA_IS_LOAD_BALANCER (self), NULL);

  return self->vip;
}

void
cwa_load_balancer_set_vip (CwaLoadBalancer *self,
                           const gchar     *vip)
{
  g_return_if_fail (CWA_IS_LOAD_BALANCER (self));

  _cwa_model_set_optional_string (G_OBJECT (self), &self->vip, vip,
                                  properties[PROP_VIP]);
}

const gchar * const *
cwa_load_balancer_get_members (CwaLoadBalancer *self)
{
  g_return_val_if_fail (CWA_IS_LOAD_BALANCER (self), NULL);

  return (const gchar * const *) self->members;
}

static void
replace_members (CwaLoadBalancer *self,
                 GStrv            members)
{
  guint n = g_strv_length (members);

  g_strfreev (self->members);
  g_strfreev (self->member_hosts);
  self->members = members;
  self->member_hosts = g_new0 (gchar *, n + 1);
  for (guint i = 0; i < n; i++)
    self->member_hosts[i] = cwa_name_normalize_lenient (members[i]);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEMBERS]);
}

void
cwa_load_balancer_set_members (CwaLoadBalancer     *self,
                               const gchar * const *members)
{
  static const gchar * const none[] = { NULL };

  g_return_if_fail (CWA_IS_LOAD_BALANCER (self));

  if (members == NULL)
    members = none;
  if (g_strv_equal ((const gchar * const *) self->members, members))
    return;

  replace_members (self, g_strdupv ((gchar **) members));
}

static gint
find_host (CwaLoadBalancer *self,
           const gchar     *host)
{
  for (guint i = 0; self->member_hosts[i] != NULL; i++)
    {
      if (strcmp (self->member_hosts[i], host) == 0)
        return (gint) i;
    }

  return -1;
}

static gint
find_member (CwaLoadBalancer *self,
             const gchar     *fqdn)
{
  g_autofree gchar *host = NULL;
  gint index;

  /* The rules ask with normalised names: no need to normalise again. */
  index = find_host (self, fqdn);
  if (index >= 0)
    return index;

  host = cwa_name_normalize_lenient (fqdn);
  return find_host (self, host);
}

gboolean
cwa_load_balancer_add_member (CwaLoadBalancer *self,
                              const gchar     *fqdn)
{
  g_autoptr(GStrvBuilder) builder = NULL;

  g_return_val_if_fail (CWA_IS_LOAD_BALANCER (self), FALSE);
  g_return_val_if_fail (fqdn != NULL, FALSE);

  if (find_member (self, fqdn) >= 0)
    return FALSE;

  builder = g_strv_builder_new ();
  g_strv_builder_addv (builder, (const gchar **) self->members);
  g_strv_builder_add (builder, fqdn);
  replace_members (self, g_strv_builder_end (builder));

  return TRUE;
}

gboolean
cwa_load_balancer_remove_member (CwaLoadBalancer *self,
                                 const gchar     *fqdn)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  gint index;

  g_return_val_if_fail (CWA_IS_LOAD_BALANCER (self), FALSE);
  g_return_val_if_fail (fqdn != NULL, FALSE);

  index = find_member (self, fqdn);
  if (index < 0)
    return FALSE;

  builder = g_strv_builder_new ();
  for (guint i = 0; self->members[i] != NULL; i++)
    {
      if ((gint) i != index)
        g_strv_builder_add (builder, self->members[i]);
    }
  replace_members (self, g_strv_builder_end (builder));

  return TRUE;
}

gboolean
cwa_load_balancer_has_member (CwaLoadBalancer *self,
                              const gchar     *fqdn)
{
  g_return_val_if_fail (CWA_IS_LOAD_BALANCER (self), FALSE);
  g_return_val_if_fail (fqdn != NULL, FALSE);

  return find_member (self, fqdn) >= 0;
}

gboolean
cwa_load_balancer_get_ssl_offload (CwaLoadBalancer *self)
{
  g_return_val_if_fail (CWA_IS_LOAD_BALANCER (self), FALSE);

  return self->ssl_offload;
}

void
cwa_load_balancer_set_ssl_offload (CwaLoadBalancer *self,
                                   gboolean         ssl_offload)
{
  g_return_if_fail (CWA_IS_LOAD_BALANCER (self));

  ssl_offload = !!ssl_offload;
  if (self->ssl_offload == ssl_offload)
    return;

  self->ssl_offload = ssl_offload;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SSL_OFFLOAD]);
}

CwaCertificate *
cwa_load_balancer_get_ssl_certificate (CwaLoadBalancer *self)
{
  g_return_val_if_fail (CWA_IS_LOAD_BALANCER (self), NULL);

  return self->ssl_certificate;
}

void
cwa_load_balancer_set_ssl_certificate (CwaLoadBalancer *self,
                                       CwaCertificate  *certificate)
{
  g_return_if_fail (CWA_IS_LOAD_BALANCER (self));
  g_return_if_fail (certificate == NULL || CWA_IS_CERTIFICATE (certificate));

  _cwa_model_set_certificate (G_OBJECT (self), &self->ssl_certificate, certificate,
                              properties[PROP_SSL_CERTIFICATE]);
}

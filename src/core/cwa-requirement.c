/* cwa-requirement.c: the names one certificate role must carry, computed from the deployment. */
#include "config.h"

#include "cwa-names.h"
#include "cwa-requirement.h"

struct _CwaRequirement
{
  GObject           parent_instance;

  CwaRole           role;
  CwaServer        *server;
  CwaVirtualServer *virtual_server;
  gchar            *subject;
  GStrv             san;
};

G_DEFINE_FINAL_TYPE (CwaRequirement, cwa_requirement, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ROLE,
  PROP_SERVER,
  PROP_VIRTUAL_SERVER,
  PROP_SUBJECT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cwa_requirement_finalize (GObject *object)
{
  CwaRequirement *self = (CwaRequirement *) object;

  g_clear_object (&self->server);
  g_clear_object (&self->virtual_server);
  g_clear_pointer (&self->subject, g_free);
  g_clear_pointer (&self->san, g_strfreev);

  G_OBJECT_CLASS (cwa_requirement_parent_class)->finalize (object);
}

static void
cwa_requirement_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CwaRequirement *self = CWA_REQUIREMENT (object);

  switch (prop_id)
    {
    case PROP_ROLE:
      g_value_set_enum (value, self->role);
      break;

    case PROP_SERVER:
      g_value_set_object (value, self->server);
      break;

    case PROP_VIRTUAL_SERVER:
      g_value_set_object (value, self->virtual_server);
      break;

    case PROP_SUBJECT:
      g_value_set_string (value, self->subject);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cwa_requirement_class_init (CwaRequirementClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cwa_requirement_finalize;
  object_class->get_property = cwa_requirement_get_property;

  properties[PROP_ROLE] =
    g_param_spec_enum ("role", NULL, NULL, CWA_TYPE_ROLE, CWA_ROLE_SHARED,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SERVER] =
    g_param_spec_object ("server", NULL, NULL, CWA_TYPE_SERVER,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_VIRTUAL_SERVER] =
    g_param_spec_object ("virtual-server", NULL, NULL, CWA_TYPE_VIRTUAL_SERVER,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SUBJECT] =
    g_param_spec_string ("subject", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cwa_requirement_init (CwaRequirement *self)
{
}

CwaRequirement *
cwa_requirement_new (CwaRole              role,
                     CwaServer           *server,
                     CwaVirtualServer    *virtual_server,
                     const gchar         *subject,
                     const gchar * const *san)
{
  CwaRequirement *self;
  static const gchar * const none[] = { NULL };

  g_return_val_if_fail (CWA_IS_SERVER (server), NULL);
  g_return_val_if_fail (virtual_server == NULL || CWA_IS_VIRTUAL_SERVER (virtual_server), NULL);
  g_return_val_if_fail (subject != NULL, NULL);

  self = g_object_new (CWA_TYPE_REQUIREMENT, NULL);
  self->role = role;
  self->server = g_object_ref (server);
  g_set_object (&self->virtual_server, virtual_server);
  self->subject = g_strdup (subject);
  self->san = g_strdupv ((gchar **) (san != NULL ? san : none));

  return self;
}

CwaRole
cwa_requirement_get_role (CwaRequirement *self)
{
  g_return_val_if_fail (CWA_IS_REQUIREMENT (self), CWA_ROLE_SHARED);

  return self->role;
}

CwaServer *
cwa_requirement_get_server (CwaRequirement *self)
{
  g_return_val_if_fail (CWA_IS_REQUIREMENT (self), NULL);

  return self->server;
}

CwaVirtualServer *
cwa_requirement_get_virtual_server (CwaRequirement *self)
{
  g_return_val_if_fail (CWA_IS_REQUIREMENT (self), NULL);

  return self->virtual_server;
}

const gchar *
cwa_requirement_get_subject (CwaRequirement *self)
{
  g_return_val_if_fail (CWA_IS_REQUIREMENT (self), NULL);

  return self->subject;
}

const gchar * const *
cwa_requirement_get_san (CwaRequirement *self)
{
  g_return_val_if_fail (CWA_IS_REQUIREMENT (self), NULL);

  return (const gchar * const *) self->san;
}

GStrv
cwa_requirement_dup_all_names (CwaRequirement *self)
{
  g_autoptr(GStrvBuilder) builder = NULL;

  g_return_val_if_fail (CWA_IS_REQUIREMENT (self), NULL);

  builder = g_strv_builder_new ();
  g_strv_builder_add (builder, self->subject);
  for (guint i = 0; self->san[i] != NULL; i++)
    {
      if (!cwa_name_equal (self->san[i], self->subject))
        g_strv_builder_add (builder, self->san[i]);
    }

  return g_strv_builder_end (builder);
}

CwaCertificate *
cwa_requirement_get_certificate (CwaRequirement *self)
{
  g_return_val_if_fail (CWA_IS_REQUIREMENT (self), NULL);

  /* Read live: the entry stays the same while assignments change. */
  if (self->role == CWA_ROLE_MTLS || self->virtual_server == NULL)
    return cwa_server_get_mtls_certificate (self->server);

  return cwa_virtual_server_get_ssl_certificate (self->virtual_server);
}

gboolean
cwa_requirement_equal (CwaRequirement *a,
                       CwaRequirement *b)
{
  g_return_val_if_fail (CWA_IS_REQUIREMENT (a), FALSE);
  g_return_val_if_fail (CWA_IS_REQUIREMENT (b), FALSE);

  if (a == b)
    return TRUE;

  return a->role == b->role &&
         a->server == b->server &&
         a->virtual_server == b->virtual_server &&
         g_strcmp0 (a->subject, b->subject) == 0 &&
         g_strv_equal ((const gchar * const *) a->san, (const gchar * const *) b->san);
}

gboolean
cwa_requirement_is_satisfied_by (CwaRequirement *self,
                                 CwaCertificate *certificate)
{
  const gchar * const *dns_names;
  const gchar *cn;

  g_return_val_if_fail (CWA_IS_REQUIREMENT (self), FALSE);
  g_return_val_if_fail (CWA_IS_CERTIFICATE (certificate), FALSE);

  cn = cwa_certificate_get_subject_cn (certificate);
  if (cn == NULL || !cwa_name_equal (cn, self->subject))
    return FALSE;

  dns_names = cwa_certificate_get_dns_names (certificate);
  for (guint i = 0; self->san != NULL && self->san[i] != NULL; i++)
    if (dns_names == NULL || cwa_names_match (dns_names, self->san[i]) != CWA_NAME_MATCH_EXACT)
      return FALSE;

  return TRUE;
}

static gboolean
same_certificate (CwaCertificate *a,
                  CwaCertificate *b)
{
  if (a == NULL || b == NULL)
    return FALSE;

  return a == b || g_strcmp0 (cwa_certificate_get_sha256 (a),
                              cwa_certificate_get_sha256 (b)) == 0;
}

/* Internal http virtual servers need no SSL certificate; external http
 * ones still get an entry, since external.https-required asks for https. */
static gboolean
needs_entry (CwaVirtualServer *vs)
{
  return cwa_virtual_server_is_https (vs) ||
         cwa_virtual_server_get_audience (vs) == CWA_AUDIENCE_EXTERNAL;
}

static void
add_unique (GStrvBuilder *builder,
            GPtrArray    *seen,
            const gchar  *name)
{
  if (name == NULL)
    return;

  for (guint i = 0; i < seen->len; i++)
    {
      if (cwa_name_equal (g_ptr_array_index (seen, i), name))
        return;
    }

  g_ptr_array_add (seen, (gpointer) name);
  g_strv_builder_add (builder, name);
}

static CwaRequirement *
new_vs_requirement (CwaRole           role,
                    CwaServer        *server,
                    CwaVirtualServer *vs)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();
  g_autofree gchar *as_host = cwa_virtual_server_dup_as_host (vs);
  g_autofree gchar *download_host = cwa_virtual_server_dup_download_host (vs);
  g_auto(GStrv) san = NULL;
  const gchar *host = cwa_virtual_server_get_host (vs);

  add_unique (builder, seen, host);
  add_unique (builder, seen, as_host);
  add_unique (builder, seen, download_host);
  if (role == CWA_ROLE_SHARED)
    add_unique (builder, seen, cwa_server_get_host (server));
  san = g_strv_builder_end (builder);

  return cwa_requirement_new (role, server, vs, host, (const gchar * const *) san);
}

static gboolean
nothing_assigned (GListModel *servers)
{
  guint n_servers = g_list_model_get_n_items (servers);

  for (guint i = 0; i < n_servers; i++)
    {
      g_autoptr(CwaServer) server = g_list_model_get_item (servers, i);
      GListModel *list = cwa_server_get_virtual_servers (server);
      guint n = g_list_model_get_n_items (list);

      if (cwa_server_get_mtls_certificate (server) != NULL)
        return FALSE;

      for (guint j = 0; j < n; j++)
        {
          g_autoptr(CwaVirtualServer) vs = g_list_model_get_item (list, j);

          if (cwa_virtual_server_get_ssl_certificate (vs) != NULL)
            return FALSE;
        }
    }

  return TRUE;
}

/* The documented single-certificate case: nothing assigned yet, one
 * computer, one https virtual server.  Returns that virtual server. */
static CwaVirtualServer *
planned_shared (GListModel *servers)
{
  g_autoptr(CwaServer) server = NULL;
  CwaVirtualServer *found = NULL;
  GListModel *list;
  guint n;

  if (g_list_model_get_n_items (servers) != 1 || !nothing_assigned (servers))
    return NULL;

  server = g_list_model_get_item (servers, 0);
  list = cwa_server_get_virtual_servers (server);
  n = g_list_model_get_n_items (list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CwaVirtualServer) vs = g_list_model_get_item (list, i);

      if (!cwa_virtual_server_is_https (vs))
        continue;
      if (found != NULL)
        return NULL;
      found = vs;
    }

  /* Borrowed: the server holds it. */
  return found;
}

GPtrArray *
cwa_requirements_compute (CwaDeployment *deployment)
{
  GPtrArray *result;
  GListModel *servers;
  CwaVirtualServer *planned;
  guint n_servers;

  g_return_val_if_fail (CWA_IS_DEPLOYMENT (deployment), NULL);

  result = g_ptr_array_new_with_free_func (g_object_unref);
  servers = cwa_deployment_get_servers (deployment);
  n_servers = g_list_model_get_n_items (servers);
  planned = planned_shared (servers);

  for (guint i = 0; i < n_servers; i++)
    {
      g_autoptr(CwaServer) server = g_list_model_get_item (servers, i);
      g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
      CwaCertificate *mtls = cwa_server_get_mtls_certificate (server);
      GListModel *list = cwa_server_get_virtual_servers (server);
      guint n = g_list_model_get_n_items (list);
      gboolean has_shared = FALSE;

      for (guint j = 0; j < n; j++)
        {
          g_autoptr(CwaVirtualServer) vs = g_list_model_get_item (list, j);
          gboolean shared;

          if (!needs_entry (vs))
            continue;

          shared = vs == planned ||
                   same_certificate (cwa_virtual_server_get_ssl_certificate (vs), mtls);
          has_shared |= shared;
          g_ptr_array_add (entries,
                           new_vs_requirement (shared ? CWA_ROLE_SHARED : CWA_ROLE_SSL,
                                               server, vs));
        }

      /* Every computer needs an MTLS certificate to activate CWA; a shared
       * certificate is it, otherwise a separate one comes first. */
      if (!has_shared)
        g_ptr_array_add (result,
                         cwa_requirement_new (CWA_ROLE_MTLS, server, NULL,
                                              cwa_server_get_host (server), NULL));

      for (guint j = 0; j < entries->len; j++)
        g_ptr_array_add (result, g_object_ref (g_ptr_array_index (entries, j)));
    }

  return result;
}

/* cwa-requirement.c: the names one certificate role must carry, computed from the deployment. */
#include "config.h"

#include "cwa-deployment-index.h"
#include "cwa-names.h"
#include "cwa-requirement.h"
#include "cwa-topology.h"

struct _CwaRequirement
{
  GObject           parent_instance;

  CwaRole           role;
  CwaServer        *server;
  CwaVirtualServer *virtual_server;
  CwaLoadBalancer  *load_balancer;
  GPtrArray        *servers;          /* CwaServer, an array's members */
  CwaPublishingRule *publishing_rule;
  CwaReverseProxy  *reverse_proxy;
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
  g_clear_object (&self->load_balancer);
  g_clear_pointer (&self->servers, g_ptr_array_unref);
  g_clear_object (&self->publishing_rule);
  g_clear_object (&self->reverse_proxy);
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

  g_return_val_if_fail (server == NULL || CWA_IS_SERVER (server), NULL);
  g_return_val_if_fail (virtual_server == NULL || CWA_IS_VIRTUAL_SERVER (virtual_server), NULL);
  g_return_val_if_fail (subject != NULL, NULL);

  self = g_object_new (CWA_TYPE_REQUIREMENT, NULL);
  self->role = role;
  g_set_object (&self->server, server);
  g_set_object (&self->virtual_server, virtual_server);
  self->servers = g_ptr_array_new_with_free_func (g_object_unref);
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

void
_cwa_requirement_set_front_end (CwaRequirement    *self,
                                CwaLoadBalancer   *load_balancer,
                                GPtrArray         *servers,
                                CwaPublishingRule *publishing_rule)
{
  CwaReverseProxy *proxy = NULL;

  g_return_if_fail (CWA_IS_REQUIREMENT (self));

  g_set_object (&self->load_balancer, load_balancer);
  g_ptr_array_set_size (self->servers, 0);
  for (guint i = 0; servers != NULL && i < servers->len; i++)
    g_ptr_array_add (self->servers, g_object_ref (g_ptr_array_index (servers, i)));
  g_set_object (&self->publishing_rule, publishing_rule);
  if (publishing_rule != NULL)
    proxy = cwa_publishing_rule_get_reverse_proxy (publishing_rule);
  g_set_object (&self->reverse_proxy, proxy);
}

CwaLoadBalancer *
cwa_requirement_get_load_balancer (CwaRequirement *self)
{
  g_return_val_if_fail (CWA_IS_REQUIREMENT (self), NULL);

  return self->load_balancer;
}

GPtrArray *
cwa_requirement_get_servers (CwaRequirement *self)
{
  g_return_val_if_fail (CWA_IS_REQUIREMENT (self), NULL);

  return self->servers;
}

CwaPublishingRule *
cwa_requirement_get_publishing_rule (CwaRequirement *self)
{
  g_return_val_if_fail (CWA_IS_REQUIREMENT (self), NULL);

  return self->publishing_rule;
}

CwaReverseProxy *
cwa_requirement_get_reverse_proxy (CwaRequirement *self)
{
  g_return_val_if_fail (CWA_IS_REQUIREMENT (self), NULL);

  return self->reverse_proxy;
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
  if (self->role == CWA_ROLE_LOAD_BALANCER)
    return self->load_balancer != NULL ? cwa_load_balancer_get_ssl_certificate (self->load_balancer) : NULL;
  if (self->role == CWA_ROLE_REVERSE_PROXY)
    return self->publishing_rule != NULL ? cwa_publishing_rule_get_listener_certificate (self->publishing_rule) : NULL;
  if (self->role == CWA_ROLE_MTLS || self->virtual_server == NULL)
    return self->server != NULL ? cwa_server_get_mtls_certificate (self->server) : NULL;

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

  if (a->servers->len != b->servers->len)
    return FALSE;
  for (guint i = 0; i < a->servers->len; i++)
    {
      if (g_ptr_array_index (a->servers, i) != g_ptr_array_index (b->servers, i))
        return FALSE;
    }

  return a->role == b->role &&
         a->server == b->server &&
         a->virtual_server == b->virtual_server &&
         a->load_balancer == b->load_balancer &&
         a->publishing_rule == b->publishing_rule &&
         a->reverse_proxy == b->reverse_proxy &&
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

/* An entry while the deployment is walked: internal hosts of publishing
 * rules are still added to its SAN before it becomes a CwaRequirement. */
typedef struct
{
  CwaRole            role;
  CwaServer         *server;            /* borrowed */
  CwaVirtualServer  *virtual_server;    /* borrowed */
  CwaLoadBalancer   *load_balancer;     /* borrowed */
  GPtrArray         *servers;           /* borrowed CwaServer, or NULL */
  CwaPublishingRule *publishing_rule;   /* borrowed */
  gchar             *subject;
  GPtrArray         *san;               /* owned strings */
} Draft;

static void
draft_free (Draft *draft)
{
  g_free (draft->subject);
  g_ptr_array_unref (draft->san);
  g_clear_pointer (&draft->servers, g_ptr_array_unref);
  g_free (draft);
}

/* A name is never listed twice in one entry: host names compare as names,
 * addresses (which are no host names) as text. */
static gboolean
draft_has_name (Draft       *draft,
                const gchar *name)
{
  for (guint i = 0; i < draft->san->len; i++)
    {
      const gchar *listed = g_ptr_array_index (draft->san, i);

      if (g_ascii_strcasecmp (listed, name) == 0 || cwa_name_equal (listed, name))
        return TRUE;
    }

  return g_ascii_strcasecmp (draft->subject, name) == 0 || cwa_name_equal (draft->subject, name);
}

static void
draft_add_name (Draft       *draft,
                const gchar *name)
{
  if (name != NULL && !draft_has_name (draft, name))
    g_ptr_array_add (draft->san, g_strdup (name));
}

/* An entry for @subject whose SAN starts with @host, @as_host and
 * @download_host. */
static Draft *
draft_new (CwaRole      role,
           const gchar *subject,
           const gchar *host,
           const gchar *as_host,
           const gchar *download_host)
{
  Draft *draft = g_new0 (Draft, 1);

  draft->role = role;
  draft->subject = g_strdup (subject);
  draft->san = g_ptr_array_new_with_free_func (g_free);
  if (host != NULL)
    g_ptr_array_add (draft->san, g_strdup (host));
  draft_add_name (draft, as_host);
  draft_add_name (draft, download_host);

  return draft;
}

static Draft *
draft_new_for_vs (CwaRole           role,
                  CwaServer        *server,
                  CwaVirtualServer *vs)
{
  g_autofree gchar *as_host = cwa_virtual_server_dup_as_host (vs);
  g_autofree gchar *download_host = cwa_virtual_server_dup_download_host (vs);
  const gchar *host = cwa_virtual_server_get_host (vs);
  Draft *draft = draft_new (role, host, host, as_host, download_host);

  draft->server = server;
  draft->virtual_server = vs;
  if (role == CWA_ROLE_SHARED)
    draft_add_name (draft, cwa_server_get_host (server));

  return draft;
}

static CwaRequirement *
draft_finish (Draft *draft)
{
  CwaRequirement *requirement;

  g_ptr_array_add (draft->san, NULL);
  requirement = cwa_requirement_new (draft->role, draft->server, draft->virtual_server,
                                     draft->subject, (const gchar * const *) draft->san->pdata);
  g_ptr_array_remove_index (draft->san, draft->san->len - 1);
  _cwa_requirement_set_front_end (requirement, draft->load_balancer, draft->servers,
                                  draft->publishing_rule);

  return requirement;
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
 * computer, one https virtual server, not an array member.  Returns that
 * virtual server. */
static CwaVirtualServer *
planned_shared (CwaDeployment      *deployment,
                CwaDeploymentIndex *index)
{
  GListModel *servers = cwa_deployment_get_servers (deployment);
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

  if (found != NULL && cwa_deployment_index_array_of (index, found) != NULL)
    return NULL;

  /* Borrowed: the server holds it. */
  return found;
}

/* An array's one SSL entry, at its first member's virtual server. */
static Draft *
draft_new_for_array (CwaDeploymentIndex *index,
                     CwaLoadBalancer    *lb,
                     CwaVirtualServer   *first)
{
  g_autoptr(GPtrArray) array = cwa_deployment_index_dup_array (index, lb);
  Draft *draft = draft_new_for_vs (CWA_ROLE_SSL, cwa_virtual_server_get_server (first), first);

  draft->load_balancer = lb;
  draft->servers = g_ptr_array_new ();
  for (guint i = 0; i < array->len; i++)
    {
      CwaServer *server = cwa_virtual_server_get_server (g_ptr_array_index (array, i));

      if (server != NULL && !g_ptr_array_find (draft->servers, server, NULL))
        g_ptr_array_add (draft->servers, server);
    }

  return draft;
}

/* The entries of one computer: its MTLS entry unless a shared one stands
 * for it, then one per virtual server (an array's at its first member). */
static void
add_server_drafts (CwaDeploymentIndex *index,
                   CwaServer          *server,
                   CwaVirtualServer   *planned,
                   GHashTable         *arrays_done,
                   GPtrArray          *drafts)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  CwaCertificate *mtls = cwa_server_get_mtls_certificate (server);
  GListModel *list = cwa_server_get_virtual_servers (server);
  guint n = g_list_model_get_n_items (list);
  gboolean has_shared = FALSE;

  for (guint j = 0; j < n; j++)
    {
      g_autoptr(CwaVirtualServer) vs = g_list_model_get_item (list, j);
      CwaLoadBalancer *lb;
      gboolean shared;

      if (!needs_entry (vs))
        continue;

      lb = cwa_deployment_index_array_of (index, vs);
      if (lb != NULL)
        {
          if (!g_hash_table_contains (arrays_done, lb))
            {
              g_hash_table_add (arrays_done, lb);
              g_ptr_array_add (entries, draft_new_for_array (index, lb, vs));
            }
          continue;
        }

      shared = vs == planned ||
               same_certificate (cwa_virtual_server_get_ssl_certificate (vs), mtls);
      has_shared |= shared;
      g_ptr_array_add (entries, draft_new_for_vs (shared ? CWA_ROLE_SHARED : CWA_ROLE_SSL,
                                                  server, vs));
    }

  /* Every computer needs an MTLS certificate to activate CWA; a shared
   * certificate is it, otherwise a separate one comes first. */
  if (!has_shared)
    {
      Draft *draft = draft_new (CWA_ROLE_MTLS, cwa_server_get_host (server), NULL, NULL, NULL);

      draft->server = server;
      g_ptr_array_add (drafts, draft);
    }

  g_ptr_array_extend_and_steal (drafts, g_steal_pointer (&entries));
}

static void
add_load_balancer_drafts (CwaDeployment      *deployment,
                          CwaDeploymentIndex *index,
                          GPtrArray          *drafts)
{
  GListModel *lbs = cwa_deployment_get_load_balancers (deployment);
  guint n = g_list_model_get_n_items (lbs);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CwaLoadBalancer) lb = g_list_model_get_item (lbs, i);
      g_auto(CwaArrayNames) names = { NULL, NULL, NULL };
      g_autoptr(GPtrArray) array = NULL;
      Draft *draft;

      if (!cwa_load_balancer_get_ssl_offload (lb))
        continue;

      array = cwa_deployment_index_dup_array (index, lb);
      cwa_topology_array_names_from (lb, array, &names);
      draft = draft_new (CWA_ROLE_LOAD_BALANCER, names.host, names.host,
                         names.as_host, names.download_host);
      draft->load_balancer = lb;
      g_ptr_array_add (drafts, draft);
    }
}

static void
add_reverse_proxy_drafts (CwaDeploymentIndex *index,
                          GPtrArray          *drafts)
{
  GPtrArray *rules = cwa_deployment_index_get_publishing_rules (index);

  for (guint i = 0; i < rules->len; i++)
    {
      CwaPublishingRule *rule = g_ptr_array_index (rules, i);
      g_autofree gchar *as_host = NULL;
      g_autofree gchar *download_host = NULL;
      const gchar *host = cwa_publishing_rule_get_published_host (rule);
      Draft *draft;

      if (!cwa_publishing_rule_is_https (rule))
        continue;

      as_host = cwa_publishing_rule_dup_as_host (rule);
      download_host = cwa_publishing_rule_dup_download_host (rule);
      draft = draft_new (CWA_ROLE_REVERSE_PROXY, host, host, as_host, download_host);
      draft->publishing_rule = rule;
      g_ptr_array_add (drafts, draft);
    }
}

/* rules.md: the internal host of each publishing rule goes (last) into the
 * entry of the certificates its proxy is shown. */
static void
add_internal_hosts (CwaDeploymentIndex *index,
                    GPtrArray          *drafts)
{
  GPtrArray *rules = cwa_deployment_index_get_publishing_rules (index);

  for (guint i = 0; i < rules->len; i++)
    {
      CwaPublishingRule *rule = g_ptr_array_index (rules, i);
      CwaLoadBalancer *target = cwa_deployment_index_rule_target (index, rule);
      const gchar *published = cwa_publishing_rule_get_virtual_server_host (rule);
      const gchar *internal = cwa_publishing_rule_get_effective_internal_host (rule);

      for (guint k = 0; internal != NULL && k < drafts->len; k++)
        {
          Draft *draft = g_ptr_array_index (drafts, k);
          gboolean shown = target != NULL
            ? draft->role == CWA_ROLE_LOAD_BALANCER && draft->load_balancer == target
            : (draft->role == CWA_ROLE_SSL || draft->role == CWA_ROLE_SHARED) &&
              g_strcmp0 (cwa_virtual_server_get_host (draft->virtual_server), published) == 0;

          if (shown)
            draft_add_name (draft, internal);
        }
    }
}

GPtrArray *
cwa_requirements_compute (CwaDeployment *deployment)
{
  g_autoptr(CwaDeploymentIndex) index = NULL;

  g_return_val_if_fail (CWA_IS_DEPLOYMENT (deployment), NULL);

  index = cwa_deployment_index_new (deployment);
  return cwa_requirements_compute_with_index (deployment, index);
}

GPtrArray *
cwa_requirements_compute_with_index (CwaDeployment      *deployment,
                                     CwaDeploymentIndex *index)
{
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GHashTable) arrays_done = NULL;
  GPtrArray *result;
  GListModel *servers;
  CwaVirtualServer *planned;
  guint n_servers;

  g_return_val_if_fail (CWA_IS_DEPLOYMENT (deployment), NULL);
  g_return_val_if_fail (index != NULL, NULL);

  drafts = g_ptr_array_new_with_free_func ((GDestroyNotify) draft_free);
  arrays_done = g_hash_table_new (NULL, NULL);
  servers = cwa_deployment_get_servers (deployment);
  n_servers = g_list_model_get_n_items (servers);
  planned = planned_shared (deployment, index);

  for (guint i = 0; i < n_servers; i++)
    {
      g_autoptr(CwaServer) server = g_list_model_get_item (servers, i);

      add_server_drafts (index, server, planned, arrays_done, drafts);
    }
  add_load_balancer_drafts (deployment, index, drafts);
  add_reverse_proxy_drafts (index, drafts);
  add_internal_hosts (index, drafts);

  result = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < drafts->len; i++)
    g_ptr_array_add (result, draft_finish (g_ptr_array_index (drafts, i)));

  return result;
}

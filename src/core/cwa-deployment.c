/* cwa-deployment.c: the servers, load balancers and reverse proxies of a plan, folding every nested edit into one "changed" signal. */
#include "config.h"

#include "cwa-deployment-private.h"
#include "cwa-names.h"

struct _CwaDeployment
{
  GObject     parent_instance;

  GListStore *servers;
  GListStore *load_balancers;
  GListStore *reverse_proxies;
  /* Every nested object we listen to (virtual servers, publishing rules),
   * holding a reference, so removed ones can be let go of even though
   * items-changed no longer shows them. */
  GHashTable *watched_children;

  /* When things last changed, on one clock that only goes forward: what
   * the checklist's kept findings are keyed on (cwa-subject-findings.h).
   * CwaServer -> guint64 (allocated): the server, its virtual server list
   * or one of its virtual servers; then the latest of those; then the
   * load balancers, reverse proxies, publishing rules and trusted
   * certificates. */
  guint64     clock;
  GHashTable *server_stamps;
  guint64     servers_stamp;
  guint64     front_ends_stamp;
};

G_DEFINE_FINAL_TYPE (CwaDeployment, cwa_deployment, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SERVERS,
  PROP_LOAD_BALANCERS,
  PROP_REVERSE_PROXIES,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
emit_changed (CwaDeployment *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
stamp_server (CwaDeployment *self,
              CwaServer     *server)
{
  guint64 *stamp = g_new (guint64, 1);

  *stamp = ++self->clock;
  g_hash_table_replace (self->server_stamps, server, stamp);
  self->servers_stamp = *stamp;
}

static void
stamp_front_ends (CwaDeployment *self)
{
  self->front_ends_stamp = ++self->clock;
}

/* The server whose virtual server list is @list, or NULL (a reverse
 * proxy's publishing rules).  Borrowed. */
static CwaServer *
server_of_list (CwaDeployment *self,
                GListModel    *list)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->servers));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CwaServer) server = g_list_model_get_item (G_LIST_MODEL (self->servers), i);

      if (cwa_server_get_virtual_servers (server) == list)
        return server;
    }

  return NULL;
}

/* Moves the clock for what changed in @object, a server, virtual server,
 * load balancer, reverse proxy or publishing rule. */
static void
stamp_object (CwaDeployment *self,
              GObject       *object)
{
  CwaServer *server = NULL;

  if (CWA_IS_SERVER (object))
    server = CWA_SERVER (object);
  else if (CWA_IS_VIRTUAL_SERVER (object))
    server = cwa_virtual_server_get_server (CWA_VIRTUAL_SERVER (object));
  else
    {
      stamp_front_ends (self);
      return;
    }

  if (server != NULL)
    stamp_server (self, server);
  else
    self->servers_stamp = ++self->clock;
}

static void
child_notify_cb (GObject       *child,
                 GParamSpec    *pspec,
                 CwaDeployment *self)
{
  /* Read-only properties ("host", "port", "server"...) only follow a
   * writable one whose own notification already counted. */
  if ((pspec->flags & G_PARAM_WRITABLE) == 0)
    return;

  stamp_object (self, child);
  emit_changed (self);
}

static void
watch_child (CwaDeployment *self,
             GObject       *child)
{
  if (g_hash_table_contains (self->watched_children, child))
    return;

  g_hash_table_add (self->watched_children, g_object_ref (child));
  g_signal_connect_object (child, "notify", G_CALLBACK (child_notify_cb), self, 0);
}

static void
unwatch (CwaDeployment *self,
         gpointer       object)
{
  g_signal_handlers_disconnect_by_data (object, self);
}

/* The nested list of a top-level item: a server's virtual servers, a
 * reverse proxy's publishing rules. */
static GListModel *
children_of (GObject *parent)
{
  if (CWA_IS_SERVER (parent))
    return cwa_server_get_virtual_servers (CWA_SERVER (parent));

  return cwa_reverse_proxy_get_publishing_rules (CWA_REVERSE_PROXY (parent));
}

/* Adds the nested items of each item of @parents to @current and watches
 * them. */
static void
collect_children (CwaDeployment *self,
                  GListModel    *parents,
                  GHashTable    *current)
{
  guint n_parents = g_list_model_get_n_items (parents);

  for (guint i = 0; i < n_parents; i++)
    {
      g_autoptr(GObject) parent = g_list_model_get_item (parents, i);
      GListModel *list = children_of (parent);
      guint n = g_list_model_get_n_items (list);

      for (guint j = 0; j < n; j++)
        {
          g_autoptr(GObject) child = g_list_model_get_item (list, j);

          g_hash_table_add (current, child);
          watch_child (self, child);
        }
    }
}

/* Brings the watched set in line with the virtual servers of all servers
 * and the publishing rules of all reverse proxies. */
static void
sync_watched_children (CwaDeployment *self)
{
  g_autoptr(GHashTable) current = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer key;

  collect_children (self, G_LIST_MODEL (self->servers), current);
  collect_children (self, G_LIST_MODEL (self->reverse_proxies), current);

  g_hash_table_iter_init (&iter, self->watched_children);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      if (!g_hash_table_contains (current, key))
        {
          unwatch (self, key);
          g_hash_table_iter_remove (&iter);
        }
    }
}

static void
children_changed_cb (GListModel    *list,
                     guint          position,
                     guint          removed,
                     guint          added,
                     CwaDeployment *self)
{
  CwaServer *server = server_of_list (self, list);

  if (server != NULL)
    stamp_server (self, server);
  else
    stamp_front_ends (self);
  sync_watched_children (self);
  emit_changed (self);
}

static void
trusted_certificates_changed_cb (GListModel    *list,
                                 guint          position,
                                 guint          removed,
                                 guint          added,
                                 CwaDeployment *self)
{
  stamp_front_ends (self);
  emit_changed (self);
}

/* Listens to a top-level item (server, load balancer, reverse proxy) and
 * to its nested lists. */
static void
watch_item (CwaDeployment *self,
            GObject       *item)
{
  g_signal_connect_object (item, "notify", G_CALLBACK (child_notify_cb), self, 0);

  if (CWA_IS_SERVER (item))
    g_signal_connect_object (cwa_server_get_virtual_servers (CWA_SERVER (item)), "items-changed",
                             G_CALLBACK (children_changed_cb), self, 0);

  if (CWA_IS_REVERSE_PROXY (item))
    {
      g_signal_connect_object (cwa_reverse_proxy_get_publishing_rules (CWA_REVERSE_PROXY (item)),
                               "items-changed", G_CALLBACK (children_changed_cb), self, 0);
      g_signal_connect_object (cwa_reverse_proxy_get_trusted_certificates (CWA_REVERSE_PROXY (item)),
                               "items-changed", G_CALLBACK (trusted_certificates_changed_cb), self, 0);
    }
}

static void
unwatch_item (CwaDeployment *self,
              GObject       *item)
{
  unwatch (self, item);

  if (CWA_IS_SERVER (item))
    unwatch (self, cwa_server_get_virtual_servers (CWA_SERVER (item)));

  if (CWA_IS_REVERSE_PROXY (item))
    {
      unwatch (self, cwa_reverse_proxy_get_publishing_rules (CWA_REVERSE_PROXY (item)));
      unwatch (self, cwa_reverse_proxy_get_trusted_certificates (CWA_REVERSE_PROXY (item)));
    }
}

static void
unwatch_all (CwaDeployment *self,
             GListStore    *store)
{
  guint n;

  if (store == NULL)
    return;

  n = g_list_model_get_n_items (G_LIST_MODEL (store));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (store), i);

      unwatch_item (self, item);
    }
}

static void
cwa_deployment_dispose (GObject *object)
{
  CwaDeployment *self = CWA_DEPLOYMENT (object);

  unwatch_all (self, self->servers);
  unwatch_all (self, self->load_balancers);
  unwatch_all (self, self->reverse_proxies);

  if (self->watched_children != NULL)
    {
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, self->watched_children);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        unwatch (self, key);
    }

  g_clear_pointer (&self->watched_children, g_hash_table_unref);
  g_clear_pointer (&self->server_stamps, g_hash_table_unref);
  g_clear_object (&self->servers);
  g_clear_object (&self->load_balancers);
  g_clear_object (&self->reverse_proxies);

  G_OBJECT_CLASS (cwa_deployment_parent_class)->dispose (object);
}

static void
cwa_deployment_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CwaDeployment *self = CWA_DEPLOYMENT (object);

  switch (prop_id)
    {
    case PROP_SERVERS:
      g_value_set_object (value, self->servers);
      break;
    case PROP_LOAD_BALANCERS:
      g_value_set_object (value, self->load_balancers);
      break;
    case PROP_REVERSE_PROXIES:
      g_value_set_object (value, self->reverse_proxies);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cwa_deployment_class_init (CwaDeploymentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cwa_deployment_dispose;
  object_class->get_property = cwa_deployment_get_property;

  properties[PROP_SERVERS] =
    g_param_spec_object ("servers", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_LOAD_BALANCERS] =
    g_param_spec_object ("load-balancers", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_REVERSE_PROXIES] =
    g_param_spec_object ("reverse-proxies", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);
}

static void
cwa_deployment_init (CwaDeployment *self)
{
  self->servers = g_list_store_new (CWA_TYPE_SERVER);
  self->load_balancers = g_list_store_new (CWA_TYPE_LOAD_BALANCER);
  self->reverse_proxies = g_list_store_new (CWA_TYPE_REVERSE_PROXY);
  self->watched_children = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->server_stamps = g_hash_table_new_full (NULL, NULL, NULL, g_free);
}

guint64
_cwa_deployment_get_server_stamp (CwaDeployment *self,
                                  CwaServer     *server)
{
  guint64 *stamp;

  g_return_val_if_fail (CWA_IS_DEPLOYMENT (self), 0);

  stamp = g_hash_table_lookup (self->server_stamps, server);
  return stamp != NULL ? *stamp : 0;
}

guint64
_cwa_deployment_get_servers_stamp (CwaDeployment *self)
{
  g_return_val_if_fail (CWA_IS_DEPLOYMENT (self), 0);

  return self->servers_stamp;
}

guint64
_cwa_deployment_get_front_ends_stamp (CwaDeployment *self)
{
  g_return_val_if_fail (CWA_IS_DEPLOYMENT (self), 0);

  return self->front_ends_stamp;
}

CwaDeployment *
cwa_deployment_new (void)
{
  return g_object_new (CWA_TYPE_DEPLOYMENT, NULL);
}

/* The three top-level lists share their insertion and removal. */
static void
insert_item (CwaDeployment *self,
             GListStore    *store,
             guint          position,
             gpointer       item)
{
  g_return_if_fail (!g_list_store_find (store, item, NULL));

  position = MIN (position, g_list_model_get_n_items (G_LIST_MODEL (store)));

  watch_item (self, item);
  stamp_object (self, item);
  g_list_store_insert (store, position, item);
  sync_watched_children (self);
  emit_changed (self);
}

static void
remove_item (CwaDeployment *self,
             GListStore    *store,
             gpointer       item)
{
  g_autoptr(GObject) hold = NULL;
  guint position;

  if (!g_list_store_find (store, item, &position))
    {
      g_return_if_reached ();
    }

  hold = g_object_ref (item);
  unwatch_item (self, item);
  if (CWA_IS_SERVER (item))
    {
      g_hash_table_remove (self->server_stamps, item);
      self->servers_stamp = ++self->clock;
    }
  else
    stamp_front_ends (self);
  g_list_store_remove (store, position);
  sync_watched_children (self);
  emit_changed (self);
}

GListModel *
cwa_deployment_get_servers (CwaDeployment *self)
{
  g_return_val_if_fail (CWA_IS_DEPLOYMENT (self), NULL);

  return G_LIST_MODEL (self->servers);
}

void
cwa_deployment_add_server (CwaDeployment *self,
                           CwaServer     *server)
{
  g_return_if_fail (CWA_IS_DEPLOYMENT (self));

  cwa_deployment_insert_server (self,
                                g_list_model_get_n_items (G_LIST_MODEL (self->servers)),
                                server);
}

void
cwa_deployment_insert_server (CwaDeployment *self,
                              guint          position,
                              CwaServer     *server)
{
  g_return_if_fail (CWA_IS_DEPLOYMENT (self));
  g_return_if_fail (CWA_IS_SERVER (server));

  insert_item (self, self->servers, position, server);
}

void
cwa_deployment_remove_server (CwaDeployment *self,
                              CwaServer     *server)
{
  g_return_if_fail (CWA_IS_DEPLOYMENT (self));
  g_return_if_fail (CWA_IS_SERVER (server));

  remove_item (self, self->servers, server);
}

CwaServer *
cwa_deployment_find_server (CwaDeployment *self,
                            const gchar   *fqdn)
{
  g_autofree gchar *host = NULL;
  guint n;

  g_return_val_if_fail (CWA_IS_DEPLOYMENT (self), NULL);
  g_return_val_if_fail (fqdn != NULL, NULL);

  host = cwa_name_normalize (fqdn, NULL);
  if (host == NULL)
    return NULL;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->servers));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CwaServer) server = g_list_model_get_item (G_LIST_MODEL (self->servers), i);

      if (g_strcmp0 (cwa_server_get_host (server), host) == 0)
        return server;
    }

  return NULL;
}

void
cwa_virtual_server_iter_init (CwaVirtualServerIter *iter,
                              CwaDeployment        *deployment)
{
  g_return_if_fail (iter != NULL);
  g_return_if_fail (CWA_IS_DEPLOYMENT (deployment));

  *iter = (CwaVirtualServerIter) {
    .servers = G_LIST_MODEL (deployment->servers),
    .n_servers = g_list_model_get_n_items (G_LIST_MODEL (deployment->servers)),
  };
}

gboolean
cwa_virtual_server_iter_next (CwaVirtualServerIter  *iter,
                              CwaServer            **server,
                              CwaVirtualServer     **virtual_server)
{
  CwaVirtualServer *vs;

  g_return_val_if_fail (iter != NULL, FALSE);

  /* Past the current server's last virtual server: on to the next server
   * that has one. */
  while (iter->vs_index >= iter->n_virtual_servers)
    {
      g_autoptr(CwaServer) next = NULL;

      if (iter->server_index >= iter->n_servers)
        return FALSE;
      next = g_list_model_get_item (iter->servers, iter->server_index++);
      /* Borrowed from here on: the deployment's store holds it. */
      iter->server = next;
      iter->virtual_servers = cwa_server_get_virtual_servers (next);
      iter->n_virtual_servers = g_list_model_get_n_items (iter->virtual_servers);
      iter->vs_index = 0;
    }

  vs = g_list_model_get_item (iter->virtual_servers, iter->vs_index++);
  /* The server's store holds it. */
  g_object_unref (vs);
  if (server != NULL)
    *server = iter->server;
  if (virtual_server != NULL)
    *virtual_server = vs;
  return TRUE;
}

CwaVirtualServer *
cwa_deployment_find_virtual_server (CwaDeployment *self,
                                    const gchar   *host)
{
  g_autofree gchar *wanted = NULL;
  CwaVirtualServerIter iter;
  CwaVirtualServer *vs;

  g_return_val_if_fail (CWA_IS_DEPLOYMENT (self), NULL);
  g_return_val_if_fail (host != NULL, NULL);

  wanted = cwa_name_normalize (host, NULL);
  if (wanted == NULL)
    return NULL;

  cwa_virtual_server_iter_init (&iter, self);
  while (cwa_virtual_server_iter_next (&iter, NULL, &vs))
    if (g_strcmp0 (cwa_virtual_server_get_host (vs), wanted) == 0)
      return vs;

  return NULL;
}

static gboolean
same_certificate (CwaCertificate *assigned,
                  CwaCertificate *certificate)
{
  return assigned != NULL &&
         (assigned == certificate || cwa_certificate_equal (assigned, certificate));
}

static void
unassign_servers (CwaDeployment  *self,
                  CwaCertificate *certificate)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->servers));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CwaServer) server = g_list_model_get_item (G_LIST_MODEL (self->servers), i);
      GListModel *list = cwa_server_get_virtual_servers (server);
      guint n_vs = g_list_model_get_n_items (list);

      if (same_certificate (cwa_server_get_mtls_certificate (server), certificate))
        cwa_server_set_mtls_certificate (server, NULL);

      for (guint j = 0; j < n_vs; j++)
        {
          g_autoptr(CwaVirtualServer) vs = g_list_model_get_item (list, j);

          if (same_certificate (cwa_virtual_server_get_ssl_certificate (vs), certificate))
            cwa_virtual_server_set_ssl_certificate (vs, NULL);
        }
    }
}

static void
unassign_front_ends (CwaDeployment  *self,
                     CwaCertificate *certificate)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->load_balancers));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CwaLoadBalancer) lb = g_list_model_get_item (G_LIST_MODEL (self->load_balancers), i);

      if (same_certificate (cwa_load_balancer_get_ssl_certificate (lb), certificate))
        cwa_load_balancer_set_ssl_certificate (lb, NULL);
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (self->reverse_proxies));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CwaReverseProxy) proxy = g_list_model_get_item (G_LIST_MODEL (self->reverse_proxies), i);
      GListModel *rules = cwa_reverse_proxy_get_publishing_rules (proxy);
      guint n_rules = g_list_model_get_n_items (rules);

      cwa_reverse_proxy_remove_trusted_certificate (proxy, certificate);
      for (guint j = 0; j < n_rules; j++)
        {
          g_autoptr(CwaPublishingRule) rule = g_list_model_get_item (rules, j);

          if (same_certificate (cwa_publishing_rule_get_listener_certificate (rule), certificate))
            cwa_publishing_rule_set_listener_certificate (rule, NULL);
        }
    }
}

void
cwa_deployment_unassign (CwaDeployment  *self,
                         CwaCertificate *certificate)
{
  g_return_if_fail (CWA_IS_DEPLOYMENT (self));
  g_return_if_fail (CWA_IS_CERTIFICATE (certificate));

  unassign_servers (self, certificate);
  unassign_front_ends (self, certificate);
}

/* The load balancer or reverse proxy of @store whose host is @fqdn's
 * (borrowed), or NULL. */
static gpointer
find_front_end (GListStore  *store,
                const gchar *fqdn)
{
  g_autofree gchar *host = cwa_name_normalize_lenient (fqdn);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (store), i);
      const gchar *item_host = CWA_IS_LOAD_BALANCER (item)
                               ? cwa_load_balancer_get_host (CWA_LOAD_BALANCER (item))
                               : cwa_reverse_proxy_get_host (CWA_REVERSE_PROXY (item));

      if (g_strcmp0 (item_host, host) == 0)
        return item;
    }

  return NULL;
}

GListModel *
cwa_deployment_get_load_balancers (CwaDeployment *self)
{
  g_return_val_if_fail (CWA_IS_DEPLOYMENT (self), NULL);

  return G_LIST_MODEL (self->load_balancers);
}

void
cwa_deployment_add_load_balancer (CwaDeployment   *self,
                                  CwaLoadBalancer *load_balancer)
{
  g_return_if_fail (CWA_IS_DEPLOYMENT (self));

  cwa_deployment_insert_load_balancer (self,
                                       g_list_model_get_n_items (G_LIST_MODEL (self->load_balancers)),
                                       load_balancer);
}

void
cwa_deployment_insert_load_balancer (CwaDeployment   *self,
                                     guint            position,
                                     CwaLoadBalancer *load_balancer)
{
  g_return_if_fail (CWA_IS_DEPLOYMENT (self));
  g_return_if_fail (CWA_IS_LOAD_BALANCER (load_balancer));

  insert_item (self, self->load_balancers, position, load_balancer);
}

void
cwa_deployment_remove_load_balancer (CwaDeployment   *self,
                                     CwaLoadBalancer *load_balancer)
{
  g_return_if_fail (CWA_IS_DEPLOYMENT (self));
  g_return_if_fail (CWA_IS_LOAD_BALANCER (load_balancer));

  remove_item (self, self->load_balancers, load_balancer);
}

CwaLoadBalancer *
cwa_deployment_find_load_balancer (CwaDeployment *self,
                                   const gchar   *fqdn)
{
  g_return_val_if_fail (CWA_IS_DEPLOYMENT (self), NULL);
  g_return_val_if_fail (fqdn != NULL, NULL);

  return find_front_end (self->load_balancers, fqdn);
}

GListModel *
cwa_deployment_get_reverse_proxies (CwaDeployment *self)
{
  g_return_val_if_fail (CWA_IS_DEPLOYMENT (self), NULL);

  return G_LIST_MODEL (self->reverse_proxies);
}

void
cwa_deployment_add_reverse_proxy (CwaDeployment   *self,
                                  CwaReverseProxy *proxy)
{
  g_return_if_fail (CWA_IS_DEPLOYMENT (self));

  cwa_deployment_insert_reverse_proxy (self,
                                       g_list_model_get_n_items (G_LIST_MODEL (self->reverse_proxies)),
                                       proxy);
}

void
cwa_deployment_insert_reverse_proxy (CwaDeployment   *self,
                                     guint            position,
                                     CwaReverseProxy *proxy)
{
  g_return_if_fail (CWA_IS_DEPLOYMENT (self));
  g_return_if_fail (CWA_IS_REVERSE_PROXY (proxy));

  insert_item (self, self->reverse_proxies, position, proxy);
}

void
cwa_deployment_remove_reverse_proxy (CwaDeployment   *self,
                                     CwaReverseProxy *proxy)
{
  g_return_if_fail (CWA_IS_DEPLOYMENT (self));
  g_return_if_fail (CWA_IS_REVERSE_PROXY (proxy));

  remove_item (self, self->reverse_proxies, proxy);
}

GPtrArray *
cwa_deployment_dup_publishing_rules (CwaDeployment *self)
{
  GPtrArray *rules;
  guint n;

  g_return_val_if_fail (CWA_IS_DEPLOYMENT (self), NULL);

  rules = g_ptr_array_new_with_free_func (g_object_unref);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->reverse_proxies));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CwaReverseProxy) proxy = g_list_model_get_item (G_LIST_MODEL (self->reverse_proxies), i);
      GListModel *list = cwa_reverse_proxy_get_publishing_rules (proxy);
      guint n_rules = g_list_model_get_n_items (list);

      for (guint j = 0; j < n_rules; j++)
        g_ptr_array_add (rules, g_list_model_get_item (list, j));
    }

  return rules;
}

CwaReverseProxy *
cwa_deployment_find_reverse_proxy (CwaDeployment *self,
                                   const gchar   *fqdn)
{
  g_return_val_if_fail (CWA_IS_DEPLOYMENT (self), NULL);
  g_return_val_if_fail (fqdn != NULL, NULL);

  return find_front_end (self->reverse_proxies, fqdn);
}

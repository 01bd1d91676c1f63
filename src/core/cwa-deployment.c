/* cwa-deployment.c: the CWA server computers of a plan, folding every nested edit into one "changed" signal. */
#include "config.h"

#include "cwa-deployment.h"
#include "cwa-names.h"

struct _CwaDeployment
{
  GObject     parent_instance;

  GListStore *servers;
  /* Every virtual server we listen to (holding a reference), so removed
   * ones can be let go of even though items-changed no longer shows them. */
  GHashTable *watched_virtual_servers;
};

G_DEFINE_FINAL_TYPE (CwaDeployment, cwa_deployment, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SERVERS,
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
on_child_notify (GObject       *child,
                 GParamSpec    *pspec,
                 CwaDeployment *self)
{
  /* Read-only properties ("host", "port", "server"...) only follow a
   * writable one whose own notification already counted. */
  if ((pspec->flags & G_PARAM_WRITABLE) == 0)
    return;

  emit_changed (self);
}

static void
watch_virtual_server (CwaDeployment    *self,
                      CwaVirtualServer *vs)
{
  if (g_hash_table_contains (self->watched_virtual_servers, vs))
    return;

  g_hash_table_add (self->watched_virtual_servers, g_object_ref (vs));
  g_signal_connect_object (vs, "notify", G_CALLBACK (on_child_notify), self, 0);
}

static void
unwatch (CwaDeployment *self,
         GObject       *object)
{
  g_signal_handlers_disconnect_by_data (object, self);
}

/* Brings the watched set in line with the virtual servers of all servers. */
static void
sync_watched_virtual_servers (CwaDeployment *self)
{
  g_autoptr(GHashTable) current = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer key;
  guint n_servers = g_list_model_get_n_items (G_LIST_MODEL (self->servers));

  for (guint i = 0; i < n_servers; i++)
    {
      g_autoptr(CwaServer) server = g_list_model_get_item (G_LIST_MODEL (self->servers), i);
      GListModel *list = cwa_server_get_virtual_servers (server);
      guint n = g_list_model_get_n_items (list);

      for (guint j = 0; j < n; j++)
        {
          g_autoptr(CwaVirtualServer) vs = g_list_model_get_item (list, j);

          g_hash_table_add (current, vs);
          watch_virtual_server (self, vs);
        }
    }

  g_hash_table_iter_init (&iter, self->watched_virtual_servers);
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
on_virtual_servers_changed (GListModel    *list,
                            guint          position,
                            guint          removed,
                            guint          added,
                            CwaDeployment *self)
{
  sync_watched_virtual_servers (self);
  emit_changed (self);
}

static void
watch_server (CwaDeployment *self,
              CwaServer     *server)
{
  g_signal_connect_object (server, "notify", G_CALLBACK (on_child_notify), self, 0);
  g_signal_connect_object (cwa_server_get_virtual_servers (server), "items-changed",
                           G_CALLBACK (on_virtual_servers_changed), self, 0);
}

static void
unwatch_server (CwaDeployment *self,
                CwaServer     *server)
{
  unwatch (self, G_OBJECT (server));
  unwatch (self, G_OBJECT (cwa_server_get_virtual_servers (server)));
}

static void
cwa_deployment_dispose (GObject *object)
{
  CwaDeployment *self = CWA_DEPLOYMENT (object);

  if (self->servers != NULL)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->servers));

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(CwaServer) server = g_list_model_get_item (G_LIST_MODEL (self->servers), i);

          unwatch_server (self, server);
        }
    }

  if (self->watched_virtual_servers != NULL)
    {
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, self->watched_virtual_servers);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        unwatch (self, key);
    }

  g_clear_pointer (&self->watched_virtual_servers, g_hash_table_unref);
  g_clear_object (&self->servers);

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
  self->watched_virtual_servers = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
}

CwaDeployment *
cwa_deployment_new (void)
{
  return g_object_new (CWA_TYPE_DEPLOYMENT, NULL);
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
  g_return_if_fail (!g_list_store_find (self->servers, server, NULL));

  position = MIN (position, g_list_model_get_n_items (G_LIST_MODEL (self->servers)));

  watch_server (self, server);
  g_list_store_insert (self->servers, position, server);
  sync_watched_virtual_servers (self);
  emit_changed (self);
}

void
cwa_deployment_remove_server (CwaDeployment *self,
                              CwaServer     *server)
{
  g_autoptr(CwaServer) hold = NULL;
  guint position;

  g_return_if_fail (CWA_IS_DEPLOYMENT (self));
  g_return_if_fail (CWA_IS_SERVER (server));

  if (!g_list_store_find (self->servers, server, &position))
    {
      g_return_if_reached ();
    }

  hold = g_object_ref (server);
  unwatch_server (self, server);
  g_list_store_remove (self->servers, position);
  sync_watched_virtual_servers (self);
  emit_changed (self);
}

CwaServer *
cwa_deployment_find_server (CwaDeployment *self,
                            const gchar   *fqdn)
{
  guint n;

  g_return_val_if_fail (CWA_IS_DEPLOYMENT (self), NULL);
  g_return_val_if_fail (fqdn != NULL, NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->servers));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CwaServer) server = g_list_model_get_item (G_LIST_MODEL (self->servers), i);

      if (cwa_name_equal (cwa_server_get_fqdn (server), fqdn))
        return server;
    }

  return NULL;
}

CwaVirtualServer *
cwa_deployment_find_virtual_server (CwaDeployment *self,
                                    const gchar   *host)
{
  guint n;

  g_return_val_if_fail (CWA_IS_DEPLOYMENT (self), NULL);
  g_return_val_if_fail (host != NULL, NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->servers));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CwaServer) server = g_list_model_get_item (G_LIST_MODEL (self->servers), i);
      GListModel *list = cwa_server_get_virtual_servers (server);
      guint n_vs = g_list_model_get_n_items (list);

      for (guint j = 0; j < n_vs; j++)
        {
          g_autoptr(CwaVirtualServer) vs = g_list_model_get_item (list, j);

          if (cwa_name_equal (cwa_virtual_server_get_host (vs), host))
            return vs;
        }
    }

  return NULL;
}

static gboolean
same_certificate (CwaCertificate *assigned,
                  CwaCertificate *certificate)
{
  return assigned != NULL &&
         (assigned == certificate || cwa_certificate_equal (assigned, certificate));
}

void
cwa_deployment_unassign (CwaDeployment  *self,
                         CwaCertificate *certificate)
{
  guint n;

  g_return_if_fail (CWA_IS_DEPLOYMENT (self));
  g_return_if_fail (CWA_IS_CERTIFICATE (certificate));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->servers));
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

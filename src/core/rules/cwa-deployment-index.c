/* cwa-deployment-index.c: a deployment's virtual servers, load balancers and publishing rules, looked up by host during one run. */
#include "config.h"

#include "cwa-deployment-index.h"
#include "cwa-names.h"

struct _CwaDeploymentIndex
{
  /* URL host -> GPtrArray of CwaVirtualServer (references), plan order. */
  GHashTable *virtual_servers;
  /* Published virtual server host -> the first CwaPublishingRule. */
  GHashTable *publishers;
  GPtrArray  *load_balancers;
  GPtrArray  *publishing_rules;
};

static void
index_virtual_servers (CwaDeploymentIndex *index,
                       CwaDeployment      *deployment)
{
  GListModel *servers = cwa_deployment_get_servers (deployment);
  guint n = g_list_model_get_n_items (servers);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CwaServer) server = g_list_model_get_item (servers, i);
      GListModel *list = cwa_server_get_virtual_servers (server);
      guint n_vs = g_list_model_get_n_items (list);

      for (guint j = 0; j < n_vs; j++)
        {
          CwaVirtualServer *vs = g_list_model_get_item (list, j);
          const gchar *host = cwa_virtual_server_get_host (vs);
          GPtrArray *same;

          if (host == NULL)
            {
              g_object_unref (vs);
              continue;
            }
          same = g_hash_table_lookup (index->virtual_servers, host);
          if (same == NULL)
            {
              same = g_ptr_array_new_with_free_func (g_object_unref);
              g_hash_table_insert (index->virtual_servers, g_strdup (host), same);
            }
          g_ptr_array_add (same, vs);
        }
    }
}

CwaDeploymentIndex *
cwa_deployment_index_new (CwaDeployment *deployment)
{
  CwaDeploymentIndex *index;
  GListModel *lbs;
  guint n;

  g_return_val_if_fail (CWA_IS_DEPLOYMENT (deployment), NULL);

  index = g_new0 (CwaDeploymentIndex, 1);
  index->virtual_servers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                  (GDestroyNotify) g_ptr_array_unref);
  index->publishers = g_hash_table_new (g_str_hash, g_str_equal);
  index_virtual_servers (index, deployment);

  lbs = cwa_deployment_get_load_balancers (deployment);
  n = g_list_model_get_n_items (lbs);
  index->load_balancers = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (index->load_balancers, g_list_model_get_item (lbs, i));

  /* Keys borrowed from the rules, which the array holds. */
  index->publishing_rules = cwa_deployment_dup_publishing_rules (deployment);
  for (guint i = 0; i < index->publishing_rules->len; i++)
    {
      CwaPublishingRule *rule = g_ptr_array_index (index->publishing_rules, i);
      const gchar *host = cwa_publishing_rule_get_virtual_server_host (rule);

      if (host != NULL && !g_hash_table_contains (index->publishers, host))
        g_hash_table_insert (index->publishers, (gpointer) host, rule);
    }

  return index;
}

void
cwa_deployment_index_free (CwaDeploymentIndex *index)
{
  if (index == NULL)
    return;

  g_clear_pointer (&index->virtual_servers, g_hash_table_unref);
  g_clear_pointer (&index->publishers, g_hash_table_unref);
  g_clear_pointer (&index->load_balancers, g_ptr_array_unref);
  g_clear_pointer (&index->publishing_rules, g_ptr_array_unref);
  g_free (index);
}

CwaVirtualServer *
cwa_deployment_index_find_virtual_server (CwaDeploymentIndex *index,
                                          const gchar        *host)
{
  g_autofree gchar *wanted = NULL;
  GPtrArray *same;

  g_return_val_if_fail (index != NULL, NULL);
  g_return_val_if_fail (host != NULL, NULL);

  wanted = cwa_name_normalize (host, NULL);
  if (wanted == NULL)
    return NULL;

  same = g_hash_table_lookup (index->virtual_servers, wanted);
  return same != NULL ? g_ptr_array_index (same, 0) : NULL;
}

CwaPublishingRule *
cwa_deployment_index_find_publisher (CwaDeploymentIndex *index,
                                     const gchar        *host)
{
  g_return_val_if_fail (index != NULL, NULL);
  g_return_val_if_fail (host != NULL, NULL);

  return g_hash_table_lookup (index->publishers, host);
}

CwaLoadBalancer *
cwa_deployment_index_array_of (CwaDeploymentIndex *index,
                               CwaVirtualServer   *vs)
{
  CwaServer *server;

  g_return_val_if_fail (index != NULL, NULL);
  g_return_val_if_fail (CWA_IS_VIRTUAL_SERVER (vs), NULL);

  server = cwa_virtual_server_get_server (vs);
  if (server == NULL)
    return NULL;

  for (guint i = 0; i < index->load_balancers->len; i++)
    {
      CwaLoadBalancer *lb = g_ptr_array_index (index->load_balancers, i);

      if (g_strcmp0 (cwa_load_balancer_get_host (lb), cwa_virtual_server_get_host (vs)) == 0 &&
          cwa_load_balancer_has_member (lb, cwa_server_get_host (server)))
        return lb;
    }

  return NULL;
}

GPtrArray *
cwa_deployment_index_dup_array (CwaDeploymentIndex *index,
                                CwaLoadBalancer    *lb)
{
  const gchar *host;
  GPtrArray *same;
  GPtrArray *array;

  g_return_val_if_fail (index != NULL, NULL);
  g_return_val_if_fail (CWA_IS_LOAD_BALANCER (lb), NULL);

  array = g_ptr_array_new_with_free_func (g_object_unref);
  host = cwa_load_balancer_get_host (lb);
  same = host != NULL ? g_hash_table_lookup (index->virtual_servers, host) : NULL;
  for (guint i = 0; same != NULL && i < same->len; i++)
    {
      CwaVirtualServer *vs = g_ptr_array_index (same, i);
      CwaServer *server = cwa_virtual_server_get_server (vs);

      if (server != NULL && cwa_load_balancer_has_member (lb, cwa_server_get_host (server)))
        g_ptr_array_add (array, g_object_ref (vs));
    }

  return array;
}

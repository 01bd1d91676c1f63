/* cwa-deployment-index.c: a deployment's virtual servers, load balancers and publishing rules, looked up by host during one run. */
#include "config.h"

#include "cwa-deployment-index.h"
#include "cwa-names.h"
#include "cwa-topology.h"

struct _CwaDeploymentIndex
{
  /* URL host -> GPtrArray of CwaVirtualServer (references), plan order. */
  GHashTable *virtual_servers;
  /* Published virtual server host -> the first CwaPublishingRule. */
  GHashTable *publishers;
  GPtrArray  *load_balancers;
  GPtrArray  *publishing_rules;
  /* Filled on first ask, as the rules and the required names both ask:
   * CwaPublishingRule -> its Shown (what its proxy is shown). */
  GHashTable *shown;
};

/* What one publishing rule's proxy is shown when it forwards. */
typedef struct
{
  CwaLoadBalancer *target;         /* borrowed from the index's array */
  GPtrArray       *certificates;   /* CwaCertificate, references */
} Shown;

static void
shown_free (Shown *shown)
{
  g_ptr_array_unref (shown->certificates);
  g_free (shown);
}

static void
index_virtual_servers (CwaDeploymentIndex *index,
                       CwaDeployment      *deployment)
{
  CwaVirtualServerIter iter;
  CwaVirtualServer *vs;

  cwa_virtual_server_iter_init (&iter, deployment);
  while (cwa_virtual_server_iter_next (&iter, NULL, &vs))
    {
      const gchar *host = cwa_virtual_server_get_host (vs);
      GPtrArray *same;

      if (host == NULL)
        continue;
      same = g_hash_table_lookup (index->virtual_servers, host);
      if (same == NULL)
        {
          same = g_ptr_array_new_with_free_func (g_object_unref);
          g_hash_table_insert (index->virtual_servers, g_strdup (host), same);
        }
      g_ptr_array_add (same, g_object_ref (vs));
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
  index->shown = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) shown_free);
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
  g_clear_pointer (&index->shown, g_hash_table_unref);
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

GPtrArray *
cwa_deployment_index_get_publishing_rules (CwaDeploymentIndex *index)
{
  g_return_val_if_fail (index != NULL, NULL);

  return index->publishing_rules;
}

/* The target and shown certificates of @rule, worked out on first ask. */
static Shown *
lookup_shown (CwaDeploymentIndex *index,
              CwaPublishingRule  *rule)
{
  Shown *shown = g_hash_table_lookup (index->shown, rule);
  const gchar *host;
  GPtrArray *published;

  if (shown != NULL)
    return shown;

  shown = g_new0 (Shown, 1);
  /* Walks the load balancers, as cwa_topology_rule_target() does for a
   * caller without an index: a few per plan. */
  for (guint i = 0; i < index->load_balancers->len && shown->target == NULL; i++)
    {
      CwaLoadBalancer *lb = g_ptr_array_index (index->load_balancers, i);

      if (cwa_topology_rule_targets (rule, lb))
        shown->target = lb;
    }
  host = cwa_publishing_rule_get_virtual_server_host (rule);
  published = host != NULL ? g_hash_table_lookup (index->virtual_servers, host) : NULL;
  shown->certificates = cwa_topology_shown_certificates_from (shown->target, published);
  g_hash_table_insert (index->shown, rule, shown);

  return shown;
}

CwaLoadBalancer *
cwa_deployment_index_rule_target (CwaDeploymentIndex *index,
                                  CwaPublishingRule  *rule)
{
  g_return_val_if_fail (index != NULL, NULL);
  g_return_val_if_fail (CWA_IS_PUBLISHING_RULE (rule), NULL);

  return lookup_shown (index, rule)->target;
}

GPtrArray *
cwa_deployment_index_get_shown_certificates (CwaDeploymentIndex *index,
                                             CwaPublishingRule  *rule,
                                             CwaLoadBalancer   **target)
{
  Shown *shown;

  g_return_val_if_fail (index != NULL, NULL);
  g_return_val_if_fail (CWA_IS_PUBLISHING_RULE (rule), NULL);

  shown = lookup_shown (index, rule);
  if (target != NULL)
    *target = shown->target;

  return shown->certificates;
}

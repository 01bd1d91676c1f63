/* cwa-topology-bands.c: the order in which the topology view and picture draw a deployment: edge, load balancers, computers. */
#include "config.h"

#include "cwa-topology-bands.h"
#include "cwa-topology.h"

void
cwa_topology_group_free (CwaTopologyGroup *group)
{
  if (group == NULL)
    return;
  g_clear_object (&group->load_balancer);
  g_clear_pointer (&group->servers, g_ptr_array_unref);
  g_free (group);
}

guint
cwa_topology_group_get_width (const CwaTopologyGroup *group)
{
  g_return_val_if_fail (group != NULL, 1);

  return MAX (group->servers->len, 1);
}

static CwaTopologyGroup *
group_new (CwaLoadBalancer *load_balancer)
{
  CwaTopologyGroup *group = g_new0 (CwaTopologyGroup, 1);

  group->load_balancer = load_balancer != NULL ? g_object_ref (load_balancer) : NULL;
  group->servers = g_ptr_array_new_with_free_func (g_object_unref);
  return group;
}

/* Fills @groups from the model: load balancers first, then the rest. */
static void
collect_groups (CwaDeployment *deployment,
                GPtrArray     *groups)
{
  GListModel *servers = cwa_deployment_get_servers (deployment);
  GListModel *lbs = cwa_deployment_get_load_balancers (deployment);
  guint n_servers = g_list_model_get_n_items (servers);
  g_autoptr(GHashTable) placed = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (lbs); i++)
    {
      g_autoptr(CwaLoadBalancer) lb = g_list_model_get_item (lbs, i);
      CwaTopologyGroup *group = group_new (lb);

      for (guint s = 0; s < n_servers; s++)
        {
          g_autoptr(CwaServer) server = g_list_model_get_item (servers, s);

          if (!g_hash_table_contains (placed, server) &&
              cwa_load_balancer_has_member (lb, cwa_server_get_host (server)))
            {
              g_hash_table_add (placed, server);
              g_ptr_array_add (group->servers, g_steal_pointer (&server));
            }
        }
      g_ptr_array_add (groups, group);
    }

  for (guint s = 0; s < n_servers; s++)
    {
      g_autoptr(CwaServer) server = g_list_model_get_item (servers, s);
      CwaTopologyGroup *group;

      if (g_hash_table_contains (placed, server))
        continue;
      group = group_new (NULL);
      g_ptr_array_add (group->servers, g_steal_pointer (&server));
      g_ptr_array_add (groups, group);
    }
}

GPtrArray *
cwa_topology_dup_groups (CwaDeployment *deployment,
                         guint          max_columns)
{
  GPtrArray *groups;
  guint row = 0;
  guint column = 0;

  g_return_val_if_fail (CWA_IS_DEPLOYMENT (deployment), NULL);
  g_return_val_if_fail (max_columns > 0, NULL);

  groups = g_ptr_array_new_with_free_func ((GDestroyNotify) cwa_topology_group_free);
  collect_groups (deployment, groups);
  for (guint i = 0; i < groups->len; i++)
    {
      CwaTopologyGroup *group = g_ptr_array_index (groups, i);
      guint width = cwa_topology_group_get_width (group);

      if (column > 0 && column + width > max_columns)
        {
          row++;
          column = 0;
        }
      group->row = row;
      group->column = column;
      column += width;
    }
  return groups;
}

GPtrArray *
cwa_topology_dup_rule_ends (CwaDeployment     *deployment,
                            CwaPublishingRule *rule)
{
  const gchar *host;
  CwaLoadBalancer *lb;
  GPtrArray *ends;

  g_return_val_if_fail (CWA_IS_DEPLOYMENT (deployment), NULL);
  g_return_val_if_fail (CWA_IS_PUBLISHING_RULE (rule), NULL);

  host = cwa_publishing_rule_get_virtual_server_host (rule);
  if (host == NULL || *host == '\0')
    return g_ptr_array_new_with_free_func (g_object_unref);
  lb = cwa_deployment_find_load_balancer (deployment, host);
  if (lb == NULL)
    return cwa_topology_dup_virtual_servers (deployment, host);
  ends = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (ends, g_object_ref (lb));
  return ends;
}

static gboolean
requirement_is_for (CwaRequirement *entry,
                    gpointer        subject)
{
  CwaRole role = cwa_requirement_get_role (entry);

  if (CWA_IS_VIRTUAL_SERVER (subject))
    {
      GPtrArray *members = cwa_requirement_get_servers (entry);
      CwaServer *server = cwa_virtual_server_get_server (subject);

      if (cwa_requirement_get_virtual_server (entry) == subject)
        return TRUE;
      /* Later members of an array share its one SSL entry. */
      return role == CWA_ROLE_SSL && cwa_requirement_get_load_balancer (entry) != NULL && server != NULL &&
             members != NULL && g_ptr_array_find (members, server, NULL) &&
             g_strcmp0 (cwa_load_balancer_get_host (cwa_requirement_get_load_balancer (entry)),
                        cwa_virtual_server_get_host (subject)) == 0;
    }
  if (CWA_IS_LOAD_BALANCER (subject))
    return role == CWA_ROLE_LOAD_BALANCER && cwa_requirement_get_load_balancer (entry) == subject;
  if (CWA_IS_PUBLISHING_RULE (subject))
    return role == CWA_ROLE_REVERSE_PROXY && cwa_requirement_get_publishing_rule (entry) == subject;
  return FALSE;
}

CwaRequirement *
cwa_topology_find_requirement (GListModel *requirements,
                               gpointer    subject)
{
  CwaRequirement *shared = NULL;

  g_return_val_if_fail (G_IS_LIST_MODEL (requirements), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (requirements); i++)
    {
      g_autoptr(CwaRequirement) entry = g_list_model_get_item (requirements, i);
      CwaRole role = cwa_requirement_get_role (entry);

      if (CWA_IS_SERVER (subject) && cwa_requirement_get_server (entry) == subject)
        {
          if (role == CWA_ROLE_MTLS)
            return entry;
          /* A shared certificate is the computer's MTLS certificate too. */
          if (role == CWA_ROLE_SHARED && shared == NULL)
            shared = entry;
        }
      else if (requirement_is_for (entry, subject))
        return entry;
    }
  return shared;
}

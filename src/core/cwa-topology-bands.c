/* cwa-topology-bands.c: the order in which the topology view and picture draw a deployment: edge, load balancers, computers. */
#include "config.h"

#include "cwa-topology-bands.h"
#include "cwa-topology.h"

static void
span_free (CwaTopologySpan *span)
{
  g_clear_object (&span->load_balancer);
  g_free (span);
}

void
cwa_topology_group_free (CwaTopologyGroup *group)
{
  if (group == NULL)
    return;
  g_clear_pointer (&group->spans, g_ptr_array_unref);
  g_clear_pointer (&group->servers, g_ptr_array_unref);
  g_free (group);
}

guint
cwa_topology_group_get_width (const CwaTopologyGroup *group)
{
  g_return_val_if_fail (group != NULL, 1);

  return MAX (group->servers->len, 1);
}

gboolean
cwa_topology_group_is_covered (const CwaTopologyGroup *group,
                               const CwaTopologySpan  *span,
                               guint                   index)
{
  g_return_val_if_fail (group != NULL && span != NULL, FALSE);

  for (guint i = 0; i < group->spans->len; i++)
    {
      const CwaTopologySpan *other = g_ptr_array_index (group->spans, i);

      if (other->tier > span->tier && index >= other->first && index < other->first + other->n)
        return TRUE;
    }
  return FALSE;
}

double
cwa_topology_group_stack (CwaTopologyGroup *group,
                          double          (*height_of) (CwaLoadBalancer *load_balancer,
                                                        guint            columns,
                                                        gpointer         data),
                          gpointer          data,
                          double            tier_gap)
{
  g_autoptr(GArray) heights = g_array_new (FALSE, TRUE, sizeof (double));
  double band = 0;

  g_return_val_if_fail (group != NULL && height_of != NULL, 0);

  for (guint i = 0; i < group->spans->len; i++)
    {
      CwaTopologySpan *span = g_ptr_array_index (group->spans, i);
      double height = height_of (span->load_balancer, MAX (span->n, 1), data);

      if (span->tier >= heights->len)
        g_array_set_size (heights, span->tier + 1);
      g_array_index (heights, double, span->tier) = MAX (g_array_index (heights, double, span->tier), height);
    }
  for (guint i = 0; i < group->spans->len; i++)
    {
      CwaTopologySpan *span = g_ptr_array_index (group->spans, i);

      span->offset = 0;
      for (guint t = 0; t < span->tier; t++)
        span->offset += g_array_index (heights, double, t) + tier_gap;
    }
  for (guint t = 0; t < heights->len; t++)
    band += g_array_index (heights, double, t) + (t > 0 ? tier_gap : 0);
  return band;
}

static CwaTopologyGroup *
group_new (void)
{
  CwaTopologyGroup *group = g_new0 (CwaTopologyGroup, 1);

  group->spans = g_ptr_array_new_with_free_func ((GDestroyNotify) span_free);
  group->servers = g_ptr_array_new_with_free_func (g_object_unref);
  return group;
}

/* Whether a span in @span's tier shares a column with it. */
static gboolean
tier_taken (CwaTopologyGroup      *group,
            const CwaTopologySpan *span)
{
  for (guint i = 0; i < group->spans->len; i++)
    {
      const CwaTopologySpan *other = g_ptr_array_index (group->spans, i);

      if (other->tier == span->tier && span->first < other->first + MAX (other->n, 1) &&
          other->first < span->first + MAX (span->n, 1))
        return TRUE;
    }
  return FALSE;
}

/* Adds a span for @lb over @n computers from @first, in the highest tier
 * where it meets no other. */
static void
add_span (CwaTopologyGroup *group,
          CwaLoadBalancer  *lb,
          guint             first,
          guint             n)
{
  CwaTopologySpan *span = g_new0 (CwaTopologySpan, 1);

  span->load_balancer = g_object_ref (lb);
  span->first = first;
  span->n = n;
  while (tier_taken (group, span))
    span->tier++;
  g_ptr_array_add (group->spans, span);
}

/* Whether a load balancer after @from (plan order) lists @server. */
static gboolean
in_later (GListModel *lbs,
          guint       from,
          CwaServer  *server)
{
  for (guint i = from + 1; i < g_list_model_get_n_items (lbs); i++)
    {
      g_autoptr(CwaLoadBalancer) lb = g_list_model_get_item (lbs, i);

      if (cwa_load_balancer_has_member (lb, cwa_server_get_host (server)))
        return TRUE;
    }
  return FALSE;
}

/* Appends @members to @group, those a later load balancer shares last, so
 * that they end the group where that one will stack. */
static void
append_members (CwaTopologyGroup *group,
                GPtrArray        *members,
                GListModel       *lbs,
                guint             index,
                GHashTable       *placed)
{
  for (guint pass = 0; pass < 2; pass++)
    for (guint m = 0; m < members->len; m++)
      {
        CwaServer *server = g_ptr_array_index (members, m);

        if (in_later (lbs, index, server) != (pass == 1))
          continue;
        g_hash_table_insert (placed, server, group);
        g_ptr_array_add (group->servers, g_object_ref (server));
      }
}

/* The range of @group's computers among @drawn (a span's members already
 * placed), when they are all in it side by side; FALSE else. */
static gboolean
drawn_range (CwaTopologyGroup *group,
             GPtrArray        *drawn,
             guint            *first,
             guint            *last)
{
  *first = G_MAXUINT;
  *last = 0;
  for (guint m = 0; m < drawn->len; m++)
    {
      guint index;

      if (!g_ptr_array_find (group->servers, g_ptr_array_index (drawn, m), &index))
        return FALSE;
      *first = MIN (*first, index);
      *last = MAX (*last, index);
    }
  return *last - *first + 1 == drawn->len;
}
/* Load balancer @index of @lbs: over its members in the plan, stacked on
 * the group that already holds those drawn before when it can be, else in
 * a group of its own over the rest. */
static void
place_load_balancer (GPtrArray  *groups,
                     GListModel *lbs,
                     guint       index,
                     GListModel *servers,
                     GHashTable *placed)
{
  g_autoptr(CwaLoadBalancer) lb = g_list_model_get_item (lbs, index);
  g_autoptr(GPtrArray) drawn = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) fresh = g_ptr_array_new_with_free_func (g_object_unref);
  CwaTopologyGroup *group;
  guint first;
  guint last;

  for (guint s = 0; s < g_list_model_get_n_items (servers); s++)
    {
      CwaServer *server = g_list_model_get_item (servers, s);

      if (!cwa_load_balancer_has_member (lb, cwa_server_get_host (server)))
        g_object_unref (server);
      else
        g_ptr_array_add (g_hash_table_contains (placed, server) ? drawn : fresh, server);
    }
  group = drawn->len > 0 ? g_hash_table_lookup (placed, g_ptr_array_index (drawn, 0)) : NULL;
  /* Stacked: the shared computers side by side, and any new ones can
   * follow them at the group's end. */
  if (group != NULL && drawn_range (group, drawn, &first, &last) &&
      (fresh->len == 0 || last + 1 == group->servers->len))
    {
      append_members (group, fresh, lbs, index, placed);
      add_span (group, lb, first, last - first + 1 + fresh->len);
      return;
    }
  group = group_new ();
  append_members (group, fresh, lbs, index, placed);
  add_span (group, lb, 0, fresh->len);
  g_ptr_array_add (groups, group);
}

/* Fills @groups from the model: load balancers first, then the rest. */
static void
collect_groups (CwaDeployment *deployment,
                GPtrArray     *groups)
{
  GListModel *servers = cwa_deployment_get_servers (deployment);
  GListModel *lbs = cwa_deployment_get_load_balancers (deployment);
  g_autoptr(GHashTable) placed = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (lbs); i++)
    place_load_balancer (groups, lbs, i, servers, placed);

  for (guint s = 0; s < g_list_model_get_n_items (servers); s++)
    {
      g_autoptr(CwaServer) server = g_list_model_get_item (servers, s);
      CwaTopologyGroup *group;

      if (g_hash_table_contains (placed, server))
        continue;
      group = group_new ();
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

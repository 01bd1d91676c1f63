/* deployment.c: rules about the deployment as a whole. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cwa-names.h"
#include "cwa-rule-context.h"
#include "cwa-rules-private.h"

/* Whether the virtual servers of @group (one URL host) form one
 * load-balanced array: each on a different computer, all of them members
 * of one load balancer whose FQDN is that host.  Sets *different_computers. */
static gboolean
group_is_array (CwaDeployment *deployment,
                GPtrArray     *group,
                gboolean      *different_computers)
{
  CwaVirtualServer *first = g_ptr_array_index (group, 0);
  CwaLoadBalancer *lb = cwa_deployment_find_load_balancer (deployment,
                                                           cwa_virtual_server_get_host (first));
  gboolean all_members = lb != NULL;

  *different_computers = TRUE;
  for (guint i = 0; i < group->len; i++)
    {
      CwaServer *server = cwa_virtual_server_get_server (g_ptr_array_index (group, i));

      for (guint j = 0; j < i; j++)
        {
          if (cwa_virtual_server_get_server (g_ptr_array_index (group, j)) == server)
            *different_computers = FALSE;
        }
      if (lb != NULL && (server == NULL || !cwa_load_balancer_has_member (lb, cwa_server_get_host (server))))
        all_members = FALSE;
    }

  return *different_computers && all_members;
}

/* "https://im.contoso.com on cwa01.contoso.com, https://im.contoso.com on cwa02.contoso.com" */
static gchar *
dup_group_places (GPtrArray *group)
{
  g_autoptr(GString) where = g_string_new (NULL);

  for (guint i = 0; i < group->len; i++)
    {
      CwaVirtualServer *vs = g_ptr_array_index (group, i);
      CwaServer *server = cwa_virtual_server_get_server (vs);
      g_autofree gchar *server_name = server != NULL ? cwa_rule_dup_server_name (server) : g_strdup ("?");

      if (where->len > 0)
        g_string_append (where, ", ");
      g_string_append_printf (where, R_ ("%s on %s"), cwa_virtual_server_get_url (vs), server_name);
    }

  return g_string_free (g_steal_pointer (&where), FALSE);
}

/* The virtual servers grouped by URL host, groups in order of first
 * appearance (element type GPtrArray of borrowed CwaVirtualServer). */
static GPtrArray *
group_by_host (GPtrArray *all)
{
  g_autoptr(GHashTable) by_host = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *groups = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; i < all->len; i++)
    {
      CwaVirtualServer *vs = g_ptr_array_index (all, i);
      const gchar *host = cwa_virtual_server_get_host (vs);
      GPtrArray *group = g_hash_table_lookup (by_host, host);

      if (group == NULL)
        {
          group = g_ptr_array_new ();
          g_ptr_array_add (groups, group);
          g_hash_table_insert (by_host, (gpointer) host, group);
        }
      g_ptr_array_add (group, vs);
    }

  return groups;
}

static void
check_unique_urls (const CwaRule  *rule,
                   CwaRuleContext *context,
                   gpointer        subject,
                   GPtrArray      *findings)
{
  CwaDeployment *deployment = cwa_plan_get_deployment (subject);
  CwaVirtualServerIter iter;
  CwaVirtualServer *vs;
  /* Borrowed: the deployment holds them for the whole run. */
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GString) duplicates = g_string_new (NULL);
  guint n_arrays = 0;

  cwa_virtual_server_iter_init (&iter, deployment);
  while (cwa_virtual_server_iter_next (&iter, NULL, &vs))
    g_ptr_array_add (all, vs);

  groups = group_by_host (all);
  for (guint i = 0; i < groups->len; i++)
    {
      GPtrArray *group = g_ptr_array_index (groups, i);
      g_autofree gchar *name = NULL;
      g_autofree gchar *where = NULL;
      gboolean different_computers;

      if (group->len < 2)
        continue;
      if (group_is_array (deployment, group, &different_computers))
        {
          n_arrays++;
          continue;
        }

      name = cwa_rule_dup_vs_name (g_ptr_array_index (group, 0));
      where = dup_group_places (group);
      if (duplicates->len > 0)
        g_string_append (duplicates, "; ");
      g_string_append_printf (duplicates, R_ ("%s is used by %u virtual servers (%s)"),
                              name, group->len, where);
      if (different_computers)
        g_string_append_printf (duplicates,
                                R_ (", which a load balancer with the FQDN %s listing those "
                                    "computers as members would make one array"),
                                cwa_virtual_server_get_host (g_ptr_array_index (group, 0)));
    }

  if (duplicates->len > 0)
    cwa_rule_add_finding (findings, rule, CWA_STATUS_FAIL, NULL, NULL, NULL, NULL, NULL,
                          R_ ("Each virtual server needs a URL host of its own, but %s."),
                          duplicates->str);
  else
    cwa_rule_add_finding (findings, rule, CWA_STATUS_PASS, NULL, NULL, NULL, NULL, NULL,
                          n_arrays == 0
                          ? RN_ ("Every virtual server of the deployment has a URL host of its "
                                 "own (%u virtual server).",
                                 "Every virtual server of the deployment has a URL host of its "
                                 "own (%u virtual servers).", all->len)
                          : RN_ ("Every virtual server of the deployment has a URL host of its "
                                 "own, the members of load-balanced arrays aside (%u virtual "
                                 "server).",
                                 "Every virtual server of the deployment has a URL host of its "
                                 "own, the members of load-balanced arrays aside (%u virtual "
                                 "servers).", all->len),
                          all->len);
}

const CwaRule cwa_rule_deployment_unique_urls = {
  "deployment.unique-urls", CWA_LEVEL_ERROR, CWA_SCOPE_DEPLOYMENT, "CWA-VS",
  N_ ("No two virtual servers in the deployment use the same URL host, except the members of one load-balanced array."),
  check_unique_urls,
};

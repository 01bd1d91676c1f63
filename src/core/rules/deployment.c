/* deployment.c: rules about the deployment as a whole. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cwa-names.h"
#include "cwa-rules-private.h"

static void
check_unique_urls (const CwaRule  *rule,
                   CwaRuleContext *context,
                   gpointer        subject,
                   GPtrArray      *findings)
{
  CwaPlan *plan = subject;
  GListModel *servers = cwa_deployment_get_servers (cwa_plan_get_deployment (plan));
  guint n_servers = g_list_model_get_n_items (servers);
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GString) duplicates = g_string_new (NULL);
  guint n_duplicates = 0;

  for (guint i = 0; i < n_servers; i++)
    {
      g_autoptr(CwaServer) server = g_list_model_get_item (servers, i);
      GListModel *list = cwa_server_get_virtual_servers (server);
      guint n = g_list_model_get_n_items (list);

      for (guint j = 0; j < n; j++)
        g_ptr_array_add (all, g_list_model_get_item (list, j));
    }

  for (guint i = 0; i < all->len; i++)
    {
      CwaVirtualServer *vs = g_ptr_array_index (all, i);
      const gchar *host = cwa_virtual_server_get_host (vs);
      g_autoptr(GString) where = g_string_new (NULL);
      g_autofree gchar *name = NULL;
      gboolean earlier = FALSE;
      guint count = 0;

      for (guint j = 0; j < i && !earlier; j++)
        earlier = cwa_name_equal (cwa_virtual_server_get_host (g_ptr_array_index (all, j)), host);
      if (earlier)
        continue;

      for (guint j = i; j < all->len; j++)
        {
          CwaVirtualServer *other = g_ptr_array_index (all, j);
          CwaServer *server = cwa_virtual_server_get_server (other);
          g_autofree gchar *server_name = NULL;

          if (!cwa_name_equal (cwa_virtual_server_get_host (other), host))
            continue;

          server_name = server != NULL ? cwa_rule_dup_server_name (server) : g_strdup ("?");
          if (where->len > 0)
            g_string_append (where, ", ");
          g_string_append_printf (where, "%s on %s", cwa_virtual_server_get_url (other), server_name);
          count++;
        }

      if (count < 2)
        continue;

      name = cwa_rule_dup_vs_name (vs);
      if (duplicates->len > 0)
        g_string_append (duplicates, "; ");
      g_string_append_printf (duplicates, "%s is used by %u virtual servers (%s)",
                              name, count, where->str);
      n_duplicates++;
    }

  if (n_duplicates > 0)
    cwa_rule_add_finding (findings, rule, CWA_STATUS_FAIL, NULL, NULL, NULL, NULL, NULL,
                          "Each virtual server needs a URL host of its own, but %s.",
                          duplicates->str);
  else
    cwa_rule_add_finding (findings, rule, CWA_STATUS_PASS, NULL, NULL, NULL, NULL, NULL,
                          "Every virtual server of the deployment has a URL host of its own "
                          "(%u virtual %s).",
                          all->len, all->len == 1 ? "server" : "servers");
}

const CwaRule cwa_rule_deployment_unique_urls = {
  "deployment.unique-urls", CWA_LEVEL_ERROR, CWA_SCOPE_DEPLOYMENT, "CWA-VS",
  N_ ("No two virtual servers in the deployment use the same URL host."),
  check_unique_urls,
};

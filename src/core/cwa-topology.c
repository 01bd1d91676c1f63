/* cwa-topology.c: which virtual servers form an array, what a publishing rule reaches, what its proxy is shown. */
#include "config.h"

#include <string.h>

#include "cwa-names.h"
#include "cwa-topology.h"

CwaLoadBalancer *
cwa_topology_array_of (CwaDeployment    *deployment,
                       CwaVirtualServer *vs)
{
  GListModel *lbs;
  CwaServer *server;
  guint n;

  g_return_val_if_fail (CWA_IS_DEPLOYMENT (deployment), NULL);
  g_return_val_if_fail (CWA_IS_VIRTUAL_SERVER (vs), NULL);

  server = cwa_virtual_server_get_server (vs);
  if (server == NULL)
    return NULL;

  lbs = cwa_deployment_get_load_balancers (deployment);
  n = g_list_model_get_n_items (lbs);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CwaLoadBalancer) lb = g_list_model_get_item (lbs, i);

      if (g_strcmp0 (cwa_load_balancer_get_host (lb), cwa_virtual_server_get_host (vs)) == 0 &&
          cwa_load_balancer_has_member (lb, cwa_server_get_host (server)))
        return lb;
    }

  return NULL;
}

GPtrArray *
cwa_topology_dup_virtual_servers (CwaDeployment *deployment,
                                  const gchar   *host)
{
  CwaVirtualServerIter iter;
  CwaVirtualServer *vs;
  GPtrArray *result;

  g_return_val_if_fail (CWA_IS_DEPLOYMENT (deployment), NULL);
  g_return_val_if_fail (host != NULL, NULL);

  result = g_ptr_array_new_with_free_func (g_object_unref);
  cwa_virtual_server_iter_init (&iter, deployment);
  while (cwa_virtual_server_iter_next (&iter, NULL, &vs))
    if (g_strcmp0 (cwa_virtual_server_get_host (vs), host) == 0)
      g_ptr_array_add (result, g_object_ref (vs));

  return result;
}

GPtrArray *
cwa_topology_dup_array (CwaDeployment   *deployment,
                        CwaLoadBalancer *lb)
{
  GPtrArray *result;

  g_return_val_if_fail (CWA_IS_DEPLOYMENT (deployment), NULL);
  g_return_val_if_fail (CWA_IS_LOAD_BALANCER (lb), NULL);

  result = cwa_topology_dup_virtual_servers (deployment, cwa_load_balancer_get_host (lb));
  for (guint i = result->len; i > 0; i--)
    {
      CwaServer *server = cwa_virtual_server_get_server (g_ptr_array_index (result, i - 1));

      if (server == NULL || !cwa_load_balancer_has_member (lb, cwa_server_get_host (server)))
        g_ptr_array_remove_index (result, i - 1);
    }

  return result;
}

CwaPublishingRule *
cwa_topology_find_publisher (CwaDeployment *deployment,
                             const gchar   *host)
{
  g_autoptr(GPtrArray) rules = NULL;

  g_return_val_if_fail (CWA_IS_DEPLOYMENT (deployment), NULL);
  g_return_val_if_fail (host != NULL, NULL);

  rules = cwa_deployment_dup_publishing_rules (deployment);
  for (guint i = 0; i < rules->len; i++)
    {
      CwaPublishingRule *rule = g_ptr_array_index (rules, i);

      /* Borrowed: the proxy holds it. */
      if (g_strcmp0 (cwa_publishing_rule_get_virtual_server_host (rule), host) == 0)
        return rule;
    }

  return NULL;
}

/* An address compared as addresses ("2001:DB8::5" is "2001:db8::0:5"),
 * a name as a name. */
static gboolean
same_endpoint (const gchar *a,
               const gchar *b)
{
  g_autoptr(GInetAddress) address_a = NULL;
  g_autoptr(GInetAddress) address_b = NULL;
  g_autofree gchar *host_a = NULL;
  g_autofree gchar *host_b = NULL;

  if (a == NULL || b == NULL)
    return FALSE;

  address_a = g_inet_address_new_from_string (a);
  address_b = g_inet_address_new_from_string (b);
  if (address_a != NULL || address_b != NULL)
    return address_a != NULL && address_b != NULL && g_inet_address_equal (address_a, address_b);

  host_a = cwa_name_normalize_lenient (a);
  host_b = cwa_name_normalize_lenient (b);
  return strcmp (host_a, host_b) == 0;
}

gboolean
cwa_topology_rule_targets (CwaPublishingRule *rule,
                           CwaLoadBalancer   *lb)
{
  const gchar *internal_host;
  const gchar *internal_address;
  const gchar *host;
  const gchar *vip;

  g_return_val_if_fail (CWA_IS_PUBLISHING_RULE (rule), FALSE);
  g_return_val_if_fail (CWA_IS_LOAD_BALANCER (lb), FALSE);

  if (!cwa_load_balancer_get_ssl_offload (lb))
    return FALSE;

  internal_host = cwa_publishing_rule_get_effective_internal_host (rule);
  internal_address = cwa_publishing_rule_get_internal_address (rule);
  host = cwa_load_balancer_get_host (lb);
  vip = cwa_load_balancer_get_vip (lb);

  return same_endpoint (internal_host, host) || same_endpoint (internal_host, vip) ||
         same_endpoint (internal_address, host) || same_endpoint (internal_address, vip);
}

CwaLoadBalancer *
cwa_topology_rule_target (CwaDeployment     *deployment,
                          CwaPublishingRule *rule)
{
  GListModel *lbs;
  guint n;

  g_return_val_if_fail (CWA_IS_DEPLOYMENT (deployment), NULL);
  g_return_val_if_fail (CWA_IS_PUBLISHING_RULE (rule), NULL);

  lbs = cwa_deployment_get_load_balancers (deployment);
  n = g_list_model_get_n_items (lbs);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CwaLoadBalancer) lb = g_list_model_get_item (lbs, i);

      if (cwa_topology_rule_targets (rule, lb))
        return lb;
    }

  return NULL;
}

static void
add_certificate_once (GPtrArray      *certificates,
                      CwaCertificate *certificate)
{
  if (certificate == NULL)
    return;

  for (guint i = 0; i < certificates->len; i++)
    {
      if (cwa_certificate_equal (g_ptr_array_index (certificates, i), certificate))
        return;
    }

  g_ptr_array_add (certificates, g_object_ref (certificate));
}

GPtrArray *
cwa_topology_shown_certificates_from (CwaLoadBalancer *target,
                                      GPtrArray       *published)
{
  GPtrArray *certificates;

  g_return_val_if_fail (target == NULL || CWA_IS_LOAD_BALANCER (target), NULL);

  certificates = g_ptr_array_new_with_free_func (g_object_unref);
  if (target != NULL)
    {
      add_certificate_once (certificates, cwa_load_balancer_get_ssl_certificate (target));
      return certificates;
    }

  for (guint i = 0; published != NULL && i < published->len; i++)
    add_certificate_once (certificates,
                          cwa_virtual_server_get_ssl_certificate (g_ptr_array_index (published, i)));

  return certificates;
}

GPtrArray *
cwa_topology_dup_shown_certificates (CwaDeployment      *deployment,
                                     CwaPublishingRule  *rule,
                                     CwaLoadBalancer   **target)
{
  g_autoptr(GPtrArray) published = NULL;
  CwaLoadBalancer *lb;

  g_return_val_if_fail (CWA_IS_DEPLOYMENT (deployment), NULL);
  g_return_val_if_fail (CWA_IS_PUBLISHING_RULE (rule), NULL);

  lb = cwa_topology_rule_target (deployment, rule);
  if (target != NULL)
    *target = lb;
  if (lb == NULL)
    published = cwa_topology_dup_virtual_servers (deployment,
                                                  cwa_publishing_rule_get_virtual_server_host (rule));

  return cwa_topology_shown_certificates_from (lb, published);
}

static gchar *
dup_prefixed (const gchar *prefix,
              const gchar *host)
{
  return cwa_url_dup_derived_host (NULL, host, prefix);
}

void
cwa_topology_array_names (CwaDeployment   *deployment,
                          CwaLoadBalancer *lb,
                          CwaArrayNames   *names)
{
  g_autoptr(GPtrArray) array = NULL;

  g_return_if_fail (CWA_IS_DEPLOYMENT (deployment));
  g_return_if_fail (CWA_IS_LOAD_BALANCER (lb));
  g_return_if_fail (names != NULL);

  array = cwa_topology_dup_array (deployment, lb);
  cwa_topology_array_names_from (lb, array, names);
}

void
cwa_topology_array_names_from (CwaLoadBalancer *lb,
                               GPtrArray       *array,
                               CwaArrayNames   *names)
{
  g_return_if_fail (CWA_IS_LOAD_BALANCER (lb));
  g_return_if_fail (array != NULL);
  g_return_if_fail (names != NULL);

  names->host = g_strdup (cwa_load_balancer_get_host (lb));
  if (array->len > 0)
    {
      CwaVirtualServer *first = g_ptr_array_index (array, 0);

      names->as_host = cwa_virtual_server_dup_as_host (first);
      names->download_host = cwa_virtual_server_dup_download_host (first);
    }
  else
    {
      names->as_host = dup_prefixed ("as", names->host);
      names->download_host = dup_prefixed ("download", names->host);
    }
}

void
cwa_array_names_clear (CwaArrayNames *names)
{
  g_clear_pointer (&names->host, g_free);
  g_clear_pointer (&names->as_host, g_free);
  g_clear_pointer (&names->download_host, g_free);
}

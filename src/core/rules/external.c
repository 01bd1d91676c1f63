/* external.c: rules about virtual servers that users reach from outside. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cwa-rule-context.h"
#include "cwa-rules-private.h"
#include "cwa-topology.h"

/* The certificate external browsers are shown for @vs: an SSL-offloading
 * load balancer's when one fronts it (then @lb is set), else its own.  No
 * certificate at all when a reverse proxy publishes it (browsers see the
 * listener's: rp.listener-public-ca). */
static CwaCertificate *
shown_to_browsers (CwaDeploymentIndex *index,
                   CwaVirtualServer   *vs,
                   CwaLoadBalancer   **lb)
{
  *lb = cwa_deployment_index_array_of (index, vs);
  if (*lb != NULL && !cwa_load_balancer_get_ssl_offload (*lb))
    *lb = NULL;

  if (cwa_deployment_index_find_publisher (index, cwa_virtual_server_get_host (vs)) != NULL)
    return NULL;
  if (*lb != NULL)
    return cwa_load_balancer_get_ssl_certificate (*lb);

  return cwa_virtual_server_get_ssl_certificate (vs);
}

static void
check_public_ca (const CwaRule  *rule,
                 CwaRuleContext *context,
                 gpointer        subject,
                 GPtrArray      *findings)
{
  CwaVirtualServer *vs = subject;
  CwaLoadBalancer *lb = NULL;
  CwaCertificate *shown;
  g_autofree gchar *name = NULL;
  g_autofree gchar *whose = NULL;

  if (cwa_virtual_server_get_audience (vs) != CWA_AUDIENCE_EXTERNAL ||
      !cwa_virtual_server_is_https (vs))
    return;

  shown = shown_to_browsers (cwa_rule_context_get_index (context), vs, &lb);
  if (shown == NULL)
    return;

  name = cwa_rule_dup_vs_name (vs);
  if (lb != NULL)
    {
      g_autofree gchar *lb_name = cwa_rule_dup_display_host (cwa_load_balancer_get_fqdn (lb));

      whose = g_strdup_printf (R_ ("The SSL certificate of the load balancer %s, which external "
                                   "browsers are shown for the external virtual server %s,"),
                               lb_name, name);
    }
  else
    whose = g_strdup_printf (R_ ("The SSL certificate of the external virtual server %s"), name);

  cwa_rule_add_public_ca_finding (findings, rule, context, cwa_virtual_server_get_server (vs),
                                  vs, shown, whose);
}

const CwaRule cwa_rule_external_public_ca = {
  "external.public-ca", CWA_LEVEL_WARNING, CWA_SCOPE_VIRTUAL_SERVER, "CWA-CERTS",
  N_ ("The certificate external browsers are shown for an external virtual server (its SSL certificate, or an SSL-offloading load balancer's) chains to a publicly trusted root. Otherwise users on public or borrowed computers see \"blocked content\": they may log on but cannot send instant messages or share desktops."),
  check_public_ca,
};

static void
check_https_required (const CwaRule  *rule,
                      CwaRuleContext *context,
                      gpointer        subject,
                      GPtrArray      *findings)
{
  CwaVirtualServer *vs = subject;
  g_autofree gchar *name = NULL;

  if (cwa_virtual_server_get_audience (vs) != CWA_AUDIENCE_EXTERNAL)
    return;

  name = cwa_rule_dup_vs_name (vs);
  if (cwa_virtual_server_is_https (vs))
    cwa_rule_add_finding (findings, rule, CWA_STATUS_PASS,
                          cwa_virtual_server_get_server (vs), vs, NULL, NULL, NULL,
                          R_ ("The external virtual server %s uses https."), name);
  else
    cwa_rule_add_finding (findings, rule, CWA_STATUS_FAIL,
                          cwa_virtual_server_get_server (vs), vs, NULL, NULL, NULL,
                          R_ ("The external virtual server %s uses http; external access "
                              "requires https (%s is not supported)."),
                          name, cwa_virtual_server_get_url (vs));
}

const CwaRule cwa_rule_external_https_required = {
  "external.https-required", CWA_LEVEL_ERROR, CWA_SCOPE_VIRTUAL_SERVER, "CWA-VS",
  N_ ("An external virtual server uses `https`; HTTP is not supported for external access."),
  check_https_required,
};

static void
check_published_by_reverse_proxy (const CwaRule  *rule,
                                  CwaRuleContext *context,
                                  gpointer        subject,
                                  GPtrArray      *findings)
{
  CwaVirtualServer *vs = subject;
  CwaPublishingRule *publisher;
  g_autofree gchar *name = NULL;

  if (cwa_virtual_server_get_audience (vs) != CWA_AUDIENCE_EXTERNAL)
    return;

  name = cwa_rule_dup_vs_name (vs);
  publisher = cwa_deployment_index_find_publisher (cwa_rule_context_get_index (context),
                                                   cwa_virtual_server_get_host (vs));
  if (publisher != NULL)
    {
      CwaReverseProxy *proxy = cwa_publishing_rule_get_reverse_proxy (publisher);
      g_autofree gchar *proxy_name = cwa_rule_dup_display_host (cwa_reverse_proxy_get_fqdn (proxy));

      cwa_rule_add_finding (findings, rule, CWA_STATUS_PASS,
                            cwa_virtual_server_get_server (vs), vs, NULL, NULL, NULL,
                            R_ ("The external virtual server %s is published through the reverse "
                                "proxy %s as %s."),
                            name, proxy_name, cwa_publishing_rule_get_published_url (publisher));
    }
  else
    cwa_rule_add_finding (findings, rule, CWA_STATUS_FAIL,
                          cwa_virtual_server_get_server (vs), vs, NULL, NULL, NULL,
                          R_ ("The external virtual server %s is not published through a reverse "
                              "proxy; publishing it through a reverse proxy in the perimeter "
                              "network (such as ISA Server 2006) is strongly recommended over "
                              "direct access."),
                          name);
}

const CwaRule cwa_rule_external_published_by_reverse_proxy = {
  "external.published-by-reverse-proxy", CWA_LEVEL_INFO, CWA_SCOPE_VIRTUAL_SERVER, "CWA-RP",
  N_ ("An external virtual server is published through a reverse proxy (strongly recommended over direct access)."),
  check_published_by_reverse_proxy,
};

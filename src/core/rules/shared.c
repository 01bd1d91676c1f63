/* shared.c: rules about one certificate serving as both MTLS and SSL certificate. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cwa-rule-context.h"
#include "cwa-rules-private.h"

static void
check_san_has_server_fqdn (const CwaRule  *rule,
                           CwaRuleContext *context,
                           gpointer        subject,
                           GPtrArray      *findings)
{
  CwaVirtualServer *vs = subject;
  CwaServer *server = cwa_virtual_server_get_server (vs);
  CwaCertificate *ssl = cwa_virtual_server_get_ssl_certificate (vs);
  g_autofree gchar *name = NULL;
  g_autofree gchar *whose = NULL;

  if (!cwa_virtual_server_is_https (vs) || ssl == NULL || !cwa_rule_vs_is_shared (vs))
    return;

  name = cwa_rule_dup_vs_name (vs);
  whose = g_strdup_printf (R_ ("The shared MTLS and SSL certificate of %s"), name);
  cwa_rule_add_san_finding (findings, rule, server, vs, ssl,
                            cwa_server_get_host (server), whose);
}

const CwaRule cwa_rule_shared_san_has_server_fqdn = {
  "shared.san-has-server-fqdn", CWA_LEVEL_ERROR, CWA_SCOPE_VIRTUAL_SERVER, "CWA-CERTS",
  N_ ("A shared MTLS+SSL certificate also lists the server FQDN (`cwaserver.contoso.com`) in its SAN."),
  check_san_has_server_fqdn,
};

static void
check_single_server_only (const CwaRule  *rule,
                          CwaRuleContext *context,
                          gpointer        subject,
                          GPtrArray      *findings)
{
  CwaPlan *plan = subject;
  GListModel *servers = cwa_deployment_get_servers (cwa_plan_get_deployment (plan));
  guint n_servers = g_list_model_get_n_items (servers);
  g_autoptr(GString) shared = g_string_new (NULL);
  guint n_shared = 0;

  for (guint i = 0; i < n_servers; i++)
    {
      g_autoptr(CwaServer) server = g_list_model_get_item (servers, i);
      CwaCertificate *mtls = cwa_server_get_mtls_certificate (server);
      g_autofree gchar *server_name = NULL;

      /* One entry per server: a certificate is shared on a computer once,
       * however many of its virtual servers use it. */
      if (mtls == NULL || !cwa_rule_server_mtls_is_ssl (server))
        continue;

      server_name = cwa_rule_dup_server_name (server);
      if (shared->len > 0)
        g_string_append (shared, ", ");
      g_string_append_printf (shared, R_ ("%s on %s"), cwa_rule_certificate_name (mtls), server_name);
      n_shared++;
    }

  if (n_shared == 0)
    return;

  if (n_servers <= 1)
    cwa_rule_add_finding (findings, rule, CWA_STATUS_PASS, NULL, NULL, NULL, NULL, NULL,
                          R_ ("One certificate serves as both MTLS and SSL certificate (%s) "
                              "in a deployment with one CWA server, as documented."),
                          shared->str);
  else
    cwa_rule_add_finding (findings, rule, CWA_STATUS_FAIL, NULL, NULL, NULL, NULL, NULL,
                          R_ ("One certificate serves as both MTLS and SSL certificate (%s) "
                              "in a deployment with %u CWA servers; that is documented for "
                              "one server only: use one certificate per server role."),
                          shared->str, n_servers);
}

const CwaRule cwa_rule_shared_single_server_only = {
  "shared.single-server-only", CWA_LEVEL_WARNING, CWA_SCOPE_DEPLOYMENT, "CWA-CERTS",
  N_ ("One certificate for both MTLS and SSL is documented for a deployment with just one CWA server; with several servers, use one certificate per server role."),
  check_single_server_only,
};

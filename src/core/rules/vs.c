/* vs.c: rules about one virtual server's SSL certificate assignment. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cwa-names.h"
#include "cwa-rule-context.h"
#include "cwa-rules-private.h"

static void
check_has_ssl_cert (const CwaRule  *rule,
                    CwaRuleContext *context,
                    gpointer        subject,
                    GPtrArray      *findings)
{
  CwaVirtualServer *vs = subject;
  CwaCertificate *ssl = cwa_virtual_server_get_ssl_certificate (vs);
  g_autofree gchar *name = NULL;

  if (!cwa_virtual_server_is_https (vs))
    return;

  name = cwa_rule_dup_vs_name (vs);
  if (ssl != NULL)
    cwa_rule_add_finding (findings, rule, CWA_STATUS_PASS,
                          cwa_virtual_server_get_server (vs), vs, ssl, NULL, NULL,
                          R_ ("The virtual server %s has the SSL certificate %s assigned."),
                          name, cwa_rule_certificate_name (ssl));
  else
    cwa_rule_add_finding (findings, rule, CWA_STATUS_FAIL,
                          cwa_virtual_server_get_server (vs), vs, NULL, NULL, NULL,
                          R_ ("The virtual server %s uses https but has no SSL certificate assigned."),
                          name);
}

const CwaRule cwa_rule_vs_has_ssl_cert = {
  "vs.has-ssl-cert", CWA_LEVEL_ERROR, CWA_SCOPE_VIRTUAL_SERVER, "CWA-CERTS",
  N_ ("The virtual server has an SSL certificate assigned (for an `https` URL)."),
  check_has_ssl_cert,
};

/* Only https virtual servers with a certificate take part, so that every
 * virtual server of a clashing pair gets its own failed finding. */
static void
check_one_cert_per_domain (const CwaRule  *rule,
                           CwaRuleContext *context,
                           gpointer        subject,
                           GPtrArray      *findings)
{
  CwaVirtualServer *vs = subject;
  CwaServer *server = cwa_virtual_server_get_server (vs);
  CwaCertificate *ssl = cwa_virtual_server_get_ssl_certificate (vs);
  g_autoptr(GString) others = g_string_new (NULL);
  g_autofree gchar *name = NULL;
  g_autofree gchar *server_name = NULL;
  GListModel *list;
  guint n;

  if (!cwa_virtual_server_is_https (vs) || ssl == NULL || server == NULL)
    return;

  list = cwa_server_get_virtual_servers (server);
  n = g_list_model_get_n_items (list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CwaVirtualServer) other = g_list_model_get_item (list, i);
      g_autofree gchar *other_name = NULL;

      if (other == vs || !cwa_virtual_server_is_https (other))
        continue;
      if (!cwa_rule_certificate_same (cwa_virtual_server_get_ssl_certificate (other), ssl))
        continue;
      if (cwa_name_equal (cwa_virtual_server_get_host (other), cwa_virtual_server_get_host (vs)))
        continue;

      other_name = cwa_rule_dup_vs_name (other);
      if (others->len > 0)
        g_string_append (others, ", ");
      g_string_append (others, other_name);
    }

  name = cwa_rule_dup_vs_name (vs);
  server_name = cwa_rule_dup_server_name (server);
  if (others->len > 0)
    cwa_rule_add_finding (findings, rule, CWA_STATUS_FAIL, server, vs, ssl, NULL, NULL,
                          R_ ("The SSL certificate %s of %s is also the SSL certificate of %s "
                              "on the server %s; each URL needs its own certificate."),
                          cwa_rule_certificate_name (ssl), name, others->str, server_name);
  else
    cwa_rule_add_finding (findings, rule, CWA_STATUS_PASS, server, vs, ssl, NULL, NULL,
                          R_ ("The SSL certificate %s of %s is not the SSL certificate of a "
                              "virtual server with another URL on the server %s."),
                          cwa_rule_certificate_name (ssl), name, server_name);
}

const CwaRule cwa_rule_vs_one_cert_per_domain = {
  "vs.one-cert-per-domain", CWA_LEVEL_ERROR, CWA_SCOPE_VIRTUAL_SERVER, "CWA-CERTS",
  N_ ("Virtual servers of different URLs on one computer (im.contoso.com, im.fabrikam.com) do not share an SSL certificate: each needs its own."),
  check_one_cert_per_domain,
};

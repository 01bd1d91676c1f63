/* external.c: rules about virtual servers that users reach from outside. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cwa-rules-private.h"

static void
check_public_ca (const CwaRule  *rule,
                 CwaRuleContext *context,
                 gpointer        subject,
                 GPtrArray      *findings)
{
  CwaVirtualServer *vs = subject;
  CwaCertificate *ssl = cwa_virtual_server_get_ssl_certificate (vs);
  const CwaChainResult *chain;
  g_autofree gchar *name = NULL;
  CwaCertificate *last = NULL;

  if (cwa_virtual_server_get_audience (vs) != CWA_AUDIENCE_EXTERNAL ||
      !cwa_virtual_server_is_https (vs) || ssl == NULL)
    return;

  name = cwa_rule_dup_vs_name (vs);
  chain = cwa_rule_context_get_chain (context, ssl);
  if (chain != NULL && chain->chain != NULL && chain->chain->len > 0)
    last = g_ptr_array_index (chain->chain, chain->chain->len - 1);

  if (chain != NULL && chain->public_root)
    cwa_rule_add_finding (findings, rule, CWA_STATUS_PASS,
                          cwa_virtual_server_get_server (vs), vs, ssl, NULL, NULL,
                          "The SSL certificate of the external virtual server %s chains to "
                          "the publicly trusted root %s.",
                          name, last != NULL ? cwa_certificate_get_subject (last) : "(unknown)");
  else
    cwa_rule_add_finding (findings, rule, CWA_STATUS_FAIL,
                          cwa_virtual_server_get_server (vs), vs, ssl, NULL, NULL,
                          "The SSL certificate of the external virtual server %s does not "
                          "chain to a publicly trusted root (%s%s); users on public or "
                          "borrowed computers will see blocked content: they may log on "
                          "but cannot send instant messages or share desktops. Use a "
                          "certificate from a public certification authority.",
                          name,
                          chain != NULL && chain->trusted ? "its root is trusted only in this plan: "
                                                          : "its chain ends at ",
                          last != NULL ? cwa_certificate_get_subject (last)
                                       : cwa_certificate_get_issuer (ssl));
}

const CwaRule cwa_rule_external_public_ca = {
  "external.public-ca", CWA_LEVEL_WARNING, CWA_SCOPE_VIRTUAL_SERVER, "CWA-CERTS",
  N_ ("An external virtual server's SSL certificate chains to a publicly trusted root. Otherwise users on public or borrowed computers see \"blocked content\": they may log on but cannot send instant messages or share desktops."),
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
                          "The external virtual server %s uses https.", name);
  else
    cwa_rule_add_finding (findings, rule, CWA_STATUS_FAIL,
                          cwa_virtual_server_get_server (vs), vs, NULL, NULL, NULL,
                          "The external virtual server %s uses http; external access "
                          "requires https (%s is not supported).",
                          name, cwa_virtual_server_get_url (vs));
}

const CwaRule cwa_rule_external_https_required = {
  "external.https-required", CWA_LEVEL_ERROR, CWA_SCOPE_VIRTUAL_SERVER, "CWA-VS",
  N_ ("An external virtual server uses `https`; HTTP is not supported for external access."),
  check_https_required,
};

/* mtls.c: rules about a separate MTLS certificate. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cwa-rule-context.h"
#include "cwa-rules-private.h"

static void
check_subject_is_server_fqdn (const CwaRule  *rule,
                              CwaRuleContext *context,
                              gpointer        subject,
                              GPtrArray      *findings)
{
  CwaServer *server = subject;
  CwaCertificate *mtls = cwa_server_get_mtls_certificate (server);
  g_autofree gchar *name = NULL;
  g_autofree gchar *whose = NULL;

  /* A shared certificate carries the URL as its subject, so only a
   * separate MTLS certificate must be named after the computer. */
  if (mtls == NULL || cwa_rule_server_mtls_is_ssl (server))
    return;

  name = cwa_rule_dup_server_name (server);
  whose = g_strdup_printf (R_ ("The MTLS certificate of %s"), name);
  cwa_rule_add_subject_finding (findings, rule, server, NULL, mtls,
                                cwa_server_get_host (server), whose);
}

const CwaRule cwa_rule_mtls_subject_is_server_fqdn = {
  "mtls.subject-is-server-fqdn", CWA_LEVEL_ERROR, CWA_SCOPE_SERVER, "CWA-CERTS",
  N_ ("A separate MTLS certificate has the server's FQDN as its subject name (no SAN required)."),
  check_subject_is_server_fqdn,
};

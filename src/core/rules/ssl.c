/* ssl.c: rules about the names in a virtual server's SSL certificate. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cwa-rule-context.h"
#include "cwa-rules-private.h"

/* The ssl.* rules apply to https virtual servers once a certificate is
 * assigned; returns that certificate, or NULL when the rule does not apply. */
static CwaCertificate *
ssl_applies (CwaVirtualServer *vs)
{
  if (!cwa_virtual_server_is_https (vs))
    return NULL;

  return cwa_virtual_server_get_ssl_certificate (vs);
}

static gchar *
dup_whose (CwaVirtualServer *vs)
{
  g_autofree gchar *name = cwa_rule_dup_vs_name (vs);

  return g_strdup_printf (R_ ("The SSL certificate of %s"), name);
}

static void
check_subject_matches_url (const CwaRule  *rule,
                           CwaRuleContext *context,
                           gpointer        subject,
                           GPtrArray      *findings)
{
  CwaVirtualServer *vs = subject;
  CwaCertificate *ssl = ssl_applies (vs);
  g_autofree gchar *whose = NULL;

  if (ssl == NULL)
    return;

  whose = dup_whose (vs);
  cwa_rule_add_subject_finding (findings, rule, cwa_virtual_server_get_server (vs), vs, ssl,
                                cwa_virtual_server_get_host (vs), whose);
}

const CwaRule cwa_rule_ssl_subject_matches_url = {
  "ssl.subject-matches-url", CWA_LEVEL_ERROR, CWA_SCOPE_VIRTUAL_SERVER, "CWA-CERTS",
  N_ ("The SSL certificate's subject name is the URL's host (e.g. `im.contoso.com`)."),
  check_subject_matches_url,
};

static void
check_san (const CwaRule    *rule,
           CwaVirtualServer *vs,
           const gchar      *required,
           GPtrArray        *findings)
{
  CwaCertificate *ssl = ssl_applies (vs);
  g_autofree gchar *whose = NULL;

  if (ssl == NULL || required == NULL)
    return;

  whose = dup_whose (vs);
  cwa_rule_add_san_finding (findings, rule, cwa_virtual_server_get_server (vs), vs, ssl,
                            required, whose);
}

static void
check_san_has_url (const CwaRule  *rule,
                   CwaRuleContext *context,
                   gpointer        subject,
                   GPtrArray      *findings)
{
  CwaVirtualServer *vs = subject;

  check_san (rule, vs, cwa_virtual_server_get_host (vs), findings);
}

const CwaRule cwa_rule_ssl_san_has_url = {
  "ssl.san-has-url", CWA_LEVEL_ERROR, CWA_SCOPE_VIRTUAL_SERVER, "CWA-CERTS",
  N_ ("The SAN list contains the URL's host."),
  check_san_has_url,
};

static void
check_san_has_as_url (const CwaRule  *rule,
                      CwaRuleContext *context,
                      gpointer        subject,
                      GPtrArray      *findings)
{
  CwaVirtualServer *vs = subject;
  g_autofree gchar *host = cwa_virtual_server_dup_as_host (vs);

  check_san (rule, vs, host, findings);
}

const CwaRule cwa_rule_ssl_san_has_as_url = {
  "ssl.san-has-as-url", CWA_LEVEL_ERROR, CWA_SCOPE_VIRTUAL_SERVER, "CWA-CERTS",
  N_ ("The SAN list contains the asURL (`as.im.contoso.com`)."),
  check_san_has_as_url,
};

static void
check_san_has_download_url (const CwaRule  *rule,
                            CwaRuleContext *context,
                            gpointer        subject,
                            GPtrArray      *findings)
{
  CwaVirtualServer *vs = subject;
  g_autofree gchar *host = cwa_virtual_server_dup_download_host (vs);

  check_san (rule, vs, host, findings);
}

const CwaRule cwa_rule_ssl_san_has_download_url = {
  "ssl.san-has-download-url", CWA_LEVEL_ERROR, CWA_SCOPE_VIRTUAL_SERVER, "CWA-CERTS",
  N_ ("The SAN list contains the downloadURL (`download.im.contoso.com`)."),
  check_san_has_download_url,
};

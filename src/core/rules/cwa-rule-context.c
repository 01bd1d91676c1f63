/* cwa-rule-context.c: what every rule check sees, and the helpers the rule families share. */
#include "config.h"

#include <string.h>

#include "cwa-names.h"
#include "cwa-certificate-findings.h"
#include "cwa-rule-context.h"
#include "cwa-rule-text.h"

static const gchar * const empty_strv[] = { NULL };

GHashTable *
cwa_rule_context_new_chain_cache (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                (GDestroyNotify) cwa_chain_result_free);
}

CwaRuleContext *
cwa_rule_context_new (CwaPlan    *plan,
                      CwaTrust   *trust,
                      gint64      now,
                      guint       expiry_warning_days,
                      GHashTable *chains,
                      GHashTable *certificate_findings)
{
  CwaRuleContext *context;

  g_return_val_if_fail (CWA_IS_PLAN (plan), NULL);
  g_return_val_if_fail (trust == NULL || CWA_IS_TRUST (trust), NULL);

  context = g_new0 (CwaRuleContext, 1);
  context->plan = g_object_ref (plan);
  context->now = now;
  context->expiry_warning_days = expiry_warning_days;
  context->trust = trust != NULL ? g_object_ref (trust) : cwa_trust_new ();
  context->pool = cwa_plan_dup_certificate_pool (plan);
  context->chains = chains != NULL ? g_hash_table_ref (chains)
                                   : cwa_rule_context_new_chain_cache ();
  context->certificate_findings = certificate_findings != NULL
                                  ? g_hash_table_ref (certificate_findings)
                                  : cwa_certificate_findings_new_cache ();

  return context;
}

void
cwa_rule_context_free (CwaRuleContext *context)
{
  if (context == NULL)
    return;

  g_clear_object (&context->plan);
  g_clear_object (&context->trust);
  g_clear_pointer (&context->pool, g_ptr_array_unref);
  g_clear_pointer (&context->chains, g_hash_table_unref);
  g_clear_pointer (&context->certificate_findings, g_hash_table_unref);
  g_clear_pointer (&context->subject_findings, g_hash_table_unref);
  g_clear_pointer (&context->index, cwa_deployment_index_free);
  g_free (context);
}

const CwaChainResult *
cwa_rule_context_get_chain (CwaRuleContext *context,
                            CwaCertificate *certificate)
{
  const gchar *sha256;
  CwaChainResult *result;

  g_return_val_if_fail (context != NULL, NULL);
  g_return_val_if_fail (CWA_IS_CERTIFICATE (certificate), NULL);

  sha256 = cwa_certificate_get_sha256 (certificate);
  result = g_hash_table_lookup (context->chains, sha256);
  if (result == NULL)
    {
      result = cwa_trust_verify (context->trust, certificate, context->pool);
      if (result == NULL)
        return NULL;
      g_hash_table_insert (context->chains, g_strdup (sha256), result);
    }

  return result;
}

CwaDeploymentIndex *
cwa_rule_context_get_index (CwaRuleContext *context)
{
  g_return_val_if_fail (context != NULL, NULL);

  if (context->index == NULL)
    context->index = cwa_deployment_index_new (cwa_plan_get_deployment (context->plan));

  return context->index;
}

gboolean
cwa_rule_certificate_same (CwaCertificate *a,
                           CwaCertificate *b)
{
  if (a == NULL || b == NULL)
    return FALSE;
  if (a == b)
    return TRUE;

  return g_strcmp0 (cwa_certificate_get_sha256 (a),
                    cwa_certificate_get_sha256 (b)) == 0;
}

gboolean
cwa_rule_vs_is_shared (CwaVirtualServer *virtual_server)
{
  CwaServer *server = cwa_virtual_server_get_server (virtual_server);

  if (server == NULL)
    return FALSE;

  return cwa_rule_certificate_same (cwa_virtual_server_get_ssl_certificate (virtual_server),
                                    cwa_server_get_mtls_certificate (server));
}

gboolean
cwa_rule_server_mtls_is_ssl (CwaServer *server)
{
  CwaCertificate *mtls = cwa_server_get_mtls_certificate (server);
  GListModel *list = cwa_server_get_virtual_servers (server);
  guint n = g_list_model_get_n_items (list);

  if (mtls == NULL)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CwaVirtualServer) vs = g_list_model_get_item (list, i);

      if (cwa_rule_certificate_same (cwa_virtual_server_get_ssl_certificate (vs), mtls))
        return TRUE;
    }

  return FALSE;
}

const gchar * const *
cwa_rule_certificate_get_dns_names (CwaCertificate *certificate)
{
  const gchar * const *names = cwa_certificate_get_dns_names (certificate);

  return names != NULL ? names : empty_strv;
}

GStrv
cwa_rule_certificate_dup_all_names (CwaCertificate *certificate)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const gchar * const *dns = cwa_rule_certificate_get_dns_names (certificate);
  const gchar *cn = cwa_certificate_get_subject_cn (certificate);

  g_strv_builder_addv (builder, (const gchar **) dns);
  if (cn != NULL)
    g_strv_builder_add (builder, cn);

  return g_strv_builder_end (builder);
}

const gchar *
cwa_rule_find_wildcard_match (const gchar * const *names,
                              const gchar         *host)
{
  if (names == NULL || host == NULL)
    return NULL;

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (cwa_name_is_wildcard (names[i]) &&
          cwa_name_wildcard_matches (names[i], host))
        return names[i];
    }

  return NULL;
}

/* Lower case and one trailing dot removed, but IDN labels kept as written:
 * rules.md asks reports to name hosts "as written otherwise". */
static gchar *
display_host (const gchar *host)
{
  gchar *lower;
  gsize len;

  /* Host names are nearly always ASCII, where both give the same result
   * and the ASCII one is many times faster: rules name hosts in most
   * messages. */
  lower = g_str_is_ascii (host) ? g_ascii_strdown (host, -1) : g_utf8_strdown (host, -1);
  len = strlen (lower);
  if (len > 1 && lower[len - 1] == '.')
    lower[len - 1] = '\0';

  return lower;
}

gchar *
cwa_rule_dup_vs_name (CwaVirtualServer *virtual_server)
{
  const gchar *url = cwa_virtual_server_get_url (virtual_server);
  const gchar *start;
  const gchar *end;
  g_autofree gchar *host = NULL;

  if (url == NULL)
    return g_strdup (cwa_virtual_server_get_host (virtual_server));

  start = strstr (url, "://");
  start = start != NULL ? start + 3 : url;
  end = start + strcspn (start, "/?#");
  host = g_strndup (start, end - start);

  /* Host names carry no colon, so the last one starts the port. */
  if (host[0] != '[')
    {
      gchar *colon = strrchr (host, ':');

      if (colon != NULL)
        *colon = '\0';
    }

  if (host[0] == '\0')
    return g_strdup (cwa_virtual_server_get_host (virtual_server));

  return display_host (host);
}

gchar *
cwa_rule_dup_server_name (CwaServer *server)
{
  const gchar *fqdn = cwa_server_get_fqdn (server);

  if (fqdn == NULL || fqdn[0] == '\0')
    return g_strdup (cwa_server_get_host (server));

  return display_host (fqdn);
}

gchar *
cwa_rule_dup_time (gint64 unix_utc)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (unix_utc);

  if (time == NULL)
    return g_strdup_printf ("%" G_GINT64_FORMAT, unix_utc);

  return g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ");
}

gchar *
cwa_rule_dup_display_host (const gchar *host)
{
  g_return_val_if_fail (host != NULL, NULL);

  return display_host (host);
}

const gchar *
cwa_rule_certificate_name (CwaCertificate *certificate)
{
  const gchar *id = cwa_certificate_get_id (certificate);

  if (id != NULL && id[0] != '\0')
    return id;

  return cwa_certificate_get_display_name (certificate);
}

const gchar *
cwa_rule_certificate_subject (CwaCertificate *certificate)
{
  const gchar *subject = cwa_certificate_get_subject (certificate);

  if (subject != NULL && subject[0] != '\0')
    return subject;

  return cwa_rule_certificate_name (certificate);
}

void
cwa_rule_add_finding (GPtrArray           *findings,
                      const CwaRule       *rule,
                      CwaStatus            status,
                      CwaServer           *server,
                      CwaVirtualServer    *virtual_server,
                      CwaCertificate      *certificate,
                      const gchar         *expected,
                      const gchar * const *found,
                      const gchar         *format,
                      ...)
{
  g_autofree gchar *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (findings,
                   cwa_finding_new (rule, status, server, virtual_server,
                                    certificate, expected, found, message));
}

void
cwa_rule_add_san_finding (GPtrArray        *findings,
                          const CwaRule    *rule,
                          CwaServer        *server,
                          CwaVirtualServer *virtual_server,
                          CwaCertificate   *certificate,
                          const gchar      *required,
                          const gchar      *whose)
{
  const gchar * const *dns = cwa_rule_certificate_get_dns_names (certificate);
  g_autofree gchar *normal = cwa_name_normalize (required, NULL);
  CwaNameMatch match = cwa_names_match_normalized (cwa_certificate_get_normalized_dns_names (certificate),
                                                   normal);
  const gchar *wildcard;

  if (match == CWA_NAME_MATCH_EXACT)
    {
      cwa_rule_add_finding (findings, rule, CWA_STATUS_PASS, server, virtual_server,
                            certificate, required, dns,
                            R_ ("%s lists %s in its subject alternative names."),
                            whose, required);
      return;
    }

  wildcard = cwa_rule_find_wildcard_match (dns, required);
  if (wildcard != NULL)
    cwa_rule_add_finding (findings, rule, CWA_STATUS_FAIL, server, virtual_server,
                          certificate, required, dns,
                          R_ ("%s does not list %s in its subject alternative names, "
                              "only %s, a wildcard, which CWA does not accept."),
                          whose, required, wildcard);
  else if (dns[0] == NULL)
    cwa_rule_add_finding (findings, rule, CWA_STATUS_FAIL, server, virtual_server,
                          certificate, required, dns,
                          R_ ("%s does not list %s in its subject alternative names; "
                              "it has no subject alternative names at all."),
                          whose, required);
  else
    cwa_rule_add_finding (findings, rule, CWA_STATUS_FAIL, server, virtual_server,
                          certificate, required, dns,
                          R_ ("%s does not list %s in its subject alternative names."),
                          whose, required);
}

void
cwa_rule_add_subject_finding (GPtrArray        *findings,
                              const CwaRule    *rule,
                              CwaServer        *server,
                              CwaVirtualServer *virtual_server,
                              CwaCertificate   *certificate,
                              const gchar      *required,
                              const gchar      *whose)
{
  const gchar *cn = cwa_certificate_get_subject_cn (certificate);
  const gchar * const *cns = cwa_certificate_get_subject_cns (certificate);

  if (cns == NULL)
    cns = empty_strv;

  if (cn == NULL && cwa_certificate_get_subject (certificate)[0] == '\0')
    cwa_rule_add_finding (findings, rule, CWA_STATUS_FAIL, server, virtual_server,
                          certificate, required, cns,
                          R_ ("%s has no subject name (its subject is empty); expected %s."),
                          whose, required);
  else if (cn == NULL)
    cwa_rule_add_finding (findings, rule, CWA_STATUS_FAIL, server, virtual_server,
                          certificate, required, cns,
                          R_ ("%s has no subject name (no common name in its subject %s); "
                              "expected %s."),
                          whose, cwa_certificate_get_subject (certificate), required);
  else if (cwa_name_equal (cn, required) && strcmp (cn, required) != 0)
    /* "IM.CONTOSO.COM." matches, but echoed before a full stop it reads
     * as a typo: the name in its compared form, and as written. */
    cwa_rule_add_finding (findings, rule, CWA_STATUS_PASS, server, virtual_server,
                          certificate, required, cns,
                          R_ ("%s has the subject name %s (written “%s”)."), whose, required, cn);
  else if (cwa_name_equal (cn, required))
    cwa_rule_add_finding (findings, rule, CWA_STATUS_PASS, server, virtual_server,
                          certificate, required, cns,
                          R_ ("%s has the subject name %s."), whose, cn);
  else if (cwa_name_is_wildcard (cn) && cwa_name_wildcard_matches (cn, required))
    cwa_rule_add_finding (findings, rule, CWA_STATUS_FAIL, server, virtual_server,
                          certificate, required, cns,
                          R_ ("%s does not have %s as its subject name, only %s, "
                              "a wildcard, which CWA does not accept."),
                          whose, required, cn);
  else
    cwa_rule_add_finding (findings, rule, CWA_STATUS_FAIL, server, virtual_server,
                          certificate, required, cns,
                          R_ ("%s has the subject name %s, not %s."), whose, cn, required);
}

void
cwa_rule_add_public_ca_finding (GPtrArray        *findings,
                                const CwaRule    *rule,
                                CwaRuleContext   *context,
                                CwaServer        *server,
                                CwaVirtualServer *virtual_server,
                                CwaCertificate   *certificate,
                                const gchar      *whose)
{
  const CwaChainResult *chain = cwa_rule_context_get_chain (context, certificate);
  const gchar *issuer = cwa_certificate_get_issuer (certificate);
  CwaCertificate *last = NULL;
  const gchar *where;
  const gchar *name;

  if (chain != NULL && chain->chain != NULL && chain->chain->len > 0)
    last = g_ptr_array_index (chain->chain, chain->chain->len - 1);
  /* Where the chain stops, in words that do not send the reader to the
   * certificate itself when its issuer is simply not in the plan. */
  if (chain != NULL && chain->trusted)
    {
      where = R_ ("its root is trusted only in this plan: ");
      name = last != NULL ? cwa_rule_certificate_subject (last) : issuer;
    }
  else if (last == certificate && cwa_certificate_is_self_issued (certificate))
    {
      where = R_ ("it is self-signed: ");
      name = cwa_rule_certificate_subject (certificate);
    }
  else if ((last == NULL || last == certificate) && issuer[0] != '\0')
    {
      where = R_ ("its issuer is not in the plan: ");
      name = issuer;
    }
  else
    {
      where = R_ ("its chain ends at ");
      name = last != NULL ? cwa_rule_certificate_subject (last) : R_ ("an issuer with an empty name");
    }

  if (chain != NULL && chain->public_root)
    cwa_rule_add_finding (findings, rule, CWA_STATUS_PASS,
                          server, virtual_server, certificate, NULL, NULL,
                          R_ ("%s chains to the publicly trusted root %s."),
                          whose, last != NULL ? cwa_rule_certificate_subject (last) : R_ ("(unknown)"));
  else
    cwa_rule_add_finding (findings, rule, CWA_STATUS_FAIL,
                          server, virtual_server, certificate, NULL, NULL,
                          R_ ("%s does not chain to a publicly trusted root (%s%s); users on "
                              "public or borrowed computers will see blocked content: they may "
                              "log on but cannot send instant messages or share desktops. Use a "
                              "certificate from a public certification authority."),
                          whose, where, name);
}

/* rp.c: rules about reverse proxies and their publishing rules (rules.md, "Reverse proxies"). */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cwa-names.h"
#include "cwa-rule-context.h"
#include "cwa-rules-private.h"

/* "the publishing rule for im.contoso.com on isa01.perimeter.contoso.com";
 * the proxy is not named again when it has the published host's name. */
static gchar *
dup_rule_name (CwaPublishingRule *rule)
{
  CwaReverseProxy *proxy = cwa_publishing_rule_get_reverse_proxy (rule);
  g_autofree gchar *proxy_name = NULL;

  if (proxy == NULL)
    return g_strdup_printf (R_ ("the publishing rule for %s"),
                            cwa_publishing_rule_get_published_host (rule));
  /* Not "for im.contoso.com on im.contoso.com" */
  if (cwa_reverse_proxy_publishes_own_name (rule))
    return g_strdup_printf (R_ ("the publishing rule for %s on the reverse proxy of that name"),
                            cwa_publishing_rule_get_published_host (rule));

  proxy_name = cwa_rule_dup_display_host (cwa_reverse_proxy_get_fqdn (proxy));
  return g_strdup_printf (R_ ("the publishing rule for %s on %s"),
                          cwa_publishing_rule_get_published_host (rule), proxy_name);
}

/* The published virtual server (the first, for an array), or NULL while
 * the plan has none with that host.  Borrowed from the deployment. */
static CwaVirtualServer *
find_published (CwaRuleContext    *context,
                CwaPublishingRule *rule)
{
  return cwa_deployment_index_find_virtual_server (cwa_rule_context_get_index (context),
                                                   cwa_publishing_rule_get_virtual_server_host (rule));
}

static void
check_publishes_known_vs (const CwaRule  *rule,
                          CwaRuleContext *context,
                          gpointer        subject,
                          GPtrArray      *findings)
{
  CwaPublishingRule *publishing = subject;
  const gchar *host = cwa_publishing_rule_get_virtual_server_host (publishing);
  g_autofree gchar *name = dup_rule_name (publishing);
  CwaVirtualServer *vs = find_published (context, publishing);

  name[0] = g_ascii_toupper (name[0]);
  if (vs != NULL)
    cwa_rule_add_finding (findings, rule, CWA_STATUS_PASS, NULL, NULL, NULL, host, NULL,
                          R_ ("%s publishes the virtual server %s of the plan."), name, host);
  else
    cwa_rule_add_finding (findings, rule, CWA_STATUS_FAIL, NULL, NULL, NULL, host, NULL,
                          R_ ("%s publishes %s, but no virtual server of the plan has that URL "
                              "host; add it, or name the virtual server (for an array, the "
                              "array FQDN) it should publish."),
                          name, host);
}

const CwaRule cwa_rule_rp_publishes_known_vs = {
  "rp.publishes-known-vs", CWA_LEVEL_ERROR, CWA_SCOPE_REVERSE_PROXY, "CWA-RP",
  N_ ("The publishing rule names a virtual server (or array) of the plan."),
  check_publishes_known_vs,
};

static void
check_https_required (const CwaRule  *rule,
                      CwaRuleContext *context,
                      gpointer        subject,
                      GPtrArray      *findings)
{
  CwaPublishingRule *publishing = subject;
  g_autofree gchar *name = dup_rule_name (publishing);

  name[0] = g_ascii_toupper (name[0]);
  if (cwa_publishing_rule_is_https (publishing))
    cwa_rule_add_finding (findings, rule, CWA_STATUS_PASS, NULL, NULL, NULL, NULL, NULL,
                          R_ ("%s publishes https."), name);
  else
    cwa_rule_add_finding (findings, rule, CWA_STATUS_FAIL, NULL, NULL, NULL, NULL, NULL,
                          R_ ("%s publishes %s over http; remote access requires https."),
                          name, cwa_publishing_rule_get_published_url (publishing));
}

const CwaRule cwa_rule_rp_https_required = {
  "rp.https-required", CWA_LEVEL_ERROR, CWA_SCOPE_REVERSE_PROXY, "CWA-RP",
  N_ ("The published URL is `https`; HTTP is not supported for remote access."),
  check_https_required,
};

static void
check_publishes_external (const CwaRule  *rule,
                          CwaRuleContext *context,
                          gpointer        subject,
                          GPtrArray      *findings)
{
  CwaPublishingRule *publishing = subject;
  CwaVirtualServer *vs = find_published (context, publishing);
  g_autofree gchar *name = NULL;

  if (vs == NULL)
    return;

  name = dup_rule_name (publishing);
  name[0] = g_ascii_toupper (name[0]);
  if (cwa_virtual_server_get_audience (vs) == CWA_AUDIENCE_EXTERNAL)
    cwa_rule_add_finding (findings, rule, CWA_STATUS_PASS, NULL, NULL, NULL, NULL, NULL,
                          R_ ("%s publishes the external virtual server %s."),
                          name, cwa_virtual_server_get_host (vs));
  else
    cwa_rule_add_finding (findings, rule, CWA_STATUS_FAIL, NULL, NULL, NULL, NULL, NULL,
                          R_ ("%s publishes %s, an internal virtual server; publish an external "
                              "virtual server to remote users, or set this one's audience to "
                              "external."),
                          name, cwa_virtual_server_get_host (vs));
}

const CwaRule cwa_rule_rp_publishes_external = {
  "rp.publishes-external", CWA_LEVEL_WARNING, CWA_SCOPE_REVERSE_PROXY, "CWA-RP",
  N_ ("The published virtual server is an external one (audience `external`)."),
  check_publishes_external,
};

static void
check_has_listener_cert (const CwaRule  *rule,
                         CwaRuleContext *context,
                         gpointer        subject,
                         GPtrArray      *findings)
{
  CwaPublishingRule *publishing = subject;
  CwaCertificate *listener = cwa_publishing_rule_get_listener_certificate (publishing);
  g_autofree gchar *name = NULL;

  if (!cwa_publishing_rule_is_https (publishing))
    return;

  name = dup_rule_name (publishing);
  if (listener != NULL)
    cwa_rule_add_finding (findings, rule, CWA_STATUS_PASS, NULL, NULL, listener, NULL, NULL,
                          R_ ("The listener of %s has the certificate %s."),
                          name, cwa_rule_certificate_name (listener));
  else
    cwa_rule_add_finding (findings, rule, CWA_STATUS_FAIL, NULL, NULL, NULL, NULL, NULL,
                          R_ ("The listener of %s has no certificate assigned; it needs one "
                              "for %s from a public certification authority."),
                          name, cwa_publishing_rule_get_published_host (publishing));
}

const CwaRule cwa_rule_rp_has_listener_cert = {
  "rp.has-listener-cert", CWA_LEVEL_ERROR, CWA_SCOPE_REVERSE_PROXY, "CWA-PREP",
  N_ ("The listener has a certificate assigned."),
  check_has_listener_cert,
};

/* The listener rules apply to https publishing rules once a listener
 * certificate is assigned; returns it, or NULL. */
static CwaCertificate *
listener_applies (CwaPublishingRule *publishing)
{
  if (!cwa_publishing_rule_is_https (publishing))
    return NULL;

  return cwa_publishing_rule_get_listener_certificate (publishing);
}

static gchar *
dup_whose (CwaPublishingRule *publishing)
{
  g_autofree gchar *name = dup_rule_name (publishing);

  return g_strdup_printf (R_ ("The listener certificate of %s"), name);
}

static void
check_listener_subject (const CwaRule  *rule,
                        CwaRuleContext *context,
                        gpointer        subject,
                        GPtrArray      *findings)
{
  CwaPublishingRule *publishing = subject;
  CwaCertificate *listener = listener_applies (publishing);
  g_autofree gchar *whose = NULL;

  if (listener == NULL)
    return;

  whose = dup_whose (publishing);
  cwa_rule_add_subject_finding (findings, rule, NULL, NULL, listener,
                                cwa_publishing_rule_get_published_host (publishing), whose);
}

const CwaRule cwa_rule_rp_listener_subject_matches_url = {
  "rp.listener-subject-matches-url", CWA_LEVEL_ERROR, CWA_SCOPE_REVERSE_PROXY, "CWA-PREP",
  N_ ("The listener certificate's subject name is the published host."),
  check_listener_subject,
};

static void
check_listener_san (const CwaRule     *rule,
                    CwaPublishingRule *publishing,
                    const gchar       *required,
                    GPtrArray         *findings)
{
  CwaCertificate *listener = listener_applies (publishing);
  g_autofree gchar *whose = NULL;

  if (listener == NULL || required == NULL)
    return;

  whose = dup_whose (publishing);
  cwa_rule_add_san_finding (findings, rule, NULL, NULL, listener, required, whose);
}

static void
check_listener_san_has_url (const CwaRule  *rule,
                            CwaRuleContext *context,
                            gpointer        subject,
                            GPtrArray      *findings)
{
  CwaPublishingRule *publishing = subject;

  check_listener_san (rule, publishing, cwa_publishing_rule_get_published_host (publishing), findings);
}

const CwaRule cwa_rule_rp_listener_san_has_url = {
  "rp.listener-san-has-url", CWA_LEVEL_ERROR, CWA_SCOPE_REVERSE_PROXY, "CWA-PREP",
  N_ ("The listener certificate lists the published host in its SAN."),
  check_listener_san_has_url,
};

static void
check_listener_san_has_as_url (const CwaRule  *rule,
                               CwaRuleContext *context,
                               gpointer        subject,
                               GPtrArray      *findings)
{
  CwaPublishingRule *publishing = subject;
  g_autofree gchar *host = cwa_publishing_rule_dup_as_host (publishing);

  check_listener_san (rule, publishing, host, findings);
}

const CwaRule cwa_rule_rp_listener_san_has_as_url = {
  "rp.listener-san-has-as-url", CWA_LEVEL_ERROR, CWA_SCOPE_REVERSE_PROXY, "CWA-DNS",
  N_ ("The listener certificate lists the published asURL in its SAN (as.* resolves to the proxy)."),
  check_listener_san_has_as_url,
};

static void
check_listener_san_has_download_url (const CwaRule  *rule,
                                     CwaRuleContext *context,
                                     gpointer        subject,
                                     GPtrArray      *findings)
{
  CwaPublishingRule *publishing = subject;
  g_autofree gchar *host = cwa_publishing_rule_dup_download_host (publishing);

  check_listener_san (rule, publishing, host, findings);
}

const CwaRule cwa_rule_rp_listener_san_has_download_url = {
  "rp.listener-san-has-download-url", CWA_LEVEL_ERROR, CWA_SCOPE_REVERSE_PROXY, "CWA-DNS",
  N_ ("The listener certificate lists the published downloadURL in its SAN."),
  check_listener_san_has_download_url,
};

static void
check_listener_public_ca (const CwaRule  *rule,
                          CwaRuleContext *context,
                          gpointer        subject,
                          GPtrArray      *findings)
{
  CwaPublishingRule *publishing = subject;
  CwaCertificate *listener = listener_applies (publishing);
  g_autofree gchar *whose = NULL;

  if (listener == NULL)
    return;

  whose = dup_whose (publishing);
  cwa_rule_add_public_ca_finding (findings, rule, context, NULL, NULL, listener, whose);
}

const CwaRule cwa_rule_rp_listener_public_ca = {
  "rp.listener-public-ca", CWA_LEVEL_WARNING, CWA_SCOPE_REVERSE_PROXY, "CWA-CERTS",
  N_ ("The listener certificate chains to a publicly trusted root, so users on public or borrowed computers do not see \"blocked content\"."),
  check_listener_public_ca,
};

/* Whether @certificate carries @host the way the proxy compares it: an
 * address as an IP SAN entry, a name as the subject CN or a DNS SAN entry
 * (rules.md, "Name matching"). */
static gboolean
certificate_has_internal_host (CwaCertificate *certificate,
                               const gchar    *host,
                               gboolean        is_address)
{
  g_autofree gchar *normal = NULL;
  const gchar *cn;

  if (is_address)
    {
      g_autoptr(GInetAddress) wanted = g_inet_address_new_from_string (host);
      GPtrArray *entries = cwa_certificate_get_san_entries (certificate);

      for (guint i = 0; wanted != NULL && entries != NULL && i < entries->len; i++)
        {
          const CwaSanEntry *entry = g_ptr_array_index (entries, i);
          g_autoptr(GInetAddress) address = NULL;

          if (entry->type != CWA_SAN_IP)
            continue;
          address = g_inet_address_new_from_string (entry->value);
          if (address != NULL && g_inet_address_equal (address, wanted))
            return TRUE;
        }
      return FALSE;
    }

  cn = cwa_certificate_get_subject_cn (certificate);
  if (cn != NULL && cwa_name_equal (cn, host))
    return TRUE;

  normal = cwa_name_normalize (host, NULL);
  return cwa_names_match_normalized (cwa_certificate_get_normalized_dns_names (certificate),
                                     normal) == CWA_NAME_MATCH_EXACT;
}

/* "im-cwa01, im-cwa02" */
static gchar *
dup_certificate_list (GPtrArray *certificates)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < certificates->len; i++)
    {
      if (list->len > 0)
        g_string_append (list, ", ");
      g_string_append (list, cwa_rule_certificate_name (g_ptr_array_index (certificates, i)));
    }

  return g_string_free (g_steal_pointer (&list), FALSE);
}

/* "the SSL certificate of the load balancer im.contoso.com" or "the SSL
 * certificate of im.contoso.com" */
static gchar *
dup_shown_what (CwaPublishingRule *publishing,
                CwaLoadBalancer   *target,
                guint              n_certificates)
{
  g_autofree gchar *lb_name = NULL;

  if (target != NULL)
    {
      lb_name = cwa_rule_dup_display_host (cwa_load_balancer_get_fqdn (target));
      return g_strdup_printf (R_ ("the SSL certificate of the load balancer %s"), lb_name);
    }

  return g_strdup_printf (RN_ ("the SSL certificate of %s", "the SSL certificates of %s",
                               n_certificates),
                          cwa_publishing_rule_get_virtual_server_host (publishing));
}

static void
check_internal_name_on_cert (const CwaRule  *rule,
                             CwaRuleContext *context,
                             gpointer        subject,
                             GPtrArray      *findings)
{
  CwaPublishingRule *publishing = subject;
  const gchar *host = cwa_publishing_rule_get_effective_internal_host (publishing);
  gboolean is_address = cwa_publishing_rule_internal_host_is_address (publishing);
  GPtrArray *shown;
  g_autoptr(GPtrArray) failing = g_ptr_array_new ();
  g_autofree gchar *name = NULL;
  g_autofree gchar *what = NULL;
  g_autofree gchar *all = NULL;
  CwaLoadBalancer *target = NULL;

  if (find_published (context, publishing) == NULL || host == NULL)
    return;

  shown = cwa_deployment_index_get_shown_certificates (cwa_rule_context_get_index (context),
                                                       publishing, &target);
  if (shown->len == 0)
    return;

  for (guint i = 0; i < shown->len; i++)
    {
      if (!certificate_has_internal_host (g_ptr_array_index (shown, i), host, is_address))
        g_ptr_array_add (failing, g_ptr_array_index (shown, i));
    }

  name = dup_rule_name (publishing);
  what = dup_shown_what (publishing, target, shown->len);
  all = dup_certificate_list (shown);
  if (failing->len == 0)
    cwa_rule_add_finding (findings, rule, CWA_STATUS_PASS, NULL, NULL,
                          g_ptr_array_index (shown, 0), host, NULL,
                          R_ ("The internal host %s that %s forwards to is on %s (%s)."),
                          host, name, what, all);
  else
    {
      g_autofree gchar *bad = dup_certificate_list (failing);

      cwa_rule_add_finding (findings, rule, CWA_STATUS_FAIL, NULL, NULL,
                            g_ptr_array_index (failing, 0), host, NULL,
                            is_address
                            ? RN_ ("The internal host %s that %s forwards to is not on %s (%s): "
                                   "%s lacks it; the proxy will refuse the connection. Add it as "
                                   "an IP address entry to %s, or forward to a name the "
                                   "certificate carries.",
                                   "The internal host %s that %s forwards to is not on %s (%s): "
                                   "%s lack it; the proxy will refuse the connection. Add it as "
                                   "an IP address entry to %s, or forward to a name the "
                                   "certificate carries.", failing->len)
                            : RN_ ("The internal host %s that %s forwards to is not on %s (%s): "
                                   "%s lacks it; the proxy will refuse the connection. Add it to "
                                   "%s, or forward to a name the certificate carries.",
                                   "The internal host %s that %s forwards to is not on %s (%s): "
                                   "%s lack it; the proxy will refuse the connection. Add it to "
                                   "%s, or forward to a name the certificate carries.",
                                   failing->len),
                            host, name, what, all, bad, bad);
    }
}

const CwaRule cwa_rule_rp_internal_name_on_cert = {
  "rp.internal-name-on-cert", CWA_LEVEL_ERROR, CWA_SCOPE_REVERSE_PROXY, "CWA-RP",
  N_ ("The internal host the proxy forwards to is on the certificate the proxy is shown there."),
  check_internal_name_on_cert,
};

/* Whether the chain of @certificate reaches a root the proxy trusts: one of
 * its trusted certificates anywhere on the path, or a public root. */
static gboolean
proxy_trusts (CwaRuleContext  *context,
              CwaReverseProxy *proxy,
              CwaCertificate  *certificate)
{
  const CwaChainResult *chain = cwa_rule_context_get_chain (context, certificate);
  GListModel *trusted;
  guint n;

  if (chain == NULL)
    return FALSE;
  if (chain->trusted && chain->public_root)
    return TRUE;
  if (proxy == NULL || chain->chain == NULL)
    return FALSE;

  trusted = cwa_reverse_proxy_get_trusted_certificates (proxy);
  n = g_list_model_get_n_items (trusted);
  for (guint i = 0; i < chain->chain->len; i++)
    {
      for (guint j = 0; j < n; j++)
        {
          g_autoptr(CwaCertificate) root = g_list_model_get_item (trusted, j);

          if (cwa_rule_certificate_same (root, g_ptr_array_index (chain->chain, i)))
            return TRUE;
        }
    }

  return FALSE;
}

static void
check_trusts_internal_ca (const CwaRule  *rule,
                          CwaRuleContext *context,
                          gpointer        subject,
                          GPtrArray      *findings)
{
  CwaPublishingRule *publishing = subject;
  CwaReverseProxy *proxy = cwa_publishing_rule_get_reverse_proxy (publishing);
  GPtrArray *shown;
  g_autoptr(GPtrArray) failing = g_ptr_array_new ();
  g_autofree gchar *name = NULL;
  g_autofree gchar *what = NULL;
  g_autofree gchar *all = NULL;
  g_autofree gchar *proxy_name = NULL;
  CwaLoadBalancer *target = NULL;

  if (find_published (context, publishing) == NULL)
    return;

  shown = cwa_deployment_index_get_shown_certificates (cwa_rule_context_get_index (context),
                                                       publishing, &target);
  if (shown->len == 0)
    return;

  for (guint i = 0; i < shown->len; i++)
    {
      if (!proxy_trusts (context, proxy, g_ptr_array_index (shown, i)))
        g_ptr_array_add (failing, g_ptr_array_index (shown, i));
    }

  name = dup_rule_name (publishing);
  what = dup_shown_what (publishing, target, shown->len);
  all = dup_certificate_list (shown);
  proxy_name = proxy != NULL ? cwa_rule_dup_display_host (cwa_reverse_proxy_get_fqdn (proxy))
                             : g_strdup (R_ ("the reverse proxy"));
  what[0] = g_ascii_toupper (what[0]);
  if (failing->len == 0)
    cwa_rule_add_finding (findings, rule, CWA_STATUS_PASS, NULL, NULL,
                          g_ptr_array_index (shown, 0), NULL, NULL,
                          R_ ("%s, which %s is shown when it forwards, chains to a root %s "
                              "trusts (%s)."),
                          what, name, proxy_name, all);
  else
    {
      g_autofree gchar *bad = dup_certificate_list (failing);

      cwa_rule_add_finding (findings, rule, CWA_STATUS_FAIL, NULL, NULL,
                            g_ptr_array_index (failing, 0), NULL, NULL,
                            RN_ ("%s, which %s is shown when it forwards (%s), must chain to a "
                                 "root %s trusts, but %s does not: add the issuing CA's root "
                                 "certificate to the proxy's trusted certificates.",
                                 "%s, which %s is shown when it forwards (%s), must chain to a "
                                 "root %s trusts, but %s do not: add the issuing CA's root "
                                 "certificate to the proxy's trusted certificates.", failing->len),
                            what, name, all, proxy_name, bad);
    }
}

const CwaRule cwa_rule_rp_trusts_internal_ca = {
  "rp.trusts-internal-ca", CWA_LEVEL_ERROR, CWA_SCOPE_REVERSE_PROXY, "CWA-RP",
  N_ ("The certificate the proxy is shown chains to a root the proxy trusts (its trusted certificates or a public root)."),
  check_trusts_internal_ca,
};

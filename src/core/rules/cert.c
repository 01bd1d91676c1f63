/* cert.c: rules about one certificate on its own (X.509 profile, validity, chain, algorithms). */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cwa-names.h"
#include "cwa-rule-context.h"
#include "cwa-rules-private.h"

#define SECONDS_PER_DAY G_GINT64_CONSTANT (86400)

/* Certificate findings name where the certificate is first seen, so that
 * reports can group them under that server or virtual server. */
static void
add_cert_finding (GPtrArray      *findings,
                  const CwaRule  *rule,
                  CwaRuleContext *context,
                  CwaCertificate *certificate,
                  CwaStatus       status,
                  const gchar    *message)
{
  g_ptr_array_add (findings,
                   cwa_finding_new (rule, status, context->certificate_server,
                                    context->certificate_virtual_server, certificate,
                                    NULL, NULL, message));
}

static void
check_version_3 (const CwaRule  *rule,
                 CwaRuleContext *context,
                 gpointer        subject,
                 GPtrArray      *findings)
{
  CwaCertificate *cert = subject;
  guint version = cwa_certificate_get_version (cert);
  g_autofree gchar *message = NULL;

  if (version == 3)
    message = g_strdup_printf (R_ ("The certificate %s is X.509 version 3."),
                               cwa_rule_certificate_name (cert));
  else
    message = g_strdup_printf (R_ ("The certificate %s is X.509 version %u; CWA needs a "
                                   "version 3 certificate (one that can carry extensions "
                                   "such as the subject alternative names)."),
                               cwa_rule_certificate_name (cert), version);

  add_cert_finding (findings, rule, context, cert,
                    version == 3 ? CWA_STATUS_PASS : CWA_STATUS_FAIL, message);
}

const CwaRule cwa_rule_cert_version_3 = {
  "cert.version-3", CWA_LEVEL_ERROR, CWA_SCOPE_CERTIFICATE, "CWA-PREP",
  N_ ("The certificate is X.509 version 3."),
  check_version_3,
};

static void
check_eku_server_auth (const CwaRule  *rule,
                       CwaRuleContext *context,
                       gpointer        subject,
                       GPtrArray      *findings)
{
  CwaCertificate *cert = subject;
  const gchar *name = cwa_rule_certificate_name (cert);
  g_autofree gchar *message = NULL;
  CwaStatus status = CWA_STATUS_PASS;

  if (!cwa_certificate_has_eku (cert))
    {
      message = g_strdup_printf (R_ ("The certificate %s has no Extended Key Usage extension, "
                                     "so it may be used for Server Authentication."), name);
    }
  else if (cwa_certificate_has_eku_oid (cert, CWA_EKU_SERVER_AUTH))
    {
      message = g_strdup_printf (R_ ("The Extended Key Usage of the certificate %s includes "
                                     "Server Authentication (1.3.6.1.5.5.7.3.1)."), name);
    }
  else
    {
      const gchar * const *oids = cwa_certificate_get_eku_oids (cert);
      g_autofree gchar *list = NULL;

      list = oids != NULL && oids[0] != NULL ? g_strjoinv (", ", (gchar **) oids)
                                             : g_strdup (R_ ("no purpose"));
      message = g_strdup_printf (R_ ("The Extended Key Usage of the certificate %s does not "
                                     "include Server Authentication (1.3.6.1.5.5.7.3.1); "
                                     "it lists %s."), name, list);
      status = CWA_STATUS_FAIL;
    }

  add_cert_finding (findings, rule, context, cert, status, message);
}

const CwaRule cwa_rule_cert_eku_server_auth = {
  "cert.eku-server-auth", CWA_LEVEL_ERROR, CWA_SCOPE_CERTIFICATE, "CWA-PREP",
  N_ ("If the certificate has an Extended Key Usage extension, it includes Server Authentication (1.3.6.1.5.5.7.3.1)."),
  check_eku_server_auth,
};

static void
check_key_usage (const CwaRule  *rule,
                 CwaRuleContext *context,
                 gpointer        subject,
                 GPtrArray      *findings)
{
  CwaCertificate *cert = subject;
  const gchar *name = cwa_rule_certificate_name (cert);
  g_autofree gchar *message = NULL;
  g_autoptr(GString) missing = g_string_new (NULL);
  /* RFC 4055: an RSA-PSS key may only sign, so keyEncipherment is only
   * asked of rsaEncryption keys. */
  gboolean rsa = cwa_certificate_is_rsa (cert) && !cwa_certificate_is_rsa_pss (cert);
  CwaKeyUsage usage;

  if (!cwa_certificate_has_key_usage (cert))
    {
      message = g_strdup_printf (R_ ("The certificate %s has no Key Usage extension, so its "
                                     "key may be used for TLS."), name);
      add_cert_finding (findings, rule, context, cert, CWA_STATUS_PASS, message);
      return;
    }

  usage = cwa_certificate_get_key_usage (cert);
  if ((usage & CWA_KEY_USAGE_DIGITAL_SIGNATURE) == 0)
    g_string_append (missing, "digitalSignature");
  if (rsa && (usage & CWA_KEY_USAGE_KEY_ENCIPHERMENT) == 0)
    {
      if (missing->len > 0)
        g_string_assign (missing, R_ ("digitalSignature and keyEncipherment"));
      else
        g_string_append (missing, "keyEncipherment");
    }

  if (missing->len == 0)
    {
      message = g_strdup_printf (R_ ("The Key Usage of the certificate %s includes %s."), name,
                                 rsa ? R_ ("digitalSignature and keyEncipherment")
                                     : "digitalSignature");
      add_cert_finding (findings, rule, context, cert, CWA_STATUS_PASS, message);
    }
  else
    {
      const gchar * const *names = cwa_certificate_get_key_usage_names (cert);
      g_autofree gchar *list = NULL;

      list = names != NULL && names[0] != NULL ? g_strjoinv (", ", (gchar **) names)
                                               : g_strdup (R_ ("nothing"));
      message = g_strdup_printf (R_ ("The Key Usage of the certificate %s lacks %s (expected "
                                     "%s; it has %s)."),
                                 name, missing->str,
                                 rsa ? R_ ("digitalSignature and keyEncipherment for an RSA key")
                                     : "digitalSignature",
                                 list);
      add_cert_finding (findings, rule, context, cert, CWA_STATUS_FAIL, message);
    }
}

const CwaRule cwa_rule_cert_key_usage = {
  "cert.key-usage", CWA_LEVEL_ERROR, CWA_SCOPE_CERTIFICATE, "CWA-PREP",
  N_ ("If the certificate has a Key Usage extension, it includes Digital Signature and, for RSA keys (rsaEncryption; not RSA-PSS keys, which may only sign), Key Encipherment."),
  check_key_usage,
};

static gboolean
is_valid_now (CwaRuleContext *context,
              CwaCertificate *cert)
{
  return context->now >= cwa_certificate_get_not_before (cert) &&
         context->now <= cwa_certificate_get_not_after (cert);
}

static void
check_validity (const CwaRule  *rule,
                CwaRuleContext *context,
                gpointer        subject,
                GPtrArray      *findings)
{
  CwaCertificate *cert = subject;
  const gchar *name = cwa_rule_certificate_name (cert);
  g_autofree gchar *not_before = cwa_rule_dup_time (cwa_certificate_get_not_before (cert));
  g_autofree gchar *not_after = cwa_rule_dup_time (cwa_certificate_get_not_after (cert));
  g_autofree gchar *now = cwa_rule_dup_time (context->now);
  g_autofree gchar *message = NULL;

  if (context->now < cwa_certificate_get_not_before (cert))
    message = g_strdup_printf (R_ ("The certificate %s is not valid yet at %s: it is valid from "
                                   "%s to %s."), name, now, not_before, not_after);
  else if (context->now > cwa_certificate_get_not_after (cert))
    message = g_strdup_printf (R_ ("The certificate %s expired on %s (checked at %s); it was "
                                   "valid from %s."), name, not_after, now, not_before);
  else
    message = g_strdup_printf (R_ ("The certificate %s is valid at %s: from %s to %s."),
                               name, now, not_before, not_after);

  add_cert_finding (findings, rule, context, cert,
                    is_valid_now (context, cert) ? CWA_STATUS_PASS : CWA_STATUS_FAIL,
                    message);
}

const CwaRule cwa_rule_cert_validity = {
  "cert.validity", CWA_LEVEL_ERROR, CWA_SCOPE_CERTIFICATE, "PKIX",
  N_ ("The certificate is inside its validity period at the time of the check."),
  check_validity,
};

static void
check_expiring_soon (const CwaRule  *rule,
                     CwaRuleContext *context,
                     gpointer        subject,
                     GPtrArray      *findings)
{
  CwaCertificate *cert = subject;
  const gchar *name = cwa_rule_certificate_name (cert);
  gint64 not_after = cwa_certificate_get_not_after (cert);
  g_autofree gchar *expires = NULL;
  g_autofree gchar *message = NULL;
  guint days = context->expiry_warning_days;
  g_autofree gchar *left = NULL;

  /* An expired or not yet valid certificate is cert.validity's finding. */
  if (!is_valid_now (context, cert))
    return;

  expires = cwa_rule_dup_time (not_after);
  left = g_strdup_printf ("%" G_GINT64_FORMAT, (not_after - context->now) / SECONDS_PER_DAY);
  if (not_after - context->now <= (gint64) days * SECONDS_PER_DAY)
    {
      message = g_strdup_printf (R_ ("The certificate %s expires on %s, in %s days: within the "
                                     "%u-day warning window. Renew it."),
                                 name, expires, left, days);
      add_cert_finding (findings, rule, context, cert, CWA_STATUS_FAIL, message);
    }
  else
    {
      message = g_strdup_printf (R_ ("The certificate %s expires on %s, in %s days: not within "
                                     "the %u-day warning window."),
                                 name, expires, left, days);
      add_cert_finding (findings, rule, context, cert, CWA_STATUS_PASS, message);
    }
}

const CwaRule cwa_rule_cert_expiring_soon = {
  "cert.expiring-soon", CWA_LEVEL_WARNING, CWA_SCOPE_CERTIFICATE, "PKIX",
  N_ ("The certificate does not expire within the warning window (default 30 days, a setting)."),
  check_expiring_soon,
};

static void
check_chain_trusted (const CwaRule  *rule,
                     CwaRuleContext *context,
                     gpointer        subject,
                     GPtrArray      *findings)
{
  CwaCertificate *cert = subject;
  const gchar *name = cwa_rule_certificate_name (cert);
  const CwaChainResult *chain = cwa_rule_context_get_chain (context, cert);
  g_autofree gchar *message = NULL;
  CwaCertificate *last = NULL;

  if (chain != NULL && chain->chain != NULL && chain->chain->len > 0)
    last = g_ptr_array_index (chain->chain, chain->chain->len - 1);

  if (chain != NULL && chain->trusted)
    {
      message = g_strdup_printf (R_ ("The certificate %s chains to the trusted root %s%s."),
                                 name,
                                 last != NULL ? cwa_rule_certificate_subject (last) : R_ ("(unknown)"),
                                 chain->public_root ? R_ (" (a public root)")
                                                    : R_ (" (loaded into the plan)"));
      add_cert_finding (findings, rule, context, cert, CWA_STATUS_PASS, message);
    }
  else if (chain != NULL && chain->problem != NULL && chain->problem[0] != '\0')
    {
      /* Each of cwa_trust_verify()'s problems says what to do already. */
      message = g_strdup_printf (R_ ("The certificate %s does not chain to a trusted root: %s%s"),
                                 name, chain->problem, g_str_has_suffix (chain->problem, ".") ? "" : ".");
      add_cert_finding (findings, rule, context, cert, CWA_STATUS_FAIL, message);
    }
  else
    {
      message = g_strdup_printf (R_ ("The certificate %s does not chain to a trusted root: no path of "
                                     "valid signatures leads to a trusted root. Load its issuing CA and "
                                     "root certificates into the plan, or use a certificate from a "
                                     "trusted CA."),
                                 name);
      add_cert_finding (findings, rule, context, cert, CWA_STATUS_FAIL, message);
    }
}

const CwaRule cwa_rule_cert_chain_trusted = {
  "cert.chain-trusted", CWA_LEVEL_WARNING, CWA_SCOPE_CERTIFICATE, "PKIX",
  N_ ("The certificate chains to a trusted root: the system's public roots or a CA certificate loaded into the plan."),
  check_chain_trusted,
};

static void
check_weak_key (const CwaRule  *rule,
                CwaRuleContext *context,
                gpointer        subject,
                GPtrArray      *findings)
{
  CwaCertificate *cert = subject;
  const gchar *name = cwa_rule_certificate_name (cert);
  const gchar *algorithm = cwa_certificate_get_key_algorithm (cert);
  guint bits = cwa_certificate_get_key_bits (cert);
  g_autofree gchar *message = NULL;
  guint minimum = 0;

  if (cwa_certificate_is_rsa (cert))
    minimum = 2048;
  else if (cwa_certificate_is_ecdsa (cert))
    minimum = 256;
  else if (algorithm != NULL && g_str_has_prefix (algorithm, "DSA"))
    minimum = 2048;

  if (algorithm == NULL)
    algorithm = R_ ("unknown");

  if (minimum > 0 && bits < minimum)
    {
      message = g_strdup_printf (R_ ("The certificate %s has a %u-bit %s key; %s keys need at "
                                     "least %u bits."), name, bits, algorithm, algorithm, minimum);
      add_cert_finding (findings, rule, context, cert, CWA_STATUS_FAIL, message);
    }
  else
    {
      message = g_strdup_printf (R_ ("The certificate %s has a %u-bit %s key."), name, bits, algorithm);
      add_cert_finding (findings, rule, context, cert, CWA_STATUS_PASS, message);
    }
}

const CwaRule cwa_rule_cert_weak_key = {
  "cert.weak-key", CWA_LEVEL_WARNING, CWA_SCOPE_CERTIFICATE, "PKIX",
  N_ ("RSA keys are at least 2048 bits (ECDSA at least 256)."),
  check_weak_key,
};

static void
check_weak_signature (const CwaRule  *rule,
                      CwaRuleContext *context,
                      gpointer        subject,
                      GPtrArray      *findings)
{
  CwaCertificate *cert = subject;
  const gchar *name = cwa_rule_certificate_name (cert);
  const gchar *algorithm = cwa_certificate_get_signature_algorithm (cert);
  g_autofree gchar *message = NULL;

  if (algorithm == NULL)
    algorithm = R_ ("unknown");

  if (cwa_certificate_has_weak_signature (cert))
    {
      message = g_strdup_printf (R_ ("The certificate %s is signed with %s, a weak algorithm; "
                                     "have it reissued with SHA-256 or stronger."), name, algorithm);
      add_cert_finding (findings, rule, context, cert, CWA_STATUS_FAIL, message);
    }
  else
    {
      message = g_strdup_printf (R_ ("The certificate %s is signed with %s."), name, algorithm);
      add_cert_finding (findings, rule, context, cert, CWA_STATUS_PASS, message);
    }
}

const CwaRule cwa_rule_cert_weak_signature = {
  "cert.weak-signature", CWA_LEVEL_WARNING, CWA_SCOPE_CERTIFICATE, "PKIX",
  N_ ("The signature algorithm is not MD5 or SHA-1."),
  check_weak_signature,
};

/* "it has the critical extension 1.2.3" or "the CA certificate “CN=…” has
 * the critical extensions 1.2.3, 4.5.6", appended to @text. */
static void
append_unknown_critical (GString        *text,
                         CwaCertificate *certificate,
                         gboolean        is_subject)
{
  const gchar * const *oids = cwa_certificate_get_unknown_critical_extensions (certificate);
  g_autofree gchar *list = NULL;

  if (oids[0] == NULL)
    return;

  if (text->len > 0)
    g_string_append (text, "; ");
  list = g_strjoinv (", ", (gchar **) oids);
  if (is_subject)
    g_string_append_printf (text, RN_ ("it has the critical extension %s",
                                       "it has the critical extensions %s",
                                       g_strv_length ((gchar **) oids)),
                            list);
  else
    g_string_append_printf (text, RN_ ("the CA certificate “%s” of its chain has the critical "
                                       "extension %s",
                                       "the CA certificate “%s” of its chain has the critical "
                                       "extensions %s",
                                       g_strv_length ((gchar **) oids)),
                            cwa_rule_certificate_subject (certificate), list);
}

/* The certificate and the CA certificates of its chain, the trust anchor
 * aside (RFC 5280 path validation does not process an anchor's
 * extensions). */
static void
check_no_unknown_critical_extension (const CwaRule  *rule,
                                     CwaRuleContext *context,
                                     gpointer        subject,
                                     GPtrArray      *findings)
{
  CwaCertificate *cert = subject;
  const gchar *name = cwa_rule_certificate_name (cert);
  const CwaChainResult *chain = cwa_rule_context_get_chain (context, cert);
  g_autoptr(GString) unknown = g_string_new (NULL);
  g_autofree gchar *message = NULL;
  guint n = 0;

  append_unknown_critical (unknown, cert, TRUE);
  if (chain != NULL && chain->chain != NULL)
    n = chain->trusted ? chain->chain->len - 1 : chain->chain->len;
  for (guint i = 1; i < n; i++)
    append_unknown_critical (unknown, g_ptr_array_index (chain->chain, i), FALSE);

  if (unknown->len > 0)
    {
      message = g_strdup_printf (R_ ("The certificate %s will be rejected: %s, which RFC 5280 does "
                                     "not define. Windows and browsers refuse a certificate whose "
                                     "chain has a critical extension they do not recognise; have "
                                     "the certificate reissued without it."), name, unknown->str);
      add_cert_finding (findings, rule, context, cert, CWA_STATUS_FAIL, message);
    }
  else
    {
      message = g_strdup_printf (R_ ("Neither the certificate %s nor a CA certificate of its chain "
                                     "has a critical extension that RFC 5280 does not define."), name);
      add_cert_finding (findings, rule, context, cert, CWA_STATUS_PASS, message);
    }
}

const CwaRule cwa_rule_cert_no_unknown_critical_extension = {
  "cert.no-unknown-critical-extension", CWA_LEVEL_ERROR, CWA_SCOPE_CERTIFICATE, "PKIX",
  N_ ("Neither the certificate nor a CA certificate of its chain (the trust anchor aside) has a critical extension other than those RFC 5280 sections 4.2.1 and 4.2.2 define (2.5.29.9, .14, .15, .17, .18, .19, .30, .31, .32, .33, .35, .36, .37, .46, .54; 1.3.6.1.5.5.7.1.1 and .11): RFC 5280 says a system MUST reject a certificate with a critical extension it does not recognise, and Windows and browsers do. The message names the certificate and the extension's OID."),
  check_no_unknown_critical_extension,
};

static void
append_wildcards (GString             *text,
                  const gchar * const *names)
{
  if (names == NULL)
    return;

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (strchr (names[i], '*') == NULL)
        continue;
      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, names[i]);
    }
}

static void
check_no_wildcard (const CwaRule  *rule,
                   CwaRuleContext *context,
                   gpointer        subject,
                   GPtrArray      *findings)
{
  CwaCertificate *cert = subject;
  const gchar *name = cwa_rule_certificate_name (cert);
  g_autoptr(GString) wildcards = g_string_new (NULL);
  g_autofree gchar *message = NULL;

  append_wildcards (wildcards, cwa_certificate_get_subject_cns (cert));
  append_wildcards (wildcards, cwa_certificate_get_dns_names (cert));

  if (wildcards->len > 0)
    {
      message = g_strdup_printf (strchr (wildcards->str, ',') != NULL
                                 ? R_ ("The certificate %s carries the wildcard names %s; CWA 2007 R2 "
                                       "needs each name listed explicitly.")
                                 : R_ ("The certificate %s carries the wildcard name %s; CWA 2007 R2 "
                                       "needs each name listed explicitly."),
                                 name, wildcards->str);
      add_cert_finding (findings, rule, context, cert, CWA_STATUS_FAIL, message);
    }
  else
    {
      message = g_strdup_printf (R_ ("The certificate %s carries no wildcard names."), name);
      add_cert_finding (findings, rule, context, cert, CWA_STATUS_PASS, message);
    }
}

const CwaRule cwa_rule_cert_no_wildcard = {
  "cert.no-wildcard", CWA_LEVEL_WARNING, CWA_SCOPE_CERTIFICATE, "CWA-CERTS",
  N_ ("The certificate carries no wildcard names; CWA 2007 R2 needs each name listed explicitly."),
  check_no_wildcard,
};

/* cwa-rule-context.h: what every rule check sees: the plan, the check time, trust and cached chains. */
#pragma once

#include <gio/gio.h>

#include "cwa-deployment-index.h"
#include "cwa-finding.h"
#include "cwa-plan.h"
#include "cwa-trust.h"
#include "rules/cwa-rules.h"

G_BEGIN_DECLS

struct _CwaRuleContext
{
  CwaPlan    *plan;
  /* The check time, Unix seconds UTC: the only clock a rule may read. */
  gint64      now;
  /* The cert.expiring-soon window, already resolved (setting or override). */
  guint       expiry_warning_days;
  /* Never NULL: an empty store when the caller gave none. */
  CwaTrust   *trust;
  /* Entries and chain certificates: what chains are built from. */
  GPtrArray  *pool;
  /* SHA-256 -> CwaChainResult; may be shared with (owned by) the checklist
   * so chains survive between runs while the pool stays the same. */
  GHashTable *chains;
  /* SHA-256 -> the certificate-scope findings made for it, with what they
   * were made from (cwa-certificate-findings.h): shared like @chains, so a run
   * over an unchanged certificate reuses them. */
  GHashTable *certificate_findings;
  /* Made on first use by cwa_rule_context_get_index(). */
  CwaDeploymentIndex *index;
  /* While the certificate-scope rules run: where that certificate is first
   * seen in plan order, which is where the runner checks it.  The virtual
   * server only when that first role is its SSL certificate.  Borrowed. */
  CwaServer        *certificate_server;
  CwaVirtualServer *certificate_virtual_server;
  /* Whether the findings' messages are translated (cwa-rule-text.h):
   * English unless the caller sets it after cwa_rule_context_new(). */
  gboolean          translated;
  /* The findings of the other subjects, kept between runs like
   * @certificate_findings (cwa-subject-findings.h); NULL (the default)
   * keeps nothing.  A caller that sets it gives a reference. */
  GHashTable       *subject_findings;
};

/* @trust may be NULL (no public root); @chains may be NULL (a private cache)
 * and must otherwise map SHA-256 strings to CwaChainResult;
 * @certificate_findings may be NULL (a private cache) and must otherwise
 * come from cwa_certificate_findings_new_cache(). */
CwaRuleContext       *cwa_rule_context_new        (CwaPlan        *plan,
                                                   CwaTrust       *trust,
                                                   gint64          now,
                                                   guint           expiry_warning_days,
                                                   GHashTable     *chains,
                                                   GHashTable     *certificate_findings);
void                  cwa_rule_context_free       (CwaRuleContext *context);
/* A table suitable for @chains above. */
GHashTable           *cwa_rule_context_new_chain_cache (void);

const CwaChainResult *cwa_rule_context_get_chain  (CwaRuleContext *context,
                                                   CwaCertificate *certificate);
/* The plan's deployment indexed by host, made on first use in the run
 * (the plan does not change during a run that is carried to its end). */
CwaDeploymentIndex   *cwa_rule_context_get_index  (CwaRuleContext *context);

/* Same certificate: same SHA-256.  Either may be NULL (then FALSE). */
gboolean              cwa_rule_certificate_same   (CwaCertificate *a,
                                                   CwaCertificate *b);
/* The virtual server's SSL certificate is its computer's MTLS certificate. */
gboolean              cwa_rule_vs_is_shared       (CwaVirtualServer *virtual_server);
/* The server's MTLS certificate is the SSL certificate of one of its virtual servers. */
gboolean              cwa_rule_server_mtls_is_ssl (CwaServer      *server);
/* DNS SANs as written, then the subject CN if any: what coverage looks in. */
GStrv                 cwa_rule_certificate_dup_all_names (CwaCertificate *certificate);
/* A NULL-terminated empty vector when the certificate has no DNS SAN. */
const gchar * const  *cwa_rule_certificate_get_dns_names (CwaCertificate *certificate);
/* The entry of @names that would match @host under RFC 6125 if CWA accepted
 * wildcards, or NULL. */
const gchar          *cwa_rule_find_wildcard_match (const gchar * const *names,
                                                    const gchar         *host);

/* Names in messages and reports: the host as written, lower case, without
 * its trailing dot. */
gchar                *cwa_rule_dup_vs_name        (CwaVirtualServer *virtual_server);
gchar                *cwa_rule_dup_server_name    (CwaServer        *server);
/* "YYYY-MM-DDTHH:MM:SSZ" for Unix seconds (UTC); the number itself when
 * GDateTime cannot hold it. */
gchar                *cwa_rule_dup_time           (gint64            unix_utc);
/* A load balancer's or reverse proxy's FQDN, or any host as written, the
 * same way. */
gchar                *cwa_rule_dup_display_host   (const gchar      *host);
/* The plan id, else the display name. */
const gchar          *cwa_rule_certificate_name   (CwaCertificate   *certificate);
/* The subject (RFC 4514) as a message prints it; for an empty subject the
 * certificate's name (cwa_rule_certificate_name()), so that no message
 * prints nothing between two spaces.  Owned by @certificate. */
const gchar          *cwa_rule_certificate_subject (CwaCertificate  *certificate);

/* Appends a finding with a printf-style message. */
void                  cwa_rule_add_finding        (GPtrArray           *findings,
                                                   const CwaRule       *rule,
                                                   CwaStatus            status,
                                                   CwaServer           *server,
                                                   CwaVirtualServer    *virtual_server,
                                                   CwaCertificate      *certificate,
                                                   const gchar         *expected,
                                                   const gchar * const *found,
                                                   const gchar         *format,
                                                   ...) G_GNUC_PRINTF (9, 10);

/* The SAN comparison shared by ssl.san-* and shared.san-has-server-fqdn:
 * @whose starts the sentence ("The SSL certificate of im.contoso.com"). */
void                  cwa_rule_add_san_finding    (GPtrArray        *findings,
                                                   const CwaRule    *rule,
                                                   CwaServer        *server,
                                                   CwaVirtualServer *virtual_server,
                                                   CwaCertificate   *certificate,
                                                   const gchar      *required,
                                                   const gchar      *whose);
/* external.public-ca and rp.listener-public-ca: whether @certificate
 * chains to a public root; @whose starts the sentence ("The SSL
 * certificate of the external virtual server im.contoso.com"). */
void                  cwa_rule_add_public_ca_finding (GPtrArray        *findings,
                                                      const CwaRule    *rule,
                                                      CwaRuleContext   *context,
                                                      CwaServer        *server,
                                                      CwaVirtualServer *virtual_server,
                                                      CwaCertificate   *certificate,
                                                      const gchar      *whose);
/* The subject-name comparison of ssl.subject-matches-url and
 * mtls.subject-is-server-fqdn (the last CN of the subject). */
void                  cwa_rule_add_subject_finding (GPtrArray        *findings,
                                                    const CwaRule    *rule,
                                                    CwaServer        *server,
                                                    CwaVirtualServer *virtual_server,
                                                    CwaCertificate   *certificate,
                                                    const gchar      *required,
                                                    const gchar      *whose);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwaRuleContext, cwa_rule_context_free)

G_END_DECLS

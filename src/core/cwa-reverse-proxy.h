/* cwa-reverse-proxy.h: a reverse proxy in the perimeter network and its publishing rules (rules.md, CWA-RP). */
#pragma once

#include <gio/gio.h>

#include "cwa-certificate.h"
#include "cwa-publishing-rule.h"

G_BEGIN_DECLS

#define CWA_TYPE_REVERSE_PROXY (cwa_reverse_proxy_get_type ())

G_DECLARE_FINAL_TYPE (CwaReverseProxy, cwa_reverse_proxy, CWA, REVERSE_PROXY, GObject)

/* Properties: "fqdn" (as written), "product" (free text or NULL), and
 * read-only "host" (the FQDN normalised), "trusted-certificates" and
 * "publishing-rules" (GListModels whose items-changed tell of additions and
 * removals).  Every property notifies only when its value really changes. */
CwaReverseProxy *cwa_reverse_proxy_new                        (const gchar       *fqdn);

const gchar     *cwa_reverse_proxy_get_fqdn                   (CwaReverseProxy   *self);
void             cwa_reverse_proxy_set_fqdn                   (CwaReverseProxy   *self,
                                                               const gchar       *fqdn);
/* Normalised: lower case, no trailing dot, punycode. */
const gchar     *cwa_reverse_proxy_get_host                   (CwaReverseProxy   *self);
/* TRUE when @self's FQDN is @host (cwa_name_equal()), as when a proxy is
 * named as the host a rule of it publishes: then whatever names that rule
 * with its proxy names the host once, "on the reverse proxy of that name"
 * (the DNS records, `names` and the reports).  FALSE when @host is NULL. */
gboolean         cwa_reverse_proxy_is_named_as                (CwaReverseProxy   *self,
                                                               const gchar       *host);
/* TRUE when @rule is on a reverse proxy named as the host @rule publishes
 * (cwa_reverse_proxy_is_named_as()); FALSE for a rule on no proxy. */
gboolean         cwa_reverse_proxy_publishes_own_name         (CwaPublishingRule *rule);

/* "ISA Server 2006" or NULL.  An empty string means NULL. */
const gchar     *cwa_reverse_proxy_get_product                (CwaReverseProxy   *self);
void             cwa_reverse_proxy_set_product                (CwaReverseProxy   *self,
                                                               const gchar       *product);

/* The CA certificates in the proxy's trusted root store: a GListModel of
 * CwaCertificate (plan entries), in plan order. */
GListModel      *cwa_reverse_proxy_get_trusted_certificates   (CwaReverseProxy   *self);
/* Appends @certificate unless the same certificate (same SHA-256) is
 * already listed; returns whether it was added. */
gboolean         cwa_reverse_proxy_add_trusted_certificate    (CwaReverseProxy   *self,
                                                               CwaCertificate    *certificate);
/* Removes the same certificate (same SHA-256); returns whether it was
 * listed. */
gboolean         cwa_reverse_proxy_remove_trusted_certificate (CwaReverseProxy   *self,
                                                               CwaCertificate    *certificate);

/* A GListModel of CwaPublishingRule, in plan order. */
GListModel      *cwa_reverse_proxy_get_publishing_rules       (CwaReverseProxy   *self);
void             cwa_reverse_proxy_add_publishing_rule        (CwaReverseProxy   *self,
                                                               CwaPublishingRule *rule);
void             cwa_reverse_proxy_insert_publishing_rule     (CwaReverseProxy   *self,
                                                               guint              position,
                                                               CwaPublishingRule *rule);
void             cwa_reverse_proxy_remove_publishing_rule     (CwaReverseProxy   *self,
                                                               CwaPublishingRule *rule);
/* The publishing rule whose published host equals @host (rules.md, "Name
 * matching"), or NULL.  Borrowed. */
CwaPublishingRule *cwa_reverse_proxy_find_publishing_rule     (CwaReverseProxy   *self,
                                                               const gchar       *host);

G_END_DECLS

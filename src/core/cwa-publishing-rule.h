/* cwa-publishing-rule.h: one web publishing rule of a reverse proxy: a virtual server under a published URL (rules.md, CWA-RP). */
#pragma once

#include <gio/gio.h>

#include "cwa-certificate.h"

G_BEGIN_DECLS

#define CWA_TYPE_PUBLISHING_RULE (cwa_publishing_rule_get_type ())

G_DECLARE_FINAL_TYPE (CwaPublishingRule, cwa_publishing_rule, CWA, PUBLISHING_RULE, GObject)

typedef struct _CwaReverseProxy CwaReverseProxy;

/* @published_url must be valid (cwa_url_parse()), like a virtual server's
 * URL.  @virtual_server is the URL host of the published virtual server (for
 * an array, the array FQDN): a name, not an object, so a rule may name a
 * virtual server that is not in the plan yet (rules.md, rp.publishes-known-vs).
 *
 * Properties: "published-url", "listen", "listener-certificate",
 * "virtual-server", "internal-host", "internal-address", "as-url",
 * "download-url" (the optional ones NULL while not given), and read-only
 * "published-host", "is-https", "port", "reverse-proxy".  Every property
 * notifies only when its value really changes. */
CwaPublishingRule *cwa_publishing_rule_new                      (const gchar       *published_url,
                                                                 const gchar       *virtual_server);

const gchar       *cwa_publishing_rule_get_published_url        (CwaPublishingRule *self);
void               cwa_publishing_rule_set_published_url        (CwaPublishingRule *self,
                                                                 const gchar       *published_url);
/* The published URL's host, normalised (lower case, no trailing dot,
 * punycode). */
const gchar       *cwa_publishing_rule_get_published_host       (CwaPublishingRule *self);
gboolean           cwa_publishing_rule_is_https                 (CwaPublishingRule *self);
/* The published URL's port (explicit, or 443/80). */
guint              cwa_publishing_rule_get_port                 (CwaPublishingRule *self);

/* The listener's "address:port" as written, or NULL for the default. */
const gchar       *cwa_publishing_rule_get_listen               (CwaPublishingRule *self);
void               cwa_publishing_rule_set_listen               (CwaPublishingRule *self,
                                                                 const gchar       *listen);
/* "*:443" for an https published URL, "*:80" for http, unless set. */
gchar             *cwa_publishing_rule_dup_effective_listen     (CwaPublishingRule *self);

CwaCertificate    *cwa_publishing_rule_get_listener_certificate (CwaPublishingRule *self);
void               cwa_publishing_rule_set_listener_certificate (CwaPublishingRule *self,
                                                                 CwaCertificate    *certificate);

/* As written. */
const gchar       *cwa_publishing_rule_get_virtual_server       (CwaPublishingRule *self);
void               cwa_publishing_rule_set_virtual_server       (CwaPublishingRule *self,
                                                                 const gchar       *virtual_server);
/* "virtual-server" normalised (lenient: cwa_name_normalize_lenient()). */
const gchar       *cwa_publishing_rule_get_virtual_server_host  (CwaPublishingRule *self);

/* As written, or NULL for the default (the virtual server's host). */
const gchar       *cwa_publishing_rule_get_internal_host        (CwaPublishingRule *self);
void               cwa_publishing_rule_set_internal_host        (CwaPublishingRule *self,
                                                                 const gchar       *internal_host);
/* The internal host the proxy forwards to, normalised (lenient): the
 * internal host when given, else the virtual server's host.  An IP address
 * stays an address (IPv6 lower-cased, without brackets). */
const gchar       *cwa_publishing_rule_get_effective_internal_host (CwaPublishingRule *self);
/* TRUE when the effective internal host is an IPv4 or IPv6 address. */
gboolean           cwa_publishing_rule_internal_host_is_address (CwaPublishingRule *self);

/* The IP address the proxy connects to, or NULL. */
const gchar       *cwa_publishing_rule_get_internal_address     (CwaPublishingRule *self);
void               cwa_publishing_rule_set_internal_address     (CwaPublishingRule *self,
                                                                 const gchar       *internal_address);

/* Overrides as written, or NULL. */
const gchar       *cwa_publishing_rule_get_as_url               (CwaPublishingRule *self);
void               cwa_publishing_rule_set_as_url               (CwaPublishingRule *self,
                                                                 const gchar       *as_url);
const gchar       *cwa_publishing_rule_get_download_url         (CwaPublishingRule *self);
void               cwa_publishing_rule_set_download_url         (CwaPublishingRule *self,
                                                                 const gchar       *download_url);
/* The published asURL and downloadURL hosts: the override's host, or
 * "as.<published host>" and "download.<published host>", normalised. */
gchar             *cwa_publishing_rule_dup_as_host              (CwaPublishingRule *self);
gchar             *cwa_publishing_rule_dup_download_host        (CwaPublishingRule *self);

/* The reverse proxy holding it (weak), or NULL while not added to one. */
CwaReverseProxy   *cwa_publishing_rule_get_reverse_proxy        (CwaPublishingRule *self);

G_END_DECLS

/* cwa-virtual-server.h: one IIS virtual server of CWA (a site with a URL and an SSL certificate). */
#pragma once

#include <gio/gio.h>

#include "cwa-certificate.h"
#include "cwa-enums.h"

G_BEGIN_DECLS

#define CWA_TYPE_VIRTUAL_SERVER (cwa_virtual_server_get_type ())

G_DECLARE_FINAL_TYPE (CwaVirtualServer, cwa_virtual_server, CWA, VIRTUAL_SERVER, GObject)

typedef struct _CwaServer CwaServer;

/* @url must be valid (cwa_url_parse()); callers validate user input first so
 * that the model only ever holds values the rules can read.  Properties:
 * "url", "audience", "listen", "as-url", "download-url" (the last three
 * NULL for "derived default"), "ssl-certificate", and read-only "host",
 * "is-https", "server". */
CwaVirtualServer *cwa_virtual_server_new                (const gchar      *url,
                                                         CwaAudience       audience);

const gchar      *cwa_virtual_server_get_url            (CwaVirtualServer *self);
void              cwa_virtual_server_set_url            (CwaVirtualServer *self,
                                                         const gchar      *url);
/* The URL's host, normalised: lower case, no trailing dot, punycode. */
const gchar      *cwa_virtual_server_get_host           (CwaVirtualServer *self);
gboolean          cwa_virtual_server_is_https           (CwaVirtualServer *self);
guint             cwa_virtual_server_get_port           (CwaVirtualServer *self);

CwaAudience       cwa_virtual_server_get_audience       (CwaVirtualServer *self);
void              cwa_virtual_server_set_audience       (CwaVirtualServer *self,
                                                         CwaAudience       audience);

/* As written in the plan, or NULL for the default. */
const gchar      *cwa_virtual_server_get_listen         (CwaVirtualServer *self);
void              cwa_virtual_server_set_listen         (CwaVirtualServer *self,
                                                         const gchar      *listen);
/* "*:443" for https, "*:80" for http unless set. */
gchar            *cwa_virtual_server_dup_effective_listen (CwaVirtualServer *self);

/* Overrides as written, or NULL. */
const gchar      *cwa_virtual_server_get_as_url         (CwaVirtualServer *self);
void              cwa_virtual_server_set_as_url         (CwaVirtualServer *self,
                                                         const gchar      *as_url);
const gchar      *cwa_virtual_server_get_download_url   (CwaVirtualServer *self);
void              cwa_virtual_server_set_download_url   (CwaVirtualServer *self,
                                                         const gchar      *download_url);
/* The host names the rules use: the override's host, or "as.<host>" and
 * "download.<host>", normalised. */
gchar            *cwa_virtual_server_dup_as_host        (CwaVirtualServer *self);
gchar            *cwa_virtual_server_dup_download_host  (CwaVirtualServer *self);

CwaCertificate   *cwa_virtual_server_get_ssl_certificate (CwaVirtualServer *self);
void              cwa_virtual_server_set_ssl_certificate (CwaVirtualServer *self,
                                                          CwaCertificate   *certificate);

/* The computer hosting it (weak), or NULL while not added to one. */
CwaServer        *cwa_virtual_server_get_server         (CwaVirtualServer *self);

G_END_DECLS

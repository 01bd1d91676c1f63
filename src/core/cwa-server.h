/* cwa-server.h: one CWA server computer, its MTLS certificate and its virtual servers. */
#pragma once

#include <gio/gio.h>

#include "cwa-certificate.h"
#include "cwa-virtual-server.h"

G_BEGIN_DECLS

#define CWA_TYPE_SERVER (cwa_server_get_type ())

G_DECLARE_FINAL_TYPE (CwaServer, cwa_server, CWA, SERVER, GObject)

/* Properties: "fqdn" (as written), "mtls-certificate", "virtual-servers". */
CwaServer      *cwa_server_new                     (const gchar      *fqdn);

const gchar    *cwa_server_get_fqdn                (CwaServer        *self);
void            cwa_server_set_fqdn                (CwaServer        *self,
                                                    const gchar      *fqdn);
/* Normalised: lower case, no trailing dot, punycode. */
const gchar    *cwa_server_get_host                (CwaServer        *self);

CwaCertificate *cwa_server_get_mtls_certificate    (CwaServer        *self);
void            cwa_server_set_mtls_certificate    (CwaServer        *self,
                                                    CwaCertificate   *certificate);

/* A GListModel of CwaVirtualServer, in plan order. */
GListModel     *cwa_server_get_virtual_servers     (CwaServer        *self);
void            cwa_server_add_virtual_server      (CwaServer        *self,
                                                    CwaVirtualServer *virtual_server);
void            cwa_server_insert_virtual_server   (CwaServer        *self,
                                                    guint             position,
                                                    CwaVirtualServer *virtual_server);
void            cwa_server_remove_virtual_server   (CwaServer        *self,
                                                    CwaVirtualServer *virtual_server);

G_END_DECLS

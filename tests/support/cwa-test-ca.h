/* cwa-test-ca.h: the Contoso test CAs of the live-check tests, the site certificates they issue, and TLS servers serving them on loopback. */
#pragma once

#include "cwa-test-cert.h"
#include "cwa-test-tls-server.h"

G_BEGIN_DECLS

typedef struct _CwaTestCa CwaTestCa;

/* "CN=Contoso Test Root,O=Contoso" (RSA 3072) and, issued by it,
 * "CN=Contoso Issuing CA,O=Contoso" (EC P-256); both valid 2025-01-01 to
 * 2035-01-01.  Free with cwa_test_ca_free(). */
CwaTestCa        *cwa_test_ca_new            (void);
/* Borrowed from @ca. */
CwaTestIssuer    *cwa_test_ca_get_root       (CwaTestCa   *ca);
CwaTestIssuer    *cwa_test_ca_get_issuing    (CwaTestCa   *ca);
/* The DER of a CWA site's certificate for @host from the issuing CA:
 * subject "CN=@host,O=Contoso", SAN @host, as.@host and download.@host
 * except @without (NULL: all three), key RSA 2048, valid from
 * cwa_test_cert_spec_init()'s start until @not_after (Unix seconds; 0:
 * cwa_test_cert_spec_init()'s end), serial @serial.  Owned by the caller. */
GBytes           *cwa_test_ca_build_site_der (CwaTestCa   *ca,
                                              const gchar *host,
                                              const gchar *without,
                                              gint64       not_after,
                                              guint64      serial);
/* A CWA_TEST_SERVER_TLS server on @address:@port (see
 * cwa_test_tls_server_new()) serving @leaf (DER, made with the RSA 2048
 * key, as cwa_test_ca_build_site_der()'s are) and, with @with_issuing, the
 * issuing CA after it.  Free with cwa_test_tls_server_free(). */
CwaTestTlsServer *cwa_test_ca_serve          (CwaTestCa   *ca,
                                              const gchar *address,
                                              guint        port,
                                              GBytes      *leaf,
                                              gboolean     with_issuing);
void              cwa_test_ca_free           (CwaTestCa   *ca);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwaTestCa, cwa_test_ca_free)

G_END_DECLS

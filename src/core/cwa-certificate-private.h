/* cwa-certificate-private.h: what the loader and the trust code share with CwaCertificate. */
#pragma once

#include <gnutls/x509.h>

#include "cwa-certificate.h"

G_BEGIN_DECLS

/* Takes ownership of @crt (already imported) and @der. */
CwaCertificate     *_cwa_certificate_new_take           (gnutls_x509_crt_t  crt,
                                                         GBytes            *der,
                                                         const gchar       *source,
                                                         guint              index,
                                                         GError           **error);
/* Borrowed; valid for the certificate's lifetime. */
gnutls_x509_crt_t   _cwa_certificate_get_crt            (CwaCertificate    *self);
/* Whether the parsed GnuTLS certificate is held now: only after
 * _cwa_certificate_get_crt(), so that thousands of loaded certificates
 * keep their DER and facts only.  For the tests of what a load keeps. */
gboolean            _cwa_certificate_holds_crt          (CwaCertificate    *self);
/* Whether @issuer's key made the signature of @crt (only the signature:
 * expiry, weak algorithms and CA flags are other rules' business). */
gboolean            _cwa_certificate_crt_signed_by      (gnutls_x509_crt_t  crt,
                                                         gnutls_x509_crt_t  issuer);
/* The SHA-1 identifier of the certificate's public key (as
 * gnutls_x509_crt_get_key_id gives it), read at construction: matching keys
 * found beside it needs no parsed certificate.  Returns NULL when it could
 * not be computed; *size is set to its length. */
const guchar       *_cwa_certificate_get_key_id         (CwaCertificate    *self,
                                                         gsize             *size);
void                _cwa_certificate_set_had_private_key (CwaCertificate   *self,
                                                          gboolean          had_key);

G_END_DECLS

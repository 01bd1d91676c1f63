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
void                _cwa_certificate_set_had_private_key (CwaCertificate   *self,
                                                          gboolean          had_key);

G_END_DECLS

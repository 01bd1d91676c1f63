/* cwa-pkcs7-ber.h: the certificates of a PKCS#7 SignedData in BER, which GnuTLS does not read, and the bags of a PKCS#12 file counted. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The DER certificates of the SignedData in @data, in order (element type
 * GBytes, slices of a copy of @data), or NULL when @data is not a
 * SignedData ContentInfo this can read.  Reads what OpenSSL reads and
 * GnuTLS 3.7 refuses ("ASN1 parser: Error in TAG"): indefinite lengths
 * (as `openssl cms -stream` and Java write them) and empty SETs. */
GPtrArray *_cwa_pkcs7_ber_certificates (const guchar *data,
                                        gsize         size);

/* The number of ContentInfos ("bags") in the AuthenticatedSafe of the
 * PKCS#12 PFX in @data (DER or BER: the content may be a constructed
 * OCTET STRING), or -1 when @data is not a PFX this can read.  Counted
 * before GnuTLS is asked for any bag: it decodes the whole AuthenticatedSafe
 * again for each one, which takes time growing faster than the square of
 * their number. */
gint       _cwa_pkcs12_ber_count_bags  (const guchar *data,
                                        gsize         size);

G_END_DECLS

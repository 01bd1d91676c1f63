/* cwa-request.h: certificate requests for one required-names entry: certreq INF, OpenSSL config, PKCS#10. */
#pragma once

#include <gio/gio.h>

#include "cwa-requirement.h"

G_BEGIN_DECLS

#define CWA_REQUEST_ERROR (cwa_request_error_quark ())

typedef enum
{
  /* A required name is not a host name a CA would sign. */
  CWA_REQUEST_ERROR_INVALID_NAME,
  /* The key file exists already: a key is never overwritten. */
  CWA_REQUEST_ERROR_KEY_EXISTS,
  CWA_REQUEST_ERROR_IO,
  CWA_REQUEST_ERROR_CRYPTO,
  /* The key's path is a folder, not a file. */
  CWA_REQUEST_ERROR_KEY_IS_FOLDER,
} CwaRequestError;

typedef enum
{
  CWA_REQUEST_FORMAT_INF,
  CWA_REQUEST_FORMAT_OPENSSL,
  CWA_REQUEST_FORMAT_CSR,
} CwaRequestFormat;

#define CWA_REQUEST_KEY_BITS 2048

GQuark   cwa_request_error_quark        (void);

/* "inf", "openssl", "csr". */
gboolean cwa_request_format_from_string (const gchar         *text,
                                         CwaRequestFormat    *format);

/* The names a request for @requirement carries: the subject first, then the
 * SAN names not equal to it (cwa_requirement_dup_all_names()).  Every one of
 * them goes into the subjectAltName extension, the subject also into CN, and
 * nothing else.  A SAN name that is an IP address (a publishing rule's
 * internal host, rules.md "Required names") becomes an IP address entry,
 * every other name a DNS name entry.  A name that is neither a host name
 * nor an address (or a subject that is no host name) fails with
 * CWA_REQUEST_ERROR_INVALID_NAME.  Each returns a newly allocated text. */

/* A Windows certreq.exe INF (run `certreq -new F.inf F.req` where the key
 * must live: the CWA server, one array member, the reverse proxy; the
 * comment at the top says which, and what to do with the certificate). */
gchar   *cwa_request_dup_inf            (CwaRequirement      *requirement,
                                         GError             **error);
/* An OpenSSL `req` configuration (`openssl req -new -config F -key K`). */
gchar   *cwa_request_dup_openssl_config (CwaRequirement      *requirement,
                                         GError             **error);
/* Makes a new RSA 2048 key, writes it (PKCS#8 PEM) to @key_path, created
 * with mode 0600 and never over an existing file (CWA_REQUEST_ERROR_KEY_EXISTS,
 * or CWA_REQUEST_ERROR_KEY_IS_FOLDER when @key_path is a folder), and
 * returns the PEM PKCS#10 request signed with it.  On error no key file is left behind
 * (unless it existed before, which is then untouched). */
gchar   *cwa_request_create_csr         (CwaRequirement      *requirement,
                                         const gchar         *key_path,
                                         GError             **error);

G_END_DECLS

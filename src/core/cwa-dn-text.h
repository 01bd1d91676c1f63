/* cwa-dn-text.h: distinguished-name values GnuTLS can only print as #hex, decoded as text. */
#pragma once

#include <glib.h>
#include <gnutls/x509.h>

G_BEGIN_DECLS

/* The values of @dn that GnuTLS prints as "\#hex" but that are text: a
 * T61String (read as ISO 8859-1, as OpenSSL shows it) or a UniversalString
 * (UTF-32BE).  Returns NULL when there is none, else an array of
 * CwaDnText (owned; free with g_ptr_array_unref). */
typedef struct
{
  gchar *printed;   /* "\#…" as GnuTLS writes the value */
  gchar *text;      /* the value as UTF-8, unescaped */
} CwaDnText;

GPtrArray *_cwa_dn_text_collect   (gnutls_x509_dn_t dn);

/* @dn (an RFC 4514 string from gnutls_x509_crt_get_dn3) with every value of
 * @texts replaced by its text, escaped as RFC 4514 section 2.4 asks.
 * Returns a new string; @texts may be NULL. */
gchar     *_cwa_dn_text_apply_dn    (const gchar *dn,
                                     GPtrArray   *texts);

/* @value (one attribute value from gnutls_x509_crt_get_dn_by_oid) as text
 * when it is one of @texts, else a copy of @value. */
gchar     *_cwa_dn_text_apply_value (const gchar *value,
                                     GPtrArray   *texts);

/* @text escaped as an RFC 4514 attribute value (new string). */
gchar     *_cwa_dn_text_escape      (const gchar *text);

G_END_DECLS

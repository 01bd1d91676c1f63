/* cwa-certificate.h: one parsed X.509 certificate; immutable facts read once from its DER. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CWA_TYPE_CERTIFICATE (cwa_certificate_get_type ())

G_DECLARE_FINAL_TYPE (CwaCertificate, cwa_certificate, CWA, CERTIFICATE, GObject)

typedef enum
{
  CWA_SAN_DNS,
  CWA_SAN_IP,
  CWA_SAN_EMAIL,
  CWA_SAN_URI,
  CWA_SAN_OTHER,     /* otherName, directoryName, registeredID...: shown as such */
} CwaSanType;

typedef struct
{
  CwaSanType type;
  gchar     *value;  /* as written (IP addresses in text form) */
} CwaSanEntry;

/* Key usage bits, named as RFC 5280 names them. */
typedef enum
{
  CWA_KEY_USAGE_DIGITAL_SIGNATURE = 1 << 0,
  CWA_KEY_USAGE_NON_REPUDIATION   = 1 << 1,
  CWA_KEY_USAGE_KEY_ENCIPHERMENT  = 1 << 2,
  CWA_KEY_USAGE_DATA_ENCIPHERMENT = 1 << 3,
  CWA_KEY_USAGE_KEY_AGREEMENT     = 1 << 4,
  CWA_KEY_USAGE_KEY_CERT_SIGN     = 1 << 5,
  CWA_KEY_USAGE_CRL_SIGN          = 1 << 6,
  CWA_KEY_USAGE_ENCIPHER_ONLY     = 1 << 7,
  CWA_KEY_USAGE_DECIPHER_ONLY     = 1 << 8,
} CwaKeyUsage;

#define CWA_EKU_SERVER_AUTH "1.3.6.1.5.5.7.3.1"

/* Parses one DER certificate.  @source is the file it came from (display
 * only, may be NULL) and @index its position in that file.  Returns a new
 * certificate, or NULL with a CWA_LOAD_ERROR_CORRUPT @error naming both,
 * English unless the calling thread set cwa_rule_text_set_translated(). */
CwaCertificate     *cwa_certificate_new_from_der        (GBytes         *der,
                                                         const gchar    *source,
                                                         guint           index,
                                                         GError        **error);

/* The plan's name for this certificate (the `id` of its plan entry).  The one
 * mutable property: everything else is a fact of the DER. */
const gchar        *cwa_certificate_get_id              (CwaCertificate *self);
void                cwa_certificate_set_id              (CwaCertificate *self,
                                                         const gchar    *id);

GBytes             *cwa_certificate_get_der             (CwaCertificate *self);
gchar              *cwa_certificate_dup_pem             (CwaCertificate *self);
const gchar        *cwa_certificate_get_source          (CwaCertificate *self);
guint               cwa_certificate_get_source_index    (CwaCertificate *self);

/* RFC 4514, as gnutls_x509_crt_get_dn3() prints it. */
const gchar        *cwa_certificate_get_subject         (CwaCertificate *self);
const gchar        *cwa_certificate_get_issuer          (CwaCertificate *self);
/* The last CN of the encoded subject (the most specific), or NULL. */
const gchar        *cwa_certificate_get_subject_cn      (CwaCertificate *self);
/* All subject CNs in encoded order (NULL-terminated, possibly empty). */
const gchar * const *cwa_certificate_get_subject_cns    (CwaCertificate *self);
const gchar        *cwa_certificate_get_issuer_cn       (CwaCertificate *self);
/* A short name for lists: subject CN, else the first DNS SAN, else the DN. */
const gchar        *cwa_certificate_get_display_name    (CwaCertificate *self);

/* Every SAN entry in certificate order (element type CwaSanEntry). */
GPtrArray          *cwa_certificate_get_san_entries     (CwaCertificate *self);
/* The dNSName entries only, as written, NULL-terminated. */
const gchar * const *cwa_certificate_get_dns_names      (CwaCertificate *self);
/* The dNSName entries normalised (cwa_names_dup_normalized()), and those
 * followed by the subject CN normalised: what cwa_names_match_normalized()
 * takes for the SAN list, and for the names coverage looks in.  Made once
 * on first use and kept (a certificate never changes); NULL-terminated,
 * never NULL, borrowed for the certificate's lifetime. */
const gchar * const *cwa_certificate_get_normalized_dns_names (CwaCertificate *self);
const gchar * const *cwa_certificate_get_normalized_names     (CwaCertificate *self);
/* Every SAN entry as "value" for DNS and "IP:value", "email:value"... for
 * the others; what reports list as "san". */
const gchar * const *cwa_certificate_get_san_strings    (CwaCertificate *self);
gboolean            cwa_certificate_has_wildcard        (CwaCertificate *self);

/* Seconds since the Unix epoch, UTC. */
gint64              cwa_certificate_get_not_before      (CwaCertificate *self);
gint64              cwa_certificate_get_not_after       (CwaCertificate *self);

/* Upper-case hex pairs joined by colons. */
const gchar        *cwa_certificate_get_serial          (CwaCertificate *self);
/* Whether the serial's encoding is a negative INTEGER (RFC 5280 forbids it;
 * get_serial() still gives its bytes). */
gboolean            cwa_certificate_is_serial_negative  (CwaCertificate *self);
const gchar        *cwa_certificate_get_sha256          (CwaCertificate *self);
const gchar        *cwa_certificate_get_sha1            (CwaCertificate *self);

/* "RSA", "ECDSA", "EdDSA (Ed25519)", "DSA"... and the key size in bits. */
const gchar        *cwa_certificate_get_key_algorithm   (CwaCertificate *self);
guint               cwa_certificate_get_key_bits        (CwaCertificate *self);
gboolean            cwa_certificate_is_rsa              (CwaCertificate *self);
gboolean            cwa_certificate_is_ecdsa            (CwaCertificate *self);
/* An RSA key restricted to RSASSA-PSS (RFC 4055): it may only sign. */
gboolean            cwa_certificate_is_rsa_pss          (CwaCertificate *self);
/* "RSA-SHA256", "ECDSA-SHA384", "RSA-MD5"... as GnuTLS names it. */
const gchar        *cwa_certificate_get_signature_algorithm (CwaCertificate *self);
/* TRUE for MD2, MD5 and SHA-1 signatures. */
gboolean            cwa_certificate_has_weak_signature  (CwaCertificate *self);
guint               cwa_certificate_get_version         (CwaCertificate *self);

gboolean            cwa_certificate_has_key_usage       (CwaCertificate *self);
CwaKeyUsage         cwa_certificate_get_key_usage       (CwaCertificate *self);
/* "digitalSignature", "keyEncipherment"... in bit order, NULL-terminated. */
const gchar * const *cwa_certificate_get_key_usage_names (CwaCertificate *self);
gboolean            cwa_certificate_has_eku             (CwaCertificate *self);
const gchar * const *cwa_certificate_get_eku_oids       (CwaCertificate *self);
gboolean            cwa_certificate_has_eku_oid         (CwaCertificate *self,
                                                         const gchar    *oid);
gboolean            cwa_certificate_has_basic_constraints (CwaCertificate *self);
/* basicConstraints CA:TRUE, or self-signed without basicConstraints (an
 * X.509 v1 root). */
gboolean            cwa_certificate_is_ca               (CwaCertificate *self);
/* -1 when unlimited or absent. */
gint                cwa_certificate_get_path_len        (CwaCertificate *self);
gboolean            cwa_certificate_is_self_issued      (CwaCertificate *self);
/* The OIDs of the certificate's critical extensions that RFC 5280 sections
 * 4.2.1 and 4.2.2 do not define, in encoded order (owned by the
 * certificate, NULL-terminated, empty when none). */
const gchar * const *cwa_certificate_get_unknown_critical_extensions (CwaCertificate *self);

/* Whether the file it came from also held its private key.  The key itself
 * is never kept: this is the only trace of it. */
gboolean            cwa_certificate_had_private_key     (CwaCertificate *self);

gboolean            cwa_certificate_equal               (CwaCertificate *a,
                                                         CwaCertificate *b);

G_END_DECLS

/* cwa-test-cert.h: certificates built in memory for the tests, with fixed dates and fixed keys. */
#pragma once

#include <gnutls/gnutls.h>

#include "cwa-certificate.h"

G_BEGIN_DECLS

typedef enum
{
  CWA_TEST_KEY_RSA2048,
  CWA_TEST_KEY_RSA3072,
  CWA_TEST_KEY_RSA1024,
  CWA_TEST_KEY_EC256,
  CWA_TEST_KEY_EC384,
  CWA_TEST_KEY_EC224,
  CWA_TEST_KEY_EC521,
  CWA_TEST_KEY_RSA_PSS2048,   /* an RSASSA-PSS (RFC 4055) key: may only sign */
} CwaTestKey;

/* The fixed "now" every test passes to the rules: 2026-11-24T12:00:00Z. */
#define CWA_TEST_NOW_UNIX G_GINT64_CONSTANT (1795521600)

/* A description of one certificate.  Start from cwa_test_cert_spec_init(),
 * which gives a valid CWA certificate: v3, RSA 2048 signed with SHA-256,
 * valid 2026-01-01 to 2028-01-01, EKU serverAuth, key usage
 * digitalSignature + keyEncipherment, no SAN, self-signed. */
typedef struct
{
  const gchar        *subject;        /* RFC 4514, e.g. "CN=im.contoso.com,O=Contoso" */
  const gchar * const *dns_names;     /* SAN dNSName entries, NULL for no SAN extension */
  const gchar * const *ip_addresses;  /* SAN iPAddress entries in text form */
  gint64              not_before;     /* Unix seconds */
  gint64              not_after;
  CwaTestKey          key;
  gnutls_digest_algorithm_t digest;   /* GNUTLS_DIG_SHA256, GNUTLS_DIG_SHA1... */
  guint               version;        /* 1 or 3; a v1 certificate has no extensions */
  gboolean            has_key_usage;
  guint               key_usage;      /* GNUTLS_KEY_* bits */
  gboolean            has_eku;
  const gchar * const *eku_oids;
  gboolean            is_ca;          /* basic constraints CA:TRUE, key usage certSign */
  guint64             serial;         /* 0: derived; a top bit set encodes a negative serial */
  /* One more subject attribute with a raw DER value (tag, length, bytes):
   * string types the DN syntax cannot ask for, such as a T61String. */
  const gchar        *raw_attribute_oid;
  GBytes             *raw_attribute_value;
  /* An extra critical extension with this OID (value: an ASN.1 NULL). */
  const gchar        *critical_extension_oid;
  /* Issuer: NULL for self-signed; else the CA built before with its key. */
  struct _CwaTestIssuer *issuer;
} CwaTestCertSpec;

typedef struct _CwaTestIssuer CwaTestIssuer;

void            cwa_test_cert_spec_init  (CwaTestCertSpec       *spec,
                                          const gchar           *subject);
/* The certificate, parsed by cwa_certificate_new_from_der(); aborts the test
 * on any failure. */
CwaCertificate *cwa_test_cert_build      (const CwaTestCertSpec *spec);
/* The DER bytes, for loader and plan tests that write files. */
GBytes         *cwa_test_cert_build_der  (const CwaTestCertSpec *spec);
gchar          *cwa_test_cert_build_pem  (const CwaTestCertSpec *spec);
/* A CWA site certificate: subject CN=@host,O=@organisation, subject
 * alternative names @host, as.@host and download.@host, issued by @issuer
 * with @serial.  Full reference; aborts the test on any failure. */
CwaCertificate *cwa_test_cert_build_site (CwaTestIssuer         *issuer,
                                          const gchar           *host,
                                          const gchar           *organisation,
                                          guint                  serial);

/* A CA that can issue certificates (spec->issuer).  The CA's own
 * certificate is cwa_test_issuer_get_certificate(). */
CwaTestIssuer  *cwa_test_issuer_new      (const CwaTestCertSpec *ca_spec);
CwaCertificate *cwa_test_issuer_get_certificate (CwaTestIssuer *issuer);
GBytes         *cwa_test_issuer_get_der  (CwaTestIssuer         *issuer);
void            cwa_test_issuer_free     (CwaTestIssuer         *issuer);

/* Path of the PEM file of @key in tests/data/keys: what a test server
 * serving a certificate made with @key loads. */
gchar          *cwa_test_key_dup_path    (CwaTestKey             key);

/* Path of a file in tests/data (source tree). */
gchar          *cwa_test_data_path       (const gchar           *first_element,
                                          ...) G_GNUC_NULL_TERMINATED;
/* A GDateTime for CWA_TEST_NOW_UNIX. */
GDateTime      *cwa_test_now             (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwaTestIssuer, cwa_test_issuer_free)

G_END_DECLS

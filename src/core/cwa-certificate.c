/* cwa-certificate.c: one parsed X.509 certificate; every fact is read once, at construction. */
#include "config.h"

#include <string.h>

#include <gnutls/gnutls.h>
#include <gnutls/crypto.h>
#include <gnutls/x509.h>
#include <gnutls/x509-ext.h>

#include "cwa-certificate-private.h"
#include "cwa-dn-text.h"
#include "cwa-load-error.h"
#include "cwa-names.h"
#include "cwa-rule-text.h"

/* Only the signature counts here: expiry and weak algorithms have their
 * own rules, and CA flags of a link are the issuer's business. */
#define SIGNATURE_ONLY_FLAGS (GNUTLS_VERIFY_DISABLE_CA_SIGN | \
                              GNUTLS_VERIFY_DISABLE_TIME_CHECKS | \
                              GNUTLS_VERIFY_DISABLE_TRUSTED_TIME_CHECKS | \
                              GNUTLS_VERIFY_ALLOW_SIGN_WITH_SHA1 | \
                              GNUTLS_VERIFY_ALLOW_SIGN_RSA_MD5 | \
                              GNUTLS_VERIFY_ALLOW_SIGN_RSA_MD2 | \
                              GNUTLS_VERIFY_ALLOW_BROKEN | \
                              GNUTLS_VERIFY_ALLOW_ANY_X509_V1_CA_CRT | \
                              GNUTLS_VERIFY_DO_NOT_ALLOW_SAME)

struct _CwaCertificate
{
  GObject            parent_instance;

  /* Only while the facts are read, and again on demand for the trust code:
   * a parsed GnuTLS certificate costs tens of kilobytes, and a bundle of
   * thousands of certificates must not keep them all. */
  gnutls_x509_crt_t  crt;
  GBytes            *der;
  gchar             *id;
  gchar             *source;
  guint              source_index;

  gchar             *subject;
  gchar             *issuer;
  gchar            **subject_cns;
  gchar             *issuer_cn;
  const gchar       *display_name;  /* points into one of the other strings */

  GPtrArray         *san_entries;
  /* Borrowed pointers into san_entries: only the array is owned. */
  const gchar      **dns_names;
  gchar            **san_strings;
  gboolean           has_wildcard;
  /* Made on first use (the names of thousands of imported certificates
   * are never compared), once: a certificate never changes. */
  gchar            **normalized_dns_names;
  gchar            **normalized_names;

  gint64             not_before;
  gint64             not_after;

  gchar             *serial;
  gboolean           serial_negative;
  guchar             key_id[20];
  gboolean           has_key_id;
  gchar            **unknown_critical;  /* OIDs of critical extensions RFC 5280 does not define */
  gchar             *sha256;
  gchar             *sha1;

  gchar             *key_algorithm;
  guint              key_bits;
  gnutls_pk_algorithm_t pk;
  gchar             *signature_algorithm;
  gboolean           weak_signature;
  guint              version;

  gboolean           has_key_usage;
  CwaKeyUsage        key_usage;
  const gchar       *key_usage_names[10];  /* static strings, NULL-terminated */
  gboolean           has_eku;
  gchar            **eku_oids;
  gboolean           has_basic_constraints;
  gboolean           is_ca;
  gint               path_len;
  gboolean           self_issued;

  gboolean           had_private_key;
};

G_DEFINE_FINAL_TYPE (CwaCertificate, cwa_certificate, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const gchar * const empty_strv[] = { NULL };

static void
san_entry_free (gpointer data)
{
  CwaSanEntry *entry = data;

  g_free (entry->value);
  g_free (entry);
}

static void
cwa_certificate_finalize (GObject *object)
{
  CwaCertificate *self = (CwaCertificate *)object;

  if (self->crt != NULL)
    gnutls_x509_crt_deinit (self->crt);
  g_clear_pointer (&self->der, g_bytes_unref);
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->subject, g_free);
  g_clear_pointer (&self->issuer, g_free);
  g_clear_pointer (&self->subject_cns, g_strfreev);
  g_clear_pointer (&self->issuer_cn, g_free);
  g_clear_pointer (&self->san_entries, g_ptr_array_unref);
  g_clear_pointer (&self->dns_names, g_free);
  g_clear_pointer (&self->san_strings, g_strfreev);
  g_clear_pointer (&self->normalized_dns_names, g_strfreev);
  g_clear_pointer (&self->normalized_names, g_strfreev);
  g_clear_pointer (&self->serial, g_free);
  g_clear_pointer (&self->sha256, g_free);
  g_clear_pointer (&self->sha1, g_free);
  g_clear_pointer (&self->key_algorithm, g_free);
  g_clear_pointer (&self->signature_algorithm, g_free);
  g_clear_pointer (&self->eku_oids, g_strfreev);
  g_clear_pointer (&self->unknown_critical, g_strfreev);

  G_OBJECT_CLASS (cwa_certificate_parent_class)->finalize (object);
}

static void
cwa_certificate_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CwaCertificate *self = CWA_CERTIFICATE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cwa_certificate_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CwaCertificate *self = CWA_CERTIFICATE (object);

  switch (prop_id)
    {
    case PROP_ID:
      cwa_certificate_set_id (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cwa_certificate_class_init (CwaCertificateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cwa_certificate_finalize;
  object_class->get_property = cwa_certificate_get_property;
  object_class->set_property = cwa_certificate_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cwa_certificate_init (CwaCertificate *self)
{
  self->path_len = -1;
}

/* Text from a certificate is shown, written to JSON and compared; a
 * malformed certificate must not smuggle invalid UTF-8 into any of that. */
static gchar *
dup_utf8 (const gchar *data,
          gssize       len)
{
  if (len < 0)
    len = strlen (data);
  if (g_utf8_validate_len (data, len, NULL))
    return g_strndup (data, len);
  return g_utf8_make_valid (data, len);
}

static gchar *
hex_colon (const guchar *data,
           gsize         len)
{
  static const gchar digits[] = "0123456789ABCDEF";
  gchar *str;
  gchar *p;

  if (len == 0)
    return g_strdup ("");

  str = p = g_malloc (len * 3);
  for (gsize i = 0; i < len; i++)
    {
      if (i > 0)
        *p++ = ':';
      *p++ = digits[data[i] >> 4];
      *p++ = digits[data[i] & 0xf];
    }
  *p = '\0';

  return str;
}

static gchar *
steal_datum_string (gnutls_datum_t *datum)
{
  gchar *str = dup_utf8 ((const gchar *) datum->data, datum->size);

  gnutls_free (datum->data);
  datum->data = NULL;

  return str;
}

/* Reads every value of @oid in a DN, in encoded order. */
static gchar **
read_dn_values (gnutls_x509_crt_t crt,
                gboolean          issuer,
                const gchar      *oid,
                GPtrArray        *texts)
{
  GPtrArray *values = NULL;

  /* A DN with hundreds of attributes is an attack, not a certificate. */
  for (guint indx = 0; indx < 256; indx++)
    {
      gchar buf[256];
      gsize size = sizeof buf;
      int ret;

      if (issuer)
        ret = gnutls_x509_crt_get_issuer_dn_by_oid (crt, oid, indx, 0, buf, &size);
      else
        ret = gnutls_x509_crt_get_dn_by_oid (crt, oid, indx, 0, buf, &size);

      if (ret == GNUTLS_E_SHORT_MEMORY_BUFFER)
        {
          g_autofree gchar *big = g_malloc (size + 1);

          if (issuer)
            ret = gnutls_x509_crt_get_issuer_dn_by_oid (crt, oid, indx, 0, big, &size);
          else
            ret = gnutls_x509_crt_get_dn_by_oid (crt, oid, indx, 0, big, &size);
          if (ret >= 0)
            {
              g_autofree gchar *value = dup_utf8 (big, size);

              if (values == NULL)
                values = g_ptr_array_new ();
              g_ptr_array_add (values, _cwa_dn_text_apply_value (value, texts));
              continue;
            }
        }

      if (ret == GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE)
        break;
      /* One undecodable value must not hide the ones after it. */
      if (ret < 0)
        continue;

      {
        g_autofree gchar *value = dup_utf8 (buf, size);

        if (values == NULL)
          values = g_ptr_array_new ();
        g_ptr_array_add (values, _cwa_dn_text_apply_value (value, texts));
      }
    }

  if (values == NULL)
    return NULL;

  g_ptr_array_add (values, NULL);
  return (gchar **) g_ptr_array_free (values, FALSE);
}

/* Just enough DER walking to reach the validity of a certificate. */
static gboolean
der_next (const guchar **p,
          const guchar  *end,
          guint         *tag,
          const guchar **content,
          gsize         *len)
{
  const guchar *q = *p;
  gsize l;

  if (end - q < 2)
    return FALSE;
  *tag = *q++;
  l = *q++;
  if (l & 0x80)
    {
      guint n = l & 0x7f;

      if (n == 0 || n > 4 || (gsize) (end - q) < n)
        return FALSE;
      l = 0;
      while (n-- > 0)
        l = (l << 8) | *q++;
    }
  if ((gsize) (end - q) < l)
    return FALSE;

  *content = q;
  *len = l;
  *p = q + l;
  return TRUE;
}

static gint64
days_from_civil (gint64 y,
                 guint  m,
                 guint  d)
{
  gint64 era;
  guint yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = (guint) (y - era * 400);
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + (gint64) doe - 719468;
}

static gboolean
parse_digits (const guchar *s,
              guint         n,
              guint        *out)
{
  guint v = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (s[i]))
        return FALSE;
      v = v * 10 + (s[i] - '0');
    }
  *out = v;
  return TRUE;
}

static gboolean
parse_asn1_time (guint         tag,
                 const guchar *s,
                 gsize         len,
                 gint64       *out)
{
  guint year, mon, day, hour, min, sec;

  if (tag == 0x17 && len == 13 && s[12] == 'Z')  /* UTCTime YYMMDDHHMMSSZ */
    {
      if (!parse_digits (s, 2, &year))
        return FALSE;
      year += year < 50 ? 2000 : 1900;
      s += 2;
    }
  else if (tag == 0x18 && len >= 15 && s[len - 1] == 'Z' &&
           (len == 15 || (s[14] == '.' && len > 16)))  /* GeneralizedTime */
    {
      /* Fractions of a second (forbidden by RFC 5280, read by OpenSSL)
       * are dropped. */
      for (gsize i = 15; i < len - 1; i++)
        if (!g_ascii_isdigit (s[i]))
          return FALSE;
      if (!parse_digits (s, 4, &year))
        return FALSE;
      s += 4;
    }
  else
    return FALSE;

  if (!parse_digits (s, 2, &mon) || !parse_digits (s + 2, 2, &day) ||
      !parse_digits (s + 4, 2, &hour) || !parse_digits (s + 6, 2, &min) ||
      !parse_digits (s + 8, 2, &sec))
    return FALSE;
  if (mon < 1 || mon > 12 || day < 1 || day > 31 || hour > 23 || min > 59 || sec > 60)
    return FALSE;

  *out = days_from_civil (year, mon, day) * 86400 + hour * 3600 + min * 60 + sec;
  return TRUE;
}

static gboolean
read_validity_from_der (GBytes *der,
                        gint64 *not_before,
                        gint64 *not_after)
{
  gsize size;
  const guchar *data = g_bytes_get_data (der, &size);
  const guchar *p = data, *end = data + size;
  const guchar *content;
  gsize len;
  guint tag;

  /* Certificate ::= SEQUENCE { tbsCertificate SEQUENCE { ... } ... } */
  if (!der_next (&p, end, &tag, &content, &len) || tag != 0x30)
    return FALSE;
  p = content;
  end = content + len;
  if (!der_next (&p, end, &tag, &content, &len) || tag != 0x30)
    return FALSE;
  p = content;
  end = content + len;

  /* [0] version (optional), serialNumber, signature, issuer, validity */
  if (!der_next (&p, end, &tag, &content, &len))
    return FALSE;
  if (tag == 0xa0 && !der_next (&p, end, &tag, &content, &len))
    return FALSE;
  if (!der_next (&p, end, &tag, &content, &len) ||   /* signature */
      !der_next (&p, end, &tag, &content, &len) ||   /* issuer */
      !der_next (&p, end, &tag, &content, &len) || tag != 0x30)
    return FALSE;

  p = content;
  end = content + len;
  if (!der_next (&p, end, &tag, &content, &len) ||
      !parse_asn1_time (tag, content, len, not_before))
    return FALSE;
  if (!der_next (&p, end, &tag, &content, &len) ||
      !parse_asn1_time (tag, content, len, not_after))
    return FALSE;

  return TRUE;
}

static const gchar *
key_usage_name (guint bit)
{
  static const gchar * const names[] = {
    "digitalSignature", "nonRepudiation", "keyEncipherment", "dataEncipherment",
    "keyAgreement", "keyCertSign", "cRLSign", "encipherOnly", "decipherOnly",
  };

  return names[bit];
}

static CwaKeyUsage
key_usage_from_gnutls (unsigned int ku)
{
  static const struct { unsigned int gnutls; CwaKeyUsage cwa; } map[] = {
    { GNUTLS_KEY_DIGITAL_SIGNATURE, CWA_KEY_USAGE_DIGITAL_SIGNATURE },
    { GNUTLS_KEY_NON_REPUDIATION, CWA_KEY_USAGE_NON_REPUDIATION },
    { GNUTLS_KEY_KEY_ENCIPHERMENT, CWA_KEY_USAGE_KEY_ENCIPHERMENT },
    { GNUTLS_KEY_DATA_ENCIPHERMENT, CWA_KEY_USAGE_DATA_ENCIPHERMENT },
    { GNUTLS_KEY_KEY_AGREEMENT, CWA_KEY_USAGE_KEY_AGREEMENT },
    { GNUTLS_KEY_KEY_CERT_SIGN, CWA_KEY_USAGE_KEY_CERT_SIGN },
    { GNUTLS_KEY_CRL_SIGN, CWA_KEY_USAGE_CRL_SIGN },
    { GNUTLS_KEY_ENCIPHER_ONLY, CWA_KEY_USAGE_ENCIPHER_ONLY },
    { GNUTLS_KEY_DECIPHER_ONLY, CWA_KEY_USAGE_DECIPHER_ONLY },
  };
  CwaKeyUsage usage = 0;

  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    if (ku & map[i].gnutls)
      usage |= map[i].cwa;

  return usage;
}

static gchar *
format_ip (const guchar *data,
           gsize         size)
{
  g_autoptr(GInetAddress) address = NULL;

  if (size == 4)
    address = g_inet_address_new_from_bytes (data, G_SOCKET_FAMILY_IPV4);
  else if (size == 16)
    address = g_inet_address_new_from_bytes (data, G_SOCKET_FAMILY_IPV6);
  else
    {
      /* Name constraints use address+mask; anything else is malformed. */
      g_autofree gchar *hex = hex_colon (data, size);
      return g_strdup_printf ("<invalid %" G_GSIZE_FORMAT " bytes: %s>", size, hex);
    }

  return g_inet_address_to_string (address);
}

static void
add_san_entry (CwaCertificate *self,
               GPtrArray      *strings,
               CwaSanType      type,
               gchar          *value)
{
  CwaSanEntry *entry = g_new (CwaSanEntry, 1);

  entry->type = type;
  entry->value = value;
  g_ptr_array_add (self->san_entries, entry);

  switch (type)
    {
    case CWA_SAN_DNS:
      g_ptr_array_add (strings, g_strdup (value));
      if (strchr (value, '*') != NULL)
        self->has_wildcard = TRUE;
      break;

    case CWA_SAN_IP:
      g_ptr_array_add (strings, g_strconcat ("IP:", value, NULL));
      break;

    case CWA_SAN_EMAIL:
      g_ptr_array_add (strings, g_strconcat ("email:", value, NULL));
      break;

    case CWA_SAN_URI:
      g_ptr_array_add (strings, g_strconcat ("URI:", value, NULL));
      break;

    case CWA_SAN_OTHER:
    default:
      g_ptr_array_add (strings, g_strdup (value));
      break;
    }
}

static gchar *
othername (CwaCertificate *self,
           guint           seq)
{
  gchar oid[128];
  size_t oid_size = sizeof oid;

  if (gnutls_x509_crt_get_subject_alt_othername_oid (self->crt, seq, oid, &oid_size) < 0)
    return g_strdup ("othername:unknown");

  return g_strconcat ("othername:", oid, NULL);
}

/* GnuTLS parses the SAN once at import and keeps it; the crt getters read
 * that cache, which is why this does not decode the extension again. */
static void
read_san (CwaCertificate *self)
{
  g_autoptr(GPtrArray) strings = g_ptr_array_new ();
  guint n_dns = 0;

  for (guint seq = 0; seq < 4096; seq++)
    {
      gchar buf[512];
      g_autofree gchar *big = NULL;
      gchar *v = buf;
      size_t size = sizeof buf;
      unsigned int type = 0;
      int ret;

      ret = gnutls_x509_crt_get_subject_alt_name2 (self->crt, seq, buf, &size, &type, NULL);
      if (ret == GNUTLS_E_SHORT_MEMORY_BUFFER)
        {
          v = big = g_malloc (size + 1);
          ret = gnutls_x509_crt_get_subject_alt_name2 (self->crt, seq, big, &size, &type, NULL);
        }
      if (ret == GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE)
        break;
      /* A present but unparseable entry (or extension) is skipped: the
       * certificate then names less, which is what a client would see. */
      if (ret < 0)
        continue;

      switch (type)
        {
        case GNUTLS_SAN_DNSNAME:
          add_san_entry (self, strings, CWA_SAN_DNS, dup_utf8 (v, size));
          n_dns++;
          break;

        case GNUTLS_SAN_IPADDRESS:
          add_san_entry (self, strings, CWA_SAN_IP, format_ip ((const guchar *) v, size));
          break;

        case GNUTLS_SAN_RFC822NAME:
          add_san_entry (self, strings, CWA_SAN_EMAIL, dup_utf8 (v, size));
          break;

        case GNUTLS_SAN_URI:
          add_san_entry (self, strings, CWA_SAN_URI, dup_utf8 (v, size));
          break;

        case GNUTLS_SAN_DN:
          {
            /* GnuTLS hands the directory name out as RFC 4514 text. */
            g_autofree gchar *dn = dup_utf8 (v, size);
            add_san_entry (self, strings, CWA_SAN_OTHER, g_strconcat ("DirName:", dn, NULL));
          }
          break;

        case GNUTLS_SAN_REGISTERED_ID:
          {
            g_autofree gchar *rid = dup_utf8 (v, size);
            add_san_entry (self, strings, CWA_SAN_OTHER, g_strconcat ("RID:", rid, NULL));
          }
          break;

        default:  /* otherName, decoded by GnuTLS for XMPP, Kerberos and UPN */
          add_san_entry (self, strings, CWA_SAN_OTHER, othername (self, seq));
          break;
        }
    }

  g_ptr_array_add (strings, NULL);
  self->san_strings = (gchar **) g_ptr_array_steal (strings, NULL);

  self->dns_names = g_new (const gchar *, n_dns + 1);
  n_dns = 0;
  for (guint i = 0; i < self->san_entries->len; i++)
    {
      CwaSanEntry *entry = g_ptr_array_index (self->san_entries, i);

      if (entry->type == CWA_SAN_DNS)
        self->dns_names[n_dns++] = entry->value;
    }
  self->dns_names[n_dns] = NULL;
}

static void
read_key_usage (CwaCertificate       *self,
                const gnutls_datum_t *ext)
{
  unsigned int ku = 0;
  guint n = 0;

  self->has_key_usage = TRUE;
  if (ext->size == 0 || gnutls_x509_ext_import_key_usage (ext, &ku) < 0)
    return;

  self->key_usage = key_usage_from_gnutls (ku);
  for (guint bit = 0; bit < 9; bit++)
    if (self->key_usage & (1u << bit))
      self->key_usage_names[n++] = key_usage_name (bit);
  self->key_usage_names[n] = NULL;
}

static void
read_eku (CwaCertificate       *self,
          const gnutls_datum_t *ext)
{
  g_autoptr(GPtrArray) oids = g_ptr_array_new ();
  gnutls_x509_key_purposes_t purposes = NULL;

  self->has_eku = TRUE;
  if (ext->size > 0 && gnutls_x509_key_purpose_init (&purposes) >= 0)
    {
      if (gnutls_x509_ext_import_key_purposes (ext, purposes, 0) >= 0)
        {
          for (guint i = 0; ; i++)
            {
              gnutls_datum_t oid = { NULL, 0 };

              if (gnutls_x509_key_purpose_get (purposes, i, &oid) < 0)
                break;
              g_ptr_array_add (oids, dup_utf8 ((const gchar *) oid.data, oid.size));
            }
        }
      gnutls_x509_key_purpose_deinit (purposes);
    }

  g_ptr_array_add (oids, NULL);
  self->eku_oids = (gchar **) g_ptr_array_steal (oids, NULL);
}

static void
read_basic_constraints (CwaCertificate       *self,
                        const gnutls_datum_t *ext)
{
  unsigned int ca = 0;
  int path_len = -1;

  self->has_basic_constraints = TRUE;
  if (ext->size == 0 || gnutls_x509_ext_import_basic_constraints (ext, &ca, &path_len) < 0)
    return;

  self->is_ca = ca != 0;
  /* GnuTLS reports an absent pathLenConstraint as -1 already. */
  self->path_len = self->is_ca && path_len >= 0 ? path_len : -1;
}

/* The extensions RFC 5280 sections 4.2.1 and 4.2.2 define: a critical
 * extension outside this list must make a relying party reject the
 * certificate (rule cert.no-unknown-critical-extension). */
static const gchar * const pkix_extensions[] = {
  "2.5.29.9", "2.5.29.14", "2.5.29.15", "2.5.29.17", "2.5.29.18", "2.5.29.19",
  "2.5.29.30", "2.5.29.31", "2.5.29.32", "2.5.29.33", "2.5.29.35", "2.5.29.36",
  "2.5.29.37", "2.5.29.46", "2.5.29.54", "1.3.6.1.5.5.7.1.1", "1.3.6.1.5.5.7.1.11",
  NULL
};

typedef void (*ExtensionReader) (CwaCertificate *, const gnutls_datum_t *);

/* Like OpenSSL, the first occurrence of a duplicated extension wins. */
static ExtensionReader
extension_reader (CwaCertificate *self,
                  const gchar    *oid)
{
  if (!self->has_key_usage && strcmp (oid, "2.5.29.15") == 0)
    return read_key_usage;
  if (!self->has_eku && strcmp (oid, "2.5.29.37") == 0)
    return read_eku;
  if (!self->has_basic_constraints && strcmp (oid, "2.5.29.19") == 0)
    return read_basic_constraints;
  return NULL;
}

/* The OID of extension @i, whatever its length; NULL past the last one. */
static gchar *
extension_oid (gnutls_x509_crt_t crt,
               guint             i,
               gboolean         *critical,
               gboolean         *end)
{
  gchar oid[128];
  size_t oid_size = sizeof oid;
  unsigned int crit = 0;
  int ret;

  *end = FALSE;
  ret = gnutls_x509_crt_get_extension_info (crt, i, oid, &oid_size, &crit);
  if (ret == GNUTLS_E_SHORT_MEMORY_BUFFER && oid_size < 4096)
    {
      g_autofree gchar *big = g_malloc (oid_size + 1);

      ret = gnutls_x509_crt_get_extension_info (crt, i, big, &oid_size, &crit);
      *critical = crit != 0;
      return ret >= 0 ? dup_utf8 (big, -1) : NULL;
    }
  *end = ret == GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE;
  *critical = crit != 0;
  return ret >= 0 ? dup_utf8 (oid, -1) : NULL;
}

/* One pass over the extensions: presence is recorded even when the content
 * cannot be decoded, so "has key usage" stays true for a broken one. */
static void
read_extensions (CwaCertificate *self)
{
  g_autoptr(GPtrArray) unknown = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < 1024; i++)
    {
      g_autofree gchar *oid = NULL;
      gnutls_datum_t data = { NULL, 0 };
      ExtensionReader reader;
      gboolean critical = FALSE, end = FALSE;

      oid = extension_oid (self->crt, i, &critical, &end);
      if (end)
        break;
      if (oid == NULL)
        continue;

      if (critical && !g_strv_contains (pkix_extensions, oid))
        g_ptr_array_add (unknown, g_strdup (oid));

      reader = extension_reader (self, oid);
      if (reader == NULL)
        continue;

      if (gnutls_x509_crt_get_extension_data2 (self->crt, i, &data) < 0)
        {
          data.data = NULL;
          data.size = 0;
        }
      reader (self, &data);
      gnutls_free (data.data);
    }

  if (self->eku_oids == NULL)
    self->eku_oids = g_new0 (gchar *, 1);
  g_ptr_array_add (unknown, NULL);
  self->unknown_critical = (gchar **) g_ptr_array_steal (unknown, NULL);
}

/* The size OpenSSL reports for an elliptic curve key: the bit length of
 * the curve's order (P-521 is 521, though its coordinates take 66 bytes,
 * which is where GnuTLS's 528 comes from). */
static guint
ecc_key_bits (gnutls_x509_crt_t crt,
              guint             fallback)
{
  gnutls_ecc_curve_t curve = GNUTLS_ECC_CURVE_INVALID;
  gnutls_datum_t x = { NULL, 0 }, y = { NULL, 0 };

  if (gnutls_x509_crt_get_pk_ecc_raw (crt, &curve, &x, &y) < 0)
    return fallback;
  gnutls_free (x.data);
  gnutls_free (y.data);

  switch (curve)
    {
    case GNUTLS_ECC_CURVE_SECP192R1:
      return 192;
    case GNUTLS_ECC_CURVE_SECP224R1:
      return 224;
    case GNUTLS_ECC_CURVE_SECP256R1:
      return 256;
    case GNUTLS_ECC_CURVE_SECP384R1:
      return 384;
    case GNUTLS_ECC_CURVE_SECP521R1:
      return 521;
    default:
      return fallback;
    }
}

static void
read_key (CwaCertificate *self)
{
  unsigned int bits = 0;
  int pk;

  pk = gnutls_x509_crt_get_pk_algorithm (self->crt, &bits);
  self->pk = pk > 0 ? (gnutls_pk_algorithm_t) pk : GNUTLS_PK_UNKNOWN;
  /* For RSA GnuTLS counts the bits of the modulus, as OpenSSL does. */
  self->key_bits = bits;

  switch (self->pk)
    {
    case GNUTLS_PK_RSA:
      self->key_algorithm = g_strdup ("RSA");
      break;

    case GNUTLS_PK_ECDSA:
      self->key_algorithm = g_strdup ("ECDSA");
      self->key_bits = ecc_key_bits (self->crt, bits);
      break;

    case GNUTLS_PK_UNKNOWN:
      {
        gchar oid[128];
        size_t oid_size = sizeof oid;

        if (gnutls_x509_crt_get_pk_oid (self->crt, oid, &oid_size) >= 0)
          self->key_algorithm = dup_utf8 (oid, -1);
        else
          self->key_algorithm = g_strdup ("unknown");
      }
      break;

    default:
      {
        const gchar *name = gnutls_pk_get_name (self->pk);
        self->key_algorithm = g_strdup (name != NULL ? name : "unknown");
      }
      break;
    }
}

static void
read_signature (CwaCertificate *self)
{
  int sign;

  sign = gnutls_x509_crt_get_signature_algorithm (self->crt);
  if (sign > 0 && gnutls_sign_get_name ((gnutls_sign_algorithm_t) sign) != NULL)
    {
      gnutls_digest_algorithm_t hash;

      self->signature_algorithm = g_strdup (gnutls_sign_get_name ((gnutls_sign_algorithm_t) sign));
      hash = gnutls_sign_get_hash_algorithm ((gnutls_sign_algorithm_t) sign);
      self->weak_signature = (hash == GNUTLS_DIG_MD2 || hash == GNUTLS_DIG_MD5 ||
                              hash == GNUTLS_DIG_SHA1);
    }
  else
    {
      gchar oid[128];
      size_t oid_size = sizeof oid;

      if (gnutls_x509_crt_get_signature_oid (self->crt, oid, &oid_size) >= 0)
        self->signature_algorithm = dup_utf8 (oid, -1);
      else
        self->signature_algorithm = g_strdup ("unknown");
    }
}

static GPtrArray *
collect_dn_texts (gnutls_x509_crt_t crt,
                  gboolean          issuer)
{
  gnutls_x509_dn_t dn = NULL;
  int ret;

  /* The DN belongs to the certificate: nothing to free. */
  ret = issuer ? gnutls_x509_crt_get_issuer (crt, &dn) : gnutls_x509_crt_get_subject (crt, &dn);
  if (ret < 0 || dn == NULL)
    return NULL;

  return _cwa_dn_text_collect (dn);
}

/* The DN as GnuTLS prints it (RFC 4514), with the values it can only show
 * as #hex decoded where they are text.  Those texts are collected only
 * when the printed DN has a "#" at all, and handed back in @texts (NULL
 * otherwise) for the attribute values read after it. */
static gchar *
read_dn (gnutls_x509_crt_t crt,
         gboolean          issuer,
         GPtrArray       **texts)
{
  gnutls_datum_t dn = { NULL, 0 };
  g_autofree gchar *printed = NULL;
  int ret;

  if (issuer)
    ret = gnutls_x509_crt_get_issuer_dn3 (crt, &dn, 0);
  else
    ret = gnutls_x509_crt_get_dn3 (crt, &dn, 0);

  if (ret < 0 || dn.data == NULL)
    {
      gnutls_free (dn.data);
      return g_strdup ("");
    }

  printed = steal_datum_string (&dn);
  if (strchr (printed, '#') == NULL)
    return g_steal_pointer (&printed);
  *texts = collect_dn_texts (crt, issuer);
  return _cwa_dn_text_apply_dn (printed, *texts);
}

static void
read_names (CwaCertificate *self)
{
  g_autoptr(GPtrArray) subject_texts = NULL;
  g_autoptr(GPtrArray) issuer_texts = NULL;
  gchar **issuer_cns;

  self->subject = read_dn (self->crt, FALSE, &subject_texts);
  self->issuer = read_dn (self->crt, TRUE, &issuer_texts);
  self->subject_cns = read_dn_values (self->crt, FALSE, GNUTLS_OID_X520_COMMON_NAME, subject_texts);
  if (self->subject_cns == NULL)
    self->subject_cns = g_new0 (gchar *, 1);
  issuer_cns = read_dn_values (self->crt, TRUE, GNUTLS_OID_X520_COMMON_NAME, issuer_texts);
  if (issuer_cns != NULL)
    {
      guint n = g_strv_length (issuer_cns);
      self->issuer_cn = g_steal_pointer (&issuer_cns[n - 1]);
      g_strfreev (issuer_cns);
    }
}

/* @source, or what a certificate with no file name is called in messages. */
static const gchar *
source_name (const gchar *source)
{
  /* Translators: what a certificate with no file name is called in messages */
  return source != NULL ? source : R_("certificate");
}

/* Read from the encoding first: GnuTLS answers (time_t) -1 both for an
 * unreadable date and for 99991231235959Z, and clamps years before 1970.
 * Its own reading remains for encodings DER forbids but it accepts. */
static gboolean
read_validity (CwaCertificate *self,
               GError        **error)
{
  time_t nb, na;

  if (read_validity_from_der (self->der, &self->not_before, &self->not_after))
    return TRUE;

  nb = gnutls_x509_crt_get_activation_time (self->crt);
  na = gnutls_x509_crt_get_expiration_time (self->crt);
  if (nb == (time_t) -1 || na == (time_t) -1)
    {
      g_set_error (error, CWA_LOAD_ERROR, CWA_LOAD_ERROR_CORRUPT,
                   /* Translators: %s is a file's name, %u the number of the
                    * certificate in it */
                   R_("%s: the validity dates of certificate %u cannot be read. "
                      "Export the certificate again from the machine or CA that issued it."),
                   source_name (self->source), self->source_index + 1);
      return FALSE;
    }
  self->not_before = nb;
  self->not_after = na;
  return TRUE;
}

/* The serial as its encoded bytes; the sign bit of the first byte makes
 * it negative (RFC 5280 forbids that, real certificates have it). */
static void
read_serial (CwaCertificate *self)
{
  guchar serial[64];
  size_t serial_size = sizeof serial;
  g_autofree guchar *big = NULL;
  const guchar *bytes = serial;

  if (gnutls_x509_crt_get_serial (self->crt, serial, &serial_size) < 0)
    {
      /* Serials longer than 64 bytes break RFC 5280 but still exist. */
      serial_size = 0;
      if (gnutls_x509_crt_get_serial (self->crt, NULL, &serial_size) != GNUTLS_E_SHORT_MEMORY_BUFFER)
        serial_size = 0;
      big = g_malloc (MAX (serial_size, 1));
      if (serial_size == 0 || gnutls_x509_crt_get_serial (self->crt, big, &serial_size) < 0)
        serial_size = 0;
      bytes = big;
    }

  self->serial = hex_colon (bytes, serial_size);
  self->serial_negative = serial_size > 0 && (bytes[0] & 0x80) != 0;
}

static void
read_digests (CwaCertificate *self)
{
  gsize der_size;
  const guchar *der = g_bytes_get_data (self->der, &der_size);
  guchar digest[32];
  size_t id_size = sizeof self->key_id;

  gnutls_hash_fast (GNUTLS_DIG_SHA256, der, der_size, digest);
  self->sha256 = hex_colon (digest, 32);
  gnutls_hash_fast (GNUTLS_DIG_SHA1, der, der_size, digest);
  self->sha1 = hex_colon (digest, 20);

  self->has_key_id = gnutls_x509_crt_get_key_id (self->crt, GNUTLS_KEYID_USE_SHA1,
                                                 self->key_id, &id_size) >= 0 &&
                     id_size == sizeof self->key_id;
}

gboolean
_cwa_certificate_crt_signed_by (gnutls_x509_crt_t crt,
                                gnutls_x509_crt_t issuer)
{
  unsigned int status = 0;

  if (gnutls_x509_crt_verify (crt, &issuer, 1, SIGNATURE_ONLY_FLAGS, &status) < 0)
    return FALSE;

  return (status & (GNUTLS_CERT_SIGNATURE_FAILURE | GNUTLS_CERT_SIGNER_NOT_FOUND |
                    GNUTLS_CERT_INSECURE_ALGORITHM)) == 0;
}

/* A self-signed certificate without basicConstraints is a CA: X.509 v1
 * roots have no extensions at all and still anchor many chains
 * (OpenSSL and GnuTLS treat them the same way). */
static void
read_ca_status (CwaCertificate *self)
{
  int version = gnutls_x509_crt_get_version (self->crt);

  self->version = version > 0 ? (guint) version : 1;
  self->self_issued = gnutls_x509_crt_check_issuer (self->crt, self->crt) != 0;

  if (!self->has_basic_constraints && self->self_issued &&
      _cwa_certificate_crt_signed_by (self->crt, self->crt))
    self->is_ca = TRUE;
}

static void
pick_display_name (CwaCertificate *self)
{
  guint n = g_strv_length (self->subject_cns);

  if (n > 0)
    self->display_name = self->subject_cns[n - 1];
  else if (self->dns_names[0] != NULL)
    self->display_name = self->dns_names[0];
  else if (self->subject[0] != '\0')
    self->display_name = self->subject;
  else
    self->display_name = self->sha256;
}

static gboolean
read_facts (CwaCertificate *self,
            GError        **error)
{
  read_names (self);

  self->san_entries = g_ptr_array_new_with_free_func (san_entry_free);
  read_san (self);
  read_extensions (self);

  for (guint i = 0; self->subject_cns[i] != NULL; i++)
    if (strchr (self->subject_cns[i], '*') != NULL)
      self->has_wildcard = TRUE;

  if (!read_validity (self, error))
    return FALSE;

  read_serial (self);
  read_digests (self);
  read_key (self);
  read_signature (self);
  read_ca_status (self);
  pick_display_name (self);

  return TRUE;
}

CwaCertificate *
_cwa_certificate_new_take (gnutls_x509_crt_t  crt,
                           GBytes            *der,
                           const gchar       *source,
                           guint              index,
                           GError           **error)
{
  g_autoptr(CwaCertificate) self = NULL;

  g_return_val_if_fail (crt != NULL, NULL);
  g_return_val_if_fail (der != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (CWA_TYPE_CERTIFICATE, NULL);
  self->crt = crt;
  self->der = der;
  self->source = g_strdup (source);
  self->source_index = index;

  if (!read_facts (self, error))
    return NULL;

  g_clear_pointer (&self->crt, gnutls_x509_crt_deinit);

  return g_steal_pointer (&self);
}

/* What is wrong, in the words of someone who has to fix it. */
static gchar *
describe_import_error (int ret)
{
  const gchar *words = NULL;

  switch (ret)
    {
    case GNUTLS_E_X509_UNKNOWN_SAN:
      /* Translators: why a certificate cannot be read, put into “%s:
       * certificate %u is not a valid X.509 certificate: %s.” */
      words = R_("its subject alternative names hold an empty or unknown entry");
      break;
    case GNUTLS_E_ASN1_TIME_ERROR:
    case GNUTLS_E_CERTIFICATE_TIME_ERROR:
      /* Translators: why a certificate cannot be read (see “its DER
       * encoding is damaged”) */
      words = R_("its validity dates are not encoded as RFC 5280 requires");
      break;
    case GNUTLS_E_ASN1_DER_ERROR:
      /* Translators: why a certificate cannot be read, put into “%s:
       * certificate %u is not a valid X.509 certificate: %s.” */
      words = R_("its DER encoding is damaged");
      break;
    case GNUTLS_E_CERTIFICATE_ERROR:
      /* Translators: why a certificate cannot be read (see “its DER
       * encoding is damaged”) */
      words = R_("its fields contradict each other or the X.509 rules");
      break;
    default:
      break;
    }

  if (words != NULL)
    return g_strdup (words);

  {
    const gchar *raw = gnutls_strerror (ret);
    gsize len = strlen (raw);

    /* GnuTLS ends its messages with a full stop; ours continues. */
    if (len > 0 && raw[len - 1] == '.')
      len--;
    /* Translators: why a certificate cannot be read (see “its DER encoding
     * is damaged”); “%.*s” is GnuTLS's reason (in GnuTLS's own language) */
    return g_strdup_printf (R_("GnuTLS cannot read it (%.*s)"), (int) len, raw);
  }
}

CwaCertificate *
cwa_certificate_new_from_der (GBytes       *der,
                              const gchar  *source,
                              guint         index,
                              GError      **error)
{
  gnutls_x509_crt_t crt = NULL;
  gnutls_datum_t datum;
  gsize size;
  int ret;

  g_return_val_if_fail (der != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  datum.data = (guchar *) g_bytes_get_data (der, &size);
  datum.size = size;

  if (size > G_MAXUINT || gnutls_x509_crt_init (&crt) < 0)
    {
      g_set_error (error, CWA_LOAD_ERROR, CWA_LOAD_ERROR_CORRUPT,
                   /* Translators: %s is a file's name, %u the number of the
                    * certificate in it */
                   R_("%s: certificate %u is too large to be a certificate."),
                   source_name (source), index + 1);
      return NULL;
    }

  ret = gnutls_x509_crt_import (crt, &datum, GNUTLS_X509_FMT_DER);
  if (ret < 0 && ret != GNUTLS_E_ASN1_DER_ERROR && ret != GNUTLS_E_MEMORY_ERROR)
    {
      /* GnuTLS refuses on import what other readers accept (duplicate
       * extensions, unique IDs in a v1 certificate, SAN types it does not
       * know): the facts are still in the DER, and the rules report what
       * is wrong with them. */
      gnutls_x509_crt_deinit (crt);
      crt = NULL;
      if (gnutls_x509_crt_init (&crt) < 0)
        g_error ("Out of memory");
      gnutls_x509_crt_set_flags (crt, GNUTLS_X509_CRT_FLAG_IGNORE_SANITY);
      ret = gnutls_x509_crt_import (crt, &datum, GNUTLS_X509_FMT_DER);
    }
  if (ret < 0)
    {
      g_autofree gchar *why = describe_import_error (ret);

      gnutls_x509_crt_deinit (crt);
      g_set_error (error, CWA_LOAD_ERROR, CWA_LOAD_ERROR_CORRUPT,
                   /* Translators: the first %s is a file's name, %u the
                    * number of the certificate in it, the last %s why it
                    * cannot be read (“its DER encoding is damaged”) */
                   R_("%s: certificate %u is not a valid X.509 certificate: %s. "
                      "Export it again, or ask its issuer for a correctly encoded copy."),
                   source_name (source), index + 1, why);
      return NULL;
    }

  return _cwa_certificate_new_take (crt, g_bytes_ref (der), source, index, error);
}

gnutls_x509_crt_t
_cwa_certificate_get_crt (CwaCertificate *self)
{
  g_return_val_if_fail (CWA_IS_CERTIFICATE (self), NULL);

  /* The DER imported once already (perhaps only leniently, so import it
   * leniently again): a second import cannot fail but for memory.  The
   * certificate is shared between threads, hence g_once. */
  if (g_once_init_enter (&self->crt))
    {
      gnutls_x509_crt_t crt = NULL;
      gnutls_datum_t datum;
      gsize size;

      datum.data = (guchar *) g_bytes_get_data (self->der, &size);
      datum.size = size;
      if (gnutls_x509_crt_init (&crt) < 0)
        g_error ("Out of memory");
      gnutls_x509_crt_set_flags (crt, GNUTLS_X509_CRT_FLAG_IGNORE_SANITY);
      if (gnutls_x509_crt_import (crt, &datum, GNUTLS_X509_FMT_DER) < 0)
        g_error ("%s: a certificate that imported before no longer imports", self->source);
      g_once_init_leave (&self->crt, crt);
    }

  return self->crt;
}

gboolean
_cwa_certificate_holds_crt (CwaCertificate *self)
{
  g_return_val_if_fail (CWA_IS_CERTIFICATE (self), FALSE);

  return g_atomic_pointer_get (&self->crt) != NULL;
}

void
_cwa_certificate_set_had_private_key (CwaCertificate *self,
                                      gboolean        had_key)
{
  g_return_if_fail (CWA_IS_CERTIFICATE (self));

  self->had_private_key = !!had_key;
}

const gchar *
cwa_certificate_get_id (CwaCertificate *self)
{
  g_return_val_if_fail (CWA_IS_CERTIFICATE (self), NULL);

  return self->id;
}

void
cwa_certificate_set_id (CwaCertificate *self,
                        const gchar    *id)
{
  g_return_if_fail (CWA_IS_CERTIFICATE (self));

  if (g_strcmp0 (self->id, id) == 0)
    return;

  g_free (self->id);
  self->id = g_strdup (id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

GBytes *
cwa_certificate_get_der (CwaCertificate *self)
{
  g_return_val_if_fail (CWA_IS_CERTIFICATE (self), NULL);

  return self->der;
}

gchar *
cwa_certificate_dup_pem (CwaCertificate *self)
{
  gnutls_datum_t der;
  gnutls_datum_t pem = { NULL, 0 };
  gsize der_size;
  gchar *text;
  int ret;

  g_return_val_if_fail (CWA_IS_CERTIFICATE (self), NULL);

  der.data = (guchar *) g_bytes_get_data (self->der, &der_size);
  der.size = (guint) der_size;
  /* 64-character lines between the BEGIN and END lines, as RFC 7468 asks. */
  ret = gnutls_pem_base64_encode2 ("CERTIFICATE", &der, &pem);
  if (ret < 0)
    g_error ("GnuTLS cannot encode %u bytes as PEM: %s", der.size, gnutls_strerror (ret));

  text = g_strndup ((const gchar *) pem.data, pem.size);
  gnutls_free (pem.data);
  return text;
}

const gchar *
cwa_certificate_get_source (CwaCertificate *self)
{
  g_return_val_if_fail (CWA_IS_CERTIFICATE (self), NULL);

  return self->source;
}

guint
cwa_certificate_get_source_index (CwaCertificate *self)
{
  g_return_val_if_fail (CWA_IS_CERTIFICATE (self), 0);

  return self->source_index;
}

const gchar *
cwa_certificate_get_subject (CwaCertificate *self)
{
  g_return_val_if_fail (CWA_IS_CERTIFICATE (self), NULL);

  return self->subject;
}

const gchar *
cwa_certificate_get_issuer (CwaCertificate *self)
{
  g_return_val_if_fail (CWA_IS_CERTIFICATE (self), NULL);

  return self->issuer;
}

const gchar *
cwa_certificate_get_subject_cn (CwaCertificate *self)
{
  guint n;

  g_return_val_if_fail (CWA_IS_CERTIFICATE (self), NULL);

  n = g_strv_length (self->subject_cns);
  return n > 0 ? self->subject_cns[n - 1] : NULL;
}

const gchar * const *
cwa_certificate_get_subject_cns (CwaCertificate *self)
{
  g_return_val_if_fail (CWA_IS_CERTIFICATE (self), empty_strv);

  return (const gchar * const *) self->subject_cns;
}

const gchar *
cwa_certificate_get_issuer_cn (CwaCertificate *self)
{
  g_return_val_if_fail (CWA_IS_CERTIFICATE (self), NULL);

  return self->issuer_cn;
}

const gchar *
cwa_certificate_get_display_name (CwaCertificate *self)
{
  g_return_val_if_fail (CWA_IS_CERTIFICATE (self), NULL);

  return self->display_name;
}

GPtrArray *
cwa_certificate_get_san_entries (CwaCertificate *self)
{
  g_return_val_if_fail (CWA_IS_CERTIFICATE (self), NULL);

  return self->san_entries;
}

const gchar * const *
cwa_certificate_get_dns_names (CwaCertificate *self)
{
  g_return_val_if_fail (CWA_IS_CERTIFICATE (self), empty_strv);

  return (const gchar * const *) self->dns_names;
}

const gchar * const *
cwa_certificate_get_normalized_dns_names (CwaCertificate *self)
{
  g_return_val_if_fail (CWA_IS_CERTIFICATE (self), NULL);

  if (g_once_init_enter (&self->normalized_dns_names))
    g_once_init_leave (&self->normalized_dns_names,
                       cwa_names_dup_normalized ((const gchar * const *) self->dns_names));

  return (const gchar * const *) self->normalized_dns_names;
}

const gchar * const *
cwa_certificate_get_normalized_names (CwaCertificate *self)
{
  g_return_val_if_fail (CWA_IS_CERTIFICATE (self), NULL);

  if (g_once_init_enter (&self->normalized_names))
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      const gchar *cn = cwa_certificate_get_subject_cn (self);
      g_autofree gchar *normal_cn = cn != NULL ? cwa_name_normalize (cn, NULL) : NULL;

      g_strv_builder_addv (builder, (const gchar **) cwa_certificate_get_normalized_dns_names (self));
      if (normal_cn != NULL)
        g_strv_builder_add (builder, normal_cn);
      g_once_init_leave (&self->normalized_names, g_strv_builder_end (builder));
    }

  return (const gchar * const *) self->normalized_names;
}

const gchar * const *
cwa_certificate_get_san_strings (CwaCertificate *self)
{
  g_return_val_if_fail (CWA_IS_CERTIFICATE (self), empty_strv);

  return (const gchar * const *) self->san_strings;
}

gboolean
cwa_certificate_has_wildcard (CwaCertificate *self)
{
  g_return_val_if_fail (CWA_IS_CERTIFICATE (self), FALSE);

  return self->has_wildcard;
}

gint64
cwa_certificate_get_not_before (CwaCertificate *self)
{
  g_return_val_if_fail (CWA_IS_CERTIFICATE (self), 0);

  return self->not_before;
}

gint64
cwa_certificate_get_not_after (CwaCertificate *self)
{
  g_return_val_if_fail (CWA_IS_CERTIFICATE (self), 0);

  return self->not_after;
}

const gchar *
cwa_certificate_get_serial (CwaCertificate *self)
{
  g_return_val_if_fail (CWA_IS_CERTIFICATE (self), NULL);

  return self->serial;
}

const gchar *
cwa_certificate_get_sha256 (CwaCertificate *self)
{
  g_return_val_if_fail (CWA_IS_CERTIFICATE (self), NULL);

  return self->sha256;
}

const gchar *
cwa_certificate_get_sha1 (CwaCertificate *self)
{
  g_return_val_if_fail (CWA_IS_CERTIFICATE (self), NULL);

  return self->sha1;
}

const gchar *
cwa_certificate_get_key_algorithm (CwaCertificate *self)
{
  g_return_val_if_fail (CWA_IS_CERTIFICATE (self), NULL);

  return self->key_algorithm;
}

guint
cwa_certificate_get_key_bits (CwaCertificate *self)
{
  g_return_val_if_fail (CWA_IS_CERTIFICATE (self), 0);

  return self->key_bits;
}

gboolean
cwa_certificate_is_rsa (CwaCertificate *self)
{
  g_return_val_if_fail (CWA_IS_CERTIFICATE (self), FALSE);

  return self->pk == GNUTLS_PK_RSA || self->pk == GNUTLS_PK_RSA_PSS;
}

gboolean
cwa_certificate_is_ecdsa (CwaCertificate *self)
{
  g_return_val_if_fail (CWA_IS_CERTIFICATE (self), FALSE);

  return self->pk == GNUTLS_PK_ECDSA;
}

const gchar *
cwa_certificate_get_signature_algorithm (CwaCertificate *self)
{
  g_return_val_if_fail (CWA_IS_CERTIFICATE (self), NULL);

  return self->signature_algorithm;
}

gboolean
cwa_certificate_has_weak_signature (CwaCertificate *self)
{
  g_return_val_if_fail (CWA_IS_CERTIFICATE (self), FALSE);

  return self->weak_signature;
}

guint
cwa_certificate_get_version (CwaCertificate *self)
{
  g_return_val_if_fail (CWA_IS_CERTIFICATE (self), 0);

  return self->version;
}

gboolean
cwa_certificate_has_key_usage (CwaCertificate *self)
{
  g_return_val_if_fail (CWA_IS_CERTIFICATE (self), FALSE);

  return self->has_key_usage;
}

CwaKeyUsage
cwa_certificate_get_key_usage (CwaCertificate *self)
{
  g_return_val_if_fail (CWA_IS_CERTIFICATE (self), 0);

  return self->key_usage;
}

const gchar * const *
cwa_certificate_get_key_usage_names (CwaCertificate *self)
{
  g_return_val_if_fail (CWA_IS_CERTIFICATE (self), empty_strv);

  return self->key_usage_names;
}

gboolean
cwa_certificate_has_eku (CwaCertificate *self)
{
  g_return_val_if_fail (CWA_IS_CERTIFICATE (self), FALSE);

  return self->has_eku;
}

const gchar * const *
cwa_certificate_get_eku_oids (CwaCertificate *self)
{
  g_return_val_if_fail (CWA_IS_CERTIFICATE (self), empty_strv);

  return (const gchar * const *) self->eku_oids;
}

gboolean
cwa_certificate_has_eku_oid (CwaCertificate *self,
                             const gchar    *oid)
{
  g_return_val_if_fail (CWA_IS_CERTIFICATE (self), FALSE);
  g_return_val_if_fail (oid != NULL, FALSE);

  return g_strv_contains ((const gchar * const *) self->eku_oids, oid);
}

gboolean
cwa_certificate_has_basic_constraints (CwaCertificate *self)
{
  g_return_val_if_fail (CWA_IS_CERTIFICATE (self), FALSE);

  return self->has_basic_constraints;
}

gboolean
cwa_certificate_is_ca (CwaCertificate *self)
{
  g_return_val_if_fail (CWA_IS_CERTIFICATE (self), FALSE);

  return self->is_ca;
}

gint
cwa_certificate_get_path_len (CwaCertificate *self)
{
  g_return_val_if_fail (CWA_IS_CERTIFICATE (self), -1);

  return self->path_len;
}

gboolean
cwa_certificate_is_self_issued (CwaCertificate *self)
{
  g_return_val_if_fail (CWA_IS_CERTIFICATE (self), FALSE);

  return self->self_issued;
}

const gchar * const *
cwa_certificate_get_unknown_critical_extensions (CwaCertificate *self)
{
  g_return_val_if_fail (CWA_IS_CERTIFICATE (self), empty_strv);

  return (const gchar * const *) self->unknown_critical;
}

gboolean
cwa_certificate_is_serial_negative (CwaCertificate *self)
{
  g_return_val_if_fail (CWA_IS_CERTIFICATE (self), FALSE);

  return self->serial_negative;
}

gboolean
cwa_certificate_is_rsa_pss (CwaCertificate *self)
{
  g_return_val_if_fail (CWA_IS_CERTIFICATE (self), FALSE);

  return self->pk == GNUTLS_PK_RSA_PSS;
}

const guchar *
_cwa_certificate_get_key_id (CwaCertificate *self,
                             gsize          *size)
{
  g_return_val_if_fail (CWA_IS_CERTIFICATE (self), NULL);
  g_return_val_if_fail (size != NULL, NULL);

  *size = self->has_key_id ? sizeof self->key_id : 0;
  return self->has_key_id ? self->key_id : NULL;
}

gboolean
cwa_certificate_had_private_key (CwaCertificate *self)
{
  g_return_val_if_fail (CWA_IS_CERTIFICATE (self), FALSE);

  return self->had_private_key;
}

gboolean
cwa_certificate_equal (CwaCertificate *a,
                       CwaCertificate *b)
{
  g_return_val_if_fail (CWA_IS_CERTIFICATE (a), FALSE);
  g_return_val_if_fail (CWA_IS_CERTIFICATE (b), FALSE);

  return a == b || g_bytes_equal (a->der, b->der);
}

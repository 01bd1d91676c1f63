/* cwa-cert-loader.c: reads certificates out of PEM, DER, PKCS#7 and PKCS#12 files, judged by content. */
#include "config.h"

#include <string.h>

#include <gnutls/gnutls.h>
#include <gnutls/pkcs7.h>
#include <gnutls/pkcs12.h>
#include <gnutls/x509.h>

#include "cwa-cert-loader.h"
#include "cwa-certificate-private.h"
#include "cwa-count-text.h"
#include "cwa-file-read.h"
#include "cwa-pkcs7-ber.h"
#include "cwa-rule-text.h"

/* The most key-derivation iterations a PKCS#12 file may ask for, for its
 * MAC or for any encrypted bag.  Windows writes 2,000 and OpenSSL 3 2,048;
 * a count near 2^31 would keep the loader busy for many minutes (and the
 * MAC is tried up to three times, for the ways of writing "no password"). */
#define PKCS12_MAX_ITERATIONS 1000000
/* The most iterations of the MAC and all encrypted bags together: a file
 * of many bags, each within the limit above, must not add up to hours. */
#define PKCS12_MAX_TOTAL_ITERATIONS (2 * PKCS12_MAX_ITERATIONS)
/* The most bags (ContentInfos of the AuthenticatedSafe) a PKCS#12 file may
 * have.  Windows and OpenSSL write two (certificates, key).  GnuTLS decodes
 * the whole AuthenticatedSafe again for each bag it is asked for, so the
 * work grows with the square of their number: a 1.3 MB file of 1,000 bags
 * took 48 seconds. */
#define PKCS12_MAX_BAGS 64

/* The messages follow cwa_rule_text_set_translated(), as rule messages
 * do: English on the command line, the user's language in the window.
 * What GnuTLS and the system say inside them stays as they say it. */

/* The sentence that ends a message about a file that is no certificate
 * file the loader reads. */
static const gchar *
formats_hint (void)
{
  /* Translators: ends several messages about a file that cannot be
   * loaded, after the sentence that says what is wrong with it */
  return R_("Choose a PEM, DER, PKCS#7 (.p7b) or PKCS#12 (.pfx) certificate file.");
}

const gchar *
cwa_cert_loader_get_password_hint (void)
{
  /* Translators: ends the messages about a missing or wrong password of
   * a PKCS#12 file */
  return R_("Type the password the file was exported with.");
}

/* What one load found besides the certificates: traces of private keys.
 * Only the SHA-1 key identifiers of unencrypted keys are kept, never a key. */
typedef struct
{
  const gchar *name;
  GPtrArray   *certificates;
  GPtrArray   *key_ids;          /* GBytes: identifiers to match */
  gboolean     unmatched_key;    /* a key whose certificate cannot be told */
  guint        n_requests;       /* PEM blocks that are requests, not certificates */
  guint        n_crls;
  guint        n_keys;
  guint64      pkcs12_iterations; /* asked for by the MAC and the bags so far */
} LoadState;

static void
load_state_clear (LoadState *state)
{
  g_clear_pointer (&state->certificates, g_ptr_array_unref);
  g_clear_pointer (&state->key_ids, g_ptr_array_unref);
}

static void
wipe (gpointer data,
      gsize    size)
{
  if (data != NULL && size > 0)
    gnutls_memset (data, 0, size);
}

/* The length of the DER element at the start of @data, or @size when it
 * cannot be told: OpenSSL's "TRUSTED CERTIFICATE" appends trust settings
 * after the certificate, and d2i ignores trailing bytes too. */
static gsize
der_element_length (const guchar *data,
                    gsize         size)
{
  gsize len, header = 2;

  if (size < 2)
    return size;

  len = data[1];
  if (len & 0x80)
    {
      guint n = len & 0x7f;

      if (n == 0 || n > 4 || size < 2 + n)
        return size;
      len = 0;
      for (guint i = 0; i < n; i++)
        len = (len << 8) | data[2 + i];
      header += n;
    }

  if (len > size - header)
    return size;
  return header + len;
}

static gboolean
add_certificate_der (LoadState    *state,
                     const guchar *der,
                     gsize         size,
                     GError      **error)
{
  CwaCertificate *certificate;
  g_autoptr(GBytes) bytes = NULL;

  size = der_element_length (der, size);
  bytes = g_bytes_new (der, size);
  certificate = cwa_certificate_new_from_der (bytes, state->name, state->certificates->len, error);
  if (certificate == NULL)
    return FALSE;

  g_ptr_array_add (state->certificates, certificate);
  return TRUE;
}

static gboolean
add_certificate_datum (LoadState            *state,
                       const gnutls_datum_t *der,
                       GError              **error)
{
  return add_certificate_der (state, der->data, der->size, error);
}

/* ------------------------------------------------------------------ */
/* PKCS#7 */

static gboolean
load_pkcs7 (LoadState            *state,
            const gnutls_datum_t *der,
            GError              **error)
{
  gnutls_pkcs7_t pkcs7 = NULL;
  gboolean ok = TRUE;
  int count, ret;

  if (gnutls_pkcs7_init (&pkcs7) < 0)
    g_error ("Out of memory");

  ret = gnutls_pkcs7_import (pkcs7, der, GNUTLS_X509_FMT_DER);
  if (ret < 0)
    {
      g_autoptr(GPtrArray) ber = _cwa_pkcs7_ber_certificates (der->data, der->size);

      gnutls_pkcs7_deinit (pkcs7);
      /* What OpenSSL reads and GnuTLS does not: BER's indefinite lengths. */
      for (guint i = 0; ber != NULL && i < ber->len; i++)
        {
          gsize size;
          const guchar *data = g_bytes_get_data (g_ptr_array_index (ber, i), &size);

          if (!add_certificate_der (state, data, size, error))
            return FALSE;
        }
      if (ber != NULL)
        return TRUE;

      g_set_error (error, CWA_LOAD_ERROR, CWA_LOAD_ERROR_CORRUPT,
                   /* Translators: the first %s is a file's name, the
                    * second GnuTLS's reason (in GnuTLS's own language) */
                   R_("%s: the PKCS#7 data is damaged (%s). "
                      "Export the certificate chain again."),
                   state->name, gnutls_strerror (ret));
      return FALSE;
    }

  count = gnutls_pkcs7_get_crt_count (pkcs7);
  for (int i = 0; ok && i < count; i++)
    {
      gnutls_datum_t crt = { NULL, 0 };

      ret = gnutls_pkcs7_get_crt_raw2 (pkcs7, i, &crt);
      if (ret < 0)
        {
          g_set_error (error, CWA_LOAD_ERROR, CWA_LOAD_ERROR_CORRUPT,
                       /* Translators: %s is a file's name, %d the number of
                        * the certificate in it, the last %s GnuTLS's reason
                        * (in GnuTLS's own language) */
                       R_("%s: certificate %d of the PKCS#7 data cannot be read (%s). "
                          "Export the certificate chain again."),
                       state->name, i + 1, gnutls_strerror (ret));
          ok = FALSE;
          break;
        }
      ok = add_certificate_datum (state, &crt, error);
      gnutls_free (crt.data);
    }

  gnutls_pkcs7_deinit (pkcs7);
  return ok;
}

/* ------------------------------------------------------------------ */
/* PKCS#12 */

static void
remember_bag_key_id (LoadState         *state,
                     gnutls_pkcs12_bag_t bag,
                     guint              indx)
{
  gnutls_datum_t id = { NULL, 0 };

  state->n_keys++;
  /* localKeyID pairs a key bag with its certificate bag without any
   * need to decrypt the key. */
  if (gnutls_pkcs12_bag_get_key_id (bag, indx, &id) >= 0 && id.size > 0)
    g_ptr_array_add (state->key_ids, g_bytes_new (id.data, id.size));
  else
    state->unmatched_key = TRUE;
}

static gboolean
bag_key_id_matches (LoadState         *state,
                    gnutls_pkcs12_bag_t bag,
                    guint              indx)
{
  gnutls_datum_t id = { NULL, 0 };

  if (gnutls_pkcs12_bag_get_key_id (bag, indx, &id) < 0 || id.size == 0)
    return FALSE;

  for (guint i = 0; i < state->key_ids->len; i++)
    {
      GBytes *key_id = g_ptr_array_index (state->key_ids, i);
      gsize size;
      const guchar *data = g_bytes_get_data (key_id, &size);

      if (size == id.size && memcmp (data, id.data, size) == 0)
        return TRUE;
    }

  return FALSE;
}

/* Tries the password the way PKCS#12 writers disagree on the empty one:
 * OpenSSL and Windows encode "no password" either as an empty BMPString
 * (two zero bytes) or as nothing at all. */
static gboolean
pkcs12_mac_ok (gnutls_pkcs12_t  pkcs12,
               const gchar     *password,
               const gchar    **used)
{
  *used = password;
  if (password != NULL && password[0] != '\0' &&
      gnutls_pkcs12_verify_mac (pkcs12, password) >= 0)
    return TRUE;

  /* A password typed for a file that has none is forgiven. */
  *used = "";
  if (gnutls_pkcs12_verify_mac (pkcs12, "") >= 0)
    return TRUE;
  *used = NULL;
  return gnutls_pkcs12_verify_mac (pkcs12, NULL) >= 0;
}

static void
set_password_error (LoadState   *state,
                    const gchar *password,
                    GError     **error)
{
  if (password == NULL)
    g_set_error (error, CWA_LOAD_ERROR, CWA_LOAD_ERROR_NEEDS_PASSWORD,
                 /* Translators: the first %s is a file's name, the second
                  * “Type the password the file was exported with.” */
                 R_("%s: the file is protected by a password. %s"),
                 state->name, cwa_cert_loader_get_password_hint ());
  else
    g_set_error (error, CWA_LOAD_ERROR, CWA_LOAD_ERROR_WRONG_PASSWORD,
                 /* Translators: the first %s is a file's name, the second
                  * “Type the password the file was exported with.” */
                 R_("%s: the password is wrong. %s"),
                 state->name, cwa_cert_loader_get_password_hint ());
}

/* What asks for too many iterations: the MAC, or an encrypted bag. */
typedef enum
{
  ITERATIONS_OF_MAC,
  ITERATIONS_OF_BAG,
} IterationsOf;

static void
set_iterations_error (LoadState    *state,
                      IterationsOf  what,
                      guint         iterations,
                      GError      **error)
{
  g_autofree gchar *asked = cwa_count_text_dup (iterations);
  g_autofree gchar *most = cwa_count_text_dup (PKCS12_MAX_ITERATIONS);

  if (what == ITERATIONS_OF_MAC)
    g_set_error (error, CWA_LOAD_ERROR, CWA_LOAD_ERROR_CORRUPT,
                 /* Translators: the first %s is a file's name, the second
                  * the count it asks for, the third the most this program
                  * computes (counts with digits grouped) */
                 R_("%s: the PKCS#12 file asks for %s key-derivation iterations for its integrity "
                    "check (MAC), more than the %s this program will compute (Windows writes 2,000, "
                    "OpenSSL 2,048): the file is damaged or made to stall whoever opens it. Export "
                    "the certificate again."),
                 state->name, asked, most);
  else
    g_set_error (error, CWA_LOAD_ERROR, CWA_LOAD_ERROR_CORRUPT,
                 /* Translators: the first %s is a file's name, the second
                  * the count it asks for, the third the most this program
                  * computes (counts with digits grouped) */
                 R_("%s: the PKCS#12 file asks for %s key-derivation iterations for its encrypted "
                    "certificates, more than the %s this program will compute (Windows writes 2,000, "
                    "OpenSSL 2,048): the file is damaged or made to stall whoever opens it. Export "
                    "the certificate again."),
                 state->name, asked, most);
}

static void
set_too_many_bags_error (LoadState *state,
                         GError   **error)
{
  g_autofree gchar *most = cwa_count_text_dup (PKCS12_MAX_BAGS);

  g_set_error (error, CWA_LOAD_ERROR, CWA_LOAD_ERROR_CORRUPT,
               /* Translators: the first %s is a file's name, the second the
                * most parts this program reads (a count) */
               R_("%s: the PKCS#12 file has more than %s parts (Windows and OpenSSL write two): "
                  "the file is damaged or made to stall whoever opens it. Export the certificate again."),
               state->name, most);
}

/* Counts @iterations towards the file's total; FALSE with @error past it. */
static gboolean
add_iterations (LoadState *state,
                guint      iterations,
                GError   **error)
{
  g_autofree gchar *most = NULL;

  state->pkcs12_iterations += iterations;
  if (state->pkcs12_iterations <= PKCS12_MAX_TOTAL_ITERATIONS)
    return TRUE;

  most = cwa_count_text_dup (PKCS12_MAX_TOTAL_ITERATIONS);
  g_set_error (error, CWA_LOAD_ERROR, CWA_LOAD_ERROR_CORRUPT,
               /* Translators: the first %s is a file's name, the second the
                * most iterations this program computes (a count with digits
                * grouped) */
               R_("%s: the PKCS#12 file asks for more than %s key-derivation iterations in all "
                  "for its integrity check (MAC) and its encrypted parts, more than this program "
                  "will compute (Windows writes 2,000 for each): the file is damaged or made to "
                  "stall whoever opens it. Export the certificate again."),
               state->name, most);
  return FALSE;
}

/* The iteration count of an encrypted bag, checked before it is decrypted. */
static gboolean
bag_iterations_ok (LoadState          *state,
                   gnutls_pkcs12_bag_t bag,
                   GError            **error)
{
  unsigned int schema = 0, cipher = 0, iterations = 0;
  g_autofree guchar *salt = g_malloc (64);
  unsigned int salt_size = 64;
  char *oid = NULL;
  int ret;

  ret = gnutls_pkcs12_bag_enc_info (bag, &schema, &cipher, salt, &salt_size, &iterations, &oid);
  if (ret == GNUTLS_E_SHORT_MEMORY_BUFFER)
    {
      /* A long salt must not hide the count. */
      gnutls_free (oid);
      oid = NULL;
      g_free (salt);
      salt = g_malloc (salt_size);
      ret = gnutls_pkcs12_bag_enc_info (bag, &schema, &cipher, salt, &salt_size, &iterations, &oid);
    }
  gnutls_free (oid);
  if (ret >= 0 && iterations > PKCS12_MAX_ITERATIONS)
    {
      set_iterations_error (state, ITERATIONS_OF_BAG, iterations, error);
      return FALSE;
    }

  return ret < 0 || add_iterations (state, iterations, error);
}

/* Without a MAC nothing says beforehand whether the password is right, or
 * how the writer encoded an empty one: the password given is tried, then
 * "" and nothing, as pkcs12_mac_ok() does for the MAC.  After a MAC
 * matched, the first try succeeds. */
static int
decrypt_bag (gnutls_pkcs12_bag_t bag,
             const gchar        *password)
{
  int ret;

  if (password != NULL && password[0] != '\0')
    {
      ret = gnutls_pkcs12_bag_decrypt (bag, password);
      if (ret >= 0)
        return ret;
    }

  ret = gnutls_pkcs12_bag_decrypt (bag, "");
  if (ret < 0 && gnutls_pkcs12_bag_get_type (bag, 0) == GNUTLS_BAG_ENCRYPTED)
    ret = gnutls_pkcs12_bag_decrypt (bag, NULL);
  return ret;
}

static gboolean
load_pkcs12_bag (LoadState          *state,
                 gnutls_pkcs12_bag_t bag,
                 GPtrArray          *cert_bags,
                 const gchar        *password,
                 GError            **error)
{
  int n;

  if (gnutls_pkcs12_bag_get_type (bag, 0) == GNUTLS_BAG_ENCRYPTED)
    {
      int ret = decrypt_bag (bag, password);

      if (ret == GNUTLS_E_UNKNOWN_CIPHER_TYPE || ret == GNUTLS_E_UNKNOWN_HASH_ALGORITHM ||
          ret == GNUTLS_E_UNKNOWN_ALGORITHM)
        {
          g_set_error (error, CWA_LOAD_ERROR, CWA_LOAD_ERROR_CORRUPT,
                       /* Translators: the first %s is a file's name, the
                        * second GnuTLS's reason (in GnuTLS's own language) */
                       R_("%s: the PKCS#12 file is encrypted with an algorithm that cannot be "
                          "read (%s). Export it again with AES-256 encryption."),
                       state->name, gnutls_strerror (ret));
          return FALSE;
        }
      if (ret < 0)
        {
          set_password_error (state, password, error);
          return FALSE;
        }
    }

  n = gnutls_pkcs12_bag_get_count (bag);
  for (int i = 0; i < n; i++)
    {
      gnutls_datum_t data = { NULL, 0 };

      switch (gnutls_pkcs12_bag_get_type (bag, i))
        {
        case GNUTLS_BAG_CERTIFICATE:
          if (gnutls_pkcs12_bag_get_data (bag, i, &data) < 0)
            {
              g_set_error (error, CWA_LOAD_ERROR, CWA_LOAD_ERROR_CORRUPT,
                           /* Translators: %s is a file's name */
                           R_("%s: a certificate in the PKCS#12 file cannot be read. "
                              "Export it again."), state->name);
              return FALSE;
            }
          if (!add_certificate_datum (state, &data, error))
            return FALSE;
          g_ptr_array_add (cert_bags, g_ptr_array_index (state->certificates,
                                                         state->certificates->len - 1));
          /* Remember which bag and element described it, for localKeyID. */
          g_ptr_array_add (cert_bags, bag);
          g_ptr_array_add (cert_bags, GUINT_TO_POINTER (i));
          break;

        case GNUTLS_BAG_PKCS8_KEY:
          /* An unencrypted key (now decrypted with its bag): note it,
           * and wipe the copy GnuTLS holds before anything else runs. */
          remember_bag_key_id (state, bag, i);
          if (gnutls_pkcs12_bag_get_data (bag, i, &data) >= 0)
            wipe (data.data, data.size);
          break;

        case GNUTLS_BAG_PKCS8_ENCRYPTED_KEY:
          /* Never decrypted: the certificate is all the plan needs. */
          remember_bag_key_id (state, bag, i);
          break;

        default:
          break;
        }
    }

  return TRUE;
}

/* Whether the file has a MAC; FALSE with @error when its iteration count
 * is past the limit, checked before the MAC is computed even once. */
static gboolean
pkcs12_mac_info (LoadState      *state,
                 gnutls_pkcs12_t pkcs12,
                 gboolean       *has_mac,
                 GError        **error)
{
  unsigned int mac = 0, iter = 0;
  g_autofree gchar *salt = g_malloc (64);
  unsigned int salt_size = 64;
  char *oid = NULL;
  int ret;

  ret = gnutls_pkcs12_mac_info (pkcs12, &mac, salt, &salt_size, &iter, &oid);
  if (ret == GNUTLS_E_SHORT_MEMORY_BUFFER)
    {
      /* A long salt must not hide the count. */
      gnutls_free (oid);
      oid = NULL;
      g_free (salt);
      salt = g_malloc (salt_size);
      ret = gnutls_pkcs12_mac_info (pkcs12, &mac, salt, &salt_size, &iter, &oid);
    }
  gnutls_free (oid);

  /* GnuTLS answers "invalid request" for a file without a MAC. */
  *has_mac = ret >= 0 || (ret != GNUTLS_E_INVALID_REQUEST &&
                          ret != GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE);
  if (ret >= 0 && iter > PKCS12_MAX_ITERATIONS)
    {
      set_iterations_error (state, ITERATIONS_OF_MAC, iter, error);
      return FALSE;
    }

  return ret < 0 || add_iterations (state, iter, error);
}

/* Every bag of the file, each encrypted one's iteration count checked:
 * nothing has been computed yet when a count is refused. */
static GPtrArray *
pkcs12_get_bags (LoadState      *state,
                 gnutls_pkcs12_t pkcs12,
                 GError        **error)
{
  g_autoptr(GPtrArray) bags = g_ptr_array_new_with_free_func ((GDestroyNotify) gnutls_pkcs12_bag_deinit);

  for (int i = 0; ; i++)
    {
      gnutls_pkcs12_bag_t bag = NULL;
      int ret;

      if (gnutls_pkcs12_bag_init (&bag) < 0)
        g_error ("Out of memory");

      ret = gnutls_pkcs12_get_bag (pkcs12, i, bag);
      if (ret == GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE)
        {
          gnutls_pkcs12_bag_deinit (bag);
          break;
        }
      if (i == PKCS12_MAX_BAGS)
        {
          gnutls_pkcs12_bag_deinit (bag);
          set_too_many_bags_error (state, error);
          return NULL;
        }
      if (ret < 0)
        {
          gnutls_pkcs12_bag_deinit (bag);
          g_set_error (error, CWA_LOAD_ERROR, CWA_LOAD_ERROR_CORRUPT,
                       /* Translators: the first %s is a file's name, the
                        * second GnuTLS's reason (in GnuTLS's own language) */
                       R_("%s: the PKCS#12 file is damaged (%s). Export it again."),
                       state->name, gnutls_strerror (ret));
          return NULL;
        }

      g_ptr_array_add (bags, bag);
      if (gnutls_pkcs12_bag_get_type (bag, 0) == GNUTLS_BAG_ENCRYPTED &&
          !bag_iterations_ok (state, bag, error))
        return NULL;
    }

  return g_steal_pointer (&bags);
}

/* Marks the certificates whose bag's localKeyID matches a key bag's. */
static void
pkcs12_match_keys (LoadState *state,
                   GPtrArray *cert_bags)
{
  gboolean matched = FALSE;

  for (guint i = 0; i + 2 < cert_bags->len; i += 3)
    {
      CwaCertificate *certificate = g_ptr_array_index (cert_bags, i);
      gnutls_pkcs12_bag_t bag = g_ptr_array_index (cert_bags, i + 1);
      guint indx = GPOINTER_TO_UINT (g_ptr_array_index (cert_bags, i + 2));

      if (bag_key_id_matches (state, bag, indx))
        {
          _cwa_certificate_set_had_private_key (certificate, TRUE);
          matched = TRUE;
        }
    }
  if (state->n_keys > 0 && !matched)
    state->unmatched_key = TRUE;
}

static gboolean
load_pkcs12_parsed (LoadState      *state,
                    gnutls_pkcs12_t pkcs12,
                    const gchar    *password,
                    GError        **error)
{
  g_autoptr(GPtrArray) bags = NULL;
  g_autoptr(GPtrArray) cert_bags = g_ptr_array_new ();
  const gchar *used = password;
  gboolean has_mac = FALSE;

  if (!pkcs12_mac_info (state, pkcs12, &has_mac, error))
    return FALSE;
  bags = pkcs12_get_bags (state, pkcs12, error);
  if (bags == NULL)
    return FALSE;

  /* The MAC answers "is the password right" without decrypting anything. */
  if (has_mac && !pkcs12_mac_ok (pkcs12, password, &used))
    {
      set_password_error (state, password, error);
      return FALSE;
    }

  for (guint i = 0; i < bags->len; i++)
    if (!load_pkcs12_bag (state, g_ptr_array_index (bags, i), cert_bags, used, error))
      return FALSE;

  pkcs12_match_keys (state, cert_bags);
  return TRUE;
}

static gboolean
load_pkcs12 (LoadState            *state,
             const gnutls_datum_t *der,
             const gchar          *password,
             GError              **error)
{
  gnutls_pkcs12_t pkcs12 = NULL;
  gboolean ok;
  int ret;

  if (_cwa_pkcs12_ber_count_bags (der->data, der->size) > PKCS12_MAX_BAGS)
    {
      set_too_many_bags_error (state, error);
      return FALSE;
    }

  if (gnutls_pkcs12_init (&pkcs12) < 0)
    g_error ("Out of memory");

  ret = gnutls_pkcs12_import (pkcs12, der, GNUTLS_X509_FMT_DER, 0);
  if (ret < 0)
    {
      g_set_error (error, CWA_LOAD_ERROR, CWA_LOAD_ERROR_CORRUPT,
                   /* Translators: the first %s is a file's name, the second
                    * GnuTLS's reason (in GnuTLS's own language) */
                   R_("%s: the PKCS#12 file is damaged (%s). Export it again."),
                   state->name, gnutls_strerror (ret));
      gnutls_pkcs12_deinit (pkcs12);
      return FALSE;
    }

  ok = load_pkcs12_parsed (state, pkcs12, password, error);
  gnutls_pkcs12_deinit (pkcs12);
  return ok;
}

/* ------------------------------------------------------------------ */
/* PEM */

static gint8 base64_values[256];

static void
init_base64_values (void)
{
  static const gchar alphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

  memset (base64_values, -1, sizeof base64_values);
  for (guint i = 0; i < 64; i++)
    base64_values[(guchar) alphabet[i]] = (gint8) i;
  base64_values['='] = -2;
  base64_values[' '] = -3;
  base64_values['\t'] = -3;
  base64_values['\r'] = -3;
  base64_values['\n'] = -3;
}

/* Strict Base64: unlike g_base64_decode() it refuses stray characters, so
 * a damaged file is reported instead of silently decoded to garbage. */
static guchar *
base64_decode_strict (const gchar *text,
                      gsize        len,
                      gsize       *out_len)
{
  guchar *out = g_malloc (len / 4 * 3 + 3);
  guint32 acc = 0;
  guint n = 0, pad = 0;
  gsize o = 0;

  for (gsize i = 0; i < len; i++)
    {
      gint8 v = base64_values[(guchar) text[i]];

      if (v == -3)
        continue;
      if (v == -2)
        {
          pad++;
          continue;
        }
      if (v < 0 || pad > 0)
        goto fail;

      acc = (acc << 6) | (guint32) v;
      if (++n == 4)
        {
          out[o++] = acc >> 16;
          out[o++] = acc >> 8;
          out[o++] = acc;
          acc = 0;
          n = 0;
        }
    }

  if (pad > 2 || (n + pad) % 4 != 0 || n == 1)
    goto fail;
  if (n == 2)
    out[o++] = acc >> 4;
  else if (n == 3)
    {
      out[o++] = acc >> 10;
      out[o++] = acc >> 2;
    }

  *out_len = o;
  return out;

fail:
  gnutls_memset (out, 0, len / 4 * 3 + 3);
  g_free (out);
  return NULL;
}

static guint
line_of (const gchar *start,
         const gchar *pos)
{
  guint line = 1;

  for (const gchar *p = start; p < pos; p++)
    if (*p == '\n')
      line++;

  return line;
}

typedef enum
{
  PEM_CERTIFICATE,
  PEM_PKCS7,
  PEM_PKCS12,
  PEM_KEY,
  PEM_ENCRYPTED_KEY,
  PEM_REQUEST,
  PEM_CRL,
  PEM_OTHER,
} PemKind;

static PemKind
pem_kind (const gchar *label,
          gsize        len)
{
#define IS(s) (len == strlen (s) && memcmp (label, s, len) == 0)
  if (IS ("CERTIFICATE") || IS ("X509 CERTIFICATE") || IS ("TRUSTED CERTIFICATE"))
    return PEM_CERTIFICATE;
  if (IS ("PKCS7") || IS ("PKCS #7 SIGNED DATA") || IS ("CERTIFICATE CHAIN"))
    return PEM_PKCS7;
  if (IS ("PKCS12"))
    return PEM_PKCS12;
  if (IS ("ENCRYPTED PRIVATE KEY"))
    return PEM_ENCRYPTED_KEY;
  if (len >= 11 && memcmp (label + len - 11, "PRIVATE KEY", 11) == 0)
    return PEM_KEY;
  if (IS ("CERTIFICATE REQUEST") || IS ("NEW CERTIFICATE REQUEST"))
    return PEM_REQUEST;
  if (IS ("X509 CRL"))
    return PEM_CRL;
  return PEM_OTHER;
#undef IS
}

/* An unencrypted PEM key: its public key identifier is read and the
 * decoded key wiped at once.  A legacy encrypted one ("Proc-Type:
 * 4,ENCRYPTED") is never touched. */
static void
note_pem_key (LoadState   *state,
              const gchar *block,
              gsize        block_len)
{
  gnutls_x509_privkey_t key = NULL;
  gnutls_datum_t pem = { (guchar *) block, block_len };
  guchar id[64];
  size_t id_size = sizeof id;

  state->n_keys++;
  if (g_strstr_len (block, block_len, "Proc-Type:") != NULL ||
      gnutls_x509_privkey_init (&key) < 0)
    {
      state->unmatched_key = TRUE;
      return;
    }

  if (gnutls_x509_privkey_import (key, &pem, GNUTLS_X509_FMT_PEM) >= 0 &&
      gnutls_x509_privkey_get_key_id (key, GNUTLS_KEYID_USE_SHA1, id, &id_size) >= 0)
    g_ptr_array_add (state->key_ids, g_bytes_new (id, id_size));
  else
    state->unmatched_key = TRUE;

  /* Deinit zeroes the key parameters. */
  gnutls_x509_privkey_deinit (key);
}

static gboolean load_content (LoadState    *state,
                              const guchar *bytes,
                              gsize         size,
                              const gchar  *password,
                              gboolean      allow_utf16,
                              GError      **error);

/* Notes a block that is not a certificate container (a key, a request, a
 * CRL...).  Returns TRUE when the block was such a one. */
static gboolean
note_other_block (LoadState   *state,
                  PemKind      kind,
                  const gchar *block,
                  gsize        block_len)
{
  switch (kind)
    {
    case PEM_KEY:
      note_pem_key (state, block, block_len);
      return TRUE;
    case PEM_ENCRYPTED_KEY:
      state->n_keys++;
      state->unmatched_key = TRUE;
      return TRUE;
    case PEM_REQUEST:
      state->n_requests++;
      return TRUE;
    case PEM_CRL:
      state->n_crls++;
      return TRUE;
    case PEM_OTHER:
      return TRUE;
    case PEM_CERTIFICATE:
    case PEM_PKCS7:
    case PEM_PKCS12:
    default:
      return FALSE;
    }
}

/* Decodes the Base64 body of a certificate, PKCS#7 or PKCS#12 block and
 * loads what it holds; @block's line in @data (counted only for a message)
 * names it. */
static gboolean
load_pem_block (LoadState   *state,
                PemKind      kind,
                const gchar *label,
                gsize        label_len,
                const gchar *body,
                gsize        body_len,
                const gchar *data,
                const gchar *block,
                const gchar *password,
                GError     **error)
{
  g_autofree guchar *der = NULL;
  gsize der_len = 0;
  gnutls_datum_t datum;

  der = base64_decode_strict (body, body_len, &der_len);
  if (der == NULL || der_len == 0)
    {
      g_set_error (error, CWA_LOAD_ERROR, CWA_LOAD_ERROR_CORRUPT,
                   /* Translators: %s is a file's name, “%.*s” the label of
                    * a PEM block (CERTIFICATE), %u a line number */
                   R_("%s: the PEM block “%.*s” on line %u is not valid Base64, "
                      "so the file is damaged. Copy or download it again."),
                   state->name, (int) label_len, label, line_of (data, block));
      return FALSE;
    }

  if (kind == PEM_CERTIFICATE)
    return add_certificate_der (state, der, der_len, error);

  datum.data = der;
  datum.size = der_len;
  if (kind == PEM_PKCS7)
    return load_pkcs7 (state, &datum, error);
  return load_pkcs12 (state, &datum, password, error);
}

/* Every "-----BEGIN X-----" ... "-----END X-----" block in file order;
 * text before, between and after blocks is ignored. */
static gboolean
load_pem (LoadState   *state,
          const gchar *data,
          gsize        size,
          const gchar *password,
          GError     **error)
{
  static const gchar begin[] = "-----BEGIN ";
  const gchar *end_of_data = data + size;
  const gchar *p = data;

  while (p < end_of_data)
    {
      const gchar *b, *label, *label_end, *body, *e;
      gchar end_marker[96];
      gsize label_len, marker_len;
      PemKind kind;

      b = memmem (p, end_of_data - p, begin, sizeof begin - 1);
      if (b == NULL)
        break;

      label = b + sizeof begin - 1;
      label_end = memmem (label, MIN ((gsize) (end_of_data - label), 80), "-----", 5);
      if (label_end == NULL || memchr (label, '\n', label_end - label) != NULL)
        {
          /* "-----BEGIN " inside text, not a block: keep looking. */
          p = label;
          continue;
        }
      label_len = label_end - label;
      kind = pem_kind (label, label_len);
      body = label_end + 5;

      marker_len = g_snprintf (end_marker, sizeof end_marker, "-----END %.*s-----",
                               (int) label_len, label);
      e = memmem (body, end_of_data - body, end_marker, marker_len);
      if (e == NULL)
        {
          if (kind == PEM_OTHER)
            break;
          g_set_error (error, CWA_LOAD_ERROR, CWA_LOAD_ERROR_CORRUPT,
                       /* Translators: %s is a file's name, “%.*s” the label
                        * of a PEM block (CERTIFICATE), %u a line number;
                        * keep “END” as it is */
                       R_("%s: the PEM block “%.*s” that starts on line %u has no END line, "
                          "so the file is truncated. Copy or download the whole file again."),
                       state->name, (int) label_len, label, line_of (data, b));
          return FALSE;
        }
      p = e + marker_len;

      if (note_other_block (state, kind, b, p - b))
        continue;
      if (!load_pem_block (state, kind, label, label_len, body, e - body, data, b,
                           password, error))
        return FALSE;
    }

  return TRUE;
}

/* ------------------------------------------------------------------ */

static void
mark_private_keys (LoadState *state)
{
  gboolean marked = FALSE;

  if (state->key_ids->len > 0)
    {
      for (guint i = 0; i < state->certificates->len; i++)
        {
          CwaCertificate *certificate = g_ptr_array_index (state->certificates, i);
          gsize id_size = 0;
          /* Read when the certificate was parsed: importing it again here
           * would keep a parsed copy alive for every certificate of the file. */
          const guchar *id = _cwa_certificate_get_key_id (certificate, &id_size);

          if (cwa_certificate_had_private_key (certificate))
            {
              marked = TRUE;
              continue;
            }
          if (id == NULL)
            continue;

          for (guint k = 0; k < state->key_ids->len; k++)
            {
              gsize size;
              const guchar *key_id = g_bytes_get_data (g_ptr_array_index (state->key_ids, k), &size);

              if (size == id_size && memcmp (key_id, id, size) == 0)
                {
                  _cwa_certificate_set_had_private_key (certificate, TRUE);
                  marked = TRUE;
                }
            }
        }
    }

  /* A key that cannot be matched (encrypted, or without an identifier)
   * most likely belongs to the certificate the file is about. */
  if (state->unmatched_key && !marked && state->certificates->len > 0)
    _cwa_certificate_set_had_private_key (cwa_cert_loader_pick_primary (state->certificates), TRUE);
}

/* The tag of the first element inside the outer SEQUENCE, 0 if none. */
static guchar
der_first_inner_tag (const guchar *data,
                     gsize         size)
{
  gsize header = 2;

  if (size < 4 || data[0] != 0x30)
    return 0;
  if (data[1] & 0x80)
    header += data[1] & 0x7f;
  if (header >= size)
    return 0;
  return data[header];
}

/* DER comes in three shapes that differ in the first element inside the
 * outer SEQUENCE: a certificate's is a SEQUENCE (tbsCertificate), a
 * PKCS#12 PFX's an INTEGER (version), a PKCS#7 ContentInfo's an OID.
 * Returns FALSE without @error set when @bytes is none of them. */
static gboolean
load_der (LoadState    *state,
          const guchar *bytes,
          gsize         size,
          const gchar  *password,
          gboolean     *recognised,
          GError      **error)
{
  gnutls_datum_t datum = { (guchar *) bytes, size };

  *recognised = TRUE;
  switch (der_first_inner_tag (bytes, size))
    {
    case 0x30:
      return add_certificate_der (state, bytes, size, error);
    case 0x02:
      return load_pkcs12 (state, &datum, password, error);
    case 0x06:
      return load_pkcs7 (state, &datum, error);
    default:
      *recognised = FALSE;
      return FALSE;
    }
}

/* Whether @bytes is nothing but Base64 characters and white space. */
static gboolean
looks_like_base64 (const guchar *bytes,
                   gsize         size)
{
  gsize letters = 0;

  for (gsize i = 0; i < size; i++)
    {
      gint8 v = base64_values[bytes[i]];

      if (v == -1)
        return FALSE;
      if (v >= 0)
        letters++;
    }

  return letters >= 16;
}

static gboolean
starts_with_nocase (const guchar *bytes,
                    gsize         size,
                    const gchar  *prefix)
{
  gsize i = 0, n = strlen (prefix);

  /* White space before the markup is common. */
  while (i < size && g_ascii_isspace (bytes[i]))
    i++;
  return size - i >= n && g_ascii_strncasecmp ((const gchar *) bytes + i, prefix, n) == 0;
}

/* Text in UTF-16 without a byte-order mark: every other byte is zero. */
static gboolean
looks_like_utf16 (const guchar *bytes,
                  gsize         size)
{
  gsize zeros[2] = { 0, 0 };
  gsize n = MIN (size, 512) & ~(gsize) 1;

  for (gsize i = 0; i < n; i++)
    if (bytes[i] == 0)
      zeros[i % 2]++;

  return n >= 8 && (zeros[0] * 10 >= n / 2 * 9 || zeros[1] * 10 >= n / 2 * 9);
}

/* The message for a file whose content is no format the loader reads:
 * what it looks like, and what to do. */
static void
set_unrecognised_error (LoadState    *state,
                        const guchar *bytes,
                        gsize         size,
                        GError      **error)
{
  GQuark domain = CWA_LOAD_ERROR;
  gint code = CWA_LOAD_ERROR_NOT_CERTIFICATE;

  if (starts_with_nocase (bytes, size, "<!doctype html") || starts_with_nocase (bytes, size, "<html"))
    g_set_error (error, domain, code,
                 /* Translators: %s is a file's name */
                 R_("%s: the file is an HTML page, not a certificate (a download link that led "
                    "to a web page or a sign-in page?). Download the certificate file itself."),
                 state->name);
  else if (looks_like_utf16 (bytes, size))
    g_set_error (error, domain, code,
                 /* Translators: %s is a file's name; keep “-Encoding ascii”
                  * as it is (a PowerShell option) */
                 R_("%s: the file is UTF-16 text without a byte-order mark. Save it again as "
                    "UTF-8 (in PowerShell, with -Encoding ascii) or export the certificate again."),
                 state->name);
  else if (looks_like_base64 (bytes, size))
    g_set_error (error, domain, code,
                 /* Translators: %s is a file's name; keep the BEGIN and END
                  * lines as they are */
                 R_("%s: the file is Base64 text without BEGIN/END lines, and it does not "
                    "decode to a certificate. Copy the whole certificate, including its "
                    "“-----BEGIN CERTIFICATE-----” and “-----END CERTIFICATE-----” lines."),
                 state->name);
  else
    g_set_error (error, domain, code,
                 /* Translators: the first %s is a file's name, the second
                  * “Choose a PEM, DER, PKCS#7 (.p7b) or PKCS#12 (.pfx)
                  * certificate file.” */
                 R_("%s: the file holds no certificate. %s"), state->name, formats_hint ());
}

/* PEM text saved as UTF-16 with a byte-order mark (PowerShell 5's `>`),
 * read again as UTF-8. */
static gboolean
load_utf16 (LoadState    *state,
            const guchar *bytes,
            gsize         size,
            const gchar  *password,
            GError      **error)
{
  const gchar *charset = bytes[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";
  g_autofree gchar *utf8 = NULL;
  gsize utf8_len = 0;

  utf8 = g_convert ((const gchar *) bytes + 2, size - 2, "UTF-8", charset, NULL, &utf8_len, NULL);
  if (utf8 == NULL)
    {
      g_set_error (error, CWA_LOAD_ERROR, CWA_LOAD_ERROR_CORRUPT,
                   /* Translators: %s is a file's name */
                   R_("%s: the file is UTF-16 text, but it is damaged. Save it again as UTF-8 "
                      "or export the certificate again."), state->name);
      return FALSE;
    }

  return load_content (state, (const guchar *) utf8, utf8_len, password, FALSE, error);
}

/* Bytes in any shape the loader reads: PEM (also as UTF-16 with a
 * byte-order mark when @allow_utf16), DER, or the Base64 of DER without
 * BEGIN/END lines. */
static gboolean
load_content (LoadState    *state,
              const guchar *bytes,
              gsize         size,
              const gchar  *password,
              gboolean      allow_utf16,
              GError      **error)
{
  gboolean recognised = FALSE;
  gboolean ok;

  if (allow_utf16 && size >= 2 &&
      ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
    return load_utf16 (state, bytes, size, password, error);

  if (memmem (bytes, size, "-----BEGIN ", 11) != NULL)
    return load_pem (state, (const gchar *) bytes, size, password, error);

  ok = load_der (state, bytes, size, password, &recognised, error);
  if (recognised)
    return ok;

  if (looks_like_base64 (bytes, size))
    {
      gsize der_len = 0;
      g_autofree guchar *der = base64_decode_strict ((const gchar *) bytes, size, &der_len);

      if (der != NULL)
        {
          ok = load_der (state, der, der_len, password, &recognised, error);
          if (recognised)
            return ok;
        }
    }

  set_unrecognised_error (state, bytes, size, error);
  return FALSE;
}

/* The message for a file that was read to its end without finding a
 * certificate: what it holds instead, and what to do. */
static void
set_no_certificate_error (LoadState *state,
                          GError   **error)
{
  if (state->n_requests > 0)
    g_set_error (error, CWA_LOAD_ERROR, CWA_LOAD_ERROR_NOT_CERTIFICATE,
                 /* Translators: %s is a file's name */
                 R_("%s: the file holds a certificate request, not a certificate. Submit it "
                    "to the certification authority and load the certificate it issues."),
                 state->name);
  else if (state->n_crls > 0)
    g_set_error (error, CWA_LOAD_ERROR, CWA_LOAD_ERROR_NOT_CERTIFICATE,
                 /* Translators: the first %s is a file's name, the
                  * second “Choose a PEM, DER, PKCS#7 (.p7b) or PKCS#12
                  * (.pfx) certificate file.” */
                 R_("%s: the file holds a certificate revocation list (CRL), not a "
                    "certificate. %s"), state->name, formats_hint ());
  else if (state->n_keys > 0)
    g_set_error (error, CWA_LOAD_ERROR, CWA_LOAD_ERROR_NOT_CERTIFICATE,
                 /* Translators: %s is a file's name */
                 R_("%s: the file holds a private key but no certificate. "
                    "Load the certificate file instead; the key stays on the server."),
                 state->name);
  else
    g_set_error (error, CWA_LOAD_ERROR, CWA_LOAD_ERROR_NOT_CERTIFICATE,
                 /* Translators: the first %s is a file's name, the
                  * second “Choose a PEM, DER, PKCS#7 (.p7b) or PKCS#12
                  * (.pfx) certificate file.” */
                 R_("%s: the file holds no certificate. %s"), state->name, formats_hint ());
}

static void
set_too_large_error (const gchar *name,
                     GError     **error)
{
  g_set_error (error, CWA_LOAD_ERROR, CWA_LOAD_ERROR_TOO_LARGE,
               /* Translators: the first %s is a file's name, %d a number of
                * megabytes, the last %s “Choose a PEM, DER, PKCS#7 (.p7b) or
                * PKCS#12 (.pfx) certificate file.” */
               R_("%s: the file is larger than the %d MB a certificate file can be. %s"),
               name, CWA_LOAD_MAX_SIZE / (1024 * 1024), formats_hint ());
}

GPtrArray *
cwa_cert_loader_load_bytes (GBytes      *data,
                            const gchar *display_name,
                            const gchar *password,
                            GError     **error)
{
  static gsize base64_ready = 0;
  LoadState state = { 0 };
  const guchar *bytes;
  gsize size;
  gboolean ok = FALSE;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_once_init_enter (&base64_ready))
    {
      init_base64_values ();
      g_once_init_leave (&base64_ready, 1);
    }

  /* Translators: what a certificate with no file name is called in messages */
  state.name = display_name != NULL ? display_name : R_("certificate");
  bytes = g_bytes_get_data (data, &size);

  if (size > CWA_LOAD_MAX_SIZE)
    {
      set_too_large_error (state.name, error);
      return NULL;
    }
  if (size == 0)
    {
      g_set_error (error, CWA_LOAD_ERROR, CWA_LOAD_ERROR_NOT_CERTIFICATE,
                   /* Translators: the first %s is a file's name, the second
                    * “Choose a PEM, DER, PKCS#7 (.p7b) or PKCS#12 (.pfx)
                    * certificate file.” */
                   R_("%s: the file is empty. %s"), state.name, formats_hint ());
      return NULL;
    }

  state.certificates = g_ptr_array_new_with_free_func (g_object_unref);
  state.key_ids = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);

  ok = load_content (&state, bytes, size, password, TRUE, error);

  if (ok && state.certificates->len == 0)
    {
      set_no_certificate_error (&state, error);
      ok = FALSE;
    }

  if (ok)
    {
      GPtrArray *certificates;

      mark_private_keys (&state);
      certificates = g_steal_pointer (&state.certificates);
      load_state_clear (&state);
      return certificates;
    }

  load_state_clear (&state);
  return NULL;
}

static gchar *
display_name_for_file (GFile *file)
{
  g_autoptr(GFile) cwd = NULL;
  g_autofree gchar *cwd_path = g_get_current_dir ();
  gchar *relative;

  /* "certs/x.pfx" as the user typed it rather than an absolute path. */
  cwd = g_file_new_for_path (cwd_path);
  relative = g_file_get_relative_path (cwd, file);
  if (relative != NULL)
    return relative;

  return g_file_get_parse_name (file);
}

GBytes *
cwa_cert_loader_read_file (GFile        *file,
                           GCancellable *cancellable,
                           GError      **error)
{
  return cwa_file_read_bounded (file, CWA_LOAD_MAX_SIZE, cancellable, error);
}

/* The loader's words for what cwa_file_read_bounded() refused. */
static void
set_read_error (const gchar *name,
                GError      *read_error,
                GError     **error)
{
  if (g_error_matches (read_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, g_error_copy (read_error));
  else if (g_error_matches (read_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_set_error (error, CWA_LOAD_ERROR, CWA_LOAD_ERROR_IO,
                 /* Translators: %s is a file's name */
                 R_("%s: the file does not exist. Check the path and the file name."), name);
  else if (g_error_matches (read_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    g_set_error (error, CWA_LOAD_ERROR, CWA_LOAD_ERROR_IO,
                 /* Translators: %s is a folder's name */
                 R_("%s is a folder, not a certificate file. Choose the certificate file inside it."),
                 name);
  else if (g_error_matches (read_error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE))
    g_set_error (error, CWA_LOAD_ERROR, CWA_LOAD_ERROR_IO,
                 /* Translators: the first %s is a name the user chose, the
                  * second what it is instead of a file (“a named pipe
                  * (FIFO)”, “a device”, “a socket”, “not a regular file”) */
                 R_("%s: this is %s, not a file. Save the certificate to a file and choose that file."),
                 name, read_error->message);
  else if (g_error_matches (read_error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE))
    set_too_large_error (name, error);
  else
    g_set_error (error, CWA_LOAD_ERROR, CWA_LOAD_ERROR_IO,
                 /* Translators: the first %s is a file's name, the second the
                  * system's reason */
                 R_("%s: the file cannot be read (%s). Check that it exists and that you may "
                    "read it."),
                 name, read_error->message);
}

GPtrArray *
cwa_cert_loader_load_file (GFile        *file,
                           const gchar  *password,
                           GCancellable *cancellable,
                           GError      **error)
{
  g_autofree gchar *name = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = display_name_for_file (file);

  bytes = cwa_cert_loader_read_file (file, cancellable, &local_error);
  if (bytes == NULL)
    {
      set_read_error (name, local_error, error);
      return NULL;
    }

  return cwa_cert_loader_load_bytes (bytes, name, password, error);
}

/* -Wpedantic forbids a function pointer as a gpointer, not as an integer. */
#define LOAD_FILE_TAG ((gpointer) (guintptr) cwa_cert_loader_load_file_async)

typedef struct
{
  GFile   *file;
  gchar   *password;
} LoadFileData;

static void
load_file_data_free (LoadFileData *data)
{
  g_clear_object (&data->file);
  if (data->password != NULL)
    {
      wipe (data->password, strlen (data->password));
      g_free (data->password);
    }
  g_free (data);
}

static void
load_file_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  LoadFileData *data = task_data;
  GPtrArray *certificates;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  certificates = cwa_cert_loader_load_file (data->file, data->password, cancellable, &error);
  if (certificates == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, certificates, (GDestroyNotify) g_ptr_array_unref);
}

void
cwa_cert_loader_load_file_async (GFile              *file,
                                 const gchar        *password,
                                 GCancellable       *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadFileData *data;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (LoadFileData, 1);
  data->file = g_object_ref (file);
  data->password = g_strdup (password);

  /* The file is the source object: the callback gets it back. */
  task = g_task_new (file, cancellable, callback, user_data);
  g_task_set_source_tag (task, LOAD_FILE_TAG);
  g_task_set_task_data (task, data, (GDestroyNotify) load_file_data_free);
  /* Messages in the caller's language. */
  cwa_rule_text_task_run_in_thread (task, load_file_thread);
}

GPtrArray *
cwa_cert_loader_load_file_finish (GAsyncResult *result,
                                  GError      **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == LOAD_FILE_TAG, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

CwaCertificate *
cwa_cert_loader_pick_primary (GPtrArray *certificates)
{
  g_return_val_if_fail (certificates != NULL, NULL);

  for (guint i = 0; i < certificates->len; i++)
    {
      CwaCertificate *certificate = g_ptr_array_index (certificates, i);

      if (!cwa_certificate_is_ca (certificate))
        return certificate;
    }

  return certificates->len > 0 ? g_ptr_array_index (certificates, 0) : NULL;
}

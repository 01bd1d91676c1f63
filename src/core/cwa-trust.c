/* cwa-trust.c: chain building from the plan's certificates up to a public or plan root. */
#include "config.h"

#include <gnutls/gnutls.h>
#include <gnutls/x509.h>

#include "cwa-cert-loader.h"
#include "cwa-certificate-private.h"
#include "cwa-rule-text.h"
#include "cwa-trust.h"

/* Longer chains do not exist in practice; the limit stops loops made of
 * cross-certificates. */
#define MAX_CHAIN_LENGTH 16


struct _CwaTrust
{
  GObject                  parent_instance;

  gnutls_x509_trust_list_t list;
  /* The same roots as CwaCertificates, so they can appear in chains, and
   * indexed by their DER to answer "is this one public". */
  GPtrArray               *public_roots;
  GHashTable              *public_by_der;
};

G_DEFINE_FINAL_TYPE (CwaTrust, cwa_trust, G_TYPE_OBJECT)

static void
cwa_trust_finalize (GObject *object)
{
  CwaTrust *self = (CwaTrust *)object;

  if (self->list != NULL)
    gnutls_x509_trust_list_deinit (self->list, 1);
  g_clear_pointer (&self->public_by_der, g_hash_table_unref);
  g_clear_pointer (&self->public_roots, g_ptr_array_unref);

  G_OBJECT_CLASS (cwa_trust_parent_class)->finalize (object);
}

static void
cwa_trust_class_init (CwaTrustClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cwa_trust_finalize;
}

static void
cwa_trust_init (CwaTrust *self)
{
  if (gnutls_x509_trust_list_init (&self->list, 0) < 0)
    g_error ("Out of memory");
  self->public_roots = g_ptr_array_new_with_free_func (g_object_unref);
  self->public_by_der = g_hash_table_new (g_bytes_hash, g_bytes_equal);
}

CwaTrust *
cwa_trust_new (void)
{
  return g_object_new (CWA_TYPE_TRUST, NULL);
}

/* Records @root as public; FALSE if it already was. */
static gboolean
remember_public_root (CwaTrust       *self,
                      CwaCertificate *root)
{
  GBytes *der = cwa_certificate_get_der (root);

  if (g_hash_table_contains (self->public_by_der, der))
    return FALSE;

  g_ptr_array_add (self->public_roots, g_object_ref (root));
  g_hash_table_add (self->public_by_der, der);
  return TRUE;
}

gboolean
cwa_trust_add_system (CwaTrust *self,
                      GError  **error)
{
  gnutls_x509_trust_list_iter_t iter = NULL;
  gnutls_x509_crt_t crt = NULL;
  guint index = 0;
  int ret;

  g_return_val_if_fail (CWA_IS_TRUST (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ret = gnutls_x509_trust_list_add_system_trust (self->list, 0, 0);
  if (ret < 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   "The system's trusted root certificates cannot be read (%s). "
                   "Install the ca-certificates package, or name the public roots with --public-ca.",
                   gnutls_strerror (ret));
      return FALSE;
    }

  /* The list keeps GnuTLS copies; chains need CwaCertificates. */
  while (gnutls_x509_trust_list_iter_get_ca (self->list, &iter, &crt) >= 0)
    {
      gnutls_datum_t der = { NULL, 0 };
      g_autoptr(CwaCertificate) root = NULL;

      if (gnutls_x509_crt_export2 (crt, GNUTLS_X509_FMT_DER, &der) < 0)
        {
          gnutls_x509_crt_deinit (crt);
          continue;
        }

      root = _cwa_certificate_new_take (crt, g_bytes_new (der.data, der.size),
                                        "system", index++, NULL);
      gnutls_free (der.data);
      if (root != NULL)
        remember_public_root (self, root);
    }
  gnutls_x509_trust_list_iter_deinit (iter);

  return TRUE;
}

gboolean
cwa_trust_add_public_file (CwaTrust *self,
                           GFile    *file,
                           GError  **error)
{
  g_autoptr(GPtrArray) roots = NULL;

  g_return_val_if_fail (CWA_IS_TRUST (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  roots = cwa_cert_loader_load_file (file, NULL, NULL, error);
  if (roots == NULL)
    return FALSE;

  for (guint i = 0; i < roots->len; i++)
    cwa_trust_add_public_root (self, g_ptr_array_index (roots, i));

  return TRUE;
}

void
cwa_trust_add_public_root (CwaTrust       *self,
                           CwaCertificate *root)
{
  gnutls_x509_crt_t copy = NULL;
  gnutls_datum_t datum;
  gsize size;

  g_return_if_fail (CWA_IS_TRUST (self));
  g_return_if_fail (CWA_IS_CERTIFICATE (root));

  if (!remember_public_root (self, root))
    return;

  /* The trust list owns what it is given: hand it its own copy. */
  datum.data = (guchar *) g_bytes_get_data (cwa_certificate_get_der (root), &size);
  datum.size = size;
  if (gnutls_x509_crt_init (&copy) < 0)
    g_error ("Out of memory");
  gnutls_x509_crt_set_flags (copy, GNUTLS_X509_CRT_FLAG_IGNORE_SANITY);
  if (gnutls_x509_crt_import (copy, &datum, GNUTLS_X509_FMT_DER) < 0 ||
      gnutls_x509_trust_list_add_cas (self->list, &copy, 1, 0) != 1)
    gnutls_x509_crt_deinit (copy);
}

guint
cwa_trust_get_n_public_roots (CwaTrust *self)
{
  g_return_val_if_fail (CWA_IS_TRUST (self), 0);

  return self->public_roots->len;
}

static gboolean
signed_by (CwaCertificate *certificate,
           CwaCertificate *issuer)
{
  return _cwa_certificate_crt_signed_by (_cwa_certificate_get_crt (certificate),
                                         _cwa_certificate_get_crt (issuer));
}

static gboolean
chain_contains (GPtrArray      *chain,
                CwaCertificate *certificate)
{
  for (guint i = 0; i < chain->len; i++)
    if (cwa_certificate_equal (g_ptr_array_index (chain, i), certificate))
      return TRUE;

  return FALSE;
}

typedef enum
{
  ISSUER_NONE,          /* nobody of that name */
  ISSUER_BAD_SIGNATURE, /* someone of that name, but the signature fails */
  ISSUER_FOUND,
} IssuerSearch;

static IssuerSearch
find_issuer_in (GPtrArray       *candidates,
                CwaCertificate  *certificate,
                GPtrArray       *chain,
                CwaCertificate **issuer)
{
  IssuerSearch result = ISSUER_NONE;
  gnutls_x509_crt_t crt = _cwa_certificate_get_crt (certificate);

  if (candidates == NULL)
    return ISSUER_NONE;

  for (guint i = 0; i < candidates->len; i++)
    {
      CwaCertificate *candidate = g_ptr_array_index (candidates, i);

      if (chain_contains (chain, candidate) ||
          !gnutls_x509_crt_check_issuer (crt, _cwa_certificate_get_crt (candidate)))
        continue;

      if (signed_by (certificate, candidate))
        {
          *issuer = candidate;
          return ISSUER_FOUND;
        }
      result = ISSUER_BAD_SIGNATURE;
    }

  return result;
}

static const gchar *
name_of (CwaCertificate *certificate)
{
  const gchar *subject = cwa_certificate_get_subject (certificate);

  return subject[0] != '\0' ? subject : cwa_certificate_get_display_name (certificate);
}

/* At a self-signed certificate the chain ends: trusted when it is a CA
 * (a private root the plan holds), else @result's problem says why not.
 * FALSE when @current is not self-signed. */
static gboolean
ends_self_signed (CwaChainResult *result,
                  CwaCertificate *certificate,
                  CwaCertificate *current)
{
  if (!cwa_certificate_is_self_issued (current) || !signed_by (current, current))
    return FALSE;

  if (cwa_certificate_is_ca (current))
    result->trusted = TRUE;
  else if (current == certificate)
    result->problem = g_strdup_printf (R_ ("“%s” is self-signed, so no certification authority "
                                           "vouches for it; replace it with a certificate "
                                           "issued by a CA the clients trust."),
                                       name_of (current));
  else
    result->problem = g_strdup_printf (R_ ("The chain ends at “%s”, which is self-signed but "
                                           "not a CA certificate; add the real issuing CA "
                                           "certificates to the plan."),
                                       name_of (current));
  return TRUE;
}

/* The issuer of @current in the pool, else among the public roots. */
static IssuerSearch
find_issuer (CwaTrust        *self,
             GPtrArray       *pool,
             CwaCertificate  *current,
             GPtrArray       *chain,
             CwaCertificate **issuer)
{
  IssuerSearch search = find_issuer_in (pool, current, chain, issuer);

  if (search != ISSUER_FOUND)
    {
      IssuerSearch public_search = find_issuer_in (self->public_roots, current, chain, issuer);

      search = MAX (search, public_search);
    }

  return search;
}

static gchar *
dup_no_issuer_problem (IssuerSearch    search,
                       CwaCertificate *current)
{
  if (search == ISSUER_BAD_SIGNATURE)
    return g_strdup_printf (R_ ("“%s” names “%s” as its issuer, but that certificate's "
                                "key did not sign it; add the issuer certificate that "
                                "really signed it to the plan."),
                            name_of (current), cwa_certificate_get_issuer (current));

  return g_strdup_printf (R_ ("No issuer certificate for “%s” was found; add it to the plan."),
                          cwa_certificate_get_issuer (current));
}

CwaChainResult *
cwa_trust_verify (CwaTrust       *self,
                  CwaCertificate *certificate,
                  GPtrArray      *pool)
{
  CwaChainResult *result;
  CwaCertificate *current;

  g_return_val_if_fail (CWA_IS_TRUST (self), NULL);
  g_return_val_if_fail (CWA_IS_CERTIFICATE (certificate), NULL);

  result = g_new0 (CwaChainResult, 1);
  result->chain = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (result->chain, g_object_ref (certificate));
  current = certificate;

  for (;;)
    {
      CwaCertificate *issuer = NULL;
      IssuerSearch search;

      if (g_hash_table_contains (self->public_by_der, cwa_certificate_get_der (current)))
        {
          result->trusted = TRUE;
          result->public_root = TRUE;
          break;
        }

      if (ends_self_signed (result, certificate, current))
        break;

      if (result->chain->len >= MAX_CHAIN_LENGTH)
        {
          result->problem = g_strdup_printf (R_ ("The chain of “%s” is longer than %d certificates; "
                                                 "check the CA certificates in the plan for loops."),
                                             name_of (certificate), MAX_CHAIN_LENGTH);
          break;
        }

      search = find_issuer (self, pool, current, result->chain, &issuer);
      if (search != ISSUER_FOUND)
        {
          result->problem = dup_no_issuer_problem (search, current);
          break;
        }

      g_ptr_array_add (result->chain, g_object_ref (issuer));
      current = issuer;
    }

  return result;
}

void
cwa_chain_result_free (CwaChainResult *result)
{
  if (result == NULL)
    return;

  g_clear_pointer (&result->chain, g_ptr_array_unref);
  g_free (result->problem);
  g_free (result);
}

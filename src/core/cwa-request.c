/* cwa-request.c: certificate requests with exactly the required names: certreq INF, OpenSSL config, PKCS#10. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cwa-names.h"
#include "cwa-request.h"
#include "cwa-server.h"
#include "cwa-virtual-server.h"

G_DEFINE_QUARK (cwa-request-error-quark, cwa_request_error)

gboolean
cwa_request_format_from_string (const gchar      *text,
                                CwaRequestFormat *format)
{
  g_return_val_if_fail (format != NULL, FALSE);

  if (g_strcmp0 (text, "inf") == 0)
    *format = CWA_REQUEST_FORMAT_INF;
  else if (g_strcmp0 (text, "openssl") == 0)
    *format = CWA_REQUEST_FORMAT_OPENSSL;
  else if (g_strcmp0 (text, "csr") == 0)
    *format = CWA_REQUEST_FORMAT_CSR;
  else
    return FALSE;
  return TRUE;
}

/* The names, normalised and checked: they are pasted into INF and OpenSSL
 * syntax, so anything but a plain host name (a quote, a newline, a comma)
 * is refused here rather than escaped into a request a CA would sign. */
static GStrv
dup_request_names (CwaRequirement  *requirement,
                   GError         **error)
{
  g_auto(GStrv) all = cwa_requirement_dup_all_names (requirement);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; all != NULL && all[i] != NULL; i++)
    {
      g_autofree gchar *name = cwa_name_normalize (all[i], NULL);
      gboolean seen = FALSE;

      if (name == NULL || !cwa_name_is_valid_host (name))
        {
          g_set_error (error, CWA_REQUEST_ERROR, CWA_REQUEST_ERROR_INVALID_NAME,
                       "“%s” is not a host name a certification authority can put in a certificate; "
                       "correct it in the plan.", all[i]);
          return NULL;
        }
      for (const gchar *p = name; *p != '\0'; p++)
        if (!g_ascii_isalnum (*p) && *p != '-' && *p != '.')
          {
            g_set_error (error, CWA_REQUEST_ERROR, CWA_REQUEST_ERROR_INVALID_NAME,
                         "“%s” holds characters a certificate request cannot carry; "
                         "correct it in the plan.", all[i]);
            return NULL;
          }
      for (guint j = 0; j < names->len; j++)
        seen |= g_str_equal (g_ptr_array_index (names, j), name);
      if (!seen)
        g_ptr_array_add (names, g_steal_pointer (&name));
    }

  if (names->len == 0)
    {
      g_set_error_literal (error, CWA_REQUEST_ERROR, CWA_REQUEST_ERROR_INVALID_NAME,
                           "The entry has no required name to request a certificate for.");
      return NULL;
    }

  g_ptr_array_add (names, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

/* "the SSL certificate of im.contoso.com": for the comment at the top. */
static gchar *
dup_description (CwaRequirement *requirement)
{
  CwaVirtualServer *vs = cwa_requirement_get_virtual_server (requirement);
  CwaServer *server = cwa_requirement_get_server (requirement);
  const gchar *vs_host = vs != NULL ? cwa_virtual_server_get_host (vs) : NULL;
  const gchar *fqdn = server != NULL ? cwa_server_get_fqdn (server) : NULL;

  switch (cwa_requirement_get_role (requirement))
    {
    case CWA_ROLE_SHARED:
      return g_strdup_printf ("the shared MTLS and SSL certificate of %s on %s",
                              vs_host != NULL ? vs_host : cwa_requirement_get_subject (requirement),
                              fqdn != NULL ? fqdn : "its server");
    case CWA_ROLE_SSL:
      return g_strdup_printf ("the SSL certificate of %s",
                              vs_host != NULL ? vs_host : cwa_requirement_get_subject (requirement));
    case CWA_ROLE_MTLS:
    default:
      return g_strdup_printf ("the MTLS certificate of %s",
                              fqdn != NULL ? fqdn : cwa_requirement_get_subject (requirement));
    }
}

gchar *
cwa_request_dup_inf (CwaRequirement  *requirement,
                     GError         **error)
{
  g_auto(GStrv) names = NULL;
  g_autofree gchar *description = NULL;
  GString *inf;

  g_return_val_if_fail (CWA_IS_REQUIREMENT (requirement), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(names = dup_request_names (requirement, error)))
    return NULL;
  description = dup_description (requirement);

  /* certreq reads INF files with Windows line ends best. */
  inf = g_string_new (NULL);
  g_string_append_printf (inf, "; certreq.exe request for %s.\r\n", description);
  g_string_append (inf, "; Made by CWA Cert Planner " PACKAGE_VERSION ". Run it on the CWA server itself,\r\n"
                        "; where the private key must live (the [Extensions] section needs\r\n"
                        "; Windows Server 2008 or later):\r\n");
  g_string_append_printf (inf, ";   certreq -new %s.inf %s.req\r\n", names[0], names[0]);
  g_string_append (inf, "\r\n[Version]\r\nSignature=\"$Windows NT$\"\r\n\r\n[NewRequest]\r\n");
  g_string_append_printf (inf, "Subject = \"CN=%s\"\r\n", names[0]);
  g_string_append (inf,
                   "KeySpec = 1\r\n"
                   "KeyLength = 2048\r\n"
                   "Exportable = TRUE\r\n"
                   "MachineKeySet = TRUE\r\n"
                   "SMIME = FALSE\r\n"
                   "PrivateKeyArchive = FALSE\r\n"
                   "UserProtected = FALSE\r\n"
                   "UseExistingKeySet = FALSE\r\n"
                   "ProviderName = \"Microsoft RSA SChannel Cryptographic Provider\"\r\n"
                   "ProviderType = 12\r\n"
                   "RequestType = PKCS10\r\n"
                   "HashAlgorithm = SHA256\r\n"
                   "KeyUsage = 0xa0\r\n"
                   "\r\n"
                   "[EnhancedKeyUsageExtension]\r\n"
                   "OID=1.3.6.1.5.5.7.3.1 ; Server Authentication\r\n"
                   "\r\n"
                   "[Extensions]\r\n"
                   "; Subject alternative names\r\n"
                   "2.5.29.17 = \"{text}\"\r\n");
  for (guint i = 0; names[i] != NULL; i++)
    g_string_append_printf (inf, "_continue_ = \"dns=%s&\"\r\n", names[i]);

  return g_string_free (inf, FALSE);
}

gchar *
cwa_request_dup_openssl_config (CwaRequirement  *requirement,
                                GError         **error)
{
  g_auto(GStrv) names = NULL;
  g_autofree gchar *description = NULL;
  GString *conf;

  g_return_val_if_fail (CWA_IS_REQUIREMENT (requirement), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(names = dup_request_names (requirement, error)))
    return NULL;
  description = dup_description (requirement);

  conf = g_string_new (NULL);
  g_string_append_printf (conf, "# OpenSSL request configuration for %s.\n", description);
  g_string_append (conf, "# Made by CWA Cert Planner " PACKAGE_VERSION ". Make a key and the request:\n");
  g_string_append_printf (conf,
                          "#   openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out %s.key\n"
                          "#   openssl req -new -config %s.cnf -key %s.key -out %s.csr\n",
                          names[0], names[0], names[0], names[0]);
  g_string_append (conf,
                   "\n[ req ]\n"
                   "default_bits       = 2048\n"
                   "default_md         = sha256\n"
                   "prompt             = no\n"
                   "string_mask        = utf8only\n"
                   "distinguished_name = req_distinguished_name\n"
                   "req_extensions     = req_ext\n"
                   "\n[ req_distinguished_name ]\n");
  g_string_append_printf (conf, "CN = %s\n", names[0]);
  g_string_append (conf,
                   "\n[ req_ext ]\n"
                   "keyUsage           = critical, digitalSignature, keyEncipherment\n"
                   "extendedKeyUsage   = serverAuth\n"
                   "subjectAltName     = @alt_names\n"
                   "\n[ alt_names ]\n");
  for (guint i = 0; names[i] != NULL; i++)
    g_string_append_printf (conf, "DNS.%u = %s\n", i + 1, names[i]);

  return g_string_free (conf, FALSE);
}

static gboolean
set_gnutls_error (GError     **error,
                  int          ret,
                  const gchar *what)
{
  g_set_error (error, CWA_REQUEST_ERROR, CWA_REQUEST_ERROR_CRYPTO,
               "Could not %s: %s.", what, gnutls_strerror (ret));
  return FALSE;
}

static gboolean
write_all (int           fd,
           const guint8 *data,
           gsize         len)
{
  while (len > 0)
    {
      ssize_t n = write (fd, data, len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      data += n;
      len -= (gsize) n;
    }
  return TRUE;
}

/* Creates the key file before the key exists, so that an existing file is
 * refused before any work, and the key never lies in a file others can
 * read, not even for a moment. */
static int
create_key_file (const gchar  *key_path,
                 GError      **error)
{
  int fd = open (key_path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);

  if (fd < 0)
    {
      int saved_errno = errno;
      g_autofree gchar *display = g_filename_display_name (key_path);

      if (saved_errno == EEXIST)
        g_set_error (error, CWA_REQUEST_ERROR, CWA_REQUEST_ERROR_KEY_EXISTS,
                     "%s: the file exists already, and a private key is never written over another file; "
                     "choose a new file name for the key.", display);
      else
        g_set_error (error, CWA_REQUEST_ERROR, CWA_REQUEST_ERROR_IO,
                     "%s: cannot create the key file: %s; choose a folder you can write to.",
                     display, g_strerror (saved_errno));
      return -1;
    }
  /* umask can only take bits away, but be explicit about what is meant. */
  if (fchmod (fd, 0600) != 0)
    {
      int saved_errno = errno;
      g_autofree gchar *display = g_filename_display_name (key_path);

      close (fd);
      g_unlink (key_path);
      g_set_error (error, CWA_REQUEST_ERROR, CWA_REQUEST_ERROR_IO,
                   "%s: cannot restrict the key file to its owner: %s.", display, g_strerror (saved_errno));
      return -1;
    }
  return fd;
}

static gchar *
make_csr (const gchar * const  *names,
          gnutls_x509_privkey_t key,
          GError              **error)
{
  gnutls_x509_crq_t crq = NULL;
  gnutls_datum_t pem = { NULL, 0 };
  gchar *result = NULL;
  int ret;

  if ((ret = gnutls_x509_crq_init (&crq)) < 0)
    {
      set_gnutls_error (error, ret, "start a certificate request");
      return NULL;
    }

  if ((ret = gnutls_x509_crq_set_version (crq, 1)) < 0)
    {
      set_gnutls_error (error, ret, "set the request version");
      goto out;
    }
  if ((ret = gnutls_x509_crq_set_dn_by_oid (crq, GNUTLS_OID_X520_COMMON_NAME, 0,
                                            names[0], strlen (names[0]))) < 0)
    {
      set_gnutls_error (error, ret, "set the request subject");
      goto out;
    }
  for (guint i = 0; names[i] != NULL; i++)
    if ((ret = gnutls_x509_crq_set_subject_alt_name (crq, GNUTLS_SAN_DNSNAME, names[i],
                                                     strlen (names[i]),
                                                     i == 0 ? GNUTLS_FSAN_SET : GNUTLS_FSAN_APPEND)) < 0)
      {
        set_gnutls_error (error, ret, "add a subject alternative name");
        goto out;
      }
  if ((ret = gnutls_x509_crq_set_key_usage (crq, GNUTLS_KEY_DIGITAL_SIGNATURE |
                                                 GNUTLS_KEY_KEY_ENCIPHERMENT)) < 0)
    {
      set_gnutls_error (error, ret, "set the key usage");
      goto out;
    }
  if ((ret = gnutls_x509_crq_set_key_purpose_oid (crq, GNUTLS_KP_TLS_WWW_SERVER, 0)) < 0)
    {
      set_gnutls_error (error, ret, "set the extended key usage");
      goto out;
    }
  if ((ret = gnutls_x509_crq_set_key (crq, key)) < 0)
    {
      set_gnutls_error (error, ret, "put the public key into the request");
      goto out;
    }
  if ((ret = gnutls_x509_crq_sign2 (crq, key, GNUTLS_DIG_SHA256, 0)) < 0)
    {
      set_gnutls_error (error, ret, "sign the request");
      goto out;
    }
  if ((ret = gnutls_x509_crq_export2 (crq, GNUTLS_X509_FMT_PEM, &pem)) < 0)
    {
      set_gnutls_error (error, ret, "encode the request");
      goto out;
    }
  result = g_strndup ((const gchar *) pem.data, pem.size);

out:
  gnutls_free (pem.data);
  gnutls_x509_crq_deinit (crq);
  return result;
}

gchar *
cwa_request_create_csr (CwaRequirement  *requirement,
                        const gchar     *key_path,
                        GError         **error)
{
  g_auto(GStrv) names = NULL;
  gnutls_x509_privkey_t key = NULL;
  gnutls_datum_t key_pem = { NULL, 0 };
  gchar *csr = NULL;
  gboolean written = FALSE;
  int fd;
  int ret;

  g_return_val_if_fail (CWA_IS_REQUIREMENT (requirement), NULL);
  g_return_val_if_fail (key_path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(names = dup_request_names (requirement, error)))
    return NULL;
  if ((fd = create_key_file (key_path, error)) < 0)
    return NULL;

  if ((ret = gnutls_x509_privkey_init (&key)) < 0 ||
      (ret = gnutls_x509_privkey_generate (key, GNUTLS_PK_RSA, CWA_REQUEST_KEY_BITS, 0)) < 0)
    {
      set_gnutls_error (error, ret, "make a new RSA key");
      goto out;
    }
  if (!(csr = make_csr ((const gchar * const *) names, key, error)))
    goto out;
  if ((ret = gnutls_x509_privkey_export2_pkcs8 (key, GNUTLS_X509_FMT_PEM, NULL,
                                                GNUTLS_PKCS_PLAIN, &key_pem)) < 0)
    {
      set_gnutls_error (error, ret, "encode the new key");
      goto out;
    }
  if (!write_all (fd, key_pem.data, key_pem.size) || fsync (fd) != 0)
    {
      g_autofree gchar *display = g_filename_display_name (key_path);

      g_set_error (error, CWA_REQUEST_ERROR, CWA_REQUEST_ERROR_IO,
                   "%s: cannot write the key file: %s; check the free space of that disk.",
                   display, g_strerror (errno));
      goto out;
    }
  written = TRUE;

out:
  if (key_pem.data != NULL)
    {
      gnutls_memset (key_pem.data, 0, key_pem.size);
      gnutls_free (key_pem.data);
    }
  if (key != NULL)
    gnutls_x509_privkey_deinit (key);
  close (fd);
  if (!written)
    {
      /* The file is ours (O_EXCL): leave no half-made key behind. */
      g_unlink (key_path);
      g_clear_pointer (&csr, g_free);
    }
  return csr;
}

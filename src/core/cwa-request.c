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

#include "cwa-load-balancer.h"
#include "cwa-names.h"
#include "cwa-publishing-rule.h"
#include "cwa-request.h"
#include "cwa-reverse-proxy.h"
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

/* An IP address SAN entry's text in canonical form (rules.md, "Required
 * names": a publishing rule's internal host may be an address), or NULL
 * when @name is no IP address. */
static gchar *
dup_address (const gchar *name)
{
  g_autoptr(GInetAddress) address = g_inet_address_new_from_string (name);

  return address != NULL ? g_inet_address_to_string (address) : NULL;
}

static gboolean
is_address (const gchar *name)
{
  g_autoptr(GInetAddress) address = g_inet_address_new_from_string (name);

  return address != NULL;
}

/* One name normalised and checked: names are pasted into INF and OpenSSL
 * syntax, so anything but a plain host name or an IP address (a quote, a
 * newline, a comma) is refused here rather than escaped into a request a
 * CA would sign. */
static gchar *
dup_request_name (const gchar  *written,
                  gboolean      is_subject,
                  GError      **error)
{
  g_autofree gchar *name = is_subject ? NULL : dup_address (written);

  if (name != NULL)
    return g_steal_pointer (&name);

  name = cwa_name_normalize (written, NULL);
  if (name == NULL || !cwa_name_is_valid_host (name))
    {
      g_set_error (error, CWA_REQUEST_ERROR, CWA_REQUEST_ERROR_INVALID_NAME,
                   "“%s” is not a host name a certification authority can put in a certificate%s; "
                   "correct it in the plan.", written,
                   is_subject ? " as its subject" : "");
      return NULL;
    }
  for (const gchar *p = name; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '.')
      {
        g_set_error (error, CWA_REQUEST_ERROR, CWA_REQUEST_ERROR_INVALID_NAME,
                     "“%s” holds characters a certificate request cannot carry; "
                     "correct it in the plan.", written);
        return NULL;
      }
  return g_steal_pointer (&name);
}

/* The names, normalised and checked, each once: the subject (a host name)
 * first, then the SAN names, where IP addresses are in canonical text. */
static GStrv
dup_request_names (CwaRequirement  *requirement,
                   GError         **error)
{
  g_auto(GStrv) all = cwa_requirement_dup_all_names (requirement);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; all != NULL && all[i] != NULL; i++)
    {
      g_autofree gchar *name = dup_request_name (all[i], i == 0, error);

      if (name == NULL)
        return NULL;
      if (!g_ptr_array_find_with_equal_func (names, name, g_str_equal, NULL))
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

/* "cwa01.contoso.com, cwa02.contoso.com": an array's members from @first on. */
static gchar *
dup_member_list (CwaRequirement *requirement,
                 guint           first)
{
  GPtrArray *servers = cwa_requirement_get_servers (requirement);
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = first; i < servers->len; i++)
    g_string_append_printf (list, "%s%s", list->len > 0 ? ", " : "",
                            cwa_server_get_fqdn (g_ptr_array_index (servers, i)));
  return g_string_free (g_steal_pointer (&list), FALSE);
}

/* "the SSL certificate of im.contoso.com": for the comment at the top. */
static gchar *
dup_description (CwaRequirement *requirement)
{
  CwaVirtualServer *vs = cwa_requirement_get_virtual_server (requirement);
  CwaServer *server = cwa_requirement_get_server (requirement);
  CwaReverseProxy *proxy = cwa_requirement_get_reverse_proxy (requirement);
  const gchar *subject = cwa_requirement_get_subject (requirement);
  const gchar *vs_host = vs != NULL ? cwa_virtual_server_get_host (vs) : subject;
  const gchar *fqdn = server != NULL ? cwa_server_get_fqdn (server) : subject;
  g_autofree gchar *members = NULL;

  switch (cwa_requirement_get_role (requirement))
    {
    case CWA_ROLE_SHARED:
      return g_strdup_printf ("the shared MTLS and SSL certificate of %s on %s", vs_host, fqdn);
    case CWA_ROLE_SSL:
      if (cwa_requirement_get_load_balancer (requirement) == NULL && server != NULL)
        return g_strdup_printf ("the SSL certificate of %s on %s", vs_host, fqdn);
      if (cwa_requirement_get_load_balancer (requirement) == NULL)
        return g_strdup_printf ("the SSL certificate of %s", vs_host);
      members = dup_member_list (requirement, 0);
      return g_strdup_printf ("the SSL certificate of the array %s, on each of its members (%s)",
                              subject, members);
    case CWA_ROLE_LOAD_BALANCER:
      return g_strdup_printf ("the SSL certificate of the load balancer %s, which offloads SSL", subject);
    case CWA_ROLE_REVERSE_PROXY:
      if (proxy == NULL)
        return g_strdup_printf ("the listener certificate publishing %s on its reverse proxy", subject);
      return g_strdup_printf ("the listener certificate publishing %s on the reverse proxy %s",
                              subject, cwa_reverse_proxy_get_fqdn (proxy));
    case CWA_ROLE_MTLS:
    default:
      return g_strdup_printf ("the MTLS certificate of %s", fqdn);
    }
}

/* Where certreq runs: the computer that will hold the private key, by
 * name where the plan gives it. */
static gchar *
dup_key_holder (CwaRequirement *requirement)
{
  CwaServer *server = cwa_requirement_get_server (requirement);
  CwaReverseProxy *proxy = cwa_requirement_get_reverse_proxy (requirement);

  switch (cwa_requirement_get_role (requirement))
    {
    case CWA_ROLE_LOAD_BALANCER:
      return g_strdup ("a Windows computer");
    case CWA_ROLE_REVERSE_PROXY:
      if (proxy == NULL)
        return g_strdup ("the reverse proxy itself");
      return g_strdup_printf ("the reverse proxy %s itself", cwa_reverse_proxy_get_fqdn (proxy));
    case CWA_ROLE_SSL:
      if (cwa_requirement_get_load_balancer (requirement) != NULL && server != NULL)
        return g_strdup_printf ("one member of the array, %s", cwa_server_get_fqdn (server));
      G_GNUC_FALLTHROUGH;
    case CWA_ROLE_SHARED:
    case CWA_ROLE_MTLS:
    default:
      if (server != NULL)
        return g_strdup_printf ("the CWA server %s itself", cwa_server_get_fqdn (server));
      return g_strdup ("the CWA server itself");
    }
}

/* What to do with the issued certificate, or NULL when it simply stays
 * where its key was made.  @key_here: the key is made where the request
 * is (certreq), not next to an OpenSSL configuration. */
static gchar *
dup_next_step (CwaRequirement *requirement,
               gboolean        key_here)
{
  CwaLoadBalancer *lb = cwa_requirement_get_load_balancer (requirement);
  g_autofree gchar *members = NULL;

  switch (cwa_requirement_get_role (requirement))
    {
    case CWA_ROLE_REVERSE_PROXY:
      return g_strdup ("Send the request to a public certification authority: browsers on public "
                       "computers trust only those (rp.listener-public-ca).");
    case CWA_ROLE_LOAD_BALANCER:
      if (lb == NULL)
        return g_strdup_printf ("%s the certificate with its private key into the load balancer.",
                                key_here ? "Export and import" : "Import");
      return g_strdup_printf ("%s the certificate with its private key into the load balancer %s.",
                              key_here ? "Export and import" : "Import", cwa_load_balancer_get_fqdn (lb));
    case CWA_ROLE_SSL:
      if (lb == NULL)
        return NULL;
      members = dup_member_list (requirement, key_here ? 1 : 0);
      if (members[0] == '\0')
        return NULL;
      return g_strdup_printf ("%s on %s: every member serves the array FQDN with it.",
                              key_here ? "Export the certificate with its private key and import it"
                                       : "Install the certificate with its key",
                              members);
    case CWA_ROLE_SHARED:
    case CWA_ROLE_MTLS:
    default:
      return NULL;
    }
}

gchar *
cwa_request_dup_inf (CwaRequirement  *requirement,
                     GError         **error)
{
  g_auto(GStrv) names = NULL;
  g_autofree gchar *description = NULL;
  g_autofree gchar *holder = NULL;
  g_autofree gchar *next = NULL;
  GString *inf;

  g_return_val_if_fail (CWA_IS_REQUIREMENT (requirement), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(names = dup_request_names (requirement, error)))
    return NULL;
  description = dup_description (requirement);
  holder = dup_key_holder (requirement);
  next = dup_next_step (requirement, TRUE);

  /* certreq reads INF files with Windows line ends best. */
  inf = g_string_new (NULL);
  g_string_append_printf (inf, "; certreq.exe request for %s.\r\n", description);
  g_string_append_printf (inf, "; Made by CWA Cert Planner " PACKAGE_VERSION ". Run it on %s,\r\n"
                               "; where the private key must live (the [Extensions] section needs\r\n"
                               "; Windows Server 2008 or later):\r\n", holder);
  g_string_append_printf (inf, ";   certreq -new %s.inf %s.req\r\n", names[0], names[0]);
  if (next != NULL)
    g_string_append_printf (inf, "; %s\r\n", next);
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
    g_string_append_printf (inf, "_continue_ = \"%s=%s&\"\r\n",
                            is_address (names[i]) ? "ipaddress" : "dns", names[i]);

  return g_string_free (inf, FALSE);
}

gchar *
cwa_request_dup_openssl_config (CwaRequirement  *requirement,
                                GError         **error)
{
  g_auto(GStrv) names = NULL;
  g_autofree gchar *description = NULL;
  g_autofree gchar *next = NULL;
  guint n_dns = 0, n_ip = 0;
  GString *conf;

  g_return_val_if_fail (CWA_IS_REQUIREMENT (requirement), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(names = dup_request_names (requirement, error)))
    return NULL;
  description = dup_description (requirement);
  next = dup_next_step (requirement, FALSE);

  conf = g_string_new (NULL);
  g_string_append_printf (conf, "# OpenSSL request configuration for %s.\n", description);
  g_string_append (conf, "# Made by CWA Cert Planner " PACKAGE_VERSION ". Make a key and the request:\n");
  g_string_append_printf (conf,
                          "#   openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out %s.key\n"
                          "#   openssl req -new -config %s.cnf -key %s.key -out %s.csr\n",
                          names[0], names[0], names[0], names[0]);
  if (next != NULL)
    g_string_append_printf (conf, "# %s\n", next);
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
    {
      if (is_address (names[i]))
        g_string_append_printf (conf, "IP.%u = %s\n", ++n_ip, names[i]);
      else
        g_string_append_printf (conf, "DNS.%u = %s\n", ++n_dns, names[i]);
    }

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

      /* O_CREAT | O_EXCL says EEXIST for a folder too. */
      if (saved_errno == EEXIST && g_file_test (key_path, G_FILE_TEST_IS_DIR))
        g_set_error (error, CWA_REQUEST_ERROR, CWA_REQUEST_ERROR_KEY_IS_FOLDER,
                     "%s is a folder, not a file; choose the name of a new file for the key "
                     "(in that folder, if you like).", display);
      else if (saved_errno == EEXIST)
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

/* One SAN entry: an IP address as its 4 or 16 bytes, a host name as text. */
static int
add_san (gnutls_x509_crq_t crq,
         const gchar      *name,
         gboolean          first)
{
  g_autoptr(GInetAddress) address = g_inet_address_new_from_string (name);
  unsigned int flags = first ? GNUTLS_FSAN_SET : GNUTLS_FSAN_APPEND;

  if (address != NULL)
    return gnutls_x509_crq_set_subject_alt_name (crq, GNUTLS_SAN_IPADDRESS,
                                                 g_inet_address_to_bytes (address),
                                                 (unsigned int) g_inet_address_get_native_size (address),
                                                 flags);
  return gnutls_x509_crq_set_subject_alt_name (crq, GNUTLS_SAN_DNSNAME, name, strlen (name), flags);
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
    if ((ret = add_san (crq, names[i], i == 0)) < 0)
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

/* test-request.c: certificate requests carry exactly the required names; the new key is private and never overwrites. */
#include "config.h"

#include <glib/gstdio.h>
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#include <string.h>
#include <sys/stat.h>

#include "cwa-cli.h"
#include "cwa-deployment.h"
#include "cwa-request.h"
#include "cwa-requirement.h"
#include "cwa-test-cert.h"
#include "cwa-test-plan.h"

typedef struct
{
  gchar         *dir;
  CwaDeployment *deployment;
  GPtrArray     *requirements;
} Fixture;

/* One computer with one https virtual server and nothing assigned: planned
 * as one shared certificate (rules.md, "Required names"). */
static void
fixture_set_up_shared (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(CwaServer) server = cwa_server_new ("cwaserver.contoso.com");
  g_autoptr(CwaVirtualServer) vs = cwa_virtual_server_new ("https://im.contoso.com", CWA_AUDIENCE_EXTERNAL);

  fixture->dir = g_dir_make_tmp ("cwa-request-XXXXXX", NULL);
  g_assert_nonnull (fixture->dir);
  fixture->deployment = cwa_deployment_new ();
  cwa_server_add_virtual_server (server, vs);
  cwa_deployment_add_server (fixture->deployment, server);
  fixture->requirements = cwa_requirements_compute (fixture->deployment);
}

/* Two virtual servers: separate SSL certificates and one MTLS certificate. */
static void
fixture_set_up_separate (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(CwaServer) server = cwa_server_new ("cwaserver.contoso.com");
  g_autoptr(CwaVirtualServer) vs1 = cwa_virtual_server_new ("https://im.contoso.com", CWA_AUDIENCE_EXTERNAL);
  g_autoptr(CwaVirtualServer) vs2 = cwa_virtual_server_new ("https://im.fabrikam.com", CWA_AUDIENCE_INTERNAL);

  fixture->dir = g_dir_make_tmp ("cwa-request-XXXXXX", NULL);
  g_assert_nonnull (fixture->dir);
  fixture->deployment = cwa_deployment_new ();
  cwa_server_add_virtual_server (server, vs1);
  cwa_server_add_virtual_server (server, vs2);
  cwa_deployment_add_server (fixture->deployment, server);
  fixture->requirements = cwa_requirements_compute (fixture->deployment);
}

/* Two computers behind an SSL-offloading load balancer for im.contoso.com,
 * published by a reverse proxy that forwards to the load balancer's
 * virtual IP, and a second publishing rule forwarding to an IPv6 address
 * of the array: the IP addresses become IP SAN entries (rules.md,
 * "Required names"). */
static void
fixture_set_up_array (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(CwaLoadBalancer) lb = cwa_load_balancer_new ("im.contoso.com");
  g_autoptr(CwaReverseProxy) proxy = cwa_reverse_proxy_new ("isa01.perimeter.contoso.com");
  g_autoptr(CwaPublishingRule) rule = cwa_publishing_rule_new ("https://im.contoso.com", "im.contoso.com");
  g_autoptr(CwaPublishingRule) second = cwa_publishing_rule_new ("https://cwa.contoso.com", "im.contoso.com");
  const gchar *members[] = { "cwa01.contoso.com", "cwa02.contoso.com", NULL };

  fixture->dir = g_dir_make_tmp ("cwa-request-XXXXXX", NULL);
  g_assert_nonnull (fixture->dir);
  fixture->deployment = cwa_deployment_new ();
  for (guint i = 0; members[i] != NULL; i++)
    {
      g_autoptr(CwaServer) server = cwa_server_new (members[i]);
      g_autoptr(CwaVirtualServer) vs = cwa_virtual_server_new ("https://im.contoso.com",
                                                               CWA_AUDIENCE_EXTERNAL);

      cwa_server_add_virtual_server (server, vs);
      cwa_deployment_add_server (fixture->deployment, server);
    }
  cwa_load_balancer_set_vip (lb, "10.0.0.50");
  cwa_load_balancer_set_members (lb, members);
  cwa_load_balancer_set_ssl_offload (lb, TRUE);
  cwa_deployment_add_load_balancer (fixture->deployment, lb);
  cwa_publishing_rule_set_internal_host (rule, "10.0.0.50");
  cwa_publishing_rule_set_internal_host (second, "[2001:DB8::50]");
  cwa_reverse_proxy_add_publishing_rule (proxy, rule);
  cwa_reverse_proxy_add_publishing_rule (proxy, second);
  cwa_deployment_add_reverse_proxy (fixture->deployment, proxy);
  fixture->requirements = cwa_requirements_compute (fixture->deployment);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_ptr_array_unref (fixture->requirements);
  g_assert_finalize_object (fixture->deployment);
  cwa_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static CwaRequirement *
find_requirement (Fixture *fixture,
                  CwaRole  role,
                  const gchar *subject)
{
  for (guint i = 0; i < fixture->requirements->len; i++)
    {
      CwaRequirement *requirement = g_ptr_array_index (fixture->requirements, i);

      if (cwa_requirement_get_role (requirement) == role &&
          g_str_equal (cwa_requirement_get_subject (requirement), subject))
        return requirement;
    }
  g_assert_not_reached ();
  return NULL;
}

/* What a request must carry: the subject, then the SAN names. */
static GStrv
expected_names (CwaRequirement *requirement)
{
  return cwa_requirement_dup_all_names (requirement);
}

/* Whether @name is an IP address (an IP SAN entry), not a host name. */
static gboolean
is_address (const gchar *name)
{
  g_autoptr(GInetAddress) address = g_inet_address_new_from_string (name);

  return address != NULL;
}

static guint
count_substrings (const gchar *text,
                  const gchar *needle)
{
  guint n = 0;

  for (const gchar *p = text; (p = strstr (p, needle)) != NULL; p++)
    n++;
  return n;
}

/* Subject DN and SAN of a PEM request, read back with GnuTLS. */
static void
read_request (const gchar  *pem,
              gsize         length,
              gchar       **dn,
              GStrv        *sans,
              guint        *bits)
{
  gnutls_x509_crq_t crq;
  gnutls_datum_t datum = { (unsigned char *) pem, (unsigned int) length };
  gnutls_datum_t dn_datum = { NULL, 0 };
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  unsigned int key_bits = 0;

  g_assert_cmpint (gnutls_x509_crq_init (&crq), ==, 0);
  g_assert_cmpint (gnutls_x509_crq_import (crq, &datum, GNUTLS_X509_FMT_PEM), ==, 0);
  /* Signed by the key it carries. */
  g_assert_cmpint (gnutls_x509_crq_verify (crq, 0), ==, 0);

  g_assert_cmpint (gnutls_x509_crq_get_dn3 (crq, &dn_datum, 0), ==, 0);
  *dn = g_strndup ((const gchar *) dn_datum.data, dn_datum.size);
  gnutls_free (dn_datum.data);

  for (guint i = 0;; i++)
    {
      char name[1024];
      size_t size = sizeof name;
      unsigned int type = 0;
      int ret = gnutls_x509_crq_get_subject_alt_name (crq, i, name, &size, &type, NULL);

      if (ret == GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE)
        break;
      if (ret == GNUTLS_SAN_IPADDRESS)
        {
          /* Four or sixteen bytes, shown as their canonical text. */
          g_autoptr(GInetAddress) address = NULL;
          g_autofree gchar *text = NULL;

          g_assert_true (size == 4 || size == 16);
          address = g_inet_address_new_from_bytes ((const guint8 *) name,
                                                   size == 4 ? G_SOCKET_FAMILY_IPV4 : G_SOCKET_FAMILY_IPV6);
          text = g_inet_address_to_string (address);
          g_strv_builder_add (builder, text);
          continue;
        }
      g_assert_cmpint (ret, ==, GNUTLS_SAN_DNSNAME);
      g_strv_builder_add (builder, name);
    }
  *sans = g_strv_builder_end (builder);

  gnutls_x509_crq_get_pk_algorithm (crq, &key_bits);
  *bits = key_bits;
  gnutls_x509_crq_deinit (crq);
}

static void
assert_strv_equal (const gchar * const *a,
                   const gchar * const *b)
{
  g_assert_cmpuint (g_strv_length ((gchar **) a), ==, g_strv_length ((gchar **) b));
  for (guint i = 0; a[i] != NULL; i++)
    g_assert_cmpstr (a[i], ==, b[i]);
}

static gchar *
run_tool (const gchar * const *argv,
          gint                *status)
{
  g_autoptr(GError) error = NULL;
  g_autofree gchar *err = NULL;
  gchar *out = NULL;

  if (!g_spawn_sync (NULL, (gchar **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                     &out, &err, status, &error))
    g_error ("%s could not be run: %s", argv[0], error->message);
  if (!g_spawn_check_wait_status (*status, NULL))
    g_test_message ("%s failed: %s", argv[0], err);
  return out;
}

static void
check_csr (Fixture        *fixture,
           CwaRequirement *requirement)
{
  g_autofree gchar *key_path = g_build_filename (fixture->dir, "new.key", NULL);
  g_autofree gchar *csr_path = g_build_filename (fixture->dir, "new.csr", NULL);
  g_autofree gchar *key = NULL;
  g_autofree gchar *key_again = NULL;
  g_autofree gchar *dn = NULL;
  g_autofree gchar *expected_dn = NULL;
  g_autofree gchar *csr = NULL;
  g_autofree gchar *second = NULL;
  g_auto(GStrv) names = expected_names (requirement);
  g_auto(GStrv) sans = NULL;
  g_autoptr(GError) error = NULL;
  gsize key_length;
  guint bits;
  struct stat st;

  csr = cwa_request_create_csr (requirement, key_path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (csr);
  g_assert_true (g_str_has_prefix (csr, "-----BEGIN NEW CERTIFICATE REQUEST-----") ||
                 g_str_has_prefix (csr, "-----BEGIN CERTIFICATE REQUEST-----"));
  g_assert_null (strstr (csr, "PRIVATE KEY"));

  /* Exactly the required names: CN the subject, SAN every name, no more. */
  read_request (csr, strlen (csr), &dn, &sans, &bits);
  expected_dn = g_strdup_printf ("CN=%s", names[0]);
  g_assert_cmpstr (dn, ==, expected_dn);
  assert_strv_equal ((const gchar * const *) sans, (const gchar * const *) names);
  g_assert_cmpuint (bits, ==, 2048);

  /* The key: only its owner may read it, and it is the request's key. */
  g_assert_cmpint (g_stat (key_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_true (g_file_get_contents (key_path, &key, &key_length, NULL));
  g_assert_true (g_str_has_prefix (key, "-----BEGIN PRIVATE KEY-----"));
  {
    gnutls_x509_privkey_t privkey;
    gnutls_x509_crq_t crq;
    gnutls_datum_t key_datum = { (unsigned char *) key, (unsigned int) key_length };
    gnutls_datum_t csr_datum = { (unsigned char *) csr, (unsigned int) strlen (csr) };
    guchar id_key[64], id_csr[64];
    size_t size_key = sizeof id_key, size_csr = sizeof id_csr;

    g_assert_cmpint (gnutls_x509_privkey_init (&privkey), ==, 0);
    g_assert_cmpint (gnutls_x509_privkey_import (privkey, &key_datum, GNUTLS_X509_FMT_PEM), ==, 0);
    g_assert_cmpint (gnutls_x509_privkey_get_key_id (privkey, 0, id_key, &size_key), ==, 0);
    g_assert_cmpint (gnutls_x509_crq_init (&crq), ==, 0);
    g_assert_cmpint (gnutls_x509_crq_import (crq, &csr_datum, GNUTLS_X509_FMT_PEM), ==, 0);
    g_assert_cmpint (gnutls_x509_crq_get_key_id (crq, 0, id_csr, &size_csr), ==, 0);
    g_assert_cmpmem (id_key, size_key, id_csr, size_csr);
    gnutls_x509_crq_deinit (crq);
    gnutls_x509_privkey_deinit (privkey);
  }

  /* A second request never writes over the key: refused, file unchanged. */
  second = cwa_request_create_csr (requirement, key_path, &error);
  g_assert_error (error, CWA_REQUEST_ERROR, CWA_REQUEST_ERROR_KEY_EXISTS);
  g_assert_null (second);
  g_assert_nonnull (strstr (error->message, key_path));
  g_assert_true (g_file_get_contents (key_path, &key_again, NULL, NULL));
  g_assert_cmpstr (key, ==, key_again);

  /* certtool reads the same names. */
  g_assert_true (g_file_set_contents (csr_path, csr, -1, NULL));
  if (!g_file_test ("/usr/bin/certtool", G_FILE_TEST_IS_EXECUTABLE) &&
      !g_file_test ("/usr/local/bin/certtool", G_FILE_TEST_IS_EXECUTABLE))
    g_test_message ("certtool is not installed: its reading of the request is not checked");
  else
    {
      const gchar *argv[] = { "certtool", "--crq-info", "--infile", csr_path, NULL };
      g_autofree gchar *info = NULL;
      g_autofree gchar *subject_line = g_strdup_printf ("Subject: CN=%s\n", names[0]);
      gint status;

      info = run_tool (argv, &status);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      g_assert_nonnull (strstr (info, subject_line));
      for (guint i = 0; names[i] != NULL; i++)
        {
          g_autofree gchar *line = g_strdup_printf ("%s: %s\n", is_address (names[i]) ? "IPAddress" : "DNSname",
                                                    names[i]);

          g_assert_nonnull (strstr (info, line));
        }
      g_assert_cmpuint (count_substrings (info, "DNSname: ") + count_substrings (info, "IPAddress: "),
                        ==, g_strv_length (names));
      g_assert_nonnull (strstr (info, "Digital signature"));
      g_assert_nonnull (strstr (info, "Key encipherment"));
      g_assert_nonnull (strstr (info, "TLS WWW Server"));
    }
}

static void
test_csr_shared (Fixture       *fixture,
                 gconstpointer  data)
{
  CwaRequirement *requirement = find_requirement (fixture, CWA_ROLE_SHARED, "im.contoso.com");
  g_auto(GStrv) names = expected_names (requirement);
  const gchar *expected[] = { "im.contoso.com", "as.im.contoso.com", "download.im.contoso.com",
                              "cwaserver.contoso.com", NULL };

  /* The documented single-certificate case, as rules.md spells it out. */
  assert_strv_equal ((const gchar * const *) names, expected);
  check_csr (fixture, requirement);
}

static void
test_csr_separate (Fixture       *fixture,
                   gconstpointer  data)
{
  check_csr (fixture, find_requirement (fixture, CWA_ROLE_SSL, "im.fabrikam.com"));
}

static void
test_csr_mtls (Fixture       *fixture,
               gconstpointer  data)
{
  CwaRequirement *requirement = find_requirement (fixture, CWA_ROLE_MTLS, "cwaserver.contoso.com");
  g_auto(GStrv) names = expected_names (requirement);

  g_assert_cmpuint (g_strv_length (names), ==, 1);
  check_csr (fixture, requirement);
}

static void
test_csr_key_dir_missing (Fixture       *fixture,
                          gconstpointer  data)
{
  CwaRequirement *requirement = find_requirement (fixture, CWA_ROLE_SHARED, "im.contoso.com");
  g_autofree gchar *key_path = g_build_filename (fixture->dir, "no-such-folder", "k.key", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree gchar *csr = cwa_request_create_csr (requirement, key_path, &error);

  g_assert_null (csr);
  g_assert_error (error, CWA_REQUEST_ERROR, CWA_REQUEST_ERROR_IO);
  g_assert_false (g_file_test (key_path, G_FILE_TEST_EXISTS));
}

/* A folder as the key's path is said to be a folder, not a file that
 * exists already, and is left as it was. */
static void
test_csr_key_is_folder (Fixture       *fixture,
                        gconstpointer  data)
{
  CwaRequirement *requirement = find_requirement (fixture, CWA_ROLE_SHARED, "im.contoso.com");
  g_autoptr(GError) error = NULL;
  g_autofree gchar *csr = cwa_request_create_csr (requirement, fixture->dir, &error);

  g_assert_null (csr);
  g_assert_error (error, CWA_REQUEST_ERROR, CWA_REQUEST_ERROR_KEY_IS_FOLDER);
  g_assert_nonnull (strstr (error->message, "is a folder"));
  g_assert_null (strstr (error->message, "exists already"));
  g_assert_true (g_file_test (fixture->dir, G_FILE_TEST_IS_DIR));
}

/* The configuration lists each name as DNS.n or IP.n, and openssl makes
 * a request of exactly those names from it. */
static void
check_openssl_config (Fixture        *fixture,
                      CwaRequirement *requirement)
{
  g_auto(GStrv) names = expected_names (requirement);
  g_autoptr(GError) error = NULL;
  g_autofree gchar *config = cwa_request_dup_openssl_config (requirement, &error);
  g_autofree gchar *config_path = g_build_filename (fixture->dir, "req.cnf", NULL);
  g_autofree gchar *csr_path = g_build_filename (fixture->dir, "req.csr", NULL);
  g_autofree gchar *key_path = cwa_test_data_path ("keys", "rsa2048.key", NULL);
  g_autofree gchar *openssl = g_find_program_in_path ("openssl");
  g_autofree gchar *csr = NULL;
  g_autofree gchar *dn = NULL;
  g_autofree gchar *expected_dn = NULL;
  g_auto(GStrv) sans = NULL;
  gsize length;
  guint bits;
  guint n_dns = 0, n_ip = 0;
  gint status;

  g_assert_no_error (error);
  g_assert_nonnull (strstr (config, "prompt             = no\n"));
  g_assert_nonnull (strstr (config, "extendedKeyUsage   = serverAuth\n"));
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree gchar *line = is_address (names[i]) ? g_strdup_printf ("IP.%u = %s\n", ++n_ip, names[i])
                                                     : g_strdup_printf ("DNS.%u = %s\n", ++n_dns, names[i]);

      g_assert_nonnull (strstr (config, line));
    }
  g_assert_cmpuint (count_substrings (config, "\nDNS.") + count_substrings (config, "\nIP."), ==,
                    g_strv_length (names));
  g_assert_true (g_file_set_contents (config_path, config, -1, NULL));

  if (openssl == NULL)
    {
      g_test_skip ("openssl is not installed");
      return;
    }

  {
    const gchar *argv[] = { "openssl", "req", "-new", "-config", config_path, "-key", key_path,
                            "-out", csr_path, NULL };
    g_autofree gchar *out = run_tool (argv, &status);

    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  g_assert_true (g_file_get_contents (csr_path, &csr, &length, NULL));
  read_request (csr, length, &dn, &sans, &bits);
  expected_dn = g_strdup_printf ("CN=%s", names[0]);
  g_assert_cmpstr (dn, ==, expected_dn);
  assert_strv_equal ((const gchar * const *) sans, (const gchar * const *) names);
  g_assert_cmpuint (bits, ==, 2048);
}

static void
test_openssl_config (Fixture       *fixture,
                     gconstpointer  data)
{
  check_openssl_config (fixture, find_requirement (fixture, CWA_ROLE_SHARED, "im.contoso.com"));
}

/* The INF asks for what CWA-PREP asks, with exactly the names (dns= for
 * host names, ipaddress= for addresses); returns it for more checks. */
static gchar *
check_inf (CwaRequirement *requirement)
{
  g_auto(GStrv) names = expected_names (requirement);
  g_autoptr(GError) error = NULL;
  g_autofree gchar *inf = cwa_request_dup_inf (requirement, &error);
  g_autofree gchar *subject = NULL;

  g_assert_no_error (error);
  subject = g_strdup_printf ("Subject = \"CN=%s\"\r\n", names[0]);
  g_assert_nonnull (strstr (inf, "[Version]\r\nSignature=\"$Windows NT$\"\r\n"));
  g_assert_nonnull (strstr (inf, subject));
  g_assert_nonnull (strstr (inf, "KeySpec = 1\r\n"));
  g_assert_nonnull (strstr (inf, "KeyLength = 2048\r\n"));
  g_assert_nonnull (strstr (inf, "Exportable = TRUE\r\n"));
  g_assert_nonnull (strstr (inf, "MachineKeySet = TRUE\r\n"));
  g_assert_nonnull (strstr (inf, "RequestType = PKCS10\r\n"));
  g_assert_nonnull (strstr (inf, "KeyUsage = 0xa0\r\n"));
  g_assert_nonnull (strstr (inf, "[EnhancedKeyUsageExtension]\r\nOID=1.3.6.1.5.5.7.3.1"));
  g_assert_nonnull (strstr (inf, "2.5.29.17 = \"{text}\"\r\n"));
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree gchar *line = g_strdup_printf ("_continue_ = \"%s=%s&\"\r\n",
                                                is_address (names[i]) ? "ipaddress" : "dns", names[i]);

      g_assert_nonnull (strstr (inf, line));
    }
  g_assert_cmpuint (count_substrings (inf, "_continue_ = "), ==, g_strv_length (names));
  return g_steal_pointer (&inf);
}

static void
test_inf (Fixture       *fixture,
          gconstpointer  data)
{
  CwaRequirement *requirement = find_requirement (fixture, CWA_ROLE_SSL, "im.contoso.com");
  g_auto(GStrv) names = expected_names (requirement);
  g_autofree gchar *inf = check_inf (requirement);

  g_assert_cmpuint (g_strv_length (names), ==, 3);
  g_assert_cmpuint (count_substrings (inf, "dns="), ==, 3);
  /* Separate SSL: the server's FQDN is not one of its names. */
  g_assert_null (strstr (inf, "dns=cwaserver.contoso.com"));
  /* The comment names the computer the request is for and runs on. */
  g_assert_true (g_str_has_prefix (inf, "; certreq.exe request for the SSL certificate of im.contoso.com "
                                        "on cwaserver.contoso.com.\r\n"));
  g_assert_nonnull (strstr (inf, "Run it on the CWA server cwaserver.contoso.com itself,\r\n"));
}

/* A computer's MTLS request says where to run it by name as well. */
static void
test_inf_mtls (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree gchar *inf = check_inf (find_requirement (fixture, CWA_ROLE_MTLS, "cwaserver.contoso.com"));

  g_assert_true (g_str_has_prefix (inf, "; certreq.exe request for the MTLS certificate of "
                                        "cwaserver.contoso.com.\r\n"));
  g_assert_nonnull (strstr (inf, "Run it on the CWA server cwaserver.contoso.com itself,\r\n"));
}

/* A name that is no host name is refused, not pasted into INF syntax. */
static void
test_invalid_name (void)
{
  g_autoptr(CwaServer) server = cwa_server_new ("cwaserver.contoso.com");
  const gchar *san[] = { "im.contoso.com", "evil\"&\r\nKeyLength = 512", NULL };
  g_autoptr(CwaRequirement) requirement = cwa_requirement_new (CWA_ROLE_MTLS, server, NULL,
                                                               "im.contoso.com", san);
  g_autoptr(GError) error = NULL;
  g_autofree gchar *inf = cwa_request_dup_inf (requirement, &error);
  g_autofree gchar *config = NULL;

  g_assert_error (error, CWA_REQUEST_ERROR, CWA_REQUEST_ERROR_INVALID_NAME);
  g_assert_null (inf);
  g_clear_error (&error);
  config = cwa_request_dup_openssl_config (requirement, &error);
  g_assert_error (error, CWA_REQUEST_ERROR, CWA_REQUEST_ERROR_INVALID_NAME);
  g_assert_null (config);
}

/* An entry of @role for the array, load balancer or listener @subject. */
static CwaRequirement *
find_front_end_requirement (Fixture     *fixture,
                            CwaRole      role,
                            const gchar *subject)
{
  CwaRequirement *requirement = find_requirement (fixture, role, subject);

  g_assert_true (cwa_requirement_get_load_balancer (requirement) != NULL ||
                 cwa_requirement_get_publishing_rule (requirement) != NULL);
  return requirement;
}

/* The entry of @role for @subject has exactly @expected as its names, and
 * every format carries them; returns the INF for more checks. */
static gchar *
check_every_format (Fixture             *fixture,
                    CwaRole              role,
                    const gchar         *subject,
                    const gchar * const *expected)
{
  CwaRequirement *requirement = find_front_end_requirement (fixture, role, subject);
  g_auto(GStrv) names = expected_names (requirement);

  assert_strv_equal ((const gchar * const *) names, expected);
  check_openssl_config (fixture, requirement);
  check_csr (fixture, requirement);
  return check_inf (requirement);
}

/* The array's one SSL entry: its names, and the IPv6 internal host of the
 * second publishing rule as an IP SAN entry in every format. */
static void
test_array_ssl (Fixture       *fixture,
                gconstpointer  data)
{
  const gchar *expected[] = { "im.contoso.com", "as.im.contoso.com", "download.im.contoso.com",
                              "2001:db8::50", NULL };
  g_autofree gchar *inf = check_every_format (fixture, CWA_ROLE_SSL, "im.contoso.com", expected);

  g_assert_nonnull (strstr (inf, "_continue_ = \"ipaddress=2001:db8::50&\"\r\n"));
  /* certreq runs on one member; the others get the exported certificate. */
  g_assert_nonnull (strstr (inf, "the array im.contoso.com, on each of its members "
                                 "(cwa01.contoso.com, cwa02.contoso.com)"));
  g_assert_nonnull (strstr (inf, "Run it on one member of the array, cwa01.contoso.com,"));
  g_assert_nonnull (strstr (inf, "import it on cwa02.contoso.com"));
}

/* The offloading load balancer's entry carries its VIP, the internal host
 * of the first publishing rule, as an IPv4 SAN entry. */
static void
test_load_balancer (Fixture       *fixture,
                    gconstpointer  data)
{
  const gchar *expected[] = { "im.contoso.com", "as.im.contoso.com", "download.im.contoso.com",
                              "10.0.0.50", NULL };
  g_autofree gchar *inf = check_every_format (fixture, CWA_ROLE_LOAD_BALANCER, "im.contoso.com", expected);

  g_assert_nonnull (strstr (inf, "_continue_ = \"ipaddress=10.0.0.50&\"\r\n"));
  g_assert_nonnull (strstr (inf, "the load balancer im.contoso.com"));
}

/* A listener's entry: the published names only, for a public CA. */
static void
test_listener (Fixture       *fixture,
               gconstpointer  data)
{
  const gchar *expected[] = { "cwa.contoso.com", "as.cwa.contoso.com", "download.cwa.contoso.com", NULL };
  g_autofree gchar *inf = check_every_format (fixture, CWA_ROLE_REVERSE_PROXY, "cwa.contoso.com", expected);

  g_assert_nonnull (strstr (inf, "Run it on the reverse proxy isa01.perimeter.contoso.com itself,"));
  g_assert_nonnull (strstr (inf, "public certification authority"));
}

/* A subject that is an IP address is refused: a CN must be a host name. */
static void
test_address_subject (void)
{
  const gchar *san[] = { "10.0.0.50", NULL };
  g_autoptr(CwaRequirement) requirement = cwa_requirement_new (CWA_ROLE_SSL, NULL, NULL, "10.0.0.50", san);
  g_autoptr(GError) error = NULL;
  g_autofree gchar *inf = cwa_request_dup_inf (requirement, &error);

  g_assert_error (error, CWA_REQUEST_ERROR, CWA_REQUEST_ERROR_INVALID_NAME);
  g_assert_null (inf);
}

/* An entry not yet tied to its load balancer or reverse proxy (a plan
 * being built) is described without an empty name in the sentence. */
static void
test_front_end_unnamed (void)
{
  const gchar *san[] = { "im.contoso.com", NULL };
  const CwaRole roles[] = { CWA_ROLE_LOAD_BALANCER, CWA_ROLE_REVERSE_PROXY };

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      g_autoptr(CwaRequirement) requirement = cwa_requirement_new (roles[i], NULL, NULL, "im.contoso.com", san);
      g_autoptr(GError) error = NULL;
      g_autofree gchar *inf = cwa_request_dup_inf (requirement, &error);
      g_autofree gchar *conf = cwa_request_dup_openssl_config (requirement, &error);

      g_assert_no_error (error);
      g_assert_null (strstr (inf, "  itself"));
      g_assert_null (strstr (inf, " .\r\n"));
      g_assert_null (strstr (inf, " ,"));
      g_assert_null (strstr (conf, " .\n"));
      g_assert_null (strstr (conf, "proxy ."));
    }
}

/* The sub-command, in process: arguments, role defaults, exit statuses. */
static int
run_cli (const gchar *first,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  g_ptr_array_add (args, (gpointer) "cwa-cert-planner");
  g_ptr_array_add (args, (gpointer) "request");
  va_start (ap, first);
  for (const gchar *a = first; a != NULL; a = va_arg (ap, const gchar *))
    g_ptr_array_add (args, (gpointer) a);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  return cwa_cli_main ((int) args->len - 1, (char **) args->pdata);
}

static void
test_cli (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree gchar *contoso = cwa_test_example_path ("contoso.cwaplan");
  g_autofree gchar *mistakes = cwa_test_example_path ("mistakes.cwaplan");
  g_autofree gchar *out = g_build_filename (fixture->dir, "out.inf", NULL);
  g_autofree gchar *csr = g_build_filename (fixture->dir, "out.csr", NULL);
  g_autofree gchar *key = g_build_filename (fixture->dir, "out.key", NULL);
  g_autofree gchar *text = NULL;
  g_autofree gchar *csr_text = NULL;
  g_autofree gchar *dn = NULL;
  g_auto(GStrv) sans = NULL;
  const gchar *shared_names[] = { "im.contoso.com", "as.im.contoso.com", "download.im.contoso.com",
                                  "cwaserver.contoso.com", NULL };
  gsize length;
  guint bits;

  if (!g_file_test (contoso, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("the example plans are not in the source tree");
      return;
    }

  /* contoso: one shared certificate; the role defaults to it, from either side. */
  g_assert_cmpint (run_cli (contoso, "--virtual-server", "im.contoso.com", "--format", "inf",
                            "--output", out, NULL), ==, 0);
  g_assert_true (g_file_get_contents (out, &text, NULL, NULL));
  for (guint i = 0; shared_names[i] != NULL; i++)
    {
      g_autofree gchar *line = g_strdup_printf ("dns=%s&", shared_names[i]);

      g_assert_nonnull (strstr (text, line));
    }
  /* A URL names the virtual server as well as its host does, everywhere. */
  g_assert_cmpint (run_cli (contoso, "--virtual-server", "https://im.contoso.com", "--format", "inf",
                            "--output", out, NULL), ==, 0);
  g_assert_cmpint (run_cli (contoso, "--virtual-server", "https://IM.contoso.com:443/", "--format", "inf",
                            "--output", out, NULL), ==, 0);
  g_assert_cmpint (run_cli (contoso, "--virtual-server", "https://im.contoso.com/cwa", "--format", "inf",
                            "--output", out, NULL), ==, 2);
  g_assert_cmpint (run_cli (contoso, "--server", "CWASERVER.contoso.com.", "--format", "openssl",
                            "--output", out, NULL), ==, 0);
  g_assert_cmpint (run_cli (contoso, "--virtual-server", "im.contoso.com", "--role", "shared",
                            "--format", "csr", "--key-out", key, "--output", csr, NULL), ==, 0);
  g_assert_true (g_file_get_contents (csr, &csr_text, &length, NULL));
  read_request (csr_text, length, &dn, &sans, &bits);
  assert_strv_equal ((const gchar * const *) sans, shared_names);

  /* The key exists now: a second run refuses, and leaves the CSR alone. */
  g_assert_cmpint (run_cli (contoso, "--virtual-server", "im.contoso.com", "--format", "csr",
                            "--key-out", key, "--output", csr, NULL), ==, 2);

  /* No such subject, no such role, missing or contradictory options. */
  g_assert_cmpint (run_cli (contoso, "--virtual-server", "nowhere.contoso.com", "--format", "inf", NULL), ==, 2);
  g_assert_cmpint (run_cli (contoso, "--server", "other.contoso.com", "--format", "inf", NULL), ==, 2);
  g_assert_cmpint (run_cli (contoso, "--virtual-server", "im.contoso.com", "--role", "mtls",
                            "--format", "inf", NULL), ==, 2);
  g_assert_cmpint (run_cli (contoso, "--virtual-server", "im.contoso.com", "--role", "ssl",
                            "--format", "inf", NULL), ==, 2);
  g_assert_cmpint (run_cli (contoso, "--virtual-server", "im.contoso.com", "--role", "dmz",
                            "--format", "inf", NULL), ==, 2);
  g_assert_cmpint (run_cli (contoso, "--virtual-server", "im.contoso.com", NULL), ==, 2);
  g_assert_cmpint (run_cli (contoso, "--virtual-server", "im.contoso.com", "--format", "pem", NULL), ==, 2);
  g_assert_cmpint (run_cli (contoso, "--format", "inf", NULL), ==, 2);
  g_assert_cmpint (run_cli (contoso, "--virtual-server", "im.contoso.com", "--server",
                            "cwaserver.contoso.com", "--format", "inf", NULL), ==, 2);
  g_assert_cmpint (run_cli (contoso, "--virtual-server", "im.contoso.com", "--format", "csr", NULL), ==, 2);
  g_assert_cmpint (run_cli ("--virtual-server", "im.contoso.com", "--format", "inf", NULL), ==, 2);

  /* mistakes: two virtual servers, so separate certificates: the server's
   * own is MTLS, each virtual server's is SSL. */
  if (g_file_test (mistakes, G_FILE_TEST_EXISTS))
    {
      g_autofree gchar *mtls = NULL;

      g_assert_cmpint (run_cli (mistakes, "--server", "cwaserver.contoso.com", "--format", "inf",
                                "--output", out, NULL), ==, 0);
      g_assert_true (g_file_get_contents (out, &mtls, NULL, NULL));
      g_assert_nonnull (strstr (mtls, "Subject = \"CN=cwaserver.contoso.com\""));
      g_assert_null (strstr (mtls, "dns=im."));
      g_assert_cmpint (run_cli (mistakes, "--virtual-server", "im.fabrikam.com", "--role", "ssl",
                                "--format", "inf", "--output", out, NULL), ==, 0);
      g_assert_cmpint (run_cli (mistakes, "--server", "cwaserver.contoso.com", "--role", "shared",
                                "--format", "inf", NULL), ==, 2);
    }
}

/* An array plan written as a user would (plan-format.md, "Version 2"):
 * @offload says whether the load balancer offloads SSL; @with_lb FALSE
 * leaves the load balancer out, so that the two computers only share a
 * URL. */
static gchar *
write_array_plan (Fixture     *fixture,
                  const gchar *name,
                  gboolean     with_lb,
                  gboolean     offload)
{
  g_autofree gchar *lb = g_strdup_printf (
    "  \"load_balancers\": [ { \"fqdn\": \"im.contoso.com\", \"vip\": \"10.0.0.50\",\n"
    "      \"members\": [\"cwa01.contoso.com\", \"cwa02.contoso.com\"], \"ssl_offload\": %s } ],\n",
    offload ? "true" : "false");
  g_autofree gchar *text = g_strdup_printf (
    "{\n  \"format\": \"cwa-cert-plan\", \"version\": 2, \"name\": \"array\",\n"
    "  \"servers\": [\n"
    "    { \"fqdn\": \"cwa01.contoso.com\", \"virtual_servers\": [\n"
    "        { \"url\": \"https://im.contoso.com\", \"audience\": \"external\" } ] },\n"
    "    { \"fqdn\": \"cwa02.contoso.com\", \"virtual_servers\": [\n"
    "        { \"url\": \"https://im.contoso.com\", \"audience\": \"external\" } ] } ],\n"
    "%s"
    "  \"reverse_proxies\": [ { \"fqdn\": \"isa01.perimeter.contoso.com\", \"publishing_rules\": [\n"
    "      { \"published_url\": \"https://im.contoso.com\", \"virtual_server\": \"im.contoso.com\",\n"
    "        \"internal_host\": \"10.0.0.50\" },\n"
    "      { \"published_url\": \"http://plain.contoso.com\", \"virtual_server\": \"im.contoso.com\" } ] } ],\n"
    "  \"certificates\": []\n}\n", with_lb ? lb : "");
  gchar *path = g_build_filename (fixture->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return path;
}

static gchar *
read_output (const gchar *path)
{
  gchar *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

/* request --virtual-server, --load-balancer and --reverse-proxy on an
 * array plan: the entry each names, in every format, and the refusals. */
static void
test_cli_array (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree gchar *plan = write_array_plan (fixture, "array.cwaplan", TRUE, TRUE);
  g_autofree gchar *through = write_array_plan (fixture, "through.cwaplan", TRUE, FALSE);
  g_autofree gchar *no_lb = write_array_plan (fixture, "no-lb.cwaplan", FALSE, FALSE);
  g_autofree gchar *out = g_build_filename (fixture->dir, "out.txt", NULL);
  g_autofree gchar *csr = g_build_filename (fixture->dir, "out.csr", NULL);
  g_autofree gchar *key = g_build_filename (fixture->dir, "out.key", NULL);
  g_autofree gchar *text = NULL;
  g_autofree gchar *csr_text = NULL;
  g_autofree gchar *dn = NULL;
  g_auto(GStrv) sans = NULL;
  const gchar *array_names[] = { "im.contoso.com", "as.im.contoso.com", "download.im.contoso.com", NULL };
  const gchar *rp = "isa01.perimeter.contoso.com";
  gsize length;
  guint bits;

  /* The array's virtual server, however it is named: its one SSL entry. */
  g_assert_cmpint (run_cli (plan, "--virtual-server", "im.contoso.com", "--format", "openssl",
                            "--output", out, NULL), ==, 0);
  text = read_output (out);
  g_assert_nonnull (strstr (text, "the array im.contoso.com"));
  g_assert_null (strstr (text, "IP.1"));
  g_clear_pointer (&text, g_free);
  g_assert_cmpint (run_cli (plan, "--virtual-server", "https://im.contoso.com", "--role", "ssl",
                            "--format", "inf", "--output", out, NULL), ==, 0);
  g_assert_cmpint (run_cli (plan, "--load-balancer", "IM.contoso.com.", "--role", "ssl", "--format", "csr",
                            "--key-out", key, "--output", csr, NULL), ==, 0);
  g_assert_true (g_file_get_contents (csr, &csr_text, &length, NULL));
  read_request (csr_text, length, &dn, &sans, &bits);
  g_assert_cmpstr (dn, ==, "CN=im.contoso.com");
  assert_strv_equal ((const gchar * const *) sans, array_names);

  /* The offloading load balancer's own entry, with its VIP as IP entry. */
  g_assert_cmpint (run_cli (plan, "--load-balancer", "im.contoso.com", "--format", "inf",
                            "--output", out, NULL), ==, 0);
  text = read_output (out);
  g_assert_nonnull (strstr (text, "_continue_ = \"ipaddress=10.0.0.50&\""));
  g_clear_pointer (&text, g_free);

  /* The listener, named by the published URL or host. */
  g_assert_cmpint (run_cli (plan, "--reverse-proxy", rp, "--published-host", "https://im.contoso.com/",
                            "--format", "openssl", "--output", out, NULL), ==, 0);
  text = read_output (out);
  g_assert_nonnull (strstr (text, "public certification authority"));
  g_assert_nonnull (strstr (text, "DNS.3 = download.im.contoso.com\n"));
  g_assert_null (strstr (text, "DNS.4"));
  g_assert_null (strstr (text, "IP.1"));
  g_clear_pointer (&text, g_free);

  /* A pass-through load balancer has no certificate of its own; its
   * array's entry then carries the VIP the proxy forwards to. */
  g_assert_cmpint (run_cli (through, "--load-balancer", "im.contoso.com", "--format", "inf", NULL), ==, 2);
  g_assert_cmpint (run_cli (through, "--load-balancer", "im.contoso.com", "--role", "ssl",
                            "--format", "openssl", "--output", out, NULL), ==, 0);
  text = read_output (out);
  g_assert_nonnull (strstr (text, "IP.1 = 10.0.0.50\n"));
  g_clear_pointer (&text, g_free);

  /* Without the load balancer the two computers are no array. */
  g_assert_cmpint (run_cli (no_lb, "--virtual-server", "im.contoso.com", "--format", "inf", NULL), ==, 2);
  g_assert_cmpint (run_cli (no_lb, "--virtual-server", "im.contoso.com", "--role", "ssl",
                            "--format", "inf", NULL), ==, 2);

  /* Unknown subjects, options that do not go together, an http listener. */
  g_assert_cmpint (run_cli (plan, "--load-balancer", "lb.contoso.com", "--format", "inf", NULL), ==, 2);
  g_assert_cmpint (run_cli (plan, "--load-balancer", "im.contoso.com", "--role", "mtls",
                            "--format", "inf", NULL), ==, 2);
  g_assert_cmpint (run_cli (plan, "--load-balancer", "im.contoso.com", "--virtual-server", "im.contoso.com",
                            "--format", "inf", NULL), ==, 2);
  g_assert_cmpint (run_cli (plan, "--reverse-proxy", rp, "--format", "inf", NULL), ==, 2);
  g_assert_cmpint (run_cli (plan, "--published-host", "im.contoso.com", "--format", "inf", NULL), ==, 2);
  g_assert_cmpint (run_cli (plan, "--reverse-proxy", "isa02.perimeter.contoso.com", "--published-host",
                            "im.contoso.com", "--format", "inf", NULL), ==, 2);
  g_assert_cmpint (run_cli (plan, "--reverse-proxy", rp, "--published-host", "other.contoso.com",
                            "--format", "inf", NULL), ==, 2);
  g_assert_cmpint (run_cli (plan, "--reverse-proxy", rp, "--published-host", "im.contoso.com",
                            "--role", "ssl", "--format", "inf", NULL), ==, 2);
  g_assert_cmpint (run_cli (plan, "--reverse-proxy", rp, "--published-host", "plain.contoso.com",
                            "--format", "inf", NULL), ==, 2);
  g_assert_cmpint (run_cli (plan, "--reverse-proxy", rp, "--published-host", "https://im.contoso.com/cwa",
                            "--format", "inf", NULL), ==, 2);
}

/* Two computers with a virtual server of one host and no load balancer
 * (a plan still being written): --virtual-server alone cannot choose, and
 * --computer says whose; for an array any member names its one entry. */
static void
test_cli_computer (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree gchar *plan = g_build_filename (fixture->dir, "two.cwaplan", NULL);
  g_autofree gchar *array = write_array_plan (fixture, "array.cwaplan", TRUE, FALSE);
  g_autofree gchar *out = g_build_filename (fixture->dir, "out.txt", NULL);
  g_autofree gchar *member = g_build_filename (fixture->dir, "member.txt", NULL);
  g_autofree gchar *text = NULL;
  g_autofree gchar *member_text = NULL;
  static const gchar plan_text[] =
    "{\n  \"format\": \"cwa-cert-plan\", \"version\": 2, \"name\": \"two\",\n"
    "  \"servers\": [\n"
    "    { \"fqdn\": \"cwa01.contoso.com\", \"virtual_servers\": [\n"
    "        { \"url\": \"https://im.contoso.com\", \"audience\": \"internal\" } ] },\n"
    "    { \"fqdn\": \"cwa02.contoso.com\", \"virtual_servers\": [\n"
    "        { \"url\": \"https://im.contoso.com\", \"audience\": \"internal\",\n"
    "          \"as_url\": \"as2.im.contoso.com\" } ] },\n"
    "    { \"fqdn\": \"cwa03.contoso.com\", \"virtual_servers\": [\n"
    "        { \"url\": \"https://chat.contoso.com\", \"audience\": \"internal\" } ] } ],\n"
    "  \"certificates\": []\n}\n";

  g_assert_true (g_file_set_contents (plan, plan_text, -1, NULL));

  /* Which one: a usage error that lists them. */
  g_assert_cmpint (run_cli (plan, "--virtual-server", "im.contoso.com", "--format", "openssl", NULL), ==, 2);

  /* Each computer's own entry, by its FQDN as host names compare. */
  g_assert_cmpint (run_cli (plan, "--virtual-server", "im.contoso.com", "--computer", "CWA02.contoso.com.",
                            "--format", "openssl", "--output", out, NULL), ==, 0);
  text = read_output (out);
  g_assert_nonnull (strstr (text, "DNS.2 = as2.im.contoso.com\n"));
  g_clear_pointer (&text, g_free);
  g_assert_cmpint (run_cli (plan, "--virtual-server", "https://im.contoso.com", "--computer", "cwa01.contoso.com",
                            "--role", "ssl", "--format", "openssl", "--output", out, NULL), ==, 0);
  text = read_output (out);
  g_assert_nonnull (strstr (text, "DNS.2 = as.im.contoso.com\n"));
  g_clear_pointer (&text, g_free);

  /* A computer the plan lacks, one without that host, --computer alone or
   * with another subject. */
  g_assert_cmpint (run_cli (plan, "--virtual-server", "im.contoso.com", "--computer", "cwa09.contoso.com",
                            "--format", "openssl", NULL), ==, 2);
  g_assert_cmpint (run_cli (plan, "--virtual-server", "im.contoso.com", "--computer", "cwa03.contoso.com",
                            "--format", "openssl", NULL), ==, 2);
  g_assert_cmpint (run_cli (plan, "--computer", "cwa01.contoso.com", "--format", "openssl", NULL), ==, 2);
  g_assert_cmpint (run_cli (plan, "--server", "cwa01.contoso.com", "--computer", "cwa01.contoso.com",
                            "--format", "openssl", NULL), ==, 2);

  /* An array member names the array's one entry. */
  g_assert_cmpint (run_cli (array, "--virtual-server", "im.contoso.com", "--format", "openssl",
                            "--output", out, NULL), ==, 0);
  g_assert_cmpint (run_cli (array, "--virtual-server", "im.contoso.com", "--computer", "cwa02.contoso.com",
                            "--format", "openssl", "--output", member, NULL), ==, 0);
  text = read_output (out);
  member_text = read_output (member);
  g_assert_cmpstr (member_text, ==, text);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cwa/request/csr/shared", Fixture, NULL,
              fixture_set_up_shared, test_csr_shared, fixture_tear_down);
  g_test_add ("/cwa/request/csr/separate-ssl", Fixture, NULL,
              fixture_set_up_separate, test_csr_separate, fixture_tear_down);
  g_test_add ("/cwa/request/csr/mtls", Fixture, NULL,
              fixture_set_up_separate, test_csr_mtls, fixture_tear_down);
  g_test_add ("/cwa/request/csr/key-folder-missing", Fixture, NULL,
              fixture_set_up_shared, test_csr_key_dir_missing, fixture_tear_down);
  g_test_add ("/cwa/request/csr/key-is-folder", Fixture, NULL,
              fixture_set_up_shared, test_csr_key_is_folder, fixture_tear_down);
  g_test_add ("/cwa/request/inf/mtls", Fixture, NULL,
              fixture_set_up_separate, test_inf_mtls, fixture_tear_down);
  g_test_add ("/cwa/request/openssl", Fixture, NULL,
              fixture_set_up_shared, test_openssl_config, fixture_tear_down);
  g_test_add ("/cwa/request/inf", Fixture, NULL,
              fixture_set_up_separate, test_inf, fixture_tear_down);
  g_test_add_func ("/cwa/request/invalid-name", test_invalid_name);
  g_test_add_func ("/cwa/request/address-subject", test_address_subject);
  g_test_add_func ("/cwa/request/front-end-unnamed", test_front_end_unnamed);
  g_test_add ("/cwa/request/array/ssl", Fixture, NULL,
              fixture_set_up_array, test_array_ssl, fixture_tear_down);
  g_test_add ("/cwa/request/array/load-balancer", Fixture, NULL,
              fixture_set_up_array, test_load_balancer, fixture_tear_down);
  g_test_add ("/cwa/request/array/listener", Fixture, NULL,
              fixture_set_up_array, test_listener, fixture_tear_down);
  g_test_add ("/cwa/request/array/cli", Fixture, NULL,
              fixture_set_up_array, test_cli_array, fixture_tear_down);
  g_test_add ("/cwa/request/computer/cli", Fixture, NULL,
              fixture_set_up_array, test_cli_computer, fixture_tear_down);
  g_test_add ("/cwa/request/cli", Fixture, NULL,
              fixture_set_up_shared, test_cli, fixture_tear_down);

  return g_test_run ();
}

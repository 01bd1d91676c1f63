/* make-bundle.c: writes a PEM bundle of many distinct server certificates for the benchmarks. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>

/* Usage: make-bundle KEYS_DIR OUT.pem [COUNT]
 *
 * One RSA 2048 subject key and one P-256 CA key (from tests/data/keys) are
 * reused for every certificate, so 10,000 certificates take seconds; what
 * varies is what a parser spends its time on: subjects, SAN lists, serials,
 * dates.  The output is deterministic. */

static void
check (int          ret,
       const gchar *what)
{
  if (ret < 0)
    {
      g_printerr ("make-bundle: %s: %s\n", what, gnutls_strerror (ret));
      exit (1);
    }
}

static gnutls_x509_privkey_t
load_key (const gchar *dir,
          const gchar *name)
{
  g_autofree gchar *path = g_build_filename (dir, name, NULL);
  gnutls_x509_privkey_t key;
  gnutls_datum_t data;

  check (gnutls_load_file (path, &data), path);
  check (gnutls_x509_privkey_init (&key), "privkey_init");
  check (gnutls_x509_privkey_import (key, &data, GNUTLS_X509_FMT_PEM), path);
  gnutls_free (data.data);

  return key;
}

int
main (int   argc,
      char *argv[])
{
  gnutls_x509_privkey_t subject_key, ca_key;
  gnutls_x509_crt_t ca;
  FILE *out;
  guint count = 10000;

  if (argc < 3)
    {
      g_printerr ("Usage: %s KEYS_DIR OUT.pem [COUNT]\n", argv[0]);
      return 2;
    }
  if (argc > 3)
    count = (guint) g_ascii_strtoull (argv[3], NULL, 10);

  subject_key = load_key (argv[1], "rsa2048.key");
  ca_key = load_key (argv[1], "ec256.key");

  /* The issuer: only its name and key matter to the leaves. */
  check (gnutls_x509_crt_init (&ca), "crt_init");
  check (gnutls_x509_crt_set_version (ca, 3), "version");
  check (gnutls_x509_crt_set_dn (ca, "CN=Contoso Bench Issuing CA,O=Contoso,C=US", NULL), "ca dn");
  check (gnutls_x509_crt_set_key (ca, ca_key), "ca key");
  check (gnutls_x509_crt_set_serial (ca, "\x01", 1), "ca serial");
  check (gnutls_x509_crt_set_activation_time (ca, 1577836800), "ca activation");
  check (gnutls_x509_crt_set_expiration_time (ca, 2556144000), "ca expiration");
  check (gnutls_x509_crt_set_basic_constraints (ca, 1, -1), "ca bc");
  check (gnutls_x509_crt_sign2 (ca, ca, ca_key, GNUTLS_DIG_SHA256, 0), "ca sign");

  out = fopen (argv[2], "w");
  if (out == NULL)
    {
      g_printerr ("make-bundle: cannot write %s\n", argv[2]);
      return 1;
    }

  for (guint i = 0; i < count; i++)
    {
      gnutls_x509_crt_t crt;
      gnutls_datum_t pem;
      g_autofree gchar *dn = NULL;
      guchar serial[9];
      guint n_dns = 1 + i % 6;

      check (gnutls_x509_crt_init (&crt), "crt_init");
      check (gnutls_x509_crt_set_version (crt, 3), "version");
      dn = g_strdup_printf ("CN=host%05u.region%u.contoso.com,OU=Unit %u,O=Contoso Ltd %u,L=Redmond,C=US",
                            i, i % 17, i % 101, i % 7);
      check (gnutls_x509_crt_set_dn (crt, dn, NULL), "dn");
      check (gnutls_x509_crt_set_key (crt, subject_key), "key");
      serial[0] = 0x4a;
      for (guint b = 1; b < sizeof serial; b++)
        serial[b] = (guchar) ((i * 2654435761u) >> (b * 3));
      check (gnutls_x509_crt_set_serial (crt, serial, sizeof serial), "serial");
      check (gnutls_x509_crt_set_activation_time (crt, 1767225600 + (time_t) i * 60), "activation");
      check (gnutls_x509_crt_set_expiration_time (crt, 1798761600 + (time_t) i * 3600), "expiration");

      for (guint d = 0; d < n_dns; d++)
        {
          g_autofree gchar *name = d == 0
            ? g_strdup_printf ("host%05u.region%u.contoso.com", i, i % 17)
            : g_strdup_printf ("alias%u-%05u.contoso.com", d, i);

          check (gnutls_x509_crt_set_subject_alt_name (crt, GNUTLS_SAN_DNSNAME, name,
                                                       (unsigned int) strlen (name),
                                                       GNUTLS_FSAN_APPEND), "dns");
        }
      if (i % 3 == 0)
        {
          guchar ip[4] = { 10, (guchar) (i >> 16), (guchar) (i >> 8), (guchar) i };

          check (gnutls_x509_crt_set_subject_alt_name (crt, GNUTLS_SAN_IPADDRESS, ip, 4,
                                                       GNUTLS_FSAN_APPEND), "ip");
        }
      check (gnutls_x509_crt_set_basic_constraints (crt, 0, -1), "bc");
      check (gnutls_x509_crt_set_key_usage (crt, GNUTLS_KEY_DIGITAL_SIGNATURE | GNUTLS_KEY_KEY_ENCIPHERMENT), "ku");
      check (gnutls_x509_crt_set_key_purpose_oid (crt, GNUTLS_KP_TLS_WWW_SERVER, 0), "eku");
      if (i % 2 == 0)
        check (gnutls_x509_crt_set_key_purpose_oid (crt, GNUTLS_KP_TLS_WWW_CLIENT, 0), "eku");

      check (gnutls_x509_crt_sign2 (crt, ca, ca_key, GNUTLS_DIG_SHA256, 0), "sign");
      check (gnutls_x509_crt_export2 (crt, GNUTLS_X509_FMT_PEM, &pem), "export");
      fwrite (pem.data, 1, pem.size, out);
      gnutls_free (pem.data);
      gnutls_x509_crt_deinit (crt);
    }

  fclose (out);
  gnutls_x509_crt_deinit (ca);
  gnutls_x509_privkey_deinit (subject_key);
  gnutls_x509_privkey_deinit (ca_key);

  return 0;
}

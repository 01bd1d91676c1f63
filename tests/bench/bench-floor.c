/* bench-floor.c: the fastest GnuTLS can read a 10,000-certificate bundle, against our loader. */
#include "config.h"

#include <stdio.h>
#include <time.h>
#include <stdlib.h>
#include <string.h>

#include <gnutls/gnutls.h>
#include <gnutls/x509.h>

#include "cwa-cert-loader.h"

/* Usage: bench-floor BUNDLE.pem [ROUNDS [floor|loader|both]]
 *
 * "Floor": gnutls_x509_crt_list_import2() on the whole PEM, then every
 * field `inspect --format json` prints, read with plain GnuTLS calls and
 * formatted into stack buffers (subject, issuer, SAN, dates, serial,
 * SHA-256, SHA-1, key algorithm and bits, signature algorithm, EKU, key
 * usage, version, basic constraints).  "Loader": cwa_cert_loader_load_bytes()
 * on the same bytes, which computes all of that once per certificate, then
 * the same getters a report calls.  Each is timed ROUNDS times; the best
 * round counts (the others absorb cache and page-fault noise), in wall
 * time and in CPU time. */

/* CPU time of this process: the machine may be busy with other work, and
 * wall time alone then measures the neighbours. */
static gint64
cpu_now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static void
hex (const guchar *data,
     size_t        size,
     gchar        *out)
{
  static const gchar digits[] = "0123456789ABCDEF";

  for (size_t i = 0; i < size; i++)
    {
      *out++ = digits[data[i] >> 4];
      *out++ = digits[data[i] & 15];
      *out++ = i + 1 < size ? ':' : '\0';
    }
  if (size == 0)
    *out = '\0';
}

static gsize
floor_read (gnutls_x509_crt_t crt)
{
  gnutls_datum_t dn;
  gchar buf[1024], text[200];
  guchar raw[64];
  size_t size;
  unsigned int bits = 0, usage = 0, critical = 0, ca = 0;
  int ret, path_len;
  gsize sink = 0;

  if (gnutls_x509_crt_get_dn3 (crt, &dn, 0) >= 0)
    sink += dn.size, gnutls_free (dn.data);
  if (gnutls_x509_crt_get_issuer_dn3 (crt, &dn, 0) >= 0)
    sink += dn.size, gnutls_free (dn.data);

  for (unsigned int i = 0; ; i++)
    {
      unsigned int type;

      size = sizeof buf;
      ret = gnutls_x509_crt_get_subject_alt_name2 (crt, i, buf, &size, &type, NULL);
      if (ret == GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE)
        break;
      sink += size;
    }

  sink += (gsize) gnutls_x509_crt_get_activation_time (crt);
  sink += (gsize) gnutls_x509_crt_get_expiration_time (crt);

  size = sizeof raw;
  if (gnutls_x509_crt_get_serial (crt, raw, &size) >= 0)
    hex (raw, size, text), sink += text[0];
  size = sizeof raw;
  if (gnutls_x509_crt_get_fingerprint (crt, GNUTLS_DIG_SHA256, raw, &size) >= 0)
    hex (raw, size, text), sink += text[0];
  size = sizeof raw;
  if (gnutls_x509_crt_get_fingerprint (crt, GNUTLS_DIG_SHA1, raw, &size) >= 0)
    hex (raw, size, text), sink += text[0];

  sink += (gsize) gnutls_x509_crt_get_pk_algorithm (crt, &bits) + bits;
  ret = gnutls_x509_crt_get_signature_algorithm (crt);
  if (ret > 0 && gnutls_sign_get_name (ret) != NULL)
    sink += strlen (gnutls_sign_get_name (ret));

  for (unsigned int i = 0; ; i++)
    {
      size = sizeof buf;
      if (gnutls_x509_crt_get_key_purpose_oid (crt, i, buf, &size, NULL) < 0)
        break;
      sink += size;
    }

  if (gnutls_x509_crt_get_key_usage (crt, &usage, &critical) >= 0)
    sink += usage;
  sink += (gsize) gnutls_x509_crt_get_version (crt);
  if (gnutls_x509_crt_get_basic_constraints (crt, &critical, &ca, &path_len) >= 0)
    sink += ca + (gsize) path_len;

  return sink;
}

static gsize
loader_read (CwaCertificate *c)
{
  gsize sink = 0;

  sink += strlen (cwa_certificate_get_subject (c)) + strlen (cwa_certificate_get_issuer (c));
  for (const gchar * const *s = cwa_certificate_get_san_strings (c); *s != NULL; s++)
    sink += strlen (*s);
  sink += (gsize) cwa_certificate_get_not_before (c) + (gsize) cwa_certificate_get_not_after (c);
  sink += cwa_certificate_get_serial (c)[0] + cwa_certificate_get_sha256 (c)[0] +
          cwa_certificate_get_sha1 (c)[0];
  sink += strlen (cwa_certificate_get_key_algorithm (c)) + cwa_certificate_get_key_bits (c);
  sink += strlen (cwa_certificate_get_signature_algorithm (c));
  for (const gchar * const *s = cwa_certificate_get_eku_oids (c); *s != NULL; s++)
    sink += strlen (*s);
  for (const gchar * const *s = cwa_certificate_get_key_usage_names (c); *s != NULL; s++)
    sink += strlen (*s);
  sink += cwa_certificate_get_version (c) + (gsize) cwa_certificate_is_ca (c);

  return sink;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  gchar *contents = NULL;
  gsize length = 0;
  guint rounds = 5;
  const gchar *which = "both";
  gint64 best_floor = G_MAXINT64, best_loader = G_MAXINT64;
  gint64 cpu_floor = G_MAXINT64, cpu_loader = G_MAXINT64;
  guint n_floor = 0, n_loader = 0;
  gsize sink = 0;

  if (argc < 2)
    {
      g_printerr ("Usage: %s BUNDLE.pem [ROUNDS [floor|loader|both]]\n"
                  "(make one with make-bundle)\n", argv[0]);
      return 2;
    }
  if (argc > 2)
    rounds = (guint) g_ascii_strtoull (argv[2], NULL, 10);
  /* bench-inspect.sh times one floor round in a process of its own, to
   * compare it with a whole `inspect` process on equal terms. */
  if (argc > 3)
    which = argv[3];

  if (!g_file_get_contents (argv[1], &contents, &length, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  bytes = g_bytes_new_take (contents, length);

  for (guint r = 0; g_strcmp0 (which, "loader") != 0 && r < rounds; r++)
    {
      gnutls_x509_crt_t *list = NULL;
      unsigned int n = 0;
      gnutls_datum_t data = { (guchar *) g_bytes_get_data (bytes, NULL), (unsigned int) length };
      gint64 start = g_get_monotonic_time ();
      gint64 cpu_start = cpu_now ();
      int ret;

      ret = gnutls_x509_crt_list_import2 (&list, &n, &data, GNUTLS_X509_FMT_PEM, 0);
      if (ret < 0)
        {
          g_printerr ("gnutls_x509_crt_list_import2: %s\n", gnutls_strerror (ret));
          return 1;
        }
      for (unsigned int i = 0; i < n; i++)
        sink += floor_read (list[i]);
      for (unsigned int i = 0; i < n; i++)
        gnutls_x509_crt_deinit (list[i]);
      gnutls_free (list);
      best_floor = MIN (best_floor, g_get_monotonic_time () - start);
      cpu_floor = MIN (cpu_floor, cpu_now () - cpu_start);
      n_floor = n;
    }

  for (guint r = 0; g_strcmp0 (which, "floor") != 0 && r < rounds; r++)
    {
      g_autoptr(GPtrArray) certificates = NULL;
      gint64 start = g_get_monotonic_time ();
      gint64 cpu_start = cpu_now ();

      certificates = cwa_cert_loader_load_bytes (bytes, argv[1], NULL, &error);
      if (certificates == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      for (guint i = 0; i < certificates->len; i++)
        sink += loader_read (g_ptr_array_index (certificates, i));
      n_loader = certificates->len;
      g_clear_pointer (&certificates, g_ptr_array_unref);
      best_loader = MIN (best_loader, g_get_monotonic_time () - start);
      cpu_loader = MIN (cpu_loader, cpu_now () - cpu_start);
    }

  printf ("certificates: %u (floor) / %u (loader), %" G_GSIZE_FORMAT " bytes\n",
          n_floor, n_loader, length);
  printf ("floor  (gnutls_x509_crt_list_import2 + fields): wall %8.1f ms, CPU %8.1f ms, %6.1f us/cert\n",
          best_floor / 1000.0, cpu_floor / 1000.0, (double) cpu_floor / MAX (n_floor, 1));
  printf ("loader (cwa_cert_loader_load_bytes + getters):  wall %8.1f ms, CPU %8.1f ms, %6.1f us/cert"
          "  (CPU %.2fx floor)\n",
          best_loader / 1000.0, cpu_loader / 1000.0, (double) cpu_loader / MAX (n_loader, 1),
          (double) cpu_loader / (double) MAX (cpu_floor, 1));
  if (sink == 42)
    printf ("\n");  /* keeps the reads from being optimised away */

  return 0;
}

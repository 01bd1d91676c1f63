/* cwa-cli-inspect.c: `inspect`: what certificate files hold, as text or JSON. */
#include "config.h"

#include <stdio.h>

#include "cwa-cert-loader.h"
#include "cwa-cli-private.h"
#include "cwa-report-private.h"

/* JSON is written straight into a GString rather than through JsonBuilder:
 * a bundle may hold tens of thousands of certificates and the tree would
 * only be walked once.  The fields and their order are those of
 * _cwa_report_build_certificate_fields(), which the tests compare. */

static void
json_key (GString     *out,
          const gchar *key)
{
  g_string_append (out, ",\n      \"");
  g_string_append (out, key);
  g_string_append (out, "\": ");
}

static void
json_strv (GString             *out,
           const gchar * const *values)
{
  if (values == NULL || values[0] == NULL)
    {
      g_string_append (out, "[]");
      return;
    }

  g_string_append_c (out, '[');
  for (guint i = 0; values[i] != NULL; i++)
    {
      g_string_append (out, i > 0 ? ",\n        " : "\n        ");
      _cwa_report_append_json_string (out, values[i]);
    }
  g_string_append (out, "\n      ]");
}

static void
json_time (GString *out,
           gint64   unix_utc)
{
  g_autofree gchar *text = _cwa_report_format_unix (unix_utc);

  _cwa_report_append_json_string (out, text);
}

static void
append_json_certificate (GString        *out,
                         CwaCertificate *certificate,
                         const gchar    *source,
                         guint           index)
{
  g_string_append (out, "    {\n      \"subject\": ");
  _cwa_report_append_json_string (out, cwa_certificate_get_subject (certificate));
  json_key (out, "issuer");
  _cwa_report_append_json_string (out, cwa_certificate_get_issuer (certificate));
  json_key (out, "san");
  json_strv (out, cwa_certificate_get_san_strings (certificate));
  json_key (out, "not_before");
  json_time (out, cwa_certificate_get_not_before (certificate));
  json_key (out, "not_after");
  json_time (out, cwa_certificate_get_not_after (certificate));
  json_key (out, "serial");
  _cwa_report_append_json_string (out, cwa_certificate_get_serial (certificate));
  json_key (out, "sha256");
  _cwa_report_append_json_string (out, cwa_certificate_get_sha256 (certificate));
  json_key (out, "sha1");
  _cwa_report_append_json_string (out, cwa_certificate_get_sha1 (certificate));
  json_key (out, "key");
  g_string_append (out, "{\n        \"algorithm\": ");
  _cwa_report_append_json_string (out, cwa_certificate_get_key_algorithm (certificate));
  g_string_append_printf (out, ",\n        \"bits\": %u\n      }",
                          cwa_certificate_get_key_bits (certificate));
  json_key (out, "signature");
  _cwa_report_append_json_string (out, cwa_certificate_get_signature_algorithm (certificate));
  json_key (out, "eku");
  json_strv (out, cwa_certificate_get_eku_oids (certificate));
  json_key (out, "key_usage");
  json_strv (out, cwa_certificate_get_key_usage_names (certificate));
  json_key (out, "version");
  g_string_append_printf (out, "%u", cwa_certificate_get_version (certificate));
  json_key (out, "is_ca");
  g_string_append (out, cwa_certificate_is_ca (certificate) ? "true" : "false");
  json_key (out, "source");
  _cwa_report_append_json_string (out, source);
  json_key (out, "index");
  g_string_append_printf (out, "%u\n    }", index);
}

/* Control characters in a certificate field must not reach the terminal as
 * escape sequences. */
static void
append_clean (GString     *out,
              const gchar *text)
{
  if (text == NULL)
    return;

  for (const gchar *p = text; *p != '\0'; p++)
    {
      if ((guchar) *p < 0x20 || *p == 0x7f)
        g_string_append_printf (out, "\\x%02x", (guchar) *p);
      else
        g_string_append_c (out, *p);
    }
}

static void
text_field (GString     *out,
            const gchar *label,
            const gchar *value)
{
  g_string_append_printf (out, "  %-19s", label);
  append_clean (out, value);
  g_string_append_c (out, '\n');
}

static void
text_list (GString             *out,
           const gchar         *label,
           const gchar * const *values,
           const gchar         *none)
{
  g_string_append_printf (out, "  %-19s", label);
  if (values == NULL || values[0] == NULL)
    g_string_append (out, none);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      append_clean (out, values[i]);
    }
  g_string_append_c (out, '\n');
}

static void
append_text_certificate (GString        *out,
                         CwaCertificate *certificate,
                         const gchar    *source,
                         guint           index)
{
  g_autofree gchar *not_before = _cwa_report_format_unix (cwa_certificate_get_not_before (certificate));
  g_autofree gchar *not_after = _cwa_report_format_unix (cwa_certificate_get_not_after (certificate));
  g_autofree gchar *validity = g_strdup_printf ("%s to %s", not_before, not_after);
  g_autofree gchar *key = g_strdup_printf ("%s %u bits",
                                           cwa_certificate_get_key_algorithm (certificate),
                                           cwa_certificate_get_key_bits (certificate));
  g_autofree gchar *version = g_strdup_printf ("%u", cwa_certificate_get_version (certificate));

  append_clean (out, source);
  g_string_append_printf (out, " #%u: ", index);
  append_clean (out, cwa_certificate_get_display_name (certificate));
  g_string_append_c (out, '\n');
  text_field (out, "Subject", cwa_certificate_get_subject (certificate));
  text_field (out, "Issuer", cwa_certificate_get_issuer (certificate));
  text_list (out, "SAN", cwa_certificate_get_san_strings (certificate), "(none)");
  text_field (out, "Validity", validity);
  text_field (out, "Serial", cwa_certificate_get_serial (certificate));
  text_field (out, "SHA-256", cwa_certificate_get_sha256 (certificate));
  text_field (out, "SHA-1", cwa_certificate_get_sha1 (certificate));
  text_field (out, "Public key", key);
  text_field (out, "Signature", cwa_certificate_get_signature_algorithm (certificate));
  text_list (out, "Key usage", cwa_certificate_get_key_usage_names (certificate),
             cwa_certificate_has_key_usage (certificate) ? "(empty)" : "(no extension)");
  text_list (out, "Extended key usage", cwa_certificate_get_eku_oids (certificate),
             cwa_certificate_has_eku (certificate) ? "(empty)" : "(no extension)");
  text_field (out, "Version", version);
  text_field (out, "CA", cwa_certificate_is_ca (certificate) ? "yes" : "no");
  if (cwa_certificate_had_private_key (certificate))
    text_field (out, "Private key", "in the file (not shown, not kept)");
}

int
cwa_cli_inspect (int    argc,
                 char **argv)
{
  g_autofree gchar *format = NULL;
  g_autofree gchar *password_file = NULL;
  g_autofree gchar *password = NULL;
  g_auto(GStrv) rest = NULL;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      "Output format: text (default) or json", "FORMAT" },
    { "password-file", 0, 0, G_OPTION_ARG_FILENAME, &password_file,
      "PKCS#12 password: the first line of FILE", "FILE" },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GString *out;
  gboolean json;
  gboolean all_read = TRUE;
  guint n_written = 0;

  if (!cwa_cli_parse_options ("inspect", "FILE…",
                              "Parses certificate files (PEM, DER, PKCS#7, PKCS#12) and prints what they hold.",
                              entries, argc, argv, &rest))
    return CWA_EXIT_CANNOT_RUN;

  if (format == NULL)
    format = g_strdup ("text");
  if (!cwa_cli_check_text_or_json ("inspect", format))
    return CWA_EXIT_CANNOT_RUN;
  if (rest[0] == NULL)
    {
      cwa_cli_usage_error ("inspect", "no file given; name one or more certificate files.");
      return CWA_EXIT_CANNOT_RUN;
    }

  if (!cwa_cli_read_password_file (password_file, &password, &error))
    {
      cwa_cli_print_problem (password_file, error);
      return CWA_EXIT_CANNOT_RUN;
    }

  json = g_str_equal (format, "json");
  out = g_string_new (json ? "{\n  \"certificates\": [" : NULL);

  for (guint i = 0; rest[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (rest[i]);
      g_autoptr(GPtrArray) certificates = NULL;
      g_autoptr(GError) load_error = NULL;

      certificates = cwa_cert_loader_load_file (file, password, NULL, &load_error);
      if (certificates == NULL)
        {
          /* The others are still printed; the exit status tells. */
          cwa_cli_print_problem (rest[i], load_error);
          all_read = FALSE;
          continue;
        }

      for (guint j = 0; j < certificates->len; j++)
        {
          CwaCertificate *certificate = g_ptr_array_index (certificates, j);

          if (json)
            {
              g_string_append (out, n_written > 0 ? ",\n" : "\n");
              append_json_certificate (out, certificate, rest[i], j);
            }
          else
            {
              if (n_written > 0)
                g_string_append_c (out, '\n');
              append_text_certificate (out, certificate, rest[i], j);
            }
          n_written++;
        }
    }

  if (json)
    g_string_append (out, n_written > 0 ? "\n  ]\n}\n" : "]\n}\n");

  bytes = g_string_free_to_bytes (out);
  if (!cwa_cli_write_output (NULL, bytes))
    return CWA_EXIT_CANNOT_RUN;

  return all_read ? CWA_EXIT_OK : CWA_EXIT_CANNOT_RUN;
}

/* cwa-cli-inspect.c: `inspect`: what certificate files hold, as text or JSON. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cwa-cert-facts.h"
#include "cwa-cert-loader.h"
#include "cwa-cli-private.h"

/* JSON streams through the writer rather than a JsonBuilder tree: a bundle
 * may hold tens of thousands of certificates and the tree would only be
 * walked once. */
static void
append_json_certificate (CwaJsonWriter  *writer,
                         CwaCertificate *certificate,
                         const gchar    *source,
                         guint           index)
{
  cwa_json_writer_begin_object (writer);
  cwa_cert_facts_write_json (writer, certificate);
  cwa_json_writer_add_string_member (writer, "source", source);
  cwa_json_writer_add_int_member (writer, "index", index);
  cwa_json_writer_end_object (writer);
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
            guint        width,
            const gchar *label,
            const gchar *value)
{
  g_string_append_printf (out, "  %-*s", (int) width, label);
  append_clean (out, value);
  g_string_append_c (out, '\n');
}

/* One line per fact of cwa-cert-facts.c, labels in one column. */
static void
append_text_certificate (GString        *out,
                         CwaCertificate *certificate,
                         const gchar    *source,
                         guint           index)
{
  guint              n_facts = 0;
  const CwaCertFact *facts = cwa_cert_facts_get (&n_facts);
  guint              width = 0;

  for (guint i = 0; i < n_facts; i++)
    width = MAX (width, (guint) strlen (facts[i].label) + 2);

  append_clean (out, source);
  g_string_append_printf (out, " #%u: ", index);
  append_clean (out, cwa_certificate_get_display_name (certificate));
  g_string_append_c (out, '\n');
  for (guint i = 0; i < n_facts; i++)
    {
      g_autofree gchar *value = NULL;

      if (!cwa_cert_fact_is_shown (&facts[i], certificate))
        continue;
      value = cwa_cert_fact_dup_display (&facts[i], certificate);
      text_field (out, width, facts[i].label, value);
    }
  if (cwa_certificate_had_private_key (certificate))
    text_field (out, width, "Private key", "in the file (not shown, not kept)");
}

/* Where the certificates go: a JSON writer, or text. */
typedef struct
{
  CwaJsonWriter *writer;
  GString       *out;
  guint          n_written;
} InspectOutput;

static void
output_begin (InspectOutput *output,
              const gchar   *format)
{
  if (g_str_equal (format, "json"))
    {
      output->writer = cwa_json_writer_new ();
      cwa_json_writer_begin_object (output->writer);
      cwa_json_writer_set_member_name (output->writer, "certificates");
      cwa_json_writer_begin_array (output->writer);
    }
  else
    output->out = g_string_new (NULL);
}

static void
output_add (InspectOutput  *output,
            CwaCertificate *certificate,
            const gchar    *source,
            guint           index)
{
  if (output->writer != NULL)
    append_json_certificate (output->writer, certificate, source, index);
  else
    {
      if (output->n_written > 0)
        g_string_append_c (output->out, '\n');
      append_text_certificate (output->out, certificate, source, index);
    }
  output->n_written++;
}

static GBytes *
output_finish (InspectOutput *output)
{
  if (output->writer != NULL)
    {
      cwa_json_writer_end_array (output->writer);
      cwa_json_writer_end_object (output->writer);
      return cwa_json_writer_free_to_bytes (g_steal_pointer (&output->writer));
    }

  return g_string_free_to_bytes (g_steal_pointer (&output->out));
}

/* Loads every file and adds its certificates to @output; a file that
 * cannot be read is reported and the others are still printed.  FALSE
 * when one could not be read: the exit status tells. */
static gboolean
inspect_files (char * const  *paths,
               const gchar   *password,
               InspectOutput *output)
{
  gboolean all_read = TRUE;

  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autoptr (GFile)     file = g_file_new_for_commandline_arg (paths[i]);
      g_autoptr (GPtrArray) certificates = NULL;
      g_autoptr (GError)    load_error = NULL;

      certificates = cwa_cert_loader_load_file (file, password, NULL, &load_error);
      if (certificates == NULL)
        {
          cwa_cli_print_problem ("inspect", paths[i], load_error);
          all_read = FALSE;
          continue;
        }

      for (guint j = 0; j < certificates->len; j++)
        output_add (output, g_ptr_array_index (certificates, j), paths[i], j);
    }

  return all_read;
}

int
cwa_cli_inspect (int    argc,
                 char **argv)
{
  g_autofree gchar  *format = NULL;
  g_autofree gchar  *password_file = NULL;
  g_autoptr (CwaCliPassword) password = NULL;
  g_auto (GStrv)     rest = NULL;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      "Output format: text (default) or json", "FORMAT" },
    { "password-file", 0, 0, G_OPTION_ARG_FILENAME, &password_file,
      "PKCS#12 password: the first line of FILE", "FILE" },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  InspectOutput      output = { NULL, NULL, 0 };
  gboolean           all_read;

  if (!cwa_cli_parse_options ("inspect", "FILE…",
                              "Parses certificate files and prints what they hold: PEM (also saved as UTF-16, as "
                              "Windows PowerShell 5 writes it), Base64 without BEGIN/END lines, DER, PKCS#7 "
                              "and PKCS#12.",
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
      cwa_cli_print_problem ("inspect", password_file, error);
      return CWA_EXIT_CANNOT_RUN;
    }

  output_begin (&output, format);
  all_read = inspect_files (rest, password, &output);
  bytes = output_finish (&output);
  if (!cwa_cli_write_output ("inspect", NULL, bytes))
    return CWA_EXIT_CANNOT_RUN;

  return all_read ? CWA_EXIT_OK : CWA_EXIT_CANNOT_RUN;
}

/* cwa-cli-common.c: what every sub-command shares: option parsing, plan loading, problems on stderr, output. */
#include "config.h"

#include <gnutls/gnutls.h>

#include <stdio.h>
#include <string.h>

#include "cwa-cert-loader.h"
#include "cwa-cli-private.h"
#include "cwa-file-read.h"
#include "cwa-plan-notices.h"
#include "cwa-plan-file.h"
#include "cwa-report-private.h"

void
cwa_cli_usage_error (const gchar *command,
                     const gchar *format,
                     ...)
{
  g_autofree gchar *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (command != NULL)
    fprintf (stderr, "%s %s: %s\n", CWA_CLI_PROGRAM, command, message);
  else
    fprintf (stderr, "%s: %s\n", CWA_CLI_PROGRAM, message);
}

gboolean
cwa_cli_check_one_plan (const gchar *command,
                        GStrv        rest,
                        const gchar *missing)
{
  if (rest[0] == NULL)
    {
      cwa_cli_usage_error (command, "%s", missing);
      return FALSE;
    }
  if (rest[1] != NULL)
    {
      cwa_cli_usage_error (command, "one plan at a time, but %u were given; run %s once per plan.",
                           g_strv_length (rest), command);
      return FALSE;
    }

  return TRUE;
}

gboolean
cwa_cli_parse_options (const gchar        *command,
                       const gchar        *parameters,
                       const gchar        *summary,
                       const GOptionEntry *entries,
                       int                 argc,
                       char              **argv,
                       GStrv              *rest)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree gchar *prgname = g_strdup_printf ("%s %s", CWA_CLI_PROGRAM, command);
  g_auto(GStrv) args = NULL;
  GStrvBuilder *builder;
  gboolean seen_dashdash = FALSE;

  g_assert (rest != NULL);

  /* GOption names the program from the prgname in its usage line:
   * "cwa-cert-planner check [OPTION…] PLAN". */
  g_set_prgname (prgname);

  context = g_option_context_new (parameters);
  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, entries, NULL);

  builder = g_strv_builder_new ();
  g_strv_builder_add (builder, prgname);
  for (int i = 1; i < argc; i++)
    g_strv_builder_add (builder, argv[i]);
  args = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  if (!g_option_context_parse_strv (context, &args, &error))
    {
      /* GOption's messages start with a capital ("Unknown option --x");
       * the rest of ours, after the colon, do not. */
      if (g_ascii_isupper (error->message[0]) && g_ascii_islower (error->message[1]))
        error->message[0] = g_ascii_tolower (error->message[0]);
      cwa_cli_usage_error (command, "%s; see “%s --help”.", error->message, prgname);
      g_set_prgname (CWA_CLI_PROGRAM);
      return FALSE;
    }

  g_set_prgname (CWA_CLI_PROGRAM);

  /* args[0] is the program name; what GOption left are the positionals.
   * GOption rejects unknown options itself and keeps a "--" only when
   * something after it looks like an option: drop that "--". */
  builder = g_strv_builder_new ();
  for (guint i = 1; args[i] != NULL; i++)
    {
      if (!seen_dashdash && g_str_equal (args[i], "--"))
        {
          seen_dashdash = TRUE;
          continue;
        }
      g_strv_builder_add (builder, args[i]);
    }
  *rest = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  return TRUE;
}

/* The core's names for @file (its path relative to the current folder,
 * or absolute where it is none below it, as for "." or "..", and its
 * parse name), NULL-terminated: a new GStrv. */
static GStrv
dup_core_names (const gchar *file)
{
  g_autoptr(GFile) gfile = g_file_new_for_commandline_arg (file);
  GStrv names = g_new0 (gchar *, 3);

  names[0] = cwa_plan_file_dup_display_name (gfile);
  names[1] = g_file_get_parse_name (gfile);
  if (names[0] == NULL)
    {
      names[0] = names[1];
      names[1] = NULL;
    }
  return names;
}

/* The length of one of @names (dup_core_names()) at the start of @line,
 * followed by ":" or " "; 0 when @line starts with none of them. */
static gsize
core_name_length (const gchar        *line,
                  const gchar * const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    {
      gsize length = strlen (names[i]);

      if (length > 0 && g_str_has_prefix (line, names[i]) &&
          (line[length] == ':' || line[length] == ' '))
        return length;
    }
  return 0;
}

/* How a password is given on the command line. */
#define CLI_PASSWORD_HINT \
  "Put the password the file was exported with on the first line of a file, and give that file " \
  "with --password-file FILE."

/* The loader ends a message about a password with the window's words
 * ("Type the password…"): here the password comes from a file.  Returns
 * @line with that sentence replaced by the command line's, or NULL when
 * @line does not end with it. */
static gchar *
dup_with_cli_password_hint (const gchar *line)
{
  const gchar *hint = cwa_cert_loader_get_password_hint ();

  if (!g_str_has_suffix (line, hint))
    return NULL;
  return g_strdup_printf ("%.*s%s", (int) (strlen (line) - strlen (hint)), line, CLI_PASSWORD_HINT);
}

void
cwa_cli_print_problem (const gchar  *command,
                       const gchar  *file,
                       const GError *error)
{
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) core_names = NULL;
  g_autofree gchar *base = NULL;

  g_return_if_fail (error != NULL);

  if (file != NULL)
    {
      base = g_path_get_basename (file);
      core_names = dup_core_names (file);
    }

  lines = g_strsplit (error->message, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      /* Every password problem, a plan's among others too, ends with the
       * core's hint: here the fix is an option. */
      g_autofree gchar *with_hint = dup_with_cli_password_hint (lines[i]);
      const gchar *line = with_hint != NULL ? with_hint : lines[i];
      gsize core_length;

      if (*line == '\0')
        continue;

      /* Messages from the core name the file already, as the core sees
       * it: do not say it twice, and say it as the user gave it. */
      if (file == NULL || g_str_has_prefix (line, file))
        cwa_cli_usage_error (command, "%s", line);
      else if ((core_length = core_name_length (line, (const gchar * const *) core_names)) > 0)
        cwa_cli_usage_error (command, "%s%s", file, line + core_length);
      else if (g_str_has_prefix (line, base))
        cwa_cli_usage_error (command, "%s", line);
      else
        cwa_cli_usage_error (command, "%s: %s", file, line);
    }
}

void
cwa_cli_password_free (gchar *password)
{
  if (password == NULL)
    return;

  /* gnutls_memset(), not memset(): the compiler may drop a memset() of
   * memory that is freed right after. */
  gnutls_memset (password, 0, strlen (password));
  g_free (password);
}

gboolean
cwa_cli_read_password_file (const gchar  *path,
                            gchar       **password,
                            GError      **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(CwaCliPassword) line = NULL;
  g_autoptr(GError) local_error = NULL;
  const gchar *data;
  gsize size;
  gsize length = 0;

  g_return_val_if_fail (password != NULL, FALSE);

  *password = NULL;
  if (path == NULL)
    return TRUE;

  /* A password is a line, not megabytes: /dev/zero must not be read for
   * ever.  The bytes are wiped when freed. */
  bytes = cwa_file_read_bounded_or_pipe (path, 64 * 1024, &local_error);
  if (bytes == NULL && g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   "%s is a folder, not a password file; give a file whose first line is the PKCS#12 password.",
                   path);
      return FALSE;
    }
  if (bytes == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code,
                   "%s: the password file cannot be read (%s); give a readable file whose first line is the PKCS#12 password.",
                   path, local_error->message);
      return FALSE;
    }

  /* The first line, without "\n" or "\r\n": what an editor or `echo`
   * leaves behind is not part of the password. */
  data = g_bytes_get_data (bytes, &size);
  while (length < size && data[length] != '\0' && data[length] != '\r' && data[length] != '\n')
    length++;
  line = g_strndup (data, length);
  if (!g_utf8_validate (line, -1, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s: the password is not valid UTF-8; save the file as UTF-8.", path);
      return FALSE;
    }

  *password = g_steal_pointer (&line);
  return TRUE;
}

/* Unknown keys are kept, but a typo among them would go unnoticed: name
 * each on stderr (the exit status does not change). */
static void
print_unknown_keys (GFile       *file,
                    const gchar *path)
{
  g_autoptr(GBytes) contents = cwa_file_read_bounded (file, CWA_PLAN_MAX_SIZE, NULL, NULL);
  g_auto(GStrv) notices = NULL;
  gsize length = 0;
  const gchar *text;

  if (contents == NULL)
    return;

  text = g_bytes_get_data (contents, &length);
  notices = cwa_plan_notices_find_unknown_keys (text != NULL ? text : "", (gssize) length, path);
  for (guint i = 0; notices[i] != NULL; i++)
    fprintf (stderr, "%s\n", notices[i]);
}

CwaPlan *
cwa_cli_load_plan (const gchar *command,
                   const gchar *path,
                   const gchar *password)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  CwaPlan *plan;

  g_return_val_if_fail (path != NULL, NULL);

  file = g_file_new_for_commandline_arg (path);
  plan = cwa_plan_file_load (file, password, NULL, &error);
  if (plan == NULL)
    {
      cwa_cli_print_problem (command, path, error);
      return NULL;
    }

  print_unknown_keys (file, path);
  return plan;
}

void
cwa_cli_say_folder (const gchar *command,
                    const gchar *option,
                    const gchar *path)
{
  fprintf (stderr, "%s %s: %s is a folder, not a file; give %s the name of a file to write "
           "(in that folder, if you like).\n", CWA_CLI_PROGRAM, command, path, option);
}

gboolean
cwa_cli_write_output (const gchar *command,
                      const gchar *output,
                      GBytes      *data)
{
  g_autoptr(GError) error = NULL;
  gconstpointer bytes;
  gsize size;

  bytes = g_bytes_get_data (data, &size);

  if (output == NULL)
    {
      if ((size > 0 && fwrite (bytes, 1, size, stdout) != size) || fflush (stdout) != 0)
        {
          fprintf (stderr, "%s %s: standard output could not be written; check the disk or the pipe it goes to.\n",
                   CWA_CLI_PROGRAM, command);
          return FALSE;
        }
      return TRUE;
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);

      if (!g_file_replace_contents (file, bytes, size, NULL, FALSE,
                                    G_FILE_CREATE_NONE, NULL, NULL, &error) &&
          g_error_matches (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
        {
          cwa_cli_say_folder (command, "--output", output);
          return FALSE;
        }
      if (error != NULL)
        {
          fprintf (stderr, "%s %s: %s: the output cannot be written (%s); check that the folder exists "
                   "and is writable.\n", CWA_CLI_PROGRAM, command, output, error->message);
          return FALSE;
        }
      return TRUE;
    }
}

gboolean
cwa_cli_check_text_or_json (const gchar *command,
                            const gchar *format)
{
  if (g_strcmp0 (format, "text") == 0 || g_strcmp0 (format, "json") == 0)
    return TRUE;

  cwa_cli_usage_error (command, "unknown format “%s”; use --format text or --format json.",
                       format);
  return FALSE;
}

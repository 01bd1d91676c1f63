/* cwa-cli-report.c: the report options `check` and `probe` share: parsing, loading, running and writing. */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cwa-cli-report.h"
#include "cwa-count-text.h"

/* Every format cli.md names, registered or not, so that a build without one
 * says so instead of calling the name unknown. */
static const gchar * const known_formats[] = {
  "text", "markdown", "html", "json", "csv", "pdf",
};

#define MAX_EXPIRY_WARNING_DAYS 36500

static gboolean
is_known_format (const gchar *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (known_formats); i++)
    {
      if (g_strcmp0 (known_formats[i], name) == 0)
        return TRUE;
    }

  return FALSE;
}

/* ISO 8601; a time without a zone is UTC, and a bare date is its midnight
 * UTC, so "--now 2026-11-24" does what one expects. */
static GDateTime *
parse_now (const gchar *text)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) parsed = NULL;

  if (strlen (text) == 10)
    {
      g_autofree gchar *midnight = g_strconcat (text, "T00:00:00Z", NULL);

      parsed = g_date_time_new_from_iso8601 (midnight, utc);
    }
  else
    parsed = g_date_time_new_from_iso8601 (text, utc);

  if (parsed == NULL)
    return NULL;

  return g_date_time_to_utc (parsed);
}

static gboolean
parse_days (const gchar *text,
            guint       *days)
{
  guint64 value = 0;

  if (!g_ascii_string_to_unsigned (text, 10, 0, MAX_EXPIRY_WARNING_DAYS, &value, NULL))
    return FALSE;

  *days = (guint) value;
  return TRUE;
}

void
cwa_cli_report_options_add_entries (CwaCliReportOptions *options,
                                    GArray              *entries,
                                    gboolean             with_expiry_days)
{
  const GOptionEntry report_entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &options->format_name,
      "Report format: text (default), markdown, html, json, csv or pdf", "FORMAT" },
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &options->output,
      "Write the report to FILE instead of standard output (required for pdf)", "FILE" },
    { "now", 0, 0, G_OPTION_ARG_STRING, &options->now_text,
      "The time the validity rules use, e.g. 2026-11-24T12:00:00Z (default: now)", "TIME" },
    { "public-ca", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &options->public_ca,
      "Roots to treat as publicly trusted, besides the system's: a PEM bundle, one DER "
      "certificate or a PKCS#7 file (repeatable)", "FILE" },
    { "no-system-trust", 0, 0, G_OPTION_ARG_NONE, &options->no_system_trust,
      "Do not use the system's trust store", NULL },
    { "password-file", 0, 0, G_OPTION_ARG_FILENAME, &options->password_file,
      "PKCS#12 password: the first line of FILE", "FILE" },
  };
  const GOptionEntry days_entry = {
    "expiry-warning-days", 0, 0, G_OPTION_ARG_STRING, &options->days_text,
    "Warn about certificates expiring within N days (overrides the plan)", "N"
  };

  g_return_if_fail (options != NULL);
  g_return_if_fail (entries != NULL);

  g_array_append_vals (entries, report_entries, G_N_ELEMENTS (report_entries));
  if (with_expiry_days)
    g_array_append_val (entries, days_entry);
}

static gboolean
validate_format (CwaCliReportOptions *options,
                 const gchar         *command)
{
  if (options->format_name == NULL)
    options->format_name = g_strdup ("text");

  options->format = cwa_report_format_lookup (options->format_name);
  if (options->format == NULL && is_known_format (options->format_name))
    {
      cwa_cli_usage_error (command, "format %s is not available yet in this build; use --format text or --format json.",
                           options->format_name);
      return FALSE;
    }
  if (options->format == NULL)
    {
      cwa_cli_usage_error (command, "unknown format “%s”; use text, markdown, html, json, csv or pdf.",
                           options->format_name);
      return FALSE;
    }
  if (options->format->binary && options->output == NULL)
    {
      cwa_cli_usage_error (command, "--format %s writes a binary file; name it with --output FILE.",
                           options->format_name);
      return FALSE;
    }

  return TRUE;
}

gboolean
cwa_cli_report_options_validate (CwaCliReportOptions *options,
                                 const gchar         *command)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (options != NULL, FALSE);

  /* Every usage problem is reported at once: one run tells all. */
  if (!validate_format (options, command))
    ok = FALSE;

  if (options->now_text != NULL)
    {
      options->now = parse_now (options->now_text);
      if (options->now == NULL)
        {
          cwa_cli_usage_error (command, "--now “%s” is not an ISO 8601 time; write it like 2026-11-24T12:00:00Z.",
                               options->now_text);
          ok = FALSE;
        }
    }

  if (options->days_text != NULL && !parse_days (options->days_text, &options->days))
    {
      g_autofree gchar *most = cwa_count_text_dup (MAX_EXPIRY_WARNING_DAYS);

      cwa_cli_usage_error (command, "--expiry-warning-days “%s” is not a number of days; give a whole number from 0 to %s.",
                           options->days_text, most);
      ok = FALSE;
    }

  return ok;
}

static CwaTrust *
build_trust (CwaCliReportOptions *options,
             const gchar         *command,
             gboolean            *ok)
{
  g_autoptr(CwaTrust) trust = cwa_trust_new ();

  if (!options->no_system_trust)
    {
      g_autoptr(GError) error = NULL;

      if (!cwa_trust_add_system (trust, &error))
        {
          fprintf (stderr, "%s %s: the system's trusted roots cannot be read (%s); pass --no-system-trust and name the roots with --public-ca.\n",
                   CWA_CLI_PROGRAM, command, error->message);
          *ok = FALSE;
        }
    }

  for (guint i = 0; options->public_ca != NULL && options->public_ca[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (options->public_ca[i]);
      g_autoptr(GError) error = NULL;

      if (!cwa_trust_add_public_file (trust, file, &error))
        {
          cwa_cli_print_problem (command, options->public_ca[i], error);
          *ok = FALSE;
        }
    }

  return g_steal_pointer (&trust);
}

gboolean
cwa_cli_report_options_load (CwaCliReportOptions *options,
                             const gchar         *command,
                             const gchar         *plan_path,
                             CwaPlan            **plan,
                             CwaTrust           **trust)
{
  g_autoptr(CwaCliPassword) password = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CwaTrust) new_trust = NULL;
  g_autoptr(CwaPlan) new_plan = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (plan != NULL && trust != NULL, FALSE);

  if (!cwa_cli_read_password_file (options->password_file, &password, &error))
    {
      cwa_cli_print_problem (command, options->password_file, error);
      ok = FALSE;
    }

  new_trust = build_trust (options, command, &ok);

  /* The plan is read only when the rest is sound: its problems would
   * otherwise hide behind a password or trust-store one. */
  if (ok)
    {
      new_plan = cwa_cli_load_plan (command, plan_path, password);
      if (new_plan == NULL)
        ok = FALSE;
    }

  if (!ok)
    return FALSE;

  if (options->days_text != NULL)
    cwa_plan_set_expiry_warning_days (new_plan, options->days);

  *plan = g_steal_pointer (&new_plan);
  *trust = g_steal_pointer (&new_trust);
  return TRUE;
}

CwaChecklist *
cwa_cli_report_options_run_checklist (CwaCliReportOptions *options,
                                      CwaPlan             *plan,
                                      CwaTrust            *trust)
{
  CwaChecklist *checklist;

  g_return_val_if_fail (options != NULL, NULL);

  checklist = cwa_checklist_new (plan, trust);
  if (options->now == NULL)
    {
      /* One instant for every rule, and the report says which. */
      options->now = g_date_time_new_now_utc ();
    }
  cwa_checklist_set_now (checklist, options->now);
  cwa_checklist_update (checklist);

  return checklist;
}

int
cwa_cli_report_options_write (CwaCliReportOptions *options,
                              const gchar         *command,
                              CwaPlan             *plan,
                              CwaChecklist        *checklist,
                              const gchar         *plan_path,
                              GPtrArray           *endpoints)
{
  g_autoptr(GDateTime) generated = g_date_time_new_now_utc ();
  g_autoptr(CwaReport) report = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (options != NULL && options->format != NULL, CWA_EXIT_CANNOT_RUN);

  report = cwa_report_new (plan, checklist, plan_path, generated);
  if (endpoints != NULL)
    report->endpoints = g_ptr_array_ref (endpoints);
  report->color = options->output == NULL && g_str_equal (options->format->name, "text") &&
                  isatty (STDOUT_FILENO) && g_getenv ("NO_COLOR") == NULL;

  bytes = cwa_report_write_bytes (report, options->format, &error);
  if (bytes == NULL)
    {
      fprintf (stderr, "%s %s: the %s report could not be made (%s).\n",
               CWA_CLI_PROGRAM, command, options->format->name, error->message);
      return CWA_EXIT_CANNOT_RUN;
    }

  if (!cwa_cli_write_output (command, options->output, bytes))
    return CWA_EXIT_CANNOT_RUN;

  return cwa_checklist_get_n_errors (checklist) > 0 ? CWA_EXIT_ERRORS_FOUND : CWA_EXIT_OK;
}

void
cwa_cli_report_options_clear (CwaCliReportOptions *options)
{
  g_clear_pointer (&options->format_name, g_free);
  g_clear_pointer (&options->output, g_free);
  g_clear_pointer (&options->now_text, g_free);
  g_clear_pointer (&options->password_file, g_free);
  g_clear_pointer (&options->days_text, g_free);
  g_clear_pointer (&options->public_ca, g_strfreev);
  g_clear_pointer (&options->now, g_date_time_unref);
  options->format = NULL;
}

/* cwa-cli-check.c: `check`: runs every rule on a plan and writes the report. */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cwa-checklist.h"
#include "cwa-cli-private.h"
#include "cwa-report.h"
#include "cwa-trust.h"

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

static CwaTrust *
build_trust (gboolean   system_trust,
             GStrv      public_ca,
             gboolean  *ok)
{
  g_autoptr(CwaTrust) trust = cwa_trust_new ();

  *ok = TRUE;

  if (system_trust)
    {
      g_autoptr(GError) error = NULL;

      if (!cwa_trust_add_system (trust, &error))
        {
          fprintf (stderr, "%s check: the system's trusted roots cannot be read (%s); pass --no-system-trust and name the roots with --public-ca.\n",
                   CWA_CLI_PROGRAM, error->message);
          *ok = FALSE;
        }
    }

  for (guint i = 0; public_ca != NULL && public_ca[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (public_ca[i]);
      g_autoptr(GError) error = NULL;

      if (!cwa_trust_add_public_file (trust, file, &error))
        {
          cwa_cli_print_problem (public_ca[i], error);
          *ok = FALSE;
        }
    }

  return g_steal_pointer (&trust);
}

int
cwa_cli_check (int    argc,
               char **argv)
{
  g_autofree gchar *format_name = NULL;
  g_autofree gchar *output = NULL;
  g_autofree gchar *now_text = NULL;
  g_autofree gchar *password_file = NULL;
  g_autofree gchar *days_text = NULL;
  g_auto(GStrv) public_ca = NULL;
  g_auto(GStrv) rest = NULL;
  gboolean no_system_trust = FALSE;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_name,
      "Report format: text (default), markdown, html, json, csv or pdf", "FORMAT" },
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &output,
      "Write the report to FILE instead of standard output (required for pdf)", "FILE" },
    { "now", 0, 0, G_OPTION_ARG_STRING, &now_text,
      "The time the validity rules use, e.g. 2026-11-24T12:00:00Z (default: now)", "TIME" },
    { "public-ca", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &public_ca,
      "A PEM bundle of roots to treat as publicly trusted (repeatable)", "FILE" },
    { "no-system-trust", 0, 0, G_OPTION_ARG_NONE, &no_system_trust,
      "Do not use the system's trust store", NULL },
    { "password-file", 0, 0, G_OPTION_ARG_FILENAME, &password_file,
      "PKCS#12 password: the first line of FILE", "FILE" },
    { "expiry-warning-days", 0, 0, G_OPTION_ARG_STRING, &days_text,
      "Warn about certificates expiring within N days (overrides the plan)", "N" },
    G_OPTION_ENTRY_NULL
  };
  const CwaReportFormat *format;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) generated = NULL;
  g_autofree gchar *password = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CwaTrust) trust = NULL;
  g_autoptr(CwaPlan) plan = NULL;
  g_autoptr(CwaChecklist) checklist = NULL;
  g_autoptr(CwaReport) report = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gboolean usage_ok = TRUE;
  gboolean files_ok = TRUE;
  guint days = 0;

  if (!cwa_cli_parse_options ("check", "PLAN",
                              "Runs every rule on PLAN and prints a report.\n"
                              "Exit status: 0 no error failed, 1 an error failed, 2 could not run.",
                              entries, argc, argv, &rest))
    return CWA_EXIT_CANNOT_RUN;

  /* Every usage problem is reported at once: one run tells all. */
  if (!cwa_cli_check_one_plan ("check", rest,
                               "no plan given; name the .cwaplan file to check."))
    usage_ok = FALSE;

  if (format_name == NULL)
    format_name = g_strdup ("text");
  format = cwa_report_format_lookup (format_name);
  if (format == NULL && is_known_format (format_name))
    {
      cwa_cli_usage_error ("check", "format %s is not available yet in this build; use --format text or --format json.",
                           format_name);
      usage_ok = FALSE;
    }
  else if (format == NULL)
    {
      cwa_cli_usage_error ("check", "unknown format “%s”; use text, markdown, html, json, csv or pdf.",
                           format_name);
      usage_ok = FALSE;
    }
  else if (format->binary && output == NULL)
    {
      cwa_cli_usage_error ("check", "--format %s writes a binary file; name it with --output FILE.",
                           format_name);
      usage_ok = FALSE;
    }

  if (now_text != NULL)
    {
      now = parse_now (now_text);
      if (now == NULL)
        {
          cwa_cli_usage_error ("check", "--now “%s” is not an ISO 8601 time; write it like 2026-11-24T12:00:00Z.",
                               now_text);
          usage_ok = FALSE;
        }
    }

  if (days_text != NULL && !parse_days (days_text, &days))
    {
      cwa_cli_usage_error ("check", "--expiry-warning-days “%s” is not a number of days; give a whole number from 0 to %d.",
                           days_text, MAX_EXPIRY_WARNING_DAYS);
      usage_ok = FALSE;
    }

  if (!usage_ok)
    return CWA_EXIT_CANNOT_RUN;

  if (!cwa_cli_read_password_file (password_file, &password, &error))
    {
      cwa_cli_print_problem (password_file, error);
      files_ok = FALSE;
    }

  trust = build_trust (!no_system_trust, public_ca, &files_ok);

  if (files_ok)
    {
      plan = cwa_cli_load_plan (rest[0], password);
      if (plan == NULL)
        files_ok = FALSE;
    }

  if (!files_ok)
    return CWA_EXIT_CANNOT_RUN;

  if (days_text != NULL)
    cwa_plan_set_expiry_warning_days (plan, days);

  checklist = cwa_checklist_new (plan, trust);
  if (now != NULL)
    cwa_checklist_set_now (checklist, now);
  else
    {
      /* One instant for every rule, and the report says which. */
      g_autoptr(GDateTime) clock = g_date_time_new_now_utc ();

      cwa_checklist_set_now (checklist, clock);
    }
  cwa_checklist_update (checklist);

  generated = g_date_time_new_now_utc ();
  report = cwa_report_new (plan, checklist, rest[0], generated);
  report->color = output == NULL && g_str_equal (format->name, "text") &&
                  isatty (STDOUT_FILENO) && g_getenv ("NO_COLOR") == NULL;

  bytes = cwa_report_write_bytes (report, format, &error);
  if (bytes == NULL)
    {
      fprintf (stderr, "%s check: the %s report could not be made (%s).\n",
               CWA_CLI_PROGRAM, format->name, error->message);
      return CWA_EXIT_CANNOT_RUN;
    }

  if (!cwa_cli_write_output (output, bytes))
    return CWA_EXIT_CANNOT_RUN;

  return cwa_checklist_get_n_errors (report->checklist) > 0 ? CWA_EXIT_ERRORS_FOUND : CWA_EXIT_OK;
}

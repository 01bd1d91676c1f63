/* cwa-cli-check.c: `check`: runs every rule on a plan and writes the report. */
#include "config.h"

#include "cwa-cli-report.h"

int
cwa_cli_check (int    argc,
               char **argv)
{
  g_auto(CwaCliReportOptions) options = { 0 };
  g_autoptr(GArray) entries = g_array_new (TRUE, TRUE, sizeof (GOptionEntry));
  g_auto(GStrv) rest = NULL;
  g_autoptr(CwaTrust) trust = NULL;
  g_autoptr(CwaPlan) plan = NULL;
  g_autoptr(CwaChecklist) checklist = NULL;
  gboolean usage_ok;

  cwa_cli_report_options_add_entries (&options, entries, TRUE);
  if (!cwa_cli_parse_options ("check", "PLAN",
                              "Runs every rule on PLAN and prints a report.\n"
                              "Exit status: 0 no error failed, 1 an error failed, 2 could not run.",
                              (const GOptionEntry *) (gpointer) entries->data, argc, argv, &rest))
    return CWA_EXIT_CANNOT_RUN;

  usage_ok = cwa_cli_check_one_plan ("check", rest,
                                     "no plan given; name the .cwaplan file to check.");
  if (!cwa_cli_report_options_validate (&options, "check") || !usage_ok)
    return CWA_EXIT_CANNOT_RUN;

  if (!cwa_cli_report_options_load (&options, "check", rest[0], &plan, &trust))
    return CWA_EXIT_CANNOT_RUN;

  checklist = cwa_cli_report_options_run_checklist (&options, plan, trust);

  return cwa_cli_report_options_write (&options, "check", plan, checklist, rest[0], NULL);
}

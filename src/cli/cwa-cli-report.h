/* cwa-cli-report.h: the report options `check` and `probe` share, and the steps from options to a written report. */
#pragma once

#include "cwa-checklist.h"
#include "cwa-cli-private.h"
#include "cwa-report.h"
#include "cwa-trust.h"

G_BEGIN_DECLS

/* The values of --format, --output, --now, --public-ca, --no-system-trust,
 * --password-file and (for `check`) --expiry-warning-days, first as GOption
 * fills them, then as cwa_cli_report_options_validate() makes of them. */
typedef struct
{
  gchar                 *format_name;
  gchar                 *output;
  gchar                 *now_text;
  gchar                 *password_file;
  gchar                 *days_text;
  GStrv                  public_ca;
  gboolean               no_system_trust;

  /* Set by validation: never NULL afterwards. */
  const CwaReportFormat *format;
  /* NULL: the clock, read once when the checklist runs. */
  GDateTime             *now;
  guint                  days;
} CwaCliReportOptions;

/* Appends the report options to @entries (element type GOptionEntry), their
 * values going into @options; --expiry-warning-days only when
 * @with_expiry_days. */
void          cwa_cli_report_options_add_entries (CwaCliReportOptions *options,
                                                  GArray              *entries,
                                                  gboolean             with_expiry_days);
/* Checks every report option at once, printing one usage line per problem
 * for @command; FALSE means exit CWA_EXIT_CANNOT_RUN. */
gboolean      cwa_cli_report_options_validate    (CwaCliReportOptions *options,
                                                  const gchar         *command);
/* Reads the password file, the trust store and the plan at @plan_path,
 * printing every problem; FALSE (exit CWA_EXIT_CANNOT_RUN) when one failed.
 * @plan and @trust are set (owned) on success. */
gboolean      cwa_cli_report_options_load        (CwaCliReportOptions *options,
                                                  const gchar         *command,
                                                  const gchar         *plan_path,
                                                  CwaPlan            **plan,
                                                  CwaTrust           **trust);
/* Runs every rule on @plan once, at --now or at one reading of the clock.
 * Returns a new checklist. */
CwaChecklist *cwa_cli_report_options_run_checklist (CwaCliReportOptions *options,
                                                    CwaPlan             *plan,
                                                    CwaTrust            *trust);
/* Writes the report of @checklist (and of @endpoints, element type
 * CwaProbeResult, for `probe`; NULL for `check`) in the chosen format to
 * --output or standard output.  Returns the exit status: CWA_EXIT_OK,
 * CWA_EXIT_ERRORS_FOUND when an error-level finding failed, or
 * CWA_EXIT_CANNOT_RUN when the report could not be made or written. */
int           cwa_cli_report_options_write       (CwaCliReportOptions *options,
                                                  const gchar         *command,
                                                  CwaPlan             *plan,
                                                  CwaChecklist        *checklist,
                                                  const gchar         *plan_path,
                                                  GPtrArray           *endpoints);
void          cwa_cli_report_options_clear       (CwaCliReportOptions *options);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CwaCliReportOptions, cwa_cli_report_options_clear)

G_END_DECLS

/* cwa-cli.h: the headless sub-commands (check, names, inspect, rules, request). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit statuses shared by every sub-command (cli.md). */
typedef enum
{
  CWA_EXIT_OK = 0,
  CWA_EXIT_ERRORS_FOUND = 1,
  CWA_EXIT_CANNOT_RUN = 2,
} CwaExitStatus;

/* TRUE if argv names a sub-command (or --help/--version) rather than a plan
 * to open in the window. */
gboolean cwa_cli_is_command (int    argc,
                             char **argv);
/* Runs the sub-command and returns the process exit status. */
int      cwa_cli_main       (int    argc,
                             char **argv);

G_END_DECLS

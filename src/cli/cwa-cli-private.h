/* cwa-cli-private.h: the sub-commands and the helpers they share (options, plan loading, problems, exit codes). */
#pragma once

#include <gio/gio.h>

#include "cwa-cli.h"
#include "cwa-plan.h"

G_BEGIN_DECLS

#define CWA_CLI_PROGRAM "cwa-cert-planner"

/* Each takes the arguments from the sub-command's name on (argv[0] is
 * "check", "names"...) and returns the exit status. */
int          cwa_cli_check              (int           argc,
                                         char        **argv);
int          cwa_cli_names              (int           argc,
                                         char        **argv);
int          cwa_cli_inspect            (int           argc,
                                         char        **argv);
int          cwa_cli_rules              (int           argc,
                                         char        **argv);
int          cwa_cli_request            (int           argc,
                                         char        **argv);
int          cwa_cli_probe              (int           argc,
                                         char        **argv);

/* Parses @argc/@argv (argv[0] is the sub-command) with @entries.  On
 * success the positional arguments are returned in @rest (argv[0] removed,
 * never NULL).  "--help" prints the help and exits 0, as GOption does.  On
 * bad usage prints one line to stderr and returns FALSE: the caller exits
 * with CWA_EXIT_CANNOT_RUN. */
gboolean     cwa_cli_parse_options      (const gchar   *command,
                                         const gchar   *parameters,
                                         const gchar   *summary,
                                         const GOptionEntry *entries,
                                         int            argc,
                                         char         **argv,
                                         GStrv         *rest);

/* Prints "cwa-cert-planner COMMAND: MESSAGE" on stderr, one line; the
 * message says what is wrong and what would fix it. */
void         cwa_cli_usage_error        (const gchar   *command,
                                         const gchar   *format,
                                         ...) G_GNUC_PRINTF (2, 3);
/* TRUE if @rest (the positionals) is exactly one plan; otherwise prints
 * @missing, or how many plans were given, as a usage error. */
gboolean     cwa_cli_check_one_plan     (const gchar   *command,
                                         GStrv          rest,
                                         const gchar   *missing);
/* Prints one line per line of @error's message on stderr, each as
 * "cwa-cert-planner COMMAND: FILE: MESSAGE" (without " COMMAND" when
 * @command is NULL): @file as the user wrote it, not repeated when the
 * message already names it.  A PKCS#12 password problem ends with how to
 * give the password on the command line. */
void         cwa_cli_print_problem      (const gchar   *command,
                                         const gchar   *file,
                                         const GError  *error);

/* A password read by the CLI: text that is wiped before it is freed.
 * Hold one in g_autoptr(CwaCliPassword) so every return path wipes it. */
typedef gchar CwaCliPassword;

/* Wipes @password with gnutls_memset() and frees it; NULL is ignored. */
void         cwa_cli_password_free      (gchar         *password);

/* Reads the first line of @path (without its line ending): the PKCS#12
 * password, which the caller frees with cwa_cli_password_free().  Nothing
 * of the file is left in freed memory.  @path NULL gives NULL and TRUE. */
gboolean     cwa_cli_read_password_file (const gchar   *path,
                                         gchar        **password,
                                         GError       **error);

/* Loads the plan at @path (as the user wrote it) with its certificates;
 * on failure prints every problem on stderr as @command's and returns NULL. */
CwaPlan     *cwa_cli_load_plan          (const gchar   *command,
                                         const gchar   *path,
                                         const gchar   *password);

/* Writes @data to standard output, or to @output atomically when not NULL
 * (an existing file is replaced only once everything is in memory).  Prints
 * the problem as @command's and returns FALSE on failure. */
gboolean     cwa_cli_write_output       (const gchar   *command,
                                         const gchar   *output,
                                         GBytes        *data);

/* Prints on stderr that @path, given to @option ("--output"), is a
 * folder where a file to write was meant, as @command's usage error. */
void         cwa_cli_say_folder         (const gchar   *command,
                                         const gchar   *option,
                                         const gchar   *path);

/* TRUE if @format is "text" or "json"; otherwise prints a usage error. */
gboolean     cwa_cli_check_text_or_json (const gchar   *command,
                                         const gchar   *format);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwaCliPassword, cwa_cli_password_free)

G_END_DECLS

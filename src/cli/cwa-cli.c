/* cwa-cli.c: the headless command line: picks the sub-command and runs it. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <gio/gio.h>

#include "cwa-cli-private.h"
#include "cwa-suggest.h"

typedef struct
{
  const gchar *name;
  int        (*run) (int argc, char **argv);
  const gchar *synopsis;
} Command;

static const Command commands[] = {
  { "check", cwa_cli_check,
    "check PLAN [--format text|markdown|html|json|csv|pdf] [--output FILE] [--now TIME]\n"
    "        [--public-ca FILE]... [--no-system-trust] [--password-file FILE] [--expiry-warning-days N]\n"
    "                  run every rule and print a report" },
  { "names", cwa_cli_names,
    "names PLAN [--format text|json] [--password-file FILE]\n"
    "                  print the required names per certificate role" },
  { "inspect", cwa_cli_inspect,
    "inspect FILE... [--format text|json] [--password-file FILE]\n"
    "                  parse certificate files and print what they hold" },
  { "rules", cwa_cli_rules,
    "rules [--format text|json|markdown]\n"
    "                  list the rule catalogue (id, level, scope, source, title)" },
  { "request", cwa_cli_request,
    "request PLAN --virtual-server URL|HOST [--computer FQDN] | --server FQDN | --load-balancer FQDN\n"
    "        | --reverse-proxy FQDN --published-host HOST [--role ssl|mtls|shared]\n"
    "        --format inf|openssl|csr [--key-out FILE] [--output FILE] [--password-file FILE]\n"
    "                  write a certificate request for the required names" },
  { "probe", cwa_cli_probe,
    "probe PLAN [--resolve HOST:PORT:ADDRESS]... [--connect-to HOST:PORT:CONNECT-HOST:CONNECT-PORT]...\n"
    "        [--timeout SECONDS] [--view internal|external] [--format FORMAT] [--output FILE] [--now TIME]\n"
    "        [--public-ca FILE]... [--no-system-trust] [--password-file FILE]\n"
    "                  connect to every planned TLS endpoint and compare what it serves,\n"
    "                  and what DNS says, with the plan" },
};

static const Command *
lookup_command (const gchar *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (g_strcmp0 (commands[i].name, name) == 0)
        return &commands[i];
    }

  return NULL;
}

static gboolean
is_help (const gchar *arg)
{
  return g_strcmp0 (arg, "--help") == 0 || g_strcmp0 (arg, "-h") == 0 ||
         g_strcmp0 (arg, "-?") == 0 || g_strcmp0 (arg, "help") == 0;
}

static gboolean
is_version (const gchar *arg)
{
  return g_strcmp0 (arg, "--version") == 0;
}

static void
print_usage (FILE *out)
{
  fprintf (out,
           "Usage:\n"
           "  %s [PLAN.cwaplan]   open the window (with that plan)\n",
           CWA_CLI_PROGRAM);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %s %s\n", CWA_CLI_PROGRAM, commands[i].synopsis);
  fprintf (out,
           "  %s --help | --version\n"
           "\n"
           "Exit status: 0 no error-level finding failed, 1 at least one did,\n"
           "2 the command could not run (bad usage, unreadable plan or certificate).\n"
           "Run “%s COMMAND --help” for the options of one command.\n",
           CWA_CLI_PROGRAM, CWA_CLI_PROGRAM);
}

/* A first word that is no option and no existing file is a mistyped
 * sub-command, not a plan for the window: the window would only say that it
 * cannot read it (or, without a display, fail with a GTK warning). */
static gboolean
is_mistyped_command (const gchar *arg)
{
  g_autoptr(GFile) file = NULL;

  if (arg[0] == '-' || arg[0] == '\0')
    return FALSE;

  file = g_file_new_for_commandline_arg (arg);
  return !g_file_query_exists (file, NULL);
}

gboolean
cwa_cli_is_command (int    argc,
                    char **argv)
{
  g_return_val_if_fail (argc >= 0, FALSE);

  if (argc < 2 || argv == NULL || argv[1] == NULL)
    return FALSE;

  return lookup_command (argv[1]) != NULL || is_help (argv[1]) || is_version (argv[1]) ||
         is_mistyped_command (argv[1]);
}

/* TRUE when @word, taken for a sub-command, is meant as a file: it has a
 * folder or a dot in it (no sub-command has one, and a mistyped extension,
 * "contoso.cwplan", is the likeliest slip).  (An existing file never gets
 * here: it is a plan for the window, see cwa_cli_is_command().) */
static gboolean
looks_like_path (const gchar *word)
{
  return strchr (word, '/') != NULL || strchr (word, G_DIR_SEPARATOR) != NULL || strchr (word, '.') != NULL;
}

/* A path where a sub-command was expected: a plan with a typo in its name
 * that made it not exist. */
static void
print_path_not_command (const gchar *word)
{
  fprintf (stderr, "%s: “%s” is not a command, and no such file exists; check the path and "
           "the file name (“%s FILE” opens a plan in the window, “%s check FILE” checks it; "
           "see “%s --help”).\n",
           CWA_CLI_PROGRAM, word, CWA_CLI_PROGRAM, CWA_CLI_PROGRAM, CWA_CLI_PROGRAM);
}

static void
print_unknown_command (const gchar *word)
{
  const gchar *names[G_N_ELEMENTS (commands) + 1];
  g_autoptr(GString) list = g_string_new (NULL);
  const gchar *nearest;

  if (looks_like_path (word))
    {
      print_path_not_command (word);
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      names[i] = commands[i].name;
      if (i > 0)
        g_string_append (list, i + 1 < G_N_ELEMENTS (commands) ? ", " : " or ");
      g_string_append (list, commands[i].name);
    }
  names[G_N_ELEMENTS (commands)] = NULL;

  nearest = cwa_suggest_nearest (word, names);
  if (nearest != NULL)
    fprintf (stderr, "%s: unknown command '%s' (did you mean '%s'?)\n",
             CWA_CLI_PROGRAM, word, nearest);
  else
    fprintf (stderr, "%s: unknown command '%s'; use %s, or name an existing plan file "
             "to open it in the window (see '%s --help').\n",
             CWA_CLI_PROGRAM, word, list->str, CWA_CLI_PROGRAM);
}

/* g_print() converts to the locale's character set, and the command line
 * never calls setlocale(): GOption's --help came out as "[OPTION?] FILE?".
 * Everything else the sub-commands print is UTF-8 as it is (the reports'
 * ✔ and ✖ too), so --help is written the same way. */
static void
print_utf8 (const gchar *text)
{
  fputs (text, stdout);
}

int
cwa_cli_main (int    argc,
              char **argv)
{
  const Command *command;

  g_return_val_if_fail (argc >= 0, CWA_EXIT_CANNOT_RUN);

  g_set_prgname (CWA_CLI_PROGRAM);
  g_set_print_handler (print_utf8);

  if (argc < 2 || argv == NULL || argv[1] == NULL)
    {
      print_usage (stderr);
      return CWA_EXIT_CANNOT_RUN;
    }

  if (is_help (argv[1]))
    {
      print_usage (stdout);
      return CWA_EXIT_OK;
    }

  if (is_version (argv[1]))
    {
      printf ("%s %s\n", CWA_CLI_PROGRAM, PACKAGE_VERSION);
      return CWA_EXIT_OK;
    }

  command = lookup_command (argv[1]);
  if (command == NULL)
    {
      print_unknown_command (argv[1]);
      return CWA_EXIT_CANNOT_RUN;
    }

  return command->run (argc - 1, argv + 1);
}

/* cwa-test-run.c: runs the built cwa-cert-planner as a child process for the CLI and probe tests. */
#include "config.h"

#include <gio/gio.h>

#include "cwa-test-run.h"

void
cwa_test_run_clear (CwaTestRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

void
cwa_test_run_argv (CwaTestRun          *run,
                   const gchar         *cwd,
                   const gchar * const *args)
{
  const gchar *binary = g_getenv ("CWA_CERT_PLANNER");
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree gchar *asan_options = NULL;

  g_assert_nonnull (binary);
  cwa_test_run_clear (run);

  g_ptr_array_add (argv, (gpointer) binary);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "NO_COLOR", "1", TRUE);
  /* Under AddressSanitizer a leak would otherwise exit 1, which looks like
   * "errors found": make it a status no sub-command uses. */
  asan_options = g_strconcat (g_getenv ("ASAN_OPTIONS") != NULL ? g_getenv ("ASAN_OPTIONS") : "",
                              g_getenv ("ASAN_OPTIONS") != NULL ? ":" : "", "exitcode=99", NULL);
  g_subprocess_launcher_setenv (launcher, "ASAN_OPTIONS", asan_options, TRUE);
  if (cwd != NULL)
    g_subprocess_launcher_set_cwd (launcher, cwd);

  process = g_subprocess_launcher_spawnv (launcher, (const gchar * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);

  /* A crash or an abort (G_DEBUG=fatal-warnings) is never an exit status. */
  if (!g_subprocess_get_if_exited (process))
    g_error ("cwa-cert-planner %s was killed by signal %d; stderr:\n%s", args[0],
             g_subprocess_get_term_sig (process), run->err);
  run->status = g_subprocess_get_exit_status (process);
}

JsonNode *
cwa_test_parse_json (const gchar *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_ref (json_parser_get_root (parser));
}

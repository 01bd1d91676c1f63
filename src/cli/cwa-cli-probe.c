/* cwa-cli-probe.c: `probe`: connects to every planned TLS endpoint and reports what it serves next to the plan. */
#include "config.h"

#include <glib-unix.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

#include "cwa-cli-report.h"
#include "cwa-endpoint.h"
#include "cwa-probe.h"

/* More endpoints than this show progress on a terminal. */
#define PROGRESS_MIN_ENDPOINTS 4
/* --timeout: a day is more than any handshake needs. */
#define MAX_TIMEOUT_SECONDS 86400.0

typedef struct
{
  gchar        **resolve;
  gchar        **connect_to;
  gchar         *timeout_text;
  gchar         *view_text;
} ProbeOptions;

static void
probe_options_clear (ProbeOptions *options)
{
  g_clear_pointer (&options->resolve, g_strfreev);
  g_clear_pointer (&options->connect_to, g_strfreev);
  g_clear_pointer (&options->timeout_text, g_free);
  g_clear_pointer (&options->view_text, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ProbeOptions, probe_options_clear)

/* A run of the probe on the main loop, stoppable by Ctrl+C. */
typedef struct
{
  GMainLoop    *loop;
  GCancellable *cancellable;
  GPtrArray    *results;
  gboolean      show_progress;
} Run;

static gboolean
parse_timeout (const gchar *text,
               guint       *milliseconds)
{
  gchar *end = NULL;
  gdouble seconds = g_ascii_strtod (text, &end);

  if (end == text || *end != '\0' || !(seconds > 0.0) || seconds > MAX_TIMEOUT_SECONDS)
    return FALSE;

  *milliseconds = MAX (1, (guint) (seconds * 1000.0 + 0.5));
  return TRUE;
}

/* Applies --resolve, --connect-to, --timeout and --view to @probe; prints
 * one usage line per problem. */
static gboolean
configure_probe (CwaProbe     *probe,
                 ProbeOptions *options)
{
  CwaConnectMap *map = cwa_probe_get_connect_map (probe);
  gboolean ok = TRUE;

  for (guint i = 0; options->resolve != NULL && options->resolve[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;

      if (!cwa_connect_map_add_resolve (map, options->resolve[i], &error))
        {
          cwa_cli_usage_error ("probe", "%s", error->message);
          ok = FALSE;
        }
    }

  for (guint i = 0; options->connect_to != NULL && options->connect_to[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;

      if (!cwa_connect_map_add_connect_to (map, options->connect_to[i], &error))
        {
          cwa_cli_usage_error ("probe", "%s", error->message);
          ok = FALSE;
        }
    }

  if (options->timeout_text != NULL)
    {
      guint milliseconds = 0;

      if (parse_timeout (options->timeout_text, &milliseconds))
        cwa_probe_set_timeout (probe, milliseconds);
      else
        {
          cwa_cli_usage_error ("probe", "--timeout “%s” is not a number of seconds; give one like 10 or 2.5.",
                               options->timeout_text);
          ok = FALSE;
        }
    }

  if (options->view_text != NULL)
    {
      CwaAudience view;

      if (cwa_audience_from_string (options->view_text, &view))
        cwa_probe_set_view (probe, view);
      else
        {
          cwa_cli_usage_error ("probe", "--view “%s” is not a DNS view; use internal or external.",
                               options->view_text);
          ok = FALSE;
        }
    }

  return ok;
}

static gboolean
on_interrupt (gpointer user_data)
{
  Run *run = user_data;

  g_cancellable_cancel (run->cancellable);
  return G_SOURCE_CONTINUE;
}

static void
on_progress (CwaProbe *probe,
             guint     n_done,
             guint     n_total,
             Run      *run)
{
  if (!run->show_progress)
    return;

  fprintf (stderr, "\rProbing endpoints: %u of %u done", n_done, n_total);
  if (n_done == n_total)
    fputc ('\n', stderr);
  fflush (stderr);
}

static void
on_probe_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  Run *run = user_data;

  run->results = cwa_probe_run_finish (CWA_PROBE (source), result, NULL);
  g_main_loop_quit (run->loop);
}

/* Probes @endpoints on a main loop; NULL when Ctrl+C stopped it. */
static GPtrArray *
run_probe (CwaProbe  *probe,
           GPtrArray *endpoints)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Run run = { loop, cancellable, NULL, FALSE };
  gulong progress_id;
  guint sigint_id;

  run.show_progress = isatty (STDERR_FILENO) && endpoints->len > PROGRESS_MIN_ENDPOINTS;
  progress_id = g_signal_connect (probe, "progress", G_CALLBACK (on_progress), &run);
  sigint_id = g_unix_signal_add (SIGINT, on_interrupt, &run);

  cwa_probe_run_async (probe, endpoints, cancellable, on_probe_done, &run);
  g_main_loop_run (loop);

  g_source_remove (sigint_id);
  g_signal_handler_disconnect (probe, progress_id);

  return run.results;
}

int
cwa_cli_probe (int    argc,
               char **argv)
{
  g_auto(CwaCliReportOptions) options = { 0 };
  g_auto(ProbeOptions) probe_options = { 0 };
  g_autoptr(GArray) entries = g_array_new (TRUE, TRUE, sizeof (GOptionEntry));
  const GOptionEntry probe_entries[] = {
    { "resolve", 0, 0, G_OPTION_ARG_STRING_ARRAY, &probe_options.resolve,
      "Use ADDRESS for HOST:PORT instead of DNS, as curl does (repeatable)", "HOST:PORT:ADDRESS" },
    { "connect-to", 0, 0, G_OPTION_ARG_STRING_ARRAY, &probe_options.connect_to,
      "Connect there instead, as curl does; the TLS server name stays HOST (repeatable)",
      "HOST:PORT:CONNECT-HOST:CONNECT-PORT" },
    { "timeout", 0, 0, G_OPTION_ARG_STRING, &probe_options.timeout_text,
      "Per connection, TCP and handshake together (default 10)", "SECONDS" },
    { "view", 0, 0, G_OPTION_ARG_STRING, &probe_options.view_text,
      "Which DNS view of the plan the resolver here sees: internal (default) or external", "VIEW" },
  };
  g_auto(GStrv) rest = NULL;
  g_autoptr(CwaProbe) probe = cwa_probe_new ();
  g_autoptr(CwaTrust) trust = NULL;
  g_autoptr(CwaPlan) plan = NULL;
  g_autoptr(CwaChecklist) checklist = NULL;
  g_autoptr(GPtrArray) endpoints = NULL;
  g_autoptr(GPtrArray) results = NULL;
  gboolean usage_ok;

  g_array_append_vals (entries, probe_entries, G_N_ELEMENTS (probe_entries));
  cwa_cli_report_options_add_entries (&options, entries, FALSE);
  if (!cwa_cli_parse_options ("probe", "PLAN",
                              "Connects to every planned TLS endpoint of PLAN, records the certificate\n"
                              "chain it serves (nothing is sent after the TLS handshake) and what DNS\n"
                              "says, and reports both next to the plan's findings.\n"
                              "Exit status: 0 no error failed, 1 an error failed, 2 could not run.",
                              (const GOptionEntry *) (gpointer) entries->data, argc, argv, &rest))
    return CWA_EXIT_CANNOT_RUN;

  usage_ok = cwa_cli_check_one_plan ("probe", rest,
                                     "no plan given; name the .cwaplan file whose endpoints to probe.");
  usage_ok &= configure_probe (probe, &probe_options);
  if (!cwa_cli_report_options_validate (&options, "probe") || !usage_ok)
    return CWA_EXIT_CANNOT_RUN;

  if (!cwa_cli_report_options_load (&options, "probe", rest[0], &plan, &trust))
    return CWA_EXIT_CANNOT_RUN;

  checklist = cwa_cli_report_options_run_checklist (&options, plan, trust);
  endpoints = cwa_endpoint_list_for_plan (plan);
  results = run_probe (probe, endpoints);
  if (results == NULL)
    {
      fprintf (stderr, "%s probe: interrupted; no report was written.\n", CWA_CLI_PROGRAM);
      return CWA_EXIT_CANNOT_RUN;
    }

  cwa_checklist_set_probe_results (checklist, results);
  cwa_checklist_update (checklist);

  return cwa_cli_report_options_write (&options, "probe", plan, checklist, rest[0], results);
}

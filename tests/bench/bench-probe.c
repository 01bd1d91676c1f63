/* bench-probe.c: probe 60 loopback endpoints, 20 of them silent, with a 2 s timeout; prints the times.
 *
 * Three figures: the 40 answering endpoints alone and all 60, through the
 * probe API; then all 60 as a user runs them, `cwa-cert-planner probe PLAN
 * --timeout 2` in a process of its own (plan loading, rules and report
 * included).  Run it only in a network namespace with only loopback:
 *   tests/netns-run.sh build/tests/bench/bench-probe
 */
#include "config.h"

#include <glib/gstdio.h>

#include "cwa-deployment.h"
#include "cwa-endpoint.h"
#include "cwa-plan-file.h"
#include "cwa-probe.h"
#include "cwa-test-cert.h"
#include "cwa-test-tls-server.h"

#define N_ENDPOINTS 60
#define N_SILENT    20
#define TIMEOUT_MS  2000

typedef struct
{
  GPtrArray *results;
  gint64     finished;
} Run;

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Run *run = user_data;
  g_autoptr(GError) error = NULL;

  run->results = cwa_probe_run_finish (CWA_PROBE (source), result, &error);
  g_assert_no_error (error);
  run->finished = g_get_monotonic_time ();
}

/* Probes @endpoints and returns the seconds it took; the number of
 * handshakes that completed in @n_served. */
static gdouble
time_probe (CwaProbe  *probe,
            GPtrArray *endpoints,
            guint     *n_served)
{
  Run run = { NULL, 0 };
  gint64 start = g_get_monotonic_time ();

  cwa_probe_run_async (probe, endpoints, NULL, on_done, &run);
  while (run.results == NULL)
    g_main_context_iteration (NULL, TRUE);

  *n_served = 0;
  for (guint i = 0; i < run.results->len; i++)
    *n_served += cwa_probe_result_get_leaf (g_ptr_array_index (run.results, i)) != NULL;
  g_ptr_array_unref (run.results);

  return (run.finished - start) / (gdouble) G_USEC_PER_SEC;
}

/* Runs `probe` on @plan (saved into a scratch folder) with @resolves as
 * --resolve options, and returns the seconds until it exited; its exit
 * status in @status. */
static gdouble
time_cli (CwaPlan   *plan,
          GPtrArray *resolves,
          gint      *status)
{
  g_autofree gchar *dir = g_dir_make_tmp ("bench-probe-XXXXXX", NULL);
  g_autofree gchar *path = g_build_filename (dir, "bench.cwaplan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree gchar *err = NULL;
  gint wait_status = 0;
  gint64 start;
  gint64 end;

  if (!cwa_plan_file_save (plan, file, NULL, &error))
    g_error ("cannot save %s: %s", path, error->message);
  g_ptr_array_add (argv, g_strdup (CWA_BENCH_CLI));
  g_ptr_array_add (argv, g_strdup ("probe"));
  g_ptr_array_add (argv, g_strdup (path));
  g_ptr_array_add (argv, g_strdup_printf ("--timeout=%u", TIMEOUT_MS / 1000));
  g_ptr_array_add (argv, g_strdup ("--format=json"));
  for (guint i = 0; i < resolves->len; i++)
    g_ptr_array_add (argv, g_strdup_printf ("--resolve=%s", (const gchar *) g_ptr_array_index (resolves, i)));
  g_ptr_array_add (argv, NULL);

  start = g_get_monotonic_time ();
  if (!g_spawn_sync (NULL, (gchar **) argv->pdata, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &err,
                     &wait_status, &error))
    g_error ("cannot run %s: %s", CWA_BENCH_CLI, error->message);
  end = g_get_monotonic_time ();
  *status = 0;
  if (!g_spawn_check_wait_status (wait_status, &error))
    {
      if (error->domain != G_SPAWN_EXIT_ERROR)
        g_error ("%s probe: %s\n%s", CWA_BENCH_CLI, error->message, err);
      *status = error->code;
    }

  g_unlink (path);
  g_rmdir (dir);
  return (end - start) / (gdouble) G_USEC_PER_SEC;
}

/* `probe` on all of @plan's endpoints, then on the answering ones alone
 * (the silent virtual servers taken out of @server). */
static void
print_cli_runs (CwaPlan   *plan,
                CwaServer *server,
                GPtrArray *resolves)
{
  GListModel *sites = cwa_server_get_virtual_servers (server);
  gint status = 0;
  gdouble seconds = time_cli (plan, resolves, &status);

  g_print ("cwa-cert-planner probe, all %u endpoints, --timeout %u: %.2f s (exit status %d)\n",
           g_list_model_get_n_items (sites), TIMEOUT_MS / 1000, seconds, status);
  for (guint i = g_list_model_get_n_items (sites); i-- > 0;)
    if (i % 3 == 2)
      {
        g_autoptr(CwaVirtualServer) vs = g_list_model_get_item (sites, i);

        cwa_server_remove_virtual_server (server, vs);
      }
  seconds = time_cli (plan, resolves, &status);
  g_print ("cwa-cert-planner probe, the %u answering endpoints: %.2f s (exit status %d)\n",
           g_list_model_get_n_items (sites), seconds, status);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(CwaPlan) plan = cwa_plan_new ();
  g_autoptr(CwaServer) server = cwa_server_new ("cwa01.contoso.com");
  g_autoptr(CwaProbe) probe = cwa_probe_new ();
  g_autoptr(GPtrArray) servers = g_ptr_array_new_with_free_func ((GDestroyNotify) cwa_test_tls_server_free);
  g_autoptr(GPtrArray) endpoints = NULL;
  g_autoptr(GPtrArray) answering = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) resolves = g_ptr_array_new_with_free_func (g_free);
  g_autofree gchar *why = NULL;
  CwaTestCertSpec spec;
  gdouble all_seconds;
  gdouble answering_seconds;
  guint n_served = 0;

  if (!cwa_test_only_loopback (&why))
    {
      g_printerr ("bench-probe runs only in a network namespace with only loopback (%s);\n"
                  "run it as tests/netns-run.sh %s\n", why, argv[0]);
      return 2;
    }

  cwa_deployment_add_server (cwa_plan_get_deployment (plan), server);
  cwa_probe_set_timeout (probe, TIMEOUT_MS);
  for (guint i = 0; i < N_ENDPOINTS; i++)
    {
      g_autofree gchar *host = g_strdup_printf ("im%02u.contoso.com", i);
      g_autofree gchar *url = g_strconcat ("https://", host, NULL);
      g_autofree gchar *subject = g_strconcat ("CN=", host, NULL);
      g_autofree gchar *address = g_strdup_printf ("127.0.1.%u", i + 1);
      g_autofree gchar *resolve = NULL;
      g_autoptr(CwaVirtualServer) vs = cwa_virtual_server_new (url, CWA_AUDIENCE_INTERNAL);
      gboolean silent = i % 3 == 2;   /* 20 of 60, spread out */
      const gchar *names[] = { host, NULL };

      cwa_server_add_virtual_server (server, vs);
      resolve = g_strdup_printf ("%s:443:%s", host, address);
      g_assert_true (cwa_connect_map_add_resolve (cwa_probe_get_connect_map (probe), resolve, NULL));
      g_ptr_array_add (resolves, g_strdup (resolve));

      if (silent)
        {
          g_ptr_array_add (servers, cwa_test_tls_server_new (address, 443, CWA_TEST_SERVER_SILENT, NULL, 0));
          continue;
        }

      {
        g_autoptr(GPtrArray) chain = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);

        cwa_test_cert_spec_init (&spec, subject);
        spec.dns_names = names;
        g_ptr_array_add (chain, cwa_test_cert_build_der (&spec));
        g_ptr_array_add (servers, cwa_test_tls_server_new (address, 443, CWA_TEST_SERVER_TLS, chain,
                                                           CWA_TEST_KEY_RSA2048));
      }
    }

  endpoints = cwa_endpoint_list_for_plan (plan);
  g_assert_cmpuint (endpoints->len, ==, N_ENDPOINTS);
  for (guint i = 0; i < endpoints->len; i++)
    {
      if (i % 3 != 2)
        g_ptr_array_add (answering, g_object_ref (g_ptr_array_index (endpoints, i)));
    }

  answering_seconds = time_probe (probe, answering, &n_served);
  g_print ("%u answering endpoints: %.2f s (%u handshakes)\n", answering->len, answering_seconds, n_served);
  all_seconds = time_probe (probe, endpoints, &n_served);
  g_print ("%u endpoints, %u silent, --timeout %.0f s: %.2f s (%u handshakes; bound ceil(%u/%u) x %.0f s = %.0f s)\n",
           endpoints->len, N_SILENT, TIMEOUT_MS / 1000.0, all_seconds, n_served, N_SILENT,
           CWA_PROBE_MAX_PARALLEL, TIMEOUT_MS / 1000.0,
           ((N_SILENT + CWA_PROBE_MAX_PARALLEL - 1) / CWA_PROBE_MAX_PARALLEL) * TIMEOUT_MS / 1000.0);
  print_cli_runs (plan, server, resolves);

  return 0;
}

/* bench-rules.c: the rule time of one checklist run over a 60-virtual-server plan with 10 arrays and 5 reverse proxies.
 *
 * `build/tests/bench/bench-rules [RUNS] [--json FILE]`: builds the plan in memory (every
 * role with a certificate issued by one plan CA, as a finished plan has),
 * then times cwa_checklist_update() on a checklist without views, as
 * bench-drop's "rules alone" line does, and prints the minimum and the
 * median in wall and CPU time of two figures, RUNS runs each (default
 * 500).  The first run is reported apart: it builds the certificate
 * chains, later runs find them cached.  Nothing here asserts a time.
 * --json writes the JSON report of the last run, so a change to the rules
 * can be shown to keep every finding byte for byte.
 *
 * The two figures:
 * - "unchanged plan": one cwa_checklist_update() on a plan nothing changed
 *   in since the last run, the run issue #9 sets 1 ms for.  Findings are
 *   kept between runs keyed on what they depend on (the certificate
 *   findings, and those of each server, load balancer, publishing rule and
 *   the deployment), so this run mostly compares keys, hands the kept
 *   findings out again and publishes: required names, the model splice and
 *   counting (the coverage matrix, 210 names by 95 certificates, is kept
 *   while its rows and columns are the same objects).
 * - "after one virtual server's audience changed": each run follows a
 *   change of one internal virtual server's audience to external and back,
 *   so that server's findings and those of every load balancer, publishing
 *   rule and the deployment are made again: the figure that cannot come
 *   from skipping work when nothing changed.
 * Measured on a 2-core machine shared with other jobs, CPU time of 300
 * runs, and instructions per run under callgrind (the steadier figure;
 * valgrind --tool=callgrind --toggle-collect=cwa_checklist_update
 * --dump-before=time_runs gives the first run, the edited runs and the
 * unchanged ones as three dumps):
 *   first, before the index:  CPU min 6.2 ms, median 7.9 ms; 67.7 M instructions
 *   before kept findings:     unchanged CPU min 2.5 ms, median 3.4 ms; 19.7 M
 *                             edited    CPU min 2.6 ms, median 3.5 ms; 19.7 M
 *   now:                      unchanged CPU min 0.56 ms, median 0.88 ms; 5.5 M
 *                             edited    CPU min 0.99 ms, median 1.6 ms; 8.5 M
 * What remains in the unchanged run: computing the required names at each
 * publish (1.7 M), handing out and comparing the 1,761 findings (the
 * splice, 1 M), and the names normalised again on the way. */
#include "config.h"

#include <stdlib.h>
#include <time.h>

#include "cwa-checklist.h"
#include "cwa-deployment.h"
#include "cwa-dns-records.h"
#include "cwa-test-cert.h"
#include "report/cwa-report.h"

#define N_ARRAYS         10
#define N_MEMBERS        3    /* computers per array */
#define N_SINGLE         15   /* computers with two virtual servers of their own */
#define N_PROXIES        5
#define RULES_PER_PROXY  2

typedef struct
{
  CwaPlan       *plan;
  CwaTestIssuer *ca;
  guint          serial;
} Builder;

/* CPU time of this process: on a busy machine wall time measures the
 * neighbours too. */
static gint64
cpu_now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

/* A certificate for @host (and its as. and download. names), issued by the
 * plan CA and added to the plan.  Borrowed. */
static CwaCertificate *
add_certificate (Builder     *builder,
                 const gchar *host)
{
  g_autoptr(CwaCertificate) certificate =
    cwa_test_cert_build_site (builder->ca, host, "Bench", ++builder->serial);

  return cwa_plan_add_certificate (builder->plan, certificate);
}

static CwaServer *
add_computer (Builder     *builder,
              const gchar *fqdn)
{
  g_autoptr(CwaServer) server = cwa_server_new (fqdn);

  cwa_server_set_mtls_certificate (server, add_certificate (builder, fqdn));
  cwa_deployment_add_server (cwa_plan_get_deployment (builder->plan), server);
  return server;
}

static void
add_virtual_server (CwaServer      *server,
                    const gchar    *host,
                    CwaAudience     audience,
                    CwaCertificate *certificate)
{
  g_autofree gchar *url = g_strdup_printf ("https://%s", host);
  g_autoptr(CwaVirtualServer) vs = cwa_virtual_server_new (url, audience);

  cwa_virtual_server_set_ssl_certificate (vs, certificate);
  cwa_server_add_virtual_server (server, vs);
}

/* 10 arrays of 3 computers: 30 virtual servers, one SSL certificate per
 * array; every other load balancer offloads SSL. */
static void
add_arrays (Builder *builder)
{
  CwaDeployment *deployment = cwa_plan_get_deployment (builder->plan);

  for (guint a = 0; a < N_ARRAYS; a++)
    {
      g_autofree gchar *host = g_strdup_printf ("im%02u.bench.example", a);
      g_autofree gchar *vip = g_strdup_printf ("10.0.1.%u", a + 1);
      g_autoptr(CwaLoadBalancer) lb = cwa_load_balancer_new (host);
      CwaCertificate *ssl = add_certificate (builder, host);

      for (guint m = 0; m < N_MEMBERS; m++)
        {
          g_autofree gchar *fqdn = g_strdup_printf ("cwa%02u-%u.bench.example", a, m);

          add_virtual_server (add_computer (builder, fqdn), host, CWA_AUDIENCE_EXTERNAL, ssl);
          cwa_load_balancer_add_member (lb, fqdn);
        }
      cwa_load_balancer_set_vip (lb, vip);
      if (a % 2 == 0)
        {
          cwa_load_balancer_set_ssl_offload (lb, TRUE);
          cwa_load_balancer_set_ssl_certificate (lb, ssl);
        }
      cwa_deployment_add_load_balancer (deployment, lb);
    }
}

/* 15 computers with two virtual servers each: 30 more. */
static void
add_single_servers (Builder *builder)
{
  for (guint s = 0; s < N_SINGLE; s++)
    {
      g_autofree gchar *fqdn = g_strdup_printf ("web%02u.bench.example", s);
      CwaServer *server = add_computer (builder, fqdn);

      for (guint v = 0; v < 2; v++)
        {
          g_autofree gchar *host = g_strdup_printf ("site%02u-%u.bench.example", s, v);

          add_virtual_server (server, host, v == 0 ? CWA_AUDIENCE_EXTERNAL : CWA_AUDIENCE_INTERNAL,
                              add_certificate (builder, host));
        }
    }
}

/* 5 reverse proxies, each publishing one array and one single server's
 * external virtual server, every listener with its own certificate. */
static void
add_proxies (Builder *builder)
{
  CwaDeployment *deployment = cwa_plan_get_deployment (builder->plan);

  for (guint p = 0; p < N_PROXIES; p++)
    {
      g_autofree gchar *fqdn = g_strdup_printf ("isa%02u.perimeter.bench.example", p);
      g_autoptr(CwaReverseProxy) proxy = cwa_reverse_proxy_new (fqdn);

      cwa_reverse_proxy_add_trusted_certificate (proxy, cwa_test_issuer_get_certificate (builder->ca));
      for (guint r = 0; r < RULES_PER_PROXY; r++)
        {
          g_autofree gchar *host = r == 0 ? g_strdup_printf ("im%02u.bench.example", p)
                                          : g_strdup_printf ("site%02u-0.bench.example", p);
          g_autofree gchar *url = g_strdup_printf ("https://%s", host);
          g_autofree gchar *listen = g_strdup_printf ("203.0.113.%u:443",
                                                      p * RULES_PER_PROXY + r + 1);
          g_autoptr(CwaPublishingRule) rule = cwa_publishing_rule_new (url, host);

          cwa_publishing_rule_set_listen (rule, listen);
          cwa_publishing_rule_set_listener_certificate (rule, add_certificate (builder, host));
          cwa_reverse_proxy_add_publishing_rule (proxy, rule);
        }
      cwa_deployment_add_reverse_proxy (deployment, proxy);
    }
}

static gint
compare_times (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static void
print_times (const gchar *what,
             GArray      *times)
{
  g_array_sort (times, compare_times);
  g_print ("  %-5s min %.3f ms, median %.3f ms, max %.3f ms\n", what,
           g_array_index (times, gint64, 0) / 1000.0,
           g_array_index (times, gint64, times->len / 2) / 1000.0,
           g_array_index (times, gint64, times->len - 1) / 1000.0);
}

/* Times @runs checklist runs into @wall and @cpu; with @edited set, each
 * run follows a change of its audience (external, then back to
 * internal), so nothing kept for that server's findings holds.  The edit
 * itself is not timed. */
static void
time_runs (CwaChecklist     *checklist,
           guint             runs,
           CwaVirtualServer *edited,
           GArray           *wall,
           GArray           *cpu)
{
  for (guint i = 0; i < runs; i++)
    {
      gint64 w0;
      gint64 c0;
      gint64 c1;
      gint64 w1;

      if (edited != NULL)
        cwa_virtual_server_set_audience (edited, i % 2 == 0 ? CWA_AUDIENCE_EXTERNAL
                                                            : CWA_AUDIENCE_INTERNAL);
      w0 = g_get_monotonic_time ();
      c0 = cpu_now ();
      cwa_checklist_update (checklist);
      c1 = cpu_now () - c0;
      w1 = g_get_monotonic_time () - w0;
      g_array_append_val (cpu, c1);
      g_array_append_val (wall, w1);
    }
}

/* The internal virtual server of the first computer with two. */
static CwaVirtualServer *
dup_internal_virtual_server (CwaDeployment *deployment)
{
  CwaServer *server = cwa_deployment_find_server (deployment, "web00.bench.example");

  return g_list_model_get_item (cwa_server_get_virtual_servers (server), 1);
}

static guint
count_virtual_servers (CwaDeployment *deployment)
{
  GListModel *servers = cwa_deployment_get_servers (deployment);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (servers); i++)
    {
      g_autoptr(CwaServer) server = g_list_model_get_item (servers, i);

      n += g_list_model_get_n_items (cwa_server_get_virtual_servers (server));
    }
  return n;
}

/* The JSON report of @checklist's last run, as `check --format json` writes
 * it (the generation time is the check time, so the file is the same at
 * every run). */
static void
write_json (CwaPlan      *plan,
            CwaChecklist *checklist,
            GDateTime    *now,
            const gchar  *path)
{
  g_autoptr(CwaReport) report = cwa_report_new (plan, checklist, "bench.cwaplan", now);
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;

  if (!cwa_report_write_file (report, cwa_report_format_lookup ("json"), file, &error))
    g_error ("%s: %s", path, error->message);
}

int
main (int   argc,
      char *argv[])
{
  const gchar *json = NULL;
  guint runs = 500;
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_utc (CWA_TEST_NOW_UNIX);
  g_autoptr(CwaTrust) trust = cwa_trust_new ();
  g_autoptr(CwaChecklist) checklist = NULL;
  g_autoptr(GArray) wall = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) cpu = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) edited_wall = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) edited_cpu = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(CwaVirtualServer) edited = NULL;
  g_autoptr(GPtrArray) records = NULL;
  Builder builder = { cwa_plan_new (), NULL, 0 };
  CwaDeployment *deployment = cwa_plan_get_deployment (builder.plan);
  CwaTestCertSpec ca_spec;
  gint64 first;

  for (int i = 1; i < argc; i++)
    {
      if (g_strcmp0 (argv[i], "--json") == 0 && i + 1 < argc)
        json = argv[++i];
      else
        runs = (guint) strtoul (argv[i], NULL, 10);
    }
  if (runs == 0)
    runs = 1;

  cwa_test_cert_spec_init (&ca_spec, "CN=Bench Issuing CA,O=Bench");
  ca_spec.is_ca = TRUE;
  builder.ca = cwa_test_issuer_new (&ca_spec);
  cwa_plan_add_certificate (builder.plan, cwa_test_issuer_get_certificate (builder.ca));
  add_arrays (&builder);
  add_single_servers (&builder);
  add_proxies (&builder);

  /* Loading the system roots is not part of a run (as in bench-drop). */
  cwa_trust_add_system (trust, NULL);
  checklist = cwa_checklist_new (builder.plan, trust);
  cwa_checklist_set_now (checklist, now);

  first = g_get_monotonic_time ();
  cwa_checklist_update (checklist);
  first = g_get_monotonic_time () - first;

  /* Edited runs first, an even number of them, so the plan is the one
   * built when the unchanged runs (and the JSON report) come. */
  edited = dup_internal_virtual_server (deployment);
  time_runs (checklist, runs + runs % 2, edited, edited_wall, edited_cpu);
  time_runs (checklist, runs, NULL, wall, cpu);

  records = cwa_dns_records_compute (deployment);
  g_print ("Plan: %u computers, %u virtual servers, %u load balancers, %u reverse proxies, "
           "%u certificates, %u DNS records.\n",
           g_list_model_get_n_items (cwa_deployment_get_servers (deployment)),
           count_virtual_servers (deployment),
           g_list_model_get_n_items (cwa_deployment_get_load_balancers (deployment)),
           g_list_model_get_n_items (cwa_deployment_get_reverse_proxies (deployment)),
           g_list_model_get_n_items (cwa_plan_get_certificates (builder.plan)), records->len);
  g_print ("Findings: %u (%u errors, %u warnings, %u info, %u passed).\n",
           g_list_model_get_n_items (cwa_checklist_get_findings (checklist)),
           cwa_checklist_get_n_errors (checklist), cwa_checklist_get_n_warnings (checklist),
           cwa_checklist_get_n_info (checklist), cwa_checklist_get_n_passed (checklist));
  g_print ("First run (chains built): %.3f ms wall.\n", first / 1000.0);
  g_print ("Rule time of one checklist run, unchanged plan, %u runs:\n", runs);
  print_times ("wall", wall);
  print_times ("CPU", cpu);
  g_print ("Rule time of one checklist run after one virtual server's audience changed, %u runs:\n",
           edited_cpu->len);
  print_times ("wall", edited_wall);
  print_times ("CPU", edited_cpu);
  if (json != NULL)
    write_json (builder.plan, checklist, now, json);

  g_clear_object (&checklist);
  g_object_unref (builder.plan);
  cwa_test_issuer_free (builder.ca);
  return 0;
}

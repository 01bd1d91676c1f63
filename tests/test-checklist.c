/* test-checklist.c: the checklist re-runs once per batch of changes and reports only what changed. */
#include "config.h"

#include <string.h>

#include "cwa-checklist-private.h"
#include "cwa-test-cert.h"

typedef struct
{
  CwaPlan          *plan;
  CwaServer        *server;
  CwaVirtualServer *vs;
  CwaCertificate   *cert;
  CwaChecklist     *checklist;

  guint             n_updated;
  guint             n_items_changed;
  guint             position;
  guint             removed;
  guint             added;
  guint             n_error_notifies;
  guint             n_ready_notifies;

  /* What the run hook saw, and the change it makes once. */
  guint             n_steps;
  guint             n_computed;
  gboolean          change_on_computed;
  gboolean          changed;
  gchar            *published_expected;
} Fixture;

static const gchar * const contoso_names[] = {
  "im.contoso.com", "as.im.contoso.com", "download.im.contoso.com", "cwaserver.contoso.com", NULL
};

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gint index_of (CwaChecklist *checklist,
                      const gchar  *rule_id);
static CwaFinding *finding_at (CwaChecklist *checklist,
                               gint          position);

static void
on_updated (Fixture *f)
{
  gint position = index_of (f->checklist, "ssl.subject-matches-url");

  f->n_updated++;
  g_free (f->published_expected);
  f->published_expected = g_strdup (cwa_finding_get_expected (finding_at (f->checklist, position)));
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Fixture    *f)
{
  f->n_items_changed++;
  f->position = position;
  f->removed = removed;
  f->added = added;
}

static void
on_n_errors (Fixture *f)
{
  f->n_error_notifies++;
}

static void
on_ready (Fixture *f)
{
  f->n_ready_notifies++;
}

/* The documented shared example, checked at the fixed test time. */
static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(CwaServer) server = cwa_server_new ("cwaserver.contoso.com");
  g_autoptr(CwaVirtualServer) vs = cwa_virtual_server_new ("https://im.contoso.com", CWA_AUDIENCE_INTERNAL);
  g_autoptr(CwaCertificate) cert = NULL;
  g_autoptr(GDateTime) now = cwa_test_now ();
  CwaTestCertSpec spec;

  cwa_test_cert_spec_init (&spec, "CN=im.contoso.com,O=Contoso");
  spec.dns_names = contoso_names;
  cert = cwa_test_cert_build (&spec);

  f->plan = cwa_plan_new ();
  f->cert = cwa_plan_add_certificate (f->plan, cert);
  cwa_server_add_virtual_server (server, vs);
  cwa_deployment_add_server (cwa_plan_get_deployment (f->plan), server);
  cwa_server_set_mtls_certificate (server, f->cert);
  cwa_virtual_server_set_ssl_certificate (vs, f->cert);
  f->server = server;
  f->vs = vs;

  f->checklist = cwa_checklist_new (f->plan, NULL);
  cwa_checklist_set_now (f->checklist, now);
  cwa_checklist_update (f->checklist);
  iterate ();

  g_signal_connect_swapped (f->checklist, "updated", G_CALLBACK (on_updated), f);
  g_signal_connect_swapped (f->checklist, "notify::n-errors", G_CALLBACK (on_n_errors), f);
  g_signal_connect_swapped (f->checklist, "notify::ready", G_CALLBACK (on_ready), f);
  g_signal_connect (cwa_checklist_get_findings (f->checklist), "items-changed",
                    G_CALLBACK (on_items_changed), f);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_finalize_object (f->checklist);
  g_assert_finalize_object (f->plan);
  g_free (f->published_expected);
}

static gint
index_of (CwaChecklist *checklist,
          const gchar  *rule_id)
{
  GListModel *findings = cwa_checklist_get_findings (checklist);

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(CwaFinding) finding = g_list_model_get_item (findings, i);

      if (g_strcmp0 (cwa_finding_get_rule_id (finding), rule_id) == 0)
        return i;
    }

  return -1;
}

static CwaFinding *
finding_at (CwaChecklist *checklist,
            gint          position)
{
  g_autoptr(CwaFinding) finding = NULL;

  g_assert_cmpint (position, >=, 0);
  finding = g_list_model_get_item (cwa_checklist_get_findings (checklist), position);

  /* Borrowed: the model keeps it. */
  return finding;
}

static void
test_initial (Fixture *f, gconstpointer data)
{
  GPtrArray *coverage;

  g_assert_cmpuint (cwa_checklist_get_n_runs (f->checklist), >=, 1);
  g_assert_cmpuint (g_list_model_get_n_items (cwa_checklist_get_findings (f->checklist)), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (cwa_checklist_get_requirements (f->checklist)), ==, 1);
  g_assert_nonnull (cwa_checklist_get_chain (f->checklist, f->cert));

  /* A self-signed certificate: only cert.chain-trusted fails, a warning. */
  g_assert_cmpuint (cwa_checklist_get_n_errors (f->checklist), ==, 0);
  g_assert_cmpuint (cwa_checklist_get_n_warnings (f->checklist), ==, 1);
  g_assert_false (cwa_checklist_is_ready (f->checklist));

  /* Coverage: four names, one certificate, all covered. */
  coverage = cwa_checklist_get_coverage (f->checklist);
  g_assert_cmpuint (coverage->len, ==, 4);
  for (guint i = 0; i < coverage->len; i++)
    {
      CwaCoverageCell *cell = g_ptr_array_index (coverage, i);

      g_assert_cmpstr (cell->name, ==, contoso_names[i]);
      g_assert_true (cell->certificate == f->cert);
      g_assert_cmpint (cell->status, ==, CWA_COVERAGE_COVERED);
    }
  g_assert_cmpstr (cwa_coverage_status_to_string (CWA_COVERAGE_WILDCARD_ONLY), ==, "wildcard only");
}

static void
test_rerun_once (Fixture *f, gconstpointer data)
{
  guint runs = cwa_checklist_get_n_runs (f->checklist);
  gint position = index_of (f->checklist, "ssl.subject-matches-url");

  g_assert_cmpuint (cwa_finding_get_status (finding_at (f->checklist, position)), ==, CWA_STATUS_PASS);

  cwa_virtual_server_set_url (f->vs, "https://im.fabrikam.com");
  /* Nothing runs until the main loop turns. */
  g_assert_cmpuint (cwa_checklist_get_n_runs (f->checklist), ==, runs);
  iterate ();
  g_assert_cmpuint (cwa_checklist_get_n_runs (f->checklist), ==, runs + 1);
  g_assert_cmpuint (f->n_updated, ==, 1);

  g_assert_cmpint (index_of (f->checklist, "ssl.subject-matches-url"), ==, position);
  g_assert_cmpuint (cwa_finding_get_status (finding_at (f->checklist, position)), ==, CWA_STATUS_FAIL);
  g_assert_cmpuint (cwa_checklist_get_n_errors (f->checklist), >, 0);
  g_assert_cmpuint (f->n_error_notifies, ==, 1);

  /* Nothing further pending. */
  iterate ();
  g_assert_cmpuint (cwa_checklist_get_n_runs (f->checklist), ==, runs + 1);
}

static void
test_coalesce (Fixture *f, gconstpointer data)
{
  guint runs = cwa_checklist_get_n_runs (f->checklist);

  cwa_virtual_server_set_url (f->vs, "https://im.fabrikam.com");
  cwa_virtual_server_set_audience (f->vs, CWA_AUDIENCE_EXTERNAL);
  cwa_virtual_server_set_download_url (f->vs, "dl.fabrikam.com");
  cwa_plan_set_expiry_warning_days (f->plan, 90);
  iterate ();
  g_assert_cmpuint (cwa_checklist_get_n_runs (f->checklist), ==, runs + 1);
  g_assert_cmpuint (f->n_updated, ==, 1);
  g_assert_cmpint (index_of (f->checklist, "external.https-required"), >=, 0);
}

/* Only the row that changed is replaced. */
static void
test_items_changed_range (Fixture *f, gconstpointer data)
{
  gint position = index_of (f->checklist, "ssl.san-has-as-url");
  guint n = g_list_model_get_n_items (cwa_checklist_get_findings (f->checklist));
  g_autoptr(CwaFinding) before = g_object_ref (finding_at (f->checklist, position - 1));
  g_autoptr(CwaFinding) after = g_object_ref (finding_at (f->checklist, position + 1));

  cwa_virtual_server_set_as_url (f->vs, "cwa-as.contoso.com");
  iterate ();

  g_assert_cmpuint (f->n_updated, ==, 1);
  g_assert_cmpuint (f->n_items_changed, ==, 1);
  g_assert_cmpuint (f->position, ==, position);
  g_assert_cmpuint (f->removed, ==, 1);
  g_assert_cmpuint (f->added, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (cwa_checklist_get_findings (f->checklist)), ==, n);
  g_assert_cmpuint (cwa_finding_get_status (finding_at (f->checklist, position)), ==, CWA_STATUS_FAIL);
  g_assert_cmpstr (cwa_finding_get_expected (finding_at (f->checklist, position)), ==, "cwa-as.contoso.com");
  /* The neighbours are the very same objects. */
  g_assert_true (finding_at (f->checklist, position - 1) == before);
  g_assert_true (finding_at (f->checklist, position + 1) == after);

  /* Coverage follows: the new asURL is missing from the certificate. */
  {
    GPtrArray *coverage = cwa_checklist_get_coverage (f->checklist);
    gboolean seen = FALSE;

    for (guint i = 0; i < coverage->len; i++)
      {
        CwaCoverageCell *cell = g_ptr_array_index (coverage, i);

        if (g_strcmp0 (cell->name, "cwa-as.contoso.com") == 0)
          {
            g_assert_cmpint (cell->status, ==, CWA_COVERAGE_MISSING);
            seen = TRUE;
          }
      }
    g_assert_true (seen);
  }
}

static void
test_no_change (Fixture *f, gconstpointer data)
{
  guint runs = cwa_checklist_get_n_runs (f->checklist);

  /* Explicitly the default binding: a change, but nothing to report. */
  cwa_virtual_server_set_listen (f->vs, "*:443");
  iterate ();
  g_assert_cmpuint (cwa_checklist_get_n_runs (f->checklist), ==, runs + 1);
  g_assert_cmpuint (f->n_updated, ==, 1);
  g_assert_cmpuint (f->n_items_changed, ==, 0);
  g_assert_cmpuint (f->n_error_notifies, ==, 0);
  g_assert_cmpuint (f->n_ready_notifies, ==, 0);
}

static void
test_added_rows (Fixture *f, gconstpointer data)
{
  g_autoptr(CwaVirtualServer) vs = cwa_virtual_server_new ("http://im.fabrikam.com", CWA_AUDIENCE_EXTERNAL);
  guint n = g_list_model_get_n_items (cwa_checklist_get_findings (f->checklist));
  guint n_requirements = g_list_model_get_n_items (cwa_checklist_get_requirements (f->checklist));

  /* A second virtual server adds its own rows at the end of its server's,
   * and changes the server's audience finding. */
  cwa_server_add_virtual_server (f->server, vs);
  iterate ();
  g_assert_cmpuint (f->n_updated, ==, 1);
  g_assert_cmpuint (f->n_items_changed, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (cwa_checklist_get_findings (f->checklist)), ==,
                    n - f->removed + f->added);
  g_assert_cmpuint (f->added, >, f->removed);
  g_assert_cmpint (index_of (f->checklist, "external.https-required"), >=, 0);
  /* The external http one gets an SSL entry. */
  g_assert_cmpuint (g_list_model_get_n_items (cwa_checklist_get_requirements (f->checklist)), ==,
                    n_requirements + 1);
}

static void
test_update_sync (Fixture *f, gconstpointer data)
{
  guint runs = cwa_checklist_get_n_runs (f->checklist);

  cwa_virtual_server_set_url (f->vs, "https://im.fabrikam.com");
  cwa_checklist_update (f->checklist);
  g_assert_cmpuint (cwa_checklist_get_n_runs (f->checklist), ==, runs + 1);
  /* The pending re-run was cancelled. */
  iterate ();
  g_assert_cmpuint (cwa_checklist_get_n_runs (f->checklist), ==, runs + 1);
}

static void
test_now_property (Fixture *f, gconstpointer data)
{
  g_autoptr(GDateTime) later = g_date_time_new_utc (2028, 6, 1, 0, 0, 0);
  gint position = index_of (f->checklist, "cert.validity");

  g_assert_cmpuint (cwa_finding_get_status (finding_at (f->checklist, position)), ==, CWA_STATUS_PASS);
  cwa_checklist_set_now (f->checklist, later);
  iterate ();
  g_assert_cmpuint (f->n_updated, ==, 1);
  g_assert_cmpuint (cwa_finding_get_status (finding_at (f->checklist, position)), ==, CWA_STATUS_FAIL);
  g_assert_true (g_date_time_equal (cwa_checklist_get_now (f->checklist), later));
}

static void
test_wildcard_coverage (Fixture *f, gconstpointer data)
{
  static const gchar * const wildcard_names[] = { "*.contoso.com", "*.im.contoso.com", NULL };
  g_autoptr(CwaCertificate) built = NULL;
  CwaCertificate *cert;
  CwaTestCertSpec spec;
  GPtrArray *coverage;

  cwa_test_cert_spec_init (&spec, "CN=wild.contoso.com");
  spec.dns_names = wildcard_names;
  built = cwa_test_cert_build (&spec);
  cert = cwa_plan_add_certificate (f->plan, built);
  cwa_virtual_server_set_ssl_certificate (f->vs, cert);
  cwa_checklist_update (f->checklist);

  /* Rows: the MTLS entry, then the SSL entry's three names; columns: the
   * MTLS certificate then the wildcard one. */
  coverage = cwa_checklist_get_coverage (f->checklist);
  g_assert_cmpuint (coverage->len, ==, 8);
  for (guint i = 0; i < coverage->len; i++)
    {
      CwaCoverageCell *cell = g_ptr_array_index (coverage, i);

      if (cell->certificate == cert)
        g_assert_cmpint (cell->status, ==, CWA_COVERAGE_WILDCARD_ONLY);
    }
}

/* The finding of @rule_id about @certificate, or NULL.  Borrowed. */
static CwaFinding *
find_certificate_finding (CwaChecklist   *checklist,
                          const gchar    *rule_id,
                          CwaCertificate *certificate)
{
  GListModel *findings = cwa_checklist_get_findings (checklist);

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(CwaFinding) finding = g_list_model_get_item (findings, i);

      if (g_strcmp0 (cwa_finding_get_rule_id (finding), rule_id) == 0 &&
          cwa_finding_get_certificate (finding) == certificate)
        return finding;
    }

  return NULL;
}

static void
assert_chain_trusted (CwaChecklist   *checklist,
                      CwaCertificate *certificate,
                      gboolean        trusted)
{
  CwaFinding *finding = find_certificate_finding (checklist, "cert.chain-trusted", certificate);

  g_assert_nonnull (finding);
  g_assert_cmpint (cwa_finding_get_status (finding), ==, trusted ? CWA_STATUS_PASS : CWA_STATUS_FAIL);
}

/* A certificate issued by a root the plan does not carry, the SSL
 * certificate of the fixture's virtual server.  Borrowed from the plan. */
static CwaCertificate *
assign_issued_certificate (Fixture       *f,
                           CwaTestIssuer *issuer)
{
  g_autoptr(CwaCertificate) built = NULL;
  CwaCertificate *leaf;
  CwaTestCertSpec spec;

  cwa_test_cert_spec_init (&spec, "CN=im.contoso.com,O=Contoso");
  spec.dns_names = contoso_names;
  spec.issuer = issuer;
  built = cwa_test_cert_build (&spec);
  leaf = cwa_plan_add_certificate (f->plan, built);
  cwa_virtual_server_set_ssl_certificate (f->vs, leaf);
  cwa_checklist_update (f->checklist);
  return leaf;
}

/* The certificate findings are kept between runs: every change they
 * depend on must still show at the next run (trust set or grown in place,
 * a renamed certificate, one replaced by an equal object, one moved). */
static void
test_certificate_findings_follow (Fixture *f, gconstpointer data)
{
  g_autoptr(CwaTestIssuer) issuer = NULL;
  g_autoptr(CwaTrust) trust = cwa_trust_new ();
  g_autoptr(CwaTrust) other_trust = cwa_trust_new ();
  g_autoptr(CwaVirtualServer) second = cwa_virtual_server_new ("https://im2.contoso.com", CWA_AUDIENCE_INTERNAL);
  g_autoptr(CwaCertificate) copy = NULL;
  CwaCertificate *leaf;
  CwaTestCertSpec spec;

  cwa_test_cert_spec_init (&spec, "CN=Stale Test Root,O=Contoso");
  spec.is_ca = TRUE;
  issuer = cwa_test_issuer_new (&spec);
  leaf = assign_issued_certificate (f, issuer);
  assert_chain_trusted (f->checklist, leaf, FALSE);

  /* Preferences hand over a new trust store... */
  cwa_trust_add_public_root (trust, cwa_test_issuer_get_certificate (issuer));
  cwa_checklist_set_trust (f->checklist, trust);
  cwa_checklist_update (f->checklist);
  assert_chain_trusted (f->checklist, leaf, TRUE);
  g_assert_nonnull (strstr (cwa_finding_get_message (find_certificate_finding (f->checklist, "cert.chain-trusted", leaf)),
                            "(a public root)"));

  /* ...and a store may grow in place. */
  cwa_checklist_set_trust (f->checklist, other_trust);
  cwa_checklist_update (f->checklist);
  assert_chain_trusted (f->checklist, leaf, FALSE);
  cwa_trust_add_public_root (other_trust, cwa_test_issuer_get_certificate (issuer));
  cwa_checklist_update (f->checklist);
  assert_chain_trusted (f->checklist, leaf, TRUE);

  cwa_certificate_set_id (leaf, "renamed-im");
  cwa_checklist_update (f->checklist);
  g_assert_nonnull (strstr (cwa_finding_get_message (find_certificate_finding (f->checklist, "cert.version-3", leaf)),
                            "renamed-im"));

  /* The same certificate as another object, with the same name: the
   * findings are about the new one. */
  copy = cwa_certificate_new_from_der (cwa_certificate_get_der (leaf), NULL, 0, NULL);
  cwa_certificate_set_id (copy, "renamed-im");
  cwa_plan_remove_certificate (f->plan, leaf);
  leaf = cwa_plan_add_certificate (f->plan, copy);
  g_assert_true (leaf == copy);
  g_assert_cmpstr (cwa_certificate_get_id (leaf), ==, "renamed-im");
  cwa_virtual_server_set_ssl_certificate (f->vs, leaf);
  cwa_checklist_update (f->checklist);
  assert_chain_trusted (f->checklist, leaf, TRUE);

  /* Moved to another virtual server: the findings are grouped there. */
  cwa_server_add_virtual_server (f->server, second);
  cwa_virtual_server_set_ssl_certificate (second, leaf);
  cwa_virtual_server_set_ssl_certificate (f->vs, f->cert);
  cwa_checklist_update (f->checklist);
  g_assert_true (cwa_finding_get_virtual_server (find_certificate_finding (f->checklist, "cert.validity", leaf))
                 == second);
}

static void
test_finalize_pending (void)
{
  g_autoptr(CwaPlan) plan = cwa_plan_new ();
  g_autoptr(CwaServer) server = cwa_server_new ("cwaserver.contoso.com");
  CwaChecklist *checklist = cwa_checklist_new (plan, NULL);

  /* A pending re-run must not outlive the checklist. */
  cwa_deployment_add_server (cwa_plan_get_deployment (plan), server);
  g_assert_finalize_object (checklist);
  iterate ();
  g_clear_object (&server);
  g_assert_finalize_object (g_steal_pointer (&plan));
}

/* Load balancers, reverse proxies and publishing rules re-run the rules
 * like the rest: once per main-loop iteration, whatever changed. */
static void
test_front_ends_coalesce (Fixture *f, gconstpointer data)
{
  CwaDeployment *deployment = cwa_plan_get_deployment (f->plan);
  g_autoptr(CwaLoadBalancer) lb = cwa_load_balancer_new ("im.contoso.com");
  g_autoptr(CwaReverseProxy) proxy = cwa_reverse_proxy_new ("isa01.perimeter.contoso.com");
  g_autoptr(CwaPublishingRule) rule = cwa_publishing_rule_new ("https://im.contoso.com", "im.contoso.com");
  guint runs = cwa_checklist_get_n_runs (f->checklist);

  cwa_deployment_add_load_balancer (deployment, lb);
  cwa_load_balancer_add_member (lb, "cwaserver.contoso.com");
  cwa_load_balancer_set_ssl_offload (lb, TRUE);
  cwa_deployment_add_reverse_proxy (deployment, proxy);
  cwa_reverse_proxy_add_publishing_rule (proxy, rule);
  cwa_publishing_rule_set_listener_certificate (rule, f->cert);
  cwa_reverse_proxy_add_trusted_certificate (proxy, f->cert);
  g_assert_cmpuint (cwa_checklist_get_n_runs (f->checklist), ==, runs);
  iterate ();
  g_assert_cmpuint (cwa_checklist_get_n_runs (f->checklist), ==, runs + 1);
  g_assert_cmpuint (f->n_updated, ==, 1);

  cwa_publishing_rule_set_internal_host (rule, "10.0.0.7");
  iterate ();
  g_assert_cmpuint (cwa_checklist_get_n_runs (f->checklist), ==, runs + 2);
  cwa_load_balancer_set_vip (lb, "10.0.0.50");
  iterate ();
  g_assert_cmpuint (cwa_checklist_get_n_runs (f->checklist), ==, runs + 3);

  /* Nothing further pending. */
  iterate ();
  g_assert_cmpuint (cwa_checklist_get_n_runs (f->checklist), ==, runs + 3);
}

/* Counts the steps of every run and, once, changes the plan in the middle
 * of a run (after its first step) or after its last step, just before it
 * would publish: what a slow rule followed by a user's edit looks like. */
static void
run_hook (CwaChecklist *checklist,
          gboolean      computed,
          gpointer      user_data)
{
  Fixture *f = user_data;

  f->n_steps++;
  if (computed)
    f->n_computed++;
  if (f->changed || computed != f->change_on_computed)
    return;

  f->changed = TRUE;
  cwa_virtual_server_set_url (f->vs, "https://im.northwind.com");
}

/* Four changes in one iteration: the rules run once, not four times. */
static void
test_coalesce_one_run (Fixture *f, gconstpointer data)
{
  guint runs = cwa_checklist_get_n_runs (f->checklist);

  f->changed = TRUE;
  _cwa_checklist_set_run_hook (f->checklist, run_hook, f);
  cwa_virtual_server_set_url (f->vs, "https://im.fabrikam.com");
  cwa_virtual_server_set_as_url (f->vs, "as.im.fabrikam.com");
  cwa_virtual_server_set_download_url (f->vs, "download.im.fabrikam.com");
  cwa_checklist_set_expiry_warning_days (f->checklist, 60);
  g_assert_cmpuint (f->n_steps, ==, 0);
  iterate ();
  g_assert_cmpuint (f->n_computed, ==, 1);
  g_assert_cmpuint (cwa_checklist_get_n_runs (f->checklist), ==, runs + 1);
  g_assert_cmpuint (f->n_updated, ==, 1);
  g_assert_cmpstr (f->published_expected, ==, "im.fabrikam.com");
  _cwa_checklist_set_run_hook (f->checklist, NULL, NULL);
}

/* A change in the middle of a run cancels it: it never completes, and the
 * run that follows publishes the newer plan. */
static void
test_change_during_run (Fixture *f, gconstpointer data)
{
  guint runs = cwa_checklist_get_n_runs (f->checklist);

  _cwa_checklist_set_run_hook (f->checklist, run_hook, f);
  cwa_virtual_server_set_url (f->vs, "https://im.fabrikam.com");
  iterate ();
  g_assert_true (f->changed);
  g_assert_cmpuint (f->n_computed, ==, 1);
  g_assert_cmpuint (cwa_checklist_get_n_runs (f->checklist), ==, runs + 1);
  g_assert_cmpuint (f->n_updated, ==, 1);
  g_assert_cmpstr (f->published_expected, ==, "im.northwind.com");
  _cwa_checklist_set_run_hook (f->checklist, NULL, NULL);
}

/* A change after a run computed its result but before it published: the
 * generation check drops the stale result, which would otherwise show
 * im.fabrikam.com, and the newer run publishes. */
static void
test_stale_result_dropped (Fixture *f, gconstpointer data)
{
  guint runs = cwa_checklist_get_n_runs (f->checklist);

  f->change_on_computed = TRUE;
  _cwa_checklist_set_run_hook (f->checklist, run_hook, f);
  cwa_virtual_server_set_url (f->vs, "https://im.fabrikam.com");
  iterate ();
  g_assert_true (f->changed);
  g_assert_cmpuint (f->n_computed, ==, 2);
  g_assert_cmpuint (cwa_checklist_get_n_runs (f->checklist), ==, runs + 1);
  g_assert_cmpuint (f->n_updated, ==, 1);
  g_assert_cmpstr (f->published_expected, ==, "im.northwind.com");
  g_assert_cmpuint (cwa_finding_get_status (finding_at (f->checklist,
                                                        index_of (f->checklist, "ssl.subject-matches-url"))),
                    ==, CWA_STATUS_FAIL);
  _cwa_checklist_set_run_hook (f->checklist, NULL, NULL);
}

/* The same for the synchronous run: it publishes nothing stale and leaves
 * the newer run scheduled. */
static void
test_stale_sync_dropped (Fixture *f, gconstpointer data)
{
  guint runs = cwa_checklist_get_n_runs (f->checklist);

  f->change_on_computed = TRUE;
  _cwa_checklist_set_run_hook (f->checklist, run_hook, f);
  cwa_virtual_server_set_url (f->vs, "https://im.fabrikam.com");
  cwa_checklist_update (f->checklist);
  g_assert_true (f->changed);
  g_assert_cmpuint (f->n_computed, ==, 1);
  g_assert_cmpuint (cwa_checklist_get_n_runs (f->checklist), ==, runs);
  g_assert_cmpuint (f->n_updated, ==, 0);
  iterate ();
  g_assert_cmpuint (f->n_computed, ==, 2);
  g_assert_cmpuint (cwa_checklist_get_n_runs (f->checklist), ==, runs + 1);
  g_assert_cmpuint (f->n_updated, ==, 1);
  g_assert_cmpstr (f->published_expected, ==, "im.northwind.com");
  _cwa_checklist_set_run_hook (f->checklist, NULL, NULL);
}

/* Held, the checklist runs nothing however many changes arrive; the last
 * release runs it once over all of them.  A release with nothing changed
 * runs nothing. */
static void
test_hold (Fixture *f, gconstpointer data)
{
  guint runs = cwa_checklist_get_n_runs (f->checklist);

  cwa_checklist_hold (f->checklist);
  cwa_checklist_hold (f->checklist);
  g_assert_true (cwa_checklist_is_held (f->checklist));
  cwa_virtual_server_set_url (f->vs, "https://im.fabrikam.com");
  iterate ();
  cwa_virtual_server_set_url (f->vs, "https://im.northwind.com");
  iterate ();
  g_assert_cmpuint (cwa_checklist_get_n_runs (f->checklist), ==, runs);

  cwa_checklist_release (f->checklist);
  iterate ();
  g_assert_cmpuint (cwa_checklist_get_n_runs (f->checklist), ==, runs);
  cwa_checklist_release (f->checklist);
  g_assert_false (cwa_checklist_is_held (f->checklist));
  iterate ();
  g_assert_cmpuint (cwa_checklist_get_n_runs (f->checklist), ==, runs + 1);
  g_assert_cmpuint (f->n_updated, ==, 1);
  g_assert_cmpstr (f->published_expected, ==, "im.northwind.com");

  cwa_checklist_hold (f->checklist);
  cwa_checklist_release (f->checklist);
  iterate ();
  g_assert_cmpuint (cwa_checklist_get_n_runs (f->checklist), ==, runs + 1);
}

/* A change scheduled just before the hold waits for the release too. */
static void
test_hold_pending (Fixture *f, gconstpointer data)
{
  guint runs = cwa_checklist_get_n_runs (f->checklist);

  cwa_virtual_server_set_url (f->vs, "https://im.fabrikam.com");
  cwa_checklist_hold (f->checklist);
  iterate ();
  g_assert_cmpuint (cwa_checklist_get_n_runs (f->checklist), ==, runs);
  g_assert_cmpuint (f->n_updated, ==, 0);
  cwa_checklist_release (f->checklist);
  iterate ();
  g_assert_cmpuint (cwa_checklist_get_n_runs (f->checklist), ==, runs + 1);
  g_assert_cmpstr (f->published_expected, ==, "im.fabrikam.com");
}

/* New certificates invalidate the cached chains; other changes keep them. */
static void
test_pool_generation (Fixture *f, gconstpointer data)
{
  guint64 generation = cwa_plan_get_pool_generation (f->plan);
  g_autoptr(CwaCertificate) other = NULL;
  CwaTestCertSpec spec;

  cwa_virtual_server_set_url (f->vs, "https://im.fabrikam.com");
  g_assert_cmpuint (cwa_plan_get_pool_generation (f->plan), ==, generation);
  cwa_test_cert_spec_init (&spec, "CN=other.contoso.com,O=Contoso");
  other = cwa_test_cert_build (&spec);
  cwa_plan_add_chain_certificate (f->plan, other);
  g_assert_cmpuint (cwa_plan_get_pool_generation (f->plan), >, generation);
  generation = cwa_plan_get_pool_generation (f->plan);
  cwa_plan_remove_certificate (f->plan, f->cert);
  g_assert_cmpuint (cwa_plan_get_pool_generation (f->plan), >, generation);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/cwa/checklist/initial", test_initial);
  ADD ("/cwa/checklist/rerun-once", test_rerun_once);
  ADD ("/cwa/checklist/coalesce", test_coalesce);
  ADD ("/cwa/checklist/items-changed-range", test_items_changed_range);
  ADD ("/cwa/checklist/no-change", test_no_change);
  ADD ("/cwa/checklist/added-rows", test_added_rows);
  ADD ("/cwa/checklist/update-sync", test_update_sync);
  ADD ("/cwa/checklist/now", test_now_property);
  ADD ("/cwa/checklist/wildcard-coverage", test_wildcard_coverage);
  ADD ("/cwa/checklist/certificate-findings-follow", test_certificate_findings_follow);
  ADD ("/cwa/checklist/front-ends-coalesce", test_front_ends_coalesce);
  ADD ("/cwa/checklist/coalesce-one-run", test_coalesce_one_run);
  ADD ("/cwa/checklist/change-during-run", test_change_during_run);
  ADD ("/cwa/checklist/stale-result-dropped", test_stale_result_dropped);
  ADD ("/cwa/checklist/stale-sync-dropped", test_stale_sync_dropped);
  ADD ("/cwa/checklist/hold", test_hold);
  ADD ("/cwa/checklist/hold-pending", test_hold_pending);
  ADD ("/cwa/checklist/pool-generation", test_pool_generation);
  g_test_add_func ("/cwa/checklist/finalize-pending", test_finalize_pending);

  return g_test_run ();
}

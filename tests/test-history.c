/* test-history.c: CwaHistory and the edit verbs: undo order, a toast's own entry, undo only of edits still in place. */
#include "config.h"

#include <string.h>

#include "cwa-plan-edits.h"
#include "cwa-plan-file.h"
#include "cwa-test-plan.h"

typedef struct
{
  CwaPlan    *plan;
  CwaHistory *history;
  guint       n_pushed;
  guint       last_id;
  gchar      *last_title;
  guint       n_can_undo;
} Fixture;

static void
pushed_cb (CwaHistory  *history,
           guint        id,
           const gchar *title,
           Fixture     *fixture)
{
  fixture->n_pushed++;
  fixture->last_id = id;
  g_free (fixture->last_title);
  fixture->last_title = g_strdup (title);
}

static void
can_undo_cb (CwaHistory *history,
             GParamSpec *pspec,
             Fixture    *fixture)
{
  fixture->n_can_undo++;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree gchar *path = cwa_test_example_path ("contoso.cwaplan");

  fixture->plan = cwa_test_load_plan (path);
  fixture->history = cwa_plan_get_history (fixture->plan);
  g_signal_connect (fixture->history, "pushed", G_CALLBACK (pushed_cb), fixture);
  g_signal_connect (fixture->history, "notify::can-undo", G_CALLBACK (can_undo_cb), fixture);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  /* The history and what its entries hold go with the plan. */
  g_object_add_weak_pointer (G_OBJECT (fixture->history), (gpointer *) &fixture->history);
  g_assert_finalize_object (fixture->plan);
  g_assert_null (fixture->history);
  g_free (fixture->last_title);
}

static CwaServer *
first_server (CwaPlan *plan)
{
  GListModel *servers = cwa_deployment_get_servers (cwa_plan_get_deployment (plan));
  g_autoptr(CwaServer) server = g_list_model_get_item (servers, 0);

  return server;
}

static CwaVirtualServer *
first_virtual_server (CwaPlan *plan)
{
  GListModel *vss = cwa_server_get_virtual_servers (first_server (plan));
  g_autoptr(CwaVirtualServer) vs = g_list_model_get_item (vss, 0);

  return vs;
}

static gboolean
count_undo (gpointer data)
{
  (*(guint *) data)++;
  return TRUE;
}

/* Redo takes back what count_undo() counted. */
static gboolean
count_redo (gpointer data)
{
  (*(guint *) data)--;
  return TRUE;
}

/* The stack itself: newest first, ids, "can-undo" notified on change only,
 * an older entry undone by its id, nothing twice. */
static void
test_stack (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(CwaHistory) history = cwa_history_new ();
  guint counts[3] = { 0, 0, 0 };
  guint ids[3];

  g_signal_connect (history, "pushed", G_CALLBACK (pushed_cb), fixture);
  g_signal_connect (history, "notify::can-undo", G_CALLBACK (can_undo_cb), fixture);
  g_assert_false (cwa_history_get_can_undo (history));
  g_assert_false (cwa_history_undo (history));

  for (guint i = 0; i < 3; i++)
    {
      g_autofree gchar *title = g_strdup_printf ("edit %u", i);

      ids[i] = cwa_history_push (history, title, count_undo, &counts[i], NULL);
      g_assert_cmpuint (ids[i], !=, 0);
      g_assert_cmpuint (fixture->last_id, ==, ids[i]);
      g_assert_cmpstr (fixture->last_title, ==, title);
    }
  g_assert_cmpuint (fixture->n_pushed, ==, 3);
  g_assert_cmpuint (fixture->n_can_undo, ==, 1);
  g_assert_true (ids[0] != ids[1] && ids[1] != ids[2]);

  /* A toast's Undo: the middle entry, then it is gone. */
  g_assert_true (cwa_history_undo_entry (history, ids[1]));
  g_assert_cmpuint (counts[1], ==, 1);
  g_assert_false (cwa_history_undo_entry (history, ids[1]));
  g_assert_cmpuint (counts[1], ==, 1);

  g_assert_true (cwa_history_undo (history));
  g_assert_cmpuint (counts[2], ==, 1);
  g_assert_cmpuint (counts[0], ==, 0);
  g_assert_true (cwa_history_undo (history));
  g_assert_cmpuint (counts[0], ==, 1);
  g_assert_false (cwa_history_get_can_undo (history));
  g_assert_cmpuint (fixture->n_can_undo, ==, 2);
  g_assert_false (cwa_history_undo (history));

  cwa_history_push (history, "again", count_undo, &counts[0], NULL);
  cwa_history_clear (history);
  g_assert_false (cwa_history_get_can_undo (history));
  g_assert_cmpuint (counts[0], ==, 1);
  g_signal_handlers_disconnect_by_data (history, fixture);
}

/* A long session keeps the newest 100 entries; forgotten data is freed. */
static void
test_limit (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(CwaHistory) history = cwa_history_new ();
  guint undone = 0;

  for (guint i = 0; i < 150; i++)
    cwa_history_push (history, "edit", count_undo, &undone, NULL);
  g_assert_cmpuint (cwa_history_get_n_entries (history), ==, 100);
  while (cwa_history_undo (history))
    ;
  g_assert_cmpuint (undone, ==, 100);
}

static void
test_assign (Fixture       *fixture,
             gconstpointer  data)
{
  CwaVirtualServer *vs = first_virtual_server (fixture->plan);
  CwaCertificate *before = cwa_virtual_server_get_ssl_certificate (vs);
  CwaCertificate *root = cwa_plan_lookup_certificate (fixture->plan, "contoso-root");

  g_assert_nonnull (before);
  g_assert_true (cwa_plan_edits_assign (fixture->plan, vs, root));
  g_assert_true (cwa_virtual_server_get_ssl_certificate (vs) == root);
  g_assert_cmpstr (fixture->last_title, ==, "“Contoso Root CA” assigned to im.contoso.com");
  /* The same again changes nothing and records nothing. */
  g_assert_false (cwa_plan_edits_assign (fixture->plan, vs, root));
  g_assert_cmpuint (fixture->n_pushed, ==, 1);

  g_assert_true (cwa_plan_edits_assign (fixture->plan, first_server (fixture->plan), NULL));
  g_assert_null (cwa_server_get_mtls_certificate (first_server (fixture->plan)));
  g_assert_cmpstr (fixture->last_title, ==, "Certificate removed from cwaserver.contoso.com");

  g_assert_true (cwa_history_undo (fixture->history));
  g_assert_true (cwa_server_get_mtls_certificate (first_server (fixture->plan)) == before);
  g_assert_true (cwa_history_undo (fixture->history));
  g_assert_true (cwa_virtual_server_get_ssl_certificate (vs) == before);
  g_assert_false (cwa_history_get_can_undo (fixture->history));
}

/* An older entry whose change a newer edit overlaid is not reverted: that
 * would make a state the plan never had. */
static void
test_stale_entry (Fixture       *fixture,
                  gconstpointer  data)
{
  CwaVirtualServer *vs = first_virtual_server (fixture->plan);
  CwaCertificate *before = cwa_virtual_server_get_ssl_certificate (vs);
  CwaCertificate *root = cwa_plan_lookup_certificate (fixture->plan, "contoso-root");
  guint first;

  g_assert_true (cwa_plan_edits_assign (fixture->plan, vs, root));
  first = fixture->last_id;
  g_assert_true (cwa_plan_edits_assign (fixture->plan, vs, NULL));

  g_assert_false (cwa_history_undo_entry (fixture->history, first));
  g_assert_null (cwa_virtual_server_get_ssl_certificate (vs));
  g_assert_cmpuint (cwa_history_get_n_entries (fixture->history), ==, 1);

  g_assert_true (cwa_history_undo (fixture->history));
  g_assert_true (cwa_virtual_server_get_ssl_certificate (vs) == root);
  g_assert_true (root != before);
}

/* Moved to another computer and back to its old place in the list. */
static void
test_move (Fixture       *fixture,
           gconstpointer  data)
{
  CwaServer *first = first_server (fixture->plan);
  g_autoptr(CwaServer) second = cwa_server_new ("cwa02.contoso.com");
  g_autoptr(CwaVirtualServer) extra = cwa_virtual_server_new ("https://extra.contoso.com", CWA_AUDIENCE_INTERNAL);
  CwaVirtualServer *vs = first_virtual_server (fixture->plan);
  g_autoptr(CwaVirtualServer) back = NULL;

  cwa_server_add_virtual_server (first, extra);
  cwa_deployment_add_server (cwa_plan_get_deployment (fixture->plan), second);
  g_assert_false (cwa_plan_edits_move_virtual_server (fixture->plan, vs, first));
  g_assert_true (cwa_plan_edits_move_virtual_server (fixture->plan, vs, second));
  g_assert_true (cwa_virtual_server_get_server (vs) == second);
  g_assert_cmpstr (fixture->last_title, ==, "im.contoso.com moved to cwa02.contoso.com");

  g_assert_true (cwa_history_undo (fixture->history));
  g_assert_true (cwa_virtual_server_get_server (vs) == first);
  g_assert_cmpuint (g_list_model_get_n_items (cwa_server_get_virtual_servers (second)), ==, 0);
  back = g_list_model_get_item (cwa_server_get_virtual_servers (first), 0);
  g_assert_true (back == vs);
}

/* Deleted computers and virtual servers come back in their place, once,
 * even when their toasts are used out of order. */
static void
test_delete_deployment (Fixture       *fixture,
                        gconstpointer  data)
{
  CwaDeployment *deployment = cwa_plan_get_deployment (fixture->plan);
  GListModel *servers = cwa_deployment_get_servers (deployment);
  g_autoptr(CwaServer) server = g_object_ref (first_server (fixture->plan));
  g_autoptr(CwaServer) second = cwa_server_new ("cwa02.contoso.com");
  g_autoptr(CwaVirtualServer) vs = g_object_ref (first_virtual_server (fixture->plan));
  g_autoptr(CwaServer) restored = NULL;
  guint vs_entry;
  guint server_entry;

  cwa_deployment_add_server (deployment, second);
  g_assert_true (cwa_plan_edits_delete_virtual_server (fixture->plan, vs));
  vs_entry = fixture->last_id;
  g_assert_cmpstr (fixture->last_title, ==, "“im.contoso.com” removed");
  g_assert_null (cwa_virtual_server_get_server (vs));
  g_assert_false (cwa_plan_edits_delete_virtual_server (fixture->plan, vs));
  g_assert_true (cwa_plan_edits_delete_server (fixture->plan, server));
  server_entry = fixture->last_id;
  g_assert_cmpuint (g_list_model_get_n_items (servers), ==, 1);
  g_assert_false (cwa_plan_edits_delete_server (fixture->plan, server));

  /* The older toast first: the virtual server back on its (deleted)
   * computer, which comes back with it in first place. */
  g_assert_true (cwa_history_undo_entry (fixture->history, vs_entry));
  g_assert_true (cwa_virtual_server_get_server (vs) == server);
  g_assert_true (cwa_history_undo_entry (fixture->history, server_entry));
  g_assert_cmpuint (g_list_model_get_n_items (servers), ==, 2);
  restored = g_list_model_get_item (servers, 0);
  g_assert_true (restored == server);
  g_assert_false (cwa_history_get_can_undo (fixture->history));
}

/* A deleted certificate comes back in its place with its id, its
 * assignments and its file reference (the saved plan is the same). */
static void
test_delete_certificate (Fixture       *fixture,
                         gconstpointer  data)
{
  GListModel *certificates = cwa_plan_get_certificates (fixture->plan);
  g_autoptr(CwaCertificate) certificate = g_object_ref (cwa_plan_lookup_certificate (fixture->plan, "im-contoso"));
  g_autoptr(CwaCertificate) first = NULL;
  g_autoptr(GBytes) saved_before = cwa_plan_file_serialize (fixture->plan, NULL, NULL);
  g_autoptr(GBytes) saved_after = NULL;

  g_assert_nonnull (saved_before);
  g_assert_true (cwa_plan_edits_delete_certificate (fixture->plan, certificate));
  g_assert_cmpstr (fixture->last_title, ==, "“im.contoso.com” removed");
  g_assert_null (cwa_plan_lookup_certificate (fixture->plan, "im-contoso"));
  g_assert_null (cwa_server_get_mtls_certificate (first_server (fixture->plan)));
  g_assert_null (cwa_virtual_server_get_ssl_certificate (first_virtual_server (fixture->plan)));
  g_assert_false (cwa_plan_edits_delete_certificate (fixture->plan, certificate));

  g_assert_true (cwa_history_undo (fixture->history));
  first = g_list_model_get_item (certificates, 0);
  g_assert_true (first == certificate);
  g_assert_cmpstr (cwa_certificate_get_id (certificate), ==, "im-contoso");
  g_assert_true (cwa_server_get_mtls_certificate (first_server (fixture->plan)) == certificate);
  g_assert_true (cwa_virtual_server_get_ssl_certificate (first_virtual_server (fixture->plan)) == certificate);
  saved_after = cwa_plan_file_serialize (fixture->plan, NULL, NULL);
  g_assert_nonnull (saved_after);
  g_assert_true (g_bytes_equal (saved_before, saved_after));
}

/* Added again meanwhile, the certificate is an entry already: its old
 * deletion is not undone (two entries for one certificate never were). */
static void
test_delete_certificate_added_again (Fixture       *fixture,
                                     gconstpointer  data)
{
  CwaCertificate *certificate = cwa_plan_lookup_certificate (fixture->plan, "contoso-root");
  g_autoptr(CwaCertificate) kept = g_object_ref (certificate);

  g_assert_true (cwa_plan_edits_delete_certificate (fixture->plan, certificate));
  g_assert_true (cwa_plan_add_certificate (fixture->plan, kept) == kept);
  g_assert_cmpuint (g_list_model_get_n_items (cwa_plan_get_certificates (fixture->plan)), ==, 2);
  g_assert_true (cwa_history_undo (fixture->history));
  g_assert_cmpuint (g_list_model_get_n_items (cwa_plan_get_certificates (fixture->plan)), ==, 2);
}

/* Adding a certificate (Add Served Certificate) is one step; undo takes it
 * out, unless it was assigned since: that would clear a newer change. */
static void
test_add_certificate (Fixture       *fixture,
                      gconstpointer  data)
{
  GListModel *certificates = cwa_plan_get_certificates (fixture->plan);
  guint n = g_list_model_get_n_items (certificates);
  g_autoptr(CwaCertificate) copy = NULL;
  CwaCertificate *existing = cwa_plan_lookup_certificate (fixture->plan, "im-contoso");
  CwaCertificate *added;

  /* An equal certificate is there already: nothing to add. */
  copy = cwa_certificate_new_from_der (cwa_certificate_get_der (existing), NULL, 0, NULL);
  g_assert_null (cwa_plan_edits_add_certificate (fixture->plan, copy));
  g_assert_cmpuint (fixture->n_pushed, ==, 0);

  g_assert_true (cwa_plan_edits_delete_certificate (fixture->plan, existing));
  g_assert_cmpuint (g_list_model_get_n_items (certificates), ==, n - 1);

  added = cwa_plan_edits_add_certificate (fixture->plan, copy);
  g_assert_true (added == copy);
  g_assert_cmpstr (fixture->last_title, ==, "“im.contoso.com” added");
  g_assert_cmpuint (g_list_model_get_n_items (certificates), ==, n);
  g_assert_nonnull (cwa_certificate_get_id (added));
  g_assert_true (cwa_history_undo (fixture->history));
  g_assert_cmpuint (g_list_model_get_n_items (certificates), ==, n - 1);

  /* Assigned since: the toast's Undo of the addition does nothing. */
  g_assert_nonnull (cwa_plan_edits_add_certificate (fixture->plan, copy));
  {
    guint add_id = fixture->last_id;

    g_assert_true (cwa_plan_edits_assign (fixture->plan, first_virtual_server (fixture->plan), copy));
    g_assert_false (cwa_history_undo_entry (fixture->history, add_id));
  }
  g_assert_cmpuint (g_list_model_get_n_items (certificates), ==, n);
  g_assert_true (cwa_virtual_server_get_ssl_certificate (first_virtual_server (fixture->plan)) == copy);
}

/* A second computer holding a virtual server of the same URL host as the
 * first computer's: the array "Make array…" is for. */
static CwaServer *
add_array_twin (CwaPlan *plan)
{
  g_autoptr(CwaServer) twin = cwa_server_new ("cwa02.contoso.com");
  g_autoptr(CwaVirtualServer) vs = cwa_virtual_server_new (cwa_virtual_server_get_url (first_virtual_server (plan)),
                                                           CWA_AUDIENCE_INTERNAL);

  cwa_server_add_virtual_server (twin, vs);
  cwa_deployment_add_server (cwa_plan_get_deployment (plan), twin);
  return twin;
}

static void
assert_members (CwaLoadBalancer *load_balancer,
                const gchar     *expected)
{
  g_autofree gchar *members = g_strjoinv (",", (gchar **) cwa_load_balancer_get_members (load_balancer));

  g_assert_cmpstr (members, ==, expected);
}

/* Every load balancer verb, then undone newest first back to no load
 * balancer at all. */
static void
test_load_balancer (Fixture       *fixture,
                    gconstpointer  data)
{
  GListModel *load_balancers = cwa_deployment_get_load_balancers (cwa_plan_get_deployment (fixture->plan));
  g_autoptr(CwaLoadBalancer) lb = cwa_load_balancer_new ("pool.contoso.com");
  CwaCertificate *certificate = cwa_plan_lookup_certificate (fixture->plan, "im-contoso");

  g_assert_true (cwa_plan_edits_add_load_balancer (fixture->plan, lb));
  g_assert_cmpstr (fixture->last_title, ==, "Load balancer “pool.contoso.com” added");
  g_assert_false (cwa_plan_edits_add_load_balancer (fixture->plan, lb));
  g_assert_true (cwa_plan_edits_add_member (fixture->plan, lb, "cwaserver.contoso.com"));
  g_assert_true (cwa_plan_edits_add_member (fixture->plan, lb, "cwa02.contoso.com"));
  g_assert_false (cwa_plan_edits_add_member (fixture->plan, lb, "CWA02.contoso.com."));
  g_assert_cmpstr (fixture->last_title, ==, "cwa02.contoso.com added to pool.contoso.com");
  g_assert_true (cwa_plan_edits_remove_member (fixture->plan, lb, "CWASERVER.contoso.com"));
  g_assert_false (cwa_plan_edits_remove_member (fixture->plan, lb, "cwaserver.contoso.com"));
  assert_members (lb, "cwa02.contoso.com");
  g_assert_true (cwa_plan_edits_set_ssl_offload (fixture->plan, lb, TRUE));
  g_assert_false (cwa_plan_edits_set_ssl_offload (fixture->plan, lb, TRUE));
  g_assert_cmpstr (fixture->last_title, ==, "pool.contoso.com offloads SSL");
  g_assert_true (cwa_plan_edits_assign (fixture->plan, lb, certificate));
  g_assert_true (cwa_load_balancer_get_ssl_certificate (lb) == certificate);
  g_assert_true (cwa_plan_edits_delete_load_balancer (fixture->plan, lb));
  g_assert_false (cwa_plan_edits_delete_load_balancer (fixture->plan, lb));
  g_assert_cmpuint (g_list_model_get_n_items (load_balancers), ==, 0);
  g_assert_cmpuint (fixture->n_pushed, ==, 7);

  g_assert_true (cwa_history_undo (fixture->history));
  g_assert_cmpuint (g_list_model_get_n_items (load_balancers), ==, 1);
  g_assert_true (cwa_history_undo (fixture->history));
  g_assert_null (cwa_load_balancer_get_ssl_certificate (lb));
  g_assert_true (cwa_history_undo (fixture->history));
  g_assert_false (cwa_load_balancer_get_ssl_offload (lb));
  g_assert_true (cwa_history_undo (fixture->history));
  assert_members (lb, "cwaserver.contoso.com,cwa02.contoso.com");
  g_assert_true (cwa_history_undo (fixture->history));
  assert_members (lb, "cwaserver.contoso.com");
  g_assert_true (cwa_history_undo (fixture->history));
  assert_members (lb, "");
  g_assert_true (cwa_history_undo (fixture->history));
  g_assert_cmpuint (g_list_model_get_n_items (load_balancers), ==, 0);
  g_assert_false (cwa_history_get_can_undo (fixture->history));
}

/* A deleted computer leaves its load balancers in the same step, and
 * comes back to its place in their member lists. */
static void
test_delete_server_membership (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(CwaServer) server = g_object_ref (first_server (fixture->plan));
  g_autoptr(CwaLoadBalancer) lb = cwa_load_balancer_new ("im.contoso.com");
  g_autoptr(CwaLoadBalancer) other = cwa_load_balancer_new ("other.contoso.com");
  const gchar * const members[] = { "CWAServer.contoso.com", "cwa02.contoso.com", NULL };

  add_array_twin (fixture->plan);
  cwa_load_balancer_set_members (lb, members);
  cwa_load_balancer_set_members (other, members);
  cwa_deployment_add_load_balancer (cwa_plan_get_deployment (fixture->plan), lb);
  cwa_deployment_add_load_balancer (cwa_plan_get_deployment (fixture->plan), other);

  g_assert_true (cwa_plan_edits_delete_server (fixture->plan, server));
  g_assert_cmpuint (fixture->n_pushed, ==, 1);
  assert_members (lb, "cwa02.contoso.com");
  assert_members (other, "cwa02.contoso.com");

  g_assert_true (cwa_history_undo (fixture->history));
  assert_members (lb, "CWAServer.contoso.com,cwa02.contoso.com");
  assert_members (other, "CWAServer.contoso.com,cwa02.contoso.com");
  g_assert_true (first_server (fixture->plan) == server);
}

/* "Make array…": the load balancer and its members in one step; nothing
 * for a host on one computer; an existing array gains the missing one. */
static void
test_make_array (Fixture       *fixture,
                 gconstpointer  data)
{
  CwaVirtualServer *vs = first_virtual_server (fixture->plan);
  GListModel *load_balancers = cwa_deployment_get_load_balancers (cwa_plan_get_deployment (fixture->plan));
  CwaLoadBalancer *lb;

  g_assert_cmpuint (cwa_plan_edits_count_array_servers (fixture->plan, vs), ==, 1);
  g_assert_null (cwa_plan_edits_make_array (fixture->plan, vs));
  add_array_twin (fixture->plan);
  g_assert_cmpuint (cwa_plan_edits_count_array_servers (fixture->plan, vs), ==, 2);

  lb = cwa_plan_edits_make_array (fixture->plan, vs);
  g_assert_nonnull (lb);
  g_assert_cmpstr (cwa_load_balancer_get_fqdn (lb), ==, "im.contoso.com");
  assert_members (lb, "cwaserver.contoso.com,cwa02.contoso.com");
  g_assert_cmpstr (fixture->last_title, ==, "Array “im.contoso.com” made");
  g_assert_null (cwa_plan_edits_make_array (fixture->plan, vs));

  g_assert_true (cwa_plan_edits_remove_member (fixture->plan, lb, "cwa02.contoso.com"));
  g_assert_true (cwa_plan_edits_make_array (fixture->plan, vs) == lb);
  assert_members (lb, "cwaserver.contoso.com,cwa02.contoso.com");
  g_assert_cmpuint (g_list_model_get_n_items (load_balancers), ==, 1);

  g_assert_true (cwa_history_undo (fixture->history));
  g_assert_true (cwa_history_undo (fixture->history));
  g_assert_true (cwa_history_undo (fixture->history));
  g_assert_cmpuint (g_list_model_get_n_items (load_balancers), ==, 0);
}

/* "Publish through reverse proxy…" with a proxy new to the plan, then the
 * listener certificate, trust, and deletions, all undone. */
static void
test_reverse_proxy (Fixture       *fixture,
                    gconstpointer  data)
{
  GListModel *proxies = cwa_deployment_get_reverse_proxies (cwa_plan_get_deployment (fixture->plan));
  g_autoptr(CwaReverseProxy) proxy = cwa_reverse_proxy_new ("isa.contoso.com");
  CwaCertificate *root = cwa_plan_lookup_certificate (fixture->plan, "contoso-root");
  CwaCertificate *certificate = cwa_plan_lookup_certificate (fixture->plan, "im-contoso");
  GListModel *rules = cwa_reverse_proxy_get_publishing_rules (proxy);
  CwaPublishingRule *rule;

  rule = cwa_plan_edits_publish (fixture->plan, first_virtual_server (fixture->plan), proxy);
  g_assert_nonnull (rule);
  g_assert_cmpstr (fixture->last_title, ==, "https://im.contoso.com published through isa.contoso.com");
  g_assert_cmpstr (cwa_publishing_rule_get_virtual_server (rule), ==, "im.contoso.com");
  g_assert_cmpuint (g_list_model_get_n_items (proxies), ==, 1);
  g_assert_null (cwa_plan_edits_publish (fixture->plan, first_virtual_server (fixture->plan), proxy));

  g_assert_true (cwa_plan_edits_assign (fixture->plan, rule, certificate));
  g_assert_true (cwa_plan_edits_set_trusted (fixture->plan, proxy, root, TRUE));
  g_assert_false (cwa_plan_edits_set_trusted (fixture->plan, proxy, root, TRUE));
  g_assert_cmpstr (fixture->last_title, ==, "isa.contoso.com trusts “Contoso Root CA”");
  g_assert_true (cwa_plan_edits_set_trusted (fixture->plan, proxy, root, FALSE));
  g_assert_cmpuint (g_list_model_get_n_items (cwa_reverse_proxy_get_trusted_certificates (proxy)), ==, 0);
  g_assert_true (cwa_plan_edits_delete_publishing_rule (fixture->plan, rule));
  g_assert_cmpuint (g_list_model_get_n_items (rules), ==, 0);
  g_assert_true (cwa_plan_edits_delete_reverse_proxy (fixture->plan, proxy));
  g_assert_cmpuint (g_list_model_get_n_items (proxies), ==, 0);

  g_assert_true (cwa_history_undo (fixture->history));
  g_assert_cmpuint (g_list_model_get_n_items (proxies), ==, 1);
  g_assert_true (cwa_history_undo (fixture->history));
  g_assert_cmpuint (g_list_model_get_n_items (rules), ==, 1);
  g_assert_true (cwa_history_undo (fixture->history));
  g_assert_cmpuint (g_list_model_get_n_items (cwa_reverse_proxy_get_trusted_certificates (proxy)), ==, 1);
  g_assert_true (cwa_history_undo (fixture->history));
  g_assert_cmpuint (g_list_model_get_n_items (cwa_reverse_proxy_get_trusted_certificates (proxy)), ==, 0);
  g_assert_true (cwa_history_undo (fixture->history));
  g_assert_null (cwa_publishing_rule_get_listener_certificate (rule));
  /* Publishing brought the proxy: its undo takes both away. */
  g_assert_true (cwa_history_undo (fixture->history));
  g_assert_cmpuint (g_list_model_get_n_items (proxies), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (rules), ==, 0);
}

/* A deleted certificate leaves load balancers, listeners and trust stores;
 * undo puts it back in all of them, trusted in its old place. */
static void
test_delete_certificate_front_ends (Fixture       *fixture,
                                    gconstpointer  data)
{
  CwaDeployment *deployment = cwa_plan_get_deployment (fixture->plan);
  g_autoptr(CwaLoadBalancer) lb = cwa_load_balancer_new ("im.contoso.com");
  g_autoptr(CwaReverseProxy) proxy = cwa_reverse_proxy_new ("isa.contoso.com");
  g_autoptr(CwaPublishingRule) rule = cwa_publishing_rule_new ("https://im.contoso.com", "im.contoso.com");
  CwaCertificate *root = cwa_plan_lookup_certificate (fixture->plan, "contoso-root");
  CwaCertificate *leaf = cwa_plan_lookup_certificate (fixture->plan, "im-contoso");
  GListModel *trusted = cwa_reverse_proxy_get_trusted_certificates (proxy);
  g_autoptr(CwaCertificate) first = NULL;

  cwa_load_balancer_set_ssl_certificate (lb, root);
  cwa_publishing_rule_set_listener_certificate (rule, root);
  cwa_reverse_proxy_add_trusted_certificate (proxy, root);
  cwa_reverse_proxy_add_trusted_certificate (proxy, leaf);
  cwa_reverse_proxy_add_publishing_rule (proxy, rule);
  cwa_deployment_add_load_balancer (deployment, lb);
  cwa_deployment_add_reverse_proxy (deployment, proxy);

  g_assert_true (cwa_plan_edits_delete_certificate (fixture->plan, root));
  g_assert_null (cwa_load_balancer_get_ssl_certificate (lb));
  g_assert_null (cwa_publishing_rule_get_listener_certificate (rule));
  g_assert_cmpuint (g_list_model_get_n_items (trusted), ==, 1);

  g_assert_true (cwa_history_undo (fixture->history));
  g_assert_true (cwa_load_balancer_get_ssl_certificate (lb) == root);
  g_assert_true (cwa_publishing_rule_get_listener_certificate (rule) == root);
  g_assert_cmpuint (g_list_model_get_n_items (trusted), ==, 2);
  first = g_list_model_get_item (trusted, 0);
  g_assert_true (first == root);
}

/* Redo: an undone entry comes back, newest undone first; a new edit
 * forgets what was undone; "can-redo" follows; an entry without a redo
 * function is gone once undone. */
static void
test_redo_stack (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(CwaHistory) history = cwa_history_new ();
  guint undone[2] = { 0, 0 };
  guint plain = 0;

  g_assert_false (cwa_history_get_can_redo (history));
  g_assert_false (cwa_history_redo (history));
  cwa_history_push_redoable (history, "first", count_undo, count_redo, &undone[0], NULL);
  cwa_history_push_redoable (history, "second", count_undo, count_redo, &undone[1], NULL);

  g_assert_true (cwa_history_undo (history));
  g_assert_true (cwa_history_undo (history));
  g_assert_cmpuint (undone[0], ==, 1);
  g_assert_cmpuint (undone[1], ==, 1);
  g_assert_false (cwa_history_get_can_undo (history));
  g_assert_true (cwa_history_get_can_redo (history));

  /* The newest undone first: "first" comes back, then "second". */
  g_assert_true (cwa_history_redo (history));
  g_assert_cmpuint (undone[0], ==, 0);
  g_assert_cmpuint (undone[1], ==, 1);
  g_assert_true (cwa_history_get_can_undo (history));
  g_assert_true (cwa_history_redo (history));
  g_assert_cmpuint (undone[1], ==, 0);
  g_assert_false (cwa_history_get_can_redo (history));
  g_assert_cmpuint (cwa_history_get_n_entries (history), ==, 2);

  /* A new edit forgets the undone ones. */
  g_assert_true (cwa_history_undo (history));
  g_assert_true (cwa_history_get_can_redo (history));
  cwa_history_push (history, "plain", count_undo, &plain, NULL);
  g_assert_false (cwa_history_get_can_redo (history));
  g_assert_false (cwa_history_redo (history));

  /* Without a redo function, undo is final. */
  g_assert_true (cwa_history_undo (history));
  g_assert_cmpuint (plain, ==, 1);
  g_assert_false (cwa_history_get_can_redo (history));
}

static gchar *
dup_plan_text (CwaPlan *plan)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = cwa_plan_file_serialize (plan, NULL, &error);

  g_assert_no_error (error);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* Undo brings back the plan file before the edit, redo the one after,
 * and again. */
static void
assert_undo_redo (Fixture     *fixture,
                  const gchar *before,
                  const gchar *after)
{
  for (guint round = 0; round < 2; round++)
    {
      g_autofree gchar *undone = NULL;
      g_autofree gchar *redone = NULL;

      g_assert_true (cwa_history_undo (fixture->history));
      undone = dup_plan_text (fixture->plan);
      g_assert_cmpstr (undone, ==, before);
      g_assert_true (cwa_history_get_can_redo (fixture->history));
      g_assert_true (cwa_history_redo (fixture->history));
      redone = dup_plan_text (fixture->plan);
      g_assert_cmpstr (redone, ==, after);
    }
}

/* Every verb redoes what it undid, the plan file byte for byte: each is
 * made on the example plan and checked at once. */
static void
test_redo_verbs (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(CwaServer) twin = cwa_server_new ("cwa02.contoso.com");
  g_autoptr(CwaVirtualServer) twin_vs = cwa_virtual_server_new (cwa_virtual_server_get_url (first_virtual_server (fixture->plan)),
                                                                   CWA_AUDIENCE_INTERNAL);
  g_autoptr(CwaReverseProxy) proxy = cwa_reverse_proxy_new ("isa.contoso.com");
  CwaCertificate *root = cwa_plan_lookup_certificate (fixture->plan, "contoso-root");
  CwaCertificate *leaf = cwa_plan_lookup_certificate (fixture->plan, "im-contoso");
  CwaLoadBalancer *lb;
  CwaPublishingRule *rule;
  g_autofree gchar *text = dup_plan_text (fixture->plan);

#define STEP(call) \
  G_STMT_START { \
    g_autofree gchar *before_ = g_steal_pointer (&text); \
    g_assert_true (call); \
    text = dup_plan_text (fixture->plan); \
    g_assert_cmpstr (text, !=, before_); \
    assert_undo_redo (fixture, before_, text); \
  } G_STMT_END

  STEP (cwa_plan_edits_add_server (fixture->plan, twin));
  g_assert_false (cwa_plan_edits_add_server (fixture->plan, twin));
  STEP (cwa_plan_edits_add_virtual_server (fixture->plan, twin, twin_vs));
  STEP (cwa_plan_edits_set_audience (fixture->plan, twin_vs, CWA_AUDIENCE_EXTERNAL));
  STEP (cwa_plan_edits_set_audience (fixture->plan, first_virtual_server (fixture->plan), CWA_AUDIENCE_EXTERNAL));
  STEP ((lb = cwa_plan_edits_make_array (fixture->plan, twin_vs)) != NULL);
  STEP (cwa_plan_edits_set_ssl_offload (fixture->plan, lb, TRUE));
  STEP (cwa_plan_edits_assign (fixture->plan, lb, leaf));
  STEP (cwa_plan_edits_assign (fixture->plan, twin_vs, leaf));
  STEP (cwa_plan_edits_remove_member (fixture->plan, lb, "cwa02.contoso.com"));
  STEP (cwa_plan_edits_add_member (fixture->plan, lb, "cwa02.contoso.com"));
  STEP ((rule = cwa_plan_edits_publish (fixture->plan, twin_vs, proxy)) != NULL);
  STEP (cwa_plan_edits_assign (fixture->plan, rule, leaf));
  STEP (cwa_plan_edits_set_trusted (fixture->plan, proxy, root, TRUE));
  STEP (cwa_plan_edits_move_virtual_server (fixture->plan, twin_vs, first_server (fixture->plan)));
  STEP (cwa_plan_edits_delete_server (fixture->plan, twin));
  STEP (cwa_plan_edits_delete_publishing_rule (fixture->plan, rule));
  STEP (cwa_plan_edits_delete_certificate (fixture->plan, root));
  STEP (cwa_plan_edits_delete_reverse_proxy (fixture->plan, proxy));
  STEP (cwa_plan_edits_delete_load_balancer (fixture->plan, lb));
#undef STEP
}

/* Redo makes nothing on a state it was not made on: after undo, a newer
 * change to the same role keeps redo from overwriting it. */
static void
test_redo_stale (Fixture       *fixture,
                 gconstpointer  data)
{
  CwaVirtualServer *vs = first_virtual_server (fixture->plan);
  CwaCertificate *held = cwa_virtual_server_get_ssl_certificate (vs);
  CwaCertificate *root = cwa_plan_lookup_certificate (fixture->plan, "contoso-root");

  g_assert_true (cwa_plan_edits_assign (fixture->plan, vs, root));
  g_assert_true (cwa_history_undo (fixture->history));
  g_assert_true (cwa_virtual_server_get_ssl_certificate (vs) == held);
  /* Changed behind the history's back, as a plan loaded anew would be. */
  cwa_virtual_server_set_ssl_certificate (vs, NULL);
  g_assert_true (cwa_history_redo (fixture->history));
  g_assert_null (cwa_virtual_server_get_ssl_certificate (vs));
  g_assert_false (cwa_history_get_can_redo (fixture->history));
  g_assert_false (cwa_history_get_can_undo (fixture->history));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/cwa/history/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("stack", test_stack);
  ADD ("limit", test_limit);
  ADD ("assign", test_assign);
  ADD ("stale-entry", test_stale_entry);
  ADD ("move", test_move);
  ADD ("delete-deployment", test_delete_deployment);
  ADD ("delete-certificate", test_delete_certificate);
  ADD ("delete-certificate/added-again", test_delete_certificate_added_again);
  ADD ("add-certificate", test_add_certificate);
  ADD ("load-balancer", test_load_balancer);
  ADD ("delete-server/membership", test_delete_server_membership);
  ADD ("make-array", test_make_array);
  ADD ("reverse-proxy", test_reverse_proxy);
  ADD ("delete-certificate/front-ends", test_delete_certificate_front_ends);
  ADD ("redo/stack", test_redo_stack);
  ADD ("redo/verbs", test_redo_verbs);
  ADD ("redo/stale", test_redo_stale);
#undef ADD

  return g_test_run ();
}

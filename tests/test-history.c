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
#undef ADD

  return g_test_run ();
}

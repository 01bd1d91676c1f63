/* cwa-test-plan.c: example plans, scratch folders and checklists at the fixed "now", shared by the tests. */
#include <glib/gstdio.h>

#include "cwa-plan-file.h"
#include "cwa-test-cert.h"
#include "cwa-test-plan.h"

gchar *
cwa_test_example_path (const gchar *name)
{
  const gchar *root = g_getenv ("CWA_SOURCE_ROOT");

  g_return_val_if_fail (name != NULL, NULL);

  /* meson test sets CWA_SOURCE_ROOT; ".." serves a run from the build folder. */
  return g_build_filename (root != NULL ? root : "..", "data", "examples", name, NULL);
}

CwaPlan *
cwa_test_load_plan (const gchar *path)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  CwaPlan *plan;

  g_return_val_if_fail (path != NULL, NULL);

  file = g_file_new_for_path (path);
  plan = cwa_plan_file_load (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (plan);
  return plan;
}

CwaChecklist *
cwa_test_checklist_new (CwaPlan *plan)
{
  g_autoptr(GDateTime) now = cwa_test_now ();
  CwaChecklist *checklist;

  g_return_val_if_fail (CWA_IS_PLAN (plan), NULL);

  checklist = cwa_checklist_new (plan, NULL);
  cwa_checklist_set_now (checklist, now);
  cwa_checklist_update (checklist);
  return checklist;
}

CwaServer *
cwa_test_add_server (CwaDeployment *deployment,
                     const gchar   *fqdn)
{
  g_autoptr(CwaServer) server = cwa_server_new (fqdn);

  cwa_deployment_add_server (deployment, server);
  return server;
}

CwaVirtualServer *
cwa_test_add_virtual_server (CwaServer   *server,
                             const gchar *url,
                             CwaAudience  audience,
                             const gchar *listen)
{
  g_autoptr(CwaVirtualServer) vs = cwa_virtual_server_new (url, audience);

  cwa_virtual_server_set_listen (vs, listen);
  cwa_server_add_virtual_server (server, vs);
  return vs;
}

void
cwa_test_remove_tree (const gchar *path)
{
  g_autoptr(GDir) dir = NULL;
  const gchar *name;

  g_return_if_fail (path != NULL);

  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree gchar *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        cwa_test_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* Returns the text of tests/data/@name (newly allocated); fails the test
 * when it cannot be read. */
gchar *
cwa_test_dup_data_file (const gchar *name)
{
  gchar *text = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (g_test_get_filename (G_TEST_DIST, "data", name, NULL), &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

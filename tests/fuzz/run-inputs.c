/* run-inputs.c: feeds every file of the given folders to a fuzz target, so the seed corpus
 * and the inputs fuzzing once found run in the ordinary test suite. */
#include "config.h"

#include "cwa-fuzz.h"

static void
run_file (gconstpointer data)
{
  const gchar *path = data;
  g_autofree gchar *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpint (LLVMFuzzerTestOneInput ((const guint8 *) contents, length), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

  g_test_init (&argc, &argv, NULL);

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GDir) dir = g_dir_open (argv[i], 0, NULL);
      g_autofree gchar *base = g_path_get_basename (argv[i]);
      const gchar *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree gchar *test = g_strdup_printf ("/cwa/fuzz-inputs/%s/%s", base, name);
          gchar *path = g_build_filename (argv[i], name, NULL);

          g_ptr_array_add (paths, path);
          g_test_add_data_func (test, path, run_file);
        }
    }

  return g_test_run ();
}

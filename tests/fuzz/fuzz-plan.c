/* fuzz-plan.c: libFuzzer target for the plan reader: any bytes as a plan file (with
 * embedded PEM), and whatever loads must save and load again to the same bytes. */
#include "config.h"

#include <stdlib.h>

#include <glib/gstdio.h>

#include "cwa-fuzz.h"
#include "cwa-plan-file.h"

static gchar *dir;

static GFile *
write_file (const gchar  *name,
            const guint8 *data,
            gsize         size)
{
  g_autofree gchar *path = g_build_filename (dir, name, NULL);

  if (!g_file_set_contents (path, (const gchar *) data, (gssize) size, NULL))
    abort ();
  return g_file_new_for_path (path);
}

static GBytes *
serialize (CwaPlan *plan,
           GFile   *file)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = cwa_plan_file_serialize (plan, file, &error);

  if (bytes == NULL)
    g_error ("a loaded plan does not serialize: %s", error->message);
  return bytes;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) saved_file = NULL;
  g_autoptr(CwaPlan) plan = NULL;
  g_autoptr(CwaPlan) reloaded = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) saved_again = NULL;
  g_autoptr(GError) error = NULL;

  if (dir == NULL)
    dir = g_dir_make_tmp ("cwa-fuzz-plan-XXXXXX", NULL);

  file = write_file ("plan.cwaplan", data, size);
  plan = cwa_plan_file_load (file, NULL, NULL, &error);
  if (plan == NULL)
    {
      g_assert (error != NULL && g_utf8_validate (error->message, -1, NULL));
      return 0;
    }

  /* Whatever loads saves and reopens unchanged. */
  saved = serialize (plan, file);
  saved_file = write_file ("saved.cwaplan", g_bytes_get_data (saved, NULL), g_bytes_get_size (saved));
  reloaded = cwa_plan_file_load (saved_file, NULL, NULL, &error);
  if (reloaded == NULL)
    g_error ("a saved plan does not load again: %s", error->message);
  saved_again = serialize (reloaded, saved_file);
  if (!g_bytes_equal (saved, saved_again))
    g_error ("a plan saved twice differs:\n%.*s\n----\n%.*s",
             (int) g_bytes_get_size (saved), (const gchar *) g_bytes_get_data (saved, NULL),
             (int) g_bytes_get_size (saved_again), (const gchar *) g_bytes_get_data (saved_again, NULL));

  return 0;
}

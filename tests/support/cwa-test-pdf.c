/* cwa-test-pdf.c: the text of a PDF report, by pdftotext, for tests that check what a report says. */
#include "config.h"

#include <glib/gstdio.h>

#include "cwa-test-pdf.h"

gchar *
cwa_test_pdf_to_text (GBytes   *pdf,
                      gboolean  layout)
{
  g_autofree gchar *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree gchar *dir = NULL;
  g_autofree gchar *path = NULL;
  g_autofree gchar *err = NULL;
  g_autoptr(GError) error = NULL;
  gchar *out = NULL;
  gint status;

  if (pdftotext == NULL)
    return NULL;

  dir = g_dir_make_tmp ("cwa-pdf-XXXXXX", NULL);
  g_assert_nonnull (dir);
  path = g_build_filename (dir, "report.pdf", NULL);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (pdf, NULL), (gssize) g_bytes_get_size (pdf), NULL));
  {
    const gchar *argv[] = { pdftotext, "-enc", "UTF-8", path, "-", NULL, NULL };

    if (layout)
      {
        argv[5] = argv[4];
        argv[4] = argv[3];
        argv[3] = "-layout";
      }

    g_assert_true (g_spawn_sync (NULL, (gchar **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                 &out, &err, &status, &error));
  }
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("pdftotext could not read the report: %s", err);
  g_unlink (path);
  g_rmdir (dir);
  return out;
}

gchar *
cwa_test_strip_space (const gchar *text)
{
  GString *out = g_string_new (NULL);

  for (const gchar *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p) && *p != '-')
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

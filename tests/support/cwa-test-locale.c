/* cwa-test-locale.c: the program in German, as a desktop without a German locale gets it, for the tests of translated and untranslated text. */
#include "config.h"

#include <locale.h>

#include <glib/gi18n-lib.h>

#include "cwa-test-locale.h"

gboolean
cwa_test_speak_german (void)
{
  const gchar *locale_dir = g_getenv ("CWA_LOCALE_DIR");
  g_autofree gchar *catalogue = NULL;

  if (locale_dir == NULL)
    return FALSE;
  catalogue = g_build_filename (locale_dir, "de", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  if (!g_file_test (catalogue, G_FILE_TEST_EXISTS) || setlocale (LC_ALL, "C.UTF-8") == NULL)
    return FALSE;

  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_setenv ("LANGUAGE", "de", TRUE);
  bindtextdomain (GETTEXT_PACKAGE, locale_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  return TRUE;
}

void
cwa_test_speak_english_again (void)
{
  textdomain ("messages");
  g_unsetenv ("LANGUAGE");
  g_unsetenv ("LC_ALL");
  setlocale (LC_ALL, "C");
}

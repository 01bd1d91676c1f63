/* test-application.c: the application as started from the build tree: its icon, in windows and the About window. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "cwa-application.h"
#include "cwa-test-ui.h"

/* Not installed, the icon theme has no copy of the app icon in the data
 * folders: it must come from the program's resources, or the About window
 * and the window icon show a missing image. */
static void
test_icon (void)
{
  g_autoptr(CwaApplication) app = cwa_application_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkIconPaintable) paintable = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree gchar *uri = NULL;
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  GtkWindow *about = NULL;
  GList *toplevels;

  /* Non-unique: no other instance is asked to do the work. */
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpstr (gtk_window_get_default_icon_name (), ==, APPLICATION_ID);
  g_assert_true (gtk_icon_theme_has_icon (theme, APPLICATION_ID));
  paintable = gtk_icon_theme_lookup_icon (theme, APPLICATION_ID, NULL, 128, 1,
                                          GTK_TEXT_DIR_NONE, 0);
  file = gtk_icon_paintable_get_file (paintable);
  g_assert_nonnull (file);
  uri = g_file_get_uri (file);
  g_test_message ("app icon: %s", uri);
  g_assert_true (g_str_has_suffix (uri, "/apps/" APPLICATION_ID ".svg"));

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_ABOUT_WINDOW (l->data))
      about = l->data;
  g_list_free (toplevels);
  g_assert_nonnull (about);
  g_assert_cmpstr (adw_about_window_get_application_icon (ADW_ABOUT_WINDOW (about)), ==, APPLICATION_ID);
  cwa_test_ui_maybe_screenshot (GTK_WIDGET (about), "about");
  gtk_window_destroy (about);
  cwa_test_ui_drain_main_loop ();
}

int
main (int   argc,
      char *argv[])
{
  g_autofree gchar *data_home = g_dir_make_tmp ("cwa-test-application-XXXXXX", NULL);
  int status;

  if (!cwa_test_ui_init (&argc, &argv, data_home))
    return g_test_run ();

  g_test_add_func ("/cwa/ui/application/icon", test_icon);

  status = g_test_run ();
  g_rmdir (data_home);
  return status;
}

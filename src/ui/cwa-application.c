/* cwa-application.c: the GTK application: one window per plan, app-wide actions and accelerators. */
#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "cwa-application.h"
#include "cwa-preferences-window.h"
#include "cwa-window.h"

struct _CwaApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (CwaApplication, cwa_application, ADW_TYPE_APPLICATION)

static CwaWindow *
new_window (CwaApplication *self)
{
  CwaWindow *window = cwa_window_new (GTK_APPLICATION (self));

  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
cwa_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (new_window (CWA_APPLICATION (app)));
  gtk_window_present (window);
}

static CwaWindow *
find_window_for (CwaApplication *self,
                 GFile          *file)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      CwaPlan *plan;

      if (!CWA_IS_WINDOW (l->data))
        continue;
      plan = cwa_window_get_plan (l->data);
      if (plan != NULL && cwa_plan_get_file (plan) != NULL && g_file_equal (cwa_plan_get_file (plan), file))
        return l->data;
    }
  return NULL;
}

static void
cwa_application_open (GApplication  *app,
                      GFile        **files,
                      gint           n_files,
                      const gchar   *hint)
{
  CwaApplication *self = CWA_APPLICATION (app);

  /* One window per plan: a plan already open is brought forward; a fresh
   * empty window is reused rather than left behind. */
  for (gint i = 0; i < n_files; i++)
    {
      CwaWindow *window = find_window_for (self, files[i]);
      GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (app));

      if (window == NULL)
        {
          if (CWA_IS_WINDOW (active) && cwa_window_is_pristine (CWA_WINDOW (active)))
            window = CWA_WINDOW (active);
          else
            window = new_window (self);
          cwa_window_open_file (window, files[i]);
        }
      gtk_window_present (GTK_WINDOW (window));
    }
}

static void
new_action (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  new_window (CWA_APPLICATION (user_data));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (user_data)));

  /* Each window asks about its own unsaved changes. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  CwaPlan *plan = CWA_IS_WINDOW (parent) ? cwa_window_get_plan (CWA_WINDOW (parent)) : NULL;
  CwaTrustSettings *trust = CWA_IS_WINDOW (parent) ? cwa_window_get_trust_settings (CWA_WINDOW (parent)) : NULL;
  GtkWidget *preferences = cwa_preferences_window_new (plan, trust);

  gtk_window_set_transient_for (GTK_WINDOW (preferences), parent);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  static const gchar *developers[] = { "The CWA Cert Planner developers", NULL };
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "application-name", _("CWA Cert Planner"),
                        "application-icon", APPLICATION_ID,
                        "developer-name", _("The CWA Cert Planner developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Plan and verify the TLS certificates of a Microsoft Communicator Web Access (2007 R2) deployment."),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* Translators: put your name here, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_actions[] = {
  { .name = "new", .activate = new_action },
  { .name = "quit", .activate = quit_action },
  { .name = "preferences", .activate = preferences_action },
  { .name = "about", .activate = about_action },
};

static void
cwa_application_startup (GApplication *app)
{
  static const struct { const gchar *action; const gchar *accels[3]; } accels[] = {
    { "app.new", { "<Control>n", NULL } },
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "win.open", { "<Control>o", NULL } },
    { "win.save", { "<Control>s", NULL } },
    { "win.save-as", { "<Control><Shift>s", NULL } },
    { "win.add-certificates", { "<Control><Shift>o", NULL } },
    { "win.find", { "<Control>f", NULL } },
    { "win.copy-markdown", { "<Control><Shift>c", NULL } },
    { "win.check-live", { "<Control>l", NULL } },
    { "window.close", { "<Control>w", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
    /* Not here: Ctrl+Z (win.undo), Ctrl+Shift+Z (win.redo) and Ctrl+V,
     * window shortcuts in the bubble phase (cwa-window.c), so a focused
     * entry undoes, redoes and pastes its own text first; accelerators
     * here would take the key from it.  Nor the editor's Ctrl+Shift
     * ones: the deployment editor holds them (cwa-deployment-editor.c). */
  };

  G_APPLICATION_CLASS (cwa_application_parent_class)->startup (app);

  /* Windows show the app icon (from the icon theme, which holds the
   * resource copy too: see the .gresource.xml). */
  gtk_window_set_default_icon_name (APPLICATION_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action, accels[i].accels);
}

static void
cwa_application_class_init (CwaApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = cwa_application_activate;
  app_class->open = cwa_application_open;
  app_class->startup = cwa_application_startup;
}

static void
cwa_application_init (CwaApplication *self)
{
}

CwaApplication *
cwa_application_new (void)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name (_("CWA Cert Planner"));

  return g_object_new (CWA_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/cwacertplanner/CertPlanner",
                       NULL);
}

/* cwa-test-ui.c: driving the real window in the UI tests: start-up, the main loop, template children, opening plans. */
#include "cwa-test-ui.h"

#include "cwa-test-plan.h"

gboolean
cwa_test_ui_timeout_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

gboolean
cwa_test_ui_init (int          *argc,
                  char       ***argv,
                  const gchar  *data_home)
{
  g_autoptr(GtkCssProvider) css = NULL;

  /* Recent files go to a scratch folder; the system's data folders stay
   * visible for the icon theme (G_TEST_OPTION_ISOLATE_DIRS would hide them). */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_test_init (argc, argv, NULL);

  if (!gtk_init_check ())
    {
      g_test_skip ("No display: run under xvfb-run.");
      return FALSE;
    }
  adw_init ();
  /* GTK 4.8's recent manager leaks a GDateTime per change; the tests do
   * not need the recent list, and LeakSanitizer would flag GTK's leak. */
  g_object_set (gtk_settings_get_default (), "gtk-recent-files-enabled", FALSE, NULL);
  /* What AdwApplication loads for the real program. */
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, "/io/github/cwacertplanner/CertPlanner/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  return TRUE;
}

void
cwa_test_ui_drain_main_loop (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

void
cwa_test_ui_close_window (CwaWindow *window)
{
  cwa_plan_set_modified (cwa_window_get_plan (window), FALSE);
  gtk_window_destroy (GTK_WINDOW (window));
  cwa_test_ui_drain_main_loop ();
  g_assert_finalize_object (window);
}

static void
read_text_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  gchar **text = user_data;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
  if (*text == NULL)
    *text = g_strdup ("");
}

gchar *
cwa_test_ui_read_clipboard (gpointer widget)
{
  gchar *text = NULL;

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (widget)), NULL, read_text_cb, &text);
  CWA_TEST_WAIT_FOR (text != NULL);
  return text;
}

gboolean
cwa_test_ui_panel_shows_failure (CwaChecklistPanel *panel,
                                 const gchar       *rule_id)
{
  g_autoptr(GPtrArray) shown = cwa_checklist_panel_dup_shown_findings (panel);

  for (guint i = 0; i < shown->len; i++)
    {
      CwaFinding *finding = g_ptr_array_index (shown, i);

      if (cwa_finding_is_failed (finding) && g_str_equal (cwa_finding_get_rule_id (finding), rule_id))
        return TRUE;
    }
  return FALSE;
}

typedef struct
{
  guint n_frames;
  guint wanted;
} FrameCount;

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       data)
{
  FrameCount *count = data;

  count->n_frames++;
  return count->n_frames < count->wanted ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

void
cwa_test_ui_wait_frames (GtkWidget *widget,
                         guint      n_frames)
{
  FrameCount count = { 0, n_frames };

  gtk_widget_queue_draw (widget);
  gtk_widget_add_tick_callback (widget, tick_cb, &count, NULL);
  CWA_TEST_WAIT_FOR (count.n_frames >= count.wanted);
}

gpointer
cwa_test_ui_child (gpointer     widget,
                   GType        type,
                   const gchar *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (object);
  return object;
}

void
cwa_test_ui_open_example (CwaWindow   *window,
                          const gchar *name)
{
  g_autofree gchar *path = cwa_test_example_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  cwa_window_open_file (window, file);
  CWA_TEST_WAIT_FOR (cwa_plan_get_file (cwa_window_get_plan (window)) != NULL &&
                     g_file_equal (cwa_plan_get_file (cwa_window_get_plan (window)), file));
  cwa_test_ui_drain_main_loop ();
}

gboolean
cwa_test_ui_action_enabled (GtkWidget   *widget,
                            const gchar *action_name)
{
  GtkWidget *probe = g_object_ref_sink (gtk_button_new ());
  gboolean enabled;

  /* GTK has no public query for widget actions; a button tracks them. */
  gtk_actionable_set_action_name (GTK_ACTIONABLE (probe), action_name);
  gtk_widget_set_parent (probe, widget);
  enabled = gtk_widget_get_sensitive (probe);
  gtk_widget_unparent (probe);
  g_object_unref (probe);
  return enabled;
}

void
cwa_test_ui_maybe_screenshot (GtkWidget   *widget,
                              const gchar *name)
{
  const gchar *dir = g_getenv ("CWA_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree gchar *file = NULL;
  g_autofree gchar *path = NULL;

  if (dir == NULL)
    return;

  /* The paintable shows what was last drawn: let a few frames pass. */
  cwa_test_ui_wait_frames (widget, 20);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot),
                          gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_test_message ("screenshot %s: %dx%d node %p", name, gtk_widget_get_width (widget),
                  gtk_widget_get_height (widget), (gpointer) node);
  if (node == NULL)
    return;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node, NULL);
  file = g_strconcat (name, ".png", NULL);
  path = g_build_filename (dir, file, NULL);
  gdk_texture_save_to_png (texture, path);
}

static void
find_all (GtkWidget *widget,
          GType      type,
          GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    find_all (child, type, found);
}

GPtrArray *
cwa_test_ui_find_all (gpointer widget,
                      GType    type)
{
  GPtrArray *found = g_ptr_array_new ();

  find_all (GTK_WIDGET (widget), type, found);
  return found;
}

GtkLabel *
cwa_test_ui_find_label (GtkWidget   *widget,
                        const gchar *text)
{
  g_autoptr(GPtrArray) labels = cwa_test_ui_find_all (widget, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_text (g_ptr_array_index (labels, i)), text) == 0)
      return g_ptr_array_index (labels, i);
  return NULL;
}

gboolean
cwa_test_ui_has_label (GtkWidget   *widget,
                       const gchar *text)
{
  return cwa_test_ui_find_label (widget, text) != NULL;
}

GtkWidget *
cwa_test_ui_find_button (GtkWidget   *widget,
                         const gchar *label)
{
  g_autoptr(GPtrArray) buttons = cwa_test_ui_find_all (widget, GTK_TYPE_BUTTON);

  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (g_ptr_array_index (buttons, i)), label) == 0)
      return g_ptr_array_index (buttons, i);
  return NULL;
}

AdwMessageDialog *
cwa_test_ui_find_dialog (void)
{
  GList *toplevels = gtk_window_list_toplevels ();
  AdwMessageDialog *dialog = NULL;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      dialog = l->data;
  g_list_free (toplevels);
  return dialog;
}

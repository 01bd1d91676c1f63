/* test-panel-layout.c: the checklist panel as laid out under Xvfb: nothing cut off, titles whole, names broken only after their dots. */
#include "config.h"

#include <adwaita.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "cwa-checklist-panel.h"
#include "cwa-test-cert.h"
#include "cwa-test-plan.h"
#include "cwa-test-ui.h"
#include "cwa-ui-names.h"
#include "cwa-window.h"

typedef struct
{
  CwaWindow         *window;
  CwaChecklistPanel *panel;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GDateTime) now = cwa_test_now ();

  fixture->window = g_object_ref_sink (cwa_window_new (NULL));
  fixture->panel = cwa_test_ui_child (fixture->window, CWA_TYPE_WINDOW, "checklist_panel");
  cwa_checklist_set_now (cwa_window_get_checklist (fixture->window), now);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 860);
  gtk_window_present (GTK_WINDOW (fixture->window));
  cwa_test_ui_drain_main_loop ();
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  cwa_test_ui_close_window (fixture->window);
}

/* Opens data/examples/@name and waits until the panel is laid out. */
static void
open_example (Fixture     *fixture,
              const gchar *name)
{
  cwa_test_ui_open_example (fixture->window, name);
  CWA_TEST_WAIT_FOR (cwa_checklist_get_n_passed (cwa_window_get_checklist (fixture->window)) > 0);
  cwa_test_ui_wait_frames (GTK_WIDGET (fixture->window), 3);
}

/* Whether all of @widget is inside each of its ancestors up to @top:
 * nothing of it is cut off by a parent smaller than it. */
static gboolean
is_whole (GtkWidget *widget,
          GtkWidget *top)
{
  for (GtkWidget *ancestor = gtk_widget_get_parent (widget); ancestor != NULL;
       ancestor = gtk_widget_get_parent (ancestor))
    {
      graphene_rect_t bounds;

      g_assert_true (gtk_widget_compute_bounds (widget, ancestor, &bounds));
      if (bounds.origin.y < -0.5 || bounds.origin.y + bounds.size.height > gtk_widget_get_height (ancestor) + 0.5)
        return FALSE;
      if (ancestor == top)
        break;
    }
  return TRUE;
}

/* "No Problems Found" shows its whole icon, at its size (an AdwStatusPage
 * in the scrolled pane was given a few pixels and cut the icon off). */
static void
test_empty_state (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWidget *findings = cwa_test_ui_child (fixture->panel, CWA_TYPE_CHECKLIST_PANEL, "findings_box");
  g_autoptr(GPtrArray) images = NULL;
  GtkWidget *icon = NULL;

  open_example (fixture, "contoso.cwaplan");
  images = cwa_test_ui_find_all (findings, GTK_TYPE_IMAGE);
  for (guint i = 0; i < images->len; i++)
    if (g_strcmp0 (gtk_image_get_icon_name (g_ptr_array_index (images, i)), "emblem-ok-symbolic") == 0)
      icon = g_ptr_array_index (images, i);
  g_assert_nonnull (icon);
  g_assert_true (gtk_widget_get_mapped (icon));
  g_assert_cmpint (gtk_widget_get_height (icon), >=, 48);
  g_assert_true (is_whole (icon, findings));
  cwa_test_ui_maybe_screenshot (GTK_WIDGET (fixture->window), "empty-state");
}

static void
assert_not_cut (GtkLabel *label)
{
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (label)));
  g_test_message ("label “%s”", gtk_label_get_text (label));
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (label)));
}

/* Group titles and the coverage's column headers show in full, however
 * narrow the pane: they wrap rather than end in "…". */
static void
test_titles_whole (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *findings = cwa_test_ui_child (fixture->panel, CWA_TYPE_CHECKLIST_PANEL, "findings_box");
  GtkWidget *requirements = cwa_test_ui_child (fixture->panel, CWA_TYPE_CHECKLIST_PANEL, "requirements_box");
  GtkWidget *grid = cwa_test_ui_child (fixture->panel, CWA_TYPE_CHECKLIST_PANEL, "coverage_grid");
  guint n_headers = 0;

  open_example (fixture, "contoso-array.cwaplan");
  assert_not_cut (cwa_test_ui_find_label (findings, "Publishing rule im.contoso.com on isa01.perimeter.contoso.com"));
  assert_not_cut (cwa_test_ui_find_label (requirements, "Reverse-proxy listener certificate"));

  for (guint c = 1; gtk_grid_get_child_at (GTK_GRID (grid), (gint) c, 0) != NULL; c++)
    {
      GtkWidget *header = gtk_grid_get_child_at (GTK_GRID (grid), (gint) c, 0);

      g_assert_true (GTK_IS_LABEL (header));
      assert_not_cut (GTK_LABEL (header));
      n_headers++;
    }
  /* Two MTLS, the array's SSL and the listener's certificate. */
  g_assert_cmpuint (n_headers, ==, 4);
  cwa_test_ui_maybe_screenshot (GTK_WIDGET (fixture->window), "titles-whole");
}

/* Each place where @layout (of @text) breaks a line inside a dotted name
 * must follow a dot or a hyphen of the name itself: "contoso.c-om" or
 * "isa01.peri" + "meter" are wrong.  Returns the number of such breaks. */
static guint
assert_names_whole (PangoLayout *layout,
                    const gchar *text)
{
  GSList *lines = pango_layout_get_lines_readonly (layout);
  guint n_breaks = 0;

  for (GSList *l = lines; l != NULL && l->next != NULL; l = l->next)
    {
      const PangoLayoutLine *line = l->data;
      gint end = line->start_index + line->length;
      const gchar *token_start = text + end;
      const gchar *token_end = text + end;

      if (end <= 0 || text[end] == '\0')
        continue;
      while (token_start > text && !g_ascii_isspace (token_start[-1]))
        token_start--;
      while (*token_end != '\0' && !g_ascii_isspace (*token_end))
        token_end++;
      /* A break at a space, or in a word that is no dotted name. */
      if (token_start == text + end || token_end == text + end ||
          memchr (token_start, '.', (gsize) (token_end - token_start)) == NULL)
        continue;
      if (text[end - 1] != '.' && text[end - 1] != '-')
        g_error ("“%s” breaks a name after “%.*s”", text, end, text);
      n_breaks++;
    }
  return n_breaks;
}

/* The attributes alone, on a layout far too narrow for the names: they
 * break after dots only, the hyphenation Pango would add is off. */
static void
test_names_attributes (void)
{
  static const gchar text[] = "The listener certificate of isa01.perimeter.contoso.com (CN=im.contoso.com,O=Contoso)";
  PangoFontMap *font_map = pango_cairo_font_map_get_default ();
  PangoContext *context = pango_font_map_create_context (font_map);
  PangoLayout *layout = pango_layout_new (context);
  g_autoptr(PangoAttrList) attrs = cwa_ui_names_dup_attributes (text);
  g_autoptr(PangoAttrIterator) iterator = pango_attr_list_get_iterator (attrs);
  gboolean hyphens_off = FALSE;

  do
    {
      PangoAttrInt *hyphens = (PangoAttrInt *) pango_attr_iterator_get (iterator, PANGO_ATTR_INSERT_HYPHENS);

      hyphens_off |= hyphens != NULL && !hyphens->value;
    }
  while (pango_attr_iterator_next (iterator));
  g_assert_true (hyphens_off);

  pango_layout_set_text (layout, text, -1);
  pango_layout_set_attributes (layout, attrs);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, 60 * PANGO_SCALE);
  g_assert_cmpuint (assert_names_whole (layout, text), >, 0);
  g_object_unref (layout);
  g_object_unref (context);
}

/* In the window: every label of the checklist that names the reverse proxy
 * (finding messages, titles, required names, DNS records) keeps the
 * labels of the name whole where it wraps. */
static void
test_names_whole (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) labels = NULL;
  guint n_checked = 0;

  open_example (fixture, "contoso-array.cwaplan");
  labels = cwa_test_ui_find_all (fixture->panel, GTK_TYPE_LABEL);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = g_ptr_array_index (labels, i);

      if (!gtk_widget_get_mapped (GTK_WIDGET (label)) || strstr (gtk_label_get_text (label), "contoso.com") == NULL)
        continue;
      assert_names_whole (gtk_label_get_layout (label), gtk_label_get_text (label));
      n_checked++;
    }
  g_assert_cmpuint (n_checked, >, 10);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree gchar *data_home = g_dir_make_tmp ("cwa-test-panel-layout-data-XXXXXX", NULL);
  int status;

  if (!cwa_test_ui_init (&argc, &argv, data_home))
    return g_test_run ();

  g_test_add_func ("/cwa/ui/panel-layout/names-attributes", test_names_attributes);
  g_test_add ("/cwa/ui/panel-layout/empty-state", Fixture, NULL, fixture_setup, test_empty_state, fixture_teardown);
  g_test_add ("/cwa/ui/panel-layout/titles-whole", Fixture, NULL, fixture_setup, test_titles_whole,
              fixture_teardown);
  g_test_add ("/cwa/ui/panel-layout/names-whole", Fixture, NULL, fixture_setup, test_names_whole,
              fixture_teardown);

  status = g_test_run ();
  cwa_test_remove_tree (data_home);
  return status;
}

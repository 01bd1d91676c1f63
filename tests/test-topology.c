/* test-topology.c: the topology view in the real window under Xvfb: layout, drops, hints, moves, undo. */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include <glib/gstdio.h>

#include "cwa-cert-loader.h"
#include "cwa-plan-edits.h"
#include "cwa-deployment-editor.h"
#include "cwa-test-cert.h"
#include "cwa-test-plan.h"
#include "cwa-test-ui.h"
#include "cwa-topology-balancer.h"
#include "cwa-topology-box.h"
#include "cwa-topology-canvas.h"
#include "cwa-topology-card.h"
#include "cwa-topology-item.h"
#include "cwa-topology-proxy.h"
#include "cwa-topology-status.h"
#include "cwa-topology-view.h"
#include "cwa-window.h"

typedef struct
{
  CwaWindow       *window;
  CwaTopologyView *view;
} Fixture;

/* Lets the window lay out and draw what the model now says. */
static void
settle (Fixture *fixture)
{
  cwa_test_ui_drain_main_loop ();
  cwa_test_ui_wait_frames (GTK_WIDGET (fixture->window), 5);
  cwa_test_ui_drain_main_loop ();
}

/* The whole canvas as drawn, scrolled out of sight or not, in its own
 * coordinates (1 pixel a unit), on @background (NULL: none). */
static GdkTexture *
render_canvas_texture (Fixture       *fixture,
                       const GdkRGBA *background)
{
  GtkWidget *canvas = cwa_topology_view_get_canvas (fixture->view);
  graphene_rect_t all = GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (canvas), gtk_widget_get_height (canvas));
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (canvas);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;

  if (background != NULL)
    gtk_snapshot_append_color (snapshot, background, &all);
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), all.size.width, all.size.height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  return gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (canvas)), node, &all);
}

/* The canvas as NAME-canvas-STYLE.png. */
static void
save_canvas (Fixture     *fixture,
             const gchar *dir,
             const gchar *name,
             const gchar *style)
{
  g_autoptr(GdkTexture) texture = render_canvas_texture (fixture, &(GdkRGBA) { 0.5, 0.5, 0.5, 1.0 });
  g_autofree gchar *file = g_strdup_printf ("%s-canvas-%s.png", name, style);
  g_autofree gchar *path = g_build_filename (dir, file, NULL);

  gdk_texture_save_to_png (texture, path);
}

/* With CWA_SCREENSHOT_DIR set, saves the window as NAME-light.png and
 * NAME-dark.png, so a person can look at what a test laid out. */
static void
maybe_screenshots (Fixture     *fixture,
                   const gchar *name)
{
  const gchar *dir = g_getenv ("CWA_SCREENSHOT_DIR");
  static const gchar * const styles[] = { "light", "dark" };
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GtkWidget *widget = GTK_WIDGET (fixture->window);

  if (dir == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    {
      g_autoptr(GdkPaintable) paintable = NULL;
      g_autoptr(GtkSnapshot) snapshot = NULL;
      g_autoptr(GskRenderNode) node = NULL;
      g_autoptr(GdkTexture) texture = NULL;
      g_autofree gchar *file = g_strdup_printf ("%s-%s.png", name, styles[i]);
      g_autofree gchar *path = g_build_filename (dir, file, NULL);

      adw_style_manager_set_color_scheme (manager, i == 0 ? ADW_COLOR_SCHEME_FORCE_LIGHT
                                                          : ADW_COLOR_SCHEME_FORCE_DARK);
      settle (fixture);
      paintable = gtk_widget_paintable_new (widget);
      snapshot = gtk_snapshot_new ();
      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot),
                              gtk_widget_get_width (widget), gtk_widget_get_height (widget));
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
      if (node == NULL)
        continue;
      texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node, NULL);
      gdk_texture_save_to_png (texture, path);
      save_canvas (fixture, dir, name, styles[i]);
    }
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GDateTime) now = cwa_test_now ();
  GObject *editor;

  fixture->window = g_object_ref_sink (cwa_window_new (NULL));
  cwa_checklist_set_now (cwa_window_get_checklist (fixture->window), now);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1400, 900);
  editor = cwa_test_ui_child (fixture->window, CWA_TYPE_WINDOW, "editor");
  fixture->view = cwa_test_ui_child (editor, CWA_TYPE_DEPLOYMENT_EDITOR, "topology_view");
  gtk_toggle_button_set_active (cwa_test_ui_child (editor, CWA_TYPE_DEPLOYMENT_EDITOR, "topology_toggle"), TRUE);
  gtk_window_present (GTK_WINDOW (fixture->window));
  cwa_test_ui_drain_main_loop ();
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  cwa_test_ui_close_window (fixture->window);
}

static void
open_example (Fixture     *fixture,
              const gchar *name)
{
  cwa_test_ui_open_example (fixture->window, name);
  settle (fixture);
}

static CwaPlan *
plan_of (Fixture *fixture)
{
  return cwa_window_get_plan (fixture->window);
}

/* Borrowed: the plan holds it. */
static CwaVirtualServer *
nth_virtual_server (CwaPlan *plan,
                    guint    s,
                    guint    v)
{
  GListModel *servers = cwa_deployment_get_servers (cwa_plan_get_deployment (plan));
  g_autoptr(CwaServer) server = g_list_model_get_item (servers, s);
  g_autoptr(CwaVirtualServer) vs = g_list_model_get_item (cwa_server_get_virtual_servers (server), v);

  return vs;
}

static CwaServer *
nth_server (CwaPlan *plan,
            guint    s)
{
  g_autoptr(CwaServer) server = g_list_model_get_item (cwa_deployment_get_servers (cwa_plan_get_deployment (plan)), s);

  return server;
}

/* The first controller of @widget that is a @type and, for a drop target,
 * accepts @accepts (G_TYPE_INVALID: any). */
static GtkEventController *
controller_of (GtkWidget *widget,
               GType      type,
               GType      accepts)
{
  GListModel *controllers = gtk_widget_observe_controllers (widget);
  GtkEventController *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && found == NULL; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type) &&
          (accepts == G_TYPE_INVALID ||
           gdk_content_formats_contain_gtype (gtk_drop_target_get_formats (GTK_DROP_TARGET (controller)), accepts)))
        found = GTK_EVENT_CONTROLLER (controller);
    }
  g_object_unref (controllers);
  g_assert_nonnull (found);
  return found;
}

static GtkDropTarget *
drop_target_of (GtkWidget *widget,
                GType      accepts)
{
  return GTK_DROP_TARGET (controller_of (widget, GTK_TYPE_DROP_TARGET, accepts));
}

static gboolean
emit_drop (GtkWidget    *widget,
           const GValue *value)
{
  gboolean handled = FALSE;

  g_signal_emit_by_name (drop_target_of (widget, G_VALUE_TYPE (value)), "drop", value, 5.0, 5.0, &handled);
  return handled;
}

static gboolean
drop_certificate (GtkWidget      *widget,
                  CwaCertificate *certificate)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, CWA_TYPE_CERTIFICATE);
  g_value_set_object (&value, certificate);
  return emit_drop (widget, &value);
}

/* Every virtual server has a card, every computer a box; no two cards
 * and no two boxes overlap once allocated; every card lies in its box. */
static void
assert_layout (Fixture *fixture)
{
  CwaPlan *plan = plan_of (fixture);
  GListModel *servers = cwa_deployment_get_servers (cwa_plan_get_deployment (plan));
  g_autoptr(GArray) cards = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  g_autoptr(GArray) boxes = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  GtkWidget *view = GTK_WIDGET (fixture->view);

  settle (fixture);
  for (guint s = 0; s < g_list_model_get_n_items (servers); s++)
    {
      g_autoptr(CwaServer) server = g_list_model_get_item (servers, s);
      GListModel *vss = cwa_server_get_virtual_servers (server);
      GtkWidget *box = cwa_topology_view_find_widget (fixture->view, server);
      graphene_rect_t box_bounds;

      g_assert_nonnull (box);
      g_assert_true (gtk_widget_compute_bounds (box, view, &box_bounds));
      g_assert_cmpfloat (box_bounds.size.width, >, 0);
      g_array_append_val (boxes, box_bounds);
      for (guint v = 0; v < g_list_model_get_n_items (vss); v++)
        {
          g_autoptr(CwaVirtualServer) vs = g_list_model_get_item (vss, v);
          GtkWidget *card = cwa_topology_view_find_widget (fixture->view, vs);
          graphene_rect_t bounds;

          g_assert_nonnull (card);
          g_assert_true (gtk_widget_get_ancestor (card, CWA_TYPE_TOPOLOGY_BOX) == box);
          g_assert_true (gtk_widget_compute_bounds (card, view, &bounds));
          g_assert_cmpfloat (bounds.size.width, >, 0);
          g_assert_cmpfloat (bounds.size.height, >, 0);
          g_assert_true (graphene_rect_contains_rect (&box_bounds, &bounds));
          g_array_append_val (cards, bounds);
        }
    }

  for (guint i = 0; i < cards->len; i++)
    for (guint j = i + 1; j < cards->len; j++)
      {
        graphene_rect_t overlap;

        if (graphene_rect_intersection (&g_array_index (cards, graphene_rect_t, i),
                                        &g_array_index (cards, graphene_rect_t, j), &overlap))
          g_assert_true (overlap.size.width < 0.5 || overlap.size.height < 0.5);
      }
  for (guint i = 0; i < boxes->len; i++)
    for (guint j = i + 1; j < boxes->len; j++)
      {
        graphene_rect_t overlap;

        if (graphene_rect_intersection (&g_array_index (boxes, graphene_rect_t, i),
                                        &g_array_index (boxes, graphene_rect_t, j), &overlap))
          g_assert_true (overlap.size.width < 0.5 || overlap.size.height < 0.5);
      }
}

static void
test_layout_examples (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *card;
  GtkWidget *box;
  CwaVirtualServer *vs;

  open_example (fixture, "contoso.cwaplan");
  assert_layout (fixture);
  maybe_screenshots (fixture, "topology-contoso");
  /* The documented single-certificate case passes: green. */
  box = cwa_topology_view_find_widget (fixture->view, nth_server (plan_of (fixture), 0));
  g_assert_true (gtk_widget_has_css_class (box, "topology-ok"));

  open_example (fixture, "mistakes.cwaplan");
  assert_layout (fixture);
  maybe_screenshots (fixture, "topology-mistakes");
  vs = nth_virtual_server (plan_of (fixture), 0, 0);
  card = cwa_topology_view_find_widget (fixture->view, vs);
  /* Coloured by the worst finding, the failing rules' titles on hover. */
  g_assert_true (gtk_widget_has_css_class (card, "topology-error"));
  g_assert_nonnull (gtk_widget_get_tooltip_text (card));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (card), !=, "");
  box = cwa_topology_view_find_widget (fixture->view, nth_server (plan_of (fixture), 0));
  g_assert_true (gtk_widget_has_css_class (box, "topology-error"));
}

/* Live: a virtual server added in the model gets a card; removed, it goes. */
static void
test_layout_live (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(CwaVirtualServer) vs = cwa_virtual_server_new ("https://im.litware.com", CWA_AUDIENCE_EXTERNAL);
  CwaServer *server;
  GtkWidget *card;
  GtkWidget *label;
  gboolean found = FALSE;

  open_example (fixture, "contoso.cwaplan");
  server = nth_server (plan_of (fixture), 0);
  cwa_server_add_virtual_server (server, vs);
  assert_layout (fixture);
  card = cwa_topology_view_find_widget (fixture->view, vs);
  g_assert_nonnull (card);

  /* No certificate yet: the card lists the names it needs. */
  for (label = gtk_widget_get_first_child (gtk_widget_get_first_child (card)); label != NULL;
       label = gtk_widget_get_next_sibling (label))
    if (GTK_IS_LABEL (label) && gtk_widget_get_visible (label) &&
        strstr (gtk_label_get_text (GTK_LABEL (label)), "download.im.litware.com") != NULL)
      found = TRUE;
  g_assert_true (found);

  cwa_server_remove_virtual_server (server, vs);
  settle (fixture);
  g_assert_null (cwa_topology_view_find_widget (fixture->view, vs));
}

/* 20 computers, 60 virtual servers: no overlaps at any zoom, and it scrolls. */
/* Selects @subject in the editor: its widget alone in the view is marked
 * and lies within the visible part of @scroller. */
static void
assert_selected_in_view (Fixture           *fixture,
                         GtkScrolledWindow *scroller,
                         gpointer           subject)
{
  GObject *editor = cwa_test_ui_child (fixture->window, CWA_TYPE_WINDOW, "editor");
  GtkWidget *widget = cwa_topology_view_find_widget (fixture->view, subject);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  GtkWidget *viewport = gtk_scrolled_window_get_child (scroller);
  graphene_rect_t bounds;

  cwa_deployment_editor_select (CWA_DEPLOYMENT_EDITOR (editor), subject);
  settle (fixture);
  g_assert_true (gtk_widget_has_css_class (widget, "topology-selected"));
  g_assert_true (gtk_widget_compute_bounds (widget, gtk_viewport_get_child (GTK_VIEWPORT (viewport)), &bounds));
  g_assert_cmpfloat (bounds.origin.y, >=, gtk_adjustment_get_value (adjustment) - 0.5);
  g_assert_cmpfloat (bounds.origin.y + MIN (bounds.size.height, gtk_adjustment_get_page_size (adjustment)), <=,
                     gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment) + 0.5);
}

static void
test_layout_large (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(CwaPlan) plan = cwa_plan_new ();
  CwaDeployment *deployment = cwa_plan_get_deployment (plan);
  GtkScrolledWindow *scroller;
  GtkAdjustment *adjustment;

  for (guint s = 0; s < 20; s++)
    {
      g_autofree gchar *fqdn = g_strdup_printf ("cwa%02u.contoso.com", s);
      g_autoptr(CwaServer) server = cwa_server_new (fqdn);

      for (guint v = 0; v < 3; v++)
        {
          g_autofree gchar *url = g_strdup_printf ("https://im%u-%02u.contoso.com", v, s);
          g_autoptr(CwaVirtualServer) vs = cwa_virtual_server_new (url, v == 0 ? CWA_AUDIENCE_EXTERNAL
                                                                               : CWA_AUDIENCE_INTERNAL);

          cwa_server_add_virtual_server (server, vs);
        }
      cwa_deployment_add_server (deployment, server);
    }
  cwa_window_set_plan (fixture->window, plan);
  assert_layout (fixture);
  maybe_screenshots (fixture, "topology-large");

  scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (cwa_topology_view_find_widget (fixture->view,
                                                                                            nth_server (plan, 19)),
                                                           GTK_TYPE_SCROLLED_WINDOW));
  adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >, gtk_adjustment_get_page_size (adjustment));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "topology.zoom-in", NULL));
  g_assert_cmpfloat (cwa_topology_view_get_zoom (fixture->view), >, 1.0);
  cwa_topology_view_set_zoom (fixture->view, 2.0);
  assert_layout (fixture);
  cwa_topology_view_set_zoom (fixture->view, 0.5);
  assert_layout (fixture);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "topology.zoom-reset", NULL));
  g_assert_cmpfloat (cwa_topology_view_get_zoom (fixture->view), ==, 1.0);

  /* What the editor selects is marked in the view and scrolled into it. */
  assert_selected_in_view (fixture, scroller, nth_server (plan, 19));
  assert_selected_in_view (fixture, scroller, nth_server (plan, 0));
  g_assert_false (gtk_widget_has_css_class (cwa_topology_view_find_widget (fixture->view, nth_server (plan, 19)),
                                            "topology-selected"));
}

static CwaCertificate *
load_example_certificate (const gchar *name)
{
  g_autofree gchar *file_name = g_strconcat ("certs/", name, ".pem", NULL);
  g_autofree gchar *path = cwa_test_example_path (file_name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) certificates = cwa_cert_loader_load_file (file, NULL, NULL, NULL);

  g_assert_nonnull (certificates);
  return g_object_ref (cwa_cert_loader_pick_primary (certificates));
}

/* A certificate dropped on a card becomes its SSL certificate, on a box
 * title the MTLS certificate; the checklist re-runs; Ctrl+Z undoes. */
static void
test_drop_certificate (Fixture       *fixture,
                       gconstpointer  data)
{
  CwaChecklist *checklist;
  CwaVirtualServer *vs;
  CwaServer *server;
  CwaCertificate *root;
  CwaCertificate *before;
  guint runs;

  open_example (fixture, "mistakes.cwaplan");
  checklist = cwa_window_get_checklist (fixture->window);
  vs = nth_virtual_server (plan_of (fixture), 0, 1);
  server = cwa_virtual_server_get_server (vs);
  root = cwa_plan_lookup_certificate (plan_of (fixture), "contoso-root");
  before = cwa_virtual_server_get_ssl_certificate (vs);
  g_assert_nonnull (before);
  runs = cwa_checklist_get_n_runs (checklist);

  g_assert_true (drop_certificate (cwa_topology_view_find_widget (fixture->view, vs), root));
  g_assert_true (cwa_virtual_server_get_ssl_certificate (vs) == root);
  CWA_TEST_WAIT_FOR (cwa_checklist_get_n_runs (checklist) > runs);
  settle (fixture);
  /* The card is kept and shows the new certificate. */
  g_assert_nonnull (cwa_topology_view_find_widget (fixture->view, vs));

  g_assert_true (drop_certificate (cwa_topology_box_get_title (CWA_TOPOLOGY_BOX (cwa_topology_view_find_widget (fixture->view, server))),
                                   root));
  g_assert_true (cwa_server_get_mtls_certificate (server) == root);

  /* Undo, newest first: Ctrl+Z's action, then again. */
  gtk_widget_grab_focus (cwa_topology_view_find_widget (fixture->view, vs));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "topology.undo", NULL));
  g_assert_true (cwa_server_get_mtls_certificate (server) == cwa_plan_lookup_certificate (plan_of (fixture), "cwaserver-expired"));
  g_assert_true (cwa_virtual_server_get_ssl_certificate (vs) == root);
  g_assert_true (cwa_topology_view_undo (fixture->view));
  g_assert_true (cwa_virtual_server_get_ssl_certificate (vs) == before);
  g_assert_false (cwa_topology_view_undo (fixture->view));
  settle (fixture);
}

/* Certificate files dropped on a card load and assign in one go. */
static void
test_drop_files (Fixture       *fixture,
                 gconstpointer  data)
{
  CwaVirtualServer *vs;
  g_autofree gchar *good = cwa_test_example_path ("certs/im-contoso.pem");
  g_autofree gchar *root = cwa_test_example_path ("certs/contoso-root.pem");
  GSList *files = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  CwaCertificate *assigned;

  open_example (fixture, "mistakes.cwaplan");
  vs = nth_virtual_server (plan_of (fixture), 0, 0);
  files = g_slist_append (files, g_file_new_for_path (root));
  files = g_slist_append (files, g_file_new_for_path (good));
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (files));
  g_slist_free_full (files, g_object_unref);

  g_assert_true (emit_drop (cwa_topology_view_find_widget (fixture->view, vs), &value));
  CWA_TEST_WAIT_FOR (cwa_virtual_server_get_ssl_certificate (vs) != NULL &&
            g_str_equal (cwa_certificate_get_display_name (cwa_virtual_server_get_ssl_certificate (vs)), "im.contoso.com") &&
            !g_str_has_prefix (cwa_certificate_get_id (cwa_virtual_server_get_ssl_certificate (vs)), "im-contoso-no"));
  assigned = cwa_virtual_server_get_ssl_certificate (vs);
  g_assert_false (cwa_certificate_is_ca (assigned));
  g_assert_true (cwa_plan_lookup_certificate (plan_of (fixture), cwa_certificate_get_id (assigned)) == assigned);
  settle (fixture);
}

/* While a certificate is dragged, each target says whether it would
 * satisfy it: one lacking download.im.contoso.com is red on the card. */
static void
test_hint (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(CwaCertificate) good = load_example_certificate ("im-contoso");
  CwaCertificate *lacking;
  CwaVirtualServer *vs;
  GtkWidget *card;
  GtkWidget *title;

  open_example (fixture, "mistakes.cwaplan");
  lacking = cwa_plan_lookup_certificate (plan_of (fixture), "im-contoso-no-download");
  vs = nth_virtual_server (plan_of (fixture), 0, 0);
  card = cwa_topology_view_find_widget (fixture->view, vs);
  title = cwa_topology_box_get_title (CWA_TOPOLOGY_BOX (cwa_topology_view_find_widget (fixture->view, cwa_virtual_server_get_server (vs))));

  cwa_topology_view_show_hint (fixture->view, lacking);
  maybe_screenshots (fixture, "topology-hint");
  g_assert_true (gtk_widget_has_css_class (card, CWA_TOPOLOGY_HINT_BAD));
  g_assert_false (gtk_widget_has_css_class (card, CWA_TOPOLOGY_HINT_OK));
  /* Its CN is not the computer's name either. */
  g_assert_true (gtk_widget_has_css_class (title, CWA_TOPOLOGY_HINT_BAD));

  cwa_topology_view_show_hint (fixture->view, good);
  g_assert_true (gtk_widget_has_css_class (card, CWA_TOPOLOGY_HINT_OK));
  g_assert_false (gtk_widget_has_css_class (card, CWA_TOPOLOGY_HINT_BAD));

  cwa_topology_view_show_hint (fixture->view, NULL);
  g_assert_false (gtk_widget_has_css_class (card, CWA_TOPOLOGY_HINT_OK));
  g_assert_false (gtk_widget_has_css_class (card, CWA_TOPOLOGY_HINT_BAD));
  g_assert_false (gtk_widget_has_css_class (title, CWA_TOPOLOGY_HINT_BAD));
}

/* A card dropped on another computer's box moves there; undo moves it back
 * to where it was. */
static void
test_move (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(CwaServer) second = cwa_server_new ("cwa02.contoso.com");
  CwaVirtualServer *vs;
  CwaServer *first;
  g_auto(GValue) value = G_VALUE_INIT;

  open_example (fixture, "mistakes.cwaplan");
  vs = nth_virtual_server (plan_of (fixture), 0, 0);
  first = cwa_virtual_server_get_server (vs);
  cwa_deployment_add_server (cwa_plan_get_deployment (plan_of (fixture)), second);
  settle (fixture);

  g_value_init (&value, CWA_TYPE_VIRTUAL_SERVER);
  g_value_set_object (&value, vs);
  g_assert_true (emit_drop (cwa_topology_view_find_widget (fixture->view, second), &value));
  g_assert_true (cwa_virtual_server_get_server (vs) == second);
  assert_layout (fixture);
  g_assert_true (gtk_widget_get_ancestor (cwa_topology_view_find_widget (fixture->view, vs), CWA_TYPE_TOPOLOGY_BOX)
                 == cwa_topology_view_find_widget (fixture->view, second));

  /* Dropped on its own computer, nothing happens. */
  g_assert_false (emit_drop (cwa_topology_view_find_widget (fixture->view, second), &value));

  g_assert_true (cwa_topology_view_undo (fixture->view));
  g_assert_true (cwa_virtual_server_get_server (vs) == first);
  g_assert_true (nth_virtual_server (plan_of (fixture), 0, 0) == vs);
  assert_layout (fixture);
}

/* The keyboard way: the card's "Assign certificate…" menu items. */
static void
test_context_menu (Fixture       *fixture,
                   gconstpointer  data)
{
  CwaVirtualServer *vs;
  GtkWidget *card;

  open_example (fixture, "mistakes.cwaplan");
  vs = nth_virtual_server (plan_of (fixture), 0, 0);
  card = cwa_topology_view_find_widget (fixture->view, vs);

  gtk_widget_grab_focus (card);
  g_assert_true (gtk_widget_activate_action (card, "card.menu", NULL));
  settle (fixture);
  g_assert_true (gtk_widget_activate_action (card, "topology.assign", "s", "cwaserver-expired"));
  g_assert_true (cwa_virtual_server_get_ssl_certificate (vs) ==
                 cwa_plan_lookup_certificate (plan_of (fixture), "cwaserver-expired"));
  g_assert_true (gtk_widget_activate_action (card, "topology.unassign", NULL));
  g_assert_null (cwa_virtual_server_get_ssl_certificate (vs));
  /* Nothing left to remove: no step is added, so one undo restores it. */
  settle (fixture);
  gtk_widget_activate_action (card, "topology.unassign", NULL);
  g_assert_null (cwa_virtual_server_get_ssl_certificate (vs));
  g_assert_true (cwa_topology_view_undo (fixture->view));
  g_assert_true (cwa_virtual_server_get_ssl_certificate (vs) ==
                 cwa_plan_lookup_certificate (plan_of (fixture), "cwaserver-expired"));
  settle (fixture);
}

/* The visible Undo button of the window's toasts, or NULL. */
static GtkWidget *
find_undo_button (GtkWidget *widget)
{
  GtkWidget *found = NULL;

  if (GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "win.undo-step") == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL && found == NULL;
       child = gtk_widget_get_next_sibling (child))
    found = find_undo_button (child);
  return found;
}

/* Undo is the window's: an older toast's Undo reverts its own step even
 * when a newer one exists (it once did nothing); win.undo reverts the
 * newest with the focus outside the view, the checklist re-runs, and with
 * nothing left win.undo is disabled. */
static void
test_undo_window (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWidget *editor = cwa_test_ui_child (fixture->window, CWA_TYPE_WINDOW, "editor");
  GtkWidget *toggle = cwa_test_ui_child (editor, CWA_TYPE_DEPLOYMENT_EDITOR, "topology_toggle");
  GtkWidget *overlay = cwa_test_ui_child (fixture->window, CWA_TYPE_WINDOW, "toast_overlay");
  CwaChecklist *checklist;
  CwaVirtualServer *vs;
  CwaServer *server;
  CwaCertificate *root;
  CwaCertificate *before;
  CwaCertificate *mtls_before;
  GtkWidget *focus;
  guint runs;

  open_example (fixture, "mistakes.cwaplan");
  g_assert_false (cwa_test_ui_action_enabled (editor, "win.undo"));
  checklist = cwa_window_get_checklist (fixture->window);
  vs = nth_virtual_server (plan_of (fixture), 0, 1);
  server = cwa_virtual_server_get_server (vs);
  root = cwa_plan_lookup_certificate (plan_of (fixture), "contoso-root");
  before = cwa_virtual_server_get_ssl_certificate (vs);
  mtls_before = cwa_server_get_mtls_certificate (server);
  g_assert_true (before != root);
  g_assert_true (mtls_before != root);

  g_assert_true (drop_certificate (cwa_topology_view_find_widget (fixture->view, vs), root));
  g_assert_true (drop_certificate (cwa_topology_box_get_title (CWA_TOPOLOGY_BOX (cwa_topology_view_find_widget (fixture->view, server))),
                                   root));
  g_assert_true (cwa_virtual_server_get_ssl_certificate (vs) == root);
  g_assert_true (cwa_server_get_mtls_certificate (server) == root);
  g_assert_true (cwa_test_ui_action_enabled (editor, "win.undo"));

  /* The first toast is on screen, the second waits behind it. */
  settle (fixture);
  CWA_TEST_WAIT_FOR (find_undo_button (overlay) != NULL);
  g_signal_emit_by_name (find_undo_button (overlay), "clicked");
  g_assert_true (cwa_virtual_server_get_ssl_certificate (vs) == before);
  g_assert_true (cwa_server_get_mtls_certificate (server) == root);
  g_assert_true (cwa_test_ui_action_enabled (editor, "win.undo"));
  settle (fixture);

  g_assert_true (gtk_widget_grab_focus (toggle));
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_nonnull (focus);
  g_assert_false (focus == GTK_WIDGET (fixture->view) || gtk_widget_is_ancestor (focus, GTK_WIDGET (fixture->view)));
  runs = cwa_checklist_get_n_runs (checklist);
  g_assert_true (gtk_widget_activate_action (focus, "win.undo", NULL));
  g_assert_true (cwa_server_get_mtls_certificate (server) == mtls_before);
  CWA_TEST_WAIT_FOR (cwa_checklist_get_n_runs (checklist) > runs);
  g_assert_false (cwa_test_ui_action_enabled (editor, "win.undo"));
  g_assert_false (cwa_topology_view_undo (fixture->view));
  settle (fixture);
}

/* "Export Picture…" writes what the view shows as PNG or SVG. */
static void
test_export_picture (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree gchar *dir = g_dir_make_tmp ("cwa-test-topology-XXXXXX", NULL);
  g_autofree gchar *png_path = g_build_filename (dir, "plan.png", NULL);
  g_autofree gchar *svg_path = g_build_filename (dir, "plan.svg", NULL);
  g_autoptr(GFile) png = g_file_new_for_path (png_path);
  g_autoptr(GFile) svg = g_file_new_for_path (svg_path);
  g_autoptr(GError) error = NULL;
  g_autofree gchar *contents = NULL;
  gsize length;

  open_example (fixture, "mistakes.cwaplan");
  g_assert_true (cwa_window_export_picture (fixture->window, png, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (png_path, &contents, &length, NULL));
  g_assert_cmpmem (contents, 4, "\x89PNG", 4);
  g_clear_pointer (&contents, g_free);
  g_assert_true (cwa_window_export_picture (fixture->window, svg, &error));
  g_assert_true (g_file_get_contents (svg_path, &contents, &length, NULL));
  g_assert_nonnull (strstr (contents, "<svg"));
  g_remove (png_path);
  g_remove (svg_path);
  g_rmdir (dir);
}

/* The array of three computers behind an SSL-offloading load balancer,
 * published by a reverse proxy (tests/data/topology-array.cwaplan). */
#define ARRAY_PLAN "../../tests/data/topology-array.cwaplan"

static CwaLoadBalancer *
first_load_balancer (CwaPlan *plan)
{
  g_autoptr(CwaLoadBalancer) lb = g_list_model_get_item (cwa_deployment_get_load_balancers (cwa_plan_get_deployment (plan)), 0);

  return lb;
}

static CwaPublishingRule *
first_rule (CwaPlan *plan)
{
  g_autoptr(GPtrArray) rules = cwa_deployment_dup_publishing_rules (cwa_plan_get_deployment (plan));

  g_assert_cmpuint (rules->len, >, 0);
  return g_ptr_array_index (rules, 0);
}

static graphene_rect_t
bounds_of (Fixture   *fixture,
           GtkWidget *widget)
{
  graphene_rect_t bounds;

  g_assert_nonnull (widget);
  g_assert_true (gtk_widget_compute_bounds (widget, cwa_topology_view_get_canvas (fixture->view), &bounds));
  return bounds;
}

static void
assert_apart (const graphene_rect_t *a,
              const graphene_rect_t *b)
{
  graphene_rect_t overlap;

  if (graphene_rect_intersection (a, b, &overlap))
    g_assert_true (overlap.size.width < 0.5 || overlap.size.height < 0.5);
}

/* @point lies on the outline of @rect. */
static void
assert_on_edge (const graphene_point_t *point,
                const graphene_rect_t  *rect)
{
  gboolean on_side = (ABS (point->x - rect->origin.x) < 0.5 ||
                      ABS (point->x - rect->origin.x - rect->size.width) < 0.5) &&
                     point->y >= rect->origin.y - 0.5 && point->y <= rect->origin.y + rect->size.height + 0.5;
  gboolean on_top = (ABS (point->y - rect->origin.y) < 0.5 ||
                     ABS (point->y - rect->origin.y - rect->size.height) < 0.5) &&
                    point->x >= rect->origin.x - 0.5 && point->x <= rect->origin.x + rect->size.width + 0.5;

  g_assert_true (on_side || on_top);
}

/* The canvas as drawn, as cairo's ARGB32 pixels. */
static guchar *
render_canvas (Fixture *fixture,
               gsize   *stride)
{
  g_autoptr(GdkTexture) texture = NULL;
  guchar *pixels;

  settle (fixture);
  texture = render_canvas_texture (fixture, NULL);
  *stride = gdk_texture_get_width (texture) * 4;
  pixels = g_malloc (*stride * gdk_texture_get_height (texture));
  gdk_texture_download (texture, pixels, *stride);
  return pixels;
}

/* Whether a pixel within 2 of (@x, @y) has the lines' blue. */
static gboolean
blue_near (const guchar *pixels,
           gsize         stride,
           double        x,
           double        y)
{
  for (int dy = -2; dy <= 2; dy++)
    for (int dx = -2; dx <= 2; dx++)
      {
        /* Cairo's ARGB32 in memory: B, G, R, A on little-endian. */
        const guchar *pixel = pixels + ((gsize) (y + dy)) * stride + ((gsize) (x + dx)) * 4;

        if (pixel[0] > 150 && pixel[0] > pixel[2] + 80)
          return TRUE;
      }
  return FALSE;
}

/* Every line is seen to its end: the end lies on what the line joins,
 * and the last leg shows in the drawing all along, over any box. */
static void
assert_lines_seen (Fixture *fixture)
{
  CwaTopologyCanvas *canvas = CWA_TOPOLOGY_CANVAS (cwa_topology_view_get_canvas (fixture->view));
  CwaTopologyLinks *links = cwa_topology_canvas_get_links (canvas);
  gsize stride = 0;
  g_autofree guchar *pixels = render_canvas (fixture, &stride);

  g_assert_cmpuint (cwa_topology_links_get_n (links), >, 0);
  for (guint i = 0; i < cwa_topology_links_get_n (links); i++)
    {
      GtkWidget *to;
      const graphene_point_t *points;
      guint n;
      graphene_rect_t target;
      const graphene_point_t *a;
      const graphene_point_t *b;

      g_assert_true (cwa_topology_links_get (links, i, NULL, &to, &points, &n, NULL));
      g_assert_cmpuint (n, >=, 2);
      target = bounds_of (fixture, to);
      assert_on_edge (&points[n - 1], &target);
      a = &points[n - 2];
      b = &points[n - 1];
      /* Along the last leg, short of the arrow head. */
      for (double t = 0.1; t < 0.75; t += 0.2)
        g_assert_true (blue_near (pixels, stride, a->x + (b->x - a->x) * t, a->y + (b->y - a->y) * t));
    }
}

/* Three bands: the proxy above the load balancer above its members; the
 * load balancer's box spans exactly its members; nothing overlaps; every
 * publishing rule's line ends on the top edge of what it publishes. */
static void
assert_bands (Fixture *fixture)
{
  CwaPlan *plan = plan_of (fixture);
  CwaLoadBalancer *lb = first_load_balancer (plan);
  CwaTopologyCanvas *canvas = CWA_TOPOLOGY_CANVAS (cwa_topology_view_get_canvas (fixture->view));
  GtkWidget *lb_box = cwa_topology_view_find_widget (fixture->view, lb);
  CwaPublishingRule *rule = first_rule (plan);
  graphene_rect_t lb_bounds = bounds_of (fixture, lb_box);
  graphene_rect_t listener = bounds_of (fixture, cwa_topology_view_find_widget (fixture->view, rule));
  graphene_rect_t proxy = bounds_of (fixture, cwa_topology_view_find_widget (fixture->view,
                                                                          cwa_publishing_rule_get_reverse_proxy (rule)));
  double left = G_MAXDOUBLE;
  double right = -G_MAXDOUBLE;
  GtkWidget *from;
  GtkWidget *to;
  graphene_point_t start;
  graphene_point_t end;
  graphene_rect_t target;

  assert_layout (fixture);
  for (guint s = 0; s < 3; s++)
    {
      graphene_rect_t box = bounds_of (fixture, cwa_topology_view_find_widget (fixture->view, nth_server (plan, s)));

      g_assert_true (cwa_load_balancer_has_member (lb, cwa_server_get_fqdn (nth_server (plan, s))));
      left = MIN (left, box.origin.x);
      right = MAX (right, box.origin.x + box.size.width);
      g_assert_cmpfloat (box.origin.y, >=, lb_bounds.origin.y + lb_bounds.size.height);
      assert_apart (&box, &lb_bounds);
      assert_apart (&box, &proxy);
    }
  g_assert_cmpfloat_with_epsilon (lb_bounds.origin.x, left, 0.5);
  g_assert_cmpfloat_with_epsilon (lb_bounds.origin.x + lb_bounds.size.width, right, 0.5);
  g_assert_cmpfloat (proxy.origin.y + proxy.size.height, <=, lb_bounds.origin.y);
  g_assert_true (graphene_rect_contains_rect (&proxy, &listener));
  assert_apart (&proxy, &lb_bounds);

  g_assert_cmpuint (cwa_topology_canvas_get_n_links (canvas), ==, 1);
  g_assert_true (cwa_topology_canvas_get_link (canvas, 0, &from, &to, &start, &end));
  g_assert_true (from == cwa_topology_view_find_widget (fixture->view, rule));
  g_assert_true (to == lb_box);
  g_assert_cmpfloat_with_epsilon (start.y, listener.origin.y + listener.size.height, 0.5);
  target = bounds_of (fixture, to);
  g_assert_cmpfloat_with_epsilon (end.y, target.origin.y, 0.5);
  g_assert_cmpfloat (end.x, >=, target.origin.x);
  g_assert_cmpfloat (end.x, <=, target.origin.x + target.size.width);
}

static void
test_bands (Fixture       *fixture,
            gconstpointer  data)
{
  CwaPlan *plan;
  CwaPublishingRule *rule;
  CwaTopologyCanvas *canvas;
  GtkWidget *to;
  graphene_point_t end;
  graphene_rect_t card;
  CwaLoadBalancer *lb;

  open_example (fixture, ARRAY_PLAN);
  assert_lines_seen (fixture);
  assert_bands (fixture);
  maybe_screenshots (fixture, "topology-array");

  /* Zoomed, the same holds. */
  cwa_topology_view_set_zoom (fixture->view, 0.5);
  assert_bands (fixture);
  cwa_topology_view_set_zoom (fixture->view, 1.0);

  /* Without the load balancer, the rule's line ends on a virtual server's
   * card. */
  plan = plan_of (fixture);
  rule = first_rule (plan);
  lb = first_load_balancer (plan);
  g_assert_true (cwa_plan_edits_delete_load_balancer (plan, lb));
  settle (fixture);
  canvas = CWA_TOPOLOGY_CANVAS (cwa_topology_view_get_canvas (fixture->view));
  g_assert_cmpuint (cwa_topology_canvas_get_n_links (canvas), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_assert_true (cwa_topology_canvas_get_link (canvas, i, NULL, &to, NULL, &end));
      g_assert_true (to == cwa_topology_view_find_widget (fixture->view, nth_virtual_server (plan, i, 0)));
      card = bounds_of (fixture, to);
      assert_on_edge (&end, &card);
    }
  assert_lines_seen (fixture);
  g_assert_nonnull (rule);
  g_assert_true (cwa_topology_view_undo (fixture->view));
  settle (fixture);
  assert_bands (fixture);
}

/* Certificates dropped on a listener and on a load balancer are assigned
 * through the history; the checklist re-runs; undo restores. */
static void
test_drop_edge (Fixture       *fixture,
                gconstpointer  data)
{
  CwaChecklist *checklist;
  CwaPlan *plan;
  CwaPublishingRule *rule;
  CwaLoadBalancer *lb;
  CwaCertificate *good;
  guint runs;

  open_example (fixture, ARRAY_PLAN);
  plan = plan_of (fixture);
  checklist = cwa_window_get_checklist (fixture->window);
  rule = first_rule (plan);
  lb = first_load_balancer (plan);
  good = cwa_plan_lookup_certificate (plan, "im-contoso");
  g_assert_null (cwa_publishing_rule_get_listener_certificate (rule));
  g_assert_null (cwa_load_balancer_get_ssl_certificate (lb));
  g_assert_true (gtk_widget_has_css_class (cwa_topology_view_find_widget (fixture->view, lb), "topology-error"));

  runs = cwa_checklist_get_n_runs (checklist);
  g_assert_true (drop_certificate (cwa_topology_view_find_widget (fixture->view, rule), good));
  g_assert_true (cwa_publishing_rule_get_listener_certificate (rule) == good);
  CWA_TEST_WAIT_FOR (cwa_checklist_get_n_runs (checklist) > runs);

  runs = cwa_checklist_get_n_runs (checklist);
  g_assert_true (drop_certificate (cwa_topology_view_find_widget (fixture->view, lb), good));
  g_assert_true (cwa_load_balancer_get_ssl_certificate (lb) == good);
  CWA_TEST_WAIT_FOR (cwa_checklist_get_n_runs (checklist) > runs);
  settle (fixture);
  /* The load balancer's certificate is now right: no longer red. */
  g_assert_false (gtk_widget_has_css_class (cwa_topology_view_find_widget (fixture->view, lb), "topology-error"));

  g_assert_true (cwa_topology_view_undo (fixture->view));
  g_assert_null (cwa_load_balancer_get_ssl_certificate (lb));
  g_assert_true (cwa_publishing_rule_get_listener_certificate (rule) == good);
  g_assert_true (cwa_topology_view_undo (fixture->view));
  g_assert_null (cwa_publishing_rule_get_listener_certificate (rule));
  settle (fixture);
}

/* While dragging, a listener says whether the certificate covers the
 * published names; one lacking download.im.contoso.com does not. */
static void
test_hint_edge (Fixture       *fixture,
                gconstpointer  data)
{
  CwaPlan *plan;
  CwaCertificate *lacking;
  CwaCertificate *good;
  GtkWidget *listener;
  GtkWidget *lb_box;
  const gchar *tooltip;

  open_example (fixture, ARRAY_PLAN);
  plan = plan_of (fixture);
  lacking = cwa_plan_lookup_certificate (plan, "im-contoso-no-download");
  good = cwa_plan_lookup_certificate (plan, "im-contoso");
  listener = cwa_topology_view_find_widget (fixture->view, first_rule (plan));
  lb_box = cwa_topology_view_find_widget (fixture->view, first_load_balancer (plan));

  cwa_topology_view_show_hint (fixture->view, lacking);
  maybe_screenshots (fixture, "topology-array-hint");
  g_assert_true (gtk_widget_has_css_class (listener, CWA_TOPOLOGY_HINT_BAD));
  g_assert_true (gtk_widget_has_css_class (lb_box, CWA_TOPOLOGY_HINT_BAD));
  tooltip = gtk_widget_get_tooltip_text (listener);
  g_assert_nonnull (tooltip);
  g_assert_nonnull (strstr (tooltip, "does not cover download.im.contoso.com"));

  cwa_topology_view_show_hint (fixture->view, good);
  g_assert_true (gtk_widget_has_css_class (listener, CWA_TOPOLOGY_HINT_OK));
  g_assert_true (gtk_widget_has_css_class (lb_box, CWA_TOPOLOGY_HINT_OK));
  g_assert_false (gtk_widget_has_css_class (listener, CWA_TOPOLOGY_HINT_BAD));

  cwa_topology_view_show_hint (fixture->view, NULL);
  g_assert_false (gtk_widget_has_css_class (listener, CWA_TOPOLOGY_HINT_OK));
  g_assert_false (gtk_widget_has_css_class (listener, CWA_TOPOLOGY_HINT_BAD));
}

static GtkEventController *
drag_motion_of (GtkWidget *widget)
{
  return controller_of (widget, GTK_TYPE_DROP_CONTROLLER_MOTION, G_TYPE_INVALID);
}

/* A drag moving to the middle of @target, as GTK reports it to the view. */
static void
drag_over (Fixture   *fixture,
           GtkWidget *target)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (target, GTK_WIDGET (fixture->view), &bounds));
  g_signal_emit_by_name (drag_motion_of (GTK_WIDGET (fixture->view)), "motion",
                         bounds.origin.x + bounds.size.width / 2, bounds.origin.y + bounds.size.height / 2);
  settle (fixture);
}

/* The hint in words, visible while dragging: a note beside the target
 * under the pointer says what the certificate lacks; it goes with the
 * drag. */
static void
test_hint_note (Fixture       *fixture,
                gconstpointer  data)
{
  CwaPlan *plan;
  GtkWidget *listener;
  GtkWidget *lb_box;
  GtkWidget *note;
  GtkEventController *motion;
  graphene_rect_t note_bounds;
  graphene_rect_t listener_bounds;

  open_example (fixture, ARRAY_PLAN);
  plan = plan_of (fixture);
  listener = cwa_topology_view_find_widget (fixture->view, first_rule (plan));
  lb_box = cwa_topology_view_find_widget (fixture->view, first_load_balancer (plan));
  note = cwa_topology_canvas_get_note (CWA_TOPOLOGY_CANVAS (cwa_topology_view_get_canvas (fixture->view)));
  motion = drag_motion_of (GTK_WIDGET (fixture->view));
  g_assert_false (gtk_widget_get_visible (note));

  /* The drag enters; what it carries is read; it moves over the listener. */
  g_signal_emit_by_name (motion, "enter", 1.0, 1.0);
  cwa_topology_view_show_hint (fixture->view, cwa_plan_lookup_certificate (plan, "im-contoso-no-download"));
  drag_over (fixture, listener);
  g_assert_true (gtk_widget_get_mapped (note));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (note)), "does not cover download.im.contoso.com"));
  g_assert_false (gtk_widget_has_css_class (note, "topology-note-fits"));
  /* Beside the listener, not over it. */
  g_assert_true (gtk_widget_compute_bounds (note, GTK_WIDGET (fixture->view), &note_bounds));
  g_assert_true (gtk_widget_compute_bounds (listener, GTK_WIDGET (fixture->view), &listener_bounds));
  g_assert_cmpfloat (note_bounds.size.width, >, 0);
  g_assert_cmpfloat (note_bounds.size.height, >, 0);
  assert_apart (&note_bounds, &listener_bounds);
  maybe_screenshots (fixture, "topology-array-note");

  /* Over the load balancer, the note follows and speaks of it. */
  drag_over (fixture, lb_box);
  g_assert_true (gtk_widget_get_mapped (note));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (note)), "does not cover"));

  /* A certificate that fits says so. */
  cwa_topology_view_show_hint (fixture->view, cwa_plan_lookup_certificate (plan, "im-contoso"));
  drag_over (fixture, listener);
  g_assert_true (gtk_widget_has_css_class (note, "topology-note-fits"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (note)), "covers every name"));

  /* The drag leaves: the note goes. */
  g_signal_emit_by_name (motion, "leave");
  settle (fixture);
  g_assert_false (gtk_widget_get_visible (note));

  /* A drop ends the drag too. */
  g_signal_emit_by_name (motion, "enter", 1.0, 1.0);
  cwa_topology_view_show_hint (fixture->view, cwa_plan_lookup_certificate (plan, "im-contoso-no-download"));
  drag_over (fixture, listener);
  g_assert_true (gtk_widget_get_visible (note));
  g_assert_true (drop_certificate (listener, cwa_plan_lookup_certificate (plan, "im-contoso")));
  g_assert_false (gtk_widget_get_visible (note));
  settle (fixture);
}

/* A computer's box dragged out of the load balancer leaves it; dragged
 * onto it, joins it again; both undo. */
static void
test_membership (Fixture       *fixture,
                 gconstpointer  data)
{
  CwaPlan *plan;
  CwaLoadBalancer *lb;
  CwaServer *third;
  g_auto(GValue) value = G_VALUE_INIT;
  graphene_rect_t lb_bounds;
  graphene_rect_t box;

  open_example (fixture, ARRAY_PLAN);
  plan = plan_of (fixture);
  lb = first_load_balancer (plan);
  third = nth_server (plan, 2);
  g_value_init (&value, CWA_TYPE_SERVER);
  g_value_set_object (&value, third);

  g_assert_true (emit_drop (cwa_topology_view_get_canvas (fixture->view), &value));
  g_assert_false (cwa_load_balancer_has_member (lb, "cwa03.contoso.com"));
  settle (fixture);
  lb_bounds = bounds_of (fixture, cwa_topology_view_find_widget (fixture->view, lb));
  box = bounds_of (fixture, cwa_topology_view_find_widget (fixture->view, third));
  /* It left the span of the load balancer. */
  g_assert_true (box.origin.x >= lb_bounds.origin.x + lb_bounds.size.width - 0.5 ||
                 box.origin.y >= lb_bounds.origin.y + lb_bounds.size.height + 1);

  /* Dropped on nothing but the view again, nothing more happens. */
  g_assert_false (emit_drop (cwa_topology_view_get_canvas (fixture->view), &value));

  /* A member dropped back on its own load balancer: the drop is taken
   * there (it must not reach the view, where it means "leave") and
   * nothing changes. */
  {
    g_auto(GValue) member = G_VALUE_INIT;
    CwaHistory *history = cwa_plan_get_history (plan);
    guint entries = cwa_history_get_n_entries (history);

    g_value_init (&member, CWA_TYPE_SERVER);
    g_value_set_object (&member, nth_server (plan, 0));
    g_assert_true (emit_drop (cwa_topology_view_find_widget (fixture->view, lb), &member));
    g_assert_true (cwa_load_balancer_has_member (lb, cwa_server_get_fqdn (nth_server (plan, 0))));
    g_assert_cmpuint (cwa_history_get_n_entries (history), ==, entries);
  }

  g_assert_true (emit_drop (cwa_topology_view_find_widget (fixture->view, lb), &value));
  g_assert_true (cwa_load_balancer_has_member (lb, "cwa03.contoso.com"));
  settle (fixture);
  assert_bands (fixture);

  g_assert_true (cwa_topology_view_undo (fixture->view));
  g_assert_false (cwa_load_balancer_has_member (lb, "cwa03.contoso.com"));
  g_assert_true (cwa_topology_view_undo (fixture->view));
  g_assert_true (cwa_load_balancer_has_member (lb, "cwa03.contoso.com"));
  settle (fixture);
  assert_bands (fixture);
}

/* The keyboard way: Return on a listener or a load balancer opens it in
 * the editor, whose form assigns its certificate and edits the members. */
static void
test_keyboard_edge (Fixture       *fixture,
                    gconstpointer  data)
{
  GObject *editor = cwa_test_ui_child (fixture->window, CWA_TYPE_WINDOW, "editor");
  CwaPlan *plan;
  GtkWidget *listener;
  GtkWidget *lb_box;

  open_example (fixture, ARRAY_PLAN);
  plan = plan_of (fixture);
  listener = cwa_topology_view_find_widget (fixture->view, first_rule (plan));
  lb_box = cwa_topology_view_find_widget (fixture->view, first_load_balancer (plan));
  g_assert_true (gtk_widget_get_focusable (listener));
  g_assert_true (gtk_widget_get_focusable (lb_box));

  g_assert_true (gtk_widget_grab_focus (listener));
  g_assert_true (gtk_widget_activate_action (listener, "listener.activate", NULL));
  g_assert_true (cwa_deployment_editor_get_selected (CWA_DEPLOYMENT_EDITOR (editor)) == (gpointer) first_rule (plan));
  g_assert_true (gtk_widget_grab_focus (lb_box));
  g_assert_true (gtk_widget_activate_action (lb_box, "balancer.activate", NULL));
  g_assert_true (cwa_deployment_editor_get_selected (CWA_DEPLOYMENT_EDITOR (editor)) ==
                 (gpointer) first_load_balancer (plan));
  settle (fixture);
}

/* 20 computers in 5 arrays of 4, published by one proxy: every array's
 * box spans its members, nothing overlaps, and the view scrolls. */
static void
test_layout_arrays (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(CwaPlan) plan = cwa_plan_new ();
  CwaDeployment *deployment = cwa_plan_get_deployment (plan);
  g_autoptr(CwaReverseProxy) proxy = cwa_reverse_proxy_new ("isa01.perimeter.contoso.com");
  GtkAdjustment *adjustment;

  for (guint a = 0; a < 5; a++)
    {
      g_autofree gchar *host = g_strdup_printf ("im%u.contoso.com", a);
      g_autofree gchar *url = g_strdup_printf ("https://%s", host);
      g_autoptr(CwaLoadBalancer) lb = cwa_load_balancer_new (host);
      g_autoptr(CwaPublishingRule) rule = cwa_publishing_rule_new (url, host);

      cwa_load_balancer_set_ssl_offload (lb, a % 2 == 0);
      for (guint s = 0; s < 4; s++)
        {
          g_autofree gchar *fqdn = g_strdup_printf ("cwa%u%u.contoso.com", a, s);
          g_autoptr(CwaServer) server = cwa_server_new (fqdn);
          g_autoptr(CwaVirtualServer) vs = cwa_virtual_server_new (url, CWA_AUDIENCE_EXTERNAL);

          cwa_server_add_virtual_server (server, vs);
          cwa_deployment_add_server (deployment, server);
          cwa_load_balancer_add_member (lb, fqdn);
        }
      cwa_deployment_add_load_balancer (deployment, lb);
      cwa_reverse_proxy_add_publishing_rule (proxy, rule);
    }
  cwa_deployment_add_reverse_proxy (deployment, proxy);
  cwa_window_set_plan (fixture->window, plan);
  assert_layout (fixture);
  maybe_screenshots (fixture, "topology-arrays");
  cwa_topology_view_set_zoom (fixture->view, 0.5);
  assert_layout (fixture);
  maybe_screenshots (fixture, "topology-arrays-zoomed");
  cwa_topology_view_set_zoom (fixture->view, 1.0);

  for (guint a = 0; a < 5; a++)
    {
      g_autoptr(CwaLoadBalancer) lb = g_list_model_get_item (cwa_deployment_get_load_balancers (deployment), a);
      graphene_rect_t lb_bounds = bounds_of (fixture, cwa_topology_view_find_widget (fixture->view, lb));
      graphene_rect_t first = bounds_of (fixture, cwa_topology_view_find_widget (fixture->view, nth_server (plan, a * 4)));
      graphene_rect_t last = bounds_of (fixture, cwa_topology_view_find_widget (fixture->view, nth_server (plan, a * 4 + 3)));

      g_assert_cmpfloat_with_epsilon (lb_bounds.origin.x, first.origin.x, 0.5);
      g_assert_cmpfloat_with_epsilon (lb_bounds.origin.x + lb_bounds.size.width, last.origin.x + last.size.width, 0.5);
      g_assert_cmpfloat (lb_bounds.origin.y + lb_bounds.size.height, <=, first.origin.y);
    }
  g_assert_cmpuint (cwa_topology_canvas_get_n_links (CWA_TOPOLOGY_CANVAS (cwa_topology_view_get_canvas (fixture->view))), ==, 5);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (
                                                     cwa_topology_view_get_canvas (fixture->view), GTK_TYPE_SCROLLED_WINDOW)));
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >, gtk_adjustment_get_page_size (adjustment));
}

/* Six publishing rules, three to each of two arrays' hosts: every label
 * has its own place, none over another. */
static void
test_link_labels (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(CwaPlan) plan = cwa_plan_new ();
  CwaDeployment *deployment = cwa_plan_get_deployment (plan);
  g_autoptr(CwaReverseProxy) proxy = cwa_reverse_proxy_new ("isa01.perimeter.contoso.com");
  CwaTopologyLinks *links;
  g_autoptr(GArray) rects = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));

  for (guint s = 0; s < 2; s++)
    {
      g_autofree gchar *fqdn = g_strdup_printf ("cwa%u.contoso.com", s);
      g_autofree gchar *url = g_strdup_printf ("https://im%u.contoso.com", s);
      g_autoptr(CwaServer) server = cwa_server_new (fqdn);
      g_autoptr(CwaVirtualServer) vs = cwa_virtual_server_new (url, CWA_AUDIENCE_EXTERNAL);

      cwa_server_add_virtual_server (server, vs);
      cwa_deployment_add_server (deployment, server);
    }
  for (guint r = 0; r < 6; r++)
    {
      g_autofree gchar *published = g_strdup_printf ("https://im%u.contoso.com", r % 2);
      g_autofree gchar *internal = g_strdup_printf ("im%u.contoso.com", r % 2);
      g_autofree gchar *label = g_strdup_printf ("internal-%u.im.contoso.com", r);
      g_autoptr(CwaPublishingRule) rule = cwa_publishing_rule_new (published, internal);

      cwa_publishing_rule_set_internal_host (rule, label);
      cwa_reverse_proxy_add_publishing_rule (proxy, rule);
    }
  cwa_deployment_add_reverse_proxy (deployment, proxy);
  cwa_window_set_plan (fixture->window, plan);
  settle (fixture);
  maybe_screenshots (fixture, "topology-labels");

  links = cwa_topology_canvas_get_links (CWA_TOPOLOGY_CANVAS (cwa_topology_view_get_canvas (fixture->view)));
  g_assert_cmpuint (cwa_topology_links_get_n (links), ==, 6);
  for (guint i = 0; i < 6; i++)
    {
      graphene_rect_t rect;

      g_assert_true (cwa_topology_links_get (links, i, NULL, NULL, NULL, NULL, &rect));
      g_assert_cmpfloat (rect.size.width, >, 20);
      g_assert_cmpfloat (rect.size.height, >, 5);
      g_array_append_val (rects, rect);
    }
  for (guint i = 0; i < rects->len; i++)
    for (guint j = i + 1; j < rects->len; j++)
      g_assert_false (graphene_rect_intersection (&g_array_index (rects, graphene_rect_t, i),
                                                  &g_array_index (rects, graphene_rect_t, j), NULL));
  assert_lines_seen (fixture);
}

/* Gives the window a plan of three computers under two load balancers
 * over one pool (an internal and an external array): the first,
 * im.contoso.com, over all three; the second, imext.contoso.com, over the
 * last two.  Returns the plan (borrowed: the window holds it). */
static CwaPlan *
set_two_balancers (Fixture *fixture)
{
  g_autoptr(CwaPlan) plan = cwa_plan_new ();
  CwaDeployment *deployment = cwa_plan_get_deployment (plan);
  g_autoptr(CwaLoadBalancer) internal = cwa_load_balancer_new ("im.contoso.com");
  g_autoptr(CwaLoadBalancer) external = cwa_load_balancer_new ("imext.contoso.com");

  for (guint s = 0; s < 3; s++)
    {
      g_autofree gchar *fqdn = g_strdup_printf ("cwa0%u.contoso.com", s + 1);
      g_autoptr(CwaServer) server = cwa_server_new (fqdn);
      g_autoptr(CwaVirtualServer) inside = cwa_virtual_server_new ("https://im.contoso.com", CWA_AUDIENCE_INTERNAL);

      cwa_server_add_virtual_server (server, inside);
      if (s > 0)
        {
          g_autoptr(CwaVirtualServer) outside = cwa_virtual_server_new ("https://imext.contoso.com",
                                                                         CWA_AUDIENCE_EXTERNAL);

          cwa_server_add_virtual_server (server, outside);
          cwa_load_balancer_add_member (external, fqdn);
        }
      cwa_load_balancer_add_member (internal, fqdn);
      cwa_deployment_add_server (deployment, server);
    }
  cwa_deployment_add_load_balancer (deployment, internal);
  cwa_deployment_add_load_balancer (deployment, external);
  cwa_window_set_plan (fixture->window, plan);
  return plan_of (fixture);
}

static CwaLoadBalancer *
nth_load_balancer (CwaPlan *plan,
                   guint    n)
{
  g_autoptr(CwaLoadBalancer) lb = g_list_model_get_item (cwa_deployment_get_load_balancers (cwa_plan_get_deployment (plan)), n);

  return lb;
}

/* Two load balancers over one pool: each computer is drawn once, with
 * both over it; the second, over two of the three, stacks below the first
 * and spans exactly its members. */
static void
test_two_balancers (Fixture       *fixture,
                    gconstpointer  data)
{
  CwaPlan *plan = set_two_balancers (fixture);
  CwaLoadBalancer *internal = nth_load_balancer (plan, 0);
  CwaLoadBalancer *external = nth_load_balancer (plan, 1);
  graphene_rect_t boxes[3];
  graphene_rect_t a;
  graphene_rect_t b;

  assert_layout (fixture);
  maybe_screenshots (fixture, "topology-two-balancers");

  for (guint s = 0; s < 3; s++)
    boxes[s] = bounds_of (fixture, cwa_topology_view_find_widget (fixture->view, nth_server (plan, s)));
  a = bounds_of (fixture, cwa_topology_view_find_widget (fixture->view, internal));
  b = bounds_of (fixture, cwa_topology_view_find_widget (fixture->view, external));
  /* Each spans exactly its members. */
  g_assert_cmpfloat_with_epsilon (a.origin.x, boxes[0].origin.x, 0.5);
  g_assert_cmpfloat_with_epsilon (a.origin.x + a.size.width, boxes[2].origin.x + boxes[2].size.width, 0.5);
  g_assert_cmpfloat_with_epsilon (b.origin.x, boxes[1].origin.x, 0.5);
  g_assert_cmpfloat_with_epsilon (b.origin.x + b.size.width, boxes[2].origin.x + boxes[2].size.width, 0.5);
  /* Stacked: the first, the second, then the computers. */
  g_assert_cmpfloat (a.origin.y + a.size.height, <=, b.origin.y);
  for (guint s = 0; s < 3; s++)
    {
      g_assert_cmpfloat (b.origin.y + b.size.height, <=, boxes[s].origin.y);
      assert_apart (&boxes[s], &a);
      assert_apart (&boxes[s], &b);
    }
}

/* "a, b, c": @lb's members in order. */
static gchar *
members_of (CwaLoadBalancer *lb)
{
  return g_strjoinv (", ", (gchar **) cwa_load_balancer_get_members (lb));
}

static void
assert_members (CwaLoadBalancer *lb,
                const gchar     *expected)
{
  g_autofree gchar *members = members_of (lb);

  g_assert_cmpstr (members, ==, expected);
}

/* Drops computer @server on the view outside every load balancer. */
static gboolean
drop_outside (Fixture   *fixture,
              CwaServer *server)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, CWA_TYPE_SERVER);
  g_value_set_object (&value, server);
  return emit_drop (cwa_topology_view_get_canvas (fixture->view), &value);
}

/* The drag source of @widget, asked for what it drags from (@x, @y);
 * NULL when it drags nothing from there. */
static GdkContentProvider *
prepare_drag (GtkWidget *widget,
              gdouble    x,
              gdouble    y)
{
  GtkEventController *source = controller_of (widget, GTK_TYPE_DRAG_SOURCE, G_TYPE_INVALID);
  GdkContentProvider *content = NULL;

  g_signal_emit_by_name (source, "prepare", x, y, &content);
  return content;
}

/* A computer in two load balancers, dragged out of the view, leaves the
 * one it was dragged out of: by its own box, the one drawn right above it;
 * from a load balancer's box, that one.  Undo restores exactly it. */
static void
test_two_balancers_leave (Fixture       *fixture,
                          gconstpointer  data)
{
  CwaPlan *plan = set_two_balancers (fixture);
  CwaLoadBalancer *internal = nth_load_balancer (plan, 0);
  CwaLoadBalancer *external = nth_load_balancer (plan, 1);
  CwaServer *third = nth_server (plan, 2);
  GtkWidget *box;
  GtkWidget *internal_box;
  graphene_rect_t member;
  graphene_rect_t over;
  g_autoptr(GdkContentProvider) content = NULL;
  g_auto(GValue) dragged = G_VALUE_INIT;

  settle (fixture);
  box = cwa_topology_view_find_widget (fixture->view, third);

  /* By its own box: the second (stacked right above it) loses it. */
  content = prepare_drag (cwa_topology_box_get_title (CWA_TOPOLOGY_BOX (box)), 5, 5);
  g_assert_nonnull (content);
  g_clear_object (&content);
  g_assert_true (drop_outside (fixture, third));
  assert_members (internal, "cwa01.contoso.com, cwa02.contoso.com, cwa03.contoso.com");
  assert_members (external, "cwa02.contoso.com");
  g_assert_true (cwa_topology_view_undo (fixture->view));
  assert_members (internal, "cwa01.contoso.com, cwa02.contoso.com, cwa03.contoso.com");
  assert_members (external, "cwa02.contoso.com, cwa03.contoso.com");
  settle (fixture);

  /* From the first's box, over the middle computer: the first loses it,
   * the second keeps it; the drag carries that computer. */
  internal_box = cwa_topology_view_find_widget (fixture->view, internal);
  member = bounds_of (fixture, cwa_topology_view_find_widget (fixture->view, nth_server (plan, 1)));
  over = bounds_of (fixture, internal_box);
  content = prepare_drag (internal_box, member.origin.x + member.size.width / 2 - over.origin.x, 5);
  g_assert_nonnull (content);
  g_value_init (&dragged, CWA_TYPE_SERVER);
  g_assert_true (gdk_content_provider_get_value (content, &dragged, NULL));
  g_assert_true (g_value_get_object (&dragged) == nth_server (plan, 1));
  g_assert_true (drop_outside (fixture, nth_server (plan, 1)));
  assert_members (internal, "cwa01.contoso.com, cwa03.contoso.com");
  assert_members (external, "cwa02.contoso.com, cwa03.contoso.com");
  settle (fixture);
  assert_layout (fixture);
  g_assert_true (cwa_topology_view_undo (fixture->view));
  assert_members (internal, "cwa01.contoso.com, cwa02.contoso.com, cwa03.contoso.com");
  assert_members (external, "cwa02.contoso.com, cwa03.contoso.com");
  settle (fixture);

  /* The second's box over the first computer, not its member: no drag. */
  over = bounds_of (fixture, cwa_topology_view_find_widget (fixture->view, external));
  member = bounds_of (fixture, cwa_topology_view_find_widget (fixture->view, nth_server (plan, 0)));
  g_assert_true (member.origin.x + member.size.width <= over.origin.x + 0.5);
  g_assert_null (prepare_drag (cwa_topology_view_find_widget (fixture->view, external),
                               member.origin.x + member.size.width / 2 - over.origin.x, 5));

  /* By its box, the first computer, under the first alone, leaves it. */
  g_clear_object (&content);
  content = prepare_drag (cwa_topology_box_get_title (CWA_TOPOLOGY_BOX (cwa_topology_view_find_widget (fixture->view, nth_server (plan, 0)))), 5, 5);
  g_assert_true (drop_outside (fixture, nth_server (plan, 0)));
  assert_members (internal, "cwa02.contoso.com, cwa03.contoso.com");
  assert_members (external, "cwa02.contoso.com, cwa03.contoso.com");
}

/* Runs what @keyval with @modifiers does from the focus in @widget: the
 * first shortcut of that key on a shortcut controller from @widget up, as
 * GTK runs a key press (local shortcuts, bubbling).  FALSE if none. */
static gboolean
press_key_in (GtkWidget       *widget,
              guint            keyval,
              GdkModifierType  modifiers)
{
  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    {
      GListModel *controllers = gtk_widget_observe_controllers (w);
      gboolean done = FALSE;

      for (guint i = 0; i < g_list_model_get_n_items (controllers) && !done; i++)
        {
          g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

          for (guint j = 0; GTK_IS_SHORTCUT_CONTROLLER (controller) && j < g_list_model_get_n_items (G_LIST_MODEL (controller)) && !done; j++)
            {
              g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
              GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

              if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
                  gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
                  gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers)
                done = gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, w,
                                                     gtk_shortcut_get_arguments (shortcut));
            }
        }
      g_object_unref (controllers);
      if (done)
        return TRUE;
    }
  return FALSE;
}

/* The labels of @model and its submenus and sections, depth first, as
 * "label" lines; submenu items under "label/". */
static void
collect_labels (GMenuModel  *model,
                const gchar *prefix,
                GString     *labels)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree gchar *label = NULL;
      g_autoptr(GMenuModel) submenu = g_menu_model_get_item_link (model, i, G_MENU_LINK_SUBMENU);
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        g_string_append_printf (labels, "%s%s\n", prefix, label);
      if (submenu != NULL)
        {
          g_autofree gchar *inner = g_strdup_printf ("%s%s/", prefix, label);

          collect_labels (submenu, inner, labels);
        }
      if (section != NULL)
        collect_labels (section, prefix, labels);
    }
}

/* Opens @subject's context menu on @widget from the keyboard (Menu, or
 * Shift+F10) and returns its items' labels, one a line. */
static gchar *
open_menu_by_key (Fixture   *fixture,
                  GtkWidget *widget,
                  guint      keyval,
                  gpointer   subject)
{
  GObject *editor = cwa_test_ui_child (fixture->window, CWA_TYPE_WINDOW, "editor");
  GtkWidget *item = gtk_widget_get_ancestor (widget, CWA_TYPE_TOPOLOGY_ITEM);
  GtkWidget *popover;
  GString *labels = g_string_new (NULL);

  g_assert_true (gtk_widget_grab_focus (widget));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (fixture->window)) == widget);
  g_assert_true (press_key_in (widget, keyval, keyval == GDK_KEY_F10 ? GDK_SHIFT_MASK : 0));
  popover = cwa_topology_item_get_menu (CWA_TOPOLOGY_ITEM (item));
  g_assert_nonnull (popover);
  settle (fixture);
  g_assert_true (gtk_widget_get_visible (popover));
  /* As a click: the editor shows what the menu is about. */
  g_assert_true (cwa_deployment_editor_get_selected (CWA_DEPLOYMENT_EDITOR (editor)) == subject);
  collect_labels (gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (popover)), "", labels);
  gtk_popover_popdown (GTK_POPOVER (popover));
  return g_string_free (labels, FALSE);
}

static void
assert_has_line (const gchar *text,
                 const gchar *line)
{
  g_autofree gchar *wanted = g_strdup_printf ("%s\n", line);

  if (strstr (text, wanted) == NULL)
    g_error ("no line “%s” in:\n%s", line, text);
}

/* The widget under @widget (or itself) with a right-click gesture: where
 * its context menu opens. */
static GtkGestureClick *
find_menu_click (GtkWidget *widget)
{
  GListModel *controllers = gtk_widget_observe_controllers (widget);
  GtkGestureClick *click = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && click == NULL; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller) &&
          gtk_gesture_single_get_button (GTK_GESTURE_SINGLE (controller)) == GDK_BUTTON_SECONDARY)
        click = GTK_GESTURE_CLICK (controller);
    }
  g_object_unref (controllers);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL && click == NULL;
       child = gtk_widget_get_next_sibling (child))
    click = find_menu_click (child);
  return click;
}

/* Listeners, load balancers and computers have a context menu too (right
 * click, Menu, Shift+F10) with what their forms do, each undoable; a
 * virtual server's moves it to another computer. */
static void
test_context_menus (Fixture       *fixture,
                    gconstpointer  data)
{
  CwaPlan *plan;
  CwaLoadBalancer *lb;
  CwaPublishingRule *rule;
  CwaServer *third;
  CwaVirtualServer *vs;
  GtkWidget *widget;
  GtkWidget *title;
  g_autofree gchar *labels = NULL;
  GListModel *rules;

  open_example (fixture, ARRAY_PLAN);
  plan = plan_of (fixture);
  lb = first_load_balancer (plan);
  rule = first_rule (plan);
  third = nth_server (plan, 2);

  /* A listener: its certificate, edit, remove; by Menu. */
  widget = cwa_topology_view_find_widget (fixture->view, rule);
  labels = open_menu_by_key (fixture, widget, GDK_KEY_Menu, rule);
  assert_has_line (labels, "Assign Certificate…");
  assert_has_line (labels, "Edit");
  assert_has_line (labels, "Remove Publishing Rule");
  rules = cwa_reverse_proxy_get_publishing_rules (cwa_publishing_rule_get_reverse_proxy (rule));
  g_assert_true (gtk_widget_activate_action (widget, "editor.delete", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (rules), ==, 0);
  g_assert_true (cwa_topology_view_undo (fixture->view));
  g_assert_cmpuint (g_list_model_get_n_items (rules), ==, 1);
  settle (fixture);
  g_clear_pointer (&labels, g_free);

  /* A load balancer: its members, by Shift+F10. */
  widget = cwa_topology_view_find_widget (fixture->view, lb);
  labels = open_menu_by_key (fixture, widget, GDK_KEY_F10, lb);
  assert_has_line (labels, "Remove Member…/cwa03.contoso.com");
  assert_has_line (labels, "Remove Load Balancer");
  g_assert_true (gtk_widget_activate_action (widget, "topology.remove-member", "(ss)",
                                             cwa_load_balancer_get_fqdn (lb), "cwa03.contoso.com"));
  g_assert_false (cwa_load_balancer_has_member (lb, "cwa03.contoso.com"));
  settle (fixture);
  g_clear_pointer (&labels, g_free);
  labels = open_menu_by_key (fixture, cwa_topology_view_find_widget (fixture->view, lb), GDK_KEY_Menu, lb);
  assert_has_line (labels, "Add Member…/cwa03.contoso.com");
  g_assert_true (cwa_topology_view_undo (fixture->view));
  g_assert_true (cwa_load_balancer_has_member (lb, "cwa03.contoso.com"));
  settle (fixture);
  g_clear_pointer (&labels, g_free);

  /* A computer, on its title: leaving its load balancer, by Menu. */
  title = cwa_topology_box_get_title (CWA_TOPOLOGY_BOX (cwa_topology_view_find_widget (fixture->view, third)));
  labels = open_menu_by_key (fixture, title, GDK_KEY_Menu, third);
  assert_has_line (labels, "Add Virtual Server");
  assert_has_line (labels, "Remove Computer");
  {
    g_autofree gchar *leave = g_strdup_printf ("Leave Load Balancer…/%s", cwa_load_balancer_get_fqdn (lb));

    assert_has_line (labels, leave);
  }
  g_assert_true (gtk_widget_activate_action (title, "topology.remove-member", "(ss)",
                                             cwa_load_balancer_get_fqdn (lb), "cwa03.contoso.com"));
  g_assert_false (cwa_load_balancer_has_member (lb, "cwa03.contoso.com"));
  g_assert_true (cwa_topology_view_undo (fixture->view));
  g_assert_true (cwa_load_balancer_has_member (lb, "cwa03.contoso.com"));
  settle (fixture);
  g_clear_pointer (&labels, g_free);

  /* A virtual server: moved to another computer, and back by undo. */
  vs = nth_virtual_server (plan, 0, 0);
  widget = cwa_topology_view_find_widget (fixture->view, vs);
  labels = open_menu_by_key (fixture, widget, GDK_KEY_Menu, vs);
  assert_has_line (labels, "Move to Computer…/cwa02.contoso.com");
  g_assert_null (strstr (labels, "Move to Computer…/cwa01.contoso.com"));
  g_assert_true (gtk_widget_activate_action (widget, "topology.move-to", "s", "cwa02.contoso.com"));
  g_assert_true (cwa_virtual_server_get_server (vs) == nth_server (plan, 1));
  g_assert_true (cwa_topology_view_undo (fixture->view));
  g_assert_true (cwa_virtual_server_get_server (vs) == nth_server (plan, 0));
  settle (fixture);

  /* A right click opens it too. */
  widget = cwa_topology_view_find_widget (fixture->view, lb);
  {
    GtkGestureClick *click = find_menu_click (widget);

    g_assert_nonnull (click);
    gtk_popover_popdown (GTK_POPOVER (cwa_topology_item_get_menu (CWA_TOPOLOGY_ITEM (widget))));
    settle (fixture);
    g_signal_emit_by_name (click, "pressed", 1, 20.0, 10.0);
    settle (fixture);
    g_assert_true (gtk_widget_get_visible (cwa_topology_item_get_menu (CWA_TOPOLOGY_ITEM (widget))));
    gtk_popover_popdown (GTK_POPOVER (cwa_topology_item_get_menu (CWA_TOPOLOGY_ITEM (widget))));
  }
  settle (fixture);
}

/* With a second reverse proxy, a virtual server's "Publish Through Reverse
 * Proxy…" is a submenu of both, and a reverse proxy's own menu (right
 * click on its title) adds a publishing rule on it; each undoable. */
static void
test_publish_menus (Fixture       *fixture,
                    gconstpointer  data)
{
  GObject *editor = cwa_test_ui_child (fixture->window, CWA_TYPE_WINDOW, "editor");
  CwaPlan *plan;
  CwaVirtualServer *vs;
  CwaPublishingRule *rule;
  CwaReverseProxy *second;
  GListModel *proxies;
  GtkWidget *widget;
  GtkWidget *popover;
  GtkGestureClick *click;
  g_autofree gchar *labels = NULL;
  GString *proxy_labels = g_string_new (NULL);

  open_example (fixture, ARRAY_PLAN);
  plan = plan_of (fixture);
  rule = first_rule (plan);
  proxies = cwa_deployment_get_reverse_proxies (cwa_plan_get_deployment (plan));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add-reverse-proxy", NULL));
  settle (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (proxies), ==, 2);
  second = cwa_deployment_find_reverse_proxy (cwa_plan_get_deployment (plan), "proxy1.contoso.com");
  g_assert_nonnull (second);

  /* A virtual server: the choice of both proxies, by FQDN. */
  vs = nth_virtual_server (plan, 0, 0);
  widget = cwa_topology_view_find_widget (fixture->view, vs);
  labels = open_menu_by_key (fixture, widget, GDK_KEY_Menu, vs);
  assert_has_line (labels, "Pu_blish Through Reverse Proxy…/isa01.perimeter.contoso.com");
  assert_has_line (labels, "Pu_blish Through Reverse Proxy…/proxy1.contoso.com");
  g_assert_true (gtk_widget_activate_action (widget, "editor.publish-on", "s", cwa_reverse_proxy_get_fqdn (second)));
  settle (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (cwa_reverse_proxy_get_publishing_rules (second)), ==, 1);
  g_assert_true (cwa_deployment_editor_get_selected (CWA_DEPLOYMENT_EDITOR (editor)) ==
                 cwa_reverse_proxy_find_publishing_rule (second, "im.contoso.com"));
  g_assert_cmpuint (g_list_model_get_n_items (cwa_reverse_proxy_get_publishing_rules (cwa_publishing_rule_get_reverse_proxy (rule))), ==, 1);
  g_assert_true (cwa_topology_view_undo (fixture->view));
  g_assert_cmpuint (g_list_model_get_n_items (cwa_reverse_proxy_get_publishing_rules (second)), ==, 0);
  settle (fixture);

  /* A reverse proxy, by a right click on its title: edit, add a rule,
   * remove; no certificate of its own. */
  widget = cwa_topology_view_find_widget (fixture->view, second);
  g_assert_nonnull (widget);
  click = find_menu_click (widget);
  g_assert_nonnull (click);
  g_signal_emit_by_name (click, "pressed", 1, 10.0, 10.0);
  settle (fixture);
  popover = cwa_topology_item_get_menu (CWA_TOPOLOGY_ITEM (widget));
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (popover));
  g_assert_true (cwa_deployment_editor_get_selected (CWA_DEPLOYMENT_EDITOR (editor)) == (gpointer) second);
  collect_labels (gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (popover)), "", proxy_labels);
  assert_has_line (proxy_labels->str, "Edit");
  assert_has_line (proxy_labels->str, "_Add Publishing Rule");
  assert_has_line (proxy_labels->str, "Remove Reverse Proxy");
  g_assert_null (strstr (proxy_labels->str, "Assign Certificate…"));
  g_string_free (proxy_labels, TRUE);
  gtk_popover_popdown (GTK_POPOVER (popover));
  g_assert_true (cwa_test_ui_action_enabled (widget, "editor.add-publishing-rule"));
  g_assert_true (gtk_widget_activate_action (widget, "editor.add-publishing-rule", NULL));
  settle (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (cwa_reverse_proxy_get_publishing_rules (second)), ==, 1);
  g_assert_nonnull (cwa_topology_view_find_widget (fixture->view, cwa_reverse_proxy_find_publishing_rule (second, "im.contoso.com")));
  g_assert_true (cwa_topology_view_undo (fixture->view));
  g_assert_cmpuint (g_list_model_get_n_items (cwa_reverse_proxy_get_publishing_rules (second)), ==, 0);
  settle (fixture);

  /* A listener offers it too, here with nothing left to publish: the one
   * external host is published by its proxy already. */
  g_clear_pointer (&labels, g_free);
  widget = cwa_topology_view_find_widget (fixture->view, rule);
  labels = open_menu_by_key (fixture, widget, GDK_KEY_Menu, rule);
  assert_has_line (labels, "_Add Publishing Rule");
  g_assert_false (cwa_test_ui_action_enabled (widget, "editor.add-publishing-rule"));
  settle (fixture);
}

/* A reverse proxy's title is a focus stop of its own, right before its
 * listeners: Shift+F10 there opens the proxy's menu, Return edits it. */
static void
test_proxy_keyboard (Fixture       *fixture,
                     gconstpointer  data)
{
  GObject *editor = cwa_test_ui_child (fixture->window, CWA_TYPE_WINDOW, "editor");
  CwaPublishingRule *rule;
  CwaReverseProxy *proxy;
  GtkWidget *title;
  GtkWidget *listener;
  g_autofree gchar *labels = NULL;

  open_example (fixture, ARRAY_PLAN);
  rule = first_rule (plan_of (fixture));
  proxy = cwa_publishing_rule_get_reverse_proxy (rule);
  title = cwa_topology_proxy_get_title (CWA_TOPOLOGY_PROXY (cwa_topology_view_find_widget (fixture->view, proxy)));
  listener = cwa_topology_view_find_widget (fixture->view, rule);
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (title)), ==, GTK_ACCESSIBLE_ROLE_GROUP);

  labels = open_menu_by_key (fixture, title, GDK_KEY_F10, proxy);
  assert_has_line (labels, "Edit");
  assert_has_line (labels, "_Add Publishing Rule");
  assert_has_line (labels, "Remove Reverse Proxy");
  settle (fixture);

  /* Tab from the title goes to the proxy's first listener. */
  g_assert_true (gtk_widget_grab_focus (title));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (fixture->window), GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (fixture->window)) == listener);

  /* Return on the listener edits the rule, on the title the proxy. */
  g_assert_true (press_key_in (listener, GDK_KEY_Return, 0));
  g_assert_true (cwa_deployment_editor_get_selected (CWA_DEPLOYMENT_EDITOR (editor)) == (gpointer) rule);
  g_assert_true (gtk_widget_grab_focus (title));
  g_assert_true (press_key_in (title, GDK_KEY_Return, 0));
  g_assert_true (cwa_deployment_editor_get_selected (CWA_DEPLOYMENT_EDITOR (editor)) == (gpointer) proxy);

  /* As after Tab: the focus ring shows. */
  gtk_window_set_focus_visible (GTK_WINDOW (fixture->window), TRUE);
  settle (fixture);
  g_assert_true (gtk_widget_has_visible_focus (title));
  maybe_screenshots (fixture, "topology-proxy-focus");
}

/* A computer's title is a focus stop before its cards, named as a group
 * (a generic element may carry no name): Return or Space there edits the
 * computer, as a click on it does, and on a card still the card. */
static void
test_box_keyboard (Fixture       *fixture,
                   gconstpointer  data)
{
  GObject *editor = cwa_test_ui_child (fixture->window, CWA_TYPE_WINDOW, "editor");
  CwaVirtualServer *vs;
  CwaServer *server;
  GtkWidget *box;
  GtkWidget *title;
  GtkWidget *card;

  open_example (fixture, ARRAY_PLAN);
  vs = nth_virtual_server (plan_of (fixture), 0, 0);
  server = cwa_virtual_server_get_server (vs);
  box = cwa_topology_view_find_widget (fixture->view, server);
  title = cwa_topology_box_get_title (CWA_TOPOLOGY_BOX (box));
  card = cwa_topology_box_find_card (CWA_TOPOLOGY_BOX (box), vs);
  g_assert_nonnull (card);
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (title)), ==, GTK_ACCESSIBLE_ROLE_GROUP);
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (title), GTK_ACCESSIBLE_PROPERTY_LABEL));

  /* Return on the card edits the virtual server, on the title the computer. */
  g_assert_true (gtk_widget_grab_focus (card));
  g_assert_true (press_key_in (card, GDK_KEY_Return, 0));
  g_assert_true (cwa_deployment_editor_get_selected (CWA_DEPLOYMENT_EDITOR (editor)) == (gpointer) vs);
  g_assert_true (gtk_widget_grab_focus (title));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (fixture->window)) == title);
  g_assert_true (press_key_in (title, GDK_KEY_Return, 0));
  g_assert_true (cwa_deployment_editor_get_selected (CWA_DEPLOYMENT_EDITOR (editor)) == (gpointer) server);
  settle (fixture);

  /* Space too, after the focus went elsewhere and back. */
  g_assert_true (gtk_widget_grab_focus (card));
  g_assert_true (press_key_in (card, GDK_KEY_space, 0));
  g_assert_true (cwa_deployment_editor_get_selected (CWA_DEPLOYMENT_EDITOR (editor)) == (gpointer) vs);
  g_assert_true (gtk_widget_grab_focus (title));
  g_assert_true (press_key_in (title, GDK_KEY_space, 0));
  g_assert_true (cwa_deployment_editor_get_selected (CWA_DEPLOYMENT_EDITOR (editor)) == (gpointer) server);
  settle (fixture);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree gchar *data_home = g_dir_make_tmp ("cwa-test-topology-data-XXXXXX", NULL);
  int status;

  if (!cwa_test_ui_init (&argc, &argv, data_home))
    return g_test_run ();

#define ADD(path, func) \
  g_test_add ("/cwa/ui/topology/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("layout/examples", test_layout_examples);
  ADD ("layout/live", test_layout_live);
  ADD ("layout/large", test_layout_large);
  ADD ("drop/certificate", test_drop_certificate);
  ADD ("drop/files", test_drop_files);
  ADD ("hint", test_hint);
  ADD ("move", test_move);
  ADD ("context-menu", test_context_menu);
  ADD ("context-menus", test_context_menus);
  ADD ("undo/window", test_undo_window);
  ADD ("export-picture", test_export_picture);
  ADD ("bands", test_bands);
  ADD ("bands/drop", test_drop_edge);
  ADD ("bands/hint", test_hint_edge);
  ADD ("bands/hint-note", test_hint_note);
  ADD ("bands/membership", test_membership);
  ADD ("bands/keyboard", test_keyboard_edge);
  ADD ("layout/arrays", test_layout_arrays);
  ADD ("layout/labels", test_link_labels);
  ADD ("layout/two-balancers", test_two_balancers);
  ADD ("bands/two-balancers-leave", test_two_balancers_leave);
  ADD ("context-menus/publish", test_publish_menus);
  ADD ("context-menus/proxy-keyboard", test_proxy_keyboard);
  ADD ("context-menus/box-keyboard", test_box_keyboard);
#undef ADD

  status = g_test_run ();
  g_rmdir (data_home);
  return status;
}

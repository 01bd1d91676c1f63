/* test-topology-picture.c: the deployment picture as PNG and SVG, read back. */
#include "config.h"

#include <cairo.h>
#include <libxml/parser.h>
#include <string.h>

#include <glib/gstdio.h>

#include "cwa-plan-file.h"
#include "cwa-report.h"
#include "cwa-test-cert.h"
#include "cwa-test-plan.h"
#include "cwa-topology-picture.h"

typedef struct
{
  CwaPlan      *plan;
  CwaChecklist *checklist;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  const gchar *name = data;
  g_autofree gchar *path = cwa_test_example_path (name);

  fixture->plan = cwa_test_load_plan (path);
  fixture->checklist = cwa_test_checklist_new (fixture->plan);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_assert_finalize_object (fixture->checklist);
  g_assert_finalize_object (fixture->plan);
}

typedef struct
{
  const guint8 *data;
  gsize         left;
} Reader;

static cairo_status_t
read_cb (void          *closure,
         unsigned char *data,
         unsigned int   length)
{
  Reader *reader = closure;

  if (length > reader->left)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, reader->data, length);
  reader->data += length;
  reader->left -= length;
  return CAIRO_STATUS_SUCCESS;
}

/* The PNG reads back with the picture's size (at scale 2), and is not
 * blank: the status colours of the mistakes are in it. */
static void
test_png (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = cwa_topology_picture_to_png (fixture->plan, fixture->checklist, 2.0, &error);
  Reader reader;
  cairo_surface_t *surface;
  double width;
  double height;
  guint n_reddish = 0;
  const guint8 *pixels;
  int stride;

  g_assert_no_error (error);
  g_assert_nonnull (png);
  cwa_topology_picture_get_size (fixture->plan, fixture->checklist, &width, &height);
  g_assert_cmpfloat (width, >, 300);
  g_assert_cmpfloat (height, >, 150);

  reader.data = g_bytes_get_data (png, &reader.left);
  surface = cairo_image_surface_create_from_png_stream (read_cb, &reader);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, (int) (width * 2 + 0.5));
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, (int) (height * 2 + 0.5));

  pixels = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      {
        guint32 pixel = *(const guint32 *) (pixels + y * stride + x * 4);
        guint r = (pixel >> 16) & 0xff;
        guint g = (pixel >> 8) & 0xff;
        guint b = pixel & 0xff;

        if (r > 150 && g < 60 && b < 70)
          n_reddish++;
      }
  if (g_str_equal (data, "mistakes.cwaplan"))
    g_assert_cmpuint (n_reddish, >, 100);
  else
    g_assert_cmpuint (n_reddish, ==, 0);
  cairo_surface_destroy (surface);
}

/* The SVG is well-formed XML whose text names the computer and the
 * certificates (cairo keeps the glyphs, so the text is checked through the
 * written file's size and the XML root instead). */
static void
test_svg (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) svg = cwa_topology_picture_to_svg (fixture->plan, fixture->checklist, &error);
  xmlDocPtr doc;
  xmlNodePtr root;

  g_assert_no_error (error);
  g_assert_nonnull (svg);
  doc = xmlReadMemory (g_bytes_get_data (svg, NULL), (int) g_bytes_get_size (svg), "topology.svg", NULL,
                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  g_assert_nonnull (doc);
  root = xmlDocGetRootElement (doc);
  g_assert_nonnull (root);
  g_assert_cmpstr ((const gchar *) root->name, ==, "svg");
  xmlFreeDoc (doc);
}

/* In HTML the picture is inline SVG that refers to nothing outside the
 * page; the PDF report gains a page for it. */
static void
test_reports (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree gchar *inline_svg = cwa_topology_picture_dup_inline_svg (fixture->plan, fixture->checklist,
                                                                      "Topology <of> it", &error);
  g_autoptr(GDateTime) now = cwa_test_now ();
  g_autoptr(CwaReport) report = cwa_report_new (fixture->plan, fixture->checklist, "mistakes.cwaplan", now);
  g_autoptr(GBytes) html = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree gchar *text = NULL;

  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (inline_svg, "<svg class=\"topology\" role=\"img\" aria-label=\"Topology &lt;of&gt; it\""));
  g_assert_null (strstr (inline_svg, "http"));
  g_assert_null (strstr (inline_svg, "url("));
  g_assert_null (strstr (inline_svg, "<?xml"));

  html = cwa_report_write_bytes (report, cwa_report_format_lookup ("html"), &error);
  g_assert_no_error (error);
  text = g_strndup (g_bytes_get_data (html, NULL), g_bytes_get_size (html));
  g_assert_nonnull (strstr (text, "<section id=\"topology\">"));
  g_assert_nonnull (strstr (text, "<svg class=\"topology\""));
  g_assert_null (strstr (text, "http://"));

  pdf = cwa_report_write_bytes (report, cwa_report_format_lookup ("pdf"), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (pdf), >, 1000);
}

/* The picture's pixel at (@x, @y) of @surface (scale 1), as 0xRRGGBB. */
static guint32
pixel_at (cairo_surface_t *surface,
          double           x,
          double           y)
{
  const guint8 *pixels = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  g_assert_cmpfloat (x, >=, 0);
  g_assert_cmpfloat (y, >=, 0);
  g_assert_cmpfloat (x, <, cairo_image_surface_get_width (surface));
  g_assert_cmpfloat (y, <, cairo_image_surface_get_height (surface));
  return *(const guint32 *) (pixels + (int) y * stride + (int) x * 4) & 0xffffff;
}

/* The colour of the publishing rules' lines (0.21, 0.52, 0.89), give or
 * take antialiasing and the paper below. */
static gboolean
is_line_colour (guint32 pixel)
{
  guint r = (pixel >> 16) & 0xff;
  guint g = (pixel >> 8) & 0xff;
  guint b = pixel & 0xff;

  return b > 170 && r < 140 && g < 190 && b > r + 60;
}

/* Whether a pixel of the line's colour lies on the straight run from
 * (@x0, @y0) to (@x1, @y1), across or down. */
static gboolean
line_on (cairo_surface_t *surface,
         double           x0,
         double           y0,
         double           x1,
         double           y1)
{
  double steps = MAX (x1 - x0, y1 - y0);

  for (double i = 0; i <= steps; i++)
    if (is_line_colour (pixel_at (surface, x1 > x0 ? x0 + i : x0, y1 > y0 ? y0 + i : y0)))
      return TRUE;
  return FALSE;
}

/* With CWA_SCREENSHOT_DIR set, @surface as @name there, to look at. */
static void
maybe_save (cairo_surface_t *surface,
            const gchar     *name)
{
  g_autofree gchar *path = NULL;

  if (g_getenv ("CWA_SCREENSHOT_DIR") == NULL)
    return;
  path = g_build_filename (g_getenv ("CWA_SCREENSHOT_DIR"), name, NULL);
  cairo_surface_write_to_png (surface, path);
}

static cairo_surface_t *
render (CwaPlan      *plan,
        CwaChecklist *checklist)
{
  double width;
  double height;
  cairo_surface_t *surface;
  cairo_t *cr;

  cwa_topology_picture_get_size (plan, checklist, &width, &height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) (width + 0.5), (int) (height + 0.5));
  cr = cairo_create (surface);
  cwa_topology_picture_draw (cr, plan, checklist);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* An array behind an SSL-offloading load balancer, published by a reverse
 * proxy: the proxy above the load balancer above its members, the load
 * balancer's box spanning exactly them, nothing overlapping. */
static void
test_bands (Fixture       *fixture,
            gconstpointer  data)
{
  CwaDeployment *deployment = cwa_plan_get_deployment (fixture->plan);
  g_autoptr(CwaLoadBalancer) lb = g_list_model_get_item (cwa_deployment_get_load_balancers (deployment), 0);
  g_autoptr(GPtrArray) rules = cwa_deployment_dup_publishing_rules (deployment);
  GListModel *servers = cwa_deployment_get_servers (deployment);
  double lb_box[4];
  double listener[4];
  double previous_right = -1;
  double left = G_MAXDOUBLE;
  double right = 0;
  double width;
  double height;

  g_assert_true (cwa_topology_picture_locate (fixture->plan, fixture->checklist, lb, lb_box));
  g_assert_true (cwa_topology_picture_locate (fixture->plan, fixture->checklist, g_ptr_array_index (rules, 0), listener));
  g_assert_cmpfloat (listener[1] + listener[3], <, lb_box[1]);
  g_assert_cmpuint (g_list_model_get_n_items (servers), ==, 3);
  for (guint i = 0; i < g_list_model_get_n_items (servers); i++)
    {
      g_autoptr(CwaServer) server = g_list_model_get_item (servers, i);
      double box[4];

      g_assert_true (cwa_topology_picture_locate (fixture->plan, fixture->checklist, server, box));
      g_assert_cmpfloat (box[1], >, lb_box[1] + lb_box[3]);
      g_assert_cmpfloat (box[0], >, previous_right);
      previous_right = box[0] + box[2];
      left = MIN (left, box[0]);
      right = MAX (right, box[0] + box[2]);
    }
  g_assert_cmpfloat_with_epsilon (lb_box[0], left, 0.01);
  g_assert_cmpfloat_with_epsilon (lb_box[0] + lb_box[2], right, 0.01);
  cwa_topology_picture_get_size (fixture->plan, fixture->checklist, &width, &height);
  g_assert_cmpfloat (right, <=, width);
  g_assert_false (cwa_topology_picture_locate (fixture->plan, fixture->checklist, fixture->plan, lb_box));
  {
    cairo_surface_t *surface = render (fixture->plan, fixture->checklist);

    maybe_save (surface, "topology-picture-array.png");
    cairo_surface_destroy (surface);
  }
}

/* write_file picks the format by extension and replaces the file. */
static void
test_write_file (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree gchar *dir = g_dir_make_tmp ("cwa-test-picture-XXXXXX", NULL);
  g_autofree gchar *png_path = g_build_filename (dir, "topology.png", NULL);
  g_autofree gchar *svg_path = g_build_filename (dir, "topology.SVG", NULL);
  g_autofree gchar *bad_path = g_build_filename (dir, "missing", "topology.png", NULL);
  g_autoptr(GFile) png = g_file_new_for_path (png_path);
  g_autoptr(GFile) svg = g_file_new_for_path (svg_path);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr(GError) error = NULL;
  g_autofree gchar *contents = NULL;
  gsize length;

  g_assert_true (cwa_topology_picture_write_file (fixture->plan, fixture->checklist, png, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (png_path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8);
  g_assert_cmpmem (contents, 8, "\x89PNG\r\n\x1a\n", 8);
  g_clear_pointer (&contents, g_free);

  g_assert_true (cwa_topology_picture_write_file (fixture->plan, fixture->checklist, svg, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (svg_path, &contents, &length, NULL));
  g_assert_nonnull (strstr (contents, "<svg"));

  /* A folder that does not exist: an error naming the file, no crash. */
  g_assert_false (cwa_topology_picture_write_file (fixture->plan, fixture->checklist, bad, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "topology.png"));

  /* With CWA_SCREENSHOT_DIR set, a copy to look at. */
  if (g_getenv ("CWA_SCREENSHOT_DIR") != NULL)
    {
      g_autofree gchar *look_path = g_build_filename (g_getenv ("CWA_SCREENSHOT_DIR"), "topology-picture.png", NULL);
      g_autoptr(GFile) look = g_file_new_for_path (look_path);

      g_assert_true (cwa_topology_picture_write_file (fixture->plan, fixture->checklist, look, NULL));
    }

  g_remove (png_path);
  g_remove (svg_path);
  g_rmdir (dir);
}

/* @n computers cwaNN.contoso.com, each with a virtual server of its own
 * (https://imNN.contoso.com) in no array, and a reverse proxy publishing
 * the one of computer @published. */
static CwaPlan *
plan_with_lone_servers (guint n,
                        guint published)
{
  CwaPlan *plan = cwa_plan_new ();
  CwaDeployment *deployment = cwa_plan_get_deployment (plan);
  g_autoptr(CwaReverseProxy) proxy = cwa_reverse_proxy_new ("isa01.perimeter.contoso.com");
  g_autofree gchar *published_host = g_strdup_printf ("im%02u.contoso.com", published);
  g_autofree gchar *published_url = g_strdup_printf ("https://%s", published_host);
  g_autoptr(CwaPublishingRule) rule = cwa_publishing_rule_new (published_url, published_host);

  for (guint s = 0; s < n; s++)
    {
      g_autofree gchar *fqdn = g_strdup_printf ("cwa%02u.contoso.com", s);
      g_autofree gchar *url = g_strdup_printf ("https://im%02u.contoso.com", s);
      g_autoptr(CwaServer) server = cwa_server_new (fqdn);
      g_autoptr(CwaVirtualServer) vs = cwa_virtual_server_new (url, CWA_AUDIENCE_EXTERNAL);

      cwa_server_add_virtual_server (server, vs);
      cwa_deployment_add_server (deployment, server);
    }
  cwa_reverse_proxy_add_publishing_rule (proxy, rule);
  cwa_deployment_add_reverse_proxy (deployment, proxy);
  return plan;
}

/* A line to a virtual server in no array ends as in the window: down the
 * gap beside its computer and into the card's side with an arrow head,
 * not on the card's top over the computer's box. */
static void
test_line_to_card (void)
{
  g_autoptr(CwaPlan) plan = plan_with_lone_servers (2, 0);
  g_autoptr(CwaChecklist) checklist = cwa_test_checklist_new (plan);
  g_autoptr(CwaServer) server = g_list_model_get_item (cwa_deployment_get_servers (cwa_plan_get_deployment (plan)), 0);
  g_autoptr(CwaVirtualServer) vs = g_list_model_get_item (cwa_server_get_virtual_servers (server), 0);
  cairo_surface_t *surface = render (plan, checklist);
  double box[4];
  double card[4];
  double middle;

  maybe_save (surface, "topology-picture-line.png");

  g_assert_true (cwa_topology_picture_locate (plan, checklist, server, box));
  g_assert_true (cwa_topology_picture_locate (plan, checklist, vs, card));
  middle = card[1] + card[3] / 2;
  /* Down the gap right of the computer's box, to the card's middle... */
  g_assert_true (line_on (surface, box[0] + box[2] + 6, box[1], box[0] + box[2] + 6, middle - 2));
  /* ...across the box's edge into the card's side... */
  g_assert_true (line_on (surface, card[0] + card[2] + 1, middle, box[0] + box[2] - 1, middle));
  /* ...where the arrow head is wider than the line. */
  g_assert_true (is_line_colour (pixel_at (surface, card[0] + card[2] + 6, middle - 2)));
  g_assert_true (is_line_colour (pixel_at (surface, card[0] + card[2] + 6, middle + 2)));
  g_assert_false (is_line_colour (pixel_at (surface, card[0] + card[2] + 12, middle - 2)));
  /* Nothing comes down onto the card's top through the computer's title. */
  g_assert_false (line_on (surface, card[0], card[1] - 2, card[0] + card[2], card[1] - 2));
  g_assert_false (line_on (surface, box[0] + 1, box[1] + 2, box[0] + box[2] - 1, box[1] + 2));
  cairo_surface_destroy (surface);
}

/* With computers in two rows, a line to the lower row runs down the
 * channel at the left, as in the window, beside no box. */
static void
test_line_to_lower_row (void)
{
  g_autoptr(CwaPlan) plan = plan_with_lone_servers (5, 3);
  g_autoptr(CwaChecklist) checklist = cwa_test_checklist_new (plan);
  GListModel *servers = cwa_deployment_get_servers (cwa_plan_get_deployment (plan));
  g_autoptr(CwaServer) first = g_list_model_get_item (servers, 0);
  g_autoptr(CwaServer) last = g_list_model_get_item (servers, 3);
  cairo_surface_t *surface = render (plan, checklist);
  double top[4];
  double lower[4];

  maybe_save (surface, "topology-picture-rows.png");
  g_assert_true (cwa_topology_picture_locate (plan, checklist, first, top));
  g_assert_true (cwa_topology_picture_locate (plan, checklist, last, lower));
  g_assert_cmpfloat (lower[1], >, top[1] + top[3]);
  g_assert_cmpfloat (lower[0], ==, top[0]);
  /* The channel: left of the first column, all along the first row. */
  g_assert_true (line_on (surface, top[0] - 12, top[1] + top[3] / 2, top[0] - 1, top[1] + top[3] / 2));
  g_assert_true (line_on (surface, top[0] - 12, top[1] + 4, top[0] - 1, top[1] + 4));
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, name, func) \
  g_test_add ("/cwa/topology-picture/" path, Fixture, name, fixture_setup, func, fixture_teardown)
  ADD ("png/contoso", "contoso.cwaplan", test_png);
  ADD ("png/mistakes", "mistakes.cwaplan", test_png);
  ADD ("svg/contoso", "contoso.cwaplan", test_svg);
  ADD ("svg/mistakes", "mistakes.cwaplan", test_svg);
  ADD ("write-file", "mistakes.cwaplan", test_write_file);
  ADD ("reports", "mistakes.cwaplan", test_reports);
  ADD ("bands", "../../tests/data/topology-array.cwaplan", test_bands);
  ADD ("reports/bands", "../../tests/data/topology-array.cwaplan", test_reports);
#undef ADD
  g_test_add_func ("/cwa/topology-picture/lines/to-card", test_line_to_card);
  g_test_add_func ("/cwa/topology-picture/lines/to-lower-row", test_line_to_lower_row);

  return g_test_run ();
}

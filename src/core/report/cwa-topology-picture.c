/* cwa-topology-picture.c: the deployment drawn as a picture (computers, virtual servers, certificates, status) with cairo. */
#include "config.h"

#include <cairo-svg.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "cwa-report-private.h"
#include "cwa-topology-picture.h"

/* The same boxes and cards as the window's topology view, laid out in a
 * grid of at most COLUMNS computers per row. */
#define COLUMNS      3
#define MARGIN       24.0
#define GAP          18.0
#define BOX_WIDTH    320.0
#define BOX_PAD      12.0
#define CARD_PAD     9.0
#define LINE         18.0
#define SMALL_LINE   15.0
#define HEADER       48.0
#define FONT         "Sans"

typedef struct
{
  double r, g, b;
} Rgb;

static const Rgb ink = { 0.14, 0.14, 0.16 };
static const Rgb muted = { 0.40, 0.40, 0.43 };
static const Rgb paper = { 1.0, 1.0, 1.0 };
static const Rgb box_fill = { 0.965, 0.965, 0.97 };
static const Rgb accent = { 0.21, 0.52, 0.89 };
static const Rgb error_color = { 0.75, 0.11, 0.16 };
static const Rgb warning_color = { 0.80, 0.55, 0.0 };
static const Rgb ok_color = { 0.15, 0.64, 0.41 };
static const Rgb none_color = { 0.70, 0.70, 0.72 };

typedef enum
{
  STATUS_NONE,
  STATUS_OK,
  STATUS_WARNING,
  STATUS_ERROR,
} Status;

/* Worst finding about @subject, read from the checklist (no rule runs). */
static Status
status_of (CwaChecklist *checklist,
           gpointer      subject)
{
  GListModel *findings = cwa_checklist_get_findings (checklist);
  Status worst = STATUS_NONE;

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(CwaFinding) finding = g_list_model_get_item (findings, i);
      gboolean about = CWA_IS_SERVER (subject) ? cwa_finding_get_server (finding) == subject
                                               : cwa_finding_get_virtual_server (finding) == subject;
      Status status;

      if (!about)
        continue;
      if (!cwa_finding_is_failed (finding))
        status = STATUS_OK;
      else if (cwa_finding_get_level (finding) == CWA_LEVEL_ERROR)
        status = STATUS_ERROR;
      else if (cwa_finding_get_level (finding) == CWA_LEVEL_WARNING)
        status = STATUS_WARNING;
      else
        status = STATUS_OK;
      worst = MAX (worst, status);
    }
  return worst;
}

static const Rgb *
status_color (Status status)
{
  switch (status)
    {
    case STATUS_ERROR:
      return &error_color;
    case STATUS_WARNING:
      return &warning_color;
    case STATUS_OK:
      return &ok_color;
    case STATUS_NONE:
    default:
      return &none_color;
    }
}

/* The required names of @subject's role, when it has no certificate. */
static GStrv
dup_needed_names (CwaChecklist *checklist,
                  gpointer      subject)
{
  GListModel *requirements = cwa_checklist_get_requirements (checklist);

  for (guint i = 0; i < g_list_model_get_n_items (requirements); i++)
    {
      g_autoptr(CwaRequirement) entry = g_list_model_get_item (requirements, i);

      if (CWA_IS_VIRTUAL_SERVER (subject) && cwa_requirement_get_virtual_server (entry) == subject)
        return cwa_requirement_dup_all_names (entry);
      if (CWA_IS_SERVER (subject) && cwa_requirement_get_server (entry) == subject &&
          cwa_requirement_get_role (entry) != CWA_ROLE_SSL)
        {
          GStrv names = g_new0 (gchar *, 2);

          names[0] = g_strdup (cwa_requirement_get_subject (entry));
          return names;
        }
    }
  return NULL;
}

static double
card_height (CwaChecklist     *checklist,
             CwaVirtualServer *vs)
{
  double height = 2 * CARD_PAD + LINE + 2 * SMALL_LINE;

  if (cwa_virtual_server_get_ssl_certificate (vs) == NULL)
    {
      g_auto(GStrv) names = dup_needed_names (checklist, vs);

      if (names != NULL)
        height += SMALL_LINE * (1 + g_strv_length (names));
    }
  return height;
}

static double
title_height (CwaChecklist *checklist,
              CwaServer    *server)
{
  double height = LINE + 8 + SMALL_LINE;

  if (cwa_server_get_mtls_certificate (server) == NULL)
    {
      g_auto(GStrv) names = dup_needed_names (checklist, server);

      if (names != NULL)
        height += SMALL_LINE;
    }
  return height;
}

static double
box_height (CwaChecklist *checklist,
            CwaServer    *server)
{
  GListModel *vss = cwa_server_get_virtual_servers (server);
  double height = 2 * BOX_PAD + title_height (checklist, server);

  for (guint i = 0; i < g_list_model_get_n_items (vss); i++)
    {
      g_autoptr(CwaVirtualServer) vs = g_list_model_get_item (vss, i);

      height += 8 + card_height (checklist, vs);
    }
  return height;
}

/* Row heights of the grid; returns the number of rows. */
static guint
row_heights (CwaPlan      *plan,
             CwaChecklist *checklist,
             GArray       *heights)
{
  GListModel *servers = cwa_deployment_get_servers (cwa_plan_get_deployment (plan));
  guint n = g_list_model_get_n_items (servers);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CwaServer) server = g_list_model_get_item (servers, i);
      double height = box_height (checklist, server);

      if (i % COLUMNS == 0)
        g_array_append_val (heights, height);
      else
        g_array_index (heights, double, heights->len - 1) = MAX (g_array_index (heights, double, heights->len - 1), height);
    }
  return heights->len;
}

static const gchar *
plan_title (CwaPlan *plan)
{
  const gchar *name = cwa_plan_get_name (plan);

  return name != NULL && *name != '\0' ? name : "Untitled plan";
}

/* The title is not cut: a one-computer picture widens to fit it. */
static double
title_width (CwaPlan *plan)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *description = pango_font_description_from_string (FONT " Bold 15");
  int width;

  pango_layout_set_font_description (layout, description);
  pango_layout_set_text (layout, plan_title (plan), -1);
  pango_layout_get_pixel_size (layout, &width, NULL);
  pango_font_description_free (description);
  g_object_unref (layout);
  g_object_unref (context);
  return MIN (width + 8, 1200);
}

void
cwa_topology_picture_get_size (CwaPlan      *plan,
                               CwaChecklist *checklist,
                               double       *width,
                               double       *height)
{
  g_autoptr(GArray) heights = g_array_new (FALSE, FALSE, sizeof (double));
  guint n_servers;
  guint columns;
  double total = 2 * MARGIN + HEADER;

  g_return_if_fail (CWA_IS_PLAN (plan));
  g_return_if_fail (CWA_IS_CHECKLIST (checklist));

  n_servers = g_list_model_get_n_items (cwa_deployment_get_servers (cwa_plan_get_deployment (plan)));
  columns = CLAMP (n_servers, 1, COLUMNS);
  row_heights (plan, checklist, heights);
  for (guint i = 0; i < heights->len; i++)
    total += g_array_index (heights, double, i) + (i > 0 ? GAP : 0);

  if (width != NULL)
    *width = 2 * MARGIN + MAX (columns * BOX_WIDTH + (columns - 1) * GAP, title_width (plan));
  if (height != NULL)
    *height = total;
}

/* One line of text, ellipsized to @width. */
static void
show_text (cairo_t     *cr,
           const gchar *text,
           double       x,
           double       y,
           double       width,
           const gchar *font,
           const Rgb   *color)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *description = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, description);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_MIDDLE);
  pango_layout_set_text (layout, text, -1);
  cairo_set_source_rgb (cr, color->r, color->g, color->b);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  pango_font_description_free (description);
  g_object_unref (layout);
}

/* Text width, to place what follows it. */
static double
text_width (cairo_t     *cr,
            const gchar *text,
            const gchar *font)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *description = pango_font_description_from_string (font);
  int width;

  pango_layout_set_font_description (layout, description);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &width, NULL);
  pango_font_description_free (description);
  g_object_unref (layout);
  return width;
}

static void
rounded_rect (cairo_t *cr,
              double   x,
              double   y,
              double   w,
              double   h,
              double   r)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* A filled, outlined panel with a status stripe on its left edge. */
static void
panel (cairo_t   *cr,
       double     x,
       double     y,
       double     w,
       double     h,
       const Rgb *fill,
       Status     status)
{
  const Rgb *color = status_color (status);

  rounded_rect (cr, x, y, w, h, 8);
  cairo_set_source_rgb (cr, fill->r, fill->g, fill->b);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, 1.5);
  cairo_set_source_rgb (cr, color->r, color->g, color->b);
  cairo_stroke (cr);
  /* A bar rather than a clipped edge: no clip path, so the SVG has no
   * url() reference and embeds in the HTML report as it is. */
  rounded_rect (cr, x + 2, y + 6, 4, h - 12, 2);
  cairo_fill (cr);
}

/* A role or audience badge; returns its width. */
static double
badge (cairo_t     *cr,
       const gchar *text,
       double       x,
       double       y,
       const Rgb   *color)
{
  double w = text_width (cr, text, FONT " Bold 8") + 10;

  rounded_rect (cr, x, y + 1, w, SMALL_LINE - 2, (SMALL_LINE - 2) / 2);
  cairo_set_source_rgba (cr, color->r, color->g, color->b, 0.16);
  cairo_fill (cr);
  show_text (cr, text, x + 5, y + 1.5, w, FONT " Bold 8", color);
  return w;
}

static void
draw_card (cairo_t          *cr,
           CwaChecklist     *checklist,
           CwaVirtualServer *vs,
           double            x,
           double            y,
           double            w)
{
  CwaCertificate *certificate = cwa_virtual_server_get_ssl_certificate (vs);
  gboolean external = cwa_virtual_server_get_audience (vs) == CWA_AUDIENCE_EXTERNAL;
  const gchar *audience = external ? "External" : "Internal";
  g_autofree gchar *listen = cwa_virtual_server_dup_effective_listen (vs);
  g_autofree gchar *listen_text = g_strdup_printf ("Listens on %s", listen);
  double audience_width = text_width (cr, audience, FONT " Bold 8") + 10;
  double inner = w - 2 * CARD_PAD - 4;
  double tx = x + CARD_PAD + 4;
  double ty = y + CARD_PAD;
  double role_width;

  panel (cr, x, y, w, card_height (checklist, vs), &paper, status_of (checklist, vs));
  show_text (cr, cwa_virtual_server_get_host (vs), tx, ty, inner - audience_width - 6, FONT " Bold 10", &ink);
  badge (cr, audience, x + w - CARD_PAD - audience_width, ty + 1, external ? &warning_color : &ok_color);
  ty += LINE;
  show_text (cr, listen_text, tx, ty, inner, FONT " 8", &muted);
  ty += SMALL_LINE;
  role_width = badge (cr, "SSL", tx, ty, &accent);
  if (certificate != NULL)
    show_text (cr, cwa_certificate_get_display_name (certificate), tx + role_width + 6, ty, inner - role_width - 6,
               FONT " 9", &ink);
  else
    {
      g_auto(GStrv) names = dup_needed_names (checklist, vs);

      show_text (cr, cwa_virtual_server_is_https (vs) ? "No certificate" : "None needed (http)",
                 tx + role_width + 6, ty, inner - role_width - 6, FONT " Italic 9", &muted);
      if (names != NULL)
        {
          ty += SMALL_LINE;
          show_text (cr, "Needs:", tx, ty, inner, FONT " Bold 8", &muted);
          for (guint i = 0; names[i] != NULL; i++)
            {
              ty += SMALL_LINE;
              show_text (cr, names[i], tx + 8, ty, inner - 8, "Monospace 8", &ink);
            }
        }
    }
}

static void
draw_box (cairo_t      *cr,
          CwaChecklist *checklist,
          CwaServer    *server,
          double        x,
          double        y,
          double        height)
{
  CwaCertificate *certificate = cwa_server_get_mtls_certificate (server);
  GListModel *vss = cwa_server_get_virtual_servers (server);
  double inner = BOX_WIDTH - 2 * BOX_PAD - 4;
  double tx = x + BOX_PAD + 4;
  double ty = y + BOX_PAD;
  double role_width;

  panel (cr, x, y, BOX_WIDTH, height, &box_fill, status_of (checklist, server));
  show_text (cr, cwa_server_get_fqdn (server), tx, ty - 1, inner, FONT " Bold 12", &ink);
  ty += LINE + 4;
  role_width = badge (cr, "MTLS", tx, ty, &accent);
  if (certificate != NULL)
    show_text (cr, cwa_certificate_get_display_name (certificate), tx + role_width + 6, ty, inner - role_width - 6,
               FONT " 9", &ink);
  else
    {
      g_auto(GStrv) names = dup_needed_names (checklist, server);

      show_text (cr, "No certificate", tx + role_width + 6, ty, inner - role_width - 6, FONT " Italic 9", &muted);
      if (names != NULL)
        {
          g_autofree gchar *text = g_strdup_printf ("Needs: %s", names[0]);

          ty += SMALL_LINE;
          show_text (cr, text, tx, ty, inner, "Monospace 8", &ink);
        }
    }
  ty += SMALL_LINE + 4;

  for (guint i = 0; i < g_list_model_get_n_items (vss); i++)
    {
      g_autoptr(CwaVirtualServer) vs = g_list_model_get_item (vss, i);

      ty += 8;
      draw_card (cr, checklist, vs, tx, ty, inner);
      ty += card_height (checklist, vs);
    }
}

void
cwa_topology_picture_draw (cairo_t      *cr,
                           CwaPlan      *plan,
                           CwaChecklist *checklist)
{
  GListModel *servers;
  g_autoptr(GArray) heights = g_array_new (FALSE, FALSE, sizeof (double));
  double width;
  double height;
  double y = MARGIN + HEADER;
  g_autofree gchar *verdict = NULL;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (CWA_IS_PLAN (plan));
  g_return_if_fail (CWA_IS_CHECKLIST (checklist));

  cwa_topology_picture_get_size (plan, checklist, &width, &height);
  servers = cwa_deployment_get_servers (cwa_plan_get_deployment (plan));
  row_heights (plan, checklist, heights);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_set_source_rgb (cr, paper.r, paper.g, paper.b);
  cairo_fill (cr);

  show_text (cr, plan_title (plan), MARGIN, MARGIN - 4, width - 2 * MARGIN, FONT " Bold 15", &ink);
  verdict = _cwa_report_dup_verdict (checklist);
  show_text (cr, verdict, MARGIN, MARGIN + 20, width - 2 * MARGIN, FONT " 10",
             cwa_checklist_is_ready (checklist) ? &ok_color : &error_color);

  for (guint i = 0; i < g_list_model_get_n_items (servers); i++)
    {
      g_autoptr(CwaServer) server = g_list_model_get_item (servers, i);
      guint row = i / COLUMNS;
      guint column = i % COLUMNS;

      if (column == 0 && row > 0)
        y += g_array_index (heights, double, row - 1) + GAP;
      draw_box (cr, checklist, server, MARGIN + column * (BOX_WIDTH + GAP), y, box_height (checklist, server));
    }
  cairo_restore (cr);
}

static cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
check_status (cairo_status_t   status,
              GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               "The topology picture could not be drawn: %s.", cairo_status_to_string (status));
  return FALSE;
}

GBytes *
cwa_topology_picture_to_png (CwaPlan       *plan,
                             CwaChecklist  *checklist,
                             double         scale,
                             GError       **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_t *cr;
  double width;
  double height;
  cairo_status_t status;

  g_return_val_if_fail (CWA_IS_PLAN (plan), NULL);
  g_return_val_if_fail (CWA_IS_CHECKLIST (checklist), NULL);
  g_return_val_if_fail (scale > 0, NULL);

  cwa_topology_picture_get_size (plan, checklist, &width, &height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) (width * scale + 0.5), (int) (height * scale + 0.5));
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  cwa_topology_picture_draw (cr, plan, checklist);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png_stream (surface, append_cb, bytes);
  cairo_surface_destroy (surface);
  if (!check_status (status, error))
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

GBytes *
cwa_topology_picture_to_svg (CwaPlan       *plan,
                             CwaChecklist  *checklist,
                             GError       **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_t *cr;
  double width;
  double height;
  cairo_status_t status;

  g_return_val_if_fail (CWA_IS_PLAN (plan), NULL);
  g_return_val_if_fail (CWA_IS_CHECKLIST (checklist), NULL);

  cwa_topology_picture_get_size (plan, checklist, &width, &height);
  surface = cairo_svg_surface_create_for_stream (append_cb, bytes, width, height);
  cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
  cr = cairo_create (surface);
  cwa_topology_picture_draw (cr, plan, checklist);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (!check_status (status, error))
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

gchar *
cwa_topology_picture_dup_inline_svg (CwaPlan      *plan,
                                     CwaChecklist *checklist,
                                     const gchar  *label,
                                     GError      **error)
{
  static const gchar * const namespaces[] = {
    " xmlns=\"http://www.w3.org/2000/svg\"",
    " xmlns:xlink=\"http://www.w3.org/1999/xlink\"",
  };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GString) svg = NULL;
  g_autofree gchar *escaped = NULL;
  gsize size;
  const gchar *data;
  const gchar *start;

  g_return_val_if_fail (CWA_IS_PLAN (plan), NULL);
  g_return_val_if_fail (CWA_IS_CHECKLIST (checklist), NULL);
  g_return_val_if_fail (label != NULL, NULL);

  bytes = cwa_topology_picture_to_svg (plan, checklist, error);
  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &size);
  svg = g_string_new_len (data, (gssize) size);
  start = strstr (svg->str, "<svg");
  if (start == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "The topology picture could not be drawn as SVG.");
      return NULL;
    }
  g_string_erase (svg, 0, start - svg->str);
  for (guint i = 0; i < G_N_ELEMENTS (namespaces); i++)
    g_string_replace (svg, namespaces[i], "", 1);
  escaped = g_markup_escape_text (label, -1);
  g_string_insert (svg, strlen ("<svg"), " class=\"topology\" role=\"img\" aria-label=\"\"");
  g_string_insert (svg, strlen ("<svg class=\"topology\" role=\"img\" aria-label=\""), escaped);
  return g_string_free (g_steal_pointer (&svg), FALSE);
}

gboolean
cwa_topology_picture_write_file (CwaPlan       *plan,
                                 CwaChecklist  *checklist,
                                 GFile         *file,
                                 GError       **error)
{
  g_autofree gchar *name = NULL;
  g_autofree gchar *lower = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean svg;

  g_return_val_if_fail (CWA_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (CWA_IS_CHECKLIST (checklist), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  name = g_file_get_basename (file);
  lower = name != NULL ? g_ascii_strdown (name, -1) : NULL;
  svg = lower != NULL && g_str_has_suffix (lower, ".svg");
  bytes = svg ? cwa_topology_picture_to_svg (plan, checklist, error)
              : cwa_topology_picture_to_png (plan, checklist, 2.0, error);
  if (bytes == NULL)
    return FALSE;
  if (!g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL, FALSE,
                                G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, &local_error))
    {
      g_autofree gchar *path = g_file_get_parse_name (file);

      g_set_error (error, local_error->domain, local_error->code,
                   "The picture could not be written to “%s”: %s. Choose a folder you can write to.",
                   path, local_error->message);
      return FALSE;
    }
  return TRUE;
}

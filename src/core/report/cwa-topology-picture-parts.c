/* cwa-topology-picture-parts.c: the drawing pieces the topology picture's layout places: panels, text, badges, boxes and cards. */
#include "config.h"

#include <pango/pangocairo.h>

#include "cwa-topology-bands.h"
#include "cwa-topology-picture-private.h"

/* The same boxes and cards as the window's topology view. */
#define BOX_PAD      12.0
#define CARD_PAD     9.0
#define LINE         18.0
#define SMALL_LINE   15.0
#define CARD_GAP     8.0
#define FONT         PICTURE_FONT

typedef CwaPictureRgb Rgb;

const Rgb cwa_picture_ink = { 0.14, 0.14, 0.16 };
const Rgb cwa_picture_muted = { 0.40, 0.40, 0.43 };
const Rgb cwa_picture_paper = { 1.0, 1.0, 1.0 };
const Rgb cwa_picture_accent = { 0.21, 0.52, 0.89 };
const Rgb cwa_picture_error = { 0.75, 0.11, 0.16 };
const Rgb cwa_picture_ok = { 0.15, 0.64, 0.41 };
static const Rgb box_fill = { 0.965, 0.965, 0.97 };
static const Rgb edge_fill = { 0.95, 0.96, 0.985 };
static const Rgb warning_color = { 0.80, 0.55, 0.0 };
static const Rgb none_color = { 0.70, 0.70, 0.72 };

#define ink       cwa_picture_ink
#define muted     cwa_picture_muted
#define paper     cwa_picture_paper
#define accent    cwa_picture_accent
#define ok_color  cwa_picture_ok

typedef enum
{
  STATUS_NONE,
  STATUS_OK,
  STATUS_WARNING,
  STATUS_ERROR,
} Status;

static gboolean
finding_is_about (CwaFinding *finding,
                  gpointer    subject)
{
  if (CWA_IS_SERVER (subject))
    return cwa_finding_get_server (finding) == subject && cwa_finding_get_virtual_server (finding) == NULL;
  if (CWA_IS_VIRTUAL_SERVER (subject))
    return cwa_finding_get_virtual_server (finding) == subject;
  if (CWA_IS_LOAD_BALANCER (subject))
    return cwa_finding_get_load_balancer (finding) == subject;
  if (CWA_IS_PUBLISHING_RULE (subject))
    return cwa_finding_get_publishing_rule (finding) == subject;
  return FALSE;
}

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
      Status status;

      if (!finding_is_about (finding, subject))
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
      return &cwa_picture_error;
    case STATUS_WARNING:
      return &warning_color;
    case STATUS_OK:
      return &ok_color;
    case STATUS_NONE:
    default:
      return &none_color;
    }
}

/* The required names of @subject's role; NULL when it has none. */
static GStrv
dup_needed_names (CwaChecklist *checklist,
                  gpointer      subject)
{
  CwaRequirement *entry = cwa_topology_find_requirement (cwa_checklist_get_requirements (checklist), subject);
  GStrv names;

  if (entry == NULL)
    return NULL;
  if (!CWA_IS_SERVER (subject))
    return cwa_requirement_dup_all_names (entry);
  names = g_new0 (gchar *, 2);
  names[0] = g_strdup (cwa_requirement_get_subject (entry));
  return names;
}

void
_cwa_picture_note (GHashTable *where,
                   gpointer    subject,
                   double      x,
                   double      y,
                   double      width,
                   double      height)
{
  CwaPictureRect *rect;

  if (where == NULL)
    return;
  rect = g_new (CwaPictureRect, 1);
  *rect = (CwaPictureRect) { x, y, width, height };
  g_hash_table_insert (where, subject, rect);
}

/* One line of text, ellipsized to @width. */
void
_cwa_picture_show_text (cairo_t     *cr,
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

#define show_text _cwa_picture_show_text

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

/* Height of a certificate row: the row, and without a certificate the
 * names it needs (@one_line: "Needs: subject" on one line). */
static double
certificate_rows_height (CwaChecklist   *checklist,
                         gpointer        subject,
                         CwaCertificate *certificate,
                         gboolean        one_line)
{
  g_auto(GStrv) names = NULL;

  if (certificate != NULL)
    return SMALL_LINE;
  names = dup_needed_names (checklist, subject);
  if (names == NULL)
    return SMALL_LINE;
  return SMALL_LINE * (one_line ? 2 : 2 + g_strv_length (names));
}

/* A role badge and the certificate's name, or what the role needs. */
static void
draw_certificate_rows (cairo_t        *cr,
                       CwaChecklist   *checklist,
                       gpointer        subject,
                       const gchar    *role,
                       CwaCertificate *certificate,
                       const gchar    *none_text,
                       gboolean        one_line,
                       double          x,
                       double          y,
                       double          width)
{
  double role_width = badge (cr, role, x, y, &accent);
  g_auto(GStrv) names = NULL;

  if (certificate != NULL)
    {
      show_text (cr, cwa_certificate_get_display_name (certificate), x + role_width + 6, y,
                 width - role_width - 6, FONT " 9", &ink);
      return;
    }
  show_text (cr, none_text, x + role_width + 6, y, width - role_width - 6, FONT " Italic 9", &muted);
  names = dup_needed_names (checklist, subject);
  if (names == NULL)
    return;
  y += SMALL_LINE;
  if (one_line)
    {
      g_autofree gchar *text = g_strdup_printf ("Needs: %s", names[0]);

      show_text (cr, text, x, y, width, "Monospace 8", &ink);
      return;
    }
  show_text (cr, "Needs:", x, y, width, FONT " Bold 8", &muted);
  for (guint i = 0; names[i] != NULL; i++)
    {
      y += SMALL_LINE;
      show_text (cr, names[i], x + 8, y, width - 8, "Monospace 8", &ink);
    }
}

/* Virtual servers and listeners: a card of three lines and a certificate. */

static double
card_height (CwaChecklist   *checklist,
             gpointer        subject,
             CwaCertificate *certificate)
{
  return 2 * CARD_PAD + LINE + SMALL_LINE + certificate_rows_height (checklist, subject, certificate, FALSE);
}

static double
virtual_server_height (CwaChecklist     *checklist,
                       CwaVirtualServer *vs)
{
  return card_height (checklist, vs, cwa_virtual_server_get_ssl_certificate (vs));
}

/* The head of a card: bold title, a badge at the right, a muted line. */
static double
draw_card_head (cairo_t     *cr,
                const gchar *title,
                const gchar *badge_text,
                const Rgb   *badge_color,
                const gchar *second_line,
                double       x,
                double       y,
                double       w)
{
  double badge_width = text_width (cr, badge_text, FONT " Bold 8") + 10;
  double inner = w - 2 * CARD_PAD - 4;
  double tx = x + CARD_PAD + 4;

  show_text (cr, title, tx, y, inner - badge_width - 6, FONT " Bold 10", &ink);
  badge (cr, badge_text, x + w - CARD_PAD - badge_width, y + 1, badge_color);
  y += LINE;
  show_text (cr, second_line, tx, y, inner, FONT " 8", &muted);
  return y + SMALL_LINE;
}

static void
draw_virtual_server (cairo_t          *cr,
                     CwaChecklist     *checklist,
                     CwaVirtualServer *vs,
                     double            x,
                     double            y,
                     double            w,
                     GHashTable       *where)
{
  gboolean external = cwa_virtual_server_get_audience (vs) == CWA_AUDIENCE_EXTERNAL;
  g_autofree gchar *listen = cwa_virtual_server_dup_effective_listen (vs);
  g_autofree gchar *listen_text = g_strdup_printf ("Listens on %s", listen);
  double height = virtual_server_height (checklist, vs);
  double ty;

  panel (cr, x, y, w, height, &paper, status_of (checklist, vs));
  _cwa_picture_note (where, vs, x, y, w, height);
  ty = draw_card_head (cr, cwa_virtual_server_get_host (vs), external ? "External" : "Internal",
                       external ? &warning_color : &ok_color, listen_text, x, y + CARD_PAD, w);
  draw_certificate_rows (cr, checklist, vs, "SSL", cwa_virtual_server_get_ssl_certificate (vs),
                         cwa_virtual_server_is_https (vs) ? "No certificate" : "None needed (http)", FALSE,
                         x + CARD_PAD + 4, ty, w - 2 * CARD_PAD - 4);
}

static double
listener_height (CwaChecklist      *checklist,
                 CwaPublishingRule *rule)
{
  return card_height (checklist, rule, cwa_publishing_rule_get_listener_certificate (rule));
}

static void
draw_listener (cairo_t           *cr,
               CwaChecklist      *checklist,
               CwaPublishingRule *rule,
               double             x,
               double             y,
               double             w,
               GHashTable        *where)
{
  g_autofree gchar *listen = cwa_publishing_rule_dup_effective_listen (rule);
  g_autofree gchar *second = g_strdup_printf ("Listens on %s, publishes %s", listen,
                                              cwa_publishing_rule_get_virtual_server (rule));
  double height = listener_height (checklist, rule);
  double ty;

  panel (cr, x, y, w, height, &paper, status_of (checklist, rule));
  _cwa_picture_note (where, rule, x, y, w, height);
  ty = draw_card_head (cr, cwa_publishing_rule_get_published_host (rule), "Listener", &accent, second,
                       x, y + CARD_PAD, w);
  draw_certificate_rows (cr, checklist, rule, "SSL", cwa_publishing_rule_get_listener_certificate (rule),
                         cwa_publishing_rule_is_https (rule) ? "No certificate" : "None needed (http)", FALSE,
                         x + CARD_PAD + 4, ty, w - 2 * CARD_PAD - 4);
}

/* Computers: FQDN and MTLS certificate above the virtual servers' cards. */

static double
computer_title_height (CwaChecklist *checklist,
                       CwaServer    *server)
{
  return LINE + 4 + certificate_rows_height (checklist, server, cwa_server_get_mtls_certificate (server), TRUE) + 4;
}

double
_cwa_picture_computer_height (CwaChecklist *checklist,
                              CwaServer    *server)
{
  GListModel *vss = cwa_server_get_virtual_servers (server);
  double height = 2 * BOX_PAD + computer_title_height (checklist, server);

  for (guint i = 0; i < g_list_model_get_n_items (vss); i++)
    {
      g_autoptr(CwaVirtualServer) vs = g_list_model_get_item (vss, i);

      height += CARD_GAP + virtual_server_height (checklist, vs);
    }
  return height;
}

void
_cwa_picture_draw_computer (cairo_t      *cr,
                            CwaChecklist *checklist,
                            CwaServer    *server,
                            double        x,
                            double        y,
                            double        height,
                            GHashTable   *where)
{
  GListModel *vss = cwa_server_get_virtual_servers (server);
  double inner = PICTURE_BOX_WIDTH - 2 * BOX_PAD - 4;
  double tx = x + BOX_PAD + 4;
  double ty = y + BOX_PAD;

  panel (cr, x, y, PICTURE_BOX_WIDTH, height, &box_fill, status_of (checklist, server));
  _cwa_picture_note (where, server, x, y, PICTURE_BOX_WIDTH, height);
  show_text (cr, cwa_server_get_fqdn (server), tx, ty - 1, inner, FONT " Bold 12", &ink);
  ty += LINE + 4;
  draw_certificate_rows (cr, checklist, server, "MTLS", cwa_server_get_mtls_certificate (server),
                         "No certificate", TRUE, tx, ty, inner);
  ty = y + BOX_PAD + computer_title_height (checklist, server);

  for (guint i = 0; i < g_list_model_get_n_items (vss); i++)
    {
      g_autoptr(CwaVirtualServer) vs = g_list_model_get_item (vss, i);

      ty += CARD_GAP;
      draw_virtual_server (cr, checklist, vs, tx, ty, inner, where);
      ty += virtual_server_height (checklist, vs);
    }
}

/* Load balancers: FQDN, virtual IP and how TLS is handled; the SSL
 * certificate when it offloads. */

double
_cwa_picture_balancer_height (CwaChecklist    *checklist,
                              CwaLoadBalancer *lb)
{
  double height = 2 * BOX_PAD + LINE + 4 + SMALL_LINE;

  if (cwa_load_balancer_get_ssl_offload (lb))
    height += 4 + certificate_rows_height (checklist, lb, cwa_load_balancer_get_ssl_certificate (lb), FALSE);
  return height;
}

void
_cwa_picture_draw_balancer (cairo_t         *cr,
                            CwaChecklist    *checklist,
                            CwaLoadBalancer *lb,
                            double           x,
                            double           y,
                            double           width,
                            double           height,
                            GHashTable      *where)
{
  gboolean offload = cwa_load_balancer_get_ssl_offload (lb);
  const gchar *vip = cwa_load_balancer_get_vip (lb);
  g_autofree gchar *second = NULL;
  double inner = width - 2 * BOX_PAD - 4;
  double tx = x + BOX_PAD + 4;
  double ty = y + BOX_PAD;
  const gchar *mode = offload ? "Offloads SSL" : "Passes TLS through";
  double mode_width = text_width (cr, mode, FONT " Bold 8") + 10;

  panel (cr, x, y, width, height, &box_fill, status_of (checklist, lb));
  _cwa_picture_note (where, lb, x, y, width, height);
  show_text (cr, cwa_load_balancer_get_fqdn (lb), tx, ty - 1, inner - mode_width - 6, FONT " Bold 12", &ink);
  badge (cr, mode, x + width - BOX_PAD - mode_width, ty + 1, offload ? &accent : &muted);
  ty += LINE + 4;
  second = vip != NULL ? g_strdup_printf ("Load balancer, virtual IP %s", vip) : g_strdup ("Load balancer");
  show_text (cr, second, tx, ty, inner, FONT " 8", &muted);
  if (!offload)
    return;
  ty += SMALL_LINE + 4;
  draw_certificate_rows (cr, checklist, lb, "SSL", cwa_load_balancer_get_ssl_certificate (lb),
                         "No certificate", FALSE, tx, ty, inner);
}

/* Reverse proxies: FQDN and product above one listener card per rule. */

double
_cwa_picture_proxy_height (CwaChecklist    *checklist,
                           CwaReverseProxy *proxy)
{
  GListModel *rules = cwa_reverse_proxy_get_publishing_rules (proxy);
  double height = 2 * BOX_PAD + LINE + 4 + SMALL_LINE;

  for (guint i = 0; i < g_list_model_get_n_items (rules); i++)
    {
      g_autoptr(CwaPublishingRule) rule = g_list_model_get_item (rules, i);

      height += CARD_GAP + listener_height (checklist, rule);
    }
  return height;
}

void
_cwa_picture_draw_proxy (cairo_t         *cr,
                         CwaChecklist    *checklist,
                         CwaReverseProxy *proxy,
                         double           x,
                         double           y,
                         double           height,
                         GHashTable      *where)
{
  GListModel *rules = cwa_reverse_proxy_get_publishing_rules (proxy);
  const gchar *product = cwa_reverse_proxy_get_product (proxy);
  g_autofree gchar *second = NULL;
  double inner = PICTURE_BOX_WIDTH - 2 * BOX_PAD - 4;
  double tx = x + BOX_PAD + 4;
  double ty = y + BOX_PAD;

  panel (cr, x, y, PICTURE_BOX_WIDTH, height, &edge_fill, STATUS_NONE);
  show_text (cr, cwa_reverse_proxy_get_fqdn (proxy), tx, ty - 1, inner, FONT " Bold 12", &ink);
  ty += LINE + 4;
  second = product != NULL ? g_strdup_printf ("Reverse proxy, %s", product) : g_strdup ("Reverse proxy");
  show_text (cr, second, tx, ty, inner, FONT " 8", &muted);
  ty += SMALL_LINE;

  for (guint i = 0; i < g_list_model_get_n_items (rules); i++)
    {
      g_autoptr(CwaPublishingRule) rule = g_list_model_get_item (rules, i);

      ty += CARD_GAP;
      draw_listener (cr, checklist, rule, tx, ty, inner, where);
      ty += listener_height (checklist, rule);
    }
}

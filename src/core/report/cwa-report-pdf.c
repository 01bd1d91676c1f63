/* cwa-report-pdf.c: the report as an A4 PDF drawn with cairo and Pango: title block, verdict, wrapped tables, "Page N of M". */
#include "config.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "cwa-report-document.h"
#include "cwa-topology-picture.h"

/* A4 in points. */
#define PAGE_WIDTH    595.2756
#define PAGE_HEIGHT   841.8898
#define MARGIN        42.0
#define FOOTER_SPACE  26.0
#define CONTENT_WIDTH (PAGE_WIDTH - 2 * MARGIN)
#define CONTENT_BOTTOM (PAGE_HEIGHT - MARGIN - FOOTER_SPACE)
#define CELL_PAD_X    3.5
#define CELL_PAD_Y    2.5
/* A word (a rule id, a host name) wider than this may wrap inside itself
 * rather than widen its column further. */
#define MIN_WORD_WIDTH 150.0
#define MIN_HEADER_WIDTH 48.0
#define RECORD_LABEL_WIDTH 112.0

typedef struct
{
  double r, g, b;
} Rgb;

static const Rgb ink = { 0.11, 0.11, 0.11 };
static const Rgb muted = { 0.38, 0.38, 0.40 };
static const Rgb rule_color = { 0.77, 0.77, 0.79 };
static const Rgb header_fill = { 0.93, 0.945, 0.96 };
static const Rgb accent = { 0.23, 0.35, 0.50 };

typedef struct
{
  cairo_t              *cr;
  PangoContext         *context;
  /* The first pass only measures, to learn the number of pages; the second
   * draws the same layout with "Page N of M" known. */
  gboolean              draw;
  double                y;
  guint                 page;
  guint                 n_pages;
  const CwaReportDocument *document;
  const CwaReport      *report;
  const gchar          *checked;
  const gchar          *created;
  PangoFontDescription *body;
  PangoFontDescription *body_bold;
  PangoFontDescription *mono;
  PangoFontDescription *small;
  PangoFontDescription *title;
  PangoFontDescription *heading;
  PangoFontDescription *subheading;
  PangoFontDescription *verdict;
} Pdf;

static PangoLayout *
make_layout (Pdf                        *pdf,
             const gchar                *text,
             const PangoFontDescription *font,
             double                      width)
{
  PangoLayout *layout = pango_layout_new (pdf->context);
  PangoAttrList *attrs = pango_attr_list_new ();

  /* A hyphen added at a wrap would change a host name as read. */
  pango_attr_list_insert (attrs, pango_attr_insert_hyphens_new (FALSE));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_set_font_description (layout, font);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_text (layout, text, -1);

  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  return (double) h / PANGO_SCALE;
}

static double
layout_width (PangoLayout *layout)
{
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  return (double) w / PANGO_SCALE;
}

static void
set_color (Pdf       *pdf,
           const Rgb *color)
{
  cairo_set_source_rgb (pdf->cr, color->r, color->g, color->b);
}

static void
show_layout (Pdf         *pdf,
             PangoLayout *layout,
             double       x,
             double       y,
             const Rgb   *color)
{
  if (!pdf->draw)
    return;
  set_color (pdf, color);
  cairo_move_to (pdf->cr, x, y);
  pango_cairo_show_layout (pdf->cr, layout);
}

static void
fill_rect (Pdf       *pdf,
           double     x,
           double     y,
           double     w,
           double     h,
           const Rgb *color)
{
  if (!pdf->draw)
    return;
  set_color (pdf, color);
  cairo_rectangle (pdf->cr, x, y, w, h);
  cairo_fill (pdf->cr);
}

static void
stroke_rect (Pdf       *pdf,
             double     x,
             double     y,
             double     w,
             double     h,
             const Rgb *color)
{
  if (!pdf->draw)
    return;
  set_color (pdf, color);
  cairo_set_line_width (pdf->cr, 0.5);
  cairo_rectangle (pdf->cr, x, y, w, h);
  cairo_stroke (pdf->cr);
}

static void
draw_footer (Pdf *pdf)
{
  g_autofree gchar *number = NULL;
  g_autofree gchar *left = NULL;
  g_autoptr(PangoLayout) right_layout = NULL;
  g_autoptr(PangoLayout) left_layout = NULL;
  double y = PAGE_HEIGHT - MARGIN - 10;

  if (!pdf->draw)
    return;

  number = g_strdup_printf ("Page %u of %u", pdf->page, pdf->n_pages);
  right_layout = make_layout (pdf, number, pdf->small, 0);
  left = g_strdup_printf ("%s \xe2\x80\x94 checked %s", pdf->document->title, pdf->checked);
  left_layout = make_layout (pdf, left, pdf->small, 0);
  pango_layout_set_width (left_layout, (int) ((CONTENT_WIDTH - layout_width (right_layout) - 24) * PANGO_SCALE));
  pango_layout_set_ellipsize (left_layout, PANGO_ELLIPSIZE_END);
  /* One line whatever the plan's name holds. */
  pango_layout_set_single_paragraph_mode (left_layout, TRUE);

  set_color (pdf, &rule_color);
  cairo_set_line_width (pdf->cr, 0.5);
  cairo_move_to (pdf->cr, MARGIN, y - 4);
  cairo_line_to (pdf->cr, PAGE_WIDTH - MARGIN, y - 4);
  cairo_stroke (pdf->cr);
  show_layout (pdf, left_layout, MARGIN, y, &muted);
  show_layout (pdf, right_layout, PAGE_WIDTH - MARGIN - layout_width (right_layout), y, &muted);
}

static void
new_page (Pdf *pdf)
{
  if (pdf->draw)
    cairo_show_page (pdf->cr);
  pdf->page++;
  pdf->y = MARGIN;
  draw_footer (pdf);
}

/* Starts a new page unless @height still fits on this one; a block taller
 * than a whole page is drawn from the top of one and runs on. */
static void
ensure_space (Pdf    *pdf,
              double  height)
{
  if (pdf->y + height > CONTENT_BOTTOM && pdf->y > MARGIN)
    new_page (pdf);
}

static void
draw_paragraph (Pdf                        *pdf,
                const gchar                *text,
                const PangoFontDescription *font,
                const Rgb                  *color,
                double                      space_after)
{
  g_autoptr(PangoLayout) layout = make_layout (pdf, text, font, CONTENT_WIDTH);
  double h = layout_height (layout);

  ensure_space (pdf, h);
  show_layout (pdf, layout, MARGIN, pdf->y, color);
  pdf->y += h + space_after;
}

static const Rgb *
tone_fill (CwaReportTone tone)
{
  static const Rgb bad = { 0.99, 0.90, 0.90 };
  static const Rgb warn = { 1.0, 0.95, 0.82 };

  switch (tone)
    {
    case CWA_REPORT_TONE_BAD:
      return &bad;
    case CWA_REPORT_TONE_WARN:
      return &warn;
    case CWA_REPORT_TONE_GOOD:
    case CWA_REPORT_TONE_INFO:
    case CWA_REPORT_TONE_PLAIN:
    default:
      return NULL;
    }
}

static const Rgb *
tone_ink (CwaReportTone tone)
{
  static const Rgb good = { 0.09, 0.39, 0.18 };
  static const Rgb bad = { 0.55, 0.07, 0.07 };
  static const Rgb warn = { 0.43, 0.27, 0.0 };
  static const Rgb info = { 0.11, 0.31, 0.54 };

  switch (tone)
    {
    case CWA_REPORT_TONE_GOOD:
      return &good;
    case CWA_REPORT_TONE_BAD:
      return &bad;
    case CWA_REPORT_TONE_WARN:
      return &warn;
    case CWA_REPORT_TONE_INFO:
      return &info;
    case CWA_REPORT_TONE_PLAIN:
    default:
      return &ink;
    }
}

static const PangoFontDescription *
cell_font (Pdf                 *pdf,
           const CwaReportCell *cell)
{
  if (cell->tone == CWA_REPORT_TONE_BAD || cell->tone == CWA_REPORT_TONE_WARN)
    return pdf->body_bold;
  return cell->code ? pdf->mono : pdf->body;
}

/* One laid-out row: the cells' layouts at their column widths. */
typedef struct
{
  guint        n;
  PangoLayout *layouts[32];
  const Rgb   *fills[32];
  const Rgb   *inks[32];
  double       height;
} Row;

static void
row_clear (Row *row)
{
  for (guint i = 0; i < row->n; i++)
    g_clear_object (&row->layouts[i]);
  row->n = 0;
}

static void
row_add (Pdf                        *pdf,
         Row                        *row,
         const gchar                *text,
         const PangoFontDescription *font,
         double                      width,
         const Rgb                  *fill,
         const Rgb                  *color)
{
  PangoLayout *layout = make_layout (pdf, text, font, width - 2 * CELL_PAD_X);
  double h = layout_height (layout) + 2 * CELL_PAD_Y;

  g_assert (row->n < G_N_ELEMENTS (row->layouts));
  row->layouts[row->n] = layout;
  row->fills[row->n] = fill;
  row->inks[row->n] = color;
  row->n++;
  row->height = MAX (row->height, h);
}

static void
row_add_cell (Pdf                 *pdf,
              Row                 *row,
              const CwaReportCell *cell,
              double               width)
{
  g_autofree gchar *text = g_strjoinv ("\n", cell->lines);
  PangoLayout *layout;

  row_add (pdf, row, text, cell_font (pdf, cell), width, tone_fill (cell->tone), tone_ink (cell->tone));

  /* A rule id with its certificate under it: the id in the fixed-width
   * face, the added lines in the text face. */
  layout = row->layouts[row->n - 1];
  if (cell->code && cell->plain_from > 0 && cell->plain_from < g_strv_length (cell->lines))
    {
      PangoAttrList *attrs = pango_attr_list_copy (pango_layout_get_attributes (layout));
      PangoAttribute *plain = pango_attr_font_desc_new (pdf->body);
      guint start = 0;

      for (guint i = 0; i < cell->plain_from; i++)
        start += strlen (cell->lines[i]) + 1;
      plain->start_index = start;
      plain->end_index = G_MAXUINT;
      pango_attr_list_insert (attrs, plain);
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
      row->height = MAX (row->height, layout_height (layout) + 2 * CELL_PAD_Y);
    }
}

static void
row_draw (Pdf          *pdf,
          Row          *row,
          const double *widths)
{
  double x = MARGIN;

  for (guint i = 0; i < row->n; i++)
    {
      if (row->fills[i] != NULL)
        fill_rect (pdf, x, pdf->y, widths[i], row->height, row->fills[i]);
      stroke_rect (pdf, x, pdf->y, widths[i], row->height, &rule_color);
      show_layout (pdf, row->layouts[i], x + CELL_PAD_X, pdf->y + CELL_PAD_Y, row->inks[i]);
      x += widths[i];
    }
  pdf->y += row->height;
}

static void
header_row (Pdf                  *pdf,
            Row                  *row,
            const CwaReportTable *table,
            const double         *widths)
{
  for (guint c = 0; c < table->n_columns; c++)
    row_add (pdf, row, table->headers[c], pdf->body_bold, widths[c], &header_fill, &ink);
}

/* The widest line and the widest word of a text, unwrapped. */
static void
measure_text (Pdf                        *pdf,
              const gchar                *text,
              const PangoFontDescription *font,
              double                      word_cap,
              double                     *natural,
              double                     *minimum)
{
  g_autoptr(PangoLayout) layout = make_layout (pdf, text, font, 0);
  g_auto(GStrv) words = g_strsplit_set (text, " \n", -1);

  *natural = MAX (*natural, layout_width (layout) + 2 * CELL_PAD_X);
  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autoptr(PangoLayout) word = NULL;

      if (words[i][0] == '\0')
        continue;
      word = make_layout (pdf, words[i], font, 0);
      *minimum = MAX (*minimum, MIN (layout_width (word) + 2 * CELL_PAD_X, word_cap));
    }
}

/* A long header (a certificate's name above "covered") wraps before the
 * values of any column do: its widths go to @with_header, the values' to
 * @natural, the widest unbreakable word of either to @minimum. */
static void
measure_columns (Pdf                  *pdf,
                 const CwaReportTable *table,
                 double               *natural,
                 double               *minimum,
                 double               *with_header)
{
  guint n = table->n_columns;

  for (guint c = 0; c < n; c++)
    measure_text (pdf, table->headers[c], pdf->body_bold, MIN_HEADER_WIDTH, &with_header[c], &minimum[c]);
  for (guint r = 0; r < table->rows->len; r++)
    {
      GPtrArray *row = g_ptr_array_index (table->rows, r);

      for (guint c = 0; c < n && c < row->len; c++)
        {
          const CwaReportCell *cell = g_ptr_array_index (row, c);

          for (guint l = 0; cell->lines[l] != NULL; l++)
            measure_text (pdf, cell->lines[l], cell_font (pdf, cell), MIN_WORD_WIDTH,
                          &natural[c], &minimum[c]);
        }
    }
}

/* Too many long words for the page: the widest columns give way first,
 * down to a common width, so short columns keep their words whole.
 * Returns the new sum of @minimum. */
static double
shrink_minimum (double *minimum,
                guint   n)
{
  double low = 0;
  double high = MIN_WORD_WIDTH;
  double sum_minimum = 0;

  for (guint step = 0; step < 40; step++)
    {
      double middle = (low + high) / 2;
      double total = 0;

      for (guint c = 0; c < n; c++)
        total += MIN (minimum[c], middle);
      if (total > CONTENT_WIDTH)
        high = middle;
      else
        low = middle;
    }
  for (guint c = 0; c < n; c++)
    {
      minimum[c] = MIN (minimum[c], low);
      sum_minimum += minimum[c];
    }

  return sum_minimum;
}

/* The usual automatic table layout: every column gets its widest word,
 * the space left is shared in proportion to what each still wants, and
 * long names wrap instead of being cut. */
static void
column_widths (Pdf                  *pdf,
               const CwaReportTable *table,
               double               *widths)
{
  double natural[32] = { 0 };
  double minimum[32] = { 0 };
  double with_header[32] = { 0 };
  double sum_natural = 0;
  double sum_minimum = 0;
  double sum_header = 0;
  guint n = table->n_columns;

  measure_columns (pdf, table, natural, minimum, with_header);

  for (guint c = 0; c < n; c++)
    {
      natural[c] = MAX (natural[c], minimum[c]);
      with_header[c] = MAX (with_header[c], natural[c]);
      sum_minimum += minimum[c];
      sum_natural += natural[c];
      sum_header += with_header[c];
    }

  /* Everything fits on one line: spare room goes where it is. */
  if (sum_header <= CONTENT_WIDTH)
    {
      for (guint c = 0; c < n; c++)
        widths[c] = with_header[c] + (CONTENT_WIDTH - sum_header) * with_header[c] / sum_header;
      return;
    }

  /* The values fit: what is left goes to the headers that would wrap. */
  if (sum_natural <= CONTENT_WIDTH)
    {
      for (guint c = 0; c < n; c++)
        widths[c] = natural[c] + (with_header[c] - natural[c]) *
                    (CONTENT_WIDTH - sum_natural) / (sum_header - sum_natural);
      return;
    }

  if (sum_minimum > CONTENT_WIDTH)
    sum_minimum = shrink_minimum (minimum, n);

  /* Every column gets its widest word; the rest is shared in proportion
   * to what each still wants. */
  for (guint c = 0; c < n; c++)
    widths[c] = minimum[c] + (natural[c] - minimum[c]) *
                (CONTENT_WIDTH - sum_minimum) / MAX (sum_natural - sum_minimum, 1.0);
}

static void
draw_grid_table (Pdf                  *pdf,
                 const CwaReportTable *table,
                 double                title_height,
                 PangoLayout          *title)
{
  double widths[32];
  Row header = { 0 };

  column_widths (pdf, table, widths);
  header_row (pdf, &header, table, widths);

  for (guint r = 0; r < table->rows->len; r++)
    {
      GPtrArray *cells = g_ptr_array_index (table->rows, r);
      Row row = { 0 };
      gboolean page_start;

      for (guint c = 0; c < cells->len; c++)
        row_add_cell (pdf, &row, g_ptr_array_index (cells, c), widths[c]);

      /* The title and the header stay with the first row; a row that moves
       * to a new page takes the header along. */
      if (r == 0)
        {
          ensure_space (pdf, title_height + header.height + row.height);
          if (title != NULL)
            {
              show_layout (pdf, title, MARGIN, pdf->y, &ink);
              pdf->y += title_height;
            }
          row_draw (pdf, &header, widths);
        }
      else
        {
          page_start = pdf->y + row.height > CONTENT_BOTTOM;
          ensure_space (pdf, row.height);
          if (page_start)
            row_draw (pdf, &header, widths);
        }
      row_draw (pdf, &row, widths);
      row_clear (&row);
    }
  row_clear (&header);
  pdf->y += 10;
}

/* Certificates: too many wide fields for columns on A4, so each is a block
 * of label/value lines under its name. */
static void
draw_record_table (Pdf                  *pdf,
                   const CwaReportTable *table)
{
  static const Rgb label_fill = { 0.965, 0.97, 0.98 };
  double widths[2] = { RECORD_LABEL_WIDTH, CONTENT_WIDTH - RECORD_LABEL_WIDTH };

  for (guint r = 0; r < table->rows->len; r++)
    {
      GPtrArray *cells = g_ptr_array_index (table->rows, r);
      g_autofree gchar *name = g_strjoinv (" ", ((CwaReportCell *) g_ptr_array_index (cells, 0))->lines);
      Row caption = { 0 };
      double full[1] = { CONTENT_WIDTH };
      double block = 0;
      Row rows[32] = { { 0 } };

      row_add (pdf, &caption, name, pdf->body_bold, CONTENT_WIDTH, &header_fill, &ink);
      for (guint c = 1; c < cells->len && c < G_N_ELEMENTS (rows); c++)
        {
          row_add (pdf, &rows[c], table->headers[c], pdf->body_bold, widths[0], &label_fill, &muted);
          row_add_cell (pdf, &rows[c], g_ptr_array_index (cells, c), widths[1]);
          block += rows[c].height;
        }

      /* Whole if it fits on a page, else at least its name and first line. */
      ensure_space (pdf, caption.height + (block + caption.height <= CONTENT_BOTTOM - MARGIN ?
                                           block : rows[1].height));
      row_draw (pdf, &caption, full);
      for (guint c = 1; c < cells->len && c < G_N_ELEMENTS (rows); c++)
        {
          ensure_space (pdf, rows[c].height);
          row_draw (pdf, &rows[c], widths);
          row_clear (&rows[c]);
        }
      row_clear (&caption);
      pdf->y += 8;
    }
}

static void
draw_table (Pdf                  *pdf,
            const CwaReportTable *table)
{
  g_autoptr(PangoLayout) title = NULL;
  double title_height = 0;

  if (table->rows->len == 0 || table->n_columns == 0 || table->n_columns > 32)
    return;

  if (table->by_record)
    {
      draw_record_table (pdf, table);
      return;
    }

  if (table->title != NULL)
    {
      title = make_layout (pdf, table->title, pdf->subheading, CONTENT_WIDTH);
      title_height = layout_height (title) + 3;
    }

  /* Portrait A4 has no room for Expected and Found beside the message:
   * they go under it. */
  if (table->fold != 0)
    {
      CwaReportTable *folded = _cwa_report_table_dup_folded (table);

      draw_grid_table (pdf, folded, title_height, title);
      _cwa_report_table_free (folded);
    }
  else
    draw_grid_table (pdf, table, title_height, title);
}

static void
draw_heading (Pdf                    *pdf,
              const CwaReportSection *section)
{
  g_autoptr(PangoLayout) layout = make_layout (pdf, section->heading, pdf->heading, CONTENT_WIDTH);
  g_autoptr(PangoLayout) note = NULL;
  double h = layout_height (layout);
  double note_height = 0;

  if (section->note != NULL)
    {
      note = make_layout (pdf, section->note, pdf->body, CONTENT_WIDTH);
      note_height = layout_height (note) + 6;
    }

  /* Never alone at the bottom of a page: with its note and the start of
   * its first table. */
  ensure_space (pdf, 6 + h + 8 + note_height + (section->tables->len > 0 ? 50 : 0));
  pdf->y += 6;
  show_layout (pdf, layout, MARGIN, pdf->y, &accent);
  if (pdf->draw)
    {
      g_autofree gchar *link = g_strdup_printf ("page=%u pos=[%.1f %.1f]", pdf->page, MARGIN, pdf->y);

      cairo_pdf_surface_add_outline (cairo_get_target (pdf->cr), CAIRO_PDF_OUTLINE_ROOT,
                                     section->heading, link, 0);
    }
  pdf->y += h + 2;
  fill_rect (pdf, MARGIN, pdf->y, CONTENT_WIDTH, 1.2, &accent);
  pdf->y += 6;
  if (note != NULL)
    {
      show_layout (pdf, note, MARGIN, pdf->y, &muted);
      pdf->y += note_height;
    }
}

static void
draw_title_block (Pdf *pdf)
{
  static const Rgb ready_fill = { 0.86, 0.945, 0.88 };
  static const Rgb ready_ink = { 0.08, 0.33, 0.18 };
  static const Rgb fail_fill = { 0.98, 0.86, 0.86 };
  static const Rgb fail_ink = { 0.50, 0.11, 0.11 };
  const CwaReportDocument *document = pdf->document;
  g_autoptr(PangoLayout) verdict = NULL;
  double label_width = 70;

  draw_paragraph (pdf, "Certificate check", pdf->body_bold, &muted, 2);
  draw_paragraph (pdf, document->plan_name, pdf->title, &ink, 8);

  verdict = make_layout (pdf, document->verdict, pdf->verdict, CONTENT_WIDTH - 20);
  fill_rect (pdf, MARGIN, pdf->y, layout_width (verdict) + 20, layout_height (verdict) + 10,
             document->ready ? &ready_fill : &fail_fill);
  show_layout (pdf, verdict, MARGIN + 10, pdf->y + 5, document->ready ? &ready_ink : &fail_ink);
  pdf->y += layout_height (verdict) + 18;

  for (guint i = 0; i < document->facts->len; i++)
    {
      const CwaReportFact *fact = g_ptr_array_index (document->facts, i);
      g_autoptr(PangoLayout) label = make_layout (pdf, fact->label, pdf->body_bold, label_width);
      g_autoptr(PangoLayout) value = make_layout (pdf, fact->value, pdf->body, CONTENT_WIDTH - label_width);
      double h = MAX (layout_height (label), layout_height (value));

      ensure_space (pdf, h);
      show_layout (pdf, label, MARGIN, pdf->y, &muted);
      show_layout (pdf, value, MARGIN + label_width, pdf->y, &ink);
      pdf->y += h + 1.5;
    }
  pdf->y += 8;
}

/* The deployment as a picture, on a page of its own, scaled to fit. */
static void
draw_topology (Pdf *pdf)
{
  g_autoptr(PangoLayout) layout = NULL;
  double width;
  double height;
  double scale;

  if (pdf->report->plan == NULL || pdf->report->checklist == NULL ||
      g_list_model_get_n_items (cwa_deployment_get_servers (cwa_plan_get_deployment (pdf->report->plan))) == 0)
    return;

  new_page (pdf);
  layout = make_layout (pdf, "Topology", pdf->heading, CONTENT_WIDTH);
  show_layout (pdf, layout, MARGIN, pdf->y, &accent);
  if (pdf->draw)
    {
      g_autofree gchar *link = g_strdup_printf ("page=%u pos=[%.1f %.1f]", pdf->page, MARGIN, pdf->y);

      cairo_pdf_surface_add_outline (cairo_get_target (pdf->cr), CAIRO_PDF_OUTLINE_ROOT, "Topology", link, 0);
    }
  pdf->y += layout_height (layout) + 2;
  fill_rect (pdf, MARGIN, pdf->y, CONTENT_WIDTH, 1.2, &accent);
  pdf->y += 12;

  cwa_topology_picture_get_size (pdf->report->plan, pdf->report->checklist, &width, &height);
  scale = MIN (CONTENT_WIDTH / width, (CONTENT_BOTTOM - pdf->y) / height);
  scale = MIN (scale, 0.75);
  if (pdf->draw)
    {
      cairo_save (pdf->cr);
      cairo_translate (pdf->cr, MARGIN, pdf->y);
      cairo_scale (pdf->cr, scale, scale);
      cwa_topology_picture_draw (pdf->cr, pdf->report->plan, pdf->report->checklist);
      cairo_restore (pdf->cr);
    }
  pdf->y += height * scale;
}

static void
render (Pdf *pdf)
{
  pdf->page = 1;
  pdf->y = MARGIN;
  draw_footer (pdf);

  draw_title_block (pdf);
  for (guint i = 0; i < pdf->document->sections->len; i++)
    {
      const CwaReportSection *section = g_ptr_array_index (pdf->document->sections, i);

      draw_heading (pdf, section);
      for (guint t = 0; t < section->tables->len; t++)
        draw_table (pdf, g_ptr_array_index (section->tables, t));
    }
  draw_topology (pdf);
}

typedef struct
{
  GOutputStream *out;
  GCancellable  *cancellable;
  GError        *error;
} Sink;

static cairo_status_t
sink_write (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  Sink *sink = closure;

  if (sink->out == NULL)
    return CAIRO_STATUS_SUCCESS;
  if (sink->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (sink->out, data, length, NULL, sink->cancellable, &sink->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
run_pass (Pdf      *pdf,
          Sink     *sink,
          GError  **error)
{
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (sink_write, sink, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_status_t status;

  /* The report's own time, not the wall clock of the second pass. */
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, pdf->created);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, pdf->document->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "CWA Cert Planner " PACKAGE_VERSION);
  pdf->cr = cairo_create (surface);
  pdf->context = pango_cairo_create_context (pdf->cr);
  /* Cairo's PDF unit is the point: with 72 dpi a "9" font is 9 pt tall,
   * not Pango's screen default of 96 dpi. */
  pango_cairo_context_set_resolution (pdf->context, 72.0);

  render (pdf);

  g_clear_object (&pdf->context);
  cairo_destroy (pdf->cr);
  pdf->cr = NULL;
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (sink->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&sink->error));
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "The PDF could not be drawn: %s.", cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_pdf (const CwaReport *report,
           GOutputStream   *out,
           GCancellable    *cancellable,
           GError         **error)
{
  g_autoptr(CwaReportDocument) document = _cwa_report_document_new (report);
  g_autofree gchar *checked = _cwa_report_format_time (_cwa_report_get_check_time (report));
  g_autofree gchar *created = _cwa_report_format_time (report->generated);
  Sink measure = { NULL, cancellable, NULL };
  Sink sink = { out, cancellable, NULL };
  Pdf pdf = { 0 };
  gboolean ok;

  pdf.document = document;
  pdf.report = report;
  pdf.checked = checked;
  pdf.created = created;
  /* Generic families: fontconfig picks what the system has. */
  pdf.body = pango_font_description_from_string ("Sans 8.5");
  pdf.body_bold = pango_font_description_from_string ("Sans Bold 8.5");
  pdf.mono = pango_font_description_from_string ("Monospace 8");
  pdf.small = pango_font_description_from_string ("Sans 7.5");
  pdf.title = pango_font_description_from_string ("Sans Bold 22");
  pdf.heading = pango_font_description_from_string ("Sans Bold 15");
  pdf.subheading = pango_font_description_from_string ("Sans Bold 10");
  pdf.verdict = pango_font_description_from_string ("Sans Bold 14");

  pdf.draw = FALSE;
  ok = run_pass (&pdf, &measure, error);
  if (ok)
    {
      pdf.n_pages = pdf.page;
      pdf.draw = TRUE;
      ok = run_pass (&pdf, &sink, error);
    }

  pango_font_description_free (pdf.body);
  pango_font_description_free (pdf.body_bold);
  pango_font_description_free (pdf.mono);
  pango_font_description_free (pdf.small);
  pango_font_description_free (pdf.title);
  pango_font_description_free (pdf.heading);
  pango_font_description_free (pdf.subheading);
  pango_font_description_free (pdf.verdict);

  return ok;
}

const CwaReportFormat _cwa_report_format_pdf = {
  "pdf", "pdf", "application/pdf", "PDF", TRUE, write_pdf,
};

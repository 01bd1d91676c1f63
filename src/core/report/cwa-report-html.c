/* cwa-report-html.c: the report as one self-contained HTML5 file: inline CSS, no scripts, no links, prints well. */
#include "config.h"

#include "cwa-report-document.h"
#include "cwa-topology-picture.h"

/* Nothing outside the file is referenced, so it opens the same offline, in
 * a mail client or attached to a ticket; print styles keep tables whole. */
static const gchar style[] =
  "body{font:14px/1.45 \"DejaVu Sans\",\"Segoe UI\",Arial,sans-serif;color:#1c1c1c;"
  "margin:1.5em auto;max-width:78em;padding:0 1em}\n"
  "h1{font-size:1.55em;margin:0 0 .4em}\n"
  "h2{font-size:1.25em;margin:1.6em 0 .4em;border-bottom:2px solid #3a5a80;padding-bottom:.15em}\n"
  "h3{font-size:1.02em;margin:1.1em 0 .3em}\n"
  "p.note{margin:.2em 0 .6em;color:#444}\n"
  ".verdict{display:inline-block;margin:0 0 .8em;padding:.25em .9em;border-radius:.3em;"
  "font-size:1.15em;font-weight:bold}\n"
  ".ready{background:#dcf1e0;color:#14532d;border:1px solid #8cc79a}\n"
  ".not-ready{background:#fbdcdc;color:#7f1d1d;border:1px solid #e29a9a}\n"
  "table{border-collapse:collapse;width:100%;margin:.3em 0 1em;font-size:.9em}\n"
  "table.facts{width:auto}\n"
  "table.facts th{background:none;border:none;padding:.1em 1.2em .1em 0}\n"
  "table.facts td{border:none;padding:.1em 0}\n"
  "caption{text-align:left;font-weight:bold;padding:.2em 0}\n"
  /* Prose wraps between words, host names and rule ids after their dots
   * and hyphens (<wbr>), and only when they do not fit: short columns
   * (result, level) keep their width, and a long name still cannot widen
   * the table past the page (break-word splits a label only as a last
   * resort, without shrinking the column as "anywhere" would). */
  "th,td{border:1px solid #c4c4c4;padding:.25em .45em;text-align:left;vertical-align:top;"
  "overflow-wrap:break-word}\n"
  "th{background:#eef1f5;white-space:nowrap}\n"
  "table.record th{width:13em}\n"
  /* A DNS record's name keeps room for a usual host name on one line;
   * the prose of "For" beside it wraps instead. */
  "#dns-records td:first-child{width:28%}\n"
  ".code{font-family:\"DejaVu Sans Mono\",Consolas,monospace;font-size:.95em}\n"
  ".good{color:#17632f}\n"
  ".bad{background:#fde6e6;color:#8b1111;font-weight:bold}\n"
  ".warn{background:#fff3d1;color:#6e4400;font-weight:bold}\n"
  ".info{color:#1d4e89}\n"
  "footer{margin-top:2em;color:#666;font-size:.85em}\n"
  "figure{margin:.5em 0}svg.topology{max-width:100%;height:auto}\n"
  "@page{size:A4;margin:14mm}\n"
  "@media print{body{margin:0;max-width:none;font-size:9.5pt}"
  "h2,h3,caption{break-after:avoid}tr,table.record{break-inside:avoid}"
  "thead{display:table-header-group}"
  ".verdict,.bad,.warn,th{-webkit-print-color-adjust:exact;print-color-adjust:exact}}\n";

/* Every value is escaped, and "://" too: a report carries URLs as text,
 * never as something a viewer could follow or fetch. */
static void
append_escaped_full (GString     *html,
                     const gchar *text,
                     gboolean     breaks)
{
  for (const gchar *p = text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '&':
          g_string_append (html, "&amp;");
          break;
        case '<':
          g_string_append (html, "&lt;");
          break;
        case '>':
          g_string_append (html, "&gt;");
          break;
        case '"':
          g_string_append (html, "&quot;");
          break;
        case '\'':
          g_string_append (html, "&#39;");
          break;
        case ':':
          if (p[1] == '/' && p[2] == '/')
            g_string_append (html, "&#58;");
          else
            g_string_append_c (html, ':');
          break;
        case '\n':
          g_string_append (html, breaks ? "<br>" : " ");
          break;
        default:
          g_string_append_c (html, *p);
        }
    }
}

static void
append_escaped (GString     *html,
                const gchar *text)
{
  append_escaped_full (html, text, TRUE);
}

/* Escapes @text with a <wbr> after each dot and hyphen, so a host name
 * ("download.im.contoso.com") or a rule id ("cert.version-3") that does
 * not fit breaks between its labels, never inside one. */
static void
append_escaped_breakable (GString     *html,
                          const gchar *text)
{
  const gchar *start = text;

  for (const gchar *p = text; *p != '\0'; p++)
    {
      g_autofree gchar *part = NULL;

      if (*p != '.' && *p != '-')
        continue;
      part = g_strndup (start, p + 1 - start);
      append_escaped (html, part);
      if (p[1] != '\0' && p[1] != ' ' && p[1] != '\n')
        g_string_append (html, "<wbr>");
      start = p + 1;
    }
  append_escaped (html, start);
}

static const gchar *
tone_class (CwaReportTone tone)
{
  switch (tone)
    {
    case CWA_REPORT_TONE_GOOD:
      return "good";
    case CWA_REPORT_TONE_BAD:
      return "bad";
    case CWA_REPORT_TONE_WARN:
      return "warn";
    case CWA_REPORT_TONE_INFO:
      return "info";
    case CWA_REPORT_TONE_PLAIN:
    default:
      return NULL;
    }
}

static void
append_cell_content (GString             *html,
                     const CwaReportCell *cell)
{
  for (guint i = 0; cell->lines[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (html, "<br>");
      append_escaped_breakable (html, cell->lines[i]);
    }
}

static void
append_cell (GString             *html,
             const CwaReportCell *cell)
{
  const gchar *tone = tone_class (cell->tone);

  if (tone != NULL && cell->code)
    g_string_append_printf (html, "<td class=\"%s code\">", tone);
  else if (tone != NULL)
    g_string_append_printf (html, "<td class=\"%s\">", tone);
  else if (cell->code)
    g_string_append (html, "<td class=\"code\">");
  else
    g_string_append (html, "<td>");
  append_cell_content (html, cell);
  g_string_append (html, "</td>");
}

static void
append_records (GString              *html,
                const CwaReportTable *table)
{
  for (guint r = 0; r < table->rows->len; r++)
    {
      GPtrArray *row = g_ptr_array_index (table->rows, r);

      g_string_append (html, "<table class=\"record\">\n<caption>");
      append_cell_content (html, g_ptr_array_index (row, 0));
      g_string_append (html, "</caption>\n<tbody>\n");
      for (guint c = 1; c < row->len; c++)
        {
          g_string_append (html, "<tr><th scope=\"row\">");
          append_escaped (html, table->headers[c]);
          g_string_append (html, "</th>");
          append_cell (html, g_ptr_array_index (row, c));
          g_string_append (html, "</tr>\n");
        }
      g_string_append (html, "</tbody>\n</table>\n");
    }
}

static void
append_table (GString              *html,
              const CwaReportTable *table)
{
  if (table->title != NULL)
    {
      g_string_append (html, "<h3>");
      append_escaped (html, table->title);
      g_string_append (html, "</h3>\n");
    }

  if (table->by_record)
    {
      append_records (html, table);
      return;
    }

  g_string_append (html, "<table>\n<thead>\n<tr>");
  for (guint c = 0; c < table->n_columns; c++)
    {
      g_string_append (html, "<th scope=\"col\">");
      append_escaped (html, table->headers[c]);
      g_string_append (html, "</th>");
    }
  g_string_append (html, "</tr>\n</thead>\n<tbody>\n");
  for (guint r = 0; r < table->rows->len; r++)
    {
      GPtrArray *row = g_ptr_array_index (table->rows, r);

      g_string_append (html, "<tr>");
      for (guint c = 0; c < row->len; c++)
        append_cell (html, g_ptr_array_index (row, c));
      g_string_append (html, "</tr>\n");
    }
  g_string_append (html, "</tbody>\n</table>\n");
}

static gboolean
write_html (const CwaReport *report,
            GOutputStream   *out,
            GCancellable    *cancellable,
            GError         **error)
{
  g_autoptr(CwaReportDocument) document = _cwa_report_document_new (report);
  g_autoptr(GString) html = g_string_new (NULL);

  g_string_append (html,
                   "<!DOCTYPE html>\n"
                   "<html lang=\"en\">\n"
                   "<head>\n"
                   "<meta charset=\"utf-8\">\n"
                   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                   "<meta name=\"generator\" content=\"CWA Cert Planner " PACKAGE_VERSION "\">\n"
                   "<title>");
  /* The title is text only: no markup, not even a line break. */
  append_escaped_full (html, document->title, FALSE);
  g_string_append (html, "</title>\n<style>\n");
  g_string_append (html, style);
  g_string_append (html, "</style>\n</head>\n<body>\n<header>\n<h1>");
  append_escaped (html, document->title);
  g_string_append (html, "</h1>\n");
  g_string_append_printf (html, "<p class=\"verdict %s\">", document->ready ? "ready" : "not-ready");
  append_escaped (html, document->verdict);
  g_string_append (html, "</p>\n<table class=\"facts\">\n<tbody>\n");
  for (guint i = 0; i < document->facts->len; i++)
    {
      const CwaReportFact *fact = g_ptr_array_index (document->facts, i);

      g_string_append (html, "<tr><th scope=\"row\">");
      append_escaped (html, fact->label);
      g_string_append (html, "</th><td>");
      append_escaped (html, fact->value);
      g_string_append (html, "</td></tr>\n");
    }
  g_string_append (html, "</tbody>\n</table>\n</header>\n<main>\n");

  /* The deployment as a picture, inline: the page stays self-contained. */
  if (report->plan != NULL && report->checklist != NULL &&
      g_list_model_get_n_items (cwa_deployment_get_servers (cwa_plan_get_deployment (report->plan))) > 0)
    {
      g_autofree gchar *svg = cwa_topology_picture_dup_inline_svg (report->plan, report->checklist,
                                                                   "Topology of the deployment", NULL);

      if (svg != NULL)
        {
          g_string_append (html, "<section id=\"topology\">\n<h2>Topology</h2>\n<figure>\n");
          g_string_append (html, svg);
          g_string_append (html, "</figure>\n</section>\n");
        }
    }

  for (guint i = 0; i < document->sections->len; i++)
    {
      const CwaReportSection *section = g_ptr_array_index (document->sections, i);

      g_string_append_printf (html, "<section id=\"%s\">\n<h2>", section->id);
      append_escaped (html, section->heading);
      g_string_append (html, "</h2>\n");
      if (section->note != NULL)
        {
          g_string_append (html, "<p class=\"note\">");
          append_escaped (html, section->note);
          g_string_append (html, "</p>\n");
        }
      for (guint t = 0; t < section->tables->len; t++)
        append_table (html, g_ptr_array_index (section->tables, t));
      g_string_append (html, "</section>\n");
    }

  g_string_append (html, "</main>\n<footer>\n<p>Made by CWA Cert Planner " PACKAGE_VERSION
                         ".</p>\n</footer>\n</body>\n</html>\n");

  return g_output_stream_write_all (out, html->str, html->len, NULL, cancellable, error);
}

const CwaReportFormat _cwa_report_format_html = {
  "html", "html", "text/html", "HTML", FALSE, write_html,
};

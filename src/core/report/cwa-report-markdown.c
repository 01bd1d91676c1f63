/* cwa-report-markdown.c: the report as GitHub-flavoured Markdown, to paste into a change ticket. */
#include "config.h"

#include "cwa-report-document.h"

/* Values come from plans and certificates: anything Markdown or the HTML it
 * may hold would read as markup is escaped, so a name shows as written and a
 * "|" cannot split a table cell. */
static void
append_escaped (GString     *md,
                const gchar *text)
{
  for (const gchar *p = text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\\': case '`': case '*': case '_': case '[': case ']':
        case '|': case '~': case '#': case '!': case '$':
          g_string_append_c (md, '\\');
          g_string_append_c (md, *p);
          break;
        case '<':
          g_string_append (md, "&lt;");
          break;
        case '>':
          g_string_append (md, "&gt;");
          break;
        case '&':
          g_string_append (md, "&amp;");
          break;
        case '\n':
          g_string_append (md, "<br>");
          break;
        default:
          g_string_append_c (md, *p);
        }
    }
}

static void
append_cell (GString             *md,
             const CwaReportCell *cell)
{
  gboolean strong = cell->tone == CWA_REPORT_TONE_BAD || cell->tone == CWA_REPORT_TONE_WARN;

  g_string_append_c (md, ' ');
  if (strong && cell->lines[0][0] != '\0')
    g_string_append (md, "**");
  for (guint i = 0; cell->lines[i] != NULL; i++)
    {
      /* A table row is one line: line breaks become <br>, which the common
       * ticket systems render inside a cell. */
      if (i > 0)
        g_string_append (md, "<br>");
      append_escaped (md, cell->lines[i]);
    }
  if (strong && cell->lines[0][0] != '\0')
    g_string_append (md, "**");
  g_string_append (md, " |");
}

static void
append_table (GString              *md,
              const CwaReportTable *table)
{
  if (table->title != NULL)
    {
      g_string_append (md, "### ");
      append_escaped (md, table->title);
      g_string_append (md, "\n\n");
    }

  g_string_append_c (md, '|');
  for (guint c = 0; c < table->n_columns; c++)
    {
      g_string_append_c (md, ' ');
      append_escaped (md, table->headers[c]);
      g_string_append (md, " |");
    }
  g_string_append_c (md, '\n');
  g_string_append_c (md, '|');
  for (guint c = 0; c < table->n_columns; c++)
    g_string_append (md, " --- |");
  g_string_append_c (md, '\n');

  for (guint r = 0; r < table->rows->len; r++)
    {
      GPtrArray *row = g_ptr_array_index (table->rows, r);

      g_assert (row->len == table->n_columns);
      g_string_append_c (md, '|');
      for (guint c = 0; c < row->len; c++)
        append_cell (md, g_ptr_array_index (row, c));
      g_string_append_c (md, '\n');
    }
  g_string_append_c (md, '\n');
}

static gboolean
write_markdown (const CwaReport *report,
                GOutputStream   *out,
                GCancellable    *cancellable,
                GError         **error)
{
  g_autoptr(CwaReportDocument) document = _cwa_report_document_new (report);
  g_autoptr(GString) md = g_string_new (NULL);

  g_string_append (md, "# ");
  append_escaped (md, document->title);
  g_string_append (md, "\n\n");

  for (guint i = 0; i < document->facts->len; i++)
    {
      const CwaReportFact *fact = g_ptr_array_index (document->facts, i);
      gboolean verdict = g_str_equal (fact->label, "Verdict");

      g_string_append_printf (md, "- **%s:** ", fact->label);
      if (verdict)
        g_string_append (md, "**");
      append_escaped (md, fact->value);
      if (verdict)
        g_string_append (md, "**");
      g_string_append_c (md, '\n');
    }
  g_string_append_c (md, '\n');

  for (guint i = 0; i < document->sections->len; i++)
    {
      const CwaReportSection *section = g_ptr_array_index (document->sections, i);

      g_string_append_printf (md, "## %s\n\n", section->heading);
      if (section->note != NULL)
        {
          append_escaped (md, section->note);
          g_string_append (md, "\n\n");
        }
      for (guint t = 0; t < section->tables->len; t++)
        append_table (md, g_ptr_array_index (section->tables, t));
    }

  /* One newline at the end, not two. */
  if (md->len > 1 && md->str[md->len - 1] == '\n' && md->str[md->len - 2] == '\n')
    g_string_truncate (md, md->len - 1);

  return g_output_stream_write_all (out, md->str, md->len, NULL, cancellable, error);
}

const CwaReportFormat _cwa_report_format_markdown = {
  "markdown", "md", "text/markdown", "Markdown", FALSE, write_markdown,
};

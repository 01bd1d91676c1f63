/* test-reports.c: every report format, from real plans and awkward names, parsed back. */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libxml/HTMLparser.h>
#include <libxml/xmlerror.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "cwa-checklist.h"
#include "cwa-deployment.h"
#include "cwa-dns-records.h"
#include "cwa-load-balancer.h"
#include "cwa-reverse-proxy.h"
#include "cwa-plan-file.h"
#include "cwa-report.h"
#include "cwa-test-cert.h"
#include "cwa-test-locale.h"
#include "cwa-test-pdf.h"
#include "cwa-test-plan.h"

/* ------------------------------------------------------------------ */
/* Plans and reports                                                   */

typedef struct
{
  gchar        *dir;        /* a temporary folder, or NULL */
  CwaPlan      *plan;
  CwaChecklist *checklist;
  CwaReport    *report;
  GPtrArray    *names;      /* every required name (gchar *) */
  guint         n_findings;
  gchar        *plan_name;
} Subject;

static void
subject_clear (Subject *subject)
{
  g_clear_pointer (&subject->report, cwa_report_free);
  if (subject->checklist != NULL)
    g_assert_finalize_object (g_steal_pointer (&subject->checklist));
  if (subject->plan != NULL)
    g_assert_finalize_object (g_steal_pointer (&subject->plan));
  g_clear_pointer (&subject->names, g_ptr_array_unref);
  g_clear_pointer (&subject->plan_name, g_free);
  if (subject->dir != NULL)
    cwa_test_remove_tree (subject->dir);
  g_clear_pointer (&subject->dir, g_free);
}

/* Runs the rules at the tests' fixed time and snapshots a report. */
static void
subject_check (Subject     *subject,
               CwaPlan     *plan,
               const gchar *plan_file)
{
  g_autoptr(GDateTime) now = cwa_test_now ();
  GListModel *requirements;

  subject->plan = plan;
  subject->checklist = cwa_test_checklist_new (plan);
  subject->report = cwa_report_new (plan, subject->checklist, plan_file, now);
  subject->n_findings = g_list_model_get_n_items (cwa_checklist_get_findings (subject->checklist));
  subject->plan_name = g_strdup (cwa_plan_get_name (plan));

  subject->names = g_ptr_array_new_with_free_func (g_free);
  requirements = cwa_checklist_get_requirements (subject->checklist);
  for (guint i = 0; i < g_list_model_get_n_items (requirements); i++)
    {
      g_autoptr(CwaRequirement) requirement = g_list_model_get_item (requirements, i);
      g_auto(GStrv) names = cwa_requirement_dup_all_names (requirement);

      for (guint j = 0; names[j] != NULL; j++)
        g_ptr_array_add (subject->names, g_strdup (names[j]));
    }
  g_assert_cmpuint (subject->names->len, >, 0);
  g_assert_cmpuint (subject->n_findings, >, 0);
}

static gboolean
load_example (Subject     *subject,
              const gchar *name)
{
  g_autofree gchar *path = cwa_test_example_path (name);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("the example plan is not in the source tree");
      return FALSE;
    }
  subject_check (subject, cwa_test_load_plan (path), name);
  return TRUE;
}

static GBytes *
write_format (Subject     *subject,
              const gchar *name)
{
  const CwaReportFormat *format = cwa_report_format_lookup (name);
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  g_assert_nonnull (format);
  bytes = cwa_report_write_bytes (subject->report, format, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  g_assert_cmpuint (g_bytes_get_size (bytes), >, 0);
  return bytes;
}

static gchar *
bytes_to_text (GBytes *bytes)
{
  gsize size;
  const gchar *data = g_bytes_get_data (bytes, &size);

  g_assert_true (g_utf8_validate (data, (gssize) size, NULL));
  g_assert_null (memchr (data, '\0', size));
  return g_strndup (data, size);
}

/* ------------------------------------------------------------------ */
/* Markdown                                                            */

/* Splits a table row on the "|" that are not escaped. */
static guint
count_cells (const gchar *line)
{
  guint pipes = 0;

  for (const gchar *p = line; *p != '\0'; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        p++;
      else if (*p == '|')
        pipes++;
    }
  return pipes - 1;
}

/* The inverse of the writer's escaping, to compare values as written. */
static gchar *
markdown_unescape (const gchar *text)
{
  GString *out = g_string_new (NULL);

  for (const gchar *p = text; *p != '\0'; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        g_string_append_c (out, *++p);
      else if (g_str_has_prefix (p, "&lt;"))
        g_string_append_c (out, '<'), p += 3;
      else if (g_str_has_prefix (p, "&gt;"))
        g_string_append_c (out, '>'), p += 3;
      else if (g_str_has_prefix (p, "&amp;"))
        g_string_append_c (out, '&'), p += 4;
      else if (g_str_has_prefix (p, "<br>"))
        g_string_append_c (out, '\n'), p += 3;
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static void
check_markdown (Subject *subject,
                GBytes  *bytes)
{
  g_autofree gchar *text = bytes_to_text (bytes);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autofree gchar *title = NULL;
  g_autofree gchar *expected_title = g_strdup_printf ("Certificate check: %s", subject->plan_name);
  guint n_tables = 0;

  g_assert_true (g_str_has_prefix (lines[0], "# "));
  title = markdown_unescape (lines[0] + 2);
  g_assert_cmpstr (title, ==, expected_title);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      guint columns;

      /* No raw HTML but the line breaks the writer puts in cells. */
      for (const gchar *p = strchr (lines[i], '<'); p != NULL; p = strchr (p + 1, '<'))
        g_assert_true (g_str_has_prefix (p, "<br>"));

      if (lines[i][0] != '|' || (i > 0 && lines[i - 1][0] == '|'))
        continue;

      /* A table: header, delimiter, rows, all of one width. */
      n_tables++;
      columns = count_cells (lines[i]);
      g_assert_cmpuint (columns, >, 0);
      g_assert_nonnull (lines[i + 1]);
      g_assert_true (g_str_has_prefix (lines[i + 1], "| --- |"));
      for (guint j = i + 1; lines[j] != NULL && lines[j][0] == '|'; j++)
        {
          if (count_cells (lines[j]) != columns)
            g_error ("Markdown row %u has %u cells, its header %u: %s", j + 1, count_cells (lines[j]),
                     columns, lines[j]);
          g_assert_true (g_str_has_suffix (lines[j], "|"));
        }
    }
  /* Findings of each subject, required names, coverage, certificates. */
  g_assert_cmpuint (n_tables, >=, 4);

  for (guint i = 0; i < subject->names->len; i++)
    g_assert_nonnull (strstr (text, g_ptr_array_index (subject->names, i)));
}

/* ------------------------------------------------------------------ */
/* HTML                                                                */

typedef struct
{
  guint    n_errors;
  GString *messages;
} HtmlErrors;

static void
on_html_error (void        *data,
               xmlErrorPtr  error)
{
  HtmlErrors *errors = data;

  /* libxml2's HTML parser predates HTML5 and does not know <main>,
   * <header>, <section>, <footer>: those are not faults of the file. */
  if (error->code == XML_HTML_UNKNOWN_TAG)
    return;
  errors->n_errors++;
  g_string_append_printf (errors->messages, "line %d: %s", error->line, error->message);
}

static void
check_html_node (xmlNode *node,
                 GString *text)
{
  for (xmlNode *n = node; n != NULL; n = n->next)
    {
      if (n->type == XML_TEXT_NODE)
        g_string_append (text, (const gchar *) n->content);
      if (n->type != XML_ELEMENT_NODE)
        continue;

      /* Nothing that runs or loads: no scripts, frames, objects, images,
       * links, forms; no attribute that points anywhere or handles events. */
      for (const gchar * const *tag = (const gchar * const[]) {
             "script", "iframe", "object", "embed", "img", "link", "form", "base", "audio", "video", NULL };
           *tag != NULL; tag++)
        g_assert_cmpstr ((const gchar *) n->name, !=, *tag);
      for (xmlAttr *attr = n->properties; attr != NULL; attr = attr->next)
        {
          const gchar *name = (const gchar *) attr->name;

          g_assert_cmpstr (name, !=, "href");
          g_assert_cmpstr (name, !=, "src");
          g_assert_cmpstr (name, !=, "action");
          g_assert_false (g_str_has_prefix (name, "on"));
        }

      /* Every row of a grid table has as many cells as its header. */
      if (g_str_equal ((const gchar *) n->name, "table"))
        {
          guint header = 0;

          for (xmlNode *part = n->children; part != NULL; part = part->next)
            for (xmlNode *row = part->children; part->type == XML_ELEMENT_NODE && row != NULL; row = row->next)
              {
                guint cells = 0;

                if (row->type != XML_ELEMENT_NODE || !g_str_equal ((const gchar *) row->name, "tr"))
                  continue;
                for (xmlNode *cell = row->children; cell != NULL; cell = cell->next)
                  cells += cell->type == XML_ELEMENT_NODE;
                if (g_str_equal ((const gchar *) part->name, "thead"))
                  header = cells;
                else if (header > 0)
                  g_assert_cmpuint (cells, ==, header);
                else
                  g_assert_cmpuint (cells, ==, 2);  /* label and value */
              }
        }

      check_html_node (n->children, text);
    }
}

static void
check_html (Subject *subject,
            GBytes  *bytes)
{
  g_autofree gchar *text = bytes_to_text (bytes);
  g_autofree gchar *lower = g_ascii_strdown (text, -1);
  g_autofree gchar *expected_title = NULL;
  g_autofree gchar *title = NULL;
  g_autoptr(GString) content = g_string_new (NULL);
  HtmlErrors errors = { 0, g_string_new (NULL) };
  htmlDocPtr doc;
  xmlNode *root;
  xmlNode *head;

  g_assert_true (g_str_has_prefix (text, "<!DOCTYPE html>\n<html lang=\"en\">"));
  g_assert_nonnull (strstr (lower, "<meta charset=\"utf-8\">"));
  g_assert_null (strstr (lower, "<script"));
  g_assert_null (strstr (lower, "http://"));
  g_assert_null (strstr (lower, "https://"));
  g_assert_null (strstr (lower, "url("));
  g_assert_null (strstr (lower, "@import"));

  xmlSetStructuredErrorFunc (&errors, on_html_error);
  doc = htmlReadMemory (text, (int) strlen (text), "report.html", "UTF-8",
                        HTML_PARSE_NONET | HTML_PARSE_NOBLANKS);
  xmlSetStructuredErrorFunc (NULL, NULL);
  g_assert_nonnull (doc);
  if (errors.n_errors > 0)
    g_error ("The HTML report does not parse cleanly:\n%s", errors.messages->str);
  g_string_free (errors.messages, TRUE);

  root = xmlDocGetRootElement (doc);
  if (root == NULL)
    g_error ("The HTML report has no root element");
  g_assert_cmpstr ((const gchar *) root->name, ==, "html");
  head = root->children;
  while (head != NULL && head->type != XML_ELEMENT_NODE)
    head = head->next;
  if (head == NULL)
    g_error ("The HTML report has no head");
  g_assert_cmpstr ((const gchar *) head->name, ==, "head");
  for (xmlNode *n = head->children; n != NULL; n = n->next)
    if (n->type == XML_ELEMENT_NODE && g_str_equal ((const gchar *) n->name, "title"))
      title = (gchar *) xmlNodeGetContent (n);
  g_assert_nonnull (title);
  /* Escaping round-trips: the parsed title is the plan name as written. */
  expected_title = g_strdup_printf ("Certificate check: %s", subject->plan_name);
  g_strdelimit (expected_title, "\n", ' ');
  g_assert_cmpstr (title, ==, expected_title);

  check_html_node (root, content);
  for (guint i = 0; i < subject->names->len; i++)
    g_assert_nonnull (strstr (content->str, g_ptr_array_index (subject->names, i)));

  xmlFree (title);
  title = NULL;
  xmlFreeDoc (doc);
}

/* ------------------------------------------------------------------ */
/* CSV                                                                 */

/* RFC 4180, strictly: records end in CRLF, a quoted field may hold
 * commas, CRLF and doubled quotes, and a quote anywhere else is an error.
 * Element type GStrv. */
static GPtrArray *
read_csv (const gchar *text)
{
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  const gchar *p = text;

  while (*p != '\0')
    {
      if (*p == '"')
        {
          for (p++;; p++)
            {
              g_assert_true (*p != '\0');  /* an unterminated quoted field */
              if (*p == '"' && p[1] == '"')
                g_string_append_c (field, '"'), p++;
              else if (*p == '"')
                break;
              else
                g_string_append_c (field, *p);
            }
          p++;
          g_assert_true (*p == ',' || *p == '\r');
        }
      else
        {
          while (*p != ',' && *p != '\r' && *p != '\0')
            {
              g_assert_true (*p != '"' && *p != '\n');
              g_string_append_c (field, *p++);
            }
        }

      g_ptr_array_add (fields, g_strdup (field->str));
      g_string_truncate (field, 0);
      if (*p == ',')
        {
          p++;
          continue;
        }
      /* Every record, the last included, ends in CRLF. */
      g_assert_cmpint (p[0], ==, '\r');
      g_assert_cmpint (p[1], ==, '\n');
      p += 2;
      g_ptr_array_add (fields, NULL);
      /* Stealing leaves the array empty, ready for the next record. */
      g_ptr_array_add (records, g_ptr_array_steal (fields, NULL));
    }
  g_assert_cmpuint (fields->len, ==, 0);

  return records;
}

/* The JSON report's findings; @root keeps them alive. */
static JsonArray *
json_findings (Subject   *subject,
               JsonNode **root)
{
  g_autoptr(GBytes) bytes = write_format (subject, "json");
  g_autofree gchar *text = bytes_to_text (bytes);

  *root = json_from_string (text, NULL);
  g_assert_nonnull (*root);
  return json_object_get_array_member (json_node_get_object (*root), "findings");
}

/* The position of the column @name in @header. */
static guint
csv_column (const gchar * const *header,
            const gchar         *name)
{
  for (guint c = 0; header[c] != NULL; c++)
    if (g_str_equal (header[c], name))
      return c;
  g_error ("the CSV report has no column %s", name);
  return G_MAXUINT;
}

/* The columns a spreadsheet may refer to by position: the finding's, in
 * the order they have always had; the subjects added later come last. */
static const gchar * const csv_first_columns[] = {
  "plan", "plan_file", "checked", "server", "virtual_server", "certificate",
  "rule", "level", "status", "source", "expected", "found", "message", NULL
};
static const gchar * const csv_front_end_columns[] = {
  "load_balancer", "reverse_proxy", "published_host", NULL
};

static void
check_csv (Subject *subject,
           GBytes  *bytes)
{
  g_autofree gchar *text = bytes_to_text (bytes);
  g_autoptr(GPtrArray) records = read_csv (text);
  g_autoptr(JsonNode) json = NULL;
  JsonArray *findings = json_findings (subject, &json);
  const gchar * const *header;
  guint n_columns;
  guint rule_column;
  guint n_front_end = g_strv_length ((gchar **) csv_front_end_columns);

  guint n_finding_rows = 0;

  g_assert_cmpuint (records->len, >, 1);
  header = g_ptr_array_index (records, 0);
  n_columns = g_strv_length ((gchar **) header);
  for (guint c = 0; csv_first_columns[c] != NULL; c++)
    g_assert_cmpstr (header[c], ==, csv_first_columns[c]);
  g_assert_cmpuint (n_columns, >, n_front_end);
  for (guint c = 0; c < n_front_end; c++)
    g_assert_cmpstr (header[n_columns - n_front_end + c], ==, csv_front_end_columns[c]);
  rule_column = csv_column (header, "rule");

  for (guint r = 1; r < records->len; r++)
    {
      const gchar * const *record = g_ptr_array_index (records, r);
      JsonObject *finding;

      g_assert_cmpuint (g_strv_length ((gchar **) record), ==, n_columns);
      /* Quoting round-trips: commas, quotes and line breaks survive. */
      g_assert_cmpstr (record[0], ==, subject->plan_name);
      /* The findings come first; the DNS records' rows name no rule. */
      if (*record[rule_column] == '\0')
        {
          for (guint c = 0; c < n_front_end; c++)
            g_assert_cmpstr (record[n_columns - n_front_end + c], ==, "");
          continue;
        }
      g_assert_cmpuint (r, ==, n_finding_rows + 1);
      g_assert_cmpuint (n_finding_rows, <, json_array_get_length (findings));
      finding = json_array_get_object_element (findings, n_finding_rows);
      n_finding_rows++;
      g_assert_nonnull (cwa_rules_lookup (record[rule_column]));
      g_assert_cmpstr (record[rule_column], ==, json_object_get_string_member (finding, "rule"));
      /* A load balancer's, an array's or a publishing rule's finding names
       * its subject as the JSON report does. */
      for (guint c = 0; c < n_front_end; c++)
        g_assert_cmpstr (record[n_columns - n_front_end + c], ==,
                         json_object_get_string_member_with_default (finding, csv_front_end_columns[c], ""));
    }

  /* One row per finding, as many as the JSON report lists. */
  g_assert_cmpuint (n_finding_rows, ==, subject->n_findings);
  g_assert_cmpuint (n_finding_rows, ==, json_array_get_length (findings));
}

/* ------------------------------------------------------------------ */
/* PDF                                                                 */

static void
check_pdf (Subject *subject,
           GBytes  *bytes)
{
  gsize size;
  const gchar *data = g_bytes_get_data (bytes, &size);
  g_autofree gchar *text = NULL;
  g_autofree gchar *flat = NULL;
  g_autofree gchar *last = NULL;
  guint n_pages = 0;
  const gchar *page;

  g_assert_cmpuint (size, >, 8);
  g_assert_cmpmem (data, 5, "%PDF-", 5);
  g_assert_nonnull (memmem (data + size - MIN (size, 32), MIN (size, 32), "%%EOF", 5));

  text = cwa_test_pdf_to_text (bytes, FALSE);
  if (text == NULL)
    {
      g_test_message ("pdftotext (poppler-utils) is not installed: the PDF's text is not checked");
      return;
    }

  g_assert_nonnull (strstr (text, "Certificate check"));
  g_assert_nonnull (strstr (text, "Required names"));
  g_assert_nonnull (strstr (text, "Coverage"));
  flat = cwa_test_strip_space (text);
  for (guint i = 0; i < subject->names->len; i++)
    {
      const gchar *name = g_ptr_array_index (subject->names, i);
      g_autofree gchar *flat_name = cwa_test_strip_space (name);

      if (strstr (flat, flat_name) == NULL)
        g_error ("The PDF does not show the required name %s:\n%s", name, text);
    }

  /* "Page N of M" on every page, M the real number of pages. */
  page = strstr (text, "Page 1 of ");
  g_assert_nonnull (page);
  n_pages = (guint) g_ascii_strtoull (page + strlen ("Page 1 of "), NULL, 10);
  g_assert_cmpuint (n_pages, >=, 1);
  last = g_strdup_printf ("Page %u of %u", n_pages, n_pages);
  g_assert_nonnull (strstr (text, last));
  /* pdftotext ends each page with a form feed. */
  {
    guint feeds = 0;

    for (const gchar *p = text; *p != '\0'; p++)
      feeds += *p == '\f';
    g_assert_cmpuint (feeds, ==, n_pages);
  }
}

/* ------------------------------------------------------------------ */
/* The tests                                                           */

static void
check_every_format (Subject *subject)
{
  g_autoptr(GBytes) md = write_format (subject, "markdown");
  g_autoptr(GBytes) html = write_format (subject, "html");
  g_autoptr(GBytes) csv = write_format (subject, "csv");
  g_autoptr(GBytes) pdf = write_format (subject, "pdf");

  check_markdown (subject, md);
  check_html (subject, html);
  check_csv (subject, csv);
  check_pdf (subject, pdf);
}

static void
test_formats_listed (void)
{
  const struct { const gchar *name, *extension; gboolean binary; } expected[] = {
    { "markdown", "md", FALSE }, { "html", "html", FALSE }, { "csv", "csv", FALSE }, { "pdf", "pdf", TRUE },
  };
  guint n = 0;
  const CwaReportFormat * const *formats = cwa_report_formats (&n);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const CwaReportFormat *format = cwa_report_format_lookup (expected[i].name);
      gboolean listed = FALSE;

      g_assert_nonnull (format);
      g_assert_cmpstr (format->extension, ==, expected[i].extension);
      g_assert_cmpint (format->binary, ==, expected[i].binary);
      g_assert_nonnull (format->mime_type);
      g_assert_nonnull (format->write);
      for (guint j = 0; j < n; j++)
        listed |= formats[j] == format;
      g_assert_true (listed);
    }
}

static void
test_contoso (void)
{
  Subject subject = { 0 };

  if (load_example (&subject, "contoso.cwaplan"))
    check_every_format (&subject);
  subject_clear (&subject);
}

/* Terminal columns of @line up to byte @offset: East Asian wide characters
 * take two, counted here with the Unicode tables rather than the code
 * under test. */
static guint
columns_before (const gchar *line,
                const gchar *end)
{
  guint width = 0;

  for (const gchar *p = line; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* CJK ideographs and kana: the only wide text this test writes. */
      width += (c >= 0x3040 && c <= 0x9fff) ? 2 : 1;
    }
  return width;
}

/* A certificate id in a wide script keeps the text report's coverage
 * matrix aligned: the second certificate's column starts at the same
 * terminal column on the header and on every row. */
static void
test_text_wide_names (void)
{
  Subject subject = { 0 };
  g_autofree gchar *path = cwa_test_example_path ("mistakes.cwaplan");
  g_autoptr(GBytes) bytes = NULL;
  g_autofree gchar *text = NULL;
  g_auto(GStrv) lines = NULL;
  CwaPlan *plan;
  guint column = 0;
  guint n_rows = 0;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("the example plan is not in the source tree");
      return;
    }
  plan = cwa_test_load_plan (path);
  cwa_certificate_set_id (cwa_plan_lookup_certificate (plan, "im-contoso-no-download"),
                          "東京証明書東京証明書");
  subject_check (&subject, plan, "mistakes.cwaplan");
  bytes = write_format (&subject, "text");
  text = bytes_to_text (bytes);
  lines = g_strsplit (strstr (text, "\nCoverage\n") + strlen ("\nCoverage\n"), "\n", -1);

  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      const gchar *second = i == 0 ? strstr (lines[i], "cwaserver-expired")
                                   : g_strrstr (lines[i], "  ") + 2;

      g_assert_nonnull (second);
      if (i == 0)
        column = columns_before (lines[i], second);
      else
        {
          g_assert_cmpuint (columns_before (lines[i], second), ==, column);
          n_rows++;
        }
    }
  g_assert_cmpuint (n_rows, >, 0);

  subject_clear (&subject);
}

static void
test_mistakes (void)
{
  Subject subject = { 0 };

  if (load_example (&subject, "mistakes.cwaplan"))
    {
      g_autoptr(GBytes) md = NULL;
      g_autofree gchar *text = NULL;

      check_every_format (&subject);
      /* The verdict is there, in words. */
      g_assert_false (cwa_checklist_is_ready (subject.checklist));
      md = write_format (&subject, "markdown");
      text = bytes_to_text (md);
      g_assert_nonnull (strstr (text, "errors, "));
      g_assert_nonnull (strstr (text, "missing"));
    }
  subject_clear (&subject);
}

/* Headings read as sentences in every format: the same subject words
 * ("Computer", as the other formats say), counts with the plural their
 * number needs, and one result column that never says "Pass" beside a
 * level ("Pass error"). */
static void
test_wording (void)
{
  Subject subject = { 0 };
  static const gchar * const formats[] = { "text", "markdown", "html" };

  if (!load_example (&subject, "mistakes.cwaplan"))
    {
      subject_clear (&subject);
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr(GBytes) bytes = write_format (&subject, formats[i]);
      g_autofree gchar *text = bytes_to_text (bytes);

      g_test_message ("format %s", formats[i]);
      g_assert_nonnull (strstr (text, "Deployment: 1 check passed"));
      g_assert_nonnull (strstr (text, "Computer cwaserver.contoso.com: 1 of 13 checks failed"));
      g_assert_nonnull (strstr (text, "Virtual server im.fabrikam.com on cwaserver.contoso.com: "));
      g_assert_null (strstr (text, "Server cwaserver"));
      g_assert_null (strstr (text, "all 1 passed"));
      g_assert_null (strstr (text, " 0 passed"));
      g_assert_null (strstr (text, "1 checks"));
      g_assert_null (strstr (text, "1 errors"));
      g_assert_null (strstr (text, "1 warnings"));
      if (!g_str_equal (formats[i], "text"))
        {
          g_assert_null (strstr (text, "Pass | error"));
          g_assert_null (strstr (text, "Pass</td><td>error"));
          g_assert_nonnull (strstr (text, "Result"));
        }
      /* Names and rule ids break only after their dots and hyphens. */
      if (g_str_equal (formats[i], "html"))
        {
          g_assert_nonnull (strstr (text, "download.<wbr>im.<wbr>fabrikam.<wbr>com"));
          g_assert_nonnull (strstr (text, "cert.<wbr>version-<wbr>3"));
          g_assert_null (strstr (text, "anywhere"));
          g_assert_null (strstr (text, "break-all"));
        }
    }
  subject_clear (&subject);
}

static gchar *
long_host (const gchar *first_label_start,
           const gchar *domain)
{
  GString *host = g_string_new (NULL);

  /* Three labels of 60 characters: long, still a valid DNS name after
   * "download." is put in front. */
  for (guint label = 0; label < 3; label++)
    {
      g_string_append (host, label == 0 ? first_label_start : "segment");
      while (host->len % 61 != 60)
        g_string_append_c (host, (gchar) ('a' + host->len % 26));
      g_string_append_c (host, '.');
    }
  g_string_append (host, domain);
  g_assert_cmpuint (host->len + strlen ("download."), <=, 253);
  return g_string_free (host, FALSE);
}

static void
write_plan (const gchar *path,
            JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree gchar *text = NULL;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
}

static void
add_member (JsonBuilder *builder,
            const gchar *name,
            const gchar *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

/* Names with commas, quotes, "|", "<", "&", line breaks, non-ASCII text
 * and very long host names, loaded from a plan file as a user would. */
static void
test_awkward_names (void)
{
  Subject subject = { 0 };
  const gchar *plan_name = "Contoso, \"Ops\" | <R&D> *Zürich* _日本_ [x](y) \\ #1\nsecond line";
  const gchar *id1 = "Zertifikat, \"eins\" | <b>&amp; ü";
  const gchar *id2 = "second|cert<&>\"";
  const gchar *cert_file = "certs/Zertifikat, \"eins\" | <1> & ü.pem";
  g_autofree gchar *fqdn = long_host ("cwaserver-", "contoso.com");
  g_autofree gchar *far_host = long_host ("im-", "fabrikam.com");
  g_autofree gchar *idn = g_hostname_to_ascii ("bücher-im.contoso.com");
  g_autofree gchar *far_url = g_strdup_printf ("https://%s", far_host);
  g_autofree gchar *as_idn = g_strdup_printf ("as.%s", idn);
  g_autofree gchar *as_far = g_strdup_printf ("as.%s", far_host);
  g_autofree gchar *download_far = g_strdup_printf ("download.%s", far_host);
  g_autofree gchar *subject2 = g_strdup_printf ("CN=%s,O=Fabrikam\\, Inc.,OU=\\\"Q&A\\\" | <Dev>", far_host);
  const gchar *sans1[] = { idn, as_idn, fqdn, NULL };
  const gchar *sans2[] = { far_host, as_far, download_far, NULL };
  g_autofree gchar *certs_dir = NULL;
  g_autofree gchar *cert_path = NULL;
  g_autofree gchar *pem1 = NULL;
  g_autofree gchar *pem2 = NULL;
  g_autofree gchar *plan_path = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  CwaTestCertSpec spec;

  subject.dir = g_dir_make_tmp ("cwa-reports-XXXXXX", NULL);
  certs_dir = g_build_filename (subject.dir, "certs", NULL);
  g_assert_cmpint (g_mkdir (certs_dir, 0700), ==, 0);

  cwa_test_cert_spec_init (&spec, "CN=bücher-im.contoso.com,O=Contoso\\, Ltd.,OU=\\\"R&D\\\" | <Ops> Zürich");
  spec.dns_names = sans1;
  pem1 = cwa_test_cert_build_pem (&spec);
  cert_path = g_build_filename (subject.dir, cert_file, NULL);
  g_assert_true (g_file_set_contents (cert_path, pem1, -1, NULL));

  cwa_test_cert_spec_init (&spec, subject2);
  spec.dns_names = sans2;
  spec.serial = 2;
  pem2 = cwa_test_cert_build_pem (&spec);

  json_builder_begin_object (builder);
  add_member (builder, "format", "cwa-cert-plan");
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, 1);
  add_member (builder, "name", plan_name);
  json_builder_set_member_name (builder, "servers");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  add_member (builder, "fqdn", fqdn);
  add_member (builder, "mtls_certificate", id1);
  json_builder_set_member_name (builder, "virtual_servers");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  add_member (builder, "url", "https://bücher-im.contoso.com");
  add_member (builder, "audience", "external");
  add_member (builder, "ssl_certificate", id1);
  json_builder_end_object (builder);
  json_builder_begin_object (builder);
  add_member (builder, "url", far_url);
  add_member (builder, "audience", "internal");
  add_member (builder, "listen", "10.0.0.2:443");
  add_member (builder, "ssl_certificate", id2);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "certificates");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  add_member (builder, "id", id1);
  add_member (builder, "file", cert_file);
  json_builder_end_object (builder);
  json_builder_begin_object (builder);
  add_member (builder, "id", id2);
  add_member (builder, "pem", pem2);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  plan_path = g_build_filename (subject.dir, "Plan, \"quoted\" | <x> & ü.cwaplan", NULL);
  write_plan (plan_path, builder);
  subject_check (&subject, cwa_test_load_plan (plan_path), "Plan, \"quoted\" | <x> & ü.cwaplan");
  g_assert_cmpstr (subject.plan_name, ==, plan_name);

  check_every_format (&subject);

  /* The long names and the odd ids reach the text formats unharmed. */
  {
    g_autoptr(GBytes) html = write_format (&subject, "html");
    g_autoptr(GBytes) md = write_format (&subject, "markdown");
    g_autofree gchar *html_text = bytes_to_text (html);
    g_autofree gchar *md_text = bytes_to_text (md);

    g_assert_nonnull (strstr (html_text, "second|cert&lt;&amp;&gt;&quot;"));
    g_assert_nonnull (strstr (md_text, "second\\|cert&lt;&amp;&gt;\""));
    g_assert_nonnull (strstr (html_text, fqdn));
    g_assert_nonnull (strstr (md_text, "bücher-im.contoso.com"));
  }

  subject_clear (&subject);
}

/* A plan that loaded a PKCS#12 holding the private key: no report format
 * carries any of it. */
static void
test_no_key_material (void)
{
  Subject subject = { 0 };
  g_autofree gchar *pfx_source = cwa_test_data_path ("fixtures", "unprotected.pfx", NULL);
  g_autofree gchar *key_source = cwa_test_data_path ("keys", "rsa2048.key", NULL);
  g_autofree gchar *pfx = NULL;
  g_autofree gchar *key = NULL;
  g_autofree gchar *pfx_path = NULL;
  g_autofree gchar *plan_path = NULL;
  g_autofree gchar *plan_text = NULL;
  g_auto(GStrv) key_lines = NULL;
  gsize pfx_length;
  GListModel *certificates;
  gboolean had_key = FALSE;
  guint n;
  const CwaReportFormat * const *formats;

  subject.dir = g_dir_make_tmp ("cwa-reports-XXXXXX", NULL);
  g_assert_true (g_file_get_contents (pfx_source, &pfx, &pfx_length, NULL));
  pfx_path = g_build_filename (subject.dir, "im.pfx", NULL);
  g_assert_true (g_file_set_contents (pfx_path, pfx, (gssize) pfx_length, NULL));
  plan_text = g_strdup ("{ \"format\": \"cwa-cert-plan\", \"version\": 1, \"name\": \"With a key\",\n"
                        "  \"servers\": [ { \"fqdn\": \"cwaserver.contoso.com\", \"mtls_certificate\": \"im\",\n"
                        "    \"virtual_servers\": [ { \"url\": \"https://im.contoso.com\", \"audience\": \"external\",\n"
                        "      \"ssl_certificate\": \"im\" } ] } ],\n"
                        "  \"certificates\": [ { \"id\": \"im\", \"file\": \"im.pfx\" } ] }\n");
  plan_path = g_build_filename (subject.dir, "key.cwaplan", NULL);
  g_assert_true (g_file_set_contents (plan_path, plan_text, -1, NULL));
  subject_check (&subject, cwa_test_load_plan (plan_path), "key.cwaplan");

  /* The test means something only if the key really was in the file. */
  certificates = cwa_plan_get_certificates (subject.plan);
  for (guint i = 0; i < g_list_model_get_n_items (certificates); i++)
    {
      g_autoptr(CwaCertificate) certificate = g_list_model_get_item (certificates, i);

      had_key |= cwa_certificate_had_private_key (certificate);
    }
  g_assert_true (had_key);

  g_assert_true (g_file_get_contents (key_source, &key, NULL, NULL));
  key_lines = g_strsplit (key, "\n", -1);

  formats = cwa_report_formats (&n);
  for (guint f = 0; f < n; f++)
    {
      g_autoptr(GBytes) bytes = write_format (&subject, formats[f]->name);
      gsize size;
      const gchar *data = g_bytes_get_data (bytes, &size);
      g_autofree gchar *text = NULL;

      g_test_message ("format %s", formats[f]->name);
      g_assert_null (memmem (data, size, "PRIVATE KEY", 11));
      if (g_str_equal (formats[f]->name, "pdf"))
        text = cwa_test_pdf_to_text (bytes, FALSE);
      else
        text = g_strndup (data, size);
      if (text == NULL)
        continue;
      g_assert_null (strstr (text, "PRIVATE KEY"));
      /* No line of the key's Base64 either. */
      for (guint i = 0; key_lines[i] != NULL; i++)
        if (strlen (key_lines[i]) >= 32 && !g_str_has_prefix (key_lines[i], "-----"))
          g_assert_null (memmem (data, size, key_lines[i], strlen (key_lines[i])));
    }

  subject_clear (&subject);
}

/* ------------------------------------------------------------------ */
/* DNS records                                                         */

/* A version 2 plan: an array with a virtual IP behind a reverse proxy,
 * an array without one, a virtual server on a specific address and one
 * on every address:
 * tests/data/edge.cwaplan. */

typedef struct
{
  const gchar *name;
  const gchar *type;
  const gchar *value;
  const gchar *view;
} DnsRow;

/* What rules.md asks of edge_plan, in its order: the array (published,
 * so internal), the two virtual servers of cwa03, the array without a
 * virtual IP, then the publishing rule's external records; its internal
 * host is the array's record, listed already. */
static const DnsRow edge_records[] = {
  { "im.contoso.com", "A", "10.0.0.50", "internal" },
  { "as.im.contoso.com", "CNAME", "im.contoso.com", "internal" },
  { "download.im.contoso.com", "CNAME", "im.contoso.com", "internal" },
  { "chat.contoso.com", "CNAME", "cwa03.contoso.com", "internal" },
  { "as.chat.contoso.com", "CNAME", "chat.contoso.com", "internal" },
  { "download.chat.contoso.com", "CNAME", "chat.contoso.com", "internal" },
  { "im.fabrikam.com", "A", "10.0.0.7", "internal" },
  { "as.im.fabrikam.com", "CNAME", "im.fabrikam.com", "internal" },
  { "download.im.fabrikam.com", "CNAME", "im.fabrikam.com", "internal" },
  { "meet.contoso.com", "A", "the load balancer's virtual IP", "internal" },
  { "as.meet.contoso.com", "CNAME", "meet.contoso.com", "internal" },
  { "download.meet.contoso.com", "CNAME", "meet.contoso.com", "internal" },
  { "im.contoso.com", "A", "203.0.113.10", "external" },
  { "as.im.contoso.com", "CNAME", "im.contoso.com", "external" },
  { "download.im.contoso.com", "CNAME", "im.contoso.com", "external" },
};

/* The five columns of one record as a format shows them. */
static void
assert_dns_row (guint                index,
                const gchar * const *cells,
                GPtrArray           *records)
{
  const DnsRow *expected = &edge_records[index];
  const CwaDnsRecord *record = g_ptr_array_index (records, index);

  g_test_message ("DNS record %u: %s %s %s", index, expected->name, expected->type, expected->value);
  g_assert_cmpuint (g_strv_length ((gchar **) cells), ==, 5);
  g_assert_cmpstr (cells[0], ==, expected->name);
  g_assert_cmpstr (cells[1], ==, expected->type);
  g_assert_cmpstr (cells[2], ==, expected->value);
  g_assert_cmpstr (cells[3], ==, expected->view);
  g_assert_cmpstr (cells[4], ==, record->for_text);
}

/* Text: a heading, a header line, then one line per record in columns
 * two or more spaces apart. */
static void
check_dns_text (const gchar *text,
                GPtrArray   *records)
{
  const gchar *section = strstr (text, "\nDNS records\n");
  g_auto(GStrv) lines = NULL;

  g_assert_nonnull (section);
  lines = g_strsplit (section + strlen ("\nDNS records\n"), "\n", -1);
  g_assert_true (g_regex_match_simple ("^  Name +Type +Value +View +For$", lines[0], 0, 0));
  for (guint i = 0; i < G_N_ELEMENTS (edge_records); i++)
    {
      g_auto(GStrv) cells = NULL;

      g_assert_nonnull (lines[i + 1]);
      g_assert_true (g_str_has_prefix (lines[i + 1], "  "));
      cells = g_regex_split_simple (" {2,}", lines[i + 1] + 2, 0, 0);
      assert_dns_row (i, (const gchar * const *) cells, records);
    }
  g_assert_cmpstr (lines[G_N_ELEMENTS (edge_records) + 1], ==, "");
}

/* Markdown: "## DNS records", a note, then the table. */
static void
check_dns_markdown (const gchar *text,
                    GPtrArray   *records)
{
  const gchar *section = strstr (text, "\n## DNS records\n");
  const gchar *table;
  g_auto(GStrv) lines = NULL;

  g_assert_nonnull (section);
  table = strstr (section, "\n| ");
  g_assert_nonnull (table);
  lines = g_strsplit (table + 1, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "| Name | Type | Value | View | For |");
  for (guint i = 0; i < G_N_ELEMENTS (edge_records); i++)
    {
      g_autofree gchar *inner = NULL;
      g_auto(GStrv) cells = NULL;

      g_assert_nonnull (lines[i + 2]);
      g_assert_true (g_str_has_prefix (lines[i + 2], "| "));
      g_assert_true (g_str_has_suffix (lines[i + 2], " |"));
      inner = g_strndup (lines[i + 2] + 2, strlen (lines[i + 2]) - 4);
      cells = g_strsplit (inner, " | ", -1);
      /* A value the plan does not give stands out, in bold. */
      if (g_str_has_prefix (cells[2], "**"))
        {
          gchar *plain = g_strndup (cells[2] + 2, strlen (cells[2]) - 4);

          g_assert_cmpstr (edge_records[i].value, ==, "the load balancer's virtual IP");
          g_free (cells[2]);
          cells[2] = plain;
        }
      for (guint c = 0; cells[c] != NULL; c++)
        {
          gchar *plain = markdown_unescape (cells[c]);

          g_free (cells[c]);
          cells[c] = plain;
        }
      assert_dns_row (i, (const gchar * const *) cells, records);
    }
  g_assert_cmpstr (lines[G_N_ELEMENTS (edge_records) + 2], ==, "");
}

static xmlNode *
find_element (xmlNode     *node,
              const gchar *name,
              const gchar *id)
{
  for (xmlNode *n = node; n != NULL; n = n->next)
    {
      xmlNode *found;

      if (n->type != XML_ELEMENT_NODE)
        continue;
      if (g_str_equal ((const gchar *) n->name, name))
        {
          g_autofree gchar *value = NULL;
          xmlChar *attr = id != NULL ? xmlGetProp (n, (const xmlChar *) "id") : NULL;

          value = attr != NULL ? g_strdup ((const gchar *) attr) : NULL;
          xmlFree (attr);
          if (id == NULL || g_strcmp0 (value, id) == 0)
            return n;
        }
      found = find_element (n->children, name, id);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* HTML: <section id="dns-records"> holds a table, one <tr> per record. */
static void
check_dns_html (const gchar *text,
                GPtrArray   *records)
{
  htmlDocPtr doc = htmlReadMemory (text, (int) strlen (text), "report.html", "UTF-8",
                                   HTML_PARSE_NONET | HTML_PARSE_NOBLANKS | HTML_PARSE_NOERROR |
                                   HTML_PARSE_NOWARNING);
  xmlNode *section;
  xmlNode *tbody;
  guint i = 0;

  g_assert_nonnull (doc);
  section = find_element (xmlDocGetRootElement (doc), "section", "dns-records");
  g_assert_nonnull (section);
  tbody = find_element (section->children, "tbody", NULL);
  g_assert_nonnull (tbody);
  for (xmlNode *row = tbody->children; row != NULL; row = row->next)
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) cells = NULL;

      if (row->type != XML_ELEMENT_NODE)
        continue;
      for (xmlNode *cell = row->children; cell != NULL; cell = cell->next)
        {
          xmlChar *content;

          if (cell->type != XML_ELEMENT_NODE)
            continue;
          content = xmlNodeGetContent (cell);
          g_strv_builder_add (builder, (const gchar *) content);
          xmlFree (content);
        }
      cells = g_strv_builder_end (builder);
      g_assert_cmpuint (i, <, G_N_ELEMENTS (edge_records));
      assert_dns_row (i++, (const gchar * const *) cells, records);
    }
  g_assert_cmpuint (i, ==, G_N_ELEMENTS (edge_records));
  xmlFreeDoc (doc);
}

/* CSV: after the findings, one row per record in the dns_* columns. */
static void
check_dns_csv (const gchar *text,
               GPtrArray   *records)
{
  static const gchar * const columns[] = { "dns_name", "dns_type", "dns_value", "dns_view", "dns_for" };
  g_autoptr(GPtrArray) rows = read_csv (text);
  const gchar * const *header = g_ptr_array_index (rows, 0);
  guint n_columns = g_strv_length ((gchar **) header);
  guint index[G_N_ELEMENTS (columns)];
  guint i = 0;

  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    {
      index[c] = G_MAXUINT;
      for (guint h = 0; h < n_columns; h++)
        if (g_str_equal (header[h], columns[c]))
          index[c] = h;
      g_assert_cmpuint (index[c], <, n_columns);
    }
  for (guint r = 1; r < rows->len; r++)
    {
      const gchar * const *row = g_ptr_array_index (rows, r);
      const gchar *cells[G_N_ELEMENTS (columns) + 1] = { NULL };

      if (*row[index[0]] == '\0')
        continue;
      for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
        cells[c] = row[index[c]];
      g_assert_cmpuint (i, <, G_N_ELEMENTS (edge_records));
      assert_dns_row (i++, cells, records);
    }
  g_assert_cmpuint (i, ==, G_N_ELEMENTS (edge_records));
}

/* PDF: the section's heading, then each record's row in order; laid out
 * as lines, a row's first line holds its name, type, value (its first
 * words, when it wraps) and view. */
static void
check_dns_pdf (Subject *subject,
               GBytes  *bytes)
{
  g_autofree gchar *text = cwa_test_pdf_to_text (bytes, TRUE);
  g_auto(GStrv) lines = NULL;
  guint line = 0;

  if (text == NULL)
    {
      g_test_message ("pdftotext (poppler-utils) is not installed: the PDF's DNS records are not checked");
      return;
    }
  lines = g_strsplit (text, "\n", -1);
  /* The heading may open a page: pdftotext puts the form feed before it. */
  while (lines[line] != NULL && !g_str_equal (lines[line] + (lines[line][0] == '\f'), "DNS records"))
    line++;
  g_assert_nonnull (lines[line]);

  for (guint i = 0; i < G_N_ELEMENTS (edge_records); i++)
    {
      const DnsRow *row = &edge_records[i];
      gboolean placeholder = strchr (row->value, ' ') != NULL;
      gboolean found = FALSE;

      for (line++; lines[line] != NULL && !found; line++)
        {
          g_auto(GStrv) words = g_regex_split_simple (" +", lines[line], 0, 0);

          found = g_strv_length (words) >= 4 && g_str_equal (words[0], row->name) &&
                  g_str_equal (words[1], row->type) &&
                  (placeholder ? g_str_equal (words[2], "the") : g_str_equal (words[2], row->value)) &&
                  g_strv_contains ((const gchar * const *) words, row->view);
        }
      if (!found)
        g_error ("The PDF does not show DNS record %u (%s %s %s) after the previous one:\n%s", i,
                 row->name, row->type, row->value, text);
      line--;
    }
}

/* rules.md "DNS records" in every format: the records of a plan with two
 * arrays and a reverse proxy, in the columns of the JSON report's
 * dns_records[] (name, type, value, view, for) and in its order. */
static void
test_dns_records (void)
{
  Subject subject = { 0 };
  g_autofree gchar *path = NULL;
  g_autoptr(GPtrArray) records = NULL;

  subject.dir = g_dir_make_tmp ("cwa-reports-XXXXXX", NULL);
  path = g_build_filename (subject.dir, "edge.cwaplan", NULL);
  {
    g_autofree gchar *edge_plan = cwa_test_dup_data_file ("edge.cwaplan");

    g_assert_true (g_file_set_contents (path, edge_plan, -1, NULL));
  }
  subject_check (&subject, cwa_test_load_plan (path), "edge.cwaplan");
  records = cwa_dns_records_compute (cwa_plan_get_deployment (subject.plan));
  g_assert_cmpuint (records->len, ==, G_N_ELEMENTS (edge_records));

  {
    g_autoptr(GBytes) text = write_format (&subject, "text");
    g_autoptr(GBytes) md = write_format (&subject, "markdown");
    g_autoptr(GBytes) html = write_format (&subject, "html");
    g_autoptr(GBytes) csv = write_format (&subject, "csv");
    g_autoptr(GBytes) pdf = write_format (&subject, "pdf");
    g_autofree gchar *text_text = bytes_to_text (text);
    g_autofree gchar *md_text = bytes_to_text (md);
    g_autofree gchar *html_text = bytes_to_text (html);
    g_autofree gchar *csv_text = bytes_to_text (csv);

    check_dns_text (text_text, records);
    check_dns_markdown (md_text, records);
    check_dns_html (html_text, records);
    check_dns_csv (csv_text, records);
    check_dns_pdf (&subject, pdf);
    /* And each format is whole otherwise. */
    check_markdown (&subject, md);
    check_html (&subject, html);
    check_csv (&subject, csv);
    check_pdf (&subject, pdf);
    /* The section follows the required names and comes before coverage,
     * as dns_records follows required_names in JSON. */
    g_assert_true (strstr (md_text, "## Required names") < strstr (md_text, "## DNS records"));
    g_assert_true (strstr (md_text, "## DNS records") < strstr (md_text, "## Coverage"));
    g_assert_true (strstr (text_text, "\nRequired names\n") < strstr (text_text, "\nDNS records\n"));
    g_assert_true (strstr (text_text, "\nDNS records\n") < strstr (text_text, "\nCoverage\n"));
  }

  subject_clear (&subject);
}

/* A plan with nothing in it still gives every format, without tables to
 * draw. */
static void
test_empty_plan (void)
{
  g_autoptr(CwaPlan) plan = cwa_plan_new ();
  g_autoptr(GDateTime) now = cwa_test_now ();
  g_autoptr(CwaChecklist) checklist = NULL;
  g_autoptr(CwaReport) report = NULL;
  guint n;
  const CwaReportFormat * const *formats = cwa_report_formats (&n);

  checklist = cwa_test_checklist_new (plan);
  report = cwa_report_new (plan, checklist, NULL, now);

  for (guint f = 0; f < n; f++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = cwa_report_write_bytes (report, formats[f], &error);

      g_assert_no_error (error);
      g_assert_nonnull (bytes);
      g_assert_cmpuint (g_bytes_get_size (bytes), >, 0);
    }

  g_clear_pointer (&report, cwa_report_free);
  g_assert_finalize_object (g_steal_pointer (&checklist));
  g_assert_finalize_object (g_steal_pointer (&plan));
}

/* The CSV report of an array published by a reverse proxy: the findings
 * of the load balancer, the array and the publishing rule name them in
 * their columns (the same names as the JSON report, checked in
 * check_csv()), where before those rows had no subject at all. */
static void
test_csv_front_ends (void)
{
  Subject subject = { 0 };
  g_autoptr(GBytes) bytes = NULL;
  g_autofree gchar *text = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  const gchar * const *header;
  guint lb_column, rp_column, host_column, server_column;
  guint n_lb = 0, n_rp = 0;

  if (!load_example (&subject, "contoso-array.cwaplan"))
    {
      subject_clear (&subject);
      return;
    }
  bytes = write_format (&subject, "csv");
  check_csv (&subject, bytes);
  text = bytes_to_text (bytes);
  rows = read_csv (text);
  header = g_ptr_array_index (rows, 0);
  lb_column = csv_column (header, "load_balancer");
  rp_column = csv_column (header, "reverse_proxy");
  host_column = csv_column (header, "published_host");
  server_column = csv_column (header, "server");

  for (guint r = 1; r < rows->len; r++)
    {
      const gchar * const *row = g_ptr_array_index (rows, r);

      if (g_str_has_prefix (row[csv_column (header, "rule")], "lb."))
        {
          g_assert_cmpstr (row[lb_column], ==, "im.contoso.com");
          n_lb++;
        }
      if (g_str_has_prefix (row[csv_column (header, "rule")], "rp."))
        {
          g_assert_cmpstr (row[rp_column], ==, "isa01.perimeter.contoso.com");
          g_assert_cmpstr (row[host_column], ==, "im.contoso.com");
          g_assert_cmpstr (row[server_column], ==, "");
          n_rp++;
        }
    }
  g_assert_cmpuint (n_lb, >, 0);
  g_assert_cmpuint (n_rp, >, 0);

  subject_clear (&subject);
}

/* Reports are English whatever language the program runs in (the window
 * makes them from an English twin of its checklist): their counts too,
 * although the catalogue translates the same words for the window's
 * checklist ("%u error" is "%u Fehler" there). */
static void
test_english_in_german (void)
{
  static const gchar * const formats[] = { "text", "markdown", "html" };
  Subject subject = { 0 };

  if (!cwa_test_speak_german ())
    {
      g_test_skip ("no German catalogue in the build tree, or no C.UTF-8 locale");
      return;
    }
  /* The catalogue is in use: the window's words come out German. */
  g_assert_cmpstr (ngettext ("%u error", "%u errors", 2), ==, "%u Fehler");

  if (load_example (&subject, "mistakes.cwaplan"))
    {
      g_autofree gchar *verdict = g_strdup_printf ("%u errors, %u warnings",
                                                   cwa_checklist_get_n_errors (subject.checklist),
                                                   cwa_checklist_get_n_warnings (subject.checklist));

      /* Plurals, whose German forms the catalogue has. */
      g_assert_cmpuint (cwa_checklist_get_n_errors (subject.checklist), >, 1);
      g_assert_cmpuint (cwa_checklist_get_n_warnings (subject.checklist), !=, 1);
      for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
        {
          g_autoptr(GBytes) bytes = write_format (&subject, formats[i]);
          g_autofree gchar *text = bytes_to_text (bytes);

          g_test_message ("format %s", formats[i]);
          g_assert_nonnull (strstr (text, verdict));
          g_assert_nonnull (strstr (text, "Deployment: 1 check passed"));
          g_assert_nonnull (strstr (text, "Computer cwaserver.contoso.com: 1 of 13 checks failed"));
          g_assert_nonnull (strstr (text, " checks passed"));
          g_assert_null (strstr (text, "Fehler"));
          g_assert_null (strstr (text, "Warnung"));
          g_assert_null (strstr (text, "Prüfung"));
        }
    }

  subject_clear (&subject);
  cwa_test_speak_english_again ();
}

/* Load balancer and listener entries are labelled as what they are, in
 * every table format, not as the MTLS entries they follow. */
static void
test_edge_roles (void)
{
  static const gchar * const formats[] = { "text", "markdown", "html" };
  g_autofree gchar *path = cwa_test_example_path ("contoso.cwaplan");
  CwaPlan *plan;
  CwaDeployment *deployment;
  g_autoptr(CwaLoadBalancer) lb = cwa_load_balancer_new ("im.contoso.com");
  g_autoptr(CwaReverseProxy) proxy = cwa_reverse_proxy_new ("isa01.perimeter.contoso.com");
  g_autoptr(CwaPublishingRule) rule = cwa_publishing_rule_new ("https://im.contoso.com", "im.contoso.com");
  Subject subject = { 0 };

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("the example plan is not in the source tree");
      return;
    }
  plan = cwa_test_load_plan (path);
  deployment = cwa_plan_get_deployment (plan);
  cwa_load_balancer_set_ssl_offload (lb, TRUE);
  g_assert_true (cwa_load_balancer_add_member (lb, "cwaserver.contoso.com"));
  cwa_deployment_add_load_balancer (deployment, lb);
  cwa_reverse_proxy_add_publishing_rule (proxy, rule);
  cwa_deployment_add_reverse_proxy (deployment, proxy);
  subject_check (&subject, plan, "contoso.cwaplan");

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr(GBytes) bytes = write_format (&subject, formats[i]);
      g_autofree gchar *text = bytes_to_text (bytes);

      g_test_message ("format %s", formats[i]);
      /* Their findings are grouped under them, not under the deployment. */
      g_assert_nonnull (strstr (text, "Load balancer im.contoso.com: 1 of 3 checks failed"));
      g_assert_nonnull (strstr (text, "Publishing rule im.contoso.com on isa01.perimeter.contoso.com: 2 of 4 checks failed"));
      g_assert_nonnull (strstr (text, "Deployment: 2 checks passed"));
      if (g_str_equal (formats[i], "text"))
        {
          g_assert_nonnull (strstr (text, "for load balancer im.contoso.com"));
          g_assert_nonnull (strstr (text, "for reverse proxy isa01.perimeter.contoso.com publishing im.contoso.com"));
          g_assert_null (strstr (text, "for ?"));
        }
      else
        {
          g_assert_nonnull (strstr (text, "Load balancer (SSL offload)"));
          g_assert_nonnull (strstr (text, "Reverse proxy listener"));
        }
      /* Their Required names rows name the load balancer or the reverse
       * proxy, and the virtual server, as other rows name their computer. */
      if (g_str_equal (formats[i], "markdown"))
        {
          g_assert_nonnull (strstr (text, "| Load balancer (SSL offload) | load balancer im.contoso.com | im.contoso.com | im.contoso.com |"));
          g_assert_nonnull (strstr (text, "| Reverse proxy listener | reverse proxy isa01.perimeter.contoso.com | im.contoso.com | im.contoso.com |"));
        }
    }
  g_clear_object (&lb);
  g_clear_object (&proxy);
  g_clear_object (&rule);
  subject_clear (&subject);
}

/* A reverse proxy named as the host it publishes: the rule's heading and
 * the text report's Required names name that host once, in the words of
 * `names` and the DNS records, where before they said it twice; the CSV
 * and JSON values stay the proxy's and the host's names. */
static void
test_proxy_named_as_host (void)
{
  static const gchar * const formats[] = { "text", "markdown", "html" };
  g_autofree gchar *path = cwa_test_example_path ("contoso.cwaplan");
  g_autoptr(CwaReverseProxy) proxy = cwa_reverse_proxy_new ("IM.contoso.com.");
  g_autoptr(CwaPublishingRule) rule = cwa_publishing_rule_new ("https://im.contoso.com", "im.contoso.com");
  g_autoptr(GBytes) csv = NULL;
  g_autofree gchar *csv_text = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  const gchar * const *header;
  guint n_rp = 0;
  CwaPlan *plan;
  Subject subject = { 0 };

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("the example plan is not in the source tree");
      return;
    }
  plan = cwa_test_load_plan (path);
  cwa_reverse_proxy_add_publishing_rule (proxy, rule);
  cwa_deployment_add_reverse_proxy (cwa_plan_get_deployment (plan), proxy);
  subject_check (&subject, plan, "contoso.cwaplan");

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr(GBytes) bytes = write_format (&subject, formats[i]);
      g_autofree gchar *text = bytes_to_text (bytes);

      g_test_message ("format %s", formats[i]);
      g_assert_nonnull (strstr (text, "Publishing rule im.contoso.com on the reverse proxy of that name: "));
      g_assert_null (strstr (text, "Publishing rule im.contoso.com on IM.contoso.com"));
      if (g_str_equal (formats[i], "text"))
        {
          g_assert_nonnull (strstr (text, "reverse-proxy certificate for the listener publishing im.contoso.com "
                                          "on the reverse proxy of that name\n"));
          g_assert_null (strstr (text, "publishing im.contoso.com on the reverse proxy im.contoso.com"));
          g_assert_null (strstr (text, "for reverse proxy IM.contoso.com."));
        }
    }

  /* The values keep both names (cli.md), the same in CSV and JSON. */
  csv = write_format (&subject, "csv");
  check_csv (&subject, csv);
  csv_text = bytes_to_text (csv);
  rows = read_csv (csv_text);
  header = g_ptr_array_index (rows, 0);
  for (guint r = 1; r < rows->len; r++)
    {
      const gchar * const *row = g_ptr_array_index (rows, r);

      if (g_str_has_prefix (row[csv_column (header, "rule")], "rp."))
        {
          g_assert_cmpstr (row[csv_column (header, "reverse_proxy")], ==, "im.contoso.com");
          g_assert_cmpstr (row[csv_column (header, "published_host")], ==, "im.contoso.com");
          n_rp++;
        }
    }
  g_assert_cmpuint (n_rp, >, 0);

  subject_clear (&subject);
}

/* The text below @node, a "\n" for each <br> (libxml2's HTML parser does
 * not know <wbr> as empty and nests what follows inside it). */
static void
append_html_lines (GString *lines,
                   xmlNode *node)
{
  for (xmlNode *part = node; part != NULL; part = part->next)
    {
      if (part->type == XML_TEXT_NODE)
        g_string_append (lines, (const gchar *) part->content);
      else if (part->type == XML_ELEMENT_NODE && g_str_equal ((const gchar *) part->name, "br"))
        g_string_append_c (lines, '\n');
      if (part->type == XML_ELEMENT_NODE)
        append_html_lines (lines, part->children);
    }
}

/* The cells of the required-names row of @role in the HTML report, each
 * cell's lines (the <br>-separated parts) joined by "\n". */
static GStrv
html_required_names_row (const gchar *text,
                         const gchar *role)
{
  htmlDocPtr doc = htmlReadMemory (text, (int) strlen (text), "report.html", "UTF-8",
                                   HTML_PARSE_NONET | HTML_PARSE_NOBLANKS | HTML_PARSE_NOERROR |
                                   HTML_PARSE_NOWARNING);
  xmlNode *section = find_element (xmlDocGetRootElement (doc), "section", "required-names");
  xmlNode *tbody = section != NULL ? find_element (section->children, "tbody", NULL) : NULL;
  GStrv found = NULL;

  if (tbody == NULL)
    g_error ("The HTML report has no required-names table");
  for (xmlNode *row = tbody->children; row != NULL && found == NULL; row = row->next)
    {
      g_autoptr(GStrvBuilder) cells = g_strv_builder_new ();
      g_auto(GStrv) built = NULL;

      for (xmlNode *cell = row->children; cell != NULL; cell = cell->next)
        {
          g_autoptr(GString) lines = g_string_new (NULL);

          if (cell->type != XML_ELEMENT_NODE)
            continue;
          append_html_lines (lines, cell->children);
          g_strv_builder_add (cells, lines->str);
        }
      built = g_strv_builder_end (cells);
      if (built[0] != NULL && g_str_equal (built[0], role))
        found = g_steal_pointer (&built);
    }
  xmlFreeDoc (doc);
  g_assert_nonnull (found);
  return found;
}

/* An array's SSL certificate is one for the array, held by every member:
 * the tables name all members, as "servers" does in the JSON report, not
 * the first member alone (cli.md, required_names[]). */
static void
test_array_required_names (void)
{
  Subject subject = { 0 };
  g_autoptr(GBytes) html = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree gchar *html_text = NULL;
  g_autofree gchar *pdf_text = NULL;
  g_auto(GStrv) ssl = NULL;
  g_auto(GStrv) mtls = NULL;

  if (!load_example (&subject, "contoso-array.cwaplan"))
    {
      subject_clear (&subject);
      return;
    }

  html = write_format (&subject, "html");
  html_text = bytes_to_text (html);
  ssl = html_required_names_row (html_text, "SSL");
  /* Role, Computer, Virtual server, Subject, SAN, Assigned certificate. */
  g_assert_cmpuint (g_strv_length (ssl), ==, 6);
  g_assert_cmpstr (ssl[1], ==, "cwa01.contoso.com\ncwa02.contoso.com");
  g_assert_cmpstr (ssl[2], ==, "im.contoso.com");
  mtls = html_required_names_row (html_text, "MTLS");
  g_assert_cmpstr (mtls[1], ==, "cwa01.contoso.com");

  pdf = write_format (&subject, "pdf");
  pdf_text = cwa_test_pdf_to_text (pdf, TRUE);
  if (pdf_text == NULL)
    g_test_message ("pdftotext (poppler-utils) is not installed: the PDF's required names are not checked");
  else
    {
      const gchar *start = strstr (pdf_text, "Required names");
      const gchar *end = start != NULL ? strstr (start, "DNS records") : NULL;
      g_autofree gchar *section = NULL;
      g_auto(GStrv) lines = NULL;
      gboolean in_ssl = FALSE;
      guint members = 0;

      g_assert_nonnull (end);
      section = g_strndup (start, (gsize) (end - start));
      lines = g_strsplit (section, "\n", -1);
      /* The SSL row: its first line starts with the role, the lines below
       * it (until the next role) continue its cells. */
      for (guint i = 0; lines[i] != NULL; i++)
        {
          if (g_str_has_prefix (lines[i], "SSL "))
            in_ssl = TRUE;
          else if (lines[i][0] != ' ' && lines[i][0] != '\0')
            in_ssl = FALSE;
          if (in_ssl)
            members += strstr (lines[i], "cwa01.contoso.com") != NULL || strstr (lines[i], "cwa02.contoso.com") != NULL;
        }
      g_assert_cmpuint (members, ==, 2);
    }
  subject_clear (&subject);
}

/* The Required names rows of an SSL-offloading load balancer and of a
 * listener name the load balancer or the reverse proxy in the Computer
 * column and the virtual server they serve beside it, in HTML and PDF as
 * in Markdown (test_edge_roles). */
static void
test_front_end_required_names (void)
{
  Subject subject = { 0 };
  g_autofree gchar *path = cwa_test_example_path ("contoso-array.cwaplan");
  g_autoptr(GBytes) html = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree gchar *html_text = NULL;
  g_autofree gchar *pdf_text = NULL;
  g_auto(GStrv) lb = NULL;
  g_auto(GStrv) listener = NULL;
  CwaPlan *plan;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("the example plan is not in the source tree");
      return;
    }
  plan = cwa_test_load_plan (path);
  cwa_load_balancer_set_ssl_offload (cwa_deployment_find_load_balancer (cwa_plan_get_deployment (plan),
                                                                        "im.contoso.com"), TRUE);
  subject_check (&subject, plan, "contoso-array.cwaplan");

  html = write_format (&subject, "html");
  html_text = bytes_to_text (html);
  lb = html_required_names_row (html_text, "Load balancer (SSL offload)");
  g_assert_cmpstr (lb[1], ==, "load balancer im.contoso.com");
  g_assert_cmpstr (lb[2], ==, "im.contoso.com");
  listener = html_required_names_row (html_text, "Reverse proxy listener");
  g_assert_cmpstr (listener[1], ==, "reverse proxy isa01.perimeter.contoso.com");
  g_assert_cmpstr (listener[2], ==, "im.contoso.com");

  pdf = write_format (&subject, "pdf");
  pdf_text = cwa_test_pdf_to_text (pdf, FALSE);
  if (pdf_text == NULL)
    g_test_message ("pdftotext (poppler-utils) is not installed: the PDF's required names are not checked");
  else
    {
      /* Each cell's lines stay together; a narrow column may wrap them. */
      g_autofree gchar *flat = cwa_test_strip_space (pdf_text);

      g_assert_nonnull (strstr (flat, "Loadbalancer(SSLoffload)loadbalancerim.contoso.comim.contoso.com"));
      g_assert_nonnull (strstr (flat, "Reverseproxylistenerreverseproxyisa01.perimeter.contoso.comim.contoso.com"));
    }
  subject_clear (&subject);
}

/* The JSON findings and required names of the virtual servers of @host on
 * one computer carry the host itself as "virtual_server" and tell the
 * virtual servers apart in "virtual_server_label"; counts the labels seen. */
static void
check_json_labels (Subject     *subject,
                   const gchar *host,
                   GHashTable  *labels)
{
  g_autoptr(GBytes) bytes = write_format (subject, "json");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  const gchar * const members[] = { "findings", "required_names", "coverage" };
  JsonObject *root;

  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                             (gssize) g_bytes_get_size (bytes), &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  for (guint m = 0; m < G_N_ELEMENTS (members); m++)
    {
      JsonArray *array = json_object_get_array_member (root, members[m]);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonObject *entry = json_array_get_object_element (array, i);

          if (!json_object_has_member (entry, "virtual_server"))
            continue;
          g_assert_cmpstr (json_object_get_string_member (entry, "virtual_server"), ==, host);
          g_assert_true (json_object_has_member (entry, "virtual_server_label"));
          g_hash_table_add (labels, g_strdup (json_object_get_string_member (entry, "virtual_server_label")));
        }
    }
}

/* Two virtual servers of one host on one computer (internal on 443,
 * external on 8443) are told apart by their port in every format;
 * the plain host names no subject of its own. */
static void
test_same_host_virtual_servers (void)
{
  static const gchar * const formats[] = { "text", "markdown", "html", "csv", "pdf" };
  g_autofree gchar *path = cwa_test_example_path ("contoso.cwaplan");
  g_autoptr(CwaVirtualServer) external = cwa_virtual_server_new ("https://im.contoso.com:8443", CWA_AUDIENCE_EXTERNAL);
  g_autoptr(GHashTable) labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  CwaPlan *plan;
  CwaServer *server;
  Subject subject = { 0 };

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("the example plan is not in the source tree");
      return;
    }
  plan = cwa_test_load_plan (path);
  server = cwa_deployment_find_server (cwa_plan_get_deployment (plan), "cwaserver.contoso.com");
  cwa_virtual_server_set_ssl_certificate (external, cwa_plan_lookup_certificate (plan, "im-contoso"));
  cwa_server_add_virtual_server (server, external);
  subject_check (&subject, plan, "contoso.cwaplan");

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr(GBytes) bytes = write_format (&subject, formats[i]);
      g_autofree gchar *text = NULL;
      g_auto(GStrv) pieces = NULL;

      g_test_message ("format %s", formats[i]);
      if (g_str_equal (formats[i], "pdf"))
        {
          g_autofree gchar *pdf = cwa_test_pdf_to_text (bytes, FALSE);

          if (pdf == NULL)
            continue;
          text = cwa_test_strip_space (pdf);
        }
      else
        {
          /* HTML may offer a line break after each dot. */
          g_autofree gchar *raw = bytes_to_text (bytes);

          pieces = g_strsplit (raw, "<wbr>", -1);
          text = g_strjoinv ("", pieces);
        }

      if (!g_str_equal (formats[i], "csv"))
        {
          /* The headings; pdftotext's text is compared without spaces. */
          const gchar * const headings[] = {
            "Virtual server im.contoso.com:443 on cwaserver.contoso.com",
            "Virtual server im.contoso.com:8443 on cwaserver.contoso.com",
            "Virtual server im.contoso.com on",
          };
          gboolean pdf = g_str_equal (formats[i], "pdf");

          for (guint h = 0; h < G_N_ELEMENTS (headings); h++)
            {
              g_autofree gchar *heading = pdf ? cwa_test_strip_space (headings[h]) : g_strdup (headings[h]);

              if (h < 2)
                g_assert_nonnull (strstr (text, heading));
              else
                g_assert_null (strstr (text, heading));
            }
        }
      else
        {
          /* CSV: the virtual_server column of each finding. */
          g_assert_nonnull (strstr (text, ",cwaserver.contoso.com,im.contoso.com:443,"));
          g_assert_nonnull (strstr (text, ",cwaserver.contoso.com,im.contoso.com:8443,"));
          g_assert_null (strstr (text, ",cwaserver.contoso.com,im.contoso.com,"));
        }
    }

  check_json_labels (&subject, "im.contoso.com", labels);
  g_assert_cmpuint (g_hash_table_size (labels), ==, 2);
  g_assert_true (g_hash_table_contains (labels, "im.contoso.com:443"));
  g_assert_true (g_hash_table_contains (labels, "im.contoso.com:8443"));

  g_clear_object (&external);
  subject_clear (&subject);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  LIBXML_TEST_VERSION

  g_test_add_func ("/cwa/reports/formats", test_formats_listed);
  g_test_add_func ("/cwa/reports/contoso", test_contoso);
  g_test_add_func ("/cwa/reports/mistakes", test_mistakes);
  g_test_add_func ("/cwa/reports/wording", test_wording);
  g_test_add_func ("/cwa/reports/text-wide-names", test_text_wide_names);
  g_test_add_func ("/cwa/reports/awkward-names", test_awkward_names);
  g_test_add_func ("/cwa/reports/no-key-material", test_no_key_material);
  g_test_add_func ("/cwa/reports/empty-plan", test_empty_plan);
  g_test_add_func ("/cwa/reports/edge-roles", test_edge_roles);
  g_test_add_func ("/cwa/reports/array-required-names", test_array_required_names);
  g_test_add_func ("/cwa/reports/front-end-required-names", test_front_end_required_names);
  g_test_add_func ("/cwa/reports/same-host-virtual-servers", test_same_host_virtual_servers);
  g_test_add_func ("/cwa/reports/dns-records", test_dns_records);
  g_test_add_func ("/cwa/reports/csv-front-ends", test_csv_front_ends);
  g_test_add_func ("/cwa/reports/proxy-named-as-host", test_proxy_named_as_host);
  g_test_add_func ("/cwa/reports/english-in-german", test_english_in_german);

  status = g_test_run ();
  xmlCleanupParser ();
  return status;
}

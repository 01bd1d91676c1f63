/* cwa-report-document.c: the report's content as headings and tables of text, shared by Markdown, HTML and PDF. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "cwa-report-document.h"
#include "rules/cwa-rule-context.h"

gchar *
_cwa_report_clean_text (const gchar *text)
{
  g_autofree gchar *valid = NULL;
  GString          *clean;

  if (text == NULL)
    return g_strdup ("");

  /* Certificates may carry anything in a T61String; Pango, HTML and XML
   * all insist on valid UTF-8 without control characters. */
  valid = g_utf8_make_valid (text, -1);
  clean = g_string_sized_new (strlen (valid));
  for (const gchar *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\r' && p[1] == '\n')
        continue;
      if (c == '\n' || c == '\r')
        g_string_append_c (clean, '\n');
      else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0))
        g_string_append_c (clean, ' ');
      else
        g_string_append_unichar (clean, c);
    }

  return g_string_free (clean, FALSE);
}

static void
cell_free (gpointer data)
{
  CwaReportCell *cell = data;

  g_strfreev (cell->lines);
  g_free (cell);
}

void
_cwa_report_table_free (CwaReportTable *table)
{
  if (table == NULL)
    return;

  g_free (table->title);
  g_strfreev (table->headers);
  g_ptr_array_unref (table->rows);
  g_free (table);
}

static void
fact_free (gpointer data)
{
  CwaReportFact *fact = data;

  g_free (fact->label);
  g_free (fact->value);
  g_free (fact);
}

static void
section_free (gpointer data)
{
  CwaReportSection *section = data;

  g_free (section->id);
  g_free (section->heading);
  g_free (section->note);
  g_ptr_array_unref (section->tables);
  g_free (section);
}

void
_cwa_report_document_free (CwaReportDocument *document)
{
  if (document == NULL)
    return;

  g_free (document->title);
  g_free (document->plan_name);
  g_free (document->verdict);
  g_ptr_array_unref (document->facts);
  g_ptr_array_unref (document->sections);
  g_free (document);
}

static CwaReportTable *
table_new (const gchar *title,
           const gchar *first_header,
           ...)
{
  CwaReportTable          *table = g_new0 (CwaReportTable, 1);
  g_autoptr (GStrvBuilder) headers = g_strv_builder_new ();
  va_list                  args;

  table->title = title != NULL ? _cwa_report_clean_text (title) : NULL;
  va_start (args, first_header);
  for (const gchar *h = first_header; h != NULL; h = va_arg (args, const gchar *))
    {
      g_strv_builder_add (headers, h);
      table->n_columns++;
    }
  va_end (args);
  table->headers = g_strv_builder_end (headers);
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  return table;
}

static void
table_add_header (CwaReportTable *table,
                  const gchar    *header)
{
  guint n = table->n_columns;

  table->headers = g_renew (gchar *, table->headers, n + 2);
  table->headers[n] = _cwa_report_clean_text (header);
  table->headers[n + 1] = NULL;
  table->n_columns++;
}

static GPtrArray *
table_add_row (CwaReportTable *table)
{
  GPtrArray *row = g_ptr_array_new_with_free_func (cell_free);

  g_ptr_array_add (table->rows, row);
  return row;
}

static CwaReportCell *
row_add_lines (GPtrArray           *row,
               const gchar * const *lines,
               CwaReportTone        tone,
               gboolean             code)
{
  CwaReportCell           *cell = g_new0 (CwaReportCell, 1);
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; lines != NULL && lines[i] != NULL; i++)
    {
      g_autofree gchar *clean = _cwa_report_clean_text (lines[i]);
      g_auto (GStrv)    split = g_strsplit (clean, "\n", -1);

      g_strv_builder_addv (builder, (const gchar **) split);
    }
  cell->lines = g_strv_builder_end (builder);
  /* A cell always has a line, even an empty one: layouts need not check. */
  if (cell->lines[0] == NULL)
    {
      g_strfreev (cell->lines);
      cell->lines = g_new0 (gchar *, 2);
      cell->lines[0] = g_strdup ("");
    }
  cell->tone = tone;
  cell->code = code;
  g_ptr_array_add (row, cell);

  return cell;
}

static CwaReportCell *
row_add (GPtrArray    *row,
         const gchar  *text,
         CwaReportTone tone,
         gboolean      code)
{
  const gchar *lines[] = { text != NULL ? text : "", NULL };

  return row_add_lines (row, lines, tone, code);
}

/* A fact of cwa-cert-facts.c: a list one entry per line. */
static void
row_add_fact (GPtrArray         *row,
              const CwaCertFact *fact,
              CwaCertificate    *certificate)
{
  gboolean          literal = (fact->flags & CWA_CERT_FACT_LITERAL) != 0;
  g_autofree gchar *text = NULL;

  if (fact->kind == CWA_CERT_FACT_LIST)
    {
      const gchar * const *lines = cwa_cert_fact_get_list (fact, certificate);

      if (lines != NULL && lines[0] != NULL)
        {
          row_add_lines (row, lines, CWA_REPORT_TONE_PLAIN, literal);
          return;
        }
    }

  text = cwa_cert_fact_dup_display (fact, certificate);
  row_add (row, text, CWA_REPORT_TONE_PLAIN, literal && fact->kind != CWA_CERT_FACT_LIST);
}

static gboolean
is_folded (const CwaReportTable *table,
           guint                 column)
{
  return column > 0 && column < 32 && (table->fold & (1u << column)) != 0;
}

CwaReportTable *
_cwa_report_table_dup_folded (const CwaReportTable *table)
{
  CwaReportTable          *folded = g_new0 (CwaReportTable, 1);
  g_autoptr (GStrvBuilder) headers = g_strv_builder_new ();

  folded->title = g_strdup (table->title);
  folded->by_record = table->by_record;
  folded->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  for (guint c = 0; c < table->n_columns; c++)
    {
      g_autoptr (GString) header = NULL;

      if (is_folded (table, c))
        continue;
      header = g_string_new (table->headers[c]);
      for (guint d = c + 1; d < table->n_columns && is_folded (table, d); d++)
        if (((table->fold_labelled | table->fold_silent) & (1u << d)) == 0)
          g_string_append_printf (header, " / %s", table->headers[d]);
      g_strv_builder_add (headers, header->str);
      folded->n_columns++;
    }
  folded->headers = g_strv_builder_end (headers);

  for (guint r = 0; r < table->rows->len; r++)
    {
      GPtrArray *row = g_ptr_array_index (table->rows, r);
      GPtrArray *copy = table_add_row (folded);

      for (guint c = 0; c < table->n_columns; c++)
        {
          const CwaReportCell     *host = g_ptr_array_index (row, c);
          CwaReportCell           *cell;
          g_autoptr (GStrvBuilder) lines = NULL;
          g_auto (GStrv)           joined = NULL;
          gboolean                 any = FALSE;

          if (is_folded (table, c))
            continue;

          lines = g_strv_builder_new ();
          g_strv_builder_addv (lines, (const gchar **) host->lines);
          for (guint d = c + 1; d < table->n_columns && is_folded (table, d); d++)
            {
              const CwaReportCell *detail = g_ptr_array_index (row, d);
              g_autofree gchar    *value = g_strjoinv (", ", detail->lines);
              g_autofree gchar    *line = NULL;

              if (*value == '\0')
                continue;
              any = TRUE;
              if ((table->fold_labelled & (1u << d)) != 0)
                line = g_strdup_printf ("%s: %s", table->headers[d], value);
              else
                line = g_steal_pointer (&value);
              g_strv_builder_add (lines, line);
            }
          joined = g_strv_builder_end (lines);
          cell = row_add_lines (copy, (const gchar * const *) joined, host->tone, host->code);
          if (any && host->code)
            cell->plain_from = g_strv_length (host->lines);
        }
    }

  return folded;
}

static void
add_fact (CwaReportDocument *document,
          const gchar       *label,
          const gchar       *value)
{
  CwaReportFact *fact = g_new0 (CwaReportFact, 1);

  fact->label = g_strdup (label);
  fact->value = _cwa_report_clean_text (value);
  g_ptr_array_add (document->facts, fact);
}

static CwaReportSection *
add_section (CwaReportDocument *document,
             const gchar       *id,
             const gchar       *heading)
{
  CwaReportSection *section = g_new0 (CwaReportSection, 1);

  section->id = g_strdup (id);
  section->heading = g_strdup (heading);
  section->tables = g_ptr_array_new_with_free_func ((GDestroyNotify) _cwa_report_table_free);
  g_ptr_array_add (document->sections, section);

  return section;
}

static const gchar *
role_label (CwaRole role)
{
  switch (role)
    {
    case CWA_ROLE_SHARED:
      return "Shared (MTLS + SSL)";
    case CWA_ROLE_SSL:
      return "SSL";
    case CWA_ROLE_LOAD_BALANCER:
      return "Load balancer (SSL offload)";
    case CWA_ROLE_REVERSE_PROXY:
      return "Reverse proxy listener";
    case CWA_ROLE_MTLS:
    default:
      return "MTLS";
    }
}

static const gchar *
result_text (CwaFinding *finding)
{
  if (!cwa_finding_is_failed (finding))
    return "Pass";

  switch (cwa_finding_get_level (finding))
    {
    case CWA_LEVEL_ERROR:
      return "Error";
    case CWA_LEVEL_WARNING:
      return "Warning";
    case CWA_LEVEL_INFO:
    default:
      return "Info";
    }
}

static void
add_finding_row (CwaReportTable *table,
                 CwaFinding     *finding,
                 gboolean        with_certificate)
{
  GPtrArray      *row = table_add_row (table);
  CwaLevel        level = cwa_finding_get_level (finding);
  CwaCertificate *certificate = cwa_finding_get_certificate (finding);
  CwaReportTone   tone = CWA_REPORT_TONE_GOOD;

  if (cwa_finding_is_failed (finding))
    tone = level == CWA_LEVEL_ERROR ? CWA_REPORT_TONE_BAD : level == CWA_LEVEL_WARNING ? CWA_REPORT_TONE_WARN
                                                                                       : CWA_REPORT_TONE_INFO;

  /* One column says what happened: "Pass", or the level of the failure.
   * A "Pass" beside the rule's level ("Pass error") read as a contradiction. */
  row_add (row, result_text (finding), tone, FALSE);
  row_add (row, cwa_finding_get_rule_id (finding), CWA_REPORT_TONE_PLAIN, TRUE);
  if (with_certificate)
    row_add (row, certificate != NULL ? cwa_certificate_get_id (certificate) : "", CWA_REPORT_TONE_PLAIN, FALSE);
  row_add (row, cwa_finding_get_message (finding), CWA_REPORT_TONE_PLAIN, FALSE);
  row_add (row, cwa_finding_get_expected (finding), CWA_REPORT_TONE_PLAIN, TRUE);
  row_add_lines (row, cwa_finding_get_found (finding), CWA_REPORT_TONE_PLAIN, TRUE);
}

static void
build_findings (CwaReportDocument *document,
                const CwaReport   *report)
{
  CwaReportSection     *section = add_section (document, "findings", "Findings");
  g_autoptr (GPtrArray) groups = _cwa_report_group_findings (report);

  if (groups->len == 0)
    section->note = g_strdup ("The plan has nothing to check yet: add a server and its virtual servers.");

  for (guint i = 0; i < groups->len; i++)
    {
      const CwaReportGroup *group = g_ptr_array_index (groups, i);
      g_autofree gchar     *title = _cwa_report_dup_group_heading (group);
      gboolean              with_certificate = FALSE;
      CwaReportTable       *table;

      /* Certificate-scope findings name a certificate; the other columns
       * would stay empty in most groups. */
      for (guint j = 0; j < group->findings->len; j++)
        with_certificate |= cwa_finding_get_certificate (g_ptr_array_index (group->findings, j)) != NULL;

      if (with_certificate)
        table = table_new (title, "Result", "Rule", "Certificate", "Message", "Expected", "Found", NULL);
      else
        table = table_new (title, "Result", "Rule", "Message", "Expected", "Found", NULL);
      /* Level under Status, the certificate under the rule, Expected and
       * Found under the message. */
      table->fold = (1u << 1) | (1u << (table->n_columns - 2)) | (1u << (table->n_columns - 1));
      if (with_certificate)
        table->fold |= 1u << 3;
      table->fold_labelled = (1u << (table->n_columns - 2)) | (1u << (table->n_columns - 1));
      table->fold_silent = 1u << 1;
      for (guint j = 0; j < group->findings->len; j++)
        add_finding_row (table, g_ptr_array_index (group->findings, j), with_certificate);
      g_ptr_array_add (section->tables, table);
    }
}

/* The computers a requirement is for, one per line: its one computer, or
 * for an array's SSL entry every member in plan order, as the JSON report's
 * "servers" lists them (cli.md); none for a load balancer's or a
 * publishing rule's entry (see add_front_end_cells()). */
static GStrv
dup_computer_lines (CwaRequirement *requirement)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  CwaServer               *server = cwa_requirement_get_server (requirement);

  if (cwa_requirement_get_role (requirement) == CWA_ROLE_SSL && cwa_requirement_get_load_balancer (requirement) != NULL)
    {
      GPtrArray *members = cwa_requirement_get_servers (requirement);

      for (guint i = 0; members != NULL && i < members->len; i++)
        {
          g_autofree gchar *name = _cwa_report_dup_server_name (g_ptr_array_index (members, i));

          g_strv_builder_add (builder, name);
        }
    }
  else if (server != NULL)
    {
      g_autofree gchar *name = _cwa_report_dup_server_name (server);

      g_strv_builder_add (builder, name);
    }
  return g_strv_builder_end (builder);
}

/* The Computer and Virtual server cells of a load balancer's or a
 * publishing rule's entry: where that certificate is installed ("load
 * balancer im.contoso.com", "reverse proxy isa.contoso.com") and the
 * virtual server it serves (the array FQDN, or the host the rule
 * publishes), as the other rows name their computer and virtual server.
 * FALSE when @requirement is neither. */
static gboolean
add_front_end_cells (GPtrArray      *row,
                     CwaRequirement *requirement)
{
  CwaRole            role = cwa_requirement_get_role (requirement);
  CwaLoadBalancer   *lb = cwa_requirement_get_load_balancer (requirement);
  CwaPublishingRule *rule = cwa_requirement_get_publishing_rule (requirement);
  CwaReverseProxy   *proxy = cwa_requirement_get_reverse_proxy (requirement);
  g_autofree gchar  *device = NULL;
  g_autofree gchar  *host = NULL;
  g_autofree gchar  *where = NULL;

  if (role == CWA_ROLE_LOAD_BALANCER && lb != NULL)
    {
      host = _cwa_report_dup_host_name (cwa_load_balancer_get_fqdn (lb));
      where = g_strdup_printf ("load balancer %s", host);
    }
  else if (role == CWA_ROLE_REVERSE_PROXY && rule != NULL)
    {
      device = proxy != NULL ? _cwa_report_dup_host_name (cwa_reverse_proxy_get_fqdn (proxy)) : g_strdup ("?");
      where = g_strdup_printf ("reverse proxy %s", device);
      host = cwa_publishing_rule_get_virtual_server_host (rule) != NULL
                 ? _cwa_report_dup_host_name (cwa_publishing_rule_get_virtual_server_host (rule))
                 : g_strdup ("");
    }
  else
    return FALSE;

  row_add (row, where, CWA_REPORT_TONE_PLAIN, FALSE);
  row_add (row, host, CWA_REPORT_TONE_PLAIN, TRUE);
  return TRUE;
}

static void
build_required_names (CwaReportDocument *document,
                      const CwaReport   *report)
{
  CwaReportSection *section = add_section (document, "required-names", "Required names");
  GListModel       *requirements = cwa_checklist_get_requirements (report->checklist);
  guint             n = g_list_model_get_n_items (requirements);
  CwaReportTable   *table;

  section->note = g_strdup ("What each certificate must say, computed from the deployment alone.");
  if (n == 0)
    {
      g_free (section->note);
      section->note = g_strdup ("No certificate is needed yet: the plan has no https virtual server and no computer.");
      return;
    }

  table = table_new (NULL, "Role", "Computer", "Virtual server", "Subject", "Subject alternative names",
                     "Assigned certificate", NULL);
  table->fold = 1u << 2;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (CwaRequirement) requirement = g_list_model_get_item (requirements, i);
      CwaVirtualServer          *vs = cwa_requirement_get_virtual_server (requirement);
      CwaCertificate            *certificate = cwa_requirement_get_certificate (requirement);
      g_auto (GStrv)             computers = dup_computer_lines (requirement);
      g_autofree gchar          *vs_name = vs != NULL ? _cwa_report_dup_virtual_server_name (vs) : NULL;
      const gchar * const       *san = cwa_requirement_get_san (requirement);
      GPtrArray                 *row = table_add_row (table);

      row_add (row, role_label (cwa_requirement_get_role (requirement)), CWA_REPORT_TONE_PLAIN, FALSE);
      if (!add_front_end_cells (row, requirement))
        {
          row_add_lines (row, (const gchar * const *) computers, CWA_REPORT_TONE_PLAIN, TRUE);
          row_add (row, vs_name != NULL ? vs_name : "", CWA_REPORT_TONE_PLAIN, TRUE);
        }
      row_add (row, cwa_requirement_get_subject (requirement), CWA_REPORT_TONE_PLAIN, TRUE);
      if (san == NULL || san[0] == NULL)
        row_add (row, "(none required)", CWA_REPORT_TONE_PLAIN, FALSE);
      else
        row_add_lines (row, san, CWA_REPORT_TONE_PLAIN, TRUE);
      if (certificate != NULL)
        row_add (row, cwa_certificate_get_id (certificate), CWA_REPORT_TONE_PLAIN, FALSE);
      else
        row_add (row, "none yet", CWA_REPORT_TONE_BAD, FALSE);
    }
  g_ptr_array_add (section->tables, table);
}

/* rules.md "DNS records", with the columns of the JSON report's
 * dns_records[]: name, type, value, view, for. */
static void
build_dns_records (CwaReportDocument *document,
                   const CwaReport   *report)
{
  CwaReportSection     *section = add_section (document, "dns-records", "DNS records");
  g_autoptr (GPtrArray) records = cwa_dns_records_compute (cwa_plan_get_deployment (report->plan));
  CwaReportTable       *table;

  if (records->len == 0)
    {
      section->note = g_strdup ("No DNS record is needed yet: the plan has no virtual server.");
      return;
    }
  section->note = g_strdup ("Where each required name must resolve, computed from the deployment alone: "
                            "records of view internal go in the organisation's own DNS, "
                            "those of view external in the Internet's.");

  table = table_new (NULL, "Name", "Type", "Value", "View", "For", NULL);
  for (guint i = 0; i < records->len; i++)
    {
      const CwaDnsRecord *record = g_ptr_array_index (records, i);
      GPtrArray          *row = table_add_row (table);
      /* Words stand for an address the plan does not give: to be filled in. */
      gboolean            address_known = !cwa_dns_record_value_is_placeholder (record);

      row_add (row, record->name, CWA_REPORT_TONE_PLAIN, TRUE);
      row_add (row, record->type, CWA_REPORT_TONE_PLAIN, FALSE);
      row_add (row, record->value, address_known ? CWA_REPORT_TONE_PLAIN : CWA_REPORT_TONE_WARN, address_known);
      row_add (row, record->view, CWA_REPORT_TONE_PLAIN, FALSE);
      row_add (row, record->for_text, CWA_REPORT_TONE_PLAIN, FALSE);
    }
  g_ptr_array_add (section->tables, table);
}

static CwaReportTone
coverage_tone (CwaCoverageStatus status)
{
  switch (status)
    {
    case CWA_COVERAGE_COVERED:
      return CWA_REPORT_TONE_GOOD;
    case CWA_COVERAGE_WILDCARD_ONLY:
      return CWA_REPORT_TONE_WARN;
    case CWA_COVERAGE_MISSING:
    default:
      return CWA_REPORT_TONE_BAD;
    }
}

static void
build_coverage (CwaReportDocument *document,
                const CwaReport   *report)
{
  CwaReportSection      *section = add_section (document, "coverage", "Coverage");
  GPtrArray             *cells = cwa_checklist_get_coverage (report->checklist);
  g_autoptr (GPtrArray)  columns = cwa_plan_dup_assigned_certificates (report->plan);
  CwaReportTable        *table;
  GPtrArray             *row = NULL;
  const CwaCoverageCell *row_start = NULL;

  if (cells == NULL || cells->len == 0 || columns == NULL || columns->len == 0)
    {
      section->note = g_strdup ("No certificate is assigned yet, so no required name is covered.");
      return;
    }
  section->note = g_strdup ("Each required name against each assigned certificate: "
                            "covered, missing, or wildcard only (which CWA does not accept).");

  table = table_new (NULL, "Required name", "Role", "For", NULL);
  for (guint i = 0; i < columns->len; i++)
    table_add_header (table, cwa_certificate_get_id (g_ptr_array_index (columns, i)));

  /* Cells come row by row, one per column: a new row starts whenever the
   * name or its requirement changes. */
  for (guint i = 0; i < cells->len; i++)
    {
      const CwaCoverageCell *cell = g_ptr_array_index (cells, i);
      guint                  column = 0;

      if (row == NULL || row_start->requirement != cell->requirement ||
          g_strcmp0 (row_start->name, cell->name) != 0)
        {
          CwaServer        *server = cwa_requirement_get_server (cell->requirement);
          CwaVirtualServer *vs = cwa_requirement_get_virtual_server (cell->requirement);
          g_autofree gchar *subject = vs != NULL ? _cwa_report_dup_virtual_server_name (vs) : server != NULL ? _cwa_report_dup_server_name (server)
                                                                                                             : NULL;

          /* Columns a row had no cell for stay empty. */
          while (row != NULL && row->len < table->n_columns)
            row_add (row, "", CWA_REPORT_TONE_PLAIN, FALSE);
          row = table_add_row (table);
          row_start = cell;
          row_add (row, cell->name, CWA_REPORT_TONE_PLAIN, TRUE);
          row_add (row, role_label (cwa_requirement_get_role (cell->requirement)), CWA_REPORT_TONE_PLAIN, FALSE);
          row_add (row, subject, CWA_REPORT_TONE_PLAIN, TRUE);
        }

      while (column < columns->len && g_ptr_array_index (columns, column) != cell->certificate)
        column++;
      if (column == columns->len)
        continue;
      while (row->len < 3 + column)
        row_add (row, "", CWA_REPORT_TONE_PLAIN, FALSE);
      if (row->len == 3 + column)
        row_add (row, cwa_coverage_status_to_string (cell->status), coverage_tone (cell->status), FALSE);
    }
  while (row != NULL && row->len < table->n_columns)
    row_add (row, "", CWA_REPORT_TONE_PLAIN, FALSE);

  g_ptr_array_add (section->tables, table);
}

static void
build_certificates (CwaReportDocument *document,
                    const CwaReport   *report)
{
  static const CwaReportTone urgency_tones[] = {
    [CWA_REPORT_URGENCY_NONE] = CWA_REPORT_TONE_GOOD,
    [CWA_REPORT_URGENCY_SOON] = CWA_REPORT_TONE_WARN,
    [CWA_REPORT_URGENCY_INVALID] = CWA_REPORT_TONE_BAD,
  };
  CwaReportSection  *section = add_section (document, "certificates", "Certificates");
  GListModel        *certificates = cwa_plan_get_certificates (report->plan);
  guint              n_facts = 0;
  const CwaCertFact *facts = cwa_cert_facts_get (&n_facts);
  guint              n = g_list_model_get_n_items (certificates);
  CwaReportTable    *table;

  if (n == 0)
    {
      section->note = g_strdup ("The plan holds no certificate yet.");
      return;
    }

  table = table_new (NULL, "Certificate", "Roles", NULL);
  for (guint f = 0; f < n_facts; f++)
    {
      if (facts[f].flags & CWA_CERT_FACT_IN_TABLE)
        table_add_header (table, facts[f].label);
    }
  table_add_header (table, "Days left");
  table_add_header (table, "Source");
  table->by_record = TRUE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (CwaCertificate) certificate = g_list_model_get_item (certificates, i);
      g_auto (GStrv)             roles = cwa_plan_dup_certificate_roles (report->plan, certificate);
      g_autofree gchar          *roles_text = roles != NULL && roles[0] != NULL ? g_strjoinv (", ", roles) : g_strdup ("none (CA or unassigned)");
      const gchar               *source = cwa_certificate_get_source (certificate);
      CwaReportUrgency           urgency;
      g_autofree gchar          *days = _cwa_report_dup_days_left (report, certificate, &urgency);
      GPtrArray                 *row = table_add_row (table);

      row_add (row, cwa_certificate_get_id (certificate), CWA_REPORT_TONE_PLAIN, FALSE);
      row_add (row, roles_text, CWA_REPORT_TONE_PLAIN, FALSE);
      for (guint f = 0; f < n_facts; f++)
        {
          if (facts[f].flags & CWA_CERT_FACT_IN_TABLE)
            row_add_fact (row, &facts[f], certificate);
        }
      row_add (row, days, urgency_tones[urgency], FALSE);
      row_add (row, source != NULL && *source != '\0' ? source : "embedded in the plan", CWA_REPORT_TONE_PLAIN, FALSE);
    }
  g_ptr_array_add (section->tables, table);
}

/* probe's endpoints: where it connected, what was planned, the served
 * chain (one line per certificate) or why there is none. */
static void
build_endpoints (CwaReportDocument *document,
                 const CwaReport   *report)
{
  CwaReportSection *section;
  CwaReportTable   *table;

  if (report->endpoints == NULL)
    return;

  section = add_section (document, "endpoints", "Endpoints (live)");
  section->note = g_strdup ("What each planned TLS endpoint served when it was probed; nothing served is trusted or stored.");
  if (report->endpoints->len == 0)
    return;

  table = table_new (NULL, "Endpoint", "Address", "Planned", "Served chain (leaf first)", "Problem", NULL);
  for (guint i = 0; i < report->endpoints->len; i++)
    {
      CwaProbeResult          *result = g_ptr_array_index (report->endpoints, i);
      CwaEndpoint             *endpoint = cwa_probe_result_get_endpoint (result);
      GPtrArray               *served = cwa_probe_result_get_served (result);
      g_autofree gchar        *planned = cwa_endpoint_dup_planned_ids (endpoint);
      g_autoptr (GStrvBuilder) lines = g_strv_builder_new ();
      g_auto (GStrv)           chain = NULL;
      GPtrArray               *row = table_add_row (table);
      const gchar             *error = cwa_probe_result_get_error (result);

      for (guint j = 0; j < served->len; j++)
        {
          CwaCertificate   *certificate = g_ptr_array_index (served, j);
          const gchar      *id = _cwa_report_served_certificate_id (report->plan, certificate);
          g_autofree gchar *line = g_strdup_printf ("%s (%s), SHA-256 %s", cwa_rule_certificate_subject (certificate),
                                                    id != NULL ? id : "not in the plan",
                                                    cwa_certificate_get_sha256 (certificate));

          g_strv_builder_add (lines, line);
        }
      chain = g_strv_builder_end (lines);

      row_add (row, cwa_endpoint_get_name (endpoint), CWA_REPORT_TONE_PLAIN, TRUE);
      row_add (row, cwa_probe_result_get_address (result), CWA_REPORT_TONE_PLAIN, TRUE);
      row_add (row, planned, CWA_REPORT_TONE_PLAIN, FALSE);
      row_add_lines (row, (const gchar * const *) chain, CWA_REPORT_TONE_PLAIN, FALSE);
      row_add (row, error, error != NULL ? CWA_REPORT_TONE_BAD : CWA_REPORT_TONE_PLAIN, FALSE);
    }
  g_ptr_array_add (section->tables, table);
}

CwaReportDocument *
_cwa_report_document_new (const CwaReport *report)
{
  CwaReportDocument *document;
  const gchar       *name;
  g_autofree gchar  *checked = NULL;
  g_autofree gchar  *generated = NULL;
  g_autofree gchar  *counts = NULL;
  guint              n_findings;
  guint              n_passed;

  g_return_val_if_fail (report != NULL, NULL);

  document = g_new0 (CwaReportDocument, 1);
  document->facts = g_ptr_array_new_with_free_func (fact_free);
  document->sections = g_ptr_array_new_with_free_func (section_free);

  name = cwa_plan_get_name (report->plan);
  document->plan_name = _cwa_report_clean_text (name != NULL && *name != '\0' ? name : "Untitled plan");
  document->title = g_strdup_printf ("Certificate check: %s", document->plan_name);
  document->verdict = _cwa_report_dup_summary (report);
  document->ready = cwa_checklist_is_ready (report->checklist);

  checked = _cwa_report_format_time (_cwa_report_get_check_time (report));
  generated = _cwa_report_format_time (report->generated);
  n_findings = g_list_model_get_n_items (cwa_checklist_get_findings (report->checklist));
  n_passed = cwa_checklist_get_n_passed (report->checklist);
  counts = g_strdup_printf (_cwa_report_plural (n_findings, "%u of %u check passed", "%u of %u checks passed"),
                            MIN (n_passed, n_findings), n_findings);

  add_fact (document, "Plan", document->plan_name);
  add_fact (document, "File", report->plan_file != NULL ? report->plan_file : "not saved");
  add_fact (document, "Checked at", checked);
  add_fact (document, "Generated", generated);
  add_fact (document, "Verdict", document->verdict);
  add_fact (document, "Checks", counts);
  add_fact (document, "Tool", "CWA Cert Planner " PACKAGE_VERSION);

  build_findings (document, report);
  build_required_names (document, report);
  build_dns_records (document, report);
  build_coverage (document, report);
  build_certificates (document, report);
  build_endpoints (document, report);

  return document;
}

/* cwa-report-text.c: the report for a terminal: verdict first, then aligned findings, names, DNS records, coverage and certificates. */
#include "config.h"

#include <string.h>

#include "cwa-report-private.h"
#include "rules/cwa-rule-context.h"

#define MARK_PASS "\xe2\x9c\x94" /* ✔ */
#define MARK_FAIL "\xe2\x9c\x96" /* ✖ */

typedef enum
{
  STYLE_NONE,
  STYLE_BOLD,
  STYLE_DIM,
  STYLE_RED,
  STYLE_YELLOW,
  STYLE_GREEN,
} Style;

typedef struct
{
  GString *out;
  gboolean color;
} Writer;

/* Appends @text with control characters shown as "\xNN": a certificate
 * field must never reach the terminal as an escape sequence. */
static void
put (Writer      *w,
     const gchar *text)
{
  const gchar *run = text;
  const gchar *p;

  if (text == NULL)
    return;

  for (p = text; *p != '\0'; p++)
    {
      if ((guchar) *p >= 0x20 && *p != 0x7f)
        continue;
      g_string_append_len (w->out, run, p - run);
      g_string_append_printf (w->out, "\\x%02x", (guchar) *p);
      run = p + 1;
    }
  g_string_append_len (w->out, run, p - run);
}

static void
styled (Writer      *w,
        Style        style,
        const gchar *text)
{
  static const gchar * const codes[] = {
    [STYLE_NONE] = "",
    [STYLE_BOLD] = "\033[1m",
    [STYLE_DIM] = "\033[2m",
    [STYLE_RED] = "\033[1;31m",
    [STYLE_YELLOW] = "\033[1;33m",
    [STYLE_GREEN] = "\033[32m",
  };

  if (w->color && style != STYLE_NONE)
    {
      g_string_append (w->out, codes[style]);
      put (w, text);
      g_string_append (w->out, "\033[0m");
    }
  else
    put (w, text);
}

/* Columns @text takes in a terminal: East Asian wide characters two (a DN
 * may well hold some), combining marks none, an invalid byte one. */
static guint
text_width (const gchar *text)
{
  guint width = 0;

  for (const gchar *p = text; p != NULL && *p != '\0';)
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          width++;
          p++;
          continue;
        }
      if (!g_unichar_iszerowidth (c))
        width += g_unichar_iswide (c) ? 2 : 1;
      p = g_utf8_next_char (p);
    }

  return width;
}

/* @text in @style, padded with spaces to @width columns. */
static void
column (Writer      *w,
        Style        style,
        const gchar *text,
        guint        width)
{
  guint used = text_width (text);

  styled (w, style, text != NULL ? text : "");
  for (; used < width; used++)
    g_string_append_c (w->out, ' ');
}

static void
heading (Writer      *w,
         const gchar *title)
{
  g_string_append_c (w->out, '\n');
  styled (w, STYLE_BOLD, title);
  g_string_append_c (w->out, '\n');
}

static void
write_verdict (Writer          *w,
               const CwaReport *report)
{
  g_autofree gchar *checked = _cwa_report_format_time (_cwa_report_get_check_time (report));
  g_autofree gchar *summary = _cwa_report_dup_summary (report);
  guint             n_passed = cwa_checklist_get_n_passed (report->checklist);
  const gchar      *name = cwa_plan_get_name (report->plan);
  gboolean          ready = cwa_checklist_is_ready (report->checklist);

  if (ready)
    styled (w, STYLE_GREEN, MARK_PASS " ");
  else
    styled (w, cwa_checklist_get_n_errors (report->checklist) > 0 ? STYLE_RED : STYLE_YELLOW,
            MARK_FAIL " ");
  styled (w, STYLE_BOLD, summary);
  g_string_append_printf (w->out, " (%u %s passed)\n",
                          n_passed, n_passed == 1 ? "check" : "checks");

  g_string_append (w->out, "  Plan     ");
  put (w, name != NULL && *name != '\0' ? name : "(unnamed)");
  if (report->plan_file != NULL)
    {
      g_string_append (w->out, " (");
      put (w, report->plan_file);
      g_string_append (w->out, ")");
    }
  g_string_append_printf (w->out, "\n  Checked  %s\n", checked);
}

static void
write_finding (Writer     *w,
               CwaFinding *finding,
               guint       rule_width)
{
  const CwaRule *rule = cwa_finding_get_rule (finding);
  gboolean       failed = cwa_finding_is_failed (finding);
  Style          style = STYLE_GREEN;
  const gchar   *message = cwa_finding_get_message (finding);

  if (failed)
    style = rule->level == CWA_LEVEL_ERROR ? STYLE_RED : STYLE_YELLOW;

  g_string_append (w->out, "    ");
  styled (w, style, failed ? MARK_FAIL : MARK_PASS);
  g_string_append_c (w->out, ' ');
  column (w, failed ? style : STYLE_DIM,
          failed ? cwa_level_to_string (rule->level) : "pass", 8);
  column (w, failed ? STYLE_NONE : STYLE_DIM, rule->id, rule_width + 2);
  styled (w, failed ? STYLE_NONE : STYLE_DIM,
          message != NULL && *message != '\0' ? message : rule->title);
  g_string_append_c (w->out, '\n');
}

/* Failures first, so what needs doing is at the top of each group; the
 * passes follow, because a change ticket shows what was checked too. */
static void
write_findings (Writer          *w,
                const CwaReport *report)
{
  g_autoptr (GPtrArray) groups = _cwa_report_group_findings (report);
  guint                 rule_width = 0;

  heading (w, "Findings");
  if (groups->len == 0)
    {
      g_string_append (w->out, "  No rule applies yet: add a server and a virtual server.\n");
      return;
    }

  for (guint i = 0; i < groups->len; i++)
    {
      CwaReportGroup *group = g_ptr_array_index (groups, i);

      for (guint j = 0; j < group->findings->len; j++)
        rule_width = MAX (rule_width, text_width (cwa_finding_get_rule_id (g_ptr_array_index (group->findings, j))));
    }

  for (guint i = 0; i < groups->len; i++)
    {
      CwaReportGroup   *group = g_ptr_array_index (groups, i);
      g_autofree gchar *title = _cwa_report_dup_group_heading (group);

      g_string_append (w->out, "  ");
      styled (w, STYLE_BOLD, title);
      g_string_append_c (w->out, '\n');

      for (guint pass = 0; pass < 2; pass++)
        for (guint j = 0; j < group->findings->len; j++)
          {
            CwaFinding *finding = g_ptr_array_index (group->findings, j);

            if (cwa_finding_is_failed (finding) == (pass == 0))
              write_finding (w, finding, rule_width);
          }
    }
}

static gchar *
dup_requirement_place (CwaRequirement *requirement)
{
  CwaVirtualServer  *virtual_server = cwa_requirement_get_virtual_server (requirement);
  CwaServer         *server = cwa_requirement_get_server (requirement);
  CwaLoadBalancer   *lb = cwa_requirement_get_load_balancer (requirement);
  CwaReverseProxy   *proxy = cwa_requirement_get_reverse_proxy (requirement);
  CwaPublishingRule *rule = cwa_requirement_get_publishing_rule (requirement);
  g_autofree gchar  *server_name = server != NULL ? _cwa_report_dup_server_name (server) : NULL;
  g_autofree gchar  *vs_name = NULL;

  /* A proxy named as the host it publishes: that host named once, in
   * the words of `names`. */
  if (rule != NULL && cwa_reverse_proxy_publishes_own_name (rule))
    return _cwa_report_dup_listener_place (rule);
  if (proxy != NULL)
    return g_strdup_printf ("reverse proxy %s publishing %s", cwa_reverse_proxy_get_fqdn (proxy),
                            cwa_requirement_get_subject (requirement));
  if (lb != NULL && cwa_requirement_get_role (requirement) == CWA_ROLE_LOAD_BALANCER)
    return g_strdup_printf ("load balancer %s", cwa_load_balancer_get_fqdn (lb));
  if (lb != NULL)
    return g_strdup_printf ("every member of the array %s", cwa_load_balancer_get_fqdn (lb));
  if (virtual_server == NULL)
    return g_steal_pointer (&server_name);

  vs_name = _cwa_report_dup_virtual_server_name (virtual_server);
  if (server_name == NULL)
    return g_steal_pointer (&vs_name);

  return g_strdup_printf ("%s on %s", vs_name, server_name);
}

static void
write_required_names (Writer          *w,
                      const CwaReport *report)
{
  GListModel *requirements = cwa_checklist_get_requirements (report->checklist);
  guint       n = g_list_model_get_n_items (requirements);

  heading (w, "Required names");
  if (n == 0)
    {
      g_string_append (w->out, "  None: the plan has no server yet.\n");
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (CwaRequirement) requirement = g_list_model_get_item (requirements, i);
      const gchar * const       *san = cwa_requirement_get_san (requirement);
      g_autofree gchar          *place = dup_requirement_place (requirement);
      g_autofree gchar          *role = g_strdup_printf ("%s certificate",
                                                         cwa_role_to_string (cwa_requirement_get_role (requirement)));

      g_string_append (w->out, "  ");
      styled (w, STYLE_BOLD, role);
      g_string_append (w->out, " for ");
      put (w, place != NULL ? place : "?");
      g_string_append (w->out, "\n    Subject  ");
      put (w, cwa_requirement_get_subject (requirement));
      g_string_append (w->out, "\n    SAN      ");
      if (san == NULL || san[0] == NULL)
        g_string_append (w->out, "(none required)");
      for (guint j = 0; san != NULL && san[j] != NULL; j++)
        {
          if (j > 0)
            g_string_append (w->out, ", ");
          put (w, san[j]);
        }
      g_string_append_c (w->out, '\n');
    }
}

/* rules.md "DNS records" in the columns of the JSON report's
 * dns_records[]: name, type, value, view, for. */
static void
write_dns_records (Writer          *w,
                   const CwaReport *report)
{
  static const gchar * const headers[] = { "Name", "Type", "Value", "View" };
  g_autoptr (GPtrArray) records = cwa_dns_records_compute (cwa_plan_get_deployment (report->plan));
  guint                 widths[G_N_ELEMENTS (headers)];

  heading (w, "DNS records");
  if (records->len == 0)
    {
      g_string_append (w->out, "  None: the plan has no virtual server yet.\n");
      return;
    }

  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    widths[c] = text_width (headers[c]);
  for (guint i = 0; i < records->len; i++)
    {
      const CwaDnsRecord *record = g_ptr_array_index (records, i);

      widths[0] = MAX (widths[0], text_width (record->name));
      widths[1] = MAX (widths[1], text_width (record->type));
      widths[2] = MAX (widths[2], text_width (record->value));
      widths[3] = MAX (widths[3], text_width (record->view));
    }

  g_string_append (w->out, "  ");
  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    column (w, STYLE_BOLD, headers[c], widths[c] + 2);
  styled (w, STYLE_BOLD, "For");
  g_string_append_c (w->out, '\n');

  for (guint i = 0; i < records->len; i++)
    {
      const CwaDnsRecord *record = g_ptr_array_index (records, i);

      g_string_append (w->out, "  ");
      column (w, STYLE_NONE, record->name, widths[0] + 2);
      column (w, STYLE_NONE, record->type, widths[1] + 2);
      /* Words stand for an address the plan does not give yet. */
      column (w, cwa_dns_record_value_is_placeholder (record) ? STYLE_YELLOW : STYLE_NONE, record->value,
              widths[2] + 2);
      column (w, STYLE_NONE, record->view, widths[3] + 2);
      styled (w, STYLE_DIM, record->for_text);
      g_string_append_c (w->out, '\n');
    }
}

typedef struct
{
  CwaRequirement *requirement;
  const gchar    *name;
} Row;

static Style
coverage_style (CwaCoverageStatus status)
{
  switch (status)
    {
    case CWA_COVERAGE_COVERED:
      return STYLE_GREEN;
    case CWA_COVERAGE_WILDCARD_ONLY:
      return STYLE_YELLOW;
    case CWA_COVERAGE_MISSING:
    default:
      return STYLE_RED;
    }
}

/* The coverage table's rows (Row: each required name once, in order) and
 * columns (CwaCertificate, borrowed), widening the name and role columns
 * to what they hold. */
static void
collect_coverage_axes (GPtrArray *cells,
                       GArray    *rows,
                       GPtrArray *columns,
                       guint     *name_width,
                       guint     *role_width)
{
  for (guint i = 0; i < cells->len; i++)
    {
      const CwaCoverageCell *cell = g_ptr_array_index (cells, i);
      gboolean               seen = FALSE;

      for (guint r = 0; r < rows->len && !seen; r++)
        {
          Row *row = &g_array_index (rows, Row, r);

          seen = row->requirement == cell->requirement && g_strcmp0 (row->name, cell->name) == 0;
        }
      if (!seen)
        {
          Row row = { cell->requirement, cell->name };

          g_array_append_val (rows, row);
          *name_width = MAX (*name_width, text_width (cell->name));
          *role_width = MAX (*role_width,
                             text_width (cwa_role_to_string (cwa_requirement_get_role (cell->requirement))));
        }
      if (!g_ptr_array_find (columns, cell->certificate, NULL))
        g_ptr_array_add (columns, cell->certificate);
    }
}

static const CwaCoverageCell *
find_coverage_cell (GPtrArray      *cells,
                    const Row      *row,
                    CwaCertificate *certificate)
{
  for (guint i = 0; i < cells->len; i++)
    {
      const CwaCoverageCell *cell = g_ptr_array_index (cells, i);

      if (cell->requirement == row->requirement &&
          cell->certificate == certificate &&
          g_strcmp0 (cell->name, row->name) == 0)
        return cell;
    }

  return NULL;
}

/* One row per required name, one column per assigned certificate. */
static void
write_coverage (Writer          *w,
                const CwaReport *report)
{
  GPtrArray            *cells = cwa_checklist_get_coverage (report->checklist);
  g_autoptr (GArray)    rows = g_array_new (FALSE, FALSE, sizeof (Row));
  g_autoptr (GPtrArray) columns = g_ptr_array_new ();
  guint                 name_width = text_width ("Name");
  guint                 role_width = text_width ("Role");
  g_autofree guint     *widths = NULL;

  heading (w, "Coverage");
  if (cells == NULL || cells->len == 0)
    {
      g_string_append (w->out, "  No certificate is assigned yet.\n");
      return;
    }

  collect_coverage_axes (cells, rows, columns, &name_width, &role_width);

  widths = g_new0 (guint, columns->len);
  for (guint c = 0; c < columns->len; c++)
    widths[c] = MAX (text_width (cwa_certificate_get_id (g_ptr_array_index (columns, c))),
                     text_width ("wildcard only"));

  g_string_append (w->out, "  ");
  column (w, STYLE_BOLD, "Name", name_width + 2);
  column (w, STYLE_BOLD, "Role", role_width + 2);
  for (guint c = 0; c < columns->len; c++)
    column (w, STYLE_BOLD, cwa_certificate_get_id (g_ptr_array_index (columns, c)),
            c + 1 < columns->len ? widths[c] + 2 : 0);
  g_string_append_c (w->out, '\n');

  for (guint r = 0; r < rows->len; r++)
    {
      Row *row = &g_array_index (rows, Row, r);

      g_string_append (w->out, "  ");
      column (w, STYLE_NONE, row->name, name_width + 2);
      column (w, STYLE_NONE, cwa_role_to_string (cwa_requirement_get_role (row->requirement)),
              role_width + 2);
      for (guint c = 0; c < columns->len; c++)
        {
          const CwaCoverageCell *found = find_coverage_cell (cells, row, g_ptr_array_index (columns, c));

          if (found != NULL)
            column (w, coverage_style (found->status), cwa_coverage_status_to_string (found->status),
                    c + 1 < columns->len ? widths[c] + 2 : 0);
          else
            column (w, STYLE_DIM, "-", c + 1 < columns->len ? widths[c] + 2 : 0);
        }
      g_string_append_c (w->out, '\n');
    }
}

static void
field (Writer      *w,
       guint        width,
       const gchar *label,
       const gchar *value)
{
  g_string_append (w->out, "    ");
  column (w, STYLE_DIM, label, width);
  put (w, value);
  g_string_append_c (w->out, '\n');
}

/* The table facts of cwa-cert-facts.c, then what the plan adds. */
static void
write_certificate (Writer          *w,
                   const CwaReport *report,
                   CwaCertificate  *certificate)
{
  g_auto (GStrv)     roles = cwa_plan_dup_certificate_roles (report->plan, certificate);
  g_autofree gchar  *role_text = NULL;
  g_autofree gchar  *days_left = _cwa_report_dup_days_left (report, certificate, NULL);
  guint              n_facts = 0;
  const CwaCertFact *facts = cwa_cert_facts_get (&n_facts);
  guint              width = text_width ("Validity") + 2;

  if (roles != NULL && roles[0] != NULL)
    {
      g_autofree gchar *joined = g_strjoinv (", ", roles);

      role_text = g_strdup_printf (" (%s)", joined);
    }
  else if (cwa_certificate_is_ca (certificate))
    role_text = g_strdup (" (CA)");
  else
    role_text = g_strdup (" (not assigned)");

  g_string_append (w->out, "  ");
  styled (w, STYLE_BOLD, cwa_certificate_get_id (certificate));
  put (w, role_text);
  g_string_append_c (w->out, '\n');

  for (guint i = 0; i < n_facts; i++)
    {
      if (facts[i].flags & CWA_CERT_FACT_IN_TABLE)
        width = MAX (width, text_width (facts[i].label) + 2);
    }
  for (guint i = 0; i < n_facts; i++)
    {
      g_autofree gchar *value = NULL;

      if (!(facts[i].flags & CWA_CERT_FACT_IN_TABLE))
        continue;
      value = cwa_cert_fact_dup_display (&facts[i], certificate);
      field (w, width, facts[i].label, value);
    }
  field (w, width, "Validity", days_left);
  field (w, width, "Source", _cwa_report_certificate_source (report->plan, certificate));
}

static void
write_certificates (Writer          *w,
                    const CwaReport *report)
{
  GListModel *certificates = cwa_plan_get_certificates (report->plan);
  guint       n = g_list_model_get_n_items (certificates);

  heading (w, "Certificates");
  if (n == 0)
    {
      g_string_append (w->out, "  The plan holds no certificate yet.\n");
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (CwaCertificate) certificate = g_list_model_get_item (certificates, i);

      write_certificate (w, report, certificate);
    }
}

/* One served certificate per line: subject, SHA-256, and the plan's id
 * when the plan holds it. */
static gchar *
dup_served_line (const CwaReport *report,
                 CwaCertificate  *certificate)
{
  const gchar *id = _cwa_report_served_certificate_id (report->plan, certificate);

  return g_strdup_printf ("%s, SHA-256 %s%s%s%s", cwa_rule_certificate_subject (certificate),
                          cwa_certificate_get_sha256 (certificate),
                          id != NULL ? " (" : " (not in the plan", id != NULL ? id : "", ")");
}

static void
write_endpoint (Writer          *w,
                const CwaReport *report,
                CwaProbeResult  *result)
{
  CwaEndpoint      *endpoint = cwa_probe_result_get_endpoint (result);
  GPtrArray        *served = cwa_probe_result_get_served (result);
  const gchar      *address = cwa_probe_result_get_address (result);
  g_autofree gchar *planned = cwa_endpoint_dup_planned_ids (endpoint);

  g_string_append (w->out, "  ");
  styled (w, STYLE_BOLD, cwa_endpoint_get_name (endpoint));
  g_string_append_c (w->out, '\n');
  field (w, 10, "Address", address != NULL ? address : "(none found)");
  field (w, 10, "Planned", planned);
  for (guint i = 0; i < served->len; i++)
    {
      g_autofree gchar *line = dup_served_line (report, g_ptr_array_index (served, i));

      field (w, 10, i == 0 ? "Served" : "", line);
    }
  if (cwa_probe_result_get_error (result) != NULL)
    field (w, 10, "Problem", cwa_probe_result_get_error (result));
}

static void
write_endpoints (Writer          *w,
                 const CwaReport *report)
{
  if (report->endpoints == NULL)
    return;

  heading (w, "Endpoints (live)");
  if (report->endpoints->len == 0)
    {
      g_string_append (w->out, "  The plan has no https endpoint to probe.\n");
      return;
    }

  for (guint i = 0; i < report->endpoints->len; i++)
    write_endpoint (w, report, g_ptr_array_index (report->endpoints, i));
}

gboolean
_cwa_report_write_text (const CwaReport *report,
                        GOutputStream   *out,
                        GCancellable    *cancellable,
                        GError         **error)
{
  g_autoptr (GString) text = g_string_new (NULL);
  Writer              w = { text, report->color };

  write_verdict (&w, report);
  write_findings (&w, report);
  write_required_names (&w, report);
  write_dns_records (&w, report);
  write_coverage (&w, report);
  write_certificates (&w, report);
  write_endpoints (&w, report);

  return g_output_stream_write_all (out, text->str, text->len, NULL, cancellable, error);
}

/* cwa-report-csv.c: the findings as CSV, one row per finding, then one row per DNS record; RFC 4180 quoting and CRLF line ends. */
#include "config.h"

#include <string.h>

#include "cwa-report-document.h"

static const gchar * const header[] = {
  "plan", "plan_file", "checked", "server", "virtual_server", "certificate",
  "rule", "level", "status", "source", "expected", "found", "message",
};

/* The DNS records (rules.md) follow the findings in the same table, one
 * row each, in columns named after the JSON report's dns_records[] keys;
 * a finding's row leaves them empty and a record's row leaves the
 * finding's columns empty, so every row has every field (RFC 4180) and a
 * filter on "rule" still gives one row per finding. */
static const gchar * const dns_header[] = {
  "dns_name", "dns_type", "dns_value", "dns_view", "dns_for",
};

/* The subjects of findings that are no computer or virtual server: a load
 * balancer (or its array), a reverse proxy and the host of its publishing
 * rule, named as the JSON report names them.  Last, so that the columns
 * spreadsheets already refer to by position keep theirs. */
static const gchar * const front_end_header[] = {
  "load_balancer", "reverse_proxy", "published_host",
};

/* RFC 4180: a field holding a comma, a quote or a line break is quoted, with
 * quotes doubled; line breaks inside it are kept as they are. */
static void
append_field (GString     *csv,
              const gchar *value,
              gboolean     first)
{
  g_autofree gchar *valid = g_utf8_make_valid (value != NULL ? value : "", -1);

  if (!first)
    g_string_append_c (csv, ',');

  if (strpbrk (valid, ",\"\r\n") == NULL)
    {
      g_string_append (csv, valid);
      return;
    }

  g_string_append_c (csv, '"');
  for (const gchar *p = valid; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (csv, '"');
      g_string_append_c (csv, *p);
    }
  g_string_append_c (csv, '"');
}

static void
append_empty_fields (GString *csv,
                     guint    n)
{
  for (guint i = 0; i < n; i++)
    g_string_append_c (csv, ',');
}

static void
append_dns_records (GString         *csv,
                    const CwaReport *report,
                    const gchar     *checked)
{
  g_autoptr(GPtrArray) records = cwa_dns_records_compute (cwa_plan_get_deployment (report->plan));
  /* The finding's columns after plan, plan_file and checked, and probe's. */
  guint n_empty = G_N_ELEMENTS (header) - 3 + (report->endpoints != NULL ? 2 : 0);

  for (guint i = 0; i < records->len; i++)
    {
      const CwaDnsRecord *record = g_ptr_array_index (records, i);

      append_field (csv, cwa_plan_get_name (report->plan), TRUE);
      append_field (csv, report->plan_file, FALSE);
      append_field (csv, checked, FALSE);
      append_empty_fields (csv, n_empty);
      append_field (csv, record->name, FALSE);
      append_field (csv, record->type, FALSE);
      append_field (csv, record->value, FALSE);
      append_field (csv, record->view, FALSE);
      append_field (csv, record->for_text, FALSE);
      append_empty_fields (csv, G_N_ELEMENTS (front_end_header));
      g_string_append (csv, "\r\n");
    }
}

/* The load balancer, reverse proxy and published host of @finding. */
static void
append_front_end_fields (GString         *csv,
                         const CwaReport *report,
                         CwaFinding      *finding)
{
  CwaLoadBalancer *lb;
  CwaReverseProxy *proxy;
  const gchar *published;
  g_autofree gchar *lb_name = NULL;
  g_autofree gchar *proxy_name = NULL;

  _cwa_report_get_front_end (report, finding, &lb, &proxy, &published);
  lb_name = lb != NULL ? _cwa_report_dup_host_name (cwa_load_balancer_get_fqdn (lb)) : NULL;
  proxy_name = proxy != NULL ? _cwa_report_dup_host_name (cwa_reverse_proxy_get_fqdn (proxy)) : NULL;
  append_field (csv, lb_name, FALSE);
  append_field (csv, proxy_name, FALSE);
  append_field (csv, published, FALSE);
}

static gboolean
write_csv (const CwaReport *report,
           GOutputStream   *out,
           GCancellable    *cancellable,
           GError         **error)
{
  GListModel *findings = cwa_checklist_get_findings (report->checklist);
  guint n = g_list_model_get_n_items (findings);
  g_autoptr(GString) csv = g_string_new (NULL);
  g_autofree gchar *checked = _cwa_report_format_time (_cwa_report_get_check_time (report));
  const gchar *plan_name = cwa_plan_get_name (report->plan);

  for (guint i = 0; i < G_N_ELEMENTS (header); i++)
    append_field (csv, header[i], i == 0);
  /* probe's reports name the endpoint and address of live.* findings. */
  if (report->endpoints != NULL)
    {
      append_field (csv, "endpoint", FALSE);
      append_field (csv, "address", FALSE);
    }
  for (guint i = 0; i < G_N_ELEMENTS (dns_header); i++)
    append_field (csv, dns_header[i], FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (front_end_header); i++)
    append_field (csv, front_end_header[i], FALSE);
  g_string_append (csv, "\r\n");

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CwaFinding) finding = g_list_model_get_item (findings, i);
      CwaServer *server = cwa_finding_get_server (finding);
      CwaVirtualServer *vs = cwa_finding_get_virtual_server (finding);
      CwaCertificate *certificate = cwa_finding_get_certificate (finding);
      const CwaRule *rule = cwa_finding_get_rule (finding);
      const gchar * const *found = cwa_finding_get_found (finding);
      g_autofree gchar *server_name = NULL;
      g_autofree gchar *vs_name = NULL;
      g_autofree gchar *found_text = NULL;

      if (server == NULL && vs != NULL)
        server = cwa_virtual_server_get_server (vs);
      server_name = server != NULL ? _cwa_report_dup_server_name (server) : NULL;
      vs_name = vs != NULL ? _cwa_report_dup_virtual_server_name (vs) : NULL;
      /* Host names hold no spaces: one field, names split by a space, reads
       * back unambiguously. */
      found_text = found != NULL ? g_strjoinv (" ", (gchar **) found) : NULL;

      append_field (csv, plan_name, TRUE);
      append_field (csv, report->plan_file, FALSE);
      append_field (csv, checked, FALSE);
      append_field (csv, server_name, FALSE);
      append_field (csv, vs_name, FALSE);
      append_field (csv, certificate != NULL ? cwa_certificate_get_id (certificate) : NULL, FALSE);
      append_field (csv, cwa_finding_get_rule_id (finding), FALSE);
      append_field (csv, cwa_level_to_string (cwa_finding_get_level (finding)), FALSE);
      append_field (csv, cwa_status_to_string (cwa_finding_get_status (finding)), FALSE);
      append_field (csv, rule != NULL ? rule->source : NULL, FALSE);
      append_field (csv, cwa_finding_get_expected (finding), FALSE);
      append_field (csv, found_text, FALSE);
      append_field (csv, cwa_finding_get_message (finding), FALSE);
      if (report->endpoints != NULL)
        {
          append_field (csv, cwa_finding_get_endpoint (finding), FALSE);
          append_field (csv, cwa_finding_get_address (finding), FALSE);
        }
      append_empty_fields (csv, G_N_ELEMENTS (dns_header));
      append_front_end_fields (csv, report, finding);
      g_string_append (csv, "\r\n");
    }
  append_dns_records (csv, report, checked);

  return g_output_stream_write_all (out, csv->str, csv->len, NULL, cancellable, error);
}

const CwaReportFormat _cwa_report_format_csv = {
  "csv", "csv", "text/csv", "CSV", FALSE, write_csv,
};

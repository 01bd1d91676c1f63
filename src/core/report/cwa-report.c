/* cwa-report.c: the report snapshot, the format table, and the helpers every writer shares. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cwa-plan-private.h"
#include "cwa-report-private.h"
#include "rules/cwa-rule-context.h"
#include "cwa-vs-label.h"

static const CwaReportFormat text_format = {
  "text",
  "txt",
  "text/plain",
  "Text",
  FALSE,
  _cwa_report_write_text,
};

static const CwaReportFormat json_format = {
  "json",
  "json",
  "application/json",
  "JSON",
  FALSE,
  _cwa_report_write_json,
};

/* In the order cli.md lists them: the order of --help and the Export menu. */
static const CwaReportFormat * const formats[] = {
  &text_format,
  &_cwa_report_format_markdown,
  &_cwa_report_format_html,
  &json_format,
  &_cwa_report_format_csv,
  &_cwa_report_format_pdf,
};

CwaReport *
cwa_report_new (CwaPlan      *plan,
                CwaChecklist *checklist,
                const gchar  *plan_file,
                GDateTime    *generated)
{
  CwaReport *report;

  g_return_val_if_fail (CWA_IS_PLAN (plan), NULL);
  g_return_val_if_fail (CWA_IS_CHECKLIST (checklist), NULL);
  g_return_val_if_fail (generated != NULL, NULL);

  report = g_new0 (CwaReport, 1);
  report->plan = g_object_ref (plan);
  report->checklist = g_object_ref (checklist);
  report->plan_file = g_strdup (plan_file);
  report->generated = g_date_time_ref (generated);
  if (cwa_checklist_get_now (checklist) != NULL)
    report->now = g_date_time_ref (cwa_checklist_get_now (checklist));
  report->color = FALSE;

  return report;
}

void
cwa_report_free (CwaReport *report)
{
  if (report == NULL)
    return;

  g_clear_object (&report->plan);
  g_clear_object (&report->checklist);
  g_clear_pointer (&report->plan_file, g_free);
  g_clear_pointer (&report->generated, g_date_time_unref);
  g_clear_pointer (&report->now, g_date_time_unref);
  g_clear_pointer (&report->endpoints, g_ptr_array_unref);
  g_free (report);
}

const CwaReportFormat * const *
cwa_report_formats (guint *n_formats)
{
  if (n_formats != NULL)
    *n_formats = G_N_ELEMENTS (formats);

  return formats;
}

const CwaReportFormat *
cwa_report_format_lookup (const gchar *name)
{
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      if (g_strcmp0 (formats[i]->name, name) == 0)
        return formats[i];
    }

  return NULL;
}

GBytes *
cwa_report_write_bytes (const CwaReport       *report,
                        const CwaReportFormat *format,
                        GError               **error)
{
  g_autoptr (GOutputStream) out = NULL;

  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (format != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  out = g_memory_output_stream_new_resizable ();

  if (!format->write (report, out, NULL, error))
    return NULL;

  if (!g_output_stream_close (out, NULL, error))
    return NULL;

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

gboolean
cwa_report_write_file (const CwaReport       *report,
                       const CwaReportFormat *format,
                       GFile                 *file,
                       GError               **error)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) local_error = NULL;
  gconstpointer      data;
  gsize              size;

  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (format != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* The whole report exists in memory before the file is touched, so a
   * writer that fails half-way leaves the old file as it was. */
  bytes = cwa_report_write_bytes (report, format, error);
  if (bytes == NULL)
    return FALSE;

  data = g_bytes_get_data (bytes, &size);
  if (!g_file_replace_contents (file, data, size, NULL, FALSE,
                                G_FILE_CREATE_NONE, NULL, NULL, &local_error))
    {
      g_autofree gchar *name = g_file_get_parse_name (file);

      g_set_error (error, local_error->domain, local_error->code,
                   "%s: the report could not be written (%s); check that the folder exists and is writable.",
                   name, local_error->message);
      return FALSE;
    }

  return TRUE;
}

gchar *
_cwa_report_format_unix (gint64 unix_utc)
{
  return cwa_cert_facts_format_time (unix_utc);
}

gchar *
_cwa_report_dup_days_left (const CwaReport  *report,
                           CwaCertificate   *certificate,
                           CwaReportUrgency *urgency)
{
  gint64           days = _cwa_report_days_left (report, certificate);
  gint64           now = g_date_time_to_unix (_cwa_report_get_check_time (report));
  CwaReportUrgency dummy;

  if (urgency == NULL)
    urgency = &dummy;

  *urgency = CWA_REPORT_URGENCY_INVALID;
  if (now < cwa_certificate_get_not_before (certificate))
    return g_strdup ("not valid yet");
  if (days < 0)
    return g_strdup_printf ("expired %" G_GINT64_FORMAT " %s ago", -days, days == -1 ? "day" : "days");

  *urgency = days < cwa_plan_get_expiry_warning_days (report->plan) ? CWA_REPORT_URGENCY_SOON
                                                                    : CWA_REPORT_URGENCY_NONE;
  return g_strdup_printf ("%" G_GINT64_FORMAT " %s left", days, days == 1 ? "day" : "days");
}

gchar *
_cwa_report_format_time (GDateTime *time)
{
  g_autoptr (GDateTime) utc = NULL;

  g_return_val_if_fail (time != NULL, NULL);

  utc = g_date_time_to_utc (time);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

GDateTime *
_cwa_report_get_check_time (const CwaReport *report)
{
  return report->now != NULL ? report->now : report->generated;
}

gint64
_cwa_report_days_left (const CwaReport *report,
                       CwaCertificate  *certificate)
{
  gint64 now = g_date_time_to_unix (_cwa_report_get_check_time (report));
  gint64 seconds = cwa_certificate_get_not_after (certificate) - now;

  /* Round towards minus infinity: an hour past expiry is "-1 days". */
  if (seconds < 0)
    return -((-seconds + 86399) / 86400);

  return seconds / 86400;
}

const gchar *
_cwa_report_plural (guint64      n,
                    const gchar *one,
                    const gchar *other)
{
  return n == 1 ? one : other;
}

gchar *
_cwa_report_dup_verdict (CwaChecklist *checklist)
{
  guint             n_errors = cwa_checklist_get_n_errors (checklist);
  guint             n_warnings = cwa_checklist_get_n_warnings (checklist);
  g_autofree gchar *errors = NULL;
  g_autofree gchar *warnings = NULL;

  if (cwa_checklist_is_ready (checklist))
    return g_strdup ("Ready");

  errors = g_strdup_printf (_cwa_report_plural (n_errors, "%u error", "%u errors"), n_errors);
  warnings = g_strdup_printf (_cwa_report_plural (n_warnings, "%u warning", "%u warnings"), n_warnings);
  return g_strdup_printf ("%s, %s", errors, warnings);
}

gchar *
_cwa_report_dup_summary (const CwaReport *report)
{
  return _cwa_report_dup_verdict (report->checklist);
}

/* The rules name subjects in their messages the same way: one parser keeps
 * a report's headings and the messages under them in agreement. */
gchar *
_cwa_report_dup_server_name (CwaServer *server)
{
  g_return_val_if_fail (CWA_IS_SERVER (server), NULL);

  return cwa_rule_dup_server_name (server);
}

gchar *
_cwa_report_dup_host_name (const gchar *host)
{
  g_return_val_if_fail (host != NULL, NULL);

  return cwa_rule_dup_display_host (host);
}

gchar *
_cwa_report_dup_listener_place (CwaPublishingRule *rule)
{
  CwaReverseProxy  *proxy;
  const gchar      *published;
  g_autofree gchar *proxy_name = NULL;

  g_return_val_if_fail (CWA_IS_PUBLISHING_RULE (rule), NULL);

  proxy = cwa_publishing_rule_get_reverse_proxy (rule);
  published = cwa_publishing_rule_get_published_host (rule);
  if (cwa_reverse_proxy_publishes_own_name (rule))
    return g_strdup_printf ("the listener publishing %s on the reverse proxy of that name", published);

  proxy_name = proxy != NULL ? _cwa_report_dup_host_name (cwa_reverse_proxy_get_fqdn (proxy)) : g_strdup ("?");
  return g_strdup_printf ("the listener publishing %s on the reverse proxy %s", published, proxy_name);
}

gchar *
_cwa_report_dup_virtual_server_name (CwaVirtualServer *virtual_server)
{
  g_return_val_if_fail (CWA_IS_VIRTUAL_SERVER (virtual_server), NULL);

  return cwa_vs_label_dup (virtual_server, CWA_LABEL_ENGLISH);
}

const gchar *
_cwa_report_certificate_source (CwaPlan        *plan,
                                CwaCertificate *certificate)
{
  const CwaPlanEntrySource *source = _cwa_plan_get_entry_source (plan, certificate);

  /* A "pem" entry, or one the GUI added (saved as "pem"), has no file of
   * its own: the plan itself carries it. */
  if (source == NULL || source->file == NULL)
    return CWA_REPORT_SOURCE_EMBEDDED;

  return source->file;
}

static void
report_group_free (gpointer data)
{
  CwaReportGroup *group = data;

  g_ptr_array_unref (group->findings);
  g_free (group);
}

static gchar *
dup_group_subject (const CwaReportGroup *group)
{
  g_autofree gchar *server = NULL;
  g_autofree gchar *virtual_server = NULL;

  if (group->endpoint != NULL)
    return g_strdup_printf ("Endpoint %s (live)", group->endpoint);
  if (group->publishing_rule != NULL)
    {
      CwaReverseProxy *proxy = cwa_publishing_rule_get_reverse_proxy (group->publishing_rule);

      /* A proxy named as the host it publishes: the host named once, as
       * `names` and the DNS records do. */
      if (cwa_reverse_proxy_publishes_own_name (group->publishing_rule))
        return g_strdup_printf ("Publishing rule %s on the reverse proxy of that name",
                                cwa_publishing_rule_get_published_host (group->publishing_rule));
      return g_strdup_printf ("Publishing rule %s on %s",
                              cwa_publishing_rule_get_published_host (group->publishing_rule),
                              proxy != NULL ? cwa_reverse_proxy_get_fqdn (proxy) : "?");
    }
  if (group->load_balancer != NULL)
    return g_strdup_printf ("Load balancer %s", cwa_load_balancer_get_fqdn (group->load_balancer));
  if (group->server != NULL)
    server = _cwa_report_dup_server_name (group->server);
  if (group->virtual_server != NULL)
    virtual_server = _cwa_report_dup_virtual_server_name (group->virtual_server);

  if (virtual_server != NULL && server != NULL)
    return g_strdup_printf ("Virtual server %s on %s", virtual_server, server);
  if (virtual_server != NULL)
    return g_strdup_printf ("Virtual server %s", virtual_server);
  if (server != NULL)
    return g_strdup_printf ("Computer %s", server);
  return g_strdup ("Deployment");
}

/* Reports are in English (the window translates), but their counts still
 * take the plural form their number needs: _cwa_report_plural(), not
 * ngettext(), which would use the window's catalogue. */
gchar *
_cwa_report_dup_group_heading (const CwaReportGroup *group)
{
  g_autofree gchar *subject = dup_group_subject (group);
  guint             n = group->findings->len;

  if (group->n_failed == 0)
    return g_strdup_printf (_cwa_report_plural (n, "%s: %u check passed", "%s: %u checks passed"), subject, n);
  if (group->n_failed == n)
    return g_strdup_printf (_cwa_report_plural (n, "%s: %u check failed", "%s: %u checks failed"), subject, n);
  return g_strdup_printf (_cwa_report_plural (n, "%s: %u of %u check failed", "%s: %u of %u checks failed"),
                          subject, group->n_failed, n);
}

GPtrArray *
_cwa_report_group_findings (const CwaReport *report)
{
  GListModel *findings = cwa_checklist_get_findings (report->checklist);
  guint       n = g_list_model_get_n_items (findings);
  GPtrArray  *groups = g_ptr_array_new_with_free_func (report_group_free);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (CwaFinding) finding = g_list_model_get_item (findings, i);
      CwaVirtualServer      *virtual_server = cwa_finding_get_virtual_server (finding);
      CwaServer             *server = cwa_finding_get_server (finding);
      const gchar           *endpoint = cwa_finding_get_endpoint (finding);
      CwaLoadBalancer       *load_balancer = cwa_finding_get_load_balancer (finding);
      CwaPublishingRule     *publishing_rule = cwa_finding_get_publishing_rule (finding);
      CwaReportGroup        *group = NULL;

      if (server == NULL && virtual_server != NULL)
        server = cwa_virtual_server_get_server (virtual_server);

      /* Findings arrive in report order, so the current group almost
       * always matches; the search keeps the grouping right if a subject
       * comes back later. */
      for (guint j = groups->len; j > 0; j--)
        {
          CwaReportGroup *candidate = g_ptr_array_index (groups, j - 1);

          if (candidate->server == server && candidate->virtual_server == virtual_server &&
              candidate->load_balancer == load_balancer && candidate->publishing_rule == publishing_rule &&
              g_strcmp0 (candidate->endpoint, endpoint) == 0)
            {
              group = candidate;
              break;
            }
        }

      if (group == NULL)
        {
          group = g_new0 (CwaReportGroup, 1);
          group->server = server;
          group->virtual_server = virtual_server;
          group->load_balancer = load_balancer;
          group->publishing_rule = publishing_rule;
          group->endpoint = endpoint;
          group->findings = g_ptr_array_new ();
          g_ptr_array_add (groups, group);
        }

      /* Borrowed: the checklist's model holds its reference. */
      g_ptr_array_add (group->findings, finding);
      if (cwa_finding_is_failed (finding))
        group->n_failed++;
    }

  return groups;
}

/* The probe result of the endpoint named @name ("HOST:PORT"), or NULL. */
static CwaProbeResult *
find_endpoint (const CwaReport *report,
               const gchar     *name)
{
  for (guint i = 0; report->endpoints != NULL && i < report->endpoints->len; i++)
    {
      CwaProbeResult *result = g_ptr_array_index (report->endpoints, i);

      if (g_strcmp0 (cwa_endpoint_get_name (cwa_probe_result_get_endpoint (result)), name) == 0)
        return result;
    }

  return NULL;
}

void
_cwa_report_get_front_end (const CwaReport    *report,
                           CwaFinding         *finding,
                           CwaLoadBalancer   **load_balancer,
                           CwaReverseProxy   **reverse_proxy,
                           const gchar       **published_host)
{
  CwaPublishingRule *rule = cwa_finding_get_publishing_rule (finding);
  const gchar *endpoint_name = cwa_finding_get_endpoint (finding);
  CwaProbeResult *result = endpoint_name != NULL ? find_endpoint (report, endpoint_name) : NULL;
  CwaEndpoint *endpoint = result != NULL ? cwa_probe_result_get_endpoint (result) : NULL;

  *load_balancer = cwa_finding_get_load_balancer (finding);
  *reverse_proxy = cwa_finding_get_reverse_proxy (finding);
  *published_host = rule != NULL ? cwa_publishing_rule_get_published_host (rule) : NULL;
  if (endpoint == NULL)
    return;
  if (*load_balancer == NULL)
    *load_balancer = cwa_endpoint_get_load_balancer (endpoint);
  if (*reverse_proxy == NULL && cwa_endpoint_get_reverse_proxy (endpoint) != NULL)
    {
      *reverse_proxy = cwa_endpoint_get_reverse_proxy (endpoint);
      *published_host = cwa_endpoint_get_published_host (endpoint);
    }
}

const gchar *
_cwa_report_served_certificate_id (CwaPlan        *plan,
                                   CwaCertificate *served)
{
  GListModel *certificates = cwa_plan_get_certificates (plan);
  guint       n = g_list_model_get_n_items (certificates);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (CwaCertificate) certificate = g_list_model_get_item (certificates, i);

      if (g_strcmp0 (cwa_certificate_get_sha256 (certificate), cwa_certificate_get_sha256 (served)) == 0)
        return cwa_certificate_get_id (certificate);
    }

  return NULL;
}

gboolean
_cwa_report_write_json_root (CwaJsonWriter *writer,
                             GOutputStream *out,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_autofree gchar *text = cwa_json_writer_free_to_text (writer);

  return g_output_stream_write_all (out, text, strlen (text), NULL, cancellable, error);
}

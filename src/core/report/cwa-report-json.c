/* cwa-report-json.c: the JSON report, keys and nesting exactly as cli.md shows them. */
#include "config.h"

#include "cwa-report-private.h"
#include "cwa-vs-label.h"
#include "rules/cwa-rule-context.h"

#define CWA_REPORT_JSON_VERSION 1

static void
add_server (CwaJsonWriter *writer,
            CwaServer     *server)
{
  g_autofree gchar *name = NULL;

  if (server == NULL)
    return;

  name = _cwa_report_dup_server_name (server);
  cwa_json_writer_add_string_member (writer, "server", name);
}

/* "virtual_server" is a host (rules.md, "Name matching"); when another
 * virtual server of the same computer has that host too,
 * "virtual_server_label" tells them apart as the other formats do. */
static void
add_virtual_server (CwaJsonWriter    *writer,
                    CwaVirtualServer *virtual_server)
{
  g_autofree gchar *name = NULL;

  if (virtual_server == NULL)
    return;

  name = cwa_rule_dup_vs_name (virtual_server);
  cwa_json_writer_add_string_member (writer, "virtual_server", name);
  if (cwa_vs_label_is_qualified (virtual_server))
    {
      g_autofree gchar *label = _cwa_report_dup_virtual_server_name (virtual_server);

      cwa_json_writer_add_string_member (writer, "virtual_server_label", label);
    }
}

static void
add_host_member (CwaJsonWriter *writer,
                 const gchar   *member,
                 const gchar   *host)
{
  g_autofree gchar *name = NULL;

  if (host == NULL)
    return;

  name = _cwa_report_dup_host_name (host);
  cwa_json_writer_add_string_member (writer, member, name);
}

static const gchar *
published_host_of (CwaPublishingRule *rule)
{
  return rule != NULL ? cwa_publishing_rule_get_published_host (rule) : NULL;
}

/* "load_balancer", or "reverse_proxy" and "published_host" (cli.md). */
static void
add_front_end (CwaJsonWriter   *writer,
               CwaLoadBalancer *load_balancer,
               CwaReverseProxy *reverse_proxy,
               const gchar     *published_host)
{
  if (load_balancer != NULL)
    add_host_member (writer, "load_balancer", cwa_load_balancer_get_fqdn (load_balancer));
  if (reverse_proxy != NULL)
    add_host_member (writer, "reverse_proxy", cwa_reverse_proxy_get_fqdn (reverse_proxy));
  if (published_host != NULL)
    cwa_json_writer_add_string_member (writer, "published_host", published_host);
}

static void
build_header (CwaJsonWriter   *writer,
              const CwaReport *report)
{
  g_autofree gchar *generated = _cwa_report_format_time (report->generated);

  cwa_json_writer_add_string_member (writer, "report", "cwa-cert-planner");
  cwa_json_writer_add_int_member (writer, "version", CWA_REPORT_JSON_VERSION);
  cwa_json_writer_add_string_member (writer, "tool_version", PACKAGE_VERSION);
  cwa_json_writer_add_string_member (writer, "generated", generated);

  cwa_json_writer_set_member_name (writer, "plan");
  cwa_json_writer_begin_object (writer);
  cwa_json_writer_add_string_member (writer, "name", cwa_plan_get_name (report->plan));
  cwa_json_writer_add_string_member (writer, "file", report->plan_file);
  cwa_json_writer_end_object (writer);

  cwa_json_writer_set_member_name (writer, "summary");
  cwa_json_writer_begin_object (writer);
  cwa_json_writer_add_boolean_member (writer, "ready", cwa_checklist_is_ready (report->checklist));
  cwa_json_writer_add_int_member (writer, "errors", cwa_checklist_get_n_errors (report->checklist));
  cwa_json_writer_add_int_member (writer, "warnings", cwa_checklist_get_n_warnings (report->checklist));
  cwa_json_writer_add_int_member (writer, "info", cwa_checklist_get_n_info (report->checklist));
  cwa_json_writer_add_int_member (writer, "passed", cwa_checklist_get_n_passed (report->checklist));
  cwa_json_writer_end_object (writer);
}

static void
build_finding (CwaJsonWriter   *writer,
               const CwaReport *report,
               CwaFinding      *finding)
{
  const CwaRule       *rule = cwa_finding_get_rule (finding);
  CwaCertificate      *certificate = cwa_finding_get_certificate (finding);
  const gchar * const *found = cwa_finding_get_found (finding);
  CwaLoadBalancer     *load_balancer;
  CwaReverseProxy     *reverse_proxy;
  const gchar         *published_host;

  cwa_json_writer_begin_object (writer);
  cwa_json_writer_add_string_member (writer, "rule", rule->id);
  cwa_json_writer_add_string_member (writer, "level", cwa_level_to_string (rule->level));
  cwa_json_writer_add_string_member (writer, "status", cwa_status_to_string (cwa_finding_get_status (finding)));
  if (cwa_finding_get_endpoint (finding) != NULL)
    {
      cwa_json_writer_add_string_member (writer, "endpoint", cwa_finding_get_endpoint (finding));
      cwa_json_writer_add_string_member (writer, "address", cwa_finding_get_address (finding));
    }
  add_server (writer, cwa_finding_get_server (finding));
  add_virtual_server (writer, cwa_finding_get_virtual_server (finding));
  /* A live finding about a load balancer or a listener names it as the
   * planning findings of that scope do (cli.md). */
  _cwa_report_get_front_end (report, finding, &load_balancer, &reverse_proxy, &published_host);
  add_front_end (writer, load_balancer, reverse_proxy, published_host);
  if (certificate != NULL)
    cwa_json_writer_add_string_member (writer, "certificate", cwa_certificate_get_id (certificate));
  if (cwa_finding_get_expected (finding) != NULL)
    cwa_json_writer_add_string_member (writer, "expected", cwa_finding_get_expected (finding));
  if (found != NULL)
    cwa_json_writer_add_strv_member (writer, "found", found);
  cwa_json_writer_add_string_member (writer, "message", cwa_finding_get_message (finding));
  cwa_json_writer_add_string_member (writer, "source", rule->source);
  cwa_json_writer_end_object (writer);
}

static void
build_findings (CwaJsonWriter   *writer,
                const CwaReport *report)
{
  GListModel *findings = cwa_checklist_get_findings (report->checklist);
  guint       n = g_list_model_get_n_items (findings);

  cwa_json_writer_set_member_name (writer, "findings");
  cwa_json_writer_begin_array (writer);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (CwaFinding) finding = g_list_model_get_item (findings, i);

      build_finding (writer, report, finding);
    }
  cwa_json_writer_end_array (writer);
}

void
_cwa_report_build_requirement (CwaJsonWriter  *writer,
                               CwaRequirement *requirement)
{
  GPtrArray *servers = cwa_requirement_get_servers (requirement);
  CwaLoadBalancer *lb = cwa_requirement_get_load_balancer (requirement);

  cwa_json_writer_begin_object (writer);
  cwa_json_writer_add_string_member (writer, "role", cwa_role_to_string (cwa_requirement_get_role (requirement)));
  /* An array's SSL entry names its load balancer and members instead of
   * one server (cli.md). */
  if (lb != NULL)
    add_front_end (writer, lb, NULL, NULL);
  else
    add_server (writer, cwa_requirement_get_server (requirement));
  if (cwa_requirement_get_role (requirement) == CWA_ROLE_SSL && lb != NULL)
    {
      cwa_json_writer_set_member_name (writer, "servers");
      cwa_json_writer_begin_array (writer);
      for (guint i = 0; i < servers->len; i++)
        {
          g_autofree gchar *name = _cwa_report_dup_server_name (g_ptr_array_index (servers, i));

          cwa_json_writer_add_string (writer, name);
        }
      cwa_json_writer_end_array (writer);
    }
  add_virtual_server (writer, cwa_requirement_get_virtual_server (requirement));
  add_front_end (writer, NULL, cwa_requirement_get_reverse_proxy (requirement),
                 published_host_of (cwa_requirement_get_publishing_rule (requirement)));
  cwa_json_writer_add_string_member (writer, "subject", cwa_requirement_get_subject (requirement));
  cwa_json_writer_add_strv_member (writer, "san", cwa_requirement_get_san (requirement));
  cwa_json_writer_end_object (writer);
}

static void
build_required_names (CwaJsonWriter   *writer,
                      const CwaReport *report)
{
  GListModel *requirements = cwa_checklist_get_requirements (report->checklist);
  guint       n = g_list_model_get_n_items (requirements);

  cwa_json_writer_set_member_name (writer, "required_names");
  cwa_json_writer_begin_array (writer);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (CwaRequirement) requirement = g_list_model_get_item (requirements, i);

      _cwa_report_build_requirement (writer, requirement);
    }
  cwa_json_writer_end_array (writer);
}

void
_cwa_report_build_dns_records (CwaJsonWriter *writer,
                               GPtrArray     *records)
{
  cwa_json_writer_set_member_name (writer, "dns_records");
  cwa_json_writer_begin_array (writer);
  for (guint i = 0; i < records->len; i++)
    {
      const CwaDnsRecord *record = g_ptr_array_index (records, i);

      cwa_json_writer_begin_object (writer);
      cwa_json_writer_add_string_member (writer, "name", record->name);
      cwa_json_writer_add_string_member (writer, "type", record->type);
      cwa_json_writer_add_string_member (writer, "value", record->value);
      cwa_json_writer_add_string_member (writer, "view", record->view);
      cwa_json_writer_add_string_member (writer, "for", record->for_text);
      cwa_json_writer_end_object (writer);
    }
  cwa_json_writer_end_array (writer);
}

static void
build_coverage (CwaJsonWriter   *writer,
                const CwaReport *report)
{
  GPtrArray *coverage = cwa_checklist_get_coverage (report->checklist);

  cwa_json_writer_set_member_name (writer, "coverage");
  cwa_json_writer_begin_array (writer);
  for (guint i = 0; coverage != NULL && i < coverage->len; i++)
    {
      const CwaCoverageCell *cell = g_ptr_array_index (coverage, i);
      CwaVirtualServer      *virtual_server = cwa_requirement_get_virtual_server (cell->requirement);

      cwa_json_writer_begin_object (writer);
      cwa_json_writer_add_string_member (writer, "name", cell->name);
      cwa_json_writer_add_string_member (writer, "role", cwa_role_to_string (cwa_requirement_get_role (cell->requirement)));
      /* An SSL or shared row belongs to a virtual server, an MTLS row to a
       * computer: cli.md names one or the other. */
      if (virtual_server != NULL)
        add_virtual_server (writer, virtual_server);
      else if (cwa_requirement_get_server (cell->requirement) != NULL)
        add_server (writer, cwa_requirement_get_server (cell->requirement));
      else
        add_front_end (writer, cwa_requirement_get_load_balancer (cell->requirement),
                       cwa_requirement_get_reverse_proxy (cell->requirement),
                       published_host_of (cwa_requirement_get_publishing_rule (cell->requirement)));
      cwa_json_writer_add_string_member (writer, "certificate", cwa_certificate_get_id (cell->certificate));
      cwa_json_writer_add_string_member (writer, "status", cwa_coverage_status_to_string (cell->status));
      cwa_json_writer_end_object (writer);
    }
  cwa_json_writer_end_array (writer);
}

void
_cwa_report_build_certificate_fields (CwaJsonWriter  *writer,
                                      CwaCertificate *certificate)
{
  cwa_cert_facts_write_json (writer, certificate);
}

static void
build_certificates (CwaJsonWriter   *writer,
                    const CwaReport *report)
{
  GListModel *certificates = cwa_plan_get_certificates (report->plan);
  guint       n = g_list_model_get_n_items (certificates);

  cwa_json_writer_set_member_name (writer, "certificates");
  cwa_json_writer_begin_array (writer);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (CwaCertificate) certificate = g_list_model_get_item (certificates, i);
      g_auto (GStrv)             roles = cwa_plan_dup_certificate_roles (report->plan, certificate);

      cwa_json_writer_begin_object (writer);
      cwa_json_writer_add_string_member (writer, "id", cwa_certificate_get_id (certificate));
      _cwa_report_build_certificate_fields (writer, certificate);
      cwa_json_writer_add_strv_member (writer, "roles", (const gchar * const *) roles);
      cwa_json_writer_add_string_member (writer, "source", _cwa_report_certificate_source (report->plan, certificate));
      cwa_json_writer_end_object (writer);
    }
  cwa_json_writer_end_array (writer);
}

/* probe's endpoints: the served chain as certificates[] objects (with the
 * plan's id where the plan holds that certificate), the planned ids, and
 * why there is no chain. */
static void
build_endpoint (CwaJsonWriter   *writer,
                const CwaReport *report,
                CwaProbeResult  *result)
{
  CwaEndpoint *endpoint = cwa_probe_result_get_endpoint (result);
  GPtrArray   *served = cwa_probe_result_get_served (result);
  GPtrArray   *planned = cwa_endpoint_get_planned (endpoint);

  cwa_json_writer_begin_object (writer);
  cwa_json_writer_add_string_member (writer, "endpoint", cwa_endpoint_get_name (endpoint));
  cwa_json_writer_add_string_member (writer, "address", cwa_probe_result_get_address (result));

  cwa_json_writer_set_member_name (writer, "served");
  cwa_json_writer_begin_array (writer);
  for (guint i = 0; i < served->len; i++)
    {
      CwaCertificate *certificate = g_ptr_array_index (served, i);

      cwa_json_writer_begin_object (writer);
      cwa_json_writer_add_string_member (writer, "id", _cwa_report_served_certificate_id (report->plan, certificate));
      _cwa_report_build_certificate_fields (writer, certificate);
      cwa_json_writer_end_object (writer);
    }
  cwa_json_writer_end_array (writer);

  cwa_json_writer_set_member_name (writer, "planned");
  cwa_json_writer_begin_array (writer);
  for (guint i = 0; i < planned->len; i++)
    cwa_json_writer_add_string (writer, cwa_certificate_get_id (g_ptr_array_index (planned, i)));
  cwa_json_writer_end_array (writer);

  cwa_json_writer_add_string_member (writer, "error", cwa_probe_result_get_error (result));
  cwa_json_writer_end_object (writer);
}

static void
build_endpoints (CwaJsonWriter   *writer,
                 const CwaReport *report)
{
  if (report->endpoints == NULL)
    return;

  cwa_json_writer_set_member_name (writer, "endpoints");
  cwa_json_writer_begin_array (writer);
  for (guint i = 0; i < report->endpoints->len; i++)
    build_endpoint (writer, report, g_ptr_array_index (report->endpoints, i));
  cwa_json_writer_end_array (writer);
}

gboolean
_cwa_report_write_json (const CwaReport *report,
                        GOutputStream   *out,
                        GCancellable    *cancellable,
                        GError         **error)
{
  g_autoptr (CwaJsonWriter) writer = cwa_json_writer_new ();

  cwa_json_writer_begin_object (writer);
  build_header (writer, report);
  build_findings (writer, report);
  build_required_names (writer, report);
  {
    g_autoptr(GPtrArray) records = cwa_dns_records_compute (cwa_plan_get_deployment (report->plan));

    _cwa_report_build_dns_records (writer, records);
  }
  build_coverage (writer, report);
  build_certificates (writer, report);
  build_endpoints (writer, report);
  cwa_json_writer_end_object (writer);

  return _cwa_report_write_json_root (g_steal_pointer (&writer), out, cancellable, error);
}

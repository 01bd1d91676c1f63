/* cwa-report-json.c: the JSON report, keys and nesting exactly as cli.md shows them. */
#include "config.h"

#include "cwa-report-private.h"

#define CWA_REPORT_JSON_VERSION 1

static void
add_member_string (JsonBuilder *builder,
                   const gchar *member,
                   const gchar *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_member_strv (JsonBuilder         *builder,
                 const gchar         *member,
                 const gchar * const *values)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    json_builder_add_string_value (builder, values[i]);
  json_builder_end_array (builder);
}

static void
add_member_time (JsonBuilder *builder,
                 const gchar *member,
                 gint64       unix_utc)
{
  g_autofree gchar *text = _cwa_report_format_unix (unix_utc);

  add_member_string (builder, member, text);
}

static void
add_server (JsonBuilder *builder,
            CwaServer   *server)
{
  g_autofree gchar *name = NULL;

  if (server == NULL)
    return;

  name = _cwa_report_dup_server_name (server);
  add_member_string (builder, "server", name);
}

static void
add_virtual_server (JsonBuilder      *builder,
                    CwaVirtualServer *virtual_server)
{
  g_autofree gchar *name = NULL;

  if (virtual_server == NULL)
    return;

  name = _cwa_report_dup_virtual_server_name (virtual_server);
  add_member_string (builder, "virtual_server", name);
}

static void
build_header (JsonBuilder     *builder,
              const CwaReport *report)
{
  g_autofree gchar *generated = _cwa_report_format_time (report->generated);

  add_member_string (builder, "report", "cwa-cert-planner");
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, CWA_REPORT_JSON_VERSION);
  add_member_string (builder, "tool_version", PACKAGE_VERSION);
  add_member_string (builder, "generated", generated);

  json_builder_set_member_name (builder, "plan");
  json_builder_begin_object (builder);
  add_member_string (builder, "name", cwa_plan_get_name (report->plan));
  add_member_string (builder, "file", report->plan_file);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "summary");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "ready");
  json_builder_add_boolean_value (builder, cwa_checklist_is_ready (report->checklist));
  json_builder_set_member_name (builder, "errors");
  json_builder_add_int_value (builder, cwa_checklist_get_n_errors (report->checklist));
  json_builder_set_member_name (builder, "warnings");
  json_builder_add_int_value (builder, cwa_checklist_get_n_warnings (report->checklist));
  json_builder_set_member_name (builder, "passed");
  json_builder_add_int_value (builder, cwa_checklist_get_n_passed (report->checklist));
  json_builder_end_object (builder);
}

static void
build_finding (JsonBuilder *builder,
               CwaFinding  *finding)
{
  const CwaRule *rule = cwa_finding_get_rule (finding);
  CwaCertificate *certificate = cwa_finding_get_certificate (finding);
  const gchar * const *found = cwa_finding_get_found (finding);

  json_builder_begin_object (builder);
  add_member_string (builder, "rule", rule->id);
  add_member_string (builder, "level", cwa_level_to_string (rule->level));
  add_member_string (builder, "status", cwa_status_to_string (cwa_finding_get_status (finding)));
  add_server (builder, cwa_finding_get_server (finding));
  add_virtual_server (builder, cwa_finding_get_virtual_server (finding));
  if (certificate != NULL)
    add_member_string (builder, "certificate", cwa_certificate_get_id (certificate));
  if (cwa_finding_get_expected (finding) != NULL)
    add_member_string (builder, "expected", cwa_finding_get_expected (finding));
  if (found != NULL)
    add_member_strv (builder, "found", found);
  add_member_string (builder, "message", cwa_finding_get_message (finding));
  add_member_string (builder, "source", rule->source);
  json_builder_end_object (builder);
}

static void
build_findings (JsonBuilder     *builder,
                const CwaReport *report)
{
  GListModel *findings = cwa_checklist_get_findings (report->checklist);
  guint n = g_list_model_get_n_items (findings);

  json_builder_set_member_name (builder, "findings");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CwaFinding) finding = g_list_model_get_item (findings, i);

      build_finding (builder, finding);
    }
  json_builder_end_array (builder);
}

void
_cwa_report_build_requirement (JsonBuilder    *builder,
                               CwaRequirement *requirement)
{
  json_builder_begin_object (builder);
  add_member_string (builder, "role", cwa_role_to_string (cwa_requirement_get_role (requirement)));
  add_server (builder, cwa_requirement_get_server (requirement));
  add_virtual_server (builder, cwa_requirement_get_virtual_server (requirement));
  add_member_string (builder, "subject", cwa_requirement_get_subject (requirement));
  add_member_strv (builder, "san", cwa_requirement_get_san (requirement));
  json_builder_end_object (builder);
}

static void
build_required_names (JsonBuilder     *builder,
                      const CwaReport *report)
{
  GListModel *requirements = cwa_checklist_get_requirements (report->checklist);
  guint n = g_list_model_get_n_items (requirements);

  json_builder_set_member_name (builder, "required_names");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CwaRequirement) requirement = g_list_model_get_item (requirements, i);

      _cwa_report_build_requirement (builder, requirement);
    }
  json_builder_end_array (builder);
}

static void
build_coverage (JsonBuilder     *builder,
                const CwaReport *report)
{
  GPtrArray *coverage = cwa_checklist_get_coverage (report->checklist);

  json_builder_set_member_name (builder, "coverage");
  json_builder_begin_array (builder);
  for (guint i = 0; coverage != NULL && i < coverage->len; i++)
    {
      const CwaCoverageCell *cell = g_ptr_array_index (coverage, i);
      CwaVirtualServer *virtual_server = cwa_requirement_get_virtual_server (cell->requirement);

      json_builder_begin_object (builder);
      add_member_string (builder, "name", cell->name);
      add_member_string (builder, "role", cwa_role_to_string (cwa_requirement_get_role (cell->requirement)));
      /* An SSL or shared row belongs to a virtual server, an MTLS row to a
       * computer: cli.md names one or the other. */
      if (virtual_server != NULL)
        add_virtual_server (builder, virtual_server);
      else
        add_server (builder, cwa_requirement_get_server (cell->requirement));
      add_member_string (builder, "certificate", cwa_certificate_get_id (cell->certificate));
      add_member_string (builder, "status", cwa_coverage_status_to_string (cell->status));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

void
_cwa_report_build_certificate_fields (JsonBuilder    *builder,
                                      CwaCertificate *certificate)
{
  add_member_string (builder, "subject", cwa_certificate_get_subject (certificate));
  add_member_string (builder, "issuer", cwa_certificate_get_issuer (certificate));
  add_member_strv (builder, "san", cwa_certificate_get_san_strings (certificate));
  add_member_time (builder, "not_before", cwa_certificate_get_not_before (certificate));
  add_member_time (builder, "not_after", cwa_certificate_get_not_after (certificate));
  add_member_string (builder, "serial", cwa_certificate_get_serial (certificate));
  add_member_string (builder, "sha256", cwa_certificate_get_sha256 (certificate));
  add_member_string (builder, "sha1", cwa_certificate_get_sha1 (certificate));

  json_builder_set_member_name (builder, "key");
  json_builder_begin_object (builder);
  add_member_string (builder, "algorithm", cwa_certificate_get_key_algorithm (certificate));
  json_builder_set_member_name (builder, "bits");
  json_builder_add_int_value (builder, cwa_certificate_get_key_bits (certificate));
  json_builder_end_object (builder);

  add_member_string (builder, "signature", cwa_certificate_get_signature_algorithm (certificate));
  add_member_strv (builder, "eku", cwa_certificate_get_eku_oids (certificate));
  add_member_strv (builder, "key_usage", cwa_certificate_get_key_usage_names (certificate));
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, cwa_certificate_get_version (certificate));
  json_builder_set_member_name (builder, "is_ca");
  json_builder_add_boolean_value (builder, cwa_certificate_is_ca (certificate));
}

static void
build_certificates (JsonBuilder     *builder,
                    const CwaReport *report)
{
  GListModel *certificates = cwa_plan_get_certificates (report->plan);
  guint n = g_list_model_get_n_items (certificates);

  json_builder_set_member_name (builder, "certificates");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CwaCertificate) certificate = g_list_model_get_item (certificates, i);
      g_auto(GStrv) roles = cwa_plan_dup_certificate_roles (report->plan, certificate);

      json_builder_begin_object (builder);
      add_member_string (builder, "id", cwa_certificate_get_id (certificate));
      _cwa_report_build_certificate_fields (builder, certificate);
      add_member_strv (builder, "roles", (const gchar * const *) roles);
      add_member_string (builder, "source", _cwa_report_certificate_source (report->plan, certificate));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

gboolean
_cwa_report_write_json (const CwaReport *report,
                        GOutputStream   *out,
                        GCancellable    *cancellable,
                        GError         **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  build_header (builder, report);
  build_findings (builder, report);
  build_required_names (builder, report);
  build_coverage (builder, report);
  build_certificates (builder, report);
  json_builder_end_object (builder);

  return _cwa_report_write_json_root (builder, out, cancellable, error);
}

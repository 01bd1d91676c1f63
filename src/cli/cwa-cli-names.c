/* cwa-cli-names.c: `names`: the names each certificate role must carry, computed from the deployment. */
#include "config.h"

#include <stdio.h>

#include "cwa-cli-private.h"
#include "cwa-report-private.h"
#include "cwa-requirement.h"

static gchar *
dup_place (CwaRequirement *requirement)
{
  CwaVirtualServer *virtual_server = cwa_requirement_get_virtual_server (requirement);
  CwaLoadBalancer *lb = cwa_requirement_get_load_balancer (requirement);
  CwaPublishingRule *rule = cwa_requirement_get_publishing_rule (requirement);
  CwaServer *computer = cwa_requirement_get_server (requirement);
  g_autofree gchar *server = NULL;
  g_autofree gchar *host = NULL;

  if (rule != NULL)
    return _cwa_report_dup_listener_place (rule);
  if (lb != NULL)
    {
      g_autofree gchar *lb_name = _cwa_report_dup_host_name (cwa_load_balancer_get_fqdn (lb));
      g_autoptr(GString) members = g_string_new (NULL);
      GPtrArray *servers = cwa_requirement_get_servers (requirement);

      if (cwa_requirement_get_role (requirement) == CWA_ROLE_LOAD_BALANCER)
        return g_strdup_printf ("the load balancer %s", lb_name);

      for (guint i = 0; i < servers->len; i++)
        {
          g_autofree gchar *member = _cwa_report_dup_server_name (g_ptr_array_index (servers, i));

          g_string_append_printf (members, "%s%s", i > 0 ? ", " : "", member);
        }
      /* The array FQDN is the load balancer's: named once. */
      return g_strdup_printf ("array %s behind its load balancer (each of %s)", lb_name, members->str);
    }

  server = computer != NULL ? _cwa_report_dup_server_name (computer) : g_strdup ("?");
  if (virtual_server == NULL)
    return g_strdup_printf ("server %s", server);

  host = _cwa_report_dup_virtual_server_name (virtual_server);
  return g_strdup_printf ("virtual server %s on %s", host, server);
}

static void
append_dns_text (GString   *out,
                 GPtrArray *records)
{
  if (records->len == 0)
    return;

  g_string_append (out, "\nDNS records\n");
  for (guint i = 0; i < records->len; i++)
    {
      const CwaDnsRecord *record = g_ptr_array_index (records, i);

      g_string_append_printf (out, "  %-8s %-5s %s -> %s  (%s)\n", record->view, record->type,
                              record->name, record->value, record->for_text);
    }
}

/* One name per line, so a name can be copied straight into a request. */
static GBytes *
write_text (GPtrArray *requirements,
            GPtrArray *records)
{
  GString *out = g_string_new (NULL);

  if (requirements->len == 0)
    g_string_append (out, "No certificate is needed yet: the plan has no server with an https virtual server.\n");

  for (guint i = 0; i < requirements->len; i++)
    {
      CwaRequirement      *requirement = g_ptr_array_index (requirements, i);
      const gchar * const *san = cwa_requirement_get_san (requirement);
      g_autofree gchar    *place = dup_place (requirement);

      if (i > 0)
        g_string_append_c (out, '\n');
      g_string_append_printf (out, "%s certificate for %s\n",
                              cwa_role_to_string (cwa_requirement_get_role (requirement)), place);
      g_string_append_printf (out, "  Subject  %s\n", cwa_requirement_get_subject (requirement));
      if (san == NULL || san[0] == NULL)
        g_string_append (out, "  SAN      (none required)\n");
      for (guint j = 0; san != NULL && san[j] != NULL; j++)
        g_string_append_printf (out, "  %s %s\n", j == 0 ? "SAN     " : "        ", san[j]);
    }
  append_dns_text (out, records);

  return g_string_free_to_bytes (out);
}

static GBytes *
write_json (GPtrArray *requirements,
            GPtrArray *records)
{
  CwaJsonWriter *writer = cwa_json_writer_new ();

  cwa_json_writer_begin_object (writer);
  cwa_json_writer_set_member_name (writer, "required_names");
  cwa_json_writer_begin_array (writer);
  for (guint i = 0; i < requirements->len; i++)
    _cwa_report_build_requirement (writer, g_ptr_array_index (requirements, i));
  cwa_json_writer_end_array (writer);
  _cwa_report_build_dns_records (writer, records);
  cwa_json_writer_end_object (writer);

  return cwa_json_writer_free_to_bytes (writer);
}

int
cwa_cli_names (int    argc,
               char **argv)
{
  g_autofree gchar  *format = NULL;
  g_autofree gchar  *password_file = NULL;
  g_autoptr (CwaCliPassword) password = NULL;
  g_auto (GStrv)     rest = NULL;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      "Output format: text (default) or json", "FORMAT" },
    { "password-file", 0, 0, G_OPTION_ARG_FILENAME, &password_file,
      "PKCS#12 password for the plan's certificates: the first line of FILE", "FILE" },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (CwaPlan)   plan = NULL;
  g_autoptr (GPtrArray) requirements = NULL;
  g_autoptr (GPtrArray) records = NULL;
  g_autoptr (GBytes)    bytes = NULL;
  g_autoptr (GError)    error = NULL;
  gboolean              usage_ok = TRUE;

  if (!cwa_cli_parse_options ("names", "PLAN",
                              "Prints the names each certificate role of PLAN must carry.",
                              entries, argc, argv, &rest))
    return CWA_EXIT_CANNOT_RUN;

  if (!cwa_cli_check_one_plan ("names", rest,
                               "no plan given; name the .cwaplan file."))
    usage_ok = FALSE;
  if (format == NULL)
    format = g_strdup ("text");
  if (!cwa_cli_check_text_or_json ("names", format))
    usage_ok = FALSE;
  if (!usage_ok)
    return CWA_EXIT_CANNOT_RUN;

  if (!cwa_cli_read_password_file (password_file, &password, &error))
    {
      cwa_cli_print_problem ("names", password_file, error);
      return CWA_EXIT_CANNOT_RUN;
    }

  plan = cwa_cli_load_plan ("names", rest[0], password);
  if (plan == NULL)
    return CWA_EXIT_CANNOT_RUN;

  requirements = cwa_requirements_compute (cwa_plan_get_deployment (plan));
  records = cwa_dns_records_compute (cwa_plan_get_deployment (plan));
  if (g_str_equal (format, "json"))
    bytes = write_json (requirements, records);
  else
    bytes = write_text (requirements, records);

  return cwa_cli_write_output ("names", NULL, bytes) ? CWA_EXIT_OK : CWA_EXIT_CANNOT_RUN;
}

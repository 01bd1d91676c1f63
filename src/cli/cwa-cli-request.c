/* cwa-cli-request.c: `request`: a certreq INF, an OpenSSL config or a CSR and new key for one required-names entry. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cwa-cli-private.h"
#include "cwa-names.h"
#include "cwa-request.h"
#include "cwa-requirement.h"

static gboolean
role_from_string (const gchar *text,
                  CwaRole     *role)
{
  if (g_strcmp0 (text, "ssl") == 0)
    *role = CWA_ROLE_SSL;
  else if (g_strcmp0 (text, "mtls") == 0)
    *role = CWA_ROLE_MTLS;
  else if (g_strcmp0 (text, "shared") == 0)
    *role = CWA_ROLE_SHARED;
  else
    return FALSE;
  return TRUE;
}

/* The entry's subject, as the user names it on the command line. */
static gboolean
requirement_is_for (CwaRequirement *requirement,
                    const gchar    *virtual_server,
                    const gchar    *server)
{
  CwaVirtualServer *vs = cwa_requirement_get_virtual_server (requirement);
  CwaServer *computer = cwa_requirement_get_server (requirement);

  if (virtual_server != NULL)
    return vs != NULL && cwa_name_equal (cwa_virtual_server_get_host (vs), virtual_server);

  /* A computer's certificate is its MTLS one: a separate MTLS entry, or a
   * shared entry of one of its virtual servers. */
  return computer != NULL &&
         cwa_requirement_get_role (requirement) != CWA_ROLE_SSL &&
         cwa_name_equal (cwa_server_get_host (computer), server);
}

static gchar *
dup_entry_label (CwaRequirement *requirement)
{
  CwaVirtualServer *vs = cwa_requirement_get_virtual_server (requirement);
  const gchar *role = cwa_role_to_string (cwa_requirement_get_role (requirement));

  if (vs != NULL)
    return g_strdup_printf ("%s for %s", role, cwa_virtual_server_get_host (vs));
  return g_strdup_printf ("%s for %s", role, cwa_requirement_get_subject (requirement));
}

static gchar *
dup_entry_list (GPtrArray *requirements)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) labels = NULL;

  for (guint i = 0; i < requirements->len; i++)
    {
      g_autofree gchar *label = dup_entry_label (g_ptr_array_index (requirements, i));

      g_strv_builder_add (builder, label);
    }
  labels = g_strv_builder_end (builder);
  if (labels[0] == NULL)
    return g_strdup ("none");
  return g_strjoinv (", ", labels);
}

/* Says why no single entry was found: the subject is unknown, needs no
 * certificate, has no entry of that role, or has several. */
static CwaRequirement *
pick_requirement (const gchar *plan_path,
                  CwaPlan     *plan,
                  GPtrArray   *requirements,
                  const gchar *virtual_server,
                  const gchar *server,
                  const gchar *role_text)
{
  CwaDeployment *deployment = cwa_plan_get_deployment (plan);
  const gchar *subject = virtual_server != NULL ? virtual_server : server;
  const gchar *option = virtual_server != NULL ? "--virtual-server" : "--server";
  g_autoptr(GPtrArray) matches = g_ptr_array_new ();
  g_autoptr(GPtrArray) of_role = g_ptr_array_new ();
  CwaRole role = CWA_ROLE_SSL;

  if (role_text != NULL)
    role_from_string (role_text, &role);

  /* Whether the plan has that subject at all, compared as host names are
   * (case, trailing dot, IDN). */
  if (virtual_server != NULL ? cwa_deployment_find_virtual_server (deployment, virtual_server) == NULL
                             : cwa_deployment_find_server (deployment, server) == NULL)
    {
      if (virtual_server != NULL)
        cwa_cli_usage_error ("request", "%s has no virtual server %s; give the host of one of its URLs "
                             "(see “%s names %s”).", plan_path, subject, CWA_CLI_PROGRAM, plan_path);
      else
        cwa_cli_usage_error ("request", "%s has no server %s; give the FQDN of one of its computers "
                             "(see “%s names %s”).", plan_path, subject, CWA_CLI_PROGRAM, plan_path);
      return NULL;
    }

  for (guint i = 0; i < requirements->len; i++)
    {
      CwaRequirement *requirement = g_ptr_array_index (requirements, i);

      if (!requirement_is_for (requirement, virtual_server, server))
        continue;
      g_ptr_array_add (matches, requirement);
      if (role_text != NULL && cwa_requirement_get_role (requirement) == role)
        g_ptr_array_add (of_role, requirement);
    }

  if (matches->len == 0)
    {
      if (virtual_server != NULL)
        cwa_cli_usage_error ("request", "%s: the virtual server %s needs no certificate (its URL is http); "
                             "nothing to request.", plan_path, subject);
      else
        cwa_cli_usage_error ("request", "%s: the server %s has no MTLS certificate of its own in the plan "
                             "(its virtual servers have separate SSL certificates: request those with "
                             "--virtual-server).", plan_path, subject);
      return NULL;
    }

  if (role_text != NULL)
    {
      g_autofree gchar *list = dup_entry_list (matches);

      if (of_role->len == 1)
        return g_ptr_array_index (of_role, 0);
      if (of_role->len == 0)
        cwa_cli_usage_error ("request", "%s: %s %s needs no %s certificate; its entries: %s. "
                             "Give --role with one of those, or leave --role out.",
                             plan_path, option, subject, role_text, list);
      else
        cwa_cli_usage_error ("request", "%s: %s %s has %u %s entries (%s); name one virtual server "
                             "with --virtual-server instead.",
                             plan_path, option, subject, of_role->len, role_text, list);
      return NULL;
    }

  if (matches->len > 1)
    {
      g_autofree gchar *list = dup_entry_list (matches);

      cwa_cli_usage_error ("request", "%s: %s %s has several entries (%s); choose one with --role "
                           "or name a virtual server with --virtual-server.",
                           plan_path, option, subject, list);
      return NULL;
    }

  return g_ptr_array_index (matches, 0);
}

/* --virtual-server takes what the plan's url takes (a URL or a bare host),
 * as every other place that names a virtual server does; *@value becomes
 * its host. */
static gboolean
host_of_url (gchar **value)
{
  g_autoptr(GError) error = NULL;
  gchar *host = NULL;

  if (!cwa_url_parse (*value, NULL, &host, NULL, &error))
    {
      cwa_cli_usage_error ("request", "--virtual-server “%s”: %s", *value, error->message);
      return FALSE;
    }

  g_free (*value);
  *value = host;
  return TRUE;
}

int
cwa_cli_request (int    argc,
                 char **argv)
{
  g_autofree gchar *virtual_server = NULL;
  g_autofree gchar *server = NULL;
  g_autofree gchar *role_text = NULL;
  g_autofree gchar *format_text = NULL;
  g_autofree gchar *key_out = NULL;
  g_autofree gchar *output = NULL;
  g_autofree gchar *password_file = NULL;
  g_autoptr(CwaCliPassword) password = NULL;
  g_autofree gchar *text = NULL;
  g_auto(GStrv) rest = NULL;
  const GOptionEntry entries[] = {
    { "virtual-server", 0, 0, G_OPTION_ARG_STRING, &virtual_server,
      "The virtual server (its URL, or the URL's host) whose SSL or shared certificate to request", "HOST" },
    { "server", 0, 0, G_OPTION_ARG_STRING, &server,
      "The computer (its FQDN) whose MTLS certificate to request", "FQDN" },
    { "role", 0, 0, G_OPTION_ARG_STRING, &role_text,
      "ssl, mtls or shared; default: the one entry the plan has for that subject", "ROLE" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text,
      "inf (certreq.exe), openssl (request configuration) or csr (PKCS#10 with a new key)", "FORMAT" },
    { "key-out", 0, 0, G_OPTION_ARG_FILENAME, &key_out,
      "With --format csr: a new file for the new private key (mode 0600, never overwritten)", "FILE" },
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &output,
      "Write the request there instead of standard output", "FILE" },
    { "password-file", 0, 0, G_OPTION_ARG_FILENAME, &password_file,
      "PKCS#12 password for the plan's certificates: the first line of FILE", "FILE" },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(CwaPlan) plan = NULL;
  g_autoptr(GPtrArray) requirements = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  CwaRequirement *requirement;
  CwaRequestFormat format = CWA_REQUEST_FORMAT_INF;
  CwaRole role;
  gboolean usage_ok = TRUE;

  if (!cwa_cli_parse_options ("request", "PLAN",
                              "Writes a certificate request with exactly the names one role of PLAN requires.",
                              entries, argc, argv, &rest))
    return CWA_EXIT_CANNOT_RUN;

  if (!cwa_cli_check_one_plan ("request", rest,
                               "no plan given; name the .cwaplan file."))
    usage_ok = FALSE;
  if ((virtual_server == NULL) == (server == NULL))
    {
      cwa_cli_usage_error ("request", "say whose certificate to request: give either --virtual-server HOST "
                           "or --server FQDN (exactly one).");
      usage_ok = FALSE;
    }
  if (role_text != NULL && !role_from_string (role_text, &role))
    {
      cwa_cli_usage_error ("request", "--role must be ssl, mtls or shared, not “%s”.", role_text);
      usage_ok = FALSE;
    }
  if (format_text == NULL)
    {
      cwa_cli_usage_error ("request", "no --format given; choose inf (certreq.exe on the CWA server), "
                           "openssl (a request configuration) or csr (a PKCS#10 request with a new key).");
      usage_ok = FALSE;
    }
  else if (!cwa_request_format_from_string (format_text, &format))
    {
      cwa_cli_usage_error ("request", "--format must be inf, openssl or csr, not “%s”.", format_text);
      usage_ok = FALSE;
    }
  else if (format == CWA_REQUEST_FORMAT_CSR && key_out == NULL)
    {
      cwa_cli_usage_error ("request", "--format csr makes a new private key: name a new file for it "
                           "with --key-out FILE.");
      usage_ok = FALSE;
    }
  else if (format != CWA_REQUEST_FORMAT_CSR && key_out != NULL)
    {
      cwa_cli_usage_error ("request", "--key-out is for --format csr only: with %s the key is made "
                           "where the request is run; leave --key-out out.", format_text);
      usage_ok = FALSE;
    }
  if (key_out != NULL && output != NULL && g_str_equal (key_out, output))
    {
      cwa_cli_usage_error ("request", "--key-out and --output name the same file; give the key its own file.");
      usage_ok = FALSE;
    }
  if (virtual_server != NULL && !host_of_url (&virtual_server))
    usage_ok = FALSE;
  if (!usage_ok)
    return CWA_EXIT_CANNOT_RUN;

  if (!cwa_cli_read_password_file (password_file, &password, &error))
    {
      cwa_cli_print_problem (password_file, error);
      return CWA_EXIT_CANNOT_RUN;
    }

  plan = cwa_cli_load_plan (rest[0], password);
  if (plan == NULL)
    return CWA_EXIT_CANNOT_RUN;

  requirements = cwa_requirements_compute (cwa_plan_get_deployment (plan));
  requirement = pick_requirement (rest[0], plan, requirements, virtual_server, server, role_text);
  if (requirement == NULL)
    return CWA_EXIT_CANNOT_RUN;

  switch (format)
    {
    case CWA_REQUEST_FORMAT_INF:
      text = cwa_request_dup_inf (requirement, &error);
      break;
    case CWA_REQUEST_FORMAT_OPENSSL:
      text = cwa_request_dup_openssl_config (requirement, &error);
      break;
    case CWA_REQUEST_FORMAT_CSR:
    default:
      text = cwa_request_create_csr (requirement, key_out, &error);
      break;
    }
  if (text == NULL)
    {
      cwa_cli_print_problem (format == CWA_REQUEST_FORMAT_CSR && error->code != CWA_REQUEST_ERROR_INVALID_NAME ?
                             key_out : rest[0], error);
      return CWA_EXIT_CANNOT_RUN;
    }

  bytes = g_bytes_new_take (text, strlen (text));
  text = NULL;
  if (!cwa_cli_write_output (output, bytes))
    {
      /* A key without its request is of no use, and it is ours: we made it. */
      if (format == CWA_REQUEST_FORMAT_CSR)
        g_unlink (key_out);
      return CWA_EXIT_CANNOT_RUN;
    }

  return CWA_EXIT_OK;
}

/* cwa-cli-request.c: `request`: a certreq INF, an OpenSSL config or a CSR and new key for one required-names entry. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cwa-cli-private.h"
#include "cwa-names.h"
#include "cwa-request.h"
#include "cwa-requirement.h"

/* The command line of `request`, as given and then checked. */
typedef struct
{
  gchar            *virtual_server;   /* the URL's host once checked */
  gchar            *computer;         /* with virtual_server: whose */
  gchar            *server;
  gchar            *load_balancer;
  gchar            *reverse_proxy;
  gchar            *published_host;   /* the URL's host once checked */
  gchar            *role_text;
  gchar            *format_text;
  gchar            *key_out;
  gchar            *output;
  gchar            *password_file;
  CwaRequestFormat  format;
  CwaRole           role;             /* meaningful when role_text is set */
} RequestOptions;

static void
request_options_clear (RequestOptions *options)
{
  g_free (options->virtual_server);
  g_free (options->computer);
  g_free (options->server);
  g_free (options->load_balancer);
  g_free (options->reverse_proxy);
  g_free (options->published_host);
  g_free (options->role_text);
  g_free (options->format_text);
  g_free (options->key_out);
  g_free (options->output);
  g_free (options->password_file);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RequestOptions, request_options_clear)

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

/* Whether @requirement is for the computer @fqdn: its own, or for an
 * array's entry one of the members. */
static gboolean
requirement_is_on (CwaRequirement *requirement,
                   const gchar    *fqdn)
{
  CwaServer *server = cwa_requirement_get_server (requirement);
  GPtrArray *members = cwa_requirement_get_servers (requirement);

  for (guint i = 0; members != NULL && i < members->len; i++)
    if (cwa_name_equal (cwa_server_get_host (g_ptr_array_index (members, i)), fqdn))
      return TRUE;
  return server != NULL && cwa_name_equal (cwa_server_get_host (server), fqdn);
}

/* The entry's subject, as the user names it on the command line. */
static gboolean
requirement_is_for (CwaRequirement *requirement,
                    const gchar    *virtual_server,
                    const gchar    *on_computer,
                    const gchar    *server)
{
  CwaVirtualServer *vs = cwa_requirement_get_virtual_server (requirement);
  CwaServer *computer = cwa_requirement_get_server (requirement);

  if (virtual_server != NULL)
    return vs != NULL && cwa_name_equal (cwa_virtual_server_get_host (vs), virtual_server) &&
           (on_computer == NULL || requirement_is_on (requirement, on_computer));

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
  CwaServer *server = cwa_requirement_get_server (requirement);
  CwaLoadBalancer *lb = cwa_requirement_get_load_balancer (requirement);
  const gchar *role = cwa_role_to_string (cwa_requirement_get_role (requirement));

  /* An array's entry is its load balancer's, whoever its members are. */
  if (lb != NULL)
    return g_strdup_printf ("%s for the array %s", role, cwa_load_balancer_get_host (lb));
  if (vs != NULL && server != NULL)
    return g_strdup_printf ("%s for %s on %s", role, cwa_virtual_server_get_host (vs),
                            cwa_server_get_fqdn (server));
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

/* Whether the plan has the virtual server or computer at all, compared as
 * host names are (case, trailing dot, IDN); says so when not. */
static gboolean
plan_has_subject (const gchar    *plan_path,
                  CwaPlan        *plan,
                  RequestOptions *options)
{
  CwaDeployment *deployment = cwa_plan_get_deployment (plan);

  if (options->virtual_server != NULL)
    {
      if (cwa_deployment_find_virtual_server (deployment, options->virtual_server) == NULL)
        {
          cwa_cli_usage_error ("request", "%s has no virtual server %s; give the host of one of its URLs "
                               "(see “%s names %s”).", plan_path, options->virtual_server,
                               CWA_CLI_PROGRAM, plan_path);
          return FALSE;
        }
      if (options->computer != NULL && cwa_deployment_find_server (deployment, options->computer) == NULL)
        {
          cwa_cli_usage_error ("request", "%s has no server %s; give --computer the FQDN of one of its "
                               "computers (see “%s names %s”).", plan_path, options->computer,
                               CWA_CLI_PROGRAM, plan_path);
          return FALSE;
        }
      return TRUE;
    }
  if (cwa_deployment_find_server (deployment, options->server) != NULL)
    return TRUE;
  cwa_cli_usage_error ("request", "%s has no server %s; give the FQDN of one of its computers "
                       "(see “%s names %s”).", plan_path, options->server, CWA_CLI_PROGRAM, plan_path);
  return FALSE;
}

/* The computers' FQDNs as "a, b and c" or, as @options, "“--computer a”,
 * “--computer b” or “--computer c”". */
static gchar *
dup_computer_list (GPtrArray *computers,
                   gboolean   options)
{
  GString *list = g_string_new (NULL);

  for (guint i = 0; i < computers->len; i++)
    {
      const gchar *fqdn = cwa_server_get_fqdn (g_ptr_array_index (computers, i));

      g_string_append (list, i == 0 ? "" : i + 1 < computers->len ? ", " : options ? " or " : " and ");
      if (options)
        g_string_append_printf (list, "“--computer %s”", fqdn);
      else
        g_string_append (list, fqdn);
    }
  return g_string_free (list, FALSE);
}

/* Entries of one URL host on several computers that are not one array
 * (deployment.unique-urls fails for them, or the plan is not finished):
 * says how to choose one with --computer, or make them an array with one
 * certificate (a load balancer of that FQDN, or the missing members of
 * the one the plan has), and returns TRUE. */
static gboolean
say_not_an_array (const gchar   *plan_path,
                  CwaDeployment *deployment,
                  const gchar   *host,
                  GPtrArray     *matches)
{
  g_autoptr(GPtrArray) computers = g_ptr_array_new ();
  g_autoptr(GPtrArray) outside = g_ptr_array_new ();
  g_autofree gchar *choices = NULL;
  g_autofree gchar *missing = NULL;
  g_autofree gchar *list = NULL;

  for (guint i = 0; i < matches->len; i++)
    {
      CwaRequirement *requirement = g_ptr_array_index (matches, i);
      CwaServer *server = cwa_requirement_get_server (requirement);

      if (server != NULL && !g_ptr_array_find (computers, server, NULL))
        g_ptr_array_add (computers, server);
      /* An array's entry is its members'; the others are outside it. */
      if (server != NULL && cwa_requirement_get_load_balancer (requirement) == NULL &&
          !g_ptr_array_find (outside, server, NULL))
        g_ptr_array_add (outside, server);
    }
  if (computers->len < 2)
    return FALSE;

  choices = dup_computer_list (computers, TRUE);
  list = dup_entry_list (matches);
  if (cwa_deployment_find_load_balancer (deployment, host) == NULL)
    {
      cwa_cli_usage_error ("request", "%s: several computers host %s without a load balancer (%s); "
                           "choose one with %s, or add a load balancer with the FQDN %s that lists them "
                           "as members, and they share one array certificate (“--load-balancer %s --role ssl”).",
                           plan_path, host, list, choices, host, host);
      return TRUE;
    }

  missing = dup_computer_list (outside, FALSE);
  cwa_cli_usage_error ("request", "%s: several computers host %s, but the load balancer %s does not list %s "
                       "as %s (%s); choose one with %s, or add %s to the members of the load balancer %s, "
                       "and they share one array certificate (“--load-balancer %s --role ssl”).",
                       plan_path, host, host, missing, outside->len == 1 ? "a member" : "members", list,
                       choices, missing, host, host);
  return TRUE;
}

/* --computer names a computer without a virtual server of that host: says
 * which computers have one, and returns TRUE. */
static gboolean
say_not_on_computer (const gchar    *plan_path,
                     CwaPlan        *plan,
                     RequestOptions *options)
{
  GListModel *servers = cwa_deployment_get_servers (cwa_plan_get_deployment (plan));
  g_autoptr(GString) hosts = g_string_new (NULL);
  gboolean on_it = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (servers); i++)
    {
      g_autoptr(CwaServer) server = g_list_model_get_item (servers, i);
      GListModel *list = cwa_server_get_virtual_servers (server);
      gboolean has = FALSE;

      for (guint j = 0; j < g_list_model_get_n_items (list) && !has; j++)
        {
          g_autoptr(CwaVirtualServer) vs = g_list_model_get_item (list, j);

          has = cwa_name_equal (cwa_virtual_server_get_host (vs), options->virtual_server);
        }
      if (has && cwa_name_equal (cwa_server_get_host (server), options->computer))
        on_it = TRUE;
      else if (has)
        g_string_append_printf (hosts, "%s%s", hosts->len > 0 ? ", " : "", cwa_server_get_fqdn (server));
    }
  /* On it, but needing no certificate (http): the message below says so. */
  if (on_it)
    return FALSE;

  cwa_cli_usage_error ("request", "%s: the computer %s has no virtual server %s; it is on: %s. "
                       "Give one of those with --computer.", plan_path, options->computer,
                       options->virtual_server, hosts->str);
  return TRUE;
}

/* With --role: the one entry of that role among @matches, or says why
 * there is none or several. */
static CwaRequirement *
pick_by_role (const gchar    *plan_path,
              CwaPlan        *plan,
              RequestOptions *options,
              GPtrArray      *matches)
{
  const gchar *option = options->virtual_server != NULL ? "--virtual-server" : "--server";
  const gchar *subject = options->virtual_server != NULL ? options->virtual_server : options->server;
  g_autoptr(GPtrArray) of_role = g_ptr_array_new ();
  g_autofree gchar *list = dup_entry_list (matches);

  for (guint i = 0; i < matches->len; i++)
    if (cwa_requirement_get_role (g_ptr_array_index (matches, i)) == options->role)
      g_ptr_array_add (of_role, g_ptr_array_index (matches, i));

  if (of_role->len == 1)
    return g_ptr_array_index (of_role, 0);
  if (of_role->len == 0)
    cwa_cli_usage_error ("request", "%s: %s %s needs no %s certificate; its entries: %s. "
                         "Give --role with one of those, or leave --role out.",
                         plan_path, option, subject, options->role_text, list);
  else if (options->virtual_server == NULL ||
           !say_not_an_array (plan_path, cwa_plan_get_deployment (plan), subject, of_role))
    cwa_cli_usage_error ("request", "%s: %s %s has %u %s entries (%s); name one virtual server "
                         "with --virtual-server instead.",
                         plan_path, option, subject, of_role->len, options->role_text, list);
  return NULL;
}

/* --virtual-server or --server: says why no single entry was found: the
 * subject is unknown, needs no certificate, has no entry of that role, or
 * has several. */
static CwaRequirement *
pick_requirement (const gchar    *plan_path,
                  CwaPlan        *plan,
                  GPtrArray      *requirements,
                  RequestOptions *options)
{
  const gchar *option = options->virtual_server != NULL ? "--virtual-server" : "--server";
  const gchar *subject = options->virtual_server != NULL ? options->virtual_server : options->server;
  g_autoptr(GPtrArray) matches = g_ptr_array_new ();
  g_autofree gchar *list = NULL;

  if (!plan_has_subject (plan_path, plan, options))
    return NULL;

  for (guint i = 0; i < requirements->len; i++)
    {
      CwaRequirement *requirement = g_ptr_array_index (requirements, i);

      if (requirement_is_for (requirement, options->virtual_server, options->computer, options->server))
        g_ptr_array_add (matches, requirement);
    }

  if (matches->len == 0 && options->computer != NULL && say_not_on_computer (plan_path, plan, options))
    return NULL;
  if (matches->len == 0)
    {
      if (options->virtual_server != NULL)
        cwa_cli_usage_error ("request", "%s: the virtual server %s needs no certificate (its URL is http); "
                             "nothing to request.", plan_path, subject);
      else
        cwa_cli_usage_error ("request", "%s: the server %s has no MTLS certificate of its own in the plan "
                             "(its virtual servers have separate SSL certificates: request those with "
                             "--virtual-server).", plan_path, subject);
      return NULL;
    }
  if (options->role_text != NULL)
    return pick_by_role (plan_path, plan, options, matches);
  if (matches->len == 1)
    return g_ptr_array_index (matches, 0);

  if (options->virtual_server != NULL &&
      say_not_an_array (plan_path, cwa_plan_get_deployment (plan), subject, matches))
    return NULL;
  list = dup_entry_list (matches);
  cwa_cli_usage_error ("request", "%s: %s %s has several entries (%s); choose one with --role "
                       "or name a virtual server with --virtual-server.",
                       plan_path, option, subject, list);
  return NULL;
}

/* The entry of @role for @load_balancer (or, with @rule, for that
 * publishing rule), or NULL. */
static CwaRequirement *
find_front_end_entry (GPtrArray         *requirements,
                      CwaRole            role,
                      CwaLoadBalancer   *load_balancer,
                      CwaPublishingRule *rule)
{
  for (guint i = 0; i < requirements->len; i++)
    {
      CwaRequirement *requirement = g_ptr_array_index (requirements, i);

      if (cwa_requirement_get_role (requirement) == role &&
          (rule != NULL ? cwa_requirement_get_publishing_rule (requirement) == rule
                        : cwa_requirement_get_load_balancer (requirement) == load_balancer))
        return requirement;
    }
  return NULL;
}

/* --load-balancer: its own entry when it offloads SSL, or with --role ssl
 * its array's (cli.md, `request`). */
static CwaRequirement *
pick_load_balancer_entry (const gchar    *plan_path,
                          CwaPlan        *plan,
                          GPtrArray      *requirements,
                          RequestOptions *options)
{
  CwaDeployment *deployment = cwa_plan_get_deployment (plan);
  CwaLoadBalancer *lb = cwa_deployment_find_load_balancer (deployment, options->load_balancer);
  CwaRequirement *requirement;
  const gchar *fqdn;

  if (lb == NULL)
    {
      cwa_cli_usage_error ("request", "%s has no load balancer %s; give the array FQDN of one of its "
                           "load balancers (see “%s names %s”).", plan_path, options->load_balancer,
                           CWA_CLI_PROGRAM, plan_path);
      return NULL;
    }

  fqdn = cwa_load_balancer_get_fqdn (lb);
  if (options->role_text != NULL)
    {
      requirement = find_front_end_entry (requirements, CWA_ROLE_SSL, lb, NULL);
      if (requirement == NULL)
        cwa_cli_usage_error ("request", "%s: the load balancer %s has no array to request a certificate "
                             "for: none of its members hosts an https virtual server whose URL host is "
                             "%s (see lb.members-host-array-url in “%s check %s”).",
                             plan_path, fqdn, fqdn, CWA_CLI_PROGRAM, plan_path);
      return requirement;
    }

  requirement = find_front_end_entry (requirements, CWA_ROLE_LOAD_BALANCER, lb, NULL);
  if (requirement == NULL)
    cwa_cli_usage_error ("request", "%s: the load balancer %s passes SSL through to its members "
                         "(ssl_offload is false), so it needs no certificate of its own; give "
                         "--role ssl for its array's certificate, which each member holds.",
                         plan_path, fqdn);
  return requirement;
}

/* --reverse-proxy with --published-host: that publishing rule's listener
 * entry. */
static CwaRequirement *
pick_listener_entry (const gchar    *plan_path,
                     CwaPlan        *plan,
                     GPtrArray      *requirements,
                     RequestOptions *options)
{
  CwaDeployment *deployment = cwa_plan_get_deployment (plan);
  CwaReverseProxy *proxy = cwa_deployment_find_reverse_proxy (deployment, options->reverse_proxy);
  CwaPublishingRule *rule;
  CwaRequirement *requirement;

  if (proxy == NULL)
    {
      cwa_cli_usage_error ("request", "%s has no reverse proxy %s; give the FQDN of one of its "
                           "reverse proxies (see “%s names %s”).", plan_path, options->reverse_proxy,
                           CWA_CLI_PROGRAM, plan_path);
      return NULL;
    }

  rule = cwa_reverse_proxy_find_publishing_rule (proxy, options->published_host);
  if (rule == NULL)
    {
      GListModel *rules = cwa_reverse_proxy_get_publishing_rules (proxy);
      g_autoptr(GString) hosts = g_string_new (NULL);

      for (guint i = 0; i < g_list_model_get_n_items (rules); i++)
        {
          g_autoptr(CwaPublishingRule) other = g_list_model_get_item (rules, i);

          g_string_append_printf (hosts, "%s%s", i > 0 ? ", " : "",
                                  cwa_publishing_rule_get_published_host (other));
        }
      cwa_cli_usage_error ("request", "%s: the reverse proxy %s publishes no %s; it publishes: %s.",
                           plan_path, cwa_reverse_proxy_get_fqdn (proxy), options->published_host,
                           hosts->len > 0 ? hosts->str : "nothing");
      return NULL;
    }

  requirement = find_front_end_entry (requirements, CWA_ROLE_REVERSE_PROXY, NULL, rule);
  if (requirement == NULL)
    cwa_cli_usage_error ("request", "%s: %s is published over http, so its listener needs no certificate; "
                         "publish it over https (rp.https-required), then request the listener's "
                         "certificate.", plan_path, cwa_publishing_rule_get_published_url (rule));
  return requirement;
}

/* --virtual-server and --published-host take what the plan's url takes (a
 * URL or a bare host), as every other place that names a virtual server
 * does; *@value becomes its host. */
static gboolean
host_of_url (const gchar  *option,
             gchar       **value)
{
  g_autoptr(GError) error = NULL;
  gchar *host = NULL;

  if (*value == NULL)
    return TRUE;
  if (!cwa_url_parse (*value, NULL, &host, NULL, &error))
    {
      cwa_cli_usage_error ("request", "%s “%s”: %s", option, *value, error->message);
      return FALSE;
    }

  g_free (*value);
  *value = host;
  return TRUE;
}

/* Exactly one subject, and the options that go with it. */
static gboolean
check_subject_options (RequestOptions *options)
{
  guint n_subjects = (options->virtual_server != NULL) + (options->server != NULL) +
                     (options->load_balancer != NULL) + (options->reverse_proxy != NULL);
  gboolean ok = TRUE;

  /* --published-host alone is answered below, more precisely. */
  if (n_subjects != 1 && !(n_subjects == 0 && options->published_host != NULL))
    {
      cwa_cli_usage_error ("request", "say whose certificate to request: give exactly one of "
                           "--virtual-server HOST, --server FQDN, --load-balancer FQDN or "
                           "--reverse-proxy FQDN --published-host HOST.");
      ok = FALSE;
    }
  if (options->reverse_proxy != NULL && options->published_host == NULL)
    {
      cwa_cli_usage_error ("request", "--reverse-proxy needs --published-host HOST: the published host "
                           "of the publishing rule whose listener certificate to request.");
      ok = FALSE;
    }
  if (options->published_host != NULL && options->reverse_proxy == NULL)
    {
      cwa_cli_usage_error ("request", "--published-host goes with --reverse-proxy FQDN, the proxy that "
                           "publishes that host.");
      ok = FALSE;
    }
  if (options->computer != NULL && options->virtual_server == NULL)
    {
      cwa_cli_usage_error ("request", "--computer goes with --virtual-server HOST: it says which computer's "
                           "virtual server of that host; for a computer's MTLS certificate give --server FQDN.");
      ok = FALSE;
    }
  if (options->role_text != NULL && !role_from_string (options->role_text, &options->role))
    {
      cwa_cli_usage_error ("request", "--role must be ssl, mtls or shared, not “%s”.", options->role_text);
      ok = FALSE;
    }
  else if (options->role_text != NULL && options->reverse_proxy != NULL)
    {
      cwa_cli_usage_error ("request", "a listener has one certificate: leave --role out with --reverse-proxy.");
      ok = FALSE;
    }
  else if (options->role_text != NULL && options->load_balancer != NULL && options->role != CWA_ROLE_SSL)
    {
      cwa_cli_usage_error ("request", "--load-balancer takes --role ssl (its array's certificate) or no "
                           "--role (its own, when it offloads SSL), not “%s”.", options->role_text);
      ok = FALSE;
    }
  return ok;
}

static gboolean
check_format_options (RequestOptions *options)
{
  if (options->format_text == NULL)
    {
      cwa_cli_usage_error ("request", "no --format given; choose inf (certreq.exe on the CWA server), "
                           "openssl (a request configuration) or csr (a PKCS#10 request with a new key).");
      return FALSE;
    }
  if (!cwa_request_format_from_string (options->format_text, &options->format))
    {
      cwa_cli_usage_error ("request", "--format must be inf, openssl or csr, not “%s”.", options->format_text);
      return FALSE;
    }
  if (options->format == CWA_REQUEST_FORMAT_CSR && options->key_out == NULL)
    {
      cwa_cli_usage_error ("request", "--format csr makes a new private key: name a new file for it "
                           "with --key-out FILE.");
      return FALSE;
    }
  if (options->format != CWA_REQUEST_FORMAT_CSR && options->key_out != NULL)
    {
      cwa_cli_usage_error ("request", "--key-out is for --format csr only: with %s the key is made "
                           "where the request is run; leave --key-out out.", options->format_text);
      return FALSE;
    }
  if (options->key_out != NULL && options->output != NULL && g_str_equal (options->key_out, options->output))
    {
      cwa_cli_usage_error ("request", "--key-out and --output name the same file; give the key its own file.");
      return FALSE;
    }
  return TRUE;
}

/* Every usage problem is reported, not only the first. */
static gboolean
check_usage (RequestOptions *options,
             GStrv           rest)
{
  gboolean ok = TRUE;

  ok &= cwa_cli_check_one_plan ("request", rest, "no plan given; name the .cwaplan file.");
  ok &= check_subject_options (options);
  ok &= check_format_options (options);
  ok &= host_of_url ("--virtual-server", &options->virtual_server);
  ok &= host_of_url ("--published-host", &options->published_host);
  return ok;
}

static CwaRequirement *
pick_entry (const gchar    *plan_path,
            CwaPlan        *plan,
            GPtrArray      *requirements,
            RequestOptions *options)
{
  if (options->load_balancer != NULL)
    return pick_load_balancer_entry (plan_path, plan, requirements, options);
  if (options->reverse_proxy != NULL)
    return pick_listener_entry (plan_path, plan, requirements, options);
  return pick_requirement (plan_path, plan, requirements, options);
}

/* Writes the request of @requirement where the options say; returns the
 * exit status. */
static int
write_request (const gchar    *plan_path,
               CwaRequirement *requirement,
               RequestOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gchar *text;

  switch (options->format)
    {
    case CWA_REQUEST_FORMAT_INF:
      text = cwa_request_dup_inf (requirement, &error);
      break;
    case CWA_REQUEST_FORMAT_OPENSSL:
      text = cwa_request_dup_openssl_config (requirement, &error);
      break;
    case CWA_REQUEST_FORMAT_CSR:
    default:
      text = cwa_request_create_csr (requirement, options->key_out, &error);
      break;
    }
  if (text == NULL && g_error_matches (error, CWA_REQUEST_ERROR, CWA_REQUEST_ERROR_KEY_IS_FOLDER))
    {
      cwa_cli_say_folder ("request", "--key-out", options->key_out);
      return CWA_EXIT_CANNOT_RUN;
    }
  if (text == NULL)
    {
      cwa_cli_print_problem ("request",
                             options->format == CWA_REQUEST_FORMAT_CSR &&
                             error->code != CWA_REQUEST_ERROR_INVALID_NAME ? options->key_out : plan_path,
                             error);
      return CWA_EXIT_CANNOT_RUN;
    }

  bytes = g_bytes_new_take (text, strlen (text));
  if (!cwa_cli_write_output ("request", options->output, bytes))
    {
      /* A key without its request is of no use, and it is ours: we made it. */
      if (options->format == CWA_REQUEST_FORMAT_CSR)
        g_unlink (options->key_out);
      return CWA_EXIT_CANNOT_RUN;
    }
  return CWA_EXIT_OK;
}

int
cwa_cli_request (int    argc,
                 char **argv)
{
  g_auto(RequestOptions) options = { NULL };
  g_autoptr(CwaCliPassword) password = NULL;
  g_auto(GStrv) rest = NULL;
  const GOptionEntry entries[] = {
    { "virtual-server", 0, 0, G_OPTION_ARG_STRING, &options.virtual_server,
      "The virtual server (its URL, or the URL's host) whose SSL or shared certificate to request; "
      "for an array, its one SSL certificate", "HOST" },
    { "computer", 0, 0, G_OPTION_ARG_STRING, &options.computer,
      "With --virtual-server: the computer (its FQDN) whose virtual server of that host, when "
      "several computers that are not an array have one", "FQDN" },
    { "server", 0, 0, G_OPTION_ARG_STRING, &options.server,
      "The computer (its FQDN) whose MTLS certificate to request", "FQDN" },
    { "load-balancer", 0, 0, G_OPTION_ARG_STRING, &options.load_balancer,
      "The load balancer (its array FQDN) whose SSL-offloading certificate to request; "
      "with --role ssl, its array's", "FQDN" },
    { "reverse-proxy", 0, 0, G_OPTION_ARG_STRING, &options.reverse_proxy,
      "The reverse proxy (its FQDN) whose listener certificate to request, for a public CA", "FQDN" },
    { "published-host", 0, 0, G_OPTION_ARG_STRING, &options.published_host,
      "With --reverse-proxy: the published URL (or its host) of the publishing rule", "HOST" },
    { "role", 0, 0, G_OPTION_ARG_STRING, &options.role_text,
      "ssl, mtls or shared; default: the one entry the plan has for that subject", "ROLE" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &options.format_text,
      "inf (certreq.exe), openssl (request configuration) or csr (PKCS#10 with a new key)", "FORMAT" },
    { "key-out", 0, 0, G_OPTION_ARG_FILENAME, &options.key_out,
      "With --format csr: a new file for the new private key (mode 0600, never overwritten)", "FILE" },
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &options.output,
      "Write the request there instead of standard output", "FILE" },
    { "password-file", 0, 0, G_OPTION_ARG_FILENAME, &options.password_file,
      "PKCS#12 password for the plan's certificates: the first line of FILE", "FILE" },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(CwaPlan) plan = NULL;
  g_autoptr(GPtrArray) requirements = NULL;
  g_autoptr(GError) error = NULL;
  CwaRequirement *requirement;

  if (!cwa_cli_parse_options ("request", "PLAN",
                              "Writes a certificate request with exactly the names one role of PLAN requires.",
                              entries, argc, argv, &rest))
    return CWA_EXIT_CANNOT_RUN;
  if (!check_usage (&options, rest))
    return CWA_EXIT_CANNOT_RUN;

  if (!cwa_cli_read_password_file (options.password_file, &password, &error))
    {
      cwa_cli_print_problem ("request", options.password_file, error);
      return CWA_EXIT_CANNOT_RUN;
    }

  plan = cwa_cli_load_plan ("request", rest[0], password);
  if (plan == NULL)
    return CWA_EXIT_CANNOT_RUN;

  requirements = cwa_requirements_compute (cwa_plan_get_deployment (plan));
  requirement = pick_entry (rest[0], plan, requirements, &options);
  if (requirement == NULL)
    return CWA_EXIT_CANNOT_RUN;

  return write_request (rest[0], requirement, &options);
}

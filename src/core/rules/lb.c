/* lb.c: rules about load balancers and the arrays behind them (rules.md, "Arrays and load balancers"). */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cwa-rule-context.h"
#include "cwa-rules-private.h"
#include "cwa-topology.h"

static CwaDeployment *
deployment_of (CwaRuleContext *context)
{
  return cwa_plan_get_deployment (context->plan);
}

/* Why member @fqdn does not serve the array, or NULL when it does. */
static gchar *
dup_member_problem (CwaDeployment   *deployment,
                    CwaLoadBalancer *lb,
                    const gchar     *fqdn)
{
  CwaServer *server = cwa_deployment_find_server (deployment, fqdn);
  g_autofree gchar *name = cwa_rule_dup_display_host (fqdn);
  GListModel *list;
  guint n;

  if (server == NULL)
    return g_strdup_printf (R_ ("%s is not a computer of the plan"), name);

  list = cwa_server_get_virtual_servers (server);
  n = g_list_model_get_n_items (list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CwaVirtualServer) vs = g_list_model_get_item (list, i);

      if (g_strcmp0 (cwa_virtual_server_get_host (vs), cwa_load_balancer_get_host (lb)) == 0)
        return NULL;
    }

  return g_strdup_printf (R_ ("%s hosts no virtual server whose URL host is %s"),
                          name, cwa_load_balancer_get_host (lb));
}

static void
check_members_host_array_url (const CwaRule  *rule,
                              CwaRuleContext *context,
                              gpointer        subject,
                              GPtrArray      *findings)
{
  CwaLoadBalancer *lb = subject;
  const gchar * const *members = cwa_load_balancer_get_members (lb);
  g_autofree gchar *name = cwa_rule_dup_display_host (cwa_load_balancer_get_fqdn (lb));
  g_autoptr(GString) problems = g_string_new (NULL);
  g_autofree gchar *listed = g_strjoinv (", ", (gchar **) members);

  if (members[0] == NULL)
    {
      cwa_rule_add_finding (findings, rule, CWA_STATUS_FAIL, NULL, NULL, NULL,
                            NULL, members,
                            R_ ("The load balancer %s lists no member computers; list the CWA "
                                "servers that host %s behind it."),
                            name, cwa_load_balancer_get_host (lb));
      return;
    }

  for (guint i = 0; members[i] != NULL; i++)
    {
      g_autofree gchar *problem = dup_member_problem (deployment_of (context), lb, members[i]);

      if (problem == NULL)
        continue;
      if (problems->len > 0)
        g_string_append (problems, "; ");
      g_string_append (problems, problem);
    }

  if (problems->len > 0)
    cwa_rule_add_finding (findings, rule, CWA_STATUS_FAIL, NULL, NULL, NULL,
                          NULL, members,
                          R_ ("Every member of the load balancer %s must be a computer of the "
                              "plan hosting a virtual server for %s, but %s."),
                          name, cwa_load_balancer_get_host (lb), problems->str);
  else
    cwa_rule_add_finding (findings, rule, CWA_STATUS_PASS, NULL, NULL, NULL,
                          NULL, members,
                          R_ ("Every member of the load balancer %s (%s) hosts a virtual server "
                              "for %s."),
                          name, listed, cwa_load_balancer_get_host (lb));
}

const CwaRule cwa_rule_lb_members_host_array_url = {
  "lb.members-host-array-url", CWA_LEVEL_ERROR, CWA_SCOPE_LOAD_BALANCER, "CWA-LB",
  N_ ("Every member is a computer of the plan that hosts a virtual server whose URL host is the array FQDN."),
  check_members_host_array_url,
};

/* Appends "what: value (first's value)" to @differences when they differ. */
static void
compare_value (GString     *differences,
               const gchar *what,
               const gchar *value,
               const gchar *first_value)
{
  if (g_strcmp0 (value, first_value) == 0)
    return;

  if (differences->len > 0)
    g_string_append (differences, ", ");
  g_string_append_printf (differences, R_ ("%s %s instead of %s"), what, value, first_value);
}

/* The differences of @vs from @first, or an empty string. */
static GString *
dup_differences (CwaVirtualServer *vs,
                 CwaVirtualServer *first)
{
  GString *differences = g_string_new (NULL);
  g_autofree gchar *port = g_strdup_printf ("%u", cwa_virtual_server_get_port (vs));
  g_autofree gchar *first_port = g_strdup_printf ("%u", cwa_virtual_server_get_port (first));
  g_autofree gchar *as_host = cwa_virtual_server_dup_as_host (vs);
  g_autofree gchar *first_as_host = cwa_virtual_server_dup_as_host (first);
  g_autofree gchar *download_host = cwa_virtual_server_dup_download_host (vs);
  g_autofree gchar *first_download_host = cwa_virtual_server_dup_download_host (first);

  compare_value (differences, R_ ("scheme"),
                 cwa_virtual_server_is_https (vs) ? "https" : "http",
                 cwa_virtual_server_is_https (first) ? "https" : "http");
  compare_value (differences, R_ ("audience"),
                 cwa_audience_to_string (cwa_virtual_server_get_audience (vs)),
                 cwa_audience_to_string (cwa_virtual_server_get_audience (first)));
  compare_value (differences, R_ ("port"), port, first_port);
  compare_value (differences, "asURL", as_host, first_as_host);
  compare_value (differences, "downloadURL", download_host, first_download_host);

  return differences;
}

static void
check_members_consistent (const CwaRule  *rule,
                          CwaRuleContext *context,
                          gpointer        subject,
                          GPtrArray      *findings)
{
  CwaLoadBalancer *lb = subject;
  g_autoptr(GPtrArray) array = cwa_deployment_index_dup_array (cwa_rule_context_get_index (context), lb);
  g_autofree gchar *name = NULL;
  g_autofree gchar *first_server = NULL;
  g_autoptr(GString) problems = g_string_new (NULL);
  CwaVirtualServer *first;

  if (array->len == 0)
    return;

  name = cwa_rule_dup_display_host (cwa_load_balancer_get_fqdn (lb));
  first = g_ptr_array_index (array, 0);
  first_server = cwa_rule_dup_server_name (cwa_virtual_server_get_server (first));
  for (guint i = 1; i < array->len; i++)
    {
      CwaVirtualServer *vs = g_ptr_array_index (array, i);
      g_autoptr(GString) differences = dup_differences (vs, first);
      g_autofree gchar *server = NULL;

      if (differences->len == 0)
        continue;
      server = cwa_rule_dup_server_name (cwa_virtual_server_get_server (vs));
      if (problems->len > 0)
        g_string_append (problems, "; ");
      g_string_append_printf (problems, R_ ("on %s: %s"), server, differences->str);
    }

  if (problems->len > 0)
    cwa_rule_add_finding (findings, rule, CWA_STATUS_FAIL, NULL, NULL, NULL, NULL, NULL,
                          R_ ("The virtual servers of the array %s must agree on scheme, audience, "
                              "port, asURL and downloadURL, but they differ from the one on %s (%s)."),
                          name, first_server, problems->str);
  else
    cwa_rule_add_finding (findings, rule, CWA_STATUS_PASS, NULL, NULL, NULL, NULL, NULL,
                          RN_ ("The %u virtual server of the array %s agrees on scheme, audience, "
                               "port, asURL and downloadURL.",
                               "The %u virtual servers of the array %s agree on scheme, audience, "
                               "port, asURL and downloadURL.", array->len),
                          array->len, name);
}

const CwaRule cwa_rule_lb_members_consistent = {
  "lb.members-consistent", CWA_LEVEL_ERROR, CWA_SCOPE_LOAD_BALANCER, "CWA-LB",
  N_ ("The array's virtual servers agree on scheme (http/https), audience, port, asURL and downloadURL."),
  check_members_consistent,
};

static void
check_has_ssl_cert (const CwaRule  *rule,
                    CwaRuleContext *context,
                    gpointer        subject,
                    GPtrArray      *findings)
{
  CwaLoadBalancer *lb = subject;
  CwaCertificate *ssl = cwa_load_balancer_get_ssl_certificate (lb);
  g_autofree gchar *name = NULL;

  if (!cwa_load_balancer_get_ssl_offload (lb))
    return;

  name = cwa_rule_dup_display_host (cwa_load_balancer_get_fqdn (lb));
  if (ssl != NULL)
    cwa_rule_add_finding (findings, rule, CWA_STATUS_PASS, NULL, NULL, ssl, NULL, NULL,
                          R_ ("The load balancer %s, which offloads SSL, has the SSL certificate %s."),
                          name, cwa_rule_certificate_name (ssl));
  else
    cwa_rule_add_finding (findings, rule, CWA_STATUS_FAIL, NULL, NULL, NULL, NULL, NULL,
                          R_ ("The load balancer %s offloads SSL but has no SSL certificate "
                              "assigned; it needs one with the names of the array %s."),
                          name, cwa_load_balancer_get_host (lb));
}

const CwaRule cwa_rule_lb_has_ssl_cert = {
  "lb.has-ssl-cert", CWA_LEVEL_ERROR, CWA_SCOPE_LOAD_BALANCER, "CWA-PREP",
  N_ ("A load balancer that offloads SSL has an SSL certificate assigned."),
  check_has_ssl_cert,
};

/* The lb.subject-* and lb.san-* rules apply to offloading load balancers
 * once a certificate is assigned; returns it, or NULL. */
static CwaCertificate *
names_apply (CwaLoadBalancer *lb)
{
  if (!cwa_load_balancer_get_ssl_offload (lb))
    return NULL;

  return cwa_load_balancer_get_ssl_certificate (lb);
}

static gchar *
dup_whose (CwaLoadBalancer *lb)
{
  g_autofree gchar *name = cwa_rule_dup_display_host (cwa_load_balancer_get_fqdn (lb));

  return g_strdup_printf (R_ ("The SSL certificate of the load balancer %s"), name);
}

static void
check_subject_matches_fqdn (const CwaRule  *rule,
                            CwaRuleContext *context,
                            gpointer        subject,
                            GPtrArray      *findings)
{
  CwaLoadBalancer *lb = subject;
  CwaCertificate *ssl = names_apply (lb);
  g_autofree gchar *whose = NULL;

  if (ssl == NULL)
    return;

  whose = dup_whose (lb);
  cwa_rule_add_subject_finding (findings, rule, NULL, NULL, ssl,
                                cwa_load_balancer_get_host (lb), whose);
}

const CwaRule cwa_rule_lb_subject_matches_fqdn = {
  "lb.subject-matches-fqdn", CWA_LEVEL_ERROR, CWA_SCOPE_LOAD_BALANCER, "CWA-LB",
  N_ ("The load balancer's SSL certificate has the array FQDN as its subject name."),
  check_subject_matches_fqdn,
};

typedef enum
{
  ARRAY_HOST,
  ARRAY_AS_HOST,
  ARRAY_DOWNLOAD_HOST,
} ArrayName;

static void
check_san (const CwaRule  *rule,
           CwaRuleContext *context,
           CwaLoadBalancer *lb,
           ArrayName       which,
           GPtrArray      *findings)
{
  CwaCertificate *ssl = names_apply (lb);
  g_autoptr(GPtrArray) array = NULL;
  g_auto(CwaArrayNames) names = { NULL, NULL, NULL };
  g_autofree gchar *whose = NULL;
  const gchar *required;

  if (ssl == NULL)
    return;

  array = cwa_deployment_index_dup_array (cwa_rule_context_get_index (context), lb);
  cwa_topology_array_names_from (lb, array, &names);
  required = which == ARRAY_HOST ? names.host
             : which == ARRAY_AS_HOST ? names.as_host : names.download_host;
  if (required == NULL)
    return;

  whose = dup_whose (lb);
  cwa_rule_add_san_finding (findings, rule, NULL, NULL, ssl, required, whose);
}

static void
check_san_has_fqdn (const CwaRule  *rule,
                    CwaRuleContext *context,
                    gpointer        subject,
                    GPtrArray      *findings)
{
  check_san (rule, context, subject, ARRAY_HOST, findings);
}

const CwaRule cwa_rule_lb_san_has_fqdn = {
  "lb.san-has-fqdn", CWA_LEVEL_ERROR, CWA_SCOPE_LOAD_BALANCER, "CWA-PREP",
  N_ ("The load balancer's SSL certificate lists the array FQDN in its SAN."),
  check_san_has_fqdn,
};

static void
check_san_has_as_url (const CwaRule  *rule,
                      CwaRuleContext *context,
                      gpointer        subject,
                      GPtrArray      *findings)
{
  check_san (rule, context, subject, ARRAY_AS_HOST, findings);
}

const CwaRule cwa_rule_lb_san_has_as_url = {
  "lb.san-has-as-url", CWA_LEVEL_ERROR, CWA_SCOPE_LOAD_BALANCER, "CWA-PREP",
  N_ ("The load balancer's SSL certificate lists the array's asURL in its SAN."),
  check_san_has_as_url,
};

static void
check_san_has_download_url (const CwaRule  *rule,
                            CwaRuleContext *context,
                            gpointer        subject,
                            GPtrArray      *findings)
{
  check_san (rule, context, subject, ARRAY_DOWNLOAD_HOST, findings);
}

const CwaRule cwa_rule_lb_san_has_download_url = {
  "lb.san-has-download-url", CWA_LEVEL_ERROR, CWA_SCOPE_LOAD_BALANCER, "CWA-PREP",
  N_ ("The load balancer's SSL certificate lists the array's downloadURL in its SAN."),
  check_san_has_download_url,
};

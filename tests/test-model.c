/* test-model.c: the deployment model and CwaPlan: properties, derived names, "changed", entries. */
#include "config.h"

#include "cwa-deployment.h"
#include "cwa-history.h"
#include "cwa-load-balancer.h"
#include "cwa-plan.h"
#include "cwa-plan-edits.h"
#include "cwa-publishing-rule.h"
#include "cwa-reverse-proxy.h"
#include "cwa-server.h"
#include "cwa-test-cert.h"
#include "cwa-virtual-server.h"

/* Counts notifications per property name. */
typedef struct
{
  GHashTable *counts;
} NotifyLog;

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           NotifyLog  *log)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (log->counts, pspec->name));

  g_hash_table_insert (log->counts, (gpointer) pspec->name, GUINT_TO_POINTER (n + 1));
}

static void
notify_log_watch (NotifyLog *log,
                  gpointer   object)
{
  log->counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_signal_connect (object, "notify", G_CALLBACK (on_notify), log);
}

static guint
notify_log_count (NotifyLog   *log,
                  const gchar *name)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (log->counts, name));
}

static guint
notify_log_total (NotifyLog *log)
{
  GHashTableIter iter;
  gpointer value;
  guint total = 0;

  g_hash_table_iter_init (&iter, log->counts);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    total += GPOINTER_TO_UINT (value);

  return total;
}

static void
notify_log_reset (NotifyLog *log)
{
  g_hash_table_remove_all (log->counts);
}

static void
notify_log_clear (NotifyLog *log,
                  gpointer   object)
{
  g_signal_handlers_disconnect_by_data (object, log);
  g_clear_pointer (&log->counts, g_hash_table_unref);
}

/* Connected swapped: the counter comes first, whatever the signal. */
static void
count_signal (guint *count)
{
  (*count)++;
}

static CwaCertificate *
make_cert (const gchar *subject,
           guint64      serial)
{
  CwaTestCertSpec spec;

  cwa_test_cert_spec_init (&spec, subject);
  spec.serial = serial;
  return cwa_test_cert_build (&spec);
}

/* Another object for the same DER, as a second drag and drop would give. */
static CwaCertificate *
copy_cert (CwaCertificate *certificate)
{
  g_autoptr(GError) error = NULL;
  CwaCertificate *copy = cwa_certificate_new_from_der (cwa_certificate_get_der (certificate),
                                                       NULL, 0, &error);

  g_assert_no_error (error);
  return copy;
}

static void
test_virtual_server_url (void)
{
  CwaVirtualServer *vs = cwa_virtual_server_new ("https://IM.Contoso.com.", CWA_AUDIENCE_EXTERNAL);
  NotifyLog log = { 0 };

  g_assert_cmpstr (cwa_virtual_server_get_url (vs), ==, "https://IM.Contoso.com.");
  g_assert_cmpstr (cwa_virtual_server_get_host (vs), ==, "im.contoso.com");
  g_assert_true (cwa_virtual_server_is_https (vs));
  g_assert_cmpuint (cwa_virtual_server_get_port (vs), ==, 443);
  g_assert_cmpint (cwa_virtual_server_get_audience (vs), ==, CWA_AUDIENCE_EXTERNAL);
  g_assert_null (cwa_virtual_server_get_server (vs));

  notify_log_watch (&log, vs);

  /* The same value: no notification at all. */
  cwa_virtual_server_set_url (vs, "https://IM.Contoso.com.");
  cwa_virtual_server_set_audience (vs, CWA_AUDIENCE_EXTERNAL);
  g_assert_cmpuint (notify_log_total (&log), ==, 0);

  /* Another spelling of the same host: url changes, host does not. */
  cwa_virtual_server_set_url (vs, "im.contoso.com");
  g_assert_cmpuint (notify_log_count (&log, "url"), ==, 1);
  g_assert_cmpuint (notify_log_total (&log), ==, 1);
  g_assert_cmpstr (cwa_virtual_server_get_host (vs), ==, "im.contoso.com");
  g_assert_true (cwa_virtual_server_is_https (vs));
  notify_log_reset (&log);

  cwa_virtual_server_set_url (vs, "http://im2.contoso.com:8080/");
  g_assert_cmpuint (notify_log_count (&log, "url"), ==, 1);
  g_assert_cmpuint (notify_log_count (&log, "host"), ==, 1);
  g_assert_cmpuint (notify_log_count (&log, "is-https"), ==, 1);
  g_assert_cmpuint (notify_log_count (&log, "port"), ==, 1);
  g_assert_cmpuint (notify_log_total (&log), ==, 4);
  g_assert_cmpstr (cwa_virtual_server_get_host (vs), ==, "im2.contoso.com");
  g_assert_false (cwa_virtual_server_is_https (vs));
  g_assert_cmpuint (cwa_virtual_server_get_port (vs), ==, 8080);
  notify_log_reset (&log);

  cwa_virtual_server_set_audience (vs, CWA_AUDIENCE_INTERNAL);
  cwa_virtual_server_set_audience (vs, CWA_AUDIENCE_INTERNAL);
  g_assert_cmpuint (notify_log_count (&log, "audience"), ==, 1);
  g_assert_cmpuint (notify_log_total (&log), ==, 1);

  /* Through the GObject property too. */
  notify_log_reset (&log);
  g_object_set (vs, "audience", CWA_AUDIENCE_EXTERNAL, NULL);
  g_object_set (vs, "audience", CWA_AUDIENCE_EXTERNAL, NULL);
  g_assert_cmpuint (notify_log_count (&log, "audience"), ==, 1);

  notify_log_clear (&log, vs);
  g_assert_finalize_object (vs);
}

static void
test_virtual_server_invalid_url (void)
{
  if (g_test_subprocess ())
    {
      CwaVirtualServer *vs = cwa_virtual_server_new ("https://im.contoso.com", CWA_AUDIENCE_INTERNAL);

      g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
      cwa_virtual_server_set_url (vs, "https://im.contoso.com/cwa/path");
      g_object_unref (vs);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*cwa_url_parse*");
}

static void
test_virtual_server_listen (void)
{
  CwaVirtualServer *vs = cwa_virtual_server_new ("https://im.contoso.com", CWA_AUDIENCE_INTERNAL);
  CwaVirtualServer *plain = cwa_virtual_server_new ("http://im.contoso.com", CWA_AUDIENCE_INTERNAL);
  NotifyLog log = { 0 };
  g_autofree gchar *https_default = cwa_virtual_server_dup_effective_listen (vs);
  g_autofree gchar *http_default = cwa_virtual_server_dup_effective_listen (plain);
  g_autofree gchar *explicit = NULL;

  g_assert_null (cwa_virtual_server_get_listen (vs));
  g_assert_cmpstr (https_default, ==, "*:443");
  g_assert_cmpstr (http_default, ==, "*:80");

  notify_log_watch (&log, vs);
  cwa_virtual_server_set_listen (vs, "10.0.0.5:8443");
  cwa_virtual_server_set_listen (vs, "10.0.0.5:8443");
  g_assert_cmpuint (notify_log_count (&log, "listen"), ==, 1);
  explicit = cwa_virtual_server_dup_effective_listen (vs);
  g_assert_cmpstr (explicit, ==, "10.0.0.5:8443");

  /* An emptied field means the default again. */
  cwa_virtual_server_set_listen (vs, "");
  g_assert_null (cwa_virtual_server_get_listen (vs));
  g_assert_cmpuint (notify_log_count (&log, "listen"), ==, 2);
  cwa_virtual_server_set_listen (vs, NULL);
  g_assert_cmpuint (notify_log_count (&log, "listen"), ==, 2);

  notify_log_clear (&log, vs);
  g_assert_finalize_object (vs);
  g_assert_finalize_object (plain);
}

static void
test_virtual_server_derived_hosts (void)
{
  CwaVirtualServer *vs = cwa_virtual_server_new ("https://IM.Contoso.com:443/", CWA_AUDIENCE_EXTERNAL);
  NotifyLog log = { 0 };
  gchar *host;

  host = cwa_virtual_server_dup_as_host (vs);
  g_assert_cmpstr (host, ==, "as.im.contoso.com");
  g_free (host);
  host = cwa_virtual_server_dup_download_host (vs);
  g_assert_cmpstr (host, ==, "download.im.contoso.com");
  g_free (host);

  notify_log_watch (&log, vs);
  cwa_virtual_server_set_as_url (vs, "https://AS.Fabrikam.com.");
  cwa_virtual_server_set_as_url (vs, "https://AS.Fabrikam.com.");
  cwa_virtual_server_set_download_url (vs, "dl.contoso.com");
  g_assert_cmpuint (notify_log_count (&log, "as-url"), ==, 1);
  g_assert_cmpuint (notify_log_count (&log, "download-url"), ==, 1);
  g_assert_cmpstr (cwa_virtual_server_get_as_url (vs), ==, "https://AS.Fabrikam.com.");

  host = cwa_virtual_server_dup_as_host (vs);
  g_assert_cmpstr (host, ==, "as.fabrikam.com");
  g_free (host);
  host = cwa_virtual_server_dup_download_host (vs);
  g_assert_cmpstr (host, ==, "dl.contoso.com");
  g_free (host);

  /* The derived names follow the URL. */
  cwa_virtual_server_set_as_url (vs, NULL);
  cwa_virtual_server_set_url (vs, "https://chat.contoso.com");
  host = cwa_virtual_server_dup_as_host (vs);
  g_assert_cmpstr (host, ==, "as.chat.contoso.com");
  g_free (host);

  notify_log_clear (&log, vs);
  g_assert_finalize_object (vs);
}

static void
test_virtual_server_certificate (void)
{
  CwaVirtualServer *vs = cwa_virtual_server_new ("https://im.contoso.com", CWA_AUDIENCE_EXTERNAL);
  CwaCertificate *cert = make_cert ("CN=im.contoso.com", 1);
  NotifyLog log = { 0 };

  notify_log_watch (&log, vs);
  cwa_virtual_server_set_ssl_certificate (vs, cert);
  cwa_virtual_server_set_ssl_certificate (vs, cert);
  g_assert_cmpuint (notify_log_count (&log, "ssl-certificate"), ==, 1);
  g_assert_true (cwa_virtual_server_get_ssl_certificate (vs) == cert);
  cwa_virtual_server_set_ssl_certificate (vs, NULL);
  g_assert_cmpuint (notify_log_count (&log, "ssl-certificate"), ==, 2);

  notify_log_clear (&log, vs);
  g_assert_finalize_object (vs);
  g_assert_finalize_object (cert);
}

static void
test_server_properties (void)
{
  CwaServer *server = cwa_server_new ("CWAServer.Contoso.com.");
  CwaCertificate *cert = make_cert ("CN=cwaserver.contoso.com", 2);
  NotifyLog log = { 0 };

  g_assert_cmpstr (cwa_server_get_fqdn (server), ==, "CWAServer.Contoso.com.");
  g_assert_cmpstr (cwa_server_get_host (server), ==, "cwaserver.contoso.com");

  notify_log_watch (&log, server);
  cwa_server_set_fqdn (server, "CWAServer.Contoso.com.");
  g_assert_cmpuint (notify_log_total (&log), ==, 0);

  cwa_server_set_fqdn (server, "cwaserver.contoso.com");
  g_assert_cmpuint (notify_log_count (&log, "fqdn"), ==, 1);
  g_assert_cmpuint (notify_log_count (&log, "host"), ==, 0);

  cwa_server_set_fqdn (server, "cwa2.contoso.com");
  g_assert_cmpuint (notify_log_count (&log, "fqdn"), ==, 2);
  g_assert_cmpuint (notify_log_count (&log, "host"), ==, 1);

  cwa_server_set_mtls_certificate (server, cert);
  cwa_server_set_mtls_certificate (server, cert);
  g_assert_cmpuint (notify_log_count (&log, "mtls-certificate"), ==, 1);

  notify_log_clear (&log, server);
  g_assert_finalize_object (server);
  g_assert_finalize_object (cert);
}

static void
test_server_virtual_servers (void)
{
  CwaServer *server = cwa_server_new ("cwaserver.contoso.com");
  CwaVirtualServer *a = cwa_virtual_server_new ("https://im.contoso.com", CWA_AUDIENCE_INTERNAL);
  CwaVirtualServer *b = cwa_virtual_server_new ("https://im.fabrikam.com", CWA_AUDIENCE_EXTERNAL);
  GListModel *list = cwa_server_get_virtual_servers (server);
  NotifyLog log = { 0 };
  guint items_changed = 0;
  g_autoptr(CwaVirtualServer) first = NULL;

  g_signal_connect_swapped (list, "items-changed", G_CALLBACK (count_signal), &items_changed);
  notify_log_watch (&log, a);

  cwa_server_add_virtual_server (server, a);
  g_assert_true (cwa_virtual_server_get_server (a) == server);
  g_assert_cmpuint (notify_log_count (&log, "server"), ==, 1);

  cwa_server_insert_virtual_server (server, 0, b);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  first = g_list_model_get_item (list, 0);
  g_assert_true (first == b);
  g_assert_cmpuint (items_changed, ==, 2);

  cwa_server_remove_virtual_server (server, a);
  g_assert_null (cwa_virtual_server_get_server (a));
  g_assert_cmpuint (notify_log_count (&log, "server"), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  g_assert_cmpuint (items_changed, ==, 3);
  notify_log_clear (&log, a);
  g_assert_finalize_object (a);

  /* The back-pointer is weak: the server may go first. */
  g_signal_handlers_disconnect_by_data (list, &items_changed);
  g_clear_object (&first);
  g_assert_finalize_object (server);
  g_assert_null (cwa_virtual_server_get_server (b));
  g_assert_finalize_object (b);
}

static void
test_deployment_changed (void)
{
  CwaDeployment *deployment = cwa_deployment_new ();
  CwaServer *server = cwa_server_new ("cwaserver.contoso.com");
  CwaVirtualServer *vs = cwa_virtual_server_new ("https://im.contoso.com", CWA_AUDIENCE_INTERNAL);
  CwaVirtualServer *late = cwa_virtual_server_new ("https://im2.contoso.com", CWA_AUDIENCE_INTERNAL);
  CwaCertificate *cert = make_cert ("CN=im.contoso.com", 3);
  guint changed = 0;

  g_signal_connect_swapped (deployment, "changed", G_CALLBACK (count_signal), &changed);

  /* A virtual server added before its server joins is watched too. */
  cwa_server_add_virtual_server (server, vs);
  cwa_deployment_add_server (deployment, server);
  g_assert_cmpuint (changed, ==, 1);

  cwa_virtual_server_set_url (vs, "https://chat.contoso.com");
  g_assert_cmpuint (changed, ==, 2);
  cwa_virtual_server_set_url (vs, "https://chat.contoso.com");
  cwa_virtual_server_set_listen (vs, NULL);
  g_assert_cmpuint (changed, ==, 2);

  cwa_virtual_server_set_ssl_certificate (vs, cert);
  g_assert_cmpuint (changed, ==, 3);
  cwa_server_set_mtls_certificate (server, cert);
  g_assert_cmpuint (changed, ==, 4);
  cwa_server_set_fqdn (server, "cwa1.contoso.com");
  g_assert_cmpuint (changed, ==, 5);

  cwa_server_add_virtual_server (server, late);
  g_assert_cmpuint (changed, ==, 6);
  cwa_virtual_server_set_audience (late, CWA_AUDIENCE_EXTERNAL);
  g_assert_cmpuint (changed, ==, 7);

  cwa_deployment_unassign (deployment, cert);
  g_assert_null (cwa_server_get_mtls_certificate (server));
  g_assert_null (cwa_virtual_server_get_ssl_certificate (vs));
  g_assert_cmpuint (changed, ==, 9);

  /* Removed objects no longer count. */
  cwa_server_remove_virtual_server (server, late);
  g_assert_cmpuint (changed, ==, 10);
  cwa_virtual_server_set_audience (late, CWA_AUDIENCE_INTERNAL);
  g_assert_cmpuint (changed, ==, 10);

  cwa_deployment_remove_server (deployment, server);
  g_assert_cmpuint (changed, ==, 11);
  cwa_server_set_fqdn (server, "other.contoso.com");
  cwa_virtual_server_set_url (vs, "https://other.contoso.com");
  g_assert_cmpuint (changed, ==, 11);

  g_assert_finalize_object (deployment);
  g_assert_finalize_object (server);
  g_assert_finalize_object (vs);
  g_assert_finalize_object (late);
  g_assert_finalize_object (cert);
}

static void
test_load_balancer_properties (void)
{
  CwaLoadBalancer *lb = cwa_load_balancer_new ("IM.Contoso.com.");
  CwaCertificate *cert = make_cert ("CN=im.contoso.com", 11);
  const gchar * const members[] = { "cwa01.contoso.com", "CWA02.contoso.com.", NULL };
  NotifyLog log = { 0 };

  g_assert_cmpstr (cwa_load_balancer_get_fqdn (lb), ==, "IM.Contoso.com.");
  g_assert_cmpstr (cwa_load_balancer_get_host (lb), ==, "im.contoso.com");
  g_assert_null (cwa_load_balancer_get_vip (lb));
  g_assert_cmpuint (g_strv_length ((GStrv) cwa_load_balancer_get_members (lb)), ==, 0);
  g_assert_false (cwa_load_balancer_get_ssl_offload (lb));

  notify_log_watch (&log, lb);
  cwa_load_balancer_set_fqdn (lb, "IM.Contoso.com.");
  cwa_load_balancer_set_vip (lb, "");
  cwa_load_balancer_set_members (lb, NULL);
  cwa_load_balancer_set_ssl_offload (lb, FALSE);
  cwa_load_balancer_set_ssl_certificate (lb, NULL);
  g_assert_cmpuint (notify_log_total (&log), ==, 0);

  cwa_load_balancer_set_fqdn (lb, "im.contoso.com");
  g_assert_cmpuint (notify_log_count (&log, "fqdn"), ==, 1);
  g_assert_cmpuint (notify_log_count (&log, "host"), ==, 0);
  cwa_load_balancer_set_fqdn (lb, "chat.contoso.com");
  g_assert_cmpuint (notify_log_count (&log, "host"), ==, 1);

  cwa_load_balancer_set_vip (lb, "10.0.0.50");
  cwa_load_balancer_set_vip (lb, "10.0.0.50");
  g_assert_cmpuint (notify_log_count (&log, "vip"), ==, 1);
  cwa_load_balancer_set_vip (lb, "");
  g_assert_null (cwa_load_balancer_get_vip (lb));
  g_assert_cmpuint (notify_log_count (&log, "vip"), ==, 2);

  cwa_load_balancer_set_members (lb, members);
  cwa_load_balancer_set_members (lb, members);
  g_assert_cmpuint (notify_log_count (&log, "members"), ==, 1);
  g_assert_true (cwa_load_balancer_has_member (lb, "CWA01.CONTOSO.COM."));
  g_assert_true (cwa_load_balancer_has_member (lb, "cwa02.contoso.com"));
  g_assert_false (cwa_load_balancer_has_member (lb, "cwa03.contoso.com"));

  /* The same name twice is one member; the names stay as written. */
  g_assert_false (cwa_load_balancer_add_member (lb, "cwa02.CONTOSO.com"));
  g_assert_cmpuint (notify_log_count (&log, "members"), ==, 1);
  g_assert_true (cwa_load_balancer_add_member (lb, "cwa03.contoso.com"));
  g_assert_cmpuint (notify_log_count (&log, "members"), ==, 2);
  g_assert_cmpstr (cwa_load_balancer_get_members (lb)[1], ==, "CWA02.contoso.com.");
  g_assert_cmpstr (cwa_load_balancer_get_members (lb)[2], ==, "cwa03.contoso.com");

  g_assert_true (cwa_load_balancer_remove_member (lb, "cwa02.contoso.com"));
  g_assert_false (cwa_load_balancer_remove_member (lb, "cwa02.contoso.com"));
  g_assert_cmpuint (notify_log_count (&log, "members"), ==, 3);
  g_assert_cmpuint (g_strv_length ((GStrv) cwa_load_balancer_get_members (lb)), ==, 2);
  g_assert_false (cwa_load_balancer_has_member (lb, "cwa02.contoso.com"));

  cwa_load_balancer_set_ssl_offload (lb, TRUE);
  cwa_load_balancer_set_ssl_offload (lb, 2);
  g_assert_cmpuint (notify_log_count (&log, "ssl-offload"), ==, 1);
  cwa_load_balancer_set_ssl_certificate (lb, cert);
  cwa_load_balancer_set_ssl_certificate (lb, cert);
  g_assert_cmpuint (notify_log_count (&log, "ssl-certificate"), ==, 1);

  notify_log_clear (&log, lb);
  g_assert_finalize_object (lb);
  g_assert_finalize_object (cert);
}

static void
test_publishing_rule_properties (void)
{
  CwaPublishingRule *rule = cwa_publishing_rule_new ("https://IM.Contoso.com/", "im.contoso.com");
  CwaCertificate *cert = make_cert ("CN=im.contoso.com", 12);
  g_autofree gchar *listen = NULL;
  g_autofree gchar *as_host = NULL;
  g_autofree gchar *download_host = NULL;
  NotifyLog log = { 0 };

  g_assert_cmpstr (cwa_publishing_rule_get_published_host (rule), ==, "im.contoso.com");
  g_assert_true (cwa_publishing_rule_is_https (rule));
  g_assert_cmpuint (cwa_publishing_rule_get_port (rule), ==, 443);
  listen = cwa_publishing_rule_dup_effective_listen (rule);
  g_assert_cmpstr (listen, ==, "*:443");
  as_host = cwa_publishing_rule_dup_as_host (rule);
  download_host = cwa_publishing_rule_dup_download_host (rule);
  g_assert_cmpstr (as_host, ==, "as.im.contoso.com");
  g_assert_cmpstr (download_host, ==, "download.im.contoso.com");
  /* The internal host defaults to the virtual server's. */
  g_assert_null (cwa_publishing_rule_get_internal_host (rule));
  g_assert_cmpstr (cwa_publishing_rule_get_effective_internal_host (rule), ==, "im.contoso.com");
  g_assert_false (cwa_publishing_rule_internal_host_is_address (rule));

  notify_log_watch (&log, rule);
  cwa_publishing_rule_set_published_url (rule, "https://IM.Contoso.com/");
  cwa_publishing_rule_set_virtual_server (rule, "im.contoso.com");
  cwa_publishing_rule_set_listen (rule, "");
  cwa_publishing_rule_set_internal_host (rule, NULL);
  cwa_publishing_rule_set_internal_address (rule, "");
  cwa_publishing_rule_set_as_url (rule, NULL);
  cwa_publishing_rule_set_download_url (rule, NULL);
  cwa_publishing_rule_set_listener_certificate (rule, NULL);
  g_assert_cmpuint (notify_log_total (&log), ==, 0);

  cwa_publishing_rule_set_published_url (rule, "http://im.contoso.com:8080");
  g_assert_cmpuint (notify_log_count (&log, "published-url"), ==, 1);
  g_assert_cmpuint (notify_log_count (&log, "published-host"), ==, 0);
  g_assert_cmpuint (notify_log_count (&log, "is-https"), ==, 1);
  g_assert_cmpuint (notify_log_count (&log, "port"), ==, 1);
  g_clear_pointer (&listen, g_free);
  listen = cwa_publishing_rule_dup_effective_listen (rule);
  g_assert_cmpstr (listen, ==, "*:80");

  cwa_publishing_rule_set_published_url (rule, "https://chat.contoso.com");
  g_assert_cmpuint (notify_log_count (&log, "published-host"), ==, 1);
  g_clear_pointer (&as_host, g_free);
  as_host = cwa_publishing_rule_dup_as_host (rule);
  g_assert_cmpstr (as_host, ==, "as.chat.contoso.com");
  cwa_publishing_rule_set_as_url (rule, "https://share.contoso.com");
  g_clear_pointer (&as_host, g_free);
  as_host = cwa_publishing_rule_dup_as_host (rule);
  g_assert_cmpstr (as_host, ==, "share.contoso.com");
  g_assert_cmpuint (notify_log_count (&log, "as-url"), ==, 1);

  cwa_publishing_rule_set_virtual_server (rule, "IM-Pool.Contoso.com");
  g_assert_cmpuint (notify_log_count (&log, "virtual-server"), ==, 1);
  g_assert_cmpstr (cwa_publishing_rule_get_virtual_server_host (rule), ==, "im-pool.contoso.com");
  g_assert_cmpstr (cwa_publishing_rule_get_effective_internal_host (rule), ==, "im-pool.contoso.com");

  cwa_publishing_rule_set_internal_host (rule, "[2001:DB8::5]");
  g_assert_cmpstr (cwa_publishing_rule_get_effective_internal_host (rule), ==, "2001:db8::5");
  g_assert_true (cwa_publishing_rule_internal_host_is_address (rule));
  cwa_publishing_rule_set_internal_host (rule, "cwa01");
  g_assert_cmpstr (cwa_publishing_rule_get_effective_internal_host (rule), ==, "cwa01");
  g_assert_false (cwa_publishing_rule_internal_host_is_address (rule));
  g_assert_cmpuint (notify_log_count (&log, "internal-host"), ==, 2);

  cwa_publishing_rule_set_internal_address (rule, "10.0.0.7");
  cwa_publishing_rule_set_internal_address (rule, "10.0.0.7");
  g_assert_cmpuint (notify_log_count (&log, "internal-address"), ==, 1);
  cwa_publishing_rule_set_listen (rule, "203.0.113.10:443");
  g_assert_cmpuint (notify_log_count (&log, "listen"), ==, 1);
  cwa_publishing_rule_set_listener_certificate (rule, cert);
  cwa_publishing_rule_set_listener_certificate (rule, cert);
  g_assert_cmpuint (notify_log_count (&log, "listener-certificate"), ==, 1);

  notify_log_clear (&log, rule);
  g_assert_finalize_object (rule);
  g_assert_finalize_object (cert);
}

static void
test_reverse_proxy_rules (void)
{
  CwaReverseProxy *proxy = cwa_reverse_proxy_new ("ISA01.Perimeter.Contoso.com");
  CwaPublishingRule *a = cwa_publishing_rule_new ("https://im.contoso.com", "im.contoso.com");
  CwaPublishingRule *b = cwa_publishing_rule_new ("https://im.fabrikam.com", "im.fabrikam.com");
  CwaCertificate *root = make_cert ("CN=Contoso Root", 13);
  CwaCertificate *same_root = copy_cert (root);
  NotifyLog log = { 0 };
  guint rules_changed = 0;
  guint trusted_changed = 0;

  g_assert_cmpstr (cwa_reverse_proxy_get_host (proxy), ==, "isa01.perimeter.contoso.com");
  notify_log_watch (&log, proxy);
  cwa_reverse_proxy_set_product (proxy, "ISA Server 2006");
  cwa_reverse_proxy_set_product (proxy, "ISA Server 2006");
  g_assert_cmpuint (notify_log_count (&log, "product"), ==, 1);
  cwa_reverse_proxy_set_product (proxy, "");
  g_assert_null (cwa_reverse_proxy_get_product (proxy));
  cwa_reverse_proxy_set_fqdn (proxy, "isa01.perimeter.contoso.com");
  g_assert_cmpuint (notify_log_count (&log, "fqdn"), ==, 1);
  g_assert_cmpuint (notify_log_count (&log, "host"), ==, 0);

  g_signal_connect_swapped (cwa_reverse_proxy_get_publishing_rules (proxy), "items-changed",
                            G_CALLBACK (count_signal), &rules_changed);
  g_signal_connect_swapped (cwa_reverse_proxy_get_trusted_certificates (proxy), "items-changed",
                            G_CALLBACK (count_signal), &trusted_changed);

  cwa_reverse_proxy_add_publishing_rule (proxy, b);
  cwa_reverse_proxy_insert_publishing_rule (proxy, 0, a);
  g_assert_cmpuint (rules_changed, ==, 2);
  g_assert_true (cwa_publishing_rule_get_reverse_proxy (a) == proxy);
  g_assert_true (cwa_reverse_proxy_find_publishing_rule (proxy, "IM.Fabrikam.com.") == b);
  g_assert_null (cwa_reverse_proxy_find_publishing_rule (proxy, "im.example.com"));

  g_assert_true (cwa_reverse_proxy_add_trusted_certificate (proxy, root));
  /* Another object for the same certificate is the same root. */
  g_assert_false (cwa_reverse_proxy_add_trusted_certificate (proxy, same_root));
  g_assert_cmpuint (trusted_changed, ==, 1);
  g_assert_true (cwa_reverse_proxy_remove_trusted_certificate (proxy, same_root));
  g_assert_false (cwa_reverse_proxy_remove_trusted_certificate (proxy, root));
  g_assert_cmpuint (trusted_changed, ==, 2);

  cwa_reverse_proxy_remove_publishing_rule (proxy, b);
  g_assert_null (cwa_publishing_rule_get_reverse_proxy (b));
  g_assert_cmpuint (rules_changed, ==, 3);

  /* A rule outliving its proxy lets go of the back-pointer. */
  notify_log_clear (&log, proxy);
  g_signal_handlers_disconnect_by_data (cwa_reverse_proxy_get_publishing_rules (proxy), &rules_changed);
  g_signal_handlers_disconnect_by_data (cwa_reverse_proxy_get_trusted_certificates (proxy), &trusted_changed);
  g_assert_finalize_object (proxy);
  g_assert_null (cwa_publishing_rule_get_reverse_proxy (a));
  g_assert_finalize_object (a);
  g_assert_finalize_object (b);
  g_assert_finalize_object (root);
  g_assert_finalize_object (same_root);
}

static void
test_deployment_front_ends_changed (void)
{
  CwaDeployment *deployment = cwa_deployment_new ();
  CwaLoadBalancer *lb = cwa_load_balancer_new ("im.contoso.com");
  CwaReverseProxy *proxy = cwa_reverse_proxy_new ("isa01.perimeter.contoso.com");
  CwaPublishingRule *early = cwa_publishing_rule_new ("https://im.contoso.com", "im.contoso.com");
  CwaPublishingRule *late = cwa_publishing_rule_new ("https://chat.contoso.com", "chat.contoso.com");
  CwaCertificate *cert = make_cert ("CN=im.contoso.com", 14);
  CwaCertificate *root = make_cert ("CN=Contoso Root", 15);
  guint changed = 0;

  g_signal_connect_swapped (deployment, "changed", G_CALLBACK (count_signal), &changed);

  cwa_deployment_add_load_balancer (deployment, lb);
  g_assert_cmpuint (changed, ==, 1);
  cwa_load_balancer_add_member (lb, "cwa01.contoso.com");
  cwa_load_balancer_set_vip (lb, "10.0.0.50");
  cwa_load_balancer_set_ssl_offload (lb, TRUE);
  cwa_load_balancer_set_ssl_certificate (lb, cert);
  g_assert_cmpuint (changed, ==, 5);
  /* No change, no signal; a read-only "host" does not count twice. */
  cwa_load_balancer_set_vip (lb, "10.0.0.50");
  cwa_load_balancer_set_fqdn (lb, "IM.contoso.com");
  g_assert_cmpuint (changed, ==, 6);

  /* A rule added before its proxy joins is watched too. */
  cwa_reverse_proxy_add_publishing_rule (proxy, early);
  cwa_deployment_add_reverse_proxy (deployment, proxy);
  g_assert_cmpuint (changed, ==, 7);
  cwa_publishing_rule_set_listener_certificate (early, cert);
  g_assert_cmpuint (changed, ==, 8);
  cwa_reverse_proxy_add_publishing_rule (proxy, late);
  g_assert_cmpuint (changed, ==, 9);
  cwa_publishing_rule_set_internal_host (late, "10.0.0.7");
  g_assert_cmpuint (changed, ==, 10);
  cwa_reverse_proxy_add_trusted_certificate (proxy, root);
  g_assert_cmpuint (changed, ==, 11);
  cwa_reverse_proxy_set_product (proxy, "ISA Server 2006");
  g_assert_cmpuint (changed, ==, 12);

  g_assert_true (cwa_deployment_find_load_balancer (deployment, "im.contoso.com.") == lb);
  g_assert_null (cwa_deployment_find_load_balancer (deployment, "chat.contoso.com"));
  g_assert_true (cwa_deployment_find_reverse_proxy (deployment, "ISA01.perimeter.contoso.com") == proxy);

  /* Unassigning clears the load balancer's, the listener's and the trust. */
  cwa_deployment_unassign (deployment, cert);
  g_assert_null (cwa_load_balancer_get_ssl_certificate (lb));
  g_assert_null (cwa_publishing_rule_get_listener_certificate (early));
  g_assert_cmpuint (changed, ==, 14);
  cwa_deployment_unassign (deployment, root);
  g_assert_cmpuint (g_list_model_get_n_items (cwa_reverse_proxy_get_trusted_certificates (proxy)), ==, 0);
  g_assert_cmpuint (changed, ==, 15);

  /* Removed objects no longer count. */
  cwa_reverse_proxy_remove_publishing_rule (proxy, late);
  g_assert_cmpuint (changed, ==, 16);
  cwa_publishing_rule_set_internal_host (late, NULL);
  g_assert_cmpuint (changed, ==, 16);

  cwa_deployment_remove_reverse_proxy (deployment, proxy);
  cwa_deployment_remove_load_balancer (deployment, lb);
  g_assert_cmpuint (changed, ==, 18);
  cwa_publishing_rule_set_internal_host (early, "cwa01.contoso.com");
  cwa_reverse_proxy_add_trusted_certificate (proxy, root);
  cwa_load_balancer_set_vip (lb, NULL);
  g_assert_cmpuint (changed, ==, 18);

  g_assert_finalize_object (deployment);
  g_assert_finalize_object (lb);
  g_assert_finalize_object (proxy);
  g_assert_finalize_object (early);
  g_assert_finalize_object (late);
  g_assert_finalize_object (cert);
  g_assert_finalize_object (root);
}

static void
test_deployment_find (void)
{
  CwaDeployment *deployment = cwa_deployment_new ();
  CwaServer *one = cwa_server_new ("cwa1.contoso.com");
  CwaServer *two = cwa_server_new ("CWA2.contoso.com.");
  CwaVirtualServer *vs = cwa_virtual_server_new ("https://IM.Fabrikam.com", CWA_AUDIENCE_EXTERNAL);
  g_autoptr(CwaServer) first = NULL;

  cwa_deployment_add_server (deployment, two);
  cwa_deployment_insert_server (deployment, 0, one);
  cwa_server_add_virtual_server (two, vs);

  first = g_list_model_get_item (cwa_deployment_get_servers (deployment), 0);
  g_assert_true (first == one);
  g_assert_true (cwa_deployment_find_server (deployment, "cwa2.contoso.com") == two);
  g_assert_true (cwa_deployment_find_server (deployment, "CWA1.CONTOSO.COM.") == one);
  g_assert_null (cwa_deployment_find_server (deployment, "cwa3.contoso.com"));
  g_assert_true (cwa_deployment_find_virtual_server (deployment, "im.fabrikam.com.") == vs);
  g_assert_null (cwa_deployment_find_virtual_server (deployment, "im.contoso.com"));

  g_clear_object (&first);
  g_assert_finalize_object (deployment);
  g_assert_finalize_object (one);
  g_assert_finalize_object (two);
  g_assert_finalize_object (vs);
}

/* Walks @deployment's virtual servers into one string: "server>host" pairs
 * joined by spaces, after checking each yielded server holds its virtual
 * server. */
static gchar *
dup_walk (CwaDeployment *deployment)
{
  g_autoptr(GString) walk = g_string_new (NULL);
  CwaVirtualServerIter iter;
  CwaServer *server = NULL;
  CwaVirtualServer *vs = NULL;

  cwa_virtual_server_iter_init (&iter, deployment);
  while (cwa_virtual_server_iter_next (&iter, &server, &vs))
    {
      g_assert_true (cwa_virtual_server_get_server (vs) == server);
      g_string_append_printf (walk, "%s%s>%s", walk->len > 0 ? " " : "",
                              cwa_server_get_host (server), cwa_virtual_server_get_host (vs));
    }
  return g_string_free (g_steal_pointer (&walk), FALSE);
}

static void
test_deployment_virtual_server_iter (void)
{
  CwaDeployment *deployment = cwa_deployment_new ();
  CwaServer *servers[4];
  CwaVirtualServer *vss[4];
  const gchar *urls[] = { "https://a.contoso.com", "https://b.contoso.com",
                          "https://c.contoso.com", "https://d.contoso.com" };
  CwaVirtualServerIter iter;
  CwaServer *server = NULL;
  CwaVirtualServer *vs = NULL;
  g_autofree gchar *walk = NULL;
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (servers); i++)
    {
      g_autofree gchar *fqdn = g_strdup_printf ("cwa%u.contoso.com", i);

      servers[i] = cwa_server_new (fqdn);
      vss[i] = cwa_virtual_server_new (urls[i], CWA_AUDIENCE_INTERNAL);
    }

  /* Nothing to walk: FALSE at once, the out arguments untouched. */
  cwa_virtual_server_iter_init (&iter, deployment);
  g_assert_false (cwa_virtual_server_iter_next (&iter, &server, &vs));
  g_assert_null (server);
  g_assert_null (vs);

  /* Servers without virtual servers yield nothing, first, between and
   * last.  Servers are added out of order and virtual servers inserted
   * in front, so the walk follows the lists, not the order of adding. */
  cwa_deployment_add_server (deployment, servers[3]);
  cwa_deployment_insert_server (deployment, 0, servers[1]);
  cwa_deployment_insert_server (deployment, 1, servers[2]);
  cwa_deployment_insert_server (deployment, 0, servers[0]);
  walk = dup_walk (deployment);
  g_assert_cmpstr (walk, ==, "");
  g_clear_pointer (&walk, g_free);

  cwa_server_add_virtual_server (servers[1], vss[2]);
  cwa_server_insert_virtual_server (servers[1], 0, vss[1]);
  cwa_server_add_virtual_server (servers[3], vss[3]);
  cwa_server_insert_virtual_server (servers[1], 0, vss[0]);
  walk = dup_walk (deployment);
  g_assert_cmpstr (walk, ==,
                   "cwa1.contoso.com>a.contoso.com cwa1.contoso.com>b.contoso.com "
                   "cwa1.contoso.com>c.contoso.com cwa3.contoso.com>d.contoso.com");
  g_clear_pointer (&walk, g_free);

  /* Past the end it stays at the end. */
  cwa_virtual_server_iter_init (&iter, deployment);
  while (cwa_virtual_server_iter_next (&iter, NULL, NULL))
    n++;
  g_assert_cmpuint (n, ==, 4);
  g_assert_false (cwa_virtual_server_iter_next (&iter, &server, &vs));

  /* Stopping early leaves nothing to free; a new walk starts over.  A
   * property may change on the way. */
  cwa_virtual_server_iter_init (&iter, deployment);
  while (cwa_virtual_server_iter_next (&iter, &server, &vs))
    {
      cwa_virtual_server_set_audience (vs, CWA_AUDIENCE_EXTERNAL);
      if (vs == vss[1])
        break;
    }
  g_assert_true (server == servers[1]);
  g_assert_cmpint (cwa_virtual_server_get_audience (vss[0]), ==, CWA_AUDIENCE_EXTERNAL);
  g_assert_cmpint (cwa_virtual_server_get_audience (vss[2]), ==, CWA_AUDIENCE_INTERNAL);
  cwa_virtual_server_iter_init (&iter, deployment);
  g_assert_true (cwa_virtual_server_iter_next (&iter, &server, &vs));
  g_assert_true (server == servers[1]);
  g_assert_true (vs == vss[0]);

  /* After an edit the next walk follows it. */
  cwa_server_remove_virtual_server (servers[1], vss[1]);
  cwa_server_remove_virtual_server (servers[3], vss[3]);
  cwa_deployment_remove_server (deployment, servers[3]);
  cwa_server_add_virtual_server (servers[0], vss[3]);
  walk = dup_walk (deployment);
  g_assert_cmpstr (walk, ==,
                   "cwa0.contoso.com>d.contoso.com cwa1.contoso.com>a.contoso.com "
                   "cwa1.contoso.com>c.contoso.com");

  g_assert_finalize_object (deployment);
  for (guint i = 0; i < G_N_ELEMENTS (servers); i++)
    g_assert_finalize_object (servers[i]);
  for (guint i = 0; i < G_N_ELEMENTS (vss); i++)
    g_assert_finalize_object (vss[i]);
}

static void
test_plan_add_certificate (void)
{
  CwaPlan *plan = cwa_plan_new ();
  CwaCertificate *a = make_cert ("CN=IM.Contoso.com,O=Contoso", 10);
  CwaCertificate *b = make_cert ("CN=im.contoso.com", 11);
  CwaCertificate *c = make_cert ("CN=Contoso Root CA", 12);
  CwaCertificate *again = copy_cert (a);
  guint changed = 0;

  g_signal_connect_swapped (plan, "changed", G_CALLBACK (count_signal), &changed);

  g_assert_true (cwa_plan_add_certificate (plan, a) == a);
  g_assert_cmpstr (cwa_certificate_get_id (a), ==, "im-contoso-com");
  g_assert_cmpuint (changed, ==, 1);

  g_assert_true (cwa_plan_add_certificate (plan, b) == b);
  g_assert_cmpstr (cwa_certificate_get_id (b), ==, "im-contoso-com-2");

  /* An id of its own is kept when free, replaced when taken. */
  cwa_certificate_set_id (c, "im-contoso-com");
  g_assert_true (cwa_plan_add_certificate (plan, c) == c);
  g_assert_cmpstr (cwa_certificate_get_id (c), ==, "contoso-root-ca");
  g_assert_cmpuint (changed, ==, 3);

  /* The same certificate again: the entry is returned, nothing added. */
  g_assert_true (cwa_plan_add_certificate (plan, again) == a);
  g_assert_null (cwa_certificate_get_id (again));
  g_assert_cmpuint (g_list_model_get_n_items (cwa_plan_get_certificates (plan)), ==, 3);
  g_assert_cmpuint (changed, ==, 3);

  g_assert_true (cwa_plan_lookup_certificate (plan, "im-contoso-com-2") == b);
  g_assert_null (cwa_plan_lookup_certificate (plan, "nope"));

  /* Renaming an entry is a change of the plan. */
  cwa_certificate_set_id (b, "im-backup");
  g_assert_cmpuint (changed, ==, 4);
  g_assert_true (cwa_plan_lookup_certificate (plan, "im-backup") == b);

  g_assert_finalize_object (plan);
  g_assert_finalize_object (a);
  g_assert_finalize_object (b);
  g_assert_finalize_object (c);
  g_assert_finalize_object (again);
}

static void
test_plan_remove_certificate (void)
{
  CwaPlan *plan = cwa_plan_new ();
  CwaDeployment *deployment = cwa_plan_get_deployment (plan);
  CwaServer *server = cwa_server_new ("cwaserver.contoso.com");
  CwaVirtualServer *vs = cwa_virtual_server_new ("https://im.contoso.com", CWA_AUDIENCE_INTERNAL);
  CwaCertificate *shared = make_cert ("CN=im.contoso.com", 20);
  CwaCertificate *spare = make_cert ("CN=spare.contoso.com", 21);
  g_auto(GStrv) roles = NULL;
  g_auto(GStrv) no_roles = NULL;
  g_autoptr(GPtrArray) assigned = NULL;
  guint changed = 0;

  cwa_server_add_virtual_server (server, vs);
  cwa_deployment_add_server (deployment, server);
  cwa_plan_add_certificate (plan, spare);
  cwa_plan_add_certificate (plan, shared);
  cwa_server_set_mtls_certificate (server, shared);
  cwa_virtual_server_set_ssl_certificate (vs, shared);

  roles = cwa_plan_dup_certificate_roles (plan, shared);
  g_assert_cmpstrv (roles, ((const gchar * const[]) { "mtls", "ssl", NULL }));
  no_roles = cwa_plan_dup_certificate_roles (plan, spare);
  g_assert_cmpuint (g_strv_length (no_roles), ==, 0);
  assigned = cwa_plan_dup_assigned_certificates (plan);
  g_assert_cmpuint (assigned->len, ==, 1);
  g_assert_true (g_ptr_array_index (assigned, 0) == shared);
  g_clear_pointer (&assigned, g_ptr_array_unref);

  g_signal_connect_swapped (plan, "changed", G_CALLBACK (count_signal), &changed);
  cwa_plan_remove_certificate (plan, shared);
  g_assert_cmpuint (changed, >=, 1);
  g_assert_null (cwa_server_get_mtls_certificate (server));
  g_assert_null (cwa_virtual_server_get_ssl_certificate (vs));
  g_assert_cmpuint (g_list_model_get_n_items (cwa_plan_get_certificates (plan)), ==, 1);
  g_assert_null (cwa_plan_lookup_certificate (plan, "im-contoso-com"));
  assigned = cwa_plan_dup_assigned_certificates (plan);
  g_assert_cmpuint (assigned->len, ==, 0);

  /* After removal the certificate no longer talks to the plan. */
  changed = 0;
  cwa_certificate_set_id (shared, "renamed");
  g_assert_cmpuint (changed, ==, 0);

  g_assert_finalize_object (plan);
  g_assert_finalize_object (server);
  g_assert_finalize_object (vs);
  g_assert_finalize_object (shared);
  g_assert_finalize_object (spare);
}

static void
test_plan_chain_pool (void)
{
  CwaPlan *plan = cwa_plan_new ();
  CwaCertificate *leaf = make_cert ("CN=im.contoso.com", 30);
  CwaCertificate *ca = make_cert ("CN=Contoso CA", 31);
  CwaCertificate *ca_again = copy_cert (ca);
  g_autoptr(GPtrArray) pool = NULL;

  cwa_plan_add_certificate (plan, leaf);
  cwa_plan_add_chain_certificate (plan, ca);
  cwa_plan_add_chain_certificate (plan, ca_again);
  cwa_plan_add_chain_certificate (plan, leaf);
  g_assert_cmpuint (g_list_model_get_n_items (cwa_plan_get_chain_certificates (plan)), ==, 2);

  /* The leaf is an entry and a chain certificate: once in the pool. */
  pool = cwa_plan_dup_certificate_pool (plan);
  g_assert_cmpuint (pool->len, ==, 2);
  g_assert_true (g_ptr_array_index (pool, 0) == leaf);
  g_assert_true (g_ptr_array_index (pool, 1) == ca);
  g_clear_pointer (&pool, g_ptr_array_unref);

  g_assert_finalize_object (plan);
  g_assert_finalize_object (leaf);
  g_assert_finalize_object (ca);
  g_assert_finalize_object (ca_again);
}

static void
count_items_changed (GListModel *list,
                     guint       position,
                     guint       removed,
                     guint       added,
                     guint      *count)
{
  (*count)++;
}

/* Many certificates at once: the same entries, ids and chain as one by
 * one, in one items-changed per list and one "changed". */
static void
test_plan_add_certificates (void)
{
  CwaPlan *plan = cwa_plan_new ();
  CwaPlan *one_by_one = cwa_plan_new ();
  CwaCertificate *first = make_cert ("CN=im.contoso.com", 40);
  CwaCertificate *second = make_cert ("CN=IM.Contoso.com,O=Contoso", 41);
  CwaCertificate *third = make_cert ("CN=im.contoso.com,OU=Lab", 42);
  CwaCertificate *ca = make_cert ("CN=Contoso CA", 43);
  g_autoptr(CwaCertificate) second_again = copy_cert (second);
  g_autoptr(CwaCertificate) ca_again = copy_cert (ca);
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  g_autoptr(GPtrArray) chain = g_ptr_array_new ();
  guint n_entries_changed = 0;
  guint n_chain_changed = 0;
  guint changed = 0;

  cwa_plan_add_certificate (plan, first);
  g_signal_connect (cwa_plan_get_certificates (plan), "items-changed",
                    G_CALLBACK (count_items_changed), &n_entries_changed);
  g_signal_connect (cwa_plan_get_chain_certificates (plan), "items-changed",
                    G_CALLBACK (count_items_changed), &n_chain_changed);
  g_signal_connect_swapped (plan, "changed", G_CALLBACK (count_signal), &changed);

  /* Already an entry (first), twice in the batch (second), twice in the
   * chain (ca): each once. */
  g_ptr_array_add (entries, first);
  g_ptr_array_add (entries, second);
  g_ptr_array_add (entries, second_again);
  g_ptr_array_add (entries, third);
  g_ptr_array_add (chain, ca);
  g_ptr_array_add (chain, ca_again);
  g_assert_cmpuint (cwa_plan_add_certificates (plan, entries, chain), ==, 2);

  g_assert_cmpuint (n_entries_changed, ==, 1);
  g_assert_cmpuint (n_chain_changed, ==, 1);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (cwa_plan_get_certificates (plan)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (cwa_plan_get_chain_certificates (plan)), ==, 1);
  g_assert_cmpstr (cwa_certificate_get_id (first), ==, "im-contoso-com");
  g_assert_cmpstr (cwa_certificate_get_id (second), ==, "im-contoso-com-2");
  g_assert_cmpstr (cwa_certificate_get_id (third), ==, "im-contoso-com-3");
  g_assert_null (cwa_certificate_get_id (second_again));
  g_assert_true (cwa_plan_lookup_certificate (plan, "im-contoso-com-3") == third);

  /* Nothing new: no signal at all. */
  g_assert_cmpuint (cwa_plan_add_certificates (plan, entries, NULL), ==, 0);
  g_assert_cmpuint (cwa_plan_add_certificates (plan, NULL, NULL), ==, 0);
  g_assert_cmpuint (n_entries_changed + n_chain_changed + changed, ==, 3);

  /* The same ids as adding one by one. */
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(CwaCertificate) entry = g_list_model_get_item (cwa_plan_get_certificates (plan), i);
      g_autoptr(CwaCertificate) copy = copy_cert (entry);

      cwa_plan_add_certificate (one_by_one, copy);
      g_assert_cmpstr (cwa_certificate_get_id (copy), ==, cwa_certificate_get_id (entry));
    }

  g_assert_finalize_object (plan);
  g_assert_finalize_object (one_by_one);
  g_assert_finalize_object (first);
  g_assert_finalize_object (second);
  g_assert_finalize_object (third);
  g_assert_finalize_object (ca);
}

/* The plan finds entries by id and by fingerprint without walking its
 * list: what it finds must follow removals, undo, renames. */
static void
test_plan_index_follows_edits (void)
{
  CwaPlan *plan = cwa_plan_new ();
  CwaHistory *history = cwa_plan_get_history (plan);
  g_autoptr(GPtrArray) certificates = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(CwaCertificate) late = make_cert ("CN=im.contoso.com", 59);
  g_autoptr(CwaCertificate) later = make_cert ("CN=im.contoso.com", 60);
  g_autoptr(CwaCertificate) copy = NULL;
  CwaCertificate *second;

  for (guint i = 0; i < 4; i++)
    {
      CwaCertificate *certificate = make_cert ("CN=im.contoso.com", 50 + i);

      g_ptr_array_add (certificates, certificate);
      cwa_plan_add_certificate (plan, certificate);
    }
  second = g_ptr_array_index (certificates, 1);
  g_assert_cmpstr (cwa_certificate_get_id (g_ptr_array_index (certificates, 3)), ==, "im-contoso-com-4");

  /* Removed: not found, neither by id nor as the same certificate; its id
   * is the first free one again. */
  g_assert_true (cwa_plan_edits_delete_certificate (plan, second));
  g_assert_null (cwa_plan_lookup_certificate (plan, "im-contoso-com-2"));
  copy = copy_cert (second);
  g_assert_true (cwa_plan_add_certificate (plan, copy) == copy);
  g_assert_cmpstr (cwa_certificate_get_id (copy), ==, "im-contoso-com-2");
  cwa_plan_remove_certificate (plan, copy);
  g_assert_null (cwa_plan_lookup_certificate (plan, "im-contoso-com-2"));

  /* Undone: found again under its id, and as the same certificate. */
  g_assert_true (cwa_history_undo (history));
  g_assert_true (cwa_plan_lookup_certificate (plan, "im-contoso-com-2") == second);
  g_assert_true (cwa_plan_add_certificate (plan, copy) == second);
  g_assert_cmpstr (cwa_certificate_get_id (copy), ==, "im-contoso-com-2");

  /* Renamed: found under the new id only, and the old one is free. */
  cwa_certificate_set_id (second, "im-backup");
  g_assert_null (cwa_plan_lookup_certificate (plan, "im-contoso-com-2"));
  g_assert_true (cwa_plan_lookup_certificate (plan, "im-backup") == second);
  cwa_plan_add_certificate (plan, late);
  g_assert_cmpstr (cwa_certificate_get_id (late), ==, "im-contoso-com-2");
  cwa_plan_add_certificate (plan, later);
  g_assert_cmpstr (cwa_certificate_get_id (later), ==, "im-contoso-com-5");

  /* Deleting the renamed entry and undoing puts it back under its name. */
  g_assert_true (cwa_plan_edits_delete_certificate (plan, second));
  g_assert_null (cwa_plan_lookup_certificate (plan, "im-backup"));
  g_assert_true (cwa_history_undo (history));
  g_assert_true (cwa_plan_lookup_certificate (plan, "im-backup") == second);
  g_assert_cmpuint (g_list_model_get_n_items (cwa_plan_get_certificates (plan)), ==, 6);

  g_clear_object (&copy);
  g_clear_pointer (&certificates, g_ptr_array_unref);
  g_assert_finalize_object (plan);
}

static void
test_plan_modified (void)
{
  CwaPlan *plan = cwa_plan_new ();
  CwaServer *server = cwa_server_new ("cwaserver.contoso.com");
  NotifyLog log = { 0 };
  guint changed = 0;

  g_assert_false (cwa_plan_get_modified (plan));
  g_assert_cmpuint (cwa_plan_get_expiry_warning_days (plan), ==, CWA_PLAN_DEFAULT_EXPIRY_WARNING_DAYS);
  notify_log_watch (&log, plan);
  g_signal_connect_swapped (plan, "changed", G_CALLBACK (count_signal), &changed);

  cwa_plan_set_name (plan, "Contoso CWA");
  g_assert_true (cwa_plan_get_modified (plan));
  g_assert_cmpuint (notify_log_count (&log, "name"), ==, 1);
  g_assert_cmpuint (notify_log_count (&log, "modified"), ==, 1);
  g_assert_cmpuint (changed, ==, 1);

  /* Further changes keep it TRUE without notifying again. */
  cwa_plan_set_expiry_warning_days (plan, 45);
  g_assert_cmpuint (notify_log_count (&log, "expiry-warning-days"), ==, 1);
  g_assert_cmpuint (notify_log_count (&log, "modified"), ==, 1);
  g_assert_cmpuint (changed, ==, 2);

  cwa_plan_set_modified (plan, FALSE);
  g_assert_cmpuint (notify_log_count (&log, "modified"), ==, 2);

  /* Same values: not a change. */
  cwa_plan_set_name (plan, "Contoso CWA");
  cwa_plan_set_expiry_warning_days (plan, 45);
  g_assert_false (cwa_plan_get_modified (plan));
  g_assert_cmpuint (changed, ==, 2);

  /* Setting the file is no change of the plan itself. */
  {
    g_autoptr(GFile) file = g_file_new_for_path ("/tmp/contoso.cwaplan");
    g_autoptr(GFile) same = g_file_new_for_path ("/tmp/contoso.cwaplan");

    cwa_plan_set_file (plan, file);
    cwa_plan_set_file (plan, same);
    g_assert_cmpuint (notify_log_count (&log, "file"), ==, 1);
    g_assert_false (cwa_plan_get_modified (plan));
    g_assert_cmpuint (changed, ==, 2);
  }

  /* A change deep in the deployment counts. */
  cwa_deployment_add_server (cwa_plan_get_deployment (plan), server);
  g_assert_true (cwa_plan_get_modified (plan));
  g_assert_cmpuint (changed, ==, 3);
  cwa_plan_set_modified (plan, FALSE);
  cwa_server_set_fqdn (server, "cwa2.contoso.com");
  g_assert_true (cwa_plan_get_modified (plan));
  g_assert_cmpuint (changed, ==, 4);

  notify_log_clear (&log, plan);
  g_assert_finalize_object (plan);
  g_assert_finalize_object (server);
}

static void
test_plan_front_end_roles (void)
{
  CwaPlan *plan = cwa_plan_new ();
  CwaDeployment *deployment = cwa_plan_get_deployment (plan);
  g_autoptr(CwaLoadBalancer) lb = cwa_load_balancer_new ("im.contoso.com");
  g_autoptr(CwaReverseProxy) proxy = cwa_reverse_proxy_new ("isa01.perimeter.contoso.com");
  g_autoptr(CwaPublishingRule) rule = cwa_publishing_rule_new ("https://im.contoso.com", "im.contoso.com");
  g_autoptr(CwaCertificate) lb_cert = make_cert ("CN=im.contoso.com", 21);
  g_autoptr(CwaCertificate) listener_cert = make_cert ("CN=im.contoso.com", 22);
  g_autoptr(CwaCertificate) root = make_cert ("CN=Contoso Root", 23);
  g_autoptr(GPtrArray) assigned = NULL;
  g_auto(GStrv) roles = NULL;

  cwa_plan_add_certificate (plan, lb_cert);
  cwa_plan_add_certificate (plan, listener_cert);
  cwa_plan_add_certificate (plan, root);
  cwa_deployment_add_load_balancer (deployment, lb);
  cwa_deployment_add_reverse_proxy (deployment, proxy);
  cwa_reverse_proxy_add_publishing_rule (proxy, rule);

  /* Kept but no role while the load balancer passes TLS through. */
  cwa_load_balancer_set_ssl_certificate (lb, lb_cert);
  cwa_publishing_rule_set_listener_certificate (rule, listener_cert);
  cwa_reverse_proxy_add_trusted_certificate (proxy, root);
  assigned = cwa_plan_dup_assigned_certificates (plan);
  g_assert_cmpuint (assigned->len, ==, 1);
  g_assert_true (g_ptr_array_index (assigned, 0) == listener_cert);
  roles = cwa_plan_dup_certificate_roles (plan, lb_cert);
  g_assert_cmpuint (g_strv_length (roles), ==, 0);
  g_clear_pointer (&roles, g_strfreev);
  roles = cwa_plan_dup_certificate_roles (plan, listener_cert);
  g_assert_cmpstrv (roles, ((const gchar * const[]) { "reverse-proxy", NULL }));
  g_clear_pointer (&roles, g_strfreev);

  cwa_load_balancer_set_ssl_offload (lb, TRUE);
  g_clear_pointer (&assigned, g_ptr_array_unref);
  assigned = cwa_plan_dup_assigned_certificates (plan);
  g_assert_cmpuint (assigned->len, ==, 2);
  roles = cwa_plan_dup_certificate_roles (plan, lb_cert);
  g_assert_cmpstrv (roles, ((const gchar * const[]) { "load-balancer", NULL }));
  g_clear_pointer (&roles, g_strfreev);

  /* Removing an entry clears those assignments and the trust too. */
  cwa_plan_remove_certificate (plan, root);
  g_assert_cmpuint (g_list_model_get_n_items (cwa_reverse_proxy_get_trusted_certificates (proxy)), ==, 0);
  cwa_plan_remove_certificate (plan, lb_cert);
  g_assert_null (cwa_load_balancer_get_ssl_certificate (lb));

  g_assert_finalize_object (plan);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cwa/model/virtual-server/url", test_virtual_server_url);
  g_test_add_func ("/cwa/model/virtual-server/invalid-url", test_virtual_server_invalid_url);
  g_test_add_func ("/cwa/model/virtual-server/listen", test_virtual_server_listen);
  g_test_add_func ("/cwa/model/virtual-server/derived-hosts", test_virtual_server_derived_hosts);
  g_test_add_func ("/cwa/model/virtual-server/certificate", test_virtual_server_certificate);
  g_test_add_func ("/cwa/model/server/properties", test_server_properties);
  g_test_add_func ("/cwa/model/server/virtual-servers", test_server_virtual_servers);
  g_test_add_func ("/cwa/model/deployment/changed", test_deployment_changed);
  g_test_add_func ("/cwa/model/deployment/find", test_deployment_find);
  g_test_add_func ("/cwa/model/deployment/virtual-server-iter", test_deployment_virtual_server_iter);
  g_test_add_func ("/cwa/model/load-balancer/properties", test_load_balancer_properties);
  g_test_add_func ("/cwa/model/publishing-rule/properties", test_publishing_rule_properties);
  g_test_add_func ("/cwa/model/reverse-proxy/rules", test_reverse_proxy_rules);
  g_test_add_func ("/cwa/model/deployment/front-ends-changed", test_deployment_front_ends_changed);
  g_test_add_func ("/cwa/model/plan/add-certificate", test_plan_add_certificate);
  g_test_add_func ("/cwa/model/plan/remove-certificate", test_plan_remove_certificate);
  g_test_add_func ("/cwa/model/plan/chain-pool", test_plan_chain_pool);
  g_test_add_func ("/cwa/model/plan/add-certificates", test_plan_add_certificates);
  g_test_add_func ("/cwa/model/plan/index-follows-edits", test_plan_index_follows_edits);
  g_test_add_func ("/cwa/model/plan/modified", test_plan_modified);
  g_test_add_func ("/cwa/model/plan/front-end-roles", test_plan_front_end_roles);

  return g_test_run ();
}

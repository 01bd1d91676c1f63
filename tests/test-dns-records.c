/* test-dns-records.c: the DNS records of each documented topology (rules.md, "DNS records"). */
#include "config.h"

#include <string.h>

#include "cwa-dns-records.h"
#include "cwa-test-locale.h"
#include "cwa-test-plan.h"

typedef struct
{
  const gchar *name;
  const gchar *type;
  const gchar *value;
  const gchar *view;
} Expected;

static CwaLoadBalancer *
add_array (CwaDeployment *deployment,
           const gchar   *vip)
{
  g_autoptr(CwaLoadBalancer) lb = cwa_load_balancer_new ("im.contoso.com");

  cwa_test_add_virtual_server (cwa_test_add_server (deployment, "cwa01.contoso.com"), "https://im.contoso.com",
                               CWA_AUDIENCE_EXTERNAL, NULL);
  cwa_test_add_virtual_server (cwa_test_add_server (deployment, "cwa02.contoso.com"), "https://im.contoso.com",
                               CWA_AUDIENCE_EXTERNAL, NULL);
  cwa_load_balancer_add_member (lb, "cwa01.contoso.com");
  cwa_load_balancer_add_member (lb, "cwa02.contoso.com");
  cwa_load_balancer_set_vip (lb, vip);
  cwa_deployment_add_load_balancer (deployment, lb);

  return lb;
}

static CwaPublishingRule *
publish (CwaDeployment *deployment,
         const gchar   *proxy_fqdn,
         const gchar   *published_url,
         const gchar   *host,
         const gchar   *listen)
{
  CwaReverseProxy *proxy = cwa_deployment_find_reverse_proxy (deployment, proxy_fqdn);
  g_autoptr(CwaPublishingRule) rule = cwa_publishing_rule_new (published_url, host);

  if (proxy == NULL)
    {
      g_autoptr(CwaReverseProxy) created = cwa_reverse_proxy_new (proxy_fqdn);

      cwa_deployment_add_reverse_proxy (deployment, created);
      proxy = created;
    }
  cwa_publishing_rule_set_listen (rule, listen);
  cwa_reverse_proxy_add_publishing_rule (proxy, rule);

  return rule;
}

static void
assert_records (CwaDeployment  *deployment,
                const Expected *expected,
                guint           n_expected)
{
  g_autoptr(GPtrArray) records = cwa_dns_records_compute (deployment);

  for (guint i = 0; i < MIN (records->len, n_expected); i++)
    {
      const CwaDnsRecord *record = g_ptr_array_index (records, i);

      g_assert_cmpstr (record->name, ==, expected[i].name);
      g_assert_cmpstr (record->type, ==, expected[i].type);
      g_assert_cmpstr (record->value, ==, expected[i].value);
      g_assert_cmpstr (record->view, ==, expected[i].view);
      g_assert_nonnull (record->for_text);
    }
  g_assert_cmpuint (records->len, ==, n_expected);
}

/* CWA-DNS: the single server: the URL host is a CNAME of the computer. */
static void
test_single_server (void)
{
  static const Expected expected[] = {
    { "im.contoso.com", "CNAME", "cwaserver.contoso.com", "internal" },
    { "as.im.contoso.com", "CNAME", "im.contoso.com", "internal" },
    { "download.im.contoso.com", "CNAME", "im.contoso.com", "internal" },
  };
  g_autoptr(CwaDeployment) deployment = cwa_deployment_new ();

  cwa_test_add_virtual_server (cwa_test_add_server (deployment, "cwaserver.contoso.com"), "https://im.contoso.com",
          CWA_AUDIENCE_INTERNAL, NULL);
  assert_records (deployment, expected, G_N_ELEMENTS (expected));
}

/* Separate certificates on two virtual servers: a specific listen address
 * gives an A (or AAAA) record; an external one lives in the external view;
 * a URL host that is the computer's FQDN needs no record of its own. */
static void
test_separate (void)
{
  static const Expected expected[] = {
    { "im.contoso.com", "A", "10.0.0.5", "internal" },
    { "as.im.contoso.com", "CNAME", "im.contoso.com", "internal" },
    { "download.im.contoso.com", "CNAME", "im.contoso.com", "internal" },
    { "im.fabrikam.com", "AAAA", "2001:db8::5", "external" },
    { "as.im.fabrikam.com", "CNAME", "im.fabrikam.com", "external" },
    { "download.im.fabrikam.com", "CNAME", "im.fabrikam.com", "external" },
    { "as.cwaserver.contoso.com", "CNAME", "cwaserver.contoso.com", "internal" },
    { "download.cwaserver.contoso.com", "CNAME", "cwaserver.contoso.com", "internal" },
  };
  g_autoptr(CwaDeployment) deployment = cwa_deployment_new ();
  CwaServer *server = cwa_test_add_server (deployment, "cwaserver.contoso.com");

  cwa_test_add_virtual_server (server, "https://im.contoso.com", CWA_AUDIENCE_INTERNAL, "10.0.0.5:443");
  cwa_test_add_virtual_server (server, "https://im.fabrikam.com", CWA_AUDIENCE_EXTERNAL, "[2001:DB8::5]:443");
  cwa_test_add_virtual_server (server, "https://cwaserver.contoso.com:8443", CWA_AUDIENCE_INTERNAL, NULL);
  assert_records (deployment, expected, G_N_ELEMENTS (expected));
}

/* CWA-LB: the array FQDN is the load balancer's VIP, once. */
static void
test_array (void)
{
  static const Expected expected[] = {
    { "im.contoso.com", "A", "10.0.0.50", "external" },
    { "as.im.contoso.com", "CNAME", "im.contoso.com", "external" },
    { "download.im.contoso.com", "CNAME", "im.contoso.com", "external" },
  };
  static const Expected no_vip[] = {
    { "im.contoso.com", "A", "the load balancer's virtual IP", "external" },
    { "as.im.contoso.com", "CNAME", "im.contoso.com", "external" },
    { "download.im.contoso.com", "CNAME", "im.contoso.com", "external" },
  };
  g_autoptr(CwaDeployment) deployment = cwa_deployment_new ();
  CwaLoadBalancer *lb = add_array (deployment, "10.0.0.50");

  assert_records (deployment, expected, G_N_ELEMENTS (expected));
  /* Offloading changes nothing in DNS. */
  cwa_load_balancer_set_ssl_offload (lb, TRUE);
  assert_records (deployment, expected, G_N_ELEMENTS (expected));
  cwa_load_balancer_set_vip (lb, NULL);
  assert_records (deployment, no_vip, G_N_ELEMENTS (no_vip));
}

/* CWA-RP to a single server: the published names point at the proxy in
 * the external view, the internal host at the server internally. */
static void
test_reverse_proxy_single_server (void)
{
  static const Expected expected[] = {
    { "im.contoso.com", "CNAME", "cwaserver.contoso.com", "internal" },
    { "as.im.contoso.com", "CNAME", "im.contoso.com", "internal" },
    { "download.im.contoso.com", "CNAME", "im.contoso.com", "internal" },
    { "im.contoso.com", "A", "203.0.113.10", "external" },
    { "as.im.contoso.com", "CNAME", "im.contoso.com", "external" },
    { "download.im.contoso.com", "CNAME", "im.contoso.com", "external" },
    { "cwa-int.contoso.com", "CNAME", "cwaserver.contoso.com", "internal" },
  };
  g_autoptr(CwaDeployment) deployment = cwa_deployment_new ();
  CwaPublishingRule *rule;

  cwa_test_add_virtual_server (cwa_test_add_server (deployment, "cwaserver.contoso.com"), "https://im.contoso.com",
          CWA_AUDIENCE_EXTERNAL, NULL);
  rule = publish (deployment, "isa01.perimeter.contoso.com", "https://im.contoso.com",
                  "im.contoso.com", "203.0.113.10:443");
  /* The default internal host is the virtual server's: listed already. */
  assert_records (deployment, expected, G_N_ELEMENTS (expected) - 1);
  cwa_publishing_rule_set_internal_host (rule, "cwa-int.contoso.com");
  assert_records (deployment, expected, G_N_ELEMENTS (expected));
  /* An address needs no record; the computer's own name neither. */
  cwa_publishing_rule_set_internal_host (rule, "10.0.0.5");
  assert_records (deployment, expected, G_N_ELEMENTS (expected) - 1);
  cwa_publishing_rule_set_internal_host (rule, "CWAServer.contoso.com");
  assert_records (deployment, expected, G_N_ELEMENTS (expected) - 1);
}

/* CWA-RP to an array; two proxies publishing one host give two records. */
static void
test_reverse_proxy_array (void)
{
  static const Expected expected[] = {
    { "im.contoso.com", "A", "10.0.0.50", "internal" },
    { "as.im.contoso.com", "CNAME", "im.contoso.com", "internal" },
    { "download.im.contoso.com", "CNAME", "im.contoso.com", "internal" },
    { "im.contoso.com", "A", "the reverse proxy's listener address", "external" },
    { "as.im.contoso.com", "CNAME", "im.contoso.com", "external" },
    { "download.im.contoso.com", "CNAME", "im.contoso.com", "external" },
    { "im.contoso.com", "A", "the reverse proxy's listener address", "external" },
    { "im-array.contoso.com", "A", "10.0.0.50", "internal" },
  };
  g_autoptr(CwaDeployment) deployment = cwa_deployment_new ();
  CwaPublishingRule *second;

  add_array (deployment, "10.0.0.50");
  publish (deployment, "isa01.perimeter.contoso.com", "https://im.contoso.com", "im.contoso.com", NULL);
  second = publish (deployment, "isa02.perimeter.contoso.com", "https://im.contoso.com", "im.contoso.com", NULL);
  assert_records (deployment, expected, G_N_ELEMENTS (expected) - 1);
  cwa_publishing_rule_set_internal_host (second, "im-array.contoso.com");
  assert_records (deployment, expected, G_N_ELEMENTS (expected));
}

/* Zone-file lines: absolute names in A-label form, CNAME targets absolute,
 * addresses as they are, a value in words a comment to complete. */
static void
test_zone_lines (void)
{
  static const gchar * const expected[] = {
    "xn--bcher-im-65a.contoso.com.  IN A     10.0.0.5",
    "as.xn--bcher-im-65a.contoso.com. IN CNAME xn--bcher-im-65a.contoso.com.",
    "im.contoso.com.                IN A     10.0.0.50",
    "; im.contoso.com. IN A     (the reverse proxy's listener address)",
  };
  g_autoptr(CwaDeployment) deployment = cwa_deployment_new ();
  g_autoptr(GPtrArray) records = NULL;
  g_autofree gchar *line = NULL;
  const CwaDnsRecord *record;

  cwa_test_add_virtual_server (cwa_test_add_server (deployment, "cwaserver.contoso.com"),
                               "https://bücher-im.contoso.com", CWA_AUDIENCE_INTERNAL, "10.0.0.5:443");
  add_array (deployment, "10.0.0.50");
  publish (deployment, "isa01.perimeter.contoso.com", "https://im.contoso.com", "im.contoso.com", NULL);
  records = cwa_dns_records_compute (deployment);
  g_assert_cmpuint (records->len, >=, 7);

  record = g_ptr_array_index (records, 0);
  g_assert_false (cwa_dns_record_value_is_placeholder (record));
  line = cwa_dns_record_dup_zone_line (record, 30);
  g_assert_cmpstr (line, ==, expected[0]);
  g_clear_pointer (&line, g_free);
  /* A name longer than the width is not cut. */
  line = cwa_dns_record_dup_zone_line (g_ptr_array_index (records, 1), 30);
  g_assert_cmpstr (line, ==, expected[1]);
  g_clear_pointer (&line, g_free);
  line = cwa_dns_record_dup_zone_line (g_ptr_array_index (records, 3), 30);
  g_assert_cmpstr (line, ==, expected[2]);
  g_clear_pointer (&line, g_free);

  record = g_ptr_array_index (records, 6);
  g_assert_cmpstr (record->value, ==, "the reverse proxy's listener address");
  g_assert_true (cwa_dns_record_value_is_placeholder (record));
  line = cwa_dns_record_dup_zone_line (record, 0);
  g_assert_cmpstr (line, ==, expected[3]);
}

/* "for" names each host once: an array's FQDN is its load balancer's, a
 * virtual server may take its computer's FQDN as its host, and a reverse
 * proxy may be named as the host it publishes. */
static void
test_for_names_once (void)
{
  static const gchar * const expected[] = {
    "virtual server cwaserver.contoso.com on the computer of that name",
    "array im.contoso.com behind its load balancer",
    "publishing rule for im.fabrikam.com on the reverse proxy of that name",
  };
  g_autoptr(CwaDeployment) deployment = cwa_deployment_new ();
  g_autoptr(GPtrArray) records = NULL;
  guint seen = 0;

  cwa_test_add_virtual_server (cwa_test_add_server (deployment, "cwaserver.contoso.com"),
                               "https://cwaserver.contoso.com", CWA_AUDIENCE_INTERNAL, NULL);
  add_array (deployment, "10.0.0.50");
  publish (deployment, "im.fabrikam.com", "https://im.fabrikam.com", "im.contoso.com", NULL);
  records = cwa_dns_records_compute (deployment);

  g_assert_cmpuint (records->len, >, 0);
  for (guint i = 0; i < records->len; i++)
    {
      const CwaDnsRecord *record = g_ptr_array_index (records, i);
      g_auto(GStrv) words = g_strsplit (record->for_text, " ", -1);

      for (guint j = 0; j < G_N_ELEMENTS (expected); j++)
        if (g_str_equal (record->for_text, expected[j]))
          seen |= 1u << j;
      for (guint j = 0; words[j] != NULL; j++)
        for (guint k = j + 1; words[k] != NULL; k++)
          if (strchr (words[j], '.') != NULL && g_str_equal (words[j], words[k]))
            g_error ("“%s” names %s twice", record->for_text, words[j]);
    }
  g_assert_cmpuint (seen, ==, (1u << G_N_ELEMENTS (expected)) - 1);
}

/* The window shows who needs a record in the user's language, from the
 * catalogue built from po/de.po; reports keep the English text. */
static void
test_translated (void)
{
  static const gchar * const expected[][2] = {
    { "virtual server chat.contoso.com on cwa03.contoso.com", "virtueller Server chat.contoso.com auf cwa03.contoso.com" },
    { "array im.contoso.com behind its load balancer", "Array im.contoso.com hinter seinem Lastenausgleich" },
    { "publishing rule for im.contoso.com on isa01.perimeter.contoso.com",
      "Veröffentlichungsregel für im.contoso.com auf isa01.perimeter.contoso.com" },
    { "virtual server cwa04.contoso.com on the computer of that name",
      "virtueller Server cwa04.contoso.com auf dem gleichnamigen Computer" },
    { "publishing rule for chat.contoso.com on the reverse proxy of that name",
      "Veröffentlichungsregel für chat.contoso.com auf dem gleichnamigen Reverseproxy" },
  };
  g_autoptr(CwaDeployment) deployment = cwa_deployment_new ();
  g_autoptr(GPtrArray) records = NULL;
  const CwaDnsRecord *listener = NULL;
  guint seen = 0;

  if (!cwa_test_speak_german ())
    {
      g_test_skip ("no German catalogue in the build tree, or no C.UTF-8 locale");
      return;
    }

  cwa_test_add_virtual_server (cwa_test_add_server (deployment, "cwa03.contoso.com"), "https://chat.contoso.com",
                               CWA_AUDIENCE_INTERNAL, NULL);
  cwa_test_add_virtual_server (cwa_test_add_server (deployment, "cwa04.contoso.com"), "https://cwa04.contoso.com",
                               CWA_AUDIENCE_INTERNAL, NULL);
  add_array (deployment, "10.0.0.50");
  publish (deployment, "isa01.perimeter.contoso.com", "https://im.contoso.com", "im.contoso.com", NULL);
  publish (deployment, "chat.contoso.com", "https://chat.contoso.com", "chat.contoso.com", "10.0.0.9:443");
  records = cwa_dns_records_compute (deployment);

  for (guint i = 0; i < records->len; i++)
    {
      const CwaDnsRecord *record = g_ptr_array_index (records, i);
      gboolean known = FALSE;

      for (guint j = 0; j < G_N_ELEMENTS (expected); j++)
        if (g_str_equal (record->for_text, expected[j][0]))
          {
            g_assert_cmpstr (record->for_label, ==, expected[j][1]);
            seen |= 1u << j;
            known = TRUE;
          }
      g_assert_true (known);
      if (cwa_dns_record_value_is_placeholder (record))
        listener = record;
    }
  g_assert_cmpuint (seen, ==, (1u << G_N_ELEMENTS (expected)) - 1);
  g_assert_nonnull (listener);
  g_assert_cmpstr (listener->value, ==, "the reverse proxy's listener address");
  g_assert_cmpstr (cwa_dns_record_get_value_label (listener), ==, "die Listener-Adresse des Reverseproxys");

  cwa_test_speak_english_again ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cwa/dns-records/single-server", test_single_server);
  g_test_add_func ("/cwa/dns-records/separate", test_separate);
  g_test_add_func ("/cwa/dns-records/array", test_array);
  g_test_add_func ("/cwa/dns-records/reverse-proxy/single-server", test_reverse_proxy_single_server);
  g_test_add_func ("/cwa/dns-records/reverse-proxy/array", test_reverse_proxy_array);
  g_test_add_func ("/cwa/dns-records/zone-lines", test_zone_lines);
  g_test_add_func ("/cwa/dns-records/for-names-once", test_for_names_once);
  g_test_add_func ("/cwa/dns-records/translated", test_translated);

  return g_test_run ();
}

/* cwa-dns-records.c: host and CNAME records for virtual servers, arrays and publishing rules. */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cwa-dns-records.h"
#include "cwa-names.h"
#include "cwa-topology.h"
#include "cwa-vs-label.h"

/* Marked for translation: the window shows them through the catalogue
 * (cwa_dns_record_get_value_label()); records keep the English words. */
#define VIP_WORDS N_("the load balancer's virtual IP")
#define LISTENER_WORDS N_("the reverse proxy's listener address")

/* Who needs a record, for people: the report's English @text and the
 * window's @label in the user's language (cwa-vs-label.h). */
typedef struct
{
  gchar *text;
  gchar *label;
} ForText;

static void
for_text_clear (ForText *for_text)
{
  g_clear_pointer (&for_text->text, g_free);
  g_clear_pointer (&for_text->label, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ForText, for_text_clear)

void
cwa_dns_record_free (CwaDnsRecord *record)
{
  if (record == NULL)
    return;

  g_free (record->name);
  g_free (record->type);
  g_free (record->value);
  g_free (record->view);
  g_free (record->for_text);
  g_free (record->for_label);
  g_free (record);
}

gboolean
cwa_dns_record_value_is_placeholder (const CwaDnsRecord *record)
{
  g_return_val_if_fail (record != NULL, FALSE);

  return g_strcmp0 (record->value, VIP_WORDS) == 0 || g_strcmp0 (record->value, LISTENER_WORDS) == 0;
}

const gchar *
cwa_dns_record_get_value_label (const CwaDnsRecord *record)
{
  g_return_val_if_fail (record != NULL, NULL);

  return cwa_dns_record_value_is_placeholder (record) ? g_dgettext (GETTEXT_PACKAGE, record->value)
                                                      : record->value;
}

/* A host name as a zone file wants it: A-labels and a trailing dot.  A
 * name GLib cannot convert is kept as written. */
static gchar *
dup_absolute_name (const gchar *name)
{
  g_autofree gchar *ascii = g_hostname_to_ascii (name);
  const gchar *text = ascii != NULL ? ascii : name;

  if (g_str_has_suffix (text, "."))
    return g_strdup (text);
  return g_strconcat (text, ".", NULL);
}

gchar *
cwa_dns_record_dup_zone_line (const CwaDnsRecord *record,
                              guint               name_width)
{
  g_autofree gchar *name = NULL;
  g_autofree gchar *value = NULL;
  gboolean placeholder;

  g_return_val_if_fail (record != NULL, NULL);

  placeholder = cwa_dns_record_value_is_placeholder (record);
  name = dup_absolute_name (record->name);
  if (placeholder)
    value = g_strdup_printf ("(%s)", record->value);
  else if (g_str_equal (record->type, "CNAME"))
    value = dup_absolute_name (record->value);
  else
    value = g_strdup (record->value);

  return g_strdup_printf ("%s%-*s IN %-5s %s", placeholder ? "; " : "", (int) name_width, name,
                          record->type, value);
}

guint
cwa_dns_records_get_zone_name_width (GPtrArray *records)
{
  guint width = 0;

  g_return_val_if_fail (records != NULL, 0);

  for (guint i = 0; i < records->len; i++)
    {
      const CwaDnsRecord *record = g_ptr_array_index (records, i);
      g_autofree gchar *name = dup_absolute_name (record->name);

      width = MAX (width, (guint) strlen (name));
    }
  return width;
}

static gboolean
same_record (const CwaDnsRecord *a,
             const CwaDnsRecord *b)
{
  return strcmp (a->name, b->name) == 0 && strcmp (a->type, b->type) == 0 &&
         strcmp (a->value, b->value) == 0 && strcmp (a->view, b->view) == 0;
}

static void
add_record (GPtrArray   *records,
            const gchar *name,
            const gchar *type,
            const gchar *value,
            const gchar *view,
            const ForText *for_text)
{
  CwaDnsRecord candidate = { (gchar *) name, (gchar *) type, (gchar *) value, (gchar *) view, NULL, NULL };
  CwaDnsRecord *record;

  if (name == NULL || value == NULL)
    return;

  /* Two proxies publishing one host give two records, even while neither
   * listener address is known. */
  for (guint i = 0; strcmp (value, LISTENER_WORDS) != 0 && i < records->len; i++)
    {
      if (same_record (g_ptr_array_index (records, i), &candidate))
        return;
    }

  record = g_new0 (CwaDnsRecord, 1);
  record->name = g_strdup (name);
  record->type = g_strdup (type);
  record->value = g_strdup (value);
  record->view = g_strdup (view);
  record->for_text = g_strdup (for_text->text);
  record->for_label = g_strdup (for_text->label);
  g_ptr_array_add (records, record);
}

/* "A" or "AAAA" for an address, with its canonical text in *text; NULL
 * when @address is none (a wildcard, a host name, NULL). */
static const gchar *
address_type (const gchar  *address,
              gchar       **text)
{
  g_autofree gchar *bare = NULL;
  g_autoptr(GInetAddress) inet = NULL;
  gsize length;

  if (address == NULL)
    return NULL;

  length = strlen (address);
  if (length > 2 && address[0] == '[' && address[length - 1] == ']')
    bare = g_strndup (address + 1, length - 2);
  else
    bare = g_strdup (address);

  inet = g_inet_address_new_from_string (bare);
  if (inet == NULL)
    return NULL;

  *text = g_inet_address_to_string (inet);
  return g_inet_address_get_family (inet) == G_SOCKET_FAMILY_IPV6 ? "AAAA" : "A";
}

/* The address a binding's "address:port" names, or NULL for "*". */
static gchar *
dup_listen_address (const gchar *listen)
{
  g_autofree gchar *address = NULL;

  if (listen == NULL || !cwa_listen_parse (listen, &address, NULL, NULL))
    return NULL;

  return g_steal_pointer (&address);
}

/* @name -> where @vs is served: an A/AAAA record to its listen address when
 * that is a specific address, else a CNAME to its computer (none when @name
 * is the computer's FQDN). */
static void
add_vs_host_record (GPtrArray        *records,
                    CwaVirtualServer *vs,
                    const gchar      *name,
                    const gchar      *view,
                    const ForText    *for_text)
{
  g_autofree gchar *listen = cwa_virtual_server_dup_effective_listen (vs);
  g_autofree gchar *address = dup_listen_address (listen);
  g_autofree gchar *text = NULL;
  const gchar *type = address_type (address, &text);
  CwaServer *server = cwa_virtual_server_get_server (vs);

  if (type != NULL)
    add_record (records, name, type, text, view, for_text);
  else if (server != NULL && g_strcmp0 (cwa_server_get_host (server), name) != 0)
    add_record (records, name, "CNAME", cwa_server_get_host (server), view, for_text);
}

/* @name -> the load balancer's virtual IP, or the words for it. */
static void
add_vip_record (GPtrArray       *records,
                CwaLoadBalancer *lb,
                const gchar     *name,
                const gchar     *view,
                const ForText   *for_text)
{
  g_autofree gchar *text = NULL;
  const gchar *type = address_type (cwa_load_balancer_get_vip (lb), &text);

  if (type != NULL)
    add_record (records, name, type, text, view, for_text);
  else
    add_record (records, name, "A", VIP_WORDS, view, for_text);
}

static void
add_cnames (GPtrArray   *records,
            const gchar *as_host,
            const gchar *download_host,
            const gchar *host,
            const gchar *view,
            const ForText *for_text)
{
  add_record (records, as_host, "CNAME", host, view, for_text);
  add_record (records, download_host, "CNAME", host, view, for_text);
}

/* rules.md: external for external virtual servers not published through a
 * reverse proxy, internal otherwise. */
static const gchar *
view_of (CwaDeployment    *deployment,
         CwaVirtualServer *vs)
{
  if (cwa_virtual_server_get_audience (vs) == CWA_AUDIENCE_EXTERNAL &&
      cwa_topology_find_publisher (deployment, cwa_virtual_server_get_host (vs)) == NULL)
    return "external";

  return "internal";
}

static void
add_vs_records (CwaDeployment    *deployment,
                CwaVirtualServer *vs,
                GPtrArray        *records)
{
  CwaServer *server = cwa_virtual_server_get_server (vs);
  const gchar *computer = server != NULL ? cwa_server_get_host (server) : "?";
  g_autofree gchar *english = cwa_vs_label_dup (vs, CWA_LABEL_ENGLISH);
  g_autofree gchar *translated = cwa_vs_label_dup (vs, CWA_LABEL_TRANSLATED);
  g_auto(ForText) for_text = { NULL, NULL };
  g_autofree gchar *as_host = cwa_virtual_server_dup_as_host (vs);
  g_autofree gchar *download_host = cwa_virtual_server_dup_download_host (vs);
  const gchar *view = view_of (deployment, vs);

  /* A virtual server may take its computer's FQDN as its host: the host is
   * named once. */
  if (server != NULL && cwa_name_equal (cwa_virtual_server_get_host (vs), computer))
    {
      for_text.text = g_strdup_printf ("virtual server %s on the computer of that name", english);
      /* Translators: who needs a DNS record: a virtual server whose host is its computer's FQDN */
      for_text.label = g_strdup_printf (_("virtual server %s on the computer of that name"), translated);
    }
  else
    {
      for_text.text = g_strdup_printf ("virtual server %s on %s", english, computer);
      /* Translators: who needs a DNS record: a virtual server's label "on" its computer */
      for_text.label = g_strdup_printf (_("virtual server %s on %s"), translated, computer);
    }
  add_vs_host_record (records, vs, cwa_virtual_server_get_host (vs), view, &for_text);
  add_cnames (records, as_host, download_host, cwa_virtual_server_get_host (vs), view, &for_text);
}

static void
add_array_records (CwaDeployment    *deployment,
                   CwaLoadBalancer  *lb,
                   CwaVirtualServer *first,
                   GPtrArray        *records)
{
  g_auto(CwaArrayNames) names = { NULL, NULL, NULL };
  g_auto(ForText) for_text = { NULL, NULL };
  const gchar *view = view_of (deployment, first);

  cwa_topology_array_names (deployment, lb, &names);
  /* The array FQDN is the load balancer's: named once. */
  for_text.text = g_strdup_printf ("array %s behind its load balancer", names.host);
  /* Translators: who needs a DNS record: an array (its FQDN, which is also its load balancer's) */
  for_text.label = g_strdup_printf (_("array %s behind its load balancer"), names.host);
  add_vip_record (records, lb, names.host, view, &for_text);
  add_cnames (records, names.as_host, names.download_host, names.host, view, &for_text);
}

static void
add_server_records (CwaDeployment *deployment,
                    GHashTable    *arrays_done,
                    GPtrArray     *records)
{
  CwaVirtualServerIter iter;
  CwaVirtualServer *vs;

  cwa_virtual_server_iter_init (&iter, deployment);
  while (cwa_virtual_server_iter_next (&iter, NULL, &vs))
    {
      CwaLoadBalancer *lb = cwa_topology_array_of (deployment, vs);

      if (lb == NULL)
        add_vs_records (deployment, vs, records);
      else if (!g_hash_table_contains (arrays_done, lb))
        {
          g_hash_table_add (arrays_done, lb);
          add_array_records (deployment, lb, vs, records);
        }
    }
}

/* The internal host -> as for the published virtual server: the array's
 * virtual IP, or where the virtual server is served. */
static void
add_internal_record (CwaDeployment     *deployment,
                     CwaPublishingRule *rule,
                     const ForText     *for_text,
                     GPtrArray         *records)
{
  const gchar *internal = cwa_publishing_rule_get_effective_internal_host (rule);
  CwaVirtualServer *vs;
  CwaLoadBalancer *lb;

  if (internal == NULL || cwa_publishing_rule_internal_host_is_address (rule))
    return;

  vs = cwa_deployment_find_virtual_server (deployment, cwa_publishing_rule_get_virtual_server_host (rule));
  if (vs == NULL)
    return;

  lb = cwa_topology_array_of (deployment, vs);
  if (lb != NULL)
    add_vip_record (records, lb, internal, "internal", for_text);
  else
    add_vs_host_record (records, vs, internal, "internal", for_text);
}

static void
add_rule_records (CwaDeployment     *deployment,
                  CwaPublishingRule *rule,
                  GPtrArray         *records)
{
  CwaReverseProxy *proxy = cwa_publishing_rule_get_reverse_proxy (rule);
  const gchar *host = cwa_publishing_rule_get_published_host (rule);
  const gchar *proxy_host = proxy != NULL ? cwa_reverse_proxy_get_host (proxy) : "?";
  g_auto(ForText) for_text = { NULL, NULL };
  g_autofree gchar *listen = cwa_publishing_rule_dup_effective_listen (rule);
  g_autofree gchar *address = dup_listen_address (listen);
  g_autofree gchar *as_host = cwa_publishing_rule_dup_as_host (rule);
  g_autofree gchar *download_host = cwa_publishing_rule_dup_download_host (rule);
  g_autofree gchar *text = NULL;
  const gchar *type = address_type (address, &text);

  /* A proxy may be named as the host it publishes: the host is named once. */
  if (cwa_reverse_proxy_publishes_own_name (rule))
    {
      for_text.text = g_strdup_printf ("publishing rule for %s on the reverse proxy of that name", host);
      /* Translators: who needs a DNS record: the published host on a reverse proxy of the same FQDN */
      for_text.label = g_strdup_printf (_("publishing rule for %s on the reverse proxy of that name"), host);
    }
  else
    {
      for_text.text = g_strdup_printf ("publishing rule for %s on %s", host, proxy_host);
      /* Translators: who needs a DNS record: the published host "on" a reverse proxy */
      for_text.label = g_strdup_printf (_("publishing rule for %s on %s"), host, proxy_host);
    }
  if (type != NULL)
    add_record (records, host, type, text, "external", &for_text);
  else
    add_record (records, host, "A", LISTENER_WORDS, "external", &for_text);
  add_cnames (records, as_host, download_host, host, "external", &for_text);
  add_internal_record (deployment, rule, &for_text, records);
}

GPtrArray *
cwa_dns_records_compute (CwaDeployment *deployment)
{
  g_autoptr(GHashTable) arrays_done = NULL;
  g_autoptr(GPtrArray) rules = NULL;
  GPtrArray *records;

  g_return_val_if_fail (CWA_IS_DEPLOYMENT (deployment), NULL);

  records = g_ptr_array_new_with_free_func ((GDestroyNotify) cwa_dns_record_free);
  arrays_done = g_hash_table_new (NULL, NULL);
  add_server_records (deployment, arrays_done, records);

  rules = cwa_deployment_dup_publishing_rules (deployment);
  for (guint i = 0; i < rules->len; i++)
    add_rule_records (deployment, g_ptr_array_index (rules, i), records);

  return records;
}

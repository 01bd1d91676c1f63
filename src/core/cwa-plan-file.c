/* cwa-plan-file.c: `.cwaplan` read (validated, never half-read) and write (stable, atomic) with json-glib. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <gnutls/gnutls.h>
#include <json-glib/json-glib.h>

#include "cwa-cert-loader.h"
#include "cwa-file-read.h"
#include "cwa-json-locator.h"
#include "cwa-json-writer.h"
#include "cwa-names.h"
#include "cwa-plan-file.h"
#include "cwa-plan-private.h"

G_DEFINE_QUARK (cwa-plan-error-quark, cwa_plan_error)

static const gchar * const root_members[] = {
  "format", "version", "name", "settings", "servers", "load_balancers", "reverse_proxies",
  "certificates", NULL
};
static const gchar * const settings_members[] = { "expiry_warning_days", NULL };
static const gchar * const server_members[] = {
  "fqdn", "mtls_certificate", "virtual_servers", NULL
};
static const gchar * const virtual_server_members[] = {
  "url", "audience", "listen", "as_url", "download_url", "ssl_certificate", NULL
};
static const gchar * const load_balancer_members[] = {
  "fqdn", "vip", "members", "ssl_offload", "ssl_certificate", NULL
};
static const gchar * const reverse_proxy_members[] = {
  "fqdn", "product", "trusted_certificates", "publishing_rules", NULL
};
static const gchar * const publishing_rule_members[] = {
  "published_url", "listen", "listener_certificate", "virtual_server", "internal_host",
  "internal_address", "as_url", "download_url", NULL
};
static const gchar * const certificate_members[] = { "id", "file", "pem", "sha256", NULL };

/* What a field must hold, as the messages say it. */
#define EXPECT_FQDN     "a fully qualified domain name such as \"cwaserver.contoso.com\""
#define EXPECT_URL      "https://host[:port][/], http://host[:port][/] or a bare host name, such as \"https://im.contoso.com\""
#define EXPECT_AUDIENCE "\"internal\" or \"external\""
#define EXPECT_LISTEN   "address:port, such as \"*:443\" or \"10.0.0.5:443\""
#define EXPECT_HOST_URL "a host name or https://host[:port], such as \"as.im.contoso.com\""
#define EXPECT_CERT_REF "the id of an entry in \"certificates\", or null"
#define EXPECT_ID       "a non-empty string naming the certificate"
#define EXPECT_FILE     "the path of a certificate file, relative to the plan's folder"
#define EXPECT_PEM      "the certificate as PEM text (-----BEGIN CERTIFICATE-----...)"
#define EXPECT_SHA256   "the SHA-256 fingerprint as 32 hex pairs separated by colons (3F:0A:...)"
#define EXPECT_IP       "an IPv4 or IPv6 address"
#define EXPECT_HOST     "a host name, FQDN or IP address"
#define EXPECT_DAYS     "a whole number of days, 0 or more"

/* ------------------------------------------------------------------ */
/* Problems                                                             */

typedef struct
{
  guint  line;
  guint  column;
  guint  order;
  gchar *text;
  gboolean password;  /* a PKCS#12 password was missing or wrong */
} Problem;

static void
problem_free (gpointer data)
{
  Problem *problem = data;

  g_free (problem->text);
  g_free (problem);
}

typedef struct
{
  const gchar    *display;
  CwaJsonLocator *locator;
  GPtrArray      *problems;  /* Problem */
} Reader;

static void add_problem (Reader      *r,
                         const gchar *where,
                         gboolean     password,
                         const gchar *format,
                         ...) G_GNUC_PRINTF (4, 5);

/* @where is the JSON path whose line and column the message starts with. */
static void
add_problem (Reader      *r,
             const gchar *where,
             gboolean     password,
             const gchar *format,
             ...)
{
  Problem *problem = g_new0 (Problem, 1);
  g_autofree gchar *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (!cwa_json_locator_lookup (r->locator, where, &problem->line, &problem->column))
    {
      problem->line = 1;
      problem->column = 1;
    }
  problem->order = r->problems->len;
  problem->password = password;
  problem->text = g_strdup_printf ("%s:%u:%u: %s", r->display,
                                   problem->line, problem->column, message);
  g_ptr_array_add (r->problems, problem);
}

static gint
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const Problem *pa = *(const Problem * const *) a;
  const Problem *pb = *(const Problem * const *) b;

  if (pa->line != pb->line)
    return pa->line < pb->line ? -1 : 1;
  if (pa->column != pb->column)
    return pa->column < pb->column ? -1 : 1;
  return pa->order < pb->order ? -1 : pa->order > pb->order;
}

/* One GError for all problems, one line each, in file order. */
static void
set_problems_error (Reader  *r,
                    gint     code,
                    GError **error)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_ptr_array_sort (r->problems, compare_problems);
  for (guint i = 0; i < r->problems->len; i++)
    {
      const Problem *problem = g_ptr_array_index (r->problems, i);

      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, problem->text);
    }

  g_set_error_literal (error, CWA_PLAN_ERROR, code, text->str);
}

/* How a message quotes a value it found: strings in JSON quotes, others by
 * kind. */
static gchar *
describe (JsonNode *node)
{
  g_autoptr(CwaJsonWriter) writer = NULL;

  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      return g_strdup ("an object");
    case JSON_NODE_ARRAY:
      return g_strdup ("a list");
    case JSON_NODE_NULL:
      return g_strdup ("null");
    case JSON_NODE_VALUE:
    default:
      break;
    }

  if (json_node_get_value_type (node) == G_TYPE_STRING &&
      g_utf8_strlen (json_node_get_string (node), -1) > 80)
    {
      const gchar *text = json_node_get_string (node);
      g_autofree gchar *head = g_utf8_substring (text, 0, 77);
      g_autofree gchar *quoted = cwa_json_quote (head);

      /* The closing quote after the ellipsis. */
      quoted[strlen (quoted) - 1] = '\0';
      return g_strconcat (quoted, "...\"", NULL);
    }

  writer = cwa_json_writer_new ();
  cwa_json_writer_add_node (writer, node);
  return g_strchomp (cwa_json_writer_free_to_text (g_steal_pointer (&writer)));
}

/* ------------------------------------------------------------------ */
/* Reading fields                                                       */

static gchar *
member_path (const gchar *parent,
             const gchar *name)
{
  return *parent == '\0' ? g_strdup (name) : g_strconcat (parent, ".", name, NULL);
}

static JsonNode *
get_member (JsonObject  *object,
            const gchar *name)
{
  return json_object_has_member (object, name) ? json_object_get_member (object, name) : NULL;
}

static gboolean
node_is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
node_is_absent (JsonNode *node)
{
  return node == NULL || JSON_NODE_HOLDS_NULL (node);
}

typedef gboolean (*StringCheck) (const gchar *value);

static gboolean
check_fqdn (const gchar *value)
{
  g_autofree gchar *host = cwa_name_normalize (value, NULL);

  return host != NULL && cwa_name_is_valid_host (host);
}

static gboolean
check_url (const gchar *value)
{
  return cwa_url_parse (value, NULL, NULL, NULL, NULL);
}

static gboolean
check_audience (const gchar *value)
{
  CwaAudience audience;

  return cwa_audience_from_string (value, &audience);
}

static gboolean
check_listen (const gchar *value)
{
  return cwa_listen_parse (value, NULL, NULL, NULL);
}

static gboolean
check_not_empty (const gchar *value)
{
  return *value != '\0';
}

static gboolean
check_sha256 (const gchar *value)
{
  /* "AB:CD:..." : 32 pairs, 31 colons. */
  if (strlen (value) != 32 * 3 - 1)
    return FALSE;

  for (guint i = 0; value[i] != '\0'; i++)
    {
      if (i % 3 == 2 ? value[i] != ':' : !g_ascii_isxdigit (value[i]))
        return FALSE;
    }

  return TRUE;
}

/* Reads the string member @name of @object (at @parent).  Absent or null:
 * TRUE with *out NULL, or a problem if @required.  Wrong type or failing
 * @check: a problem saying it must be @expected, and FALSE. */
static gboolean
read_string (Reader       *r,
             JsonObject   *object,
             const gchar  *parent,
             const gchar  *name,
             gboolean      required,
             const gchar  *expected,
             StringCheck   check,
             const gchar **out)
{
  JsonNode *node = get_member (object, name);
  g_autofree gchar *path = member_path (parent, name);

  *out = NULL;

  if (node_is_absent (node))
    {
      if (!required)
        return TRUE;
      if (node == NULL)
        add_problem (r, parent, FALSE, "%s is missing; it must be %s", path, expected);
      else
        add_problem (r, path, FALSE, "%s must be %s, found null", path, expected);
      return FALSE;
    }

  if (!node_is_string (node) || (check != NULL && !check (json_node_get_string (node))))
    {
      g_autofree gchar *found = describe (node);

      add_problem (r, path, FALSE, "%s must be %s, found %s", path, expected, found);
      return FALSE;
    }

  *out = json_node_get_string (node);
  return TRUE;
}

/* The members of @object this program does not know, copied in their
 * original order, or NULL when there are none. */
static JsonObject *
collect_extra_members (JsonObject          *object,
                       const gchar * const *known)
{
  JsonObject *extra = NULL;
  JsonObjectIter iter;
  const gchar *name;
  JsonNode *node;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    {
      if (g_strv_contains (known, name))
        continue;
      if (extra == NULL)
        extra = json_object_new ();
      json_object_set_member (extra, name, json_node_copy (node));
    }

  return extra;
}

static void
set_extra_members (GObject             *object,
                   JsonObject          *json,
                   const gchar * const *known)
{
  g_autoptr(JsonObject) extra = collect_extra_members (json, known);

  _cwa_object_set_extra_members (object, extra);
}

/* Returns @node's array, NULL when absent or null, and a problem (with
 * *ok = FALSE) when it is something else. */
static JsonArray *
read_array (Reader      *r,
            JsonObject  *object,
            const gchar *parent,
            const gchar *name,
            gboolean    *ok)
{
  JsonNode *node = get_member (object, name);
  g_autofree gchar *path = member_path (parent, name);

  *ok = TRUE;
  if (node_is_absent (node))
    return NULL;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_autofree gchar *found = describe (node);

      add_problem (r, path, FALSE, "%s must be a list (a JSON array), found %s", path, found);
      *ok = FALSE;
      return NULL;
    }

  return json_node_get_array (node);
}

static JsonObject *
read_array_object (Reader      *r,
                   JsonArray   *array,
                   guint        index,
                   const gchar *path)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autofree gchar *found = describe (node);

      add_problem (r, path, FALSE, "%s must be an object, found %s", path, found);
      return NULL;
    }

  return json_node_get_object (node);
}

/* A certificate id an assignment names; checked against the entries. */
typedef struct
{
  GObject *target;   /* CwaServer (MTLS), CwaVirtualServer or CwaLoadBalancer (SSL),
                      * CwaPublishingRule (listener), CwaReverseProxy (trusted root) */
  gchar   *id;
} Assignment;

static void
assignment_free (gpointer data)
{
  Assignment *assignment = data;

  g_clear_object (&assignment->target);
  g_free (assignment->id);
  g_free (assignment);
}

/* Whether @id names a certificate entry; if not, a problem at @path. */
static gboolean
check_certificate_id (Reader      *r,
                      GHashTable  *ids,
                      const gchar *path,
                      const gchar *id)
{
  g_autofree gchar *quoted = NULL;

  if (g_hash_table_contains (ids, id))
    return TRUE;

  quoted = cwa_json_quote (id);
  add_problem (r, path, FALSE,
               "%s names the certificate %s, but no entry in \"certificates\" has that id; "
               "add the certificate or correct the id", path, quoted);
  return FALSE;
}

static void
read_assignment (Reader      *r,
                 JsonObject  *object,
                 const gchar *parent,
                 const gchar *name,
                 GHashTable  *ids,
                 GObject     *target,
                 GPtrArray   *assignments)
{
  const gchar *id;
  g_autofree gchar *path = member_path (parent, name);
  Assignment *assignment;

  if (!read_string (r, object, parent, name, FALSE, EXPECT_CERT_REF, NULL, &id) || id == NULL)
    return;

  if (!check_certificate_id (r, ids, path, id))
    return;

  if (target == NULL)
    return;

  assignment = g_new0 (Assignment, 1);
  assignment->target = g_object_ref (target);
  assignment->id = g_strdup (id);
  g_ptr_array_add (assignments, assignment);
}

static void
read_virtual_server (Reader      *r,
                     JsonObject  *object,
                     const gchar *path,
                     CwaServer   *server,
                     GHashTable  *ids,
                     GPtrArray   *assignments)
{
  const gchar *url, *audience_text, *listen, *as_url, *download_url;
  gboolean ok = TRUE;
  CwaAudience audience = CWA_AUDIENCE_INTERNAL;
  g_autoptr(CwaVirtualServer) vs = NULL;

  ok &= read_string (r, object, path, "url", TRUE, EXPECT_URL, check_url, &url);
  ok &= read_string (r, object, path, "audience", TRUE, EXPECT_AUDIENCE, check_audience, &audience_text);
  ok &= read_string (r, object, path, "listen", FALSE, EXPECT_LISTEN, check_listen, &listen);
  ok &= read_string (r, object, path, "as_url", FALSE, EXPECT_HOST_URL, check_url, &as_url);
  ok &= read_string (r, object, path, "download_url", FALSE, EXPECT_HOST_URL, check_url, &download_url);

  if (ok)
    {
      cwa_audience_from_string (audience_text, &audience);
      vs = cwa_virtual_server_new (url, audience);
      cwa_virtual_server_set_listen (vs, listen);
      cwa_virtual_server_set_as_url (vs, as_url);
      cwa_virtual_server_set_download_url (vs, download_url);
      set_extra_members (G_OBJECT (vs), object, virtual_server_members);
      cwa_server_add_virtual_server (server, vs);
    }

  read_assignment (r, object, path, "ssl_certificate", ids, G_OBJECT (vs), assignments);
}

static void
read_server (Reader        *r,
             JsonObject    *object,
             const gchar   *path,
             CwaDeployment *deployment,
             GHashTable    *ids,
             GPtrArray     *assignments)
{
  const gchar *fqdn;
  g_autoptr(CwaServer) server = NULL;
  JsonArray *list;
  gboolean ok;

  /* Even a server with a bad FQDN gets an object, so the problems of its
   * virtual servers are reported in the same pass. */
  read_string (r, object, path, "fqdn", TRUE, EXPECT_FQDN, check_fqdn, &fqdn);
  server = cwa_server_new (fqdn != NULL ? fqdn : "");
  set_extra_members (G_OBJECT (server), object, server_members);

  read_assignment (r, object, path, "mtls_certificate", ids, G_OBJECT (server), assignments);

  list = read_array (r, object, path, "virtual_servers", &ok);
  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      g_autofree gchar *vs_path = g_strdup_printf ("%s.virtual_servers[%u]", path, i);
      JsonObject *vs_object = read_array_object (r, list, i, vs_path);

      if (vs_object != NULL)
        read_virtual_server (r, vs_object, vs_path, server, ids, assignments);
    }

  cwa_deployment_add_server (deployment, server);
}

/* ------------------------------------------------------------------ */
/* Version 2: load balancers and reverse proxies                        */

static gboolean
check_ip_address (const gchar *value)
{
  g_autoptr(GInetAddress) address = g_inet_address_new_from_string (value);

  return address != NULL;
}

/* Reads the boolean member @name (absent or null: @fallback). */
static gboolean
read_boolean (Reader      *r,
              JsonObject  *object,
              const gchar *parent,
              const gchar *name,
              gboolean     fallback)
{
  JsonNode *node = get_member (object, name);
  g_autofree gchar *path = member_path (parent, name);
  g_autofree gchar *found = NULL;

  if (node_is_absent (node))
    return fallback;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    return json_node_get_boolean (node);

  found = describe (node);
  add_problem (r, path, FALSE, "%s must be true or false, found %s", path, found);
  return fallback;
}

/* The strings of the list @name, each checked like read_string(); NULL
 * (no problem) when absent and not @required. */
static GPtrArray *
read_string_list (Reader      *r,
                  JsonObject  *object,
                  const gchar *parent,
                  const gchar *name,
                  gboolean     required,
                  const gchar *expected,
                  StringCheck  check)
{
  g_autofree gchar *path = member_path (parent, name);
  GPtrArray *strings;
  JsonArray *list;
  gboolean ok;

  list = read_array (r, object, parent, name, &ok);
  if (list == NULL)
    {
      if (ok && required)
        add_problem (r, parent, FALSE, "%s is missing; it must be a list of %s", path, expected);
      return NULL;
    }

  strings = g_ptr_array_new ();
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonNode *node = json_array_get_element (list, i);
      g_autofree gchar *item = g_strdup_printf ("%s[%u]", path, i);

      if (node_is_string (node) && (check == NULL || check (json_node_get_string (node))))
        g_ptr_array_add (strings, (gpointer) json_node_get_string (node));
      else
        {
          g_autofree gchar *found = describe (node);

          add_problem (r, item, FALSE, "%s must be %s, found %s", item, expected, found);
        }
    }
  g_ptr_array_add (strings, NULL);

  return strings;
}

static void
read_load_balancer (Reader        *r,
                    JsonObject    *object,
                    const gchar   *path,
                    CwaDeployment *deployment,
                    GHashTable    *ids,
                    GPtrArray     *assignments)
{
  const gchar *fqdn, *vip;
  g_autoptr(CwaLoadBalancer) lb = NULL;
  g_autoptr(GPtrArray) members = NULL;

  read_string (r, object, path, "fqdn", TRUE, EXPECT_FQDN, check_fqdn, &fqdn);
  lb = cwa_load_balancer_new (fqdn != NULL ? fqdn : "");
  if (read_string (r, object, path, "vip", FALSE, EXPECT_IP, check_ip_address, &vip))
    cwa_load_balancer_set_vip (lb, vip);
  members = read_string_list (r, object, path, "members", TRUE, EXPECT_FQDN, check_fqdn);
  if (members != NULL)
    cwa_load_balancer_set_members (lb, (const gchar * const *) members->pdata);
  cwa_load_balancer_set_ssl_offload (lb, read_boolean (r, object, path, "ssl_offload", FALSE));
  set_extra_members (G_OBJECT (lb), object, load_balancer_members);

  read_assignment (r, object, path, "ssl_certificate", ids, G_OBJECT (lb), assignments);
  cwa_deployment_add_load_balancer (deployment, lb);
}

static void
read_publishing_rule (Reader          *r,
                      JsonObject      *object,
                      const gchar     *path,
                      CwaReverseProxy *proxy,
                      GHashTable      *ids,
                      GPtrArray       *assignments)
{
  const gchar *url, *listen, *vs, *internal_host, *internal_address, *as_url, *download_url;
  g_autoptr(CwaPublishingRule) rule = NULL;
  gboolean ok = TRUE;

  ok &= read_string (r, object, path, "published_url", TRUE, EXPECT_URL, check_url, &url);
  ok &= read_string (r, object, path, "listen", FALSE, EXPECT_LISTEN, check_listen, &listen);
  ok &= read_string (r, object, path, "virtual_server", TRUE, EXPECT_HOST, check_not_empty, &vs);
  ok &= read_string (r, object, path, "internal_host", FALSE, EXPECT_HOST, check_not_empty, &internal_host);
  ok &= read_string (r, object, path, "internal_address", FALSE, EXPECT_IP, check_ip_address, &internal_address);
  ok &= read_string (r, object, path, "as_url", FALSE, EXPECT_HOST_URL, check_url, &as_url);
  ok &= read_string (r, object, path, "download_url", FALSE, EXPECT_HOST_URL, check_url, &download_url);

  if (ok)
    {
      rule = cwa_publishing_rule_new (url, vs);
      cwa_publishing_rule_set_listen (rule, listen);
      cwa_publishing_rule_set_internal_host (rule, internal_host);
      cwa_publishing_rule_set_internal_address (rule, internal_address);
      cwa_publishing_rule_set_as_url (rule, as_url);
      cwa_publishing_rule_set_download_url (rule, download_url);
      set_extra_members (G_OBJECT (rule), object, publishing_rule_members);
      cwa_reverse_proxy_add_publishing_rule (proxy, rule);
    }

  read_assignment (r, object, path, "listener_certificate", ids, G_OBJECT (rule), assignments);
}

/* Each trusted root id must name an entry; the proxy gets them later. */
static void
read_trusted_certificates (Reader          *r,
                           JsonObject      *object,
                           const gchar     *path,
                           CwaReverseProxy *proxy,
                           GHashTable      *ids,
                           GPtrArray       *assignments)
{
  g_autoptr(GPtrArray) list = NULL;

  list = read_string_list (r, object, path, "trusted_certificates", FALSE, EXPECT_ID, check_not_empty);
  for (guint i = 0; list != NULL && i + 1 < list->len; i++)
    {
      const gchar *id = g_ptr_array_index (list, i);
      g_autofree gchar *item = g_strdup_printf ("%s.trusted_certificates[%u]", path, i);
      Assignment *assignment;

      if (!check_certificate_id (r, ids, item, id))
        continue;

      assignment = g_new0 (Assignment, 1);
      assignment->target = g_object_ref (G_OBJECT (proxy));
      assignment->id = g_strdup (id);
      g_ptr_array_add (assignments, assignment);
    }
}

static void
read_reverse_proxy (Reader        *r,
                    JsonObject    *object,
                    const gchar   *path,
                    CwaDeployment *deployment,
                    GHashTable    *ids,
                    GPtrArray     *assignments)
{
  const gchar *fqdn, *product;
  g_autoptr(CwaReverseProxy) proxy = NULL;
  g_autofree gchar *rules_path = member_path (path, "publishing_rules");
  JsonArray *rules;
  gboolean ok;

  read_string (r, object, path, "fqdn", TRUE, EXPECT_FQDN, check_fqdn, &fqdn);
  proxy = cwa_reverse_proxy_new (fqdn != NULL ? fqdn : "");
  if (read_string (r, object, path, "product", FALSE, "a string", NULL, &product))
    cwa_reverse_proxy_set_product (proxy, product);
  set_extra_members (G_OBJECT (proxy), object, reverse_proxy_members);
  read_trusted_certificates (r, object, path, proxy, ids, assignments);

  rules = read_array (r, object, path, "publishing_rules", &ok);
  if (rules == NULL && ok)
    add_problem (r, path, FALSE, "%s is missing; it must be a list (a JSON array), may be empty", rules_path);
  for (guint i = 0; rules != NULL && i < json_array_get_length (rules); i++)
    {
      g_autofree gchar *rule_path = g_strdup_printf ("%s[%u]", rules_path, i);
      JsonObject *rule_object = read_array_object (r, rules, i, rule_path);

      if (rule_object != NULL)
        read_publishing_rule (r, rule_object, rule_path, proxy, ids, assignments);
    }

  cwa_deployment_add_reverse_proxy (deployment, proxy);
}

typedef void (*ReadItem) (Reader        *r,
                          JsonObject    *object,
                          const gchar   *path,
                          CwaDeployment *deployment,
                          GHashTable    *ids,
                          GPtrArray     *assignments);

/* Reads every object of the top-level list @name with @read_item. */
static void
read_top_list (Reader        *r,
               JsonObject    *root,
               const gchar   *name,
               ReadItem       read_item,
               CwaDeployment *deployment,
               GHashTable    *ids,
               GPtrArray     *assignments)
{
  gboolean ok;
  JsonArray *list = read_array (r, root, "", name, &ok);

  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      g_autofree gchar *path = g_strdup_printf ("%s[%u]", name, i);
      JsonObject *object = read_array_object (r, list, i, path);

      if (object != NULL)
        read_item (r, object, path, deployment, ids, assignments);
    }
}

/* Remembers @host at @path in @seen; a second use is a problem naming
 * both paths ("@path @relation <first path>; @why").  Empty hosts
 * (already reported as invalid) are skipped. */
static void
check_unique (Reader      *r,
              GHashTable  *seen,
              const gchar *host,
              const gchar *path,
              const gchar *relation,
              const gchar *why)
{
  const gchar *first;

  if (host == NULL || *host == '\0')
    return;

  first = g_hash_table_lookup (seen, host);
  if (first != NULL)
    {
      add_problem (r, path, FALSE, "%s %s %s; %s", path, relation, first, why);
      return;
    }
  g_hash_table_insert (seen, g_strdup (host), g_strdup (path));
}

#define SAME_NAME "is the same name as"

static void
check_unique_rules (Reader          *r,
                    CwaReverseProxy *proxy,
                    guint            index)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GListModel *rules = cwa_reverse_proxy_get_publishing_rules (proxy);

  for (guint j = 0; j < g_list_model_get_n_items (rules); j++)
    {
      g_autoptr(CwaPublishingRule) rule = g_list_model_get_item (rules, j);
      g_autofree gchar *path = g_strdup_printf ("reverse_proxies[%u].publishing_rules[%u].published_url",
                                                index, j);

      check_unique (r, seen, cwa_publishing_rule_get_published_host (rule), path,
                    "publishes the same host as", "one proxy publishes a host once");
    }
}

/* plan-format.md: a load balancer lists each member at most once. */
static void
check_unique_members (Reader          *r,
                      CwaLoadBalancer *lb,
                      guint            index)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  const gchar * const *members = cwa_load_balancer_get_members (lb);

  for (guint j = 0; members[j] != NULL; j++)
    {
      g_autofree gchar *host = cwa_name_normalize_lenient (members[j]);
      g_autofree gchar *path = g_strdup_printf ("load_balancers[%u].members[%u]", index, j);

      check_unique (r, seen, host, path, SAME_NAME, "each member is listed once");
    }
}

/* The load-time refusals of plan-format.md, "Version 2", naming both
 * paths.  Called only when nothing else was wrong, so every item of the
 * lists has its object and list positions are paths. */
static void
check_unique_names (Reader        *r,
                    CwaDeployment *deployment)
{
  g_autoptr(GHashTable) computers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) arrays = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) proxies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GListModel *list = cwa_deployment_get_servers (deployment);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(CwaServer) server = g_list_model_get_item (list, i);
      g_autofree gchar *path = g_strdup_printf ("servers[%u].fqdn", i);

      check_unique (r, computers, cwa_server_get_host (server), path, SAME_NAME,
                    "each computer is listed once");
    }

  list = cwa_deployment_get_load_balancers (deployment);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(CwaLoadBalancer) lb = g_list_model_get_item (list, i);
      const gchar *host = cwa_load_balancer_get_host (lb);
      g_autofree gchar *path = g_strdup_printf ("load_balancers[%u].fqdn", i);
      const gchar *computer = host != NULL ? g_hash_table_lookup (computers, host) : NULL;

      if (computer != NULL)
        add_problem (r, path, FALSE, "%s " SAME_NAME " %s; the array FQDN must not be a computer's name",
                     path, computer);
      check_unique (r, arrays, host, path, SAME_NAME, "each load balancer is listed once");
      check_unique_members (r, lb, i);
    }

  list = cwa_deployment_get_reverse_proxies (deployment);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(CwaReverseProxy) proxy = g_list_model_get_item (list, i);
      g_autofree gchar *path = g_strdup_printf ("reverse_proxies[%u].fqdn", i);

      check_unique (r, proxies, cwa_reverse_proxy_get_host (proxy), path, SAME_NAME,
                    "each reverse proxy is listed once");
      check_unique_rules (r, proxy, i);
    }
}

/* One certificate entry as read, before its certificate is loaded. */
typedef struct
{
  gchar      *path;    /* "certificates[2]" */
  gchar      *id;
  gchar      *file;
  gchar      *pem;
  gchar      *sha256;
  JsonObject *extra;
} Entry;

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_free (entry->path);
  g_free (entry->id);
  g_free (entry->file);
  g_free (entry->pem);
  g_free (entry->sha256);
  g_clear_pointer (&entry->extra, json_object_unref);
  g_free (entry);
}

/* Fills @ids (id -> entry path) and @entries. */
static void
read_certificate_entries (Reader     *r,
                          JsonObject *root,
                          GHashTable *ids,
                          GPtrArray  *entries)
{
  gboolean ok;
  JsonArray *list = read_array (r, root, "", "certificates", &ok);

  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      g_autofree gchar *path = g_strdup_printf ("certificates[%u]", i);
      JsonObject *object = read_array_object (r, list, i, path);
      const gchar *id, *file, *pem, *sha256;
      gboolean fields_ok = TRUE;
      Entry *entry;

      if (object == NULL)
        continue;

      if (read_string (r, object, path, "id", TRUE, EXPECT_ID, check_not_empty, &id))
        {
          const gchar *first = g_hash_table_lookup (ids, id);

          if (first != NULL)
            {
              g_autofree gchar *id_path = member_path (path, "id");
              g_autofree gchar *quoted = cwa_json_quote (id);

              add_problem (r, id_path, FALSE,
                           "%s %s is already the id of %s; give each certificate its own id",
                           id_path, quoted, first);
              fields_ok = FALSE;
            }
          else
            g_hash_table_insert (ids, g_strdup (id), g_strdup (path));
        }
      else
        fields_ok = FALSE;

      fields_ok &= read_string (r, object, path, "file", FALSE, EXPECT_FILE, check_not_empty, &file);
      fields_ok &= read_string (r, object, path, "pem", FALSE, EXPECT_PEM, check_not_empty, &pem);
      fields_ok &= read_string (r, object, path, "sha256", FALSE, EXPECT_SHA256, check_sha256, &sha256);

      if (!node_is_absent (get_member (object, "file")) &&
          !node_is_absent (get_member (object, "pem")))
        {
          add_problem (r, path, FALSE,
                       "%s has both \"file\" and \"pem\"; keep exactly one of them", path);
          fields_ok = FALSE;
        }
      else if (fields_ok && file == NULL && pem == NULL)
        {
          add_problem (r, path, FALSE,
                       "%s has neither \"file\" nor \"pem\"; add the certificate's file "
                       "(a path relative to the plan's folder) or its PEM text", path);
          fields_ok = FALSE;
        }

      if (!fields_ok)
        continue;

      entry = g_new0 (Entry, 1);
      entry->path = g_steal_pointer (&path);
      entry->id = g_strdup (id);
      entry->file = g_strdup (file);
      entry->pem = g_strdup (pem);
      entry->sha256 = g_strdup (sha256);
      entry->extra = collect_extra_members (object, certificate_members);
      g_ptr_array_add (entries, entry);
    }
}

static void
read_settings (Reader     *r,
               JsonObject *root,
               CwaPlan    *plan)
{
  JsonNode *node = get_member (root, "settings");
  JsonObject *settings;
  JsonNode *days;
  g_autoptr(JsonObject) extra = NULL;

  if (node_is_absent (node))
    return;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autofree gchar *found = describe (node);

      add_problem (r, "settings", FALSE,
                   "settings must be an object such as {\"expiry_warning_days\": 30}, found %s", found);
      return;
    }

  settings = json_node_get_object (node);
  days = get_member (settings, "expiry_warning_days");
  if (!node_is_absent (days))
    {
      if (JSON_NODE_HOLDS_VALUE (days) &&
          json_node_get_value_type (days) == G_TYPE_INT64 &&
          json_node_get_int (days) >= 0 &&
          json_node_get_int (days) <= G_MAXINT32)
        cwa_plan_set_expiry_warning_days (plan, (guint) json_node_get_int (days));
      else
        {
          g_autofree gchar *found = describe (days);

          add_problem (r, "settings.expiry_warning_days", FALSE,
                       "settings.expiry_warning_days must be " EXPECT_DAYS ", found %s", found);
        }
    }

  extra = collect_extra_members (settings, settings_members);
  _cwa_plan_set_settings_extra_members (plan, extra);
}

/* ------------------------------------------------------------------ */
/* Loading certificates                                                 */

static GFile *
resolve_certificate_file (GFile       *plan_file,
                          const gchar *path)
{
  g_autoptr(GFile) dir = NULL;

  if (g_path_is_absolute (path))
    return g_file_new_for_path (path);

  dir = g_file_get_parent (plan_file);
  if (dir == NULL)
    dir = g_object_ref (plan_file);

  return g_file_resolve_relative_path (dir, path);
}

/* The plan's words for a certificate file that cannot be read, naming it
 * as the plan wrote it. */
static void
add_read_problem (Reader       *r,
                  const gchar  *where,
                  const gchar  *quoted_id,
                  const gchar  *path,
                  const GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    add_problem (r, where, FALSE,
                 "certificate %s: %s does not exist; check the path, which is "
                 "relative to the plan's folder", quoted_id, path);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    add_problem (r, where, FALSE,
                 "certificate %s: %s is a folder, not a certificate file; "
                 "name the file inside it", quoted_id, path);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE))
    add_problem (r, where, FALSE,
                 "certificate %s: %s is %s, not a file; name the certificate file itself",
                 quoted_id, path, error->message);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE))
    add_problem (r, where, FALSE,
                 "certificate %s: %s is larger than the %d MB a certificate file can be; "
                 "check the path", quoted_id, path, CWA_LOAD_MAX_SIZE / (1024 * 1024));
  else
    add_problem (r, where, FALSE,
                 "certificate %s: %s cannot be read (%s); check that it exists "
                 "and that you may read it", quoted_id, path, error->message);
}

/* Reads @entry's certificates; NULL and a problem on failure.  Sets
 * @cancel_error instead when @cancellable fired. */
static GPtrArray *
load_entry_certificates (Reader       *r,
                         Entry        *entry,
                         const gchar  *quoted_id,
                         GFile        *plan_file,
                         const gchar  *password,
                         GCancellable *cancellable,
                         GError      **cancel_error)
{
  g_autofree gchar *where = member_path (entry->path, entry->file != NULL ? "file" : "pem");
  g_autoptr(GBytes) data = NULL;
  g_autoptr(GError) local_error = NULL;
  GPtrArray *certificates;

  if (entry->file != NULL)
    {
      g_autoptr(GFile) file = resolve_certificate_file (plan_file, entry->file);

      /* The loader's bounded read: a wrong path to a disk image, a device
       * or a FIFO must neither eat the memory nor hang. */
      data = cwa_cert_loader_read_file (file, cancellable, &local_error);
      if (data == NULL)
        {
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            g_propagate_error (cancel_error, g_steal_pointer (&local_error));
          else
            add_read_problem (r, where, quoted_id, entry->file, local_error);
          return NULL;
        }

      /* The source is the path as written, so reports do not depend on
       * where the plan happens to be. */
      certificates = cwa_cert_loader_load_bytes (data, entry->file, password, &local_error);
    }
  else
    {
      g_autofree gchar *source = g_file_get_basename (plan_file);

      data = g_bytes_new (entry->pem, strlen (entry->pem));
      certificates = cwa_cert_loader_load_bytes (data, source, password, &local_error);
    }

  if (certificates == NULL)
    {
      gboolean password_problem =
        g_error_matches (local_error, CWA_LOAD_ERROR, CWA_LOAD_ERROR_NEEDS_PASSWORD) ||
        g_error_matches (local_error, CWA_LOAD_ERROR, CWA_LOAD_ERROR_WRONG_PASSWORD);

      add_problem (r, where, password_problem, "certificate %s: %s",
                   quoted_id, local_error->message);
      return NULL;
    }

  return certificates;
}

static void
load_certificates (Reader       *r,
                   CwaPlan      *plan,
                   GPtrArray    *entries,
                   GFile        *plan_file,
                   const gchar  *password,
                   GCancellable *cancellable,
                   GError      **cancel_error)
{
  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);
      g_autoptr(GPtrArray) certificates = NULL;
      g_autoptr(CwaPlanEntrySource) source = NULL;
      g_autofree gchar *quoted_id = cwa_json_quote (entry->id);
      CwaCertificate *primary;
      CwaCertificate *added;

      certificates = load_entry_certificates (r, entry, quoted_id, plan_file, password, cancellable, cancel_error);
      if (cancel_error != NULL && *cancel_error != NULL)
        return;
      if (certificates == NULL)
        continue;

      primary = cwa_cert_loader_pick_primary (certificates);
      g_assert (primary != NULL);

      if (entry->sha256 != NULL)
        {
          g_autofree gchar *pin = g_ascii_strup (entry->sha256, -1);

          if (g_strcmp0 (pin, cwa_certificate_get_sha256 (primary)) != 0)
            {
              g_autofree gchar *where = member_path (entry->path, "sha256");

              add_problem (r, where, FALSE,
                           "certificate %s: %s has the SHA-256 fingerprint %s, but the plan pins %s; "
                           "if the certificate was replaced on purpose, update \"sha256\", "
                           "otherwise restore the expected file",
                           quoted_id,
                           entry->file != NULL ? entry->file : "the embedded PEM",
                           cwa_certificate_get_sha256 (primary), pin);
              continue;
            }
        }

      cwa_certificate_set_id (primary, entry->id);
      added = cwa_plan_add_certificate (plan, primary);
      if (added != primary)
        {
          g_autofree gchar *other = cwa_json_quote (cwa_certificate_get_id (added));

          add_problem (r, entry->path, FALSE,
                       "certificate %s is the same certificate as %s (SHA-256 %s); "
                       "remove one entry and use the other's id",
                       quoted_id, other, cwa_certificate_get_sha256 (primary));
          continue;
        }

      source = _cwa_plan_entry_source_new ();
      source->file = g_strdup (entry->file);
      source->pem = g_strdup (entry->pem);
      source->sha256 = g_strdup (entry->sha256);
      source->extra_members = entry->extra != NULL ? json_object_ref (entry->extra) : NULL;

      for (guint j = 0; j < certificates->len; j++)
        {
          CwaCertificate *certificate = g_ptr_array_index (certificates, j);

          if (certificate == primary)
            continue;
          cwa_plan_add_chain_certificate (plan, certificate);
          g_ptr_array_add (source->companions, g_object_ref (certificate));
        }

      _cwa_plan_set_entry_source (plan, primary, g_steal_pointer (&source));
    }
}

/* ------------------------------------------------------------------ */
/* Loading                                                              */

gchar *
cwa_plan_file_dup_display_name (GFile *file)
{
  g_autofree gchar *cwd = NULL;
  g_autoptr(GFile) cwd_file = NULL;
  gchar *name;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  cwd = g_get_current_dir ();
  cwd_file = g_file_new_for_path (cwd);
  /* From "/" a relative path would only hide the leading slash. */
  if (strcmp (cwd, "/") != 0)
    {
      name = g_file_get_relative_path (cwd_file, file);
      if (name != NULL)
        return name;
    }

  name = g_file_get_path (file);
  if (name != NULL)
    return name;

  return g_file_get_parse_name (file);
}

static gboolean
read_header (Reader      *r,
             JsonObject  *root,
             GError     **error)
{
  JsonNode *format = get_member (root, "format");
  JsonNode *version = get_member (root, "version");

  if (format == NULL)
    {
      add_problem (r, "", FALSE,
                   "format is missing; this file is not a CWA Cert Planner plan "
                   "(a plan starts with \"format\": \"" CWA_PLAN_FORMAT "\")");
      set_problems_error (r, CWA_PLAN_ERROR_INVALID, error);
      return FALSE;
    }

  if (!node_is_string (format) || g_strcmp0 (json_node_get_string (format), CWA_PLAN_FORMAT) != 0)
    {
      g_autofree gchar *found = describe (format);

      add_problem (r, "format", FALSE,
                   "format must be \"" CWA_PLAN_FORMAT "\", found %s; this file is not a CWA Cert Planner plan",
                   found);
      set_problems_error (r, CWA_PLAN_ERROR_INVALID, error);
      return FALSE;
    }

  if (version == NULL)
    {
      add_problem (r, "", FALSE, "version is missing; it must be %d or %d",
                   CWA_PLAN_FORMAT_VERSION, CWA_PLAN_FORMAT_VERSION_2);
      set_problems_error (r, CWA_PLAN_ERROR_INVALID, error);
      return FALSE;
    }

  if (JSON_NODE_HOLDS_VALUE (version) &&
      json_node_get_value_type (version) == G_TYPE_INT64 &&
      json_node_get_int (version) > CWA_PLAN_FORMAT_VERSION_2)
    {
      g_set_error (error, CWA_PLAN_ERROR, CWA_PLAN_ERROR_UNSUPPORTED_VERSION,
                   "%s was written by a newer version (format version %" G_GINT64_FORMAT "); "
                   "this program reads versions %d and %d. Update CWA Cert Planner.",
                   r->display, json_node_get_int (version), CWA_PLAN_FORMAT_VERSION,
                   CWA_PLAN_FORMAT_VERSION_2);
      return FALSE;
    }

  if (!JSON_NODE_HOLDS_VALUE (version) ||
      json_node_get_value_type (version) != G_TYPE_INT64 ||
      json_node_get_int (version) < CWA_PLAN_FORMAT_VERSION)
    {
      g_autofree gchar *found = describe (version);

      add_problem (r, "version", FALSE, "version must be %d or %d, found %s",
                   CWA_PLAN_FORMAT_VERSION, CWA_PLAN_FORMAT_VERSION_2, found);
      set_problems_error (r, CWA_PLAN_ERROR_INVALID, error);
      return FALSE;
    }

  return TRUE;
}

static void
assign (GObject        *target,
        CwaCertificate *certificate)
{
  if (CWA_IS_SERVER (target))
    cwa_server_set_mtls_certificate (CWA_SERVER (target), certificate);
  else if (CWA_IS_VIRTUAL_SERVER (target))
    cwa_virtual_server_set_ssl_certificate (CWA_VIRTUAL_SERVER (target), certificate);
  else if (CWA_IS_LOAD_BALANCER (target))
    cwa_load_balancer_set_ssl_certificate (CWA_LOAD_BALANCER (target), certificate);
  else if (CWA_IS_PUBLISHING_RULE (target))
    cwa_publishing_rule_set_listener_certificate (CWA_PUBLISHING_RULE (target), certificate);
  else
    cwa_reverse_proxy_add_trusted_certificate (CWA_REVERSE_PROXY (target), certificate);
}

/* Checks the text is strict JSON (our locator, which also knows where
 * each value is) and parses it; stores both in @locator and @parser and
 * returns the root object, or NULL with @error set. */
static JsonObject *
parse_plan_text (Reader          *r,
                 const gchar     *text,
                 gsize            length,
                 CwaJsonLocator **locator,
                 JsonParser     **parser,
                 GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  guint line = 1, column = 1;
  JsonNode *root_node;

  /* Windows editors like to start UTF-8 with a byte order mark. */
  if (length >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    {
      text += 3;
      length -= 3;
    }

  /* Our scanner first: it is strict and knows where things are. */
  *locator = cwa_json_locator_new (text, length, &line, &column, &local_error);
  if (*locator == NULL)
    {
      g_set_error (error, CWA_PLAN_ERROR, CWA_PLAN_ERROR_INVALID_JSON,
                   "%s:%u:%u: the plan is not valid JSON: %s",
                   r->display, line, column, local_error->message);
      return NULL;
    }
  r->locator = *locator;

  *parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (*parser, text, (gssize) length, &local_error))
    {
      g_set_error (error, CWA_PLAN_ERROR, CWA_PLAN_ERROR_INVALID_JSON,
                   "%s: the plan is not valid JSON: %s", r->display, local_error->message);
      return NULL;
    }

  root_node = json_parser_get_root (*parser);
  if (root_node == NULL || !JSON_NODE_HOLDS_OBJECT (root_node))
    {
      g_autofree gchar *found = root_node != NULL ? describe (root_node) : g_strdup ("nothing");

      add_problem (r, "", FALSE,
                   "this file is not a CWA Cert Planner plan: a plan is a JSON object, found %s", found);
      set_problems_error (r, CWA_PLAN_ERROR_INVALID, error);
      return NULL;
    }

  return json_node_get_object (root_node);
}

/* The servers, load balancers and reverse proxies; certificate references
 * are collected in @assignments until the certificates are loaded. */
static void
read_deployment (Reader     *r,
                 JsonObject *root,
                 CwaPlan    *plan,
                 GHashTable *ids,
                 GPtrArray  *assignments)
{
  CwaDeployment *deployment = cwa_plan_get_deployment (plan);
  JsonArray *servers;
  gboolean ok;

  servers = read_array (r, root, "", "servers", &ok);
  for (guint i = 0; servers != NULL && i < json_array_get_length (servers); i++)
    {
      g_autofree gchar *path = g_strdup_printf ("servers[%u]", i);
      JsonObject *object = read_array_object (r, servers, i, path);

      if (object != NULL)
        read_server (r, object, path, deployment, ids, assignments);
    }
  read_top_list (r, root, "load_balancers", read_load_balancer, deployment, ids, assignments);
  read_top_list (r, root, "reverse_proxies", read_reverse_proxy, deployment, ids, assignments);
  if (r->problems->len == 0)
    check_unique_names (r, deployment);
}

/* Certificate problems: "needs a password" when every one of them is a
 * missing or wrong password, so the window can ask for one. */
static void
set_certificate_problems_error (Reader  *r,
                                GError **error)
{
  gboolean all_password = TRUE;

  for (guint i = 0; i < r->problems->len; i++)
    all_password &= ((Problem *) g_ptr_array_index (r->problems, i))->password;

  set_problems_error (r,
                      all_password ? CWA_PLAN_ERROR_NEEDS_PASSWORD : CWA_PLAN_ERROR_CERTIFICATE,
                      error);
}

static void
apply_assignments (CwaPlan   *plan,
                   GPtrArray *assignments)
{
  for (guint i = 0; i < assignments->len; i++)
    {
      Assignment *assignment = g_ptr_array_index (assignments, i);
      CwaCertificate *certificate = cwa_plan_lookup_certificate (plan, assignment->id);

      g_assert (certificate != NULL);
      assign (assignment->target, certificate);
    }
}

static CwaPlan *
load_from_text (GFile        *file,
                const gchar  *display,
                const gchar  *text,
                gsize         length,
                const gchar  *password,
                GCancellable *cancellable,
                GError      **error)
{
  g_autoptr(CwaJsonLocator) locator = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (problem_free);
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (entry_free);
  g_autoptr(GPtrArray) assignments = g_ptr_array_new_with_free_func (assignment_free);
  g_autoptr(CwaPlan) plan = NULL;
  g_autoptr(JsonObject) extra = NULL;
  Reader r = { display, NULL, problems };
  JsonObject *root;
  const gchar *name;

  root = parse_plan_text (&r, text, length, &locator, &parser, error);
  if (root == NULL)
    return NULL;

  if (!read_header (&r, root, error))
    return NULL;

  plan = cwa_plan_new ();

  if (read_string (&r, root, "", "name", FALSE, "a string", NULL, &name))
    cwa_plan_set_name (plan, name);
  read_settings (&r, root, plan);
  read_certificate_entries (&r, root, ids, entries);
  read_deployment (&r, root, plan, ids, assignments);

  extra = collect_extra_members (root, root_members);
  _cwa_object_set_extra_members (G_OBJECT (plan), extra);

  if (problems->len > 0)
    {
      set_problems_error (&r, CWA_PLAN_ERROR_INVALID, error);
      return NULL;
    }

  load_certificates (&r, plan, entries, file, password, cancellable, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (problems->len > 0)
    {
      set_certificate_problems_error (&r, error);
      return NULL;
    }

  apply_assignments (plan, assignments);
  cwa_plan_set_file (plan, file);
  cwa_plan_set_modified (plan, FALSE);

  return g_steal_pointer (&plan);
}

CwaPlan *
cwa_plan_file_load (GFile         *file,
                    const gchar   *password,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autofree gchar *display = NULL;
  g_autoptr(GBytes) contents = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length = 0;
  const gchar *text;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display = cwa_plan_file_dup_display_name (file);

  contents = cwa_file_read_bounded (file, CWA_PLAN_MAX_SIZE, cancellable, &local_error);
  if (contents == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE))
        g_set_error (error, CWA_PLAN_ERROR, CWA_PLAN_ERROR_IO,
                     "%s is larger than the %d MB a plan can be; it is not a plan, "
                     "or certificates embedded in it belong in files next to it",
                     display, CWA_PLAN_MAX_SIZE / (1024 * 1024));
      else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error (error, CWA_PLAN_ERROR, CWA_PLAN_ERROR_IO,
                     "%s does not exist; check the path and the file name", display);
      else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
        g_set_error (error, CWA_PLAN_ERROR, CWA_PLAN_ERROR_IO,
                     "%s is a folder, not a plan file; open the .cwaplan file inside it", display);
      else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE))
        g_set_error (error, CWA_PLAN_ERROR, CWA_PLAN_ERROR_IO,
                     "%s is %s, not a file; open the plan file itself", display, local_error->message);
      else
        g_set_error (error, CWA_PLAN_ERROR, CWA_PLAN_ERROR_IO,
                     "%s could not be read: %s", display, local_error->message);
      return NULL;
    }

  text = g_bytes_get_data (contents, &length);
  return load_from_text (file, display, text != NULL ? text : "", length, password, cancellable, error);
}

typedef struct
{
  GFile *file;
  gchar *password;
} LoadData;

/* The GTask source tag: ISO C cannot turn a function into a data pointer. */
static const gchar load_source_tag[] = "cwa_plan_file_load_async";

static void
load_data_free (gpointer data)
{
  LoadData *load = data;

  g_clear_object (&load->file);
  if (load->password != NULL)
    {
      /* A password should not linger in freed memory. */
      gnutls_memset (load->password, 0, strlen (load->password));
      g_free (load->password);
    }
  g_free (load);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *load = task_data;
  GError *error = NULL;
  CwaPlan *plan;

  plan = cwa_plan_file_load (load->file, load->password, cancellable, &error);
  if (plan == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, plan, g_object_unref);
}

void
cwa_plan_file_load_async (GFile               *file,
                          const gchar         *password,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *load;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  load = g_new0 (LoadData, 1);
  load->file = g_object_ref (file);
  load->password = g_strdup (password);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, (gpointer) load_source_tag);
  g_task_set_task_data (task, load, load_data_free);
  g_task_run_in_thread (task, load_thread);
}

CwaPlan *
cwa_plan_file_load_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == (gpointer) load_source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ------------------------------------------------------------------ */
/* Saving                                                               */

/* A path from @dir to @target, with "../" where needed. */
static gchar *
make_relative_path (GFile *dir,
                    GFile *target)
{
  g_autoptr(GFile) ancestor = g_object_ref (dir);
  g_autoptr(GString) prefix = g_string_new (NULL);
  gchar *relative;

  if (g_file_equal (dir, target))
    return g_strdup (".");

  for (;;)
    {
      g_autoptr(GFile) parent = NULL;

      relative = g_file_get_relative_path (ancestor, target);
      if (relative != NULL)
        {
          g_string_append (prefix, relative);
          g_free (relative);
          return g_string_free (g_steal_pointer (&prefix), FALSE);
        }

      parent = g_file_get_parent (ancestor);
      if (parent == NULL)
        break;
      g_string_append (prefix, "../");
      g_set_object (&ancestor, parent);
    }

  relative = g_file_get_path (target);
  return relative != NULL ? relative : g_file_get_uri (target);
}

/* @path as written for the old plan location, rewritten for @new_dir. */
static gchar *
rewrite_path (const gchar *path,
              GFile       *old_dir,
              GFile       *new_dir)
{
  g_autoptr(GFile) target = NULL;

  if (g_path_is_absolute (path) || old_dir == NULL || new_dir == NULL ||
      g_file_equal (old_dir, new_dir))
    return g_strdup (path);

  target = g_file_resolve_relative_path (old_dir, path);
  return make_relative_path (new_dir, target);
}

static void
append_extra_members (JsonObject *object,
                      JsonObject *extra)
{
  JsonObjectIter iter;
  const gchar *name;
  JsonNode *node;

  if (extra == NULL)
    return;

  json_object_iter_init_ordered (&iter, extra);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    {
      if (!json_object_has_member (object, name))
        json_object_set_member (object, name, json_node_copy (node));
    }
}

static gboolean
is_entry (CwaPlan        *plan,
          CwaCertificate *certificate)
{
  GListModel *list = cwa_plan_get_certificates (plan);
  guint n = g_list_model_get_n_items (list);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CwaCertificate) entry = g_list_model_get_item (list, i);

      if (entry == certificate)
        return TRUE;
    }

  return FALSE;
}

/* The id an assignment is written with, or NULL with @error set. */
static const gchar *
assignment_id (CwaPlan         *plan,
               CwaCertificate  *certificate,
               const gchar     *role,
               const gchar     *owner,
               GError         **error)
{
  if (certificate == NULL || is_entry (plan, certificate))
    return certificate != NULL ? cwa_certificate_get_id (certificate) : NULL;

  g_set_error (error, CWA_PLAN_ERROR, CWA_PLAN_ERROR_INVALID,
               "The %s certificate of %s is not one of the plan's certificates; "
               "add it to the plan before saving.", role, owner);
  return NULL;
}

static void
set_optional_string_member (JsonObject  *object,
                            const gchar *name,
                            const gchar *value)
{
  if (value != NULL)
    json_object_set_string_member (object, name, value);
  else
    json_object_set_null_member (object, name);
}

static JsonArray *
build_servers (CwaPlan  *plan,
               GError  **error)
{
  GListModel *servers = cwa_deployment_get_servers (cwa_plan_get_deployment (plan));
  guint n = g_list_model_get_n_items (servers);
  g_autoptr(JsonArray) array = json_array_new ();

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CwaServer) server = g_list_model_get_item (servers, i);
      g_autoptr(JsonObject) object = json_object_new ();
      g_autoptr(JsonArray) vs_array = json_array_new ();
      GListModel *list = cwa_server_get_virtual_servers (server);
      guint n_vs = g_list_model_get_n_items (list);
      CwaCertificate *mtls = cwa_server_get_mtls_certificate (server);
      const gchar *id;

      id = assignment_id (plan, mtls, "MTLS", cwa_server_get_fqdn (server), error);
      if (mtls != NULL && id == NULL)
        return NULL;

      json_object_set_string_member (object, "fqdn", cwa_server_get_fqdn (server));
      set_optional_string_member (object, "mtls_certificate", id);

      for (guint j = 0; j < n_vs; j++)
        {
          g_autoptr(CwaVirtualServer) vs = g_list_model_get_item (list, j);
          g_autoptr(JsonObject) vs_object = json_object_new ();
          CwaCertificate *ssl = cwa_virtual_server_get_ssl_certificate (vs);

          id = assignment_id (plan, ssl, "SSL", cwa_virtual_server_get_url (vs), error);
          if (ssl != NULL && id == NULL)
            return NULL;

          json_object_set_string_member (vs_object, "url", cwa_virtual_server_get_url (vs));
          json_object_set_string_member (vs_object, "audience",
                                         cwa_audience_to_string (cwa_virtual_server_get_audience (vs)));
          if (cwa_virtual_server_get_listen (vs) != NULL)
            json_object_set_string_member (vs_object, "listen", cwa_virtual_server_get_listen (vs));
          if (cwa_virtual_server_get_as_url (vs) != NULL)
            json_object_set_string_member (vs_object, "as_url", cwa_virtual_server_get_as_url (vs));
          if (cwa_virtual_server_get_download_url (vs) != NULL)
            json_object_set_string_member (vs_object, "download_url", cwa_virtual_server_get_download_url (vs));
          set_optional_string_member (vs_object, "ssl_certificate", id);
          append_extra_members (vs_object, _cwa_object_get_extra_members (G_OBJECT (vs)));

          json_array_add_object_element (vs_array, g_steal_pointer (&vs_object));
        }

      json_object_set_array_member (object, "virtual_servers", g_steal_pointer (&vs_array));
      append_extra_members (object, _cwa_object_get_extra_members (G_OBJECT (server)));
      json_array_add_object_element (array, g_steal_pointer (&object));
    }

  return g_steal_pointer (&array);
}

static void
set_string_if_set (JsonObject  *object,
                   const gchar *name,
                   const gchar *value)
{
  if (value != NULL)
    json_object_set_string_member (object, name, value);
}

static JsonObject *
build_load_balancer (CwaPlan  *plan,
                     gpointer  item,
                     GError  **error)
{
  CwaLoadBalancer *lb = item;
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonArray) members = json_array_new ();
  const gchar * const *names = cwa_load_balancer_get_members (lb);
  CwaCertificate *ssl = cwa_load_balancer_get_ssl_certificate (lb);
  const gchar *id = assignment_id (plan, ssl, "SSL", cwa_load_balancer_get_fqdn (lb), error);

  if (ssl != NULL && id == NULL)
    return NULL;

  for (guint i = 0; names[i] != NULL; i++)
    json_array_add_string_element (members, names[i]);

  json_object_set_string_member (object, "fqdn", cwa_load_balancer_get_fqdn (lb));
  set_string_if_set (object, "vip", cwa_load_balancer_get_vip (lb));
  json_object_set_array_member (object, "members", g_steal_pointer (&members));
  json_object_set_boolean_member (object, "ssl_offload", cwa_load_balancer_get_ssl_offload (lb));
  set_optional_string_member (object, "ssl_certificate", id);
  append_extra_members (object, _cwa_object_get_extra_members (G_OBJECT (lb)));

  return g_steal_pointer (&object);
}

static JsonObject *
build_publishing_rule (CwaPlan            *plan,
                       CwaPublishingRule  *rule,
                       GError            **error)
{
  g_autoptr(JsonObject) object = json_object_new ();
  CwaCertificate *listener = cwa_publishing_rule_get_listener_certificate (rule);
  const gchar *url = cwa_publishing_rule_get_published_url (rule);
  const gchar *id = assignment_id (plan, listener, "listener", url, error);

  if (listener != NULL && id == NULL)
    return NULL;

  json_object_set_string_member (object, "published_url", url);
  set_string_if_set (object, "listen", cwa_publishing_rule_get_listen (rule));
  set_optional_string_member (object, "listener_certificate", id);
  json_object_set_string_member (object, "virtual_server", cwa_publishing_rule_get_virtual_server (rule));
  set_string_if_set (object, "internal_host", cwa_publishing_rule_get_internal_host (rule));
  set_string_if_set (object, "internal_address", cwa_publishing_rule_get_internal_address (rule));
  set_string_if_set (object, "as_url", cwa_publishing_rule_get_as_url (rule));
  set_string_if_set (object, "download_url", cwa_publishing_rule_get_download_url (rule));
  append_extra_members (object, _cwa_object_get_extra_members (G_OBJECT (rule)));

  return g_steal_pointer (&object);
}

/* The ids of a proxy's trusted roots, or NULL with @error set. */
static JsonArray *
build_trusted_certificates (CwaPlan          *plan,
                            CwaReverseProxy  *proxy,
                            GError          **error)
{
  GListModel *list = cwa_reverse_proxy_get_trusted_certificates (proxy);
  guint n = g_list_model_get_n_items (list);
  g_autoptr(JsonArray) array = json_array_new ();

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CwaCertificate) certificate = g_list_model_get_item (list, i);
      const gchar *id = assignment_id (plan, certificate, "trusted root",
                                       cwa_reverse_proxy_get_fqdn (proxy), error);

      if (id == NULL)
        return NULL;
      json_array_add_string_element (array, id);
    }

  return g_steal_pointer (&array);
}

static JsonObject *
build_reverse_proxy (CwaPlan  *plan,
                     gpointer  item,
                     GError  **error)
{
  CwaReverseProxy *proxy = item;
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonArray) rules = json_array_new ();
  GListModel *list = cwa_reverse_proxy_get_publishing_rules (proxy);
  guint n = g_list_model_get_n_items (list);
  JsonArray *trusted = build_trusted_certificates (plan, proxy, error);

  if (trusted == NULL)
    return NULL;

  json_object_set_string_member (object, "fqdn", cwa_reverse_proxy_get_fqdn (proxy));
  set_string_if_set (object, "product", cwa_reverse_proxy_get_product (proxy));
  json_object_set_array_member (object, "trusted_certificates", trusted);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CwaPublishingRule) rule = g_list_model_get_item (list, i);
      JsonObject *rule_object = build_publishing_rule (plan, rule, error);

      if (rule_object == NULL)
        return NULL;
      json_array_add_object_element (rules, rule_object);
    }

  json_object_set_array_member (object, "publishing_rules", g_steal_pointer (&rules));
  append_extra_members (object, _cwa_object_get_extra_members (G_OBJECT (proxy)));

  return g_steal_pointer (&object);
}

typedef JsonObject *(*BuildItem) (CwaPlan  *plan,
                                  gpointer  item,
                                  GError  **error);

/* One object per item of @list, or NULL with @error set. */
static JsonArray *
build_list (CwaPlan     *plan,
            GListModel  *list,
            BuildItem    build_item,
            GError     **error)
{
  guint n = g_list_model_get_n_items (list);
  g_autoptr(JsonArray) array = json_array_new ();

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);
      JsonObject *object = build_item (plan, item, error);

      if (object == NULL)
        return NULL;
      json_array_add_object_element (array, object);
    }

  return g_steal_pointer (&array);
}

static JsonObject *
new_pem_entry (const gchar    *id,
               CwaCertificate *certificate)
{
  JsonObject *object = json_object_new ();
  g_autofree gchar *pem = cwa_certificate_dup_pem (certificate);

  json_object_set_string_member (object, "id", id);
  json_object_set_string_member (object, "pem", pem);

  return object;
}

/* The JSON object of one certificate entry: where it came from (a file,
 * rewritten relative to the new plan's folder and recorded in @new_paths,
 * or inline PEM), else its PEM.  Marks it and its file's companions in
 * @covered. */
static JsonObject *
build_certificate_entry (CwaPlan        *plan,
                         CwaCertificate *certificate,
                         const gchar    *id,
                         GFile          *old_dir,
                         GFile          *new_dir,
                         GHashTable     *new_paths,
                         GHashTable     *covered)
{
  const CwaPlanEntrySource *source = _cwa_plan_get_entry_source (plan, certificate);
  g_autoptr(JsonObject) object = NULL;

  g_hash_table_add (covered, (gpointer) cwa_certificate_get_sha256 (certificate));

  if (source == NULL || (source->file == NULL && source->pem == NULL))
    return new_pem_entry (id, certificate);

  object = json_object_new ();
  json_object_set_string_member (object, "id", id);
  if (source->file != NULL)
    {
      g_autofree gchar *path = rewrite_path (source->file, old_dir, new_dir);

      json_object_set_string_member (object, "file", path);
      if (new_paths != NULL)
        g_hash_table_insert (new_paths, certificate, g_steal_pointer (&path));
    }
  else
    json_object_set_string_member (object, "pem", source->pem);

  if (source->sha256 != NULL)
    json_object_set_string_member (object, "sha256", source->sha256);
  for (guint j = 0; j < source->companions->len; j++)
    g_hash_table_add (covered,
                      (gpointer) cwa_certificate_get_sha256 (g_ptr_array_index (source->companions, j)));
  append_extra_members (object, source->extra_members);

  return g_steal_pointer (&object);
}

/* Chain certificates that did not come from an entry's file (the GUI
 * added them) become entries of their own, so the saved plan still holds
 * them. */
static void
build_chain_entries (CwaPlan    *plan,
                     JsonArray  *array,
                     GHashTable *ids,
                     GHashTable *covered,
                     GPtrArray  *made_ids)
{
  GListModel *chain = cwa_plan_get_chain_certificates (plan);
  guint n = g_list_model_get_n_items (chain);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CwaCertificate) certificate = g_list_model_get_item (chain, i);
      gchar *id;

      if (g_hash_table_contains (covered, cwa_certificate_get_sha256 (certificate)))
        continue;

      id = _cwa_plan_make_certificate_id (plan, certificate, ids);
      g_ptr_array_add (made_ids, id);
      g_hash_table_add (ids, id);
      g_hash_table_add (covered, (gpointer) cwa_certificate_get_sha256 (certificate));
      json_array_add_object_element (array, new_pem_entry (id, certificate));
    }
}

/* @new_paths (may be NULL) receives entry -> rewritten file path. */
static JsonArray *
build_certificates (CwaPlan     *plan,
                    GFile       *for_file,
                    GHashTable  *new_paths,
                    GError     **error)
{
  GListModel *entries = cwa_plan_get_certificates (plan);
  guint n = g_list_model_get_n_items (entries);
  g_autoptr(JsonArray) array = json_array_new ();
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) covered = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) made_ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GFile) old_dir = NULL;
  g_autoptr(GFile) new_dir = NULL;

  if (cwa_plan_get_file (plan) != NULL)
    old_dir = g_file_get_parent (cwa_plan_get_file (plan));
  if (for_file != NULL)
    new_dir = g_file_get_parent (for_file);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CwaCertificate) certificate = g_list_model_get_item (entries, i);
      const gchar *id = cwa_certificate_get_id (certificate);

      if (id == NULL || *id == '\0')
        {
          g_set_error (error, CWA_PLAN_ERROR, CWA_PLAN_ERROR_INVALID,
                       "The certificate %s has no id; give it one before saving.",
                       cwa_certificate_get_display_name (certificate));
          return NULL;
        }
      if (g_hash_table_contains (ids, id))
        {
          g_set_error (error, CWA_PLAN_ERROR, CWA_PLAN_ERROR_INVALID,
                       "Two certificates have the id \"%s\"; rename one before saving.", id);
          return NULL;
        }
      g_hash_table_add (ids, (gpointer) id);
      json_array_add_object_element (array, build_certificate_entry (plan, certificate, id, old_dir,
                                                                     new_dir, new_paths, covered));
    }

  build_chain_entries (plan, array, ids, covered, made_ids);

  return g_steal_pointer (&array);
}

static GBytes *
serialize (CwaPlan     *plan,
           GFile       *for_file,
           GHashTable  *new_paths,
           GError     **error)
{
  g_autoptr(JsonObject) root = json_object_new ();
  g_autoptr(JsonObject) settings = json_object_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(CwaJsonWriter) writer = cwa_json_writer_new ();
  g_autoptr(JsonArray) load_balancers = NULL;
  g_autoptr(JsonArray) reverse_proxies = NULL;
  JsonArray *servers;
  JsonArray *certificates;

  json_object_set_string_member (root, "format", CWA_PLAN_FORMAT);
  json_object_set_int_member (root, "version", CWA_PLAN_FORMAT_VERSION);
  if (cwa_plan_get_name (plan) != NULL)
    json_object_set_string_member (root, "name", cwa_plan_get_name (plan));

  json_object_set_int_member (settings, "expiry_warning_days",
                              cwa_plan_get_expiry_warning_days (plan));
  append_extra_members (settings, _cwa_plan_get_settings_extra_members (plan));
  json_object_set_object_member (root, "settings", g_steal_pointer (&settings));

  servers = build_servers (plan, error);
  if (servers == NULL)
    return NULL;
  json_object_set_array_member (root, "servers", servers);

  /* Version 2 only when its lists are used, so other plans still open in
   * a version 1 program (plan-format.md, "Version 2"). */
  load_balancers = build_list (plan, cwa_deployment_get_load_balancers (cwa_plan_get_deployment (plan)),
                               build_load_balancer, error);
  if (load_balancers == NULL)
    return NULL;
  reverse_proxies = build_list (plan, cwa_deployment_get_reverse_proxies (cwa_plan_get_deployment (plan)),
                                build_reverse_proxy, error);
  if (reverse_proxies == NULL)
    return NULL;
  if (json_array_get_length (load_balancers) > 0 || json_array_get_length (reverse_proxies) > 0)
    json_object_set_int_member (root, "version", CWA_PLAN_FORMAT_VERSION_2);
  if (json_array_get_length (load_balancers) > 0)
    json_object_set_array_member (root, "load_balancers", g_steal_pointer (&load_balancers));
  if (json_array_get_length (reverse_proxies) > 0)
    json_object_set_array_member (root, "reverse_proxies", g_steal_pointer (&reverse_proxies));

  certificates = build_certificates (plan, for_file, new_paths, error);
  if (certificates == NULL)
    return NULL;
  json_object_set_array_member (root, "certificates", certificates);

  append_extra_members (root, _cwa_object_get_extra_members (G_OBJECT (plan)));

  node = json_node_init_object (json_node_alloc (), root);
  cwa_json_writer_add_node (writer, node);

  return cwa_json_writer_free_to_bytes (g_steal_pointer (&writer));
}

GBytes *
cwa_plan_file_serialize (CwaPlan  *plan,
                         GFile    *for_file,
                         GError  **error)
{
  g_return_val_if_fail (CWA_IS_PLAN (plan), NULL);
  g_return_val_if_fail (for_file == NULL || G_IS_FILE (for_file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return serialize (plan, for_file, NULL, error);
}

/* mkstemp() makes the file private; a replaced plan keeps its mode, a new
 * one gets what the umask allows. */
static void
set_replaced_mode (int          fd,
                   const gchar *target)
{
  GStatBuf st;

  if (g_stat (target, &st) == 0)
    fchmod (fd, st.st_mode & 07777);
  else
    {
      mode_t mask = umask (0);

      umask (mask);
      fchmod (fd, 0666 & ~mask);
    }
}

/* FALSE with errno set when a write fails. */
static gboolean
write_all (int           fd,
           const guint8 *data,
           gsize         remaining)
{
  while (remaining > 0)
    {
      gssize n = write (fd, data, remaining);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      data += n;
      remaining -= (gsize) n;
    }

  return TRUE;
}

/* A temporary file beside @path, then a rename over it.  Not
 * g_file_replace_contents(): in GLib 2.74 it renames even after a failed
 * write (a full disk leaves a truncated plan), and when the folder is not
 * writable it overwrites the file in place. */
static gboolean
write_local_atomically (const gchar   *path,
                        GBytes        *bytes,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autofree gchar *target = NULL;
  g_autofree gchar *dir = NULL;
  g_autofree gchar *base = NULL;
  g_autofree gchar *tmp = NULL;
  int saved_errno;
  int fd;

  /* Through a symbolic link, replace what it points to, not the link. */
  target = g_file_test (path, G_FILE_TEST_IS_SYMLINK) ? realpath (path, NULL) : NULL;
  if (target == NULL)
    target = g_strdup (path);

  dir = g_path_get_dirname (target);
  base = g_path_get_basename (target);
  tmp = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);

  fd = g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "cannot create a file in %s (%s)", dir, g_strerror (saved_errno));
      return FALSE;
    }

  set_replaced_mode (fd, target);
  if (!write_all (fd, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes)))
    goto failed;

  if (fsync (fd) != 0)
    goto failed;
  if (close (fd) != 0)
    {
      fd = -1;
      goto failed;
    }
  fd = -1;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      g_unlink (tmp);
      return FALSE;
    }

  if (g_rename (tmp, target) != 0)
    goto failed;

  return TRUE;

failed:
  saved_errno = errno != 0 ? errno : EIO;
  if (fd >= 0)
    close (fd);
  g_unlink (tmp);
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               "%s", g_strerror (saved_errno));
  return FALSE;
}

/* For files without a local path (GVfs): g_file_replace(), and on a failed
 * write a close with a cancelled cancellable, which drops the temporary
 * file instead of renaming it over the old plan. */
static gboolean
write_atomically (GFile         *file,
                  GBytes        *bytes,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autofree gchar *path = g_file_get_path (file);
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize written = 0;

  if (path != NULL)
    return write_local_atomically (path, bytes, cancellable, error);

  out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, cancellable, error);
  if (out == NULL)
    return FALSE;

  if (!g_output_stream_write_all (G_OUTPUT_STREAM (out),
                                  g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  &written, cancellable, &local_error) ||
      !g_output_stream_flush (G_OUTPUT_STREAM (out), cancellable, &local_error))
    {
      g_autoptr(GCancellable) abandon = g_cancellable_new ();

      g_cancellable_cancel (abandon);
      g_output_stream_close (G_OUTPUT_STREAM (out), abandon, NULL);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return g_output_stream_close (G_OUTPUT_STREAM (out), cancellable, error);
}

/* The message for a failed write of @file; cancelling stays cancelling. */
static void
propagate_write_error (GFile   *file,
                       GError  *local_error,
                       GError **error)
{
  g_autofree gchar *display = cwa_plan_file_dup_display_name (file);

  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, local_error);
  else
    {
      g_set_error (error, CWA_PLAN_ERROR, CWA_PLAN_ERROR_IO,
                   "%s could not be saved: %s. Save it to a folder you can write to, "
                   "or free some space; the file on disk was not changed.",
                   display, local_error->message);
      g_error_free (local_error);
    }
}

/* After a write: the plan is @file's, relative certificate paths are
 * relative to its folder (@new_paths, from serialize()), and it is no
 * longer modified unless it changed while it was written (@changed). */
static void
apply_saved (CwaPlan    *plan,
             GFile      *file,
             GHashTable *new_paths,
             gboolean    changed)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, new_paths);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      CwaPlanEntrySource *source = (CwaPlanEntrySource *) _cwa_plan_get_entry_source (plan, key);

      if (source != NULL && g_strcmp0 (source->file, value) != 0)
        {
          g_free (source->file);
          source->file = g_strdup (value);
        }
    }

  cwa_plan_set_file (plan, file);
  if (!changed)
    cwa_plan_set_modified (plan, FALSE);
}

gboolean
cwa_plan_file_save (CwaPlan       *plan,
                    GFile         *file,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(GHashTable) new_paths = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (CWA_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  new_paths = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  bytes = serialize (plan, file, new_paths, error);
  if (bytes == NULL)
    return FALSE;

  if (!write_atomically (file, bytes, cancellable, &local_error))
    {
      propagate_write_error (file, local_error, error);
      return FALSE;
    }

  apply_saved (plan, file, new_paths, FALSE);
  return TRUE;
}

/* Saving in a worker thread: the plan is read into bytes on the calling
 * thread (the model is not thread-safe), only the write runs in the
 * thread, and the plan is updated back on the calling thread. */

static const gchar save_source_tag[] = "cwa_plan_file_save_async";

typedef struct
{
  CwaPlan    *plan;
  GFile      *file;
  GBytes     *bytes;
  GHashTable *new_paths;
  gulong      changed_id;
  gboolean    changed;
} SaveData;

static void
save_data_free (gpointer data)
{
  SaveData *save = data;

  if (save->changed_id != 0)
    g_clear_signal_handler (&save->changed_id, save->plan);
  g_clear_object (&save->plan);
  g_clear_object (&save->file);
  g_clear_pointer (&save->bytes, g_bytes_unref);
  g_clear_pointer (&save->new_paths, g_hash_table_unref);
  g_free (save);
}

static void
save_changed_cb (CwaPlan  *plan,
                 SaveData *save)
{
  save->changed = TRUE;
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *save = task_data;
  GError *local_error = NULL;
  GError *error = NULL;

  if (write_atomically (save->file, save->bytes, cancellable, &local_error))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  propagate_write_error (save->file, local_error, &error);
  g_task_return_error (task, error);
}

void
cwa_plan_file_save_async (CwaPlan             *plan,
                          GFile               *file,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  SaveData *save;

  g_return_if_fail (CWA_IS_PLAN (plan));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (plan, cancellable, callback, user_data);
  g_task_set_source_tag (task, (gpointer) save_source_tag);

  save = g_new0 (SaveData, 1);
  save->plan = g_object_ref (plan);
  save->file = g_object_ref (file);
  save->new_paths = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_task_set_task_data (task, save, save_data_free);

  save->bytes = serialize (plan, file, save->new_paths, &error);
  if (save->bytes == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  save->changed_id = g_signal_connect (plan, "changed", G_CALLBACK (save_changed_cb), save);
  g_task_run_in_thread (task, save_thread);
}

gboolean
cwa_plan_file_save_finish (CwaPlan       *plan,
                           GAsyncResult  *result,
                           GError       **error)
{
  SaveData *save;

  g_return_val_if_fail (CWA_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, plan), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == save_source_tag, FALSE);

  save = g_task_get_task_data (G_TASK (result));
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  apply_saved (plan, save->file, save->new_paths, save->changed);
  return TRUE;
}

/* cwa-plan-notices.c: notices about a plan file that do not stop it loading:
 * unknown keys.  Works on the parsed tree and the locator's positions only,
 * apart from the reader, which keeps unknown keys for the next save.  The
 * words follow cwa_rule_text_set_translated(), as rule messages do: English
 * on the command line, the user's language in the window's notice bar. */
#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "cwa-json-locator.h"
#include "cwa-file-read.h"
#include "cwa-plan-file.h"
#include "cwa-plan-notices.h"
#include "cwa-rule-text.h"
#include "cwa-suggest.h"

/* The shape of a plan (plan-format.md): the keys each object may have and
 * the members that hold objects or arrays of objects. */
typedef struct _Shape Shape;
typedef struct
{
  const gchar *member;
  const Shape *shape;
  gboolean     array;
} Child;

struct _Shape
{
  const gchar * const *keys;
  const Child         *children;
};

static const gchar * const vs_keys[] = {
  "url", "audience", "listen", "as_url", "download_url", "ssl_certificate", NULL
};
static const Shape vs_shape = { vs_keys, NULL };

static const gchar * const server_keys[] = { "fqdn", "mtls_certificate", "virtual_servers", NULL };
static const Child server_children[] = { { "virtual_servers", &vs_shape, TRUE }, { NULL } };
static const Shape server_shape = { server_keys, server_children };

static const gchar * const certificate_keys[] = { "id", "file", "pem", "sha256", NULL };
static const Shape certificate_shape = { certificate_keys, NULL };

static const gchar * const settings_keys[] = { "expiry_warning_days", NULL };
static const Shape settings_shape = { settings_keys, NULL };

static const gchar * const lb_keys[] = {
  "fqdn", "vip", "members", "ssl_offload", "ssl_certificate", NULL
};
static const Shape lb_shape = { lb_keys, NULL };

static const gchar * const rule_keys[] = {
  "published_url", "listen", "listener_certificate", "virtual_server", "internal_host",
  "internal_address", "as_url", "download_url", NULL
};
static const Shape rule_shape = { rule_keys, NULL };

static const gchar * const proxy_keys[] = {
  "fqdn", "product", "trusted_certificates", "publishing_rules", NULL
};
static const Child proxy_children[] = { { "publishing_rules", &rule_shape, TRUE }, { NULL } };
static const Shape proxy_shape = { proxy_keys, proxy_children };

static const gchar * const root_keys[] = {
  "format", "version", "name", "settings", "servers", "certificates", "load_balancers",
  "reverse_proxies", NULL
};
static const Child root_children[] = {
  { "settings", &settings_shape, FALSE },
  { "servers", &server_shape, TRUE },
  { "certificates", &certificate_shape, TRUE },
  { "load_balancers", &lb_shape, TRUE },
  { "reverse_proxies", &proxy_shape, TRUE },
  { NULL }
};
static const Shape root_shape = { root_keys, root_children };

typedef struct
{
  CwaJsonLocator *locator;
  const gchar    *display_name;
  GPtrArray      *notices;
} Walk;

static gchar *
join_path (const gchar *parent,
           const gchar *member)
{
  return *parent == '\0' ? g_strdup (member) : g_strdup_printf ("%s.%s", parent, member);
}

static void
add_notice (Walk        *walk,
            const gchar *path,
            const gchar *key,
            const Shape *shape)
{
  g_autofree gchar *key_path = join_path (path, key);
  const gchar *nearest = cwa_suggest_nearest (key, shape->keys);
  g_autoptr(GString) line = g_string_new (walk->display_name);
  guint row = 0;
  guint column = 0;

  if (cwa_json_locator_lookup (walk->locator, key_path, &row, &column))
    g_string_append_printf (line, ":%u:%u", row, column);
  g_string_append (line, ": ");
  if (*path != '\0')
    /* Translators: a notice about a plan file, after its name and line; the
     * first %s is a JSON key, the second the object it is in, such as
     * servers[0].virtual_servers[0] */
    g_string_append_printf (line, R_("notice: unknown key \"%s\" in %s is kept but not used"), key, path);
  else
    /* Translators: a notice about a plan file, after its name and line; %s is a JSON key */
    g_string_append_printf (line, R_("notice: unknown key \"%s\" in the plan is kept but not used"), key);
  if (nearest != NULL)
    /* Translators: after a notice about an unknown key; %s is the known key it looks like */
    g_string_append_printf (line, R_(" (did you mean \"%s\"?)"), nearest);
  g_ptr_array_add (walk->notices, g_string_free (g_steal_pointer (&line), FALSE));
}

static void walk_object (Walk        *walk,
                         JsonObject  *object,
                         const gchar *path,
                         const Shape *shape);

static void
walk_child (Walk        *walk,
            JsonNode    *node,
            const gchar *path,
            const Child *child)
{
  if (!child->array)
    {
      if (JSON_NODE_HOLDS_OBJECT (node))
        walk_object (walk, json_node_get_object (node), path, child->shape);
      return;
    }

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return;

  for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
    {
      JsonNode *element = json_array_get_element (json_node_get_array (node), i);
      g_autofree gchar *element_path = g_strdup_printf ("%s[%u]", path, i);

      if (JSON_NODE_HOLDS_OBJECT (element))
        walk_object (walk, json_node_get_object (element), element_path, child->shape);
    }
}

/* Members in document order, so the notices read top to bottom. */
static void
walk_object (Walk        *walk,
             JsonObject  *object,
             const gchar *path,
             const Shape *shape)
{
  JsonObjectIter iter;
  const gchar *member;
  JsonNode *node;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &member, &node))
    {
      const Child *child = NULL;
      g_autofree gchar *member_path = NULL;

      if (!g_strv_contains (shape->keys, member))
        {
          add_notice (walk, path, member, shape);
          continue;
        }

      for (guint i = 0; shape->children != NULL && shape->children[i].member != NULL; i++)
        {
          if (g_str_equal (shape->children[i].member, member))
            child = &shape->children[i];
        }
      if (child == NULL)
        continue;

      member_path = join_path (path, member);
      walk_child (walk, node, member_path, child);
    }
}

GStrv
cwa_plan_notices_find_unknown_keys (const gchar *text,
                                    gssize       length,
                                    const gchar *display_name)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(CwaJsonLocator) locator = NULL;
  g_autoptr(GPtrArray) notices = g_ptr_array_new_with_free_func (g_free);
  JsonNode *root;
  gsize size;
  Walk walk;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  size = length < 0 ? strlen (text) : (gsize) length;
  locator = cwa_json_locator_new (text, size, NULL, NULL, NULL);
  if (locator != NULL && json_parser_load_from_data (parser, text, size, NULL))
    {
      root = json_parser_get_root (parser);
      if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
        {
          walk = (Walk) { locator, display_name, notices };
          walk_object (&walk, json_node_get_object (root), "", &root_shape);
        }
    }

  g_ptr_array_add (notices, NULL);
  return (GStrv) g_ptr_array_steal (notices, NULL);
}

GStrv
cwa_plan_notices_find_unknown_keys_in_file (GFile        *file,
                                            GCancellable *cancellable,
                                            GError      **error)
{
  g_autoptr(GBytes) contents = NULL;
  g_autofree gchar *name = NULL;
  gsize length = 0;
  const gchar *text;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  contents = cwa_file_read_bounded (file, CWA_PLAN_MAX_SIZE, cancellable, error);
  if (contents == NULL)
    return NULL;

  name = cwa_plan_file_dup_display_name (file);
  text = g_bytes_get_data (contents, &length);
  return cwa_plan_notices_find_unknown_keys (text != NULL ? text : "", (gssize) length, name);
}

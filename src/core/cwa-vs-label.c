/* cwa-vs-label.c: the name a virtual server goes by in reports, the command line and the window. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cwa-rule-context.h"
#include "cwa-server.h"
#include "cwa-vs-label.h"

/* What the label adds to the host, in the order tried. */
typedef enum
{
  QUALIFY_PORT,
  QUALIFY_AUDIENCE,
  QUALIFY_PORT_AUDIENCE,
  QUALIFY_LISTEN,
  QUALIFY_POSITION,
} Qualifier;

/* The virtual servers of @virtual_server's computer with its URL host, in
 * plan order (element type CwaVirtualServer, owned references); only
 * @virtual_server itself while it is on no computer. */
static GPtrArray *
dup_same_host (CwaVirtualServer *virtual_server)
{
  CwaServer *server = cwa_virtual_server_get_server (virtual_server);
  GPtrArray *same = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *list;
  guint n;

  if (server == NULL)
    {
      g_ptr_array_add (same, g_object_ref (virtual_server));
      return same;
    }

  list = cwa_server_get_virtual_servers (server);
  n = g_list_model_get_n_items (list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CwaVirtualServer) vs = g_list_model_get_item (list, i);

      if (g_strcmp0 (cwa_virtual_server_get_host (vs), cwa_virtual_server_get_host (virtual_server)) == 0)
        g_ptr_array_add (same, g_steal_pointer (&vs));
    }
  return same;
}

/* The part of @vs that @qualifier compares, as a string for comparison. */
static gchar *
dup_key (CwaVirtualServer *vs,
         Qualifier         qualifier)
{
  switch (qualifier)
    {
    case QUALIFY_PORT:
      return g_strdup_printf ("%u", cwa_virtual_server_get_port (vs));
    case QUALIFY_AUDIENCE:
      return g_strdup_printf ("%d", cwa_virtual_server_get_audience (vs));
    case QUALIFY_PORT_AUDIENCE:
      return g_strdup_printf ("%u %d", cwa_virtual_server_get_port (vs), cwa_virtual_server_get_audience (vs));
    case QUALIFY_LISTEN:
      {
        g_autofree gchar *listen = cwa_virtual_server_dup_effective_listen (vs);

        return g_ascii_strdown (listen, -1);
      }
    case QUALIFY_POSITION:
    default:
      return NULL;
    }
}

static gboolean
keys_distinct (GPtrArray *same,
               Qualifier  qualifier)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < same->len; i++)
    {
      gchar *key = dup_key (g_ptr_array_index (same, i), qualifier);

      if (!g_hash_table_add (seen, key))
        return FALSE;
    }
  return TRUE;
}

static Qualifier
pick_qualifier (GPtrArray *same)
{
  for (Qualifier q = QUALIFY_PORT; q < QUALIFY_POSITION; q++)
    if (keys_distinct (same, q))
      return q;
  return QUALIFY_POSITION;
}

/* @format itself for English, its translation otherwise; marked as a
 * format argument so that the compiler still checks the call. */
G_GNUC_FORMAT (2)
static const gchar *
localise (CwaLabelLanguage  language,
          const gchar      *format)
{
  return language == CWA_LABEL_TRANSLATED ? g_dgettext (GETTEXT_PACKAGE, format) : format;
}

static gchar *
format_label (CwaVirtualServer *vs,
              const gchar      *host,
              Qualifier         qualifier,
              guint             position,
              CwaLabelLanguage  language)
{
  gboolean external = cwa_virtual_server_get_audience (vs) == CWA_AUDIENCE_EXTERNAL;
  guint port = cwa_virtual_server_get_port (vs);
  g_autofree gchar *listen = NULL;

  switch (qualifier)
    {
    case QUALIFY_PORT:
      return g_strdup_printf ("%s:%u", host, port);
    case QUALIFY_AUDIENCE:
      return external ? g_strdup_printf (localise (language, N_("%s (external)")), host)
                      : g_strdup_printf (localise (language, N_("%s (internal)")), host);
    case QUALIFY_PORT_AUDIENCE:
      return external ? g_strdup_printf (localise (language, N_("%s:%u (external)")), host, port)
                      : g_strdup_printf (localise (language, N_("%s:%u (internal)")), host, port);
    case QUALIFY_LISTEN:
      listen = cwa_virtual_server_dup_effective_listen (vs);
      /* Translators: a virtual server told apart from another with the same
       * host by the address and port it listens on */
      return g_strdup_printf (localise (language, N_("%s (listening on %s)")), host, listen);
    case QUALIFY_POSITION:
    default:
      /* Translators: the last resort to tell apart virtual servers with the
       * same host, port, audience and binding: their position on the computer */
      return g_strdup_printf (localise (language, N_("%s (virtual server %u)")), host, position);
    }
}

gchar *
cwa_vs_label_dup (CwaVirtualServer *virtual_server,
                  CwaLabelLanguage  language)
{
  g_autofree gchar *host = NULL;
  g_autoptr(GPtrArray) same = NULL;
  guint position = 0;

  g_return_val_if_fail (CWA_IS_VIRTUAL_SERVER (virtual_server), NULL);

  host = cwa_rule_dup_vs_name (virtual_server);
  same = dup_same_host (virtual_server);
  if (same->len < 2)
    return g_steal_pointer (&host);

  g_ptr_array_find (same, virtual_server, &position);
  return format_label (virtual_server, host, pick_qualifier (same), position + 1, language);
}

gboolean
cwa_vs_label_is_qualified (CwaVirtualServer *virtual_server)
{
  g_autoptr(GPtrArray) same = NULL;

  g_return_val_if_fail (CWA_IS_VIRTUAL_SERVER (virtual_server), FALSE);

  same = dup_same_host (virtual_server);
  return same->len > 1;
}

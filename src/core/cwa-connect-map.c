/* cwa-connect-map.c: curl's --resolve and --connect-to entries, parsed once and looked up per endpoint. */
#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "cwa-connect-map.h"
#include "cwa-names.h"

typedef struct
{
  gchar *host;          /* NULL: any host */
  guint  port;          /* 0: any port */
  GStrv  addresses;     /* --resolve */
  gchar *connect_host;  /* --connect-to; NULL: the same host */
  guint  connect_port;  /* --connect-to; 0: the same port */
} Entry;

struct _CwaConnectMap
{
  GPtrArray *resolve;     /* Entry */
  GPtrArray *connect_to;  /* Entry */
};

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_free (entry->host);
  g_strfreev (entry->addresses);
  g_free (entry->connect_host);
  g_free (entry);
}

CwaConnectMap *
cwa_connect_map_new (void)
{
  CwaConnectMap *self = g_new0 (CwaConnectMap, 1);

  self->resolve = g_ptr_array_new_with_free_func (entry_free);
  self->connect_to = g_ptr_array_new_with_free_func (entry_free);

  return self;
}

void
cwa_connect_map_free (CwaConnectMap *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->resolve);
  g_ptr_array_unref (self->connect_to);
  g_free (self);
}

/* Splits @text at the colons outside "[...]": what curl does, so that an
 * IPv6 address in brackets stays one field.  At most @max fields; the last
 * takes the rest. */
static GStrv
split_fields (const gchar *text,
              guint        max)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  const gchar *start = text;
  gboolean in_brackets = FALSE;
  guint n = 0;
  GStrv fields;

  for (const gchar *p = text; *p != '\0'; p++)
    {
      if (*p == '[')
        in_brackets = TRUE;
      else if (*p == ']')
        in_brackets = FALSE;
      else if (*p == ':' && !in_brackets && n + 1 < max)
        {
          g_autofree gchar *field = g_strndup (start, p - start);

          g_strv_builder_add (builder, field);
          start = p + 1;
          n++;
        }
    }
  g_strv_builder_add (builder, start);
  fields = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  return fields;
}

static gchar *
strip_brackets (const gchar *text)
{
  gsize length = strlen (text);

  if (length >= 2 && text[0] == '[' && text[length - 1] == ']')
    return g_strndup (text + 1, length - 2);

  return g_strdup (text);
}

/* An empty field is "any" (0) where @empty_ok allows it. */
static gboolean
parse_port (const gchar *text,
            gboolean     empty_ok,
            guint       *port)
{
  guint64 value = 0;

  if (*text == '\0')
    {
      *port = 0;
      return empty_ok;
    }

  if (!g_ascii_string_to_unsigned (text, 10, 1, 65535, &value, NULL))
    return FALSE;

  *port = (guint) value;
  return TRUE;
}

/* The host of an entry: NULL for "any" (empty, or "*" where allowed). */
static gboolean
parse_host (const gchar  *text,
            gboolean      any_ok,
            gchar       **host)
{
  g_autofree gchar *bare = strip_brackets (text);

  *host = NULL;
  if (*bare == '\0' || g_str_equal (bare, "*"))
    return any_ok;

  if (g_hostname_is_ip_address (bare))
    {
      *host = g_steal_pointer (&bare);
      return TRUE;
    }

  *host = cwa_name_normalize (bare, NULL);
  return *host != NULL;
}

gboolean
cwa_connect_map_add_resolve (CwaConnectMap *self,
                             const gchar   *entry,
                             GError       **error)
{
  g_auto(GStrv) fields = NULL;
  g_auto(GStrv) addresses = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  Entry *parsed;
  g_autofree gchar *host = NULL;
  guint port = 0;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (entry != NULL, FALSE);

  fields = split_fields (entry[0] == '+' ? entry + 1 : entry, 3);
  if (g_strv_length (fields) != 3 || !parse_host (fields[0], TRUE, &host) ||
      !parse_port (fields[1], FALSE, &port) || *fields[2] == '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "--resolve “%s” is not HOST:PORT:ADDRESS; write it like im.contoso.com:443:127.0.0.2.",
                   entry);
      return FALSE;
    }

  addresses = g_strsplit (fields[2], ",", -1);
  builder = g_strv_builder_new ();
  for (guint i = 0; addresses[i] != NULL; i++)
    {
      g_autofree gchar *address = strip_brackets (g_strstrip (addresses[i]));

      if (!g_hostname_is_ip_address (address))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       "--resolve “%s”: “%s” is not an IP address; give IPv4 addresses or IPv6 ones in brackets.",
                       entry, addresses[i]);
          return FALSE;
        }
      g_strv_builder_add (builder, address);
    }

  parsed = g_new0 (Entry, 1);
  parsed->host = g_steal_pointer (&host);
  parsed->port = port;
  parsed->addresses = g_strv_builder_end (builder);
  g_ptr_array_add (self->resolve, parsed);

  return TRUE;
}

gboolean
cwa_connect_map_add_connect_to (CwaConnectMap *self,
                                const gchar   *entry,
                                GError       **error)
{
  g_auto(GStrv) fields = NULL;
  g_autofree gchar *host = NULL;
  g_autofree gchar *connect_host = NULL;
  guint port = 0;
  guint connect_port = 0;
  Entry *parsed;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (entry != NULL, FALSE);

  fields = split_fields (entry, 4);
  if (g_strv_length (fields) != 4 || !parse_host (fields[0], TRUE, &host) ||
      !parse_port (fields[1], TRUE, &port) || !parse_host (fields[2], TRUE, &connect_host) ||
      !parse_port (fields[3], TRUE, &connect_port))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "--connect-to “%s” is not HOST:PORT:CONNECT-HOST:CONNECT-PORT; write it like im.contoso.com:443:127.0.0.2:8443.",
                   entry);
      return FALSE;
    }

  parsed = g_new0 (Entry, 1);
  parsed->host = g_steal_pointer (&host);
  parsed->port = port;
  parsed->connect_host = g_steal_pointer (&connect_host);
  parsed->connect_port = connect_port;
  g_ptr_array_add (self->connect_to, parsed);

  return TRUE;
}

static gboolean
entry_matches (const Entry *entry,
               const gchar *host,
               guint        port)
{
  if (entry->port != 0 && port != 0 && entry->port != port)
    return FALSE;

  return entry->host == NULL || cwa_name_equal (entry->host, host) ||
         g_ascii_strcasecmp (entry->host, host) == 0;
}

gboolean
cwa_connect_map_lookup_connect_to (CwaConnectMap *self,
                                   const gchar   *host,
                                   guint          port,
                                   gchar        **connect_host,
                                   guint         *connect_port)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (host != NULL && port != 0, FALSE);

  for (guint i = 0; i < self->connect_to->len; i++)
    {
      const Entry *entry = g_ptr_array_index (self->connect_to, i);

      if (!entry_matches (entry, host, port))
        continue;

      *connect_host = g_strdup (entry->connect_host != NULL ? entry->connect_host : host);
      *connect_port = entry->connect_port != 0 ? entry->connect_port : port;
      return TRUE;
    }

  return FALSE;
}

GStrv
cwa_connect_map_lookup_resolve (CwaConnectMap *self,
                                const gchar   *host,
                                guint          port)
{
  GStrvBuilder *builder;
  gboolean found = FALSE;
  GStrv addresses;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (host != NULL, NULL);

  /* Every matching entry counts: the DNS comparison reads all ports. */
  builder = g_strv_builder_new ();
  for (guint i = 0; i < self->resolve->len; i++)
    {
      const Entry *entry = g_ptr_array_index (self->resolve, i);

      if (!entry_matches (entry, host, port))
        continue;

      for (guint j = 0; entry->addresses[j] != NULL; j++)
        {
          g_strv_builder_add (builder, entry->addresses[j]);
        }
      found = TRUE;
      if (port != 0)
        break;
    }
  addresses = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  if (!found)
    g_clear_pointer (&addresses, g_strfreev);

  return addresses;
}

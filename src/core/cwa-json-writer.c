/* cwa-json-writer.c: the one JSON text writer; layout as cli.md shows it, RFC 8259 escapes. */
#include "config.h"

#include <string.h>

#include "cwa-json-writer.h"

/* Why not json-glib's JsonGenerator: in json-glib 1.6 it writes members as
 * `"key" : value` where cli.md and plan-format.md show `"key": value`
 * (reports and plans are read by people and diffed as text), and it leaves
 * U+001F unescaped, which RFC 8259 forbids, so a certificate field with that
 * byte would make the whole document invalid JSON.  It also needs the whole
 * tree in memory, where `inspect` streams. */

typedef struct
{
  gboolean object;
  guint    n_items;
} Level;

struct _CwaJsonWriter
{
  GString *out;
  GArray  *levels; /* Level, innermost last */
  gboolean named;  /* a member name was written and awaits its value */
};

CwaJsonWriter *
cwa_json_writer_new (void)
{
  CwaJsonWriter *writer = g_new0 (CwaJsonWriter, 1);

  writer->out = g_string_new (NULL);
  writer->levels = g_array_new (FALSE, FALSE, sizeof (Level));
  return writer;
}

void
cwa_json_writer_free (CwaJsonWriter *writer)
{
  if (writer == NULL)
    return;

  g_string_free (writer->out, TRUE);
  g_array_unref (writer->levels);
  g_free (writer);
}

static void
append_escaped (GString     *out,
                const gchar *value)
{
  static const gchar hex[] = "0123456789abcdef";
  g_autofree gchar  *valid = NULL;
  const guchar      *p;
  const guchar      *run;

  /* JSON is UTF-8: a stray byte from a T61String becomes U+FFFD rather
   * than making the whole document unreadable. */
  if (!g_utf8_validate (value, -1, NULL))
    value = valid = g_utf8_make_valid (value, -1);

  g_string_append_c (out, '"');
  /* Copy runs of plain bytes at once; UTF-8 passes through unchanged. */
  run = (const guchar *) value;
  for (p = run; *p != '\0'; p++)
    {
      if (*p >= 0x20 && *p != '"' && *p != '\\')
        continue;

      g_string_append_len (out, (const gchar *) run, (const gchar *) p - (const gchar *) run);
      run = p + 1;
      switch (*p)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        case '\b':
          g_string_append (out, "\\b");
          break;
        case '\f':
          g_string_append (out, "\\f");
          break;
        default:
          g_string_append (out, "\\u00");
          g_string_append_c (out, hex[*p >> 4]);
          g_string_append_c (out, hex[*p & 0xf]);
          break;
        }
    }
  g_string_append_len (out, (const gchar *) run, (const gchar *) p - (const gchar *) run);
  g_string_append_c (out, '"');
}

gchar *
cwa_json_quote (const gchar *text)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (text != NULL, NULL);

  append_escaped (out, text);
  return g_string_free (out, FALSE);
}

static void
append_indent (GString *out,
               guint    depth)
{
  for (guint i = 0; i < depth; i++)
    g_string_append (out, "  ");
}

/* Before any value: the separator and indent its container asks for, unless
 * a member name already wrote them. */
static void
begin_value (CwaJsonWriter *writer)
{
  Level *level;

  if (writer->named)
    {
      writer->named = FALSE;
      return;
    }
  if (writer->levels->len == 0)
    return;

  level = &g_array_index (writer->levels, Level, writer->levels->len - 1);
  g_return_if_fail (!level->object);
  g_string_append (writer->out, level->n_items > 0 ? ",\n" : "\n");
  append_indent (writer->out, writer->levels->len);
  level->n_items++;
}

void
cwa_json_writer_set_member_name (CwaJsonWriter *writer,
                                 const gchar   *name)
{
  Level *level;

  g_return_if_fail (writer != NULL);
  g_return_if_fail (name != NULL);
  g_return_if_fail (writer->levels->len > 0 && !writer->named);

  level = &g_array_index (writer->levels, Level, writer->levels->len - 1);
  g_return_if_fail (level->object);
  g_string_append (writer->out, level->n_items > 0 ? ",\n" : "\n");
  append_indent (writer->out, writer->levels->len);
  append_escaped (writer->out, name);
  g_string_append (writer->out, ": ");
  level->n_items++;
  writer->named = TRUE;
}

static void
begin_container (CwaJsonWriter *writer,
                 gboolean       object)
{
  Level level = { object, 0 };

  begin_value (writer);
  g_string_append_c (writer->out, object ? '{' : '[');
  g_array_append_val (writer->levels, level);
}

static void
end_container (CwaJsonWriter *writer,
               gboolean       object)
{
  Level level;

  g_return_if_fail (writer->levels->len > 0 && !writer->named);

  level = g_array_index (writer->levels, Level, writer->levels->len - 1);
  g_return_if_fail (level.object == object);
  g_array_set_size (writer->levels, writer->levels->len - 1);
  if (level.n_items > 0)
    {
      g_string_append_c (writer->out, '\n');
      append_indent (writer->out, writer->levels->len);
    }
  g_string_append_c (writer->out, object ? '}' : ']');
}

void
cwa_json_writer_begin_object (CwaJsonWriter *writer)
{
  g_return_if_fail (writer != NULL);

  begin_container (writer, TRUE);
}

void
cwa_json_writer_end_object (CwaJsonWriter *writer)
{
  g_return_if_fail (writer != NULL);

  end_container (writer, TRUE);
}

void
cwa_json_writer_begin_array (CwaJsonWriter *writer)
{
  g_return_if_fail (writer != NULL);

  begin_container (writer, FALSE);
}

void
cwa_json_writer_end_array (CwaJsonWriter *writer)
{
  g_return_if_fail (writer != NULL);

  end_container (writer, FALSE);
}

void
cwa_json_writer_add_string (CwaJsonWriter *writer,
                            const gchar   *value)
{
  g_return_if_fail (writer != NULL);

  begin_value (writer);
  if (value != NULL)
    append_escaped (writer->out, value);
  else
    g_string_append (writer->out, "null");
}

void
cwa_json_writer_add_int (CwaJsonWriter *writer,
                         gint64         value)
{
  g_return_if_fail (writer != NULL);

  begin_value (writer);
  g_string_append_printf (writer->out, "%" G_GINT64_FORMAT, value);
}

void
cwa_json_writer_add_double (CwaJsonWriter *writer,
                            gdouble        value)
{
  gchar buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_if_fail (writer != NULL);

  begin_value (writer);
  g_ascii_formatd (buf, sizeof buf, "%.15g", value);
  if (g_ascii_strtod (buf, NULL) != value)
    g_ascii_formatd (buf, sizeof buf, "%.17g", value);

  g_string_append (writer->out, buf);
  if (strpbrk (buf, ".eEni") == NULL)
    g_string_append (writer->out, ".0");
}

void
cwa_json_writer_add_boolean (CwaJsonWriter *writer,
                             gboolean       value)
{
  g_return_if_fail (writer != NULL);

  begin_value (writer);
  g_string_append (writer->out, value ? "true" : "false");
}

void
cwa_json_writer_add_null (CwaJsonWriter *writer)
{
  g_return_if_fail (writer != NULL);

  begin_value (writer);
  g_string_append (writer->out, "null");
}

void
cwa_json_writer_add_strv (CwaJsonWriter       *writer,
                          const gchar * const *values)
{
  g_return_if_fail (writer != NULL);

  cwa_json_writer_begin_array (writer);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    cwa_json_writer_add_string (writer, values[i]);
  cwa_json_writer_end_array (writer);
}

static void
add_value_node (CwaJsonWriter *writer,
                JsonNode      *node)
{
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      cwa_json_writer_add_string (writer, json_node_get_string (node));
      break;
    case G_TYPE_INT64:
      cwa_json_writer_add_int (writer, json_node_get_int (node));
      break;
    case G_TYPE_DOUBLE:
      cwa_json_writer_add_double (writer, json_node_get_double (node));
      break;
    case G_TYPE_BOOLEAN:
      cwa_json_writer_add_boolean (writer, json_node_get_boolean (node));
      break;
    default:
      cwa_json_writer_add_null (writer);
      break;
    }
}

void
cwa_json_writer_add_node (CwaJsonWriter *writer,
                          JsonNode      *node)
{
  g_return_if_fail (writer != NULL);
  g_return_if_fail (node != NULL);

  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        const gchar   *name;
        JsonNode      *member;

        cwa_json_writer_begin_object (writer);
        json_object_iter_init_ordered (&iter, json_node_get_object (node));
        while (json_object_iter_next_ordered (&iter, &name, &member))
          {
            cwa_json_writer_set_member_name (writer, name);
            cwa_json_writer_add_node (writer, member);
          }
        cwa_json_writer_end_object (writer);
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint      n = json_array_get_length (array);

        cwa_json_writer_begin_array (writer);
        for (guint i = 0; i < n; i++)
          cwa_json_writer_add_node (writer, json_array_get_element (array, i));
        cwa_json_writer_end_array (writer);
      }
      break;

    case JSON_NODE_VALUE:
      add_value_node (writer, node);
      break;

    case JSON_NODE_NULL:
    default:
      cwa_json_writer_add_null (writer);
      break;
    }
}

void
cwa_json_writer_add_string_member (CwaJsonWriter *writer,
                                   const gchar   *name,
                                   const gchar   *value)
{
  cwa_json_writer_set_member_name (writer, name);
  cwa_json_writer_add_string (writer, value);
}

void
cwa_json_writer_add_int_member (CwaJsonWriter *writer,
                                const gchar   *name,
                                gint64         value)
{
  cwa_json_writer_set_member_name (writer, name);
  cwa_json_writer_add_int (writer, value);
}

void
cwa_json_writer_add_boolean_member (CwaJsonWriter *writer,
                                    const gchar   *name,
                                    gboolean       value)
{
  cwa_json_writer_set_member_name (writer, name);
  cwa_json_writer_add_boolean (writer, value);
}

void
cwa_json_writer_add_strv_member (CwaJsonWriter       *writer,
                                 const gchar         *name,
                                 const gchar * const *values)
{
  cwa_json_writer_set_member_name (writer, name);
  cwa_json_writer_add_strv (writer, values);
}

gchar *
cwa_json_writer_free_to_text (CwaJsonWriter *writer)
{
  gchar *text;

  g_return_val_if_fail (writer != NULL, NULL);
  g_warn_if_fail (writer->levels->len == 0 && !writer->named);

  g_string_append_c (writer->out, '\n');
  text = g_string_free (writer->out, FALSE);
  writer->out = NULL;
  g_array_unref (writer->levels);
  g_free (writer);
  return text;
}

GBytes *
cwa_json_writer_free_to_bytes (CwaJsonWriter *writer)
{
  gchar *text = cwa_json_writer_free_to_text (writer);

  return g_bytes_new_take (text, strlen (text));
}

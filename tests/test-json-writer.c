/* test-json-writer.c: the one JSON writer: layout, escapes, nesting, and that json-glib reads back what it wrote. */
#include <string.h>

#include <json-glib/json-glib.h>

#include "cwa-json-writer.h"

/* Parses @text with json-glib (a strict RFC 8259 reader) and returns the
 * root, failing the test if it is not valid JSON. */
static JsonNode *
parse_back (const gchar *text)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError)     error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static gchar *
write_one_string (const gchar *value)
{
  CwaJsonWriter *writer = cwa_json_writer_new ();

  cwa_json_writer_begin_array (writer);
  cwa_json_writer_add_string (writer, value);
  cwa_json_writer_end_array (writer);
  return cwa_json_writer_free_to_text (writer);
}

static void
test_json_writer_layout (void)
{
  CwaJsonWriter      *writer = cwa_json_writer_new ();
  const gchar * const san[] = { "im.contoso.com", "as.im.contoso.com", NULL };
  g_autofree gchar   *text = NULL;

  cwa_json_writer_begin_object (writer);
  cwa_json_writer_add_string_member (writer, "name", "Contoso");
  cwa_json_writer_add_int_member (writer, "version", 1);
  cwa_json_writer_add_boolean_member (writer, "ready", FALSE);
  cwa_json_writer_add_string_member (writer, "file", NULL);
  cwa_json_writer_add_strv_member (writer, "san", san);
  cwa_json_writer_add_strv_member (writer, "eku", NULL);
  cwa_json_writer_set_member_name (writer, "empty");
  cwa_json_writer_begin_object (writer);
  cwa_json_writer_end_object (writer);
  cwa_json_writer_set_member_name (writer, "nested");
  cwa_json_writer_begin_array (writer);
  cwa_json_writer_begin_object (writer);
  cwa_json_writer_set_member_name (writer, "key");
  cwa_json_writer_begin_object (writer);
  cwa_json_writer_add_int_member (writer, "bits", 2048);
  cwa_json_writer_end_object (writer);
  cwa_json_writer_end_object (writer);
  cwa_json_writer_add_null (writer);
  cwa_json_writer_end_array (writer);
  cwa_json_writer_end_object (writer);
  text = cwa_json_writer_free_to_text (writer);

  g_assert_cmpstr (text, ==,
                   "{\n"
                   "  \"name\": \"Contoso\",\n"
                   "  \"version\": 1,\n"
                   "  \"ready\": false,\n"
                   "  \"file\": null,\n"
                   "  \"san\": [\n"
                   "    \"im.contoso.com\",\n"
                   "    \"as.im.contoso.com\"\n"
                   "  ],\n"
                   "  \"eku\": [],\n"
                   "  \"empty\": {},\n"
                   "  \"nested\": [\n"
                   "    {\n"
                   "      \"key\": {\n"
                   "        \"bits\": 2048\n"
                   "      }\n"
                   "    },\n"
                   "    null\n"
                   "  ]\n"
                   "}\n");
}

/* Every control character is escaped (RFC 8259 §7), U+001F included, which
 * json-glib's generator leaves raw; and json-glib reads each one back. */
static void
test_json_writer_control_characters (void)
{
  for (guint c = 1; c < 0x20; c++)
    {
      gchar                value[] = { 'a', (gchar) c, 'b', '\0' };
      g_autofree gchar    *text = write_one_string (value);
      g_autoptr (JsonNode) root = parse_back (text);

      for (const gchar *p = text; *p != '\0'; p++)
        {
          if (*p != '\n')
            g_assert_cmpuint ((guchar) *p, >=, 0x20);
        }
      g_assert_cmpstr (json_array_get_string_element (json_node_get_array (root), 0), ==, value);
    }

  {
    g_autofree gchar *text = write_one_string ("\x1f\t\n\r\b\f\"\\/");

    g_assert_cmpstr (text, ==, "[\n  \"\\u001f\\t\\n\\r\\b\\f\\\"\\\\/\"\n]\n");
  }
}

/* UTF-8 passes through as it is; invalid bytes become U+FFFD, so the
 * document stays readable. */
static void
test_json_writer_non_ascii (void)
{
  g_autofree gchar    *text = write_one_string ("Bücher ☃ 𝄞 東京");
  g_autofree gchar    *repaired = write_one_string ("ab\xff"
                                                       "cd");
  g_autoptr (JsonNode) root = parse_back (repaired);

  g_assert_cmpstr (text, ==, "[\n  \"Bücher ☃ 𝄞 東京\"\n]\n");
  g_assert_cmpstr (json_array_get_string_element (json_node_get_array (root), 0), ==,
                   "ab\xef\xbf\xbd"
                   "cd");
}

/* A tree from a file comes back out in the same order and with the same
 * types; a double keeps its fraction. */
static void
test_json_writer_node_round_trip (void)
{
  const gchar *input =
      "{\n"
      "  \"z\": 1,\n"
      "  \"a\": [\n"
      "    2.0,\n"
      "    0.1,\n"
      "    true,\n"
      "    null,\n"
      "    {\n"
      "      \"deep\": [\n"
      "        []\n"
      "      ]\n"
      "    }\n"
      "  ],\n"
      "  \"m\\u001fn\": \"x\\u0001y\"\n"
      "}\n";
  g_autoptr (JsonNode) root = parse_back (input);
  CwaJsonWriter       *writer = cwa_json_writer_new ();
  g_autofree gchar    *text = NULL;

  cwa_json_writer_add_node (writer, root);
  text = cwa_json_writer_free_to_text (writer);

  g_assert_cmpstr (text, ==, input);
}

static void
test_json_writer_quote (void)
{
  g_autofree gchar *quoted = cwa_json_quote ("say \"hi\"\x1f");

  g_assert_cmpstr (quoted, ==, "\"say \\\"hi\\\"\\u001f\"");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cwa/json-writer/layout", test_json_writer_layout);
  g_test_add_func ("/cwa/json-writer/control-characters", test_json_writer_control_characters);
  g_test_add_func ("/cwa/json-writer/non-ascii", test_json_writer_non_ascii);
  g_test_add_func ("/cwa/json-writer/node-round-trip", test_json_writer_node_round_trip);
  g_test_add_func ("/cwa/json-writer/quote", test_json_writer_quote);

  return g_test_run ();
}

/* cwa-cli-rules.c: `rules`: the rule catalogue, in catalogue order. */
#include "config.h"

#include "cwa-cli-private.h"
#include "cwa-report-private.h"
#include "cwa-rules.h"

static void
append_padded (GString     *out,
               const gchar *text,
               guint        width)
{
  g_string_append (out, text);
  for (guint used = g_utf8_strlen (text, -1); used < width; used++)
    g_string_append_c (out, ' ');
}

static GBytes *
write_text (const CwaRule * const *rules,
            guint                  n_rules)
{
  GString *out = g_string_new (NULL);
  guint widths[4] = { 2, 5, 5, 6 };  /* "ID", "LEVEL", "SCOPE", "SOURCE" */

  for (guint i = 0; i < n_rules; i++)
    {
      widths[0] = MAX (widths[0], (guint) g_utf8_strlen (rules[i]->id, -1));
      widths[1] = MAX (widths[1], (guint) g_utf8_strlen (cwa_level_to_string (rules[i]->level), -1));
      widths[2] = MAX (widths[2], (guint) g_utf8_strlen (cwa_scope_to_string (rules[i]->scope), -1));
      widths[3] = MAX (widths[3], (guint) g_utf8_strlen (rules[i]->source, -1));
    }

  append_padded (out, "ID", widths[0] + 2);
  append_padded (out, "LEVEL", widths[1] + 2);
  append_padded (out, "SCOPE", widths[2] + 2);
  append_padded (out, "SOURCE", widths[3] + 2);
  g_string_append (out, "TITLE\n");

  for (guint i = 0; i < n_rules; i++)
    {
      append_padded (out, rules[i]->id, widths[0] + 2);
      append_padded (out, cwa_level_to_string (rules[i]->level), widths[1] + 2);
      append_padded (out, cwa_scope_to_string (rules[i]->scope), widths[2] + 2);
      append_padded (out, rules[i]->source, widths[3] + 2);
      g_string_append (out, rules[i]->title);
      g_string_append_c (out, '\n');
    }

  return g_string_free_to_bytes (out);
}

static void
append_member (GString     *out,
               const gchar *name,
               const gchar *value,
               gboolean     last)
{
  g_string_append (out, "      ");
  _cwa_report_append_json_string (out, name);
  g_string_append (out, ": ");
  _cwa_report_append_json_string (out, value);
  g_string_append (out, last ? "\n" : ",\n");
}

static GBytes *
write_json (const CwaRule * const *rules,
            guint                  n_rules)
{
  GString *out = g_string_new ("{\n  \"rules\": [");

  for (guint i = 0; i < n_rules; i++)
    {
      g_string_append (out, i > 0 ? ",\n    {\n" : "\n    {\n");
      append_member (out, "id", rules[i]->id, FALSE);
      append_member (out, "level", cwa_level_to_string (rules[i]->level), FALSE);
      append_member (out, "scope", cwa_scope_to_string (rules[i]->scope), FALSE);
      append_member (out, "source", rules[i]->source, FALSE);
      append_member (out, "title", rules[i]->title, TRUE);
      g_string_append (out, "    }");
    }
  g_string_append (out, n_rules > 0 ? "\n  ]\n}\n" : "]\n}\n");

  return g_string_free_to_bytes (out);
}

int
cwa_cli_rules (int    argc,
               char **argv)
{
  g_autofree gchar *format = NULL;
  g_auto(GStrv) rest = NULL;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      "Output format: text (default) or json", "FORMAT" },
    G_OPTION_ENTRY_NULL
  };
  const CwaRule * const *rules;
  g_autoptr(GBytes) bytes = NULL;
  guint n_rules = 0;

  if (!cwa_cli_parse_options ("rules", NULL,
                              "Lists the rule catalogue: id, level, scope, source and title.",
                              entries, argc, argv, &rest))
    return CWA_EXIT_CANNOT_RUN;

  if (format == NULL)
    format = g_strdup ("text");
  if (!cwa_cli_check_text_or_json ("rules", format))
    return CWA_EXIT_CANNOT_RUN;
  if (rest[0] != NULL)
    {
      cwa_cli_usage_error ("rules", "unexpected argument “%s”; rules takes no file.", rest[0]);
      return CWA_EXIT_CANNOT_RUN;
    }

  rules = cwa_rules_get_catalogue (&n_rules);
  if (g_str_equal (format, "json"))
    bytes = write_json (rules, n_rules);
  else
    bytes = write_text (rules, n_rules);

  return cwa_cli_write_output (NULL, bytes) ? CWA_EXIT_OK : CWA_EXIT_CANNOT_RUN;
}

/* cwa-cli-rules.c: `rules`: the rule catalogue, in catalogue order. */
#include "config.h"

#include "cwa-cli-private.h"
#include "cwa-json-writer.h"
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

/* Titles quote names in Markdown backticks; a terminal shows them plain. */
static void
append_plain (GString     *out,
              const gchar *title)
{
  for (const gchar *p = title; *p != '\0'; p++)
    {
      if (*p != '`')
        g_string_append_c (out, *p);
    }
}

static GBytes *
write_text (const CwaRule * const *rules,
            guint                  n_rules)
{
  GString *out = g_string_new (NULL);
  guint    widths[4] = { 2, 5, 5, 6 }; /* "ID", "LEVEL", "SCOPE", "SOURCE" */

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
      append_plain (out, rules[i]->title);
      g_string_append_c (out, '\n');
    }

  return g_string_free_to_bytes (out);
}

static GBytes *
write_json (const CwaRule * const *rules,
            guint                  n_rules)
{
  CwaJsonWriter *writer = cwa_json_writer_new ();

  cwa_json_writer_begin_object (writer);
  cwa_json_writer_set_member_name (writer, "rules");
  cwa_json_writer_begin_array (writer);
  for (guint i = 0; i < n_rules; i++)
    {
      cwa_json_writer_begin_object (writer);
      cwa_json_writer_add_string_member (writer, "id", rules[i]->id);
      cwa_json_writer_add_string_member (writer, "level", cwa_level_to_string (rules[i]->level));
      cwa_json_writer_add_string_member (writer, "scope", cwa_scope_to_string (rules[i]->scope));
      cwa_json_writer_add_string_member (writer, "source", rules[i]->source);
      cwa_json_writer_add_string_member (writer, "title", rules[i]->title);
      cwa_json_writer_end_object (writer);
    }
  cwa_json_writer_end_array (writer);
  cwa_json_writer_end_object (writer);

  return cwa_json_writer_free_to_bytes (writer);
}

/* Markdown table cells: a '|' would end the cell. */
static void
append_cell (GString     *out,
             const gchar *text)
{
  g_autoptr (GString) cell = g_string_new (text);

  g_string_replace (cell, "|", "\\|", 0);
  g_string_append (out, " ");
  g_string_append (out, cell->str);
  g_string_append (out, " |");
}

static const gchar markdown_intro[] =
    "# Rule reference\n"
    "\n"
    "<!-- Generated from the rule catalogue by `cwa-cert-planner rules --format markdown`.\n"
    "     Do not edit by hand: the test `doc-rules` fails when this page and the catalogue differ. -->\n"
    "\n"
    "Every check CWA Cert Planner runs is a rule with a stable id. The window's checklist,\n"
    "`cwa-cert-planner check`, `probe` and every report run the same rules. A rule gives\n"
    "one finding per subject it applies to; the finding passes or fails, and a failed\n"
    "finding says what was expected and what was found.\n"
    "\n"
    "**Level** says what a failed finding means:\n"
    "\n"
    "- `error`: the deployment will not work as planned. The plan is not Ready and\n"
    "  `check` exits with status 1.\n"
    "- `warning`: it may work, but something is missing or risky. The plan is not\n"
    "  Ready; the exit status stays 0.\n"
    "- `info`: a recommendation. It never changes Ready or the exit status.\n"
    "\n"
    "**Scope** says what one finding is about: `deployment` (the whole plan), `server`\n"
    "(a CWA computer), `virtual-server` (one IIS virtual server of a computer),\n"
    "`certificate` (a certificate assigned to a role, checked once however many roles it\n"
    "has), `load-balancer` (a hardware load balancer in front of an array),\n"
    "`reverse-proxy` (one publishing rule of a reverse proxy) and `endpoint` (an address\n"
    "and port `probe` connects to).\n"
    "\n"
    "**Source** names the document the rule comes from; the sources are explained\n"
    "[below](#sources).\n"
    "\n"
    "A rule that cannot be evaluated yet (no certificate assigned) gives no finding of\n"
    "its own: the missing assignment is the finding (`server.has-mtls-cert`,\n"
    "`vs.has-ssl-cert`).\n";

static void
append_markdown_sources (GString               *out,
                         const CwaRule * const *rules,
                         guint                  n_rules)
{
  const CwaRuleSource *sources;
  guint                n_sources = 0;

  g_string_append (out, "\n## Sources\n");
  sources = cwa_rules_get_sources (&n_sources);
  for (guint i = 0; i < n_sources; i++)
    {
      const gchar *separator = "\n\nRules: ";

      g_string_append_printf (out, "\n### %s\n\n*%s.* %s", sources[i].id, sources[i].title,
                              sources[i].summary);
      for (guint j = 0; j < n_rules; j++)
        {
          if (g_strcmp0 (rules[j]->source, sources[i].id) != 0)
            continue;
          g_string_append_printf (out, "%s`%s`", separator, rules[j]->id);
          separator = ", ";
        }
      g_string_append (out, g_str_equal (separator, ", ") ? ".\n" : "\n");
    }
}

/* doc/rules.md: the reference page, generated so it cannot drift. */
static GBytes *
write_markdown (const CwaRule * const *rules,
                guint                  n_rules)
{
  GString *out = g_string_new (markdown_intro);

  g_string_append (out, "\n## Rules\n\nIn catalogue order (the order of the findings of one subject).\n\n"
                        "| ID | Level | Scope | Source | What it checks |\n"
                        "|---|---|---|---|---|\n");
  for (guint i = 0; i < n_rules; i++)
    {
      const CwaRuleSource *source = cwa_rules_lookup_source (rules[i]->source);
      g_autofree gchar    *id = g_strdup_printf ("`%s`", rules[i]->id);
      g_autofree gchar    *anchor = g_ascii_strdown (rules[i]->source, -1);
      g_autofree gchar    *link = source != NULL
                                      ? g_strdup_printf ("[%s](#%s)", rules[i]->source, anchor)
                                      : g_strdup (rules[i]->source);

      g_string_append (out, "|");
      append_cell (out, id);
      append_cell (out, cwa_level_to_string (rules[i]->level));
      append_cell (out, cwa_scope_to_string (rules[i]->scope));
      append_cell (out, link);
      append_cell (out, rules[i]->title);
      g_string_append_c (out, '\n');
    }

  append_markdown_sources (out, rules, n_rules);
  return g_string_free_to_bytes (out);
}

int
cwa_cli_rules (int    argc,
               char **argv)
{
  g_autofree gchar  *format = NULL;
  g_auto (GStrv)     rest = NULL;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      "Output format: text (default), json or markdown (the reference page doc/rules.md)", "FORMAT" },
    G_OPTION_ENTRY_NULL
  };
  const CwaRule * const *rules;
  g_autoptr (GBytes)     bytes = NULL;
  guint                  n_rules = 0;

  if (!cwa_cli_parse_options ("rules", NULL,
                              "Lists the rule catalogue: id, level, scope, source and title.",
                              entries, argc, argv, &rest))
    return CWA_EXIT_CANNOT_RUN;

  if (format == NULL)
    format = g_strdup ("text");
  if (!g_str_equal (format, "text") && !g_str_equal (format, "json") &&
      !g_str_equal (format, "markdown"))
    {
      cwa_cli_usage_error ("rules", "unknown format “%s”; use --format text, json or markdown.", format);
      return CWA_EXIT_CANNOT_RUN;
    }
  if (rest[0] != NULL)
    {
      cwa_cli_usage_error ("rules", "unexpected argument “%s”; rules takes no file.", rest[0]);
      return CWA_EXIT_CANNOT_RUN;
    }

  rules = cwa_rules_get_catalogue (&n_rules);
  if (g_str_equal (format, "json"))
    bytes = write_json (rules, n_rules);
  else if (g_str_equal (format, "markdown"))
    bytes = write_markdown (rules, n_rules);
  else
    bytes = write_text (rules, n_rules);

  return cwa_cli_write_output ("rules", NULL, bytes) ? CWA_EXIT_OK : CWA_EXIT_CANNOT_RUN;
}

/* test-cli.c: runs the built cwa-cert-planner on real plans and checks exit codes, JSON and stderr. */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "cwa-checklist.h"
#include "cwa-plan-file.h"
#include "cwa-report.h"
#include "cwa-rules.h"
#include "cwa-test-cert.h"
#include "cwa-test-plan.h"
#include "cwa-test-run.h"

#define NOW "2026-11-24T12:00:00Z"

static gchar *
examples_dir (void)
{
  const gchar *root = g_getenv ("CWA_SOURCE_ROOT");

  g_assert_nonnull (root);
  return g_build_filename (root, "data", "examples", NULL);
}

static void
assert_strv_json (JsonArray           *array,
                  const gchar * const *expected)
{
  g_assert_nonnull (array);
  g_assert_cmpuint (json_array_get_length (array), ==, g_strv_length ((gchar **) expected));
  for (guint i = 0; expected[i] != NULL; i++)
    g_assert_cmpstr (json_array_get_string_element (array, i), ==, expected[i]);
}

static void
assert_members (JsonObject          *object,
                const gchar * const *expected)
{
  g_autoptr(GList) members = json_object_get_members (object);
  guint i = 0;

  for (GList *l = members; l != NULL; l = l->next, i++)
    {
      g_assert_nonnull (expected[i]);
      g_assert_cmpstr (l->data, ==, expected[i]);
    }
  g_assert_null (expected[i]);
}

static const gchar * const certificate_members[] = {
  "id", "subject", "issuer", "san", "not_before", "not_after", "serial",
  "sha256", "sha1", "key", "signature", "eku", "key_usage", "version",
  "is_ca", "roles", "source", NULL
};

static const gchar * const inspect_members[] = {
  "subject", "issuer", "san", "not_before", "not_after", "serial",
  "sha256", "sha1", "key", "signature", "eku", "key_usage", "version",
  "is_ca", "source", "index", NULL
};

/* The fingerprint of the first certificate of a PEM file, computed here
 * rather than by the program under test. */
static gchar *
pem_fingerprint (const gchar   *path,
                 GChecksumType  type)
{
  g_autofree gchar *pem = NULL;
  g_autofree guchar *der = NULL;
  g_autoptr(GChecksum) checksum = g_checksum_new (type);
  g_autoptr(GString) hex = g_string_new (NULL);
  const gchar *begin;
  const gchar *end;
  g_autofree gchar *body = NULL;
  gsize der_len = 0;
  const gchar *digest;

  g_assert_true (g_file_get_contents (path, &pem, NULL, NULL));
  begin = strstr (pem, "-----BEGIN CERTIFICATE-----");
  g_assert_nonnull (begin);
  begin += strlen ("-----BEGIN CERTIFICATE-----");
  end = strstr (begin, "-----END CERTIFICATE-----");
  g_assert_nonnull (end);
  body = g_strndup (begin, end - begin);
  der = g_base64_decode (g_strstrip (body), &der_len);
  g_checksum_update (checksum, der, der_len);
  digest = g_checksum_get_string (checksum);
  for (guint i = 0; digest[i] != '\0'; i += 2)
    {
      if (i > 0)
        g_string_append_c (hex, ':');
      g_string_append_c (hex, g_ascii_toupper (digest[i]));
      g_string_append_c (hex, g_ascii_toupper (digest[i + 1]));
    }

  return g_strdup (hex->str);
}

static JsonObject *
find_object (JsonArray   *array,
             const gchar *member,
             const gchar *value)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);

      if (g_strcmp0 (json_object_get_string_member_with_default (object, member, NULL), value) == 0)
        return object;
    }

  return NULL;
}

/* The finding of @rule about @virtual_server / @certificate (either NULL
 * for "any"). */
static JsonObject *
find_finding (JsonArray   *findings,
              const gchar *rule,
              const gchar *virtual_server,
              const gchar *certificate)
{
  for (guint i = 0; i < json_array_get_length (findings); i++)
    {
      JsonObject *finding = json_array_get_object_element (findings, i);

      if (g_strcmp0 (json_object_get_string_member (finding, "rule"), rule) != 0)
        continue;
      if (virtual_server != NULL &&
          g_strcmp0 (json_object_get_string_member_with_default (finding, "virtual_server", NULL),
                     virtual_server) != 0)
        continue;
      if (certificate != NULL &&
          g_strcmp0 (json_object_get_string_member_with_default (finding, "certificate", NULL),
                     certificate) != 0)
        continue;
      return finding;
    }

  return NULL;
}

/* The summary agrees with the findings it summarises. */
static void
assert_summary_consistent (JsonObject *root)
{
  JsonObject *summary = json_object_get_object_member (root, "summary");
  JsonArray *findings = json_object_get_array_member (root, "findings");
  gint64 errors = 0;
  gint64 warnings = 0;
  gint64 info = 0;
  gint64 passed = 0;

  for (guint i = 0; i < json_array_get_length (findings); i++)
    {
      JsonObject *finding = json_array_get_object_element (findings, i);
      const gchar *status = json_object_get_string_member (finding, "status");
      const gchar *level = json_object_get_string_member (finding, "level");

      g_assert_true (g_str_equal (status, "pass") || g_str_equal (status, "fail"));
      g_assert_nonnull (cwa_rules_lookup (json_object_get_string_member (finding, "rule")));
      g_assert_cmpstr (json_object_get_string_member (finding, "source"), ==,
                       cwa_rules_lookup (json_object_get_string_member (finding, "rule"))->source);
      g_assert_true (json_object_has_member (finding, "message"));
      if (g_str_equal (status, "pass"))
        passed++;
      else if (g_str_equal (level, "error"))
        errors++;
      else if (g_str_equal (level, "warning"))
        warnings++;
      else
        info++;
    }

  g_assert_cmpint (json_object_get_int_member (summary, "errors"), ==, errors);
  g_assert_cmpint (json_object_get_int_member (summary, "info"), ==, info);
  g_assert_cmpint (json_object_get_int_member (summary, "warnings"), ==, warnings);
  g_assert_cmpint (json_object_get_int_member (summary, "passed"), ==, passed);
  g_assert_cmpint (json_object_get_boolean_member (summary, "ready"), ==, errors == 0 && warnings == 0);
}

static void
test_version (void)
{
  g_auto(CwaTestRun) run = { 0 };

  CWA_TEST_RUN (&run, NULL, "--version");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "cwa-cert-planner 0.1.0\n");

  cwa_test_run_clear (&run);
  CWA_TEST_RUN (&run, NULL, "--help");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "check PLAN"));
  g_assert_nonnull (strstr (run.out, "inspect FILE"));
}

/* The lines of the usage that `--help` prints for @command: from its
 * "cwa-cert-planner COMMAND " line up to the next command's line. */
static gchar *
dup_usage_of (const gchar *usage,
              const gchar *command)
{
  g_autofree gchar *start_text = g_strdup_printf ("\n  cwa-cert-planner %s ", command);
  const gchar *start = strstr (usage, start_text);
  const gchar *end;

  g_assert_nonnull (start);
  start += 1;
  end = strstr (start + strlen (start_text), "\n  cwa-cert-planner ");
  return end != NULL ? g_strndup (start, end - start) : g_strdup (start);
}

/* Whether @text has the option @option as a whole word ("--server" is not
 * in "--virtual-server"). */
static gboolean
has_option (const gchar *text,
            const gchar *option)
{
  gsize len = strlen (option);

  for (const gchar *p = strstr (text, option); p != NULL; p = strstr (p + 1, option))
    {
      gboolean starts = p == text || !(g_ascii_isalnum (p[-1]) || p[-1] == '-');
      gboolean ends = !(g_ascii_isalnum (p[len]) || p[len] == '-');

      if (starts && ends)
        return TRUE;
    }
  return FALSE;
}

/* `cwa-cert-planner --help` names every option each sub-command's own
 * `--help` lists: the first usage a newcomer reads must not hide one. */
static void
test_help_lists_every_option (void)
{
  static const gchar * const commands[] = { "check", "names", "inspect", "rules", "request", "probe" };
  g_auto(CwaTestRun) usage = { 0 };

  CWA_TEST_RUN (&usage, NULL, "--help");
  g_assert_cmpint (usage.status, ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(CwaTestRun) run = { 0 };
      g_autofree gchar *synopsis = dup_usage_of (usage.out, commands[i]);
      g_auto(GStrv) lines = NULL;
      guint n_options = 0;

      CWA_TEST_RUN (&run, NULL, commands[i], "--help");
      g_assert_cmpint (run.status, ==, 0);
      /* UTF-8 as written, not "[OPTION?]" in the C locale. */
      g_assert_nonnull (strstr (run.out, "[OPTION…]"));
      g_assert_null (strchr (run.out, '?'));
      lines = g_strsplit (run.out, "\n", -1);
      for (guint j = 0; lines[j] != NULL; j++)
        {
          const gchar *line = lines[j] + strspn (lines[j], " ");
          g_autofree gchar *option = NULL;

          if (!g_str_has_prefix (line, "--") || g_str_has_prefix (line, "--help"))
            continue;
          option = g_strndup (line, strcspn (line, "= "));
          if (!has_option (synopsis, option))
            g_error ("“cwa-cert-planner --help” does not name %s of %s:\n%s", option, commands[i], synopsis);
          n_options++;
        }
      if (g_strcmp0 (commands[i], "rules") != 0)
        g_assert_cmpuint (n_options, >=, 2);
    }
}

/* With no display, the window cannot open: the program says so and what to
 * run instead, with status 2 ("could not run"), not GTK's warning and 1
 * ("an error-level finding failed"). */
static void
test_window_without_display (void)
{
  static const gchar * const display_vars[] = { "DISPLAY", "WAYLAND_DISPLAY", "GDK_BACKEND" };
  g_autofree gchar *dir = examples_dir ();
  gchar *saved[G_N_ELEMENTS (display_vars)] = { NULL };
  g_auto(CwaTestRun) bare = { 0 };
  g_auto(CwaTestRun) plan = { 0 };

  /* The child inherits this process's environment. */
  for (guint i = 0; i < G_N_ELEMENTS (display_vars); i++)
    {
      saved[i] = g_strdup (g_getenv (display_vars[i]));
      g_unsetenv (display_vars[i]);
    }

  cwa_test_run_argv (&bare, NULL, (const gchar * const[]) { NULL });
  CWA_TEST_RUN (&plan, dir, "contoso.cwaplan");

  for (guint i = 0; i < G_N_ELEMENTS (display_vars); i++)
    {
      if (saved[i] != NULL)
        g_setenv (display_vars[i], saved[i], TRUE);
      g_clear_pointer (&saved[i], g_free);
    }

  g_assert_cmpint (bare.status, ==, 2);
  g_assert_cmpint (plan.status, ==, 2);
  g_assert_cmpstr (bare.out, ==, "");
  g_assert_cmpstr (plan.err, ==, bare.err);
  g_assert_nonnull (strstr (bare.err, "the window needs a display"));
  g_assert_nonnull (strstr (bare.err, "cwa-cert-planner check PLAN"));
  g_assert_null (strstr (bare.err, "Gtk-WARNING"));
}

static void
test_bad_usage (void)
{
  g_autofree gchar *dir = examples_dir ();
  /* (An unknown first word that is an existing file is a plan for the window
   * to open: `cwa-cert-planner PLAN.cwaplan`; see test_unknown_command.) */
  static const gchar * const cases[][6] = {
    { "check", NULL },
    { "check", "contoso.cwaplan", "mistakes.cwaplan", NULL },
    { "check", "contoso.cwaplan", "--format", "yaml", NULL },
    { "check", "contoso.cwaplan", "--now", "yesterday", NULL },
    { "check", "contoso.cwaplan", "--expiry-warning-days", "soon", NULL },
    { "check", "contoso.cwaplan", "--expiry-warning-days", "-3", NULL },
    { "check", "contoso.cwaplan", "--frobnicate", NULL },
    { "names", NULL },
    { "names", "contoso.cwaplan", "--format", "xml", NULL },
    { "inspect", NULL },
    { "inspect", "certs/im-contoso.pem", "--format", "pdf", NULL },
    { "rules", "extra", NULL },
    { "rules", "--format", "csv", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(CwaTestRun) run = { 0 };

      cwa_test_run_argv (&run, dir, cases[i]);
      g_test_message ("case %u: %s %s", i, cases[i][0], cases[i][1]);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.out, ==, "");
      /* One line that says what to do, no GLib critical or backtrace. */
      g_assert_cmpuint (strlen (run.err), >, 0);
      g_assert_null (strstr (run.err, "CRITICAL"));
      /* Each in the same form: the program and command, then the problem
       * in lower case, GOption's own messages too. */
      {
        g_autofree gchar *prefix = g_strdup_printf ("cwa-cert-planner %s: ", cases[i][0]);

        g_assert_true (g_str_has_prefix (run.err, prefix));
        g_assert_false (g_ascii_isupper (run.err[strlen (prefix)]));
      }
    }

  {
    g_auto(CwaTestRun) run = { 0 };

    CWA_TEST_RUN (&run, dir, "check", "contoso.cwaplan", "--frobnicate");
    g_assert_cmpstr (run.err, ==, "cwa-cert-planner check: unknown option --frobnicate; "
                                  "see “cwa-cert-planner check --help”.\n");
  }
}

/* Every format cli.md names is accepted; one this build lacks says so. */
static void
test_formats (void)
{
  g_autofree gchar *dir = examples_dir ();
  g_autofree gchar *tmp = g_dir_make_tmp ("cwa-cli-XXXXXX", NULL);
  static const gchar * const formats[] = { "text", "markdown", "html", "json", "csv", "pdf" };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree gchar *output = g_build_filename (tmp, formats[i], NULL);
      g_auto(CwaTestRun) run = { 0 };

      CWA_TEST_RUN (&run, dir, "check", "contoso.cwaplan", "--now", NOW, "--no-system-trust",
           "--format", formats[i], "--output", output);
      if (run.status == 2)
        {
          g_assert_nonnull (strstr (run.err, "not available yet"));
          g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
        }
      else
        {
          g_assert_cmpint (run.status, ==, 0);
          g_assert_true (g_file_test (output, G_FILE_TEST_EXISTS));
          g_assert_cmpstr (run.out, ==, "");
          g_unlink (output);
        }
    }

  g_rmdir (tmp);
}

static void
test_contoso_text (void)
{
  g_autofree gchar *dir = examples_dir ();
  g_auto(CwaTestRun) run = { 0 };

  CWA_TEST_RUN (&run, dir, "check", "contoso.cwaplan", "--now", NOW, "--no-system-trust");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  /* The verdict comes first. */
  g_assert_true (g_str_has_prefix (run.out, "\xe2\x9c\x94 Ready"));
  g_assert_nonnull (strstr (run.out, "Contoso CWA"));
  g_assert_nonnull (strstr (run.out, "download.im.contoso.com"));
  g_assert_nonnull (strstr (run.out, "certs/im-contoso.pem"));
  /* NO_COLOR is set and stdout is a pipe: no escape sequences. */
  g_assert_null (strchr (run.out, '\033'));
}

static void
test_contoso_json (void)
{
  g_autofree gchar *dir = examples_dir ();
  g_autofree gchar *leaf = g_build_filename (dir, "certs", "im-contoso.pem", NULL);
  g_autofree gchar *sha256 = pem_fingerprint (leaf, G_CHECKSUM_SHA256);
  g_autofree gchar *sha1 = pem_fingerprint (leaf, G_CHECKSUM_SHA1);
  g_auto(CwaTestRun) run = { 0 };
  g_autoptr(JsonNode) node = NULL;
  static const gchar * const top[] = {
    "report", "version", "tool_version", "generated", "plan", "summary",
    "findings", "required_names", "dns_records", "coverage", "certificates", NULL
  };
  static const gchar * const san[] = {
    "im.contoso.com", "as.im.contoso.com", "download.im.contoso.com", "cwaserver.contoso.com", NULL
  };
  JsonObject *root;
  JsonObject *summary;
  JsonObject *finding;
  JsonObject *required;
  JsonObject *certificate;
  JsonObject *root_ca;
  JsonArray *findings;
  JsonArray *coverage;
  JsonArray *certificates;

  CWA_TEST_RUN (&run, dir, "check", "contoso.cwaplan", "--now", NOW, "--no-system-trust", "--format", "json");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");

  node = cwa_test_parse_json (run.out);
  root = json_node_get_object (node);
  assert_members (root, top);
  g_assert_cmpstr (json_object_get_string_member (root, "report"), ==, "cwa-cert-planner");
  g_assert_cmpint (json_object_get_int_member (root, "version"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (root, "tool_version"), ==, "0.1.0");
  g_assert_true (g_regex_match_simple ("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$",
                                       json_object_get_string_member (root, "generated"), 0, 0));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "plan"), "name"),
                   ==, "Contoso CWA");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "plan"), "file"),
                   ==, "contoso.cwaplan");

  summary = json_object_get_object_member (root, "summary");
  g_assert_true (json_object_get_boolean_member (summary, "ready"));
  g_assert_cmpint (json_object_get_int_member (summary, "errors"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (summary, "warnings"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (summary, "passed"), >, 10);
  assert_summary_consistent (root);

  findings = json_object_get_array_member (root, "findings");
  finding = find_finding (findings, "ssl.san-has-download-url", "im.contoso.com", NULL);
  g_assert_nonnull (finding);
  g_assert_cmpstr (json_object_get_string_member (finding, "status"), ==, "pass");
  g_assert_cmpstr (json_object_get_string_member (finding, "level"), ==, "error");
  g_assert_cmpstr (json_object_get_string_member (finding, "server"), ==, "cwaserver.contoso.com");
  g_assert_cmpstr (json_object_get_string_member (finding, "certificate"), ==, "im-contoso");
  g_assert_cmpstr (json_object_get_string_member (finding, "expected"), ==, "download.im.contoso.com");
  g_assert_cmpstr (json_object_get_string_member (finding, "source"), ==, "CWA-CERTS");
  g_assert_nonnull (json_object_get_array_member (finding, "found"));

  /* A deployment finding names no server, virtual server or certificate. */
  finding = find_finding (findings, "shared.single-server-only", NULL, NULL);
  g_assert_nonnull (finding);
  g_assert_cmpstr (json_object_get_string_member (finding, "status"), ==, "pass");
  g_assert_false (json_object_has_member (finding, "server"));
  g_assert_false (json_object_has_member (finding, "virtual_server"));
  g_assert_false (json_object_has_member (finding, "certificate"));
  /* The first finding is the deployment's. */
  g_assert_false (json_object_has_member (json_array_get_object_element (findings, 0), "server"));

  finding = find_finding (findings, "cert.chain-trusted", NULL, "im-contoso");
  g_assert_nonnull (finding);
  g_assert_cmpstr (json_object_get_string_member (finding, "status"), ==, "pass");
  /* Certificate rules run for assigned certificates only, never the CA. */
  g_assert_null (find_finding (findings, "cert.validity", NULL, "contoso-root"));

  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "required_names")), ==, 1);
  required = json_array_get_object_element (json_object_get_array_member (root, "required_names"), 0);
  {
    static const gchar * const members[] = { "role", "server", "virtual_server", "subject", "san", NULL };
    assert_members (required, members);
  }
  g_assert_cmpstr (json_object_get_string_member (required, "role"), ==, "shared");
  g_assert_cmpstr (json_object_get_string_member (required, "server"), ==, "cwaserver.contoso.com");
  g_assert_cmpstr (json_object_get_string_member (required, "virtual_server"), ==, "im.contoso.com");
  g_assert_cmpstr (json_object_get_string_member (required, "subject"), ==, "im.contoso.com");
  assert_strv_json (json_object_get_array_member (required, "san"), san);

  coverage = json_object_get_array_member (root, "coverage");
  g_assert_cmpuint (json_array_get_length (coverage), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      JsonObject *cell = json_array_get_object_element (coverage, i);
      static const gchar * const members[] = { "name", "role", "virtual_server", "certificate", "status", NULL };

      assert_members (cell, members);
      g_assert_cmpstr (json_object_get_string_member (cell, "name"), ==, san[i]);
      g_assert_cmpstr (json_object_get_string_member (cell, "role"), ==, "shared");
      g_assert_cmpstr (json_object_get_string_member (cell, "virtual_server"), ==, "im.contoso.com");
      g_assert_cmpstr (json_object_get_string_member (cell, "certificate"), ==, "im-contoso");
      g_assert_cmpstr (json_object_get_string_member (cell, "status"), ==, "covered");
    }

  certificates = json_object_get_array_member (root, "certificates");
  g_assert_cmpuint (json_array_get_length (certificates), ==, 2);
  certificate = json_array_get_object_element (certificates, 0);
  assert_members (certificate, certificate_members);
  g_assert_cmpstr (json_object_get_string_member (certificate, "id"), ==, "im-contoso");
  g_assert_cmpstr (json_object_get_string_member (certificate, "subject"), ==, "CN=im.contoso.com,O=Contoso");
  g_assert_cmpstr (json_object_get_string_member (certificate, "issuer"), ==, "CN=Contoso Root CA,O=Contoso");
  assert_strv_json (json_object_get_array_member (certificate, "san"), san);
  g_assert_cmpstr (json_object_get_string_member (certificate, "not_before"), ==, "2026-01-01T00:00:00Z");
  g_assert_cmpstr (json_object_get_string_member (certificate, "not_after"), ==, "2036-01-01T00:00:00Z");
  g_assert_cmpstr (json_object_get_string_member (certificate, "serial"), ==, "10:00");
  g_assert_cmpstr (json_object_get_string_member (certificate, "sha256"), ==, sha256);
  g_assert_cmpstr (json_object_get_string_member (certificate, "sha1"), ==, sha1);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (certificate, "key"), "algorithm"),
                   ==, "RSA");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (certificate, "key"), "bits"),
                   ==, 2048);
  g_assert_cmpstr (json_object_get_string_member (certificate, "signature"), ==, "RSA-SHA256");
  {
    static const gchar * const eku[] = { "1.3.6.1.5.5.7.3.1", NULL };
    static const gchar * const ku[] = { "digitalSignature", "keyEncipherment", NULL };
    static const gchar * const roles[] = { "mtls", "ssl", NULL };

    assert_strv_json (json_object_get_array_member (certificate, "eku"), eku);
    assert_strv_json (json_object_get_array_member (certificate, "key_usage"), ku);
    assert_strv_json (json_object_get_array_member (certificate, "roles"), roles);
  }
  g_assert_cmpint (json_object_get_int_member (certificate, "version"), ==, 3);
  g_assert_false (json_object_get_boolean_member (certificate, "is_ca"));
  g_assert_cmpstr (json_object_get_string_member (certificate, "source"), ==, "certs/im-contoso.pem");

  root_ca = json_array_get_object_element (certificates, 1);
  assert_members (root_ca, certificate_members);
  g_assert_cmpstr (json_object_get_string_member (root_ca, "id"), ==, "contoso-root");
  g_assert_true (json_object_get_boolean_member (root_ca, "is_ca"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root_ca, "roles")), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (root_ca, "source"), ==, "certs/contoso-root.pem");
}

static void
assert_failed (JsonArray   *findings,
               const gchar *rule,
               const gchar *virtual_server,
               const gchar *certificate)
{
  JsonObject *finding = find_finding (findings, rule, virtual_server, certificate);

  if (finding == NULL)
    g_error ("no finding %s for %s / %s", rule, virtual_server, certificate);
  g_assert_cmpstr (json_object_get_string_member (finding, "status"), ==, "fail");
  g_assert_cmpuint (strlen (json_object_get_string_member (finding, "message")), >, 20);
}

static void
test_mistakes (void)
{
  g_autofree gchar *dir = examples_dir ();
  g_auto(CwaTestRun) run = { 0 };
  g_auto(CwaTestRun) text = { 0 };
  g_autoptr(JsonNode) node = NULL;
  JsonObject *root;
  JsonArray *findings;
  JsonObject *finding;
  static const gchar * const found[] = { "im.contoso.com", "as.im.contoso.com", NULL };

  CWA_TEST_RUN (&run, dir, "check", "mistakes.cwaplan", "--now", NOW, "--no-system-trust", "--format", "json");
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.err, ==, "");

  node = cwa_test_parse_json (run.out);
  root = json_node_get_object (node);
  assert_summary_consistent (root);
  g_assert_false (json_object_get_boolean_member (json_object_get_object_member (root, "summary"), "ready"));
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (root, "summary"), "errors"), >=, 5);

  findings = json_object_get_array_member (root, "findings");
  /* Two domains on one computer share one SSL certificate: both fail. */
  assert_failed (findings, "vs.one-cert-per-domain", "im.contoso.com", NULL);
  assert_failed (findings, "vs.one-cert-per-domain", "im.fabrikam.com", NULL);
  /* The certificate lacks the downloadURL. */
  assert_failed (findings, "ssl.san-has-download-url", "im.contoso.com", NULL);
  finding = find_finding (findings, "ssl.san-has-download-url", "im.contoso.com", NULL);
  g_assert_cmpstr (json_object_get_string_member (finding, "expected"), ==, "download.im.contoso.com");
  g_assert_cmpstr (json_object_get_string_member (finding, "certificate"), ==, "im-contoso-no-download");
  assert_strv_json (json_object_get_array_member (finding, "found"), found);
  /* ... and every name of the other domain. */
  assert_failed (findings, "ssl.subject-matches-url", "im.fabrikam.com", NULL);
  assert_failed (findings, "ssl.san-has-url", "im.fabrikam.com", NULL);
  /* The separate MTLS certificate expired on 2026-01-01. */
  assert_failed (findings, "cert.validity", NULL, "cwaserver-expired");
  finding = find_finding (findings, "mtls.subject-is-server-fqdn", NULL, NULL);
  g_assert_nonnull (finding);
  g_assert_cmpstr (json_object_get_string_member (finding, "status"), ==, "pass");

  /* The text report names the same mistakes. */
  CWA_TEST_RUN (&text, dir, "check", "mistakes.cwaplan", "--now", NOW, "--no-system-trust");
  g_assert_cmpint (text.status, ==, 1);
  g_assert_true (g_str_has_prefix (text.out, "\xe2\x9c\x96 "));
  g_assert_nonnull (strstr (text.out, "vs.one-cert-per-domain"));
  g_assert_nonnull (strstr (text.out, "ssl.san-has-download-url"));
  g_assert_nonnull (strstr (text.out, "cert.validity"));
  g_assert_nonnull (strstr (text.out, "im.fabrikam.com"));
}

/* Drops the "generated" line, the one line allowed to differ. */
static gchar *
without_generated (const gchar *json)
{
  g_auto(GStrv) lines = g_strsplit (json, "\n", -1);
  GString *out = g_string_new (NULL);
  guint dropped = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (strstr (lines[i], "\"generated\"") != NULL)
        {
          dropped++;
          continue;
        }
      g_string_append (out, lines[i]);
      g_string_append_c (out, '\n');
    }
  g_assert_cmpuint (dropped, ==, 1);

  return g_string_free (out, FALSE);
}

static void
test_deterministic (void)
{
  g_autofree gchar *dir = examples_dir ();
  g_autofree gchar *tmp = g_dir_make_tmp ("cwa-cli-XXXXXX", NULL);
  g_autofree gchar *output = g_build_filename (tmp, "report.json", NULL);
  g_autofree gchar *written = NULL;
  g_autofree gchar *a = NULL;
  g_autofree gchar *b = NULL;
  g_autofree gchar *c = NULL;
  g_auto(CwaTestRun) first = { 0 };
  g_auto(CwaTestRun) second = { 0 };
  g_auto(CwaTestRun) to_file = { 0 };

  CWA_TEST_RUN (&first, dir, "check", "mistakes.cwaplan", "--now", NOW, "--no-system-trust", "--format", "json");
  g_usleep (1100 * 1000);  /* so that "generated" may differ */
  CWA_TEST_RUN (&second, dir, "check", "mistakes.cwaplan", "--now", NOW, "--no-system-trust", "--format", "json");
  CWA_TEST_RUN (&to_file, dir, "check", "mistakes.cwaplan", "--now", NOW, "--no-system-trust", "--format", "json",
       "--output", output);
  g_assert_cmpint (first.status, ==, 1);
  g_assert_cmpint (second.status, ==, 1);
  g_assert_cmpint (to_file.status, ==, 1);
  g_assert_cmpstr (to_file.out, ==, "");
  g_assert_true (g_file_get_contents (output, &written, NULL, NULL));

  a = without_generated (first.out);
  b = without_generated (second.out);
  c = without_generated (written);
  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (a, ==, c);

  g_unlink (output);
  g_rmdir (tmp);
}

static gchar *
write_temp_plan (const gchar *dir,
                 const gchar *name,
                 const gchar *contents)
{
  gchar *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

static void
test_broken_plans (void)
{
  g_autofree gchar *tmp = g_dir_make_tmp ("cwa-cli-XXXXXX", NULL);
  static const struct
  {
    const gchar *name;
    const gchar *contents;
  } cases[] = {
    { "not-json.cwaplan", "{ \"format\": \"cwa-cert-plan\", \"version\": 1, " },
    { "wrong-format.cwaplan", "{ \"format\": \"something-else\", \"version\": 1 }" },
    { "future.cwaplan", "{ \"format\": \"cwa-cert-plan\", \"version\": 99 }" },
    { "bad-audience.cwaplan",
      "{ \"format\": \"cwa-cert-plan\", \"version\": 1, \"servers\": [ { \"fqdn\": \"cwa.contoso.com\",\n"
      "  \"virtual_servers\": [ { \"url\": \"https://im.contoso.com\", \"audience\": \"dmz\" } ] } ] }" },
    { "missing-cert.cwaplan",
      "{ \"format\": \"cwa-cert-plan\", \"version\": 1, \"servers\": [],\n"
      "  \"certificates\": [ { \"id\": \"gone\", \"file\": \"certs/gone.pem\" } ] }" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree gchar *path = write_temp_plan (tmp, cases[i].name, cases[i].contents);
      g_autofree gchar *output = g_build_filename (tmp, "report.json", NULL);
      g_autofree gchar *kept = NULL;
      g_auto(GStrv) lines = NULL;
      g_auto(CwaTestRun) run = { 0 };

      /* An existing report stays as it was. */
      g_assert_true (g_file_set_contents (output, "previous report\n", -1, NULL));
      CWA_TEST_RUN (&run, tmp, "check", cases[i].name, "--now", NOW, "--no-system-trust",
           "--format", "json", "--output", "report.json");
      g_test_message ("%s: %s", cases[i].name, run.err);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_true (g_file_get_contents (output, &kept, NULL, NULL));
      g_assert_cmpstr (kept, ==, "previous report\n");

      lines = g_strsplit (g_strchomp (run.err), "\n", -1);
      g_assert_cmpuint (g_strv_length (lines), >=, 1);
      for (guint j = 0; lines[j] != NULL; j++)
        g_assert_nonnull (strstr (lines[j], cases[i].name));

      g_unlink (output);
      g_unlink (path);
    }

  /* A plan that does not exist at all. */
  {
    g_auto(CwaTestRun) run = { 0 };

    CWA_TEST_RUN (&run, tmp, "check", "nowhere.cwaplan", "--no-system-trust");
    g_assert_cmpint (run.status, ==, 2);
    g_assert_cmpstr (run.err, ==, "cwa-cert-planner check: nowhere.cwaplan does not exist; check the path and the file name\n");
  }

  /* A folder, as a plan or as a certificate file, is named as one, in the
   * words of the other refusals; `inspect` does not walk into it. */
  {
    g_autofree gchar *folder = g_build_filename (tmp, "plans", NULL);
    g_auto(CwaTestRun) check = { 0 };
    g_auto(CwaTestRun) names = { 0 };
    g_auto(CwaTestRun) inspect = { 0 };

    g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
    CWA_TEST_RUN (&check, tmp, "check", "plans", "--no-system-trust");
    g_assert_cmpint (check.status, ==, 2);
    g_assert_cmpstr (check.err, ==, "cwa-cert-planner check: plans is a folder, not a plan file; open the "
                                    ".cwaplan file inside it\n");
    CWA_TEST_RUN (&names, tmp, "names", "plans/");
    g_assert_cmpint (names.status, ==, 2);
    g_assert_nonnull (strstr (names.err, "is a folder, not a plan file"));
    g_assert_null (strstr (names.err, "could not be read"));
    CWA_TEST_RUN (&inspect, tmp, "inspect", "plans");
    g_assert_cmpint (inspect.status, ==, 2);
    g_assert_cmpstr (inspect.err, ==, "cwa-cert-planner inspect: plans is a folder, not a certificate file. "
                                      "Choose the certificate file inside it.\n");
    /* A folder is named as the user gave it, "." too, not as an absolute path. */
    {
      g_auto(CwaTestRun) here = { 0 };
      g_auto(CwaTestRun) up = { 0 };
      g_auto(CwaTestRun) here_plan = { 0 };

      CWA_TEST_RUN (&here, folder, "inspect", ".");
      g_assert_cmpint (here.status, ==, 2);
      g_assert_cmpstr (here.err, ==, "cwa-cert-planner inspect: . is a folder, not a certificate file. "
                                     "Choose the certificate file inside it.\n");
      CWA_TEST_RUN (&up, folder, "inspect", "../plans");
      g_assert_cmpstr (up.err, ==, "cwa-cert-planner inspect: ../plans is a folder, not a certificate file. "
                                   "Choose the certificate file inside it.\n");
      CWA_TEST_RUN (&here_plan, folder, "names", ".");
      g_assert_cmpint (here_plan.status, ==, 2);
      g_assert_cmpstr (here_plan.err, ==, "cwa-cert-planner names: . is a folder, not a plan file; open the .cwaplan file inside it\n");
    }
    /* --output names a folder: refused as one, and nothing written in it. */
    {
      g_autofree gchar *examples = examples_dir ();
      g_autofree gchar *contoso = g_build_filename (examples, "contoso.cwaplan", NULL);
      g_auto(CwaTestRun) output = { 0 };

      CWA_TEST_RUN (&output, tmp, "check", contoso, "--no-system-trust", "--format", "json", "--output", "plans");
      g_assert_cmpint (output.status, ==, 2);
      g_assert_cmpstr (output.out, ==, "");
      g_assert_cmpstr (output.err, ==, "cwa-cert-planner check: plans is a folder, not a file; give --output the "
                                       "name of a file to write (in that folder, if you like).\n");
    }
    /* So does --key-out: a folder is not "a file that exists already". */
    {
      g_autofree gchar *examples = examples_dir ();
      g_autofree gchar *contoso = g_build_filename (examples, "contoso.cwaplan", NULL);
      g_auto(CwaTestRun) key_out = { 0 };

      CWA_TEST_RUN (&key_out, tmp, "request", contoso, "--virtual-server", "im.contoso.com",
                    "--format", "csr", "--key-out", "plans");
      g_assert_cmpint (key_out.status, ==, 2);
      g_assert_cmpstr (key_out.out, ==, "");
      g_assert_cmpstr (key_out.err, ==, "cwa-cert-planner request: plans is a folder, not a file; give --key-out "
                                        "the name of a file to write (in that folder, if you like).\n");
    }
    g_rmdir (folder);
  }

  g_rmdir (tmp);
}

/* `request --virtual-server` for a host on two computers that are not an
 * array: exit status 2 with a line naming the entries and how to choose;
 * --computer chooses, and --help says so. */
static void
test_request_same_host (void)
{
  g_autofree gchar *tmp = g_dir_make_tmp ("cwa-cli-XXXXXX", NULL);
  g_autofree gchar *plan = write_temp_plan (tmp, "two.cwaplan",
    "{ \"format\": \"cwa-cert-plan\", \"version\": 2, \"name\": \"Two\", \"servers\": [\n"
    "  { \"fqdn\": \"cwa01.contoso.com\", \"virtual_servers\": [\n"
    "    { \"url\": \"https://im.contoso.com\", \"audience\": \"internal\" } ] },\n"
    "  { \"fqdn\": \"cwa02.contoso.com\", \"virtual_servers\": [\n"
    "    { \"url\": \"https://im.contoso.com\", \"audience\": \"internal\" } ] } ] }\n");
  g_auto(CwaTestRun) which = { 0 };
  g_auto(CwaTestRun) chosen = { 0 };
  g_auto(CwaTestRun) elsewhere = { 0 };
  g_auto(CwaTestRun) help = { 0 };

  CWA_TEST_RUN (&which, tmp, "request", "two.cwaplan", "--virtual-server", "im.contoso.com", "--format", "inf");
  g_assert_cmpint (which.status, ==, 2);
  g_assert_cmpstr (which.out, ==, "");
  g_assert_cmpstr (which.err, ==,
                   "cwa-cert-planner request: two.cwaplan: several computers host im.contoso.com without a load "
                   "balancer (ssl for im.contoso.com on cwa01.contoso.com, ssl for im.contoso.com on "
                   "cwa02.contoso.com); choose one with “--computer cwa01.contoso.com” or “--computer "
                   "cwa02.contoso.com”, or add a load balancer with the FQDN im.contoso.com that lists them as "
                   "members, and they share one array certificate (“--load-balancer im.contoso.com --role ssl”).\n");

  CWA_TEST_RUN (&chosen, tmp, "request", "two.cwaplan", "--virtual-server", "im.contoso.com",
                "--computer", "cwa02.contoso.com", "--format", "openssl");
  g_assert_cmpint (chosen.status, ==, 0);
  g_assert_nonnull (strstr (chosen.out, "CN = im.contoso.com\n"));

  CWA_TEST_RUN (&elsewhere, tmp, "request", "two.cwaplan", "--virtual-server", "im.contoso.com",
                "--computer", "cwa03.contoso.com", "--format", "openssl");
  g_assert_cmpint (elsewhere.status, ==, 2);
  g_assert_nonnull (strstr (elsewhere.err, "two.cwaplan has no server cwa03.contoso.com"));

  CWA_TEST_RUN (&help, tmp, "request", "--help");
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "--computer=FQDN"));

  /* A load balancer of that host that does not list every computer: the
   * fix is to add the missing ones to it, not another load balancer. */
  {
    g_autofree gchar *partial = write_temp_plan (tmp, "partial.cwaplan",
      "{ \"format\": \"cwa-cert-plan\", \"version\": 2, \"name\": \"Partial\", \"servers\": [\n"
      "  { \"fqdn\": \"cwa01.contoso.com\", \"virtual_servers\": [\n"
      "    { \"url\": \"https://im.contoso.com\", \"audience\": \"internal\" } ] },\n"
      "  { \"fqdn\": \"cwa02.contoso.com\", \"virtual_servers\": [\n"
      "    { \"url\": \"https://im.contoso.com\", \"audience\": \"internal\" } ] },\n"
      "  { \"fqdn\": \"cwa03.contoso.com\", \"virtual_servers\": [\n"
      "    { \"url\": \"https://im.contoso.com\", \"audience\": \"internal\" } ] } ],\n"
      "  \"load_balancers\": [ { \"fqdn\": \"IM.contoso.com\", \"members\": [\"cwa01.contoso.com\"] } ] }\n");
    g_auto(CwaTestRun) missing = { 0 };

    CWA_TEST_RUN (&missing, tmp, "request", "partial.cwaplan", "--virtual-server", "im.contoso.com",
                  "--format", "inf");
    g_assert_cmpint (missing.status, ==, 2);
    g_assert_cmpstr (missing.out, ==, "");
    g_assert_cmpstr (missing.err, ==,
                     "cwa-cert-planner request: partial.cwaplan: several computers host im.contoso.com, but the "
                     "load balancer im.contoso.com does not list cwa02.contoso.com and cwa03.contoso.com as "
                     "members (ssl for the array im.contoso.com, ssl for im.contoso.com on cwa02.contoso.com, ssl for "
                     "im.contoso.com on cwa03.contoso.com); choose one with “--computer cwa01.contoso.com”, "
                     "“--computer cwa02.contoso.com” or “--computer cwa03.contoso.com”, or add cwa02.contoso.com "
                     "and cwa03.contoso.com to the members of the load balancer im.contoso.com, and they share "
                     "one array certificate (“--load-balancer im.contoso.com --role ssl”).\n");
    g_unlink (partial);
  }

  g_unlink (plan);
  g_rmdir (tmp);
}

/* The validity rules use --now, and the warning window can be overridden. */
static void
test_now_and_expiry (void)
{
  g_autofree gchar *dir = examples_dir ();
  struct
  {
    const gchar *now;
    const gchar *days;
    gint         status;
    gboolean     ready;
    const gchar *failed;
  } cases[] = {
    { "2035-12-20T00:00:00Z", NULL, 0, FALSE, "cert.expiring-soon" },
    { "2035-11-01T00:00:00Z", NULL, 0, TRUE, NULL },
    { "2035-11-01T00:00:00Z", "90", 0, FALSE, "cert.expiring-soon" },
    { "2036-06-01T00:00:00Z", NULL, 1, FALSE, "cert.validity" },
    { "2025-06-01", NULL, 1, FALSE, "cert.validity" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(CwaTestRun) run = { 0 };
      g_autoptr(JsonNode) node = NULL;
      JsonObject *root;

      if (cases[i].days != NULL)
        CWA_TEST_RUN (&run, dir, "check", "contoso.cwaplan", "--no-system-trust", "--format", "json",
             "--now", cases[i].now, "--expiry-warning-days", cases[i].days);
      else
        CWA_TEST_RUN (&run, dir, "check", "contoso.cwaplan", "--no-system-trust", "--format", "json",
             "--now", cases[i].now);
      g_test_message ("case %u: %s", i, cases[i].now);
      g_assert_cmpint (run.status, ==, cases[i].status);

      node = cwa_test_parse_json (run.out);
      root = json_node_get_object (node);
      assert_summary_consistent (root);
      g_assert_cmpint (json_object_get_boolean_member (json_object_get_object_member (root, "summary"), "ready"),
                       ==, cases[i].ready);
      if (cases[i].failed != NULL)
        assert_failed (json_object_get_array_member (root, "findings"), cases[i].failed, NULL, "im-contoso");
    }
}

/* An external virtual server needs a public root; --public-ca makes the
 * plan's own root one. */
static void
test_public_ca (void)
{
  g_autofree gchar *dir = examples_dir ();
  g_autofree gchar *tmp = g_dir_make_tmp ("cwa-cli-XXXXXX", NULL);
  g_autofree gchar *leaf = g_build_filename (dir, "certs", "im-contoso.pem", NULL);
  g_autofree gchar *root_ca = g_build_filename (dir, "certs", "contoso-root.pem", NULL);
  g_autofree gchar *leaf_json = g_strescape (leaf, NULL);
  g_autofree gchar *root_json = g_strescape (root_ca, NULL);
  g_autofree gchar *contents = g_strdup_printf (
    "{ \"format\": \"cwa-cert-plan\", \"version\": 1, \"name\": \"External\",\n"
    "  \"servers\": [ { \"fqdn\": \"cwaserver.contoso.com\", \"mtls_certificate\": \"im\",\n"
    "    \"virtual_servers\": [ { \"url\": \"https://im.contoso.com\", \"audience\": \"external\",\n"
    "                             \"ssl_certificate\": \"im\" } ] } ],\n"
    "  \"certificates\": [ { \"id\": \"im\", \"file\": \"%s\" }, { \"id\": \"root\", \"file\": \"%s\" } ] }\n",
    leaf_json, root_json);
  g_autofree gchar *path = write_temp_plan (tmp, "external.cwaplan", contents);
  g_auto(CwaTestRun) without = { 0 };
  g_auto(CwaTestRun) with = { 0 };
  g_autoptr(JsonNode) a = NULL;
  g_autoptr(JsonNode) b = NULL;
  JsonObject *finding;

  CWA_TEST_RUN (&without, tmp, "check", "external.cwaplan", "--now", NOW, "--no-system-trust", "--format", "json");
  g_assert_cmpint (without.status, ==, 0);
  a = cwa_test_parse_json (without.out);
  finding = find_finding (json_object_get_array_member (json_node_get_object (a), "findings"),
                          "external.public-ca", "im.contoso.com", NULL);
  g_assert_nonnull (finding);
  g_assert_cmpstr (json_object_get_string_member (finding, "status"), ==, "fail");
  g_assert_false (json_object_get_boolean_member (json_object_get_object_member (json_node_get_object (a), "summary"),
                                                  "ready"));

  CWA_TEST_RUN (&with, tmp, "check", "external.cwaplan", "--now", NOW, "--no-system-trust",
       "--public-ca", root_ca, "--format", "json");
  g_assert_cmpint (with.status, ==, 0);
  b = cwa_test_parse_json (with.out);
  finding = find_finding (json_object_get_array_member (json_node_get_object (b), "findings"),
                          "external.public-ca", "im.contoso.com", NULL);
  g_assert_nonnull (finding);
  g_assert_cmpstr (json_object_get_string_member (finding, "status"), ==, "pass");

  /* An unreadable --public-ca bundle stops the run. */
  {
    g_auto(CwaTestRun) run = { 0 };

    CWA_TEST_RUN (&run, tmp, "check", "external.cwaplan", "--now", NOW, "--no-system-trust",
         "--public-ca", "no-such-bundle.pem");
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "no-such-bundle.pem"));
  }

  g_unlink (path);
  g_rmdir (tmp);
}

static void
test_rules (void)
{
  g_auto(CwaTestRun) run = { 0 };
  g_auto(CwaTestRun) text = { 0 };
  g_autoptr(JsonNode) node = NULL;
  const CwaRule * const *catalogue;
  guint n_rules = 0;
  JsonArray *rules;

  catalogue = cwa_rules_get_catalogue (&n_rules);

  CWA_TEST_RUN (&run, NULL, "rules", "--format", "json");
  g_assert_cmpint (run.status, ==, 0);
  node = cwa_test_parse_json (run.out);
  {
    static const gchar * const top[] = { "rules", NULL };
    assert_members (json_node_get_object (node), top);
  }
  rules = json_object_get_array_member (json_node_get_object (node), "rules");
  g_assert_cmpuint (json_array_get_length (rules), ==, n_rules);
  g_assert_cmpuint (n_rules, ==, 51);
  for (guint i = 0; i < n_rules; i++)
    {
      JsonObject *rule = json_array_get_object_element (rules, i);
      static const gchar * const members[] = { "id", "level", "scope", "source", "title", NULL };

      assert_members (rule, members);
      g_assert_cmpstr (json_object_get_string_member (rule, "id"), ==, catalogue[i]->id);
      g_assert_cmpstr (json_object_get_string_member (rule, "level"), ==, cwa_level_to_string (catalogue[i]->level));
      g_assert_cmpstr (json_object_get_string_member (rule, "scope"), ==, cwa_scope_to_string (catalogue[i]->scope));
      g_assert_cmpstr (json_object_get_string_member (rule, "source"), ==, catalogue[i]->source);
      g_assert_cmpstr (json_object_get_string_member (rule, "title"), ==, catalogue[i]->title);
    }
  g_assert_cmpstr (catalogue[0]->id, ==, "server.has-mtls-cert");
  g_assert_cmpstr (catalogue[n_rules - 1]->id, ==, "live.dns-matches-plan");

  CWA_TEST_RUN (&text, NULL, "rules");
  g_assert_cmpint (text.status, ==, 0);
  for (guint i = 0; i < n_rules; i++)
    g_assert_nonnull (strstr (text.out, catalogue[i]->id));
  /* Titles quote names in Markdown; a terminal shows them plain. */
  g_assert_null (strchr (text.out, '`'));
  g_assert_nonnull (strstr (text.out, "(as.im.contoso.com)"));
}

/* The reference page: every rule in a table row, every source explained,
 * each rule listed under its source. */
static void
test_rules_markdown (void)
{
  g_auto(CwaTestRun) run = { 0 };
  const CwaRule * const *catalogue;
  const CwaRuleSource *sources;
  guint n_rules = 0;
  guint n_sources = 0;

  catalogue = cwa_rules_get_catalogue (&n_rules);
  sources = cwa_rules_get_sources (&n_sources);

  CWA_TEST_RUN (&run, NULL, "rules", "--format", "markdown");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "# Rule reference\n"));
  for (guint i = 0; i < n_rules; i++)
    {
      g_autofree gchar *row = g_strdup_printf ("| `%s` | %s | %s | [%s](#", catalogue[i]->id,
                                               cwa_level_to_string (catalogue[i]->level),
                                               cwa_scope_to_string (catalogue[i]->scope),
                                               catalogue[i]->source);

      g_assert_nonnull (strstr (run.out, row));
      /* Every source a rule names is explained. */
      g_assert_nonnull (cwa_rules_lookup_source (catalogue[i]->source));
    }
  for (guint i = 0; i < n_sources; i++)
    {
      g_autofree gchar *heading = g_strdup_printf ("\n### %s\n", sources[i].id);

      g_assert_nonnull (strstr (run.out, heading));
      g_assert_cmpuint (strlen (sources[i].summary), >, 80);
    }
  g_assert_nonnull (strstr (run.out, "`rp.listener-san-has-url`, `cert.version-3`, `cert.eku-server-auth`"));
}

/* An unknown key (here a typo of "ssl_certificate") is kept, and each
 * plan-reading sub-command names it on stderr without changing its exit
 * status; the virtual server then rightly has no SSL certificate. */
static void
test_unknown_keys (void)
{
  g_autofree gchar *examples = examples_dir ();
  g_autofree gchar *tmp = g_dir_make_tmp ("cwa-cli-XXXXXX", NULL);
  g_autofree gchar *plan = g_build_filename (tmp, "typo.cwaplan", NULL);
  g_autofree gchar *text = g_strdup_printf (
    "{\n"
    "  \"format\": \"cwa-cert-plan\", \"version\": 1, \"name\": \"Typo\",\n"
    "  \"servers\": [ { \"fqdn\": \"cwaserver.contoso.com\", \"mtls_certificate\": \"im\",\n"
    "    \"virtual_servers\": [ { \"url\": \"https://im.contoso.com\", \"audience\": \"internal\",\n"
    "      \"ssl_cert\": \"im\" } ] } ],\n"
    "  \"certificates\": [ { \"id\": \"im\", \"file\": \"%s/certs/im-contoso.pem\" } ]\n"
    "}\n", examples);
  static const gchar notice[] =
    "typo.cwaplan:5:19: notice: unknown key \"ssl_cert\" in servers[0].virtual_servers[0] "
    "is kept but not used (did you mean \"ssl_certificate\"?)\n";
  static const gchar * const commands[][4] = {
    { "check", "typo.cwaplan", "--no-system-trust", NULL },
    { "names", "typo.cwaplan", NULL },
  };

  g_assert_true (g_file_set_contents (plan, text, -1, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(CwaTestRun) run = { 0 };

      cwa_test_run_argv (&run, tmp, commands[i]);
      g_assert_cmpstr (run.err, ==, notice);
      g_assert_cmpint (run.status, ==, i == 0 ? 1 : 0);
      if (i == 0)
        g_assert_nonnull (strstr (run.out, "has no SSL certificate assigned"));
    }

  g_unlink (plan);
  g_rmdir (tmp);
}

/* A typo for a sub-command is not a plan for the window. */
static void
test_unknown_command (void)
{
  g_autofree gchar *dir = examples_dir ();
  static const gchar * const typos[][2] = {
    { "chek", "check" }, { "name", "names" }, { "inspekt", "inspect" },
    { "rule", "rules" }, { "requets", "request" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (typos); i++)
    {
      g_auto(CwaTestRun) run = { 0 };
      g_autofree gchar *expected = g_strdup_printf ("cwa-cert-planner: unknown command '%s' "
                                                    "(did you mean '%s'?)\n",
                                                    typos[i][0], typos[i][1]);

      CWA_TEST_RUN (&run, dir, typos[i][0], "contoso.cwaplan");
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_cmpstr (run.err, ==, expected);
    }

  {
    g_auto(CwaTestRun) run = { 0 };

    CWA_TEST_RUN (&run, dir, "frobnicate");
    g_assert_cmpint (run.status, ==, 2);
    g_assert_null (strstr (run.err, "did you mean"));
    g_assert_nonnull (strstr (run.err, "unknown command 'frobnicate'; use check, names"));
  }

  /* A mistyped plan path is no command either: the line says the file does
   * not exist and how to check a plan, with the usage error's status. */
  {
    static const gchar * const paths[] = {
      "examples/contoso.cwplan", "nowhere.cwaplan", "./CONTOSO.CWAPLAN", "contoso.cwplan", "NOWHERE.CWAPLAN",
    };
    g_autofree gchar *parent = g_path_get_dirname (dir);

    for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
      {
        g_auto(CwaTestRun) run = { 0 };
        g_autofree gchar *expected = g_strdup_printf ("cwa-cert-planner: “%s” is not a command, and no such "
                                                      "file exists; check the path and the file name "
                                                      "(“cwa-cert-planner FILE” opens a plan in the window, "
                                                      "“cwa-cert-planner check FILE” checks it; see "
                                                      "“cwa-cert-planner --help”).\n", paths[i]);

        CWA_TEST_RUN (&run, parent, paths[i]);
        g_assert_cmpint (run.status, ==, 2);
        g_assert_cmpstr (run.out, ==, "");
        g_assert_cmpstr (run.err, ==, expected);
      }
  }
}
/* Facts other tools show and GnuTLS's defaults do not: a negative serial
 * (flagged), a P-521 key (521 bits, not 528), a T61String organisation
 * (decoded, escaped as RFC 4514 asks). */
static void
test_inspect_odd_facts (void)
{
  static const guchar t61[] = { 0x14, 9, 'C', 'O', 'M', 'P', 'A', 0xD1, 'I', 'A', '+' };
  g_autofree gchar *tmp = g_dir_make_tmp ("cwa-cli-XXXXXX", NULL);
  g_autofree gchar *path = g_build_filename (tmp, "odd.pem", NULL);
  g_autoptr(GBytes) t61_bytes = g_bytes_new_static (t61, sizeof t61);
  g_autofree gchar *pem = NULL;
  g_auto(CwaTestRun) json = { 0 };
  g_auto(CwaTestRun) text = { 0 };
  g_autoptr(JsonNode) node = NULL;
  JsonObject *certificate;
  CwaTestCertSpec spec;

  cwa_test_cert_spec_init (&spec, "CN=odd.contoso.com");
  spec.key = CWA_TEST_KEY_EC521;
  spec.key_usage = GNUTLS_KEY_DIGITAL_SIGNATURE;
  spec.serial = G_GUINT64_CONSTANT (0xFFFFFFFFFFFFFF05);
  spec.raw_attribute_oid = "2.5.4.10";
  spec.raw_attribute_value = t61_bytes;
  pem = cwa_test_cert_build_pem (&spec);
  g_assert_true (g_file_set_contents (path, pem, -1, NULL));

  CWA_TEST_RUN (&json, tmp, "inspect", "odd.pem", "--format", "json");
  g_assert_cmpint (json.status, ==, 0);
  node = cwa_test_parse_json (json.out);
  certificate = json_array_get_object_element (
    json_object_get_array_member (json_node_get_object (node), "certificates"), 0);
  g_assert_true (json_object_get_boolean_member (certificate, "serial_negative"));
  g_assert_cmpstr (json_object_get_string_member (certificate, "serial"), ==, "FF:05");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (certificate, "key"), "bits"),
                   ==, 521);
  g_assert_cmpstr (json_object_get_string_member (certificate, "subject"), ==,
                   "O=COMPAÑIA\\+,CN=odd.contoso.com");

  CWA_TEST_RUN (&text, tmp, "inspect", "odd.pem");
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, "FF:05 (negative"));
  g_assert_nonnull (strstr (text.out, "521"));
  g_assert_nonnull (strstr (text.out, "O=COMPAÑIA\\+"));

  g_unlink (path);
  g_rmdir (tmp);
}

static void
test_inspect (void)
{
  g_autofree gchar *dir = examples_dir ();
  g_autofree gchar *tmp = g_dir_make_tmp ("cwa-cli-XXXXXX", NULL);
  g_autofree gchar *leaf_path = g_build_filename (dir, "certs", "im-contoso.pem", NULL);
  g_autofree gchar *root_path = g_build_filename (dir, "certs", "contoso-root.pem", NULL);
  g_autofree gchar *leaf_pem = NULL;
  g_autofree gchar *root_pem = NULL;
  g_autofree gchar *bundle_pem = NULL;
  g_autofree gchar *bundle = g_build_filename (tmp, "bundle.pem", NULL);
  g_autofree gchar *garbage = g_build_filename (tmp, "garbage.pem", NULL);
  g_auto(CwaTestRun) run = { 0 };
  g_auto(CwaTestRun) report = { 0 };
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) report_node = NULL;
  JsonArray *certificates;
  JsonObject *inspected;
  JsonObject *reported;

  g_assert_true (g_file_get_contents (leaf_path, &leaf_pem, NULL, NULL));
  g_assert_true (g_file_get_contents (root_path, &root_pem, NULL, NULL));
  bundle_pem = g_strconcat (leaf_pem, root_pem, NULL);
  g_assert_true (g_file_set_contents (bundle, bundle_pem, -1, NULL));
  g_assert_true (g_file_set_contents (garbage, "-----BEGIN CERTIFICATE-----\nnot base64 at all\n"
                                      "-----END CERTIFICATE-----\n", -1, NULL));

  CWA_TEST_RUN (&run, dir, "inspect", "certs/im-contoso.pem", bundle, "--format", "json");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  node = cwa_test_parse_json (run.out);
  certificates = json_object_get_array_member (json_node_get_object (node), "certificates");
  g_assert_cmpuint (json_array_get_length (certificates), ==, 3);
  for (guint i = 0; i < 3; i++)
    assert_members (json_array_get_object_element (certificates, i), inspect_members);

  inspected = json_array_get_object_element (certificates, 0);
  g_assert_cmpstr (json_object_get_string_member (inspected, "source"), ==, "certs/im-contoso.pem");
  g_assert_cmpint (json_object_get_int_member (inspected, "index"), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (certificates, 1), "source"),
                   ==, bundle);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (certificates, 1), "index"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (certificates, 2), "index"), ==, 1);
  g_assert_true (json_object_get_boolean_member (json_array_get_object_element (certificates, 2), "is_ca"));

  /* Field for field what the report says of the same certificate. */
  CWA_TEST_RUN (&report, dir, "check", "contoso.cwaplan", "--now", NOW, "--no-system-trust", "--format", "json");
  report_node = cwa_test_parse_json (report.out);
  reported = json_array_get_object_element (
    json_object_get_array_member (json_node_get_object (report_node), "certificates"), 0);
  for (guint i = 0; inspect_members[i] != NULL; i++)
    {
      const gchar *member = inspect_members[i];

      if (g_str_equal (member, "source") || g_str_equal (member, "index"))
        continue;
      g_test_message ("comparing %s", member);
      g_assert_true (json_node_equal (json_object_get_member (inspected, member),
                                      json_object_get_member (reported, member)));
    }

  /* A file that cannot be read: the others are printed, the status is 2. */
  {
    g_auto(CwaTestRun) partial = { 0 };
    g_autoptr(JsonNode) partial_node = NULL;

    CWA_TEST_RUN (&partial, dir, "inspect", "certs/im-contoso.pem", "certs/no-such.pem", garbage,
         "certs/contoso-root.pem", "--format", "json");
    g_assert_cmpint (partial.status, ==, 2);
    g_assert_nonnull (strstr (partial.err, "certs/no-such.pem"));
    g_assert_nonnull (strstr (partial.err, "garbage.pem"));
    partial_node = cwa_test_parse_json (partial.out);
    certificates = json_object_get_array_member (json_node_get_object (partial_node), "certificates");
    g_assert_cmpuint (json_array_get_length (certificates), ==, 2);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (certificates, 1), "source"),
                     ==, "certs/contoso-root.pem");
  }

  /* --help names the forms a file may come in that are easy to doubt
   * (cli.md): Base64 without BEGIN/END lines, and PowerShell 5's UTF-16. */
  {
    g_auto(CwaTestRun) help = { 0 };

    CWA_TEST_RUN (&help, NULL, "inspect", "--help");
    g_assert_cmpint (help.status, ==, 0);
    g_assert_nonnull (strstr (help.out, "Base64 without BEGIN/END lines"));
    g_assert_nonnull (strstr (help.out, "UTF-16"));
    g_assert_nonnull (strstr (help.out, "PowerShell"));
  }

  /* Text for a person. */
  {
    g_auto(CwaTestRun) plain = { 0 };

    CWA_TEST_RUN (&plain, dir, "inspect", "certs/im-contoso.pem");
    g_assert_cmpint (plain.status, ==, 0);
    g_assert_nonnull (strstr (plain.out, "CN=im.contoso.com,O=Contoso"));
    g_assert_nonnull (strstr (plain.out, "download.im.contoso.com"));
    g_assert_nonnull (strstr (plain.out, "2036-01-01T00:00:00Z"));
  }

  g_unlink (bundle);
  g_unlink (garbage);
  g_rmdir (tmp);
}

static void
test_names (void)
{
  g_autofree gchar *dir = examples_dir ();
  g_auto(CwaTestRun) names = { 0 };
  g_auto(CwaTestRun) report = { 0 };
  g_auto(CwaTestRun) mistakes = { 0 };
  g_auto(CwaTestRun) text = { 0 };
  g_autoptr(JsonNode) names_node = NULL;
  g_autoptr(JsonNode) report_node = NULL;
  g_autoptr(JsonNode) mistakes_node = NULL;
  JsonArray *required;
  JsonObject *entry;

  CWA_TEST_RUN (&names, dir, "names", "contoso.cwaplan", "--format", "json");
  g_assert_cmpint (names.status, ==, 0);
  names_node = cwa_test_parse_json (names.out);
  {
    static const gchar * const top[] = { "required_names", "dns_records", NULL };
    assert_members (json_node_get_object (names_node), top);
  }

  /* The same objects as the report's. */
  CWA_TEST_RUN (&report, dir, "check", "contoso.cwaplan", "--now", NOW, "--no-system-trust", "--format", "json");
  report_node = cwa_test_parse_json (report.out);
  g_assert_true (json_node_equal (json_object_get_member (json_node_get_object (names_node), "required_names"),
                                  json_object_get_member (json_node_get_object (report_node), "required_names")));

  /* Separate certificates: an SSL entry per virtual server, an MTLS entry
   * for the computer with its FQDN as subject and no SAN. */
  CWA_TEST_RUN (&mistakes, dir, "names", "mistakes.cwaplan", "--format", "json");
  g_assert_cmpint (mistakes.status, ==, 0);
  mistakes_node = cwa_test_parse_json (mistakes.out);
  required = json_object_get_array_member (json_node_get_object (mistakes_node), "required_names");
  g_assert_cmpuint (json_array_get_length (required), ==, 3);
  entry = find_object (required, "virtual_server", "im.fabrikam.com");
  g_assert_nonnull (entry);
  g_assert_cmpstr (json_object_get_string_member (entry, "role"), ==, "ssl");
  {
    static const gchar * const san[] = { "im.fabrikam.com", "as.im.fabrikam.com", "download.im.fabrikam.com", NULL };
    assert_strv_json (json_object_get_array_member (entry, "san"), san);
  }
  entry = find_object (required, "role", "mtls");
  g_assert_nonnull (entry);
  g_assert_cmpstr (json_object_get_string_member (entry, "subject"), ==, "cwaserver.contoso.com");
  g_assert_false (json_object_has_member (entry, "virtual_server"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (entry, "san")), ==, 0);

  CWA_TEST_RUN (&text, dir, "names", "contoso.cwaplan");
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, "download.im.contoso.com"));
  g_assert_nonnull (strstr (text.out, "shared"));
}

/* Two virtual servers of one host on one computer (internal and external,
 * both on port 443 at their own addresses) are named with their audience
 * by `names`, in text and JSON, and in `check`'s headings. */
static void
test_names_same_host (void)
{
  g_autofree gchar *examples = examples_dir ();
  g_autofree gchar *tmp = g_dir_make_tmp ("cwa-cli-XXXXXX", NULL);
  g_autofree gchar *plan = g_build_filename (tmp, "two.cwaplan", NULL);
  g_autofree gchar *text = g_strdup_printf (
    "{\n"
    "  \"format\": \"cwa-cert-plan\", \"version\": 1, \"name\": \"Two sites\",\n"
    "  \"servers\": [ { \"fqdn\": \"cwaserver.contoso.com\", \"mtls_certificate\": \"im\",\n"
    "    \"virtual_servers\": [\n"
    "      { \"url\": \"https://im.contoso.com\", \"audience\": \"internal\", \"listen\": \"10.0.0.1:443\",\n"
    "        \"ssl_certificate\": \"im\" },\n"
    "      { \"url\": \"https://im.contoso.com\", \"audience\": \"external\", \"listen\": \"10.0.0.2:443\",\n"
    "        \"ssl_certificate\": \"im\" } ] } ],\n"
    "  \"certificates\": [ { \"id\": \"im\", \"file\": \"%s/certs/im-contoso.pem\" } ]\n"
    "}\n", examples);
  static const gchar * const labels[] = { "im.contoso.com (internal)", "im.contoso.com (external)" };
  g_auto(CwaTestRun) names = { 0 };
  g_auto(CwaTestRun) json = { 0 };
  g_auto(CwaTestRun) check = { 0 };
  g_autoptr(JsonNode) node = NULL;
  JsonArray *required;
  JsonArray *records;

  g_assert_true (g_file_set_contents (plan, text, -1, NULL));

  CWA_TEST_RUN (&names, tmp, "names", "two.cwaplan");
  g_assert_cmpint (names.status, ==, 0);
  CWA_TEST_RUN (&check, tmp, "check", "two.cwaplan", "--now", NOW, "--no-system-trust");
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      g_autofree gchar *place = g_strdup_printf ("certificate for virtual server %s on cwaserver.contoso.com\n",
                                                 labels[i]);
      g_autofree gchar *heading = g_strdup_printf ("  Virtual server %s on cwaserver.contoso.com: ", labels[i]);

      g_assert_nonnull (strstr (names.out, place));
      g_assert_nonnull (strstr (check.out, heading));
    }
  g_assert_null (strstr (names.out, "virtual server im.contoso.com on"));
  g_assert_null (strstr (check.out, "Virtual server im.contoso.com on"));

  CWA_TEST_RUN (&json, tmp, "names", "two.cwaplan", "--format", "json");
  g_assert_cmpint (json.status, ==, 0);
  node = cwa_test_parse_json (json.out);
  required = json_object_get_array_member (json_node_get_object (node), "required_names");
  g_assert_cmpuint (json_array_get_length (required), ==, 2);
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      JsonObject *entry = json_array_get_object_element (required, i);

      /* "virtual_server" stays a host; the label tells them apart. */
      g_assert_cmpstr (json_object_get_string_member (entry, "virtual_server"), ==, "im.contoso.com");
      g_assert_cmpstr (json_object_get_string_member (entry, "virtual_server_label"), ==, labels[i]);
    }
  records = json_object_get_array_member (json_node_get_object (node), "dns_records");
  g_assert_cmpuint (json_array_get_length (records), >, 0);
  for (guint i = 0; i < json_array_get_length (records); i++)
    {
      const gchar *for_text = json_object_get_string_member (json_array_get_object_element (records, i), "for");

      g_assert_true (strstr (for_text, labels[0]) != NULL || strstr (for_text, labels[1]) != NULL);
    }

  g_unlink (plan);
  g_rmdir (tmp);
}

/* A reverse proxy whose FQDN is the host it publishes: `names` names that
 * host once in the listener's line, as the DNS records' words do. */
static void
test_names_proxy_named_as_host (void)
{
  g_autofree gchar *tmp = g_dir_make_tmp ("cwa-cli-XXXXXX", NULL);
  g_autofree gchar *plan = write_temp_plan (tmp, "proxy.cwaplan",
    "{ \"format\": \"cwa-cert-plan\", \"version\": 2, \"name\": \"Proxy\", \"servers\": [\n"
    "  { \"fqdn\": \"cwa01.contoso.com\", \"virtual_servers\": [\n"
    "    { \"url\": \"https://im.contoso.com\", \"audience\": \"external\" } ] } ],\n"
    "  \"reverse_proxies\": [ { \"fqdn\": \"IM.contoso.com.\", \"publishing_rules\": [\n"
    "    { \"published_url\": \"https://im.contoso.com\", \"virtual_server\": \"im.contoso.com\" } ] },\n"
    "    { \"fqdn\": \"isa01.perimeter.contoso.com\", \"publishing_rules\": [\n"
    "    { \"published_url\": \"https://chat.contoso.com\", \"virtual_server\": \"im.contoso.com\" } ] } ] }\n");
  g_auto(CwaTestRun) names = { 0 };

  CWA_TEST_RUN (&names, tmp, "names", "proxy.cwaplan");
  g_assert_cmpint (names.status, ==, 0);
  g_assert_nonnull (strstr (names.out, "reverse-proxy certificate for the listener publishing im.contoso.com "
                                       "on the reverse proxy of that name\n"));
  g_assert_null (strstr (names.out, "on the reverse proxy im.contoso.com"));
  /* Another proxy is still named. */
  g_assert_nonnull (strstr (names.out, "reverse-proxy certificate for the listener publishing chat.contoso.com "
                                       "on the reverse proxy isa01.perimeter.contoso.com\n"));

  g_unlink (plan);
  g_rmdir (tmp);
}

/* The finding of @rule whose @member is @value. */
static JsonObject *
find_finding_of (JsonArray   *findings,
                 const gchar *rule,
                 const gchar *member,
                 const gchar *value)
{
  for (guint i = 0; i < json_array_get_length (findings); i++)
    {
      JsonObject *finding = json_array_get_object_element (findings, i);

      if (g_strcmp0 (json_object_get_string_member (finding, "rule"), rule) == 0 &&
          g_strcmp0 (json_object_get_string_member_with_default (finding, member, NULL), value) == 0)
        return finding;
    }
  return NULL;
}

static void
assert_status (JsonArray   *findings,
               const gchar *rule,
               const gchar *member,
               const gchar *value,
               const gchar *status)
{
  JsonObject *finding = find_finding_of (findings, rule, member, value);

  if (finding == NULL)
    g_error ("no %s finding with %s %s", rule, member, value);
  g_assert_cmpstr (json_object_get_string_member (finding, "status"), ==, status);
}

/* The findings of a JSON report whose summary agrees with them; sets
 * *@summary. */
static JsonArray *
report_findings (JsonNode    *node,
                 JsonObject **summary)
{
  JsonObject *root = json_node_get_object (node);

  assert_summary_consistent (root);
  *summary = json_object_get_object_member (root, "summary");
  return json_object_get_array_member (root, "findings");
}

/* contoso-array.cwaplan checks as Ready once its stand-in public root is
 * given as public, and only then: without it the listener certificate is
 * no public one (data/examples/README.md). */
static void
test_contoso_array_check (void)
{
  g_autofree gchar *dir = examples_dir ();
  g_auto(CwaTestRun) ready = { 0 };
  g_auto(CwaTestRun) not_public = { 0 };
  g_auto(CwaTestRun) text = { 0 };
  g_autoptr(JsonNode) ready_node = NULL;
  g_autoptr(JsonNode) not_public_node = NULL;
  JsonObject *summary;
  JsonArray *findings;

  CWA_TEST_RUN (&ready, dir, "check", "contoso-array.cwaplan", "--now", NOW, "--no-system-trust",
                "--public-ca", "certs/stand-in-public-root.pem", "--format", "json");
  g_assert_cmpint (ready.status, ==, 0);
  g_assert_cmpstr (ready.err, ==, "");
  ready_node = cwa_test_parse_json (ready.out);
  findings = report_findings (ready_node, &summary);
  g_assert_true (json_object_get_boolean_member (summary, "ready"));
  g_assert_cmpint (json_object_get_int_member (summary, "info"), ==, 0);
  /* The documented array shares its URL and is no mistake. */
  assert_status (findings, "deployment.unique-urls", "rule", "deployment.unique-urls", "pass");
  assert_status (findings, "lb.members-host-array-url", "load_balancer", "im.contoso.com", "pass");
  assert_status (findings, "rp.listener-public-ca", "published_host", "im.contoso.com", "pass");
  assert_status (findings, "rp.trusts-internal-ca", "reverse_proxy", "isa01.perimeter.contoso.com", "pass");
  assert_status (findings, "external.published-by-reverse-proxy", "server", "cwa02.contoso.com", "pass");

  CWA_TEST_RUN (&not_public, dir, "check", "contoso-array.cwaplan", "--now", NOW, "--no-system-trust",
                "--format", "json");
  g_assert_cmpint (not_public.status, ==, 0);
  not_public_node = cwa_test_parse_json (not_public.out);
  findings = report_findings (not_public_node, &summary);
  g_assert_false (json_object_get_boolean_member (summary, "ready"));
  g_assert_cmpint (json_object_get_int_member (summary, "errors"), ==, 0);
  assert_status (findings, "rp.listener-public-ca", "published_host", "im.contoso.com", "fail");
  assert_status (findings, "cert.chain-trusted", "certificate", "im-contoso-public", "fail");
  assert_status (findings, "cert.chain-trusted", "certificate", "im-contoso-array", "pass");

  /* The command README.md shows, as it is written there. */
  CWA_TEST_RUN (&text, dir, "check", "contoso-array.cwaplan", "--public-ca", "certs/stand-in-public-root.pem");
  g_assert_cmpint (text.status, ==, 0);
  g_assert_true (g_str_has_prefix (text.out, "\xe2\x9c\x94 Ready"));
}

/* names and request on contoso-array.cwaplan: one SSL entry for the
 * array, an MTLS entry per member, the listener's, and a request for each. */
static void
test_contoso_array_names (void)
{
  g_autofree gchar *dir = examples_dir ();
  g_auto(CwaTestRun) names = { 0 };
  g_auto(CwaTestRun) text = { 0 };
  g_auto(CwaTestRun) array = { 0 };
  g_auto(CwaTestRun) via_lb = { 0 };
  g_auto(CwaTestRun) listener = { 0 };
  g_auto(CwaTestRun) pass_through = { 0 };
  g_autoptr(JsonNode) node = NULL;
  JsonArray *required;
  JsonArray *records;
  JsonObject *entry;
  static const gchar * const members[] = { "cwa01.contoso.com", "cwa02.contoso.com", NULL };
  static const gchar * const san[] = { "im.contoso.com", "as.im.contoso.com", "download.im.contoso.com", NULL };

  CWA_TEST_RUN (&names, dir, "names", "contoso-array.cwaplan", "--format", "json");
  g_assert_cmpint (names.status, ==, 0);
  node = cwa_test_parse_json (names.out);
  required = json_object_get_array_member (json_node_get_object (node), "required_names");
  g_assert_cmpuint (json_array_get_length (required), ==, 4);
  entry = find_object (required, "role", "ssl");
  g_assert_cmpstr (json_object_get_string_member (entry, "load_balancer"), ==, "im.contoso.com");
  g_assert_false (json_object_has_member (entry, "server"));
  assert_strv_json (json_object_get_array_member (entry, "servers"), members);
  assert_strv_json (json_object_get_array_member (entry, "san"), san);
  entry = find_object (required, "role", "reverse-proxy");
  g_assert_cmpstr (json_object_get_string_member (entry, "reverse_proxy"), ==, "isa01.perimeter.contoso.com");
  assert_strv_json (json_object_get_array_member (entry, "san"), san);
  g_assert_nonnull (find_object (required, "server", "cwa02.contoso.com"));
  /* The array FQDN resolves to the virtual IP inside, to the listener outside. */
  records = json_object_get_array_member (json_node_get_object (node), "dns_records");
  g_assert_cmpstr (json_object_get_string_member (find_object (records, "value", "10.0.0.50"), "view"), ==,
                   "internal");
  g_assert_cmpstr (json_object_get_string_member (find_object (records, "value", "10.0.0.50"), "for"), ==,
                   "array im.contoso.com behind its load balancer");
  g_assert_cmpstr (json_object_get_string_member (find_object (records, "value", "203.0.113.10"), "view"), ==,
                   "external");
  /* The array FQDN is the load balancer's: the text names it once. */
  CWA_TEST_RUN (&text, dir, "names", "contoso-array.cwaplan");
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, "ssl certificate for array im.contoso.com behind its load balancer "
                                      "(each of cwa01.contoso.com, cwa02.contoso.com)\n"));
  g_assert_null (strstr (text.out, "im.contoso.com behind the load balancer im.contoso.com"));

  CWA_TEST_RUN (&array, dir, "request", "contoso-array.cwaplan", "--virtual-server", "im.contoso.com",
                "--format", "openssl");
  g_assert_cmpint (array.status, ==, 0);
  g_assert_nonnull (strstr (array.out, "CN = im.contoso.com\n"));
  g_assert_nonnull (strstr (array.out, "DNS.3 = download.im.contoso.com\n"));
  g_assert_null (strstr (array.out, "DNS.4"));
  CWA_TEST_RUN (&via_lb, dir, "request", "contoso-array.cwaplan", "--load-balancer", "im.contoso.com",
                "--role", "ssl", "--format", "openssl");
  g_assert_cmpint (via_lb.status, ==, 0);
  g_assert_cmpstr (via_lb.out, ==, array.out);
  CWA_TEST_RUN (&listener, dir, "request", "contoso-array.cwaplan", "--reverse-proxy",
                "isa01.perimeter.contoso.com", "--published-host", "im.contoso.com", "--format", "inf");
  g_assert_cmpint (listener.status, ==, 0);
  g_assert_nonnull (strstr (listener.out, "Subject = \"CN=im.contoso.com\"\r\n"));
  g_assert_nonnull (strstr (listener.out, "public certification authority"));
  /* The load balancer passes SSL through: no certificate of its own. */
  CWA_TEST_RUN (&pass_through, dir, "request", "contoso-array.cwaplan", "--load-balancer", "im.contoso.com",
                "--format", "inf");
  g_assert_cmpint (pass_through.status, ==, 2);
  g_assert_cmpstr (pass_through.out, ==, "");
  g_assert_nonnull (strstr (pass_through.err, "--role ssl"));
}

/* A password-protected PKCS#12 file: exit 2 naming the option without a
 * password, and the certificate with one, for inspect and for check. */
static void
test_pkcs12 (void)
{
  g_autofree gchar *certtool = g_find_program_in_path ("certtool");
  g_autofree gchar *tmp = NULL;
  g_autofree gchar *key = NULL;
  g_autofree gchar *plan = NULL;
  const gchar *files[] = { "cert.tmpl", "cert.pem", "cert.p12", "password", "wrong", "p12.cwaplan", NULL };
  g_autoptr(GError) error = NULL;
  gint wait_status = 0;

  if (certtool == NULL)
    {
      g_test_skip ("certtool (gnutls-bin) is not installed");
      return;
    }

  tmp = g_dir_make_tmp ("cwa-cli-XXXXXX", NULL);
  key = cwa_test_data_path ("keys", "rsa2048.key", NULL);
  {
    g_autofree gchar *tmpl = g_build_filename (tmp, "cert.tmpl", NULL);
    g_autofree gchar *pem = g_build_filename (tmp, "cert.pem", NULL);
    g_autofree gchar *p12 = g_build_filename (tmp, "cert.p12", NULL);
    const gchar *self_signed[] = { certtool, "--generate-self-signed", "--load-privkey", key,
                                   "--template", tmpl, "--outfile", pem, NULL };
    const gchar *to_p12[] = { certtool, "--to-p12", "--load-privkey", key, "--load-certificate", pem,
                              "--p12-name", "p12", "--password", "s3cret", "--outder",
                              "--outfile", p12, NULL };

    g_assert_true (g_file_set_contents (tmpl,
                                        "cn = \"p12.contoso.com\"\nserial = 9\n"
                                        "activation_date = \"2026-01-01 00:00:00 UTC\"\n"
                                        "expiration_date = \"2028-01-01 00:00:00 UTC\"\n"
                                        "tls_www_server\nsigning_key\nencryption_key\n", -1, NULL));
    g_spawn_sync (NULL, (gchar **) self_signed, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                  NULL, NULL, NULL, NULL, &wait_status, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
    g_spawn_sync (NULL, (gchar **) to_p12, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                  NULL, NULL, NULL, NULL, &wait_status, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
  }
  g_free (write_temp_plan (tmp, "password", "s3cret\n"));
  g_free (write_temp_plan (tmp, "wrong", "guess\n"));
  g_free (write_temp_plan (tmp, "password-crlf", "s3cret\r\nnot part of the password\n"));
  {
    g_autofree gchar *huge = g_strnfill (64 * 1024 + 1, 'x');

    g_free (write_temp_plan (tmp, "password-huge", huge));
  }
  plan = write_temp_plan (tmp, "p12.cwaplan",
                          "{ \"format\": \"cwa-cert-plan\", \"version\": 1,\n"
                          "  \"servers\": [ { \"fqdn\": \"p12.contoso.com\", \"mtls_certificate\": \"p12\" } ],\n"
                          "  \"certificates\": [ { \"id\": \"p12\", \"file\": \"cert.p12\" } ] }\n");

  {
    g_auto(CwaTestRun) locked = { 0 };
    g_auto(CwaTestRun) wrong = { 0 };
    g_auto(CwaTestRun) open = { 0 };
    g_autoptr(JsonNode) node = NULL;
    JsonArray *certificates;

    /* The hint says how to give the password here, not the window's
     * "Type the password". */
    CWA_TEST_RUN (&locked, tmp, "inspect", "cert.p12", "--format", "json");
    g_assert_cmpint (locked.status, ==, 2);
    g_assert_cmpstr (locked.err, ==, "cwa-cert-planner inspect: cert.p12: the file is protected by a password. "
                                     "Put the password the file was exported with on the first line of a "
                                     "file, and give that file with --password-file FILE.\n");

    CWA_TEST_RUN (&wrong, tmp, "inspect", "cert.p12", "--password-file", "wrong");
    g_assert_cmpint (wrong.status, ==, 2);
    g_assert_cmpstr (wrong.err, ==, "cwa-cert-planner inspect: cert.p12: the password is wrong. "
                                    "Put the password the file was exported with on the first line of a "
                                    "file, and give that file with --password-file FILE.\n");

    /* A device as the password file is refused, not read for ever. */
    {
      g_auto(CwaTestRun) device = { 0 };

      CWA_TEST_RUN (&device, tmp, "inspect", "cert.p12", "--password-file", "/dev/zero");
      g_assert_cmpint (device.status, ==, 2);
      g_assert_nonnull (strstr (device.err, "/dev/zero: the password file cannot be read (a device)"));
    }

    /* A folder is named as one. */
    {
      g_auto(CwaTestRun) folder = { 0 };

      CWA_TEST_RUN (&folder, tmp, "inspect", "cert.p12", "--password-file", ".");
      g_assert_cmpint (folder.status, ==, 2);
      g_assert_cmpstr (folder.err, ==, "cwa-cert-planner inspect: . is a folder, not a password file; give a "
                                       "file whose first line is the PKCS#12 password.\n");
    }

    /* The first line is the password, whatever ends it; a file past 64 KiB
     * is refused rather than read. */
    {
      g_auto(CwaTestRun) crlf = { 0 };
      g_auto(CwaTestRun) huge = { 0 };

      CWA_TEST_RUN (&crlf, tmp, "inspect", "cert.p12", "--password-file", "password-crlf");
      g_assert_cmpint (crlf.status, ==, 0);
      g_assert_nonnull (strstr (crlf.out, "CN=p12.contoso.com"));

      CWA_TEST_RUN (&huge, tmp, "inspect", "cert.p12", "--password-file", "password-huge");
      g_assert_cmpint (huge.status, ==, 2);
      g_assert_nonnull (strstr (huge.err, "password-huge: the password file cannot be read (it is larger than 65,536 bytes)"));
    }

    CWA_TEST_RUN (&open, tmp, "inspect", "cert.p12", "--format", "json", "--password-file", "password");
    g_assert_cmpint (open.status, ==, 0);
    node = cwa_test_parse_json (open.out);
    certificates = json_object_get_array_member (json_node_get_object (node), "certificates");
    g_assert_cmpuint (json_array_get_length (certificates), ==, 1);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (certificates, 0), "subject"),
                     ==, "CN=p12.contoso.com");
    /* The key that came with it is never printed. */
    g_assert_null (strstr (open.out, "PRIVATE KEY"));
  }

  {
    g_auto(CwaTestRun) locked = { 0 };
    g_auto(CwaTestRun) open = { 0 };
    g_auto(CwaTestRun) missing = { 0 };

    CWA_TEST_RUN (&locked, tmp, "check", "p12.cwaplan", "--now", NOW, "--no-system-trust");
    g_assert_cmpint (locked.status, ==, 2);
    g_assert_true (g_str_has_prefix (locked.err, "cwa-cert-planner check: p12.cwaplan"));
    g_assert_true (g_str_has_suffix (locked.err, "the file is protected by a password. Put the password the "
                                                 "file was exported with on the first line of a file, and give "
                                                 "that file with --password-file FILE.\n"));
    g_assert_null (strstr (locked.err, "Type the password"));

    CWA_TEST_RUN (&open, tmp, "check", "p12.cwaplan", "--now", NOW, "--no-system-trust", "--password-file", "password");
    g_assert_cmpint (open.status, ==, 0);

    CWA_TEST_RUN (&missing, tmp, "check", "p12.cwaplan", "--now", NOW, "--password-file", "no-such-password-file");
    g_assert_cmpint (missing.status, ==, 2);
    g_assert_nonnull (strstr (missing.err, "no-such-password-file"));
  }

  /* A password problem among other problems still gets the command line's
   * hint, not the window's. */
  {
    g_auto(CwaTestRun) mixed = { 0 };
    g_autofree gchar *mixed_plan = write_temp_plan (tmp, "mixed.cwaplan",
      "{ \"format\": \"cwa-cert-plan\", \"version\": 1,\n"
      "  \"servers\": [ { \"fqdn\": \"p12.contoso.com\", \"mtls_certificate\": \"p12\",\n"
      "    \"virtual_servers\": [ { \"url\": \"https://im.contoso.com\", \"audience\": \"internal\",\n"
      "      \"ssl_certificate\": \"gone\" } ] } ],\n"
      "  \"certificates\": [ { \"id\": \"p12\", \"file\": \"cert.p12\" },\n"
      "                     { \"id\": \"gone\", \"file\": \"no-such.pem\" } ] }\n");

    CWA_TEST_RUN (&mixed, tmp, "check", "mixed.cwaplan", "--now", NOW, "--no-system-trust");
    g_assert_cmpint (mixed.status, ==, 2);
    g_assert_nonnull (strstr (mixed.err, "no-such.pem"));
    g_assert_nonnull (strstr (mixed.err, "the file is protected by a password. Put the password the file was "
                                         "exported with on the first line of a file, and give that file with "
                                         "--password-file FILE.\n"));
    g_assert_null (strstr (mixed.err, "Type the password"));
    g_unlink (mixed_plan);
  }

  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autofree gchar *path = g_build_filename (tmp, files[i], NULL);

      g_unlink (path);
    }
  g_rmdir (tmp);
}

/* Colour is the caller's decision (a terminal, NO_COLOR unset): the text
 * writer uses it only when asked, and the words are the same either way. */
static void
test_text_color (void)
{
  g_autofree gchar *dir = examples_dir ();
  g_autofree gchar *path = g_build_filename (dir, "mistakes.cwaplan", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CwaPlan) plan = NULL;
  g_autoptr(CwaChecklist) checklist = NULL;
  g_autoptr(GDateTime) now = cwa_test_now ();
  g_autoptr(GBytes) plain = NULL;
  g_autoptr(GBytes) colored = NULL;
  g_autoptr(GRegex) sgr = NULL;
  g_autofree gchar *stripped = NULL;
  const CwaReportFormat *text = cwa_report_format_lookup ("text");
  CwaReport *report;

  plan = cwa_test_load_plan (path);
  checklist = cwa_test_checklist_new (plan);

  report = cwa_report_new (plan, checklist, "mistakes.cwaplan", now);
  plain = cwa_report_write_bytes (report, text, &error);
  g_assert_no_error (error);
  report->color = TRUE;
  colored = cwa_report_write_bytes (report, text, &error);
  g_assert_no_error (error);
  cwa_report_free (report);

  g_assert_null (memchr (g_bytes_get_data (plain, NULL), '\033', g_bytes_get_size (plain)));
  g_assert_nonnull (memchr (g_bytes_get_data (colored, NULL), '\033', g_bytes_get_size (colored)));
  sgr = g_regex_new ("\033\\[[0-9;]*m", 0, 0, NULL);
  stripped = g_regex_replace_literal (sgr, g_bytes_get_data (colored, NULL), g_bytes_get_size (colored),
                                      0, "", 0, NULL);
  g_assert_cmpmem (stripped, strlen (stripped), g_bytes_get_data (plain, NULL), g_bytes_get_size (plain));

  g_clear_object (&checklist);
  g_assert_finalize_object (g_steal_pointer (&plan));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cwa/cli/version", test_version);
  g_test_add_func ("/cwa/cli/help-lists-every-option", test_help_lists_every_option);
  g_test_add_func ("/cwa/cli/window-without-display", test_window_without_display);
  g_test_add_func ("/cwa/cli/bad-usage", test_bad_usage);
  g_test_add_func ("/cwa/cli/check/formats", test_formats);
  g_test_add_func ("/cwa/cli/check/contoso/text", test_contoso_text);
  g_test_add_func ("/cwa/cli/check/contoso/json", test_contoso_json);
  g_test_add_func ("/cwa/cli/check/mistakes", test_mistakes);
  g_test_add_func ("/cwa/cli/check/deterministic", test_deterministic);
  g_test_add_func ("/cwa/cli/check/broken-plans", test_broken_plans);
  g_test_add_func ("/cwa/cli/check/now-and-expiry", test_now_and_expiry);
  g_test_add_func ("/cwa/cli/check/public-ca", test_public_ca);
  g_test_add_func ("/cwa/cli/rules", test_rules);
  g_test_add_func ("/cwa/cli/rules/markdown", test_rules_markdown);
  g_test_add_func ("/cwa/cli/unknown-command", test_unknown_command);
  g_test_add_func ("/cwa/cli/unknown-keys", test_unknown_keys);
  g_test_add_func ("/cwa/cli/inspect", test_inspect);
  g_test_add_func ("/cwa/cli/inspect/odd-facts", test_inspect_odd_facts);
  g_test_add_func ("/cwa/cli/names", test_names);
  g_test_add_func ("/cwa/cli/names/same-host", test_names_same_host);
  g_test_add_func ("/cwa/cli/names/proxy-named-as-host", test_names_proxy_named_as_host);
  g_test_add_func ("/cwa/cli/contoso-array/check", test_contoso_array_check);
  g_test_add_func ("/cwa/cli/contoso-array/names-and-requests", test_contoso_array_names);
  g_test_add_func ("/cwa/cli/request/same-host", test_request_same_host);
  g_test_add_func ("/cwa/cli/pkcs12", test_pkcs12);
  g_test_add_func ("/cwa/cli/report/text-color", test_text_color);

  return g_test_run ();
}

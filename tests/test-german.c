/* test-german.c: the window in German: finding messages in the user's language, while reports and the command line's JSON stay English. */
#include "config.h"

#include <string.h>

#include "cwa-test-cert.h"
#include "cwa-test-locale.h"
#include "cwa-test-plan.h"
#include "cwa-test-run.h"
#include "cwa-test-ui.h"

/* The sentences of data/examples/mistakes.cwaplan that both languages are
 * compared on: { rule, English (reports, JSON), German (the window) }. */
static const gchar * const messages[][3] = {
  { "ssl.subject-matches-url",
    "The SSL certificate of im.fabrikam.com has the subject name im.contoso.com, not im.fabrikam.com.",
    "Das SSL-Zertifikat von im.fabrikam.com hat den Antragstellernamen im.contoso.com, nicht im.fabrikam.com." },
  { "ssl.san-has-download-url",
    "The SSL certificate of im.contoso.com does not list download.im.contoso.com in its subject alternative names.",
    "Das SSL-Zertifikat von im.contoso.com führt download.im.contoso.com nicht in seinen alternativen "
    "Antragstellernamen auf." },
  { "vs.one-cert-per-domain",
    "The SSL certificate im-contoso-no-download of im.contoso.com is also the SSL certificate of im.fabrikam.com "
    "on the server cwaserver.contoso.com; each URL needs its own certificate.",
    "Das SSL-Zertifikat im-contoso-no-download von im.contoso.com ist auch das SSL-Zertifikat von im.fabrikam.com "
    "auf dem Server cwaserver.contoso.com; jede URL braucht ein eigenes Zertifikat." },
  { "deployment.unique-urls",
    "Every virtual server of the deployment has a URL host of its own (2 virtual servers).",
    "Jeder virtuelle Server der Bereitstellung hat einen eigenen Host in seiner URL (2 virtuelle Server)." },
};

/* Whether a finding of @rule_id in @findings (CwaFinding) says @message. */
static gboolean
says (GListModel  *findings,
      const gchar *rule_id,
      const gchar *message)
{
  guint n = g_list_model_get_n_items (findings);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CwaFinding) finding = g_list_model_get_item (findings, i);

      if (g_str_equal (cwa_finding_get_rule_id (finding), rule_id) &&
          g_str_equal (cwa_finding_get_message (finding), message))
        return TRUE;
    }
  return FALSE;
}

/* Whether a row of @panel shows @message as its subtitle (markup). */
static gboolean
panel_shows_message (CwaChecklistPanel *panel,
                     const gchar       *message)
{
  g_autoptr(GPtrArray) rows = cwa_test_ui_find_all (panel, ADW_TYPE_EXPANDER_ROW);
  g_autofree gchar *markup = g_markup_escape_text (message, -1);

  for (guint i = 0; i < rows->len; i++)
    {
      if (g_strcmp0 (adw_expander_row_get_subtitle (g_ptr_array_index (rows, i)), markup) == 0)
        return TRUE;
    }
  return FALSE;
}

/* A new window showing data/examples/@example at the tests' fixed time,
 * once its checklist shows a failure of @rule_id; the caller closes it. */
static CwaWindow *
open_window (const gchar        *example,
             const gchar        *rule_id,
             CwaChecklistPanel **panel)
{
  g_autoptr(GDateTime) now = cwa_test_now ();
  CwaWindow *window = g_object_ref_sink (cwa_window_new (NULL));

  *panel = cwa_test_ui_child (window, CWA_TYPE_WINDOW, "checklist_panel");
  cwa_checklist_set_now (cwa_window_get_checklist (window), now);
  gtk_window_present (GTK_WINDOW (window));
  cwa_test_ui_open_example (window, example);
  CWA_TEST_WAIT_FOR (cwa_test_ui_panel_shows_failure (*panel, rule_id));
  return window;
}

static void
test_window_findings (void)
{
  CwaChecklistPanel *panel;
  CwaWindow *window = open_window ("mistakes.cwaplan", "ssl.subject-matches-url", &panel);
  GListModel *findings;
  g_autofree gchar *report = NULL;

  cwa_test_ui_wait_frames (GTK_WIDGET (window), 2);
  cwa_test_ui_maybe_screenshot (GTK_WIDGET (window), "german-findings");

  /* The checklist speaks German, and its rows show what it says.  (Opening
   * the plan gave the window a new checklist.) */
  findings = cwa_checklist_get_findings (cwa_window_get_checklist (window));
  for (guint i = 0; i < G_N_ELEMENTS (messages); i++)
    {
      g_assert_true (says (findings, messages[i][0], messages[i][2]));
      g_assert_false (says (findings, messages[i][0], messages[i][1]));
    }
  g_assert_true (panel_shows_message (panel, messages[0][2]));
  g_assert_true (panel_shows_message (panel, messages[1][2]));

  /* A report made in the window stays English, like the command line's. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.copy-markdown", NULL));
  report = cwa_test_ui_read_clipboard (window);
  for (guint i = 0; i < G_N_ELEMENTS (messages); i++)
    {
      g_assert_nonnull (strstr (report, messages[i][1]));
      g_assert_null (strstr (report, messages[i][2]));
    }

  cwa_test_ui_close_window (window);
}

/* A finding that quotes why a chain is not trusted is German throughout:
 * the chain's problem too, not only the sentence around it. */
static void
test_window_chain_problem (void)
{
  CwaChecklistPanel *panel;
  CwaWindow *window = open_window ("contoso-array.cwaplan", "cert.chain-trusted", &panel);
  GListModel *findings;
  guint n;
  gboolean seen = FALSE;

  findings = cwa_checklist_get_findings (cwa_window_get_checklist (window));
  n = g_list_model_get_n_items (findings);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CwaFinding) finding = g_list_model_get_item (findings, i);
      const gchar *message = cwa_finding_get_message (finding);

      if (!g_str_equal (cwa_finding_get_rule_id (finding), "cert.chain-trusted") ||
          !cwa_finding_is_failed (finding))
        continue;
      g_assert_true (g_str_has_prefix (message, "Die Kette des Zertifikats im-contoso-public endet bei keiner "
                                                "vertrauenswürdigen Stammzertifizierungsstelle: Für „CN=Stand-in "
                                                "Public Root CA"));
      g_assert_nonnull (strstr (message, "wurde kein Ausstellerzertifikat gefunden; fügen Sie es dem Plan hinzu. "
                                         "Laden Sie "));
      g_assert_null (strstr (message, "No issuer"));
      seen = TRUE;
    }
  g_assert_true (seen);

  cwa_test_ui_close_window (window);
}

/* The JSON is for programs: its messages stay English whatever the locale. */
static void
test_cli_json_english (void)
{
  g_auto(CwaTestRun) run = { 0 };
  g_autofree gchar *plan = g_build_filename (g_getenv ("CWA_SOURCE_ROOT"), "data", "examples",
                                             "mistakes.cwaplan", NULL);
  g_autoptr(JsonNode) root = NULL;
  JsonArray *findings;
  guint matched = 0;

  CWA_TEST_RUN (&run, NULL, "check", plan, "--format", "json", "--now", "2026-01-15T00:00:00Z",
                "--no-system-trust");
  g_assert_cmpint (run.status, ==, 1);
  root = cwa_test_parse_json (run.out);
  findings = json_object_get_array_member (json_node_get_object (root), "findings");
  for (guint i = 0; i < json_array_get_length (findings); i++)
    {
      JsonObject *finding = json_array_get_object_element (findings, i);
      const gchar *message = json_object_get_string_member (finding, "message");

      for (guint j = 0; j < G_N_ELEMENTS (messages); j++)
        {
          g_assert_cmpstr (message, !=, messages[j][2]);
          if (g_str_equal (json_object_get_string_member (finding, "rule"), messages[j][0]) &&
              g_str_equal (message, messages[j][1]))
            matched |= 1u << j;
        }
    }
  g_assert_cmpuint (matched, ==, (1u << G_N_ELEMENTS (messages)) - 1);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree gchar *data_home = g_dir_make_tmp ("cwa-test-german-data-XXXXXX", NULL);
  int status;

  if (!cwa_test_ui_init (&argc, &argv, data_home))
    return g_test_run ();

  /* GTK's start-up set the locale from the environment; German is set
   * after it, as a user's session would have it before. */
  if (!cwa_test_speak_german ())
    {
      g_test_skip ("no German catalogue in the build tree, or no C.UTF-8 locale");
      return g_test_run ();
    }

  g_test_add_func ("/cwa/ui/german/window-findings", test_window_findings);
  g_test_add_func ("/cwa/ui/german/window-chain-problem", test_window_chain_problem);
  g_test_add_func ("/cwa/ui/german/cli-json-english", test_cli_json_english);
  status = g_test_run ();
  cwa_test_remove_tree (data_home);
  return status;
}

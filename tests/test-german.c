/* test-german.c: the window in German: finding messages in the user's language, while reports and the command line's JSON stay English. */
#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "cwa-deployment-editor.h"
#include "cwa-import-queue.h"
#include "cwa-rule-text.h"
#include "cwa-test-cert.h"
#include "cwa-test-locale.h"
#include "cwa-test-plan.h"
#include "cwa-test-run.h"
#include "cwa-test-ui.h"
#include "cwa-topology-view.h"
#include "cwa-trust-settings.h"

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
      /* The chain's problem says what to do; the advice is not repeated. */
      g_assert_true (g_str_has_suffix (message, "wurde kein Ausstellerzertifikat gefunden; fügen Sie es dem Plan hinzu."));
      g_assert_null (strstr (message, "No issuer"));
      seen = TRUE;
    }
  g_assert_true (seen);

  cwa_test_ui_close_window (window);
}

/* Files that cannot be loaded, each a different reason, and what the
 * window says about each: { file, German, English (the command line) }. */
#define HINT_DE "Wählen Sie eine PEM-, DER-, PKCS#7- (.p7b) oder PKCS#12-Zertifikatsdatei (.pfx)."
#define HINT_EN "Choose a PEM, DER, PKCS#7 (.p7b) or PKCS#12 (.pfx) certificate file."
static const gchar * const unloadable[][3] = {
  { "leer.pem",
    "leer.pem: Die Datei ist leer. " HINT_DE,
    "leer.pem: the file is empty. " HINT_EN },
  { "notiz.txt",
    "notiz.txt: Die Datei enthält kein Zertifikat. " HINT_DE,
    "notiz.txt: the file holds no certificate. " HINT_EN },
  { "seite.html",
    "seite.html: Die Datei ist eine HTML-Seite, kein Zertifikat (ein Download-Link, der zu einer Webseite "
    "oder Anmeldeseite führte?). Laden Sie die Zertifikatsdatei selbst herunter.",
    "seite.html: the file is an HTML page, not a certificate (a download link that led to a web page or a "
    "sign-in page?). Download the certificate file itself." },
  /* Refused by the reader before a byte is read (cwa-file-read.c). */
  { "rohr.pem",
    "rohr.pem: Das ist eine benannte Pipe (FIFO), keine Datei. Speichern Sie das Zertifikat in einer Datei "
    "und wählen Sie diese Datei.",
    "rohr.pem: this is a named pipe (FIFO), not a file. Save the certificate to a file and choose that file." },
};

/* A new folder holding the files of unloadable[]; the caller removes it. */
static gchar *
make_unloadable_files (void)
{
  gchar *dir = g_dir_make_tmp ("cwa-test-german-XXXXXX", NULL);
  g_autofree gchar *empty = g_build_filename (dir, unloadable[0][0], NULL);
  g_autofree gchar *text = g_build_filename (dir, unloadable[1][0], NULL);
  g_autofree gchar *page = g_build_filename (dir, unloadable[2][0], NULL);
  g_autofree gchar *fifo = g_build_filename (dir, unloadable[3][0], NULL);

  g_assert_nonnull (dir);
  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  g_assert_true (g_file_set_contents (text, "Das Zertifikat kommt morgen.\n", -1, NULL));
  g_assert_true (g_file_set_contents (page, "<!DOCTYPE html>\n<html><body>Anmelden</body></html>\n", -1, NULL));
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  return dir;
}

/* The German message of unloadable[] for the file named @message's end,
 * or NULL when @message is none of them. */
static const gchar *
german_unloadable_message (const gchar *message)
{
  for (guint i = 0; i < G_N_ELEMENTS (unloadable); i++)
    if (g_str_has_suffix (message, unloadable[i][1]))
      return unloadable[i][1];
  return NULL;
}

/* Whether a label in @widget (or below it) ends with @text. */
static gboolean
has_label_ending (GtkWidget   *widget,
                  const gchar *text)
{
  if (GTK_IS_LABEL (widget) && g_str_has_suffix (gtk_label_get_text (GTK_LABEL (widget)), text))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label_ending (child, text))
      return TRUE;
  return FALSE;
}

/* Whether a label in @widget (or below it) reads one of unloadable[]'s
 * German messages, after the folder the file is in. */
static gboolean
shows_german_unloadable (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && german_unloadable_message (gtk_label_get_text (GTK_LABEL (widget))) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_german_unloadable (child))
      return TRUE;
  return FALSE;
}

/* The first drop target of @widget that takes @type. */
static GtkDropTarget *
drop_target_of (GtkWidget *widget,
                GType      type)
{
  GListModel *controllers = gtk_widget_observe_controllers (widget);
  GtkDropTarget *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && found == NULL; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller) &&
          gdk_content_formats_contain_gtype (gtk_drop_target_get_formats (GTK_DROP_TARGET (controller)), type))
        found = GTK_DROP_TARGET (controller);
    }
  g_object_unref (controllers);
  g_assert_nonnull (found);
  return found;
}

/* Drops the files of unloadable[] in @dir on @widget, as a file manager does. */
static void
drop_unloadable_files (GtkWidget   *widget,
                       const gchar *dir)
{
  GSList *files = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean handled = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (unloadable); i++)
    files = g_slist_append (files, g_file_new_build_filename (dir, unloadable[i][0], NULL));
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (files));
  g_slist_free_full (files, g_object_unref);
  g_signal_emit_by_name (drop_target_of (widget, GDK_TYPE_FILE_LIST), "drop", &value, 5.0, 5.0, &handled);
  g_assert_true (handled);
}

static void
failed_cb (CwaImportQueue *queue,
           GFile          *file,
           const gchar    *message,
           GPtrArray      *failures)
{
  g_autofree gchar *name = g_file_get_basename (file);

  g_ptr_array_add (failures, g_strdup_printf ("%s\t%s", name, message));
}

/* Files dropped on the window that cannot be loaded are reported in
 * German, each naming its file, though they load in worker threads. */
static void
test_window_drop_unloadable (void)
{
  g_autofree gchar *dir = make_unloadable_files ();
  CwaWindow *window = g_object_ref_sink (cwa_window_new (NULL));
  CwaImportQueue *queue = cwa_window_get_import_queue (window);
  GtkWidget *overlay = cwa_test_ui_child (window, CWA_TYPE_WINDOW, "toast_overlay");
  g_autoptr(GPtrArray) failures = g_ptr_array_new_with_free_func (g_free);
  GtkWidget *details;
  AdwMessageDialog *dialog;
  GtkWidget *listed;

  gtk_window_present (GTK_WINDOW (window));
  cwa_test_ui_drain_main_loop ();
  g_signal_connect (queue, "failed", G_CALLBACK (failed_cb), failures);
  drop_unloadable_files (GTK_WIDGET (window), dir);
  CWA_TEST_WAIT_FOR (failures->len == G_N_ELEMENTS (unloadable));
  g_signal_handlers_disconnect_by_data (queue, failures);

  for (guint i = 0; i < G_N_ELEMENTS (unloadable); i++)
    {
      g_autofree gchar *prefix = g_strconcat (unloadable[i][0], "\t", NULL);
      gboolean seen = FALSE;

      for (guint j = 0; j < failures->len; j++)
        {
          const gchar *line = g_ptr_array_index (failures, j);

          if (!g_str_has_prefix (line, prefix))
            continue;
          g_test_message ("%s", line);
          g_assert_true (g_str_has_suffix (line, unloadable[i][1]));
          seen = TRUE;
        }
      g_assert_true (seen);
    }

  /* One toast for them all; its Details list each message as it came. */
  CWA_TEST_WAIT_FOR (cwa_test_ui_has_label (overlay, "4 Dateien konnten nicht geladen werden"));
  details = cwa_test_ui_find_button (overlay, "_Details");
  g_assert_nonnull (details);
  gtk_widget_activate (details);
  CWA_TEST_WAIT_FOR ((dialog = cwa_test_ui_find_dialog ()) != NULL);
  listed = adw_message_dialog_get_extra_child (dialog);
  for (guint i = 0; i < G_N_ELEMENTS (unloadable); i++)
    g_assert_true (has_label_ending (listed, unloadable[i][1]));
  cwa_test_ui_maybe_screenshot (GTK_WIDGET (dialog), "german-drop-unloadable");
  gtk_window_destroy (GTK_WINDOW (dialog));

  cwa_test_ui_close_window (window);
  cwa_test_remove_tree (dir);
}

/* Pasted text that holds no certificate: the toast is German throughout,
 * the loader's words too. */
static void
test_window_paste_unloadable (void)
{
  CwaWindow *window = g_object_ref_sink (cwa_window_new (NULL));
  GtkWidget *overlay = cwa_test_ui_child (window, CWA_TYPE_WINDOW, "toast_overlay");
  const gchar *expected = "Der eingefügte Text konnte nicht geladen werden: Eingefügter Text: Der PEM-Block "
                          "„CERTIFICATE“ in Zeile 2 ist kein gültiges Base64, die Datei ist also beschädigt. "
                          "Kopieren Sie sie erneut oder laden Sie sie erneut herunter.";
  g_autoptr(GError) error = NULL;

  gtk_window_present (GTK_WINDOW (window));
  cwa_test_ui_drain_main_loop ();
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (window)),
                          "Das Zertifikat:\n-----BEGIN CERTIFICATE-----\nkein Base64!\n-----END CERTIFICATE-----\n");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.paste-certificates", NULL));
  CWA_TEST_WAIT_FOR (cwa_test_ui_has_label (overlay, expected));

  /* The import queue leaves the thread as it found it. */
  g_assert_cmpint (cwa_import_queue_add_text (cwa_window_get_import_queue (window), "-----BEGIN CERTIFICATE-----\n"
                                              "-----END CERTIFICATE-----\n", &error), ==, -1);
  g_assert_true (g_str_has_prefix (error->message, "Eingefügter Text: Der PEM-Block „CERTIFICATE“ in Zeile 1"));
  g_assert_false (cwa_rule_text_is_translated ());

  cwa_test_ui_close_window (window);
}

/* Files dropped on a card of the topology view: the same, in one toast
 * whose Details list each file's German message. */
static void
test_topology_drop_unloadable (void)
{
  g_autofree gchar *dir = make_unloadable_files ();
  CwaChecklistPanel *panel;
  CwaWindow *window = open_window ("mistakes.cwaplan", "ssl.subject-matches-url", &panel);
  GtkWidget *overlay = cwa_test_ui_child (window, CWA_TYPE_WINDOW, "toast_overlay");
  GtkWidget *editor = cwa_test_ui_child (window, CWA_TYPE_WINDOW, "editor");
  CwaTopologyView *view = cwa_test_ui_child (editor, CWA_TYPE_DEPLOYMENT_EDITOR, "topology_view");
  GListModel *servers = cwa_deployment_get_servers (cwa_plan_get_deployment (cwa_window_get_plan (window)));
  g_autoptr(CwaServer) server = g_list_model_get_item (servers, 0);
  g_autoptr(CwaVirtualServer) vs = g_list_model_get_item (cwa_server_get_virtual_servers (server), 0);
  CwaCertificate *before = cwa_virtual_server_get_ssl_certificate (vs);
  AdwMessageDialog *dialog;
  GtkWidget *details;

  gtk_toggle_button_set_active (cwa_test_ui_child (editor, CWA_TYPE_DEPLOYMENT_EDITOR, "topology_toggle"), TRUE);
  cwa_test_ui_drain_main_loop ();
  g_assert_false (shows_german_unloadable (overlay));
  drop_unloadable_files (cwa_topology_view_find_widget (view, vs), dir);
  CWA_TEST_WAIT_FOR (cwa_test_ui_has_label (overlay, "4 Dateien konnten nicht geladen werden"));
  g_assert_true (cwa_virtual_server_get_ssl_certificate (vs) == before);
  details = cwa_test_ui_find_button (overlay, "_Details");
  g_assert_nonnull (details);
  gtk_widget_activate (details);
  CWA_TEST_WAIT_FOR ((dialog = cwa_test_ui_find_dialog ()) != NULL);
  for (guint i = 0; i < G_N_ELEMENTS (unloadable); i++)
    g_assert_true (has_label_ending (adw_message_dialog_get_extra_child (dialog), unloadable[i][1]));
  gtk_window_destroy (GTK_WINDOW (dialog));

  cwa_test_ui_close_window (window);
  cwa_test_remove_tree (dir);
}

/* A public root bundle that cannot be read: Preferences says why in German. */
static void
test_trust_bundle_unloadable (void)
{
  g_autofree gchar *dir = make_unloadable_files ();
  g_autofree gchar *path = g_build_filename (dir, unloadable[1][0], NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CwaTrustSettings) trust = cwa_trust_settings_new ();
  GPtrArray *bundles;
  const CwaTrustBundle *bundle = NULL;

  if (!cwa_trust_settings_is_writable (trust))
    {
      g_test_skip ("no settings schema");
      cwa_test_remove_tree (dir);
      return;
    }
  cwa_trust_settings_set_use_system (trust, FALSE);
  g_assert_true (cwa_trust_settings_add_bundle (trust, file));
  bundles = cwa_trust_settings_get_bundles (trust);
  for (guint i = 0; i < bundles->len; i++)
    if (g_str_equal (((CwaTrustBundle *) g_ptr_array_index (bundles, i))->location, path))
      bundle = g_ptr_array_index (bundles, i);
  g_assert_nonnull (bundle);
  g_assert_nonnull (bundle->problem);
  g_test_message ("%s", bundle->problem);
  g_assert_true (g_str_has_suffix (bundle->problem, unloadable[1][1]));
  g_assert_true (g_str_has_prefix (bundle->problem, dir));
  g_assert_false (cwa_rule_text_is_translated ());

  cwa_trust_settings_remove_bundle (trust, path);
  cwa_trust_settings_set_use_system (trust, TRUE);
  cwa_test_remove_tree (dir);
}

/* The command line's messages about files it cannot load stay English
 * under the German locale. */
static void
test_cli_inspect_english (void)
{
  g_autofree gchar *dir = make_unloadable_files ();
  g_auto(CwaTestRun) run = { 0 };
  g_autofree gchar *expected = NULL;

  CWA_TEST_RUN (&run, dir, "inspect", unloadable[0][0], unloadable[1][0], unloadable[2][0], unloadable[3][0]);
  g_assert_cmpint (run.status, ==, 2);
  expected = g_strdup_printf ("cwa-cert-planner inspect: %s\ncwa-cert-planner inspect: %s\n"
                              "cwa-cert-planner inspect: %s\ncwa-cert-planner inspect: %s\n",
                              unloadable[0][2], unloadable[1][2], unloadable[2][2], unloadable[3][2]);
  g_assert_cmpstr (run.err, ==, expected);
  cwa_test_remove_tree (dir);
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
  g_test_add_func ("/cwa/ui/german/window-drop-unloadable", test_window_drop_unloadable);
  g_test_add_func ("/cwa/ui/german/window-paste-unloadable", test_window_paste_unloadable);
  g_test_add_func ("/cwa/ui/german/topology-drop-unloadable", test_topology_drop_unloadable);
  g_test_add_func ("/cwa/ui/german/trust-bundle-unloadable", test_trust_bundle_unloadable);
  g_test_add_func ("/cwa/ui/german/cli-json-english", test_cli_json_english);
  g_test_add_func ("/cwa/ui/german/cli-inspect-english", test_cli_inspect_english);
  status = g_test_run ();
  cwa_test_remove_tree (data_home);
  return status;
}

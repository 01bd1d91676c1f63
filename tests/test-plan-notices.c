/* test-plan-notices.c: unknown keys of a plan are named with their line and the nearest known key. */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "cwa-plan-file.h"
#include "cwa-plan-notices.h"
#include "cwa-rule-text.h"
#include "cwa-test-locale.h"

/* Every object of both versions, each with one misspelt or foreign key. */
static const gchar plan_text[] =
  "{\n"                                                                   /* 1 */
  "  \"format\": \"cwa-cert-plan\",\n"                                    /* 2 */
  "  \"version\": 2,\n"                                                   /* 3 */
  "  \"nmae\": \"Typos\",\n"                                              /* 4 */
  "  \"settings\": { \"expiry_warning_day\": 10 },\n"                     /* 5 */
  "  \"servers\": [\n"                                                    /* 6 */
  "    { \"fqdn\": \"cwa01.contoso.com\", \"colour\": \"red\",\n"         /* 7 */
  "      \"virtual_servers\": [\n"                                        /* 8 */
  "        { \"url\": \"https://im.contoso.com\", \"audience\": \"external\",\n" /* 9 */
  "          \"ssl_cert\": \"im\" } ] } ],\n"                             /* 10 */
  "  \"load_balancers\": [ { \"fqdn\": \"lb.contoso.com\", \"members\": [], \"ssl_ofload\": true } ],\n" /* 11 */
  "  \"reverse_proxies\": [ { \"fqdn\": \"isa.contoso.com\", \"publishing_rules\": [\n" /* 12 */
  "    { \"published_url\": \"im.contoso.com\", \"virtual_server\": \"im.contoso.com\",\n" /* 13 */
  "      \"internal_adress\": \"10.0.0.5\" } ] } ],\n"                   /* 14 */
  "  \"certificates\": [ { \"id\": \"im\", \"pem\": \"x\", \"sha265\": \"00\" } ]\n" /* 15 */
  "}\n";

static void
test_every_object (void)
{
  g_auto(GStrv) notices = cwa_plan_notices_find_unknown_keys (plan_text, -1, "typos.cwaplan");
  static const gchar * const expected[] = {
    "typos.cwaplan:4:11: notice: unknown key \"nmae\" in the plan is kept but not used (did you mean \"name\"?)",
    "typos.cwaplan:5:39: notice: unknown key \"expiry_warning_day\" in settings is kept but not used (did you mean \"expiry_warning_days\"?)",
    "typos.cwaplan:7:46: notice: unknown key \"colour\" in servers[0] is kept but not used",
    "typos.cwaplan:10:23: notice: unknown key \"ssl_cert\" in servers[0].virtual_servers[0] is kept but not used (did you mean \"ssl_certificate\"?)",
    "typos.cwaplan:11:80: notice: unknown key \"ssl_ofload\" in load_balancers[0] is kept but not used (did you mean \"ssl_offload\"?)",
    "typos.cwaplan:14:26: notice: unknown key \"internal_adress\" in reverse_proxies[0].publishing_rules[0] is kept but not used (did you mean \"internal_address\"?)",
    "typos.cwaplan:15:57: notice: unknown key \"sha265\" in certificates[0] is kept but not used (did you mean \"sha256\"?)",
    NULL
  };

  g_assert_nonnull (notices);
  for (guint i = 0; expected[i] != NULL || notices[i] != NULL; i++)
    g_assert_cmpstr (notices[i], ==, expected[i]);
}

/* A plan without unknown keys, and text that is no plan, say nothing. */
static void
test_nothing_to_say (void)
{
  g_autofree gchar *contoso = g_test_build_filename (G_TEST_DIST, "..", "data", "examples",
                                                      "contoso.cwaplan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (contoso);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) clean = cwa_plan_notices_find_unknown_keys_in_file (file, NULL, &error);
  g_auto(GStrv) broken = cwa_plan_notices_find_unknown_keys ("{ \"servers\": [", -1, "broken.cwaplan");
  g_auto(GStrv) array = cwa_plan_notices_find_unknown_keys ("[1, 2]", 6, "array.cwaplan");
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/plan.cwaplan");
  g_auto(GStrv) none = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (clean);
  g_assert_cmpuint (g_strv_length (clean), ==, 0);
  g_assert_cmpuint (g_strv_length (broken), ==, 0);
  g_assert_cmpuint (g_strv_length (array), ==, 0);

  none = cwa_plan_notices_find_unknown_keys_in_file (missing, NULL, &error);
  g_assert_null (none);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

/* The keys stay: a round trip through load and save keeps what the notice
 * named, so the notice never stands for lost data. */
static void
test_kept_on_save (void)
{
  g_autofree gchar *dir = g_dir_make_tmp ("cwa-notices-XXXXXX", NULL);
  g_autofree gchar *path = g_build_filename (dir, "plan.cwaplan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CwaPlan) plan = NULL;
  g_auto(GStrv) before = NULL;
  g_auto(GStrv) after = NULL;
  static const gchar text[] =
    "{ \"format\": \"cwa-cert-plan\", \"version\": 1, \"servers\": [\n"
    "  { \"fqdn\": \"cwa.contoso.com\", \"mtls_cert\": null, \"virtual_servers\": [] } ] }\n";

  g_assert_true (g_file_set_contents (path, text, -1, &error));
  before = cwa_plan_notices_find_unknown_keys_in_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (before), ==, 1);
  g_assert_nonnull (strstr (before[0], "\"mtls_cert\" in servers[0]"));
  g_assert_nonnull (strstr (before[0], "(did you mean \"mtls_certificate\"?)"));

  plan = cwa_plan_file_load (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (cwa_plan_file_save (plan, file, NULL, &error));
  g_assert_no_error (error);
  after = cwa_plan_notices_find_unknown_keys_in_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (after), ==, 1);
  g_assert_nonnull (strstr (after[0], "\"mtls_cert\" in servers[0]"));

  g_unlink (path);
  g_rmdir (dir);
}

/* The window asks for its notices in the user's language, as for rule
 * messages; everyone else (the command line) gets English all the same,
 * German desktop or not. */
static void
test_translated (void)
{
  g_auto(GStrv) english = NULL;
  g_auto(GStrv) german = NULL;
  gboolean previous;

  if (!cwa_test_speak_german ())
    {
      g_test_skip ("no German catalogue built, or no C.UTF-8 locale");
      return;
    }

  english = cwa_plan_notices_find_unknown_keys (plan_text, -1, "typos.cwaplan");
  g_assert_cmpstr (english[0], ==,
                   "typos.cwaplan:4:11: notice: unknown key \"nmae\" in the plan is kept but not used "
                   "(did you mean \"name\"?)");

  previous = cwa_rule_text_set_translated (TRUE);
  german = cwa_plan_notices_find_unknown_keys (plan_text, -1, "typos.cwaplan");
  cwa_rule_text_set_translated (previous);
  g_assert_cmpstr (german[0], ==,
                   "typos.cwaplan:4:11: Hinweis: Der unbekannte Schlüssel „nmae“ im Plan bleibt erhalten, "
                   "wird aber nicht verwendet (meinten Sie „name“?)");
  g_assert_cmpstr (german[2], ==,
                   "typos.cwaplan:7:46: Hinweis: Der unbekannte Schlüssel „colour“ in servers[0] bleibt "
                   "erhalten, wird aber nicht verwendet");
  g_assert_cmpuint (g_strv_length (german), ==, g_strv_length (english));
  cwa_test_speak_english_again ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cwa/plan-notices/every-object", test_every_object);
  g_test_add_func ("/cwa/plan-notices/nothing-to-say", test_nothing_to_say);
  g_test_add_func ("/cwa/plan-notices/kept-on-save", test_kept_on_save);
  g_test_add_func ("/cwa/plan-notices/translated", test_translated);

  return g_test_run ();
}

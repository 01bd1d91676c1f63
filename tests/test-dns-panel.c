/* test-dns-panel.c: the checklist panel's DNS records under Xvfb: the rows of a version 2 plan, copying one and all, and following edits. */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include <glib/gstdio.h>

#include "cwa-checklist-panel.h"
#include "cwa-dns-records-section.h"
#include "cwa-dns-records.h"
#include "cwa-test-cert.h"
#include "cwa-test-plan.h"
#include "cwa-test-ui.h"
#include "cwa-window.h"

/* Two arrays (one without a virtual IP) behind a reverse proxy, and a
 * computer with two virtual servers of its own:
 * tests/data/edge.cwaplan. */

/* "Copy All" of edge_plan: each view a block, each subject under a
 * comment, names aligned; the address the plan lacks a comment line. */
static const gchar edge_zone_text[] =
  "; Internal DNS: your organisation's own zones\n"
  "; array im.contoso.com behind its load balancer\n"
  "im.contoso.com.            IN A     10.0.0.50\n"
  "as.im.contoso.com.         IN CNAME im.contoso.com.\n"
  "download.im.contoso.com.   IN CNAME im.contoso.com.\n"
  "; virtual server chat.contoso.com on cwa03.contoso.com\n"
  "chat.contoso.com.          IN CNAME cwa03.contoso.com.\n"
  "as.chat.contoso.com.       IN CNAME chat.contoso.com.\n"
  "download.chat.contoso.com. IN CNAME chat.contoso.com.\n"
  "; virtual server im.fabrikam.com on cwa03.contoso.com\n"
  "im.fabrikam.com.           IN A     10.0.0.7\n"
  "as.im.fabrikam.com.        IN CNAME im.fabrikam.com.\n"
  "download.im.fabrikam.com.  IN CNAME im.fabrikam.com.\n"
  "; array meet.contoso.com behind its load balancer\n"
  "; meet.contoso.com.          IN A     (the load balancer's virtual IP)\n"
  "as.meet.contoso.com.       IN CNAME meet.contoso.com.\n"
  "download.meet.contoso.com. IN CNAME meet.contoso.com.\n"
  "\n"
  "; External DNS: the zones the Internet sees\n"
  "; publishing rule for im.contoso.com on isa01.perimeter.contoso.com\n"
  "im.contoso.com.            IN A     203.0.113.10\n"
  "as.im.contoso.com.         IN CNAME im.contoso.com.\n"
  "download.im.contoso.com.   IN CNAME im.contoso.com.\n";

typedef struct
{
  CwaWindow            *window;
  CwaChecklistPanel    *panel;
  CwaDnsRecordsSection *section;
  gchar                *tmpdir;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GDateTime) now = cwa_test_now ();

  fixture->window = g_object_ref_sink (cwa_window_new (NULL));
  fixture->panel = cwa_test_ui_child (fixture->window, CWA_TYPE_WINDOW, "checklist_panel");
  fixture->section = cwa_test_ui_child (fixture->panel, CWA_TYPE_CHECKLIST_PANEL, "dns_records_section");
  cwa_checklist_set_now (cwa_window_get_checklist (fixture->window), now);
  fixture->tmpdir = g_dir_make_tmp ("cwa-test-dns-panel-XXXXXX", NULL);
  gtk_window_present (GTK_WINDOW (fixture->window));
  cwa_test_ui_drain_main_loop ();
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  cwa_test_ui_close_window (fixture->window);
  cwa_test_remove_tree (fixture->tmpdir);
  g_free (fixture->tmpdir);
}

static void
open_edge_plan (Fixture *fixture)
{
  g_autofree gchar *path = g_build_filename (fixture->tmpdir, "edge.cwaplan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  {
    g_autofree gchar *edge_plan = cwa_test_dup_data_file ("edge.cwaplan");

    g_assert_true (g_file_set_contents (path, edge_plan, -1, NULL));
  }
  cwa_window_open_file (fixture->window, file);
  CWA_TEST_WAIT_FOR (cwa_plan_get_file (cwa_window_get_plan (fixture->window)) != NULL &&
                     g_file_equal (cwa_plan_get_file (cwa_window_get_plan (fixture->window)), file));
  CWA_TEST_WAIT_FOR (cwa_dns_records_section_get_records (fixture->section)->len > 0);
  cwa_test_ui_drain_main_loop ();
}

/* Every AdwActionRow below @widget, in the order they show. */
static void
collect_rows (GtkWidget *widget,
              GPtrArray *rows)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (ADW_IS_ACTION_ROW (child))
        g_ptr_array_add (rows, child);
      collect_rows (child, rows);
    }
}

static GPtrArray *
dup_rows (Fixture *fixture)
{
  GPtrArray *rows = g_ptr_array_new ();

  collect_rows (GTK_WIDGET (fixture->section), rows);
  return rows;
}

/* The first GtkButton below @widget whose tooltip starts with @tooltip. */
static GtkWidget *
find_button (GtkWidget   *widget,
             const gchar *tooltip)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const gchar *text = gtk_widget_get_tooltip_text (child);
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && text != NULL && g_str_has_prefix (text, tooltip))
        return child;
      found = find_button (child, tooltip);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Clicks @button and returns what it put on the clipboard. */
static gchar *
click_and_read_clipboard (Fixture   *fixture,
                          GtkWidget *button)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (fixture->window)), "");
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  return cwa_test_ui_read_clipboard (fixture->window);
}

/* Scrolls the checklist so the section shows, for a person's look at it
 * (CWA_SCREENSHOT_DIR). */
static void
show_section (Fixture     *fixture,
              const gchar *name)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (fixture->section), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  graphene_point_t point;

  cwa_test_ui_wait_frames (GTK_WIDGET (fixture->window), 2);
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (fixture->section),
                                           gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)),
                                           &GRAPHENE_POINT_INIT (0, 0), &point));
  gtk_adjustment_set_value (adjustment, point.y);
  cwa_test_ui_wait_frames (GTK_WIDGET (fixture->window), 2);
  cwa_test_ui_maybe_screenshot (GTK_WIDGET (fixture->window), name);
}

/* One row per record, in plan order, each with its own copy button. */
static void
test_rows (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autofree gchar *copied = NULL;
  GtkWidget *button;

  open_edge_plan (fixture);
  records = cwa_dns_records_compute (cwa_plan_get_deployment (cwa_window_get_plan (fixture->window)));
  rows = dup_rows (fixture);
  g_assert_cmpuint (records->len, ==, 15);
  g_assert_cmpuint (rows->len, ==, records->len);
  for (guint i = 0; i < rows->len; i++)
    {
      const CwaDnsRecord *record = g_ptr_array_index (records, i);
      AdwActionRow *row = g_ptr_array_index (rows, i);
      const gchar *subtitle = adw_action_row_get_subtitle (row);

      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, record->name);
      g_assert_true (g_str_has_prefix (subtitle, record->type));
      /* The subtitle is markup: the apostrophe of the words is escaped. */
      g_assert_nonnull (strstr (subtitle, cwa_dns_record_value_is_placeholder (record) ? "virtual IP" : record->value));
      g_assert_nonnull (find_button (GTK_WIDGET (row), "Copy the "));
    }
  show_section (fixture, "dns-records");

  /* The external A record of the published name: one zone line. */
  button = find_button (g_ptr_array_index (rows, 12), "Copy the A record of “im.contoso.com”");
  g_assert_nonnull (button);
  copied = click_and_read_clipboard (fixture, button);
  g_assert_cmpstr (copied, ==, "im.contoso.com. IN A     203.0.113.10");
}

/* "Copy All" gives the zone-file-like text, read back from the clipboard. */
static void
test_copy_all (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree gchar *copied = NULL;
  g_autofree gchar *text = NULL;
  GtkWidget *button;

  open_edge_plan (fixture);
  button = find_button (GTK_WIDGET (fixture->section), "Copy every DNS record");
  g_assert_nonnull (button);
  copied = click_and_read_clipboard (fixture, button);
  g_assert_cmpstr (copied, ==, edge_zone_text);
  text = cwa_dns_records_section_dup_text (fixture->section);
  g_assert_cmpstr (text, ==, edge_zone_text);
}

/* Whether the section's top shows in the checklist's scrolled window. */
static gboolean
section_top_shown (Fixture *fixture)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (fixture->section), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  GtkWidget *viewport = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
  graphene_point_t point;

  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (fixture->section), gtk_viewport_get_child (GTK_VIEWPORT (viewport)),
                                           &GRAPHENE_POINT_INIT (0, 0), &point));
  return point.y >= gtk_adjustment_get_value (adjustment) - 0.5 &&
         point.y + 24 <= gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment);
}

/* "Copy All" by its mnemonic (Alt+Y) with the section scrolled out of
 * sight: it copies and scrolls the section into view. */
static void
test_copy_all_scrolls (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWidget *scrolled;
  GtkWidget *button;
  g_autofree gchar *copied = NULL;

  open_edge_plan (fixture);
  scrolled = gtk_widget_get_ancestor (GTK_WIDGET (fixture->section), GTK_TYPE_SCROLLED_WINDOW);
  cwa_test_ui_wait_frames (GTK_WIDGET (fixture->window), 2);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)), 0);
  cwa_test_ui_wait_frames (GTK_WIDGET (fixture->window), 2);
  g_assert_false (section_top_shown (fixture));

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (fixture->window)), "");
  button = find_button (GTK_WIDGET (fixture->section), "Copy every DNS record");
  g_assert_true (gtk_widget_mnemonic_activate (button, FALSE));
  /* The button clicks a moment after its key, as it shows pressed. */
  for (guint i = 0; i < 50 && g_strcmp0 (copied, edge_zone_text) != 0; i++)
    {
      g_free (copied);
      g_usleep (20000);
      cwa_test_ui_drain_main_loop ();
      copied = cwa_test_ui_read_clipboard (fixture->window);
    }
  g_assert_cmpstr (copied, ==, edge_zone_text);
  cwa_test_ui_wait_frames (GTK_WIDGET (fixture->window), 2);
  g_assert_true (section_top_shown (fixture));
}

static AdwActionRow *
find_row (Fixture     *fixture,
          const gchar *title,
          const gchar *subtitle)
{
  g_autoptr(GPtrArray) rows = dup_rows (fixture);

  for (guint i = 0; i < rows->len; i++)
    {
      AdwActionRow *row = g_ptr_array_index (rows, i);

      if (g_str_equal (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) &&
          strstr (adw_action_row_get_subtitle (row), subtitle) != NULL)
        return row;
    }
  return NULL;
}

/* Edits re-compute the section: a changed URL, a load balancer's new
 * virtual IP, a new member, and undo. */
static void
test_follows_edits (Fixture       *fixture,
                    gconstpointer  data)
{
  CwaDeployment *deployment;
  CwaVirtualServer *chat;
  CwaLoadBalancer *meet;
  g_autoptr(CwaServer) cwa06 = cwa_server_new ("cwa06.contoso.com");
  g_autoptr(CwaVirtualServer) cwa06_vs = cwa_virtual_server_new ("https://meet.contoso.com", CWA_AUDIENCE_INTERNAL);
  g_autofree gchar *copied = NULL;

  open_edge_plan (fixture);
  deployment = cwa_plan_get_deployment (cwa_window_get_plan (fixture->window));
  chat = cwa_deployment_find_virtual_server (deployment, "chat.contoso.com");
  meet = cwa_deployment_find_load_balancer (deployment, "meet.contoso.com");
  g_assert_nonnull (chat);
  g_assert_nonnull (meet);
  g_assert_nonnull (find_row (fixture, "chat.contoso.com", "cwa03.contoso.com"));

  cwa_virtual_server_set_url (chat, "https://talk.contoso.com");
  CWA_TEST_WAIT_FOR (find_row (fixture, "talk.contoso.com", "cwa03.contoso.com") != NULL);
  g_assert_null (find_row (fixture, "chat.contoso.com", "cwa03.contoso.com"));
  g_assert_nonnull (find_row (fixture, "download.talk.contoso.com", "talk.contoso.com"));

  cwa_load_balancer_set_vip (meet, "10.0.0.60");
  CWA_TEST_WAIT_FOR (find_row (fixture, "meet.contoso.com", "10.0.0.60") != NULL);
  g_assert_null (find_row (fixture, "meet.contoso.com", "virtual IP"));

  /* A third member serves the same array: still one set of records. */
  cwa_server_add_virtual_server (cwa06, cwa06_vs);
  cwa_deployment_add_server (deployment, cwa06);
  g_assert_true (cwa_load_balancer_add_member (meet, "cwa06.contoso.com"));
  cwa_test_ui_drain_main_loop ();
  CWA_TEST_WAIT_FOR (cwa_dns_records_section_get_records (fixture->section)->len == 15);
  copied = cwa_dns_records_section_dup_text (fixture->section);
  g_assert_nonnull (strstr (copied, "meet.contoso.com.          IN A     10.0.0.60\n"));
  g_assert_null (strstr (copied, "cwa06"));

  /* Without the load balancer, meet.contoso.com is three computers'
   * virtual servers, each its own CNAME. */
  cwa_deployment_remove_load_balancer (deployment, meet);
  CWA_TEST_WAIT_FOR (find_row (fixture, "meet.contoso.com", "cwa06.contoso.com") != NULL);
  g_assert_nonnull (find_row (fixture, "meet.contoso.com", "cwa04.contoso.com"));
  show_section (fixture, "dns-records-edited");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree gchar *data_home = g_dir_make_tmp ("cwa-test-dns-panel-data-XXXXXX", NULL);
  int status;

  if (!cwa_test_ui_init (&argc, &argv, data_home))
    return g_test_run ();

  g_test_add ("/cwa/ui/dns-records/rows", Fixture, NULL, fixture_setup, test_rows, fixture_teardown);
  g_test_add ("/cwa/ui/dns-records/copy-all", Fixture, NULL, fixture_setup, test_copy_all, fixture_teardown);
  g_test_add ("/cwa/ui/dns-records/copy-all-scrolls", Fixture, NULL, fixture_setup, test_copy_all_scrolls,
              fixture_teardown);
  g_test_add ("/cwa/ui/dns-records/follows-edits", Fixture, NULL, fixture_setup, test_follows_edits,
              fixture_teardown);

  status = g_test_run ();
  cwa_test_remove_tree (data_home);
  return status;
}

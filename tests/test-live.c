/* test-live.c: Check Live Servers in the real window, against TLS servers on loopback, inside a network namespace that has only loopback. */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "cwa-checklist-panel.h"
#include "cwa-deployment-editor.h"
#include "cwa-live-group.h"
#include "cwa-plan-edits.h"
#include "cwa-test-ca.h"
#include "cwa-test-plan.h"
#include "cwa-test-tls-server.h"
#include "cwa-test-ui.h"
#include "cwa-topology-balancer.h"
#include "cwa-topology-card.h"
#include "cwa-topology-listener.h"
#include "cwa-topology-view.h"
#include "cwa-window.h"

typedef struct
{
  CwaWindow         *window;
  CwaChecklistPanel *panel;
  CwaLiveCheck      *live;
  CwaTestCa         *ca;
  GPtrArray         *servers;   /* CwaTestTlsServer */
  guint              n_finished;
  gboolean           cancelled;
} Fixture;

static void
finished_cb (CwaLiveCheck *live,
             gboolean      cancelled,
             Fixture      *fixture)
{
  fixture->n_finished++;
  fixture->cancelled = cancelled;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GDateTime) now = cwa_test_now ();

  fixture->window = g_object_ref_sink (cwa_window_new (NULL));
  fixture->panel = cwa_test_ui_child (fixture->window, CWA_TYPE_WINDOW, "checklist_panel");
  fixture->live = cwa_window_get_live_check (fixture->window);
  cwa_checklist_set_now (cwa_window_get_checklist (fixture->window), now);
  cwa_probe_set_timeout (cwa_live_check_get_probe (fixture->live), 2000);
  g_signal_connect (fixture->live, "finished", G_CALLBACK (finished_cb), fixture);
  fixture->servers = g_ptr_array_new_with_free_func ((GDestroyNotify) cwa_test_tls_server_free);
  fixture->ca = cwa_test_ca_new ();
  gtk_window_present (GTK_WINDOW (fixture->window));
  cwa_test_ui_drain_main_loop ();
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_signal_handlers_disconnect_by_data (fixture->live, fixture);
  cwa_test_ui_close_window (fixture->window);
  g_clear_pointer (&fixture->servers, g_ptr_array_unref);
  g_clear_pointer (&fixture->ca, cwa_test_ca_free);
}

/* A server certificate for @host from the issuing CA, with the names a
 * CWA site needs (host, as.host, download.host). */
static CwaCertificate *
make_leaf (Fixture     *fixture,
           const gchar *host,
           guint64      serial)
{
  g_autoptr(GBytes) der = cwa_test_ca_build_site_der (fixture->ca, host, NULL, 0, serial);
  CwaCertificate *certificate = cwa_certificate_new_from_der (der, NULL, 0, NULL);

  g_assert_nonnull (certificate);
  return certificate;
}

/* Adds a copy of @certificate to @plan as entry @id. */
static CwaCertificate *
add_entry (CwaPlan        *plan,
           CwaCertificate *certificate,
           const gchar    *id)
{
  g_autoptr(CwaCertificate) entry = cwa_certificate_new_from_der (cwa_certificate_get_der (certificate), NULL, 0, NULL);

  g_assert_nonnull (entry);
  cwa_certificate_set_id (entry, id);
  return cwa_plan_add_certificate (plan, entry);
}

/* A TLS server on @address:443 serving @leaf and the issuing CA; @host
 * and its as./download. names are mapped there. */
static void
serve (Fixture        *fixture,
       const gchar    *host,
       const gchar    *address,
       CwaCertificate *leaf)
{
  CwaConnectMap *map = cwa_probe_get_connect_map (cwa_live_check_get_probe (fixture->live));
  static const gchar * const prefixes[] = { "", "as.", "download." };

  g_ptr_array_add (fixture->servers, cwa_test_ca_serve (fixture->ca, address, 443, cwa_certificate_get_der (leaf), TRUE));
  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    {
      g_autofree gchar *entry = g_strdup_printf ("%s%s:443:%s", prefixes[i], host, address);

      g_assert_true (cwa_connect_map_add_resolve (map, entry, NULL));
    }
}

static CwaVirtualServer *
add_site (CwaServer      *server,
          const gchar    *host,
          CwaCertificate *ssl)
{
  g_autofree gchar *url = g_strconcat ("https://", host, NULL);
  g_autoptr(CwaVirtualServer) vs = cwa_virtual_server_new (url, CWA_AUDIENCE_INTERNAL);

  cwa_virtual_server_set_ssl_certificate (vs, ssl);
  cwa_server_add_virtual_server (server, vs);
  return vs;
}

/* The plan of the window: good.contoso.com serving its planned
 * certificate, other.contoso.com serving one the plan does not hold. */
static void
setup_sites (Fixture *fixture)
{
  g_autoptr(CwaPlan) plan = cwa_plan_new ();
  g_autoptr(CwaServer) server = cwa_server_new ("cwa01.contoso.com");
  g_autoptr(CwaCertificate) good = make_leaf (fixture, "good.contoso.com", 101);
  g_autoptr(CwaCertificate) other_planned = make_leaf (fixture, "other.contoso.com", 102);
  g_autoptr(CwaCertificate) other_served = make_leaf (fixture, "other.contoso.com", 199);

  add_entry (plan, cwa_test_issuer_get_certificate (cwa_test_ca_get_root (fixture->ca)), "contoso-root");
  add_site (server, "good.contoso.com", add_entry (plan, good, "good"));
  add_site (server, "other.contoso.com", add_entry (plan, other_planned, "other-planned"));
  cwa_deployment_add_server (cwa_plan_get_deployment (plan), server);
  cwa_plan_set_modified (plan, FALSE);
  cwa_window_set_plan (fixture->window, plan);

  serve (fixture, "good.contoso.com", "127.0.0.2", good);
  serve (fixture, "other.contoso.com", "127.0.0.3", other_served);
}

/* As setup_sites(), and refused.contoso.com where nobody listens. */
static void
setup_sites_and_refused (Fixture *fixture)
{
  g_autoptr(CwaCertificate) refused = make_leaf (fixture, "refused.contoso.com", 107);
  CwaPlan *plan;
  g_autoptr(CwaServer) server = NULL;

  setup_sites (fixture);
  plan = cwa_window_get_plan (fixture->window);
  server = g_list_model_get_item (cwa_deployment_get_servers (cwa_plan_get_deployment (plan)), 0);
  add_site (server, "refused.contoso.com", add_entry (plan, refused, "refused"));
  cwa_plan_set_modified (plan, FALSE);
  /* 127.0.0.8: nobody listens there. */
  g_assert_true (cwa_connect_map_add_resolve (cwa_probe_get_connect_map (cwa_live_check_get_probe (fixture->live)),
                                              "refused.contoso.com:443:127.0.0.8", NULL));
}

/* The array plan of the window: cwa01 and cwa02 serve im.contoso.com
 * behind a pass-through load balancer (virtual IP 127.0.0.20), cwa02
 * still last year's certificate; a reverse proxy publishes the array as
 * im.contoso.net on a listener at 127.0.0.30. */
static void
setup_array (Fixture *fixture)
{
  static const gchar * const members[] = { "cwa01.contoso.com", "cwa02.contoso.com" };
  static const gchar * const addresses[] = { "127.0.0.21", "127.0.0.22" };
  g_autoptr(CwaPlan) plan = cwa_plan_new ();
  CwaDeployment *deployment = cwa_plan_get_deployment (plan);
  g_autoptr(CwaCertificate) im = make_leaf (fixture, "im.contoso.com", 201);
  g_autoptr(CwaCertificate) im_old = make_leaf (fixture, "im.contoso.com", 200);
  g_autoptr(CwaCertificate) published = make_leaf (fixture, "im.contoso.net", 202);
  g_autoptr(CwaLoadBalancer) lb = cwa_load_balancer_new ("im.contoso.com");
  g_autoptr(CwaReverseProxy) proxy = cwa_reverse_proxy_new ("isa01.perimeter.contoso.com");
  g_autoptr(CwaPublishingRule) rule = cwa_publishing_rule_new ("https://im.contoso.net", "im.contoso.com");
  CwaCertificate *planned;

  add_entry (plan, cwa_test_issuer_get_certificate (cwa_test_ca_get_root (fixture->ca)), "contoso-root");
  planned = add_entry (plan, im, "im");
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      g_autoptr(CwaServer) server = cwa_server_new (members[i]);

      add_site (server, "im.contoso.com", planned);
      cwa_deployment_add_server (deployment, server);
      g_assert_true (cwa_load_balancer_add_member (lb, members[i]));
    }
  cwa_load_balancer_set_vip (lb, "127.0.0.20");
  cwa_deployment_add_load_balancer (deployment, lb);
  cwa_publishing_rule_set_listen (rule, "127.0.0.30:443");
  cwa_publishing_rule_set_listener_certificate (rule, add_entry (plan, published, "im-public"));
  cwa_reverse_proxy_add_publishing_rule (proxy, rule);
  cwa_deployment_add_reverse_proxy (deployment, proxy);
  cwa_plan_set_modified (plan, FALSE);
  cwa_window_set_plan (fixture->window, plan);

  /* Each member on its own address, past the load balancer. */
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    serve (fixture, members[i], addresses[i], i == 0 ? im : im_old);
  serve (fixture, "im.contoso.com", "127.0.0.20", im);
  serve (fixture, "im.contoso.net", "127.0.0.30", published);
}

static gboolean
revealer_shown (Fixture *fixture)
{
  return gtk_revealer_get_reveal_child (cwa_test_ui_child (fixture->window, CWA_TYPE_WINDOW, "live_revealer"));
}

/* Check Live Servers as the menu and Ctrl+L do, until it finished. */
static void
check_live (Fixture *fixture)
{
  guint n_finished = fixture->n_finished;

  g_assert_true (cwa_test_ui_action_enabled (GTK_WIDGET (fixture->window), "win.check-live"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.check-live", NULL));
  g_assert_true (cwa_live_check_get_running (fixture->live));
  g_assert_true (revealer_shown (fixture));
  g_assert_false (cwa_test_ui_action_enabled (GTK_WIDGET (fixture->window), "win.check-live"));
  g_assert_true (cwa_test_ui_action_enabled (GTK_WIDGET (fixture->window), "win.cancel-live-check"));
  CWA_TEST_WAIT_FOR (fixture->n_finished > n_finished);
  g_assert_false (fixture->cancelled);
  g_assert_false (revealer_shown (fixture));
}

/* Widgets of the Live group. */

static GtkWidget *
live_group (Fixture *fixture)
{
  return cwa_test_ui_child (fixture->panel, CWA_TYPE_CHECKLIST_PANEL, "live_group");
}

static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, type, found);
}

static AdwExpanderRow *
find_endpoint_row (Fixture     *fixture,
                   const gchar *endpoint)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect (live_group (fixture), ADW_TYPE_EXPANDER_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (g_ptr_array_index (rows, i)), endpoint) == 0)
      return g_ptr_array_index (rows, i);
  return NULL;
}

/* Every title and subtitle inside @widget, one per line, unescaped. */
static gchar *
dup_texts (GtkWidget *widget)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GString) text = g_string_new (NULL);

  collect (widget, ADW_TYPE_PREFERENCES_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);
      const gchar *subtitle = NULL;

      g_string_append_printf (text, "%s\n", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
      if (ADW_IS_ACTION_ROW (row))
        subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
      else if (ADW_IS_EXPANDER_ROW (row))
        subtitle = adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row));
      if (subtitle != NULL)
        g_string_append_printf (text, "%s\n", subtitle);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
texts_contain (GtkWidget   *widget,
               const gchar *expected)
{
  g_autofree gchar *texts = dup_texts (widget);
  g_autofree gchar *escaped = g_markup_escape_text (expected, -1);

  return strstr (texts, escaped) != NULL;
}

static void
assert_texts_contain (GtkWidget   *widget,
                      const gchar *expected)
{
  if (!texts_contain (widget, expected))
    {
      g_autofree gchar *texts = dup_texts (widget);

      g_error ("“%s” not in:\n%s", expected, texts);
    }
}

static const gchar *
group_description (Fixture *fixture)
{
  AdwPreferencesGroup *group = NULL;
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();

  collect (live_group (fixture), ADW_TYPE_PREFERENCES_GROUP, groups);
  g_assert_cmpuint (groups->len, ==, 1);
  group = g_ptr_array_index (groups, 0);
  return adw_preferences_group_get_description (group);
}

static gboolean
group_is_stale (Fixture *fixture)
{
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();

  collect (live_group (fixture), ADW_TYPE_PREFERENCES_GROUP, groups);
  return groups->len == 1 && gtk_widget_has_css_class (g_ptr_array_index (groups, 0), "live-stale");
}

static CwaVirtualServer *
find_site (CwaPlan     *plan,
           const gchar *host)
{
  g_autoptr(CwaServer) server = g_list_model_get_item (cwa_deployment_get_servers (cwa_plan_get_deployment (plan)), 0);
  GListModel *sites = cwa_server_get_virtual_servers (server);

  for (guint i = 0; i < g_list_model_get_n_items (sites); i++)
    {
      g_autoptr(CwaVirtualServer) vs = g_list_model_get_item (sites, i);

      if (g_strcmp0 (cwa_virtual_server_get_host (vs), host) == 0)
        return vs;
    }
  g_error ("no site %s", host);
  return NULL;
}

/* The tests. */

/* Served as planned, and serves another certificate (which one, not in
 * the plan): one row each, expanding to findings and the served chain. */
static void
test_live_group (Fixture       *fixture,
                 gconstpointer  data)
{
  AdwExpanderRow *good;
  AdwExpanderRow *other;

  setup_sites (fixture);
  g_assert_false (gtk_widget_get_visible (live_group (fixture)));
  check_live (fixture);
  CWA_TEST_WAIT_FOR (find_endpoint_row (fixture, "other.contoso.com:443") != NULL);
  g_assert_true (gtk_widget_get_visible (live_group (fixture)));
  g_assert_false (group_is_stale (fixture));
  g_assert_true (g_str_has_prefix (group_description (fixture), "Checked at "));

  good = find_endpoint_row (fixture, "good.contoso.com:443");
  g_assert_nonnull (good);
  g_assert_true (g_str_has_prefix (adw_expander_row_get_subtitle (good), "Served as planned: good.contoso.com at 127.0.0.2"));
  assert_texts_contain (GTK_WIDGET (good), "CN=good.contoso.com,O=Contoso");
  assert_texts_contain (GTK_WIDGET (good), "Issued by CN=Contoso Issuing CA,O=Contoso");
  assert_texts_contain (GTK_WIDGET (good), "Planned for this endpoint");
  assert_texts_contain (GTK_WIDGET (good), "CN=Contoso Issuing CA,O=Contoso");
  assert_texts_contain (GTK_WIDGET (good), "Issued by CN=Contoso Test Root,O=Contoso");
  g_assert_null (cwa_test_ui_find_button (GTK_WIDGET (good), "_Add Served Certificate"));

  other = find_endpoint_row (fixture, "other.contoso.com:443");
  g_assert_true (g_str_has_prefix (adw_expander_row_get_subtitle (other),
                                   "Serves another certificate: other.contoso.com at 127.0.0.3"));
  /* The finding says which certificate was planned, and the chain row
   * that the one served is not in the plan. */
  assert_texts_contain (GTK_WIDGET (other), "other-planned");
  assert_texts_contain (GTK_WIDGET (other), "Not in the plan");
  g_assert_nonnull (cwa_test_ui_find_button (GTK_WIDGET (other), "_Add Served Certificate"));

  adw_expander_row_set_expanded (other, TRUE);
  cwa_test_ui_maybe_screenshot (GTK_WIDGET (fixture->window), "live-check");

  /* Passed live findings follow the checklist's "Show passed" switch. */
  g_assert_false (texts_contain (GTK_WIDGET (good), "completed a TLS handshake"));
  cwa_checklist_panel_set_show_passed (fixture->panel, TRUE);
  good = find_endpoint_row (fixture, "good.contoso.com:443");
  g_assert_true (texts_contain (GTK_WIDGET (good), "completed a TLS handshake"));
  /* A row expanded before stays so. */
  g_assert_true (adw_expander_row_get_expanded (find_endpoint_row (fixture, "other.contoso.com:443")));
}

static CwaTopologyView *
topology_view (Fixture *fixture)
{
  CwaDeploymentEditor *editor = cwa_test_ui_child (fixture->window, CWA_TYPE_WINDOW, "editor");

  return CWA_TOPOLOGY_VIEW (cwa_deployment_editor_get_topology_view (editor));
}

/* Shows the topology view in the editor, as its toggle does. */
static void
show_topology (Fixture *fixture)
{
  CwaDeploymentEditor *editor = cwa_test_ui_child (fixture->window, CWA_TYPE_WINDOW, "editor");

  gtk_toggle_button_set_active (cwa_test_ui_child (editor, CWA_TYPE_DEPLOYMENT_EDITOR, "topology_toggle"), TRUE);
  cwa_test_ui_drain_main_loop ();
}

static CwaTopologyCard *
find_card (Fixture     *fixture,
           const gchar *host)
{
  GtkWidget *card = cwa_topology_view_find_widget (topology_view (fixture),
                                                   find_site (cwa_window_get_plan (fixture->window), host));

  g_assert_true (CWA_IS_TOPOLOGY_CARD (card));
  return CWA_TOPOLOGY_CARD (card);
}

/* The live badge inside @item (a card, listener or load balancer). */
static GtkWidget *
live_badge (gpointer item)
{
  g_autoptr(GPtrArray) labels = cwa_test_ui_find_all (item, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_has_css_class (g_ptr_array_index (labels, i), "topology-live"))
      return g_ptr_array_index (labels, i);
  g_error ("no live badge in %s", G_OBJECT_TYPE_NAME (item));
  return NULL;
}

/* Whether @item's live badge is shown greyed as checked before the last
 * change, with a tooltip and an accessible name that say so. */
static gboolean
badge_is_stale (gpointer item)
{
  GtkWidget *badge = live_badge (item);
  const gchar *tooltip = gtk_widget_get_tooltip_text (badge);

  return gtk_widget_get_visible (badge) && gtk_widget_has_css_class (badge, "live-stale") &&
         tooltip != NULL && strstr (tooltip, "Checked before your last change, at ") != NULL;
}

/* The time of the last check as the badges show it, e.g. "14:02". */
static gchar *
dup_check_time (Fixture *fixture)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (cwa_live_check_get_checked_at (fixture->live));

  return g_date_time_format (local, "%H:%M");
}

/* Each card of the topology view is badged with what its endpoint served,
 * and when; after an edit the badges are dimmed. */
static void
test_badges (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree gchar *time = NULL;
  g_autofree gchar *expected = NULL;
  CwaPlan *plan;

  setup_sites_and_refused (fixture);
  show_topology (fixture);
  g_assert_null (cwa_topology_card_get_live_text (find_card (fixture, "good.contoso.com")));

  check_live (fixture);
  time = dup_check_time (fixture);
  expected = g_strdup_printf ("Served as planned · %s", time);
  CWA_TEST_WAIT_FOR (g_strcmp0 (cwa_topology_card_get_live_text (find_card (fixture, "good.contoso.com")), expected) == 0);
  g_assert_true (g_str_has_prefix (cwa_topology_card_get_live_text (find_card (fixture, "other.contoso.com")),
                                   "Serves another certificate · "));
  g_assert_true (g_str_has_prefix (cwa_topology_card_get_live_text (find_card (fixture, "refused.contoso.com")),
                                   "Unreachable · "));
  cwa_test_ui_maybe_screenshot (GTK_WIDGET (fixture->window), "live-check-topology");

  plan = cwa_window_get_plan (fixture->window);
  g_assert_true (cwa_plan_edits_assign (plan, find_site (plan, "other.contoso.com"), NULL));
  CWA_TEST_WAIT_FOR (badge_is_stale (find_card (fixture, "good.contoso.com")));
  /* Still there: stale, not dropped. */
  g_assert_cmpstr (cwa_topology_card_get_live_text (find_card (fixture, "good.contoso.com")), ==, expected);
}

/* The load balancer and the reverse proxy's listener are badged as the
 * cards are, each with what its own endpoint served: the array's virtual
 * IP and the listener serve as planned, the second member last year's
 * certificate.  After an edit all are dimmed. */
static void
test_badges_array (Fixture       *fixture,
                   gconstpointer  data)
{
  CwaPlan *plan;
  CwaDeployment *deployment;
  g_autoptr(CwaLoadBalancer) lb = NULL;
  g_autoptr(CwaReverseProxy) proxy = NULL;
  g_autoptr(CwaPublishingRule) rule = NULL;
  g_autoptr(CwaServer) second = NULL;
  g_autoptr(CwaVirtualServer) second_site = NULL;
  g_autofree gchar *time = NULL;
  g_autofree gchar *expected = NULL;
  g_autofree gchar *accessible = NULL;
  GtkWidget *balancer;
  GtkWidget *listener;
  GtkWidget *card;

  setup_array (fixture);
  show_topology (fixture);
  plan = cwa_window_get_plan (fixture->window);
  deployment = cwa_plan_get_deployment (plan);
  lb = g_list_model_get_item (cwa_deployment_get_load_balancers (deployment), 0);
  proxy = g_list_model_get_item (cwa_deployment_get_reverse_proxies (deployment), 0);
  rule = g_list_model_get_item (cwa_reverse_proxy_get_publishing_rules (proxy), 0);
  second = g_list_model_get_item (cwa_deployment_get_servers (deployment), 1);
  second_site = g_list_model_get_item (cwa_server_get_virtual_servers (second), 0);
  balancer = cwa_topology_view_find_widget (topology_view (fixture), lb);
  listener = cwa_topology_view_find_widget (topology_view (fixture), rule);
  card = cwa_topology_view_find_widget (topology_view (fixture), second_site);
  g_assert_true (CWA_IS_TOPOLOGY_BALANCER (balancer));
  g_assert_true (CWA_IS_TOPOLOGY_LISTENER (listener));
  g_assert_true (CWA_IS_TOPOLOGY_CARD (card));
  g_assert_null (cwa_topology_balancer_get_live_text (CWA_TOPOLOGY_BALANCER (balancer)));
  g_assert_null (cwa_topology_listener_get_live_text (CWA_TOPOLOGY_LISTENER (listener)));
  g_assert_false (gtk_widget_get_visible (live_badge (listener)));

  check_live (fixture);
  time = dup_check_time (fixture);
  expected = g_strdup_printf ("Served as planned · %s", time);
  CWA_TEST_WAIT_FOR (g_strcmp0 (cwa_topology_listener_get_live_text (CWA_TOPOLOGY_LISTENER (listener)), expected) == 0);
  g_assert_cmpstr (cwa_topology_balancer_get_live_text (CWA_TOPOLOGY_BALANCER (balancer)), ==, expected);
  g_assert_true (g_str_has_prefix (cwa_topology_card_get_live_text (CWA_TOPOLOGY_CARD (card)),
                                   "Serves another certificate · "));
  g_assert_true (gtk_widget_has_css_class (live_badge (listener), "live-as-planned"));
  g_assert_true (gtk_widget_has_css_class (live_badge (card), "live-other"));
  g_assert_false (badge_is_stale (balancer));
  /* The tooltip and the accessible name say what was found, and when. */
  accessible = g_strdup_printf ("Served as planned · Checked at %s", time);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (live_badge (balancer)), ==, accessible);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (live_badge (listener)), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       accessible);
  cwa_test_ui_maybe_screenshot (GTK_WIDGET (fixture->window), "live-check-array");

  /* An edit dims every badge, wherever it is; the view may remake its
   * widgets meanwhile. */
  g_assert_true (cwa_plan_edits_assign (plan, rule, NULL));
  CWA_TEST_WAIT_FOR (badge_is_stale (cwa_topology_view_find_widget (topology_view (fixture), rule)));
  balancer = cwa_topology_view_find_widget (topology_view (fixture), lb);
  listener = cwa_topology_view_find_widget (topology_view (fixture), rule);
  card = cwa_topology_view_find_widget (topology_view (fixture), second_site);
  g_assert_true (badge_is_stale (balancer));
  g_assert_true (badge_is_stale (card));
  g_assert_cmpstr (cwa_topology_listener_get_live_text (CWA_TOPOLOGY_LISTENER (listener)), ==, expected);
  g_assert_cmpstr (cwa_topology_balancer_get_live_text (CWA_TOPOLOGY_BALANCER (balancer)), ==, expected);
  cwa_test_ui_maybe_screenshot (GTK_WIDGET (fixture->window), "live-check-array-stale");
}

/* Cancel while an endpoint accepts TCP but never answers the handshake:
 * the run stops at once, long before the timeout, and nothing is kept. */
static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(CwaPlan) plan = cwa_plan_new ();
  g_autoptr(CwaServer) server = cwa_server_new ("cwa01.contoso.com");
  g_autoptr(CwaCertificate) silent = make_leaf (fixture, "silent.contoso.com", 108);
  CwaTestTlsServer *listener = cwa_test_tls_server_new ("127.0.0.9", 443, CWA_TEST_SERVER_SILENT, NULL, 0);
  GtkWidget *cancel = cwa_test_ui_child (fixture->window, CWA_TYPE_WINDOW, "live_cancel_button");
  gint64 start;

  g_ptr_array_add (fixture->servers, listener);
  add_site (server, "silent.contoso.com", add_entry (plan, silent, "silent"));
  cwa_deployment_add_server (cwa_plan_get_deployment (plan), server);
  cwa_window_set_plan (fixture->window, plan);
  g_assert_true (cwa_connect_map_add_resolve (cwa_probe_get_connect_map (cwa_live_check_get_probe (fixture->live)),
                                              "silent.contoso.com:443:127.0.0.9", NULL));
  cwa_probe_set_timeout (cwa_live_check_get_probe (fixture->live), 60000);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.check-live", NULL));
  CWA_TEST_WAIT_FOR (cwa_test_tls_server_get_n_accepted (listener) > 0);
  /* The window answers meanwhile: the progress bar shows, Cancel works. */
  cwa_test_ui_wait_frames (GTK_WIDGET (fixture->window), 2);
  g_assert_true (revealer_shown (fixture));
  g_assert_true (gtk_widget_get_sensitive (cancel));
  g_assert_cmpstr (gtk_progress_bar_get_text (cwa_test_ui_child (fixture->window, CWA_TYPE_WINDOW, "live_progress_bar")),
                   ==, "Checking live servers: 0 of 1");

  start = g_get_monotonic_time ();
  g_assert_true (gtk_widget_activate (cancel));
  CWA_TEST_WAIT_FOR (fixture->n_finished == 1);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
  g_assert_true (fixture->cancelled);
  g_assert_false (cwa_live_check_get_running (fixture->live));
  g_assert_null (cwa_live_check_get_results (fixture->live));
  g_assert_false (revealer_shown (fixture));
  g_assert_false (gtk_widget_get_visible (live_group (fixture)));
  g_assert_true (cwa_test_ui_action_enabled (GTK_WIDGET (fixture->window), "win.check-live"));
}

/* An edit greys the results and says they predate it; they stay until
 * the next check, which is fresh again. */
static void
test_stale_after_edit (Fixture       *fixture,
                       gconstpointer  data)
{
  CwaPlan *plan;

  setup_sites (fixture);
  check_live (fixture);
  CWA_TEST_WAIT_FOR (find_endpoint_row (fixture, "good.contoso.com:443") != NULL);
  g_assert_false (group_is_stale (fixture));

  plan = cwa_window_get_plan (fixture->window);
  g_assert_true (cwa_plan_edits_assign (plan, find_site (plan, "good.contoso.com"), NULL));

  CWA_TEST_WAIT_FOR (group_is_stale (fixture));
  g_assert_true (cwa_live_check_get_stale (fixture->live));
  g_assert_true (g_str_has_prefix (group_description (fixture), "Checked before your last change, at "));
  /* Kept, not dropped. */
  g_assert_nonnull (find_endpoint_row (fixture, "good.contoso.com:443"));
  cwa_test_ui_maybe_screenshot (GTK_WIDGET (fixture->window), "live-check-stale");

  check_live (fixture);
  CWA_TEST_WAIT_FOR (!group_is_stale (fixture));
  /* Checked against the edited plan: nothing is planned there now. */
  g_assert_true (g_str_has_prefix (adw_expander_row_get_subtitle (find_endpoint_row (fixture, "good.contoso.com:443")),
                                   "Serves another certificate"));
}

/* Add Served Certificate puts the served leaf, and only it, into the plan
 * as an unassigned entry; Ctrl+Z takes it out again. */
static void
test_add_served (Fixture       *fixture,
                 gconstpointer  data)
{
  CwaPlan *plan;
  GListModel *entries;
  GtkWidget *button;
  guint n_entries;
  guint n_chain;
  CwaProbeResult *result;
  CwaCertificate *added;
  g_auto(GStrv) roles = NULL;

  setup_sites (fixture);
  plan = cwa_window_get_plan (fixture->window);
  entries = cwa_plan_get_certificates (plan);
  n_entries = g_list_model_get_n_items (entries);
  n_chain = g_list_model_get_n_items (cwa_plan_get_chain_certificates (plan));
  check_live (fixture);
  CWA_TEST_WAIT_FOR (find_endpoint_row (fixture, "other.contoso.com:443") != NULL);

  /* Shown once the row is expanded, as a user sees it. */
  adw_expander_row_set_expanded (find_endpoint_row (fixture, "other.contoso.com:443"), TRUE);
  cwa_test_ui_wait_frames (GTK_WIDGET (fixture->window), 2);
  button = cwa_test_ui_find_button (GTK_WIDGET (find_endpoint_row (fixture, "other.contoso.com:443")),
                                 "_Add Served Certificate");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_activate (button));
  CWA_TEST_WAIT_FOR (g_list_model_get_n_items (entries) == n_entries + 1);
  g_assert_cmpuint (g_list_model_get_n_items (cwa_plan_get_chain_certificates (plan)), ==, n_chain);
  result = cwa_live_check_find_result (fixture->live, find_site (plan, "other.contoso.com"));
  g_assert_nonnull (result);
  added = g_list_model_get_item (entries, n_entries);
  g_object_unref (added);
  g_assert_true (cwa_certificate_equal (added, cwa_probe_result_get_leaf (result)));
  roles = cwa_plan_dup_certificate_roles (plan, added);
  g_assert_null (roles[0]);

  /* The row now says where the plan has it, and offers nothing more. */
  CWA_TEST_WAIT_FOR (cwa_test_ui_find_button (GTK_WIDGET (find_endpoint_row (fixture, "other.contoso.com:443")),
                                           "_Add Served Certificate") == NULL);
  assert_texts_contain (GTK_WIDGET (find_endpoint_row (fixture, "other.contoso.com:443")), "but not planned here");
  g_assert_true (group_is_stale (fixture));

  /* Ctrl+Z. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, n_entries);
  CWA_TEST_WAIT_FOR (cwa_test_ui_find_button (GTK_WIDGET (find_endpoint_row (fixture, "other.contoso.com:443")),
                                           "_Add Served Certificate") != NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree gchar *why = NULL;
  g_autofree gchar *data_home = NULL;
  int status;

  /* Never anywhere but in a namespace that has only loopback: the plan's
   * names are real-looking, and nothing here may reach them. */
  if (!cwa_test_only_loopback (&why))
    {
      g_print ("1..0 # SKIP not in a network namespace with only loopback: %s\n", why);
      return 0;
    }

  data_home = g_dir_make_tmp ("cwa-test-live-data-XXXXXX", NULL);
  if (!cwa_test_ui_init (&argc, &argv, data_home))
    return g_test_run ();

#define ADD(path, func) \
  g_test_add ("/cwa/ui/live/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("live-group", test_live_group);
  ADD ("cancel", test_cancel);
  ADD ("stale-after-edit", test_stale_after_edit);
  ADD ("add-served", test_add_served);
  ADD ("badges", test_badges);
  ADD ("badges-array", test_badges_array);
#undef ADD

  status = g_test_run ();
  cwa_test_remove_tree (data_home);
  return status;
}

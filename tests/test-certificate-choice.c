/* test-certificate-choice.c: the certificate drop-downs of the window's forms tell same-named certificates apart and offer no CA certificate, under Xvfb. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "cwa-certificate-choice.h"
#include "cwa-deployment-editor.h"
#include "cwa-load-balancer-form.h"
#include "cwa-publishing-rule-form.h"
#include "cwa-test-cert.h"
#include "cwa-test-ui.h"
#include "cwa-window.h"

typedef struct
{
  CwaWindow           *window;
  CwaDeploymentEditor *editor;
  CwaPlan             *plan;
  CwaTestIssuer       *contoso_ca;
  CwaTestIssuer       *fabrikam_ca;
  /* Borrowed from the plan: two certificates for im.contoso.com from
   * different CAs, and the Contoso CA's own certificate. */
  CwaCertificate      *first;
  CwaCertificate      *second;
  CwaCertificate      *ca;
  CwaServer           *server;
  CwaVirtualServer    *vs;
} Fixture;

static CwaTestIssuer *
make_ca (const gchar *subject,
         guint64      serial)
{
  CwaTestCertSpec spec;

  cwa_test_cert_spec_init (&spec, subject);
  spec.is_ca = TRUE;
  spec.serial = serial;
  return cwa_test_issuer_new (&spec);
}

static CwaCertificate *
add_leaf (Fixture       *fixture,
          CwaTestIssuer *issuer,
          gint64         not_after,
          guint64        serial)
{
  static const gchar * const names[] = { "im.contoso.com", "as.im.contoso.com", "download.im.contoso.com", NULL };
  CwaTestCertSpec spec;
  g_autoptr(CwaCertificate) certificate = NULL;

  cwa_test_cert_spec_init (&spec, "CN=im.contoso.com,O=Contoso");
  spec.dns_names = names;
  spec.issuer = issuer;
  if (not_after != 0)
    spec.not_after = not_after;
  spec.serial = serial;
  certificate = cwa_test_cert_build (&spec);
  return cwa_plan_add_certificate (fixture->plan, certificate);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GDateTime) now = cwa_test_now ();
  g_autoptr(CwaServer) server = cwa_server_new ("cwaserver.contoso.com");
  g_autoptr(CwaVirtualServer) vs = cwa_virtual_server_new ("https://im.contoso.com", CWA_AUDIENCE_EXTERNAL);

  fixture->window = g_object_ref_sink (cwa_window_new (NULL));
  fixture->editor = cwa_test_ui_child (fixture->window, CWA_TYPE_WINDOW, "editor");
  fixture->plan = cwa_window_get_plan (fixture->window);
  cwa_checklist_set_now (cwa_window_get_checklist (fixture->window), now);

  fixture->contoso_ca = make_ca ("CN=Contoso Issuing CA,O=Contoso", 10);
  fixture->fabrikam_ca = make_ca ("CN=Fabrikam Root CA,O=Fabrikam", 20);
  /* 2027-06-30 and 2028-01-01 (the default) */
  fixture->first = add_leaf (fixture, fixture->contoso_ca, 1814356800, 11);
  fixture->second = add_leaf (fixture, fixture->fabrikam_ca, 0, 21);
  fixture->ca = cwa_plan_add_certificate (fixture->plan, cwa_test_issuer_get_certificate (fixture->contoso_ca));

  cwa_server_add_virtual_server (server, vs);
  cwa_deployment_add_server (cwa_plan_get_deployment (fixture->plan), server);
  fixture->server = server;
  fixture->vs = vs;

  gtk_window_present (GTK_WINDOW (fixture->window));
  cwa_test_ui_drain_main_loop ();
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  cwa_plan_set_modified (fixture->plan, FALSE);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  cwa_test_ui_drain_main_loop ();
  g_assert_finalize_object (fixture->window);
  cwa_test_issuer_free (fixture->contoso_ca);
  cwa_test_issuer_free (fixture->fabrikam_ca);
}

/* Whether the drop-down offers @certificate. */
static gboolean
offers (GtkDropDown    *dropdown,
        CwaCertificate *certificate)
{
  GListModel *model = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (item == (gpointer) certificate)
        return TRUE;
    }
  return FALSE;
}

/* How many labels shown below @widget start with @prefix. */
static guint
count_labels (GtkWidget   *widget,
              const gchar *prefix)
{
  g_autoptr(GPtrArray) labels = cwa_test_ui_find_all (widget, GTK_TYPE_LABEL);
  guint n = 0;

  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_is_visible (g_ptr_array_index (labels, i)) &&
        g_str_has_prefix (gtk_label_get_text (g_ptr_array_index (labels, i)), prefix))
      n++;
  return n;
}

/* How many labels below @widget, shown or not, start with @prefix: the
 * rows a list has built. */
static guint
count_built_labels (GtkWidget   *widget,
                    const gchar *prefix)
{
  g_autoptr(GPtrArray) labels = cwa_test_ui_find_all (widget, GTK_TYPE_LABEL);
  guint n = 0;

  for (guint i = 0; i < labels->len; i++)
    if (g_str_has_prefix (gtk_label_get_text (g_ptr_array_index (labels, i)), prefix))
      n++;
  return n;
}

static GtkPopover *
popover_of (GtkDropDown *dropdown)
{
  g_autoptr(GPtrArray) popovers = cwa_test_ui_find_all (dropdown, GTK_TYPE_POPOVER);

  g_assert_cmpuint (popovers->len, ==, 1);
  return g_ptr_array_index (popovers, 0);
}

/* Two certificates named im.contoso.com read differently in the list the
 * user picks from: each row says issuer, expiry and fingerprint. */
static void
test_rows_tell_apart (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkDropDown *ssl = cwa_test_ui_child (fixture->editor, CWA_TYPE_DEPLOYMENT_EDITOR, "ssl_dropdown");
  g_autofree gchar *first_sha = g_strndup (cwa_certificate_get_sha256 (fixture->first), 8);
  g_autofree gchar *second_sha = g_strndup (cwa_certificate_get_sha256 (fixture->second), 8);
  g_autofree gchar *first_detail = g_strdup_printf ("Contoso Issuing CA · expires 2027-06-30 · SHA-256 %s…", first_sha);
  g_autofree gchar *second_detail = g_strdup_printf ("Fabrikam Root CA · expires 2028-01-01 · SHA-256 %s…", second_sha);
  GtkPopover *popover;

  cwa_deployment_editor_select (fixture->editor, fixture->vs);
  cwa_test_ui_drain_main_loop ();
  g_assert_cmpstr (cwa_certificate_get_display_name (fixture->first), ==,
                   cwa_certificate_get_display_name (fixture->second));

  g_signal_emit_by_name (ssl, "activate");
  popover = popover_of (ssl);
  CWA_TEST_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (popover)));
  CWA_TEST_WAIT_FOR (count_labels (GTK_WIDGET (popover), "None") == 1);
  cwa_test_ui_wait_frames (GTK_WIDGET (popover), 2);

  /* Each name once per certificate, and each second line distinct. */
  g_assert_cmpuint (count_labels (GTK_WIDGET (popover), "im.contoso.com"), ==, 2);
  g_assert_cmpuint (count_labels (GTK_WIDGET (popover), first_detail), ==, 1);
  g_assert_cmpuint (count_labels (GTK_WIDGET (popover), second_detail), ==, 1);
  g_assert_cmpstr (first_detail, !=, second_detail);
  gtk_popover_popdown (popover);

  /* The button shows which of the two is assigned. */
  cwa_virtual_server_set_ssl_certificate (fixture->vs, fixture->second);
  cwa_test_ui_drain_main_loop ();
  g_assert_true (cwa_certificate_choice_get (ssl) == fixture->second);
  g_assert_cmpuint (count_labels (GTK_WIDGET (ssl), second_detail), ==, 1);
  g_assert_cmpuint (count_labels (GTK_WIDGET (ssl), first_detail), ==, 0);
}

/* The expiry part says "expired" for a certificate past the checklist's
 * "now", and a self-signed certificate names no issuer. */
static void
test_detail_wording (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree gchar *before = cwa_certificate_choice_dup_detail (fixture->first, CWA_TEST_NOW_UNIX);
  g_autofree gchar *after = cwa_certificate_choice_dup_detail (fixture->first, 1814356800 + 1);
  g_autofree gchar *root = cwa_certificate_choice_dup_detail (fixture->ca, CWA_TEST_NOW_UNIX);

  g_assert_true (g_str_has_prefix (before, "Contoso Issuing CA · expires 2027-06-30 · SHA-256 "));
  g_assert_true (g_str_has_prefix (after, "Contoso Issuing CA · expired 2027-06-30 · SHA-256 "));
  g_assert_true (g_str_has_prefix (root, "self-signed · expires 2028-01-01 · SHA-256 "));
  g_assert_true (g_str_has_suffix (root, "…"));
}

/* A CA certificate is offered by no role chooser, unless it is the one
 * assigned: then it shows, so the form does not claim "None". */
static void
test_no_ca_in_role_choosers (Fixture       *fixture,
                             gconstpointer  data)
{
  GtkDropDown *ssl = cwa_test_ui_child (fixture->editor, CWA_TYPE_DEPLOYMENT_EDITOR, "ssl_dropdown");
  GtkDropDown *mtls = cwa_test_ui_child (fixture->editor, CWA_TYPE_DEPLOYMENT_EDITOR, "mtls_dropdown");
  GtkWidget *lb_form = cwa_test_ui_child (fixture->editor, CWA_TYPE_DEPLOYMENT_EDITOR, "load_balancer_form");
  GtkWidget *rule_form = cwa_test_ui_child (fixture->editor, CWA_TYPE_DEPLOYMENT_EDITOR, "publishing_rule_form");
  g_autoptr(CwaLoadBalancer) lb = cwa_load_balancer_new ("im.contoso.com");
  g_autoptr(CwaReverseProxy) proxy = cwa_reverse_proxy_new ("isa01.perimeter.contoso.com");
  g_autoptr(CwaPublishingRule) rule = cwa_publishing_rule_new ("https://im.contoso.com", "im.contoso.com");
  GtkDropDown *lb_dropdown = cwa_test_ui_child (lb_form, CWA_TYPE_LOAD_BALANCER_FORM, "certificate_dropdown");
  GtkDropDown *rule_dropdown = cwa_test_ui_child (rule_form, CWA_TYPE_PUBLISHING_RULE_FORM, "certificate_dropdown");

  cwa_deployment_add_load_balancer (cwa_plan_get_deployment (fixture->plan), lb);
  cwa_reverse_proxy_add_publishing_rule (proxy, rule);
  cwa_deployment_add_reverse_proxy (cwa_plan_get_deployment (fixture->plan), proxy);
  g_assert_true (cwa_certificate_is_ca (fixture->ca));

  cwa_deployment_editor_select (fixture->editor, fixture->vs);
  cwa_test_ui_drain_main_loop ();
  /* "None" and the two server certificates. */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (ssl)), ==, 3);
  g_assert_true (offers (ssl, fixture->first) && offers (ssl, fixture->second));
  g_assert_false (offers (ssl, fixture->ca));

  cwa_deployment_editor_select (fixture->editor, fixture->server);
  cwa_test_ui_drain_main_loop ();
  g_assert_false (offers (mtls, fixture->ca));
  g_assert_true (offers (mtls, fixture->first));

  cwa_deployment_editor_select (fixture->editor, lb);
  cwa_test_ui_drain_main_loop ();
  g_assert_false (offers (lb_dropdown, fixture->ca));
  g_assert_true (offers (lb_dropdown, fixture->second));

  cwa_deployment_editor_select (fixture->editor, rule);
  cwa_test_ui_drain_main_loop ();
  g_assert_false (offers (rule_dropdown, fixture->ca));
  g_assert_true (offers (rule_dropdown, fixture->second));

  /* Assigned in the plan file (or by a drop), the CA shows as chosen. */
  cwa_virtual_server_set_ssl_certificate (fixture->vs, fixture->ca);
  cwa_deployment_editor_select (fixture->editor, fixture->vs);
  cwa_test_ui_drain_main_loop ();
  g_assert_true (offers (ssl, fixture->ca));
  g_assert_true (cwa_certificate_choice_get (ssl) == fixture->ca);
  g_assert_true (cwa_virtual_server_get_ssl_certificate (fixture->vs) == fixture->ca);

  /* Once something else is chosen, it is gone again. */
  gtk_drop_down_set_selected (ssl, 1);
  cwa_test_ui_drain_main_loop ();
  g_assert_true (cwa_virtual_server_get_ssl_certificate (fixture->vs) == fixture->first);
  g_assert_false (offers (ssl, fixture->ca));
  g_assert_true (cwa_certificate_choice_get (ssl) == fixture->first);
}

/* A self-signed certificate that names a host is offered though it is
 * marked a CA, as `openssl req -x509` makes them: by its subject CN or by a
 * DNS name.  A CA named as a CA ("Contoso Root CA") still is not. */
static void
test_self_signed_server_offered (Fixture       *fixture,
                                 gconstpointer  data)
{
  static const gchar * const names[] = { "im.contoso.com", NULL };
  GtkDropDown *ssl = cwa_test_ui_child (fixture->editor, CWA_TYPE_DEPLOYMENT_EDITOR, "ssl_dropdown");
  CwaTestCertSpec spec;
  g_autoptr(CwaCertificate) by_cn = NULL;
  g_autoptr(CwaCertificate) by_san = NULL;
  CwaCertificate *cn_entry;
  CwaCertificate *san_entry;

  cwa_test_cert_spec_init (&spec, "CN=im.contoso.com");
  spec.is_ca = TRUE;
  spec.serial = 71;
  by_cn = cwa_test_cert_build (&spec);
  cwa_test_cert_spec_init (&spec, "O=Contoso Lab");
  spec.is_ca = TRUE;
  spec.serial = 72;
  spec.dns_names = names;
  by_san = cwa_test_cert_build (&spec);
  cn_entry = cwa_plan_add_certificate (fixture->plan, by_cn);
  san_entry = cwa_plan_add_certificate (fixture->plan, by_san);
  g_assert_true (cwa_certificate_is_ca (cn_entry) && cwa_certificate_is_ca (san_entry));

  cwa_deployment_editor_select (fixture->editor, fixture->vs);
  cwa_test_ui_drain_main_loop ();
  g_assert_true (offers (ssl, cn_entry));
  g_assert_true (offers (ssl, san_entry));
  g_assert_false (offers (ssl, fixture->ca));
}

/* A closed list holds no certificate rows: the forms exist while hidden,
 * and a drop of many certificates must not build rows nobody sees.  The
 * rows come when the list opens and go once it has closed. */
static void
test_closed_list_builds_no_rows (Fixture       *fixture,
                                 gconstpointer  data)
{
  GtkDropDown *ssl = cwa_test_ui_child (fixture->editor, CWA_TYPE_DEPLOYMENT_EDITOR, "ssl_dropdown");
  GtkWidget *popover = GTK_WIDGET (popover_of (ssl));

  /* Hidden form, then shown form with its list closed. */
  cwa_test_ui_drain_main_loop ();
  g_assert_cmpuint (count_built_labels (popover, "im.contoso.com"), ==, 0);
  g_assert_cmpuint (count_built_labels (popover, "None"), ==, 0);
  cwa_deployment_editor_select (fixture->editor, fixture->vs);
  cwa_test_ui_drain_main_loop ();
  g_assert_cmpuint (count_built_labels (popover, "im.contoso.com"), ==, 0);

  g_signal_emit_by_name (ssl, "activate");
  CWA_TEST_WAIT_FOR (gtk_widget_get_mapped (popover));
  CWA_TEST_WAIT_FOR (count_built_labels (popover, "None") == 1);
  g_assert_cmpuint (count_built_labels (popover, "im.contoso.com"), ==, 2);

  gtk_popover_popdown (GTK_POPOVER (popover));
  CWA_TEST_WAIT_FOR (count_built_labels (popover, "None") == 0);
  g_assert_cmpuint (count_built_labels (popover, "im.contoso.com"), ==, 0);
  /* The button still shows the assigned certificate. */
  g_assert_cmpuint (count_labels (GTK_WIDGET (ssl), "im.contoso.com"), ==,
                    cwa_certificate_choice_get (ssl) != NULL ? 1 : 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree gchar *data_home = g_dir_make_tmp ("cwa-test-certificate-choice-XXXXXX", NULL);
  int status;

  if (!cwa_test_ui_init (&argc, &argv, data_home))
    return g_test_run ();

#define ADD(path, func) \
  g_test_add ("/cwa/ui/certificate-choice/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("rows-tell-apart", test_rows_tell_apart);
  ADD ("detail-wording", test_detail_wording);
  ADD ("no-ca-in-role-choosers", test_no_ca_in_role_choosers);
  ADD ("self-signed-server-offered", test_self_signed_server_offered);
  ADD ("closed-list-builds-no-rows", test_closed_list_builds_no_rows);
#undef ADD

  status = g_test_run ();
  g_rmdir (data_home);
  return status;
}

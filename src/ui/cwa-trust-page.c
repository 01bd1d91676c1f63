/* cwa-trust-page.c: the Preferences page of the public roots: the system's store on or off, and root bundle files. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cwa-trust-page.h"

struct _CwaTrustPage
{
  AdwPreferencesPage    parent_instance;

  CwaTrustSettings     *settings;
  /* The rows of the bundles shown now. */
  GPtrArray            *bundle_rows;
  /* The file chooser being shown; kept alive until it answers. */
  GtkFileChooserNative *chooser;
  /* Set while the switch is set from the settings. */
  gboolean              filling;

  AdwPreferencesGroup  *system_group;
  AdwActionRow         *system_row;
  GtkSwitch            *system_switch;
  AdwPreferencesGroup  *bundles_group;
  GtkWidget            *add_button;
  GtkWidget            *empty_row;
};

G_DEFINE_FINAL_TYPE (CwaTrustPage, cwa_trust_page, ADW_TYPE_PREFERENCES_PAGE)

gchar *
cwa_trust_page_dup_bundle_summary (const CwaTrustBundle *bundle)
{
  g_autofree gchar *cas = NULL;
  g_autofree gchar *others = NULL;
  guint n_others;

  g_return_val_if_fail (bundle != NULL, NULL);

  /* The row's title is the path already: "PATH: the file does not
   * exist..." reads as "The file does not exist...". */
  if (bundle->problem != NULL && g_str_has_prefix (bundle->problem, bundle->location) &&
      g_str_has_prefix (bundle->problem + strlen (bundle->location), ": ") &&
      bundle->problem[strlen (bundle->location) + 2] != '\0')
    {
      gchar *reason = g_strdup (bundle->problem + strlen (bundle->location) + 2);

      /* What was the rest of a sentence now starts one. */
      reason[0] = g_ascii_toupper (reason[0]);
      return reason;
    }
  if (bundle->problem != NULL)
    return g_strdup (bundle->problem);

  cas = g_strdup_printf (ngettext ("%u CA certificate", "%u CA certificates", bundle->n_ca), bundle->n_ca);
  n_others = bundle->n_certificates - bundle->n_ca;
  if (n_others == 0)
    return g_steal_pointer (&cas);

  /* Every certificate of a bundle is a public root, as with --public-ca:
   * say so for those that are not CA certificates. */
  others = g_strdup_printf (ngettext ("%u other certificate", "%u other certificates", n_others), n_others);
  /* Translators: "3 CA certificates", "1 other certificate" */
  return g_strdup_printf (C_("bundle counts", "%s and %s"), cas, others);
}

static void
remove_clicked_cb (GtkButton    *button,
                   CwaTrustPage *self)
{
  cwa_trust_settings_remove_bundle (self->settings, g_object_get_data (G_OBJECT (button), "cwa-location"));
}

static GtkWidget *
make_bundle_row (CwaTrustPage         *self,
                 const CwaTrustBundle *bundle)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  GtkWidget *icon;
  g_autofree gchar *summary = cwa_trust_page_dup_bundle_summary (bundle);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), bundle->location);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), summary);
  if (bundle->problem != NULL)
    {
      icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      gtk_widget_add_css_class (icon, "warning");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Cannot be read"), -1);
    }
  else
    {
      icon = gtk_image_new_from_icon_name ("application-certificate-symbolic");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Read"), -1);
    }
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove bundle"), -1);
  g_object_set_data_full (G_OBJECT (remove), "cwa-location", g_strdup (bundle->location), g_free);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  return row;
}

static void
fill_system_row (CwaTrustPage *self)
{
  gboolean use_system = cwa_trust_settings_get_use_system (self->settings);
  const gchar *problem = cwa_trust_settings_get_system_problem (self->settings);
  guint n = cwa_trust_settings_get_n_system_roots (self->settings);
  g_autofree gchar *subtitle = NULL;

  if (!use_system)
    subtitle = g_strdup (_("Off: only the bundles below are public roots"));
  else if (problem != NULL)
    subtitle = g_strdup (problem);
  else
    subtitle = g_strdup_printf (ngettext ("%u root certificate of this computer",
                                          "%u root certificates of this computer", n), n);
  adw_action_row_set_subtitle (self->system_row, subtitle);

  self->filling = TRUE;
  gtk_switch_set_active (self->system_switch, use_system);
  self->filling = FALSE;
}

static void
fill (CwaTrustPage *self)
{
  GPtrArray *bundles = cwa_trust_settings_get_bundles (self->settings);
  gboolean writable = cwa_trust_settings_is_writable (self->settings);

  fill_system_row (self);

  for (guint i = 0; i < self->bundle_rows->len; i++)
    adw_preferences_group_remove (self->bundles_group, g_ptr_array_index (self->bundle_rows, i));
  g_ptr_array_set_size (self->bundle_rows, 0);
  for (guint i = 0; i < bundles->len; i++)
    {
      GtkWidget *row = make_bundle_row (self, g_ptr_array_index (bundles, i));

      adw_preferences_group_add (self->bundles_group, row);
      g_ptr_array_add (self->bundle_rows, row);
    }
  gtk_widget_set_visible (self->empty_row, bundles->len == 0);

  gtk_widget_set_sensitive (GTK_WIDGET (self->system_group), writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->bundles_group), writable);
}

static void
system_switch_cb (CwaTrustPage *self)
{
  if (!self->filling)
    cwa_trust_settings_set_use_system (self->settings, gtk_switch_get_active (self->system_switch));
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     gint             response,
                     CwaTrustPage    *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);

          cwa_trust_settings_add_bundle (self->settings, file);
        }
    }
  g_clear_object (&self->chooser);
}

static void
add_clicked_cb (CwaTrustPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GtkFileFilter) certs = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  static const gchar *suffixes[] = { "pem", "crt", "cer", "der", "p7b", "p7c" };

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Add Root Bundles"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Add"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (self->chooser), TRUE);
  gtk_file_filter_set_name (certs, _("Certificate Files"));
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    gtk_file_filter_add_suffix (certs, suffixes[i]);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), certs);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
cwa_trust_page_dispose (GObject *object)
{
  CwaTrustPage *self = CWA_TRUST_PAGE (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), CWA_TYPE_TRUST_PAGE);
  g_clear_pointer (&self->bundle_rows, g_ptr_array_unref);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (cwa_trust_page_parent_class)->dispose (object);
}

static void
cwa_trust_page_class_init (CwaTrustPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cwa_trust_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/cwacertplanner/CertPlanner/cwa-trust-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CwaTrustPage, system_group);
  gtk_widget_class_bind_template_child (widget_class, CwaTrustPage, system_row);
  gtk_widget_class_bind_template_child (widget_class, CwaTrustPage, system_switch);
  gtk_widget_class_bind_template_child (widget_class, CwaTrustPage, bundles_group);
  gtk_widget_class_bind_template_child (widget_class, CwaTrustPage, add_button);
  gtk_widget_class_bind_template_child (widget_class, CwaTrustPage, empty_row);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
}

static void
cwa_trust_page_init (CwaTrustPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->bundle_rows = g_ptr_array_new ();
  g_signal_connect_object (self->system_switch, "notify::active",
                           G_CALLBACK (system_switch_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
cwa_trust_page_new (CwaTrustSettings *settings)
{
  CwaTrustPage *self;

  g_return_val_if_fail (CWA_IS_TRUST_SETTINGS (settings), NULL);

  self = g_object_new (CWA_TYPE_TRUST_PAGE, NULL);
  self->settings = g_object_ref (settings);
  g_signal_connect_object (settings, "notify::trust", G_CALLBACK (fill), self, G_CONNECT_SWAPPED);
  fill (self);

  return GTK_WIDGET (self);
}

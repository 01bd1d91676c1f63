/* cwa-preferences-window.c: the Preferences window: expiry warning window, for this plan and new ones; public roots. */
#include "config.h"

#include <glib/gi18n.h>

#include "cwa-preferences-window.h"
#include "cwa-trust-page.h"

struct _CwaPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  CwaPlan              *plan;
  GSettings            *settings;

  AdwActionRow         *plan_row;
  AdwActionRow         *default_row;
  GtkSpinButton        *plan_spin;
  GtkSpinButton        *default_spin;
};

G_DEFINE_FINAL_TYPE (CwaPreferencesWindow, cwa_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
plan_spin_changed_cb (CwaPreferencesWindow *self)
{
  guint days = (guint) gtk_spin_button_get_value_as_int (self->plan_spin);

  if (self->plan != NULL && cwa_plan_get_expiry_warning_days (self->plan) != days)
    cwa_plan_set_expiry_warning_days (self->plan, days);
}

static void
cwa_preferences_window_dispose (GObject *object)
{
  CwaPreferencesWindow *self = CWA_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CWA_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->plan);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (cwa_preferences_window_parent_class)->dispose (object);
}

static void
cwa_preferences_window_class_init (CwaPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cwa_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/cwacertplanner/CertPlanner/cwa-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CwaPreferencesWindow, plan_row);
  gtk_widget_class_bind_template_child (widget_class, CwaPreferencesWindow, default_row);
  gtk_widget_class_bind_template_child (widget_class, CwaPreferencesWindow, plan_spin);
  gtk_widget_class_bind_template_child (widget_class, CwaPreferencesWindow, default_spin);
}

static void
cwa_preferences_window_init (CwaPreferencesWindow *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema != NULL)
    {
      self->settings = g_settings_new (APPLICATION_ID);
      g_settings_bind (self->settings, "expiry-warning-days",
                       gtk_spin_button_get_adjustment (self->default_spin), "value",
                       G_SETTINGS_BIND_DEFAULT);
    }
  else
    gtk_widget_set_sensitive (GTK_WIDGET (self->default_row), FALSE);
}

GtkWidget *
cwa_preferences_window_new (CwaPlan          *plan,
                            CwaTrustSettings *trust_settings)
{
  CwaPreferencesWindow *self;
  g_autoptr(CwaTrustSettings) own_settings = NULL;

  g_return_val_if_fail (plan == NULL || CWA_IS_PLAN (plan), NULL);
  g_return_val_if_fail (trust_settings == NULL || CWA_IS_TRUST_SETTINGS (trust_settings), NULL);

  self = g_object_new (CWA_TYPE_PREFERENCES_WINDOW, NULL);
  if (trust_settings == NULL)
    trust_settings = own_settings = cwa_trust_settings_new ();
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                              ADW_PREFERENCES_PAGE (cwa_trust_page_new (trust_settings)));

  if (plan != NULL)
    {
      self->plan = g_object_ref (plan);
      gtk_spin_button_set_value (self->plan_spin, cwa_plan_get_expiry_warning_days (plan));
      g_signal_connect_object (self->plan_spin, "value-changed",
                               G_CALLBACK (plan_spin_changed_cb), self, G_CONNECT_SWAPPED);
    }
  else
    gtk_widget_set_sensitive (GTK_WIDGET (self->plan_row), FALSE);

  return GTK_WIDGET (self);
}

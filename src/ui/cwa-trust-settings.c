/* cwa-trust-settings.c: the public roots the window's checklist trusts, as Preferences set them (the window's --public-ca and --no-system-trust). */
#include "config.h"

#include <glib/gi18n.h>

#include "cwa-cert-loader.h"
#include "cwa-rule-text.h"
#include "cwa-trust-settings.h"

#define KEY_SYSTEM "system-trust"
#define KEY_BUNDLES "public-ca-files"

struct _CwaTrustSettings
{
  GObject    parent_instance;

  /* NULL without the schema. */
  GSettings *settings;
  CwaTrust  *trust;
  GPtrArray *bundles;
  gboolean   use_system;
  guint      n_system_roots;
  gchar     *system_problem;
};

enum {
  PROP_0,
  PROP_TRUST,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CwaTrustSettings, cwa_trust_settings, G_TYPE_OBJECT)

static void
bundle_free (CwaTrustBundle *bundle)
{
  g_free (bundle->location);
  g_free (bundle->problem);
  g_free (bundle);
}

/* Adds every certificate of the file at @location to @trust, as
 * cwa_trust_add_public_file() does, counting them on the way. */
static CwaTrustBundle *
read_bundle (CwaTrust    *trust,
             const gchar *location)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (location);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) roots = NULL;
  CwaTrustBundle *bundle = g_new0 (CwaTrustBundle, 1);
  gboolean translated;

  bundle->location = g_strdup (location);
  /* The problem shows in Preferences: in the user's language. */
  translated = cwa_rule_text_set_translated (TRUE);
  roots = cwa_cert_loader_load_file (file, NULL, NULL, &error);
  cwa_rule_text_set_translated (translated);
  if (roots == NULL)
    {
      bundle->problem = g_strdup (error->message);
      return bundle;
    }

  for (guint i = 0; i < roots->len; i++)
    {
      CwaCertificate *root = g_ptr_array_index (roots, i);

      cwa_trust_add_public_root (trust, root);
      if (cwa_certificate_is_ca (root))
        bundle->n_ca++;
    }
  bundle->n_certificates = roots->len;
  return bundle;
}

static void
rebuild (CwaTrustSettings *self)
{
  g_autoptr(CwaTrust) trust = cwa_trust_new ();
  g_auto(GStrv) locations = NULL;
  GPtrArray *bundles = g_ptr_array_new_with_free_func ((GDestroyNotify) bundle_free);

  self->use_system = self->settings == NULL || g_settings_get_boolean (self->settings, KEY_SYSTEM);
  self->n_system_roots = 0;
  g_clear_pointer (&self->system_problem, g_free);
  if (self->use_system)
    {
      if (cwa_trust_add_system (trust, NULL))
        self->n_system_roots = cwa_trust_get_n_public_roots (trust);
      else
        self->system_problem = g_strdup (_("The system's trusted root certificates cannot be read: install the ca-certificates package, or add the public roots as bundles."));
    }

  if (self->settings != NULL)
    locations = g_settings_get_strv (self->settings, KEY_BUNDLES);
  for (guint i = 0; locations != NULL && locations[i] != NULL; i++)
    g_ptr_array_add (bundles, read_bundle (trust, locations[i]));

  g_clear_pointer (&self->bundles, g_ptr_array_unref);
  self->bundles = bundles;
  g_set_object (&self->trust, trust);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRUST]);
}

static void
cwa_trust_settings_finalize (GObject *object)
{
  CwaTrustSettings *self = CWA_TRUST_SETTINGS (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->trust);
  g_clear_pointer (&self->bundles, g_ptr_array_unref);
  g_free (self->system_problem);

  G_OBJECT_CLASS (cwa_trust_settings_parent_class)->finalize (object);
}

static void
cwa_trust_settings_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CwaTrustSettings *self = CWA_TRUST_SETTINGS (object);

  switch (prop_id)
    {
    case PROP_TRUST:
      g_value_set_object (value, self->trust);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cwa_trust_settings_class_init (CwaTrustSettingsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cwa_trust_settings_finalize;
  object_class->get_property = cwa_trust_settings_get_property;

  properties[PROP_TRUST] =
    g_param_spec_object ("trust", NULL, NULL, CWA_TYPE_TRUST,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cwa_trust_settings_init (CwaTrustSettings *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema != NULL && g_settings_schema_has_key (schema, KEY_BUNDLES))
    {
      self->settings = g_settings_new (APPLICATION_ID);
      g_signal_connect_object (self->settings, "changed::" KEY_SYSTEM,
                               G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->settings, "changed::" KEY_BUNDLES,
                               G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);
    }
  rebuild (self);
}

CwaTrustSettings *
cwa_trust_settings_new (void)
{
  return g_object_new (CWA_TYPE_TRUST_SETTINGS, NULL);
}

CwaTrust *
cwa_trust_settings_get_trust (CwaTrustSettings *self)
{
  g_return_val_if_fail (CWA_IS_TRUST_SETTINGS (self), NULL);

  return self->trust;
}

GPtrArray *
cwa_trust_settings_get_bundles (CwaTrustSettings *self)
{
  g_return_val_if_fail (CWA_IS_TRUST_SETTINGS (self), NULL);

  return self->bundles;
}

gboolean
cwa_trust_settings_get_use_system (CwaTrustSettings *self)
{
  g_return_val_if_fail (CWA_IS_TRUST_SETTINGS (self), TRUE);

  return self->use_system;
}

guint
cwa_trust_settings_get_n_system_roots (CwaTrustSettings *self)
{
  g_return_val_if_fail (CWA_IS_TRUST_SETTINGS (self), 0);

  return self->n_system_roots;
}

const gchar *
cwa_trust_settings_get_system_problem (CwaTrustSettings *self)
{
  g_return_val_if_fail (CWA_IS_TRUST_SETTINGS (self), NULL);

  return self->system_problem;
}

gboolean
cwa_trust_settings_is_writable (CwaTrustSettings *self)
{
  g_return_val_if_fail (CWA_IS_TRUST_SETTINGS (self), FALSE);

  return self->settings != NULL;
}

void
cwa_trust_settings_set_use_system (CwaTrustSettings *self,
                                   gboolean          use_system)
{
  g_return_if_fail (CWA_IS_TRUST_SETTINGS (self));

  if (self->settings != NULL)
    g_settings_set_boolean (self->settings, KEY_SYSTEM, use_system);
}

/* How the setting stores @file: what cwa_trust_settings_add_bundle()
 * compares and g_file_new_for_commandline_arg() reads back. */
static gchar *
dup_location (GFile *file)
{
  gchar *path = g_file_get_path (file);

  return path != NULL ? path : g_file_get_uri (file);
}

gboolean
cwa_trust_settings_add_bundle (CwaTrustSettings *self,
                               GFile            *file)
{
  g_autofree gchar *location = NULL;
  g_auto(GStrv) locations = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) changed = NULL;

  g_return_val_if_fail (CWA_IS_TRUST_SETTINGS (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->settings == NULL)
    return FALSE;

  location = dup_location (file);
  locations = g_settings_get_strv (self->settings, KEY_BUNDLES);
  if (g_strv_contains ((const gchar * const *) locations, location))
    return FALSE;

  builder = g_strv_builder_new ();
  g_strv_builder_addv (builder, (const gchar **) locations);
  g_strv_builder_add (builder, location);
  changed = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, KEY_BUNDLES, (const gchar * const *) changed);
  return TRUE;
}

void
cwa_trust_settings_remove_bundle (CwaTrustSettings *self,
                                  const gchar      *location)
{
  g_auto(GStrv) locations = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) changed = NULL;

  g_return_if_fail (CWA_IS_TRUST_SETTINGS (self));
  g_return_if_fail (location != NULL);

  if (self->settings == NULL)
    return;

  locations = g_settings_get_strv (self->settings, KEY_BUNDLES);
  builder = g_strv_builder_new ();
  for (guint i = 0; locations[i] != NULL; i++)
    if (g_strcmp0 (locations[i], location) != 0)
      g_strv_builder_add (builder, locations[i]);
  changed = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, KEY_BUNDLES, (const gchar * const *) changed);
}

/* cwa-trust-settings.h: the public roots the window's checklist trusts, as Preferences set them (the window's --public-ca and --no-system-trust). */
#pragma once

#include <gio/gio.h>

#include "cwa-trust.h"

G_BEGIN_DECLS

#define CWA_TYPE_TRUST_SETTINGS (cwa_trust_settings_get_type ())

G_DECLARE_FINAL_TYPE (CwaTrustSettings, cwa_trust_settings, CWA, TRUST_SETTINGS, GObject)

/* One public root bundle of the settings, as last read. */
typedef struct
{
  /* As stored: a path, or a URI for a file with no local path. */
  gchar *location;
  /* Certificates the file holds, all of them public roots from now on,
   * and how many of them are CA certificates (cwa_certificate_is_ca()). */
  guint  n_certificates;
  guint  n_ca;
  /* Why the file cannot be used, naming it; NULL when it was read. */
  gchar *problem;
} CwaTrustBundle;

/* Reads the GSettings keys "system-trust" (boolean) and "public-ca-files"
 * (array of paths) of the application's schema and builds a CwaTrust from
 * them: the system's roots unless switched off, and every certificate of
 * each bundle file, as `check --public-ca FILE... [--no-system-trust]`
 * would.  A bundle that cannot be read is left out and its problem kept
 * for Preferences to show.  Re-reads whenever either key changes, making a
 * new CwaTrust and notifying "trust".  Without the schema installed: the
 * system's roots only, and nothing can be changed. */
CwaTrustSettings *cwa_trust_settings_new              (void);

/* The trust store built from the settings now (borrowed; a new object
 * after each change, see "notify::trust"). */
CwaTrust         *cwa_trust_settings_get_trust        (CwaTrustSettings *self);
/* Element type CwaTrustBundle, in the order of the setting (borrowed,
 * replaced after each change). */
GPtrArray        *cwa_trust_settings_get_bundles      (CwaTrustSettings *self);
gboolean          cwa_trust_settings_get_use_system   (CwaTrustSettings *self);
/* How many roots the system's store gave, and why it gave none (NULL
 * when it was read or is switched off). */
guint             cwa_trust_settings_get_n_system_roots (CwaTrustSettings *self);
const gchar      *cwa_trust_settings_get_system_problem (CwaTrustSettings *self);
/* FALSE without the schema: then the setters below do nothing. */
gboolean          cwa_trust_settings_is_writable      (CwaTrustSettings *self);

void              cwa_trust_settings_set_use_system   (CwaTrustSettings *self,
                                                       gboolean          use_system);
/* Appends @file to the bundles unless it is there already; FALSE if it
 * was. */
gboolean          cwa_trust_settings_add_bundle       (CwaTrustSettings *self,
                                                       GFile            *file);
/* Removes the bundle stored as @location (a CwaTrustBundle's). */
void              cwa_trust_settings_remove_bundle    (CwaTrustSettings *self,
                                                       const gchar      *location);

G_END_DECLS

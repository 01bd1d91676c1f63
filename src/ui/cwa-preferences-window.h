/* cwa-preferences-window.h: the Preferences window: expiry warning window, for this plan and new ones; public roots. */
#pragma once

#include <adwaita.h>

#include "cwa-plan.h"
#include "cwa-trust-settings.h"

G_BEGIN_DECLS

#define CWA_TYPE_PREFERENCES_WINDOW (cwa_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (CwaPreferencesWindow, cwa_preferences_window, CWA, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* @plan (may be NULL): the plan of the window it was opened from.
 * @trust_settings (may be NULL: read the settings anew): that window's
 * public roots, whose bundles the Public Roots page lists. */
GtkWidget *cwa_preferences_window_new (CwaPlan          *plan,
                                       CwaTrustSettings *trust_settings);

G_END_DECLS

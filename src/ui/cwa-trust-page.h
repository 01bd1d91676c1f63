/* cwa-trust-page.h: the Preferences page of the public roots: the system's store on or off, and root bundle files. */
#pragma once

#include <adwaita.h>

#include "cwa-trust-settings.h"

G_BEGIN_DECLS

#define CWA_TYPE_TRUST_PAGE (cwa_trust_page_get_type ())

G_DECLARE_FINAL_TYPE (CwaTrustPage, cwa_trust_page, CWA, TRUST_PAGE, AdwPreferencesPage)

/* Shows and edits @settings (referenced): a switch for the system's store
 * with how many roots it gave, and one row per bundle file with its path
 * and how many CA certificates it holds, or why it cannot be read. */
GtkWidget *cwa_trust_page_new (CwaTrustSettings *settings);

/* The text under a bundle's path: "3 CA certificates", or its problem.
 * Free with g_free(). */
gchar     *cwa_trust_page_dup_bundle_summary (const CwaTrustBundle *bundle);

G_END_DECLS

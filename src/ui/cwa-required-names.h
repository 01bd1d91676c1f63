/* cwa-required-names.h: the checklist panel's Required Names: a group per role entry, each name copyable, and certificate requests. */
#pragma once

#include <gtk/gtk.h>

#include "cwa-checklist.h"

G_BEGIN_DECLS

#define CWA_TYPE_REQUIRED_NAMES (cwa_required_names_get_type ())

G_DECLARE_FINAL_TYPE (CwaRequiredNames, cwa_required_names, CWA, REQUIRED_NAMES, GtkWidget)

/* Properties: "checklist", "empty" (read-only).
 *
 * The section's children are its groups (AdwPreferencesGroup), one per
 * role entry of the checklist's requirements, in model order; each offers
 * a copy of its names and a certificate request (INF, OpenSSL
 * configuration, or a new key and CSR) through the group's own
 * "requirement.request" action. */
GtkWidget    *cwa_required_names_new           (void);

/* The checklist whose requirements the section shows (may be NULL).  The
 * groups follow the requirements model's items-changed: an entry the run
 * kept keeps its group; many groups are made in slices of a few
 * milliseconds on the main loop, after the findings' rows. */
CwaChecklist *cwa_required_names_get_checklist (CwaRequiredNames *self);
void          cwa_required_names_set_checklist (CwaRequiredNames *self,
                                                CwaChecklist     *checklist);

/* Whether there is no role entry at all (then nothing is to be copied). */
gboolean      cwa_required_names_get_empty     (CwaRequiredNames *self);

/* The text "Copy All" puts on the clipboard: per role entry its title and
 * what it is for, the subject and each SAN.  "" without a checklist.
 * Returns a new string. */
gchar        *cwa_required_names_dup_text      (CwaRequiredNames *self);

G_END_DECLS

/* cwa-findings-list.h: the checklist panel's findings: a row per finding, grouped by subject, following the findings model. */
#pragma once

#include <gtk/gtk.h>

#include "cwa-checklist.h"

G_BEGIN_DECLS

#define CWA_TYPE_FINDINGS_LIST (cwa_findings_list_get_type ())

G_DECLARE_FINAL_TYPE (CwaFindingsList, cwa_findings_list, CWA, FINDINGS_LIST, GtkWidget)

/* Properties: "checklist", "show-passed".  Signal "finding-activated"
 * (CwaFinding *finding): the user expanded a finding's row or asked to see
 * what it is about.
 *
 * The list's children are the groups of rows (AdwPreferencesGroup, one per
 * subject, in the order the findings model first names their subjects) and
 * a placeholder shown while no finding is listed. */
GtkWidget    *cwa_findings_list_new             (void);

/* The checklist whose findings the list shows (may be NULL).  The list
 * follows the findings model's items-changed: a row is made only for a
 * finding that is new, and many rows are made in slices of a few
 * milliseconds on the main loop, so the window keeps drawing.  Setting
 * another checklist closes every row. */
CwaChecklist *cwa_findings_list_get_checklist   (CwaFindingsList *self);
void          cwa_findings_list_set_checklist   (CwaFindingsList *self,
                                                 CwaChecklist    *checklist);

/* Whether the passed findings are listed too, not only the failed ones.
 * Changing it adds or removes the passed findings' rows only. */
gboolean      cwa_findings_list_get_show_passed (CwaFindingsList *self);
void          cwa_findings_list_set_show_passed (CwaFindingsList *self,
                                                 gboolean         show_passed);


/* The findings whose rows are made now, in display order (group by group).
 * Returns a new array of new references (element type CwaFinding). */
GPtrArray    *cwa_findings_list_dup_shown_findings (CwaFindingsList *self);

G_END_DECLS

/* cwa-checklist-panel.h: the right pane: verdict, findings grouped by subject, and the required names. */
#pragma once

#include <gtk/gtk.h>

#include "cwa-checklist.h"
#include "cwa-live-check.h"

G_BEGIN_DECLS

#define CWA_TYPE_CHECKLIST_PANEL (cwa_checklist_panel_get_type ())

G_DECLARE_FINAL_TYPE (CwaChecklistPanel, cwa_checklist_panel, CWA, CHECKLIST_PANEL, GtkWidget)

/* Properties: "checklist", "show-passed".  Signal "finding-activated"
 * (CwaFinding *finding): the user asked to see what a finding is about. */
GtkWidget    *cwa_checklist_panel_new             (void);
CwaChecklist *cwa_checklist_panel_get_checklist   (CwaChecklistPanel *self);
void          cwa_checklist_panel_set_checklist   (CwaChecklistPanel *self,
                                                   CwaChecklist      *checklist);
gboolean      cwa_checklist_panel_get_show_passed (CwaChecklistPanel *self);
void          cwa_checklist_panel_set_show_passed (CwaChecklistPanel *self,
                                                   gboolean           show_passed);
/* The live check whose results the Live group shows (cwa-live-group.h);
 * NULL for none. */
void          cwa_checklist_panel_set_live_check  (CwaChecklistPanel *self,
                                                   CwaLiveCheck      *live_check);
/* The text of the verdict ("Ready", "2 errors, 1 warning"). */
const gchar  *cwa_checklist_panel_get_verdict     (CwaChecklistPanel *self);
/* The findings shown now, in display order (element type CwaFinding). */
GPtrArray    *cwa_checklist_panel_dup_shown_findings (CwaChecklistPanel *self);
/* The text "Copy All" puts on the clipboard. */
gchar        *cwa_checklist_panel_dup_required_names_text (CwaChecklistPanel *self);

G_END_DECLS

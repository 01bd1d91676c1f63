/* cwa-live-group.h: the checklist's Live group: one row per endpoint of the last live check, with its findings and served chain. */
#pragma once

#include <gtk/gtk.h>

#include "cwa-live-check.h"

G_BEGIN_DECLS

#define CWA_TYPE_LIVE_GROUP (cwa_live_group_get_type ())

G_DECLARE_FINAL_TYPE (CwaLiveGroup, cwa_live_group, CWA, LIVE_GROUP, GtkWidget)

/* Properties "live-check", "show-passed" (also list the live findings
 * that passed; the checklist's switch).  Hidden until the live check has results; greyed
 * and marked "checked before your last change" while they are stale.  A
 * served leaf the plan lacks gets "Add Served Certificate", which adds it
 * to the plan through the plan's history (cwa_plan_edits_add_certificate());
 * nothing served is trusted. */
GtkWidget    *cwa_live_group_new            (void);
CwaLiveCheck *cwa_live_group_get_live_check (CwaLiveGroup *self);
void          cwa_live_group_set_live_check (CwaLiveGroup *self,
                                             CwaLiveCheck *live_check);
gboolean      cwa_live_group_get_show_passed (CwaLiveGroup *self);
void          cwa_live_group_set_show_passed (CwaLiveGroup *self,
                                              gboolean      show_passed);
G_END_DECLS

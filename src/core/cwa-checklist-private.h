/* cwa-checklist-private.h: what the checklist's tests may reach beyond its public API. */
#pragma once

#include "cwa-checklist.h"

G_BEGIN_DECLS

/* Called on the main thread after every step of a run; @computed is TRUE
 * after the last step, just before the result would be published.  A
 * hook that changes the plan there makes the run stale. */
typedef void (*CwaChecklistRunHook) (CwaChecklist *checklist,
                                     gboolean      computed,
                                     gpointer      user_data);

/* For tests: one hook at a time; NULL removes it. */
void _cwa_checklist_set_run_hook (CwaChecklist        *self,
                                  CwaChecklistRunHook  hook,
                                  gpointer             user_data);

G_END_DECLS

/* cwa-plan-notice-bar.h: a bar above the panes naming the unknown keys of the plan just opened. */
#pragma once

#include <gtk/gtk.h>

#include "cwa-plan.h"

G_BEGIN_DECLS

#define CWA_TYPE_PLAN_NOTICE_BAR (cwa_plan_notice_bar_get_type ())

G_DECLARE_FINAL_TYPE (CwaPlanNoticeBar, cwa_plan_notice_bar, CWA, PLAN_NOTICE_BAR, GtkWidget)

/* Property "plan" (CwaPlan, may be NULL).  Each new plan read from a file
 * is checked once for unknown keys (cwa-plan-notices.h); when it has any,
 * the bar shows the notices until it is closed or another plan comes. */
GtkWidget   *cwa_plan_notice_bar_new         (void);
CwaPlan     *cwa_plan_notice_bar_get_plan    (CwaPlanNoticeBar *self);
void         cwa_plan_notice_bar_set_plan    (CwaPlanNoticeBar *self,
                                              CwaPlan          *plan);
/* The notices on show, one per line, or NULL when the bar is hidden. */
const gchar *cwa_plan_notice_bar_get_text    (CwaPlanNoticeBar *self);

G_END_DECLS

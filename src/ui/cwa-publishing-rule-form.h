/* cwa-publishing-rule-form.h: the deployment editor's form for one publishing rule. */
#pragma once

#include <gtk/gtk.h>

#include "cwa-plan.h"

G_BEGIN_DECLS

#define CWA_TYPE_PUBLISHING_RULE_FORM (cwa_publishing_rule_form_get_type ())

G_DECLARE_FINAL_TYPE (CwaPublishingRuleForm, cwa_publishing_rule_form, CWA, PUBLISHING_RULE_FORM, GtkWidget)

GtkWidget *cwa_publishing_rule_form_new     (void);
/* Edits @subject (a CwaPublishingRule of @plan; NULL for none).  Choices and lists
 * follow @plan's computers and certificates; membership, offload, trust
 * and certificates change through the plan's undoable edits. */
void       cwa_publishing_rule_form_set_subject (CwaPublishingRuleForm *self,
                                      CwaPlan *plan,
                                      gpointer subject);

G_END_DECLS

/* cwa-load-balancer-form.h: the deployment editor's form for one load balancer. */
#pragma once

#include <gtk/gtk.h>

#include "cwa-plan.h"

G_BEGIN_DECLS

#define CWA_TYPE_LOAD_BALANCER_FORM (cwa_load_balancer_form_get_type ())

G_DECLARE_FINAL_TYPE (CwaLoadBalancerForm, cwa_load_balancer_form, CWA, LOAD_BALANCER_FORM, GtkWidget)

GtkWidget *cwa_load_balancer_form_new     (void);
/* Edits @subject (a CwaLoadBalancer of @plan; NULL for none).  Choices and lists
 * follow @plan's computers and certificates; membership, offload, trust
 * and certificates change through the plan's undoable edits. */
void       cwa_load_balancer_form_set_subject (CwaLoadBalancerForm *self,
                                      CwaPlan *plan,
                                      gpointer subject);

G_END_DECLS

/* cwa-reverse-proxy-form.h: the deployment editor's form for one reverse proxy. */
#pragma once

#include <gtk/gtk.h>

#include "cwa-plan.h"

G_BEGIN_DECLS

#define CWA_TYPE_REVERSE_PROXY_FORM (cwa_reverse_proxy_form_get_type ())

G_DECLARE_FINAL_TYPE (CwaReverseProxyForm, cwa_reverse_proxy_form, CWA, REVERSE_PROXY_FORM, GtkWidget)

GtkWidget *cwa_reverse_proxy_form_new     (void);
/* Edits @subject (a CwaReverseProxy of @plan; NULL for none).  Choices and lists
 * follow @plan's computers and certificates; membership, offload, trust
 * and certificates change through the plan's undoable edits. */
void       cwa_reverse_proxy_form_set_subject (CwaReverseProxyForm *self,
                                      CwaPlan *plan,
                                      gpointer subject);

G_END_DECLS

/* cwa-certificate-inspector.h: the centre pane: every loaded certificate as a tree of its fields. */
#pragma once

#include <gtk/gtk.h>

#include "cwa-checklist.h"
#include "cwa-plan.h"

G_BEGIN_DECLS

#define CWA_TYPE_CERTIFICATE_INSPECTOR (cwa_certificate_inspector_get_type ())

G_DECLARE_FINAL_TYPE (CwaCertificateInspector, cwa_certificate_inspector, CWA, CERTIFICATE_INSPECTOR, GtkWidget)

/* Properties: "plan", "checklist".  Actions (on the selected certificate):
 * inspector.assign ("mtls:S" or "ssl:S:V", indices of computer S and its
 * virtual server V), inspector.copy-pem, inspector.copy-sha256,
 * inspector.remove. */
GtkWidget      *cwa_certificate_inspector_new           (void);
CwaPlan        *cwa_certificate_inspector_get_plan      (CwaCertificateInspector *self);
void            cwa_certificate_inspector_set_plan      (CwaCertificateInspector *self,
                                                         CwaPlan                 *plan);
CwaChecklist   *cwa_certificate_inspector_get_checklist (CwaCertificateInspector *self);
void            cwa_certificate_inspector_set_checklist (CwaCertificateInspector *self,
                                                         CwaChecklist            *checklist);
/* The certificate of the selected row (a certificate or one of its fields). */
CwaCertificate *cwa_certificate_inspector_get_selected  (CwaCertificateInspector *self);
/* Selects @certificate's row, expanded, and the field @field_id ("san",
 * "validity"...) when given. */
void            cwa_certificate_inspector_select        (CwaCertificateInspector *self,
                                                         CwaCertificate          *certificate,
                                                         const gchar             *field_id);
void            cwa_certificate_inspector_focus_search  (CwaCertificateInspector *self);
/* The rows shown now (top rows and expanded fields), for tests and a11y. */
GListModel     *cwa_certificate_inspector_get_rows      (CwaCertificateInspector *self);

G_END_DECLS

/* cwa-cert-field.h: one labelled fact of a certificate, a row of the inspector tree (gcr's section idea). */
#pragma once

#include <gio/gio.h>

#include "cwa-certificate.h"
#include "cwa-checklist.h"

G_BEGIN_DECLS

#define CWA_TYPE_CERT_FIELD (cwa_cert_field_get_type ())

G_DECLARE_FINAL_TYPE (CwaCertField, cwa_cert_field, CWA, CERT_FIELD, GObject)

/* Immutable.  @id names the field ("subject", "san", "validity"...) so a
 * finding can point at it; @children may be NULL (a leaf). */
CwaCertField   *cwa_cert_field_new             (CwaCertificate *certificate,
                                                const gchar    *id,
                                                const gchar    *label,
                                                const gchar    *value,
                                                GListModel     *children);
CwaCertificate *cwa_cert_field_get_certificate (CwaCertField   *self);
const gchar    *cwa_cert_field_get_id          (CwaCertField   *self);
const gchar    *cwa_cert_field_get_label       (CwaCertField   *self);
const gchar    *cwa_cert_field_get_value       (CwaCertField   *self);
/* Borrowed, or NULL for a leaf. */
GListModel     *cwa_cert_field_get_children    (CwaCertField   *self);

/* Every field ui.md lists for @certificate, in display order.  @checklist
 * (may be NULL) gives the chain and the time for "days left". */
GListModel     *cwa_cert_fields_for_certificate (CwaCertificate *certificate,
                                                 CwaChecklist   *checklist);
/* The field a rule is about ("san" for ssl.san-has-url...), or NULL. */
const gchar    *cwa_cert_field_id_for_rule      (const gchar    *rule_id);

G_END_DECLS

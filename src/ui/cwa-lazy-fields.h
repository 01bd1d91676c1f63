/* cwa-lazy-fields.h: a certificate's inspector fields, built the first time they are asked for. */
#pragma once

#include "cwa-checklist.h"

G_BEGIN_DECLS

#define CWA_TYPE_LAZY_FIELDS (cwa_lazy_fields_get_type ())

G_DECLARE_FINAL_TYPE (CwaLazyFields, cwa_lazy_fields, CWA, LAZY_FIELDS, GObject)

/* A GListModel of CwaCertField holding what cwa_cert_fields_for_certificate()
 * gives for @certificate and @checklist (may be NULL), built on the first
 * call to get_n_items() or get_item().  GtkTreeListModel asks its children
 * function for a model merely to learn whether a row can be expanded, on
 * every bind, and drops it: this makes that question cheap.  Returns a new
 * reference. */
GListModel *cwa_lazy_fields_new (CwaCertificate *certificate,
                                 CwaChecklist   *checklist);

G_END_DECLS

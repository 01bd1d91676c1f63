/* cwa-dns-records-section.h: the checklist panel's "DNS Records" section: the records a plan needs, each copyable, and "Copy All". */
#pragma once

#include <gtk/gtk.h>

#include "cwa-checklist.h"

G_BEGIN_DECLS

#define CWA_TYPE_DNS_RECORDS_SECTION (cwa_dns_records_section_get_type ())
G_DECLARE_FINAL_TYPE (CwaDnsRecordsSection, cwa_dns_records_section, CWA, DNS_RECORDS_SECTION, GtkWidget)

GtkWidget    *cwa_dns_records_section_new           (void);

/* The checklist whose plan the records come from (may be NULL); the section
 * recomputes them (cwa_dns_records_compute()) each time it is "updated",
 * that is after every change of the plan. */
CwaChecklist *cwa_dns_records_section_get_checklist (CwaDnsRecordsSection *self);
void          cwa_dns_records_section_set_checklist (CwaDnsRecordsSection *self,
                                                     CwaChecklist         *checklist);

/* The records shown now, in plan order.  Element type CwaDnsRecord;
 * borrowed, replaced on the next update. */
GPtrArray    *cwa_dns_records_section_get_records   (CwaDnsRecordsSection *self);

/* What "Copy All" puts on the clipboard: a zone-file-like text, the
 * internal view's records first, then the external view's, each block
 * under a comment naming its view and each subject's records under a
 * comment naming the subject; one cwa_dns_record_dup_zone_line() per
 * record.  Empty when there is no record.  Owned. */
gchar        *cwa_dns_records_section_dup_text      (CwaDnsRecordsSection *self);

G_END_DECLS

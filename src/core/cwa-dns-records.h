/* cwa-dns-records.h: the DNS records a deployment needs (rules.md, "DNS records"), computed from the deployment alone. */
#pragma once

#include <gio/gio.h>

#include "cwa-deployment.h"

G_BEGIN_DECLS

/* One record.  @type is "A", "AAAA" or "CNAME"; @value an address, a host
 * name, or words when the address is not in the plan ("the load balancer's
 * virtual IP", "the reverse proxy's listener address"); @view "internal" or
 * "external"; @for_text says for people which subject needs it, in
 * English (reports, the command line), @for_label the same in the user's
 * language (the window; see CWA_LABEL_TRANSLATED). */
typedef struct
{
  gchar *name;
  gchar *type;
  gchar *value;
  gchar *view;
  gchar *for_text;
  gchar *for_label;
} CwaDnsRecord;

void        cwa_dns_record_free      (CwaDnsRecord  *record);
/* TRUE when @record's value is words standing for an address the plan
 * does not give (a load balancer without a virtual IP, a listener without
 * an address), FALSE when it is an address or a host name. */
gboolean    cwa_dns_record_value_is_placeholder (const CwaDnsRecord *record);
/* @record's value for the window: the words of a placeholder in the
 * user's language (the "cwa-cert-planner" catalogue), else the value
 * itself.  Owned by @record. */
const gchar *cwa_dns_record_get_value_label (const CwaDnsRecord *record);
/* @record as one line of a zone file (RFC 1035, section 5.1), without a
 * newline: "NAME. IN TYPE VALUE", names in their ASCII (A-label) form and
 * absolute, NAME padded with spaces to @name_width columns (0: not padded)
 * so that several lines align.  A placeholder value makes the line a
 * comment for a person to complete: "; NAME. IN A (the load balancer's
 * virtual IP)".  Returns an owned string. */
gchar      *cwa_dns_record_dup_zone_line (const CwaDnsRecord *record,
                                          guint               name_width);
/* The widest name of @records (element type CwaDnsRecord) as
 * cwa_dns_record_dup_zone_line() writes it: the width that aligns them. */
guint       cwa_dns_records_get_zone_name_width (GPtrArray *records);

/* The records, grouped by the subject they serve in the order of the
 * required-names entries: per server in plan order, per virtual server a
 * virtual server's (or, at its first member, an array's) host record and
 * asURL and downloadURL CNAMEs; then per reverse proxy and publishing rule
 * its external records and its internal one.  A record identical to one
 * already listed is left out.  Element type CwaDnsRecord (owned). */
GPtrArray  *cwa_dns_records_compute  (CwaDeployment *deployment);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwaDnsRecord, cwa_dns_record_free)

G_END_DECLS

/* cwa-report-private.h: the writers behind CwaReportFormat and the helpers they share. */
#pragma once

#include "cwa-cert-facts.h"
#include "cwa-dns-records.h"
#include "cwa-json-writer.h"

#include "cwa-probe-result.h"
#include "cwa-report.h"

G_BEGIN_DECLS

/* One writer per format; each lives in its own cwa-report-<format>.c. */
gboolean     _cwa_report_write_text      (const CwaReport  *report,
                                          GOutputStream    *out,
                                          GCancellable     *cancellable,
                                          GError          **error);
gboolean     _cwa_report_write_json      (const CwaReport  *report,
                                          GOutputStream    *out,
                                          GCancellable     *cancellable,
                                          GError          **error);
/* Markdown, HTML, CSV and PDF define their format entry in their own file. */
extern const CwaReportFormat _cwa_report_format_markdown;
extern const CwaReportFormat _cwa_report_format_html;
extern const CwaReportFormat _cwa_report_format_csv;
extern const CwaReportFormat _cwa_report_format_pdf;

/* "YYYY-MM-DDTHH:MM:SSZ" in UTC, from Unix seconds or a GDateTime. */
gchar       *_cwa_report_format_unix     (gint64           unix_utc);
gchar       *_cwa_report_format_time     (GDateTime       *time);
/* The time the rules used (report->now, else report->generated). */
GDateTime   *_cwa_report_get_check_time  (const CwaReport *report);
/* Whole days from the check time to the certificate's notAfter; negative
 * once it expired. */
gint64       _cwa_report_days_left       (const CwaReport *report,
                                          CwaCertificate  *certificate);
/* How soon a certificate needs attention at the check time. */
typedef enum
{
  CWA_REPORT_URGENCY_NONE,
  CWA_REPORT_URGENCY_SOON,     /* expires inside the plan's warning window */
  CWA_REPORT_URGENCY_INVALID,  /* expired or not valid yet */
} CwaReportUrgency;
/* "N days left", "expired N days ago" or "not valid yet" at the check time
 * (owned); @urgency (may be NULL) says how soon it matters. */
gchar       *_cwa_report_dup_days_left   (const CwaReport  *report,
                                          CwaCertificate   *certificate,
                                          CwaReportUrgency *urgency);
/* @one when @n is 1, else @other: the English plural, whatever the
 * process's locale and text domain (ngettext() would translate for the
 * window's language, and reports stay English).  Both are printf formats
 * of the same arguments; the result is one of them, not a copy. */
const gchar *_cwa_report_plural          (guint64          n,
                                          const gchar     *one,
                                          const gchar     *other) G_GNUC_FORMAT (2) G_GNUC_FORMAT (3);

/* "Ready", or "N errors, M warnings" (singular for one). */
gchar       *_cwa_report_dup_summary     (const CwaReport *report);
/* The same for a checklist outside a report (the topology picture). */
gchar       *_cwa_report_dup_verdict     (CwaChecklist    *checklist);

/* How reports name subjects (rules.md): the computer by its FQDN and the
 * virtual server by its URL's host, lower case, no trailing dot, otherwise
 * as written; a virtual server that shares its host with another of its
 * computer with its port or audience as well (cwa_vs_label_dup()). */
gchar       *_cwa_report_dup_server_name (CwaServer        *server);
gchar       *_cwa_report_dup_virtual_server_name (CwaVirtualServer *virtual_server);
/* Any other host (a load balancer's or reverse proxy's FQDN) the same way. */
gchar       *_cwa_report_dup_host_name   (const gchar      *host);
/* Where @rule's listener certificate goes, as `names` and the text report
 * say it: "the listener publishing <host> on the reverse proxy <proxy>",
 * or "... on the reverse proxy of that name" when the proxy is named as
 * the host it publishes (cwa_reverse_proxy_publishes_own_name()),
 * the words of the DNS records.  Owned. */
gchar       *_cwa_report_dup_listener_place (CwaPublishingRule *rule);

/* What "source" says for a plan entry: the file as written in the plan, or
 * "embedded" for a "pem" entry. */
#define CWA_REPORT_SOURCE_EMBEDDED "embedded"
const gchar *_cwa_report_certificate_source (CwaPlan        *plan,
                                             CwaCertificate *certificate);

/* Findings about one subject, in report order. */
typedef struct
{
  CwaServer        *server;          /* NULL for the deployment */
  CwaVirtualServer *virtual_server;  /* NULL for the server itself */
  CwaLoadBalancer  *load_balancer;   /* for load-balancer findings, or NULL */
  CwaPublishingRule *publishing_rule; /* for reverse-proxy findings, or NULL */
  const gchar      *endpoint;        /* "HOST:PORT" of live.* findings, or NULL */
  GPtrArray        *findings;        /* CwaFinding, borrowed from the checklist */
  guint             n_failed;
} CwaReportGroup;

/* Groups the checklist's findings by server and virtual server (probe's
 * live.* findings by endpoint), groups in order of first appearance
 * (deployment, then each server before its virtual servers, then the load
 * balancers, the publishing rules, and the endpoints).  Element type CwaReportGroup. */
GPtrArray   *_cwa_report_group_findings  (const CwaReport *report);
/* The heading of a group, the same in every format: its subject
 * ("Computer cwaserver.contoso.com", "Virtual server im.contoso.com on
 * cwaserver.contoso.com", "Deployment") and its counts in words with proper
 * plurals ("1 check passed", "2 of 14 checks failed", "1 check failed"). */
gchar       *_cwa_report_dup_group_heading (const CwaReportGroup *group);

/* Appends the fields every certificate object has (subject ... is_ca), in
 * the order cli.md shows them: cwa_cert_facts_write_json(). */
void         _cwa_report_build_certificate_fields (CwaJsonWriter  *writer,
                                                   CwaCertificate *certificate);

/* The load balancer, reverse proxy and published host that @finding names
 * in a report: its own, or for a live.* finding those of its endpoint
 * (cli.md, "probe").  Each is borrowed from the plan or the finding and
 * may be NULL; a published host comes only with its reverse proxy. */
void _cwa_report_get_front_end (const CwaReport    *report,
                                CwaFinding         *finding,
                                CwaLoadBalancer   **load_balancer,
                                CwaReverseProxy   **reverse_proxy,
                                const gchar       **published_host);
/* The id of the plan certificate with @served's SHA-256, or NULL: how a
 * report names a served certificate the plan holds. */
const gchar *_cwa_report_served_certificate_id (CwaPlan        *plan,
                                                CwaCertificate *served);

/* One object of "required_names": role, server, virtual_server (for SSL
 * and shared roles), subject, san.  Used by the report and by `names`. */
void         _cwa_report_build_requirement (CwaJsonWriter  *writer,
                                            CwaRequirement *requirement);

/* The member "dns_records": one object per CwaDnsRecord of @records
 * (name, type, value, view, for).  Used by the report and by `names`. */
void         _cwa_report_build_dns_records (CwaJsonWriter *writer,
                                            GPtrArray     *records);

/* Writes the document @writer holds (consumed) to @out. */
gboolean     _cwa_report_write_json_root (CwaJsonWriter    *writer,
                                          GOutputStream    *out,
                                          GCancellable     *cancellable,
                                          GError          **error);

G_END_DECLS

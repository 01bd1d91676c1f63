/* cwa-report-document.h: the report's content as headings and tables of text, laid out by the Markdown, HTML and PDF writers. */
#pragma once

#include "cwa-report-private.h"

G_BEGIN_DECLS

/* How a cell reads at a glance: the writers turn it into colour. */
typedef enum
{
  CWA_REPORT_TONE_PLAIN,
  CWA_REPORT_TONE_GOOD,     /* passed, covered */
  CWA_REPORT_TONE_BAD,      /* a failed error, a missing name */
  CWA_REPORT_TONE_WARN,     /* a failed warning, a name only a wildcard covers */
  CWA_REPORT_TONE_INFO,     /* a failed info finding */
} CwaReportTone;

typedef struct
{
  /* One or more lines of valid UTF-8 without control characters; a list
   * (SAN names) is one item per line. */
  GStrv         lines;
  CwaReportTone tone;
  /* Host names, fingerprints, rule ids: a fixed-width face where one helps. */
  gboolean      code;
  /* With @code: lines from this one on (0: none) are plain text added to
   * the cell (see _cwa_report_table_dup_folded()). */
  guint         plain_from;
} CwaReportCell;

typedef struct
{
  gchar      *title;       /* a sub-heading above the table, or NULL */
  guint       n_columns;
  GStrv       headers;     /* n_columns */
  GPtrArray  *rows;        /* each a GPtrArray of n_columns CwaReportCell */
  /* Few rows of many wide fields (certificates): a page-bound layout may
   * show each row as a block of "header: value" lines instead. */
  gboolean    by_record;
  /* Bit c set: column c is a detail of the nearest column before it that
   * is not folded (Level of Status, Expected of Message), and a narrow page
   * may show it as more lines of that cell.  Bit c in @fold_labelled: such
   * a line reads "Header: value" (else the headers join as "A / B"). */
  guint32     fold;
  guint32     fold_labelled;
  /* Bit c: a folded line whose header need not be named at all (Level). */
  guint32     fold_silent;
} CwaReportTable;

typedef struct
{
  gchar      *label;
  gchar      *value;
} CwaReportFact;

typedef struct
{
  gchar      *id;          /* "findings": an anchor name */
  gchar      *heading;
  gchar      *note;        /* a sentence under the heading, or NULL */
  GPtrArray  *tables;      /* CwaReportTable */
} CwaReportSection;

typedef struct
{
  gchar      *title;       /* "Certificate check: Contoso CWA" */
  gchar      *plan_name;
  gchar      *verdict;     /* "Ready" or "N errors, M warnings" */
  gboolean    ready;
  GPtrArray  *facts;       /* CwaReportFact: plan, file, times, verdict */
  GPtrArray  *sections;    /* CwaReportSection */
} CwaReportDocument;

CwaReportDocument *_cwa_report_document_new  (const CwaReport   *report);
void               _cwa_report_document_free (CwaReportDocument *document);

/* A copy of @table with the columns marked in @fold folded into the
 * cells before them. */
CwaReportTable    *_cwa_report_table_dup_folded (const CwaReportTable *table);
void               _cwa_report_table_free    (CwaReportTable    *table);

/* Valid UTF-8, C0/C1 controls other than "\n" replaced by spaces. */
gchar             *_cwa_report_clean_text    (const gchar       *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwaReportDocument, _cwa_report_document_free)

G_END_DECLS

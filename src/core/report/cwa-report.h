/* cwa-report.h: one interface for every report format, and the snapshot each writer reads. */
#pragma once

#include <gio/gio.h>

#include "cwa-checklist.h"

G_BEGIN_DECLS

/* Everything a writer needs, taken after the checklist ran.  Writers only
 * read it: they never parse a certificate or evaluate a rule. */
typedef struct
{
  CwaPlan      *plan;
  CwaChecklist *checklist;
  /* The plan file as the user named it ("contoso.cwaplan"), or NULL. */
  gchar        *plan_file;
  /* When the report was made (wall clock) and the time the rules used. */
  GDateTime    *generated;
  GDateTime    *now;
  /* ANSI colour in the text format. */
  gboolean      color;
  /* What `probe` found at each endpoint (element type CwaProbeResult, in
   * plan order), or NULL for a report of `check`. */
  GPtrArray    *endpoints;
} CwaReport;

typedef gboolean (*CwaReportWriteFunc) (const CwaReport *report,
                                        GOutputStream   *out,
                                        GCancellable    *cancellable,
                                        GError         **error);

typedef struct
{
  const gchar        *name;        /* "json": the --format value */
  const gchar        *extension;   /* "json" */
  const gchar        *mime_type;   /* "application/json" */
  const gchar        *label;       /* "JSON": untranslated; views translate */
  gboolean            binary;      /* not for a terminal: --output required */
  CwaReportWriteFunc  write;
} CwaReportFormat;

/* Takes references; @plan_file may be NULL. */
CwaReport             *cwa_report_new              (CwaPlan       *plan,
                                                    CwaChecklist  *checklist,
                                                    const gchar   *plan_file,
                                                    GDateTime     *generated);
void                   cwa_report_free             (CwaReport     *report);

/* Every format, in the order the help text and the Export menu list them. */
const CwaReportFormat * const *cwa_report_formats  (guint         *n_formats);
const CwaReportFormat *cwa_report_format_lookup    (const gchar   *name);

/* Writes into memory first, then replaces @file atomically: on any error the
 * file is left as it was. */
gboolean               cwa_report_write_file       (const CwaReport       *report,
                                                    const CwaReportFormat *format,
                                                    GFile                 *file,
                                                    GError               **error);
GBytes                *cwa_report_write_bytes      (const CwaReport       *report,
                                                    const CwaReportFormat *format,
                                                    GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwaReport, cwa_report_free)

G_END_DECLS

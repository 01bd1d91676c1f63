/* cwa-coverage.h: the coverage matrix, every required name against every assigned certificate. */
#pragma once

#include <gio/gio.h>

#include "cwa-requirement.h"

G_BEGIN_DECLS

typedef enum
{
  CWA_COVERAGE_COVERED,
  CWA_COVERAGE_MISSING,
  CWA_COVERAGE_WILDCARD_ONLY,
} CwaCoverageStatus;

/* One cell of the coverage matrix: one required name against one assigned
 * certificate.  Everything in it is borrowed from the matrix, which the
 * checklist keeps until a run it publishes changes the rows or columns. */
typedef struct
{
  gchar             *name;
  CwaRequirement    *requirement;   /* the row's role entry */
  CwaCertificate    *certificate;   /* the column */
  CwaCoverageStatus  status;
} CwaCoverageCell;

/* "covered", "missing", "wildcard only". */
const gchar     *cwa_coverage_status_to_string   (CwaCoverageStatus status);

typedef struct _CwaCoverage CwaCoverage;

/* The matrix of @requirements (element type CwaRequirement, in order; rows
 * are each one's cwa_requirement_dup_all_names()) against @certificates
 * (element type CwaCertificate, the columns).  Both are referenced, not
 * copied.  Free with cwa_coverage_free(). */
CwaCoverage *cwa_coverage_compute   (GPtrArray   *requirements,
                                     GPtrArray   *certificates);
void         cwa_coverage_free      (CwaCoverage *coverage);
/* Whether @coverage's columns are @certificates (element type
 * CwaCertificate): the same objects in the same order. */
gboolean     cwa_coverage_has_columns (CwaCoverage *coverage,
                                       GPtrArray   *certificates);
/* Element type CwaCoverageCell, row by row; the cells and what they point
 * to belong to @coverage.  Borrowed. */
GPtrArray   *cwa_coverage_get_cells (CwaCoverage *coverage);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwaCoverage, cwa_coverage_free)

G_END_DECLS

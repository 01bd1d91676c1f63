/* cwa-coverage-grid.h: the checklist panel's coverage matrix: required names down, assigned certificates across. */
#pragma once

#include <gtk/gtk.h>

#include "cwa-checklist.h"

G_BEGIN_DECLS

#define CWA_TYPE_COVERAGE_GRID (cwa_coverage_grid_get_type ())

G_DECLARE_FINAL_TYPE (CwaCoverageGrid, cwa_coverage_grid, CWA, COVERAGE_GRID, GtkGrid)

/* Properties: "checklist", "empty" (read-only).
 *
 * Row 0 holds a header per assigned certificate (columns 1…); each further
 * row a required name (column 0) and a status image per certificate, with
 * the style class "success", "warning" or "error" and the tooltip and
 * accessible label "Covered", "Wildcard only" or "Missing" (cwa-coverage.h). */
GtkWidget    *cwa_coverage_grid_new           (void);

/* The checklist whose coverage the grid shows (may be NULL).  The grid
 * follows each "updated": while its rows and columns stay the same, only
 * the cells whose status changed change. */
CwaChecklist *cwa_coverage_grid_get_checklist (CwaCoverageGrid *self);
void          cwa_coverage_grid_set_checklist (CwaCoverageGrid *self,
                                               CwaChecklist    *checklist);

/* Whether the grid shows no cell (no checklist, or no certificate assigned
 * to a role with required names). */
gboolean      cwa_coverage_grid_get_empty     (CwaCoverageGrid *self);

G_END_DECLS

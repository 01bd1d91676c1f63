/* cwa-coverage.c: the coverage matrix, every required name against every assigned certificate. */
#include "config.h"

#include "cwa-coverage.h"
#include "cwa-names.h"

/* A plan of 60 virtual servers has some 20,000 cells, rebuilt at every
 * run: the cells are one block, and their strings and objects are held
 * once by the matrix, not once per cell. */
struct _CwaCoverage
{
  GPtrArray       *requirements;
  GPtrArray       *certificates;
  GPtrArray       *row_names;    /* GStrv per requirement */
  CwaCoverageCell *block;
  GPtrArray       *cells;        /* pointers into @block */
};

const gchar *
cwa_coverage_status_to_string (CwaCoverageStatus status)
{
  switch (status)
    {
    case CWA_COVERAGE_COVERED:
      return "covered";
    case CWA_COVERAGE_MISSING:
      return "missing";
    case CWA_COVERAGE_WILDCARD_ONLY:
      return "wildcard only";
    default:
      g_return_val_if_reached ("missing");
    }
}

/* Normalised name -> GArray of the guint indices of the certificates that
 * list it exactly; wildcard names stay out (they match no required name
 * exactly). */
static GHashTable *
index_exact_names (GPtrArray *certificates,
                   GArray    *wildcard_columns)
{
  GHashTable *index = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                             (GDestroyNotify) g_array_unref);

  for (guint k = 0; k < certificates->len; k++)
    {
      const gchar * const *names = cwa_certificate_get_normalized_names (g_ptr_array_index (certificates, k));
      gboolean wildcard = FALSE;

      for (guint i = 0; names[i] != NULL; i++)
        {
          GArray *columns;

          if (names[i][0] == '*')
            {
              wildcard = TRUE;
              continue;
            }
          columns = g_hash_table_lookup (index, names[i]);
          if (columns == NULL)
            {
              columns = g_array_new (FALSE, FALSE, sizeof (guint));
              g_hash_table_insert (index, (gpointer) names[i], columns);
            }
          if (columns->len == 0 || g_array_index (columns, guint, columns->len - 1) != k)
            g_array_append_val (columns, k);
        }
      if (wildcard)
        g_array_append_val (wildcard_columns, k);
    }

  return index;
}

/* The status of @name against each certificate, into @status (one per
 * column): what cwa_names_match_normalized() says, by look-up. */
static void
match_row (GPtrArray         *certificates,
           GHashTable        *exact,
           GArray            *wildcard_columns,
           const gchar       *name,
           CwaCoverageStatus *status)
{
  g_autofree gchar *normal = cwa_name_normalize (name, NULL);
  GArray *columns;

  for (guint k = 0; k < certificates->len; k++)
    status[k] = CWA_COVERAGE_MISSING;
  if (normal == NULL)
    return;

  columns = g_hash_table_lookup (exact, normal);
  for (guint i = 0; columns != NULL && i < columns->len; i++)
    status[g_array_index (columns, guint, i)] = CWA_COVERAGE_COVERED;

  for (guint i = 0; i < wildcard_columns->len; i++)
    {
      guint k = g_array_index (wildcard_columns, guint, i);
      CwaCertificate *certificate = g_ptr_array_index (certificates, k);

      if (status[k] == CWA_COVERAGE_MISSING &&
          cwa_names_match_normalized (cwa_certificate_get_normalized_names (certificate), normal)
          == CWA_NAME_MATCH_WILDCARD_ONLY)
        status[k] = CWA_COVERAGE_WILDCARD_ONLY;
    }
}

CwaCoverage *
cwa_coverage_compute (GPtrArray *requirements,
                      GPtrArray *certificates)
{
  g_autoptr(GArray) wildcard_columns = NULL;
  g_autoptr(GHashTable) exact = NULL;
  g_autofree CwaCoverageStatus *status = NULL;
  CwaCoverage *coverage;
  guint n_rows = 0;
  guint next = 0;

  g_return_val_if_fail (requirements != NULL, NULL);
  g_return_val_if_fail (certificates != NULL, NULL);

  coverage = g_new0 (CwaCoverage, 1);
  wildcard_columns = g_array_new (FALSE, FALSE, sizeof (guint));
  status = g_new (CwaCoverageStatus, certificates->len + 1);
  coverage->requirements = g_ptr_array_ref (requirements);
  coverage->certificates = g_ptr_array_ref (certificates);
  coverage->row_names = g_ptr_array_new_full (requirements->len, (GDestroyNotify) g_strfreev);
  for (guint i = 0; i < requirements->len; i++)
    {
      GStrv names = cwa_requirement_dup_all_names (g_ptr_array_index (requirements, i));

      n_rows += g_strv_length (names);
      g_ptr_array_add (coverage->row_names, names);
    }

  coverage->block = g_new (CwaCoverageCell, (gsize) n_rows * certificates->len + 1);
  coverage->cells = g_ptr_array_sized_new (n_rows * certificates->len);
  g_ptr_array_set_size (coverage->cells, n_rows * certificates->len);
  exact = index_exact_names (certificates, wildcard_columns);
  for (guint i = 0; i < requirements->len; i++)
    {
      gchar **names = g_ptr_array_index (coverage->row_names, i);

      for (guint j = 0; names[j] != NULL; j++)
        {
          match_row (certificates, exact, wildcard_columns, names[j], status);
          for (guint k = 0; k < certificates->len; k++)
            {
              CwaCoverageCell *cell = &coverage->block[next];

              cell->name = names[j];
              cell->requirement = g_ptr_array_index (requirements, i);
              cell->certificate = g_ptr_array_index (certificates, k);
              cell->status = status[k];
              coverage->cells->pdata[next++] = cell;
            }
        }
    }

  return coverage;
}

void
cwa_coverage_free (CwaCoverage *coverage)
{
  if (coverage == NULL)
    return;

  g_clear_pointer (&coverage->cells, g_ptr_array_unref);
  g_clear_pointer (&coverage->block, g_free);
  g_clear_pointer (&coverage->row_names, g_ptr_array_unref);
  g_clear_pointer (&coverage->requirements, g_ptr_array_unref);
  g_clear_pointer (&coverage->certificates, g_ptr_array_unref);
  g_free (coverage);
}

gboolean
cwa_coverage_has_columns (CwaCoverage *coverage,
                          GPtrArray   *certificates)
{
  g_return_val_if_fail (coverage != NULL, FALSE);
  g_return_val_if_fail (certificates != NULL, FALSE);

  if (coverage->certificates->len != certificates->len)
    return FALSE;
  for (guint k = 0; k < certificates->len; k++)
    {
      if (g_ptr_array_index (coverage->certificates, k) != g_ptr_array_index (certificates, k))
        return FALSE;
    }

  return TRUE;
}

GPtrArray *
cwa_coverage_get_cells (CwaCoverage *coverage)
{
  g_return_val_if_fail (coverage != NULL, NULL);

  return coverage->cells;
}

/* cwa-suggest.c: "did you mean": the nearest word of a list by edit distance.
 * GLib has no edit distance (g_str_match_string() matches prefixes of
 * words only, which misses "chek" for "check"), hence this one. */
#include "config.h"

#include "cwa-suggest.h"

guint
cwa_suggest_distance (const gchar *a,
                      const gchar *b)
{
  g_autofree gunichar *ua = NULL;
  g_autofree gunichar *ub = NULL;
  g_autofree guint *row = NULL;
  glong na = 0;
  glong nb = 0;

  g_return_val_if_fail (a != NULL && b != NULL, G_MAXUINT);

  ua = g_utf8_to_ucs4_fast (a, -1, &na);
  ub = g_utf8_to_ucs4_fast (b, -1, &nb);
  row = g_new (guint, nb + 1);

  for (glong j = 0; j <= nb; j++)
    row[j] = j;

  /* One row of the classic table at a time: row[j] is the distance between
   * the first i characters of @a and the first j of @b. */
  for (glong i = 1; i <= na; i++)
    {
      guint diagonal = row[0];

      row[0] = i;
      for (glong j = 1; j <= nb; j++)
        {
          guint above = row[j];
          guint best = MIN (row[j] + 1, row[j - 1] + 1);

          best = MIN (best, diagonal + (ua[i - 1] == ub[j - 1] ? 0 : 1));
          diagonal = above;
          row[j] = best;
        }
    }

  return row[nb];
}

const gchar *
cwa_suggest_nearest (const gchar         *word,
                     const gchar * const *candidates)
{
  const gchar *nearest = NULL;
  guint nearest_distance = G_MAXUINT;

  g_return_val_if_fail (word != NULL, NULL);

  if (candidates == NULL)
    return NULL;

  for (guint i = 0; candidates[i] != NULL; i++)
    {
      guint distance = cwa_suggest_distance (word, candidates[i]);
      guint longer = MAX (g_utf8_strlen (word, -1), g_utf8_strlen (candidates[i], -1));

      if (distance == 0)
        return NULL;
      if (distance <= 2 && distance * 2 < longer && distance < nearest_distance)
        {
          nearest = candidates[i];
          nearest_distance = distance;
        }
    }

  if (nearest != NULL || g_utf8_strlen (word, -1) < 3)
    return nearest;

  /* A shortened word ("ssl_cert", "req") is a typo too. */
  for (guint i = 0; candidates[i] != NULL; i++)
    {
      if (g_str_has_prefix (candidates[i], word))
        return candidates[i];
    }

  return NULL;
}

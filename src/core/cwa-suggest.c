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
  g_autofree guint *d = NULL;
  glong na = 0;
  glong nb = 0;
  glong width;

  g_return_val_if_fail (a != NULL && b != NULL, G_MAXUINT);

  ua = g_utf8_to_ucs4_fast (a, -1, &na);
  ub = g_utf8_to_ucs4_fast (b, -1, &nb);
  width = nb + 1;
  d = g_new (guint, (na + 1) * width);

  /* d[i * width + j]: the distance between the first i characters of @a
   * and the first j of @b (the "optimal string alignment" table). */
  for (glong i = 0; i <= na; i++)
    d[i * width] = i;
  for (glong j = 0; j <= nb; j++)
    d[j] = j;

  for (glong i = 1; i <= na; i++)
    {
      for (glong j = 1; j <= nb; j++)
        {
          guint cost = ua[i - 1] == ub[j - 1] ? 0 : 1;
          guint best = MIN (d[(i - 1) * width + j] + 1, d[i * width + j - 1] + 1);

          best = MIN (best, d[(i - 1) * width + j - 1] + cost);
          if (i > 1 && j > 1 && ua[i - 1] == ub[j - 2] && ua[i - 2] == ub[j - 1])
            best = MIN (best, d[(i - 2) * width + j - 2] + 1);
          d[i * width + j] = best;
        }
    }

  return d[na * width + nb];
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

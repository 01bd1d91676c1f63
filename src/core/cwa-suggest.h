/* cwa-suggest.h: "did you mean": the nearest word of a list by edit distance. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The edit distance between @a and @b, counted in Unicode characters:
 * insertions, deletions, substitutions and swaps of two neighbours, each 1
 * (Damerau-Levenshtein, optimal string alignment). */
guint        cwa_suggest_distance (const gchar         *a,
                                   const gchar         *b);

/* The entry of @candidates (NULL-terminated) nearest to @word, when it is
 * near enough to be a likely typo: at most 2 edits, and fewer edits than
 * half the length of the longer word; failing that, the first candidate
 * that starts with @word (of 3 characters or more: a shortened word).
 * Returns a borrowed candidate, or NULL when none is near (or @word is
 * itself a candidate).  Ties go to the first. */
const gchar *cwa_suggest_nearest  (const gchar         *word,
                                   const gchar * const *candidates);

G_END_DECLS

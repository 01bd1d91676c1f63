/* cwa-count-text.c: counts as messages print them, digits grouped by thousands. */
#include "config.h"

#include <langinfo.h>
#include <string.h>

#include "cwa-count-text.h"
#include "cwa-rule-text.h"

/* printf's "'" flag groups digits by LC_NUMERIC, which is "C" (no
 * grouping) unless a program sets it, and GLib has no grouping of its own;
 * English messages have the comma fixed, and so do translated ones in a
 * locale that does not group (the C locale): ungrouped, a count of
 * iterations would be hard to read. */
gchar *
cwa_count_text_dup (guint64 count)
{
  g_autofree gchar *digits = NULL;
  gsize n;
  GString *text;

  if (cwa_rule_text_is_translated () && *nl_langinfo (THOUSEP) != '\0')
    return cwa_count_text_dup_locale (count);

  digits = g_strdup_printf ("%" G_GUINT64_FORMAT, count);
  n = strlen (digits);
  text = g_string_sized_new (n + n / 3);

  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append_c (text, ',');
      g_string_append_c (text, digits[i]);
    }
  return g_string_free (text, FALSE);
}

gchar *
cwa_count_text_dup_locale (guint64 count)
{
  /* GLib has no locale-aware digit grouping; glibc's printf has the "'"
   * flag, which ISO C lacks (hence -Wformat's complaint, silenced here). */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat"
  return g_strdup_printf ("%'" G_GUINT64_FORMAT, count);
#pragma GCC diagnostic pop
}

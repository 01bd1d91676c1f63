/* cwa-count-text.c: counts as messages print them, digits grouped by thousands. */
#include "config.h"

#include <string.h>

#include "cwa-count-text.h"

/* printf's "'" flag groups digits by LC_NUMERIC, which is "C" (no
 * grouping) unless a program sets it, and GLib has no grouping of its own;
 * the messages are English, so the comma is fixed. */
gchar *
cwa_count_text_dup (guint64 count)
{
  g_autofree gchar *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, count);
  gsize n = strlen (digits);
  GString *text = g_string_sized_new (n + n / 3);

  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append_c (text, ',');
      g_string_append_c (text, digits[i]);
    }
  return g_string_free (text, FALSE);
}

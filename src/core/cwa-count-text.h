/* cwa-count-text.h: counts as messages print them, digits grouped by thousands ("2,000,000"). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* @count in decimal with a comma between groups of three digits, as the
 * program's messages write numbers ("Windows writes 2,000"): "64",
 * "2,048", "1,000,000".  While the calling thread's messages are
 * translated (cwa_rule_text_set_translated()), the digits are grouped as
 * the user's locale (LC_NUMERIC) groups them instead, "1.000.000" in
 * German, unless it does not group them at all (the C locale).  Returns
 * a new string (free with g_free()). */
gchar *cwa_count_text_dup        (guint64 count);
/* @count with the digit grouping of the user's locale (LC_NUMERIC) and
 * nothing else: "10,000" in English, "10.000" in German, "10000" in the C
 * locale.  Returns a new string (free with g_free()). */
gchar *cwa_count_text_dup_locale (guint64 count);

G_END_DECLS

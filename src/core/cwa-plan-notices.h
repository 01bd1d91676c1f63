/* cwa-plan-notices.h: notices about a plan file that do not stop it loading: unknown keys. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* One notice per key of @text (a plan's JSON, @length bytes or -1 when
 * NUL-terminated) that plan-format.md (versions 1 and 2) does not define.
 * Such keys are kept and saved back, but a misspelt key ("ssl_cert") would
 * otherwise go unnoticed.  Each notice is one line:
 *   NAME:LINE:COLUMN: notice: unknown key "KEY" in PATH is kept but not used (did you mean "KNOWN"?)
 * where @display_name is NAME, LINE and COLUMN are the key's value (1-based)
 * and the last part is there only when a known key of that object is near.
 * Text that is not a JSON object gives no notice (loading reports that).
 * The words are English unless the calling thread asked for translated
 * messages (cwa_rule_text_set_translated()); the rest (NAME, keys, PATH)
 * stays as it is.
 * Returns a NULL-terminated vector in document order, empty when there is
 * nothing to say; free with g_strfreev(). */
GStrv    cwa_plan_notices_find_unknown_keys      (const gchar   *text,
                                                  gssize         length,
                                                  const gchar   *display_name);

/* The same for the plan in @file, named as cwa_plan_file_dup_display_name()
 * names it.  Returns NULL and sets @error (G_IO_ERROR) when it cannot be read. */
GStrv    cwa_plan_notices_find_unknown_keys_in_file (GFile        *file,
                                                     GCancellable *cancellable,
                                                     GError      **error);

G_END_DECLS

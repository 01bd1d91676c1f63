/* cwa-rule-text.c: the words of rule messages, in the language the run asks for. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cwa-rule-text.h"

/* Per thread, so that a report's English run and the window's translated
 * one never see each other's choice; holds GINT_TO_POINTER (translated). */
static GPrivate translated_here;

gboolean
cwa_rule_text_set_translated (gboolean translated)
{
  gboolean previous = cwa_rule_text_is_translated ();

  g_private_set (&translated_here, GINT_TO_POINTER (translated ? TRUE : FALSE));
  return previous;
}

gboolean
cwa_rule_text_is_translated (void)
{
  return GPOINTER_TO_INT (g_private_get (&translated_here));
}

const gchar *
cwa_rule_text (const gchar *msgid)
{
  return cwa_rule_text_is_translated () ? g_dgettext (GETTEXT_PACKAGE, msgid) : msgid;
}

const gchar *
cwa_rule_ntext (const gchar *singular,
                const gchar *plural,
                gulong       n)
{
  if (cwa_rule_text_is_translated ())
    return g_dngettext (GETTEXT_PACKAGE, singular, plural, n);

  return n == 1 ? singular : plural;
}

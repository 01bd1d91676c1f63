/* cwa-rule-text.c: the words of rule messages, in the language the run asks for. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cwa-rule-text.h"

/* Per thread, so that a report's English run and the window's translated
 * one never see each other's choice; holds GINT_TO_POINTER (language). */
static GPrivate message_language;

CwaLabelLanguage
cwa_rule_text_set_language (CwaLabelLanguage language)
{
  CwaLabelLanguage previous = GPOINTER_TO_INT (g_private_get (&message_language));

  g_private_set (&message_language, GINT_TO_POINTER (language));
  return previous;
}

CwaLabelLanguage
cwa_rule_text_get_language (void)
{
  return GPOINTER_TO_INT (g_private_get (&message_language));
}

static gboolean
translating (void)
{
  return cwa_rule_text_get_language () == CWA_LABEL_TRANSLATED;
}

const gchar *
cwa_rule_text (const gchar *msgid)
{
  return translating () ? g_dgettext (GETTEXT_PACKAGE, msgid) : msgid;
}

const gchar *
cwa_rule_ntext (const gchar *singular,
                const gchar *plural,
                gulong       n)
{
  if (translating ())
    return g_dngettext (GETTEXT_PACKAGE, singular, plural, n);

  return n == 1 ? singular : plural;
}

/* cwa-test-locale.h: the program in German, as a desktop without a German locale gets it, for the tests of translated and untranslated text. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Makes this process (and the children it starts) speak German:
 * LANGUAGE=de over C.UTF-8, the one locale a fresh Debian is sure to have,
 * the catalogue the build made from po/de.po ($CWA_LOCALE_DIR), and the
 * program's text domain the default one, as the application makes it.
 * Returns FALSE, changing nothing, when the build has no German catalogue
 * or the machine no C.UTF-8 locale: the caller skips. */
gboolean cwa_test_speak_german        (void);
/* Undoes cwa_test_speak_german(): the C locale and the default text
 * domain, as a test program starts. */
void     cwa_test_speak_english_again (void);

G_END_DECLS

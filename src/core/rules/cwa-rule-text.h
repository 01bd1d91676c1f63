/* cwa-rule-text.h: the words of rule messages, in the language the run asks for. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Sets whether the messages that rules make on the calling thread from now
 * on are translated (English unless set) and returns the setting it
 * replaces, which the caller restores when its rules are done.  The runner
 * sets it from CwaRuleContext.translated around every subject, so a
 * checklist of the window speaks the user's language while reports and the
 * command line stay English (cwa-vs-label.h).  The chain problems of
 * cwa_trust_verify(), which rules quote, follow it too, and so do the
 * notices about a plan file (cwa-plan-notices.h) and the errors of loading
 * certificates (cwa-cert-loader.h, cwa-file-read.h, cwa-certificate.h):
 * the window sets it around those calls, and
 * cwa_cert_loader_load_file_async() and cwa_file_read_bounded_async()
 * carry their caller's setting into their worker thread
 * (cwa_rule_text_task_run_in_thread()).  That is why this sits in the lowest layer of the core. */
gboolean     cwa_rule_text_set_translated (gboolean     translated);

/* g_task_run_in_thread (@task, @task_func), with @task_func running under
 * the calling thread's setting; the pool's thread, which GTask reuses for
 * other tasks, gets its own setting back afterwards. */
void         cwa_rule_text_task_run_in_thread (GTask          *task,
                                               GTaskThreadFunc task_func);

/* The setting of the calling thread: what a rule passes on to labels it
 * puts in a message (CWA_LABEL_TRANSLATED or CWA_LABEL_ENGLISH). */
gboolean     cwa_rule_text_is_translated  (void);

/* @msgid itself while messages are English, else its translation from
 * the GETTEXT_PACKAGE catalogue.  Returns a static string, never NULL. */
const gchar *cwa_rule_text                (const gchar *msgid) G_GNUC_FORMAT (1);

/* The same for a sentence about @n things: @singular for one and @plural
 * otherwise in English, else the catalogue's plural form for @n. */
const gchar *cwa_rule_ntext               (const gchar *singular,
                                           const gchar *plural,
                                           gulong       n) G_GNUC_FORMAT (1);

/* How the core marks the words of messages (po/meson.build tells xgettext):
 * R_ for one form, RN_ for singular and plural.  Comments for translators
 * go right before the string, as for _(). */
#define R_(String) cwa_rule_text (String)
#define RN_(Singular, Plural, N) cwa_rule_ntext (Singular, Plural, N)

G_END_DECLS

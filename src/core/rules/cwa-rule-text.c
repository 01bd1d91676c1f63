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

typedef struct
{
  GTaskThreadFunc func;
  gboolean        translated;
} TaskRun;

static void
task_run_in_thread_cb (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  TaskRun *run = g_object_get_data (G_OBJECT (task), "cwa-rule-text-task-run");
  gboolean outer = cwa_rule_text_set_translated (run->translated);

  run->func (task, source_object, task_data, cancellable);
  cwa_rule_text_set_translated (outer);
}

void
cwa_rule_text_task_run_in_thread (GTask          *task,
                                  GTaskThreadFunc task_func)
{
  TaskRun *run;

  g_return_if_fail (G_IS_TASK (task));
  g_return_if_fail (task_func != NULL);

  run = g_new0 (TaskRun, 1);
  run->func = task_func;
  run->translated = cwa_rule_text_is_translated ();
  g_object_set_data_full (G_OBJECT (task), "cwa-rule-text-task-run", run, g_free);
  g_task_run_in_thread (task, task_run_in_thread_cb);
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

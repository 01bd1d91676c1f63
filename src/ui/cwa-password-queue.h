/* cwa-password-queue.h: asks for the passwords of protected files, one dialog at a time. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CWA_TYPE_PASSWORD_QUEUE (cwa_password_queue_get_type ())

G_DECLARE_FINAL_TYPE (CwaPasswordQueue, cwa_password_queue, CWA, PASSWORD_QUEUE, GObject)

/* The answer for @file: the password typed (borrowed, wiped after the
 * call), or NULL when the user skipped the file. */
typedef void (*CwaPasswordFunc) (GFile       *file,
                                 const gchar *password,
                                 gpointer     user_data);

/* Dialogs are modal to @parent (not referenced: the parent owns the
 * queue).  Requests pending when the queue is disposed are dropped without
 * an answer. */
CwaPasswordQueue *cwa_password_queue_new  (GtkWindow        *parent);
/* Queues a request for @file's password; @wrong says the last one did not
 * open it.  @callback runs once, with @user_data, when the user answers. */
void              cwa_password_queue_ask  (CwaPasswordQueue *self,
                                           GFile            *file,
                                           gboolean          wrong,
                                           CwaPasswordFunc   callback,
                                           gpointer          user_data);
/* The same for the PKCS#12 files a plan (@plan_file) names, which one
 * password opens: the dialog names the plan and quotes @reason, what the
 * plan's load said (it names the PKCS#12 files). */
void              cwa_password_queue_ask_for_plan (CwaPasswordQueue *self,
                                                   GFile            *plan_file,
                                                   gboolean          wrong,
                                                   const gchar      *reason,
                                                   CwaPasswordFunc   callback,
                                                   gpointer          user_data);

G_END_DECLS

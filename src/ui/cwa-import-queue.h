/* cwa-import-queue.h: loads dropped or chosen certificate files into a plan, off the main thread. */
#pragma once

#include <gio/gio.h>

#include "cwa-plan.h"

G_BEGIN_DECLS

#define CWA_TYPE_IMPORT_QUEUE (cwa_import_queue_get_type ())

G_DECLARE_FINAL_TYPE (CwaImportQueue, cwa_import_queue, CWA, IMPORT_QUEUE, GObject)

/* Loaded files reach the plan in the order they were added, in a few
 * splices of the plan's certificate list, each kept short (see
 * cwa_import_queue_set_flush_budget()); a file that asked for a password
 * comes after its password.
 * Properties: "plan", "n-total" and "n-done" (of the current batch, for a
 * progress bar), "busy".
 * Signals:
 *   "failed" (GFile *file, const gchar *message): one file could not be
 *     read; the others go on loading.
 *   "password-needed" (GFile *file, gboolean wrong): a PKCS#12 file needs a
 *     password (@wrong: the last one given was wrong).  Answer with
 *     cwa_import_queue_provide_password().
 *   "already-in-plan" (GPtrArray *entries): certificates just loaded were
 *     already in the plan; @entries (element type CwaCertificate, each
 *     once, borrowed for the call) are the plan's entries for them.  Once
 *     per batch of files, before "finished", or after pasted text.
 *   "finished" (guint n_added): the batch is done. */
CwaImportQueue *cwa_import_queue_new              (CwaPlan        *plan);
CwaPlan        *cwa_import_queue_get_plan         (CwaImportQueue *self);
void            cwa_import_queue_set_plan         (CwaImportQueue *self,
                                                   CwaPlan        *plan);
void            cwa_import_queue_add_file         (CwaImportQueue *self,
                                                   GFile          *file);
/* @password NULL skips the file. */
void            cwa_import_queue_provide_password (CwaImportQueue *self,
                                                   GFile          *file,
                                                   const gchar    *password);
/* Pasted PEM text: loaded at once (it is small).  Returns the number of
 * entries added or found, or -1 with @error set. */
gint            cwa_import_queue_add_text         (CwaImportQueue *self,
                                                   const gchar    *text,
                                                   GError        **error);
gboolean        cwa_import_queue_get_busy         (CwaImportQueue *self);
guint           cwa_import_queue_get_n_total      (CwaImportQueue *self);
guint           cwa_import_queue_get_n_done       (CwaImportQueue *self);
/* How long (µs, 4,000 by default) one main-loop dispatch may spend adding
 * loaded files to the plan before it lets a frame be drawn; it adds at
 * least one file however small the budget.  For tests and benchmarks. */
void            cwa_import_queue_set_flush_budget (CwaImportQueue *self,
                                                   gint64          usec);

G_END_DECLS

/* cwa-history.h: the undoable edits of one plan, newest last, and the undone ones that can be redone. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CWA_TYPE_HISTORY (cwa_history_get_type ())

G_DECLARE_FINAL_TYPE (CwaHistory, cwa_history, CWA, HISTORY, GObject)

/* Reverts one recorded edit; called at most once, with the data given to
 * cwa_history_push().  Returns FALSE, changing nothing, when the edit is
 * no longer in place (a newer edit changed the same thing): reverting it
 * then would make a plan state that never existed. */
typedef gboolean (*CwaHistoryUndoFunc) (gpointer data);
/* Makes a reverted edit again, with the same data; FALSE, changing
 * nothing, when the state it was made on is no longer in place. */
typedef gboolean (*CwaHistoryRedoFunc) (gpointer data);

/* Properties "can-undo" and "can-redo" (gboolean, read-only).  Signal "pushed" (guint id,
 * const gchar *title): an edit was recorded; the window shows @title (plain
 * text) in a toast whose Undo reverts entry @id.
 *
 * A CwaHistory knows nothing of what it records: the edit verbs
 * (cwa-plan-edits.h) change the plan and push how to revert the change.
 * Every plan owns one (cwa_plan_get_history()). */
CwaHistory *cwa_history_new          (void);
/* Records an edit already made.  The history owns @data and frees it with
 * @destroy when the entry is undone or forgotten; the oldest entries are
 * forgotten past a limit.  Returns the entry's id (never 0), unique within
 * this history. */
guint       cwa_history_push         (CwaHistory         *self,
                                      const gchar        *title,
                                      CwaHistoryUndoFunc  undo,
                                      gpointer            data,
                                      GDestroyNotify      destroy);
/* As cwa_history_push(), and @redo makes the edit again after an undo.
 * Undoing such an entry keeps it on a redo stack (newest undone first)
 * until it is redone, or a new edit is pushed: that forgets every undone
 * entry. */
guint       cwa_history_push_redoable (CwaHistory        *self,
                                      const gchar        *title,
                                      CwaHistoryUndoFunc  undo,
                                      CwaHistoryRedoFunc  redo,
                                      gpointer            data,
                                      GDestroyNotify      destroy);
/* Reverts the newest entry and forgets it (or keeps it for redo).  FALSE
 * if there was none.  An entry that is no longer in place is forgotten
 * without change; TRUE still (the history moved on). */
gboolean    cwa_history_undo         (CwaHistory         *self);
/* Reverts entry @id (a toast's Undo: it may be older than the newest) and
 * forgets it (or keeps it for redo).  FALSE if there is no such entry (already undone, or
 * forgotten), or if it was no longer in place. */
gboolean    cwa_history_undo_entry   (CwaHistory         *self,
                                      guint               id);
/* Makes the most recently undone entry again; it becomes the newest entry
 * to undo, without a "pushed" signal.  FALSE if nothing was undone (or a
 * new edit came since).  An entry whose state is no longer in place is
 * forgotten without change; TRUE still. */
gboolean    cwa_history_redo         (CwaHistory         *self);
gboolean    cwa_history_get_can_undo (CwaHistory         *self);
gboolean    cwa_history_get_can_redo (CwaHistory         *self);
guint       cwa_history_get_n_entries (CwaHistory        *self);
/* Forgets every entry, undone ones too. */
void        cwa_history_clear        (CwaHistory         *self);

G_END_DECLS

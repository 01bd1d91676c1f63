/* cwa-load-failures.h: the files of one load that could not be read: one toast for them all, and a dialog listing each. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* One file that could not be read: the name to show it by (its display
 * name) and what the loader said, which may name it too. */
typedef struct
{
  gchar *name;
  gchar *message;
} CwaLoadFailure;

/* Returns a new failure for @file (named by its display name) with a copy
 * of @message; free it with cwa_load_failure_free(). */
CwaLoadFailure *cwa_load_failure_new          (GFile          *file,
                                               const gchar    *message);
void            cwa_load_failure_free         (CwaLoadFailure *failure);

/* A toast for the files of one load that could not be read.  @failures
 * (element type CwaLoadFailure, at least one) is referenced, not copied.
 * One failure is the toast itself ("Could not load “x.pem”: …", or the
 * loader's message where that names the file already); several make one
 * toast, "3 files could not be loaded", whose Details button shows
 * cwa_load_failures_dialog_new() over @parent.  Returns a new toast
 * (floating reference: give it to adw_toast_overlay_add_toast()). */
AdwToast       *cwa_load_failures_toast_new   (GtkWindow      *parent,
                                               GPtrArray      *failures);

/* Shows cwa_load_failures_toast_new() for @failures in the toast overlay
 * that holds @widget, over @widget's window; nothing when @failures is
 * empty or @widget is in no overlay. */
void            cwa_load_failures_show        (GtkWidget      *widget,
                                               GPtrArray      *failures);

/* A dialog over @parent listing @failures (element type CwaLoadFailure),
 * a row each: the file's name, and below it the loader's message in
 * selectable text.  Returns a new, not yet shown, AdwMessageDialog. */
GtkWidget      *cwa_load_failures_dialog_new  (GtkWindow      *parent,
                                               GPtrArray      *failures);

G_END_DECLS

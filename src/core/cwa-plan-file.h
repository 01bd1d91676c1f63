/* cwa-plan-file.h: reading and writing `.cwaplan` files (plan-format.md), with atomic saves. */
#pragma once

#include <gio/gio.h>

#include "cwa-plan.h"

G_BEGIN_DECLS

#define CWA_PLAN_ERROR (cwa_plan_error_quark ())

#define CWA_PLAN_FORMAT          "cwa-cert-plan"
/* Written when the plan has no load balancers and no reverse proxies. */
#define CWA_PLAN_FORMAT_VERSION  1
/* Written when it has some (plan-format.md, "Version 2"); both are read. */
#define CWA_PLAN_FORMAT_VERSION_2 2
#define CWA_PLAN_MIME_TYPE       "application/x-cwa-cert-plan"
/* A plan is JSON of bounded size: larger files are refused before they are
 * read (a plan embedding a thousand PEM certificates is about 2 MB). */
#define CWA_PLAN_MAX_SIZE        (8 * 1024 * 1024)

typedef enum
{
  CWA_PLAN_ERROR_INVALID_JSON,
  CWA_PLAN_ERROR_INVALID,
  CWA_PLAN_ERROR_UNSUPPORTED_VERSION,
  /* Certificate files that are missing, corrupt or do not match their pin. */
  CWA_PLAN_ERROR_CERTIFICATE,
  CWA_PLAN_ERROR_IO,
  /* Every certificate problem was a PKCS#12 file needing a password (or a
   * different one): ask for it and load again. */
  CWA_PLAN_ERROR_NEEDS_PASSWORD,
} CwaPlanError;

GQuark    cwa_plan_error_quark        (void);

/* Reads a plan.  Nothing is half-read: on any problem returns NULL.  The
 * error message has one line per problem, each naming the file and, for
 * JSON, the line and column ("plan.cwaplan:12:5: servers[0]... must be...").
 * @password opens PKCS#12 certificate files; it is never stored.  The plan
 * returned has "file" set and "modified" FALSE. */
CwaPlan  *cwa_plan_file_load          (GFile               *file,
                                       const gchar         *password,
                                       GCancellable        *cancellable,
                                       GError             **error);
/* The same in a worker thread (certificate files may be slow to read). */
void      cwa_plan_file_load_async    (GFile               *file,
                                       const gchar         *password,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
CwaPlan  *cwa_plan_file_load_finish   (GAsyncResult        *result,
                                       GError             **error);

/* The file's contents for saving @plan to @for_file (NULL: where it was
 * loaded from): relative certificate paths are rewritten for @for_file's
 * folder.  Fails if two entries share an id or an assignment is not an
 * entry of the plan. */
GBytes   *cwa_plan_file_serialize     (CwaPlan             *plan,
                                       GFile               *for_file,
                                       GError             **error);
/* Writes atomically (a temporary file, then a rename), then sets the plan's
 * "file" to @file and "modified" to FALSE.  On failure the old file is
 * left as it was. */
gboolean  cwa_plan_file_save          (CwaPlan             *plan,
                                       GFile               *file,
                                       GCancellable        *cancellable,
                                       GError             **error);

/* The same with the write in a worker thread: @plan is read into the
 * file's contents before this returns, so edits made meanwhile are not
 * saved and leave the plan modified.  Errors as cwa_plan_file_save(). */
void      cwa_plan_file_save_async    (CwaPlan             *plan,
                                       GFile               *file,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
/* Call it (on the thread that started the save) for every save started:
 * it sets the plan's "file" and, unless it changed meanwhile, clears
 * "modified". */
gboolean  cwa_plan_file_save_finish   (CwaPlan             *plan,
                                       GAsyncResult        *result,
                                       GError             **error);

/* How messages name @file: relative to the current directory when it is
 * below it, else its full path. */
gchar    *cwa_plan_file_dup_display_name (GFile            *file);

G_END_DECLS

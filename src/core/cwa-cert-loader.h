/* cwa-cert-loader.h: bytes or files to certificates: PEM, DER, PKCS#7 and PKCS#12, by content. */
#pragma once

#include <gio/gio.h>

#include "cwa-certificate.h"
#include "cwa-load-error.h"

G_BEGIN_DECLS

/* Files larger than this are refused before they are read whole. */
#define CWA_LOAD_MAX_SIZE (64 * 1024 * 1024)

/* Returns every certificate found, in file order (element type
 * CwaCertificate), never an empty array: a file without certificates is
 * CWA_LOAD_ERROR_NOT_CERTIFICATE.  @display_name names the file in error
 * messages and becomes the certificates' source.  @password is used for
 * PKCS#12 only; NULL means "none given" (an unprotected or empty-password
 * PKCS#12 still loads).
 *
 * The error messages of this file's functions are English unless the
 * calling thread set cwa_rule_text_set_translated(), as the window does
 * around its loads; what GnuTLS or the system says inside them stays as
 * they say it. */
GPtrArray  *cwa_cert_loader_load_bytes     (GBytes              *data,
                                            const gchar         *display_name,
                                            const gchar         *password,
                                            GError             **error);
/* The bytes of @file as the loader reads them: within CWA_LOAD_MAX_SIZE,
 * refusing FIFOs, devices and other non-regular files without blocking on
 * them.  Errors are cwa_file_read_bounded()'s, in G_IO_ERROR without the
 * file's name, for callers that name the file in their own words. */
GBytes     *cwa_cert_loader_read_file      (GFile               *file,
                                            GCancellable        *cancellable,
                                            GError             **error);
/* Reads @file (through cwa_cert_loader_read_file()) and loads it; errors
 * are CWA_LOAD_ERROR messages naming the file, or G_IO_ERROR_CANCELLED. */
GPtrArray  *cwa_cert_loader_load_file      (GFile               *file,
                                            const gchar         *password,
                                            GCancellable        *cancellable,
                                            GError             **error);
/* cwa_cert_loader_load_file() in a worker thread; @password is copied
 * (and wiped when the task is done).  Its messages follow the setting of
 * cwa_rule_text_set_translated() of the thread that calls this, not of the
 * worker's.  @callback runs in the caller's thread-default main context,
 * with @file as its source object;
 * cwa_cert_loader_load_file_finish() returns the certificates (owned by
 * the caller) or NULL with the error cwa_cert_loader_load_file() would
 * give, or G_IO_ERROR_CANCELLED when @cancellable was cancelled. */
void        cwa_cert_loader_load_file_async (GFile              *file,
                                             const gchar        *password,
                                             GCancellable       *cancellable,
                                             GAsyncReadyCallback callback,
                                             gpointer            user_data);
GPtrArray  *cwa_cert_loader_load_file_finish (GAsyncResult      *result,
                                              GError           **error);

/* The sentence that ends the CWA_LOAD_ERROR_NEEDS_PASSWORD and
 * CWA_LOAD_ERROR_WRONG_PASSWORD messages ("Type the password the file was
 * exported with."), in the language those messages are in on the calling
 * thread (see cwa_cert_loader_load_bytes()).  A caller that gives the
 * password another way (the command line, from a file) replaces it with
 * its own words.  Returns a static string, not to be freed. */
const gchar *cwa_cert_loader_get_password_hint (void);

/* The certificate a plan entry stands for: the first end-entity (not CA)
 * certificate, else the first one. */
CwaCertificate *cwa_cert_loader_pick_primary (GPtrArray         *certificates);

G_END_DECLS

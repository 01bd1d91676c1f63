/* cwa-file-read.h: the one way the program reads a whole file: bounded, and never blocking on FIFOs or devices. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Reads all of @file into memory, but never more than @limit bytes.
 *
 * A local file is opened with O_NONBLOCK (so opening a FIFO cannot wait
 * for a writer) and checked with fstat() before a byte is read: anything
 * but a regular file is refused, and so is a regular file larger than
 * @limit.  The read itself stops at @limit too, for files that grow.  A
 * file without a local path (GVfs) is read as a stream within @limit.
 *
 * Returns the bytes (owned by the caller), or NULL with @error in the
 * G_IO_ERROR domain: G_IO_ERROR_NOT_FOUND, G_IO_ERROR_IS_DIRECTORY,
 * G_IO_ERROR_NOT_REGULAR_FILE (the message is only what it is instead, as
 * cwa_file_describe_mode() says it: "a named pipe (FIFO)", "a device"...), G_IO_ERROR_MESSAGE_TOO_LARGE,
 * G_IO_ERROR_CANCELLED, or the system's error otherwise.  Messages do not
 * name the file: the caller names it as the user wrote it.  This file's
 * own words are English unless the calling thread set
 * cwa_rule_text_set_translated(); the system's are as it gives them. */
GBytes     *cwa_file_read_bounded        (GFile               *file,
                                          gsize                limit,
                                          GCancellable        *cancellable,
                                          GError             **error);

/* The same for a secret at a local @path that may also be a pipe: a
 * secret passed as `--password-file <(command)` comes through a FIFO.
 * Devices, sockets and folders are still refused.  The text is read into
 * one buffer (no copy is left in freed memory) that is wiped with
 * gnutls_memset() when the returned bytes are freed. */
GBytes     *cwa_file_read_bounded_or_pipe (const gchar        *path,
                                           gsize               limit,
                                           GError            **error);

/* The same in a worker thread, its messages in the language the calling
 * thread's cwa_rule_text_set_translated() asks for. */
void        cwa_file_read_bounded_async  (GFile               *file,
                                          gsize                limit,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
GBytes     *cwa_file_read_bounded_finish (GAsyncResult        *result,
                                          GError             **error);

/* What a file that is not a regular file is, in words ("a named pipe
 * (FIFO)", "a device", "a socket"...), for @mode from stat(): a static
 * string, translated while cwa_rule_text_set_translated() is set. */
const gchar *cwa_file_describe_mode      (guint                mode);

G_END_DECLS

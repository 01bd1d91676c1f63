/* cwa-file-read.c: the one way the program reads a whole file: bounded, and never blocking on FIFOs or devices. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <gnutls/gnutls.h>

#include "cwa-count-text.h"
#include "cwa-file-read.h"
#include "cwa-rule-text.h"

#define CHUNK 65536

const gchar *
cwa_file_describe_mode (guint mode)
{
  if (S_ISDIR (mode))
    /* Translators: what a path is instead of a file, put into “%s: this
     * is %s, not a file.”: a noun with its article that follows “this
     * is” in your language */
    return R_("a folder");
  if (S_ISFIFO (mode))
    /* Translators: what a path is instead of a file (see “a folder”) */
    return R_("a named pipe (FIFO)");
  if (S_ISCHR (mode) || S_ISBLK (mode))
    /* Translators: what a path is instead of a file (see “a folder”) */
    return R_("a device");
  if (S_ISSOCK (mode))
    /* Translators: what a path is instead of a file (see “a folder”) */
    return R_("a socket");
  /* Translators: what a path is instead of a file (see “a folder”) */
  return R_("not a regular file");
}

static void
set_too_large (gsize    limit,
               GError **error)
{
  g_autofree gchar *bytes = cwa_count_text_dup (limit);

  /* Translators: why a file was not read; %s is a number of bytes (a
   * count with digits grouped) */
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE, R_("it is larger than %s bytes"), bytes);
}

/* GLib's g_file_load_contents() has no limit, and g_file_read() opens a
 * FIFO without O_NONBLOCK, which waits for a writer for ever: hence this. */
static GBytes *
read_fd (int           fd,
         gsize         limit,
         GCancellable *cancellable,
         GError      **error)
{
  g_autoptr(GByteArray) buffer = g_byte_array_new ();

  for (;;)
    {
      gsize old_len = buffer->len;
      gssize n;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      g_byte_array_set_size (buffer, old_len + CHUNK);
      n = read (fd, buffer->data + old_len, CHUNK);
      if (n < 0 && errno == EINTR)
        n = 0, g_byte_array_set_size (buffer, old_len);
      else if (n < 0)
        {
          int saved = errno;

          g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved), g_strerror (saved));
          return NULL;
        }
      else
        {
          g_byte_array_set_size (buffer, old_len + n);
          if (n == 0)
            break;
        }
      if (buffer->len > limit)
        {
          set_too_large (limit, error);
          return NULL;
        }
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

/* A buffer that holds a secret: wiped before it is freed. */
typedef struct
{
  guint8 *data;
  gsize   size;
} Secret;

static void
secret_free (gpointer user_data)
{
  Secret *secret = user_data;

  gnutls_memset (secret->data, 0, secret->size);
  g_free (secret->data);
  g_free (secret);
}

/* read_fd() for a secret: one buffer of the largest size allowed, so no
 * copy is left behind in memory a growing buffer gave back. */
static GBytes *
read_fd_secret (int      fd,
                gsize    limit,
                GError **error)
{
  Secret *secret = g_new0 (Secret, 1);
  gsize length = 0;

  secret->size = limit + 1;
  secret->data = g_malloc (secret->size);
  while (length < secret->size)
    {
      gssize n = read (fd, secret->data + length, secret->size - length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;

          g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved), g_strerror (saved));
          secret_free (secret);
          return NULL;
        }
      if (n == 0)
        break;
      length += (gsize) n;
    }
  if (length > limit)
    {
      set_too_large (limit, error);
      secret_free (secret);
      return NULL;
    }

  return g_bytes_new_with_free_func (secret->data, length, secret_free, secret);
}

static GBytes *
read_local (const gchar  *path,
            gsize         limit,
            gboolean      secret,
            GCancellable *cancellable,
            GError      **error)
{
  /* A secret may come through a pipe (see the header). */
  gboolean allow_fifo = secret;
  struct stat st;
  GBytes *bytes;
  int fd;

  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved), g_strerror (saved));
      return NULL;
    }

  if (fstat (fd, &st) < 0)
    {
      int saved = errno;

      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved), g_strerror (saved));
      close (fd);
      return NULL;
    }
  if (!S_ISREG (st.st_mode) && !(allow_fifo && S_ISFIFO (st.st_mode)))
    {
      gboolean dir = S_ISDIR (st.st_mode);

      g_set_error_literal (error, G_IO_ERROR, dir ? G_IO_ERROR_IS_DIRECTORY : G_IO_ERROR_NOT_REGULAR_FILE,
                           cwa_file_describe_mode (st.st_mode));
      close (fd);
      return NULL;
    }
  if ((guint64) st.st_size > limit)
    {
      set_too_large (limit, error);
      close (fd);
      return NULL;
    }

  /* A regular file (or a pipe the caller accepts): blocking reads from here on. */
  fcntl (fd, F_SETFL, fcntl (fd, F_GETFL) & ~O_NONBLOCK);
  bytes = secret ? read_fd_secret (fd, limit, error) : read_fd (fd, limit, cancellable, error);
  close (fd);
  return bytes;
}

static GBytes *
read_stream (GFile        *file,
             gsize         limit,
             GCancellable *cancellable,
             GError      **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) buffer = g_byte_array_new ();

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;

  for (;;)
    {
      gsize old_len = buffer->len;
      gssize n;

      g_byte_array_set_size (buffer, old_len + CHUNK);
      n = g_input_stream_read (G_INPUT_STREAM (stream), buffer->data + old_len, CHUNK,
                               cancellable, error);
      if (n < 0)
        return NULL;
      g_byte_array_set_size (buffer, old_len + n);
      if (n == 0)
        break;
      if (buffer->len > limit)
        {
          set_too_large (limit, error);
          return NULL;
        }
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

GBytes *
cwa_file_read_bounded (GFile        *file,
                       gsize         limit,
                       GCancellable *cancellable,
                       GError      **error)
{
  g_autofree gchar *path = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  path = g_file_get_path (file);
  if (path != NULL)
    return read_local (path, limit, FALSE, cancellable, error);

  return read_stream (file, limit, cancellable, error);
}

GBytes *
cwa_file_read_bounded_or_pipe (const gchar  *path,
                               gsize         limit,
                               GError      **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return read_local (path, limit, TRUE, NULL, error);
}

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  gsize limit = *(gsize *) task_data;
  GError *error = NULL;
  GBytes *bytes;

  bytes = cwa_file_read_bounded (G_FILE (source_object), limit, cancellable, &error);
  if (bytes == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, bytes, (GDestroyNotify) g_bytes_unref);
}

void
cwa_file_read_bounded_async (GFile               *file,
                             gsize                limit,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (file, cancellable, callback, user_data);
  g_task_set_source_tag (task, (gpointer) (guintptr) cwa_file_read_bounded_async);
  g_task_set_task_data (task, g_memdup2 (&limit, sizeof limit), g_free);
  /* Messages in the caller's language. */
  cwa_rule_text_task_run_in_thread (task, read_thread);
}

GBytes *
cwa_file_read_bounded_finish (GAsyncResult *result,
                              GError      **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        (gpointer) (guintptr) cwa_file_read_bounded_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

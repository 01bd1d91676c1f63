/* cwa-import-queue.c: loads dropped or chosen certificate files into a plan, off the main thread. */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <gnutls/gnutls.h>

#include "cwa-cert-loader.h"
#include "cwa-import-queue.h"

/* A few loads at once keep the disk and the CPUs busy without flooding the
 * main loop with completions. */
#define MAX_RUNNING 4

/* Loaded files reach the plan in batches of at most this many, one batch
 * per main-loop dispatch, between frames.  A batch is one items-changed
 * for the views (one per file made loading 10,000 files quadratic: every
 * emission costs the views in proportion to the whole list), and adding
 * it costs the plan a few microseconds per file. */
#define MAX_FILES_PER_DISPATCH 500

struct _CwaImportQueue
{
  GObject       parent_instance;

  CwaPlan      *plan;
  GCancellable *cancellable;
  GQueue        pending;      /* Job */
  GHashTable   *waiting;      /* GFile -> Job, asking for a password */
  GQueue        loaded;       /* GPtrArray of CwaCertificate, not yet in the plan */
  guint         flush_id;
  guint         n_running;
  guint         n_total;
  guint         n_done;
  guint         n_added;
  GPtrArray    *already;      /* CwaCertificate: entries of the plan met again in this batch */
};

typedef struct
{
  CwaImportQueue *self;       /* weak: cleared on dispose through the cancellable */
  GFile          *file;
  gchar          *password;
} Job;

enum {
  PROP_0,
  PROP_PLAN,
  PROP_N_TOTAL,
  PROP_N_DONE,
  PROP_BUSY,
  N_PROPS
};

enum {
  FAILED,
  PASSWORD_NEEDED,
  ALREADY_IN_PLAN,
  FINISHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CwaImportQueue, cwa_import_queue, G_TYPE_OBJECT)

static void
job_free (Job *job)
{
  g_clear_object (&job->file);
  if (job->password != NULL)
    gnutls_memset (job->password, 0, strlen (job->password));
  g_free (job->password);
  g_free (job);
}

static void run_next (CwaImportQueue *self);

/* Tells of the entries met again since the last time, if any, and forgets
 * them. */
static void
emit_already_in_plan (CwaImportQueue *self)
{
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GPtrArray) already = NULL;

  if (self->already == NULL || self->already->len == 0)
    return;

  /* Each entry once, in the order met (a set keeps large drops linear). */
  seen = g_hash_table_new (NULL, NULL);
  already = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < self->already->len; i++)
    {
      CwaCertificate *entry = g_ptr_array_index (self->already, i);

      if (g_hash_table_add (seen, entry))
        g_ptr_array_add (already, g_object_ref (entry));
    }
  g_ptr_array_set_size (self->already, 0);
  g_signal_emit (self, signals[ALREADY_IN_PLAN], 0, already);
}

static void
maybe_finish (CwaImportQueue *self)
{
  guint n_added;

  if (self->n_running > 0 || !g_queue_is_empty (&self->pending) ||
      !g_queue_is_empty (&self->loaded) || g_hash_table_size (self->waiting) > 0)
    return;

  n_added = self->n_added;
  self->n_total = 0;
  self->n_done = 0;
  self->n_added = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_TOTAL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DONE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
  emit_already_in_plan (self);
  g_signal_emit (self, signals[FINISHED], 0, n_added);
}

static void
mark_done (CwaImportQueue *self,
           guint           n_files)
{
  self->n_done += n_files;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DONE]);
}

/* Sorts one file's certificates into the entry (its primary one) and the
 * chain certificates that came with it. */
static void
split_file (GPtrArray *certificates,
            GPtrArray *entries,
            GPtrArray *chain)
{
  CwaCertificate *primary = cwa_cert_loader_pick_primary (certificates);

  g_ptr_array_add (entries, g_object_ref (primary));
  for (guint i = 0; i < certificates->len; i++)
    {
      CwaCertificate *certificate = g_ptr_array_index (certificates, i);

      if (certificate != primary)
        g_ptr_array_add (chain, g_object_ref (certificate));
    }
}

/* Adds the files' certificates in one batch, then notes each entry the
 * plan had already (the same certificate, loaded before or earlier in the
 * batch): after the batch every primary is in the plan, so looking it up
 * again finds the entry without adding anything. */
static void
add_batch (CwaImportQueue *self,
           GPtrArray      *entries,
           GPtrArray      *chain)
{
  cwa_plan_add_certificates (self->plan, entries, chain);
  for (guint i = 0; i < entries->len; i++)
    {
      CwaCertificate *primary = g_ptr_array_index (entries, i);
      CwaCertificate *entry = cwa_plan_add_certificate (self->plan, primary);

      if (entry != primary)
        g_ptr_array_add (self->already, g_object_ref (entry));
    }
}

static gboolean
flush_loaded_cb (gpointer user_data)
{
  CwaImportQueue *self = user_data;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) chain = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_files = 0;

  while (n_files < MAX_FILES_PER_DISPATCH && !g_queue_is_empty (&self->loaded))
    {
      g_autoptr(GPtrArray) certificates = g_queue_pop_head (&self->loaded);

      split_file (certificates, entries, chain);
      n_files++;
    }
  if (self->plan != NULL)
    {
      add_batch (self, entries, chain);
      self->n_added += n_files;
    }
  mark_done (self, n_files);

  if (!g_queue_is_empty (&self->loaded))
    return G_SOURCE_CONTINUE;

  self->flush_id = 0;
  maybe_finish (self);
  return G_SOURCE_REMOVE;
}

/* Below the frame clock's priority (GDK_PRIORITY_REDRAW is
 * G_PRIORITY_HIGH_IDLE + 20), so a frame is drawn between batches however
 * fast the loads complete. */
static void
queue_loaded (CwaImportQueue *self,
              GPtrArray      *certificates)
{
  g_queue_push_tail (&self->loaded, g_ptr_array_ref (certificates));
  if (self->flush_id == 0)
    self->flush_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 30, flush_loaded_cb, self, NULL);
}

static void
load_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Job *job = user_data;
  CwaImportQueue *self = job->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) certificates = NULL;

  certificates = cwa_cert_loader_load_file_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      job_free (job);
      return;
    }

  self->n_running--;

  if (certificates != NULL)
    {
      queue_loaded (self, certificates);
      job_free (job);
    }
  else if (g_error_matches (error, CWA_LOAD_ERROR, CWA_LOAD_ERROR_NEEDS_PASSWORD) ||
           g_error_matches (error, CWA_LOAD_ERROR, CWA_LOAD_ERROR_WRONG_PASSWORD))
    {
      gboolean wrong = job->password != NULL ||
                       g_error_matches (error, CWA_LOAD_ERROR, CWA_LOAD_ERROR_WRONG_PASSWORD);
      GFile *file = job->file;

      g_hash_table_replace (self->waiting, g_object_ref (file), job);
      g_signal_emit (self, signals[PASSWORD_NEEDED], 0, file, wrong);
    }
  else
    {
      mark_done (self, 1);
      g_signal_emit (self, signals[FAILED], 0, job->file, error->message);
      job_free (job);
    }

  run_next (self);
  maybe_finish (self);
}

static void
run_next (CwaImportQueue *self)
{
  while (self->n_running < MAX_RUNNING && !g_queue_is_empty (&self->pending))
    {
      Job *job = g_queue_pop_head (&self->pending);

      self->n_running++;
      cwa_cert_loader_load_file_async (job->file, job->password, self->cancellable,
                                       load_cb, job);
    }
}

static void
cwa_import_queue_dispose (GObject *object)
{
  CwaImportQueue *self = CWA_IMPORT_QUEUE (object);

  /* Outstanding loads finish with G_IO_ERROR_CANCELLED and free their job
   * without touching self. */
  g_cancellable_cancel (self->cancellable);
  g_queue_clear_full (&self->pending, (GDestroyNotify) job_free);
  g_queue_clear_full (&self->loaded, (GDestroyNotify) g_ptr_array_unref);
  g_clear_handle_id (&self->flush_id, g_source_remove);
  g_clear_pointer (&self->waiting, g_hash_table_unref);
  g_clear_pointer (&self->already, g_ptr_array_unref);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (cwa_import_queue_parent_class)->dispose (object);
}

static void
cwa_import_queue_finalize (GObject *object)
{
  CwaImportQueue *self = CWA_IMPORT_QUEUE (object);

  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (cwa_import_queue_parent_class)->finalize (object);
}

static void
cwa_import_queue_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CwaImportQueue *self = CWA_IMPORT_QUEUE (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    case PROP_N_TOTAL:
      g_value_set_uint (value, self->n_total);
      break;
    case PROP_N_DONE:
      g_value_set_uint (value, self->n_done);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, cwa_import_queue_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cwa_import_queue_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CwaImportQueue *self = CWA_IMPORT_QUEUE (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      cwa_import_queue_set_plan (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cwa_import_queue_class_init (CwaImportQueueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cwa_import_queue_dispose;
  object_class->finalize = cwa_import_queue_finalize;
  object_class->get_property = cwa_import_queue_get_property;
  object_class->set_property = cwa_import_queue_set_property;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, CWA_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_N_TOTAL] =
    g_param_spec_uint ("n-total", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_N_DONE] =
    g_param_spec_uint ("n-done", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[FAILED] =
    g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_FILE, G_TYPE_STRING);
  signals[PASSWORD_NEEDED] =
    g_signal_new ("password-needed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_FILE, G_TYPE_BOOLEAN);
  signals[ALREADY_IN_PLAN] =
    g_signal_new ("already-in-plan", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_PTR_ARRAY);
  signals[FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
cwa_import_queue_init (CwaImportQueue *self)
{
  self->cancellable = g_cancellable_new ();
  g_queue_init (&self->pending);
  g_queue_init (&self->loaded);
  self->already = g_ptr_array_new_with_free_func (g_object_unref);
  self->waiting = g_hash_table_new_full (g_file_hash, (GEqualFunc) g_file_equal,
                                         g_object_unref, (GDestroyNotify) job_free);
}

CwaImportQueue *
cwa_import_queue_new (CwaPlan *plan)
{
  return g_object_new (CWA_TYPE_IMPORT_QUEUE, "plan", plan, NULL);
}

CwaPlan *
cwa_import_queue_get_plan (CwaImportQueue *self)
{
  g_return_val_if_fail (CWA_IS_IMPORT_QUEUE (self), NULL);
  return self->plan;
}

void
cwa_import_queue_set_plan (CwaImportQueue *self,
                           CwaPlan        *plan)
{
  g_return_if_fail (CWA_IS_IMPORT_QUEUE (self));
  g_return_if_fail (plan == NULL || CWA_IS_PLAN (plan));

  if (g_set_object (&self->plan, plan))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}

void
cwa_import_queue_add_file (CwaImportQueue *self,
                           GFile          *file)
{
  Job *job;
  gboolean was_busy;

  g_return_if_fail (CWA_IS_IMPORT_QUEUE (self));
  g_return_if_fail (G_IS_FILE (file));

  was_busy = cwa_import_queue_get_busy (self);
  job = g_new0 (Job, 1);
  job->self = self;
  job->file = g_object_ref (file);
  g_queue_push_tail (&self->pending, job);
  self->n_total++;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_TOTAL]);
  if (!was_busy)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);

  run_next (self);
}

void
cwa_import_queue_provide_password (CwaImportQueue *self,
                                   GFile          *file,
                                   const gchar    *password)
{
  gpointer key;
  gpointer value;
  Job *job;

  g_return_if_fail (CWA_IS_IMPORT_QUEUE (self));
  g_return_if_fail (G_IS_FILE (file));

  if (!g_hash_table_steal_extended (self->waiting, file, &key, &value))
    return;
  g_object_unref (key);
  job = value;

  if (password == NULL)
    {
      job_free (job);
      mark_done (self, 1);
      maybe_finish (self);
      return;
    }

  g_free (job->password);
  job->password = g_strdup (password);
  g_queue_push_head (&self->pending, job);
  run_next (self);
}

gint
cwa_import_queue_add_text (CwaImportQueue *self,
                           const gchar    *text,
                           GError        **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) certificates = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) chain = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (CWA_IS_IMPORT_QUEUE (self), -1);
  g_return_val_if_fail (text != NULL, -1);

  if (self->plan == NULL)
    return 0;

  bytes = g_bytes_new (text, strlen (text));
  certificates = cwa_cert_loader_load_bytes (bytes, _("Pasted text"), NULL, error);
  if (certificates == NULL)
    return -1;

  split_file (certificates, entries, chain);
  add_batch (self, entries, chain);
  /* While a batch of files loads, its notice waits for the batch. */
  if (!cwa_import_queue_get_busy (self))
    emit_already_in_plan (self);
  return 1;
}

gboolean
cwa_import_queue_get_busy (CwaImportQueue *self)
{
  g_return_val_if_fail (CWA_IS_IMPORT_QUEUE (self), FALSE);
  return self->n_running > 0 || !g_queue_is_empty (&self->pending) ||
         !g_queue_is_empty (&self->loaded) ||
         (self->waiting != NULL && g_hash_table_size (self->waiting) > 0);
}

guint
cwa_import_queue_get_n_total (CwaImportQueue *self)
{
  g_return_val_if_fail (CWA_IS_IMPORT_QUEUE (self), 0);
  return self->n_total;
}

guint
cwa_import_queue_get_n_done (CwaImportQueue *self)
{
  g_return_val_if_fail (CWA_IS_IMPORT_QUEUE (self), 0);
  return self->n_done;
}

/* cwa-import-queue.c: loads dropped or chosen certificate files into a plan, off the main thread. */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <gnutls/gnutls.h>

#include "cwa-cert-loader.h"
#include "cwa-import-queue.h"
#include "cwa-rule-text.h"

/* A few loads at once keep the disk and the CPUs busy without flooding the
 * main loop with completions. */
#define MAX_RUNNING 4

/* Loaded files reach the plan in splices (one items-changed each for the
 * views: one per file made loading 10,000 files quadratic).  While files
 * are still loading, their results gather for this long first, so that a
 * large drop makes a few large splices rather than thousands of small
 * ones. */
#define COALESCE_MS 50

/* One flush (one main-loop dispatch) splices for at most this long, then
 * lets a frame be drawn.  What a splice costs depends on the views: each
 * row a list view creates for a new item costs far more than the plan's
 * few microseconds per file, and list views create rows only until they
 * are full.  So the queue measures what each file cost and sizes the next
 * splice by it, rather than trusting a fixed count.  The frame after a
 * splice that created rows lays them out, which costs about as much
 * again, often with no main-loop turn in between: a quarter of a 16 ms
 * frame leaves room for both and for drawing (bench-drop: at 8 ms the
 * longest stretch without the loop was 20 ms, at 4 ms 17 ms, for the same
 * total load time). */
#define FLUSH_BUDGET_USEC 4000

/* The first splice of a drop, before anything was measured: small, as it
 * is the one that makes the views create their rows. */
#define FIRST_SPLICE_FILES 8

/* How much larger than the last one a splice may be: a cheap splice says
 * little about one ten times its size. */
#define SPLICE_GROWTH 4

struct _CwaImportQueue
{
  GObject       parent_instance;

  CwaPlan      *plan;
  GCancellable *cancellable;
  GQueue        pending;      /* Job */
  GHashTable   *waiting;      /* GFile -> Job, asking for a password */
  /* One link per file being loaded or loaded, in the order the loads
   * started: its GPtrArray of CwaCertificate once loaded, NULL before.
   * Files reach the plan in this order. */
  GQueue        loaded;
  guint         flush_id;
  gboolean      flush_waits;  /* flush_id is the COALESCE_MS timeout */
  gint64        flush_budget; /* µs */
  gdouble       usec_per_file; /* what the last splice cost, 0 before any */
  guint         last_splice;  /* files in the last splice */
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
  GList          *slot;       /* in self->loaded while running */
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

/* A link of the loaded queue: NULL while its file loads. */
static void
free_loaded (gpointer certificates)
{
  if (certificates != NULL)
    g_ptr_array_unref (certificates);
}

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
  /* The next drop may meet other views (another plan, a search): measure
   * again from a small first splice. */
  self->usec_per_file = 0;
  self->last_splice = 0;
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

/* Whether the file at the head of the loaded queue is ready to splice. */
static gboolean
head_loaded (CwaImportQueue *self)
{
  return !g_queue_is_empty (&self->loaded) && g_queue_peek_head (&self->loaded) != NULL;
}

/* How many files the next splice takes: what is left of @budget (µs) at
 * the cost per file of the last splice, at least one file, and at most
 * SPLICE_GROWTH times the last splice. */
static guint
next_splice_size (CwaImportQueue *self,
                  gint64          budget_left)
{
  gdouble fit;

  if (self->usec_per_file <= 0)
    return FIRST_SPLICE_FILES;
  fit = MAX (budget_left, 0) / self->usec_per_file;
  return (guint) CLAMP (fit, 1.0, (gdouble) MAX (self->last_splice, 1) * SPLICE_GROWTH);
}

/* Adds up to @max_files loaded files from the head of the queue to the
 * plan in one splice, and remembers what each file cost.  Returns the
 * number of files taken. */
static guint
splice_loaded (CwaImportQueue *self,
               guint           max_files)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) chain = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_files = 0;
  gint64 start = g_get_monotonic_time ();

  while (n_files < max_files && head_loaded (self))
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

  if (n_files > 0)
    {
      self->last_splice = n_files;
      /* Half a microsecond at least, so that the next size stays finite. */
      self->usec_per_file = MAX ((gdouble) (g_get_monotonic_time () - start) / n_files, 0.5);
    }
  return n_files;
}

/* Whether every file of the drop has finished loading. */
static gboolean
all_loads_done (CwaImportQueue *self)
{
  return self->n_running == 0 && g_queue_is_empty (&self->pending);
}

static void schedule_flush (CwaImportQueue *self,
                            gboolean        backlog);

/* Splices loaded files until the budget is spent or the next file is not
 * loaded yet; one splice at least, whatever the budget. */
static gboolean
flush_loaded_cb (gpointer user_data)
{
  CwaImportQueue *self = user_data;
  gint64 start = g_get_monotonic_time ();
  gint64 spent = 0;
  guint n_files = 0;

  self->flush_id = 0;
  do
    {
      n_files += splice_loaded (self, next_splice_size (self, self->flush_budget - spent));
      spent = g_get_monotonic_time () - start;
    }
  while (spent < self->flush_budget && head_loaded (self));
  mark_done (self, n_files);

  if (head_loaded (self))
    schedule_flush (self, TRUE);
  else
    maybe_finish (self);
  return G_SOURCE_REMOVE;
}

/* While files are still loading, the first result waits COALESCE_MS for
 * more; once every load is done, or (@backlog) a flush ran out of budget,
 * the next flush comes as soon as the main loop is idle.  Both below the
 * frame clock's priority (GDK_PRIORITY_REDRAW is G_PRIORITY_HIGH_IDLE +
 * 20), so a frame is drawn between flushes however fast the loads
 * complete. */
static void
schedule_flush (CwaImportQueue *self,
                gboolean        backlog)
{
  gboolean wait = !backlog && !all_loads_done (self);

  if (!head_loaded (self) || (self->flush_id != 0 && (wait || !self->flush_waits)))
    return;

  g_clear_handle_id (&self->flush_id, g_source_remove);
  self->flush_waits = wait;
  if (wait)
    self->flush_id = g_timeout_add_full (G_PRIORITY_HIGH_IDLE + 30, COALESCE_MS, flush_loaded_cb, self, NULL);
  else
    self->flush_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 30, flush_loaded_cb, self, NULL);
}

/* Takes @job off the loaded queue: it failed, waits for a password, or
 * starts again. */
static void
drop_slot (CwaImportQueue *self,
           Job            *job)
{
  g_queue_delete_link (&self->loaded, job->slot);
  job->slot = NULL;
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
      job->slot->data = g_steal_pointer (&certificates);
      job_free (job);
    }
  else if (g_error_matches (error, CWA_LOAD_ERROR, CWA_LOAD_ERROR_NEEDS_PASSWORD) ||
           g_error_matches (error, CWA_LOAD_ERROR, CWA_LOAD_ERROR_WRONG_PASSWORD))
    {
      gboolean wrong = job->password != NULL ||
                       g_error_matches (error, CWA_LOAD_ERROR, CWA_LOAD_ERROR_WRONG_PASSWORD);
      GFile *file = job->file;

      drop_slot (self, job);
      g_hash_table_replace (self->waiting, g_object_ref (file), job);
      g_signal_emit (self, signals[PASSWORD_NEEDED], 0, file, wrong);
    }
  else
    {
      drop_slot (self, job);
      mark_done (self, 1);
      g_signal_emit (self, signals[FAILED], 0, job->file, error->message);
      job_free (job);
    }

  run_next (self);
  schedule_flush (self, FALSE);
  maybe_finish (self);
}

static void
run_next (CwaImportQueue *self)
{
  while (self->n_running < MAX_RUNNING && !g_queue_is_empty (&self->pending))
    {
      Job *job = g_queue_pop_head (&self->pending);
      gboolean translated;

      self->n_running++;
      g_queue_push_tail (&self->loaded, NULL);
      job->slot = g_queue_peek_tail_link (&self->loaded);
      /* Why a file cannot be loaded, in the user's language (the
       * command line's stays English). */
      translated = cwa_rule_text_set_translated (TRUE);
      cwa_cert_loader_load_file_async (job->file, job->password, self->cancellable,
                                       load_cb, job);
      cwa_rule_text_set_translated (translated);
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
  g_queue_clear_full (&self->loaded, free_loaded);
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
  self->flush_budget = FLUSH_BUDGET_USEC;
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
  gboolean translated;

  g_return_val_if_fail (CWA_IS_IMPORT_QUEUE (self), -1);
  g_return_val_if_fail (text != NULL, -1);

  if (self->plan == NULL)
    return 0;

  bytes = g_bytes_new (text, strlen (text));
  translated = cwa_rule_text_set_translated (TRUE);
  certificates = cwa_cert_loader_load_bytes (bytes, _("Pasted text"), NULL, error);
  cwa_rule_text_set_translated (translated);
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

void
cwa_import_queue_set_flush_budget (CwaImportQueue *self,
                                   gint64          usec)
{
  g_return_if_fail (CWA_IS_IMPORT_QUEUE (self));
  g_return_if_fail (usec >= 0);
  self->flush_budget = usec;
}

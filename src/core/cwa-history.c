/* cwa-history.c: the undoable edits of one plan, newest last. */
#include "config.h"

#include "cwa-history.h"

/* A long session should not keep every edit. */
#define MAX_ENTRIES 100

/* The one undo record: what the verbs record is opaque @data. */
typedef struct
{
  guint              id;
  gchar             *title;
  CwaHistoryUndoFunc undo;
  gpointer           data;
  GDestroyNotify     destroy;
} Entry;

struct _CwaHistory
{
  GObject parent_instance;

  GQueue  entries;      /* Entry, oldest first */
  guint   last_id;
};

enum {
  PROP_0,
  PROP_CAN_UNDO,
  N_PROPS
};

enum {
  PUSHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CwaHistory, cwa_history, G_TYPE_OBJECT)

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  if (entry->destroy != NULL)
    entry->destroy (entry->data);
  g_free (entry->title);
  g_free (entry);
}

/* Notifies "can-undo" if it changed since it was @could_undo. */
static void
notify_if_flipped (CwaHistory *self,
                   gboolean    could_undo)
{
  if (could_undo != cwa_history_get_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
}

guint
cwa_history_push (CwaHistory         *self,
                  const gchar        *title,
                  CwaHistoryUndoFunc  undo,
                  gpointer            data,
                  GDestroyNotify      destroy)
{
  gboolean could_undo;
  Entry *entry;

  g_return_val_if_fail (CWA_IS_HISTORY (self), 0);
  g_return_val_if_fail (title != NULL, 0);
  g_return_val_if_fail (undo != NULL, 0);

  could_undo = cwa_history_get_can_undo (self);
  entry = g_new0 (Entry, 1);
  entry->id = ++self->last_id;
  entry->title = g_strdup (title);
  entry->undo = undo;
  entry->data = data;
  entry->destroy = destroy;
  g_queue_push_tail (&self->entries, entry);
  while (g_queue_get_length (&self->entries) > MAX_ENTRIES)
    entry_free (g_queue_pop_head (&self->entries));

  notify_if_flipped (self, could_undo);
  g_signal_emit (self, signals[PUSHED], 0, entry->id, entry->title);
  return entry->id;
}

/* Takes @entry out of the queue first, so that an undo that pushes or
 * undoes (re-entrancy through the model's signals) sees a consistent
 * history. */
static gboolean
run_entry (CwaHistory *self,
           GList      *link)
{
  Entry *entry = link->data;
  gboolean could_undo = cwa_history_get_can_undo (self);
  gboolean reverted;

  g_queue_delete_link (&self->entries, link);
  notify_if_flipped (self, could_undo);
  reverted = entry->undo (entry->data);
  entry_free (entry);
  return reverted;
}

gboolean
cwa_history_undo (CwaHistory *self)
{
  g_return_val_if_fail (CWA_IS_HISTORY (self), FALSE);

  if (g_queue_is_empty (&self->entries))
    return FALSE;
  run_entry (self, self->entries.tail);
  return TRUE;
}

gboolean
cwa_history_undo_entry (CwaHistory *self,
                        guint       id)
{
  g_return_val_if_fail (CWA_IS_HISTORY (self), FALSE);

  for (GList *l = self->entries.tail; l != NULL; l = l->prev)
    {
      Entry *entry = l->data;

      if (entry->id == id)
        return run_entry (self, l);
    }
  return FALSE;
}

gboolean
cwa_history_get_can_undo (CwaHistory *self)
{
  g_return_val_if_fail (CWA_IS_HISTORY (self), FALSE);

  return !g_queue_is_empty (&self->entries);
}

guint
cwa_history_get_n_entries (CwaHistory *self)
{
  g_return_val_if_fail (CWA_IS_HISTORY (self), 0);

  return g_queue_get_length (&self->entries);
}

void
cwa_history_clear (CwaHistory *self)
{
  gboolean could_undo;

  g_return_if_fail (CWA_IS_HISTORY (self));

  could_undo = cwa_history_get_can_undo (self);
  g_queue_clear_full (&self->entries, entry_free);
  notify_if_flipped (self, could_undo);
}

static void
cwa_history_finalize (GObject *object)
{
  CwaHistory *self = CWA_HISTORY (object);

  g_queue_clear_full (&self->entries, entry_free);

  G_OBJECT_CLASS (cwa_history_parent_class)->finalize (object);
}

static void
cwa_history_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CwaHistory *self = CWA_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, cwa_history_get_can_undo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cwa_history_class_init (CwaHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cwa_history_finalize;
  object_class->get_property = cwa_history_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[PUSHED] =
    g_signal_new ("pushed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_STRING);
}

static void
cwa_history_init (CwaHistory *self)
{
  g_queue_init (&self->entries);
}

CwaHistory *
cwa_history_new (void)
{
  return g_object_new (CWA_TYPE_HISTORY, NULL);
}

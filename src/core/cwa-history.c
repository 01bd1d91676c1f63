/* cwa-history.c: the undoable edits of one plan, newest last, and the undone ones that can be redone. */
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
  CwaHistoryRedoFunc redo;
  gpointer           data;
  GDestroyNotify     destroy;
} Entry;

struct _CwaHistory
{
  GObject parent_instance;

  GQueue  entries;      /* Entry, oldest first */
  GQueue  undone;       /* Entry, redo's next one first */
  guint   last_id;
};

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
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

/* What "can-undo" and "can-redo" were before a change. */
typedef struct
{
  gboolean can_undo;
  gboolean can_redo;
} Flags;

static Flags
flags_now (CwaHistory *self)
{
  return (Flags) { !g_queue_is_empty (&self->entries), !g_queue_is_empty (&self->undone) };
}

/* Notifies "can-undo" and "can-redo" where they changed since @before. */
static void
notify_if_flipped (CwaHistory *self,
                   Flags       before)
{
  Flags now = flags_now (self);

  if (before.can_undo != now.can_undo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (before.can_redo != now.can_redo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

/* Appends @entry as the newest undoable one, forgetting the oldest past
 * the limit. */
static void
append_entry (CwaHistory *self,
              Entry      *entry)
{
  g_queue_push_tail (&self->entries, entry);
  while (g_queue_get_length (&self->entries) > MAX_ENTRIES)
    entry_free (g_queue_pop_head (&self->entries));
}

guint
cwa_history_push (CwaHistory         *self,
                  const gchar        *title,
                  CwaHistoryUndoFunc  undo,
                  gpointer            data,
                  GDestroyNotify      destroy)
{
  return cwa_history_push_redoable (self, title, undo, NULL, data, destroy);
}

guint
cwa_history_push_redoable (CwaHistory         *self,
                           const gchar        *title,
                           CwaHistoryUndoFunc  undo,
                           CwaHistoryRedoFunc  redo,
                           gpointer            data,
                           GDestroyNotify      destroy)
{
  Flags before;
  Entry *entry;

  g_return_val_if_fail (CWA_IS_HISTORY (self), 0);
  g_return_val_if_fail (title != NULL, 0);
  g_return_val_if_fail (undo != NULL, 0);

  before = flags_now (self);
  entry = g_new0 (Entry, 1);
  entry->id = ++self->last_id;
  entry->title = g_strdup (title);
  entry->undo = undo;
  entry->redo = redo;
  entry->data = data;
  entry->destroy = destroy;
  /* A new edit starts a new line of states: what was undone before it
   * cannot be redone on top of it. */
  g_queue_clear_full (&self->undone, entry_free);
  append_entry (self, entry);

  notify_if_flipped (self, before);
  g_signal_emit (self, signals[PUSHED], 0, entry->id, entry->title);
  return entry->id;
}

/* Takes @entry out of the queue first, so that an undo that pushes or
 * undoes (re-entrancy through the model's signals) sees a consistent
 * history.  A reverted entry that can be made again goes on the redo
 * stack. */
static gboolean
run_entry (CwaHistory *self,
           GList      *link)
{
  Entry *entry = link->data;
  Flags before = flags_now (self);
  gboolean reverted;

  g_queue_delete_link (&self->entries, link);
  notify_if_flipped (self, before);
  reverted = entry->undo (entry->data);
  before = flags_now (self);
  if (reverted && entry->redo != NULL)
    g_queue_push_head (&self->undone, entry);
  else
    entry_free (entry);
  notify_if_flipped (self, before);
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
cwa_history_redo (CwaHistory *self)
{
  Entry *entry;
  Flags before;
  gboolean made;

  g_return_val_if_fail (CWA_IS_HISTORY (self), FALSE);

  if (g_queue_is_empty (&self->undone))
    return FALSE;
  before = flags_now (self);
  entry = g_queue_pop_head (&self->undone);
  notify_if_flipped (self, before);
  made = entry->redo (entry->data);
  before = flags_now (self);
  if (made)
    append_entry (self, entry);
  else
    entry_free (entry);
  notify_if_flipped (self, before);
  return TRUE;
}

gboolean
cwa_history_get_can_redo (CwaHistory *self)
{
  g_return_val_if_fail (CWA_IS_HISTORY (self), FALSE);

  return !g_queue_is_empty (&self->undone);
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
  Flags before;

  g_return_if_fail (CWA_IS_HISTORY (self));

  before = flags_now (self);
  g_queue_clear_full (&self->entries, entry_free);
  g_queue_clear_full (&self->undone, entry_free);
  notify_if_flipped (self, before);
}

static void
cwa_history_finalize (GObject *object)
{
  CwaHistory *self = CWA_HISTORY (object);

  g_queue_clear_full (&self->entries, entry_free);
  g_queue_clear_full (&self->undone, entry_free);

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
    case PROP_CAN_REDO:
      g_value_set_boolean (value, cwa_history_get_can_redo (self));
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
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
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
  g_queue_init (&self->undone);
}

CwaHistory *
cwa_history_new (void)
{
  return g_object_new (CWA_TYPE_HISTORY, NULL);
}

/* cwa-plan-edits.c: the undoable edits of a plan, each recorded on the plan's history. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cwa-plan-edits.h"
#include "cwa-plan-private.h"

/* An edit is a list of primitive changes, made in order and reverted in
 * reverse order.  Every verb records the same kind of list. */
typedef enum
{
  CHANGE_ASSIGN,   /* @item's role certificate went from @before to @after */
  CHANGE_REMOVE,   /* @item was taken out of @container at @position */
  CHANGE_INSERT,   /* @item was put into @container */
} ChangeKind;

typedef struct
{
  ChangeKind          kind;
  GObject            *item;
  /* Weak: a plan is a container too, and it owns the history. */
  GWeakRef            container;
  guint               position;
  CwaCertificate     *before;
  CwaCertificate     *after;
  CwaPlanEntrySource *source;    /* a removed certificate entry's record */
} Change;

static void
change_free (gpointer data)
{
  Change *change = data;

  g_clear_object (&change->item);
  g_weak_ref_clear (&change->container);
  g_clear_object (&change->before);
  g_clear_object (&change->after);
  g_clear_pointer (&change->source, _cwa_plan_entry_source_free);
  g_free (change);
}

static Change *
change_add (GPtrArray  *changes,
            ChangeKind  kind,
            gpointer    item,
            gpointer    container)
{
  Change *change = g_new0 (Change, 1);

  change->kind = kind;
  change->item = g_object_ref (item);
  g_weak_ref_init (&change->container, container);
  g_ptr_array_add (changes, change);
  return change;
}

/* Roles: the certificate a computer (MTLS) or virtual server (SSL) holds. */

static gboolean
is_role (gpointer subject)
{
  return CWA_IS_SERVER (subject) || CWA_IS_VIRTUAL_SERVER (subject);
}

static CwaCertificate *
role_get (gpointer subject)
{
  if (CWA_IS_SERVER (subject))
    return cwa_server_get_mtls_certificate (subject);
  return cwa_virtual_server_get_ssl_certificate (subject);
}

static void
role_set (gpointer        subject,
          CwaCertificate *certificate)
{
  if (CWA_IS_SERVER (subject))
    cwa_server_set_mtls_certificate (subject, certificate);
  else
    cwa_virtual_server_set_ssl_certificate (subject, certificate);
}

/* Containers: the deployment's computers, a computer's virtual servers,
 * the plan's certificate entries. */

static GListModel *
container_items (GObject *container)
{
  if (CWA_IS_DEPLOYMENT (container))
    return cwa_deployment_get_servers (CWA_DEPLOYMENT (container));
  if (CWA_IS_SERVER (container))
    return cwa_server_get_virtual_servers (CWA_SERVER (container));
  g_assert (CWA_IS_PLAN (container));
  return cwa_plan_get_certificates (CWA_PLAN (container));
}

/* Certificates count as found when an equal one is there: the plan keeps
 * one entry per certificate. */
static gboolean
container_find (GObject  *container,
                GObject  *item,
                guint    *position)
{
  GListModel *items = container_items (container);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(GObject) other = g_list_model_get_item (items, i);

      if (other == item ||
          (CWA_IS_CERTIFICATE (item) && cwa_certificate_equal (CWA_CERTIFICATE (other), CWA_CERTIFICATE (item))))
        {
          if (position != NULL)
            *position = i;
          return TRUE;
        }
    }
  return FALSE;
}

static void
container_insert (GObject            *container,
                  guint               position,
                  GObject            *item,
                  CwaPlanEntrySource *source)
{
  if (CWA_IS_DEPLOYMENT (container))
    cwa_deployment_insert_server (CWA_DEPLOYMENT (container), position, CWA_SERVER (item));
  else if (CWA_IS_SERVER (container))
    cwa_server_insert_virtual_server (CWA_SERVER (container), position, CWA_VIRTUAL_SERVER (item));
  else if (!_cwa_plan_restore_certificate (CWA_PLAN (container), position, CWA_CERTIFICATE (item), source))
    g_assert_not_reached ();
}

static void
container_remove (GObject *container,
                  GObject *item)
{
  if (CWA_IS_DEPLOYMENT (container))
    cwa_deployment_remove_server (CWA_DEPLOYMENT (container), CWA_SERVER (item));
  else if (CWA_IS_SERVER (container))
    cwa_server_remove_virtual_server (CWA_SERVER (container), CWA_VIRTUAL_SERVER (item));
  else
    cwa_plan_remove_certificate (CWA_PLAN (container), CWA_CERTIFICATE (item));
}

/* Undo. */

static gboolean
change_in_place (Change *change)
{
  g_autoptr(GObject) container = g_weak_ref_get (&change->container);

  switch (change->kind)
    {
    case CHANGE_ASSIGN:
      return role_get (change->item) == change->after;
    case CHANGE_REMOVE:
      return container != NULL && !container_find (container, change->item, NULL);
    case CHANGE_INSERT:
      return container != NULL && container_find (container, change->item, NULL);
    default:
      g_assert_not_reached ();
    }
}

static void
change_revert (Change *change)
{
  g_autoptr(GObject) container = g_weak_ref_get (&change->container);

  switch (change->kind)
    {
    case CHANGE_ASSIGN:
      role_set (change->item, change->before);
      break;
    case CHANGE_REMOVE:
      container_insert (container, change->position, change->item, g_steal_pointer (&change->source));
      break;
    case CHANGE_INSERT:
      container_remove (container, change->item);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* All or nothing: an edit a newer one overlaid is not reverted at all. */
static gboolean
edit_undo (gpointer data)
{
  GPtrArray *changes = data;

  for (guint i = 0; i < changes->len; i++)
    if (!change_in_place (g_ptr_array_index (changes, i)))
      return FALSE;
  for (guint i = changes->len; i > 0; i--)
    change_revert (g_ptr_array_index (changes, i - 1));
  return TRUE;
}

static void
record (CwaPlan   *plan,
        GPtrArray *changes,
        gchar     *title)
{
  g_autofree gchar *owned_title = title;

  cwa_history_push (cwa_plan_get_history (plan), owned_title, edit_undo,
                    changes, (GDestroyNotify) g_ptr_array_unref);
}

static GPtrArray *
changes_new (void)
{
  return g_ptr_array_new_with_free_func (change_free);
}

static const gchar *
subject_label (gpointer subject)
{
  if (CWA_IS_SERVER (subject))
    return cwa_server_get_fqdn (subject);
  if (CWA_IS_VIRTUAL_SERVER (subject))
    return cwa_virtual_server_get_host (subject);
  return cwa_certificate_get_display_name (subject);
}

/* The verbs. */

gboolean
cwa_plan_edits_assign (CwaPlan        *plan,
                       gpointer        subject,
                       CwaCertificate *certificate)
{
  GPtrArray *changes;
  Change *change;
  CwaCertificate *previous;

  g_return_val_if_fail (CWA_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (is_role (subject), FALSE);
  g_return_val_if_fail (certificate == NULL || CWA_IS_CERTIFICATE (certificate), FALSE);

  previous = role_get (subject);
  if (previous == certificate)
    return FALSE;

  changes = changes_new ();
  change = change_add (changes, CHANGE_ASSIGN, subject, NULL);
  g_set_object (&change->before, previous);
  g_set_object (&change->after, certificate);
  role_set (subject, certificate);

  if (certificate != NULL)
    /* Translators: a toast after a drop: certificate, then computer or virtual server */
    record (plan, changes, g_strdup_printf (_("“%s” assigned to %s"),
                                            cwa_certificate_get_display_name (certificate), subject_label (subject)));
  else
    /* Translators: a toast: the computer or virtual server lost its certificate */
    record (plan, changes, g_strdup_printf (_("Certificate removed from %s"), subject_label (subject)));
  return TRUE;
}

gboolean
cwa_plan_edits_move_virtual_server (CwaPlan          *plan,
                                    CwaVirtualServer *virtual_server,
                                    CwaServer        *server)
{
  GPtrArray *changes;
  CwaServer *from;
  Change *removal;

  g_return_val_if_fail (CWA_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (CWA_IS_VIRTUAL_SERVER (virtual_server), FALSE);
  g_return_val_if_fail (CWA_IS_SERVER (server), FALSE);

  from = cwa_virtual_server_get_server (virtual_server);
  if (from == NULL || from == server)
    return FALSE;

  changes = changes_new ();
  removal = change_add (changes, CHANGE_REMOVE, virtual_server, from);
  container_find (G_OBJECT (from), G_OBJECT (virtual_server), &removal->position);
  change_add (changes, CHANGE_INSERT, virtual_server, server);
  cwa_server_remove_virtual_server (from, virtual_server);
  cwa_server_add_virtual_server (server, virtual_server);

  /* Translators: a toast after dragging a virtual server to another computer */
  record (plan, changes, g_strdup_printf (_("%s moved to %s"),
                                          subject_label (virtual_server), cwa_server_get_fqdn (server)));
  return TRUE;
}

/* Takes @item out of @container, recording where it was. */
static gboolean
delete_from (CwaPlan  *plan,
             gpointer  container,
             gpointer  item)
{
  GPtrArray *changes;
  Change *removal;
  guint position;

  if (!container_find (container, item, &position))
    return FALSE;

  changes = changes_new ();
  removal = change_add (changes, CHANGE_REMOVE, item, container);
  removal->position = position;
  container_remove (container, item);

  /* Translators: a toast after deleting a computer or virtual server */
  record (plan, changes, g_strdup_printf (_("“%s” removed"), subject_label (item)));
  return TRUE;
}

gboolean
cwa_plan_edits_delete_server (CwaPlan   *plan,
                              CwaServer *server)
{
  g_return_val_if_fail (CWA_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (CWA_IS_SERVER (server), FALSE);

  return delete_from (plan, cwa_plan_get_deployment (plan), server);
}

gboolean
cwa_plan_edits_delete_virtual_server (CwaPlan          *plan,
                                      CwaVirtualServer *virtual_server)
{
  CwaServer *server;

  g_return_val_if_fail (CWA_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (CWA_IS_VIRTUAL_SERVER (virtual_server), FALSE);

  server = cwa_virtual_server_get_server (virtual_server);
  if (server == NULL)
    return FALSE;
  return delete_from (plan, server, virtual_server);
}

/* Records the unassignment of every role holding @certificate, as
 * cwa_plan_remove_certificate() is about to do it. */
static void
add_unassignments (GPtrArray      *changes,
                   CwaDeployment  *deployment,
                   CwaCertificate *certificate)
{
  GListModel *servers = cwa_deployment_get_servers (deployment);

  for (guint i = 0; i < g_list_model_get_n_items (servers); i++)
    {
      g_autoptr(CwaServer) server = g_list_model_get_item (servers, i);
      GListModel *vss = cwa_server_get_virtual_servers (server);
      g_autoptr(GPtrArray) subjects = g_ptr_array_new_with_free_func (g_object_unref);

      g_ptr_array_add (subjects, g_object_ref (server));
      for (guint j = 0; j < g_list_model_get_n_items (vss); j++)
        g_ptr_array_add (subjects, g_list_model_get_item (vss, j));

      for (guint j = 0; j < subjects->len; j++)
        {
          gpointer subject = g_ptr_array_index (subjects, j);
          CwaCertificate *held = role_get (subject);

          if (held != NULL && (held == certificate || cwa_certificate_equal (held, certificate)))
            g_set_object (&change_add (changes, CHANGE_ASSIGN, subject, NULL)->before, held);
        }
    }
}

gboolean
cwa_plan_edits_delete_certificate (CwaPlan        *plan,
                                   CwaCertificate *certificate)
{
  GPtrArray *changes;
  Change *removal;
  guint position;
  g_autoptr(CwaCertificate) entry = NULL;

  g_return_val_if_fail (CWA_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (CWA_IS_CERTIFICATE (certificate), FALSE);

  if (!container_find (G_OBJECT (plan), G_OBJECT (certificate), &position))
    return FALSE;
  /* The plan's own instance, should @certificate only equal it. */
  entry = g_list_model_get_item (cwa_plan_get_certificates (plan), position);
  certificate = entry;

  changes = changes_new ();
  add_unassignments (changes, cwa_plan_get_deployment (plan), certificate);
  removal = change_add (changes, CHANGE_REMOVE, certificate, plan);
  removal->position = position;
  removal->source = _cwa_plan_steal_entry_source (plan, certificate);
  cwa_plan_remove_certificate (plan, certificate);

  /* Translators: a toast after removing a certificate from the plan */
  record (plan, changes, g_strdup_printf (_("“%s” removed"), cwa_certificate_get_display_name (certificate)));
  return TRUE;
}

/* cwa-plan-edits.c: the undoable edits of a plan, each recorded on the plan's history. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cwa-names.h"
#include "cwa-plan-edits.h"
#include "cwa-plan-private.h"

/* An edit is a list of primitive changes, made in order and reverted in
 * reverse order.  Every verb records the same kind of list. */
typedef enum
{
  CHANGE_ASSIGN,   /* @item's role certificate went from @before to @after */
  CHANGE_REMOVE,   /* @item (or member @name) was taken out of @container at @position */
  CHANGE_INSERT,   /* @item (or member @name) was put into @container at @position */
  CHANGE_VALUE,    /* @item's boolean or enum property @name went from @old_value to @value */
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
  gchar              *name;      /* a load balancer member, or a property */
  gint                old_value;
  gint                value;
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
  g_free (change->name);
  g_free (change);
}

/* @item may be NULL for a load balancer's member (@container then is the
 * load balancer, and the caller sets the change's name). */
static Change *
change_add (GPtrArray  *changes,
            ChangeKind  kind,
            gpointer    item,
            gpointer    container)
{
  Change *change = g_new0 (Change, 1);

  change->kind = kind;
  change->item = item != NULL ? g_object_ref (item) : NULL;
  g_weak_ref_init (&change->container, container);
  g_ptr_array_add (changes, change);
  return change;
}

/* Roles: the certificate a computer (MTLS), virtual server (SSL), load
 * balancer (SSL when offloading) or listener holds. */

static gboolean
is_role (gpointer subject)
{
  return CWA_IS_SERVER (subject) || CWA_IS_VIRTUAL_SERVER (subject) ||
         CWA_IS_LOAD_BALANCER (subject) || CWA_IS_PUBLISHING_RULE (subject);
}

static CwaCertificate *
role_get (gpointer subject)
{
  if (CWA_IS_SERVER (subject))
    return cwa_server_get_mtls_certificate (subject);
  if (CWA_IS_LOAD_BALANCER (subject))
    return cwa_load_balancer_get_ssl_certificate (subject);
  if (CWA_IS_PUBLISHING_RULE (subject))
    return cwa_publishing_rule_get_listener_certificate (subject);
  return cwa_virtual_server_get_ssl_certificate (subject);
}

static void
role_set (gpointer        subject,
          CwaCertificate *certificate)
{
  if (CWA_IS_SERVER (subject))
    cwa_server_set_mtls_certificate (subject, certificate);
  else if (CWA_IS_LOAD_BALANCER (subject))
    cwa_load_balancer_set_ssl_certificate (subject, certificate);
  else if (CWA_IS_PUBLISHING_RULE (subject))
    cwa_publishing_rule_set_listener_certificate (subject, certificate);
  else
    cwa_virtual_server_set_ssl_certificate (subject, certificate);
}

/* Containers: the deployment's computers, load balancers and reverse
 * proxies, a computer's virtual servers, a reverse proxy's publishing rules
 * and trusted certificates, the plan's certificate entries, and a load
 * balancer's member names (handled apart: names are no objects). */

static GListModel *
container_items (GObject *container,
                 GObject *item)
{
  if (CWA_IS_DEPLOYMENT (container))
    {
      if (CWA_IS_LOAD_BALANCER (item))
        return cwa_deployment_get_load_balancers (CWA_DEPLOYMENT (container));
      if (CWA_IS_REVERSE_PROXY (item))
        return cwa_deployment_get_reverse_proxies (CWA_DEPLOYMENT (container));
      return cwa_deployment_get_servers (CWA_DEPLOYMENT (container));
    }
  if (CWA_IS_SERVER (container))
    return cwa_server_get_virtual_servers (CWA_SERVER (container));
  if (CWA_IS_REVERSE_PROXY (container))
    {
      if (CWA_IS_CERTIFICATE (item))
        return cwa_reverse_proxy_get_trusted_certificates (CWA_REVERSE_PROXY (container));
      return cwa_reverse_proxy_get_publishing_rules (CWA_REVERSE_PROXY (container));
    }
  g_assert (CWA_IS_PLAN (container));
  return cwa_plan_get_certificates (CWA_PLAN (container));
}

static gboolean
member_find (CwaLoadBalancer *load_balancer,
             const gchar     *name,
             guint           *position)
{
  const gchar * const *members = cwa_load_balancer_get_members (load_balancer);
  g_autofree gchar *host = cwa_name_normalize_lenient (name);

  for (guint i = 0; members[i] != NULL; i++)
    {
      g_autofree gchar *other = cwa_name_normalize_lenient (members[i]);

      if (g_strcmp0 (host, other) == 0)
        {
          if (position != NULL)
            *position = i;
          return TRUE;
        }
    }
  return FALSE;
}

/* Certificates count as found when an equal one is there: the plan keeps
 * one entry per certificate. */
static gboolean
container_find (GObject     *container,
                GObject     *item,
                const gchar *name,
                guint       *position)
{
  GListModel *items;

  if (CWA_IS_LOAD_BALANCER (container))
    return member_find (CWA_LOAD_BALANCER (container), name, position);

  items = container_items (container, item);
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
member_insert (CwaLoadBalancer *load_balancer,
               guint            position,
               const gchar     *name)
{
  const gchar * const *members = cwa_load_balancer_get_members (load_balancer);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) updated = NULL;
  guint i;

  for (i = 0; members[i] != NULL && i < position; i++)
    g_strv_builder_add (builder, members[i]);
  g_strv_builder_add (builder, name);
  for (; members[i] != NULL; i++)
    g_strv_builder_add (builder, members[i]);
  updated = g_strv_builder_end (builder);
  cwa_load_balancer_set_members (load_balancer, (const gchar * const *) updated);
}

/* CwaReverseProxy only appends trusted certificates: the ones after
 * @position go out and come back after @certificate. */
static void
trusted_insert (CwaReverseProxy *proxy,
                guint            position,
                CwaCertificate  *certificate)
{
  GListModel *trusted = cwa_reverse_proxy_get_trusted_certificates (proxy);
  g_autoptr(GPtrArray) after = g_ptr_array_new_with_free_func (g_object_unref);

  while (g_list_model_get_n_items (trusted) > position)
    {
      CwaCertificate *last = g_list_model_get_item (trusted, g_list_model_get_n_items (trusted) - 1);

      g_ptr_array_insert (after, 0, last);
      cwa_reverse_proxy_remove_trusted_certificate (proxy, last);
    }
  cwa_reverse_proxy_add_trusted_certificate (proxy, certificate);
  for (guint i = 0; i < after->len; i++)
    cwa_reverse_proxy_add_trusted_certificate (proxy, g_ptr_array_index (after, i));
}

static void
deployment_insert (CwaDeployment *deployment,
                   guint          position,
                   GObject       *item)
{
  if (CWA_IS_LOAD_BALANCER (item))
    cwa_deployment_insert_load_balancer (deployment, position, CWA_LOAD_BALANCER (item));
  else if (CWA_IS_REVERSE_PROXY (item))
    cwa_deployment_insert_reverse_proxy (deployment, position, CWA_REVERSE_PROXY (item));
  else
    cwa_deployment_insert_server (deployment, position, CWA_SERVER (item));
}

static void
container_insert (GObject            *container,
                  guint               position,
                  GObject            *item,
                  const gchar        *name,
                  CwaPlanEntrySource *source)
{
  if (CWA_IS_DEPLOYMENT (container))
    deployment_insert (CWA_DEPLOYMENT (container), position, item);
  else if (CWA_IS_SERVER (container))
    cwa_server_insert_virtual_server (CWA_SERVER (container), position, CWA_VIRTUAL_SERVER (item));
  else if (CWA_IS_LOAD_BALANCER (container))
    member_insert (CWA_LOAD_BALANCER (container), position, name);
  else if (CWA_IS_REVERSE_PROXY (container) && CWA_IS_CERTIFICATE (item))
    trusted_insert (CWA_REVERSE_PROXY (container), position, CWA_CERTIFICATE (item));
  else if (CWA_IS_REVERSE_PROXY (container))
    cwa_reverse_proxy_insert_publishing_rule (CWA_REVERSE_PROXY (container), position, CWA_PUBLISHING_RULE (item));
  else if (!_cwa_plan_restore_certificate (CWA_PLAN (container), position, CWA_CERTIFICATE (item), source))
    g_assert_not_reached ();
}

static void
container_remove (GObject     *container,
                  GObject     *item,
                  const gchar *name)
{
  if (CWA_IS_DEPLOYMENT (container) && CWA_IS_LOAD_BALANCER (item))
    cwa_deployment_remove_load_balancer (CWA_DEPLOYMENT (container), CWA_LOAD_BALANCER (item));
  else if (CWA_IS_DEPLOYMENT (container) && CWA_IS_REVERSE_PROXY (item))
    cwa_deployment_remove_reverse_proxy (CWA_DEPLOYMENT (container), CWA_REVERSE_PROXY (item));
  else if (CWA_IS_DEPLOYMENT (container))
    cwa_deployment_remove_server (CWA_DEPLOYMENT (container), CWA_SERVER (item));
  else if (CWA_IS_SERVER (container))
    cwa_server_remove_virtual_server (CWA_SERVER (container), CWA_VIRTUAL_SERVER (item));
  else if (CWA_IS_LOAD_BALANCER (container))
    cwa_load_balancer_remove_member (CWA_LOAD_BALANCER (container), name);
  else if (CWA_IS_REVERSE_PROXY (container) && CWA_IS_CERTIFICATE (item))
    cwa_reverse_proxy_remove_trusted_certificate (CWA_REVERSE_PROXY (container), CWA_CERTIFICATE (item));
  else if (CWA_IS_REVERSE_PROXY (container))
    cwa_reverse_proxy_remove_publishing_rule (CWA_REVERSE_PROXY (container), CWA_PUBLISHING_RULE (item));
  else
    cwa_plan_remove_certificate (CWA_PLAN (container), CWA_CERTIFICATE (item));
}

/* Boolean and enum properties ("ssl-offload", "audience"): both travel
 * through varargs as a gint. */

static gint
value_get (GObject     *item,
           const gchar *property)
{
  gint value = 0;

  g_object_get (item, property, &value, NULL);
  return value;
}

/* Undo. */

/* A certificate entry added by an edit that was assigned since: taking it
 * out again would also clear that newer assignment. */
static gboolean
entry_in_use (GObject *container,
              GObject *item)
{
  g_auto(GStrv) roles = NULL;

  if (!CWA_IS_PLAN (container) || !CWA_IS_CERTIFICATE (item))
    return FALSE;
  roles = cwa_plan_dup_certificate_roles (CWA_PLAN (container), CWA_CERTIFICATE (item));
  return roles[0] != NULL;
}

static gboolean
change_in_place (Change *change)
{
  g_autoptr(GObject) container = g_weak_ref_get (&change->container);

  switch (change->kind)
    {
    case CHANGE_ASSIGN:
      return role_get (change->item) == change->after;
    case CHANGE_REMOVE:
      return container != NULL && !container_find (container, change->item, change->name, NULL);
    case CHANGE_INSERT:
      return container != NULL && container_find (container, change->item, change->name, NULL) &&
             !entry_in_use (container, change->item);
    case CHANGE_VALUE:
      return value_get (change->item, change->name) == change->value;
    default:
      g_assert_not_reached ();
    }
}

/* Whether the state @change was made on is back: redo may make it again. */
static gboolean
change_undone (Change *change)
{
  g_autoptr(GObject) container = g_weak_ref_get (&change->container);

  switch (change->kind)
    {
    case CHANGE_ASSIGN:
      return role_get (change->item) == change->before;
    case CHANGE_REMOVE:
      return container != NULL && container_find (container, change->item, change->name, NULL);
    case CHANGE_INSERT:
      return container != NULL && !container_find (container, change->item, change->name, NULL);
    case CHANGE_VALUE:
      return value_get (change->item, change->name) == change->old_value;
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
      container_insert (container, change->position, change->item, change->name,
                        g_steal_pointer (&change->source));
      break;
    case CHANGE_INSERT:
      container_remove (container, change->item, change->name);
      break;
    case CHANGE_VALUE:
      g_object_set (change->item, change->name, change->old_value, NULL);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* A removed plan entry takes its file record with it again, for the next
 * undo. */
static void
change_make (Change *change)
{
  g_autoptr(GObject) container = g_weak_ref_get (&change->container);

  switch (change->kind)
    {
    case CHANGE_ASSIGN:
      role_set (change->item, change->after);
      break;
    case CHANGE_REMOVE:
      if (CWA_IS_PLAN (container))
        change->source = _cwa_plan_steal_entry_source (CWA_PLAN (container), CWA_CERTIFICATE (change->item));
      container_remove (container, change->item, change->name);
      break;
    case CHANGE_INSERT:
      /* Lists past @position may have shrunk since (an entry undone). */
      if (!CWA_IS_LOAD_BALANCER (container))
        change->position = MIN (change->position,
                                g_list_model_get_n_items (container_items (container, change->item)));
      container_insert (container, change->position, change->item, change->name, NULL);
      break;
    case CHANGE_VALUE:
      g_object_set (change->item, change->name, change->value, NULL);
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

/* All or nothing too, in the order the verb made the changes. */
static gboolean
edit_redo (gpointer data)
{
  GPtrArray *changes = data;

  for (guint i = 0; i < changes->len; i++)
    if (!change_undone (g_ptr_array_index (changes, i)))
      return FALSE;
  for (guint i = 0; i < changes->len; i++)
    change_make (g_ptr_array_index (changes, i));
  return TRUE;
}

static void
record (CwaPlan   *plan,
        GPtrArray *changes,
        gchar     *title)
{
  g_autofree gchar *owned_title = title;

  cwa_history_push_redoable (cwa_plan_get_history (plan), owned_title, edit_undo, edit_redo,
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
  if (CWA_IS_LOAD_BALANCER (subject))
    return cwa_load_balancer_get_fqdn (subject);
  if (CWA_IS_REVERSE_PROXY (subject))
    return cwa_reverse_proxy_get_fqdn (subject);
  if (CWA_IS_PUBLISHING_RULE (subject))
    return cwa_publishing_rule_get_published_url (subject);
  return cwa_certificate_get_display_name (subject);
}

/* The verbs. */

CwaCertificate *
cwa_plan_edits_get_assigned (gpointer subject)
{
  return is_role (subject) ? role_get (subject) : NULL;
}

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
  container_find (G_OBJECT (from), G_OBJECT (virtual_server), NULL, &removal->position);
  change_add (changes, CHANGE_INSERT, virtual_server, server)->position =
    g_list_model_get_n_items (cwa_server_get_virtual_servers (server));
  cwa_server_remove_virtual_server (from, virtual_server);
  cwa_server_add_virtual_server (server, virtual_server);

  /* Translators: a toast after dragging a virtual server to another computer */
  record (plan, changes, g_strdup_printf (_("%s moved to %s"),
                                          subject_label (virtual_server), cwa_server_get_fqdn (server)));
  return TRUE;
}

/* Records taking @item out of @container and does it; FALSE if it was not
 * there. */
static gboolean
add_removal (GPtrArray *changes,
             gpointer   container,
             gpointer   item)
{
  Change *removal;
  guint position;

  if (!container_find (container, item, NULL, &position))
    return FALSE;
  removal = change_add (changes, CHANGE_REMOVE, item, container);
  removal->position = position;
  container_remove (container, item, NULL);
  return TRUE;
}

/* Takes @item out of @container, recording where it was. */
static gboolean
delete_from (CwaPlan  *plan,
             gpointer  container,
             gpointer  item)
{
  GPtrArray *changes = changes_new ();

  if (!add_removal (changes, container, item))
    {
      g_ptr_array_unref (changes);
      return FALSE;
    }

  /* Translators: a toast after deleting a computer, virtual server, load balancer, reverse proxy or publishing rule */
  record (plan, changes, g_strdup_printf (_("“%s” removed"), subject_label (item)));
  return TRUE;
}

/* Records taking member @name out of @load_balancer and does it; FALSE if
 * it was no member. */
static gboolean
add_member_removal (GPtrArray       *changes,
                    CwaLoadBalancer *load_balancer,
                    const gchar     *name)
{
  Change *removal;
  guint position;

  if (!member_find (load_balancer, name, &position))
    return FALSE;
  removal = change_add (changes, CHANGE_REMOVE, NULL, load_balancer);
  removal->position = position;
  removal->name = g_strdup (cwa_load_balancer_get_members (load_balancer)[position]);
  cwa_load_balancer_remove_member (load_balancer, removal->name);
  return TRUE;
}

/* A deleted computer leaves the load balancers it was a member of in the
 * same step: undo makes it a member again. */
static gboolean
delete_server_and_memberships (CwaPlan   *plan,
                               CwaServer *server)
{
  CwaDeployment *deployment = cwa_plan_get_deployment (plan);
  GListModel *load_balancers = cwa_deployment_get_load_balancers (deployment);
  GPtrArray *changes = changes_new ();

  if (!add_removal (changes, deployment, server))
    {
      g_ptr_array_unref (changes);
      return FALSE;
    }
  for (guint i = 0; i < g_list_model_get_n_items (load_balancers); i++)
    {
      g_autoptr(CwaLoadBalancer) load_balancer = g_list_model_get_item (load_balancers, i);

      add_member_removal (changes, load_balancer, cwa_server_get_fqdn (server));
    }

  record (plan, changes, g_strdup_printf (_("“%s” removed"), subject_label (server)));
  return TRUE;
}

gboolean
cwa_plan_edits_delete_server (CwaPlan   *plan,
                              CwaServer *server)
{
  g_return_val_if_fail (CWA_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (CWA_IS_SERVER (server), FALSE);

  return delete_server_and_memberships (plan, server);
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

static void
add_unassignment (GPtrArray      *changes,
                  gpointer        subject,
                  CwaCertificate *certificate)
{
  CwaCertificate *held = role_get (subject);

  if (held != NULL && (held == certificate || cwa_certificate_equal (held, certificate)))
    g_set_object (&change_add (changes, CHANGE_ASSIGN, subject, NULL)->before, held);
}

static void
add_server_unassignments (GPtrArray      *changes,
                          CwaDeployment  *deployment,
                          CwaCertificate *certificate)
{
  GListModel *servers = cwa_deployment_get_servers (deployment);

  for (guint i = 0; i < g_list_model_get_n_items (servers); i++)
    {
      g_autoptr(CwaServer) server = g_list_model_get_item (servers, i);
      GListModel *vss = cwa_server_get_virtual_servers (server);

      add_unassignment (changes, server, certificate);
      for (guint j = 0; j < g_list_model_get_n_items (vss); j++)
        {
          g_autoptr(CwaVirtualServer) vs = g_list_model_get_item (vss, j);

          add_unassignment (changes, vs, certificate);
        }
    }
}

/* Load balancers and listeners, and the proxies' trusted certificates
 * (recorded as removals, so undo puts them back in their place). */
static void
add_front_end_unassignments (GPtrArray      *changes,
                             CwaDeployment  *deployment,
                             CwaCertificate *certificate)
{
  GListModel *load_balancers = cwa_deployment_get_load_balancers (deployment);
  GListModel *proxies = cwa_deployment_get_reverse_proxies (deployment);

  for (guint i = 0; i < g_list_model_get_n_items (load_balancers); i++)
    {
      g_autoptr(CwaLoadBalancer) load_balancer = g_list_model_get_item (load_balancers, i);

      add_unassignment (changes, load_balancer, certificate);
    }
  for (guint i = 0; i < g_list_model_get_n_items (proxies); i++)
    {
      g_autoptr(CwaReverseProxy) proxy = g_list_model_get_item (proxies, i);
      GListModel *rules = cwa_reverse_proxy_get_publishing_rules (proxy);
      Change *removal;
      guint position;

      for (guint j = 0; j < g_list_model_get_n_items (rules); j++)
        {
          g_autoptr(CwaPublishingRule) rule = g_list_model_get_item (rules, j);

          add_unassignment (changes, rule, certificate);
        }
      if (container_find (G_OBJECT (proxy), G_OBJECT (certificate), NULL, &position))
        {
          removal = change_add (changes, CHANGE_REMOVE, certificate, proxy);
          removal->position = position;
        }
    }
}

/* Records the unassignment of every role holding @certificate, as
 * cwa_plan_remove_certificate() is about to do it. */
static void
add_unassignments (GPtrArray      *changes,
                   CwaDeployment  *deployment,
                   CwaCertificate *certificate)
{
  add_server_unassignments (changes, deployment, certificate);
  add_front_end_unassignments (changes, deployment, certificate);
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

  if (!container_find (G_OBJECT (plan), G_OBJECT (certificate), NULL, &position))
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

/* Records putting @item at the end of @container's list and does it. */
static void
add_insertion (GPtrArray *changes,
               gpointer   container,
               gpointer   item)
{
  GListModel *items = container_items (container, item);
  Change *insertion = change_add (changes, CHANGE_INSERT, item, container);

  insertion->position = g_list_model_get_n_items (items);
  container_insert (container, insertion->position, item, NULL, NULL);
}

CwaCertificate *
cwa_plan_edits_add_certificate (CwaPlan        *plan,
                                CwaCertificate *certificate)
{
  GPtrArray *changes;

  g_return_val_if_fail (CWA_IS_PLAN (plan), NULL);
  g_return_val_if_fail (CWA_IS_CERTIFICATE (certificate), NULL);

  if (container_find (G_OBJECT (plan), G_OBJECT (certificate), NULL, NULL))
    return NULL;

  changes = changes_new ();
  add_insertion (changes, plan, certificate);
  /* Translators: a toast after adding a certificate to the plan */
  record (plan, changes, g_strdup_printf (_("“%s” added"), cwa_certificate_get_display_name (certificate)));
  return certificate;
}

/* Records setting @item's boolean or enum @property to @value and does it. */
static void
add_value_change (GPtrArray   *changes,
                  gpointer     item,
                  const gchar *property,
                  gint         value)
{
  Change *change = change_add (changes, CHANGE_VALUE, item, NULL);

  change->name = g_strdup (property);
  change->old_value = value_get (item, property);
  change->value = value;
  g_object_set (item, property, value, NULL);
}

/* Computers and virtual servers. */

gboolean
cwa_plan_edits_add_server (CwaPlan   *plan,
                           CwaServer *server)
{
  CwaDeployment *deployment;
  GPtrArray *changes;

  g_return_val_if_fail (CWA_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (CWA_IS_SERVER (server), FALSE);

  deployment = cwa_plan_get_deployment (plan);
  if (container_find (G_OBJECT (deployment), G_OBJECT (server), NULL, NULL) ||
      cwa_deployment_find_server (deployment, cwa_server_get_fqdn (server)) != NULL)
    return FALSE;

  changes = changes_new ();
  add_insertion (changes, deployment, server);
  /* Translators: a toast after adding a computer */
  record (plan, changes, g_strdup_printf (_("Computer “%s” added"), subject_label (server)));
  return TRUE;
}

gboolean
cwa_plan_edits_add_virtual_server (CwaPlan          *plan,
                                   CwaServer        *server,
                                   CwaVirtualServer *virtual_server)
{
  CwaDeployment *deployment;
  GPtrArray *changes;

  g_return_val_if_fail (CWA_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (CWA_IS_SERVER (server), FALSE);
  g_return_val_if_fail (CWA_IS_VIRTUAL_SERVER (virtual_server), FALSE);

  if (cwa_virtual_server_get_server (virtual_server) != NULL)
    return FALSE;

  deployment = cwa_plan_get_deployment (plan);
  changes = changes_new ();
  if (!container_find (G_OBJECT (deployment), G_OBJECT (server), NULL, NULL))
    add_insertion (changes, deployment, server);
  add_insertion (changes, server, virtual_server);
  /* Translators: a toast: the new virtual server's URL host, then its computer */
  record (plan, changes, g_strdup_printf (_("Virtual server %s added to %s"),
                                          subject_label (virtual_server), subject_label (server)));
  return TRUE;
}

gboolean
cwa_plan_edits_set_audience (CwaPlan          *plan,
                             CwaVirtualServer *virtual_server,
                             CwaAudience       audience)
{
  GPtrArray *changes;

  g_return_val_if_fail (CWA_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (CWA_IS_VIRTUAL_SERVER (virtual_server), FALSE);

  if (cwa_virtual_server_get_audience (virtual_server) == audience)
    return FALSE;

  changes = changes_new ();
  add_value_change (changes, virtual_server, "audience", audience);
  record (plan, changes, g_strdup_printf (audience == CWA_AUDIENCE_EXTERNAL
                                          /* Translators: a toast; %s is the virtual server's URL host */
                                          ? _("%s is for external users")
                                          /* Translators: a toast; %s is the virtual server's URL host */
                                          : _("%s is for internal users"),
                                          subject_label (virtual_server)));
  return TRUE;
}

/* Load balancers, reverse proxies and publishing rules. */

/* Appends @item, a load balancer or reverse proxy not in the deployment
 * yet, to its list; @title is taken. */
static gboolean
add_to_deployment (CwaPlan *plan,
                   gpointer item,
                   gchar   *title)
{
  CwaDeployment *deployment = cwa_plan_get_deployment (plan);
  GPtrArray *changes;

  if (container_find (G_OBJECT (deployment), item, NULL, NULL))
    {
      g_free (title);
      return FALSE;
    }

  changes = changes_new ();
  add_insertion (changes, deployment, item);
  record (plan, changes, title);
  return TRUE;
}

gboolean
cwa_plan_edits_add_load_balancer (CwaPlan         *plan,
                                  CwaLoadBalancer *load_balancer)
{
  g_return_val_if_fail (CWA_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (CWA_IS_LOAD_BALANCER (load_balancer), FALSE);

  /* Translators: a toast after adding a load balancer */
  return add_to_deployment (plan, load_balancer, g_strdup_printf (_("Load balancer “%s” added"),
                                                                  subject_label (load_balancer)));
}

gboolean
cwa_plan_edits_delete_load_balancer (CwaPlan         *plan,
                                     CwaLoadBalancer *load_balancer)
{
  g_return_val_if_fail (CWA_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (CWA_IS_LOAD_BALANCER (load_balancer), FALSE);

  return delete_from (plan, cwa_plan_get_deployment (plan), load_balancer);
}

/* Records appending member @fqdn to @load_balancer and does it. */
static void
add_member_insertion (GPtrArray       *changes,
                      CwaLoadBalancer *load_balancer,
                      const gchar     *fqdn)
{
  Change *insertion = change_add (changes, CHANGE_INSERT, NULL, load_balancer);

  insertion->name = g_strdup (fqdn);
  insertion->position = g_strv_length ((gchar **) cwa_load_balancer_get_members (load_balancer));
  cwa_load_balancer_add_member (load_balancer, fqdn);
}

gboolean
cwa_plan_edits_add_member (CwaPlan         *plan,
                           CwaLoadBalancer *load_balancer,
                           const gchar     *fqdn)
{
  GPtrArray *changes;

  g_return_val_if_fail (CWA_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (CWA_IS_LOAD_BALANCER (load_balancer), FALSE);
  g_return_val_if_fail (fqdn != NULL, FALSE);

  if (*fqdn == '\0' || cwa_load_balancer_has_member (load_balancer, fqdn))
    return FALSE;

  changes = changes_new ();
  add_member_insertion (changes, load_balancer, fqdn);
  /* Translators: a toast: a computer, then the load balancer it joined */
  record (plan, changes, g_strdup_printf (_("%s added to %s"), fqdn, subject_label (load_balancer)));
  return TRUE;
}

gboolean
cwa_plan_edits_remove_member (CwaPlan         *plan,
                              CwaLoadBalancer *load_balancer,
                              const gchar     *fqdn)
{
  GPtrArray *changes;

  g_return_val_if_fail (CWA_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (CWA_IS_LOAD_BALANCER (load_balancer), FALSE);
  g_return_val_if_fail (fqdn != NULL, FALSE);

  changes = changes_new ();
  if (!add_member_removal (changes, load_balancer, fqdn))
    {
      g_ptr_array_unref (changes);
      return FALSE;
    }
  /* Translators: a toast: a computer, then the load balancer it left */
  record (plan, changes, g_strdup_printf (_("%s removed from %s"), fqdn, subject_label (load_balancer)));
  return TRUE;
}

gboolean
cwa_plan_edits_set_ssl_offload (CwaPlan         *plan,
                                CwaLoadBalancer *load_balancer,
                                gboolean         ssl_offload)
{
  GPtrArray *changes;

  g_return_val_if_fail (CWA_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (CWA_IS_LOAD_BALANCER (load_balancer), FALSE);

  ssl_offload = !!ssl_offload;
  if (cwa_load_balancer_get_ssl_offload (load_balancer) == ssl_offload)
    return FALSE;

  changes = changes_new ();
  add_value_change (changes, load_balancer, "ssl-offload", ssl_offload);
  record (plan, changes, g_strdup_printf (ssl_offload
                                          /* Translators: a toast; %s is the load balancer */
                                          ? _("%s offloads SSL")
                                          /* Translators: a toast; %s is the load balancer */
                                          : _("%s passes SSL through"),
                                          subject_label (load_balancer)));
  return TRUE;
}

gboolean
cwa_plan_edits_add_reverse_proxy (CwaPlan         *plan,
                                  CwaReverseProxy *proxy)
{
  g_return_val_if_fail (CWA_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (CWA_IS_REVERSE_PROXY (proxy), FALSE);

  /* Translators: a toast after adding a reverse proxy */
  return add_to_deployment (plan, proxy, g_strdup_printf (_("Reverse proxy “%s” added"), subject_label (proxy)));
}

gboolean
cwa_plan_edits_delete_reverse_proxy (CwaPlan         *plan,
                                     CwaReverseProxy *proxy)
{
  g_return_val_if_fail (CWA_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (CWA_IS_REVERSE_PROXY (proxy), FALSE);

  return delete_from (plan, cwa_plan_get_deployment (plan), proxy);
}

gboolean
cwa_plan_edits_add_publishing_rule (CwaPlan           *plan,
                                    CwaReverseProxy   *proxy,
                                    CwaPublishingRule *rule)
{
  CwaDeployment *deployment;
  GPtrArray *changes;

  g_return_val_if_fail (CWA_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (CWA_IS_REVERSE_PROXY (proxy), FALSE);
  g_return_val_if_fail (CWA_IS_PUBLISHING_RULE (rule), FALSE);

  if (cwa_publishing_rule_get_reverse_proxy (rule) != NULL)
    return FALSE;

  deployment = cwa_plan_get_deployment (plan);
  changes = changes_new ();
  if (!container_find (G_OBJECT (deployment), G_OBJECT (proxy), NULL, NULL))
    add_insertion (changes, deployment, proxy);
  add_insertion (changes, proxy, rule);
  /* Translators: a toast: the published URL, then the reverse proxy */
  record (plan, changes, g_strdup_printf (_("%s published through %s"),
                                          subject_label (rule), subject_label (proxy)));
  return TRUE;
}

gboolean
cwa_plan_edits_delete_publishing_rule (CwaPlan           *plan,
                                       CwaPublishingRule *rule)
{
  CwaReverseProxy *proxy;

  g_return_val_if_fail (CWA_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (CWA_IS_PUBLISHING_RULE (rule), FALSE);

  proxy = cwa_publishing_rule_get_reverse_proxy (rule);
  if (proxy == NULL)
    return FALSE;
  return delete_from (plan, proxy, rule);
}

gboolean
cwa_plan_edits_set_trusted (CwaPlan         *plan,
                            CwaReverseProxy *proxy,
                            CwaCertificate  *certificate,
                            gboolean         trusted)
{
  GPtrArray *changes;
  gboolean listed;

  g_return_val_if_fail (CWA_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (CWA_IS_REVERSE_PROXY (proxy), FALSE);
  g_return_val_if_fail (CWA_IS_CERTIFICATE (certificate), FALSE);

  listed = container_find (G_OBJECT (proxy), G_OBJECT (certificate), NULL, NULL);
  if (listed == !!trusted)
    return FALSE;

  changes = changes_new ();
  if (trusted)
    add_insertion (changes, proxy, certificate);
  else
    add_removal (changes, proxy, certificate);
  record (plan, changes, g_strdup_printf (trusted
                                          /* Translators: a toast: a CA certificate, then the reverse proxy */
                                          ? _("%s trusts “%s”")
                                          /* Translators: a toast: a CA certificate, then the reverse proxy */
                                          : _("%s no longer trusts “%s”"),
                                          subject_label (proxy), cwa_certificate_get_display_name (certificate)));
  return TRUE;
}

/* The computers holding a virtual server whose URL host is @host, in plan
 * order: a GPtrArray of CwaServer (borrowed). */
static GPtrArray *
servers_with_host (CwaDeployment *deployment,
                   const gchar   *host)
{
  GPtrArray *found = g_ptr_array_new ();
  CwaVirtualServerIter iter;
  CwaServer *server;
  CwaVirtualServer *vs;

  cwa_virtual_server_iter_init (&iter, deployment);
  while (cwa_virtual_server_iter_next (&iter, &server, &vs))
    if (g_strcmp0 (cwa_virtual_server_get_host (vs), host) == 0 && !g_ptr_array_find (found, server, NULL))
      g_ptr_array_add (found, server);
  return found;
}

guint
cwa_plan_edits_count_array_servers (CwaPlan          *plan,
                                    CwaVirtualServer *virtual_server)
{
  g_autoptr(GPtrArray) servers = NULL;

  g_return_val_if_fail (CWA_IS_PLAN (plan), 0);
  g_return_val_if_fail (CWA_IS_VIRTUAL_SERVER (virtual_server), 0);

  servers = servers_with_host (cwa_plan_get_deployment (plan), cwa_virtual_server_get_host (virtual_server));
  return servers->len;
}

/* TRUE when "Make array…" on a virtual server of @host would change
 * something: no load balancer of that name lists all of @servers. */
static gboolean
array_incomplete (CwaDeployment *deployment,
                  const gchar   *host,
                  GPtrArray     *servers)
{
  CwaLoadBalancer *load_balancer = cwa_deployment_find_load_balancer (deployment, host);

  if (servers->len < 2)
    return FALSE;
  for (guint i = 0; load_balancer != NULL && i < servers->len; i++)
    if (!cwa_load_balancer_has_member (load_balancer, cwa_server_get_fqdn (g_ptr_array_index (servers, i))))
      return TRUE;
  return load_balancer == NULL;
}

gboolean
cwa_plan_edits_can_make_array (CwaPlan          *plan,
                               CwaVirtualServer *virtual_server)
{
  CwaDeployment *deployment;
  const gchar *host;
  g_autoptr(GPtrArray) servers = NULL;

  g_return_val_if_fail (CWA_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (CWA_IS_VIRTUAL_SERVER (virtual_server), FALSE);

  deployment = cwa_plan_get_deployment (plan);
  host = cwa_virtual_server_get_host (virtual_server);
  if (host == NULL)
    return FALSE;
  servers = servers_with_host (deployment, host);
  return array_incomplete (deployment, host, servers);
}

CwaVirtualServer *
cwa_plan_edits_find_array_candidate (CwaPlan *plan)
{
  g_autoptr(GHashTable) checked = NULL;
  CwaDeployment *deployment;
  CwaVirtualServerIter iter;
  CwaVirtualServer *vs;

  g_return_val_if_fail (CWA_IS_PLAN (plan), NULL);

  deployment = cwa_plan_get_deployment (plan);
  /* The answer for a host is the same from each of its virtual servers. */
  checked = g_hash_table_new (g_str_hash, g_str_equal);
  cwa_virtual_server_iter_init (&iter, deployment);
  while (cwa_virtual_server_iter_next (&iter, NULL, &vs))
    {
      const gchar *host = cwa_virtual_server_get_host (vs);
      g_autoptr(GPtrArray) holders = NULL;

      if (host == NULL || !g_hash_table_add (checked, (gpointer) host))
        continue;
      holders = servers_with_host (deployment, host);
      if (array_incomplete (deployment, host, holders))
        return vs;
    }
  return NULL;
}

CwaLoadBalancer *
cwa_plan_edits_make_array (CwaPlan          *plan,
                           CwaVirtualServer *virtual_server)
{
  CwaDeployment *deployment;
  const gchar *host;
  g_autoptr(GPtrArray) servers = NULL;
  g_autoptr(CwaLoadBalancer) created = NULL;
  CwaLoadBalancer *load_balancer;
  GPtrArray *changes;

  g_return_val_if_fail (CWA_IS_PLAN (plan), NULL);
  g_return_val_if_fail (CWA_IS_VIRTUAL_SERVER (virtual_server), NULL);

  deployment = cwa_plan_get_deployment (plan);
  host = cwa_virtual_server_get_host (virtual_server);
  servers = servers_with_host (deployment, host);
  if (host == NULL || servers->len < 2)
    return NULL;

  changes = changes_new ();
  load_balancer = cwa_deployment_find_load_balancer (deployment, host);
  if (load_balancer == NULL)
    {
      created = cwa_load_balancer_new (host);
      load_balancer = created;
      add_insertion (changes, deployment, load_balancer);
    }
  for (guint i = 0; i < servers->len; i++)
    {
      const gchar *fqdn = cwa_server_get_fqdn (g_ptr_array_index (servers, i));

      if (!cwa_load_balancer_has_member (load_balancer, fqdn))
        add_member_insertion (changes, load_balancer, fqdn);
    }
  if (changes->len == 0)
    {
      g_ptr_array_unref (changes);
      return NULL;
    }

  /* Translators: a toast after "Make array…"; %s is the array FQDN */
  record (plan, changes, g_strdup_printf (_("Array “%s” made"), host));
  return load_balancer;
}

CwaPublishingRule *
cwa_plan_edits_publish (CwaPlan          *plan,
                        CwaVirtualServer *virtual_server,
                        CwaReverseProxy  *proxy)
{
  g_autoptr(CwaPublishingRule) rule = NULL;

  g_return_val_if_fail (CWA_IS_PLAN (plan), NULL);
  g_return_val_if_fail (CWA_IS_VIRTUAL_SERVER (virtual_server), NULL);
  g_return_val_if_fail (CWA_IS_REVERSE_PROXY (proxy), NULL);

  if (cwa_virtual_server_get_host (virtual_server) == NULL ||
      cwa_reverse_proxy_find_publishing_rule (proxy, cwa_virtual_server_get_host (virtual_server)) != NULL)
    return NULL;

  rule = cwa_publishing_rule_new (cwa_virtual_server_get_url (virtual_server),
                                  cwa_virtual_server_get_host (virtual_server));
  if (!cwa_plan_edits_add_publishing_rule (plan, proxy, rule))
    return NULL;
  return rule;
}

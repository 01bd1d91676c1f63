/* cwa-plan.c: the one model: a deployment, the certificates it knows, its settings, and "modified". */
#include "config.h"

#include "cwa-certificate-index.h"
#include "cwa-plan-private.h"

struct _CwaPlan
{
  GObject        parent_instance;

  gchar         *name;
  GFile         *file;
  guint          expiry_warning_days;
  CwaDeployment *deployment;
  GListStore    *certificates;
  GListStore    *chain_certificates;
  /* Kept in step with the two lists: finding a certificate in them must
   * not cost a walk over ten thousand. */
  CwaCertificateIndex *index;
  CwaCertificateIndex *chain_index;
  /* CwaCertificate (entry) -> CwaPlanEntrySource */
  GHashTable    *entry_sources;
  JsonObject    *settings_extra_members;
  /* Its undoable edits: owned here so that whoever holds a plan reaches
   * its one history, and another plan's edits can never be undone on it. */
  CwaHistory    *history;
  gboolean       modified;
  /* Bumped by every change of either certificate list. */
  guint64        pool_generation;
  /* Certificate id changes: the names findings give certificates. */
  guint64        names_stamp;
};

G_DEFINE_FINAL_TYPE (CwaPlan, cwa_plan, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_FILE,
  PROP_EXPIRY_WARNING_DAYS,
  PROP_DEPLOYMENT,
  PROP_CERTIFICATES,
  PROP_CHAIN_CERTIFICATES,
  PROP_MODIFIED,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Unknown JSON members ride along on the model objects as qdata, so the
 * public classes need no fields for a file format detail. */
static GQuark
cwa_extra_members_quark (void)
{
  return g_quark_from_static_string ("cwa-extra-members");
}

void
_cwa_object_set_extra_members (GObject    *object,
                               JsonObject *members)
{
  g_return_if_fail (G_IS_OBJECT (object));

  g_object_set_qdata_full (object, cwa_extra_members_quark (),
                           members != NULL ? json_object_ref (members) : NULL,
                           (GDestroyNotify) json_object_unref);
}

JsonObject *
_cwa_object_get_extra_members (GObject *object)
{
  g_return_val_if_fail (G_IS_OBJECT (object), NULL);

  return g_object_get_qdata (object, cwa_extra_members_quark ());
}

gboolean
_cwa_set_optional_string (gchar       **field,
                          const gchar  *value)
{
  if (value != NULL && *value == '\0')
    value = NULL;

  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

CwaPlanEntrySource *
_cwa_plan_entry_source_new (void)
{
  CwaPlanEntrySource *source = g_new0 (CwaPlanEntrySource, 1);

  source->companions = g_ptr_array_new_with_free_func (g_object_unref);

  return source;
}

void
_cwa_plan_entry_source_free (CwaPlanEntrySource *source)
{
  if (source == NULL)
    return;

  g_free (source->file);
  g_free (source->sha256);
  g_free (source->pem);
  g_clear_pointer (&source->companions, g_ptr_array_unref);
  g_clear_pointer (&source->extra_members, json_object_unref);
  g_free (source);
}

static void
cwa_plan_emit_changed (CwaPlan *self)
{
  /* "modified" first, so a "changed" handler (a title bar) sees it. */
  cwa_plan_set_modified (self, TRUE);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
deployment_changed_cb (CwaDeployment *deployment,
                       CwaPlan       *self)
{
  cwa_plan_emit_changed (self);
}

static void
certificate_id_changed_cb (CwaCertificate *certificate,
                           GParamSpec     *pspec,
                           CwaPlan        *self)
{
  _cwa_certificate_index_update_id (self->index, certificate);
  self->names_stamp++;
  cwa_plan_emit_changed (self);
}

static gboolean
same_sha256 (CwaCertificate *a,
             CwaCertificate *b)
{
  return a == b ||
         g_strcmp0 (cwa_certificate_get_sha256 (a), cwa_certificate_get_sha256 (b)) == 0;
}

static void
cwa_plan_dispose (GObject *object)
{
  CwaPlan *self = CWA_PLAN (object);

  if (self->certificates != NULL)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->certificates));

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(CwaCertificate) certificate = g_list_model_get_item (G_LIST_MODEL (self->certificates), i);

          g_signal_handlers_disconnect_by_data (certificate, self);
        }
      /* Views may keep the lists longer than the plan lives. */
      g_signal_handlers_disconnect_by_data (self->certificates, self);
      g_signal_handlers_disconnect_by_data (self->chain_certificates, self);
    }

  /* First: its entries hold parts of the plan. */
  g_clear_object (&self->history);
  g_clear_pointer (&self->entry_sources, g_hash_table_unref);
  g_clear_object (&self->certificates);
  g_clear_object (&self->chain_certificates);
  g_clear_pointer (&self->index, _cwa_certificate_index_free);
  g_clear_pointer (&self->chain_index, _cwa_certificate_index_free);
  g_clear_object (&self->deployment);
  g_clear_object (&self->file);
  g_clear_pointer (&self->settings_extra_members, json_object_unref);

  G_OBJECT_CLASS (cwa_plan_parent_class)->dispose (object);
}

static void
cwa_plan_finalize (GObject *object)
{
  CwaPlan *self = CWA_PLAN (object);

  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (cwa_plan_parent_class)->finalize (object);
}

static void
cwa_plan_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  CwaPlan *self = CWA_PLAN (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_EXPIRY_WARNING_DAYS:
      g_value_set_uint (value, self->expiry_warning_days);
      break;
    case PROP_DEPLOYMENT:
      g_value_set_object (value, self->deployment);
      break;
    case PROP_CERTIFICATES:
      g_value_set_object (value, self->certificates);
      break;
    case PROP_CHAIN_CERTIFICATES:
      g_value_set_object (value, self->chain_certificates);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cwa_plan_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  CwaPlan *self = CWA_PLAN (object);

  switch (prop_id)
    {
    case PROP_NAME:
      cwa_plan_set_name (self, g_value_get_string (value));
      break;
    case PROP_FILE:
      cwa_plan_set_file (self, g_value_get_object (value));
      break;
    case PROP_EXPIRY_WARNING_DAYS:
      cwa_plan_set_expiry_warning_days (self, g_value_get_uint (value));
      break;
    case PROP_MODIFIED:
      cwa_plan_set_modified (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cwa_plan_class_init (CwaPlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cwa_plan_dispose;
  object_class->finalize = cwa_plan_finalize;
  object_class->get_property = cwa_plan_get_property;
  object_class->set_property = cwa_plan_set_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL,
                         G_TYPE_FILE,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_EXPIRY_WARNING_DAYS] =
    g_param_spec_uint ("expiry-warning-days", NULL, NULL,
                       0, G_MAXINT32, CWA_PLAN_DEFAULT_EXPIRY_WARNING_DAYS,
                       (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_DEPLOYMENT] =
    g_param_spec_object ("deployment", NULL, NULL,
                         CWA_TYPE_DEPLOYMENT,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_CERTIFICATES] =
    g_param_spec_object ("certificates", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_CHAIN_CERTIFICATES] =
    g_param_spec_object ("chain-certificates", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);
}

static void
pool_changed_cb (CwaPlan *self)
{
  self->pool_generation++;
}

static void
cwa_plan_init (CwaPlan *self)
{
  self->expiry_warning_days = CWA_PLAN_DEFAULT_EXPIRY_WARNING_DAYS;
  self->deployment = cwa_deployment_new ();
  self->history = cwa_history_new ();
  self->certificates = g_list_store_new (CWA_TYPE_CERTIFICATE);
  self->chain_certificates = g_list_store_new (CWA_TYPE_CERTIFICATE);
  self->index = _cwa_certificate_index_new ();
  self->chain_index = _cwa_certificate_index_new ();
  self->entry_sources = g_hash_table_new_full (NULL, NULL, NULL,
                                               (GDestroyNotify) _cwa_plan_entry_source_free);

  g_signal_connect_object (self->deployment, "changed",
                           G_CALLBACK (deployment_changed_cb), self, 0);
  /* Every change of the lists, whichever function makes it. */
  g_signal_connect_swapped (self->certificates, "items-changed", G_CALLBACK (pool_changed_cb), self);
  g_signal_connect_swapped (self->chain_certificates, "items-changed", G_CALLBACK (pool_changed_cb), self);
}

CwaPlan *
cwa_plan_new (void)
{
  return g_object_new (CWA_TYPE_PLAN, NULL);
}

const gchar *
cwa_plan_get_name (CwaPlan *self)
{
  g_return_val_if_fail (CWA_IS_PLAN (self), NULL);

  return self->name;
}

void
cwa_plan_set_name (CwaPlan     *self,
                   const gchar *name)
{
  g_return_if_fail (CWA_IS_PLAN (self));

  if (g_strcmp0 (self->name, name) == 0)
    return;

  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
  cwa_plan_emit_changed (self);
}

GFile *
cwa_plan_get_file (CwaPlan *self)
{
  g_return_val_if_fail (CWA_IS_PLAN (self), NULL);

  return self->file;
}

void
cwa_plan_set_file (CwaPlan *self,
                   GFile   *file)
{
  g_return_if_fail (CWA_IS_PLAN (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  if (self->file == file ||
      (self->file != NULL && file != NULL && g_file_equal (self->file, file)))
    return;

  g_set_object (&self->file, file);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

guint
cwa_plan_get_expiry_warning_days (CwaPlan *self)
{
  g_return_val_if_fail (CWA_IS_PLAN (self), CWA_PLAN_DEFAULT_EXPIRY_WARNING_DAYS);

  return self->expiry_warning_days;
}

void
cwa_plan_set_expiry_warning_days (CwaPlan *self,
                                  guint    days)
{
  g_return_if_fail (CWA_IS_PLAN (self));
  g_return_if_fail (days <= G_MAXINT32);

  if (self->expiry_warning_days == days)
    return;

  self->expiry_warning_days = days;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPIRY_WARNING_DAYS]);
  cwa_plan_emit_changed (self);
}

CwaHistory *
cwa_plan_get_history (CwaPlan *self)
{
  g_return_val_if_fail (CWA_IS_PLAN (self), NULL);

  return self->history;
}

CwaDeployment *
cwa_plan_get_deployment (CwaPlan *self)
{
  g_return_val_if_fail (CWA_IS_PLAN (self), NULL);

  return self->deployment;
}

GListModel *
cwa_plan_get_certificates (CwaPlan *self)
{
  g_return_val_if_fail (CWA_IS_PLAN (self), NULL);

  return G_LIST_MODEL (self->certificates);
}

static gboolean
id_is_taken (CwaPlan     *self,
             GHashTable  *also_taken,
             const gchar *id)
{
  return cwa_plan_lookup_certificate (self, id) != NULL ||
         (also_taken != NULL && g_hash_table_contains (also_taken, id));
}

/* "IM.Contoso.com" -> "im-contoso-com": readable in a hand-edited plan and
 * safe in a file name. */
static gchar *
slugify (const gchar *text)
{
  GString *slug = g_string_new (NULL);
  gboolean dash = FALSE;

  for (const gchar *p = text; p != NULL && *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (dash && slug->len > 0)
            g_string_append_c (slug, '-');
          g_string_append_c (slug, g_ascii_tolower (*p));
          dash = FALSE;
        }
      else
        dash = TRUE;
    }

  if (slug->len == 0)
    g_string_append (slug, "certificate");

  return g_string_free (slug, FALSE);
}

gchar *
_cwa_plan_make_certificate_id (CwaPlan        *self,
                               CwaCertificate *certificate,
                               GHashTable     *also_taken)
{
  const gchar *cn;
  g_autofree gchar *base = NULL;

  g_return_val_if_fail (CWA_IS_PLAN (self), NULL);
  g_return_val_if_fail (CWA_IS_CERTIFICATE (certificate), NULL);

  cn = cwa_certificate_get_subject_cn (certificate);
  if (cn == NULL)
    cn = cwa_certificate_get_display_name (certificate);
  base = slugify (cn);

  if (!id_is_taken (self, also_taken, base))
    return g_steal_pointer (&base);

  /* Every suffix below that one is taken by an entry. */
  for (guint i = _cwa_certificate_index_first_free_suffix (self->index, base); ; i++)
    {
      g_autofree gchar *id = g_strdup_printf ("%s-%u", base, i);

      if (!id_is_taken (self, also_taken, id))
        return g_steal_pointer (&id);
    }
}

/* Gives @certificate an id no entry has, if its own is empty or taken. */
static void
ensure_unique_id (CwaPlan        *self,
                  CwaCertificate *certificate)
{
  const gchar *id = cwa_certificate_get_id (certificate);

  if (id == NULL || *id == '\0' || cwa_plan_lookup_certificate (self, id) != NULL)
    {
      g_autofree gchar *new_id = _cwa_plan_make_certificate_id (self, certificate, NULL);

      cwa_certificate_set_id (certificate, new_id);
    }
}

/* Records a new entry: the caller puts it in the list. */
static void
take_entry (CwaPlan        *self,
            CwaCertificate *certificate)
{
  ensure_unique_id (self, certificate);
  _cwa_certificate_index_add (self->index, certificate);
  g_signal_connect_object (certificate, "notify::id",
                           G_CALLBACK (certificate_id_changed_cb), self, 0);
}

CwaCertificate *
cwa_plan_add_certificate (CwaPlan        *self,
                          CwaCertificate *certificate)
{
  CwaCertificate *existing;

  g_return_val_if_fail (CWA_IS_PLAN (self), NULL);
  g_return_val_if_fail (CWA_IS_CERTIFICATE (certificate), NULL);

  existing = _cwa_certificate_index_lookup_same (self->index, certificate);
  if (existing != NULL)
    return existing;

  take_entry (self, certificate);
  g_list_store_append (self->certificates, certificate);
  cwa_plan_emit_changed (self);

  return certificate;
}

/* Appends @items (CwaCertificate) to @store with one items-changed. */
static void
append_all (GListStore *store,
            GPtrArray  *items)
{
  if (items->len > 0)
    g_list_store_splice (store, g_list_model_get_n_items (G_LIST_MODEL (store)), 0,
                         items->pdata, items->len);
}

guint
cwa_plan_add_certificates (CwaPlan   *self,
                           GPtrArray *entries,
                           GPtrArray *chain)
{
  g_autoptr(GPtrArray) new_entries = g_ptr_array_new ();
  g_autoptr(GPtrArray) new_chain = g_ptr_array_new ();

  g_return_val_if_fail (CWA_IS_PLAN (self), 0);

  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      CwaCertificate *certificate = g_ptr_array_index (entries, i);

      g_return_val_if_fail (CWA_IS_CERTIFICATE (certificate), 0);
      if (_cwa_certificate_index_lookup_same (self->index, certificate) != NULL)
        continue;
      take_entry (self, certificate);
      g_ptr_array_add (new_entries, certificate);
    }

  for (guint i = 0; chain != NULL && i < chain->len; i++)
    {
      CwaCertificate *certificate = g_ptr_array_index (chain, i);

      g_return_val_if_fail (CWA_IS_CERTIFICATE (certificate), 0);
      if (_cwa_certificate_index_lookup_same (self->chain_index, certificate) != NULL)
        continue;
      _cwa_certificate_index_add (self->chain_index, certificate);
      g_ptr_array_add (new_chain, certificate);
    }

  append_all (self->certificates, new_entries);
  append_all (self->chain_certificates, new_chain);
  if (new_entries->len > 0 || new_chain->len > 0)
    cwa_plan_emit_changed (self);

  return new_entries->len;
}

void
cwa_plan_remove_certificate (CwaPlan        *self,
                             CwaCertificate *certificate)
{
  g_autoptr(CwaCertificate) hold = NULL;
  guint position;

  g_return_if_fail (CWA_IS_PLAN (self));
  g_return_if_fail (CWA_IS_CERTIFICATE (certificate));

  if (!g_list_store_find (self->certificates, certificate, &position))
    {
      g_return_if_reached ();
    }

  hold = g_object_ref (certificate);
  g_signal_handlers_disconnect_by_data (certificate, self);
  _cwa_certificate_index_remove (self->index, certificate);
  cwa_deployment_unassign (self->deployment, certificate);
  g_hash_table_remove (self->entry_sources, certificate);
  g_list_store_remove (self->certificates, position);
  cwa_plan_emit_changed (self);
}

CwaCertificate *
cwa_plan_lookup_certificate (CwaPlan     *self,
                             const gchar *id)
{
  g_return_val_if_fail (CWA_IS_PLAN (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return _cwa_certificate_index_lookup_id (self->index, id);
}

void
cwa_plan_add_chain_certificate (CwaPlan        *self,
                                CwaCertificate *certificate)
{
  g_return_if_fail (CWA_IS_PLAN (self));
  g_return_if_fail (CWA_IS_CERTIFICATE (certificate));

  if (_cwa_certificate_index_lookup_same (self->chain_index, certificate) != NULL)
    return;

  _cwa_certificate_index_add (self->chain_index, certificate);
  g_list_store_append (self->chain_certificates, certificate);
  cwa_plan_emit_changed (self);
}

GListModel *
cwa_plan_get_chain_certificates (CwaPlan *self)
{
  g_return_val_if_fail (CWA_IS_PLAN (self), NULL);

  return G_LIST_MODEL (self->chain_certificates);
}

guint64
_cwa_plan_get_names_stamp (CwaPlan *self)
{
  g_return_val_if_fail (CWA_IS_PLAN (self), 0);

  return self->names_stamp;
}

guint64
cwa_plan_get_pool_generation (CwaPlan *self)
{
  g_return_val_if_fail (CWA_IS_PLAN (self), 0);

  return self->pool_generation;
}

GPtrArray *
cwa_plan_dup_certificate_pool (CwaPlan *self)
{
  GPtrArray *pool;
  guint n;

  g_return_val_if_fail (CWA_IS_PLAN (self), NULL);

  pool = g_ptr_array_new_with_free_func (g_object_unref);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->certificates));
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (pool, g_list_model_get_item (G_LIST_MODEL (self->certificates), i));

  /* A CA may be both an entry and a companion of another entry's file. */
  n = g_list_model_get_n_items (G_LIST_MODEL (self->chain_certificates));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CwaCertificate) certificate = g_list_model_get_item (G_LIST_MODEL (self->chain_certificates), i);

      if (_cwa_certificate_index_lookup_same (self->index, certificate) == NULL)
        g_ptr_array_add (pool, g_steal_pointer (&certificate));
    }

  return pool;
}

/* Which roles a certificate has: one flag per CwaRole that can be
 * assigned (CWA_ROLE_SHARED is not one: it is mtls and ssl together). */
typedef struct
{
  gboolean mtls;
  gboolean ssl;
  gboolean load_balancer;
  gboolean reverse_proxy;
} Roles;

static gboolean
holds (CwaCertificate *assigned,
       CwaCertificate *certificate)
{
  return assigned != NULL && same_sha256 (assigned, certificate);
}

static void
collect_server_roles (CwaPlan        *self,
                      CwaCertificate *certificate,
                      Roles          *roles)
{
  GListModel *servers = cwa_deployment_get_servers (self->deployment);
  guint n = g_list_model_get_n_items (servers);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CwaServer) server = g_list_model_get_item (servers, i);
      GListModel *list = cwa_server_get_virtual_servers (server);
      guint n_vs = g_list_model_get_n_items (list);

      if (holds (cwa_server_get_mtls_certificate (server), certificate))
        roles->mtls = TRUE;

      for (guint j = 0; j < n_vs; j++)
        {
          g_autoptr(CwaVirtualServer) vs = g_list_model_get_item (list, j);

          if (holds (cwa_virtual_server_get_ssl_certificate (vs), certificate))
            roles->ssl = TRUE;
        }
    }
}

/* A load balancer's certificate counts only while it offloads SSL
 * (rules.md, "Arrays and load balancers"). */
static void
collect_front_end_roles (CwaPlan        *self,
                         CwaCertificate *certificate,
                         Roles          *roles)
{
  GListModel *lbs = cwa_deployment_get_load_balancers (self->deployment);
  GListModel *proxies = cwa_deployment_get_reverse_proxies (self->deployment);
  guint n = g_list_model_get_n_items (lbs);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CwaLoadBalancer) lb = g_list_model_get_item (lbs, i);

      if (cwa_load_balancer_get_ssl_offload (lb) &&
          holds (cwa_load_balancer_get_ssl_certificate (lb), certificate))
        roles->load_balancer = TRUE;
    }

  n = g_list_model_get_n_items (proxies);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CwaReverseProxy) proxy = g_list_model_get_item (proxies, i);
      GListModel *rules = cwa_reverse_proxy_get_publishing_rules (proxy);
      guint n_rules = g_list_model_get_n_items (rules);

      for (guint j = 0; j < n_rules; j++)
        {
          g_autoptr(CwaPublishingRule) rule = g_list_model_get_item (rules, j);

          if (holds (cwa_publishing_rule_get_listener_certificate (rule), certificate))
            roles->reverse_proxy = TRUE;
        }
    }
}

static Roles
collect_roles (CwaPlan        *self,
               CwaCertificate *certificate)
{
  Roles roles = { FALSE, FALSE, FALSE, FALSE };

  collect_server_roles (self, certificate, &roles);
  collect_front_end_roles (self, certificate, &roles);

  return roles;
}

/* Adds the SHA-256 of @certificate (borrowed: the deployment holds it) to
 * @assigned. */
static void
add_assigned (GHashTable     *assigned,
              CwaCertificate *certificate)
{
  if (certificate != NULL)
    g_hash_table_add (assigned, (gpointer) cwa_certificate_get_sha256 (certificate));
}

/* The fingerprints of every certificate some role holds, in one walk over
 * the deployment (a walk per certificate made the coverage matrix
 * quadratic). */
static GHashTable *
collect_assigned (CwaPlan *self)
{
  GHashTable *assigned = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *servers = cwa_deployment_get_servers (self->deployment);
  GListModel *lbs = cwa_deployment_get_load_balancers (self->deployment);
  g_autoptr(GPtrArray) rules = cwa_deployment_dup_publishing_rules (self->deployment);
  guint n = g_list_model_get_n_items (servers);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CwaServer) server = g_list_model_get_item (servers, i);
      GListModel *list = cwa_server_get_virtual_servers (server);
      guint n_vs = g_list_model_get_n_items (list);

      add_assigned (assigned, cwa_server_get_mtls_certificate (server));
      for (guint j = 0; j < n_vs; j++)
        {
          g_autoptr(CwaVirtualServer) vs = g_list_model_get_item (list, j);

          add_assigned (assigned, cwa_virtual_server_get_ssl_certificate (vs));
        }
    }

  n = g_list_model_get_n_items (lbs);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CwaLoadBalancer) lb = g_list_model_get_item (lbs, i);

      if (cwa_load_balancer_get_ssl_offload (lb))
        add_assigned (assigned, cwa_load_balancer_get_ssl_certificate (lb));
    }

  for (guint i = 0; i < rules->len; i++)
    add_assigned (assigned, cwa_publishing_rule_get_listener_certificate (g_ptr_array_index (rules, i)));

  return assigned;
}

GPtrArray *
cwa_plan_dup_assigned_certificates (CwaPlan *self)
{
  g_autoptr(GHashTable) held = NULL;
  GPtrArray *assigned;
  guint n;

  g_return_val_if_fail (CWA_IS_PLAN (self), NULL);

  held = collect_assigned (self);
  assigned = g_ptr_array_new_with_free_func (g_object_unref);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->certificates));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CwaCertificate) certificate = g_list_model_get_item (G_LIST_MODEL (self->certificates), i);

      if (g_hash_table_contains (held, cwa_certificate_get_sha256 (certificate)))
        g_ptr_array_add (assigned, g_steal_pointer (&certificate));
    }

  return assigned;
}

GStrv
cwa_plan_dup_certificate_roles (CwaPlan        *self,
                                CwaCertificate *certificate)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  Roles roles;

  g_return_val_if_fail (CWA_IS_PLAN (self), NULL);
  g_return_val_if_fail (CWA_IS_CERTIFICATE (certificate), NULL);

  builder = g_strv_builder_new ();
  roles = collect_roles (self, certificate);
  if (roles.mtls)
    g_strv_builder_add (builder, cwa_role_to_string (CWA_ROLE_MTLS));
  if (roles.ssl)
    g_strv_builder_add (builder, cwa_role_to_string (CWA_ROLE_SSL));
  if (roles.load_balancer)
    g_strv_builder_add (builder, cwa_role_to_string (CWA_ROLE_LOAD_BALANCER));
  if (roles.reverse_proxy)
    g_strv_builder_add (builder, cwa_role_to_string (CWA_ROLE_REVERSE_PROXY));

  return g_strv_builder_end (builder);
}

gboolean
cwa_plan_get_modified (CwaPlan *self)
{
  g_return_val_if_fail (CWA_IS_PLAN (self), FALSE);

  return self->modified;
}

void
cwa_plan_set_modified (CwaPlan  *self,
                       gboolean  modified)
{
  g_return_if_fail (CWA_IS_PLAN (self));

  modified = !!modified;
  if (self->modified == modified)
    return;

  self->modified = modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

void
_cwa_plan_set_entry_source (CwaPlan            *self,
                            CwaCertificate     *certificate,
                            CwaPlanEntrySource *source)
{
  g_return_if_fail (CWA_IS_PLAN (self));
  g_return_if_fail (CWA_IS_CERTIFICATE (certificate));

  if (!_cwa_certificate_index_contains (self->index, certificate))
    {
      _cwa_plan_entry_source_free (source);
      g_return_if_reached ();
    }

  if (source == NULL)
    g_hash_table_remove (self->entry_sources, certificate);
  else
    g_hash_table_replace (self->entry_sources, certificate, source);
}

const CwaPlanEntrySource *
_cwa_plan_get_entry_source (CwaPlan        *self,
                            CwaCertificate *certificate)
{
  g_return_val_if_fail (CWA_IS_PLAN (self), NULL);

  return g_hash_table_lookup (self->entry_sources, certificate);
}

CwaPlanEntrySource *
_cwa_plan_steal_entry_source (CwaPlan        *self,
                              CwaCertificate *certificate)
{
  gpointer source = NULL;

  g_return_val_if_fail (CWA_IS_PLAN (self), NULL);

  g_hash_table_steal_extended (self->entry_sources, certificate, NULL, &source);
  return source;
}

gboolean
_cwa_plan_restore_certificate (CwaPlan            *self,
                               guint               position,
                               CwaCertificate     *certificate,
                               CwaPlanEntrySource *source)
{
  g_return_val_if_fail (CWA_IS_PLAN (self), FALSE);
  g_return_val_if_fail (CWA_IS_CERTIFICATE (certificate), FALSE);

  if (_cwa_certificate_index_lookup_same (self->index, certificate) != NULL)
    {
      _cwa_plan_entry_source_free (source);
      return FALSE;
    }

  /* Its id may have gone to an entry added since. */
  take_entry (self, certificate);
  position = MIN (position, g_list_model_get_n_items (G_LIST_MODEL (self->certificates)));
  g_list_store_insert (self->certificates, position, certificate);
  if (source != NULL)
    g_hash_table_replace (self->entry_sources, certificate, source);
  cwa_plan_emit_changed (self);
  return TRUE;
}

void
_cwa_plan_set_settings_extra_members (CwaPlan    *self,
                                      JsonObject *members)
{
  g_return_if_fail (CWA_IS_PLAN (self));

  if (members != NULL)
    json_object_ref (members);
  g_clear_pointer (&self->settings_extra_members, json_object_unref);
  self->settings_extra_members = members;
}

JsonObject *
_cwa_plan_get_settings_extra_members (CwaPlan *self)
{
  g_return_val_if_fail (CWA_IS_PLAN (self), NULL);

  return self->settings_extra_members;
}

/* cwa-live-check.c: the window's live check: probes a plan's endpoints off the main thread and keeps what was found, marked stale once the plan changes. */
#include "config.h"

#include "cwa-endpoint.h"
#include "cwa-live-check.h"
#include "cwa-names.h"

struct _CwaLiveCheck
{
  GObject       parent_instance;

  CwaProbe     *probe;
  CwaPlan      *plan;
  gulong        plan_changed_id;

  /* The run going on: its cancellable (NULL when none), progress, and
   * what judging its results needs. */
  GCancellable *cancellable;
  guint         n_done;
  guint         n_total;
  gboolean      changed_during_run;
  gboolean      discard_run;
  CwaTrust     *trust;
  GDateTime    *now;
  GDateTime    *run_started;

  /* The last finished check. */
  GPtrArray    *results;    /* CwaProbeResult */
  GPtrArray    *findings;   /* CwaFinding, live.* only */
  GDateTime    *checked_at;
  gboolean      stale;
};

enum {
  PROP_0,
  PROP_PLAN,
  PROP_RUNNING,
  PROP_N_DONE,
  PROP_N_TOTAL,
  PROP_STALE,
  PROP_CHECKED_AT,
  N_PROPS
};

enum {
  FINISHED,
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CwaLiveCheck, cwa_live_check, G_TYPE_OBJECT)

static void
set_stale (CwaLiveCheck *self,
           gboolean      stale)
{
  if (self->stale == stale)
    return;
  self->stale = stale;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STALE]);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
plan_changed_cb (CwaPlan      *plan,
                 CwaLiveCheck *self)
{
  if (self->cancellable != NULL)
    self->changed_during_run = TRUE;
  if (self->results != NULL)
    set_stale (self, TRUE);
}

static void
set_plan (CwaLiveCheck *self,
          CwaPlan      *plan)
{
  if (self->plan == plan)
    return;

  g_clear_signal_handler (&self->plan_changed_id, self->plan);
  g_set_object (&self->plan, plan);
  if (plan != NULL)
    self->plan_changed_id = g_signal_connect (plan, "changed", G_CALLBACK (plan_changed_cb), self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}

static void
progress_cb (CwaProbe     *probe,
             guint         n_done,
             guint         n_total,
             CwaLiveCheck *self)
{
  if (self->cancellable == NULL)
    return;
  self->n_done = n_done;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DONE]);
}

/* The live.* findings of @results for the plan as it is now: the rules
 * run once, as `probe` runs them, on a checklist of this check's own. */
static GPtrArray *
judge (CwaLiveCheck *self,
       GPtrArray    *results)
{
  g_autoptr(CwaChecklist) checklist = cwa_checklist_new (self->plan, self->trust);
  GPtrArray *findings = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *all;

  if (self->now != NULL)
    cwa_checklist_set_now (checklist, self->now);
  cwa_checklist_set_probe_results (checklist, results);
  cwa_checklist_update (checklist);

  all = cwa_checklist_get_findings (checklist);
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(CwaFinding) finding = g_list_model_get_item (all, i);

      if (cwa_finding_get_endpoint (finding) != NULL)
        g_ptr_array_add (findings, g_steal_pointer (&finding));
    }
  return findings;
}

static void
keep_results (CwaLiveCheck *self,
              GPtrArray    *results)
{
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_pointer (&self->results, g_ptr_array_unref);
  self->findings = judge (self, results);
  self->results = g_ptr_array_ref (results);
  g_clear_pointer (&self->checked_at, g_date_time_unref);
  self->checked_at = g_date_time_ref (self->run_started);
  self->stale = self->changed_during_run;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECKED_AT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STALE]);
}

static void
run_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(CwaLiveCheck) self = user_data;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  gboolean discard = self->discard_run;

  results = cwa_probe_run_finish (CWA_PROBE (source), result, &error);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->trust);
  g_clear_pointer (&self->now, g_date_time_unref);
  self->discard_run = FALSE;

  if (results != NULL && !discard)
    keep_results (self, results);
  g_clear_pointer (&self->run_started, g_date_time_unref);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
  g_signal_emit (self, signals[FINISHED], 0, results == NULL || discard);
  if (results != NULL && !discard)
    g_signal_emit (self, signals[CHANGED], 0);
}

void
cwa_live_check_start (CwaLiveCheck *self,
                      CwaChecklist *checklist)
{
  g_autoptr(GPtrArray) endpoints = NULL;
  GDateTime *now;

  g_return_if_fail (CWA_IS_LIVE_CHECK (self));
  g_return_if_fail (CWA_IS_CHECKLIST (checklist));

  if (self->cancellable != NULL)
    return;

  set_plan (self, cwa_checklist_get_plan (checklist));
  endpoints = cwa_endpoint_list_for_plan (self->plan);
  self->cancellable = g_cancellable_new ();
  self->changed_during_run = FALSE;
  self->n_done = 0;
  self->n_total = endpoints->len;
  g_set_object (&self->trust, cwa_checklist_get_trust (checklist));
  now = cwa_checklist_get_now (checklist);
  self->now = now != NULL ? g_date_time_ref (now) : NULL;
  self->run_started = g_date_time_new_now_local ();

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_TOTAL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DONE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
  cwa_probe_run_async (self->probe, endpoints, self->cancellable, run_done_cb, g_object_ref (self));
}

void
cwa_live_check_cancel (CwaLiveCheck *self)
{
  g_return_if_fail (CWA_IS_LIVE_CHECK (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

void
cwa_live_check_clear (CwaLiveCheck *self)
{
  g_return_if_fail (CWA_IS_LIVE_CHECK (self));

  if (self->cancellable != NULL)
    {
      self->discard_run = TRUE;
      g_cancellable_cancel (self->cancellable);
    }
  set_plan (self, NULL);
  if (self->results == NULL)
    return;

  g_clear_pointer (&self->results, g_ptr_array_unref);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_pointer (&self->checked_at, g_date_time_unref);
  self->stale = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECKED_AT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STALE]);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Reading the results. */

CwaProbe *
cwa_live_check_get_probe (CwaLiveCheck *self)
{
  g_return_val_if_fail (CWA_IS_LIVE_CHECK (self), NULL);
  return self->probe;
}

CwaPlan *
cwa_live_check_get_plan (CwaLiveCheck *self)
{
  g_return_val_if_fail (CWA_IS_LIVE_CHECK (self), NULL);
  return self->plan;
}

gboolean
cwa_live_check_get_running (CwaLiveCheck *self)
{
  g_return_val_if_fail (CWA_IS_LIVE_CHECK (self), FALSE);
  return self->cancellable != NULL;
}

guint
cwa_live_check_get_n_done (CwaLiveCheck *self)
{
  g_return_val_if_fail (CWA_IS_LIVE_CHECK (self), 0);
  return self->n_done;
}

guint
cwa_live_check_get_n_total (CwaLiveCheck *self)
{
  g_return_val_if_fail (CWA_IS_LIVE_CHECK (self), 0);
  return self->n_total;
}

gboolean
cwa_live_check_get_stale (CwaLiveCheck *self)
{
  g_return_val_if_fail (CWA_IS_LIVE_CHECK (self), FALSE);
  return self->stale;
}

GDateTime *
cwa_live_check_get_checked_at (CwaLiveCheck *self)
{
  g_return_val_if_fail (CWA_IS_LIVE_CHECK (self), NULL);
  return self->checked_at;
}

GPtrArray *
cwa_live_check_get_results (CwaLiveCheck *self)
{
  g_return_val_if_fail (CWA_IS_LIVE_CHECK (self), NULL);
  return self->results;
}

GPtrArray *
cwa_live_check_dup_findings (CwaLiveCheck   *self,
                             CwaProbeResult *result)
{
  GPtrArray *findings = g_ptr_array_new_with_free_func (g_object_unref);
  const gchar *name;

  g_return_val_if_fail (CWA_IS_LIVE_CHECK (self), findings);
  g_return_val_if_fail (CWA_IS_PROBE_RESULT (result), findings);

  if (self->findings == NULL || !g_ptr_array_find (self->results, result, NULL))
    return findings;

  name = cwa_endpoint_get_name (cwa_probe_result_get_endpoint (result));
  for (guint i = 0; i < self->findings->len; i++)
    {
      CwaFinding *finding = g_ptr_array_index (self->findings, i);

      if (g_strcmp0 (cwa_finding_get_endpoint (finding), name) == 0)
        g_ptr_array_add (findings, g_object_ref (finding));
    }
  return findings;
}

CwaLiveStatus
cwa_live_check_get_status (CwaLiveCheck   *self,
                           CwaProbeResult *result)
{
  CwaCertificate *leaf;
  GPtrArray *planned;

  g_return_val_if_fail (CWA_IS_LIVE_CHECK (self), CWA_LIVE_STATUS_NONE);
  g_return_val_if_fail (CWA_IS_PROBE_RESULT (result), CWA_LIVE_STATUS_NONE);

  leaf = cwa_probe_result_get_leaf (result);
  if (cwa_probe_result_get_error (result) != NULL || leaf == NULL)
    return CWA_LIVE_STATUS_UNREACHABLE;

  planned = cwa_endpoint_get_planned (cwa_probe_result_get_endpoint (result));
  for (guint i = 0; i < planned->len; i++)
    if (g_strcmp0 (cwa_certificate_get_sha256 (g_ptr_array_index (planned, i)),
                   cwa_certificate_get_sha256 (leaf)) == 0)
      return CWA_LIVE_STATUS_AS_PLANNED;
  return CWA_LIVE_STATUS_OTHER;
}

static gboolean
endpoint_is_of (CwaEndpoint *endpoint,
                gpointer     subject)
{
  switch (cwa_endpoint_get_kind (endpoint))
    {
    case CWA_ENDPOINT_VIRTUAL_SERVER:
    case CWA_ENDPOINT_ARRAY_MEMBER:
      return cwa_endpoint_get_virtual_server (endpoint) == subject;
    case CWA_ENDPOINT_LOAD_BALANCER:
      return cwa_endpoint_get_load_balancer (endpoint) == subject;
    case CWA_ENDPOINT_LISTENER:
      return CWA_IS_PUBLISHING_RULE (subject) &&
             cwa_publishing_rule_get_reverse_proxy (subject) == cwa_endpoint_get_reverse_proxy (endpoint) &&
             cwa_name_equal (cwa_publishing_rule_get_published_host (subject),
                              cwa_endpoint_get_published_host (endpoint));
    default:
      return FALSE;
    }
}

CwaProbeResult *
cwa_live_check_find_result (CwaLiveCheck *self,
                            gpointer      subject)
{
  g_return_val_if_fail (CWA_IS_LIVE_CHECK (self), NULL);

  for (guint i = 0; self->results != NULL && i < self->results->len; i++)
    {
      CwaProbeResult *result = g_ptr_array_index (self->results, i);

      if (endpoint_is_of (cwa_probe_result_get_endpoint (result), subject))
        return result;
    }
  return NULL;
}

CwaCertificate *
cwa_live_check_find_in_plan (CwaLiveCheck   *self,
                             CwaCertificate *certificate)
{
  GListModel *entries;

  g_return_val_if_fail (CWA_IS_LIVE_CHECK (self), NULL);
  g_return_val_if_fail (CWA_IS_CERTIFICATE (certificate), NULL);

  if (self->plan == NULL)
    return NULL;
  entries = cwa_plan_get_certificates (self->plan);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(CwaCertificate) entry = g_list_model_get_item (entries, i);

      if (cwa_certificate_equal (entry, certificate))
        return entry;
    }
  return NULL;
}

/* GObject. */

static void
cwa_live_check_dispose (GObject *object)
{
  CwaLiveCheck *self = CWA_LIVE_CHECK (object);

  /* A run holds a reference: none is going on here. */
  set_plan (self, NULL);
  g_clear_object (&self->probe);
  g_clear_pointer (&self->results, g_ptr_array_unref);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_pointer (&self->checked_at, g_date_time_unref);

  G_OBJECT_CLASS (cwa_live_check_parent_class)->dispose (object);
}

static void
cwa_live_check_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CwaLiveCheck *self = CWA_LIVE_CHECK (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    case PROP_RUNNING:
      g_value_set_boolean (value, self->cancellable != NULL);
      break;
    case PROP_N_DONE:
      g_value_set_uint (value, self->n_done);
      break;
    case PROP_N_TOTAL:
      g_value_set_uint (value, self->n_total);
      break;
    case PROP_STALE:
      g_value_set_boolean (value, self->stale);
      break;
    case PROP_CHECKED_AT:
      g_value_set_boxed (value, self->checked_at);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cwa_live_check_class_init (CwaLiveCheckClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cwa_live_check_dispose;
  object_class->get_property = cwa_live_check_get_property;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, CWA_TYPE_PLAN,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_N_DONE] =
    g_param_spec_uint ("n-done", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_N_TOTAL] =
    g_param_spec_uint ("n-total", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_STALE] =
    g_param_spec_boolean ("stale", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CHECKED_AT] =
    g_param_spec_boxed ("checked-at", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
cwa_live_check_init (CwaLiveCheck *self)
{
  self->probe = cwa_probe_new ();
  g_signal_connect_object (self->probe, "progress", G_CALLBACK (progress_cb), self, 0);
}

CwaLiveCheck *
cwa_live_check_new (void)
{
  return g_object_new (CWA_TYPE_LIVE_CHECK, NULL);
}

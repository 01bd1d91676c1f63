/* cwa-checklist.c: runs the rules over a plan, once per main-loop iteration after it changes. */
#include "config.h"

#include "cwa-checklist-private.h"
#include "cwa-certificate-findings.h"
#include "cwa-subject-findings.h"
#include "cwa-names.h"
#include "rules/cwa-rules-runner.h"

/* What the cached chains were built over: the plan's certificates (its
 * pool generation) and the number of public roots.  Comparing two stamps
 * costs nothing, however many certificates the plan holds. */
typedef struct
{
  gboolean valid;
  guint64  generation;
  guint    n_public_roots;
} PoolStamp;

/* One run of the rules, carried over several main-loop iterations when
 * the plan is large.  Its result is published only if no change arrived
 * since it started (same generation); a change cancels it. */
typedef struct
{
  guint64         generation;
  GCancellable   *cancellable;
  CwaRuleContext *context;
  CwaRulesRun    *rules;
  GPtrArray      *findings;
  /* The chain cache this run fills: the checklist's own, or a fresh one
   * (then @new_pool is set) that replaces it when the run is published. */
  GHashTable     *chains;
  gboolean        new_pool;
  PoolStamp       pool;
} CheckRun;

/* How long one step of a run may keep the main loop, in microseconds. */
#define RUN_SLICE_USEC 8000

struct _CwaChecklist
{
  GObject     parent_instance;

  CwaPlan    *plan;
  CwaTrust   *trust;
  GDateTime  *now;
  guint       expiry_warning_days;
  CwaLabelLanguage language;

  GListStore *findings;
  GListStore *requirements;
  CwaCoverage *coverage;
  /* What cwa_checklist_get_coverage() returns before the first run and
   * after dispose: no cells. */
  GPtrArray  *no_coverage;
  /* What probe observed (CwaProbeResult), judged by the live.* rules
   * after the others at every run. */
  GPtrArray  *probe_results;

  /* Chains survive between runs while the certificate pool stays the same:
   * editing a URL must not rebuild every chain. */
  GHashTable *chains;
  PoolStamp   pool;
  /* The certificate findings of the last runs, reused while nothing they
   * depend on changed (chains included). */
  GHashTable *certificate_findings;
  /* The same for the other subjects: servers with their virtual servers,
   * load balancers, publishing rules, the deployment. */
  GHashTable *subject_findings;

  /* The idle that starts a run and carries it on step by step. */
  guint        idle_id;
  /* The run in progress, or NULL. */
  CheckRun    *run;
  /* Bumped by every change: a run only applies its result if no change
   * arrived while it was computing. */
  guint64      generation;
  /* cwa_checklist_hold() calls not yet released, and whether a change
   * arrived meanwhile (then the last release schedules a run). */
  guint        n_holds;
  gboolean     held_change;
  guint        n_runs;
  CwaChecklistRunHook run_hook;
  gpointer     run_hook_data;

  guint       n_errors;
  guint       n_warnings;
  guint       n_info;
  guint       n_passed;
  gboolean    ready;
};

G_DEFINE_FINAL_TYPE (CwaChecklist, cwa_checklist, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PLAN,
  PROP_TRUST,
  PROP_NOW,
  PROP_EXPIRY_WARNING_DAYS,
  PROP_TRANSLATED,
  PROP_READY,
  PROP_N_ERRORS,
  PROP_N_WARNINGS,
  PROP_N_INFO,
  PROP_N_PASSED,
  N_PROPS
};

enum {
  UPDATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
check_run_free (CheckRun *run)
{
  if (run == NULL)
    return;

  g_clear_pointer (&run->rules, cwa_rules_run_free);
  g_clear_pointer (&run->context, cwa_rule_context_free);
  g_clear_object (&run->cancellable);
  g_clear_pointer (&run->findings, g_ptr_array_unref);
  g_clear_pointer (&run->chains, g_hash_table_unref);
  g_free (run);
}

static void
cancel_run (CwaChecklist *self)
{
  if (self->run != NULL)
    g_cancellable_cancel (self->run->cancellable);
  g_clear_pointer (&self->run, check_run_free);
}

static gboolean run_idle (gpointer user_data);

static void
schedule_run (CwaChecklist *self)
{
  self->generation++;
  if (self->run != NULL)
    g_cancellable_cancel (self->run->cancellable);

  if (self->n_holds > 0)
    {
      self->held_change = TRUE;
      return;
    }
  if (self->idle_id == 0)
    self->idle_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, run_idle, self, NULL);
}

static void
plan_changed_cb (CwaChecklist *self)
{
  schedule_run (self);
}

/* The pool as it is now: when it changes, cached chains may no longer
 * hold. */
static PoolStamp
pool_stamp_now (CwaChecklist *self)
{
  PoolStamp stamp;

  stamp.valid = TRUE;
  stamp.generation = cwa_plan_get_pool_generation (self->plan);
  stamp.n_public_roots = self->trust != NULL ? cwa_trust_get_n_public_roots (self->trust) : 0;
  return stamp;
}

static gboolean
pool_stamp_equal (const PoolStamp *a,
                  const PoolStamp *b)
{
  return a->valid && b->valid && a->generation == b->generation &&
         a->n_public_roots == b->n_public_roots;
}

typedef gboolean (*ItemEqualFunc) (gpointer a,
                                   gpointer b);

/* Replaces the store's items by @items, emitting items-changed once and
 * only for the range between the common prefix and the common suffix, so
 * rows that did not change keep their widgets.  FALSE when every item was
 * equal: the store is left as it was. */
static gboolean
splice_changed (GListStore    *store,
                GPtrArray     *items,
                ItemEqualFunc  equal)
{
  GListModel *model = G_LIST_MODEL (store);
  guint old_n = g_list_model_get_n_items (model);
  guint new_n = items->len;
  guint prefix = 0;
  guint suffix = 0;

  while (prefix < old_n && prefix < new_n)
    {
      g_autoptr(GObject) old_item = g_list_model_get_item (model, prefix);

      if (!equal (old_item, g_ptr_array_index (items, prefix)))
        break;
      prefix++;
    }

  while (suffix < old_n - prefix && suffix < new_n - prefix)
    {
      g_autoptr(GObject) old_item = g_list_model_get_item (model, old_n - 1 - suffix);

      if (!equal (old_item, g_ptr_array_index (items, new_n - 1 - suffix)))
        break;
      suffix++;
    }

  if (old_n - prefix - suffix == 0 && new_n - prefix - suffix == 0)
    return FALSE;

  g_list_store_splice (store, prefix, old_n - prefix - suffix,
                       items->pdata + prefix, new_n - prefix - suffix);
  return TRUE;
}

/* The matrix of the requirements as the model holds them now (the rows'
 * objects are the ones views show) against the assigned certificates. */
static CwaCoverage *
compute_coverage (CwaChecklist *self,
                  GPtrArray    *certificates)
{
  GListModel *model = G_LIST_MODEL (self->requirements);
  guint n = g_list_model_get_n_items (model);
  g_autoptr(GPtrArray) requirements = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (requirements, g_list_model_get_item (model, i));

  return cwa_coverage_compute (requirements, certificates);
}

/* Brings the coverage matrix up to date.  A matrix depends only on the
 * names of its rows (the requirement objects, kept by the model while
 * they stay equal, and immutable) and on its columns (the assigned
 * certificates, whose names never change): it is kept while both are the
 * same objects in the same order. */
static void
update_coverage (CwaChecklist *self,
                 gboolean      requirements_changed)
{
  g_autoptr(GPtrArray) certificates = cwa_plan_dup_assigned_certificates (self->plan);

  if (self->coverage != NULL && !requirements_changed &&
      cwa_coverage_has_columns (self->coverage, certificates))
    return;

  g_clear_pointer (&self->coverage, cwa_coverage_free);
  self->coverage = compute_coverage (self, certificates);
}

static void
update_counts (CwaChecklist *self)
{
  GListModel *findings = G_LIST_MODEL (self->findings);
  guint n = g_list_model_get_n_items (findings);
  guint n_errors = 0;
  guint n_warnings = 0;
  guint n_info = 0;
  guint n_passed = 0;
  gboolean ready;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CwaFinding) finding = g_list_model_get_item (findings, i);

      if (!cwa_finding_is_failed (finding))
        n_passed++;
      else if (cwa_finding_get_level (finding) == CWA_LEVEL_ERROR)
        n_errors++;
      else if (cwa_finding_get_level (finding) == CWA_LEVEL_WARNING)
        n_warnings++;
      else
        n_info++;
    }
  ready = n_errors == 0 && n_warnings == 0;

  g_object_freeze_notify (G_OBJECT (self));
  if (self->n_errors != n_errors)
    {
      self->n_errors = n_errors;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ERRORS]);
    }
  if (self->n_warnings != n_warnings)
    {
      self->n_warnings = n_warnings;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_WARNINGS]);
    }
  if (self->n_info != n_info)
    {
      self->n_info = n_info;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_INFO]);
    }
  if (self->n_passed != n_passed)
    {
      self->n_passed = n_passed;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PASSED]);
    }
  if (self->ready != ready)
    {
      self->ready = ready;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READY]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

/* Starts a run over the plan as it is now, with the settings as they are
 * now. */
static CheckRun *
check_run_new (CwaChecklist *self)
{
  CheckRun *run = g_new0 (CheckRun, 1);
  gint64 now;
  guint days;

  run->generation = self->generation;
  run->cancellable = g_cancellable_new ();
  run->pool = pool_stamp_now (self);
  if (pool_stamp_equal (&run->pool, &self->pool))
    {
      run->chains = g_hash_table_ref (self->chains);
    }
  else
    {
      run->chains = cwa_rule_context_new_chain_cache ();
      run->new_pool = TRUE;
    }

  now = self->now != NULL ? g_date_time_to_unix (self->now)
                          : g_get_real_time () / G_USEC_PER_SEC;
  days = self->expiry_warning_days != 0 ? self->expiry_warning_days
                                        : cwa_plan_get_expiry_warning_days (self->plan);

  run->context = cwa_rule_context_new (self->plan, self->trust, now, days, run->chains,
                                       self->certificate_findings);
  run->context->translated = self->language == CWA_LABEL_TRANSLATED;
  run->context->subject_findings = g_hash_table_ref (self->subject_findings);
  run->rules = cwa_rules_run_new (run->context, self->probe_results);
  run->findings = g_ptr_array_new_with_free_func (g_object_unref);

  return run;
}

static void
call_run_hook (CwaChecklist *self,
               gboolean      computed)
{
  if (self->run_hook != NULL)
    self->run_hook (self, computed, self->run_hook_data);
}

/* Runs steps of @run until it is complete, cancelled, or (unless
 * @budget_usec is 0) the time is up.  TRUE when complete, even if a change
 * arrived during the last step: publish_run() then drops it. */
static gboolean
advance_run (CwaChecklist *self,
             CheckRun     *run,
             gint64        budget_usec)
{
  gint64 deadline = g_get_monotonic_time () + budget_usec;

  while (!g_cancellable_is_cancelled (run->cancellable))
    {
      gboolean complete = cwa_rules_run_step (run->rules, run->findings);

      call_run_hook (self, complete);
      if (complete)
        return TRUE;
      if (budget_usec != 0 && g_get_monotonic_time () >= deadline)
        return FALSE;
    }

  return FALSE;
}

/* Applies a complete run's result: the models emit items-changed only for
 * what changed.  A run that started before the latest change is dropped
 * (FALSE): the newer run, already scheduled, publishes instead. */
static gboolean
publish_run (CwaChecklist *self,
             CheckRun     *run)
{
  g_autoptr(GPtrArray) requirements = NULL;
  gboolean requirements_changed;

  if (run->generation != self->generation)
    return FALSE;

  if (run->new_pool)
    {
      g_hash_table_unref (self->chains);
      self->chains = g_hash_table_ref (run->chains);
      self->pool = run->pool;
    }

  /* The run's index describes the deployment as it is: no change arrived
   * since the run started. */
  requirements = cwa_requirements_compute_with_index (cwa_plan_get_deployment (self->plan),
                                                      cwa_rule_context_get_index (run->context));
  self->n_runs++;

  splice_changed (self->findings, run->findings, (ItemEqualFunc) cwa_finding_equal);
  requirements_changed = splice_changed (self->requirements, requirements,
                                         (ItemEqualFunc) cwa_requirement_equal);
  update_coverage (self, requirements_changed);
  update_counts (self);

  g_signal_emit (self, signals[UPDATED], 0);

  return TRUE;
}

static gboolean
run_idle (gpointer user_data)
{
  CwaChecklist *self = user_data;
  CheckRun *run;

  /* A change since the run started cancelled it: start over on the plan
   * as it is now, once for however many changes arrived. */
  if (self->run != NULL && g_cancellable_is_cancelled (self->run->cancellable))
    g_clear_pointer (&self->run, check_run_free);
  /* Held since this idle was added: the last release starts over. */
  if (self->run == NULL && self->n_holds > 0)
    {
      self->held_change = TRUE;
      self->idle_id = 0;
      return G_SOURCE_REMOVE;
    }
  if (self->run == NULL)
    self->run = check_run_new (self);

  run = self->run;
  if (!advance_run (self, run, RUN_SLICE_USEC))
    {
      /* Out of time, or cancelled by a change during the step: the next
       * call carries on or starts over. */
      return G_SOURCE_CONTINUE;
    }

  self->run = NULL;
  self->idle_id = 0;
  if (!publish_run (self, run))
    schedule_run (self);
  check_run_free (run);

  return G_SOURCE_REMOVE;
}

void
cwa_checklist_update (CwaChecklist *self)
{
  CheckRun *run;

  g_return_if_fail (CWA_IS_CHECKLIST (self));

  cancel_run (self);
  g_clear_handle_id (&self->idle_id, g_source_remove);
  /* This run sees every change so far, held ones too. */
  self->held_change = FALSE;

  run = check_run_new (self);
  self->run = run;
  /* A handler that changes the plan while the rules run cancels the run
   * (and schedules a new one): then nothing is published here. */
  if (advance_run (self, run, 0))
    {
      self->run = NULL;
      if (!publish_run (self, run))
        schedule_run (self);
      check_run_free (run);
    }
}

void
cwa_checklist_hold (CwaChecklist *self)
{
  g_return_if_fail (CWA_IS_CHECKLIST (self));
  g_return_if_fail (self->n_holds < G_MAXUINT);

  self->n_holds++;
}

void
cwa_checklist_release (CwaChecklist *self)
{
  g_return_if_fail (CWA_IS_CHECKLIST (self));
  g_return_if_fail (self->n_holds > 0);

  self->n_holds--;
  if (self->n_holds == 0 && self->held_change)
    {
      self->held_change = FALSE;
      schedule_run (self);
    }
}

gboolean
cwa_checklist_is_held (CwaChecklist *self)
{
  g_return_val_if_fail (CWA_IS_CHECKLIST (self), FALSE);

  return self->n_holds > 0;
}

void
_cwa_checklist_set_run_hook (CwaChecklist        *self,
                             CwaChecklistRunHook  hook,
                             gpointer             user_data)
{
  g_return_if_fail (CWA_IS_CHECKLIST (self));

  self->run_hook = hook;
  self->run_hook_data = user_data;
}

static void
cwa_checklist_constructed (GObject *object)
{
  CwaChecklist *self = (CwaChecklist *) object;

  G_OBJECT_CLASS (cwa_checklist_parent_class)->constructed (object);

  g_assert (CWA_IS_PLAN (self->plan));

  g_signal_connect_object (self->plan, "changed",
                           G_CALLBACK (plan_changed_cb), self, G_CONNECT_SWAPPED);

  /* Views and the CLI read results right away. */
  cwa_checklist_update (self);
}

static void
cwa_checklist_dispose (GObject *object)
{
  CwaChecklist *self = (CwaChecklist *) object;

  g_clear_handle_id (&self->idle_id, g_source_remove);
  cancel_run (self);
  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);

  g_clear_pointer (&self->coverage, cwa_coverage_free);

  G_OBJECT_CLASS (cwa_checklist_parent_class)->dispose (object);
}

static void
cwa_checklist_finalize (GObject *object)
{
  CwaChecklist *self = (CwaChecklist *) object;

  g_clear_object (&self->plan);
  g_clear_object (&self->trust);
  g_clear_pointer (&self->now, g_date_time_unref);
  g_clear_object (&self->findings);
  g_clear_object (&self->requirements);
  g_clear_pointer (&self->chains, g_hash_table_unref);
  g_clear_pointer (&self->certificate_findings, g_hash_table_unref);
  g_clear_pointer (&self->subject_findings, g_hash_table_unref);
  g_clear_pointer (&self->probe_results, g_ptr_array_unref);
  g_clear_pointer (&self->no_coverage, g_ptr_array_unref);

  G_OBJECT_CLASS (cwa_checklist_parent_class)->finalize (object);
}

static void
cwa_checklist_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CwaChecklist *self = CWA_CHECKLIST (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;

    case PROP_TRUST:
      g_value_set_object (value, self->trust);
      break;

    case PROP_NOW:
      g_value_set_boxed (value, self->now);
      break;

    case PROP_EXPIRY_WARNING_DAYS:
      g_value_set_uint (value, self->expiry_warning_days);
      break;

    case PROP_TRANSLATED:
      g_value_set_boolean (value, self->language == CWA_LABEL_TRANSLATED);
      break;

    case PROP_READY:
      g_value_set_boolean (value, self->ready);
      break;

    case PROP_N_ERRORS:
      g_value_set_uint (value, self->n_errors);
      break;

    case PROP_N_WARNINGS:
      g_value_set_uint (value, self->n_warnings);
      break;

    case PROP_N_INFO:
      g_value_set_uint (value, self->n_info);
      break;

    case PROP_N_PASSED:
      g_value_set_uint (value, self->n_passed);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cwa_checklist_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CwaChecklist *self = CWA_CHECKLIST (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      self->plan = g_value_dup_object (value);
      break;

    case PROP_TRUST:
      cwa_checklist_set_trust (self, g_value_get_object (value));
      break;

    case PROP_NOW:
      cwa_checklist_set_now (self, g_value_get_boxed (value));
      break;

    case PROP_EXPIRY_WARNING_DAYS:
      cwa_checklist_set_expiry_warning_days (self, g_value_get_uint (value));
      break;

    case PROP_TRANSLATED:
      self->language = g_value_get_boolean (value) ? CWA_LABEL_TRANSLATED : CWA_LABEL_ENGLISH;
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cwa_checklist_class_init (CwaChecklistClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = cwa_checklist_constructed;
  object_class->dispose = cwa_checklist_dispose;
  object_class->finalize = cwa_checklist_finalize;
  object_class->get_property = cwa_checklist_get_property;
  object_class->set_property = cwa_checklist_set_property;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, CWA_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TRUST] =
    g_param_spec_object ("trust", NULL, NULL, CWA_TYPE_TRUST,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_NOW] =
    g_param_spec_boxed ("now", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_EXPIRY_WARNING_DAYS] =
    g_param_spec_uint ("expiry-warning-days", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TRANSLATED] =
    g_param_spec_boolean ("translated", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_READY] =
    g_param_spec_boolean ("ready", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_N_ERRORS] =
    g_param_spec_uint ("n-errors", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_N_WARNINGS] =
    g_param_spec_uint ("n-warnings", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_N_INFO] =
    g_param_spec_uint ("n-info", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_N_PASSED] =
    g_param_spec_uint ("n-passed", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[UPDATED] =
    g_signal_new ("updated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
cwa_checklist_init (CwaChecklist *self)
{
  self->findings = g_list_store_new (CWA_TYPE_FINDING);
  self->requirements = g_list_store_new (CWA_TYPE_REQUIREMENT);
  self->no_coverage = g_ptr_array_new ();
  self->chains = cwa_rule_context_new_chain_cache ();
  self->certificate_findings = cwa_certificate_findings_new_cache ();
  self->subject_findings = cwa_subject_findings_new_cache ();
  /* An empty plan is ready until the first run says otherwise. */
  self->ready = TRUE;
}

CwaChecklist *
cwa_checklist_new (CwaPlan  *plan,
                   CwaTrust *trust)
{
  g_return_val_if_fail (CWA_IS_PLAN (plan), NULL);
  g_return_val_if_fail (trust == NULL || CWA_IS_TRUST (trust), NULL);

  return g_object_new (CWA_TYPE_CHECKLIST,
                       "plan", plan,
                       "trust", trust,
                       NULL);
}

CwaChecklist *
cwa_checklist_new_in_language (CwaPlan          *plan,
                               CwaTrust         *trust,
                               CwaLabelLanguage  language)
{
  g_return_val_if_fail (CWA_IS_PLAN (plan), NULL);
  g_return_val_if_fail (trust == NULL || CWA_IS_TRUST (trust), NULL);

  return g_object_new (CWA_TYPE_CHECKLIST,
                       "plan", plan,
                       "trust", trust,
                       "translated", language == CWA_LABEL_TRANSLATED,
                       NULL);
}

CwaPlan *
cwa_checklist_get_plan (CwaChecklist *self)
{
  g_return_val_if_fail (CWA_IS_CHECKLIST (self), NULL);

  return self->plan;
}

CwaTrust *
cwa_checklist_get_trust (CwaChecklist *self)
{
  g_return_val_if_fail (CWA_IS_CHECKLIST (self), NULL);

  return self->trust;
}

void
cwa_checklist_set_trust (CwaChecklist *self,
                         CwaTrust     *trust)
{
  g_return_if_fail (CWA_IS_CHECKLIST (self));
  g_return_if_fail (trust == NULL || CWA_IS_TRUST (trust));

  if (!g_set_object (&self->trust, trust))
    return;

  /* Another store may hold as many roots as this one: the pool stamp
   * alone would keep chains that no longer hold. */
  self->pool.valid = FALSE;
  schedule_run (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRUST]);
}

GDateTime *
cwa_checklist_get_now (CwaChecklist *self)
{
  g_return_val_if_fail (CWA_IS_CHECKLIST (self), NULL);

  return self->now;
}

void
cwa_checklist_set_now (CwaChecklist *self,
                       GDateTime    *now)
{
  g_return_if_fail (CWA_IS_CHECKLIST (self));

  if (self->now == now ||
      (self->now != NULL && now != NULL && g_date_time_equal (self->now, now)))
    return;

  g_clear_pointer (&self->now, g_date_time_unref);
  if (now != NULL)
    self->now = g_date_time_ref (now);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOW]);
  if (self->plan != NULL)
    schedule_run (self);
}

void
cwa_checklist_set_expiry_warning_days (CwaChecklist *self,
                                       guint         days)
{
  g_return_if_fail (CWA_IS_CHECKLIST (self));

  if (self->expiry_warning_days == days)
    return;

  self->expiry_warning_days = days;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPIRY_WARNING_DAYS]);
  if (self->plan != NULL)
    schedule_run (self);
}

CwaChecklist *
cwa_checklist_new_alike (CwaChecklist     *self,
                         CwaLabelLanguage  language)
{
  CwaChecklist *alike;

  g_return_val_if_fail (CWA_IS_CHECKLIST (self), NULL);

  alike = cwa_checklist_new_in_language (self->plan, self->trust, language);
  cwa_checklist_set_now (alike, self->now);
  cwa_checklist_set_expiry_warning_days (alike, self->expiry_warning_days);
  if (self->probe_results != NULL)
    cwa_checklist_set_probe_results (alike, self->probe_results);

  return alike;
}

void
cwa_checklist_set_probe_results (CwaChecklist *self,
                                 GPtrArray    *results)
{
  g_return_if_fail (CWA_IS_CHECKLIST (self));

  g_clear_pointer (&self->probe_results, g_ptr_array_unref);
  if (results != NULL)
    self->probe_results = g_ptr_array_ref (results);
  schedule_run (self);
}

GListModel *
cwa_checklist_get_findings (CwaChecklist *self)
{
  g_return_val_if_fail (CWA_IS_CHECKLIST (self), NULL);

  return G_LIST_MODEL (self->findings);
}

GListModel *
cwa_checklist_get_requirements (CwaChecklist *self)
{
  g_return_val_if_fail (CWA_IS_CHECKLIST (self), NULL);

  return G_LIST_MODEL (self->requirements);
}

GPtrArray *
cwa_checklist_get_coverage (CwaChecklist *self)
{
  g_return_val_if_fail (CWA_IS_CHECKLIST (self), NULL);

  return self->coverage != NULL ? cwa_coverage_get_cells (self->coverage) : self->no_coverage;
}

const CwaChainResult *
cwa_checklist_get_chain (CwaChecklist   *self,
                         CwaCertificate *certificate)
{
  g_return_val_if_fail (CWA_IS_CHECKLIST (self), NULL);
  g_return_val_if_fail (CWA_IS_CERTIFICATE (certificate), NULL);

  return g_hash_table_lookup (self->chains, cwa_certificate_get_sha256 (certificate));
}

gboolean
cwa_checklist_is_ready (CwaChecklist *self)
{
  g_return_val_if_fail (CWA_IS_CHECKLIST (self), FALSE);

  return self->ready;
}

gboolean
cwa_checklist_has_nothing_to_check (CwaChecklist *self)
{
  CwaDeployment *deployment;

  g_return_val_if_fail (CWA_IS_CHECKLIST (self), TRUE);

  deployment = cwa_plan_get_deployment (cwa_checklist_get_plan (self));
  return g_list_model_get_n_items (cwa_deployment_get_servers (deployment)) == 0 &&
         g_list_model_get_n_items (cwa_deployment_get_load_balancers (deployment)) == 0 &&
         g_list_model_get_n_items (cwa_deployment_get_reverse_proxies (deployment)) == 0 &&
         cwa_checklist_get_n_errors (self) == 0 &&
         cwa_checklist_get_n_warnings (self) == 0;
}

guint
cwa_checklist_get_n_errors (CwaChecklist *self)
{
  g_return_val_if_fail (CWA_IS_CHECKLIST (self), 0);

  return self->n_errors;
}

guint
cwa_checklist_get_n_warnings (CwaChecklist *self)
{
  g_return_val_if_fail (CWA_IS_CHECKLIST (self), 0);

  return self->n_warnings;
}

guint
cwa_checklist_get_n_info (CwaChecklist *self)
{
  g_return_val_if_fail (CWA_IS_CHECKLIST (self), 0);

  return self->n_info;
}

guint
cwa_checklist_get_n_passed (CwaChecklist *self)
{
  g_return_val_if_fail (CWA_IS_CHECKLIST (self), 0);

  return self->n_passed;
}

guint
cwa_checklist_get_n_runs (CwaChecklist *self)
{
  g_return_val_if_fail (CWA_IS_CHECKLIST (self), 0);

  return self->n_runs;
}

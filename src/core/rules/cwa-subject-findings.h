/* cwa-subject-findings.h: the findings of one server, load balancer, publishing rule or deployment, kept with what they were made from. */
#pragma once

#include <gio/gio.h>

#include "cwa-finding.h"
#include "cwa-plan.h"

G_BEGIN_DECLS

/* What the findings of a subject other than a certificate depend on,
 * besides the subject's identity: the stamps of the deployment's parts
 * they read (_cwa_deployment_get_*_stamp()), the certificate names
 * (_cwa_plan_get_names_stamp()), the chain cache (a new one whenever the
 * pool or the trust store changes) and the message language.
 *
 * A server's findings (its own and its virtual servers') read the server
 * with its virtual servers (@local) and the front ends (@front_ends: the
 * array a virtual server is in, the rule that publishes it), never another
 * server, so @servers is 0 for them.  A load balancer's, publishing rule's
 * and the deployment's read any server (@servers) and the front ends;
 * @local is 0.  Every pointer is borrowed; a kept entry holds references. */
typedef struct
{
  GObject    *subject;
  guint64     local;
  guint64     servers;
  guint64     front_ends;
  guint64     names;
  GHashTable *chains;
  gboolean    translated;
} CwaSubjectInputs;

/* GObject -> kept findings; for CwaRuleContext.subject_findings. */
GHashTable *cwa_subject_findings_new_cache (void);

/* The findings kept for @inputs' subject when every input is the same as
 * when they were made, or NULL: then the rules must run.  Element type
 * GPtrArray of CwaFinding: one segment per scope the caller ran, in the
 * order it stored them.  Borrowed from @cache. */
GPtrArray  *cwa_subject_findings_lookup    (GHashTable             *cache,
                                            const CwaSubjectInputs *inputs);
/* Keeps @segments (element type GPtrArray of CwaFinding; referenced) as
 * made from @inputs, replacing what was kept for that subject. */
void        cwa_subject_findings_store     (GHashTable             *cache,
                                            const CwaSubjectInputs *inputs,
                                            GPtrArray              *segments);

G_END_DECLS

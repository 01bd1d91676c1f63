/* cwa-rules.h: the rule catalogue: every check with its id, level, scope, source and title. */
#pragma once

#include <glib.h>

#include "cwa-enums.h"

G_BEGIN_DECLS

typedef struct _CwaRule CwaRule;
typedef struct _CwaRuleContext CwaRuleContext;

/* Appends the findings of @rule for @subject (a CwaPlan for deployment
 * scope, a CwaServer, a CwaVirtualServer or a CwaCertificate) to @findings
 * (element type CwaFinding).  A rule that does not apply adds nothing. */
typedef void (*CwaRuleCheck) (const CwaRule  *rule,
                              CwaRuleContext *context,
                              gpointer        subject,
                              GPtrArray      *findings);

struct _CwaRule
{
  const gchar  *id;
  CwaLevel      level;
  CwaScope      scope;
  const gchar  *source;   /* a CwaRuleSource id: "CWA-CERTS", "PKIX"... */
  const gchar  *title;    /* untranslated; views translate with _() */
  CwaRuleCheck  check;
};

/* In catalogue order (the order of rules.md's table; the live.* rules,
 * which only probe runs, end it). */
const CwaRule * const *cwa_rules_get_catalogue (guint       *n_rules);
const CwaRule         *cwa_rules_lookup        (const gchar *id);

/* A document rules come from: @id as rules use it ("CWA-CERTS"), the
 * document's @title, and a @summary of what it asks for.  Untranslated. */
typedef struct
{
  const gchar *id;
  const gchar *title;
  const gchar *summary;
} CwaRuleSource;

/* Every source, in the order the reference lists them (static, never
 * NULL); @n_sources receives their number. */
const CwaRuleSource   *cwa_rules_get_sources   (guint       *n_sources);
/* The source called @id, or NULL. */
const CwaRuleSource   *cwa_rules_lookup_source (const gchar *id);

G_END_DECLS

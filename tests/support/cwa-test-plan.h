/* cwa-test-plan.h: example plans, scratch folders and checklists at the fixed "now", shared by the tests. */
#pragma once

#include "cwa-checklist.h"
#include "cwa-plan.h"

G_BEGIN_DECLS

/* Path of a plan (or file) in data/examples of the source tree. */
gchar        *cwa_test_example_path  (const gchar *name);
/* Loads the plan at @path; fails the test if it does not load. */
CwaPlan      *cwa_test_load_plan     (const gchar *path);
/* A checklist on @plan, run once at cwa_test_now (). */
CwaChecklist *cwa_test_checklist_new (CwaPlan     *plan);
/* Adds a computer of @fqdn to @deployment.  Returns it, borrowed (the
 * deployment holds it). */
CwaServer    *cwa_test_add_server    (CwaDeployment *deployment,
                                      const gchar   *fqdn);
/* Adds a virtual server of @url and @audience to @server; @listen may be
 * NULL (the default binding).  Returns it, borrowed. */
CwaVirtualServer *cwa_test_add_virtual_server (CwaServer   *server,
                                               const gchar *url,
                                               CwaAudience  audience,
                                               const gchar *listen);
/* The text of tests/data/@name, newly allocated. */
gchar        *cwa_test_dup_data_file (const gchar *name);
/* Deletes @path and all below it (links are removed, not followed). */
void          cwa_test_remove_tree   (const gchar *path);

G_END_DECLS

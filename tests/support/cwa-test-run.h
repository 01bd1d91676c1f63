/* cwa-test-run.h: runs the built cwa-cert-planner as a child process and reads what it printed. */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct
{
  gint   status;
  gchar *out;
  gchar *err;
} CwaTestRun;

void      cwa_test_run_clear (CwaTestRun          *run);
/* Runs $CWA_CERT_PLANNER with the NULL-terminated @args in @cwd (NULL: the
 * current folder) and waits.  A crash fails the test; NO_COLOR is set, and
 * under AddressSanitizer a leak exits 99, a status no sub-command uses. */
void      cwa_test_run_argv  (CwaTestRun          *run,
                              const gchar         *cwd,
                              const gchar * const *args);
/* Parses @text as JSON; fails the test if it is not. */
JsonNode *cwa_test_parse_json (const gchar        *text);

#define CWA_TEST_RUN(run, cwd, ...) \
  G_STMT_START { \
    const gchar *args_[] = { __VA_ARGS__, NULL }; \
    cwa_test_run_argv ((run), (cwd), args_); \
  } G_STMT_END

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CwaTestRun, cwa_test_run_clear)

G_END_DECLS

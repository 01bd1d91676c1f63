/* cwa-enums.h: small enumerations shared by the model, the rules and the views. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  CWA_AUDIENCE_INTERNAL,
  CWA_AUDIENCE_EXTERNAL,
} CwaAudience;

typedef enum
{
  CWA_LEVEL_ERROR,
  CWA_LEVEL_WARNING,
  CWA_LEVEL_INFO,
} CwaLevel;

typedef enum
{
  CWA_SCOPE_DEPLOYMENT,
  CWA_SCOPE_SERVER,
  CWA_SCOPE_VIRTUAL_SERVER,
  CWA_SCOPE_CERTIFICATE,
  CWA_SCOPE_LOAD_BALANCER,
  CWA_SCOPE_REVERSE_PROXY,
  /* A TLS endpoint probe connects to: only the live.* rules. */
  CWA_SCOPE_ENDPOINT,
} CwaScope;

typedef enum
{
  CWA_STATUS_PASS,
  CWA_STATUS_FAIL,
} CwaStatus;

/* Which certificate a required-names entry describes. */
typedef enum
{
  CWA_ROLE_SHARED,
  CWA_ROLE_SSL,
  CWA_ROLE_MTLS,
  /* An SSL-offloading load balancer's certificate. */
  CWA_ROLE_LOAD_BALANCER,
  /* A reverse proxy's listener certificate for one publishing rule. */
  CWA_ROLE_REVERSE_PROXY,
} CwaRole;

#define CWA_TYPE_AUDIENCE (cwa_audience_get_type ())
#define CWA_TYPE_LEVEL    (cwa_level_get_type ())
#define CWA_TYPE_SCOPE    (cwa_scope_get_type ())
#define CWA_TYPE_STATUS   (cwa_status_get_type ())
#define CWA_TYPE_ROLE     (cwa_role_get_type ())

GType        cwa_audience_get_type (void);
GType        cwa_level_get_type    (void);
GType        cwa_scope_get_type    (void);
GType        cwa_status_get_type   (void);
GType        cwa_role_get_type     (void);

/* Stable spellings used in plans, JSON and CSV ("internal", "error",
 * "virtual-server", "pass", "shared"...).  Never translated. */
const gchar *cwa_audience_to_string (CwaAudience audience);
gboolean     cwa_audience_from_string (const gchar *text,
                                       CwaAudience *audience);
const gchar *cwa_level_to_string    (CwaLevel    level);
const gchar *cwa_scope_to_string    (CwaScope    scope);
const gchar *cwa_status_to_string   (CwaStatus   status);
const gchar *cwa_role_to_string     (CwaRole     role);

G_END_DECLS

/* cwa-enums.c: GTypes and stable spellings of the shared enumerations. */
#include "config.h"

#include "cwa-enums.h"

#define DEFINE_ENUM_TYPE(TypeName, type_name, ...)                          \
  GType                                                                     \
  type_name##_get_type (void)                                               \
  {                                                                         \
    static gsize gtype_id = 0;                                              \
    static const GEnumValue values[] = { __VA_ARGS__, { 0, NULL, NULL } };  \
    if (g_once_init_enter (&gtype_id))                                      \
      g_once_init_leave (&gtype_id,                                         \
                         g_enum_register_static (g_intern_static_string (#TypeName), values)); \
    return gtype_id;                                                        \
  }

DEFINE_ENUM_TYPE (CwaAudience, cwa_audience,
                  { CWA_AUDIENCE_INTERNAL, "CWA_AUDIENCE_INTERNAL", "internal" },
                  { CWA_AUDIENCE_EXTERNAL, "CWA_AUDIENCE_EXTERNAL", "external" })
DEFINE_ENUM_TYPE (CwaLevel, cwa_level,
                  { CWA_LEVEL_ERROR, "CWA_LEVEL_ERROR", "error" },
                  { CWA_LEVEL_WARNING, "CWA_LEVEL_WARNING", "warning" },
                  { CWA_LEVEL_INFO, "CWA_LEVEL_INFO", "info" })
DEFINE_ENUM_TYPE (CwaScope, cwa_scope,
                  { CWA_SCOPE_DEPLOYMENT, "CWA_SCOPE_DEPLOYMENT", "deployment" },
                  { CWA_SCOPE_SERVER, "CWA_SCOPE_SERVER", "server" },
                  { CWA_SCOPE_VIRTUAL_SERVER, "CWA_SCOPE_VIRTUAL_SERVER", "virtual-server" },
                  { CWA_SCOPE_CERTIFICATE, "CWA_SCOPE_CERTIFICATE", "certificate" },
                  { CWA_SCOPE_LOAD_BALANCER, "CWA_SCOPE_LOAD_BALANCER", "load-balancer" },
                  { CWA_SCOPE_REVERSE_PROXY, "CWA_SCOPE_REVERSE_PROXY", "reverse-proxy" },
                  { CWA_SCOPE_ENDPOINT, "CWA_SCOPE_ENDPOINT", "endpoint" })
DEFINE_ENUM_TYPE (CwaStatus, cwa_status,
                  { CWA_STATUS_PASS, "CWA_STATUS_PASS", "pass" },
                  { CWA_STATUS_FAIL, "CWA_STATUS_FAIL", "fail" })
DEFINE_ENUM_TYPE (CwaRole, cwa_role,
                  { CWA_ROLE_SHARED, "CWA_ROLE_SHARED", "shared" },
                  { CWA_ROLE_SSL, "CWA_ROLE_SSL", "ssl" },
                  { CWA_ROLE_MTLS, "CWA_ROLE_MTLS", "mtls" },
                  { CWA_ROLE_LOAD_BALANCER, "CWA_ROLE_LOAD_BALANCER", "load-balancer" },
                  { CWA_ROLE_REVERSE_PROXY, "CWA_ROLE_REVERSE_PROXY", "reverse-proxy" })

/* The GEnumValue nicks are the stable spellings, so there is one table. */
static const gchar *
enum_to_nick (GType type,
              gint  value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *ev = g_enum_get_value (klass, value);

  g_return_val_if_fail (ev != NULL, NULL);
  return ev->value_nick;
}

const gchar *
cwa_audience_to_string (CwaAudience audience)
{
  return enum_to_nick (CWA_TYPE_AUDIENCE, audience);
}

gboolean
cwa_audience_from_string (const gchar *text,
                          CwaAudience *audience)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *ev;

  if (text == NULL)
    return FALSE;
  klass = g_type_class_ref (CWA_TYPE_AUDIENCE);
  ev = g_enum_get_value_by_nick (klass, text);
  if (ev == NULL)
    return FALSE;
  if (audience != NULL)
    *audience = ev->value;
  return TRUE;
}

const gchar *
cwa_level_to_string (CwaLevel level)
{
  return enum_to_nick (CWA_TYPE_LEVEL, level);
}

const gchar *
cwa_scope_to_string (CwaScope scope)
{
  return enum_to_nick (CWA_TYPE_SCOPE, scope);
}

const gchar *
cwa_status_to_string (CwaStatus status)
{
  return enum_to_nick (CWA_TYPE_STATUS, status);
}

const gchar *
cwa_role_to_string (CwaRole role)
{
  return enum_to_nick (CWA_TYPE_ROLE, role);
}

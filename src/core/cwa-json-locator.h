/* cwa-json-locator.h: where each value of a JSON text is (line and column), since json-glib forgets it. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CWA_JSON_LOCATOR_ERROR (cwa_json_locator_error_quark ())

typedef enum
{
  CWA_JSON_LOCATOR_ERROR_SYNTAX,
  CWA_JSON_LOCATOR_ERROR_ENCODING,
  CWA_JSON_LOCATOR_ERROR_TOO_DEEP,
} CwaJsonLocatorError;

typedef struct _CwaJsonLocator CwaJsonLocator;

GQuark          cwa_json_locator_error_quark (void);

/* Scans @text (strict RFC 8259 JSON, UTF-8) and records the position of every
 * value under its path: "" for the root, then "servers", "servers[0]",
 * "servers[0].fqdn"...  On malformed input returns NULL, sets @error to a
 * short description ("expected ',' or '}'") and @error_line/@error_column
 * to where the problem is.  Lines and columns are 1-based; columns count
 * characters, not bytes. */
CwaJsonLocator *cwa_json_locator_new         (const gchar    *text,
                                              gsize           length,
                                              guint          *error_line,
                                              guint          *error_column,
                                              GError        **error);
/* FALSE if no value has that path. */
gboolean        cwa_json_locator_lookup      (CwaJsonLocator *self,
                                              const gchar    *path,
                                              guint          *line,
                                              guint          *column);
void            cwa_json_locator_free        (CwaJsonLocator *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwaJsonLocator, cwa_json_locator_free)

G_END_DECLS

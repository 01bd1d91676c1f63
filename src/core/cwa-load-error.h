/* cwa-load-error.h: the error domain of reading certificates, shared by the loader and the parser. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CWA_LOAD_ERROR (cwa_load_error_quark ())

typedef enum
{
  CWA_LOAD_ERROR_NOT_CERTIFICATE,
  CWA_LOAD_ERROR_CORRUPT,
  CWA_LOAD_ERROR_NEEDS_PASSWORD,
  CWA_LOAD_ERROR_WRONG_PASSWORD,
  CWA_LOAD_ERROR_TOO_LARGE,
  CWA_LOAD_ERROR_IO,
} CwaLoadError;

GQuark cwa_load_error_quark (void);

G_END_DECLS

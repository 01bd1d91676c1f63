/* cwa-load-error.c: the error domain of reading certificates. */
#include "config.h"

#include "cwa-load-error.h"

G_DEFINE_QUARK (cwa-load-error-quark, cwa_load_error)

/* fuzz-names.c: libFuzzer target for host name, URL and listen-address parsing. */
#include "config.h"

#include <string.h>

#include "cwa-fuzz.h"
#include "cwa-names.h"

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree gchar *text = g_strndup ((const gchar *) data, size);
  g_autofree gchar *normal = cwa_name_normalize (text, NULL);
  g_autofree gchar *lenient = cwa_name_normalize_lenient (text);
  g_autofree gchar *host = NULL;
  g_autofree gchar *address = NULL;
  g_autofree gchar *derived = NULL;
  gboolean https = FALSE;
  guint port = 0;

  /* A normalised name is its own normal form and equal to the input. */
  if (normal != NULL)
    {
      g_autofree gchar *again = cwa_name_normalize (normal, NULL);

      g_assert (again != NULL && strcmp (again, normal) == 0);
      g_assert (cwa_name_equal (text, normal));
      g_assert (g_utf8_validate (normal, -1, NULL));
    }
  if (lenient != NULL)
    g_assert (g_utf8_validate (lenient, -1, NULL));

  if (cwa_url_parse (text, &https, &host, &port, NULL))
    g_assert (host != NULL && port > 0 && port < 65536);
  derived = cwa_url_dup_derived_host (text, host, "as");
  if (cwa_listen_parse (text, &address, &port, NULL))
    g_assert (address != NULL && port < 65536);

  return 0;
}

/* fuzz-loader.c: libFuzzer target for the certificate loader: any bytes, without and with a password. */
#include "config.h"

#include "cwa-cert-loader.h"
#include "cwa-fuzz.h"

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  const gchar *passwords[] = { NULL, "Contoso!2026" };

  for (guint i = 0; i < G_N_ELEMENTS (passwords); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) certificates = cwa_cert_loader_load_bytes (bytes, "fuzz", passwords[i], &error);

      /* Either certificates or a message that names the input. */
      if (certificates == NULL)
        g_assert (error != NULL && g_str_has_prefix (error->message, "fuzz"));
      else
        g_assert (certificates->len > 0 && cwa_cert_loader_pick_primary (certificates) != NULL);
    }

  return 0;
}

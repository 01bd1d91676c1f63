/* cwa-model-util.c: setters the model classes share for their name and URL properties. */
#include "config.h"

#include "cwa-model-private.h"
#include "cwa-names.h"

static void
replace_string (GObject     *object,
                gchar      **field,
                gchar       *value,
                GParamSpec  *pspec)
{
  if (g_strcmp0 (*field, value) == 0)
    {
      g_free (value);
      return;
    }
  g_free (*field);
  *field = value;
  g_object_notify_by_pspec (object, pspec);
}

void
_cwa_model_set_fqdn (GObject     *object,
                     const gchar *value,
                     gchar      **fqdn,
                     gchar      **host,
                     GParamSpec  *fqdn_pspec,
                     GParamSpec  *host_pspec)
{
  if (g_strcmp0 (*fqdn, value) == 0)
    return;

  g_object_freeze_notify (object);
  replace_string (object, fqdn, g_strdup (value), fqdn_pspec);
  replace_string (object, host, cwa_name_normalize_lenient (value), host_pspec);
  g_object_thaw_notify (object);
}

void
_cwa_model_set_url (GObject            *object,
                    const gchar        *value,
                    CwaUrlFields       *fields,
                    const CwaUrlPspecs *pspecs)
{
  gchar *host = NULL;
  gboolean is_https = TRUE;
  guint port = 443;

  if (!cwa_url_parse (value, &is_https, &host, &port, NULL))
    g_return_if_reached ();
  if (g_strcmp0 (fields->url, value) == 0)
    {
      g_free (host);
      return;
    }

  g_object_freeze_notify (object);
  replace_string (object, &fields->url, g_strdup (value), pspecs->url);
  replace_string (object, &fields->host, host, pspecs->host);
  if (fields->is_https != is_https)
    {
      fields->is_https = is_https;
      g_object_notify_by_pspec (object, pspecs->is_https);
    }
  if (fields->port != port)
    {
      fields->port = port;
      g_object_notify_by_pspec (object, pspecs->port);
    }
  g_object_thaw_notify (object);
}

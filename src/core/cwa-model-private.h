/* cwa-model-private.h: setters the model classes share for their name and URL properties. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Sets *@fqdn to a copy of @value and *@host to its lenient normal form
 * (cwa_name_normalize_lenient), notifying @fqdn_pspec and, when the host
 * really changed, @host_pspec on @object in one batch.  Does nothing when
 * @value equals *@fqdn.  Used by computers, load balancers and reverse
 * proxies, whose FQDN the GUI may hold invalid while the user types. */
void _cwa_model_set_fqdn (GObject     *object,
                          const gchar *value,
                          gchar      **fqdn,
                          gchar      **host,
                          GParamSpec  *fqdn_pspec,
                          GParamSpec  *host_pspec);

/* The fields derived from a URL, and the properties that notify them. */
typedef struct
{
  gchar    *url;
  gchar    *host;      /* normalised */
  gboolean  is_https;
  guint     port;      /* explicit, or 443/80 */
} CwaUrlFields;

typedef struct
{
  GParamSpec *url;
  GParamSpec *host;
  GParamSpec *is_https;
  GParamSpec *port;
} CwaUrlPspecs;

/* Sets @fields from @value, which must parse (cwa_url_parse), notifying
 * each property of @pspecs whose value really changed, in one batch so a
 * listener of "url" already reads the new host.  Does nothing when @value
 * equals @fields->url.  Used by virtual servers and publishing rules. */
void _cwa_model_set_url (GObject            *object,
                         const gchar        *value,
                         CwaUrlFields       *fields,
                         const CwaUrlPspecs *pspecs);

G_END_DECLS

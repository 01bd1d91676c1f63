/* cwa-names.h: host names, URLs and listen bindings: normalise, compare, IDN, wildcards. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CWA_NAME_ERROR (cwa_name_error_quark ())

typedef enum
{
  CWA_NAME_ERROR_EMPTY,
  CWA_NAME_ERROR_INVALID_HOST,
  CWA_NAME_ERROR_INVALID_URL,
  CWA_NAME_ERROR_INVALID_PORT,
  CWA_NAME_ERROR_INVALID_LISTEN,
} CwaNameError;

/* How a list of certificate names answers for one required host name. */
typedef enum
{
  CWA_NAME_MATCH_NONE,
  CWA_NAME_MATCH_EXACT,
  /* Only a wildcard entry would match, under RFC 6125 (one label deep). */
  CWA_NAME_MATCH_WILDCARD_ONLY,
} CwaNameMatch;

GQuark       cwa_name_error_quark        (void);

/* Lower case, one trailing dot removed, IDN labels converted to their ASCII
 * (punycode) form.  Returns NULL and sets @error if @name is not a host name.
 * A leading "*." label is kept so certificate names can be normalised too. */
gchar       *cwa_name_normalize          (const gchar  *name,
                                          GError      **error);
/* cwa_name_normalize(), or @name lower-cased when it is not a host name
 * (an IPv6 address, or what the GUI holds while the user types): what the
 * model stores as a field's "host" so the rules always have a name to
 * compare and print.  Never NULL. */
gchar       *cwa_name_normalize_lenient  (const gchar  *name);
/* TRUE if @name is a syntactically valid DNS host name (no wildcard). */
gboolean     cwa_name_is_valid_host      (const gchar  *name);
/* Case-insensitive, trailing-dot-insensitive, IDN-aware equality.  A
 * wildcard never equals a host name. */
gboolean     cwa_name_equal              (const gchar  *a,
                                          const gchar  *b);
gboolean     cwa_name_is_wildcard        (const gchar  *name);
/* RFC 6125 section 6.4.3: "*" as the whole left-most label, matching exactly
 * one label of @host. */
gboolean     cwa_name_wildcard_matches   (const gchar  *pattern,
                                          const gchar  *host);
/* Looks @required up in @names (NULL-terminated, as written in a
 * certificate). */
CwaNameMatch cwa_names_match             (const gchar * const *names,
                                          const gchar  *required);
/* @names each normalised (cwa_name_normalize()), those that are not host
 * names left out, since they match nothing: what
 * cwa_names_match_normalized() takes, made once for many look-ups.  Owned. */
GStrv        cwa_names_dup_normalized    (const gchar * const *names);
/* cwa_names_match() on names normalised beforehand: @normalized from
 * cwa_names_dup_normalized(), @required from cwa_name_normalize() (NULL
 * when it is not a host name: then nothing matches). */
CwaNameMatch cwa_names_match_normalized  (const gchar * const *normalized,
                                          const gchar  *required);

/* Parses "https://host[:port][/]", "http://host[:port][/]" or a bare "host"
 * (then https).  A path, query, user info or other scheme is an error.
 * @host is returned normalised (cwa_name_normalize()).  @port is the explicit
 * port or the scheme's default. */
gboolean     cwa_url_parse               (const gchar  *url,
                                          gboolean     *is_https,
                                          gchar       **host,
                                          guint        *port,
                                          GError      **error);

/* The host of an asURL or downloadURL: @override's host when it is given
 * and parses (cwa_url_parse()), else "<prefix>.<host>" normalised.  NULL
 * when @host is NULL and there is no usable override. */
gchar       *cwa_url_dup_derived_host    (const gchar  *override,
                                          const gchar  *host,
                                          const gchar  *prefix);

/* Parses "address:port" where address is "*", an IPv4 address, "[IPv6]" or a
 * host name.  @address is returned as written ("*" for all addresses). */
gboolean     cwa_listen_parse            (const gchar  *listen,
                                          gchar       **address,
                                          guint        *port,
                                          GError      **error);

G_END_DECLS

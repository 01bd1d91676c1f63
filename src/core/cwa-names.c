/* cwa-names.c: host names, URLs and listen bindings: normalise, compare, IDN, wildcards. */
#include "cwa-names.h"

#include <string.h>

#include <gnutls/gnutls.h>

#define MAX_LABEL_LENGTH 63
#define MAX_NAME_LENGTH 253

/* The quark's name is text, not a subtraction. */
/* clang-format off */
G_DEFINE_QUARK (cwa-name-error-quark, cwa_name_error)
/* clang-format on */

static gboolean
label_is_valid (const gchar *label,
                gsize        length)
{
  gsize i;

  if (length == 0 || length > MAX_LABEL_LENGTH)
    return FALSE;
  if (label[0] == '-' || label[length - 1] == '-')
    return FALSE;

  for (i = 0; i < length; i++)
    {
      if (!g_ascii_isalnum (label[i]) && label[i] != '-')
        return FALSE;
    }

  return TRUE;
}

static gboolean
label_is_numeric (const gchar *label)
{
  for (; *label != '\0' && *label != '.'; label++)
    {
      if (!g_ascii_isdigit (*label))
        return FALSE;
    }
  return TRUE;
}

/* Checks an ASCII, lower-case name without trailing dot or wildcard label.
 * On failure returns a phrase completing "… is not a host name: ". */
static const gchar *
check_ascii_host (const gchar *name)
{
  const gchar *label = name;
  const gchar *last_label = name;

  if (*name == '\0')
    return "it is empty";
  if (strlen (name) > MAX_NAME_LENGTH)
    return "it is longer than 253 characters";

  for (;;)
    {
      const gchar *dot = strchr (label, '.');
      gsize        length = dot != NULL ? (gsize) (dot - label) : strlen (label);

      if (length == 0)
        return "it has an empty label (two dots in a row, or a leading dot)";
      if (length > MAX_LABEL_LENGTH)
        return "a label is longer than 63 characters";
      if (!label_is_valid (label, length))
        return "a label may contain only letters, digits and hyphens, and may not start or end with a hyphen";

      last_label = label;
      if (dot == NULL)
        break;
      label = dot + 1;
    }

  /* RFC 1123 2.1: a top-level label is never all digits, which also keeps
   * IPv4 literals such as "10.0.0.1" from passing for host names. */
  if (label_is_numeric (last_label))
    return "its last label is all digits (an IP address is not a host name)";

  return NULL;
}

/* Converts @name (without wildcard label) to lower-case ASCII.
 *
 * gnutls_idna_map() rather than g_hostname_to_ascii(): GnuTLS hands the
 * conversion to libidn2, which implements IDNA2008 with the UTS #46
 * non-transitional mapping (so "faß.de" stays "xn--fa-hia.de" instead of
 * the IDNA2003 "fass.de"), and it is the same conversion GnuTLS itself
 * applies when it checks a certificate's host names.  GLib ships its own
 * IDNA2003-era implementation. */
static gchar *
host_to_ascii (const gchar  *name,
               const gchar **problem)
{
  const gchar   *p;
  gboolean       is_ascii = TRUE;
  gnutls_datum_t out = { NULL, 0 };
  gchar         *ascii;
  int            ret;

  for (p = name; *p != '\0'; p++)
    {
      if ((guchar) *p >= 0x80)
        is_ascii = FALSE;
    }

  if (is_ascii)
    return g_ascii_strdown (name, -1);

  if (!g_utf8_validate (name, -1, NULL))
    {
      *problem = "it is not valid UTF-8 text";
      return NULL;
    }

  ret = gnutls_idna_map (name, (unsigned) strlen (name), &out, 0);
  if (ret < 0)
    {
      *problem = "it is not a valid internationalised domain name";
      return NULL;
    }

  ascii = g_ascii_strdown ((const gchar *) out.data, (gssize) out.size);
  gnutls_free (out.data);
  return ascii;
}

gchar *
cwa_name_normalize (const gchar *name,
                    GError     **error)
{
  g_autofree gchar *copy = NULL;
  g_autofree gchar *ascii = NULL;
  g_autofree gchar *shown = NULL;
  const gchar      *host;
  const gchar      *problem = NULL;
  gboolean          wildcard = FALSE;
  gsize             length;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (*name == '\0')
    {
      g_set_error_literal (error, CWA_NAME_ERROR, CWA_NAME_ERROR_EMPTY,
                           "The host name is empty; enter a name such as im.contoso.com.");
      return NULL;
    }

  copy = g_strdup (name);
  length = strlen (copy);
  if (copy[length - 1] == '.')
    copy[length - 1] = '\0';

  host = copy;
  if (g_str_has_prefix (copy, "*."))
    {
      wildcard = TRUE;
      host = copy + 2;
    }

  if (strchr (host, '*') != NULL)
    problem = "“*” is allowed only as the whole left-most label, as in *.contoso.com";
  else if (*host == '\0')
    problem = "it has no labels";
  else
    ascii = host_to_ascii (host, &problem);

  if (problem == NULL)
    problem = check_ascii_host (ascii);

  /* "*.com" would be a wildcard over a whole top-level domain. */
  if (problem == NULL && wildcard && strchr (ascii, '.') == NULL)
    problem = "a wildcard needs at least two labels after “*.”";

  if (problem != NULL)
    {
      /* Messages are UTF-8 even when what was typed or read is not. */
      shown = g_utf8_make_valid (name, -1);
      g_set_error (error, CWA_NAME_ERROR, CWA_NAME_ERROR_INVALID_HOST,
                   "“%s” is not a host name: %s.", shown, problem);
      return NULL;
    }

  if (wildcard)
    return g_strconcat ("*.", ascii, NULL);

  return g_steal_pointer (&ascii);
}

gboolean
cwa_name_is_wildcard (const gchar *name)
{
  g_return_val_if_fail (name != NULL, FALSE);

  return strchr (name, '*') != NULL;
}

gchar *
cwa_name_normalize_lenient (const gchar *name)
{
  gchar *host;

  g_return_val_if_fail (name != NULL, NULL);

  host = cwa_name_normalize (name, NULL);
  if (host == NULL)
    {
      /* Shown and compared as text: never invalid UTF-8 (found by fuzzing). */
      g_autofree gchar *valid = g_utf8_make_valid (name, -1);

      host = g_ascii_strdown (valid, -1);
    }
  return host;
}

gboolean
cwa_name_is_valid_host (const gchar *name)
{
  g_autofree gchar *normal = NULL;

  g_return_val_if_fail (name != NULL, FALSE);

  if (cwa_name_is_wildcard (name))
    return FALSE;

  normal = cwa_name_normalize (name, NULL);
  return normal != NULL;
}

gboolean
cwa_name_equal (const gchar *a,
                const gchar *b)
{
  g_autofree gchar *na = NULL;
  g_autofree gchar *nb = NULL;

  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  /* Names that are not host names equal nothing, not even themselves:
   * a malformed certificate entry must never satisfy a requirement.  The
   * same text (most comparisons) needs normalising once. */
  if (strcmp (a, b) == 0)
    {
      na = cwa_name_normalize (a, NULL);
      return na != NULL;
    }
  na = cwa_name_normalize (a, NULL);
  nb = cwa_name_normalize (b, NULL);
  if (na == NULL || nb == NULL)
    return FALSE;

  return strcmp (na, nb) == 0;
}

gboolean
cwa_name_wildcard_matches (const gchar *pattern,
                           const gchar *host)
{
  g_autofree gchar *npattern = NULL;
  g_autofree gchar *nhost = NULL;
  const gchar      *host_rest;

  g_return_val_if_fail (pattern != NULL, FALSE);
  g_return_val_if_fail (host != NULL, FALSE);

  if (!g_str_has_prefix (pattern, "*.") || cwa_name_is_wildcard (host))
    return FALSE;

  /* Normalising also rejects partial wildcards ("w*.contoso.com") and
   * wildcards in any but the left-most label, which RFC 6125 6.4.3 lets a
   * client refuse, and which Internet Explorer does not match. */
  npattern = cwa_name_normalize (pattern, NULL);
  nhost = cwa_name_normalize (host, NULL);
  if (npattern == NULL || nhost == NULL)
    return FALSE;

  /* "*" stands for exactly one label: drop the host's first label and the
   * rest must equal the pattern after "*.". */
  host_rest = strchr (nhost, '.');
  if (host_rest == NULL)
    return FALSE;

  return strcmp (host_rest + 1, npattern + 2) == 0;
}

GStrv
cwa_names_dup_normalized (const gchar * const *names)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (gsize i = 0; names != NULL && names[i] != NULL; i++)
    {
      g_autofree gchar *normal = cwa_name_normalize (names[i], NULL);

      if (normal != NULL)
        g_strv_builder_add (builder, normal);
    }
  return g_strv_builder_end (builder);
}

/* A normalised wildcard is "*." and a host name; "*" stands for exactly
 * one label (cwa_name_wildcard_matches()), and never for a wildcard. */
CwaNameMatch
cwa_names_match_normalized (const gchar * const *normalized,
                            const gchar         *required)
{
  CwaNameMatch match = CWA_NAME_MATCH_NONE;
  const gchar *rest;

  if (normalized == NULL || required == NULL)
    return CWA_NAME_MATCH_NONE;

  rest = required[0] != '*' ? strchr (required, '.') : NULL;
  for (gsize i = 0; normalized[i] != NULL; i++)
    {
      if (normalized[i][0] == '*')
        {
          if (rest != NULL && strcmp (rest + 1, normalized[i] + 2) == 0)
            match = CWA_NAME_MATCH_WILDCARD_ONLY;
        }
      else if (strcmp (normalized[i], required) == 0)
        return CWA_NAME_MATCH_EXACT;
    }

  return match;
}

CwaNameMatch
cwa_names_match (const gchar * const *names,
                 const gchar         *required)
{
  g_auto(GStrv) normalized = NULL;
  g_autofree gchar *normal = NULL;

  g_return_val_if_fail (required != NULL, CWA_NAME_MATCH_NONE);

  if (names == NULL)
    return CWA_NAME_MATCH_NONE;

  normalized = cwa_names_dup_normalized (names);
  normal = cwa_name_normalize (required, NULL);
  return cwa_names_match_normalized ((const gchar * const *) normalized, normal);
}

/* Parses a decimal port 1..65535; no sign, no spaces. */
static gboolean
parse_port (const gchar *text,
            guint       *port)
{
  guint64 value;

  if (*text == '\0' || strlen (text) > 5)
    return FALSE;
  if (!g_ascii_string_to_unsigned (text, 10, 1, 65535, &value, NULL))
    return FALSE;

  *port = (guint) value;
  return TRUE;
}

static gboolean
has_space (const gchar *text)
{
  for (; *text != '\0'; text++)
    {
      if (g_ascii_isspace (*text))
        return TRUE;
    }
  return FALSE;
}

/* The checks every URL passes before its parts are read: not empty, text,
 * no space (every later message quotes it). */
static gboolean
url_check_text (const gchar *url,
                GError     **error)
{
  if (*url == '\0')
    {
      g_set_error_literal (error, CWA_NAME_ERROR, CWA_NAME_ERROR_EMPTY,
                           "The URL is empty; a CWA URL is https://host[:port], such as https://im.contoso.com.");
      return FALSE;
    }

  if (!g_utf8_validate (url, -1, NULL))
    {
      g_set_error_literal (error, CWA_NAME_ERROR, CWA_NAME_ERROR_INVALID_URL,
                           "The URL is not valid UTF-8 text; a CWA URL is https://host[:port] only.");
      return FALSE;
    }

  if (has_space (url))
    {
      g_set_error (error, CWA_NAME_ERROR, CWA_NAME_ERROR_INVALID_URL,
                   "“%s” contains a space; a CWA URL is https://host[:port] only.", url);
      return FALSE;
    }

  return TRUE;
}

/* "https://" or "http://" (any case), or none, which means https.  *@rest
 * receives what follows the scheme. */
static gboolean
url_parse_scheme (const gchar  *url,
                  gboolean     *https,
                  const gchar **rest,
                  GError      **error)
{
  const gchar      *sep = strstr (url, "://");
  g_autofree gchar *scheme = NULL;

  *https = TRUE;
  *rest = url;
  if (sep == NULL)
    return TRUE;

  scheme = g_strndup (url, (gsize) (sep - url));
  if (g_ascii_strcasecmp (scheme, "http") == 0)
    *https = FALSE;
  else if (g_ascii_strcasecmp (scheme, "https") != 0)
    {
      g_set_error (error, CWA_NAME_ERROR, CWA_NAME_ERROR_INVALID_URL,
                   "“%s” does not start with https:// or http://; a CWA URL is https://host[:port] only.",
                   url);
      return FALSE;
    }

  *rest = sep + 3;
  return TRUE;
}

/* The authority (host[:port]) of @rest (owned), which may end with one "/"
 * but has no path, query or fragment; NULL with @error set otherwise. */
static gchar *
url_dup_authority (const gchar *url,
                   const gchar *rest,
                   GError     **error)
{
  const gchar *end = rest + strcspn (rest, "/?#");
  const gchar *after = *end == '/' ? end + 1 : end;
  const gchar *what = NULL;

  if (*after == '?')
    what = "a query";
  else if (*after == '#')
    what = "a fragment";
  else if (*after != '\0')
    what = "a path";

  if (what != NULL)
    {
      g_set_error (error, CWA_NAME_ERROR, CWA_NAME_ERROR_INVALID_URL,
                   "“%s” has %s; a CWA URL is https://host[:port] only.", url, what);
      return NULL;
    }

  return g_strndup (rest, (gsize) (end - rest));
}

static void
set_address_error (const gchar *url,
                   GError     **error)
{
  g_set_error (error, CWA_NAME_ERROR, CWA_NAME_ERROR_INVALID_URL,
               "“%s” names an IP address; a CWA URL names its host, such as https://im.contoso.com.",
               url);
}

/* Splits @authority into the host as written (owned) and the port (the
 * scheme's default when none); no user name and no IP literal.  NULL with
 * @error set on failure. */
static gchar *
url_split_authority (const gchar *url,
                     const gchar *authority,
                     gboolean     https,
                     guint       *port,
                     GError     **error)
{
  const gchar *colon = strchr (authority, ':');

  if (strchr (authority, '@') != NULL)
    {
      g_set_error (error, CWA_NAME_ERROR, CWA_NAME_ERROR_INVALID_URL,
                   "“%s” has a user name; a CWA URL is https://host[:port] only.", url);
      return NULL;
    }

  /* "[::1]" or a bare IPv6 address with its several colons. */
  if (authority[0] == '[' || (colon != NULL && strchr (colon + 1, ':') != NULL))
    {
      set_address_error (url, error);
      return NULL;
    }

  *port = https ? 443 : 80;
  if (colon == NULL)
    return g_strdup (authority);

  if (!parse_port (colon + 1, port))
    {
      g_set_error (error, CWA_NAME_ERROR, CWA_NAME_ERROR_INVALID_PORT,
                   "“%s” has the port “%s”; a port is a number from 1 to 65535.",
                   url, colon + 1);
      return NULL;
    }

  return g_strndup (authority, (gsize) (colon - authority));
}

/* @host as cwa_name_normalize() gives it (owned), if it names one host:
 * not empty, not an address, not a wildcard. */
static gchar *
url_normalize_host (const gchar *url,
                    const gchar *host,
                    GError     **error)
{
  g_autoptr (GError) local_error = NULL;
  gchar             *normal;

  if (*host == '\0')
    {
      g_set_error (error, CWA_NAME_ERROR, CWA_NAME_ERROR_INVALID_URL,
                   "“%s” has no host; a CWA URL is https://host[:port], such as https://im.contoso.com.",
                   url);
      return NULL;
    }

  if (g_hostname_is_ip_address (host))
    {
      set_address_error (url, error);
      return NULL;
    }

  if (cwa_name_is_wildcard (host))
    {
      g_set_error (error, CWA_NAME_ERROR, CWA_NAME_ERROR_INVALID_HOST,
                   "“%s” has a wildcard host; a CWA URL names one host, such as https://im.contoso.com.",
                   url);
      return NULL;
    }

  normal = cwa_name_normalize (host, &local_error);
  if (normal == NULL)
    g_set_error (error, CWA_NAME_ERROR, CWA_NAME_ERROR_INVALID_HOST,
                 "The URL “%s” does not name a valid host. %s", url, local_error->message);
  return normal;
}

gboolean
cwa_url_parse (const gchar *url,
               gboolean    *is_https,
               gchar      **host,
               guint       *port,
               GError     **error)
{
  g_autofree gchar *authority = NULL;
  g_autofree gchar *host_part = NULL;
  g_autofree gchar *normal = NULL;
  const gchar      *rest;
  gboolean          https;
  guint             the_port;

  g_return_val_if_fail (url != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!url_check_text (url, error) ||
      !url_parse_scheme (url, &https, &rest, error))
    return FALSE;

  authority = url_dup_authority (url, rest, error);
  if (authority == NULL)
    return FALSE;
  host_part = url_split_authority (url, authority, https, &the_port, error);
  if (host_part == NULL)
    return FALSE;
  normal = url_normalize_host (url, host_part, error);
  if (normal == NULL)
    return FALSE;

  if (is_https != NULL)
    *is_https = https;
  if (host != NULL)
    *host = g_steal_pointer (&normal);
  if (port != NULL)
    *port = the_port;

  return TRUE;
}

static gboolean
listen_address_is_valid (const gchar *address)
{
  g_autofree gchar *inner = NULL;
  gsize             length = strlen (address);

  if (strcmp (address, "*") == 0)
    return TRUE;

  if (address[0] == '[')
    {
      if (length < 3 || address[length - 1] != ']')
        return FALSE;
      inner = g_strndup (address + 1, length - 2);
      return strchr (inner, ':') != NULL && g_hostname_is_ip_address (inner);
    }

  if (strchr (address, ':') != NULL)
    return FALSE;

  if (g_hostname_is_ip_address (address))
    return TRUE;

  return cwa_name_is_valid_host (address);
}

gchar *
cwa_url_dup_derived_host (const gchar *override,
                          const gchar *host,
                          const gchar *prefix)
{
  g_autofree gchar *parsed = NULL;
  g_autofree gchar *derived = NULL;
  gchar            *normalized;

  g_return_val_if_fail (prefix != NULL, NULL);

  /* The plan file refuses overrides that do not parse; falling back keeps
   * the rules working while the GUI holds a half-typed value. */
  if (override != NULL && cwa_url_parse (override, NULL, &parsed, NULL, NULL))
    return g_steal_pointer (&parsed);

  if (host == NULL)
    return NULL;

  derived = g_strconcat (prefix, ".", host, NULL);
  normalized = cwa_name_normalize (derived, NULL);

  return normalized != NULL ? normalized : g_steal_pointer (&derived);
}

gboolean
cwa_listen_parse (const gchar *listen,
                  gchar      **address,
                  guint       *port,
                  GError     **error)
{
  g_autofree gchar *addr = NULL;
  const gchar      *colon;
  guint             the_port = 0;

  g_return_val_if_fail (listen != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (*listen == '\0')
    {
      g_set_error_literal (error, CWA_NAME_ERROR, CWA_NAME_ERROR_EMPTY,
                           "The listen binding is empty; write address:port, such as *:443 or 10.0.0.1:443.");
      return FALSE;
    }

  if (!g_utf8_validate (listen, -1, NULL))
    {
      g_set_error_literal (error, CWA_NAME_ERROR, CWA_NAME_ERROR_INVALID_LISTEN,
                           "The listen binding is not valid UTF-8 text; write address:port, such as *:443.");
      return FALSE;
    }

  /* The last colon separates the port, so "[::1]:443" splits after "]". */
  colon = strrchr (listen, ':');
  if (colon == NULL || has_space (listen))
    {
      g_set_error (error, CWA_NAME_ERROR, CWA_NAME_ERROR_INVALID_LISTEN,
                   "“%s” is not a listen binding; write address:port, such as *:443 or 10.0.0.1:443.",
                   listen);
      return FALSE;
    }

  addr = g_strndup (listen, (gsize) (colon - listen));
  if (*addr == '\0' || !listen_address_is_valid (addr))
    {
      g_set_error (error, CWA_NAME_ERROR, CWA_NAME_ERROR_INVALID_LISTEN,
                   "“%s” does not start with a valid address; write *, an IPv4 address, "
                   "[an IPv6 address] or a host name, then :port, such as *:443.",
                   listen);
      return FALSE;
    }

  if (!parse_port (colon + 1, &the_port))
    {
      g_set_error (error, CWA_NAME_ERROR, CWA_NAME_ERROR_INVALID_PORT,
                   "“%s” has the port “%s”; a port is a number from 1 to 65535.",
                   listen, colon + 1);
      return FALSE;
    }

  if (address != NULL)
    *address = g_steal_pointer (&addr);
  if (port != NULL)
    *port = the_port;

  return TRUE;
}

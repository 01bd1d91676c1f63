/* test-names.c: host name normalisation, equality, wildcards, URL and listen parsing; counts in messages. */
#include <locale.h>
#include <string.h>

#include "cwa-count-text.h"
#include "cwa-names.h"
#include "cwa-rule-text.h"
#include "cwa-suggest.h"

/* Each table row is one case; a NULL expected value means "rejected". */

typedef struct
{
  const gchar *input;
  const gchar *expected;
  CwaNameError error_code;  /* when expected is NULL */
} NormalizeCase;

static const NormalizeCase normalize_cases[] = {
  /* case and trailing dot */
  { "im.contoso.com", "im.contoso.com", 0 },
  { "IM.Contoso.COM", "im.contoso.com", 0 },
  { "im.contoso.com.", "im.contoso.com", 0 },
  { "IM.CONTOSO.COM.", "im.contoso.com", 0 },
  { "cwaserver", "cwaserver", 0 },
  { "CWASERVER.", "cwaserver", 0 },
  { "a-b.c-d.example", "a-b.c-d.example", 0 },
  { "1im.contoso.com", "1im.contoso.com", 0 },
  { "x.y", "x.y", 0 },
  /* IDN: U-labels to A-labels, A-labels unchanged */
  { "bücher.example", "xn--bcher-kva.example", 0 },
  { "BÜCHER.Example", "xn--bcher-kva.example", 0 },
  { "bücher.example.", "xn--bcher-kva.example", 0 },
  { "xn--bcher-kva.example", "xn--bcher-kva.example", 0 },
  { "XN--BCHER-KVA.EXAMPLE", "xn--bcher-kva.example", 0 },
  { "im.bücher.example", "im.xn--bcher-kva.example", 0 },
  { "faß.de", "xn--fa-hia.de", 0 },
  { "münchen.de", "xn--mnchen-3ya.de", 0 },
  /* wildcards are kept so certificate names normalise too */
  { "*.contoso.com", "*.contoso.com", 0 },
  { "*.CONTOSO.com.", "*.contoso.com", 0 },
  { "*.bücher.example", "*.xn--bcher-kva.example", 0 },
  /* invalid */
  { "", NULL, CWA_NAME_ERROR_EMPTY },
  { ".", NULL, CWA_NAME_ERROR_INVALID_HOST },
  { "..", NULL, CWA_NAME_ERROR_INVALID_HOST },
  { "im.contoso.com..", NULL, CWA_NAME_ERROR_INVALID_HOST },
  { ".im.contoso.com", NULL, CWA_NAME_ERROR_INVALID_HOST },
  { "im..contoso.com", NULL, CWA_NAME_ERROR_INVALID_HOST },
  { "im_1.contoso.com", NULL, CWA_NAME_ERROR_INVALID_HOST },
  { "im contoso.com", NULL, CWA_NAME_ERROR_INVALID_HOST },
  { " im.contoso.com", NULL, CWA_NAME_ERROR_INVALID_HOST },
  { "-im.contoso.com", NULL, CWA_NAME_ERROR_INVALID_HOST },
  { "im-.contoso.com", NULL, CWA_NAME_ERROR_INVALID_HOST },
  { "im.contoso.com:443", NULL, CWA_NAME_ERROR_INVALID_HOST },
  { "https://im.contoso.com", NULL, CWA_NAME_ERROR_INVALID_HOST },
  { "im.contoso.com/cwa", NULL, CWA_NAME_ERROR_INVALID_HOST },
  { "10.0.0.1", NULL, CWA_NAME_ERROR_INVALID_HOST },
  { "im.contoso.123", NULL, CWA_NAME_ERROR_INVALID_HOST },
  { "::1", NULL, CWA_NAME_ERROR_INVALID_HOST },
  { "*", NULL, CWA_NAME_ERROR_INVALID_HOST },
  { "*.", NULL, CWA_NAME_ERROR_INVALID_HOST },
  { "*.com", NULL, CWA_NAME_ERROR_INVALID_HOST },
  { "w*.contoso.com", NULL, CWA_NAME_ERROR_INVALID_HOST },
  { "im.*.contoso.com", NULL, CWA_NAME_ERROR_INVALID_HOST },
  { "*.*.contoso.com", NULL, CWA_NAME_ERROR_INVALID_HOST },
  { "\xff\xfe.example", NULL, CWA_NAME_ERROR_INVALID_HOST },
};

static void
test_normalize (void)
{
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (normalize_cases); i++)
    {
      const NormalizeCase *c = &normalize_cases[i];
      g_autoptr(GError) error = NULL;
      g_autofree gchar *result = NULL;
      g_autofree gchar *escaped = NULL;

      escaped = g_strescape (c->input, NULL);
      g_test_message ("normalize “%s”", escaped);
      result = cwa_name_normalize (c->input, &error);
      g_assert_cmpstr (result, ==, c->expected);
      if (c->expected != NULL)
        {
          g_assert_no_error (error);
        }
      else
        {
          g_assert_error (error, CWA_NAME_ERROR, (gint) c->error_code);
          /* The message quotes what the administrator typed. */
          if (*c->input != '\0' && g_utf8_validate (c->input, -1, NULL))
            g_assert_nonnull (strstr (error->message, c->input));
        }
    }
}

static void
test_normalize_lengths (void)
{
  g_autoptr(GString) name = g_string_new (NULL);
  g_autofree gchar *label63 = g_strnfill (63, 'a');
  g_autofree gchar *label64 = g_strnfill (64, 'a');
  g_autofree gchar *long_label_host = g_strconcat (label64, ".contoso.com", NULL);
  g_autofree gchar *ok_label_host = g_strconcat (label63, ".contoso.com", NULL);
  g_autofree gchar *normal = NULL;
  g_autoptr(GError) error = NULL;

  normal = cwa_name_normalize (ok_label_host, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (normal, ==, ok_label_host);
  g_clear_pointer (&normal, g_free);

  normal = cwa_name_normalize (long_label_host, &error);
  g_assert_error (error, CWA_NAME_ERROR, CWA_NAME_ERROR_INVALID_HOST);
  g_assert_null (normal);
  g_clear_error (&error);

  /* 63 + 1 + 63 + 1 + 63 + 1 + 61 = 253 characters: the longest name. */
  g_string_append_printf (name, "%s.%s.%s.", label63, label63, label63);
  g_string_append_len (name, label63, 61);
  g_assert_cmpuint (name->len, ==, 253);
  g_assert_true (cwa_name_is_valid_host (name->str));
  /* and its trailing dot does not count */
  g_string_append_c (name, '.');
  g_assert_true (cwa_name_is_valid_host (name->str));
  g_string_truncate (name, 253);
  g_string_append_c (name, 'a');
  g_assert_false (cwa_name_is_valid_host (name->str));
  normal = cwa_name_normalize (name->str, &error);
  g_assert_error (error, CWA_NAME_ERROR, CWA_NAME_ERROR_INVALID_HOST);
  g_assert_null (normal);
}

static void
test_is_valid_host (void)
{
  const struct
  {
    const gchar *name;
    gboolean valid;
  } cases[] = {
    { "im.contoso.com", TRUE },
    { "IM.CONTOSO.COM.", TRUE },
    { "cwaserver", TRUE },
    { "bücher.example", TRUE },
    { "xn--bcher-kva.example", TRUE },
    { "*.contoso.com", FALSE },
    { "", FALSE },
    { "10.0.0.1", FALSE },
    { "im_contoso.com", FALSE },
    { "im..contoso.com", FALSE },
    { "-im.contoso.com", FALSE },
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("is_valid_host “%s”", cases[i].name);
      g_assert_cmpint (cwa_name_is_valid_host (cases[i].name), ==, cases[i].valid);
    }
}

static void
test_equal (void)
{
  const struct
  {
    const gchar *a;
    const gchar *b;
    gboolean equal;
  } cases[] = {
    { "im.contoso.com", "im.contoso.com", TRUE },
    { "im.contoso.com", "IM.Contoso.Com", TRUE },
    { "im.contoso.com", "im.contoso.com.", TRUE },
    { "IM.CONTOSO.COM.", "im.contoso.com", TRUE },
    { "bücher.example", "xn--bcher-kva.example", TRUE },
    { "BÜCHER.example", "xn--bcher-kva.EXAMPLE.", TRUE },
    { "cwaserver", "CWASERVER", TRUE },
    { "*.contoso.com", "*.CONTOSO.com", TRUE },
    { "im.contoso.com", "as.im.contoso.com", FALSE },
    { "im.contoso.com", "im.contoso.co", FALSE },
    { "im.contoso.com", "im.contoso.com..", FALSE },
    { "bucher.example", "bücher.example", FALSE },
    { "cwaserver", "cwaserver.contoso.com", FALSE },
    /* a wildcard never equals a host name */
    { "*.contoso.com", "im.contoso.com", FALSE },
    { "im.contoso.com", "*.contoso.com", FALSE },
    /* names that are not host names equal nothing */
    { "im_1.contoso.com", "im_1.contoso.com", FALSE },
    { "", "", FALSE },
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("equal “%s” “%s”", cases[i].a, cases[i].b);
      g_assert_cmpint (cwa_name_equal (cases[i].a, cases[i].b), ==, cases[i].equal);
      g_assert_cmpint (cwa_name_equal (cases[i].b, cases[i].a), ==, cases[i].equal);
    }
}

static void
test_is_wildcard (void)
{
  g_assert_true (cwa_name_is_wildcard ("*.contoso.com"));
  g_assert_true (cwa_name_is_wildcard ("w*.contoso.com"));
  g_assert_true (cwa_name_is_wildcard ("*"));
  g_assert_false (cwa_name_is_wildcard ("im.contoso.com"));
  g_assert_false (cwa_name_is_wildcard ("cwaserver"));
  g_assert_false (cwa_name_is_wildcard (""));
}

static void
test_wildcard_matches (void)
{
  const struct
  {
    const gchar *pattern;
    const gchar *host;
    gboolean matches;
  } cases[] = {
    /* one label deep */
    { "*.contoso.com", "im.contoso.com", TRUE },
    { "*.contoso.com", "IM.CONTOSO.COM.", TRUE },
    { "*.CONTOSO.COM.", "im.contoso.com", TRUE },
    { "*.im.contoso.com", "as.im.contoso.com", TRUE },
    { "*.im.contoso.com", "download.im.contoso.com", TRUE },
    { "*.contoso.com", "xn--bcher-kva.contoso.com", TRUE },
    { "*.contoso.com", "bücher.contoso.com", TRUE },
    { "*.bücher.example", "im.xn--bcher-kva.example", TRUE },
    { "*.xn--bcher-kva.example", "im.bücher.example", TRUE },
    /* two labels deep: never */
    { "*.contoso.com", "as.im.contoso.com", FALSE },
    { "*.contoso.com", "download.im.contoso.com", FALSE },
    /* zero labels: never */
    { "*.contoso.com", "contoso.com", FALSE },
    { "*.im.contoso.com", "im.contoso.com", FALSE },
    /* other domain */
    { "*.contoso.com", "im.fabrikam.com", FALSE },
    { "*.contoso.com", "im.contoso.com.au", FALSE },
    { "*.contoso.com", "imcontoso.com", FALSE },
    /* "*" only as the whole left-most label */
    { "im*.contoso.com", "im1.contoso.com", FALSE },
    { "*im.contoso.com", "xim.contoso.com", FALSE },
    { "im.*.com", "im.contoso.com", FALSE },
    { "*.*.com", "im.contoso.com", FALSE },
    { "*", "cwaserver", FALSE },
    { "*.com", "contoso.com", FALSE },
    { "*.example", "xn--bcher-kva.example", FALSE },
    /* not a pattern, or a host that is not a host name */
    { "im.contoso.com", "im.contoso.com", FALSE },
    { "*.contoso.com", "*.contoso.com", FALSE },
    { "*.contoso.com", "im_1.contoso.com", FALSE },
    { "*.contoso.com", "", FALSE },
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("wildcard “%s” against “%s”", cases[i].pattern, cases[i].host);
      g_assert_cmpint (cwa_name_wildcard_matches (cases[i].pattern, cases[i].host),
                       ==, cases[i].matches);
    }
}

static void
test_names_match (void)
{
  const gchar * const exact[] = { "im.contoso.com", "as.im.contoso.com", "download.im.contoso.com", NULL };
  const gchar * const mixed_case[] = { "IM.Contoso.com.", NULL };
  const gchar * const wildcard[] = { "*.contoso.com", NULL };
  const gchar * const wildcard_deep[] = { "*.im.contoso.com", NULL };
  const gchar * const wildcard_and_exact[] = { "*.contoso.com", "im.contoso.com", NULL };
  const gchar * const exact_then_wildcard[] = { "im.contoso.com", "*.contoso.com", NULL };
  const gchar * const junk[] = { "", "im_contoso.com", "*", "w*.contoso.com", "10.0.0.1", NULL };
  const gchar * const idn[] = { "bücher.example", NULL };
  const gchar * const empty[] = { NULL };
  const struct
  {
    const gchar * const *names;
    const gchar *required;
    CwaNameMatch match;
  } cases[] = {
    { exact, "im.contoso.com", CWA_NAME_MATCH_EXACT },
    { exact, "AS.IM.CONTOSO.COM", CWA_NAME_MATCH_EXACT },
    { exact, "download.im.contoso.com.", CWA_NAME_MATCH_EXACT },
    { exact, "im.fabrikam.com", CWA_NAME_MATCH_NONE },
    { exact, "contoso.com", CWA_NAME_MATCH_NONE },
    { mixed_case, "im.contoso.com", CWA_NAME_MATCH_EXACT },
    /* a wildcard never satisfies a required name, but is reported */
    { wildcard, "im.contoso.com", CWA_NAME_MATCH_WILDCARD_ONLY },
    { wildcard, "as.im.contoso.com", CWA_NAME_MATCH_NONE },
    { wildcard, "contoso.com", CWA_NAME_MATCH_NONE },
    { wildcard, "im.fabrikam.com", CWA_NAME_MATCH_NONE },
    { wildcard_deep, "as.im.contoso.com", CWA_NAME_MATCH_WILDCARD_ONLY },
    { wildcard_deep, "im.contoso.com", CWA_NAME_MATCH_NONE },
    { wildcard_and_exact, "im.contoso.com", CWA_NAME_MATCH_EXACT },
    { exact_then_wildcard, "im.contoso.com", CWA_NAME_MATCH_EXACT },
    { exact_then_wildcard, "as.contoso.com", CWA_NAME_MATCH_WILDCARD_ONLY },
    { junk, "im_contoso.com", CWA_NAME_MATCH_NONE },
    { junk, "w1.contoso.com", CWA_NAME_MATCH_NONE },
    { junk, "cwaserver", CWA_NAME_MATCH_NONE },
    { idn, "xn--bcher-kva.example", CWA_NAME_MATCH_EXACT },
    { idn, "BÜCHER.example", CWA_NAME_MATCH_EXACT },
    { empty, "im.contoso.com", CWA_NAME_MATCH_NONE },
    { NULL, "im.contoso.com", CWA_NAME_MATCH_NONE },
    /* a required name that is not a host name is never satisfied */
    { exact, "", CWA_NAME_MATCH_NONE },
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("names_match case %" G_GSIZE_FORMAT " “%s”", i, cases[i].required);
      g_assert_cmpint (cwa_names_match (cases[i].names, cases[i].required), ==, cases[i].match);
    }
}

typedef struct
{
  const gchar *url;
  gboolean ok;
  gboolean is_https;
  const gchar *host;
  guint port;
  CwaNameError error_code;
  const gchar *message_part;  /* expected in the error message */
} UrlCase;

static const UrlCase url_cases[] = {
  { "https://im.contoso.com", TRUE, TRUE, "im.contoso.com", 443, 0, NULL },
  { "https://im.contoso.com/", TRUE, TRUE, "im.contoso.com", 443, 0, NULL },
  { "https://im.contoso.com:8443", TRUE, TRUE, "im.contoso.com", 8443, 0, NULL },
  { "https://im.contoso.com:8443/", TRUE, TRUE, "im.contoso.com", 8443, 0, NULL },
  { "https://im.contoso.com:1", TRUE, TRUE, "im.contoso.com", 1, 0, NULL },
  { "https://im.contoso.com:65535", TRUE, TRUE, "im.contoso.com", 65535, 0, NULL },
  { "http://im.contoso.com", TRUE, FALSE, "im.contoso.com", 80, 0, NULL },
  { "http://im.contoso.com:8080/", TRUE, FALSE, "im.contoso.com", 8080, 0, NULL },
  { "http://im.contoso.com:443", TRUE, FALSE, "im.contoso.com", 443, 0, NULL },
  { "HTTPS://IM.CONTOSO.COM", TRUE, TRUE, "im.contoso.com", 443, 0, NULL },
  { "Https://Im.Contoso.Com.:443/", TRUE, TRUE, "im.contoso.com", 443, 0, NULL },
  { "HTTP://im.contoso.com", TRUE, FALSE, "im.contoso.com", 80, 0, NULL },
  { "im.contoso.com", TRUE, TRUE, "im.contoso.com", 443, 0, NULL },
  { "IM.Contoso.com.", TRUE, TRUE, "im.contoso.com", 443, 0, NULL },
  { "im.contoso.com/", TRUE, TRUE, "im.contoso.com", 443, 0, NULL },
  { "im.contoso.com:8443", TRUE, TRUE, "im.contoso.com", 8443, 0, NULL },
  { "cwaserver", TRUE, TRUE, "cwaserver", 443, 0, NULL },
  { "https://bücher.example", TRUE, TRUE, "xn--bcher-kva.example", 443, 0, NULL },
  { "https://xn--bcher-kva.example/", TRUE, TRUE, "xn--bcher-kva.example", 443, 0, NULL },
  /* empty */
  { "", FALSE, FALSE, NULL, 0, CWA_NAME_ERROR_EMPTY, "empty" },
  /* path, query, fragment */
  { "https://im.contoso.com/cwa", FALSE, FALSE, NULL, 0, CWA_NAME_ERROR_INVALID_URL, "has a path" },
  { "https://im.contoso.com//", FALSE, FALSE, NULL, 0, CWA_NAME_ERROR_INVALID_URL, "has a path" },
  { "https://im.contoso.com:443/cwa/", FALSE, FALSE, NULL, 0, CWA_NAME_ERROR_INVALID_URL, "has a path" },
  { "im.contoso.com/cwa", FALSE, FALSE, NULL, 0, CWA_NAME_ERROR_INVALID_URL, "has a path" },
  { "https://im.contoso.com?x=1", FALSE, FALSE, NULL, 0, CWA_NAME_ERROR_INVALID_URL, "has a query" },
  { "https://im.contoso.com/?x=1", FALSE, FALSE, NULL, 0, CWA_NAME_ERROR_INVALID_URL, "has a query" },
  { "https://im.contoso.com#top", FALSE, FALSE, NULL, 0, CWA_NAME_ERROR_INVALID_URL, "has a fragment" },
  { "https://im.contoso.com/#top", FALSE, FALSE, NULL, 0, CWA_NAME_ERROR_INVALID_URL, "has a fragment" },
  /* user info */
  { "https://admin@im.contoso.com", FALSE, FALSE, NULL, 0, CWA_NAME_ERROR_INVALID_URL, "user name" },
  { "https://admin:secret@im.contoso.com", FALSE, FALSE, NULL, 0, CWA_NAME_ERROR_INVALID_URL, "user name" },
  /* other scheme */
  { "ftp://im.contoso.com", FALSE, FALSE, NULL, 0, CWA_NAME_ERROR_INVALID_URL, "https://" },
  { "httpx://im.contoso.com", FALSE, FALSE, NULL, 0, CWA_NAME_ERROR_INVALID_URL, "https://" },
  { "://im.contoso.com", FALSE, FALSE, NULL, 0, CWA_NAME_ERROR_INVALID_URL, "https://" },
  /* IP literals */
  { "https://10.0.0.1", FALSE, FALSE, NULL, 0, CWA_NAME_ERROR_INVALID_URL, "IP address" },
  { "https://10.0.0.1:443/", FALSE, FALSE, NULL, 0, CWA_NAME_ERROR_INVALID_URL, "IP address" },
  { "https://[::1]", FALSE, FALSE, NULL, 0, CWA_NAME_ERROR_INVALID_URL, "IP address" },
  { "https://[2001:db8::1]:443", FALSE, FALSE, NULL, 0, CWA_NAME_ERROR_INVALID_URL, "IP address" },
  { "https://2001:db8::1", FALSE, FALSE, NULL, 0, CWA_NAME_ERROR_INVALID_URL, "IP address" },
  { "10.0.0.1", FALSE, FALSE, NULL, 0, CWA_NAME_ERROR_INVALID_URL, "IP address" },
  /* ports */
  { "https://im.contoso.com:0", FALSE, FALSE, NULL, 0, CWA_NAME_ERROR_INVALID_PORT, "1 to 65535" },
  { "https://im.contoso.com:65536", FALSE, FALSE, NULL, 0, CWA_NAME_ERROR_INVALID_PORT, "1 to 65535" },
  { "https://im.contoso.com:", FALSE, FALSE, NULL, 0, CWA_NAME_ERROR_INVALID_PORT, "1 to 65535" },
  { "https://im.contoso.com:https", FALSE, FALSE, NULL, 0, CWA_NAME_ERROR_INVALID_PORT, "1 to 65535" },
  { "https://im.contoso.com:-1", FALSE, FALSE, NULL, 0, CWA_NAME_ERROR_INVALID_PORT, "1 to 65535" },
  { "https://im.contoso.com:+443", FALSE, FALSE, NULL, 0, CWA_NAME_ERROR_INVALID_PORT, "1 to 65535" },
  { "https://im.contoso.com:4430000", FALSE, FALSE, NULL, 0, CWA_NAME_ERROR_INVALID_PORT, "1 to 65535" },
  /* hosts */
  { "https://", FALSE, FALSE, NULL, 0, CWA_NAME_ERROR_INVALID_URL, "no host" },
  { "https://:443", FALSE, FALSE, NULL, 0, CWA_NAME_ERROR_INVALID_URL, "no host" },
  { "https:///", FALSE, FALSE, NULL, 0, CWA_NAME_ERROR_INVALID_URL, "no host" },
  { "https://*.contoso.com", FALSE, FALSE, NULL, 0, CWA_NAME_ERROR_INVALID_HOST, "wildcard" },
  { "https://im_1.contoso.com", FALSE, FALSE, NULL, 0, CWA_NAME_ERROR_INVALID_HOST, "im_1.contoso.com" },
  { "https://im..contoso.com", FALSE, FALSE, NULL, 0, CWA_NAME_ERROR_INVALID_HOST, "empty label" },
  { "https://im.contoso.com ", FALSE, FALSE, NULL, 0, CWA_NAME_ERROR_INVALID_URL, "space" },
  { " https://im.contoso.com", FALSE, FALSE, NULL, 0, CWA_NAME_ERROR_INVALID_URL, "space" },
  { "https://\xff.example", FALSE, FALSE, NULL, 0, CWA_NAME_ERROR_INVALID_URL, "UTF-8" },
};

static void
test_url_parse (void)
{
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (url_cases); i++)
    {
      const UrlCase *c = &url_cases[i];
      g_autoptr(GError) error = NULL;
      g_autofree gchar *host = NULL;
      g_autofree gchar *escaped = NULL;
      gboolean is_https = 99;
      guint port = 99;
      gboolean ok;

      escaped = g_strescape (c->url, NULL);
      g_test_message ("url “%s”", escaped);
      ok = cwa_url_parse (c->url, &is_https, &host, &port, &error);
      g_assert_cmpint (ok, ==, c->ok);
      if (c->ok)
        {
          g_assert_no_error (error);
          g_assert_cmpint (is_https, ==, c->is_https);
          g_assert_cmpstr (host, ==, c->host);
          g_assert_cmpuint (port, ==, c->port);
        }
      else
        {
          g_assert_error (error, CWA_NAME_ERROR, (gint) c->error_code);
          g_assert_nonnull (strstr (error->message, c->message_part));
          /* outputs untouched on failure */
          g_assert_null (host);
          g_assert_cmpuint (port, ==, 99);
          g_assert_cmpint (is_https, ==, 99);
        }
    }
}

static void
test_url_parse_message (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (cwa_url_parse ("https://im.contoso.com/cwa", NULL, NULL, NULL, &error));
  g_assert_error (error, CWA_NAME_ERROR, CWA_NAME_ERROR_INVALID_URL);
  g_assert_cmpstr (error->message, ==,
                   "“https://im.contoso.com/cwa” has a path; a CWA URL is https://host[:port] only.");
}

static void
test_url_parse_optional_outputs (void)
{
  g_autofree gchar *host = NULL;

  g_assert_true (cwa_url_parse ("https://im.contoso.com:444", NULL, NULL, NULL, NULL));
  g_assert_true (cwa_url_parse ("im.contoso.com", NULL, &host, NULL, NULL));
  g_assert_cmpstr (host, ==, "im.contoso.com");
  g_assert_false (cwa_url_parse ("https://im.contoso.com/x", NULL, NULL, NULL, NULL));
}

typedef struct
{
  const gchar *listen;
  const gchar *address;  /* NULL: rejected */
  guint port;
  CwaNameError error_code;
} ListenCase;

static const ListenCase listen_cases[] = {
  { "*:443", "*", 443, 0 },
  { "*:80", "*", 80, 0 },
  { "*:1", "*", 1, 0 },
  { "*:65535", "*", 65535, 0 },
  { "10.0.0.1:443", "10.0.0.1", 443, 0 },
  { "192.168.1.20:8443", "192.168.1.20", 8443, 0 },
  { "[::1]:443", "[::1]", 443, 0 },
  { "[2001:db8::10]:443", "[2001:db8::10]", 443, 0 },
  { "cwaserver.contoso.com:443", "cwaserver.contoso.com", 443, 0 },
  { "cwaserver:443", "cwaserver", 443, 0 },
  { "", NULL, 0, CWA_NAME_ERROR_EMPTY },
  { "*", NULL, 0, CWA_NAME_ERROR_INVALID_LISTEN },
  { "443", NULL, 0, CWA_NAME_ERROR_INVALID_LISTEN },
  { "10.0.0.1", NULL, 0, CWA_NAME_ERROR_INVALID_LISTEN },
  { ":443", NULL, 0, CWA_NAME_ERROR_INVALID_LISTEN },
  { "::1:443", NULL, 0, CWA_NAME_ERROR_INVALID_LISTEN },
  { "[::1]443", NULL, 0, CWA_NAME_ERROR_INVALID_LISTEN },
  { "[10.0.0.1]:443", NULL, 0, CWA_NAME_ERROR_INVALID_LISTEN },
  { "[]:443", NULL, 0, CWA_NAME_ERROR_INVALID_LISTEN },
  { "**:443", NULL, 0, CWA_NAME_ERROR_INVALID_LISTEN },
  { "im_1.contoso.com:443", NULL, 0, CWA_NAME_ERROR_INVALID_LISTEN },
  { "* :443", NULL, 0, CWA_NAME_ERROR_INVALID_LISTEN },
  { "https://im.contoso.com:443", NULL, 0, CWA_NAME_ERROR_INVALID_LISTEN },
  { "*:", NULL, 0, CWA_NAME_ERROR_INVALID_PORT },
  { "*:0", NULL, 0, CWA_NAME_ERROR_INVALID_PORT },
  { "*:65536", NULL, 0, CWA_NAME_ERROR_INVALID_PORT },
  { "*:https", NULL, 0, CWA_NAME_ERROR_INVALID_PORT },
  { "10.0.0.1:-443", NULL, 0, CWA_NAME_ERROR_INVALID_PORT },
  { "[::1]:99999", NULL, 0, CWA_NAME_ERROR_INVALID_PORT },
  { "\xff:443", NULL, 0, CWA_NAME_ERROR_INVALID_LISTEN },
};

static void
test_listen_parse (void)
{
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (listen_cases); i++)
    {
      const ListenCase *c = &listen_cases[i];
      g_autoptr(GError) error = NULL;
      g_autofree gchar *address = NULL;
      g_autofree gchar *escaped = NULL;
      guint port = 99;
      gboolean ok;

      escaped = g_strescape (c->listen, NULL);
      g_test_message ("listen “%s”", escaped);
      ok = cwa_listen_parse (c->listen, &address, &port, &error);
      g_assert_cmpint (ok, ==, c->address != NULL);
      g_assert_cmpstr (address, ==, c->address);
      if (c->address != NULL)
        {
          g_assert_no_error (error);
          g_assert_cmpuint (port, ==, c->port);
        }
      else
        {
          g_assert_error (error, CWA_NAME_ERROR, (gint) c->error_code);
          g_assert_cmpuint (port, ==, 99);
          if (*c->listen != '\0' && g_utf8_validate (c->listen, -1, NULL))
            g_assert_nonnull (strstr (error->message, c->listen));
        }
    }
}

static void
test_error_quark (void)
{
  g_assert_cmpstr (g_quark_to_string (CWA_NAME_ERROR), ==, "cwa-name-error-quark");
}

/* "Did you mean": edit distance and the nearness threshold. */
static void
test_suggest (void)
{
  static const gchar * const commands[] = { "check", "names", "inspect", "rules", "request", "probe", NULL };
  static const gchar * const keys[] = { "url", "audience", "listen", "as_url", "download_url",
                                        "ssl_certificate", NULL };

  g_assert_cmpuint (cwa_suggest_distance ("", ""), ==, 0);
  g_assert_cmpuint (cwa_suggest_distance ("chek", "check"), ==, 1);
  g_assert_cmpuint (cwa_suggest_distance ("kitten", "sitting"), ==, 3);
  g_assert_cmpuint (cwa_suggest_distance ("", "abc"), ==, 3);
  g_assert_cmpuint (cwa_suggest_distance ("prüfen", "prufen"), ==, 1);
  g_assert_cmpuint (cwa_suggest_distance ("nmae", "name"), ==, 1);
  g_assert_cmpuint (cwa_suggest_distance ("ca", "abc"), ==, 3);

  g_assert_cmpstr (cwa_suggest_nearest ("chek", commands), ==, "check");
  g_assert_cmpstr (cwa_suggest_nearest ("prbe", commands), ==, "probe");
  g_assert_cmpstr (cwa_suggest_nearest ("requst", commands), ==, "request");
  g_assert_null (cwa_suggest_nearest ("check", commands));
  g_assert_null (cwa_suggest_nearest ("frobnicate", commands));
  /* Two edits of a three-letter word are a different word. */
  g_assert_null (cwa_suggest_nearest ("abc", commands));
  g_assert_cmpstr (cwa_suggest_nearest ("audiance", keys), ==, "audience");
  g_assert_cmpstr (cwa_suggest_nearest ("ssl_certificat", keys), ==, "ssl_certificate");
  g_assert_cmpstr (cwa_suggest_nearest ("ssl_cert", keys), ==, "ssl_certificate");
  g_assert_cmpstr (cwa_suggest_nearest ("req", commands), ==, "request");
  g_assert_null (cwa_suggest_nearest ("re", commands));
  g_assert_null (cwa_suggest_nearest ("x", NULL));
}

/* Counts in messages: digits grouped by thousands with a comma. */
static void
test_count_text (void)
{
  static const struct { guint64 count; const gchar *text; } cases[] = {
    { 0, "0" }, { 64, "64" }, { 999, "999" }, { 1000, "1,000" }, { 2048, "2,048" }, { 36500, "36,500" },
    { 65536, "65,536" }, { 100000, "100,000" }, { 1000000, "1,000,000" }, { 2147483647, "2,147,483,647" },
    { G_MAXUINT64, "18,446,744,073,709,551,615" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree gchar *text = cwa_count_text_dup (cases[i].count);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

/* Counts in translated messages group digits as the locale does: with a
 * full stop in German, and with the English comma in the C locale, which
 * does not group.  English again once the setting is restored. */
static void
test_count_text_translated (void)
{
  gboolean outer = cwa_rule_text_set_translated (TRUE);
  g_autofree gchar *c_locale = cwa_count_text_dup (1000000);
  g_autofree gchar *german = NULL;
  g_autofree gchar *english = NULL;

  g_assert_cmpstr (c_locale, ==, "1,000,000");
  if (setlocale (LC_NUMERIC, "de_DE.UTF-8") != NULL)
    {
      german = cwa_count_text_dup (1000000);
      setlocale (LC_NUMERIC, "C");
      g_assert_cmpstr (german, ==, "1.000.000");
    }
  else
    g_test_message ("no de_DE.UTF-8 locale: German grouping not checked");

  cwa_rule_text_set_translated (outer);
  english = cwa_count_text_dup (1000000);
  g_assert_cmpstr (english, ==, "1,000,000");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cwa/names/normalize", test_normalize);
  g_test_add_func ("/cwa/names/normalize/lengths", test_normalize_lengths);
  g_test_add_func ("/cwa/names/is-valid-host", test_is_valid_host);
  g_test_add_func ("/cwa/names/equal", test_equal);
  g_test_add_func ("/cwa/names/is-wildcard", test_is_wildcard);
  g_test_add_func ("/cwa/names/wildcard-matches", test_wildcard_matches);
  g_test_add_func ("/cwa/names/names-match", test_names_match);
  g_test_add_func ("/cwa/names/url-parse", test_url_parse);
  g_test_add_func ("/cwa/names/url-parse/message", test_url_parse_message);
  g_test_add_func ("/cwa/names/url-parse/optional-outputs", test_url_parse_optional_outputs);
  g_test_add_func ("/cwa/names/listen-parse", test_listen_parse);
  g_test_add_func ("/cwa/names/error-quark", test_error_quark);
  g_test_add_func ("/cwa/names/suggest", test_suggest);
  g_test_add_func ("/cwa/names/count-text", test_count_text);
  g_test_add_func ("/cwa/names/count-text/translated", test_count_text_translated);

  return g_test_run ();
}

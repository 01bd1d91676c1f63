/* cwa-json-locator.c: a strict JSON scanner that remembers the line and column of every value. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "cwa-json-locator.h"

/* Deeper nesting is no plan; refusing it keeps this scanner's recursion
 * (and json-glib's after it) bounded on hostile input. */
#define MAX_DEPTH 128

typedef struct
{
  guint line;
  guint column;
} Position;

struct _CwaJsonLocator
{
  GHashTable *positions;  /* path -> Position */
};

typedef struct
{
  const gchar *p;
  const gchar *end;
  guint        line;
  guint        column;
  guint        depth;
  GHashTable  *positions;
  GError      *error;
} Scanner;

G_DEFINE_QUARK (cwa-json-locator-error-quark, cwa_json_locator_error)

static gboolean scan_value (Scanner     *s,
                            const gchar *path);

static gboolean
at_end (Scanner *s)
{
  return s->p >= s->end;
}

/* Moves one byte on, keeping line and column (in characters: UTF-8
 * continuation bytes do not count). */
static void
advance (Scanner *s)
{
  guchar c = (guchar) *s->p;

  s->p++;
  if (c == '\n')
    {
      s->line++;
      s->column = 1;
    }
  else if ((c & 0xC0) != 0x80)
    {
      /* Counted at the first byte of a character; the column of the next
       * character is this one's plus one. */
      s->column++;
    }
}

static gboolean
fail (Scanner     *s,
      gint         code,
      const gchar *message)
{
  if (s->error == NULL)
    g_set_error_literal (&s->error, CWA_JSON_LOCATOR_ERROR, code, message);
  return FALSE;
}

static void
skip_whitespace (Scanner *s)
{
  while (!at_end (s) &&
         (*s->p == ' ' || *s->p == '\t' || *s->p == '\n' || *s->p == '\r'))
    advance (s);
}

static void
record (Scanner     *s,
        const gchar *path)
{
  Position *pos = g_new (Position, 1);

  pos->line = s->line;
  pos->column = s->column;
  /* A duplicate key: the last one wins, as in json-glib. */
  g_hash_table_replace (s->positions, g_strdup (path), pos);
}

static gint
hex_value (gchar c)
{
  return g_ascii_xdigit_value (c);
}

static gboolean
scan_hex4 (Scanner  *s,
           gunichar *out)
{
  gunichar value = 0;

  for (guint i = 0; i < 4; i++)
    {
      if (at_end (s) || hex_value (*s->p) < 0)
        return fail (s, CWA_JSON_LOCATOR_ERROR_SYNTAX,
                     "expected four hex digits after \\u");
      value = value * 16 + (gunichar) hex_value (*s->p);
      advance (s);
    }

  *out = value;
  return TRUE;
}

/* Scans a \u escape (after its backslash, at the "u"), with the low half
 * of a surrogate pair that follows, and appends the character to
 * @decoded if not NULL. */
static gboolean
scan_unicode_escape (Scanner *s,
                     GString *decoded)
{
  /* Where the escape starts, for the messages below. */
  guint line = s->line, column = s->column - 1;
  gunichar ch;

  advance (s);
  if (!scan_hex4 (s, &ch))
    return FALSE;

  /* A surrogate pair spells one character beyond the BMP. */
  if (ch >= 0xD800 && ch <= 0xDBFF &&
      s->end - s->p >= 6 && s->p[0] == '\\' && s->p[1] == 'u')
    {
      gunichar low;

      advance (s);
      advance (s);
      if (!scan_hex4 (s, &low))
        return FALSE;
      if (low >= 0xDC00 && low <= 0xDFFF)
        ch = 0x10000 + ((ch - 0xD800) << 10) + (low - 0xDC00);
      else
        ch = 0xD800;  /* a high surrogate without its low half */
    }

  /* json-glib would turn these into invalid UTF-8 or cut the string
   * short, and the plan would not save as it loaded. */
  if ((ch >= 0xD800 && ch <= 0xDFFF) || ch == 0)
    {
      s->line = line;
      s->column = column;
      return fail (s, CWA_JSON_LOCATOR_ERROR_ENCODING,
                   ch == 0 ? "the escape \\u0000 (a NUL character) cannot be part of a "
                             "plan's text; remove it"
                           : "a \\u escape of half a UTF-16 surrogate pair is not a "
                             "character; write the character itself or both halves");
    }

  if (decoded != NULL)
    g_string_append_unichar (decoded, ch);

  return TRUE;
}

/* Scans an escape after its backslash; appends what it stands for to
 * @decoded if not NULL. */
static gboolean
scan_escape (Scanner *s,
             GString *decoded)
{
  if (at_end (s))
    return fail (s, CWA_JSON_LOCATOR_ERROR_SYNTAX,
                 "unterminated string: expected a closing '\"'");

  switch (*s->p)
    {
    case '"': case '\\': case '/':
      if (decoded != NULL)
        g_string_append_c (decoded, *s->p);
      advance (s);
      return TRUE;
    case 'b': case 'f': case 'n': case 'r': case 't':
      if (decoded != NULL)
        {
          static const gchar from[] = "bfnrt";
          static const gchar to[] = "\b\f\n\r\t";

          g_string_append_c (decoded, to[strchr (from, *s->p) - from]);
        }
      advance (s);
      return TRUE;
    case 'u':
      return scan_unicode_escape (s, decoded);
    default:
      return fail (s, CWA_JSON_LOCATOR_ERROR_SYNTAX,
                   "invalid escape in a string; use \\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX");
    }
}

/* Scans a string starting at its opening quote; appends the decoded text to
 * @decoded if not NULL. */
static gboolean
scan_string (Scanner *s,
             GString *decoded)
{
  g_assert (*s->p == '"');
  advance (s);

  for (;;)
    {
      guchar c;

      if (at_end (s))
        return fail (s, CWA_JSON_LOCATOR_ERROR_SYNTAX,
                     "unterminated string: expected a closing '\"'");

      c = (guchar) *s->p;
      if (c == '"')
        {
          advance (s);
          return TRUE;
        }
      if (c < 0x20)
        return fail (s, CWA_JSON_LOCATOR_ERROR_SYNTAX,
                     "control character in a string; write it as an escape such as \\n");
      if (c != '\\')
        {
          if (decoded != NULL)
            g_string_append_c (decoded, (gchar) c);
          advance (s);
          continue;
        }

      advance (s);
      if (!scan_escape (s, decoded))
        return FALSE;
    }
}

static gboolean
scan_digits (Scanner *s)
{
  if (at_end (s) || !g_ascii_isdigit (*s->p))
    return fail (s, CWA_JSON_LOCATOR_ERROR_SYNTAX, "invalid number: expected a digit");

  while (!at_end (s) && g_ascii_isdigit (*s->p))
    advance (s);

  return TRUE;
}

/* Whether the number @text (@length bytes, valid JSON) reads back as
 * itself: json-glib keeps a whole number in a gint64 (and wraps one past
 * it round) and any other in a double (one past its range becomes
 * infinity, which JSON cannot write), so such a plan would not save as it
 * loaded. */
static gboolean
number_fits (const gchar *text,
             gsize        length)
{
  g_autofree gchar *copy = g_strndup (text, length);

  if (strpbrk (copy, ".eE") == NULL)
    return g_ascii_string_to_signed (copy, 10, G_MININT64, G_MAXINT64, NULL, NULL);

  return isfinite (g_ascii_strtod (copy, NULL));
}

static gboolean
scan_number (Scanner *s)
{
  /* Where the number starts, for the message below. */
  const gchar *start = s->p;
  guint line = s->line, column = s->column;

  if (*s->p == '-')
    advance (s);

  if (!at_end (s) && *s->p == '0')
    advance (s);
  else if (!scan_digits (s))
    return FALSE;

  if (!at_end (s) && *s->p == '.')
    {
      advance (s);
      if (!scan_digits (s))
        return FALSE;
    }

  if (!at_end (s) && (*s->p == 'e' || *s->p == 'E'))
    {
      advance (s);
      if (!at_end (s) && (*s->p == '+' || *s->p == '-'))
        advance (s);
      if (!scan_digits (s))
        return FALSE;
    }

  if (!at_end (s) && (g_ascii_isalnum (*s->p) || *s->p == '.'))
    return fail (s, CWA_JSON_LOCATOR_ERROR_SYNTAX, "invalid number");

  if (!number_fits (start, (gsize) (s->p - start)))
    {
      s->line = line;
      s->column = column;
      return fail (s, CWA_JSON_LOCATOR_ERROR_SYNTAX,
                   "the number is too large to be kept exactly (whole numbers up to "
                   "9223372036854775807, others up to about 1.8e308); write it as a "
                   "string in double quotes");
    }

  return TRUE;
}

static gboolean
scan_literal (Scanner     *s,
              const gchar *word)
{
  gsize len = strlen (word);

  if ((gsize) (s->end - s->p) < len || strncmp (s->p, word, len) != 0)
    return fail (s, CWA_JSON_LOCATOR_ERROR_SYNTAX,
                 "expected a value (a string in double quotes, a number, an object, a list, true, false or null)");

  for (gsize i = 0; i < len; i++)
    advance (s);

  if (!at_end (s) && g_ascii_isalnum (*s->p))
    return fail (s, CWA_JSON_LOCATOR_ERROR_SYNTAX,
                 "expected a value (a string in double quotes, a number, an object, a list, true, false or null)");

  return TRUE;
}

static gboolean
scan_object (Scanner     *s,
             const gchar *path)
{
  advance (s);  /* '{' */
  skip_whitespace (s);

  if (!at_end (s) && *s->p == '}')
    {
      advance (s);
      return TRUE;
    }

  for (;;)
    {
      g_autoptr(GString) key = g_string_new (NULL);
      g_autofree gchar *member_path = NULL;

      if (at_end (s) || *s->p != '"')
        return fail (s, CWA_JSON_LOCATOR_ERROR_SYNTAX,
                     "expected a member name in double quotes");
      if (!scan_string (s, key))
        return FALSE;

      skip_whitespace (s);
      if (at_end (s) || *s->p != ':')
        return fail (s, CWA_JSON_LOCATOR_ERROR_SYNTAX,
                     "expected ':' after the member name");
      advance (s);

      member_path = *path == '\0' ? g_strdup (key->str)
                                  : g_strconcat (path, ".", key->str, NULL);
      if (!scan_value (s, member_path))
        return FALSE;

      skip_whitespace (s);
      if (at_end (s))
        return fail (s, CWA_JSON_LOCATOR_ERROR_SYNTAX,
                     "unexpected end of the file: expected ',' or '}'");
      if (*s->p == '}')
        {
          advance (s);
          return TRUE;
        }
      if (*s->p != ',')
        return fail (s, CWA_JSON_LOCATOR_ERROR_SYNTAX,
                     "expected ',' or '}' after an object member");
      advance (s);
      skip_whitespace (s);
    }
}

static gboolean
scan_array (Scanner     *s,
            const gchar *path)
{
  advance (s);  /* '[' */
  skip_whitespace (s);

  if (!at_end (s) && *s->p == ']')
    {
      advance (s);
      return TRUE;
    }

  for (guint index = 0; ; index++)
    {
      g_autofree gchar *element_path = g_strdup_printf ("%s[%u]", path, index);

      if (!scan_value (s, element_path))
        return FALSE;

      skip_whitespace (s);
      if (at_end (s))
        return fail (s, CWA_JSON_LOCATOR_ERROR_SYNTAX,
                     "unexpected end of the file: expected ',' or ']'");
      if (*s->p == ']')
        {
          advance (s);
          return TRUE;
        }
      if (*s->p != ',')
        return fail (s, CWA_JSON_LOCATOR_ERROR_SYNTAX,
                     "expected ',' or ']' after a list element");
      advance (s);
    }
}

static gboolean
scan_value (Scanner     *s,
            const gchar *path)
{
  gboolean ok;

  skip_whitespace (s);
  if (at_end (s))
    return fail (s, CWA_JSON_LOCATOR_ERROR_SYNTAX,
                 "unexpected end of the file: expected a value");

  record (s, path);

  switch (*s->p)
    {
    case '{':
    case '[':
      if (++s->depth > MAX_DEPTH)
        return fail (s, CWA_JSON_LOCATOR_ERROR_TOO_DEEP,
                     "objects and lists are nested too deeply");
      ok = *s->p == '{' ? scan_object (s, path) : scan_array (s, path);
      s->depth--;
      return ok;
    case '"':
      return scan_string (s, NULL);
    case 't':
      return scan_literal (s, "true");
    case 'f':
      return scan_literal (s, "false");
    case 'n':
      return scan_literal (s, "null");
    default:
      if (*s->p == '-' || g_ascii_isdigit (*s->p))
        return scan_number (s);
      return fail (s, CWA_JSON_LOCATOR_ERROR_SYNTAX,
                   "expected a value (a string in double quotes, a number, an object, a list, true, false or null)");
    }
}

CwaJsonLocator *
cwa_json_locator_new (const gchar  *text,
                      gsize         length,
                      guint        *error_line,
                      guint        *error_column,
                      GError      **error)
{
  g_autoptr(GHashTable) positions = NULL;
  const gchar *invalid = NULL;
  Scanner s = { 0 };
  CwaJsonLocator *self;

  g_return_val_if_fail (text != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  positions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  s.p = text;
  s.end = text + length;
  s.line = 1;
  s.column = 1;
  s.positions = positions;

  if (!g_utf8_validate_len (text, length, &invalid))
    {
      /* Walk to the bad byte so the position points at it. */
      while (s.p < invalid)
        advance (&s);
      fail (&s, CWA_JSON_LOCATOR_ERROR_ENCODING, "the text is not valid UTF-8");
    }
  else if (scan_value (&s, ""))
    {
      skip_whitespace (&s);
      if (!at_end (&s))
        fail (&s, CWA_JSON_LOCATOR_ERROR_SYNTAX,
              "unexpected text after the end of the JSON document");
    }

  if (s.error != NULL)
    {
      if (error_line != NULL)
        *error_line = s.line;
      if (error_column != NULL)
        *error_column = s.column;
      g_propagate_error (error, s.error);
      return NULL;
    }

  self = g_new0 (CwaJsonLocator, 1);
  self->positions = g_steal_pointer (&positions);

  return self;
}

gboolean
cwa_json_locator_lookup (CwaJsonLocator *self,
                         const gchar    *path,
                         guint          *line,
                         guint          *column)
{
  Position *pos;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  pos = g_hash_table_lookup (self->positions, path);
  if (pos == NULL)
    return FALSE;

  if (line != NULL)
    *line = pos->line;
  if (column != NULL)
    *column = pos->column;

  return TRUE;
}

void
cwa_json_locator_free (CwaJsonLocator *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->positions, g_hash_table_unref);
  g_free (self);
}

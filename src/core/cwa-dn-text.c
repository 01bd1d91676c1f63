/* cwa-dn-text.c: distinguished-name values GnuTLS can only print as #hex, decoded as text. */
#include "config.h"

#include <string.h>

#include "cwa-dn-text.h"

/* ASN.1 universal tags of the string types GnuTLS 3.7 may print as #hex
 * (see collect_ava()). */
#define TAG_UTF8_STRING      12
#define TAG_PRINTABLE_STRING 19
#define TAG_T61_STRING       20
#define TAG_IA5_STRING       22
#define TAG_UNIVERSAL_STRING 28
#define TAG_BMP_STRING       30

static void
dn_text_free (gpointer data)
{
  CwaDnText *entry = data;

  g_free (entry->printed);
  g_free (entry->text);
  g_free (entry);
}

/* ISO 8859-1 maps each byte to the code point of the same value. */
static gchar *
decode_latin1 (const guchar *data,
               gsize         size)
{
  GString *text = g_string_sized_new (size + size / 4);

  for (gsize i = 0; i < size; i++)
    {
      /* A NUL would cut the text short wherever it is shown: keep the hex. */
      if (data[i] == 0)
        {
          g_string_free (text, TRUE);
          return NULL;
        }
      g_string_append_unichar (text, data[i]);
    }

  return g_string_free (text, FALSE);
}

static gchar *
decode_utf32be (const guchar *data,
                gsize         size)
{
  GString *text;

  if (size % 4 != 0)
    return NULL;

  text = g_string_sized_new (size);
  for (gsize i = 0; i < size; i += 4)
    {
      gunichar c = ((gunichar) data[i] << 24) | ((gunichar) data[i + 1] << 16) |
                   ((gunichar) data[i + 2] << 8) | data[i + 3];

      if (c == 0 || !g_unichar_validate (c))
        {
          g_string_free (text, TRUE);
          return NULL;
        }
      g_string_append_unichar (text, c);
    }

  return g_string_free (text, FALSE);
}

/* UTF-8 text without NUL (PrintableString and IA5String are ASCII, so
 * UTF-8 too), else NULL. */
static gchar *
decode_utf8 (const guchar *data,
             gsize         size)
{
  if (memchr (data, 0, size) != NULL || !g_utf8_validate_len ((const gchar *) data, size, NULL))
    return NULL;
  return g_strndup ((const gchar *) data, size);
}

/* UTF-16BE text (BMPString) without NUL, else NULL. */
static gchar *
decode_utf16be (const guchar *data,
                gsize         size)
{
  g_autofree gunichar2 *units = NULL;

  if (size % 2 != 0)
    return NULL;
  units = g_new (gunichar2, size / 2 + 1);
  for (gsize i = 0; i < size / 2; i++)
    {
      units[i] = (gunichar2) (data[2 * i] << 8 | data[2 * i + 1]);
      if (units[i] == 0)
        return NULL;
    }
  /* NULL for a surrogate without its other half. */
  return g_utf16_to_utf8 (units, (glong) (size / 2), NULL, NULL, NULL);
}

/* The text of a string value, or NULL when it is no text or not a string
 * type this decodes. */
static gchar *
decode_value (const gnutls_x509_ava_st *ava)
{
  const guchar *data = ava->value.data;
  gsize size = ava->value.size;

  /* An empty value keeps its printed form: the display name falls back on
   * it rather than on nothing. */
  if (size == 0)
    return NULL;
  switch (ava->value_tag)
    {
    case TAG_T61_STRING:
      return decode_latin1 (data, size);
    case TAG_UNIVERSAL_STRING:
      return decode_utf32be (data, size);
    case TAG_BMP_STRING:
      return decode_utf16be (data, size);
    case TAG_UTF8_STRING:
    case TAG_PRINTABLE_STRING:
    case TAG_IA5_STRING:
      return decode_utf8 (data, size);
    default:
      return NULL;
    }
}

/* "\#" and the value's bytes in hex, which GnuTLS prints for a string type
 * it does not decode (T61String, UniversalString). */
static gchar *
print_value_hex (const gnutls_x509_ava_st *ava)
{
  GString *printed = g_string_new ("\\#");

  for (gsize i = 0; i < ava->value.size; i++)
    g_string_append_printf (printed, "%02x", ava->value.data[i]);
  return g_string_free (printed, FALSE);
}

/* "#" and the whole DER element (tag, length, value) in hex, which GnuTLS
 * prints for a value whose string type is not the one the attribute's
 * standard asks for (a countryName as UTF8String, a serialNumber as
 * UniversalString). */
static gchar *
print_element_hex (const gnutls_x509_ava_st *ava)
{
  gsize size = ava->value.size;
  GString *printed = g_string_new (NULL);

  g_string_append_printf (printed, "#%02x", (guint) ava->value_tag);
  if (size < 0x80)
    g_string_append_printf (printed, "%02x", (guint) size);
  else
    {
      guint n = size > 0xffffff ? 4 : size > 0xffff ? 3 : size > 0xff ? 2 : 1;

      g_string_append_printf (printed, "%02x", 0x80 | n);
      for (guint i = n; i > 0; i--)
        g_string_append_printf (printed, "%02x", (guint) (size >> (8 * (i - 1))) & 0xff);
    }
  for (gsize i = 0; i < size; i++)
    g_string_append_printf (printed, "%02x", ava->value.data[i]);
  return g_string_free (printed, FALSE);
}

static void
add_text (GPtrArray   *texts,
          gchar       *printed,
          const gchar *text)
{
  CwaDnText *entry = g_new0 (CwaDnText, 1);

  entry->printed = printed;
  entry->text = g_strdup (text);
  g_ptr_array_add (texts, entry);
}

/* GnuTLS prints a value it cannot show as text in one of two #hex forms;
 * which one depends on the attribute and the string type, so both are
 * kept and whichever the printed DN holds is replaced. */
static void
collect_ava (GPtrArray                *texts,
             const gnutls_x509_ava_st *ava)
{
  g_autofree gchar *text = decode_value (ava);

  if (text == NULL)
    return;
  if (ava->value_tag == TAG_T61_STRING || ava->value_tag == TAG_UNIVERSAL_STRING)
    add_text (texts, print_value_hex (ava), text);
  add_text (texts, print_element_hex (ava), text);
}

GPtrArray *
_cwa_dn_text_collect (gnutls_x509_dn_t dn)
{
  GPtrArray *texts = NULL;
  guint n_empty = 0;

  /* A DN with hundreds of attributes is an attack, not a certificate.
   * GnuTLS may answer "not found" for one RDN of a DN and still find the
   * ones after it, so only a run of them ends the DN. */
  for (int irdn = 0; irdn < 256 && n_empty < 4; irdn++)
    {
      gboolean any = FALSE;

      for (int iava = 0; iava < 64; iava++)
        {
          gnutls_x509_ava_st ava;

          if (gnutls_x509_dn_get_rdn_ava (dn, irdn, iava, &ava) < 0)
            break;
          any = TRUE;
          if (texts == NULL)
            texts = g_ptr_array_new_with_free_func (dn_text_free);
          collect_ava (texts, &ava);
        }
      n_empty = any ? 0 : n_empty + 1;
    }

  if (texts != NULL && texts->len == 0)
    g_clear_pointer (&texts, g_ptr_array_unref);
  return texts;
}

gchar *
_cwa_dn_text_escape (const gchar *text)
{
  GString *out = g_string_sized_new (strlen (text) + 8);
  gsize len = strlen (text);

  for (gsize i = 0; i < len; i++)
    {
      gchar c = text[i];

      if (strchr ("\"+,;<>\\", c) != NULL ||
          (i == 0 && (c == '#' || c == ' ')) ||
          (i == len - 1 && c == ' '))
        g_string_append_c (out, '\\');
      g_string_append_c (out, c);
    }

  return g_string_free (out, FALSE);
}

gchar *
_cwa_dn_text_apply_dn (const gchar *dn,
                       GPtrArray   *texts)
{
  GString *out = g_string_new (dn);

  for (guint i = 0; texts != NULL && i < texts->len; i++)
    {
      CwaDnText *entry = g_ptr_array_index (texts, i);
      const gchar *found = strstr (out->str, entry->printed);
      g_autofree gchar *escaped = NULL;
      gsize at;

      /* Only a whole value: right after its "=". */
      while (found != NULL && (found == out->str || found[-1] != '='))
        found = strstr (found + 1, entry->printed);
      if (found == NULL)
        continue;
      at = found - out->str;
      escaped = _cwa_dn_text_escape (entry->text);
      g_string_erase (out, at, strlen (entry->printed));
      g_string_insert (out, at, escaped);
    }

  return g_string_free (out, FALSE);
}

gchar *
_cwa_dn_text_apply_value (const gchar *value,
                          GPtrArray   *texts)
{
  for (guint i = 0; texts != NULL && i < texts->len; i++)
    {
      CwaDnText *entry = g_ptr_array_index (texts, i);

      if (strcmp (value, entry->printed) == 0)
        return g_strdup (entry->text);
    }

  return g_strdup (value);
}

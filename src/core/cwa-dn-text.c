/* cwa-dn-text.c: distinguished-name values GnuTLS can only print as #hex, decoded as text. */
#include "config.h"

#include <string.h>

#include "cwa-dn-text.h"

/* ASN.1 universal tags of the two string types GnuTLS 3.7 does not decode
 * (gnutls_x509_dn_get_str prints them as "#" and the hex of the value). */
#define TAG_T61_STRING       20
#define TAG_UNIVERSAL_STRING 28

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

static void
collect_ava (GPtrArray             *texts,
             const gnutls_x509_ava_st *ava)
{
  CwaDnText *entry;
  gchar *text;
  GString *printed;

  if (ava->value_tag == TAG_T61_STRING)
    text = decode_latin1 (ava->value.data, ava->value.size);
  else if (ava->value_tag == TAG_UNIVERSAL_STRING)
    text = decode_utf32be (ava->value.data, ava->value.size);
  else
    return;

  if (text == NULL)
    return;

  printed = g_string_new ("\\#");
  for (guint i = 0; i < ava->value.size; i++)
    g_string_append_printf (printed, "%02x", ava->value.data[i]);

  entry = g_new0 (CwaDnText, 1);
  entry->printed = g_string_free (printed, FALSE);
  entry->text = text;
  g_ptr_array_add (texts, entry);
}

GPtrArray *
_cwa_dn_text_collect (gnutls_x509_dn_t dn)
{
  GPtrArray *texts = NULL;

  /* A DN with hundreds of attributes is an attack, not a certificate. */
  for (int irdn = 0; irdn < 256; irdn++)
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
      if (!any)
        break;
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

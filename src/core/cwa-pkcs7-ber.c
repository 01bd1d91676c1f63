/* cwa-pkcs7-ber.c: the certificates of a PKCS#7 SignedData in BER, which GnuTLS does not read, and the bags of a PKCS#12 file counted. */
#include "config.h"

#include <string.h>

#include "cwa-pkcs7-ber.h"

/* Nesting deeper than this is not a certificate chain. */
#define MAX_DEPTH 32

typedef struct
{
  guchar        tag;
  const guchar *start;     /* of the tag */
  const guchar *content;
  const guchar *end;       /* of the content; for an indefinite length, of the 00 00 too */
  const guchar *next;      /* the element after this one */
  gboolean      indefinite;
} Element;

static gboolean skip_contents (const guchar *p, const guchar *end, guint depth, const guchar **after);

/* One element at @p: its tag, where its content is and where it ends.
 * Only single-byte tags: none of the structures read here uses others. */
static gboolean
read_element (const guchar *p,
              const guchar *end,
              guint         depth,
              Element      *element)
{
  gsize len;

  if (depth > MAX_DEPTH || end - p < 2 || (p[0] & 0x1f) == 0x1f)
    return FALSE;

  element->start = p;
  element->tag = p[0];
  len = p[1];
  p += 2;
  element->indefinite = len == 0x80;
  if (element->indefinite)
    {
      /* Only constructed elements may have an indefinite length. */
      if ((element->tag & 0x20) == 0)
        return FALSE;
      element->content = p;
      if (!skip_contents (p, end, depth + 1, &element->next))
        return FALSE;
      element->end = element->next - 2;
      return TRUE;
    }
  if (len & 0x80)
    {
      guint n = len & 0x7f;

      if (n == 0 || n > 4 || (gsize) (end - p) < n)
        return FALSE;
      len = 0;
      for (guint i = 0; i < n; i++)
        len = (len << 8) | p[i];
      p += n;
    }
  if (len > (gsize) (end - p))
    return FALSE;

  element->content = p;
  element->end = p + len;
  element->next = p + len;
  return TRUE;
}

/* Elements up to the end-of-contents octets 00 00; @after is past them. */
static gboolean
skip_contents (const guchar  *p,
               const guchar  *end,
               guint          depth,
               const guchar **after)
{
  while (end - p >= 2)
    {
      Element element;

      if (p[0] == 0 && p[1] == 0)
        {
          *after = p + 2;
          return TRUE;
        }
      if (!read_element (p, end, depth, &element))
        return FALSE;
      p = element.next;
    }

  return FALSE;
}

/* The next element inside @parent, or FALSE at its end. */
static gboolean
next_child (const Element *parent,
            const guchar **p,
            Element       *child)
{
  if (*p >= parent->end || (parent->indefinite && parent->end - *p >= 2 && (*p)[0] == 0 && (*p)[1] == 0))
    return FALSE;
  if (!read_element (*p, parent->end, 1, child))
    return FALSE;
  *p = child->next;
  return TRUE;
}

static const guchar signed_data_oid[] = { 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02 };

/* ContentInfo { contentType signedData, [0] SignedData }, and SignedData's
 * fields up to its [0] certificates: each step checks the tag it expects. */
static gboolean
find_certificates (const guchar *data,
                   gsize         size,
                   Element      *certificates)
{
  static const guchar signed_data_tags[] = { 0x02, 0x31, 0x30 };  /* version, digestAlgorithms, encapContentInfo */
  Element content_info, oid, explicit, signed_data, field;
  const guchar *p;

  if (!read_element (data, data + size, 0, &content_info) || content_info.tag != 0x30)
    return FALSE;
  p = content_info.content;
  if (!next_child (&content_info, &p, &oid) || oid.tag != 0x06 ||
      (gsize) (oid.end - oid.content) != sizeof signed_data_oid ||
      memcmp (oid.content, signed_data_oid, sizeof signed_data_oid) != 0)
    return FALSE;
  if (!next_child (&content_info, &p, &explicit) || explicit.tag != 0xa0)
    return FALSE;
  p = explicit.content;
  if (!next_child (&explicit, &p, &signed_data) || signed_data.tag != 0x30)
    return FALSE;

  p = signed_data.content;
  for (guint i = 0; i < G_N_ELEMENTS (signed_data_tags); i++)
    if (!next_child (&signed_data, &p, &field) || field.tag != signed_data_tags[i])
      return FALSE;

  /* certificates [0] IMPLICIT is optional: none is an empty chain. */
  if (!next_child (&signed_data, &p, certificates) || certificates->tag != 0xa0)
    certificates->tag = 0;
  return TRUE;
}

GPtrArray *
_cwa_pkcs7_ber_certificates (const guchar *data,
                             gsize         size)
{
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(GBytes) copy = NULL;
  Element certificates, certificate;
  const guchar *p;

  if (!find_certificates (data, size, &certificates))
    return NULL;
  if (certificates.tag == 0)
    return g_steal_pointer (&result);

  copy = g_bytes_new (data, size);
  p = certificates.content;
  while (next_child (&certificates, &p, &certificate))
    {
      /* A certificate is DER (definite lengths); other choices are skipped. */
      if (certificate.tag != 0x30 || certificate.indefinite)
        continue;
      g_ptr_array_add (result, g_bytes_new_from_bytes (copy, certificate.start - data,
                                                       certificate.end - certificate.start));
    }

  return g_steal_pointer (&result);
}

static const guchar data_oid[] = { 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x01 };

/* The bytes of the OCTET STRING @octets: its content, or for a constructed
 * one (BER) its segments joined. */
static GBytes *
octet_string_bytes (const Element *octets)
{
  g_autoptr(GByteArray) joined = NULL;
  const guchar *p = octets->content;
  Element segment;

  if (octets->tag == 0x04)
    return g_bytes_new_static (octets->content, octets->end - octets->content);
  if (octets->tag != 0x24)
    return NULL;

  joined = g_byte_array_new ();
  while (next_child (octets, &p, &segment))
    {
      if (segment.tag != 0x04)
        return NULL;
      g_byte_array_append (joined, segment.content, segment.end - segment.content);
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&joined));
}

gint
_cwa_pkcs12_ber_count_bags (const guchar *data,
                            gsize         size)
{
  Element pfx, version, auth_safe, oid, explicit, octets, safe, bag;
  g_autoptr(GBytes) contents = NULL;
  const guchar *p, *safe_data;
  gsize safe_size;
  gint n = 0;

  /* PFX { version, authSafe ContentInfo { data, [0] OCTET STRING } } */
  if (!read_element (data, data + size, 0, &pfx) || pfx.tag != 0x30)
    return -1;
  p = pfx.content;
  if (!next_child (&pfx, &p, &version) || version.tag != 0x02 ||
      !next_child (&pfx, &p, &auth_safe) || auth_safe.tag != 0x30)
    return -1;
  p = auth_safe.content;
  if (!next_child (&auth_safe, &p, &oid) || oid.tag != 0x06 ||
      (gsize) (oid.end - oid.content) != sizeof data_oid ||
      memcmp (oid.content, data_oid, sizeof data_oid) != 0 ||
      !next_child (&auth_safe, &p, &explicit) || explicit.tag != 0xa0)
    return -1;
  p = explicit.content;
  if (!next_child (&explicit, &p, &octets) || (contents = octet_string_bytes (&octets)) == NULL)
    return -1;

  /* AuthenticatedSafe ::= SEQUENCE OF ContentInfo */
  safe_data = g_bytes_get_data (contents, &safe_size);
  if (!read_element (safe_data, safe_data + safe_size, 0, &safe) || safe.tag != 0x30)
    return -1;
  p = safe.content;
  while (next_child (&safe, &p, &bag))
    if (n++ == G_MAXINT - 1)
      break;
  return n;
}

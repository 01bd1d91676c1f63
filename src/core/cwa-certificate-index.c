/* cwa-certificate-index.c: finds a plan's entries by fingerprint and by id without walking the list. */
#include "config.h"

#include <string.h>

#include "cwa-certificate-index.h"

struct _CwaCertificateIndex
{
  GHashTable *by_sha256;   /* fingerprint (owned) -> CwaCertificate */
  GHashTable *by_id;       /* id (owned) -> CwaCertificate */
  GHashTable *ids;         /* CwaCertificate -> the id it is recorded under (owned) */
  /* base (owned) -> GUINT_TO_POINTER (n): every "base-2" .. "base-(n-1)" is
   * in by_id.  A base not in the table has n = 2. */
  GHashTable *free_suffix;
};

CwaCertificateIndex *
_cwa_certificate_index_new (void)
{
  CwaCertificateIndex *self = g_new0 (CwaCertificateIndex, 1);

  self->by_sha256 = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->ids = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->free_suffix = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  return self;
}

void
_cwa_certificate_index_free (CwaCertificateIndex *self)
{
  if (self == NULL)
    return;

  g_hash_table_unref (self->by_sha256);
  g_hash_table_unref (self->by_id);
  g_hash_table_unref (self->ids);
  g_hash_table_unref (self->free_suffix);
  g_free (self);
}

/* A certificate without a fingerprint (never one that was loaded) is the
 * same as any other without: what comparing with g_strcmp0() said. */
static const gchar *
sha256_key (CwaCertificate *certificate)
{
  const gchar *sha256 = cwa_certificate_get_sha256 (certificate);

  return sha256 != NULL ? sha256 : "";
}

/* Splits "base-n" (n >= 2, written as _cwa_plan_make_certificate_id()
 * writes it: decimal, no leading zero) into a new string "base" and @n.
 * NULL when @id is not of that form. */
static gchar *
split_suffix (const gchar *id,
              guint       *n)
{
  const gchar *dash = strrchr (id, '-');
  guint64 value;

  if (dash == NULL || dash == id || dash[1] < '1' || dash[1] > '9')
    return NULL;
  for (const gchar *p = dash + 1; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return NULL;

  value = g_ascii_strtoull (dash + 1, NULL, 10);
  if (value < 2 || value > G_MAXUINT - 1)
    return NULL;

  *n = (guint) value;
  return g_strndup (id, (gsize) (dash - id));
}

static guint
get_free_suffix (CwaCertificateIndex *self,
                 const gchar         *base)
{
  gpointer value = g_hash_table_lookup (self->free_suffix, base);

  return value != NULL ? GPOINTER_TO_UINT (value) : 2;
}

/* "base-n" was taken: if it was the first free one, move past it and
 * past whatever follows it that is taken too. */
static void
suffix_taken (CwaCertificateIndex *self,
              const gchar         *id)
{
  guint n;
  g_autofree gchar *base = split_suffix (id, &n);

  if (base == NULL || get_free_suffix (self, base) != n)
    return;

  for (;;)
    {
      g_autofree gchar *next = g_strdup_printf ("%s-%u", base, ++n);

      if (n == G_MAXUINT || !g_hash_table_contains (self->by_id, next))
        break;
    }
  g_hash_table_replace (self->free_suffix, g_steal_pointer (&base), GUINT_TO_POINTER (n));
}

/* "base-n" was freed: it is the first free one if none below it is. */
static void
suffix_freed (CwaCertificateIndex *self,
              const gchar         *id)
{
  guint n;
  g_autofree gchar *base = split_suffix (id, &n);

  if (base == NULL || get_free_suffix (self, base) <= n)
    return;

  if (n == 2)
    g_hash_table_remove (self->free_suffix, base);
  else
    g_hash_table_replace (self->free_suffix, g_steal_pointer (&base), GUINT_TO_POINTER (n));
}

static void
record_id (CwaCertificateIndex *self,
           CwaCertificate      *certificate)
{
  const gchar *id = cwa_certificate_get_id (certificate);

  if (id == NULL || *id == '\0')
    return;

  g_hash_table_replace (self->ids, certificate, g_strdup (id));
  g_hash_table_replace (self->by_id, g_strdup (id), certificate);
  suffix_taken (self, id);
}

static void
forget_id (CwaCertificateIndex *self,
           CwaCertificate      *certificate)
{
  const gchar *id = g_hash_table_lookup (self->ids, certificate);

  if (id == NULL)
    return;

  /* Another entry given the same id keeps it. */
  if (g_hash_table_lookup (self->by_id, id) == certificate)
    {
      g_hash_table_remove (self->by_id, id);
      suffix_freed (self, id);
    }
  g_hash_table_remove (self->ids, certificate);
}

void
_cwa_certificate_index_add (CwaCertificateIndex *self,
                            CwaCertificate      *certificate)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (CWA_IS_CERTIFICATE (certificate));

  g_hash_table_replace (self->by_sha256, g_strdup (sha256_key (certificate)), certificate);
  /* Entries without an id have none in ids either: contains() looks at
   * by_sha256. */
  record_id (self, certificate);
}

void
_cwa_certificate_index_remove (CwaCertificateIndex *self,
                               CwaCertificate      *certificate)
{
  const gchar *sha256;

  g_return_if_fail (self != NULL);
  g_return_if_fail (CWA_IS_CERTIFICATE (certificate));

  sha256 = sha256_key (certificate);
  if (g_hash_table_lookup (self->by_sha256, sha256) == certificate)
    g_hash_table_remove (self->by_sha256, sha256);
  forget_id (self, certificate);
}

void
_cwa_certificate_index_update_id (CwaCertificateIndex *self,
                                  CwaCertificate      *certificate)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (CWA_IS_CERTIFICATE (certificate));

  if (!_cwa_certificate_index_contains (self, certificate))
    return;

  forget_id (self, certificate);
  record_id (self, certificate);
}

gboolean
_cwa_certificate_index_contains (CwaCertificateIndex *self,
                                 CwaCertificate      *certificate)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (CWA_IS_CERTIFICATE (certificate), FALSE);

  return g_hash_table_lookup (self->by_sha256, sha256_key (certificate)) == certificate;
}

CwaCertificate *
_cwa_certificate_index_lookup_same (CwaCertificateIndex *self,
                                    CwaCertificate      *certificate)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (CWA_IS_CERTIFICATE (certificate), NULL);

  return g_hash_table_lookup (self->by_sha256, sha256_key (certificate));
}

CwaCertificate *
_cwa_certificate_index_lookup_id (CwaCertificateIndex *self,
                                  const gchar         *id)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->by_id, id);
}

guint
_cwa_certificate_index_first_free_suffix (CwaCertificateIndex *self,
                                          const gchar         *base)
{
  g_return_val_if_fail (self != NULL, 2);
  g_return_val_if_fail (base != NULL, 2);

  return get_free_suffix (self, base);
}

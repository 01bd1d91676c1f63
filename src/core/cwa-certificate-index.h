/* cwa-certificate-index.h: finds a plan's entries by fingerprint and by id without walking the list. */
#pragma once

#include "cwa-certificate.h"

G_BEGIN_DECLS

/* What the plan keeps beside its list of entries so that adding one costs
 * the same with ten thousand as with ten: GListStore can only be searched
 * item by item.  The plan keeps it in step with the list (add, remove,
 * restore, a changed id); the certificates are borrowed from the list. */
typedef struct _CwaCertificateIndex CwaCertificateIndex;

CwaCertificateIndex *_cwa_certificate_index_new             (void);
void                 _cwa_certificate_index_free            (CwaCertificateIndex *self);

/* Records @certificate under its SHA-256 fingerprint and its id (if any).
 * Ids are unique in a plan; should two entries share one, the id finds the
 * one recorded last. */
void                 _cwa_certificate_index_add             (CwaCertificateIndex *self,
                                                             CwaCertificate      *certificate);
void                 _cwa_certificate_index_remove          (CwaCertificateIndex *self,
                                                             CwaCertificate      *certificate);
/* @certificate's id changed: it is found under the new one only. */
void                 _cwa_certificate_index_update_id       (CwaCertificateIndex *self,
                                                             CwaCertificate      *certificate);
gboolean             _cwa_certificate_index_contains        (CwaCertificateIndex *self,
                                                             CwaCertificate      *certificate);
/* The recorded certificate with @certificate's fingerprint (borrowed), or
 * NULL. */
CwaCertificate      *_cwa_certificate_index_lookup_same     (CwaCertificateIndex *self,
                                                             CwaCertificate      *certificate);
/* Borrowed, or NULL. */
CwaCertificate      *_cwa_certificate_index_lookup_id       (CwaCertificateIndex *self,
                                                             const gchar         *id);
/* The least n >= 2 at which "@base-n" may be free: every id "@base-2" up
 * to "@base-(n-1)" is taken.  Makes numbering the thousandth entry of one
 * name cost no more than the second. */
guint                _cwa_certificate_index_first_free_suffix (CwaCertificateIndex *self,
                                                               const gchar         *base);

G_END_DECLS

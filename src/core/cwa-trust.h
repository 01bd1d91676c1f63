/* cwa-trust.h: building chains and deciding whether they end at a trusted, or public, root. */
#pragma once

#include <gio/gio.h>

#include "cwa-certificate.h"

G_BEGIN_DECLS

#define CWA_TYPE_TRUST (cwa_trust_get_type ())

G_DECLARE_FINAL_TYPE (CwaTrust, cwa_trust, CWA, TRUST, GObject)

typedef struct
{
  /* A path of valid signatures leads to a root that is public or was loaded
   * into the plan.  Expiry and weak algorithms are not considered: their own
   * rules report them. */
  gboolean   trusted;
  /* That root is one of the public ones (system store or --public-ca). */
  gboolean   public_root;
  /* The path from the certificate itself to the last certificate found
   * (element type CwaCertificate; roots from the system store are included
   * as certificates too). */
  GPtrArray *chain;
  /* Why not trusted, in words, or NULL. */
  gchar     *problem;
} CwaChainResult;

/* A trust store holding the public roots only; plan CAs are passed per call. */
CwaTrust       *cwa_trust_new                (void);
/* Adds the system's roots (gnutls_x509_trust_list_add_system_trust). */
gboolean        cwa_trust_add_system         (CwaTrust      *self,
                                              GError       **error);
/* Adds every certificate of a PEM (or DER) bundle as a public root. */
gboolean        cwa_trust_add_public_file    (CwaTrust      *self,
                                              GFile         *file,
                                              GError       **error);
void            cwa_trust_add_public_root    (CwaTrust      *self,
                                              CwaCertificate *root);
guint           cwa_trust_get_n_public_roots (CwaTrust      *self);

/* Builds the chain of @certificate from @pool (every certificate the plan
 * holds, CA and chain certificates included).  CA certificates in @pool that
 * are self-signed count as trusted (plan) roots, not public ones. */
CwaChainResult *cwa_trust_verify             (CwaTrust      *self,
                                              CwaCertificate *certificate,
                                              GPtrArray     *pool);
void            cwa_chain_result_free        (CwaChainResult *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwaChainResult, cwa_chain_result_free)

G_END_DECLS

/* cwa-plan.h: the one model: a deployment, the certificates it knows, and its settings. */
#pragma once

#include <gio/gio.h>

#include "cwa-certificate.h"
#include "cwa-deployment.h"
#include "cwa-history.h"

G_BEGIN_DECLS

#define CWA_TYPE_PLAN (cwa_plan_get_type ())

G_DECLARE_FINAL_TYPE (CwaPlan, cwa_plan, CWA, PLAN, GObject)

#define CWA_PLAN_DEFAULT_EXPIRY_WARNING_DAYS 30

/* Properties: "name", "file", "expiry-warning-days", "deployment",
 * "certificates", "modified".  Signal "changed" (no arguments): anything in
 * the deployment, the certificates or the settings changed. */
CwaPlan        *cwa_plan_new                       (void);

const gchar    *cwa_plan_get_name                  (CwaPlan        *self);
void            cwa_plan_set_name                  (CwaPlan        *self,
                                                    const gchar    *name);
/* Where the plan was read from or last saved to, or NULL. */
GFile          *cwa_plan_get_file                  (CwaPlan        *self);
void            cwa_plan_set_file                  (CwaPlan        *self,
                                                    GFile          *file);
guint           cwa_plan_get_expiry_warning_days   (CwaPlan        *self);
void            cwa_plan_set_expiry_warning_days   (CwaPlan        *self,
                                                    guint           days);
CwaDeployment  *cwa_plan_get_deployment            (CwaPlan        *self);
/* The plan's undoable edits (borrowed; one per plan, for its lifetime).
 * The verbs of cwa-plan-edits.h record on it. */
CwaHistory     *cwa_plan_get_history               (CwaPlan        *self);

/* The plan's certificate entries (CwaCertificate, each with a unique id), in
 * plan order: assigned ones and CA certificates alike. */
GListModel     *cwa_plan_get_certificates          (CwaPlan        *self);
/* Adds @certificate as an entry.  If it has no id, or its id is taken, a
 * unique one is made from its subject CN.  If a certificate with the same
 * SHA-256 is already an entry, that one is returned instead and nothing is
 * added.  Returns the entry (borrowed). */
CwaCertificate *cwa_plan_add_certificate           (CwaPlan        *self,
                                                    CwaCertificate *certificate);
/* Removes the entry and clears every assignment of it. */
void            cwa_plan_remove_certificate        (CwaPlan        *self,
                                                    CwaCertificate *certificate);
/* The entry with id @id (borrowed), or NULL.  Constant time. */
CwaCertificate *cwa_plan_lookup_certificate        (CwaPlan        *self,
                                                    const gchar    *id);
/* Many certificates at once, as loading a thousand files brings them:
 * each of @entries as cwa_plan_add_certificate() adds it (one already an
 * entry, or earlier in @entries, is skipped), then each of @chain as
 * cwa_plan_add_chain_certificate() does.  Each list then emits
 * items-changed once and the plan "changed" once, so views catch up in one
 * step instead of one per certificate.  Either array (element type
 * CwaCertificate, borrowed) may be NULL.  Returns how many entries were
 * added. */
guint           cwa_plan_add_certificates          (CwaPlan        *self,
                                                    GPtrArray      *entries,
                                                    GPtrArray      *chain);
/* Certificates that came along in a file with an entry's certificate
 * (intermediates, roots): used to build chains, never assigned. */
void            cwa_plan_add_chain_certificate     (CwaPlan        *self,
                                                    CwaCertificate *certificate);
GListModel     *cwa_plan_get_chain_certificates    (CwaPlan        *self);
/* Entries and chain certificates together (element type CwaCertificate). */
GPtrArray      *cwa_plan_dup_certificate_pool      (CwaPlan        *self);
/* A number that changes with every change of the entries or the chain
 * certificates, and with nothing else: while it stays the same, so does
 * cwa_plan_dup_certificate_pool(), and what was built over the pool
 * (chains) still holds.  Constant time, however many certificates. */
guint64         cwa_plan_get_pool_generation       (CwaPlan        *self);
/* Entries assigned to at least one role (MTLS, SSL, an SSL-offloading load
 * balancer's SSL, a listener), in plan order. */
GPtrArray      *cwa_plan_dup_assigned_certificates (CwaPlan        *self);
/* Which of "mtls", "ssl", "load-balancer" (only while that load balancer
 * offloads SSL), "reverse-proxy" (a listener) @certificate has, in that
 * order; empty if unassigned.  Trusted certificates of a reverse proxy are
 * no role. */
GStrv           cwa_plan_dup_certificate_roles     (CwaPlan        *self,
                                                    CwaCertificate *certificate);

/* TRUE after any change since the plan was loaded or saved. */
gboolean        cwa_plan_get_modified              (CwaPlan        *self);
void            cwa_plan_set_modified              (CwaPlan        *self,
                                                    gboolean        modified);

G_END_DECLS

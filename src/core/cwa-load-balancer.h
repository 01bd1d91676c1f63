/* cwa-load-balancer.h: a hardware load balancer in front of an array of CWA servers (rules.md, CWA-LB). */
#pragma once

#include <gio/gio.h>

#include "cwa-certificate.h"

G_BEGIN_DECLS

#define CWA_TYPE_LOAD_BALANCER (cwa_load_balancer_get_type ())

G_DECLARE_FINAL_TYPE (CwaLoadBalancer, cwa_load_balancer, CWA, LOAD_BALANCER, GObject)

/* Properties: "fqdn" (the array FQDN as written), "vip" (NULL when not
 * given), "members" (GStrv of computer FQDNs as written), "ssl-offload",
 * "ssl-certificate", and read-only "host" (the FQDN normalised).  Every
 * property notifies only when its value really changes.
 *
 * Members are names, not CwaServer objects: a plan may name a computer
 * before it is entered, and the rules report such a dangling name. */
CwaLoadBalancer     *cwa_load_balancer_new                 (const gchar      *fqdn);

const gchar         *cwa_load_balancer_get_fqdn            (CwaLoadBalancer  *self);
void                 cwa_load_balancer_set_fqdn            (CwaLoadBalancer  *self,
                                                            const gchar      *fqdn);
/* Normalised: lower case, no trailing dot, punycode. */
const gchar         *cwa_load_balancer_get_host            (CwaLoadBalancer  *self);

/* The virtual IP address as written, or NULL.  An empty string means NULL. */
const gchar         *cwa_load_balancer_get_vip             (CwaLoadBalancer  *self);
void                 cwa_load_balancer_set_vip             (CwaLoadBalancer  *self,
                                                            const gchar      *vip);

/* The member computers' FQDNs as written, in plan order; never NULL
 * (possibly empty).  Borrowed: valid until the members change. */
const gchar * const *cwa_load_balancer_get_members         (CwaLoadBalancer  *self);
/* Replaces the members by a copy of @members (NULL: none). */
void                 cwa_load_balancer_set_members         (CwaLoadBalancer     *self,
                                                            const gchar * const *members);
/* Appends @fqdn unless a member with the same name (rules.md, "Name
 * matching") is already listed; returns whether it was added. */
gboolean             cwa_load_balancer_add_member          (CwaLoadBalancer  *self,
                                                            const gchar      *fqdn);
/* Removes the member with the same name as @fqdn; returns whether there
 * was one. */
gboolean             cwa_load_balancer_remove_member       (CwaLoadBalancer  *self,
                                                            const gchar      *fqdn);
/* TRUE if a member has the same name as @fqdn. */
gboolean             cwa_load_balancer_has_member          (CwaLoadBalancer  *self,
                                                            const gchar      *fqdn);

gboolean             cwa_load_balancer_get_ssl_offload     (CwaLoadBalancer  *self);
void                 cwa_load_balancer_set_ssl_offload     (CwaLoadBalancer  *self,
                                                            gboolean          ssl_offload);

/* Kept whatever "ssl-offload" says; the rules use it only while offloading. */
CwaCertificate      *cwa_load_balancer_get_ssl_certificate (CwaLoadBalancer  *self);
void                 cwa_load_balancer_set_ssl_certificate (CwaLoadBalancer  *self,
                                                            CwaCertificate   *certificate);

G_END_DECLS

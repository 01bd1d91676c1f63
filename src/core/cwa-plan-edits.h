/* cwa-plan-edits.h: the undoable edits of a plan, each recorded on the plan's history. */
#pragma once

#include "cwa-plan.h"

G_BEGIN_DECLS

/* Every verb changes @plan at once and pushes on cwa_plan_get_history()
 * how to revert the change (and how to make it again, for redo), with a translated title for the toast ("pushed"
 * signal).  Each returns FALSE, recording nothing, when there was nothing
 * to change.  Undo of an entry checks first that its change is still in
 * place, so it never builds a plan state that did not exist before.
 *
 * A new verb composes the primitive changes of cwa-plan-edits.c (set a
 * role's certificate, insert into or remove from a container); a new kind
 * of container (a load balancer's members) adds one branch to each of the
 * container helpers there. */

/* The certificate in @subject's role (as for cwa_plan_edits_assign()),
 * borrowed; NULL when none is assigned or @subject has no such role. */
CwaCertificate *cwa_plan_edits_get_assigned (gpointer subject);
/* Assigns @certificate (NULL: none) to @subject's role: the MTLS
 * certificate of a CwaServer, the SSL certificate of a CwaVirtualServer or
 * CwaLoadBalancer, the listener certificate of a CwaPublishingRule. */
gboolean cwa_plan_edits_assign                (CwaPlan          *plan,
                                               gpointer          subject,
                                               CwaCertificate   *certificate);
/* Adds @server (in no deployment yet) at the end of the deployment's
 * computers.  FALSE if a computer of that FQDN is there already. */
gboolean cwa_plan_edits_add_server            (CwaPlan          *plan,
                                               CwaServer        *server);
/* Appends @virtual_server (on no computer yet) to @server's; adds @server
 * to the deployment in the same step when it is not there. */
gboolean cwa_plan_edits_add_virtual_server    (CwaPlan          *plan,
                                               CwaServer        *server,
                                               CwaVirtualServer *virtual_server);
/* Sets @virtual_server's audience (internal or external users). */
gboolean cwa_plan_edits_set_audience          (CwaPlan          *plan,
                                               CwaVirtualServer *virtual_server,
                                               CwaAudience       audience);
/* Moves @virtual_server to the end of @server's list.  FALSE if it is on
 * no computer or already on @server. */
gboolean cwa_plan_edits_move_virtual_server   (CwaPlan          *plan,
                                               CwaVirtualServer *virtual_server,
                                               CwaServer        *server);
/* Removes @server (with its virtual servers) from the deployment, and from
 * the member lists of the load balancers, in one step. */
gboolean cwa_plan_edits_delete_server         (CwaPlan          *plan,
                                               CwaServer        *server);
/* Removes @virtual_server from its computer. */
gboolean cwa_plan_edits_delete_virtual_server (CwaPlan          *plan,
                                               CwaVirtualServer *virtual_server);
/* Removes the entry @certificate and its assignments; undo restores the
 * entry in its place, as the plan file had it, and its assignments. */
gboolean cwa_plan_edits_delete_certificate    (CwaPlan          *plan,
                                               CwaCertificate   *certificate);

/* Adds @certificate as a new entry at the end of the plan's certificates
 * (its id made unique as cwa_plan_add_certificate() does); undo takes it
 * out again unless it was assigned since.  Returns @certificate (the
 * entry, borrowed), or NULL, recording nothing, when the plan holds an
 * equal certificate already. */
CwaCertificate *cwa_plan_edits_add_certificate (CwaPlan          *plan,
                                                CwaCertificate   *certificate);
/* Adds @load_balancer (not in the deployment yet) at the end of the
 * deployment's load balancers. */
gboolean cwa_plan_edits_add_load_balancer     (CwaPlan          *plan,
                                               CwaLoadBalancer  *load_balancer);
gboolean cwa_plan_edits_delete_load_balancer  (CwaPlan          *plan,
                                               CwaLoadBalancer  *load_balancer);
/* Makes the computer @fqdn a member of @load_balancer (appended).  FALSE
 * if it is one already (rules.md, "Name matching") or @fqdn is empty. */
gboolean cwa_plan_edits_add_member            (CwaPlan          *plan,
                                               CwaLoadBalancer  *load_balancer,
                                               const gchar      *fqdn);
/* Takes the member named like @fqdn out of @load_balancer; undo puts it
 * back in its place. */
gboolean cwa_plan_edits_remove_member         (CwaPlan          *plan,
                                               CwaLoadBalancer  *load_balancer,
                                               const gchar      *fqdn);
gboolean cwa_plan_edits_set_ssl_offload       (CwaPlan          *plan,
                                               CwaLoadBalancer  *load_balancer,
                                               gboolean          ssl_offload);
/* Adds @proxy (not in the deployment yet) at the end of the deployment's
 * reverse proxies. */
gboolean cwa_plan_edits_add_reverse_proxy     (CwaPlan          *plan,
                                               CwaReverseProxy  *proxy);
gboolean cwa_plan_edits_delete_reverse_proxy  (CwaPlan          *plan,
                                               CwaReverseProxy  *proxy);
/* Appends @rule (on no proxy yet) to @proxy's publishing rules; adds
 * @proxy to the deployment in the same step when it is not there. */
gboolean cwa_plan_edits_add_publishing_rule   (CwaPlan           *plan,
                                               CwaReverseProxy   *proxy,
                                               CwaPublishingRule *rule);
gboolean cwa_plan_edits_delete_publishing_rule (CwaPlan          *plan,
                                                CwaPublishingRule *rule);
/* Puts @certificate into @proxy's trusted certificates (@trusted) or takes
 * it out; FALSE if it already was so. */
gboolean cwa_plan_edits_set_trusted           (CwaPlan          *plan,
                                               CwaReverseProxy  *proxy,
                                               CwaCertificate   *certificate,
                                               gboolean          trusted);

/* How many computers hold a virtual server with @virtual_server's URL
 * host: "Make array…" is offered from two. */
guint              cwa_plan_edits_count_array_servers (CwaPlan          *plan,
                                                       CwaVirtualServer *virtual_server);
/* Whether "Make array…" on @virtual_server would change something: its
 * URL host is on two computers or more, and no load balancer of that name
 * has them all as members yet. */
gboolean           cwa_plan_edits_can_make_array      (CwaPlan          *plan,
                                                       CwaVirtualServer *virtual_server);
/* The first virtual server (plan order) whose URL host is on two
 * computers or more that no load balancer of that name has all as members:
 * what "Make array…" offered as the fix of `deployment.unique-urls` acts
 * on.  Borrowed, or NULL. */
CwaVirtualServer  *cwa_plan_edits_find_array_candidate (CwaPlan         *plan);
/* "Make array…": one step creating the load balancer named like
 * @virtual_server's URL host (or taking the existing one) with every
 * computer holding a virtual server of that host as a member.  Returns the
 * load balancer (borrowed), or NULL, recording nothing, when fewer than two
 * computers hold the host or nothing was left to add. */
CwaLoadBalancer   *cwa_plan_edits_make_array          (CwaPlan          *plan,
                                                       CwaVirtualServer *virtual_server);
/* "Publish through reverse proxy…": a publishing rule on @proxy publishing
 * @virtual_server under its own URL; @proxy joins the deployment in the
 * same step when it is not there.  Returns the rule (borrowed), or NULL,
 * recording nothing, when @proxy already publishes that host. */
CwaPublishingRule *cwa_plan_edits_publish             (CwaPlan          *plan,
                                                       CwaVirtualServer *virtual_server,
                                                       CwaReverseProxy  *proxy);

G_END_DECLS

/* cwa-plan-edits.h: the undoable edits of a plan, each recorded on the plan's history. */
#pragma once

#include "cwa-plan.h"

G_BEGIN_DECLS

/* Every verb changes @plan at once and pushes on cwa_plan_get_history()
 * how to revert the change, with a translated title for the toast ("pushed"
 * signal).  Each returns FALSE, recording nothing, when there was nothing
 * to change.  Undo of an entry checks first that its change is still in
 * place, so it never builds a plan state that did not exist before.
 *
 * A new verb composes the primitive changes of cwa-plan-edits.c (set a
 * role's certificate, insert into or remove from a container); a new kind
 * of container (a load balancer's members) adds one branch to each of the
 * container helpers there. */

/* Assigns @certificate (NULL: none) to @subject's role: the MTLS
 * certificate of a CwaServer, the SSL certificate of a CwaVirtualServer. */
gboolean cwa_plan_edits_assign                (CwaPlan          *plan,
                                               gpointer          subject,
                                               CwaCertificate   *certificate);
/* Moves @virtual_server to the end of @server's list.  FALSE if it is on
 * no computer or already on @server. */
gboolean cwa_plan_edits_move_virtual_server   (CwaPlan          *plan,
                                               CwaVirtualServer *virtual_server,
                                               CwaServer        *server);
/* Removes @server (with its virtual servers) from the deployment. */
gboolean cwa_plan_edits_delete_server         (CwaPlan          *plan,
                                               CwaServer        *server);
/* Removes @virtual_server from its computer. */
gboolean cwa_plan_edits_delete_virtual_server (CwaPlan          *plan,
                                               CwaVirtualServer *virtual_server);
/* Removes the entry @certificate and its assignments; undo restores the
 * entry in its place, as the plan file had it, and its assignments. */
gboolean cwa_plan_edits_delete_certificate    (CwaPlan          *plan,
                                               CwaCertificate   *certificate);

G_END_DECLS

/* cwa-topology-status.h: what the checklist says about one box or card of the topology view: status, failures, required names, drop hint. */
#pragma once

#include <gtk/gtk.h>

#include "cwa-checklist.h"
#include "cwa-ui-util.h"

G_BEGIN_DECLS

/* CSS classes of a drop target while a certificate is dragged over the
 * view: it would satisfy the target's required names, or it would not. */
#define CWA_TOPOLOGY_HINT_OK  "topology-drop-ok"
#define CWA_TOPOLOGY_HINT_BAD "topology-drop-bad"

/* The entry of the required names for @subject's role: the SSL (or shared)
 * entry of a virtual server, the MTLS (or shared) entry of a computer.
 * Borrowed from the checklist, or NULL. */
CwaRequirement *_cwa_topology_find_requirement (CwaChecklist *checklist,
                                                gpointer      subject);
/* The titles of the failed findings about @subject itself, one per line,
 * translated; NULL when nothing failed.  Read from the checklist only. */
gchar          *_cwa_topology_dup_failures     (CwaChecklist *checklist,
                                                gpointer      subject);
/* "topology-error", "topology-warning", "topology-ok" or NULL. */
const gchar    *_cwa_topology_status_class     (CwaUiStatus   status);
/* Replaces the status class on @widget. */
void            _cwa_topology_apply_status     (GtkWidget    *widget,
                                                CwaUiStatus   status);
/* Shows (or with @certificate NULL, clears) whether @certificate would
 * satisfy @subject's requirement, as a class on @widget. */
void            _cwa_topology_apply_hint       (GtkWidget      *widget,
                                                CwaChecklist   *checklist,
                                                gpointer        subject,
                                                CwaCertificate *certificate);

G_END_DECLS

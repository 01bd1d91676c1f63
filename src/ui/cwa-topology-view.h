/* cwa-topology-view.h: computers as boxes holding their virtual servers, each with its certificate; drop to assign. */
#pragma once

#include <gtk/gtk.h>

#include "cwa-checklist.h"
#include "cwa-plan.h"

G_BEGIN_DECLS

#define CWA_TYPE_TOPOLOGY_VIEW (cwa_topology_view_get_type ())

G_DECLARE_FINAL_TYPE (CwaTopologyView, cwa_topology_view, CWA, TOPOLOGY_VIEW, GtkWidget)

/* Properties: "plan", "checklist".  Signal "activated" (GObject *subject):
 * a computer or virtual server was clicked. */
GtkWidget    *cwa_topology_view_new           (void);
void          cwa_topology_view_set_plan      (CwaTopologyView *self,
                                               CwaPlan         *plan);
void          cwa_topology_view_set_checklist (CwaTopologyView *self,
                                               CwaChecklist    *checklist);
/* Assigns @certificate to @subject's role: MTLS of a computer, SSL of a
 * virtual server; what a drop does. */
gboolean      cwa_topology_view_assign        (CwaTopologyView *self,
                                               gpointer         subject,
                                               CwaCertificate  *certificate);

G_END_DECLS

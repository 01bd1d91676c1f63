/* cwa-deployment-editor.h: the left pane: the tree of computers and virtual servers and the form for one. */
#pragma once

#include <gtk/gtk.h>

#include "cwa-checklist.h"
#include "cwa-plan.h"

G_BEGIN_DECLS

#define CWA_TYPE_DEPLOYMENT_EDITOR (cwa_deployment_editor_get_type ())

G_DECLARE_FINAL_TYPE (CwaDeploymentEditor, cwa_deployment_editor, CWA, DEPLOYMENT_EDITOR, GtkWidget)

/* Properties: "plan", "checklist" (for the status icons), "selected" (the
 * CwaServer or CwaVirtualServer being edited, or NULL).  Actions:
 * editor.add-server, editor.add-virtual-server, editor.add-load-balancer,
 * editor.add-reverse-proxy, editor.make-array, editor.publish (the
 * selected external virtual server through the plan's reverse proxy, a new
 * one, or the user's choice among several), editor.publish-on (the same
 * through the reverse proxy of that FQDN), editor.add-publishing-rule (on
 * the selected reverse proxy or beside the selected rule), editor.delete;
 * each edit a step of the plan's history. */
GtkWidget *cwa_deployment_editor_new          (void);
CwaPlan   *cwa_deployment_editor_get_plan     (CwaDeploymentEditor *self);
void       cwa_deployment_editor_set_plan     (CwaDeploymentEditor *self,
                                               CwaPlan             *plan);
CwaChecklist *cwa_deployment_editor_get_checklist (CwaDeploymentEditor *self);
void       cwa_deployment_editor_set_checklist (CwaDeploymentEditor *self,
                                                CwaChecklist        *checklist);
/* A CwaServer or CwaVirtualServer, or NULL. */
gpointer   cwa_deployment_editor_get_selected (CwaDeploymentEditor *self);
/* Selects @subject (a CwaServer or CwaVirtualServer of the plan) in the
 * tree and shows its form. */
void       cwa_deployment_editor_select       (CwaDeploymentEditor *self,
                                               gpointer             subject);

/* The topology view on the editor's other page (a CwaTopologyView,
 * borrowed). */
GtkWidget *cwa_deployment_editor_get_topology_view (CwaDeploymentEditor *self);

/* "Make array…" on @virtual_server (cwa_plan_edits_make_array()), then
 * selects the load balancer; nothing when there is no array to make. */
void          cwa_deployment_editor_make_array  (CwaDeploymentEditor *self,
                                                 CwaVirtualServer    *virtual_server);

G_END_DECLS

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

/* The entry of the required names for @subject's role
 * (cwa_topology_find_requirement()).  Borrowed from the checklist, or NULL. */
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
/* Whether @certificate would satisfy @subject's requirement: a translated
 * sentence naming what it lacks (@fits set FALSE) or saying that it covers
 * every name (@fits TRUE); NULL (and @fits untouched) when @certificate is
 * NULL or @subject has no requirement.  Free with g_free(). */
gchar          *_cwa_topology_dup_hint         (CwaChecklist   *checklist,
                                                gpointer        subject,
                                                CwaCertificate *certificate,
                                                gboolean       *fits);
/* Shows (or with @certificate NULL, clears) whether @certificate would
 * satisfy @subject's requirement, as a class on @widget. */
void            _cwa_topology_apply_hint       (GtkWidget      *widget,
                                                CwaChecklist   *checklist,
                                                gpointer        subject,
                                                CwaCertificate *certificate);

/* A one-line caption label, ellipsized in the middle. */
GtkWidget      *_cwa_topology_caption_label    (void);
/* The badge of Check Live Servers on a card, listener or load balancer:
 * a hidden label, shown and filled by cwa_ui_live_badge_update(). */
GtkWidget      *_cwa_topology_live_badge_new   (void);

/* The face of a listener or load balancer box: a heading (status, title,
 * badge), a muted line, a role badge with the certificate's name, and the
 * names the certificate needs while none is assigned. */
typedef struct
{
  GtkWidget *status_image;
  GtkWidget *title_label;
  GtkWidget *badge;
  GtkWidget *second_label;
  GtkWidget *certificate_row;
  GtkWidget *certificate_label;
  GtkWidget *names_label;
  GtkWidget *live_badge;
} CwaTopologyFace;

/* Builds the face's widgets into @content (a vertical GtkBox), the live
 * badge last. */
void            _cwa_topology_face_init        (CwaTopologyFace *face,
                                                GtkWidget       *content,
                                                const gchar     *role);
/* Shows @subject: the texts given, @certificate or else @none_text and the
 * needed names (@show_certificate FALSE hides the certificate row), the
 * status and failures from @checklist on @widget (tooltip, accessible
 * description), and @accessible as @widget's accessible name. */
void            _cwa_topology_face_update      (CwaTopologyFace *face,
                                                GtkWidget       *widget,
                                                CwaChecklist    *checklist,
                                                gpointer         subject,
                                                const gchar     *title,
                                                const gchar     *badge,
                                                const gchar     *second,
                                                gboolean         show_certificate,
                                                CwaCertificate  *certificate,
                                                const gchar     *none_text,
                                                const gchar     *accessible);
/* The live badge: what @subject's endpoint served and when (hidden for
 * CWA_LIVE_STATUS_NONE), dimmed when @stale; see cwa_ui_live_badge_update(). */
void            _cwa_topology_face_set_live    (CwaTopologyFace *face,
                                                CwaLiveStatus    status,
                                                GDateTime       *checked_at,
                                                gboolean         stale);
/* The live badge's text, or NULL while it is hidden. */
const gchar    *_cwa_topology_face_get_live_text (CwaTopologyFace *face);

G_END_DECLS

/* cwa-ui-util.h: small helpers the panes share: status icons, clipboard, toasts. */
#pragma once

#include <adwaita.h>

#include "cwa-checklist.h"
#include "cwa-live-check.h"

G_BEGIN_DECLS

/* The worst outcome of the findings about one subject, for an icon. */
typedef enum
{
  CWA_UI_STATUS_NONE,     /* no finding names it */
  CWA_UI_STATUS_PASS,
  CWA_UI_STATUS_INFO,
  CWA_UI_STATUS_WARNING,
  CWA_UI_STATUS_ERROR,
} CwaUiStatus;

/* Worst status of the findings whose server, virtual server, load
 * balancer, publishing rule or certificate is @subject.  Only reads the checklist: no rule is evaluated here. */
CwaUiStatus  cwa_ui_status_for_subject   (CwaChecklist *checklist,
                                          gpointer      subject);
CwaUiStatus  cwa_ui_status_for_finding   (CwaFinding   *finding);
const gchar *cwa_ui_status_icon_name     (CwaUiStatus   status);
const gchar *cwa_ui_status_css_class     (CwaUiStatus   status);
/* Translated: "Error", "Warning", "Passed"... for accessible labels. */
const gchar *cwa_ui_status_label         (CwaUiStatus   status);
/* Tooltips in list rows are asked for when shown: the text is the
 * widget's "cwa-tooltip" data, or a label's text.  (GTK 4.8 queries the X
 * server on every gtk_widget_set_tooltip_text(), too slow for rows that
 * rebind by the thousand.) */
void         cwa_ui_set_lazy_tooltip     (GtkWidget    *widget);
/* Sets icon, style class, tooltip and accessible label of @image. */
void         cwa_ui_status_apply         (GtkImage     *image,
                                          CwaUiStatus   status);


void         cwa_ui_copy_text            (GtkWidget    *widget,
                                          const gchar  *text);
/* Scrolls the nearest GtkScrolledWindow above @widget (one whose child is
 * a GtkViewport) the least that shows @widget, or its top part when it is
 * taller than the view.  Does nothing before @widget is laid out. */
void         cwa_ui_scroll_into_view     (GtkWidget    *widget);
/* Shows @title in the nearest AdwToastOverlay above @widget, if any.
 * Returns the toast (borrowed) or NULL. */
AdwToast    *cwa_ui_show_toast           (GtkWidget    *widget,
                                          const gchar  *title);

/* The headline of @finding in the window: its rule's title, translated,
 * with the catalogue's example names (the `quoted` contoso names) replaced
 * by the finding's own subject's names and the quotes removed, as the
 * reports name the subject.  Plain text; free with g_free(). */
gchar       *cwa_ui_dup_finding_headline (CwaFinding   *finding);

/* A live check's verdict on one endpoint, in the words of its badge
 * ("Served as planned", "Serves another certificate", "Unreachable";
 * translated, NULL for CWA_LIVE_STATUS_NONE) and as a status for icons. */
const gchar *cwa_ui_live_status_label    (CwaLiveStatus status);
CwaUiStatus  cwa_ui_live_status_to_ui    (CwaLiveStatus status);
/* "Checked at 14:02" (local time; translated), or when @stale "Checked
 * before your last change, at 14:02" (ui.md). */
gchar       *cwa_ui_dup_live_checked_text (GDateTime   *checked_at,
                                           gboolean     stale);

/* Shows a live check's verdict on a topology card, listener or load
 * balancer in @badge: the badge's words and the time of the check,
 * coloured by @status; as tooltip and accessible name the words and
 * cwa_ui_dup_live_checked_text(); hidden for CWA_LIVE_STATUS_NONE; dimmed
 * and marked when @stale. */
void         cwa_ui_live_badge_update    (GtkLabel     *badge,
                                          CwaLiveStatus status,
                                          GDateTime    *checked_at,
                                          gboolean      stale);

/* How messages name @file: its display name, else its base name. */
gchar       *cwa_ui_dup_file_label       (GFile        *file);
/* How the window's subtitle names @folder: "~" for @home itself,
 * "~/plans" below it, else the full path; names in the file system's
 * encoding are shown as UTF-8.  @home may be NULL; "" for a folder with no
 * local path. */
gchar       *cwa_ui_dup_folder_label     (GFile        *folder,
                                          const gchar  *home);

/* "cwaserver.contoso.com" or "im.contoso.com": what a row names. */
gchar       *cwa_ui_dup_subject_label    (gpointer      subject);

/* Sets @entry's text to @text (NULL: empty) unless it shows that already:
 * filling a form from the model then emits no "changed" and keeps the
 * cursor where the user types. */
void         cwa_ui_entry_set_text       (GtkEntry     *entry,
                                          const gchar  *text);

G_END_DECLS

/* cwa-ui-util.c: small helpers the panes share: status icons, clipboard, toasts. */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "cwa-ui-util.h"
#include "cwa-vs-label.h"

CwaUiStatus
cwa_ui_status_for_finding (CwaFinding *finding)
{
  g_return_val_if_fail (CWA_IS_FINDING (finding), CWA_UI_STATUS_NONE);

  if (!cwa_finding_is_failed (finding))
    return CWA_UI_STATUS_PASS;

  switch (cwa_finding_get_level (finding))
    {
    case CWA_LEVEL_ERROR:
      return CWA_UI_STATUS_ERROR;
    case CWA_LEVEL_WARNING:
      return CWA_UI_STATUS_WARNING;
    case CWA_LEVEL_INFO:
    default:
      return CWA_UI_STATUS_INFO;
    }
}

CwaUiStatus
cwa_ui_status_for_subject (CwaChecklist *checklist,
                           gpointer      subject)
{
  GListModel *findings;
  CwaUiStatus worst = CWA_UI_STATUS_NONE;
  guint n;

  if (checklist == NULL || subject == NULL)
    return CWA_UI_STATUS_NONE;

  findings = cwa_checklist_get_findings (checklist);
  n = g_list_model_get_n_items (findings);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CwaFinding) finding = g_list_model_get_item (findings, i);
      gboolean about;

      if (CWA_IS_SERVER (subject))
        about = cwa_finding_get_server (finding) == subject;
      else if (CWA_IS_VIRTUAL_SERVER (subject))
        about = cwa_finding_get_virtual_server (finding) == subject;
      else if (CWA_IS_LOAD_BALANCER (subject))
        about = cwa_finding_get_load_balancer (finding) == subject;
      else if (CWA_IS_PUBLISHING_RULE (subject))
        about = cwa_finding_get_publishing_rule (finding) == subject;
      else
        about = (gpointer) cwa_finding_get_certificate (finding) == subject;

      if (about)
        worst = MAX (worst, cwa_ui_status_for_finding (finding));
    }

  return worst;
}

const gchar *
cwa_ui_status_icon_name (CwaUiStatus status)
{
  switch (status)
    {
    case CWA_UI_STATUS_ERROR:
      return "dialog-error-symbolic";
    case CWA_UI_STATUS_WARNING:
      return "dialog-warning-symbolic";
    case CWA_UI_STATUS_INFO:
      return "dialog-information-symbolic";
    case CWA_UI_STATUS_PASS:
      return "emblem-ok-symbolic";
    case CWA_UI_STATUS_NONE:
    default:
      return NULL;
    }
}

const gchar *
cwa_ui_status_css_class (CwaUiStatus status)
{
  switch (status)
    {
    case CWA_UI_STATUS_ERROR:
      return "error";
    case CWA_UI_STATUS_WARNING:
      return "warning";
    case CWA_UI_STATUS_PASS:
      return "success";
    case CWA_UI_STATUS_INFO:
    case CWA_UI_STATUS_NONE:
    default:
      return "dim-label";
    }
}

const gchar *
cwa_ui_status_label (CwaUiStatus status)
{
  switch (status)
    {
    case CWA_UI_STATUS_ERROR:
      return _("Error");
    case CWA_UI_STATUS_WARNING:
      return _("Warning");
    case CWA_UI_STATUS_INFO:
      return _("Information");
    case CWA_UI_STATUS_PASS:
      return _("Passed");
    case CWA_UI_STATUS_NONE:
    default:
      return _("Not checked");
    }
}

static gboolean
query_tooltip_cb (GtkWidget  *widget,
                  gint        x,
                  gint        y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  const gchar *text = g_object_get_data (G_OBJECT (widget), "cwa-tooltip");

  if (text == NULL && GTK_IS_LABEL (widget))
    text = gtk_label_get_text (GTK_LABEL (widget));
  if (text == NULL || *text == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

void
cwa_ui_set_lazy_tooltip (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_widget_set_has_tooltip (widget, TRUE);
  g_signal_connect (widget, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
}

void
cwa_ui_status_apply (GtkImage    *image,
                     CwaUiStatus  status)
{
  static const gchar *all_classes[] = { "error", "warning", "success", "dim-label" };
  GtkWidget *widget = GTK_WIDGET (image);
  const gchar *label = cwa_ui_status_label (status);
  /* Stored shifted by one so that "never applied" (NULL) differs from
   * CWA_UI_STATUS_NONE. */
  gpointer applied = g_object_get_data (G_OBJECT (image), "cwa-status");

  /* Every run of the checklist refreshes every visible icon; GTK 4.8 asks
   * the X server where the pointer is on each tooltip change, so only real
   * changes are applied. */
  if (GPOINTER_TO_INT (applied) == (gint) status + 1)
    return;
  g_object_set_data (G_OBJECT (image), "cwa-status", GINT_TO_POINTER ((gint) status + 1));

  if (applied == NULL)
    cwa_ui_set_lazy_tooltip (widget);

  for (guint i = 0; i < G_N_ELEMENTS (all_classes); i++)
    gtk_widget_remove_css_class (widget, all_classes[i]);
  gtk_widget_add_css_class (widget, cwa_ui_status_css_class (status));
  gtk_image_set_from_icon_name (image, cwa_ui_status_icon_name (status));
  g_object_set_data_full (G_OBJECT (widget), "cwa-tooltip", g_strdup (label), g_free);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

void
cwa_ui_copy_text (GtkWidget   *widget,
                  const gchar *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (text != NULL);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
}

void
cwa_ui_scroll_into_view (GtkWidget *widget)
{
  GtkWidget *scroller;
  GtkWidget *viewport;
  GtkWidget *content;
  GtkAdjustment *hadjustment;
  GtkAdjustment *vadjustment;
  graphene_rect_t bounds;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  viewport = scroller != NULL ? gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller)) : NULL;
  content = GTK_IS_VIEWPORT (viewport) ? gtk_viewport_get_child (GTK_VIEWPORT (viewport)) : NULL;
  if (content == NULL || !gtk_widget_compute_bounds (widget, content, &bounds))
    return;
  hadjustment = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scroller));
  vadjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  /* Taller or wider than the view: its start. */
  gtk_adjustment_clamp_page (hadjustment, bounds.origin.x,
                             bounds.origin.x + MIN (bounds.size.width, gtk_adjustment_get_page_size (hadjustment)));
  gtk_adjustment_clamp_page (vadjustment, bounds.origin.y,
                             bounds.origin.y + MIN (bounds.size.height, gtk_adjustment_get_page_size (vadjustment)));
}

AdwToast *
cwa_ui_show_toast (GtkWidget   *widget,
                   const gchar *title)
{
  GtkWidget *overlay;
  AdwToast *toast;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL)
    return NULL;

  toast = adw_toast_new (title);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  return toast;
}

gchar *
cwa_ui_dup_subject_label (gpointer subject)
{
  if (CWA_IS_SERVER (subject))
    return g_strdup (cwa_server_get_fqdn (subject));
  if (CWA_IS_VIRTUAL_SERVER (subject))
    return cwa_vs_label_dup (subject, CWA_LABEL_TRANSLATED);
  if (CWA_IS_CERTIFICATE (subject))
    return g_strdup (cwa_certificate_get_display_name (subject));
  return g_strdup (_("Deployment"));
}

/* The catalogue's titles quote the example of CWA-CERTS in backticks; each
 * example stands for one name of the finding's subject. */
static gchar *
dup_example_replacement (CwaFinding  *finding,
                         const gchar *example)
{
  CwaVirtualServer *vs = cwa_finding_get_virtual_server (finding);
  CwaServer *server = cwa_finding_get_server (finding);

  if (g_str_equal (example, "cwaserver.contoso.com") && server != NULL)
    return g_strdup (cwa_server_get_fqdn (server));
  if (vs == NULL)
    return NULL;
  if (g_str_equal (example, "im.contoso.com"))
    return g_strdup (cwa_virtual_server_get_host (vs));
  if (g_str_equal (example, "as.im.contoso.com"))
    return cwa_virtual_server_dup_as_host (vs);
  if (g_str_equal (example, "download.im.contoso.com"))
    return cwa_virtual_server_dup_download_host (vs);
  return NULL;
}

gchar *
cwa_ui_dup_finding_headline (CwaFinding *finding)
{
  const CwaRule *rule;
  g_autoptr(GString) headline = NULL;
  const gchar *p;

  g_return_val_if_fail (CWA_IS_FINDING (finding), NULL);

  rule = cwa_finding_get_rule (finding);
  if (rule == NULL)
    return g_strdup (cwa_finding_get_rule_id (finding));

  headline = g_string_new (NULL);
  p = _(rule->title);
  while (*p != '\0')
    {
      const gchar *open = strchr (p, '`');
      const gchar *close = open != NULL ? strchr (open + 1, '`') : NULL;
      g_autofree gchar *example = NULL;
      g_autofree gchar *replacement = NULL;

      if (close == NULL)
        {
          g_string_append (headline, p);
          break;
        }
      g_string_append_len (headline, p, open - p);
      example = g_strndup (open + 1, close - open - 1);
      replacement = dup_example_replacement (finding, example);
      /* "(e.g. im.contoso.com)" becomes "(im.fabrikam.com)": no longer an example. */
      if (replacement != NULL && g_str_has_suffix (headline->str, "e.g. "))
        g_string_truncate (headline, headline->len - strlen ("e.g. "));
      g_string_append (headline, replacement != NULL ? replacement : example);
      p = close + 1;
    }

  return g_string_free (g_steal_pointer (&headline), FALSE);
}

gchar *
cwa_ui_dup_file_label (GFile *file)
{
  g_autoptr(GFileInfo) info = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info != NULL)
    return g_strdup (g_file_info_get_display_name (info));
  return g_file_get_basename (file);
}

gchar *
cwa_ui_dup_folder_label (GFile       *folder,
                         const gchar *home)
{
  g_autofree gchar *path = NULL;

  g_return_val_if_fail (G_IS_FILE (folder), NULL);

  /* Path components, not a string prefix: /home/al2 is not below /home/al. */
  if (home != NULL)
    {
      g_autoptr(GFile) home_file = g_file_new_for_path (home);
      g_autofree gchar *relative = NULL;

      if (g_file_equal (folder, home_file))
        return g_strdup ("~");
      relative = g_file_get_relative_path (home_file, folder);
      if (relative != NULL)
        {
          g_autofree gchar *shown = g_filename_display_name (relative);

          return g_strconcat ("~" G_DIR_SEPARATOR_S, shown, NULL);
        }
    }

  path = g_file_get_path (folder);
  return path != NULL ? g_filename_display_name (path) : g_strdup ("");
}

void
cwa_ui_entry_set_text (GtkEntry    *entry,
                       const gchar *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), text != NULL ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
}

/* The live check. */

const gchar *
cwa_ui_live_status_label (CwaLiveStatus status)
{
  switch (status)
    {
    case CWA_LIVE_STATUS_AS_PLANNED:
      return _("Served as planned");
    case CWA_LIVE_STATUS_OTHER:
      return _("Serves another certificate");
    case CWA_LIVE_STATUS_UNREACHABLE:
      return _("Unreachable");
    case CWA_LIVE_STATUS_NONE:
    default:
      return NULL;
    }
}

CwaUiStatus
cwa_ui_live_status_to_ui (CwaLiveStatus status)
{
  switch (status)
    {
    case CWA_LIVE_STATUS_AS_PLANNED:
      return CWA_UI_STATUS_PASS;
    case CWA_LIVE_STATUS_OTHER:
    case CWA_LIVE_STATUS_UNREACHABLE:
      return CWA_UI_STATUS_ERROR;
    case CWA_LIVE_STATUS_NONE:
    default:
      return CWA_UI_STATUS_NONE;
    }
}

gchar *
cwa_ui_dup_live_checked_text (GDateTime *checked_at,
                              gboolean   stale)
{
  g_autoptr(GDateTime) local = NULL;
  g_autofree gchar *time = NULL;

  if (checked_at == NULL)
    return g_strdup ("");
  local = g_date_time_to_local (checked_at);
  time = g_date_time_format (local, "%H:%M");
  if (stale)
    /* Translators: %s is the time of a live check, e.g. "14:02" */
    return g_strdup_printf (_("Checked before your last change, at %s"), time);
  /* Translators: %s is the time of a live check, e.g. "14:02" */
  return g_strdup_printf (_("Checked at %s"), time);
}

void
cwa_ui_live_badge_update (GtkLabel      *badge,
                          CwaLiveStatus  status,
                          GDateTime     *checked_at,
                          gboolean       stale)
{
  static const gchar * const classes[] = { "live-as-planned", "live-other", "live-unreachable", "live-stale" };
  g_autoptr(GDateTime) local = NULL;
  g_autofree gchar *time = NULL;
  g_autofree gchar *text = NULL;
  g_autofree gchar *checked = NULL;
  g_autofree gchar *tooltip = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (badge), classes[i]);
  gtk_widget_set_visible (GTK_WIDGET (badge), status != CWA_LIVE_STATUS_NONE && checked_at != NULL);
  if (status == CWA_LIVE_STATUS_NONE || checked_at == NULL)
    return;

  local = g_date_time_to_local (checked_at);
  time = g_date_time_format (local, "%H:%M");
  /* Translators: a topology card's live badge: the verdict and the time of
   * the check, e.g. "Served as planned · 14:02" */
  text = g_strdup_printf (_("%s · %s"), cwa_ui_live_status_label (status), time);
  gtk_label_set_text (badge, text);
  gtk_widget_add_css_class (GTK_WIDGET (badge),
                            status == CWA_LIVE_STATUS_AS_PLANNED ? "live-as-planned" :
                            status == CWA_LIVE_STATUS_OTHER ? "live-other" : "live-unreachable");
  if (stale)
    gtk_widget_add_css_class (GTK_WIDGET (badge), "live-stale");
  checked = cwa_ui_dup_live_checked_text (checked_at, stale);
  /* The verdict in words with when it was found, also for a screen reader:
   * "Served as planned · Checked before your last change, at 14:02". */
  tooltip = g_strdup_printf (_("%s · %s"), cwa_ui_live_status_label (status), checked);
  gtk_widget_set_tooltip_text (GTK_WIDGET (badge), tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (badge), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
}

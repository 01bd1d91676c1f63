/* cwa-topology-status.c: what the checklist says about one box or card of the topology view: status, failures, required names, drop hint. */
#include "config.h"

#include <glib/gi18n.h>

#include "cwa-names.h"
#include "cwa-topology-bands.h"
#include "cwa-topology-status.h"

CwaRequirement *
_cwa_topology_find_requirement (CwaChecklist *checklist,
                                gpointer      subject)
{
  if (checklist == NULL)
    return NULL;
  return cwa_topology_find_requirement (cwa_checklist_get_requirements (checklist), subject);
}

gchar *
_cwa_topology_dup_failures (CwaChecklist *checklist,
                            gpointer      subject)
{
  GListModel *findings;
  g_autoptr(GString) text = NULL;

  if (checklist == NULL)
    return NULL;

  findings = cwa_checklist_get_findings (checklist);
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(CwaFinding) finding = g_list_model_get_item (findings, i);
      g_autofree gchar *headline = NULL;
      gboolean about;

      if (!cwa_finding_is_failed (finding))
        continue;
      if (CWA_IS_VIRTUAL_SERVER (subject))
        about = cwa_finding_get_virtual_server (finding) == subject;
      else if (CWA_IS_LOAD_BALANCER (subject))
        about = cwa_finding_get_load_balancer (finding) == subject;
      else if (CWA_IS_PUBLISHING_RULE (subject))
        about = cwa_finding_get_publishing_rule (finding) == subject;
      else
        about = cwa_finding_get_server (finding) == subject && cwa_finding_get_virtual_server (finding) == NULL;
      if (!about)
        continue;

      if (text == NULL)
        text = g_string_new (NULL);
      else
        g_string_append_c (text, '\n');
      headline = cwa_ui_dup_finding_headline (finding);
      g_string_append_printf (text, "%s %s",
                              cwa_finding_get_level (finding) == CWA_LEVEL_ERROR ? "✖" : "⚠",
                              headline);
    }
  return text != NULL ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

const gchar *
_cwa_topology_status_class (CwaUiStatus status)
{
  switch (status)
    {
    case CWA_UI_STATUS_ERROR:
      return "topology-error";
    case CWA_UI_STATUS_WARNING:
      return "topology-warning";
    case CWA_UI_STATUS_PASS:
      return "topology-ok";
    case CWA_UI_STATUS_INFO:
    case CWA_UI_STATUS_NONE:
    default:
      return NULL;
    }
}

void
_cwa_topology_apply_status (GtkWidget   *widget,
                            CwaUiStatus  status)
{
  static const gchar * const classes[] = { "topology-error", "topology-warning", "topology-ok" };
  const gchar *wanted = _cwa_topology_status_class (status);

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    if (g_strcmp0 (classes[i], wanted) != 0)
      gtk_widget_remove_css_class (widget, classes[i]);
  if (wanted != NULL)
    gtk_widget_add_css_class (widget, wanted);
}

/* What @certificate lacks for @requirement, as a sentence; NULL when it
 * satisfies it. */
static gchar *
dup_hint_text (CwaRequirement *requirement,
               CwaCertificate *certificate)
{
  g_auto(GStrv) names = cwa_requirement_dup_all_names (requirement);
  const gchar * const *dns_names = cwa_certificate_get_dns_names (certificate);
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();
  g_autofree gchar *joined = NULL;

  if (cwa_requirement_is_satisfied_by (requirement, certificate))
    return NULL;
  for (guint i = 0; names[i] != NULL; i++)
    if (dns_names == NULL || cwa_names_match (dns_names, names[i]) != CWA_NAME_MATCH_EXACT)
      g_ptr_array_add (missing, names[i]);
  if (missing->len == 0)
    /* Translators: while a certificate is dragged over a target; %s is the subject it needs */
    return g_strdup_printf (_("This certificate’s subject is not %s"), cwa_requirement_get_subject (requirement));
  g_ptr_array_add (missing, NULL);
  joined = g_strjoinv (", ", (gchar **) missing->pdata);
  /* Translators: while a certificate is dragged over a target; %s lists the names it lacks */
  return g_strdup_printf (_("This certificate does not cover %s"), joined);
}

gchar *
_cwa_topology_dup_hint (CwaChecklist   *checklist,
                        gpointer        subject,
                        CwaCertificate *certificate,
                        gboolean       *fits)
{
  CwaRequirement *requirement = certificate != NULL ? _cwa_topology_find_requirement (checklist, subject) : NULL;
  gchar *text;

  /* An http virtual server has no role to satisfy. */
  if (requirement == NULL)
    return NULL;
  text = dup_hint_text (requirement, certificate);
  if (fits != NULL)
    *fits = text == NULL;
  return text != NULL ? text : g_strdup (_("This certificate covers every name needed here"));
}

void
_cwa_topology_apply_hint (GtkWidget      *widget,
                          CwaChecklist   *checklist,
                          gpointer        subject,
                          CwaCertificate *certificate)
{
  gboolean fits = FALSE;
  g_autofree gchar *text = _cwa_topology_dup_hint (checklist, subject, certificate, &fits);

  gtk_widget_remove_css_class (widget, CWA_TOPOLOGY_HINT_OK);
  gtk_widget_remove_css_class (widget, CWA_TOPOLOGY_HINT_BAD);
  if (text == NULL)
    {
      /* Back to what the checklist says about it. */
      g_autofree gchar *failures = _cwa_topology_dup_failures (checklist, subject);

      gtk_widget_set_tooltip_text (widget, failures);
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      failures != NULL ? failures : "", -1);
      return;
    }
  gtk_widget_add_css_class (widget, fits ? CWA_TOPOLOGY_HINT_OK : CWA_TOPOLOGY_HINT_BAD);
  gtk_widget_set_tooltip_text (widget, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
}

GtkWidget *
_cwa_topology_caption_label (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_add_css_class (label, "caption");
  return label;
}

GtkWidget *
_cwa_topology_live_badge_new (void)
{
  GtkWidget *badge = gtk_label_new (NULL);

  gtk_widget_set_halign (badge, GTK_ALIGN_START);
  gtk_widget_add_css_class (badge, "topology-live");
  gtk_widget_add_css_class (badge, "caption-heading");
  gtk_widget_set_visible (badge, FALSE);
  return badge;
}

void
_cwa_topology_face_init (CwaTopologyFace *face,
                         GtkWidget       *content,
                         const gchar     *role)
{
  GtkWidget *heading = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *role_label = gtk_label_new (role);

  face->status_image = gtk_image_new ();
  face->title_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (face->title_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (face->title_label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_set_hexpand (face->title_label, TRUE);
  gtk_widget_add_css_class (face->title_label, "heading");
  face->badge = gtk_label_new (NULL);
  gtk_widget_add_css_class (face->badge, "topology-badge");
  gtk_widget_add_css_class (face->badge, "caption-heading");
  gtk_widget_set_valign (face->badge, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (heading), face->status_image);
  gtk_box_append (GTK_BOX (heading), face->title_label);
  gtk_box_append (GTK_BOX (heading), face->badge);
  gtk_box_append (GTK_BOX (content), heading);

  face->second_label = _cwa_topology_caption_label ();
  gtk_widget_add_css_class (face->second_label, "dim-label");
  gtk_box_append (GTK_BOX (content), face->second_label);

  face->certificate_row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (role_label, "role-badge");
  gtk_widget_add_css_class (role_label, "caption-heading");
  face->certificate_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (face->certificate_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (face->certificate_label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_set_hexpand (face->certificate_label, TRUE);
  gtk_box_append (GTK_BOX (face->certificate_row), role_label);
  gtk_box_append (GTK_BOX (face->certificate_row), face->certificate_label);
  gtk_box_append (GTK_BOX (content), face->certificate_row);

  face->names_label = _cwa_topology_caption_label ();
  gtk_widget_add_css_class (face->names_label, "topology-names");
  gtk_widget_set_visible (face->names_label, FALSE);
  gtk_box_append (GTK_BOX (content), face->names_label);

  face->live_badge = _cwa_topology_live_badge_new ();
  gtk_box_append (GTK_BOX (content), face->live_badge);
}

static void
face_show_needs (CwaTopologyFace *face,
                 CwaChecklist    *checklist,
                 gpointer         subject,
                 gboolean         needed)
{
  CwaRequirement *requirement = needed ? _cwa_topology_find_requirement (checklist, subject) : NULL;
  g_auto(GStrv) names = NULL;
  g_autofree gchar *joined = NULL;
  g_autofree gchar *text = NULL;

  gtk_widget_set_visible (face->names_label, requirement != NULL);
  if (requirement == NULL)
    return;
  names = cwa_requirement_dup_all_names (requirement);
  joined = g_strjoinv ("\n", names);
  text = g_strdup_printf ("%s\n%s", _("Needs:"), joined);
  gtk_label_set_text (GTK_LABEL (face->names_label), text);
}

void
_cwa_topology_face_update (CwaTopologyFace *face,
                           GtkWidget       *widget,
                           CwaChecklist    *checklist,
                           gpointer         subject,
                           const gchar     *title,
                           const gchar     *badge,
                           const gchar     *second,
                           gboolean         show_certificate,
                           CwaCertificate  *certificate,
                           const gchar     *none_text,
                           const gchar     *accessible)
{
  CwaUiStatus status = cwa_ui_status_for_subject (checklist, subject);
  g_autofree gchar *failures = _cwa_topology_dup_failures (checklist, subject);

  gtk_label_set_text (GTK_LABEL (face->title_label), title);
  gtk_label_set_text (GTK_LABEL (face->badge), badge);
  gtk_label_set_text (GTK_LABEL (face->second_label), second);
  gtk_widget_set_visible (face->certificate_row, show_certificate);
  gtk_label_set_text (GTK_LABEL (face->certificate_label),
                      certificate != NULL ? cwa_certificate_get_display_name (certificate) : none_text);
  if (certificate == NULL)
    gtk_widget_add_css_class (face->certificate_label, "dim-label");
  else
    gtk_widget_remove_css_class (face->certificate_label, "dim-label");
  face_show_needs (face, checklist, subject, show_certificate && certificate == NULL);

  cwa_ui_status_apply (GTK_IMAGE (face->status_image), status);
  _cwa_topology_apply_status (widget, status);
  gtk_widget_set_tooltip_text (widget, failures);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, failures != NULL ? failures : "",
                                  -1);
}

void
_cwa_topology_face_set_live (CwaTopologyFace *face,
                             CwaLiveStatus    status,
                             GDateTime       *checked_at,
                             gboolean         stale)
{
  cwa_ui_live_badge_update (GTK_LABEL (face->live_badge), status, checked_at, stale);
}

const gchar *
_cwa_topology_face_get_live_text (CwaTopologyFace *face)
{
  return gtk_widget_get_visible (face->live_badge) ? gtk_label_get_text (GTK_LABEL (face->live_badge)) : NULL;
}

/* cwa-topology-status.c: what the checklist says about one box or card of the topology view: status, failures, required names, drop hint. */
#include "config.h"

#include "cwa-topology-status.h"

CwaRequirement *
_cwa_topology_find_requirement (CwaChecklist *checklist,
                                gpointer      subject)
{
  GListModel *requirements;
  CwaRequirement *shared = NULL;

  if (checklist == NULL)
    return NULL;

  requirements = cwa_checklist_get_requirements (checklist);
  for (guint i = 0; i < g_list_model_get_n_items (requirements); i++)
    {
      g_autoptr(CwaRequirement) entry = g_list_model_get_item (requirements, i);
      CwaRole role = cwa_requirement_get_role (entry);

      if (CWA_IS_VIRTUAL_SERVER (subject) && cwa_requirement_get_virtual_server (entry) == subject)
        return entry;
      if (CWA_IS_SERVER (subject) && cwa_requirement_get_server (entry) == subject)
        {
          if (role == CWA_ROLE_MTLS)
            return entry;
          /* A shared certificate is the computer's MTLS certificate too. */
          if (role == CWA_ROLE_SHARED && shared == NULL)
            shared = entry;
        }
    }
  return shared;
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

void
_cwa_topology_apply_hint (GtkWidget      *widget,
                          CwaChecklist   *checklist,
                          gpointer        subject,
                          CwaCertificate *certificate)
{
  CwaRequirement *requirement;
  gboolean ok;

  gtk_widget_remove_css_class (widget, CWA_TOPOLOGY_HINT_OK);
  gtk_widget_remove_css_class (widget, CWA_TOPOLOGY_HINT_BAD);
  if (certificate == NULL)
    return;
  /* An http virtual server has no role to satisfy. */
  requirement = _cwa_topology_find_requirement (checklist, subject);
  if (requirement == NULL)
    return;
  ok = cwa_requirement_is_satisfied_by (requirement, certificate);
  gtk_widget_add_css_class (widget, ok ? CWA_TOPOLOGY_HINT_OK : CWA_TOPOLOGY_HINT_BAD);
}

/* cwa-publishing-rule-form.c: the deployment editor's form for one publishing rule. */
#include "config.h"

#include <glib/gi18n.h>

#include "cwa-certificate-choice.h"
#include "cwa-names.h"
#include "cwa-plan-edits.h"
#include "cwa-publishing-rule-form.h"
#include "cwa-ui-util.h"

struct _CwaPublishingRuleForm
{
  GtkWidget          parent_instance;

  CwaPlan           *plan;
  CwaPublishingRule *rule;
  GSignalGroup      *subject_signals;
  GSignalGroup      *deployment_signals;
  GtkStringList     *hosts;
  gboolean           filling;

  GtkWidget         *grid;
  GtkEntry          *published_url_entry;
  GtkEntry          *listen_entry;
  GtkDropDown       *certificate_dropdown;
  GtkDropDown       *virtual_server_dropdown;
  GtkEntry          *internal_host_entry;
  GtkEntry          *internal_address_entry;
  GtkEntry          *as_url_entry;
  GtkEntry          *download_url_entry;
};

G_DEFINE_FINAL_TYPE (CwaPublishingRuleForm, cwa_publishing_rule_form, GTK_TYPE_WIDGET)

/* The plan's URL hosts, each once, in plan order, and the rule's own
 * choice when no virtual server has it (yet). */
static GStrv
collect_hosts (CwaPublishingRuleForm *self)
{
  GListModel *servers = cwa_deployment_get_servers (cwa_plan_get_deployment (self->plan));
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  const gchar *own = cwa_publishing_rule_get_virtual_server_host (self->rule);

  for (guint i = 0; i < g_list_model_get_n_items (servers); i++)
    {
      g_autoptr(CwaServer) server = g_list_model_get_item (servers, i);
      GListModel *vss = cwa_server_get_virtual_servers (server);

      for (guint j = 0; j < g_list_model_get_n_items (vss); j++)
        {
          g_autoptr(CwaVirtualServer) vs = g_list_model_get_item (vss, j);
          const gchar *host = cwa_virtual_server_get_host (vs);

          if (host != NULL && g_hash_table_add (seen, (gpointer) host))
            g_strv_builder_add (builder, host);
        }
    }
  if (own != NULL && !g_hash_table_contains (seen, own))
    g_strv_builder_add (builder, own);
  return g_strv_builder_end (builder);
}

static void
fill_hosts (CwaPublishingRuleForm *self)
{
  g_auto(GStrv) hosts = collect_hosts (self);
  const gchar *own = cwa_publishing_rule_get_virtual_server_host (self->rule);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->hosts));
  gboolean same = n == g_strv_length (hosts);
  guint selected = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; same && i < n; i++)
    same = g_strcmp0 (gtk_string_list_get_string (self->hosts, i), hosts[i]) == 0;
  if (!same)
    gtk_string_list_splice (self->hosts, 0, n, (const gchar * const *) hosts);
  for (guint i = 0; hosts[i] != NULL; i++)
    if (g_strcmp0 (hosts[i], own) == 0)
      selected = i;
  if (gtk_drop_down_get_selected (self->virtual_server_dropdown) != selected)
    gtk_drop_down_set_selected (self->virtual_server_dropdown, selected);
}

static void
fill (CwaPublishingRuleForm *self)
{
  if (self->rule == NULL)
    return;

  self->filling = TRUE;
  cwa_ui_entry_set_text (self->published_url_entry, cwa_publishing_rule_get_published_url (self->rule));
  cwa_ui_entry_set_text (self->listen_entry, cwa_publishing_rule_get_listen (self->rule));
  cwa_ui_entry_set_text (self->internal_host_entry, cwa_publishing_rule_get_internal_host (self->rule));
  cwa_ui_entry_set_text (self->internal_address_entry, cwa_publishing_rule_get_internal_address (self->rule));
  cwa_ui_entry_set_text (self->as_url_entry, cwa_publishing_rule_get_as_url (self->rule));
  cwa_ui_entry_set_text (self->download_url_entry, cwa_publishing_rule_get_download_url (self->rule));
  cwa_certificate_choice_select (self->certificate_dropdown,
                                 cwa_publishing_rule_get_listener_certificate (self->rule));
  fill_hosts (self);
  self->filling = FALSE;
}

/* An entry that does not parse is marked and not written: the model keeps
 * the last valid value (as the virtual server form does). */
static void
mark (GtkEntry *entry,
      gboolean  valid)
{
  if (valid)
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
}

static gboolean
url_valid (const gchar *text,
           gboolean     optional)
{
  g_autofree gchar *host = NULL;

  if (*text == '\0')
    return optional;
  return cwa_url_parse (text, NULL, &host, NULL, NULL);
}

static void
entry_changed_cb (CwaPublishingRuleForm *self,
                  GtkEntry              *entry)
{
  const gchar *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  CwaPublishingRule *rule = self->rule;
  gboolean valid = TRUE;

  if (self->filling || rule == NULL)
    return;
  if (entry == self->published_url_entry && (valid = url_valid (text, FALSE)))
    cwa_publishing_rule_set_published_url (rule, text);
  else if (entry == self->listen_entry)
    {
      g_autofree gchar *address = NULL;

      if ((valid = *text == '\0' || cwa_listen_parse (text, &address, NULL, NULL)))
        cwa_publishing_rule_set_listen (rule, text);
    }
  else if (entry == self->internal_host_entry)
    cwa_publishing_rule_set_internal_host (rule, text);
  else if (entry == self->internal_address_entry)
    cwa_publishing_rule_set_internal_address (rule, text);
  else if (entry == self->as_url_entry && (valid = url_valid (text, TRUE)))
    cwa_publishing_rule_set_as_url (rule, text);
  else if (entry == self->download_url_entry && (valid = url_valid (text, TRUE)))
    cwa_publishing_rule_set_download_url (rule, text);
  mark (entry, valid);
}

static void
certificate_cb (CwaPublishingRuleForm *self)
{
  if (!self->filling && self->rule != NULL)
    cwa_plan_edits_assign (self->plan, self->rule, cwa_certificate_choice_get (self->certificate_dropdown));
}

static void
virtual_server_cb (CwaPublishingRuleForm *self)
{
  guint selected = gtk_drop_down_get_selected (self->virtual_server_dropdown);

  if (self->filling || self->rule == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  cwa_publishing_rule_set_virtual_server (self->rule, gtk_string_list_get_string (self->hosts, selected));
}

void
cwa_publishing_rule_form_set_subject (CwaPublishingRuleForm *self,
                                      CwaPlan               *plan,
                                      gpointer               subject)
{
  g_return_if_fail (CWA_IS_PUBLISHING_RULE_FORM (self));
  g_return_if_fail (subject == NULL || (CWA_IS_PLAN (plan) && CWA_IS_PUBLISHING_RULE (subject)));

  if (self->plan != plan)
    {
      self->filling = TRUE;
      g_set_object (&self->plan, plan);
      cwa_certificate_choice_bind (self->certificate_dropdown, plan);
      self->filling = FALSE;
    }
  g_set_object (&self->rule, subject);
  g_signal_group_set_target (self->subject_signals, subject);
  g_signal_group_set_target (self->deployment_signals, subject != NULL ? cwa_plan_get_deployment (plan) : NULL);
  fill (self);
}

static void
cwa_publishing_rule_form_dispose (GObject *object)
{
  CwaPublishingRuleForm *self = CWA_PUBLISHING_RULE_FORM (object);

  g_clear_object (&self->subject_signals);
  g_clear_object (&self->deployment_signals);
  g_clear_object (&self->rule);
  gtk_widget_dispose_template (GTK_WIDGET (self), CWA_TYPE_PUBLISHING_RULE_FORM);
  g_clear_object (&self->hosts);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (cwa_publishing_rule_form_parent_class)->dispose (object);
}

static void
cwa_publishing_rule_form_class_init (CwaPublishingRuleFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cwa_publishing_rule_form_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/cwacertplanner/CertPlanner/cwa-publishing-rule-form.ui");
  gtk_widget_class_bind_template_child (widget_class, CwaPublishingRuleForm, grid);
  gtk_widget_class_bind_template_child (widget_class, CwaPublishingRuleForm, published_url_entry);
  gtk_widget_class_bind_template_child (widget_class, CwaPublishingRuleForm, listen_entry);
  gtk_widget_class_bind_template_child (widget_class, CwaPublishingRuleForm, certificate_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CwaPublishingRuleForm, virtual_server_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CwaPublishingRuleForm, internal_host_entry);
  gtk_widget_class_bind_template_child (widget_class, CwaPublishingRuleForm, internal_address_entry);
  gtk_widget_class_bind_template_child (widget_class, CwaPublishingRuleForm, as_url_entry);
  gtk_widget_class_bind_template_child (widget_class, CwaPublishingRuleForm, download_url_entry);
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
}

static void
cwa_publishing_rule_form_init (CwaPublishingRuleForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->hosts = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->virtual_server_dropdown, G_LIST_MODEL (self->hosts));
  self->subject_signals = g_signal_group_new (CWA_TYPE_PUBLISHING_RULE);
  g_signal_group_connect_object (self->subject_signals, "notify", G_CALLBACK (fill), self, G_CONNECT_SWAPPED);
  self->deployment_signals = g_signal_group_new (CWA_TYPE_DEPLOYMENT);
  g_signal_group_connect_object (self->deployment_signals, "changed", G_CALLBACK (fill), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->certificate_dropdown, "notify::selected",
                           G_CALLBACK (certificate_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->virtual_server_dropdown, "notify::selected",
                           G_CALLBACK (virtual_server_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
cwa_publishing_rule_form_new (void)
{
  return g_object_new (CWA_TYPE_PUBLISHING_RULE_FORM, NULL);
}

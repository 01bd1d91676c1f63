/* cwa-dns-records-section.c: the DNS records a plan needs (rules.md, "DNS records"), grouped by subject, each with a copy button. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cwa-dns-records-section.h"
#include "cwa-dns-records.h"
#include "cwa-ui-names.h"
#include "cwa-ui-util.h"

struct _CwaDnsRecordsSection
{
  GtkWidget     parent_instance;

  CwaChecklist *checklist;
  GSignalGroup *checklist_signals;
  GPtrArray    *records;          /* CwaDnsRecord */

  GtkWidget    *box;
  GtkWidget    *copy_all_button;
  GtkWidget    *empty_label;
  GtkBox       *groups_box;
};

enum {
  PROP_0,
  PROP_CHECKLIST,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CwaDnsRecordsSection, cwa_dns_records_section, GTK_TYPE_WIDGET)

/* The zone-file text. */

static void
append_view (GString     *text,
             GPtrArray   *records,
             const gchar *view,
             const gchar *heading)
{
  guint width = cwa_dns_records_get_zone_name_width (records);
  const gchar *subject = NULL;

  for (guint i = 0; i < records->len; i++)
    {
      const CwaDnsRecord *record = g_ptr_array_index (records, i);
      g_autofree gchar *line = NULL;

      if (g_strcmp0 (record->view, view) != 0)
        continue;
      if (subject == NULL)
        g_string_append_printf (text, "%s; %s\n", text->len > 0 ? "\n" : "", heading);
      if (g_strcmp0 (subject, record->for_text) != 0)
        g_string_append_printf (text, "; %s\n", record->for_label);
      subject = record->for_text;
      line = cwa_dns_record_dup_zone_line (record, width);
      g_string_append_printf (text, "%s\n", line);
    }
}

gchar *
cwa_dns_records_section_dup_text (CwaDnsRecordsSection *self)
{
  GString *text;

  g_return_val_if_fail (CWA_IS_DNS_RECORDS_SECTION (self), NULL);

  text = g_string_new (NULL);
  /* A zone belongs to one DNS server: each view is a block of its own. */
  append_view (text, self->records, "internal",
               /* Translators: a comment line in the copied DNS records */
               _("Internal DNS: your organisation's own zones"));
  append_view (text, self->records, "external",
               /* Translators: a comment line in the copied DNS records */
               _("External DNS: the zones the Internet sees"));
  return g_string_free (text, FALSE);
}

static void
copy_clicked_cb (GtkButton *button,
                 gpointer   user_data)
{
  const gchar *text = g_object_get_data (G_OBJECT (button), "cwa-text");
  g_autofree gchar *title = NULL;
  g_autofree gchar *escaped = NULL;

  cwa_ui_copy_text (GTK_WIDGET (button), text);
  /* Translators: toast after copying one DNS record */
  title = g_strdup_printf (_("Copied: %s"), text);
  escaped = g_markup_escape_text (title, -1);
  cwa_ui_show_toast (GTK_WIDGET (button), escaped);
}

static void
copy_all_clicked_cb (CwaDnsRecordsSection *self)
{
  g_autofree gchar *text = cwa_dns_records_section_dup_text (self);

  cwa_ui_copy_text (GTK_WIDGET (self), text);
  /* By its mnemonic (Alt+Y) the button may be scrolled out of sight: show
   * what was copied. */
  cwa_ui_scroll_into_view (GTK_WIDGET (self));
  cwa_ui_show_toast (GTK_WIDGET (self), _("DNS records copied"));
}

/* The rows. */

static const gchar *
view_label (const CwaDnsRecord *record)
{
  if (g_strcmp0 (record->view, "external") == 0)
    /* Translators: where a DNS record goes: the Internet's DNS */
    return _("external DNS");
  /* Translators: where a DNS record goes: the organisation's own DNS */
  return _("internal DNS");
}

static GtkWidget *
make_record_row (const CwaDnsRecord *record)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_from_icon_name ("edit-copy-symbolic");
  g_autofree gchar *name = g_markup_escape_text (record->name, -1);
  g_autofree gchar *line = cwa_dns_record_dup_zone_line (record, 0);
  g_autofree gchar *tooltip = g_strdup_printf (_("Copy the %s record of “%s”"), record->type, record->name);
  /* Translators: a DNS record under its name: type, value and view, e.g. "CNAME → cwa01.contoso.com · internal DNS" */
  g_autofree gchar *subtitle = g_strdup_printf (_("%s → %s · %s"), record->type,
                                                cwa_dns_record_get_value_label (record), view_label (record));
  g_autofree gchar *escaped = g_markup_escape_text (subtitle, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
  adw_preferences_row_set_title_selectable (ADW_PREFERENCES_ROW (row), TRUE);
  if (cwa_dns_record_value_is_placeholder (record))
    gtk_widget_set_tooltip_text (row, _("The plan does not give this address yet"));

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  g_object_set_data_full (G_OBJECT (button), "cwa-text", g_steal_pointer (&line), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (copy_clicked_cb), NULL);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

/* One group per subject, in the order the records come (rules.md groups
 * them so): titled with its first record's name, the host it is about,
 * and described by what needs it (a long text, which a description wraps
 * and a title would cut). */
static void
rebuild_rows (CwaDnsRecordsSection *self)
{
  GtkWidget *child;
  GtkWidget *group = NULL;
  const gchar *subject = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box))) != NULL)
    gtk_box_remove (self->groups_box, child);

  for (guint i = 0; i < self->records->len; i++)
    {
      const CwaDnsRecord *record = g_ptr_array_index (self->records, i);

      if (group == NULL || g_strcmp0 (subject, record->for_text) != 0)
        {
          g_autofree gchar *title = g_markup_escape_text (record->name, -1);
          g_autofree gchar *description = g_markup_escape_text (record->for_label, -1);

          group = adw_preferences_group_new ();
          adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
          adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
          cwa_ui_names_wrap_group_title (ADW_PREFERENCES_GROUP (group));
          gtk_box_append (self->groups_box, group);
          subject = record->for_text;
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), make_record_row (record));
    }
  cwa_ui_names_apply_below (GTK_WIDGET (self->groups_box));

  gtk_widget_set_visible (self->empty_label, self->records->len == 0);
  gtk_widget_set_sensitive (self->copy_all_button, self->records->len > 0);
}

static void
updated_cb (CwaDnsRecordsSection *self)
{
  CwaPlan *plan = self->checklist != NULL ? cwa_checklist_get_plan (self->checklist) : NULL;

  g_ptr_array_unref (self->records);
  if (plan != NULL)
    self->records = cwa_dns_records_compute (cwa_plan_get_deployment (plan));
  else
    self->records = g_ptr_array_new_with_free_func ((GDestroyNotify) cwa_dns_record_free);
  rebuild_rows (self);
}

GPtrArray *
cwa_dns_records_section_get_records (CwaDnsRecordsSection *self)
{
  g_return_val_if_fail (CWA_IS_DNS_RECORDS_SECTION (self), NULL);
  return self->records;
}

CwaChecklist *
cwa_dns_records_section_get_checklist (CwaDnsRecordsSection *self)
{
  g_return_val_if_fail (CWA_IS_DNS_RECORDS_SECTION (self), NULL);
  return self->checklist;
}

void
cwa_dns_records_section_set_checklist (CwaDnsRecordsSection *self,
                                       CwaChecklist         *checklist)
{
  g_return_if_fail (CWA_IS_DNS_RECORDS_SECTION (self));
  g_return_if_fail (checklist == NULL || CWA_IS_CHECKLIST (checklist));

  if (!g_set_object (&self->checklist, checklist))
    return;

  g_signal_group_set_target (self->checklist_signals, checklist);
  updated_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECKLIST]);
}

/* Building. */

static GtkWidget *
make_header (CwaDnsRecordsSection *self)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *title = gtk_label_new (_("DNS Records"));
  GtkWidget *content = adw_button_content_new ();

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "title-4");
  gtk_box_append (GTK_BOX (header), title);

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "edit-copy-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("Cop_y All"));
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  self->copy_all_button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (self->copy_all_button), content);
  gtk_widget_set_tooltip_text (self->copy_all_button, _("Copy every DNS record, as lines of a zone file"));
  g_signal_connect_swapped (self->copy_all_button, "clicked", G_CALLBACK (copy_all_clicked_cb), self);
  gtk_box_append (GTK_BOX (header), self->copy_all_button);

  return header;
}

static GtkWidget *
make_dim_label (const gchar *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

/* GObject. */

static void
cwa_dns_records_section_dispose (GObject *object)
{
  CwaDnsRecordsSection *self = CWA_DNS_RECORDS_SECTION (object);

  g_clear_object (&self->checklist_signals);
  g_clear_object (&self->checklist);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_pointer (&self->records, g_ptr_array_unref);

  G_OBJECT_CLASS (cwa_dns_records_section_parent_class)->dispose (object);
}

static void
cwa_dns_records_section_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  CwaDnsRecordsSection *self = CWA_DNS_RECORDS_SECTION (object);

  switch (prop_id)
    {
    case PROP_CHECKLIST:
      g_value_set_object (value, self->checklist);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cwa_dns_records_section_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  CwaDnsRecordsSection *self = CWA_DNS_RECORDS_SECTION (object);

  switch (prop_id)
    {
    case PROP_CHECKLIST:
      cwa_dns_records_section_set_checklist (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cwa_dns_records_section_class_init (CwaDnsRecordsSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cwa_dns_records_section_dispose;
  object_class->get_property = cwa_dns_records_section_get_property;
  object_class->set_property = cwa_dns_records_section_set_property;

  properties[PROP_CHECKLIST] =
    g_param_spec_object ("checklist", NULL, NULL, CWA_TYPE_CHECKLIST,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
cwa_dns_records_section_init (CwaDnsRecordsSection *self)
{
  self->records = g_ptr_array_new_with_free_func ((GDestroyNotify) cwa_dns_record_free);
  self->checklist_signals = g_signal_group_new (CWA_TYPE_CHECKLIST);
  g_signal_group_connect_object (self->checklist_signals, "updated",
                                 G_CALLBACK (updated_cb), self, G_CONNECT_SWAPPED);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  gtk_box_append (GTK_BOX (self->box), make_header (self));
  gtk_box_append (GTK_BOX (self->box),
                  make_dim_label (_("Where each name must resolve: internal records go in your organisation's "
                                    "DNS, external ones in the Internet's.")));
  self->empty_label = make_dim_label (_("No record is needed yet: the plan has no virtual server."));
  gtk_box_append (GTK_BOX (self->box), self->empty_label);
  self->groups_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 18));
  gtk_widget_set_margin_top (GTK_WIDGET (self->groups_box), 6);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->groups_box));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("DNS records"), -1);
  rebuild_rows (self);
}

GtkWidget *
cwa_dns_records_section_new (void)
{
  return g_object_new (CWA_TYPE_DNS_RECORDS_SECTION, NULL);
}

/* cwa-plan-notice-bar.c: a bar above the panes naming the unknown keys of the plan just opened.
 *
 * A GtkInfoBar, not a toast: a typo in a key explains a finding the user
 * will look at later, so the notice stays until it is closed (an AdwToast
 * times out, and libadwaita 1.2 has no AdwBanner). */
#include "config.h"

#include <glib/gi18n.h>

#include "cwa-plan-notice-bar.h"
#include "cwa-file-read.h"
#include "cwa-plan-file.h"
#include "cwa-plan-notices.h"
#include "cwa-rule-text.h"

struct _CwaPlanNoticeBar
{
  GtkWidget     parent_instance;

  CwaPlan      *plan;
  GtkWidget    *info_bar;
  GtkWidget    *heading;
  GtkWidget    *details;
  gchar        *text;
  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (CwaPlanNoticeBar, cwa_plan_notice_bar, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_PLAN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
hide_notices (CwaPlanNoticeBar *self)
{
  g_clear_pointer (&self->text, g_free);
  gtk_info_bar_set_revealed (GTK_INFO_BAR (self->info_bar), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

static void
show_notices (CwaPlanNoticeBar *self,
              GStrv             notices)
{
  guint n = g_strv_length (notices);
  g_autofree gchar *heading = NULL;

  heading = g_strdup_printf (ngettext ("This plan has %u key this version does not know. "
                                          "It is kept when saving, but not used: check for a typo.",
                                          "This plan has %u keys this version does not know. "
                                          "They are kept when saving, but not used: check for typos.",
                                          n), n);
  g_free (self->text);
  self->text = g_strjoinv ("\n", notices);
  gtk_label_set_text (GTK_LABEL (self->heading), heading);
  gtk_label_set_text (GTK_LABEL (self->details), self->text);
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
  gtk_info_bar_set_revealed (GTK_INFO_BAR (self->info_bar), TRUE);
}

static void
contents_loaded_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(CwaPlanNoticeBar) self = user_data;
  g_autoptr(GBytes) contents = NULL;
  g_autofree gchar *name = NULL;
  g_auto(GStrv) notices = NULL;
  gsize length = 0;
  const gchar *text;
  gboolean translated;

  /* An unreadable file has already been reported by the loader. */
  contents = cwa_file_read_bounded_finish (result, NULL);
  if (contents == NULL)
    return;
  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  name = g_file_get_basename (G_FILE (source));
  text = g_bytes_get_data (contents, &length);
  /* In the user's language, as the checklist's messages; the command
   * line's stay English. */
  translated = cwa_rule_text_set_translated (TRUE);
  notices = cwa_plan_notices_find_unknown_keys (text != NULL ? text : "", (gssize) length, name);
  cwa_rule_text_set_translated (translated);
  if (notices[0] != NULL)
    show_notices (self, notices);
}

static void
response_cb (GtkInfoBar       *info_bar,
             int               response,
             CwaPlanNoticeBar *self)
{
  if (response == GTK_RESPONSE_CLOSE)
    hide_notices (self);
}

GtkWidget *
cwa_plan_notice_bar_new (void)
{
  return g_object_new (CWA_TYPE_PLAN_NOTICE_BAR, NULL);
}

CwaPlan *
cwa_plan_notice_bar_get_plan (CwaPlanNoticeBar *self)
{
  g_return_val_if_fail (CWA_IS_PLAN_NOTICE_BAR (self), NULL);

  return self->plan;
}

const gchar *
cwa_plan_notice_bar_get_text (CwaPlanNoticeBar *self)
{
  g_return_val_if_fail (CWA_IS_PLAN_NOTICE_BAR (self), NULL);

  return self->text;
}

void
cwa_plan_notice_bar_set_plan (CwaPlanNoticeBar *self,
                              CwaPlan          *plan)
{
  GFile *file;

  g_return_if_fail (CWA_IS_PLAN_NOTICE_BAR (self));
  g_return_if_fail (plan == NULL || CWA_IS_PLAN (plan));

  if (!g_set_object (&self->plan, plan))
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  hide_notices (self);

  file = plan != NULL ? cwa_plan_get_file (plan) : NULL;
  if (file != NULL)
    {
      self->cancellable = g_cancellable_new ();
      cwa_file_read_bounded_async (file, CWA_PLAN_MAX_SIZE, self->cancellable,
                                   contents_loaded_cb, g_object_ref (self));
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}

static void
cwa_plan_notice_bar_dispose (GObject *object)
{
  CwaPlanNoticeBar *self = CWA_PLAN_NOTICE_BAR (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->plan);
  g_clear_pointer (&self->info_bar, gtk_widget_unparent);

  G_OBJECT_CLASS (cwa_plan_notice_bar_parent_class)->dispose (object);
}

static void
cwa_plan_notice_bar_finalize (GObject *object)
{
  CwaPlanNoticeBar *self = CWA_PLAN_NOTICE_BAR (object);

  g_free (self->text);

  G_OBJECT_CLASS (cwa_plan_notice_bar_parent_class)->finalize (object);
}

static void
cwa_plan_notice_bar_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  CwaPlanNoticeBar *self = CWA_PLAN_NOTICE_BAR (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cwa_plan_notice_bar_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  CwaPlanNoticeBar *self = CWA_PLAN_NOTICE_BAR (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      cwa_plan_notice_bar_set_plan (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cwa_plan_notice_bar_class_init (CwaPlanNoticeBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cwa_plan_notice_bar_dispose;
  object_class->finalize = cwa_plan_notice_bar_finalize;
  object_class->get_property = cwa_plan_notice_bar_get_property;
  object_class->set_property = cwa_plan_notice_bar_set_property;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, CWA_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "cwaplannoticebar");
}

static void
cwa_plan_notice_bar_init (CwaPlanNoticeBar *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

  self->heading = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->heading), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->heading), 0);
  gtk_widget_add_css_class (self->heading, "heading");
  self->details = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->details), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->details), 0);
  gtk_label_set_selectable (GTK_LABEL (self->details), TRUE);
  gtk_widget_add_css_class (self->details, "monospace");
  gtk_box_append (GTK_BOX (box), self->heading);
  gtk_box_append (GTK_BOX (box), self->details);

  self->info_bar = gtk_info_bar_new ();
  gtk_info_bar_set_message_type (GTK_INFO_BAR (self->info_bar), GTK_MESSAGE_INFO);
  gtk_info_bar_set_show_close_button (GTK_INFO_BAR (self->info_bar), TRUE);
  gtk_info_bar_add_child (GTK_INFO_BAR (self->info_bar), box);
  g_signal_connect_object (self->info_bar, "response", G_CALLBACK (response_cb), self, 0);
  gtk_widget_set_parent (self->info_bar, GTK_WIDGET (self));

  hide_notices (self);
}

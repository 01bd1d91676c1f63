/* cwa-window-live.c: Check Live Servers: the probe off the main thread, its progress bar with Cancel, and what the panes show of its results. */
#include "config.h"

#include <glib/gi18n.h>

#include "cwa-topology-view.h"
#include "cwa-window-private.h"

static void
check_live_action (GtkWidget   *widget,
                   const gchar *action_name,
                   GVariant    *parameter)
{
  CwaWindow *self = CWA_WINDOW (widget);

  if (self->checklist != NULL)
    cwa_live_check_start (self->live_check, self->checklist);
}

static void
cancel_live_check_action (GtkWidget   *widget,
                          const gchar *action_name,
                          GVariant    *parameter)
{
  cwa_live_check_cancel (CWA_WINDOW (widget)->live_check);
}

/* "Checking live servers: 3 of 11", and which actions apply. */
static void
live_progress_cb (CwaWindow *self)
{
  gboolean running = cwa_live_check_get_running (self->live_check);
  guint done = cwa_live_check_get_n_done (self->live_check);
  guint total = cwa_live_check_get_n_total (self->live_check);
  g_autofree gchar *text = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.check-live", !running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-live-check", running);
  gtk_revealer_set_reveal_child (self->live_revealer, running);
  if (!running)
    return;

  /* Translators: progress of Check Live Servers: endpoints done of total */
  text = g_strdup_printf (_("Checking live servers: %u of %u"), done, total);
  gtk_progress_bar_set_text (self->live_progress_bar, text);
  gtk_progress_bar_set_fraction (self->live_progress_bar, total > 0 ? (gdouble) done / total : 0.0);
}

/* A toast once a check ends: how many endpoints serve what. */
static void
live_finished_cb (CwaWindow *self,
                  gboolean   cancelled)
{
  GPtrArray *results = cwa_live_check_get_results (self->live_check);
  guint counts[CWA_LIVE_STATUS_UNREACHABLE + 1] = { 0 };
  g_autofree gchar *as_planned = NULL;
  g_autofree gchar *other = NULL;
  g_autofree gchar *unreachable = NULL;
  g_autofree gchar *text = NULL;

  if (cancelled)
    {
      _cwa_window_toast (self, _("Live check cancelled"));
      return;
    }

  for (guint i = 0; results != NULL && i < results->len; i++)
    counts[cwa_live_check_get_status (self->live_check, g_ptr_array_index (results, i))]++;
  as_planned = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u served as planned", "%u served as planned",
                                             counts[CWA_LIVE_STATUS_AS_PLANNED]),
                                counts[CWA_LIVE_STATUS_AS_PLANNED]);
  other = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u serves another certificate",
                                        "%u serve another certificate", counts[CWA_LIVE_STATUS_OTHER]),
                           counts[CWA_LIVE_STATUS_OTHER]);
  unreachable = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u unreachable", "%u unreachable",
                                              counts[CWA_LIVE_STATUS_UNREACHABLE]),
                                 counts[CWA_LIVE_STATUS_UNREACHABLE]);
  /* Translators: after Check Live Servers, e.g. "Live servers checked: 3 served
   * as planned, 1 serves another certificate, 0 unreachable" */
  text = g_strdup_printf (_("Live servers checked: %s, %s, %s"), as_planned, other, unreachable);
  _cwa_window_toast (self, text);
}

void
_cwa_window_class_live_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.check-live", NULL, check_live_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-live-check", NULL, cancel_live_check_action);
}

void
_cwa_window_live_init (CwaWindow *self)
{
  self->live_check = cwa_live_check_new ();
  g_signal_connect_swapped (self->live_check, "notify::running", G_CALLBACK (live_progress_cb), self);
  g_signal_connect_swapped (self->live_check, "notify::n-done", G_CALLBACK (live_progress_cb), self);
  g_signal_connect_swapped (self->live_check, "finished", G_CALLBACK (live_finished_cb), self);
  cwa_checklist_panel_set_live_check (self->checklist_panel, self->live_check);
  cwa_topology_view_set_live_check (CWA_TOPOLOGY_VIEW (cwa_deployment_editor_get_topology_view (self->editor)),
                                    self->live_check);
  live_progress_cb (self);
}

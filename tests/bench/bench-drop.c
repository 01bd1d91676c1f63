/* bench-drop.c: drops 1,000 certificate files on the window and reports the longest main-loop stall.
 *
 * Run under Xvfb: `xvfb-run -a build/tests/bench/bench-drop`.  There GTK's
 * GL renderer draws in software (llvmpipe), where one frame of this window
 * costs 30-80 ms on its own; GSK_RENDERER=cairo shows what the application
 * itself costs per frame, as a machine with a GPU would. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "cwa-test-cert.h"
#include "cwa-window.h"

#define N_FILES 1000
/* The window must stay responsive: no main-loop iteration longer than this. */
#define MAX_STALL_MS 50

typedef struct
{
  gint64 start;
  gint64 last;
  gint64 longest;
  gint64 longest_at;
  guint  n_over;
} Probe;

/* Runs every millisecond; a late run measures how long the loop was busy. */
static gboolean
probe_cb (gpointer data)
{
  Probe *probe = data;
  gint64 now = g_get_monotonic_time ();

  if (probe->last != 0 && now - probe->last > probe->longest)
    {
      probe->longest = now - probe->last;
      probe->longest_at = probe->last - probe->start;
    }
  if (probe->last != 0 && now - probe->last > MAX_STALL_MS * 1000)
    probe->n_over++;
  probe->last = now;
  return G_SOURCE_CONTINUE;
}

static void
finished_cb (CwaImportQueue *queue,
             guint           n_added,
             gboolean       *done)
{
  *done = TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree gchar *dir = g_dir_make_tmp ("cwa-bench-drop-XXXXXX", NULL);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  CwaWindow *window;
  GSList *list = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  GListModel *controllers;
  GtkDropTarget *target = NULL;
  gboolean handled = FALSE;
  gboolean done = FALSE;
  Probe probe = { 0 };
  gint64 start;
  guint probe_id;
  guint n_loaded;

  if (!gtk_init_check ())
    {
      g_printerr ("bench-drop: no display; run it under xvfb-run.\n");
      return 77;
    }
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-recent-files-enabled", FALSE, NULL);

  g_print ("Writing %d certificate files to %s…\n", N_FILES, dir);
  for (guint i = 0; i < N_FILES; i++)
    {
      CwaTestCertSpec spec;
      g_autofree gchar *subject = g_strdup_printf ("CN=host%04u.bench.example,O=Bench", i);
      g_autofree gchar *name = g_strdup_printf ("host%04u.pem", i);
      g_autofree gchar *path = g_build_filename (dir, name, NULL);
      g_autofree gchar *pem = NULL;

      cwa_test_cert_spec_init (&spec, subject);
      spec.serial = i + 1;
      pem = cwa_test_cert_build_pem (&spec);
      g_file_set_contents (path, pem, -1, NULL);
      g_ptr_array_add (files, g_file_new_for_path (path));
      list = g_slist_prepend (list, g_ptr_array_index (files, i));
    }
  list = g_slist_reverse (list);

  window = cwa_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_signal_connect (cwa_window_get_import_queue (window), "finished", G_CALLBACK (finished_cb), &done);

  controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && target == NULL; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);
    }
  g_object_unref (controllers);

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (list));
  g_slist_free (list);

  probe_id = g_timeout_add_full (G_PRIORITY_HIGH, 1, probe_cb, &probe, NULL);
  start = g_get_monotonic_time ();
  probe.start = start;
  probe.last = start;
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &handled);
  probe_cb (&probe);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  /* The checklist re-runs from an idle after the last file: count it too. */
  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
  g_source_remove (probe_id);

  n_loaded = g_list_model_get_n_items (cwa_plan_get_certificates (cwa_window_get_plan (window)));
  g_print ("Renderer: %s.\n", g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "GTK's default");
  g_print ("Loaded %u of %d files in %.0f ms; longest main-loop stall %.1f ms at %.0f ms "
           "(limit %d ms; %u stalls over it).\n",
           n_loaded, N_FILES, (g_get_monotonic_time () - start) / 1000.0,
           probe.longest / 1000.0, probe.longest_at / 1000.0, MAX_STALL_MS, probe.n_over);

  {
    g_autoptr(CwaTrust) trust = cwa_trust_new ();
    g_autoptr(CwaChecklist) bare = NULL;
    gint64 t0;
    gint64 t1;

    /* Loading the system roots is not part of a run: do it before timing. */
    cwa_trust_add_system (trust, NULL);
    bare = cwa_checklist_new (cwa_window_get_plan (window), trust);
    t0 = g_get_monotonic_time ();
    cwa_checklist_update (cwa_window_get_checklist (window));
    g_print ("One checklist run over %u certificates, views included, takes %.1f ms.\n",
             n_loaded, (g_get_monotonic_time () - t0) / 1000.0);
    t1 = g_get_monotonic_time ();
    cwa_checklist_update (bare);
    g_print ("The rules alone (no views) take %.1f ms: %u findings, %u errors, %u warnings.\n",
             (g_get_monotonic_time () - t1) / 1000.0,
             g_list_model_get_n_items (cwa_checklist_get_findings (bare)),
             cwa_checklist_get_n_errors (bare), cwa_checklist_get_n_warnings (bare));
  }

  cwa_plan_set_modified (cwa_window_get_plan (window), FALSE);
  gtk_window_destroy (GTK_WINDOW (window));
  for (guint i = 0; i < files->len; i++)
    {
      g_autofree gchar *path = g_file_get_path (g_ptr_array_index (files, i));

      g_remove (path);
    }
  g_rmdir (dir);

  return n_loaded == N_FILES && probe.longest / 1000 < MAX_STALL_MS ? 0 : 1;
}

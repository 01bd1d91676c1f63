/* bench-drop.c: drops certificate files on the window; reports load time, longest stall and peak memory.
 *
 * Usage: bench-drop [--trace] [N_FILES]     N_FILES files of one certificate each (1000)
 *        bench-drop [--trace] --bundle [N]  one PEM file of N certificates (10000)
 *
 * --trace prints each stretch of more than 8 ms without a main-loop turn,
 * and each frame whose drawing took more than 4 ms, with their
 * CLOCK_MONOTONIC times: `perf record -k CLOCK_MONOTONIC` then shows what
 * ran in them (`perf script --time START,END`).
 *
 * Run under Xvfb: `GSK_RENDERER=cairo xvfb-run -a build/tests/bench/bench-drop 10000`.
 * The peak resident memory is that of the load alone: the peak is reset
 * (/proc/self/clear_refs) after the files are written.  There GTK's
 * GL renderer draws in software (llvmpipe), where one frame of this window
 * costs 30-80 ms on its own; GSK_RENDERER=cairo comes closer to what the
 * application itself costs per frame.  Even so, GTK's drawing is a cost of
 * its own, reported apart: with cairo under Xvfb, drawing the whole window
 * once takes 20-30 ms of CPU on the 2-core virtual machine these figures
 * come from.
 *
 * Figures there (3 runs each, load 2-4, CPU time of the main thread):
 *
 *                        load time    longest     of it GTK's  without   peak
 *                                     stretch*    drawing**    drawing   RSS
 *   1,000 files          270-434 ms   21-27 ms    15-21 ms     9-16 ms   124 MB
 *   10,000 files         1.12-1.34 s  15-23 ms    14-16 ms     8-11 ms   150 MB
 *   10,000-cert. bundle  679-715 ms   9-12 ms     7-9 ms       9-12 ms   146 MB
 *
 *   * without a main-loop turn; the wall-clock stall is 22-35 ms for files,
 *     14-18 ms for the bundle.  ** the longest drawing of one frame: the
 *   first frame that shows certificate rows, where the certificate pane
 *   turns from its empty page to the list.
 *
 * Most of that frame is not drawing but the kernel handing out memory.
 * GDK's X11 cairo renderer draws each frame into a new image the size of
 * the damage (512x840 here), and cairo uploads it through a new MIT-SHM
 * segment; the first write to each 4 kB page of both faults, and on that
 * machine a fault costs 11-16 µs (the bench's last line measures it), so
 * the two buffers alone cost 9-13 ms.  Run Xvfb with `-extension MIT-SHM`
 * and the whole window draws in 3-4 ms instead of 20-30; the 1,000- and
 * 10,000-file drops then stall 13-27 ms at most (stretches of 10-21 ms,
 * GTK's drawing 9-16 ms of it).
 *
 * Before the drop-downs stopped building rows in their closed lists, the
 * progress bar moved into the header bar and the flush budget went from
 * 8 to 4 ms, 10,000 files gave a stretch of 29 ms (41 ms wall) at load 1. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/mman.h>
#include <unistd.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "cwa-test-cert.h"
#include "cwa-window.h"

#define DEFAULT_N_FILES 1000
#define DEFAULT_N_BUNDLED 10000
/* The window must stay responsive: no main-loop iteration longer than one
 * frame. */
#define MAX_STALL_MS 16

typedef struct
{
  gint64 start;
  gint64 last;
  gint64 longest;
  gint64 longest_at;
  guint  n_over;
  /* The same in CPU time of the main thread: on a loaded machine the wall
   * clock also counts the time other processes had the CPU. */
  gint64 cpu_start;
  gint64 cpu_last;
  gint64 cpu_longest;
  gint64 cpu_longest_at;
  /* GTK's drawing (the frame clock's paint phase: the renderer), in CPU
   * µs: since the last probe, the longest of one frame, and the longest
   * stretch without the loop once the drawing in it is taken out. */
  gint64 paint_started;
  gint64 paint_since_probe;
  gint64 paint_longest;
  gint64 cpu_longest_outside_paint;
  gboolean trace;
} Probe;

/* CPU time of the calling thread in µs. */
static gint64
thread_cpu_time (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

/* Runs every millisecond; a late run measures how long the loop was busy. */
static gboolean
probe_cb (gpointer data)
{
  Probe *probe = data;
  gint64 now = g_get_monotonic_time ();
  gint64 cpu = thread_cpu_time ();

  if (now - probe->last > probe->longest)
    {
      probe->longest = now - probe->last;
      probe->longest_at = probe->last - probe->start;
    }
  if (now - probe->last > MAX_STALL_MS * 1000)
    probe->n_over++;
  if (cpu - probe->cpu_last > probe->cpu_longest)
    {
      probe->cpu_longest = cpu - probe->cpu_last;
      probe->cpu_longest_at = probe->last - probe->start;
    }
  probe->cpu_longest_outside_paint = MAX (probe->cpu_longest_outside_paint,
                                          cpu - probe->cpu_last - probe->paint_since_probe);
  if (probe->trace && now - probe->last > 8000)
    g_printerr ("stall %.6f-%.6f: %.1f ms, %.1f ms of CPU, %.1f ms of it drawing\n",
                probe->last / 1e6, now / 1e6, (now - probe->last) / 1e3,
                (cpu - probe->cpu_last) / 1e3, probe->paint_since_probe / 1e3);
  probe->paint_since_probe = 0;
  probe->last = now;
  probe->cpu_last = cpu;
  return G_SOURCE_CONTINUE;
}

/* GTK's own "layout" and "paint" handlers were connected when the window
 * was realized, so these run after them: from the end of the layout to
 * the end of the paint phase is GTK's drawing of the frame. */
static void
layout_done_cb (GdkFrameClock *clock,
                Probe         *probe)
{
  probe->paint_started = thread_cpu_time ();
}

static void
paint_done_cb (GdkFrameClock *clock,
               Probe         *probe)
{
  gint64 paint = thread_cpu_time () - probe->paint_started;

  probe->paint_since_probe += paint;
  probe->paint_longest = MAX (probe->paint_longest, paint);
  if (probe->trace && paint > 4000)
    g_printerr ("drawing %.1f ms of CPU, ending %.6f\n", paint / 1e3, g_get_monotonic_time () / 1e6);
}

static void
finished_cb (CwaImportQueue *queue,
             guint           n_added,
             gboolean       *done)
{
  *done = TRUE;
}

static void
checklist_updated_cb (CwaChecklist *checklist,
                      Probe        *probe)
{
  g_print ("  checklist published at %.0f ms\n", (g_get_monotonic_time () - probe->start) / 1000.0);
}

static gchar *
build_pem (guint i)
{
  CwaTestCertSpec spec;
  g_autofree gchar *subject = g_strdup_printf ("CN=host%05u.bench.example,O=Bench", i);

  cwa_test_cert_spec_init (&spec, subject);
  spec.serial = i + 1;
  return cwa_test_cert_build_pem (&spec);
}

/* @n_files files of one certificate each, or (@bundled) one file of
 * @n_certificates.  Returns the files, in order. */
static GPtrArray *
write_files (const gchar *dir,
             guint        n_certificates,
             gboolean     bundled)
{
  GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GString) bundle = g_string_new (NULL);

  for (guint i = 0; i < n_certificates; i++)
    {
      g_autofree gchar *pem = build_pem (i);
      g_autofree gchar *name = NULL;
      g_autofree gchar *path = NULL;

      if (bundled)
        {
          g_string_append (bundle, pem);
          continue;
        }
      name = g_strdup_printf ("host%05u.pem", i);
      path = g_build_filename (dir, name, NULL);
      g_file_set_contents (path, pem, -1, NULL);
      g_ptr_array_add (files, g_file_new_for_path (path));
    }

  if (bundled)
    {
      g_autofree gchar *path = g_build_filename (dir, "bundle.pem", NULL);

      g_file_set_contents (path, bundle->str, (gssize) bundle->len, NULL);
      g_ptr_array_add (files, g_file_new_for_path (path));
    }

  return files;
}

static void
remove_files (const gchar *dir,
              GPtrArray   *files)
{
  for (guint i = 0; i < files->len; i++)
    {
      g_autofree gchar *path = g_file_get_path (g_ptr_array_index (files, i));

      g_remove (path);
    }
  g_rmdir (dir);
}

static GtkDropTarget *
find_drop_target (GtkWidget *widget)
{
  GListModel *controllers = gtk_widget_observe_controllers (widget);
  GtkDropTarget *target = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && target == NULL; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);
    }
  g_object_unref (controllers);

  return target;
}

/* The peak resident set (VmHWM) in kB, or 0 where /proc does not say. */
static guint64
peak_rss_kb (void)
{
  g_autofree gchar *status = NULL;
  const gchar *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  line = strstr (status, "VmHWM:");
  return line != NULL ? g_ascii_strtoull (line + strlen ("VmHWM:"), NULL, 10) : 0;
}

/* From here on VmHWM counts what comes next only (Linux 4.0 and later). */
static void
reset_peak_rss (void)
{
  g_file_set_contents ("/proc/self/clear_refs", "5", 1, NULL);
}

/* Drops @files on @window, waits until the queue has added them and the
 * checklist has run on the result, and returns how long that took in µs. */
static gint64
drop_and_wait (CwaWindow *window,
               GPtrArray *files,
               Probe     *probe)
{
  GtkDropTarget *target = find_drop_target (GTK_WIDGET (window));
  CwaChecklist *checklist = cwa_window_get_checklist (window);
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_auto(GValue) value = G_VALUE_INIT;
  GSList *list = NULL;
  gboolean handled = FALSE;
  gboolean done = FALSE;
  guint runs_at_finish;
  guint probe_id;
  gulong handler;
  gulong updated_handler;

  for (guint i = files->len; i > 0; i--)
    list = g_slist_prepend (list, g_ptr_array_index (files, i - 1));
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (list));
  g_slist_free (list);

  handler = g_signal_connect (cwa_window_get_import_queue (window), "finished",
                              G_CALLBACK (finished_cb), &done);
  updated_handler = g_signal_connect (checklist, "updated", G_CALLBACK (checklist_updated_cb), probe);
  probe_id = g_timeout_add_full (G_PRIORITY_HIGH, 1, probe_cb, probe, NULL);
  g_signal_connect_after (clock, "layout", G_CALLBACK (layout_done_cb), probe);
  g_signal_connect_after (clock, "paint", G_CALLBACK (paint_done_cb), probe);
  probe->start = g_get_monotonic_time ();
  probe->last = probe->start;
  probe->cpu_start = thread_cpu_time ();
  probe->cpu_last = probe->cpu_start;
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &handled);
  probe_cb (probe);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_print ("  the queue finished at %.0f ms\n", (g_get_monotonic_time () - probe->start) / 1000.0);
  /* The checklist re-runs from an idle after the last file: count it too. */
  runs_at_finish = cwa_checklist_get_n_runs (checklist);
  while (cwa_checklist_get_n_runs (checklist) == runs_at_finish)
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_source_remove (probe_id);
  g_signal_handlers_disconnect_by_data (clock, probe);
  g_signal_handler_disconnect (cwa_window_get_import_queue (window), handler);
  g_signal_handler_disconnect (checklist, updated_handler);

  return g_get_monotonic_time () - probe->start;
}

static void
count_paint_cb (GdkFrameClock *clock,
                Probe         *probe)
{
  probe->paint_since_probe += thread_cpu_time () - probe->paint_started;
}

static gint
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* What GTK's renderer alone costs to draw the whole window once, the
 * floor under any frame where every pane changes: the window's
 * background colour alternates, so each frame's damage is the whole
 * window.  Prints the median of 9 frames, in CPU ms. */
static void
time_full_repaint (CwaWindow *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();
  Probe probe = { .trace = FALSE };
  gint64 paints[9];

  gtk_css_provider_load_from_data (css, "window.bench-a { background-color: #fafafa; } "
                                        "window.bench-b { background-color: #f0f0f0; }", -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_USER);
  g_signal_connect_after (clock, "layout", G_CALLBACK (layout_done_cb), &probe);
  g_signal_connect_after (clock, "paint", G_CALLBACK (count_paint_cb), &probe);
  for (guint i = 0; i <= G_N_ELEMENTS (paints); i++)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (window), i % 2 == 0 ? "bench-b" : "bench-a");
      gtk_widget_add_css_class (GTK_WIDGET (window), i % 2 == 0 ? "bench-a" : "bench-b");
      probe.paint_since_probe = 0;
      while (probe.paint_since_probe == 0)
        g_main_context_iteration (NULL, TRUE);
      /* The first frame also restyles the window: not counted. */
      if (i > 0)
        paints[i - 1] = probe.paint_since_probe;
    }
  g_signal_handlers_disconnect_by_data (clock, &probe);
  gtk_style_context_remove_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css));
  qsort (paints, G_N_ELEMENTS (paints), sizeof paints[0], compare_gint64);
  g_print ("GTK draws the whole %d×%d window in %.1f ms of CPU (median of %u frames).\n",
           gtk_widget_get_width (GTK_WIDGET (window)), gtk_widget_get_height (GTK_WIDGET (window)),
           paints[G_N_ELEMENTS (paints) / 2] / 1000.0, (guint) G_N_ELEMENTS (paints));
}

/* What this machine's kernel takes to hand out fresh memory, for a buffer
 * of @window's size: GDK's X11 cairo renderer draws each frame into a new
 * image the size of the damage and cairo uploads it through a new MIT-SHM
 * segment, and the first write to each page of either faults. */
static void
time_first_touch (CwaWindow *window)
{
  gsize size = (gsize) gtk_widget_get_width (GTK_WIDGET (window)) * gtk_widget_get_height (GTK_WIDGET (window)) * 4;
  gsize page = (gsize) sysconf (_SC_PAGESIZE);
  gint64 start;
  gint64 elapsed;
  guint8 *bytes;

  bytes = mmap (NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (bytes == MAP_FAILED)
    return;
  start = g_get_monotonic_time ();
  for (gsize i = 0; i < size; i += page)
    bytes[i] = 1;
  elapsed = g_get_monotonic_time () - start;
  munmap (bytes, size);
  g_print ("Writing a fresh buffer of the window's size (%.1f MB) first costs %.1f ms "
           "(%.1f µs a page) in page faults.\n",
           size / 1048576.0, elapsed / 1000.0, (gdouble) elapsed / (gdouble) (size / page));
}

/* The cost of one re-run, with and without the window's views. */
static void
time_checklist (CwaWindow *window,
                guint      n_loaded)
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

static guint
count_loaded (CwaPlan *plan)
{
  return g_list_model_get_n_items (cwa_plan_get_certificates (plan)) +
         g_list_model_get_n_items (cwa_plan_get_chain_certificates (plan));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree gchar *dir = g_dir_make_tmp ("cwa-bench-drop-XXXXXX", NULL);
  g_autoptr(GPtrArray) files = NULL;
  gboolean trace = argc > 1 && g_str_equal (argv[1], "--trace");
  gboolean bundled;
  const gchar *count_arg;
  guint n_certificates;
  CwaWindow *window;
  Probe probe = { .trace = FALSE };
  gint64 elapsed;
  guint n_loaded;

  if (trace)
    {
      argv++;
      argc--;
    }
  bundled = argc > 1 && g_str_equal (argv[1], "--bundle");
  count_arg = argc > (bundled ? 2 : 1) ? argv[bundled ? 2 : 1] : NULL;
  n_certificates = bundled ? DEFAULT_N_BUNDLED : DEFAULT_N_FILES;
  if (count_arg != NULL)
    n_certificates = (guint) g_ascii_strtoull (count_arg, NULL, 10);
  if (n_certificates == 0)
    {
      g_printerr ("Usage: bench-drop [--trace] [N_FILES] | bench-drop [--trace] --bundle [N_CERTIFICATES]\n");
      return 2;
    }
  if (!gtk_init_check ())
    {
      g_printerr ("bench-drop: no display; run it under xvfb-run.\n");
      return 77;
    }
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-recent-files-enabled", FALSE, NULL);

  g_print ("Writing %u certificates to %s, %s…\n", n_certificates, dir,
           bundled ? "one PEM bundle" : "one file each");
  files = write_files (dir, n_certificates, bundled);

  window = cwa_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  probe.trace = trace;
  reset_peak_rss ();
  elapsed = drop_and_wait (window, files, &probe);

  n_loaded = count_loaded (cwa_window_get_plan (window));
  g_print ("Renderer: %s.\n", g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "GTK's default");
  g_print ("Loaded %u of %u certificates in %.0f ms; longest main-loop stall %.1f ms at %.0f ms "
           "(limit %d ms; %u stalls over it); peak resident memory %.0f MB.\n",
           n_loaded, n_certificates, elapsed / 1000.0,
           probe.longest / 1000.0, probe.longest_at / 1000.0, MAX_STALL_MS, probe.n_over,
           peak_rss_kb () / 1024.0);
  g_print ("Main thread CPU time: %.0f ms in all, longest stretch without the loop %.1f ms at %.0f ms.\n",
           (probe.cpu_last - probe.cpu_start) / 1000.0, probe.cpu_longest / 1000.0,
           probe.cpu_longest_at / 1000.0);
  g_print ("GTK's drawing: at most %.1f ms of CPU for one frame; without it, the longest stretch "
           "is %.1f ms.\n", probe.paint_longest / 1000.0, probe.cpu_longest_outside_paint / 1000.0);

  time_checklist (window, n_loaded);
  time_full_repaint (window);
  time_first_touch (window);

  cwa_plan_set_modified (cwa_window_get_plan (window), FALSE);
  gtk_window_destroy (GTK_WINDOW (window));
  remove_files (dir, files);

  return n_loaded == n_certificates && probe.longest / 1000 < MAX_STALL_MS ? 0 : 1;
}

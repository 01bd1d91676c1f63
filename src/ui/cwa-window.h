/* cwa-window.h: the window of one plan: editor, inspector and checklist side by side. */
#pragma once

#include <adwaita.h>

#include "cwa-checklist.h"
#include "cwa-import-queue.h"
#include "cwa-live-check.h"
#include "cwa-plan.h"
#include "cwa-trust-settings.h"

G_BEGIN_DECLS

#define CWA_TYPE_WINDOW (cwa_window_get_type ())

G_DECLARE_FINAL_TYPE (CwaWindow, cwa_window, CWA, WINDOW, AdwApplicationWindow)

/* Properties: "plan", "checklist" (read-only, follows "plan"). */
CwaWindow      *cwa_window_new               (GtkApplication *application);
CwaPlan        *cwa_window_get_plan          (CwaWindow      *self);
/* Replaces the plan without asking (see cwa_window_open_file()). */
void            cwa_window_set_plan          (CwaWindow      *self,
                                              CwaPlan        *plan);
CwaChecklist   *cwa_window_get_checklist     (CwaWindow      *self);
CwaImportQueue *cwa_window_get_import_queue  (CwaWindow      *self);
/* Check Live Servers' state (borrowed): its probe's connect map is where
 * --resolve and --connect-to style entries go (tests map every name to
 * 127.0.0.0/8 there). */
CwaLiveCheck   *cwa_window_get_live_check    (CwaWindow      *self);
/* The public roots of the window's checklists, as Preferences set them
 * (borrowed); the checklist follows its "trust". */
CwaTrustSettings *cwa_window_get_trust_settings (CwaWindow    *self);
/* TRUE for a fresh window: no file, nothing changed.  Files given to the
 * application open in such a window rather than a new one. */
gboolean        cwa_window_is_pristine       (CwaWindow      *self);

/* Opens @file in this window, asking first about unsaved changes. */
void            cwa_window_open_file         (CwaWindow      *self,
                                              GFile          *file);
/* Saves the plan to @file at once, on this thread, and records it as a
 * recent plan; win.save and win.save-as write in a worker thread instead.
 * Errors are CWA_PLAN_ERROR's, as cwa_plan_file_save(). */
gboolean        cwa_window_save_to_file      (CwaWindow      *self,
                                              GFile          *file,
                                              GError        **error);
/* Loads certificate files into the plan (off the main thread). */
/* Writes the topology picture (PNG, or SVG for a ".svg" name). */
gboolean        cwa_window_export_picture    (CwaWindow      *self,
                                              GFile          *file,
                                              GError        **error);
void            cwa_window_add_certificate_files (CwaWindow  *self,
                                                  GFile     **files,
                                                  guint       n_files);

G_END_DECLS

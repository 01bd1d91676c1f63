/* cwa-application.h: the GTK application: one window per plan, app-wide actions and accelerators. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CWA_TYPE_APPLICATION (cwa_application_get_type ())

G_DECLARE_FINAL_TYPE (CwaApplication, cwa_application, CWA, APPLICATION, AdwApplication)

/* Also sets up gettext for the window's strings. */
CwaApplication *cwa_application_new (void);

G_END_DECLS

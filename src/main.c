/* main.c: picks the command line or the window; nothing else. */
#include "config.h"

#include <stdio.h>

#include <gtk/gtk.h>

#include "cwa-application.h"
#include "cwa-cli.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CwaApplication) app = NULL;

  if (cwa_cli_is_command (argc, argv))
    return cwa_cli_main (argc, argv);

  /* Without a display GTK only warns "cannot open display" and exits with
   * 1, the status that means "an error-level finding failed" (cli.md): say
   * what to do instead, with the status of a command that could not run. */
  if (!gtk_init_check ())
    {
      fprintf (stderr, "cwa-cert-planner: the window needs a display, and none can be opened "
               "(DISPLAY and WAYLAND_DISPLAY); without one, use a sub-command such as "
               "'cwa-cert-planner check PLAN' (see 'cwa-cert-planner --help').\n");
      return CWA_EXIT_CANNOT_RUN;
    }

  app = cwa_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}

/* main.c: picks the command line or the window; nothing else. */
#include "config.h"

#include "cwa-application.h"
#include "cwa-cli.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CwaApplication) app = NULL;

  if (cwa_cli_is_command (argc, argv))
    return cwa_cli_main (argc, argv);

  app = cwa_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}

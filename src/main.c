/* main.c: picks the command line or the window; nothing else. */
#include "config.h"

#include "cwa-cli.h"

int
main (int   argc,
      char *argv[])
{
  return cwa_cli_main (argc, argv);
}

/* chart-main.c — `crash-atlas chart`
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "atlas-cli.h"

/* Started by `crash-atlas` (main.c) with the command in argv[1]; the only
 * command that draws, so the only one that loads Cairo and Pango. */
int
main (int    argc,
      char **argv)
{
  /* The rows of atlas-commands.c that name this program
   * (test-cli-usage runs each command's --help through the launcher). */
  static const AtlasCliCommand commands[] = {
    { "chart", atlas_cli_chart },
    { "order", atlas_cli_order },
  };

  return atlas_cli_main (argc, argv, commands, G_N_ELEMENTS (commands));
}

/* cli-main.c — `crash-atlas scan` and `crash-atlas export`
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "atlas-cli.h"

/* Started by `crash-atlas` (main.c) with the command in argv[1]. */
int
main (int    argc,
      char **argv)
{
  static const AtlasCliCommand commands[] = {
    { "scan", atlas_cli_scan },
    { "export", atlas_cli_export },
  };

  return atlas_cli_main (argc, argv, commands, G_N_ELEMENTS (commands));
}

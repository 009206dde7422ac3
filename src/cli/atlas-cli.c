/* atlas-cli.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-cli.h"

typedef struct
{
  const char *name;
  int       (*run) (int argc, char **argv);
} Command;

static const Command commands[] = {
  { "scan", atlas_cli_scan },
  { "chart", atlas_cli_chart },
  { "export", atlas_cli_export },
};

gboolean
atlas_cli_is_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (name, commands[i].name) == 0)
      return TRUE;
  return FALSE;
}

int
atlas_cli_main (int    argc,
                char **argv)
{
  g_return_val_if_fail (argc >= 2, ATLAS_CLI_EXIT_USAGE);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (argv[1], commands[i].name) == 0)
      return commands[i].run (argc - 1, argv + 1);

  g_printerr (_("Unknown command “%s”\n"), argv[1]);
  return ATLAS_CLI_EXIT_USAGE;
}

/* atlas-cli.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-cli"

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "atlas-cli.h"

int
atlas_cli_main (int                    argc,
                char                 **argv,
                const AtlasCliCommand *commands,
                guint                  n_commands)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  for (guint i = 0; argc > 1 && i < n_commands; i++)
    if (g_str_equal (argv[1], commands[i].name))
      return commands[i].run (argc - 1, argv + 1);

  g_printerr (_("Unknown command “%s”\n"), argc > 1 ? argv[1] : "");
  return ATLAS_CLI_EXIT_USAGE;
}

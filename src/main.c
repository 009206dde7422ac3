/* main.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "atlas-application.h"
#include "atlas-cli.h"

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Commands run headless: GTK is never initialised on this path, so they
   * work without a display. */
  if (argc > 1 && atlas_cli_is_command (argv[1]))
    return atlas_cli_main (argc, argv);

  return atlas_application_run (argc, argv);
}

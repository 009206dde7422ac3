/* main.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <locale.h>
#include <unistd.h>
#include <glib/gi18n.h>

#include "atlas-cli.h"

/* The window lives in its own program: this one links neither GTK nor
 * libadwaita, so commands start in a fraction of the time and never touch
 * a display. Next to this program in a build tree, in libexecdir once
 * installed. */
static char *
find_app (void)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);

  if (self != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (self);
      char *beside = g_build_filename (dir, "crash-atlas-app", NULL);

      if (g_file_test (beside, G_FILE_TEST_IS_EXECUTABLE))
        return beside;
      g_free (beside);
    }

  return g_strdup (APP_EXECUTABLE);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc > 1 && atlas_cli_is_command (argv[1]))
    return atlas_cli_main (argc, argv);

  /* argv[0] stays "crash-atlas": the window's class is named after it. */
  app = find_app ();
  execv (app, argv);
  g_printerr (_("crash-atlas: could not start the app (%s): %s\n"), app, g_strerror (errno));
  return 1;
}

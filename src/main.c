/* main.c — `crash-atlas`: starts the program that does what was asked
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

/* The window and the commands live in programs of their own, each linking
 * only what it needs: a command starts in a fraction of the window's time
 * and never touches a display, and `scan` loads neither Cairo nor Pango
 * (half of the libraries a chart needs). This one links only GLib.
 *
 * Measured (issue 16): `crash-atlas scan --jobs 1` of one demo notebook, 30
 * runs each, alternating, on the 2-core build machine under load: through
 * this launcher 202 ms median wall time (91 ms best) and 14.3 MiB peak
 * RSS; one program linking the window, the charts and the commands (33 vs
 * 91 shared libraries to load and relocate) 330 ms (227 ms best) and
 * 20.7 MiB. The exec costs less than the libraries it spares: the launcher
 * stays. */
typedef struct
{
  const char *command;
  const char *program;
} Route;

static const Route routes[] = {
  { "scan", "crash-atlas-cli" },
  { "export", "crash-atlas-cli" },
  { "chart", "crash-atlas-chart" },
};

#define APP_PROGRAM "crash-atlas-app"

/* Next to this program in a build tree, in libexecdir once installed. */
static char *
find_program (const char *name)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);

  if (self != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (self);
      char *beside = g_build_filename (dir, name, NULL);

      if (g_file_test (beside, G_FILE_TEST_IS_EXECUTABLE))
        return beside;
      g_free (beside);
    }

  return g_build_filename (LIBEXECDIR, name, NULL);
}

/* GLib before 2.76 hands out small blocks from its own slab allocator,
 * whose per-thread magazines trade blocks through one shared depot.
 * json-glib takes a block for every JSON value, and with two threads
 * parsing at once a scan took about 7% more time than with malloc()
 * (bench/README.md). GLib 2.76 uses malloc() for them; G_SLICE=always-malloc
 * asks older versions for the same. GLib reads it while it loads, before
 * main(), so only a program being started can be given it. */
static void
ask_for_system_malloc (void)
{
  if (glib_check_version (2, 76, 0) != NULL && g_getenv ("G_SLICE") == NULL)
    g_setenv ("G_SLICE", "always-malloc", TRUE);
}

int
main (int    argc,
      char **argv)
{
  const char *program = APP_PROGRAM;
  g_autofree char *path = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  for (guint i = 0; argc > 1 && i < G_N_ELEMENTS (routes); i++)
    if (g_str_equal (argv[1], routes[i].command))
      program = routes[i].program;

  path = find_program (program);
  ask_for_system_malloc ();
  /* argv[0] stays "crash-atlas": the window's class is named after it. */
  execv (path, argv);
  g_printerr (_("crash-atlas: could not start %s: %s\n"), path, g_strerror (errno));
  return 1;
}

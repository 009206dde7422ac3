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
#include <string.h>
#include <glib/gi18n.h>

#include "atlas-commands.h"

/* The window and the commands live in programs of their own, each linking
 * only what it needs: a command starts in a fraction of the window's time
 * and never touches a display, and `scan` loads neither Cairo nor Pango
 * (half of the libraries a chart needs). This one links only GLib; which
 * program runs which command is atlas-commands.c's table. */
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

static void
print_help (void)
{
  const AtlasCommandInfo *commands;
  guint n_commands;

  commands = atlas_commands_get (&n_commands);
  g_print ("%s\n", _("Usage:"));
  g_print ("  crash-atlas [PATH…]\n");
  g_print ("  crash-atlas COMMAND [OPTION…] [ARGUMENT…]\n\n");
  g_print ("%s\n\n", _("Without a command, opens the window on the notebooks, folders or corpus files\n"
                       "given (on the bundled demo corpus when none is). The commands work without a\n"
                       "display."));
  g_print ("%s\n", _("Commands:"));
  for (guint i = 0; i < n_commands; i++)
    g_print ("  %-10s %s\n", commands[i].name, _(commands[i].summary));
  g_print ("  %-10s %s\n\n", "help", _("Show the options of a command (same as COMMAND --help)"));
  g_print ("%s\n", _("Options:"));
  g_print ("  %-12s %s\n", "-h, --help", _("Show this help"));
  g_print ("  %-12s %s\n\n", "--version", _("Show the version"));
  g_print ("%s\n", _("Exit status: 0 when every input was read, 1 when some could not be (each is\n"
                     "named on standard error), 2 for usage errors, 3 for a damaged or unreadable\n"
                     "corpus file."));
  g_print ("%s\n", _("Run “crash-atlas help COMMAND” for the options of a command, “man crash-atlas”\n"
                     "for the manual."));
}

static int
usage_error (const char *message)
{
  g_printerr ("crash-atlas: %s\n", message);
  g_printerr ("%s\n", _("Run “crash-atlas --help” for the commands."));
  return 2;
}

static int
unknown_command (const char *name)
{
  const AtlasCommandInfo *closest = atlas_commands_suggest (name);
  g_autofree char *message = NULL;

  if (closest != NULL)
    message = g_strdup_printf (_("unknown command “%s”; did you mean “%s”?"), name, closest->name);
  else
    message = g_strdup_printf (_("unknown command “%s”"), name);
  return usage_error (message);
}

/* A first argument that is neither an option nor a command is a path for
 * the window when it could be one: it exists, or it has a directory, an
 * extension or a URI scheme. A bare word is a mistyped command. */
static gboolean
is_path_for_window (const char *arg)
{
  return strchr (arg, G_DIR_SEPARATOR) != NULL || strchr (arg, '.') != NULL ||
         strchr (arg, ':') != NULL || g_file_test (arg, G_FILE_TEST_EXISTS);
}

static int
start (const char  *program,
       char       **argv)
{
  g_autofree char *path = find_program (program);

  ask_for_system_malloc ();
  /* argv[0] stays "crash-atlas": the window's class is named after it. */
  execv (path, argv);
  g_printerr (_("crash-atlas: could not start %s: %s\n"), path, g_strerror (errno));
  return 1;
}

/* `help COMMAND` is COMMAND --help. */
static int
run_help (int    argc,
          char **argv)
{
  const AtlasCommandInfo *command;
  char *command_argv[4];

  if (argc == 2 || g_str_equal (argv[2], "help"))
    {
      print_help ();
      return 0;
    }
  if (argc > 3)
    return usage_error (_("help takes one command"));
  if ((command = atlas_commands_lookup (argv[2])) == NULL)
    return unknown_command (argv[2]);
  command_argv[0] = argv[0];
  command_argv[1] = argv[2];
  command_argv[2] = (char *)"--help";
  command_argv[3] = NULL;
  return start (command->program, command_argv);
}

int
main (int    argc,
      char **argv)
{
  const AtlasCommandInfo *command;
  const char *first = argc > 1 ? argv[1] : NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (first == NULL)
    return start (APP_PROGRAM, argv);
  if ((command = atlas_commands_lookup (first)) != NULL)
    return start (command->program, argv);
  if (g_str_equal (first, "help"))
    return run_help (argc, argv);
  if (g_str_equal (first, "--help") || g_str_equal (first, "-h") || g_str_equal (first, "-?"))
    {
      print_help ();
      return 0;
    }
  if (g_str_equal (first, "--version"))
    {
      g_print ("crash-atlas %s\n", PACKAGE_VERSION);
      return 0;
    }
  /* D-Bus activation starts the window as a service; "--" ends the options
   * before paths that begin with a dash. */
  if (g_str_equal (first, "--gapplication-service") || g_str_equal (first, "--"))
    return start (APP_PROGRAM, argv);
  if (first[0] == '-')
    {
      g_autofree char *message = g_strdup_printf (_("unknown option “%s”"), first);

      return usage_error (message);
    }
  if (!is_path_for_window (first))
    return unknown_command (first);
  return start (APP_PROGRAM, argv);
}

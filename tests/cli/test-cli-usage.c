/* test-cli-usage.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

/* The command line as a user meets it: `--help`, `--version`, `help
 * COMMAND`, mistyped commands and options, option values, exit statuses,
 * and the manual page that must say all of it. Every run is without a
 * display, so a command that started the window would fail here. */

typedef struct
{
  char *out;
  char *err;
  int   status;
} Run;

static const char *crash_atlas;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_argv (Run         *run,
          const char **args)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  envp = g_environ_setenv (envp, "LC_ALL", "C.UTF-8", TRUE);
  g_strv_builder_add (builder, crash_atlas);
  for (guint i = 0; args[i] != NULL; i++)
    g_strv_builder_add (builder, args[i]);
  argv = g_strv_builder_end (builder);
  g_spawn_sync (NULL, argv, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

/* NULL-terminated arguments after the program. */
static void
run_cli (Run        *run,
         const char *first,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer)arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  run_argv (run, (const char **)args->pdata);
}

/* The commands that `--help` lists under "Commands:", in order. */
static GStrv
listed_commands (const char *help)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) lines = g_strsplit (help, "\n", -1);
  gboolean in_list = FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) words = NULL;

      if (g_str_equal (lines[i], "Commands:"))
        {
          in_list = TRUE;
          continue;
        }
      if (!in_list)
        continue;
      if (lines[i][0] == '\0')
        break;
      words = g_strsplit_set (g_strstrip (lines[i]), " ", 2);
      g_assert_nonnull (words[1]);
      /* One line each: a name, then what it does. */
      g_assert_cmpuint (strlen (g_strstrip (words[1])), >, 10);
      g_strv_builder_add (names, words[0]);
    }
  return g_strv_builder_end (names);
}

static void
test_help_lists_commands (void)
{
  static const char *const expected[] = { "scan", "export", "chart", "report", "help" };
  g_auto(Run) run = { 0 };
  g_auto(Run) alone = { 0 };
  g_auto(GStrv) commands = NULL;

  run_cli (&run, "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  commands = listed_commands (run.out);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_true (g_strv_contains ((const char * const *)commands, expected[i]));
  g_assert_nonnull (strstr (run.out, "--version"));

  /* `help` alone and `-h` are `--help`. */
  run_cli (&alone, "help", NULL);
  g_assert_cmpint (alone.status, ==, 0);
  g_assert_cmpstr (alone.out, ==, run.out);
  run_clear (&alone);
  run_cli (&alone, "-h", NULL);
  g_assert_cmpstr (alone.out, ==, run.out);
}

static void
test_version (void)
{
  g_auto(Run) run = { 0 };

  run_cli (&run, "--version", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "crash-atlas " PACKAGE_VERSION "\n");
}

/* Every listed command answers `help COMMAND` as it answers `COMMAND --help`,
 * with a usage line naming it once and its operands once. */
static void
test_help_command (void)
{
  g_auto(Run) run = { 0 };
  g_auto(GStrv) commands = NULL;

  run_cli (&run, "--help", NULL);
  commands = listed_commands (run.out);
  for (guint i = 0; commands[i] != NULL; i++)
    {
      g_auto(Run) help = { 0 };
      g_auto(Run) option = { 0 };
      g_autofree char *usage = g_strdup_printf ("crash-atlas %s [OPTION…]", commands[i]);

      if (g_str_equal (commands[i], "help"))
        continue;
      run_cli (&help, "help", commands[i], NULL);
      run_cli (&option, commands[i], "--help", NULL);
      g_assert_cmpint (help.status, ==, 0);
      g_assert_cmpint (option.status, ==, 0);
      g_assert_cmpstr (help.out, ==, option.out);
      g_assert_nonnull (strstr (help.out, usage));
      g_assert_null (strstr (help.out, "PATH… PATH…"));
    }
}

static void
test_unknown_command (void)
{
  static const char *const typos[][2] = {
    { "scna", "scan" }, { "exprot", "export" }, { "chrat", "chart" }, { "sca", "scan" },
  };
  g_auto(Run) run = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (typos); i++)
    {
      g_autofree char *named = g_strdup_printf ("“%s”", typos[i][0]);
      g_autofree char *suggested = g_strdup_printf ("did you mean “%s”?", typos[i][1]);

      run_clear (&run);
      run_cli (&run, typos[i][0], NULL);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_nonnull (strstr (run.err, named));
      g_assert_nonnull (strstr (run.err, suggested));
      g_assert_null (strstr (run.err, "display"));
    }

  /* Far from every command: named, nothing suggested. */
  run_clear (&run);
  run_cli (&run, "frobnicate", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "“frobnicate”"));
  g_assert_null (strstr (run.err, "did you mean"));

  run_clear (&run);
  run_cli (&run, "help", "scna", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "did you mean “scan”?"));

  run_clear (&run);
  run_cli (&run, "help", "scan", "chart", NULL);
  g_assert_cmpint (run.status, ==, 2);

  run_clear (&run);
  run_cli (&run, "--frobnicate", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "“--frobnicate”"));

  run_clear (&run);
  run_cli (&run, "scan", "--frobnicate", "x.ipynb", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "--frobnicate"));
}

/* A value outside what the help promises is a usage error naming the option. */
static void
test_option_values (void)
{
  g_autofree char *demo = g_build_filename (g_getenv ("CRASH_ATLAS_DEMO_DIR"), "kaggle", NULL);
  g_autofree char *dir = g_dir_make_tmp ("atlas-usage-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "chart.pdf", NULL);
  static const char *const scan_bad[][3] = {
    { "--jobs", "0", "--jobs" }, { "--jobs", "-2", "--jobs" }, { "--jobs", "many", "--jobs" },
    { "--jobs", "1025", "--jobs" }, { "--format", "xml", "--format" },
    { "--platform", "myspace", "--platform" },
  };
  static const char *const chart_bad[][3] = {
    { "--jobs", "0", "--jobs" }, { "--top", "0", "--top" }, { "--top", "-1", "--top" },
    { "--width-cm", "0", "--width-cm" }, { "--width-cm", "-4", "--width-cm" },
    { "--height-mm", "tall", "--height-mm" }, { "--width-in", "nan", "--width-in" },
    { "--width-in", "inf", "--width-in" }, { "--dpi", "0", "--dpi" }, { "--dpi", "-300", "--dpi" },
    { "--dpi", "5000", "--dpi" }, { "--width-cm", "1e9", "width" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (scan_bad); i++)
    {
      g_auto(Run) run = { 0 };

      run_cli (&run, "scan", scan_bad[i][0], scan_bad[i][1], demo, NULL);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_nonnull (strstr (run.err, scan_bad[i][2]));
    }
  for (guint i = 0; i < G_N_ELEMENTS (chart_bad); i++)
    {
      g_auto(Run) run = { 0 };

      run_cli (&run, "chart", "--kind", "stage", "-o", pdf, chart_bad[i][0], chart_bad[i][1], demo, NULL);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_nonnull (strstr (run.err, chart_bad[i][2]));
      g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
    }

  /* The same options with values in range are taken. */
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, "chart", "--kind", "library", "-o", pdf, "--jobs", "2", "--top", "3",
             "--width-cm", "8.5", "--height-cm", "6", demo, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));
    g_unlink (pdf);
    run_clear (&run);
    run_cli (&run, "scan", "--jobs", "1", "--format", "summary", demo, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, !=, "");
  }
  g_rmdir (dir);
}

/* 3, not 2, for a corpus file that is damaged or cannot be read. */
static void
test_corpus_damaged (void)
{
  g_autofree char *demo = g_build_filename (g_getenv ("CRASH_ATLAS_DEMO_DIR"), "kaggle", NULL);
  g_autofree char *dir = g_dir_make_tmp ("atlas-usage-XXXXXX", NULL);
  g_autofree char *damaged = g_build_filename (dir, "damaged.crashatlas", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.crashatlas", NULL);
  g_autofree char *good = g_build_filename (dir, "good.crashatlas", NULL);
  g_autoptr(GError) error = NULL;
  g_auto(Run) run = { 0 };

  g_file_set_contents (damaged, "this is not SQLite, only text long enough to look like a header",
                       -1, &error);
  g_assert_no_error (error);

  run_cli (&run, "export", "--db", damaged, NULL);
  g_assert_cmpint (run.status, ==, 3);
  g_assert_nonnull (strstr (run.err, damaged));
  run_clear (&run);
  run_cli (&run, "export", "--db", missing, NULL);
  g_assert_cmpint (run.status, ==, 3);
  g_assert_nonnull (strstr (run.err, missing));
  run_clear (&run);
  run_cli (&run, "scan", "--db", damaged, demo, NULL);
  g_assert_cmpint (run.status, ==, 3);
  g_assert_nonnull (strstr (run.err, damaged));

  /* A good one: 0, and the count line speaks of notebooks in the plural. */
  run_clear (&run);
  run_cli (&run, "scan", "--db", good, demo, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, " notebooks with "));
  run_clear (&run);
  run_cli (&run, "export", "--db", good, "--format", "summary", NULL);
  g_assert_cmpint (run.status, ==, 0);

  g_unlink (damaged);
  g_unlink (good);
  g_rmdir (dir);
}

/* The long options a command's --help lists ("--jobs=N" gives "jobs"). */
static GStrv
listed_options (const char *help)
{
  g_autoptr(GStrvBuilder) options = g_strv_builder_new ();
  g_autoptr(GRegex) regex = g_regex_new ("^\\s+(?:-\\w, )?--([a-z][a-z-]*)", G_REGEX_MULTILINE, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  for (g_regex_match (regex, help, 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *name = g_match_info_fetch (match, 1);

      if (!g_str_has_prefix (name, "help"))
        g_strv_builder_add (options, name);
    }
  return g_strv_builder_end (options);
}

/* troff writes a dash as "\-". */
static char *
troff_option (const char *name)
{
  g_autoptr(GString) text = g_string_new ("\\-\\-");

  for (const char *p = name; *p != '\0'; p++)
    if (*p == '-')
      g_string_append (text, "\\-");
    else
      g_string_append_c (text, *p);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
check_options_described (const char *man,
                         const char *command,
                         const char *subcommand,
                         const char *help)
{
  g_auto(GStrv) options = listed_options (help);

  g_assert_cmpuint (g_strv_length (options), >, 0);  /* merge has only --db */
  for (guint o = 0; options[o] != NULL; o++)
    {
      g_autofree char *written = troff_option (options[o]);

      if (strstr (man, written) == NULL)
        g_error ("the manual does not describe “%s%s%s --%s”", command,
                 subcommand ? " " : "", subcommand ? subcommand : "", options[o]);
    }
}

static void
test_man_page (void)
{
  const char *path = g_getenv ("CRASH_ATLAS_MAN");
  g_autofree char *man = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Run) run = { 0 };
  g_auto(GStrv) commands = NULL;

  g_assert_nonnull (path);
  g_file_get_contents (path, &man, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (man, "@VERSION@"));
  g_assert_nonnull (strstr (man, "\"Crash Atlas " PACKAGE_VERSION "\""));
  for (guint status = 0; status <= 3; status++)
    {
      g_autofree char *item = g_strdup_printf (".TP\n.B %u\n", status);

      g_assert_nonnull (strstr (man, item));
    }

  run_cli (&run, "--help", NULL);
  commands = listed_commands (run.out);
  for (guint i = 0; commands[i] != NULL; i++)
    {
      g_autofree char *section = g_strdup_printf (".SS \"%s ", commands[i]);
      g_auto(Run) help = { 0 };
      g_auto(GStrv) subcommands = NULL;

      g_assert_nonnull (strstr (man, section));
      if (g_str_equal (commands[i], "help"))
        continue;
      run_cli (&help, commands[i], "--help", NULL);
      g_assert_cmpint (help.status, ==, 0);
      subcommands = listed_commands (help.out);
      if (subcommands[0] == NULL)
        {
          check_options_described (man, commands[i], NULL, help.out);
          continue;
        }
      /* `labels import`: a section and the options of each. */
      for (guint s = 0; subcommands[s] != NULL; s++)
        {
          g_autofree char *sub_section = g_strdup_printf (".SS \"%s %s ", commands[i], subcommands[s]);
          g_auto(Run) sub_help = { 0 };

          g_assert_nonnull (strstr (man, sub_section));
          run_cli (&sub_help, commands[i], subcommands[s], "--help", NULL);
          g_assert_cmpint (sub_help.status, ==, 0);
          check_options_described (man, commands[i], subcommands[s], sub_help.out);
        }
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  crash_atlas = g_getenv ("CRASH_ATLAS");
  g_assert_nonnull (crash_atlas);

  g_test_add_func ("/Atlas/Cli/Usage/help-lists-commands", test_help_lists_commands);
  g_test_add_func ("/Atlas/Cli/Usage/version", test_version);
  g_test_add_func ("/Atlas/Cli/Usage/help-command", test_help_command);
  g_test_add_func ("/Atlas/Cli/Usage/unknown-command", test_unknown_command);
  g_test_add_func ("/Atlas/Cli/Usage/option-values", test_option_values);
  g_test_add_func ("/Atlas/Cli/Usage/corpus-damaged", test_corpus_damaged);
  g_test_add_func ("/Atlas/Cli/Usage/man-page", test_man_page);
  return g_test_run ();
}

/* test-cli-inert.c: untrusted text stays inert on every output of `scan`,
 * files that are not regular are never opened, and what Jupyter refuses is
 * read with a warning.
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

static const char *crash_atlas;
static char *dir;

#define NOTEBOOK(ename, evalue, source) \
  "{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {}, \"cells\": [" \
  "{\"cell_type\": \"code\", \"execution_count\": 1, \"metadata\": {}, \"source\": " source "," \
  " \"outputs\": [{\"output_type\": \"error\", \"ename\": " ename ", \"evalue\": " evalue "," \
  " \"traceback\": [\"Traceback (most recent call last):\", \"Error: x\"]}]}]}"

static char *
write_in (const char *folder,
          const char *name,
          const char *data)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (folder, name, NULL);

  g_file_set_contents (path, data, -1, &error);
  g_assert_no_error (error);
  return path;
}

/* An alarm survives exec: a scan that hangs is killed by it, and the test
 * fails instead of hanging the suite. */
static void
child_alarm (gpointer data)
{
  alarm (30);
}

/* Runs crash-atlas scan ARGS…; the parent's alarm is a second guard. */
static int
run_scan (const char * const *args,
          char              **out,
          char              **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_ptr_array_add (argv, (gpointer)crash_atlas);
  g_ptr_array_add (argv, (gpointer)"scan");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer)args[i]);
  g_ptr_array_add (argv, NULL);

  alarm (90);
  g_spawn_sync (NULL, (char **)argv->pdata, NULL, G_SPAWN_DEFAULT, child_alarm, NULL, out, err, &status, &error);
  alarm (0);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

static void
assert_no_escape_bytes (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (*p != '\n' && (guchar)*p < 0x20)
      g_error ("a raw control character 0x%02x reached the terminal in: %s", (guchar)*p, text);
  g_assert_true (g_utf8_validate (text, -1, NULL));
}

/* Escape sequences in an exception's name and message changed the title,
 * cleared the screen and made links in `--format summary`. */
static void
test_summary_escapes (void)
{
  g_autofree char *path = write_in (dir, "esc.ipynb",
                                    NOTEBOOK ("\"Value\\u001b[2JError\"",
                                              "\"bad \\u001b]0;PWNED\\u0007 \\u001b]8;;http://x\\u001b\\\\y\"",
                                              "\"1/0\""));
  const char *args[] = { "--format", "summary", path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_scan (args, &out, &err), ==, 0);
  assert_no_escape_bytes (out);
  g_assert_nonnull (strstr (out, "bad \\x1b]0;PWNED\\x07"));
  g_assert_nonnull (strstr (out, "Value\\x1b[2JError"));
}

/* An unreadable file's name and the reason reach stderr escaped. */
static void
test_error_messages_escaped (void)
{
  g_autofree char *path = write_in (dir, "evil\033]0;title\007.ipynb", "not json");
  const char *args[] = { path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_scan (args, &out, &err), ==, 1);
  assert_no_escape_bytes (err);
  g_assert_nonnull (strstr (err, "evil\\x1b]0;title\\x07.ipynb"));
  g_unlink (path);
}

/* A file name that is not UTF-8 gave invalid JSON Lines; it is kept, its
 * bad bytes shown. */
static void
test_invalid_utf8_name (void)
{
  g_autofree char *sub = g_build_filename (dir, "names", NULL);
  g_autofree char *path = NULL;
  const char *args_jsonl[] = { "--format", "jsonl", sub, NULL };
  const char *args_csv[] = { "--format", "csv", sub, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *csv = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *record;

  g_mkdir (sub, 0700);
  path = write_in (sub, "caf\xe9.ipynb", NOTEBOOK ("\"KeyError\"", "\"'k'\"", "\"d['k']\""));
  g_assert_cmpint (run_scan (args_jsonl, &out, &err), ==, 0);
  g_assert_true (g_utf8_validate (out, -1, NULL));
  g_assert_true (json_parser_load_from_data (parser, out, strcspn (out, "\n"), &error));
  g_assert_no_error (error);
  record = json_node_get_object (json_parser_get_root (parser));
  g_assert_true (g_str_has_suffix (json_object_get_string_member (record, "notebook"), "caf\\xe9.ipynb"));

  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_scan (args_csv, &csv, &err), ==, 0);
  g_assert_true (g_utf8_validate (csv, -1, NULL));
  g_assert_nonnull (strstr (csv, "caf\\xe9.ipynb"));
}

/* A FIFO, given or inside a folder, hung the scan forever (the alarm in
 * run_scan() fails the test instead). It is named and skipped, never opened. */
static void
test_fifo_skipped (void)
{
  g_autofree char *sub = g_build_filename (dir, "fifos", NULL);
  g_autofree char *fifo = g_build_filename (sub, "pipe.ipynb", NULL);
  g_autofree char *good = NULL;
  const char *args_direct[] = { "--format", "summary", fifo, NULL };
  const char *args_folder[] = { "--format", "summary", sub, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_mkdir (sub, 0700);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  good = write_in (sub, "good.ipynb", NOTEBOOK ("\"KeyError\"", "\"'k'\"", "\"d['k']\""));

  g_assert_cmpint (run_scan (args_direct, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "pipe.ipynb: skipped, not a regular file (a FIFO)"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_scan (args_folder, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "pipe.ipynb: skipped, not a regular file (a FIFO)"));
  g_assert_nonnull (strstr (out, "Crashes: 1 in 1 notebook"));
  g_unlink (fifo);
}

/* {"worksheets":[null]} raised a json-glib critical, fatal here
 * (G_DEBUG=fatal-criticals); escaped key names hid a crash. */
static void
test_reader_cases (void)
{
  g_autofree char *ws = write_in (dir, "ws.ipynb",
    "{\"nbformat\": 3, \"metadata\": {}, \"worksheets\": [null, {\"cells\": ["
    "{\"cell_type\": \"code\", \"prompt_number\": 1, \"input\": \"1/0\", \"outputs\": [{\"output_type\": \"pyerr\","
    " \"ename\": \"ZeroDivisionError\", \"evalue\": \"division by zero\", \"traceback\": []}]}]}]}");
  g_autofree char *key = write_in (dir, "key.ipynb",
    "{\"nbformat\": 4, \"metadata\": {}, \"cells\": [{\"cell_type\": \"code\", \"execution_count\": 1,"
    " \"source\": \"d['k']\", \"outputs\": [{\"output\\u005ftype\": \"error\", \"ename\": \"KeyError\","
    " \"evalue\": \"'k'\", \"traceback\": []}]}]}");
  g_autofree char *num = write_in (dir, "num.ipynb", NOTEBOOK ("\"SystemExit\"", "3", "\"exit(3)\""));
  const char *args[] = { "--format", "jsonl", ws, key, num, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_scan (args, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "\"notebook\":\"" ));
  g_assert_nonnull (strstr (out, "ws.ipynb\",\"platform\":\"local\",\"cell\":0,\"execution_count\":1,\"ename\":\"ZeroDivisionError\""));
  g_assert_nonnull (strstr (out, "key.ipynb\",\"platform\":\"local\",\"cell\":0,\"execution_count\":1,\"ename\":\"KeyError\""));
  g_assert_nonnull (strstr (out, "\"ename\":\"SystemExit\",\"evalue\":\"3\""));
  g_assert_nonnull (strstr (err, "ws.ipynb: warning: a worksheet is not an object"));
  g_assert_nonnull (strstr (err, "num.ipynb: warning: cell 0: evalue is a number"));
}

/* What Jupyter refuses is read, with a warning naming the file. */
static void
test_lenient_warnings (void)
{
  g_autofree char *bom = write_in (dir, "bom.ipynb", "\xef\xbb\xbf" NOTEBOOK ("\"KeyError\"", "\"'k'\"", "\"d['k']\""));
  g_autofree char *tab = write_in (dir, "tab.ipynb", NOTEBOOK ("\"KeyError\"", "\"'k'\"", "\"if 1:\td['k']\""));
  const char *args[] = { "--format", "summary", bom, tab, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_scan (args, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "Crashes: 2 in 2 notebooks"));
  g_assert_nonnull (strstr (err, "bom.ipynb: warning: starts with a byte-order mark"));
  g_assert_nonnull (strstr (err, "tab.ipynb: warning: a string holds a raw TAB"));
}

/* A folder without notebooks is a note, not an unreadable input. */
static void
test_empty_folder (void)
{
  g_autofree char *empty = g_build_filename (dir, "empty", NULL);
  const char *args[] = { "--format", "summary", empty, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_mkdir (empty, 0700);
  g_assert_cmpint (run_scan (args, &out, &err), ==, 0);
  g_assert_nonnull (strstr (err, "empty: no notebooks (*.ipynb) in this folder"));
  g_assert_nonnull (strstr (out, "Notebooks: 0 read, 0 unreadable"));
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) d = g_dir_open (path, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  crash_atlas = g_getenv ("CRASH_ATLAS");
  if (crash_atlas == NULL)
    {
      g_printerr ("CRASH_ATLAS is not set\n");
      return 77;
    }
  dir = g_dir_make_tmp ("atlas-cli-inert-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/Atlas/Cli/Inert/summary-escapes", test_summary_escapes);
  g_test_add_func ("/Atlas/Cli/Inert/error-messages-escaped", test_error_messages_escaped);
  g_test_add_func ("/Atlas/Cli/Inert/invalid-utf8-name", test_invalid_utf8_name);
  g_test_add_func ("/Atlas/Cli/Inert/fifo-skipped", test_fifo_skipped);
  g_test_add_func ("/Atlas/Cli/Inert/reader-cases", test_reader_cases);
  g_test_add_func ("/Atlas/Cli/Inert/lenient-warnings", test_lenient_warnings);
  g_test_add_func ("/Atlas/Cli/Inert/empty-folder", test_empty_folder);

  status = g_test_run ();
  remove_tree (dir);
  g_free (dir);
  return status;
}

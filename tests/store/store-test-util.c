/* store-test-util.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "store-test-util.h"

/* An exception name and the message before and after the notebook's number. */
static const char *const errors[][3] = {
  { "NameError", "name 'df", "' is not defined" },
  { "KeyError", "'column_", "'" },
  { "ValueError", "could not convert string to float: 'x", "'" },
  { "ModuleNotFoundError", "No module named 'lib", "'" },
  { "TypeError", "unsupported operand type(s) for +: 'int' and 'str' (", ")" },
};

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static void
add_error_output (JsonBuilder *builder,
                  guint        notebook,
                  guint        cell,
                  guint        which)
{
  g_autofree char *evalue = g_strdup_printf ("%s%u%s", errors[which][1], notebook, errors[which][2]);
  g_autofree char *header = g_strdup_printf ("Cell In[%u], line 2", cell + 1);
  g_autofree char *last = g_strdup_printf ("%s: %s", errors[which][0], evalue);

  json_builder_begin_object (builder);
  add_string (builder, "output_type", "error");
  add_string (builder, "ename", errors[which][0]);
  add_string (builder, "evalue", evalue);
  json_builder_set_member_name (builder, "traceback");
  json_builder_begin_array (builder);
  json_builder_add_string_value (builder, "---------------------------------------------------------------------------");
  json_builder_add_string_value (builder, errors[which][0]);
  json_builder_add_string_value (builder, header);
  json_builder_add_string_value (builder, "      1 import pandas as pd\n----> 2 value = compute(df)");
  json_builder_add_string_value (builder, last);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
add_stream_output (JsonBuilder *builder,
                   gsize        padding)
{
  g_autofree char *text = g_malloc (padding + 1);

  memset (text, 'a', padding);
  text[padding] = '\0';
  json_builder_begin_object (builder);
  add_string (builder, "output_type", "stream");
  add_string (builder, "name", "stdout");
  add_string (builder, "text", text);
  json_builder_end_object (builder);
}

static void
add_code_cell (JsonBuilder *builder,
               guint        notebook,
               guint        cell,
               guint        n_errors,
               gsize        padding)
{
  g_autofree char *source = g_strdup_printf ("import pandas as pd\nvalue = compute(df%u) + %u",
                                             notebook, cell);

  json_builder_begin_object (builder);
  add_string (builder, "cell_type", "code");
  json_builder_set_member_name (builder, "execution_count");
  json_builder_add_int_value (builder, cell + 1);
  json_builder_set_member_name (builder, "metadata");
  json_builder_begin_object (builder);
  json_builder_end_object (builder);
  add_string (builder, "source", source);
  json_builder_set_member_name (builder, "outputs");
  json_builder_begin_array (builder);
  if (padding > 0)
    add_stream_output (builder, padding);
  for (guint e = 0; e < n_errors; e++)
    add_error_output (builder, notebook, cell, (notebook + cell + e) % G_N_ELEMENTS (errors));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
add_markdown_cell (JsonBuilder *builder,
                   guint        notebook)
{
  g_autofree char *source = g_strdup_printf ("# Analysis %u\nSome words.", notebook);

  json_builder_begin_object (builder);
  add_string (builder, "cell_type", "markdown");
  json_builder_set_member_name (builder, "metadata");
  json_builder_begin_object (builder);
  json_builder_end_object (builder);
  add_string (builder, "source", source);
  json_builder_end_object (builder);
}

/* Notebook @i: every third one is clean, the others crash one to three
 * times, in one or two cells. */
static guint
build_notebook (JsonBuilder *builder,
                guint        i,
                gsize        padding)
{
  guint n_crashes = i % 3 == 0 ? 0 : 1 + i % 3 + (i % 7 == 1);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "nbformat");
  json_builder_add_int_value (builder, 4);
  json_builder_set_member_name (builder, "nbformat_minor");
  json_builder_add_int_value (builder, 5);
  json_builder_set_member_name (builder, "metadata");
  json_builder_begin_object (builder);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "cells");
  json_builder_begin_array (builder);
  add_markdown_cell (builder, i);
  add_code_cell (builder, i, 1, 0, padding);
  add_code_cell (builder, i, 2, MIN (n_crashes, 2), 0);
  add_code_cell (builder, i, 3, n_crashes > 2 ? n_crashes - 2 : 0, 0);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return n_crashes;
}

guint
store_test_write_corpus (const char *dir,
                         guint       n_notebooks,
                         gsize       padding)
{
  guint n_crashes = 0;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  for (guint i = 0; i < n_notebooks; i++)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *text = NULL;
      g_autofree char *name = g_strdup_printf ("nb-%05u.ipynb", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GError) error = NULL;

      n_crashes += build_notebook (builder, i, padding);
      root = json_builder_get_root (builder);
      text = json_to_string (root, FALSE);
      g_file_set_contents (path, text, -1, &error);
      g_assert_no_error (error);
    }
  return n_crashes;
}

char *
store_test_run (int         expected_status,
                const char *first_arg,
                ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;
  va_list args;

  g_ptr_array_add (argv, (gpointer)g_getenv ("CRASH_ATLAS"));
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **)argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!WIFEXITED (status) || WEXITSTATUS (status) != expected_status)
    g_error ("%s exited with %d, not %d: %s", (char *)argv->pdata[1], status, expected_status, err);
  return out;
}

static void
limit_file_size (gpointer data)
{
  goffset limit = *(goffset *)data;
  struct rlimit rl = { (rlim_t)limit, (rlim_t)limit };

  /* A write past the limit then fails with EFBIG instead of killing. */
  signal (SIGXFSZ, SIG_IGN);
  if (limit > 0)
    setrlimit (RLIMIT_FSIZE, &rl);
}

int
store_test_run_full (char      **out,
                     char      **err,
                     goffset     fsize_limit,
                     const char *first_arg,
                     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = 0;
  va_list args;

  g_ptr_array_add (argv, (gpointer)g_getenv ("CRASH_ATLAS"));
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **)argv->pdata, NULL, G_SPAWN_DEFAULT, limit_file_size, &fsize_limit,
                out, err, &status, &error);
  g_assert_no_error (error);
  if (!WIFEXITED (status))
    g_error ("%s died: status %d", (char *)argv->pdata[1], status);
  return WEXITSTATUS (status);
}

void
store_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        store_test_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static int
compare_lines (const void *a,
               const void *b)
{
  return strcmp (*(char * const *)a, *(char * const *)b);
}

char **
store_test_sorted_lines (const char *text)
{
  char **lines = g_strsplit (text, "\n", -1);

  qsort (lines, g_strv_length (lines), sizeof (char *), compare_lines);
  return lines;
}

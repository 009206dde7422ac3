/* test-scanner.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "atlas-scanner.h"

static char *
make_corpus (guint n)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("atlas-scan-XXXXXX", &error);

  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *sub = g_build_filename (dir, i % 3 == 0 ? "a" : "b", NULL);
      g_autofree char *name = g_strdup_printf ("nb%03u.ipynb", i);
      g_autofree char *path = g_build_filename (sub, name, NULL);
      g_autofree char *json = NULL;

      g_mkdir_with_parents (sub, 0700);
      if (i % 7 == 6)
        json = g_strdup ("{\"cells\": [");  /* broken on purpose */
      else
        json = g_strdup_printf ("{\"nbformat\": 4, \"nbformat_minor\": 2, \"metadata\": {}, \"cells\": ["
                                "{\"cell_type\": \"code\", \"execution_count\": 1, \"source\": \"x\","
                                " \"outputs\": [{\"output_type\": \"error\", \"ename\": \"E%u\", \"evalue\": \"v\", \"traceback\": []}]}]}",
                                i);
      g_file_set_contents (path, json, -1, &error);
      g_assert_no_error (error);
    }

  /* Checkpoints are copies, never scanned. */
  {
    g_autofree char *cp = g_build_filename (dir, "a", ".ipynb_checkpoints", NULL);
    g_autofree char *cp_file = g_build_filename (cp, "nb000-checkpoint.ipynb", NULL);

    g_mkdir_with_parents (cp, 0700);
    g_file_set_contents (cp_file, "{}", -1, &error);
    g_assert_no_error (error);
  }

  return dir;
}

static void
collect_cb (AtlasScanResult *result,
            gpointer         user_data)
{
  GString *out = user_data;

  if (result->notebook == NULL)
    g_string_append_printf (out, "%u %s error\n", result->index, result->location);
  else
    g_string_append_printf (out, "%u %s %s\n", result->index, result->location,
                            atlas_crash_get_ename (g_ptr_array_index (atlas_notebook_get_crashes (result->notebook), 0)));
}

static char *
scan (const char *dir,
      guint       jobs)
{
  g_autoptr(AtlasScanner) scanner = atlas_scanner_new (jobs);
  g_autoptr(GError) error = NULL;
  GString *out = g_string_new (NULL);

  g_assert_true (atlas_scanner_add_path (scanner, dir, &error));
  g_assert_no_error (error);
  g_assert_true (atlas_scanner_run (scanner, collect_cb, out, NULL, &error));
  g_assert_no_error (error);

  return g_string_free (out, FALSE);
}

/* Paths given in this order, each folder walked during the run. */
static char *
scan_walking_in_run (const char * const *paths,
                     guint               jobs,
                     char             ***empty_folders)
{
  g_autoptr(AtlasScanner) scanner = atlas_scanner_new (jobs);
  g_autoptr(GError) error = NULL;
  GString *out = g_string_new (NULL);

  atlas_scanner_set_walk_in_run (scanner, TRUE);
  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_assert_true (atlas_scanner_add_path (scanner, paths[i], &error));
      g_assert_no_error (error);
    }
  g_assert_cmpuint (atlas_scanner_get_n_inputs (scanner), ==, 0);
  g_assert_true (atlas_scanner_run (scanner, collect_cb, out, NULL, &error));
  g_assert_no_error (error);
  if (empty_folders != NULL)
    *empty_folders = atlas_scanner_dup_empty_folders (scanner);

  return g_string_free (out, FALSE);
}

static void
test_same_order_any_jobs (void)
{
  g_autofree char *dir = make_corpus (200);
  g_autofree char *one = scan (dir, 1);
  g_autofree char *two = scan (dir, 2);
  g_autofree char *many = scan (dir, 7);
  g_auto(GStrv) lines = g_strsplit (one, "\n", -1);

  g_assert_cmpuint (g_strv_length (lines), ==, 201);  /* 200 + the empty tail */
  g_assert_cmpstr (one, ==, two);
  g_assert_cmpstr (one, ==, many);
  g_assert_null (strstr (one, "checkpoint"));
  g_assert_nonnull (strstr (one, "error"));
}

static void
mark_worked (AtlasNotebook *notebook,
             gpointer       user_data)
{
  g_object_set_data (G_OBJECT (notebook), "worked", GINT_TO_POINTER (1));
  g_atomic_int_inc ((int *)user_data);
}

typedef struct
{
  guint n_parsed;
  guint n_worked_seen;
  guint last_index;
} Seen;

static void
check_worked_cb (AtlasScanResult *result,
                 gpointer         user_data)
{
  Seen *seen = user_data;

  g_assert_cmpuint (result->index, ==, seen->last_index);
  seen->last_index++;
  if (result->notebook == NULL)
    return;
  seen->n_parsed++;
  if (g_object_get_data (G_OBJECT (result->notebook), "worked") != NULL)
    seen->n_worked_seen++;
}

/* Workers parse notebooks in batches, yet each result arrives in input
 * order, already through the worker function, which ran once for it. */
static void
test_worker_func_before_result (void)
{
  g_autofree char *dir = make_corpus (150);

  for (guint jobs = 1; jobs <= 3; jobs++)
    {
      g_autoptr(AtlasScanner) scanner = atlas_scanner_new (jobs);
      g_autoptr(GError) error = NULL;
      Seen seen = { 0, 0, 0 };
      int n_worked = 0;

      atlas_scanner_set_worker_func (scanner, mark_worked, &n_worked, NULL);
      g_assert_true (atlas_scanner_add_path (scanner, dir, &error));
      g_assert_true (atlas_scanner_run (scanner, check_worked_cb, &seen, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (seen.last_index, ==, 150);
      g_assert_cmpuint (seen.n_parsed, ==, 150 - 150 / 7);  /* every 7th is broken */
      g_assert_cmpuint (seen.n_worked_seen, ==, seen.n_parsed);
      g_assert_cmpint (n_worked, ==, (int)seen.n_parsed);
    }
}

typedef struct
{
  GMutex   lock;
  GThread *consumer;
  guint    n_by_reader;
  guint    n_by_consumer;
  guint    n_by_other;
} Freed;

typedef struct
{
  Freed   *freed;
  GThread *reader;
} Reading;

static void
notebook_freed_cb (gpointer  data,
                   GObject  *where_the_object_was)
{
  Reading *reading = data;
  Freed *freed = reading->freed;

  g_mutex_lock (&freed->lock);
  if (g_thread_self () == reading->reader)
    freed->n_by_reader++;
  else if (g_thread_self () == freed->consumer)
    freed->n_by_consumer++;
  else
    freed->n_by_other++;
  g_mutex_unlock (&freed->lock);
  g_free (reading);
}

static void
watch_free (AtlasNotebook *notebook,
            gpointer       user_data)
{
  Reading *reading = g_new0 (Reading, 1);

  reading->freed = user_data;
  reading->reader = g_thread_self ();
  g_object_weak_ref (G_OBJECT (notebook), notebook_freed_cb, reading);
}

static void
ignore_cb (AtlasScanResult *result,
           gpointer         user_data)
{
}

/* A notebook is freed by the worker that read it, where its memory came
 * from, not by the consumer. Only those handed over after their worker ran
 * out of inputs are left to the consumer: for each worker, at most the
 * window of 64 inputs per job that the workers may run ahead. */
static void
test_notebooks_freed_by_their_worker (void)
{
  g_autofree char *dir = make_corpus (1200);

  for (guint jobs = 1; jobs <= 3; jobs++)
    {
      g_autoptr(AtlasScanner) scanner = atlas_scanner_new (jobs);
      g_autoptr(GError) error = NULL;
      Freed freed = { .consumer = g_thread_self () };

      g_mutex_init (&freed.lock);
      atlas_scanner_set_worker_func (scanner, watch_free, &freed, NULL);
      g_assert_true (atlas_scanner_add_path (scanner, dir, &error));
      g_assert_true (atlas_scanner_run (scanner, ignore_cb, NULL, NULL, &error));
      g_assert_no_error (error);
      g_test_message ("%u jobs: %u by their worker, %u by the consumer",
                      jobs, freed.n_by_reader, freed.n_by_consumer);
      g_assert_cmpuint (freed.n_by_reader + freed.n_by_consumer, ==, 1200 - 1200 / 7);
      g_assert_cmpuint (freed.n_by_other, ==, 0);
      g_assert_cmpuint (freed.n_by_consumer, <=, jobs * (64 * jobs));
      g_mutex_clear (&freed.lock);
    }
}

/* Walking while reading finds the same notebooks in the same order as
 * walking first, files and folders kept in the order given. */
static void
test_walk_in_run (void)
{
  g_autofree char *dir = make_corpus (120);
  g_autofree char *empty = g_build_filename (dir, "empty", NULL);
  g_autofree char *single = g_build_filename (dir, "b", "nb001.ipynb", NULL);
  const char *paths[] = { single, dir, empty, single, NULL };
  g_autoptr(AtlasScanner) first = atlas_scanner_new (2);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) expected = g_string_new (NULL);
  g_auto(GStrv) empty_folders = NULL;

  g_mkdir (empty, 0700);
  g_assert_true (atlas_scanner_add_path (first, single, NULL));
  g_assert_true (atlas_scanner_add_path (first, dir, NULL));
  g_assert_false (atlas_scanner_add_path (first, empty, &error));
  g_assert_error (error, ATLAS_SCANNER_ERROR, ATLAS_SCANNER_ERROR_NO_NOTEBOOKS);
  g_assert_true (atlas_scanner_add_path (first, single, NULL));
  g_assert_cmpuint (atlas_scanner_get_n_inputs (first), ==, 122);
  g_assert_true (atlas_scanner_run (first, collect_cb, expected, NULL, NULL));

  for (guint jobs = 1; jobs <= 7; jobs += 3)
    {
      g_auto(GStrv) folders = NULL;
      g_autofree char *got = scan_walking_in_run (paths, jobs, &folders);

      g_assert_cmpstr (got, ==, expected->str);
      g_assert_cmpuint (g_strv_length (folders), ==, 1);
      g_assert_cmpstr (folders[0], ==, empty);
    }

  {
    const char *only_files[] = { single, NULL };
    g_autofree char *got = scan_walking_in_run (only_files, 2, &empty_folders);

    g_assert_true (g_str_has_suffix (got, "nb001.ipynb E1\n"));
    g_assert_cmpuint (g_strv_length (empty_folders), ==, 0);
  }
}

typedef struct
{
  GCancellable *cancellable;
  guint         n_seen;
} CancelAfter;

static void
cancel_after_cb (AtlasScanResult *result,
                 gpointer         user_data)
{
  CancelAfter *state = user_data;

  if (++state->n_seen == 5)
    g_cancellable_cancel (state->cancellable);
}

/* A cancel while the folders are still being walked stops the walk too. */
static void
test_cancel_while_walking (void)
{
  g_autofree char *dir = make_corpus (300);
  g_autoptr(AtlasScanner) scanner = atlas_scanner_new (2);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  CancelAfter state = { cancellable, 0 };

  atlas_scanner_set_walk_in_run (scanner, TRUE);
  g_assert_true (atlas_scanner_add_path (scanner, dir, NULL));
  g_assert_false (atlas_scanner_run (scanner, cancel_after_cb, &state, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (state.n_seen, ==, 5);
}

static void
test_missing_path (void)
{
  g_autoptr(AtlasScanner) scanner = atlas_scanner_new (1);
  g_autoptr(GError) error = NULL;

  g_assert_false (atlas_scanner_add_path (scanner, "/nonexistent/folder", &error));
  g_assert_error (error, ATLAS_SCANNER_ERROR, ATLAS_SCANNER_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "/nonexistent/folder"));
}

static void
test_cancel (void)
{
  g_autofree char *dir = make_corpus (50);
  g_autoptr(AtlasScanner) scanner = atlas_scanner_new (2);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) collected = g_string_new (NULL);

  g_assert_true (atlas_scanner_add_path (scanner, dir, NULL));
  g_cancellable_cancel (cancellable);
  g_assert_false (atlas_scanner_run (scanner, collect_cb, collected, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Atlas/Scanner/same-order-any-jobs", test_same_order_any_jobs);
  g_test_add_func ("/Atlas/Scanner/walk-in-run", test_walk_in_run);
  g_test_add_func ("/Atlas/Scanner/worker-func-before-result", test_worker_func_before_result);
  g_test_add_func ("/Atlas/Scanner/notebooks-freed-by-their-worker", test_notebooks_freed_by_their_worker);
  g_test_add_func ("/Atlas/Scanner/cancel-while-walking", test_cancel_while_walking);
  g_test_add_func ("/Atlas/Scanner/missing-path", test_missing_path);
  g_test_add_func ("/Atlas/Scanner/cancel", test_cancel);

  return g_test_run ();
}

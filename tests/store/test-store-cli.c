/* test-store-cli.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <sqlite3.h>
#include <glib/gstdio.h>

#include "atlas-store.h"
#include "store-test-util.h"

/* `crash-atlas scan --db` and `export` end to end, and imports killed
 * (SIGKILL) at random moments, then reopened, checked and resumed. */

typedef struct
{
  char *dir;
  char *corpus;
  char *db;
  guint n_notebooks;
  guint n_crashes;
} Fixture;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
setup (Fixture *f,
       guint    n_notebooks,
       gsize    padding)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("atlas-store-cli-XXXXXX", &error);
  g_assert_no_error (error);
  f->corpus = g_build_filename (f->dir, "corpus", NULL);
  f->db = g_build_filename (f->dir, "corpus.crashatlas", NULL);
  f->n_notebooks = n_notebooks;
  f->n_crashes = store_test_write_corpus (f->corpus, n_notebooks, padding);
}

static void
teardown (Fixture *f)
{
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->corpus);
  g_free (f->db);
}

static void
test_round_trip (void)
{
  Fixture f = { 0 };
  g_autofree char *scanned = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *scanned_csv = NULL;
  g_autofree char *exported_csv = NULL;
  g_autofree char *report = NULL;
  g_autofree char *again = NULL;
  g_autofree char *missing = NULL;
  const char *demo = g_getenv ("CRASH_ATLAS_DEMO_DIR");

  /* Scanning one folder twice would print its records twice, and store
   * them once. */
  if (demo == NULL)
    {
      g_test_skip ("CRASH_ATLAS_DEMO_DIR is not set (meson test sets it)");
      return;
    }
  setup (&f, 80, 0);

  scanned = store_test_run (0, "scan", "--format", "jsonl", f.corpus, demo, NULL);
  report = store_test_run (0, "scan", "--db", f.db, f.corpus, demo, NULL);
  g_assert_nonnull (strstr (report, "added"));
  exported = store_test_run (0, "export", "--db", f.db, "--format", "jsonl", NULL);
  g_assert_cmpuint (strlen (scanned), >, 0);
  /* The same records in the same order: labels, evidence and clusters. */
  g_assert_cmpstr (exported, ==, scanned);

  scanned_csv = store_test_run (0, "scan", "--format", "csv", f.corpus, demo, NULL);
  exported_csv = store_test_run (0, "export", "--db", f.db, "--format", "csv", NULL);
  g_assert_cmpstr (exported_csv, ==, scanned_csv);

  /* Again: everything is skipped by content hash, nothing changes. */
  g_free (report);
  report = store_test_run (0, "scan", "--db", f.db, f.corpus, NULL);
  g_assert_nonnull (strstr (report, " 0 notebooks"));
  again = store_test_run (0, "export", "--db", f.db, NULL);
  g_assert_cmpstr (again, ==, scanned);

  /* Imported without labels, then labelled from the file alone. */
  {
    g_autofree char *unlabelled = g_build_filename (f.dir, "unlabelled.crashatlas", NULL);
    g_autofree char *relabelled = NULL;
    g_autofree char *out = NULL;

    g_free (store_test_run (0, "scan", "--no-classify", "--db", unlabelled, f.corpus, demo, NULL));
    out = store_test_run (0, "export", "--db", unlabelled, NULL);
    g_assert_cmpstr (out, !=, scanned);
    g_free (report);
    report = store_test_run (0, "scan", "--db", unlabelled, f.corpus, NULL);
    g_assert_nonnull (strstr (report, "again"));
    relabelled = store_test_run (0, "export", "--db", unlabelled, NULL);
    g_assert_cmpstr (relabelled, ==, scanned);
  }

  /* A corpus file that cannot be read: 3 (README, "Exit status"). */
  missing = g_build_filename (f.dir, "missing.crashatlas", NULL);
  g_free (store_test_run (3, "export", "--db", missing, NULL));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  teardown (&f);
}

/* The number of crash rows of each stored notebook equals what it holds,
 * and so do its cells. */
static void
assert_complete_notebooks (const char *db_path,
                           GHashTable *expected,
                           guint      *n_notebooks)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
    "SELECT location, n_crashes, n_cells,"
    " (SELECT count(*) FROM crash WHERE notebook_id = notebook.id),"
    " (SELECT count(*) FROM cell WHERE notebook_id = notebook.id)"
    " FROM notebook", -1, &stmt, NULL), ==, SQLITE_OK);
  *n_notebooks = 0;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *location = (const char *)sqlite3_column_text (stmt, 0);
      gpointer want;

      g_assert_true (g_hash_table_lookup_extended (expected, location, NULL, &want));
      g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, GPOINTER_TO_INT (want));
      g_assert_cmpint (sqlite3_column_int (stmt, 3), ==, GPOINTER_TO_INT (want));
      g_assert_cmpint (sqlite3_column_int (stmt, 4), ==, sqlite3_column_int (stmt, 2));
      (*n_notebooks)++;
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static GHashTable *
expected_crashes (Fixture *f)
{
  g_autofree char *full = g_build_filename (f->dir, "full.crashatlas", NULL);
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(AtlasCorpus) corpus = NULL;
  g_autoptr(GError) error = NULL;
  GHashTable *expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_free (store_test_run (0, "scan", "--no-classify", "--db", full, f->corpus, NULL));
  store = atlas_store_open (full, &error);
  g_assert_no_error (error);
  corpus = atlas_store_load_corpus (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (atlas_corpus_get_n_crashes (corpus), ==, f->n_crashes);
  for (guint i = 0; i < atlas_corpus_get_n_notebooks (corpus); i++)
    {
      const AtlasNotebookInfo *info = atlas_corpus_get_notebook (corpus, i);

      g_hash_table_insert (expected, g_strdup (info->location), GUINT_TO_POINTER (info->n_crashes));
    }
  return expected;
}

static GPid
spawn_scan (const char *db,
            const char *corpus)
{
  const char *argv[] = { g_getenv ("CRASH_ATLAS"), "scan", "--jobs", "2", "--db", db, corpus, NULL };
  g_autoptr(GError) error = NULL;
  GPid pid = 0;

  g_spawn_async (NULL, (char **)argv, NULL,
                 G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                 NULL, NULL, &pid, &error);
  g_assert_no_error (error);
  return pid;
}

static void
check_reopens (const char *db,
               GHashTable *expected,
               guint      *n_stored)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_open (db, &error);
  g_autoptr(AtlasCorpus) corpus = NULL;

  g_assert_no_error (error);
  g_assert_true (atlas_store_check (store, &error));
  g_assert_no_error (error);
  corpus = atlas_store_load_corpus (store, NULL, &error);
  g_assert_no_error (error);
  assert_complete_notebooks (db, expected, n_stored);
  g_assert_cmpuint (atlas_corpus_get_n_notebooks (corpus), ==, *n_stored);
}

static void
remove_db (const char *db)
{
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  g_autofree char *shm = g_strconcat (db, "-shm", NULL);

  g_unlink (db);
  g_unlink (wal);
  g_unlink (shm);
}

static void
test_kill_and_resume (void)
{
  Fixture f = { 0 };
  g_autoptr(GHashTable) expected = NULL;
  g_autoptr(GRand) rand = g_rand_new ();
  g_autofree char *scanned = NULL;
  g_autofree char *exported = NULL;
  gint64 start, duration;
  guint n_partial = 0, n_rounds = 0, last = 0;

  setup (&f, 300, 30000);
  expected = expected_crashes (&f);
  scanned = store_test_run (0, "scan", f.corpus, NULL);

  /* How long a whole import takes here, to spread the kills over it. */
  {
    g_autofree char *timing = g_build_filename (f.dir, "timing.crashatlas", NULL);

    start = g_get_monotonic_time ();
    g_setenv ("CRASH_ATLAS_STORE_BATCH", "5", TRUE);
    g_free (store_test_run (0, "scan", "--jobs", "2", "--db", timing, f.corpus, NULL));
    duration = MAX (g_get_monotonic_time () - start, 20000);
  }

  /* Small batches: many commits to be killed between. */
  g_setenv ("CRASH_ATLAS_STORE_BATCH", "5", TRUE);
  for (guint round = 0; round < 40 && n_partial < 4; round++)
    {
      GPid pid;
      guint n_stored = 0;
      int status = 0;

      if (last == f.n_notebooks)  /* a round that finished: start over */
        {
          remove_db (f.db);
          last = 0;
        }
      pid = spawn_scan (f.db, f.corpus);

      g_usleep (g_rand_int_range (rand, 0, (gint32)duration));
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_spawn_close_pid (pid);
      /* The timing run may have been luckier with the machine's load than
       * this one: kills that keep coming too early or too late move. */
      if (!g_file_test (f.db, G_FILE_TEST_EXISTS))
        {
          duration += duration / 2;
          continue;  /* killed before it created the file */
        }

      check_reopens (f.db, expected, &n_stored);
      g_assert_cmpuint (n_stored, >=, last);  /* committed notebooks stay */
      if (n_stored == f.n_notebooks && last == 0)
        duration -= duration / 4;
      else if (n_stored == 0)
        duration += duration / 2;  /* killed before the first commit */
      last = n_stored;
      n_partial += n_stored > 0 && n_stored < f.n_notebooks;
      n_rounds++;
    }
  g_test_message ("%u of %u kills left a partial import (%u notebooks stored; import %.0f ms)",
                  n_partial, n_rounds, last, duration / 1000.0);
  g_assert_cmpuint (n_partial, >, 0);

  g_unsetenv ("CRASH_ATLAS_STORE_BATCH");
  /* Resuming completes it: every crash once, the records `scan` prints. */
  g_free (store_test_run (0, "scan", "--jobs", "2", "--db", f.db, f.corpus, NULL));
  {
    guint n_stored = 0;

    check_reopens (f.db, expected, &n_stored);
    g_assert_cmpuint (n_stored, ==, f.n_notebooks);
  }
  exported = store_test_run (0, "export", "--db", f.db, NULL);
  g_assert_cmpstr (exported, ==, scanned);
  teardown (&f);
}

/* Two processes importing into one file at once. */
static void
test_two_processes (void)
{
  Fixture f = { 0 };
  g_autoptr(GHashTable) expected = NULL;
  g_autofree char *scanned = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *other = NULL;
  GPid a, b;
  int status = 0;
  guint n_stored = 0;

  setup (&f, 200, 2000);
  expected = expected_crashes (&f);
  scanned = store_test_run (0, "scan", f.corpus, NULL);

  a = spawn_scan (f.db, f.corpus);
  b = spawn_scan (f.db, f.corpus);
  g_assert_cmpint (waitpid (a, &status, 0), ==, a);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  g_assert_cmpint (waitpid (b, &status, 0), ==, b);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  g_spawn_close_pid (a);
  g_spawn_close_pid (b);

  check_reopens (f.db, expected, &n_stored);
  g_assert_cmpuint (n_stored, ==, f.n_notebooks);
  /* Every crash exactly once; the order may interleave the two imports. */
  exported = store_test_run (0, "export", "--db", f.db, NULL);
  {
    g_auto(GStrv) want = store_test_sorted_lines (scanned);
    g_auto(GStrv) got = store_test_sorted_lines (exported);
    guint n = g_strv_length (want);

    g_assert_cmpuint (g_strv_length (got), ==, n);
    g_assert_cmpuint (n, ==, f.n_crashes + 1);  /* and the empty last line */
  }
  teardown (&f);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("CRASH_ATLAS") == NULL)
    return 77;

  g_test_add_func ("/Atlas/StoreCli/round-trip", test_round_trip);
  g_test_add_func ("/Atlas/StoreCli/kill-and-resume", test_kill_and_resume);
  g_test_add_func ("/Atlas/StoreCli/two-processes", test_two_processes);

  return g_test_run ();
}

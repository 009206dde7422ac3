/* test-store-shards.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <glib/gstdio.h>

#include "atlas-store.h"
#include "store-test-util.h"

/* Issue 17, parts 2, 3 and 7 from the command line: every notebook kept
 * (copies marked, counted once on request), honest reports from processes
 * sharing a file and from a full disk, and shards filled from lists in
 * parallel and merged into what one scan gives. */

typedef struct
{
  char  *dir;
  char  *corpus;
  char  *list;        /* every notebook, one a line, copies among them */
  GPtrArray *paths;   /* the same */
  guint  n_notebooks; /* copies included */
  guint  n_copies;
} Fixture;

static void
write_list (const char *path,
            GPtrArray  *paths,
            guint       start,
            guint       end)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = start; i < end; i++)
    g_string_append_printf (text, "%s\n", (char *)paths->pdata[i]);
  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));
}

/* @n distinct notebooks, then byte-identical copies of some of them in a
 * folder of forks, listed among the others. */
static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *forks = NULL;
  guint n = GPOINTER_TO_UINT (data);

  f->dir = g_dir_make_tmp ("atlas-store-shards-XXXXXX", &error);
  g_assert_no_error (error);
  f->corpus = g_build_filename (f->dir, "corpus", NULL);
  f->list = g_build_filename (f->dir, "list.txt", NULL);
  store_test_write_corpus (f->corpus, n, 0);
  forks = g_build_filename (f->corpus, "zz-forks", NULL);  /* walked after the others */
  g_assert_cmpint (g_mkdir (forks, 0755), ==, 0);
  f->paths = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("nb-%05u.ipynb", i);

      g_ptr_array_add (f->paths, g_build_filename (f->corpus, name, NULL));
      /* A fork of every seventh notebook, listed further on. */
      if (i % 7 == 1)
        {
          g_autofree char *fork_name = g_strdup_printf ("fork-of-%05u.ipynb", i);
          g_autofree char *fork = g_build_filename (forks, fork_name, NULL);
          g_autofree char *contents = NULL;
          gsize len;

          g_assert_true (g_file_get_contents (f->paths->pdata[i], &contents, &len, NULL));
          g_assert_true (g_file_set_contents (fork, contents, len, NULL));
          g_ptr_array_insert (f->paths, MIN (f->paths->len, i + n / 3), g_strdup (fork));
          f->n_copies++;
        }
    }
  f->n_notebooks = f->paths->len;
  write_list (f->list, f->paths, 0, f->paths->len);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  store_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->corpus);
  g_free (f->list);
  g_ptr_array_unref (f->paths);
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    n += *p == '\n';
  return n;
}

static AtlasStoreCounts
counts_of (const char *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_open_full (db, ATLAS_STORE_OPEN_READ_ONLY, &error);
  AtlasStoreCounts counts;

  g_assert_no_error (error);
  g_assert_true (atlas_store_get_counts (store, &counts, &error));
  return counts;
}

/* Part 2 ------------------------------------------------------------------ */

static void
test_copies_kept (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *db = g_build_filename (f->dir, "all.crashatlas", NULL);
  g_autofree char *scanned = store_test_run (0, "scan", f->corpus, NULL);
  g_autofree char *report = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *distinct = NULL;
  g_autofree char *want = g_strdup_printf ("%u are copies of another notebook", f->n_copies);
  AtlasStoreCounts counts;

  g_assert_cmpuint (f->n_copies, >, 1);
  /* Were dropped without a word: a fork was "already stored". */
  report = store_test_run (0, "scan", "--db", db, f->corpus, NULL);
  g_test_message ("%s", report);
  g_assert_nonnull (strstr (report, want));
  counts = counts_of (db);
  g_assert_cmpuint (counts.n_notebooks, ==, f->n_notebooks);
  g_assert_cmpuint (counts.n_copies, ==, f->n_copies);
  /* Counts equal what `scan` reports, record for record. */
  exported = store_test_run (0, "export", "--db", db, NULL);
  g_assert_cmpstr (exported, ==, scanned);
  g_assert_cmpuint (counts.n_crashes, ==, count_lines (scanned));

  /* Counted once when asked: the forks' records are left out. */
  distinct = store_test_run (0, "export", "--db", db, "--distinct-content", NULL);
  g_assert_cmpuint (count_lines (distinct), ==, counts.n_crashes - counts.n_copy_crashes);
  g_assert_cmpuint (counts.n_copy_crashes, >, 0);
  g_assert_null (strstr (distinct, "fork-of-"));
  g_assert_nonnull (strstr (scanned, "fork-of-"));

  /* Charts too. */
  {
    g_autofree char *all_csv = g_build_filename (f->dir, "all.csv", NULL);
    g_autofree char *once_csv = g_build_filename (f->dir, "once.csv", NULL);
    g_autofree char *all = NULL;
    g_autofree char *once = NULL;

    g_free (store_test_run (0, "chart", "--kind", "crash-type", "-o", all_csv, f->corpus, NULL));
    g_free (store_test_run (0, "chart", "--kind", "crash-type", "--distinct-content", "-o", once_csv,
                            f->corpus, NULL));
    g_assert_true (g_file_get_contents (all_csv, &all, NULL, NULL));
    g_assert_true (g_file_get_contents (once_csv, &once, NULL, NULL));
    g_assert_cmpstr (all, !=, once);
  }

  /* Scanned again: every location is stored with its content. */
  g_free (report);
  report = store_test_run (0, "scan", "--db", db, "--distinct-content", f->corpus, NULL);
  g_assert_nonnull (strstr (report, "added 0 notebooks"));
  g_assert_nonnull (strstr (report, "each content counted once"));
}

/* Part 3 ------------------------------------------------------------------ */

static guint
added_in (const char *report)
{
  const char *p = strstr (report, ": added ");

  g_assert_nonnull (p);
  return (guint)g_ascii_strtoull (p + strlen (": added "), NULL, 10);
}

static void
test_processes_report_their_own (Fixture       *f,
                                 gconstpointer  data)
{
  g_autofree char *db = g_build_filename (f->dir, "shared.crashatlas", NULL);
  const guint n_processes = 3;
  GPid pids[3];
  int outs[3];
  guint sum = 0;

  for (guint p = 0; p < n_processes; p++)
    {
      const char *argv[] = { g_getenv ("CRASH_ATLAS"), "scan", "--jobs", "1", "--db", db, f->corpus, NULL };
      g_autoptr(GError) error = NULL;

      g_spawn_async_with_pipes (NULL, (char **)argv, NULL,
                                G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                                &pids[p], NULL, &outs[p], NULL, &error);
      g_assert_no_error (error);
    }
  for (guint p = 0; p < n_processes; p++)
    {
      g_autoptr(GIOChannel) channel = g_io_channel_unix_new (outs[p]);
      g_autofree char *report = NULL;
      int status = 0;

      g_io_channel_set_close_on_unref (channel, TRUE);
      g_io_channel_read_to_end (channel, &report, NULL, NULL);
      g_assert_cmpint (waitpid (pids[p], &status, 0), ==, pids[p]);
      g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
      g_spawn_close_pid (pids[p]);
      g_test_message ("%s", report);
      /* Was "added N" in each, N the whole folder. */
      sum += added_in (report);
    }
  g_assert_cmpuint (sum, ==, f->n_notebooks);
  g_assert_cmpuint (counts_of (db).n_notebooks, ==, f->n_notebooks);
}

static void
test_full_disk (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *db = g_build_filename (f->dir, "small.crashatlas", NULL);
  g_autofree char *roomy = g_build_filename (f->dir, "roomy.crashatlas", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *want = NULL;
  AtlasStoreCounts counts;
  int status;

  /* A file-size limit (RLIMIT_FSIZE) stands for a small disk: the import
   * stops part of the way. */
  g_setenv ("CRASH_ATLAS_STORE_BATCH", "5", TRUE);
  status = store_test_run_full (&out, &err, 160 * 1024, "scan", "--db", db, f->corpus, NULL);
  g_unsetenv ("CRASH_ATLAS_STORE_BATCH");
  g_test_message ("exit %d\n%s%s", status, out, err);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "disk is full"));
  counts = counts_of (db);
  g_assert_cmpuint (counts.n_notebooks, >, 0);
  g_assert_cmpuint (counts.n_notebooks, <, f->n_notebooks);
  /* It says what was stored, and the report agrees with the file. */
  want = g_strdup_printf ("%u before them are stored", counts.n_notebooks);
  g_assert_nonnull (strstr (err, want));
  g_assert_cmpuint (added_in (out), ==, counts.n_notebooks);

  /* With room for all of it, nothing is said of a full disk. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  status = store_test_run_full (&out, &err, 64 * 1024 * 1024, "scan", "--db", roomy, f->corpus, NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_null (strstr (err, "disk"));
  g_assert_cmpuint (added_in (out), ==, f->n_notebooks);
}

/* Part 7 ------------------------------------------------------------------ */

static void
test_files_from (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *db = g_build_filename (f->dir, "listed.crashatlas", NULL);
  g_autofree char *bad_list = g_build_filename (f->dir, "bad-list.txt", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *want = NULL;
  g_autofree char *script = NULL;

  /* A comment, a blank line, CR LF, and a path that is not there (line 4). */
  g_assert_true (g_file_get_contents (f->list, &contents, NULL, NULL));
  text = g_strdup_printf ("# shard 1\n\n%s\r\n%s/no-such.ipynb\n%s", (char *)f->paths->pdata[0],
                          f->corpus, contents);
  g_assert_true (g_file_set_contents (bad_list, text, -1, NULL));
  g_assert_cmpint (store_test_run_full (&out, &err, 0, "scan", "--db", db, "--files-from", bad_list, NULL), ==, 1);
  want = g_strdup_printf ("%s:4: ", bad_list);
  g_assert_nonnull (strstr (err, want));
  g_assert_nonnull (strstr (err, "no-such.ipynb"));
  g_assert_cmpuint (counts_of (db).n_notebooks, ==, f->n_notebooks);

  /* From standard input. */
  g_clear_pointer (&out, g_free);
  script = g_strdup_printf ("'%s' scan --files-from - < '%s'", g_getenv ("CRASH_ATLAS"), f->list);
  {
    const char *argv[] = { "sh", "-c", script, NULL };
    g_autofree char *scanned = store_test_run (0, "scan", "--files-from", f->list, NULL);
    int status = 0;

    g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                                 NULL, NULL, &out, NULL, &status, NULL));
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_assert_cmpstr (out, ==, scanned);
    g_assert_cmpuint (count_lines (scanned), >, 0);
  }
}

static GPid
spawn (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  GPid pid = 0;

  g_spawn_async (NULL, (char **)argv, NULL,
                 G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                 NULL, NULL, &pid, &error);
  g_assert_no_error (error);
  return pid;
}

static int
wait_for (GPid pid)
{
  int status = 0;

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);
  return status;
}

static void
test_shards_merged (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *merged = g_build_filename (f->dir, "merged.crashatlas", NULL);
  g_autofree char *again = g_build_filename (f->dir, "again.crashatlas", NULL);
  g_autofree char *scanned = store_test_run (0, "scan", "--files-from", f->list, NULL);
  g_autofree char *exported = NULL;
  g_autofree char *report = NULL;
  g_autoptr(GPtrArray) shards = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) merge_argv = g_ptr_array_new ();
  GPid pids[4];
  const guint n_shards = 4;
  guint n_partial = 0;

  /* Four tasks of an array job, each with its part of the list, at once. */
  for (guint s = 0; s < n_shards; s++)
    {
      g_autofree char *name = g_strdup_printf ("part-%u.txt", s);
      g_autofree char *part = g_build_filename (f->dir, name, NULL);
      char *shard = g_strdup_printf ("%s/shard-%u.crashatlas", f->dir, s);
      const char *argv[] = { g_getenv ("CRASH_ATLAS"), "scan", "--jobs", "1", "--db", shard,
                             "--files-from", part, NULL };

      write_list (part, f->paths, s * f->paths->len / n_shards, (s + 1) * f->paths->len / n_shards);
      g_ptr_array_add (shards, shard);
      pids[s] = spawn (argv);
    }
  for (guint s = 0; s < n_shards; s++)
    {
      int status = wait_for (pids[s]);

      g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
    }

  report = store_test_run (0, "merge", "--db", merged, shards->pdata[0], shards->pdata[1],
                           shards->pdata[2], shards->pdata[3], NULL);
  g_test_message ("%s", report);
  /* Record for record what one scan of the same notebooks prints: copies
   * found across shards, clusters over the whole corpus. */
  exported = store_test_run (0, "export", "--db", merged, NULL);
  g_assert_cmpstr (exported, ==, scanned);
  g_assert_cmpuint (counts_of (merged).n_copies, ==, f->n_copies);

  /* Merged again: nothing added, nothing changed. */
  g_free (report);
  report = store_test_run (0, "merge", "--db", merged, shards->pdata[0], shards->pdata[1],
                           shards->pdata[2], shards->pdata[3], NULL);
  g_assert_nonnull (strstr (report, "merged 0 notebooks"));
  g_free (exported);
  exported = store_test_run (0, "export", "--db", merged, NULL);
  g_assert_cmpstr (exported, ==, scanned);

  /* Interrupted (killed between small batches), then run again: finished,
   * no notebook twice. */
  g_ptr_array_add (merge_argv, (gpointer)g_getenv ("CRASH_ATLAS"));
  g_ptr_array_add (merge_argv, "merge");
  g_ptr_array_add (merge_argv, "--db");
  g_ptr_array_add (merge_argv, again);
  for (guint s = 0; s < n_shards; s++)
    g_ptr_array_add (merge_argv, shards->pdata[s]);
  g_ptr_array_add (merge_argv, NULL);
  g_setenv ("CRASH_ATLAS_STORE_BATCH", "3", TRUE);
  for (guint round = 0, delay = 30; round < 12 && n_partial == 0; round++, delay += 40)
    {
      g_autofree char *wal = g_strconcat (again, "-wal", NULL);
      g_autofree char *shm = g_strconcat (again, "-shm", NULL);

      g_unlink (again);
      g_unlink (wal);
      g_unlink (shm);
      GPid pid = spawn ((const char * const *)merge_argv->pdata);
      g_usleep (delay * 1000);
      kill (pid, SIGKILL);
      wait_for (pid);
      {
        /* Killed before the file had its schema: an empty file, a new one. */
        g_autoptr(AtlasStore) store = atlas_store_open_full (again, ATLAS_STORE_OPEN_READ_ONLY, NULL);
        AtlasStoreCounts counts = { 0 };

        if (store != NULL && atlas_store_get_counts (store, &counts, NULL))
          n_partial += counts.n_notebooks > 0 && counts.n_notebooks < f->n_notebooks;
      }
    }
  g_unsetenv ("CRASH_ATLAS_STORE_BATCH");
  g_test_message ("%u kills left a partial merge", n_partial);
  g_free (report);
  report = store_test_run (0, "merge", "--db", again, shards->pdata[0], shards->pdata[1],
                           shards->pdata[2], shards->pdata[3], NULL);
  g_free (exported);
  exported = store_test_run (0, "export", "--db", again, NULL);
  g_assert_cmpstr (exported, ==, scanned);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("CRASH_ATLAS") == NULL)
    return 77;

#define ADD(name, n, func) \
  g_test_add ("/Atlas/StoreShards/" name, Fixture, GUINT_TO_POINTER (n), fixture_setup, func, fixture_teardown)
  ADD ("copies-kept", 50, test_copies_kept);
  ADD ("processes-report-their-own", 150, test_processes_report_their_own);
  ADD ("full-disk", 300, test_full_disk);
  ADD ("files-from", 30, test_files_from);
  ADD ("shards-merged", 120, test_shards_merged);
#undef ADD

  return g_test_run ();
}

/* test-store.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sqlite3.h>
#include <glib/gstdio.h>

#include "atlas-classifier.h"
#include "atlas-cluster.h"
#include "atlas-crash-index.h"
#include "atlas-filter.h"
#include "atlas-notebook-reader.h"
#include "atlas-store.h"
#include "store-test-util.h"
#include "atlas-test.h"

/* Private: caps the file's size to provoke a full disk. */
void _atlas_store_set_max_page_count (AtlasStore *self, guint n_pages);
extern const char *const _atlas_store_schema_v1;

typedef struct
{
  char *dir;
  char *corpus;   /* a folder of generated notebooks */
  char *db;       /* a corpus file path that does not exist yet */
  guint n_notebooks;
  guint n_crashes;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("atlas-store-XXXXXX", &error);
  g_assert_no_error (error);
  f->corpus = g_build_filename (f->dir, "corpus", NULL);
  f->db = g_build_filename (f->dir, "corpus.crashatlas", NULL);
  f->n_notebooks = 60;
  f->n_crashes = store_test_write_corpus (f->corpus, f->n_notebooks, 0);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  atlas_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->corpus);
  g_free (f->db);
}

static AtlasNotebook *
read_generated (Fixture *f,
                guint    i)
{
  g_autofree char *name = g_strdup_printf ("nb-%05u.ipynb", i);
  g_autofree char *path = g_build_filename (f->corpus, name, NULL);
  g_autoptr(GError) error = NULL;
  AtlasNotebook *notebook = atlas_notebook_read_file (path, path, ATLAS_PLATFORM_LOCAL,
                                                      ATLAS_READ_CONTENT_HASH, &error);

  g_assert_no_error (error);
  return notebook;
}

static void
add_generated (Fixture    *f,
               AtlasStore *store,
               guint       start,
               guint       end)
{
  for (guint i = start; i < end; i++)
    {
      g_autoptr(AtlasNotebook) notebook = read_generated (f, i);

      atlas_store_add_notebook (store, notebook, "test-rules");
    }
}

static GBytes *
file_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize len = 0;

  g_file_get_contents (path, &data, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (data, len);
}

static void
exec_sql (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/* Round trip through the API ---------------------------------------------- */

static void
test_reopen (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_open (f->db, &error);
  g_autoptr(AtlasCorpus) corpus = NULL;
  g_autoptr(AtlasNotebook) original = read_generated (f, 7);
  g_autoptr(AtlasNotebook) stored = NULL;
  g_autofree char *rules = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (atlas_store_get_schema_version (store), ==, ATLAS_STORE_SCHEMA_VERSION);
  add_generated (f, store, 0, f->n_notebooks);
  g_assert_true (atlas_store_close (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (atlas_store_get_n_added (store), ==, f->n_notebooks);
  g_clear_object (&store);

  store = atlas_store_open (f->db, &error);
  g_assert_no_error (error);
  corpus = atlas_store_load_corpus (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (atlas_corpus_get_n_notebooks (corpus), ==, f->n_notebooks);
  g_assert_cmpuint (atlas_corpus_get_n_crashes (corpus), ==, f->n_crashes);
  g_assert_cmpstr (atlas_corpus_get_notebook (corpus, 7)->content_hash, ==,
                   atlas_notebook_get_content_hash (original));
  rules = atlas_store_dup_rules_version (store, &error);
  g_assert_cmpstr (rules, ==, "test-rules");

  /* The cell view's notebook, from the store alone. */
  stored = atlas_store_load_notebook (store, atlas_notebook_get_location (original), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (atlas_notebook_get_n_cells (stored), ==, atlas_notebook_get_n_cells (original));
  for (guint i = 0; i < atlas_notebook_get_n_cells (original); i++)
    {
      const AtlasCell *a = atlas_notebook_get_cell (original, i), *b = atlas_notebook_get_cell (stored, i);

      g_assert_cmpstr (a->source, ==, b->source);
      g_assert_cmpint (a->kind, ==, b->kind);
      g_assert_cmpint (a->execution_count, ==, b->execution_count);
      g_assert_cmpuint (a->n_outputs, ==, b->n_outputs);
    }
  g_assert_cmpuint (atlas_notebook_get_crashes (stored)->len, ==, atlas_notebook_get_crashes (original)->len);
  for (guint i = 0; i < atlas_notebook_get_crashes (original)->len; i++)
    {
      AtlasCrash *a = g_ptr_array_index (atlas_notebook_get_crashes (original), i);
      AtlasCrash *b = g_ptr_array_index (atlas_notebook_get_crashes (stored), i);

      g_assert_cmpstr (atlas_traceback_get_raw (atlas_crash_get_traceback (a)), ==,
                       atlas_traceback_get_raw (atlas_crash_get_traceback (b)));
      g_assert_cmpuint (atlas_crash_get_line (a), ==, atlas_crash_get_line (b));
      g_assert_cmpstr (atlas_crash_get_cell_source (a), ==, atlas_crash_get_cell_source (b));
    }
  g_assert_cmpstrv (atlas_notebook_get_packages (stored), atlas_notebook_get_packages (original));

  g_assert_null (atlas_store_load_notebook (store, "/no/such.ipynb", &error));
  g_assert_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_NOT_FOUND);
}

static void
test_save_as (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_open (f->db, &error);
  g_autoptr(AtlasStore) copy = NULL;
  g_autoptr(AtlasCorpus) corpus = NULL;
  g_autofree char *copy_path = g_build_filename (f->dir, "copy.crashatlas", NULL);

  add_generated (f, store, 0, f->n_notebooks);
  g_assert_true (atlas_store_save_as (store, copy_path, &error));
  g_assert_no_error (error);
  /* Never over an existing file. */
  g_assert_false (atlas_store_save_as (store, copy_path, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);

  copy = atlas_store_open_existing (copy_path, &error);
  g_assert_no_error (error);
  corpus = atlas_store_load_corpus (copy, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (atlas_corpus_get_n_crashes (corpus), ==, f->n_crashes);
  g_assert_true (atlas_store_check (copy, &error));
}

static void
test_dedup (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_open (f->db, &error);
  g_autoptr(AtlasStore) again = NULL;
  g_autoptr(AtlasCorpus) corpus = NULL;
  g_autoptr(GHashTable) hashes = NULL;

  add_generated (f, store, 0, 40);
  g_assert_true (atlas_store_flush (store, &error));
  g_assert_cmpuint (atlas_store_get_n_added (store), ==, 40);

  /* A second store on the same file, as a second window would. */
  again = atlas_store_open (f->db, &error);
  g_assert_no_error (error);
  hashes = atlas_store_dup_content_hashes (again, &error);
  g_assert_cmpuint (g_hash_table_size (hashes), ==, 40);
  add_generated (f, again, 20, f->n_notebooks);
  g_assert_true (atlas_store_close (again, &error));
  g_assert_cmpuint (atlas_store_get_n_added (again), ==, f->n_notebooks - 40);
  g_assert_cmpuint (atlas_store_get_n_skipped (again), ==, 20);

  corpus = atlas_store_load_corpus (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (atlas_corpus_get_n_notebooks (corpus), ==, f->n_notebooks);
  g_assert_cmpuint (atlas_corpus_get_n_crashes (corpus), ==, f->n_crashes);
  g_assert_true (atlas_store_check (store, &error));
}

/* Issue 17: what the app keeps in the file, and what Save As writes ------- */

static void
copy_file (const char *from,
           const char *to)
{
  g_autoptr(GBytes) bytes = file_bytes (from);

  g_assert_true (g_file_set_contents (to, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
}

static void
test_file_alone (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_open (f->db, &error);
  g_autoptr(AtlasStore) copy = NULL;
  g_autoptr(AtlasCorpus) corpus = NULL;
  g_autofree char *copy_path = g_build_filename (f->dir, "copied-alone.crashatlas", NULL);

  /* The app has imported and is still running (or crashed): its file is
   * copied without its -wal. Was: every crash in the log, none in the file. */
  add_generated (f, store, 0, f->n_notebooks);
  g_assert_true (atlas_store_flush (store, &error));
  copy_file (f->db, copy_path);
  copy = atlas_store_open_existing (copy_path, &error);
  g_assert_no_error (error);
  corpus = atlas_store_load_corpus (copy, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (atlas_corpus_get_n_notebooks (corpus), ==, f->n_notebooks);
  g_assert_cmpuint (atlas_corpus_get_n_crashes (corpus), ==, f->n_crashes);
}

static AtlasNotebook *
read_copy (Fixture    *f,
           guint       i,
           const char *name)
{
  g_autofree char *from = g_strdup_printf ("%s/nb-%05u.ipynb", f->corpus, i);
  g_autofree char *to = g_build_filename (f->corpus, name, NULL);
  g_autoptr(GError) error = NULL;
  AtlasNotebook *notebook;

  copy_file (from, to);
  notebook = atlas_notebook_read_file (to, to, ATLAS_PLATFORM_LOCAL, ATLAS_READ_CONTENT_HASH, &error);
  g_assert_no_error (error);
  return notebook;
}

static void
test_save_as_everything (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_open (f->db, &error);
  g_autoptr(AtlasStore) saved = NULL;
  g_autoptr(AtlasCorpus) corpus = NULL;
  g_autofree char *saved_path = g_build_filename (f->dir, "saved.crashatlas", NULL);
  g_autofree char *alone_path = g_build_filename (f->dir, "alone.crashatlas", NULL);
  g_autofree char *wal = g_strconcat (saved_path, "-wal", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GBytes) bytes = NULL;
  AtlasStoreCounts counts;
  guint n_copy_crashes = 0;

  add_generated (f, store, 0, f->n_notebooks);
  /* Forks: byte-identical notebooks at other locations. Were dropped. */
  for (guint i = 1; i <= 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("fork-%u.ipynb", i);
      g_autoptr(AtlasNotebook) fork = read_copy (f, i, name);

      n_copy_crashes += atlas_notebook_get_crashes (fork)->len;
      atlas_store_add_notebook (store, fork, "test-rules");
    }
  g_assert_true (atlas_store_save_as (store, saved_path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (atlas_store_get_n_copies (store), ==, 3);

  /* Self-contained: a rollback-journal file, no log beside it. */
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  bytes = file_bytes (saved_path);
  g_assert_cmpint (((const guint8 *)g_bytes_get_data (bytes, NULL))[18], ==, 1);
  copy_file (saved_path, alone_path);

  saved = atlas_store_open_full (alone_path, ATLAS_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  corpus = atlas_store_load_corpus (saved, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (atlas_corpus_get_n_notebooks (corpus), ==, f->n_notebooks + 3);
  g_assert_cmpuint (atlas_corpus_get_n_crashes (corpus), ==, f->n_crashes + n_copy_crashes);
  g_assert_nonnull (atlas_corpus_get_notebook (corpus, f->n_notebooks)->duplicate_of);
  g_assert_null (atlas_corpus_get_notebook (corpus, 0)->duplicate_of);

  /* "Count copies once": the app's filter leaves the copies' crashes out,
   * through the index the charts and the list use, and only when asked. */
  {
    g_autoptr(AtlasFilter) filter = atlas_filter_new ();
    g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (guint));
    AtlasCrashIndex *index = _atlas_crash_index_get (corpus);
    guint n_matching = 0;

    g_assert_false (atlas_filter_get_distinct_content (filter));
    _atlas_crash_index_select (index, filter, 0, index->n, positions);
    g_assert_cmpuint (positions->len, ==, f->n_crashes + n_copy_crashes);
    atlas_filter_set_distinct_content (filter, TRUE);
    g_assert_false (atlas_filter_is_empty (filter));
    g_array_set_size (positions, 0);
    _atlas_crash_index_select (index, filter, 0, index->n, positions);
    g_assert_cmpuint (positions->len, ==, f->n_crashes);
    for (guint i = 0; i < atlas_corpus_get_n_crashes (corpus); i++)
      n_matching += atlas_filter_matches (filter, atlas_corpus_get_crash (corpus, i));
    g_assert_cmpuint (n_matching, ==, f->n_crashes);
    atlas_filter_clear (filter);
    g_assert_true (atlas_filter_is_empty (filter));
  }

  /* What Save As says it wrote. */
  g_assert_true (atlas_store_get_counts (saved, &counts, &error));
  g_assert_cmpuint (counts.n_notebooks, ==, f->n_notebooks + 3);
  g_assert_cmpuint (counts.n_copies, ==, 3);
  g_assert_cmpuint (counts.n_copy_crashes, ==, n_copy_crashes);
  text = atlas_store_counts_describe (&counts);
  g_assert_nonnull (strstr (text, "63 notebooks"));
  g_assert_nonnull (strstr (text, "3 are copies of another notebook"));

  /* A copy's cells are its first notebook's, at its own location. */
  {
    g_autofree char *location = g_build_filename (f->corpus, "fork-2.ipynb", NULL);
    g_autoptr(AtlasNotebook) fork = atlas_store_load_notebook (saved, location, &error);
    g_autoptr(AtlasNotebook) first = read_generated (f, 2);

    g_assert_no_error (error);
    g_assert_cmpstr (atlas_notebook_get_location (fork), ==, location);
    g_assert_cmpuint (atlas_notebook_get_n_cells (fork), ==, atlas_notebook_get_n_cells (first));
    g_assert_cmpuint (atlas_notebook_get_crashes (fork)->len, ==, atlas_notebook_get_crashes (first)->len);
  }
}

static void
test_save_as_damaged (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_open (f->db, &error);
  g_autofree char *saved_path = g_build_filename (f->dir, "saved.crashatlas", NULL);
  sqlite3 *db = NULL;

  add_generated (f, store, 0, f->n_notebooks);
  g_assert_true (atlas_store_flush (store, &error));
  /* An index that disagrees with its table: only integrity_check sees it. */
  g_assert_cmpint (sqlite3_open (f->db, &db), ==, SQLITE_OK);
  exec_sql (db, "PRAGMA writable_schema=ON;"
                "UPDATE sqlite_master SET sql = 'CREATE INDEX notebook_location ON notebook (url)'"
                " WHERE name = 'notebook_location';");
  sqlite3_close (db);
  g_clear_object (&store);
  store = atlas_store_open_full (f->db, ATLAS_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_false (atlas_store_save_as (store, saved_path, &error));
  g_assert_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_CORRUPT);
  g_assert_false (g_file_test (saved_path, G_FILE_TEST_EXISTS));
}

/* Schema ------------------------------------------------------------------ */


/* A file as the first version of Crash Atlas wrote it. */
static void
write_v1_file (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  exec_sql (db, _atlas_store_schema_v1);
  exec_sql (db, "PRAGMA application_id=1131561332; PRAGMA user_version=1;");
  exec_sql (db,
    "INSERT INTO notebook VALUES (1, 'old.ipynb', NULL, 'kaggle', 0, NULL, 'abc', 1234, 1700000000,"
    " 4, 5, 'python', 0, 'numpy pandas', 2, 1);"
    "INSERT INTO cell VALUES (1, 0, 0, 'import pandas as pd', 1, 0, 0);"
    "INSERT INTO cell VALUES (1, 1, 0, 'pd.read_csv(\"x.csv\")', 2, 1, 1);"
    "INSERT INTO crash VALUES (1, 1, 0, 1, 2, 'FileNotFoundError', 'No such file: x.csv',"
    " 1, 'FNAME', 'DATA', NULL, 'PY', 'DATAP', 'pandas', 'e1', 'e2', 'e3', 'e4', 'e5', 0);"
    "INSERT INTO crash_traceback VALUES (1, 'FileNotFoundError: No such file: x.csv');");
  sqlite3_close (db);
}

static void
test_migration_v1 (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(AtlasCorpus) corpus = NULL;
  g_autoptr(AtlasNotebook) notebook = NULL;
  AtlasCrash *crash;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  write_v1_file (f->db);
  store = atlas_store_open (f->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (atlas_store_get_schema_version (store), ==, ATLAS_STORE_SCHEMA_VERSION);

  corpus = atlas_store_load_corpus (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (atlas_corpus_get_n_crashes (corpus), ==, 1);
  crash = atlas_corpus_get_crash (corpus, 0);
  g_assert_cmpstr (atlas_crash_get_location (crash), ==, "old.ipynb");
  g_assert_cmpint (atlas_crash_get_platform (crash), ==, ATLAS_PLATFORM_KAGGLE);
  g_assert_cmpstr (atlas_crash_get_label_id (crash, ATLAS_DIMENSION_CRASH_TYPE), ==, "FNAME");
  g_assert_cmpstr (atlas_crash_get_label_id (crash, ATLAS_DIMENSION_LIBRARY), ==, "pandas");
  g_assert_cmpint (atlas_crash_get_cluster (crash), ==, 0);
  g_assert_cmpstrv (atlas_corpus_get_notebook (corpus, 0)->packages,
                    ((const char *[]) { "numpy", "pandas", NULL }));

  notebook = atlas_store_load_notebook (store, "old.ipynb", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (atlas_notebook_get_n_cells (notebook), ==, 2);
  g_assert_cmpuint (atlas_notebook_get_crashes (notebook)->len, ==, 1);
  g_assert_cmpstr (atlas_traceback_get_raw (atlas_crash_get_traceback (
                     g_ptr_array_index (atlas_notebook_get_crashes (notebook), 0))), ==,
                   "FileNotFoundError: No such file: x.csv");

  /* What version 2 added is there, and new rows can use it. */
  g_assert_cmpint (sqlite3_open (f->db, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT rules_version FROM crash", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_type (stmt, 0), ==, SQLITE_NULL);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM sqlite_master WHERE name = 'notebook_location'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  add_generated (f, store, 0, 5);
  g_assert_true (atlas_store_close (store, &error));
  g_assert_no_error (error);
  g_assert_true (atlas_store_check (store, &error));
}

/* Files that are not corpora ---------------------------------------------- */

static void
assert_refused (const char *path,
                int         code)
{
  g_autoptr(GBytes) before = file_bytes (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_open (path, &error);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  g_assert_null (store);
  g_assert_error (error, ATLAS_STORE_ERROR, code);
  g_assert_nonnull (strstr (error->message, path));  /* the message names the file */
  after = file_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
write_sqlite (const char *path,
              const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  exec_sql (db, sql);
  sqlite3_close (db);
}

static void
test_foreign_files (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *random_path = g_build_filename (f->dir, "random.db", NULL);
  g_autofree char *text_path = g_build_filename (f->dir, "notes.txt", NULL);
  g_autofree char *other_path = g_build_filename (f->dir, "other-app.sqlite", NULL);
  g_autofree char *plain_path = g_build_filename (f->dir, "plain.sqlite", NULL);
  g_autofree char *newer_path = g_build_filename (f->dir, "newer.crashatlas", NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  guint8 random_bytes[8192];

  for (guint i = 0; i < sizeof random_bytes; i++)
    random_bytes[i] = g_rand_int_range (rand, 0, 256);
  g_assert_true (g_file_set_contents (random_path, (char *)random_bytes, sizeof random_bytes, NULL));
  g_assert_true (g_file_set_contents (text_path, "Shopping list\n- milk\n- notebooks\n", -1, NULL));
  write_sqlite (other_path, "PRAGMA application_id=1234; CREATE TABLE songs (title TEXT);"
                            "INSERT INTO songs VALUES ('x');");
  write_sqlite (plain_path, "CREATE TABLE notebook (id INTEGER);");
  write_sqlite (newer_path, "PRAGMA application_id=1131561332; PRAGMA user_version=99;"
                            "CREATE TABLE future (x);");

  assert_refused (random_path, ATLAS_STORE_ERROR_NOT_A_CORPUS);
  assert_refused (text_path, ATLAS_STORE_ERROR_NOT_A_CORPUS);
  assert_refused (other_path, ATLAS_STORE_ERROR_NOT_A_CORPUS);
  assert_refused (plain_path, ATLAS_STORE_ERROR_NOT_A_CORPUS);
  assert_refused (newer_path, ATLAS_STORE_ERROR_TOO_NEW);
}

static void
test_damaged_corpus (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_open (f->db, &error);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autofree char *data_copy = NULL;
  gsize len;

  add_generated (f, store, 0, f->n_notebooks);
  g_assert_true (atlas_store_close (store, &error));
  g_clear_object (&store);  /* checkpoints the WAL into the file */

  /* Scribble over every page after the first (the header stays valid). */
  bytes = file_bytes (f->db);
  len = g_bytes_get_size (bytes);
  data_copy = g_memdup2 (g_bytes_get_data (bytes, NULL), len);
  g_assert_cmpuint (len, >, 8 * 4096);
  for (gsize i = 4096; i < len; i++)
    data_copy[i] = g_rand_int_range (rand, 0, 256);
  g_assert_true (g_file_set_contents (f->db, data_copy, len, NULL));

  assert_refused (f->db, ATLAS_STORE_ERROR_CORRUPT);
}

/* Reading while writing ----------------------------------------------------- */

typedef struct
{
  Fixture    *f;
  AtlasStore *store;
  gint        done;
} WriteJob;

static gpointer
write_thread (gpointer data)
{
  WriteJob *job = data;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < job->f->n_notebooks; i += 5)
    {
      add_generated (job->f, job->store, i, MIN (i + 5, job->f->n_notebooks));
      g_assert_true (atlas_store_flush (job->store, &error));  /* a commit per 5 */
    }
  g_atomic_int_set (&job->done, 1);
  return NULL;
}

/* Every notebook of a snapshot has all its crashes. */
static void
assert_consistent (AtlasCorpus *corpus)
{
  guint next = 0;

  for (guint n = 0; n < atlas_corpus_get_n_notebooks (corpus); n++)
    {
      const AtlasNotebookInfo *info = atlas_corpus_get_notebook (corpus, n);

      for (guint i = 0; i < info->n_crashes; i++)
        g_assert_cmpstr (atlas_crash_get_location (atlas_corpus_get_crash (corpus, next++)), ==,
                         info->location);
    }
  g_assert_cmpuint (next, ==, atlas_corpus_get_n_crashes (corpus));
}

static void
test_read_during_write (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) writer = atlas_store_open (f->db, &error);
  g_autoptr(AtlasStore) reader = atlas_store_open (f->db, &error);
  WriteJob job = { f, writer, 0 };
  GThread *thread;
  guint last = 0, n_reads = 0, n_partial = 0;

  thread = g_thread_new ("writes", write_thread, &job);
  while (!g_atomic_int_get (&job.done) || n_reads == 0)
    {
      g_autoptr(AtlasCorpus) corpus = atlas_store_load_corpus (reader, NULL, &error);

      g_assert_no_error (error);
      assert_consistent (corpus);
      g_assert_cmpuint (atlas_corpus_get_n_notebooks (corpus), >=, last);
      last = atlas_corpus_get_n_notebooks (corpus);
      n_partial += last > 0 && last < f->n_notebooks;
      n_reads++;
    }
  g_thread_join (thread);
  g_test_message ("%u reads, %u of them during the import", n_reads, n_partial);

  {
    g_autoptr(AtlasCorpus) corpus = atlas_store_load_corpus (reader, NULL, &error);

    g_assert_cmpuint (atlas_corpus_get_n_crashes (corpus), ==, f->n_crashes);
  }
}

static void
load_async_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  AtlasCorpus **corpus = user_data;
  g_autoptr(GError) error = NULL;

  *corpus = atlas_store_load_corpus_finish (ATLAS_STORE (object), result, &error);
  g_assert_no_error (error);
}

static void
test_load_async (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_open (f->db, &error);
  g_autoptr(AtlasCorpus) corpus = NULL;

  add_generated (f, store, 0, f->n_notebooks);
  g_assert_true (atlas_store_flush (store, &error));
  atlas_store_load_corpus_async (store, NULL, load_async_cb, &corpus);
  while (corpus == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (atlas_corpus_get_n_crashes (corpus), ==, f->n_crashes);
}

/* A full disk ---------------------------------------------------------------- */

static guint
page_count (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint n;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA page_count", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static void
test_disk_full (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_open (f->db, &error);
  g_autoptr(AtlasStore) reopened = NULL;
  g_autoptr(AtlasCorpus) corpus = NULL;
  g_autofree char *not_stored = NULL;
  g_autofree char *stored = NULL;
  guint n_added;

  add_generated (f, store, 0, 10);
  g_assert_true (atlas_store_flush (store, &error));
  g_assert_cmpuint (atlas_store_get_n_added (store), ==, 10);

  /* The file may not grow more than two pages: the next notebooks need more. */
  _atlas_store_set_max_page_count (store, page_count (f->db) + 2);
  add_generated (f, store, 10, f->n_notebooks);
  g_assert_false (atlas_store_close (store, &error));
  g_assert_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_DISK_FULL);
  g_assert_nonnull (strstr (error->message, f->db));
  /* It says what was not stored, and what was: the batches that fitted in
   * the two pages (how many depends on how the writer thread batched them)
   * and nothing after the first that did not. */
  n_added = atlas_store_get_n_added (store);
  g_assert_cmpuint (n_added, >=, 10);
  g_assert_cmpuint (n_added, <, f->n_notebooks);
  g_assert_cmpuint (atlas_store_get_n_not_stored (store), ==, f->n_notebooks - n_added);
  not_stored = g_strdup_printf (f->n_notebooks - n_added == 1 ? "%u notebook could not be stored"
                                                              : "%u notebooks could not be stored",
                                f->n_notebooks - n_added);
  stored = g_strdup_printf ("%u before them are stored", n_added);
  g_assert_nonnull (strstr (error->message, not_stored));
  g_assert_nonnull (strstr (error->message, stored));
  g_clear_error (&error);
  g_clear_object (&store);

  reopened = atlas_store_open (f->db, &error);
  g_assert_no_error (error);
  g_assert_true (atlas_store_check (reopened, &error));
  corpus = atlas_store_load_corpus (reopened, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (atlas_corpus_get_n_notebooks (corpus), ==, n_added);
  assert_consistent (corpus);
}

/* Labels and clusters from the store ------------------------------------------ */

static GPtrArray *
read_demo (gboolean classify)
{
  const char *demo = g_getenv ("CRASH_ATLAS_DEMO_DIR");
  g_autoptr(AtlasClassifier) classifier = atlas_classifier_new ();
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *notebooks = g_ptr_array_new_with_free_func (g_object_unref);
  const char *platforms[] = { "github", "kaggle" };

  for (guint p = 0; p < G_N_ELEMENTS (platforms); p++)
    {
      g_autofree char *dir_path = g_build_filename (demo, platforms[p], NULL);
      g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        if (g_str_has_suffix (name, ".ipynb"))
          g_ptr_array_add (paths, g_build_filename (dir_path, name, NULL));
    }
  for (guint i = 0; i < paths->len; i++)
    {
      AtlasNotebook *notebook = atlas_notebook_read_file (paths->pdata[i], paths->pdata[i],
                                                          ATLAS_PLATFORM_LOCAL,
                                                          ATLAS_READ_CONTENT_HASH, NULL);
      if (notebook == NULL)
        continue;
      if (classify)
        atlas_classifier_classify_notebook (classifier, notebook);
      g_ptr_array_add (notebooks, notebook);
    }
  return notebooks;
}

static void
test_reclassify (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_open (f->db, &error);
  g_autoptr(AtlasClassifier) classifier = atlas_classifier_new ();
  g_autoptr(GPtrArray) unlabelled = NULL;
  g_autoptr(GPtrArray) labelled = NULL;
  g_autoptr(AtlasCorpus) corpus = NULL;
  g_autofree char *rules = NULL;
  guint next = 0, n_labelled = 0, n_relabelled = 0;

  if (g_getenv ("CRASH_ATLAS_DEMO_DIR") == NULL)
    {
      g_test_skip ("no demo corpus");
      return;
    }
  unlabelled = read_demo (FALSE);
  labelled = read_demo (TRUE);
  g_assert_cmpuint (unlabelled->len, >, 10);
  for (guint i = 0; i < unlabelled->len; i++)
    atlas_store_add_notebook (store, unlabelled->pdata[i], NULL);
  g_assert_true (atlas_store_flush (store, &error));

  /* Labels from stored cells and tracebacks equal labels from the files. */
  g_assert_true (atlas_store_reclassify (store, classifier, &n_relabelled, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_relabelled, >, 10);
  /* Nothing is stale any more. */
  g_assert_true (atlas_store_reclassify (store, classifier, &n_relabelled, NULL, &error));
  g_assert_cmpuint (n_relabelled, ==, 0);
  rules = atlas_store_dup_rules_version (store, &error);
  g_assert_cmpstr (rules, ==, atlas_classifier_get_rules_version (classifier));
  corpus = atlas_store_load_corpus (store, NULL, &error);
  g_assert_no_error (error);
  for (guint n = 0; n < labelled->len; n++)
    {
      GPtrArray *crashes = atlas_notebook_get_crashes (labelled->pdata[n]);

      for (guint i = 0; i < crashes->len; i++)
        {
          AtlasCrash *want = g_ptr_array_index (crashes, i);
          AtlasCrash *got = atlas_corpus_get_crash (corpus, next++);

          for (guint d = 0; d < ATLAS_N_DIMENSIONS; d++)
            {
              g_assert_cmpstr (atlas_crash_get_label_id (got, d), ==, atlas_crash_get_label_id (want, d));
              g_assert_cmpstr (atlas_crash_get_classification (got)->evidence[d], ==,
                               atlas_crash_get_classification (want)->evidence[d]);
            }
          n_labelled += atlas_crash_get_label_id (got, ATLAS_DIMENSION_CRASH_TYPE) != NULL;
        }
    }
  g_assert_cmpuint (next, ==, atlas_corpus_get_n_crashes (corpus));
  g_assert_cmpuint (n_labelled, ==, next);
}

static void
test_clusters (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_open (f->db, &error);
  g_autoptr(AtlasCorpus) corpus = NULL;
  g_autofree const char **messages = g_new0 (const char *, f->n_crashes + 1);
  g_autofree guint *want = NULL;
  guint n_clusters;

  add_generated (f, store, 0, f->n_notebooks);
  g_assert_true (atlas_store_flush (store, &error));
  g_assert_true (atlas_store_update_clusters (store, &error));
  g_assert_no_error (error);
  corpus = atlas_store_load_corpus (store, NULL, &error);
  for (guint i = 0; i < atlas_corpus_get_n_crashes (corpus); i++)
    messages[i] = atlas_crash_get_evalue (atlas_corpus_get_crash (corpus, i));
  want = atlas_cluster_messages (messages, f->n_crashes, &n_clusters);
  g_assert_cmpuint (n_clusters, >, 1);
  for (guint i = 0; i < atlas_corpus_get_n_crashes (corpus); i++)
    g_assert_cmpint (atlas_crash_get_cluster (atlas_corpus_get_crash (corpus, i)), ==, (int)want[i]);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add ("/Atlas/Store/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("reopen", test_reopen);
  ADD ("dedup", test_dedup);
  ADD ("save-as", test_save_as);
  ADD ("file-alone", test_file_alone);
  ADD ("save-as-everything", test_save_as_everything);
  ADD ("save-as-damaged", test_save_as_damaged);
  ADD ("migration-v1", test_migration_v1);
  ADD ("foreign-files", test_foreign_files);
  ADD ("damaged-corpus", test_damaged_corpus);
  ADD ("read-during-write", test_read_during_write);
  ADD ("load-async", test_load_async);
  ADD ("disk-full", test_disk_full);
  ADD ("reclassify", test_reclassify);
  ADD ("clusters", test_clusters);
#undef ADD

  return g_test_run ();
}

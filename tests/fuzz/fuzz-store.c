/* fuzz-store.c — the corpus file as untrusted input
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <sqlite3.h>
#include <glib/gstdio.h>

#include "atlas-classifier.h"
#include "atlas-crash-writer.h"
#include "atlas-notebook-reader.h"
#include "atlas-store.h"

/* Each input is a program of mutations applied to a valid corpus file (made
 * once at start: notebooks with crashes, cells, tracebacks and a copy):
 * values of any type written into any column of any row, rows deleted or
 * added, tables dropped, schema fields changed, bytes of raw pages
 * overwritten, the file cut short. Then the file is opened as `export`
 * opens it (rescue), loaded, written out as JSON Lines, each notebook
 * rebuilt as the cell view does; then opened for writing, a notebook
 * imported, clusters and labels redone, as `scan --db` does. Nothing of
 * that may crash, assert or leak; errors are fine.
 *
 * Built with libFuzzer (clang, -Dfuzzing=true) it is a fuzz target; with
 * gcc it is a driver of its own: `fuzz-store [-time=S] [-seed=N] SEED…`
 * runs each seed, then random programs (and seeds mutated) for S seconds. */

static char *base_path;      /* the valid corpus file */
static char *work_dir;
static AtlasClassifier *classifier;

static const char *const tables[] = { "notebook", "cell", "crash", "crash_traceback", "meta" };
static const char *const columns[][21] = {
  { "id", "location", "url", "platform", "status", "message", "content_hash", "size", "imported_at",
    "nbformat", "nbformat_minor", "language", "papermill", "packages", "n_cells", "n_crashes",
    "duplicate_of", NULL },
  { "notebook_id", "idx", "kind", "source", "execution_count", "n_outputs", "flags", NULL },
  { "id", "notebook_id", "seq", "cell", "execution_count", "ename", "evalue", "line", "crash_type",
    "root_cause", "root_cause_detail", "ml_bug", "stage", "library", "evidence_crash_type",
    "evidence_root_cause", "evidence_ml_bug", "evidence_stage", "evidence_library", "cluster",
    "rules_version" },
  { "crash_id", "raw", NULL },
  { "key", "value", NULL },
};

static const char *const notebook_json =
  "{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {}, \"cells\": ["
  "{\"cell_type\": \"code\", \"execution_count\": 1, \"metadata\": {},"
  " \"source\": \"import pandas as pd\\ndf = pd.read_csv('x.csv')\","
  " \"outputs\": [{\"output_type\": \"error\", \"ename\": \"FileNotFoundError\","
  " \"evalue\": \"[Errno 2] No such file or directory: 'x.csv'\", \"traceback\": ["
  "\"---------------------------------------------------------------------------\","
  "\"FileNotFoundError                         Traceback (most recent call last)\","
  "\"Cell In[1], line 2\\n      1 import pandas as pd\\n----> 2 df = pd.read_csv('x.csv')\","
  "\"FileNotFoundError: [Errno 2] No such file or directory: 'x.csv'\"]}]},"
  "{\"cell_type\": \"code\", \"execution_count\": 2, \"metadata\": {}, \"source\": \"model.fit(X, y)\","
  " \"outputs\": [{\"output_type\": \"error\", \"ename\": \"NameError\","
  " \"evalue\": \"name 'model' is not defined\", \"traceback\": [\"NameError: name 'model' is not defined\"]}]},"
  "{\"cell_type\": \"markdown\", \"metadata\": {}, \"source\": \"# Notes %u\"}]}";

static AtlasNotebook *
make_notebook (guint        n,
               const char  *location)
{
  g_autofree char *json = g_strdup_printf (notebook_json, n);
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  AtlasNotebook *notebook = atlas_notebook_read_bytes (bytes, location, ATLAS_PLATFORM_KAGGLE,
                                                       ATLAS_READ_CONTENT_HASH, NULL);

  g_assert (notebook != NULL);
  atlas_classifier_classify_notebook (classifier, notebook);
  return notebook;
}

static void
make_base (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = NULL;

  base_path = g_build_filename (work_dir, "base.crashatlas", NULL);
  store = atlas_store_open (base_path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *location = g_strdup_printf ("nb-%u.ipynb", i);
      /* The last one is a copy of the first. */
      g_autoptr(AtlasNotebook) notebook = make_notebook (i == 5 ? 0 : i, location);

      atlas_store_add_notebook (store, notebook, atlas_classifier_get_rules_version (classifier));
    }
  g_assert (atlas_store_close (store, &error));
  g_assert (atlas_store_update_clusters (store, &error));
  g_clear_object (&store);
  g_assert (atlas_store_make_self_contained (base_path, &error));
}

/* The program ------------------------------------------------------------ */

typedef struct
{
  const guint8 *data;
  gsize         size;
  gsize         pos;
} Input;

static guint
take (Input *in)
{
  return in->pos < in->size ? in->data[in->pos++] : 0;
}

static guint32
take32 (Input *in)
{
  guint32 v = 0;

  for (guint i = 0; i < 4; i++)
    v = v << 8 | take (in);
  return v;
}

static void
bind_value (sqlite3_stmt *stmt,
            int           col,
            Input        *in)
{
  static const gint64 special[] = { 0, -1, 1, 2, 3, 4, 5, 99, 255, 256, 65536, G_MAXINT32, G_MININT32,
                                    (gint64)G_MAXUINT32, (gint64)G_MAXUINT32 + 1, G_MAXINT64, G_MININT64 };
  guint kind = take (in) % 6;
  guint len;
  char text[64];

  switch (kind)
    {
    case 0:
      sqlite3_bind_null (stmt, col);
      break;
    case 1:
      sqlite3_bind_int64 (stmt, col, special[take (in) % G_N_ELEMENTS (special)]);
      break;
    case 2:
      sqlite3_bind_int64 (stmt, col, (gint32)take32 (in));
      break;
    case 3:
      sqlite3_bind_double (stmt, col, (double)(gint32)take32 (in) / 7.0);
      break;
    case 4:  /* text, maybe not UTF-8, maybe with a NUL */
    case 5:  /* or the same bytes as a blob */
      len = take (in) % sizeof text;
      for (guint i = 0; i < len; i++)
        text[i] = (char)take (in);
      if (kind == 4)
        sqlite3_bind_text (stmt, col, text, len, SQLITE_TRANSIENT);
      else
        sqlite3_bind_blob (stmt, col, text, len, SQLITE_TRANSIENT);
      break;
    }
}

static void
exec_bound (sqlite3    *db,
            const char *sql,
            Input      *in,
            guint       n_values,
            gint64      offset)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return;
  for (guint i = 1; i <= n_values; i++)
    bind_value (stmt, i, in);
  sqlite3_bind_int64 (stmt, n_values + 1, offset);
  sqlite3_step (stmt);
  sqlite3_finalize (stmt);
}

static guint
n_columns (guint table)
{
  guint n = 0;

  while (n < G_N_ELEMENTS (columns[0]) && columns[table][n] != NULL)
    n++;
  return n;
}

/* SQL-level mutations: what a hand edit or another program could do. */
static void
mutate_rows (const char *path,
             Input      *in,
             guint       n_ops)
{
  sqlite3 *db = NULL;

  if (sqlite3_open (path, &db) != SQLITE_OK)
    {
      sqlite3_close (db);
      return;
    }
  sqlite3_exec (db, "PRAGMA foreign_keys=OFF", NULL, NULL, NULL);
  for (guint op = 0; op < n_ops && in->pos < in->size; op++)
    {
      guint table = take (in) % G_N_ELEMENTS (tables);
      const char *column = columns[table][take (in) % n_columns (table)];
      gint64 row = take (in) % 24;
      g_autofree char *sql = NULL;

      switch (take (in) % 8)
        {
        case 0: case 1: case 2: case 3:  /* a value of any type in any cell */
          sql = g_strdup_printf ("UPDATE %s SET %s = ? WHERE rowid = (SELECT rowid FROM %s LIMIT 1 OFFSET ?)",
                                 tables[table], column, tables[table]);
          if (table == 1)  /* WITHOUT ROWID */
            sql = (g_free (sql), g_strdup_printf ("UPDATE cell SET %s = ? WHERE (notebook_id, idx) ="
                                                  " (SELECT notebook_id, idx FROM cell LIMIT 1 OFFSET ?)",
                                                  column));
          exec_bound (db, sql, in, 1, row);
          break;
        case 4:
          sql = g_strdup_printf (table == 1 ? "DELETE FROM cell WHERE (notebook_id, idx) ="
                                              " (SELECT notebook_id, idx FROM cell LIMIT 1 OFFSET ?)"
                                            : "DELETE FROM %s WHERE rowid = (SELECT rowid FROM %s LIMIT 1 OFFSET ?)",
                                 tables[table], tables[table]);
          exec_bound (db, sql, in, 0, row);
          break;
        case 5:  /* a copy of a row with one value changed */
          sql = g_strdup_printf ("INSERT OR IGNORE INTO %s SELECT * FROM %s LIMIT 1 OFFSET ?",
                                 tables[table], tables[table]);
          exec_bound (db, sql, in, 0, row);
          sql = (g_free (sql), g_strdup_printf ("UPDATE %s SET %s = ? WHERE rowid = (SELECT max(rowid) FROM %s) AND ? IS NOT NULL",
                                                tables[table], column, tables[table]));
          if (table != 1)
            exec_bound (db, sql, in, 1, 1);
          break;
        case 6:
          switch (take (in) % 6)
            {
            case 0:
              sql = g_strdup_printf ("DROP TABLE %s", tables[table]);
              break;
            case 1:
              sql = g_strdup_printf ("ALTER TABLE %s DROP COLUMN %s", tables[table], column);
              break;
            case 2:
              sql = g_strdup_printf ("PRAGMA user_version=%d", (int)(take (in) % 6) - 1);
              break;
            case 3:
              sql = g_strdup_printf ("PRAGMA application_id=%d", take (in) % 2 ? 0 : 1131561332);
              break;
            case 4:
              sql = g_strdup ("DROP INDEX notebook_location");
              break;
            default:
              sql = g_strdup_printf ("ALTER TABLE %s RENAME TO gone", tables[table]);
            }
          sqlite3_exec (db, sql, NULL, NULL, NULL);
          break;
        default:
          /* A journal mode of its own, a log left beside the file. */
          sqlite3_exec (db, take (in) % 2 ? "PRAGMA journal_mode=WAL" : "PRAGMA journal_mode=DELETE",
                        NULL, NULL, NULL);
        }
    }
  sqlite3_close (db);
}

/* Byte-level mutations: damage SQLite may or may not detect. */
static void
mutate_bytes (const char *path,
              Input      *in,
              guint       n_ops)
{
  g_autofree char *contents = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &contents, &len, NULL) || len == 0)
    return;
  for (guint op = 0; op < n_ops && in->pos < in->size; op++)
    {
      guint what = take (in) % 8;
      gsize page = (take (in) << 8 | take (in)) % MAX (len / 4096, 1);
      gsize at = MIN (page * 4096 + (take (in) << 8 | take (in)) % 4096, len - 1);

      if (what < 5)
        contents[at] = (char)take (in);
      else if (what < 7)
        contents[at] ^= 1 << (take (in) % 8);
      else
        len = at;  /* cut short */
    }
  g_file_set_contents (path, contents, len, NULL);
}

/* What the program does with the file ----------------------------------- */

static void
read_everything (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_open_full (path, ATLAS_STORE_OPEN_RESCUE, &error);
  g_autoptr(AtlasCorpus) corpus = NULL;
  g_autoptr(AtlasCrashWriter) writer = NULL;
  g_auto(GStrv) problems = NULL;
  FILE *devnull;

  if (store == NULL)
    return;
  problems = atlas_store_dup_problems (store);
  if ((corpus = atlas_store_load_corpus (store, NULL, &error)) == NULL)
    return;
  devnull = fopen ("/dev/null", "w");
  writer = atlas_crash_writer_new (devnull, ATLAS_CRASH_FORMAT_JSONL);
  for (guint n = 0, next = 0; n < atlas_corpus_get_n_notebooks (corpus); n++)
    {
      const AtlasNotebookInfo *info = atlas_corpus_get_notebook (corpus, n);
      g_autoptr(AtlasNotebook) notebook = NULL;

      atlas_crash_writer_add_notebook (writer, info);
      for (guint i = 0; i < info->n_crashes; i++)
        {
          g_assert (next < atlas_corpus_get_n_crashes (corpus));
          atlas_crash_writer_add_crash (writer, atlas_corpus_get_crash (corpus, next++));
        }
      /* The cell view's rebuild. */
      notebook = atlas_store_load_notebook (store, info->location, NULL);
    }
  atlas_crash_writer_finish (writer, NULL);
  g_clear_pointer (&writer, atlas_crash_writer_free);
  fclose (devnull);
}

static void
write_into (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_open (path, &error);
  g_autoptr(AtlasNotebook) notebook = NULL;
  g_autoptr(AtlasNotebook) copy = NULL;
  g_autoptr(AtlasCorpus) corpus = NULL;

  if (store == NULL)
    return;
  notebook = make_notebook (7, "new.ipynb");
  copy = make_notebook (1, "copy-of-1.ipynb");
  atlas_store_add_notebook (store, notebook, "fuzz-rules");
  atlas_store_add_notebook (store, copy, "fuzz-rules");
  if (atlas_store_close (store, NULL))
    {
      atlas_store_reclassify (store, classifier, NULL, NULL, NULL);
      atlas_store_update_clusters (store, NULL);
    }
  corpus = atlas_store_load_corpus (store, NULL, NULL);
}

static void
remove_file_and_log (const char *path)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);

      g_unlink (name);
    }
}

static void
init_once (void)
{
  static gboolean done;

  if (done)
    return;
  done = TRUE;
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  work_dir = g_dir_make_tmp ("fuzz-store-XXXXXX", NULL);
  g_assert (work_dir != NULL);
  classifier = atlas_classifier_new ();
  make_base ();
}

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *path = NULL;
  g_autofree char *base = NULL;
  gsize base_len = 0;
  Input in = { data, size, 0 };
  guint header;

  init_once ();
  path = g_build_filename (work_dir, "mutated.crashatlas", NULL);
  remove_file_and_log (path);
  g_assert (g_file_get_contents (base_path, &base, &base_len, NULL));
  g_assert (g_file_set_contents (path, base, base_len, NULL));

  header = take (&in);
  mutate_rows (path, &in, header % 16);
  mutate_bytes (path, &in, (header >> 4) % 8);
  read_everything (path);
  write_into (path);
  remove_file_and_log (path);
  return 0;
}

#ifndef ATLAS_FUZZ_LIBFUZZER

static void
run_bytes (const guint8 *data,
           gsize         len,
           guint64      *n_runs)
{
  LLVMFuzzerTestOneInput (data, len);
  (*n_runs)++;
}

/* Without libFuzzer: the seeds, then the seeds with random bytes changed
 * and random programs, until the time is up. */
int
main (int    argc,
      char **argv)
{
  g_autoptr(GPtrArray) seeds = g_ptr_array_new_with_free_func ((GDestroyNotify)g_bytes_unref);
  g_autoptr(GRand) rand = NULL;
  double seconds = 0;
  guint32 seed = (guint32)g_get_real_time ();
  guint64 n_runs = 0;
  gint64 end;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_has_prefix (argv[i], "-time="))
        seconds = g_ascii_strtod (argv[i] + 6, NULL);
      else if (g_str_has_prefix (argv[i], "-seed="))
        seed = (guint32)g_ascii_strtoull (argv[i] + 6, NULL, 10);
      else if (g_file_test (argv[i], G_FILE_TEST_IS_DIR))
        {
          g_autoptr(GDir) dir = g_dir_open (argv[i], 0, NULL);
          const char *name;

          while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
            {
              g_autofree char *file = g_build_filename (argv[i], name, NULL);
              char *contents = NULL;
              gsize len = 0;

              if (g_file_get_contents (file, &contents, &len, NULL))
                g_ptr_array_add (seeds, g_bytes_new_take (contents, len));
            }
        }
      else
        {
          char *contents = NULL;
          gsize len = 0;

          if (!g_file_get_contents (argv[i], &contents, &len, NULL))
            {
              g_printerr ("fuzz-store: cannot read %s\n", argv[i]);
              return 1;
            }
          g_ptr_array_add (seeds, g_bytes_new_take (contents, len));
        }
    }

  init_once ();
  for (guint i = 0; i < seeds->len; i++)
    {
      gsize len;
      const guint8 *data = g_bytes_get_data (seeds->pdata[i], &len);

      run_bytes (data, len, &n_runs);
    }

  rand = g_rand_new_with_seed (seed);
  end = g_get_monotonic_time () + (gint64)(seconds * G_USEC_PER_SEC);
  while (g_get_monotonic_time () < end)
    {
      guint8 buffer[512];
      gsize len = g_rand_int_range (rand, 1, sizeof buffer);

      if (seeds->len > 0 && g_rand_boolean (rand))
        {
          gsize seed_len;
          const guint8 *data = g_bytes_get_data (seeds->pdata[g_rand_int_range (rand, 0, seeds->len)], &seed_len);

          len = MIN (seed_len, sizeof buffer);
          memcpy (buffer, data, len);
          for (guint k = g_rand_int_range (rand, 1, 8); k > 0 && len > 0; k--)
            buffer[g_rand_int_range (rand, 0, len)] = g_rand_int_range (rand, 0, 256);
        }
      else
        for (gsize k = 0; k < len; k++)
          buffer[k] = g_rand_int_range (rand, 0, 256);
      run_bytes (buffer, len, &n_runs);
    }
  g_print ("fuzz-store: %" G_GUINT64_FORMAT " runs (seed %u)\n", n_runs, seed);
  g_object_unref (classifier);
  return 0;
}

#endif

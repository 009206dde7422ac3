/* test-load.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "atlas-corpus-file.h"
#include "atlas-corpus-load.h"
#include "atlas-scanner.h"
#include "atlas-test.h"
#include "remote-test-util.h"

/* The core's blocking load, as the commands use it, without a display:
 * streaming order, progress, what is collected, copies and clusters, a
 * remote source served by the fake server (and one it cannot list), a
 * corpus file, empty and missing folders, cancelling. */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FakeServer, fake_server_free)

static void
write_file (const char *dir,
            const char *name,
            const char *text)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *folder = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
}

/* a.ipynb and c.ipynb crash with the same message; b.ipynb is a copy of
 * a.ipynb's bytes; broken.ipynb is no notebook; empty/ holds none. */
static char *
make_folder (void)
{
  g_autofree char *dir = atlas_test_make_tmp_dir ("atlas-load-XXXXXX");
  g_autofree char *crashing = test_notebook ("KeyError", 3);
  g_autofree char *other = test_notebook ("KeyError", 5);
  g_autofree char *empty = g_build_filename (dir, "empty", NULL);

  write_file (dir, "nb/a.ipynb", crashing);
  write_file (dir, "nb/b.ipynb", crashing);
  write_file (dir, "nb/broken.ipynb", "{\"cells\": [");
  write_file (dir, "nb/c.ipynb", other);
  g_assert_cmpint (g_mkdir (empty, 0700), ==, 0);
  return g_steal_pointer (&dir);
}

typedef struct
{
  GPtrArray *locations;   /* in the order handed over */
  GPtrArray *kinds;       /* GUINT_TO_POINTER (kind) */
  guint      n_copies;
  guint      n_failed;
  guint      n_progress;
  guint      last_done;
  guint      cancel_after;
  GCancellable *cancellable;
  gboolean   take_failed;  /* take the records of failures (so: not collected) */
} Seen;

static void
seen_init (Seen *seen)
{
  memset (seen, 0, sizeof *seen);
  seen->locations = g_ptr_array_new_with_free_func (g_free);
  seen->kinds = g_ptr_array_new ();
}

static void
seen_clear (Seen *seen)
{
  g_ptr_array_unref (seen->locations);
  g_ptr_array_unref (seen->kinds);
}

static void
item_cb (AtlasCorpusLoadItem *item,
         gpointer             user_data)
{
  Seen *seen = user_data;

  g_assert_cmpuint (item->index, ==, seen->locations->len);
  g_assert_nonnull (item->info);
  g_assert_nonnull (item->crashes);
  g_assert_true ((item->notebook == NULL) == (item->error != NULL));
  g_ptr_array_add (seen->locations, g_strdup (item->location));
  g_ptr_array_add (seen->kinds, GUINT_TO_POINTER (item->kind));
  seen->n_copies += item->copy;
  if (item->notebook == NULL)
    {
      seen->n_failed++;
      g_assert_cmpint (item->info->status, ==, ATLAS_NOTEBOOK_STATUS_UNREADABLE);
      if (seen->take_failed)
        g_clear_pointer (&item->info, atlas_notebook_info_free);
    }
  else
    g_assert_cmpuint (item->crashes->len, ==, atlas_notebook_get_crashes (item->notebook)->len);
  if (seen->cancellable != NULL && seen->locations->len == seen->cancel_after)
    g_cancellable_cancel (seen->cancellable);
}

static void
progress_cb (const AtlasCorpusLoadProgress *progress,
             gpointer                       user_data)
{
  Seen *seen = user_data;

  /* Forward only, and never past the total. */
  g_assert_cmpuint (progress->n_done, >=, seen->last_done);
  g_assert_cmpuint (progress->n_done, <=, progress->n_total);
  seen->last_done = progress->n_done;
  seen->n_progress++;
}

static const char *
nth_name (Seen  *seen,
          guint  i)
{
  return strrchr (g_ptr_array_index (seen->locations, i), G_DIR_SEPARATOR) + 1;
}

/* Streamed in the order of the walk, whatever the jobs; collected,
 * classified, clustered; the empty folder named after the run. */
static void
test_stream_and_collect (void)
{
  g_autofree char *dir = make_folder ();
  g_autofree char *nb = g_build_filename (dir, "nb", NULL);
  g_autofree char *empty = g_build_filename (dir, "empty", NULL);
  g_autoptr(AtlasClassifier) classifier = atlas_classifier_new ();

  for (guint jobs = 1; jobs <= 3; jobs++)
    {
      g_autoptr(AtlasCorpusLoad) load = atlas_corpus_load_new (ATLAS_CORPUS_LOAD_COLLECT |
                                                               ATLAS_CORPUS_LOAD_CLUSTER, jobs);
      g_autoptr(GError) error = NULL;
      g_auto(GStrv) empty_folders = NULL;
      AtlasCorpus *corpus;
      Seen seen;

      seen_init (&seen);
      atlas_corpus_load_set_classifier (load, classifier);
      g_assert_true (atlas_corpus_load_add_input (load, nb, &error));
      g_assert_true (atlas_corpus_load_add_input (load, empty, &error));
      g_assert_no_error (error);
      g_assert_true (atlas_corpus_load_run (load, item_cb, progress_cb, &seen, NULL, &error));
      g_assert_no_error (error);

      g_assert_cmpuint (seen.locations->len, ==, 4);
      g_assert_cmpstr (nth_name (&seen, 0), ==, "a.ipynb");
      g_assert_cmpstr (nth_name (&seen, 1), ==, "b.ipynb");
      g_assert_cmpstr (nth_name (&seen, 2), ==, "broken.ipynb");
      g_assert_cmpstr (nth_name (&seen, 3), ==, "c.ipynb");
      g_assert_cmpuint (seen.n_failed, ==, 1);
      g_assert_cmpuint (seen.n_copies, ==, 0);
      g_assert_cmpuint (seen.n_progress, ==, 4);
      g_assert_cmpuint (atlas_corpus_load_get_n_done (load), ==, 4);
      g_assert_cmpuint (atlas_corpus_load_get_n_total (load), ==, 4);
      g_assert_cmpuint (atlas_corpus_load_get_n_failed (load), ==, 1);

      /* Every record, the unreadable one too; the crashes classified and
       * the same message in one cluster. */
      corpus = atlas_corpus_load_get_corpus (load);
      g_assert_cmpuint (atlas_corpus_get_n_notebooks (corpus), ==, 4);
      g_assert_cmpuint (atlas_corpus_get_n_crashes (corpus), ==, 3);
      for (guint i = 0; i < 3; i++)
        {
          AtlasCrash *crash = atlas_corpus_get_crash (corpus, i);

          g_assert_cmpstr (atlas_crash_get_label_id (crash, ATLAS_DIMENSION_CRASH_TYPE), ==, "KEY");
          g_assert_cmpint (atlas_crash_get_cluster (crash), ==,
                           atlas_crash_get_cluster (atlas_corpus_get_crash (corpus, 0)));
        }
      g_assert_cmpint (atlas_crash_get_cluster (atlas_corpus_get_crash (corpus, 0)), >=, 0);

      empty_folders = atlas_corpus_load_dup_empty_folders (load);
      g_assert_cmpuint (g_strv_length (empty_folders), ==, 1);
      g_assert_cmpstr (empty_folders[0], ==, empty);
      seen_clear (&seen);
    }
}

/* Without a classifier nothing is labelled; a record the function takes is
 * not collected; copies are marked and left out with DISTINCT. */
static void
test_distinct_and_take (void)
{
  g_autofree char *dir = make_folder ();
  g_autofree char *nb = g_build_filename (dir, "nb", NULL);
  g_autoptr(AtlasCorpusLoad) load = atlas_corpus_load_new (ATLAS_CORPUS_LOAD_COLLECT |
                                                           ATLAS_CORPUS_LOAD_DISTINCT, 2);
  g_autoptr(GError) error = NULL;
  AtlasCorpus *corpus;
  Seen seen;

  seen_init (&seen);
  seen.take_failed = TRUE;
  g_assert_true (atlas_corpus_load_add_input (load, nb, &error));
  g_assert_true (atlas_corpus_load_run (load, item_cb, NULL, &seen, NULL, &error));
  g_assert_cmpuint (seen.n_copies, ==, 1);
  corpus = atlas_corpus_load_get_corpus (load);
  /* a and c: b is a copy of a, broken was taken. */
  g_assert_cmpuint (atlas_corpus_get_n_notebooks (corpus), ==, 2);
  g_assert_null (atlas_corpus_find_notebook (corpus, g_ptr_array_index (seen.locations, 1)));
  g_assert_null (atlas_corpus_load_get_classifier (load));
  g_assert_null (atlas_crash_get_label_id (atlas_corpus_get_crash (corpus, 0), ATLAS_DIMENSION_CRASH_TYPE));
  seen_clear (&seen);
}

/* With WALK_FIRST the total is known before the run, and a folder without
 * notebooks, like a missing path, is refused when added; the load goes on. */
static void
test_walk_first (void)
{
  g_autofree char *dir = make_folder ();
  g_autofree char *nb = g_build_filename (dir, "nb", NULL);
  g_autofree char *empty = g_build_filename (dir, "empty", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing", NULL);
  g_autoptr(AtlasCorpusLoad) load = atlas_corpus_load_new (ATLAS_CORPUS_LOAD_WALK_FIRST, 0);
  g_autoptr(GError) error = NULL;
  Seen seen;

  seen_init (&seen);
  g_assert_false (atlas_corpus_load_has_inputs (load));
  g_assert_false (atlas_corpus_load_add_input (load, empty, &error));
  g_assert_error (error, ATLAS_SCANNER_ERROR, ATLAS_SCANNER_ERROR_NO_NOTEBOOKS);
  g_clear_error (&error);
  g_assert_false (atlas_corpus_load_add_input (load, missing, &error));
  g_assert_error (error, ATLAS_SCANNER_ERROR, ATLAS_SCANNER_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (atlas_corpus_load_add_input (load, nb, &error));
  g_assert_true (atlas_corpus_load_has_inputs (load));
  g_assert_cmpuint (atlas_corpus_load_get_n_total (load), ==, 4);
  g_assert_cmpuint (atlas_corpus_load_get_n_done (load), ==, 0);
  g_assert_true (atlas_corpus_load_run (load, item_cb, progress_cb, &seen, NULL, &error));
  g_assert_cmpuint (seen.locations->len, ==, 4);
  g_assert_cmpuint (atlas_corpus_load_get_n_total (load), ==, 4);
  /* Not collected unless asked. */
  g_assert_null (atlas_corpus_load_get_corpus (load));
  seen_clear (&seen);
}

/* The built-in rules compiled while the scan starts; the cells dropped on
 * the workers; the platform the user gave. */
static void
test_builtin_rules (void)
{
  g_autofree char *dir = make_folder ();
  g_autofree char *nb = g_build_filename (dir, "nb", NULL);
  g_autoptr(AtlasCorpusLoad) load = atlas_corpus_load_new (ATLAS_CORPUS_LOAD_COLLECT |
                                                           ATLAS_CORPUS_LOAD_DROP_CONTENTS, 2);
  g_autoptr(GError) error = NULL;
  AtlasPlatform platform = ATLAS_PLATFORM_KAGGLE;
  AtlasCorpus *corpus;

  atlas_corpus_load_set_platform (load, &platform);
  atlas_corpus_load_use_builtin_rules (load);
  g_assert_true (atlas_corpus_load_add_input (load, nb, &error));
  g_assert_true (atlas_corpus_load_run (load, NULL, NULL, NULL, NULL, &error));
  g_assert_nonnull (atlas_corpus_load_get_classifier (load));
  corpus = atlas_corpus_load_get_corpus (load);
  g_assert_cmpuint (atlas_corpus_get_n_notebooks (corpus), ==, 4);
  for (guint i = 0; i < atlas_corpus_get_n_notebooks (corpus); i++)
    g_assert_cmpint (atlas_corpus_get_notebook (corpus, i)->platform, ==, ATLAS_PLATFORM_KAGGLE);
  for (guint i = 0; i < atlas_corpus_get_n_crashes (corpus); i++)
    {
      AtlasCrash *crash = atlas_corpus_get_crash (corpus, i);

      g_assert_cmpstr (atlas_crash_get_label_id (crash, ATLAS_DIMENSION_CRASH_TYPE), ==, "KEY");
      g_assert_null (atlas_crash_get_traceback (crash));
    }
}

/* Notebooks the caller knows are not classified. */
static void
test_known_content (void)
{
  g_autofree char *dir = make_folder ();
  g_autofree char *nb = g_build_filename (dir, "nb", NULL);
  g_autoptr(AtlasClassifier) classifier = atlas_classifier_new ();
  g_autoptr(GHashTable) known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  AtlasCorpus *corpus;

  /* First learn the hash of a.ipynb's content. */
  {
    g_autoptr(AtlasCorpusLoad) first = atlas_corpus_load_new (ATLAS_CORPUS_LOAD_COLLECT, 1);

    atlas_corpus_load_set_read_flags (first, ATLAS_READ_CONTENT_HASH);
    g_assert_true (atlas_corpus_load_add_input (first, nb, &error));
    g_assert_true (atlas_corpus_load_run (first, NULL, NULL, NULL, NULL, &error));
    g_hash_table_add (known, g_strdup (atlas_corpus_get_notebook (atlas_corpus_load_get_corpus (first), 0)->content_hash));
  }
  {
    g_autoptr(AtlasCorpusLoad) load = atlas_corpus_load_new (ATLAS_CORPUS_LOAD_COLLECT, 2);

    atlas_corpus_load_set_classifier (load, classifier);
    atlas_corpus_load_set_known_content (load, known);
    atlas_corpus_load_set_read_flags (load, ATLAS_READ_CONTENT_HASH);
    g_assert_true (atlas_corpus_load_add_input (load, nb, &error));
    g_assert_true (atlas_corpus_load_run (load, NULL, NULL, NULL, NULL, &error));
    corpus = atlas_corpus_load_get_corpus (load);
    /* a and its copy b known, c labelled. */
    g_assert_cmpuint (atlas_corpus_get_n_crashes (corpus), ==, 3);
    g_assert_null (atlas_crash_get_label_id (atlas_corpus_get_crash (corpus, 0), ATLAS_DIMENSION_CRASH_TYPE));
    g_assert_null (atlas_crash_get_label_id (atlas_corpus_get_crash (corpus, 1), ATLAS_DIMENSION_CRASH_TYPE));
    g_assert_cmpstr (atlas_crash_get_label_id (atlas_corpus_get_crash (corpus, 2), ATLAS_DIMENSION_CRASH_TYPE), ==, "KEY");
  }
}

static void
github_handler (FakeServer        *server,
                SoupServerMessage *msg,
                const char        *path,
                gpointer           data)
{
  if (g_strcmp0 (path, "/repos/o/r") == 0)
    return fake_reply_json (msg, 200, "{\"default_branch\":\"main\"}");
  if (g_strcmp0 (path, "/repos/o/r/git/trees/main") == 0)
    return fake_reply_json (msg, 200, "{\"tree\":["
                            "{\"path\":\"nb/x.ipynb\",\"type\":\"blob\",\"sha\":\"sha-x\",\"size\":500},"
                            "{\"path\":\"nb/y.ipynb\",\"type\":\"blob\",\"sha\":\"sha-y\",\"size\":500}],"
                            "\"truncated\":false}");
  if (g_str_has_prefix (path, "/repos/o/r/contents/nb/"))
    {
      g_autofree char *nb = test_notebook (strstr (path, "x.ipynb") ? "IndexError" : NULL, 3);
      g_autofree char *b64 = g_base64_encode ((const guchar *)nb, strlen (nb));
      g_autofree char *json = g_strdup_printf ("{\"type\":\"file\",\"encoding\":\"base64\",\"sha\":\"sha-%c\","
                                               "\"size\":%zu,\"content\":\"%s\"}",
                                               strstr (path, "x.ipynb") ? 'x' : 'y', strlen (nb), b64);

      return fake_reply_json (msg, 200, json);
    }
  fake_reply_json (msg, 404, "{\"message\":\"Not Found\"}");
}

/* The files first, then each remote source's notebooks as fetched, with
 * GitHub's platform; a source that cannot be listed is one failed item
 * named by its address; an address that does not parse is refused when
 * added. */
static void
test_remote (void)
{
  g_autoptr(FakeServer) server = fake_server_new (github_handler, NULL);
  g_autofree char *dir = make_folder ();
  g_autofree char *nb = g_build_filename (dir, "nb", NULL);
  g_autoptr(AtlasCorpusLoad) load = atlas_corpus_load_new (ATLAS_CORPUS_LOAD_COLLECT, 2);
  g_autoptr(AtlasClassifier) classifier = atlas_classifier_new ();
  g_autoptr(GError) error = NULL;
  const AtlasNotebookInfo *x;
  AtlasCorpus *corpus;
  Seen seen;

  test_fresh_cache ();
  g_setenv ("CRASH_ATLAS_GITHUB_API", fake_server_get_base (server), TRUE);
  seen_init (&seen);
  atlas_corpus_load_set_classifier (load, classifier);
  g_assert_true (atlas_corpus_load_add_input (load, "github:o/r", &error));
  g_assert_true (atlas_corpus_load_add_input (load, "github:o/missing", &error));
  g_assert_false (atlas_corpus_load_add_input (load, "github:", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_true (atlas_corpus_load_add_input (load, nb, &error));
  g_assert_true (atlas_corpus_load_run (load, item_cb, progress_cb, &seen, NULL, &error));
  g_unsetenv ("CRASH_ATLAS_GITHUB_API");
  g_assert_no_error (error);

  g_assert_cmpuint (seen.locations->len, ==, 4 + 2 + 1);
  for (guint i = 0; i < 4; i++)
    g_assert_cmpuint (GPOINTER_TO_UINT (g_ptr_array_index (seen.kinds, i)), ==, ATLAS_CORPUS_LOAD_FILE);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_ptr_array_index (seen.kinds, 4)), ==, ATLAS_CORPUS_LOAD_REMOTE);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_ptr_array_index (seen.kinds, 5)), ==, ATLAS_CORPUS_LOAD_REMOTE);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_ptr_array_index (seen.kinds, 6)), ==, ATLAS_CORPUS_LOAD_SOURCE_FAILED);
  g_assert_cmpstr (g_ptr_array_index (seen.locations, 6), ==, "github:o/missing");
  g_assert_true (g_str_has_suffix (g_ptr_array_index (seen.locations, 4), "nb/x.ipynb"));
  g_assert_cmpuint (seen.n_failed, ==, 2);
  g_assert_cmpuint (atlas_corpus_load_get_n_failed (load), ==, 2);
  g_assert_cmpuint (atlas_corpus_load_get_n_total (load), ==, 7);

  corpus = atlas_corpus_load_get_corpus (load);
  x = atlas_corpus_find_notebook (corpus, g_ptr_array_index (seen.locations, 4));
  g_assert_nonnull (x);
  g_assert_cmpint (x->platform, ==, ATLAS_PLATFORM_GITHUB);
  g_assert_cmpuint (x->n_crashes, ==, 1);
  g_assert_nonnull (atlas_corpus_find_notebook (corpus, "github:o/missing"));
  /* The remote notebook's crash is classified like the files'. */
  g_assert_nonnull (atlas_crash_get_label_id (atlas_corpus_get_crash (corpus, 3), ATLAS_DIMENSION_CRASH_TYPE));
  seen_clear (&seen);
}

/* A corpus file is read whole into the collected corpus, kept open, its
 * copies left out with DISTINCT; a damaged one fails the run. */
static void
test_corpus_file (void)
{
  g_autofree char *dir = make_folder ();
  g_autofree char *nb = g_build_filename (dir, "nb", NULL);
  g_autofree char *file = g_build_filename (dir, "saved" ATLAS_CORPUS_FILE_SUFFIX, NULL);
  g_autofree char *damaged = g_build_filename (dir, "damaged" ATLAS_CORPUS_FILE_SUFFIX, NULL);
  g_autoptr(AtlasClassifier) classifier = atlas_classifier_new ();
  g_autoptr(GError) error = NULL;
  char *argv[] = { (char *)"scan", (char *)"--db", file, nb, NULL };

  g_assert_cmpint (atlas_test_run_cli ((const char * const *)argv, NULL, NULL, NULL), ==, 1);
  for (guint distinct = 0; distinct <= 1; distinct++)
    {
      g_autoptr(AtlasCorpusLoad) load =
        atlas_corpus_load_new (ATLAS_CORPUS_LOAD_COLLECT | (distinct ? ATLAS_CORPUS_LOAD_DISTINCT : 0), 1);
      Seen seen;

      seen_init (&seen);
      atlas_corpus_load_add_corpus_file (load, file);
      g_assert_true (atlas_corpus_load_has_inputs (load));
      g_assert_true (atlas_corpus_load_run (load, item_cb, progress_cb, &seen, NULL, &error));
      g_assert_no_error (error);
      /* Not streamed: read whole. */
      g_assert_cmpuint (seen.locations->len, ==, 0);
      g_assert_cmpuint (atlas_corpus_get_n_notebooks (atlas_corpus_load_get_corpus (load)), ==, distinct ? 2 : 3);
      g_assert_cmpuint (atlas_corpus_load_get_n_done (load), ==, distinct ? 2 : 3);
      g_assert_nonnull (atlas_corpus_load_get_store (load));
      seen_clear (&seen);
    }

  write_file (dir, "damaged" ATLAS_CORPUS_FILE_SUFFIX, "SQLite format 3\n garbage");
  {
    g_autoptr(AtlasCorpusLoad) load = atlas_corpus_load_new (ATLAS_CORPUS_LOAD_COLLECT, 1);

    atlas_corpus_load_set_classifier (load, classifier);
    atlas_corpus_load_add_corpus_file (load, damaged);
    g_assert_false (atlas_corpus_load_run (load, NULL, NULL, NULL, NULL, &error));
    g_assert_nonnull (error);
    g_assert_null (atlas_corpus_load_get_store (load));
  }
}

/* Cancelled from the item function: the run stops there and says so. */
static void
test_cancel (void)
{
  g_autofree char *dir = make_folder ();
  g_autofree char *nb = g_build_filename (dir, "nb", NULL);
  g_autoptr(AtlasCorpusLoad) load = atlas_corpus_load_new (ATLAS_CORPUS_LOAD_DEFAULT, 1);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  Seen seen;

  seen_init (&seen);
  seen.cancellable = cancellable;
  seen.cancel_after = 1;
  g_assert_true (atlas_corpus_load_add_input (load, nb, &error));
  g_assert_false (atlas_corpus_load_run (load, item_cb, NULL, &seen, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (seen.locations->len, <, 4);
  seen_clear (&seen);
}

/* A list given with --files-from is read as the arguments are: Kaggle's
 * metadata and --platform decide the platform of its notebooks alike. */
static void
test_files_from_platform (void)
{
  g_autofree char *dir = atlas_test_make_tmp_dir ("atlas-load-XXXXXX");
  g_autofree char *list = g_build_filename (dir, "list.txt", NULL);
  g_autofree char *nb = g_build_filename (dir, "k.ipynb", NULL);
  g_autofree char *text = g_strdup_printf ("%s\n", nb);
  const char *kaggle = "{\"nbformat\":4,\"nbformat_minor\":5,\"metadata\":{\"kaggle\":{\"accelerator\":\"none\"}},"
                       "\"cells\":[{\"cell_type\":\"code\",\"execution_count\":1,\"metadata\":{},\"source\":\"x\","
                       "\"outputs\":[{\"output_type\":\"error\",\"ename\":\"NameError\",\"evalue\":\"x\","
                       "\"traceback\":[\"NameError: x\"]}]}]}";

  write_file (dir, "k.ipynb", kaggle);
  g_assert_true (g_file_set_contents (list, text, -1, NULL));
  for (guint how = 0; how < 3; how++)
    {
      g_autofree char *out = NULL;
      const char *expected = how == 2 ? "\"platform\":\"github\"" : "\"platform\":\"kaggle\"";

      if (how == 0)
        g_assert_cmpint (atlas_test_run_cli_args (&out, NULL, "scan", nb, NULL), ==, 0);
      else if (how == 1)
        g_assert_cmpint (atlas_test_run_cli_args (&out, NULL, "scan", "--files-from", list, NULL), ==, 0);
      else
        g_assert_cmpint (atlas_test_run_cli_args (&out, NULL, "scan", "--platform", "github",
                                                  "--files-from", list, NULL), ==, 0);
      g_assert_nonnull (strstr (out, expected));
    }
}

int
main (int    argc,
      char **argv)
{
  test_remote_init (&argc, &argv);

  g_test_add_func ("/Atlas/Corpus/load/stream-and-collect", test_stream_and_collect);
  g_test_add_func ("/Atlas/Corpus/load/distinct-and-take", test_distinct_and_take);
  g_test_add_func ("/Atlas/Corpus/load/walk-first", test_walk_first);
  g_test_add_func ("/Atlas/Corpus/load/builtin-rules", test_builtin_rules);
  g_test_add_func ("/Atlas/Corpus/load/known-content", test_known_content);
  g_test_add_func ("/Atlas/Corpus/load/remote", test_remote);
  g_test_add_func ("/Atlas/Corpus/load/corpus-file", test_corpus_file);
  g_test_add_func ("/Atlas/Corpus/load/cancel", test_cancel);
  g_test_add_func ("/Atlas/Corpus/load/files-from-platform", test_files_from_platform);
  return g_test_run ();
}

/* test-loader.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "atlas-corpus-save.h"
#include "atlas-corpus-loader.h"
#include "atlas-demo.h"
#include "atlas-test.h"
#include "remote-test-util.h"

/* The core's loader, driven without a display: files and folders, a
 * corpus file, a remote source (against the fake server), progress,
 * cancelling; and the platform it decides, compared with `crash-atlas scan`. */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FakeServer, fake_server_free)

#define CRASHING_CELL "{\"cell_type\":\"code\",\"execution_count\":1,\"metadata\":{}," \
  "\"source\":\"df = pd.read_csv('x')\",\"outputs\":[{\"output_type\":\"error\"," \
  "\"ename\":\"NameError\",\"evalue\":\"name 'pd' is not defined\",\"traceback\":[\"NameError: name 'pd' is not defined\"]}]}"

static void
write_notebook (const char *dir,
                const char *name,
                const char *metadata)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *text = g_strdup_printf ("{\"nbformat\":4,\"nbformat_minor\":5,\"metadata\":%s,"
                                           "\"cells\":[" CRASHING_CELL "]}", metadata);

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
}

/* A folder called "kaggle" whose notebook says nothing of itself, and a
 * notebook that Kaggle's metadata marks as Kaggle's. */
static char *
make_folder (void)
{
  g_autofree char *dir = atlas_test_make_tmp_dir ("atlas-loader-XXXXXX");

  write_notebook (dir, "kaggle/plain.ipynb", "{}");
  write_notebook (dir, "from-kaggle.ipynb",
                  "{\"kaggle\":{\"accelerator\":\"none\",\"isInternetEnabled\":true}}");
  write_notebook (dir, "github/colab.ipynb", "{\"colab\":{\"provenance\":[]}}");
  return g_steal_pointer (&dir);
}

typedef struct
{
  gboolean  done;
  gboolean  ok;
  GError   *error;
  guint     n_done_notifies;
  guint     max_done;
} Load;

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Load *load = user_data;

  load->ok = atlas_corpus_loader_load_finish (ATLAS_CORPUS_LOADER (object), result, &load->error);
  load->done = TRUE;
}

static void
n_done_cb (AtlasCorpusLoader *loader,
           GParamSpec        *pspec,
           Load              *load)
{
  guint n_done = atlas_corpus_loader_get_n_done (loader);

  /* Progress only goes forward, and never past the total. */
  g_assert_cmpuint (n_done, >=, load->max_done);
  g_assert_cmpuint (n_done, <=, atlas_corpus_loader_get_n_total (loader));
  load->max_done = n_done;
  load->n_done_notifies++;
}

/* Loads @paths into @corpus and waits; returns the loader. */
static AtlasCorpusLoader *
load_paths (AtlasCorpus        *corpus,
            const char * const *paths,
            Load               *load,
            gboolean            cancel)
{
  AtlasCorpusLoader *loader = atlas_corpus_loader_new (corpus);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  g_signal_connect (loader, "notify::n-done", G_CALLBACK (n_done_cb), load);
  atlas_corpus_loader_load_async (loader, paths, cancellable, load_cb, load);
  g_assert_true (atlas_corpus_loader_get_running (loader));
  if (cancel)
    g_cancellable_cancel (cancellable);
  while (!load->done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (atlas_corpus_loader_get_running (loader));
  return loader;
}

static const AtlasNotebookInfo *
find (AtlasCorpus *corpus,
      const char  *dir,
      const char  *name)
{
  g_autofree char *location = g_build_filename (dir, name, NULL);
  const AtlasNotebookInfo *info = atlas_corpus_find_notebook (corpus, location);

  g_assert_nonnull (info);
  return info;
}

static void
test_paths (void)
{
  g_autofree char *dir = make_folder ();
  g_autoptr(AtlasCorpus) corpus = atlas_corpus_new ();
  g_autoptr(AtlasCorpusLoader) loader = NULL;
  const char *paths[] = { dir, NULL };
  Load load = { 0 };

  loader = load_paths (corpus, paths, &load, FALSE);
  g_assert_no_error (load.error);
  g_assert_true (load.ok);
  g_assert_cmpuint (atlas_corpus_get_n_notebooks (corpus), ==, 3);
  g_assert_cmpuint (atlas_corpus_loader_get_n_total (loader), ==, 3);
  g_assert_cmpuint (atlas_corpus_loader_get_n_done (loader), ==, 3);
  g_assert_cmpuint (atlas_corpus_loader_get_n_crashes (loader), ==, 3);
  g_assert_cmpuint (load.n_done_notifies, >=, 1);
  g_assert_cmpuint (load.max_done, ==, 3);

  /* Folder names are not evidence; Kaggle's metadata is. */
  g_assert_cmpint (find (corpus, dir, "kaggle/plain.ipynb")->platform, ==, ATLAS_PLATFORM_LOCAL);
  g_assert_cmpint (find (corpus, dir, "github/colab.ipynb")->platform, ==, ATLAS_PLATFORM_LOCAL);
  g_assert_cmpint (find (corpus, dir, "from-kaggle.ipynb")->platform, ==, ATLAS_PLATFORM_KAGGLE);

  /* Classified and clustered. */
  for (guint i = 0; i < atlas_corpus_get_n_crashes (corpus); i++)
    {
      AtlasCrash *crash = atlas_corpus_get_crash (corpus, i);

      g_assert_cmpstr (atlas_crash_get_label_id (crash, ATLAS_DIMENSION_CRASH_TYPE), ==, "MODULE");
      g_assert_cmpint (atlas_crash_get_cluster (crash), ==, 0);
    }
}

/* The demo corpus declares its folders' platforms: the window shows both. */
static void
test_demo (void)
{
  g_autofree char *demo = atlas_demo_find_dir ();
  g_autoptr(AtlasCorpus) corpus = atlas_corpus_new ();
  g_autoptr(AtlasCorpusLoader) loader = NULL;
  const char *paths[] = { demo, NULL };
  guint n[ATLAS_N_PLATFORMS] = { 0 };
  Load load = { 0 };

  loader = load_paths (corpus, paths, &load, FALSE);
  g_assert_no_error (load.error);
  for (guint i = 0; i < atlas_corpus_get_n_notebooks (corpus); i++)
    {
      const AtlasNotebookInfo *info = atlas_corpus_get_notebook (corpus, i);

      n[info->platform]++;
      g_assert_true (strstr (info->location, info->platform == ATLAS_PLATFORM_KAGGLE ? "/kaggle/" : "/github/"));
    }
  g_assert_cmpuint (n[ATLAS_PLATFORM_LOCAL], ==, 0);
  g_assert_cmpuint (n[ATLAS_PLATFORM_GITHUB], >, 0);
  g_assert_cmpuint (n[ATLAS_PLATFORM_KAGGLE], >, 0);
}

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Load *load = user_data;

  load->ok = atlas_corpus_file_save_finish (result, NULL, &load->error);
  load->done = TRUE;
}

static void
test_corpus_file (void)
{
  g_autofree char *dir = make_folder ();
  g_autofree char *file = g_build_filename (dir, "saved" ATLAS_CORPUS_FILE_SUFFIX, NULL);
  g_autoptr(AtlasClassifier) classifier = atlas_classifier_new ();
  g_autoptr(AtlasCorpus) corpus = atlas_corpus_new ();
  g_autoptr(AtlasCorpusLoader) loader = NULL;
  const char *paths[] = { dir, NULL };
  const char *files[] = { file, NULL };
  Load save = { 0 }, load = { 0 };

  atlas_corpus_file_save_async (file, NULL, paths, NULL, classifier, NULL, save_cb, &save);
  while (!save.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (save.error);
  g_assert_true (atlas_corpus_file_sniff (file));

  loader = load_paths (corpus, files, &load, FALSE);
  g_assert_no_error (load.error);
  g_assert_nonnull (atlas_corpus_loader_get_store (loader));
  g_assert_cmpuint (atlas_corpus_get_n_notebooks (corpus), ==, 3);
  g_assert_cmpuint (atlas_corpus_get_n_crashes (corpus), ==, 3);
  g_assert_cmpint (find (corpus, dir, "from-kaggle.ipynb")->platform, ==, ATLAS_PLATFORM_KAGGLE);
  g_assert_cmpint (find (corpus, dir, "kaggle/plain.ipynb")->platform, ==, ATLAS_PLATFORM_LOCAL);
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
    return fake_reply_json (msg, 200, "{\"tree\":[{\"path\":\"nb/a.ipynb\",\"type\":\"blob\",\"sha\":\"sha-a\",\"size\":500}],\"truncated\":false}");
  if (g_strcmp0 (path, "/repos/o/r/contents/nb/a.ipynb") == 0)
    {
      g_autofree char *nb = test_notebook ("IndexError", 3);
      g_autofree char *b64 = g_base64_encode ((const guchar *)nb, strlen (nb));
      g_autofree char *json = g_strdup_printf ("{\"type\":\"file\",\"encoding\":\"base64\",\"sha\":\"sha-a\",\"size\":%zu,\"content\":\"%s\"}",
                                               strlen (nb), b64);

      return fake_reply_json (msg, 200, json);
    }
  fake_reply_json (msg, 404, "{\"message\":\"Not Found\"}");
}

static void
test_remote (void)
{
  g_autoptr(FakeServer) server = fake_server_new (github_handler, NULL);
  g_autofree char *dir = make_folder ();
  g_autoptr(AtlasCorpus) corpus = atlas_corpus_new ();
  g_autoptr(AtlasCorpusLoader) loader = NULL;
  const char *paths[] = { "github:o/r", dir, "github:o/missing", NULL };
  const AtlasNotebookInfo *remote = NULL, *missing = NULL;
  Load load = { 0 };

  test_fresh_cache ();
  g_setenv ("CRASH_ATLAS_GITHUB_API", fake_server_get_base (server), TRUE);
  loader = load_paths (corpus, paths, &load, FALSE);
  g_unsetenv ("CRASH_ATLAS_GITHUB_API");
  g_assert_no_error (load.error);

  /* The files, the notebook of the repository, and the one source that
   * could not be listed, named and counted as failed. */
  g_assert_cmpuint (atlas_corpus_get_n_notebooks (corpus), ==, 5);
  g_assert_cmpuint (atlas_corpus_loader_get_n_failed (loader), ==, 1);
  for (guint i = 0; i < atlas_corpus_get_n_notebooks (corpus); i++)
    {
      const AtlasNotebookInfo *info = atlas_corpus_get_notebook (corpus, i);

      if (strstr (info->location, "nb/a.ipynb"))
        remote = info;
      else if (strstr (info->location, "o/missing"))
        missing = info;
    }
  g_assert_nonnull (remote);
  g_assert_cmpint (remote->platform, ==, ATLAS_PLATFORM_GITHUB);
  g_assert_cmpuint (remote->n_crashes, ==, 1);
  g_assert_nonnull (missing);
  g_assert_cmpint (missing->status, ==, ATLAS_NOTEBOOK_STATUS_UNREADABLE);
  g_assert_nonnull (missing->message);
}

static void
test_cancel (void)
{
  g_autofree char *demo = atlas_demo_find_dir ();
  g_autoptr(AtlasCorpus) corpus = atlas_corpus_new ();
  g_autoptr(AtlasCorpusLoader) loader = NULL;
  const char *paths[] = { demo, NULL };
  Load load = { 0 };

  loader = load_paths (corpus, paths, &load, TRUE);
  g_assert_error (load.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (load.ok);
  g_clear_error (&load.error);
}

/* The platform of every notebook `crash-atlas scan` prints a record for. */
static GHashTable *
scan_platforms (const char *path)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;
  GHashTable *platforms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_assert_cmpint (atlas_test_run_cli_args (&out, &err, "scan", "--jobs", "1", path, NULL), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(JsonNode) node = NULL;
      JsonObject *record;

      if (*lines[i] == '\0')
        continue;
      node = json_from_string (lines[i], NULL);
      g_assert_nonnull (node);
      record = json_node_get_object (node);
      g_hash_table_replace (platforms, g_strdup (json_object_get_string_member (record, "notebook")),
                            g_strdup (json_object_get_string_member (record, "platform")));
    }
  return platforms;
}

static void
check_agree (const char *path)
{
  g_autoptr(GHashTable) cli = scan_platforms (path);
  g_autoptr(AtlasCorpus) corpus = atlas_corpus_new ();
  g_autoptr(AtlasCorpusLoader) loader = NULL;
  const char *paths[] = { path, NULL };
  guint n_compared = 0;
  Load load = { 0 };

  loader = load_paths (corpus, paths, &load, FALSE);
  g_assert_no_error (load.error);
  for (guint i = 0; i < atlas_corpus_get_n_notebooks (corpus); i++)
    {
      const AtlasNotebookInfo *info = atlas_corpus_get_notebook (corpus, i);
      const char *printed = g_hash_table_lookup (cli, info->location);

      if (info->n_crashes == 0)
        continue;
      g_assert_nonnull (printed);
      g_assert_cmpstr (printed, ==, atlas_platform_to_string (info->platform));
      n_compared++;
    }
  g_assert_cmpuint (n_compared, ==, g_hash_table_size (cli));
  g_assert_cmpuint (n_compared, >, 0);
}

static void
test_app_and_cli_agree (void)
{
  g_autofree char *dir = make_folder ();
  g_autofree char *demo = atlas_demo_find_dir ();

  check_agree (dir);
  check_agree (demo);
}

int
main (int    argc,
      char **argv)
{
  test_remote_init (&argc, &argv);

  g_test_add_func ("/Atlas/Corpus/loader/paths", test_paths);
  g_test_add_func ("/Atlas/Corpus/loader/demo", test_demo);
  g_test_add_func ("/Atlas/Corpus/loader/corpus-file", test_corpus_file);
  g_test_add_func ("/Atlas/Corpus/loader/remote", test_remote);
  g_test_add_func ("/Atlas/Corpus/loader/cancel", test_cancel);
  g_test_add_func ("/Atlas/Corpus/platform/app-and-cli-agree", test_app_and_cli_agree);
  return g_test_run ();
}

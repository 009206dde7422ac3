/* atlas-corpus-load.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-corpus-load"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-corpus-clusters.h"
#include "atlas-corpus-file.h"
#include "atlas-corpus-inputs.h"
#include "atlas-corpus-load.h"
#include "atlas-scanner.h"

struct _AtlasCorpusLoad
{
  GObject               parent_instance;

  AtlasCorpusLoadFlags  flags;
  guint                 n_jobs;
  gboolean              has_platform;
  AtlasPlatform         platform;
  AtlasReadFlags        read_flags;

  /* Classification, on the worker threads. */
  AtlasClassifier      *classifier;    /* given, or the built-in rules once compiled */
  gboolean              builtin_rules; /* compile them while the scan starts */
  GThread              *builder;       /* compiling them, or NULL */
  gsize                 classifier_ready;
  GHashTable           *known;         /* content hashes not to classify, or NULL */
  AtlasCorpusLoadWorkerFunc worker_func;
  gpointer              worker_data;
  GDestroyNotify        worker_data_destroy;

  /* Inputs. */
  AtlasScanner         *scanner;       /* files and folders, or NULL */
  AtlasCredentials     *credentials;   /* read at the first remote source */
  GPtrArray            *sources;       /* AtlasRemoteSource */
  GPtrArray            *source_texts;  /* the address each was given as */
  GPtrArray            *corpus_files;  /* paths */

  /* The run. */
  gboolean              ran;
  AtlasCorpusLoadFunc   func;
  AtlasCorpusLoadProgressFunc progress_func;
  gpointer              user_data;
  GPtrArray            *no_crashes;    /* the crashes of a notebook that could not be read */
  GHashTable           *seen;          /* content hashes collected, with DISTINCT */
  guint                 index;
  int                   n_done;        /* atomic */
  int                   n_total;       /* atomic */
  int                   n_failed;      /* atomic */

  /* Results. */
  AtlasCorpus          *corpus;        /* with COLLECT */
  AtlasStore           *store;         /* the last corpus file read */
};

G_DEFINE_FINAL_TYPE (AtlasCorpusLoad, atlas_corpus_load, G_TYPE_OBJECT)

/* Classification */

static gpointer
build_classifier (gpointer data)
{
  return atlas_classifier_new ();
}

/* The first caller waits for the built-in rules; later ones read a flag. */
static AtlasClassifier *
get_classifier (AtlasCorpusLoad *self)
{
  if (self->builder == NULL)
    return self->classifier;
  if (g_once_init_enter (&self->classifier_ready))
    {
      self->classifier = g_thread_join (self->builder);
      g_once_init_leave (&self->classifier_ready, 1);
    }
  return self->classifier;
}

/* On the scanner's and the remote sources' threads: the classifier and the
 * known hashes are read-only while the load runs. */
static void
load_worker (AtlasNotebook *notebook,
             gpointer       user_data)
{
  AtlasCorpusLoad *self = user_data;
  AtlasClassifier *classifier = get_classifier (self);
  const char *hash = self->known != NULL ? atlas_notebook_get_content_hash (notebook) : NULL;

  if (classifier != NULL && (hash == NULL || !g_hash_table_contains (self->known, hash)))
    atlas_classifier_classify_notebook (classifier, notebook);
  if (self->flags & ATLAS_CORPUS_LOAD_DROP_CONTENTS)
    atlas_notebook_drop_contents (notebook);
  if (self->worker_func != NULL)
    self->worker_func (notebook, self->worker_data);
}

/* Settings */

AtlasCorpusLoad *
atlas_corpus_load_new (AtlasCorpusLoadFlags flags,
                       guint                n_jobs)
{
  AtlasCorpusLoad *self = g_object_new (ATLAS_TYPE_CORPUS_LOAD, NULL);

  self->flags = flags;
  self->n_jobs = n_jobs;
  if (flags & ATLAS_CORPUS_LOAD_COLLECT)
    self->corpus = atlas_corpus_new ();
  return self;
}

void
atlas_corpus_load_set_platform (AtlasCorpusLoad     *self,
                                const AtlasPlatform *platform)
{
  g_return_if_fail (ATLAS_IS_CORPUS_LOAD (self));

  self->has_platform = platform != NULL;
  self->platform = platform != NULL ? *platform : ATLAS_PLATFORM_LOCAL;
}

void
atlas_corpus_load_set_read_flags (AtlasCorpusLoad *self,
                                  AtlasReadFlags   flags)
{
  g_return_if_fail (ATLAS_IS_CORPUS_LOAD (self));

  self->read_flags = flags;
}

void
atlas_corpus_load_set_classifier (AtlasCorpusLoad *self,
                                  AtlasClassifier *classifier)
{
  g_return_if_fail (ATLAS_IS_CORPUS_LOAD (self));
  g_return_if_fail (!self->ran);

  self->builtin_rules = FALSE;
  g_set_object (&self->classifier, classifier);
}

void
atlas_corpus_load_use_builtin_rules (AtlasCorpusLoad *self)
{
  g_return_if_fail (ATLAS_IS_CORPUS_LOAD (self));
  g_return_if_fail (!self->ran);

  g_clear_object (&self->classifier);
  self->builtin_rules = TRUE;
}

void
atlas_corpus_load_set_known_content (AtlasCorpusLoad *self,
                                     GHashTable      *known)
{
  g_return_if_fail (ATLAS_IS_CORPUS_LOAD (self));

  g_clear_pointer (&self->known, g_hash_table_unref);
  self->known = known != NULL ? g_hash_table_ref (known) : NULL;
}

void
atlas_corpus_load_set_worker_func (AtlasCorpusLoad           *self,
                                   AtlasCorpusLoadWorkerFunc  func,
                                   gpointer                   user_data,
                                   GDestroyNotify             user_data_destroy)
{
  g_return_if_fail (ATLAS_IS_CORPUS_LOAD (self));

  if (self->worker_data_destroy != NULL)
    self->worker_data_destroy (self->worker_data);
  self->worker_func = func;
  self->worker_data = user_data;
  self->worker_data_destroy = user_data_destroy;
}

/* Inputs */

/* The environment and the Kaggle CLI's files always; the keyring between
 * them for the command line, and only inside a session (the app's import
 * dialog reads the keyring itself). */
static AtlasCredentials *
load_credentials (AtlasCorpusLoadFlags flags)
{
  AtlasCredentials *credentials = atlas_credentials_new ();
  g_autoptr(GError) error = NULL;

  atlas_credentials_add_from_env (credentials);
  if ((flags & ATLAS_CORPUS_LOAD_KEYRING) && g_getenv ("DBUS_SESSION_BUS_ADDRESS") != NULL &&
      g_getenv ("CRASH_ATLAS_NO_KEYRING") == NULL &&
      !atlas_credentials_add_from_keyring (credentials, NULL, &error))
    g_debug ("keyring: %s", error->message);
  atlas_credentials_add_from_kaggle_files (credentials);
  return credentials;
}

static gboolean
add_remote (AtlasCorpusLoad  *self,
            const char       *text,
            GError          **error)
{
  AtlasRemoteSource *source;

  if (self->credentials == NULL)
    self->credentials = load_credentials (self->flags);
  if ((source = atlas_remote_source_new (text, self->credentials, error)) == NULL)
    return FALSE;
  g_ptr_array_add (self->sources, source);
  g_ptr_array_add (self->source_texts, g_strdup (text));
  return TRUE;
}

gboolean
atlas_corpus_load_add_input (AtlasCorpusLoad  *self,
                             const char       *input,
                             GError          **error)
{
  g_return_val_if_fail (ATLAS_IS_CORPUS_LOAD (self), FALSE);
  g_return_val_if_fail (input != NULL, FALSE);
  g_return_val_if_fail (!self->ran, FALSE);

  if (atlas_remote_spec_is_remote (input))
    return add_remote (self, input, error);
  if (self->scanner == NULL)
    {
      self->scanner = atlas_scanner_new (self->n_jobs);
      atlas_scanner_set_walk_in_run (self->scanner, !(self->flags & ATLAS_CORPUS_LOAD_WALK_FIRST));
      atlas_scanner_set_worker_func (self->scanner, load_worker, self, NULL);
    }
  if (!atlas_corpus_add_path (self->scanner, input, self->has_platform ? &self->platform : NULL, error))
    return FALSE;
  if (self->flags & ATLAS_CORPUS_LOAD_WALK_FIRST)
    g_atomic_int_set (&self->n_total, (int)atlas_scanner_get_n_inputs (self->scanner));
  return TRUE;
}

void
atlas_corpus_load_add_corpus_file (AtlasCorpusLoad *self,
                                   const char      *path)
{
  g_return_if_fail (ATLAS_IS_CORPUS_LOAD (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (self->flags & ATLAS_CORPUS_LOAD_COLLECT);

  g_ptr_array_add (self->corpus_files, g_strdup (path));
}

gboolean
atlas_corpus_load_has_inputs (AtlasCorpusLoad *self)
{
  g_return_val_if_fail (ATLAS_IS_CORPUS_LOAD (self), FALSE);

  return self->scanner != NULL || self->sources->len > 0 || self->corpus_files->len > 0;
}

/* The run */

static void
report_progress (AtlasCorpusLoad           *self,
                 const AtlasRemoteProgress *remote)
{
  AtlasCorpusLoadProgress progress;

  if (self->progress_func == NULL)
    return;
  progress.n_done = (guint)g_atomic_int_get (&self->n_done);
  progress.n_total = (guint)g_atomic_int_get (&self->n_total);
  progress.remote = remote;
  self->progress_func (&progress, self->user_data);
}

/* Hands @item over, then collects what the function left in it. */
static void
hand_over (AtlasCorpusLoad     *self,
           AtlasCorpusLoadItem *item)
{
  const char *hash;

  item->index = self->index++;
  if (item->crashes == NULL)
    item->crashes = self->no_crashes;
  if (self->seen != NULL && item->notebook != NULL &&
      (hash = atlas_notebook_get_content_hash (item->notebook)) != NULL)
    item->copy = !g_hash_table_add (self->seen, g_strdup (hash));
  if (item->notebook == NULL)
    g_atomic_int_inc (&self->n_failed);
  /* The total first, so that no one sees more done than there is. */
  if (!(self->flags & ATLAS_CORPUS_LOAD_WALK_FIRST) || item->kind != ATLAS_CORPUS_LOAD_FILE)
    g_atomic_int_inc (&self->n_total);
  g_atomic_int_inc (&self->n_done);

  if (self->func != NULL)
    self->func (item, self->user_data);
  if (item->info != NULL && self->corpus != NULL && !item->copy)
    atlas_corpus_add (self->corpus, g_steal_pointer (&item->info), item->crashes);
  g_clear_pointer (&item->info, atlas_notebook_info_free);
  report_progress (self, NULL);
}

static void
scan_result_cb (AtlasScanResult *result,
                gpointer         user_data)
{
  AtlasCorpusLoad *self = user_data;
  AtlasCorpusLoadItem item = { 0 };

  item.kind = ATLAS_CORPUS_LOAD_FILE;
  item.location = result->location;
  item.notebook = result->notebook;
  item.error = result->error;
  if (result->notebook != NULL)
    {
      item.info = atlas_notebook_info_new_from_notebook (result->notebook);
      item.crashes = atlas_notebook_get_crashes (result->notebook);
    }
  else
    /* Nothing was read to say where it comes from: the user's platform, if any. */
    item.info = atlas_notebook_info_new_failed (result->location, self->platform,
                                                ATLAS_NOTEBOOK_STATUS_UNREADABLE,
                                                result->error->message);
  hand_over (self, &item);
}

static void
remote_item_cb (AtlasRemoteItem *remote,
                gpointer         user_data)
{
  AtlasCorpusLoad *self = user_data;
  AtlasCorpusLoadItem item = { 0 };

  item.kind = ATLAS_CORPUS_LOAD_REMOTE;
  item.location = remote->location;
  item.notebook = remote->notebook;
  item.error = remote->error;
  /* With the status the source judged (not executed, run failed). */
  item.info = atlas_remote_item_to_info (remote);
  if (remote->notebook != NULL)
    item.crashes = atlas_notebook_get_crashes (remote->notebook);
  hand_over (self, &item);
  atlas_remote_item_free (remote);
}

static void
remote_progress_cb (const AtlasRemoteProgress *progress,
                    gpointer                   user_data)
{
  report_progress (user_data, progress);
}

/* One remote source, read after the local paths. A source that cannot be
 * listed is one failed input, named by its address: the others still load. */
static gboolean
run_remote (AtlasCorpusLoad    *self,
            AtlasRemoteSource  *source,
            const char         *text,
            GCancellable       *cancellable,
            GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  AtlasCorpusLoadItem item = { 0 };

  atlas_remote_source_set_worker_func (source, load_worker, self, NULL);
  atlas_remote_source_set_read_flags (source, self->read_flags);
  if (atlas_remote_source_run (source, remote_item_cb, remote_progress_cb, self, cancellable, &local_error))
    return TRUE;
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  item.kind = ATLAS_CORPUS_LOAD_SOURCE_FAILED;
  item.location = text;
  item.error = local_error;
  item.info = atlas_notebook_info_new_failed (text, ATLAS_PLATFORM_LOCAL, ATLAS_NOTEBOOK_STATUS_UNREADABLE,
                                              local_error->message);
  hand_over (self, &item);
  return TRUE;
}

/* A corpus file is read whole: its labels read back, and labelled again
 * only when the load classifies and other rules made them. */
static gboolean
run_corpus_file (AtlasCorpusLoad  *self,
                 const char       *path,
                 GCancellable     *cancellable,
                 GError          **error)
{
  g_autoptr(AtlasCorpus) read = NULL;
  g_autoptr(AtlasStore) store = NULL;
  AtlasClassifier *classifier = get_classifier (self);
  guint n;

  if (classifier != NULL)
    read = atlas_corpus_file_read (path, classifier, &store, cancellable, error);
  else if ((store = atlas_store_open_full (path, ATLAS_STORE_OPEN_READ_ONLY, error)) != NULL)
    read = atlas_store_load_corpus (store, cancellable, error);
  if (read == NULL)
    return FALSE;
  if (self->flags & ATLAS_CORPUS_LOAD_DISTINCT)
    {
      AtlasCorpus *distinct = atlas_corpus_dup_distinct_content (read);

      g_object_unref (read);
      read = distinct;
    }
  n = atlas_corpus_get_n_notebooks (read);
  g_atomic_int_add (&self->n_total, (int)n);
  g_atomic_int_add (&self->n_done, (int)n);
  if (atlas_corpus_get_n_notebooks (self->corpus) == 0)
    g_set_object (&self->corpus, read);
  else
    atlas_corpus_take_contents (self->corpus, read);
  g_set_object (&self->store, store);
  report_progress (self, NULL);
  return TRUE;
}

static gboolean
run_inputs (AtlasCorpusLoad  *self,
            GCancellable     *cancellable,
            GError          **error)
{
  if (self->scanner != NULL)
    {
      atlas_scanner_set_read_flags (self->scanner, self->read_flags);
      if (!atlas_scanner_run (self->scanner, scan_result_cb, self, cancellable, error))
        return FALSE;
    }
  for (guint i = 0; i < self->sources->len; i++)
    if (!run_remote (self, g_ptr_array_index (self->sources, i), g_ptr_array_index (self->source_texts, i),
                     cancellable, error))
      return FALSE;
  for (guint i = 0; i < self->corpus_files->len; i++)
    if (!run_corpus_file (self, g_ptr_array_index (self->corpus_files, i), cancellable, error))
      return FALSE;
  return TRUE;
}

gboolean
atlas_corpus_load_run (AtlasCorpusLoad              *self,
                       AtlasCorpusLoadFunc           func,
                       AtlasCorpusLoadProgressFunc   progress_func,
                       gpointer                      user_data,
                       GCancellable                 *cancellable,
                       GError                      **error)
{
  gboolean ok;

  g_return_val_if_fail (ATLAS_IS_CORPUS_LOAD (self), FALSE);
  g_return_val_if_fail (!self->ran, FALSE);

  self->ran = TRUE;
  self->func = func;
  self->progress_func = progress_func;
  self->user_data = user_data;
  if (self->flags & ATLAS_CORPUS_LOAD_DISTINCT)
    {
      self->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      self->read_flags |= ATLAS_READ_CONTENT_HASH;
    }
  if (self->builtin_rules)
    self->builder = g_thread_new ("atlas-rules", build_classifier, NULL);

  ok = run_inputs (self, cancellable, error);
  /* The rules' thread is joined even when no notebook needed them. */
  get_classifier (self);
  if (ok && self->corpus != NULL && (self->flags & ATLAS_CORPUS_LOAD_CLUSTER))
    atlas_corpus_update_clusters (self->corpus);
  self->func = NULL;
  self->progress_func = NULL;
  self->user_data = NULL;
  return ok;
}

/* Results */

guint
atlas_corpus_load_get_n_done (AtlasCorpusLoad *self)
{
  g_return_val_if_fail (ATLAS_IS_CORPUS_LOAD (self), 0);
  return (guint)g_atomic_int_get (&self->n_done);
}

guint
atlas_corpus_load_get_n_total (AtlasCorpusLoad *self)
{
  g_return_val_if_fail (ATLAS_IS_CORPUS_LOAD (self), 0);
  return (guint)g_atomic_int_get (&self->n_total);
}

guint
atlas_corpus_load_get_n_failed (AtlasCorpusLoad *self)
{
  g_return_val_if_fail (ATLAS_IS_CORPUS_LOAD (self), 0);
  return (guint)g_atomic_int_get (&self->n_failed);
}

AtlasClassifier *
atlas_corpus_load_get_classifier (AtlasCorpusLoad *self)
{
  g_return_val_if_fail (ATLAS_IS_CORPUS_LOAD (self), NULL);
  g_return_val_if_fail (self->ran, NULL);
  return self->classifier;
}

AtlasCorpus *
atlas_corpus_load_get_corpus (AtlasCorpusLoad *self)
{
  g_return_val_if_fail (ATLAS_IS_CORPUS_LOAD (self), NULL);
  return self->corpus;
}

AtlasStore *
atlas_corpus_load_get_store (AtlasCorpusLoad *self)
{
  g_return_val_if_fail (ATLAS_IS_CORPUS_LOAD (self), NULL);
  return self->store;
}

char **
atlas_corpus_load_dup_empty_folders (AtlasCorpusLoad *self)
{
  g_return_val_if_fail (ATLAS_IS_CORPUS_LOAD (self), NULL);

  if (self->scanner == NULL || (self->flags & ATLAS_CORPUS_LOAD_WALK_FIRST))
    return g_new0 (char *, 1);
  return atlas_scanner_dup_empty_folders (self->scanner);
}

static AtlasNotebookInfo *
info_copy (const AtlasNotebookInfo *info)
{
  AtlasNotebookInfo *copy = g_new0 (AtlasNotebookInfo, 1);

  copy->location = g_strdup (info->location);
  copy->url = g_strdup (info->url);
  copy->platform = info->platform;
  copy->status = info->status;
  copy->message = g_strdup (info->message);
  copy->packages = g_strdupv (info->packages);
  copy->n_cells = info->n_cells;
  copy->n_crashes = info->n_crashes;
  copy->size = info->size;
  copy->content_hash = g_strdup (info->content_hash);
  copy->duplicate_of = g_strdup (info->duplicate_of);
  return copy;
}

AtlasCorpus *
atlas_corpus_dup_distinct_content (AtlasCorpus *corpus)
{
  AtlasCorpus *distinct = atlas_corpus_new ();
  guint next = 0;

  g_return_val_if_fail (ATLAS_IS_CORPUS (corpus), NULL);

  /* Crashes come in notebook order, each notebook's run of n_crashes. */
  for (guint n = 0; n < atlas_corpus_get_n_notebooks (corpus); n++)
    {
      const AtlasNotebookInfo *info = atlas_corpus_get_notebook (corpus, n);
      g_autoptr(GPtrArray) crashes = g_ptr_array_new ();

      for (guint i = 0; i < info->n_crashes && next < atlas_corpus_get_n_crashes (corpus); i++)
        g_ptr_array_add (crashes, atlas_corpus_get_crash (corpus, next++));
      if (info->duplicate_of == NULL)
        atlas_corpus_add (distinct, info_copy (info), crashes);
    }
  return distinct;
}

const char *
atlas_corpus_load_remote_help (void)
{
  return _("Besides files and folders, PATH may be a remote source:\n"
           "  https://github.com/OWNER/REPO            every notebook of the default branch\n"
           "  https://github.com/OWNER/REPO/tree/REF/DIR   of a branch, tag or commit (below DIR)\n"
           "  https://github.com/OWNER/REPO/blob/REF/FILE.ipynb   one notebook\n"
           "  github:OWNER/REPO[@REF][/DIR]            short form\n"
           "  https://gist.github.com/ID, gist:ID      the notebooks of a gist\n"
           "  github-search:TERMS                      GitHub code search (needs a token)\n"
           "  https://www.kaggle.com/code/OWNER/SLUG, kaggle:OWNER/SLUG[@VERSION]\n"
           "  kaggle-search:TERMS, kaggle-competition:SLUG, kaggle-dataset:OWNER/SLUG,\n"
           "  kaggle-user:NAME                         lists of Kaggle notebooks\n"
           "Lists take options after “?”: max=N (default 100), sort=HOTNESS|DATE_RUN|VOTE_COUNT|RELEVANCE,\n"
           "language=python|r, e.g. “kaggle-competition:titanic?sort=VOTE_COUNT&max=500”.\n"
           "Credentials: GITHUB_TOKEN, KAGGLE_API_TOKEN or KAGGLE_USERNAME + KAGGLE_KEY, else the\n"
           "keyring (set in Preferences) or ~/.kaggle. API addresses: CRASH_ATLAS_GITHUB_API,\n"
           "CRASH_ATLAS_KAGGLE_API. Fetched notebooks are cached, so an interrupted import resumes.");
}

/* GObject */

static void
atlas_corpus_load_finalize (GObject *object)
{
  AtlasCorpusLoad *self = (AtlasCorpusLoad *)object;

  g_clear_object (&self->classifier);
  g_clear_pointer (&self->known, g_hash_table_unref);
  if (self->worker_data_destroy != NULL)
    self->worker_data_destroy (self->worker_data);
  g_clear_object (&self->scanner);
  atlas_credentials_free (self->credentials);
  g_ptr_array_unref (self->sources);
  g_ptr_array_unref (self->source_texts);
  g_ptr_array_unref (self->corpus_files);
  g_ptr_array_unref (self->no_crashes);
  g_clear_pointer (&self->seen, g_hash_table_unref);
  g_clear_object (&self->corpus);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (atlas_corpus_load_parent_class)->finalize (object);
}

static void
atlas_corpus_load_class_init (AtlasCorpusLoadClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = atlas_corpus_load_finalize;
}

static void
atlas_corpus_load_init (AtlasCorpusLoad *self)
{
  self->sources = g_ptr_array_new_with_free_func (g_object_unref);
  self->source_texts = g_ptr_array_new_with_free_func (g_free);
  self->corpus_files = g_ptr_array_new_with_free_func (g_free);
  self->no_crashes = g_ptr_array_new ();
}

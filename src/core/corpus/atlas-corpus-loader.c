/* atlas-corpus-loader.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-corpus-loader"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-classifier.h"
#include "atlas-cluster.h"
#include "atlas-corpus-file.h"
#include "atlas-corpus-load.h"
#include "atlas-corpus-loader.h"
#include "atlas-user-rules.h"

/* How often the main thread takes the results the worker queued: often
 * enough to look live, rarely enough that lists and charts update in
 * batches rather than per notebook. */
#define DRAIN_INTERVAL_MS 50

struct _AtlasCorpusLoader
{
  GObject       parent_instance;

  AtlasCorpus  *corpus;
  GCancellable *cancellable;   /* of the load in progress, or NULL */
  GTask        *task;          /* the caller's task of the load in progress */
  char         *rules_file;    /* the user's rules on top of the built-in ones, or NULL */
  char         *rules_problem; /* why the last load left the user's rules out, or NULL */
  AtlasStore   *store;         /* the corpus file the last load read, or NULL */
  guint         drain_id;
  AtlasCorpusPrepareFunc prepare;  /* for a corpus read from a file, on the worker */
  AtlasCorpusAdoptFunc   adopt;    /* hands what prepare built to the shown corpus */

  guint         n_done;
  guint         n_total;
  guint         n_crashes;
  guint         n_failed;
};

enum {
  PROP_0,
  PROP_RUNNING,
  PROP_N_DONE,
  PROP_N_TOTAL,
  PROP_N_CRASHES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (AtlasCorpusLoader, atlas_corpus_loader, G_TYPE_OBJECT)

/* What the worker hands over for one notebook. */
typedef struct
{
  AtlasNotebookInfo *info;
  GPtrArray         *crashes;
  gboolean           failed;
} LoadedNotebook;

static void
loaded_notebook_free (LoadedNotebook *loaded)
{
  g_clear_pointer (&loaded->info, atlas_notebook_info_free);
  g_clear_pointer (&loaded->crashes, g_ptr_array_unref);
  g_free (loaded);
}

/* The worker's state: owned copies only, shared with the main thread
 * through the queue and the atomic counters. */
typedef struct
{
  gatomicrefcount  ref_count;
  char           **paths;
  char            *rules_file;
  char            *rules_problem;  /* why the user's rules were left out, or NULL */
  AtlasCorpus     *file_corpus;    /* what a corpus file held, or NULL */
  AtlasStore      *store;          /* that corpus file, or NULL */
  GAsyncQueue     *queue;          /* LoadedNotebook* */
  GPtrArray       *crashes;        /* every crash, for clustering */
  guint           *clusters;       /* result of clustering, or NULL */
  guint            n_clusters;
  int              n_total;        /* atomic */
  guint            n_bad_sources;  /* addresses that did not parse, worker only */
  AtlasCorpusPrepareFunc prepare;
  GCancellable    *caller_cancellable;  /* main thread only */
  gulong           chain_id;
} LoadState;

static LoadState *
load_state_ref (LoadState *state)
{
  g_atomic_ref_count_inc (&state->ref_count);
  return state;
}

static void
load_state_unref (LoadState *state)
{
  if (!g_atomic_ref_count_dec (&state->ref_count))
    return;
  g_clear_object (&state->caller_cancellable);
  g_strfreev (state->paths);
  g_free (state->rules_file);
  g_free (state->rules_problem);
  g_clear_object (&state->file_corpus);
  g_clear_object (&state->store);
  g_async_queue_unref (state->queue);
  g_ptr_array_unref (state->crashes);
  g_free (state->clusters);
  g_free (state);
}

/* Runs on the worker: a copy of what the core's load hands over, for the
 * main thread. */
static void
load_item_cb (AtlasCorpusLoadItem *item,
              gpointer             user_data)
{
  LoadState *state = user_data;
  LoadedNotebook *loaded = g_new0 (LoadedNotebook, 1);

  loaded->crashes = g_ptr_array_new_with_free_func (g_object_unref);
  loaded->failed = item->notebook == NULL;
  loaded->info = g_steal_pointer (&item->info);
  for (guint i = 0; i < item->crashes->len; i++)
    {
      g_ptr_array_add (loaded->crashes, g_object_ref (g_ptr_array_index (item->crashes, i)));
      g_ptr_array_add (state->crashes, g_object_ref (g_ptr_array_index (item->crashes, i)));
    }
  g_async_queue_push (state->queue, loaded);
}

static void
load_progress_cb (const AtlasCorpusLoadProgress *progress,
                  gpointer                       user_data)
{
  LoadState *state = user_data;

  g_atomic_int_set (&state->n_total, (int)(progress->n_total + state->n_bad_sources));
}

/* A remote source whose address does not parse is one failed input, named
 * by its address, after those that load: the others still do. */
static void
push_bad_source (LoadState    *state,
                 const char   *text,
                 const GError *error)
{
  LoadedNotebook *loaded = g_new0 (LoadedNotebook, 1);

  loaded->crashes = g_ptr_array_new_with_free_func (g_object_unref);
  loaded->failed = TRUE;
  loaded->info = atlas_notebook_info_new_failed (text, ATLAS_PLATFORM_LOCAL,
                                                 ATLAS_NOTEBOOK_STATUS_UNREADABLE, error->message);
  g_async_queue_push (state->queue, loaded);
}

static void
cluster_crashes (LoadState *state)
{
  g_autofree const char **messages = g_new (const char *, MAX (state->crashes->len, 1));

  for (guint i = 0; i < state->crashes->len; i++)
    messages[i] = atlas_crash_get_message (g_ptr_array_index (state->crashes, i));
  state->clusters = atlas_cluster_messages (messages, state->crashes->len, &state->n_clusters);
}

/* The core's load on this thread; what it reads goes to the main thread
 * through the queue. */
static void
load_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadState *state = task_data;
  g_autoptr(AtlasClassifier) classifier = NULL;
  g_autoptr(AtlasCorpusLoad) load = NULL;
  g_autoptr(GPtrArray) bad_sources = g_ptr_array_new_with_free_func ((GDestroyNotify)g_error_free);
  g_autoptr(GPtrArray) bad_texts = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  gboolean file = state->paths[0] != NULL && state->paths[1] == NULL &&
                  atlas_corpus_file_sniff (state->paths[0]);

  classifier = atlas_classifier_new_with_user_rules (state->rules_file, &state->rules_problem);
  /* One core stays free for the window, so it never waits for the scan.
   * Folders are walked first, so the progress bar knows its total. */
  load = atlas_corpus_load_new (ATLAS_CORPUS_LOAD_WALK_FIRST | (file ? ATLAS_CORPUS_LOAD_COLLECT : 0),
                                MAX (1, (int)g_get_num_processors () - 1));
  atlas_corpus_load_set_classifier (load, classifier);
  if (file)
    /* A saved corpus: its labels are read back, not recomputed, unless
     * other rules made them. */
    atlas_corpus_load_add_corpus_file (load, state->paths[0]);
  else
    for (guint i = 0; state->paths[i] != NULL; i++)
      if (!atlas_corpus_load_add_input (load, state->paths[i], &error))
        {
          if (!atlas_remote_spec_is_remote (state->paths[i]))
            {
              g_task_return_error (task, g_steal_pointer (&error));
              return;
            }
          g_ptr_array_add (bad_sources, g_steal_pointer (&error));
          g_ptr_array_add (bad_texts, state->paths[i]);
        }
  state->n_bad_sources = bad_sources->len;
  g_atomic_int_set (&state->n_total, (int)(atlas_corpus_load_get_n_total (load) + state->n_bad_sources));
  if (!atlas_corpus_load_run (load, load_item_cb, load_progress_cb, state, cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  for (guint i = 0; i < bad_sources->len; i++)
    push_bad_source (state, g_ptr_array_index (bad_texts, i), g_ptr_array_index (bad_sources, i));
  if (file)
    {
      state->file_corpus = g_object_ref (atlas_corpus_load_get_corpus (load));
      state->store = g_object_ref (atlas_corpus_load_get_store (load));
      /* The charts' indexes are built here, not on the main thread. */
      if (state->prepare != NULL)
        state->prepare (state->file_corpus);
    }
  else
    cluster_crashes (state);
  g_task_return_boolean (task, TRUE);
}

static void
set_counts (AtlasCorpusLoader *self,
            guint              n_done,
            guint              n_total,
            guint              n_crashes)
{
  /* The total first, so that no one sees more done than there is. */
  if (self->n_total != n_total)
    {
      self->n_total = n_total;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_TOTAL]);
    }
  if (self->n_done != n_done)
    {
      self->n_done = n_done;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DONE]);
    }
  if (self->n_crashes != n_crashes)
    {
      self->n_crashes = n_crashes;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_CRASHES]);
    }
}

/* Moves every queued notebook into the corpus. */
static void
drain_queue (AtlasCorpusLoader *self,
             LoadState         *state)
{
  g_autoptr(AtlasCorpus) batch = atlas_corpus_new ();
  LoadedNotebook *loaded;
  guint n_done = self->n_done, n_crashes = self->n_crashes;

  /* The window's models see one items-changed per drain, not one per
   * notebook: a few hundred notebooks arrive every 50 ms. */
  while ((loaded = g_async_queue_try_pop (state->queue)))
    {
      n_done++;
      n_crashes += loaded->crashes->len;
      self->n_failed += loaded->failed;
      atlas_corpus_add (batch, g_steal_pointer (&loaded->info), loaded->crashes);
      loaded_notebook_free (loaded);
    }
  if (atlas_corpus_get_n_notebooks (batch) > 0)
    atlas_corpus_take_contents (self->corpus, batch);
  set_counts (self, n_done, g_atomic_int_get (&state->n_total), n_crashes);
}

static gboolean
drain_cb (gpointer user_data)
{
  AtlasCorpusLoader *self = user_data;

  if (self->task != NULL)
    drain_queue (self, g_task_get_task_data (self->task));
  return G_SOURCE_CONTINUE;
}

static void
apply_clusters (LoadState *state)
{
  if (state->clusters == NULL)
    return;
  for (guint i = 0; i < state->crashes->len; i++)
    atlas_crash_set_cluster (g_ptr_array_index (state->crashes, i), (int)state->clusters[i]);
}

static void
set_running_task (AtlasCorpusLoader *self,
                  GTask             *task)
{
  gboolean was_running = self->task != NULL;

  g_set_object (&self->task, task);
  if (task == NULL)
    {
      g_clear_handle_id (&self->drain_id, g_source_remove);
      g_clear_object (&self->cancellable);
    }
  else if (self->drain_id == 0)
    self->drain_id = g_timeout_add (DRAIN_INTERVAL_MS, drain_cb, self);
  if (was_running != (task != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

static void
load_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) outer = user_data;
  AtlasCorpusLoader *self = g_task_get_source_object (outer);
  LoadState *state = g_task_get_task_data (outer);
  g_autoptr(GError) error = NULL;

  if (state->caller_cancellable != NULL)
    g_cancellable_disconnect (state->caller_cancellable, state->chain_id);
  /* A newer load replaced this one: it owns the corpus now. */
  if (self->task == outer)
    {
      drain_queue (self, state);
      g_free (self->rules_problem);
      self->rules_problem = g_strdup (state->rules_problem);
      if (g_task_propagate_boolean (G_TASK (result), &error))
        {
          apply_clusters (state);
          if (state->file_corpus != NULL)
            {
              guint n = atlas_corpus_get_n_notebooks (state->file_corpus);

              if (self->adopt != NULL)
                self->adopt (self->corpus, state->file_corpus);
              atlas_corpus_take_contents (self->corpus, state->file_corpus);
              set_counts (self, n, n, atlas_corpus_get_n_crashes (self->corpus));
              g_set_object (&self->store, state->store);
            }
        }
      set_running_task (self, NULL);
    }
  else
    g_task_propagate_boolean (G_TASK (result), &error);

  if (error != NULL)
    g_task_return_error (outer, g_steal_pointer (&error));
  else
    g_task_return_boolean (outer, TRUE);
}

void
atlas_corpus_loader_cancel (AtlasCorpusLoader *self)
{
  g_return_if_fail (ATLAS_IS_CORPUS_LOADER (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

static void
chain_cancel_cb (GCancellable *outer,
                 GCancellable *inner)
{
  g_cancellable_cancel (inner);
}

void
atlas_corpus_loader_set_rules_file (AtlasCorpusLoader *self,
                                    const char        *rules_file)
{
  g_return_if_fail (ATLAS_IS_CORPUS_LOADER (self));

  g_free (self->rules_file);
  self->rules_file = g_strdup (rules_file);
}

void
atlas_corpus_loader_set_prepare_funcs (AtlasCorpusLoader      *self,
                                       AtlasCorpusPrepareFunc  prepare,
                                       AtlasCorpusAdoptFunc    adopt)
{
  g_return_if_fail (ATLAS_IS_CORPUS_LOADER (self));

  self->prepare = prepare;
  self->adopt = adopt;
}

AtlasStore *
atlas_corpus_loader_get_store (AtlasCorpusLoader *self)
{
  g_return_val_if_fail (ATLAS_IS_CORPUS_LOADER (self), NULL);

  return self->store;
}

const char *
atlas_corpus_loader_get_rules_problem (AtlasCorpusLoader *self)
{
  g_return_val_if_fail (ATLAS_IS_CORPUS_LOADER (self), NULL);

  return self->rules_problem;
}

void
atlas_corpus_loader_load_async (AtlasCorpusLoader   *self,
                                const char * const  *paths,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) outer = NULL;
  g_autoptr(GTask) inner = NULL;
  LoadState *state;

  g_return_if_fail (ATLAS_IS_CORPUS_LOADER (self));
  g_return_if_fail (paths != NULL);

  atlas_corpus_loader_cancel (self);
  atlas_corpus_clear (self->corpus);
  g_clear_object (&self->store);
  self->n_failed = 0;
  set_counts (self, 0, 0, 0);

  state = g_new0 (LoadState, 1);
  g_atomic_ref_count_init (&state->ref_count);
  state->paths = g_strdupv ((char **)paths);
  state->rules_file = g_strdup (self->rules_file);
  state->prepare = self->prepare;
  state->queue = g_async_queue_new_full ((GDestroyNotify)loaded_notebook_free);
  state->crashes = g_ptr_array_new_with_free_func (g_object_unref);

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, atlas_corpus_loader_load_async);
  g_task_set_task_data (outer, load_state_ref (state), (GDestroyNotify)load_state_unref);

  /* The worker gets its own cancellable so that cancel() and a new load stop
   * it whatever the caller passed. */
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  if (cancellable != NULL)
    {
      state->caller_cancellable = g_object_ref (cancellable);
      state->chain_id = g_cancellable_connect (cancellable, G_CALLBACK (chain_cancel_cb),
                                               g_object_ref (self->cancellable), g_object_unref);
    }
  set_running_task (self, outer);

  inner = g_task_new (NULL, self->cancellable, load_done_cb, g_object_ref (outer));
  g_task_set_source_tag (inner, load_worker);
  g_task_set_task_data (inner, state, (GDestroyNotify)load_state_unref);
  g_task_run_in_thread (inner, load_worker);
}

gboolean
atlas_corpus_loader_load_finish (AtlasCorpusLoader  *self,
                                 GAsyncResult       *result,
                                 GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
atlas_corpus_loader_get_running (AtlasCorpusLoader *self)
{
  g_return_val_if_fail (ATLAS_IS_CORPUS_LOADER (self), FALSE);
  return self->task != NULL;
}

guint
atlas_corpus_loader_get_n_done (AtlasCorpusLoader *self)
{
  g_return_val_if_fail (ATLAS_IS_CORPUS_LOADER (self), 0);
  return self->n_done;
}

guint
atlas_corpus_loader_get_n_total (AtlasCorpusLoader *self)
{
  g_return_val_if_fail (ATLAS_IS_CORPUS_LOADER (self), 0);
  return self->n_total;
}

guint
atlas_corpus_loader_get_n_crashes (AtlasCorpusLoader *self)
{
  g_return_val_if_fail (ATLAS_IS_CORPUS_LOADER (self), 0);
  return self->n_crashes;
}

guint
atlas_corpus_loader_get_n_failed (AtlasCorpusLoader *self)
{
  g_return_val_if_fail (ATLAS_IS_CORPUS_LOADER (self), 0);
  return self->n_failed;
}

static void
atlas_corpus_loader_dispose (GObject *object)
{
  AtlasCorpusLoader *self = (AtlasCorpusLoader *)object;

  atlas_corpus_loader_cancel (self);
  g_clear_handle_id (&self->drain_id, g_source_remove);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->corpus);
  g_clear_pointer (&self->rules_file, g_free);
  g_clear_pointer (&self->rules_problem, g_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (atlas_corpus_loader_parent_class)->dispose (object);
}

static void
atlas_corpus_loader_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AtlasCorpusLoader *self = ATLAS_CORPUS_LOADER (object);

  switch (prop_id)
    {
    case PROP_RUNNING:
      g_value_set_boolean (value, self->task != NULL);
      break;
    case PROP_N_DONE:
      g_value_set_uint (value, self->n_done);
      break;
    case PROP_N_TOTAL:
      g_value_set_uint (value, self->n_total);
      break;
    case PROP_N_CRASHES:
      g_value_set_uint (value, self->n_crashes);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_corpus_loader_class_init (AtlasCorpusLoaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = atlas_corpus_loader_dispose;
  object_class->get_property = atlas_corpus_loader_get_property;

  properties[PROP_RUNNING] = g_param_spec_boolean ("running", NULL, NULL, FALSE, flags);
  properties[PROP_N_DONE] = g_param_spec_uint ("n-done", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_N_TOTAL] = g_param_spec_uint ("n-total", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_N_CRASHES] = g_param_spec_uint ("n-crashes", NULL, NULL, 0, G_MAXUINT, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_corpus_loader_init (AtlasCorpusLoader *self)
{
}

AtlasCorpusLoader *
atlas_corpus_loader_new (AtlasCorpus *corpus)
{
  AtlasCorpusLoader *self;

  g_return_val_if_fail (ATLAS_IS_CORPUS (corpus), NULL);

  self = g_object_new (ATLAS_TYPE_CORPUS_LOADER, NULL);
  self->corpus = g_object_ref (corpus);
  return self;
}

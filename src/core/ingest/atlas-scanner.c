/* atlas-scanner.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-scanner"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "atlas-folder-walk.h"
#include "atlas-scanner.h"

typedef struct
{
  char *path;
  char *location;
} Input;

/* A path given to a scanner that walks its folders during the run. */
typedef struct
{
  char     *path;
  gboolean  is_folder;
} Source;

struct _AtlasScanner
{
  GObject              parent_instance;

  GPtrArray           *inputs;      /* Input; each stays where it is while the run adds more */
  GArray              *sources;     /* Source: what the run still has to walk */
  GPtrArray           *empty_folders;
  gboolean             walk_in_run;
  guint                n_jobs;
  AtlasPlatform        platform;
  AtlasReadFlags       read_flags;
  AtlasScanWorkerFunc  worker_func;
  gpointer             worker_data;
  GDestroyNotify       worker_data_destroy;
};

G_DEFINE_FINAL_TYPE (AtlasScanner, atlas_scanner, G_TYPE_OBJECT)

G_DEFINE_QUARK (atlas-scanner-error-quark, atlas_scanner_error)

/* Workers may run this far ahead of the consumer, which bounds the memory
 * held by finished results waiting for their turn. */
#define WINDOW_PER_JOB 64

/* A worker parses the notebooks it has to in batches of this many drafts
 * (or of this many bytes of them), see AtlasNotebookDraft. */
#define DRAFTS_PER_BATCH 8
#define DRAFT_BYTES_PER_BATCH (4 * 1024 * 1024)

static void
input_free (gpointer data)
{
  Input *input = data;

  g_free (input->path);
  g_free (input->location);
  g_free (input);
}

static void
source_clear (gpointer data)
{
  g_free (((Source *)data)->path);
}

static void
atlas_scanner_finalize (GObject *object)
{
  AtlasScanner *self = (AtlasScanner *)object;

  g_ptr_array_unref (self->inputs);
  g_array_unref (self->sources);
  g_ptr_array_unref (self->empty_folders);
  if (self->worker_data_destroy != NULL)
    self->worker_data_destroy (self->worker_data);

  G_OBJECT_CLASS (atlas_scanner_parent_class)->finalize (object);
}

static void
atlas_scanner_class_init (AtlasScannerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = atlas_scanner_finalize;
}

static void
atlas_scanner_init (AtlasScanner *self)
{
  self->inputs = g_ptr_array_new_with_free_func (input_free);
  self->sources = g_array_new (FALSE, FALSE, sizeof (Source));
  g_array_set_clear_func (self->sources, source_clear);
  self->empty_folders = g_ptr_array_new_with_free_func (g_free);
}

AtlasScanner *
atlas_scanner_new (guint n_jobs)
{
  AtlasScanner *self = g_object_new (ATLAS_TYPE_SCANNER, NULL);

  self->n_jobs = n_jobs > 0 ? n_jobs : MAX (1, g_get_num_processors ());
  return self;
}

void
atlas_scanner_set_platform (AtlasScanner  *self,
                            AtlasPlatform  platform)
{
  g_return_if_fail (ATLAS_IS_SCANNER (self));
  self->platform = platform;
}

void
atlas_scanner_set_read_flags (AtlasScanner   *self,
                              AtlasReadFlags  flags)
{
  g_return_if_fail (ATLAS_IS_SCANNER (self));
  self->read_flags = flags;
}

void
atlas_scanner_set_walk_in_run (AtlasScanner *self,
                               gboolean      walk_in_run)
{
  g_return_if_fail (ATLAS_IS_SCANNER (self));
  g_return_if_fail (self->inputs->len == 0 && self->sources->len == 0);
  self->walk_in_run = !!walk_in_run;
}

void
atlas_scanner_set_worker_func (AtlasScanner        *self,
                               AtlasScanWorkerFunc  func,
                               gpointer             user_data,
                               GDestroyNotify       data_destroy)
{
  g_return_if_fail (ATLAS_IS_SCANNER (self));

  if (self->worker_data_destroy != NULL)
    self->worker_data_destroy (self->worker_data);
  self->worker_func = func;
  self->worker_data = user_data;
  self->worker_data_destroy = data_destroy;
}

static Input *
input_new (const char *path,
           const char *location)
{
  Input *input = g_new (Input, 1);

  input->path = g_strdup (path);
  input->location = g_strdup (location);
  return input;
}

static gboolean
add_found (const char *path,
           const char *location,
           gpointer    user_data)
{
  AtlasScanner *self = user_data;

  g_ptr_array_add (self->inputs, input_new (path, location));
  return TRUE;
}

gboolean
atlas_scanner_add_path (AtlasScanner  *self,
                        const char    *path,
                        GError       **error)
{
  gboolean is_folder;

  g_return_val_if_fail (ATLAS_IS_SCANNER (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, ATLAS_SCANNER_ERROR, ATLAS_SCANNER_ERROR_NOT_FOUND,
                   _("%s: no such file or folder"), path);
      return FALSE;
    }

  is_folder = g_file_test (path, G_FILE_TEST_IS_DIR);
  if (self->walk_in_run)
    {
      Source source = { g_strdup (path), is_folder };

      g_array_append_val (self->sources, source);
      return TRUE;
    }

  if (!is_folder)
    return add_found (path, path, self);

  if (atlas_folder_walk (path, path, add_found, self) == 0)
    {
      g_set_error (error, ATLAS_SCANNER_ERROR, ATLAS_SCANNER_ERROR_NO_NOTEBOOKS,
                   _("%s: no notebooks (*.ipynb) in this folder"), path);
      return FALSE;
    }

  return TRUE;
}

guint
atlas_scanner_get_n_inputs (AtlasScanner *self)
{
  g_return_val_if_fail (ATLAS_IS_SCANNER (self), 0);
  return self->inputs->len;
}

char **
atlas_scanner_dup_empty_folders (AtlasScanner *self)
{
  char **folders;

  g_return_val_if_fail (ATLAS_IS_SCANNER (self), NULL);

  folders = g_new0 (char *, self->empty_folders->len + 1);
  for (guint i = 0; i < self->empty_folders->len; i++)
    folders[i] = g_strdup (g_ptr_array_index (self->empty_folders, i));
  return folders;
}

/* The run ------------------------------------------------------------------ */

/* The inputs grow while the run walks the sources; everything below the
 * mutex is shared by the walker, the workers and the consumer. */
typedef struct
{
  AtlasScanner     *scanner;
  GCancellable     *cancellable;
  GMutex            mutex;
  GCond             cond;
  GPtrArray        *results;   /* AtlasScanResult, one slot per known input */
  gboolean          walk_done;
  guint             next_input;
  guint             consumed;  /* results handed to the consumer so far */
  guint             window;
  /* Waking a thread is a system call: only those that wait are woken. */
  guint             n_workers_waiting;
  gboolean          consumer_waiting;
  gint              n_workers_started;
  /* Per worker, the results the consumer is done with. Each worker frees
   * its own: memory freed by another thread than the one that allocated it
   * goes back through that thread's malloc arena and its lock, which the
   * consumer and the workers then fought over. */
  GPtrArray       **spent;
} Run;

/* A result and the worker that read it; every result the workers hand
 * over is one, so the consumer can cast back. */
typedef struct
{
  AtlasScanResult result;
  guint           worker;
} WorkerResult;

static void
scan_result_free (AtlasScanResult *result)
{
  g_free (result->location);
  g_free (result->path);
  g_clear_object (&result->notebook);
  g_clear_error (&result->error);
  g_free (result);
}

/* Reads @input up to parsing. The result holds the notebook or the error,
 * unless *@draft is set: the worker finishes that later (finish_drafts()). */
static AtlasScanResult *
start_one (AtlasScanner        *self,
           guint                worker,
           const Input         *input,
           guint                index,
           AtlasNotebookDraft **draft)
{
  WorkerResult *owned = g_new0 (WorkerResult, 1);
  AtlasScanResult *result = &owned->result;

  owned->worker = worker;
  result->index = index;
  result->location = g_strdup (input->location);
  result->path = g_strdup (input->path);
  result->notebook = atlas_notebook_read_file_draft (input->path, input->location, self->platform,
                                                     self->read_flags, draft, &result->error);
  return result;
}

static void
finish_one (AtlasScanner    *self,
            AtlasScanResult *result)
{
  if (result->notebook != NULL && self->worker_func != NULL)
    self->worker_func (result->notebook, self->worker_data);
}

/* A result whose notebook is still a draft. */
typedef struct
{
  AtlasScanResult    *result;
  AtlasNotebookDraft *draft;
} Pending;

static gboolean
run_cancelled (Run *run)
{
  return g_cancellable_is_cancelled (run->cancellable);
}

/* Called with the mutex held. */
static gboolean
worker_may_start (Run *run)
{
  return run->next_input < run->results->len && run->next_input < run->consumed + run->window;
}

/* The consumer is woken for a batch of results rather than for each one:
 * a wake-up is a system call and a context switch. */
#define CONSUMER_BATCH 8

/* Called with the mutex held. @stalling: the calling worker is about to
 * wait or leave, so nobody may come to wake the consumer later. */
static void
wake_consumer (Run      *run,
               gboolean  stalling)
{
  guint ready = 0;

  if (!run->consumer_waiting)
    return;
  while (ready < CONSUMER_BATCH && run->consumed + ready < run->results->len &&
         g_ptr_array_index (run->results, run->consumed + ready) != NULL)
    ready++;
  if (ready == CONSUMER_BATCH || (ready > 0 && stalling))
    g_cond_broadcast (&run->cond);
}

/* Called without the mutex. */
static void
publish (Run             *run,
         AtlasScanResult *result)
{
  g_mutex_lock (&run->mutex);
  g_ptr_array_index (run->results, result->index) = result;
  wake_consumer (run, FALSE);
  g_mutex_unlock (&run->mutex);
}

static void
finish_drafts (Run    *run,
               GArray *pending,
               gsize  *pending_bytes)
{
  for (guint i = 0; i < pending->len; i++)
    {
      Pending *p = &g_array_index (pending, Pending, i);

      p->result->notebook = atlas_notebook_draft_finish (p->draft, &p->result->error);
      g_clear_pointer (&p->draft, atlas_notebook_draft_free);
      finish_one (run->scanner, p->result);
      publish (run, p->result);
    }
  g_array_set_size (pending, 0);
  *pending_bytes = 0;
}

static void
drop_drafts (GArray *pending,
             gsize  *pending_bytes)
{
  for (guint i = 0; i < pending->len; i++)
    {
      Pending *p = &g_array_index (pending, Pending, i);

      atlas_notebook_draft_free (p->draft);
      scan_result_free (p->result);
    }
  g_array_set_size (pending, 0);
  *pending_bytes = 0;
}

static void
free_spent (GPtrArray *spent)
{
  for (guint i = 0; i < spent->len; i++)
    scan_result_free (g_ptr_array_index (spent, i));
  g_ptr_array_set_size (spent, 0);
}

static gpointer
run_worker (gpointer data)
{
  Run *run = data;
  guint me = g_atomic_int_add (&run->n_workers_started, 1);
  g_autoptr(GArray) pending = g_array_new (FALSE, FALSE, sizeof (Pending));
  g_autoptr(GPtrArray) spent = g_ptr_array_new ();
  gsize pending_bytes = 0;

  for (;;)
    {
      AtlasNotebookDraft *draft = NULL;
      AtlasScanResult *result;
      const Input *input;
      guint index;

      g_mutex_lock (&run->mutex);
      if (run->spent[me]->len > 0)
        {
          GPtrArray *swap = run->spent[me];

          run->spent[me] = spent;
          spent = swap;
          g_mutex_unlock (&run->mutex);
          free_spent (spent);
          g_mutex_lock (&run->mutex);
        }
      /* Drafts are finished before waiting: the consumer may be waiting
       * for one of them. */
      if (pending->len > 0 && (run_cancelled (run) || !worker_may_start (run)))
        {
          gboolean cancelled = run_cancelled (run);

          g_mutex_unlock (&run->mutex);
          if (cancelled)
            drop_drafts (pending, &pending_bytes);
          else
            finish_drafts (run, pending, &pending_bytes);
          continue;
        }
      while (!run_cancelled (run) && !worker_may_start (run) &&
             !(run->walk_done && run->next_input >= run->results->len))
        {
          wake_consumer (run, TRUE);
          run->n_workers_waiting++;
          g_cond_wait (&run->cond, &run->mutex);
          run->n_workers_waiting--;
        }
      if (run_cancelled (run) || !worker_may_start (run))
        {
          wake_consumer (run, TRUE);
          g_mutex_unlock (&run->mutex);
          return NULL;
        }
      index = run->next_input++;
      input = g_ptr_array_index (run->scanner->inputs, index);
      g_mutex_unlock (&run->mutex);

      result = start_one (run->scanner, me, input, index, &draft);
      if (draft != NULL)
        {
          Pending p = { result, draft };

          g_array_append_val (pending, p);
          pending_bytes += atlas_notebook_draft_get_size (draft);
          if (pending->len >= DRAFTS_PER_BATCH || pending_bytes >= DRAFT_BYTES_PER_BATCH)
            finish_drafts (run, pending, &pending_bytes);
          continue;
        }
      finish_one (run->scanner, result);
      publish (run, result);
    }
}

static gboolean
walker_add (const char *path,
            const char *location,
            gpointer    user_data)
{
  Run *run = user_data;

  g_mutex_lock (&run->mutex);
  g_ptr_array_add (run->scanner->inputs, input_new (path, location));
  g_ptr_array_add (run->results, NULL);
  if (run->n_workers_waiting > 0)
    g_cond_broadcast (&run->cond);
  g_mutex_unlock (&run->mutex);

  return !run_cancelled (run);
}

/* Walks the sources in order while the workers already read what it found. */
static gpointer
run_walker (gpointer data)
{
  Run *run = data;
  AtlasScanner *self = run->scanner;

  for (guint i = 0; i < self->sources->len && !run_cancelled (run); i++)
    {
      const Source *source = &g_array_index (self->sources, Source, i);

      if (!source->is_folder)
        walker_add (source->path, source->path, run);
      else if (atlas_folder_walk (source->path, source->path, walker_add, run) == 0)
        g_ptr_array_add (self->empty_folders, g_strdup (source->path));
    }

  g_mutex_lock (&run->mutex);
  g_array_set_size (self->sources, 0);
  run->walk_done = TRUE;
  g_cond_broadcast (&run->cond);
  g_mutex_unlock (&run->mutex);
  return NULL;
}

static void
cancelled_cb (GCancellable *cancellable,
              Run          *run)
{
  g_mutex_lock (&run->mutex);
  g_cond_broadcast (&run->cond);
  g_mutex_unlock (&run->mutex);
}

/* Returns the next result in input order, or NULL once there is none. */
static AtlasScanResult *
run_next_result (Run   *run,
                 guint  index)
{
  AtlasScanResult *result = NULL;

  g_mutex_lock (&run->mutex);
  for (;;)
    {
      if (run_cancelled (run))
        break;
      if (index < run->results->len && g_ptr_array_index (run->results, index) != NULL)
        {
          result = g_ptr_array_index (run->results, index);
          g_ptr_array_index (run->results, index) = NULL;
          break;
        }
      if (run->walk_done && index >= run->results->len)
        break;
      run->consumer_waiting = TRUE;
      g_cond_wait (&run->cond, &run->mutex);
      run->consumer_waiting = FALSE;
    }
  g_mutex_unlock (&run->mutex);

  return result;
}

gboolean
atlas_scanner_run (AtlasScanner         *self,
                   AtlasScanResultFunc   func,
                   gpointer              user_data,
                   GCancellable         *cancellable,
                   GError              **error)
{
  g_autoptr(GCancellable) own_cancellable = NULL;
  g_autoptr(GPtrArray) threads = g_ptr_array_new ();
  GThread *walker = NULL;
  gulong handler = 0;
  guint n_workers;
  Run run = { 0 };

  g_return_val_if_fail (ATLAS_IS_SCANNER (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  if (cancellable == NULL)
    cancellable = own_cancellable = g_cancellable_new ();

  run.scanner = self;
  run.cancellable = cancellable;
  run.results = g_ptr_array_new ();
  g_ptr_array_set_size (run.results, self->inputs->len);
  run.walk_done = self->sources->len == 0;
  run.window = self->n_jobs * WINDOW_PER_JOB;
  g_mutex_init (&run.mutex);
  g_cond_init (&run.cond);
  handler = g_cancellable_connect (cancellable, G_CALLBACK (cancelled_cb), &run, NULL);

  if (!run.walk_done)
    walker = g_thread_new ("atlas-walk", run_walker, &run);
  n_workers = run.walk_done ? MIN (self->n_jobs, self->inputs->len) : self->n_jobs;
  run.spent = g_new (GPtrArray *, n_workers);
  for (guint i = 0; i < n_workers; i++)
    run.spent[i] = g_ptr_array_new ();
  for (guint i = 0; i < n_workers; i++)
    g_ptr_array_add (threads, g_thread_new ("atlas-scan", run_worker, &run));

  for (guint i = 0;; i++)
    {
      AtlasScanResult *result = run_next_result (&run, i);

      if (result == NULL)
        break;

      func (result, user_data);

      g_mutex_lock (&run.mutex);
      g_ptr_array_add (run.spent[((WorkerResult *)result)->worker], result);
      run.consumed = i + 1;
      if (run.n_workers_waiting > 0)
        g_cond_broadcast (&run.cond);
      g_mutex_unlock (&run.mutex);
    }

  g_cancellable_disconnect (cancellable, handler);
  if (walker != NULL)
    g_thread_join (walker);
  for (guint i = 0; i < threads->len; i++)
    g_thread_join (g_ptr_array_index (threads, i));

  for (guint i = 0; i < n_workers; i++)
    {
      free_spent (run.spent[i]);
      g_ptr_array_unref (run.spent[i]);
    }
  g_free (run.spent);
  /* Results finished after a cancel were never handed over. */
  for (guint i = 0; i < run.results->len; i++)
    if (g_ptr_array_index (run.results, i) != NULL)
      scan_result_free (g_ptr_array_index (run.results, i));
  g_ptr_array_unref (run.results);
  g_mutex_clear (&run.mutex);
  g_cond_clear (&run.cond);

  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}

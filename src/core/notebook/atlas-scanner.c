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
#include <sys/stat.h>

#include "atlas-scanner.h"

typedef struct
{
  char *path;
  char *location;
} Input;

struct _AtlasScanner
{
  GObject              parent_instance;

  GArray              *inputs;      /* Input */
  guint                n_jobs;
  AtlasPlatform        platform;
  AtlasReadFlags       read_flags;
  AtlasScanWorkerFunc  worker_func;
  gpointer             worker_data;
  GDestroyNotify       worker_data_destroy;
};

G_DEFINE_FINAL_TYPE (AtlasScanner, atlas_scanner, G_TYPE_OBJECT)

/* g_ptr_array_sort hands the comparator pointers to the elements. */
static int
compare_indirect (gconstpointer a,
                  gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

G_DEFINE_QUARK (atlas-scanner-error-quark, atlas_scanner_error)

/* Workers may run this far ahead of the consumer, which bounds the memory
 * held by finished results waiting for their turn. */
#define WINDOW_PER_JOB 16

static void
input_clear (gpointer data)
{
  Input *input = data;

  g_free (input->path);
  g_free (input->location);
}

static void
atlas_scanner_finalize (GObject *object)
{
  AtlasScanner *self = (AtlasScanner *)object;

  g_array_unref (self->inputs);
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
  self->inputs = g_array_new (FALSE, FALSE, sizeof (Input));
  g_array_set_clear_func (self->inputs, input_clear);
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

static void
add_input (AtlasScanner *self,
           const char   *path,
           const char   *location)
{
  Input input = { g_strdup (path), g_strdup (location) };

  g_array_append_val (self->inputs, input);
}

static gboolean
is_notebook_name (const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);

  return g_str_has_suffix (lower, ".ipynb") && name[0] != '.';
}

/* Depth-first, entries sorted by name, so the order (and so the output) is
 * the same on every machine. Symbolic links to folders are not followed:
 * they can loop. */
static void
add_folder (AtlasScanner *self,
            const char   *path,
            const char   *location)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_indirect);

  for (guint i = 0; i < names->len; i++)
    {
      const char *entry = g_ptr_array_index (names, i);
      g_autofree char *child = g_build_filename (path, entry, NULL);
      g_autofree char *child_location = g_build_filename (location, entry, NULL);

      GStatBuf st;

      /* One lstat an entry: a corpus folder holds tens of thousands. */
      if (g_lstat (child, &st) != 0)
        continue;
      if (S_ISDIR (st.st_mode))
        {
          if (entry[0] != '.')
            add_folder (self, child, child_location);
        }
      else if (is_notebook_name (entry))
        add_input (self, child, child_location);
    }
}

gboolean
atlas_scanner_add_path (AtlasScanner  *self,
                        const char    *path,
                        GError       **error)
{
  guint before;

  g_return_val_if_fail (ATLAS_IS_SCANNER (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, ATLAS_SCANNER_ERROR, ATLAS_SCANNER_ERROR_NOT_FOUND,
                   _("%s: no such file or folder"), path);
      return FALSE;
    }

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      add_input (self, path, path);
      return TRUE;
    }

  before = self->inputs->len;
  add_folder (self, path, path);
  if (self->inputs->len == before)
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

/* The run ------------------------------------------------------------------ */

typedef struct
{
  AtlasScanner     *scanner;
  GCancellable     *cancellable;
  GMutex            mutex;
  GCond             cond;
  AtlasScanResult **results;   /* one slot per input, filled by workers */
  guint             next_input;
  guint             consumed;  /* results handed to the consumer so far */
  guint             window;
} Run;

static void
scan_result_free (AtlasScanResult *result)
{
  g_free (result->location);
  g_free (result->path);
  g_clear_object (&result->notebook);
  g_clear_error (&result->error);
  g_free (result);
}

static AtlasScanResult *
scan_one (AtlasScanner *self,
          guint         index)
{
  const Input *input = &g_array_index (self->inputs, Input, index);
  AtlasScanResult *result = g_new0 (AtlasScanResult, 1);

  result->index = index;
  result->location = g_strdup (input->location);
  result->path = g_strdup (input->path);
  result->notebook = atlas_notebook_read_file (input->path, input->location, self->platform,
                                               self->read_flags, &result->error);
  if (result->notebook != NULL && self->worker_func != NULL)
    self->worker_func (result->notebook, self->worker_data);

  return result;
}

static gboolean
run_cancelled (Run *run)
{
  return g_cancellable_is_cancelled (run->cancellable);
}

static gpointer
run_worker (gpointer data)
{
  Run *run = data;

  for (;;)
    {
      guint index;

      g_mutex_lock (&run->mutex);
      while (!run_cancelled (run) && run->next_input < run->scanner->inputs->len &&
             run->next_input >= run->consumed + run->window)
        g_cond_wait (&run->cond, &run->mutex);
      if (run_cancelled (run) || run->next_input >= run->scanner->inputs->len)
        {
          g_mutex_unlock (&run->mutex);
          return NULL;
        }
      index = run->next_input++;
      g_mutex_unlock (&run->mutex);

      {
        AtlasScanResult *result = scan_one (run->scanner, index);

        g_mutex_lock (&run->mutex);
        run->results[index] = result;
        g_cond_broadcast (&run->cond);
        g_mutex_unlock (&run->mutex);
      }
    }
}

static void
cancelled_cb (GCancellable *cancellable,
              Run          *run)
{
  g_mutex_lock (&run->mutex);
  g_cond_broadcast (&run->cond);
  g_mutex_unlock (&run->mutex);
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
  guint n_inputs = self->inputs->len;
  gulong handler = 0;
  Run run = { 0 };

  g_return_val_if_fail (ATLAS_IS_SCANNER (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  if (cancellable == NULL)
    cancellable = own_cancellable = g_cancellable_new ();

  run.scanner = self;
  run.cancellable = cancellable;
  run.results = g_new0 (AtlasScanResult *, MAX (n_inputs, 1));
  run.window = self->n_jobs * WINDOW_PER_JOB;
  g_mutex_init (&run.mutex);
  g_cond_init (&run.cond);
  handler = g_cancellable_connect (cancellable, G_CALLBACK (cancelled_cb), &run, NULL);

  for (guint i = 0; i < MIN (self->n_jobs, n_inputs); i++)
    g_ptr_array_add (threads, g_thread_new ("atlas-scan", run_worker, &run));

  for (guint i = 0; i < n_inputs && !g_cancellable_is_cancelled (cancellable); i++)
    {
      AtlasScanResult *result;

      g_mutex_lock (&run.mutex);
      while (run.results[i] == NULL && !run_cancelled (&run))
        g_cond_wait (&run.cond, &run.mutex);
      result = g_steal_pointer (&run.results[i]);
      g_mutex_unlock (&run.mutex);

      if (result == NULL)
        break;

      func (result, user_data);
      scan_result_free (result);

      g_mutex_lock (&run.mutex);
      run.consumed = i + 1;
      g_cond_broadcast (&run.cond);
      g_mutex_unlock (&run.mutex);
    }

  g_cancellable_disconnect (cancellable, handler);
  for (guint i = 0; i < threads->len; i++)
    g_thread_join (g_ptr_array_index (threads, i));

  /* Results finished after a cancel were never handed over. */
  for (guint i = 0; i < n_inputs; i++)
    if (run.results[i] != NULL)
      scan_result_free (run.results[i]);
  g_free (run.results);
  g_mutex_clear (&run.mutex);
  g_cond_clear (&run.cond);

  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}

/* atlas-corpus-save.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-corpus-file"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "atlas-corpus-load.h"
#include "atlas-corpus-save.h"

typedef struct
{
  char            *dest;
  AtlasStore      *source;
  char           **paths;
  GPtrArray       *notebooks;
  AtlasClassifier *classifier;
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_free (job->dest);
  g_clear_object (&job->source);
  g_strfreev (job->paths);
  g_clear_pointer (&job->notebooks, g_ptr_array_unref);
  g_clear_object (&job->classifier);
  g_free (job);
}

typedef struct
{
  AtlasStore *store;
  const char *rules_version;
} StoreWrite;

/* An unreadable notebook has nothing to keep; the open window named it. */
static void
store_item_cb (AtlasCorpusLoadItem *item,
               gpointer             user_data)
{
  StoreWrite *write = user_data;

  if (item->notebook != NULL)
    atlas_store_add_notebook (write->store, item->notebook, write->rules_version);
}

static gboolean
write_scanned (SaveJob       *job,
               const char    *path,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(AtlasStore) store = NULL;
  StoreWrite write;

  if ((store = atlas_store_open (path, error)) == NULL)
    return FALSE;
  write.store = store;
  write.rules_version = atlas_classifier_get_rules_version (job->classifier);

  if (job->paths != NULL && job->paths[0] != NULL)
    {
      /* One core stays free for the window, so it never waits for the save.
       * What the window showed is saved, or nothing: a path gone since
       * fails the save. */
      g_autoptr(AtlasCorpusLoad) load =
        atlas_corpus_load_new (ATLAS_CORPUS_LOAD_WALK_FIRST, MAX (1, (int)g_get_num_processors () - 1));

      atlas_corpus_load_set_classifier (load, job->classifier);
      atlas_corpus_load_set_read_flags (load, ATLAS_READ_CONTENT_HASH);
      for (guint i = 0; job->paths[i] != NULL; i++)
        if (!atlas_corpus_load_add_input (load, job->paths[i], error))
          return FALSE;
      if (!atlas_corpus_load_run (load, store_item_cb, NULL, &write, cancellable, error))
        return FALSE;
    }
  for (guint i = 0; job->notebooks != NULL && i < job->notebooks->len; i++)
    atlas_store_add_notebook (store, g_ptr_array_index (job->notebooks, i), write.rules_version);

  if (!atlas_store_close (store, error) || !atlas_store_update_clusters (store, error))
    return FALSE;
  g_clear_object (&store);
  /* Handed on as one file: no log beside it. */
  return atlas_store_make_self_contained (path, error);
}

/* What the written file holds, said as Save As reports it. */
static char *
describe_saved (const char *path)
{
  g_autoptr(AtlasStore) saved = atlas_store_open_full (path, ATLAS_STORE_OPEN_READ_ONLY, NULL);
  g_autofree char *counts_text = NULL;
  g_autofree char *name = NULL;
  AtlasStoreCounts counts;

  if (saved == NULL || !atlas_store_get_counts (saved, &counts, NULL))
    return NULL;
  counts_text = atlas_store_counts_describe (&counts);
  name = g_filename_display_basename (path);
  /* Translators: "Saved corpus.crashatlas: 4,240 notebooks, 5,840 crashes; …" */
  return g_strdup_printf (_("Saved %s: %s"), name, counts_text);
}

static void
remove_partial (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);
      g_unlink (name);
    }
}

static void
save_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveJob *job = task_data;
  g_autofree char *partial = g_strdup_printf ("%s.saving-%08x", job->dest, g_random_int ());
  g_autofree char *dest_wal = g_strconcat (job->dest, "-wal", NULL);
  g_autofree char *summary = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  /* A corpus open elsewhere keeps its log beside it: replacing the file
   * under it would mix two databases. */
  if (g_file_test (dest_wal, G_FILE_TEST_EXISTS))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_BUSY,
                               _("“%s” is in use by another window or program"), job->dest);
      return;
    }

  if (job->source != NULL)
    ok = atlas_store_save_as (job->source, partial, &error);
  else
    ok = write_scanned (job, partial, cancellable, &error);

  if (ok)
    summary = describe_saved (partial);
  /* The store is closed by now, so its log is folded into the file. */
  if (ok && g_rename (partial, job->dest) != 0)
    {
      int saved_errno = errno;

      g_set_error (&error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not save “%s”: %s"), job->dest, g_strerror (saved_errno));
      ok = FALSE;
    }
  remove_partial (partial);

  if (!ok)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, summary ? g_steal_pointer (&summary) : g_strdup (""), g_free);
}

void
atlas_corpus_file_save_async (const char          *dest,
                              AtlasStore          *source,
                              const char * const  *paths,
                              GPtrArray           *notebooks,
                              AtlasClassifier     *classifier,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SaveJob *job;

  g_return_if_fail (dest != NULL);
  g_return_if_fail (source == NULL || ATLAS_IS_STORE (source));
  g_return_if_fail (ATLAS_IS_CLASSIFIER (classifier));

  job = g_new0 (SaveJob, 1);
  job->dest = g_strdup (dest);
  job->source = source != NULL ? g_object_ref (source) : NULL;
  job->paths = g_strdupv ((char **)paths);
  /* A copy: the window goes on adding imports to its list meanwhile. */
  job->notebooks = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; notebooks != NULL && i < notebooks->len; i++)
    g_ptr_array_add (job->notebooks, g_object_ref (g_ptr_array_index (notebooks, i)));
  job->classifier = g_object_ref (classifier);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, atlas_corpus_file_save_async);
  g_task_set_task_data (task, job, (GDestroyNotify)save_job_free);
  g_task_run_in_thread (task, save_worker);
}

gboolean
atlas_corpus_file_save_finish (GAsyncResult  *result,
                               char         **summary,
                               GError       **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  if ((text = g_task_propagate_pointer (G_TASK (result), error)) == NULL)
    return FALSE;
  if (summary != NULL)
    *summary = text[0] != '\0' ? g_steal_pointer (&text) : NULL;
  return TRUE;
}

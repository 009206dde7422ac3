/* atlas-store.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-store"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-cluster.h"
#include "atlas-store-private.h"

struct _AtlasStore
{
  GObject           parent_instance;

  char             *path;
  sqlite3          *db;       /* the caller's thread */
  AtlasStoreWriter *writer;   /* started by the first write */
  char             *rules_version;
  GError           *writer_error;
  guint             n_added;     /* by writers already closed */
  guint             n_skipped;
};

G_DEFINE_FINAL_TYPE (AtlasStore, atlas_store, G_TYPE_OBJECT)

static void
atlas_store_finalize (GObject *object)
{
  AtlasStore *self = (AtlasStore *)object;

  g_clear_pointer (&self->writer, _atlas_store_writer_free);
  g_clear_pointer (&self->db, _atlas_store_db_close);
  g_clear_error (&self->writer_error);
  g_free (self->rules_version);
  g_free (self->path);

  G_OBJECT_CLASS (atlas_store_parent_class)->finalize (object);
}

static void
atlas_store_class_init (AtlasStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = atlas_store_finalize;
}

static void
atlas_store_init (AtlasStore *self)
{
}

/**
 * atlas_store_open:
 * @path: the corpus file; created when missing
 * @error: set when @path is not a corpus, is damaged, or cannot be opened
 *
 * Returns: (transfer full): the store, or %NULL
 */
static AtlasStore *
open_store (const char  *path,
            gboolean     create,
            GError     **error)
{
  g_autoptr(AtlasStore) self = NULL;
  sqlite3 *db;

  g_return_val_if_fail (path != NULL, NULL);

  if ((db = _atlas_store_db_open (path, create, error)) == NULL)
    return NULL;
  self = g_object_new (ATLAS_TYPE_STORE, NULL);
  self->db = db;
  self->path = g_strdup (path);
  return g_steal_pointer (&self);
}

AtlasStore *
atlas_store_open (const char  *path,
                  GError     **error)
{
  return open_store (path, TRUE, error);
}

AtlasStore *
atlas_store_open_existing (const char  *path,
                           GError     **error)
{
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The corpus “%s” does not exist"), path);
      return NULL;
    }
  return open_store (path, FALSE, error);
}

const char *
atlas_store_get_path (AtlasStore *self)
{
  g_return_val_if_fail (ATLAS_IS_STORE (self), NULL);
  return self->path;
}

guint
atlas_store_get_schema_version (AtlasStore *self)
{
  gint64 version = 0;

  g_return_val_if_fail (ATLAS_IS_STORE (self), 0);

  if (!_atlas_store_db_read_version (self->db, self->path, &version, NULL))
    return 0;
  return (guint)version;
}

GHashTable *
atlas_store_dup_content_hashes (AtlasStore  *self,
                                GError     **error)
{
  g_autoptr(GHashTable) hashes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ATLAS_IS_STORE (self), NULL);

  stmt = _atlas_store_db_prepare (self->db,
    "SELECT content_hash FROM notebook WHERE content_hash IS NOT NULL", self->path, error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (hashes, g_strdup (_atlas_store_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _atlas_store_db_error (self->db, rc, self->path, error);
      return NULL;
    }
  return g_steal_pointer (&hashes);
}

/* The writer gets its own connection, so that the caller's reads never wait
 * for a batch to commit. */
static gboolean
ensure_writer (AtlasStore  *self,
               GError     **error)
{
  sqlite3 *db;

  if (self->writer != NULL)
    return TRUE;
  if ((db = _atlas_store_db_open_again (self->path, error)) == NULL)
    return FALSE;
  self->writer = _atlas_store_writer_new (db, self->path);
  return TRUE;
}

void
atlas_store_add_notebook (AtlasStore    *self,
                          AtlasNotebook *notebook,
                          const char    *rules_version)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (ATLAS_IS_STORE (self));
  g_return_if_fail (ATLAS_IS_NOTEBOOK (notebook));

  if (self->writer_error != NULL)
    return;
  if (!ensure_writer (self, &error))
    {
      self->writer_error = g_steal_pointer (&error);
      return;
    }
  if (rules_version != NULL && g_strcmp0 (rules_version, self->rules_version) != 0)
    {
      g_free (self->rules_version);
      self->rules_version = g_strdup (rules_version);
    }
  _atlas_store_writer_push (self->writer, notebook, rules_version);
}

static gboolean
set_meta (AtlasStore  *self,
          const char  *key,
          const char  *value,
          GError     **error)
{
  sqlite3_stmt *stmt = _atlas_store_db_prepare (self->db,
    "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", self->path, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  _atlas_store_bind_text (stmt, 1, key);
  _atlas_store_bind_text (stmt, 2, value);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return _atlas_store_db_error (self->db, rc, self->path, error);
  return TRUE;
}

gboolean
atlas_store_flush (AtlasStore  *self,
                   GError     **error)
{
  g_return_val_if_fail (ATLAS_IS_STORE (self), FALSE);

  if (self->writer_error != NULL)
    {
      g_propagate_error (error, g_error_copy (self->writer_error));
      return FALSE;
    }
  if (self->writer == NULL)
    return TRUE;
  if (!_atlas_store_writer_flush (self->writer, error))
    return FALSE;
  if (self->rules_version != NULL)
    return set_meta (self, "rules_version", self->rules_version, error);
  return TRUE;
}

gboolean
atlas_store_close (AtlasStore  *self,
                   GError     **error)
{
  gboolean ok;

  g_return_val_if_fail (ATLAS_IS_STORE (self), FALSE);

  ok = atlas_store_flush (self, error);
  if (self->writer != NULL)
    {
      self->n_added += _atlas_store_writer_get_n_added (self->writer);
      self->n_skipped += _atlas_store_writer_get_n_skipped (self->writer);
    }
  g_clear_pointer (&self->writer, _atlas_store_writer_free);
  return ok;
}

guint
atlas_store_get_n_added (AtlasStore *self)
{
  g_return_val_if_fail (ATLAS_IS_STORE (self), 0);
  return self->n_added + (self->writer != NULL ? _atlas_store_writer_get_n_added (self->writer) : 0);
}

guint
atlas_store_get_n_skipped (AtlasStore *self)
{
  g_return_val_if_fail (ATLAS_IS_STORE (self), 0);
  return self->n_skipped + (self->writer != NULL ? _atlas_store_writer_get_n_skipped (self->writer) : 0);
}

char *
atlas_store_dup_rules_version (AtlasStore  *self,
                               GError     **error)
{
  sqlite3_stmt *stmt;
  char *version = NULL;
  int rc;

  g_return_val_if_fail (ATLAS_IS_STORE (self), NULL);

  stmt = _atlas_store_db_prepare (self->db, "SELECT value FROM meta WHERE key = 'rules_version'",
                                  self->path, error);
  if (stmt == NULL)
    return NULL;
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    version = g_strdup (_atlas_store_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    _atlas_store_db_error (self->db, rc, self->path, error);
  return version;
}

gboolean
atlas_store_save_as (AtlasStore  *self,
                     const char  *dest_path,
                     GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ATLAS_IS_STORE (self), FALSE);
  g_return_val_if_fail (dest_path != NULL, FALSE);

  if (!atlas_store_flush (self, error))
    return FALSE;
  /* Never over another file: it may be a corpus of its own. */
  if (g_file_test (dest_path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("“%s” already exists"), dest_path);
      return FALSE;
    }
  if ((stmt = _atlas_store_db_prepare (self->db, "VACUUM INTO ?", self->path, error)) == NULL)
    return FALSE;
  _atlas_store_bind_text (stmt, 1, dest_path);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return _atlas_store_db_error (self->db, rc, dest_path, error);
  return TRUE;
}

gboolean
atlas_store_check (AtlasStore  *self,
                   GError     **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *result = NULL;
  int rc;

  g_return_val_if_fail (ATLAS_IS_STORE (self), FALSE);

  if ((stmt = _atlas_store_db_prepare (self->db, "PRAGMA integrity_check(1)", self->path, error)) == NULL)
    return FALSE;
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    result = g_strdup (_atlas_store_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW)
    return _atlas_store_db_error (self->db, rc, self->path, error);
  if (g_strcmp0 (result, "ok") != 0)
    {
      g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_CORRUPT,
                   _("The corpus “%s” is damaged: %s"), self->path, result);
      return FALSE;
    }
  return TRUE;
}

AtlasCorpus *
atlas_store_load_corpus (AtlasStore    *self,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_return_val_if_fail (ATLAS_IS_STORE (self), NULL);

  return _atlas_store_read_corpus (self->db, self->path, cancellable, error);
}

static void
load_corpus_worker (GTask        *task,
                    gpointer      source,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  const char *path = task_data;
  GError *error = NULL;
  sqlite3 *db = _atlas_store_db_open_again (path, &error);
  AtlasCorpus *corpus = NULL;

  if (db != NULL)
    corpus = _atlas_store_read_corpus (db, path, cancellable, &error);
  _atlas_store_db_close (db);
  if (corpus == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, corpus, g_object_unref);
}

void
atlas_store_load_corpus_async (AtlasStore          *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ATLAS_IS_STORE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, atlas_store_load_corpus_async);
  /* The worker uses its own connection and only the path. */
  g_task_set_task_data (task, g_strdup (self->path), g_free);
  g_task_run_in_thread (task, load_corpus_worker);
}

/**
 * atlas_store_load_corpus_finish:
 *
 * Returns: (transfer full): the corpus, or %NULL with @error set
 */
AtlasCorpus *
atlas_store_load_corpus_finish (AtlasStore    *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

AtlasNotebook *
atlas_store_load_notebook (AtlasStore  *self,
                           const char  *location,
                           GError     **error)
{
  AtlasNotebook *notebook;
  sqlite3 *db;

  g_return_val_if_fail (ATLAS_IS_STORE (self), NULL);
  g_return_val_if_fail (location != NULL, NULL);

  /* A connection of its own makes this safe on any thread: the cell view
   * reads on a worker while the window may import into the same store. */
  db = _atlas_store_db_open_again (self->path, error);
  if (db == NULL)
    return NULL;
  notebook = _atlas_store_read_notebook (db, self->path, 0, location, error);
  _atlas_store_db_close (db);
  return notebook;
}

void
_atlas_store_set_max_page_count (AtlasStore *self,
                                 guint       n_pages)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA max_page_count=%u", n_pages);

  if (ensure_writer (self, NULL))
    _atlas_store_writer_set_max_page_count (self->writer, n_pages);
  sqlite3_exec (self->db, sql, NULL, NULL, NULL);
}

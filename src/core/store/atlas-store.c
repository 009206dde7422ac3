/* atlas-store.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-store"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "atlas-cluster.h"
#include "atlas-store-handle.h"
#include "atlas-store-private.h"

struct _AtlasStore
{
  GObject           parent_instance;

  char             *path;
  sqlite3          *db;       /* the caller's thread */
  AtlasStoreWriter *writer;   /* started by the first write */
  char             *rules_version;
  GError           *writer_error;
  AtlasStoreWriterCounts closed; /* by writers already closed */
  gboolean          read_only;
  gboolean          rescue;      /* loads skip damaged rows, naming them */
  guint             version;     /* the file's schema version */
  GPtrArray        *problems;    /* char *: what a rescue found damaged */
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
  g_clear_pointer (&self->problems, g_ptr_array_unref);

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
 * atlas_store_open_full:
 * @path: the corpus file
 * @flags: whether to create it, whether to write
 * @error: set when @path is not a corpus, is damaged, or cannot be opened
 *
 * Returns: (transfer full): the store, or %NULL
 */
AtlasStore *
atlas_store_open_full (const char           *path,
                       AtlasStoreOpenFlags   flags,
                       GError              **error)
{
  g_autoptr(AtlasStore) self = NULL;
  g_autofree char *damage = NULL;
  guint version = 0;
  sqlite3 *db;

  g_return_val_if_fail (path != NULL, NULL);

  if ((db = _atlas_store_db_open (path, flags, &version, &damage, error)) == NULL)
    return NULL;
  self = g_object_new (ATLAS_TYPE_STORE, NULL);
  self->db = db;
  self->path = g_strdup (path);
  self->version = version;
  self->read_only = (flags & (ATLAS_STORE_OPEN_READ_ONLY | ATLAS_STORE_OPEN_RESCUE)) != 0;
  self->rescue = (flags & ATLAS_STORE_OPEN_RESCUE) != 0;
  self->problems = g_ptr_array_new_with_free_func (g_free);
  if (damage != NULL)
    g_ptr_array_add (self->problems,
                     g_strdup_printf (_("The corpus “%s” is damaged: %s"), path, damage));
  return g_steal_pointer (&self);
}

AtlasStore *
atlas_store_open (const char  *path,
                  GError     **error)
{
  return atlas_store_open_full (path, ATLAS_STORE_OPEN_CREATE, error);
}

AtlasStore *
atlas_store_open_existing (const char  *path,
                           GError     **error)
{
  return atlas_store_open_full (path, 0, error);
}

gboolean
atlas_store_get_read_only (AtlasStore *self)
{
  g_return_val_if_fail (ATLAS_IS_STORE (self), TRUE);
  return self->read_only;
}

char **
atlas_store_dup_problems (AtlasStore *self)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  char **problems;

  g_return_val_if_fail (ATLAS_IS_STORE (self), NULL);

  for (guint i = 0; i < self->problems->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (self->problems, i));
  problems = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return problems;
}

const char *
atlas_store_get_path (AtlasStore *self)
{
  g_return_val_if_fail (ATLAS_IS_STORE (self), NULL);
  return self->path;
}

sqlite3 *
_atlas_store_get_db (AtlasStore *self)
{
  return self->db;
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

GHashTable *
atlas_store_dup_out_of_order (AtlasStore  *self,
                              GError     **error)
{
  g_autoptr(GHashTable) locations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ATLAS_IS_STORE (self), NULL);

  /* The highest count above each executed code cell, by a window over the
   * notebook's cells in order; a copy has no cells of its own and takes its
   * original's. */
  sql = g_strdup_printf (
    "SELECT n.location FROM notebook n WHERE %s IN ("
    " SELECT notebook_id FROM ("
    "  SELECT notebook_id, execution_count AS count,"
    "   max (execution_count) OVER (PARTITION BY notebook_id ORDER BY idx"
    "    ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS above"
    "  FROM cell WHERE kind = %d AND execution_count >= 0)"
    " WHERE count < above)",
    self->version >= 3 ? "coalesce (n.duplicate_of, n.id)" : "n.id", ATLAS_CELL_CODE);
  stmt = _atlas_store_db_prepare (self->db, sql, self->path, error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *location = _atlas_store_column_text (stmt, 0);

      if (location != NULL)
        g_hash_table_add (locations, g_strdup (location));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _atlas_store_db_error (self->db, rc, self->path, error);
      return NULL;
    }
  return g_steal_pointer (&locations);
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
  if (self->read_only)
    {
      g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_READ_ONLY,
                   _("The corpus “%s” was opened only to be read"), self->path);
      return FALSE;
    }
  if ((db = _atlas_store_db_open_again (self->path, FALSE, error)) == NULL)
    return FALSE;
  self->writer = _atlas_store_writer_new (db, self->path, error);
  return self->writer != NULL;
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

gboolean
atlas_store_set_meta (AtlasStore  *self,
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
    return atlas_store_set_meta (self, "rules_version", self->rules_version, error);
  return TRUE;
}

static void
get_counts (AtlasStore             *self,
            AtlasStoreWriterCounts *c)
{
  *c = self->closed;
  if (self->writer != NULL)
    {
      AtlasStoreWriterCounts w;

      _atlas_store_writer_get_counts (self->writer, &w);
      c->n_added += w.n_added;
      c->n_copies += w.n_copies;
      c->n_crashes += w.n_crashes;
      c->n_copy_crashes += w.n_copy_crashes;
      c->n_skipped += w.n_skipped;
      c->n_not_stored += w.n_not_stored;
    }
}

gboolean
atlas_store_close (AtlasStore  *self,
                   GError     **error)
{
  GError *local_error = NULL;
  gboolean ok;

  g_return_val_if_fail (ATLAS_IS_STORE (self), FALSE);

  ok = atlas_store_flush (self, &local_error);
  if (self->writer != NULL)
    {
      AtlasStoreWriterCounts c;

      /* The counts are final only once the writer has stopped. */
      _atlas_store_writer_stop (self->writer);
      _atlas_store_writer_get_counts (self->writer, &c);
      self->closed.n_added += c.n_added;
      self->closed.n_copies += c.n_copies;
      self->closed.n_crashes += c.n_crashes;
      self->closed.n_copy_crashes += c.n_copy_crashes;
      self->closed.n_skipped += c.n_skipped;
      self->closed.n_not_stored += c.n_not_stored;
      g_clear_pointer (&self->writer, _atlas_store_writer_free);
    }
  if (!ok && g_error_matches (local_error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_DISK_FULL))
    {
      AtlasStoreWriterCounts c;

      get_counts (self, &c);
      g_clear_error (&local_error);
      /* Said only when something was not stored, and what was. */
      g_set_error (&local_error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_DISK_FULL,
                   ngettext ("The disk is full: %u notebook could not be stored in “%s”; "
                             "%u before it are stored",
                             "The disk is full: %u notebooks could not be stored in “%s”; "
                             "%u before them are stored", c.n_not_stored),
                   c.n_not_stored, self->path, c.n_added);
    }
  if (!ok)
    g_propagate_error (error, local_error);
  return ok;
}

guint
atlas_store_get_n_added (AtlasStore *self)
{
  AtlasStoreWriterCounts c;

  g_return_val_if_fail (ATLAS_IS_STORE (self), 0);
  get_counts (self, &c);
  return c.n_added;
}

guint
atlas_store_get_n_copies (AtlasStore *self)
{
  AtlasStoreWriterCounts c;

  g_return_val_if_fail (ATLAS_IS_STORE (self), 0);
  get_counts (self, &c);
  return c.n_copies;
}

guint
atlas_store_get_n_added_crashes (AtlasStore *self)
{
  AtlasStoreWriterCounts c;

  g_return_val_if_fail (ATLAS_IS_STORE (self), 0);
  get_counts (self, &c);
  return c.n_crashes;
}

guint
atlas_store_get_n_added_copy_crashes (AtlasStore *self)
{
  AtlasStoreWriterCounts c;

  g_return_val_if_fail (ATLAS_IS_STORE (self), 0);
  get_counts (self, &c);
  return c.n_copy_crashes;
}

guint
atlas_store_get_n_skipped (AtlasStore *self)
{
  AtlasStoreWriterCounts c;

  g_return_val_if_fail (ATLAS_IS_STORE (self), 0);
  get_counts (self, &c);
  return c.n_skipped;
}

guint
atlas_store_get_n_not_stored (AtlasStore *self)
{
  AtlasStoreWriterCounts c;

  g_return_val_if_fail (ATLAS_IS_STORE (self), 0);
  get_counts (self, &c);
  return c.n_not_stored;
}

char *
atlas_store_dup_meta (AtlasStore  *self,
                      const char  *key,
                      GError     **error)
{
  sqlite3_stmt *stmt;
  char *value = NULL;
  int rc;

  g_return_val_if_fail (ATLAS_IS_STORE (self), NULL);

  stmt = _atlas_store_db_prepare (self->db, "SELECT value FROM meta WHERE key = ?", self->path, error);
  if (stmt == NULL)
    return NULL;
  _atlas_store_bind_text (stmt, 1, key);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AtlasStoreRow row = { 0 };
      const char *text;

      _atlas_store_row_begin (&row, stmt, self->path, "meta", -1);
      if ((text = _atlas_store_row_text (&row, 0, "value", TRUE)) != NULL)
        value = g_strdup (text);
      else if (row.error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&row.error));
          rc = SQLITE_DONE;
        }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    _atlas_store_db_error (self->db, rc, self->path, error);
  return value;
}

char *
atlas_store_dup_rules_version (AtlasStore  *self,
                               GError     **error)
{
  return atlas_store_dup_meta (self, "rules_version", error);
}

gboolean
atlas_store_foreach_notebook (AtlasStore              *self,
                              gint64                   after_id,
                              AtlasStoreNotebookFunc   func,
                              gpointer                 user_data,
                              gint64                  *last_id,
                              GCancellable            *cancellable,
                              GError                 **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  gboolean ok = TRUE;
  int rc;

  g_return_val_if_fail (ATLAS_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  *last_id = after_id;
  /* One snapshot for the ids and the notebooks. */
  if (!_atlas_store_db_exec (self->db, "BEGIN", self->path, error))
    return FALSE;
  stmt = _atlas_store_db_prepare (self->db, "SELECT id FROM notebook WHERE id > ? ORDER BY id",
                                  self->path, error);
  if (stmt == NULL)
    {
      sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, after_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    ok = _atlas_store_db_error (self->db, rc, self->path, error);
  for (guint i = 0; ok && i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(AtlasNotebook) notebook = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        ok = FALSE;
      else if ((notebook = _atlas_store_read_notebook (self->db, self->path, self->version, id, NULL, error)) == NULL)
        ok = FALSE;
      else
        {
          func (notebook, user_data);
          *last_id = id;
        }
    }
  sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);
  return ok;
}

gboolean
atlas_store_make_self_contained (const char  *path,
                                 GError     **error)
{
  sqlite3 *db = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, FALSE);

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db, "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode=DELETE;", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    _atlas_store_db_error (db, rc, path, error);
  sqlite3_close (db);
  return rc == SQLITE_OK;
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
  /* A copy handed on must not carry damage on: the full check, indexes
   * against their tables, before a byte is written. */
  if (!atlas_store_check (self, error))
    return FALSE;
  if ((stmt = _atlas_store_db_prepare (self->db, "VACUUM INTO ?", self->path, error)) == NULL)
    return FALSE;
  _atlas_store_bind_text (stmt, 1, dest_path);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return _atlas_store_db_error (self->db, rc, dest_path, error);
  return atlas_store_make_self_contained (dest_path, error);
}

gboolean
atlas_store_check (AtlasStore  *self,
                   GError     **error)
{
  g_autoptr(GString) found = g_string_new (NULL);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ATLAS_IS_STORE (self), FALSE);

  if ((stmt = _atlas_store_db_prepare (self->db, "PRAGMA integrity_check(10)", self->path, error)) == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = _atlas_store_column_text (stmt, 0);

      if (g_strcmp0 (line, "ok") == 0)
        continue;
      g_string_append_printf (found, "%s%s", found->len > 0 ? "; " : "", line ? line : "?");
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return _atlas_store_db_error (self->db, rc, self->path, error);
  if (found->len > 0)
    {
      g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_CORRUPT,
                   _("The corpus “%s” is damaged: %s"), self->path, found->str);
      return FALSE;
    }
  return TRUE;
}

gboolean
atlas_store_get_counts (AtlasStore        *self,
                        AtlasStoreCounts  *counts,
                        GError           **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ATLAS_IS_STORE (self), FALSE);

  memset (counts, 0, sizeof *counts);
  stmt = _atlas_store_db_prepare (self->db,
    self->version >= 3
      ? "SELECT count(*), total (n_crashes), count(duplicate_of),"
        " total (CASE WHEN duplicate_of IS NULL THEN 0 ELSE n_crashes END) FROM notebook"
      : "SELECT count(*), total (n_crashes), 0, 0 FROM notebook",
    self->path, error);
  if (stmt == NULL)
    return FALSE;
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      counts->n_notebooks = (guint)CLAMP (sqlite3_column_int64 (stmt, 0), 0, G_MAXUINT);
      counts->n_crashes = (guint)CLAMP (sqlite3_column_double (stmt, 1), 0, G_MAXUINT);
      counts->n_copies = (guint)CLAMP (sqlite3_column_int64 (stmt, 2), 0, G_MAXUINT);
      counts->n_copy_crashes = (guint)CLAMP (sqlite3_column_double (stmt, 3), 0, G_MAXUINT);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW)
    return _atlas_store_db_error (self->db, rc, self->path, error);
  return TRUE;
}

char *
atlas_store_counts_describe (const AtlasStoreCounts *counts)
{
  /* %'u: digits grouped as the locale groups them ("4,240"). */
  g_autofree char *notebooks = g_strdup_printf (ngettext ("%'u notebook", "%'u notebooks", counts->n_notebooks),
                                                counts->n_notebooks);
  g_autofree char *crashes = g_strdup_printf (ngettext ("%'u crash", "%'u crashes", counts->n_crashes),
                                              counts->n_crashes);

  if (counts->n_copies == 0)
    /* Translators: "4,240 notebooks, 5,840 crashes" */
    return g_strdup_printf (_("%s, %s"), notebooks, crashes);
  return g_strdup_printf (ngettext ("%s, %s; %'u is a copy of another notebook",
                                    "%s, %s; %'u are copies of another notebook", counts->n_copies),
                          notebooks, crashes, counts->n_copies);
}

AtlasCorpus *
atlas_store_load_corpus (AtlasStore    *self,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_return_val_if_fail (ATLAS_IS_STORE (self), NULL);

  /* A rescue skips the damaged rows and says which; otherwise the first
   * one fails the load. */
  return _atlas_store_read_corpus (self->db, self->path, self->version,
                                   self->rescue ? self->problems : NULL,
                                   cancellable, error);
}

typedef struct
{
  char     *path;
  guint     version;
  gboolean  read_only;
} LoadJob;

static void
load_job_free (LoadJob *job)
{
  g_free (job->path);
  g_free (job);
}

static void
load_corpus_worker (GTask        *task,
                    gpointer      source,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  LoadJob *job = task_data;
  GError *error = NULL;
  sqlite3 *db = _atlas_store_db_open_again (job->path, job->read_only, &error);
  AtlasCorpus *corpus = NULL;

  if (db != NULL)
    corpus = _atlas_store_read_corpus (db, job->path, job->version, NULL, cancellable, &error);
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
  LoadJob *job;

  g_return_if_fail (ATLAS_IS_STORE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, atlas_store_load_corpus_async);
  /* The worker uses its own connection and only the path. */
  job = g_new0 (LoadJob, 1);
  job->path = g_strdup (self->path);
  job->version = self->version;
  job->read_only = self->read_only;
  g_task_set_task_data (task, job, (GDestroyNotify)load_job_free);
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
  db = _atlas_store_db_open_again (self->path, self->read_only, error);
  if (db == NULL)
    return NULL;
  notebook = _atlas_store_read_notebook (db, self->path, self->version, 0, location, error);
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

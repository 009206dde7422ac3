/* atlas-store-writer.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-store"

#include "config.h"

#include <stdlib.h>

#include "atlas-notebook-builder.h"
#include "atlas-store-private.h"

/* A transaction is committed after this many notebooks or this long after
 * it began, whichever comes first: few fsyncs, little lost to a kill. */
#define BATCH_NOTEBOOKS 500
#define BATCH_USEC      (200 * G_TIME_SPAN_MILLISECOND)
/* The producer waits when the writer falls this far behind. */
#define MAX_PENDING     2000

typedef enum
{
  ITEM_NOTEBOOK,
  ITEM_FLUSH,
  ITEM_STOP,
} ItemKind;

typedef struct
{
  ItemKind       kind;
  guint64        seq;
  AtlasNotebook *notebook;
  char          *rules_version;
} Item;

struct _AtlasStoreWriter
{
  sqlite3      *db;
  char         *path;
  GThread      *thread;
  GAsyncQueue  *queue;
  sqlite3_stmt *insert_notebook;
  sqlite3_stmt *insert_cell;
  sqlite3_stmt *insert_crash;
  sqlite3_stmt *insert_traceback;
  sqlite3_stmt *find_same;
  sqlite3_stmt *find_content;

  guint         batch_notebooks;

  /* Writer thread only. */
  gboolean      in_transaction;
  gint64        transaction_start;
  guint         transaction_size;
  guint64       last_seq;
  guint         batch_added;
  guint         batch_copies;
  guint         batch_crashes;
  guint         batch_copy_crashes;
  guint         batch_skipped;
  guint         batch_items;    /* notebooks in the open transaction */

  /* Shared, under mutex. */
  GMutex        mutex;
  GCond         cond;
  guint64       pushed;
  guint64       done;
  GError       *error;
  guint         n_added;
  guint         n_copies;
  guint         n_crashes;
  guint         n_copy_crashes;
  guint         n_skipped;
  guint         n_not_stored;
};

enum { CELL_FLAG_HAS_ERROR = 1, CELL_FLAG_PAPERMILL_INJECTED = 2, CELL_FLAG_PAPERMILL_FAILED = 4 };

static const char *const insert_notebook_sql =
  "INSERT INTO notebook (location, url, platform, status, message, content_hash, size,"
  " imported_at, nbformat, nbformat_minor, language, papermill, packages, n_cells, n_crashes,"
  " duplicate_of)"
  " VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
/* This location with this content is stored (itself or as a copy). */
static const char *const find_same_sql =
  "SELECT 1 FROM notebook n LEFT JOIN notebook o ON o.id = n.duplicate_of"
  " WHERE n.location = ?1 AND coalesce (n.content_hash, o.content_hash) = ?2 LIMIT 1";
static const char *const find_content_sql =
  "SELECT id FROM notebook WHERE content_hash = ?";
static const char *const insert_cell_sql =
  "INSERT INTO cell (notebook_id, idx, kind, source, execution_count, n_outputs, flags)"
  " VALUES (?, ?, ?, ?, ?, ?, ?)";
static const char *const insert_traceback_sql =
  "INSERT INTO crash_traceback (crash_id, raw) VALUES (?, ?)";
static const char *const insert_crash_sql =
  "INSERT INTO crash (notebook_id, seq, cell, execution_count, ename, evalue, line,"
  " crash_type, root_cause, root_cause_detail, ml_bug, stage, library, evidence_crash_type,"
  " evidence_root_cause, evidence_ml_bug, evidence_stage, evidence_library, cluster, rules_version)"
  " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

static void
item_free (Item *item)
{
  g_clear_object (&item->notebook);
  g_free (item->rules_version);
  g_free (item);
}

static int
step_reset (sqlite3_stmt *stmt)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* A copy (@duplicate_of > 0) has no content hash of its own: the first
 * notebook's is unique in the table. */
static int
insert_notebook_row (AtlasStoreWriter *self,
                     AtlasNotebook    *notebook,
                     gint64            duplicate_of)
{
  sqlite3_stmt *stmt = self->insert_notebook;
  g_autofree char *packages = g_strjoinv (" ", (char **)atlas_notebook_get_packages (notebook));

  _atlas_store_bind_text (stmt, 1, atlas_notebook_get_location (notebook));
  _atlas_store_bind_text (stmt, 2, atlas_notebook_get_url (notebook));
  _atlas_store_bind_text (stmt, 3, atlas_platform_to_string (atlas_notebook_get_platform (notebook)));
  sqlite3_bind_int (stmt, 4, atlas_notebook_was_executed (notebook) ? ATLAS_NOTEBOOK_STATUS_OK
                                                                     : ATLAS_NOTEBOOK_STATUS_NOT_EXECUTED);
  _atlas_store_bind_text (stmt, 5, duplicate_of > 0 ? NULL : atlas_notebook_get_content_hash (notebook));
  sqlite3_bind_int64 (stmt, 6, (sqlite3_int64)atlas_notebook_get_size (notebook));
  sqlite3_bind_int64 (stmt, 7, g_get_real_time () / G_USEC_PER_SEC);
  sqlite3_bind_int (stmt, 8, atlas_notebook_get_nbformat (notebook));
  sqlite3_bind_int (stmt, 9, atlas_notebook_get_nbformat_minor (notebook));
  _atlas_store_bind_text (stmt, 10, atlas_notebook_get_language (notebook));
  sqlite3_bind_int (stmt, 11, atlas_notebook_is_papermill (notebook));
  _atlas_store_bind_text (stmt, 12, packages);
  sqlite3_bind_int (stmt, 13, atlas_notebook_get_n_cells (notebook));
  sqlite3_bind_int (stmt, 14, atlas_notebook_get_crashes (notebook)->len);
  if (duplicate_of > 0)
    sqlite3_bind_int64 (stmt, 15, duplicate_of);
  return step_reset (stmt);
}

static int
insert_cells (AtlasStoreWriter *self,
              AtlasNotebook    *notebook,
              gint64            id)
{
  sqlite3_stmt *stmt = self->insert_cell;

  for (guint i = 0; i < atlas_notebook_get_n_cells (notebook); i++)
    {
      const AtlasCell *cell = atlas_notebook_get_cell (notebook, i);
      int flags = (cell->has_error ? CELL_FLAG_HAS_ERROR : 0) |
                  (cell->papermill_injected ? CELL_FLAG_PAPERMILL_INJECTED : 0) |
                  (cell->papermill_failed ? CELL_FLAG_PAPERMILL_FAILED : 0);
      int rc;

      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, i);
      sqlite3_bind_int (stmt, 3, cell->kind);
      _atlas_store_bind_text (stmt, 4, cell->source ? cell->source : "");
      sqlite3_bind_int (stmt, 5, cell->execution_count);
      sqlite3_bind_int (stmt, 6, cell->n_outputs);
      sqlite3_bind_int (stmt, 7, flags);
      if ((rc = step_reset (stmt)) != SQLITE_OK)
        return rc;
    }
  return SQLITE_OK;
}

static void
bind_labels (sqlite3_stmt *stmt,
             AtlasCrash   *crash)
{
  const AtlasClassification *c = atlas_crash_get_classification (crash);

  _atlas_store_bind_text (stmt, 8, atlas_crash_get_label_id (crash, ATLAS_DIMENSION_CRASH_TYPE));
  _atlas_store_bind_text (stmt, 9, atlas_crash_get_label_id (crash, ATLAS_DIMENSION_ROOT_CAUSE));
  _atlas_store_bind_text (stmt, 10, c->root_cause_detail);
  _atlas_store_bind_text (stmt, 11, atlas_crash_get_label_id (crash, ATLAS_DIMENSION_ML_BUG));
  _atlas_store_bind_text (stmt, 12, atlas_crash_get_label_id (crash, ATLAS_DIMENSION_STAGE));
  _atlas_store_bind_text (stmt, 13, c->library);
  for (guint d = 0; d < ATLAS_N_DIMENSIONS; d++)
    _atlas_store_bind_text (stmt, 14 + d, c->evidence[d]);
}

static int
insert_crashes (AtlasStoreWriter *self,
                AtlasNotebook    *notebook,
                gint64            id,
                const char       *rules_version)
{
  GPtrArray *crashes = atlas_notebook_get_crashes (notebook);
  sqlite3_stmt *stmt = self->insert_crash;

  for (guint i = 0; i < crashes->len; i++)
    {
      AtlasCrash *crash = g_ptr_array_index (crashes, i);
      AtlasTraceback *traceback = atlas_crash_get_traceback (crash);
      int rc;

      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, i);
      sqlite3_bind_int (stmt, 3, atlas_crash_get_cell (crash));
      sqlite3_bind_int (stmt, 4, atlas_crash_get_execution_count (crash));
      _atlas_store_bind_text (stmt, 5, atlas_crash_get_ename (crash));
      _atlas_store_bind_text (stmt, 6, atlas_crash_get_evalue (crash));
      sqlite3_bind_int (stmt, 7, atlas_crash_get_line (crash));
      bind_labels (stmt, crash);
      if (atlas_crash_get_cluster (crash) >= 0)
        sqlite3_bind_int (stmt, 19, atlas_crash_get_cluster (crash));
      _atlas_store_bind_text (stmt, 20, rules_version);
      if ((rc = step_reset (stmt)) != SQLITE_OK)
        return rc;
      if (traceback == NULL)
        continue;
      sqlite3_bind_int64 (self->insert_traceback, 1, sqlite3_last_insert_rowid (self->db));
      _atlas_store_bind_text (self->insert_traceback, 2, atlas_traceback_get_raw (traceback));
      if ((rc = step_reset (self->insert_traceback)) != SQLITE_OK)
        return rc;
    }
  return SQLITE_OK;
}

/* Runs @stmt, a query of one integer, bound to @location and @hash;
 * @value gets it (0 when there is no row). */
static int
query_id (sqlite3_stmt *stmt,
          const char   *first,
          const char   *second,
          gint64       *value)
{
  int rc;

  _atlas_store_bind_text (stmt, 1, first);
  if (second != NULL)
    _atlas_store_bind_text (stmt, 2, second);
  rc = sqlite3_step (stmt);
  *value = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* Inside the write transaction, so another process cannot slip the same
 * notebook in between the look-up and the insert. */
static int
write_notebook (AtlasStoreWriter *self,
                Item             *item)
{
  const char *hash = atlas_notebook_get_content_hash (item->notebook);
  guint n_crashes = atlas_notebook_get_crashes (item->notebook)->len;
  gint64 id = 0, first = 0;
  int rc;

  if (hash != NULL)
    {
      if ((rc = query_id (self->find_same, atlas_notebook_get_location (item->notebook), hash, &id)) != SQLITE_OK)
        return rc;
      if (id != 0)
        {
          self->batch_skipped++;  /* this location with this content is stored */
          return SQLITE_OK;
        }
      if ((rc = query_id (self->find_content, hash, NULL, &first)) != SQLITE_OK)
        return rc;
    }
  if ((rc = insert_notebook_row (self, item->notebook, first)) != SQLITE_OK)
    return rc;
  self->batch_added++;
  self->batch_crashes += n_crashes;
  if (first > 0)
    {
      self->batch_copies++;  /* its cells and crashes are the first one's */
      self->batch_copy_crashes += n_crashes;
      return SQLITE_OK;
    }
  id = sqlite3_last_insert_rowid (self->db);
  if ((rc = insert_cells (self, item->notebook, id)) != SQLITE_OK ||
      (rc = insert_crashes (self, item->notebook, id, item->rules_version)) != SQLITE_OK)
    return rc;
  return SQLITE_OK;
}

/* Records the outcome of everything up to the last item and wakes flushers. */
static void
finish_items (AtlasStoreWriter *self,
              GError           *error)
{
  g_mutex_lock (&self->mutex);
  if (error == NULL)
    {
      self->n_added += self->batch_added;
      self->n_copies += self->batch_copies;
      self->n_crashes += self->batch_crashes;
      self->n_copy_crashes += self->batch_copy_crashes;
      self->n_skipped += self->batch_skipped;
    }
  else
    {
      /* Rolled back: none of the open transaction's notebooks is stored. */
      self->n_not_stored += self->batch_items;
      if (self->error == NULL)
        self->error = error;
      else
        g_error_free (error);
    }
  self->done = self->last_seq;
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->mutex);
  self->batch_added = self->batch_copies = self->batch_crashes = self->batch_skipped = 0;
  self->batch_copy_crashes = 0;
  self->batch_items = 0;
}

static void
fail (AtlasStoreWriter *self,
      int               rc)
{
  GError *error = NULL;

  _atlas_store_db_error (self->db, rc, self->path, &error);
  g_debug ("%s", error->message);  /* the caller reports it from flush or close */
  if (self->in_transaction)
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  self->in_transaction = FALSE;
  finish_items (self, error);
}

static void
commit (AtlasStoreWriter *self)
{
  int rc = SQLITE_OK;

  if (self->in_transaction)
    rc = sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      fail (self, rc);
      return;
    }
  self->in_transaction = FALSE;
  /* Idle: the log is folded into the file before a flush returns, so that
   * the file alone (copied while the app runs, or after it crashed) holds
   * what was committed. A passive checkpoint never waits for readers. */
  if (g_async_queue_length (self->queue) <= 0)
    sqlite3_wal_checkpoint_v2 (self->db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
  finish_items (self, NULL);
}

static gboolean
has_failed (AtlasStoreWriter *self)
{
  gboolean failed;

  g_mutex_lock (&self->mutex);
  failed = self->error != NULL;
  g_mutex_unlock (&self->mutex);
  return failed;
}

static void
handle_notebook (AtlasStoreWriter *self,
                 Item             *item)
{
  int rc;

  /* After a failure (a full disk) later notebooks are dropped, not written
   * out of order; the error tells the caller from where to resume. */
  if (has_failed (self))
    {
      g_mutex_lock (&self->mutex);
      self->n_not_stored++;
      g_mutex_unlock (&self->mutex);
      return;
    }

  if (!self->in_transaction)
    {
      if ((rc = sqlite3_exec (self->db, "BEGIN IMMEDIATE", NULL, NULL, NULL)) != SQLITE_OK)
        {
          self->batch_items = 1;
          fail (self, rc);
          return;
        }
      self->in_transaction = TRUE;
      self->transaction_start = g_get_monotonic_time ();
      self->transaction_size = 0;
    }
  self->batch_items++;
  if ((rc = write_notebook (self, item)) != SQLITE_OK)
    {
      fail (self, rc);
      return;
    }
  if (++self->transaction_size >= self->batch_notebooks)
    commit (self);
}

static Item *
next_item (AtlasStoreWriter *self)
{
  gint64 left;

  if (!self->in_transaction)
    return g_async_queue_pop (self->queue);
  left = self->transaction_start + BATCH_USEC - g_get_monotonic_time ();
  return left > 0 ? g_async_queue_timeout_pop (self->queue, left) : NULL;
}

static gpointer
writer_thread (gpointer data)
{
  AtlasStoreWriter *self = data;

  for (;;)
    {
      Item *item = next_item (self);
      ItemKind kind;

      if (item == NULL)  /* the batch is old enough */
        {
          commit (self);
          continue;
        }
      kind = item->kind;
      self->last_seq = item->seq;
      if (kind == ITEM_NOTEBOOK)
        handle_notebook (self, item);
      else
        commit (self);
      item_free (item);
      if (kind == ITEM_STOP)
        break;
    }
  return NULL;
}

AtlasStoreWriter *
_atlas_store_writer_new (sqlite3     *db,
                         const char  *path,
                         GError     **error)
{
  AtlasStoreWriter *self = g_new0 (AtlasStoreWriter, 1);

  self->db = db;
  self->path = g_strdup (path);
  self->queue = g_async_queue_new ();
  self->batch_notebooks = BATCH_NOTEBOOKS;
  /* Tests make batches small to kill imports between many commits. */
  if (g_getenv ("CRASH_ATLAS_STORE_BATCH") != NULL)
    self->batch_notebooks = CLAMP (atoi (g_getenv ("CRASH_ATLAS_STORE_BATCH")), 1, BATCH_NOTEBOOKS);
  g_mutex_init (&self->mutex);
  g_cond_init (&self->cond);
  /* The schema was checked at open, but the file may have been changed
   * since by another program: a statement that does not prepare is an error. */
  if ((self->insert_notebook = _atlas_store_db_prepare (db, insert_notebook_sql, path, error)) == NULL ||
      (self->insert_cell = _atlas_store_db_prepare (db, insert_cell_sql, path, error)) == NULL ||
      (self->insert_crash = _atlas_store_db_prepare (db, insert_crash_sql, path, error)) == NULL ||
      (self->insert_traceback = _atlas_store_db_prepare (db, insert_traceback_sql, path, error)) == NULL ||
      (self->find_same = _atlas_store_db_prepare (db, find_same_sql, path, error)) == NULL ||
      (self->find_content = _atlas_store_db_prepare (db, find_content_sql, path, error)) == NULL)
    {
      sqlite3_finalize (self->insert_notebook);
      sqlite3_finalize (self->insert_cell);
      sqlite3_finalize (self->insert_crash);
      sqlite3_finalize (self->insert_traceback);
      sqlite3_finalize (self->find_same);
      _atlas_store_db_close (db);
      g_async_queue_unref (self->queue);
      g_mutex_clear (&self->mutex);
      g_cond_clear (&self->cond);
      g_free (self->path);
      g_free (self);
      return NULL;
    }
  self->thread = g_thread_new ("atlas-store-writer", writer_thread, self);
  return self;
}

static guint64
push (AtlasStoreWriter *self,
      Item             *item)
{
  guint64 seq;

  g_mutex_lock (&self->mutex);
  while (item->kind == ITEM_NOTEBOOK && self->pushed - self->done >= MAX_PENDING)
    g_cond_wait (&self->cond, &self->mutex);
  seq = item->seq = ++self->pushed;
  g_async_queue_push (self->queue, item);
  g_mutex_unlock (&self->mutex);
  return seq;
}

void
_atlas_store_writer_push (AtlasStoreWriter *self,
                          AtlasNotebook    *notebook,
                          const char       *rules_version)
{
  Item *item = g_new0 (Item, 1);

  item->kind = ITEM_NOTEBOOK;
  item->notebook = g_object_ref (notebook);
  item->rules_version = g_strdup (rules_version);
  push (self, item);
}

static gboolean
wait_for (AtlasStoreWriter *self,
          ItemKind          kind,
          GError          **error)
{
  Item *item = g_new0 (Item, 1);
  guint64 seq;
  gboolean ok;

  item->kind = kind;
  seq = push (self, item);
  g_mutex_lock (&self->mutex);
  while (self->done < seq)
    g_cond_wait (&self->cond, &self->mutex);
  ok = self->error == NULL;
  if (!ok)
    g_propagate_error (error, g_error_copy (self->error));
  g_mutex_unlock (&self->mutex);
  return ok;
}

gboolean
_atlas_store_writer_flush (AtlasStoreWriter  *self,
                           GError           **error)
{
  return wait_for (self, ITEM_FLUSH, error);
}

void
_atlas_store_writer_get_counts (AtlasStoreWriter       *self,
                                AtlasStoreWriterCounts *counts)
{
  g_mutex_lock (&self->mutex);
  counts->n_added = self->n_added;
  counts->n_copies = self->n_copies;
  counts->n_crashes = self->n_crashes;
  counts->n_copy_crashes = self->n_copy_crashes;
  counts->n_skipped = self->n_skipped;
  counts->n_not_stored = self->n_not_stored;
  g_mutex_unlock (&self->mutex);
}

void
_atlas_store_writer_set_max_page_count (AtlasStoreWriter *self,
                                        guint             n_pages)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA max_page_count=%u", n_pages);

  /* Only while the writer is idle: tests call it right after opening. */
  sqlite3_exec (self->db, sql, NULL, NULL, NULL);
}

void
_atlas_store_writer_stop (AtlasStoreWriter *self)
{
  if (self->thread == NULL)
    return;
  wait_for (self, ITEM_STOP, NULL);
  g_thread_join (self->thread);
  self->thread = NULL;
}

void
_atlas_store_writer_free (AtlasStoreWriter *self)
{
  if (self == NULL)
    return;

  _atlas_store_writer_stop (self);
  sqlite3_finalize (self->insert_notebook);
  sqlite3_finalize (self->insert_cell);
  sqlite3_finalize (self->insert_crash);
  sqlite3_finalize (self->insert_traceback);
  sqlite3_finalize (self->find_same);
  sqlite3_finalize (self->find_content);
  _atlas_store_db_close (self->db);
  g_async_queue_unref (self->queue);
  g_clear_error (&self->error);
  g_mutex_clear (&self->mutex);
  g_cond_clear (&self->cond);
  g_free (self->path);
  g_free (self);
}

/* atlas-store-read.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-store"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-notebook-builder.h"
#include "atlas-store-private.h"

enum { CELL_FLAG_HAS_ERROR = 1, CELL_FLAG_PAPERMILL_INJECTED = 2, CELL_FLAG_PAPERMILL_FAILED = 4 };

/* The labels columns, in the order the crash queries select them from
 * LABELS_COLUMN on. */
#define LABEL_COLUMNS \
  "crash_type, root_cause, root_cause_detail, ml_bug, stage, library, evidence_crash_type," \
  " evidence_root_cause, evidence_ml_bug, evidence_stage, evidence_library, cluster"

static guint
label_value (sqlite3_stmt   *stmt,
             int             col,
             AtlasDimension  dimension)
{
  const char *id = _atlas_store_column_text (stmt, col);
  guint value = 0;

  if (id == NULL || !atlas_dimension_value_from_id (dimension, id, &value))
    return 0;  /* unset */
  return value;
}

/* Sets the labels and cluster of @crash from the columns starting at @col. */
static void
read_labels (sqlite3_stmt *stmt,
             int           col,
             AtlasCrash   *crash)
{
  AtlasClassification c = { 0 };

  c.crash_type = label_value (stmt, col, ATLAS_DIMENSION_CRASH_TYPE);
  c.root_cause = label_value (stmt, col + 1, ATLAS_DIMENSION_ROOT_CAUSE);
  c.root_cause_detail = (char *)_atlas_store_column_text (stmt, col + 2);
  c.ml_bug = label_value (stmt, col + 3, ATLAS_DIMENSION_ML_BUG);
  c.stage = label_value (stmt, col + 4, ATLAS_DIMENSION_STAGE);
  c.library = (char *)_atlas_store_column_text (stmt, col + 5);
  for (guint d = 0; d < ATLAS_N_DIMENSIONS; d++)
    c.evidence[d] = (char *)_atlas_store_column_text (stmt, col + 6 + d);
  atlas_crash_set_classification (crash, &c);
  if (sqlite3_column_type (stmt, col + 11) != SQLITE_NULL)
    atlas_crash_set_cluster (crash, sqlite3_column_int (stmt, col + 11));
}

static AtlasPlatform
column_platform (sqlite3_stmt *stmt,
                 int           col)
{
  AtlasPlatform platform = ATLAS_PLATFORM_LOCAL;

  atlas_platform_from_string (_atlas_store_column_text (stmt, col), &platform);
  return platform;
}

/* The corpus ------------------------------------------------------------- */

typedef struct
{
  AtlasNotebookInfo *info;
  GPtrArray         *crashes;
} Slot;

static void
slot_clear (Slot *slot)
{
  g_clear_pointer (&slot->info, atlas_notebook_info_free);
  g_clear_pointer (&slot->crashes, g_ptr_array_unref);
}

static AtlasNotebookInfo *
read_info (sqlite3_stmt *stmt)
{
  AtlasNotebookInfo *info = g_new0 (AtlasNotebookInfo, 1);

  info->location = g_strdup (_atlas_store_column_text (stmt, 1));
  info->url = g_strdup (_atlas_store_column_text (stmt, 2));
  info->platform = column_platform (stmt, 3);
  info->status = sqlite3_column_int (stmt, 4);
  info->message = g_strdup (_atlas_store_column_text (stmt, 5));
  info->packages = g_strsplit (_atlas_store_column_text (stmt, 6) ?: "", " ", -1);
  info->n_cells = sqlite3_column_int (stmt, 7);
  info->n_crashes = sqlite3_column_int (stmt, 8);
  info->size = sqlite3_column_int64 (stmt, 9);
  info->content_hash = g_strdup (_atlas_store_column_text (stmt, 10));
  return info;
}

static gboolean
read_notebook_infos (sqlite3     *db,
                     const char  *path,
                     GArray      *slots,
                     GHashTable  *by_id,
                     GError     **error)
{
  sqlite3_stmt *stmt = _atlas_store_db_prepare (db,
    "SELECT id, location, url, platform, status, message, packages, n_cells, n_crashes, size,"
    " content_hash FROM notebook ORDER BY id", path, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Slot slot = { read_info (stmt), NULL };

      slot.crashes = g_ptr_array_new_full (slot.info->n_crashes, g_object_unref);
      g_hash_table_insert (by_id, GSIZE_TO_POINTER (sqlite3_column_int64 (stmt, 0)),
                           GUINT_TO_POINTER (slots->len));
      g_array_append_val (slots, slot);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return _atlas_store_db_error (db, rc, path, error);
  return TRUE;
}

static AtlasCrash *
read_corpus_crash (sqlite3_stmt            *stmt,
                   const AtlasNotebookInfo *info)
{
  AtlasCrash *crash = atlas_crash_new (info->location, info->platform,
                                       sqlite3_column_int (stmt, 1),
                                       sqlite3_column_int (stmt, 2),
                                       _atlas_store_column_text (stmt, 3),
                                       _atlas_store_column_text (stmt, 4),
                                       NULL);

  if (info->url != NULL)
    atlas_crash_set_url (crash, info->url);
  atlas_crash_set_line (crash, sqlite3_column_int (stmt, 5));
  read_labels (stmt, 6, crash);
  return crash;
}

static gboolean
read_crashes (sqlite3       *db,
              const char    *path,
              GArray        *slots,
              GHashTable    *by_id,
              GCancellable  *cancellable,
              GError       **error)
{
  sqlite3_stmt *stmt = _atlas_store_db_prepare (db,
    "SELECT notebook_id, cell, execution_count, ename, evalue, line, " LABEL_COLUMNS
    " FROM crash ORDER BY id", path, error);
  guint n = 0;
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gpointer index;
      Slot *slot;

      if (++n % 4096 == 0 && g_cancellable_is_cancelled (cancellable))
        break;
      /* A crash always has its notebook: they are committed together. */
      if (!g_hash_table_lookup_extended (by_id, GSIZE_TO_POINTER (sqlite3_column_int64 (stmt, 0)),
                                         NULL, &index))
        continue;
      slot = &g_array_index (slots, Slot, GPOINTER_TO_UINT (index));
      g_ptr_array_add (slot->crashes, read_corpus_crash (stmt, slot->info));
    }
  sqlite3_finalize (stmt);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (rc != SQLITE_DONE)
    return _atlas_store_db_error (db, rc, path, error);
  return TRUE;
}

AtlasCorpus *
_atlas_store_read_corpus (sqlite3       *db,
                          const char    *path,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(GArray) slots = g_array_new (FALSE, TRUE, sizeof (Slot));
  g_autoptr(GHashTable) by_id = g_hash_table_new (NULL, NULL);
  g_autoptr(AtlasCorpus) corpus = NULL;
  gboolean ok;

  g_array_set_clear_func (slots, (GDestroyNotify)slot_clear);

  /* One read transaction: the notebooks and crashes of one snapshot, even
   * while another connection writes. */
  if (!_atlas_store_db_exec (db, "BEGIN", path, error))
    return NULL;
  ok = read_notebook_infos (db, path, slots, by_id, error) &&
       read_crashes (db, path, slots, by_id, cancellable, error);
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  if (!ok)
    return NULL;

  corpus = atlas_corpus_new ();
  for (guint i = 0; i < slots->len; i++)
    {
      Slot *slot = &g_array_index (slots, Slot, i);

      atlas_corpus_add (corpus, g_steal_pointer (&slot->info), slot->crashes);
    }
  return g_steal_pointer (&corpus);
}

/* One notebook ------------------------------------------------------------ */

static AtlasNotebook *
read_header (sqlite3     *db,
             const char  *path,
             gint64       id,
             const char  *location,
             gint64      *out_id,
             GError     **error)
{
  sqlite3_stmt *stmt = _atlas_store_db_prepare (db,
    location != NULL
      ? "SELECT id, location, url, platform, nbformat, nbformat_minor, language, papermill, size,"
        " content_hash FROM notebook WHERE location = ?1 ORDER BY id DESC LIMIT 1"
      : "SELECT id, location, url, platform, nbformat, nbformat_minor, language, papermill, size,"
        " content_hash FROM notebook WHERE id = ?2",
    path, error);
  AtlasNotebookHeader header = { 0 };
  AtlasNotebook *notebook = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  if (location != NULL)
    _atlas_store_bind_text (stmt, 1, location);
  else
    sqlite3_bind_int64 (stmt, 2, id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      header.nbformat = sqlite3_column_int (stmt, 4);
      header.nbformat_minor = sqlite3_column_int (stmt, 5);
      header.language = _atlas_store_column_text (stmt, 6);
      header.papermill = sqlite3_column_int (stmt, 7);
      header.size = sqlite3_column_int64 (stmt, 8);
      header.content_hash = _atlas_store_column_text (stmt, 9);
      notebook = _atlas_notebook_new (_atlas_store_column_text (stmt, 1),
                                      column_platform (stmt, 3), &header);
      *out_id = sqlite3_column_int64 (stmt, 0);
      if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
        atlas_notebook_set_url (notebook, _atlas_store_column_text (stmt, 2));
    }
  else if (rc == SQLITE_DONE)
    g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_NOT_FOUND,
                 _("The corpus “%s” holds no notebook “%s”"), path,
                 location != NULL ? location : "?");
  else
    _atlas_store_db_error (db, rc, path, error);
  sqlite3_finalize (stmt);
  return notebook;
}

static AtlasCell *
read_cell (sqlite3_stmt *stmt)
{
  AtlasCell *cell = g_new0 (AtlasCell, 1);
  int flags = sqlite3_column_int (stmt, 5);

  cell->index = sqlite3_column_int (stmt, 0);
  cell->kind = sqlite3_column_int (stmt, 1);
  cell->source = g_strdup (_atlas_store_column_text (stmt, 2) ?: "");
  cell->execution_count = sqlite3_column_int (stmt, 3);
  cell->n_outputs = sqlite3_column_int (stmt, 4);
  cell->has_error = (flags & CELL_FLAG_HAS_ERROR) != 0;
  cell->papermill_injected = (flags & CELL_FLAG_PAPERMILL_INJECTED) != 0;
  cell->papermill_failed = (flags & CELL_FLAG_PAPERMILL_FAILED) != 0;
  return cell;
}

static AtlasCrash *
read_full_crash (sqlite3_stmt    *stmt,
                 AtlasNotebook   *notebook,
                 const AtlasCell *cell)
{
  const char *raw = _atlas_store_column_text (stmt, 4);
  g_autoptr(AtlasTraceback) traceback = atlas_traceback_parse (&raw, raw != NULL ? 1 : 0);
  AtlasCrash *crash = atlas_crash_new (atlas_notebook_get_location (notebook),
                                       atlas_notebook_get_platform (notebook),
                                       sqlite3_column_int (stmt, 0),
                                       sqlite3_column_int (stmt, 1),
                                       _atlas_store_column_text (stmt, 2),
                                       _atlas_store_column_text (stmt, 3),
                                       traceback);

  atlas_crash_set_cell_source (crash, cell->source);
  read_labels (stmt, 5, crash);
  return crash;
}

static gboolean
read_cells_and_crashes (sqlite3        *db,
                        const char     *path,
                        gint64          id,
                        AtlasNotebook  *notebook,
                        GError        **error)
{
  sqlite3_stmt *cells = _atlas_store_db_prepare (db,
    "SELECT idx, kind, source, execution_count, n_outputs, flags FROM cell"
    " WHERE notebook_id = ? ORDER BY idx", path, error);
  sqlite3_stmt *crashes = cells == NULL ? NULL : _atlas_store_db_prepare (db,
    "SELECT cell, execution_count, ename, evalue, crash_traceback.raw, " LABEL_COLUMNS
    " FROM crash LEFT JOIN crash_traceback ON crash_traceback.crash_id = crash.id"
    " WHERE notebook_id = ? ORDER BY seq", path, error);
  int rc = SQLITE_ROW, crash_rc;

  if (crashes == NULL)
    {
      sqlite3_finalize (cells);
      return FALSE;
    }
  sqlite3_bind_int64 (cells, 1, id);
  sqlite3_bind_int64 (crashes, 1, id);
  crash_rc = sqlite3_step (crashes);
  while ((rc = sqlite3_step (cells)) == SQLITE_ROW)
    {
      AtlasCell *cell = read_cell (cells);

      /* Crashes belong to the last added cell, so they go in after it. */
      _atlas_notebook_add_cell (notebook, cell);
      for (; crash_rc == SQLITE_ROW && (guint)sqlite3_column_int (crashes, 0) == cell->index;
           crash_rc = sqlite3_step (crashes))
        _atlas_notebook_add_crash (notebook, read_full_crash (crashes, notebook, cell));
    }
  sqlite3_finalize (cells);
  sqlite3_finalize (crashes);
  if (rc != SQLITE_DONE)
    return _atlas_store_db_error (db, rc, path, error);
  return TRUE;
}

AtlasNotebook *
_atlas_store_read_notebook (sqlite3     *db,
                            const char  *path,
                            gint64       id,
                            const char  *location,
                            GError     **error)
{
  g_autoptr(AtlasNotebook) notebook = NULL;
  /* Inside the caller's transaction (re-classification), or in one of its own. */
  gboolean own = sqlite3_get_autocommit (db);
  gboolean ok;

  if (own && !_atlas_store_db_exec (db, "BEGIN", path, error))
    return NULL;
  notebook = read_header (db, path, id, location, &id, error);
  ok = notebook != NULL && read_cells_and_crashes (db, path, id, notebook, error);
  if (own)
    sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  if (!ok)
    return NULL;

  /* Setting the URL again hands it on to the crashes added since. */
  if (atlas_notebook_get_url (notebook) != NULL)
    {
      g_autofree char *url = g_strdup (atlas_notebook_get_url (notebook));

      atlas_notebook_set_url (notebook, url);
    }

  _atlas_notebook_finish (notebook);
  return g_steal_pointer (&notebook);
}

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
  " evidence_root_cause, evidence_ml_bug, evidence_stage, evidence_library, cluster, confidence"

/* The largest count or index a row may hold: more than any notebook has,
 * small enough for every guint and int it is stored in. */
#define MAX_COUNT G_MAXINT32

static guint
label_value (AtlasStoreRow  *row,
             int             col,
             const char     *name,
             AtlasDimension  dimension)
{
  const char *id = _atlas_store_row_text (row, col, name, TRUE);
  guint value = 0;

  if (id == NULL)
    return 0;  /* unset */
  if (!atlas_dimension_value_from_id (dimension, id, &value))
    {
      _atlas_store_row_fail (row, name, _("not a label of the taxonomy"));
      return 0;
    }
  return value;
}

/* Sets the labels and cluster of @crash from the columns starting at @col. */
static void
read_labels (AtlasStoreRow *row,
             int            col,
             AtlasCrash    *crash)
{
  static const char *const evidence_names[] = {
    "evidence_crash_type", "evidence_root_cause", "evidence_ml_bug", "evidence_stage",
    "evidence_library",
  };
  AtlasClassification c = { 0 };

  G_STATIC_ASSERT (G_N_ELEMENTS (evidence_names) == ATLAS_N_DIMENSIONS);

  c.crash_type = label_value (row, col, "crash_type", ATLAS_DIMENSION_CRASH_TYPE);
  c.root_cause = label_value (row, col + 1, "root_cause", ATLAS_DIMENSION_ROOT_CAUSE);
  c.root_cause_detail = (char *)_atlas_store_row_text (row, col + 2, "root_cause_detail", TRUE);
  c.ml_bug = label_value (row, col + 3, "ml_bug", ATLAS_DIMENSION_ML_BUG);
  c.stage = label_value (row, col + 4, "stage", ATLAS_DIMENSION_STAGE);
  c.library = (char *)_atlas_store_row_text (row, col + 5, "library", TRUE);
  for (guint d = 0; d < ATLAS_N_DIMENSIONS; d++)
    c.evidence[d] = (char *)_atlas_store_row_text (row, col + 6 + d, evidence_names[d], TRUE);
  if (!_atlas_store_row_ok (row))
    return;
  atlas_classification_confidence_from_text (&c, _atlas_store_row_text (row, col + 12, "confidence", TRUE));
  atlas_crash_set_classification (crash, &c);
  /* The rule names were copied from the text into c (the rest is borrowed). */
  for (guint d = 0; d < ATLAS_N_DIMENSIONS; d++)
    g_free (c.rule[d]);
  if (sqlite3_column_type (row->stmt, col + 11) != SQLITE_NULL)
    atlas_crash_set_cluster (crash, (int)_atlas_store_row_int (row, col + 11, "cluster", 0, MAX_COUNT,
                                                               TRUE, 0));
}

static AtlasPlatform
row_platform (AtlasStoreRow *row,
              int            col)
{
  const char *name = _atlas_store_row_text (row, col, "platform", FALSE);
  AtlasPlatform platform = ATLAS_PLATFORM_LOCAL;

  if (name != NULL && !atlas_platform_from_string (name, &platform))
    _atlas_store_row_fail (row, "platform", _("not a known platform"));
  return platform;
}

/* Only compared, never parsed: any text will do. */
static const char *
row_content_hash (AtlasStoreRow *row,
                  int            col)
{
  return _atlas_store_row_text (row, col, "content_hash", TRUE);
}

/* The corpus ------------------------------------------------------------- */

typedef struct
{
  AtlasNotebookInfo *info;
  GPtrArray         *crashes;
  guint              stored_crashes;  /* n_crashes as the row says */
  gint               first;           /* a copy: the slot of the first notebook, else -1 */
  gint64             id;
} Slot;

static void
slot_clear (Slot *slot)
{
  g_clear_pointer (&slot->info, atlas_notebook_info_free);
  g_clear_pointer (&slot->crashes, g_ptr_array_unref);
}

typedef struct
{
  sqlite3      *db;
  const char   *path;
  guint         version;
  GPtrArray    *problems;  /* or NULL: the first bad row fails the read */
  GArray       *slots;
  GHashTable   *by_id;     /* notebook id -> slot index */
  GError      **error;
} Reader;

/* A bad row: recorded and skipped in a rescue, fatal otherwise. */
static gboolean
bad_row (Reader        *reader,
         AtlasStoreRow *row)
{
  if (reader->problems == NULL)
    {
      g_propagate_error (reader->error, g_steal_pointer (&row->error));
      return FALSE;
    }
  g_ptr_array_add (reader->problems, g_strdup (row->error->message));
  g_clear_error (&row->error);
  return TRUE;
}

static AtlasNotebookInfo *
read_info (AtlasStoreRow *row)
{
  g_autoptr(AtlasNotebookInfo) info = g_new0 (AtlasNotebookInfo, 1);
  const char *packages;

  info->location = g_strdup (_atlas_store_row_text (row, 1, "location", FALSE));
  info->url = g_strdup (_atlas_store_row_text (row, 2, "url", TRUE));
  info->platform = row_platform (row, 3);
  info->status = _atlas_store_row_int (row, 4, "status", ATLAS_NOTEBOOK_STATUS_OK,
                                       ATLAS_NOTEBOOK_STATUS_RUN_FAILED, FALSE, 0);
  info->message = g_strdup (_atlas_store_row_text (row, 5, "message", TRUE));
  packages = _atlas_store_row_text (row, 6, "packages", TRUE);
  info->packages = g_strsplit (packages ?: "", " ", -1);
  info->n_cells = _atlas_store_row_int (row, 7, "n_cells", 0, MAX_COUNT, FALSE, 0);
  info->n_crashes = _atlas_store_row_int (row, 8, "n_crashes", 0, MAX_COUNT, FALSE, 0);
  info->size = _atlas_store_row_int (row, 9, "size", 0, G_MAXINT64, FALSE, 0);
  info->content_hash = g_strdup (row_content_hash (row, 10));
  /* Known from the cells only: asked for when needed (it is a pass over
   * every cell of the file). */
  info->out_of_order = -1;
  if (!_atlas_store_row_ok (row))
    return NULL;
  return g_steal_pointer (&info);
}

static gboolean
read_notebook_infos (Reader *reader)
{
  sqlite3_stmt *stmt = _atlas_store_db_prepare (reader->db,
    reader->version >= 3
      ? "SELECT id, location, url, platform, status, message, packages, n_cells, n_crashes, size,"
        " content_hash, duplicate_of FROM notebook ORDER BY id"
      : "SELECT id, location, url, platform, status, message, packages, n_cells, n_crashes, size,"
        " content_hash, NULL FROM notebook ORDER BY id",
    reader->path, reader->error);
  AtlasStoreRow row = { 0 };
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Slot slot = { NULL, NULL, 0, -1, sqlite3_column_int64 (stmt, 0) };
      gint64 first;
      gpointer index = NULL;

      _atlas_store_row_begin (&row, stmt, reader->path, "notebook", 0);
      slot.info = read_info (&row);
      first = _atlas_store_row_int (&row, 11, "duplicate_of", 1, G_MAXINT64, TRUE, 0);
      if (slot.info != NULL && first != 0)
        {
          /* A copy points back at a first notebook, which is no copy. */
          if (!g_hash_table_lookup_extended (reader->by_id, GSIZE_TO_POINTER (first), NULL, &index) ||
              g_array_index (reader->slots, Slot, GPOINTER_TO_UINT (index)).first >= 0)
            _atlas_store_row_fail (&row, "duplicate_of", _("not an earlier notebook"));
          else
            {
              Slot *original = &g_array_index (reader->slots, Slot, GPOINTER_TO_UINT (index));

              slot.first = GPOINTER_TO_INT (index);
              slot.info->duplicate_of = g_strdup (original->info->location);
              g_free (slot.info->content_hash);
              slot.info->content_hash = g_strdup (original->info->content_hash);
            }
        }
      if (!_atlas_store_row_ok (&row))
        {
          g_clear_pointer (&slot.info, atlas_notebook_info_free);
          if (!bad_row (reader, &row))
            {
              sqlite3_finalize (stmt);
              return FALSE;
            }
          continue;
        }
      slot.stored_crashes = slot.info->n_crashes;
      slot.crashes = g_ptr_array_new_full (MIN (slot.info->n_crashes, 4096), g_object_unref);
      g_hash_table_insert (reader->by_id, GSIZE_TO_POINTER (sqlite3_column_int64 (stmt, 0)),
                           GUINT_TO_POINTER (reader->slots->len));
      g_array_append_val (reader->slots, slot);
    }
  sqlite3_finalize (stmt);
  g_clear_error (&row.error);
  if (rc != SQLITE_DONE)
    return _atlas_store_db_error (reader->db, rc, reader->path, reader->error);
  return TRUE;
}

static AtlasCrash *
read_corpus_crash (AtlasStoreRow           *row,
                   const AtlasNotebookInfo *info)
{
  guint cell = _atlas_store_row_int (row, 2, "cell", 0, MAX_COUNT, FALSE, 0);
  int execution_count = _atlas_store_row_int (row, 3, "execution_count", G_MININT32, G_MAXINT32, FALSE, 0);
  const char *ename = _atlas_store_row_text (row, 4, "ename", FALSE);
  const char *evalue = _atlas_store_row_text (row, 5, "evalue", FALSE);
  guint line = _atlas_store_row_int (row, 6, "line", 0, MAX_COUNT, FALSE, 0);
  g_autoptr(AtlasCrash) crash = NULL;

  if (!_atlas_store_row_ok (row))
    return NULL;
  crash = atlas_crash_new (info->location, info->platform, cell, execution_count, ename, evalue, NULL);
  if (info->url != NULL)
    atlas_crash_set_url (crash, info->url);
  atlas_crash_set_line (crash, line);
  read_labels (row, 7, crash);
  if (!_atlas_store_row_ok (row))
    return NULL;
  return g_steal_pointer (&crash);
}

static gboolean
read_crashes (Reader        *reader,
              GCancellable  *cancellable)
{
  sqlite3_stmt *stmt = _atlas_store_db_prepare (reader->db,
    "SELECT id, notebook_id, cell, execution_count, ename, evalue, line, " LABEL_COLUMNS
    " FROM crash ORDER BY id", reader->path, reader->error);
  AtlasStoreRow row = { 0 };
  gboolean failed = FALSE;
  guint n = 0;
  int rc;

  if (stmt == NULL)
    return FALSE;
  while (!failed && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gpointer index;
      gint64 notebook_id;
      AtlasCrash *crash;
      Slot *slot;

      if (++n % 4096 == 0 && g_cancellable_is_cancelled (cancellable))
        break;
      _atlas_store_row_begin (&row, stmt, reader->path, "crash", 0);
      notebook_id = _atlas_store_row_int (&row, 1, "notebook_id", 1, G_MAXINT64, FALSE, 0);
      /* A crash always has its notebook: they are committed together. One
       * skipped by a rescue takes its crashes along. */
      if (!_atlas_store_row_ok (&row) ||
          !g_hash_table_lookup_extended (reader->by_id, GSIZE_TO_POINTER (notebook_id), NULL, &index))
        {
          if (_atlas_store_row_ok (&row) && reader->problems != NULL)
            continue;
          if (_atlas_store_row_ok (&row))
            _atlas_store_row_fail (&row, "notebook_id", _("no such notebook"));
          failed = !bad_row (reader, &row);
          continue;
        }
      slot = &g_array_index (reader->slots, Slot, GPOINTER_TO_UINT (index));
      if (slot->first >= 0)
        _atlas_store_row_fail (&row, "notebook_id", _("a copy of another notebook has no crashes of its own"));
      crash = _atlas_store_row_ok (&row) ? read_corpus_crash (&row, slot->info) : NULL;
      if (crash == NULL)
        {
          failed = !bad_row (reader, &row);
          continue;
        }
      g_ptr_array_add (slot->crashes, crash);
    }
  sqlite3_finalize (stmt);
  g_clear_error (&row.error);
  if (failed)
    return FALSE;
  if (g_cancellable_set_error_if_cancelled (cancellable, reader->error))
    return FALSE;
  if (rc != SQLITE_DONE)
    return _atlas_store_db_error (reader->db, rc, reader->path, reader->error);
  return TRUE;
}

/* The crashes of a copy are the first notebook's, at the copy's location. */
static GPtrArray *
copy_crashes (GPtrArray               *crashes,
              const AtlasNotebookInfo *info)
{
  GPtrArray *copies = g_ptr_array_new_full (crashes->len, g_object_unref);

  for (guint i = 0; i < crashes->len; i++)
    {
      AtlasCrash *crash = g_ptr_array_index (crashes, i);
      AtlasCrash *copy = atlas_crash_new (info->location, info->platform, atlas_crash_get_cell (crash),
                                          atlas_crash_get_execution_count (crash),
                                          atlas_crash_get_ename (crash), atlas_crash_get_evalue (crash),
                                          NULL);

      if (info->url != NULL)
        atlas_crash_set_url (copy, info->url);
      atlas_crash_set_line (copy, atlas_crash_get_line (crash));
      atlas_crash_set_classification (copy, atlas_crash_get_classification (crash));
      atlas_crash_set_cluster (copy, atlas_crash_get_cluster (crash));
      atlas_crash_set_copy (copy, TRUE);
      g_ptr_array_add (copies, copy);
    }
  return copies;
}

/* Each notebook holds as many crashes as its row says: fewer means rows
 * were lost, and the records would be attributed to the wrong notebook. */
static gboolean
check_crash_counts (Reader *reader)
{
  for (guint i = 0; i < reader->slots->len; i++)
    {
      Slot *slot = &g_array_index (reader->slots, Slot, i);
      guint have = slot->first >= 0
                     ? g_array_index (reader->slots, Slot, slot->first).crashes->len
                     : slot->crashes->len;
      g_autofree char *what = NULL;
      AtlasStoreRow row = { 0 };

      if (have == slot->stored_crashes)
        continue;
      row.path = reader->path;
      row.table = "notebook";
      row.row = slot->id;
      /* Translators: a notebook's record "says 3 crashes, the file holds 2" */
      what = g_strdup_printf (ngettext ("says %u crash, the file holds %u", "says %u crashes, the file holds %u",
                                        slot->stored_crashes),
                              slot->stored_crashes, have);
      _atlas_store_row_fail (&row, "n_crashes", what);
      if (!bad_row (reader, &row))
        return FALSE;
    }
  return TRUE;
}

/* A rescue keeps the rows read before SQLite met damage it could not read
 * past (a broken b-tree page). */
static gboolean
rescue_rows_read (Reader *reader)
{
  GError *error = *reader->error;

  if (reader->problems == NULL || error == NULL ||
      !g_error_matches (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_CORRUPT))
    return FALSE;
  g_ptr_array_add (reader->problems, g_strdup (error->message));
  g_clear_error (reader->error);
  return TRUE;
}

AtlasCorpus *
_atlas_store_read_corpus (sqlite3       *db,
                          const char    *path,
                          guint          version,
                          GPtrArray     *problems,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(GArray) slots = g_array_new (FALSE, TRUE, sizeof (Slot));
  g_autoptr(GHashTable) by_id = g_hash_table_new (NULL, NULL);
  g_autoptr(AtlasCorpus) corpus = NULL;
  g_autoptr(GError) local_error = NULL;
  Reader reader = { db, path, version, problems, slots, by_id, &local_error };
  gboolean ok;

  g_array_set_clear_func (slots, (GDestroyNotify)slot_clear);

  /* One read transaction: the notebooks and crashes of one snapshot, even
   * while another connection writes. */
  if (!_atlas_store_db_exec (db, "BEGIN", path, error))
    return NULL;
  ok = read_notebook_infos (&reader) || rescue_rows_read (&reader);
  ok = ok && (read_crashes (&reader, cancellable) || rescue_rows_read (&reader));
  ok = ok && check_crash_counts (&reader);
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  if (!ok)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  corpus = atlas_corpus_new ();
  for (guint i = 0; i < slots->len; i++)
    {
      Slot *slot = &g_array_index (slots, Slot, i);
      g_autoptr(GPtrArray) crashes = NULL;

      if (slot->first >= 0)
        crashes = copy_crashes (g_array_index (slots, Slot, slot->first).crashes, slot->info);
      else
        crashes = g_ptr_array_ref (slot->crashes);
      slot->info->n_crashes = crashes->len;
      atlas_corpus_add (corpus, g_steal_pointer (&slot->info), crashes);
    }
  return g_steal_pointer (&corpus);
}

/* One notebook ------------------------------------------------------------ */

static AtlasNotebook *
read_header (sqlite3     *db,
             const char  *path,
             guint        version,
             gint64       id,
             const char  *location,
             gint64      *out_id,
             GError     **error)
{
  g_autofree char *sql = g_strdup_printf (
    "SELECT n.id, n.location, n.url, n.platform, o.nbformat, o.nbformat_minor, o.language,"
    " o.papermill, o.size, o.content_hash, o.id FROM notebook n JOIN notebook o ON o.id = %s"
    " WHERE %s",
    version >= 3 ? "coalesce (n.duplicate_of, n.id)" : "n.id",
    location != NULL ? "n.location = ?1 ORDER BY n.id DESC LIMIT 1" : "n.id = ?2");
  sqlite3_stmt *stmt = _atlas_store_db_prepare (db, sql, path, error);
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
      AtlasStoreRow row = { 0 };
      const char *found, *url;
      AtlasPlatform platform;

      _atlas_store_row_begin (&row, stmt, path, "notebook", 0);
      found = _atlas_store_row_text (&row, 1, "location", FALSE);
      url = _atlas_store_row_text (&row, 2, "url", TRUE);
      platform = row_platform (&row, 3);
      header.nbformat = _atlas_store_row_int (&row, 4, "nbformat", 0, 1000, FALSE, 4);
      header.nbformat_minor = _atlas_store_row_int (&row, 5, "nbformat_minor", 0, 1000, FALSE, 0);
      header.language = _atlas_store_row_text (&row, 6, "language", TRUE);
      header.papermill = _atlas_store_row_int (&row, 7, "papermill", 0, 1, FALSE, 0);
      header.size = _atlas_store_row_int (&row, 8, "size", 0, G_MAXINT64, FALSE, 0);
      header.content_hash = row_content_hash (&row, 9);
      if (_atlas_store_row_ok (&row))
        {
          notebook = _atlas_notebook_new (found, platform, &header);
          /* A copy's cells and crashes are its first notebook's. */
          *out_id = sqlite3_column_int64 (stmt, 10);
          if (url != NULL)
            atlas_notebook_set_url (notebook, url);
        }
      else
        g_propagate_error (error, g_steal_pointer (&row.error));
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
read_cell (AtlasStoreRow *row,
           guint          expected_index)
{
  g_autofree AtlasCell *cell = g_new0 (AtlasCell, 1);
  guint index = _atlas_store_row_int (row, 0, "idx", 0, MAX_COUNT, FALSE, 0);
  int flags;
  const char *source;

  cell->kind = _atlas_store_row_int (row, 1, "kind", ATLAS_CELL_CODE, ATLAS_CELL_OTHER, FALSE, 0);
  source = _atlas_store_row_text (row, 2, "source", FALSE);
  cell->execution_count = _atlas_store_row_int (row, 3, "execution_count", G_MININT32, G_MAXINT32, FALSE, 0);
  cell->n_outputs = _atlas_store_row_int (row, 4, "n_outputs", 0, MAX_COUNT, FALSE, 0);
  flags = _atlas_store_row_int (row, 5, "flags", 0, 7, FALSE, 0);
  /* Cells are numbered from 0 without a gap: crashes find theirs by it. */
  if (_atlas_store_row_ok (row) && index != expected_index)
    _atlas_store_row_fail (row, "idx", _("cells are not numbered in order"));
  if (!_atlas_store_row_ok (row))
    return NULL;
  cell->source = g_strdup (source);
  cell->has_error = (flags & CELL_FLAG_HAS_ERROR) != 0;
  cell->papermill_injected = (flags & CELL_FLAG_PAPERMILL_INJECTED) != 0;
  cell->papermill_failed = (flags & CELL_FLAG_PAPERMILL_FAILED) != 0;
  return g_steal_pointer (&cell);
}

static AtlasCrash *
read_full_crash (AtlasStoreRow   *row,
                 AtlasNotebook   *notebook,
                 const AtlasCell *cell)
{
  int execution_count = _atlas_store_row_int (row, 1, "execution_count", G_MININT32, G_MAXINT32, FALSE, 0);
  const char *ename = _atlas_store_row_text (row, 2, "ename", FALSE);
  const char *evalue = _atlas_store_row_text (row, 3, "evalue", FALSE);
  const char *raw = _atlas_store_row_text (row, 4, "raw", TRUE);
  g_autoptr(AtlasTraceback) traceback = NULL;
  g_autoptr(AtlasCrash) crash = NULL;

  if (!_atlas_store_row_ok (row))
    return NULL;
  traceback = atlas_traceback_parse (&raw, raw != NULL ? 1 : 0);
  crash = atlas_crash_new (atlas_notebook_get_location (notebook),
                           atlas_notebook_get_platform (notebook),
                           cell->index, execution_count, ename, evalue, traceback);
  atlas_crash_set_cell_source (crash, cell->source);
  read_labels (row, 5, crash);
  if (!_atlas_store_row_ok (row))
    return NULL;
  return g_steal_pointer (&crash);
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
  AtlasStoreRow row = { 0 };
  guint n_cells = 0;
  int rc = SQLITE_ROW, crash_rc;

  if (crashes == NULL)
    {
      sqlite3_finalize (cells);
      return FALSE;
    }
  sqlite3_bind_int64 (cells, 1, id);
  sqlite3_bind_int64 (crashes, 1, id);
  crash_rc = sqlite3_step (crashes);
  while (row.error == NULL && (rc = sqlite3_step (cells)) == SQLITE_ROW)
    {
      AtlasCell *cell;

      _atlas_store_row_begin (&row, cells, path, "cell", -1);
      row.row = id;
      if ((cell = read_cell (&row, n_cells++)) == NULL)
        break;
      /* Crashes belong to the last added cell, so they go in after it. */
      _atlas_notebook_add_cell (notebook, cell);
      for (; crash_rc == SQLITE_ROW && sqlite3_column_type (crashes, 0) == SQLITE_INTEGER &&
             sqlite3_column_int64 (crashes, 0) == (gint64)cell->index;
           crash_rc = sqlite3_step (crashes))
        {
          AtlasCrash *crash;

          _atlas_store_row_begin (&row, crashes, path, "crash", -1);
          row.row = id;
          if ((crash = read_full_crash (&row, notebook, cell)) == NULL)
            break;
          _atlas_notebook_add_crash (notebook, crash);
        }
    }
  sqlite3_finalize (cells);
  sqlite3_finalize (crashes);
  if (row.error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&row.error));
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    return _atlas_store_db_error (db, rc, path, error);
  return TRUE;
}

AtlasNotebook *
_atlas_store_read_notebook (sqlite3     *db,
                            const char  *path,
                            guint        version,
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
  notebook = read_header (db, path, version, id, location, &id, error);
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

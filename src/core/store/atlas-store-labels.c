/* atlas-store-labels.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-store"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-store-labels.h"
#include "atlas-store-handle.h"
#include "atlas-store-private.h"

AtlasSampleItem *
atlas_sample_item_new (const char *location,
                       guint       cell,
                       const char *stratum,
                       double      weight)
{
  AtlasSampleItem *item = g_new0 (AtlasSampleItem, 1);

  item->location = g_strdup (location);
  item->cell = cell;
  item->stratum = g_strdup (stratum);
  item->weight = weight;
  return item;
}

void
atlas_sample_item_free (AtlasSampleItem *item)
{
  if (item == NULL)
    return;
  g_free (item->location);
  g_free (item->stratum);
  g_free (item);
}

AtlasHandLabel *
atlas_hand_label_new (const char *location,
                      guint       cell,
                      const char *rater)
{
  AtlasHandLabel *label = g_new0 (AtlasHandLabel, 1);

  label->location = g_strdup (location);
  label->cell = cell;
  label->rater = g_strdup (rater);
  return label;
}

AtlasHandLabel *
atlas_hand_label_copy (const AtlasHandLabel *label)
{
  AtlasHandLabel *copy = atlas_hand_label_new (label->location, label->cell, label->rater);

  atlas_classification_copy (&label->labels, &copy->labels);
  copy->note = g_strdup (label->note);
  copy->labeled_at = label->labeled_at;
  return copy;
}

void
atlas_hand_label_free (AtlasHandLabel *label)
{
  if (label == NULL)
    return;
  g_free (label->location);
  g_free (label->rater);
  g_free (label->note);
  atlas_classification_clear (&label->labels);
  g_free (label);
}

const char *
atlas_hand_label_get_id (const AtlasHandLabel *label,
                         AtlasDimension        dimension)
{
  g_return_val_if_fail (label != NULL, NULL);

  return atlas_classification_get_label_id (&label->labels, dimension);
}

static gboolean
step_done (sqlite3_stmt  *stmt,
           sqlite3       *db,
           const char    *path,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _atlas_store_db_error (db, rc, path, error);
  return TRUE;
}

static gboolean
put_meta (sqlite3     *db,
          const char  *path,
          const char  *key,
          const char  *value,
          GError     **error)
{
  sqlite3_stmt *stmt = _atlas_store_db_prepare (db,
    "INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)", path, error);
  gboolean ok;

  if (stmt == NULL)
    return FALSE;
  _atlas_store_bind_text (stmt, 1, key);
  _atlas_store_bind_text (stmt, 2, value);
  ok = step_done (stmt, db, path, error);
  sqlite3_finalize (stmt);
  return ok;
}

static char *
get_meta (sqlite3    *db,
          const char *key)
{
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT value FROM meta WHERE key = ?1", -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  _atlas_store_bind_text (stmt, 1, key);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup (_atlas_store_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

static gboolean
write_sample (sqlite3     *db,
              const char  *path,
              const char  *design,
              guint32      seed,
              GPtrArray   *items,
              GError     **error)
{
  g_autofree char *seed_text = g_strdup_printf ("%" G_GUINT32_FORMAT, seed);
  sqlite3_stmt *insert;
  gboolean ok = TRUE;

  if (!_atlas_store_db_exec (db, "DELETE FROM research_sample", path, error) ||
      !put_meta (db, path, "sample_design", design, error) ||
      !put_meta (db, path, "sample_seed", seed_text, error))
    return FALSE;

  insert = _atlas_store_db_prepare (db,
    "INSERT INTO research_sample (position, location, cell, stratum, weight)"
    " VALUES (?1, ?2, ?3, ?4, ?5)", path, error);
  if (insert == NULL)
    return FALSE;
  for (guint i = 0; ok && i < items->len; i++)
    {
      const AtlasSampleItem *item = g_ptr_array_index (items, i);

      sqlite3_bind_int64 (insert, 1, i);
      _atlas_store_bind_text (insert, 2, item->location);
      sqlite3_bind_int64 (insert, 3, item->cell);
      _atlas_store_bind_text (insert, 4, item->stratum);
      sqlite3_bind_double (insert, 5, item->weight);
      ok = step_done (insert, db, path, error);
    }
  sqlite3_finalize (insert);
  return ok;
}

/* Ends the transaction begun by the caller: commits when @ok_so_far, else
 * rolls back and returns FALSE (with the error already set). */
static gboolean
in_transaction (sqlite3     *db,
                const char  *path,
                gboolean     ok_so_far,
                GError     **error)
{
  if (!ok_so_far)
    {
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  return _atlas_store_db_exec (db, "COMMIT", path, error);
}

gboolean
atlas_store_replace_sample (AtlasStore  *self,
                            const char  *design,
                            guint32      seed,
                            GPtrArray   *items,
                            GError     **error)
{
  sqlite3 *db;
  const char *path;

  g_return_val_if_fail (ATLAS_IS_STORE (self), FALSE);
  g_return_val_if_fail (design != NULL && items != NULL, FALSE);

  db = _atlas_store_get_db (self);
  path = atlas_store_get_path (self);
  if (!_atlas_store_db_exec (db, "BEGIN IMMEDIATE", path, error))
    return FALSE;
  return in_transaction (db, path, write_sample (db, path, design, seed, items, error), error);
}

GPtrArray *
atlas_store_dup_sample (AtlasStore  *self,
                        char       **design,
                        guint32     *seed,
                        GError     **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify)atlas_sample_item_free);
  sqlite3 *db;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ATLAS_IS_STORE (self), NULL);

  db = _atlas_store_get_db (self);
  stmt = _atlas_store_db_prepare (db,
    "SELECT location, cell, stratum, weight FROM research_sample ORDER BY position",
    atlas_store_get_path (self), error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, atlas_sample_item_new (_atlas_store_column_text (stmt, 0),
                                                   (guint)sqlite3_column_int64 (stmt, 1),
                                                   _atlas_store_column_text (stmt, 2),
                                                   sqlite3_column_double (stmt, 3)));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _atlas_store_db_error (db, rc, atlas_store_get_path (self), error);
      return NULL;
    }

  if (design != NULL)
    *design = get_meta (db, "sample_design");
  if (seed != NULL)
    {
      g_autofree char *text = get_meta (db, "sample_seed");

      *seed = text != NULL ? (guint32)g_ascii_strtoull (text, NULL, 10) : 0;
    }
  return g_steal_pointer (&items);
}

static gboolean
write_label (sqlite3_stmt         *stmt,
             sqlite3              *db,
             const char           *path,
             const AtlasHandLabel *label,
             GError              **error)
{
  _atlas_store_bind_text (stmt, 1, label->location);
  sqlite3_bind_int64 (stmt, 2, label->cell);
  _atlas_store_bind_text (stmt, 3, label->rater);
  for (guint d = 0; d < ATLAS_N_DIMENSIONS; d++)
    {
      /* Columns 4..9 are crash_type, root_cause, root_cause_detail, ml_bug,
       * stage, library: the detail sits after the root cause. */
      int col = 4 + d + (d > ATLAS_DIMENSION_ROOT_CAUSE ? 1 : 0);

      _atlas_store_bind_text (stmt, col, atlas_hand_label_get_id (label, d));
    }
  _atlas_store_bind_text (stmt, 6, label->labels.root_cause_detail);
  _atlas_store_bind_text (stmt, 10, label->note);
  sqlite3_bind_int64 (stmt, 11, label->labeled_at);
  return step_done (stmt, db, path, error);
}

gboolean
atlas_store_put_hand_labels (AtlasStore  *self,
                             GPtrArray   *labels,
                             GError     **error)
{
  sqlite3 *db;
  const char *path;
  sqlite3_stmt *stmt;
  gboolean ok = TRUE;

  g_return_val_if_fail (ATLAS_IS_STORE (self), FALSE);
  g_return_val_if_fail (labels != NULL, FALSE);

  db = _atlas_store_get_db (self);
  path = atlas_store_get_path (self);
  if (!_atlas_store_db_exec (db, "BEGIN IMMEDIATE", path, error))
    return FALSE;
  stmt = _atlas_store_db_prepare (db,
    "INSERT OR REPLACE INTO hand_label (location, cell, rater, crash_type, root_cause,"
    " root_cause_detail, ml_bug, stage, library, note, labeled_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)", path, error);
  ok = stmt != NULL;
  for (guint i = 0; ok && i < labels->len; i++)
    {
      const AtlasHandLabel *label = g_ptr_array_index (labels, i);

      if (label->location == NULL || label->rater == NULL || *label->rater == '\0')
        {
          g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_FAILED,
                       _("%s: a hand label needs a notebook and a rater"), path);
          ok = FALSE;
          break;
        }
      ok = write_label (stmt, db, path, label, error);
    }
  sqlite3_finalize (stmt);
  return in_transaction (db, path, ok, error);
}

gboolean
atlas_store_put_hand_label (AtlasStore            *self,
                            const AtlasHandLabel  *label,
                            GError               **error)
{
  g_autoptr(GPtrArray) one = g_ptr_array_new ();

  g_return_val_if_fail (label != NULL, FALSE);

  g_ptr_array_add (one, (gpointer)label);
  return atlas_store_put_hand_labels (self, one, error);
}

static void
read_enum (sqlite3_stmt   *stmt,
           int             col,
           AtlasDimension  dimension,
           guint          *value)
{
  const char *id = _atlas_store_column_text (stmt, col);
  guint parsed = 0;

  /* A value this version does not know reads as unset, never as another. */
  *value = id != NULL && atlas_dimension_value_from_id (dimension, id, &parsed) ? parsed : 0;
}

GPtrArray *
atlas_store_dup_hand_labels (AtlasStore  *self,
                             const char  *rater,
                             GError     **error)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func ((GDestroyNotify)atlas_hand_label_free);
  sqlite3 *db;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ATLAS_IS_STORE (self), NULL);

  db = _atlas_store_get_db (self);
  stmt = _atlas_store_db_prepare (db,
    "SELECT location, cell, rater, crash_type, root_cause, root_cause_detail, ml_bug,"
    " stage, library, note, labeled_at FROM hand_label"
    " WHERE ?1 IS NULL OR rater = ?1 ORDER BY rater, location, cell",
    atlas_store_get_path (self), error);
  if (stmt == NULL)
    return NULL;
  _atlas_store_bind_text (stmt, 1, rater);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AtlasHandLabel *label = atlas_hand_label_new (_atlas_store_column_text (stmt, 0),
                                                    (guint)sqlite3_column_int64 (stmt, 1),
                                                    _atlas_store_column_text (stmt, 2));
      guint value;

      read_enum (stmt, 3, ATLAS_DIMENSION_CRASH_TYPE, &value);
      label->labels.crash_type = value;
      read_enum (stmt, 4, ATLAS_DIMENSION_ROOT_CAUSE, &value);
      label->labels.root_cause = value;
      label->labels.root_cause_detail = g_strdup (_atlas_store_column_text (stmt, 5));
      read_enum (stmt, 6, ATLAS_DIMENSION_ML_BUG, &value);
      label->labels.ml_bug = value;
      read_enum (stmt, 7, ATLAS_DIMENSION_STAGE, &value);
      label->labels.stage = value;
      label->labels.library = g_strdup (_atlas_store_column_text (stmt, 8));
      label->note = g_strdup (_atlas_store_column_text (stmt, 9));
      label->labeled_at = sqlite3_column_int64 (stmt, 10);
      g_ptr_array_add (labels, label);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _atlas_store_db_error (db, rc, atlas_store_get_path (self), error);
      return NULL;
    }
  return g_steal_pointer (&labels);
}

char **
atlas_store_dup_raters (AtlasStore  *self,
                        GError     **error)
{
  g_autoptr(GStrvBuilder) raters = g_strv_builder_new ();
  sqlite3 *db;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ATLAS_IS_STORE (self), NULL);

  db = _atlas_store_get_db (self);
  stmt = _atlas_store_db_prepare (db, "SELECT DISTINCT rater FROM hand_label ORDER BY rater",
                                  atlas_store_get_path (self), error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (raters, _atlas_store_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _atlas_store_db_error (db, rc, atlas_store_get_path (self), error);
      return NULL;
    }
  return g_strv_builder_end (raters);
}

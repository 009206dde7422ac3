/* atlas-store-update.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-store"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-cluster.h"
#include "atlas-store-handle.h"
#include "atlas-store-private.h"

/* Updates to stored labels and clusters, done on a connection of their own
 * in one transaction each, so readers see either the old or the new ones. */

/* Notebooks re-labelled per transaction. */
#define RECLASSIFY_BATCH 500

typedef struct
{
  GArray    *ids;       /* gint64 crash ids, in corpus order; 0 for a copy's */
  GArray    *clusters;  /* int, stored cluster or -1 */
  GPtrArray *messages;  /* char *, evalues */
} Messages;

static void
messages_clear (Messages *m)
{
  g_clear_pointer (&m->ids, g_array_unref);
  g_clear_pointer (&m->clusters, g_array_unref);
  g_clear_pointer (&m->messages, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Messages, messages_clear)

static gboolean
read_messages (sqlite3     *db,
               const char  *path,
               Messages    *m,
               GError     **error)
{
  /* Every crash of the corpus as it is loaded, a copy's too (the crashes
   * of its first notebook again), so that the clusters are those a `scan`
   * of the same notebooks computes. */
  sqlite3_stmt *stmt = _atlas_store_db_prepare (db,
    "SELECT c.id, c.evalue, c.cluster, n.id = c.notebook_id FROM notebook n"
    " JOIN crash c ON c.notebook_id = coalesce (n.duplicate_of, n.id) ORDER BY n.id, c.seq",
    path, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  m->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  m->clusters = g_array_new (FALSE, FALSE, sizeof (int));
  m->messages = g_ptr_array_new_with_free_func (g_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int (stmt, 3) ? sqlite3_column_int64 (stmt, 0) : 0;
      int cluster = sqlite3_column_type (stmt, 2) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 2);

      g_array_append_val (m->ids, id);
      g_array_append_val (m->clusters, cluster);
      g_ptr_array_add (m->messages, g_strdup (_atlas_store_column_text (stmt, 1) ?: ""));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return _atlas_store_db_error (db, rc, path, error);
  return TRUE;
}

static gboolean
write_clusters (sqlite3      *db,
                const char   *path,
                Messages     *m,
                const guint  *clusters,
                GError      **error)
{
  sqlite3_stmt *stmt = _atlas_store_db_prepare (db,
    "UPDATE crash SET cluster = ? WHERE id = ?", path, error);
  int rc = SQLITE_DONE;

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < m->ids->len && rc == SQLITE_DONE; i++)
    {
      /* Only what changed: after an import most ids stay as they were. A
       * copy's crashes are their first notebook's, with the same message. */
      if (g_array_index (m->ids, gint64, i) == 0 || g_array_index (m->clusters, int, i) == (int)clusters[i])
        continue;
      sqlite3_bind_int (stmt, 1, clusters[i]);
      sqlite3_bind_int64 (stmt, 2, g_array_index (m->ids, gint64, i));
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return _atlas_store_db_error (db, rc, path, error);
  return TRUE;
}

static gboolean
update_clusters_locked (sqlite3     *db,
                        const char  *path,
                        GError     **error)
{
  g_auto(Messages) m = { 0 };
  g_autofree guint *clusters = NULL;
  guint n_clusters;

  if (!read_messages (db, path, &m, error))
    return FALSE;
  clusters = atlas_cluster_messages ((const char * const *)m.messages->pdata, m.messages->len,
                                     &n_clusters);
  return write_clusters (db, path, &m, clusters, error);
}

static gboolean
check_writable (AtlasStore  *self,
                GError     **error)
{
  if (!atlas_store_get_read_only (self))
    return TRUE;
  g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_READ_ONLY,
               _("The corpus “%s” was opened only to be read"), atlas_store_get_path (self));
  return FALSE;
}

static gboolean
in_transaction (sqlite3      *db,
                const char   *path,
                gboolean    (*func) (sqlite3 *, const char *, GError **),
                GError      **error)
{
  if (!_atlas_store_db_exec (db, "BEGIN IMMEDIATE", path, error))
    return FALSE;
  if (!func (db, path, error))
    {
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  return _atlas_store_db_exec (db, "COMMIT", path, error);
}

gboolean
atlas_store_update_clusters (AtlasStore  *self,
                             GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  sqlite3 *db;
  gboolean ok;

  g_return_val_if_fail (ATLAS_IS_STORE (self), FALSE);

  if (!check_writable (self, error) ||
      (db = _atlas_store_db_open_again (atlas_store_get_path (self), FALSE, error)) == NULL)
    return FALSE;
  /* The write lock is taken before reading, so no import slips in between. */
  ok = in_transaction (db, atlas_store_get_path (self), update_clusters_locked, error);
  _atlas_store_db_close (db);
  return ok;
}

/* Re-classification ------------------------------------------------------- */

/* The notebooks with a crash that other rules labelled. */
static gboolean
read_stale_notebook_ids (sqlite3     *db,
                         const char  *path,
                         const char  *rules_version,
                         GArray      *ids,
                         GError     **error)
{
  sqlite3_stmt *stmt = _atlas_store_db_prepare (db,
    "SELECT DISTINCT notebook_id FROM crash WHERE rules_version IS NOT ? ORDER BY notebook_id",
    path, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  _atlas_store_bind_text (stmt, 1, rules_version);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return _atlas_store_db_error (db, rc, path, error);
  return TRUE;
}

static int
write_labels (sqlite3_stmt  *stmt,
              gint64         id,
              AtlasNotebook *notebook,
              const char    *rules_version)
{
  GPtrArray *crashes = atlas_notebook_get_crashes (notebook);

  for (guint i = 0; i < crashes->len; i++)
    {
      AtlasCrash *crash = g_ptr_array_index (crashes, i);
      int rc;

      _atlas_store_bind_labels (stmt, 1, crash);
      _atlas_store_bind_text (stmt, 12, rules_version);
      sqlite3_bind_int64 (stmt, 13, id);
      sqlite3_bind_int (stmt, 14, i);
      _atlas_store_bind_confidence (stmt, 15, crash);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        return rc;
    }
  return SQLITE_DONE;
}

typedef struct
{
  sqlite3         *db;
  const char      *path;
  AtlasClassifier *classifier;
  sqlite3_stmt    *update;
  const char      *rules_version;
} Reclassify;

/* Re-labels the notebooks ids[start, end) in one transaction. */
static gboolean
reclassify_batch (Reclassify  *r,
                  GArray      *ids,
                  guint        start,
                  guint        end,
                  GError     **error)
{
  int rc = SQLITE_DONE;

  if (!_atlas_store_db_exec (r->db, "BEGIN IMMEDIATE", r->path, error))
    return FALSE;
  for (guint i = start; i < end && rc == SQLITE_DONE; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(AtlasNotebook) notebook = _atlas_store_read_notebook (r->db, r->path, ATLAS_STORE_SCHEMA_VERSION, id, NULL, error);

      if (notebook == NULL)
        {
          sqlite3_exec (r->db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
      atlas_classifier_classify_notebook (r->classifier, notebook);
      rc = write_labels (r->update, id, notebook, r->rules_version);
    }
  if (rc != SQLITE_DONE)
    {
      _atlas_store_db_error (r->db, rc, r->path, error);
      sqlite3_exec (r->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  return _atlas_store_db_exec (r->db, "COMMIT", r->path, error);
}

static gboolean
reclassify_all (Reclassify    *r,
                guint         *n_relabelled,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (!read_stale_notebook_ids (r->db, r->path, r->rules_version, ids, error))
    return FALSE;
  *n_relabelled = ids->len;
  for (guint i = 0; i < ids->len; i += RECLASSIFY_BATCH)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !reclassify_batch (r, ids, i, MIN (ids->len, i + RECLASSIFY_BATCH), error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
set_rules_version (Reclassify  *r,
                   GError     **error)
{
  sqlite3_stmt *stmt = _atlas_store_db_prepare (r->db,
    "INSERT OR REPLACE INTO meta (key, value) VALUES ('rules_version', ?)", r->path, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  _atlas_store_bind_text (stmt, 1, r->rules_version);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return _atlas_store_db_error (r->db, rc, r->path, error);
  return TRUE;
}

gboolean
atlas_store_reclassify (AtlasStore       *self,
                        AtlasClassifier  *classifier,
                        guint            *n_relabelled,
                        GCancellable     *cancellable,
                        GError          **error)
{
  Reclassify r = { 0 };
  guint n = 0;
  gboolean ok;

  g_return_val_if_fail (ATLAS_IS_STORE (self), FALSE);
  g_return_val_if_fail (ATLAS_IS_CLASSIFIER (classifier), FALSE);

  r.path = atlas_store_get_path (self);
  r.classifier = classifier;
  r.rules_version = atlas_classifier_get_rules_version (classifier);
  if (!check_writable (self, error) || (r.db = _atlas_store_db_open_again (r.path, FALSE, error)) == NULL)
    return FALSE;
  r.update = _atlas_store_db_prepare (r.db,
    "UPDATE crash SET crash_type = ?1, root_cause = ?2, root_cause_detail = ?3, ml_bug = ?4,"
    " stage = ?5, library = ?6, evidence_crash_type = ?7, evidence_root_cause = ?8,"
    " evidence_ml_bug = ?9, evidence_stage = ?10, evidence_library = ?11, rules_version = ?12,"
    " confidence = ?15"
    " WHERE notebook_id = ?13 AND seq = ?14", r.path, error);
  ok = r.update != NULL && reclassify_all (&r, &n, cancellable, error) &&
       set_rules_version (&r, error);
  if (n_relabelled != NULL)
    *n_relabelled = ok ? n : 0;
  sqlite3_finalize (r.update);
  _atlas_store_db_close (r.db);
  return ok;
}

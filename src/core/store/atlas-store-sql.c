/* atlas-store-sql.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "atlas-store-private.h"

/* SQL on one connection, under every other part of the store: errors said
 * in the store's terms, statements, bindings, the schema version read. */

/* Whether a failed write of @path's database or log was for want of room:
 * SQLite reports ENOSPC as SQLITE_FULL, but a file-size limit (EFBIG) or a
 * quota as an I/O error, and its errno is often gone by then. */
static gboolean
looks_full (const char *path)
{
  static const char *const suffixes[] = { "", "-wal", "-journal" };
  g_autofree char *dir = g_path_get_dirname (path);
  struct rlimit limit;
  struct statvfs fs;

  if (statvfs (dir, &fs) == 0 && (guint64)fs.f_bavail * fs.f_frsize < 1024 * 1024)
    return TRUE;
  if (getrlimit (RLIMIT_FSIZE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);
      GStatBuf st;

      /* Within a page or two of the limit: the next write did not fit. */
      if (g_stat (name, &st) == 0 && (guint64)st.st_size + 2 * 65536 >= (guint64)limit.rlim_cur)
        return TRUE;
    }
  return FALSE;
}

static AtlasStoreError
error_code (sqlite3    *db,
            int         rc,
            const char *path)
{
  /* A file-size limit (RLIMIT_FSIZE, EFBIG) or quota makes a write fail
   * short of the disk being full, which SQLite may call an I/O error. */
  if ((rc & 0xff) == SQLITE_IOERR && db != NULL)
    {
      int e = sqlite3_system_errno (db);

      if (e == ENOSPC || e == EFBIG || e == EDQUOT ||
          ((rc == SQLITE_IOERR_WRITE || rc == SQLITE_IOERR_SHORT_READ || rc == SQLITE_IOERR_TRUNCATE ||
            rc == SQLITE_IOERR_SHMSIZE) && path != NULL && looks_full (path)))
        return ATLAS_STORE_ERROR_DISK_FULL;
    }
  switch (rc & 0xff)
    {
    case SQLITE_READONLY:
      return ATLAS_STORE_ERROR_READ_ONLY;
    case SQLITE_NOTADB:
      return ATLAS_STORE_ERROR_NOT_A_CORPUS;
    case SQLITE_CORRUPT:
      return ATLAS_STORE_ERROR_CORRUPT;
    case SQLITE_FULL:
      return ATLAS_STORE_ERROR_DISK_FULL;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return ATLAS_STORE_ERROR_BUSY;
    default:
      return ATLAS_STORE_ERROR_FAILED;
    }
}

gboolean
_atlas_store_db_error (sqlite3     *db,
                       int          rc,
                       const char  *path,
                       GError     **error)
{
  AtlasStoreError code = error_code (db, rc, path);

  switch (code)
    {
    case ATLAS_STORE_ERROR_NOT_A_CORPUS:
      g_set_error (error, ATLAS_STORE_ERROR, code,
                   _("“%s” is not a Crash Atlas corpus (not a SQLite database)"), path);
      break;
    case ATLAS_STORE_ERROR_CORRUPT:
      g_set_error (error, ATLAS_STORE_ERROR, code,
                   _("The corpus “%s” is damaged: %s"), path,
                   db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      break;
    case ATLAS_STORE_ERROR_DISK_FULL:
      g_set_error (error, ATLAS_STORE_ERROR, code,
                   _("The disk is full: “%s” could not be written"), path);
      break;
    case ATLAS_STORE_ERROR_READ_ONLY:
      g_set_error (error, ATLAS_STORE_ERROR, code,
                   _("The corpus “%s” cannot be written: %s"), path,
                   db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      break;
    case ATLAS_STORE_ERROR_BUSY:
      g_set_error (error, ATLAS_STORE_ERROR, code,
                   _("The corpus “%s” is busy: another window or program is writing to it"), path);
      break;
    default:
      g_set_error (error, ATLAS_STORE_ERROR, code, _("Corpus “%s”: %s"), path,
                   db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
    }
  return FALSE;
}

gboolean
_atlas_store_db_exec (sqlite3     *db,
                      const char  *sql,
                      const char  *path,
                      GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return _atlas_store_db_error (db, rc, path, error);
  return TRUE;
}

sqlite3_stmt *
_atlas_store_db_prepare (sqlite3     *db,
                         const char  *sql,
                         const char  *path,
                         GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v3 (db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      _atlas_store_db_error (db, rc, path, error);
      return NULL;
    }
  return stmt;
}

const char *
_atlas_store_column_text (sqlite3_stmt *stmt,
                          int           col)
{
  return (const char *)sqlite3_column_text (stmt, col);
}

void
_atlas_store_bind_labels (sqlite3_stmt *stmt,
                          int           first,
                          AtlasCrash   *crash)
{
  const AtlasClassification *c = atlas_crash_get_classification (crash);

  _atlas_store_bind_text (stmt, first, atlas_crash_get_label_id (crash, ATLAS_DIMENSION_CRASH_TYPE));
  _atlas_store_bind_text (stmt, first + 1, atlas_crash_get_label_id (crash, ATLAS_DIMENSION_ROOT_CAUSE));
  _atlas_store_bind_text (stmt, first + 2, c->root_cause_detail);
  _atlas_store_bind_text (stmt, first + 3, atlas_crash_get_label_id (crash, ATLAS_DIMENSION_ML_BUG));
  _atlas_store_bind_text (stmt, first + 4, atlas_crash_get_label_id (crash, ATLAS_DIMENSION_STAGE));
  _atlas_store_bind_text (stmt, first + 5, c->library);
  for (guint d = 0; d < ATLAS_N_DIMENSIONS; d++)
    _atlas_store_bind_text (stmt, first + 6 + d, c->evidence[d]);
}

void
_atlas_store_bind_confidence (sqlite3_stmt *stmt,
                              int           col,
                              AtlasCrash   *crash)
{
  char *confidence = atlas_classification_confidence_to_text (atlas_crash_get_classification (crash));

  /* SQLite frees the text once the statement is done with it. */
  if (confidence != NULL)
    sqlite3_bind_text (stmt, col, confidence, -1, g_free);
  else
    sqlite3_bind_null (stmt, col);
}

gboolean
_atlas_store_db_query_int (sqlite3     *db,
           const char  *sql,
           const char  *path,
           gint64      *value,
           GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *value = sqlite3_column_int64 (stmt, 0);
      rc = SQLITE_OK;
    }
  if (rc != SQLITE_OK)
    _atlas_store_db_error (db, rc, path, error);
  sqlite3_finalize (stmt);
  return rc == SQLITE_OK;
}

gboolean
_atlas_store_db_read_version (sqlite3     *db,
                              const char  *path,
                              gint64      *version,
                              GError     **error)
{
  return _atlas_store_db_query_int (db, "PRAGMA user_version", path, version, error);
}

void
_atlas_store_bind_text (sqlite3_stmt *stmt,
                        int           col,
                        const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, col);
  else
    sqlite3_bind_text (stmt, col, text, -1, SQLITE_STATIC);
}

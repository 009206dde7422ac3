/* atlas-store-db.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-store"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "atlas-store-private.h"

/* How long a connection waits for another one (a window, a process) that
 * holds the write lock before it reports the file busy. */
#define BUSY_TIMEOUT_MS 10000

G_DEFINE_QUARK (atlas-store-error-quark, atlas_store_error)

static AtlasStoreError
error_code (int rc)
{
  switch (rc & 0xff)
    {
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
  AtlasStoreError code = error_code (rc);

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
                   _("The disk is full: the latest notebooks could not be saved to “%s”; "
                     "everything saved before is kept"), path);
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

static gboolean
query_int (sqlite3     *db,
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
  return query_int (db, "PRAGMA user_version", path, version, error);
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


/* Reads the header fields that tell what the file is. Only reads. */
static gboolean
check_identity (sqlite3     *db,
                const char  *path,
                guint       *version,
                GError     **error)
{
  gint64 app_id = 0, user_version = 0, n_objects = 0;

  /* One snapshot: another process may be creating the same file, and
   * reads of its id before and its tables after that commit would look
   * like someone else's database. */
  if (!_atlas_store_db_exec (db, "BEGIN", path, error))
    return FALSE;
  if (!query_int (db, "PRAGMA application_id", path, &app_id, error) ||
      !_atlas_store_db_read_version (db, path, &user_version, error) ||
      !query_int (db, "SELECT count(*) FROM sqlite_master", path, &n_objects, error))
    {
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  if (!_atlas_store_db_exec (db, "COMMIT", path, error))
    return FALSE;

  if (app_id == 0 && user_version == 0 && n_objects == 0)
    {
      *version = 0;  /* a new, empty database: ours to set up */
      return TRUE;
    }
  if ((guint32)app_id != ATLAS_STORE_APPLICATION_ID)
    {
      g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_NOT_A_CORPUS,
                   _("“%s” is not a Crash Atlas corpus (a database of another application)"), path);
      return FALSE;
    }
  if (user_version < 1 || user_version > ATLAS_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, ATLAS_STORE_ERROR,
                   user_version < 1 ? ATLAS_STORE_ERROR_CORRUPT : ATLAS_STORE_ERROR_TOO_NEW,
                   _("The corpus “%s” has schema version %d; this Crash Atlas reads versions 1 to %d"),
                   path, (int)user_version, ATLAS_STORE_SCHEMA_VERSION);
      return FALSE;
    }
  *version = (guint)user_version;
  return TRUE;
}

/* Walks the notebook and crash tables, the ones a reopen loads (their b-trees, not every page, as
 * PRAGMA quick_check would at seconds per gigabyte): a damaged file fails
 * here, before anything is written to it. atlas_store_check() does it all. */
static gboolean
light_check (sqlite3     *db,
             const char  *path,
             GError     **error)
{
  gint64 n = 0;

  return query_int (db, "SELECT count(*) FROM notebook", path, &n, error) &&
         query_int (db, "SELECT count(*) FROM crash", path, &n, error);
}

static sqlite3 *
open_raw (const char  *path,
          gboolean     create,
          GError     **error)
{
  sqlite3 *db = NULL;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
  int rc;

  if (g_file_test (path, G_FILE_TEST_EXISTS) && !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_NOT_A_CORPUS,
                   _("“%s” is not a Crash Atlas corpus (not a file)"), path);
      return NULL;
    }
  if (create)
    flags |= SQLITE_OPEN_CREATE;

  rc = sqlite3_open_v2 (path, &db, flags, NULL);
  if (rc != SQLITE_OK)
    {
      _atlas_store_db_error (db, rc, path, error);
      sqlite3_close (db);
      return NULL;
    }
  sqlite3_extended_result_codes (db, TRUE);
  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
  return db;
}

/* Switching a new file to WAL needs it to itself, and SQLite answers BUSY
 * at once rather than through the busy handler when another process holds
 * it (creating the same file, say): so this one waits its turn here. */
static gboolean
set_wal (sqlite3     *db,
         const char  *path,
         GError     **error)
{
  gint64 give_up = g_get_monotonic_time () + BUSY_TIMEOUT_MS * G_TIME_SPAN_MILLISECOND;
  int rc;

  while ((rc = sqlite3_exec (db, "PRAGMA journal_mode=WAL", NULL, NULL, NULL)) == SQLITE_BUSY &&
         g_get_monotonic_time () < give_up)
    g_usleep (10 * G_TIME_SPAN_MILLISECOND);

  if (rc != SQLITE_OK)
    return _atlas_store_db_error (db, rc, path, error);
  return TRUE;
}

/* Sets the connection up once the file is known to be ours. */
static gboolean
configure (sqlite3     *db,
           const char  *path,
           GError     **error)
{
  /* WAL: readers never wait for the writer, and a killed writer loses only
   * its open transaction. NORMAL sync keeps every commit across a crash of
   * the process (not necessarily of the machine), at a fraction of FULL's cost. */
  return set_wal (db, path, error) &&
         _atlas_store_db_exec (db,
                               "PRAGMA synchronous=NORMAL;"
                               "PRAGMA foreign_keys=ON;"
                               /* No mmap: mapped pages of every table would count in the
                                * process's memory; a 32 MB page cache is enough. */
                               "PRAGMA cache_size=-32768;",
                               path, error);
}

sqlite3 *
_atlas_store_db_open (const char  *path,
                      gboolean     create,
                      GError     **error)
{
  sqlite3 *db = open_raw (path, create, error);
  guint version = 0;

  if (db == NULL)
    return NULL;

  if (!check_identity (db, path, &version, error) ||
      (version > 0 && !light_check (db, path, error)) ||
      !configure (db, path, error) ||
      (version < ATLAS_STORE_SCHEMA_VERSION &&
       !_atlas_store_schema_upgrade (db, version, path, error)))
    {
      sqlite3_close_v2 (db);
      return NULL;
    }
  return db;
}

sqlite3 *
_atlas_store_db_open_again (const char  *path,
                            GError     **error)
{
  sqlite3 *db = open_raw (path, FALSE, error);

  if (db != NULL && !configure (db, path, error))
    g_clear_pointer (&db, sqlite3_close_v2);
  return db;
}

void
_atlas_store_db_close (sqlite3 *db)
{
  if (db != NULL)
    sqlite3_close_v2 (db);
}

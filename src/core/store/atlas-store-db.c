/* atlas-store-db.c
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

/* How long a connection waits for another one (a window, a process) that
 * holds the write lock before it reports the file busy. */
#define BUSY_TIMEOUT_MS 10000



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
  if (!_atlas_store_db_query_int (db, "PRAGMA application_id", path, &app_id, error) ||
      !_atlas_store_db_read_version (db, path, &user_version, error) ||
      !_atlas_store_db_query_int (db, "SELECT count(*) FROM sqlite_master", path, &n_objects, error))
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

/* The columns this code reads, per table, as of each schema version: a
 * table or column missing (dropped by hand, a file cut short) is refused
 * at open, not met by an assertion later. */
static const struct
{
  const char *table;
  guint       since;
  const char *columns;
} required_columns[] = {
  { "meta", 1, "key, value" },
  { "notebook", 1, "id, location, url, platform, status, message, content_hash, size, imported_at,"
                   " nbformat, nbformat_minor, language, papermill, packages, n_cells, n_crashes" },
  { "cell", 1, "notebook_id, idx, kind, source, execution_count, n_outputs, flags" },
  { "crash", 1, "id, notebook_id, seq, cell, execution_count, ename, evalue, line, crash_type,"
                " root_cause, root_cause_detail, ml_bug, stage, library, evidence_crash_type,"
                " evidence_root_cause, evidence_ml_bug, evidence_stage, evidence_library, cluster" },
  { "crash", 2, "rules_version" },
  { "crash_traceback", 1, "crash_id, raw" },
  { "notebook", 3, "duplicate_of" },
};

static gboolean
check_tables (sqlite3     *db,
              const char  *path,
              guint        version,
              GError     **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (required_columns); i++)
    {
      g_autofree char *sql = NULL;
      sqlite3_stmt *stmt = NULL;
      int rc;

      if (required_columns[i].since > version)
        continue;
      sql = g_strdup_printf ("SELECT %s FROM %s LIMIT 0", required_columns[i].columns,
                             required_columns[i].table);
      rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
      sqlite3_finalize (stmt);
      if (rc == SQLITE_ERROR)
        {
          g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_CORRUPT,
                       _("The corpus “%s” is damaged: table “%s” is missing or lacks columns (%s)"),
                       path, required_columns[i].table, sqlite3_errmsg (db));
          return FALSE;
        }
      if (rc != SQLITE_OK)
        return _atlas_store_db_error (db, rc, path, error);
    }
  return TRUE;
}

/* PRAGMA quick_check: every page and b-tree of the file, without comparing
 * indexes with their tables (integrity_check does that, for Save As).
 * Returns the findings, or NULL when the file is fine. */
static gboolean
quick_check (sqlite3     *db,
             const char  *path,
             char       **findings,
             GError     **error)
{
  g_autoptr(GString) found = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check(10)", -1, &stmt, NULL);

  *findings = NULL;
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = (const char *)sqlite3_column_text (stmt, 0);

      rc = SQLITE_OK;
      if (line == NULL || g_str_equal (line, "ok"))
        continue;
      if (found->len > 0)
        g_string_append (found, "; ");
      g_string_append (found, line);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_OK)
    {
      /* The check itself tripped over the damage. */
      if ((rc & 0xff) != SQLITE_CORRUPT && (rc & 0xff) != SQLITE_NOTADB)
        return _atlas_store_db_error (db, rc, path, error);
      if (found->len > 0)
        g_string_append (found, "; ");
      g_string_append (found, sqlite3_errstr (rc));
    }
  if (found->len > 0)
    *findings = g_string_free (g_steal_pointer (&found), FALSE);
  return TRUE;
}

/* Whether nobody can write @path: SQLite may then read it as immutable,
 * without the -shm file it could not create (a read-only mount, a
 * read-only folder holding no log). */
static gboolean
nobody_writes (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  struct statvfs fs;

  if (statvfs (path, &fs) == 0 && (fs.f_flag & ST_RDONLY) != 0)
    return TRUE;
  return access (dir, W_OK) != 0 && access (path, W_OK) != 0 && !g_file_test (wal, G_FILE_TEST_EXISTS);
}

static sqlite3 *
open_raw (const char  *path,
          gboolean     create,
          gboolean     read_only,
          GError     **error)
{
  g_autofree char *uri = NULL;
  sqlite3 *db = NULL;
  int flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI;
  int rc;

  if (g_file_test (path, G_FILE_TEST_EXISTS) && !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_NOT_A_CORPUS,
                   _("“%s” is not a Crash Atlas corpus (not a file)"), path);
      return NULL;
    }
  if (read_only)
    {
      g_autofree char *escaped = g_uri_escape_string (path, "/", FALSE);

      flags |= SQLITE_OPEN_READONLY;
      uri = g_strdup_printf ("file:%s?%s", escaped, nobody_writes (path) ? "immutable=1" : "mode=ro");
    }
  else
    {
      g_autofree char *escaped = g_uri_escape_string (path, "/", FALSE);

      flags |= SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);
      uri = g_strdup_printf ("file:%s", escaped);
    }

  rc = sqlite3_open_v2 (uri, &db, flags, NULL);
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
           gboolean     read_only,
           GError     **error)
{
  if (read_only)
    return _atlas_store_db_exec (db, "PRAGMA query_only=ON; PRAGMA cache_size=-32768;", path, error);
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

#define SQLITE_MAGIC "SQLite format 3"

/* Refuses, before SQLite sees it, a file that cannot be a corpus: SQLite
 * takes a file of 0 bytes (and some shorter than its header) for a new,
 * empty database and would set one up in it. */
static gboolean
check_file_start (const char  *path,
                  gboolean     may_be_empty,
                  gboolean    *is_new,
                  GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  char head[100] = { 0 };
  gsize n_read = 0;

  *is_new = FALSE;
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      *is_new = TRUE;
      return TRUE;
    }
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_NOT_A_CORPUS,
                   _("“%s” is not a Crash Atlas corpus (not a file)"), path);
      return FALSE;
    }
  if ((stream = g_file_read (file, NULL, &local_error)) == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (stream), head, sizeof head, &n_read, NULL, &local_error))
    {
      g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_FAILED,
                   _("Corpus “%s”: %s"), path, local_error->message);
      return FALSE;
    }
  if (n_read == 0 && may_be_empty)
    {
      *is_new = TRUE;
      return TRUE;
    }
  if (n_read == 0)
    {
      g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_NOT_A_CORPUS,
                   _("“%s” is not a Crash Atlas corpus (an empty file)"), path);
      return FALSE;
    }
  if (n_read < sizeof head || memcmp (head, SQLITE_MAGIC, sizeof SQLITE_MAGIC) != 0)
    {
      g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_NOT_A_CORPUS,
                   n_read < sizeof head
                     ? _("“%s” is not a Crash Atlas corpus (too short: the file may have been cut off)")
                     : _("“%s” is not a Crash Atlas corpus (not a SQLite database)"),
                   path);
      return FALSE;
    }
  return TRUE;
}

sqlite3 *
_atlas_store_db_open (const char           *path,
                      AtlasStoreOpenFlags   flags,
                      guint                *out_version,
                      char                **damage,
                      GError              **error)
{
  gboolean read_only = (flags & (ATLAS_STORE_OPEN_READ_ONLY | ATLAS_STORE_OPEN_RESCUE)) != 0;
  gboolean create = (flags & ATLAS_STORE_OPEN_CREATE) != 0 && !read_only;
  g_autofree char *findings = NULL;
  gboolean is_new = FALSE;
  guint version = 0;
  sqlite3 *db;

  if (damage != NULL)
    *damage = NULL;
  if (!check_file_start (path, create, &is_new, error))
    return NULL;
  if (is_new && !create)
    {
      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                     _("The corpus “%s” does not exist"), path);
      else
        g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_NOT_A_CORPUS,
                     _("“%s” is not a Crash Atlas corpus (an empty file)"), path);
      return NULL;
    }
  if ((db = open_raw (path, create, read_only, error)) == NULL)
    return NULL;

  if (!check_identity (db, path, &version, error))
    goto fail;
  if (version == 0 && !create)
    {
      /* An empty SQLite database: a corpus only if asked to make one. */
      g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_NOT_A_CORPUS,
                   _("“%s” is not a Crash Atlas corpus (an empty database)"), path);
      goto fail;
    }
  if (version > 0)
    {
      if (!check_tables (db, path, version, error) || !quick_check (db, path, &findings, error))
        goto fail;
      if (findings != NULL && (flags & ATLAS_STORE_OPEN_RESCUE) == 0)
        {
          g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_CORRUPT,
                       _("The corpus “%s” is damaged: %s"), path, findings);
          goto fail;
        }
    }
  if (!configure (db, path, read_only, error))
    goto fail;
  if (!read_only && version < ATLAS_STORE_SCHEMA_VERSION)
    {
      if (!_atlas_store_schema_upgrade (db, version, path, error))
        goto fail;
      version = ATLAS_STORE_SCHEMA_VERSION;
    }
  if (out_version != NULL)
    *out_version = version;
  if (damage != NULL)
    *damage = g_steal_pointer (&findings);
  return db;

fail:
  sqlite3_close_v2 (db);
  return NULL;
}

sqlite3 *
_atlas_store_db_open_again (const char  *path,
                            gboolean     read_only,
                            GError     **error)
{
  sqlite3 *db = open_raw (path, FALSE, read_only, error);

  if (db != NULL && !configure (db, path, read_only, error))
    g_clear_pointer (&db, sqlite3_close_v2);
  return db;
}

void
_atlas_store_db_close (sqlite3 *db)
{
  if (db != NULL)
    sqlite3_close_v2 (db);
}

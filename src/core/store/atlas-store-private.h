/* atlas-store-private.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "atlas-corpus.h"
#include "atlas-notebook.h"
#include "atlas-store-base.h"

G_BEGIN_DECLS

/* Connections ------------------------------------------------------------- */

/* Opens @path as @flags say, checks that it is a corpus (identity, tables,
 * PRAGMA quick_check), migrates it to ATLAS_STORE_SCHEMA_VERSION and turns
 * WAL on unless read-only. Nothing is written to a file that fails the
 * checks. @version receives the file's schema version; @damage (rescue
 * only) what the quick check found, or NULL. */
sqlite3  *_atlas_store_db_open            (const char           *path,
                                           AtlasStoreOpenFlags   flags,
                                           guint                *version,
                                           char                **damage,
                                           GError              **error);
/* Another connection to a file that _atlas_store_db_open accepted. */
sqlite3  *_atlas_store_db_open_again      (const char    *path,
                                           gboolean       read_only,
                                           GError       **error);
void      _atlas_store_db_close           (sqlite3       *db);
/* Sets @error from SQLite's state after @rc (naming @path); returns FALSE. */
gboolean  _atlas_store_db_error           (sqlite3       *db,
                                           int            rc,
                                           const char    *path,
                                           GError       **error);
gboolean  _atlas_store_db_exec            (sqlite3       *db,
                                           const char    *sql,
                                           const char    *path,
                                           GError       **error);
sqlite3_stmt *_atlas_store_db_prepare     (sqlite3       *db,
                                           const char    *sql,
                                           const char    *path,
                                           GError       **error);
/* The text of column @col, or NULL. */
const char *_atlas_store_column_text      (sqlite3_stmt  *stmt,
                                           int            col);
void      _atlas_store_bind_text          (sqlite3_stmt  *stmt,
                                           int            col,
                                           const char    *text);
/* The labels of @crash into the 11 columns from @first on, in the order of
 * the crashes table: crash type, root cause, its detail, ML bug, stage,
 * library, then the evidence of each dimension. */
void      _atlas_store_bind_labels        (sqlite3_stmt  *stmt,
                                           int            first,
                                           AtlasCrash    *crash);
/* The labels' confidence and deciding rules, as one text (NULL if unset). */
void      _atlas_store_bind_confidence    (sqlite3_stmt  *stmt,
                                           int            col,
                                           AtlasCrash    *crash);
/* A query's one integer into @value. */
gboolean  _atlas_store_db_query_int       (sqlite3       *db,
                                           const char    *sql,
                                           const char    *path,
                                           gint64        *value,
                                           GError       **error);
/* The file's schema version (PRAGMA user_version), the one place it is read. */
gboolean  _atlas_store_db_read_version    (sqlite3       *db,
                                           const char    *path,
                                           gint64        *version,
                                           GError       **error);

/* Schema ------------------------------------------------------------------ */

/* Creates the current schema in an empty database, or migrates an older
 * one step by step; all in one transaction. */
gboolean  _atlas_store_schema_upgrade     (sqlite3       *db,
                                           guint          from_version,
                                           const char    *path,
                                           GError       **error);
/* The first schema, for tests of the migration path. */
extern const char *const _atlas_store_schema_v1;

/* Writer thread ----------------------------------------------------------- */

typedef struct _AtlasStoreWriter AtlasStoreWriter;

/* Takes @db; it is only touched by the writer thread from now on. */
/* Takes @db in any case; NULL when the file lacks what the writer needs. */
AtlasStoreWriter *_atlas_store_writer_new      (sqlite3          *db,
                                                const char       *path,
                                                GError          **error);
void              _atlas_store_writer_push     (AtlasStoreWriter *self,
                                                AtlasNotebook    *notebook,
                                                const char       *rules_version);
gboolean          _atlas_store_writer_flush    (AtlasStoreWriter *self,
                                                GError          **error);
typedef struct
{
  guint n_added;      /* committed, copies included */
  guint n_copies;
  guint n_crashes;
  guint n_copy_crashes;
  guint n_skipped;
  guint n_not_stored; /* queued, then dropped or rolled back by a failure */
} AtlasStoreWriterCounts;

void              _atlas_store_writer_get_counts (AtlasStoreWriter       *self,
                                                  AtlasStoreWriterCounts *counts);
/* Stops the thread after the queue is written (the counts are final). */
void              _atlas_store_writer_stop     (AtlasStoreWriter *self);
/* Stops the thread after the queue is written; closes the connection. */
void              _atlas_store_writer_free     (AtlasStoreWriter *self);
/* Tests: caps the file (PRAGMA max_page_count) to provoke SQLITE_FULL. */
void              _atlas_store_writer_set_max_page_count (AtlasStoreWriter *self,
                                                          guint             n_pages);

/* Checked columns ---------------------------------------------------------- */

/* One row being read: every column is checked for its type and range where
 * it is read; the first bad one sets @error, naming file, table, row and
 * column, and makes the row bad. */
typedef struct
{
  sqlite3_stmt *stmt;
  const char   *path;
  const char   *table;
  gint64        row;
  GError       *error;
} AtlasStoreRow;

void        _atlas_store_row_begin   (AtlasStoreRow *row,
                                      sqlite3_stmt  *stmt,
                                      const char    *path,
                                      const char    *table,
                                      int            id_col);
/* An INTEGER in [min, max]; NULL only when @nullable (then @fallback). */
gint64      _atlas_store_row_int     (AtlasStoreRow *row,
                                      int            col,
                                      const char    *name,
                                      gint64         min,
                                      gint64         max,
                                      gboolean       nullable,
                                      gint64         fallback);
/* TEXT in valid UTF-8; NULL only when @nullable. */
const char *_atlas_store_row_text    (AtlasStoreRow *row,
                                      int            col,
                                      const char    *name,
                                      gboolean       nullable);
void        _atlas_store_row_fail    (AtlasStoreRow *row,
                                      const char    *name,
                                      const char    *what);
#define _atlas_store_row_ok(r) ((r)->error == NULL)

/* Reading ----------------------------------------------------------------- */

/* With @problems, rows that fail their checks are skipped and described
 * there (a rescue); without, the first one fails the read. */
AtlasCorpus   *_atlas_store_read_corpus   (sqlite3       *db,
                                           const char    *path,
                                           guint          version,
                                           GPtrArray     *problems,
                                           GCancellable  *cancellable,
                                           GError       **error);
/* The notebook with row @id, or with the latest import of @location. */
AtlasNotebook *_atlas_store_read_notebook (sqlite3       *db,
                                           const char    *path,
                                           guint          version,
                                           gint64         id,
                                           const char    *location,
                                           GError       **error);

G_END_DECLS

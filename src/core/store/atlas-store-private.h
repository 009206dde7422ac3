/* atlas-store-private.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "atlas-store.h"

G_BEGIN_DECLS

/* Connections ------------------------------------------------------------- */

/* Opens @path, creating it when @create and it does not exist, checks that it
 * is a corpus, migrates it to ATLAS_STORE_SCHEMA_VERSION and turns WAL on.
 * Nothing is written to a file that fails the checks. */
sqlite3  *_atlas_store_db_open            (const char    *path,
                                           gboolean       create,
                                           GError       **error);
/* Another connection to a file that _atlas_store_db_open accepted. */
sqlite3  *_atlas_store_db_open_again      (const char    *path,
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
AtlasStoreWriter *_atlas_store_writer_new      (sqlite3          *db,
                                                const char       *path);
void              _atlas_store_writer_push     (AtlasStoreWriter *self,
                                                AtlasNotebook    *notebook,
                                                const char       *rules_version);
gboolean          _atlas_store_writer_flush    (AtlasStoreWriter *self,
                                                GError          **error);
guint             _atlas_store_writer_get_n_added   (AtlasStoreWriter *self);
guint             _atlas_store_writer_get_n_skipped (AtlasStoreWriter *self);
/* Stops the thread after the queue is written; closes the connection. */
void              _atlas_store_writer_free     (AtlasStoreWriter *self);
/* Tests: caps the file (PRAGMA max_page_count) to provoke SQLITE_FULL. */
void              _atlas_store_writer_set_max_page_count (AtlasStoreWriter *self,
                                                          guint             n_pages);

/* Reading ----------------------------------------------------------------- */

AtlasCorpus   *_atlas_store_read_corpus   (sqlite3       *db,
                                           const char    *path,
                                           GCancellable  *cancellable,
                                           GError       **error);
/* The notebook with row @id, or with the latest import of @location. */
AtlasNotebook *_atlas_store_read_notebook (sqlite3       *db,
                                           const char    *path,
                                           gint64         id,
                                           const char    *location,
                                           GError       **error);

/* Tests. */
void           _atlas_store_set_max_page_count (AtlasStore *self,
                                                guint       n_pages);

G_END_DECLS

/* atlas-store.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "atlas-classifier.h"
#include "atlas-store-base.h"
#include "atlas-corpus.h"
#include "atlas-notebook.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_STORE (atlas_store_get_type ())

G_DECLARE_FINAL_TYPE (AtlasStore, atlas_store, ATLAS, STORE, GObject)

/* A corpus file (SQLite, WAL). Opening creates @path if it does not exist,
 * migrates an older schema, and refuses, without writing a byte, a file that
 * is not a corpus or that fails PRAGMA quick_check. An existing file of
 * 0 bytes counts as not existing for atlas_store_open() (a file made by
 * mktemp or touch to be filled), and as not a corpus for every other way
 * of opening. Several stores (windows, processes) may share one file.
 *
 * Every notebook is its own entry (by location); a notebook whose content
 * equals one already stored keeps its own row, marked as a copy of the
 * first one, and shares the first one's cells and crashes.
 *
 * Writes go through a writer thread in batched transactions: a notebook and
 * its cells and crashes are committed together or not at all. Every other
 * call runs on the caller's thread with its own connection, and WAL lets it
 * read while the writer writes. */
AtlasStore    *atlas_store_open                (const char       *path,
                                                GError          **error);
/* The same, but fails with G_IO_ERROR_NOT_FOUND when @path does not exist. */
AtlasStore    *atlas_store_open_existing       (const char       *path,
                                                GError          **error);
/* Any of the above; with ATLAS_STORE_OPEN_READ_ONLY writes fail with
 * ATLAS_STORE_ERROR_READ_ONLY and an older schema is read as it is. */
AtlasStore    *atlas_store_open_full           (const char           *path,
                                                AtlasStoreOpenFlags   flags,
                                                GError              **error);
gboolean       atlas_store_get_read_only       (AtlasStore       *self);
/* What a rescue found damaged: the quick check's findings and every row
 * skipped by a load, each naming the file, table and row. NULL-terminated. */
char         **atlas_store_dup_problems        (AtlasStore       *self);
const char    *atlas_store_get_path            (AtlasStore       *self);
guint          atlas_store_get_schema_version  (AtlasStore       *self);

/* The content hashes already stored (a set of lower-case hex SHA-256). */
GHashTable    *atlas_store_dup_content_hashes  (AtlasStore       *self,
                                                GError          **error);

/* The locations of the notebooks (copies included) in which a code cell ran
 * before the executed code cell above it: its execution count is lower. */
GHashTable    *atlas_store_dup_out_of_order    (AtlasStore       *self,
                                                GError          **error);

/* Queues @notebook (read with ATLAS_READ_CONTENT_HASH, its crashes labelled
 * or not) for the writer thread; a notebook whose hash is stored is skipped.
 * @rules_version names the rules behind the labels (or NULL). Blocks only
 * when the writer is far behind. Errors surface in flush or close. */
void           atlas_store_add_notebook        (AtlasStore       *self,
                                                AtlasNotebook    *notebook,
                                                const char       *rules_version);
/* Waits until everything queued so far is committed. FALSE with the
 * writer's first error (e.g. ATLAS_STORE_ERROR_DISK_FULL); what was
 * committed before it stays. */
gboolean       atlas_store_flush               (AtlasStore       *self,
                                                GError          **error);
/* Flushes and stops the writer; the store then only reads. */
gboolean       atlas_store_close               (AtlasStore       *self,
                                                GError          **error);

/* Recomputes the message clusters over every stored crash (cluster ids
 * depend on the whole corpus, so they are redone after an import). */
gboolean       atlas_store_update_clusters     (AtlasStore       *self,
                                                GError          **error);

/* What this store committed itself (not other stores or processes on the
 * same file): notebooks added (copies included), of them copies of a
 * notebook with the same content, their crashes (a copy's too), and
 * notebooks skipped because their location held the same content. */
guint          atlas_store_get_n_added         (AtlasStore       *self);
guint          atlas_store_get_n_copies        (AtlasStore       *self);
guint          atlas_store_get_n_added_crashes (AtlasStore       *self);
/* Of those, the crashes of copies. */
guint          atlas_store_get_n_added_copy_crashes (AtlasStore  *self);
guint          atlas_store_get_n_skipped       (AtlasStore       *self);
/* Notebooks queued but not committed (after a failure such as a full disk). */
guint          atlas_store_get_n_not_stored    (AtlasStore       *self);

/* What a corpus file holds, as Save As reports it. */
typedef struct
{
  guint n_notebooks;
  guint n_crashes;
  guint n_copies;       /* notebooks whose content equals an earlier one's */
  guint n_copy_crashes; /* crashes of those copies */
} AtlasStoreCounts;

gboolean       atlas_store_get_counts          (AtlasStore       *self,
                                                AtlasStoreCounts *counts,
                                                GError          **error);
/* "4,240 notebooks, 5,840 crashes; 4,187 are copies of another notebook" */
char          *atlas_store_counts_describe     (const AtlasStoreCounts *counts);

/* Every notebook and crash, in the order they were added, with labels and
 * clusters but without cells and tracebacks (see load_notebook). */
AtlasCorpus   *atlas_store_load_corpus         (AtlasStore       *self,
                                                GCancellable     *cancellable,
                                                GError          **error);
/* The same on a worker thread with its own connection. */
void           atlas_store_load_corpus_async   (AtlasStore          *self,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
AtlasCorpus   *atlas_store_load_corpus_finish  (AtlasStore       *self,
                                                GAsyncResult     *result,
                                                GError          **error);

/* Rebuilds a notebook from what the store holds (cells, crashes with their
 * tracebacks and labels), without its original file. The latest import of
 * @location wins. Safe to call from any thread. */
AtlasNotebook *atlas_store_load_notebook       (AtlasStore       *self,
                                                const char       *location,
                                                GError          **error);

/* Labels again, with @classifier, the stored crashes that other rules (or
 * none) labelled, from the stored cells and tracebacks: no notebook is
 * re-read. Commits every few hundred notebooks, so an interrupted run is
 * resumed by the next. @n_relabelled (optional) receives the number of
 * notebooks done. Clusters do not depend on labels and stay. */
gboolean       atlas_store_reclassify          (AtlasStore       *self,
                                                AtlasClassifier  *classifier,
                                                guint            *n_relabelled,
                                                GCancellable     *cancellable,
                                                GError          **error);

/* Hands @func every notebook with a row id above @after_id, in the order
 * they were added, rebuilt as atlas_store_load_notebook() does (a copy with
 * its first notebook's cells and crashes), and sets @last_id to the last
 * id seen (merging shards). */
typedef void (*AtlasStoreNotebookFunc) (AtlasNotebook *notebook,
                                        gpointer       user_data);
gboolean       atlas_store_foreach_notebook    (AtlasStore              *self,
                                                gint64                   after_id,
                                                AtlasStoreNotebookFunc   func,
                                                gpointer                 user_data,
                                                gint64                  *last_id,
                                                GCancellable            *cancellable,
                                                GError                 **error);

/* Values of the meta table: "corpus_id" (set when a file is made),
 * "rules_version", "merged:CORPUS_ID" (what a merge took from a shard). */
char          *atlas_store_dup_meta            (AtlasStore       *self,
                                                const char       *key,
                                                GError          **error);
gboolean       atlas_store_set_meta            (AtlasStore       *self,
                                                const char       *key,
                                                const char       *value,
                                                GError          **error);

/* The rules version of the latest labels, or NULL. */
char          *atlas_store_dup_rules_version   (AtlasStore       *self,
                                                GError          **error);

/* Flushes, checks the whole file (PRAGMA integrity_check), then writes a
 * compact, self-contained copy of the corpus to @dest_path (no -wal file:
 * a rollback-journal database, safe to copy or mail alone), which must not
 * exist (the app's Save As). The store stays on its own file. */
gboolean       atlas_store_save_as             (AtlasStore       *self,
                                                const char       *dest_path,
                                                GError          **error);

/* Runs SQLite's full integrity check. */
gboolean       atlas_store_check               (AtlasStore       *self,
                                                GError          **error);

/* Folds the write-ahead log into the file and switches @path to a rollback
 * journal, so the file alone holds everything (for files handed on). Needs
 * @path to be open nowhere else. */
gboolean       atlas_store_make_self_contained (const char       *path,
                                                GError          **error);

G_END_DECLS

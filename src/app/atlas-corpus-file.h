/* atlas-corpus-file.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "atlas-classifier.h"
#include "atlas-corpus.h"
#include "atlas-store.h"

G_BEGIN_DECLS

/* The suffix Save As gives a corpus file. */
#define ATLAS_CORPUS_FILE_SUFFIX ".crashatlas"

/* Whether @path is a corpus file (a SQLite file) rather than a notebook or
 * a folder of them: its first bytes say, whatever its name. */
gboolean     atlas_corpus_file_sniff       (const char           *path);

/* For a worker thread: opens the corpus file at @path, labels again with
 * @classifier the crashes that other rules labelled (from what the file
 * holds, without the notebooks), and reads it. */
AtlasCorpus *atlas_corpus_file_read        (const char           *path,
                                            AtlasClassifier      *classifier,
                                            AtlasStore          **store,
                                            GCancellable         *cancellable,
                                            GError              **error);

/* Writes a corpus file at @dest on a worker thread: a copy of @source when
 * the corpus came from one, else the notebooks under @paths scanned again
 * (with their cells, which the window does not keep) plus @notebooks (those
 * imported from the web). The file appears complete or not at all; one that
 * was there is replaced only then. */
void         atlas_corpus_file_save_async  (const char           *dest,
                                            AtlasStore           *source,
                                            const char * const   *paths,
                                            GPtrArray            *notebooks,
                                            AtlasClassifier      *classifier,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
/* @summary (optional) receives what the file holds, as the window reports
 * it ("Saved x.crashatlas: 4,240 notebooks, 5,840 crashes; 4,187 are
 * copies of another notebook"), or NULL. */
gboolean     atlas_corpus_file_save_finish (GAsyncResult         *result,
                                            char                **summary,
                                            GError              **error);

G_END_DECLS

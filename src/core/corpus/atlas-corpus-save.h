/* atlas-corpus-save.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "atlas-classifier.h"
#include "atlas-corpus-file.h"
#include "atlas-store.h"

G_BEGIN_DECLS

/* Saving above loading: a save scans again through the core's load
 * (atlas-corpus-load.h), which reads corpus files (atlas-corpus-file.h). */

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

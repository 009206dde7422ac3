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

G_END_DECLS

/* atlas-corpus-loader-private.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "atlas-classifier.h"
#include "atlas-corpus-loader.h"

G_BEGIN_DECLS

/* One AtlasScanner per platform (indexed by AtlasPlatform) holding @paths,
 * each labelling with @classifier on its threads: the loader's scan, and
 * the one that saves a corpus. */
GPtrArray *_atlas_corpus_loader_make_scanners (const char * const  *paths,
                                               AtlasClassifier     *classifier,
                                               GError             **error);

G_END_DECLS

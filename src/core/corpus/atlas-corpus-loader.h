/* atlas-corpus-loader.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "atlas-corpus.h"
#include "atlas-store.h"

G_BEGIN_DECLS

/* Work a layer above may want done on a corpus read from a corpus file
 * before it is shown (the charts' indexes): @prepare runs on the worker
 * thread, @adopt on the main thread moves what it built to the corpus the
 * loader fills. */
typedef void     (*AtlasCorpusPrepareFunc) (AtlasCorpus *corpus);
typedef gboolean (*AtlasCorpusAdoptFunc)   (AtlasCorpus *corpus,
                                            AtlasCorpus *from);

#define ATLAS_TYPE_CORPUS_LOADER (atlas_corpus_loader_get_type ())

G_DECLARE_FINAL_TYPE (AtlasCorpusLoader, atlas_corpus_loader, ATLAS, CORPUS_LOADER, GObject)

/* The app's load: the core's AtlasCorpusLoad (atlas-corpus-load.h) run on
 * a worker thread over files and folders, remote sources (after the
 * files) or one corpus file, classifying every crash there, and streaming
 * the results into @corpus on the main thread in batches, so lists and
 * charts fill while the scan runs. Clusters are assigned when the scan is
 * complete (they need every message). */
AtlasCorpusLoader *atlas_corpus_loader_new             (AtlasCorpus          *corpus);

void               atlas_corpus_loader_set_prepare_funcs (AtlasCorpusLoader      *self,
                                                          AtlasCorpusPrepareFunc  prepare,
                                                          AtlasCorpusAdoptFunc    adopt);

/* Clears the corpus and loads @paths; a running load is cancelled first. */
void               atlas_corpus_loader_load_async      (AtlasCorpusLoader    *self,
                                                        const char * const   *paths,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
gboolean           atlas_corpus_loader_load_finish     (AtlasCorpusLoader    *self,
                                                        GAsyncResult         *result,
                                                        GError              **error);
/* Rules to add to the built-in ones in the loads started from now on; a
 * file that cannot be read leaves the built-in rules alone. */
void               atlas_corpus_loader_set_rules_file  (AtlasCorpusLoader    *self,
                                                        const char           *rules_file);
/* The corpus file the last finished load read, or NULL when it scanned
 * notebooks. */
AtlasStore        *atlas_corpus_loader_get_store       (AtlasCorpusLoader    *self);
/* Why the last finished load classified with the built-in rules alone (the
 * user's file could not be read), or NULL when it used them. */
const char        *atlas_corpus_loader_get_rules_problem (AtlasCorpusLoader  *self);
void               atlas_corpus_loader_cancel          (AtlasCorpusLoader    *self);

gboolean           atlas_corpus_loader_get_running     (AtlasCorpusLoader    *self);
guint              atlas_corpus_loader_get_n_done      (AtlasCorpusLoader    *self);
guint              atlas_corpus_loader_get_n_total     (AtlasCorpusLoader    *self);
guint              atlas_corpus_loader_get_n_crashes   (AtlasCorpusLoader    *self);
/* Notebooks that could not be read in the last load. */
guint              atlas_corpus_loader_get_n_failed    (AtlasCorpusLoader    *self);

G_END_DECLS

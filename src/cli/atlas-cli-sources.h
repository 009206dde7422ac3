/* atlas-cli-sources.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "atlas-corpus.h"
#include "atlas-scanner.h"

G_BEGIN_DECLS

/* Remote sources (GitHub, Kaggle) given where commands take paths: each
 * notebook they yield is handed to the same result function as the
 * scanner's, so records come out the same way. */
typedef struct _AtlasCliSources AtlasCliSources;

AtlasCliSources *atlas_cli_sources_new      (void);
void             atlas_cli_sources_free     (AtlasCliSources     *self);
/* TRUE when @arg names a remote source (then it is taken; one that does not
 * parse is reported on stderr and counted as a failure). */
gboolean         atlas_cli_sources_claim    (AtlasCliSources     *self,
                                             const char          *arg);
/* The same; a failure's message starts with @where (say "list.txt:12"). */
gboolean         atlas_cli_sources_claim_at (AtlasCliSources     *self,
                                             const char          *arg,
                                             const char          *where);
/* What the reader computes besides the notebook (e.g. its content hash). */
void             atlas_cli_sources_set_read_flags (AtlasCliSources *self,
                                                   AtlasReadFlags   flags);
/* Imports every source taken, reading and (with @worker) classifying each
 * notebook, and hands the results to @func. Returns how many sources or
 * notebooks failed (each named on stderr). */
guint            atlas_cli_sources_run      (AtlasCliSources     *self,
                                             AtlasScanResultFunc  func,
                                             gpointer             user_data,
                                             AtlasScanWorkerFunc  worker,
                                             gpointer             worker_data);
/* Gives a record of a remote notebook what the result cannot carry: its
 * platform, address and status (not executed, run failed) with the reason. */
void             atlas_cli_sources_annotate (AtlasCliSources     *self,
                                             AtlasNotebookInfo   *info);
/* The accepted forms, for --help. */
const char      *atlas_cli_sources_help     (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasCliSources, atlas_cli_sources_free)

G_END_DECLS

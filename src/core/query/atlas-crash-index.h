/* atlas-crash-index.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "atlas-corpus.h"
#include "atlas-filter.h"

G_BEGIN_DECLS

/* Every crash of a corpus as small integers, one array per dimension, so
 * that filtering and counting 92k crashes are tight loops over a few
 * hundred KiB instead of 92k objects and their label strings scattered on
 * the heap. Libraries and finer causes get ids in order of appearance; id 0
 * is the unset value. Labels are clamped to 255 (the counters clamp what
 * is out of their range anyway).
 *
 * Kept on the corpus and brought up to date by _atlas_crash_index_get():
 * a corpus only grows at its end or is cleared. Clusters are not indexed:
 * they are set after a load, without a signal, and read from the crash. */
typedef struct
{
  AtlasCorpus *corpus;        /* not owned: the index lives on it */
  guint        n;             /* crashes indexed */
  guint        capacity;
  guint8      *platform;
  guint8      *stage;
  guint8      *ml_bug;
  guint8      *root_cause;
  guint8      *crash_type;
  guint32     *library;       /* id; 0 = unset */
  guint32     *detail;        /* id of (root cause, finer cause); 0 = none */
  guint32     *notebook;      /* equal for the crashes of one notebook, which are
                               * contiguous; counts up from notebook to notebook */
  GPtrArray   *library_names; /* id -> name; [0] = NULL */
  GHashTable  *library_ids;   /* name -> id */
  GPtrArray   *detail_names;  /* id -> finer cause; [0] = NULL */
  GArray      *detail_causes; /* id -> guint8 root cause (0 when out of range) */
  GHashTable  *detail_ids[ATLAS_N_ROOT_CAUSES]; /* per root cause: finer cause -> id */
} AtlasCrashIndex;

/* The corpus's index, up to date (transfer none). */
AtlasCrashIndex *_atlas_crash_index_get    (AtlasCorpus     *corpus);

/* Moves @from's index to @corpus (empty, about to take @from's crashes). */
void             _atlas_crash_index_adopt  (AtlasCorpus     *corpus,
                                            AtlasCorpus     *from);

/* Appends to @positions (guint) the positions in [@from, @to) of the
 * crashes @filter matches (%NULL matches every crash), ascending. */
void             _atlas_crash_index_select (AtlasCrashIndex *self,
                                            AtlasFilter     *filter,
                                            guint            from,
                                            guint            to,
                                            GArray          *positions);

G_END_DECLS

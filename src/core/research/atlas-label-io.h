/* atlas-label-io.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stdio.h>

#include "atlas-corpus.h"
#include "atlas-store-labels.h"

G_BEGIN_DECLS

/* Label files: CSV (with a header row) or JSON Lines, with the columns
 * notebook,cell,crash_type,root_cause,root_cause_detail,ml_bug,stage,library,rater,note
 * where notebook is the corpus's path or URL of the notebook, cell the
 * 0-based index of the cell and the values the taxonomy's identifiers (an
 * empty value or null: not labeled on that dimension). */

typedef enum
{
  ATLAS_LABEL_FORMAT_CSV,
  ATLAS_LABEL_FORMAT_JSONL,
} AtlasLabelFormat;

gboolean    atlas_label_format_from_string (const char       *str,
                                            AtlasLabelFormat *format);
/* From the file name's suffix (.csv, .jsonl, .json); FALSE if neither. */
gboolean    atlas_label_format_guess       (const char       *path,
                                            AtlasLabelFormat *format);

/* The crashes label rows can name: "CELL:NAME" for both the location and the
 * URL of each notebook → the crash's location. */
GHashTable *atlas_label_targets_new        (AtlasCorpus      *corpus);

/**
 * atlas_labels_read:
 * @path: the file
 * @rater: the rater the labels are stored under
 * @targets: (nullable): from atlas_label_targets_new(); rows naming nothing
 *   in it are reported and left out
 * @problems: (element-type utf8): receives one message per row left out,
 *   "FILE:LINE: …" naming the row's notebook and cell or the invalid value
 *
 * Returns: (transfer full) (element-type AtlasHandLabel): the valid rows, or
 *   %NULL with @error when the file cannot be read at all
 */
GPtrArray  *atlas_labels_read              (const char       *path,
                                            const char       *rater,
                                            GHashTable       *targets,
                                            GPtrArray        *problems,
                                            GError          **error);

/* Writes @labels (element-type AtlasHandLabel) to @stream. */
void        atlas_labels_write             (FILE             *stream,
                                            GPtrArray        *labels,
                                            AtlasLabelFormat  format);

G_END_DECLS

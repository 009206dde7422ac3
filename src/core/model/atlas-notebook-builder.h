/* atlas-notebook-builder.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "atlas-crash.h"
#include "atlas-notebook.h"

G_BEGIN_DECLS

/* How a notebook is built (by the reader, and by the store when it reads one
 * back): the rest of the API is read-only. */

typedef struct
{
  guint        nbformat;
  guint        nbformat_minor;
  const char  *language;
  gboolean     papermill;
  guint64      size;
  const char  *content_hash;
  gboolean     executed;      /* known before any cell is added */
  AtlasNotebookIssues issues; /* found before the cells are read */
} AtlasNotebookHeader;

AtlasNotebook *_atlas_notebook_new        (const char                *location,
                                           AtlasPlatform              platform,
                                           const AtlasNotebookHeader *header);
/* Takes ownership of @cell; cells must come in order. */
void           _atlas_notebook_add_cell   (AtlasNotebook             *self,
                                           AtlasCell                 *cell);
/* A crash of the last added cell; takes ownership. */
void           _atlas_notebook_add_crash  (AtlasNotebook             *self,
                                           AtlasCrash                *crash);
/* Derives the facts (imports, names, headings, order anomalies, crash lines)
 * once every cell is in. */
void           _atlas_notebook_add_issues (AtlasNotebook             *self,
                                           AtlasNotebookIssues        issues);
/* Takes @note: a warning with its details ("cell 3: …"). */
void           _atlas_notebook_add_note   (AtlasNotebook             *self,
                                           char                      *note);
void           _atlas_notebook_finish     (AtlasNotebook             *self);

G_END_DECLS

/* atlas-explanation.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "atlas-crash.h"
#include "atlas-notebook.h"

G_BEGIN_DECLS

/* Why a cell the explanation names matters. */
typedef enum
{
  ATLAS_CELL_ROLE_DEFINES,        /* defines the name the crash misses */
  ATLAS_CELL_ROLE_CRASHED_BEFORE, /* defines it, but crashed itself before */
  ATLAS_CELL_ROLE_RAN_LATER,      /* defines it, but ran after the crash */
  ATLAS_CELL_ROLE_REMOVES,        /* removes the column the crash misses */
} AtlasCellRole;

typedef struct
{
  guint         cell;
  AtlasCellRole role;
} AtlasCellLink;

/* A crash in two or three sentences a student understands: what happened,
 * why (the root cause in words, naming the cells involved) and how such a
 * crash is usually fixed. Built from the crash's labels and evidence, its
 * notebook and the fix hints (atlas-fix-hints.h); where the rules could not
 * tell why, it says so instead of guessing. */
typedef struct
{
  char     *what;       /* always set */
  char     *why;        /* NULL when the root cause is unknown */
  char     *fix;        /* NULL when nothing is known to fix it */
  gboolean  explained;  /* the root cause is known */
  GArray   *links;      /* AtlasCellLink: the cells the sentences name */
} AtlasExplanation;

/* @notebook: the crash's notebook, or NULL (then no cell is named but the
 * crashing one). The crash must be classified. */
AtlasExplanation *atlas_explanation_new           (AtlasCrash             *crash,
                                                   AtlasNotebook          *notebook);
void              atlas_explanation_free          (AtlasExplanation       *self);
/* The sentences as one paragraph. */
char             *atlas_explanation_to_text       (const AtlasExplanation *self);

/* Cells of @notebook other than the crash's that crashed before it (a
 * lower execution count, or above it when counts are unknown), in order:
 * a crash there can be the cause of this one. */
GArray           *atlas_explanation_earlier_crashes (AtlasCrash           *crash,
                                                     AtlasNotebook        *notebook);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasExplanation, atlas_explanation_free)

G_END_DECLS

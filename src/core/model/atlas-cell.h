/* atlas-cell.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  ATLAS_CELL_CODE,
  ATLAS_CELL_MARKDOWN,  /* nbformat 3 "heading" cells become markdown "# …" */
  ATLAS_CELL_RAW,
  ATLAS_CELL_OTHER,     /* an unknown cell_type, kept so indices stay right */
} AtlasCellKind;

/* A cell as the analysis needs it. Plain data owned by its AtlasNotebook;
 * every field is read-only once the reader has built it. */
typedef enum
{
  ATLAS_OUTPUT_STREAM,   /* stdout / stderr text */
  ATLAS_OUTPUT_TEXT,     /* a result's or display's text/plain */
  ATLAS_OUTPUT_IMAGE,    /* a PNG or JPEG image (a result's or display's) */
  ATLAS_OUTPUT_ERROR,    /* an error: "ename: evalue" */
} AtlasOutputKind;

/* One output of a code cell, as a reader of the notebook sees it. Text is
 * plain (ANSI escapes removed), valid UTF-8 and never markup. */
typedef struct
{
  AtlasOutputKind  kind;
  char            *text;   /* STREAM, TEXT, ERROR; for IMAGE its MIME type */
  GBytes          *image;  /* IMAGE: the decoded bytes, else NULL */
  guint            truncated : 1; /* the text was cut to ATLAS_OUTPUT_MAX_TEXT */
} AtlasOutput;

/* The longest output text kept, in bytes, and the largest image. */
#define ATLAS_OUTPUT_MAX_TEXT  (16 * 1024)
#define ATLAS_OUTPUT_MAX_IMAGE (8 * 1024 * 1024)

void atlas_output_free (AtlasOutput *output);

typedef struct
{
  AtlasCellKind  kind;
  guint          index;              /* 0-based among all cells of the notebook */
  char          *source;             /* joined source ("" when absent) */
  int            execution_count;    /* -1 when null or absent */
  guint          n_outputs;
  guint          has_error : 1;      /* holds an error/pyerr output */
  guint          papermill_injected : 1; /* a cell papermill inserted (error banner), not the author's */
  guint          papermill_failed : 1;   /* metadata.papermill.status == "failed" */
  /* Filled by atlas_notebook_ensure_names() or _ensure_cell_names(); NULL
   * before. */
  char         **defines;            /* names this cell binds (assignments, def, class, import, for, with … as) */
  char         **uses;               /* names this cell reads (loads of bare names) */
  guint          names_ready : 1;
  /* The outputs (element-type AtlasOutput) when the reader was asked for
   * them (ATLAS_READ_OUTPUTS), else NULL. */
  GPtrArray     *outputs;
} AtlasCell;

void atlas_cell_free (AtlasCell *cell);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasCell, atlas_cell_free)

G_END_DECLS

/* atlas-notebook-prescan.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Deepest nesting accepted; notebooks need about ten levels, and the limit
 * keeps hostile input from exhausting the stack of a recursive parser (the
 * reader's and this pre-scan's alike). */
#define ATLAS_NOTEBOOK_MAX_DEPTH 512

/* A byte-level pass over a notebook that checks its structure (strings
 * terminated, brackets balanced and matched, literals and numbers well
 * formed, bounded depth, one top-level value) and finds the output payloads
 * nothing downstream reads: image and HTML data, stream text, attachments.
 * It is not a JSON parser: json-glib parses the reduced document this
 * produces, where each payload value is replaced by null and a cell's
 * source lines are one string. Base64 payloads are skipped with memchr, so
 * most bytes of a typical notebook are never looked at one by one, and
 * nothing is copied until a caller asks for the reduced document. */

typedef enum
{
  ATLAS_PRESCAN_DEFAULT          = 0,
  /* Leave out the colour codes (SGR escapes) of error tracebacks: IPython
   * colours every token, and the codes are a third of a traceback's bytes. */
  ATLAS_PRESCAN_PLAIN_TRACEBACKS = 1 << 0,
} AtlasPrescanFlags;

/* Bytes of the document that the reduced one writes differently. */
typedef struct
{
  gsize       start;          /* offsets into the scanned bytes */
  gsize       end;
  const char *replacement;    /* static text written instead */
  gboolean    ends_in_string; /* @end lies inside a string token */
} AtlasPrescanEdit;

typedef struct
{
  GArray   *edits;           /* AtlasPrescanEdit, in order, not overlapping */
  gboolean  top_is_object;   /* FALSE: valid structure, but an array, string, … */
  char      top_kind;        /* first byte of the top-level value */
  gboolean  has_cell_list;   /* the top-level object has a "cells" or "worksheets" array */
  gboolean  declares_nbformat; /* the top-level object has a number "nbformat" */
  gboolean  has_run_cell;    /* some cell has an execution count or an output */
  guint     n_error_outputs; /* outputs whose output_type is error or pyerr */
  gboolean  claims_kaggle;   /* the notebook's metadata has Kaggle's "kaggle" member */
  gboolean  unsure;          /* a member name or a tested value is written with an
                              * escape: only a parser can tell what it says */
} AtlasPrescan;

/* Returns FALSE with @error (ATLAS_NOTEBOOK_ERROR, EMPTY / NOT_JSON /
 * TRUNCATED / INVALID_JSON / TOO_DEEP) when the bytes cannot be a JSON
 * document. The message gives the line of the problem, not the location:
 * callers prefix it. */
gboolean atlas_prescan_run            (const char         *data,
                                       gsize               len,
                                       AtlasPrescanFlags   flags,
                                       AtlasPrescan       *out,
                                       GError            **error);
/* Replaces the contents of @into with the reduced document of @data, the
 * bytes @prescan ran on. */
void     atlas_prescan_write_reduced  (const AtlasPrescan *prescan,
                                       const char         *data,
                                       gsize               len,
                                       GString            *into);
void     atlas_prescan_clear          (AtlasPrescan       *prescan);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AtlasPrescan, atlas_prescan_clear)

G_END_DECLS

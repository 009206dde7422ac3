/* atlas-notebook-reader.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "atlas-notebook.h"

G_BEGIN_DECLS

/* Reading is the hot path of a corpus scan. Most bytes of a notebook are
 * base64 images and other output data that say nothing about crashes, so a
 * byte-level pre-scan checks the document's structure (balanced, terminated,
 * not too deep) and marks the output payloads to leave out; json-glib then
 * parses only what the analysis uses. */

/* Largest notebook accepted (bytes). */
#define ATLAS_NOTEBOOK_MAX_SIZE (G_GUINT64_CONSTANT (512) * 1024 * 1024)


typedef enum
{
  ATLAS_READ_DEFAULT      = 0,
  ATLAS_READ_CONTENT_HASH = 1 << 0,  /* compute the SHA-256 of the bytes (costs a pass) */
  /* For callers that want the crashes and nothing else: a notebook without
   * an error output is still checked whole (its structure, that it is a
   * notebook) but not parsed, and comes back without cells, imports or
   * format version; only atlas_notebook_was_executed() holds for it. */
  ATLAS_READ_CRASHES_ONLY = 1 << 1,
  /* Tracebacks come without their colour codes, raw text included: for
   * callers that never show them in colour. */
  ATLAS_READ_PLAIN_TRACEBACKS = 1 << 2,
  /* The platform given is only the default: a notebook that says where it
   * comes from (Kaggle writes a "kaggle" member into the notebook's
   * metadata) gets that platform instead. */
  ATLAS_READ_PLATFORM_FROM_METADATA = 1 << 3,
  /* Keep every code cell's outputs (AtlasCell.outputs): stream text,
   * text/plain results, PNG and JPEG images, errors. For showing one
   * notebook; a scan never asks for them (they are most of its bytes). */
  ATLAS_READ_OUTPUTS = 1 << 4,
} AtlasReadFlags;

/* @location names the notebook in messages and records (a path as the user
 * gave it, or a URL). Errors are in ATLAS_NOTEBOOK_ERROR and name @location. */
AtlasNotebook *atlas_notebook_read_bytes (GBytes         *bytes,
                                          const char     *location,
                                          AtlasPlatform   platform,
                                          AtlasReadFlags  flags,
                                          GError        **error);

AtlasNotebook *atlas_notebook_read_file  (const char     *path,
                                          const char     *location,
                                          AtlasPlatform   platform,
                                          AtlasReadFlags  flags,
                                          GError        **error);

/* A notebook read and pre-scanned whose reduced JSON is still to be parsed.
 * Parsing builds a node for every JSON value; a caller that reads many
 * files parses a few drafts in a row, while the memory those nodes reuse
 * is still in the cache, instead of one between every two files it reads. */
typedef struct _AtlasNotebookDraft AtlasNotebookDraft;

/* Like atlas_notebook_read_file(), but a notebook that has to be parsed
 * comes back as *@draft (and the function returns NULL without error):
 * those without an error output under ATLAS_READ_CRASHES_ONLY do not. */
AtlasNotebook *atlas_notebook_read_file_draft (const char          *path,
                                               const char          *location,
                                               AtlasPlatform        platform,
                                               AtlasReadFlags       flags,
                                               AtlasNotebookDraft **draft,
                                               GError             **error);
/* The bytes of JSON still to parse. */
gsize          atlas_notebook_draft_get_size  (AtlasNotebookDraft  *draft);
AtlasNotebook *atlas_notebook_draft_finish    (AtlasNotebookDraft  *draft,
                                               GError             **error);
void           atlas_notebook_draft_free      (AtlasNotebookDraft  *draft);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasNotebookDraft, atlas_notebook_draft_free)

G_END_DECLS

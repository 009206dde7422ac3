/* atlas-crash-writer.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stdio.h>

#include "atlas-corpus.h"
#include "atlas-crash.h"

G_BEGIN_DECLS

typedef enum
{
  ATLAS_CRASH_FORMAT_JSONL,
  ATLAS_CRASH_FORMAT_CSV,
  ATLAS_CRASH_FORMAT_SUMMARY,
} AtlasCrashFormat;

gboolean atlas_crash_format_from_string (const char       *str,
                                         AtlasCrashFormat *format);

typedef struct _AtlasCrashWriter AtlasCrashWriter;

/* Writes crash records as `crash-atlas scan` and `export` print them. The
 * summary format collects everything and prints at the end. @stream stays
 * the caller's. */
AtlasCrashWriter *atlas_crash_writer_new          (FILE              *stream,
                                                   AtlasCrashFormat   format);
void              atlas_crash_writer_add_notebook (AtlasCrashWriter        *self,
                                                   const AtlasNotebookInfo *info);
void              atlas_crash_writer_add_crash    (AtlasCrashWriter  *self,
                                                   AtlasCrash        *crash);
/* The records of @crashes in order, as many calls of add_crash() would
 * write them, formatted on up to @n_threads threads. */
void              atlas_crash_writer_add_crashes  (AtlasCrashWriter   *self,
                                                   AtlasCrash * const *crashes,
                                                   guint               n_crashes,
                                                   guint               n_threads);
/* Prints the summary (if that is the format) and flushes. FALSE with
 * @error if writing failed (a full disk, a closed pipe). */
gboolean          atlas_crash_writer_finish       (AtlasCrashWriter  *self,
                                                   GError           **error);
void              atlas_crash_writer_free         (AtlasCrashWriter  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasCrashWriter, atlas_crash_writer_free)

G_END_DECLS

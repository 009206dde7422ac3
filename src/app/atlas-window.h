/* atlas-window.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "atlas-application.h"
#include "atlas-corpus.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_WINDOW (atlas_window_get_type ())

G_DECLARE_FINAL_TYPE (AtlasWindow, atlas_window, ATLAS, WINDOW, AdwApplicationWindow)

AtlasWindow *atlas_window_new          (AtlasApplication   *application);

/* Replaces what is shown with the notebooks in @paths (files and folders),
 * scanned in the background. */
void         atlas_window_open_paths   (AtlasWindow        *self,
                                        const char * const *paths);
/* Opens the bundled demo corpus. */
void         atlas_window_open_demo    (AtlasWindow        *self);
AtlasCorpus *atlas_window_get_corpus   (AtlasWindow        *self);
/* TRUE while a scan runs. */
gboolean     atlas_window_get_busy     (AtlasWindow        *self);
/* Writes what is open to a corpus file at @path, then opens that file. */
void         atlas_window_save_as      (AtlasWindow        *self,
                                        const char         *path);
gboolean     atlas_window_get_saving   (AtlasWindow        *self);
/* Writes the study's report (atlas-report.h) for the crashes the filters
 * show into @directory, off the UI thread; "report-written" (the folder)
 * when it is whole, an error dialog naming the file otherwise. FALSE when
 * nothing was started (a scan runs, nothing to report, one is writing). */
gboolean     atlas_window_export_report (AtlasWindow       *self,
                                         const char        *directory);
gboolean     atlas_window_get_exporting_report (AtlasWindow *self);

G_END_DECLS

/* atlas-scanner.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "atlas-notebook-reader.h"

G_BEGIN_DECLS

#define ATLAS_SCANNER_ERROR (atlas_scanner_error_quark ())

typedef enum
{
  ATLAS_SCANNER_ERROR_NO_NOTEBOOKS = 1,  /* a folder without any .ipynb */
  ATLAS_SCANNER_ERROR_NOT_FOUND,
} AtlasScannerError;

GQuark atlas_scanner_error_quark (void);

/* The outcome for one input file, handed to the consumer in input order. */
typedef struct
{
  guint          index;     /* position among the inputs */
  char          *location;  /* the path as given, joined with the path inside a folder */
  char          *path;      /* the file to read */
  AtlasNotebook *notebook;  /* NULL when reading failed … */
  GError        *error;     /* … and then this says why, naming the location */
} AtlasScanResult;

/* Runs in a worker thread right after a notebook was read (classification
 * goes here). Must touch nothing but @notebook and thread-safe state. */
typedef void     (*AtlasScanWorkerFunc) (AtlasNotebook *notebook,
                                         gpointer       user_data);

/* Called on the thread that runs the scan, once per input, strictly in input
 * order, whatever the number of jobs. The result is freed after it returns;
 * steal what you keep. */
typedef void     (*AtlasScanResultFunc) (AtlasScanResult *result,
                                         gpointer         user_data);

#define ATLAS_TYPE_SCANNER (atlas_scanner_get_type ())

G_DECLARE_FINAL_TYPE (AtlasScanner, atlas_scanner, ATLAS, SCANNER, GObject)

/* @n_jobs 0 means one per core. */
AtlasScanner *atlas_scanner_new              (guint                n_jobs);
void          atlas_scanner_set_platform     (AtlasScanner        *self,
                                              AtlasPlatform        platform);
void          atlas_scanner_set_worker_func  (AtlasScanner        *self,
                                              AtlasScanWorkerFunc  func,
                                              gpointer             user_data,
                                              GDestroyNotify       data_destroy);

/* What the reader computes besides the notebook (e.g. its content hash). */
void          atlas_scanner_set_read_flags   (AtlasScanner        *self,
                                              AtlasReadFlags       flags);

/* Folders are walked during atlas_scanner_run(), while the notebooks found
 * first are already being read, rather than by atlas_scanner_add_path():
 * a corpus is tens of thousands of folders. add_path() then fails only for
 * a missing path, get_n_inputs() knows the inputs only after the run, and
 * dup_empty_folders() names the folders without notebooks. Set it before
 * adding paths. */
void          atlas_scanner_set_walk_in_run  (AtlasScanner        *self,
                                              gboolean             walk_in_run);

/* Adds a file, or every *.ipynb below a folder (sorted, skipping
 * .ipynb_checkpoints and hidden folders). Fails if @path does not exist or a
 * folder holds no notebook. */
gboolean      atlas_scanner_add_path         (AtlasScanner        *self,
                                              const char          *path,
                                              GError             **error);
guint         atlas_scanner_get_n_inputs     (AtlasScanner        *self);
/* With walk-in-run: the folders given that held no notebook, after the run. */
char        **atlas_scanner_dup_empty_folders (AtlasScanner       *self);

/* Reads every input on a pool of worker threads and hands each result to
 * @func in input order. Blocks until done or cancelled; returns FALSE only
 * when cancelled. */
gboolean      atlas_scanner_run              (AtlasScanner        *self,
                                              AtlasScanResultFunc  func,
                                              gpointer             user_data,
                                              GCancellable        *cancellable,
                                              GError             **error);

G_END_DECLS

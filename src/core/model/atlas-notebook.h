/* atlas-notebook.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "atlas-cell.h"
#include "atlas-crash.h"
#include "atlas-platform.h"
#include "atlas-python-scan.h"

G_BEGIN_DECLS

#define ATLAS_NOTEBOOK_ERROR (atlas_notebook_error_quark ())

typedef enum
{
  ATLAS_NOTEBOOK_ERROR_EMPTY = 1,      /* zero bytes, or only white space */
  ATLAS_NOTEBOOK_ERROR_NOT_JSON,       /* not JSON at all (binary, text) */
  ATLAS_NOTEBOOK_ERROR_TRUNCATED,      /* JSON that stops before its end */
  ATLAS_NOTEBOOK_ERROR_INVALID_JSON,   /* malformed JSON (bad token, bad escape, invalid UTF-8 outside bulk data) */
  ATLAS_NOTEBOOK_ERROR_TOO_DEEP,       /* nesting deeper than any notebook needs */
  ATLAS_NOTEBOOK_ERROR_NOT_NOTEBOOK,   /* valid JSON but not a notebook object */
  ATLAS_NOTEBOOK_ERROR_TOO_LARGE,      /* over the size limit */
  ATLAS_NOTEBOOK_ERROR_UNREADABLE,     /* the file cannot be read (missing, permissions) */
} AtlasNotebookError;

GQuark atlas_notebook_error_quark (void);

/* What a notebook holds that Jupyter would refuse or that was read in a way
 * of its own: the notebook is read all the same (a crash lost is worse than
 * a lenient reader), and each is reported as a warning naming it. */
typedef enum
{
  ATLAS_NOTEBOOK_ISSUE_BOM              = 1 << 0, /* starts with a UTF-8 byte-order mark */
  ATLAS_NOTEBOOK_ISSUE_RAW_CONTROL      = 1 << 1, /* a raw TAB or other control character inside a string */
  ATLAS_NOTEBOOK_ISSUE_INVALID_UTF8     = 1 << 2, /* bytes that are not UTF-8, read as U+FFFD */
  ATLAS_NOTEBOOK_ISSUE_BAD_ESCAPE       = 1 << 3, /* a \u0000 or lone surrogate escape, read as U+FFFD */
  ATLAS_NOTEBOOK_ISSUE_BAD_WORKSHEET    = 1 << 4, /* a v3 worksheet that is not an object, or has no cells */
  ATLAS_NOTEBOOK_ISSUE_ERROR_FIELD_TYPE = 1 << 5, /* an error's ename or evalue is not a string */
  ATLAS_NOTEBOOK_ISSUE_NO_CELLS         = 1 << 6, /* declares an nbformat but has no cells or worksheets */
} AtlasNotebookIssues;

typedef enum
{
  ATLAS_ORDER_DECREASE,        /* a cell's count is lower than the one above it */
  ATLAS_ORDER_REPEAT,          /* the same count on two cells */
  ATLAS_ORDER_JUMP,            /* counts skip numbers between consecutive executed cells */
  ATLAS_ORDER_NULL_EXECUTED,   /* a code cell with null count among executed ones */
} AtlasOrderAnomalyKind;

typedef struct
{
  AtlasOrderAnomalyKind kind;
  guint                 cell;      /* the cell where it shows */
  guint                 previous;  /* the executed code cell it is compared with (the one above) */
} AtlasOrderAnomaly;

typedef struct
{
  guint  cell;   /* the markdown cell index */
  guint  level;  /* 1 for "#", 2 for "##", … */
  char  *text;   /* heading text without the #s */
} AtlasHeading;

#define ATLAS_TYPE_NOTEBOOK (atlas_notebook_get_type ())

G_DECLARE_FINAL_TYPE (AtlasNotebook, atlas_notebook, ATLAS, NOTEBOOK, GObject)

/* Built by atlas-notebook-reader.h; accessors only here. */

const char       *atlas_notebook_get_location      (AtlasNotebook *self);
AtlasPlatform     atlas_notebook_get_platform      (AtlasNotebook *self);
/* A URL to show the notebook at its source (GitHub blob, Kaggle page), or NULL. */
const char       *atlas_notebook_get_url           (AtlasNotebook *self);
void              atlas_notebook_set_url           (AtlasNotebook *self,
                                                    const char    *url);
guint             atlas_notebook_get_nbformat       (AtlasNotebook *self);
guint             atlas_notebook_get_nbformat_minor (AtlasNotebook *self);
/* Kernel language from metadata ("python", "R"), or NULL. */
const char       *atlas_notebook_get_language       (AtlasNotebook *self);
/* metadata.papermill is present (the notebook was executed by papermill). */
gboolean          atlas_notebook_is_papermill       (AtlasNotebook *self);
/* Any code cell has outputs or an execution count: the notebook was run. */
gboolean          atlas_notebook_was_executed       (AtlasNotebook *self);
AtlasNotebookIssues atlas_notebook_get_issues       (AtlasNotebook *self);
/* One sentence per issue, translated, without the location; NULL-terminated. */
char            **atlas_notebook_dup_warnings       (AtlasNotebook *self);
char            **atlas_notebook_issues_describe    (AtlasNotebookIssues issues);
/* Size in bytes of the file it was read from. */
guint64           atlas_notebook_get_size           (AtlasNotebook *self);
/* SHA-256 of the bytes it was read from, lower-case hex; NULL unless the
 * reader was asked for it (ATLAS_READ_CONTENT_HASH). */
const char       *atlas_notebook_get_content_hash   (AtlasNotebook *self);

guint             atlas_notebook_get_n_cells        (AtlasNotebook *self);
void              atlas_notebook_drop_contents      (AtlasNotebook *self);
const AtlasCell  *atlas_notebook_get_cell           (AtlasNotebook *self,
                                                     guint          index);

/* Every crash of the notebook, in cell order (element-type AtlasCrash). */
GPtrArray        *atlas_notebook_get_crashes        (AtlasNotebook *self);

/* Imports in source order (element-type AtlasImport). */
GPtrArray        *atlas_notebook_get_imports        (AtlasNotebook *self);
/* The sorted, distinct top-level packages imported (e.g. "numpy", "pandas"). */
const char *const *atlas_notebook_get_packages      (AtlasNotebook *self);
/* Resolves a name or dotted expression head through the imports:
 * "pd" -> "pandas", "train_test_split" -> "sklearn.model_selection.train_test_split",
 * "tf.keras.layers" -> "tensorflow.keras.layers". NULL if not imported. */
char             *atlas_notebook_resolve_name       (AtlasNotebook *self,
                                                     const char    *name);

/* Markdown headings in order (element-type AtlasHeading). */
GArray           *atlas_notebook_get_headings       (AtlasNotebook *self);
/* The nearest heading at or above @cell, or NULL. */
const AtlasHeading *atlas_notebook_get_heading_for_cell (AtlasNotebook *self,
                                                         guint          cell);

/* Execution-order anomalies, in cell order (element-type AtlasOrderAnomaly). */
GArray           *atlas_notebook_get_order_anomalies (AtlasNotebook *self);

/* Fills each code cell's defines and uses. Tokenizing every cell is the
 * dearest part of reading a notebook and only a crash about a missing name
 * asks which cell defines what, so it is done on the first call; safe to
 * call from any thread. */
void              atlas_notebook_ensure_names       (AtlasNotebook *self);
/* The same for the cell at @index alone: a cell that cannot define a name
 * (its source does not hold it) need not be tokenized to know. */
void              atlas_notebook_ensure_cell_names  (AtlasNotebook *self,
                                                     guint          index);
/* Indices of the code cells that define @name (any cell, executed or not). */
GArray           *atlas_notebook_find_definitions   (AtlasNotebook *self,
                                                     const char    *name);

G_END_DECLS

/* atlas-python-scan.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A light lexical reading of Python cell code: enough to know what a cell
 * imports, binds and reads, without executing or fully parsing it. Cell magics
 * (%…, %%…) and shell escapes (!…) are skipped. */

typedef struct
{
  char *module;   /* the dotted module: "sklearn.model_selection" */
  char *name;     /* the name bound in the notebook: "train_test_split", "pd" */
  char *symbol;   /* from-imports: the imported name ("train_test_split" of
                   * "from sklearn.model_selection import train_test_split as tts");
                   * NULL for plain "import" statements */
  char *package;  /* the top-level package: "sklearn" */
  guint cell;     /* index of the cell holding the import */
  guint line;     /* 1-based line in that cell */
} AtlasImport;

void atlas_import_free (AtlasImport *import);

/* Appends to @imports (element-type AtlasImport, free func atlas_import_free)
 * every import statement of @source: "import a.b as c", "import a, b",
 * "from a.b import c as d, e", "from a import (b,\n c)", "from . import x"
 * (relative: package ""), also inside if/try blocks and after ";". */
void atlas_python_scan_imports (const char *source,
                                guint       cell,
                                GPtrArray  *imports);

/* Names bound and names read at the cell's top level and inside functions;
 * each list sorted and without duplicates. Attribute names after "." and
 * keyword arguments are not reads; strings and comments are ignored. */
void atlas_python_scan_names   (const char   *source,
                                char       ***defines,
                                char       ***uses);

/* The top-level package of a dotted module name ("a.b.c" -> "a"). */
char *atlas_python_top_package (const char *module);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasImport, atlas_import_free)

G_END_DECLS

/* fuzz-python-scan.c: the Python scanner takes any cell source.
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "atlas-python-scan.h"
#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *raw = NULL;
  g_autofree char *source = NULL;
  g_autoptr(GPtrArray) imports = g_ptr_array_new_with_free_func ((GDestroyNotify)atlas_import_free);
  g_auto(GStrv) defines = NULL;
  g_auto(GStrv) uses = NULL;

  fuzz_init ();
  raw = fuzz_string (data, size);
  source = g_utf8_make_valid (raw, -1);   /* sources reach it valid */
  atlas_python_scan_imports (source, 0, imports);
  atlas_python_scan_names (source, &defines, &uses);
  for (guint i = 0; defines[i] != NULL; i++)
    FUZZ_CHECK (i == 0 || g_strcmp0 (defines[i - 1], defines[i]) < 0);
  for (guint i = 0; uses[i] != NULL; i++)
    FUZZ_CHECK (i == 0 || g_strcmp0 (uses[i - 1], uses[i]) < 0);
  for (guint i = 0; i < imports->len; i++)
    {
      AtlasImport *import = g_ptr_array_index (imports, i);
      g_autofree char *top = atlas_python_top_package (import->module ? import->module : "");

      FUZZ_CHECK (top != NULL);
    }
  return 0;
}

/* fuzz-reader.c: the notebook reader, with every read mode, never crashes,
 * and what it gives back is valid UTF-8.
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "atlas-notebook-reader.h"
#include "fuzz-common.h"

static void
check_notebook (AtlasNotebook *nb)
{
  GPtrArray *crashes = atlas_notebook_get_crashes (nb);
  g_auto(GStrv) warnings = atlas_notebook_dup_warnings (nb);

  for (guint i = 0; i < atlas_notebook_get_n_cells (nb); i++)
    FUZZ_CHECK (g_utf8_validate (atlas_notebook_get_cell (nb, i)->source, -1, NULL));
  for (guint i = 0; i < crashes->len; i++)
    {
      AtlasCrash *crash = g_ptr_array_index (crashes, i);
      AtlasTraceback *traceback = atlas_crash_get_traceback (crash);

      FUZZ_CHECK (g_utf8_validate (atlas_crash_get_ename (crash), -1, NULL));
      FUZZ_CHECK (g_utf8_validate (atlas_crash_get_evalue (crash), -1, NULL));
      FUZZ_CHECK (atlas_crash_get_cell (crash) < atlas_notebook_get_n_cells (nb));
      if (traceback != NULL)
        FUZZ_CHECK (g_utf8_validate (atlas_traceback_get_text (traceback), -1, NULL));
    }
  for (guint i = 0; warnings[i] != NULL; i++)
    FUZZ_CHECK (g_utf8_validate (warnings[i], -1, NULL));
  atlas_notebook_get_order_anomalies (nb);
  atlas_notebook_get_headings (nb);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const AtlasReadFlags modes[] = {
    ATLAS_READ_DEFAULT, ATLAS_READ_CRASHES_ONLY, ATLAS_READ_PLAIN_TRACEBACKS | ATLAS_READ_CONTENT_HASH,
  };
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);

  fuzz_init ();
  for (guint m = 0; m < G_N_ELEMENTS (modes); m++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AtlasNotebook) nb = atlas_notebook_read_bytes (bytes, "fuzz.ipynb", ATLAS_PLATFORM_LOCAL,
                                                              modes[m], &error);

      FUZZ_CHECK ((nb == NULL) != (error == NULL));
      if (nb != NULL)
        check_notebook (nb);
      else
        FUZZ_CHECK (g_utf8_validate (error->message, -1, NULL));
    }
  return 0;
}

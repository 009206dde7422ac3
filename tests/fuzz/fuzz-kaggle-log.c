/* fuzz-kaggle-log.c: a Kaggle run log (and saved source) becomes a notebook
 * the reader always reads.
 *
 * Input: the log, then optionally a byte 0x00 and the saved source.
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "atlas-notebook-reader.h"
#include "atlas-remote-private.h"
#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const uint8_t *nul = memchr (data, '\0', size);
  g_autofree char *log = fuzz_string (data, nul ? (size_t)(nul - data) : size);
  g_autoptr(GBytes) source = nul ? g_bytes_new (nul + 1, size - (nul + 1 - data)) : NULL;
  g_autoptr(GBytes) notebook = NULL;

  fuzz_init ();
  notebook = _atlas_kaggle_log_to_notebook (log, source);
  if (notebook != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AtlasNotebook) nb = atlas_notebook_read_bytes (notebook, "kaggle:fuzz/log", ATLAS_PLATFORM_KAGGLE,
                                                              ATLAS_READ_DEFAULT, &error);

      /* a log with a traceback always gives a readable notebook with it */
      if (nb == NULL)
        g_error ("the rebuilt notebook is refused: %s", error->message);
      FUZZ_CHECK (atlas_notebook_get_crashes (nb)->len > 0);
    }
  return 0;
}

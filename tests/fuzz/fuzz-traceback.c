/* fuzz-traceback.c: the traceback parser takes any lines.
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "atlas-traceback.h"
#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(AtlasTraceback) traceback = NULL;
  gchar *valid;

  fuzz_init ();
  /* the reader hands the parser valid UTF-8 lines; so does this */
  text = fuzz_string (data, size);
  valid = g_utf8_make_valid (text, -1);
  /* a traceback array's strings: split at a byte 0x1e, lines keep their \n */
  lines = g_strsplit (valid, "\x1e", 256);
  g_free (valid);
  traceback = atlas_traceback_parse ((const char * const *)lines, g_strv_length (lines));
  FUZZ_CHECK (g_utf8_validate (atlas_traceback_get_text (traceback), -1, NULL));
  for (guint i = 0; i < atlas_traceback_get_n_frames (traceback); i++)
    FUZZ_CHECK (atlas_traceback_get_frame (traceback, i) != NULL);
  for (guint i = 0; i < atlas_traceback_get_n_sections (traceback); i++)
    FUZZ_CHECK (atlas_traceback_get_section (traceback, i) != NULL);
  atlas_traceback_get_user_frame (traceback);
  atlas_traceback_get_innermost_library_frame (traceback);
  atlas_traceback_get_outermost_library_frame (traceback);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(AtlasFrame) frame = atlas_frame_parse_header (lines[i]);
    }
  return 0;
}

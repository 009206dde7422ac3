/* fuzz-ansi.c: the ANSI stripper and parser, and the terminal escaper:
 * the output is valid UTF-8 holding no escape, runs lie inside it in order.
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "atlas-ansi.h"
#include "atlas-text.h"
#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = NULL;
  g_autofree char *stripped = NULL;
  g_autofree char *parsed = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *escaped = NULL;
  g_autoptr(GArray) runs = NULL;
  guint end = 0;

  fuzz_init ();
  text = fuzz_string (data, size);
  stripped = atlas_ansi_strip (text);
  parsed = atlas_ansi_parse (text, &runs);
  FUZZ_CHECK (g_utf8_validate (stripped, -1, NULL));
  FUZZ_CHECK (g_strcmp0 (stripped, parsed) == 0);
  FUZZ_CHECK (strchr (stripped, '\033') == NULL);
  for (guint i = 0; i < runs->len; i++)
    {
      const AtlasAnsiRun *run = &g_array_index (runs, AtlasAnsiRun, i);

      FUZZ_CHECK (run->start >= end && run->start <= run->end && run->end <= strlen (parsed));
      end = run->end;
    }

  shown = atlas_text_for_terminal ((const char *)data, size, ATLAS_TEXT_DEFAULT);
  FUZZ_CHECK (g_utf8_validate (shown, -1, NULL));
  for (const char *p = shown; *p != '\0'; p++)
    FUZZ_CHECK ((guchar)*p >= 0x20 && *p != 0x7f);
  FUZZ_CHECK (atlas_text_is_inert (shown, ATLAS_TEXT_DEFAULT));
  escaped = atlas_text_escape_invalid ((const char *)data, size, NULL);
  FUZZ_CHECK (g_utf8_validate (escaped, strlen (escaped), NULL));
  return 0;
}

/* atlas-text.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Text from notebooks, file systems and servers made inert for the places
 * it is written to. Both functions show what they replace instead of
 * dropping it, so a researcher still sees that something was there:
 *
 * - a byte that is not part of valid UTF-8 becomes the four characters
 *   "\xNN";
 * - for terminals, C0 controls (ESC, BEL, CR, backspace …), DEL, C1
 *   controls (U+0080–U+009F) and the invisible bidirectional overrides
 *   (U+202A–U+202E, U+2066–U+2069) become "\xNN" or "\u{NNNN}", and a
 *   backslash that would start such a sequence stays as it is (the text is
 *   for reading, not for unescaping). */

typedef enum
{
  ATLAS_TEXT_DEFAULT       = 0,
  /* Keep line feeds (and tabs) as they are: multi-line error messages. */
  ATLAS_TEXT_KEEP_NEWLINES = 1 << 0,
} AtlasTextFlags;

/* @len may be -1 for a NUL-terminated @text; NULL gives "". */
char     *atlas_text_for_terminal      (const char     *text,
                                        gssize          len,
                                        AtlasTextFlags  flags);
/* Valid UTF-8 for JSON, CSV and SQLite: invalid bytes shown as "\xNN".
 * Sets *@changed (when given) to whether anything was replaced. */
char     *atlas_text_escape_invalid    (const char     *text,
                                        gssize          len,
                                        gboolean       *changed);
/* TRUE when @text holds nothing atlas_text_for_terminal() would change. */
gboolean  atlas_text_is_inert          (const char     *text,
                                        AtlasTextFlags  flags);

G_END_DECLS

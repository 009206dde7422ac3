/* atlas-text.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-text"

#include "config.h"

#include <string.h>

#include "atlas-text.h"

static gboolean
is_unsafe_char (gunichar       c,
                AtlasTextFlags flags)
{
  if (c == '\n' || c == '\t')
    return !(flags & ATLAS_TEXT_KEEP_NEWLINES);
  if (c < 0x20 || c == 0x7f)
    return TRUE;
  if (c >= 0x80 && c <= 0x9f)
    return TRUE;
  /* Bidirectional embeddings, overrides and isolates reorder what follows
   * on screen ("Trojan Source"): shown, never obeyed. */
  return (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

/* The one loop behind both functions: valid characters are copied unless
 * @for_terminal finds them unsafe; invalid bytes are always shown. */
static char *
escape (const char     *text,
        gssize          len,
        gboolean        for_terminal,
        AtlasTextFlags  flags,
        gboolean       *changed)
{
  const char *p;
  const char *end;
  GString *out;
  gboolean any = FALSE;

  if (text == NULL)
    text = "";
  if (len < 0)
    len = strlen (text);
  p = text;
  end = text + len;
  out = g_string_sized_new (len + 1);

  while (p < end)
    {
      const char *valid_end = NULL;

      g_utf8_validate (p, end - p, &valid_end);
      for (const char *q = p; q < valid_end;)
        {
          gunichar c = g_utf8_get_char (q);
          const char *next = g_utf8_next_char (q);

          if (for_terminal && is_unsafe_char (c, flags))
            {
              if (c < 0x100)
                g_string_append_printf (out, "\\x%02x", c);
              else
                g_string_append_printf (out, "\\u{%04x}", c);
              any = TRUE;
            }
          else
            g_string_append_len (out, q, next - q);
          q = next;
        }
      p = valid_end;
      if (p < end)
        {
          /* g_utf8_validate() also stops at a NUL byte, which is valid. */
          g_string_append_printf (out, "\\x%02x", (guchar)*p);
          any = TRUE;
          p++;
        }
    }

  if (changed != NULL)
    *changed = any;
  return g_string_free (out, FALSE);
}

char *
atlas_text_for_terminal (const char     *text,
                         gssize          len,
                         AtlasTextFlags  flags)
{
  return escape (text, len, TRUE, flags, NULL);
}

char *
atlas_text_escape_invalid (const char *text,
                           gssize      len,
                           gboolean   *changed)
{
  return escape (text, len, FALSE, ATLAS_TEXT_DEFAULT, changed);
}

gboolean
atlas_text_is_inert (const char     *text,
                     AtlasTextFlags  flags)
{
  gboolean changed = FALSE;
  g_autofree char *shown = NULL;

  if (text == NULL)
    return TRUE;
  shown = escape (text, -1, TRUE, flags, &changed);
  return !changed;
}

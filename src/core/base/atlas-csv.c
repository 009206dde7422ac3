/* atlas-csv.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "atlas-csv.h"
#include "atlas-text.h"

void
atlas_csv_append_field (GString    *line,
                        const char *value)
{
  g_autofree char *escaped = NULL;

  if (value == NULL)
    return;
  /* A file name or a notebook's text that is not UTF-8 is shown escaped
   * (\xNN), never dropped and never written as bytes a reader chokes on. */
  if (!g_utf8_validate (value, -1, NULL))
    value = escaped = atlas_text_escape_invalid (value, -1, NULL);

  if (strpbrk (value, ",\"\r\n") == NULL)
    {
      g_string_append (line, value);
      return;
    }

  g_string_append_c (line, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *p);
    }
  g_string_append_c (line, '"');
}

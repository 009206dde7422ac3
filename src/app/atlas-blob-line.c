/* atlas-blob-line.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-cell-view"

#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>

#include "atlas-cell-view-private.h"

static gboolean
is_blank (const char *text)
{
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

/* The line of a notebook's JSON file that holds line @line of cell @cell:
 * GitHub's line anchors (…?plain=1#L57) count lines of the file, not of
 * the cell. Found by looking for the JSON form of the code line after the
 * cell's own "cell_type" key; 0 when it cannot be found. */
guint
_atlas_find_blob_line (const char *contents,
                       gsize       length,
                       guint       cell,
                       const char *cell_source,
                       guint       line)
{
  g_auto(GStrv) lines = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *quoted = NULL;
  const char *from = contents, *end = contents + length, *hit;
  guint n = 1;

  if (contents == NULL || cell_source == NULL || line == 0)
    return 0;
  lines = g_strsplit (cell_source, "\n", -1);
  if (line > g_strv_length (lines) || is_blank (lines[line - 1]))
    return 0;
  for (guint i = 0; i <= cell && from != NULL; i++)
    {
      from = g_strstr_len (from, end - from, "\"cell_type\"");
      if (from != NULL && i < cell)
        from++;
    }
  if (from == NULL)
    return 0;

  /* The line as a JSON string without its quotes, as the file holds it. */
  node = json_node_init_string (json_node_alloc (), lines[line - 1]);
  quoted = json_to_string (node, FALSE);
  quoted[strlen (quoted) - 1] = '\0';
  if ((hit = g_strstr_len (from, end - from, quoted + 1)) == NULL)
    return 0;
  for (const char *p = contents; p < hit; p++)
    n += *p == '\n';
  return n;
}

/* fuzz-prescan.c: differential, the reader against json-glib. Wherever
 * json-glib parses a document, the reader in its fastest mode (the
 * pre-scan decides which notebooks hold no crash and are not parsed) finds
 * exactly the crashes a plain walk of json-glib's tree finds: the pre-scan
 * must never hide a crash.
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>

#include "atlas-notebook-prescan.h"
#include "atlas-notebook-reader.h"
#include "fuzz-common.h"

static JsonArray *
array_member (JsonObject *object,
              const char *name)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static guint
count_cells (JsonArray *cells)
{
  guint n = 0;

  for (guint c = 0; cells != NULL && c < json_array_get_length (cells); c++)
    {
      JsonNode *cell = json_array_get_element (cells, c);
      JsonArray *outputs = JSON_NODE_HOLDS_OBJECT (cell) ? array_member (json_node_get_object (cell), "outputs") : NULL;

      for (guint o = 0; outputs != NULL && o < json_array_get_length (outputs); o++)
        {
          JsonNode *output = json_array_get_element (outputs, o);
          JsonNode *type = JSON_NODE_HOLDS_OBJECT (output)
                           ? json_object_get_member (json_node_get_object (output), "output_type") : NULL;

          if (type != NULL && JSON_NODE_HOLDS_VALUE (type) && json_node_get_value_type (type) == G_TYPE_STRING &&
              (g_strcmp0 (json_node_get_string (type), "error") == 0 ||
               g_strcmp0 (json_node_get_string (type), "pyerr") == 0))
            n++;
        }
    }
  return n;
}

/* Crashes in the notebook json-glib reads, counted as nbformat defines
 * them; -1 when it is no notebook. */
static int
json_glib_crashes (JsonNode *root)
{
  JsonObject *object;
  JsonArray *cells;
  JsonArray *worksheets;
  guint n = 0;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return -1;
  object = json_node_get_object (root);
  cells = array_member (object, "cells");
  worksheets = array_member (object, "worksheets");
  if (cells != NULL)
    return count_cells (cells);
  if (worksheets == NULL)
    return -1;
  for (guint w = 0; w < json_array_get_length (worksheets); w++)
    {
      JsonNode *worksheet = json_array_get_element (worksheets, w);

      if (JSON_NODE_HOLDS_OBJECT (worksheet))
        n += count_cells (array_member (json_node_get_object (worksheet), "cells"));
    }
  return n;
}

static gboolean
starts_with_object (const uint8_t *data,
                    size_t         size)
{
  size_t i = 0;

  while (i < size && g_ascii_isspace (data[i]))
    i++;
  return i < size && data[i] == '{';
}

/* "\u0000" or a surrogate escape, which the reader replaces on purpose. */
static gboolean
has_replaced_escape (const char *data,
                     size_t      size)
{
  for (size_t i = 0; i + 5 < size; i++)
    if (data[i] == '\\' && data[i + 1] == 'u' &&
        (memcmp (data + i + 2, "0000", 4) == 0 || g_ascii_tolower (data[i + 2]) == 'd'))
      return TRUE;
  return FALSE;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasNotebook) nb = NULL;
  g_auto(AtlasPrescan) prescan = { 0 };
  int expected;

  fuzz_init ();
  /* the pre-scan alone, on every input */
  if (atlas_prescan_run ((const char *)data, size, ATLAS_PRESCAN_DEFAULT, &prescan, NULL))
    {
      g_autoptr(GString) reduced = g_string_new (NULL);

      atlas_prescan_write_reduced (&prescan, (const char *)data, size, reduced);
    }

  /* json-glib says "\u0000" ends a string, and reads NUL bytes and lone
   * surrogates its own way; the reader reads those as U+FFFD on purpose
   * (issue 17), so documents holding them are not compared. */
  if (size == 0 || memchr (data, '\0', size) != NULL || has_replaced_escape ((const char *)data, size) ||
      !json_parser_load_from_data (parser, (const char *)data, size, NULL))
    return 0;
  /* json-glib also takes text before the document ("/x/{…}", found by
   * this harness); the reader refuses that as not JSON, an error that
   * names the file, not a crash hidden. Only documents that start as
   * JSON does are compared. */
  if (!starts_with_object (data, size))
    return 0;
  expected = json_glib_crashes (json_parser_get_root (parser));
  if (expected < 0)
    return 0;

  bytes = g_bytes_new (data, size);
  nb = atlas_notebook_read_bytes (bytes, "fuzz.ipynb", ATLAS_PLATFORM_LOCAL, ATLAS_READ_CRASHES_ONLY, &error);
  if (nb == NULL)
    {
      /* refusing outright is allowed only for what the reader bounds */
      if (!g_error_matches (error, ATLAS_NOTEBOOK_ERROR, ATLAS_NOTEBOOK_ERROR_TOO_DEEP) &&
          !g_error_matches (error, ATLAS_NOTEBOOK_ERROR, ATLAS_NOTEBOOK_ERROR_TOO_LARGE))
        g_error ("json-glib reads a notebook with %d crashes, the reader refuses it: %s", expected, error->message);
      return 0;
    }
  if ((int)atlas_notebook_get_crashes (nb)->len != expected)
    g_error ("json-glib finds %d crashes, the reader %u", expected, atlas_notebook_get_crashes (nb)->len);
  return 0;
}

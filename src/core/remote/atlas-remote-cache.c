/* atlas-remote-cache.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-remote-cache"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "atlas-remote-error.h"
#include "atlas-remote-private.h"

/* What was fetched stays in the user's cache directory, so an import that
 * was cancelled or failed resumes where it stopped. A notebook is complete
 * once its ".json" description exists (written after the notebook file). */

static char *
cache_dir (void)
{
  /* XDG_CACHE_HOME is read each time (GLib computes its own value once),
   * so tests and long-running processes can point it elsewhere. */
  const char *xdg = g_getenv ("XDG_CACHE_HOME");
  const char *base = xdg != NULL && g_path_is_absolute (xdg) ? xdg : g_get_user_cache_dir ();
  char *dir = g_build_filename (base, "crash-atlas", "remote", NULL);

  g_mkdir_with_parents (dir, 0700);
  return dir;
}

char *
_atlas_remote_cache_file (const char *key,
                          const char *extension)
{
  g_autofree char *dir = cache_dir ();
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, key, -1);
  g_autofree char *name = g_strconcat (hash, extension, NULL);

  return g_build_filename (dir, name, NULL);
}

JsonObject *
_atlas_remote_cache_meta (const char *key)
{
  g_autofree char *path = _atlas_remote_cache_file (key, ".json");
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  JsonObject *meta;

  if (!json_parser_load_from_file (parser, path, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  meta = json_node_get_object (root);
  /* The stored key guards against a (never expected) hash collision. */
  if (g_strcmp0 (_atlas_json_string (meta, "key"), key) != 0)
    return NULL;
  if (_atlas_json_string (meta, "file") != NULL)
    {
      g_autofree char *file = _atlas_remote_cache_file (key, ".ipynb");

      if (!g_file_test (file, G_FILE_TEST_IS_REGULAR))
        return NULL;
    }
  return json_object_ref (meta);
}

gboolean
_atlas_remote_cache_store (const char  *key,
                           const char  *part_file,
                           JsonObject  *meta,
                           GError     **error)
{
  g_autofree char *meta_path = _atlas_remote_cache_file (key, ".json");
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *text = NULL;

  json_object_set_string_member (meta, "key", key);
  if (part_file != NULL)
    {
      g_autofree char *file = _atlas_remote_cache_file (key, ".ipynb");

      if (g_rename (part_file, file) != 0)
        {
          int saved = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                       _("Cannot keep %s in the cache: %s"), key, g_strerror (saved));
          return FALSE;
        }
      json_object_set_string_member (meta, "file", ".ipynb");
    }
  json_node_set_object (node, meta);
  text = json_to_string (node, FALSE);
  return g_file_set_contents_full (meta_path, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

/* JSON helpers */

const char *
_atlas_json_string (JsonObject *object,
                    const char *name)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

gint64
_atlas_json_int (JsonObject *object,
                 const char *name,
                 gint64      fallback)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return fallback;
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return json_node_get_int (node);
  if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    return (gint64)json_node_get_double (node);
  if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    return json_node_get_boolean (node);
  return fallback;
}

JsonArray *
_atlas_json_array (JsonObject *object,
                   const char *name)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

JsonObject *
_atlas_json_object (JsonObject *object,
                    const char *name)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

JsonObject *
_atlas_json_root_object (JsonNode    *root,
                         const char  *subject,
                         GError     **error)
{
  if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    return json_node_get_object (root);
  g_set_error (error, ATLAS_REMOTE_ERROR, ATLAS_REMOTE_ERROR_INVALID_RESPONSE,
               _("%s: the answer is not the JSON object the API documents"), subject);
  return NULL;
}

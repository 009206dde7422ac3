/* atlas-kaggle-log.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-kaggle-log"

#include "config.h"

#include <math.h>
#include <string.h>

#include "atlas-ansi.h"
#include "atlas-remote-private.h"

/* When Kaggle keeps no executed notebook, the run log still holds what the
 * kernel printed to stderr, tracebacks included. Each traceback becomes an
 * error output on the cell it names (In[N] counts the non-empty code cells
 * of a top-to-bottom run), else on the last code cell, where the run
 * stopped. The result is a notebook the reader handles like any other. */

typedef struct
{
  char      *ename;
  char      *evalue;
  GPtrArray *lines;
  int        count;   /* N of In[N], or -1 */
} LoggedCrash;

static void
logged_crash_free (LoggedCrash *crash)
{
  g_free (crash->ename);
  g_free (crash->evalue);
  g_ptr_array_unref (crash->lines);
  g_free (crash);
}

static char *
stderr_text (const char *log)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  JsonNode *root;
  JsonArray *entries;

  if (!json_parser_load_from_data (parser, log, -1, NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    return NULL;
  entries = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonObject *entry = JSON_NODE_HOLDS_OBJECT (json_array_get_element (entries, i))
                            ? json_array_get_object_element (entries, i) : NULL;
      const char *data = _atlas_json_string (entry, "data");

      if (data != NULL && g_strcmp0 (_atlas_json_string (entry, "stream_name"), "stderr") == 0)
        g_string_append (text, data);
    }
  return atlas_ansi_strip (text->str);
}

static gboolean
chain_continues (char **lines,
                 guint  from)
{
  for (guint i = from; lines[i] != NULL; i++)
    {
      g_autofree char *line = g_strstrip (g_strdup (lines[i]));

      if (*line == '\0')
        continue;
      return g_str_has_prefix (lines[i], "During handling of the above exception") ||
             g_str_has_prefix (lines[i], "The above exception was the direct cause");
    }
  return FALSE;
}

static GPtrArray *
find_crashes (const char *text)
{
  g_autoptr(GRegex) ename_re = g_regex_new ("^([A-Za-z_][A-Za-z0-9_.]*)(?:: (.*))?$", 0, 0, NULL);
  g_autoptr(GRegex) cell_re = g_regex_new ("(?:Cell In ?\\[|Input In ?\\[|<ipython-input-)(\\d+)", 0, 0, NULL);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  GPtrArray *crashes = g_ptr_array_new_with_free_func ((GDestroyNotify)logged_crash_free);
  LoggedCrash *current = NULL;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(GMatchInfo) match = NULL;

      if (current == NULL && strstr (lines[i], "Traceback (most recent call last)") != NULL)
        {
          current = g_new0 (LoggedCrash, 1);
          current->lines = g_ptr_array_new_with_free_func (g_free);
          current->count = -1;
        }
      if (current == NULL)
        continue;
      g_ptr_array_add (current->lines, g_strdup (lines[i]));
      if (g_regex_match (cell_re, lines[i], 0, &match))
        {
          g_autofree char *n = g_match_info_fetch (match, 1);

          current->count = atoi (n);
        }
      g_clear_pointer (&match, g_match_info_free);
      if (g_regex_match (ename_re, lines[i], 0, &match) && !chain_continues (lines, i + 1))
        {
          current->ename = g_match_info_fetch (match, 1);
          current->evalue = g_match_info_fetch (match, 2);
          g_ptr_array_add (crashes, g_steal_pointer (&current));
        }
    }
  if (current != NULL)
    logged_crash_free (current);
  return crashes;
}

/* Python's json writes NaN, Infinity and -Infinity, which json-glib
 * refuses: outside strings they become null (plot data, never a crash). */
static char *
without_non_finite_tokens (const char *data,
                           gsize       size)
{
  static const char *const words[] = { "-Infinity", "Infinity", "NaN" };
  GString *out = g_string_sized_new (size);
  gboolean in_string = FALSE;

  for (gsize i = 0; i < size; i++)
    {
      gboolean replaced = FALSE;

      if (in_string)
        {
          if (data[i] == '\\' && i + 1 < size)
            g_string_append_c (out, data[i++]);
          else if (data[i] == '"')
            in_string = FALSE;
        }
      else if (data[i] == '"')
        in_string = TRUE;
      else
        for (guint w = 0; w < G_N_ELEMENTS (words) && !replaced; w++)
          if (size - i >= strlen (words[w]) && memcmp (data + i, words[w], strlen (words[w])) == 0)
            {
              g_string_append (out, "null");
              i += strlen (words[w]) - 1;
              replaced = TRUE;
            }
      if (!replaced)
        g_string_append_c (out, data[i]);
    }
  return g_string_free (out, FALSE);
}

/* json-glib reads 1e999 as infinity and writes it back as "inf.0", which
 * no JSON reader takes: the rebuilt notebook would be refused, its logged
 * crashes lost. Non-finite numbers become null before it is written. */
static void
drop_non_finite (JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      JsonNode *member;

      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, NULL, &member))
        drop_non_finite (member);
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        drop_non_finite (json_array_get_element (array, i));
    }
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_DOUBLE &&
           !isfinite (json_node_get_double (node)))
    json_node_init_null (node);
}

static JsonNode *
parse_source (GBytes *source)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  gsize size = 0;
  const char *data = source ? g_bytes_get_data (source, &size) : NULL;
  g_autofree char *cleaned = NULL;
  JsonNode *root;

  if (data != NULL && !json_parser_load_from_data (parser, data, size, NULL))
    {
      cleaned = without_non_finite_tokens (data, size);
      data = cleaned;
      size = strlen (cleaned);
    }
  if (data != NULL && json_parser_load_from_data (parser, data, size, NULL) &&
      (root = json_parser_get_root (parser)) != NULL && JSON_NODE_HOLDS_OBJECT (root) &&
      _atlas_json_array (json_node_get_object (root), "cells") != NULL)
    return json_node_copy (root);
  root = json_from_string ("{\"nbformat\":4,\"nbformat_minor\":5,\"metadata\":{},\"cells\":[]}", NULL);
  return root;
}

static gboolean
cell_is_code (JsonObject *cell)
{
  JsonNode *source = json_object_get_member (cell, "source");
  g_autofree char *text = NULL;

  if (g_strcmp0 (_atlas_json_string (cell, "cell_type"), "code") != 0)
    return FALSE;
  if (source != NULL && JSON_NODE_HOLDS_ARRAY (source))
    return json_array_get_length (json_node_get_array (source)) > 0;
  text = g_strdup (_atlas_json_string (cell, "source"));
  return text != NULL && *g_strstrip (text) != '\0';
}

static JsonObject *
target_cell (JsonArray *cells,
             int        count)
{
  JsonObject *last = NULL;
  int seen = 0;

  for (guint i = 0; i < json_array_get_length (cells); i++)
    {
      JsonObject *cell = JSON_NODE_HOLDS_OBJECT (json_array_get_element (cells, i))
                           ? json_array_get_object_element (cells, i) : NULL;

      if (cell == NULL || !cell_is_code (cell))
        continue;
      last = cell;
      if (++seen == count)
        return cell;
    }
  if (last != NULL)
    return last;
  last = json_object_new ();
  json_object_set_string_member (last, "cell_type", "code");
  json_object_set_string_member (last, "source", "");
  json_object_set_object_member (last, "metadata", json_object_new ());
  json_array_add_object_element (cells, last);
  return last;
}

static void
attach (JsonArray   *cells,
        LoggedCrash *crash)
{
  JsonObject *cell = target_cell (cells, crash->count);
  JsonObject *output = json_object_new ();
  JsonArray *traceback = json_array_new ();

  for (guint i = 0; i < crash->lines->len; i++)
    json_array_add_string_element (traceback, g_ptr_array_index (crash->lines, i));
  json_object_set_string_member (output, "output_type", "error");
  json_object_set_string_member (output, "ename", crash->ename);
  json_object_set_string_member (output, "evalue", crash->evalue ? crash->evalue : "");
  json_object_set_array_member (output, "traceback", traceback);
  if (_atlas_json_array (cell, "outputs") == NULL)
    json_object_set_array_member (cell, "outputs", json_array_new ());
  json_array_add_object_element (_atlas_json_array (cell, "outputs"), output);
  if (crash->count >= 0)
    json_object_set_int_member (cell, "execution_count", crash->count);
}

GBytes *
_atlas_kaggle_log_to_notebook (const char *log,
                               GBytes     *source)
{
  g_autofree char *text = stderr_text (log);
  g_autoptr(GPtrArray) crashes = text ? find_crashes (text) : NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *cells;
  char *json;

  if (crashes == NULL || crashes->len == 0)
    return NULL;
  root = parse_source (source);
  cells = _atlas_json_array (json_node_get_object (root), "cells");
  for (guint i = 0; i < crashes->len; i++)
    attach (cells, g_ptr_array_index (crashes, i));
  drop_non_finite (root);
  json = json_to_string (root, FALSE);
  return g_bytes_new_take (json, strlen (json));
}

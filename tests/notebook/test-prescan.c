/* test-prescan.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "atlas-notebook-prescan.h"

/* The reduced document of @json. */
static char *
reduce (const char        *json,
        AtlasPrescanFlags  flags)
{
  g_auto(AtlasPrescan) prescan = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) reduced = g_string_new (NULL);

  g_assert_true (atlas_prescan_run (json, strlen (json), flags, &prescan, &error));
  g_assert_no_error (error);
  atlas_prescan_write_reduced (&prescan, json, strlen (json), reduced);
  return g_string_free (g_steal_pointer (&reduced), FALSE);
}

/* The first cell's member @name in the reduced document, parsed by json-glib. */
static JsonNode *
first_cell_member (const char *reduced,
                   const char *name)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonObject *cell;

  json_parser_load_from_data (parser, reduced, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  cell = json_array_get_object_element (json_object_get_array_member (root, "cells"), 0);
  return json_node_copy (json_object_get_member (cell, name));
}

static void
test_source_lines_joined (void)
{
  /* Spaces, commas, escaped quotes and backslashes inside the lines stay;
   * whitespace between the strings goes. */
  g_autofree char *reduced = reduce (
    "{\"cells\": [{\"cell_type\": \"code\", \"source\": [\"a = 1\\n\",\n   \"b = \\\"x, y\\\"\\n\" , \"c = '\\\\\\\\'\"],"
    " \"outputs\": []}]}", ATLAS_PRESCAN_DEFAULT);
  g_autoptr(JsonNode) source = first_cell_member (reduced, "source");

  /* The empty list of outputs goes. */
  g_assert_cmpstr (reduced, ==,
                   "{\"cells\":[{\"cell_type\":\"code\",\"source\":\"a = 1\\nb = \\\"x, y\\\"\\nc = '\\\\\\\\'\"}]}");
  g_assert_cmpstr (json_node_get_string (source), ==, "a = 1\nb = \"x, y\"\nc = '\\\\'");
}

static void
test_source_lines_edge_cases (void)
{
  g_autofree char *empty = reduce ("{\"cells\": [{\"source\": [ ]}]}", ATLAS_PRESCAN_DEFAULT);
  g_autofree char *one = reduce ("{\"cells\": [{\"source\": [\"x\"]}]}", ATLAS_PRESCAN_DEFAULT);
  g_autofree char *v3 = reduce ("{\"worksheets\": [{\"cells\": [{\"input\": [\"a\\n\", \"b\"]}]}]}",
                                ATLAS_PRESCAN_DEFAULT);
  /* Not all strings: the reader judges the list as it is. */
  g_autofree char *mixed = reduce ("{\"cells\": [{\"source\": [\"a\", 1, \"b\"]}]}", ATLAS_PRESCAN_DEFAULT);
  g_autofree char *nested = reduce ("{\"cells\": [{\"source\": [\"a\", [\"b\", \"c\"]]}]}", ATLAS_PRESCAN_DEFAULT);
  /* Only a cell's source: other lists of strings are left alone. */
  g_autofree char *other = reduce ("{\"cells\": [{\"metadata\": {\"tags\": [\"a\", \"b\"]}}]}",
                                   ATLAS_PRESCAN_DEFAULT);

  g_assert_cmpstr (empty, ==, "{\"cells\":[{\"source\":\"\"}]}");
  g_assert_cmpstr (one, ==, "{\"cells\":[{\"source\":\"x\"}]}");
  g_assert_cmpstr (v3, ==, "{\"worksheets\":[{\"cells\":[{\"input\":\"a\\nb\"}]}]}");
  g_assert_cmpstr (mixed, ==, "{\"cells\":[{\"source\":[\"a\",1,\"b\"]}]}");
  g_assert_cmpstr (nested, ==, "{\"cells\":[{\"source\":[\"a\",[\"b\",\"c\"]]}]}");
  g_assert_cmpstr (other, ==, "{\"cells\":[{\"metadata\":{\"tags\":[\"a\",\"b\"]}}]}");
}

#define ERROR_CELL(traceback) \
  "{\"cells\": [{\"cell_type\": \"code\", \"outputs\": [" \
  "{\"output_type\": \"error\", \"ename\": \"E\", \"evalue\": \"\\u001b[1mv\", \"traceback\": " traceback "}]}]}"

static void
test_plain_tracebacks (void)
{
  const char *json = ERROR_CELL ("[\"\\u001b[0;31mValueError\\u001b[0m: bad\", \"\\u001B[38;5;241m1\\u001b[39m\","
                                 " \"a\\\\u001b[0m\", \"\\u001b[K kept\", \"\\u001b[0;31\"]");
  g_autofree char *plain = reduce (json, ATLAS_PRESCAN_PLAIN_TRACEBACKS);
  g_autofree char *coloured = reduce (json, ATLAS_PRESCAN_DEFAULT);

  /* Only SGR codes of the traceback go: an escaped backslash before "u001b"
   * is text, other escapes and the value keep theirs. */
  g_assert_cmpstr (plain, ==,
                   "{\"cells\":[{\"cell_type\":\"code\",\"outputs\":[{\"output_type\":\"error\",\"ename\":\"E\","
                   "\"evalue\":\"\\u001b[1mv\",\"traceback\":[\"ValueError: bad\",\"1\",\"a\\\\u001b[0m\","
                   "\"\\u001b[K kept\",\"\\u001b[0;31\"]}]}]}");
  g_assert_null (strstr (coloured, "ValueError: bad"));
  g_assert_nonnull (strstr (coloured, "\\u001b[0;31mValueError\\u001b[0m: bad"));
}

static void
test_other_outputs_left_out (void)
{
  /* A stream output holding what looks like a traceback is left out whole,
   * with the edits made inside it. */
  g_autofree char *reduced = reduce (
    "{\"cells\": [{\"source\": [\"a\", \"b\"], \"outputs\": ["
    "{\"output_type\": \"stream\", \"traceback\": [\"\\u001b[0mx\"], \"text\": [\"1\", \"2\"]},"
    "{\"output_type\": \"error\", \"traceback\": [\"\\u001b[0mx\"]}]}]}",
    ATLAS_PRESCAN_PLAIN_TRACEBACKS);

  g_assert_cmpstr (reduced, ==,
                   "{\"cells\":[{\"source\":\"ab\",\"outputs\":[null,"
                   "{\"output_type\":\"error\",\"traceback\":[\"x\"]}]}]}");
}

static void
test_edits_reused_across_runs (void)
{
  /* Each thread keeps the edit list of the last result cleared; a result
   * still alive must not share it. */
  const char *a = "{\"cells\": [{\"source\": [\"a\", \"b\"]}]}";
  const char *b = "{\"cells\": [{\"source\": [\"c\", \"d\", \"e\"]}]}";
  g_auto(AtlasPrescan) first = { 0 };
  g_auto(AtlasPrescan) second = { 0 };
  g_autoptr(GString) reduced = g_string_new (NULL);

  g_assert_true (atlas_prescan_run (a, strlen (a), ATLAS_PRESCAN_DEFAULT, &first, NULL));
  g_assert_true (atlas_prescan_run (b, strlen (b), ATLAS_PRESCAN_DEFAULT, &second, NULL));
  g_assert_true (first.edits != second.edits);
  atlas_prescan_write_reduced (&first, a, strlen (a), reduced);
  g_assert_cmpstr (reduced->str, ==, "{\"cells\":[{\"source\":\"ab\"}]}");
  atlas_prescan_clear (&first);
  g_assert_true (atlas_prescan_run (a, strlen (a), ATLAS_PRESCAN_DEFAULT, &first, NULL));
  atlas_prescan_write_reduced (&second, b, strlen (b), reduced);
  g_assert_cmpstr (reduced->str, ==, "{\"cells\":[{\"source\":\"cde\"}]}");
  atlas_prescan_write_reduced (&first, a, strlen (a), reduced);
  g_assert_cmpstr (reduced->str, ==, "{\"cells\":[{\"source\":\"ab\"}]}");
}

static void
test_unread_members_left_out (void)
{
  /* First, middle, last and every member dropped, with their commas. */
  g_autofree char *cells = reduce (
    "{\"cells\": [{\"id\": \"a1\", \"cell_type\": \"code\", \"collapsed\": true, \"source\": \"x\","
    " \"attachments\": {\"i.png\": {}}},"
    " {\"id\": \"b2\", \"metadata\": {\"_uuid\": \"u\", \"trusted\": true}},"
    " {\"metadata\": {\"_uuid\": \"u\"}, \"id\": \"c3\"},"
    " {\"metadata\": {\"scrolled\": true, \"tags\": [\"t\"], \"execution\": {}}}],"
    " \"extra\": [1, 2], \"nbformat\": 4}", ATLAS_PRESCAN_DEFAULT);
  /* The notebook's metadata keeps the kernel's language and papermill's
   * presence; an object with nothing the reader reads goes whole. */
  g_autofree char *metadata = reduce (
    "{\"metadata\": {\"widgets\": {\"state\": {}}, \"kernelspec\": {\"display_name\": \"Python 3\","
    " \"language\": \"python\", \"name\": \"python3\"}, \"language_info\": {\"codemirror_mode\":"
    " {\"name\": \"ipython\"}, \"version\": \"3.9\"}, \"papermill\": {\"parameters\": {\"a\": 1}}},"
    " \"cells\": []}", ATLAS_PRESCAN_DEFAULT);
  g_autofree char *no_metadata = reduce (
    "{\"metadata\": {\"widgets\": {}}, \"cells\": []}", ATLAS_PRESCAN_DEFAULT);

  g_assert_cmpstr (cells, ==,
                   "{\"cells\":[{\"cell_type\":\"code\",\"source\":\"x\"},{},{},"
                   "{\"metadata\":{\"tags\":[\"t\"]}}],\"nbformat\":4}");
  g_assert_cmpstr (metadata, ==,
                   "{\"metadata\":{\"kernelspec\":{\"language\":\"python\"},\"papermill\":null},"
                   "\"cells\":[]}");
  g_assert_cmpstr (no_metadata, ==, "{\"cells\":[]}");
}

/* Random notebooks, reduced by the pre-scan, against the same notebooks
 * pruned on json-glib's tree. */

static const char *
random_word (void)
{
  static const char *words[] = {
    "id", "metadata", "source", "outputs", "tags", "papermill", "name", "language", "x", "",
    "cell_type", "traceback", "execution_count", "kernelspec", "language_info", "status",
  };

  return words[g_test_rand_int_range (0, G_N_ELEMENTS (words))];
}

static JsonNode *random_value (guint depth);

static JsonNode *
random_object (guint depth)
{
  g_autoptr(JsonObject) object = json_object_new ();
  guint n = g_test_rand_int_range (0, 4);

  for (guint i = 0; i < n; i++)
    json_object_set_member (object, random_word (), random_value (depth + 1));
  return json_node_init_object (json_node_alloc (), object);
}

static JsonNode *
random_value (guint depth)
{
  switch (depth < 3 ? g_test_rand_int_range (0, 5) : g_test_rand_int_range (0, 3))
    {
    case 0:
      return json_node_init_string (json_node_alloc (), random_word ());
    case 1:
      return json_node_init_int (json_node_alloc (), g_test_rand_int_range (-5, 50));
    case 2:
      return json_node_init_null (json_node_alloc ());
    case 3:
      {
        g_autoptr(JsonArray) array = json_array_new ();
        guint n = g_test_rand_int_range (0, 4);

        for (guint i = 0; i < n; i++)
          json_array_add_element (array, random_value (depth + 1));
        return json_node_init_array (json_node_alloc (), array);
      }
    default:
      return random_object (depth);
    }
}

static JsonNode *
any_value (const char *name)
{
  return random_value (2);
}

static JsonNode *
string_lines (void)
{
  g_autoptr(JsonArray) lines = json_array_new ();
  guint n = g_test_rand_int_range (0, 4);

  for (guint i = 0; i < n; i++)
    json_array_add_string_element (lines, g_test_rand_bit () ? "a, \"b\"\n" : random_word ());
  return json_node_init_array (json_node_alloc (), lines);
}

/* Members in a random order, each there or not, among random others. */
static JsonNode *
random_members (const char * const *names,
                JsonNode         *(*value) (const char *name))
{
  g_autoptr(JsonObject) object = json_object_new ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_test_rand_bit ())
        json_object_set_member (object, random_word (), random_value (1));
      if (g_test_rand_bit ())
        json_object_set_member (object, names[i], value (names[i]));
    }
  return json_node_init_object (json_node_alloc (), object);
}

static JsonNode *
random_output_member (const char *name)
{
  if (g_str_equal (name, "output_type"))
    return json_node_init_string (json_node_alloc (), g_test_rand_bit () ? "error" : "stream");
  if (g_str_equal (name, "traceback"))
    return string_lines ();
  return any_value (name);
}

static JsonNode *
random_cell_member (const char *name)
{
  static const char * const output_names[] = { "output_type", "ename", "traceback", "text", NULL };
  static const char * const metadata_names[] = { "tags", "papermill", "collapsed", NULL };

  if (g_str_equal (name, "source"))
    return string_lines ();
  if (g_str_equal (name, "metadata"))
    return random_members (metadata_names, any_value);
  if (g_str_equal (name, "outputs"))
    {
      g_autoptr(JsonArray) outputs = json_array_new ();
      guint n = g_test_rand_int_range (0, 3);

      for (guint i = 0; i < n; i++)
        json_array_add_element (outputs, random_members (output_names, random_output_member));
      return json_node_init_array (json_node_alloc (), outputs);
    }
  return any_value (name);
}

static JsonNode *
random_metadata_member (const char *name)
{
  static const char * const kernelspec_names[] = { "name", "language", "display_name", NULL };

  if (g_str_equal (name, "kernelspec") || g_str_equal (name, "language_info"))
    return random_members (kernelspec_names, any_value);
  return random_value (1);
}

static JsonNode *
random_root_member (const char *name)
{
  static const char * const cell_names[] = {
    "id", "cell_type", "metadata", "source", "execution_count", "outputs", NULL,
  };
  static const char * const metadata_names[] = { "kernelspec", "language_info", "papermill", "widgets", NULL };

  if (g_str_equal (name, "cells"))
    {
      g_autoptr(JsonArray) cells = json_array_new ();
      guint n = g_test_rand_int_range (0, 4);

      for (guint i = 0; i < n; i++)
        json_array_add_element (cells, random_members (cell_names, random_cell_member));
      return json_node_init_array (json_node_alloc (), cells);
    }
  if (g_str_equal (name, "metadata"))
    return random_members (metadata_names, random_metadata_member);
  return random_value (1);
}

/* The oracle: @object without the members not in @keep, objects among
 * @prunable that end up empty going too. */
static void
keep_only (JsonObject         *object,
           const char * const *keep)
{
  g_autoptr(GList) names = json_object_get_members (object);

  for (GList *l = names; l != NULL; l = l->next)
    if (!g_strv_contains (keep, l->data))
      json_object_remove_member (object, l->data);
}

static gboolean
prune_object_member (JsonObject         *parent,
                     const char         *name,
                     const char * const *keep)
{
  JsonNode *node = json_object_get_member (parent, name);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;
  keep_only (json_node_get_object (node), keep);
  if (json_object_get_size (json_node_get_object (node)) == 0)
    json_object_remove_member (parent, name);
  return TRUE;
}

static void
join_lines (JsonObject *cell)
{
  JsonNode *source = json_object_get_member (cell, "source");
  g_autoptr(GString) joined = g_string_new (NULL);
  JsonArray *lines;

  if (source == NULL || !JSON_NODE_HOLDS_ARRAY (source))
    return;
  lines = json_node_get_array (source);
  for (guint i = 0; i < json_array_get_length (lines); i++)
    {
      JsonNode *line = json_array_get_element (lines, i);

      /* Lists that are not all strings stay as they are. */
      if (!JSON_NODE_HOLDS_VALUE (line) || json_node_get_value_type (line) != G_TYPE_STRING)
        return;
      g_string_append (joined, json_node_get_string (line));
    }
  json_object_set_string_member (cell, "source", joined->str);
}

static void
prune_cell (JsonObject *cell)
{
  static const char * const cell_keys[] = {
    "cell_type", "source", "input", "metadata", "execution_count", "prompt_number", "outputs", "level", NULL,
  };
  static const char * const cell_metadata_keys[] = { "tags", "papermill", NULL };
  static const char * const output_keys[] = { "output_type", "ename", "evalue", "traceback", NULL };
  JsonNode *outputs;

  keep_only (cell, cell_keys);
  prune_object_member (cell, "metadata", cell_metadata_keys);
  join_lines (cell);
  outputs = json_object_get_member (cell, "outputs");
  for (guint i = 0; outputs != NULL && JSON_NODE_HOLDS_ARRAY (outputs) &&
                    i < json_array_get_length (json_node_get_array (outputs)); i++)
    {
      JsonNode *output = json_array_get_element (json_node_get_array (outputs), i);
      JsonObject *object = JSON_NODE_HOLDS_OBJECT (output) ? json_node_get_object (output) : NULL;

      /* Outputs that are not objects are the reader's to judge. */
      if (object == NULL)
        continue;
      if (g_strcmp0 (json_object_get_string_member_with_default (object, "output_type", NULL), "error") == 0)
        keep_only (object, output_keys);
      else
        json_node_init_null (output);
    }
  if (outputs != NULL && JSON_NODE_HOLDS_ARRAY (outputs) && json_array_get_length (json_node_get_array (outputs)) == 0)
    json_object_remove_member (cell, "outputs");
}

static void
prune_notebook (JsonObject *root)
{
  static const char * const root_keys[] = { "cells", "worksheets", "metadata", "nbformat", "nbformat_minor", NULL };
  static const char * const metadata_keys[] = { "kernelspec", "language_info", "papermill", NULL };
  static const char * const kernelspec_keys[] = { "language", NULL };
  static const char * const language_info_keys[] = { "name", NULL };
  JsonNode *metadata_node;
  JsonArray *cells;

  keep_only (root, root_keys);
  metadata_node = json_object_get_member (root, "metadata");
  if (metadata_node != NULL && JSON_NODE_HOLDS_OBJECT (metadata_node))
    {
      JsonObject *metadata = json_node_get_object (metadata_node);

      keep_only (metadata, metadata_keys);
      prune_object_member (metadata, "kernelspec", kernelspec_keys);
      prune_object_member (metadata, "language_info", language_info_keys);
      if (json_object_has_member (metadata, "papermill"))
        json_object_set_null_member (metadata, "papermill");
      if (json_object_get_size (metadata) == 0)
        json_object_remove_member (root, "metadata");
    }
  cells = json_object_get_array_member (root, "cells");
  for (guint i = 0; i < json_array_get_length (cells); i++)
    if (JSON_NODE_HOLDS_OBJECT (json_array_get_element (cells, i)))
      prune_cell (json_array_get_object_element (cells, i));
}

static void
test_reduced_matches_pruned_tree (void)
{
  static const char * const root_names[] = { "metadata", "cells", "nbformat", NULL };

  for (guint n = 0; n < 2000; n++)
    {
      g_autoptr(JsonNode) notebook = NULL;
      g_autoptr(JsonNode) reduced_root = NULL;
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *json = NULL;
      g_autofree char *reduced = NULL;

      do
        {
          g_clear_pointer (&notebook, json_node_unref);
          notebook = random_members (root_names, random_root_member);
        }
      while (!json_object_has_member (json_node_get_object (notebook), "cells"));

      json = json_to_string (notebook, g_test_rand_bit ());
      reduced = reduce (json, ATLAS_PRESCAN_DEFAULT);
      json_parser_load_from_data (parser, reduced, -1, &error);
      g_assert_no_error (error);
      reduced_root = json_node_copy (json_parser_get_root (parser));

      prune_notebook (json_node_get_object (notebook));
      if (!json_node_equal (notebook, reduced_root))
        {
          g_autofree char *expected = json_to_string (notebook, FALSE);

          g_test_message ("notebook: %s", json);
          g_assert_cmpstr (reduced, ==, expected);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Atlas/Prescan/source-lines-joined", test_source_lines_joined);
  g_test_add_func ("/Atlas/Prescan/source-lines-edge-cases", test_source_lines_edge_cases);
  g_test_add_func ("/Atlas/Prescan/plain-tracebacks", test_plain_tracebacks);
  g_test_add_func ("/Atlas/Prescan/other-outputs-left-out", test_other_outputs_left_out);
  g_test_add_func ("/Atlas/Prescan/edits-reused-across-runs", test_edits_reused_across_runs);
  g_test_add_func ("/Atlas/Prescan/unread-members-left-out", test_unread_members_left_out);
  g_test_add_func ("/Atlas/Prescan/reduced-matches-pruned-tree", test_reduced_matches_pruned_tree);

  return g_test_run ();
}

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

  g_assert_cmpstr (reduced, ==,
                   "{\"cells\":[{\"cell_type\":\"code\",\"source\":\"a = 1\\nb = \\\"x, y\\\"\\nc = '\\\\\\\\'\","
                   "\"outputs\":[]}]}");
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
  g_autofree char *other = reduce ("{\"cells\": [{\"tags\": [\"a\", \"b\"]}], \"source\": [\"a\", \"b\"]}",
                                   ATLAS_PRESCAN_DEFAULT);

  g_assert_cmpstr (empty, ==, "{\"cells\":[{\"source\":\"\"}]}");
  g_assert_cmpstr (one, ==, "{\"cells\":[{\"source\":\"x\"}]}");
  g_assert_cmpstr (v3, ==, "{\"worksheets\":[{\"cells\":[{\"input\":\"a\\nb\"}]}]}");
  g_assert_cmpstr (mixed, ==, "{\"cells\":[{\"source\":[\"a\",1,\"b\"]}]}");
  g_assert_cmpstr (nested, ==, "{\"cells\":[{\"source\":[\"a\",[\"b\",\"c\"]]}]}");
  g_assert_cmpstr (other, ==, "{\"cells\":[{\"tags\":[\"a\",\"b\"]}],\"source\":[\"a\",\"b\"]}");
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

  return g_test_run ();
}

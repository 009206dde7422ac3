/* test-cli-scan.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include "atlas-test.h"

/* End-to-end checks of `crash-atlas scan` on a folder of good and broken
 * notebooks that the test writes itself. */

typedef struct
{
  char *dir;
} Corpus;

static const char *crash_atlas;

static char *
error_output (const char *ename,
              const char *evalue,
              const char *traceback_json)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "output_type");
  json_builder_add_string_value (builder, "error");
  json_builder_set_member_name (builder, "ename");
  json_builder_add_string_value (builder, ename);
  json_builder_set_member_name (builder, "evalue");
  json_builder_add_string_value (builder, evalue);
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);

  {
    g_autofree char *text = json_to_string (node, FALSE);

    /* Splice the traceback array in as raw JSON (it may be huge). */
    text[strlen (text) - 1] = '\0';
    return g_strdup_printf ("%s,\"traceback\":%s}", text, traceback_json);
  }
}

static char *
notebook_with (const char *cells_json)
{
  return g_strdup_printf ("{\"nbformat\": 4, \"nbformat_minor\": 4, \"metadata\": {}, \"cells\": [%s]}",
                          cells_json);
}

static char *
code_cell (int         count,
           const char *source,
           const char *outputs_json)
{
  g_autoptr(JsonNode) src = json_node_new (JSON_NODE_VALUE);
  g_autofree char *src_json = NULL;

  json_node_set_string (src, source);
  src_json = json_to_string (src, FALSE);
  return g_strdup_printf ("{\"cell_type\": \"code\", \"execution_count\": %d, \"metadata\": {},"
                          " \"source\": %s, \"outputs\": [%s]}", count, src_json, outputs_json);
}

static void
write_file (const char *dir,
            const char *name,
            const char *data,
            gssize      len)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);
}

static void
write_good_notebooks (const char *dir)
{
  g_autofree char *err1 = error_output ("KeyError", "'price'", "[\"KeyError: 'price'\"]");
  g_autofree char *err2 = error_output ("NameError", "name 'model' is not defined", "[]");
  g_autofree char *c1 = code_cell (1, "import pandas as pd", "");
  g_autofree char *c2 = code_cell (2, "df['price']", err1);
  g_autofree char *c3 = code_cell (3, "model.fit(X)", err2);
  g_autofree char *cells = g_strjoin (",", c1, c2, c3, NULL);
  g_autofree char *nb = notebook_with (cells);

  write_file (dir, "good-two-crashes.ipynb", nb, -1);
  {
    g_autofree char *clean = notebook_with (c1);
    write_file (dir, "good-clean.ipynb", clean, -1);
  }
}

static void
write_damaged_but_readable (const char *dir)
{
  /* Wrong types in every field the reader looks at. */
  write_file (dir, "wrong-types.ipynb",
              "{\"nbformat\": \"4\", \"nbformat_minor\": [], \"metadata\": 3, \"cells\": ["
              "1, \"x\", null, {\"cell_type\": [], \"source\": 5, \"outputs\": \"no\"},"
              "{\"cell_type\": \"code\", \"execution_count\": {}, \"metadata\": [], \"source\": [null, 2, \"y\"],"
              " \"outputs\": [7, {\"output_type\": \"error\", \"ename\": [], \"evalue\": {}, \"traceback\": [1, \"T\"]}]}]}",
              -1);
  /* Bytes that are not UTF-8 inside strings. */
  write_file (dir, "invalid-utf8.ipynb",
              "{\"nbformat\": 4, \"nbformat_minor\": 2, \"metadata\": {}, \"cells\": ["
              "{\"cell_type\": \"code\", \"execution_count\": 1, \"source\": \"x = '\xff\xfe'\","
              " \"outputs\": [{\"output_type\": \"error\", \"ename\": \"ValueError\", \"evalue\": \"bad \xc3\","
              " \"traceback\": []}]}]}", -1);
  /* An output type nobody knows is kept out of the way. */
  write_file (dir, "unknown-output.ipynb",
              "{\"nbformat\": 4, \"nbformat_minor\": 2, \"metadata\": {}, \"cells\": ["
              "{\"cell_type\": \"code\", \"execution_count\": 1, \"source\": \"f()\", \"outputs\": ["
              "{\"output_type\": \"hologram\", \"data\": {\"x/y\": [1, 2]}},"
              "{\"output_type\": \"error\", \"ename\": \"TypeError\", \"evalue\": \"f() missing 1 required positional argument: 'x'\","
              " \"traceback\": []}]}]}", -1);
}

static void
write_markup (const char *dir)
{
  g_autofree char *err = error_output ("<b>Bold</b>Error", "%s & %n <i>x</i> &amp;", "[\"<b>%s</b>\"]");
  g_autofree char *cell = code_cell (4, "print('<b>')", err);
  g_autofree char *nb = notebook_with (cell);

  write_file (dir, "markup.ipynb", nb, -1);
}

static void
write_long_traceback (const char *dir)
{
  g_autoptr(GString) tb = g_string_new ("[");
  g_autofree char *err = NULL;
  g_autofree char *cell = NULL;
  g_autofree char *nb = NULL;

  for (guint i = 0; i < 10000; i++)
    g_string_append_printf (tb, "%s\"File /usr/lib/python3/site-packages/pkg/mod.py:%u, in f%u(x)\\n----> %u f(x)\"",
                            i ? "," : "", i + 1, i, i + 1);
  g_string_append (tb, ",\"RecursionError: maximum recursion depth exceeded\"]");
  err = error_output ("RecursionError", "maximum recursion depth exceeded", tb->str);
  cell = code_cell (9, "f(1)", err);
  nb = notebook_with (cell);
  write_file (dir, "long-traceback.ipynb", nb, -1);
}

/* 40 MB, nearly all of it base64 image data, with the crash after it. */
static void
write_big (const char *dir)
{
  g_autoptr(GString) nb = g_string_new (
    "{\"nbformat\": 4, \"nbformat_minor\": 4, \"metadata\": {}, \"cells\": [");
  g_autofree char *err = error_output ("MemoryError", "Unable to allocate 3.2 GiB", "[]");
  g_autofree char *crash_cell = code_cell (41, "np.zeros((1 << 30,))", err);
  g_autofree guchar *raw = g_malloc (3 * 1024 * 1024);
  g_autofree char *image = NULL;

  for (gsize i = 0; i < 3 * 1024 * 1024; i++)
    raw[i] = (guchar)(i * 2654435761u >> 13);
  image = g_base64_encode (raw, 3 * 1024 * 1024);

  for (guint i = 0; i < 10; i++)
    g_string_append_printf (nb, "{\"cell_type\": \"code\", \"execution_count\": %u, \"metadata\": {},"
                            " \"source\": \"plt.show()\", \"outputs\": [{\"output_type\": \"display_data\","
                            " \"metadata\": {}, \"data\": {\"image/png\": \"%s\", \"text/plain\": [\"<Figure>\"]}}]},",
                            i + 1, image);
  g_string_append_printf (nb, "%s]}", crash_cell);
  g_assert_cmpuint (nb->len, >, 40 * 1000 * 1000);
  write_file (dir, "big.ipynb", nb->str, nb->len);
}

static void
write_broken (const char *dir)
{
  g_autoptr(GString) deep = g_string_new (NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  guchar random_bytes[4096];

  write_file (dir, "empty.ipynb", "", 0);
  write_file (dir, "not-json.ipynb", "This is a notebook, honest.\n", -1);
  write_file (dir, "truncated.ipynb", "{\"nbformat\": 4, \"cells\": [{\"cell_type\": \"code\", \"source\": \"x", -1);
  write_file (dir, "array.ipynb", "[{\"cells\": []}]", -1);
  write_file (dir, "string.ipynb", "\"{\\\"cells\\\": []}\"", -1);
  for (guint i = 0; i < sizeof random_bytes; i++)
    random_bytes[i] = g_rand_int_range (rand, 0, 256);
  random_bytes[0] = 0x89;  /* never a JSON start */
  write_file (dir, "random.ipynb", (const char *)random_bytes, sizeof random_bytes);
  for (guint i = 0; i < 200000; i++)
    g_string_append_c (deep, '[');
  write_file (dir, "deep.ipynb", deep->str, deep->len);
}

static const char *broken_names[] = {
  "empty.ipynb", "not-json.ipynb", "truncated.ipynb", "array.ipynb", "string.ipynb",
  "random.ipynb", "deep.ipynb",
};

static void
corpus_setup (Corpus        *corpus,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  corpus->dir = g_dir_make_tmp ("atlas-cli-XXXXXX", &error);
  g_assert_no_error (error);
  write_good_notebooks (corpus->dir);
  write_damaged_but_readable (corpus->dir);
  write_markup (corpus->dir);
  write_long_traceback (corpus->dir);
  write_big (corpus->dir);
  write_broken (corpus->dir);
}

static void
corpus_teardown (Corpus        *corpus,
                 gconstpointer  data)
{
  atlas_test_remove_tree (corpus->dir);
  g_free (corpus->dir);
}

static int
run_scan (const char * const *args,
          char              **out,
          char              **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (gpointer)"scan");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer)args[i]);
  g_ptr_array_add (argv, NULL);
  return atlas_test_run_cli ((const char * const *)argv->pdata, NULL, out, err);
}

static GPtrArray *
parse_records (const char *jsonl)
{
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify)json_node_unref);
  g_auto(GStrv) lines = g_strsplit (jsonl, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      JsonNode *node;

      if (lines[i][0] == '\0')
        continue;
      node = json_from_string (lines[i], &error);
      g_assert_no_error (error);
      g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
      g_ptr_array_add (records, node);
    }
  return records;
}

static guint
count_records_of (GPtrArray  *records,
                  const char *suffix)
{
  guint n = 0;

  for (guint i = 0; i < records->len; i++)
    {
      JsonObject *o = json_node_get_object (g_ptr_array_index (records, i));

      if (g_str_has_suffix (json_object_get_string_member (o, "notebook"), suffix))
        n++;
    }
  return n;
}

static JsonObject *
record_of (GPtrArray  *records,
           const char *suffix)
{
  for (guint i = 0; i < records->len; i++)
    {
      JsonObject *o = json_node_get_object (g_ptr_array_index (records, i));

      if (g_str_has_suffix (json_object_get_string_member (o, "notebook"), suffix))
        return o;
    }
  g_assert_not_reached ();
}

static void
test_malformed_folder (Corpus        *corpus,
                       gconstpointer  data)
{
  const char *args[] = { "--jobs", "2", corpus->dir, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GPtrArray) records = NULL;
  JsonObject *markup;

  g_assert_cmpint (run_scan (args, &out, &err), ==, 1);
  records = parse_records (out);

  /* Each broken file is named on stderr with a reason. */
  for (guint i = 0; i < G_N_ELEMENTS (broken_names); i++)
    {
      g_autofree char *needle = g_strdup_printf ("%s: ", broken_names[i]);

      g_test_message ("stderr should name %s", broken_names[i]);
      g_assert_nonnull (strstr (err, needle));
      g_assert_cmpuint (count_records_of (records, broken_names[i]), ==, 0);
    }
  g_assert_nonnull (strstr (err, "empty.ipynb: The file is empty"));
  g_assert_nonnull (strstr (err, "truncated.ipynb: JSON ends early"));
  g_assert_nonnull (strstr (err, "deep.ipynb: Nested too deeply"));
  g_assert_nonnull (strstr (err, "array.ipynb: not a notebook (a JSON array)"));

  /* Every good and damaged-but-readable notebook yields its crashes. */
  g_assert_cmpuint (count_records_of (records, "good-two-crashes.ipynb"), ==, 2);
  g_assert_cmpuint (count_records_of (records, "good-clean.ipynb"), ==, 0);
  g_assert_cmpuint (count_records_of (records, "wrong-types.ipynb"), ==, 1);
  g_assert_cmpuint (count_records_of (records, "invalid-utf8.ipynb"), ==, 1);
  g_assert_cmpuint (count_records_of (records, "unknown-output.ipynb"), ==, 1);
  g_assert_cmpuint (count_records_of (records, "long-traceback.ipynb"), ==, 1);
  g_assert_cmpuint (count_records_of (records, "big.ipynb"), ==, 1);
  g_assert_cmpuint (count_records_of (records, "markup.ipynb"), ==, 1);
  g_assert_cmpuint (records->len, ==, 8);

  g_assert_cmpint (json_object_get_int_member (record_of (records, "big.ipynb"), "cell"), ==, 10);
  g_assert_cmpstr (json_object_get_string_member (record_of (records, "unknown-output.ipynb"), "ename"), ==, "TypeError");

  /* Markup-like text comes out exactly as written. */
  markup = record_of (records, "markup.ipynb");
  g_assert_cmpstr (json_object_get_string_member (markup, "ename"), ==, "<b>Bold</b>Error");
  g_assert_cmpstr (json_object_get_string_member (markup, "evalue"), ==, "%s & %n <i>x</i> &amp;");
}

static void
test_jobs_do_not_change_output (Corpus        *corpus,
                                gconstpointer  data)
{
  const char *one[] = { "--jobs", "1", corpus->dir, NULL };
  const char *two[] = { "--jobs", "2", corpus->dir, NULL };
  const char *csv1[] = { "--jobs", "1", "--format", "csv", corpus->dir, NULL };
  const char *csv2[] = { "--jobs", "2", "--format", "csv", corpus->dir, NULL };
  g_autofree char *out1 = NULL, *out2 = NULL, *err1 = NULL, *err2 = NULL;
  g_autofree char *c1 = NULL, *c2 = NULL, *e3 = NULL, *e4 = NULL;

  run_scan (one, &out1, &err1);
  run_scan (two, &out2, &err2);
  g_assert_cmpstr (out1, ==, out2);
  g_assert_cmpstr (err1, ==, err2);
  run_scan (csv1, &c1, &e3);
  run_scan (csv2, &c2, &e4);
  g_assert_cmpstr (c1, ==, c2);
  g_assert_true (g_str_has_prefix (c1, "notebook,platform,url,cell,"));
}

static void
test_exit_status (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *usage[] = { "--format", "yaml", "x", NULL };
  const char *no_paths[] = { NULL };

  dir = g_dir_make_tmp ("atlas-cli-ok-XXXXXX", &error);
  g_assert_no_error (error);
  write_good_notebooks (dir);

  {
    const char *ok[] = { "--platform", "kaggle", dir, NULL };
    g_autoptr(GPtrArray) records = NULL;

    g_assert_cmpint (run_scan (ok, &out, &err), ==, 0);
    records = parse_records (out);
    g_assert_cmpuint (records->len, ==, 2);
    g_assert_cmpstr (json_object_get_string_member (record_of (records, "good-two-crashes.ipynb"), "platform"),
                     ==, "kaggle");
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }

  g_assert_cmpint (run_scan (usage, &out, &err), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_scan (no_paths, &out, &err), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  {
    const char *missing[] = { dir, "/nonexistent/notebook.ipynb", NULL };

    g_assert_cmpint (run_scan (missing, &out, &err), ==, 1);
    g_assert_nonnull (strstr (err, "/nonexistent/notebook.ipynb"));
    g_assert_cmpuint (strlen (out), >, 0);
  }

  atlas_test_remove_tree (dir);
}

static void
test_summary (Corpus        *corpus,
              gconstpointer  data)
{
  const char *args[] = { "--format", "summary", corpus->dir, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_scan (args, &out, &err), ==, 1);
  g_assert_nonnull (strstr (out, "Crashes: 8 in 7 notebooks"));
  g_assert_nonnull (strstr (out, "7 unreadable"));
  g_assert_nonnull (strstr (out, "KeyError"));
}

/* Notebooks without a crash are checked, not parsed, but the summary still
 * tells those that ran from those never run; a folder without notebooks is
 * named, and the others are still scanned. */
static void
test_crash_free_and_empty_folders (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("atlas-cli-quiet-XXXXXX", &error);
  g_autofree char *empty = g_build_filename (dir, "empty", NULL);
  g_autofree char *ran = code_cell (1, "print(1)", "{\"output_type\": \"stream\", \"name\": \"stdout\", \"text\": \"1\"}");
  g_autofree char *ran_nb = notebook_with (ran);
  g_autofree char *crash = error_output ("ZeroDivisionError", "division by zero", "[]");
  g_autofree char *crash_cell = code_cell (2, "1/0", crash);
  g_autofree char *crash_nb = notebook_with (crash_cell);
  const char *never_nb =
    "{\"nbformat\": 4, \"nbformat_minor\": 2, \"metadata\": {}, \"cells\": ["
    "{\"cell_type\": \"code\", \"execution_count\": null, \"metadata\": {}, \"source\": \"x = 1\", \"outputs\": []}]}";
  const char *never_v3 =
    "{\"nbformat\": 3, \"metadata\": {}, \"worksheets\": [{\"cells\": ["
    "{\"cell_type\": \"code\", \"input\": \"x = 1\", \"outputs\": []}]}]}";
  const char *args[] = { "--format", "summary", dir, empty, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_no_error (error);
  g_mkdir (empty, 0700);
  write_file (dir, "ran.ipynb", ran_nb, -1);
  write_file (dir, "crash.ipynb", crash_nb, -1);
  write_file (dir, "never.ipynb", never_nb, -1);
  write_file (dir, "never-v3.ipynb", never_v3, -1);

  /* a folder without notebooks is named, but nothing was unreadable */
  g_assert_cmpint (run_scan (args, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "Notebooks: 4 read, 0 unreadable, 2 never executed"));
  g_assert_nonnull (strstr (out, "Crashes: 1 in 1 notebook\n"));
  g_assert_nonnull (strstr (err, "empty: no notebooks (*.ipynb) in this folder"));

  atlas_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  crash_atlas = g_getenv ("CRASH_ATLAS");
  if (crash_atlas == NULL)
    {
      g_printerr ("CRASH_ATLAS is not set\n");
      return 77;
    }

  g_test_add ("/Atlas/Cli/Scan/malformed-folder", Corpus, NULL,
              corpus_setup, test_malformed_folder, corpus_teardown);
  g_test_add ("/Atlas/Cli/Scan/jobs-do-not-change-output", Corpus, NULL,
              corpus_setup, test_jobs_do_not_change_output, corpus_teardown);
  g_test_add ("/Atlas/Cli/Scan/summary", Corpus, NULL,
              corpus_setup, test_summary, corpus_teardown);
  g_test_add_func ("/Atlas/Cli/Scan/exit-status", test_exit_status);
  g_test_add_func ("/Atlas/Cli/Scan/crash-free-and-empty-folders", test_crash_free_and_empty_folders);

  return g_test_run ();
}

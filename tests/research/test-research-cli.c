/* test-research-cli.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "atlas-store-labels.h"

/* `crash-atlas sample`, `labels import|export` and `agreement` end to end
 * on the demo corpus. */

typedef struct
{
  char *dir;
  char *db;
} Fixture;

static char *
run (const char  *cwd,
     int          expected_status,
     char       **stderr_text,
     const char  *first_arg,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;
  va_list args;

  g_ptr_array_add (argv, (gpointer)g_getenv ("CRASH_ATLAS"));
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (cwd, (char **)argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL) || expected_status != 0)
    {
      g_test_message ("stderr: %s", err);
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, expected_status);
    }
  if (stderr_text != NULL)
    *stderr_text = g_steal_pointer (&err);
  return out;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;

  f->dir = g_dir_make_tmp ("atlas-research-cli-XXXXXX", &error);
  g_assert_no_error (error);
  f->db = g_build_filename (f->dir, "demo.crashatlas", NULL);
  /* From inside the demo folder, so that locations read as labels.jsonl names them. */
  out = run (g_getenv ("CRASH_ATLAS_DEMO_DIR"), 0, NULL, "scan", "--db", f->db, "kaggle", "github", NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->db);
}

static GPtrArray *
read_sample (const char *db,
             char      **design)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_open_existing (db, &error);
  GPtrArray *sample;

  g_assert_no_error (error);
  sample = atlas_store_dup_sample (store, design, NULL, &error);
  g_assert_no_error (error);
  return sample;
}

static void
test_sample (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *first = NULL;
  g_autofree char *again = NULL;
  g_autofree char *other = NULL;
  g_autofree char *by_platform = NULL;
  g_autofree char *design = NULL;
  g_autoptr(GPtrArray) a = NULL;
  g_autoptr(GPtrArray) b = NULL;
  g_autoptr(GPtrArray) c = NULL;
  g_autoptr(GPtrArray) p = NULL;
  g_autoptr(GHashTable) platforms = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean differs = FALSE;

  first = run (NULL, 0, NULL, "sample", "--db", f->db, "--size", "20", "--seed", "5", NULL);
  g_assert_nonnull (strstr (first, "Drew 20 crashes of 73"));
  a = read_sample (f->db, NULL);
  again = run (NULL, 0, NULL, "sample", "--db", f->db, "--size", "20", "--seed", "5", NULL);
  b = read_sample (f->db, &design);
  g_assert_cmpstr (design, ==, "cluster");
  other = run (NULL, 0, NULL, "sample", "--db", f->db, "--size", "20", "--seed", "6", NULL);
  c = read_sample (f->db, NULL);

  g_assert_cmpuint (a->len, ==, 20);
  g_assert_cmpuint (b->len, ==, 20);
  for (guint i = 0; i < a->len; i++)
    {
      AtlasSampleItem *x = g_ptr_array_index (a, i), *y = g_ptr_array_index (b, i), *z = g_ptr_array_index (c, i);

      g_assert_cmpstr (x->location, ==, y->location);
      g_assert_cmpuint (x->cell, ==, y->cell);
      g_assert_true (g_str_has_prefix (x->stratum, "cluster "));
      differs |= !g_str_equal (x->location, z->location) || x->cell != z->cell;
    }
  g_assert_true (differs);

  by_platform = run (NULL, 0, NULL, "sample", "--db", f->db, "--size", "10", "--by", "platform", NULL);
  p = read_sample (f->db, NULL);
  for (guint i = 0; i < p->len; i++)
    g_hash_table_add (platforms, ((AtlasSampleItem *)g_ptr_array_index (p, i))->stratum);
  /* The demo's two folders are declared Kaggle and GitHub: two strata. */
  g_assert_cmpuint (p->len, ==, 10);
  g_assert_cmpuint (g_hash_table_size (platforms), ==, 2);
  g_assert_true (g_hash_table_contains (platforms, "kaggle"));
  g_assert_true (g_hash_table_contains (platforms, "github"));

  g_free (run (NULL, 2, NULL, "sample", "--db", f->db, "--size", "0", NULL));
  g_free (run (NULL, 2, NULL, "sample", "--db", f->db, "--size", "5", "--by", "notebook", NULL));
}

static void
test_import_export_agreement (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *labels = g_build_filename (g_getenv ("CRASH_ATLAS_DEMO_DIR"), "labels.jsonl", NULL);
  g_autofree char *bad = g_build_filename (f->dir, "bad.csv", NULL);
  g_autofree char *csv_path = g_build_filename (f->dir, "author.csv", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *json = NULL;
  g_autofree char *text = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root, *stage;
  g_auto(GStrv) lines = NULL;

  out = run (NULL, 0, NULL, "labels", "import", "--db", f->db, "--rater", "author", labels, NULL);
  g_assert_nonnull (strstr (out, "73 labels imported for author; 0 rows left out"));

  g_assert_true (g_file_set_contents (bad,
    "notebook,cell,crash_type,stage\n"
    "kaggle/titanic-random-forest-baseline.ipynb,7,KEY,TRAIN\n"
    "kaggle/titanic-random-forest-baseline.ipynb,8,KEY,TRAIN\n"
    "kaggle/no-such-notebook.ipynb,0,KEY,TRAIN\n"
    "kaggle/titanic-random-forest-baseline.ipynb,12,KEY,TRAINING\n", -1, NULL));
  g_clear_pointer (&out, g_free);
  out = run (NULL, 1, &err, "labels", "import", "--db", f->db, "--rater", "bob", bad, NULL);
  g_assert_nonnull (strstr (err, "bad.csv:3: kaggle/titanic-random-forest-baseline.ipynb cell 8 matches no crash"));
  g_assert_nonnull (strstr (err, "bad.csv:4: kaggle/no-such-notebook.ipynb cell 0 matches no crash"));
  g_assert_nonnull (strstr (err, "bad.csv:5:"));
  g_assert_nonnull (strstr (err, "TRAINING"));
  g_assert_nonnull (strstr (out, "1 label imported for bob; 3 rows left out"));

  exported = run (NULL, 0, NULL, "labels", "export", "--db", f->db, "--rater", "author",
                  "--output", csv_path, NULL);
  g_assert_true (g_file_get_contents (csv_path, &text, NULL, NULL));
  lines = g_strsplit (text, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "notebook,cell,crash_type,root_cause,root_cause_detail,ml_bug,stage,library,rater,note");
  g_assert_cmpuint (g_strv_length (lines), ==, 75);  /* header, 73 rows, "" after the last newline */

  json = run (NULL, 0, NULL, "agreement", "--db", f->db, "--rater", "author", "--rater", "bob",
              "--format", "json", NULL);
  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  stage = json_object_get_object_member (root, "stage");
  g_assert_cmpint (json_object_get_int_member (stage, "n"), ==, 1);
  /* The demo's author put cell 7 in DATAP, bob in TRAIN: one disagreement. */
  g_assert_cmpfloat (json_object_get_double_member (stage, "agreement"), ==, 0.0);
  g_assert_true (json_object_has_member (stage, "kappa"));
  g_assert_true (json_object_has_member (stage, "kappa_ci"));
  g_assert_true (json_object_has_member (stage, "confusion"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "disagreements")), ==, 1);

  g_clear_pointer (&json, g_free);
  json = run (NULL, 0, NULL, "agreement", "--db", f->db, "--rater", "author", "--automatic",
              "--format", "json", NULL);
  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_int_member (root, "n_crashes"), ==, 73);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (root, "crash_type"), "n"), ==, 73);

  g_clear_pointer (&out, g_free);
  out = run (NULL, 0, NULL, "agreement", "--db", f->db, "--rater", "author", "--automatic", NULL);
  g_assert_nonnull (strstr (out, "Agreement of author and automatic on 73 crashes"));
  g_free (run (NULL, 2, NULL, "agreement", "--db", f->db, "--rater", "author", NULL));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/research-cli/sample", Fixture, NULL, fixture_setup, test_sample, fixture_teardown);
  g_test_add ("/research-cli/labels-and-agreement", Fixture, NULL, fixture_setup,
              test_import_export_agreement, fixture_teardown);
  return g_test_run ();
}

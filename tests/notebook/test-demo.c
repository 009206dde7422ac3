/* test-demo.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "atlas-demo.h"
#include "atlas-scanner.h"
#include "atlas-taxonomy.h"

/* The bundled demo corpus is what a new user sees first: every crash its
 * authors wrote must be found at the cell they meant, and together the
 * crashes must cover the whole taxonomy. */

static void
collect_cb (AtlasScanResult *result,
            gpointer         user_data)
{
  GHashTable *found = user_data;
  GPtrArray *crashes;

  g_assert_no_error (result->error);
  crashes = atlas_notebook_get_crashes (result->notebook);
  for (guint i = 0; i < crashes->len; i++)
    {
      AtlasCrash *crash = g_ptr_array_index (crashes, i);

      g_hash_table_add (found, g_strdup_printf ("%s#%u", atlas_crash_get_location (crash),
                                                atlas_crash_get_cell (crash)));
    }
}

static void
test_demo_crashes_found (void)
{
  g_autofree char *dir = atlas_demo_find_dir ();
  g_autofree char *labels_path = g_build_filename (dir, "labels.jsonl", NULL);
  g_autoptr(GHashTable) found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) seen_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(AtlasScanner) scanner = atlas_scanner_new (2);
  g_autoptr(GError) error = NULL;
  g_autofree char *labels = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_labels = 0;

  g_assert_true (atlas_scanner_add_path (scanner, dir, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (atlas_scanner_get_n_inputs (scanner), >=, 40);
  g_assert_cmpuint (atlas_scanner_get_n_inputs (scanner), <=, 80);
  g_assert_true (atlas_scanner_run (scanner, collect_cb, found, NULL, &error));

  g_file_get_contents (labels_path, &labels, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (labels, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(JsonNode) node = NULL;
      g_autofree char *key = NULL;
      g_autofree char *path = NULL;
      JsonObject *label;

      if (lines[i][0] == '\0')
        continue;
      node = json_from_string (lines[i], &error);
      g_assert_no_error (error);
      label = json_node_get_object (node);
      path = g_build_filename (dir, json_object_get_string_member (label, "notebook"), NULL);
      key = g_strdup_printf ("%s#%" G_GINT64_FORMAT, path, json_object_get_int_member (label, "cell"));
      g_test_message ("%s", key);
      g_assert_true (g_hash_table_contains (found, key));
      n_labels++;

      for (AtlasDimension d = 0; d < ATLAS_DIMENSION_LIBRARY; d++)
        g_hash_table_add (seen_ids, g_strdup_printf ("%s=%s", atlas_dimension_id (d),
                                                     json_object_get_string_member (label, atlas_dimension_id (d))));
    }

  g_assert_cmpuint (n_labels, ==, g_hash_table_size (found));

  for (AtlasDimension d = 0; d < ATLAS_DIMENSION_LIBRARY; d++)
    for (guint v = 1; v < atlas_dimension_n_values (d); v++)
      {
        g_autofree char *id = g_strdup_printf ("%s=%s", atlas_dimension_id (d), atlas_dimension_value_id (d, v));

        g_test_message ("coverage of %s", id);
        g_assert_true (g_hash_table_contains (seen_ids, id));
      }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Atlas/Demo/crashes-found", test_demo_crashes_found);

  return g_test_run ();
}

/* test-demo-agreement.c — the classifier against the demo corpus's labels
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "atlas-classifier.h"
#include "atlas-demo.h"
#include "atlas-notebook-reader.h"

static const char *
platform_dir (const char *notebook,
              AtlasPlatform *platform)
{
  *platform = g_str_has_prefix (notebook, "kaggle/") ? ATLAS_PLATFORM_KAGGLE : ATLAS_PLATFORM_GITHUB;
  return notebook;
}

static void
test_agreement (void)
{
  g_autofree char *dir = atlas_demo_find_dir ();
  g_autofree char *labels_path = g_build_filename (dir, "labels.jsonl", NULL);
  g_autofree char *floors_path = g_test_build_filename (G_TEST_DIST, "classify", "demo-floors.ini", NULL);
  g_autoptr(AtlasClassifier) classifier = atlas_classifier_new ();
  g_autoptr(GKeyFile) floors = g_key_file_new ();
  g_autoptr(GHashTable) notebooks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  guint agree[ATLAS_N_DIMENSIONS] = { 0 };
  guint n = 0;

  g_key_file_load_from_file (floors, floors_path, G_KEY_FILE_NONE, &error);
  g_assert_no_error (error);
  g_file_get_contents (labels_path, &text, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      const char *location;
      AtlasNotebook *notebook;
      AtlasPlatform platform;
      JsonObject *label;
      GPtrArray *crashes;
      AtlasCrash *crash = NULL;
      guint cell;

      if (g_strstrip (lines[i])[0] == '\0')
        continue;
      json_parser_load_from_data (parser, lines[i], -1, &error);
      g_assert_no_error (error);
      label = json_node_get_object (json_parser_get_root (parser));
      location = platform_dir (json_object_get_string_member (label, "notebook"), &platform);
      cell = json_object_get_int_member (label, "cell");
      notebook = g_hash_table_lookup (notebooks, location);
      if (notebook == NULL)
        {
          g_autofree char *path = g_build_filename (dir, location, NULL);

          notebook = atlas_notebook_read_file (path, location, platform, ATLAS_READ_DEFAULT, &error);
          g_assert_no_error (error);
          atlas_classifier_classify_notebook (classifier, notebook);
          g_hash_table_insert (notebooks, g_strdup (location), notebook);
        }
      crashes = atlas_notebook_get_crashes (notebook);
      for (guint k = 0; k < crashes->len && crash == NULL; k++)
        if (atlas_crash_get_cell (g_ptr_array_index (crashes, k)) == cell)
          crash = g_ptr_array_index (crashes, k);
      if (crash == NULL)
        g_error ("%s: no crash in cell %u", location, cell);
      n++;
      for (guint d = 0; d < ATLAS_N_DIMENSIONS; d++)
        agree[d] += g_strcmp0 (atlas_crash_get_label_id (crash, d),
                               json_object_get_string_member (label, atlas_dimension_id (d))) == 0;
    }
  g_assert_cmpuint (n, >, 0);
  for (guint d = 0; d < ATLAS_N_DIMENSIONS; d++)
    {
      double share = 100.0 * agree[d] / n;
      double floor = g_key_file_get_double (floors, "floors", atlas_dimension_id (d), &error);

      g_assert_no_error (error);
      g_test_message ("%s: %.1f%% of %u crashes agree (floor %.1f%%)", atlas_dimension_id (d), share, n, floor);
      if (share < floor)
        g_error ("%s: the classifier agrees with the demo labels on %.1f%% of %u crashes, below the floor of %.1f%%",
                 atlas_dimension_id (d), share, n, floor);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/classify/demo-agreement", test_agreement);
  return g_test_run ();
}

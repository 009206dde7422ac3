/* test-cases.c — the classifier on the fixture notebooks of tests/classify/cases
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Each fixture is a notebook whose metadata holds what the classifier must
 * say about its crashes, so a new case is a new file, not new C:
 *
 *   "metadata": {"crash_atlas_expect": [
 *     {"cell": 1,                        the crash's 0-based cell index
 *      "crash_type": "TSHAPE", …,        labels (any of the five dimensions)
 *      "not": {"root_cause": "NB"},      labels it must not get
 *      "confidence": {"stage": "low"},   confidence levels
 *      "message": "mat1 and mat2",       text the classified message holds
 *      "evidence": {"root_cause": "cell 2"},      text the evidence holds
 *      "evidence_lacks": {"root_cause": "not shown"}}]}
 */
#include "config.h"

#include <string.h>

#include "atlas-classifier.h"
#include "atlas-notebook-reader.h"

static AtlasClassifier *classifier;

static const char *
dimension_key (AtlasDimension d)
{
  return atlas_dimension_id (d);
}

static AtlasCrash *
find_crash (AtlasNotebook *notebook,
            guint          cell)
{
  GPtrArray *crashes = atlas_notebook_get_crashes (notebook);

  for (guint i = 0; i < crashes->len; i++)
    if (atlas_crash_get_cell (g_ptr_array_index (crashes, i)) == cell)
      return g_ptr_array_index (crashes, i);
  return NULL;
}

static const char *
member_string (JsonObject *object,
               const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_string (node) : NULL;
}

static JsonObject *
member_object (JsonObject *object,
               const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static void
check_expectation (const char *path,
                   AtlasCrash *crash,
                   JsonObject *expect)
{
  const AtlasClassification *c = atlas_crash_get_classification (crash);
  JsonObject *not = member_object (expect, "not");
  JsonObject *confidence = member_object (expect, "confidence");
  JsonObject *evidence = member_object (expect, "evidence");
  JsonObject *lacks = member_object (expect, "evidence_lacks");
  const char *message = member_string (expect, "message");

  for (guint d = 0; d < ATLAS_N_DIMENSIONS; d++)
    {
      const char *key = dimension_key (d);
      const char *label = atlas_crash_get_label_id (crash, d);
      const char *reason = c->evidence[d] ? c->evidence[d] : "";
      const char *want;

      if ((want = member_string (expect, key)) != NULL && g_strcmp0 (label, want) != 0)
        g_error ("%s cell %u: %s is %s, expected %s (evidence: %s)", path,
                 atlas_crash_get_cell (crash), key, label, want, reason);
      if ((want = member_string (not, key)) != NULL && g_strcmp0 (label, want) == 0)
        g_error ("%s cell %u: %s must not be %s (evidence: %s)", path,
                 atlas_crash_get_cell (crash), key, want, reason);
      if ((want = member_string (confidence, key)) != NULL
          && g_strcmp0 (atlas_confidence_to_string (c->confidence[d]), want) != 0)
        g_error ("%s cell %u: %s confidence is %s, expected %s (evidence: %s)", path,
                 atlas_crash_get_cell (crash), key, atlas_confidence_to_string (c->confidence[d]),
                 want, reason);
      if ((want = member_string (evidence, key)) != NULL && strstr (reason, want) == NULL)
        g_error ("%s cell %u: %s evidence “%s” lacks “%s”", path,
                 atlas_crash_get_cell (crash), key, reason, want);
      if ((want = member_string (lacks, key)) != NULL && strstr (reason, want) != NULL)
        g_error ("%s cell %u: %s evidence “%s” holds “%s”", path,
                 atlas_crash_get_cell (crash), key, reason, want);
    }
  if (message != NULL && strstr (atlas_crash_get_message (crash), message) == NULL)
    g_error ("%s cell %u: message “%s” lacks “%s”", path, atlas_crash_get_cell (crash),
             atlas_crash_get_message (crash), message);
}

static void
test_case (gconstpointer data)
{
  const char *path = data;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(AtlasNotebook) notebook = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *metadata;
  JsonArray *expectations;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  metadata = member_object (json_node_get_object (json_parser_get_root (parser)), "metadata");
  g_assert_nonnull (metadata);
  g_assert_true (json_object_has_member (metadata, "crash_atlas_expect"));
  expectations = json_object_get_array_member (metadata, "crash_atlas_expect");
  g_assert_cmpuint (json_array_get_length (expectations), >, 0);

  notebook = atlas_notebook_read_file (path, path, ATLAS_PLATFORM_LOCAL, ATLAS_READ_DEFAULT, &error);
  g_assert_no_error (error);
  atlas_classifier_classify_notebook (classifier, notebook);
  for (guint i = 0; i < json_array_get_length (expectations); i++)
    {
      JsonObject *expect = json_array_get_object_element (expectations, i);
      guint cell = json_object_get_int_member (expect, "cell");
      AtlasCrash *crash = find_crash (notebook, cell);

      if (crash == NULL)
        g_error ("%s: no crash in cell %u", path, cell);
      check_expectation (path, crash, expect);
    }
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autoptr(GDir) listing = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  int status;

  g_test_init (&argc, &argv, NULL);
  dir = g_test_build_filename (G_TEST_DIST, "classify", "cases", NULL);
  listing = g_dir_open (dir, 0, NULL);
  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_suffix (name, ".ipynb"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_assert_cmpuint (names->len, >, 0);
  for (guint i = 0; i < names->len; i++)
    {
      const char *file = g_ptr_array_index (names, i);
      g_autofree char *test_path = g_strdup_printf ("/classify/cases/%s", file);
      char *path = g_build_filename (dir, file, NULL);

      g_ptr_array_add (paths, path);
      g_test_add_data_func (test_path, path, test_case);
    }
  classifier = atlas_classifier_new ();
  status = g_test_run ();
  g_object_unref (classifier);
  return status;
}

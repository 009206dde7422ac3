/* test-cli-report.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/wait.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "atlas-test.h"

/* End-to-end checks of `crash-atlas report` ($CRASH_ATLAS) on the demo
 * corpus and on notebooks written here: every file it lists is there and
 * not empty, report.html links only to those, notebook text is escaped,
 * its numbers are the chart's and scan's, and a failing input writes
 * nothing. */

static const char *const figures[] = {
  "crash-types", "root-causes", "finer-causes", "bug-kind-by-platform", "stage-by-bug-kind",
  "libraries", "cause-by-stage", "cause-by-type",
};

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = atlas_test_make_tmp_dir ("atlas-cli-report-XXXXXX");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  atlas_test_remove_tree (f->dir);
  g_free (f->dir);
}

/* Runs crash-atlas ARGS… in @cwd (NULL: here); asserts the exit status. */
static char *
run (const char  *cwd,
     int          expected_status,
     char       **stderr_text,
     const char  *first,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *err = NULL;
  char *out = NULL;
  int status;
  va_list args;

  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  status = atlas_test_run_cli_in (cwd, (const char * const *)argv->pdata, NULL, &out, &err);
  if (status != expected_status)
    g_test_message ("stderr: %s", err);
  g_assert_cmpint (status, ==, expected_status);
  if (stderr_text != NULL)
    *stderr_text = g_steal_pointer (&err);
  return out;
}

static char *
read_text (const char *dir,
           const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

static void
write_text (const char *dir,
            const char *name,
            const char *text)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

/* Fields of one CSV line (RFC 4180 quotes). */
static GPtrArray *
csv_fields (const char *line)
{
  GPtrArray *fields = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  gboolean quoted = FALSE;

  for (const char *p = line; ; p++)
    {
      if (quoted && *p == '"' && p[1] == '"')
        g_string_append_c (field, *p++);
      else if (*p == '"')
        quoted = !quoted;
      else if ((*p == ',' && !quoted) || *p == '\0')
        {
          g_ptr_array_add (fields, g_strdup (field->str));
          g_string_truncate (field, 0);
          if (*p == '\0')
            break;
        }
      else
        g_string_append_c (field, *p);
    }
  g_string_free (field, TRUE);
  return fields;
}

/* id -> count (column 2) of a "…-vs-study.csv"; its header in *@header. */
static GHashTable *
read_comparison (const char  *dir,
                 const char  *name,
                 char       **header)
{
  g_autofree char *text = read_text (dir, name);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_assert_nonnull (lines[0]);
  if (header != NULL)
    *header = g_strdup (lines[0]);
  for (guint i = 1; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      g_autoptr(GPtrArray) fields = csv_fields (lines[i]);

      g_assert_cmpuint (fields->len, >=, 4);
      g_assert_false (g_hash_table_contains (counts, fields->pdata[0]));
      g_hash_table_insert (counts, g_strdup (fields->pdata[0]),
                           GUINT_TO_POINTER ((guint)g_ascii_strtoull (fields->pdata[2], NULL, 10)));
    }
  return counts;
}

/* The report's listing (one path a line), checked: the figures' files, the
 * page last, each there and not empty, nothing else in the folder. */
static GStrv
check_listing (const char *out_dir,
               const char *listing)
{
  g_auto(GStrv) lines = g_strsplit (listing, "\n", -1);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = NULL;
  const char *entry;
  guint n_lines = 0;

  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++, n_lines++)
    {
      g_autofree char *dirname = g_path_get_dirname (lines[i]);
      GStatBuf st;

      g_assert_cmpstr (dirname, ==, out_dir);
      g_assert_cmpint (g_stat (lines[i], &st), ==, 0);
      g_assert_true (S_ISREG (st.st_mode));
      g_assert_cmpint (st.st_size, >, 0);
      g_ptr_array_add (names, g_path_get_basename (lines[i]));
    }
  g_assert_cmpuint (n_lines, >, 0);
  g_assert_cmpstr (names->pdata[names->len - 1], ==, "report.html");
  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    {
      const char *extensions[] = { "pdf", "svg", "png", "csv" };

      for (guint e = 0; e < G_N_ELEMENTS (extensions); e++)
        {
          g_autofree char *name = g_strdup_printf ("%s.%s", figures[i], extensions[e]);

          g_assert_true (g_ptr_array_find_with_equal_func (names, name, g_str_equal, NULL));
        }
    }
  /* The hidden folder the files were written into is gone. */
  dir = g_dir_open (out_dir, 0, NULL);
  g_assert_nonnull (dir);
  while ((entry = g_dir_read_name (dir)) != NULL)
    g_assert_true (g_ptr_array_find_with_equal_func (names, entry, g_str_equal, NULL));
  g_ptr_array_add (names, NULL);
  return (GStrv)g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

/* Every href and src of the page is one of its own anchors or a file the
 * report wrote: nothing remote, nothing outside the folder. */
static void
check_references (const char *html,
                  GStrv       written)
{
  /* Escaped text holds no "<": every tag is markup the report made. */
  g_autoptr(GRegex) tag = g_regex_new ("<[^>]*>", 0, 0, NULL);
  g_autoptr(GRegex) reference = g_regex_new ("\\b(href|src)\\s*=\\s*\"([^\"]*)\"", G_REGEX_CASELESS, 0, NULL);
  g_autoptr(GRegex) any = g_regex_new ("\\b(href|src)\\s*=", G_REGEX_CASELESS, 0, NULL);
  g_autoptr(GMatchInfo) tags = NULL;
  guint n_references = 0, n_attributes = 0, n_files = 0;

  g_regex_match (tag, html, 0, &tags);
  for (; g_match_info_matches (tags); g_match_info_next (tags, NULL))
    {
      g_autofree char *text = g_match_info_fetch (tags, 0);
      g_autoptr(GMatchInfo) match = NULL;

      g_regex_match (any, text, 0, &match);
      for (; g_match_info_matches (match); g_match_info_next (match, NULL))
        n_attributes++;
      g_clear_pointer (&match, g_match_info_free);

      g_regex_match (reference, text, 0, &match);
      for (; g_match_info_matches (match); g_match_info_next (match, NULL), n_references++)
        {
          g_autofree char *target = g_match_info_fetch (match, 2);

          if (target[0] == '#')
            {
              g_autofree char *id = g_strdup_printf ("id=\"%s\"", target + 1);

              g_assert_nonnull (strstr (html, id));
              continue;
            }
          g_assert_null (strchr (target, '/'));
          g_assert_null (strchr (target, ':'));
          g_assert_true (g_strv_contains ((const char * const *)written, target));
          n_files++;
        }
    }
  /* Every attribute was quoted, so every one was checked. */
  g_assert_cmpuint (n_references, ==, n_attributes);
  g_assert_cmpuint (n_files, >=, 4 * G_N_ELEMENTS (figures));
  g_assert_null (strstr (html, "url("));
  g_assert_null (strstr (html, "@import"));
}

/* Crashes per value of @member in `scan --format jsonl` of @path. */
static GHashTable *
scan_tally (const char *path,
            const char *member)
{
  g_autofree char *out = run (NULL, 0, NULL, "scan", "--format", "jsonl", path, NULL);
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  GHashTable *tally = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      JsonObject *record;
      const char *value;

      json_parser_load_from_data (parser, lines[i], -1, &error);
      g_assert_no_error (error);
      record = json_node_get_object (json_parser_get_root (parser));
      value = json_object_get_null_member (record, member) ? "unclassified"
                                                           : json_object_get_string_member (record, member);
      g_hash_table_insert (tally, g_strdup (value),
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (tally, value)) + 1));
    }
  return tally;
}

static void
check_counts_equal_scan (const char *out_dir,
                         const char *name,
                         const char *demo,
                         const char *member)
{
  g_autoptr(GHashTable) report = read_comparison (out_dir, name, NULL);
  g_autoptr(GHashTable) scanned = scan_tally (demo, member);
  GHashTableIter iter;
  gpointer key, value;
  guint other = 0;

  g_hash_table_iter_init (&iter, scanned);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (g_hash_table_contains (report, key))
        g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (report, key)), ==, GPOINTER_TO_UINT (value));
      else
        other += GPOINTER_TO_UINT (value);   /* in "other libraries" */
    }
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (report, "other")), ==, other);
  /* A value the report shows that scan never printed is one of the study's, at 0. */
  g_hash_table_iter_init (&iter, report);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (scanned, key) && !g_str_equal (key, "other"))
      g_assert_cmpuint (GPOINTER_TO_UINT (value), ==, 0);
}

static void
test_demo (Fixture       *f,
           gconstpointer  data)
{
  const char *demo = g_getenv ("CRASH_ATLAS_DEMO_DIR");
  g_autofree char *out_dir = g_build_filename (f->dir, "report", NULL);
  g_autofree char *listing = NULL;
  g_autofree char *html = NULL;
  g_auto(GStrv) written = NULL;

  g_assert_nonnull (demo);
  listing = run (NULL, 0, NULL, "report", "--output", out_dir, demo, NULL);
  written = check_listing (out_dir, listing);
  html = read_text (out_dir, "report.html");
  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>"));
  g_assert_true (g_utf8_validate (html, -1, NULL));
  check_references (html, written);
  /* The study is credited, and its shares are beside this corpus's. */
  g_assert_nonnull (strstr (html, "Wang et al."));
  g_assert_nonnull (strstr (html, "Why do Machine Learning Notebooks Crash?"));
  g_assert_nonnull (strstr (html, "17.8"));   /* VNF, all 746 crashes */

  /* Each figure's CSV is the chart's, byte for byte. */
  {
    g_autofree char *chart_csv = g_build_filename (f->dir, "chart.csv", NULL);
    g_autofree char *types = read_text (out_dir, "crash-types.csv");
    g_autofree char *bugs = read_text (out_dir, "bug-kind-by-platform.csv");
    g_autofree char *chart_types = NULL;
    g_autofree char *chart_bugs = NULL;

    g_free (run (NULL, 0, NULL, "chart", "--kind", "crash-type", "--output", chart_csv, demo, NULL));
    chart_types = read_text (f->dir, "chart.csv");
    g_assert_cmpstr (types, ==, chart_types);
    g_free (run (NULL, 0, NULL, "chart", "--kind", "ml-bug", "--by-platform", "--output", chart_csv, demo, NULL));
    chart_bugs = read_text (f->dir, "chart.csv");
    g_assert_cmpstr (bugs, ==, chart_bugs);
  }
  /* The tables beside the study count what scan prints. */
  check_counts_equal_scan (out_dir, "crash-types-vs-study.csv", demo, "crash_type");
  check_counts_equal_scan (out_dir, "root-causes-vs-study.csv", demo, "root_cause");
  check_counts_equal_scan (out_dir, "bug-kind-vs-study.csv", demo, "ml_bug");
  check_counts_equal_scan (out_dir, "stages-vs-study.csv", demo, "stage");
  check_counts_equal_scan (out_dir, "libraries-vs-study.csv", demo, "library");
}

#define NOTEBOOK(ename, evalue) \
  "{\"nbformat\": 4, \"nbformat_minor\": 4, \"metadata\": {}, \"cells\": [" \
  "{\"cell_type\": \"code\", \"execution_count\": 1, \"metadata\": {}, \"source\": \"import pandas as pd\\nf()\", " \
  "\"outputs\": [{\"output_type\": \"error\", \"ename\": \"" ename "\", \"evalue\": \"" evalue "\", \"traceback\": []}]}]}"

/* Text from notebooks and the folder's name is never markup. */
static void
test_escaped (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *notebooks = g_build_filename (f->dir, "<b>folder&", NULL);
  g_autofree char *out_dir = g_build_filename (f->dir, "out", NULL);
  g_autofree char *listing = NULL;
  g_autofree char *html = NULL;
  g_autofree char *lower = NULL;
  g_auto(GStrv) written = NULL;

  g_assert_cmpint (g_mkdir (notebooks, 0755), ==, 0);
  write_text (notebooks, "a.ipynb", NOTEBOOK ("ValueError", "<script>alert(1)</script> \\\"quoted\\\" & more"));
  write_text (notebooks, "b.ipynb", NOTEBOOK ("<img src=x onerror=alert(2)>", "bad"));
  listing = run (NULL, 0, NULL, "report", "-o", out_dir, notebooks, NULL);
  written = check_listing (out_dir, listing);
  html = read_text (out_dir, "report.html");
  check_references (html, written);
  lower = g_ascii_strdown (html, -1);
  g_assert_null (strstr (lower, "<script"));
  g_assert_null (strstr (lower, "<img src=x"));
  g_assert_null (strstr (lower, "<b>"));
  g_assert_nonnull (strstr (html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
  g_assert_nonnull (strstr (html, "&lt;img src=x onerror=alert(2)&gt;"));
  g_assert_nonnull (strstr (html, "&lt;b&gt;folder&amp;"));
}

/* An input that cannot be read leaves the folder as it was: no report, or
 * the earlier one untouched. */
static void
test_failing_input (Fixture       *f,
                    gconstpointer  data)
{
  const char *demo = g_getenv ("CRASH_ATLAS_DEMO_DIR");
  g_autofree char *out_dir = g_build_filename (f->dir, "fresh", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "missing.ipynb", NULL);
  g_autofree char *damaged = g_build_filename (f->dir, "damaged.crashatlas", NULL);
  g_autofree char *kept_dir = g_build_filename (f->dir, "kept", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *err = NULL;

  g_free (run (NULL, 1, &err, "report", "--output", out_dir, demo, missing, NULL));
  g_assert_nonnull (strstr (err, "missing.ipynb"));
  g_assert_false (g_file_test (out_dir, G_FILE_TEST_EXISTS));

  /* A damaged corpus file: status 3, nothing written. */
  write_text (f->dir, "damaged.crashatlas", "SQLite format 3 but not really, cut short");
  g_free (run (NULL, 3, NULL, "report", "--db", damaged, "--output", out_dir, NULL));
  g_assert_false (g_file_test (out_dir, G_FILE_TEST_EXISTS));

  /* An earlier report stays whole when a new one cannot be made. */
  g_free (run (NULL, 0, NULL, "report", "--output", kept_dir, demo, NULL));
  before = read_text (kept_dir, "report.html");
  g_free (run (NULL, 1, NULL, "report", "--output", kept_dir, "--platform", "kaggle", demo, missing, NULL));
  after = read_text (kept_dir, "report.html");
  g_assert_cmpstr (before, ==, after);

  /* Usage errors. */
  g_free (run (NULL, 2, NULL, "report", demo, NULL));
  g_free (run (NULL, 2, NULL, "report", "--output", out_dir, NULL));
  g_free (run (NULL, 2, NULL, "report", "--output", out_dir, "--rater", "x", demo, NULL));
  g_assert_false (g_file_test (out_dir, G_FILE_TEST_EXISTS));
}

/* The report cannot be written (its folder is a file): status 1, and
 * the error names what failed. */
static void
test_unwritable (Fixture       *f,
                 gconstpointer  data)
{
  const char *demo = g_getenv ("CRASH_ATLAS_DEMO_DIR");
  g_autofree char *err = NULL;
  g_autofree char *target = g_build_filename (f->dir, "a-file", NULL);

  write_text (f->dir, "a-file", "not a folder");
  g_free (run (NULL, 1, &err, "report", "--output", target, demo, NULL));
  g_assert_nonnull (strstr (err, "a-file"));
}

/* With hand labels in the corpus file, the tables show estimates with
 * their intervals; with several raters the researcher chooses one. */
static void
test_hand_labels (Fixture       *f,
                  gconstpointer  data)
{
  const char *demo = g_getenv ("CRASH_ATLAS_DEMO_DIR");
  g_autofree char *db = g_build_filename (f->dir, "demo.crashatlas", NULL);
  g_autofree char *labels = g_build_filename (demo, "labels.jsonl", NULL);
  g_autofree char *out_dir = g_build_filename (f->dir, "labeled", NULL);
  g_autofree char *plain_dir = g_build_filename (f->dir, "plain", NULL);
  g_autofree char *listing = NULL;
  g_autofree char *html = NULL;
  g_autofree char *header = NULL;
  g_autofree char *plain_header = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GHashTable) counts = NULL;
  g_autoptr(GHashTable) plain_counts = NULL;
  g_auto(GStrv) written = NULL;

  /* From inside the demo folder, so that locations read as labels.jsonl names them. */
  g_free (run (demo, 0, NULL, "scan", "--db", db, "kaggle", "github", NULL));
  g_free (run (NULL, 0, NULL, "sample", "--db", db, "--size", "40", "--seed", "3", NULL));
  g_free (run (NULL, 0, NULL, "labels", "import", "--db", db, "--rater", "author", labels, NULL));

  listing = run (NULL, 0, NULL, "report", "--db", db, "--output", out_dir, NULL);
  written = check_listing (out_dir, listing);
  html = read_text (out_dir, "report.html");
  check_references (html, written);
  g_assert_nonnull (strstr (html, "95% interval"));
  g_assert_nonnull (strstr (html, "author"));
  counts = read_comparison (out_dir, "crash-types-vs-study.csv", &header);
  g_assert_cmpstr (header, ==, "id,label,crashes,percent,estimate_percent,low_percent,high_percent,"
                               "study_all_percent,difference_pp");

  /* The counts stay the automatic labels' whether or not estimates are shown. */
  g_free (run (NULL, 0, NULL, "report", "--db", db, "--automatic-only", "--output", plain_dir, NULL));
  plain_counts = read_comparison (plain_dir, "crash-types-vs-study.csv", &plain_header);
  g_assert_cmpstr (plain_header, ==, "id,label,crashes,percent,study_all_percent,difference_pp");
  g_assert_cmpuint (g_hash_table_size (counts), ==, g_hash_table_size (plain_counts));
  {
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, counts);
    while (g_hash_table_iter_next (&iter, &key, &value))
      g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (plain_counts, key)), ==, GPOINTER_TO_UINT (value));
  }

  /* A second rater: the choice is the researcher's. */
  g_free (run (NULL, 0, NULL, "labels", "import", "--db", db, "--rater", "second", labels, NULL));
  g_free (run (NULL, 2, &err, "report", "--db", db, "--output", f->dir, NULL));
  g_assert_nonnull (strstr (err, "--rater"));
  g_free (run (NULL, 0, NULL, "report", "--db", db, "--rater", "second", "--output", out_dir, NULL));
  g_free (run (NULL, 2, NULL, "report", "--db", db, "--rater", "nobody", "--output", out_dir, NULL));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);

  g_test_add ("/cli/report/demo", Fixture, NULL, fixture_setup, test_demo, fixture_teardown);
  g_test_add ("/cli/report/escaped", Fixture, NULL, fixture_setup, test_escaped, fixture_teardown);
  g_test_add ("/cli/report/failing-input", Fixture, NULL, fixture_setup, test_failing_input, fixture_teardown);
  g_test_add ("/cli/report/unwritable", Fixture, NULL, fixture_setup, test_unwritable, fixture_teardown);
  g_test_add ("/cli/report/hand-labels", Fixture, NULL, fixture_setup, test_hand_labels, fixture_teardown);
  return g_test_run ();
}

/* test-reader-strict.c: what Jupyter would refuse is read, with a warning;
 * what json-glib reads in a way of its own is read as the notebook means it.
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "atlas-notebook-reader.h"

#define CRASH_CELL(src) \
  "{\"cell_type\": \"code\", \"execution_count\": 1, \"metadata\": {}, \"source\": " src "," \
  " \"outputs\": [{\"output_type\": \"error\", \"ename\": \"ZeroDivisionError\", \"evalue\": \"division by zero\"," \
  " \"traceback\": [\"ZeroDivisionError: division by zero\"]}]}"

static AtlasNotebook *
read_flags (const char     *json,
            gssize          len,
            AtlasReadFlags  flags,
            GError        **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, len < 0 ? strlen (json) : (gsize)len);

  return atlas_notebook_read_bytes (bytes, "strict.ipynb", ATLAS_PLATFORM_LOCAL, flags, error);
}

static const AtlasReadFlags all_flags[] = { ATLAS_READ_DEFAULT, ATLAS_READ_CRASHES_ONLY,
                                            ATLAS_READ_PLAIN_TRACEBACKS | ATLAS_READ_CRASHES_ONLY };

/* {"worksheets":[null]} raised a json-glib critical (fatal here, G_DEBUG
 * has fatal-criticals); a worksheet without cells and one that is no
 * object are both skipped and reported, the other worksheets read. */
static void
test_worksheet_not_object (void)
{
  static const char *const docs[] = {
    "{\"nbformat\": 3, \"worksheets\": [null, {\"cells\": [" CRASH_CELL ("\"1/0\"") "]}]}",
    "{\"nbformat\": 3, \"worksheets\": [{}, {\"cells\": [" CRASH_CELL ("\"1/0\"") "]}]}",
    "{\"nbformat\": 3, \"worksheets\": [7, {\"metadata\": {}}, {\"cells\": [" CRASH_CELL ("\"1/0\"") "]}]}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (docs); i++)
    for (guint f = 0; f < G_N_ELEMENTS (all_flags); f++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(AtlasNotebook) nb = read_flags (docs[i], -1, all_flags[f], &error);

        g_assert_no_error (error);
        g_assert_cmpuint (atlas_notebook_get_crashes (nb)->len, ==, 1);
        g_assert_true (atlas_notebook_get_issues (nb) & ATLAS_NOTEBOOK_ISSUE_BAD_WORKSHEET);
      }

  /* only bad worksheets: an empty notebook with the warning, never a crash */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(AtlasNotebook) nb = read_flags ("{\"nbformat\": 3, \"worksheets\": [null]}", -1,
                                              ATLAS_READ_DEFAULT, &error);
    g_autoptr(AtlasNotebook) none = read_flags ("{\"nbformat\": 3, \"worksheets\": []}", -1,
                                                ATLAS_READ_DEFAULT, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (atlas_notebook_get_n_cells (nb), ==, 0);
    g_assert_true (atlas_notebook_get_issues (nb) & ATLAS_NOTEBOOK_ISSUE_BAD_WORKSHEET);
    g_assert_cmpuint (atlas_notebook_get_issues (none), ==, 0);
  }

  /* a v3 notebook without worksheets is treated like one whose worksheet
   * has no cells: read, empty, with a warning; an object that does not say
   * it is a notebook still is none */
  for (guint f = 0; f < G_N_ELEMENTS (all_flags); f++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AtlasNotebook) nb = read_flags ("{\"nbformat\": 3, \"metadata\": {}}", -1, all_flags[f], &error);
      g_autoptr(AtlasNotebook) other = NULL;

      g_assert_no_error (error);
      g_assert_cmpuint (atlas_notebook_get_n_cells (nb), ==, 0);
      g_assert_true (atlas_notebook_get_issues (nb) & ATLAS_NOTEBOOK_ISSUE_NO_CELLS);
      other = read_flags ("{\"name\": \"package\", \"version\": 3}", -1, all_flags[f], &error);
      g_assert_null (other);
      g_assert_error (error, ATLAS_NOTEBOOK_ERROR, ATLAS_NOTEBOOK_ERROR_NOT_NOTEBOOK);
    }
}

/* "\u0000" ended the string inside json-glib: the rest of the cell, the
 * crashing line included, was lost. It and an unpaired surrogate read as
 * U+FFFD now, and the line after them stays. */
static void
test_nul_and_surrogate_escapes (void)
{
  static const char *const sources[] = {
    "[\"a = 1\\n\", \"b = '\\u0000'\\n\", \"1/0\\n\"]",
    "\"a = 1\\nb = '\\u0000'\\n1/0\\n\"",
    "[\"a = 1\\n\", \"b = '\\ud800'\\n\", \"1/0\\n\"]",
    "[\"a = 1\\n\", \"b = '\\uDC00x'\\n\", \"1/0\\n\"]",
  };

  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    for (guint f = 0; f < G_N_ELEMENTS (all_flags); f++)
      {
        g_autofree char *json = g_strdup_printf ("{\"nbformat\": 4, \"cells\": [" CRASH_CELL ("%s") "]}",
                                                 sources[i]);
        g_autoptr(GError) error = NULL;
        g_autoptr(AtlasNotebook) nb = read_flags (json, -1, all_flags[f], &error);
        const char *source;

        g_assert_no_error (error);
        source = atlas_notebook_get_cell (nb, 0)->source;
        g_assert_true (g_utf8_validate (source, -1, NULL));
        g_assert_nonnull (strstr (source, "b = '\xef\xbf\xbd"));
        g_assert_true (g_str_has_suffix (source, "1/0\n"));
        g_assert_true (atlas_notebook_get_issues (nb) & ATLAS_NOTEBOOK_ISSUE_BAD_ESCAPE);
      }

  /* a proper pair and an escaped backslash before "u0000" are left alone */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(AtlasNotebook) nb = read_flags (
      "{\"nbformat\": 4, \"cells\": [" CRASH_CELL ("\"s = '\\ud83d\\ude00 \\\\u0000'\\n1/0\"") "]}", -1,
      ATLAS_READ_DEFAULT, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (atlas_notebook_get_cell (nb, 0)->source, ==, "s = '\xf0\x9f\x98\x80 \\u0000'\n1/0");
    g_assert_cmpuint (atlas_notebook_get_issues (nb), ==, 0);
  }
}

/* The pre-scan compared key names byte for byte: "output\u005ftype" hid
 * the crash that json-glib finds. */
static void
test_escaped_keys (void)
{
  static const char *const docs[] = {
    "{\"cells\": [{\"cell_type\": \"code\", \"execution_count\": 1, \"source\": \"1/0\","
    " \"outputs\": [{\"output\\u005ftype\": \"error\", \"ename\": \"ZeroDivisionError\", \"evalue\": \"x\", \"traceback\": []}]}]}",
    "{\"cells\": [{\"cell_type\": \"code\", \"execution_count\": 1, \"source\": \"1/0\","
    " \"outputs\": [{\"output_type\": \"\\u0065rror\", \"ename\": \"ZeroDivisionError\", \"evalue\": \"x\", \"traceback\": []}]}]}",
    "{\"c\\u0065lls\": [{\"cell_type\": \"code\", \"execution_count\": 1, \"source\": \"1/0\","
    " \"outputs\": [{\"output_type\": \"error\", \"ename\": \"ZeroDivisionError\", \"evalue\": \"x\", \"traceback\": []}]}]}",
    "{\"cells\": [{\"cell_type\": \"code\", \"execution_count\": 1, \"source\": \"1/0\","
    " \"\\u006futputs\": [{\"output_type\": \"error\", \"ename\": \"ZeroDivisionError\", \"evalue\": \"x\", \"traceback\": []}]}]}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (docs); i++)
    for (guint f = 0; f < G_N_ELEMENTS (all_flags); f++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(AtlasNotebook) nb = read_flags (docs[i], -1, all_flags[f], &error);

        g_test_message ("document %u, flags %u", i, all_flags[f]);
        g_assert_no_error (error);
        g_assert_cmpuint (atlas_notebook_get_crashes (nb)->len, ==, 1);
        g_assert_cmpstr (atlas_crash_get_ename (g_ptr_array_index (atlas_notebook_get_crashes (nb), 0)), ==,
                         "ZeroDivisionError");
      }
}

/* Jupyter refuses these; they are read, and said so. */
static void
test_lenient_with_warnings (void)
{
  static const struct
  {
    const char          *json;
    AtlasNotebookIssues  issue;
  } cases[] = {
    { "\xef\xbb\xbf{\"cells\": [" CRASH_CELL ("\"1/0\"") "]}", ATLAS_NOTEBOOK_ISSUE_BOM },
    { "{\"cells\": [" CRASH_CELL ("\"if x:\n\t1/0\"") "]}", ATLAS_NOTEBOOK_ISSUE_RAW_CONTROL },
    { "{\"cells\": [" CRASH_CELL ("\"# caf\xe9\n1/0\"") "]}", ATLAS_NOTEBOOK_ISSUE_INVALID_UTF8 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AtlasNotebook) nb = read_flags (cases[i].json, -1, ATLAS_READ_DEFAULT, &error);
      g_auto(GStrv) warnings = NULL;

      g_assert_no_error (error);
      g_assert_cmpuint (atlas_notebook_get_crashes (nb)->len, ==, 1);
      g_assert_cmpuint (atlas_notebook_get_issues (nb), ==, cases[i].issue);
      warnings = atlas_notebook_dup_warnings (nb);
      g_assert_cmpuint (g_strv_length (warnings), ==, 1);
    }

  /* a TAB between tokens is white space, not a problem */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(AtlasNotebook) nb = read_flags ("{\t\"cells\": [" CRASH_CELL ("\"1/0\"") "]}", -1,
                                              ATLAS_READ_DEFAULT, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (atlas_notebook_get_issues (nb), ==, 0);
  }
}

/* A numeric evalue or a null ename was turned into "": kept as text now,
 * and the type reported. */
static void
test_error_fields_not_strings (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasNotebook) nb = read_flags (
    "{\"cells\": [{\"cell_type\": \"code\", \"execution_count\": 1, \"source\": \"exit(3)\","
    " \"outputs\": [{\"output_type\": \"error\", \"ename\": null, \"evalue\": 3, \"traceback\": []}]}]}", -1,
    ATLAS_READ_DEFAULT, &error);
  g_auto(GStrv) warnings = NULL;
  AtlasCrash *crash;

  g_assert_no_error (error);
  crash = g_ptr_array_index (atlas_notebook_get_crashes (nb), 0);
  g_assert_cmpstr (atlas_crash_get_ename (crash), ==, "null");
  g_assert_cmpstr (atlas_crash_get_evalue (crash), ==, "3");
  warnings = atlas_notebook_dup_warnings (nb);
  g_assert_cmpuint (g_strv_length (warnings), ==, 2);
  g_assert_nonnull (strstr (warnings[0], "ename is null"));
  g_assert_nonnull (strstr (warnings[1], "evalue is a number"));
}

/* Found by tests/fuzz/fuzz-reader: json-glib takes "\u" with fewer than
 * four hex digits and swallows the bytes after it, which left bytes that
 * are not UTF-8 in a traceback. */
static void
test_short_u_escape (void)
{
  static const char json[] =
    "{\"cells\": [{\"cell_type\": \"code\", \"execution_count\": 1, \"source\": \"1/0\","
    " \"outputs\": [{\"output_type\": \"error\", \"ename\": \"E\", \"evalue\": \"v\","
    " \"traceback\": [\"\\u001b[0;31mE\\u001\xe2[0;31m: v\"]}]}]}";

  for (guint f = 0; f < G_N_ELEMENTS (all_flags); f++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AtlasNotebook) nb = read_flags (json, -1, all_flags[f], &error);
      AtlasCrash *crash;

      if (nb == NULL)
        {
          g_assert_error (error, ATLAS_NOTEBOOK_ERROR, ATLAS_NOTEBOOK_ERROR_INVALID_JSON);
          continue;
        }
      crash = g_ptr_array_index (atlas_notebook_get_crashes (nb), 0);
      g_assert_true (g_utf8_validate (atlas_traceback_get_text (atlas_crash_get_traceback (crash)), -1, NULL));
      g_assert_true (g_utf8_validate (atlas_traceback_get_raw (atlas_crash_get_traceback (crash)), -1, NULL));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Atlas/Reader/Strict/worksheet-not-object", test_worksheet_not_object);
  g_test_add_func ("/Atlas/Reader/Strict/nul-and-surrogate-escapes", test_nul_and_surrogate_escapes);
  g_test_add_func ("/Atlas/Reader/Strict/escaped-keys", test_escaped_keys);
  g_test_add_func ("/Atlas/Reader/Strict/lenient-with-warnings", test_lenient_with_warnings);
  g_test_add_func ("/Atlas/Reader/Strict/error-fields-not-strings", test_error_fields_not_strings);
  g_test_add_func ("/Atlas/Reader/Strict/short-u-escape", test_short_u_escape);

  return g_test_run ();
}

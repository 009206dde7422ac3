/* test-reader.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "atlas-notebook-reader.h"

static AtlasNotebook *
read_string (const char *json,
             GError    **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));

  return atlas_notebook_read_bytes (bytes, "test.ipynb", ATLAS_PLATFORM_LOCAL, ATLAS_READ_DEFAULT, error);
}

static AtlasNotebook *
read_string_flags (const char      *json,
                   AtlasReadFlags   flags,
                   GError         **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));

  return atlas_notebook_read_bytes (bytes, "test.ipynb", ATLAS_PLATFORM_LOCAL, flags, error);
}

static void
test_v4_error_output (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasNotebook) nb = read_string (
    "{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {},"
    " \"cells\": ["
    "  {\"cell_type\": \"markdown\", \"metadata\": {}, \"source\": [\"# Load\\n\", \"text\"]},"
    "  {\"cell_type\": \"code\", \"execution_count\": 3, \"metadata\": {},"
    "   \"source\": \"import pandas as pd\\ndf = pd.read_csv('x.csv')\","
    "   \"outputs\": [{\"output_type\": \"display_data\", \"data\": {\"image/png\": \"iVBORw0KGgo=\"}, \"metadata\": {}},"
    "               {\"output_type\": \"error\", \"ename\": \"FileNotFoundError\", \"evalue\": \"no file\","
    "                \"traceback\": [\"\\u001b[0;31mFileNotFoundError\\u001b[0m: no file\"]}]}"
    " ]}", &error);
  AtlasCrash *crash;

  g_assert_no_error (error);
  g_assert_nonnull (nb);
  g_assert_cmpuint (atlas_notebook_get_n_cells (nb), ==, 2);
  g_assert_cmpuint (atlas_notebook_get_nbformat (nb), ==, 4);
  g_assert_cmpuint (atlas_notebook_get_crashes (nb)->len, ==, 1);
  crash = g_ptr_array_index (atlas_notebook_get_crashes (nb), 0);
  g_assert_cmpstr (atlas_crash_get_ename (crash), ==, "FileNotFoundError");
  g_assert_cmpstr (atlas_crash_get_evalue (crash), ==, "no file");
  g_assert_cmpuint (atlas_crash_get_cell (crash), ==, 1);
  g_assert_cmpint (atlas_crash_get_execution_count (crash), ==, 3);
  g_assert_cmpstr (atlas_traceback_get_text (atlas_crash_get_traceback (crash)), ==, "FileNotFoundError: no file");
  g_assert_true (g_str_has_prefix (atlas_traceback_get_raw (atlas_crash_get_traceback (crash)), "\033[0;31m"));
  g_assert_cmpstr (atlas_notebook_get_cell (nb, 0)->source, ==, "# Load\ntext");
  g_assert_cmpuint (atlas_notebook_get_headings (nb)->len, ==, 1);

  /* Which cell defines what is worked out when first asked, once, for one
   * cell or all of them. */
  g_assert_null (atlas_notebook_get_cell (nb, 1)->defines);
  atlas_notebook_ensure_cell_names (nb, 1);
  g_assert_true (g_strv_contains ((const char * const *)atlas_notebook_get_cell (nb, 1)->defines, "df"));
  atlas_notebook_ensure_cell_names (nb, 0);
  g_assert_null (atlas_notebook_get_cell (nb, 0)->defines);
  atlas_notebook_ensure_names (nb);
  atlas_notebook_ensure_names (nb);
  g_assert_true (g_strv_contains ((const char * const *)atlas_notebook_get_cell (nb, 1)->defines, "df"));
  g_assert_true (g_strv_contains ((const char * const *)atlas_notebook_get_cell (nb, 1)->uses, "pd"));
}

static void
test_v3_pyerr (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasNotebook) nb = read_string (
    "{\"nbformat\": 3, \"nbformat_minor\": 0, \"metadata\": {\"name\": \"\"},"
    " \"worksheets\": [{\"cells\": ["
    "  {\"cell_type\": \"heading\", \"level\": 2, \"metadata\": {}, \"source\": [\"Training\"]},"
    "  {\"cell_type\": \"code\", \"collapsed\": false, \"input\": [\"x = 1\\n\", \"y = z\"], \"language\": \"python\","
    "   \"prompt_number\": 7, \"metadata\": {},"
    "   \"outputs\": [{\"output_type\": \"pyerr\", \"ename\": \"NameError\", \"evalue\": \"name 'z' is not defined\","
    "                \"traceback\": [\"NameError: name 'z' is not defined\"]}]}"
    " ]}]}", &error);
  AtlasCrash *crash;

  g_assert_no_error (error);
  g_assert_cmpuint (atlas_notebook_get_n_cells (nb), ==, 2);
  g_assert_cmpstr (atlas_notebook_get_cell (nb, 0)->source, ==, "## Training");
  g_assert_cmpstr (atlas_notebook_get_cell (nb, 1)->source, ==, "x = 1\ny = z");
  crash = g_ptr_array_index (atlas_notebook_get_crashes (nb), 0);
  g_assert_cmpstr (atlas_crash_get_ename (crash), ==, "NameError");
  g_assert_cmpint (atlas_crash_get_execution_count (crash), ==, 7);
  g_assert_cmpuint (atlas_crash_get_cell (crash), ==, 1);
}

typedef struct
{
  const char *name;
  const char *json;
  int         code;
} BadInput;

static void
test_bad_input (void)
{
  static const BadInput inputs[] = {
    { "empty", "", ATLAS_NOTEBOOK_ERROR_EMPTY },
    { "spaces", "  \n ", ATLAS_NOTEBOOK_ERROR_EMPTY },
    { "text", "hello world", ATLAS_NOTEBOOK_ERROR_NOT_JSON },
    { "truncated", "{\"cells\": [{\"cell_type\": \"code\", \"source\": \"x", ATLAS_NOTEBOOK_ERROR_TRUNCATED },
    { "truncated-object", "{\"cells\": [", ATLAS_NOTEBOOK_ERROR_TRUNCATED },
    { "array", "[1, 2, 3]", ATLAS_NOTEBOOK_ERROR_NOT_NOTEBOOK },
    { "string", "\"a notebook\"", ATLAS_NOTEBOOK_ERROR_NOT_NOTEBOOK },
    { "object", "{\"a\": 1}", ATLAS_NOTEBOOK_ERROR_NOT_NOTEBOOK },
    { "mismatched", "{\"cells\": [}", ATLAS_NOTEBOOK_ERROR_INVALID_JSON },
    { "trailing", "{\"cells\": []} x", ATLAS_NOTEBOOK_ERROR_INVALID_JSON },
    { "missing-colon", "{\"cells\" []}", ATLAS_NOTEBOOK_ERROR_INVALID_JSON },
    { "trailing-comma", "{\"cells\": [1,]}", ATLAS_NOTEBOOK_ERROR_INVALID_JSON },
  };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AtlasNotebook) nb = read_string (inputs[i].json, &error);

      g_test_message ("%s", inputs[i].name);
      g_assert_null (nb);
      g_assert_error (error, ATLAS_NOTEBOOK_ERROR, inputs[i].code);
      g_assert_true (g_str_has_prefix (error->message, "test.ipynb: "));
    }
}

static void
test_deep_nesting (void)
{
  g_autoptr(GString) json = g_string_new ("{\"cells\": [], \"metadata\": ");
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasNotebook) nb = NULL;

  for (guint i = 0; i < 200000; i++)
    g_string_append_c (json, '[');
  for (guint i = 0; i < 200000; i++)
    g_string_append_c (json, ']');
  g_string_append_c (json, '}');

  nb = read_string (json->str, &error);
  g_assert_null (nb);
  g_assert_error (error, ATLAS_NOTEBOOK_ERROR, ATLAS_NOTEBOOK_ERROR_TOO_DEEP);
}

static void
test_payload_skipped_but_checked (void)
{
  g_autoptr(GError) error = NULL;
  /* An unterminated image string must still be reported as truncated. */
  g_autoptr(AtlasNotebook) nb = read_string (
    "{\"cells\": [{\"cell_type\": \"code\", \"source\": \"\", \"outputs\": ["
    "{\"output_type\": \"display_data\", \"data\": {\"image/png\": \"iVBOR", &error);

  g_assert_null (nb);
  g_assert_error (error, ATLAS_NOTEBOOK_ERROR, ATLAS_NOTEBOOK_ERROR_TRUNCATED);
}

static void
test_wrong_types (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasNotebook) nb = read_string (
    "{\"nbformat\": \"four\", \"cells\": ["
    "  42,"
    "  {\"cell_type\": 7, \"source\": {\"x\": 1}},"
    "  {\"cell_type\": \"code\", \"execution_count\": \"3\", \"source\": [1, \"a = 1\"], \"outputs\": {}},"
    "  {\"cell_type\": \"code\", \"execution_count\": null, \"source\": \"b\","
    "   \"outputs\": [3, {\"output_type\": \"mystery\"}, {\"output_type\": \"error\", \"ename\": 5, \"traceback\": \"x\"}]}"
    "]}", &error);
  AtlasCrash *crash;

  g_assert_no_error (error);
  g_assert_cmpuint (atlas_notebook_get_n_cells (nb), ==, 4);
  g_assert_cmpint (atlas_notebook_get_cell (nb, 2)->execution_count, ==, -1);
  g_assert_cmpstr (atlas_notebook_get_cell (nb, 2)->source, ==, "a = 1");
  g_assert_cmpuint (atlas_notebook_get_crashes (nb)->len, ==, 1);
  crash = g_ptr_array_index (atlas_notebook_get_crashes (nb), 0);
  /* a number where the name belongs is kept as text, and said so */
  g_assert_cmpstr (atlas_crash_get_ename (crash), ==, "5");
  g_assert_cmpuint (atlas_crash_get_cell (crash), ==, 3);
  g_assert_true (atlas_notebook_get_issues (nb) & ATLAS_NOTEBOOK_ISSUE_ERROR_FIELD_TYPE);
}

static void
test_papermill (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasNotebook) nb = read_string (
    "{\"nbformat\": 4, \"nbformat_minor\": 4,"
    " \"metadata\": {\"papermill\": {\"exception\": true, \"status\": \"failed\"}},"
    " \"cells\": ["
    "  {\"cell_type\": \"markdown\", \"metadata\": {\"tags\": [\"papermill-error-cell-tag\"]},"
    "   \"source\": \"<span style=\\\"color:red\\\">An Exception was encountered at <a href=\\\"#papermill-error-cell\\\">In [2]</a>.</span>\"},"
    "  {\"cell_type\": \"code\", \"execution_count\": 1, \"metadata\": {\"papermill\": {\"status\": \"completed\"}}, \"source\": \"a = 1\", \"outputs\": []},"
    "  {\"cell_type\": \"code\", \"execution_count\": 2, \"metadata\": {\"papermill\": {\"status\": \"failed\"}}, \"source\": \"1/0\","
    "   \"outputs\": [{\"output_type\": \"error\", \"ename\": \"ZeroDivisionError\", \"evalue\": \"division by zero\", \"traceback\": []}]}"
    "]}", &error);

  g_assert_no_error (error);
  g_assert_true (atlas_notebook_is_papermill (nb));
  g_assert_true (atlas_notebook_get_cell (nb, 0)->papermill_injected);
  g_assert_false (atlas_notebook_get_cell (nb, 1)->papermill_injected);
  g_assert_true (atlas_notebook_get_cell (nb, 2)->papermill_failed);
  g_assert_cmpuint (atlas_crash_get_cell (g_ptr_array_index (atlas_notebook_get_crashes (nb), 0)), ==, 2);
}

static void
test_order_anomalies (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasNotebook) nb = read_string (
    "{\"nbformat\": 4, \"nbformat_minor\": 2, \"metadata\": {}, \"cells\": ["
    "  {\"cell_type\": \"code\", \"execution_count\": 5, \"source\": \"a\", \"outputs\": []},"
    "  {\"cell_type\": \"code\", \"execution_count\": 3, \"source\": \"b\", \"outputs\": []},"
    "  {\"cell_type\": \"code\", \"execution_count\": null, \"source\": \"c\", \"outputs\": []},"
    "  {\"cell_type\": \"code\", \"execution_count\": 9, \"source\": \"d\", \"outputs\": []},"
    "  {\"cell_type\": \"code\", \"execution_count\": 9, \"source\": \"e\", \"outputs\": []}"
    "]}", &error);
  GArray *anomalies;

  g_assert_no_error (error);
  anomalies = atlas_notebook_get_order_anomalies (nb);
  g_assert_cmpuint (anomalies->len, ==, 4);
  g_assert_cmpint (g_array_index (anomalies, AtlasOrderAnomaly, 0).kind, ==, ATLAS_ORDER_DECREASE);
  g_assert_cmpuint (g_array_index (anomalies, AtlasOrderAnomaly, 0).cell, ==, 1);
  g_assert_cmpint (g_array_index (anomalies, AtlasOrderAnomaly, 1).kind, ==, ATLAS_ORDER_NULL_EXECUTED);
  g_assert_cmpint (g_array_index (anomalies, AtlasOrderAnomaly, 2).kind, ==, ATLAS_ORDER_JUMP);
  g_assert_cmpint (g_array_index (anomalies, AtlasOrderAnomaly, 3).kind, ==, ATLAS_ORDER_REPEAT);
}

static void
test_crash_line (void)
{
  g_autoptr(GError) error = NULL;
  /* The arrow points at line 3 of cell In[7]; a frame in another cell (a
   * function defined earlier) must not be mistaken for it. */
  g_autoptr(AtlasNotebook) nb = read_string (
    "{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {}, \"cells\": ["
    "  {\"cell_type\": \"code\", \"execution_count\": 6, \"source\": \"def f(d):\\n    return d['x']\", \"outputs\": []},"
    "  {\"cell_type\": \"code\", \"execution_count\": 7, \"source\": \"import numpy as np\\nd = {}\\ny = f(d)\\nprint(y)\","
    "   \"outputs\": [{\"output_type\": \"error\", \"ename\": \"KeyError\", \"evalue\": \"'x'\", \"traceback\": ["
    "    \"\\u001b[0;31m---------------------------------------------------------------------------\\u001b[0m\","
    "    \"\\u001b[0;31mKeyError\\u001b[0m                                  Traceback (most recent call last)\","
    "    \"Cell \\u001b[0;32mIn[7], line 3\\u001b[0m\\n\\u001b[1;32m      1\\u001b[0m import numpy as np\\n\\u001b[1;32m      2\\u001b[0m d = {}\\n\\u001b[0;32m----> 3\\u001b[0m y \\u001b[38;5;241m=\\u001b[39m f(d)\\n\","
    "    \"Cell \\u001b[0;32mIn[6], line 2\\u001b[0m, in \\u001b[0;36mf\\u001b[0;34m(d)\\u001b[0m\\n\\u001b[0;32m----> 2\\u001b[0m     return d['x']\\n\","
    "    \"\\u001b[0;31mKeyError\\u001b[0m: 'x'\"]}]}"
    "]}", &error);
  AtlasCrash *crash;

  g_assert_no_error (error);
  crash = g_ptr_array_index (atlas_notebook_get_crashes (nb), 0);
  g_assert_cmpuint (atlas_crash_get_cell (crash), ==, 1);
  g_assert_cmpuint (atlas_crash_get_line (crash), ==, 3);
  g_assert_cmpuint (atlas_traceback_get_n_frames (atlas_crash_get_traceback (crash)), ==, 2);
}

static void
test_tf_keras_is_keras_use (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasNotebook) nb = read_string (
    "{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {}, \"cells\": ["
    "  {\"cell_type\": \"code\", \"execution_count\": 1, \"outputs\": [], \"source\":"
    "   \"from tensorflow import keras\"}"
    "]}", &error);
  const char * const *packages;

  g_assert_no_error (error);
  packages = atlas_notebook_get_packages (nb);
  g_assert_cmpstr (packages[0], ==, "keras");
  g_assert_cmpstr (packages[1], ==, "tensorflow");
  g_assert_null (packages[2]);
}

static void
test_resolve_names (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasNotebook) nb = read_string (
    "{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {}, \"cells\": ["
    "  {\"cell_type\": \"code\", \"execution_count\": 1, \"outputs\": [], \"source\":"
    "   \"import pandas as pd\\nimport tensorflow as tf\\nimport os.path\\n"
    "from sklearn.model_selection import train_test_split as tts\\nfrom keras import layers\"}"
    "]}", &error);
  g_autofree char *pd = NULL, *tfk = NULL, *osp = NULL, *tts = NULL, *dense = NULL, *none = NULL;
  const char * const *packages;

  g_assert_no_error (error);
  pd = atlas_notebook_resolve_name (nb, "pd.read_csv");
  tfk = atlas_notebook_resolve_name (nb, "tf.keras.layers.Dense");
  osp = atlas_notebook_resolve_name (nb, "os.path.join");
  tts = atlas_notebook_resolve_name (nb, "tts");
  dense = atlas_notebook_resolve_name (nb, "layers.Dense");
  none = atlas_notebook_resolve_name (nb, "np.zeros");
  g_assert_cmpstr (pd, ==, "pandas.read_csv");
  g_assert_cmpstr (tfk, ==, "tensorflow.keras.layers.Dense");
  g_assert_cmpstr (osp, ==, "os.path.join");
  g_assert_cmpstr (tts, ==, "sklearn.model_selection.train_test_split");
  g_assert_cmpstr (dense, ==, "keras.layers.Dense");
  g_assert_null (none);

  packages = atlas_notebook_get_packages (nb);
  g_assert_cmpstr (packages[0], ==, "keras");
  g_assert_cmpstr (packages[1], ==, "os");
  /* "tensorflow.keras" would add keras, which "from keras import" already did. */
  g_assert_cmpstr (packages[2], ==, "pandas");
  g_assert_cmpstr (packages[3], ==, "sklearn");
  g_assert_cmpstr (packages[4], ==, "tensorflow");
  g_assert_null (packages[5]);
}

/* With CRASHES_ONLY a notebook without an error output is checked but not
 * parsed; one with an error output reads exactly as without the flag. */
static void
test_crashes_only (void)
{
  static const char *crash_free =
    "{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {}, \"cells\": ["
    " {\"cell_type\": \"code\", \"execution_count\": 1, \"metadata\": {}, \"source\": \"import pandas\","
    "  \"outputs\": [{\"output_type\": \"stream\", \"name\": \"stdout\", \"text\": \"ok\"}]}]}";
  static const char *never_run =
    "{\"cells\": [{\"cell_type\": \"code\", \"execution_count\": null, \"source\": \"x\", \"outputs\": []},"
    " {\"cell_type\": \"markdown\", \"source\": \"# 1\"}]}";
  static const char *crashing =
    "{\"cells\": [{\"cell_type\": \"code\", \"execution_count\": 4, \"source\": \"import numpy as np\\nnp.zeros(-1)\","
    "  \"outputs\": [{\"output_type\": \"error\", \"ename\": \"ValueError\", \"evalue\": \"negative dimensions\","
    "                \"traceback\": [\"ValueError: negative dimensions\"]}]}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasNotebook) full = NULL;
  g_autoptr(AtlasNotebook) quick = NULL;
  g_autoptr(AtlasNotebook) idle = NULL;
  g_autoptr(AtlasNotebook) with_crash = NULL;
  g_autoptr(AtlasNotebook) with_crash_full = NULL;
  AtlasCrash *a, *b;

  full = read_string_flags (crash_free, ATLAS_READ_DEFAULT, &error);
  g_assert_no_error (error);
  quick = read_string_flags (crash_free, ATLAS_READ_CRASHES_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (atlas_notebook_get_n_cells (full), ==, 1);
  g_assert_cmpuint (atlas_notebook_get_n_cells (quick), ==, 0);
  g_assert_cmpuint (atlas_notebook_get_crashes (quick)->len, ==, 0);
  g_assert_true (atlas_notebook_was_executed (full));
  g_assert_true (atlas_notebook_was_executed (quick));

  idle = read_string_flags (never_run, ATLAS_READ_CRASHES_ONLY, &error);
  g_assert_no_error (error);
  g_assert_false (atlas_notebook_was_executed (idle));

  with_crash = read_string_flags (crashing, ATLAS_READ_CRASHES_ONLY, &error);
  g_assert_no_error (error);
  with_crash_full = read_string_flags (crashing, ATLAS_READ_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (atlas_notebook_get_n_cells (with_crash), ==, 1);
  g_assert_cmpuint (atlas_notebook_get_crashes (with_crash)->len, ==, 1);
  a = g_ptr_array_index (atlas_notebook_get_crashes (with_crash), 0);
  b = g_ptr_array_index (atlas_notebook_get_crashes (with_crash_full), 0);
  g_assert_cmpstr (atlas_crash_get_ename (a), ==, atlas_crash_get_ename (b));
  g_assert_cmpstr (atlas_crash_get_evalue (a), ==, "negative dimensions");
  g_assert_cmpint (atlas_crash_get_execution_count (a), ==, 4);
  g_assert_cmpstr (atlas_notebook_get_packages (with_crash)[0], ==, "numpy");
}

/* What is not parsed is still checked: a crash-free notebook with broken
 * structure, a bad literal or no cells is reported as with full reading. */
static void
test_crashes_only_still_checked (void)
{
  static const BadInput inputs[] = {
    { "object", "{\"a\": 1}", ATLAS_NOTEBOOK_ERROR_NOT_NOTEBOOK },
    { "cells-not-array", "{\"cells\": {}}", ATLAS_NOTEBOOK_ERROR_NOT_NOTEBOOK },
    { "bad-literal", "{\"cells\": [], \"metadata\": {\"trusted\": tru}}", ATLAS_NOTEBOOK_ERROR_INVALID_JSON },
    { "bad-number", "{\"cells\": [{\"execution_count\": 1x}]}", ATLAS_NOTEBOOK_ERROR_INVALID_JSON },
    { "bare-word", "{\"cells\": [{\"outputs\": [{\"data\": {\"x\": None}}]}]}", ATLAS_NOTEBOOK_ERROR_INVALID_JSON },
    { "truncated", "{\"cells\": [{\"cell_type\": \"code\"", ATLAS_NOTEBOOK_ERROR_TRUNCATED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    for (guint flags = ATLAS_READ_DEFAULT; flags <= ATLAS_READ_CRASHES_ONLY; flags += ATLAS_READ_CRASHES_ONLY)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(AtlasNotebook) nb = read_string_flags (inputs[i].json, flags, &error);

        g_test_message ("%s (flags %u)", inputs[i].name, flags);
        g_assert_null (nb);
        g_assert_error (error, ATLAS_NOTEBOOK_ERROR, inputs[i].code);
      }
}

/* Output data and the notebook's own metadata beyond the kernel are never
 * parsed: plot JSON with NaN (which Python writes) and widget state cost
 * nothing, and outputs are still counted. */
static void
test_unused_parts_left_out (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasNotebook) nb = read_string (
    "{\"metadata\": {\"widgets\": {\"state\": {\"x\": [NaN, -Infinity, 1e400]}},"
    "              \"kernelspec\": {\"language\": \"python\", \"name\": \"python3\"}},"
    " \"cells\": [{\"cell_type\": \"code\", \"execution_count\": 2, \"source\": \"fig.show()\","
    "   \"metadata\": {\"execution\": {\"took\": NaN}, \"papermill\": {\"status\": \"failed\"}},"
    "   \"outputs\": [{\"output_type\": \"display_data\", \"metadata\": {},"
    "                  \"data\": {\"application/vnd.plotly.v1+json\": {\"data\": [{\"y\": [1, NaN, 3]}]}}},"
    "                 {\"output_type\": \"stream\", \"name\": \"stderr\", \"text\": [\"warn\\n\"]},"
    "                 {\"output_type\": \"error\", \"ename\": \"KeyError\", \"evalue\": \"'y'\", \"traceback\": []}]}]}",
    &error);

  g_assert_no_error (error);
  g_assert_cmpstr (atlas_notebook_get_language (nb), ==, "python");
  g_assert_true (atlas_notebook_get_cell (nb, 0)->papermill_failed);
  g_assert_cmpuint (atlas_notebook_get_cell (nb, 0)->n_outputs, ==, 3);
  g_assert_cmpuint (atlas_notebook_get_crashes (nb)->len, ==, 1);
  g_assert_cmpstr (atlas_crash_get_ename (g_ptr_array_index (atlas_notebook_get_crashes (nb), 0)), ==, "KeyError");
}

static void
test_invalid_utf8_replaced (void)
{
  /* Bytes that are not UTF-8 in the source, the message and the traceback:
   * each becomes U+FFFD, and nothing else of the notebook is lost. */
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasNotebook) nb = read_string (
    "{\"metadata\": {\"kernelspec\": {\"language\": \"python\"}},"
    " \"cells\": [{\"cell_type\": \"markdown\", \"source\": \"# Caf\xe9\"},"
    "  {\"cell_type\": \"code\", \"execution_count\": 3, \"source\": [\"x = '\xff'\\n\", \"int(x)\"],"
    "   \"outputs\": [{\"output_type\": \"error\", \"ename\": \"ValueError\", \"evalue\": \"bad: '\xff'\","
    "                  \"traceback\": [\"ValueError: bad: '\xff'\"]}]}]}",
    &error);
  AtlasCrash *crash;

  g_assert_no_error (error);
  g_assert_nonnull (nb);
  g_assert_cmpstr (atlas_notebook_get_language (nb), ==, "python");
  g_assert_cmpuint (atlas_notebook_get_n_cells (nb), ==, 2);
  g_assert_cmpstr (atlas_notebook_get_cell (nb, 0)->source, ==, "# Caf\xef\xbf\xbd");
  g_assert_cmpstr (atlas_notebook_get_cell (nb, 1)->source, ==, "x = '\xef\xbf\xbd'\nint(x)");
  g_assert_cmpuint (atlas_notebook_get_crashes (nb)->len, ==, 1);
  crash = g_ptr_array_index (atlas_notebook_get_crashes (nb), 0);
  g_assert_cmpstr (atlas_crash_get_evalue (crash), ==, "bad: '\xef\xbf\xbd'");
  g_assert_cmpint (atlas_crash_get_execution_count (crash), ==, 3);
}

static void
assert_valid_after (const char *text,
                    const char *before)
{
  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_true (g_str_has_prefix (text, before));
}

static void
test_lone_surrogate_replaced (void)
{
  /* json-glib decodes an escaped surrogate without its pair into bytes that
   * are not UTF-8 (and drops the character after it); the reader replaces
   * them wherever they land. A pair stays the character it encodes. */
  static const char *const flags_names[] = { "default", "plain tracebacks" };
  const AtlasReadFlags flags[] = { ATLAS_READ_DEFAULT, ATLAS_READ_PLAIN_TRACEBACKS };

  for (guint i = 0; i < G_N_ELEMENTS (flags); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AtlasNotebook) nb = read_string_flags (
        "{\"cells\": [{\"cell_type\": \"markdown\", \"source\": \"# a\\ud800b \\ud83d\\ude00\"},"
        "  {\"cell_type\": \"code\", \"execution_count\": 1, \"source\": [\"x = '\\uDC01'\\n\", \"int(x)\"],"
        "   \"outputs\": [{\"output_type\": \"error\", \"ename\": \"Value\\udbffError\", \"evalue\": \"bad: \\ud800!\","
        "                  \"traceback\": [\"Traceback \\ud801:\", \"ValueError: bad \\ud800!\"]}]}]}",
        flags[i], &error);
      AtlasTraceback *traceback;
      AtlasCrash *crash;

      g_test_message ("%s", flags_names[i]);
      g_assert_no_error (error);
      g_assert_nonnull (nb);
      assert_valid_after (atlas_notebook_get_cell (nb, 0)->source, "# a");
      g_assert_true (g_str_has_suffix (atlas_notebook_get_cell (nb, 0)->source, " \xf0\x9f\x98\x80"));
      assert_valid_after (atlas_notebook_get_cell (nb, 1)->source, "x = '");
      g_assert_true (g_str_has_suffix (atlas_notebook_get_cell (nb, 1)->source, "int(x)"));
      g_assert_cmpuint (atlas_notebook_get_crashes (nb)->len, ==, 1);
      crash = g_ptr_array_index (atlas_notebook_get_crashes (nb), 0);
      assert_valid_after (atlas_crash_get_ename (crash), "Value");
      assert_valid_after (atlas_crash_get_evalue (crash), "bad: ");
      traceback = atlas_crash_get_traceback (crash);
      assert_valid_after (atlas_traceback_get_raw (traceback), "Traceback ");
      assert_valid_after (atlas_traceback_get_text (traceback), "Traceback ");
      g_assert_nonnull (strstr (atlas_traceback_get_text (traceback), "\nValueError: bad "));
    }
}

#define COLOURED_CRASH \
  "{\"cells\": [{\"cell_type\": \"markdown\", \"source\": [\"# Train\\n\", \"text\"]}," \
  " {\"cell_type\": \"code\", \"execution_count\": 1, \"source\": [\"import numpy as np\\n\", \"np.zeros((2, 2)) @ np.zeros(3)\"]," \
  "  \"outputs\": [{\"output_type\": \"error\", \"ename\": \"ValueError\", \"evalue\": \"matmul: mismatch\"," \
  "   \"traceback\": [\"\\u001b[0;31m---------\\u001b[0m\", \"\\u001b[0;31mValueError\\u001b[0m: matmul: mismatch\"]}]}]}"

static void
test_plain_tracebacks (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasNotebook) coloured = read_string_flags (COLOURED_CRASH, ATLAS_READ_DEFAULT, &error);
  g_autoptr(AtlasNotebook) plain = read_string_flags (COLOURED_CRASH, ATLAS_READ_PLAIN_TRACEBACKS, &error);
  AtlasTraceback *coloured_tb;
  AtlasTraceback *plain_tb;

  g_assert_no_error (error);
  coloured_tb = atlas_crash_get_traceback (g_ptr_array_index (atlas_notebook_get_crashes (coloured), 0));
  plain_tb = atlas_crash_get_traceback (g_ptr_array_index (atlas_notebook_get_crashes (plain), 0));
  g_assert_nonnull (strchr (atlas_traceback_get_raw (coloured_tb), '\033'));
  g_assert_cmpstr (atlas_traceback_get_raw (plain_tb), ==, "---------\nValueError: matmul: mismatch");
  g_assert_cmpstr (atlas_traceback_get_text (plain_tb), ==, atlas_traceback_get_text (coloured_tb));
  /* The source lines reach the cells joined, as before. */
  g_assert_cmpstr (atlas_notebook_get_cell (plain, 0)->source, ==, "# Train\ntext");
  g_assert_cmpstr (atlas_notebook_get_cell (plain, 1)->source, ==, "import numpy as np\nnp.zeros((2, 2)) @ np.zeros(3)");
}

static void
test_drop_contents (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasNotebook) nb = read_string (COLOURED_CRASH, &error);
  AtlasCrash *crash;

  g_assert_no_error (error);
  crash = g_ptr_array_index (atlas_notebook_get_crashes (nb), 0);
  g_assert_nonnull (atlas_crash_get_traceback (crash));
  atlas_notebook_drop_contents (nb);

  /* What a record needs stays: the crash, its place, the packages. */
  g_assert_cmpuint (atlas_notebook_get_n_cells (nb), ==, 2);
  g_assert_cmpuint (atlas_notebook_get_crashes (nb)->len, ==, 1);
  g_assert_true (g_ptr_array_index (atlas_notebook_get_crashes (nb), 0) == crash);
  g_assert_cmpstr (atlas_crash_get_evalue (crash), ==, "matmul: mismatch");
  g_assert_cmpuint (atlas_crash_get_cell (crash), ==, 1);
  g_assert_true (g_strv_contains (atlas_notebook_get_packages (nb), "numpy"));
  g_assert_null (atlas_crash_get_traceback (crash));
  g_assert_cmpuint (atlas_notebook_get_headings (nb)->len, ==, 0);
}

static char *
write_temp (const char *dir,
            const char *name,
            const char *contents)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

/* A draft is what is left to parse: the notebook it finishes into is the
 * one reading the file in one go gives, hash included. */
static void
test_drafts (void)
{
  static const char *crash_free =
    "{\"cells\": [{\"cell_type\": \"code\", \"execution_count\": 1, \"source\": \"x = 1\", \"outputs\": []}]}";
  g_autofree char *dir = g_dir_make_tmp ("atlas-drafts-XXXXXX", NULL);
  g_autofree char *crashing_path = write_temp (dir, "crashing.ipynb", COLOURED_CRASH);
  g_autofree char *crash_free_path = write_temp (dir, "crash-free.ipynb", crash_free);
  g_autofree char *broken_path = write_temp (dir, "broken.ipynb", "{\"cells\": [");
  AtlasReadFlags flags = ATLAS_READ_CRASHES_ONLY | ATLAS_READ_CONTENT_HASH;
  g_autoptr(AtlasNotebookDraft) draft = NULL;
  g_autoptr(AtlasNotebook) direct = NULL;
  g_autoptr(AtlasNotebook) finished = NULL;
  g_autoptr(AtlasNotebook) quick = NULL;
  g_autoptr(GError) error = NULL;
  AtlasCrash *a, *b;

  g_assert_null (atlas_notebook_read_file_draft (crashing_path, "crashing.ipynb", ATLAS_PLATFORM_KAGGLE,
                                                 flags, &draft, &error));
  g_assert_no_error (error);
  g_assert_nonnull (draft);
  g_assert_cmpuint (atlas_notebook_draft_get_size (draft), >, 0);
  finished = atlas_notebook_draft_finish (draft, &error);
  g_assert_no_error (error);
  direct = atlas_notebook_read_file (crashing_path, "crashing.ipynb", ATLAS_PLATFORM_KAGGLE, flags, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (atlas_notebook_get_location (finished), ==, "crashing.ipynb");
  g_assert_cmpint (atlas_notebook_get_platform (finished), ==, ATLAS_PLATFORM_KAGGLE);
  g_assert_cmpstr (atlas_notebook_get_content_hash (finished), ==, atlas_notebook_get_content_hash (direct));
  g_assert_nonnull (atlas_notebook_get_content_hash (finished));
  g_assert_cmpuint (atlas_notebook_get_size (finished), ==, strlen (COLOURED_CRASH));
  g_assert_cmpuint (atlas_notebook_get_n_cells (finished), ==, atlas_notebook_get_n_cells (direct));
  g_assert_cmpuint (atlas_notebook_get_crashes (finished)->len, ==, 1);
  a = g_ptr_array_index (atlas_notebook_get_crashes (finished), 0);
  b = g_ptr_array_index (atlas_notebook_get_crashes (direct), 0);
  g_assert_cmpstr (atlas_crash_get_evalue (a), ==, atlas_crash_get_evalue (b));
  g_assert_cmpuint (atlas_crash_get_cell (a), ==, atlas_crash_get_cell (b));
  g_clear_pointer (&draft, atlas_notebook_draft_free);

  /* Nothing to parse: the notebook comes at once. */
  quick = atlas_notebook_read_file_draft (crash_free_path, NULL, ATLAS_PLATFORM_LOCAL, flags, &draft, &error);
  g_assert_no_error (error);
  g_assert_null (draft);
  g_assert_nonnull (quick);
  g_assert_cmpstr (atlas_notebook_get_location (quick), ==, crash_free_path);
  g_assert_cmpuint (atlas_notebook_get_crashes (quick)->len, ==, 0);

  /* Neither does a broken file: its error names it. */
  g_assert_null (atlas_notebook_read_file_draft (broken_path, "broken.ipynb", ATLAS_PLATFORM_LOCAL, flags,
                                                 &draft, &error));
  g_assert_null (draft);
  g_assert_error (error, ATLAS_NOTEBOOK_ERROR, ATLAS_NOTEBOOK_ERROR_TRUNCATED);
  g_assert_true (g_str_has_prefix (error->message, "broken.ipynb: "));

  g_unlink (crashing_path);
  g_unlink (crash_free_path);
  g_unlink (broken_path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Atlas/Reader/v4-error-output", test_v4_error_output);
  g_test_add_func ("/Atlas/Reader/v3-pyerr", test_v3_pyerr);
  g_test_add_func ("/Atlas/Reader/bad-input", test_bad_input);
  g_test_add_func ("/Atlas/Reader/crashes-only", test_crashes_only);
  g_test_add_func ("/Atlas/Reader/crashes-only-still-checked", test_crashes_only_still_checked);
  g_test_add_func ("/Atlas/Reader/unused-parts-left-out", test_unused_parts_left_out);
  g_test_add_func ("/Atlas/Reader/invalid-utf8-replaced", test_invalid_utf8_replaced);
  g_test_add_func ("/Atlas/Reader/lone-surrogate-replaced", test_lone_surrogate_replaced);
  g_test_add_func ("/Atlas/Reader/plain-tracebacks", test_plain_tracebacks);
  g_test_add_func ("/Atlas/Reader/drop-contents", test_drop_contents);
  g_test_add_func ("/Atlas/Reader/drafts", test_drafts);
  g_test_add_func ("/Atlas/Reader/deep-nesting", test_deep_nesting);
  g_test_add_func ("/Atlas/Reader/payload-skipped-but-checked", test_payload_skipped_but_checked);
  g_test_add_func ("/Atlas/Reader/wrong-types", test_wrong_types);
  g_test_add_func ("/Atlas/Reader/papermill", test_papermill);
  g_test_add_func ("/Atlas/Reader/order-anomalies", test_order_anomalies);
  g_test_add_func ("/Atlas/Reader/crash-line", test_crash_line);
  g_test_add_func ("/Atlas/Reader/resolve-names", test_resolve_names);
  g_test_add_func ("/Atlas/Reader/tf-keras-is-keras-use", test_tf_keras_is_keras_use);

  return g_test_run ();
}

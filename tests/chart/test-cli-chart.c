/* test-cli-chart.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE  /* memmem */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <glib/gstdio.h>
#include "atlas-test.h"

/* End-to-end checks of `crash-atlas chart` on notebooks written into a
 * temporary folder; the binary is $CRASH_ATLAS. */

static const char *crash_atlas;

static guint32
be32 (const guint8 *p)
{
  return ((guint32)p[0] << 24) | ((guint32)p[1] << 16) | ((guint32)p[2] << 8) | p[3];
}


#define ERROR_OUTPUT(ename, evalue) \
  "{\"output_type\": \"error\", \"ename\": \"" ename "\", \"evalue\": \"" evalue "\", \"traceback\": []}"
#define CODE_CELL(n, source, outputs) \
  "{\"cell_type\": \"code\", \"execution_count\": " #n ", \"metadata\": {}, \"source\": \"" source \
  "\", \"outputs\": [" outputs "]}"
#define NOTEBOOK(cells) "{\"nbformat\": 4, \"nbformat_minor\": 4, \"metadata\": {}, \"cells\": [" cells "]}"

typedef struct
{
  char *dir;
  char *notebooks;
} Fixture;

static void
write_file (const char *dir,
            const char *name,
            const char *text)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

/* Three crashes in two notebooks, and a notebook without any. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("atlas-cli-chart-XXXXXX", &error);
  g_assert_no_error (error);
  f->notebooks = g_build_filename (f->dir, "notebooks", NULL);
  g_mkdir (f->notebooks, 0755);
  write_file (f->notebooks, "a.ipynb",
              NOTEBOOK (CODE_CELL (1, "import pandas as pd\\ndf = pd.read_csv('x.csv')",
                                   ERROR_OUTPUT ("FileNotFoundError", "No such file: x.csv")) ","
                        CODE_CELL (2, "print(y)", ERROR_OUTPUT ("NameError", "name 'y' is not defined"))));
  write_file (f->notebooks, "b.ipynb",
              NOTEBOOK (CODE_CELL (1, "import numpy as np\\nnp.zeros(3) + np.zeros(4)",
                                   ERROR_OUTPUT ("ValueError", "operands could not be broadcast together"))));
  write_file (f->notebooks, "clean.ipynb", NOTEBOOK (CODE_CELL (1, "1 + 1", "")));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  atlas_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->notebooks);
}

/* Runs crash-atlas chart ARGS…; returns the exit status. */
static int
run_chart (char       **out_stderr,
           const char  *first,
           ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  va_list args;

  g_ptr_array_add (argv, (char *)"chart");
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  return atlas_test_run_cli ((const char * const *)argv->pdata, NULL, NULL, out_stderr);
}

static char *
read_output (Fixture    *f,
             const char *name,
             gsize      *len)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, len, &error));
  g_assert_no_error (error);
  return contents;
}

static void
test_pdf_size (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *out = g_build_filename (f->dir, "stage.pdf", NULL);
  g_autofree char *pdf = NULL;
  const char *box;
  double x0, y0, x1, y1;
  gsize len;

  g_assert_cmpint (run_chart (NULL, "--kind", "stage", "--width-cm", "12", "--height-cm", "8",
                              "--output", out, f->notebooks, NULL), ==, 0);
  pdf = read_output (f, "stage.pdf", &len);
  g_assert_true (g_str_has_prefix (pdf, "%PDF-"));
  box = memmem (pdf, len, "/MediaBox [", 11);
  g_assert_nonnull (box);
  g_assert_cmpint (sscanf (box, "/MediaBox [ %lf %lf %lf %lf ]", &x0, &y0, &x1, &y1), ==, 4);
  g_assert_cmpfloat_with_epsilon (x1, 12 / 2.54 * 72, 1e-4);
  g_assert_cmpfloat_with_epsilon (y1, 8 / 2.54 * 72, 1e-4);
}

static void
test_png_size (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *out = g_build_filename (f->dir, "types.png", NULL);
  g_autofree char *png = NULL;
  const guint8 *p;
  gsize len;

  g_assert_cmpint (run_chart (NULL, "--kind", "crash-type", "--by-platform", "--width-in", "4", "--height-in", "3",
                              "--dpi", "150", "-o", out, f->notebooks, NULL), ==, 0);
  png = read_output (f, "types.png", &len);
  p = (const guint8 *)png;
  g_assert_cmpmem (p, 8, "\x89PNG\r\n\x1a\n", 8);
  g_assert_cmpuint (be32 (p + 16), ==, 600);
  g_assert_cmpuint (be32 (p + 20), ==, 450);
  g_assert_cmpmem (p + 8 + 25 + 4, 4, "pHYs", 4);
}

static void
test_svg_size_and_title (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *out = g_build_filename (f->dir, "heat.svg", NULL);
  g_autofree char *svg = NULL;
  const char *w;
  double width, height;
  gsize len;

  g_assert_cmpint (run_chart (NULL, "--kind", "cause-by-type", "--width-mm", "100", "--height-mm", "60",
                              "--style", "dark", "--title", "<b>&%s</b>", "-o", out, f->notebooks, NULL), ==, 0);
  svg = read_output (f, "heat.svg", &len);
  w = strstr (svg, "width=\"");
  g_assert_nonnull (w);
  g_assert_cmpint (sscanf (w, "width=\"%lfpt\" height=\"%lfpt\"", &width, &height), ==, 2);
  g_assert_cmpfloat_with_epsilon (width, 100 / 25.4 * 72, 1e-4);
  g_assert_cmpfloat_with_epsilon (height, 60 / 25.4 * 72, 1e-4);
  g_assert_nonnull (strstr (svg, "<title>&lt;b&gt;&amp;%s&lt;/b&gt;</title>"));
}

/* The CSV's totals add up to the crashes of the folder, whatever labels
 * the classifier gives them. */
static void
test_csv_numbers (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *out = g_build_filename (f->dir, "stage.csv", NULL);
  g_autofree char *csv = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) header = NULL;
  guint total_column = G_MAXUINT, total = 0;
  gsize len;

  g_assert_cmpint (run_chart (NULL, "--kind", "stage", "-o", out, f->notebooks, NULL), ==, 0);
  csv = read_output (f, "stage.csv", &len);
  lines = g_strsplit (csv, "\r\n", -1);
  header = g_strsplit (lines[0], ",", -1);
  g_assert_cmpstr (header[0], ==, "stage");
  for (guint i = 0; header[i] != NULL; i++)
    if (g_strcmp0 (header[i], "total") == 0)
      total_column = i;
  g_assert_cmpuint (total_column, !=, G_MAXUINT);
  for (guint i = 1; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      g_auto(GStrv) cells = g_strsplit (lines[i], ",", -1);

      total += (guint)g_ascii_strtoull (cells[total_column], NULL, 10);
    }
  g_assert_cmpuint (total, ==, 3);
}

/* The command classifies: a NameError of a plain variable is counted as
 * "variable not found", not left unclassified. */
static void
test_classified (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *out = g_build_filename (f->dir, "types.csv", NULL);
  g_autofree char *csv = NULL;
  gsize len;

  g_assert_cmpint (run_chart (NULL, "--kind", "crash-type", "-o", out, f->notebooks, NULL), ==, 0);
  csv = read_output (f, "types.csv", &len);
  g_assert_true (g_str_has_prefix (csv, "crash_type,total,total_percent\r\n"));
  g_assert_nonnull (strstr (csv, "\r\nvariable not found,1,33.3\r\n"));
  g_assert_null (strstr (csv, "unclassified"));
}

static void
test_unreadable_inputs (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *out = g_build_filename (f->dir, "partial.pdf", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "missing", NULL);
  g_autofree char *err = NULL;
  g_autofree char *pdf = NULL;
  gsize len;

  write_file (f->notebooks, "broken.ipynb", "{ this is not json");
  write_file (f->dir, "partial.pdf", "an earlier figure");
  g_assert_cmpint (run_chart (&err, "--kind", "library", "-o", out, f->notebooks, missing, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "broken.ipynb"));
  g_assert_nonnull (strstr (err, missing));
  /* nothing is written: the file there before is untouched */
  pdf = read_output (f, "partial.pdf", &len);
  g_assert_cmpstr (pdf, ==, "an earlier figure");
}

static void
test_unwritable_output (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *out = g_build_filename (f->dir, "no-such-dir", "chart.png", NULL);
  g_autofree char *err = NULL;

  g_assert_cmpint (run_chart (&err, "--kind", "stage", "-o", out, f->notebooks, NULL), ==, 1);
  g_assert_nonnull (strstr (err, out));
}

static void
test_usage_errors (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "x.pdf", NULL);
  g_autofree char *jpg = g_build_filename (f->dir, "x.jpg", NULL);

  g_assert_cmpint (run_chart (NULL, "--kind", "pie", "-o", pdf, f->notebooks, NULL), ==, 2);
  g_assert_cmpint (run_chart (NULL, "--kind", "stage", f->notebooks, NULL), ==, 2);
  g_assert_cmpint (run_chart (NULL, "--kind", "stage", "-o", jpg, f->notebooks, NULL), ==, 2);
  g_assert_cmpint (run_chart (NULL, "--kind", "stage", "-o", pdf, NULL), ==, 2);
  g_assert_cmpint (run_chart (NULL, "--kind", "stage", "--width-cm", "10", "--width-in", "4", "-o", pdf,
                              f->notebooks, NULL), ==, 2);
  g_assert_cmpint (run_chart (NULL, "--kind", "stage", "--dpi", "0.5", "-o", pdf, f->notebooks, NULL), ==, 2);
  g_assert_cmpint (run_chart (NULL, "--kind", "stage", "--as-platform", "myspace", "-o", pdf, f->notebooks, NULL), ==, 2);
  g_assert_cmpint (run_chart (NULL, "--kind", "stage", "--style", "neon", "-o", pdf, f->notebooks, NULL), ==, 2);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

/* Every word of an 8.5 cm wide PDF is set at 6 pt or more, whatever the
 * chart: measured on the page by poppler (pdftotext -bbox), a word's box
 * is its font size tall (wide, for a word read bottom to top). */
static void
test_column_text_sizes (Fixture       *f,
                        gconstpointer  data)
{
  static const char *const kinds[] = { "stage", "library", "root-cause", "crash-type",
                                       "cause-by-stage", "cause-by-type" };
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  /* At 7 cm high, and at the height the chart needs (no height given). */
  for (guint k = 0; k < 2 * G_N_ELEMENTS (kinds); k++)
    {
      g_autofree char *out = g_build_filename (f->dir, "column.pdf", NULL);
      g_autofree char *html = NULL;
      const char *argv[] = { pdftotext, "-bbox", out, "-", NULL };
      const char *kind = kinds[k % G_N_ELEMENTS (kinds)];
      gboolean natural = k >= G_N_ELEMENTS (kinds);
      const char *p, *page;
      guint n_words = 0;
      int wait_status;
      double width, height;

      if (natural)
        g_assert_cmpint (run_chart (NULL, "--kind", kind, "--column", "8.5cm", "-o", out, f->notebooks, NULL), ==, 0);
      else
        g_assert_cmpint (run_chart (NULL, "--kind", kind, "--column", "8.5cm", "--height-cm", "7",
                                    "-o", out, f->notebooks, NULL), ==, 0);
      g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                                   &html, NULL, &wait_status, NULL));
      for (p = strstr (html, "<word "); p != NULL; p = strstr (p + 1, "<word "))
        {
          double x0, y0, x1, y1, size;
          const char *text = strchr (p, '>') + 1;

          g_assert_cmpint (sscanf (p, "<word xMin=\"%lf\" yMin=\"%lf\" xMax=\"%lf\" yMax=\"%lf\"",
                                   &x0, &y0, &x1, &y1), ==, 4);
          /* A word of a few letters may be narrower than tall; a longer
           * one is, only when it is read bottom to top. */
          size = strcspn (text, "<") < 4 ? MAX (x1 - x0, y1 - y0) : MIN (x1 - x0, y1 - y0);
          if (size < 6.0)
            g_error ("%s: a word %.1f pt tall: %.120s", kind, size, p);
          n_words++;
        }
      g_assert_cmpuint (n_words, >, 10);
      page = strstr (html, "<page width=\"");
      g_assert_nonnull (page);
      g_assert_cmpint (sscanf (page, "<page width=\"%lf\" height=\"%lf\"", &width, &height), ==, 2);
      g_assert_cmpfloat_with_epsilon (width, 8.5 / 2.54 * 72, 0.01);
      if (!natural)
        g_assert_cmpfloat_with_epsilon (height, 7 / 2.54 * 72, 0.01);
      else
        /* neither the default 10 cm nor a sliver */
        g_assert_true (height > 100 && fabs (height - 10 / 2.54 * 72) > 1);
    }
}

/* A heatmap too narrow for its names prints identifiers, and a key on
 * the page says what each stands for (poppler reads no-break spaces as
 * spaces). */
static void
test_heatmap_key (Fixture       *f,
                  gconstpointer  data)
{
  static const char *const crash_types[] = { "VNF", "NAME", "MODULE", "ATTR", "KEY", "INDEX", "TYPE",
                                             "VALUE", "TSHAPE", "BCAST", "DVIOL", "FNAME", "IARG",
                                             "INIT", "RUNTIME", "OOM", "IO", "RERR", "ENV", "OTHER" };
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *out = g_build_filename (f->dir, "heatmap.pdf", NULL);
  g_autofree char *text = NULL;
  const char *argv[] = { NULL, out, "-", NULL };
  guint n_columns = 0;
  int wait_status;

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  argv[0] = pdftotext;
  g_assert_cmpint (run_chart (NULL, "--kind", "cause-by-type", "--column", "17.8cm", "--height-cm", "12",
                              "-o", out, f->notebooks, NULL), ==, 0);
  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &text, NULL, &wait_status, NULL));
  g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (crash_types); i++)
    {
      g_autofree char *label = g_strdup_printf ("\n%s\n", crash_types[i]);
      g_autofree char *entry = g_strdup_printf ("%s: ", crash_types[i]);

      /* A column labelled by the identifier has its entry in the key. */
      if (strstr (text, label) != NULL)
        {
          n_columns++;
          if (strstr (text, entry) == NULL)
            g_error ("no key entry for %s in: %s", crash_types[i], text);
        }
    }
  /* the fixture's name error, file error and broadcast */
  g_assert_cmpuint (n_columns, ==, 3);
  g_assert_nonnull (strstr (text, "BCAST: unsupported broadcast"));

  /* Root causes by stage at a column's width: the rows' names do not fit
   * beside six stages, so rows and columns go by identifiers, all keyed. */
  g_clear_pointer (&text, g_free);
  g_assert_cmpint (run_chart (NULL, "--kind", "cause-by-stage", "--column", "8.5cm", "--height-cm", "11",
                              "-o", out, f->notebooks, NULL), ==, 0);
  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &text, NULL, &wait_status, NULL));
  g_assert_nonnull (strstr (text, "NB: notebook"));
  g_assert_nonnull (strstr (text, "IMPL: implementation error"));
  g_assert_nonnull (strstr (text, "DATAP: data preparation"));
}

/* A figure writes numbers as the locale does (German: "33,3 %"); its CSV
 * stays machine-readable ("33.3") in any locale. The German locale is
 * compiled into the test's folder (LOCPATH), so the machine needs only the
 * locale sources (package "locales"). */
static void
test_locale_numbers (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *localedef = g_find_program_in_path ("localedef");
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *locales = g_build_filename (f->dir, "locale", NULL);
  g_autofree char *german = g_build_filename (locales, "de_DE.UTF-8", NULL);
  g_autofree char *pdf = g_build_filename (f->dir, "de.pdf", NULL);
  g_autofree char *csv = g_build_filename (f->dir, "de.csv", NULL);
  g_autofree char *text = NULL, *table = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  const char *define[] = { NULL, "-i", "de_DE", "-f", "UTF-8", german, NULL };
  const char *to_text[] = { NULL, pdf, "-", NULL };
  const char *pdf_args[] = { "chart", "--kind", "crash-type", "-o", pdf, f->notebooks, NULL };
  const char *csv_args[] = { "chart", "--kind", "crash-type", "-o", csv, f->notebooks, NULL };
  int wait_status;

  if (localedef == NULL || pdftotext == NULL
      || !g_file_test ("/usr/share/i18n/locales/de_DE", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("localedef, pdftotext or the locale sources (package locales) are missing");
      return;
    }
  define[0] = localedef;
  g_mkdir (locales, 0755);
  g_assert_true (g_spawn_sync (NULL, (char **)define, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, NULL, NULL, &wait_status, NULL));
  g_assert_true (g_file_test (german, G_FILE_TEST_IS_DIR));
  envp = g_environ_setenv (envp, "LOCPATH", locales, TRUE);
  envp = g_environ_setenv (envp, "LC_ALL", "de_DE.UTF-8", TRUE);

  g_assert_cmpint (atlas_test_run_cli (pdf_args, (const char * const *)envp, NULL, NULL), ==, 0);
  to_text[0] = pdftotext;
  g_assert_true (g_spawn_sync (NULL, (char **)to_text, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &text, NULL, &wait_status, NULL));
  /* one crash of three */
  g_assert_nonnull (strstr (text, "33,3 %"));
  g_assert_null (strstr (text, "33.3"));

  g_assert_cmpint (atlas_test_run_cli (csv_args, (const char * const *)envp, NULL, NULL), ==, 0);
  g_assert_true (g_file_get_contents (csv, &table, NULL, NULL));
  g_assert_nonnull (strstr (table, "33.3"));
  g_assert_null (strstr (table, "33,3"));
}

/* `order` counts the crashing notebooks run out of order (here one of
 * three: cell 1 ran before cell 0), the same from the notebooks as from a
 * corpus file of them, and narrowed by a filter. */
static void
test_order (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *db = g_build_filename (f->dir, "order.db", NULL);
  g_autofree char *from_paths = NULL, *from_db = NULL, *filtered = NULL;
  const char *paths_args[] = { "order", "--format", "csv", f->notebooks, NULL };
  const char *scan_args[] = { "scan", "--db", db, f->notebooks, NULL };
  const char *db_args[] = { "order", "--format", "csv", "--db", db, NULL };
  const char *filter_args[] = { "order", "--format", "csv", "--crash-type", "BCAST", "--db", db, NULL };
  const char *bad_args[] = { "order", "--format", "xml", f->notebooks, NULL };

  write_file (f->notebooks, "late.ipynb",
              NOTEBOOK (CODE_CELL (5, "df = load()", "") ","
                        CODE_CELL (2, "print(df)", ERROR_OUTPUT ("NameError", "name 'df' is not defined"))));
  g_assert_cmpint (atlas_test_run_cli (paths_args, NULL, &from_paths, NULL), ==, 0);
  g_assert_nonnull (strstr (from_paths, "counted,total,out_of_order,percent\n"));
  g_assert_nonnull (strstr (from_paths, "\nnotebooks,3,1,33.3\n"));
  g_assert_nonnull (strstr (from_paths, "\ncrashes,4,1,25.0\n"));

  g_assert_cmpint (atlas_test_run_cli (scan_args, NULL, NULL, NULL), ==, 0);
  g_assert_cmpint (atlas_test_run_cli (db_args, NULL, &from_db, NULL), ==, 0);
  g_assert_cmpstr (from_db, ==, from_paths);

  /* only the broadcast error's notebook, which ran in order */
  g_assert_cmpint (atlas_test_run_cli (filter_args, NULL, &filtered, NULL), ==, 0);
  g_assert_nonnull (strstr (filtered, "\nnotebooks,1,0,0.0\n"));

  g_assert_cmpint (atlas_test_run_cli (bad_args, NULL, NULL, NULL), ==, 2);
}

/* A corpus file gives the figure its notebooks give, and the filters
 * narrow it. */
static void
test_db_equals_paths (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *db = g_build_filename (f->dir, "corpus.crashatlas", NULL);
  g_autofree char *from_db = g_build_filename (f->dir, "db.csv", NULL);
  g_autofree char *from_paths = g_build_filename (f->dir, "paths.csv", NULL);
  g_autofree char *filtered = g_build_filename (f->dir, "filtered.csv", NULL);
  g_autofree char *a = NULL, *b = NULL, *c = NULL;
  const char *scan[] = { "scan", "--db", db, f->notebooks, NULL };
  gsize len;

  g_assert_cmpint (atlas_test_run_cli (scan, NULL, NULL, NULL), ==, 0);
  for (guint k = 0; k < 2; k++)
    {
      const char *kind = k == 0 ? "crash-type" : "cause-by-stage";

      g_assert_cmpint (run_chart (NULL, "--kind", kind, "--db", db, "-o", from_db, NULL), ==, 0);
      g_assert_cmpint (run_chart (NULL, "--kind", kind, "-o", from_paths, f->notebooks, NULL), ==, 0);
      g_clear_pointer (&a, g_free);
      g_clear_pointer (&b, g_free);
      a = read_output (f, "db.csv", &len);
      b = read_output (f, "paths.csv", &len);
      g_assert_cmpstr (a, ==, b);
    }
  g_assert_cmpint (run_chart (NULL, "--kind", "crash-type", "--db", db, "--crash-type", "VNF",
                              "-o", filtered, NULL), ==, 0);
  c = read_output (f, "filtered.csv", &len);
  g_assert_nonnull (strstr (c, "\r\nvariable not found,1,100.0\r\n"));
  g_assert_cmpint (run_chart (NULL, "--kind", "stage", "--db", db, "--stage", "NOPE", "-o", filtered, NULL), ==, 2);
  g_assert_cmpint (run_chart (NULL, "--kind", "stage", "--db", db, "-o", filtered, f->notebooks, NULL), ==, 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  crash_atlas = g_getenv ("CRASH_ATLAS");
  if (crash_atlas == NULL || !g_file_test (crash_atlas, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_printerr ("CRASH_ATLAS does not point to the crash-atlas binary; skipping\n");
      return 77;
    }

  g_test_add ("/Atlas/Chart/cli/pdf-size", Fixture, NULL, fixture_set_up, test_pdf_size, fixture_tear_down);
  g_test_add ("/Atlas/Chart/cli/png-size", Fixture, NULL, fixture_set_up, test_png_size, fixture_tear_down);
  g_test_add ("/Atlas/Chart/cli/svg-size-and-title", Fixture, NULL, fixture_set_up, test_svg_size_and_title,
              fixture_tear_down);
  g_test_add ("/Atlas/Chart/cli/csv-numbers", Fixture, NULL, fixture_set_up, test_csv_numbers, fixture_tear_down);
  g_test_add ("/Atlas/Chart/cli/classified", Fixture, NULL, fixture_set_up, test_classified, fixture_tear_down);
  g_test_add ("/Atlas/Chart/cli/unreadable-inputs", Fixture, NULL, fixture_set_up, test_unreadable_inputs,
              fixture_tear_down);
  g_test_add ("/Atlas/Chart/cli/unwritable-output", Fixture, NULL, fixture_set_up, test_unwritable_output,
              fixture_tear_down);
  g_test_add ("/Atlas/Chart/cli/column-text-sizes", Fixture, NULL, fixture_set_up, test_column_text_sizes,
              fixture_tear_down);
  g_test_add ("/Atlas/Chart/cli/heatmap-key", Fixture, NULL, fixture_set_up, test_heatmap_key, fixture_tear_down);
  g_test_add ("/Atlas/Chart/cli/locale-numbers", Fixture, NULL, fixture_set_up, test_locale_numbers,
              fixture_tear_down);
  g_test_add ("/Atlas/Chart/cli/order", Fixture, NULL, fixture_set_up, test_order, fixture_tear_down);
  g_test_add ("/Atlas/Chart/cli/db-equals-paths", Fixture, NULL, fixture_set_up, test_db_equals_paths,
              fixture_tear_down);
  g_test_add ("/Atlas/Chart/cli/usage-errors", Fixture, NULL, fixture_set_up, test_usage_errors, fixture_tear_down);

  return g_test_run ();
}

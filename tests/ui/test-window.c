/* test-window.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <math.h>
#include <string.h>
#include <glib/gstdio.h>
#include <gtksourceview/gtksource.h>

#include "atlas-application.h"
#include "atlas-cell-view.h"
#include "atlas-corpus-file.h"
#include "atlas-demo.h"
#include "atlas-export-dialog.h"
#include "atlas-rules-row.h"
#include "atlas-window-private.h"

/* A stranger's notebook: every field a renderer could misread as markup or
 * a format string. */
#define HOSTILE_MESSAGE "<b>&%s</b> &amp; %n"
#define HOSTILE_HEADING "# <i>Load</i> & <span>data</span> %s"

#define NOTEBOOK_TEMPLATE \
  "{\"nbformat\": 4, \"nbformat_minor\": 5," \
  " \"metadata\": {\"kernelspec\": {\"name\": \"python3\", \"language\": \"python\"}}," \
  " \"cells\": [" \
  "\n  {\"cell_type\": \"markdown\", \"metadata\": {}, \"source\": [\"%s\"]}," \
  "\n  {\"cell_type\": \"code\", \"execution_count\": 1, \"metadata\": {}, \"outputs\": []," \
  "\n   \"source\": [\"import pandas as pd\\n\", \"df = pd.DataFrame({'a': [1, 2]})\"]}," \
  "\n  {\"cell_type\": \"code\", \"execution_count\": 2, \"metadata\": {}," \
  "\n   \"source\": [\"x = 1\\n\", \"y = %s + x\\n\", \"print(y)\"]," \
  "\n   \"outputs\": [{\"output_type\": \"error\", \"ename\": \"%s\", \"evalue\": \"%s\"," \
  "     \"traceback\": [\"\\u001b[0;31m---------------------------------------------------------------------------\\u001b[0m\"," \
  "       \"\\u001b[0;31m%s\\u001b[0m                                 Traceback (most recent call last)\"," \
  "       \"Cell \\u001b[0;32mIn[2], line 2\\u001b[0m\\n\\u001b[1;32m      1\\u001b[0m x \\u001b[38;5;241m=\\u001b[39m \\u001b[38;5;241m1\\u001b[39m\\n\\u001b[0;32m----> 2\\u001b[0m y \\u001b[38;5;241m=\\u001b[39m %s \\u001b[38;5;241m+\\u001b[39m x\\n\"," \
  "       \"\\u001b[0;31m%s\\u001b[0m: %s\"]}]}," \
  "\n  {\"cell_type\": \"code\", \"execution_count\": 3, \"metadata\": {}, \"outputs\": []," \
  "\n   \"source\": [\"df.head()\"]}" \
  " ]}"

static char *
write_notebook (const char *dir,
                const char *name,
                const char *heading,
                const char *ename,
                const char *evalue,
                const char *symbol)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *json = NULL;
  g_autoptr(GError) error = NULL;

  /* The template is ours; the values fill it as data, never as format. */
  json = g_strdup_printf (NOTEBOOK_TEMPLATE, heading, symbol, ename, evalue, ename, symbol, ename, evalue);
  g_file_set_contents (path, json, -1, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

typedef struct
{
  char        *dir;
  AtlasWindow *window;
} Fixture;

static gboolean
wait_for (gboolean (*done) (gpointer), gpointer data, guint seconds)
{
  gint64 deadline = g_get_monotonic_time () + (gint64)seconds * G_USEC_PER_SEC;

  while (!done (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  /* Let the coalesced refreshes and a frame run. */
  for (gint64 until = g_get_monotonic_time () + 400 * 1000; g_get_monotonic_time () < until;)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return TRUE;
}

static gboolean
scan_done (gpointer data)
{
  AtlasWindow *window = data;

  return !atlas_window_get_busy (window) && atlas_corpus_get_n_notebooks (atlas_window_get_corpus (window)) > 0;
}

static gboolean
chart_drawn (gpointer data)
{
  AtlasWindow *window = data;
  AtlasChartView *view = atlas_chart_page_get_chart_view (window->chart_page);

  return gtk_widget_get_width (GTK_WIDGET (view)) > 0 && atlas_chart_view_get_layout (view) != NULL;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *a = NULL, *b = NULL;
  const char *paths[2] = { NULL, NULL };

  fixture->dir = g_dir_make_tmp ("atlas-ui-XXXXXX", &error);
  g_assert_no_error (error);
  a = write_notebook (fixture->dir, "names.ipynb", "# Names", "NameError",
                      "name 'undefined_name' is not defined", "undefined_name");
  b = write_notebook (fixture->dir, "hostile.ipynb", HOSTILE_HEADING, "ValueError", HOSTILE_MESSAGE, "bad");

  fixture->window = g_object_ref_sink (g_object_new (ATLAS_TYPE_WINDOW, NULL));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1200, 800);
  gtk_window_present (GTK_WINDOW (fixture->window));
  paths[0] = fixture->dir;
  if (g_strcmp0 (user_data, "demo") == 0)
    atlas_window_open_demo (fixture->window);
  else
    atlas_window_open_paths (fixture->window, paths);
  g_assert_true (wait_for (scan_done, fixture->window, 120));
}

static gboolean
scan_done_or_empty (gpointer data)
{
  return !atlas_window_get_busy (data);
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_object_unref (fixture->window);
  remove_dir (fixture->dir);
  g_free (fixture->dir);
}

/* The window opens the demo corpus, scans it and draws charts with marks. */
static void
test_demo (Fixture       *fixture,
           gconstpointer  user_data)
{
  AtlasCorpus *corpus = atlas_window_get_corpus (fixture->window);
  AtlasChartLayout *layout;

  g_assert_cmpuint (atlas_corpus_get_n_notebooks (corpus), >=, 20);
  g_assert_cmpuint (atlas_corpus_get_n_crashes (corpus), >=, 20);
  g_assert_true (wait_for (chart_drawn, fixture->window, 10));

  for (guint kind = 0; kind < ATLAS_N_CHART_KINDS; kind++)
    {
      atlas_chart_page_set_kind (fixture->window->chart_page, kind);
      layout = atlas_chart_view_get_layout (atlas_chart_page_get_chart_view (fixture->window->chart_page));
      g_assert_nonnull (layout);
      g_assert_cmpuint (atlas_chart_layout_get_n_marks (layout), >, 0);
      g_assert_cmpuint (g_list_model_get_n_items (atlas_chart_page_get_table (fixture->window->chart_page)), >, 0);
    }
  /* Clusters are assigned once the scan is complete. */
  g_assert_cmpint (atlas_crash_get_cluster (atlas_corpus_get_crash (corpus, 0)), >=, 0);
  /* The groups view is filled once it is shown. */
  adw_view_stack_set_visible_child_name (fixture->window->view_stack, "clusters");
  g_assert_cmpuint (g_list_model_get_n_items (atlas_cluster_list_get_model (fixture->window->cluster_list)), >, 0);
}

/* Counts crashes with the labels of a stage-chart mark, straight from the
 * crashes, without the filter code. */
static guint
count_stage_mark (AtlasCorpus     *corpus,
                  AtlasChartModel *model,
                  const AtlasChartMark *mark)
{
  const char *stage = atlas_chart_model_get_row_id (model, mark->row);
  const char *bug = atlas_chart_model_get_series_id (model, mark->series);
  guint n = 0;

  for (guint i = 0; i < atlas_corpus_get_n_crashes (corpus); i++)
    {
      AtlasCrash *crash = atlas_corpus_get_crash (corpus, i);
      const char *s = atlas_crash_get_label_id (crash, ATLAS_DIMENSION_STAGE);
      const char *b = atlas_crash_get_label_id (crash, ATLAS_DIMENSION_ML_BUG);

      if (g_strcmp0 (s != NULL ? s : "unclassified", stage) == 0 &&
          g_strcmp0 (b != NULL ? b : "unclassified", bug) == 0)
        n++;
    }
  return n;
}

static gboolean
list_settled (gpointer data)
{
  AtlasWindow *window = data;

  return !atlas_crash_list_get_busy (window->crash_list);
}

static GtkWidget *
find_chip_button (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && gtk_widget_has_css_class (child, "circular"))
        return child;
      if ((found = find_chip_button (child)) != NULL)
        return found;
    }
  return NULL;
}

/* Clicks the chips' remove buttons until none is left; returns how many. */
static guint
click_chip_buttons (GtkWidget *bar)
{
  GtkWidget *button;
  guint n = 0;

  while ((button = find_chip_button (bar)) != NULL && n < 20)
    {
      g_signal_emit_by_name (button, "clicked");
      n++;
    }
  return n;
}

/* Activating a bar (as a click or Enter does) filters the list to exactly
 * its crashes, shows a chip, and the charts follow the filter. */
static void
test_mark_filters (Fixture       *fixture,
                   gconstpointer  user_data)
{
  AtlasWindow *window = fixture->window;
  AtlasChartView *view = atlas_chart_page_get_chart_view (window->chart_page);
  AtlasChartLayout *layout;
  AtlasChartModel *model;
  guint chosen = G_MAXUINT, expected;

  atlas_chart_page_set_kind (window->chart_page, ATLAS_CHART_KIND_STAGE);
  g_assert_true (wait_for (chart_drawn, window, 10));
  layout = atlas_chart_view_get_layout (view);
  model = atlas_chart_layout_get_model (layout);
  for (guint i = 0; i < atlas_chart_layout_get_n_marks (layout); i++)
    {
      const AtlasChartMark *mark = atlas_chart_layout_get_mark (layout, i);

      /* The largest bar segment that is not all crashes. */
      if (mark->kind == ATLAS_CHART_MARK_BAR && mark->count > 0 &&
          mark->count < atlas_corpus_get_n_crashes (window->corpus) &&
          (chosen == G_MAXUINT || mark->count > atlas_chart_layout_get_mark (layout, chosen)->count))
        chosen = i;
    }
  g_assert_cmpuint (chosen, !=, G_MAXUINT);
  expected = count_stage_mark (window->corpus, model, atlas_chart_layout_get_mark (layout, chosen));
  g_assert_cmpuint (expected, ==, atlas_chart_layout_get_mark (layout, chosen)->count);

  /* Keyboard path: focus the mark, then Enter activates it. */
  atlas_chart_view_focus_mark (view, chosen);
  g_assert_cmpuint (atlas_chart_view_get_focused_mark (view), ==, chosen);
  atlas_chart_view_activate_mark (view, chosen);
  g_assert_true (wait_for (list_settled, window, 10));

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->filtered)), ==, expected);
  g_assert_cmpuint (g_list_model_get_n_items (atlas_crash_list_get_shown (window->crash_list)), ==, expected);
  g_assert_true (atlas_filter_has_field (window->filter, ATLAS_FILTER_FIELD_STAGE));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->view_stack), ==, "crashes");
  /* The charts were recounted for the filtered set. */
  model = atlas_chart_page_get_model (window->chart_page);
  g_assert_cmpuint (atlas_chart_model_get_panel_total (model, 0), ==, expected);

  /* Each condition is a chip; removing them all brings every crash back. */
  g_assert_cmpuint (click_chip_buttons (GTK_WIDGET (window->filter_bar)), >=, 1);
  g_assert_true (wait_for (list_settled, window, 10));
  g_test_message ("filter left: %s", atlas_filter_to_string (window->filter));
  g_assert_true (atlas_filter_is_empty (window->filter));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->filtered)), ==,
                    atlas_corpus_get_n_crashes (window->corpus));
}

static gboolean list_settled (gpointer data);

static AtlasCrash *
find_crash (AtlasWindow *window,
            const char  *ename,
            guint       *position)
{
  GListModel *shown = atlas_crash_list_get_shown (window->crash_list);

  g_assert_true (wait_for (list_settled, window, 10));

  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(AtlasCrash) crash = g_list_model_get_item (shown, i);

      if (g_strcmp0 (atlas_crash_get_ename (crash), ename) == 0)
        {
          *position = i;
          return crash;
        }
    }
  for (guint i = 0; i < atlas_corpus_get_n_notebooks (window->corpus); i++)
    g_test_message ("notebook %s: status %d, %s", atlas_corpus_get_notebook (window->corpus, i)->location,
                    atlas_corpus_get_notebook (window->corpus, i)->status,
                    atlas_corpus_get_notebook (window->corpus, i)->message);
  return NULL;
}

static gboolean
cell_view_loaded (gpointer data)
{
  return !atlas_cell_view_get_loading (data);
}

/* Selecting a crash shows its cell with the crashing line marked. */
static void
test_cell_view (Fixture       *fixture,
                gconstpointer  user_data)
{
  AtlasWindow *window = fixture->window;
  g_autofree char *code = NULL;
  AtlasCrash *crash;
  guint position;

  crash = find_crash (window, "NameError", &position);
  g_assert_nonnull (crash);
  g_assert_cmpuint (atlas_crash_get_line (crash), ==, 2);

  atlas_crash_list_select (window->crash_list, position);
  g_assert_true (atlas_cell_view_get_crash (window->cell_view) == crash);
  g_assert_true (wait_for (cell_view_loaded, window->cell_view, 10));

  code = atlas_cell_view_dup_code (window->cell_view);
  g_assert_cmpstr (code, ==, "x = 1\ny = undefined_name + x\nprint(y)");
  g_assert_cmpuint (atlas_cell_view_get_marked_line (window->cell_view), ==, 2);

  /* The source link's line anchor counts lines of the notebook's file. */
  {
    g_autofree char *contents = NULL;
    g_auto(GStrv) file_lines = NULL;
    guint expected = 0;

    g_assert_true (g_file_get_contents (atlas_crash_get_location (crash), &contents, NULL, NULL));
    file_lines = g_strsplit (contents, "\n", -1);
    for (guint i = 0; file_lines[i] != NULL && expected == 0; i++)
      if (strstr (file_lines[i], "y = undefined_name + x") != NULL)
        expected = i + 1;
    g_assert_cmpuint (expected, >, 1);
    g_assert_cmpuint (atlas_cell_view_get_blob_line (window->cell_view), ==, expected);
  }
}

static gboolean
find_label (GtkWidget  *widget,
            const char *text,
            GType       type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        {
          if (type == GTK_TYPE_LABEL && g_strcmp0 (gtk_label_get_text (GTK_LABEL (child)), text) == 0)
            {
              /* Shown as typed: not parsed, so "<b>" and "&" are visible. */
              g_assert_false (gtk_label_get_use_markup (GTK_LABEL (child)));
              g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (child)), ==, text);
              return TRUE;
            }
          if (type == GTK_TYPE_INSCRIPTION && g_strcmp0 (gtk_inscription_get_text (GTK_INSCRIPTION (child)), text) == 0)
            return TRUE;
        }
      if (find_label (child, text, type))
        return TRUE;
    }
  return FALSE;
}

/* Markup-like text from a notebook is shown literally everywhere. */
static void
test_untrusted_text (Fixture       *fixture,
                     gconstpointer  user_data)
{
  AtlasWindow *window = fixture->window;
  AtlasCrash *crash;
  guint position;

  crash = find_crash (window, "ValueError", &position);
  g_assert_nonnull (crash);
  g_assert_cmpstr (atlas_crash_get_evalue (crash), ==, HOSTILE_MESSAGE);

  adw_view_stack_set_visible_child_name (window->view_stack, "crashes");
  atlas_crash_list_select (window->crash_list, position);
  g_assert_true (wait_for (cell_view_loaded, window->cell_view, 10));

  g_assert_true (find_label (GTK_WIDGET (window->cell_view), HOSTILE_MESSAGE, GTK_TYPE_LABEL));
  /* The markdown cell above, as text. */
  g_assert_true (find_label (GTK_WIDGET (window->cell_view), HOSTILE_HEADING, GTK_TYPE_LABEL));
  g_assert_true (find_label (GTK_WIDGET (window->crash_list), HOSTILE_MESSAGE, GTK_TYPE_INSCRIPTION));
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, len);
}

static char *
export (Fixture          *fixture,
        AtlasChartFormat  format,
        const char       *name)
{
  GtkWidget *dialog = atlas_export_dialog_new (GTK_WINDOW (fixture->window), fixture->window->chart_page);
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  atlas_export_dialog_set_format (ATLAS_EXPORT_DIALOG (dialog), format);
  atlas_export_dialog_set_size (ATLAS_EXPORT_DIALOG (dialog), 16, 10, ATLAS_LENGTH_CM);
  atlas_export_dialog_set_dpi (ATLAS_EXPORT_DIALOG (dialog), 300);
  atlas_export_dialog_set_title (ATLAS_EXPORT_DIALOG (dialog), "Crashes <by> stage & more");
  g_assert_true (atlas_export_dialog_export_to_path (ATLAS_EXPORT_DIALOG (dialog), path, &error));
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (dialog));
  return g_steal_pointer (&path);
}

/* The file as a string, its NUL bytes (binary streams) made spaces. */
static char *
dup_text (GBytes *bytes)
{
  gsize len = g_bytes_get_size (bytes);
  char *text = g_malloc (len + 1);

  memcpy (text, g_bytes_get_data (bytes, NULL), len);
  for (gsize i = 0; i < len; i++)
    if (text[i] == '\0')
      text[i] = ' ';
  text[len] = '\0';
  return text;
}

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32)p[0] << 24) | ((guint32)p[1] << 16) | ((guint32)p[2] << 8) | p[3];
}

static gboolean
widget_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

/* A column preset gives the export its width (8.5 cm is 240.94 pt), a
 * width typed by hand makes it custom again, and the font chosen is the
 * one embedded in the PDF. */
static void
test_export_column_and_font (Fixture       *fixture,
                             gconstpointer  user_data)
{
  GtkWidget *dialog = atlas_export_dialog_new (GTK_WINDOW (fixture->window), fixture->window->chart_page);
  AtlasExportDialog *export_dialog = ATLAS_EXPORT_DIALOG (dialog);
  g_autofree char *path = g_build_filename (fixture->dir, "column.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;
  const char *media_box;
  double x0, y0, x1, y1;

  atlas_export_dialog_set_format (export_dialog, ATLAS_CHART_FORMAT_PDF);
  g_assert_false (atlas_export_dialog_set_column (export_dialog, "9cm"));
  g_assert_true (atlas_export_dialog_set_column (export_dialog, "8.5cm"));
  g_assert_cmpfloat_with_epsilon (atlas_export_dialog_get_width_pt (export_dialog), 8.5 / 2.54 * 72, 0.01);
  g_assert_true (atlas_export_dialog_set_column (export_dialog, "3.5in"));
  g_assert_cmpfloat_with_epsilon (atlas_export_dialog_get_width_pt (export_dialog), 3.5 * 72, 0.01);
  g_assert_true (atlas_export_dialog_set_column (export_dialog, "8.5cm"));
  atlas_export_dialog_set_font_family (export_dialog, "DejaVu Sans");
  /* the preview draws with it */
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (wait_for (widget_mapped, dialog, 10));
  g_assert_true (atlas_export_dialog_export_to_path (export_dialog, path, &error));
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (dialog));

  bytes = read_bytes (path);
  text = dup_text (bytes);
  media_box = strstr (text, "/MediaBox [");
  g_assert_nonnull (media_box);
  g_assert_cmpint (sscanf (media_box, "/MediaBox [ %lf %lf %lf %lf ]", &x0, &y0, &x1, &y1), ==, 4);
  g_assert_cmpfloat_with_epsilon (x1 - x0, 8.5 / 2.54 * 72, 0.01);
  /* as tall as the chart needs at that width, not the 10 cm it had */
  g_assert_cmpfloat (y1 - y0, >, 100);
  g_assert_cmpfloat (fabs (y1 - y0 - 10 / 2.54 * 72), >, 1);
  g_assert_nonnull (strstr (text, "DejaVuSans"));
  g_assert_null (strstr (text, "Cantarell"));
}

/* Export writes valid files of the requested size: 16 x 10 cm is
 * 453.54 x 283.46 pt, and at 300 dpi 1890 x 1181 pixels. */
static void
test_export (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autofree char *pdf = export (fixture, ATLAS_CHART_FORMAT_PDF, "chart.pdf");
  g_autofree char *svg = export (fixture, ATLAS_CHART_FORMAT_SVG, "chart.svg");
  g_autofree char *png = export (fixture, ATLAS_CHART_FORMAT_PNG, "chart.png");
  g_autofree char *csv = export (fixture, ATLAS_CHART_FORMAT_CSV, "chart.csv");
  g_autoptr(GBytes) pdf_bytes = read_bytes (pdf);
  g_autoptr(GBytes) svg_bytes = read_bytes (svg);
  g_autoptr(GBytes) png_bytes = read_bytes (png);
  g_autoptr(GBytes) csv_bytes = read_bytes (csv);
  g_autofree char *pdf_text = dup_text (pdf_bytes);
  g_autofree char *svg_text = dup_text (svg_bytes);
  const guint8 *p = g_bytes_get_data (png_bytes, NULL);
  const char *csv_text = g_bytes_get_data (csv_bytes, NULL);
  const char *media_box, *svg_root;
  double x0, y0, x1, y1;

  g_assert_true (g_str_has_prefix (pdf_text, "%PDF-"));
  media_box = strstr (pdf_text, "/MediaBox [");
  g_assert_nonnull (media_box);
  g_assert_cmpint (sscanf (media_box, "/MediaBox [ %lf %lf %lf %lf ]", &x0, &y0, &x1, &y1), ==, 4);
  g_assert_cmpfloat_with_epsilon (x1 - x0, 16 / 2.54 * 72, 0.01);
  g_assert_cmpfloat_with_epsilon (y1 - y0, 10 / 2.54 * 72, 0.01);

  svg_root = strstr (svg_text, "<svg");
  g_assert_nonnull (svg_root);
  g_assert_nonnull (strstr (svg_root, " width=\""));
  g_assert_nonnull (strstr (svg_root, " height=\""));
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod (strstr (svg_root, " width=\"") + 8, NULL), 16 / 2.54 * 72, 0.01);
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod (strstr (svg_root, " height=\"") + 9, NULL), 10 / 2.54 * 72, 0.01);

  g_assert_cmpuint (g_bytes_get_size (png_bytes), >, 24);
  g_assert_cmpmem (p, 8, "\x89PNG\r\n\x1a\n", 8);
  g_assert_cmpmem (p + 12, 4, "IHDR", 4);
  g_assert_cmpuint (read_be32 (p + 16), ==, 1890);
  g_assert_cmpuint (read_be32 (p + 20), ==, 1181);

  g_assert_cmpuint (g_bytes_get_size (csv_bytes), >, 0);
  g_assert_true (g_str_has_prefix (csv_text, "stage") || strchr (csv_text, ',') != NULL);
}

static gboolean
name_error_relabelled (gpointer data)
{
  AtlasWindow *window = data;
  AtlasCorpus *corpus = atlas_window_get_corpus (window);

  if (atlas_window_get_busy (window))
    return FALSE;
  for (guint i = 0; i < atlas_corpus_get_n_crashes (corpus); i++)
    {
      AtlasCrash *crash = atlas_corpus_get_crash (corpus, i);

      if (g_strcmp0 (atlas_crash_get_ename (crash), "NameError") == 0)
        return g_strcmp0 (atlas_crash_get_label_id (crash, ATLAS_DIMENSION_CRASH_TYPE), "OTHER") == 0;
    }
  return FALSE;
}

/* The preferences' rules file relabels the open corpus; a broken file is
 * refused with its name shown, and the labels stay as they were. */
static void
test_user_rules (Fixture       *fixture,
                 gconstpointer  user_data)
{
  AtlasWindow *window = fixture->window;
  AtlasRulesRow *row = g_object_ref_sink (ATLAS_RULES_ROW (atlas_rules_row_new ()));
  g_autoptr(GSettings) settings = g_settings_new ("io.github.crashatlas.CrashAtlas");
  g_autofree char *good = g_build_filename (fixture->dir, "mine.rules", NULL);
  g_autofree char *broken = g_build_filename (fixture->dir, "broken.rules", NULL);
  g_autofree char *setting = NULL;
  guint position;

  g_assert_true (g_file_set_contents (good, "[rule my-names]\nwhen-ename = ^NameError$\n"
                                      "set-crash-type = OTHER\nevidence = my reading\n", -1, NULL));
  g_assert_true (g_file_set_contents (broken, "[rule half]\nthis line has no equals sign\n", -1, NULL));
  g_assert_nonnull (find_crash (window, "NameError", &position));
  g_assert_false (name_error_relabelled (window));

  g_assert_false (atlas_rules_row_set_file (row, broken));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), broken));
  setting = g_settings_get_string (settings, "rules-file");
  g_assert_cmpstr (setting, ==, "");

  g_assert_true (atlas_rules_row_set_file (row, good));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, good);
  g_assert_true (wait_for (name_error_relabelled, window, 60));

  /* Back to the built-in rules, for the tests that follow. */
  g_assert_true (atlas_rules_row_set_file (row, NULL));
  g_assert_true (wait_for (scan_done, window, 60));
  g_object_unref (row);
}

static gboolean
saved_and_reopened (gpointer data)
{
  AtlasWindow *window = data;

  return !atlas_window_get_saving (window) && !atlas_window_get_busy (window) &&
         atlas_corpus_loader_get_store (window->loader) != NULL;
}

/* Save As writes a corpus file and the window then works on it: the same
 * crashes, and a notebook deleted from disk is still shown from the file. */
static void
test_save_as (Fixture       *fixture,
              gconstpointer  user_data)
{
  AtlasWindow *window = fixture->window;
  g_autofree char *dest = g_build_filename (fixture->dir, "saved.crashatlas", NULL);
  g_autofree char *notebook = g_build_filename (fixture->dir, "names.ipynb", NULL);
  guint n_crashes = atlas_corpus_get_n_crashes (window->corpus);
  AtlasCrash *crash;
  guint position;

  g_assert_cmpuint (n_crashes, ==, 2);
  g_assert_null (atlas_corpus_loader_get_store (window->loader));
  atlas_window_save_as (window, dest);
  g_assert_true (atlas_window_get_saving (window));
  g_assert_true (wait_for (saved_and_reopened, window, 60));

  g_assert_true (atlas_corpus_file_sniff (dest));
  g_assert_cmpstr (window->paths[0], ==, dest);
  g_assert_cmpstr (atlas_store_get_path (atlas_corpus_loader_get_store (window->loader)), ==, dest);
  g_assert_cmpuint (atlas_corpus_get_n_crashes (window->corpus), ==, n_crashes);
  g_assert_cmpuint (atlas_corpus_get_n_notebooks (window->corpus), ==, 2);

  g_assert_cmpint (g_unlink (notebook), ==, 0);
  crash = find_crash (window, "NameError", &position);
  g_assert_nonnull (crash);
  g_assert_cmpstr (atlas_crash_get_label_id (crash, ATLAS_DIMENSION_CRASH_TYPE), !=, NULL);
  atlas_crash_list_select (window->crash_list, position);
  g_assert_true (wait_for (cell_view_loaded, window->cell_view, 10));
  g_assert_true (atlas_cell_view_get_context_shown (window->cell_view));
  {
    g_autofree char *code = atlas_cell_view_dup_code (window->cell_view);
    g_assert_cmpstr (code, ==, "x = 1\ny = undefined_name + x\nprint(y)");
  }
}

/* A file that claims to be a corpus but is not one is refused and left
 * exactly as it was. */
static void
test_open_corrupt_corpus (Fixture       *fixture,
                          gconstpointer  user_data)
{
  AtlasWindow *window = fixture->window;
  g_autofree char *path = g_build_filename (fixture->dir, "broken.crashatlas", NULL);
  static const char garbage[] = "SQLite format 3\0this is no database at all, only bytes............";
  g_autofree char *after = NULL;
  gsize length = 0;
  const char *paths[] = { path, NULL };

  g_assert_true (g_file_set_contents (path, garbage, sizeof garbage, NULL));
  g_assert_true (atlas_corpus_file_sniff (path));
  atlas_window_open_paths (window, paths);
  g_assert_true (wait_for (scan_done_or_empty, window, 60));
  g_assert_cmpuint (atlas_corpus_get_n_notebooks (window->corpus), ==, 0);
  g_assert_null (atlas_corpus_loader_get_store (window->loader));
  g_assert_true (g_file_get_contents (path, &after, &length, NULL));
  g_assert_cmpmem (after, length, garbage, sizeof garbage);
}

/* The title names what is open: the folder, the file, the demo. */
static void
test_title (Fixture       *fixture,
            gconstpointer  user_data)
{
  AtlasWindow *window = fixture->window;
  g_autofree char *folder = g_path_get_basename (fixture->dir);
  g_autofree char *a = g_build_filename (fixture->dir, "names.ipynb", NULL);
  g_autofree char *b = g_build_filename (fixture->dir, "hostile.ipynb", NULL);
  const char *one[] = { a, NULL };
  const char *two[] = { a, b, NULL };

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, folder);
  g_assert_cmpstr (adw_view_switcher_title_get_title (window->switcher_title), ==, folder);

  atlas_window_open_paths (window, one);
  g_assert_true (wait_for (scan_done, window, 60));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "names.ipynb");

  atlas_window_open_paths (window, two);
  g_assert_true (wait_for (scan_done, window, 60));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "names.ipynb and 1 more");

  atlas_window_open_demo (window);
  g_assert_true (wait_for (scan_done, window, 120));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Demo Corpus");
}

/* A folder without notebooks shows the way to open some, not empty charts. */
static void
test_empty_state (Fixture       *fixture,
                  gconstpointer  user_data)
{
  AtlasWindow *window = fixture->window;
  g_autofree char *empty = g_build_filename (fixture->dir, "nothing-here", NULL);
  const char *paths[] = { empty, NULL };
  GtkWidget *page;
  GtkWidget *open_button = NULL, *folder_button = NULL;

  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->content_stack), ==, "corpus");
  g_assert_cmpint (g_mkdir (empty, 0700), ==, 0);
  atlas_window_open_paths (window, paths);
  g_assert_true (wait_for (scan_done_or_empty, window, 60));
  g_assert_cmpuint (atlas_corpus_get_n_notebooks (window->corpus), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->content_stack), ==, "empty");
  page = gtk_stack_get_visible_child (window->content_stack);
  g_assert_true (page == GTK_WIDGET (window->empty_page));
  g_assert_true (gtk_widget_is_drawable (page));

  /* Its two buttons open files and a folder. */
  for (GtkWidget *child = gtk_widget_get_first_child (adw_status_page_get_child (window->empty_page));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), "win.open-files") == 0)
      open_button = child;
    else if (g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), "win.open-folder") == 0)
      folder_button = child;
  g_assert_nonnull (open_button);
  g_assert_nonnull (folder_button);
  g_assert_true (gtk_widget_is_sensitive (open_button) && gtk_widget_is_drawable (open_button));
  g_assert_true (gtk_widget_is_sensitive (folder_button) && gtk_widget_is_drawable (folder_button));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (window->switcher_title)));

  /* Notebooks again: the corpus comes back. */
  paths[0] = fixture->dir;
  atlas_window_open_paths (window, paths);
  g_assert_true (wait_for (scan_done, window, 60));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->content_stack), ==, "corpus");
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (window->switcher_title)));
  g_rmdir (empty);
}

static gboolean
widget_shows_text (GtkWidget  *widget,
                   const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (widget_shows_text (child, text))
      return TRUE;
  return FALSE;
}

/* A Recent entry whose folder has gone is named in a toast, leaves the
 * list, and what is open stays open. */
static void
test_dead_recent (Fixture       *fixture,
                  gconstpointer  user_data)
{
  AtlasWindow *window = fixture->window;
  g_autofree char *gone = g_dir_make_tmp ("atlas-gone-XXXXXX", NULL);
  g_autofree char *notebook = NULL;
  g_auto(GStrv) recent = NULL;
  const char *paths[] = { gone, NULL };
  const char *open_again[] = { fixture->dir, NULL };
  guint n_notebooks;

  if (window->settings == NULL)
    {
      g_test_skip ("no GSettings schema (GSETTINGS_SCHEMA_DIR)");
      return;
    }
  g_assert_nonnull (gone);
  notebook = write_notebook (gone, "soon-gone.ipynb", "# Gone", "KeyError", "'k'", "k");
  atlas_window_open_paths (window, paths);
  g_assert_true (wait_for (scan_done, window, 60));
  atlas_window_open_paths (window, open_again);
  g_assert_true (wait_for (scan_done, window, 60));
  n_notebooks = atlas_corpus_get_n_notebooks (window->corpus);
  g_assert_cmpuint (n_notebooks, ==, 2);
  recent = g_settings_get_strv (window->settings, "recent-corpora");
  g_assert_true (g_strv_contains ((const char * const *)recent, gone));
  g_clear_pointer (&recent, g_strfreev);

  g_assert_cmpint (g_unlink (notebook), ==, 0);
  g_assert_cmpint (g_rmdir (gone), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-recent", "s", gone));
  g_assert_true (wait_for (scan_done_or_empty, window, 60));

  g_assert_cmpuint (atlas_corpus_get_n_notebooks (window->corpus), ==, n_notebooks);
  g_assert_cmpstr (window->paths[0], ==, fixture->dir);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->content_stack), ==, "corpus");
  g_assert_true (widget_shows_text (GTK_WIDGET (window->toast_overlay), gone));
  recent = g_settings_get_strv (window->settings, "recent-corpora");
  g_assert_false (g_strv_contains ((const char * const *)recent, gone));
  g_assert_true (g_strv_contains ((const char * const *)recent, fixture->dir));
}

/* F1 opens the help, and the shortcuts window says so. */
static void
test_help_shortcut (void)
{
  g_autoptr(AtlasApplication) app = atlas_application_new ();
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) accels = NULL;
  GtkWidget *overlay;
  gboolean listed = FALSE;

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (g_action_map_lookup_action (G_ACTION_MAP (app), "help"));
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.help");
  g_assert_true (g_strv_contains ((const char * const *)accels, "F1"));

  builder = gtk_builder_new_from_resource (RESOURCE_PREFIX "/gtk/help-overlay.ui");
  overlay = GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay"));
  g_assert_nonnull (overlay);
  {
    g_autoptr(GSList) objects = gtk_builder_get_objects (builder);

    for (GSList *l = objects; l != NULL; l = l->next)
      if (GTK_IS_SHORTCUTS_SHORTCUT (l->data))
        {
          g_autofree char *accelerator = NULL;

          g_object_get (l->data, "accelerator", &accelerator, NULL);
          listed |= g_strcmp0 (accelerator, "F1") == 0;
        }
  }
  g_assert_true (listed);
  gtk_window_destroy (GTK_WINDOW (overlay));
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *demo = NULL;

  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    return 77;
  adw_init ();
  gtk_source_init ();

  demo = atlas_demo_find_dir ();
  if (g_file_test (demo, G_FILE_TEST_IS_DIR))
    {
      g_test_add ("/Atlas/App/demo", Fixture, "demo", fixture_set_up, test_demo, fixture_tear_down);
      g_test_add ("/Atlas/App/mark-filters-list", Fixture, "demo", fixture_set_up, test_mark_filters,
                  fixture_tear_down);
    }
  g_test_add ("/Atlas/App/cell-view", Fixture, NULL, fixture_set_up, test_cell_view, fixture_tear_down);
  g_test_add ("/Atlas/App/untrusted-text", Fixture, NULL, fixture_set_up, test_untrusted_text, fixture_tear_down);
  g_test_add ("/Atlas/App/export", Fixture, NULL, fixture_set_up, test_export, fixture_tear_down);
  g_test_add ("/Atlas/App/export-column-and-font", Fixture, NULL, fixture_set_up, test_export_column_and_font,
              fixture_tear_down);
  g_test_add ("/Atlas/App/save-as", Fixture, NULL, fixture_set_up, test_save_as, fixture_tear_down);
  g_test_add ("/Atlas/App/open-corrupt-corpus", Fixture, NULL, fixture_set_up, test_open_corrupt_corpus,
              fixture_tear_down);
  g_test_add ("/Atlas/App/user-rules", Fixture, NULL, fixture_set_up, test_user_rules, fixture_tear_down);
  g_test_add ("/Atlas/App/empty-state", Fixture, NULL, fixture_set_up, test_empty_state, fixture_tear_down);
  g_test_add ("/Atlas/App/dead-recent", Fixture, NULL, fixture_set_up, test_dead_recent, fixture_tear_down);
  if (g_file_test (demo, G_FILE_TEST_IS_DIR))
    g_test_add ("/Atlas/App/title", Fixture, NULL, fixture_set_up, test_title, fixture_tear_down);
  g_test_add_func ("/Atlas/App/help-shortcut", test_help_shortcut);
  return g_test_run ();
}

/* test-cell-view.c — the cell view for teaching: laid out once, outputs,
 * an earlier crash marked, zoom, Copy Traceback, no raw ANSI escapes
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <adwaita.h>
#include <glib/gstdio.h>
#include <gtksourceview/gtksource.h>

#include "atlas-cell-view.h"
#include "atlas-classifier.h"
#include "atlas-notebook-reader.h"
#include "atlas-order-view.h"

#define PNG_8X8 "iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEklEQVR4nGP4z8CAFWEXHbQSACj/P8Fu7N9hAAAAAElFTkSuQmCC"

/* Cell 0 crashes and so never defines df; cell 2 prints and shows things;
 * cell 3 misses df; cell 4 crashes with NLTK's coloured message. Many
 * cells between, so that the view has something to lay out. */
static const char *notebook_json =
  "{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {},"
  " \"cells\": ["
  "  {\"cell_type\": \"code\", \"execution_count\": 1, \"metadata\": {},"
  "   \"source\": [\"import pandas as pd\\n\", \"df = pd.read_csv('train.csv')\"],"
  "   \"outputs\": [{\"output_type\": \"error\", \"ename\": \"FileNotFoundError\","
  "     \"evalue\": \"[Errno 2] No such file or directory: 'train.csv'\", \"traceback\": [\"FileNotFoundError: x\"]}]},"
  "  {\"cell_type\": \"markdown\", \"metadata\": {}, \"source\": [\"## Look at the data <b>now</b>\"]},"
  "  {\"cell_type\": \"code\", \"execution_count\": 2, \"metadata\": {},"
  "   \"source\": [\"import numpy as np\\n\", \"a = np.zeros((3, 4))\\n\", \"print(a.shape)\\n\", \"'hello'\"],"
  "   \"outputs\": [{\"output_type\": \"stream\", \"name\": \"stdout\", \"text\": [\"(3, 4)\\n\"]},"
  "     {\"output_type\": \"display_data\", \"metadata\": {}, \"data\": {\"image/png\": \"" PNG_8X8 "\", \"text/plain\": [\"<Figure>\"]}},"
  "     {\"output_type\": \"execute_result\", \"execution_count\": 2, \"metadata\": {}, \"data\": {\"text/plain\": [\"'hello'\"]}}]},"
  "  {\"cell_type\": \"code\", \"execution_count\": 3, \"metadata\": {},"
  "   \"source\": [\"x = 1\\n\", \"print(df.head())\"],"
  "   \"outputs\": [{\"output_type\": \"error\", \"ename\": \"NameError\", \"evalue\": \"name 'df' is not defined\","
  "     \"traceback\": [\"\\u001b[0;31m---------------------------------------------------------------------------\\u001b[0m\","
  "       \"\\u001b[0;31mNameError\\u001b[0m                                 Traceback (most recent call last)\","
  "       \"Cell \\u001b[0;32mIn[3], line 2\\u001b[0m\\n\\u001b[1;32m      1\\u001b[0m x = 1\\n\\u001b[0;32m----> 2\\u001b[0m print(df.head())     # a long line that is never wrapped at a character but scrolled sideways instead\\n\","
  "       \"\\u001b[0;31mNameError\\u001b[0m: name 'df' is not defined\"]}]},"
  "  {\"cell_type\": \"code\", \"execution_count\": 4, \"metadata\": {},"
  "   \"source\": [\"import nltk\\n\", \"nltk.word_tokenize('a b')\"],"
  "   \"outputs\": [{\"output_type\": \"error\", \"ename\": \"LookupError\","
  "     \"evalue\": \"\\n**********\\n  Resource \\u001b[93mpunkt\\u001b[0m not found.\\n**********\\n\","
  "     \"traceback\": [\"\\u001b[0;31mLookupError\\u001b[0m: Resource \\u001b[93mpunkt\\u001b[0m not found.\"]}]}"
  " ]}";

typedef struct
{
  char            *dir;
  char            *path;
  AtlasNotebook   *notebook;
  GtkWindow       *window;
  AtlasCellView   *view;
} Fixture;

static void
iterate_for (guint ms)
{
  for (gint64 until = g_get_monotonic_time () + (gint64)ms * 1000; g_get_monotonic_time () < until;)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static gboolean
wait_revealed (AtlasCellView *view)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!atlas_cell_view_get_revealed (view))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (500);
    }
  return TRUE;
}

static AtlasCrash *
crash_at (Fixture *fixture,
          guint    cell)
{
  GPtrArray *crashes = atlas_notebook_get_crashes (fixture->notebook);

  for (guint i = 0; i < crashes->len; i++)
    if (atlas_crash_get_cell (g_ptr_array_index (crashes, i)) == cell)
      return g_ptr_array_index (crashes, i);
  g_assert_not_reached ();
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasClassifier) classifier = atlas_classifier_new ();

  fixture->dir = g_dir_make_tmp ("atlas-cell-view-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "teach.ipynb", NULL);
  g_file_set_contents (fixture->path, notebook_json, -1, &error);
  g_assert_no_error (error);
  fixture->notebook = atlas_notebook_read_file (fixture->path, fixture->path, ATLAS_PLATFORM_LOCAL,
                                                ATLAS_READ_DEFAULT, &error);
  g_assert_no_error (error);
  atlas_classifier_classify_notebook (classifier, fixture->notebook);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 700, 600);
  fixture->view = ATLAS_CELL_VIEW (atlas_cell_view_new ());
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  gtk_window_present (fixture->window);
  iterate_for (200);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  gtk_window_destroy (fixture->window);
  iterate_for (50);
  g_clear_object (&fixture->notebook);
  g_unlink (fixture->path);
  g_rmdir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

/* Every cell's place and size, the scroll position and the traceback's. */
static char *
geometry (AtlasCellView *view)
{
  GString *text = g_string_new (NULL);
  GtkWidget *scroller = NULL;

  for (guint i = 0; i < 8; i++)
    {
      GtkWidget *cell = atlas_cell_view_get_cell_widget (view, i);
      graphene_rect_t bounds;

      if (cell == NULL)
        continue;
      g_assert_true (gtk_widget_compute_bounds (cell, GTK_WIDGET (view), &bounds));
      g_string_append_printf (text, "cell %u: %.0f,%.0f %.0fx%.0f\n", i, bounds.origin.x, bounds.origin.y,
                              bounds.size.width, bounds.size.height);
      scroller = gtk_widget_get_ancestor (cell, GTK_TYPE_SCROLLED_WINDOW);
    }
  while (scroller != NULL && gtk_widget_get_ancestor (gtk_widget_get_parent (scroller), GTK_TYPE_SCROLLED_WINDOW))
    scroller = gtk_widget_get_ancestor (gtk_widget_get_parent (scroller), GTK_TYPE_SCROLLED_WINDOW);
  if (scroller != NULL)
    {
      GtkAdjustment *v = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

      g_string_append_printf (text, "scroll: %.0f of %.0f\n", gtk_adjustment_get_value (v), gtk_adjustment_get_upper (v));
    }
  return g_string_free (text, FALSE);
}

typedef struct
{
  AtlasCellView *view;
  char          *first;
} FirstFrame;

static void
after_paint_cb (GdkFrameClock *clock,
                FirstFrame    *frame)
{
  if (frame->first == NULL && atlas_cell_view_get_revealed (frame->view))
    frame->first = geometry (frame->view);
}

/* The geometry of the first frame in which the crash is shown is the one a
 * second later: nothing grows, moves or scrolls after it appears. */
static void
test_laid_out_once (Fixture       *fixture,
                    gconstpointer  user_data)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (fixture->view));
  FirstFrame frame = { fixture->view, NULL };
  g_autofree char *later = NULL;
  gulong id;

  g_assert_nonnull (clock);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &frame);
  /* One crash, then another: the second must not start from the first's place. */
  for (guint round = 0; round < 2; round++)
    {
      g_clear_pointer (&frame.first, g_free);
      atlas_cell_view_set_crash (fixture->view, crash_at (fixture, round == 0 ? 4 : 3));
      g_assert_true (wait_revealed (fixture->view));
      while (frame.first == NULL)
        g_main_context_iteration (NULL, TRUE);
      iterate_for (1000);
      later = geometry (fixture->view);
      g_test_message ("first frame:\n%s", frame.first);
      g_assert_cmpstr (frame.first, ==, later);
      g_clear_pointer (&later, g_free);
    }
  g_signal_handler_disconnect (clock, id);
  g_free (frame.first);

  /* The crashing cell, the cell the evidence names and the earlier crash
   * are among the cells shown. */
  g_assert_nonnull (atlas_cell_view_get_cell_widget (fixture->view, 3));
  g_assert_nonnull (atlas_cell_view_get_cell_widget (fixture->view, 0));
}

static gboolean
find_text (GtkWidget  *widget,
           const char *needle,
           gboolean    whole)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child))
        {
          const char *text = gtk_label_get_text (GTK_LABEL (child));

          if (whole ? g_strcmp0 (text, needle) == 0 : strstr (text, needle) != NULL)
            {
              g_assert_false (gtk_label_get_use_markup (GTK_LABEL (child)));
              return TRUE;
            }
        }
      if (find_text (child, needle, whole))
        return TRUE;
    }
  return FALSE;
}

static gboolean
has_type (GtkWidget *widget,
          GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) || has_type (child, type))
      return TRUE;
  return FALSE;
}

static gboolean
has_escape (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && (strchr (gtk_label_get_text (GTK_LABEL (child)), '\x1b') != NULL
                                   || strstr (gtk_label_get_text (GTK_LABEL (child)), "[93m") != NULL))
        return TRUE;
      if (has_escape (child))
        return TRUE;
    }
  return FALSE;
}

/* Outputs as plain text, images as pictures, the earlier crash marked, the
 * explanation naming the defining cell; no escape shown raw. */
static void
test_story (Fixture       *fixture,
            gconstpointer  user_data)
{
  GtkWidget *outputs_cell;
  const char *explanation;

  atlas_cell_view_set_crash (fixture->view, crash_at (fixture, 3));
  g_assert_true (wait_revealed (fixture->view));
  outputs_cell = atlas_cell_view_get_cell_widget (fixture->view, 2);
  g_assert_nonnull (outputs_cell);
  g_assert_true (find_text (outputs_cell, "(3, 4)", TRUE));
  g_assert_true (find_text (outputs_cell, "'hello'", TRUE));
  g_assert_true (has_type (outputs_cell, GTK_TYPE_PICTURE));
  /* Markdown as typed, not markup. */
  g_assert_true (find_text (GTK_WIDGET (fixture->view), "## Look at the data <b>now</b>", TRUE));
  /* The earlier crash is marked and shows its error. */
  g_assert_true (find_text (atlas_cell_view_get_cell_widget (fixture->view, 0), "crashed earlier", FALSE));
  g_assert_true (find_text (atlas_cell_view_get_cell_widget (fixture->view, 0), "FileNotFoundError: [Errno 2]", FALSE));
  explanation = atlas_cell_view_get_explanation (fixture->view);
  g_test_message ("%s", explanation);
  g_assert_nonnull (strstr (explanation, "cell 0"));
  g_assert_false (has_escape (GTK_WIDGET (fixture->view)));

  /* "Show whole notebook" shows every cell. */
  atlas_cell_view_set_whole_notebook (fixture->view, TRUE);
  iterate_for (100);
  for (guint i = 0; i < 5; i++)
    g_assert_nonnull (atlas_cell_view_get_cell_widget (fixture->view, i));

  /* NLTK's coloured message: the header shows it without the escape. */
  atlas_cell_view_set_crash (fixture->view, crash_at (fixture, 4));
  g_assert_true (wait_revealed (fixture->view));
  g_assert_true (find_text (GTK_WIDGET (fixture->view), "Resource punkt not found.", FALSE));
  g_assert_false (has_escape (GTK_WIDGET (fixture->view)));
}

static GtkWidget *
find_type (GtkWidget *widget,
           GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = find_type (child, type)) != NULL)
        return found;
    }
  return NULL;
}

static double
scroll_position (AtlasCellView *view)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (atlas_cell_view_get_cell_widget (view, 4), GTK_TYPE_SCROLLED_WINDOW);

  while (gtk_widget_get_ancestor (gtk_widget_get_parent (scroller), GTK_TYPE_SCROLLED_WINDOW))
    scroller = gtk_widget_get_ancestor (gtk_widget_get_parent (scroller), GTK_TYPE_SCROLLED_WINDOW);
  return gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)));
}

/* The execution-order chart says how the notebook ran, and a mark is a
 * link: activating cell 0's scrolls the view up to it. */
static void
test_execution_order (Fixture       *fixture,
                      gconstpointer  user_data)
{
  GtkWidget *order;
  guint cell = G_MAXUINT;
  double x, y, before;

  atlas_cell_view_set_whole_notebook (fixture->view, TRUE);
  atlas_cell_view_set_crash (fixture->view, crash_at (fixture, 4));
  g_assert_true (wait_revealed (fixture->view));
  iterate_for (300);
  order = find_type (GTK_WIDGET (fixture->view), ATLAS_TYPE_ORDER_VIEW);
  g_assert_nonnull (order);
  g_assert_true (gtk_widget_is_visible (order));
  g_assert_true (find_text (GTK_WIDGET (fixture->view), "The code cells ran top to bottom.", TRUE));
  /* four code cells, the first at cell 0, placed by the last frame */
  g_assert_true (atlas_order_view_get_mark_position (ATLAS_ORDER_VIEW (order), 0, &cell, &x, &y));
  g_assert_cmpuint (cell, ==, 0);
  g_assert_false (atlas_order_view_get_mark_position (ATLAS_ORDER_VIEW (order), 4, &cell, &x, &y));

  before = scroll_position (fixture->view);
  g_assert_cmpfloat (before, >, 0);
  g_signal_emit_by_name (order, "cell-activated", 0u);
  iterate_for (600);
  g_assert_cmpfloat (scroll_position (fixture->view), <, before);
}

static void
read_text_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  char **text = user_data;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, NULL);
  if (*text == NULL)
    *text = g_strdup ("");
}

/* Copy Traceback puts the traceback's text, colours removed, on the clipboard. */
static void
test_copy_traceback (Fixture       *fixture,
                     gconstpointer  user_data)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (fixture->view));
  g_autofree char *text = NULL;

  atlas_cell_view_set_crash (fixture->view, crash_at (fixture, 3));
  g_assert_true (wait_revealed (fixture->view));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "cell.copy-traceback", NULL));
  gdk_clipboard_read_text_async (clipboard, NULL, read_text_cb, &text);
  while (text == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (strstr (text, "NameError: name 'df' is not defined"));
  g_assert_nonnull (strstr (text, "----> 2 print(df.head())"));
  g_assert_null (strchr (text, '\x1b'));
}

/* Ctrl+plus and Ctrl+minus grow and shrink the code; Ctrl+0 resets it. */
static void
test_zoom (Fixture       *fixture,
           gconstpointer  user_data)
{
  GtkWidget *cell;
  int normal, zoomed;

  atlas_cell_view_set_crash (fixture->view, crash_at (fixture, 3));
  g_assert_true (wait_revealed (fixture->view));
  cell = atlas_cell_view_get_cell_widget (fixture->view, 3);
  normal = gtk_widget_get_height (cell);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "cell.zoom-in", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "cell.zoom-in", NULL));
  iterate_for (150);
  g_assert_cmpfloat_with_epsilon (atlas_cell_view_get_zoom (fixture->view), 1.2, 0.001);
  zoomed = gtk_widget_get_height (cell);
  g_assert_cmpint (zoomed, >, normal);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "cell.zoom-out", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "cell.zoom-out", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "cell.zoom-out", NULL));
  iterate_for (150);
  g_assert_cmpint (gtk_widget_get_height (cell), <, normal);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "cell.zoom-reset", NULL));
  iterate_for (150);
  g_assert_cmpfloat_with_epsilon (atlas_cell_view_get_zoom (fixture->view), 1.0, 0.001);
  g_assert_cmpint (gtk_widget_get_height (cell), ==, normal);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    return 77;
  adw_init ();
  gtk_source_init ();

  g_test_add ("/Atlas/CellView/laid-out-once", Fixture, NULL, fixture_set_up, test_laid_out_once, fixture_tear_down);
  g_test_add ("/Atlas/CellView/story", Fixture, NULL, fixture_set_up, test_story, fixture_tear_down);
  g_test_add ("/Atlas/CellView/copy-traceback", Fixture, NULL, fixture_set_up, test_copy_traceback, fixture_tear_down);
  g_test_add ("/Atlas/CellView/zoom", Fixture, NULL, fixture_set_up, test_zoom, fixture_tear_down);
  g_test_add ("/Atlas/CellView/execution-order", Fixture, NULL, fixture_set_up, test_execution_order,
              fixture_tear_down);
  return g_test_run ();
}

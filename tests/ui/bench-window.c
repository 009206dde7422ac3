/* bench-window.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not a test: opens a corpus in the real window and prints how long the
 * scan took and how long the main loop was ever kept from running (the
 * longest gap between two 10 ms ticks), i.e. how long the window froze;
 * how long until the charts showed; what one filter change costs (the
 * filter set as the filter bar sets it, the list refiltered, every chart
 * kind recounted and drawn); and the peak RSS.
 *
 *   xvfb-run -a build/tests/ui/bench-window bench/corpus-0.2
 *   xvfb-run -a build/tests/ui/bench-window /tmp/lean-1.crashatlas
 */
#include "config.h"

#include <sys/resource.h>
#include <gtksourceview/gtksource.h>

#include "atlas-window-private.h"

typedef struct
{
  gint64 last;
  gint64 worst;
  guint  n_ticks;
  guint  n_late;   /* ticks more than one 60 Hz frame (16.7 ms) late */
} Ticks;

static gboolean
tick_cb (gpointer data)
{
  Ticks *ticks = data;
  gint64 now = g_get_monotonic_time ();
  gint64 gap = now - ticks->last;

  ticks->worst = MAX (ticks->worst, gap);
  ticks->n_late += gap > 10000 + 16700;
  ticks->n_ticks++;
  ticks->last = now;
  return G_SOURCE_CONTINUE;
}

/* The longest frame (layout, snapshot, render) while the scan ran, and
 * the first frame that painted charts of the whole corpus. */
static gint64 frame_start, worst_frame, charts_shown;
static AtlasWindow *bench_window;

static gboolean
charts_complete (AtlasWindow *window)
{
  AtlasChartStats *stats = atlas_chart_page_get_stats (window->chart_page);
  guint n = atlas_corpus_get_n_crashes (window->corpus);

  return !atlas_window_get_busy (window) && n > 0 && stats != NULL &&
         atlas_chart_stats_get_n_total (stats) == n;
}

static void
frame_start_cb (void)
{
  frame_start = g_get_monotonic_time ();
}

static void
frame_end_cb (void)
{
  worst_frame = MAX (worst_frame, g_get_monotonic_time () - frame_start);
  if (charts_shown == 0 && charts_complete (bench_window))
    charts_shown = g_get_monotonic_time ();
}

static long
peak_rss_mib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;
}

/* Draws a widget now, as the next frame would: its own snapshot function
 * (a GtkWidgetPaintable would only hand back the last frame's image), its
 * cached node being gone after a model change, then the Cairo node
 * rasterized as the renderer would. */
static void
snapshot_now (GtkWidget *widget)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  GskRenderNode *node;

  g_assert (gtk_widget_get_mapped (widget));
  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node != NULL)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
      cairo_t *cr = cairo_create (surface);

      gsk_render_node_draw (node, cr);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
  g_clear_pointer (&node, gsk_render_node_unref);
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

/* The filters a user clicks through, as the filter bar and a click on a
 * mark set them: a platform, a library, a stage with a root cause, none. */
static void
set_filter (AtlasFilter *filter,
            guint        round)
{
  atlas_filter_clear (filter);
  switch (round % 4)
    {
    case 0:
      atlas_filter_add_value (filter, ATLAS_FILTER_FIELD_PLATFORM, ATLAS_PLATFORM_KAGGLE);
      break;
    case 1:
      atlas_filter_add_string (filter, ATLAS_FILTER_FIELD_LIBRARY, "pandas");
      break;
    case 2:
      atlas_filter_add_value (filter, ATLAS_FILTER_FIELD_STAGE, ATLAS_STAGE_TRAIN);
      atlas_filter_add_value (filter, ATLAS_FILTER_FIELD_ROOT_CAUSE, ATLAS_ROOT_CAUSE_API);
      break;
    default:
      break;
    }
}

/* One filter change: the filter set (the list's filter model refilters in
 * that call), the charts recounted, and every chart kind's model built and
 * its chart drawn. The chart's own kind is restored afterwards. */
static void
bench_filter_change (AtlasWindow *window)
{
  AtlasChartKind kind = atlas_chart_page_get_kind (window->chart_page);
  GtkWidget *view = GTK_WIDGET (atlas_chart_page_get_chart_view (window->chart_page));
  double set_ms[21], recount_ms[21], total_ms[21];

  adw_view_stack_set_visible_child_name (window->view_stack, "charts");
  for (gint64 until = g_get_monotonic_time () + 500000; g_get_monotonic_time () < until;)
    g_main_context_iteration (NULL, FALSE);

  for (guint r = 0; r < G_N_ELEMENTS (total_ms); r++)
    {
      gint64 t0 = g_get_monotonic_time ();

      set_filter (window->filter, r);
      set_ms[r] = (g_get_monotonic_time () - t0) / 1e3;
      atlas_chart_page_refresh (window->chart_page);
      recount_ms[r] = (g_get_monotonic_time () - t0) / 1e3;
      for (guint k = 0; k < ATLAS_N_CHART_KINDS; k++)
        {
          atlas_chart_page_set_kind (window->chart_page, k);
          snapshot_now (view);
        }
      total_ms[r] = (g_get_monotonic_time () - t0) / 1e3;
      /* Let the list catch up as it would between two clicks. */
      for (gint64 until = g_get_monotonic_time () + 200000; g_get_monotonic_time () < until;)
        g_main_context_iteration (NULL, FALSE);
    }
  atlas_chart_page_set_kind (window->chart_page, kind);
  qsort (set_ms, G_N_ELEMENTS (set_ms), sizeof (double), compare_doubles);
  qsort (recount_ms, G_N_ELEMENTS (recount_ms), sizeof (double), compare_doubles);
  qsort (total_ms, G_N_ELEMENTS (total_ms), sizeof (double), compare_doubles);
  g_print ("filter set ms    %.1f median, %.1f max (filter set, list refiltered)\n",
           set_ms[G_N_ELEMENTS (set_ms) / 2], set_ms[G_N_ELEMENTS (set_ms) - 1]);
  g_print ("+ recount ms     %.1f median, %.1f max (+ the chart page's counts, model and table)\n",
           recount_ms[G_N_ELEMENTS (recount_ms) / 2], recount_ms[G_N_ELEMENTS (recount_ms) - 1]);
  g_print ("+ all charts ms  %.1f median, %.1f max (+ %u chart kinds each built, drawn and rasterized)\n",
           total_ms[G_N_ELEMENTS (total_ms) / 2], total_ms[G_N_ELEMENTS (total_ms) - 1],
           (guint)ATLAS_N_CHART_KINDS);
}

/* Filter changes as a user makes them, the main loop running in between:
 * how long until the chart of the new filter is painted, and the longest
 * stall and frame meanwhile (the list catching up included). */
static void
bench_filter_clicks (AtlasWindow *window,
                     const char  *page)
{
  Ticks ticks = { 0 };
  double shown_ms[20];
  guint id;

  adw_view_stack_set_visible_child_name (window->view_stack, page);
  for (gint64 until = g_get_monotonic_time () + 500000; g_get_monotonic_time () < until;)
    g_main_context_iteration (NULL, FALSE);
  worst_frame = 0;
  ticks.last = g_get_monotonic_time ();
  id = g_timeout_add (10, tick_cb, &ticks);
  for (guint r = 0; r < G_N_ELEMENTS (shown_ms); r++)
    {
      gint64 t0 = g_get_monotonic_time ();
      AtlasChartStats *before;

      set_filter (window->filter, r + 1);
      before = atlas_chart_page_get_stats (window->chart_page);
      charts_shown = 0;
      while (atlas_chart_page_get_stats (window->chart_page) == before || charts_shown == 0)
        {
          if (atlas_chart_page_get_stats (window->chart_page) == before)
            charts_shown = 0;
          g_main_context_iteration (NULL, TRUE);
        }
      shown_ms[r] = (charts_shown - t0) / 1e3;
      for (gint64 until = g_get_monotonic_time () + 300000; g_get_monotonic_time () < until;)
        g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (id);
  qsort (shown_ms, G_N_ELEMENTS (shown_ms), sizeof (double), compare_doubles);
  g_print ("clicks on %-6s filter to painted chart ms %.1f median, %.1f max; longest stall ms %.1f; "
           "longest frame ms %.1f; late ticks %u of %u\n", page,
           shown_ms[G_N_ELEMENTS (shown_ms) / 2], shown_ms[G_N_ELEMENTS (shown_ms) - 1],
           ticks.worst / 1e3, worst_frame / 1e3, ticks.n_late, ticks.n_ticks);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(AtlasWindow) window = NULL;
  Ticks ticks = { 0 };
  gint64 start, end;
  guint id;

  if (argc < 2)
    {
      g_printerr ("usage: %s CORPUS-DIR…|FILE.crashatlas\n", argv[0]);
      return 2;
    }
  if (!gtk_init_check ())
    return 77;
  adw_init ();
  gtk_source_init ();

  window = g_object_ref_sink (g_object_new (ATLAS_TYPE_WINDOW, NULL));
  bench_window = window;
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));

  /* The first frames set up the renderer (slow on a software GL): not
   * part of what is measured. */
  for (gint64 until = g_get_monotonic_time () + 3 * G_USEC_PER_SEC; g_get_monotonic_time () < until;)
    g_main_context_iteration (NULL, FALSE);

  start = ticks.last = g_get_monotonic_time ();
  id = g_timeout_add (10, tick_cb, &ticks);
  {
    GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
    g_signal_connect_swapped (clock, "before-paint", G_CALLBACK (frame_start_cb), NULL);
    g_signal_connect_swapped (clock, "after-paint", G_CALLBACK (frame_end_cb), NULL);
  }
  atlas_window_open_paths (window, (const char * const *)argv + 1);
  while (atlas_window_get_busy (window))
    g_main_context_iteration (NULL, TRUE);
  end = g_get_monotonic_time ();
  /* The clusters and the last refresh land after the scan. */
  for (gint64 until = g_get_monotonic_time () + 500000; g_get_monotonic_time () < until;)
    g_main_context_iteration (NULL, FALSE);
  while (charts_shown == 0 && g_get_monotonic_time () < end + 30 * G_USEC_PER_SEC)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (id);

  /* What one recount of the charts costs the main thread at this size. */
  {
    gint64 t0 = g_get_monotonic_time ();

    atlas_chart_page_refresh (window->chart_page);
    g_print ("chart recount ms %.1f\n", (g_get_monotonic_time () - t0) / 1e3);
    t0 = g_get_monotonic_time ();
    atlas_cluster_list_set_crashes (window->cluster_list, G_LIST_MODEL (window->filtered));
    g_print ("groups view ms   %.1f\n", (g_get_monotonic_time () - t0) / 1e3);
  }

  g_print ("notebooks        %u\n", atlas_corpus_get_n_notebooks (window->corpus));
  g_print ("crashes          %u\n", atlas_corpus_get_n_crashes (window->corpus));
  g_print ("scan (s)         %.2f\n", (end - start) / 1e6);
  g_print ("longest stall ms %.1f\n", ticks.worst / 1e3);
  g_print ("late ticks       %u of %u\n", ticks.n_late, ticks.n_ticks);
  g_print ("longest frame ms %.1f\n", worst_frame / 1e3);
  g_print ("charts shown (s) %.2f\n", charts_shown > 0 ? (charts_shown - start) / 1e6 : -1.0);
  g_print ("peak RSS MiB     %ld (loaded)\n", peak_rss_mib ());
  bench_filter_clicks (window, "charts");
  if (g_getenv ("BENCH_CLICKS_ONLY") != NULL)
    return 0;
  bench_filter_clicks (window, "crashes");
  bench_filter_change (window);
  g_print ("peak RSS MiB     %ld (after the filter changes)\n", peak_rss_mib ());
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}

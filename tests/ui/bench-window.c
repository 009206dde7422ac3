/* bench-window.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not a test: opens a corpus in the real window and prints how long the
 * scan took and how long the main loop was ever kept from running (the
 * longest gap between two 10 ms ticks), i.e. how long the window froze.
 *
 *   xvfb-run -a build/tests/ui/bench-window bench/corpus-0.2
 */
#include "config.h"

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

/* The longest frame (layout, snapshot, render) while the scan ran. */
static gint64 frame_start, worst_frame;

static void
frame_start_cb (void)
{
  frame_start = g_get_monotonic_time ();
}

static void
frame_end_cb (void)
{
  worst_frame = MAX (worst_frame, g_get_monotonic_time () - frame_start);
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
      g_printerr ("usage: %s CORPUS-DIR…\n", argv[0]);
      return 2;
    }
  if (!gtk_init_check ())
    return 77;
  adw_init ();
  gtk_source_init ();

  window = g_object_ref_sink (g_object_new (ATLAS_TYPE_WINDOW, NULL));
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
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}

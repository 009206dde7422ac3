/* chart-gallery.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "atlas-chart.h"
#include "chart-fixture.h"

/* Not a test: renders every chart kind, split and unsplit, in every style, to
 * PNG and PDF in a folder, to be looked at.
 *   chart-gallery OUTDIR [N_CRASHES] [WIDTH_CM HEIGHT_CM] */
int
main (int    argc,
      char **argv)
{
  const char *dir = argc > 1 ? argv[1] : "/tmp/atlas-charts";
  guint n = argc > 2 ? (guint)g_ascii_strtoull (argv[2], NULL, 10) : 92542;
  double w_cm = argc > 4 ? g_ascii_strtod (argv[3], NULL) : 16;
  double h_cm = argc > 4 ? g_ascii_strtod (argv[4], NULL) : 10;
  const char *styles[] = { "light", "dark", "high-contrast" };
  g_autoptr(AtlasCorpus) corpus = chart_fixture_random_corpus (n, 42);
  g_autoptr(AtlasChartStats) stats = atlas_chart_stats_new (corpus, NULL);

  g_mkdir_with_parents (dir, 0755);
  for (guint kind = 0; kind < ATLAS_N_CHART_KINDS; kind++)
    for (guint split = 0; split < 3; split++)
      for (guint s = 0; s < G_N_ELEMENTS (styles); s++)
        {
          AtlasChartOptions options;
          AtlasChartExportOptions export;
          AtlasChartStyle style;
          g_autoptr(AtlasChartModel) model = NULL;
          const char *suffix = split == 0 ? "" : split == 1 ? "-by-platform" : "-detail";
          g_autoptr(GError) error = NULL;

          if (split == 2 && kind != ATLAS_CHART_KIND_ROOT_CAUSE)
            continue;
          atlas_chart_options_init (&options);
          options.by_platform = split == 1;
          options.root_cause_detail = split == 2;
          model = atlas_chart_model_new (stats, kind, &options);
          atlas_chart_style_init_from_name (&style, styles[s]);
          atlas_chart_export_options_init (&export);
          export.width_pt = atlas_length_to_points (w_cm * (split == 1 ? 1.6 : 1), ATLAS_LENGTH_CM);
          export.height_pt = atlas_length_to_points (h_cm, ATLAS_LENGTH_CM);
          export.dpi = 150;
          export.style = &style;
          for (guint f = 0; f < 2; f++)
            {
              g_autofree char *path = g_strdup_printf ("%s/%s%s-%s.%s", dir, atlas_chart_kind_to_string (kind),
                                                       suffix, styles[s], f == 0 ? "png" : "pdf");

              if (!atlas_chart_export (model, f == 0 ? ATLAS_CHART_FORMAT_PNG : ATLAS_CHART_FORMAT_PDF,
                                       path, &export, &error))
                {
                  g_printerr ("%s\n", error->message);
                  return 1;
                }
            }
        }
  return 0;
}

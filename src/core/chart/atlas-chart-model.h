/* atlas-chart-model.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "atlas-corpus.h"
#include "atlas-filter.h"
#include "atlas-chart-stats.h"

G_BEGIN_DECLS

/**
 * AtlasChartKind:
 * @ATLAS_CHART_KIND_STAGE: crashes by pipeline stage, stacked by bug kind (ML/PY)
 * @ATLAS_CHART_KIND_LIBRARY: each library's share of crashes beside its share of
 *   importing notebooks, with crashes per use; top N libraries and "other"
 * @ATLAS_CHART_KIND_ROOT_CAUSE: crashes by root cause (or finer cause)
 * @ATLAS_CHART_KIND_CRASH_TYPE: crashes by crash type
 * @ATLAS_CHART_KIND_CAUSE_BY_STAGE: heatmap, root cause x pipeline stage
 * @ATLAS_CHART_KIND_CAUSE_BY_TYPE: heatmap, root cause x crash type
 * @ATLAS_CHART_KIND_ML_BUG: crashes by bug kind (ML, PY); with by_platform,
 *   the study's "bug kind by platform"
 */
typedef enum
{
  ATLAS_CHART_KIND_STAGE,
  ATLAS_CHART_KIND_LIBRARY,
  ATLAS_CHART_KIND_ROOT_CAUSE,
  ATLAS_CHART_KIND_CRASH_TYPE,
  ATLAS_CHART_KIND_CAUSE_BY_STAGE,
  ATLAS_CHART_KIND_CAUSE_BY_TYPE,
  ATLAS_CHART_KIND_ML_BUG,
  ATLAS_N_CHART_KINDS
} AtlasChartKind;

/* "stage", "library", "root-cause", "crash-type", "cause-by-stage", "cause-by-type",
 * "ml-bug" */
const char *atlas_chart_kind_to_string    (AtlasChartKind  kind);
gboolean    atlas_chart_kind_from_string  (const char     *str,
                                           AtlasChartKind *kind);
/* Translated default title ("Crashes by pipeline stage"). */
const char *atlas_chart_kind_display_name (AtlasChartKind  kind);

/**
 * AtlasChartShape:
 * @ATLAS_CHART_SHAPE_STACKED_BARS: one horizontal bar per row, one segment per series
 * @ATLAS_CHART_SHAPE_GROUPED_BARS: one horizontal bar per row and series, side by side
 * @ATLAS_CHART_SHAPE_HEATMAP: one cell per row and series
 */
typedef enum
{
  ATLAS_CHART_SHAPE_STACKED_BARS,
  ATLAS_CHART_SHAPE_GROUPED_BARS,
  ATLAS_CHART_SHAPE_HEATMAP,
} AtlasChartShape;

/**
 * AtlasChartOptions:
 * @by_platform: one panel per platform (Kaggle, GitHub, local) side by side
 * @root_cause_detail: ROOT_CAUSE: rows are finer causes ("API: invalid argument")
 * @top_n: LIBRARY: number of libraries shown before "other" (0 = default, 10)
 *
 * Initialise with atlas_chart_options_init() so new fields get defaults.
 */
typedef struct
{
  gboolean by_platform;
  gboolean root_cause_detail;
  guint    top_n;
} AtlasChartOptions;

void atlas_chart_options_init (AtlasChartOptions *options);


#define ATLAS_TYPE_CHART_MODEL (atlas_chart_model_get_type ())

G_DECLARE_FINAL_TYPE (AtlasChartModel, atlas_chart_model, ATLAS, CHART_MODEL, GObject)

/**
 * AtlasChartModel:
 *
 * The numbers of one chart, ready to draw or to tabulate: panels (one, or one
 * per platform) x rows (categories: stages, libraries, causes …) x series
 * (stack segments, grouped bars or heatmap columns). Every cell has a count,
 * a percentage and a filter selecting exactly its crashes. Immutable, except
 * for the title.
 */

/**
 * atlas_chart_model_new:
 * @stats: counts from atlas_chart_stats_new()
 * @kind: which chart
 * @options: (nullable): options; %NULL for defaults
 *
 * Returns: (transfer full): the chart's numbers
 */
AtlasChartModel *atlas_chart_model_new             (AtlasChartStats         *stats,
                                                    AtlasChartKind           kind,
                                                    const AtlasChartOptions *options);
/* Convenience: atlas_chart_stats_new() + atlas_chart_model_new(). */
AtlasChartModel *atlas_chart_model_new_for_corpus  (AtlasCorpus             *corpus,
                                                    AtlasFilter             *filter,
                                                    AtlasChartKind           kind,
                                                    const AtlasChartOptions *options);

AtlasChartKind   atlas_chart_model_get_kind        (AtlasChartModel *self);
AtlasChartShape  atlas_chart_model_get_shape       (AtlasChartModel *self);
/* Plain text; the default is atlas_chart_kind_display_name(). */
const char      *atlas_chart_model_get_title       (AtlasChartModel *self);
void             atlas_chart_model_set_title       (AtlasChartModel *self,
                                                    const char      *title);
/* "1,234 crashes in 567 notebooks; filter: …", plain text. */
const char      *atlas_chart_model_get_subtitle    (AtlasChartModel *self);
/* Axis titles: the categories ("Pipeline stage") and the values ("Crashes");
 * for heatmaps the series axis ("Pipeline stage") is the value axis label. */
const char      *atlas_chart_model_get_row_axis_label   (AtlasChartModel *self);
const char      *atlas_chart_model_get_value_axis_label (AtlasChartModel *self);

guint            atlas_chart_model_get_n_panels    (AtlasChartModel *self);
/* The platform's name, or %NULL for the single panel of an unsplit chart. */
const char      *atlas_chart_model_get_panel_label (AtlasChartModel *self,
                                                    guint            panel);
guint            atlas_chart_model_get_n_rows      (AtlasChartModel *self);
/* Row identifier as in the data ("TRAIN", "pandas", "API/invalid argument",
 * "unclassified", "other") and its label for people. */
const char      *atlas_chart_model_get_row_id      (AtlasChartModel *self,
                                                    guint            row);
const char      *atlas_chart_model_get_row_label   (AtlasChartModel *self,
                                                    guint            row);
guint            atlas_chart_model_get_n_series    (AtlasChartModel *self);
const char      *atlas_chart_model_get_series_id   (AtlasChartModel *self,
                                                    guint            series);
const char      *atlas_chart_model_get_series_label (AtlasChartModel *self,
                                                     guint            series);

/**
 * atlas_chart_model_get_count:
 *
 * Crashes in (@panel, @row, @series); for the LIBRARY chart's import series,
 * the notebooks that import the row's library.
 */
guint            atlas_chart_model_get_count       (AtlasChartModel *self,
                                                    guint            panel,
                                                    guint            row,
                                                    guint            series);
/**
 * atlas_chart_model_get_percent:
 *
 * The count as a percentage (0–100) of the panel's crashes; for the LIBRARY
 * chart, of the panel's crashes (crash share) or notebooks (import share).
 * NAN when the denominator is 0 or the value does not exist ("other"'s
 * import share).
 */
double           atlas_chart_model_get_percent     (AtlasChartModel *self,
                                                    guint            panel,
                                                    guint            row,
                                                    guint            series);
/* Sum of the row's series (stacked bars, heatmaps), crashes otherwise. */
guint            atlas_chart_model_get_row_total   (AtlasChartModel *self,
                                                    guint            panel,
                                                    guint            row);
double           atlas_chart_model_get_row_percent (AtlasChartModel *self,
                                                    guint            panel,
                                                    guint            row);
/* Crashes in the panel (after filtering). */
guint            atlas_chart_model_get_panel_total (AtlasChartModel *self,
                                                    guint            panel);
/* LIBRARY: crashes per importing notebook; NAN otherwise or when unknown. */
double           atlas_chart_model_get_ratio       (AtlasChartModel *self,
                                                    guint            panel,
                                                    guint            row);
/* Largest count of a cell (heatmaps) or of a bar (bars), for scales. */
guint            atlas_chart_model_get_max_value   (AtlasChartModel *self);

/**
 * atlas_chart_model_dup_filter:
 * @self: a model
 * @panel: a panel
 * @row: a row, or G_MAXUINT for every row
 * @series: a series, or G_MAXUINT for every series
 *
 * The statistics' filter narrowed to (@panel, @row, @series): it selects
 * exactly the crashes counted there (e.g. stage=TRAIN ml_bug=ML). For a
 * legend entry pass @row = G_MAXUINT.
 *
 * Returns: (transfer full): a new filter
 */
AtlasFilter     *atlas_chart_model_dup_filter      (AtlasChartModel *self,
                                                    guint            panel,
                                                    guint            row,
                                                    guint            series);

/**
 * atlas_chart_model_set_estimates:
 * @self: a model of a bar chart
 * @estimate: (array length=n_rows) (nullable): per row, the estimated share
 *   (0–1) of the panel's crashes; NAN where there is none; %NULL clears
 * @low: (array length=n_rows): the 95% interval's lower end
 * @high: (array length=n_rows): its upper end
 * @n_rows: atlas_chart_model_get_n_rows()
 *
 * Corpus-wide estimates (from hand labels) drawn over the bars of the first
 * panel as a point with 95% error bars, and tabulated beside the counts. The
 * model only carries them: src/core/research computes them.
 */
void             atlas_chart_model_set_estimates   (AtlasChartModel *self,
                                                    const double    *estimate,
                                                    const double    *low,
                                                    const double    *high,
                                                    guint            n_rows);
/* The estimate of (@panel, @row) as shares; FALSE when there is none. */
gboolean         atlas_chart_model_get_estimate    (AtlasChartModel *self,
                                                    guint            panel,
                                                    guint            row,
                                                    double          *estimate,
                                                    double          *low,
                                                    double          *high);
gboolean         atlas_chart_model_has_estimates   (AtlasChartModel *self);
/* Which labels the chart shows ("automatic labels", "hand-labeled sample,
 * n = 200", "estimated from 200 hand labels"): appended to the subtitle.
 * NULL says nothing (the default). */
void             atlas_chart_model_set_labels_caption (AtlasChartModel *self,
                                                       const char      *caption);


G_END_DECLS

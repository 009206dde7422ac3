/* atlas-chart-layout.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "atlas-chart-model.h"
#include "atlas-chart-style.h"
#include "atlas-filter.h"

G_BEGIN_DECLS

/**
 * AtlasChartMarkKind:
 * @ATLAS_CHART_MARK_BAR: a bar or bar segment
 * @ATLAS_CHART_MARK_CELL: a heatmap cell
 * @ATLAS_CHART_MARK_LEGEND: a legend entry (selects a whole series)
 */
typedef enum
{
  ATLAS_CHART_MARK_BAR,
  ATLAS_CHART_MARK_CELL,
  ATLAS_CHART_MARK_LEGEND,
} AtlasChartMarkKind;

/**
 * AtlasChartMark:
 * @kind: what it is
 * @x: left edge, in the units the chart was laid out in (points/pixels)
 * @y: top edge
 * @width: width
 * @height: height
 * @panel: the model's panel
 * @row: the model's row, G_MAXUINT for a legend entry
 * @series: the model's series
 * @count: the crashes (notebooks for an import-share bar) it stands for
 * @percent: its percentage (NAN when undefined)
 * @description: plain text for tooltips and screen readers,
 *   e.g. "Kaggle · training / validation · ML: 1,234 crashes (12.3 %)"
 * @filter: selects exactly the crashes of the mark (owned by the layout)
 *
 * One clickable thing of a chart. Owned by its #AtlasChartLayout.
 */
typedef struct
{
  AtlasChartMarkKind  kind;
  double              x;
  double              y;
  double              width;
  double              height;
  guint               panel;
  guint               row;
  guint               series;
  guint               count;
  double              percent;
  char               *description;
  AtlasFilter        *filter;
} AtlasChartMark;

/**
 * AtlasChartDirection:
 *
 * Arrow-key moves between marks.
 */
typedef enum
{
  ATLAS_CHART_DIRECTION_LEFT,
  ATLAS_CHART_DIRECTION_RIGHT,
  ATLAS_CHART_DIRECTION_UP,
  ATLAS_CHART_DIRECTION_DOWN,
} AtlasChartDirection;

#define ATLAS_TYPE_CHART_LAYOUT (atlas_chart_layout_get_type ())

G_DECLARE_FINAL_TYPE (AtlasChartLayout, atlas_chart_layout, ATLAS, CHART_LAYOUT, GObject)

/**
 * AtlasChartLayout:
 *
 * Where everything of a chart goes at one size: computed once, then used to
 * draw and to hit-test, so the two never disagree. Sizes (fonts, margins,
 * bar thickness) are derived from the requested size in points.
 */

/**
 * atlas_chart_layout_new:
 * @model: the chart's numbers
 * @style: how it looks (copied; its font_family string too)
 * @cr: a context to measure text with (its target's font options and
 *   resolution are used; nothing is drawn)
 * @width: the chart's width, in @cr's user units (points or pixels)
 * @height: the chart's height
 *
 * Returns: (transfer full): the layout
 */
AtlasChartLayout     *atlas_chart_layout_new        (AtlasChartModel       *model,
                                                     const AtlasChartStyle *style,
                                                     cairo_t               *cr,
                                                     double                 width,
                                                     double                 height);
/* Draws the whole chart (background included) at (0, 0) of @cr. */
void                  atlas_chart_layout_draw       (AtlasChartLayout      *self,
                                                     cairo_t               *cr);

/* Draws as atlas_chart_layout_draw() does, except that every text is
 * appended to @texts as an SVG <text> element (in @cr's user units, which
 * must be the SVG document's) instead of being drawn. */
void                  atlas_chart_layout_draw_svg   (AtlasChartLayout      *self,
                                                     cairo_t               *cr,
                                                     GString               *texts);

/**
 * atlas_chart_render:
 * @model: the chart's numbers
 * @style: how it looks
 * @cr: where to draw (any surface: widget snapshot, PDF, SVG, image)
 * @width: width in @cr's user units
 * @height: height
 *
 * Lays out and draws in one go.
 *
 * Returns: (transfer full): the layout, for hit-testing what was drawn
 */
AtlasChartLayout     *atlas_chart_render            (AtlasChartModel       *model,
                                                     const AtlasChartStyle *style,
                                                     cairo_t               *cr,
                                                     double                 width,
                                                     double                 height);

/* The height this width needs for every text at its size and rows that
 * never overlap (what an export of a column width with no height given
 * gets). */
double                atlas_chart_layout_get_natural_height (AtlasChartLayout *self);

/* (transfer none) */
AtlasChartModel      *atlas_chart_layout_get_model  (AtlasChartLayout      *self);
double                atlas_chart_layout_get_width  (AtlasChartLayout      *self);
double                atlas_chart_layout_get_height (AtlasChartLayout      *self);

/* Marks in reading order: panel by panel, row by row, series by series, then
 * the legend. Index order is the Tab / Home / End order. */
guint                 atlas_chart_layout_get_n_marks (AtlasChartLayout     *self);
const AtlasChartMark *atlas_chart_layout_get_mark    (AtlasChartLayout     *self,
                                                      guint                 index);

/**
 * atlas_chart_layout_hit_test:
 * @self: a layout
 * @x: a point, in the layout's units
 * @y: a point
 * @index: (out) (optional): the mark's index
 *
 * Returns: (transfer none) (nullable): the mark under (@x, @y), or %NULL
 */
const AtlasChartMark *atlas_chart_layout_hit_test    (AtlasChartLayout     *self,
                                                      double                x,
                                                      double                y,
                                                      guint                *index);

/**
 * atlas_chart_layout_navigate:
 * @self: a layout
 * @from: the focused mark's index, or G_MAXUINT for none (then the first mark)
 * @direction: the arrow key
 *
 * The nearest mark in @direction (left/right along the series of a row,
 * up/down between rows, across panels and into the legend).
 *
 * Returns: the index of the mark to focus; @from when there is none
 */
guint                 atlas_chart_layout_navigate    (AtlasChartLayout     *self,
                                                      guint                 from,
                                                      AtlasChartDirection   direction);

/**
 * atlas_chart_layout_draw_highlight:
 * @self: a layout
 * @cr: the context the chart was drawn on
 * @index: a mark
 *
 * Outlines a mark in the style's accent colour (hover / keyboard focus),
 * drawn over the chart so that a cached chart need not be redrawn.
 */
void                  atlas_chart_layout_draw_highlight (AtlasChartLayout  *self,
                                                         cairo_t           *cr,
                                                         guint              index);

G_END_DECLS

/* atlas-order-chart.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "atlas-chart-style.h"
#include "atlas-notebook.h"

G_BEGIN_DECLS

/* How a notebook was run: each code cell's position against its execution
 * count, so that a reader sees at once whether the cells ran top to bottom.
 * The crash shown and earlier crashes are marked, a step where a cell ran
 * before the one above it is drawn as a backward step, and cells that never
 * ran sit on a lane of their own below the axis. Drawn on any Cairo
 * surface; every mark is a cell, found again with hit_test(). */

typedef enum
{
  ATLAS_ORDER_MARK_RAN,          /* ran in its turn */
  ATLAS_ORDER_MARK_OUT_OF_ORDER, /* ran before a cell above it */
  ATLAS_ORDER_MARK_NEVER_RAN,
  ATLAS_ORDER_MARK_CRASHED,      /* holds an error output (an earlier crash) */
  ATLAS_ORDER_MARK_THIS_CRASH,   /* the crash shown */
} AtlasOrderMarkKind;

typedef struct
{
  AtlasOrderMarkKind kind;
  guint              cell;             /* index among all cells */
  int                execution_count;  /* -1: never ran */
  double             x, y;             /* centre, after atlas_order_chart_draw() */
} AtlasOrderMark;

typedef struct _AtlasOrderChart AtlasOrderChart;

/* The code cells of @notebook, @crash_cell the crash shown (G_MAXUINT:
 * none). */
AtlasOrderChart      *atlas_order_chart_new        (AtlasNotebook         *notebook,
                                                    guint                  crash_cell);
void                  atlas_order_chart_free       (AtlasOrderChart       *self);

guint                 atlas_order_chart_get_n_marks (AtlasOrderChart      *self);
const AtlasOrderMark *atlas_order_chart_get_mark   (AtlasOrderChart       *self,
                                                    guint                  index);
/* Steps where a cell ran before the cell above it, and cells never run. */
guint                 atlas_order_chart_get_n_backward (AtlasOrderChart   *self);
guint                 atlas_order_chart_get_n_never_ran (AtlasOrderChart  *self);
/* One line for a tooltip or a screen reader: "Cell 7: ran 3rd, before
 * cell 5 above it". */
char                 *atlas_order_chart_describe   (AtlasOrderChart       *self,
                                                    guint                  index);
/* "Ran top to bottom" or what was not, for the chart's caption. */
char                 *atlas_order_chart_summary    (AtlasOrderChart       *self);

/* Draws into (0, 0, @width, @height) of @cr, in @cr's user units, and
 * places the marks. */
void                  atlas_order_chart_draw       (AtlasOrderChart       *self,
                                                    cairo_t               *cr,
                                                    const AtlasChartStyle *style,
                                                    double                 width,
                                                    double                 height);
/* The mark within @radius of (@x, @y), nearest first, or -1. */
int                   atlas_order_chart_hit_test   (AtlasOrderChart       *self,
                                                    double                 x,
                                                    double                 y,
                                                    double                 radius);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasOrderChart, atlas_order_chart_free)

G_END_DECLS

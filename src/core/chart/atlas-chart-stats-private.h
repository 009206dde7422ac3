/* atlas-chart-stats-private.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "atlas-chart-stats.h"
#include "atlas-taxonomy.h"

G_BEGIN_DECLS

/* The counts inside AtlasChartStats, for the model that charts them. */

#define ATLAS_ALL_PLATFORMS ATLAS_N_PLATFORMS
#define N_SLOTS (ATLAS_N_PLATFORMS + 1)

/* A library's counts, per platform slot. */
typedef struct
{
  char  *name;
  guint  crashes[N_SLOTS];
  guint  notebooks[N_SLOTS];
} AtlasLibraryCount;

/* A finer cause's counts, per platform slot. */
typedef struct
{
  AtlasRootCause  cause;
  char           *detail;
  guint           crashes[N_SLOTS];
} AtlasDetailCount;

/* What atlas_chart_stats_new() counted: readable by the model builder. */
typedef struct
{
  guint crashes[N_SLOTS];
  guint notebooks[N_SLOTS];          /* read, on the platforms the filter accepts */
  guint crash_notebooks[N_SLOTS];    /* holding a crash the filter accepts */
  guint stage_bug[N_SLOTS][ATLAS_N_STAGES][ATLAS_N_ML_BUGS];
  guint cause_stage[N_SLOTS][ATLAS_N_ROOT_CAUSES][ATLAS_N_STAGES];
  guint cause_type[N_SLOTS][ATLAS_N_ROOT_CAUSES][ATLAS_N_CRASH_TYPES];
  guint library_unset[N_SLOTS];
} AtlasChartCounts;

const AtlasChartCounts *_atlas_chart_stats_get_counts    (AtlasChartStats *self);
/* (element-type AtlasLibraryCount) sorted by crashes, descending, then name */
GPtrArray              *_atlas_chart_stats_get_libraries (AtlasChartStats *self);
/* (element-type AtlasDetailCount) sorted by cause, then crashes descending */
GPtrArray              *_atlas_chart_stats_get_details   (AtlasChartStats *self);

/* Table construction, used by the model. */

G_END_DECLS

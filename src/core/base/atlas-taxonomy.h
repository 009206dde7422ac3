/* atlas-taxonomy.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The five dimensions of ../shared/TAXONOMY.md. The identifiers are what every
 * output (JSON Lines, CSV, SQLite, chart legends) uses; the display names are
 * for people and translatable. Each enum starts with an "unset" value so that
 * a crash that has not been classified yet prints null.
 */
typedef enum
{
  ATLAS_DIMENSION_CRASH_TYPE,
  ATLAS_DIMENSION_ROOT_CAUSE,
  ATLAS_DIMENSION_ML_BUG,
  ATLAS_DIMENSION_STAGE,
  ATLAS_DIMENSION_LIBRARY,
  ATLAS_N_DIMENSIONS
} AtlasDimension;

typedef enum
{
  ATLAS_CRASH_TYPE_UNSET,
  ATLAS_CRASH_TYPE_VNF,
  ATLAS_CRASH_TYPE_NAME,
  ATLAS_CRASH_TYPE_MODULE,
  ATLAS_CRASH_TYPE_ATTR,
  ATLAS_CRASH_TYPE_KEY,
  ATLAS_CRASH_TYPE_INDEX,
  ATLAS_CRASH_TYPE_TYPE,
  ATLAS_CRASH_TYPE_VALUE,
  ATLAS_CRASH_TYPE_TSHAPE,
  ATLAS_CRASH_TYPE_BCAST,
  ATLAS_CRASH_TYPE_DVIOL,
  ATLAS_CRASH_TYPE_FNAME,
  ATLAS_CRASH_TYPE_IARG,
  ATLAS_CRASH_TYPE_INIT,
  ATLAS_CRASH_TYPE_RUNTIME,
  ATLAS_CRASH_TYPE_OOM,
  ATLAS_CRASH_TYPE_IO,
  ATLAS_CRASH_TYPE_RERR,
  ATLAS_CRASH_TYPE_ENV,
  ATLAS_CRASH_TYPE_OTHER,
  ATLAS_N_CRASH_TYPES
} AtlasCrashType;

typedef enum
{
  ATLAS_ROOT_CAUSE_UNSET,
  ATLAS_ROOT_CAUSE_API,
  ATLAS_ROOT_CAUSE_DATA,
  ATLAS_ROOT_CAUSE_NB,
  ATLAS_ROOT_CAUSE_IMPL,
  ATLAS_ROOT_CAUSE_ENV,
  ATLAS_ROOT_CAUSE_MODEL,
  ATLAS_ROOT_CAUSE_RSC,
  ATLAS_ROOT_CAUSE_LIB,
  ATLAS_ROOT_CAUSE_UNK,
  ATLAS_N_ROOT_CAUSES
} AtlasRootCause;

typedef enum
{
  ATLAS_ML_BUG_UNSET,
  ATLAS_ML_BUG_ML,
  ATLAS_ML_BUG_PY,
  ATLAS_N_ML_BUGS
} AtlasMlBug;

typedef enum
{
  ATLAS_STAGE_UNSET,
  ATLAS_STAGE_ENVS,
  ATLAS_STAGE_DATAP,
  ATLAS_STAGE_DATAV,
  ATLAS_STAGE_MCONS,
  ATLAS_STAGE_TRAIN,
  ATLAS_STAGE_EVAL,
  ATLAS_N_STAGES
} AtlasStage;

/* Number of values of an enumerated dimension, "unset" included
 * (0 for ATLAS_DIMENSION_LIBRARY, which is free text). */
guint       atlas_dimension_n_values     (AtlasDimension dimension);
const char *atlas_dimension_id           (AtlasDimension dimension);
const char *atlas_dimension_display_name (AtlasDimension dimension);
gboolean    atlas_dimension_from_id      (const char     *id,
                                          AtlasDimension *dimension);

/* Identifier of a value ("VNF", "API", "ML", "TRAIN"); NULL for unset. */
const char *atlas_dimension_value_id     (AtlasDimension dimension,
                                          guint          value);
/* Long name for people ("variable not found"); NULL for unset. */
const char *atlas_dimension_value_name   (AtlasDimension dimension,
                                          guint          value);
/* Parses an identifier; returns FALSE if @id is not one of @dimension's. */
gboolean    atlas_dimension_value_from_id (AtlasDimension  dimension,
                                           const char     *id,
                                           guint          *value);

G_END_DECLS

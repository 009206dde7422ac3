/* atlas-crash-filter.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "atlas-crash.h"

G_BEGIN_DECLS

/* What a crash can be filtered on: the chips of the filter bar. */
typedef enum
{
  ATLAS_CRASH_FIELD_PLATFORM,
  ATLAS_CRASH_FIELD_STAGE,
  ATLAS_CRASH_FIELD_ML_BUG,
  ATLAS_CRASH_FIELD_LIBRARY,
  ATLAS_CRASH_FIELD_ROOT_CAUSE,
  ATLAS_CRASH_FIELD_CRASH_TYPE,
  ATLAS_CRASH_FIELD_CLUSTER,
  ATLAS_N_CRASH_FIELDS
} AtlasCrashField;

/* The label of a field for people ("Stage"). */
const char *atlas_crash_field_display_name (AtlasCrashField field);
/* The value of @crash on @field as an identifier ("TRAIN", "kaggle", "17"),
 * or NULL when unset. Free the result. */
char       *atlas_crash_field_dup_value    (AtlasCrash     *crash,
                                            AtlasCrashField field);
/* A value for people ("training / validation", "Kaggle", "cluster 17"). */
char       *atlas_crash_field_describe     (AtlasCrashField field,
                                            const char     *value);

#define ATLAS_TYPE_CRASH_FILTER (atlas_crash_filter_get_type ())

G_DECLARE_FINAL_TYPE (AtlasCrashFilter, atlas_crash_filter, ATLAS, CRASH_FILTER, GtkFilter)

/* Matches crashes that have every condition set: one value per field, and
 * the fields combine with "and". */
AtlasCrashFilter *atlas_crash_filter_new          (void);
/* Sets the value @field must have; NULL removes the condition. */
void              atlas_crash_filter_set          (AtlasCrashFilter *self,
                                                   AtlasCrashField   field,
                                                   const char       *value);
const char       *atlas_crash_filter_get          (AtlasCrashFilter *self,
                                                   AtlasCrashField   field);
void              atlas_crash_filter_clear        (AtlasCrashFilter *self);
gboolean          atlas_crash_filter_is_empty     (AtlasCrashFilter *self);
gboolean          atlas_crash_filter_match_crash  (AtlasCrashFilter *self,
                                                   AtlasCrash       *crash);

G_END_DECLS

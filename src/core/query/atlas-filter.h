/* atlas-filter.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "atlas-crash.h"

G_BEGIN_DECLS

/**
 * AtlasFilterField:
 * @ATLAS_FILTER_FIELD_PLATFORM: #AtlasPlatform of the crash's notebook
 * @ATLAS_FILTER_FIELD_STAGE: #AtlasStage (value 0 = unclassified)
 * @ATLAS_FILTER_FIELD_ML_BUG: #AtlasMlBug (value 0 = unclassified)
 * @ATLAS_FILTER_FIELD_LIBRARY: library name (string; %NULL = unclassified)
 * @ATLAS_FILTER_FIELD_ROOT_CAUSE: #AtlasRootCause (value 0 = unclassified)
 * @ATLAS_FILTER_FIELD_ROOT_CAUSE_DETAIL: finer cause (string; %NULL = none)
 * @ATLAS_FILTER_FIELD_CRASH_TYPE: #AtlasCrashType (value 0 = unclassified)
 * @ATLAS_FILTER_FIELD_CLUSTER: message cluster (integer; -1 = unclustered)
 *
 * The facets a crash can be filtered on. Enumerated fields take the enum
 * value, string fields a string, the cluster an integer.
 */
typedef enum
{
  ATLAS_FILTER_FIELD_PLATFORM,
  ATLAS_FILTER_FIELD_STAGE,
  ATLAS_FILTER_FIELD_ML_BUG,
  ATLAS_FILTER_FIELD_LIBRARY,
  ATLAS_FILTER_FIELD_ROOT_CAUSE,
  ATLAS_FILTER_FIELD_ROOT_CAUSE_DETAIL,
  ATLAS_FILTER_FIELD_CRASH_TYPE,
  ATLAS_FILTER_FIELD_CLUSTER,
  ATLAS_N_FILTER_FIELDS
} AtlasFilterField;

/* Identifier of a field as used on the command line and in chips
 * ("platform", "stage", "ml_bug", "library", "root_cause",
 * "root_cause_detail", "crash_type", "cluster"). */
const char *atlas_filter_field_id           (AtlasFilterField  field);
/* Translated name for people ("Pipeline stage"). */
const char *atlas_filter_field_display_name (AtlasFilterField  field);
gboolean    atlas_filter_field_from_id      (const char       *id,
                                             AtlasFilterField *field);
/* TRUE for LIBRARY and ROOT_CAUSE_DETAIL, whose values are strings. */
gboolean    atlas_filter_field_is_string    (AtlasFilterField  field);

#define ATLAS_TYPE_FILTER (atlas_filter_get_type ())

G_DECLARE_FINAL_TYPE (AtlasFilter, atlas_filter, ATLAS, FILTER, GObject)

/**
 * AtlasFilter:
 *
 * A conjunction over fields; each constrained field holds a set of accepted
 * values (or, when negated, of refused ones). A crash matches when, for every
 * constrained field, its value is in the set (not in it, when negated). A
 * filter without constraints matches everything.
 *
 * The app's removable chips map one-to-one onto the constrained fields; each
 * chart mark carries the filter that selects exactly its crashes.
 *
 * Emits #AtlasFilter::changed after every modification.
 */

AtlasFilter *atlas_filter_new                (void);
/* A deep copy (no signal connections). */
AtlasFilter *atlas_filter_copy               (AtlasFilter      *self);
gboolean     atlas_filter_equal              (AtlasFilter      *a,
                                              AtlasFilter      *b);

/**
 * atlas_filter_matches:
 * @self: a filter
 * @crash: a crash
 *
 * Returns: whether @crash passes every constrained field of @self.
 * Cheap: bit tests for the enumerated fields, a hash lookup for strings.
 */
gboolean     atlas_filter_matches            (AtlasFilter      *self,
                                              AtlasCrash       *crash);
/* Whether a notebook of @platform can hold matching crashes (only the
 * platform field is consulted). */
gboolean     atlas_filter_matches_platform   (AtlasFilter      *self,
                                              AtlasPlatform     platform);

gboolean     atlas_filter_is_empty           (AtlasFilter      *self);
/* "Count duplicates once": crashes of notebooks that are copies of an
 * earlier one (atlas_crash_get_copy()) are left out. Off by default, so
 * counts equal what `scan` reports; cleared by atlas_filter_clear(). */
gboolean     atlas_filter_get_distinct_content (AtlasFilter    *self);
void         atlas_filter_set_distinct_content (AtlasFilter    *self,
                                                gboolean        distinct);
gboolean     atlas_filter_has_field          (AtlasFilter      *self,
                                              AtlasFilterField  field);
gboolean     atlas_filter_get_negated        (AtlasFilter      *self,
                                              AtlasFilterField  field);
/* Refuse instead of accept the values of @field (e.g. library "other" =
 * not one of the top libraries). */
void         atlas_filter_set_negated        (AtlasFilter      *self,
                                              AtlasFilterField  field,
                                              gboolean          negated);

/* Accepts one more value of an enumerated field, or a cluster number. */
void         atlas_filter_add_value          (AtlasFilter      *self,
                                              AtlasFilterField  field,
                                              int               value);
/* Accepts one more string of LIBRARY or ROOT_CAUSE_DETAIL (%NULL = unset). */
void         atlas_filter_add_string         (AtlasFilter      *self,
                                              AtlasFilterField  field,
                                              const char       *value);

/**
 * atlas_filter_add_id:
 * @self: a filter
 * @field: any field
 * @id: a value as printed: "kaggle", "TRAIN", "ML", "pandas", "17";
 *   "unclassified" (or "-1" for clusters) for the unset value
 * @error: return location for an error
 *
 * Parses @id for @field and accepts it (for the command line and for chips).
 *
 * Returns: %FALSE (setting @error, G_IO_ERROR_INVALID_ARGUMENT) when @id is
 *   not a value of @field.
 */
gboolean     atlas_filter_add_id             (AtlasFilter      *self,
                                              AtlasFilterField  field,
                                              const char       *id,
                                              GError          **error);
/* Removes one value (by id, as atlas_filter_add_id() parses it); the field
 * becomes unconstrained when its set gets empty. */
void         atlas_filter_remove_id          (AtlasFilter      *self,
                                              AtlasFilterField  field,
                                              const char       *id);
/* Drops the constraint on @field (what removing a chip does). */
void         atlas_filter_clear_field        (AtlasFilter      *self,
                                              AtlasFilterField  field);
void         atlas_filter_clear              (AtlasFilter      *self);

/**
 * atlas_filter_dup_ids:
 * @self: a filter
 * @field: a field
 *
 * Returns: (transfer full) (array zero-terminated=1): the ids of the values
 *   of @field, sorted; an empty vector when the field is unconstrained.
 */
char       **atlas_filter_dup_ids            (AtlasFilter      *self,
                                              AtlasFilterField  field);

/**
 * atlas_filter_intersect:
 * @self: a filter, modified
 * @other: another filter
 *
 * Narrows @self to the crashes that match both (per field: intersection of
 * accepted sets, with refused sets subtracted or united). Used to combine
 * the app's filter with a mark's own.
 */
void         atlas_filter_intersect          (AtlasFilter      *self,
                                              AtlasFilter      *other);

/**
 * atlas_filter_describe_field:
 * @self: a filter
 * @field: a constrained field
 *
 * Returns: (transfer full) (nullable): a chip label for people, e.g.
 *   "Pipeline stage: training / validation, evaluation / prediction" or
 *   "Library: not pandas, numpy"; %NULL when @field is unconstrained.
 *   Plain text (never markup).
 */
char        *atlas_filter_describe_field     (AtlasFilter      *self,
                                              AtlasFilterField  field);
/* All constrained fields, "stage=TRAIN ml_bug=ML library!=pandas,numpy";
 * "" when empty. Stable, for logs, tests and tooltips. */
char        *atlas_filter_to_string          (AtlasFilter      *self);

G_END_DECLS

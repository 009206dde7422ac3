/* atlas-crash.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "atlas-platform.h"
#include "atlas-taxonomy.h"
#include "atlas-traceback.h"

G_BEGIN_DECLS

/* The labels of one crash on the five dimensions, with the evidence for each.
 * Plain data: the classifier fills it, everything else reads it. */
typedef struct
{
  AtlasCrashType  crash_type;
  AtlasRootCause  root_cause;
  char           *root_cause_detail;  /* "execution order", "missing import", … or NULL */
  AtlasMlBug      ml_bug;
  AtlasStage      stage;
  char           *library;            /* "pandas", "none"; NULL when unset */
  char           *evidence[ATLAS_N_DIMENSIONS]; /* one human-readable reason per dimension */
  char           *rule[ATLAS_N_DIMENSIONS];     /* name of the deciding rule, the evidence's detail */
  AtlasConfidence confidence[ATLAS_N_DIMENSIONS];
  double          confidence_score[ATLAS_N_DIMENSIONS]; /* 0..1: share right among labels decided so */
} AtlasClassification;

void atlas_classification_clear (AtlasClassification *classification);
void atlas_classification_copy  (const AtlasClassification *src,
                                 AtlasClassification       *dest);
/* The confidence and deciding rule of each dimension as one line of text for
 * the corpus file: "SCORE RULE" per dimension in dimension order, joined by
 * ";" ("" for an unset one); NULL when nothing is set. */
char *atlas_classification_confidence_to_text   (const AtlasClassification *classification);
/* Reads that text back into @classification (confidence, score, rule);
 * text that is not in that form is ignored. */
void  atlas_classification_confidence_from_text (AtlasClassification *classification,
                                                 const char          *text);

#define ATLAS_TYPE_CRASH (atlas_crash_get_type ())

G_DECLARE_FINAL_TYPE (AtlasCrash, atlas_crash, ATLAS, CRASH, GObject)

/* One error output of a notebook code cell. The crash keeps what the crash
 * list, the charts and the cell view's header need without the notebook:
 * the notebook is re-read (from its file or the corpus store) to show it. */
AtlasCrash       *atlas_crash_new                   (const char     *location,
                                                     AtlasPlatform   platform,
                                                     guint           cell,
                                                     int             execution_count,
                                                     const char     *ename,
                                                     const char     *evalue,
                                                     AtlasTraceback *traceback);

const char       *atlas_crash_get_location          (AtlasCrash *self);
AtlasPlatform     atlas_crash_get_platform          (AtlasCrash *self);
const char       *atlas_crash_get_url               (AtlasCrash *self);
void              atlas_crash_set_url               (AtlasCrash *self,
                                                     const char *url);
guint             atlas_crash_get_cell              (AtlasCrash *self);
int               atlas_crash_get_execution_count   (AtlasCrash *self);
const char       *atlas_crash_get_ename             (AtlasCrash *self);
const char       *atlas_crash_get_evalue            (AtlasCrash *self);
/* The message the classifier and the clustering read: the evalue, or, when
 * that is a placeholder (Colab's "ignored", empty), the message on the
 * traceback's last line. */
const char       *atlas_crash_get_message           (AtlasCrash *self);
/* TRUE when the message came from the traceback, not the evalue. */
gboolean          atlas_crash_get_message_recovered (AtlasCrash *self);
gboolean          atlas_crash_evalue_is_placeholder (const char *evalue);
char             *atlas_crash_message_from_traceback (const char *ename,
                                                      const char *text);
/* May be NULL for crashes recovered without a traceback. */
AtlasTraceback   *atlas_crash_get_traceback         (AtlasCrash *self);
/* The crashing cell's code (kept for the cell view and the classifier). */
const char       *atlas_crash_get_cell_source       (AtlasCrash *self);
void              atlas_crash_set_cell_source       (AtlasCrash *self,
                                                     const char *source);
/* 1-based line of the crashing cell that raised, mapped from the traceback's
 * user frame onto the cell source; 0 when unknown. */
guint             atlas_crash_get_line              (AtlasCrash *self);
void              atlas_crash_set_line              (AtlasCrash *self,
                                                     guint       line);

const AtlasClassification *atlas_crash_get_classification (AtlasCrash *self);
/* Takes a copy; notifies the label properties. */
void              atlas_crash_set_classification    (AtlasCrash                *self,
                                                     const AtlasClassification *classification);
/* Frees the traceback and the cell source (what the classifier needed), so
 * that a scan can keep tens of thousands of crashes until clustering. */
void              atlas_crash_drop_details          (AtlasCrash *self);
/* Cluster of the message; -1 until clustered. */
/* Whether the crash is of a notebook whose content equals an earlier one's
 * (a fork, a mirror): counted once when asked. */
gboolean          atlas_crash_get_copy              (AtlasCrash *self);
void              atlas_crash_set_copy              (AtlasCrash *self,
                                                     gboolean    copy);
int               atlas_crash_get_cluster           (AtlasCrash *self);
void              atlas_crash_set_cluster           (AtlasCrash *self,
                                                     int         cluster);

/* The label of one dimension as its identifier ("VNF", "pandas"), or NULL. */
const char       *atlas_classification_get_label_id (const AtlasClassification *c,
                                                     AtlasDimension             dimension);
const char       *atlas_crash_get_label_id          (AtlasCrash     *self,
                                                     AtlasDimension  dimension);

/* The record of ../shared/TAXONOMY.md, members in its order. */
JsonNode         *atlas_crash_to_json               (AtlasCrash *self);

G_END_DECLS

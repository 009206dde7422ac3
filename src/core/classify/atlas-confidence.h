/* atlas-confidence.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "atlas-crash.h"

G_BEGIN_DECLS

/* How often each rule's label was right on hand-labeled crashes, as a
 * GKeyFile: a group per dimension ("[crash_type]") mapping a rule's name to a
 * score in 0..1, and "[defaults]" giving each dimension's score for rules not
 * listed (a user's own rules, new rules). bench/train-confidence.py writes it
 * from the eval set's tune fold. */
typedef struct _AtlasConfidenceTable AtlasConfidenceTable;

AtlasConfidenceTable *atlas_confidence_table_new   (void);
void                  atlas_confidence_table_free  (AtlasConfidenceTable *self);
gboolean              atlas_confidence_table_load  (AtlasConfidenceTable *self,
                                                    const char           *text,
                                                    const char           *origin,
                                                    GError              **error);
double                atlas_confidence_table_score (AtlasConfidenceTable *self,
                                                    AtlasDimension        dimension,
                                                    const char           *rule);

/* Fills @result's confidence from its rules' scores. */
void                  atlas_confidence_table_apply (AtlasConfidenceTable *self,
                                                    AtlasClassification  *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasConfidenceTable, atlas_confidence_table_free)

G_END_DECLS

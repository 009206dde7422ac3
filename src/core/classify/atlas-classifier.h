/* atlas-classifier.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "atlas-classifier-error.h"
#include "atlas-crash.h"
#include "atlas-notebook.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_CLASSIFIER (atlas_classifier_get_type ())

G_DECLARE_FINAL_TYPE (AtlasClassifier, atlas_classifier, ATLAS, CLASSIFIER, GObject)

/* A classifier with the built-in rules (data/rules, compiled into resources). */
AtlasClassifier *atlas_classifier_new               (void);

/* Adds a user's rules on top of the built-in ones; a user rule with the name
 * of a built-in one replaces it. On error (naming @path and the place) the
 * classifier is left as it was. */
gboolean         atlas_classifier_load_rules_file   (AtlasClassifier *self,
                                                     const char      *path,
                                                     GError         **error);

/* Identifies the rules in force (a hash of their text), stored with results
 * so a corpus knows which rules produced its labels. */
const char      *atlas_classifier_get_rules_version (AtlasClassifier *self);

/* Labels @crash, one of @notebook's crashes. Thread-safe: the classifier is
 * read-only once its rules are loaded. */
void             atlas_classifier_classify          (AtlasClassifier *self,
                                                     AtlasNotebook   *notebook,
                                                     AtlasCrash      *crash);

/* Labels every crash of @notebook. */
void             atlas_classifier_classify_notebook (AtlasClassifier *self,
                                                     AtlasNotebook   *notebook);

G_END_DECLS

/* atlas-classifier-private.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "atlas-classifier.h"
#include "atlas-rules.h"

G_BEGIN_DECLS

/* The rules in force (for tests and the rules view). */
AtlasRuleSet *_atlas_classifier_get_rule_set (AtlasClassifier *self);

G_END_DECLS

/* atlas-rule-match.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "atlas-crash.h"
#include "atlas-facts.h"
#include "atlas-rules.h"

G_BEGIN_DECLS

/* If @rule holds for @facts (and the labels decided so far in @result), sets
 * @dimension in @result with the rule's evidence and returns TRUE. */
gboolean _atlas_rule_apply (const AtlasRule     *rule,
                            AtlasRuleSet        *rules,
                            AtlasDimension       dimension,
                            const AtlasFacts    *facts,
                            AtlasClassification *result);

G_END_DECLS

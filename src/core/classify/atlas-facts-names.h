/* atlas-facts-names.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "atlas-fact.h"
#include "atlas-rules.h"
#include "atlas-notebook-facts.h"

G_BEGIN_DECLS

/* Facts about facts->missing_name: where the notebook defines it. */
void    _atlas_facts_add_name_facts     (AtlasFacts         *facts,
                                         AtlasRuleSet       *rules,
                                         AtlasNotebookFacts *context,
                                         AtlasCrash         *crash);
/* Facts about facts->missing_key: does the notebook remove that column. */
void    _atlas_facts_add_key_facts      (AtlasFacts         *facts,
                                         AtlasNotebookFacts *context);

G_END_DECLS

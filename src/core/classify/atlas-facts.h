/* atlas-facts.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "atlas-crash.h"
#include "atlas-fact.h"
#include "atlas-notebook.h"
#include "atlas-notebook-facts.h"
#include "atlas-rules.h"

G_BEGIN_DECLS

/* @context: the facts of the crash's notebook, shared by its crashes. */
void        atlas_facts_init  (AtlasFacts         *facts,
                               AtlasRuleSet       *rules,
                               AtlasNotebookFacts *context,
                               AtlasCrash         *crash);
void        atlas_facts_clear (AtlasFacts    *facts);

G_END_DECLS

/* chart-fixture.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "atlas-corpus.h"

G_BEGIN_DECLS

/* Adds a notebook importing @packages (NULL-terminated, may be NULL). */
void         chart_fixture_add_notebook (AtlasCorpus        *corpus,
                                         const char         *location,
                                         AtlasPlatform       platform,
                                         const char * const *packages,
                                         GPtrArray          *crashes);

/* A crash with the given labels (0 / NULL = unset). */
AtlasCrash  *chart_fixture_crash        (const char    *location,
                                         AtlasPlatform  platform,
                                         AtlasStage     stage,
                                         AtlasMlBug     ml_bug,
                                         AtlasRootCause root_cause,
                                         const char    *detail,
                                         AtlasCrashType crash_type,
                                         const char    *library);

/* A corpus of about @n_crashes random crashes whose labels follow the
 * proportions reported by the study (platforms, stages, causes, types,
 * libraries; ~4 % unclassified), deterministic for a @seed. */
AtlasCorpus *chart_fixture_random_corpus (guint   n_crashes,
                                          guint32 seed);

G_END_DECLS

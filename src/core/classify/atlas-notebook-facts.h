/* atlas-notebook-facts.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "atlas-notebook.h"
#include "atlas-rules.h"

G_BEGIN_DECLS

/* What the classifier knows about a whole notebook, computed once for all
 * of its crashes (each part on first use), so that classifying a notebook
 * takes time linear in its size, not in its size times its crashes. Used by
 * one thread at a time. */
typedef struct _AtlasNotebookFacts AtlasNotebookFacts;

/* @notebook may be NULL (a crash without its notebook): then @cell_source
 * stands for the whole notebook. */
AtlasNotebookFacts *atlas_notebook_facts_new   (AtlasRuleSet  *rules,
                                                AtlasNotebook *notebook,
                                                const char    *cell_source);
void                atlas_notebook_facts_free  (AtlasNotebookFacts *self);

AtlasNotebook      *atlas_notebook_facts_get_notebook      (AtlasNotebookFacts *self);
guint               atlas_notebook_facts_n_code_cells      (AtlasNotebookFacts *self);
/* TRUE when execution counts go out of order at or above @cell. */
gboolean            atlas_notebook_facts_anomaly_before    (AtlasNotebookFacts *self,
                                                            guint               cell);
/* Cells that bind @name at their top level (the Python scanner's
 * definitions: a name bound inside a function is not among them), in
 * order; NULL when none. */
GArray             *atlas_notebook_facts_definers          (AtlasNotebookFacts *self,
                                                            const char         *name);
/* Cells with a top-level "del NAME"; NULL when none. */
GArray             *atlas_notebook_facts_deleters          (AtlasNotebookFacts *self,
                                                            const char         *name);
/* A word of the notebook's code one edit (or a change of case) from @name. */
gboolean            atlas_notebook_facts_has_similar_name  (AtlasNotebookFacts *self,
                                                            const char         *name);
/* The first cell whose code removes the column @key (drop, pop, del, …, as
 * [settings] key-removing-calls lists them), or -1. */
int                 atlas_notebook_facts_key_remover       (AtlasNotebookFacts *self,
                                                            const char         *key);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasNotebookFacts, atlas_notebook_facts_free)

G_END_DECLS

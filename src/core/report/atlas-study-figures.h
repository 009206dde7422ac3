/* atlas-study-figures.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The shares the study "Why do Machine Learning Notebooks Crash?" (Wang et
 * al., IEEE TSE 2025) published for its 746 hand-labeled crashes, read from
 * data/study/study-figures.ini (compiled in). A report sets a corpus beside
 * them; the figures are the study's and are always credited to it. */

typedef enum
{
  ATLAS_STUDY_ALL,
  ATLAS_STUDY_KAGGLE,
  ATLAS_STUDY_GITHUB,
  ATLAS_STUDY_N_COLUMNS
} AtlasStudyColumn;

typedef struct _AtlasStudyFigures AtlasStudyFigures;

/* The built-in figures. */
AtlasStudyFigures *atlas_study_figures_new_default  (GError           **error);
/* Figures in the format of data/study/study-figures.ini (for tests). */
AtlasStudyFigures *atlas_study_figures_new_from_data (const char        *data,
                                                      gsize              len,
                                                      GError           **error);
void               atlas_study_figures_free         (AtlasStudyFigures *self);

/* The share in percent of @id ("VNF", "pandas", "TRAIN/ML") in @table
 * ("crash_type", "root_cause", "ml_bug", "stage", "library",
 * "stage_by_ml_bug") for @column; FALSE when the study gives none. */
gboolean           atlas_study_figures_lookup       (AtlasStudyFigures *self,
                                                     const char        *table,
                                                     const char        *id,
                                                     AtlasStudyColumn   column,
                                                     double            *percent);
/* The ids of @table in the file's order (the study's, by share); NULL-terminated. */
char             **atlas_study_figures_dup_ids      (AtlasStudyFigures *self,
                                                     const char        *table);
/* Crashes the study labeled in @column (746, 356, 390). */
guint              atlas_study_figures_get_n_crashes (AtlasStudyFigures *self,
                                                      AtlasStudyColumn   column);
/* "Wang et al., “Why do Machine Learning Notebooks Crash?”, IEEE …, 2025" */
char              *atlas_study_figures_dup_citation (AtlasStudyFigures *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasStudyFigures, atlas_study_figures_free)

G_END_DECLS

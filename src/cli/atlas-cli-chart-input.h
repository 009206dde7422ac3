/* atlas-cli-chart-input.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "atlas-corpus.h"
#include "atlas-filter.h"

G_BEGIN_DECLS

/* What `chart` and `report` read and count: a corpus file (--db) or
 * notebooks, narrowed by the app's filters (--platform, --stage, …). */
typedef struct
{
  char     *db;
  char     *as_platform;
  char     *jobs;
  char    **filters[ATLAS_N_FILTER_FIELDS];  /* the values given per field */
  gboolean  distinct_content;
} AtlasCliChartInput;

void         atlas_cli_chart_input_clear       (AtlasCliChartInput *input);
/* Adds the options (--db, the filters, --as-platform, --jobs,
 * --distinct-content) to @context's main group. */
void         atlas_cli_chart_input_add_entries (AtlasCliChartInput *input,
                                                GOptionContext     *context);
/* The filter the options give; NULL with a usage message in @error. */
AtlasFilter *atlas_cli_chart_input_dup_filter  (AtlasCliChartInput *input,
                                                GError            **error);
/* Checks the options that need no reading: NULL, or a usage message. */
const char  *atlas_cli_chart_input_check       (AtlasCliChartInput *input,
                                                char              **paths,
                                                GError            **problem);

/**
 * atlas_cli_chart_input_load:
 * @input: checked options
 * @paths: (nullable): notebooks and folders, when no --db
 * @n_unreadable: (out): inputs that could not be read (each named on stderr)
 * @status: (out): the exit status when the corpus file could not be read
 *   (ATLAS_CLI_EXIT_CORPUS_DAMAGED), else ATLAS_CLI_EXIT_OK
 *
 * Returns: (transfer full) (nullable): the corpus (clustered when a
 *   --cluster filter needs it), or NULL when the corpus file is unusable
 */
AtlasCorpus *atlas_cli_chart_input_load        (AtlasCliChartInput *input,
                                                char              **paths,
                                                guint              *n_unreadable,
                                                int                *status);

G_END_DECLS

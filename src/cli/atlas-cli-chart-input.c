/* atlas-cli-chart-input.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-cli-chart"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-cli-chart-input.h"
#include "atlas-cli-print.h"
#include "atlas-cli.h"
#include "atlas-corpus-load.h"

/* The filter options, by field: the names the app's filter bar uses. */
static const struct
{
  const char       *option;
  AtlasFilterField  field;
  const char       *help;
} filter_options[] = {
  { "platform", ATLAS_FILTER_FIELD_PLATFORM, N_("Count only crashes of this platform: local, github or kaggle") },
  { "stage", ATLAS_FILTER_FIELD_STAGE, N_("Count only crashes of this pipeline stage (TRAIN, EVAL, …)") },
  { "ml-bug", ATLAS_FILTER_FIELD_ML_BUG, N_("Count only ML or only PY bugs") },
  { "library", ATLAS_FILTER_FIELD_LIBRARY, N_("Count only crashes of this library (pandas, none, …)") },
  { "root-cause", ATLAS_FILTER_FIELD_ROOT_CAUSE, N_("Count only crashes of this root cause (API, NB, …)") },
  { "crash-type", ATLAS_FILTER_FIELD_CRASH_TYPE, N_("Count only crashes of this crash type (VNF, KEY, …)") },
  { "cluster", ATLAS_FILTER_FIELD_CLUSTER, N_("Count only crashes of this message cluster (a number)") },
};

void
atlas_cli_chart_input_clear (AtlasCliChartInput *input)
{
  g_clear_pointer (&input->db, g_free);
  g_clear_pointer (&input->as_platform, g_free);
  g_clear_pointer (&input->jobs, g_free);
  for (guint f = 0; f < ATLAS_N_FILTER_FIELDS; f++)
    g_clear_pointer (&input->filters[f], g_strfreev);
}

void
atlas_cli_chart_input_add_entries (AtlasCliChartInput *input,
                                   GOptionContext     *context)
{
  GOptionEntry entries[G_N_ELEMENTS (filter_options) + 5] = { { 0 } };
  guint n = 0;

  entries[n++] = (GOptionEntry) { "db", 'd', 0, G_OPTION_ARG_FILENAME, &input->db,
                                  N_("Read the crashes of this corpus file instead of notebooks"), "FILE" };
  for (guint i = 0; i < G_N_ELEMENTS (filter_options); i++)
    entries[n++] = (GOptionEntry) { filter_options[i].option, 0, 0, G_OPTION_ARG_STRING_ARRAY,
                                    &input->filters[filter_options[i].field], filter_options[i].help,
                                    "VALUE" };
  entries[n++] = (GOptionEntry) { "as-platform", 0, 0, G_OPTION_ARG_STRING, &input->as_platform,
                                  N_("Where the notebooks given come from: local, github or kaggle "
                                     "(default: what each notebook says of itself)"), "PLATFORM" };
  entries[n++] = (GOptionEntry) { "distinct-content", 0, 0, G_OPTION_ARG_NONE, &input->distinct_content,
                                  N_("Count notebooks whose content equals an earlier one’s once (forks, mirrors)"),
                                  NULL };
  entries[n++] = (GOptionEntry) { "jobs", 'j', 0, G_OPTION_ARG_STRING, &input->jobs,
                                  N_("Worker threads, 1 to 1024 (default: one per core)"), "N" };
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
}

AtlasFilter *
atlas_cli_chart_input_dup_filter (AtlasCliChartInput  *input,
                                  GError             **error)
{
  g_autoptr(AtlasFilter) filter = atlas_filter_new ();

  for (guint i = 0; i < G_N_ELEMENTS (filter_options); i++)
    {
      char **values = input->filters[filter_options[i].field];

      for (guint v = 0; values != NULL && values[v] != NULL; v++)
        {
          g_autoptr(GError) local_error = NULL;

          if (!atlas_filter_add_id (filter, filter_options[i].field, values[v], &local_error))
            {
              g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, "--%s: %s",
                           filter_options[i].option, local_error->message);
              return NULL;
            }
        }
    }
  return g_steal_pointer (&filter);
}

const char *
atlas_cli_chart_input_check (AtlasCliChartInput  *input,
                             char               **paths,
                             GError             **problem)
{
  AtlasPlatform platform;
  guint jobs = 0;
  g_autoptr(AtlasFilter) filter = NULL;

  if (!atlas_cli_parse_count ("--jobs", input->jobs, 1, 1024, &jobs, problem))
    return (*problem)->message;
  if (input->as_platform != NULL && !atlas_platform_from_string (input->as_platform, &platform))
    return _("--as-platform must be local, github or kaggle");
  if (input->db != NULL && paths != NULL && paths[0] != NULL)
    return _("give a corpus file (--db) or notebooks, not both");
  if (input->db != NULL && input->as_platform != NULL)
    return _("--as-platform is for notebooks: a corpus file keeps each notebook’s platform");
  if (input->db == NULL && (paths == NULL || paths[0] == NULL))
    return _("no corpus file (--db FILE), notebook or folder given");
  if ((filter = atlas_cli_chart_input_dup_filter (input, problem)) == NULL)
    return (*problem)->message;
  return NULL;
}

static void
chart_item_cb (AtlasCorpusLoadItem *item,
               gpointer             user_data)
{
  guint *n_unreadable = user_data;

  /* Only what was read is drawn; the rest is named. */
  if (atlas_cli_load_report_item (item))
    {
      (*n_unreadable)++;
      g_clear_pointer (&item->info, atlas_notebook_info_free);
    }
}

/* Notebooks, or a corpus file read whole or not used: a figure drawn from
 * what is intact of a damaged file would not say what it left out. A
 * corpus file keeps the clusters it was given; notebooks read now get
 * theirs, when a --cluster filter needs them, the way `scan --db` gives
 * them. Copies are counted once when asked (--distinct-content). */
static AtlasCorpus *
load (AtlasCliChartInput  *input,
      char               **paths,
      guint               *n_unreadable)
{
  g_autoptr(AtlasCorpusLoad) load = NULL;
  g_autoptr(AtlasClassifier) classifier = NULL;
  g_autoptr(GError) error = NULL;
  AtlasCorpusLoadFlags flags = ATLAS_CORPUS_LOAD_COLLECT | ATLAS_CORPUS_LOAD_KEYRING;
  AtlasPlatform platform = ATLAS_PLATFORM_LOCAL;
  guint jobs = 0;

  atlas_cli_parse_count ("--jobs", input->jobs, 1, 1024, &jobs, NULL);
  if (input->distinct_content)
    flags |= ATLAS_CORPUS_LOAD_DISTINCT;
  if (input->db == NULL && input->filters[ATLAS_FILTER_FIELD_CLUSTER] != NULL)
    flags |= ATLAS_CORPUS_LOAD_CLUSTER;
  load = atlas_corpus_load_new (flags, jobs);
  if (input->db != NULL)
    /* Read as stored: its labels are the file's. */
    atlas_corpus_load_add_corpus_file (load, input->db);
  else
    {
      if (input->as_platform != NULL && atlas_platform_from_string (input->as_platform, &platform))
        atlas_corpus_load_set_platform (load, &platform);
      classifier = atlas_classifier_new ();
      atlas_corpus_load_set_classifier (load, classifier);
      *n_unreadable += atlas_cli_load_add_inputs (load, paths);
    }
  if (!atlas_corpus_load_run (load, chart_item_cb, atlas_cli_load_show_progress, n_unreadable, NULL, &error))
    {
      atlas_cli_print_error ("%s", error->message);
      return NULL;
    }
  atlas_cli_report_empty_folders (load);
  return g_object_ref (atlas_corpus_load_get_corpus (load));
}

AtlasCorpus *
atlas_cli_chart_input_load (AtlasCliChartInput  *input,
                            char               **paths,
                            guint               *n_unreadable,
                            int                 *status)
{
  AtlasCorpus *corpus;

  *n_unreadable = 0;
  *status = ATLAS_CLI_EXIT_OK;
  corpus = load (input, paths, n_unreadable);
  if (corpus == NULL)
    *status = ATLAS_CLI_EXIT_CORPUS_DAMAGED;
  return corpus;
}

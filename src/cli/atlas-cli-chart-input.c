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
#include "atlas-corpus-clusters.h"
#include "atlas-corpus-inputs.h"
#include "atlas-store.h"

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

typedef struct
{
  AtlasCorpus   *corpus;
  AtlasPlatform  platform;
  guint          n_unreadable;
  GHashTable    *seen;   /* content hashes, with --distinct-content; else NULL */
} ChartScan;

static void
chart_result_cb (AtlasScanResult *result,
                 gpointer         user_data)
{
  ChartScan *state = user_data;

  if (result->notebook == NULL)
    {
      atlas_cli_print_error ("%s", result->error->message);
      state->n_unreadable++;
      return;
    }
  atlas_cli_print_warnings (result->notebook);
  /* Counted once when asked: a copy of a notebook drawn already is left out. */
  if (state->seen != NULL && atlas_notebook_get_content_hash (result->notebook) != NULL &&
      !g_hash_table_add (state->seen, g_strdup (atlas_notebook_get_content_hash (result->notebook))))
    return;
  atlas_corpus_add (state->corpus, atlas_notebook_info_new_from_notebook (result->notebook),
                    atlas_notebook_get_crashes (result->notebook));
}

/* Runs on the scanner's worker threads: the classifier is read-only. */
static void
classify_worker (AtlasNotebook *notebook,
                 gpointer       user_data)
{
  atlas_classifier_classify_notebook (user_data, notebook);
}

static AtlasCorpus *
scan_paths (AtlasCliChartInput  *input,
            char               **paths,
            guint               *n_unreadable)
{
  guint jobs = 0;
  g_autoptr(AtlasScanner) scanner = NULL;
  g_autoptr(AtlasCliSources) sources = atlas_cli_sources_new ();
  g_autoptr(AtlasClassifier) classifier = atlas_classifier_new ();
  g_autoptr(GHashTable) seen = NULL;
  AtlasPlatform platform = ATLAS_PLATFORM_LOCAL;
  ChartScan state = { atlas_corpus_new (), ATLAS_PLATFORM_LOCAL, 0, NULL };

  atlas_cli_parse_count ("--jobs", input->jobs, 1, 1024, &jobs, NULL);
  if (input->as_platform != NULL)
    atlas_platform_from_string (input->as_platform, &platform);
  state.platform = platform;
  scanner = atlas_scanner_new (jobs);
  if (input->distinct_content)
    {
      seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      state.seen = seen;
      atlas_scanner_set_read_flags (scanner, ATLAS_READ_CONTENT_HASH);
      atlas_cli_sources_set_read_flags (sources, ATLAS_READ_CONTENT_HASH);
    }
  atlas_scanner_set_walk_in_run (scanner, TRUE);
  atlas_scanner_set_worker_func (scanner, classify_worker, g_object_ref (classifier), g_object_unref);
  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;

      if (atlas_cli_sources_claim (sources, paths[i]))
        continue;
      if (!atlas_corpus_add_path (scanner, paths[i], input->as_platform != NULL ? &platform : NULL, &error))
        {
          atlas_cli_print_error ("%s", error->message);
          state.n_unreadable++;
        }
    }
  atlas_scanner_run (scanner, chart_result_cb, &state, NULL, NULL);
  atlas_cli_report_empty_folders (scanner);
  *n_unreadable = state.n_unreadable + atlas_cli_sources_run (sources, chart_result_cb, &state,
                                                              classify_worker, classifier);
  return state.corpus;
}

/* A corpus file is read whole or not used: a figure drawn from what is
 * intact of a damaged file would not say what it left out. */
static AtlasCorpus *
load_db (AtlasCliChartInput *input)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_open_full (input->db, ATLAS_STORE_OPEN_READ_ONLY, &error);
  AtlasCorpus *corpus = NULL;

  if (store != NULL)
    corpus = atlas_store_load_corpus (store, NULL, &error);
  if (corpus == NULL)
    {
      atlas_cli_print_error ("%s", error->message);
      return NULL;
    }
  if (input->distinct_content)
    {
      AtlasCorpus *distinct = atlas_cli_distinct_content (corpus);

      g_object_unref (corpus);
      corpus = distinct;
    }
  return corpus;
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
  if (input->db != NULL)
    {
      corpus = load_db (input);
      if (corpus == NULL)
        {
          *status = ATLAS_CLI_EXIT_CORPUS_DAMAGED;
          return NULL;
        }
    }
  else
    {
      corpus = scan_paths (input, paths, n_unreadable);
      /* A corpus file keeps the clusters it was given; notebooks read now
       * get theirs the way `scan --db` gives them. */
      if (input->filters[ATLAS_FILTER_FIELD_CLUSTER] != NULL)
        atlas_corpus_update_clusters (corpus);
    }
  return corpus;
}

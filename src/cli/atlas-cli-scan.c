/* atlas-cli-scan.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-cli-scan"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "atlas-text.h"
#include "atlas-cli-print.h"
#include "atlas-classifier.h"
#include "atlas-cli.h"
#include "atlas-cli-sources.h"
#include "atlas-cluster.h"
#include "atlas-corpus-inputs.h"
#include "atlas-crash-writer.h"
#include "atlas-scanner.h"

/* Clustering needs every message before the first record can carry its
 * cluster, so results are kept (without tracebacks and cell sources). */
typedef struct
{
  AtlasNotebookInfo *info;
  GPtrArray         *crashes;  /* AtlasCrash */
} Entry;

typedef struct
{
  GPtrArray     *entries;      /* Entry, input order */
  AtlasPlatform  platform;
  guint          n_crashes;
  guint          n_unreadable;
  AtlasCliSources *sources;
} ScanState;

static void
entry_free (Entry *entry)
{
  atlas_notebook_info_free (entry->info);
  g_ptr_array_unref (entry->crashes);
  g_free (entry);
}

static void
classify_worker (AtlasNotebook *notebook,
                 gpointer       user_data)
{
  atlas_classifier_classify_notebook (user_data, notebook);
  atlas_notebook_drop_contents (notebook);
}

/* Compiling the built-in rules takes as long as reading a few hundred
 * notebooks, and no notebook needs them before one that crashes has been
 * parsed: they compile on a thread of their own while the scan starts. */
typedef struct
{
  GThread         *builder;
  AtlasClassifier *classifier;
  gsize            ready;
} LazyClassifier;

static gpointer
build_classifier (gpointer data)
{
  return atlas_classifier_new ();
}

/* The first caller waits for the rules; later ones only read a flag. */
static AtlasClassifier *
lazy_classifier_get (LazyClassifier *lazy)
{
  if (g_once_init_enter (&lazy->ready))
    {
      lazy->classifier = g_thread_join (lazy->builder);
      g_once_init_leave (&lazy->ready, 1);
    }
  return lazy->classifier;
}

static void
classify_worker_lazily (AtlasNotebook *notebook,
                        gpointer       user_data)
{
  classify_worker (notebook, lazy_classifier_get (user_data));
}

static void
scan_result_cb (AtlasScanResult *result,
                gpointer         user_data)
{
  ScanState *state = user_data;
  Entry *entry = g_new0 (Entry, 1);
  GPtrArray *crashes;

  entry->crashes = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (state->entries, entry);
  if (result->notebook == NULL)
    {
      atlas_cli_print_error ("%s", result->error->message);
      state->n_unreadable++;
      entry->info = atlas_notebook_info_new_failed (result->location, state->platform,
                                                    ATLAS_NOTEBOOK_STATUS_UNREADABLE,
                                                    result->error->message);
      atlas_cli_sources_annotate (state->sources, entry->info);
      return;
    }

  atlas_cli_print_warnings (result->notebook);
  entry->info = atlas_notebook_info_new_from_notebook (result->notebook);
  atlas_cli_sources_annotate (state->sources, entry->info);
  crashes = atlas_notebook_get_crashes (result->notebook);
  for (guint i = 0; i < crashes->len; i++)
    {
      AtlasCrash *crash = g_ptr_array_index (crashes, i);

      atlas_crash_drop_details (crash);
      g_ptr_array_add (entry->crashes, g_object_ref (crash));
    }
  state->n_crashes += crashes->len;
}

static void
cluster_crashes (ScanState *state)
{
  g_autofree const char **messages = g_new (const char *, MAX (state->n_crashes, 1));
  g_autofree guint *clusters = NULL;
  guint n = 0, n_clusters;

  for (guint e = 0; e < state->entries->len; e++)
    {
      Entry *entry = g_ptr_array_index (state->entries, e);

      for (guint i = 0; i < entry->crashes->len; i++)
        messages[n++] = atlas_crash_get_message (g_ptr_array_index (entry->crashes, i));
    }
  clusters = atlas_cluster_messages (messages, n, &n_clusters);
  n = 0;
  for (guint e = 0; e < state->entries->len; e++)
    {
      Entry *entry = g_ptr_array_index (state->entries, e);

      for (guint i = 0; i < entry->crashes->len; i++)
        atlas_crash_set_cluster (g_ptr_array_index (entry->crashes, i), (int)clusters[n++]);
    }
}

/* Notebooks first: the writer only counts them, and the records keep their
 * order. */
static void
write_entries (ScanState        *state,
               AtlasCrashWriter *writer,
               guint             n_threads)
{
  g_autoptr(GPtrArray) crashes = g_ptr_array_sized_new (state->n_crashes);

  for (guint e = 0; e < state->entries->len; e++)
    {
      Entry *entry = g_ptr_array_index (state->entries, e);

      atlas_crash_writer_add_notebook (writer, entry->info);
      for (guint i = 0; i < entry->crashes->len; i++)
        g_ptr_array_add (crashes, g_ptr_array_index (entry->crashes, i));
    }
  atlas_crash_writer_add_crashes (writer, (AtlasCrash * const *)crashes->pdata, crashes->len, n_threads);
}

static int
usage_error (GOptionContext *context,
             const char     *message)
{
  g_autofree char *shown = atlas_text_for_terminal (message, -1, ATLAS_TEXT_DEFAULT);

  g_printerr ("crash-atlas scan: %s\n", shown);
  g_printerr (_("Run “crash-atlas scan --help” for the options.\n"));
  return ATLAS_CLI_EXIT_USAGE;
}

int
atlas_cli_scan (int    argc,
                char **argv)
{
  g_autofree char *format_name = NULL;
  g_autofree char *output_path = NULL;
  g_autofree char *platform_name = NULL;
  g_autofree char *rules_path = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *files_from = NULL;
  g_auto(GStrv) paths = NULL;
  g_autofree char *jobs_text = NULL;
  gboolean no_classify = FALSE;
  guint jobs = 0;
  gboolean distinct_content = FALSE;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      N_("Output format: jsonl (default), csv or summary"), "FORMAT" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output_path,
      N_("Write to FILE instead of standard output"), "FILE" },
    { "platform", 'p', 0, G_OPTION_ARG_STRING, &platform_name,
      N_("Where the notebooks come from: local (default), github or kaggle"), "PLATFORM" },
    { "jobs", 'j', 0, G_OPTION_ARG_STRING, &jobs_text,
      N_("Worker threads, 1 to 1024 (default: one per core)"), "N" },
    { "rules", 'r', 0, G_OPTION_ARG_FILENAME, &rules_path,
      N_("Classification rules to add to (or override) the built-in ones"), "FILE" },
    { "no-classify", 0, 0, G_OPTION_ARG_NONE, &no_classify,
      N_("List the crashes without classifying or clustering them"), NULL },
    { "db", 'd', 0, G_OPTION_ARG_FILENAME, &db_path,
      N_("Add the notebooks to the corpus file FILE (skipping those it holds) instead of printing them"),
      "FILE" },
    { "files-from", 0, 0, G_OPTION_ARG_FILENAME, &files_from,
      N_("Read the notebooks, folders and remote sources to scan from LIST, one a line (- for standard input)"),
      "LIST" },
    { "distinct-content", 0, 0, G_OPTION_ARG_NONE, &distinct_content,
      N_("With --db: count notebooks whose content equals another one's once in the summary"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &paths, NULL, N_("PATH…") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (N_("— list the crashes recorded in notebooks"));
  g_autoptr(AtlasScanner) scanner = NULL;
  g_autoptr(AtlasCrashWriter) writer = NULL;
  g_autoptr(AtlasCliSources) sources = atlas_cli_sources_new ();
  g_autoptr(AtlasClassifier) classifier = NULL;
  g_autoptr(GPtrArray) buffered = g_ptr_array_new_with_free_func ((GDestroyNotify)entry_free);
  g_autoptr(GError) error = NULL;
  LazyClassifier lazy = { NULL, NULL, 0 };
  AtlasCrashFormat format = ATLAS_CRASH_FORMAT_JSONL;
  AtlasPlatform platform = ATLAS_PLATFORM_LOCAL;
  ScanState state = { 0 };
  guint n_missing = 0;
  FILE *stream = stdout;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
    _("Prints one record per crash (an error output of a code cell). Folders are searched\n"
      "recursively for *.ipynb. Exit status: 0 when every input was read, 1 when some\n"
      "could not be (each is named on standard error), 2 for usage errors, 3 when the\n"
      "corpus file of --db is damaged or cannot be read or written."));
  g_option_context_set_description (context, atlas_cli_sources_help ());

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);
  if (format_name != NULL && !atlas_crash_format_from_string (format_name, &format))
    return usage_error (context, _("--format must be jsonl, csv or summary"));
  if (platform_name != NULL && !atlas_platform_from_string (platform_name, &platform))
    return usage_error (context, _("--platform must be local, github or kaggle"));
  if (!atlas_cli_parse_count ("--jobs", jobs_text, 1, 1024, &jobs, &error))
    return usage_error (context, error->message);
  if ((paths == NULL || paths[0] == NULL) && files_from == NULL)
    return usage_error (context, _("no notebook or folder given"));
  if (distinct_content && db_path == NULL)
    return usage_error (context, _("--distinct-content goes with --db (see also “crash-atlas export”)"));

  /* With rules of the user's, the classifier comes first: a mistake in them
   * is a usage error. Otherwise it is built while the scan starts. */
  if (!no_classify && (rules_path != NULL || db_path != NULL))
    {
      classifier = atlas_classifier_new ();
      if (rules_path != NULL && !atlas_classifier_load_rules_file (classifier, rules_path, &error))
        {
          atlas_cli_print_error ("%s", error->message);
          return ATLAS_CLI_EXIT_USAGE;
        }
    }

  scanner = atlas_scanner_new (jobs);
  atlas_scanner_set_walk_in_run (scanner, TRUE);
  if (classifier != NULL)
    atlas_scanner_set_worker_func (scanner, classify_worker, g_object_ref (classifier), g_object_unref);
  for (guint i = 0; paths != NULL && paths[i] != NULL; i++)
    {
      g_autoptr(GError) path_error = NULL;

      if (atlas_cli_sources_claim (sources, paths[i]))
        continue;
      if (!atlas_corpus_add_path (scanner, paths[i], platform_name != NULL ? &platform : NULL,
                                  &path_error))
        {
          atlas_cli_print_error ("%s", path_error->message);
          n_missing++;
        }
    }

  if (files_from != NULL &&
      !atlas_cli_add_inputs_from (scanner, sources, files_from, &n_missing, &error))
    {
      atlas_cli_print_error ("%s", error->message);
      return ATLAS_CLI_EXIT_USAGE;
    }

  if (db_path != NULL)
    return atlas_cli_scan_into_store (scanner, sources, classifier, db_path, distinct_content, n_missing);

  if (output_path != NULL && (stream = g_fopen (output_path, "w")) == NULL)
    {
      int saved = errno;

      atlas_cli_print_error ("%s: %s", output_path, g_strerror (saved));
      return ATLAS_CLI_EXIT_USAGE;
    }

  /* Records and the summary speak of crashes only, so notebooks without one
   * are checked but not parsed, and no traceback is shown in colour. */
  atlas_scanner_set_read_flags (scanner, ATLAS_READ_CRASHES_ONLY | ATLAS_READ_PLAIN_TRACEBACKS);
  atlas_cli_sources_set_read_flags (sources, ATLAS_READ_CRASHES_ONLY | ATLAS_READ_PLAIN_TRACEBACKS);

  if (!no_classify && classifier == NULL)
    {
      lazy.builder = g_thread_new ("atlas-rules", build_classifier, NULL);
      atlas_scanner_set_worker_func (scanner, classify_worker_lazily, &lazy, NULL);
    }

  writer = atlas_crash_writer_new (stream, format);
  state.entries = buffered;
  state.platform = platform;
  state.sources = sources;
  atlas_scanner_run (scanner, scan_result_cb, &state, NULL, NULL);
  if (lazy.builder != NULL)
    classifier = lazy_classifier_get (&lazy);
  atlas_cli_report_empty_folders (scanner);
  n_missing += atlas_cli_sources_run (sources, scan_result_cb, &state,
                                      classifier ? classify_worker : NULL, classifier);
  if (classifier != NULL)
    cluster_crashes (&state);
  write_entries (&state, writer, jobs > 0 ? jobs : g_get_num_processors ());

  if (!atlas_crash_writer_finish (writer, &error))
    {
      atlas_cli_print_error ("%s%s%s", output_path ? output_path : "", output_path ? ": " : "",
                  error->message);
      state.n_unreadable++;
    }
  if (stream != stdout && fclose (stream) != 0)
    {
      atlas_cli_print_error ("%s: %s", output_path, g_strerror (errno));
      state.n_unreadable++;
    }

  return state.n_unreadable + n_missing > 0 ? ATLAS_CLI_EXIT_PARTIAL : ATLAS_CLI_EXIT_OK;
}

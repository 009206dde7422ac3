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
#include "atlas-corpus-load.h"
#include "atlas-crash-writer.h"

/* Clustering needs every message before the first record can carry its
 * cluster, so the load collects the records (without cells and
 * tracebacks, dropped on the worker threads) and writes them at the end. */

typedef struct
{
  guint n_unreadable;
} ScanState;

static void
scan_item_cb (AtlasCorpusLoadItem *item,
              gpointer             user_data)
{
  ScanState *state = user_data;

  if (atlas_cli_load_report_item (item))
    state->n_unreadable++;
  /* A source that could not be listed is named, not a record. */
  if (item->kind == ATLAS_CORPUS_LOAD_SOURCE_FAILED)
    g_clear_pointer (&item->info, atlas_notebook_info_free);
}

/* Notebooks first: the writer only counts them, and the records keep their
 * order. */
static void
write_corpus (AtlasCorpus      *corpus,
              AtlasCrashWriter *writer,
              guint             n_threads)
{
  guint n_crashes = atlas_corpus_get_n_crashes (corpus);
  g_autoptr(GPtrArray) crashes = g_ptr_array_sized_new (n_crashes);

  for (guint n = 0; n < atlas_corpus_get_n_notebooks (corpus); n++)
    atlas_crash_writer_add_notebook (writer, atlas_corpus_get_notebook (corpus, n));
  for (guint i = 0; i < n_crashes; i++)
    g_ptr_array_add (crashes, atlas_corpus_get_crash (corpus, i));
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
  g_autoptr(AtlasCorpusLoad) load = NULL;
  g_autoptr(AtlasCrashWriter) writer = NULL;
  g_autoptr(AtlasClassifier) classifier = NULL;
  g_autoptr(GError) error = NULL;
  AtlasCorpusLoadFlags flags;
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
  g_option_context_set_description (context, atlas_corpus_load_remote_help ());

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

  /* Printed records are collected to be clustered; a corpus file is
   * written notebook by notebook, and clusters itself. */
  flags = ATLAS_CORPUS_LOAD_KEYRING;
  if (db_path == NULL)
    flags |= ATLAS_CORPUS_LOAD_COLLECT | ATLAS_CORPUS_LOAD_DROP_CONTENTS |
             (no_classify ? 0 : ATLAS_CORPUS_LOAD_CLUSTER);
  load = atlas_corpus_load_new (flags, jobs);
  atlas_corpus_load_set_platform (load, platform_name != NULL ? &platform : NULL);
  atlas_corpus_load_set_classifier (load, classifier);
  n_missing += atlas_cli_load_add_inputs (load, paths);
  if (files_from != NULL &&
      !atlas_cli_add_inputs_from (load, files_from, &n_missing, &error))
    {
      atlas_cli_print_error ("%s", error->message);
      return ATLAS_CLI_EXIT_USAGE;
    }

  if (db_path != NULL)
    return atlas_cli_scan_into_store (load, classifier, db_path, distinct_content, n_missing);

  if (output_path != NULL && (stream = g_fopen (output_path, "w")) == NULL)
    {
      int saved = errno;

      atlas_cli_print_error ("%s: %s", output_path, g_strerror (saved));
      return ATLAS_CLI_EXIT_USAGE;
    }

  /* Records and the summary speak of crashes only, so notebooks without one
   * are checked but not parsed, and no traceback is shown in colour. */
  atlas_corpus_load_set_read_flags (load, ATLAS_READ_CRASHES_ONLY | ATLAS_READ_PLAIN_TRACEBACKS);
  if (!no_classify && classifier == NULL)
    atlas_corpus_load_use_builtin_rules (load);

  writer = atlas_crash_writer_new (stream, format);
  atlas_corpus_load_run (load, scan_item_cb, atlas_cli_load_show_progress, &state, NULL, NULL);
  atlas_cli_report_empty_folders (load);
  write_corpus (atlas_corpus_load_get_corpus (load), writer, jobs > 0 ? jobs : g_get_num_processors ());

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

/* atlas-cli-study-report.c — `crash-atlas report`
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-cli-report"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-cli.h"
#include "atlas-cli-chart-input.h"
#include "atlas-cli-print.h"
#include "atlas-corpus-clusters.h"
#include "atlas-report.h"
#include "atlas-store.h"
#include "atlas-store-labels.h"
#include "atlas-text.h"

static int
usage_error (const char *message)
{
  g_autofree char *shown = atlas_text_for_terminal (message, -1, ATLAS_TEXT_DEFAULT);

  g_printerr ("crash-atlas report: %s\n", shown);
  g_printerr (_("Run “crash-atlas report --help” for the options.\n"));
  return ATLAS_CLI_EXIT_USAGE;
}

typedef struct
{
  AtlasCliChartInput  input;
  char               *output;
  char               *rater;
  gboolean            automatic;
  char              **paths;
} ReportArgs;

static void
report_args_clear (ReportArgs *args)
{
  atlas_cli_chart_input_clear (&args->input);
  g_free (args->output);
  g_free (args->rater);
  g_strfreev (args->paths);
}

static gboolean
parse_args (ReportArgs  *args,
            int         *argc,
            char      ***argv,
            GError     **error)
{
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &args->output,
      N_("The folder to write the report into (made when missing)"), "DIR" },
    { "rater", 'r', 0, G_OPTION_ARG_STRING, &args->rater,
      N_("With --db: whose hand labels give the estimates (default: the only rater)"), "NAME" },
    { "automatic-only", 0, 0, G_OPTION_ARG_NONE, &args->automatic,
      N_("With --db: show the automatic labels only, no estimates from hand labels"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &args->paths, NULL, N_("PATH…") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (N_("— the study’s report for a corpus"));

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  atlas_cli_chart_input_add_entries (&args->input, context);
  g_option_context_set_summary (context,
    _("Scans the notebooks (folders recursively), or reads a corpus file (--db), and writes\n"
      "into DIR every figure of the study “Why do Machine Learning Notebooks Crash?” for\n"
      "them (PDF, SVG and PNG), a CSV of every table and report.html, which sets each\n"
      "distribution beside the study’s published shares. With hand labels of the sample in\n"
      "the corpus file, the report shows the estimates and their 95% intervals. Prints the\n"
      "files written, one a line. Nothing is written when an input cannot be read.\n"
      "Exit status: 0 when every input was read and the report written, 1 when some input\n"
      "could not be read (each is named on standard error) or the report could not be\n"
      "written, 2 for usage errors, 3 when the corpus file is damaged or cannot be read."));
  return g_option_context_parse (context, argc, argv, error);
}

/* The sample and one rater's labels, when the corpus file has them. Returns
 * FALSE with a message for the user in @problem (a usage error). */
static gboolean
load_hand_labels (ReportArgs  *args,
                  GPtrArray  **sample,
                  GPtrArray  **labels,
                  char       **rater,
                  int         *status,
                  char       **problem)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_open_full (args->input.db, ATLAS_STORE_OPEN_READ_ONLY, &error);
  g_auto(GStrv) raters = NULL;

  *sample = *labels = NULL;
  *rater = NULL;
  if (store == NULL ||
      (*sample = atlas_store_dup_sample (store, NULL, NULL, &error)) == NULL ||
      (raters = atlas_store_dup_raters (store, &error)) == NULL)
    {
      atlas_cli_print_error ("%s", error->message);
      *status = ATLAS_CLI_EXIT_CORPUS_DAMAGED;
      return FALSE;
    }
  if (args->rater != NULL)
    {
      if (!g_strv_contains ((const char * const *)raters, args->rater))
        {
          g_autofree char *known = g_strjoinv (", ", raters);

          *problem = raters[0] != NULL
            ? g_strdup_printf (_("no hand labels of rater “%s” in %s (raters: %s)"), args->rater, args->input.db, known)
            : g_strdup_printf (_("no hand labels of rater “%s” in %s (it holds none)"), args->rater, args->input.db);
          *status = ATLAS_CLI_EXIT_USAGE;
          return FALSE;
        }
      *rater = g_strdup (args->rater);
    }
  else if (raters[0] != NULL && raters[1] != NULL)
    {
      g_autofree char *known = g_strjoinv (", ", raters);

      /* Estimates from one rater rather than another are a choice the
       * researcher makes, not one made for them. */
      *problem = g_strdup_printf (_("%s holds hand labels of several raters (%s): choose one with --rater, "
                                    "or --automatic-only"), args->input.db, known);
      *status = ATLAS_CLI_EXIT_USAGE;
      return FALSE;
    }
  else
    *rater = g_strdup (raters[0]);
  if (*rater != NULL && (*labels = atlas_store_dup_hand_labels (store, *rater, &error)) == NULL)
    {
      atlas_cli_print_error ("%s", error->message);
      *status = ATLAS_CLI_EXIT_CORPUS_DAMAGED;
      return FALSE;
    }
  return TRUE;
}

int
atlas_cli_study_report (int    argc,
                        char **argv)
{
  ReportArgs args = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasCorpus) corpus = NULL;
  g_autoptr(AtlasFilter) filter = NULL;
  g_autoptr(GPtrArray) sample = NULL;
  g_autoptr(GPtrArray) labels = NULL;
  g_autoptr(GHashTable) out_of_order = NULL;
  g_autoptr(AtlasReport) report = NULL;
  g_autofree char *rater = NULL;
  g_autofree char *source = NULL;
  g_auto(GStrv) names = NULL;
  const char *problem;
  guint n_unreadable;
  int status = ATLAS_CLI_EXIT_OK;

  if (!parse_args (&args, &argc, &argv, &error))
    {
      report_args_clear (&args);
      return usage_error (error->message);
    }
  problem = args.output == NULL ? _("--output DIR is required")
          : (args.rater != NULL || args.automatic) && args.input.db == NULL
            ? _("--rater and --automatic-only are for a corpus file (--db)")
          : args.rater != NULL && args.automatic ? _("give --rater or --automatic-only, not both")
          : atlas_cli_chart_input_check (&args.input, args.paths, &error);
  if (problem != NULL)
    {
      int code = usage_error (problem);

      report_args_clear (&args);
      return code;
    }

  filter = atlas_cli_chart_input_dup_filter (&args.input, NULL);
  corpus = atlas_cli_chart_input_load (&args.input, args.paths, &n_unreadable, &status);
  if (corpus == NULL || n_unreadable > 0)
    {
      /* A report of what could be read would not say what it left out:
       * nothing is written, and an earlier report stays as it was. */
      atlas_cli_print_error (_("%s: no report written, an input could not be read"), args.output);
      report_args_clear (&args);
      return corpus == NULL ? status : ATLAS_CLI_EXIT_PARTIAL;
    }
  if (args.input.db != NULL && !args.automatic)
    {
      g_autofree char *message = NULL;

      if (!load_hand_labels (&args, &sample, &labels, &rater, &status, &message))
        {
          if (message != NULL)
            usage_error (message);
          atlas_cli_print_error (_("%s: no report written"), args.output);
          report_args_clear (&args);
          return status;
        }
    }
  /* Notebooks read now get message clusters as `scan --db` gives them; a
   * corpus file keeps its own. */
  if (args.input.db == NULL && args.input.filters[ATLAS_FILTER_FIELD_CLUSTER] == NULL)
    atlas_corpus_update_clusters (corpus);

  if (args.input.db != NULL)
    source = g_path_get_basename (args.input.db);
  else if (args.paths[1] == NULL)
    source = g_path_get_basename (args.paths[0]);
  else
    source = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u input", "%u inputs", g_strv_length (args.paths)),
                              g_strv_length (args.paths));
  /* A corpus file knows its notebooks' execution order from their cells. */
  if (args.input.db != NULL)
    {
      g_autoptr(AtlasStore) store = atlas_store_open_full (args.input.db, ATLAS_STORE_OPEN_READ_ONLY, &error);

      if (store == NULL || (out_of_order = atlas_store_dup_out_of_order (store, &error)) == NULL)
        {
          atlas_cli_print_error ("%s", error->message);
          atlas_cli_print_error (_("%s: no report written"), args.output);
          report_args_clear (&args);
          return ATLAS_CLI_EXIT_CORPUS_DAMAGED;
        }
    }
  report = atlas_report_new (&(AtlasReportInput) {
                               .corpus = corpus,
                               .filter = filter,
                               .sample = sample,
                               .labels = labels,
                               .rater = rater,
                               .source = source,
                               .out_of_order = out_of_order,
                             }, &error);
  if (report == NULL || !atlas_report_write (report, args.output, NULL, &error))
    {
      atlas_cli_print_error ("%s", error->message);
      report_args_clear (&args);
      return ATLAS_CLI_EXIT_PARTIAL;
    }
  names = atlas_report_dup_file_names (report);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (args.output, names[i], NULL);
      g_autofree char *shown = atlas_text_for_terminal (path, -1, ATLAS_TEXT_DEFAULT);

      g_print ("%s\n", shown);
    }
  report_args_clear (&args);
  return ATLAS_CLI_EXIT_OK;
}

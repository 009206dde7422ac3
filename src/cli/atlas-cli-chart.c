/* atlas-cli-chart.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-cli-chart"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-text.h"
#include "atlas-cli-print.h"
#include "atlas-chart.h"
#include "atlas-classifier.h"
#include "atlas-cli.h"
#include "atlas-corpus-inputs.h"
#include "atlas-scanner.h"
#include "atlas-cli-sources.h"

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
      atlas_corpus_add (state->corpus,
                        atlas_notebook_info_new_failed (result->location, state->platform,
                                                        ATLAS_NOTEBOOK_STATUS_UNREADABLE,
                                                        result->error->message),
                        NULL);
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

static int
usage_error (const char *message)
{
  g_autofree char *shown = atlas_text_for_terminal (message, -1, ATLAS_TEXT_DEFAULT);

  g_printerr ("crash-atlas chart: %s\n", shown);
  g_printerr (_("Run “crash-atlas chart --help” for the options.\n"));
  return ATLAS_CLI_EXIT_USAGE;
}

/* One length given in at most one unit; @fallback_pt when not given. */
static gboolean
pick_length (const char  *name,
             char       **texts,
             double       fallback_pt,
             double      *points,
             GError     **error)
{
  static const char *const units[] = { "cm", "mm", "in" };
  static const AtlasLengthUnit unit_ids[] = { ATLAS_LENGTH_CM, ATLAS_LENGTH_MM, ATLAS_LENGTH_IN };
  guint n_given = 0;

  *points = fallback_pt;
  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    {
      g_autofree char *option = g_strdup_printf ("--%s-%s", name, units[i]);
      double length = 0;

      if (texts[i] == NULL)
        continue;
      if (!atlas_cli_parse_positive (option, texts[i], &length, error))
        return FALSE;
      *points = atlas_length_to_points (length, unit_ids[i]);
      n_given++;
    }
  if (n_given > 1)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("give the width and the height in one unit each"));
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  char     *kind;
  char     *output;
  char     *title;
  char     *style;
  char    **platforms;
  char    **paths;
  gboolean  by_platform;
  gboolean  detail;
  gboolean  distinct_content;
  char     *top;
  char     *jobs;
  char     *width[3];   /* cm, mm, in */
  char     *height[3];
  char     *dpi;
} ChartArgs;

static void
chart_args_clear (ChartArgs *args)
{
  g_free (args->kind);
  g_free (args->output);
  g_free (args->title);
  g_free (args->style);
  g_strfreev (args->platforms);
  g_strfreev (args->paths);
  g_free (args->top);
  g_free (args->jobs);
  g_free (args->dpi);
  for (guint i = 0; i < G_N_ELEMENTS (args->width); i++)
    {
      g_free (args->width[i]);
      g_free (args->height[i]);
    }
}

static gboolean
parse_args (ChartArgs  *args,
            int        *argc,
            char     ***argv,
            GError    **error)
{
  const GOptionEntry entries[] = {
    { "kind", 'k', 0, G_OPTION_ARG_STRING, &args->kind,
      N_("Chart: stage, library, root-cause, crash-type, cause-by-stage or cause-by-type"), "KIND" },
    { "by-platform", 0, 0, G_OPTION_ARG_NONE, &args->by_platform,
      N_("One panel per platform (Kaggle, GitHub, local), side by side"), NULL },
    { "detail", 0, 0, G_OPTION_ARG_NONE, &args->detail,
      N_("root-cause: show the finer causes"), NULL },
    { "distinct-content", 0, 0, G_OPTION_ARG_NONE, &args->distinct_content,
      N_("Count notebooks whose content equals an earlier one’s once (forks, mirrors)"), NULL },
    { "top", 0, 0, G_OPTION_ARG_STRING, &args->top,
      N_("library: libraries shown before “other”, 1 to 100 (default 10)"), "N" },
    { "width-cm", 0, 0, G_OPTION_ARG_STRING, &args->width[0], N_("Width in centimetres (default 16)"), "W" },
    { "height-cm", 0, 0, G_OPTION_ARG_STRING, &args->height[0], N_("Height in centimetres (default 10)"), "H" },
    { "width-mm", 0, 0, G_OPTION_ARG_STRING, &args->width[1], N_("Width in millimetres"), "W" },
    { "height-mm", 0, 0, G_OPTION_ARG_STRING, &args->height[1], N_("Height in millimetres"), "H" },
    { "width-in", 0, 0, G_OPTION_ARG_STRING, &args->width[2], N_("Width in inches"), "W" },
    { "height-in", 0, 0, G_OPTION_ARG_STRING, &args->height[2], N_("Height in inches"), "H" },
    { "dpi", 0, 0, G_OPTION_ARG_STRING, &args->dpi, N_("PNG resolution, 10 to 4800 (default 300)"), "DPI" },
    { "title", 't', 0, G_OPTION_ARG_STRING, &args->title, N_("Title drawn above the chart"), "TITLE" },
    { "style", 's', 0, G_OPTION_ARG_STRING, &args->style,
      N_("Look: light (default), dark or high-contrast"), "STYLE" },
    { "platform", 'p', 0, G_OPTION_ARG_STRING_ARRAY, &args->platforms,
      N_("Where the notebooks come from: local (default), github or kaggle"), "PLATFORM" },
    { "jobs", 'j', 0, G_OPTION_ARG_STRING, &args->jobs,
      N_("Worker threads, 1 to 1024 (default: one per core)"), "N" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &args->output,
      N_("The file to write: .pdf, .svg, .png or .csv (the chart’s numbers)"), "FILE" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &args->paths, NULL, N_("PATH…") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (N_("— chart the crashes of notebooks"));

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
    _("Scans the notebooks (folders recursively) and draws one chart of their crashes, at\n"
      "exactly the requested size. Exit status: 0 when every input was read, 1 when some\n"
      "could not be (each is named on standard error) or the output could not be written,\n"
      "2 for usage errors."));
  return g_option_context_parse (context, argc, argv, error);
}

/* The numbers the options give, checked. */
typedef struct
{
  guint top;
  guint jobs;
} ChartCounts;

/* Validates what the options say; returns NULL or a usage message (in
 * *@problem when it is made from the value given). */
static const char *
check_args (ChartArgs               *args,
            AtlasChartKind          *kind,
            AtlasChartFormat        *format,
            AtlasChartStyle         *style,
            AtlasChartExportOptions *export,
            AtlasPlatform           *platform,
            ChartCounts             *counts,
            GError                 **problem)
{
  AtlasChartExportOptions defaults;

  atlas_chart_export_options_init (&defaults);
  *export = defaults;
  if (args->kind == NULL || !atlas_chart_kind_from_string (args->kind, kind))
    return _("--kind must be stage, library, root-cause, crash-type, cause-by-stage or cause-by-type");
  if (args->output == NULL)
    return _("--output FILE is required");
  if (!atlas_chart_format_from_filename (args->output, format))
    return _("--output must end in .pdf, .svg, .png or .csv");
  if (!atlas_chart_style_init_from_name (style, args->style ? args->style : "light"))
    return _("--style must be light, dark or high-contrast");
  if (!pick_length ("width", args->width, defaults.width_pt, &export->width_pt, problem) ||
      !pick_length ("height", args->height, defaults.height_pt, &export->height_pt, problem))
    return (*problem)->message;
  if (!(export->width_pt >= 1 && export->height_pt >= 1 && export->width_pt <= 14400 && export->height_pt <= 14400))
    return _("the width and the height must be at least 1 point and at most 200 inches");
  if (!atlas_cli_parse_positive ("--dpi", args->dpi, &export->dpi, problem))
    return (*problem)->message;
  if (!(export->dpi >= 10 && export->dpi <= 4800))
    return _("--dpi must be between 10 and 4800");
  counts->top = 0;
  counts->jobs = 0;
  if (!atlas_cli_parse_count ("--top", args->top, 1, 100, &counts->top, problem) ||
      !atlas_cli_parse_count ("--jobs", args->jobs, 1, 1024, &counts->jobs, problem))
    return (*problem)->message;
  *platform = ATLAS_PLATFORM_LOCAL;
  if (args->platforms != NULL && g_strv_length (args->platforms) > 1)
    return _("--platform may be given once");
  if (args->platforms != NULL && !atlas_platform_from_string (args->platforms[0], platform))
    return _("--platform must be local, github or kaggle");
  if (args->paths == NULL || args->paths[0] == NULL)
    return _("no notebook or folder given");
  export->style = style;
  return NULL;
}

static guint
scan_paths (ChartArgs     *args,
            guint          jobs,
            AtlasPlatform  platform,
            AtlasCorpus   *corpus)
{
  g_autoptr(AtlasScanner) scanner = atlas_scanner_new (jobs);
  g_autoptr(AtlasCliSources) sources = atlas_cli_sources_new ();
  g_autoptr(AtlasClassifier) classifier = atlas_classifier_new ();
  g_autoptr(GHashTable) seen = NULL;
  ChartScan state = { corpus, platform, 0, NULL };

  if (args->distinct_content)
    {
      seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      state.seen = seen;
      atlas_scanner_set_read_flags (scanner, ATLAS_READ_CONTENT_HASH);
      atlas_cli_sources_set_read_flags (sources, ATLAS_READ_CONTENT_HASH);
    }
  atlas_scanner_set_walk_in_run (scanner, TRUE);
  atlas_scanner_set_worker_func (scanner, classify_worker, g_object_ref (classifier), g_object_unref);
  for (guint i = 0; args->paths[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;

      if (atlas_cli_sources_claim (sources, args->paths[i]))
        continue;
      if (!atlas_corpus_add_path (scanner, args->paths[i], args->platforms != NULL ? &platform : NULL,
                                  &error))
        {
          atlas_cli_print_error ("%s", error->message);
          state.n_unreadable++;
        }
    }
  atlas_scanner_run (scanner, chart_result_cb, &state, NULL, NULL);
  atlas_cli_report_empty_folders (scanner);
  return state.n_unreadable + atlas_cli_sources_run (sources, chart_result_cb, &state, classify_worker, classifier);
}

int
atlas_cli_chart (int    argc,
                 char **argv)
{
  ChartArgs args = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasCorpus) corpus = atlas_corpus_new ();
  g_autoptr(AtlasChartModel) model = NULL;
  AtlasChartExportOptions export;
  AtlasChartOptions options;
  AtlasChartStyle style;
  AtlasChartFormat format;
  AtlasChartKind kind;
  AtlasPlatform platform;
  ChartCounts counts;
  const char *problem;
  guint n_unreadable;

  if (!parse_args (&args, &argc, &argv, &error))
    {
      chart_args_clear (&args);
      return usage_error (error->message);
    }
  if ((problem = check_args (&args, &kind, &format, &style, &export, &platform, &counts, &error)) != NULL)
    {
      chart_args_clear (&args);
      return usage_error (problem);
    }

  n_unreadable = scan_paths (&args, counts.jobs, platform, corpus);
  atlas_chart_options_init (&options);
  options.by_platform = args.by_platform;
  options.root_cause_detail = args.detail;
  if (counts.top > 0)
    options.top_n = counts.top;
  model = atlas_chart_model_new_for_corpus (corpus, NULL, kind, &options);
  if (args.title != NULL)
    atlas_chart_model_set_title (model, args.title);

  if (!atlas_chart_export (model, format, args.output, &export, &error))
    {
      atlas_cli_print_error ("%s", error->message);
      n_unreadable++;
    }
  chart_args_clear (&args);
  return n_unreadable > 0 ? ATLAS_CLI_EXIT_PARTIAL : ATLAS_CLI_EXIT_OK;
}

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
#include "atlas-scanner.h"
#include "atlas-cli-sources.h"

typedef struct
{
  AtlasCorpus   *corpus;
  AtlasPlatform  platform;
  guint          n_unreadable;
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

/* One length given in at most one unit; 0 when not given. */
static gboolean
pick_length (double  cm,
             double  mm,
             double  in,
             double  fallback_pt,
             double *points)
{
  guint n_given = (cm != 0) + (mm != 0) + (in != 0);

  if (n_given > 1)
    return FALSE;
  if (cm != 0)
    *points = atlas_length_to_points (cm, ATLAS_LENGTH_CM);
  else if (mm != 0)
    *points = atlas_length_to_points (mm, ATLAS_LENGTH_MM);
  else if (in != 0)
    *points = atlas_length_to_points (in, ATLAS_LENGTH_IN);
  else
    *points = fallback_pt;
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
  int       top;
  int       jobs;
  double    width_cm, width_mm, width_in;
  double    height_cm, height_mm, height_in;
  double    dpi;
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
    { "top", 0, 0, G_OPTION_ARG_INT, &args->top,
      N_("library: libraries shown before “other” (default 10)"), "N" },
    { "width-cm", 0, 0, G_OPTION_ARG_DOUBLE, &args->width_cm, N_("Width in centimetres (default 16)"), "W" },
    { "height-cm", 0, 0, G_OPTION_ARG_DOUBLE, &args->height_cm, N_("Height in centimetres (default 10)"), "H" },
    { "width-mm", 0, 0, G_OPTION_ARG_DOUBLE, &args->width_mm, N_("Width in millimetres"), "W" },
    { "height-mm", 0, 0, G_OPTION_ARG_DOUBLE, &args->height_mm, N_("Height in millimetres"), "H" },
    { "width-in", 0, 0, G_OPTION_ARG_DOUBLE, &args->width_in, N_("Width in inches"), "W" },
    { "height-in", 0, 0, G_OPTION_ARG_DOUBLE, &args->height_in, N_("Height in inches"), "H" },
    { "dpi", 0, 0, G_OPTION_ARG_DOUBLE, &args->dpi, N_("PNG resolution (default 300)"), "DPI" },
    { "title", 't', 0, G_OPTION_ARG_STRING, &args->title, N_("Title drawn above the chart"), "TITLE" },
    { "style", 's', 0, G_OPTION_ARG_STRING, &args->style,
      N_("Look: light (default), dark or high-contrast"), "STYLE" },
    { "platform", 'p', 0, G_OPTION_ARG_STRING_ARRAY, &args->platforms,
      N_("Where the notebooks come from: local (default), github or kaggle"), "PLATFORM" },
    { "jobs", 'j', 0, G_OPTION_ARG_INT, &args->jobs, N_("Worker threads (default: one per core)"), "N" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &args->output,
      N_("The file to write: .pdf, .svg, .png or .csv (the chart’s numbers)"), "FILE" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &args->paths, NULL, N_("PATH…") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (N_("PATH… — chart the crashes of notebooks"));

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
    _("Scans the notebooks (folders recursively) and draws one chart of their crashes, at\n"
      "exactly the requested size. Exit status: 0 when every input was read, 1 when some\n"
      "could not be (each is named on standard error) or the output could not be written,\n"
      "2 for usage errors."));
  return g_option_context_parse (context, argc, argv, error);
}

/* Validates what the options say; returns NULL or a usage message. */
static const char *
check_args (ChartArgs               *args,
            AtlasChartKind          *kind,
            AtlasChartFormat        *format,
            AtlasChartStyle         *style,
            AtlasChartExportOptions *export,
            AtlasPlatform           *platform)
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
  if (!pick_length (args->width_cm, args->width_mm, args->width_in, defaults.width_pt, &export->width_pt) ||
      !pick_length (args->height_cm, args->height_mm, args->height_in, defaults.height_pt, &export->height_pt))
    return _("give the width and the height in one unit each");
  if (!(export->width_pt >= 1 && export->height_pt >= 1 && export->width_pt <= 14400 && export->height_pt <= 14400))
    return _("the size must be positive and at most 200 inches");
  if (args->dpi != 0)
    export->dpi = args->dpi;
  if (!(export->dpi >= 10 && export->dpi <= 4800))
    return _("--dpi must be between 10 and 4800");
  if (args->top < 0 || args->jobs < 0 || args->jobs > 1024)
    return _("--top and --jobs must not be negative (--jobs at most 1024)");
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
            AtlasPlatform  platform,
            AtlasCorpus   *corpus)
{
  g_autoptr(AtlasScanner) scanner = atlas_scanner_new (args->jobs);
  g_autoptr(AtlasCliSources) sources = atlas_cli_sources_new ();
  g_autoptr(AtlasClassifier) classifier = atlas_classifier_new ();
  ChartScan state = { corpus, platform, 0 };

  atlas_scanner_set_walk_in_run (scanner, TRUE);
  atlas_scanner_set_platform (scanner, platform);
  atlas_scanner_set_worker_func (scanner, classify_worker, g_object_ref (classifier), g_object_unref);
  for (guint i = 0; args->paths[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;

      if (atlas_cli_sources_claim (sources, args->paths[i]))
        continue;
      if (!atlas_scanner_add_path (scanner, args->paths[i], &error))
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
  const char *problem;
  guint n_unreadable;

  if (!parse_args (&args, &argc, &argv, &error))
    {
      chart_args_clear (&args);
      return usage_error (error->message);
    }
  if ((problem = check_args (&args, &kind, &format, &style, &export, &platform)) != NULL)
    {
      chart_args_clear (&args);
      return usage_error (problem);
    }

  n_unreadable = scan_paths (&args, platform, corpus);
  atlas_chart_options_init (&options);
  options.by_platform = args.by_platform;
  options.root_cause_detail = args.detail;
  if (args.top > 0)
    options.top_n = args.top;
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

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
#include "atlas-cli-chart-input.h"

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
  char    **paths;
  gboolean  by_platform;
  gboolean  detail;
  gboolean  no_title;
  gboolean  no_subtitle;
  char     *font;
  char     *column;
  char     *top;
  AtlasCliChartInput input;
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
  g_strfreev (args->paths);
  g_free (args->top);
  g_free (args->font);
  g_free (args->column);
  atlas_cli_chart_input_clear (&args->input);
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
      N_("Chart: stage, library, root-cause, crash-type, cause-by-stage, cause-by-type or ml-bug"), "KIND" },
    { "by-platform", 0, 0, G_OPTION_ARG_NONE, &args->by_platform,
      N_("One panel per platform (Kaggle, GitHub, local), side by side"), NULL },
    { "detail", 0, 0, G_OPTION_ARG_NONE, &args->detail,
      N_("root-cause: show the finer causes"), NULL },
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
    { "font", 0, 0, G_OPTION_ARG_STRING, &args->font,
      N_("Font family of every text (default Cantarell), embedded in PDF"), "FAMILY" },
    { "no-title", 0, 0, G_OPTION_ARG_NONE, &args->no_title, N_("Draw no title"), NULL },
    { "no-subtitle", 0, 0, G_OPTION_ARG_NONE, &args->no_subtitle,
      N_("Draw no subtitle (what the chart counts)"), NULL },
    { "column", 0, 0, G_OPTION_ARG_STRING, &args->column,
      N_("Width of a journal column: 8.5cm, 17.8cm, 3.5in or 7in; without a height, as tall as the chart needs"),
      "WIDTH" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &args->output,
      N_("The file to write: .pdf, .svg, .png or .csv (the chart’s numbers)"), "FILE" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &args->paths, NULL, N_("PATH…") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (N_("— chart the crashes of notebooks"));

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  atlas_cli_chart_input_add_entries (&args->input, context);
  g_option_context_set_summary (context,
    _("Scans the notebooks (folders recursively), or reads a corpus file (--db), and draws\n"
      "one chart of their crashes, at exactly the requested size, text in points. Nothing is\n"
      "written when an input cannot be read. Exit status: 0 when every input was read and\n"
      "the chart written, 1 when some input could not be read (each is named on standard\n"
      "error) or the output could not be written, 2 for usage errors, 3 when the corpus\n"
      "file is damaged or cannot be read."));
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
            ChartCounts             *counts,
            GError                 **problem)
{
  AtlasChartExportOptions defaults;

  atlas_chart_export_options_init (&defaults);
  *export = defaults;
  if (args->kind == NULL || !atlas_chart_kind_from_string (args->kind, kind))
    return _("--kind must be stage, library, root-cause, crash-type, cause-by-stage, cause-by-type or ml-bug");
  if (args->output == NULL)
    return _("--output FILE is required");
  if (!atlas_chart_format_from_filename (args->output, format))
    return _("--output must end in .pdf, .svg, .png or .csv");
  if (!atlas_chart_style_init_from_name (style, args->style ? args->style : "light"))
    return _("--style must be light, dark or high-contrast");
  if (args->column != NULL)
    {
      const AtlasChartWidthPreset *preset = atlas_chart_width_preset_lookup (args->column);

      if (preset == NULL)
        return _("--column must be 8.5cm, 17.8cm, 3.5in or 7in");
      if (args->width[0] || args->width[1] || args->width[2])
        return _("give --column or a width, not both");
      defaults.width_pt = preset->width_pt;
    }
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
  if (!atlas_cli_parse_count ("--top", args->top, 1, 100, &counts->top, problem))
    return (*problem)->message;
  if (args->font != NULL)
    style->font_family = args->font;
  style->show_title = !args->no_title;
  style->show_subtitle = !args->no_subtitle;
  export->style = style;
  return atlas_cli_chart_input_check (&args->input, args->paths, problem);
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
  g_autoptr(AtlasFilter) filter = NULL;
  ChartCounts counts;
  const char *problem;
  guint n_unreadable;
  int status;

  if (!parse_args (&args, &argc, &argv, &error))
    {
      chart_args_clear (&args);
      return usage_error (error->message);
    }
  if ((problem = check_args (&args, &kind, &format, &style, &export, &counts, &error)) != NULL)
    {
      chart_args_clear (&args);
      return usage_error (problem);
    }

  filter = atlas_cli_chart_input_dup_filter (&args.input, NULL);
  g_clear_object (&corpus);
  corpus = atlas_cli_chart_input_load (&args.input, args.paths, &n_unreadable, &status);
  if (corpus == NULL || n_unreadable > 0)
    {
      /* A figure of what could be read would not say what it left out:
       * nothing is written, and an earlier file of that name stays. */
      atlas_cli_print_error (_("%s: not written, an input could not be read"), args.output);
      chart_args_clear (&args);
      return corpus == NULL ? status : ATLAS_CLI_EXIT_PARTIAL;
    }
  atlas_chart_options_init (&options);
  options.by_platform = args.by_platform;
  options.root_cause_detail = args.detail;
  if (counts.top > 0)
    options.top_n = counts.top;
  model = atlas_chart_model_new_for_corpus (corpus, filter, kind, &options);
  if (args.title != NULL)
    atlas_chart_model_set_title (model, args.title);
  /* A column's width without a height: as tall as the chart needs. */
  if (args.column != NULL && args.height[0] == NULL && args.height[1] == NULL && args.height[2] == NULL)
    export.height_pt = atlas_chart_natural_height (model, export.style, export.width_pt);

  if (!atlas_chart_export (model, format, args.output, &export, &error))
    {
      atlas_cli_print_error ("%s", error->message);
      n_unreadable++;
    }
  chart_args_clear (&args);
  return n_unreadable > 0 ? ATLAS_CLI_EXIT_PARTIAL : ATLAS_CLI_EXIT_OK;
}

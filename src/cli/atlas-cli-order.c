/* atlas-cli-order.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-cli.h"
#include "atlas-cli-chart-input.h"
#include "atlas-cli-print.h"
#include "atlas-order-summary.h"
#include "atlas-store.h"
#include "atlas-text.h"

/* `crash-atlas order`: how often the crashing notebooks of a corpus were run
 * out of order, and how often among the crashes called notebook-specific.
 * The per-notebook picture is the cell view's execution-order chart. */

typedef struct
{
  AtlasCliChartInput   input;
  char               **paths;
  char                *format;
} OrderArgs;

static int
usage_error (const char *message)
{
  g_autofree char *shown = atlas_text_for_terminal (message, -1, ATLAS_TEXT_DEFAULT);

  g_printerr ("crash-atlas order: %s\n", shown);
  g_printerr (_("Run “crash-atlas order --help” for the options.\n"));
  return ATLAS_CLI_EXIT_USAGE;
}

static gboolean
parse_args (OrderArgs  *args,
            int        *argc,
            char     ***argv,
            GError    **error)
{
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &args->format, N_("text (default) or csv"), "FORMAT" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &args->paths, NULL, N_("PATH…") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (N_("— how often crashing notebooks ran out of order"));

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  atlas_cli_chart_input_add_entries (&args->input, context);
  g_option_context_set_summary (context,
    _("Scans the notebooks (folders recursively), or reads a corpus file (--db), and counts\n"
      "the notebooks with crashes in which a code cell ran before the executed cell above it,\n"
      "and the crashes in such notebooks, of all crashes and of those whose root cause is\n"
      "notebook-specific (NB). Exit status: 0 when every input was read, 1 when some input\n"
      "could not be read, 2 for usage errors, 3 when the corpus file is damaged."));
  return g_option_context_parse (context, argc, argv, error);
}

static char *
share (guint part,
       guint whole)
{
  if (whole == 0)
    return g_strdup ("–");
  return g_strdup_printf ("%.1f %%", 100.0 * part / whole);
}

static void
print_row (gboolean    csv,
           const char *id,
           const char *label,
           guint       part,
           guint       whole)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *percent = share (part, whole);

  if (csv)
    g_print ("%s,%u,%u,%s\n", id, whole, part,
             whole > 0 ? g_ascii_formatd (buffer, sizeof buffer, "%.1f", 100.0 * part / whole) : "");
  else
    g_print ("%-34s %8u %12u  %s\n", label, whole, part, percent);
}

static void
print_summary (const AtlasOrderSummary *s,
               gboolean                 csv)
{
  if (csv)
    g_print ("counted,total,out_of_order,percent\n");
  else
    /* Translators: column titles of `crash-atlas order`; keep the widths */
    g_print ("%-34s %8s %12s  %s\n", "", _("all"), _("out of order"), _("share"));
  print_row (csv, "notebooks", _("notebooks with a crash"), s->notebooks_out_of_order, s->notebooks);
  print_row (csv, "crashes", _("their crashes"), s->crashes_out_of_order, s->crashes);
  print_row (csv, "crashes_nb", _("notebook-specific crashes (NB)"), s->nb_crashes_out_of_order, s->nb_crashes);
  print_row (csv, "crashes_other", _("crashes of other root causes"), s->other_crashes_out_of_order,
             s->other_crashes);
  if (!csv && s->notebooks_unknown > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE, "(%u notebook’s order is not known)\n",
                          "(%u notebooks’ order is not known)\n", s->notebooks_unknown),
             s->notebooks_unknown);
}

int
atlas_cli_order (int    argc,
                 char **argv)
{
  OrderArgs args = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasCorpus) corpus = NULL;
  g_autoptr(AtlasFilter) filter = NULL;
  g_autoptr(GHashTable) out_of_order = NULL;
  AtlasOrderSummary summary;
  const char *problem;
  guint n_unreadable = 0;
  gboolean csv;
  int status = ATLAS_CLI_EXIT_OK;

  if (!parse_args (&args, &argc, &argv, &error))
    {
      atlas_cli_chart_input_clear (&args.input);
      return usage_error (error->message);
    }
  csv = g_strcmp0 (args.format, "csv") == 0;
  if (args.format != NULL && !csv && g_strcmp0 (args.format, "text") != 0)
    problem = _("--format must be text or csv");
  else
    problem = atlas_cli_chart_input_check (&args.input, args.paths, &error);
  if (problem == NULL && (filter = atlas_cli_chart_input_dup_filter (&args.input, &error)) == NULL)
    problem = error->message;
  if (problem != NULL)
    {
      int usage = usage_error (problem);

      atlas_cli_chart_input_clear (&args.input);
      g_strfreev (args.paths);
      g_free (args.format);
      return usage;
    }

  corpus = atlas_cli_chart_input_load (&args.input, args.paths, &n_unreadable, &status);
  if (corpus != NULL && args.input.db != NULL)
    {
      /* A corpus file knows the order from its cells. */
      g_autoptr(AtlasStore) store = atlas_store_open_full (args.input.db, ATLAS_STORE_OPEN_READ_ONLY, &error);

      if (store != NULL)
        out_of_order = atlas_store_dup_out_of_order (store, &error);
      if (out_of_order == NULL)
        {
          atlas_cli_print_error ("%s", error->message);
          g_clear_object (&corpus);
          status = ATLAS_CLI_EXIT_CORPUS_DAMAGED;
        }
    }
  if (corpus != NULL)
    {
      atlas_order_summary_count (&summary, corpus, filter, out_of_order);
      print_summary (&summary, csv);
    }
  atlas_cli_chart_input_clear (&args.input);
  g_strfreev (args.paths);
  g_free (args.format);
  if (corpus == NULL)
    return status;
  return n_unreadable > 0 ? ATLAS_CLI_EXIT_PARTIAL : ATLAS_CLI_EXIT_OK;
}

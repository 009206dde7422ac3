/* atlas-cli-agreement.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-cli-agreement"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "atlas-agreement.h"
#include "atlas-cli.h"

/* `crash-atlas agreement --db FILE --rater A [--rater B | --automatic] [--format text|json]` */

static int
usage_error (const char *message)
{
  g_printerr ("crash-atlas agreement: %s\n", message);
  g_printerr (_("Run “crash-atlas agreement --help” for the options.\n"));
  return ATLAS_CLI_EXIT_USAGE;
}

static char *
format_number (double value)
{
  return isnan (value) ? g_strdup ("—") : g_strdup_printf ("%.3f", value);
}

static void
print_text (const AtlasAgreement *agreement)
{
  g_print (ngettext ("Agreement of %s and %s on %u crash\n\n",
                     "Agreement of %s and %s on %u crashes\n\n", agreement->n_crashes),
           agreement->first_rater, agreement->second_rater, agreement->n_crashes);
  /* Translators: column headings of the agreement table. */
  g_print ("%-12s %6s %10s %8s  %s\n", _("dimension"), _("n"), _("agreement"), _("kappa"), _("95% CI"));
  for (guint d = 0; d < ATLAS_N_DIMENSIONS; d++)
    {
      const AtlasKappa *kappa = agreement->dimensions[d];
      g_autofree char *p_o = format_number (kappa->agreement);
      g_autofree char *k = format_number (kappa->kappa);
      g_autofree char *low = format_number (kappa->kappa_low);
      g_autofree char *high = format_number (kappa->kappa_high);

      g_print ("%-12s %6u %10s %8s  [%s, %s]\n", atlas_dimension_id (d), kappa->n, p_o, k, low, high);
    }

  for (guint d = 0; d < ATLAS_N_DIMENSIONS; d++)
    {
      const AtlasKappa *kappa = agreement->dimensions[d];

      if (kappa->n == 0)
        continue;
      g_print (_("\n%s (rows: %s, columns: %s)\n"), atlas_dimension_id (d),
               agreement->first_rater, agreement->second_rater);
      g_print ("%-14s", "");
      for (guint j = 0; j < kappa->n_categories; j++)
        g_print (" %7.7s", kappa->categories[j]);
      g_print ("\n");
      for (guint i = 0; i < kappa->n_categories; i++)
        {
          g_print ("%-14.14s", kappa->categories[i]);
          for (guint j = 0; j < kappa->n_categories; j++)
            g_print (" %7u", atlas_kappa_get_count (kappa, i, j));
          g_print ("\n");
        }
    }

  if (agreement->disagreements->len > 0)
    g_print (ngettext ("\n%u disagreement to resolve\n", "\n%u disagreements to resolve\n",
                       agreement->disagreements->len), agreement->disagreements->len);
  for (guint i = 0; i < agreement->disagreements->len; i++)
    {
      const AtlasDisagreement *disagreement = g_ptr_array_index (agreement->disagreements, i);

      /* Translators: notebook, cell, dimension, first rater, label, second rater, label. */
      g_print (_("  %s cell %u: %s %s %s, %s %s\n"), disagreement->location, disagreement->cell,
               atlas_dimension_id (disagreement->dimension), agreement->first_rater,
               disagreement->first, agreement->second_rater, disagreement->second);
    }
}

int
atlas_cli_agreement (int    argc,
                     char **argv)
{
  g_autofree char *db_path = NULL;
  g_autofree char *format = NULL;
  g_auto(GStrv) raters = NULL;
  gboolean automatic = FALSE;
  const GOptionEntry entries[] = {
    { "db", 'd', 0, G_OPTION_ARG_FILENAME, &db_path, N_("The corpus file"), "FILE" },
    { "rater", 'r', 0, G_OPTION_ARG_STRING_ARRAY, &raters,
      N_("A rater; give it twice to compare two raters"), "NAME" },
    { "automatic", 'a', 0, G_OPTION_ARG_NONE, &automatic,
      N_("Compare the rater with the automatic labels"), NULL },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("text (default) or json"), "FORMAT" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (N_("— how well two raters agree"));
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) second = NULL;
  g_autoptr(AtlasAgreement) agreement = NULL;
  g_autoptr(GError) error = NULL;
  const char *second_name;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
    _("Per dimension: the crashes both labeled, raw agreement, Cohen's kappa with its\n"
      "95% confidence interval (large-sample variance of Fleiss, Cohen & Everitt 1969),\n"
      "the confusion matrix, and the crashes on which the two disagree."));

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (error->message);
  if (db_path == NULL)
    return usage_error (_("--db FILE is required"));
  if (raters == NULL || raters[0] == NULL)
    return usage_error (_("--rater NAME is required"));
  if ((raters[1] == NULL) == !automatic || (raters[1] != NULL && raters[2] != NULL))
    return usage_error (_("give a second --rater or --automatic"));
  if (format != NULL && !g_str_equal (format, "text") && !g_str_equal (format, "json"))
    return usage_error (_("--format must be text or json"));
  if (argc > 1)
    return usage_error (_("unexpected arguments"));

  if ((store = atlas_store_open_existing (db_path, &error)) == NULL ||
      (first = atlas_store_dup_hand_labels (store, raters[0], &error)) == NULL)
    {
      g_printerr ("crash-atlas: %s\n", error->message);
      return ATLAS_CLI_EXIT_CORPUS_DAMAGED;
    }
  if (automatic)
    {
      g_autoptr(AtlasCorpus) corpus = atlas_store_load_corpus (store, NULL, &error);

      if (corpus == NULL)
        {
          g_printerr ("crash-atlas: %s\n", error->message);
          return ATLAS_CLI_EXIT_USAGE;
        }
      second = atlas_automatic_labels (corpus);
      /* Translators: the name of the automatic labels as a rater. */
      second_name = _("automatic");
    }
  else if ((second = atlas_store_dup_hand_labels (store, raters[1], &error)) == NULL)
    {
      g_printerr ("crash-atlas: %s\n", error->message);
      return ATLAS_CLI_EXIT_USAGE;
    }
  else
    second_name = raters[1];

  if (first->len == 0)
    g_printerr (_("crash-atlas: %s: no labels of rater “%s”\n"), db_path, raters[0]);

  agreement = atlas_agreement_compare (first, second, raters[0], second_name);
  if (format != NULL && g_str_equal (format, "json"))
    {
      g_autoptr(JsonNode) json = atlas_agreement_to_json (agreement);
      g_autofree char *text = json_to_string (json, TRUE);

      g_print ("%s\n", text);
    }
  else
    print_text (agreement);
  return ATLAS_CLI_EXIT_OK;
}

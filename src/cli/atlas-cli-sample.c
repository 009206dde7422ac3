/* atlas-cli-sample.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-cli-sample"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-cli.h"
#include "atlas-sample.h"
#include "atlas-store-labels.h"

/* `crash-atlas sample --db FILE --size N [--by cluster|platform|none] [--seed S]`:
 * draws the labeling sample and stores it in the corpus file. */

static int
usage_error (const char *message)
{
  g_printerr ("crash-atlas sample: %s\n", message);
  g_printerr (_("Run “crash-atlas sample --help” for the options.\n"));
  return ATLAS_CLI_EXIT_USAGE;
}

static guint
count_strata (GPtrArray *items)
{
  g_autoptr(GHashTable) strata = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < items->len; i++)
    g_hash_table_add (strata, ((AtlasSampleItem *)g_ptr_array_index (items, i))->stratum);
  return g_hash_table_size (strata);
}

int
atlas_cli_sample (int    argc,
                  char **argv)
{
  g_autofree char *db_path = NULL;
  g_autofree char *by = NULL;
  g_autofree char *seed_text = NULL;
  int size = -1;
  const GOptionEntry entries[] = {
    { "db", 'd', 0, G_OPTION_ARG_FILENAME, &db_path, N_("The corpus file"), "FILE" },
    { "size", 'n', 0, G_OPTION_ARG_INT, &size, N_("Number of crashes to draw"), "N" },
    { "by", 'b', 0, G_OPTION_ARG_STRING, &by,
      N_("Strata: cluster (default: message clusters, as the study), platform or none"), "STRATA" },
    { "seed", 's', 0, G_OPTION_ARG_STRING, &seed_text,
      N_("Seed of the draw (default 1): the same corpus and seed give the same sample"), "S" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (N_("— draw a sample of crashes to label by hand"));
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(AtlasCorpus) corpus = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  AtlasSampleDesign design = ATLAS_SAMPLE_BY_CLUSTER;
  guint64 seed = 1;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
    _("Draws a labeling sample from the crashes of a corpus file and stores it there,\n"
      "replacing the sample drawn before (hand labels stay). Stratified by cluster,\n"
      "each message cluster gets at least one crash and the rest in proportion."));

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (error->message);
  if (db_path == NULL)
    return usage_error (_("--db FILE is required"));
  if (size <= 0)
    return usage_error (_("--size N is required and must be positive"));
  if (argc > 1)
    return usage_error (_("unexpected arguments"));
  if (by != NULL && !atlas_sample_design_from_string (by, &design))
    return usage_error (_("--by must be cluster, platform or none"));
  if (seed_text != NULL &&
      !g_ascii_string_to_unsigned (seed_text, 10, 0, G_MAXUINT32, &seed, NULL))
    return usage_error (_("--seed must be a whole number from 0 to 4294967295"));

  if ((store = atlas_store_open_existing (db_path, &error)) == NULL ||
      (corpus = atlas_store_load_corpus (store, NULL, &error)) == NULL)
    {
      g_printerr ("crash-atlas: %s\n", error->message);
      return ATLAS_CLI_EXIT_CORPUS_DAMAGED;
    }

  items = atlas_sample_draw (corpus, design, (guint)size, (guint32)seed);
  if (!atlas_store_replace_sample (store, atlas_sample_design_to_string (design), (guint32)seed,
                                   items, &error))
    {
      g_printerr ("crash-atlas: %s\n", error->message);
      return ATLAS_CLI_EXIT_CORPUS_DAMAGED;
    }

  g_print (ngettext ("Drew %u crash of %u (by %s, seed %u) into %s.\n",
                     "Drew %u crashes of %u (by %s, seed %u) into %s.\n", items->len),
           items->len, atlas_corpus_get_n_crashes (corpus), atlas_sample_design_to_string (design),
           (guint)seed, db_path);
  g_print (ngettext ("The sample covers %u stratum.\n", "The sample covers %u strata.\n",
                     count_strata (items)), count_strata (items));
  return ATLAS_CLI_EXIT_OK;
}

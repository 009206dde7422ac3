/* atlas-cli-merge.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-cli-merge"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-cli-print.h"
#include "atlas-cli.h"
#include "atlas-store.h"

/* `crash-atlas merge --db OUT SHARD…`: the shards a cluster's tasks filled
 * (`scan --db SHARD --files-from LIST`) made into one corpus. Each notebook
 * goes through the store's writer as a scanned one would: a location stored
 * with the same content is skipped, the same content under another location
 * becomes a copy of the first (across shards too). So an interrupted merge
 * is finished by running it again, without a notebook twice; a shard taken
 * whole is remembered in OUT and not read again. Clusters depend on the
 * whole corpus and are recomputed at the end, and labels made by other
 * rules are redone from the stored cells, as `scan --db` does. */

typedef struct
{
  AtlasStore *out;
  const char *rules_version;
} Merge;

static void
merge_notebook_cb (AtlasNotebook *notebook,
                   gpointer       user_data)
{
  Merge *merge = user_data;

  atlas_store_add_notebook (merge->out, notebook, merge->rules_version);
}

static int
usage_error (const char *message)
{
  g_printerr ("crash-atlas merge: %s\n", message);
  g_printerr (_("Run “crash-atlas merge --help” for the options.\n"));
  return ATLAS_CLI_EXIT_USAGE;
}

/* Takes what @shard_path holds beyond what an earlier merge took. FALSE
 * (with a message on stderr) when the shard could not be read. */
static gboolean
merge_shard (AtlasStore *out,
             const char *shard_path,
             guint      *n_damaged)
{
  g_autoptr(AtlasStore) shard = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *corpus_id = NULL;
  g_autofree char *marker = NULL;
  g_autofree char *done = NULL;
  g_autofree char *rules_version = NULL;
  g_autofree char *last = NULL;
  gint64 after_id = 0, last_id = 0;
  Merge merge = { out, NULL };

  if ((shard = atlas_store_open_full (shard_path, ATLAS_STORE_OPEN_READ_ONLY, &error)) == NULL)
    {
      atlas_cli_print_error ("%s", error->message);
      *n_damaged += g_error_matches (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_CORRUPT);
      return FALSE;
    }
  corpus_id = atlas_store_dup_meta (shard, "corpus_id", NULL);
  if (corpus_id != NULL)
    {
      marker = g_strconcat ("merged:", corpus_id, NULL);
      done = atlas_store_dup_meta (out, marker, NULL);
      if (done != NULL)
        after_id = g_ascii_strtoll (done, NULL, 10);
    }
  rules_version = atlas_store_dup_rules_version (shard, NULL);
  merge.rules_version = rules_version;
  if (!atlas_store_foreach_notebook (shard, after_id, merge_notebook_cb, &merge, &last_id, NULL, &error) ||
      !atlas_store_flush (out, &error))
    {
      atlas_cli_print_error ("%s", error->message);
      *n_damaged += g_error_matches (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_CORRUPT);
      return FALSE;
    }
  /* Only once all of it is committed: the next merge starts after it. */
  if (marker != NULL && last_id > after_id)
    {
      last = g_strdup_printf ("%" G_GINT64_FORMAT, last_id);
      if (!atlas_store_set_meta (out, marker, last, &error))
        {
          atlas_cli_print_error ("%s", error->message);
          return FALSE;
        }
    }
  return TRUE;
}

int
atlas_cli_merge (int    argc,
                 char **argv)
{
  g_autofree char *db_path = NULL;
  g_auto(GStrv) shards = NULL;
  const GOptionEntry entries[] = {
    { "db", 'd', 0, G_OPTION_ARG_FILENAME, &db_path,
      N_("The corpus file to merge into (created when missing)"), "OUT" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &shards, NULL, N_("SHARD…") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (N_("SHARD… — combine corpus files into one"));
  g_autoptr(AtlasStore) out = NULL;
  g_autoptr(AtlasClassifier) classifier = NULL;
  g_autoptr(GError) error = NULL;
  guint n_failed = 0, n_damaged = 0, n_relabelled = 0;
  AtlasStoreCounts counts;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
    _("Adds the notebooks of each SHARD (a corpus file made by “crash-atlas scan --db”)\n"
      "to OUT, in the order given: a notebook OUT holds is skipped, one whose content\n"
      "OUT holds under another location is kept as a copy. Clusters are recomputed.\n"
      "An interrupted merge is finished by running it again. Exit status: 0 when every\n"
      "shard was merged, 1 when some could not be (each named on standard error),\n"
      "2 for usage errors, 3 when a shard is damaged (merge what is intact with\n"
      "“crash-atlas export” first)."));

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (error->message);
  if (db_path == NULL)
    return usage_error (_("--db OUT is required"));
  if (shards == NULL || shards[0] == NULL)
    return usage_error (_("no shard given"));

  if ((out = atlas_store_open (db_path, &error)) == NULL)
    {
      atlas_cli_print_error ("%s", error->message);
      return g_error_matches (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_CORRUPT)
               ? ATLAS_CLI_EXIT_CORPUS_DAMAGED : ATLAS_CLI_EXIT_USAGE;
    }
  for (guint i = 0; shards[i] != NULL; i++)
    {
      g_autoptr(GFile) a = g_file_new_for_path (shards[i]);
      g_autoptr(GFile) b = g_file_new_for_path (db_path);

      if (g_file_equal (a, b))
        {
          atlas_cli_print_error (_("%s: a corpus cannot be merged into itself"), shards[i]);
          n_failed++;
          continue;
        }
      n_failed += !merge_shard (out, shards[i], &n_damaged);
    }

  classifier = atlas_classifier_new ();
  if (!atlas_store_close (out, &error) ||
      !atlas_store_reclassify (out, classifier, &n_relabelled, NULL, &error) ||
      !atlas_store_update_clusters (out, &error))
    {
      atlas_cli_print_error ("%s", error->message);
      return ATLAS_CLI_EXIT_PARTIAL;
    }

  if (atlas_store_get_counts (out, &counts, &error))
    {
      g_autofree char *text = atlas_store_counts_describe (&counts);

      g_print (ngettext ("%s: merged %u notebook (%u already there); it holds %s\n",
                         "%s: merged %u notebooks (%u already there); it holds %s\n",
                         atlas_store_get_n_added (out)),
               db_path, atlas_store_get_n_added (out), atlas_store_get_n_skipped (out), text);
    }
  if (n_damaged > 0)
    return ATLAS_CLI_EXIT_CORPUS_DAMAGED;
  return n_failed > 0 ? ATLAS_CLI_EXIT_PARTIAL : ATLAS_CLI_EXIT_OK;
}

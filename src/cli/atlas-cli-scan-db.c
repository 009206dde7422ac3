/* atlas-cli-scan-db.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-cli-scan"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-cli-print.h"
#include "atlas-cli.h"
#include "atlas-store.h"

/* `crash-atlas scan --db FILE PATH…`: adds what it reads to a corpus file
 * instead of printing records (`crash-atlas export` prints them). */

typedef struct
{
  AtlasStore *store;
  const char *rules_version;
  guint       n_unreadable;
} StoreState;

/* Every notebook goes to the store, which alone knows, inside its write
 * transaction, whether it holds it already (another process may be adding
 * the same ones) or its content under another location (a copy). */
static void
store_item_cb (AtlasCorpusLoadItem *item,
               gpointer             user_data)
{
  StoreState *state = user_data;

  if (atlas_cli_load_report_item (item))
    {
      state->n_unreadable++;
      return;
    }
  atlas_store_add_notebook (state->store, item->notebook, state->rules_version);
}

/* What this process stored itself, as the store counted its commits, and
 * what the file holds now. Counted with copies, as `scan` prints them,
 * unless @distinct_content. */
static void
print_report (AtlasStore  *store,
              const char  *db_path,
              gboolean     distinct_content,
              guint        n_unreadable)
{
  guint n_copies = atlas_store_get_n_copies (store);
  guint n_added = atlas_store_get_n_added (store) - (distinct_content ? n_copies : 0);
  guint n_crashes = atlas_store_get_n_added_crashes (store) -
                    (distinct_content ? atlas_store_get_n_added_copy_crashes (store) : 0);
  g_autofree char *added = NULL;
  g_autofree char *copies = NULL;
  AtlasStoreCounts counts;

  added = g_strdup_printf (ngettext ("%s: added %u notebook with %u crashes",
                                     "%s: added %u notebooks with %u crashes", n_added),
                           db_path, n_added, n_crashes);
  if (n_copies > 0)
    copies = g_strdup_printf (distinct_content
                                ? ngettext ("and %u copy of another notebook, counted once",
                                            "and %u copies of another notebook, counted once", n_copies)
                                : ngettext ("%u is a copy of another notebook",
                                            "%u are copies of another notebook", n_copies),
                              n_copies);
  /* Translators: "FILE: added 4 notebooks with 9 crashes" "(1 is a copy of another notebook)"
   * "2 already stored" "0 unreadable" */
  g_print (_("%s%s%s%s; %u already stored, %u unreadable\n"), added,
           copies ? " (" : "", copies ? copies : "", copies ? ")" : "",
           atlas_store_get_n_skipped (store), n_unreadable);

  if (atlas_store_get_counts (store, &counts, NULL))
    {
      g_autofree char *text = NULL;

      if (distinct_content)
        {
          counts.n_notebooks -= counts.n_copies;
          counts.n_crashes -= counts.n_copy_crashes;
          counts.n_copies = 0;
          text = atlas_store_counts_describe (&counts);
          g_print (_("%s now holds %s, each content counted once\n"), db_path, text);
        }
      else
        {
          text = atlas_store_counts_describe (&counts);
          g_print (_("%s now holds %s\n"), db_path, text);
        }
    }
}

/* The corpus file could not be opened, read or written. */
static int
fail (const GError *error)
{
  atlas_cli_print_error ("%s", error->message);
  return ATLAS_CLI_EXIT_CORPUS_DAMAGED;
}

int
atlas_cli_scan_into_store (AtlasCorpusLoad *load,
                           AtlasClassifier *classifier,
                           const char      *db_path,
                           gboolean         distinct_content,
                           guint            n_missing)
{
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(GHashTable) stored = NULL;
  g_autoptr(GError) error = NULL;
  StoreState state = { 0 };
  guint n_relabelled = 0;

  /* A new path, or an empty file (made by mktemp for this), becomes a
   * corpus; anything else must be one, undamaged. */
  if ((store = atlas_store_open (db_path, &error)) == NULL)
    return fail (error);

  state.store = store;
  state.rules_version = classifier ? atlas_classifier_get_rules_version (classifier) : NULL;
  /* Notebooks the file holds are not classified again, so a repeated
   * import costs little more than hashing. */
  if ((stored = atlas_store_dup_content_hashes (store, &error)) == NULL)
    return fail (error);
  atlas_corpus_load_set_known_content (load, stored);
  atlas_corpus_load_set_read_flags (load, ATLAS_READ_CONTENT_HASH);
  atlas_corpus_load_run (load, store_item_cb, atlas_cli_load_show_progress, &state, NULL, NULL);
  atlas_cli_report_empty_folders (load);

  if (!atlas_store_close (store, &error))
    {
      /* Said only when something was not stored, and with what was. */
      atlas_cli_print_error ("%s", error->message);
      print_report (store, db_path, distinct_content, state.n_unreadable);
      return ATLAS_CLI_EXIT_PARTIAL;
    }
  /* Stored notebooks labelled by other rules (a rules change, an import
   * with --no-classify) are labelled again from what the file holds. */
  if (classifier != NULL &&
      (!atlas_store_reclassify (store, classifier, &n_relabelled, NULL, &error) ||
       !atlas_store_update_clusters (store, &error)))
    {
      print_report (store, db_path, distinct_content, state.n_unreadable);
      g_printerr (_("crash-atlas: every notebook read is stored, but the labels and clusters "
                    "could not be brought up to date: %s\n"), error->message);
      return ATLAS_CLI_EXIT_PARTIAL;
    }

  print_report (store, db_path, distinct_content, state.n_unreadable);
  if (n_relabelled > 0)
    {
      g_print (ngettext ("%s: labelled %u stored notebook again with the current rules",
                         "%s: labelled %u stored notebooks again with the current rules",
                         n_relabelled),
               db_path, n_relabelled);
      g_print ("\n");
    }
  return state.n_unreadable + n_missing > 0 ? ATLAS_CLI_EXIT_PARTIAL : ATLAS_CLI_EXIT_OK;
}

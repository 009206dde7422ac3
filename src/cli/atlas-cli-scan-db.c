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
  GHashTable *hashes;        /* content hashes stored or queued */
  const char *rules_version;
  guint       n_added;
  guint       n_crashes;
  guint       n_skipped;
  guint       n_unreadable;
} StoreState;

typedef struct
{
  AtlasClassifier *classifier;  /* or NULL */
  GHashTable      *stored;      /* hashes stored before the run; read-only while it runs */
} WorkerData;

static void
worker_data_free (WorkerData *data)
{
  g_clear_object (&data->classifier);
  g_hash_table_unref (data->stored);
  g_free (data);
}

/* Classifies on the scanner's threads, except notebooks the file holds:
 * those are dropped, so a repeated import costs little more than hashing. */
static void
store_worker (AtlasNotebook *notebook,
              gpointer       user_data)
{
  WorkerData *data = user_data;

  if (data->classifier != NULL &&
      !g_hash_table_contains (data->stored, atlas_notebook_get_content_hash (notebook)))
    atlas_classifier_classify_notebook (data->classifier, notebook);
}

static void
store_result_cb (AtlasScanResult *result,
                 gpointer         user_data)
{
  StoreState *state = user_data;
  const char *hash;

  if (result->notebook == NULL)
    {
      atlas_cli_print_error ("%s", result->error->message);
      state->n_unreadable++;
      return;
    }
  atlas_cli_print_warnings (result->notebook);

  /* Skipped by content: a notebook already stored, or a copy of one seen
   * earlier in this scan. */
  hash = atlas_notebook_get_content_hash (result->notebook);
  if (!g_hash_table_add (state->hashes, g_strdup (hash)))
    {
      state->n_skipped++;
      return;
    }
  atlas_store_add_notebook (state->store, result->notebook, state->rules_version);
  state->n_added++;
  state->n_crashes += atlas_notebook_get_crashes (result->notebook)->len;
}

static int
fail (const char *message)
{
  atlas_cli_print_error ("%s", message);
  return ATLAS_CLI_EXIT_USAGE;
}

int
atlas_cli_scan_into_store (AtlasScanner    *scanner,
                           AtlasCliSources *sources,
                           AtlasClassifier *classifier,
                           const char      *db_path,
                           guint            n_missing)
{
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(GHashTable) hashes = NULL;
  g_autoptr(GError) error = NULL;
  StoreState state = { 0 };
  WorkerData *worker;
  guint n_relabelled = 0;
  gboolean ok;

  if ((store = atlas_store_open (db_path, &error)) == NULL ||
      (hashes = atlas_store_dup_content_hashes (store, &error)) == NULL)
    return fail (error->message);

  state.store = store;
  state.hashes = hashes;
  state.rules_version = classifier ? atlas_classifier_get_rules_version (classifier) : NULL;
  worker = g_new0 (WorkerData, 1);
  worker->classifier = classifier ? g_object_ref (classifier) : NULL;
  worker->stored = atlas_store_dup_content_hashes (store, &error);
  if (worker->stored == NULL)
    {
      g_free (worker);
      return fail (error->message);
    }
  atlas_scanner_set_worker_func (scanner, store_worker, worker, (GDestroyNotify)worker_data_free);
  atlas_scanner_set_read_flags (scanner, ATLAS_READ_CONTENT_HASH);
  atlas_scanner_run (scanner, store_result_cb, &state, NULL, NULL);
  atlas_cli_report_empty_folders (scanner);
  atlas_cli_sources_set_read_flags (sources, ATLAS_READ_CONTENT_HASH);
  n_missing += atlas_cli_sources_run (sources, store_result_cb, &state, store_worker, worker);

  /* Stored notebooks labelled by other rules (a rules change, an import
   * with --no-classify) are labelled again from what the file holds. */
  ok = atlas_store_close (store, &error) &&
       (classifier == NULL ||
        (atlas_store_reclassify (store, classifier, &n_relabelled, NULL, &error) &&
         atlas_store_update_clusters (store, &error)));
  if (!ok)
    {
      atlas_cli_print_error ("%s", error->message);
      return ATLAS_CLI_EXIT_PARTIAL;
    }

  g_print (_("%s: added %u notebooks with %u crashes; %u already stored, %u unreadable\n"),
           db_path, state.n_added, state.n_crashes, state.n_skipped, state.n_unreadable);
  if (n_relabelled > 0)
    g_print (_("%s: labelled %u stored notebooks again with the current rules\n"),
             db_path, n_relabelled);
  return state.n_unreadable + n_missing > 0 ? ATLAS_CLI_EXIT_PARTIAL : ATLAS_CLI_EXIT_OK;
}

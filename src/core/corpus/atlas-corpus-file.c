/* atlas-corpus-file.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-corpus-file"

#include "config.h"

#include <string.h>
#include <unistd.h>

#include "atlas-corpus-file.h"

#define SQLITE_MAGIC "SQLite format 3"

gboolean
atlas_corpus_file_sniff (const char *path)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  char head[sizeof SQLITE_MAGIC] = { 0 };
  gsize n_read = 0;

  g_return_val_if_fail (path != NULL, FALSE);

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return FALSE;
  file = g_file_new_for_path (path);
  if ((stream = g_file_read (file, NULL, NULL)) == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (stream), head, sizeof head, &n_read, NULL, NULL))
    return FALSE;
  /* The magic ends with its NUL: a notebook never starts like that. */
  return n_read == sizeof head && memcmp (head, SQLITE_MAGIC, sizeof head) == 0;
}

AtlasCorpus *
atlas_corpus_file_read (const char       *path,
                        AtlasClassifier  *classifier,
                        AtlasStore      **store,
                        GCancellable     *cancellable,
                        GError          **error)
{
  g_autoptr(AtlasStore) opened = NULL;
  g_autofree char *version = NULL;
  AtlasCorpus *corpus;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (ATLAS_IS_CLASSIFIER (classifier), NULL);

  /* A file nobody may write (a read-only share, a colleague's file) is
   * opened to be read: its labels stay as stored. */
  if (access (path, W_OK) != 0 && g_file_test (path, G_FILE_TEST_EXISTS))
    opened = atlas_store_open_full (path, ATLAS_STORE_OPEN_READ_ONLY, error);
  else
    opened = atlas_store_open_existing (path, error);
  if (opened == NULL)
    return NULL;
  /* Opening writes nothing when the labels are the current rules' ones. */
  version = atlas_store_dup_rules_version (opened, NULL);
  if (!atlas_store_get_read_only (opened) &&
      g_strcmp0 (version, atlas_classifier_get_rules_version (classifier)) != 0 &&
      !atlas_store_reclassify (opened, classifier, NULL, cancellable, error))
    return NULL;
  if ((corpus = atlas_store_load_corpus (opened, cancellable, error)) == NULL)
    return NULL;
  if (store != NULL)
    *store = g_steal_pointer (&opened);
  return corpus;
}

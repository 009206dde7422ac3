/* atlas-cli-load.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-cli"

#include "config.h"

#include <unistd.h>
#include <glib/gi18n.h>

#include "atlas-cli.h"
#include "atlas-cli-print.h"
#include "atlas-text.h"

/* What every command that reads notebooks says while the core's load
 * (atlas-corpus-load.h) runs: the inputs it could not take, a remote
 * source's progress on a terminal, each notebook it could not read. The
 * loading itself is the core's. */

static gboolean
stderr_is_tty (void)
{
  static gsize tty = 0;

  if (g_once_init_enter (&tty))
    g_once_init_leave (&tty, isatty (STDERR_FILENO) ? 2 : 1);
  return tty == 2;
}

guint
atlas_cli_load_add_input_at (AtlasCorpusLoad *load,
                             const char      *input,
                             const char      *where)
{
  g_autoptr(GError) error = NULL;

  if (atlas_corpus_load_add_input (load, input, &error))
    return 0;
  atlas_cli_print_error ("%s%s%s", where ? where : "", where ? ": " : "", error->message);
  return 1;
}

guint
atlas_cli_load_add_inputs (AtlasCorpusLoad *load,
                           char           **inputs)
{
  guint n_bad = 0;

  for (guint i = 0; inputs != NULL && inputs[i] != NULL; i++)
    n_bad += atlas_cli_load_add_input_at (load, inputs[i], NULL);
  return n_bad;
}

void
atlas_cli_load_show_progress (const AtlasCorpusLoadProgress *progress,
                              gpointer                       user_data)
{
  const AtlasRemoteProgress *remote = progress->remote;

  if (remote == NULL)
    return;
  if (remote->phase == ATLAS_REMOTE_PHASE_WAITING)
    atlas_cli_print_error ("%s", remote->message);
  else if (remote->phase == ATLAS_REMOTE_PHASE_FETCHING && stderr_is_tty ())
    {
      g_autofree char *shown = atlas_text_for_terminal (remote->message, -1, ATLAS_TEXT_DEFAULT);

      g_printerr ("\r\033[K%u/%u %s", remote->n_done, remote->n_found, shown);
    }
}

gboolean
atlas_cli_load_report_item (const AtlasCorpusLoadItem *item)
{
  /* The remote progress line goes before anything is said of a notebook. */
  if (item->kind != ATLAS_CORPUS_LOAD_FILE && stderr_is_tty ())
    g_printerr ("\r\033[K");
  if (item->kind == ATLAS_CORPUS_LOAD_REMOTE && item->notebook != NULL && item->info != NULL &&
      item->info->status == ATLAS_NOTEBOOK_STATUS_RUN_FAILED)
    atlas_cli_print_error ("%s: %s", item->location, item->info->message);
  if (item->notebook == NULL)
    {
      atlas_cli_print_error ("%s", item->error->message);
      return TRUE;
    }
  atlas_cli_print_warnings (item->notebook);
  return FALSE;
}

guint
atlas_cli_report_empty_folders (AtlasCorpusLoad *load)
{
  g_auto(GStrv) folders = atlas_corpus_load_dup_empty_folders (load);

  for (guint i = 0; folders[i] != NULL; i++)
    {
      g_autofree char *message = g_strdup_printf (_("%s: no notebooks (*.ipynb) in this folder"), folders[i]);

      atlas_cli_print_error ("%s", message);
    }
  return g_strv_length (folders);
}

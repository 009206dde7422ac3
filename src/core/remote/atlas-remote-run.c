/* atlas-remote-run.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-remote-source"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "atlas-remote-run.h"

void
_atlas_remote_run_found (AtlasRemoteRun *run,
                         guint           n)
{
  AtlasRemoteProgress progress = { ATLAS_REMOTE_PHASE_FETCHING, 0, 0, 0, NULL };
  g_autofree char *message = NULL;

  run->n_found = n;
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Found %u notebook", "Found %u notebooks", n), n);
  progress.n_found = run->n_found;
  progress.n_done = run->n_done;
  progress.message = message;
  if (run->progress_func != NULL)
    run->progress_func (&progress, run->user_data);
}

void
_atlas_remote_run_listing (AtlasRemoteRun *run,
                           const char     *message)
{
  AtlasRemoteProgress progress = { ATLAS_REMOTE_PHASE_LISTING, run->n_found, run->n_done, 0, message };

  if (run->progress_func != NULL)
    run->progress_func (&progress, run->user_data);
}

void
_atlas_remote_run_emit (AtlasRemoteRun  *run,
                        AtlasRemoteItem *item)
{
  AtlasRemoteProgress progress = { ATLAS_REMOTE_PHASE_FETCHING, 0, 0, 0, item->location };

  if (item->notebook != NULL && run->worker_func != NULL)
    run->worker_func (item->notebook, run->worker_data);
  run->n_done++;
  progress.n_found = MAX (run->n_found, run->n_done);
  progress.n_done = run->n_done;
  if (run->progress_func != NULL)
    run->progress_func (&progress, run->user_data);
  if (run->item_func != NULL)
    run->item_func (item, run->user_data);
  else
    atlas_remote_item_free (item);
}

/* atlas-remote-run.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "atlas-http.h"
#include "atlas-remote-item.h"
#include "atlas-remote-spec.h"

G_BEGIN_DECLS

/* The state of one import: one run of a remote source, as its GitHub or Kaggle part sees it: what
 * to fetch with, and where the items and the progress go. The source
 * (atlas-remote-source.c) fills it and calls the part; the part reports
 * through these functions, never back into the source. */

typedef struct
{
  const AtlasRemoteSpec   *spec;
  AtlasHttp               *http;
  AtlasReadFlags           read_flags;
  AtlasRemoteWorkerFunc    worker_func;
  gpointer                 worker_data;
  AtlasRemoteItemFunc      item_func;
  AtlasRemoteProgressFunc  progress_func;
  gpointer                 user_data;
  GCancellable            *cancellable;
  guint                    n_found;
  guint                    n_done;
} AtlasRemoteRun;

void             _atlas_remote_run_found     (AtlasRemoteRun  *run,
                                              guint            n);
void             _atlas_remote_run_listing   (AtlasRemoteRun  *run,
                                              const char      *message);
/* Hands @item over (it is consumed) and counts it. */
void             _atlas_remote_run_emit      (AtlasRemoteRun  *run,
                                              AtlasRemoteItem *item);

G_END_DECLS

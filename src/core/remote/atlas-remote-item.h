/* atlas-remote-item.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "atlas-corpus.h"
#include "atlas-notebook-reader.h"

G_BEGIN_DECLS

/* What a remote source yields, below the sources that yield it (GitHub's,
 * Kaggle's, atlas-remote-source.h) so that they and the source that runs
 * them share it without calling each other. */

/* Where a notebook's crashes were taken from. */
typedef enum
{
  ATLAS_REMOTE_FROM_FILE,      /* GitHub: the notebook as committed */
  ATLAS_REMOTE_FROM_EXECUTED,  /* Kaggle: __notebook__.ipynb of the last run, with outputs */
  ATLAS_REMOTE_FROM_LOG,       /* Kaggle: the saved source, crashes from the run log */
  ATLAS_REMOTE_FROM_SOURCE,    /* Kaggle: the saved source only (usually no outputs) */
} AtlasRemoteProvenance;

const char *atlas_remote_provenance_to_string (AtlasRemoteProvenance provenance);

/* One notebook of a remote source, read (or failed). */
typedef struct
{
  char                  *location;    /* the notebook's web address; unique in a corpus */
  char                  *url;         /* the same, for records */
  AtlasPlatform          platform;
  AtlasRemoteProvenance  provenance;
  char                  *key;         /* content key: "github-blob:SHA", "kaggle:OWNER/SLUG@VERSION" */
  char                  *sha;         /* GitHub blob sha (a content address), or NULL */
  gboolean               from_cache;  /* not downloaded again */
  AtlasNotebook         *notebook;    /* NULL when it could not be fetched or read … */
  GError                *error;       /* … and then why, naming the notebook */
  AtlasNotebookStatus    status;      /* NOT_EXECUTED, RUN_FAILED override what the notebook says */
  char                  *message;     /* why (e.g. Kaggle's failureMessage), or NULL */
} AtlasRemoteItem;

void               atlas_remote_item_free    (AtlasRemoteItem *item);
/* The corpus record, with the status and message above. */
AtlasNotebookInfo *atlas_remote_item_to_info (const AtlasRemoteItem *item);

typedef enum
{
  ATLAS_REMOTE_PHASE_LISTING,   /* asking what notebooks there are */
  ATLAS_REMOTE_PHASE_FETCHING,  /* n_done of n_found fetched */
  ATLAS_REMOTE_PHASE_WAITING,   /* rate-limited or retrying: wait_seconds */
} AtlasRemotePhase;

typedef struct
{
  AtlasRemotePhase  phase;
  guint             n_found;
  guint             n_done;
  double            wait_seconds;
  const char       *message;      /* for people */
} AtlasRemoteProgress;

/* Both are called on the thread that runs the import (the caller's main
 * context for run_async). The item is the callee's: free it. */
typedef void (*AtlasRemoteItemFunc)     (AtlasRemoteItem           *item,
                                         gpointer                   user_data);
typedef void (*AtlasRemoteProgressFunc) (const AtlasRemoteProgress *progress,
                                         gpointer                   user_data);

/* Runs on the importing thread right after a notebook was read (the app
 * classifies there); must touch only @notebook and thread-safe state. */
typedef void (*AtlasRemoteWorkerFunc)   (AtlasNotebook             *notebook,
                                         gpointer                   user_data);

/* For the sources: a new item with its address as location and url, and
 * the notebook read from @path into it (or the error). */
AtlasRemoteItem   *_atlas_remote_item_new    (const char            *location,
                                              AtlasPlatform          platform,
                                              AtlasRemoteProvenance  provenance);
void               _atlas_remote_item_read   (AtlasRemoteItem       *item,
                                              const char            *path,
                                              AtlasReadFlags         flags);

G_END_DECLS

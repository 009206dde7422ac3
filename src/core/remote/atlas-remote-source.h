/* atlas-remote-source.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "atlas-corpus.h"
#include "atlas-credentials.h"
#include "atlas-notebook-reader.h"
#include "atlas-remote-spec.h"

G_BEGIN_DECLS

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

#define ATLAS_TYPE_REMOTE_SOURCE (atlas_remote_source_get_type ())

G_DECLARE_FINAL_TYPE (AtlasRemoteSource, atlas_remote_source, ATLAS, REMOTE_SOURCE, GObject)

/* Endpoints come from CRASH_ATLAS_GITHUB_API and CRASH_ATLAS_KAGGLE_API
 * (defaults https://api.github.com, https://api.kaggle.com). Fetched
 * notebooks are kept under $XDG_CACHE_HOME/crash-atlas/remote, so running an
 * import again resumes: notebooks already stored under the same GitHub blob
 * sha or Kaggle version are not downloaded again. */
AtlasRemoteSource     *atlas_remote_source_new          (const char               *text,
                                                         const AtlasCredentials   *credentials,
                                                         GError                  **error);
const AtlasRemoteSpec *atlas_remote_source_get_spec     (AtlasRemoteSource        *self);
char                  *atlas_remote_source_describe     (AtlasRemoteSource        *self);
void                   atlas_remote_source_set_timeout  (AtlasRemoteSource        *self,
                                                         guint                     seconds);
/* The longest one request may take, body included (see atlas_http_set_deadline()). */
void                   atlas_remote_source_set_deadline (AtlasRemoteSource        *self,
                                                         double                    seconds);
void                   atlas_remote_source_set_max_tries (AtlasRemoteSource       *self,
                                                         guint                     tries);
void                   atlas_remote_source_set_max_size (AtlasRemoteSource        *self,
                                                         goffset                   bytes);
void                   atlas_remote_source_set_read_flags (AtlasRemoteSource      *self,
                                                         AtlasReadFlags            flags);
void                   atlas_remote_source_set_worker_func (AtlasRemoteSource     *self,
                                                         AtlasRemoteWorkerFunc     func,
                                                         gpointer                  user_data,
                                                         GDestroyNotify            user_data_destroy);

/* Lists and fetches every notebook, one request at a time, handing each to
 * @item_func as soon as it is read. Fails only when the listing itself
 * fails or on cancellation; a notebook that fails is an item with an error.
 * Everything fetched before a failure has been handed over. Blocking. */
gboolean               atlas_remote_source_run          (AtlasRemoteSource        *self,
                                                         AtlasRemoteItemFunc       item_func,
                                                         AtlasRemoteProgressFunc   progress_func,
                                                         gpointer                  user_data,
                                                         GCancellable             *cancellable,
                                                         GError                  **error);

/* The same in a worker thread; the functions are called on the caller's
 * thread-default main context, so the UI never blocks. */
void                   atlas_remote_source_run_async    (AtlasRemoteSource        *self,
                                                         AtlasRemoteItemFunc       item_func,
                                                         AtlasRemoteProgressFunc   progress_func,
                                                         gpointer                  user_data,
                                                         GDestroyNotify            user_data_destroy,
                                                         GCancellable             *cancellable,
                                                         GAsyncReadyCallback       callback,
                                                         gpointer                  callback_data);
gboolean               atlas_remote_source_run_finish   (AtlasRemoteSource        *self,
                                                         GAsyncResult             *result,
                                                         GError                  **error);

G_END_DECLS

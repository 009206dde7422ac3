/* atlas-remote-source.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "atlas-credentials.h"
#include "atlas-remote-item.h"
#include "atlas-remote-spec.h"

G_BEGIN_DECLS

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

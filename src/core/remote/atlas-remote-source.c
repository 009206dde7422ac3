/* atlas-remote-source.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-remote-source"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "atlas-notebook-reader.h"
#include "atlas-remote-error.h"
#include "atlas-remote-private.h"
#include "atlas-remote-source.h"

struct _AtlasRemoteSource
{
  GObject           parent_instance;

  char             *text;
  AtlasRemoteSpec  *spec;
  AtlasCredentials *credentials;
  guint             timeout;    /* 0: the client's default */
  double            deadline;   /* 0: the client's default */
  guint             max_tries;
  goffset           max_size;
  AtlasReadFlags    read_flags;
  AtlasRemoteWorkerFunc worker_func;
  gpointer          worker_data;
  GDestroyNotify    worker_data_destroy;
};

G_DEFINE_FINAL_TYPE (AtlasRemoteSource, atlas_remote_source, G_TYPE_OBJECT)

/* The run */

static void
wait_cb (double      seconds,
         const char *reason,
         gpointer    user_data)
{
  AtlasRemoteRun *run = user_data;
  AtlasRemoteProgress progress = { ATLAS_REMOTE_PHASE_WAITING, run->n_found, run->n_done, seconds, reason };

  if (run->progress_func != NULL)
    run->progress_func (&progress, run->user_data);
}

/* The object */

static void
atlas_remote_source_finalize (GObject *object)
{
  AtlasRemoteSource *self = (AtlasRemoteSource *)object;

  g_free (self->text);
  atlas_remote_spec_free (self->spec);
  atlas_credentials_free (self->credentials);
  if (self->worker_data_destroy != NULL)
    self->worker_data_destroy (self->worker_data);

  G_OBJECT_CLASS (atlas_remote_source_parent_class)->finalize (object);
}

static void
atlas_remote_source_class_init (AtlasRemoteSourceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = atlas_remote_source_finalize;
}

static void
atlas_remote_source_init (AtlasRemoteSource *self)
{
  self->max_tries = 6;
  self->max_size = ATLAS_HTTP_DEFAULT_MAX_SIZE;
}

/**
 * atlas_remote_source_new:
 * @text: a source as atlas-remote-spec.h lists them
 * @credentials: (nullable): copied
 *
 * Returns: (transfer full): the source, or %NULL when @text is no source.
 */
AtlasRemoteSource *
atlas_remote_source_new (const char              *text,
                         const AtlasCredentials  *credentials,
                         GError                 **error)
{
  g_autoptr(AtlasRemoteSpec) spec = atlas_remote_spec_parse (text, error);
  AtlasRemoteSource *self;

  if (spec == NULL)
    return NULL;
  self = g_object_new (ATLAS_TYPE_REMOTE_SOURCE, NULL);
  self->text = g_strdup (text);
  self->spec = g_steal_pointer (&spec);
  self->credentials = atlas_credentials_copy (credentials);
  return self;
}

const AtlasRemoteSpec *
atlas_remote_source_get_spec (AtlasRemoteSource *self)
{
  g_return_val_if_fail (ATLAS_IS_REMOTE_SOURCE (self), NULL);
  return self->spec;
}

char *
atlas_remote_source_describe (AtlasRemoteSource *self)
{
  g_return_val_if_fail (ATLAS_IS_REMOTE_SOURCE (self), NULL);
  return atlas_remote_spec_describe (self->spec);
}

void
atlas_remote_source_set_timeout (AtlasRemoteSource *self,
                                 guint              seconds)
{
  g_return_if_fail (ATLAS_IS_REMOTE_SOURCE (self));
  self->timeout = seconds;
}

void
atlas_remote_source_set_deadline (AtlasRemoteSource *self,
                                  double             seconds)
{
  g_return_if_fail (ATLAS_IS_REMOTE_SOURCE (self));
  self->deadline = seconds;
}

void
atlas_remote_source_set_max_tries (AtlasRemoteSource *self,
                                   guint              tries)
{
  g_return_if_fail (ATLAS_IS_REMOTE_SOURCE (self));
  self->max_tries = tries;
}

void
atlas_remote_source_set_max_size (AtlasRemoteSource *self,
                                  goffset            bytes)
{
  g_return_if_fail (ATLAS_IS_REMOTE_SOURCE (self));
  self->max_size = bytes;
}

void
atlas_remote_source_set_read_flags (AtlasRemoteSource *self,
                                    AtlasReadFlags     flags)
{
  g_return_if_fail (ATLAS_IS_REMOTE_SOURCE (self));
  self->read_flags = flags;
}

void
atlas_remote_source_set_worker_func (AtlasRemoteSource     *self,
                                     AtlasRemoteWorkerFunc  func,
                                     gpointer               user_data,
                                     GDestroyNotify         user_data_destroy)
{
  g_return_if_fail (ATLAS_IS_REMOTE_SOURCE (self));

  if (self->worker_data_destroy != NULL)
    self->worker_data_destroy (self->worker_data);
  self->worker_func = func;
  self->worker_data = user_data;
  self->worker_data_destroy = user_data_destroy;
}

static const char *
endpoint (AtlasPlatform platform)
{
  const char *value = g_getenv (platform == ATLAS_PLATFORM_GITHUB ? "CRASH_ATLAS_GITHUB_API"
                                                                  : "CRASH_ATLAS_KAGGLE_API");

  if (value != NULL && *value != '\0')
    return value;
  return platform == ATLAS_PLATFORM_GITHUB ? "https://api.github.com" : "https://api.kaggle.com";
}

/* The Authorization header value; built here, held only by the client. */
static char *
authorization (AtlasRemoteSource *self,
               AtlasPlatform      platform)
{
  const AtlasCredentials *c = self->credentials;
  g_autofree char *pair = NULL;
  g_autofree char *encoded = NULL;

  if (platform == ATLAS_PLATFORM_GITHUB)
    return c->github_token ? g_strconcat ("Bearer ", c->github_token, NULL) : NULL;
  if (c->kaggle_token != NULL)
    return g_strconcat ("Bearer ", c->kaggle_token, NULL);
  if (c->kaggle_username == NULL || c->kaggle_key == NULL)
    return NULL;
  pair = g_strconcat (c->kaggle_username, ":", c->kaggle_key, NULL);
  encoded = g_base64_encode ((const guchar *)pair, strlen (pair));
  explicit_bzero (pair, strlen (pair));
  return g_strconcat ("Basic ", encoded, NULL);
}

static AtlasHttp *
make_client (AtlasRemoteSource  *self,
             AtlasPlatform       platform,
             AtlasRemoteRun     *run,
             GError            **error)
{
  g_autofree char *auth = authorization (self, platform);
  AtlasHttp *http = atlas_http_new (platform == ATLAS_PLATFORM_GITHUB ? ATLAS_HTTP_GITHUB : ATLAS_HTTP_KAGGLE,
                                    endpoint (platform), auth, error);

  if (auth != NULL)
    explicit_bzero (auth, strlen (auth));
  if (http == NULL)
    return NULL;
  if (self->timeout > 0)
    atlas_http_set_timeout (http, self->timeout);
  if (self->deadline > 0)
    atlas_http_set_deadline (http, self->deadline);
  atlas_http_set_max_tries (http, self->max_tries);
  atlas_http_set_max_size (http, self->max_size);
  atlas_http_set_wait_func (http, wait_cb, run);
  return http;
}

gboolean
atlas_remote_source_run (AtlasRemoteSource        *self,
                         AtlasRemoteItemFunc       item_func,
                         AtlasRemoteProgressFunc   progress_func,
                         gpointer                  user_data,
                         GCancellable             *cancellable,
                         GError                  **error)
{
  AtlasPlatform platform;
  AtlasRemoteRun run = { 0 };
  gboolean ok;

  g_return_val_if_fail (ATLAS_IS_REMOTE_SOURCE (self), FALSE);

  platform = atlas_remote_spec_platform (self->spec);
  run.spec = self->spec;
  run.read_flags = self->read_flags;
  run.worker_func = self->worker_func;
  run.worker_data = self->worker_data;
  run.item_func = item_func;
  run.progress_func = progress_func;
  run.user_data = user_data;
  run.cancellable = cancellable;
  if ((run.http = make_client (self, platform, &run, error)) == NULL)
    return FALSE;

  ok = platform == ATLAS_PLATFORM_GITHUB ? _atlas_github_run (&run, error) : _atlas_kaggle_run (&run, error);
  atlas_http_free (run.http);
  return ok;
}

/* Async: the import runs in a worker thread; items and progress hop to the
 * caller's main context. */

typedef struct
{
  GMainContext            *context;
  AtlasRemoteItemFunc      item_func;
  AtlasRemoteProgressFunc  progress_func;
  gpointer                 user_data;
  GDestroyNotify           user_data_destroy;
} AsyncRun;

typedef struct
{
  AsyncRun            *async;
  AtlasRemoteItem     *item;
  AtlasRemoteProgress  progress;
  char                *message;
} Delivery;

static void
async_run_clear (AsyncRun *async)
{
  if (async->user_data_destroy != NULL)
    async->user_data_destroy (async->user_data);
  g_main_context_unref (async->context);
}

static void
async_run_release (AsyncRun *async)
{
  g_atomic_rc_box_release_full (async, (GDestroyNotify)async_run_clear);
}

static void
delivery_free (Delivery *delivery)
{
  atlas_remote_item_free (delivery->item);
  g_free (delivery->message);
  async_run_release (delivery->async);
  g_free (delivery);
}

static gboolean
deliver_cb (gpointer data)
{
  Delivery *delivery = data;
  AsyncRun *async = delivery->async;

  if (delivery->item != NULL && async->item_func != NULL)
    async->item_func (g_steal_pointer (&delivery->item), async->user_data);
  else if (delivery->item == NULL && async->progress_func != NULL)
    async->progress_func (&delivery->progress, async->user_data);
  return G_SOURCE_REMOVE;
}

static void
worker_item_cb (AtlasRemoteItem *item,
                gpointer         user_data)
{
  Delivery *delivery = g_new0 (Delivery, 1);

  delivery->async = g_atomic_rc_box_acquire ((AsyncRun *)user_data);
  delivery->item = item;
  g_main_context_invoke_full (delivery->async->context, G_PRIORITY_DEFAULT, deliver_cb,
                              delivery, (GDestroyNotify)delivery_free);
}

static void
worker_progress_cb (const AtlasRemoteProgress *progress,
                    gpointer                   user_data)
{
  Delivery *delivery = g_new0 (Delivery, 1);

  delivery->async = g_atomic_rc_box_acquire ((AsyncRun *)user_data);
  delivery->progress = *progress;
  delivery->message = g_strdup (progress->message);
  delivery->progress.message = delivery->message;
  g_main_context_invoke_full (delivery->async->context, G_PRIORITY_DEFAULT, deliver_cb,
                              delivery, (GDestroyNotify)delivery_free);
}

static void
run_worker (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  AtlasRemoteSource *self = source_object;
  g_autoptr(GError) error = NULL;

  if (atlas_remote_source_run (self, worker_item_cb, worker_progress_cb, task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

void
atlas_remote_source_run_async (AtlasRemoteSource        *self,
                               AtlasRemoteItemFunc       item_func,
                               AtlasRemoteProgressFunc   progress_func,
                               gpointer                  user_data,
                               GDestroyNotify            user_data_destroy,
                               GCancellable             *cancellable,
                               GAsyncReadyCallback       callback,
                               gpointer                  callback_data)
{
  g_autoptr(GTask) task = NULL;
  AsyncRun *async = g_atomic_rc_box_new0 (AsyncRun);

  g_return_if_fail (ATLAS_IS_REMOTE_SOURCE (self));

  async->context = g_main_context_ref_thread_default ();
  async->item_func = item_func;
  async->progress_func = progress_func;
  async->user_data = user_data;
  async->user_data_destroy = user_data_destroy;

  task = g_task_new (self, cancellable, callback, callback_data);
  g_task_set_source_tag (task, atlas_remote_source_run_async);
  /* Deliveries still queued hold their own reference to @async. */
  g_task_set_task_data (task, async, (GDestroyNotify)async_run_release);
  g_task_run_in_thread (task, run_worker);
}

gboolean
atlas_remote_source_run_finish (AtlasRemoteSource  *self,
                                GAsyncResult       *result,
                                GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* atlas-http.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* One client per service and per import, used from one thread: requests go
 * one at a time, as both services ask. It owns the policy every request
 * shares: which scheme and host may be talked to, where the credential may
 * go, retries with backoff, rate-limit waits, size limits and truncation. */

typedef enum
{
  ATLAS_HTTP_GITHUB,
  ATLAS_HTTP_KAGGLE,
} AtlasHttpService;

/* Told before each wait: @seconds is the wait the service asked for (before
 * any test time scale), @reason says why, for people. */
typedef void (*AtlasHttpWaitFunc) (double      seconds,
                                   const char *reason,
                                   gpointer    user_data);

typedef struct
{
  const char *method;         /* "GET" (default) or "POST" */
  const char *url;            /* absolute */
  const char *accept;         /* Accept header, or NULL for the service's JSON type */
  GBytes     *json_body;      /* POST body, or NULL */
  gboolean    authenticated;  /* may carry the credential (only ever to the API origin) */
  const char *subject;        /* what errors name: "GitHub repository o/r" */
  const char *to_file;        /* stream the body to this file instead of memory */
} AtlasHttpRequest;

typedef struct
{
  guint               status;
  SoupMessageHeaders *headers;
  GBytes             *body;      /* NULL when streamed to a file */
  goffset             size;
} AtlasHttpReply;

typedef struct _AtlasHttp AtlasHttp;

#define ATLAS_HTTP_DEFAULT_MAX_SIZE (G_GINT64_CONSTANT (200) * 1024 * 1024)

AtlasHttp      *atlas_http_new            (AtlasHttpService   service,
                                           const char        *api_base,
                                           const char        *authorization,
                                           GError           **error);
void            atlas_http_free           (AtlasHttp         *self);
void            atlas_http_set_wait_func  (AtlasHttp         *self,
                                           AtlasHttpWaitFunc  func,
                                           gpointer           user_data);
void            atlas_http_set_timeout    (AtlasHttp         *self,
                                           guint              seconds);
/* The longest one exchange (redirects and body included) may take, however
 * steadily the server trickles bytes; a timeout when it runs out.
 * CRASH_ATLAS_HTTP_DEADLINE (seconds) sets it for a process, as
 * CRASH_ATLAS_HTTP_TIMEOUT sets the inactivity timeout. */
void            atlas_http_set_deadline   (AtlasHttp         *self,
                                           double             seconds);
void            atlas_http_set_max_tries  (AtlasHttp         *self,
                                           guint              tries);
void            atlas_http_set_max_size   (AtlasHttp         *self,
                                           goffset            bytes);
/* Multiplies every wait (tests make them short, the logic stays the same). */
void            atlas_http_set_time_scale (AtlasHttp         *self,
                                           double             scale);
gboolean        atlas_http_has_credential (AtlasHttp         *self);

/* The API base joined with @path ("/repos/o/r"), already escaped. */
char           *atlas_http_api_url        (AtlasHttp         *self,
                                           const char        *path);

/* Sends, following redirects and retrying as the policy says. Returns a
 * 2xx reply, or NULL with an ATLAS_REMOTE_ERROR (or G_IO_ERROR_CANCELLED)
 * whose message names request->subject. */
AtlasHttpReply *atlas_http_send           (AtlasHttp               *self,
                                           const AtlasHttpRequest  *request,
                                           GCancellable            *cancellable,
                                           GError                 **error);
/* The same, then parses the body as JSON (INVALID_RESPONSE if it is not). */
JsonNode       *atlas_http_send_json      (AtlasHttp               *self,
                                           const AtlasHttpRequest  *request,
                                           SoupMessageHeaders     **headers,
                                           GCancellable            *cancellable,
                                           GError                 **error);
void            atlas_http_reply_free     (AtlasHttpReply          *reply);

/* Cancellable sleep; FALSE when cancelled. */
gboolean        atlas_http_sleep          (double                   seconds,
                                           GCancellable            *cancellable,
                                           GError                 **error);

/* http is allowed only to loopback hosts (127.0.0.0/8, ::1, localhost). */
gboolean        atlas_http_uri_is_allowed (GUri                    *uri);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasHttpReply, atlas_http_reply_free)

G_END_DECLS

/* fake-server.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

/* A SoupServer on 127.0.0.1 (random port) in its own thread, so the client
 * under test may block the test's thread. Every request is logged. */
typedef struct _FakeServer FakeServer;

typedef struct
{
  char *method;
  char *path;
  char *query;          /* or NULL */
  char *authorization;  /* or NULL */
  char *accept;
  char *content_type;
  char *body;           /* request body as text */
} FakeRequest;

/* Runs in the server's thread. */
typedef void (*FakeHandler) (FakeServer        *server,
                             SoupServerMessage *msg,
                             const char        *path,
                             gpointer           data);

FakeServer  *fake_server_new            (FakeHandler  handler,
                                         gpointer     data);
void         fake_server_free           (FakeServer  *self);
/* "http://127.0.0.1:PORT" */
const char  *fake_server_get_base       (FakeServer  *self);
/* Requests so far (copies; free with g_ptr_array_unref). */
GPtrArray   *fake_server_get_requests   (FakeServer  *self);
/* How many requests had a path starting with @prefix. */
guint        fake_server_count          (FakeServer  *self,
                                         const char  *prefix);
/* The last request whose path starts with @prefix, or NULL (a copy). */
FakeRequest *fake_server_last           (FakeServer  *self,
                                         const char  *prefix);
void         fake_request_free          (FakeRequest *request);

/* Response helpers */
void         fake_reply_json            (SoupServerMessage *msg,
                                         guint              status,
                                         const char        *json);
/* Takes @bytes. */
void         fake_reply_bytes           (SoupServerMessage *msg,
                                         guint              status,
                                         const char        *content_type,
                                         GBytes            *bytes);
/* Announces @announced bytes, sends @text and closes the connection. */
void         fake_reply_truncated       (SoupServerMessage *msg,
                                         const char        *text,
                                         gsize              announced);
/* Sends the headers at once, then @text one byte every @interval_ms: never
 * idle long enough for an inactivity timeout. */
void         fake_reply_trickle         (SoupServerMessage *msg,
                                         const char        *text,
                                         guint              interval_ms);
/* Never answers (the client must time out). */
void         fake_reply_never           (SoupServerMessage *msg);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FakeRequest, fake_request_free)

G_END_DECLS

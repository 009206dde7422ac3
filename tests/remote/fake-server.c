/* fake-server.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "fake-server.h"

struct _FakeServer
{
  GThread      *thread;
  GMainContext *context;
  gint          quit;
  SoupServer   *server;
  char         *base;
  FakeHandler   handler;
  gpointer      data;
  GMutex        lock;
  GCond         started;
  GPtrArray    *log;      /* FakeRequest */
  GPtrArray    *paused;   /* SoupServerMessage never answered */
};

void
fake_request_free (FakeRequest *request)
{
  if (request == NULL)
    return;
  g_free (request->method);
  g_free (request->path);
  g_free (request->query);
  g_free (request->authorization);
  g_free (request->accept);
  g_free (request->content_type);
  g_free (request->body);
  g_free (request);
}

static FakeRequest *
fake_request_copy (const FakeRequest *r)
{
  FakeRequest *copy = g_new0 (FakeRequest, 1);

  copy->method = g_strdup (r->method);
  copy->path = g_strdup (r->path);
  copy->query = g_strdup (r->query);
  copy->authorization = g_strdup (r->authorization);
  copy->accept = g_strdup (r->accept);
  copy->content_type = g_strdup (r->content_type);
  copy->body = g_strdup (r->body);
  return copy;
}

static void
log_request (FakeServer        *self,
             SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  GUri *uri = soup_server_message_get_uri (msg);
  FakeRequest *request = g_new0 (FakeRequest, 1);
  g_autoptr(GBytes) bytes = soup_message_body_flatten (body);

  request->method = g_strdup (soup_server_message_get_method (msg));
  request->path = g_strdup (g_uri_get_path (uri));
  request->query = g_strdup (g_uri_get_query (uri));
  request->authorization = g_strdup (soup_message_headers_get_one (headers, "Authorization"));
  request->accept = g_strdup (soup_message_headers_get_one (headers, "Accept"));
  request->content_type = g_strdup (soup_message_headers_get_one (headers, "Content-Type"));
  request->body = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_mutex_lock (&self->lock);
  g_ptr_array_add (self->log, request);
  g_mutex_unlock (&self->lock);
}

static void
handle (SoupServer        *server,
        SoupServerMessage *msg,
        const char        *path,
        GHashTable        *query,
        gpointer           user_data)
{
  FakeServer *self = user_data;

  log_request (self, msg);
  self->handler (self, msg, path, self->data);
}

static gpointer
serve (gpointer data)
{
  FakeServer *self = data;
  g_autoptr(GError) error = NULL;
  GSList *uris;

  g_main_context_push_thread_default (self->context);
  self->server = soup_server_new ("server-header", "fake-api", NULL);
  soup_server_add_handler (self->server, NULL, handle, self, NULL);
  soup_server_listen_local (self->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (self->server);
  g_mutex_lock (&self->lock);
  self->base = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_cond_signal (&self->started);
  g_mutex_unlock (&self->lock);
  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);

  /* A flag, not g_main_loop_quit(): a quit before the loop runs is lost. */
  while (!g_atomic_int_get (&self->quit))
    g_main_context_iteration (self->context, TRUE);

  g_ptr_array_set_size (self->paused, 0);
  soup_server_disconnect (self->server);
  g_clear_object (&self->server);
  while (g_main_context_iteration (self->context, FALSE))
    ;
  g_main_context_pop_thread_default (self->context);
  return NULL;
}

FakeServer *
fake_server_new (FakeHandler handler,
                 gpointer    data)
{
  FakeServer *self = g_new0 (FakeServer, 1);

  self->handler = handler;
  self->data = data;
  self->context = g_main_context_new ();
  self->log = g_ptr_array_new_with_free_func ((GDestroyNotify)fake_request_free);
  self->paused = g_ptr_array_new_with_free_func (g_object_unref);
  g_mutex_init (&self->lock);
  g_cond_init (&self->started);
  g_mutex_lock (&self->lock);
  self->thread = g_thread_new ("fake-server", serve, self);
  while (self->base == NULL)
    g_cond_wait (&self->started, &self->lock);
  g_mutex_unlock (&self->lock);
  return self;
}

void
fake_server_free (FakeServer *self)
{
  g_atomic_int_set (&self->quit, TRUE);
  g_main_context_wakeup (self->context);
  g_thread_join (self->thread);
  g_main_context_unref (self->context);
  g_ptr_array_unref (self->log);
  g_ptr_array_unref (self->paused);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->started);
  g_free (self->base);
  g_free (self);
}

const char *
fake_server_get_base (FakeServer *self)
{
  return self->base;
}

GPtrArray *
fake_server_get_requests (FakeServer *self)
{
  GPtrArray *copy = g_ptr_array_new_with_free_func ((GDestroyNotify)fake_request_free);

  g_mutex_lock (&self->lock);
  for (guint i = 0; i < self->log->len; i++)
    g_ptr_array_add (copy, fake_request_copy (g_ptr_array_index (self->log, i)));
  g_mutex_unlock (&self->lock);
  return copy;
}

guint
fake_server_count (FakeServer *self,
                   const char *prefix)
{
  g_autoptr(GPtrArray) log = fake_server_get_requests (self);
  guint n = 0;

  for (guint i = 0; i < log->len; i++)
    if (g_str_has_prefix (((FakeRequest *)g_ptr_array_index (log, i))->path, prefix))
      n++;
  return n;
}

FakeRequest *
fake_server_last (FakeServer *self,
                  const char *prefix)
{
  g_autoptr(GPtrArray) log = fake_server_get_requests (self);

  for (guint i = log->len; i > 0; i--)
    {
      FakeRequest *r = g_ptr_array_index (log, i - 1);

      if (g_str_has_prefix (r->path, prefix))
        return fake_request_copy (r);
    }
  return NULL;
}

void
fake_reply_json (SoupServerMessage *msg,
                 guint              status,
                 const char        *json)
{
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json; charset=utf-8", SOUP_MEMORY_COPY,
                                    json, strlen (json));
}

void
fake_reply_bytes (SoupServerMessage *msg,
                  guint              status,
                  const char        *content_type,
                  GBytes            *bytes)
{
  SoupMessageBody *body = soup_server_message_get_response_body (msg);

  soup_server_message_set_status (msg, status, NULL);
  soup_message_headers_set_content_type (soup_server_message_get_response_headers (msg), content_type, NULL);
  soup_message_body_append_bytes (body, bytes);
  g_bytes_unref (bytes);
}

void
fake_reply_truncated (SoupServerMessage *msg,
                      const char        *text,
                      gsize              announced)
{
  GIOStream *stream = soup_server_message_steal_connection (msg);
  GOutputStream *out = g_io_stream_get_output_stream (stream);
  g_autofree char *head = g_strdup_printf ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                           "Content-Length: %" G_GSIZE_FORMAT "\r\n\r\n", announced);

  g_output_stream_write_all (out, head, strlen (head), NULL, NULL, NULL);
  g_output_stream_write_all (out, text, strlen (text), NULL, NULL, NULL);
  g_io_stream_close (stream, NULL, NULL);
  g_object_unref (stream);
}

void
fake_reply_never (SoupServerMessage *msg)
{
  soup_server_message_pause (msg);
}

typedef struct
{
  GIOStream *stream;
  char      *text;
  gsize      sent;
} Trickle;

static void
trickle_free (gpointer data)
{
  Trickle *t = data;

  g_io_stream_close (t->stream, NULL, NULL);
  g_object_unref (t->stream);
  g_free (t->text);
  g_free (t);
}

static gboolean
trickle_next (gpointer data)
{
  Trickle *t = data;
  GOutputStream *out = g_io_stream_get_output_stream (t->stream);

  if (t->text[t->sent] == '\0' ||
      !g_output_stream_write_all (out, t->text + t->sent, 1, NULL, NULL, NULL))
    return G_SOURCE_REMOVE;
  t->sent++;
  return G_SOURCE_CONTINUE;
}

void
fake_reply_trickle (SoupServerMessage *msg,
                    const char        *text,
                    guint              interval_ms)
{
  Trickle *t = g_new0 (Trickle, 1);
  g_autofree char *head = g_strdup_printf ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                           "Content-Length: %" G_GSIZE_FORMAT "\r\n\r\n", strlen (text));
  GSource *source = g_timeout_source_new (interval_ms);

  t->stream = soup_server_message_steal_connection (msg);
  t->text = g_strdup (text);
  g_output_stream_write_all (g_io_stream_get_output_stream (t->stream), head, strlen (head), NULL, NULL, NULL);
  g_source_set_callback (source, trickle_next, t, trickle_free);
  g_source_attach (source, g_main_context_get_thread_default ());
  g_source_unref (source);
}

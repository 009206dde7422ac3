/* atlas-http.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-http"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "atlas-http.h"
#include "atlas-remote-error.h"

#define MAX_REDIRECTS    5
#define MAX_RATE_WAITS   5
#define MAX_WAIT_SECONDS (2 * 3600.0)
#define CHUNK_SIZE       (64 * 1024)
#define ERROR_BODY_MAX   (256 * 1024)
/* libsoup's timeouts count inactivity: a server that sends a byte every few
 * seconds never trips them. Each exchange also has a deadline. */
#define DEFAULT_TIMEOUT_S   60
#define DEFAULT_DEADLINE_S  (15 * 60)

struct _AtlasHttp
{
  AtlasHttpService   service;
  SoupSession       *session;
  GUri              *api_base;
  char              *authorization;  /* never logged */
  guint              max_tries;
  goffset            max_size;
  double             time_scale;
  AtlasHttpWaitFunc  wait_func;
  gpointer           wait_data;
  gint64             blocked_until;  /* real time (µs) the quota resets, when it ran out */
  guint              deadline_ms;    /* for one exchange, body included */
};

static const char *
service_name (AtlasHttp *self)
{
  return self->service == ATLAS_HTTP_GITHUB ? "GitHub" : "Kaggle";
}

gboolean
atlas_http_uri_is_allowed (GUri *uri)
{
  const char *scheme = g_uri_get_scheme (uri);
  const char *host = g_uri_get_host (uri);
  g_autoptr(GInetAddress) address = NULL;

  if (host == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (scheme, "https") == 0)
    return TRUE;
  if (g_ascii_strcasecmp (scheme, "http") != 0)
    return FALSE;
  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;
  address = g_inet_address_new_from_string (host);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

static int
effective_port (GUri *uri)
{
  int port = g_uri_get_port (uri);

  if (port > 0)
    return port;
  return g_ascii_strcasecmp (g_uri_get_scheme (uri), "https") == 0 ? 443 : 80;
}

/* The credential and the service's headers go only where they belong:
 * the same scheme, host and port as the configured API base. */
static gboolean
same_origin (GUri *a,
             GUri *b)
{
  return g_ascii_strcasecmp (g_uri_get_scheme (a), g_uri_get_scheme (b)) == 0 &&
         g_ascii_strcasecmp (g_uri_get_host (a), g_uri_get_host (b)) == 0 &&
         effective_port (a) == effective_port (b);
}

/* Seconds from an environment variable (tests make them short), or @fallback. */
static double
env_seconds (const char *name,
             double      fallback)
{
  const char *value = g_getenv (name);
  double seconds;

  if (value == NULL)
    return fallback;
  seconds = g_ascii_strtod (value, NULL);
  return seconds > 0 ? seconds : fallback;
}

static void
init_time_scale (AtlasHttp *self)
{
  const char *scale = g_getenv ("CRASH_ATLAS_REMOTE_TIME_SCALE");

  self->time_scale = 1.0;
  if (scale != NULL)
    self->time_scale = CLAMP (g_ascii_strtod (scale, NULL), 0.0, 1.0);
}

AtlasHttp *
atlas_http_new (AtlasHttpService   service,
                const char        *api_base,
                const char        *authorization,
                GError           **error)
{
  g_autoptr(GUri) base = g_uri_parse (api_base, G_URI_FLAGS_ENCODED, NULL);
  g_autofree char *user_agent = g_strdup_printf ("crash-atlas/%s", PACKAGE_VERSION);
  AtlasHttp *self;

  if (base == NULL || !atlas_http_uri_is_allowed (base))
    {
      g_set_error (error, ATLAS_REMOTE_ERROR, ATLAS_REMOTE_ERROR_INSECURE,
                   _("The %s API address “%s” is refused: only https, or http to this computer"),
                   service == ATLAS_HTTP_GITHUB ? "GitHub" : "Kaggle", api_base);
      return NULL;
    }

  self = g_new0 (AtlasHttp, 1);
  self->service = service;
  self->api_base = g_steal_pointer (&base);
  self->authorization = g_strdup (authorization);
  self->max_tries = 6;
  self->max_size = ATLAS_HTTP_DEFAULT_MAX_SIZE;
  self->session = soup_session_new_with_options ("user-agent", user_agent, NULL);
  atlas_http_set_timeout (self, (guint)MAX (1.0, env_seconds ("CRASH_ATLAS_HTTP_TIMEOUT", DEFAULT_TIMEOUT_S)));
  atlas_http_set_deadline (self, env_seconds ("CRASH_ATLAS_HTTP_DEADLINE", DEFAULT_DEADLINE_S));
  init_time_scale (self);
  return self;
}

void
atlas_http_free (AtlasHttp *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->session);
  g_clear_pointer (&self->api_base, g_uri_unref);
  if (self->authorization != NULL)
    explicit_bzero (self->authorization, strlen (self->authorization));
  g_free (self->authorization);
  g_free (self);
}

void
atlas_http_set_wait_func (AtlasHttp         *self,
                          AtlasHttpWaitFunc  func,
                          gpointer           user_data)
{
  self->wait_func = func;
  self->wait_data = user_data;
}

void
atlas_http_set_timeout (AtlasHttp *self,
                        guint      seconds)
{
  g_object_set (self->session, "timeout", seconds, "idle-timeout", seconds, NULL);
}

void
atlas_http_set_deadline (AtlasHttp *self,
                         double     seconds)
{
  self->deadline_ms = (guint)CLAMP (seconds * 1000.0, 1.0, (double)G_MAXUINT);
}

void
atlas_http_set_max_tries (AtlasHttp *self,
                          guint      tries)
{
  self->max_tries = MAX (tries, 1);
}

void
atlas_http_set_max_size (AtlasHttp *self,
                         goffset    bytes)
{
  self->max_size = bytes;
}

void
atlas_http_set_time_scale (AtlasHttp *self,
                           double     scale)
{
  self->time_scale = scale;
}

gboolean
atlas_http_has_credential (AtlasHttp *self)
{
  return self->authorization != NULL;
}

char *
atlas_http_api_url (AtlasHttp  *self,
                    const char *path)
{
  g_autofree char *base = g_uri_to_string (self->api_base);

  while (g_str_has_suffix (base, "/"))
    base[strlen (base) - 1] = '\0';
  return g_strconcat (base, path, NULL);
}

void
atlas_http_reply_free (AtlasHttpReply *reply)
{
  if (reply == NULL)
    return;
  g_clear_pointer (&reply->headers, soup_message_headers_unref);
  g_clear_pointer (&reply->body, g_bytes_unref);
  g_free (reply);
}

gboolean
atlas_http_sleep (double         seconds,
                  GCancellable  *cancellable,
                  GError       **error)
{
  gint64 end = g_get_monotonic_time () + (gint64)(seconds * G_USEC_PER_SEC);
  GPollFD pollfd = { 0 };
  gboolean has_fd = cancellable != NULL && g_cancellable_make_pollfd (cancellable, &pollfd);

  for (gint64 now = g_get_monotonic_time (); now < end; now = g_get_monotonic_time ())
    {
      int timeout = (int)MIN ((end - now + 999) / 1000, G_MAXINT);

      if (g_cancellable_is_cancelled (cancellable))
        break;
      if (has_fd)
        g_poll (&pollfd, 1, timeout);
      else
        g_usleep (end - now);
    }
  if (has_fd)
    g_cancellable_release_fd (cancellable);
  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}

/* Errors */

static void
set_transport_error (GError     **error,
                     const char  *subject,
                     GUri        *uri,
                     GError      *cause)
{
  const char *host = g_uri_get_host (uri);

  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, g_error_copy (cause));
  else if (cause->domain == G_TLS_ERROR)
    g_set_error (error, ATLAS_REMOTE_ERROR, ATLAS_REMOTE_ERROR_TLS,
                 _("%s: secure connection to %s failed: %s"), subject, host, cause->message);
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    g_set_error (error, ATLAS_REMOTE_ERROR, ATLAS_REMOTE_ERROR_TIMEOUT,
                 _("%s: %s did not answer in time: %s"), subject, host, cause->message);
  else if (cause->domain == G_RESOLVER_ERROR)
    g_set_error (error, ATLAS_REMOTE_ERROR, ATLAS_REMOTE_ERROR_NETWORK,
                 _("%s: cannot find the server %s: %s"), subject, host, cause->message);
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT) ||
           g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED))
    g_set_error (error, ATLAS_REMOTE_ERROR, ATLAS_REMOTE_ERROR_TRUNCATED,
                 _("%s: the answer from %s was cut short: %s"), subject, host, cause->message);
  else
    g_set_error (error, ATLAS_REMOTE_ERROR, ATLAS_REMOTE_ERROR_NETWORK,
                 _("%s: cannot connect to %s: %s"), subject, host, cause->message);
}

/* The services explain errors in JSON ({"message"} or {"error":{"message"}});
 * the text is shown as plain text, shortened, never interpreted. */
static char *
server_message (GBytes *body)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  gsize size = 0;
  const char *data = body != NULL ? g_bytes_get_data (body, &size) : NULL;
  JsonNode *root;
  JsonObject *object;
  const char *message = NULL;

  if (data == NULL || !json_parser_load_from_data (parser, data, size, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  object = json_node_get_object (root);
  if (json_object_has_member (object, "error") &&
      JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "error")))
    object = json_object_get_object_member (object, "error");
  if (json_object_has_member (object, "message") &&
      json_node_get_value_type (json_object_get_member (object, "message")) == G_TYPE_STRING)
    message = json_object_get_string_member (object, "message");
  if (message == NULL || *message == '\0')
    return NULL;
  return g_utf8_make_valid (message, MIN (strlen (message), 300));
}

static void
set_status_error (AtlasHttp      *self,
                  GError        **error,
                  const char     *subject,
                  AtlasHttpReply *reply)
{
  g_autofree char *detail = server_message (reply->body);
  g_autofree char *suffix = detail ? g_strdup_printf (" (%s: “%s”)", service_name (self), detail) : g_strdup ("");
  guint status = reply->status;

  if (status == 401)
    g_set_error (error, ATLAS_REMOTE_ERROR, ATLAS_REMOTE_ERROR_UNAUTHORIZED,
                 self->authorization ? _("%s: the %s credential was refused (401), check it in Preferences%s")
                                     : _("%s: %s asks for a credential (401); add a token in Preferences%s"),
                 subject, service_name (self), suffix);
  else if (status == 403)
    g_set_error (error, ATLAS_REMOTE_ERROR, ATLAS_REMOTE_ERROR_FORBIDDEN,
                 self->service == ATLAS_HTTP_KAGGLE
                   ? _("%s: access denied (403): the notebook is private or the name is wrong%s")
                   : _("%s: access denied (403): a private repository, or a token without access%s"),
                 subject, suffix);
  else if (status == 404)
    g_set_error (error, ATLAS_REMOTE_ERROR, ATLAS_REMOTE_ERROR_NOT_FOUND,
                 self->authorization ? _("%s: not found (404)%s")
                                     : _("%s: not found (404); if it is private, add a token%s"),
                 subject, suffix);
  else if (status == 429 || status == 403)
    g_set_error (error, ATLAS_REMOTE_ERROR, ATLAS_REMOTE_ERROR_RATE_LIMITED,
                 _("%s: still rate-limited by %s after waiting%s"), subject, service_name (self), suffix);
  else
    g_set_error (error, ATLAS_REMOTE_ERROR, ATLAS_REMOTE_ERROR_SERVER,
                 _("%s: %s answered %u %s%s"), subject, service_name (self), status,
                 soup_status_get_phrase (status) ? soup_status_get_phrase (status) : "", suffix);
}

/* Reading bodies: capped, checked against Content-Length, to memory or a file. */

static gboolean
too_large (AtlasHttp   *self,
           GError     **error,
           const char  *subject,
           goffset      size)
{
  g_autofree char *limit = g_format_size (self->max_size);
  g_autofree char *seen = g_format_size (size);

  g_set_error (error, ATLAS_REMOTE_ERROR, ATLAS_REMOTE_ERROR_TOO_LARGE,
               _("%s: %s is over the download limit of %s"), subject, seen, limit);
  return FALSE;
}

static gboolean
read_body (AtlasHttp        *self,
           GInputStream     *stream,
           GOutputStream    *out,
           GByteArray       *buffer,
           goffset           cap,
           goffset          *size,
           const char       *subject,
           GUri             *uri,
           GCancellable     *cancellable,
           GError          **error)
{
  g_autofree guint8 *chunk = g_malloc (CHUNK_SIZE);

  *size = 0;
  for (;;)
    {
      g_autoptr(GError) local_error = NULL;
      gssize n = g_input_stream_read (stream, chunk, CHUNK_SIZE, cancellable, &local_error);

      if (n < 0)
        {
          set_transport_error (error, subject, uri, local_error);
          return FALSE;
        }
      if (n == 0)
        return TRUE;
      *size += n;
      if (*size > cap)
        return too_large (self, error, subject, *size);
      if (out != NULL && !g_output_stream_write_all (out, chunk, n, NULL, cancellable, error))
        return FALSE;
      if (buffer != NULL)
        g_byte_array_append (buffer, chunk, n);
    }
}

static gboolean
check_length (SoupMessageHeaders *headers,
              goffset             size,
              const char         *subject,
              GError            **error)
{
  goffset expected;

  /* Content-Length counts encoded bytes; after decompression it says nothing. */
  if (soup_message_headers_get_encoding (headers) != SOUP_ENCODING_CONTENT_LENGTH ||
      soup_message_headers_get_one (headers, "Content-Encoding") != NULL)
    return TRUE;
  expected = soup_message_headers_get_content_length (headers);
  if (expected == size)
    return TRUE;
  g_set_error (error, ATLAS_REMOTE_ERROR, ATLAS_REMOTE_ERROR_TRUNCATED,
               /* Translators keep %lld: a literal format, since a macro in it could not be translated. */
               _("%s: the answer was cut short (%lld of %lld bytes)"),
               subject, (long long)size, (long long)expected);
  return FALSE;
}

static gboolean
receive (AtlasHttp              *self,
         const AtlasHttpRequest *request,
         SoupMessage            *msg,
         GInputStream           *stream,
         AtlasHttpReply         *reply,
         GUri                   *uri,
         GCancellable           *cancellable,
         GError                **error)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (msg);
  gboolean success = SOUP_STATUS_IS_SUCCESSFUL (reply->status);
  goffset cap = success ? self->max_size : ERROR_BODY_MAX;
  goffset announced = soup_message_headers_get_content_length (headers);
  g_autoptr(GByteArray) buffer = NULL;
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GFile) file = NULL;
  gboolean ok;

  if (success && soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
      announced > cap)
    return too_large (self, error, request->subject, announced);

  if (success && request->to_file != NULL)
    {
      file = g_file_new_for_path (request->to_file);
      if ((out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_PRIVATE, cancellable, error)) == NULL)
        return FALSE;
    }
  else
    buffer = g_byte_array_new ();

  ok = read_body (self, stream, out ? G_OUTPUT_STREAM (out) : NULL, buffer, cap, &reply->size,
                  request->subject, uri, cancellable, error) &&
       (out == NULL || g_output_stream_close (G_OUTPUT_STREAM (out), cancellable, error)) &&
       (!success || check_length (headers, reply->size, request->subject, error));
  if (!ok && file != NULL)
    g_file_delete (file, NULL, NULL);
  if (ok && buffer != NULL)
    reply->body = g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
  return ok;
}

static SoupMessage *
build_message (AtlasHttp              *self,
               const AtlasHttpRequest *request,
               const char             *method,
               GUri                   *uri)
{
  SoupMessage *msg = soup_message_new_from_uri (method, uri);
  SoupMessageHeaders *headers = soup_message_get_request_headers (msg);
  gboolean to_api = same_origin (uri, self->api_base);

  soup_message_add_flags (msg, SOUP_MESSAGE_NO_REDIRECT);
  if (request->accept != NULL)
    soup_message_headers_replace (headers, "Accept", request->accept);
  else if (self->service == ATLAS_HTTP_GITHUB)
    soup_message_headers_replace (headers, "Accept", "application/vnd.github+json");
  else
    soup_message_headers_replace (headers, "Accept", "application/json");
  if (to_api && self->service == ATLAS_HTTP_GITHUB)
    soup_message_headers_replace (headers, "X-GitHub-Api-Version", "2022-11-28");
  if (to_api && request->authenticated && self->authorization != NULL)
    soup_message_headers_replace (headers, "Authorization", self->authorization);
  if (request->json_body != NULL && strcmp (method, "POST") == 0)
    soup_message_set_request_body_from_bytes (msg, "application/json", request->json_body);
  return msg;
}

static gboolean
is_redirect (guint status)
{
  return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

/* Deadlines: a timer on a context of its own cancels a cancellable the
 * exchange uses, whatever thread runs it (the sync API runs no main loop
 * of its own that a timer could ride on). */
static gpointer
deadline_thread (gpointer data)
{
  GMainContext *context = data;

  for (;;)
    g_main_context_iteration (context, TRUE);
  return NULL;
}

static GMainContext *
deadline_context (void)
{
  static GMainContext *context;

  if (g_once_init_enter (&context))
    {
      GMainContext *new_context = g_main_context_new ();

      g_thread_unref (g_thread_new ("atlas-http-deadline", deadline_thread, new_context));
      g_once_init_leave (&context, new_context);
    }
  return context;
}

static gboolean
deadline_expired (gpointer data)
{
  g_cancellable_cancel (G_CANCELLABLE (data));
  return G_SOURCE_REMOVE;
}

static void
forward_cancel (GCancellable *cancellable,
                gpointer      data)
{
  g_cancellable_cancel (G_CANCELLABLE (data));
}

typedef struct
{
  GCancellable *outer;     /* the caller's, or NULL */
  GCancellable *combined;  /* cancelled by the caller or the deadline */
  GSource      *timer;
  gulong        handler;
} Deadline;

static void
deadline_start (Deadline     *deadline,
                guint         ms,
                GCancellable *outer)
{
  deadline->outer = outer;
  deadline->combined = g_cancellable_new ();
  deadline->handler = outer ? g_cancellable_connect (outer, G_CALLBACK (forward_cancel),
                                                     g_object_ref (deadline->combined), g_object_unref)
                            : 0;
  deadline->timer = g_timeout_source_new (ms);
  g_source_set_callback (deadline->timer, deadline_expired, g_object_ref (deadline->combined), g_object_unref);
  g_source_attach (deadline->timer, deadline_context ());
}

static void
deadline_stop (Deadline *deadline)
{
  g_source_destroy (deadline->timer);
  g_source_unref (deadline->timer);
  if (deadline->handler != 0)
    g_cancellable_disconnect (deadline->outer, deadline->handler);
  g_object_unref (deadline->combined);
}

/* One exchange, following redirects by hand so each hop is checked:
 * never to plain http (except loopback), and the credential only to the
 * API origin (build_message() decides per hop). */
static AtlasHttpReply *
exchange (AtlasHttp              *self,
          const AtlasHttpRequest *request,
          GCancellable           *cancellable,
          GError                **error);

/* One exchange within the deadline; running out of it is a timeout (which
 * is retried like one), the caller's cancel stays a cancel. */
static AtlasHttpReply *
send_once (AtlasHttp              *self,
           const AtlasHttpRequest *request,
           GCancellable           *cancellable,
           GError                **error)
{
  g_autoptr(GError) local_error = NULL;
  AtlasHttpReply *reply;
  Deadline deadline;

  deadline_start (&deadline, self->deadline_ms, cancellable);
  reply = exchange (self, request, deadline.combined, &local_error);
  deadline_stop (&deadline);
  if (reply == NULL && g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
      !g_cancellable_is_cancelled (cancellable))
    {
      g_autoptr(GUri) uri = g_uri_parse (request->url, G_URI_FLAGS_ENCODED, NULL);

      g_clear_error (&local_error);
      g_set_error (&local_error, ATLAS_REMOTE_ERROR, ATLAS_REMOTE_ERROR_TIMEOUT,
                   _("%s: %s did not finish answering within %.0f s"), request->subject,
                   uri && g_uri_get_host (uri) ? g_uri_get_host (uri) : "?", self->deadline_ms / 1000.0);
    }
  if (reply == NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return reply;
}

static AtlasHttpReply *
exchange (AtlasHttp              *self,
          const AtlasHttpRequest *request,
          GCancellable           *cancellable,
          GError                **error)
{
  g_autoptr(GUri) uri = g_uri_parse (request->url, G_URI_FLAGS_ENCODED, NULL);
  const char *method = request->method ? request->method : "GET";

  for (guint hop = 0; uri != NULL && hop <= MAX_REDIRECTS; hop++)
    {
      g_autoptr(SoupMessage) msg = NULL;
      g_autoptr(GInputStream) stream = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autoptr(AtlasHttpReply) reply = NULL;
      const char *location;

      if (!atlas_http_uri_is_allowed (uri))
        {
          g_set_error (error, ATLAS_REMOTE_ERROR, ATLAS_REMOTE_ERROR_INSECURE,
                       _("%s: refusing to connect to %s without encryption (only https, or http to this computer)"),
                       request->subject, g_uri_get_host (uri) ? g_uri_get_host (uri) : "?");
          return NULL;
        }
      msg = build_message (self, request, method, uri);
      if (g_log_writer_default_would_drop (G_LOG_LEVEL_DEBUG, G_LOG_DOMAIN) == FALSE)
        {
          g_autofree char *shown = g_uri_to_string_partial (uri, G_URI_HIDE_USERINFO);

          g_debug ("%s %s", method, shown);
        }
      if ((stream = soup_session_send (self->session, msg, cancellable, &local_error)) == NULL)
        {
          set_transport_error (error, request->subject, uri, local_error);
          return NULL;
        }
      reply = g_new0 (AtlasHttpReply, 1);
      reply->status = soup_message_get_status (msg);
      reply->headers = soup_message_headers_ref (soup_message_get_response_headers (msg));
      location = soup_message_headers_get_one (reply->headers, "Location");
      if (is_redirect (reply->status) && location != NULL)
        {
          GUri *next = g_uri_parse_relative (uri, location, G_URI_FLAGS_ENCODED, NULL);

          g_input_stream_close (stream, NULL, NULL);
          g_uri_unref (uri);
          uri = next;
          if (reply->status == 303)
            method = "GET";
          continue;
        }
      if (!receive (self, request, msg, stream, reply, uri, cancellable, error))
        return NULL;
      return g_steal_pointer (&reply);
    }

  g_set_error (error, ATLAS_REMOTE_ERROR,
               uri == NULL ? ATLAS_REMOTE_ERROR_INVALID_RESPONSE : ATLAS_REMOTE_ERROR_TOO_MANY_REDIRECTS,
               uri == NULL ? _("%s: the server redirected to an invalid address")
                           : _("%s: too many redirects"), request->subject);
  return NULL;
}

/* Retries and rate limits */

static double
backoff (guint attempt)
{
  /* about 0.5 s × 1.7^n, with jitter so many clients do not retry in step */
  return 0.5 * pow (1.7, attempt) * g_random_double_range (0.5, 1.5);
}

static gboolean
is_rate_limited (AtlasHttpReply *reply)
{
  const char *remaining = soup_message_headers_get_one (reply->headers, "x-ratelimit-remaining");
  g_autofree char *message = NULL;

  if (reply->status == 429)
    return TRUE;
  if (reply->status != 403)
    return FALSE;
  if (g_strcmp0 (remaining, "0") == 0 || soup_message_headers_get_one (reply->headers, "Retry-After"))
    return TRUE;
  message = server_message (reply->body);
  return message != NULL && strstr (message, "rate limit") != NULL;
}

/* Seconds from Retry-After (seconds or an HTTP date), or -1. */
static double
retry_after (SoupMessageHeaders *headers)
{
  const char *value = soup_message_headers_get_one (headers, "Retry-After");
  g_autoptr(GDateTime) date = NULL;
  g_autoptr(GDateTime) now = NULL;
  guint64 seconds;

  if (value == NULL)
    return -1;
  if (g_ascii_string_to_unsigned (value, 10, 0, G_MAXUINT32, &seconds, NULL))
    return (double)seconds;
  if ((date = soup_date_time_new_from_http_string (value)) == NULL)
    return -1;
  now = g_date_time_new_now_utc ();
  return MAX (1.0, g_date_time_difference (date, now) / (double)G_USEC_PER_SEC);
}

/* Seconds until x-ratelimit-reset when nothing remains, or -1. */
static double
until_reset (SoupMessageHeaders *headers)
{
  const char *remaining = soup_message_headers_get_one (headers, "x-ratelimit-remaining");
  const char *reset = soup_message_headers_get_one (headers, "x-ratelimit-reset");
  gint64 epoch;

  if (g_strcmp0 (remaining, "0") != 0 || reset == NULL ||
      !g_ascii_string_to_signed (reset, 10, 0, G_MAXINT64, &epoch, NULL))
    return -1;
  return MAX (1.0, (double)(epoch - g_get_real_time () / G_USEC_PER_SEC) + 1.0);
}

static double
rate_limit_wait (AtlasHttp      *self,
                 AtlasHttpReply *reply,
                 guint           n_waits,
                 const char    **why)
{
  double seconds;

  if ((seconds = retry_after (reply->headers)) >= 0)
    {
      *why = _("as its Retry-After header asks");
      return seconds;
    }
  if ((seconds = until_reset (reply->headers)) >= 0)
    {
      *why = _("until its rate limit resets");
      return seconds;
    }
  *why = _("backing off");
  /* GitHub: without a hint, wait at least a minute, then longer. */
  if (self->service == ATLAS_HTTP_GITHUB)
    return 60.0 * pow (1.7, n_waits) * g_random_double_range (1.0, 1.2);
  return backoff (n_waits);
}

static gboolean
wait_for (AtlasHttp     *self,
          double         seconds,
          const char    *reason,
          GCancellable  *cancellable,
          GError       **error)
{
  if (self->wait_func != NULL)
    self->wait_func (seconds, reason, self->wait_data);
  g_debug ("waiting %.1f s: %s", seconds, reason);
  return atlas_http_sleep (seconds * self->time_scale, cancellable, error);
}

static gboolean
is_transient (GError *error)
{
  return g_error_matches (error, ATLAS_REMOTE_ERROR, ATLAS_REMOTE_ERROR_TIMEOUT) ||
         g_error_matches (error, ATLAS_REMOTE_ERROR, ATLAS_REMOTE_ERROR_TRUNCATED);
}

/* Decides what to do after a failed exchange: TRUE to try again (after
 * waiting), FALSE with @error set to give up. */
static gboolean
should_retry (AtlasHttp               *self,
              const AtlasHttpRequest  *request,
              AtlasHttpReply          *reply,
              GError                 **failure,
              guint                    attempt,
              guint                   *n_rate_waits,
              GCancellable            *cancellable,
              GError                 **error)
{
  g_autofree char *reason = NULL;
  const char *why = NULL;
  double seconds;

  if (reply != NULL && is_rate_limited (reply) && *n_rate_waits < MAX_RATE_WAITS)
    {
      seconds = rate_limit_wait (self, reply, (*n_rate_waits)++, &why);
      if (seconds > MAX_WAIT_SECONDS)
        {
          g_set_error (error, ATLAS_REMOTE_ERROR, ATLAS_REMOTE_ERROR_RATE_LIMITED,
                       _("%s: rate-limited by %s for another %.0f minutes; try again later"),
                       request->subject, service_name (self), ceil (seconds / 60));
          return FALSE;
        }
      reason = g_strdup_printf (_("%s is rate-limiting requests: waiting %.0f s %s"),
                                service_name (self), ceil (seconds), why);
      return wait_for (self, seconds, reason, cancellable, error);
    }

  if (attempt + 1 < self->max_tries &&
      ((reply != NULL && reply->status >= 500) || (reply == NULL && is_transient (*failure))))
    {
      seconds = backoff (attempt);
      reason = reply ? g_strdup_printf (_("%s answered %u: trying again in %.1f s"),
                                        service_name (self), reply->status, seconds)
                     : g_strdup_printf (_("%s: trying again in %.1f s"), (*failure)->message, seconds);
      return wait_for (self, seconds, reason, cancellable, error);
    }

  if (reply != NULL)
    set_status_error (self, error, request->subject, reply);
  else
    g_propagate_error (error, g_steal_pointer (failure));
  return FALSE;
}

/* A success that used the last request of the quota: the next request
 * would be refused, so it waits for the reset instead of spending a try. */
static void
note_quota (AtlasHttp      *self,
            AtlasHttpReply *reply)
{
  double seconds = until_reset (reply->headers);

  self->blocked_until = seconds > 0 ? g_get_real_time () + (gint64)(seconds * G_USEC_PER_SEC) : 0;
}

static gboolean
wait_for_quota (AtlasHttp     *self,
                GCancellable  *cancellable,
                GError       **error)
{
  double seconds = (self->blocked_until - g_get_real_time ()) / (double)G_USEC_PER_SEC;
  g_autofree char *reason = NULL;

  self->blocked_until = 0;
  if (seconds <= 0)
    return TRUE;
  reason = g_strdup_printf (_("%s’s request quota is used up: waiting %.0f s until it resets"),
                            service_name (self), ceil (seconds));
  return wait_for (self, MIN (seconds, MAX_WAIT_SECONDS), reason, cancellable, error);
}

AtlasHttpReply *
atlas_http_send (AtlasHttp               *self,
                 const AtlasHttpRequest  *request,
                 GCancellable            *cancellable,
                 GError                 **error)
{
  guint n_rate_waits = 0;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (request != NULL && request->url != NULL, NULL);

  if (!wait_for_quota (self, cancellable, error))
    return NULL;
  for (guint attempt = 0;; attempt++)
    {
      g_autoptr(GError) failure = NULL;
      g_autoptr(AtlasHttpReply) reply = send_once (self, request, cancellable, &failure);

      if (reply != NULL && SOUP_STATUS_IS_SUCCESSFUL (reply->status))
        {
          note_quota (self, reply);
          return g_steal_pointer (&reply);
        }
      if (g_error_matches (failure, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
          (failure != NULL && !is_transient (failure)))
        {
          g_propagate_error (error, g_steal_pointer (&failure));
          return NULL;
        }
      if (!should_retry (self, request, reply, &failure, attempt, &n_rate_waits, cancellable, error))
        return NULL;
    }
}

JsonNode *
atlas_http_send_json (AtlasHttp               *self,
                      const AtlasHttpRequest  *request,
                      SoupMessageHeaders     **headers,
                      GCancellable            *cancellable,
                      GError                 **error)
{
  g_autoptr(AtlasHttpReply) reply = atlas_http_send (self, request, cancellable, error);
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) parse_error = NULL;
  gsize size = 0;
  const char *data;

  if (reply == NULL)
    return NULL;
  data = g_bytes_get_data (reply->body, &size);
  parser = json_parser_new_immutable ();
  if (size == 0 || !json_parser_load_from_data (parser, data, size, &parse_error) ||
      json_parser_get_root (parser) == NULL)
    {
      g_set_error (error, ATLAS_REMOTE_ERROR, ATLAS_REMOTE_ERROR_INVALID_RESPONSE,
                   _("%s: %s answered with invalid JSON%s%s"), request->subject, service_name (self),
                   parse_error ? ": " : "", parse_error ? parse_error->message : "");
      return NULL;
    }
  if (headers != NULL)
    *headers = soup_message_headers_ref (reply->headers);
  return json_node_ref (json_parser_get_root (parser));
}

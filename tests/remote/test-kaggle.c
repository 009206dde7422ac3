/* test-kaggle.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>

#include "atlas-notebook-reader.h"
#include "atlas-remote-private.h"
#include "remote-test-util.h"

#define SERVICE "/v1/kernels.KernelsApiService/"

/* The fake Kaggle API: alice/k1 has an executed notebook, alice/k2 only a
 * log with a traceback, alice/k3 only its saved source, alice/k4's run
 * failed (out of memory) without a cell error, alice/private is private. */
typedef struct
{
  FakeServer *other;    /* where signed download URLs point */
  guint       limit429; /* rate-limit this many calls */
  gboolean    repeat_token; /* the second page names itself as the next */
} Kaggle;

static Kaggle kg;

static const char *log_k2 =
  "[{\"stream_name\":\"stdout\",\"time\":1.5,\"data\":\"loading\\n\"},"
  "{\"stream_name\":\"stderr\",\"time\":3.2,\"data\":\"Traceback (most recent call last):\\n"
  "  Cell In[2], line 1\\n----> 1 pd.read_csv('x')\\n\"},"
  "{\"stream_name\":\"stderr\",\"time\":3.3,\"data\":\"\\u001b[0;31mFileNotFoundError\\u001b[0m: [Errno 2] No such file or directory: 'x'\\n\"}]";

static JsonObject *
request_body (SoupServerMessage *msg,
              JsonNode         **keep)
{
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  g_autoptr(GBytes) bytes = soup_message_body_flatten (body);
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (!json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL))
    return NULL;
  *keep = json_node_copy (json_parser_get_root (parser));
  return JSON_NODE_HOLDS_OBJECT (*keep) ? json_node_get_object (*keep) : NULL;
}

static void
reply_list (SoupServerMessage *msg,
            JsonObject        *body)
{
  const char *token = json_object_get_string_member_with_default (body, "pageToken", NULL);

  if (g_strcmp0 (json_object_get_string_member_with_default (body, "sortBy", ""), "NONSENSE") == 0)
    return fake_reply_json (msg, 400, "{\"code\":400,\"message\":\"Invalid value for sortBy\"}");
  if (token == NULL)
    fake_reply_json (msg, 200,
      "{\"kernels\":[{\"ref\":\"alice/k1\",\"title\":\"K1\",\"author\":\"alice\",\"slug\":\"k1\",\"language\":\"python\","
      "\"kernelType\":\"notebook\",\"totalVotes\":9,\"currentVersionNumber\":3},"
      "{\"ref\":\"alice/k2\",\"title\":\"K2\",\"slug\":\"k2\",\"currentVersionNumber\":1}],\"nextPageToken\":\"p2\"}");
  else if (kg.repeat_token)
    fake_reply_json (msg, 200,
      "{\"kernels\":[{\"ref\":\"alice/k3\",\"title\":\"K3\",\"slug\":\"k3\",\"currentVersionNumber\":7}],"
      "\"nextPageToken\":\"p2\"}");
  else
    fake_reply_json (msg, 200,
      "{\"kernels\":[{\"ref\":\"alice/k3\",\"title\":\"K3\",\"slug\":\"k3\",\"currentVersionNumber\":7},"
      "{\"ref\":\"alice/k4\",\"title\":\"K4\",\"slug\":\"k4\",\"currentVersionNumber\":2}]}");
}

static void
reply_output (SoupServerMessage *msg,
              const char        *slug)
{
  g_autofree char *json = NULL;

  if (g_strcmp0 (slug, "k1") == 0)
    json = g_strdup_printf ("{\"files\":[{\"fileName\":\"submission.csv\",\"url\":\"%s/signed/sub.csv?X-Goog-Signature=1\"},"
                            "{\"fileName\":\"__notebook__.ipynb\",\"url\":\"%s/signed/k1/__notebook__.ipynb?X-Goog-Signature=abc\"}],"
                            "\"log\":\"[]\"}", fake_server_get_base (kg.other), fake_server_get_base (kg.other));
  else if (g_strcmp0 (slug, "k2") == 0)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "files");
      json_builder_begin_array (builder);
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "log");
      json_builder_add_string_value (builder, log_k2);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      json = json_to_string (root, FALSE);
    }
  else if (g_strcmp0 (slug, "private") == 0)
    return fake_reply_json (msg, 403, "{\"code\":403,\"message\":\"Permission 'kernels.get' was denied\"}");
  else
    json = g_strdup ("{\"files\":[],\"log\":\"[]\"}");
  fake_reply_json (msg, 200, json);
}

static void
reply_kernel (SoupServerMessage *msg,
              const char        *slug)
{
  g_autofree char *source = test_notebook ("", 0);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;

  if (g_strcmp0 (slug, "private") == 0)
    return fake_reply_json (msg, 403, "{\"code\":403,\"message\":\"Permission 'kernels.get' was denied\"}");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "metadata");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "ref");
  json_builder_add_string_value (builder, slug);
  json_builder_set_member_name (builder, "currentVersionNumber");
  json_builder_add_int_value (builder, 5);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "blob");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "source");
  json_builder_add_string_value (builder, source);
  json_builder_set_member_name (builder, "kernelType");
  json_builder_add_string_value (builder, "notebook");
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json = json_to_string (root, FALSE);
  fake_reply_json (msg, 200, json);
}

static void
kaggle_handler (FakeServer        *server,
                SoupServerMessage *msg,
                const char        *path,
                gpointer           data)
{
  g_autoptr(JsonNode) keep = NULL;
  JsonObject *body;
  const char *slug;
  const char *type = soup_message_headers_get_content_type (soup_server_message_get_request_headers (msg), NULL);

  if (g_strcmp0 (soup_server_message_get_method (msg), "POST") != 0 || g_strcmp0 (type, "application/json") != 0)
    return fake_reply_json (msg, 405, "{\"code\":405,\"message\":\"POST application/json only\"}");
  if ((body = request_body (msg, &keep)) == NULL)
    return fake_reply_json (msg, 400, "{\"code\":400,\"message\":\"bad body\"}");
  if (kg.limit429 > 0)
    {
      kg.limit429--;
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Retry-After", "2");
      return fake_reply_json (msg, 429, "{\"error\":{\"code\":429,\"message\":\"Too many requests\",\"status\":\"RESOURCE_EXHAUSTED\"}}");
    }
  slug = json_object_get_string_member_with_default (body, "kernelSlug", NULL);
  if (g_strcmp0 (path, SERVICE "ListKernels") == 0)
    return reply_list (msg, body);
  if (g_strcmp0 (path, SERVICE "ListKernelSessionOutput") == 0)
    return reply_output (msg, slug);
  if (g_strcmp0 (path, SERVICE "GetKernel") == 0)
    return reply_kernel (msg, slug);
  if (g_strcmp0 (path, SERVICE "GetKernelSessionStatus") == 0)
    {
      if (g_strcmp0 (slug, "k4") == 0)
        return fake_reply_json (msg, 200, "{\"status\":\"ERROR\",\"failureMessage\":\"Your notebook tried to allocate more memory than is available.\"}");
      return fake_reply_json (msg, 200, "{\"status\":\"COMPLETE\"}");
    }
  fake_reply_json (msg, 404, "{\"code\":404,\"message\":\"Not found\"}");
}

static void
storage_handler (FakeServer        *server,
                 SoupServerMessage *msg,
                 const char        *path,
                 gpointer           data)
{
  char *text;

  if (!g_str_has_prefix (path, "/signed/k1/"))
    return fake_reply_json (msg, 404, "{}");
  text = test_notebook ("ValueError", 20);
  fake_reply_bytes (msg, 200, "application/octet-stream", g_bytes_new_take (text, strlen (text)));
}

typedef struct
{
  FakeServer       *api;
  AtlasCredentials *credentials;
  Collected         c;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  memset (&kg, 0, sizeof kg);
  test_fresh_cache ();
  kg.other = fake_server_new (storage_handler, NULL);
  f->api = fake_server_new (kaggle_handler, NULL);
  g_setenv ("CRASH_ATLAS_KAGGLE_API", fake_server_get_base (f->api), TRUE);
  f->credentials = atlas_credentials_new ();
  atlas_credentials_set (f->credentials, ATLAS_SECRET_KAGGLE_TOKEN, "kgl_tok");
  collected_init (&f->c);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  collected_clear (&f->c);
  atlas_credentials_free (f->credentials);
  fake_server_free (f->api);
  fake_server_free (kg.other);
}

static JsonObject *
parsed (const char *text,
        JsonNode  **keep)
{
  *keep = json_from_string (text, NULL);
  g_assert_nonnull (*keep);
  return json_node_get_object (*keep);
}

static void
test_list_and_provenance (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(JsonNode) first = NULL;
  g_autoptr(JsonNode) second = NULL;
  g_autoptr(FakeRequest) download = NULL;
  g_autoptr(AtlasNotebookInfo) info3 = NULL;
  g_autoptr(AtlasNotebookInfo) info4 = NULL;
  JsonObject *body;
  AtlasRemoteItem *k1, *k2, *k3, *k4;
  AtlasCrash *crash;
  guint n_list = 0;

  g_assert_true (collect ("kaggle-competition:titanic?sort=vote_count", f->credentials, &f->c, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->c.items->len, ==, 4);

  /* ListKernels: POST JSON, camelCase, defaults omitted, paged by token */
  log = fake_server_get_requests (f->api);
  for (guint i = 0; i < log->len; i++)
    {
      FakeRequest *r = g_ptr_array_index (log, i);

      g_assert_cmpstr (r->method, ==, "POST");
      g_assert_cmpstr (r->authorization, ==, "Bearer kgl_tok");
      if (g_strcmp0 (r->path, SERVICE "ListKernels") != 0)
        continue;
      if (n_list++ == 0)
        body = parsed (r->body, &first);
      else
        body = parsed (r->body, &second);
      g_assert_cmpstr (json_object_get_string_member (body, "competition"), ==, "titanic");
      g_assert_cmpstr (json_object_get_string_member (body, "sortBy"), ==, "VOTE_COUNT");
      g_assert_cmpstr (json_object_get_string_member (body, "kernelType"), ==, "notebook");
      g_assert_cmpint (json_object_get_int_member (body, "pageSize"), ==, 100);
      g_assert_false (json_object_has_member (body, "search"));
    }
  g_assert_cmpuint (n_list, ==, 2);
  g_assert_false (json_object_has_member (json_node_get_object (first), "pageToken"));
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (second), "pageToken"), ==, "p2");

  k1 = collected_find (&f->c, "/code/alice/k1");
  k2 = collected_find (&f->c, "/code/alice/k2");
  k3 = collected_find (&f->c, "/code/alice/k3");
  k4 = collected_find (&f->c, "/code/alice/k4");

  /* k1: the executed notebook, fetched from the signed URL without the token */
  g_assert_cmpint (k1->provenance, ==, ATLAS_REMOTE_FROM_EXECUTED);
  g_assert_cmpuint (item_n_crashes (k1), ==, 1);
  g_assert_cmpstr (k1->location, ==, "https://www.kaggle.com/code/alice/k1");
  g_assert_cmpint (atlas_notebook_get_platform (k1->notebook), ==, ATLAS_PLATFORM_KAGGLE);
  g_assert_cmpstr (k1->key, ==, "kaggle:alice/k1@3");
  download = fake_server_last (kg.other, "/signed/k1/__notebook__.ipynb");
  g_assert_nonnull (download);
  g_assert_null (download->authorization);
  g_assert_cmpuint (fake_server_count (kg.other, "/signed/sub.csv"), ==, 0);

  /* k2: the crash from the log, on the cell In[2] names */
  g_assert_cmpint (k2->provenance, ==, ATLAS_REMOTE_FROM_LOG);
  g_assert_cmpuint (item_n_crashes (k2), ==, 1);
  crash = g_ptr_array_index (atlas_notebook_get_crashes (k2->notebook), 0);
  g_assert_cmpstr (atlas_crash_get_ename (crash), ==, "FileNotFoundError");
  g_assert_nonnull (strstr (atlas_crash_get_evalue (crash), "No such file"));
  g_assert_cmpuint (atlas_crash_get_cell (crash), ==, 2);

  /* k3: only the source, no outputs: unknown, not clean */
  g_assert_cmpint (k3->provenance, ==, ATLAS_REMOTE_FROM_SOURCE);
  g_assert_cmpint (k3->status, ==, ATLAS_NOTEBOOK_STATUS_NOT_EXECUTED);
  info3 = atlas_remote_item_to_info (k3);
  g_assert_cmpint (info3->status, ==, ATLAS_NOTEBOOK_STATUS_NOT_EXECUTED);
  g_assert_nonnull (strstr (info3->message, "unknown"));

  /* k4: failed run without a cell error */
  g_assert_cmpint (k4->status, ==, ATLAS_NOTEBOOK_STATUS_RUN_FAILED);
  info4 = atlas_remote_item_to_info (k4);
  g_assert_cmpint (info4->status, ==, ATLAS_NOTEBOOK_STATUS_RUN_FAILED);
  g_assert_nonnull (strstr (info4->message, "allocate more memory"));
  g_assert_cmpstr (info4->url, ==, "https://www.kaggle.com/code/alice/k4");
}

static void
test_basic_auth (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasCredentials) legacy = atlas_credentials_new ();
  g_autoptr(FakeRequest) r = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *b64 = g_base64_encode ((const guchar *)"alice:k3y", 9);

  atlas_credentials_set (legacy, ATLAS_SECRET_KAGGLE_USERNAME, "alice");
  atlas_credentials_set (legacy, ATLAS_SECRET_KAGGLE_KEY, "k3y");
  g_assert_true (collect ("https://www.kaggle.com/code/alice/k1", legacy, &f->c, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->c.items->len, ==, 1);
  r = fake_server_last (f->api, SERVICE "ListKernelSessionOutput");
  expected = g_strconcat ("Basic ", b64, NULL);
  g_assert_cmpstr (r->authorization, ==, expected);
  g_clear_pointer (&r, fake_request_free);
  r = fake_server_last (kg.other, "/signed/");
  g_assert_null (r->authorization);
}

static void
test_private (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  AtlasRemoteItem *item;

  g_assert_true (collect ("kaggle:alice/private", f->credentials, &f->c, NULL, &error));
  g_assert_no_error (error);
  item = g_ptr_array_index (f->c.items, 0);
  g_assert_error (item->error, ATLAS_REMOTE_ERROR, ATLAS_REMOTE_ERROR_FORBIDDEN);
  g_assert_nonnull (strstr (item->error->message, "alice/private"));
  g_assert_nonnull (strstr (item->error->message, "private"));
  g_assert_null (strstr (item->error->message, "kgl_tok"));
}

static void
test_rate_limit (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  kg.limit429 = 2;
  g_assert_true (collect ("kaggle:alice/k1", f->credentials, &f->c, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->c.waits->len, ==, 2);
  g_assert_cmpfloat (g_array_index (f->c.waits, double, 0), ==, 2.0);
  g_assert_cmpuint (item_n_crashes (g_ptr_array_index (f->c.items, 0)), ==, 1);
}

static void
test_error_message (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (collect ("kaggle-search:titanic?sort=nonsense", f->credentials, &f->c, NULL, &error));
  g_assert_error (error, ATLAS_REMOTE_ERROR, ATLAS_REMOTE_ERROR_SERVER);
  g_assert_nonnull (strstr (error->message, "Invalid value for sortBy"));
  g_assert_nonnull (strstr (error->message, "titanic"));
}

static void
test_resume (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  Collected again;
  guint per_kernel;

  f->c.cancel_after = 2;
  g_assert_false (collect ("kaggle-competition:titanic", f->credentials, &f->c, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (f->c.items->len, ==, 2);
  per_kernel = fake_server_count (f->api, SERVICE "ListKernelSessionOutput");
  g_assert_cmpuint (per_kernel, ==, 2);

  collected_init (&again);
  g_clear_error (&error);
  g_assert_true (collect ("kaggle-competition:titanic", f->credentials, &again, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (again.items->len, ==, 4);
  /* k1 and k2 came from the cache, with their provenance and status */
  g_assert_cmpuint (fake_server_count (f->api, SERVICE "ListKernelSessionOutput"), ==, per_kernel + 2);
  g_assert_true (collected_find (&again, "/k1")->from_cache);
  g_assert_cmpint (collected_find (&again, "/k2")->provenance, ==, ATLAS_REMOTE_FROM_LOG);
  g_assert_cmpuint (item_n_crashes (collected_find (&again, "/k2")), ==, 1);
  g_assert_cmpint (collected_find (&again, "/k4")->status, ==, ATLAS_NOTEBOOK_STATUS_RUN_FAILED);
  collected_clear (&again);
}

#define ADD(name, func) g_test_add ("/Remote/Kaggle/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)

/* A page token the server repeats looped (up to the max, or without end
 * when its kernels were unusable): the listing stops with a clear error. */
static void
test_repeated_token (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  kg.repeat_token = TRUE;
  g_assert_false (collect ("kaggle-competition:titanic?max=1000", f->credentials, &f->c, NULL, &error));
  g_assert_error (error, ATLAS_REMOTE_ERROR, ATLAS_REMOTE_ERROR_INVALID_RESPONSE);
  g_assert_nonnull (strstr (error->message, "page token “p2” a second time"));
  g_assert_cmpuint (fake_server_count (f->api, SERVICE "ListKernels"), ==, 2);
}

/* json-glib reads 1e999 as infinity and wrote it back as "inf.0"; the
 * rebuilt notebook was refused and the logged crash lost. A source with
 * Python's NaN lost its cells. */
static void
test_log_non_finite (void)
{
  static const char *const sources[] = {
    "{\"nbformat\":4,\"nbformat_minor\":5,\"metadata\":{\"x\":1e999},\"cells\":["
    "{\"cell_type\":\"code\",\"source\":\"import pandas as pd\",\"metadata\":{},\"outputs\":[]},"
    "{\"cell_type\":\"code\",\"source\":\"pd.read_csv('x')\",\"metadata\":{\"v\":-1e999},\"outputs\":[]}]}",
    "{\"nbformat\":4,\"nbformat_minor\":5,\"metadata\":{\"x\":NaN,\"s\":\"NaN \\\" Infinity\"},\"cells\":["
    "{\"cell_type\":\"code\",\"source\":\"import pandas as pd\",\"metadata\":{},\"outputs\":[]},"
    "{\"cell_type\":\"code\",\"source\":\"pd.read_csv('x')\",\"metadata\":{\"v\":-Infinity},\"outputs\":[]}]}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    {
      g_autoptr(GBytes) source = g_bytes_new_static (sources[i], strlen (sources[i]));
      g_autoptr(GBytes) rebuilt = _atlas_kaggle_log_to_notebook (log_k2, source);
      g_autoptr(GError) error = NULL;
      g_autoptr(AtlasNotebook) nb = NULL;

      g_assert_nonnull (rebuilt);
      g_assert_null (g_strstr_len (g_bytes_get_data (rebuilt, NULL), g_bytes_get_size (rebuilt), "inf.0"));
      nb = atlas_notebook_read_bytes (rebuilt, "kaggle:alice/k2", ATLAS_PLATFORM_KAGGLE, ATLAS_READ_DEFAULT, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (atlas_notebook_get_n_cells (nb), ==, 2);
      g_assert_cmpuint (atlas_notebook_get_crashes (nb)->len, ==, 1);
      g_assert_cmpuint (atlas_crash_get_cell (g_ptr_array_index (atlas_notebook_get_crashes (nb), 0)), ==, 1);
    }
}

int
main (int    argc,
      char **argv)
{
  test_remote_init (&argc, &argv);

  ADD ("list-and-provenance", test_list_and_provenance);
  ADD ("basic-auth", test_basic_auth);
  ADD ("private", test_private);
  ADD ("rate-limit", test_rate_limit);
  ADD ("error-message", test_error_message);
  ADD ("resume", test_resume);
  ADD ("repeated-token", test_repeated_token);
  g_test_add_func ("/Remote/Kaggle/log-non-finite", test_log_non_finite);

  return g_test_run ();
}

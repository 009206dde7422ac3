/* test-github.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "remote-test-util.h"

#define BIG_PAD (1500 * 1024)

/* The fake GitHub: repository o/r holds a.ipynb (crash), dir/b.ipynb (over
 * 1 MB, crash), other/c.ipynb (clean), a checkpoint copy and a README. */
typedef struct
{
  FakeServer *other;         /* another host: raw downloads, redirect targets */
  gboolean    truncated_tree;
  guint       fail_5xx;      /* answer 502 this many times */
  gboolean    always_500;
  int         rate_mode;     /* 1 reset, 2 Retry-After seconds, 3 Retry-After date, 4 nothing */
  guint       rate_left;
  gboolean    truncate_a;
  gboolean    garbage_tree;
  gboolean    redirect_contents;  /* to the other host */
  gboolean    redirect_http;      /* to a plain-http address that is not loopback */
  gboolean    never_answer;
  gsize       huge;          /* size of o/huge's notebook */
  gboolean    last_of_quota; /* the default-branch answer uses the last request */
  gboolean    trickle;       /* the repository answer: one byte every 300 ms */
  gboolean    loop_next;     /* search: every page links to itself */
  gboolean    endless_next;  /* search: every page links to a new page */
  gboolean    evil_paths;    /* the tree holds paths that leave the repository */
} Github;

static Github gh;

static char *
blob_text (const char *sha)
{
  if (g_strcmp0 (sha, "sha-a") == 0)
    return test_notebook ("ZeroDivisionError", 10);
  if (g_strcmp0 (sha, "sha-b") == 0)
    return test_notebook ("KeyError", BIG_PAD);
  if (g_strcmp0 (sha, "sha-c") == 0)
    return test_notebook (NULL, 10);
  if (g_strcmp0 (sha, "sha-bad") == 0)
    return g_strdup ("hello, not a notebook");
  if (g_strcmp0 (sha, "sha-huge") == 0)
    return test_notebook ("MemoryError", gh.huge);
  return NULL;
}

static void
set_rate_headers (SoupServerMessage *msg,
                  const char        *remaining)
{
  SoupMessageHeaders *h = soup_server_message_get_response_headers (msg);
  g_autofree char *reset = g_strdup_printf ("%" G_GINT64_FORMAT, g_get_real_time () / G_USEC_PER_SEC + 3);

  soup_message_headers_replace (h, "x-ratelimit-limit", "5000");
  soup_message_headers_replace (h, "x-ratelimit-remaining", remaining);
  soup_message_headers_replace (h, "x-ratelimit-reset", reset);
  soup_message_headers_replace (h, "x-ratelimit-resource", "core");
}

static gboolean
rate_limited (SoupServerMessage *msg)
{
  SoupMessageHeaders *h = soup_server_message_get_response_headers (msg);

  if (gh.rate_left == 0)
    return FALSE;
  gh.rate_left--;
  if (gh.rate_mode == 1)
    {
      set_rate_headers (msg, "0");
      fake_reply_json (msg, 403, "{\"message\":\"API rate limit exceeded for user ID 1.\","
                                 "\"documentation_url\":\"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api\"}");
      return TRUE;
    }
  if (gh.rate_mode == 2)
    soup_message_headers_replace (h, "Retry-After", "7");
  if (gh.rate_mode == 5)
    {
      /* a secondary rate limit: 403 with Retry-After */
      soup_message_headers_replace (h, "Retry-After", "5");
      fake_reply_json (msg, 403, "{\"message\":\"You have exceeded a secondary rate limit. Please wait a few minutes before you try again.\"}");
      return TRUE;
    }
  if (gh.rate_mode == 3)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autoptr(GDateTime) later = g_date_time_add_seconds (now, 20);
      g_autofree char *date = soup_date_time_to_string (later, SOUP_DATE_HTTP);

      soup_message_headers_replace (h, "Retry-After", date);
    }
  fake_reply_json (msg, 429, "{\"message\":\"You have exceeded a secondary rate limit.\"}");
  return TRUE;
}

static void
reply_tree (SoupServerMessage *msg,
            const char        *tree,
            gboolean           recursive)
{
  const char *json = NULL;

  if (gh.garbage_tree)
    {
      fake_reply_json (msg, 200, "{\"sha\": \"x\", \"tree\": [ {\"path\": ");
      return;
    }
  if (recursive && g_strcmp0 (tree, "main") == 0 && gh.evil_paths)
    json = "{\"sha\":\"root\",\"tree\":["
           "{\"path\":\"a.ipynb\",\"mode\":\"100644\",\"type\":\"blob\",\"sha\":\"sha-a\",\"size\":600},"
           "{\"path\":\"../../../user/x.ipynb\",\"mode\":\"100644\",\"type\":\"blob\",\"sha\":\"sha-c\",\"size\":400},"
           "{\"path\":\"/etc/y.ipynb\",\"mode\":\"100644\",\"type\":\"blob\",\"sha\":\"sha-c\",\"size\":400},"
           "{\"path\":\"d/%2e%2e/%2e%2e/z.ipynb\",\"mode\":\"100644\",\"type\":\"blob\",\"sha\":\"sha-c\",\"size\":400},"
           "{\"path\":\"e/./w.ipynb\",\"mode\":\"100644\",\"type\":\"blob\",\"sha\":\"sha-c\",\"size\":400}],"
           "\"truncated\":false}";
  else if (recursive && g_strcmp0 (tree, "main") == 0)
    json = gh.truncated_tree
      ? "{\"sha\":\"root\",\"tree\":[{\"path\":\"README.md\",\"mode\":\"100644\",\"type\":\"blob\",\"sha\":\"sha-r\",\"size\":5}],\"truncated\":true}"
      : "{\"sha\":\"root\",\"url\":\"x\",\"tree\":["
        "{\"path\":\"a.ipynb\",\"mode\":\"100644\",\"type\":\"blob\",\"sha\":\"sha-a\",\"size\":600},"
        "{\"path\":\"README.md\",\"mode\":\"100644\",\"type\":\"blob\",\"sha\":\"sha-r\",\"size\":5},"
        "{\"path\":\"dir\",\"mode\":\"040000\",\"type\":\"tree\",\"sha\":\"tree-dir\"},"
        "{\"path\":\"dir/b.ipynb\",\"mode\":\"100644\",\"type\":\"blob\",\"sha\":\"sha-b\",\"size\":1536600},"
        "{\"path\":\"dir/.ipynb_checkpoints\",\"mode\":\"040000\",\"type\":\"tree\",\"sha\":\"tree-ck\"},"
        "{\"path\":\"dir/.ipynb_checkpoints/b-checkpoint.ipynb\",\"mode\":\"100644\",\"type\":\"blob\",\"sha\":\"sha-b\",\"size\":1536600},"
        "{\"path\":\"other\",\"mode\":\"040000\",\"type\":\"tree\",\"sha\":\"tree-other\"},"
        "{\"path\":\"other/c.ipynb\",\"mode\":\"100644\",\"type\":\"blob\",\"sha\":\"sha-c\",\"size\":400},"
        "{\"path\":\"sub\",\"mode\":\"160000\",\"type\":\"commit\",\"sha\":\"c0ffee\"}],\"truncated\":false}";
  else if (!recursive && g_strcmp0 (tree, "main") == 0)
    json = "{\"sha\":\"root\",\"tree\":["
           "{\"path\":\"a.ipynb\",\"mode\":\"100644\",\"type\":\"blob\",\"sha\":\"sha-a\",\"size\":600},"
           "{\"path\":\"README.md\",\"mode\":\"100644\",\"type\":\"blob\",\"sha\":\"sha-r\",\"size\":5},"
           "{\"path\":\"dir\",\"mode\":\"040000\",\"type\":\"tree\",\"sha\":\"tree-dir\"},"
           "{\"path\":\"other\",\"mode\":\"040000\",\"type\":\"tree\",\"sha\":\"tree-other\"}],\"truncated\":false}";
  else if (g_strcmp0 (tree, "tree-dir") == 0)
    json = "{\"sha\":\"tree-dir\",\"tree\":["
           "{\"path\":\"b.ipynb\",\"mode\":\"100644\",\"type\":\"blob\",\"sha\":\"sha-b\",\"size\":1536600},"
           "{\"path\":\".ipynb_checkpoints\",\"mode\":\"040000\",\"type\":\"tree\",\"sha\":\"tree-ck\"}],\"truncated\":false}";
  else if (g_strcmp0 (tree, "tree-ck") == 0)
    json = "{\"sha\":\"tree-ck\",\"tree\":[{\"path\":\"b-checkpoint.ipynb\",\"mode\":\"100644\",\"type\":\"blob\",\"sha\":\"sha-b\",\"size\":1536600}],\"truncated\":false}";
  else if (g_strcmp0 (tree, "tree-other") == 0)
    json = "{\"sha\":\"tree-other\",\"tree\":[{\"path\":\"c.ipynb\",\"mode\":\"100644\",\"type\":\"blob\",\"sha\":\"sha-c\",\"size\":400}],\"truncated\":false}";
  if (json == NULL)
    fake_reply_json (msg, 404, "{\"message\":\"Not Found\",\"documentation_url\":\"https://docs.github.com/rest\",\"status\":\"404\"}");
  else
    fake_reply_json (msg, 200, json);
}

static void
reply_contents (SoupServerMessage *msg,
                const char        *repo,
                const char        *path)
{
  const char *sha = g_strcmp0 (path, "a.ipynb") == 0 ? "sha-a"
                  : g_strcmp0 (path, "other/c.ipynb") == 0 ? "sha-c"
                  : g_strcmp0 (path, "x.ipynb") == 0 ? "sha-bad" : NULL;
  g_autofree char *text = blob_text (sha);
  g_autofree char *b64 = NULL;
  g_autoptr(GString) wrapped = g_string_new (NULL);
  g_autofree char *json = NULL;

  if (g_strcmp0 (path, "huge.ipynb") == 0)
    {
      /* over 1 MB the contents API sends no content: the blob API must be used */
      json = g_strdup_printf ("{\"type\":\"file\",\"encoding\":\"none\",\"size\":%zu,\"name\":\"huge.ipynb\","
                              "\"path\":\"huge.ipynb\",\"sha\":\"sha-huge\",\"content\":\"\"}", gh.huge + 300);
      fake_reply_json (msg, 200, json);
      return;
    }
  if (gh.truncate_a && g_strcmp0 (sha, "sha-a") == 0)
    {
      fake_reply_truncated (msg, "{\"type\":\"file\",\"encoding\":\"base64\",\"content\":\"eyJj", 4000);
      return;
    }
  if (text == NULL)
    {
      fake_reply_json (msg, 404, "{\"message\":\"Not Found\",\"status\":\"404\"}");
      return;
    }
  /* GitHub wraps the base64 content every 60 characters. */
  b64 = g_base64_encode ((const guchar *)text, strlen (text));
  for (gsize i = 0, n = strlen (b64); i < n; i += 60)
    {
      g_string_append_len (wrapped, b64 + i, MIN (60, n - i));
      g_string_append (wrapped, "\\n");
    }
  json = g_strdup_printf ("{\"type\":\"file\",\"encoding\":\"base64\",\"size\":%zu,\"name\":\"%s\","
                          "\"path\":\"%s\",\"sha\":\"%s\",\"content\":\"%s\"}",
                          strlen (text), path, path, sha, wrapped->str);
  fake_reply_json (msg, 200, json);
}

static void
reply_blob (SoupServerMessage *msg,
            const char        *sha)
{
  const char *accept = soup_message_headers_get_one (soup_server_message_get_request_headers (msg), "Accept");
  char *text = blob_text (sha);
  g_autoptr(GBytes) bytes = NULL;

  if (text == NULL)
    {
      fake_reply_json (msg, 404, "{\"message\":\"Not Found\"}");
      return;
    }
  if (g_strcmp0 (accept, "application/vnd.github.raw+json") != 0)
    {
      /* Only the raw media type gets blobs over 1 MB in one piece here. */
      fake_reply_json (msg, 415, "{\"message\":\"use the raw media type\"}");
      g_free (text);
      return;
    }
  bytes = g_bytes_new_take (text, strlen (text));
  fake_reply_bytes (msg, 200, "application/vnd.github.raw", g_steal_pointer (&bytes));
}

static void
reply_search (FakeServer        *server,
              SoupServerMessage *msg)
{
  GUri *uri = soup_server_message_get_uri (msg);
  const char *query = g_uri_get_query (uri);
  gboolean page2 = query && strstr (query, "page=2") != NULL;
  g_autofree char *next = g_strdup_printf ("<%s/search/code?q=pandas+extension%%3Aipynb&per_page=100&page=2>; rel=\"next\", "
                                           "<%s/search/code?q=pandas+extension%%3Aipynb&per_page=100&page=2>; rel=\"last\"",
                                           fake_server_get_base (server), fake_server_get_base (server));
#define ITEM "{\"name\":\"%s\",\"path\":\"%s\",\"sha\":\"%s\",\"html_url\":\"https://github.com/o/r/blob/main/%s\"," \
             "\"repository\":{\"full_name\":\"o/r\",\"name\":\"r\",\"owner\":{\"login\":\"o\"}}}"
  g_autofree char *a = g_strdup_printf (ITEM, "a.ipynb", "a.ipynb", "sha-a", "a.ipynb");
  g_autofree char *b = g_strdup_printf (ITEM, "b.ipynb", "dir/b.ipynb", "sha-b", "dir/b.ipynb");
  g_autofree char *c = g_strdup_printf (ITEM, "c.ipynb", "other/c.ipynb", "sha-c", "other/c.ipynb");
  g_autofree char *json = NULL;

  if (soup_message_headers_get_one (soup_server_message_get_request_headers (msg), "Authorization") == NULL)
    {
      fake_reply_json (msg, 401, "{\"message\":\"Requires authentication\"}");
      return;
    }
  if (gh.loop_next || gh.endless_next)
    {
      static guint page;
      g_autofree char *self_link = g_strdup_printf ("<%s/search/code?q=pandas&per_page=100&page=%u>; rel=\"next\"",
                                                    fake_server_get_base (server),
                                                    gh.loop_next ? 1 : ++page);

      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "link", self_link);
      json = g_strdup_printf ("{\"total_count\":3,\"incomplete_results\":false,\"items\":[%s]}", a);
      fake_reply_json (msg, 200, json);
      return;
    }
  if (!page2)
    soup_message_headers_replace (soup_server_message_get_response_headers (msg), "link", next);
  json = page2 ? g_strdup_printf ("{\"total_count\":3,\"incomplete_results\":false,\"items\":[%s]}", c)
               : g_strdup_printf ("{\"total_count\":3,\"incomplete_results\":false,\"items\":[%s,%s]}", a, b);
  fake_reply_json (msg, 200, json);
}

static void
reply_gist (SoupServerMessage *msg)
{
  g_autofree char *inline_nb = test_notebook ("ValueError", 5);
  g_autofree char *escaped = g_strescape (inline_nb, NULL);
  g_autofree char *json = g_strdup_printf (
    "{\"id\":\"g1\",\"files\":{"
    "\"one.ipynb\":{\"filename\":\"one.ipynb\",\"size\":%zu,\"truncated\":false,\"raw_url\":\"%s/raw/one.ipynb\",\"content\":\"%s\"},"
    "\"../../evil.ipynb\":{\"filename\":\"../../evil.ipynb\",\"size\":900000,\"truncated\":true,\"raw_url\":\"%s/raw/two.ipynb\",\"content\":\"\"},"
    "\"notes.txt\":{\"filename\":\"notes.txt\",\"size\":3,\"truncated\":false,\"content\":\"hi\"}}}",
    strlen (inline_nb), fake_server_get_base (gh.other), escaped, fake_server_get_base (gh.other));

  fake_reply_json (msg, 200, json);
}

static void
github_handler (FakeServer        *server,
                SoupServerMessage *msg,
                const char        *path,
                gpointer           data)
{
  g_auto(GStrv) parts = g_strsplit (path, "/", 6);
  GUri *uri = soup_server_message_get_uri (msg);
  gboolean recursive = g_uri_get_query (uri) && strstr (g_uri_get_query (uri), "recursive=1");

  set_rate_headers (msg, "4999");
  if (gh.never_answer)
    return fake_reply_never (msg);
  if (gh.always_500 || gh.fail_5xx > 0)
    {
      if (gh.fail_5xx > 0)
        gh.fail_5xx--;
      return fake_reply_json (msg, gh.always_500 ? 500 : 502, "{\"message\":\"Server Error\"}");
    }
  if (rate_limited (msg))
    return;
  if (g_str_has_prefix (path, "/search/code"))
    return reply_search (server, msg);
  if (g_str_has_prefix (path, "/gists/g1"))
    return reply_gist (msg);
  if (g_strv_length (parts) == 4 && g_strcmp0 (parts[1], "repos") == 0)
    {
      if (g_strcmp0 (parts[3], "secret") == 0)
        return fake_reply_json (msg, 403, "{\"message\":\"Resource not accessible by personal access token\"}");
      if (g_strcmp0 (parts[3], "gone") == 0)
        return fake_reply_json (msg, 404, "{\"message\":\"Not Found\"}");
      if (g_strcmp0 (parts[3], "badtoken") == 0)
        return fake_reply_json (msg, 401, "{\"message\":\"Bad credentials\"}");
      if (gh.trickle)
        return fake_reply_trickle (msg, "{\"id\":1,\"full_name\":\"o/r\",\"default_branch\":\"main\",\"private\":false}", 300);
      if (gh.last_of_quota)
        set_rate_headers (msg, "0");
      return fake_reply_json (msg, 200, "{\"id\":1,\"full_name\":\"o/r\",\"default_branch\":\"main\",\"private\":false}");
    }
  if (g_strv_length (parts) == 6 && g_strcmp0 (parts[4], "git") == 0 && g_str_has_prefix (parts[5], "trees/"))
    return reply_tree (msg, parts[5] + strlen ("trees/"), recursive);
  if (g_strv_length (parts) == 6 && g_strcmp0 (parts[4], "git") == 0 && g_str_has_prefix (parts[5], "blobs/"))
    return reply_blob (msg, parts[5] + strlen ("blobs/"));
  if (g_strv_length (parts) == 6 && g_strcmp0 (parts[4], "contents") == 0)
    {
      if (gh.redirect_contents || gh.redirect_http)
        {
          g_autofree char *target = gh.redirect_http ? g_strdup ("http://192.0.2.7/elsewhere")
                                                     : g_strdup_printf ("%s/moved%s", fake_server_get_base (gh.other), path);

          soup_server_message_set_redirect (msg, 307, target);
          return;
        }
      return reply_contents (msg, parts[3], parts[5]);
    }
  fake_reply_json (msg, 404, "{\"message\":\"Not Found\"}");
}

/* The other host: raw gist files and redirect targets. */
static void
other_handler (FakeServer        *server,
               SoupServerMessage *msg,
               const char        *path,
               gpointer           data)
{
  if (g_str_has_prefix (path, "/raw/"))
    {
      char *text = test_notebook ("TypeError", 5);

      fake_reply_bytes (msg, 200, "text/plain", g_bytes_new_take (text, strlen (text)));
      return;
    }
  if (g_str_has_prefix (path, "/moved/"))
    return reply_contents (msg, "r", "a.ipynb");
  fake_reply_json (msg, 404, "{}");
}

/* Fixtures */

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
  memset (&gh, 0, sizeof gh);
  test_fresh_cache ();
  gh.other = fake_server_new (other_handler, NULL);
  f->api = fake_server_new (github_handler, NULL);
  g_setenv ("CRASH_ATLAS_GITHUB_API", fake_server_get_base (f->api), TRUE);
  f->credentials = atlas_credentials_new ();
  atlas_credentials_set (f->credentials, ATLAS_SECRET_GITHUB_TOKEN, "ghp_secret123");
  collected_init (&f->c);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  collected_clear (&f->c);
  atlas_credentials_free (f->credentials);
  fake_server_free (f->api);
  fake_server_free (gh.other);
}

static void
assert_all_api_requests_authorized (FakeServer *server)
{
  g_autoptr(GPtrArray) log = fake_server_get_requests (server);

  g_assert_cmpuint (log->len, >, 0);
  for (guint i = 0; i < log->len; i++)
    g_assert_cmpstr (((FakeRequest *)g_ptr_array_index (log, i))->authorization, ==, "Bearer ghp_secret123");
}

static void
assert_no_credentials (FakeServer *server)
{
  g_autoptr(GPtrArray) log = fake_server_get_requests (server);

  for (guint i = 0; i < log->len; i++)
    g_assert_null (((FakeRequest *)g_ptr_array_index (log, i))->authorization);
}

static void
test_repo_tree (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FakeRequest) blob = NULL;
  g_autoptr(FakeRequest) contents = NULL;
  AtlasRemoteItem *a, *b, *c;

  g_assert_true (collect ("https://github.com/o/r", f->credentials, &f->c, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->c.items->len, ==, 3);   /* the checkpoint copy and README are skipped */

  a = collected_find (&f->c, "/blob/main/a.ipynb");
  b = collected_find (&f->c, "/blob/main/dir/b.ipynb");
  c = collected_find (&f->c, "/blob/main/other/c.ipynb");
  g_assert_nonnull (a);
  g_assert_nonnull (b);
  g_assert_nonnull (c);
  g_assert_cmpstr (a->location, ==, "https://github.com/o/r/blob/main/a.ipynb");
  g_assert_cmpstr (atlas_notebook_get_url (a->notebook), ==, a->location);
  g_assert_cmpint (atlas_notebook_get_platform (a->notebook), ==, ATLAS_PLATFORM_GITHUB);
  g_assert_cmpstr (a->sha, ==, "sha-a");
  g_assert_cmpuint (item_n_crashes (a), ==, 1);
  g_assert_cmpstr (atlas_crash_get_ename (g_ptr_array_index (atlas_notebook_get_crashes (a->notebook), 0)), ==, "ZeroDivisionError");
  g_assert_cmpuint (item_n_crashes (b), ==, 1);
  g_assert_cmpuint (item_n_crashes (c), ==, 0);
  g_assert_false (a->from_cache);

  /* default branch asked, small files through contents, the large one as a raw blob */
  g_assert_cmpuint (fake_server_count (f->api, "/repos/o/r/git/trees/main"), ==, 1);
  g_assert_cmpuint (fake_server_count (f->api, "/repos/o/r/contents/"), ==, 2);
  g_assert_cmpuint (fake_server_count (f->api, "/repos/o/r/git/blobs/"), ==, 1);
  blob = fake_server_last (f->api, "/repos/o/r/git/blobs/sha-b");
  g_assert_nonnull (blob);
  g_assert_cmpstr (blob->accept, ==, "application/vnd.github.raw+json");
  contents = fake_server_last (f->api, "/repos/o/r/contents/a.ipynb");
  g_assert_cmpstr (contents->query, ==, "ref=main");
  g_assert_cmpstr (contents->accept, ==, "application/vnd.github+json");
  assert_all_api_requests_authorized (f->api);
}

static void
test_tree_folder (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (collect ("https://github.com/o/r/tree/main/other", f->credentials, &f->c, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->c.items->len, ==, 1);
  g_assert_nonnull (collected_find (&f->c, "/other/c.ipynb"));
  g_assert_cmpuint (fake_server_count (f->api, "/repos/o/r/git/trees/"), ==, 1);
  g_assert_cmpuint (fake_server_count (f->api, "/repos/o/r"), ==, 2);  /* no default-branch lookup */
}

static void
test_truncated_tree (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  gh.truncated_tree = TRUE;
  g_assert_true (collect ("github:o/r", f->credentials, &f->c, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->c.items->len, ==, 3);
  g_assert_nonnull (collected_find (&f->c, "/dir/b.ipynb"));
  /* recursive, then root, dir, dir/.ipynb_checkpoints, other one level at a time */
  g_assert_cmpuint (fake_server_count (f->api, "/repos/o/r/git/trees/"), ==, 5);
}

static void
test_file (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  AtlasRemoteItem *item;

  g_assert_true (collect ("https://github.com/o/r/blob/main/a.ipynb", f->credentials, &f->c, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->c.items->len, ==, 1);
  item = g_ptr_array_index (f->c.items, 0);
  g_assert_cmpstr (item->sha, ==, "sha-a");
  g_assert_cmpuint (item_n_crashes (item), ==, 1);
}

static void
test_gist (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) log = NULL;

  g_assert_true (collect ("https://gist.github.com/someone/g1", f->credentials, &f->c, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->c.items->len, ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      AtlasRemoteItem *item = g_ptr_array_index (f->c.items, i);

      g_assert_no_error (item->error);
      g_assert_cmpuint (item_n_crashes (item), ==, 1);
      g_assert_true (g_str_has_prefix (item->location, "https://gist.github.com/g1#"));
    }
  /* each file its own address; the hostile name is escaped, never a path */
  g_assert_nonnull (collected_find (&f->c, "#one.ipynb"));
  g_assert_nonnull (collected_find (&f->c, "#..%2F..%2Fevil.ipynb"));
  /* the truncated file came from raw_url on the other host, without the token */
  g_assert_cmpuint (fake_server_count (gh.other, "/raw/two.ipynb"), ==, 1);
  assert_no_credentials (gh.other);
  /* a server-given name is never a path: nothing was written outside the cache */
  log = fake_server_get_requests (f->api);
  g_assert_cmpuint (log->len, ==, 1);
}

static void
test_search_paging (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) log = NULL;
  FakeRequest *second;

  g_assert_true (collect ("github-search:pandas", f->credentials, &f->c, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->c.items->len, ==, 3);
  g_assert_cmpuint (fake_server_count (f->api, "/search/code"), ==, 2);
  log = fake_server_get_requests (f->api);
  second = g_ptr_array_index (log, 1);
  g_assert_cmpstr (second->path, ==, "/search/code");
  g_assert_nonnull (strstr (second->query, "page=2"));   /* the link header's URL, as given */
  g_assert_nonnull (strstr (((FakeRequest *)g_ptr_array_index (log, 0))->query, "extension%3Aipynb"));
  g_assert_cmpuint (fake_server_count (f->api, "/repos/o/r/git/blobs/"), ==, 3);
}

static void
test_search_needs_token (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasCredentials) none = atlas_credentials_new ();

  g_assert_false (collect ("github-search:pandas", none, &f->c, NULL, &error));
  g_assert_error (error, ATLAS_REMOTE_ERROR, ATLAS_REMOTE_ERROR_NEEDS_TOKEN);
  g_assert_nonnull (strstr (error->message, "pandas"));
  g_assert_cmpuint (fake_server_count (f->api, "/"), ==, 0);
}

static void
run_rate_limited (Fixture *f,
                  int      mode,
                  double   min_wait,
                  double   max_wait)
{
  g_autoptr(GError) error = NULL;

  gh.rate_mode = mode;
  gh.rate_left = 1;
  g_assert_true (collect ("https://github.com/o/r/tree/main/other", f->credentials, &f->c, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->c.items->len, ==, 1);
  g_assert_cmpuint (f->c.waits->len, ==, 1);
  g_assert_cmpfloat (g_array_index (f->c.waits, double, 0), >=, min_wait);
  g_assert_cmpfloat (g_array_index (f->c.waits, double, 0), <=, max_wait);
  /* the refused request was sent again */
  g_assert_cmpuint (fake_server_count (f->api, "/repos/o/r/git/trees/main"), ==, 2);
}

static void
test_rate_limit_reset (Fixture *f, gconstpointer data)       { run_rate_limited (f, 1, 1, 5); }
static void
test_rate_limit_retry_after (Fixture *f, gconstpointer data) { run_rate_limited (f, 2, 7, 7); }
static void
test_rate_limit_date (Fixture *f, gconstpointer data)        { run_rate_limited (f, 3, 17, 21); }
static void
test_rate_limit_403_retry_after (Fixture *f, gconstpointer data) { run_rate_limited (f, 5, 5, 5); }
static void
test_rate_limit_no_hint (Fixture *f, gconstpointer data)     { run_rate_limited (f, 4, 60, 75); }

static void
test_quota_used_up (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* remaining 0 on a success: wait for the reset before asking again */
  gh.last_of_quota = TRUE;
  g_assert_true (collect ("github:o/r", f->credentials, &f->c, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->c.items->len, ==, 3);
  g_assert_cmpuint (f->c.waits->len, ==, 1);
  g_assert_cmpfloat (g_array_index (f->c.waits, double, 0), >=, 1);
  g_assert_cmpfloat (g_array_index (f->c.waits, double, 0), <=, 5);
  g_assert_cmpuint (fake_server_count (f->api, "/repos/o/r/git/trees/main"), ==, 1);
}

static void
limit_tries (AtlasRemoteSource *source)
{
  atlas_remote_source_set_max_tries (source, 3);
}

static void
test_server_error_retry (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  gh.fail_5xx = 2;
  g_assert_true (collect ("github:o/r", f->credentials, &f->c, limit_tries, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->c.items->len, ==, 3);
  g_assert_cmpuint (fake_server_count (f->api, "/repos/o/r"), ==, 3 + 1 + 3);
  g_assert_cmpuint (f->c.waits->len, ==, 2);
}

static void
test_server_error_bounded (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  gh.always_500 = TRUE;
  g_assert_false (collect ("github:o/r", f->credentials, &f->c, limit_tries, &error));
  g_assert_error (error, ATLAS_REMOTE_ERROR, ATLAS_REMOTE_ERROR_SERVER);
  g_assert_nonnull (strstr (error->message, "o/r"));
  g_assert_nonnull (strstr (error->message, "500"));
  g_assert_cmpuint (fake_server_count (f->api, "/"), ==, 3);
}

static void
test_status_errors (Fixture       *f,
                    gconstpointer  data)
{
  static const struct { const char *source; int code; const char *needle; } cases[] = {
    { "github:o/secret", ATLAS_REMOTE_ERROR_FORBIDDEN, "private repository" },
    { "github:o/gone", ATLAS_REMOTE_ERROR_NOT_FOUND, "404" },
    { "github:o/badtoken", ATLAS_REMOTE_ERROR_UNAUTHORIZED, "Bad credentials" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *repo = g_strdup (strchr (cases[i].source, ':') + 1);

      g_assert_false (collect (cases[i].source, f->credentials, &f->c, NULL, &error));
      g_assert_error (error, ATLAS_REMOTE_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, repo));
      g_assert_nonnull (strstr (error->message, cases[i].needle));
      g_assert_null (strstr (error->message, "ghp_secret123"));
    }
}

static void
test_truncated_body (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  AtlasRemoteItem *a;

  gh.truncate_a = TRUE;
  g_assert_true (collect ("github:o/r", f->credentials, &f->c, limit_tries, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->c.items->len, ==, 3);   /* the others are kept */
  a = collected_find (&f->c, "/a.ipynb");
  g_assert_null (a->notebook);
  g_assert_error (a->error, ATLAS_REMOTE_ERROR, ATLAS_REMOTE_ERROR_TRUNCATED);
  g_assert_nonnull (strstr (a->error->message, "a.ipynb"));
  g_assert_cmpuint (fake_server_count (f->api, "/repos/o/r/contents/a.ipynb"), ==, 3);
  g_assert_nonnull (collected_find (&f->c, "/c.ipynb")->notebook);
}

static void
test_invalid_json (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  gh.garbage_tree = TRUE;
  g_assert_false (collect ("github:o/r", f->credentials, &f->c, NULL, &error));
  g_assert_error (error, ATLAS_REMOTE_ERROR, ATLAS_REMOTE_ERROR_INVALID_RESPONSE);
  g_assert_nonnull (strstr (error->message, "o/r"));
}

static void
test_not_a_notebook (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  AtlasRemoteItem *item;
  g_autoptr(AtlasNotebookInfo) info = NULL;

  g_assert_true (collect ("https://github.com/o/r/blob/main/x.ipynb", f->credentials, &f->c, NULL, &error));
  g_assert_no_error (error);
  item = g_ptr_array_index (f->c.items, 0);
  g_assert_null (item->notebook);
  g_assert_error (item->error, ATLAS_NOTEBOOK_ERROR, ATLAS_NOTEBOOK_ERROR_NOT_JSON);
  g_assert_nonnull (strstr (item->error->message, "https://github.com/o/r/blob/main/x.ipynb"));
  info = atlas_remote_item_to_info (item);
  g_assert_cmpint (info->status, ==, ATLAS_NOTEBOOK_STATUS_UNREADABLE);
  g_assert_cmpint (info->platform, ==, ATLAS_PLATFORM_GITHUB);
}

static void
test_redirect_other_host (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  AtlasRemoteItem *item;

  gh.redirect_contents = TRUE;
  g_assert_true (collect ("https://github.com/o/r/blob/main/a.ipynb", f->credentials, &f->c, NULL, &error));
  g_assert_no_error (error);
  item = g_ptr_array_index (f->c.items, 0);
  g_assert_no_error (item->error);
  g_assert_cmpuint (item_n_crashes (item), ==, 1);
  g_assert_cmpuint (fake_server_count (gh.other, "/moved/repos/o/r/contents/a.ipynb"), ==, 1);
  assert_no_credentials (gh.other);              /* the token stayed home */
  assert_all_api_requests_authorized (f->api);
}

static void
test_insecure (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  AtlasRemoteItem *item;

  gh.redirect_http = TRUE;
  g_assert_true (collect ("https://github.com/o/r/blob/main/a.ipynb", f->credentials, &f->c, NULL, &error));
  item = g_ptr_array_index (f->c.items, 0);
  g_assert_error (item->error, ATLAS_REMOTE_ERROR, ATLAS_REMOTE_ERROR_INSECURE);
  g_assert_nonnull (strstr (item->error->message, "192.0.2.7"));

  g_setenv ("CRASH_ATLAS_GITHUB_API", "http://api.example.com", TRUE);
  g_clear_error (&error);
  g_assert_false (collect ("github:o/r", f->credentials, &f->c, NULL, &error));
  g_assert_error (error, ATLAS_REMOTE_ERROR, ATLAS_REMOTE_ERROR_INSECURE);
}

static void
test_connection_refused (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  guint16 port = g_socket_listener_add_any_inet_port (listener, NULL, NULL);
  g_autofree char *base = g_strdup_printf ("http://127.0.0.1:%u", port);

  g_socket_listener_close (listener);  /* nothing listens there now */
  g_setenv ("CRASH_ATLAS_GITHUB_API", base, TRUE);
  g_assert_false (collect ("github:o/r", f->credentials, &f->c, NULL, &error));
  g_assert_error (error, ATLAS_REMOTE_ERROR, ATLAS_REMOTE_ERROR_NETWORK);
  g_assert_nonnull (strstr (error->message, "GitHub repository o/r"));
}

static gboolean
plain_incoming_cb (GSocketService    *service,
                   GSocketConnection *connection,
                   GObject           *source,
                   gpointer           data)
{
  const char *reply = "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (connection));

  g_output_stream_write_all (out, reply, strlen (reply), NULL, NULL, NULL);
  g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
  return TRUE;
}

static void
tls_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  GError **error = user_data;

  g_assert_false (atlas_remote_source_run_finish (ATLAS_REMOTE_SOURCE (object), result, error));
}

static void
test_tls_error (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocketService) plain = g_socket_service_new ();
  guint16 port = g_socket_listener_add_any_inet_port (G_SOCKET_LISTENER (plain), NULL, NULL);
  g_autofree char *base = g_strdup_printf ("https://127.0.0.1:%u", port);
  g_autoptr(AtlasRemoteSource) source = NULL;

  /* TLS to a server that answers in plain HTTP: the handshake fails */
  g_signal_connect (plain, "incoming", G_CALLBACK (plain_incoming_cb), NULL);
  g_socket_service_start (plain);
  g_setenv ("CRASH_ATLAS_GITHUB_API", base, TRUE);
  source = atlas_remote_source_new ("github:o/r", f->credentials, NULL);
  atlas_remote_source_run_async (source, NULL, NULL, NULL, NULL, NULL, tls_done_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_socket_service_stop (plain);
  g_assert_error (error, ATLAS_REMOTE_ERROR, ATLAS_REMOTE_ERROR_TLS);
  g_assert_nonnull (strstr (error->message, "GitHub repository o/r"));
}

static void
short_timeout (AtlasRemoteSource *source)
{
  atlas_remote_source_set_timeout (source, 1);
  atlas_remote_source_set_max_tries (source, 2);
}

static void
test_timeout (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  gh.never_answer = TRUE;
  g_assert_false (collect ("github:o/r", f->credentials, &f->c, short_timeout, &error));
  g_assert_error (error, ATLAS_REMOTE_ERROR, ATLAS_REMOTE_ERROR_TIMEOUT);
  g_assert_cmpuint (fake_server_count (f->api, "/repos/o/r"), ==, 2);
}

static void
short_deadline (AtlasRemoteSource *source)
{
  atlas_remote_source_set_timeout (source, 5);
  atlas_remote_source_set_deadline (source, 1.5);
  atlas_remote_source_set_max_tries (source, 2);
}

/* One byte every 300 ms never trips an inactivity timeout of 5 s: the
 * deadline ends each exchange, and the retry is bounded too. */
static void
test_trickle_deadline (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  gh.trickle = TRUE;
  g_assert_false (collect ("github:o/r", f->credentials, &f->c, short_deadline, &error));
  g_assert_error (error, ATLAS_REMOTE_ERROR, ATLAS_REMOTE_ERROR_TIMEOUT);
  g_assert_nonnull (strstr (error->message, "did not finish answering within"));
  g_assert_cmpuint (fake_server_count (f->api, "/repos/o/r"), ==, 2);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 20 * G_USEC_PER_SEC);
}

/* A "next" link to the same page looped without end. */
static void
test_search_next_loops (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  gh.loop_next = TRUE;
  g_assert_false (collect ("github-search:pandas?max=1000", f->credentials, &f->c, NULL, &error));
  g_assert_error (error, ATLAS_REMOTE_ERROR, ATLAS_REMOTE_ERROR_INVALID_RESPONSE);
  g_assert_nonnull (strstr (error->message, "a second time"));
  g_assert_cmpuint (fake_server_count (f->api, "/search/code"), ==, 2);
}

/* New pages without end stop at the code search's 10 pages. */
static void
test_search_page_limit (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  gh.endless_next = TRUE;
  g_assert_false (collect ("github-search:pandas?max=5000", f->credentials, &f->c, NULL, &error));
  g_assert_error (error, ATLAS_REMOTE_ERROR, ATLAS_REMOTE_ERROR_INVALID_RESPONSE);
  g_assert_nonnull (strstr (error->message, "limit of 10 pages"));
  g_assert_cmpuint (fake_server_count (f->api, "/search/code"), ==, 10);
}

/* Tree paths that leave the repository sent a request, with the token, to
 * another path of the API host; they are refused, each as its notebook's
 * error, and never asked for. */
static void
test_tree_paths_refused (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) log = NULL;
  guint n_refused = 0;

  gh.evil_paths = TRUE;
  g_assert_true (collect ("github:o/r", f->credentials, &f->c, NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < f->c.items->len; i++)
    {
      AtlasRemoteItem *item = g_ptr_array_index (f->c.items, i);

      if (item->error != NULL)
        {
          g_assert_error (item->error, ATLAS_REMOTE_ERROR, ATLAS_REMOTE_ERROR_INVALID_RESPONSE);
          g_assert_nonnull (strstr (item->error->message, "leaves the repository"));
          n_refused++;
        }
    }
  g_assert_cmpuint (n_refused, ==, 4);
  log = fake_server_get_requests (f->api);
  for (guint i = 0; i < log->len; i++)
    {
      const char *path = ((FakeRequest *)g_ptr_array_index (log, i))->path;

      g_assert_true (g_str_has_prefix (path, "/repos/o/r"));
      g_assert_null (strstr (path, ".."));
      g_assert_null (strstr (path, "user"));
    }
  g_assert_cmpuint (fake_server_count (f->api, "/repos/o/r/contents/"), ==, 1);
}

static void
small_limit (AtlasRemoteSource *source)
{
  atlas_remote_source_set_max_size (source, 1024 * 1024);
}

static void
test_too_large (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  AtlasRemoteItem *b;

  g_assert_true (collect ("github:o/r", f->credentials, &f->c, small_limit, &error));
  b = collected_find (&f->c, "/dir/b.ipynb");
  g_assert_error (b->error, ATLAS_REMOTE_ERROR, ATLAS_REMOTE_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (b->error->message, "dir/b.ipynb"));
  g_assert_nonnull (collected_find (&f->c, "/a.ipynb")->notebook);
}

static void
test_huge_notebook (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  AtlasRemoteItem *item;

  /* 100 MB: streamed to the cache, read from there */
  gh.huge = 100 * 1024 * 1024;
  g_assert_true (collect ("https://github.com/o/r/blob/main/huge.ipynb", f->credentials, &f->c, NULL, &error));
  g_assert_no_error (error);
  item = g_ptr_array_index (f->c.items, 0);
  g_assert_no_error (item->error);
  g_assert_cmpuint (item_n_crashes (item), ==, 1);
  g_assert_cmpuint (atlas_notebook_get_size (item->notebook), >, gh.huge);
  g_assert_cmpstr (item->sha, ==, "sha-huge");
}

static void
test_cancel_resume (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  Collected again;
  guint first_downloads, second_downloads;

  f->c.cancel_after = 1;
  g_assert_false (collect ("github:o/r", f->credentials, &f->c, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (f->c.items->len, ==, 1);
  first_downloads = fake_server_count (f->api, "/repos/o/r/contents/") +
                    fake_server_count (f->api, "/repos/o/r/git/blobs/");
  g_assert_cmpuint (first_downloads, ==, 1);

  collected_init (&again);
  g_clear_error (&error);
  g_assert_true (collect ("github:o/r", f->credentials, &again, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (again.items->len, ==, 3);
  second_downloads = fake_server_count (f->api, "/repos/o/r/contents/") +
                     fake_server_count (f->api, "/repos/o/r/git/blobs/") - first_downloads;
  g_assert_cmpuint (second_downloads, ==, 2);   /* resumed: the first one came from the cache */
  g_assert_true (((AtlasRemoteItem *)g_ptr_array_index (again.items, 0))->from_cache);
  g_assert_cmpuint (item_n_crashes (g_ptr_array_index (again.items, 0)), ==,
                    item_n_crashes (g_ptr_array_index (f->c.items, 0)));
  collected_clear (&again);
}

typedef struct
{
  GMainLoop *loop;
  GThread   *main_thread;
  guint      n_items;
  gboolean   ok;
} AsyncState;

static void
async_item_cb (AtlasRemoteItem *item,
               gpointer         user_data)
{
  AsyncState *state = user_data;

  g_assert_true (g_thread_self () == state->main_thread);
  state->n_items++;
  atlas_remote_item_free (item);
}

static void
async_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  AsyncState *state = user_data;
  g_autoptr(GError) error = NULL;

  state->ok = atlas_remote_source_run_finish (ATLAS_REMOTE_SOURCE (object), result, &error);
  g_assert_no_error (error);
  g_main_loop_quit (state->loop);
}

static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasRemoteSource) source = atlas_remote_source_new ("github:o/r", f->credentials, &error);
  AsyncState state = { g_main_loop_new (NULL, FALSE), g_thread_self (), 0, FALSE };

  atlas_remote_source_run_async (source, async_item_cb, NULL, &state, NULL, NULL, async_done_cb, &state);
  g_main_loop_run (state.loop);
  g_assert_true (state.ok);
  g_assert_cmpuint (state.n_items, ==, 3);
  g_main_loop_unref (state.loop);
}

#define ADD(name, func) g_test_add ("/Remote/GitHub/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)

int
main (int    argc,
      char **argv)
{
  test_remote_init (&argc, &argv);

  ADD ("repo-tree", test_repo_tree);
  ADD ("tree-folder", test_tree_folder);
  ADD ("truncated-tree", test_truncated_tree);
  ADD ("file", test_file);
  ADD ("gist", test_gist);
  ADD ("search-paging", test_search_paging);
  ADD ("search-needs-token", test_search_needs_token);
  ADD ("rate-limit-reset", test_rate_limit_reset);
  ADD ("rate-limit-retry-after", test_rate_limit_retry_after);
  ADD ("rate-limit-http-date", test_rate_limit_date);
  ADD ("rate-limit-no-hint", test_rate_limit_no_hint);
  ADD ("rate-limit-403-retry-after", test_rate_limit_403_retry_after);
  ADD ("quota-used-up", test_quota_used_up);
  ADD ("server-error-retry", test_server_error_retry);
  ADD ("server-error-bounded", test_server_error_bounded);
  ADD ("status-errors", test_status_errors);
  ADD ("truncated-body", test_truncated_body);
  ADD ("invalid-json", test_invalid_json);
  ADD ("not-a-notebook", test_not_a_notebook);
  ADD ("redirect-other-host", test_redirect_other_host);
  ADD ("insecure", test_insecure);
  ADD ("connection-refused", test_connection_refused);
  ADD ("timeout", test_timeout);
  ADD ("trickle-deadline", test_trickle_deadline);
  ADD ("search-next-loops", test_search_next_loops);
  ADD ("search-page-limit", test_search_page_limit);
  ADD ("tree-paths-refused", test_tree_paths_refused);
  ADD ("tls-error", test_tls_error);
  ADD ("too-large", test_too_large);
  ADD ("huge-notebook", test_huge_notebook);
  ADD ("cancel-resume", test_cancel_resume);
  ADD ("async", test_async);

  return g_test_run ();
}

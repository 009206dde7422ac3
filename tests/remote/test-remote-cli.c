/* test-remote-cli.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "remote-test-util.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FakeServer, fake_server_free)

/* `crash-atlas scan` with GitHub and Kaggle sources beside a local folder,
 * against one fake server that plays both APIs (CRASH_ATLAS_*_API). */

static void
reply_kaggle (SoupServerMessage *msg,
              const char        *method)
{
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  g_autoptr(GBytes) bytes = soup_message_body_flatten (body);
  gboolean k5 = strstr (g_bytes_get_data (bytes, NULL), "\"k5\"") != NULL;

  if (g_strcmp0 (method, "ListKernelSessionOutput") == 0)
    return fake_reply_json (msg, 200, "{\"files\":[],\"log\":\"[]\"}");
  if (g_strcmp0 (method, "GetKernelSessionStatus") == 0)
    return fake_reply_json (msg, 200, k5 ? "{\"status\":\"ERROR\",\"failureMessage\":\"Timeout exceeded\"}"
                                         : "{\"status\":\"COMPLETE\"}");
  if (g_strcmp0 (method, "GetKernel") == 0)
    {
      g_autofree char *source = test_notebook ("", 0);
      g_autofree char *escaped = g_strescape (source, NULL);
      g_autofree char *json = g_strdup_printf ("{\"metadata\":{\"currentVersionNumber\":4},\"blob\":{\"source\":\"%s\"}}", escaped);

      return fake_reply_json (msg, 200, json);
    }
  fake_reply_json (msg, 404, "{\"code\":404,\"message\":\"Not found\"}");
}

static void
handler (FakeServer        *server,
         SoupServerMessage *msg,
         const char        *path,
         gpointer           data)
{
  if (g_str_has_prefix (path, "/v1/kernels.KernelsApiService/"))
    return reply_kaggle (msg, path + strlen ("/v1/kernels.KernelsApiService/"));
  if (g_strcmp0 (path, "/repos/o/r") == 0)
    return fake_reply_json (msg, 200, "{\"default_branch\":\"main\"}");
  if (g_strcmp0 (path, "/repos/o/r/git/trees/main") == 0)
    return fake_reply_json (msg, 200, "{\"tree\":[{\"path\":\"nb/a.ipynb\",\"type\":\"blob\",\"sha\":\"sha-a\",\"size\":500}],\"truncated\":false}");
  if (g_strcmp0 (path, "/repos/o/r/contents/nb/a.ipynb") == 0)
    {
      g_autofree char *nb = test_notebook ("IndexError", 3);
      g_autofree char *b64 = g_base64_encode ((const guchar *)nb, strlen (nb));
      g_autofree char *json = g_strdup_printf ("{\"type\":\"file\",\"encoding\":\"base64\",\"sha\":\"sha-a\",\"size\":%zu,\"content\":\"%s\"}",
                                               strlen (nb), b64);

      return fake_reply_json (msg, 200, json);
    }
  fake_reply_json (msg, 404, "{\"message\":\"Not Found\"}");
}

static char *
local_folder (void)
{
  g_autofree char *dir = g_dir_make_tmp ("atlas-cli-local-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "local.ipynb", NULL);
  g_autofree char *nb = test_notebook ("NameError", 3);

  g_assert_true (g_file_set_contents (path, nb, -1, NULL));
  return g_steal_pointer (&dir);
}

static int
run_scan (FakeServer  *server,
          const char  *format,
          const char  *local,
          char       **out,
          char       **err)
{
  const char *exe = g_getenv ("CRASH_ATLAS");
  const char *argv[] = { exe, "scan", "--format", format, "github:o/r", "kaggle:alice/k3",
                         "https://www.kaggle.com/code/alice/k5", local, NULL };
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int status = 0;

  env = g_environ_setenv (env, "CRASH_ATLAS_GITHUB_API", fake_server_get_base (server), TRUE);
  env = g_environ_setenv (env, "CRASH_ATLAS_KAGGLE_API", fake_server_get_base (server), TRUE);
  env = g_environ_setenv (env, "GITHUB_TOKEN", "ghp_cli_secret", TRUE);
  env = g_environ_setenv (env, "KAGGLE_API_TOKEN", "kgl_cli_secret", TRUE);
  g_assert_true (g_spawn_sync (NULL, (char **)argv, env, G_SPAWN_DEFAULT, NULL, NULL, out, err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

static void
test_scan_mixed (void)
{
  g_autoptr(FakeServer) server = NULL;
  g_autofree char *local = local_folder ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) log = NULL;
  gboolean seen_github = FALSE, seen_local = FALSE;

  if (g_getenv ("CRASH_ATLAS") == NULL)
    {
      g_test_skip ("CRASH_ATLAS not set");
      return;
    }
  server = fake_server_new (handler, NULL);
  g_assert_cmpint (run_scan (server, "jsonl", local, &out, &err), ==, 0);
  lines = g_strsplit (g_strstrip (out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(JsonNode) node = json_from_string (lines[i], NULL);
      JsonObject *record = json_node_get_object (node);
      const char *platform = json_object_get_string_member (record, "platform");

      if (g_strcmp0 (platform, "github") == 0)
        {
          seen_github = TRUE;
          g_assert_cmpstr (json_object_get_string_member (record, "url"), ==, "https://github.com/o/r/blob/main/nb/a.ipynb");
          g_assert_cmpstr (json_object_get_string_member (record, "ename"), ==, "IndexError");
          /* classified like a local crash */
          g_assert_false (json_node_is_null (json_object_get_member (record, "crash_type")));
        }
      else
        {
          seen_local = g_strcmp0 (platform, "local") == 0;
          g_assert_cmpstr (json_object_get_string_member (record, "ename"), ==, "NameError");
        }
    }
  g_assert_true (seen_github);
  g_assert_true (seen_local);
  /* the failed Kaggle run is named, with its reason */
  g_assert_nonnull (strstr (err, "alice/k5"));
  g_assert_nonnull (strstr (err, "Timeout exceeded"));

  /* credentials went to their own API, and nowhere else */
  log = fake_server_get_requests (server);
  for (guint i = 0; i < log->len; i++)
    {
      FakeRequest *r = g_ptr_array_index (log, i);

      g_assert_cmpstr (r->authorization, ==, g_str_has_prefix (r->path, "/v1/") ? "Bearer kgl_cli_secret"
                                                                                  : "Bearer ghp_cli_secret");
    }
  g_assert_null (strstr (out, "secret"));
  g_assert_null (strstr (err, "secret"));

  /* The summary counts the source-only notebook as never executed, not clean.
   * The second run is served from the cache. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_scan (server, "summary", local, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "1 never executed"));
  g_assert_cmpuint (fake_server_count (server, "/repos/o/r/contents/"), ==, 1);
}

static int
run_args (FakeServer  *server,
          const char **args,
          char       **out,
          char       **err)
{
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int status = 0;

  env = g_environ_setenv (env, "CRASH_ATLAS_GITHUB_API", fake_server_get_base (server), TRUE);
  env = g_environ_setenv (env, "CRASH_ATLAS_KAGGLE_API", fake_server_get_base (server), TRUE);
  env = g_environ_setenv (env, "GITHUB_TOKEN", "ghp_cli_secret", TRUE);
  g_assert_true (g_spawn_sync (NULL, (char **)args, env, G_SPAWN_DEFAULT, NULL, NULL, out, err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

/* `scan --db` stores remote notebooks; `export` prints them back. */
static void
test_scan_db (void)
{
  g_autoptr(FakeServer) server = NULL;
  g_autofree char *local = local_folder ();
  g_autofree char *db = g_build_filename (local, "corpus.db", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *exe = g_getenv ("CRASH_ATLAS");
  const char *scan[] = { exe, "scan", "--db", db, "github:o/r", local, NULL };
  const char *export[] = { exe, "export", "--db", db, NULL };

  if (exe == NULL)
    {
      g_test_skip ("CRASH_ATLAS not set");
      return;
    }
  server = fake_server_new (handler, NULL);
  g_assert_cmpint (run_args (server, scan, &out, &err), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_args (server, export, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "https://github.com/o/r/blob/main/nb/a.ipynb"));
  g_assert_nonnull (strstr (out, "\"platform\":\"github\""));
  g_assert_nonnull (strstr (out, "NameError"));
}

/* `chart` takes remote sources too: one panel per platform. */
static void
test_chart (void)
{
  g_autoptr(FakeServer) server = NULL;
  g_autofree char *local = local_folder ();
  g_autofree char *csv = g_build_filename (local, "chart.csv", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;
  g_autofree char *lower = NULL;
  const char *exe = g_getenv ("CRASH_ATLAS");
  const char *chart[] = { exe, "chart", "--kind", "stage", "--by-platform", "-o", csv, "github:o/r", local, NULL };

  if (exe == NULL)
    {
      g_test_skip ("CRASH_ATLAS not set");
      return;
    }
  server = fake_server_new (handler, NULL);
  g_assert_cmpint (run_args (server, chart, &out, &err), ==, 0);
  g_assert_true (g_file_get_contents (csv, &text, NULL, NULL));
  lower = g_ascii_strdown (text, -1);
  g_assert_nonnull (strstr (lower, "github"));
  g_assert_nonnull (strstr (lower, "local"));
}

static void
test_help (void)
{
  const char *exe = g_getenv ("CRASH_ATLAS");
  const char *argv[] = { exe, "scan", "--help", NULL };
  g_autofree char *out = NULL;

  if (exe == NULL)
    {
      g_test_skip ("CRASH_ATLAS not set");
      return;
    }
  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, NULL, NULL));
  g_assert_nonnull (strstr (out, "kaggle:OWNER/SLUG"));
  g_assert_nonnull (strstr (out, "github-search:"));
  g_assert_nonnull (strstr (out, "CRASH_ATLAS_GITHUB_API"));
}

int
main (int    argc,
      char **argv)
{
  test_remote_init (&argc, &argv);
  g_test_add_func ("/Remote/CLI/scan-mixed", test_scan_mixed);
  g_test_add_func ("/Remote/CLI/help", test_help);
  g_test_add_func ("/Remote/CLI/scan-db", test_scan_db);
  g_test_add_func ("/Remote/CLI/chart", test_chart);
  return g_test_run ();
}

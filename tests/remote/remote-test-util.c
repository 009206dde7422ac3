/* remote-test-util.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "remote-test-util.h"

char *
test_notebook (const char *ename,
               gsize       pad)
{
  g_autofree char *padding = g_strnfill (pad, 'x');
  g_autofree char *outputs = NULL;

  if (ename == NULL)
    outputs = g_strdup_printf ("[{\"output_type\":\"stream\",\"name\":\"stdout\",\"text\":\"%s\"}]", padding);
  else if (*ename == '\0')
    return g_strdup ("{\"nbformat\":4,\"nbformat_minor\":5,\"metadata\":{},\"cells\":["
                     "{\"cell_type\":\"code\",\"execution_count\":null,\"metadata\":{},\"source\":\"import pandas as pd\",\"outputs\":[]},"
                     "{\"cell_type\":\"markdown\",\"metadata\":{},\"source\":\"# Title\"},"
                     "{\"cell_type\":\"code\",\"execution_count\":null,\"metadata\":{},\"source\":\"pd.read_csv('x')\",\"outputs\":[]}]}");
  else
    outputs = g_strdup_printf ("[{\"output_type\":\"stream\",\"name\":\"stdout\",\"text\":\"%s\"},"
                               "{\"output_type\":\"error\",\"ename\":\"%s\",\"evalue\":\"boom\","
                               "\"traceback\":[\"%s: boom\"]}]", padding, ename, ename);
  return g_strdup_printf ("{\"nbformat\":4,\"nbformat_minor\":5,\"metadata\":{},\"cells\":["
                          "{\"cell_type\":\"code\",\"execution_count\":1,\"metadata\":{},"
                          "\"source\":\"import numpy as np\\nnp.zeros(1)\",\"outputs\":%s}]}", outputs);
}

void
test_fresh_cache (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("atlas-remote-XXXXXX", &error);

  g_assert_no_error (error);
  g_setenv ("XDG_CACHE_HOME", dir, TRUE);
}

void
test_remote_init (int    *argc,
                  char ***argv)
{
  g_autofree char *home = g_dir_make_tmp ("atlas-home-XXXXXX", NULL);

  g_setenv ("HOME", home, TRUE);
  g_setenv ("CRASH_ATLAS_REMOTE_TIME_SCALE", "0.001", TRUE);
  g_setenv ("CRASH_ATLAS_NO_KEYRING", "1", TRUE);
  g_unsetenv ("GITHUB_TOKEN");
  g_unsetenv ("KAGGLE_API_TOKEN");
  g_unsetenv ("KAGGLE_USERNAME");
  g_unsetenv ("KAGGLE_KEY");
  g_unsetenv ("KAGGLE_CONFIG_DIR");
  g_unsetenv ("http_proxy");
  g_unsetenv ("https_proxy");
  g_unsetenv ("HTTP_PROXY");
  g_unsetenv ("HTTPS_PROXY");
  test_fresh_cache ();
  g_test_init (argc, argv, NULL);
}

void
collected_init (Collected *c)
{
  memset (c, 0, sizeof *c);
  c->items = g_ptr_array_new_with_free_func ((GDestroyNotify)atlas_remote_item_free);
  c->waits = g_array_new (FALSE, FALSE, sizeof (double));
  c->cancellable = g_cancellable_new ();
}

void
collected_clear (Collected *c)
{
  g_ptr_array_unref (c->items);
  g_array_unref (c->waits);
  g_object_unref (c->cancellable);
}

static void
item_cb (AtlasRemoteItem *item,
         gpointer         user_data)
{
  Collected *c = user_data;

  g_ptr_array_add (c->items, item);
  if (c->cancel_after > 0 && c->items->len == c->cancel_after)
    g_cancellable_cancel (c->cancellable);
}

static void
progress_cb (const AtlasRemoteProgress *progress,
             gpointer                   user_data)
{
  Collected *c = user_data;

  g_assert_nonnull (progress->message);
  if (progress->phase == ATLAS_REMOTE_PHASE_WAITING)
    g_array_append_val (c->waits, progress->wait_seconds);
}

gboolean
collect (const char        *text,
         AtlasCredentials  *credentials,
         Collected         *c,
         void             (*setup) (AtlasRemoteSource *source),
         GError           **error)
{
  g_autoptr(AtlasRemoteSource) source = atlas_remote_source_new (text, credentials, error);

  if (source == NULL)
    return FALSE;
  if (setup != NULL)
    setup (source);
  return atlas_remote_source_run (source, item_cb, progress_cb, c, c->cancellable, error);
}

AtlasRemoteItem *
collected_find (Collected  *c,
                const char *location_suffix)
{
  for (guint i = 0; i < c->items->len; i++)
    {
      AtlasRemoteItem *item = g_ptr_array_index (c->items, i);

      if (g_str_has_suffix (item->location, location_suffix))
        return item;
    }
  return NULL;
}

guint
item_n_crashes (AtlasRemoteItem *item)
{
  if (item->error != NULL)
    g_test_message ("%s: %s", item->location, item->error->message);
  g_assert_nonnull (item->notebook);
  return atlas_notebook_get_crashes (item->notebook)->len;
}

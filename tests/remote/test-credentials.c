/* test-credentials.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "atlas-credentials.h"

static void
test_env_and_files (void)
{
  g_autofree char *dir = g_dir_make_tmp ("atlas-kaggle-XXXXXX", NULL);
  g_autofree char *json = g_build_filename (dir, "kaggle.json", NULL);
  g_autofree char *token = g_build_filename (dir, "access_token", NULL);
  g_autoptr(AtlasCredentials) c = atlas_credentials_new ();
  g_autoptr(AtlasCredentials) copy = NULL;

  g_assert_true (g_file_set_contents (json, "{\"username\":\"alice\",\"key\":\"filekey\"}", -1, NULL));
  g_assert_true (g_file_set_contents (token, "tok-from-file\n", -1, NULL));
  g_setenv ("KAGGLE_CONFIG_DIR", dir, TRUE);
  g_setenv ("GITHUB_TOKEN", "ghp_env", TRUE);
  g_setenv ("KAGGLE_USERNAME", "bob", TRUE);
  g_unsetenv ("KAGGLE_KEY");          /* a user name alone is not a credential */
  g_unsetenv ("KAGGLE_API_TOKEN");

  atlas_credentials_add_from_env (c);
  g_assert_cmpstr (c->github_token, ==, "ghp_env");
  g_assert_null (c->kaggle_username);
  atlas_credentials_add_from_kaggle_files (c);
  g_assert_cmpstr (c->kaggle_token, ==, "tok-from-file");   /* stripped */
  g_assert_cmpstr (c->kaggle_username, ==, "alice");
  g_assert_cmpstr (c->kaggle_key, ==, "filekey");

  /* what is set first wins */
  g_setenv ("KAGGLE_API_TOKEN", "tok-env", TRUE);
  atlas_credentials_add_from_env (c);
  g_assert_cmpstr (c->kaggle_token, ==, "tok-from-file");
  copy = atlas_credentials_copy (c);
  g_assert_cmpstr (atlas_credentials_get (copy, ATLAS_SECRET_KAGGLE_KEY), ==, "filekey");
  atlas_credentials_set (copy, ATLAS_SECRET_KAGGLE_KEY, NULL);
  g_assert_null (copy->kaggle_key);
  g_assert_cmpstr (c->kaggle_key, ==, "filekey");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/Remote/Credentials/env-and-files", test_env_and_files);
  return g_test_run ();
}

/* test-remote-spec.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "atlas-remote-error.h"
#include "atlas-remote-spec.h"

static AtlasRemoteSpec *
parse_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  AtlasRemoteSpec *spec = atlas_remote_spec_parse (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (spec);
  g_assert_true (atlas_remote_spec_is_remote (text));
  return spec;
}

static void
test_github_forms (void)
{
  g_autoptr(AtlasRemoteSpec) repo = parse_ok ("https://github.com/owner/repo.git/");
  g_autoptr(AtlasRemoteSpec) tree = parse_ok ("https://github.com/owner/repo/tree/v1.2/notebooks/week%201");
  g_autoptr(AtlasRemoteSpec) blob = parse_ok ("https://github.com/owner/repo/blob/main/a/b.ipynb");
  g_autoptr(AtlasRemoteSpec) shortf = parse_ok ("github:owner/repo@dev/sub");
  g_autoptr(AtlasRemoteSpec) gist = parse_ok ("https://gist.github.com/someone/abc123");
  g_autoptr(AtlasRemoteSpec) search = parse_ok ("github-search:import torch?max=30");
  g_autofree char *text = atlas_remote_spec_describe (tree);

  g_assert_cmpint (repo->kind, ==, ATLAS_REMOTE_GITHUB_REPO);
  g_assert_cmpstr (repo->name, ==, "repo");
  g_assert_null (repo->ref);
  g_assert_cmpstr (tree->ref, ==, "v1.2");
  g_assert_cmpstr (tree->path, ==, "notebooks/week 1");
  g_assert_nonnull (strstr (text, "owner/repo"));
  g_assert_cmpint (blob->kind, ==, ATLAS_REMOTE_GITHUB_FILE);
  g_assert_cmpstr (blob->path, ==, "a/b.ipynb");
  g_assert_cmpstr (shortf->ref, ==, "dev");
  g_assert_cmpstr (shortf->path, ==, "sub");
  g_assert_cmpstr (gist->gist, ==, "abc123");
  g_assert_cmpstr (search->search, ==, "import torch extension:ipynb");
  g_assert_cmpuint (search->max, ==, 30);
  g_assert_cmpint (atlas_remote_spec_platform (search), ==, ATLAS_PLATFORM_GITHUB);
}

static void
test_kaggle_forms (void)
{
  g_autoptr(AtlasRemoteSpec) url = parse_ok ("https://www.kaggle.com/code/alice/titanic-eda");
  g_autoptr(AtlasRemoteSpec) versioned = parse_ok ("kaggle:alice/titanic-eda@12");
  g_autoptr(AtlasRemoteSpec) comp = parse_ok ("kaggle-competition:titanic?sort=vote_count&max=500");
  g_autoptr(AtlasRemoteSpec) comp_url = parse_ok ("https://www.kaggle.com/competitions/titanic/code");
  g_autoptr(AtlasRemoteSpec) dataset = parse_ok ("kaggle-dataset:bob/iris");
  g_autoptr(AtlasRemoteSpec) user = parse_ok ("kaggle-user:carol");

  g_assert_cmpint (url->kind, ==, ATLAS_REMOTE_KAGGLE_KERNEL);
  g_assert_cmpstr (url->owner, ==, "alice");
  g_assert_cmpstr (url->name, ==, "titanic-eda");
  g_assert_cmpstr (versioned->version, ==, "12");
  g_assert_cmpint (comp->kind, ==, ATLAS_REMOTE_KAGGLE_LIST);
  g_assert_cmpstr (comp->competition, ==, "titanic");
  g_assert_cmpstr (comp->sort_by, ==, "VOTE_COUNT");
  g_assert_cmpuint (comp->max, ==, 500);
  g_assert_cmpstr (comp_url->competition, ==, "titanic");
  g_assert_cmpstr (dataset->dataset, ==, "bob/iris");
  g_assert_cmpstr (user->user, ==, "carol");
  g_assert_cmpint (atlas_remote_spec_platform (user), ==, ATLAS_PLATFORM_KAGGLE);
}

static void
test_rejected (void)
{
  const char *bad[] = {
    "https://github.com/owner", "https://github.com/o/r/tree", "github:o/../r", "github:o/r/../../x",
    "kaggle:alice", "kaggle:al ice/x", "https://example.com/o/r", "kaggle-competition:",
    "github-search:x?max=0", "https://github.com/o/r/pulls",
    /* a version given twice leaked the first (seen with detect_leaks=1) */
    "kaggle:alice/titanic@3/versions/5",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AtlasRemoteSpec) spec = atlas_remote_spec_parse (bad[i], &error);

      g_assert_null (spec);
      g_assert_error (error, ATLAS_REMOTE_ERROR, ATLAS_REMOTE_ERROR_INVALID_SOURCE);
      g_assert_nonnull (strstr (error->message, bad[i]));
    }
  g_assert_false (atlas_remote_spec_is_remote ("./local-folder"));
  g_assert_false (atlas_remote_spec_is_remote ("notebook.ipynb"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/Remote/Spec/github", test_github_forms);
  g_test_add_func ("/Remote/Spec/kaggle", test_kaggle_forms);
  g_test_add_func ("/Remote/Spec/rejected", test_rejected);
  return g_test_run ();
}

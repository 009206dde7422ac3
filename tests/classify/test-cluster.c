/* test-cluster.c — the study's message clustering
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "atlas-cluster.h"
#include "atlas-corpus-clusters.h"

static guint *
cluster (const char * const *messages,
         guint               n,
         guint              *n_clusters)
{
  return atlas_cluster_messages (messages, n, n_clusters);
}

static void
test_normalize (void)
{
  struct { const char *in, *out; } cases[] = {
    { "name 'df_train' is not defined", "name is not defined" },
    { "[Errno 2] No such file or directory: '/kaggle/input/a.csv'", "errno no such file or directory" },
    { "Unable to allocate 74.5 GiB for an array with shape (100000, 100000)",
      "unable to allocate gib for an array with shape" },
    { "could not open /home/me/data/x.csv now", "could not open now" },
    { "Shape Shape shape", "shape" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = atlas_cluster_normalize (cases[i].in);

      g_assert_cmpstr (got, ==, cases[i].out);
    }
}

static void
test_same_and_different (void)
{
  const char *messages[] = {
    "name 'x' is not defined",
    "'DataFrame' object has no attribute 'foo'",
    "name 'other_variable' is not defined",
    "'Series' object has no attribute 'bar'",
    "list index out of range",
  };
  guint n_clusters;
  g_autofree guint *ids = cluster (messages, G_N_ELEMENTS (messages), &n_clusters);

  g_assert_cmpuint (n_clusters, ==, 3);
  g_assert_cmpuint (ids[0], ==, ids[2]);
  g_assert_cmpuint (ids[1], ==, ids[3]);
  g_assert_cmpuint (ids[0], !=, ids[1]);
  g_assert_cmpuint (ids[4], !=, ids[0]);
  g_assert_cmpuint (ids[4], !=, ids[1]);
  /* Largest first, ties by first appearance. */
  g_assert_cmpuint (ids[0], ==, 0);
  g_assert_cmpuint (ids[1], ==, 1);
  g_assert_cmpuint (ids[4], ==, 2);
}

static void
test_threshold_edge (void)
{
  /* 7 shared words of 10 in all: Jaccard 0.7 exactly, joined. */
  const char *at[] = { "a b c d e f g h", "a b c d e f g i j" };
  /* 6 of 10: 0.6, apart. */
  const char *below[] = { "a b c d e f g h", "a b c d e f x y z" };
  guint n;
  g_autofree guint *ids_at = NULL, *ids_below = NULL;
  g_autofree char *probe = atlas_cluster_normalize ("a b c");

  g_assert_cmpstr (probe, ==, "a b c");
  ids_at = cluster (at, 2, &n);
  g_assert_cmpuint (n, ==, 1);
  ids_below = cluster (below, 2, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpuint (ids_below[0], !=, ids_below[1]);
}

static void
test_numbers_and_paths_ignored (void)
{
  const char *messages[] = {
    "[Errno 2] No such file or directory: /data/run1/train.csv",
    "[Errno 13] No such file or directory: C:\\Users\\me\\test.csv",
    "index 6 is out of bounds for axis 0 with size 6",
    "index 120 is out of bounds for axis 1 with size 3",
  };
  guint n;
  g_autofree guint *ids = cluster (messages, G_N_ELEMENTS (messages), &n);

  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpuint (ids[0], ==, ids[1]);
  g_assert_cmpuint (ids[2], ==, ids[3]);
}

/* A~B and B~C but not A~C: one connected component. */
static void
test_transitive (void)
{
  const char *messages[] = {
    "w1 w2 w3 w4 w5 w6 w7 w8 w9 w10",
    "w1 w2 w3 w4 w5 w6 w7 w8 w9 w11",
    "w1 w2 w3 w4 w5 w6 w7 w8 w12 w13",
  };
  guint n;
  g_autofree guint *ids = NULL;

  ids = cluster (messages, G_N_ELEMENTS (messages), &n);
  /* Digits glued to words are dropped: use letters instead. */
  g_assert_cmpuint (n, ==, 1);
  {
    const char *letters[] = {
      "aa bb cc dd ee ff gg hh ii jj",
      "aa bb cc dd ee ff gg hh ii kk",
      "aa bb cc dd ee ff gg hh ll mm",
    };
    g_autofree guint *lids = cluster (letters, 3, &n);

    /* A–B: 9/11; B–C: 8/12 = 0.67 < 0.7; A–C: 8/12. So C stays apart. */
    g_assert_cmpuint (n, ==, 2);
    g_assert_cmpuint (lids[0], ==, lids[1]);
    g_assert_cmpuint (lids[2], !=, lids[0]);
  }
  {
    const char *chain[] = {
      "aa bb cc dd ee ff gg hh ii jj kk ll mm nn oo pp qq rr ss tt",
      "aa bb cc dd ee ff gg hh ii jj kk ll mm nn oo pp qq rr ss uu",
      "aa bb cc dd ee ff gg hh ii jj kk ll mm nn oo pp qq rr vv uu",
      "aa bb cc dd ee ff gg hh ii jj kk ll mm nn oo pp qq ww vv uu",
      "aa bb cc dd ee ff gg hh ii jj kk ll mm nn oo pp xx ww vv uu",
      "aa bb cc dd ee ff gg hh ii jj kk ll mm nn oo yy xx ww vv uu",
      "aa bb cc dd ee ff gg hh ii jj kk ll mm nn zz yy xx ww vv uu",
    };
    g_autofree guint *cids = cluster (chain, G_N_ELEMENTS (chain), &n);

    /* Neighbours share 19 of 21 words; the ends share 14 of 26 (0.54). */
    g_assert_cmpuint (n, ==, 1);
    g_assert_cmpuint (cids[0], ==, cids[6]);
  }
}

/* Fills "@" with a random name and "#" with a random number. */
static char *
fill (const char *template,
      GRand      *rand)
{
  GString *out = g_string_new (NULL);

  for (const char *p = template; *p != '\0'; p++)
    {
      if (*p == '@')
        g_string_append_printf (out, "v%x", g_rand_int (rand));
      else if (*p == '#')
        g_string_append_printf (out, "%d", g_rand_int_range (rand, 0, 5000));
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static void
test_hundred_thousand (void)
{
  const char *templates[] = {
    "name '@' is not defined",
    "'@' object has no attribute '@'",
    "No module named '@'",
    "could not convert string to float: '@'",
    "[Errno 2] No such file or directory: '/data/@.csv'",
    "index # is out of bounds for axis 0 with size #",
    "Input contains NaN, infinity or a value too large for dtype('float64')",
    "Found input variables with inconsistent numbers of samples: [#, #]",
    "CUDA out of memory. Tried to allocate #.00 MiB (GPU 0; # GiB total capacity)",
    "unsupported operand type(s) for +: '@' and '@'",
  };
  const guint n = 100000;
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autofree guint *ids = NULL;
  guint n_clusters;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (messages, fill (templates[i % G_N_ELEMENTS (templates)], rand));
  ids = cluster ((const char * const *)messages->pdata, n, &n_clusters);

  g_assert_cmpuint (n_clusters, ==, G_N_ELEMENTS (templates));
  for (guint i = 0; i < n; i++)
    g_assert_cmpuint (ids[i], ==, ids[i % G_N_ELEMENTS (templates)]);
}

static void
test_empty (void)
{
  guint n = 42;
  g_autofree guint *ids = atlas_cluster_messages (NULL, 0, &n);

  g_assert_cmpuint (n, ==, 0);
  {
    const char *messages[] = { "", "123", "" };
    g_autofree guint *e = cluster (messages, 3, &n);

    /* Nothing left to compare: messages alike only when empty alike. */
    g_assert_cmpuint (n, ==, 1);
    g_assert_cmpuint (e[0], ==, e[2]);
  }
}

static void
test_corpus_update (void)
{
  g_autoptr(AtlasCorpus) corpus = atlas_corpus_new ();
  g_autoptr(GPtrArray) crashes = g_ptr_array_new_with_free_func (g_object_unref);
  const char *values[] = { "name 'a' is not defined", "division by zero", "name 'b' is not defined" };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    g_ptr_array_add (crashes, atlas_crash_new ("n.ipynb", ATLAS_PLATFORM_LOCAL, i, (int)i + 1,
                                               i == 1 ? "ZeroDivisionError" : "NameError", values[i], NULL));
  atlas_corpus_add (corpus, atlas_notebook_info_new_failed ("n.ipynb", ATLAS_PLATFORM_LOCAL,
                                                            ATLAS_NOTEBOOK_STATUS_OK, NULL),
                    crashes);
  g_assert_cmpint (atlas_crash_get_cluster (atlas_corpus_get_crash (corpus, 0)), ==, -1);
  g_assert_cmpuint (atlas_corpus_update_clusters (corpus), ==, 2);
  g_assert_cmpint (atlas_crash_get_cluster (atlas_corpus_get_crash (corpus, 0)), ==, 0);
  g_assert_cmpint (atlas_crash_get_cluster (atlas_corpus_get_crash (corpus, 1)), ==, 1);
  g_assert_cmpint (atlas_crash_get_cluster (atlas_corpus_get_crash (corpus, 2)), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Atlas/Cluster/normalize", test_normalize);
  g_test_add_func ("/Atlas/Cluster/same-and-different", test_same_and_different);
  g_test_add_func ("/Atlas/Cluster/threshold-edge", test_threshold_edge);
  g_test_add_func ("/Atlas/Cluster/numbers-and-paths", test_numbers_and_paths_ignored);
  g_test_add_func ("/Atlas/Cluster/transitive", test_transitive);
  g_test_add_func ("/Atlas/Cluster/hundred-thousand", test_hundred_thousand);
  g_test_add_func ("/Atlas/Cluster/empty", test_empty);
  g_test_add_func ("/Atlas/Cluster/corpus-update", test_corpus_update);

  return g_test_run ();
}

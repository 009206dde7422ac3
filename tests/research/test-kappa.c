/* test-kappa.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "atlas-agreement.h"

/* Cohen's kappa and its Fleiss–Cohen–Everitt interval against tables
 * worked out by hand. */

static void
test_two_by_two (void)
{
  /* [[20, 5], [10, 15]], n = 50: p_o = 35/50 = 0.7; rows 0.5, 0.5; columns
   * 0.6, 0.4; p_e = 0.5·0.6 + 0.5·0.4 = 0.5; κ = 0.2 / 0.5 = 0.4.
   * A = 0.4·(1 − 1.1·0.6)² + 0.3·(1 − 0.9·0.6)² = 0.04624 + 0.06348 = 0.10972
   * B = 0.6²·(0.1·(0.6 + 0.5)² + 0.2·(0.4 + 0.5)²) = 0.36·0.283 = 0.10188
   * C = (0.4 − 0.5·0.6)² = 0.01
   * Var = 0.2016 / (50·0.25) = 0.016128; SE = 0.126996; 95%: [0.15109, 0.64891]. */
  const guint table[] = { 20, 5, 10, 15 };
  g_autoptr(AtlasKappa) kappa = atlas_kappa_new_from_table (table, 2);

  g_assert_cmpuint (kappa->n, ==, 50);
  g_assert_cmpfloat_with_epsilon (kappa->agreement, 0.7, 1e-12);
  g_assert_cmpfloat_with_epsilon (kappa->kappa, 0.4, 1e-12);
  g_assert_cmpfloat_with_epsilon (kappa->kappa_se, sqrt (0.016128), 1e-9);
  g_assert_cmpfloat_with_epsilon (kappa->kappa_low, 0.151092, 1e-5);
  g_assert_cmpfloat_with_epsilon (kappa->kappa_high, 0.648908, 1e-5);
}

static void
test_perfect (void)
{
  /* Everything on the diagonal: κ = 1, A = Σ p_ii = 1, B = 0, C = 1: Var = 0. */
  const guint table[] = { 5, 0, 0, 0, 3, 0, 0, 0, 2 };
  g_autoptr(AtlasKappa) kappa = atlas_kappa_new_from_table (table, 3);

  g_assert_cmpfloat_with_epsilon (kappa->agreement, 1.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (kappa->kappa, 1.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (kappa->kappa_se, 0.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (kappa->kappa_low, 1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (kappa->kappa_high, 1.0, 1e-9);
}

static void
test_below_chance (void)
{
  /* [[2, 8], [7, 3]], n = 20: p_o = 0.25; rows 0.5, 0.5; columns 0.45, 0.55;
   * p_e = 0.5; κ = −0.25 / 0.5 = −0.5.
   * A = 0.1·(1 − 0.95·1.5)² + 0.15·(1 − 1.05·1.5)² = 0.018063 + 0.049594
   * B = 1.5²·(0.4·(0.45 + 0.5)² + 0.35·(0.55 + 0.5)²) = 2.25·0.746875
   * C = (−0.5 − 0.5·1.5)² = 1.5625
   * Var = 0.185625 / (20·0.25) = 0.037125; SE = 0.192678; 95%: [−0.87764, −0.12236]. */
  const guint table[] = { 2, 8, 7, 3 };
  g_autoptr(AtlasKappa) kappa = atlas_kappa_new_from_table (table, 2);
  double a = 0.1 * pow (1 - 0.95 * 1.5, 2) + 0.15 * pow (1 - 1.05 * 1.5, 2);
  double b = 2.25 * (0.4 * pow (0.95, 2) + 0.35 * pow (1.05, 2));
  double se = sqrt ((a + b - 1.5625) / 5.0);

  g_assert_cmpfloat_with_epsilon (kappa->agreement, 0.25, 1e-12);
  g_assert_cmpfloat_with_epsilon (kappa->kappa, -0.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (kappa->kappa_se, se, 1e-9);
  g_assert_cmpfloat_with_epsilon (kappa->kappa_se, 0.192678, 1e-5);
  g_assert_cmpfloat_with_epsilon (kappa->kappa_low, -0.877643, 1e-5);
  g_assert_cmpfloat_with_epsilon (kappa->kappa_high, -0.122357, 1e-5);
}

static void
test_undefined (void)
{
  /* Both raters always say the same one value: p_e = 1, κ is undefined. */
  const guint table[] = { 7, 0, 0, 0 };
  g_autoptr(AtlasKappa) kappa = atlas_kappa_new_from_table (table, 2);

  g_assert_cmpfloat_with_epsilon (kappa->agreement, 1.0, 1e-12);
  g_assert_true (isnan (kappa->kappa));
}

static void
test_from_labels (void)
{
  /* The same 2×2 table as test_two_by_two from identifiers; NULL pairs out. */
  g_autofree const char **a = g_new0 (const char *, 52);
  g_autofree const char **b = g_new0 (const char *, 52);
  g_autoptr(AtlasKappa) kappa = NULL;
  guint i = 0;

  for (guint k = 0; k < 20; k++, i++)
    a[i] = "ML", b[i] = "ML";
  for (guint k = 0; k < 5; k++, i++)
    a[i] = "ML", b[i] = "PY";
  for (guint k = 0; k < 10; k++, i++)
    a[i] = "PY", b[i] = "ML";
  for (guint k = 0; k < 15; k++, i++)
    a[i] = "PY", b[i] = "PY";
  a[i++] = "PY";          /* second rater left it unset */
  b[i++] = "ML";          /* first rater left it unset */
  kappa = atlas_kappa_new (a, b, i);

  g_assert_cmpuint (kappa->n, ==, 50);
  g_assert_cmpuint (kappa->n_categories, ==, 2);
  g_assert_cmpstr (kappa->categories[0], ==, "ML");
  g_assert_cmpuint (atlas_kappa_get_count (kappa, 0, 1), ==, 5);
  g_assert_cmpuint (atlas_kappa_get_count (kappa, 1, 0), ==, 10);
  g_assert_cmpfloat_with_epsilon (kappa->kappa, 0.4, 1e-12);
}

static AtlasHandLabel *
make_label (const char     *location,
            guint           cell,
            const char     *rater,
            AtlasCrashType  type,
            AtlasMlBug      bug)
{
  AtlasHandLabel *label = atlas_hand_label_new (location, cell, rater);

  label->labels.crash_type = type;
  label->labels.ml_bug = bug;
  return label;
}

static void
test_compare (void)
{
  g_autoptr(GPtrArray) first = g_ptr_array_new_with_free_func ((GDestroyNotify)atlas_hand_label_free);
  g_autoptr(GPtrArray) second = g_ptr_array_new_with_free_func ((GDestroyNotify)atlas_hand_label_free);
  g_autoptr(AtlasAgreement) agreement = NULL;
  g_autoptr(JsonNode) json = NULL;
  const AtlasDisagreement *d;
  JsonObject *type;

  g_ptr_array_add (first, make_label ("a.ipynb", 1, "ann", ATLAS_CRASH_TYPE_VNF, ATLAS_ML_BUG_PY));
  g_ptr_array_add (first, make_label ("a.ipynb", 4, "ann", ATLAS_CRASH_TYPE_KEY, ATLAS_ML_BUG_ML));
  g_ptr_array_add (first, make_label ("b.ipynb", 0, "ann", ATLAS_CRASH_TYPE_KEY, ATLAS_ML_BUG_ML));
  g_ptr_array_add (second, make_label ("a.ipynb", 4, "bob", ATLAS_CRASH_TYPE_TYPE, ATLAS_ML_BUG_ML));
  g_ptr_array_add (second, make_label ("a.ipynb", 1, "bob", ATLAS_CRASH_TYPE_VNF, ATLAS_ML_BUG_PY));
  g_ptr_array_add (second, make_label ("c.ipynb", 0, "bob", ATLAS_CRASH_TYPE_KEY, ATLAS_ML_BUG_ML));
  agreement = atlas_agreement_compare (first, second, "ann", "bob");

  g_assert_cmpuint (agreement->n_crashes, ==, 2);
  g_assert_cmpuint (agreement->dimensions[ATLAS_DIMENSION_CRASH_TYPE]->n, ==, 2);
  g_assert_cmpfloat_with_epsilon (agreement->dimensions[ATLAS_DIMENSION_CRASH_TYPE]->agreement, 0.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (agreement->dimensions[ATLAS_DIMENSION_ML_BUG]->kappa, 1.0, 1e-12);
  /* Nobody labeled the stage: nothing compared. */
  g_assert_cmpuint (agreement->dimensions[ATLAS_DIMENSION_STAGE]->n, ==, 0);
  g_assert_cmpuint (agreement->disagreements->len, ==, 1);
  d = g_ptr_array_index (agreement->disagreements, 0);
  g_assert_cmpstr (d->location, ==, "a.ipynb");
  g_assert_cmpuint (d->cell, ==, 4);
  g_assert_cmpstr (d->first, ==, "KEY");
  g_assert_cmpstr (d->second, ==, "TYPE");

  json = atlas_agreement_to_json (agreement);
  type = json_object_get_object_member (json_node_get_object (json), "crash_type");
  g_assert_cmpint (json_object_get_int_member (type, "n"), ==, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (type, "kappa_ci")), ==, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (type, "confusion")), ==, 3);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/kappa/two-by-two", test_two_by_two);
  g_test_add_func ("/kappa/perfect", test_perfect);
  g_test_add_func ("/kappa/below-chance", test_below_chance);
  g_test_add_func ("/kappa/undefined", test_undefined);
  g_test_add_func ("/kappa/from-labels", test_from_labels);
  g_test_add_func ("/agreement/compare", test_compare);
  return g_test_run ();
}

/* atlas-agreement.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-research"

#include "config.h"

#include <math.h>
#include <string.h>

#include "atlas-agreement.h"

/* Fills kappa, its SE and interval from the confusion table. */
static void
compute_kappa (AtlasKappa *kappa)
{
  guint k = kappa->n_categories;
  g_autofree double *rows = g_new0 (double, k);
  g_autofree double *cols = g_new0 (double, k);
  double n = kappa->n, p_o = 0, p_e = 0, a = 0, b = 0, c, var;

  kappa->agreement = kappa->kappa = kappa->kappa_se = NAN;
  kappa->kappa_low = kappa->kappa_high = NAN;
  if (kappa->n == 0)
    return;

  for (guint i = 0; i < k; i++)
    for (guint j = 0; j < k; j++)
      {
        double p = kappa->confusion[i * k + j] / n;

        rows[i] += p;
        cols[j] += p;
        if (i == j)
          p_o += p;
      }
  for (guint i = 0; i < k; i++)
    p_e += rows[i] * cols[i];
  kappa->agreement = p_o;
  if (p_e >= 1.0 - 1e-12)
    return;

  kappa->kappa = (p_o - p_e) / (1.0 - p_e);
  for (guint i = 0; i < k; i++)
    for (guint j = 0; j < k; j++)
      {
        double p = kappa->confusion[i * k + j] / n;

        if (i == j)
          {
            double t = 1.0 - (rows[i] + cols[i]) * (1.0 - kappa->kappa);

            a += p * t * t;
          }
        else
          b += p * (cols[i] + rows[j]) * (cols[i] + rows[j]);
      }
  b *= (1.0 - kappa->kappa) * (1.0 - kappa->kappa);
  c = kappa->kappa - p_e * (1.0 - kappa->kappa);
  c *= c;
  /* Rounding can take an exact zero a hair below it. */
  var = MAX (0.0, (a + b - c) / (n * (1.0 - p_e) * (1.0 - p_e)));
  kappa->kappa_se = sqrt (var);
  kappa->kappa_low = MAX (-1.0, kappa->kappa - 1.959963984540054 * kappa->kappa_se);
  kappa->kappa_high = MIN (1.0, kappa->kappa + 1.959963984540054 * kappa->kappa_se);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

static guint
category_index (char       **categories,
                guint        k,
                const char  *id)
{
  const char *key = id;
  char **found = bsearch (&key, categories, k, sizeof (char *), compare_strings);

  g_assert (found != NULL);
  return (guint)(found - categories);
}

AtlasKappa *
atlas_kappa_new (const char * const *first,
                 const char * const *second,
                 guint               n)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) categories = g_ptr_array_new ();
  AtlasKappa *kappa = g_new0 (AtlasKappa, 1);
  guint k;

  for (guint i = 0; i < n; i++)
    {
      if (first[i] == NULL || second[i] == NULL)
        continue;
      if (g_hash_table_add (seen, (gpointer)first[i]))
        g_ptr_array_add (categories, g_strdup (first[i]));
      if (g_hash_table_add (seen, (gpointer)second[i]))
        g_ptr_array_add (categories, g_strdup (second[i]));
    }
  g_ptr_array_sort (categories, compare_strings);
  k = kappa->n_categories = categories->len;
  g_ptr_array_add (categories, NULL);
  kappa->categories = (char **)g_ptr_array_steal (categories, NULL);
  kappa->confusion = g_new0 (guint, MAX (1, k * k));

  for (guint i = 0; i < n; i++)
    {
      if (first[i] == NULL || second[i] == NULL)
        continue;
      kappa->confusion[category_index (kappa->categories, k, first[i]) * k +
                       category_index (kappa->categories, k, second[i])]++;
      kappa->n++;
    }
  compute_kappa (kappa);
  return kappa;
}

AtlasKappa *
atlas_kappa_new_from_table (const guint *table,
                            guint        k)
{
  AtlasKappa *kappa = g_new0 (AtlasKappa, 1);

  kappa->n_categories = k;
  kappa->categories = g_new0 (char *, k + 1);
  kappa->confusion = g_new0 (guint, MAX (1, k * k));
  for (guint i = 0; i < k; i++)
    kappa->categories[i] = g_strdup_printf ("%u", i);
  for (guint i = 0; i < k * k; i++)
    {
      kappa->confusion[i] = table[i];
      kappa->n += table[i];
    }
  compute_kappa (kappa);
  return kappa;
}

guint
atlas_kappa_get_count (const AtlasKappa *kappa,
                       guint             row,
                       guint             column)
{
  g_return_val_if_fail (row < kappa->n_categories && column < kappa->n_categories, 0);
  return kappa->confusion[row * kappa->n_categories + column];
}

void
atlas_kappa_free (AtlasKappa *kappa)
{
  if (kappa == NULL)
    return;
  g_strfreev (kappa->categories);
  g_free (kappa->confusion);
  g_free (kappa);
}

static void
disagreement_free (AtlasDisagreement *disagreement)
{
  g_free (disagreement->location);
  g_free (disagreement->first);
  g_free (disagreement->second);
  g_free (disagreement);
}

static char *
label_key (const AtlasHandLabel *label)
{
  return g_strdup_printf ("%u:%s", label->cell, label->location);
}

AtlasAgreement *
atlas_agreement_compare (GPtrArray  *first,
                         GPtrArray  *second,
                         const char *first_rater,
                         const char *second_rater)
{
  g_autoptr(GHashTable) by_crash = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) pairs = g_ptr_array_new ();   /* first, second, first, second … */
  AtlasAgreement *agreement = g_new0 (AtlasAgreement, 1);

  agreement->first_rater = g_strdup (first_rater);
  agreement->second_rater = g_strdup (second_rater);
  agreement->disagreements = g_ptr_array_new_with_free_func ((GDestroyNotify)disagreement_free);

  for (guint i = 0; i < second->len; i++)
    g_hash_table_insert (by_crash, label_key (g_ptr_array_index (second, i)),
                         g_ptr_array_index (second, i));
  for (guint i = 0; i < first->len; i++)
    {
      AtlasHandLabel *a = g_ptr_array_index (first, i);
      g_autofree char *key = label_key (a);
      AtlasHandLabel *b = g_hash_table_lookup (by_crash, key);

      if (b == NULL)
        continue;
      g_ptr_array_add (pairs, a);
      g_ptr_array_add (pairs, b);
    }
  agreement->n_crashes = pairs->len / 2;

  for (guint d = 0; d < ATLAS_N_DIMENSIONS; d++)
    {
      g_autofree const char **a_ids = g_new0 (const char *, agreement->n_crashes + 1);
      g_autofree const char **b_ids = g_new0 (const char *, agreement->n_crashes + 1);

      for (guint i = 0; i < agreement->n_crashes; i++)
        {
          AtlasHandLabel *a = g_ptr_array_index (pairs, 2 * i);
          AtlasHandLabel *b = g_ptr_array_index (pairs, 2 * i + 1);

          a_ids[i] = atlas_hand_label_get_id (a, d);
          b_ids[i] = atlas_hand_label_get_id (b, d);
          if (a_ids[i] != NULL && b_ids[i] != NULL && !g_str_equal (a_ids[i], b_ids[i]))
            {
              AtlasDisagreement *disagreement = g_new0 (AtlasDisagreement, 1);

              disagreement->location = g_strdup (a->location);
              disagreement->cell = a->cell;
              disagreement->dimension = d;
              disagreement->first = g_strdup (a_ids[i]);
              disagreement->second = g_strdup (b_ids[i]);
              g_ptr_array_add (agreement->disagreements, disagreement);
            }
        }
      agreement->dimensions[d] = atlas_kappa_new (a_ids, b_ids, agreement->n_crashes);
    }
  return agreement;
}

void
atlas_agreement_free (AtlasAgreement *agreement)
{
  if (agreement == NULL)
    return;
  for (guint d = 0; d < ATLAS_N_DIMENSIONS; d++)
    atlas_kappa_free (agreement->dimensions[d]);
  g_ptr_array_unref (agreement->disagreements);
  g_free (agreement->first_rater);
  g_free (agreement->second_rater);
  g_free (agreement);
}

GPtrArray *
atlas_automatic_labels (AtlasCorpus *corpus)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *labels = g_ptr_array_new_with_free_func ((GDestroyNotify)atlas_hand_label_free);

  for (guint i = 0; i < atlas_corpus_get_n_crashes (corpus); i++)
    {
      AtlasCrash *crash = atlas_corpus_get_crash (corpus, i);
      AtlasHandLabel *label = atlas_hand_label_new (atlas_crash_get_location (crash),
                                                    atlas_crash_get_cell (crash), "automatic");

      if (!g_hash_table_add (seen, label_key (label)))
        {
          atlas_hand_label_free (label);
          continue;
        }
      atlas_classification_copy (atlas_crash_get_classification (crash), &label->labels);
      g_ptr_array_add (labels, label);
    }
  return labels;
}

static void
add_number (JsonBuilder *builder,
            double       value)
{
  if (isnan (value))
    json_builder_add_null_value (builder);
  else
    json_builder_add_double_value (builder, value);
}

static void
add_kappa (JsonBuilder      *builder,
           const AtlasKappa *kappa)
{
  guint k = kappa->n_categories;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "n");
  json_builder_add_int_value (builder, kappa->n);
  json_builder_set_member_name (builder, "agreement");
  add_number (builder, kappa->agreement);
  json_builder_set_member_name (builder, "kappa");
  add_number (builder, kappa->kappa);
  json_builder_set_member_name (builder, "kappa_ci");
  json_builder_begin_array (builder);
  add_number (builder, kappa->kappa_low);
  add_number (builder, kappa->kappa_high);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "categories");
  json_builder_begin_array (builder);
  for (guint i = 0; i < k; i++)
    json_builder_add_string_value (builder, kappa->categories[i]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "confusion");
  json_builder_begin_array (builder);
  for (guint i = 0; i < k; i++)
    {
      json_builder_begin_array (builder);
      for (guint j = 0; j < k; j++)
        json_builder_add_int_value (builder, kappa->confusion[i * k + j]);
      json_builder_end_array (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

JsonNode *
atlas_agreement_to_json (const AtlasAgreement *agreement)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "first");
  json_builder_add_string_value (builder, agreement->first_rater);
  json_builder_set_member_name (builder, "second");
  json_builder_add_string_value (builder, agreement->second_rater);
  json_builder_set_member_name (builder, "n_crashes");
  json_builder_add_int_value (builder, agreement->n_crashes);
  for (guint d = 0; d < ATLAS_N_DIMENSIONS; d++)
    {
      json_builder_set_member_name (builder, atlas_dimension_id (d));
      add_kappa (builder, agreement->dimensions[d]);
    }
  json_builder_set_member_name (builder, "disagreements");
  json_builder_begin_array (builder);
  for (guint i = 0; i < agreement->disagreements->len; i++)
    {
      const AtlasDisagreement *disagreement = g_ptr_array_index (agreement->disagreements, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "notebook");
      json_builder_add_string_value (builder, disagreement->location);
      json_builder_set_member_name (builder, "cell");
      json_builder_add_int_value (builder, disagreement->cell);
      json_builder_set_member_name (builder, "dimension");
      json_builder_add_string_value (builder, atlas_dimension_id (disagreement->dimension));
      json_builder_set_member_name (builder, "first");
      json_builder_add_string_value (builder, disagreement->first);
      json_builder_set_member_name (builder, "second");
      json_builder_add_string_value (builder, disagreement->second);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

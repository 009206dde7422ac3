/* atlas-estimate.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-research"

#include "config.h"

#include <math.h>
#include <string.h>

#include "atlas-estimate.h"

#define Z_95 1.959963984540054

typedef struct
{
  guint  n;
  double size;
  double sum;      /* of t = weight · value */
  double sum_sq;
} StratumSums;

double
atlas_estimate_total_variance (const AtlasEstimateUnit *units,
                               guint                    n_units)
{
  g_autoptr(GHashTable) strata = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  GHashTableIter iter;
  StratumSums *sums;
  StratumSums collapsed = { 0 };
  double variance = 0;

  for (guint i = 0; i < n_units; i++)
    {
      double t = units[i].weight * units[i].value;

      sums = g_hash_table_lookup (strata, GUINT_TO_POINTER (units[i].stratum));
      if (sums == NULL)
        {
          sums = g_new0 (StratumSums, 1);
          sums->size = units[i].stratum_size;
          g_hash_table_insert (strata, GUINT_TO_POINTER (units[i].stratum), sums);
        }
      sums->n++;
      sums->sum += t;
      sums->sum_sq += t * t;
    }

  g_hash_table_iter_init (&iter, strata);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&sums))
    {
      double fpc = sums->size > 0 ? MAX (0.0, 1.0 - sums->n / sums->size) : 0.0;

      if (fpc < 1e-12)
        continue;  /* labeled in full: no sampling error */
      if (sums->n >= 2)
        {
          double mean = sums->sum / sums->n;
          double s2 = MAX (0.0, (sums->sum_sq - sums->n * mean * mean) / (sums->n - 1));

          variance += fpc * sums->n * s2;
        }
      else
        {
          collapsed.n++;
          collapsed.size += sums->size;
          collapsed.sum += sums->sum;
          collapsed.sum_sq += sums->sum_sq;
        }
    }

  if (collapsed.n >= 2)
    {
      double mean = collapsed.sum / collapsed.n;
      double ss = MAX (0.0, collapsed.sum_sq - collapsed.n * mean * mean);
      double fpc = MAX (0.0, 1.0 - collapsed.n / collapsed.size);

      variance += fpc * collapsed.n / (collapsed.n - 1.0) * ss;
    }
  else if (collapsed.n == 1)
    /* One lone unit says nothing of its spread: count its whole value. */
    variance += collapsed.sum_sq;
  return variance;
}

static AtlasInterval
interval_around (double estimate,
                 double variance)
{
  AtlasInterval interval;

  interval.estimate = estimate;
  interval.se = sqrt (MAX (0.0, variance));
  interval.low = CLAMP (estimate - Z_95 * interval.se, 0.0, 1.0);
  interval.high = CLAMP (estimate + Z_95 * interval.se, 0.0, 1.0);
  return interval;
}

AtlasInterval
atlas_estimate_ppi (double                   automatic_share,
                    double                   n_population,
                    const AtlasEstimateUnit *units,
                    guint                    n_units)
{
  double rectifier = 0;

  if (n_population <= 0)
    return interval_around (NAN, NAN);
  for (guint i = 0; i < n_units; i++)
    rectifier += units[i].weight * units[i].value;
  return interval_around (automatic_share + rectifier / n_population,
                          atlas_estimate_total_variance (units, n_units) /
                          (n_population * n_population));
}

/* What the estimate needs of one labeled sample crash. */
typedef struct
{
  guint       stratum;
  double      stratum_size;
  double      weight;
  gboolean    in_domain;
  const char *hand;
  const char *automatic;
} LabeledUnit;

static const char *
or_unclassified (const char *id)
{
  return id != NULL ? id : "unclassified";
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

static char *
crash_key (const char *location,
           guint       cell)
{
  return g_strdup_printf ("%u:%s", cell, location);
}

/* The labeled sample crashes, with weights N_h / n_h over the labeled ones. */
static GArray *
collect_units (GPtrArray      *sample,
               GHashTable     *crashes,
               GHashTable     *labels,
               AtlasDimension  dimension,
               AtlasFilter    *filter)
{
  g_autoptr(GHashTable) stratum_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) drawn_size = g_array_new (FALSE, TRUE, sizeof (double));
  g_autoptr(GArray) n_labeled = g_array_new (FALSE, TRUE, sizeof (guint));
  GArray *units = g_array_new (FALSE, FALSE, sizeof (LabeledUnit));

  for (guint i = 0; i < sample->len; i++)
    {
      const AtlasSampleItem *item = g_ptr_array_index (sample, i);
      g_autofree char *key = crash_key (item->location, item->cell);
      AtlasCrash *crash = g_hash_table_lookup (crashes, key);
      const AtlasHandLabel *label = g_hash_table_lookup (labels, key);
      gpointer found;
      guint h;

      if (!g_hash_table_lookup_extended (stratum_ids, item->stratum, NULL, &found))
        {
          double zero = 0;
          guint none = 0;

          found = GUINT_TO_POINTER (drawn_size->len);
          g_hash_table_insert (stratum_ids, item->stratum, found);
          g_array_append_val (drawn_size, zero);
          g_array_append_val (n_labeled, none);
        }
      h = GPOINTER_TO_UINT (found);
      /* Each drawn crash stands for weight crashes: together, N_h. */
      g_array_index (drawn_size, double, h) += item->weight;
      if (crash == NULL || label == NULL)
        continue;
      g_array_index (n_labeled, guint, h)++;
      g_array_append_vals (units, &(LabeledUnit) {
        .stratum = h,
        .in_domain = filter == NULL || atlas_filter_matches (filter, crash),
        .hand = or_unclassified (atlas_hand_label_get_id (label, dimension)),
        .automatic = or_unclassified (atlas_crash_get_label_id (crash, dimension)),
      }, 1);
    }

  for (guint i = 0; i < units->len; i++)
    {
      LabeledUnit *unit = &g_array_index (units, LabeledUnit, i);

      unit->stratum_size = g_array_index (drawn_size, double, unit->stratum);
      unit->weight = unit->stratum_size / g_array_index (n_labeled, guint, unit->stratum);
    }
  return units;
}

AtlasEstimates *
atlas_estimates_new (AtlasCorpus    *corpus,
                     GPtrArray      *sample,
                     GPtrArray      *labels,
                     AtlasDimension  dimension,
                     AtlasFilter    *filter)
{
  g_autoptr(GHashTable) crashes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) by_crash = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) category_set = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) automatic_counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) units = NULL;
  g_autofree AtlasEstimateUnit *rectifier = NULL;
  g_autofree AtlasEstimateUnit *residual = NULL;
  AtlasEstimates *estimates = g_new0 (AtlasEstimates, 1);
  GPtrArray *categories = g_ptr_array_new ();
  guint k;

  estimates->dimension = dimension;
  for (guint i = 0; i < atlas_corpus_get_n_crashes (corpus); i++)
    {
      AtlasCrash *crash = atlas_corpus_get_crash (corpus, i);
      char *key = crash_key (atlas_crash_get_location (crash), atlas_crash_get_cell (crash));
      const char *id;

      /* One unit per notebook and cell (its first crash), as the sample counts them. */
      if (g_hash_table_contains (crashes, key))
        {
          g_free (key);
          continue;
        }
      g_hash_table_insert (crashes, key, crash);
      if (filter != NULL && !atlas_filter_matches (filter, crash))
        continue;
      id = or_unclassified (atlas_crash_get_label_id (crash, dimension));
      g_hash_table_add (category_set, (gpointer)id);
      g_hash_table_insert (automatic_counts, (gpointer)id,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (automatic_counts, id)) + 1));
      estimates->n_crashes++;
    }
  for (guint i = 0; i < labels->len; i++)
    {
      const AtlasHandLabel *label = g_ptr_array_index (labels, i);

      g_hash_table_insert (by_crash, crash_key (label->location, label->cell), (gpointer)label);
    }

  units = collect_units (sample, crashes, by_crash, dimension, filter);
  estimates->n_labeled = units->len;
  for (guint i = 0; i < units->len; i++)
    if (g_array_index (units, LabeledUnit, i).in_domain)
      g_hash_table_add (category_set, (gpointer)g_array_index (units, LabeledUnit, i).hand);

  {
    GHashTableIter iter;
    gpointer id;

    g_hash_table_iter_init (&iter, category_set);
    while (g_hash_table_iter_next (&iter, &id, NULL))
      g_ptr_array_add (categories, g_strdup (id));
  }
  g_ptr_array_sort (categories, compare_strings);
  k = estimates->n_categories = categories->len;
  g_ptr_array_add (categories, NULL);
  estimates->categories = (char **)g_ptr_array_free (categories, FALSE);
  estimates->automatic = g_new0 (double, MAX (k, 1));
  estimates->sample = g_new0 (AtlasInterval, MAX (k, 1));
  estimates->estimate = g_new0 (AtlasInterval, MAX (k, 1));

  rectifier = g_new0 (AtlasEstimateUnit, MAX (units->len, 1));
  residual = g_new0 (AtlasEstimateUnit, MAX (units->len, 1));
  for (guint c = 0; c < k; c++)
    {
      const char *id = estimates->categories[c];
      double domain_weight = 0, hand_weight = 0, share;

      estimates->automatic[c] = estimates->n_crashes > 0
        ? GPOINTER_TO_UINT (g_hash_table_lookup (automatic_counts, id)) / (double)estimates->n_crashes
        : NAN;
      for (guint i = 0; i < units->len; i++)
        {
          const LabeledUnit *unit = &g_array_index (units, LabeledUnit, i);
          double y = unit->in_domain && g_str_equal (unit->hand, id);
          double f = unit->in_domain && g_str_equal (unit->automatic, id);

          rectifier[i] = (AtlasEstimateUnit) { unit->stratum, unit->stratum_size, unit->weight, y - f };
          domain_weight += unit->in_domain ? unit->weight : 0;
          hand_weight += unit->weight * y;
        }
      estimates->estimate[c] = atlas_estimate_ppi (estimates->automatic[c], estimates->n_crashes,
                                                   rectifier, units->len);

      /* Hájek share of the sample alone, linearised: z = 1[dom] (y − θ̂). */
      share = domain_weight > 0 ? hand_weight / domain_weight : NAN;
      for (guint i = 0; i < units->len; i++)
        {
          const LabeledUnit *unit = &g_array_index (units, LabeledUnit, i);
          double y = unit->in_domain && g_str_equal (unit->hand, id);

          residual[i] = (AtlasEstimateUnit) { unit->stratum, unit->stratum_size, unit->weight,
                                              unit->in_domain ? y - share : 0 };
        }
      estimates->sample[c] = domain_weight > 0
        ? interval_around (share, atlas_estimate_total_variance (residual, units->len) /
                                  (domain_weight * domain_weight))
        : interval_around (NAN, NAN);
    }
  return estimates;
}

int
atlas_estimates_find (const AtlasEstimates *estimates,
                      const char           *id)
{
  for (guint c = 0; c < estimates->n_categories; c++)
    if (g_str_equal (estimates->categories[c], id))
      return (int)c;
  return -1;
}

void
atlas_estimates_free (AtlasEstimates *estimates)
{
  if (estimates == NULL)
    return;
  g_strfreev (estimates->categories);
  g_free (estimates->automatic);
  g_free (estimates->sample);
  g_free (estimates->estimate);
  g_free (estimates);
}

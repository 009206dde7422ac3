/* atlas-sample.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-research"

#include "config.h"

#include <string.h>

#include "atlas-sample.h"

static const char *const design_names[] = { "none", "cluster", "platform" };

const char *
atlas_sample_design_to_string (AtlasSampleDesign design)
{
  g_return_val_if_fail ((guint)design < G_N_ELEMENTS (design_names), NULL);
  return design_names[design];
}

gboolean
atlas_sample_design_from_string (const char        *str,
                                 AtlasSampleDesign *design)
{
  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (design_names); i++)
    if (g_str_equal (str, design_names[i]))
      {
        *design = i;
        return TRUE;
      }
  return FALSE;
}

typedef struct
{
  const char *name;
  GArray     *members;  /* guint indexes, in the order given */
  guint       n_drawn;
} Stratum;

static int
compare_strata (gconstpointer a,
                gconstpointer b)
{
  return strcmp ((*(Stratum * const *)a)->name, (*(Stratum * const *)b)->name);
}

static void
stratum_free (Stratum *stratum)
{
  g_array_unref (stratum->members);
  g_free (stratum);
}

/* Sorted strata, each with its members. */
static GPtrArray *
group_strata (const char * const *strata,
              guint               n)
{
  g_autoptr(GHashTable) by_name = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *sorted = g_ptr_array_new_with_free_func ((GDestroyNotify)stratum_free);

  for (guint i = 0; i < n; i++)
    {
      Stratum *stratum = g_hash_table_lookup (by_name, strata[i]);

      if (stratum == NULL)
        {
          stratum = g_new0 (Stratum, 1);
          stratum->name = strata[i];
          stratum->members = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (by_name, (gpointer)strata[i], stratum);
          g_ptr_array_add (sorted, stratum);
        }
      g_array_append_val (stratum->members, i);
    }
  g_ptr_array_sort (sorted, compare_strata);
  return sorted;
}

/* Moves @k uniformly chosen elements of @values to its front. */
static void
partial_shuffle (guint *values,
                 guint  n_values,
                 guint  k,
                 GRand *rand)
{
  for (guint i = 0; i < k && i + 1 < n_values; i++)
    {
      guint j = (guint)g_rand_int_range (rand, (gint32)i, (gint32)n_values);
      guint tmp = values[i];

      values[i] = values[j];
      values[j] = tmp;
    }
}

/* Step 3: proportional with at least one each. */
static void
allocate_proportionally (GPtrArray *strata,
                         guint      n,
                         guint      size)
{
  guint left = size;

  for (guint h = 0; h < strata->len; h++)
    {
      ((Stratum *)g_ptr_array_index (strata, h))->n_drawn = 1;
      left--;
    }
  for (; left > 0; left--)
    {
      Stratum *furthest = NULL;
      double furthest_gap = -G_MAXDOUBLE;

      for (guint h = 0; h < strata->len; h++)
        {
          Stratum *stratum = g_ptr_array_index (strata, h);
          double gap = (double)size * stratum->members->len / n - stratum->n_drawn;

          if (stratum->n_drawn < stratum->members->len && gap > furthest_gap)
            {
              furthest = stratum;
              furthest_gap = gap;
            }
        }
      g_assert (furthest != NULL);  /* size < n leaves room somewhere */
      furthest->n_drawn++;
    }
}

static void
draw_in_strata (GPtrArray *strata,
                GRand     *rand,
                GArray    *draws,
                double   (*weight_of) (Stratum *stratum, gpointer data),
                gpointer   data)
{
  for (guint h = 0; h < strata->len; h++)
    {
      Stratum *stratum = g_ptr_array_index (strata, h);
      guint *members = (guint *)(gpointer)stratum->members->data;

      if (stratum->n_drawn == 0)
        continue;
      partial_shuffle (members, stratum->members->len, stratum->n_drawn, rand);
      for (guint i = 0; i < stratum->n_drawn; i++)
        {
          AtlasSampleDraw draw = { members[i], h, weight_of (stratum, data) };

          g_array_append_val (draws, draw);
        }
    }
}

static double
weight_proportional (Stratum  *stratum,
                     gpointer  data)
{
  return (double)stratum->members->len / stratum->n_drawn;
}

typedef struct
{
  guint n_strata;
  guint size;
} FewStrata;

static double
weight_few_strata (Stratum  *stratum,
                   gpointer  data)
{
  FewStrata *few = data;

  return (double)few->n_strata * stratum->members->len / few->size;
}

GArray *
atlas_sample_draw_indices (const char * const *strata,
                           guint               n,
                           guint               size,
                           guint32             seed)
{
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  GArray *draws = g_array_new (FALSE, FALSE, sizeof (AtlasSampleDraw));

  g_return_val_if_fail (strata != NULL || n == 0, draws);

  groups = group_strata (strata, n);

  if (size >= n)
    {
      for (guint h = 0; h < groups->len; h++)
        ((Stratum *)g_ptr_array_index (groups, h))->n_drawn =
          ((Stratum *)g_ptr_array_index (groups, h))->members->len;
      draw_in_strata (groups, rand, draws, weight_proportional, NULL);
    }
  else if (size >= groups->len)
    {
      allocate_proportionally (groups, n, size);
      draw_in_strata (groups, rand, draws, weight_proportional, NULL);
    }
  else
    {
      g_autofree guint *order = g_new (guint, groups->len);
      FewStrata few = { groups->len, size };

      for (guint h = 0; h < groups->len; h++)
        order[h] = h;
      partial_shuffle (order, groups->len, size, rand);
      for (guint i = 0; i < size; i++)
        ((Stratum *)g_ptr_array_index (groups, order[i]))->n_drawn = 1;
      draw_in_strata (groups, rand, draws, weight_few_strata, &few);
    }

  /* Step 5: labeling order. */
  for (guint i = draws->len; i > 1; i--)
    {
      guint j = (guint)g_rand_int_range (rand, 0, (gint32)i);
      AtlasSampleDraw tmp = g_array_index (draws, AtlasSampleDraw, i - 1);

      g_array_index (draws, AtlasSampleDraw, i - 1) = g_array_index (draws, AtlasSampleDraw, j);
      g_array_index (draws, AtlasSampleDraw, j) = tmp;
    }
  return draws;
}

char *
atlas_sample_stratum_of (AtlasCrash        *crash,
                         AtlasSampleDesign  design)
{
  switch (design)
    {
    case ATLAS_SAMPLE_BY_CLUSTER:
      /* Unclustered crashes (there should be none) form a stratum of their own. */
      if (atlas_crash_get_cluster (crash) < 0)
        return g_strdup ("unclustered");
      return g_strdup_printf ("cluster %d", atlas_crash_get_cluster (crash));
    case ATLAS_SAMPLE_BY_PLATFORM:
      return g_strdup (atlas_platform_to_string (atlas_crash_get_platform (crash)));
    case ATLAS_SAMPLE_BY_NONE:
    default:
      return g_strdup ("all");
    }
}

GPtrArray *
atlas_sample_draw (AtlasCorpus       *corpus,
                   AtlasSampleDesign  design,
                   guint              size,
                   guint32            seed)
{
  guint n_crashes = atlas_corpus_get_n_crashes (corpus);
  g_auto(GStrv) strata = g_new0 (char *, n_crashes + 1);
  g_autofree guint *crash_of = g_new (guint, n_crashes + 1);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) draws = NULL;
  GPtrArray *items = g_ptr_array_new_with_free_func ((GDestroyNotify)atlas_sample_item_free);
  guint n = 0;

  /* Labels name a crash by notebook and cell: a cell with two error
   * outputs is one unit, its first crash. */
  for (guint i = 0; i < n_crashes; i++)
    {
      AtlasCrash *crash = atlas_corpus_get_crash (corpus, i);
      char *key = g_strdup_printf ("%u:%s", atlas_crash_get_cell (crash),
                                   atlas_crash_get_location (crash));

      if (!g_hash_table_add (seen, key))
        continue;
      crash_of[n] = i;
      strata[n++] = atlas_sample_stratum_of (crash, design);
    }
  draws = atlas_sample_draw_indices ((const char * const *)strata, n, size, seed);
  for (guint i = 0; i < draws->len; i++)
    {
      const AtlasSampleDraw *draw = &g_array_index (draws, AtlasSampleDraw, i);
      AtlasCrash *crash = atlas_corpus_get_crash (corpus, crash_of[draw->index]);

      g_ptr_array_add (items, atlas_sample_item_new (atlas_crash_get_location (crash),
                                                     atlas_crash_get_cell (crash),
                                                     strata[draw->index], draw->weight));
    }
  return items;
}

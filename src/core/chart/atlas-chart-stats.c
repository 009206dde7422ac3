/* atlas-chart-stats.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-chart-stats"

#include "config.h"

#include <string.h>

#include "atlas-chart-private.h"

struct _AtlasChartStats
{
  GObject           parent_instance;

  AtlasFilter      *filter;
  guint             n_total;
  AtlasChartCounts  counts;
  GHashTable       *libraries;                        /* name -> AtlasLibraryCount */
  GHashTable       *details[ATLAS_N_ROOT_CAUSES];     /* detail -> AtlasDetailCount */
  GPtrArray        *sorted_libraries;
  GPtrArray        *sorted_details;
};

G_DEFINE_FINAL_TYPE (AtlasChartStats, atlas_chart_stats, G_TYPE_OBJECT)

static void
library_count_free (gpointer data)
{
  AtlasLibraryCount *count = data;

  g_free (count->name);
  g_free (count);
}

static void
detail_count_free (gpointer data)
{
  AtlasDetailCount *count = data;

  g_free (count->detail);
  g_free (count);
}

static void
atlas_chart_stats_finalize (GObject *object)
{
  AtlasChartStats *self = (AtlasChartStats *)object;

  g_clear_object (&self->filter);
  g_clear_pointer (&self->sorted_libraries, g_ptr_array_unref);
  g_clear_pointer (&self->sorted_details, g_ptr_array_unref);
  g_clear_pointer (&self->libraries, g_hash_table_unref);
  for (guint i = 0; i < ATLAS_N_ROOT_CAUSES; i++)
    g_clear_pointer (&self->details[i], g_hash_table_unref);

  G_OBJECT_CLASS (atlas_chart_stats_parent_class)->finalize (object);
}

static void
atlas_chart_stats_class_init (AtlasChartStatsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = atlas_chart_stats_finalize;
}

static void
atlas_chart_stats_init (AtlasChartStats *self)
{
  /* The tables own the counts; the sorted arrays borrow them. */
  self->libraries = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, library_count_free);
  for (guint i = 0; i < ATLAS_N_ROOT_CAUSES; i++)
    self->details[i] = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, detail_count_free);
}

static AtlasLibraryCount *
lookup_library (AtlasChartStats *self,
                const char      *name)
{
  AtlasLibraryCount *count = g_hash_table_lookup (self->libraries, name);

  if (count == NULL)
    {
      count = g_new0 (AtlasLibraryCount, 1);
      count->name = g_strdup (name);
      g_hash_table_insert (self->libraries, count->name, count);
    }
  return count;
}

static AtlasDetailCount *
lookup_detail (AtlasChartStats *self,
               AtlasRootCause   cause,
               const char      *detail)
{
  AtlasDetailCount *count = g_hash_table_lookup (self->details[cause], detail);

  if (count == NULL)
    {
      count = g_new0 (AtlasDetailCount, 1);
      count->cause = cause;
      count->detail = g_strdup (detail);
      g_hash_table_insert (self->details[cause], count->detail, count);
    }
  return count;
}

/* Labels out of range (a newer taxonomy, a corrupt store) count as unset
 * rather than writing past the arrays. */
#define CLAMP_LABEL(v, n) ((guint)(v) < (n) ? (guint)(v) : 0)

static void
count_crash (AtlasChartStats *self,
             AtlasCrash      *crash)
{
  const AtlasClassification *c = atlas_crash_get_classification (crash);
  AtlasChartCounts *n = &self->counts;
  guint p = CLAMP_LABEL (atlas_crash_get_platform (crash), ATLAS_N_PLATFORMS);
  guint stage = CLAMP_LABEL (c->stage, ATLAS_N_STAGES);
  guint bug = CLAMP_LABEL (c->ml_bug, ATLAS_N_ML_BUGS);
  guint cause = CLAMP_LABEL (c->root_cause, ATLAS_N_ROOT_CAUSES);
  guint type = CLAMP_LABEL (c->crash_type, ATLAS_N_CRASH_TYPES);
  const guint slots[2] = { p, ATLAS_ALL_PLATFORMS };
  AtlasLibraryCount *library = c->library ? lookup_library (self, c->library) : NULL;
  AtlasDetailCount *detail = c->root_cause_detail ? lookup_detail (self, cause, c->root_cause_detail) : NULL;

  for (guint i = 0; i < 2; i++)
    {
      guint s = slots[i];

      n->crashes[s]++;
      n->stage_bug[s][stage][bug]++;
      n->cause_stage[s][cause][stage]++;
      n->cause_type[s][cause][type]++;
      if (library != NULL)
        library->crashes[s]++;
      else
        n->library_unset[s]++;
      if (detail != NULL)
        detail->crashes[s]++;
    }
}

/* Import counts: only for libraries that crashed (the others are never
 * drawn), so a lookup per imported package, no insertion. */
static void
count_notebook (AtlasChartStats         *self,
                const AtlasNotebookInfo *info)
{
  guint p = CLAMP_LABEL (info->platform, ATLAS_N_PLATFORMS);

  if (info->status == ATLAS_NOTEBOOK_STATUS_UNREADABLE ||
      !atlas_filter_matches_platform (self->filter, info->platform))
    return;

  self->counts.notebooks[p]++;
  self->counts.notebooks[ATLAS_ALL_PLATFORMS]++;
  for (guint i = 0; info->packages != NULL && info->packages[i] != NULL; i++)
    {
      AtlasLibraryCount *library = g_hash_table_lookup (self->libraries, info->packages[i]);

      if (library != NULL)
        {
          library->notebooks[p]++;
          library->notebooks[ATLAS_ALL_PLATFORMS]++;
        }
    }
}

static int
compare_libraries (gconstpointer a,
                   gconstpointer b)
{
  const AtlasLibraryCount *la = *(AtlasLibraryCount * const *)a;
  const AtlasLibraryCount *lb = *(AtlasLibraryCount * const *)b;
  guint ca = la->crashes[ATLAS_ALL_PLATFORMS], cb = lb->crashes[ATLAS_ALL_PLATFORMS];

  if (ca != cb)
    return ca > cb ? -1 : 1;
  return strcmp (la->name, lb->name);
}

static int
compare_details (gconstpointer a,
                 gconstpointer b)
{
  const AtlasDetailCount *da = *(AtlasDetailCount * const *)a;
  const AtlasDetailCount *db = *(AtlasDetailCount * const *)b;
  guint ca = da->crashes[ATLAS_ALL_PLATFORMS], cb = db->crashes[ATLAS_ALL_PLATFORMS];

  if (da->cause != db->cause)
    return da->cause < db->cause ? -1 : 1;
  if (ca != cb)
    return ca > cb ? -1 : 1;
  return strcmp (da->detail, db->detail);
}

static GPtrArray *
sorted_values (GHashTable   *table,
               GPtrArray    *into,
               GCompareFunc  compare)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (into, value);
  if (compare != NULL)
    g_ptr_array_sort (into, compare);
  return into;
}

AtlasChartStats *
atlas_chart_stats_new (AtlasCorpus *corpus,
                       AtlasFilter *filter)
{
  AtlasChartStats *self;
  guint n_crashes;
  guint n_notebooks;

  g_return_val_if_fail (ATLAS_IS_CORPUS (corpus), NULL);
  g_return_val_if_fail (filter == NULL || ATLAS_IS_FILTER (filter), NULL);

  self = g_object_new (ATLAS_TYPE_CHART_STATS, NULL);
  self->filter = filter ? atlas_filter_copy (filter) : atlas_filter_new ();

  n_crashes = atlas_corpus_get_n_crashes (corpus);
  self->n_total = n_crashes;
  for (guint i = 0; i < n_crashes; i++)
    {
      AtlasCrash *crash = atlas_corpus_get_crash (corpus, i);

      if (atlas_filter_matches (self->filter, crash))
        count_crash (self, crash);
    }

  n_notebooks = atlas_corpus_get_n_notebooks (corpus);
  for (guint i = 0; i < n_notebooks; i++)
    count_notebook (self, atlas_corpus_get_notebook (corpus, i));

  self->sorted_libraries = sorted_values (self->libraries, g_ptr_array_new (), compare_libraries);
  self->sorted_details = g_ptr_array_new ();
  for (guint i = 0; i < ATLAS_N_ROOT_CAUSES; i++)
    sorted_values (self->details[i], self->sorted_details, NULL);
  g_ptr_array_sort (self->sorted_details, compare_details);

  return self;
}

guint
atlas_chart_stats_get_n_crashes (AtlasChartStats *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART_STATS (self), 0);
  return self->counts.crashes[ATLAS_ALL_PLATFORMS];
}

guint
atlas_chart_stats_get_n_total (AtlasChartStats *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART_STATS (self), 0);
  return self->n_total;
}

guint
atlas_chart_stats_get_n_notebooks (AtlasChartStats *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART_STATS (self), 0);
  return self->counts.notebooks[ATLAS_ALL_PLATFORMS];
}

AtlasFilter *
atlas_chart_stats_get_filter (AtlasChartStats *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART_STATS (self), NULL);
  return self->filter;
}

const AtlasChartCounts *
_atlas_chart_stats_get_counts (AtlasChartStats *self)
{
  return &self->counts;
}

GPtrArray *
_atlas_chart_stats_get_libraries (AtlasChartStats *self)
{
  return self->sorted_libraries;
}

GPtrArray *
_atlas_chart_stats_get_details (AtlasChartStats *self)
{
  return self->sorted_details;
}

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

/* A direct-mapped cache in front of the name tables: a corpus has a few
 * dozen libraries and finer causes, looked up once per crash, and an inline
 * hash + strcmp is much cheaper than GHashTable's indirect calls. */
#define NAME_CACHE_SIZE 256

typedef struct
{
  const char *name;   /* owned by the count it points to */
  guint       tag;    /* the root cause, for finer causes */
  gpointer    count;
} NameCacheSlot;

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
  NameCacheSlot     library_cache[NAME_CACHE_SIZE];
  NameCacheSlot     detail_cache[NAME_CACHE_SIZE];
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

static inline guint
name_hash (const char *name,
           guint       tag)
{
  guint h = 5381 + tag * 31;

  for (const char *p = name; *p != '\0'; p++)
    h = h * 33 + (guchar)*p;
  return h;
}

static AtlasLibraryCount *
lookup_library_slow (AtlasChartStats *self,
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

static inline AtlasLibraryCount *
lookup_library (AtlasChartStats *self,
                const char      *name)
{
  NameCacheSlot *slot = &self->library_cache[name_hash (name, 0) % NAME_CACHE_SIZE];
  AtlasLibraryCount *count;

  if (slot->name != NULL && strcmp (slot->name, name) == 0)
    return slot->count;
  count = lookup_library_slow (self, name);
  *slot = (NameCacheSlot) { count->name, 0, count };
  return count;
}

static AtlasDetailCount *
lookup_detail_slow (AtlasChartStats *self,
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

static inline AtlasDetailCount *
lookup_detail (AtlasChartStats *self,
               AtlasRootCause   cause,
               const char      *detail)
{
  NameCacheSlot *slot = &self->detail_cache[name_hash (detail, cause) % NAME_CACHE_SIZE];
  AtlasDetailCount *count;

  if (slot->name != NULL && slot->tag == cause && strcmp (slot->name, detail) == 0)
    return slot->count;
  count = lookup_detail_slow (self, cause, detail);
  *slot = (NameCacheSlot) { count->detail, cause, count };
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

/* How many readable notebooks import each package, per platform. Counting
 * 64k notebooks' imports costs more than counting 92k crashes, and it does
 * not depend on the crash filter, so it is kept on the corpus and brought up
 * to date incrementally (the corpus only grows, or is cleared). */
typedef struct
{
  guint       n_seen;                 /* notebooks of the corpus looked at */
  guint       notebooks[N_SLOTS];
  GHashTable *packages;               /* name -> guint[N_SLOTS] */
} ImportIndex;

static void
import_index_free (gpointer data)
{
  ImportIndex *index = data;

  g_hash_table_unref (index->packages);
  g_free (index);
}

static void
import_index_reset (ImportIndex *index)
{
  index->n_seen = 0;
  memset (index->notebooks, 0, sizeof index->notebooks);
  g_hash_table_remove_all (index->packages);
}

static void
corpus_n_notebooks_cb (AtlasCorpus *corpus,
                       GParamSpec  *pspec,
                       ImportIndex *index)
{
  if (atlas_corpus_get_n_notebooks (corpus) < index->n_seen)
    import_index_reset (index);
}

static void
import_index_add (ImportIndex             *index,
                  const AtlasNotebookInfo *info)
{
  guint p = CLAMP_LABEL (info->platform, ATLAS_N_PLATFORMS);

  if (info->status == ATLAS_NOTEBOOK_STATUS_UNREADABLE)
    return;
  index->notebooks[p]++;
  for (guint i = 0; info->packages != NULL && info->packages[i] != NULL; i++)
    {
      guint *counts = g_hash_table_lookup (index->packages, info->packages[i]);

      if (counts == NULL)
        {
          counts = g_new0 (guint, N_SLOTS);
          g_hash_table_insert (index->packages, g_strdup (info->packages[i]), counts);
        }
      counts[p]++;
    }
}

static ImportIndex *
import_index_get (AtlasCorpus *corpus)
{
  static GQuark quark;
  ImportIndex *index;
  guint n;

  if (quark == 0)
    quark = g_quark_from_static_string ("atlas-chart-import-index");
  index = g_object_get_qdata (G_OBJECT (corpus), quark);
  if (index == NULL)
    {
      index = g_new0 (ImportIndex, 1);
      index->packages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_object_set_qdata_full (G_OBJECT (corpus), quark, index, import_index_free);
      g_signal_connect (corpus, "notify::n-notebooks", G_CALLBACK (corpus_n_notebooks_cb), index);
    }
  n = atlas_corpus_get_n_notebooks (corpus);
  if (n < index->n_seen)
    import_index_reset (index);
  for (; index->n_seen < n; index->n_seen++)
    import_index_add (index, atlas_corpus_get_notebook (corpus, index->n_seen));
  return index;
}

/* Import counts of the libraries that crashed (the others are never drawn),
 * on the platforms the filter accepts. */
static void
count_imports (AtlasChartStats *self,
               AtlasCorpus     *corpus)
{
  ImportIndex *index = import_index_get (corpus);
  GHashTableIter iter;
  gpointer value;

  for (guint p = 0; p < ATLAS_N_PLATFORMS; p++)
    if (atlas_filter_matches_platform (self->filter, p))
      {
        self->counts.notebooks[p] = index->notebooks[p];
        self->counts.notebooks[ATLAS_ALL_PLATFORMS] += index->notebooks[p];
      }
  g_hash_table_iter_init (&iter, self->libraries);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      AtlasLibraryCount *library = value;
      const guint *counts = g_hash_table_lookup (index->packages, library->name);

      for (guint p = 0; counts != NULL && p < ATLAS_N_PLATFORMS; p++)
        if (atlas_filter_matches_platform (self->filter, p))
          {
            library->notebooks[p] = counts[p];
            library->notebooks[ATLAS_ALL_PLATFORMS] += counts[p];
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

/* The pass is bound by memory latency, not arithmetic: each crash is an
 * object with its label strings elsewhere on the heap. Fetching the object
 * a few crashes ahead, and its strings once the object has arrived, overlaps
 * those misses (about 4x faster on 92k crashes). */
#define PREFETCH_OBJECTS 16
#define PREFETCH_STRINGS 8

static inline void
prefetch_ahead (AtlasCorpus *corpus,
                guint        i,
                guint        n)
{
#if defined(__GNUC__)
  if (i + PREFETCH_OBJECTS < n)
    __builtin_prefetch (atlas_corpus_get_crash (corpus, i + PREFETCH_OBJECTS));
  if (i + PREFETCH_STRINGS < n)
    {
      const AtlasClassification *c = atlas_crash_get_classification (atlas_corpus_get_crash (corpus, i + PREFETCH_STRINGS));

      __builtin_prefetch (c->library);
      __builtin_prefetch (c->root_cause_detail);
    }
#endif
}

AtlasChartStats *
atlas_chart_stats_new (AtlasCorpus *corpus,
                       AtlasFilter *filter)
{
  AtlasChartStats *self;
  guint n_crashes;

  g_return_val_if_fail (ATLAS_IS_CORPUS (corpus), NULL);
  g_return_val_if_fail (filter == NULL || ATLAS_IS_FILTER (filter), NULL);

  self = g_object_new (ATLAS_TYPE_CHART_STATS, NULL);
  self->filter = filter ? atlas_filter_copy (filter) : atlas_filter_new ();

  n_crashes = atlas_corpus_get_n_crashes (corpus);
  self->n_total = n_crashes;
  if (atlas_filter_is_empty (self->filter))
    for (guint i = 0; i < n_crashes; i++)
      {
        prefetch_ahead (corpus, i, n_crashes);
        count_crash (self, atlas_corpus_get_crash (corpus, i));
      }
  else
    for (guint i = 0; i < n_crashes; i++)
      {
        AtlasCrash *crash = atlas_corpus_get_crash (corpus, i);

        prefetch_ahead (corpus, i, n_crashes);
        if (atlas_filter_matches (self->filter, crash))
          count_crash (self, crash);
      }

  count_imports (self, corpus);

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

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
#include "atlas-crash-index.h"

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

/* Labels out of range (a newer taxonomy, a corrupt store) count as unset
 * rather than writing past the arrays. */
#define CLAMP_LABEL(v, n) ((guint)(v) < (n) ? (guint)(v) : 0)

/* Counts by library and finer-cause id, per platform slot. */
typedef struct
{
  guint  *library;   /* [id * N_SLOTS + slot] */
  guint  *detail;    /* [id * N_SLOTS + slot] */
  guint32 notebook;  /* of the crash counted last */
  gboolean counted;  /* a crash was */
} IdCounts;

static inline void
count_one (AtlasChartCounts      *n,
           IdCounts              *ids,
           const AtlasCrashIndex *index,
           guint                  i)
{
  guint p = CLAMP_LABEL (index->platform[i], ATLAS_N_PLATFORMS);
  guint stage = CLAMP_LABEL (index->stage[i], ATLAS_N_STAGES);
  guint bug = CLAMP_LABEL (index->ml_bug[i], ATLAS_N_ML_BUGS);
  guint cause = CLAMP_LABEL (index->root_cause[i], ATLAS_N_ROOT_CAUSES);
  guint type = CLAMP_LABEL (index->crash_type[i], ATLAS_N_CRASH_TYPES);
  guint *library = &ids->library[index->library[i] * N_SLOTS];
  guint *detail = &ids->detail[index->detail[i] * N_SLOTS];

  n->crashes[p]++;
  /* Crashes come in index order, so a notebook's are counted in a row. */
  if (!ids->counted || index->notebook[i] != ids->notebook)
    n->crash_notebooks[p]++;
  ids->counted = TRUE;
  ids->notebook = index->notebook[i];
  n->stage_bug[p][stage][bug]++;
  n->cause_stage[p][cause][stage]++;
  n->cause_type[p][cause][type]++;
  library[p]++;
  detail[p]++;
}

/* The "all platforms" slot is the sum of the others: added once at the
 * end instead of counted twice per crash. */
static void
sum_platforms (guint  *slots)
{
  slots[ATLAS_ALL_PLATFORMS] = 0;
  for (guint p = 0; p < ATLAS_N_PLATFORMS; p++)
    slots[ATLAS_ALL_PLATFORMS] += slots[p];
}

static void
sum_all_platforms (AtlasChartCounts *n)
{
  sum_platforms (n->crashes);
  sum_platforms (n->crash_notebooks);
  for (guint a = 0; a < ATLAS_N_STAGES; a++)
    for (guint b = 0; b < ATLAS_N_ML_BUGS; b++)
      {
        n->stage_bug[ATLAS_ALL_PLATFORMS][a][b] = 0;
        for (guint p = 0; p < ATLAS_N_PLATFORMS; p++)
          n->stage_bug[ATLAS_ALL_PLATFORMS][a][b] += n->stage_bug[p][a][b];
      }
  for (guint a = 0; a < ATLAS_N_ROOT_CAUSES; a++)
    {
      for (guint b = 0; b < ATLAS_N_STAGES; b++)
        {
          n->cause_stage[ATLAS_ALL_PLATFORMS][a][b] = 0;
          for (guint p = 0; p < ATLAS_N_PLATFORMS; p++)
            n->cause_stage[ATLAS_ALL_PLATFORMS][a][b] += n->cause_stage[p][a][b];
        }
      for (guint b = 0; b < ATLAS_N_CRASH_TYPES; b++)
        {
          n->cause_type[ATLAS_ALL_PLATFORMS][a][b] = 0;
          for (guint p = 0; p < ATLAS_N_PLATFORMS; p++)
            n->cause_type[ATLAS_ALL_PLATFORMS][a][b] += n->cause_type[p][a][b];
        }
    }
}

/* The libraries and finer causes that have crashes become the named counts
 * the models read; the rest are never drawn. */
static void
name_counts (AtlasChartStats       *self,
             const AtlasCrashIndex *index,
             IdCounts              *ids)
{
  memcpy (self->counts.library_unset, &ids->library[0], sizeof self->counts.library_unset);
  sum_platforms (self->counts.library_unset);
  for (guint id = 1; id < index->library_names->len; id++)
    {
      guint *slots = &ids->library[id * N_SLOTS];
      AtlasLibraryCount *count;

      sum_platforms (slots);
      if (slots[ATLAS_ALL_PLATFORMS] == 0)
        continue;
      count = g_new0 (AtlasLibraryCount, 1);
      count->name = g_strdup (g_ptr_array_index (index->library_names, id));
      memcpy (count->crashes, slots, sizeof count->crashes);
      g_hash_table_insert (self->libraries, count->name, count);
    }
  for (guint id = 1; id < index->detail_names->len; id++)
    {
      guint *slots = &ids->detail[id * N_SLOTS];
      guint cause = CLAMP_LABEL (g_array_index (index->detail_causes, guint8, id), ATLAS_N_ROOT_CAUSES);
      AtlasDetailCount *count;

      sum_platforms (slots);
      if (slots[ATLAS_ALL_PLATFORMS] == 0)
        continue;
      /* Two ids can only meet here when their causes were both out of
       * range: add up rather than lose one. */
      count = g_hash_table_lookup (self->details[cause], g_ptr_array_index (index->detail_names, id));
      if (count == NULL)
        {
          count = g_new0 (AtlasDetailCount, 1);
          count->cause = cause;
          count->detail = g_strdup (g_ptr_array_index (index->detail_names, id));
          g_hash_table_insert (self->details[cause], count->detail, count);
        }
      for (guint s = 0; s < N_SLOTS; s++)
        count->crashes[s] += slots[s];
    }
}

static void
count_crashes (AtlasChartStats *self,
               AtlasCorpus     *corpus)
{
  AtlasCrashIndex *index = _atlas_crash_index_get (corpus);
  IdCounts ids = { 0 };

  self->n_total = index->n;
  ids.library = g_new0 (guint, index->library_names->len * N_SLOTS);
  ids.detail = g_new0 (guint, index->detail_names->len * N_SLOTS);
  if (atlas_filter_is_empty (self->filter))
    for (guint i = 0; i < index->n; i++)
      count_one (&self->counts, &ids, index, i);
  else
    {
      g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (guint));

      _atlas_crash_index_select (index, self->filter, 0, index->n, positions);
      for (guint k = 0; k < positions->len; k++)
        count_one (&self->counts, &ids, index, g_array_index (positions, guint, k));
    }
  sum_all_platforms (&self->counts);
  name_counts (self, index, &ids);
  g_free (ids.library);
  g_free (ids.detail);
}

/* How many readable notebooks import each package, per platform. Counting
 * 64k notebooks' imports costs more than counting 92k crashes, and it does
 * not depend on the crash filter, so it is kept on the corpus and brought up
 * to date incrementally (the corpus only grows, or is cleared). */
typedef struct
{
  guint       n_seen;                 /* notebooks of the corpus looked at */
  guint       notebooks[N_SLOTS];
  guint       copies[N_SLOTS];        /* of them, copies of an earlier notebook */
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
  memset (index->copies, 0, sizeof index->copies);
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
  index->copies[p] += info->duplicate_of != NULL;
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

static GQuark
import_index_quark (void)
{
  static GQuark quark;

  if (quark == 0)
    quark = g_quark_from_static_string ("atlas-chart-import-index");
  return quark;
}

/* Puts @index on @corpus, in place of (and disconnecting) the one it had. */
static void
import_index_attach (AtlasCorpus *corpus,
                     ImportIndex *index)
{
  ImportIndex *old = g_object_get_qdata (G_OBJECT (corpus), import_index_quark ());

  if (old != NULL)
    g_signal_handlers_disconnect_by_data (corpus, old);
  g_object_set_qdata_full (G_OBJECT (corpus), import_index_quark (), index, import_index_free);
  g_signal_connect (corpus, "notify::n-notebooks", G_CALLBACK (corpus_n_notebooks_cb), index);
}

static ImportIndex *
import_index_get (AtlasCorpus *corpus)
{
  ImportIndex *index;
  guint n;

  index = g_object_get_qdata (G_OBJECT (corpus), import_index_quark ());
  if (index == NULL)
    {
      index = g_new0 (ImportIndex, 1);
      index->packages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      import_index_attach (corpus, index);
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
        /* Counted once when asked, as their crashes are. */
        guint n = index->notebooks[p] - (atlas_filter_get_distinct_content (self->filter) ? index->copies[p] : 0);

        self->counts.notebooks[p] = n;
        self->counts.notebooks[ATLAS_ALL_PLATFORMS] += n;
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

AtlasChartStats *
atlas_chart_stats_new (AtlasCorpus *corpus,
                       AtlasFilter *filter)
{
  AtlasChartStats *self;

  g_return_val_if_fail (ATLAS_IS_CORPUS (corpus), NULL);
  g_return_val_if_fail (filter == NULL || ATLAS_IS_FILTER (filter), NULL);

  self = g_object_new (ATLAS_TYPE_CHART_STATS, NULL);
  self->filter = filter ? atlas_filter_copy (filter) : atlas_filter_new ();

  count_crashes (self, corpus);
  count_imports (self, corpus);

  self->sorted_libraries = sorted_values (self->libraries, g_ptr_array_new (), compare_libraries);
  self->sorted_details = g_ptr_array_new ();
  for (guint i = 0; i < ATLAS_N_ROOT_CAUSES; i++)
    sorted_values (self->details[i], self->sorted_details, NULL);
  g_ptr_array_sort (self->sorted_details, compare_details);

  return self;
}

void
atlas_chart_stats_prepare_corpus (AtlasCorpus *corpus)
{
  g_return_if_fail (ATLAS_IS_CORPUS (corpus));

  import_index_get (corpus);
  _atlas_crash_index_get (corpus);
}

gboolean
atlas_chart_stats_adopt_prepared (AtlasCorpus *corpus,
                                  AtlasCorpus *from)
{
  ImportIndex *index;

  g_return_val_if_fail (ATLAS_IS_CORPUS (corpus), FALSE);
  g_return_val_if_fail (ATLAS_IS_CORPUS (from), FALSE);
  g_return_val_if_fail (corpus != from, FALSE);

  if (atlas_corpus_get_n_notebooks (corpus) > 0 || atlas_corpus_get_n_crashes (corpus) > 0)
    return FALSE;
  index = g_object_steal_qdata (G_OBJECT (from), import_index_quark ());
  if (index != NULL)
    {
      g_signal_handlers_disconnect_by_data (from, index);
      import_index_attach (corpus, index);
    }
  _atlas_crash_index_adopt (corpus, from);
  return TRUE;
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

guint
atlas_chart_stats_get_n_crashing_notebooks (AtlasChartStats *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART_STATS (self), 0);
  return self->counts.crash_notebooks[ATLAS_ALL_PLATFORMS];
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

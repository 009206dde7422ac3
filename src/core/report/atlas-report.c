/* atlas-report.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-report"

#include "config.h"

#include <math.h>
#include <string.h>
#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "atlas-report.h"
#include "atlas-order-summary.h"
#include "atlas-study-figures.h"
#include "atlas-chart.h"
#include "atlas-csv.h"
#include "atlas-estimate.h"
#include "atlas-taxonomy.h"
#include "atlas-text.h"

/* Libraries shown one by one in the comparison (the chart's default too);
 * the study's own libraries are always shown besides. */
#define TOP_LIBRARIES 10
/* Message clusters listed. */
#define TOP_CLUSTERS 15
/* Characters of a cluster's message shown in the page (the CSV has it whole). */
#define SHOWN_MESSAGE 280
/* A difference to the study this large (percentage points) is marked. */
#define MARKED_DIFFERENCE 5.0

G_DEFINE_QUARK (atlas-report-error-quark, atlas_report_error)

/* One figure of the study, and which of its tables are set beside the study. */
typedef struct
{
  const char     *stem;
  AtlasChartKind  kind;
  gboolean        by_platform;
  gboolean        detail;
  double          width_cm;
  double          height_cm;     /* 0: from the number of rows */
  const char     *heading;
  const char     *blurb;
} FigureSpec;

static const FigureSpec figure_specs[] = {
  { "crash-types", ATLAS_CHART_KIND_CRASH_TYPE, FALSE, FALSE, 16, 0,
    N_("Crash types"),
    N_("What was raised: the exception grouped into the study’s crash types.") },
  { "root-causes", ATLAS_CHART_KIND_ROOT_CAUSE, FALSE, FALSE, 16, 10,
    N_("Root causes"),
    N_("Why the notebook crashed, in the study’s root causes.") },
  { "finer-causes", ATLAS_CHART_KIND_ROOT_CAUSE, FALSE, TRUE, 17.8, 0,
    N_("Root causes with finer causes"),
    N_("Each root cause split into the finer causes the rules name.") },
  { "bug-kind-by-platform", ATLAS_CHART_KIND_ML_BUG, TRUE, FALSE, 17.8, 7,
    N_("Bug kind by platform"),
    N_("Crashes of machine-learning code (ML) against plain Python bugs (PY), per platform.") },
  { "stage-by-bug-kind", ATLAS_CHART_KIND_STAGE, FALSE, FALSE, 16, 10,
    N_("Pipeline stage by bug kind"),
    N_("Where in the pipeline notebooks crash, each stage split into ML and Python bugs.") },
  { "libraries", ATLAS_CHART_KIND_LIBRARY, FALSE, FALSE, 16, 12,
    N_("Libraries: crashes against use"),
    N_("Each library’s share of crashes beside its share of the notebooks that import it.") },
  { "cause-by-stage", ATLAS_CHART_KIND_CAUSE_BY_STAGE, FALSE, FALSE, 16, 11,
    N_("Root cause by pipeline stage"),
    N_("How often each root cause occurs in each stage.") },
  { "cause-by-type", ATLAS_CHART_KIND_CAUSE_BY_TYPE, FALSE, FALSE, 17.8, 11,
    N_("Root cause by crash type"),
    N_("How often each root cause raises each crash type.") },
};

/* One row of a table set beside the study; shares in percent. */
typedef struct
{
  char     *id;
  char     *label;
  guint     count;
  double    share;
  gboolean  has_estimate;
  double    estimate;
  double    low;
  double    high;
  gboolean  has_study;
  double    study;
} CompareRow;

/* A distribution of this corpus beside the study's. */
typedef struct
{
  char             *stem;      /* of its CSV */
  char             *caption;
  AtlasStudyColumn  column;
  guint             n_crashes;
  gboolean          has_estimates;
  GPtrArray        *rows;      /* CompareRow */
} Comparison;

typedef struct
{
  const FigureSpec *spec;
  AtlasChartModel  *model;
  GPtrArray        *comparisons;  /* Comparison */
} Figure;

typedef struct
{
  int    cluster;
  guint  count;
  char  *ename;
  char  *message;
} ClusterRow;

struct _AtlasReport
{
  GObject            parent_instance;

  GPtrArray         *figures;    /* Figure */
  GArray            *clusters;   /* ClusterRow, largest first */
  guint              n_crashes;
  char              *source;
  char              *summary;    /* "n = … crashes in … notebooks · filters" */
  char              *labels;     /* which labels the numbers are */
  char              *citation;
  guint              study_n[ATLAS_STUDY_N_COLUMNS];
  AtlasOrderSummary  order;
};

G_DEFINE_FINAL_TYPE (AtlasReport, atlas_report, G_TYPE_OBJECT)

static void
compare_row_free (gpointer data)
{
  CompareRow *row = data;

  g_free (row->id);
  g_free (row->label);
  g_free (row);
}

static void
comparison_free (gpointer data)
{
  Comparison *comparison = data;

  g_free (comparison->stem);
  g_free (comparison->caption);
  g_ptr_array_unref (comparison->rows);
  g_free (comparison);
}

static void
figure_free (gpointer data)
{
  Figure *figure = data;

  g_clear_object (&figure->model);
  g_ptr_array_unref (figure->comparisons);
  g_free (figure);
}

static void
cluster_row_clear (gpointer data)
{
  ClusterRow *row = data;

  g_free (row->ename);
  g_free (row->message);
}

static void
atlas_report_finalize (GObject *object)
{
  AtlasReport *self = ATLAS_REPORT (object);

  g_ptr_array_unref (self->figures);
  g_array_unref (self->clusters);
  g_free (self->source);
  g_free (self->summary);
  g_free (self->labels);
  g_free (self->citation);

  G_OBJECT_CLASS (atlas_report_parent_class)->finalize (object);
}

static void
atlas_report_class_init (AtlasReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = atlas_report_finalize;
}

static void
atlas_report_init (AtlasReport *self)
{
  self->figures = g_ptr_array_new_with_free_func (figure_free);
  self->clusters = g_array_new (FALSE, TRUE, sizeof (ClusterRow));
  g_array_set_clear_func (self->clusters, cluster_row_clear);
}

/* ---- counting ----------------------------------------------------------- */

/* Crashes per label id, for one dimension (or stage/bug-kind pairs). */
typedef struct
{
  GHashTable *counts;   /* id (owned) -> guint* (owned) */
  guint       total;
} Tally;

static void
tally_init (Tally *tally)
{
  tally->counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  tally->total = 0;
}

static void
tally_clear (Tally *tally)
{
  g_clear_pointer (&tally->counts, g_hash_table_unref);
}

/* A counter per id, allocated once: a corpus of millions of crashes is
 * counted on the UI thread of the app. */
static void
tally_add (Tally      *tally,
           const char *id)
{
  guint *count = g_hash_table_lookup (tally->counts, id);

  if (count == NULL)
    {
      count = g_new0 (guint, 1);
      g_hash_table_insert (tally->counts, g_strdup (id), count);
    }
  (*count)++;
  tally->total++;
}

static guint
tally_get (Tally      *tally,
           const char *id)
{
  guint *count = g_hash_table_lookup (tally->counts, id);

  return count != NULL ? *count : 0;
}

static const char *
label_id (AtlasCrash     *crash,
          AtlasDimension  dimension)
{
  const char *id = atlas_crash_get_label_id (crash, dimension);

  return id != NULL && *id != '\0' ? id : ATLAS_UNCLASSIFIED_ID;
}

/* A tally per dimension, of all platforms and of each study platform. */
enum { SLOT_ALL, SLOT_KAGGLE, SLOT_GITHUB, N_TALLY_SLOTS };

typedef struct
{
  Tally dimension[N_TALLY_SLOTS][ATLAS_N_DIMENSIONS];
  Tally stage_bug;
  guint platform[ATLAS_N_PLATFORMS];
} Counts;

static void
count_crashes (const AtlasReportInput *input,
               Counts                 *counts,
               GHashTable             *clusters)
{
  for (guint s = 0; s < N_TALLY_SLOTS; s++)
    for (guint d = 0; d < ATLAS_N_DIMENSIONS; d++)
      tally_init (&counts->dimension[s][d]);
  tally_init (&counts->stage_bug);
  for (guint i = 0; i < atlas_corpus_get_n_crashes (input->corpus); i++)
    {
      AtlasCrash *crash = atlas_corpus_get_crash (input->corpus, i);
      AtlasPlatform platform = atlas_crash_get_platform (crash);
      int slot = platform == ATLAS_PLATFORM_KAGGLE ? SLOT_KAGGLE : platform == ATLAS_PLATFORM_GITHUB ? SLOT_GITHUB : -1;
      char pair[64];

      if (input->filter != NULL && !atlas_filter_matches (input->filter, crash))
        continue;
      if ((guint)platform < ATLAS_N_PLATFORMS)
        counts->platform[platform]++;
      for (guint d = 0; d < ATLAS_N_DIMENSIONS; d++)
        {
          tally_add (&counts->dimension[SLOT_ALL][d], label_id (crash, d));
          if (slot >= 0)
            tally_add (&counts->dimension[slot][d], label_id (crash, d));
        }
      g_snprintf (pair, sizeof pair, "%s/%s", label_id (crash, ATLAS_DIMENSION_STAGE),
                  label_id (crash, ATLAS_DIMENSION_ML_BUG));
      tally_add (&counts->stage_bug, pair);
      if (atlas_crash_get_cluster (crash) >= 0)
        {
          ClusterRow *row = g_hash_table_lookup (clusters, GINT_TO_POINTER (atlas_crash_get_cluster (crash)));

          if (row == NULL)
            {
              row = g_new0 (ClusterRow, 1);
              row->cluster = atlas_crash_get_cluster (crash);
              row->ename = g_strdup (atlas_crash_get_ename (crash));
              row->message = g_strdup (atlas_crash_get_message (crash));
              g_hash_table_insert (clusters, GINT_TO_POINTER (row->cluster), row);
            }
          row->count++;
        }
    }
}

static void
counts_clear (Counts *counts)
{
  for (guint s = 0; s < N_TALLY_SLOTS; s++)
    for (guint d = 0; d < ATLAS_N_DIMENSIONS; d++)
      tally_clear (&counts->dimension[s][d]);
  tally_clear (&counts->stage_bug);
}

static const char *
study_table_of (AtlasDimension dimension)
{
  switch (dimension)
    {
    case ATLAS_DIMENSION_CRASH_TYPE: return "crash_type";
    case ATLAS_DIMENSION_ROOT_CAUSE: return "root_cause";
    case ATLAS_DIMENSION_ML_BUG: return "ml_bug";
    case ATLAS_DIMENSION_STAGE: return "stage";
    case ATLAS_DIMENSION_LIBRARY: return "library";
    case ATLAS_N_DIMENSIONS:
    default: return NULL;
    }
}

static char *
value_label (AtlasDimension  dimension,
             const char     *id)
{
  guint value;

  if (g_str_equal (id, ATLAS_UNCLASSIFIED_ID))
    return g_strdup (_("unclassified"));
  if (dimension == ATLAS_DIMENSION_LIBRARY)
    return g_str_equal (id, ATLAS_LIBRARY_NONE) ? g_strdup (_("none (no library at fault)")) : g_strdup (id);
  if (atlas_dimension_value_from_id (dimension, id, &value) && atlas_dimension_value_name (dimension, value))
    return g_strdup_printf ("%s (%s)", atlas_dimension_value_name (dimension, value), id);
  return g_strdup (id);
}

static double
percent_of (guint part,
            guint whole)
{
  return whole > 0 ? 100.0 * part / whole : NAN;
}

static CompareRow *
compare_row_new (const char *id,
                 char       *label,
                 guint       count,
                 guint       total)
{
  CompareRow *row = g_new0 (CompareRow, 1);

  row->id = g_strdup (id);
  row->label = label;
  row->count = count;
  row->share = percent_of (count, total);
  return row;
}

static int
compare_by_count (gconstpointer a,
                  gconstpointer b)
{
  const CompareRow *ra = *(CompareRow * const *)a, *rb = *(CompareRow * const *)b;
  gboolean ua = g_str_equal (ra->id, ATLAS_UNCLASSIFIED_ID), ub = g_str_equal (rb->id, ATLAS_UNCLASSIFIED_ID);

  /* unclassified last, then most crashes first, then the study's larger share */
  if (ua != ub)
    return ua ? 1 : -1;
  if (ra->count != rb->count)
    return ra->count > rb->count ? -1 : 1;
  if ((ra->has_study ? ra->study : -1) != (rb->has_study ? rb->study : -1))
    return (ra->has_study ? ra->study : -1) > (rb->has_study ? rb->study : -1) ? -1 : 1;
  return strcmp (ra->id, rb->id);
}

/* The rows of one dimension: every value of the corpus and every value the
 * study has; for libraries the largest ones, the study's, and the rest as
 * "other libraries" (exact counts: every library is tallied). */
static GPtrArray *
dimension_rows (Tally             *tally,
                AtlasDimension     dimension,
                AtlasStudyFigures *study,
                AtlasStudyColumn   column)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (compare_row_free);
  const char *table = study_table_of (dimension);
  g_auto(GStrv) study_ids = atlas_study_figures_dup_ids (study, table);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, tally->counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_ptr_array_add (rows, compare_row_new (key, value_label (dimension, key), *(guint *)value, tally->total));
  for (guint i = 0; study_ids[i] != NULL; i++)
    if (!g_hash_table_contains (tally->counts, study_ids[i]))
      g_ptr_array_add (rows, compare_row_new (study_ids[i], value_label (dimension, study_ids[i]), 0,
                                              tally->total));
  for (guint r = 0; r < rows->len; r++)
    {
      CompareRow *row = g_ptr_array_index (rows, r);

      row->has_study = atlas_study_figures_lookup (study, table, row->id, column, &row->study);
    }
  g_ptr_array_sort (rows, compare_by_count);

  if (dimension == ATLAS_DIMENSION_LIBRARY)
    {
      /* Keep none, the study's libraries, the largest others and
       * unclassified; the rest is one row. */
      GPtrArray *kept = g_ptr_array_new_with_free_func (compare_row_free);
      guint n_top = 0, other = 0;
      gboolean has_other = FALSE;

      g_ptr_array_set_free_func (rows, NULL);
      for (guint r = 0; r < rows->len; r++)
        {
          CompareRow *row = g_ptr_array_index (rows, r);
          gboolean keep = row->has_study || g_str_equal (row->id, ATLAS_LIBRARY_NONE) ||
                          g_str_equal (row->id, ATLAS_UNCLASSIFIED_ID);

          if (!keep && n_top < TOP_LIBRARIES && row->count > 0)
            {
              keep = TRUE;
              n_top++;
            }
          if (keep)
            g_ptr_array_add (kept, row);
          else
            {
              other += row->count;
              has_other = TRUE;
              compare_row_free (row);
            }
        }
      if (has_other)
        g_ptr_array_add (kept, compare_row_new ("other", g_strdup (_("other libraries")), other, tally->total));
      g_ptr_array_unref (rows);
      rows = kept;
    }
  return rows;
}

/* Stage × bug kind cells, in the study's order. */
static GPtrArray *
stage_bug_rows (Tally             *tally,
                AtlasStudyFigures *study)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (compare_row_free);
  g_auto(GStrv) study_ids = atlas_study_figures_dup_ids (study, "stage_by_ml_bug");
  g_autoptr(GPtrArray) others = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; study_ids[i] != NULL; i++)
    g_ptr_array_add (rows, compare_row_new (study_ids[i], NULL, tally_get (tally, study_ids[i]), tally->total));
  g_hash_table_iter_init (&iter, tally->counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_strv_contains ((const char * const *)study_ids, key))
      g_ptr_array_add (others, compare_row_new (key, NULL, *(guint *)value, tally->total));
  g_ptr_array_sort (others, compare_by_count);
  for (guint i = 0; i < others->len; i++)
    g_ptr_array_add (rows, g_ptr_array_index (others, i));
  for (guint r = 0; r < rows->len; r++)
    {
      CompareRow *row = g_ptr_array_index (rows, r);
      g_auto(GStrv) parts = g_strsplit (row->id, "/", 2);
      g_autofree char *stage = value_label (ATLAS_DIMENSION_STAGE, parts[0]);
      g_autofree char *bug = value_label (ATLAS_DIMENSION_ML_BUG, parts[1] ? parts[1] : "");

      row->label = g_strdup_printf ("%s · %s", stage, bug);
      row->has_study = atlas_study_figures_lookup (study, "stage_by_ml_bug", row->id, ATLAS_STUDY_ALL,
                                                   &row->study);
    }
  return rows;
}

static void
apply_estimates (Comparison     *comparison,
                 AtlasEstimates *estimates)
{
  if (estimates == NULL || estimates->n_labeled == 0)
    return;
  comparison->has_estimates = TRUE;
  for (guint r = 0; r < comparison->rows->len; r++)
    {
      CompareRow *row = g_ptr_array_index (comparison->rows, r);
      int c = atlas_estimates_find (estimates, row->id);

      if (g_str_equal (row->id, "other"))
        continue;
      /* A value neither the classifier nor the rater used is estimated at 0. */
      row->has_estimate = TRUE;
      row->estimate = c >= 0 ? 100 * estimates->estimate[c].estimate : 0;
      row->low = c >= 0 ? 100 * estimates->estimate[c].low : 0;
      row->high = c >= 0 ? 100 * estimates->estimate[c].high : 0;
    }
}

static gboolean
has_hand_labels (const AtlasReportInput *input)
{
  return input->sample != NULL && input->sample->len > 0 && input->labels != NULL && input->labels->len > 0;
}

static AtlasEstimates *
estimates_for (const AtlasReportInput *input,
               AtlasDimension          dimension,
               int                     platform)
{
  g_autoptr(AtlasFilter) filter = input->filter ? atlas_filter_copy (input->filter) : atlas_filter_new ();

  if (!has_hand_labels (input))
    return NULL;
  if (platform >= 0)
    {
      g_autoptr(AtlasFilter) only = atlas_filter_new ();

      atlas_filter_add_value (only, ATLAS_FILTER_FIELD_PLATFORM, platform);
      atlas_filter_intersect (filter, only);
    }
  return atlas_estimates_new (input->corpus, input->sample, input->labels, dimension, filter);
}

static const char *
column_name (AtlasStudyColumn column)
{
  switch (column)
    {
    case ATLAS_STUDY_KAGGLE: return _("Kaggle");
    case ATLAS_STUDY_GITHUB: return _("GitHub");
    case ATLAS_STUDY_ALL:
    case ATLAS_STUDY_N_COLUMNS:
    default: return _("all platforms");
    }
}

static Comparison *
comparison_new (const char       *stem,
                AtlasStudyColumn  column,
                guint             n_crashes,
                GPtrArray        *rows,
                const char       *what)
{
  Comparison *comparison = g_new0 (Comparison, 1);

  comparison->stem = g_strdup (stem);
  comparison->column = column;
  comparison->n_crashes = n_crashes;
  comparison->rows = rows;
  comparison->caption = g_strdup (what);
  return comparison;
}

/* The study's column a distribution of every platform is set beside: when
 * every crash is of one of the study's platforms, that platform's. */
static AtlasStudyColumn
column_for (const Counts *counts,
            guint         n_crashes)
{
  if (n_crashes > 0 && counts->platform[ATLAS_PLATFORM_KAGGLE] == n_crashes)
    return ATLAS_STUDY_KAGGLE;
  if (n_crashes > 0 && counts->platform[ATLAS_PLATFORM_GITHUB] == n_crashes)
    return ATLAS_STUDY_GITHUB;
  return ATLAS_STUDY_ALL;
}

static Comparison *
dimension_comparison (const AtlasReportInput *input,
                      Counts                 *counts,
                      AtlasStudyFigures      *study,
                      AtlasDimension          dimension,
                      const char             *stem,
                      int                     slot)
{
  AtlasStudyColumn column = slot == SLOT_KAGGLE ? ATLAS_STUDY_KAGGLE : slot == SLOT_GITHUB ? ATLAS_STUDY_GITHUB
                          : column_for (counts, counts->dimension[SLOT_ALL][dimension].total);
  Tally *tally = &counts->dimension[slot][dimension];
  g_autofree char *what = NULL;
  g_autoptr(AtlasEstimates) estimates = NULL;
  Comparison *comparison;

  /* Translators: a table's caption: the dimension, then the platforms ("Crash type, all platforms") */
  what = g_strdup_printf (_("%s, %s"), atlas_dimension_display_name (dimension),
                          slot == SLOT_ALL ? _("this corpus") : column_name (column));
  comparison = comparison_new (stem, column, tally->total, dimension_rows (tally, dimension, study, column), what);
  estimates = estimates_for (input, dimension,
                             slot == SLOT_KAGGLE ? ATLAS_PLATFORM_KAGGLE : slot == SLOT_GITHUB ? ATLAS_PLATFORM_GITHUB : -1);
  apply_estimates (comparison, estimates);
  return comparison;
}

/* Estimates drawn as error bars on a single-panel bar chart, as the app does. */
static void
set_model_estimates (const AtlasReportInput *input,
                     AtlasChartModel        *model,
                     AtlasDimension          dimension)
{
  g_autoptr(AtlasEstimates) estimates = estimates_for (input, dimension, -1);
  guint n_rows = atlas_chart_model_get_n_rows (model);
  g_autofree double *estimate = g_new (double, MAX (n_rows, 1));
  g_autofree double *low = g_new (double, MAX (n_rows, 1));
  g_autofree double *high = g_new (double, MAX (n_rows, 1));
  g_autofree char *caption = NULL;

  if (estimates == NULL)
    {
      atlas_chart_model_set_labels_caption (model, _("automatic"));
      return;
    }
  for (guint r = 0; r < n_rows; r++)
    {
      int c = atlas_estimates_find (estimates, atlas_chart_model_get_row_id (model, r));
      const AtlasInterval *interval = c < 0 ? NULL : &estimates->estimate[c];

      estimate[r] = interval != NULL ? interval->estimate : estimates->n_labeled > 0 ? 0 : NAN;
      low[r] = interval != NULL ? interval->low : estimate[r];
      high[r] = interval != NULL ? interval->high : estimate[r];
    }
  atlas_chart_model_set_estimates (model, estimate, low, high, n_rows);
  caption = g_strdup_printf (ngettext ("estimated from %u hand label, with 95%% intervals",
                                       "estimated from %u hand labels, with 95%% intervals",
                                       estimates->n_labeled), estimates->n_labeled);
  atlas_chart_model_set_labels_caption (model, caption);
}

static int
compare_clusters (gconstpointer a,
                  gconstpointer b)
{
  const ClusterRow *ra = *(ClusterRow * const *)a, *rb = *(ClusterRow * const *)b;

  if (ra->count != rb->count)
    return ra->count > rb->count ? -1 : 1;
  return ra->cluster - rb->cluster;
}

static void
take_clusters (AtlasReport *self,
               GHashTable  *clusters)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, clusters);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (rows, value);
  g_ptr_array_sort (rows, compare_clusters);
  for (guint i = 0; i < rows->len; i++)
    {
      ClusterRow *row = g_ptr_array_index (rows, i);

      if (i < TOP_CLUSTERS)
        {
          g_array_append_val (self->clusters, *row);
          row->ename = row->message = NULL;
        }
    }
}

static void
cluster_free (gpointer data)
{
  ClusterRow *row = data;

  cluster_row_clear (row);
  g_free (row);
}

AtlasReport *
atlas_report_new (const AtlasReportInput *input,
                  GError                **error)
{
  g_autoptr(AtlasReport) self = NULL;
  g_autoptr(AtlasStudyFigures) study = NULL;
  g_autoptr(AtlasChartStats) stats = NULL;
  g_autoptr(GHashTable) clusters = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, cluster_free);
  g_autoptr(GError) local_error = NULL;
  Counts counts = { 0 };

  g_return_val_if_fail (input != NULL && ATLAS_IS_CORPUS (input->corpus), NULL);

  if ((study = atlas_study_figures_new_default (&local_error)) == NULL)
    {
      g_set_error (error, ATLAS_REPORT_ERROR, ATLAS_REPORT_ERROR_STUDY,
                   _("The study’s figures could not be read: %s"), local_error->message);
      return NULL;
    }
  self = g_object_new (ATLAS_TYPE_REPORT, NULL);
  self->citation = atlas_study_figures_dup_citation (study);
  for (guint c = 0; c < ATLAS_STUDY_N_COLUMNS; c++)
    self->study_n[c] = atlas_study_figures_get_n_crashes (study, c);
  self->source = g_strdup (input->source);

  stats = atlas_chart_stats_new (input->corpus, input->filter);
  self->n_crashes = atlas_chart_stats_get_n_crashes (stats);
  count_crashes (input, &counts, clusters);
  take_clusters (self, clusters);
  atlas_order_summary_count (&self->order, input->corpus, input->filter, input->out_of_order);

  for (guint i = 0; i < G_N_ELEMENTS (figure_specs); i++)
    {
      const FigureSpec *spec = &figure_specs[i];
      Figure *figure = g_new0 (Figure, 1);
      AtlasChartOptions options;

      atlas_chart_options_init (&options);
      options.by_platform = spec->by_platform;
      options.root_cause_detail = spec->detail;
      figure->spec = spec;
      figure->model = atlas_chart_model_new (stats, spec->kind, &options);
      figure->comparisons = g_ptr_array_new_with_free_func (comparison_free);
      g_ptr_array_add (self->figures, figure);

      switch (spec->kind)
        {
        case ATLAS_CHART_KIND_CRASH_TYPE:
          g_ptr_array_add (figure->comparisons, dimension_comparison (input, &counts, study, ATLAS_DIMENSION_CRASH_TYPE,
                                                                      "crash-types-vs-study", SLOT_ALL));
          set_model_estimates (input, figure->model, ATLAS_DIMENSION_CRASH_TYPE);
          break;
        case ATLAS_CHART_KIND_ROOT_CAUSE:
          if (spec->detail)
            break;
          g_ptr_array_add (figure->comparisons, dimension_comparison (input, &counts, study, ATLAS_DIMENSION_ROOT_CAUSE,
                                                                      "root-causes-vs-study", SLOT_ALL));
          set_model_estimates (input, figure->model, ATLAS_DIMENSION_ROOT_CAUSE);
          break;
        case ATLAS_CHART_KIND_ML_BUG:
          g_ptr_array_add (figure->comparisons, dimension_comparison (input, &counts, study, ATLAS_DIMENSION_ML_BUG,
                                                                      "bug-kind-vs-study", SLOT_ALL));
          /* Per study platform, unless that platform is the whole corpus
           * (then the table above is already set beside its column). */
          if (counts.dimension[SLOT_KAGGLE][ATLAS_DIMENSION_ML_BUG].total > 0 &&
              counts.dimension[SLOT_KAGGLE][ATLAS_DIMENSION_ML_BUG].total < counts.dimension[SLOT_ALL][ATLAS_DIMENSION_ML_BUG].total)
            g_ptr_array_add (figure->comparisons,
                             dimension_comparison (input, &counts, study, ATLAS_DIMENSION_ML_BUG,
                                                   "bug-kind-kaggle-vs-study", SLOT_KAGGLE));
          if (counts.dimension[SLOT_GITHUB][ATLAS_DIMENSION_ML_BUG].total > 0 &&
              counts.dimension[SLOT_GITHUB][ATLAS_DIMENSION_ML_BUG].total < counts.dimension[SLOT_ALL][ATLAS_DIMENSION_ML_BUG].total)
            g_ptr_array_add (figure->comparisons,
                             dimension_comparison (input, &counts, study, ATLAS_DIMENSION_ML_BUG,
                                                   "bug-kind-github-vs-study", SLOT_GITHUB));
          break;
        case ATLAS_CHART_KIND_STAGE:
          g_ptr_array_add (figure->comparisons, dimension_comparison (input, &counts, study, ATLAS_DIMENSION_STAGE,
                                                                      "stages-vs-study", SLOT_ALL));
          /* The study gives these cells for all its crashes only. */
          g_ptr_array_add (figure->comparisons,
                           comparison_new ("stage-by-bug-kind-vs-study", ATLAS_STUDY_ALL, counts.stage_bug.total,
                                           stage_bug_rows (&counts.stage_bug, study),
                                           _("Pipeline stage and bug kind, this corpus")));
          set_model_estimates (input, figure->model, ATLAS_DIMENSION_STAGE);
          break;
        case ATLAS_CHART_KIND_LIBRARY:
          g_ptr_array_add (figure->comparisons, dimension_comparison (input, &counts, study, ATLAS_DIMENSION_LIBRARY,
                                                                      "libraries-vs-study", SLOT_ALL));
          break;
        case ATLAS_CHART_KIND_CAUSE_BY_STAGE:
        case ATLAS_CHART_KIND_CAUSE_BY_TYPE:
        case ATLAS_N_CHART_KINDS:
        default:
          break;
        }
    }

  {
    /* What every figure counts, without a figure's own notes. */
    g_autoptr(AtlasChartModel) model = atlas_chart_model_new (stats, ATLAS_CHART_KIND_CRASH_TYPE, NULL);

    self->summary = g_strdup (atlas_chart_model_get_subtitle (model));
  }
  {
    /* Only labels of sampled crashes count (the others were not drawn at
     * random): say how many the estimates rest on. */
    g_autoptr(AtlasEstimates) estimates = estimates_for (input, ATLAS_DIMENSION_CRASH_TYPE, -1);
    guint n_labeled = estimates != NULL ? estimates->n_labeled : 0;

    if (n_labeled > 0 && input->rater != NULL)
      self->labels = g_strdup_printf (ngettext ("automatic, and estimates of the whole corpus with 95%% intervals "
                                                "from %u hand-labeled crash of the sample (rater: %s)",
                                                "automatic, and estimates of the whole corpus with 95%% intervals "
                                                "from %u hand-labeled crashes of the sample (rater: %s)",
                                                n_labeled),
                                      n_labeled, input->rater);
    else if (n_labeled > 0)
      self->labels = g_strdup_printf (ngettext ("automatic, and estimates of the whole corpus with 95%% intervals "
                                                "from %u hand-labeled crash of the sample",
                                                "automatic, and estimates of the whole corpus with 95%% intervals "
                                                "from %u hand-labeled crashes of the sample",
                                                n_labeled),
                                      n_labeled);
    else
      self->labels = g_strdup (_("automatic (no hand labels of a sample)"));
  }
  counts_clear (&counts);
  return g_steal_pointer (&self);
}

/* ---- files -------------------------------------------------------------- */

static const char *const figure_extensions[] = { "pdf", "svg", "png", "csv" };
static const AtlasChartFormat figure_formats[] = {
  ATLAS_CHART_FORMAT_PDF, ATLAS_CHART_FORMAT_SVG, ATLAS_CHART_FORMAT_PNG, ATLAS_CHART_FORMAT_CSV,
};

#define REPORT_HTML "report.html"
#define CLUSTERS_CSV "message-clusters.csv"
#define ORDER_CSV "execution-order.csv"

char **
atlas_report_dup_file_names (AtlasReport *self)
{
  GPtrArray *names = g_ptr_array_new ();

  g_return_val_if_fail (ATLAS_IS_REPORT (self), NULL);

  for (guint i = 0; i < self->figures->len; i++)
    {
      Figure *figure = g_ptr_array_index (self->figures, i);

      for (guint e = 0; e < G_N_ELEMENTS (figure_extensions); e++)
        g_ptr_array_add (names, g_strdup_printf ("%s.%s", figure->spec->stem, figure_extensions[e]));
      for (guint c = 0; c < figure->comparisons->len; c++)
        g_ptr_array_add (names, g_strdup_printf ("%s.csv", ((Comparison *)g_ptr_array_index (figure->comparisons, c))->stem));
    }
  g_ptr_array_add (names, g_strdup (CLUSTERS_CSV));
  g_ptr_array_add (names, g_strdup (ORDER_CSV));
  g_ptr_array_add (names, g_strdup (REPORT_HTML));
  g_ptr_array_add (names, NULL);
  return (char **)g_ptr_array_free (names, FALSE);
}

/* "12.3", in C notation for CSV; "" for NAN. */
static void
csv_number (GString *line,
            double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append_c (line, ',');
  if (isfinite (value))
    g_string_append (line, g_ascii_formatd (buffer, sizeof buffer, "%.2f", value));
}

static char *
comparison_to_csv (Comparison *comparison)
{
  GString *csv = g_string_new ("id,label,crashes,percent");

  if (comparison->has_estimates)
    g_string_append (csv, ",estimate_percent,low_percent,high_percent");
  g_string_append_printf (csv, ",study_%s_percent,difference_pp\n",
                          comparison->column == ATLAS_STUDY_KAGGLE ? "kaggle"
                          : comparison->column == ATLAS_STUDY_GITHUB ? "github" : "all");
  for (guint r = 0; r < comparison->rows->len; r++)
    {
      CompareRow *row = g_ptr_array_index (comparison->rows, r);
      g_autofree char *id = atlas_text_escape_invalid (row->id, -1, NULL);
      g_autofree char *label = atlas_text_escape_invalid (row->label, -1, NULL);
      double mine = row->has_estimate ? row->estimate : row->share;

      atlas_csv_append_field (csv, id);
      g_string_append_c (csv, ',');
      atlas_csv_append_field (csv, label);
      g_string_append_printf (csv, ",%u", row->count);
      csv_number (csv, row->share);
      if (comparison->has_estimates)
        {
          csv_number (csv, row->has_estimate ? row->estimate : NAN);
          csv_number (csv, row->has_estimate ? row->low : NAN);
          csv_number (csv, row->has_estimate ? row->high : NAN);
        }
      csv_number (csv, row->has_study ? row->study : NAN);
      csv_number (csv, row->has_study ? mine - row->study : NAN);
      g_string_append_c (csv, '\n');
    }
  return g_string_free (csv, FALSE);
}

static char *
clusters_to_csv (AtlasReport *self)
{
  GString *csv = g_string_new ("cluster,crashes,percent,ename,message\n");

  for (guint i = 0; i < self->clusters->len; i++)
    {
      ClusterRow *row = &g_array_index (self->clusters, ClusterRow, i);
      g_autofree char *ename = atlas_text_escape_invalid (row->ename, -1, NULL);
      g_autofree char *message = atlas_text_escape_invalid (row->message, -1, NULL);

      g_string_append_printf (csv, "%d,%u", row->cluster, row->count);
      csv_number (csv, percent_of (row->count, self->n_crashes));
      g_string_append_c (csv, ',');
      atlas_csv_append_field (csv, ename);
      g_string_append_c (csv, ',');
      atlas_csv_append_field (csv, message);
      g_string_append_c (csv, '\n');
    }
  return g_string_free (csv, FALSE);
}

/* ---- HTML --------------------------------------------------------------- */

/* Text from notebooks (library names, messages) and from the user (the
 * source's name) is never markup: controls made visible, then escaped. */
static void
html_text (GString    *html,
           const char *text)
{
  g_autofree char *inert = atlas_text_for_terminal (text != NULL ? text : "", -1, ATLAS_TEXT_DEFAULT);
  g_autofree char *escaped = g_markup_escape_text (inert, -1);

  g_string_append (html, escaped);
}

static void
html_element (GString    *html,
              const char *tag,
              const char *attributes,
              const char *text)
{
  g_string_append_printf (html, "<%s%s%s>", tag, attributes ? " " : "", attributes ? attributes : "");
  html_text (html, text);
  g_string_append_printf (html, "</%s>", tag);
}

static char *
format_count (guint count)
{
  return g_strdup_printf ("%'u", count);
}

static char *
format_percent (double percent)
{
  if (!isfinite (percent))
    return g_strdup ("\u2014");
  /* Translators: a share in percent, as the locale writes it */
  return g_strdup_printf (_("%.1f %%"), percent);
}

static char *
format_difference (double pp)
{
  if (!isfinite (pp))
    return g_strdup ("\u2014");
  if (fabs (pp) < 0.05)
    return g_strdup ("0.0");
  /* A real minus sign: reads better and is not a hyphen. */
  return g_strdup_printf ("%s%.1f", pp < 0 ? "\u2212" : "+", fabs (pp));
}

static void
html_cell (GString    *html,
           const char *klass,
           char       *text)   /* taken */
{
  g_string_append_printf (html, "<td%s%s%s>", klass ? " class=\"" : "", klass ? klass : "", klass ? "\"" : "");
  html_text (html, text);
  g_string_append (html, "</td>");
  g_free (text);
}

/* @text cut to @limit characters (never inside one), "…" where it was cut. */
static char *
shorten (const char *text,
         glong       limit)
{
  g_autofree char *valid = atlas_text_escape_invalid (text != NULL ? text : "", -1, NULL);

  g_autofree char *head = NULL;

  if (g_utf8_strlen (valid, -1) <= limit)
    return g_steal_pointer (&valid);
  head = g_utf8_substring (valid, 0, limit);
  return g_strconcat (head, "\u2026", NULL);
}

static void
html_comparison (AtlasReport *self,
                 GString     *html,
                 Comparison  *comparison)
{
  g_autofree char *n_mine = format_count (comparison->n_crashes);
  g_autofree char *n_study = format_count (self->study_n[comparison->column]);
  g_autofree char *caption = NULL;
  g_autofree char *study_head = NULL;

  /* Translators: a table's caption: what it counts and how many crashes, then the study's platforms and crashes */
  caption = g_strdup_printf (_("%s (n = %s) beside the study (%s, n = %s)"), comparison->caption, n_mine,
                             column_name (comparison->column), n_study);
  g_string_append (html, "<table class=\"compare\">\n");
  html_element (html, "caption", NULL, caption);
  g_string_append (html, "\n<thead><tr>");
  html_element (html, "th", "scope=\"col\"", _("Category"));
  html_element (html, "th", "scope=\"col\" class=\"num\"", _("Crashes"));
  html_element (html, "th", "scope=\"col\" class=\"num\"", _("Share"));
  if (comparison->has_estimates)
    {
      html_element (html, "th", "scope=\"col\" class=\"num\"", _("Estimate"));
      html_element (html, "th", "scope=\"col\" class=\"num\"", _("95% interval"));
    }
  /* Translators: a column: the study's share, "Study (Kaggle)" */
  study_head = g_strdup_printf (_("Study (%s)"), column_name (comparison->column));
  html_element (html, "th", "scope=\"col\" class=\"num\"", study_head);
  html_element (html, "th", "scope=\"col\" class=\"num\"", _("Difference (pp)"));
  g_string_append (html, "</tr></thead>\n<tbody>\n");
  for (guint r = 0; r < comparison->rows->len; r++)
    {
      CompareRow *row = g_ptr_array_index (comparison->rows, r);
      double mine = row->has_estimate ? row->estimate : row->share;
      double difference = row->has_study ? mine - row->study : NAN;
      gboolean marked = isfinite (difference) && fabs (difference) >= MARKED_DIFFERENCE;

      g_string_append (html, marked ? "<tr class=\"marked\">" : "<tr>");
      html_element (html, "th", "scope=\"row\"", row->label);
      html_cell (html, "num", format_count (row->count));
      html_cell (html, "num", format_percent (row->share));
      if (comparison->has_estimates)
        {
          html_cell (html, "num", row->has_estimate ? format_percent (row->estimate) : g_strdup ("\u2014"));
          /* Translators: a 95% interval in percent, "12.1–15.3 %" */
          html_cell (html, "num", row->has_estimate ? g_strdup_printf (_("%.1f\u2013%.1f %%"), row->low, row->high)
                                                    : g_strdup ("\u2014"));
        }
      html_cell (html, "num", row->has_study ? format_percent (row->study) : g_strdup ("\u2014"));
      html_cell (html, marked ? "num diff" : "num", format_difference (difference));
      g_string_append (html, "</tr>\n");
    }
  g_string_append (html, "</tbody>\n</table>\n");
}

static void
html_link (GString    *html,
           const char *href,
           const char *text)
{
  /* Only names this report writes: fixed, plain ASCII. */
  g_string_append_printf (html, "<a href=\"%s\">", href);
  html_text (html, text);
  g_string_append (html, "</a>");
}

static void
html_chart_table (GString         *html,
                  AtlasChartModel *model,
                  gboolean         open)
{
  g_autoptr(AtlasChartTable) table = atlas_chart_model_create_table (model);
  guint n_columns = atlas_chart_table_get_n_columns (table);

  /* Shown at once where no table beside the study gives the numbers. */
  g_string_append (html, open ? "<details open><summary>" : "<details><summary>");
  html_text (html, _("The chart’s numbers"));
  g_string_append (html, "</summary>\n<table class=\"numbers\">\n<thead><tr>");
  for (guint c = 0; c < n_columns; c++)
    html_element (html, "th",
                  atlas_chart_table_get_column_kind (table, c) == ATLAS_CHART_COLUMN_TEXT ? "scope=\"col\""
                                                                                          : "scope=\"col\" class=\"num\"",
                  atlas_chart_table_get_column_title (table, c));
  g_string_append (html, "</tr></thead>\n<tbody>\n");
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (table)); i++)
    {
      g_autoptr(AtlasChartTableRow) row = g_list_model_get_item (G_LIST_MODEL (table), i);

      g_string_append (html, "<tr>");
      for (guint c = 0; c < n_columns; c++)
        html_element (html, "td",
                      atlas_chart_table_get_column_kind (table, c) == ATLAS_CHART_COLUMN_TEXT ? NULL : "class=\"num\"",
                      atlas_chart_table_row_get_text (row, c));
      g_string_append (html, "</tr>\n");
    }
  g_string_append (html, "</tbody>\n</table>\n</details>\n");
}

static const char style_sheet[] =
  "body{font-family:Cantarell,\"Noto Sans\",\"DejaVu Sans\",sans-serif;line-height:1.45;color:#1e1e1e;"
  "background:#fff;max-width:62rem;margin:0 auto;padding:1.5rem}"
  "h1{font-size:1.8rem;margin-bottom:.2rem}h2{margin-top:2.5rem;border-bottom:1px solid #ccc}"
  ".lead{color:#444;margin-top:0}.credit{background:#f4f4f4;border-left:4px solid #3584e4;padding:.6rem 1rem}"
  "figure{margin:1rem 0}figure img{max-width:100%;height:auto;border:1px solid #ddd}"
  "figcaption{font-size:.9rem;color:#444}"
  "table{border-collapse:collapse;margin:1rem 0;font-size:.92rem}"
  "caption{text-align:left;font-weight:bold;padding-bottom:.3rem}"
  "th,td{padding:.2rem .6rem;border-bottom:1px solid #e0e0e0;text-align:left;vertical-align:top}"
  "thead th{border-bottom:2px solid #999}tbody th{font-weight:normal}.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}"
  "tr.marked{background:#fff3cd}td.diff{font-weight:bold}"
  "td.message{font-family:monospace;word-break:break-word}"
  "details{margin:.5rem 0 1rem}summary{cursor:pointer;color:#1a5fb4}"
  "footer{margin-top:3rem;font-size:.85rem;color:#555}"
  "@media print{h2{break-before:page}details{display:block}}";

static void html_order (AtlasReport *self,
                        GString     *html);

static char *
build_html (AtlasReport *self)
{
  GString *html = g_string_new (NULL);
  g_autofree char *title = NULL;
  const char *lang = g_get_language_names ()[0];
  g_autofree char *lang_tag = g_strdelimit (g_strndup (lang, strcspn (lang, "._@")), "_", '-');
  g_autofree char *n_all = format_count (self->study_n[ATLAS_STUDY_ALL]);
  g_autofree char *n_kaggle = format_count (self->study_n[ATLAS_STUDY_KAGGLE]);
  g_autofree char *n_github = format_count (self->study_n[ATLAS_STUDY_GITHUB]);
  g_autofree char *credit = NULL;
  g_autofree char *marked = NULL;

  if (g_str_equal (lang_tag, "C") || g_str_equal (lang_tag, "POSIX") || !g_ascii_isalpha (lang_tag[0]))
    {
      g_free (lang_tag);
      lang_tag = g_strdup ("en");
    }
  for (char *p = lang_tag; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '-')
      *p = '-';

  title = self->source != NULL
    /* Translators: the report's title, with what was read */
    ? g_strdup_printf (_("Crash report: %s"), self->source)
    : g_strdup (_("Crash report"));
  g_string_append_printf (html, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
                                "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                                "<meta name=\"generator\" content=\"Crash Atlas %s\">\n",
                          lang_tag, PACKAGE_VERSION);
  html_element (html, "title", NULL, title);
  g_string_append_printf (html, "\n<style>%s</style>\n</head>\n<body>\n<header>\n", style_sheet);
  html_element (html, "h1", NULL, title);
  g_string_append (html, "\n");
  html_element (html, "p", "class=\"lead\"", self->summary);
  g_string_append (html, "\n<p>");
  html_text (html, _("Labels: "));
  html_text (html, self->labels);
  g_string_append (html, "</p>\n</header>\n");

  credit = g_strdup_printf (_("Beside each distribution stand the shares published by the study this "
                              "taxonomy comes from, for the %s crashes it labeled by hand (%s on Kaggle, "
                              "%s on GitHub): %s. The study’s figures are its own; this report only sets "
                              "this corpus beside them."), n_all, n_kaggle, n_github, self->citation);
  marked = g_strdup_printf (_("Rows whose share differs from the study’s by %.0f percentage points or more are "
                              "marked. With hand labels, the difference is that of the estimate."),
                            MARKED_DIFFERENCE);
  g_string_append (html, "<section class=\"credit\">\n");
  html_element (html, "p", NULL, credit);
  html_element (html, "p", NULL, marked);
  g_string_append (html, "\n</section>\n<nav>\n<ol>\n");
  for (guint i = 0; i < self->figures->len; i++)
    {
      Figure *figure = g_ptr_array_index (self->figures, i);
      g_autofree char *anchor = g_strdup_printf ("#%s", figure->spec->stem);

      g_string_append (html, "<li>");
      html_link (html, anchor, _(figure->spec->heading));
      g_string_append (html, "</li>\n");
    }
  g_string_append (html, "<li>");
  html_link (html, "#clusters", _("Commonest messages"));
  g_string_append (html, "</li>\n</ol>\n</nav>\n");

  for (guint i = 0; i < self->figures->len; i++)
    {
      Figure *figure = g_ptr_array_index (self->figures, i);
      const char *stem = figure->spec->stem;
      g_autofree char *pdf = g_strdup_printf ("%s.pdf", stem);
      g_autofree char *svg = g_strdup_printf ("%s.svg", stem);
      g_autofree char *png = g_strdup_printf ("%s.png", stem);
      g_autofree char *csv = g_strdup_printf ("%s.csv", stem);

      g_string_append_printf (html, "<section id=\"%s\">\n", stem);
      html_element (html, "h2", NULL, _(figure->spec->heading));
      g_string_append (html, "\n");
      html_element (html, "p", NULL, _(figure->spec->blurb));
      g_string_append_printf (html, "\n<figure>\n<a href=\"%s\"><img src=\"%s\" alt=\"", pdf, png);
      html_text (html, atlas_chart_model_get_title (figure->model));
      /* The figure shows its own title and subtitle; the caption gives its files. */
      g_string_append (html, "\"></a>\n<figcaption>");
      html_link (html, pdf, "PDF");
      g_string_append (html, " · ");
      html_link (html, svg, "SVG");
      g_string_append (html, " · ");
      html_link (html, png, "PNG");
      g_string_append (html, " · ");
      html_link (html, csv, _("CSV of the chart"));
      for (guint c = 0; c < figure->comparisons->len; c++)
        {
          Comparison *comparison = g_ptr_array_index (figure->comparisons, c);
          g_autofree char *name = g_strdup_printf ("%s.csv", comparison->stem);
          g_autofree char *text = g_strdup_printf (_("CSV: %s"), comparison->caption);

          g_string_append (html, " · ");
          html_link (html, name, text);
        }
      g_string_append (html, "</figcaption>\n</figure>\n");
      for (guint c = 0; c < figure->comparisons->len; c++)
        html_comparison (self, html, g_ptr_array_index (figure->comparisons, c));
      html_chart_table (html, figure->model, figure->comparisons->len == 0);
      g_string_append (html, "</section>\n");
    }

  html_order (self, html);
  g_string_append (html, "<section id=\"clusters\">\n");
  html_element (html, "h2", NULL, _("Commonest messages"));
  g_string_append (html, "\n");
  html_element (html, "p", NULL, _("The largest groups of similar error messages (message clusters), each with "
                                   "the message of its first crash."));
  g_string_append (html, "\n<p>");
  html_link (html, CLUSTERS_CSV, _("CSV of the clusters"));
  g_string_append (html, "</p>\n");
  if (self->clusters->len == 0)
    html_element (html, "p", NULL, _("No message clusters: the crashes were not grouped."));
  else
    {
      g_string_append (html, "<table class=\"clusters\">\n<thead><tr>");
      html_element (html, "th", "scope=\"col\" class=\"num\"", _("Cluster"));
      html_element (html, "th", "scope=\"col\" class=\"num\"", _("Crashes"));
      html_element (html, "th", "scope=\"col\" class=\"num\"", _("Share"));
      html_element (html, "th", "scope=\"col\"", _("Exception"));
      html_element (html, "th", "scope=\"col\"", _("Message"));
      g_string_append (html, "</tr></thead>\n<tbody>\n");
      for (guint i = 0; i < self->clusters->len; i++)
        {
          ClusterRow *row = &g_array_index (self->clusters, ClusterRow, i);

          g_string_append (html, "<tr>");
          html_cell (html, "num", g_strdup_printf ("%d", row->cluster));
          html_cell (html, "num", format_count (row->count));
          html_cell (html, "num", format_percent (percent_of (row->count, self->n_crashes)));
          html_cell (html, NULL, g_strdup (row->ename));
          html_cell (html, "message", shorten (row->message, SHOWN_MESSAGE));
          g_string_append (html, "</tr>\n");
        }
      g_string_append (html, "</tbody>\n</table>\n");
    }
  g_string_append (html, "</section>\n<footer>\n");
  {
    g_autofree char *footer = g_strdup_printf (_("Written by Crash Atlas %s. Figures: PDF and SVG for print, "
                                                 "PNG at 150 dpi; every table is also a CSV file."),
                                               PACKAGE_VERSION);

    html_element (html, "p", NULL, footer);
  }
  g_string_append (html, "\n</footer>\n</body>\n</html>\n");
  return g_string_free (html, FALSE);
}

/* ---- execution order ---------------------------------------------------- */

typedef struct
{
  const char *id;
  const char *label;
  guint       part;
  guint       whole;
} OrderRow;

static void
order_rows (AtlasReport *self,
            OrderRow     rows[4])
{
  const AtlasOrderSummary *s = &self->order;

  rows[0] = (OrderRow) { "notebooks", N_("Notebooks with a crash"), s->notebooks_out_of_order, s->notebooks };
  rows[1] = (OrderRow) { "crashes", N_("Their crashes"), s->crashes_out_of_order, s->crashes };
  rows[2] = (OrderRow) { "crashes_nb", N_("Notebook-specific crashes (NB)"), s->nb_crashes_out_of_order,
                         s->nb_crashes };
  rows[3] = (OrderRow) { "crashes_other", N_("Crashes of other root causes"), s->other_crashes_out_of_order,
                         s->other_crashes };
}

static char *
order_to_csv (AtlasReport *self)
{
  GString *csv = g_string_new ("counted,total,out_of_order,percent,order_not_known\n");
  OrderRow rows[4];

  order_rows (self, rows);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_string_append_printf (csv, "%s,%u,%u", rows[i].id, rows[i].whole, rows[i].part);
      csv_number (csv, rows[i].whole > 0 ? percent_of (rows[i].part, rows[i].whole) : NAN);
      g_string_append_printf (csv, ",%u\n", i == 0 ? self->order.notebooks_unknown : 0);
    }
  return g_string_free (csv, FALSE);
}

/* How often the crashing notebooks ran out of order, beside the crashes
 * the classifier calls notebook-specific (the study's reading of them). */
static void
html_order (AtlasReport *self,
            GString     *html)
{
  OrderRow rows[4];

  order_rows (self, rows);
  g_string_append (html, "<section id=\"execution-order\">\n");
  html_element (html, "h2", NULL, _("Execution order"));
  g_string_append (html, "\n");
  html_element (html, "p", NULL, _("Notebooks in which a code cell ran before the executed cell above it (its "
                                   "execution count is lower), and the crashes in them. The cell view draws "
                                   "each notebook’s order."));
  g_string_append (html, "\n<p>");
  html_link (html, ORDER_CSV, _("CSV of this table"));
  g_string_append (html, "</p>\n<table>\n<thead><tr>");
  html_element (html, "th", "scope=\"col\"", "");
  html_element (html, "th", "scope=\"col\" class=\"num\"", _("All"));
  html_element (html, "th", "scope=\"col\" class=\"num\"", _("Run out of order"));
  html_element (html, "th", "scope=\"col\" class=\"num\"", _("Share"));
  g_string_append (html, "</tr></thead>\n<tbody>\n");
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_string_append (html, "<tr>");
      html_element (html, "th", "scope=\"row\"", _(rows[i].label));
      html_cell (html, "num", format_count (rows[i].whole));
      html_cell (html, "num", format_count (rows[i].part));
      html_cell (html, "num", format_percent (rows[i].whole > 0 ? percent_of (rows[i].part, rows[i].whole) : NAN));
      g_string_append (html, "</tr>\n");
    }
  g_string_append (html, "</tbody>\n</table>\n");
  if (self->order.notebooks_unknown > 0)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "The order of %u notebook is not known.",
                                                            "The order of %u notebooks is not known.",
                                                            self->order.notebooks_unknown),
                                               self->order.notebooks_unknown);

      html_element (html, "p", NULL, text);
    }
  g_string_append (html, "</section>\n");
}

/* ---- writing ------------------------------------------------------------ */

static gboolean
write_failed (const char  *directory,
              const char  *name,
              const char  *reason,
              GError     **error)
{
  g_autofree char *path = g_build_filename (directory, name, NULL);

  g_set_error (error, ATLAS_REPORT_ERROR, ATLAS_REPORT_ERROR_WRITE,
               /* Translators: a file of the report, then why it could not be written */
               _("%s: could not be written: %s"), path, reason);
  return FALSE;
}

static gboolean
write_text (const char  *staging,
            const char  *directory,
            const char  *name,
            const char  *text,
            GError     **error)
{
  g_autofree char *path = g_build_filename (staging, name, NULL);
  g_autoptr(GError) local_error = NULL;

  if (g_file_set_contents (path, text, -1, &local_error))
    return TRUE;
  return write_failed (directory, name, local_error->message, error);
}

static double
figure_height_cm (const FigureSpec *spec,
                  AtlasChartModel  *model)
{
  if (spec->height_cm > 0)
    return spec->height_cm;
  /* Rows of bars at a readable pitch, whatever their number. */
  return MAX (9.0, 3.0 + 0.48 * atlas_chart_model_get_n_rows (model));
}

static gboolean
write_figure (Figure      *figure,
              const char  *staging,
              const char  *directory,
              GError     **error)
{
  AtlasChartExportOptions options;
  AtlasChartStyle style;

  atlas_chart_style_init_light (&style);
  atlas_chart_export_options_init (&options);
  options.width_pt = atlas_length_to_points (figure->spec->width_cm, ATLAS_LENGTH_CM);
  options.height_pt = atlas_length_to_points (figure_height_cm (figure->spec, figure->model), ATLAS_LENGTH_CM);
  options.dpi = 150;
  options.style = &style;
  for (guint e = 0; e < G_N_ELEMENTS (figure_extensions); e++)
    {
      g_autofree char *name = g_strdup_printf ("%s.%s", figure->spec->stem, figure_extensions[e]);
      g_autofree char *path = g_build_filename (staging, name, NULL);
      g_autoptr(GError) local_error = NULL;

      if (!atlas_chart_export (figure->model, figure_formats[e], path, &options, &local_error))
        return write_failed (directory, name, local_error->message, error);
    }
  for (guint c = 0; c < figure->comparisons->len; c++)
    {
      Comparison *comparison = g_ptr_array_index (figure->comparisons, c);
      g_autofree char *name = g_strdup_printf ("%s.csv", comparison->stem);
      g_autofree char *csv = comparison_to_csv (comparison);

      if (!write_text (staging, directory, name, csv, error))
        return FALSE;
    }
  return TRUE;
}

static void
remove_staging (const char  *staging,
                char       **names)
{
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (staging, names[i], NULL);

      g_remove (path);
    }
  g_rmdir (staging);
}

gboolean
atlas_report_write (AtlasReport   *self,
                    const char    *directory,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_auto(GStrv) names = NULL;
  g_autofree char *staging = NULL;
  g_autofree char *html = NULL;
  g_autofree char *clusters = NULL;
  g_autofree char *old_report = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (ATLAS_IS_REPORT (self), FALSE);
  g_return_val_if_fail (directory != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_mkdir_with_parents (directory, 0777) != 0)
    {
      int saved = errno;

      g_set_error (error, ATLAS_REPORT_ERROR, ATLAS_REPORT_ERROR_WRITE,
                   _("%s: the folder could not be made: %s"), directory, g_strerror (saved));
      return FALSE;
    }
  /* Written beside the final files (the same file system, so each moves
   * into place at once) and moved only when every one is written. */
  staging = g_build_filename (directory, ".crash-atlas-report-XXXXXX", NULL);
  if (g_mkdtemp (staging) == NULL)
    {
      int saved = errno;

      g_set_error (error, ATLAS_REPORT_ERROR, ATLAS_REPORT_ERROR_WRITE,
                   _("%s: the folder cannot be written to: %s"), directory, g_strerror (saved));
      return FALSE;
    }
  names = atlas_report_dup_file_names (self);

  for (guint i = 0; ok && i < self->figures->len; i++)
    ok = !g_cancellable_set_error_if_cancelled (cancellable, error) &&
         write_figure (g_ptr_array_index (self->figures, i), staging, directory, error);
  if (ok)
    {
      clusters = clusters_to_csv (self);
      ok = write_text (staging, directory, CLUSTERS_CSV, clusters, error);
    }
  if (ok)
    {
      g_autofree char *order = order_to_csv (self);

      ok = write_text (staging, directory, ORDER_CSV, order, error);
    }
  if (ok)
    {
      html = build_html (self);
      ok = write_text (staging, directory, REPORT_HTML, html, error);
    }
  ok = ok && !g_cancellable_set_error_if_cancelled (cancellable, error);

  /* An earlier report.html goes first: until the new one is in place no
   * page claims a report whose files are half replaced. */
  old_report = g_build_filename (directory, REPORT_HTML, NULL);
  if (ok && g_remove (old_report) != 0 && errno != ENOENT)
    ok = write_failed (directory, REPORT_HTML, g_strerror (errno), error);
  for (guint i = 0; ok && names[i] != NULL; i++)
    {
      g_autofree char *from = g_build_filename (staging, names[i], NULL);
      g_autofree char *to = g_build_filename (directory, names[i], NULL);

      if (g_rename (from, to) != 0)
        ok = write_failed (directory, names[i], g_strerror (errno), error);
    }
  remove_staging (staging, names);
  return ok;
}

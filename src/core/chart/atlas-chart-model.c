/* atlas-chart-model.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-chart-model"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "atlas-chart-private.h"

#define DEFAULT_TOP_N 10

/* A panel, row or series: what it is called and which crashes it selects. */
typedef struct
{
  char        *id;
  char        *label;
  AtlasFilter *filter;
  int          value;  /* enum value, or the platform slot of a panel */
  gpointer     data;   /* AtlasLibraryCount / AtlasDetailCount, borrowed */
} Entry;

struct _AtlasChartModel
{
  GObject          parent_instance;

  AtlasChartStats *stats;
  AtlasChartKind   kind;
  AtlasChartShape  shape;
  char            *title;
  char            *subtitle;
  char            *row_axis;
  char            *value_axis;
  GPtrArray       *panels;   /* Entry */
  GPtrArray       *rows;
  GPtrArray       *series;
  guint           *counts;   /* [panel][row][series] */
  double          *percents;
  guint           *row_totals; /* [panel][row] */
  double          *ratios;
  guint            max_value;
  double          *estimates;  /* [row][3]: estimate, low, high as shares; NULL for none */
  char            *base_subtitle; /* the subtitle before a labels caption */
};

G_DEFINE_FINAL_TYPE (AtlasChartModel, atlas_chart_model, G_TYPE_OBJECT)

static const char *kind_ids[ATLAS_N_CHART_KINDS] = {
  "stage", "library", "root-cause", "crash-type", "cause-by-stage", "cause-by-type",
};

static const char *kind_names[ATLAS_N_CHART_KINDS] = {
  N_("Crashes by pipeline stage"),
  N_("Crashes per library and library use"),
  N_("Crashes by root cause"),
  N_("Crashes by crash type"),
  N_("Root cause by pipeline stage"),
  N_("Root cause by crash type"),
};

const char *
atlas_chart_kind_to_string (AtlasChartKind kind)
{
  g_return_val_if_fail (kind < ATLAS_N_CHART_KINDS, NULL);
  return kind_ids[kind];
}

gboolean
atlas_chart_kind_from_string (const char     *str,
                              AtlasChartKind *kind)
{
  for (guint i = 0; i < ATLAS_N_CHART_KINDS; i++)
    {
      if (g_strcmp0 (str, kind_ids[i]) == 0)
        {
          *kind = i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
atlas_chart_kind_display_name (AtlasChartKind kind)
{
  g_return_val_if_fail (kind < ATLAS_N_CHART_KINDS, NULL);
  return _(kind_names[kind]);
}

void
atlas_chart_options_init (AtlasChartOptions *options)
{
  g_return_if_fail (options != NULL);

  options->by_platform = FALSE;
  options->root_cause_detail = FALSE;
  options->top_n = DEFAULT_TOP_N;
}

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_free (entry->id);
  g_free (entry->label);
  g_clear_object (&entry->filter);
  g_free (entry);
}

/* Adds an entry; @filter is taken (NULL for "no constraint"). */
static Entry *
add_entry (GPtrArray   *array,
           const char  *id,
           const char  *label,
           AtlasFilter *filter,
           int          value)
{
  Entry *entry = g_new0 (Entry, 1);

  entry->id = g_strdup (id);
  entry->label = g_strdup (label);
  entry->filter = filter ? filter : atlas_filter_new ();
  entry->value = value;
  g_ptr_array_add (array, entry);
  return entry;
}

static AtlasFilter *
value_filter (AtlasFilterField field,
              int              value)
{
  AtlasFilter *filter = atlas_filter_new ();

  atlas_filter_add_value (filter, field, value);
  return filter;
}

static AtlasFilter *
string_filter (AtlasFilterField  field,
               const char       *value)
{
  AtlasFilter *filter = atlas_filter_new ();

  atlas_filter_add_string (filter, field, value);
  return filter;
}

static void
atlas_chart_model_finalize (GObject *object)
{
  AtlasChartModel *self = (AtlasChartModel *)object;

  g_clear_object (&self->stats);
  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->base_subtitle);
  g_free (self->estimates);
  g_free (self->row_axis);
  g_free (self->value_axis);
  g_ptr_array_unref (self->panels);
  g_ptr_array_unref (self->rows);
  g_ptr_array_unref (self->series);
  g_free (self->counts);
  g_free (self->percents);
  g_free (self->row_totals);
  g_free (self->ratios);

  G_OBJECT_CLASS (atlas_chart_model_parent_class)->finalize (object);
}

static void
atlas_chart_model_class_init (AtlasChartModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = atlas_chart_model_finalize;
}

static void
atlas_chart_model_init (AtlasChartModel *self)
{
  self->panels = g_ptr_array_new_with_free_func (entry_free);
  self->rows = g_ptr_array_new_with_free_func (entry_free);
  self->series = g_ptr_array_new_with_free_func (entry_free);
}

static const AtlasChartCounts *
counts_of (AtlasChartModel *self)
{
  return _atlas_chart_stats_get_counts (self->stats);
}

static const char *
dimension_value_label (AtlasDimension dimension,
                       guint          value)
{
  const char *name = atlas_dimension_value_name (dimension, value);

  return name != NULL ? name : _("unclassified");
}

static const char *
dimension_value_id (AtlasDimension dimension,
                    guint          value)
{
  const char *id = atlas_dimension_value_id (dimension, value);

  return id != NULL ? id : ATLAS_UNCLASSIFIED_ID;
}

/* Entries for the values of an enumerated dimension, in taxonomy order,
 * "unclassified" last and only when @present says it occurs. */
static void
add_dimension_entries (GPtrArray        *array,
                       AtlasDimension    dimension,
                       AtlasFilterField  field,
                       const guint      *totals,
                       gboolean          skip_empty)
{
  guint n = atlas_dimension_n_values (dimension);

  for (guint v = 1; v < n; v++)
    if (!skip_empty || totals[v] > 0)
      add_entry (array, dimension_value_id (dimension, v), dimension_value_label (dimension, v),
                 value_filter (field, v), v);
  if (totals[0] > 0)
    add_entry (array, ATLAS_UNCLASSIFIED_ID, _("unclassified"), value_filter (field, 0), 0);
}

static int
compare_entries_by_total (gconstpointer a,
                          gconstpointer b,
                          gpointer      user_data)
{
  const Entry *ea = *(Entry * const *)a, *eb = *(Entry * const *)b;
  const guint *totals = user_data;

  /* unclassified last, then by count descending, then taxonomy order */
  if ((ea->value == 0) != (eb->value == 0))
    return ea->value == 0 ? 1 : -1;
  if (totals[ea->value] != totals[eb->value])
    return totals[ea->value] > totals[eb->value] ? -1 : 1;
  return ea->value - eb->value;
}

/* Totals of the "all platforms" slot per value of the rows' dimension. */
static void
dimension_totals (AtlasChartModel *self,
                  AtlasDimension   dimension,
                  guint           *totals)
{
  const AtlasChartCounts *n = counts_of (self);
  const guint s = ATLAS_ALL_PLATFORMS;

  for (guint c = 0; c < ATLAS_N_ROOT_CAUSES; c++)
    {
      for (guint st = 0; st < ATLAS_N_STAGES; st++)
        {
          if (dimension == ATLAS_DIMENSION_ROOT_CAUSE)
            totals[c] += n->cause_stage[s][c][st];
          else if (dimension == ATLAS_DIMENSION_STAGE)
            totals[st] += n->cause_stage[s][c][st];
        }
      for (guint t = 0; t < ATLAS_N_CRASH_TYPES; t++)
        if (dimension == ATLAS_DIMENSION_CRASH_TYPE)
          totals[t] += n->cause_type[s][c][t];
    }
  if (dimension == ATLAS_DIMENSION_ML_BUG)
    for (guint st = 0; st < ATLAS_N_STAGES; st++)
      for (guint b = 0; b < ATLAS_N_ML_BUGS; b++)
        totals[b] += n->stage_bug[s][st][b];
}

static void
setup_panels (AtlasChartModel *self,
              gboolean         by_platform)
{
  /* The study's order: Kaggle, then GitHub, then local notebooks. */
  static const AtlasPlatform order[] = {
    ATLAS_PLATFORM_KAGGLE, ATLAS_PLATFORM_GITHUB, ATLAS_PLATFORM_LOCAL,
  };
  const AtlasChartCounts *n = counts_of (self);

  if (by_platform)
    for (guint i = 0; i < G_N_ELEMENTS (order); i++)
      if (n->crashes[order[i]] > 0)
        add_entry (self->panels, atlas_platform_to_string (order[i]),
                   atlas_platform_display_name (order[i]),
                   value_filter (ATLAS_FILTER_FIELD_PLATFORM, order[i]), order[i]);
  if (self->panels->len == 0)
    add_entry (self->panels, "all", NULL, NULL, ATLAS_ALL_PLATFORMS);
}

static void
setup_stage (AtlasChartModel *self)
{
  guint totals[ATLAS_N_ML_BUGS] = { 0 };
  guint stage_totals[ATLAS_N_STAGES] = { 0 };

  dimension_totals (self, ATLAS_DIMENSION_STAGE, stage_totals);
  dimension_totals (self, ATLAS_DIMENSION_ML_BUG, totals);
  add_dimension_entries (self->rows, ATLAS_DIMENSION_STAGE, ATLAS_FILTER_FIELD_STAGE,
                         stage_totals, FALSE);
  add_dimension_entries (self->series, ATLAS_DIMENSION_ML_BUG, ATLAS_FILTER_FIELD_ML_BUG,
                         totals, FALSE);
  self->shape = ATLAS_CHART_SHAPE_STACKED_BARS;
  self->row_axis = g_strdup (_("Pipeline stage"));
  self->value_axis = g_strdup (_("Crashes"));
}

/* One series that is the whole row (single-colour bars). */
static void
add_single_series (AtlasChartModel *self)
{
  add_entry (self->series, "crashes", _("Crashes"), NULL, 0);
}

static void
setup_sorted_dimension (AtlasChartModel  *self,
                        AtlasDimension    dimension,
                        AtlasFilterField  field)
{
  guint totals[ATLAS_N_CRASH_TYPES] = { 0 };

  dimension_totals (self, dimension, totals);
  add_dimension_entries (self->rows, dimension, field, totals,
                         dimension == ATLAS_DIMENSION_CRASH_TYPE);
  g_ptr_array_sort_with_data (self->rows, compare_entries_by_total, totals);
  add_single_series (self);
  self->shape = ATLAS_CHART_SHAPE_STACKED_BARS;
  self->row_axis = g_strdup (atlas_dimension_display_name (dimension));
  self->value_axis = g_strdup (_("Crashes"));
}

/* Rows "cause: finer cause", plus "cause" alone for crashes of that cause
 * without a finer one. */
static void
setup_root_cause_detail (AtlasChartModel *self)
{
  GPtrArray *details = _atlas_chart_stats_get_details (self->stats);
  guint totals[ATLAS_N_ROOT_CAUSES] = { 0 };
  guint with_detail[ATLAS_N_ROOT_CAUSES] = { 0 };

  dimension_totals (self, ATLAS_DIMENSION_ROOT_CAUSE, totals);
  for (guint i = 0; i < details->len; i++)
    {
      AtlasDetailCount *d = g_ptr_array_index (details, i);

      with_detail[d->cause] += d->crashes[ATLAS_ALL_PLATFORMS];
    }
  for (guint c = 0; c < ATLAS_N_ROOT_CAUSES; c++)
    {
      guint cause = (c + 1) % ATLAS_N_ROOT_CAUSES;  /* unclassified last */
      const char *cause_label = dimension_value_label (ATLAS_DIMENSION_ROOT_CAUSE, cause);
      const char *cause_id = dimension_value_id (ATLAS_DIMENSION_ROOT_CAUSE, cause);

      for (guint i = 0; i < details->len; i++)
        {
          AtlasDetailCount *d = g_ptr_array_index (details, i);
          g_autofree char *id = NULL, *label = NULL;
          AtlasFilter *filter;
          Entry *entry;

          if (d->cause != cause)
            continue;
          id = g_strdup_printf ("%s/%s", cause_id, d->detail);
          label = g_strdup_printf ("%s: %s", cause_label, d->detail);
          filter = value_filter (ATLAS_FILTER_FIELD_ROOT_CAUSE, cause);
          atlas_filter_add_string (filter, ATLAS_FILTER_FIELD_ROOT_CAUSE_DETAIL, d->detail);
          entry = add_entry (self->rows, id, label, filter, cause);
          entry->data = d;
        }
      if (totals[cause] > with_detail[cause])
        {
          AtlasFilter *filter = value_filter (ATLAS_FILTER_FIELD_ROOT_CAUSE, cause);
          g_autofree char *label = NULL;

          atlas_filter_add_string (filter, ATLAS_FILTER_FIELD_ROOT_CAUSE_DETAIL, NULL);
          /* Translators: a root cause without a finer cause, "API misuse: not specified" */
          label = cause == 0 ? g_strdup (cause_label) : g_strdup_printf (_("%s: not specified"), cause_label);
          add_entry (self->rows, cause_id, label, filter, cause);
        }
    }
  add_single_series (self);
  self->shape = ATLAS_CHART_SHAPE_STACKED_BARS;
  self->row_axis = g_strdup (_("Root cause: finer cause"));
  self->value_axis = g_strdup (_("Crashes"));
}

static void
setup_heatmap (AtlasChartModel *self,
               AtlasDimension   columns,
               AtlasFilterField column_field)
{
  guint cause_totals[ATLAS_N_ROOT_CAUSES] = { 0 };
  guint column_totals[ATLAS_N_CRASH_TYPES] = { 0 };

  dimension_totals (self, ATLAS_DIMENSION_ROOT_CAUSE, cause_totals);
  dimension_totals (self, columns, column_totals);
  add_dimension_entries (self->rows, ATLAS_DIMENSION_ROOT_CAUSE, ATLAS_FILTER_FIELD_ROOT_CAUSE,
                         cause_totals, FALSE);
  add_dimension_entries (self->series, columns, column_field, column_totals,
                         columns == ATLAS_DIMENSION_CRASH_TYPE);
  self->shape = ATLAS_CHART_SHAPE_HEATMAP;
  self->row_axis = g_strdup (_("Root cause"));
  self->value_axis = g_strdup (atlas_dimension_display_name (columns));
}

static gboolean
is_no_library (const char *name)
{
  return g_strcmp0 (name, ATLAS_LIBRARY_NONE) == 0;
}

/* Top N libraries by crashes ("none", no library at fault, is left out),
 * then "other": any other library. */
static void
setup_library (AtlasChartModel *self,
               guint            top_n)
{
  GPtrArray *libraries = _atlas_chart_stats_get_libraries (self->stats);
  g_autoptr(AtlasFilter) other = atlas_filter_new ();
  guint n_shown = 0;
  gboolean has_other = FALSE;

  atlas_filter_add_string (other, ATLAS_FILTER_FIELD_LIBRARY, NULL);
  atlas_filter_add_string (other, ATLAS_FILTER_FIELD_LIBRARY, ATLAS_LIBRARY_NONE);
  for (guint i = 0; i < libraries->len; i++)
    {
      AtlasLibraryCount *library = g_ptr_array_index (libraries, i);

      if (is_no_library (library->name) || library->crashes[ATLAS_ALL_PLATFORMS] == 0)
        continue;
      if (n_shown == top_n)
        {
          has_other = TRUE;
          continue;
        }
      add_entry (self->rows, library->name, library->name,
                 string_filter (ATLAS_FILTER_FIELD_LIBRARY, library->name), 1)->data = library;
      atlas_filter_add_string (other, ATLAS_FILTER_FIELD_LIBRARY, library->name);
      n_shown++;
    }
  if (has_other)
    {
      atlas_filter_set_negated (other, ATLAS_FILTER_FIELD_LIBRARY, TRUE);
      add_entry (self->rows, "other", _("other libraries"), g_steal_pointer (&other), 0);
    }
  add_entry (self->series, "crashes", _("Share of crashes"), NULL, 0);
  add_entry (self->series, "notebooks", _("Share of notebooks importing it"), NULL, 1);
  self->shape = ATLAS_CHART_SHAPE_GROUPED_BARS;
  self->row_axis = g_strdup (_("Library"));
  self->value_axis = g_strdup (_("Share (%)"));
}

static guint
sum_types (const AtlasChartCounts *n,
           guint                   slot,
           guint                   type)
{
  guint total = 0;

  for (guint c = 0; c < ATLAS_N_ROOT_CAUSES; c++)
    total += n->cause_type[slot][c][type];
  return total;
}

static guint
sum_stages (const AtlasChartCounts *n,
            guint                   slot,
            guint                   cause)
{
  guint total = 0;

  for (guint st = 0; st < ATLAS_N_STAGES; st++)
    total += n->cause_stage[slot][cause][st];
  return total;
}

/* Crashes of "cause" without a finer cause, in @slot. */
static guint
cause_without_detail (AtlasChartModel *self,
                      guint            slot,
                      guint            cause)
{
  GPtrArray *details = _atlas_chart_stats_get_details (self->stats);
  guint total = sum_stages (counts_of (self), slot, cause);

  for (guint i = 0; i < details->len; i++)
    {
      AtlasDetailCount *d = g_ptr_array_index (details, i);

      if (d->cause == cause)
        total -= d->crashes[slot];
    }
  return total;
}

/* Library "other": crashes of libraries not shown. */
static guint
other_libraries (AtlasChartModel *self,
                 guint            slot)
{
  GPtrArray *libraries = _atlas_chart_stats_get_libraries (self->stats);
  guint total = 0;

  for (guint i = 0; i < libraries->len; i++)
    {
      AtlasLibraryCount *library = g_ptr_array_index (libraries, i);
      gboolean shown = FALSE;

      for (guint r = 0; r < self->rows->len && !shown; r++)
        shown = ((Entry *)g_ptr_array_index (self->rows, r))->data == library;
      if (!shown && !is_no_library (library->name))
        total += library->crashes[slot];
    }
  return total;
}

static guint
cell_count (AtlasChartModel *self,
            guint            slot,
            const Entry     *row,
            const Entry     *series)
{
  const AtlasChartCounts *n = counts_of (self);

  switch (self->kind)
    {
    case ATLAS_CHART_KIND_STAGE:
      return n->stage_bug[slot][row->value][series->value];
    case ATLAS_CHART_KIND_ROOT_CAUSE:
      if (row->data != NULL)
        return ((AtlasDetailCount *)row->data)->crashes[slot];
      if (atlas_filter_has_field (row->filter, ATLAS_FILTER_FIELD_ROOT_CAUSE_DETAIL))
        return cause_without_detail (self, slot, row->value);
      return sum_stages (n, slot, row->value);
    case ATLAS_CHART_KIND_CRASH_TYPE:
      return sum_types (n, slot, row->value);
    case ATLAS_CHART_KIND_CAUSE_BY_STAGE:
      return n->cause_stage[slot][row->value][series->value];
    case ATLAS_CHART_KIND_CAUSE_BY_TYPE:
      return n->cause_type[slot][row->value][series->value];
    case ATLAS_CHART_KIND_LIBRARY:
      if (row->data == NULL)
        return series->value == 0 ? other_libraries (self, slot) : 0;
      return series->value == 0 ? ((AtlasLibraryCount *)row->data)->crashes[slot]
                                : ((AtlasLibraryCount *)row->data)->notebooks[slot];
    case ATLAS_N_CHART_KINDS:
    default:
      g_assert_not_reached ();
    }
}

static double
percent_of (guint part,
            guint whole)
{
  return whole > 0 ? 100.0 * part / whole : NAN;
}

static void
fill_numbers (AtlasChartModel *self)
{
  const AtlasChartCounts *n = counts_of (self);
  guint n_p = self->panels->len, n_r = self->rows->len, n_s = self->series->len;

  self->counts = g_new0 (guint, n_p * n_r * n_s);
  self->percents = g_new0 (double, n_p * n_r * n_s);
  self->row_totals = g_new0 (guint, n_p * n_r);
  self->ratios = g_new0 (double, n_p * n_r);
  for (guint p = 0; p < n_p; p++)
    {
      guint slot = ((Entry *)g_ptr_array_index (self->panels, p))->value;

      for (guint r = 0; r < n_r; r++)
        {
          const Entry *row = g_ptr_array_index (self->rows, r);
          guint i = p * n_r + r;

          for (guint s = 0; s < n_s; s++)
            {
              const Entry *series = g_ptr_array_index (self->series, s);
              guint count = cell_count (self, slot, row, series);
              guint j = i * n_s + s;
              gboolean imports = self->kind == ATLAS_CHART_KIND_LIBRARY && series->value == 1;

              self->counts[j] = count;
              self->percents[j] = imports ? (row->data ? percent_of (count, n->notebooks[slot]) : NAN)
                                          : percent_of (count, n->crashes[slot]);
              if (!imports)
                self->row_totals[i] += count;
              self->max_value = MAX (self->max_value, self->shape == ATLAS_CHART_SHAPE_STACKED_BARS
                                                      ? self->row_totals[i] : count);
            }
          self->ratios[i] = NAN;
          if (self->kind == ATLAS_CHART_KIND_LIBRARY && row->data != NULL && self->counts[i * n_s + 1] > 0)
            self->ratios[i] = (double)self->counts[i * n_s] / self->counts[i * n_s + 1];
        }
    }
}

static char *
make_subtitle (AtlasChartModel *self)
{
  AtlasFilter *filter = atlas_chart_stats_get_filter (self->stats);
  guint n_crashes = atlas_chart_stats_get_n_crashes (self->stats);
  /* The notebooks behind the crashes counted, not all those read. */
  guint n_notebooks = atlas_chart_stats_get_n_crashing_notebooks (self->stats);
  g_autofree char *crashes = _atlas_chart_format_count (n_crashes);
  g_autofree char *notebooks = _atlas_chart_format_count (n_notebooks);
  GString *text = g_string_new (NULL);

  /* Translators: chart subtitle, "n = 1,234 crashes" … */
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "n = %s crash", "n = %s crashes", n_crashes), crashes);
  /* Translators: … " in 567 notebooks" */
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, " in %s notebook", " in %s notebooks", n_notebooks), notebooks);
  for (guint f = 0; f < ATLAS_N_FILTER_FIELDS; f++)
    {
      g_autofree char *part = atlas_filter_describe_field (filter, f);

      if (part != NULL)
        g_string_append_printf (text, " · %s", part);
    }
  return g_string_free (text, FALSE);
}

/* The library chart leaves out crashes with no library at fault ("none")
 * or no label yet; a figure must say how many. */
static void
append_library_note (AtlasChartModel *self)
{
  GPtrArray *libraries = _atlas_chart_stats_get_libraries (self->stats);
  guint left_out = counts_of (self)->library_unset[ATLAS_ALL_PLATFORMS];
  g_autofree char *count = NULL;
  char *subtitle;

  for (guint i = 0; i < libraries->len; i++)
    {
      AtlasLibraryCount *library = g_ptr_array_index (libraries, i);

      if (is_no_library (library->name))
        left_out += library->crashes[ATLAS_ALL_PLATFORMS];
    }
  if (left_out == 0)
    return;
  count = _atlas_chart_format_count (left_out);
  /* Translators: appended to the library chart's subtitle */
  subtitle = g_strdup_printf (_("%s · %s without a library at fault or unclassified, not shown"),
                              self->subtitle, count);
  g_free (self->subtitle);
  self->subtitle = subtitle;
}

AtlasChartModel *
atlas_chart_model_new (AtlasChartStats         *stats,
                       AtlasChartKind           kind,
                       const AtlasChartOptions *options)
{
  AtlasChartModel *self;
  AtlasChartOptions defaults;

  g_return_val_if_fail (ATLAS_IS_CHART_STATS (stats), NULL);
  g_return_val_if_fail (kind < ATLAS_N_CHART_KINDS, NULL);

  if (options == NULL)
    {
      atlas_chart_options_init (&defaults);
      options = &defaults;
    }

  self = g_object_new (ATLAS_TYPE_CHART_MODEL, NULL);
  self->stats = g_object_ref (stats);
  self->kind = kind;
  self->title = g_strdup (atlas_chart_kind_display_name (kind));
  setup_panels (self, options->by_platform);
  switch (kind)
    {
    case ATLAS_CHART_KIND_STAGE:
      setup_stage (self);
      break;
    case ATLAS_CHART_KIND_LIBRARY:
      setup_library (self, options->top_n > 0 ? options->top_n : DEFAULT_TOP_N);
      break;
    case ATLAS_CHART_KIND_ROOT_CAUSE:
      if (options->root_cause_detail)
        setup_root_cause_detail (self);
      else
        setup_sorted_dimension (self, ATLAS_DIMENSION_ROOT_CAUSE, ATLAS_FILTER_FIELD_ROOT_CAUSE);
      break;
    case ATLAS_CHART_KIND_CRASH_TYPE:
      setup_sorted_dimension (self, ATLAS_DIMENSION_CRASH_TYPE, ATLAS_FILTER_FIELD_CRASH_TYPE);
      break;
    case ATLAS_CHART_KIND_CAUSE_BY_STAGE:
      setup_heatmap (self, ATLAS_DIMENSION_STAGE, ATLAS_FILTER_FIELD_STAGE);
      break;
    case ATLAS_CHART_KIND_CAUSE_BY_TYPE:
      setup_heatmap (self, ATLAS_DIMENSION_CRASH_TYPE, ATLAS_FILTER_FIELD_CRASH_TYPE);
      break;
    case ATLAS_N_CHART_KINDS:
    default:
      g_assert_not_reached ();
    }
  fill_numbers (self);
  self->subtitle = make_subtitle (self);
  if (kind == ATLAS_CHART_KIND_LIBRARY)
    append_library_note (self);
  return self;
}

AtlasChartModel *
atlas_chart_model_new_for_corpus (AtlasCorpus             *corpus,
                                  AtlasFilter             *filter,
                                  AtlasChartKind           kind,
                                  const AtlasChartOptions *options)
{
  g_autoptr(AtlasChartStats) stats = atlas_chart_stats_new (corpus, filter);

  g_return_val_if_fail (stats != NULL, NULL);
  return atlas_chart_model_new (stats, kind, options);
}

AtlasChartKind
atlas_chart_model_get_kind (AtlasChartModel *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART_MODEL (self), 0);
  return self->kind;
}

AtlasChartShape
atlas_chart_model_get_shape (AtlasChartModel *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART_MODEL (self), 0);
  return self->shape;
}

const char *
atlas_chart_model_get_title (AtlasChartModel *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART_MODEL (self), NULL);
  return self->title;
}

void
atlas_chart_model_set_title (AtlasChartModel *self,
                             const char      *title)
{
  g_return_if_fail (ATLAS_IS_CHART_MODEL (self));

  g_free (self->title);
  self->title = g_strdup (title != NULL ? title : atlas_chart_kind_display_name (self->kind));
}

const char *
atlas_chart_model_get_subtitle (AtlasChartModel *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART_MODEL (self), NULL);
  return self->subtitle;
}

const char *
atlas_chart_model_get_row_axis_label (AtlasChartModel *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART_MODEL (self), NULL);
  return self->row_axis;
}

const char *
atlas_chart_model_get_value_axis_label (AtlasChartModel *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART_MODEL (self), NULL);
  return self->value_axis;
}

guint
atlas_chart_model_get_n_panels (AtlasChartModel *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART_MODEL (self), 0);
  return self->panels->len;
}

static const Entry *
entry_at (GPtrArray *array,
          guint      index)
{
  g_return_val_if_fail (index < array->len, NULL);
  return g_ptr_array_index (array, index);
}

const char *
atlas_chart_model_get_panel_label (AtlasChartModel *self,
                                   guint            panel)
{
  const Entry *entry;

  g_return_val_if_fail (ATLAS_IS_CHART_MODEL (self), NULL);
  entry = entry_at (self->panels, panel);
  return entry ? entry->label : NULL;
}

guint
atlas_chart_model_get_n_rows (AtlasChartModel *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART_MODEL (self), 0);
  return self->rows->len;
}

const char *
atlas_chart_model_get_row_id (AtlasChartModel *self,
                              guint            row)
{
  const Entry *entry;

  g_return_val_if_fail (ATLAS_IS_CHART_MODEL (self), NULL);
  entry = entry_at (self->rows, row);
  return entry ? entry->id : NULL;
}

const char *
atlas_chart_model_get_row_label (AtlasChartModel *self,
                                 guint            row)
{
  const Entry *entry;

  g_return_val_if_fail (ATLAS_IS_CHART_MODEL (self), NULL);
  entry = entry_at (self->rows, row);
  return entry ? entry->label : NULL;
}

guint
atlas_chart_model_get_n_series (AtlasChartModel *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART_MODEL (self), 0);
  return self->series->len;
}

const char *
atlas_chart_model_get_series_id (AtlasChartModel *self,
                                 guint            series)
{
  const Entry *entry;

  g_return_val_if_fail (ATLAS_IS_CHART_MODEL (self), NULL);
  entry = entry_at (self->series, series);
  return entry ? entry->id : NULL;
}

const char *
atlas_chart_model_get_series_label (AtlasChartModel *self,
                                    guint            series)
{
  const Entry *entry;

  g_return_val_if_fail (ATLAS_IS_CHART_MODEL (self), NULL);
  entry = entry_at (self->series, series);
  return entry ? entry->label : NULL;
}

static gboolean
valid_cell (AtlasChartModel *self,
            guint            panel,
            guint            row,
            guint            series)
{
  return panel < self->panels->len && row < self->rows->len && series < self->series->len;
}

guint
atlas_chart_model_get_count (AtlasChartModel *self,
                             guint            panel,
                             guint            row,
                             guint            series)
{
  g_return_val_if_fail (ATLAS_IS_CHART_MODEL (self), 0);
  g_return_val_if_fail (valid_cell (self, panel, row, series), 0);

  return self->counts[(panel * self->rows->len + row) * self->series->len + series];
}

double
atlas_chart_model_get_percent (AtlasChartModel *self,
                               guint            panel,
                               guint            row,
                               guint            series)
{
  g_return_val_if_fail (ATLAS_IS_CHART_MODEL (self), NAN);
  g_return_val_if_fail (valid_cell (self, panel, row, series), NAN);

  return self->percents[(panel * self->rows->len + row) * self->series->len + series];
}

guint
atlas_chart_model_get_row_total (AtlasChartModel *self,
                                 guint            panel,
                                 guint            row)
{
  g_return_val_if_fail (ATLAS_IS_CHART_MODEL (self), 0);
  /* A row has a total even when no series has a crash (no library left
   * after the filter): series are not part of the check. */
  g_return_val_if_fail (panel < self->panels->len && row < self->rows->len, 0);

  return self->row_totals[panel * self->rows->len + row];
}

double
atlas_chart_model_get_row_percent (AtlasChartModel *self,
                                   guint            panel,
                                   guint            row)
{
  return percent_of (atlas_chart_model_get_row_total (self, panel, row),
                     atlas_chart_model_get_panel_total (self, panel));
}

guint
atlas_chart_model_get_panel_total (AtlasChartModel *self,
                                   guint            panel)
{
  const Entry *entry;

  g_return_val_if_fail (ATLAS_IS_CHART_MODEL (self), 0);
  entry = entry_at (self->panels, panel);
  return entry ? counts_of (self)->crashes[entry->value] : 0;
}

double
atlas_chart_model_get_ratio (AtlasChartModel *self,
                             guint            panel,
                             guint            row)
{
  g_return_val_if_fail (ATLAS_IS_CHART_MODEL (self), NAN);
  g_return_val_if_fail (valid_cell (self, panel, row, 0), NAN);

  return self->ratios[panel * self->rows->len + row];
}

guint
atlas_chart_model_get_max_value (AtlasChartModel *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART_MODEL (self), 0);
  return self->max_value;
}

AtlasFilter *
atlas_chart_model_dup_filter (AtlasChartModel *self,
                              guint            panel,
                              guint            row,
                              guint            series)
{
  AtlasFilter *filter;

  g_return_val_if_fail (ATLAS_IS_CHART_MODEL (self), NULL);
  g_return_val_if_fail (panel < self->panels->len, NULL);

  filter = atlas_filter_copy (atlas_chart_stats_get_filter (self->stats));
  atlas_filter_intersect (filter, entry_at (self->panels, panel)->filter);
  if (row != G_MAXUINT && row < self->rows->len)
    atlas_filter_intersect (filter, entry_at (self->rows, row)->filter);
  if (series != G_MAXUINT && series < self->series->len)
    atlas_filter_intersect (filter, entry_at (self->series, series)->filter);
  return filter;
}

AtlasFilter *
_atlas_chart_model_dup_series_filter (AtlasChartModel *self,
                                      guint            series)
{
  AtlasFilter *filter = atlas_filter_copy (atlas_chart_stats_get_filter (self->stats));

  if (series < self->series->len)
    atlas_filter_intersect (filter, entry_at (self->series, series)->filter);
  return filter;
}

void
atlas_chart_model_set_estimates (AtlasChartModel *self,
                                 const double    *estimate,
                                 const double    *low,
                                 const double    *high,
                                 guint            n_rows)
{
  g_return_if_fail (ATLAS_IS_CHART_MODEL (self));
  g_return_if_fail (estimate == NULL || n_rows == self->rows->len);

  g_clear_pointer (&self->estimates, g_free);
  if (estimate == NULL || self->shape == ATLAS_CHART_SHAPE_HEATMAP)
    return;
  self->estimates = g_new (double, 3 * MAX (n_rows, 1));
  for (guint r = 0; r < n_rows; r++)
    {
      self->estimates[3 * r] = estimate[r];
      self->estimates[3 * r + 1] = low[r];
      self->estimates[3 * r + 2] = high[r];
    }
}

gboolean
atlas_chart_model_get_estimate (AtlasChartModel *self,
                                guint            panel,
                                guint            row,
                                double          *estimate,
                                double          *low,
                                double          *high)
{
  g_return_val_if_fail (ATLAS_IS_CHART_MODEL (self), FALSE);

  /* Estimates are of the whole corpus: the first (or only) panel. */
  if (self->estimates == NULL || panel != 0 || row >= self->rows->len ||
      isnan (self->estimates[3 * row]))
    return FALSE;
  *estimate = self->estimates[3 * row];
  *low = self->estimates[3 * row + 1];
  *high = self->estimates[3 * row + 2];
  return TRUE;
}

gboolean
atlas_chart_model_has_estimates (AtlasChartModel *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART_MODEL (self), FALSE);
  return self->estimates != NULL;
}

void
atlas_chart_model_set_labels_caption (AtlasChartModel *self,
                                      const char      *caption)
{
  g_return_if_fail (ATLAS_IS_CHART_MODEL (self));

  if (self->base_subtitle == NULL)
    self->base_subtitle = g_strdup (self->subtitle);
  g_free (self->subtitle);
  self->subtitle = caption != NULL
    /* Translators: chart subtitle, then which labels it shows */
    ? g_strdup_printf (_("%s · labels: %s"), self->base_subtitle, caption)
    : g_strdup (self->base_subtitle);
}

/* atlas-crash-filter.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-crash-filter"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-crash-filter.h"

struct _AtlasCrashFilter
{
  GtkFilter  parent_instance;

  char      *values[ATLAS_N_CRASH_FIELDS];
  int        cluster;   /* parsed values[CLUSTER], for the hot path */
};

G_DEFINE_FINAL_TYPE (AtlasCrashFilter, atlas_crash_filter, GTK_TYPE_FILTER)

static const AtlasDimension field_dimension[ATLAS_N_CRASH_FIELDS] = {
  [ATLAS_CRASH_FIELD_PLATFORM] = ATLAS_N_DIMENSIONS,
  [ATLAS_CRASH_FIELD_STAGE] = ATLAS_DIMENSION_STAGE,
  [ATLAS_CRASH_FIELD_ML_BUG] = ATLAS_DIMENSION_ML_BUG,
  [ATLAS_CRASH_FIELD_LIBRARY] = ATLAS_DIMENSION_LIBRARY,
  [ATLAS_CRASH_FIELD_ROOT_CAUSE] = ATLAS_DIMENSION_ROOT_CAUSE,
  [ATLAS_CRASH_FIELD_CRASH_TYPE] = ATLAS_DIMENSION_CRASH_TYPE,
  [ATLAS_CRASH_FIELD_CLUSTER] = ATLAS_N_DIMENSIONS,
};

const char *
atlas_crash_field_display_name (AtlasCrashField field)
{
  switch (field)
    {
    case ATLAS_CRASH_FIELD_PLATFORM:
      return _("Platform");
    case ATLAS_CRASH_FIELD_CLUSTER:
      return _("Cluster");
    case ATLAS_CRASH_FIELD_STAGE:
    case ATLAS_CRASH_FIELD_ML_BUG:
    case ATLAS_CRASH_FIELD_LIBRARY:
    case ATLAS_CRASH_FIELD_ROOT_CAUSE:
    case ATLAS_CRASH_FIELD_CRASH_TYPE:
      return atlas_dimension_display_name (field_dimension[field]);
    case ATLAS_N_CRASH_FIELDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

char *
atlas_crash_field_dup_value (AtlasCrash      *crash,
                             AtlasCrashField  field)
{
  g_return_val_if_fail (ATLAS_IS_CRASH (crash), NULL);

  if (field == ATLAS_CRASH_FIELD_PLATFORM)
    return g_strdup (atlas_platform_to_string (atlas_crash_get_platform (crash)));
  if (field == ATLAS_CRASH_FIELD_CLUSTER)
    return atlas_crash_get_cluster (crash) < 0
      ? NULL : g_strdup_printf ("%d", atlas_crash_get_cluster (crash));
  return g_strdup (atlas_crash_get_label_id (crash, field_dimension[field]));
}

char *
atlas_crash_field_describe (AtlasCrashField  field,
                            const char      *value)
{
  AtlasPlatform platform;
  guint v;

  if (value == NULL)
    return g_strdup (_("unset"));
  if (field == ATLAS_CRASH_FIELD_PLATFORM && atlas_platform_from_string (value, &platform))
    return g_strdup (atlas_platform_display_name (platform));
  if (field == ATLAS_CRASH_FIELD_CLUSTER)
    return g_strdup_printf (_("group %s"), value);
  if (field != ATLAS_CRASH_FIELD_PLATFORM && field != ATLAS_CRASH_FIELD_LIBRARY &&
      atlas_dimension_value_from_id (field_dimension[field], value, &v))
    return g_strdup (atlas_dimension_value_name (field_dimension[field], v));
  return g_strdup (value);
}

gboolean
atlas_crash_filter_match_crash (AtlasCrashFilter *self,
                                AtlasCrash       *crash)
{
  for (guint f = 0; f < ATLAS_N_CRASH_FIELDS; f++)
    {
      const char *want = self->values[f];

      if (want == NULL)
        continue;
      if (f == ATLAS_CRASH_FIELD_PLATFORM)
        {
          if (g_strcmp0 (atlas_platform_to_string (atlas_crash_get_platform (crash)), want) != 0)
            return FALSE;
        }
      else if (f == ATLAS_CRASH_FIELD_CLUSTER)
        {
          if (atlas_crash_get_cluster (crash) != self->cluster)
            return FALSE;
        }
      else if (g_strcmp0 (atlas_crash_get_label_id (crash, field_dimension[f]), want) != 0)
        return FALSE;
    }
  return TRUE;
}

static gboolean
atlas_crash_filter_match (GtkFilter *filter,
                          gpointer   item)
{
  return atlas_crash_filter_match_crash (ATLAS_CRASH_FILTER (filter), item);
}

static GtkFilterMatch
atlas_crash_filter_get_strictness (GtkFilter *filter)
{
  return atlas_crash_filter_is_empty (ATLAS_CRASH_FILTER (filter))
    ? GTK_FILTER_MATCH_ALL : GTK_FILTER_MATCH_SOME;
}

static void
atlas_crash_filter_finalize (GObject *object)
{
  AtlasCrashFilter *self = (AtlasCrashFilter *)object;

  for (guint f = 0; f < ATLAS_N_CRASH_FIELDS; f++)
    g_free (self->values[f]);

  G_OBJECT_CLASS (atlas_crash_filter_parent_class)->finalize (object);
}

static void
atlas_crash_filter_class_init (AtlasCrashFilterClass *klass)
{
  GtkFilterClass *filter_class = GTK_FILTER_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = atlas_crash_filter_finalize;
  filter_class->match = atlas_crash_filter_match;
  filter_class->get_strictness = atlas_crash_filter_get_strictness;
}

static void
atlas_crash_filter_init (AtlasCrashFilter *self)
{
  self->cluster = -1;
}

AtlasCrashFilter *
atlas_crash_filter_new (void)
{
  return g_object_new (ATLAS_TYPE_CRASH_FILTER, NULL);
}

void
atlas_crash_filter_set (AtlasCrashFilter *self,
                        AtlasCrashField   field,
                        const char       *value)
{
  GtkFilterChange change;

  g_return_if_fail (ATLAS_IS_CRASH_FILTER (self));
  g_return_if_fail (field < ATLAS_N_CRASH_FIELDS);

  if (g_strcmp0 (self->values[field], value) == 0)
    return;

  if (self->values[field] == NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (value == NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else
    change = GTK_FILTER_CHANGE_DIFFERENT;

  g_free (self->values[field]);
  self->values[field] = g_strdup (value);
  if (field == ATLAS_CRASH_FIELD_CLUSTER)
    self->cluster = value != NULL ? (int)g_ascii_strtoll (value, NULL, 10) : -1;
  gtk_filter_changed (GTK_FILTER (self), change);
}

const char *
atlas_crash_filter_get (AtlasCrashFilter *self,
                        AtlasCrashField   field)
{
  g_return_val_if_fail (ATLAS_IS_CRASH_FILTER (self), NULL);
  g_return_val_if_fail (field < ATLAS_N_CRASH_FIELDS, NULL);

  return self->values[field];
}

void
atlas_crash_filter_clear (AtlasCrashFilter *self)
{
  g_return_if_fail (ATLAS_IS_CRASH_FILTER (self));

  if (atlas_crash_filter_is_empty (self))
    return;
  for (guint f = 0; f < ATLAS_N_CRASH_FIELDS; f++)
    g_clear_pointer (&self->values[f], g_free);
  self->cluster = -1;
  gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_LESS_STRICT);
}

gboolean
atlas_crash_filter_is_empty (AtlasCrashFilter *self)
{
  g_return_val_if_fail (ATLAS_IS_CRASH_FILTER (self), TRUE);

  for (guint f = 0; f < ATLAS_N_CRASH_FIELDS; f++)
    if (self->values[f] != NULL)
      return FALSE;
  return TRUE;
}

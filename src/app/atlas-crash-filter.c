/* atlas-crash-filter.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-crash-filter"

#include "config.h"

#include "atlas-crash-filter.h"

struct _AtlasCrashFilter
{
  GtkFilter    parent_instance;

  AtlasFilter *filter;
};

G_DEFINE_FINAL_TYPE (AtlasCrashFilter, atlas_crash_filter, GTK_TYPE_FILTER)

static gboolean
atlas_crash_filter_match (GtkFilter *filter,
                          gpointer   item)
{
  return atlas_filter_matches (ATLAS_CRASH_FILTER (filter)->filter, item);
}

static GtkFilterMatch
atlas_crash_filter_get_strictness (GtkFilter *filter)
{
  return atlas_filter_is_empty (ATLAS_CRASH_FILTER (filter)->filter)
    ? GTK_FILTER_MATCH_ALL : GTK_FILTER_MATCH_SOME;
}

static void
filter_changed_cb (AtlasCrashFilter *self)
{
  gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
atlas_crash_filter_dispose (GObject *object)
{
  AtlasCrashFilter *self = (AtlasCrashFilter *)object;

  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_func (self->filter, filter_changed_cb, self);
  g_clear_object (&self->filter);

  G_OBJECT_CLASS (atlas_crash_filter_parent_class)->dispose (object);
}

static void
atlas_crash_filter_class_init (AtlasCrashFilterClass *klass)
{
  GtkFilterClass *filter_class = GTK_FILTER_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = atlas_crash_filter_dispose;
  filter_class->match = atlas_crash_filter_match;
  filter_class->get_strictness = atlas_crash_filter_get_strictness;
}

static void
atlas_crash_filter_init (AtlasCrashFilter *self)
{
}

AtlasCrashFilter *
atlas_crash_filter_new (AtlasFilter *filter)
{
  AtlasCrashFilter *self;

  g_return_val_if_fail (ATLAS_IS_FILTER (filter), NULL);

  self = g_object_new (ATLAS_TYPE_CRASH_FILTER, NULL);
  self->filter = g_object_ref (filter);
  g_signal_connect_swapped (filter, "changed", G_CALLBACK (filter_changed_cb), self);
  return self;
}

AtlasFilter *
atlas_crash_filter_get_filter (AtlasCrashFilter *self)
{
  g_return_val_if_fail (ATLAS_IS_CRASH_FILTER (self), NULL);
  return self->filter;
}

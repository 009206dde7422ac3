/* atlas-settings.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-settings"

#include "config.h"

#include "atlas-settings.h"

/* Named after the app id, as its file is (data/meson.build). */
#define SCHEMA_ID APP_ID

GSettings *
atlas_settings_try_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source == NULL || !(schema = g_settings_schema_source_lookup (source, SCHEMA_ID, TRUE)))
    return NULL;
  return g_settings_new (SCHEMA_ID);
}

char *
atlas_settings_dup_rules_file (GSettings *settings)
{
  g_autofree char *path = NULL;

  if (settings == NULL)
    return NULL;
  path = g_settings_get_string (settings, "rules-file");
  return path[0] != '\0' ? g_steal_pointer (&path) : NULL;
}

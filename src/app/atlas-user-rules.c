/* atlas-user-rules.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-user-rules"

#include "config.h"

#include "atlas-user-rules.h"

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

AtlasClassifier *
atlas_classifier_new_with_user_rules (const char  *rules_file,
                                      char       **warning)
{
  g_autoptr(AtlasClassifier) classifier = atlas_classifier_new ();
  g_autoptr(GError) error = NULL;

  if (warning != NULL)
    *warning = NULL;

  /* On error the classifier is left as it was: built-in rules only. */
  if (rules_file != NULL && !atlas_classifier_load_rules_file (classifier, rules_file, &error))
    {
      if (warning != NULL)
        *warning = g_strdup (error->message);
      else
        g_warning ("%s", error->message);
    }

  return g_steal_pointer (&classifier);
}

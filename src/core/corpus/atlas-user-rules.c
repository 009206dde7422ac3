/* atlas-user-rules.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-user-rules"

#include "config.h"

#include "atlas-user-rules.h"

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

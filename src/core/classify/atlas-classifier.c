/* atlas-classifier.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-classifier"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "atlas-classifier-private.h"
#include "atlas-classify-resources.h"
#include "atlas-facts.h"
#include "atlas-rule-match.h"
#include "atlas-rules.h"

#define BUILTIN_RULES "/io/github/crashatlas/CrashAtlas/rules/crash-atlas.rules"

struct _AtlasClassifier
{
  GObject       parent_instance;
  AtlasRuleSet *rules;
};

G_DEFINE_FINAL_TYPE (AtlasClassifier, atlas_classifier, G_TYPE_OBJECT)

/* Labels that later rules may test come first. */
static const AtlasDimension dimension_order[ATLAS_N_DIMENSIONS] = {
  ATLAS_DIMENSION_CRASH_TYPE, ATLAS_DIMENSION_LIBRARY, ATLAS_DIMENSION_ML_BUG,
  ATLAS_DIMENSION_ROOT_CAUSE, ATLAS_DIMENSION_STAGE,
};

static void
atlas_classifier_finalize (GObject *object)
{
  AtlasClassifier *self = (AtlasClassifier *)object;

  g_clear_pointer (&self->rules, atlas_rule_set_free);
  G_OBJECT_CLASS (atlas_classifier_parent_class)->finalize (object);
}

static void
atlas_classifier_class_init (AtlasClassifierClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = atlas_classifier_finalize;
}

static void
atlas_classifier_init (AtlasClassifier *self)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  self->rules = atlas_rule_set_new ();
  bytes = g_resource_lookup_data (atlas_classify_get_resource (), BUILTIN_RULES,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  /* The built-in rules are checked by the tests: failing here is a build bug. */
  if (bytes == NULL
      || !atlas_rule_set_add_text (self->rules, g_bytes_get_data (bytes, NULL), "crash-atlas.rules", &error))
    g_critical ("Built-in rules: %s", error->message);
  atlas_rule_set_get_version (self->rules);
}

/**
 * atlas_classifier_new:
 *
 * Returns: (transfer full): a classifier with the built-in rules
 */
AtlasClassifier *
atlas_classifier_new (void)
{
  return g_object_new (ATLAS_TYPE_CLASSIFIER, NULL);
}

gboolean
atlas_classifier_load_rules_file (AtlasClassifier *self,
                                  const char      *path,
                                  GError         **error)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) read_error = NULL;

  g_return_val_if_fail (ATLAS_IS_CLASSIFIER (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!g_file_get_contents (path, &text, NULL, &read_error))
    {
      g_set_error (error, ATLAS_CLASSIFIER_ERROR, ATLAS_CLASSIFIER_ERROR_RULES_SYNTAX,
                   "%s", read_error->message);
      return FALSE;
    }
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, ATLAS_CLASSIFIER_ERROR, ATLAS_CLASSIFIER_ERROR_RULES_SYNTAX,
                   _("%s: not UTF-8 text"), path);
      return FALSE;
    }
  if (!atlas_rule_set_add_text (self->rules, text, path, error))
    return FALSE;
  atlas_rule_set_get_version (self->rules);
  return TRUE;
}

const char *
atlas_classifier_get_rules_version (AtlasClassifier *self)
{
  g_return_val_if_fail (ATLAS_IS_CLASSIFIER (self), NULL);
  return atlas_rule_set_get_version (self->rules);
}

AtlasRuleSet *
_atlas_classifier_get_rule_set (AtlasClassifier *self)
{
  g_return_val_if_fail (ATLAS_IS_CLASSIFIER (self), NULL);
  return self->rules;
}

static void
decide (AtlasClassifier     *self,
        AtlasDimension       dimension,
        const AtlasFacts    *facts,
        AtlasClassification *result)
{
  GPtrArray *rules = atlas_rule_set_get_rules_for (self->rules, dimension);

  for (guint i = 0; i < rules->len; i++)
    if (_atlas_rule_apply (g_ptr_array_index (rules, i), self->rules, dimension, facts, result))
      return;
}

void
atlas_classifier_classify (AtlasClassifier *self,
                           AtlasNotebook   *notebook,
                           AtlasCrash      *crash)
{
  AtlasClassification result = { 0 };
  AtlasFacts facts;

  g_return_if_fail (ATLAS_IS_CLASSIFIER (self));
  g_return_if_fail (notebook == NULL || ATLAS_IS_NOTEBOOK (notebook));
  g_return_if_fail (ATLAS_IS_CRASH (crash));

  atlas_facts_init (&facts, self->rules, notebook, crash);
  for (guint i = 0; i < ATLAS_N_DIMENSIONS; i++)
    decide (self, dimension_order[i], &facts, &result);
  atlas_crash_set_classification (crash, &result);
  atlas_classification_clear (&result);
  atlas_facts_clear (&facts);
}

void
atlas_classifier_classify_notebook (AtlasClassifier *self,
                                    AtlasNotebook   *notebook)
{
  GPtrArray *crashes;

  g_return_if_fail (ATLAS_IS_CLASSIFIER (self));
  g_return_if_fail (ATLAS_IS_NOTEBOOK (notebook));

  crashes = atlas_notebook_get_crashes (notebook);
  for (guint i = 0; i < crashes->len; i++)
    atlas_classifier_classify (self, notebook, g_ptr_array_index (crashes, i));
}

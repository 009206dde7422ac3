/* atlas-confidence.c — a label's confidence from its rule's record
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-classifier"

#include "config.h"

#include "atlas-confidence.h"

struct _AtlasConfidenceTable
{
  GHashTable *scores[ATLAS_N_DIMENSIONS];   /* rule name -> double* */
  double      defaults[ATLAS_N_DIMENSIONS];
};

AtlasConfidenceTable *
atlas_confidence_table_new (void)
{
  AtlasConfidenceTable *self = g_new0 (AtlasConfidenceTable, 1);

  for (guint d = 0; d < ATLAS_N_DIMENSIONS; d++)
    {
      self->scores[d] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      /* Unknown rules: neither trusted nor distrusted. */
      self->defaults[d] = ATLAS_CONFIDENCE_MEDIUM_FROM;
    }
  return self;
}

void
atlas_confidence_table_free (AtlasConfidenceTable *self)
{
  if (self == NULL)
    return;
  for (guint d = 0; d < ATLAS_N_DIMENSIONS; d++)
    g_hash_table_unref (self->scores[d]);
  g_free (self);
}

static gboolean
parse_score (GKeyFile   *file,
             const char *group,
             const char *key,
             const char *origin,
             double     *score,
             GError    **error)
{
  g_autofree char *text = g_key_file_get_value (file, group, key, NULL);
  char *end = NULL;

  *score = text ? g_ascii_strtod (text, &end) : -1;
  if (text == NULL || end == text || *end != '\0' || *score < 0 || *score > 1)
    {
      g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                   "%s: [%s] %s: not a score between 0 and 1", origin, group, key);
      return FALSE;
    }
  return TRUE;
}

gboolean
atlas_confidence_table_load (AtlasConfidenceTable *self,
                             const char           *text,
                             const char           *origin,
                             GError              **error)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GError) parse_error = NULL;

  if (!g_key_file_load_from_data (file, text, -1, G_KEY_FILE_NONE, &parse_error))
    {
      g_set_error (error, G_KEY_FILE_ERROR, parse_error->code, "%s: %s", origin, parse_error->message);
      return FALSE;
    }
  for (guint d = 0; d < ATLAS_N_DIMENSIONS; d++)
    {
      const char *group = atlas_dimension_id (d);
      g_auto(GStrv) keys = g_key_file_get_keys (file, group, NULL, NULL);

      if (g_key_file_has_key (file, "defaults", group, NULL)
          && !parse_score (file, "defaults", group, origin, &self->defaults[d], error))
        return FALSE;
      for (guint k = 0; keys != NULL && keys[k] != NULL; k++)
        {
          double score;

          if (!parse_score (file, group, keys[k], origin, &score, error))
            return FALSE;
          g_hash_table_insert (self->scores[d], g_strdup (keys[k]), g_memdup2 (&score, sizeof score));
        }
    }
  return TRUE;
}

double
atlas_confidence_table_score (AtlasConfidenceTable *self,
                              AtlasDimension        dimension,
                              const char           *rule)
{
  double *score;

  g_return_val_if_fail (dimension < ATLAS_N_DIMENSIONS, 0);
  score = rule ? g_hash_table_lookup (self->scores[dimension], rule) : NULL;
  return score ? *score : self->defaults[dimension];
}

void
atlas_confidence_table_apply (AtlasConfidenceTable *self,
                              AtlasClassification  *result)
{
  for (guint d = 0; d < ATLAS_N_DIMENSIONS; d++)
    {
      double score;

      if (result->rule[d] == NULL)
        {
          result->confidence[d] = ATLAS_CONFIDENCE_UNSET;
          result->confidence_score[d] = 0;
          continue;
        }
      score = atlas_confidence_table_score (self, d, result->rule[d]);
      result->confidence_score[d] = score;
      result->confidence[d] = atlas_confidence_from_score (score);
    }
}

/* atlas-taxonomy.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "atlas-taxonomy.h"

typedef struct
{
  const char *id;
  const char *name;
} ValueName;

static const ValueName crash_types[ATLAS_N_CRASH_TYPES] = {
  { NULL, NULL },
  { "VNF", N_("variable not found") },
  { "NAME", N_("name error") },
  { "MODULE", N_("module not found") },
  { "ATTR", N_("attribute error") },
  { "KEY", N_("key error") },
  { "INDEX", N_("index error") },
  { "TYPE", N_("type error") },
  { "VALUE", N_("value error") },
  { "TSHAPE", N_("tensor shape mismatch") },
  { "BCAST", N_("unsupported broadcast") },
  { "DVIOL", N_("data value violation") },
  { "FNAME", N_("feature name mismatch") },
  { "IARG", N_("invalid argument") },
  { "INIT", N_("model initialization error") },
  { "RUNTIME", N_("runtime error") },
  { "OOM", N_("out of memory") },
  { "IO", N_("I/O error") },
  { "RERR", N_("request error") },
  { "ENV", N_("environment error") },
  { "OTHER", N_("other") },
};

static const ValueName root_causes[ATLAS_N_ROOT_CAUSES] = {
  { NULL, NULL },
  { "API", N_("API misuse") },
  { "DATA", N_("data confusion") },
  { "NB", N_("notebook-specific") },
  { "IMPL", N_("implementation error") },
  { "ENV", N_("environment setting") },
  { "MODEL", N_("ML model confusion") },
  { "RSC", N_("insufficient resource") },
  { "LIB", N_("library cause") },
  { "UNK", N_("unknown") },
};

static const ValueName ml_bugs[ATLAS_N_ML_BUGS] = {
  { NULL, NULL },
  { "ML", N_("ML library bug") },
  { "PY", N_("general Python bug") },
};

static const ValueName stages[ATLAS_N_STAGES] = {
  { NULL, NULL },
  { "ENVS", N_("environment setup") },
  { "DATAP", N_("data preparation") },
  { "DATAV", N_("data visualization") },
  { "MCONS", N_("model construction") },
  { "TRAIN", N_("training / validation") },
  { "EVAL", N_("evaluation / prediction") },
};

static const ValueName dimensions[ATLAS_N_DIMENSIONS] = {
  { "crash_type", N_("Crash type") },
  { "root_cause", N_("Root cause") },
  { "ml_bug", N_("Bug kind") },
  { "stage", N_("Pipeline stage") },
  { "library", N_("Library") },
};

static const ValueName *
dimension_table (AtlasDimension dimension,
                 guint         *n_values)
{
  switch (dimension)
    {
    case ATLAS_DIMENSION_CRASH_TYPE:
      *n_values = ATLAS_N_CRASH_TYPES;
      return crash_types;
    case ATLAS_DIMENSION_ROOT_CAUSE:
      *n_values = ATLAS_N_ROOT_CAUSES;
      return root_causes;
    case ATLAS_DIMENSION_ML_BUG:
      *n_values = ATLAS_N_ML_BUGS;
      return ml_bugs;
    case ATLAS_DIMENSION_STAGE:
      *n_values = ATLAS_N_STAGES;
      return stages;
    case ATLAS_DIMENSION_LIBRARY:
    case ATLAS_N_DIMENSIONS:
    default:
      *n_values = 0;
      return NULL;
    }
}

guint
atlas_dimension_n_values (AtlasDimension dimension)
{
  guint n;

  dimension_table (dimension, &n);
  return n;
}

const char *
atlas_dimension_id (AtlasDimension dimension)
{
  g_return_val_if_fail (dimension < ATLAS_N_DIMENSIONS, NULL);

  return dimensions[dimension].id;
}

const char *
atlas_dimension_display_name (AtlasDimension dimension)
{
  g_return_val_if_fail (dimension < ATLAS_N_DIMENSIONS, NULL);

  return _(dimensions[dimension].name);
}

gboolean
atlas_dimension_from_id (const char     *id,
                         AtlasDimension *dimension)
{
  for (guint i = 0; i < ATLAS_N_DIMENSIONS; i++)
    {
      if (g_strcmp0 (id, dimensions[i].id) == 0)
        {
          *dimension = i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
atlas_dimension_value_id (AtlasDimension dimension,
                          guint          value)
{
  guint n;
  const ValueName *table = dimension_table (dimension, &n);

  if (table == NULL || value >= n)
    return NULL;
  return table[value].id;
}

const char *
atlas_dimension_value_name (AtlasDimension dimension,
                            guint          value)
{
  guint n;
  const ValueName *table = dimension_table (dimension, &n);

  if (table == NULL || value >= n || table[value].name == NULL)
    return NULL;
  return _(table[value].name);
}

gboolean
atlas_dimension_value_from_id (AtlasDimension  dimension,
                               const char     *id,
                               guint          *value)
{
  guint n;
  const ValueName *table = dimension_table (dimension, &n);

  if (table == NULL || id == NULL)
    return FALSE;

  for (guint i = 1; i < n; i++)
    {
      if (g_ascii_strcasecmp (id, table[i].id) == 0)
        {
          *value = i;
          return TRUE;
        }
    }
  return FALSE;
}

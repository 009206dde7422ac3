/* atlas-fact.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "atlas-fact.h"

static const struct { const char *name; AtlasFact fact; } fact_names[] = {
  { "whole-notebook", ATLAS_FACT_WHOLE_NOTEBOOK },
  { "has-library-frame", ATLAS_FACT_HAS_LIBRARY_FRAME },
  { "has-code", ATLAS_FACT_HAS_CODE },
  { "name-is-alias", ATLAS_FACT_NAME_IS_ALIAS },
  { "name-defined-below", ATLAS_FACT_NAME_DEFINED_BELOW },
  { "name-defined-unrun", ATLAS_FACT_NAME_DEFINED_UNRUN },
  { "name-defined-crashed", ATLAS_FACT_NAME_DEFINED_CRASHED },
  { "name-defined-later", ATLAS_FACT_NAME_DEFINED_LATER },
  { "name-defined-above", ATLAS_FACT_NAME_DEFINED_ABOVE },
  { "name-defined-nowhere", ATLAS_FACT_NAME_DEFINED_NOWHERE },
  { "name-called", ATLAS_FACT_NAME_CALLED },
  { "name-capitalized", ATLAS_FACT_NAME_CAPITALIZED },
  { "name-defined-here", ATLAS_FACT_NAME_DEFINED_HERE },
  { "order-anomaly", ATLAS_FACT_ORDER_ANOMALY },
  { "name-similar", ATLAS_FACT_NAME_SIMILAR },
  { "first-run", ATLAS_FACT_FIRST_RUN },
  { "name-is-ml", ATLAS_FACT_NAME_IS_ML },
  { "imports-ml", ATLAS_FACT_IMPORTS_ML },
  { "key-removed", ATLAS_FACT_KEY_REMOVED },
};

gboolean
atlas_fact_from_name (const char *name,
                      AtlasFact  *fact)
{
  for (guint i = 0; i < G_N_ELEMENTS (fact_names); i++)
    if (g_str_equal (fact_names[i].name, name))
      {
        *fact = fact_names[i].fact;
        return TRUE;
      }
  return FALSE;
}

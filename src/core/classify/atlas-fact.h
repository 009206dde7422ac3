/* atlas-fact.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Yes/no facts about a crash and its notebook that rules test with
 * "when-fact=". They carry no knowledge of libraries: they describe the
 * notebook (what is defined where, what ran in which order). */
typedef enum
{
  ATLAS_FACT_WHOLE_NOTEBOOK      = 1 << 0,  /* more than one code cell: context is evidence */
  ATLAS_FACT_HAS_LIBRARY_FRAME   = 1 << 1,
  ATLAS_FACT_HAS_CODE            = 1 << 2,  /* the crashing line is known */
  ATLAS_FACT_NAME_IS_ALIAS       = 1 << 3,  /* the missing name is a known module alias or imported elsewhere */
  ATLAS_FACT_NAME_DEFINED_BELOW  = 1 << 4,  /* defined only in a cell below the crashing one */
  ATLAS_FACT_NAME_DEFINED_UNRUN  = 1 << 5,  /* defined in a cell that never ran */
  ATLAS_FACT_NAME_DEFINED_CRASHED = 1 << 6, /* defined in a cell that itself crashed */
  ATLAS_FACT_NAME_DEFINED_LATER  = 1 << 7,  /* its defining cell ran after the crashing one */
  ATLAS_FACT_NAME_DEFINED_ABOVE  = 1 << 8,  /* defined in an earlier cell that ran */
  ATLAS_FACT_NAME_DEFINED_NOWHERE = 1 << 9, /* no cell of a whole notebook defines it */
  ATLAS_FACT_NAME_CALLED         = 1 << 10, /* the crashing code calls it: a function or class */
  ATLAS_FACT_NAME_CAPITALIZED    = 1 << 11, /* starts with a capital: a class, by convention */
  ATLAS_FACT_NAME_DEFINED_HERE   = 1 << 12, /* the crashing cell itself binds it (below the crash) */
  ATLAS_FACT_ORDER_ANOMALY       = 1 << 13, /* execution counts out of order before the crash */
  ATLAS_FACT_NAME_SIMILAR        = 1 << 14, /* a name of the notebook differs by one edit: a typo */
  ATLAS_FACT_FIRST_RUN           = 1 << 15, /* the crashing cell ran first (count 1, fresh kernel) */
  ATLAS_FACT_NAME_IS_ML          = 1 << 16, /* the missing name or module is an ML package's */
  ATLAS_FACT_IMPORTS_ML          = 1 << 17, /* the notebook or cell imports an ML package */
  ATLAS_FACT_KEY_REMOVED         = 1 << 18, /* the missing key is dropped/popped/deleted by the notebook's code */
} AtlasFact;

/* Parses "whole-notebook" and friends; FALSE for unknown names. */
gboolean    atlas_fact_from_name (const char *name,
                                  AtlasFact  *fact);

G_END_DECLS

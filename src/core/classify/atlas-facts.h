/* atlas-facts.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "atlas-crash.h"
#include "atlas-fact.h"
#include "atlas-notebook.h"
#include "atlas-rules.h"

G_BEGIN_DECLS

/* Everything the rules look at, gathered once per crash. */
typedef struct
{
  const char  *ename;
  const char  *evalue;
  const char  *text;            /* traceback, ANSI removed ("" when none) */
  char        *code;            /* crashing line, or NULL */
  char        *raise_code;      /* the innermost user line of the traceback (in a function the cell called), or NULL */
  const char  *cell_source;     /* "" when unknown */
  const char  *heading;         /* or NULL */
  gboolean     lines_valid;     /* ename, evalue, code and heading are checked UTF-8 */
  const char  *platform;
  GPtrArray   *calls;           /* char*: called names on the crashing line, last component */
  GPtrArray   *call_packages;   /* char*: packages the line's calls resolve to */
  GPtrArray   *cell_calls;      /* char*: called names anywhere in the cell */
  GPtrArray   *cell_call_packages; /* char*: packages the cell's calls resolve to */
  GPtrArray   *frame_packages;  /* char*: library packages, outermost frame first */
  char        *raised_in;       /* innermost library package, or NULL */
  char        *missing_name;    /* NameError/… name, or NULL */
  char        *missing_key;     /* the key a KeyError names, or NULL */
  char        *missing_module;  /* ModuleNotFoundError/ImportError module, or NULL */
  char        *name_package;    /* the package the missing name stands for, or NULL */
  char        *name_evidence;   /* where it is defined ("cell 7, below"), or NULL */
  guint        facts;           /* AtlasFact bits */
} AtlasFacts;

void        atlas_facts_init  (AtlasFacts    *facts,
                               AtlasRuleSet  *rules,
                               AtlasNotebook *notebook,
                               AtlasCrash    *crash);
void        atlas_facts_clear (AtlasFacts    *facts);

G_END_DECLS

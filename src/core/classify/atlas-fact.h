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
  ATLAS_FACT_NAME_DELETED        = 1 << 19, /* "del NAME" ran before the crash (in its cell or one that ran before) */
  ATLAS_FACT_CALLS_OTHER_PACKAGE = 1 << 20, /* the crashing line calls into a package that is not an ML one */
} AtlasFact;

/* Everything the rules look at, gathered once per crash by
 * atlas_facts_init() (atlas-facts.h); down here beside the bits so that the
 * files that gather them (atlas-facts.c and atlas-facts-names.c, which it
 * calls) share it without a cycle. */
typedef struct
{
  const char  *ename;
  const char  *evalue;          /* the message (see atlas_crash_get_message()), unwrapped */
  char        *unwrapped;       /* owned text evalue points to when it was unwrapped */
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

/* Parses "whole-notebook" and friends; FALSE for unknown names. */
gboolean    atlas_fact_from_name (const char *name,
                                  AtlasFact  *fact);

G_END_DECLS

/* atlas-rules.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "atlas-regex.h"
#include "atlas-taxonomy.h"

G_BEGIN_DECLS

/* The classification knowledge as data: a rules file is a GKeyFile whose
 * groups are "[rule NAME]" (conditions "when-…", labels "set-…"), plus the
 * tables "[aliases]" (notebook name -> package), "[packages]" (frame folder
 * -> library) and "[settings]" (ml-packages, ignore-frames). See
 * data/rules/crash-atlas.rules for the reference of every key. */

/* Conditions on text, each a regular expression searched in its subject. */
typedef enum
{
  ATLAS_RULE_ENAME,      /* the exception's name */
  ATLAS_RULE_MESSAGE,    /* the exception's value */
  ATLAS_RULE_TRACEBACK,  /* the whole traceback, ANSI removed */
  ATLAS_RULE_CODE,       /* the crashing line (the cell when unknown) */
  ATLAS_RULE_CELL,       /* the crashing cell's source */
  ATLAS_RULE_HEADING,    /* the nearest markdown heading above the cell */
  ATLAS_RULE_N_PATTERNS
} AtlasRulePattern;

/* Conditions on sets: true when any listed value is among the facts. */
typedef enum
{
  ATLAS_RULE_CALL,           /* functions/methods called on the crashing line */
  ATLAS_RULE_CELL_CALL,      /* … anywhere in the crashing cell */
  ATLAS_RULE_CALL_PACKAGE,   /* packages those calls resolve to through the imports */
  ATLAS_RULE_CELL_CALL_PACKAGE, /* … for the calls anywhere in the cell */
  ATLAS_RULE_FRAME_PACKAGE,  /* packages of any library frame */
  ATLAS_RULE_RAISED_IN,      /* package of the innermost library frame */
  ATLAS_RULE_PLATFORM,       /* local, github, kaggle */
  ATLAS_RULE_FACT,           /* every listed fact holds (see atlas-facts.h) */
  ATLAS_RULE_NOT_FACT,       /* no listed fact holds */
  ATLAS_RULE_CRASH_TYPE,     /* labels decided before (dimension order) */
  ATLAS_RULE_LIBRARY,
  ATLAS_RULE_ML_BUG,
  ATLAS_RULE_ROOT_CAUSE,
  ATLAS_RULE_N_LISTS
} AtlasRuleList;

typedef struct
{
  char   *name;
  char   *origin;                            /* the file it came from */
  AtlasRegex *patterns[ATLAS_RULE_N_PATTERNS];
  /* The words a pattern stands for when it is only an anchored alternation
   * of them, as most exception conditions are; NULL otherwise. */
  char  **pattern_words[ATLAS_RULE_N_PATTERNS];
  gboolean pattern_caseless[ATLAS_RULE_N_PATTERNS];
  char  **lists[ATLAS_RULE_N_LISTS];
  /* when-fact and when-not-fact as AtlasFact bits, tested per crash. */
  guint   required_facts;
  guint   excluded_facts;
  guint   set[ATLAS_N_DIMENSIONS];           /* enum value; 0 = not set (library: see below) */
  char   *set_library;                       /* package, "none" or a $placeholder */
  char   *set_detail;                        /* root cause detail */
  char   *note;                              /* the rule's "evidence" text */
  /* The conditions it has, cheapest first, for the test that only asks
   * whether it holds: a list (AtlasRuleList) or ATLAS_RULE_N_LISTS + a
   * pattern (AtlasRulePattern). Set when the rule set is indexed. */
  guint8  checks[ATLAS_RULE_N_LISTS + ATLAS_RULE_N_PATTERNS];
  guint   n_checks;
} AtlasRule;

typedef struct _AtlasRuleSet AtlasRuleSet;

AtlasRuleSet     *atlas_rule_set_new           (void);
void              atlas_rule_set_free          (AtlasRuleSet *self);

/* Parses @text (from @origin, for messages) and merges it: a rule with the
 * name of one already loaded replaces it in place; new rules go before the
 * ones loaded earlier, so later files take precedence. On error nothing
 * changes and the message names @origin and the line or rule. */
gboolean          atlas_rule_set_add_text      (AtlasRuleSet *self,
                                                const char   *text,
                                                const char   *origin,
                                                GError      **error);

guint             atlas_rule_set_get_n_rules   (AtlasRuleSet *self);
const AtlasRule  *atlas_rule_set_get_rule      (AtlasRuleSet *self,
                                                guint         index);
/* Rules that set @dimension, in precedence order (element-type AtlasRule). */
GPtrArray        *atlas_rule_set_get_rules_for (AtlasRuleSet  *self,
                                                AtlasDimension dimension);

/* "pd" -> "pandas"; NULL when unknown. */
const char       *atlas_rule_set_lookup_alias  (AtlasRuleSet *self,
                                                const char   *name);
/* The library a top-level folder under site-packages stands for
 * ("tensorflow_core" -> "tensorflow"); @folder itself when not listed, NULL
 * for folders that are not libraries (IPython, ipykernel). */
const char       *atlas_rule_set_map_package   (AtlasRuleSet *self,
                                                const char   *folder);
/* The package is an ML / data-science library. */
gboolean          atlas_rule_set_is_ml_package (AtlasRuleSet *self,
                                                const char   *package);

/* Messages that only wrap the real one printed below them in the
 * traceback; NULL when the rules name none. */
const AtlasRegex *atlas_rule_set_get_wrapper_messages (AtlasRuleSet *self);

/* The calls that remove a column named in quotes after them on the same
 * line ("drop", "pop", "del"); NULL when the rules name none. */
char            **atlas_rule_set_get_key_removing_calls (AtlasRuleSet *self);

/* SHA-256 of the rule texts in force, in load order. */
const char       *atlas_rule_set_get_version   (AtlasRuleSet *self);

/* The words of @pattern if it is "^WORD$", "^(WORD|…)$" or "^(?:WORD|…)$",
 * optionally after "(?i)" (then *@caseless), with ASCII letters, digits and
 * "_" in each word; NULL for any other pattern. */
char            **_atlas_rule_pattern_words    (const char   *pattern,
                                                gboolean     *caseless);
/* Whether @subject is one of @words, as the pattern they came from would
 * match it. FALSE, leaving *@matches, when only the regex can tell: @subject
 * holds a newline ("$" matches before a final one) or, @caseless, a byte
 * outside ASCII (Unicode case folding). */
gboolean          _atlas_rule_words_match      (char * const *words,
                                                gboolean      caseless,
                                                const char   *subject,
                                                gboolean     *matches);

G_END_DECLS

/* atlas-rule-match.c — does a rule hold for a crash, and why
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-classifier"

#include "config.h"

#include <string.h>

#include "atlas-rule-match.h"

#define QUOTE_MAX 60

typedef struct
{
  GString *why;       /* the evidence, condition by condition */
  char    *captured;  /* group 1 of when-message, for set-library=$message */
} Match;

static void
note (Match      *match,
      const char *format,
      ...) G_GNUC_PRINTF (2, 3);

static void
note (Match      *match,
      const char *format,
      ...)
{
  va_list args;

  if (match == NULL)
    return;
  g_string_append (match->why, match->why->len > 0 ? "; " : ": ");
  va_start (args, format);
  g_string_append_vprintf (match->why, format, args);
  va_end (args);
}

static char *
quote (const char *text)
{
  g_autofree char *one_line = g_strdup (text);

  g_strdelimit (one_line, "\n\r\t", ' ');
  if (g_utf8_strlen (one_line, -1) <= QUOTE_MAX)
    return g_steal_pointer (&one_line);
  {
    g_autofree char *cut = g_utf8_substring (one_line, 0, QUOTE_MAX);

    return g_strconcat (cut, "…", NULL);
  }
}

static const char *
pattern_subject (AtlasRulePattern  which,
                 const AtlasFacts *facts)
{
  switch (which)
    {
    case ATLAS_RULE_ENAME: return facts->ename;
    case ATLAS_RULE_MESSAGE: return facts->evalue;
    case ATLAS_RULE_TRACEBACK: return facts->text;
    case ATLAS_RULE_CODE: return facts->code ? facts->code : facts->cell_source;
    case ATLAS_RULE_CELL: return facts->cell_source;
    case ATLAS_RULE_HEADING: return facts->heading;
    case ATLAS_RULE_N_PATTERNS:
    default: g_assert_not_reached ();
    }
}

/* The short subjects, tested again and again, had their encoding checked
 * once (atlas_facts_init()). */
static gboolean
subject_checked (AtlasRulePattern  which,
                 const AtlasFacts *facts)
{
  if (!facts->lines_valid)
    return FALSE;
  return which == ATLAS_RULE_ENAME || which == ATLAS_RULE_MESSAGE || which == ATLAS_RULE_HEADING
         || (which == ATLAS_RULE_CODE && facts->code != NULL);
}

static const char * const pattern_words[ATLAS_RULE_N_PATTERNS] = {
  "exception", "message", "traceback", "line", "cell", "heading",
};

static gboolean
match_pattern (const AtlasRule  *rule,
               AtlasRulePattern  which,
               const AtlasFacts *facts,
               Match            *match)
{
  const char *subject = pattern_subject (which, facts);
  g_autofree char *found = NULL;
  g_autofree char *quoted = NULL;

  if (subject == NULL)
    return FALSE;
  /* Most rules fail: test without match data first, and without the regex
   * when the pattern is a list of words (exception names). */
  if (match == NULL)
    {
      gboolean matches;

      if (rule->pattern_words[which] != NULL &&
          _atlas_rule_words_match (rule->pattern_words[which], rule->pattern_caseless[which], subject, &matches))
        return matches;
      if (subject_checked (which, facts))
        return atlas_regex_test_valid (rule->patterns[which], subject);
      return atlas_regex_test (rule->patterns[which], subject);
    }
  if (!atlas_regex_match (rule->patterns[which], subject, &found,
                          which == ATLAS_RULE_MESSAGE ? &match->captured : NULL))
    return FALSE;
  /* An exception's name is shown whole, whatever part the pattern matched
   * (the catch-all's "." matches its first letter only). */
  quoted = quote (found[0] != '\0' && which != ATLAS_RULE_ENAME ? found : subject);
  note (match, "%s “%s”", pattern_words[which], quoted);
  return TRUE;
}

static gboolean
array_has (GPtrArray  *array,
           const char *value)
{
  for (guint i = 0; i < array->len; i++)
    if (g_str_equal (g_ptr_array_index (array, i), value))
      return TRUE;
  return FALSE;
}

/* "@ml": any ML package of [settings]; "@any": any library but none. */
static gboolean
library_matches (AtlasRuleSet *rules,
                 const char   *wanted,
                 const char   *library)
{
  if (library == NULL)
    return FALSE;
  if (g_str_equal (wanted, "@ml"))
    return atlas_rule_set_is_ml_package (rules, library);
  if (g_str_equal (wanted, "@any"))
    return !g_str_equal (library, ATLAS_LIBRARY_NONE);
  return g_str_equal (wanted, library);
}

static const char *
label_of (AtlasDimension             dimension,
          const AtlasClassification *result)
{
  guint values[] = { result->crash_type, result->root_cause, result->ml_bug, result->stage };

  return atlas_dimension_value_id (dimension, values[dimension]);
}

static gboolean
list_item_holds (AtlasRuleList     which,
                 const char       *item,
                 AtlasRuleSet     *rules,
                 const AtlasFacts *facts,
                 const AtlasClassification *result)
{
  switch (which)
    {
    case ATLAS_RULE_CALL: return array_has (facts->calls, item);
    case ATLAS_RULE_CELL_CALL: return array_has (facts->cell_calls, item);
    case ATLAS_RULE_CALL_PACKAGE: return array_has (facts->call_packages, item);
    case ATLAS_RULE_CELL_CALL_PACKAGE: return array_has (facts->cell_call_packages, item);
    case ATLAS_RULE_FRAME_PACKAGE: return array_has (facts->frame_packages, item);
    case ATLAS_RULE_RAISED_IN: return g_strcmp0 (facts->raised_in, item) == 0;
    case ATLAS_RULE_PLATFORM: return g_strcmp0 (facts->platform, item) == 0;
    case ATLAS_RULE_LIBRARY: return library_matches (rules, item, result->library);
    case ATLAS_RULE_CRASH_TYPE:
      return g_strcmp0 (label_of (ATLAS_DIMENSION_CRASH_TYPE, result), item) == 0;
    case ATLAS_RULE_ML_BUG:
      return g_strcmp0 (label_of (ATLAS_DIMENSION_ML_BUG, result), item) == 0;
    case ATLAS_RULE_ROOT_CAUSE:
      return g_strcmp0 (label_of (ATLAS_DIMENSION_ROOT_CAUSE, result), item) == 0;
    case ATLAS_RULE_FACT:
    case ATLAS_RULE_NOT_FACT:
    case ATLAS_RULE_N_LISTS:
    default:
      g_assert_not_reached ();
    }
}

static const char * const list_words[ATLAS_RULE_N_LISTS] = {
  "calls", "cell calls", "calls into", "cell calls into", "frame in", "raised in",
  "platform", "", "", "crash type", "library", "bug kind", "root cause",
};

static gboolean
match_facts (const AtlasRule  *rule,
             AtlasRuleList     which,
             const AtlasFacts *facts,
             Match            *match)
{
  gboolean want = which == ATLAS_RULE_FACT;

  if (want ? (facts->facts & rule->required_facts) != rule->required_facts
           : (facts->facts & rule->excluded_facts) != 0)
    return FALSE;
  if (match == NULL)
    return TRUE;
  for (guint i = 0; rule->lists[which][i] != NULL; i++)
    note (match, "%s%s", want ? "" : "not ", rule->lists[which][i]);
  if (want && facts->missing_name == NULL && facts->name_evidence != NULL)
    note (match, "%s", facts->name_evidence);
  if (want && facts->missing_name != NULL)
    note (match, "name “%s”%s%s", facts->missing_name,
          facts->name_evidence ? " " : "", facts->name_evidence ? facts->name_evidence : "");
  return TRUE;
}

static gboolean
match_list (const AtlasRule           *rule,
            AtlasRuleList              which,
            AtlasRuleSet              *rules,
            const AtlasFacts          *facts,
            const AtlasClassification *result,
            Match                     *match)
{
  if (which == ATLAS_RULE_FACT || which == ATLAS_RULE_NOT_FACT)
    return match_facts (rule, which, facts, match);
  for (guint i = 0; rule->lists[which][i] != NULL; i++)
    if (list_item_holds (which, rule->lists[which][i], rules, facts, result))
      {
        const char *shown = which == ATLAS_RULE_LIBRARY ? result->library : rule->lists[which][i];

        note (match, "%s %s", list_words[which], shown);
        return TRUE;
      }
  return FALSE;
}

static gboolean
rule_holds (const AtlasRule           *rule,
            AtlasRuleSet              *rules,
            const AtlasFacts          *facts,
            const AtlasClassification *result,
            Match                     *match)
{
  /* Whether it holds does not depend on the order of its conditions: the
   * cheap ones first. The evidence lists them in the order of the rules'
   * documentation. */
  if (match == NULL)
    {
      for (guint i = 0; i < rule->n_checks; i++)
        {
          guint check = rule->checks[i];

          if (check < ATLAS_RULE_N_LISTS ? !match_list (rule, check, rules, facts, result, NULL)
                                         : !match_pattern (rule, check - ATLAS_RULE_N_LISTS, facts, NULL))
            return FALSE;
        }
      return TRUE;
    }
  for (guint i = 0; i < ATLAS_RULE_N_LISTS; i++)
    if (rule->lists[i] != NULL && !match_list (rule, i, rules, facts, result, match))
      return FALSE;
  for (guint i = 0; i < ATLAS_RULE_N_PATTERNS; i++)
    if (rule->patterns[i] != NULL && !match_pattern (rule, i, facts, match))
      return FALSE;
  return TRUE;
}

static const char *
first_ml (AtlasRuleSet *rules,
          GPtrArray    *packages)
{
  for (guint i = 0; i < packages->len; i++)
    if (atlas_rule_set_is_ml_package (rules, g_ptr_array_index (packages, i)))
      return g_ptr_array_index (packages, i);
  return NULL;
}

/* set-library = $raised-in | $frame | $ml-frame | $call | $ml-call | $name
 * | $message | $ml-message | a package. */
static const char *
library_value (const AtlasRule  *rule,
               AtlasRuleSet     *rules,
               const AtlasFacts *facts,
               Match            *match)
{
  const char *v = rule->set_library;

  if (v[0] != '$')
    return v;
  if (g_str_equal (v, "$raised-in"))
    return facts->raised_in;
  if (g_str_equal (v, "$frame"))
    return facts->frame_packages->len ? g_ptr_array_index (facts->frame_packages, 0) : NULL;
  if (g_str_equal (v, "$ml-frame"))
    return first_ml (rules, facts->frame_packages);
  if (g_str_equal (v, "$non-ml-frame"))
    {
      if (facts->frame_packages->len == 0 || first_ml (rules, facts->frame_packages) != NULL)
        return NULL;
      note (match, "raised in the package %s", (const char *)g_ptr_array_index (facts->frame_packages, 0));
      return "none";
    }
  if (g_str_equal (v, "$ml-call"))
    return first_ml (rules, facts->call_packages);
  if (g_str_equal (v, "$call"))
    return facts->call_packages->len ? g_ptr_array_index (facts->call_packages, 0) : NULL;
  if (g_str_equal (v, "$name"))
    return facts->name_package;
  if (g_str_has_prefix (v, "$") && g_str_has_suffix (v, "message")
      && match->captured != NULL && match->captured[0] != '\0')
    {
      const char *package;

      match->captured[strcspn (match->captured, ".")] = '\0';
      package = atlas_rule_set_map_package (rules, match->captured);
      if (g_str_equal (v, "$ml-message") && !atlas_rule_set_is_ml_package (rules, package))
        return NULL;
      return package;
    }
  return NULL;
}

static void
set_label (AtlasDimension       dimension,
           const AtlasRule     *rule,
           const char          *library,
           AtlasClassification *result)
{
  switch (dimension)
    {
    case ATLAS_DIMENSION_CRASH_TYPE: result->crash_type = rule->set[dimension]; break;
    case ATLAS_DIMENSION_ML_BUG: result->ml_bug = rule->set[dimension]; break;
    case ATLAS_DIMENSION_STAGE: result->stage = rule->set[dimension]; break;
    case ATLAS_DIMENSION_LIBRARY: result->library = g_ascii_strdown (library, -1); break;
    case ATLAS_DIMENSION_ROOT_CAUSE:
      result->root_cause = rule->set[dimension];
      result->root_cause_detail = g_strdup (rule->set_detail);
      break;
    case ATLAS_N_DIMENSIONS:
    default:
      g_assert_not_reached ();
    }
}

gboolean
_atlas_rule_apply (const AtlasRule     *rule,
                   AtlasRuleSet        *rules,
                   AtlasDimension       dimension,
                   const AtlasFacts    *facts,
                   AtlasClassification *result)
{
  Match match = { NULL, NULL };
  const char *library = NULL;
  gboolean holds;

  if (!rule_holds (rule, rules, facts, result, NULL))
    return FALSE;
  /* Again, gathering the evidence. */
  match.why = g_string_new (NULL);
  holds = rule_holds (rule, rules, facts, result, &match);

  if (holds && dimension == ATLAS_DIMENSION_LIBRARY
      && (library = library_value (rule, rules, facts, &match)) == NULL)
    holds = FALSE;
  if (holds && library != NULL && rule->set_library[0] == '$'
      && !g_str_equal (rule->set_library, "$non-ml-frame"))
    note (&match, "%s is %s", rule->set_library + 1, library);
  if (holds)
    {
      set_label (dimension, rule, library, result);
      result->rule[dimension] = g_strdup (rule->name);
      result->evidence[dimension] = g_strdup_printf ("rule %s%s%s%s", rule->name,
                                                     match.why->len ? match.why->str : "",
                                                     rule->note ? " — " : "",
                                                     rule->note ? rule->note : "");
    }
  g_string_free (match.why, TRUE);
  g_free (match.captured);
  return holds;
}

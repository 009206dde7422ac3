/* test-regex.c — rule patterns match through PCRE2 as through GRegex
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "atlas-classifier.h"
#include "atlas-classifier-private.h"
#include "atlas-demo.h"
#include "atlas-regex.h"
#include "atlas-rules.h"
#include "atlas-scanner.h"

/* Each depends on one of the options GRegex compiles with: any newline
 * (".", "^", "$" and CR, NEL, LS), Unicode properties (\w, \d, \s), UTF-8
 * (case folding beyond ASCII) and \R for any Unicode line break. */
static const char *const tricky_patterns[] = {
  "a.b", "^b$", "(?m)^b$", "a$", "(?s)a.b", "\\R", "a\\Rb",
  "^\\w+$", "\\w+", "\\d", "\\s", "\\bna", "[[:alpha:]]+$",
  "(?i)k", "(?i)stra(ss|\xc3\x9f)e", "(?i)\xc3\xa9t\xc3\xa9", "(?i)s\\b",
  "(a)|(b)", "x(y)?", "name '(\\w+)'", "", "^$", "(?i)^(KeyError|IndexError)$",
};

static const char *const tricky_subjects[] = {
  "a\nb", "a\rb", "a\r\nb", "a\xc2\x85" "b", "a\xe2\x80\xa8" "b", "a\r\n", "a\n", "a\xc2\x85",
  "na\xc3\xafve", "\xc3\xa9t\xc3\xa9", "\xc3\x89T\xc3\x89", "\xd9\xa3", "a\xc2\xa0" "b",
  "K", "\xe2\x84\xaa", "STRASSE", "stra\xc3\x9f" "e", "\xc5\xbf", "b", "x", "xy",
  "name 'caf\xc3\xa9' is not defined", "", "KeyError", "keyerror",
};

static void
collect_cb (AtlasScanResult *result,
            gpointer         user_data)
{
  GPtrArray *subjects = user_data;
  GPtrArray *crashes;

  g_assert_no_error (result->error);
  crashes = atlas_notebook_get_crashes (result->notebook);
  for (guint i = 0; i < crashes->len; i++)
    {
      AtlasCrash *crash = g_ptr_array_index (crashes, i);
      g_auto(GStrv) lines = g_strsplit (atlas_crash_get_cell_source (crash), "\n", -1);

      g_ptr_array_add (subjects, g_strdup (atlas_crash_get_ename (crash)));
      g_ptr_array_add (subjects, g_strdup (atlas_crash_get_evalue (crash)));
      g_ptr_array_add (subjects, g_strdup (atlas_traceback_get_text (atlas_crash_get_traceback (crash))));
      g_ptr_array_add (subjects, g_strdup (atlas_crash_get_cell_source (crash)));
      for (guint l = 0; lines[l] != NULL; l++)
        g_ptr_array_add (subjects, g_strdup (lines[l]));
    }
}

/* Fetches as the rule matcher did with GRegex: group 1 only when the match
 * count says there is one. */
static gboolean
gregex_match (GRegex      *regex,
              const char  *subject,
              char       **found,
              char       **group_1)
{
  g_autoptr(GMatchInfo) info = NULL;

  *found = *group_1 = NULL;
  if (!g_regex_match (regex, subject, 0, &info))
    return FALSE;
  *found = g_match_info_fetch (info, 0);
  if (g_match_info_get_match_count (info) > 1)
    *group_1 = g_match_info_fetch (info, 1);
  return TRUE;
}

/* Searches every subject with @regex and with what GRegex compiles of its
 * pattern; returns how many matched. */
static guint
compare (const AtlasRegex   *regex,
         const char * const *subjects,
         guint               n_subjects)
{
  const char *pattern = atlas_regex_get_pattern (regex);
  g_autoptr(GRegex) expected_regex = g_regex_new (pattern, G_REGEX_OPTIMIZE, 0, NULL);
  guint n_matches = 0;

  g_assert_nonnull (expected_regex);
  for (guint i = 0; i < n_subjects; i++)
    {
      const char *subject = subjects[i];
      g_autofree char *expected_found = NULL, *expected_group = NULL;
      g_autofree char *found = NULL, *group = NULL;
      gboolean expected = gregex_match (expected_regex, subject, &expected_found, &expected_group);

      if (atlas_regex_test (regex, subject) != expected
          || atlas_regex_test_valid (regex, subject) != expected
          || atlas_regex_match (regex, subject, &found, &group) != expected
          || g_strcmp0 (found, expected_found) != 0
          || g_strcmp0 (group, expected_group) != 0)
        g_error ("/%s/ on “%s”: GRegex %d “%s” “%s”, AtlasRegex “%s” “%s”",
                 pattern, subject, expected, expected_found, expected_group, found, group);
      n_matches += expected;
    }
  return n_matches;
}

static void
test_tricky (void)
{
  guint n_matches = 0, n_misses = 0;

  for (guint p = 0; p < G_N_ELEMENTS (tricky_patterns); p++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AtlasRegex) regex = atlas_regex_new (tricky_patterns[p], &error);
      guint n;

      g_assert_no_error (error);
      n = compare (regex, tricky_subjects, G_N_ELEMENTS (tricky_subjects));
      n_matches += n;
      n_misses += G_N_ELEMENTS (tricky_subjects) - n;
    }
  g_assert_cmpuint (n_matches, >, 100);
  g_assert_cmpuint (n_misses, >, 100);
}

/* Every built-in pattern on the demo corpus's crashes: their names,
 * messages, tracebacks, cells and lines. */
static void
test_builtin_on_demo (void)
{
  g_autoptr(AtlasClassifier) classifier = atlas_classifier_new ();
  AtlasRuleSet *rules = _atlas_classifier_get_rule_set (classifier);
  g_autofree char *dir = atlas_demo_find_dir ();
  g_autoptr(AtlasScanner) scanner = atlas_scanner_new (2);
  g_autoptr(GPtrArray) subjects = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  guint n_patterns = 0, n_matches = 0;

  g_assert_true (atlas_scanner_add_path (scanner, dir, &error));
  g_assert_true (atlas_scanner_run (scanner, collect_cb, subjects, NULL, &error));
  g_assert_no_error (error);
  for (guint s = 0; s < G_N_ELEMENTS (tricky_subjects); s++)
    g_ptr_array_add (subjects, g_strdup (tricky_subjects[s]));
  g_assert_cmpuint (subjects->len, >, 400);

  for (guint r = 0; r < atlas_rule_set_get_n_rules (rules); r++)
    {
      const AtlasRule *rule = atlas_rule_set_get_rule (rules, r);

      for (guint p = 0; p < ATLAS_RULE_N_PATTERNS; p++)
        {
          if (rule->patterns[p] == NULL)
            continue;
          n_patterns++;
          n_matches += compare (rule->patterns[p], (const char * const *)subjects->pdata, subjects->len);
        }
    }
  g_assert_cmpuint (n_patterns, >=, 60);
  g_assert_cmpuint (n_matches, >, 500);
}

static void
test_invalid (void)
{
  static const char *const patterns[] = { "(", "a{2,1}", "\\", "[z-a]", "(?<n>a)(?<n>b)" };

  for (guint i = 0; i < G_N_ELEMENTS (patterns); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) expected = NULL;
      g_autoptr(GRegex) regex = g_regex_new (patterns[i], 0, 0, &expected);
      g_autoptr(AtlasRegex) ours = atlas_regex_new (patterns[i], &error);

      g_assert_null (regex);
      g_assert_null (ours);
      g_assert_error (error, G_REGEX_ERROR, expected->code);
      g_assert_cmpstr (error->message, ==, expected->message);
    }

  /* GRegex would read this unchecked. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(AtlasRegex) ours = atlas_regex_new ("caf\xe9", &error);

    g_assert_null (ours);
    g_assert_error (error, G_REGEX_ERROR, G_REGEX_ERROR_COMPILE);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Atlas/Regex/tricky", test_tricky);
  g_test_add_func ("/Atlas/Regex/builtin-on-demo", test_builtin_on_demo);
  g_test_add_func ("/Atlas/Regex/invalid", test_invalid);

  return g_test_run ();
}

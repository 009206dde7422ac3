/* test-rules.c — rules files: built-in, user overrides, malformed files
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "atlas-classifier-private.h"
#include "classify-test-util.h"

static char *
write_rules (const char *text)
{
  g_autoptr(GError) error = NULL;
  char *path = NULL;
  int fd = g_file_open_tmp ("rules-XXXXXX.rules", &path, &error);

  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  return path;
}

static const char *
crash_type_of_key_error (AtlasClassifier *classifier)
{
  static const TestCell cells[] = { { "d['k']", 1, "KeyError", "'k'", NULL } };
  g_autoptr(AtlasNotebook) notebook = make_notebook (cells, 1);

  atlas_classifier_classify (classifier, notebook, first_crash (notebook));
  /* Label identifiers are static strings. */
  return atlas_crash_get_label_id (first_crash (notebook), ATLAS_DIMENSION_CRASH_TYPE);
}

static void
test_builtin (void)
{
  g_autoptr(AtlasClassifier) classifier = atlas_classifier_new ();
  AtlasRuleSet *rules = _atlas_classifier_get_rule_set (classifier);
  const char *version = atlas_classifier_get_rules_version (classifier);

  g_assert_cmpuint (atlas_rule_set_get_n_rules (rules), >, 50);
  g_assert_cmpuint (strlen (version), ==, 64);
  g_assert_cmpstr (atlas_rule_set_lookup_alias (rules, "pd"), ==, "pandas");
  g_assert_cmpstr (atlas_rule_set_map_package (rules, "tensorflow_core"), ==, "tensorflow");
  g_assert_null (atlas_rule_set_map_package (rules, "IPython"));
  g_assert_true (atlas_rule_set_is_ml_package (rules, "sklearn"));
  g_assert_false (atlas_rule_set_is_ml_package (rules, "requests"));
  g_assert_cmpstr (crash_type_of_key_error (classifier), ==, "KEY");
}

/* A broken file: a clear error naming file and place; nothing changes. */
static void
check_malformed (const char *text,
                 int         code,
                 const char *place)
{
  g_autoptr(AtlasClassifier) classifier = atlas_classifier_new ();
  g_autofree char *version = g_strdup (atlas_classifier_get_rules_version (classifier));
  guint n_rules = atlas_rule_set_get_n_rules (_atlas_classifier_get_rule_set (classifier));
  g_autofree char *path = write_rules (text);
  g_autoptr(GError) error = NULL;

  g_assert_false (atlas_classifier_load_rules_file (classifier, path, &error));
  g_assert_error (error, ATLAS_CLASSIFIER_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, place));
  g_assert_cmpstr (atlas_classifier_get_rules_version (classifier), ==, version);
  g_assert_cmpuint (atlas_rule_set_get_n_rules (_atlas_classifier_get_rule_set (classifier)), ==, n_rules);
  g_assert_cmpstr (crash_type_of_key_error (classifier), ==, "KEY");
  g_unlink (path);
}

static void
test_malformed_syntax (void)
{
  check_malformed ("# mine\n[rule a]\nthis line has no equals sign\n",
                   ATLAS_CLASSIFIER_ERROR_RULES_SYNTAX, ":3:");
  check_malformed ("when-ename = x\n", ATLAS_CLASSIFIER_ERROR_RULES_SYNTAX, ":1:");
}

static void
test_malformed_rules (void)
{
  /* The first rule is fine: a later error must not leave it half-loaded. */
  check_malformed ("[rule fine]\nwhen-ename = ^KeyError$\nset-crash-type = OTHER\n"
                   "[rule broken]\nwhen-message = (unclosed\nset-crash-type = VALUE\n",
                   ATLAS_CLASSIFIER_ERROR_RULES_INVALID, "[rule broken] when-message");
  check_malformed ("[rule r]\nwhen-colour = red\nset-crash-type = VALUE\n",
                   ATLAS_CLASSIFIER_ERROR_RULES_INVALID, "when-colour");
  check_malformed ("[rule r]\nwhen-ename = x\nset-crash-type = SPLINE\n",
                   ATLAS_CLASSIFIER_ERROR_RULES_INVALID, "SPLINE");
  check_malformed ("[rule r]\nwhen-fact = moon-is-full\nset-stage = EVAL\n",
                   ATLAS_CLASSIFIER_ERROR_RULES_INVALID, "moon-is-full");
  check_malformed ("[rule r]\nwhen-ename = x\n", ATLAS_CLASSIFIER_ERROR_RULES_INVALID, "sets no label");
  check_malformed ("[ruels]\nx = y\n", ATLAS_CLASSIFIER_ERROR_RULES_INVALID, "[ruels]");
}

static void
test_missing_file (void)
{
  g_autoptr(AtlasClassifier) classifier = atlas_classifier_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (atlas_classifier_load_rules_file (classifier, "/nonexistent/my.rules", &error));
  g_assert_error (error, ATLAS_CLASSIFIER_ERROR, ATLAS_CLASSIFIER_ERROR_RULES_SYNTAX);
  g_assert_nonnull (strstr (error->message, "/nonexistent/my.rules"));
}

static void
test_override (void)
{
  g_autoptr(AtlasClassifier) classifier = atlas_classifier_new ();
  g_autofree char *before = g_strdup (atlas_classifier_get_rules_version (classifier));
  g_autofree char *path = write_rules ("[rule key-exception]\nwhen-ename = ^KeyError$\n"
                                       "set-crash-type = INDEX\nevidence = my reading\n");
  g_autoptr(GError) error = NULL;
  static const TestCell cells[] = { { "d['k']", 1, "KeyError", "'k'", NULL } };
  g_autoptr(AtlasNotebook) notebook = make_notebook (cells, 1);
  const AtlasClassification *c;

  g_assert_cmpstr (crash_type_of_key_error (classifier), ==, "KEY");
  g_assert_true (atlas_classifier_load_rules_file (classifier, path, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (atlas_classifier_get_rules_version (classifier), !=, before);
  atlas_classifier_classify (classifier, notebook, first_crash (notebook));
  c = atlas_crash_get_classification (first_crash (notebook));
  g_assert_cmpint (c->crash_type, ==, ATLAS_CRASH_TYPE_INDEX);
  g_assert_nonnull (strstr (c->evidence[ATLAS_DIMENSION_CRASH_TYPE], "my reading"));
  g_unlink (path);
}

/* A key repeated inside one rule: the last value counts, and the ones
 * before it are not leaked (the sanitizer run detects leaks). */
static void
test_repeated_key (void)
{
  g_autoptr(AtlasClassifier) classifier = atlas_classifier_new ();
  g_autofree char *path = write_rules ("[rule key-exception]\nwhen-ename = ^KeyError$\n"
                                       "set-crash-type = INDEX\nevidence = first\nevidence = second\n"
                                       "set-root-cause-detail = a\nset-root-cause-detail = b\n"
                                       "set-library = One\nset-library = Two\n");
  g_autoptr(GError) error = NULL;
  static const TestCell cells[] = { { "d['k']", 1, "KeyError", "'k'", NULL } };
  g_autoptr(AtlasNotebook) notebook = make_notebook (cells, 1);
  const AtlasClassification *c;

  g_assert_true (atlas_classifier_load_rules_file (classifier, path, &error));
  g_assert_no_error (error);
  atlas_classifier_classify (classifier, notebook, first_crash (notebook));
  c = atlas_crash_get_classification (first_crash (notebook));
  g_assert_cmpint (c->crash_type, ==, ATLAS_CRASH_TYPE_INDEX);
  g_assert_nonnull (strstr (c->evidence[ATLAS_DIMENSION_CRASH_TYPE], "second"));
  g_unlink (path);
}

static void
test_new_rule_takes_precedence (void)
{
  g_autoptr(AtlasClassifier) classifier = atlas_classifier_new ();
  g_autofree char *path = write_rules ("[aliases]\nqq = quasiquant\n\n"
                                       "[rule my-quasi-lib]\nwhen-call-package = quasiquant\n"
                                       "set-stage = EVAL\nset-library = $call\n");
  g_autoptr(GError) error = NULL;
  static const TestCell cells[] = { { "qq.read_csv('a')", 1, "ValueError", "bad", NULL } };
  g_autoptr(AtlasNotebook) notebook = make_notebook (cells, 1);
  AtlasCrash *crash = first_crash (notebook);

  g_assert_true (atlas_classifier_load_rules_file (classifier, path, &error));
  atlas_classifier_classify (classifier, notebook, crash);
  g_assert_cmpstr (atlas_crash_get_label_id (crash, ATLAS_DIMENSION_STAGE), ==, "EVAL");
  g_assert_cmpstr (atlas_crash_get_label_id (crash, ATLAS_DIMENSION_LIBRARY), ==, "quasiquant");
  /* Dimensions the user rule does not set keep the built-in answer. */
  g_assert_cmpstr (atlas_crash_get_label_id (crash, ATLAS_DIMENSION_CRASH_TYPE), ==, "VALUE");
  g_unlink (path);
}

/* when-fact needs every fact listed, when-not-fact none of them. */
static void
test_fact_conditions (void)
{
  g_autoptr(AtlasClassifier) classifier = atlas_classifier_new ();
  g_autofree char *path = write_rules ("[rule both-facts]\nwhen-ename = ^KeyError$\n"
                                       "when-fact = whole-notebook;first-run\nset-crash-type = VALUE\n\n"
                                       "[rule no-context]\nwhen-ename = ^KeyError$\n"
                                       "when-not-fact = whole-notebook;order-anomaly\nset-crash-type = INDEX\n");
  g_autoptr(GError) error = NULL;
  static const TestCell one_cell[] = { { "d['k']", 1, "KeyError", "'k'", NULL } };
  static const TestCell two_cells[] = {
    { "d['k']", 1, "KeyError", "'k'", NULL },
    { "x = 1", 2, NULL, NULL, NULL },
  };
  static const TestCell two_cells_rerun[] = {
    { "d['k']", 7, "KeyError", "'k'", NULL },
    { "x = 1", 8, NULL, NULL, NULL },
  };
  g_autoptr(AtlasNotebook) alone = make_notebook (one_cell, 1);
  g_autoptr(AtlasNotebook) whole = make_notebook (two_cells, 2);
  g_autoptr(AtlasNotebook) rerun = make_notebook (two_cells_rerun, 2);
  const AtlasClassification *c;

  g_assert_true (atlas_classifier_load_rules_file (classifier, path, &error));
  g_assert_no_error (error);

  /* First run, but not a whole notebook: only the second rule. */
  atlas_classifier_classify (classifier, alone, first_crash (alone));
  c = atlas_crash_get_classification (first_crash (alone));
  g_assert_cmpstr (atlas_crash_get_label_id (first_crash (alone), ATLAS_DIMENSION_CRASH_TYPE), ==, "INDEX");
  g_assert_nonnull (strstr (c->evidence[ATLAS_DIMENSION_CRASH_TYPE], "not whole-notebook; not order-anomaly"));

  atlas_classifier_classify (classifier, whole, first_crash (whole));
  c = atlas_crash_get_classification (first_crash (whole));
  g_assert_cmpstr (atlas_crash_get_label_id (first_crash (whole), ATLAS_DIMENSION_CRASH_TYPE), ==, "VALUE");
  g_assert_nonnull (strstr (c->evidence[ATLAS_DIMENSION_CRASH_TYPE], "whole-notebook; first-run"));

  /* A whole notebook, not a first run: neither rule, the built-in one decides. */
  atlas_classifier_classify (classifier, rerun, first_crash (rerun));
  g_assert_cmpstr (atlas_crash_get_label_id (first_crash (rerun), ATLAS_DIMENSION_CRASH_TYPE), ==, "KEY");
  g_unlink (path);
}

/* End to end: the command line names the broken file and stops. */
static void
test_cli_malformed (void)
{
  const char *exe = g_getenv ("CRASH_ATLAS");
  g_autofree char *path = write_rules ("[rule a]\nnot a key value\n");
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (exe == NULL || !g_file_test (exe, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("CRASH_ATLAS not built");
      return;
    }
  {
    const char *argv[] = { exe, "scan", "--rules", path, "/nonexistent.ipynb", NULL };

    g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  }
  g_assert_no_error (error);
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (err, path));
  g_assert_nonnull (strstr (err, ":2:"));
  g_unlink (path);
}

/* Whether the words of @pattern decide @subject as the regex does. */
static void
check_words_agree (const char *pattern,
                   char      **words,
                   gboolean    caseless,
                   const char *subject,
                   guint      *n_decided)
{
  g_autoptr(GRegex) regex = g_regex_new (pattern, G_REGEX_OPTIMIZE, 0, NULL);
  gboolean matches;

  g_assert_nonnull (regex);
  if (!_atlas_rule_words_match (words, caseless, subject, &matches))
    return;
  (*n_decided)++;
  if (matches != g_regex_match (regex, subject, 0, NULL))
    g_error ("%s on “%s”: words say %d, the regex does not", pattern, subject, matches);
}

static void
test_pattern_words (void)
{
  static const struct { const char *pattern; const char *words; gboolean caseless; } cases[] = {
    { "^KeyError$", "KeyError", FALSE },
    { "^(NameError)$", "NameError", FALSE },
    { "^(KeyError|IndexError|Key_2)$", "KeyError IndexError Key_2", FALSE },
    { "(?i)^(?:MemoryError|OSError)$", "MemoryError OSError", TRUE },
    /* Anything else is the regex's. */
    { "KeyError", NULL, FALSE },
    { "^KeyError", NULL, FALSE },
    { "^(KeyError|)$", NULL, FALSE },
    { "^(Key.rror)$", NULL, FALSE },
    { "(?i)^(MemoryError|.*OutOfMemory.*)$", NULL, FALSE },
    { "^(KeyError|IndexError$", NULL, FALSE },
    { "^KeyError$|^IndexError$", NULL, FALSE },
    { "(?m)^KeyError$", NULL, FALSE },
  };
  static const char *subjects[] = {
    "KeyError", "keyerror", "KEYERROR", "IndexError", "Key_2", "KeyError\n", "KeyErrorX", "XKeyError",
    "Key", "", "memoryerror", "OSERROR", "O\xc5\xbf" "Error", "K\xe2\x84\xaa", "OSError ", "MemoryError\nx",
  };
  guint n_decided = 0;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gboolean caseless = !cases[i].caseless;
      g_auto(GStrv) words = _atlas_rule_pattern_words (cases[i].pattern, &caseless);

      if (cases[i].words == NULL)
        {
          g_assert_null (words);
          continue;
        }
      g_assert_nonnull (words);
      {
        g_autofree char *joined = g_strjoinv (" ", words);

        g_assert_cmpstr (joined, ==, cases[i].words);
      }
      g_assert_cmpint (caseless, ==, cases[i].caseless);
      for (guint s = 0; s < G_N_ELEMENTS (subjects); s++)
        check_words_agree (cases[i].pattern, words, caseless, subjects[s], &n_decided);
    }
  g_assert_cmpuint (n_decided, >, 40);
}

/* Every built-in pattern that is a list of words decides as its regex on
 * every word of every such pattern, in other cases and with a newline. */
static void
test_builtin_pattern_words (void)
{
  g_autoptr(AtlasClassifier) classifier = atlas_classifier_new ();
  AtlasRuleSet *rules = _atlas_classifier_get_rule_set (classifier);
  g_autoptr(GPtrArray) subjects = g_ptr_array_new_with_free_func (g_free);
  guint n_with_words = 0, n_decided = 0;

  for (guint r = 0; r < atlas_rule_set_get_n_rules (rules); r++)
    {
      const AtlasRule *rule = atlas_rule_set_get_rule (rules, r);

      for (guint p = 0; p < ATLAS_RULE_N_PATTERNS; p++)
        for (guint w = 0; rule->pattern_words[p] != NULL && rule->pattern_words[p][w] != NULL; w++)
          {
            g_ptr_array_add (subjects, g_strdup (rule->pattern_words[p][w]));
            g_ptr_array_add (subjects, g_ascii_strdown (rule->pattern_words[p][w], -1));
            g_ptr_array_add (subjects, g_strconcat (rule->pattern_words[p][w], "\n", NULL));
          }
    }

  for (guint r = 0; r < atlas_rule_set_get_n_rules (rules); r++)
    {
      const AtlasRule *rule = atlas_rule_set_get_rule (rules, r);

      for (guint p = 0; p < ATLAS_RULE_N_PATTERNS; p++)
        {
          if (rule->pattern_words[p] == NULL)
            continue;
          n_with_words++;
          for (guint s = 0; s < subjects->len; s++)
            check_words_agree (atlas_regex_get_pattern (rule->patterns[p]), rule->pattern_words[p],
                               rule->pattern_caseless[p], g_ptr_array_index (subjects, s), &n_decided);
        }
    }
  /* Most exception conditions of the built-in rules are lists of words. */
  g_assert_cmpuint (n_with_words, >=, 20);
  g_assert_cmpuint (n_decided, >, 1000);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Atlas/Rules/builtin", test_builtin);
  g_test_add_func ("/Atlas/Rules/pattern-words", test_pattern_words);
  g_test_add_func ("/Atlas/Rules/builtin-pattern-words", test_builtin_pattern_words);
  g_test_add_func ("/Atlas/Rules/malformed-syntax", test_malformed_syntax);
  g_test_add_func ("/Atlas/Rules/malformed-rules", test_malformed_rules);
  g_test_add_func ("/Atlas/Rules/missing-file", test_missing_file);
  g_test_add_func ("/Atlas/Rules/override", test_override);
  g_test_add_func ("/Atlas/Rules/repeated-key", test_repeated_key);
  g_test_add_func ("/Atlas/Rules/new-rule-precedence", test_new_rule_takes_precedence);
  g_test_add_func ("/Atlas/Rules/fact-conditions", test_fact_conditions);
  g_test_add_func ("/Atlas/Rules/cli-malformed", test_cli_malformed);

  return g_test_run ();
}

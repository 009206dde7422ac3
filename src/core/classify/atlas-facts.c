/* atlas-facts.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-facts"

#include "config.h"

#include <string.h>

#include "atlas-facts.h"
#include "atlas-facts-names.h"

/* Shared, compiled once: GRegex matching is thread-safe. */
typedef enum
{
  RE_CALL,          /* a dotted name followed by "(" */
  RE_ARROW,         /* IPython's "---->  3 code" */
  RE_PLAIN_FRAME,   /* Python's 'File "<ipython-input-…>", line 3' + code line */
  RE_SITE_PACKAGE,  /* …/site-packages/<package>/ */
  RE_MISSING_NAME,  /* the name a NameError or UnboundLocalError is about */
  RE_MISSING_MODULE,
  RE_MISSING_KEY,
  N_RE
} SharedRegex;

static const char * const shared_patterns[N_RE] = {
  "([A-Za-z_][A-Za-z0-9_]*(?:\\s*\\.\\s*[A-Za-z_][A-Za-z0-9_]*)*)\\s*\\(",
  "(?m)^\\s*-*-> ?\\s*(?:<a [^>]*>)?\\d+(?:</a>)?\\s?(.*)$",
  "(?m)^\\s*File \"[^\"]*(?:ipython-input|ipykernel)[^\"]*\", line \\d+.*\\n\\s*(\\S.*)$",
  "(?:site|dist)-packages[\\\\/]+([A-Za-z_][A-Za-z0-9_]*)",
  "(?:name|variable) '([A-Za-z_][A-Za-z0-9_]*)'(?: is not defined| referenced before| where it)",
  "(?:No module named|cannot import name '[^']*' from) '([A-Za-z_][A-Za-z0-9_]*)",
  "^\\W*(?:None of \\[\\w*Index\\(\\[)?'([^']{1,200})'",
};

static GRegex *
shared_regex (SharedRegex which)
{
  static GRegex *regexes[N_RE];

  if (g_once_init_enter (&regexes[which]))
    g_once_init_leave (&regexes[which],
                       g_regex_new (shared_patterns[which], G_REGEX_OPTIMIZE, 0, NULL));
  return regexes[which];
}

static char *
match_group (SharedRegex  which,
             const char  *subject)
{
  g_autoptr(GMatchInfo) info = NULL;

  if (subject == NULL || !g_regex_match (shared_regex (which), subject, 0, &info))
    return NULL;
  return g_match_info_fetch (info, 1);
}

static void
add_unique (GPtrArray  *array,
            const char *value)
{
  if (value == NULL || value[0] == '\0')
    return;
  for (guint i = 0; i < array->len; i++)
    if (g_str_equal (g_ptr_array_index (array, i), value))
      return;
  g_ptr_array_add (array, g_strdup (value));
}

static void
add_frame_package (AtlasFacts   *facts,
                   AtlasRuleSet *rules,
                   const char   *folder)
{
  const char *package = folder ? atlas_rule_set_map_package (rules, folder) : NULL;

  if (package == NULL)
    return;
  add_unique (facts->frame_packages, package);
  g_free (facts->raised_in);
  facts->raised_in = g_strdup (package);
}

/* Library frames from the parser when it found frames, else from the paths
 * printed in the traceback text (any format, any IPython version). */
static void
collect_frames (AtlasFacts     *facts,
                AtlasRuleSet   *rules,
                AtlasTraceback *traceback)
{
  g_autoptr(GMatchInfo) info = NULL;
  guint n = traceback ? atlas_traceback_get_n_frames (traceback) : 0;

  for (guint i = 0; i < n; i++)
    {
      const AtlasFrame *frame = atlas_traceback_get_frame (traceback, i);

      if (frame->kind == ATLAS_FRAME_LIBRARY)
        add_frame_package (facts, rules, frame->package);
    }
  if (n > 0)
    return;
  g_regex_match (shared_regex (RE_SITE_PACKAGE), facts->text, 0, &info);
  while (g_match_info_matches (info))
    {
      g_autofree char *folder = g_match_info_fetch (info, 1);

      add_frame_package (facts, rules, folder);
      g_match_info_next (info, NULL);
    }
}

static int
paren_balance (const char *code)
{
  int balance = 0;

  for (const char *p = code; *p != '\0'; p++)
    balance += (*p == '(' || *p == '[' || *p == '{') - (*p == ')' || *p == ']' || *p == '}');
  return balance;
}

/* IPython points at the last line of a statement that spans several: take
 * the context lines above it until the brackets balance. */
static char *
arrow_statement (const char *text)
{
  g_autoptr(GMatchInfo) info = NULL;
  g_autofree char *before = NULL;
  g_autofree char *last = NULL;
  g_auto(GStrv) lines = NULL;
  GString *code;
  int start, end;
  guint n;

  if (!g_regex_match (shared_regex (RE_ARROW), text, 0, &info))
    return NULL;
  last = g_match_info_fetch (info, 1);
  code = g_string_new (last);
  g_match_info_fetch_pos (info, 0, &start, &end);
  before = g_strndup (text, start);
  lines = g_strsplit (before, "\n", -1);
  n = g_strv_length (lines);
  /* The match may start at the end of the previous line. */
  while (n > 0 && g_strstrip (lines[n - 1])[0] == '\0')
    n--;
  for (guint i = n; i > 0 && n - i < 10 && paren_balance (code->str) < 0; i--)
    {
      const char *line = lines[i - 1];

      while (g_ascii_isspace (*line))
        line++;
      if (!g_ascii_isdigit (*line))
        break;
      while (g_ascii_isdigit (*line))
        line++;
      g_string_prepend_c (code, '\n');
      g_string_prepend (code, *line == ' ' ? line + 1 : line);
    }
  return g_string_free (code, FALSE);
}

/* A one-line cell is its own crashing line. */
static char *
single_line (const char *source)
{
  g_autofree char *stripped = g_strstrip (g_strdup (source ? source : ""));

  if (stripped[0] == '\0' || strchr (stripped, '\n') != NULL)
    return NULL;
  return g_steal_pointer (&stripped);
}

/* Line @line of @source with the lines above it that open its brackets:
 * IPython maps a statement over several lines to its last line. */
static char *
statement_in_source (const char *source,
                     guint       line)
{
  g_auto(GStrv) lines = g_strsplit (source, "\n", -1);
  GString *code;

  if (line == 0 || line > g_strv_length (lines))
    return NULL;
  code = g_string_new (lines[line - 1]);
  for (guint k = line - 1; k > 0 && line - k < 10 && paren_balance (code->str) < 0; k--)
    {
      g_string_prepend_c (code, '\n');
      g_string_prepend (code, lines[k - 1]);
    }
  return g_string_free (code, FALSE);
}

/* The crashing statement of the crashing cell: from the reader's mapping of
 * the traceback onto the cell, else from the traceback text, else the
 * parser's user frame. */
static char *
find_code (AtlasCrash     *crash,
           AtlasTraceback *traceback,
           const char     *text)
{
  const AtlasFrame *frame = traceback ? atlas_traceback_get_user_frame (traceback) : NULL;
  const char *source = atlas_crash_get_cell_source (crash);
  char *code;

  if (source != NULL && (code = statement_in_source (source, atlas_crash_get_line (crash))) != NULL)
    return code;
  if ((code = arrow_statement (text)) != NULL
      || (code = match_group (RE_PLAIN_FRAME, text)) != NULL)
    return code;
  if (frame != NULL && frame->code != NULL)
    return g_strdup (frame->code);
  return single_line (source);
}

/* The last user-code line before the exception: inside a function defined
 * in another cell when the crashing line called one. */
static char *
find_raise_code (AtlasTraceback *traceback,
                 const char     *text)
{
  const AtlasFrame *frame = traceback ? atlas_traceback_get_user_frame (traceback) : NULL;
  g_autoptr(GMatchInfo) info = NULL;
  char *last = NULL;

  if (frame != NULL && frame->code != NULL)
    return g_strdup (frame->code);
  g_regex_match (shared_regex (RE_ARROW), text, 0, &info);
  for (; g_match_info_matches (info); g_match_info_next (info, NULL))
    {
      g_free (last);
      last = g_match_info_fetch (info, 1);
    }
  return last;
}

/* The package a called dotted name belongs to, through the notebook's
 * imports, then the usual aliases. */
static char *
call_package (AtlasRuleSet  *rules,
              AtlasNotebook *notebook,
              const char    *chain)
{
  g_autofree char *resolved = notebook ? atlas_notebook_resolve_name (notebook, chain) : NULL;
  g_autofree char *head = g_strndup (chain, strcspn (chain, "."));
  const char *alias;

  if (resolved != NULL)
    {
      g_autofree char *top = g_strndup (resolved, strcspn (resolved, "."));
      const char *mapped = atlas_rule_set_map_package (rules, top);

      return g_strdup (mapped);
    }
  alias = atlas_rule_set_lookup_alias (rules, head);
  return g_strdup (alias);
}

static void
collect_calls (AtlasRuleSet  *rules,
               AtlasNotebook *notebook,
               const char    *code,
               GPtrArray     *names,
               GPtrArray     *packages)
{
  g_autoptr(GMatchInfo) info = NULL;

  if (code == NULL)
    return;
  g_regex_match (shared_regex (RE_CALL), code, 0, &info);
  while (g_match_info_matches (info))
    {
      g_autofree char *raw = g_match_info_fetch (info, 1);
      g_auto(GStrv) parts = g_strsplit (raw, ".", -1);
      g_autofree char *chain = NULL;

      for (guint i = 0; parts[i] != NULL; i++)
        g_strstrip (parts[i]);
      chain = g_strjoinv (".", parts);
      add_unique (names, parts[g_strv_length (parts) - 1]);
      if (packages != NULL)
        {
          g_autofree char *package = call_package (rules, notebook, chain);

          add_unique (packages, package);
        }
      g_match_info_next (info, NULL);
    }
}

static gboolean
imports_ml (AtlasRuleSet     *rules,
            AtlasNotebook    *notebook,
            const AtlasFacts *facts)
{
  const char * const *packages = notebook ? atlas_notebook_get_packages (notebook) : NULL;

  for (guint i = 0; packages != NULL && packages[i] != NULL; i++)
    if (atlas_rule_set_is_ml_package (rules, atlas_rule_set_map_package (rules, packages[i])))
      return TRUE;
  for (guint i = 0; i < facts->cell_call_packages->len; i++)
    if (atlas_rule_set_is_ml_package (rules, g_ptr_array_index (facts->cell_call_packages, i)))
      return TRUE;
  return FALSE;
}

/* A wrapper message ("Graph execution error:") gets the text the traceback
 * prints after it, where the library put the real message. */
static char *
unwrap_message (AtlasRuleSet *rules,
                const char   *message,
                const char   *text)
{
  const AtlasRegex *wrappers = atlas_rule_set_get_wrapper_messages (rules);
  g_autofree char *first = NULL;
  const char *found = NULL;
  gsize tail;

  if (wrappers == NULL || message[0] == '\0' || !atlas_regex_test (wrappers, message))
    return NULL;
  first = g_strndup (message, strcspn (message, "\n"));
  for (const char *p = strstr (text, first); p != NULL; p = strstr (p + 1, first))
    found = p;
  if (found == NULL)
    return NULL;
  found += strlen (first);
  /* Bounded: the real message is short, a traceback may not be. */
  tail = MIN (strlen (found), 4000);
  while (tail > 0 && (found[tail] & 0xC0) == 0x80)
    tail--;
  return g_strdup_printf ("%s\n%.*s", message, (int)tail, found);
}

void
atlas_facts_init (AtlasFacts         *facts,
                  AtlasRuleSet       *rules,
                  AtlasNotebookFacts *context,
                  AtlasCrash         *crash)
{
  AtlasNotebook *notebook = atlas_notebook_facts_get_notebook (context);
  AtlasTraceback *traceback = atlas_crash_get_traceback (crash);
  const AtlasHeading *heading = NULL;

  memset (facts, 0, sizeof *facts);
  facts->ename = atlas_crash_get_ename (crash) ? atlas_crash_get_ename (crash) : "";
  facts->evalue = atlas_crash_get_message (crash) ? atlas_crash_get_message (crash) : "";
  facts->text = traceback ? atlas_traceback_get_text (traceback) : "";
  if ((facts->unwrapped = unwrap_message (rules, facts->evalue, facts->text)) != NULL)
    facts->evalue = facts->unwrapped;
  facts->cell_source = atlas_crash_get_cell_source (crash) ? atlas_crash_get_cell_source (crash) : "";
  facts->platform = atlas_platform_to_string (atlas_crash_get_platform (crash));
  facts->calls = g_ptr_array_new_with_free_func (g_free);
  facts->call_packages = g_ptr_array_new_with_free_func (g_free);
  facts->cell_calls = g_ptr_array_new_with_free_func (g_free);
  facts->cell_call_packages = g_ptr_array_new_with_free_func (g_free);
  facts->frame_packages = g_ptr_array_new_with_free_func (g_free);

  collect_frames (facts, rules, traceback);
  facts->code = find_code (crash, traceback, facts->text);
  facts->raise_code = find_raise_code (traceback, facts->text);
  collect_calls (rules, notebook, facts->code, facts->calls, facts->call_packages);
  collect_calls (rules, notebook, facts->cell_source, facts->cell_calls, facts->cell_call_packages);
  if (facts->frame_packages->len > 0)
    facts->facts |= ATLAS_FACT_HAS_LIBRARY_FRAME;
  if (facts->code != NULL)
    facts->facts |= ATLAS_FACT_HAS_CODE;
  for (guint i = 0; i < facts->call_packages->len; i++)
    if (!atlas_rule_set_is_ml_package (rules, g_ptr_array_index (facts->call_packages, i)))
      facts->facts |= ATLAS_FACT_CALLS_OTHER_PACKAGE;
  if (atlas_crash_get_execution_count (crash) == 1)
    facts->facts |= ATLAS_FACT_FIRST_RUN;
  if (notebook != NULL)
    {
      heading = atlas_notebook_get_heading_for_cell (notebook, atlas_crash_get_cell (crash));
      if (atlas_notebook_facts_n_code_cells (context) > 1)
        facts->facts |= ATLAS_FACT_WHOLE_NOTEBOOK;
      if (atlas_notebook_facts_anomaly_before (context, atlas_crash_get_cell (crash)))
        facts->facts |= ATLAS_FACT_ORDER_ANOMALY;
    }
  facts->heading = heading ? heading->text : NULL;
  facts->lines_valid = g_utf8_validate (facts->ename, -1, NULL)
                       && g_utf8_validate (facts->evalue, -1, NULL)
                       && (facts->code == NULL || g_utf8_validate (facts->code, -1, NULL))
                       && (facts->heading == NULL || g_utf8_validate (facts->heading, -1, NULL));
  facts->missing_name = match_group (RE_MISSING_NAME, facts->evalue);
  if (facts->missing_name != NULL)
    _atlas_facts_add_name_facts (facts, rules, context, crash);
  facts->missing_module = match_group (RE_MISSING_MODULE, facts->evalue);
  if (g_str_equal (facts->ename, "KeyError")
      && (facts->missing_key = match_group (RE_MISSING_KEY, facts->evalue)) != NULL)
    _atlas_facts_add_key_facts (facts, context);
  if (facts->missing_module != NULL && facts->name_package == NULL)
    {
      const char *alias = atlas_rule_set_lookup_alias (rules, facts->missing_module);

      /* "No module named 'tf'": an alias imported as if it were a module. */
      facts->name_package = g_strdup (alias ? alias : atlas_rule_set_map_package (rules, facts->missing_module));
    }
  if (atlas_rule_set_is_ml_package (rules, facts->name_package))
    facts->facts |= ATLAS_FACT_NAME_IS_ML;
  if (imports_ml (rules, notebook, facts))
    facts->facts |= ATLAS_FACT_IMPORTS_ML;
}

void
atlas_facts_clear (AtlasFacts *facts)
{
  g_free (facts->unwrapped);
  g_free (facts->code);
  g_free (facts->raise_code);
  g_ptr_array_unref (facts->calls);
  g_ptr_array_unref (facts->call_packages);
  g_ptr_array_unref (facts->cell_calls);
  g_ptr_array_unref (facts->cell_call_packages);
  g_ptr_array_unref (facts->frame_packages);
  g_free (facts->raised_in);
  g_free (facts->missing_name);
  g_free (facts->missing_module);
  g_free (facts->missing_key);
  g_free (facts->name_package);
  g_free (facts->name_evidence);
}

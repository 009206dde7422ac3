/* atlas-facts-names.c — where a notebook defines the name a crash misses
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-facts"

#include "config.h"

#include <string.h>

#include "atlas-facts-private.h"

/* The statements that bind a name in Python: assignment (plain, augmented,
 * tuple), def, class, for/with targets and imports. Used besides the
 * notebook's own per-cell defines so a parse that misses one still finds it. */
static GRegex *
definition_regex (const char *name)
{
  g_autofree char *n = g_regex_escape_string (name, -1);
  g_autofree char *pattern =
    g_strdup_printf ("(?m)^[ \\t]*(?:(?:async\\s+)?(?:def|class)\\s+%s\\b"
                     "|for\\s+[^\\n]*\\b%s\\b[^\\n]*\\bin\\b"
                     "|with\\s[^\\n]*\\bas\\s+\\(?%s\\b"
                     "|(?:[A-Za-z_][A-Za-z0-9_]*\\s*,\\s*)*\\(?%s\\s*(?:,[^=\\n]*)?(?::[^=\\n]*)?[-+*/|&]?=(?!=)"
                     "|import\\s[^\\n]*\\bas\\s+%s\\b"
                     "|from\\s+\\S+\\s+import\\s[^\\n]*\\b%s\\b"
                     "|import\\s+%s\\b)",
                     n, n, n, n, n, n, n);

  /* Used once: compiling for the JIT would cost more than it saves. */
  return g_regex_new (pattern, 0, 0, NULL);
}

static gboolean
cell_defines (const AtlasCell *cell,
              const char      *name,
              GRegex          *regex)
{
  if (cell->defines != NULL && g_strv_contains ((const char * const *)cell->defines, name))
    return TRUE;
  return regex != NULL && g_regex_match (regex, cell->source, 0, NULL);
}

static gboolean
name_called (const char *code,
             const char *name)
{
  gsize len = strlen (name);

  for (const char *p = code ? strstr (code, name) : NULL; p != NULL; p = strstr (p + 1, name))
    {
      const char *after = p + len;

      if (p > code && (g_ascii_isalnum (p[-1]) || p[-1] == '_' || p[-1] == '.'))
        continue;
      while (*after == ' ')
        after++;
      if (*after == '(')
        return TRUE;
    }
  return FALSE;
}

/* One insertion, deletion, substitution or a case change apart. */
static gboolean
one_edit_apart (const char *a,
                const char *b)
{
  gsize la = strlen (a), lb = strlen (b);

  if (g_ascii_strcasecmp (a, b) == 0)
    return strcmp (a, b) != 0;
  if ((la > lb ? la - lb : lb - la) > 1 || MIN (la, lb) < 3)
    return FALSE;
  while (*a != '\0' && *a == *b)
    a++, b++;
  if (la == lb)
    return strcmp (a + 1, b + 1) == 0;
  return la > lb ? strcmp (a + 1, b) == 0 : strcmp (a, b + 1) == 0;
}

static gboolean
has_similar_name (AtlasNotebook *notebook,
                  const char    *source,
                  const char    *name)
{
  guint n = notebook ? atlas_notebook_get_n_cells (notebook) : 1;
  gsize len = strlen (name);

  for (guint i = 0; i < n; i++)
    {
      const char *text = notebook ? atlas_notebook_get_cell (notebook, i)->source : source;
      g_autoptr(GMatchInfo) info = NULL;

      g_regex_match (_atlas_facts_identifier_regex (), text, 0, &info);
      for (; g_match_info_matches (info); g_match_info_next (info, NULL))
        {
          g_autofree char *word = NULL;
          int start, end;

          /* Words more than one letter longer or shorter cannot be one
           * edit apart: most words of a notebook are not copied. */
          g_match_info_fetch_pos (info, 0, &start, &end);
          if ((gsize)(end - start) + 1 < len || (gsize)(end - start) > len + 1)
            continue;
          word = g_strndup (text + start, end - start);
          if (one_edit_apart (word, name))
            return TRUE;
        }
    }
  return FALSE;
}

static void
add_alias_facts (AtlasFacts    *facts,
                 AtlasRuleSet  *rules,
                 AtlasNotebook *notebook)
{
  g_autofree char *resolved = notebook ? atlas_notebook_resolve_name (notebook, facts->missing_name) : NULL;
  const char *alias = atlas_rule_set_lookup_alias (rules, facts->missing_name);

  if (resolved != NULL)
    {
      g_autofree char *top = g_strndup (resolved, strcspn (resolved, "."));

      facts->name_package = g_strdup (atlas_rule_set_map_package (rules, top));
    }
  else if (alias != NULL)
    facts->name_package = g_strdup (alias);
  if (facts->name_package != NULL)
    facts->facts |= ATLAS_FACT_NAME_IS_ALIAS;
}

static guint
definition_facts (const AtlasCell *cell,
                  guint            crash_cell,
                  int              crash_count)
{
  guint found = 0;

  if (cell->index > crash_cell)
    found |= ATLAS_FACT_NAME_DEFINED_BELOW;
  if (cell->execution_count < 0)
    found |= ATLAS_FACT_NAME_DEFINED_UNRUN;
  if (cell->has_error)
    found |= ATLAS_FACT_NAME_DEFINED_CRASHED;
  if (crash_count >= 0 && cell->execution_count > crash_count)
    found |= ATLAS_FACT_NAME_DEFINED_LATER;
  if (cell->index < crash_cell && cell->execution_count >= 0
      && (crash_count < 0 || cell->execution_count < crash_count))
    found |= ATLAS_FACT_NAME_DEFINED_ABOVE;
  return found;
}

static void
add_definition_facts (AtlasFacts    *facts,
                      AtlasNotebook *notebook,
                      AtlasCrash    *crash)
{
  g_autoptr(GRegex) regex = definition_regex (facts->missing_name);
  guint crash_cell = atlas_crash_get_cell (crash);
  int crash_count = atlas_crash_get_execution_count (crash);
  g_autoptr(GString) where = g_string_new (NULL);
  guint found = 0;

  for (guint i = 0; i < atlas_notebook_get_n_cells (notebook); i++)
    {
      const AtlasCell *cell = atlas_notebook_get_cell (notebook, i);

      /* A cell can only define the name if it holds it as text. */
      if (cell->kind != ATLAS_CELL_CODE || strstr (cell->source, facts->missing_name) == NULL)
        continue;
      atlas_notebook_ensure_cell_names (notebook, i);
      if (!cell_defines (cell, facts->missing_name, regex))
        continue;
      if (i == crash_cell)
        {
          facts->facts |= ATLAS_FACT_NAME_DEFINED_HERE;
          continue;
        }
      found |= definition_facts (cell, crash_cell, crash_count);
      g_string_append_printf (where, "%s%u", where->len ? ", " : "", i);
      if (cell->execution_count >= 0)
        g_string_append_printf (where, " [%d]", cell->execution_count);
    }
  if (where->len > 0)
    facts->name_evidence = g_strdup_printf ("defined in cell %s", where->str);
  else if (facts->facts & ATLAS_FACT_WHOLE_NOTEBOOK)
    found |= ATLAS_FACT_NAME_DEFINED_NOWHERE;
  facts->facts |= found;
}

void
_atlas_facts_add_name_facts (AtlasFacts    *facts,
                             AtlasRuleSet  *rules,
                             AtlasNotebook *notebook,
                             AtlasCrash    *crash)
{
  const char *name = facts->missing_name;

  add_alias_facts (facts, rules, notebook);
  if (name_called (facts->code, name) || name_called (facts->raise_code, name))
    facts->facts |= ATLAS_FACT_NAME_CALLED;
  if (g_ascii_isupper (name[0]))
    facts->facts |= ATLAS_FACT_NAME_CAPITALIZED;
  if (has_similar_name (notebook, facts->cell_source, name))
    facts->facts |= ATLAS_FACT_NAME_SIMILAR;
  if (notebook != NULL)
    add_definition_facts (facts, notebook, crash);
}

/* Dropping, popping, deleting or one-hot encoding a column removes it: run
 * that cell (or the one that crashed, below its crashing line) a second time
 * and the column is gone. */
void
_atlas_facts_add_key_facts (AtlasFacts    *facts,
                            AtlasNotebook *notebook)
{
  g_autofree char *key = g_regex_escape_string (facts->missing_key, -1);
  g_autofree char *pattern =
    g_strdup_printf ("(?:\\b(?:drop|pop|get_dummies|del)\\b[^\\n]*|\\bdel\\s+\\w+\\[)['\"]%s['\"]", key);
  g_autoptr(GRegex) regex = g_regex_new (pattern, 0, 0, NULL);
  guint n = notebook ? atlas_notebook_get_n_cells (notebook) : 0;

  if (regex == NULL)
    return;
  if (n == 0 && g_regex_match (regex, facts->cell_source, 0, NULL))
    facts->facts |= ATLAS_FACT_KEY_REMOVED;
  for (guint i = 0; i < n; i++)
    {
      const AtlasCell *cell = atlas_notebook_get_cell (notebook, i);

      /* The regex needs the key as text. */
      if (cell->kind == ATLAS_CELL_CODE && strstr (cell->source, facts->missing_key) != NULL &&
          g_regex_match (regex, cell->source, 0, NULL))
        {
          facts->facts |= ATLAS_FACT_KEY_REMOVED;
          g_free (facts->name_evidence);
          facts->name_evidence = g_strdup_printf ("column “%s” removed in cell %u", facts->missing_key, i);
          return;
        }
    }
}

/* atlas-facts-names.c — where a notebook defines the name a crash misses
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-facts"

#include "config.h"

#include <string.h>

#include "atlas-facts-names.h"

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

/* A cell at or above the crash that ran before it (or the crashing cell
 * itself) deleted the name with "del". */
static gboolean
deleted_before (GArray     *deleters,
                AtlasNotebook *notebook,
                guint       crash_cell,
                int         crash_count)
{
  for (guint k = 0; deleters != NULL && k < deleters->len; k++)
    {
      guint i = g_array_index (deleters, guint, k);
      const AtlasCell *cell = atlas_notebook_get_cell (notebook, i);

      if (i == crash_cell
          || (i < crash_cell && cell->execution_count >= 0
              && (crash_count < 0 || cell->execution_count < crash_count)))
        return TRUE;
    }
  return FALSE;
}

static void
add_definition_facts (AtlasFacts         *facts,
                      AtlasNotebookFacts *context,
                      AtlasCrash         *crash)
{
  AtlasNotebook *notebook = atlas_notebook_facts_get_notebook (context);
  GArray *definers = atlas_notebook_facts_definers (context, facts->missing_name);
  guint crash_cell = atlas_crash_get_cell (crash);
  int crash_count = atlas_crash_get_execution_count (crash);
  g_autoptr(GString) where = g_string_new (NULL);
  guint found = 0;

  for (guint k = 0; definers != NULL && k < definers->len; k++)
    {
      guint i = g_array_index (definers, guint, k);
      const AtlasCell *cell = atlas_notebook_get_cell (notebook, i);

      if (i == crash_cell)
        {
          facts->facts |= ATLAS_FACT_NAME_DEFINED_HERE;
          continue;
        }
      found |= definition_facts (cell, crash_cell, crash_count);
      /* The evidence lists a few cells, not thousands. */
      if (k < 8)
        {
          g_string_append_printf (where, "%s%u", where->len ? ", " : "", i);
          if (cell->execution_count >= 0)
            g_string_append_printf (where, " [%d]", cell->execution_count);
        }
      else if (k == 8)
        g_string_append (where, ", …");
    }
  if (deleted_before (atlas_notebook_facts_deleters (context, facts->missing_name), notebook,
                      crash_cell, crash_count))
    found |= ATLAS_FACT_NAME_DELETED;
  if (where->len > 0)
    facts->name_evidence = g_strdup_printf ("defined in cell %s", where->str);
  else if (facts->facts & ATLAS_FACT_WHOLE_NOTEBOOK)
    found |= ATLAS_FACT_NAME_DEFINED_NOWHERE;
  facts->facts |= found;
}

void
_atlas_facts_add_name_facts (AtlasFacts         *facts,
                             AtlasRuleSet       *rules,
                             AtlasNotebookFacts *context,
                             AtlasCrash         *crash)
{
  AtlasNotebook *notebook = atlas_notebook_facts_get_notebook (context);
  const char *name = facts->missing_name;

  add_alias_facts (facts, rules, notebook);
  if (name_called (facts->code, name) || name_called (facts->raise_code, name))
    facts->facts |= ATLAS_FACT_NAME_CALLED;
  if (g_ascii_isupper (name[0]))
    facts->facts |= ATLAS_FACT_NAME_CAPITALIZED;
  if (atlas_notebook_facts_has_similar_name (context, name))
    facts->facts |= ATLAS_FACT_NAME_SIMILAR;
  if (notebook != NULL)
    add_definition_facts (facts, context, crash);
}

/* Dropping, popping, deleting or one-hot encoding a column removes it: run
 * that cell (or the one that crashed, below its crashing line) a second time
 * and the column is gone. */
void
_atlas_facts_add_key_facts (AtlasFacts         *facts,
                            AtlasNotebookFacts *context)
{
  int cell = atlas_notebook_facts_key_remover (context, facts->missing_key);

  if (cell < 0)
    return;
  facts->facts |= ATLAS_FACT_KEY_REMOVED;
  g_free (facts->name_evidence);
  facts->name_evidence = g_strdup_printf ("column “%s” removed in cell %d", facts->missing_key, cell);
}

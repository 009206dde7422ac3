/* atlas-notebook-facts.c — per-notebook facts, computed once
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-facts"

#include "config.h"

#include <string.h>

#include "atlas-notebook-facts.h"

struct _AtlasNotebookFacts
{
  AtlasRuleSet  *rules;
  AtlasNotebook *notebook;       /* not owned; may be NULL */
  const char    *cell_source;    /* stands for the notebook without one */
  int            n_code_cells;   /* -1 until counted */
  int            first_anomaly;  /* -2 until looked up, -1 none */
  GHashTable    *definers;       /* name -> GArray of guint cells */
  GHashTable    *deleters;       /* name -> GArray of guint cells */
  GHashTable    *words;          /* set of identifiers */
  GHashTable    *folded;         /* lower-case word -> its spelling, "" if several */
  GHashTable    *removed_keys;   /* key -> first cell + 1 */
};

static void
array_unref (gpointer array)
{
  g_array_unref (array);
}

AtlasNotebookFacts *
atlas_notebook_facts_new (AtlasRuleSet  *rules,
                          AtlasNotebook *notebook,
                          const char    *cell_source)
{
  AtlasNotebookFacts *self = g_new0 (AtlasNotebookFacts, 1);

  self->rules = rules;
  self->notebook = notebook;
  self->cell_source = cell_source ? cell_source : "";
  self->n_code_cells = -1;
  self->first_anomaly = -2;
  return self;
}

void
atlas_notebook_facts_free (AtlasNotebookFacts *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->definers, g_hash_table_unref);
  g_clear_pointer (&self->deleters, g_hash_table_unref);
  g_clear_pointer (&self->words, g_hash_table_unref);
  g_clear_pointer (&self->folded, g_hash_table_unref);
  g_clear_pointer (&self->removed_keys, g_hash_table_unref);
  g_free (self);
}

AtlasNotebook *
atlas_notebook_facts_get_notebook (AtlasNotebookFacts *self)
{
  return self->notebook;
}

guint
atlas_notebook_facts_n_code_cells (AtlasNotebookFacts *self)
{
  if (self->n_code_cells < 0)
    {
      self->n_code_cells = 0;
      for (guint i = 0; self->notebook && i < atlas_notebook_get_n_cells (self->notebook); i++)
        self->n_code_cells += atlas_notebook_get_cell (self->notebook, i)->kind == ATLAS_CELL_CODE;
    }
  return self->n_code_cells;
}

gboolean
atlas_notebook_facts_anomaly_before (AtlasNotebookFacts *self,
                                     guint               cell)
{
  if (self->first_anomaly == -2)
    {
      GArray *anomalies = self->notebook ? atlas_notebook_get_order_anomalies (self->notebook) : NULL;

      self->first_anomaly = -1;
      for (guint i = 0; anomalies != NULL && i < anomalies->len; i++)
        {
          int at = g_array_index (anomalies, AtlasOrderAnomaly, i).cell;

          if (self->first_anomaly < 0 || at < self->first_anomaly)
            self->first_anomaly = at;
        }
    }
  return self->first_anomaly >= 0 && (guint)self->first_anomaly <= cell;
}

static void
add_cell (GHashTable *table,
          const char *name,
          guint       cell)
{
  GArray *cells = g_hash_table_lookup (table, name);

  if (cells == NULL)
    {
      cells = g_array_new (FALSE, FALSE, sizeof (guint));
      g_hash_table_insert (table, g_strdup (name), cells);
    }
  if (cells->len == 0 || g_array_index (cells, guint, cells->len - 1) != cell)
    g_array_append_val (cells, cell);
}

/* "del a, b[0], c" at a cell's top level unbinds a and c. */
static void
scan_deletions (GHashTable *table,
                const char *source,
                guint       cell)
{
  for (const char *line = source; line != NULL && *line != '\0';)
    {
      const char *end = strchr (line, '\n');
      gsize len = end ? (gsize)(end - line) : strlen (line);

      if (len > 4 && strncmp (line, "del", 3) == 0 && (line[3] == ' ' || line[3] == '\t'))
        {
          g_autofree char *rest = g_strndup (line + 4, len - 4);
          g_auto(GStrv) targets = NULL;

          rest[strcspn (rest, "#;")] = '\0';
          targets = g_strsplit (rest, ",", -1);
          for (guint i = 0; targets[i] != NULL; i++)
            {
              char *target = g_strstrip (targets[i]);
              const char *p = target;

              while (g_ascii_isalnum (*p) || *p == '_')
                p++;
              if (p != target && *p == '\0' && !g_ascii_isdigit (target[0]))
                add_cell (table, target, cell);
            }
        }
      line = end ? end + 1 : NULL;
    }
}

static void
index_definitions (AtlasNotebookFacts *self)
{
  guint n = self->notebook ? atlas_notebook_get_n_cells (self->notebook) : 0;

  self->definers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, array_unref);
  self->deleters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, array_unref);
  if (n == 0)
    return;
  atlas_notebook_ensure_names (self->notebook);
  for (guint i = 0; i < n; i++)
    {
      const AtlasCell *cell = atlas_notebook_get_cell (self->notebook, i);

      if (cell->kind != ATLAS_CELL_CODE)
        continue;
      for (guint k = 0; cell->defines != NULL && cell->defines[k] != NULL; k++)
        add_cell (self->definers, cell->defines[k], i);
      scan_deletions (self->deleters, cell->source, i);
    }
}

GArray *
atlas_notebook_facts_definers (AtlasNotebookFacts *self,
                               const char         *name)
{
  if (self->definers == NULL)
    index_definitions (self);
  return g_hash_table_lookup (self->definers, name);
}

GArray *
atlas_notebook_facts_deleters (AtlasNotebookFacts *self,
                               const char         *name)
{
  if (self->deleters == NULL)
    index_definitions (self);
  return g_hash_table_lookup (self->deleters, name);
}

/* A word spelt two ways in one notebook ("df", "DF") folds to "": no single
 * spelling to suggest. */
static void
add_word (AtlasNotebookFacts *self,
          const char         *start,
          gsize               length)
{
  g_autofree char *word = g_strndup (start, length);
  g_autofree char *lower = g_ascii_strdown (word, -1);
  const char *spelling = g_hash_table_lookup (self->folded, lower);

  if (spelling == NULL)
    g_hash_table_insert (self->folded, g_steal_pointer (&lower), g_strdup (word));
  else if (spelling[0] != '\0' && strcmp (spelling, word) != 0)
    g_hash_table_insert (self->folded, g_steal_pointer (&lower), g_strdup (""));
  g_hash_table_add (self->words, g_steal_pointer (&word));
}

static void
add_words (AtlasNotebookFacts *self,
           const char         *text)
{
  for (const char *p = text; p != NULL && *p != '\0';)
    {
      const char *start;

      if (!(g_ascii_isalpha (*p) || *p == '_'))
        {
          p++;
          continue;
        }
      start = p;
      while (g_ascii_isalnum (*p) || *p == '_')
        p++;
      add_word (self, start, p - start);
    }
}

static void
index_words (AtlasNotebookFacts *self)
{
  guint n = self->notebook ? atlas_notebook_get_n_cells (self->notebook) : 0;

  self->words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->folded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (self->notebook == NULL)
    add_words (self, self->cell_source);
  for (guint i = 0; i < n; i++)
    add_words (self, atlas_notebook_get_cell (self->notebook, i)->source);
}

/* One insertion, deletion or substitution apart (both 3 letters or more). */
static gboolean
one_edit_apart (const char *a,
                const char *b)
{
  gsize la = strlen (a), lb = strlen (b);

  if ((la > lb ? la - lb : lb - la) > 1 || MIN (la, lb) < 3 || strcmp (a, b) == 0)
    return FALSE;
  while (*a != '\0' && *a == *b)
    a++, b++;
  if (la == lb)
    return strcmp (a + 1, b + 1) == 0;
  return la > lb ? strcmp (a + 1, b) == 0 : strcmp (a, b + 1) == 0;
}

static const char word_chars[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_";

/* One insertion, deletion or substitution (names of 3 letters or more), or
 * a change of case: the candidates are looked up, not the notebook's words
 * compared one by one. */
gboolean
atlas_notebook_facts_has_similar_name (AtlasNotebookFacts *self,
                                       const char         *name)
{
  gsize len = strlen (name);
  g_autofree char *lower = g_ascii_strdown (name, -1);
  g_autofree char *buffer = g_malloc (len + 2);
  const char *spelling;

  if (self->words == NULL)
    index_words (self);
  spelling = g_hash_table_lookup (self->folded, lower);
  if (spelling != NULL && (spelling[0] == '\0' || strcmp (spelling, name) != 0))
    return TRUE;
  if (len < 3)
    return FALSE;
  /* A small notebook's words are fewer than the candidates: compare them. */
  if (g_hash_table_size (self->words) < 2 * (len + 1) * (sizeof word_chars - 1))
    {
      GHashTableIter iter;
      gpointer word;

      g_hash_table_iter_init (&iter, self->words);
      while (g_hash_table_iter_next (&iter, &word, NULL))
        if (one_edit_apart (word, name))
          return TRUE;
      return FALSE;
    }
  /* Deletions (the shorter word needs 3 letters). */
  for (gsize i = 0; len > 3 && i < len; i++)
    {
      memcpy (buffer, name, i);
      memcpy (buffer + i, name + i + 1, len - i);
      if (g_hash_table_contains (self->words, buffer))
        return TRUE;
    }
  /* Substitutions and insertions. */
  for (gsize i = 0; i <= len; i++)
    for (const char *c = word_chars; *c != '\0'; c++)
      {
        if (i < len && *c != name[i])
          {
            memcpy (buffer, name, len + 1);
            buffer[i] = *c;
            if (!(i == 0 && g_ascii_isdigit (*c)) && g_hash_table_contains (self->words, buffer))
              return TRUE;
          }
        memcpy (buffer, name, i);
        buffer[i] = *c;
        memcpy (buffer + i + 1, name + i, len - i + 1);
        if (!(i == 0 && g_ascii_isdigit (*c)) && g_hash_table_contains (self->words, buffer))
          return TRUE;
      }
  return FALSE;
}

/* Every quoted string after a key-removing call on the same line. */
static void
scan_removed_keys (GHashTable  *table,
                   char       **calls,
                   const char  *source,
                   guint        cell)
{
  for (const char *line = source; line != NULL && *line != '\0';)
    {
      const char *end = strchr (line, '\n');
      gsize len = end ? (gsize)(end - line) : strlen (line);
      const char *after = NULL;

      for (guint k = 0; calls != NULL && calls[k] != NULL && after == NULL; k++)
        {
          gsize klen = strlen (calls[k]);

          for (const char *p = g_strstr_len (line, len, calls[k]); p != NULL && after == NULL;
               p = g_strstr_len (p + 1, len - (p + 1 - line), calls[k]))
            if ((p == line || !(g_ascii_isalnum (p[-1]) || p[-1] == '_'))
                && !(g_ascii_isalnum (p[klen]) || p[klen] == '_'))
              after = p + klen;
        }
      for (const char *p = after; p != NULL && p < line + len; p++)
        if (*p == '\'' || *p == '"')
          {
            const char *close = memchr (p + 1, *p, line + len - (p + 1));

            if (close == NULL)
              break;
            {
              g_autofree char *key = g_strndup (p + 1, close - p - 1);

              if (!g_hash_table_contains (table, key))
                g_hash_table_insert (table, g_steal_pointer (&key), GUINT_TO_POINTER (cell + 1));
            }
            p = close;
          }
      line = end ? end + 1 : NULL;
    }
}

int
atlas_notebook_facts_key_remover (AtlasNotebookFacts *self,
                                  const char         *key)
{
  if (self->removed_keys == NULL)
    {
      char **calls = atlas_rule_set_get_key_removing_calls (self->rules);
      guint n = self->notebook ? atlas_notebook_get_n_cells (self->notebook) : 0;

      self->removed_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      if (self->notebook == NULL)
        scan_removed_keys (self->removed_keys, calls, self->cell_source, 0);
      for (guint i = 0; i < n; i++)
        {
          const AtlasCell *cell = atlas_notebook_get_cell (self->notebook, i);

          if (cell->kind == ATLAS_CELL_CODE)
            scan_removed_keys (self->removed_keys, calls, cell->source, i);
        }
    }
  return GPOINTER_TO_UINT (g_hash_table_lookup (self->removed_keys, key)) - 1;
}

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
  GHashTable    *names;          /* name -> NameCells, filled a name at a time */
  GHashTable    *removed_keys;   /* key -> first cell + 1, 0 for none; filled a key at a time */
  /* Each question above reads the cells that may answer it, which is the
   * cheapest way for the one or two a notebook is asked. A notebook asked
   * about many names (a long one that crashed often) gets the answers to
   * all of them at once after LOOKUPS_BEFORE_INDEX, so that its facts
   * cost time linear in its size, not in its size times its crashes. */
  guint          name_lookups;
  guint          word_lookups;
  guint          key_lookups;
  GHashTable    *definer_index;  /* name -> GArray of cells, every name */
  GHashTable    *deleter_index;
  GHashTable    *words;          /* every word of the notebook */
  GHashTable    *folded;         /* lower-case word -> its spelling, "" when spelt two ways */
  gboolean       keys_indexed;   /* removed_keys holds every key */
};

#define LOOKUPS_BEFORE_INDEX 4

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
  g_clear_pointer (&self->names, g_hash_table_unref);
  g_clear_pointer (&self->removed_keys, g_hash_table_unref);
  g_clear_pointer (&self->definer_index, g_hash_table_unref);
  g_clear_pointer (&self->deleter_index, g_hash_table_unref);
  g_clear_pointer (&self->words, g_hash_table_unref);
  g_clear_pointer (&self->folded, g_hash_table_unref);
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

/* Calls @func for each name "del a, b[0], c" at the start of a line of
 * @source unbinds (a and c here); stops when it returns TRUE, and says so. */
static gboolean
foreach_deleted_name (const char *source,
                      gboolean  (*func) (const char *name,
                                         gpointer    data),
                      gpointer    data)
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
              if (p != target && *p == '\0' && !g_ascii_isdigit (target[0]) && func (target, data))
                return TRUE;
            }
        }
      line = end ? end + 1 : NULL;
    }
  return FALSE;
}

static gboolean
is_name (const char *deleted,
         gpointer    name)
{
  return strcmp (deleted, name) == 0;
}

static gboolean
deletes_name (const char *source,
              const char *name)
{
  return foreach_deleted_name (source, is_name, (gpointer)name);
}

typedef struct
{
  GArray *definers;  /* guint cells, NULL for none */
  GArray *deleters;
} NameCells;

static void
name_cells_free (gpointer data)
{
  NameCells *cells = data;

  g_clear_pointer (&cells->definers, g_array_unref);
  g_clear_pointer (&cells->deleters, g_array_unref);
  g_free (cells);
}

static void
append_cell (GArray **cells,
             guint    cell)
{
  if (*cells == NULL)
    *cells = g_array_new (FALSE, FALSE, sizeof (guint));
  g_array_append_val (*cells, cell);
}

static void
array_unref (gpointer data)
{
  g_array_unref (data);
}

static void
index_add_cell (GHashTable *table,
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

typedef struct
{
  GHashTable *table;
  guint       cell;
} Deletions;

static gboolean
index_deletion (const char *name,
                gpointer    data)
{
  Deletions *deletions = data;

  index_add_cell (deletions->table, name, deletions->cell);
  return FALSE;
}

/* Every name's defining and deleting cells, every code cell tokenized once. */
static void
index_definitions (AtlasNotebookFacts *self)
{
  guint n = self->notebook ? atlas_notebook_get_n_cells (self->notebook) : 0;

  self->definer_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, array_unref);
  self->deleter_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, array_unref);
  if (n == 0)
    return;
  atlas_notebook_ensure_names (self->notebook);
  for (guint i = 0; i < n; i++)
    {
      const AtlasCell *cell = atlas_notebook_get_cell (self->notebook, i);

      if (cell->kind != ATLAS_CELL_CODE)
        continue;
      for (guint k = 0; cell->defines != NULL && cell->defines[k] != NULL; k++)
        index_add_cell (self->definer_index, cell->defines[k], i);
      foreach_deleted_name (cell->source, index_deletion, &(Deletions) { self->deleter_index, i });
    }
}

static GArray *
copy_cells (GArray *cells)
{
  return cells != NULL && cells->len > 0 ? g_array_copy (cells) : NULL;
}

/* The cells that define or delete @name, looked up for that name alone: a
 * cell can only bind or delete a name that its code spells out, so only
 * the cells whose text holds it are tokenized. Indexing every name of the
 * notebook tokenized every code cell for each notebook with a missing name
 * (8% of a scan's instructions on the study-shaped corpus). */
static NameCells *
name_cells (AtlasNotebookFacts *self,
            const char         *name)
{
  guint n = self->notebook ? atlas_notebook_get_n_cells (self->notebook) : 0;
  NameCells *cells;

  if (self->names == NULL)
    self->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, name_cells_free);
  cells = g_hash_table_lookup (self->names, name);
  if (cells != NULL)
    return cells;

  cells = g_new0 (NameCells, 1);
  g_hash_table_insert (self->names, g_strdup (name), cells);
  if (self->definer_index == NULL && ++self->name_lookups > LOOKUPS_BEFORE_INDEX)
    index_definitions (self);
  if (self->definer_index != NULL)
    {
      cells->definers = copy_cells (g_hash_table_lookup (self->definer_index, name));
      cells->deleters = copy_cells (g_hash_table_lookup (self->deleter_index, name));
      return cells;
    }
  for (guint i = 0; i < n; i++)
    {
      const AtlasCell *cell = atlas_notebook_get_cell (self->notebook, i);

      if (cell->kind != ATLAS_CELL_CODE || (cell->source != NULL && strstr (cell->source, name) == NULL))
        continue;
      atlas_notebook_ensure_cell_names (self->notebook, i);
      if (cell->defines != NULL && g_strv_contains ((const char * const *)cell->defines, name))
        append_cell (&cells->definers, i);
      if (deletes_name (cell->source, name))
        append_cell (&cells->deleters, i);
    }
  return cells;
}

GArray *
atlas_notebook_facts_definers (AtlasNotebookFacts *self,
                               const char         *name)
{
  return name_cells (self, name)->definers;
}

GArray *
atlas_notebook_facts_deleters (AtlasNotebookFacts *self,
                               const char         *name)
{
  return name_cells (self, name)->deleters;
}

/* One insertion, deletion or substitution apart (both 3 letters or more). */
static gboolean
one_edit_apart (const char *a,
                gsize       la,
                const char *b,
                gsize       lb)
{
  gsize i = 0;

  if ((la > lb ? la - lb : lb - la) > 1 || MIN (la, lb) < 3 || (la == lb && memcmp (a, b, la) == 0))
    return FALSE;
  while (i < la && i < lb && a[i] == b[i])
    i++;
  if (la == lb)
    return memcmp (a + i + 1, b + i + 1, la - i - 1) == 0;
  return la > lb ? memcmp (a + i + 1, b + i, lb - i) == 0 : memcmp (a + i, b + i + 1, la - i) == 0;
}

/* Whether the word @word of @length is @name spelt another way: in other
 * letter case, or (for names of 3 letters or more) one edit away. */
static gboolean
is_similar_word (const char *word,
                 gsize       length,
                 const char *name,
                 gsize       name_len)
{
  if (length == name_len && g_ascii_strncasecmp (word, name, length) == 0)
    return memcmp (word, name, length) != 0;
  return one_edit_apart (word, length, name, name_len);
}

static gboolean
text_has_similar_word (const char *text,
                       const char *name,
                       gsize       name_len)
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
      if ((gsize)(p - start) + 1 >= name_len && (gsize)(p - start) <= name_len + 1 &&
          is_similar_word (start, p - start, name, name_len))
        return TRUE;
    }
  return FALSE;
}

/* A word of the notebook (of any cell, as identifiers are read: a letter or
 * "_", then letters, digits and "_") in another letter case than @name, or
 * one insertion, deletion or substitution from it (names of 3 letters or
 * more). The words are read where they stand, once per question, rather
 * than collected into tables: a notebook is asked about one or two names,
 * and building the tables cost more than reading the text. */
/* A word spelt two ways in one notebook ("df", "DF") folds to "": no single
 * spelling to suggest. */
static void
index_word (AtlasNotebookFacts *self,
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
index_words (AtlasNotebookFacts *self)
{
  guint n = self->notebook ? atlas_notebook_get_n_cells (self->notebook) : 0;

  self->words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->folded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < n; i++)
    for (const char *p = atlas_notebook_get_cell (self->notebook, i)->source; p != NULL && *p != '\0';)
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
        index_word (self, start, p - start);
      }
}

static const char word_chars[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_";

/* The same question as text_has_similar_word() asks of every cell, asked of
 * the index: the candidates one edit away are looked up. */
static gboolean
index_has_similar_word (AtlasNotebookFacts *self,
                        const char         *name,
                        gsize               len)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);
  g_autofree char *buffer = g_malloc (len + 2);
  const char *spelling = g_hash_table_lookup (self->folded, lower);

  if (spelling != NULL && (spelling[0] == '\0' || strcmp (spelling, name) != 0))
    return TRUE;
  if (len < 3)
    return FALSE;
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
            if (g_hash_table_contains (self->words, buffer))
              return TRUE;
          }
        memcpy (buffer, name, i);
        buffer[i] = *c;
        memcpy (buffer + i + 1, name + i, len - i + 1);
        if (g_hash_table_contains (self->words, buffer))
          return TRUE;
      }
  return FALSE;
}

gboolean
atlas_notebook_facts_has_similar_name (AtlasNotebookFacts *self,
                                       const char         *name)
{
  guint n = self->notebook ? atlas_notebook_get_n_cells (self->notebook) : 0;
  gsize len = strlen (name);

  if (self->notebook == NULL)
    return text_has_similar_word (self->cell_source, name, len);
  if (self->words == NULL && ++self->word_lookups > LOOKUPS_BEFORE_INDEX)
    index_words (self);
  if (self->words != NULL)
    return index_has_similar_word (self, name, len);
  for (guint i = 0; i < n; i++)
    if (text_has_similar_word (atlas_notebook_get_cell (self->notebook, i)->source, name, len))
      return TRUE;
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

/* Whether the code @source removes @key (scan_removed_keys() on it). */
static gboolean
removes_key (char       **calls,
             const char  *source,
             const char  *key)
{
  g_autoptr(GHashTable) keys = NULL;

  /* A key is a quoted string of the line that removes it. */
  if (source == NULL || strstr (source, key) == NULL)
    return FALSE;
  keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  scan_removed_keys (keys, calls, source, 0);
  return g_hash_table_contains (keys, key);
}

/* Looked up a key at a time, in the cells that spell it, as the definers
 * of a name are. */
int
atlas_notebook_facts_key_remover (AtlasNotebookFacts *self,
                                  const char         *key)
{
  char **calls = atlas_rule_set_get_key_removing_calls (self->rules);
  guint n = self->notebook ? atlas_notebook_get_n_cells (self->notebook) : 0;
  gpointer found;
  guint cell = 0;

  if (self->removed_keys == NULL)
    self->removed_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (g_hash_table_lookup_extended (self->removed_keys, key, NULL, &found))
    return GPOINTER_TO_UINT (found) - 1;
  if (self->keys_indexed)
    return -1;
  if (self->notebook != NULL && ++self->key_lookups > LOOKUPS_BEFORE_INDEX)
    {
      /* Every key any cell removes, with the first cell that does. */
      g_hash_table_remove_all (self->removed_keys);
      for (guint i = 0; i < n; i++)
        {
          const AtlasCell *c = atlas_notebook_get_cell (self->notebook, i);

          if (c->kind == ATLAS_CELL_CODE)
            scan_removed_keys (self->removed_keys, calls, c->source, i);
        }
      self->keys_indexed = TRUE;
      return GPOINTER_TO_UINT (g_hash_table_lookup (self->removed_keys, key)) - 1;
    }

  if (self->notebook == NULL)
    cell = removes_key (calls, self->cell_source, key) ? 1 : 0;
  for (guint i = 0; i < n && cell == 0; i++)
    {
      const AtlasCell *c = atlas_notebook_get_cell (self->notebook, i);

      if (c->kind == ATLAS_CELL_CODE && removes_key (calls, c->source, key))
        cell = i + 1;
    }
  g_hash_table_insert (self->removed_keys, g_strdup (key), GUINT_TO_POINTER (cell));
  return (int)cell - 1;
}

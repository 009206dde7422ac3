/* atlas-cluster.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-cluster"

#include "config.h"

#include <math.h>
#include <string.h>

#include "atlas-cluster.h"

/* Long values (a whole DataFrame printed in a KeyError) add nothing but time. */
#define MAX_MESSAGE 2000
#define EPSILON 1e-9

static gboolean
is_quote (char c)
{
  return c == '\'' || c == '"' || c == '`';
}

/* Skips a quoted name: up to the same quote on the same line. */
static const char *
skip_quoted (const char *p)
{
  const char *end = p + 1;

  while (*end != '\0' && *end != *p && *end != '\n')
    end++;
  return *end == *p ? end + 1 : p + 1;
}

/* A token with a path separator or a dot inside is a path or file name. */
static gboolean
is_path (const char *start,
         gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (start[i] == '/' || start[i] == '\\' || (start[i] == '.' && i > 0 && i + 1 < len))
      return TRUE;
  return FALSE;
}

/* Words kept so far, as (offset, length) into the output: messages are
 * short, so a linear look-up beats hashing. */
typedef struct
{
  GString *out;
  GArray  *words;  /* guint pairs */
} Words;

static gboolean
already_has (Words      *w,
             const char *word,
             gsize       len)
{
  for (guint i = 0; i < w->words->len; i += 2)
    {
      guint off = g_array_index (w->words, guint, i), n = g_array_index (w->words, guint, i + 1);

      if (n == len && g_ascii_strncasecmp (w->out->str + off, word, len) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
add_words (Words      *w,
           const char *token,
           gsize       len)
{
  const char *p = token, *end = token + len;

  while (p < end)
    {
      const char *start = p;
      guint off;

      while (start < end && !g_ascii_isalpha (*start))
        start++;
      for (p = start; p < end && (g_ascii_isalpha (*p) || *p == '_'); p++)
        ;
      if (p == start)
        break;
      /* Words glued to digits are numbers with units ("3GiB") or ids. */
      if ((start > token && g_ascii_isdigit (start[-1])) || (p < end && g_ascii_isdigit (*p)))
        continue;
      if (already_has (w, start, p - start))
        continue;
      if (w->out->len > 0)
        g_string_append_c (w->out, ' ');
      off = w->out->len;
      g_string_append_len (w->out, start, p - start);
      for (guint i = off; i < w->out->len; i++)
        w->out->str[i] = g_ascii_tolower (w->out->str[i]);
      g_array_append_val (w->words, off);
      g_array_append_val (w->words, (guint){ p - start });
    }
}

char *
atlas_cluster_normalize (const char *message)
{
  Words w = { g_string_new (NULL), g_array_new (FALSE, FALSE, sizeof (guint)) };
  const char *p = message ? message : "";
  const char *limit = p + strnlen (p, MAX_MESSAGE);

  while (p < limit)
    {
      const char *start = p;

      if (is_quote (*p))
        {
          p = skip_quoted (p);
          continue;
        }
      while (p < limit && !g_ascii_isspace (*p) && !is_quote (*p))
        p++;
      if (p > start && !is_path (start, p - start))
        add_words (&w, start, p - start);
      while (p < limit && g_ascii_isspace (*p))
        p++;
    }
  g_array_unref (w.words);
  return g_string_free (w.out, FALSE);
}

typedef struct
{
  guint *tokens;   /* ranks, ascending (rarest word first) */
  guint  n;
  guint  first;    /* the first message with this word set */
} WordSet;

typedef struct
{
  GHashTable *by_text;   /* normalised text -> index into sets */
  GArray     *sets;      /* WordSet */
  guint      *set_of;    /* message -> set */
  guint      *parent;    /* union-find over sets */
} Clustering;

static guint
find_root (guint *parent,
           guint  x)
{
  while (parent[x] != x)
    {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
  return x;
}

static void
join (guint *parent,
      guint  a,
      guint  b)
{
  a = find_root (parent, a);
  b = find_root (parent, b);
  if (a != b)
    parent[MAX (a, b)] = MIN (a, b);
}

static int
compare_guint (gconstpointer a,
               gconstpointer b)
{
  guint x = *(const guint *)a, y = *(const guint *)b;

  return x < y ? -1 : x > y;
}

static int
compare_guint64 (const void *a,
                 const void *b)
{
  guint64 x = *(const guint64 *)a, y = *(const guint64 *)b;

  return x < y ? -1 : x > y;
}

/* Distinct normalised messages become word sets of word ids. */
static void
collect_sets (Clustering         *c,
              const char * const *messages,
              guint               n_messages,
              GHashTable         *words,
              GArray             *counts)
{
  for (guint i = 0; i < n_messages; i++)
    {
      char *text = atlas_cluster_normalize (messages[i]);
      gpointer found;

      if (g_hash_table_lookup_extended (c->by_text, text, NULL, &found))
        {
          c->set_of[i] = GPOINTER_TO_UINT (found);
          g_free (text);
          continue;
        }
      {
        g_auto(GStrv) parts = g_strsplit (text, " ", -1);
        WordSet set = { g_new (guint, g_strv_length (parts) + 1), 0, i };

        for (guint k = 0; parts[k] != NULL; k++)
          {
            gpointer id;

            if (parts[k][0] == '\0')
              continue;
            if (!g_hash_table_lookup_extended (words, parts[k], NULL, &id))
              {
                id = GUINT_TO_POINTER (g_hash_table_size (words));
                g_hash_table_insert (words, g_strdup (parts[k]), id);
                g_array_append_val (counts, (guint){ 0 });
              }
            set.tokens[set.n++] = GPOINTER_TO_UINT (id);
          }
        c->set_of[i] = c->sets->len;
        g_hash_table_insert (c->by_text, text, GUINT_TO_POINTER (c->sets->len));
        g_array_append_val (c->sets, set);
      }
    }
}

/* Renumbers words by how many distinct sets hold them, rarest first, so a
 * set's prefix holds its rarest words (the prefix filter's candidates). */
static void
rank_tokens (Clustering *c,
             GArray     *counts)
{
  guint n_words = counts->len;
  g_autofree guint64 *keys = g_new (guint64, n_words);
  g_autofree guint *rank = g_new (guint, n_words);

  for (guint s = 0; s < c->sets->len; s++)
    {
      WordSet *set = &g_array_index (c->sets, WordSet, s);

      for (guint k = 0; k < set->n; k++)
        g_array_index (counts, guint, set->tokens[k])++;
    }
  for (guint w = 0; w < n_words; w++)
    keys[w] = ((guint64)g_array_index (counts, guint, w) << 32) | w;
  if (n_words > 0)
    qsort (keys, n_words, sizeof (guint64), compare_guint64);
  for (guint r = 0; r < n_words; r++)
    rank[keys[r] & G_MAXUINT32] = r;
  for (guint s = 0; s < c->sets->len; s++)
    {
      WordSet *set = &g_array_index (c->sets, WordSet, s);

      for (guint k = 0; k < set->n; k++)
        set->tokens[k] = rank[set->tokens[k]];
      if (set->n > 1)
        qsort (set->tokens, set->n, sizeof (guint), compare_guint);
    }
}

static guint
min_overlap_size (guint n)
{
  return (guint)ceil (ATLAS_CLUSTER_THRESHOLD * n - EPSILON);
}

static gboolean
similar (const WordSet *a,
         const WordSet *b)
{
  guint i = 0, j = 0, common = 0, all;

  while (i < a->n && j < b->n)
    {
      if (a->tokens[i] == b->tokens[j])
        common++, i++, j++;
      else if (a->tokens[i] < b->tokens[j])
        i++;
      else
        j++;
    }
  all = a->n + b->n - common;
  return all == 0 || common >= ATLAS_CLUSTER_THRESHOLD * all - EPSILON;
}

static int
compare_by_size (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  GArray *sets = user_data;
  guint x = g_array_index (sets, WordSet, *(const guint *)a).n;
  guint y = g_array_index (sets, WordSet, *(const guint *)b).n;

  if (x != y)
    return x < y ? -1 : 1;
  return compare_guint (a, b);
}

/* Prefix filtering (an exact set-similarity join): with the words of every
 * set in the same global order, two sets with Jaccard >= t share a word
 * among the first n - ceil(t n) + 1 of each. Only those pairs are checked. */
static void
join_similar (Clustering *c,
              guint       n_words)
{
  guint n_sets = c->sets->len;
  g_autofree guint *order = g_new (guint, n_sets);
  g_autofree guint *stamp = g_new (guint, n_sets);
  g_autofree guint *start = g_new0 (guint, n_words);
  GArray **index = g_new0 (GArray *, n_words);

  for (guint s = 0; s < n_sets; s++)
    order[s] = s, stamp[s] = G_MAXUINT;
  if (n_sets > 0)
    g_qsort_with_data (order, n_sets, sizeof (guint), compare_by_size, c->sets);
  for (guint o = 0; o < n_sets; o++)
    {
      guint s = order[o];
      WordSet *set = &g_array_index (c->sets, WordSet, s);
      guint min_size = min_overlap_size (set->n);
      guint prefix = set->n - min_size + 1;

      for (guint k = 0; k < prefix && k < set->n; k++)
        {
          guint token = set->tokens[k];
          GArray *list = index[token];

          for (guint e = list ? start[token] : 0; list != NULL && e < list->len; e++)
            {
              guint r = g_array_index (list, guint, e);

              if (g_array_index (c->sets, WordSet, r).n < min_size)
                {
                  start[token] = e + 1;  /* too small for this and every later set */
                  continue;
                }
              if (stamp[r] == s)
                continue;
              stamp[r] = s;
              if (find_root (c->parent, r) != find_root (c->parent, s)
                  && similar (set, &g_array_index (c->sets, WordSet, r)))
                join (c->parent, r, s);
            }
        }
      for (guint k = 0; k < prefix && k < set->n; k++)
        {
          if (index[set->tokens[k]] == NULL)
            index[set->tokens[k]] = g_array_new (FALSE, FALSE, sizeof (guint));
          g_array_append_val (index[set->tokens[k]], s);
        }
    }
  for (guint w = 0; w < n_words; w++)
    if (index[w] != NULL)
      g_array_unref (index[w]);
  g_free (index);
}

typedef struct
{
  guint root;
  guint size;
  guint first;
} Group;

static int
compare_groups (gconstpointer a,
                gconstpointer b)
{
  const Group *x = a, *y = b;

  if (x->size != y->size)
    return x->size > y->size ? -1 : 1;
  return x->first < y->first ? -1 : x->first > y->first;
}

/* Numbers the components from the largest down, ties by first appearance. */
static guint *
number_clusters (Clustering *c,
                 guint       n_messages,
                 guint      *n_clusters)
{
  guint n_sets = c->sets->len;
  g_autofree Group *groups = g_new0 (Group, n_sets);
  g_autofree guint *number = g_new (guint, n_sets);
  guint *result = g_new (guint, MAX (n_messages, 1));
  guint n = 0;

  for (guint s = 0; s < n_sets; s++)
    groups[s].first = G_MAXUINT;
  for (guint i = 0; i < n_messages; i++)
    {
      Group *g = &groups[find_root (c->parent, c->set_of[i])];

      g->size++;
      g->first = MIN (g->first, i);
    }
  for (guint s = 0; s < n_sets; s++)
    if (groups[s].size > 0)
      groups[n] = groups[s], groups[n++].root = s;
  if (n > 0)
    qsort (groups, n, sizeof (Group), compare_groups);
  for (guint k = 0; k < n; k++)
    number[groups[k].root] = k;
  for (guint i = 0; i < n_messages; i++)
    result[i] = number[find_root (c->parent, c->set_of[i])];
  *n_clusters = n;
  return result;
}

guint *
atlas_cluster_messages (const char * const *messages,
                        guint               n_messages,
                        guint              *n_clusters)
{
  g_autoptr(GHashTable) words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) counts = g_array_new (FALSE, FALSE, sizeof (guint));
  Clustering c = { 0 };
  guint unused, *result;

  g_return_val_if_fail (messages != NULL || n_messages == 0, NULL);

  if (n_clusters == NULL)
    n_clusters = &unused;
  c.by_text = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  c.sets = g_array_new (FALSE, FALSE, sizeof (WordSet));
  c.set_of = g_new (guint, MAX (n_messages, 1));
  collect_sets (&c, messages, n_messages, words, counts);
  rank_tokens (&c, counts);
  c.parent = g_new (guint, MAX (c.sets->len, 1));
  for (guint s = 0; s < c.sets->len; s++)
    c.parent[s] = s;
  join_similar (&c, counts->len);
  result = number_clusters (&c, n_messages, n_clusters);

  for (guint s = 0; s < c.sets->len; s++)
    g_free (g_array_index (c.sets, WordSet, s).tokens);
  g_array_unref (c.sets);
  g_hash_table_unref (c.by_text);
  g_free (c.set_of);
  g_free (c.parent);
  return result;
}

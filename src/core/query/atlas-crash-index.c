/* atlas-crash-index.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-crash-index"

#include "config.h"

#include "atlas-crash-index.h"
#include "atlas-filter-private.h"

#define INDEX_QUARK_NAME "atlas-crash-index"

static inline guint8
clamp_label (int value)
{
  return (guint)value <= G_MAXUINT8 ? (guint8)value : G_MAXUINT8;
}

static void
crash_index_free (gpointer data)
{
  AtlasCrashIndex *self = data;

  g_signal_handlers_disconnect_by_data (self->corpus, self);
  g_free (self->platform);
  g_free (self->stage);
  g_free (self->ml_bug);
  g_free (self->root_cause);
  g_free (self->crash_type);
  g_free (self->library);
  g_free (self->detail);
  g_free (self->notebook);
  g_ptr_array_unref (self->library_names);
  g_hash_table_unref (self->library_ids);
  g_ptr_array_unref (self->detail_names);
  g_array_unref (self->detail_causes);
  for (guint i = 0; i < ATLAS_N_ROOT_CAUSES; i++)
    g_hash_table_unref (self->detail_ids[i]);
  g_free (self);
}

/* Crashes removed (the corpus was cleared): forget them and what follows.
 * The names keep their ids; a reload mostly brings the same ones back. */
static void
corpus_items_changed_cb (AtlasCorpus     *corpus,
                         guint            position,
                         guint            removed,
                         guint            added,
                         AtlasCrashIndex *self)
{
  if (removed > 0 && position < self->n)
    self->n = position;
}

static void
reserve (AtlasCrashIndex *self,
         guint            n)
{
  if (n <= self->capacity)
    return;
  self->capacity = MAX (n, self->capacity * 2);
  self->platform = g_renew (guint8, self->platform, self->capacity);
  self->stage = g_renew (guint8, self->stage, self->capacity);
  self->ml_bug = g_renew (guint8, self->ml_bug, self->capacity);
  self->root_cause = g_renew (guint8, self->root_cause, self->capacity);
  self->crash_type = g_renew (guint8, self->crash_type, self->capacity);
  self->library = g_renew (guint32, self->library, self->capacity);
  self->detail = g_renew (guint32, self->detail, self->capacity);
  self->notebook = g_renew (guint32, self->notebook, self->capacity);
}

static guint32
library_id (AtlasCrashIndex *self,
            const char      *name)
{
  gpointer id;
  char *key;

  if (name == NULL)
    return 0;
  if (g_hash_table_lookup_extended (self->library_ids, name, NULL, &id))
    return GPOINTER_TO_UINT (id);
  key = g_strdup (name);
  g_ptr_array_add (self->library_names, key);
  g_hash_table_insert (self->library_ids, key, GUINT_TO_POINTER (self->library_names->len - 1));
  return self->library_names->len - 1;
}

/* Finer causes are told apart per root cause, as the charts count them;
 * a cause out of range counts as unset there, and so here. */
static guint32
detail_id (AtlasCrashIndex *self,
           guint8           cause,
           const char      *detail)
{
  guint8 c = cause < ATLAS_N_ROOT_CAUSES ? cause : 0;
  gpointer id;
  char *key;

  if (detail == NULL)
    return 0;
  if (g_hash_table_lookup_extended (self->detail_ids[c], detail, NULL, &id))
    return GPOINTER_TO_UINT (id);
  key = g_strdup (detail);
  g_ptr_array_add (self->detail_names, key);
  g_array_append_val (self->detail_causes, c);
  g_hash_table_insert (self->detail_ids[c], key, GUINT_TO_POINTER (self->detail_names->len - 1));
  return self->detail_names->len - 1;
}

/* Names repeat from crash to crash: a one-entry memo per field saves most
 * hash lookups (and the key building of finer causes). */
typedef struct
{
  const char *library;
  guint32     library_id;
  const char *detail;
  guint8      detail_cause;
  guint32     detail_id;
  const char *location;     /* of the crash indexed last */
} Memo;

static void
index_crash (AtlasCrashIndex *self,
             guint            i,
             AtlasCrash      *crash,
             Memo            *memo)
{
  const AtlasClassification *c = atlas_crash_get_classification (crash);
  guint8 cause = clamp_label (c->root_cause);

  self->platform[i] = clamp_label (atlas_crash_get_platform (crash));
  self->stage[i] = clamp_label (c->stage);
  self->ml_bug[i] = clamp_label (c->ml_bug);
  self->root_cause[i] = cause;
  self->crash_type[i] = clamp_label (c->crash_type);
  if (c->library == NULL || memo->library == NULL || g_strcmp0 (c->library, memo->library) != 0)
    {
      memo->library = c->library;
      memo->library_id = library_id (self, c->library);
    }
  self->library[i] = c->library != NULL ? memo->library_id : 0;
  if (c->root_cause_detail == NULL)
    self->detail[i] = 0;
  else
    {
      if (memo->detail == NULL || memo->detail_cause != cause ||
          g_strcmp0 (c->root_cause_detail, memo->detail) != 0)
        {
          memo->detail = c->root_cause_detail;
          memo->detail_cause = cause;
          memo->detail_id = detail_id (self, cause, c->root_cause_detail);
        }
      self->detail[i] = memo->detail_id;
    }
}

static AtlasCrashIndex *
crash_index_new (AtlasCorpus *corpus)
{
  AtlasCrashIndex *self = g_new0 (AtlasCrashIndex, 1);

  self->corpus = corpus;
  self->library_names = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->library_names, NULL);
  self->library_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->detail_names = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->detail_names, NULL);
  self->detail_causes = g_array_new (FALSE, TRUE, sizeof (guint8));
  g_array_set_size (self->detail_causes, 1);
  for (guint i = 0; i < ATLAS_N_ROOT_CAUSES; i++)
    self->detail_ids[i] = g_hash_table_new (g_str_hash, g_str_equal);
  g_signal_connect (corpus, "items-changed", G_CALLBACK (corpus_items_changed_cb), self);
  return self;
}

static GQuark
index_quark (void)
{
  static GQuark quark;

  if (quark == 0)
    quark = g_quark_from_static_string (INDEX_QUARK_NAME);
  return quark;
}

void
_atlas_crash_index_adopt (AtlasCorpus *corpus,
                          AtlasCorpus *from)
{
  AtlasCrashIndex *self = g_object_steal_qdata (G_OBJECT (from), index_quark ());

  if (self == NULL)
    return;
  g_signal_handlers_disconnect_by_data (from, self);
  self->corpus = corpus;
  g_signal_connect (corpus, "items-changed", G_CALLBACK (corpus_items_changed_cb), self);
  /* Frees the index @corpus had, disconnecting it. */
  g_object_set_qdata_full (G_OBJECT (corpus), index_quark (), self, crash_index_free);
}

AtlasCrashIndex *
_atlas_crash_index_get (AtlasCorpus *corpus)
{
  AtlasCrashIndex *self;
  Memo memo = { 0 };
  guint n;

  g_return_val_if_fail (ATLAS_IS_CORPUS (corpus), NULL);

  self = g_object_get_qdata (G_OBJECT (corpus), index_quark ());
  if (self == NULL)
    {
      self = crash_index_new (corpus);
      g_object_set_qdata_full (G_OBJECT (corpus), index_quark (), self, crash_index_free);
    }
  n = atlas_corpus_get_n_crashes (corpus);
  self->n = MIN (self->n, n);
  reserve (self, n);
  for (; self->n < n; self->n++)
    {
      AtlasCrash *crash = atlas_corpus_get_crash (corpus, self->n);
      const char *location = atlas_crash_get_location (crash);

      index_crash (self, self->n, crash, &memo);
      if (self->n > 0 && memo.location == NULL)
        memo.location = atlas_crash_get_location (atlas_corpus_get_crash (corpus, self->n - 1));
      if (self->n == 0)
        self->notebook[0] = 0;
      else
        self->notebook[self->n] = self->notebook[self->n - 1] + (g_strcmp0 (location, memo.location) != 0);
      memo.location = location;
    }
  return self;
}

/* A filter as lookup tables over the index's values: one byte per value,
 * so a crash's verdict is seven loads and ANDs, without branches. */
typedef struct
{
  guint8  platform[256];
  guint8  stage[256];
  guint8  ml_bug[256];
  guint8  root_cause[256];
  guint8  crash_type[256];
  guint8 *library;
  guint8 *detail;
  gboolean cluster;   /* the cluster field is constrained: ask the crash */
  gboolean distinct;  /* copies left out: ask the crash */
} Compiled;

static void
compile_values (AtlasFilter      *filter,
                AtlasFilterField  field,
                guint8           *table)
{
  for (guint v = 0; v < 256; v++)
    table[v] = _atlas_filter_accepts_value (filter, field, v);
}

static guint8 *
compile_strings (AtlasFilter      *filter,
                 AtlasFilterField  field,
                 GPtrArray        *names)
{
  guint8 *table = g_new (guint8, names->len);

  for (guint id = 0; id < names->len; id++)
    table[id] = _atlas_filter_accepts_string (filter, field, g_ptr_array_index (names, id));
  return table;
}

static void
compile (AtlasCrashIndex *self,
         AtlasFilter     *filter,
         Compiled        *out)
{
  compile_values (filter, ATLAS_FILTER_FIELD_PLATFORM, out->platform);
  compile_values (filter, ATLAS_FILTER_FIELD_STAGE, out->stage);
  compile_values (filter, ATLAS_FILTER_FIELD_ML_BUG, out->ml_bug);
  compile_values (filter, ATLAS_FILTER_FIELD_ROOT_CAUSE, out->root_cause);
  compile_values (filter, ATLAS_FILTER_FIELD_CRASH_TYPE, out->crash_type);
  out->library = compile_strings (filter, ATLAS_FILTER_FIELD_LIBRARY, self->library_names);
  out->detail = compile_strings (filter, ATLAS_FILTER_FIELD_ROOT_CAUSE_DETAIL, self->detail_names);
  out->cluster = atlas_filter_has_field (filter, ATLAS_FILTER_FIELD_CLUSTER);
  out->distinct = atlas_filter_get_distinct_content (filter);
}

void
_atlas_crash_index_select (AtlasCrashIndex *self,
                           AtlasFilter     *filter,
                           guint            from,
                           guint            to,
                           GArray          *positions)
{
  Compiled c;

  g_return_if_fail (self != NULL);
  g_return_if_fail (filter == NULL || ATLAS_IS_FILTER (filter));
  g_return_if_fail (from <= to && to <= self->n);

  if (filter == NULL || atlas_filter_is_empty (filter))
    {
      guint start = positions->len;

      g_array_set_size (positions, start + (to - from));
      for (guint i = from; i < to; i++)
        g_array_index (positions, guint, start + i - from) = i;
      return;
    }
  compile (self, filter, &c);
  for (guint i = from; i < to; i++)
    {
      guint ok = c.platform[self->platform[i]] & c.stage[self->stage[i]] & c.ml_bug[self->ml_bug[i]] &
                 c.root_cause[self->root_cause[i]] & c.crash_type[self->crash_type[i]] &
                 c.library[self->library[i]] & c.detail[self->detail[i]];

      if (ok && c.cluster)
        ok = _atlas_filter_accepts_cluster (filter, atlas_crash_get_cluster (atlas_corpus_get_crash (self->corpus, i)));
      /* Copies are few and the choice rare: read from the crash. */
      if (ok && c.distinct)
        ok = !atlas_crash_get_copy (atlas_corpus_get_crash (self->corpus, i));
      if (ok)
        g_array_append_val (positions, i);
    }
  g_free (c.library);
  g_free (c.detail);
}

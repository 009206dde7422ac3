/* atlas-filter.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-filter"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "atlas-filter-private.h"

#define UNCLASSIFIED_ID "unclassified"

/* One field's constraint. Enumerated fields keep a bit mask (values < 64) so
 * that matching 92k crashes is a handful of bit tests each; strings and
 * clusters keep a hash set. */
typedef struct
{
  gboolean    constrained;
  gboolean    negated;
  guint64     mask;
  GHashTable *set;       /* char* (strings) or GINT_TO_POINTER (cluster) */
  gboolean    has_null;  /* strings: the unset value is in the set */
} FieldSet;

struct _AtlasFilter
{
  GObject  parent_instance;

  FieldSet fields[ATLAS_N_FILTER_FIELDS];
  gboolean distinct_content;  /* crashes of copies left out */
};

G_DEFINE_FINAL_TYPE (AtlasFilter, atlas_filter, G_TYPE_OBJECT)

enum { CHANGED, N_SIGNALS };

static guint signals[N_SIGNALS];

static const struct
{
  const char     *id;
  const char     *name;
  AtlasDimension  dimension;
} field_info[ATLAS_N_FILTER_FIELDS] = {
  { "platform", N_("Platform"), ATLAS_N_DIMENSIONS },
  { "stage", N_("Pipeline stage"), ATLAS_DIMENSION_STAGE },
  { "ml_bug", N_("Bug kind"), ATLAS_DIMENSION_ML_BUG },
  { "library", N_("Library"), ATLAS_DIMENSION_LIBRARY },
  { "root_cause", N_("Root cause"), ATLAS_DIMENSION_ROOT_CAUSE },
  { "root_cause_detail", N_("Finer cause"), ATLAS_N_DIMENSIONS },
  { "crash_type", N_("Crash type"), ATLAS_DIMENSION_CRASH_TYPE },
  { "cluster", N_("Message cluster"), ATLAS_N_DIMENSIONS },
};

const char *
atlas_filter_field_id (AtlasFilterField field)
{
  g_return_val_if_fail (field < ATLAS_N_FILTER_FIELDS, NULL);
  return field_info[field].id;
}

const char *
atlas_filter_field_display_name (AtlasFilterField field)
{
  g_return_val_if_fail (field < ATLAS_N_FILTER_FIELDS, NULL);
  return _(field_info[field].name);
}

gboolean
atlas_filter_field_from_id (const char       *id,
                            AtlasFilterField *field)
{
  for (guint i = 0; i < ATLAS_N_FILTER_FIELDS; i++)
    {
      if (g_strcmp0 (id, field_info[i].id) == 0)
        {
          *field = i;
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
atlas_filter_field_is_string (AtlasFilterField field)
{
  return field == ATLAS_FILTER_FIELD_LIBRARY || field == ATLAS_FILTER_FIELD_ROOT_CAUSE_DETAIL;
}

static gboolean
field_uses_set (AtlasFilterField field)
{
  return atlas_filter_field_is_string (field) || field == ATLAS_FILTER_FIELD_CLUSTER;
}

static GHashTable *
new_set (AtlasFilterField field)
{
  if (atlas_filter_field_is_string (field))
    return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return g_hash_table_new (NULL, NULL);
}

static gpointer
set_key_dup (AtlasFilterField field,
             gconstpointer    key)
{
  return atlas_filter_field_is_string (field) ? g_strdup (key) : (gpointer)key;
}

static void
field_set_reset (FieldSet *set)
{
  g_clear_pointer (&set->set, g_hash_table_unref);
  memset (set, 0, sizeof *set);
}

static void
field_set_copy (AtlasFilterField field,
                const FieldSet  *src,
                FieldSet        *dest)
{
  GHashTableIter iter;
  gpointer key;

  field_set_reset (dest);
  *dest = *src;
  dest->set = NULL;
  if (src->set == NULL)
    return;
  dest->set = new_set (field);
  g_hash_table_iter_init (&iter, src->set);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (dest->set, set_key_dup (field, key));
}

static void
emit_changed (AtlasFilter *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
atlas_filter_finalize (GObject *object)
{
  AtlasFilter *self = (AtlasFilter *)object;

  for (guint i = 0; i < ATLAS_N_FILTER_FIELDS; i++)
    field_set_reset (&self->fields[i]);

  G_OBJECT_CLASS (atlas_filter_parent_class)->finalize (object);
}

static void
atlas_filter_class_init (AtlasFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = atlas_filter_finalize;

  /**
   * AtlasFilter::changed:
   *
   * Emitted after any constraint was added, removed or changed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
atlas_filter_init (AtlasFilter *self)
{
}

AtlasFilter *
atlas_filter_new (void)
{
  return g_object_new (ATLAS_TYPE_FILTER, NULL);
}

AtlasFilter *
atlas_filter_copy (AtlasFilter *self)
{
  AtlasFilter *copy;

  g_return_val_if_fail (ATLAS_IS_FILTER (self), NULL);

  copy = atlas_filter_new ();
  for (guint i = 0; i < ATLAS_N_FILTER_FIELDS; i++)
    field_set_copy (i, &self->fields[i], &copy->fields[i]);
  copy->distinct_content = self->distinct_content;
  return copy;
}

static gboolean
sets_equal (GHashTable *a,
            GHashTable *b)
{
  GHashTableIter iter;
  gpointer key;
  guint na = a ? g_hash_table_size (a) : 0;
  guint nb = b ? g_hash_table_size (b) : 0;

  if (na != nb)
    return FALSE;
  if (na == 0)
    return TRUE;
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (b, key))
      return FALSE;
  return TRUE;
}

static gboolean
field_sets_equal (const FieldSet *a,
                  const FieldSet *b)
{
  if (a->constrained != b->constrained)
    return FALSE;
  if (!a->constrained)
    return TRUE;
  return a->negated == b->negated && a->mask == b->mask && a->has_null == b->has_null &&
         sets_equal (a->set, b->set);
}

gboolean
atlas_filter_equal (AtlasFilter *a,
                    AtlasFilter *b)
{
  g_return_val_if_fail (ATLAS_IS_FILTER (a), FALSE);
  g_return_val_if_fail (ATLAS_IS_FILTER (b), FALSE);

  for (guint i = 0; i < ATLAS_N_FILTER_FIELDS; i++)
    if (!field_sets_equal (&a->fields[i], &b->fields[i]))
      return FALSE;
  return a->distinct_content == b->distinct_content;
}

static inline gboolean
accepts_value (const FieldSet *set,
               guint           value)
{
  gboolean in = value < 64 && (set->mask & (G_GUINT64_CONSTANT (1) << value)) != 0;

  return !set->constrained || in != set->negated;
}

static inline gboolean
accepts_string (const FieldSet *set,
                const char     *value)
{
  gboolean in;

  if (!set->constrained)
    return TRUE;
  if (value == NULL)
    in = set->has_null;
  else
    in = set->set != NULL && g_hash_table_contains (set->set, value);
  return in != set->negated;
}

static inline gboolean
accepts_cluster (const FieldSet *set,
                 int             cluster)
{
  gboolean in;

  if (!set->constrained)
    return TRUE;
  in = set->set != NULL && g_hash_table_contains (set->set, GINT_TO_POINTER (cluster));
  return in != set->negated;
}

gboolean
atlas_filter_matches (AtlasFilter *self,
                      AtlasCrash  *crash)
{
  const AtlasClassification *c;
  const FieldSet *f;

  g_return_val_if_fail (ATLAS_IS_FILTER (self), FALSE);
  g_return_val_if_fail (ATLAS_IS_CRASH (crash), FALSE);

  f = self->fields;
  c = atlas_crash_get_classification (crash);
  if (self->distinct_content && atlas_crash_get_copy (crash))
    return FALSE;
  return accepts_value (&f[ATLAS_FILTER_FIELD_PLATFORM], atlas_crash_get_platform (crash)) &&
         accepts_value (&f[ATLAS_FILTER_FIELD_STAGE], c->stage) &&
         accepts_value (&f[ATLAS_FILTER_FIELD_ML_BUG], c->ml_bug) &&
         accepts_value (&f[ATLAS_FILTER_FIELD_ROOT_CAUSE], c->root_cause) &&
         accepts_value (&f[ATLAS_FILTER_FIELD_CRASH_TYPE], c->crash_type) &&
         accepts_string (&f[ATLAS_FILTER_FIELD_LIBRARY], c->library) &&
         accepts_string (&f[ATLAS_FILTER_FIELD_ROOT_CAUSE_DETAIL], c->root_cause_detail) &&
         accepts_cluster (&f[ATLAS_FILTER_FIELD_CLUSTER], atlas_crash_get_cluster (crash));
}

gboolean
_atlas_filter_accepts_value (AtlasFilter      *self,
                             AtlasFilterField  field,
                             guint             value)
{
  g_assert (!field_uses_set (field));
  return accepts_value (&self->fields[field], value);
}

gboolean
_atlas_filter_accepts_string (AtlasFilter      *self,
                              AtlasFilterField  field,
                              const char       *value)
{
  g_assert (atlas_filter_field_is_string (field));
  return accepts_string (&self->fields[field], value);
}

gboolean
_atlas_filter_accepts_cluster (AtlasFilter *self,
                               int          cluster)
{
  return accepts_cluster (&self->fields[ATLAS_FILTER_FIELD_CLUSTER], cluster);
}

gboolean
atlas_filter_matches_platform (AtlasFilter   *self,
                               AtlasPlatform  platform)
{
  g_return_val_if_fail (ATLAS_IS_FILTER (self), FALSE);

  return accepts_value (&self->fields[ATLAS_FILTER_FIELD_PLATFORM], platform);
}

gboolean
atlas_filter_is_empty (AtlasFilter *self)
{
  g_return_val_if_fail (ATLAS_IS_FILTER (self), TRUE);

  for (guint i = 0; i < ATLAS_N_FILTER_FIELDS; i++)
    if (self->fields[i].constrained)
      return FALSE;
  return !self->distinct_content;
}

gboolean
atlas_filter_get_distinct_content (AtlasFilter *self)
{
  g_return_val_if_fail (ATLAS_IS_FILTER (self), FALSE);
  return self->distinct_content;
}

void
atlas_filter_set_distinct_content (AtlasFilter *self,
                                   gboolean     distinct)
{
  g_return_if_fail (ATLAS_IS_FILTER (self));

  if (self->distinct_content == (distinct != FALSE))
    return;
  self->distinct_content = distinct != FALSE;
  emit_changed (self);
}

gboolean
atlas_filter_has_field (AtlasFilter      *self,
                        AtlasFilterField  field)
{
  g_return_val_if_fail (ATLAS_IS_FILTER (self), FALSE);
  g_return_val_if_fail (field < ATLAS_N_FILTER_FIELDS, FALSE);

  return self->fields[field].constrained;
}

gboolean
atlas_filter_get_negated (AtlasFilter      *self,
                          AtlasFilterField  field)
{
  g_return_val_if_fail (ATLAS_IS_FILTER (self), FALSE);
  g_return_val_if_fail (field < ATLAS_N_FILTER_FIELDS, FALSE);

  return self->fields[field].negated;
}

void
atlas_filter_set_negated (AtlasFilter      *self,
                          AtlasFilterField  field,
                          gboolean          negated)
{
  g_return_if_fail (ATLAS_IS_FILTER (self));
  g_return_if_fail (field < ATLAS_N_FILTER_FIELDS);

  if (self->fields[field].negated == !!negated)
    return;
  self->fields[field].negated = !!negated;
  emit_changed (self);
}

void
atlas_filter_add_value (AtlasFilter      *self,
                        AtlasFilterField  field,
                        int               value)
{
  FieldSet *set;

  g_return_if_fail (ATLAS_IS_FILTER (self));
  g_return_if_fail (field < ATLAS_N_FILTER_FIELDS && !atlas_filter_field_is_string (field));

  set = &self->fields[field];
  if (field == ATLAS_FILTER_FIELD_CLUSTER)
    {
      if (set->set == NULL)
        set->set = new_set (field);
      g_hash_table_add (set->set, GINT_TO_POINTER (value));
    }
  else
    {
      g_return_if_fail (value >= 0 && value < 64);
      set->mask |= G_GUINT64_CONSTANT (1) << value;
    }
  set->constrained = TRUE;
  emit_changed (self);
}

void
atlas_filter_add_string (AtlasFilter      *self,
                         AtlasFilterField  field,
                         const char       *value)
{
  FieldSet *set;

  g_return_if_fail (ATLAS_IS_FILTER (self));
  g_return_if_fail (atlas_filter_field_is_string (field));

  set = &self->fields[field];
  if (value == NULL)
    set->has_null = TRUE;
  else
    {
      if (set->set == NULL)
        set->set = new_set (field);
      g_hash_table_add (set->set, g_strdup (value));
    }
  set->constrained = TRUE;
  emit_changed (self);
}

static guint
n_enum_values (AtlasFilterField field)
{
  if (field == ATLAS_FILTER_FIELD_PLATFORM)
    return ATLAS_N_PLATFORMS;
  return atlas_dimension_n_values (field_info[field].dimension);
}

/* Parses @id for @field: *@value for enumerated fields and clusters, or
 * *@string (NULL for unset) for string fields. */
static gboolean
parse_id (AtlasFilterField   field,
          const char        *id,
          int               *value,
          const char       **string)
{
  guint v;

  if (atlas_filter_field_is_string (field))
    {
      *string = g_strcmp0 (id, UNCLASSIFIED_ID) == 0 ? NULL : id;
      return id != NULL && *id != '\0';
    }
  if (field == ATLAS_FILTER_FIELD_CLUSTER)
    {
      char *end = NULL;
      long n;

      if (g_strcmp0 (id, UNCLASSIFIED_ID) == 0)
        {
          *value = -1;
          return TRUE;
        }
      n = id != NULL ? strtol (id, &end, 10) : 0;
      *value = (int)n;
      return id != NULL && *id != '\0' && *end == '\0' && n >= -1 && n <= G_MAXINT;
    }
  if (field == ATLAS_FILTER_FIELD_PLATFORM)
    {
      AtlasPlatform platform;

      if (!atlas_platform_from_string (id, &platform))
        return FALSE;
      *value = platform;
      return TRUE;
    }
  if (g_strcmp0 (id, UNCLASSIFIED_ID) == 0)
    {
      *value = 0;
      return TRUE;
    }
  if (!atlas_dimension_value_from_id (field_info[field].dimension, id, &v))
    return FALSE;
  *value = v;
  return TRUE;
}

gboolean
atlas_filter_add_id (AtlasFilter       *self,
                     AtlasFilterField   field,
                     const char        *id,
                     GError           **error)
{
  int value = 0;
  const char *string = NULL;

  g_return_val_if_fail (ATLAS_IS_FILTER (self), FALSE);
  g_return_val_if_fail (field < ATLAS_N_FILTER_FIELDS, FALSE);

  if (!parse_id (field, id, &value, &string))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a value of %s"), id ? id : "", field_info[field].id);
      return FALSE;
    }
  if (atlas_filter_field_is_string (field))
    atlas_filter_add_string (self, field, string);
  else
    atlas_filter_add_value (self, field, value);
  return TRUE;
}

static gboolean
field_set_is_empty (const FieldSet *set)
{
  return set->mask == 0 && !set->has_null && (set->set == NULL || g_hash_table_size (set->set) == 0);
}

void
atlas_filter_remove_id (AtlasFilter      *self,
                        AtlasFilterField  field,
                        const char       *id)
{
  FieldSet *set;
  int value = 0;
  const char *string = NULL;

  g_return_if_fail (ATLAS_IS_FILTER (self));
  g_return_if_fail (field < ATLAS_N_FILTER_FIELDS);

  set = &self->fields[field];
  if (!set->constrained || !parse_id (field, id, &value, &string))
    return;
  if (atlas_filter_field_is_string (field) && string == NULL)
    set->has_null = FALSE;
  else if (atlas_filter_field_is_string (field))
    g_hash_table_remove (set->set, string);
  else if (field == ATLAS_FILTER_FIELD_CLUSTER)
    g_hash_table_remove (set->set, GINT_TO_POINTER (value));
  else
    set->mask &= ~(G_GUINT64_CONSTANT (1) << value);
  if (field_set_is_empty (set))
    field_set_reset (set);
  emit_changed (self);
}

void
atlas_filter_clear_field (AtlasFilter      *self,
                          AtlasFilterField  field)
{
  g_return_if_fail (ATLAS_IS_FILTER (self));
  g_return_if_fail (field < ATLAS_N_FILTER_FIELDS);

  if (!self->fields[field].constrained)
    return;
  field_set_reset (&self->fields[field]);
  emit_changed (self);
}

void
atlas_filter_clear (AtlasFilter *self)
{
  g_return_if_fail (ATLAS_IS_FILTER (self));

  if (atlas_filter_is_empty (self))
    return;
  for (guint i = 0; i < ATLAS_N_FILTER_FIELDS; i++)
    field_set_reset (&self->fields[i]);
  self->distinct_content = FALSE;
  emit_changed (self);
}

static char *
value_id (AtlasFilterField field,
          int              value)
{
  const char *id;

  if (field == ATLAS_FILTER_FIELD_CLUSTER)
    return g_strdup_printf ("%d", value);
  if (field == ATLAS_FILTER_FIELD_PLATFORM)
    return g_strdup (atlas_platform_to_string (value));
  id = atlas_dimension_value_id (field_info[field].dimension, value);
  return g_strdup (id != NULL ? id : UNCLASSIFIED_ID);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(char * const *)a, *(char * const *)b);
}

static int
compare_ints (gconstpointer a,
              gconstpointer b)
{
  int ia = GPOINTER_TO_INT (*(gpointer const *)a), ib = GPOINTER_TO_INT (*(gpointer const *)b);

  return (ia > ib) - (ia < ib);
}

/* The values of a field in a stable order: enum order, numeric clusters,
 * sorted strings (unset first). */
static GPtrArray *
field_values (AtlasFilter      *self,
              AtlasFilterField  field)
{
  const FieldSet *set = &self->fields[field];
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  if (!set->constrained)
    return ids;
  if (!field_uses_set (field))
    {
      for (guint v = 0; v < n_enum_values (field); v++)
        if (set->mask & (G_GUINT64_CONSTANT (1) << v))
          g_ptr_array_add (ids, value_id (field, v));
      return ids;
    }
  if (set->set != NULL)
    {
      guint n_keys = 0;
      g_autofree gpointer *keys = g_hash_table_get_keys_as_array (set->set, &n_keys);

      qsort (keys, n_keys, sizeof (gpointer),
             field == ATLAS_FILTER_FIELD_CLUSTER ? compare_ints : compare_strings);
      for (guint i = 0; i < n_keys; i++)
        {
          gpointer key = keys[i];

          g_ptr_array_add (ids, field == ATLAS_FILTER_FIELD_CLUSTER
                                ? value_id (field, GPOINTER_TO_INT (key)) : g_strdup (key));
        }
    }
  if (set->has_null)
    g_ptr_array_insert (ids, 0, g_strdup (UNCLASSIFIED_ID));
  return ids;
}

char **
atlas_filter_dup_ids (AtlasFilter      *self,
                      AtlasFilterField  field)
{
  GPtrArray *ids;

  g_return_val_if_fail (ATLAS_IS_FILTER (self), NULL);
  g_return_val_if_fail (field < ATLAS_N_FILTER_FIELDS, NULL);

  ids = field_values (self, field);
  g_ptr_array_set_free_func (ids, NULL);
  g_ptr_array_add (ids, NULL);
  return (char **)g_ptr_array_free (ids, FALSE);
}

/* a ∩ b for hash sets (strings or clusters) into a new set. */
static GHashTable *
set_op (AtlasFilterField  field,
        GHashTable       *a,
        GHashTable       *b,
        gboolean          keep_if_in_b)
{
  GHashTable *result = new_set (field);
  GHashTableIter iter;
  gpointer key;

  if (a == NULL)
    return result;
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      gboolean in_b = b != NULL && g_hash_table_contains (b, key);

      if (in_b == keep_if_in_b)
        g_hash_table_add (result, set_key_dup (field, key));
    }
  return result;
}

static GHashTable *
set_union (AtlasFilterField  field,
           GHashTable       *a,
           GHashTable       *b)
{
  GHashTable *result = set_op (field, a, NULL, FALSE);
  GHashTableIter iter;
  gpointer key;

  if (b == NULL)
    return result;
  g_hash_table_iter_init (&iter, b);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (result, set_key_dup (field, key));
  return result;
}

/* Narrows @a by @b where both constrain the field. In terms of "accepted
 * sets" A, B and refused sets: A∩B, A−B', B−A', and (A'∪B') refused. */
static void
field_set_intersect (AtlasFilterField  field,
                     FieldSet         *a,
                     const FieldSet   *b)
{
  GHashTable *set;

  if (!a->negated && !b->negated)
    {
      a->mask &= b->mask;
      a->has_null = a->has_null && b->has_null;
      set = set_op (field, a->set, b->set, TRUE);
    }
  else if (!a->negated)
    {
      a->mask &= ~b->mask;
      a->has_null = a->has_null && !b->has_null;
      set = set_op (field, a->set, b->set, FALSE);
    }
  else if (!b->negated)
    {
      a->mask = b->mask & ~a->mask;
      a->has_null = b->has_null && !a->has_null;
      set = set_op (field, b->set, a->set, FALSE);
      a->negated = FALSE;
    }
  else
    {
      a->mask |= b->mask;
      a->has_null = a->has_null || b->has_null;
      set = set_union (field, a->set, b->set);
    }
  g_clear_pointer (&a->set, g_hash_table_unref);
  a->set = field_uses_set (field) ? set : (g_hash_table_unref (set), NULL);
}

void
atlas_filter_intersect (AtlasFilter *self,
                        AtlasFilter *other)
{
  g_return_if_fail (ATLAS_IS_FILTER (self));
  g_return_if_fail (ATLAS_IS_FILTER (other));

  for (guint i = 0; i < ATLAS_N_FILTER_FIELDS; i++)
    {
      const FieldSet *b = &other->fields[i];

      if (!b->constrained)
        continue;
      if (!self->fields[i].constrained)
        field_set_copy (i, b, &self->fields[i]);
      else
        field_set_intersect (i, &self->fields[i], b);
    }
  emit_changed (self);
}

/* A value's name for people. */
static char *
value_display_name (AtlasFilterField  field,
                    const char       *id)
{
  int value = 0;
  const char *string = NULL;
  const char *name = NULL;

  if (g_strcmp0 (id, UNCLASSIFIED_ID) == 0)
    return g_strdup (field == ATLAS_FILTER_FIELD_CLUSTER ? _("unclustered") : _("unclassified"));
  if (field_uses_set (field) || !parse_id (field, id, &value, &string))
    return g_strdup (id);
  if (field == ATLAS_FILTER_FIELD_PLATFORM)
    name = atlas_platform_display_name (value);
  else
    name = atlas_dimension_value_name (field_info[field].dimension, value);
  return g_strdup (name != NULL ? name : id);
}

char *
atlas_filter_describe_field (AtlasFilter      *self,
                             AtlasFilterField  field)
{
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GString) text = NULL;

  g_return_val_if_fail (ATLAS_IS_FILTER (self), NULL);
  g_return_val_if_fail (field < ATLAS_N_FILTER_FIELDS, NULL);

  if (!self->fields[field].constrained)
    return NULL;

  ids = field_values (self, field);
  text = g_string_new (atlas_filter_field_display_name (field));
  g_string_append (text, ": ");
  if (self->fields[field].negated)
    /* Translators: prefix of the refused values of a filter, "Library: not pandas, numpy" */
    g_string_append (text, _("not "));
  if (ids->len == 0)
    g_string_append (text, _("nothing"));
  for (guint i = 0; i < ids->len; i++)
    {
      g_autofree char *name = value_display_name (field, g_ptr_array_index (ids, i));

      if (i > 0)
        g_string_append (text, ", ");
      g_string_append (text, name);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

char *
atlas_filter_to_string (AtlasFilter *self)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (ATLAS_IS_FILTER (self), NULL);

  for (guint i = 0; i < ATLAS_N_FILTER_FIELDS; i++)
    {
      g_autoptr(GPtrArray) ids = NULL;

      if (!self->fields[i].constrained)
        continue;
      ids = field_values (self, i);
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append_printf (text, "%s%s", field_info[i].id, self->fields[i].negated ? "!=" : "=");
      if (ids->len == 0)
        g_string_append (text, "{}");
      for (guint j = 0; j < ids->len; j++)
        g_string_append_printf (text, "%s%s", j > 0 ? "," : "", (char *)g_ptr_array_index (ids, j));
    }
  return g_string_free (text, FALSE);
}

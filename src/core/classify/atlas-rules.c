/* atlas-rules.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-rules"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "atlas-classifier-error.h"
#include "atlas-fact.h"
#include "atlas-rules.h"

struct _AtlasRuleSet
{
  GPtrArray  *rules;                          /* AtlasRule, precedence order */
  GPtrArray  *by_dimension[ATLAS_N_DIMENSIONS];
  GHashTable *aliases;                        /* name -> package */
  GHashTable *packages;                       /* folder -> library ("" = not a library) */
  GHashTable *ml_packages;                    /* set */
  AtlasRegex *wrapper_messages;               /* [settings] wrapper-messages, or NULL */
  char      **key_removing_calls;             /* [settings] key-removing-calls */
  GString    *texts;                          /* every text loaded, for the version */
  char       *version;
};

static const char * const pattern_keys[ATLAS_RULE_N_PATTERNS] = {
  "when-ename", "when-message", "when-traceback", "when-code", "when-cell", "when-heading",
};

static const char * const list_keys[ATLAS_RULE_N_LISTS] = {
  "when-call", "when-cell-call", "when-call-package", "when-cell-call-package", "when-frame-package", "when-raised-in",
  "when-platform", "when-fact", "when-not-fact", "when-crash-type", "when-library",
  "when-ml-bug", "when-root-cause",
};

static const char * const set_keys[ATLAS_N_DIMENSIONS] = {
  "set-crash-type", "set-root-cause", "set-ml-bug", "set-stage", "set-library",
};

static void
atlas_rule_free (AtlasRule *rule)
{
  g_free (rule->name);
  g_free (rule->origin);
  for (guint i = 0; i < ATLAS_RULE_N_PATTERNS; i++)
    {
      g_clear_pointer (&rule->patterns[i], atlas_regex_free);
      g_strfreev (rule->pattern_words[i]);
    }
  for (guint i = 0; i < ATLAS_RULE_N_LISTS; i++)
    g_strfreev (rule->lists[i]);
  g_free (rule->set_library);
  g_free (rule->set_detail);
  g_free (rule->note);
  g_free (rule);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasRule, atlas_rule_free)

AtlasRuleSet *
atlas_rule_set_new (void)
{
  AtlasRuleSet *self = g_new0 (AtlasRuleSet, 1);

  self->rules = g_ptr_array_new_with_free_func ((GDestroyNotify)atlas_rule_free);
  for (guint i = 0; i < ATLAS_N_DIMENSIONS; i++)
    self->by_dimension[i] = g_ptr_array_new ();
  self->aliases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->packages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->ml_packages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->texts = g_string_new (NULL);
  return self;
}

void
atlas_rule_set_free (AtlasRuleSet *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; i < ATLAS_N_DIMENSIONS; i++)
    g_ptr_array_unref (self->by_dimension[i]);
  g_ptr_array_unref (self->rules);
  g_hash_table_unref (self->aliases);
  g_hash_table_unref (self->packages);
  g_hash_table_unref (self->ml_packages);
  g_clear_pointer (&self->wrapper_messages, atlas_regex_free);
  g_strfreev (self->key_removing_calls);
  g_string_free (self->texts, TRUE);
  g_free (self->version);
  g_free (self);
}

/* GKeyFile names no line in its syntax errors; this check does, for the
 * mistakes people make by hand (a stray line, a key before any group). */
static gboolean
check_syntax (const char  *text,
              const char  *origin,
              GError     **error)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  gboolean in_group = FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      while (g_ascii_isspace (*line))
        line++;
      if (*line == '\0' || *line == '#')
        continue;
      if (*line == '[')
        {
          if (strchr (line, ']') == NULL)
            goto bad;
          in_group = TRUE;
          continue;
        }
      if (!in_group || *line == '=' || strchr (line, '=') == NULL)
        goto bad;
      continue;

    bad:
      g_set_error (error, ATLAS_CLASSIFIER_ERROR, ATLAS_CLASSIFIER_ERROR_RULES_SYNTAX,
                   _("%s:%u: expected “[group]”, “key = value” or a “#” comment, found “%s”"),
                   origin, i + 1, g_strstrip (lines[i]));
      return FALSE;
    }
  return TRUE;
}

static gboolean
invalid (GError    **error,
         const char *origin,
         const char *group,
         const char *key,
         const char *message)
{
  g_set_error (error, ATLAS_CLASSIFIER_ERROR, ATLAS_CLASSIFIER_ERROR_RULES_INVALID,
               _("%s: [%s] %s: %s"), origin, group, key, message);
  return FALSE;
}

static int
key_index (const char * const *keys,
           guint               n_keys,
           const char         *key)
{
  for (guint i = 0; i < n_keys; i++)
    if (g_str_equal (keys[i], key))
      return (int)i;
  return -1;
}

static char **
parse_list (const char *value)
{
  g_auto(GStrv) parts = g_strsplit_set (value, ";,", -1);
  GPtrArray *list = g_ptr_array_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (parts[i][0] != '\0')
        g_ptr_array_add (list, g_strdup (parts[i]));
    }
  g_ptr_array_add (list, NULL);
  return (char **)g_ptr_array_free (list, FALSE);
}

static gboolean
check_list_values (AtlasRuleList  which,
                   char         **values,
                   const char    *origin,
                   const char    *group,
                   GError       **error)
{
  static const AtlasDimension dims[] = {
    [ATLAS_RULE_CRASH_TYPE] = ATLAS_DIMENSION_CRASH_TYPE,
    [ATLAS_RULE_ML_BUG] = ATLAS_DIMENSION_ML_BUG,
    [ATLAS_RULE_ROOT_CAUSE] = ATLAS_DIMENSION_ROOT_CAUSE,
  };

  for (guint i = 0; values[i] != NULL; i++)
    {
      g_autofree char *message = NULL;
      AtlasFact fact;
      guint value;

      if ((which == ATLAS_RULE_FACT || which == ATLAS_RULE_NOT_FACT)
          && !atlas_fact_from_name (values[i], &fact))
        message = g_strdup_printf (_("unknown fact “%s”"), values[i]);
      else if ((which == ATLAS_RULE_CRASH_TYPE || which == ATLAS_RULE_ML_BUG
                || which == ATLAS_RULE_ROOT_CAUSE)
               && !atlas_dimension_value_from_id (dims[which], values[i], &value))
        message = g_strdup_printf (_("unknown label “%s”"), values[i]);
      if (message != NULL)
        return invalid (error, origin, group, list_keys[which], message);
    }
  return TRUE;
}

static gboolean
is_word_char (char c)
{
  return g_ascii_isalnum (c) || c == '_';
}

char **
_atlas_rule_pattern_words (const char *pattern,
                           gboolean   *caseless)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  const char *p = pattern;
  gboolean group;

  *caseless = g_str_has_prefix (p, "(?i)");
  if (*caseless)
    p += strlen ("(?i)");
  if (*p++ != '^')
    return NULL;
  group = *p == '(';
  if (group)
    p += g_str_has_prefix (p, "(?:") ? 3 : 1;

  for (;;)
    {
      const char *start = p;

      while (is_word_char (*p))
        p++;
      if (p == start)
        return NULL;
      g_ptr_array_add (words, g_strndup (start, p - start));
      if (!group || *p != '|')
        break;
      p++;
    }

  if (group && *p++ != ')')
    return NULL;
  if (!g_str_equal (p, "$"))
    return NULL;
  g_ptr_array_add (words, NULL);
  return (char **)g_ptr_array_free (g_steal_pointer (&words), FALSE);
}

gboolean
_atlas_rule_words_match (char * const *words,
                         gboolean      caseless,
                         const char   *subject,
                         gboolean     *matches)
{
  for (const char *p = subject; *p != '\0'; p++)
    if (*p == '\n' || (caseless && (guchar)*p >= 0x80))
      return FALSE;

  *matches = FALSE;
  for (guint i = 0; words[i] != NULL && !*matches; i++)
    *matches = caseless ? g_ascii_strcasecmp (words[i], subject) == 0 : g_str_equal (words[i], subject);
  return TRUE;
}

static gboolean
parse_condition (AtlasRule   *rule,
                 const char  *key,
                 const char  *value,
                 const char  *origin,
                 const char  *group,
                 GError     **error)
{
  int p = key_index (pattern_keys, ATLAS_RULE_N_PATTERNS, key);
  int l = key_index (list_keys, ATLAS_RULE_N_LISTS, key);
  g_autoptr(GError) regex_error = NULL;

  if (p >= 0)
    {
      g_clear_pointer (&rule->patterns[p], atlas_regex_free);
      rule->patterns[p] = atlas_regex_new (value, &regex_error);
      if (rule->patterns[p] == NULL)
        return invalid (error, origin, group, key, regex_error->message);
      g_strfreev (rule->pattern_words[p]);
      rule->pattern_words[p] = _atlas_rule_pattern_words (value, &rule->pattern_caseless[p]);
      return TRUE;
    }
  if (l >= 0)
    {
      g_strfreev (rule->lists[l]);
      rule->lists[l] = parse_list (value);
      if (!check_list_values ((AtlasRuleList)l, rule->lists[l], origin, group, error))
        return FALSE;
      if (l == ATLAS_RULE_FACT || l == ATLAS_RULE_NOT_FACT)
        {
          guint *mask = l == ATLAS_RULE_FACT ? &rule->required_facts : &rule->excluded_facts;

          *mask = 0;
          for (guint i = 0; rule->lists[l][i] != NULL; i++)
            {
              AtlasFact fact = 0;

              atlas_fact_from_name (rule->lists[l][i], &fact);
              *mask |= fact;
            }
        }
      return TRUE;
    }
  return invalid (error, origin, group, key, _("unknown key"));
}

static gboolean
parse_setting (AtlasRule   *rule,
               const char  *key,
               const char  *value,
               const char  *origin,
               const char  *group,
               GError     **error)
{
  int d = key_index (set_keys, ATLAS_N_DIMENSIONS, key);

  /* A key repeated inside one group is listed once for each time: the last
   * one wins, and the ones before it are freed. */
  if (g_str_equal (key, "set-root-cause-detail"))
    {
      g_free (rule->set_detail);
      rule->set_detail = g_strdup (value);
    }
  else if (g_str_equal (key, "evidence"))
    {
      g_free (rule->note);
      rule->note = g_strdup (value);
    }
  else if (d == ATLAS_DIMENSION_LIBRARY)
    {
      g_free (rule->set_library);
      rule->set_library = g_ascii_strdown (value, -1);
    }
  else if (d >= 0 && !atlas_dimension_value_from_id ((AtlasDimension)d, value, &rule->set[d]))
    {
      g_autofree char *message = g_strdup_printf (_("unknown label “%s”"), value);
      return invalid (error, origin, group, key, message);
    }
  else if (d < 0)
    return parse_condition (rule, key, value, origin, group, error);
  return TRUE;
}

static AtlasRule *
parse_rule (GKeyFile    *file,
            const char  *group,
            const char  *origin,
            GError     **error)
{
  g_autoptr(AtlasRule) rule = g_new0 (AtlasRule, 1);
  g_auto(GStrv) keys = g_key_file_get_keys (file, group, NULL, NULL);
  gboolean sets_any = FALSE;

  rule->name = g_strstrip (g_strdup (group + strlen ("rule ")));
  rule->origin = g_strdup (origin);
  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      /* Raw value: regular expressions keep their backslashes. */
      g_autofree char *value = g_key_file_get_value (file, group, keys[i], NULL);

      if (!parse_setting (rule, keys[i], g_strstrip (value), origin, group, error))
        return NULL;
    }
  for (guint d = 0; d < ATLAS_N_DIMENSIONS; d++)
    sets_any |= rule->set[d] != 0;
  if (!sets_any && rule->set_library == NULL)
    {
      invalid (error, origin, group, "set-…", _("the rule sets no label"));
      return NULL;
    }
  return g_steal_pointer (&rule);
}

static void
load_table (GKeyFile   *file,
            const char *group,
            GHashTable *table)
{
  g_auto(GStrv) keys = g_key_file_get_keys (file, group, NULL, NULL);

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      g_autofree char *value = g_key_file_get_value (file, group, keys[i], NULL);

      g_hash_table_replace (table, g_strdup (keys[i]), g_strdup (g_strstrip (value)));
    }
}

/* [settings] wrapper-messages: messages that only wrap the real one, which
 * the traceback prints below them (Keras' "Exception encountered when
 * calling layer", TensorFlow's "Graph execution error:"). */
static gboolean
load_wrapper_messages (AtlasRuleSet *self,
                       GKeyFile     *file,
                       const char   *origin,
                       GError      **error)
{
  g_autofree char *wrappers = g_key_file_get_value (file, "settings", "wrapper-messages", NULL);
  g_autoptr(GError) regex_error = NULL;
  AtlasRegex *regex;

  if (wrappers == NULL)
    return TRUE;
  if ((regex = atlas_regex_new (g_strstrip (wrappers), &regex_error)) == NULL)
    {
      g_set_error (error, ATLAS_CLASSIFIER_ERROR, ATLAS_CLASSIFIER_ERROR_RULES_INVALID,
                   _("%s: [settings] wrapper-messages: %s"), origin, regex_error->message);
      return FALSE;
    }
  g_clear_pointer (&self->wrapper_messages, atlas_regex_free);
  self->wrapper_messages = regex;
  return TRUE;
}

static void
load_settings (AtlasRuleSet *self,
               GKeyFile     *file)
{
  g_autofree char *ml = g_key_file_get_value (file, "settings", "ml-packages", NULL);
  g_autofree char *ignore = g_key_file_get_value (file, "settings", "ignore-frames", NULL);
  g_autofree char *removing = g_key_file_get_value (file, "settings", "key-removing-calls", NULL);
  g_auto(GStrv) ml_list = ml ? parse_list (ml) : NULL;
  g_auto(GStrv) ignore_list = ignore ? parse_list (ignore) : NULL;

  for (guint i = 0; ml_list != NULL && ml_list[i] != NULL; i++)
    g_hash_table_add (self->ml_packages, g_strdup (ml_list[i]));
  for (guint i = 0; ignore_list != NULL && ignore_list[i] != NULL; i++)
    g_hash_table_replace (self->packages, g_strdup (ignore_list[i]), g_strdup (""));
  if (removing != NULL)
    {
      g_strfreev (self->key_removing_calls);
      self->key_removing_calls = parse_list (removing);
    }
}

char **
atlas_rule_set_get_key_removing_calls (AtlasRuleSet *self)
{
  return self->key_removing_calls;
}

const AtlasRegex *
atlas_rule_set_get_wrapper_messages (AtlasRuleSet *self)
{
  return self->wrapper_messages;
}

static gboolean
check_groups (char       **groups,
              const char  *origin,
              GError     **error)
{
  for (guint i = 0; groups[i] != NULL; i++)
    {
      if (g_str_has_prefix (groups[i], "rule ") || g_str_equal (groups[i], "aliases")
          || g_str_equal (groups[i], "packages") || g_str_equal (groups[i], "settings"))
        continue;
      g_set_error (error, ATLAS_CLASSIFIER_ERROR, ATLAS_CLASSIFIER_ERROR_RULES_INVALID,
                   _("%s: [%s]: unknown group (expected “[rule NAME]”, “[aliases]”, "
                     "“[packages]” or “[settings]”)"), origin, groups[i]);
      return FALSE;
    }
  return TRUE;
}

/* Most rules fail, nearly all of them on a fact or an earlier label (bits
 * and a comparison), then on the exception's name: those come first, the
 * lists of calls next, the regular expressions over longer text last. */
static void
order_checks (AtlasRule *rule)
{
  static const guint8 order[] = {
    ATLAS_RULE_FACT, ATLAS_RULE_NOT_FACT, ATLAS_RULE_CRASH_TYPE, ATLAS_RULE_ML_BUG,
    ATLAS_RULE_ROOT_CAUSE, ATLAS_RULE_PLATFORM, ATLAS_RULE_RAISED_IN, ATLAS_RULE_LIBRARY,
    ATLAS_RULE_N_LISTS + ATLAS_RULE_ENAME,
    ATLAS_RULE_CALL, ATLAS_RULE_CELL_CALL, ATLAS_RULE_CALL_PACKAGE, ATLAS_RULE_CELL_CALL_PACKAGE,
    ATLAS_RULE_FRAME_PACKAGE,
    ATLAS_RULE_N_LISTS + ATLAS_RULE_MESSAGE, ATLAS_RULE_N_LISTS + ATLAS_RULE_HEADING,
    ATLAS_RULE_N_LISTS + ATLAS_RULE_CODE, ATLAS_RULE_N_LISTS + ATLAS_RULE_CELL,
    ATLAS_RULE_N_LISTS + ATLAS_RULE_TRACEBACK,
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (order) == ATLAS_RULE_N_LISTS + ATLAS_RULE_N_PATTERNS);
  rule->n_checks = 0;
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    if (order[i] < ATLAS_RULE_N_LISTS ? rule->lists[order[i]] != NULL
                                      : rule->patterns[order[i] - ATLAS_RULE_N_LISTS] != NULL)
      rule->checks[rule->n_checks++] = order[i];
}

static void
index_rules (AtlasRuleSet *self)
{
  for (guint i = 0; i < self->rules->len; i++)
    order_checks (g_ptr_array_index (self->rules, i));
  for (guint d = 0; d < ATLAS_N_DIMENSIONS; d++)
    {
      g_ptr_array_set_size (self->by_dimension[d], 0);
      for (guint i = 0; i < self->rules->len; i++)
        {
          AtlasRule *rule = g_ptr_array_index (self->rules, i);

          if (d == ATLAS_DIMENSION_LIBRARY ? rule->set_library != NULL : rule->set[d] != 0)
            g_ptr_array_add (self->by_dimension[d], rule);
        }
    }
}

static void
merge_rules (AtlasRuleSet *self,
             GPtrArray    *parsed)
{
  guint insert_at = 0;

  while (parsed->len > 0)
    {
      AtlasRule *rule = g_ptr_array_steal_index (parsed, 0);
      gboolean replaced = FALSE;

      for (guint j = 0; j < self->rules->len && !replaced; j++)
        {
          AtlasRule *old = g_ptr_array_index (self->rules, j);

          if (g_str_equal (old->name, rule->name))
            {
              atlas_rule_free (old);
              self->rules->pdata[j] = rule;
              replaced = TRUE;
            }
        }
      if (!replaced)
        g_ptr_array_insert (self->rules, (int)insert_at++, rule);
    }
  index_rules (self);
}

gboolean
atlas_rule_set_add_text (AtlasRuleSet *self,
                         const char   *text,
                         const char   *origin,
                         GError      **error)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GPtrArray) parsed = g_ptr_array_new_with_free_func ((GDestroyNotify)atlas_rule_free);
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) groups = NULL;

  g_return_val_if_fail (self != NULL && text != NULL && origin != NULL, FALSE);

  if (!check_syntax (text, origin, error))
    return FALSE;
  if (!g_key_file_load_from_data (file, text, -1, G_KEY_FILE_NONE, &local_error))
    {
      g_set_error (error, ATLAS_CLASSIFIER_ERROR, ATLAS_CLASSIFIER_ERROR_RULES_SYNTAX,
                   "%s: %s", origin, local_error->message);
      return FALSE;
    }
  groups = g_key_file_get_groups (file, NULL);
  if (!check_groups (groups, origin, error))
    return FALSE;
  for (guint i = 0; groups[i] != NULL; i++)
    {
      AtlasRule *rule;

      if (!g_str_has_prefix (groups[i], "rule "))
        continue;
      if ((rule = parse_rule (file, groups[i], origin, error)) == NULL)
        return FALSE;
      g_ptr_array_add (parsed, rule);
    }

  /* The one setting that can be wrong is checked before anything changes. */
  if (!load_wrapper_messages (self, file, origin, error))
    return FALSE;
  load_table (file, "aliases", self->aliases);
  load_table (file, "packages", self->packages);
  load_settings (self, file);
  merge_rules (self, parsed);
  g_string_append (self->texts, text);
  g_clear_pointer (&self->version, g_free);
  return TRUE;
}

guint
atlas_rule_set_get_n_rules (AtlasRuleSet *self)
{
  return self->rules->len;
}

const AtlasRule *
atlas_rule_set_get_rule (AtlasRuleSet *self,
                         guint         index)
{
  g_return_val_if_fail (index < self->rules->len, NULL);
  return g_ptr_array_index (self->rules, index);
}

GPtrArray *
atlas_rule_set_get_rules_for (AtlasRuleSet   *self,
                              AtlasDimension  dimension)
{
  g_return_val_if_fail (dimension < ATLAS_N_DIMENSIONS, NULL);
  return self->by_dimension[dimension];
}

const char *
atlas_rule_set_lookup_alias (AtlasRuleSet *self,
                             const char   *name)
{
  return g_hash_table_lookup (self->aliases, name);
}

const char *
atlas_rule_set_map_package (AtlasRuleSet *self,
                            const char   *folder)
{
  const char *mapped = g_hash_table_lookup (self->packages, folder);

  if (mapped == NULL)
    return folder;
  return mapped[0] != '\0' ? mapped : NULL;
}

gboolean
atlas_rule_set_is_ml_package (AtlasRuleSet *self,
                              const char   *package)
{
  return package != NULL && g_hash_table_contains (self->ml_packages, package);
}

const char *
atlas_rule_set_get_version (AtlasRuleSet *self)
{
  /* Computed once on the loading thread before classification starts. */
  if (self->version == NULL)
    self->version = g_compute_checksum_for_string (G_CHECKSUM_SHA256, self->texts->str,
                                                   (gssize)self->texts->len);
  return self->version;
}

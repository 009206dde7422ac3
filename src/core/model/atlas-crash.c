/* atlas-crash.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-crash"

#include "config.h"

#include <string.h>

#include "atlas-text.h"
#include "atlas-crash.h"

struct _AtlasCrash
{
  GObject              parent_instance;

  char                *location;
  char                *url;
  char                *ename;
  char                *evalue;
  char                *message;   /* the traceback's message when evalue is a placeholder, else NULL */
  char                *cell_source;
  AtlasTraceback      *traceback;
  AtlasClassification  classification;
  AtlasPlatform        platform;
  guint                cell;
  guint                line;
  int                  execution_count;
  int                  cluster;
  gboolean             copy;
};

G_DEFINE_FINAL_TYPE (AtlasCrash, atlas_crash, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LOCATION,
  PROP_PLATFORM,
  PROP_CELL,
  PROP_EXECUTION_COUNT,
  PROP_ENAME,
  PROP_EVALUE,
  PROP_CRASH_TYPE,
  PROP_ROOT_CAUSE,
  PROP_ML_BUG,
  PROP_STAGE,
  PROP_LIBRARY,
  PROP_CLUSTER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
atlas_classification_clear (AtlasClassification *classification)
{
  g_clear_pointer (&classification->root_cause_detail, g_free);
  g_clear_pointer (&classification->library, g_free);
  for (guint i = 0; i < ATLAS_N_DIMENSIONS; i++)
    {
      g_clear_pointer (&classification->evidence[i], g_free);
      g_clear_pointer (&classification->rule[i], g_free);
    }
  memset (classification, 0, sizeof *classification);
}

void
atlas_classification_copy (const AtlasClassification *src,
                           AtlasClassification       *dest)
{
  AtlasClassification copy = *src;

  copy.root_cause_detail = g_strdup (src->root_cause_detail);
  copy.library = g_strdup (src->library);
  for (guint i = 0; i < ATLAS_N_DIMENSIONS; i++)
    {
      copy.evidence[i] = g_strdup (src->evidence[i]);
      copy.rule[i] = g_strdup (src->rule[i]);
    }

  atlas_classification_clear (dest);
  *dest = copy;
}

char *
atlas_classification_confidence_to_text (const AtlasClassification *c)
{
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean any = FALSE;

  for (guint d = 0; d < ATLAS_N_DIMENSIONS; d++)
    {
      char score[G_ASCII_DTOSTR_BUF_SIZE];

      if (d > 0)
        g_string_append_c (text, ';');
      if (c->confidence[d] == ATLAS_CONFIDENCE_UNSET)
        continue;
      any = TRUE;
      g_ascii_formatd (score, sizeof score, "%.2f", c->confidence_score[d]);
      g_string_append_printf (text, "%s %s", score, c->rule[d] ? c->rule[d] : "");
    }
  return any ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

void
atlas_classification_confidence_from_text (AtlasClassification *c,
                                           const char          *text)
{
  g_auto(GStrv) parts = text ? g_strsplit (text, ";", ATLAS_N_DIMENSIONS) : NULL;

  for (guint d = 0; parts != NULL && d < ATLAS_N_DIMENSIONS && parts[d] != NULL; d++)
    {
      char *end = NULL;
      double score = g_ascii_strtod (parts[d], &end);

      if (end == parts[d] || score < 0 || score > 1)
        continue;
      c->confidence_score[d] = score;
      c->confidence[d] = atlas_confidence_from_score (score);
      g_free (c->rule[d]);
      c->rule[d] = *end == ' ' && end[1] != '\0' ? g_strdup (end + 1) : NULL;
    }
}

static void
atlas_crash_finalize (GObject *object)
{
  AtlasCrash *self = (AtlasCrash *)object;

  g_free (self->location);
  g_free (self->url);
  g_free (self->ename);
  g_free (self->evalue);
  g_free (self->message);
  g_free (self->cell_source);
  g_clear_pointer (&self->traceback, atlas_traceback_unref);
  atlas_classification_clear (&self->classification);

  G_OBJECT_CLASS (atlas_crash_parent_class)->finalize (object);
}

static void
atlas_crash_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  AtlasCrash *self = ATLAS_CRASH (object);

  switch (prop_id)
    {
    case PROP_LOCATION:
      g_value_set_string (value, self->location);
      break;
    case PROP_PLATFORM:
      g_value_set_string (value, atlas_platform_to_string (self->platform));
      break;
    case PROP_CELL:
      g_value_set_uint (value, self->cell);
      break;
    case PROP_EXECUTION_COUNT:
      g_value_set_int (value, self->execution_count);
      break;
    case PROP_ENAME:
      g_value_set_string (value, self->ename);
      break;
    case PROP_EVALUE:
      g_value_set_string (value, self->evalue);
      break;
    case PROP_CRASH_TYPE:
      g_value_set_string (value, atlas_crash_get_label_id (self, ATLAS_DIMENSION_CRASH_TYPE));
      break;
    case PROP_ROOT_CAUSE:
      g_value_set_string (value, atlas_crash_get_label_id (self, ATLAS_DIMENSION_ROOT_CAUSE));
      break;
    case PROP_ML_BUG:
      g_value_set_string (value, atlas_crash_get_label_id (self, ATLAS_DIMENSION_ML_BUG));
      break;
    case PROP_STAGE:
      g_value_set_string (value, atlas_crash_get_label_id (self, ATLAS_DIMENSION_STAGE));
      break;
    case PROP_LIBRARY:
      g_value_set_string (value, atlas_crash_get_label_id (self, ATLAS_DIMENSION_LIBRARY));
      break;
    case PROP_CLUSTER:
      g_value_set_int (value, self->cluster);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_crash_class_init (AtlasCrashClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = atlas_crash_finalize;
  object_class->get_property = atlas_crash_get_property;

  /* Read-only properties so list views can bind and sort with expressions. */
  properties[PROP_LOCATION] = g_param_spec_string ("location", NULL, NULL, NULL, flags);
  properties[PROP_PLATFORM] = g_param_spec_string ("platform", NULL, NULL, NULL, flags);
  properties[PROP_CELL] = g_param_spec_uint ("cell", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_EXECUTION_COUNT] = g_param_spec_int ("execution-count", NULL, NULL, -1, G_MAXINT, -1, flags);
  properties[PROP_ENAME] = g_param_spec_string ("ename", NULL, NULL, NULL, flags);
  properties[PROP_EVALUE] = g_param_spec_string ("evalue", NULL, NULL, NULL, flags);
  properties[PROP_CRASH_TYPE] = g_param_spec_string ("crash-type", NULL, NULL, NULL, flags);
  properties[PROP_ROOT_CAUSE] = g_param_spec_string ("root-cause", NULL, NULL, NULL, flags);
  properties[PROP_ML_BUG] = g_param_spec_string ("ml-bug", NULL, NULL, NULL, flags);
  properties[PROP_STAGE] = g_param_spec_string ("stage", NULL, NULL, NULL, flags);
  properties[PROP_LIBRARY] = g_param_spec_string ("library", NULL, NULL, NULL, flags);
  properties[PROP_CLUSTER] = g_param_spec_int ("cluster", NULL, NULL, -1, G_MAXINT, -1, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_crash_init (AtlasCrash *self)
{
  self->execution_count = -1;
  self->cluster = -1;
}

AtlasCrash *
atlas_crash_new (const char     *location,
                 AtlasPlatform   platform,
                 guint           cell,
                 int             execution_count,
                 const char     *ename,
                 const char     *evalue,
                 AtlasTraceback *traceback)
{
  AtlasCrash *self = g_object_new (ATLAS_TYPE_CRASH, NULL);

  self->location = g_strdup (location);
  self->platform = platform;
  self->cell = cell;
  self->execution_count = execution_count < 0 ? -1 : execution_count;
  self->ename = g_strdup (ename ? ename : "");
  self->evalue = g_strdup (evalue ? evalue : "");
  self->traceback = traceback ? atlas_traceback_ref (traceback) : NULL;
  if (atlas_crash_evalue_is_placeholder (self->evalue) && traceback != NULL)
    self->message = atlas_crash_message_from_traceback (self->ename, atlas_traceback_get_text (traceback));

  return self;
}

/* Colab replaces the exception's value with "ignored" (its own error
 * display shows the traceback instead); some front ends leave it empty. */
gboolean
atlas_crash_evalue_is_placeholder (const char *evalue)
{
  const char *p = evalue ? evalue : "";

  while (g_ascii_isspace (*p))
    p++;
  return *p == '\0' || g_ascii_strcasecmp (p, "ignored") == 0
         || g_ascii_strcasecmp (p, "<ignored>") == 0;
}

/* Python prints the exception last: "Ename: message" on the traceback's last
 * line that starts with the name (possibly dotted: "tensorflow.…Error:").
 * NULL when no such line holds more than a placeholder. */
char *
atlas_crash_message_from_traceback (const char *ename,
                                    const char *text)
{
  g_auto(GStrv) lines = NULL;
  gsize name_len;

  if (ename == NULL || ename[0] == '\0' || text == NULL)
    return NULL;
  name_len = strlen (ename);
  lines = g_strsplit (text, "\n", -1);
  for (guint n = g_strv_length (lines); n > 0; n--)
    {
      const char *line = lines[n - 1];
      const char *found = strstr (line, ename);
      const char *value;

      if (found == NULL)
        continue;
      /* The name starts the line or ends a dotted module path. */
      if (found != line && found[-1] != '.')
        continue;
      if (found != line && strspn (line, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.") < (gsize)(found - line))
        continue;
      value = found + name_len;
      if (*value != ':')
        continue;
      value++;
      while (*value == ' ')
        value++;
      if (atlas_crash_evalue_is_placeholder (value))
        return NULL;
      /* A message of several lines: the rest of the traceback after it. */
      {
        GString *message = g_string_new (value);

        for (guint k = n; lines[k] != NULL; k++)
          {
            g_string_append_c (message, '\n');
            g_string_append (message, lines[k]);
          }
        while (message->len > 0 && g_ascii_isspace (message->str[message->len - 1]))
          g_string_truncate (message, message->len - 1);
        return g_string_free (message, FALSE);
      }
    }
  return NULL;
}

const char *
atlas_crash_get_location (AtlasCrash *self)
{
  g_return_val_if_fail (ATLAS_IS_CRASH (self), NULL);
  return self->location;
}

AtlasPlatform
atlas_crash_get_platform (AtlasCrash *self)
{
  g_return_val_if_fail (ATLAS_IS_CRASH (self), ATLAS_PLATFORM_LOCAL);
  return self->platform;
}

const char *
atlas_crash_get_url (AtlasCrash *self)
{
  g_return_val_if_fail (ATLAS_IS_CRASH (self), NULL);
  return self->url;
}

void
atlas_crash_set_url (AtlasCrash *self,
                     const char *url)
{
  g_return_if_fail (ATLAS_IS_CRASH (self));
  g_free (self->url);
  self->url = g_strdup (url);
}

guint
atlas_crash_get_cell (AtlasCrash *self)
{
  g_return_val_if_fail (ATLAS_IS_CRASH (self), 0);
  return self->cell;
}

int
atlas_crash_get_execution_count (AtlasCrash *self)
{
  g_return_val_if_fail (ATLAS_IS_CRASH (self), -1);
  return self->execution_count;
}

const char *
atlas_crash_get_ename (AtlasCrash *self)
{
  g_return_val_if_fail (ATLAS_IS_CRASH (self), NULL);
  return self->ename;
}

const char *
atlas_crash_get_evalue (AtlasCrash *self)
{
  g_return_val_if_fail (ATLAS_IS_CRASH (self), NULL);
  return self->evalue;
}

const char *
atlas_crash_get_message (AtlasCrash *self)
{
  g_return_val_if_fail (ATLAS_IS_CRASH (self), NULL);
  return self->message ? self->message : self->evalue;
}

gboolean
atlas_crash_get_message_recovered (AtlasCrash *self)
{
  g_return_val_if_fail (ATLAS_IS_CRASH (self), FALSE);
  return self->message != NULL;
}

AtlasTraceback *
atlas_crash_get_traceback (AtlasCrash *self)
{
  g_return_val_if_fail (ATLAS_IS_CRASH (self), NULL);
  return self->traceback;
}

const char *
atlas_crash_get_cell_source (AtlasCrash *self)
{
  g_return_val_if_fail (ATLAS_IS_CRASH (self), NULL);
  return self->cell_source;
}

void
atlas_crash_set_cell_source (AtlasCrash *self,
                             const char *source)
{
  g_return_if_fail (ATLAS_IS_CRASH (self));
  g_free (self->cell_source);
  self->cell_source = g_strdup (source);
}

guint
atlas_crash_get_line (AtlasCrash *self)
{
  g_return_val_if_fail (ATLAS_IS_CRASH (self), 0);
  return self->line;
}

void
atlas_crash_set_line (AtlasCrash *self,
                      guint       line)
{
  g_return_if_fail (ATLAS_IS_CRASH (self));
  self->line = line;
}

const AtlasClassification *
atlas_crash_get_classification (AtlasCrash *self)
{
  g_return_val_if_fail (ATLAS_IS_CRASH (self), NULL);
  return &self->classification;
}

void
atlas_crash_set_classification (AtlasCrash                *self,
                                const AtlasClassification *classification)
{
  g_return_if_fail (ATLAS_IS_CRASH (self));
  g_return_if_fail (classification != NULL);

  atlas_classification_copy (classification, &self->classification);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CRASH_TYPE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROOT_CAUSE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ML_BUG]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIBRARY]);
}

void
atlas_crash_drop_details (AtlasCrash *self)
{
  g_return_if_fail (ATLAS_IS_CRASH (self));

  g_clear_pointer (&self->traceback, atlas_traceback_unref);
  g_clear_pointer (&self->cell_source, g_free);
}

gboolean
atlas_crash_get_copy (AtlasCrash *self)
{
  g_return_val_if_fail (ATLAS_IS_CRASH (self), FALSE);
  return self->copy;
}

void
atlas_crash_set_copy (AtlasCrash *self,
                      gboolean    copy)
{
  g_return_if_fail (ATLAS_IS_CRASH (self));
  self->copy = copy != FALSE;
}

int
atlas_crash_get_cluster (AtlasCrash *self)
{
  g_return_val_if_fail (ATLAS_IS_CRASH (self), -1);
  return self->cluster;
}

void
atlas_crash_set_cluster (AtlasCrash *self,
                         int         cluster)
{
  g_return_if_fail (ATLAS_IS_CRASH (self));

  if (self->cluster != cluster)
    {
      self->cluster = cluster;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLUSTER]);
    }
}

const char *
atlas_classification_get_label_id (const AtlasClassification *c,
                                   AtlasDimension             dimension)
{
  g_return_val_if_fail (c != NULL, NULL);

  switch (dimension)
    {
    case ATLAS_DIMENSION_CRASH_TYPE:
      return atlas_dimension_value_id (dimension, c->crash_type);
    case ATLAS_DIMENSION_ROOT_CAUSE:
      return atlas_dimension_value_id (dimension, c->root_cause);
    case ATLAS_DIMENSION_ML_BUG:
      return atlas_dimension_value_id (dimension, c->ml_bug);
    case ATLAS_DIMENSION_STAGE:
      return atlas_dimension_value_id (dimension, c->stage);
    case ATLAS_DIMENSION_LIBRARY:
      return c->library;
    case ATLAS_N_DIMENSIONS:
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
atlas_crash_get_label_id (AtlasCrash     *self,
                          AtlasDimension  dimension)
{
  g_return_val_if_fail (ATLAS_IS_CRASH (self), NULL);

  return atlas_classification_get_label_id (&self->classification, dimension);
}

static void
add_nullable_string (JsonBuilder *builder,
                     const char  *member,
                     const char  *value)
{
  json_builder_set_member_name (builder, member);
  /* json-glib writes the bytes it is given: a file name that is not UTF-8
   * would make the record invalid JSON, so its bad bytes are shown. */
  if (value != NULL && !g_utf8_validate (value, -1, NULL))
    {
      g_autofree char *escaped = atlas_text_escape_invalid (value, -1, NULL);

      json_builder_add_string_value (builder, escaped);
    }
  else if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

JsonNode *
atlas_crash_to_json (AtlasCrash *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const AtlasClassification *c;

  g_return_val_if_fail (ATLAS_IS_CRASH (self), NULL);

  c = &self->classification;

  json_builder_begin_object (builder);
  add_nullable_string (builder, "notebook", self->location);
  add_nullable_string (builder, "platform", atlas_platform_to_string (self->platform));
  if (self->url != NULL)
    add_nullable_string (builder, "url", self->url);
  json_builder_set_member_name (builder, "cell");
  json_builder_add_int_value (builder, self->cell);
  json_builder_set_member_name (builder, "execution_count");
  if (self->execution_count >= 0)
    json_builder_add_int_value (builder, self->execution_count);
  else
    json_builder_add_null_value (builder);
  add_nullable_string (builder, "ename", self->ename);
  add_nullable_string (builder, "evalue", self->evalue);
  /* Only when the evalue is a placeholder: the message the rules read. */
  if (self->message != NULL)
    add_nullable_string (builder, "message", self->message);
  add_nullable_string (builder, "crash_type", atlas_crash_get_label_id (self, ATLAS_DIMENSION_CRASH_TYPE));
  add_nullable_string (builder, "root_cause", atlas_crash_get_label_id (self, ATLAS_DIMENSION_ROOT_CAUSE));
  add_nullable_string (builder, "root_cause_detail", c->root_cause_detail);
  add_nullable_string (builder, "ml_bug", atlas_crash_get_label_id (self, ATLAS_DIMENSION_ML_BUG));
  add_nullable_string (builder, "stage", atlas_crash_get_label_id (self, ATLAS_DIMENSION_STAGE));
  add_nullable_string (builder, "library", c->library);
  json_builder_set_member_name (builder, "cluster");
  if (self->cluster >= 0)
    json_builder_add_int_value (builder, self->cluster);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "evidence");
  json_builder_begin_object (builder);
  for (guint i = 0; i < ATLAS_N_DIMENSIONS; i++)
    add_nullable_string (builder, atlas_dimension_id (i), c->evidence[i]);
  json_builder_end_object (builder);
  /* Added after the taxonomy's members: older readers ignore them. */
  json_builder_set_member_name (builder, "confidence");
  json_builder_begin_object (builder);
  for (guint i = 0; i < ATLAS_N_DIMENSIONS; i++)
    add_nullable_string (builder, atlas_dimension_id (i), atlas_confidence_to_string (c->confidence[i]));
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "confidence_score");
  json_builder_begin_object (builder);
  for (guint i = 0; i < ATLAS_N_DIMENSIONS; i++)
    {
      json_builder_set_member_name (builder, atlas_dimension_id (i));
      if (c->confidence[i] != ATLAS_CONFIDENCE_UNSET)
        json_builder_add_double_value (builder, c->confidence_score[i]);
      else
        json_builder_add_null_value (builder);
    }
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "rules");
  json_builder_begin_object (builder);
  for (guint i = 0; i < ATLAS_N_DIMENSIONS; i++)
    add_nullable_string (builder, atlas_dimension_id (i), c->rule[i]);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* atlas-label-io.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-research"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "atlas-csv.h"
#include "atlas-label-io.h"

/* The columns, in the order files are written. */
enum
{
  COL_NOTEBOOK,
  COL_CELL,
  COL_CRASH_TYPE,
  COL_ROOT_CAUSE,
  COL_ROOT_CAUSE_DETAIL,
  COL_ML_BUG,
  COL_STAGE,
  COL_LIBRARY,
  COL_RATER,
  COL_NOTE,
  N_COLUMNS
};

static const char *const column_names[N_COLUMNS] = {
  "notebook", "cell", "crash_type", "root_cause", "root_cause_detail",
  "ml_bug", "stage", "library", "rater", "note",
};

gboolean
atlas_label_format_from_string (const char       *str,
                                AtlasLabelFormat *format)
{
  if (g_strcmp0 (str, "csv") == 0)
    *format = ATLAS_LABEL_FORMAT_CSV;
  else if (g_strcmp0 (str, "jsonl") == 0)
    *format = ATLAS_LABEL_FORMAT_JSONL;
  else
    return FALSE;
  return TRUE;
}

gboolean
atlas_label_format_guess (const char       *path,
                          AtlasLabelFormat *format)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, ".csv"))
    *format = ATLAS_LABEL_FORMAT_CSV;
  else if (g_str_has_suffix (lower, ".jsonl") || g_str_has_suffix (lower, ".json"))
    *format = ATLAS_LABEL_FORMAT_JSONL;
  else
    return FALSE;
  return TRUE;
}

static char *
target_key (const char *name,
            guint       cell)
{
  return g_strdup_printf ("%u:%s", cell, name);
}

GHashTable *
atlas_label_targets_new (AtlasCorpus *corpus)
{
  GHashTable *targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < atlas_corpus_get_n_crashes (corpus); i++)
    {
      AtlasCrash *crash = atlas_corpus_get_crash (corpus, i);
      const char *location = atlas_crash_get_location (crash);
      const char *url = atlas_crash_get_url (crash);
      guint cell = atlas_crash_get_cell (crash);

      g_hash_table_replace (targets, target_key (location, cell), g_strdup (location));
      if (url != NULL)
        g_hash_table_replace (targets, target_key (url, cell), g_strdup (location));
    }
  return targets;
}

/* One row, its fields by column (NULL when absent or empty). */
typedef struct
{
  guint  line;
  char  *fields[N_COLUMNS];
} Row;

static void
row_free (Row *row)
{
  for (guint c = 0; c < N_COLUMNS; c++)
    g_free (row->fields[c]);
  g_free (row);
}

static gboolean
parse_cell (const char *text,
            guint      *cell)
{
  guint64 value;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT, &value, NULL))
    return FALSE;
  *cell = (guint)value;
  return TRUE;
}

static void
add_problem (GPtrArray  *problems,
             const char *path,
             guint       line,
             char       *message)
{
  g_ptr_array_add (problems, g_strdup_printf ("%s:%u: %s", path, line, message));
  g_free (message);
}

/* Checks @row and makes a label of it; NULL with a problem named otherwise. */
static AtlasHandLabel *
label_from_row (const Row  *row,
                const char *path,
                const char *rater,
                GHashTable *targets,
                GPtrArray  *problems)
{
  static const struct { int column; AtlasDimension dimension; } enums[] = {
    { COL_CRASH_TYPE, ATLAS_DIMENSION_CRASH_TYPE },
    { COL_ROOT_CAUSE, ATLAS_DIMENSION_ROOT_CAUSE },
    { COL_ML_BUG, ATLAS_DIMENSION_ML_BUG },
    { COL_STAGE, ATLAS_DIMENSION_STAGE },
  };
  guint values[G_N_ELEMENTS (enums)] = { 0 };
  g_autoptr(AtlasHandLabel) label = NULL;
  const char *location;
  guint cell;
  gboolean valid = TRUE;

  if (row->fields[COL_NOTEBOOK] == NULL)
    {
      add_problem (problems, path, row->line, g_strdup (_("no notebook")));
      return NULL;
    }
  if (!parse_cell (row->fields[COL_CELL], &cell))
    {
      add_problem (problems, path, row->line,
                   g_strdup_printf (_("cell “%s” of %s is not a cell index"),
                                    row->fields[COL_CELL] ? row->fields[COL_CELL] : "",
                                    row->fields[COL_NOTEBOOK]));
      return NULL;
    }
  for (guint i = 0; i < G_N_ELEMENTS (enums); i++)
    {
      const char *id = row->fields[enums[i].column];

      if (id != NULL && !atlas_dimension_value_from_id (enums[i].dimension, id, &values[i]))
        {
          add_problem (problems, path, row->line,
                       g_strdup_printf (_("%s cell %u: “%s” is not a valid %s"),
                                        row->fields[COL_NOTEBOOK], cell, id,
                                        column_names[enums[i].column]));
          valid = FALSE;
        }
    }
  if (!valid)
    return NULL;

  location = row->fields[COL_NOTEBOOK];
  if (targets != NULL)
    {
      g_autofree char *key = target_key (location, cell);

      location = g_hash_table_lookup (targets, key);
      if (location == NULL)
        {
          add_problem (problems, path, row->line,
                       g_strdup_printf (_("%s cell %u matches no crash of the corpus"),
                                        row->fields[COL_NOTEBOOK], cell));
          return NULL;
        }
    }

  label = atlas_hand_label_new (location, cell, rater);
  label->labels.crash_type = values[0];
  label->labels.root_cause = values[1];
  label->labels.ml_bug = values[2];
  label->labels.stage = values[3];
  label->labels.root_cause_detail = g_strdup (row->fields[COL_ROOT_CAUSE_DETAIL]);
  label->labels.library = g_strdup (row->fields[COL_LIBRARY]);
  label->note = g_strdup (row->fields[COL_NOTE]);
  label->labeled_at = g_get_real_time () / G_USEC_PER_SEC;
  return g_steal_pointer (&label);
}

/* RFC 4180: fields separated by commas, records by CRLF or LF; a field in
 * double quotes may hold commas, newlines and doubled quotes. Returns the
 * records (each a GPtrArray of strings) with their first lines. */
static GPtrArray *
split_csv (const char  *text,
           GArray      *lines)
{
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  GPtrArray *record = NULL;
  g_autoptr(GString) field = g_string_new (NULL);
  const char *p = text;
  guint line = 1;

  while (*p != '\0')
    {
      gboolean quoted = FALSE;

      if (record == NULL)
        {
          record = g_ptr_array_new_with_free_func (g_free);
          g_array_append_val (lines, line);
        }
      g_string_truncate (field, 0);
      if (*p == '"')
        {
          quoted = TRUE;
          for (p++; *p != '\0'; p++)
            {
              if (*p == '"' && p[1] == '"')
                g_string_append_c (field, *p++);
              else if (*p == '"')
                {
                  p++;
                  break;
                }
              else
                {
                  if (*p == '\n')
                    line++;
                  g_string_append_c (field, *p);
                }
            }
        }
      for (; *p != '\0' && *p != ',' && *p != '\n' && *p != '\r'; p++)
        if (!quoted)
          g_string_append_c (field, *p);
      g_ptr_array_add (record, g_strdup (field->str));
      if (*p == ',')
        {
          p++;
          if (*p == '\0' || *p == '\n' || *p == '\r')
            g_ptr_array_add (record, g_strdup (""));
          else
            continue;
        }
      if (*p == '\r')
        p++;
      if (*p == '\n')
        {
          p++;
          line++;
        }
      g_ptr_array_add (records, record);
      record = NULL;
    }
  if (record != NULL)
    g_ptr_array_add (records, record);
  return records;
}

/* A copy of @text without surrounding blanks, or NULL when nothing is left. */
static char *
dup_nonempty (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));

  return *copy != '\0' ? g_steal_pointer (&copy) : NULL;
}

static gboolean
read_csv (const char  *path,
          const char  *text,
          GPtrArray   *rows_out,
          GError     **error)
{
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) records = split_csv (text, lines);
  int columns[N_COLUMNS];
  GPtrArray *header;

  if (records->len == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("%s: empty file, no header row"), path);
      return FALSE;
    }
  header = g_ptr_array_index (records, 0);
  for (guint c = 0; c < N_COLUMNS; c++)
    {
      columns[c] = -1;
      for (guint i = 0; i < header->len; i++)
        if (g_str_equal (g_strstrip ((char *)g_ptr_array_index (header, i)), column_names[c]))
          columns[c] = (int)i;
    }
  if (columns[COL_NOTEBOOK] < 0 || columns[COL_CELL] < 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s: the header row has no “notebook” and “cell” columns"), path);
      return FALSE;
    }

  for (guint r = 1; r < records->len; r++)
    {
      GPtrArray *record = g_ptr_array_index (records, r);
      Row *row;

      /* A blank line is no row. */
      if (record->len == 1 && *(char *)g_ptr_array_index (record, 0) == '\0')
        continue;
      row = g_new0 (Row, 1);
      row->line = g_array_index (lines, guint, r);
      for (guint c = 0; c < N_COLUMNS; c++)
        if (columns[c] >= 0 && (guint)columns[c] < record->len)
          row->fields[c] = dup_nonempty (g_ptr_array_index (record, columns[c]));
      g_ptr_array_add (rows_out, row);
    }
  return TRUE;
}

/* One JSON object a line; a line that is not one is a problem, not an error. */
static void
read_jsonl (const char *path,
            const char *text,
            GPtrArray  *rows_out,
            GPtrArray  *problems)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(JsonParser) parser = json_parser_new ();

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      JsonObject *object;
      Row *row;

      if (*g_strstrip (lines[i]) == '\0')
        continue;
      if (!json_parser_load_from_data (parser, lines[i], -1, &error) ||
          !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
        {
          add_problem (problems, path, i + 1,
                       g_strdup_printf (_("not a JSON object: %s"),
                                        error != NULL ? error->message : _("another JSON value")));
          continue;
        }
      object = json_node_get_object (json_parser_get_root (parser));
      row = g_new0 (Row, 1);
      row->line = i + 1;
      for (guint c = 0; c < N_COLUMNS; c++)
        {
          JsonNode *node = json_object_get_member (object, column_names[c]);

          if (node == NULL || JSON_NODE_HOLDS_NULL (node) || !JSON_NODE_HOLDS_VALUE (node))
            continue;
          if (json_node_get_value_type (node) == G_TYPE_INT64)
            row->fields[c] = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
          else if (json_node_get_value_type (node) == G_TYPE_STRING)
            row->fields[c] = dup_nonempty (json_node_get_string (node));
          else
            row->fields[c] = g_strdup ("?");  /* a number of another kind: reported as invalid */
        }
      g_ptr_array_add (rows_out, row);
    }
}

GPtrArray *
atlas_labels_read (const char  *path,
                   const char  *rater,
                   GHashTable  *targets,
                   GPtrArray   *problems,
                   GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)row_free);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func ((GDestroyNotify)atlas_hand_label_free);
  g_autofree char *text = NULL;
  AtlasLabelFormat format;
  gsize length;

  g_return_val_if_fail (path != NULL && rater != NULL && problems != NULL, NULL);

  if (!atlas_label_format_guess (path, &format))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("%s: a label file ends in .csv or .jsonl"), path);
      return NULL;
    }
  if (!g_file_get_contents (path, &text, &length, error))
    return NULL;
  if (!g_utf8_validate_len (text, length, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("%s: not UTF-8 text"), path);
      return NULL;
    }

  if (format == ATLAS_LABEL_FORMAT_CSV)
    {
      /* A byte-order mark from spreadsheets is no part of the first column's name. */
      const char *start = g_str_has_prefix (text, "\xEF\xBB\xBF") ? text + 3 : text;

      if (!read_csv (path, start, rows, error))
        return NULL;
    }
  else
    read_jsonl (path, text, rows, problems);

  for (guint i = 0; i < rows->len; i++)
    {
      AtlasHandLabel *label = label_from_row (g_ptr_array_index (rows, i), path, rater,
                                              targets, problems);

      if (label != NULL)
        g_ptr_array_add (labels, label);
    }
  return g_steal_pointer (&labels);
}

static void
label_fields (const AtlasHandLabel *label,
              char                 *cell_text,
              const char           *fields[N_COLUMNS])
{
  fields[COL_NOTEBOOK] = label->location;
  fields[COL_CELL] = cell_text;
  fields[COL_CRASH_TYPE] = atlas_hand_label_get_id (label, ATLAS_DIMENSION_CRASH_TYPE);
  fields[COL_ROOT_CAUSE] = atlas_hand_label_get_id (label, ATLAS_DIMENSION_ROOT_CAUSE);
  fields[COL_ROOT_CAUSE_DETAIL] = label->labels.root_cause_detail;
  fields[COL_ML_BUG] = atlas_hand_label_get_id (label, ATLAS_DIMENSION_ML_BUG);
  fields[COL_STAGE] = atlas_hand_label_get_id (label, ATLAS_DIMENSION_STAGE);
  fields[COL_LIBRARY] = atlas_hand_label_get_id (label, ATLAS_DIMENSION_LIBRARY);
  fields[COL_RATER] = label->rater;
  fields[COL_NOTE] = label->note;
}

void
atlas_labels_write (FILE             *stream,
                    GPtrArray        *labels,
                    AtlasLabelFormat  format)
{
  g_autoptr(GString) line = g_string_new (NULL);

  if (format == ATLAS_LABEL_FORMAT_CSV)
    {
      for (guint c = 0; c < N_COLUMNS; c++)
        g_string_append_printf (line, "%s%s", c ? "," : "", column_names[c]);
      fprintf (stream, "%s\n", line->str);
    }

  for (guint i = 0; i < labels->len; i++)
    {
      const AtlasHandLabel *label = g_ptr_array_index (labels, i);
      char cell_text[16];
      const char *fields[N_COLUMNS];

      g_snprintf (cell_text, sizeof cell_text, "%u", label->cell);
      label_fields (label, cell_text, fields);
      g_string_truncate (line, 0);
      if (format == ATLAS_LABEL_FORMAT_CSV)
        for (guint c = 0; c < N_COLUMNS; c++)
          {
            if (c > 0)
              g_string_append_c (line, ',');
            atlas_csv_append_field (line, fields[c]);
          }
      else
        {
          g_autoptr(JsonBuilder) builder = json_builder_new ();
          g_autoptr(JsonNode) root = NULL;
          g_autofree char *json = NULL;

          json_builder_begin_object (builder);
          for (guint c = 0; c < N_COLUMNS; c++)
            {
              json_builder_set_member_name (builder, column_names[c]);
              if (c == COL_CELL)
                json_builder_add_int_value (builder, label->cell);
              else if (fields[c] == NULL)
                json_builder_add_null_value (builder);
              else
                json_builder_add_string_value (builder, fields[c]);
            }
          json_builder_end_object (builder);
          root = json_builder_get_root (builder);
          json = json_to_string (root, FALSE);
          g_string_append (line, json);
        }
      fprintf (stream, "%s\n", line->str);
    }
}

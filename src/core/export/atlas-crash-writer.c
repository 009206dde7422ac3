/* atlas-crash-writer.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-crash-writer"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "atlas-text.h"
#include "atlas-crash-writer.h"
#include "atlas-csv.h"

typedef struct
{
  guint  count;
  char  *example;   /* first message seen */
} Tally;

struct _AtlasCrashWriter
{
  FILE             *stream;
  AtlasCrashFormat  format;
  gboolean          header_written;

  /* jsonl: one generator and one buffer for every record */
  JsonGenerator    *generator;
  GString          *line;

  /* summary */
  guint             n_notebooks;
  guint             n_status[ATLAS_NOTEBOOK_STATUS_RUN_FAILED + 1];
  guint             n_crashing_notebooks;
  guint             n_crashes;
  GHashTable       *by_label[ATLAS_N_DIMENSIONS];  /* id -> Tally */
  GHashTable       *by_ename;                      /* ename -> Tally */
  GHashTable       *by_cluster;                    /* GINT_TO_POINTER (cluster + 1) -> Tally */
  GPtrArray        *unreadable;                    /* "location: reason" */
};

static const char *csv_columns[] = {
  "notebook", "platform", "url", "cell", "execution_count", "ename", "evalue",
  "crash_type", "root_cause", "root_cause_detail", "ml_bug", "stage", "library", "cluster",
};

gboolean
atlas_crash_format_from_string (const char       *str,
                                AtlasCrashFormat *format)
{
  if (g_strcmp0 (str, "jsonl") == 0)
    *format = ATLAS_CRASH_FORMAT_JSONL;
  else if (g_strcmp0 (str, "csv") == 0)
    *format = ATLAS_CRASH_FORMAT_CSV;
  else if (g_strcmp0 (str, "summary") == 0)
    *format = ATLAS_CRASH_FORMAT_SUMMARY;
  else
    return FALSE;
  return TRUE;
}

static void
tally_free (Tally *tally)
{
  g_free (tally->example);
  g_free (tally);
}

static GHashTable *
tally_table_new (GHashFunc  hash,
                 GEqualFunc equal,
                 gboolean   own_keys)
{
  return g_hash_table_new_full (hash, equal, own_keys ? g_free : NULL, (GDestroyNotify)tally_free);
}

AtlasCrashWriter *
atlas_crash_writer_new (FILE             *stream,
                        AtlasCrashFormat  format)
{
  AtlasCrashWriter *self = g_new0 (AtlasCrashWriter, 1);

  self->stream = stream;
  self->format = format;
  for (guint i = 0; i < ATLAS_N_DIMENSIONS; i++)
    self->by_label[i] = tally_table_new (g_str_hash, g_str_equal, TRUE);
  self->by_ename = tally_table_new (g_str_hash, g_str_equal, TRUE);
  self->by_cluster = tally_table_new (g_direct_hash, g_direct_equal, FALSE);
  self->unreadable = g_ptr_array_new_with_free_func (g_free);
  self->generator = json_generator_new ();
  self->line = g_string_new (NULL);

  return self;
}

void
atlas_crash_writer_free (AtlasCrashWriter *self)
{
  if (self == NULL)
    return;

  for (guint i = 0; i < ATLAS_N_DIMENSIONS; i++)
    g_hash_table_unref (self->by_label[i]);
  g_hash_table_unref (self->by_ename);
  g_hash_table_unref (self->by_cluster);
  g_ptr_array_unref (self->unreadable);
  g_object_unref (self->generator);
  g_string_free (self->line, TRUE);
  g_free (self);
}

static void
tally (GHashTable *table,
       gpointer    key,
       gboolean    copy_key,
       const char *example)
{
  Tally *t = g_hash_table_lookup (table, key);

  if (t == NULL)
    {
      t = g_new0 (Tally, 1);
      t->example = g_strdup (example);
      g_hash_table_insert (table, copy_key ? g_strdup (key) : key, t);
    }
  t->count++;
}

void
atlas_crash_writer_add_notebook (AtlasCrashWriter        *self,
                                 const AtlasNotebookInfo *info)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (info != NULL);

  self->n_notebooks++;
  self->n_status[info->status]++;
  if (info->n_crashes > 0)
    self->n_crashing_notebooks++;
  if (info->status == ATLAS_NOTEBOOK_STATUS_UNREADABLE)
    g_ptr_array_add (self->unreadable, g_strdup (info->message ? info->message : info->location));
}

static void
write_csv_header (AtlasCrashWriter *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (csv_columns); i++)
    fprintf (self->stream, "%s%s", i ? "," : "", csv_columns[i]);
  fputs ("\r\n", self->stream);
  self->header_written = TRUE;
}

static void
append_csv (GString    *line,
            AtlasCrash *crash)
{
  const AtlasClassification *c = atlas_crash_get_classification (crash);
  char cell[16], count[16], cluster[16];
  const char *fields[G_N_ELEMENTS (csv_columns)];

  g_snprintf (cell, sizeof cell, "%u", atlas_crash_get_cell (crash));
  g_snprintf (count, sizeof count, "%d", atlas_crash_get_execution_count (crash));
  g_snprintf (cluster, sizeof cluster, "%d", atlas_crash_get_cluster (crash));

  fields[0] = atlas_crash_get_location (crash);
  fields[1] = atlas_platform_to_string (atlas_crash_get_platform (crash));
  fields[2] = atlas_crash_get_url (crash);
  fields[3] = cell;
  fields[4] = atlas_crash_get_execution_count (crash) >= 0 ? count : NULL;
  fields[5] = atlas_crash_get_ename (crash);
  fields[6] = atlas_crash_get_evalue (crash);
  fields[7] = atlas_crash_get_label_id (crash, ATLAS_DIMENSION_CRASH_TYPE);
  fields[8] = atlas_crash_get_label_id (crash, ATLAS_DIMENSION_ROOT_CAUSE);
  fields[9] = c->root_cause_detail;
  fields[10] = atlas_crash_get_label_id (crash, ATLAS_DIMENSION_ML_BUG);
  fields[11] = atlas_crash_get_label_id (crash, ATLAS_DIMENSION_STAGE);
  fields[12] = atlas_crash_get_label_id (crash, ATLAS_DIMENSION_LIBRARY);
  fields[13] = atlas_crash_get_cluster (crash) >= 0 ? cluster : NULL;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      if (i > 0)
        g_string_append_c (line, ',');
      atlas_csv_append_field (line, fields[i]);
    }
  g_string_append (line, "\r\n");
}

static void
append_jsonl (GString       *line,
              JsonGenerator *generator,
              AtlasCrash    *crash)
{
  g_autoptr(JsonNode) node = atlas_crash_to_json (crash);

  json_generator_set_root (generator, node);
  json_generator_to_gstring (generator, line);
  g_string_append_c (line, '\n');
}

/* Appends @crash's record in @format (jsonl or csv) to @line. */
static void
append_record (AtlasCrashFormat  format,
               GString          *line,
               JsonGenerator    *generator,
               AtlasCrash       *crash)
{
  if (format == ATLAS_CRASH_FORMAT_CSV)
    append_csv (line, crash);
  else
    append_jsonl (line, generator, crash);
}

static void
tally_crash (AtlasCrashWriter *self,
             AtlasCrash       *crash)
{
  const char *evalue = atlas_crash_get_evalue (crash);

  self->n_crashes++;
  tally (self->by_ename, (gpointer)atlas_crash_get_ename (crash), TRUE, evalue);
  for (guint d = 0; d < ATLAS_N_DIMENSIONS; d++)
    {
      const char *id = atlas_crash_get_label_id (crash, d);

      if (id != NULL)
        tally (self->by_label[d], (gpointer)id, TRUE, evalue);
    }
  if (atlas_crash_get_cluster (crash) >= 0)
    tally (self->by_cluster, GINT_TO_POINTER (atlas_crash_get_cluster (crash) + 1), FALSE, evalue);
}

void
atlas_crash_writer_add_crash (AtlasCrashWriter *self,
                              AtlasCrash       *crash)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (ATLAS_IS_CRASH (crash));

  if (self->format == ATLAS_CRASH_FORMAT_SUMMARY)
    {
      tally_crash (self, crash);
      return;
    }

  if (self->format == ATLAS_CRASH_FORMAT_CSV && !self->header_written)
    write_csv_header (self);
  g_string_truncate (self->line, 0);
  append_record (self->format, self->line, self->generator, crash);
  fwrite (self->line->str, 1, self->line->len, self->stream);
}

/* Formatting, json-glib's above all, is most of what writing records costs,
 * and it comes after a scan when one core would do it alone: records are
 * formatted a chunk at a time on several threads and written in order. */
#define CHUNK_CRASHES 128
/* Chunks formatted but not yet written, per thread: bounds the memory. */
#define CHUNKS_AHEAD 4

typedef struct
{
  AtlasCrashFormat    format;
  AtlasCrash * const *crashes;
  guint               n_crashes;
  guint               n_chunks;
  guint               window;
  GMutex              lock;
  GCond               cond;
  guint               next;     /* the first chunk nobody formats yet */
  guint               written;  /* chunks written so far */
  GString           **chunks;   /* formatted and waiting to be written */
} ParallelRecords;

static gpointer
format_chunks (gpointer data)
{
  ParallelRecords *records = data;
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  for (;;)
    {
      GString *chunk;
      guint k, end;

      g_mutex_lock (&records->lock);
      while (records->next < records->n_chunks && records->next >= records->written + records->window)
        g_cond_wait (&records->cond, &records->lock);
      k = records->next;
      if (k < records->n_chunks)
        records->next++;
      g_mutex_unlock (&records->lock);
      if (k >= records->n_chunks)
        return NULL;

      chunk = g_string_sized_new (CHUNK_CRASHES * 512);
      end = MIN ((k + 1) * CHUNK_CRASHES, records->n_crashes);
      for (guint i = k * CHUNK_CRASHES; i < end; i++)
        append_record (records->format, chunk, generator, records->crashes[i]);

      g_mutex_lock (&records->lock);
      records->chunks[k] = chunk;
      g_cond_broadcast (&records->cond);
      g_mutex_unlock (&records->lock);
    }
}

void
atlas_crash_writer_add_crashes (AtlasCrashWriter   *self,
                                AtlasCrash * const *crashes,
                                guint               n_crashes,
                                guint               n_threads)
{
  ParallelRecords records = { 0 };
  g_autoptr(GPtrArray) threads = NULL;

  g_return_if_fail (self != NULL);
  g_return_if_fail (crashes != NULL || n_crashes == 0);

  if (self->format == ATLAS_CRASH_FORMAT_SUMMARY || n_threads < 2 || n_crashes <= CHUNK_CRASHES)
    {
      for (guint i = 0; i < n_crashes; i++)
        atlas_crash_writer_add_crash (self, crashes[i]);
      return;
    }

  if (self->format == ATLAS_CRASH_FORMAT_CSV && !self->header_written)
    write_csv_header (self);

  records.format = self->format;
  records.crashes = crashes;
  records.n_crashes = n_crashes;
  records.n_chunks = (n_crashes + CHUNK_CRASHES - 1) / CHUNK_CRASHES;
  records.window = n_threads * CHUNKS_AHEAD;
  records.chunks = g_new0 (GString *, records.n_chunks);
  g_mutex_init (&records.lock);
  g_cond_init (&records.cond);

  threads = g_ptr_array_new ();
  for (guint i = 0; i < MIN (n_threads, records.n_chunks); i++)
    g_ptr_array_add (threads, g_thread_new ("atlas-records", format_chunks, &records));

  for (guint k = 0; k < records.n_chunks; k++)
    {
      GString *chunk;

      g_mutex_lock (&records.lock);
      while (records.chunks[k] == NULL)
        g_cond_wait (&records.cond, &records.lock);
      chunk = g_steal_pointer (&records.chunks[k]);
      records.written = k + 1;
      g_cond_broadcast (&records.cond);
      g_mutex_unlock (&records.lock);

      fwrite (chunk->str, 1, chunk->len, self->stream);
      g_string_free (chunk, TRUE);
    }

  for (guint i = 0; i < threads->len; i++)
    g_thread_join (g_ptr_array_index (threads, i));
  g_mutex_clear (&records.lock);
  g_cond_clear (&records.cond);
  g_free (records.chunks);
}

typedef struct
{
  gpointer     key;
  const Tally *tally;
} Entry;

static int
entry_compare (gconstpointer a,
               gconstpointer b)
{
  const Entry *ea = a, *eb = b;

  if (ea->tally->count != eb->tally->count)
    return ea->tally->count < eb->tally->count ? 1 : -1;
  return 0;
}

static GArray *
sorted_entries (GHashTable *table)
{
  GArray *entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Entry entry = { key, value };
      g_array_append_val (entries, entry);
    }
  /* Stable order for equal counts: sort keys first when they are strings. */
  g_array_sort (entries, entry_compare);
  return entries;
}

/* The first line of @text, at most @max_chars long, inert on a terminal. */
static char *
shorten (const char *text,
         guint       max_chars)
{
  g_autofree char *line = g_strndup (text, strcspn (text, "\n"));
  g_autofree char *start = NULL;
  g_autofree char *shortened = NULL;

  if (g_utf8_strlen (line, -1) <= max_chars)
    return atlas_text_for_terminal (line, -1, ATLAS_TEXT_DEFAULT);
  start = g_utf8_substring (line, 0, max_chars - 1);
  shortened = g_strconcat (start, "…", NULL);
  return atlas_text_for_terminal (shortened, -1, ATLAS_TEXT_DEFAULT);
}

/* Text of the corpus shown in a summary line. */
static char *
shown (const char *text)
{
  return atlas_text_for_terminal (text != NULL ? text : "", -1, ATLAS_TEXT_DEFAULT);
}

static void
print_dimension (AtlasCrashWriter *self,
                 AtlasDimension    dimension)
{
  g_autoptr(GArray) entries = sorted_entries (self->by_label[dimension]);
  int id_width = 8;

  if (entries->len == 0)
    return;

  for (guint i = 0; i < entries->len && i < 15; i++)
    id_width = MAX (id_width, (int)strlen (g_array_index (entries, Entry, i).key));

  fprintf (self->stream, "\n%s\n", atlas_dimension_display_name (dimension));
  for (guint i = 0; i < entries->len && i < 15; i++)
    {
      const Entry *e = &g_array_index (entries, Entry, i);
      const char *id = e->key;
      const char *name = NULL;
      guint value;

      g_autofree char *id_shown = shown (id);

      if (atlas_dimension_value_from_id (dimension, id, &value))
        name = atlas_dimension_value_name (dimension, value);
      fprintf (self->stream, "  %-*s %-28s %7u  %5.1f%%\n", id_width, id_shown, name ? name : "",
               e->tally->count, 100.0 * e->tally->count / MAX (self->n_crashes, 1));
    }
}

static void
print_summary (AtlasCrashWriter *self)
{
  g_autoptr(GArray) enames = sorted_entries (self->by_ename);
  g_autoptr(GArray) clusters = sorted_entries (self->by_cluster);
  g_autofree char *crashes = NULL;
  FILE *out = self->stream;

  fprintf (out, _("Notebooks: %u read, %u unreadable, %u never executed\n"),
           self->n_status[ATLAS_NOTEBOOK_STATUS_OK] + self->n_status[ATLAS_NOTEBOOK_STATUS_NOT_EXECUTED],
           self->n_status[ATLAS_NOTEBOOK_STATUS_UNREADABLE],
           self->n_status[ATLAS_NOTEBOOK_STATUS_NOT_EXECUTED]);
  crashes = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Crashes: %u in %u notebook",
                                          "Crashes: %u in %u notebooks", self->n_crashing_notebooks),
                             self->n_crashes, self->n_crashing_notebooks);
  fprintf (out, "%s\n", crashes);

  for (guint d = 0; d < ATLAS_N_DIMENSIONS; d++)
    print_dimension (self, d);

  if (enames->len > 0)
    fprintf (out, "\n%s\n", _("Exceptions"));
  for (guint i = 0; i < enames->len && i < 15; i++)
    {
      const Entry *e = &g_array_index (enames, Entry, i);
      g_autofree char *ename = shown (e->key);

      fprintf (out, "  %-40s %7u  %5.1f%%\n", ename, e->tally->count,
               100.0 * e->tally->count / MAX (self->n_crashes, 1));
    }

  if (clusters->len > 0)
    fprintf (out, "\n%s\n", _("Largest message clusters"));
  for (guint i = 0; i < clusters->len && i < 15; i++)
    {
      const Entry *e = &g_array_index (clusters, Entry, i);
      const char *message = e->tally->example != NULL && e->tally->example[0] != '\0'
                            ? e->tally->example : _("(empty message)");
      g_autofree char *example = shorten (message, 70);

      fprintf (out, "  #%-5d %7u  %s\n", GPOINTER_TO_INT (e->key) - 1, e->tally->count, example);
    }

  if (self->unreadable->len > 0)
    fprintf (out, "\n%s\n", _("Unreadable notebooks"));
  for (guint i = 0; i < self->unreadable->len; i++)
    {
      g_autofree char *message = atlas_text_for_terminal (g_ptr_array_index (self->unreadable, i), -1,
                                                          ATLAS_TEXT_KEEP_NEWLINES);

      fprintf (out, "  %s\n", message);
    }
}

gboolean
atlas_crash_writer_finish (AtlasCrashWriter  *self,
                           GError           **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->format == ATLAS_CRASH_FORMAT_SUMMARY)
    print_summary (self);
  else if (self->format == ATLAS_CRASH_FORMAT_CSV && !self->header_written)
    write_csv_header (self);

  if (fflush (self->stream) != 0 || ferror (self->stream))
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not write the output: %s"), g_strerror (saved));
      return FALSE;
    }

  return TRUE;
}

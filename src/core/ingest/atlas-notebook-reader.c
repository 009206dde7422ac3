/* atlas-notebook-reader.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-reader"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/stat.h>

#include "atlas-ansi.h"
#include <unistd.h>

#include "atlas-notebook-prescan.h"
#include "atlas-notebook-builder.h"
#include "atlas-notebook-reader.h"

/* Tolerant accessors: real notebooks hold every wrong type somewhere, and a
 * wrong type in one field must not cost the rest of the notebook. */

static JsonNode *
member (JsonObject *object,
        const char *name)
{
  return object != NULL ? json_object_get_member (object, name) : NULL;
}

static JsonObject *
member_object (JsonObject *object,
               const char *name)
{
  JsonNode *node = member (object, name);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static JsonArray *
member_array (JsonObject *object,
              const char *name)
{
  JsonNode *node = member (object, name);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static const char *
node_string (JsonNode *node)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  return node_string (member (object, name));
}

static gint64
member_int (JsonObject *object,
            const char *name,
            gint64      fallback)
{
  JsonNode *node = member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return fallback;
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return json_node_get_int (node);
  if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    return (gint64)json_node_get_double (node);
  return fallback;
}

/* How the cells of one document are read. */
typedef struct
{
  guint    nbformat;
  gboolean strings_valid;  /* no string of the document needs a UTF-8 check */
  gboolean outputs;        /* keep the cells' outputs (ATLAS_READ_OUTPUTS) */
} Reading;

static char *
valid_utf8 (const char *text,
            gssize      len,
            gboolean    known_valid)
{
  if (len < 0)
    len = strlen (text);
  if (known_valid || g_utf8_validate (text, len, NULL))
    return g_strndup (text, len);
  return g_utf8_make_valid (text, len);
}

/* nbformat's "multiline strings": a string, or a list of strings joined as
 * they are (each usually ends in its own newline). */
static char *
multiline_string (JsonNode *node,
                  gboolean  strings_valid)
{
  g_autoptr(GString) joined = NULL;
  JsonArray *array;

  if (node_string (node) != NULL)
    return valid_utf8 (node_string (node), -1, strings_valid);
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return g_strdup ("");

  array = json_node_get_array (node);
  joined = g_string_new (NULL);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      const char *part = node_string (json_array_get_element (array, i));

      if (part != NULL)
        g_string_append (joined, part);
    }

  return valid_utf8 (joined->str, joined->len, strings_valid);
}

static AtlasTraceback *
read_traceback (JsonObject *output,
                gboolean    strings_valid)
{
  JsonArray *array = member_array (output, "traceback");
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (strings_valid ? NULL : g_free);

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      const char *line = node_string (json_array_get_element (array, i));

      if (line != NULL)
        g_ptr_array_add (lines, strings_valid ? (char *)line : valid_utf8 (line, -1, FALSE));
    }

  return _atlas_traceback_parse_valid ((const char * const *)lines->pdata, lines->len);
}

static const char *
describe_node_type (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_NULL:
      return _("null");
    case JSON_NODE_OBJECT:
      return _("an object");
    case JSON_NODE_ARRAY:
      return _("a list");
    case JSON_NODE_VALUE:
    default:
      return json_node_get_value_type (node) == G_TYPE_BOOLEAN ? _("a boolean") : _("a number");
    }
}

/* ename and evalue are strings by the format; anything else (a number, a
 * null) is kept as its JSON text, and its type reported, rather than lost. */
static char *
error_field (AtlasNotebook   *notebook,
             const AtlasCell *cell,
             JsonObject      *output,
             const char      *name,
             const Reading   *reading)
{
  JsonNode *node = member (output, name);
  g_autofree char *text = NULL;

  if (node == NULL)
    return g_strdup ("");
  if (node_string (node) != NULL)
    return valid_utf8 (node_string (node), -1, reading->strings_valid);
  text = json_to_string (node, FALSE);
  if (g_utf8_strlen (text, -1) > 60)
    {
      g_autofree char *start = g_utf8_substring (text, 0, 59);

      g_free (text);
      text = g_strconcat (start, "…", NULL);
    }
  _atlas_notebook_add_issues (notebook, ATLAS_NOTEBOOK_ISSUE_ERROR_FIELD_TYPE);
  _atlas_notebook_add_note (notebook,
                            /* Translators: "cell 3: evalue is a number, kept as the text “42”" */
                            g_strdup_printf (_("cell %u: %s is %s, kept as the text “%s”"),
                                             cell->index, name, describe_node_type (node), text));
  return valid_utf8 (text, -1, FALSE);
}

static void
read_error_output (AtlasNotebook   *notebook,
                   const AtlasCell *cell,
                   JsonObject      *output,
                   const Reading   *reading)
{
  g_autofree char *ename = error_field (notebook, cell, output, "ename", reading);
  g_autofree char *evalue = error_field (notebook, cell, output, "evalue", reading);
  g_autoptr(AtlasTraceback) traceback = read_traceback (output, reading->strings_valid);
  AtlasCrash *crash;

  crash = atlas_crash_new (atlas_notebook_get_location (notebook),
                           atlas_notebook_get_platform (notebook),
                           cell->index, cell->execution_count, ename, evalue, traceback);
  atlas_crash_set_cell_source (crash, cell->source);
  _atlas_notebook_add_crash (notebook, crash);
}

static AtlasCellKind
cell_kind (const char *type)
{
  if (g_strcmp0 (type, "code") == 0)
    return ATLAS_CELL_CODE;
  if (g_strcmp0 (type, "markdown") == 0 || g_strcmp0 (type, "heading") == 0)
    return ATLAS_CELL_MARKDOWN;
  if (g_strcmp0 (type, "raw") == 0)
    return ATLAS_CELL_RAW;
  return ATLAS_CELL_OTHER;
}

static gboolean
has_tag (JsonObject *metadata,
         const char *tag)
{
  JsonArray *tags = member_array (metadata, "tags");

  for (guint i = 0; tags != NULL && i < json_array_get_length (tags); i++)
    if (g_strcmp0 (node_string (json_array_get_element (tags, i)), tag) == 0)
      return TRUE;
  return FALSE;
}

static char *
cell_source (JsonObject    *object,
             AtlasCellKind  kind,
             const Reading *reading)
{
  g_autofree char *source = NULL;
  gint64 level;

  /* nbformat 3 code cells keep their code in "input". */
  if (reading->nbformat < 4 && kind == ATLAS_CELL_CODE && member (object, "source") == NULL)
    return multiline_string (member (object, "input"), reading->strings_valid);

  source = multiline_string (member (object, "source"), reading->strings_valid);

  /* nbformat 3 "heading" cells become the markdown they stand for. */
  level = member_int (object, "level", 0);
  if (g_strcmp0 (member_string (object, "cell_type"), "heading") == 0)
    return g_strdup_printf ("%.*s %s", (int)CLAMP (level, 1, 6), "######", source);

  return g_steal_pointer (&source);
}

/* Plain text of an output: colour codes removed, cut to a length a view
 * can show. */
static AtlasOutput *
text_output (AtlasOutputKind  kind,
             const char      *text)
{
  AtlasOutput *output = g_new0 (AtlasOutput, 1);
  g_autofree char *plain = _atlas_ansi_strip_valid (text != NULL ? text : "");
  gsize len = strlen (plain);

  output->kind = kind;
  if (len > ATLAS_OUTPUT_MAX_TEXT)
    {
      const char *end = g_utf8_find_prev_char (plain, plain + ATLAS_OUTPUT_MAX_TEXT);

      output->truncated = TRUE;
      output->text = g_strndup (plain, end != NULL ? (gsize)(end - plain) : 0);
    }
  else
    output->text = g_steal_pointer (&plain);
  return output;
}

static AtlasOutput *
image_output (const char *mime,
              JsonNode   *node,
              gboolean    strings_valid)
{
  g_autofree char *encoded = multiline_string (node, strings_valid);
  AtlasOutput *output;
  guchar *decoded;
  gsize len = 0;

  if (*encoded == '\0' || strlen (encoded) / 4 * 3 > ATLAS_OUTPUT_MAX_IMAGE)
    return NULL;
  decoded = g_base64_decode (encoded, &len);
  if (len == 0)
    {
      g_free (decoded);
      return NULL;
    }
  output = g_new0 (AtlasOutput, 1);
  output->kind = ATLAS_OUTPUT_IMAGE;
  output->text = g_strdup (mime);
  output->image = g_bytes_new_take (decoded, len);
  return output;
}

/* A result or a display: its image if it has one, else its plain text.
 * nbformat 3 keeps the MIME bundle in the output itself ("text", "png"). */
static AtlasOutput *
data_output (JsonObject    *output,
             const Reading *reading)
{
  JsonObject *data = reading->nbformat < 4 ? output : member_object (output, "data");
  static const char *const images[][2] = {
    { "image/png", "png" }, { "image/jpeg", "jpeg" },
  };
  JsonNode *text;

  for (guint i = 0; data != NULL && i < G_N_ELEMENTS (images); i++)
    {
      JsonNode *node = member (data, images[i][reading->nbformat < 4 ? 1 : 0]);
      AtlasOutput *image = node != NULL ? image_output (images[i][0], node, reading->strings_valid) : NULL;

      if (image != NULL)
        return image;
    }
  text = member (data, reading->nbformat < 4 ? "text" : "text/plain");
  if (text == NULL)
    return NULL;
  {
    g_autofree char *joined = multiline_string (text, reading->strings_valid);

    return text_output (ATLAS_OUTPUT_TEXT, joined);
  }
}

static void
read_output (AtlasCell     *cell,
             JsonObject    *output,
             const char    *type,
             const Reading *reading)
{
  AtlasOutput *kept = NULL;

  if (g_strcmp0 (type, "stream") == 0)
    {
      g_autofree char *text = multiline_string (member (output, "text"), reading->strings_valid);

      kept = text_output (ATLAS_OUTPUT_STREAM, text);
    }
  else if (g_strcmp0 (type, "execute_result") == 0 || g_strcmp0 (type, "display_data") == 0
           || g_strcmp0 (type, "pyout") == 0)
    kept = data_output (output, reading);
  else if (g_strcmp0 (type, "error") == 0 || g_strcmp0 (type, "pyerr") == 0)
    {
      g_autofree char *ename = multiline_string (member (output, "ename"), reading->strings_valid);
      g_autofree char *evalue = multiline_string (member (output, "evalue"), reading->strings_valid);
      g_autofree char *both = *evalue != '\0' ? g_strdup_printf ("%s: %s", ename, evalue) : g_strdup (ename);

      kept = text_output (ATLAS_OUTPUT_ERROR, both);
    }
  if (kept != NULL)
    g_ptr_array_add (cell->outputs, kept);
}

static void
read_cell (AtlasNotebook *notebook,
           JsonNode      *node,
           const Reading *reading)
{
  JsonObject *object = node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  JsonObject *metadata = member_object (object, "metadata");
  JsonObject *papermill = member_object (metadata, "papermill");
  JsonArray *outputs = member_array (object, "outputs");
  AtlasCell *cell = g_new0 (AtlasCell, 1);

  cell->kind = cell_kind (member_string (object, "cell_type"));
  cell->source = cell_source (object, cell->kind, reading);
  cell->execution_count = member_int (object, reading->nbformat < 4 ? "prompt_number" : "execution_count", -1);
  if (cell->execution_count < 0 || cell->execution_count > G_MAXINT)
    cell->execution_count = -1;
  cell->n_outputs = outputs != NULL ? json_array_get_length (outputs) : 0;
  cell->papermill_injected = has_tag (metadata, "papermill-error-cell-tag");
  cell->papermill_failed = g_strcmp0 (member_string (papermill, "status"), "failed") == 0;
  if (reading->outputs && cell->kind == ATLAS_CELL_CODE)
    cell->outputs = g_ptr_array_new_with_free_func ((GDestroyNotify)atlas_output_free);
  _atlas_notebook_add_cell (notebook, cell);

  for (guint i = 0; i < cell->n_outputs; i++)
    {
      JsonNode *output = json_array_get_element (outputs, i);
      JsonObject *output_object;
      const char *type;

      if (!JSON_NODE_HOLDS_OBJECT (output))
        continue;
      output_object = json_node_get_object (output);
      type = member_string (output_object, "output_type");
      if (cell->outputs != NULL)
        read_output (cell, output_object, type, reading);
      if (g_strcmp0 (type, "error") == 0 || g_strcmp0 (type, "pyerr") == 0)
        {
          cell->has_error = TRUE;
          read_error_output (notebook, cell, output_object, reading);
        }
    }
}

static void
read_cells (AtlasNotebook *notebook,
            JsonArray     *cells,
            const Reading *reading)
{
  for (guint i = 0; cells != NULL && i < json_array_get_length (cells); i++)
    read_cell (notebook, json_array_get_element (cells, i), reading);
}

static const char *
describe_json_kind (char top_kind)
{
  switch (top_kind)
    {
    case '[':
      return _("a JSON array");
    case '"':
      return _("a JSON string");
    default:
      return _("a JSON scalar");
    }
}

static AtlasNotebook *
not_a_notebook (const char  *location,
                GError     **error)
{
  g_set_error (error, ATLAS_NOTEBOOK_ERROR, ATLAS_NOTEBOOK_ERROR_NOT_NOTEBOOK,
               _("%s: not a notebook (a JSON object without “cells” or “worksheets”)"), location);
  return NULL;
}

static AtlasNotebook *
build_notebook (JsonObject    *root,
                const char    *location,
                AtlasPlatform  platform,
                guint64        size,
                const char    *hash,
                gboolean       strings_valid,
                gboolean       outputs,
                AtlasNotebookIssues issues,
                GError       **error)
{
  JsonObject *metadata = member_object (root, "metadata");
  JsonArray *cells = member_array (root, "cells");
  JsonArray *worksheets = member_array (root, "worksheets");
  AtlasNotebookHeader header = { 0 };
  AtlasNotebook *notebook;
  Reading reading;

  /* An object that says it is a notebook (a number "nbformat") but has no
   * list of cells is read as one without cells, with a warning, just as a
   * worksheet without cells is; any other object is no notebook. */
  if (cells == NULL && worksheets == NULL && member_int (root, "nbformat", -1) < 0)
    {
      return not_a_notebook (location, error);
    }
  if (cells == NULL && worksheets == NULL)
    issues |= ATLAS_NOTEBOOK_ISSUE_NO_CELLS;

  header.nbformat = CLAMP (member_int (root, "nbformat", cells != NULL ? 4 : 3), 0, 1000);
  header.nbformat_minor = CLAMP (member_int (root, "nbformat_minor", 0), 0, 1000);
  header.language = member_string (member_object (metadata, "kernelspec"), "language");
  if (header.language == NULL)
    header.language = member_string (member_object (metadata, "language_info"), "name");
  header.papermill = member (metadata, "papermill") != NULL;
  header.size = size;
  header.content_hash = hash;
  header.issues = issues;

  reading.nbformat = header.nbformat;
  reading.strings_valid = strings_valid;
  reading.outputs = outputs;
  notebook = _atlas_notebook_new (location, platform, &header);
  if (cells != NULL)
    read_cells (notebook, cells, &reading);
  else if (worksheets != NULL)
    for (guint i = 0; i < json_array_get_length (worksheets); i++)
      {
        JsonNode *worksheet = json_array_get_element (worksheets, i);

        /* A worksheet that is not an object ({"worksheets":[null]}) holds
         * no cells; it is noted, never dereferenced. */
        JsonArray *worksheet_cells = JSON_NODE_HOLDS_OBJECT (worksheet)
                                     ? member_array (json_node_get_object (worksheet), "cells") : NULL;

        /* A worksheet that is not an object ({"worksheets":[null]}) or has
         * no list of cells holds nothing to read: the same for both, noted
         * and never dereferenced, like a notebook without worksheets. */
        if (worksheet_cells == NULL)
          {
            _atlas_notebook_add_issues (notebook, ATLAS_NOTEBOOK_ISSUE_BAD_WORKSHEET);
            continue;
          }
        read_cells (notebook, worksheet_cells, &reading);
      }

  _atlas_notebook_finish (notebook);
  return notebook;
}

/* Each thread keeps its buffers (the bytes of the file it reads and the
 * reduced document) from one notebook to the next: a fresh allocation per
 * file would be mmap'ed and munmap'ed by malloc, and every munmap stops the
 * other workers of the process to flush their TLBs, which serialises a scan.
 * Mapping the file has the same cost. */
typedef struct
{
  char      *data;
  gsize      size;
  GPtrArray *spare_json;  /* GString: reduced documents of drafts freed */
} ReadBuffers;

/* A buffer grown past this for one huge notebook is given back afterwards. */
#define READ_BUFFER_KEEP (64 * 1024 * 1024)
/* Drafts a worker holds at once (atlas-scanner.c keeps 8) and a few more,
 * each up to 1 MB (most reduced documents are a few kB). */
#define SPARE_JSON_MAX 12
#define SPARE_JSON_KEEP (1024 * 1024)

/* The file buffer is allocated in whole huge pages and asks for them:
 * copying a file out of the page cache into memory mapped with small pages
 * costs about twice as much, most of it in TLB misses (more so in a virtual
 * machine). 8 MB holds all but the largest notebooks. */
#define HUGE_PAGE (2 * 1024 * 1024)
#define READ_BUFFER_MIN (8 * 1024 * 1024)

static void
file_buffer_free (char *data)
{
  free (data);
}

static char *
file_buffer_new (gsize size)
{
  void *data = NULL;

  if (posix_memalign (&data, HUGE_PAGE, size) != 0)
    g_error ("%s: failed to allocate %" G_GSIZE_FORMAT " bytes", G_STRLOC, size);
#ifdef MADV_HUGEPAGE
  madvise (data, size, MADV_HUGEPAGE);
#endif
  return data;
}

/* Makes room for @needed bytes, keeping the first @keep. */
static void
read_buffers_reserve (ReadBuffers *buffers,
                      gsize        needed,
                      gsize        keep)
{
  gsize size;
  char *data;

  if (buffers->size >= needed)
    return;

  size = MAX (READ_BUFFER_MIN, (needed + HUGE_PAGE - 1) / HUGE_PAGE * HUGE_PAGE);
  data = file_buffer_new (size);
  if (keep > 0)
    memcpy (data, buffers->data, keep);
  file_buffer_free (buffers->data);
  buffers->data = data;
  buffers->size = size;
}

static void
string_free (gpointer string)
{
  g_string_free (string, TRUE);
}

static void
read_buffers_free (gpointer data)
{
  ReadBuffers *buffers = data;

  file_buffer_free (buffers->data);
  g_ptr_array_unref (buffers->spare_json);
  g_free (buffers);
}

static GPrivate read_buffers_key = G_PRIVATE_INIT (read_buffers_free);

static ReadBuffers *
thread_read_buffers (void)
{
  ReadBuffers *buffers = g_private_get (&read_buffers_key);

  if (buffers == NULL)
    {
      buffers = g_new0 (ReadBuffers, 1);
      buffers->spare_json = g_ptr_array_new_with_free_func (string_free);
      g_private_set (&read_buffers_key, buffers);
    }
  return buffers;
}

static void
thread_read_buffers_trim (void)
{
  ReadBuffers *buffers = g_private_get (&read_buffers_key);

  if (buffers != NULL && buffers->size > READ_BUFFER_KEEP)
    {
      g_clear_pointer (&buffers->data, file_buffer_free);
      buffers->size = 0;
    }
}

/* A draft's reduced document is a string a thread reuses once the draft is
 * freed: allocating one for each crashing notebook costs malloc a fresh
 * mapping for the larger ones, and the unmapping stops every worker. */
static GString *
take_json_string (void)
{
  GPtrArray *spare = thread_read_buffers ()->spare_json;

  if (spare->len > 0)
    return g_ptr_array_steal_index_fast (spare, spare->len - 1);
  return g_string_sized_new (64 * 1024);
}

static void
give_back_json_string (GString *json)
{
  GPtrArray *spare = thread_read_buffers ()->spare_json;

  if (spare->len < SPARE_JSON_MAX && json->allocated_len <= SPARE_JSON_KEEP)
    g_ptr_array_add (spare, json);
  else
    g_string_free (json, TRUE);
}

/* A notebook without crashes, for ATLAS_READ_CRASHES_ONLY: everything the
 * pre-scan could check has been, and nothing is parsed. */
static AtlasNotebook *
crash_free_notebook (const AtlasPrescan *prescan,
                     const char         *location,
                     AtlasPlatform       platform,
                     guint64             size,
                     const char         *hash,
                     AtlasNotebookIssues issues)
{
  AtlasNotebookHeader header = { 0 };

  header.issues = issues;

  header.size = size;
  header.content_hash = hash;
  header.executed = prescan->has_run_cell;
  return _atlas_notebook_new (location, platform, &header);
}

struct _AtlasNotebookDraft
{
  GString       *json;      /* the reduced document, valid UTF-8 */
  gboolean       outputs;   /* ATLAS_READ_OUTPUTS: the document is whole */
  gsize          size;      /* of the file */
  char          *hash;
  char          *location;
  AtlasPlatform  platform;
  AtlasNotebookIssues issues;
};

void
atlas_notebook_draft_free (AtlasNotebookDraft *draft)
{
  if (draft == NULL)
    return;
  give_back_json_string (draft->json);
  g_free (draft->hash);
  g_free (draft->location);
  g_free (draft);
}

/* JSON forbids raw control characters inside strings; json-glib reads
 * them. Called only for documents holding a TAB. */
static gboolean
has_raw_control_in_string (const char *data,
                           gsize       len)
{
  gboolean in_string = FALSE;

  for (gsize i = 0; i < len; i++)
    {
      guchar c = data[i];

      if (!in_string)
        in_string = c == '"';
      else if (c == '\\')
        i++;
      else if (c == '"')
        in_string = FALSE;
      else if (c < 0x20)
        return TRUE;
    }
  return FALSE;
}

/* Everything up to parsing: a notebook that needs no parsing (or an error)
 * comes back at once, the others as *@draft. */
static AtlasNotebook *
read_data (const char          *data,
           gsize                len,
           const char          *location,
           AtlasPlatform        platform,
           AtlasReadFlags       flags,
           AtlasNotebookDraft **draft,
           GError             **error)
{
  g_auto(AtlasPrescan) prescan = { 0 };
  g_autoptr(GError) local_error = NULL;
  g_autofree char *hash = NULL;
  AtlasNotebookDraft *result;
  AtlasNotebookIssues issues = 0;
  GString *reduced;

  *draft = NULL;
  if (len > ATLAS_NOTEBOOK_MAX_SIZE)
    {
      g_set_error (error, ATLAS_NOTEBOOK_ERROR, ATLAS_NOTEBOOK_ERROR_TOO_LARGE,
                   _("%s: larger than %u MB"), location,
                   (guint)(ATLAS_NOTEBOOK_MAX_SIZE / (1024 * 1024)));
      return NULL;
    }

  if (flags & ATLAS_READ_CONTENT_HASH)
    hash = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)data, len);

  /* Some editors on Windows start the file with a byte-order mark. */
  if (len >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      len -= 3;
      issues |= ATLAS_NOTEBOOK_ISSUE_BOM;
    }
  /* nbformat indents with spaces: a TAB anywhere is rare enough that only
   * then are the strings looked at one byte at a time. */
  if (memchr (data, '\t', len) != NULL && has_raw_control_in_string (data, len))
    issues |= ATLAS_NOTEBOOK_ISSUE_RAW_CONTROL;

  if (!atlas_prescan_run (data, len,
                          (flags & ATLAS_READ_PLAIN_TRACEBACKS) ? ATLAS_PRESCAN_PLAIN_TRACEBACKS : ATLAS_PRESCAN_DEFAULT,
                          &prescan, &local_error))
    {
      g_set_error (error, ATLAS_NOTEBOOK_ERROR, local_error->code, "%s: %s", location, local_error->message);
      return NULL;
    }

  if (!prescan.top_is_object)
    {
      g_set_error (error, ATLAS_NOTEBOOK_ERROR, ATLAS_NOTEBOOK_ERROR_NOT_NOTEBOOK,
                   _("%s: not a notebook (%s)"), location, describe_json_kind (prescan.top_kind));
      return NULL;
    }

  if (!prescan.has_cell_list && !prescan.unsure && !prescan.declares_nbformat)
    {
      return not_a_notebook (location, error);
    }
  if (!prescan.has_cell_list && !prescan.unsure)
    issues |= ATLAS_NOTEBOOK_ISSUE_NO_CELLS;

  if ((flags & ATLAS_READ_PLATFORM_FROM_METADATA) && prescan.claims_kaggle)
    platform = ATLAS_PLATFORM_KAGGLE;

  /* The pre-scan reads member names and the values it tests byte for
   * byte; where one is written with an escape ("output\u005ftype") it
   * cannot be sure, and json-glib reads the document whole instead, so the
   * pre-scan never hides a crash json-glib would find. */
  if ((flags & ATLAS_READ_CRASHES_ONLY) && prescan.n_error_outputs == 0 && !prescan.unsure)
    return crash_free_notebook (&prescan, location, platform, len, hash, issues);

  reduced = take_json_string ();
  /* The reduced document has no output payloads: one that keeps them
   * parses the whole. */
  if (prescan.unsure || (flags & ATLAS_READ_OUTPUTS))
    {
      g_string_truncate (reduced, 0);
      g_string_append_len (reduced, data, len);
    }
  else
    atlas_prescan_write_reduced (&prescan, data, len, reduced);

  result = g_new0 (AtlasNotebookDraft, 1);
  result->json = reduced;
  result->size = len;
  result->hash = g_steal_pointer (&hash);
  result->location = g_strdup (location);
  result->platform = platform;
  result->issues = issues;
  result->outputs = (flags & ATLAS_READ_OUTPUTS) != 0;
  *draft = result;
  return NULL;
}

/* json-glib checks that a document is UTF-8 before it parses it, but turns
 * an escaped lone surrogate (\uD800 to \uDFFF without its pair) into bytes
 * that are not. Only a document holding a backslash, "u" and "d" (or a
 * malformed "\u") needs its strings checked one by one. Every backslash starts an escape, so stepping
 * over the byte after it keeps an escaped backslash before a "u" from
 * counting. (memchr() rather than memmem(): glibc's memmem() spent 1.7% of
 * a scan's instructions on this.) */
static gboolean
may_hold_surrogate_escape (const char *json,
                           gsize       len)
{
  const char *end = json + len;
  const char *p = json;

  while ((p = memchr (p, '\\', end - p)) != NULL && end - p > 2)
    {
      if (p[1] == 'u' && (p[2] == 'd' || p[2] == 'D'))
        return TRUE;
      /* json-glib also takes "\u" with fewer than four hex digits, and
       * swallows the bytes after it: the fuzzer found lone UTF-8
       * continuation bytes left in a traceback that way. */
      if (p[1] == 'u' && (end - p < 6 || !g_ascii_isxdigit (p[2]) || !g_ascii_isxdigit (p[3]) ||
                          !g_ascii_isxdigit (p[4]) || !g_ascii_isxdigit (p[5])))
        return TRUE;
      p += 2;
    }
  return FALSE;
}

/* The value of four hex digits at @p, or -1. */
static int
hex4 (const char *p,
      const char *end)
{
  int value = 0;

  if (end - p < 4)
    return -1;
  for (guint i = 0; i < 4; i++)
    {
      if (!g_ascii_isxdigit (p[i]))
        return -1;
      value = value * 16 + g_ascii_xdigit_value (p[i]);
    }
  return value;
}

/* json-glib ends a string at an escaped NUL (\u0000: the rest of a source
 * line, crashing line included, would be lost) and turns an unpaired
 * surrogate into bytes that are not UTF-8. Both are rewritten in place, as
 * "\ufffd" has the same length, so they read as U+FFFD. Returns whether
 * anything was rewritten. Only escapes are looked at: every backslash
 * starts one, so the byte after it is stepped over. */
static gboolean
replace_bad_escapes (char  *json,
                     gsize  len)
{
  char *end = json + len;
  char *p = json;
  gboolean any = FALSE;

  while ((p = memchr (p, '\\', end - p)) != NULL && end - p > 1)
    {
      int unit = p[1] == 'u' ? hex4 (p + 2, end) : -1;

      if (unit < 0)
        {
          p += 2;
          continue;
        }
      if (unit >= 0xd800 && unit <= 0xdbff && end - p >= 12 && p[6] == '\\' && p[7] == 'u')
        {
          int low = hex4 (p + 8, end);

          if (low >= 0xdc00 && low <= 0xdfff)
            {
              p += 12;  /* a proper pair */
              continue;
            }
        }
      if (unit == 0 || (unit >= 0xd800 && unit <= 0xdfff))
        {
          memcpy (p + 2, "fffd", 4);
          any = TRUE;
        }
      p += 6;
    }
  return any;
}

gsize
atlas_notebook_draft_get_size (AtlasNotebookDraft *draft)
{
  g_return_val_if_fail (draft != NULL, 0);
  return draft->json->len;
}

AtlasNotebook *
atlas_notebook_draft_finish (AtlasNotebookDraft  *draft,
                             GError             **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;
  gboolean ok;

  g_return_val_if_fail (draft != NULL, NULL);

  if (replace_bad_escapes (draft->json->str, draft->json->len))
    draft->issues |= ATLAS_NOTEBOOK_ISSUE_BAD_ESCAPE;

  parser = json_parser_new ();
  ok = json_parser_load_from_data (parser, draft->json->str, draft->json->len, &local_error);
  /* Bytes that are not UTF-8 can only sit inside strings (the pre-scan saw
   * the structure whole), so replacing them keeps everything else readable.
   * json-glib checks the encoding before it parses: checking it again only
   * when parsing failed spares every other notebook a pass. */
  if (!ok && !g_utf8_validate (draft->json->str, draft->json->len, NULL))
    {
      g_autofree char *valid = g_utf8_make_valid (draft->json->str, draft->json->len);

      g_string_assign (draft->json, valid);
      draft->issues |= ATLAS_NOTEBOOK_ISSUE_INVALID_UTF8;
      g_clear_error (&local_error);
      ok = json_parser_load_from_data (parser, draft->json->str, draft->json->len, &local_error);
    }
  if (!ok)
    {
      g_set_error (error, ATLAS_NOTEBOOK_ERROR, ATLAS_NOTEBOOK_ERROR_INVALID_JSON,
                   _("%s: invalid JSON: %s"), draft->location, local_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, ATLAS_NOTEBOOK_ERROR, ATLAS_NOTEBOOK_ERROR_NOT_NOTEBOOK,
                   _("%s: not a notebook"), draft->location);
      return NULL;
    }

  return build_notebook (json_node_get_object (root), draft->location, draft->platform,
                         draft->size, draft->hash,
                         !may_hold_surrogate_escape (draft->json->str, draft->json->len),
                         draft->outputs, draft->issues, error);
}

AtlasNotebook *
atlas_notebook_read_bytes (GBytes         *bytes,
                           const char     *location,
                           AtlasPlatform   platform,
                           AtlasReadFlags  flags,
                           GError        **error)
{
  g_autoptr(AtlasNotebookDraft) draft = NULL;
  AtlasNotebook *notebook;
  gsize len;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (location != NULL, NULL);

  data = g_bytes_get_data (bytes, &len);
  notebook = read_data (data != NULL ? data : "", len, location, platform, flags, &draft, error);
  thread_read_buffers_trim ();
  if (draft == NULL)
    return notebook;
  return atlas_notebook_draft_finish (draft, error);
}

static gboolean
set_io_error (GError     **error,
              const char  *location,
              int          saved_errno)
{
  g_set_error (error, ATLAS_NOTEBOOK_ERROR, ATLAS_NOTEBOOK_ERROR_UNREADABLE,
               "%s: %s", location, g_strerror (saved_errno));
  return FALSE;
}

static const char *
describe_file_kind (mode_t mode)
{
  if (S_ISDIR (mode))
    return _("a folder");
  if (S_ISFIFO (mode))
    return _("a FIFO");
  if (S_ISSOCK (mode))
    return _("a socket");
  if (S_ISCHR (mode) || S_ISBLK (mode))
    return _("a device");
  return _("not a regular file");
}

static gboolean
not_regular (GError     **error,
             const char  *location,
             mode_t       mode)
{
  if (S_ISDIR (mode))
    return set_io_error (error, location, EISDIR);
  g_set_error (error, ATLAS_NOTEBOOK_ERROR, ATLAS_NOTEBOOK_ERROR_UNREADABLE,
               _("%s: skipped, not a regular file (%s); it was not opened"),
               location, describe_file_kind (mode));
  return FALSE;
}

/* Reads the whole file into this thread's buffer; *@data stays valid until
 * the thread reads the next file. */
static gboolean
read_whole_file (const char  *path,
                 const char  *location,
                 const char **data,
                 gsize       *len,
                 GError     **error)
{
  ReadBuffers *buffers;
  GStatBuf st;
  gsize done = 0;
  int fd;

  /* A FIFO, socket or device would block the open or the read forever (or
   * read without end): the kind is checked before anything is opened, and
   * O_NONBLOCK guards an open that races with a swap of the file. */
  if (g_stat (path, &st) != 0)
    return set_io_error (error, location, errno);
  if (!S_ISREG (st.st_mode))
    return not_regular (error, location, st.st_mode);

  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY, 0);
  if (fd < 0)
    return set_io_error (error, location, errno);

  if (fstat (fd, &st) != 0)
    {
      int saved = errno;

      close (fd);
      return set_io_error (error, location, saved);
    }
  if (!S_ISREG (st.st_mode))
    {
      close (fd);
      return not_regular (error, location, st.st_mode);
    }

  if ((guint64)st.st_size > ATLAS_NOTEBOOK_MAX_SIZE)
    {
      close (fd);
      g_set_error (error, ATLAS_NOTEBOOK_ERROR, ATLAS_NOTEBOOK_ERROR_TOO_LARGE,
                   _("%s: larger than %u MB"), location,
                   (guint)(ATLAS_NOTEBOOK_MAX_SIZE / (1024 * 1024)));
      return FALSE;
    }

  /* One byte more than the size shows whether the file grew meanwhile. */
  buffers = thread_read_buffers ();
  read_buffers_reserve (buffers, (gsize)st.st_size + 1, 0);
  for (;;)
    {
      gssize n = read (fd, buffers->data + done, buffers->size - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;

          close (fd);
          return set_io_error (error, location, saved);
        }
      if (n == 0)
        break;
      done += n;
      /* The read asked for more than fstat()'s size: stopping exactly there,
       * it stopped at the end, and a read that only returns 0 is saved. */
      if (done == (gsize)st.st_size)
        break;
      if (done == buffers->size)
        read_buffers_reserve (buffers, buffers->size * 2, done);
    }

  close (fd);
  *data = buffers->data;
  *len = done;
  return TRUE;
}

AtlasNotebook *
atlas_notebook_read_file_draft (const char          *path,
                                const char          *location,
                                AtlasPlatform        platform,
                                AtlasReadFlags       flags,
                                AtlasNotebookDraft **draft,
                                GError             **error)
{
  AtlasNotebook *notebook;
  const char *data = NULL;
  gsize len = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (draft != NULL, NULL);

  *draft = NULL;
  if (location == NULL)
    location = path;

  if (!read_whole_file (path, location, &data, &len, error))
    return NULL;

  notebook = read_data (data, len, location, platform, flags, draft, error);
  thread_read_buffers_trim ();
  return notebook;
}

AtlasNotebook *
atlas_notebook_read_file (const char     *path,
                          const char     *location,
                          AtlasPlatform   platform,
                          AtlasReadFlags  flags,
                          GError        **error)
{
  g_autoptr(AtlasNotebookDraft) draft = NULL;
  AtlasNotebook *notebook;

  g_return_val_if_fail (path != NULL, NULL);

  notebook = atlas_notebook_read_file_draft (path, location, platform, flags, &draft, error);
  if (draft == NULL)
    return notebook;
  return atlas_notebook_draft_finish (draft, error);
}

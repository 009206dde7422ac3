/* atlas-notebook.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-notebook"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "atlas-notebook-builder.h"

struct _AtlasNotebook
{
  GObject        parent_instance;

  char          *location;
  char          *url;
  char          *language;
  char          *content_hash;
  GPtrArray     *cells;      /* AtlasCell */
  GPtrArray     *crashes;    /* AtlasCrash */
  GPtrArray     *imports;    /* AtlasImport */
  char         **packages;
  GArray        *headings;   /* AtlasHeading */
  GArray        *anomalies;  /* AtlasOrderAnomaly */
  guint64        size;
  AtlasPlatform  platform;
  guint          nbformat;
  guint          nbformat_minor;
  guint          papermill : 1;
  guint          executed : 1;
  AtlasNotebookIssues issues;
  GPtrArray     *notes;      /* char *: warnings with details, or NULL */
  guint          n_cells;       /* stays when the cells are dropped */
  /* Guards the cells' names: a g_once per cell would wake every thread
   * waiting on any g_once of the process, a system call for each cell. */
  GMutex         names_lock;
};

G_DEFINE_FINAL_TYPE (AtlasNotebook, atlas_notebook, G_TYPE_OBJECT)

/* g_ptr_array_sort hands the comparator pointers to the elements. */
static int
compare_indirect (gconstpointer a,
                  gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

G_DEFINE_QUARK (atlas-notebook-error-quark, atlas_notebook_error)

static void
heading_clear (gpointer data)
{
  AtlasHeading *heading = data;

  g_free (heading->text);
}

static void
atlas_notebook_finalize (GObject *object)
{
  AtlasNotebook *self = (AtlasNotebook *)object;

  g_free (self->location);
  g_free (self->url);
  g_free (self->language);
  g_free (self->content_hash);
  g_mutex_clear (&self->names_lock);
  g_ptr_array_unref (self->cells);
  g_ptr_array_unref (self->crashes);
  g_ptr_array_unref (self->imports);
  g_strfreev (self->packages);
  g_array_unref (self->headings);
  g_array_unref (self->anomalies);
  g_clear_pointer (&self->notes, g_ptr_array_unref);

  G_OBJECT_CLASS (atlas_notebook_parent_class)->finalize (object);
}

static void
atlas_notebook_class_init (AtlasNotebookClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = atlas_notebook_finalize;
}

static void
atlas_notebook_init (AtlasNotebook *self)
{
  self->cells = g_ptr_array_new_with_free_func ((GDestroyNotify)atlas_cell_free);
  self->crashes = g_ptr_array_new_with_free_func (g_object_unref);
  self->imports = g_ptr_array_new_with_free_func ((GDestroyNotify)atlas_import_free);
  self->headings = g_array_new (FALSE, FALSE, sizeof (AtlasHeading));
  g_array_set_clear_func (self->headings, heading_clear);
  self->anomalies = g_array_new (FALSE, FALSE, sizeof (AtlasOrderAnomaly));
  g_mutex_init (&self->names_lock);
}

AtlasNotebook *
_atlas_notebook_new (const char                *location,
                     AtlasPlatform              platform,
                     const AtlasNotebookHeader *header)
{
  AtlasNotebook *self = g_object_new (ATLAS_TYPE_NOTEBOOK, NULL);

  self->location = g_strdup (location);
  self->platform = platform;
  self->nbformat = header->nbformat;
  self->nbformat_minor = header->nbformat_minor;
  self->language = g_strdup (header->language);
  self->papermill = !!header->papermill;
  self->size = header->size;
  self->content_hash = g_strdup (header->content_hash);
  self->executed = !!header->executed;
  self->issues = header->issues;

  return self;
}

void
_atlas_notebook_add_cell (AtlasNotebook *self,
                          AtlasCell     *cell)
{
  g_assert (ATLAS_IS_NOTEBOOK (self));

  cell->index = self->n_cells++;
  if (cell->kind == ATLAS_CELL_CODE && (cell->n_outputs > 0 || cell->execution_count >= 0))
    self->executed = TRUE;
  g_ptr_array_add (self->cells, cell);
}

void
_atlas_notebook_add_crash (AtlasNotebook *self,
                           AtlasCrash    *crash)
{
  g_assert (ATLAS_IS_NOTEBOOK (self));

  g_ptr_array_add (self->crashes, crash);
}

/* Facts ----------------------------------------------------------------- */

static gboolean
imports_tf_keras (const AtlasImport *import)
{
  if (g_strcmp0 (import->package, "tensorflow") != 0)
    return FALSE;

  return g_str_has_prefix (import->module, "tensorflow.keras") ||
         g_strcmp0 (import->symbol, "keras") == 0;
}

static void
collect_imports (AtlasNotebook *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) packages = g_ptr_array_new ();

  for (guint i = 0; i < self->cells->len; i++)
    {
      const AtlasCell *cell = g_ptr_array_index (self->cells, i);

      /* Tokenizing is the dearest part of reading; most cells import nothing. */
      if (cell->kind == ATLAS_CELL_CODE && strstr (cell->source, "import") != NULL)
        atlas_python_scan_imports (cell->source, i, self->imports);
    }

  for (guint i = 0; i < self->imports->len; i++)
    {
      const AtlasImport *import = g_ptr_array_index (self->imports, i);
      const char *keras;

      if (import->package[0] != '\0' && g_hash_table_add (seen, import->package))
        g_ptr_array_add (packages, g_strdup (import->package));

      /* The taxonomy counts tf.keras as Keras, so importing it is a use of
       * Keras too (for crashes per use). */
      keras = imports_tf_keras (import) ? "keras" : NULL;
      if (keras != NULL && g_hash_table_add (seen, (gpointer)keras))
        g_ptr_array_add (packages, g_strdup (keras));
    }

  g_ptr_array_sort (packages, compare_indirect);
  g_ptr_array_add (packages, NULL);
  self->packages = (char **)g_ptr_array_free (g_steal_pointer (&packages), FALSE);
}

/* Called with names_lock held. */
static void
ensure_cell_names (AtlasCell *cell)
{
  if (cell->kind == ATLAS_CELL_CODE && !cell->names_ready)
    {
      atlas_python_scan_names (cell->source, &cell->defines, &cell->uses);
      cell->names_ready = TRUE;
    }
}

static void
collect_headings_of_cell (AtlasNotebook   *self,
                          const AtlasCell *cell)
{
  const char *line = cell->source;

  while (line != NULL && *line != '\0')
    {
      const char *eol = strchr (line, '\n');
      gsize len = eol ? (gsize)(eol - line) : strlen (line);
      guint level = 0;

      while (level < len && line[level] == '#')
        level++;

      if (level > 0 && level <= 6 && level < len && (line[level] == ' ' || line[level] == '\t'))
        {
          AtlasHeading heading = { cell->index, level, NULL };
          g_autofree char *text = g_strndup (line + level, len - level);

          heading.text = g_strdup (g_strstrip (text));
          if (heading.text[0] != '\0')
            g_array_append_val (self->headings, heading);
          else
            g_free (heading.text);
        }

      line = eol ? eol + 1 : NULL;
    }
}

static void
collect_headings (AtlasNotebook *self)
{
  for (guint i = 0; i < self->cells->len; i++)
    {
      const AtlasCell *cell = g_ptr_array_index (self->cells, i);

      if (cell->kind == ATLAS_CELL_MARKDOWN)
        collect_headings_of_cell (self, cell);
    }
}

static void
add_anomaly (AtlasNotebook         *self,
             AtlasOrderAnomalyKind  kind,
             guint                  cell,
             guint                  previous)
{
  AtlasOrderAnomaly anomaly = { kind, cell, previous };

  g_array_append_val (self->anomalies, anomaly);
}

static gboolean
is_blank (const char *text)
{
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

static void
collect_order_anomalies (AtlasNotebook *self)
{
  int first_executed = -1, last_executed = -1;
  const AtlasCell *previous = NULL;

  for (guint i = 0; i < self->cells->len; i++)
    {
      const AtlasCell *cell = g_ptr_array_index (self->cells, i);

      if (cell->kind == ATLAS_CELL_CODE && cell->execution_count >= 0)
        {
          if (first_executed < 0)
            first_executed = i;
          last_executed = i;
        }
    }

  for (guint i = 0; i < self->cells->len; i++)
    {
      const AtlasCell *cell = g_ptr_array_index (self->cells, i);

      if (cell->kind != ATLAS_CELL_CODE)
        continue;

      if (cell->execution_count < 0)
        {
          if ((int)i > first_executed && (int)i < last_executed && !is_blank (cell->source))
            add_anomaly (self, ATLAS_ORDER_NULL_EXECUTED, i, previous ? previous->index : i);
          continue;
        }

      if (previous != NULL)
        {
          if (cell->execution_count < previous->execution_count)
            add_anomaly (self, ATLAS_ORDER_DECREASE, i, previous->index);
          else if (cell->execution_count == previous->execution_count)
            add_anomaly (self, ATLAS_ORDER_REPEAT, i, previous->index);
          else if (cell->execution_count > previous->execution_count + 1)
            add_anomaly (self, ATLAS_ORDER_JUMP, i, previous->index);
        }
      previous = cell;
    }
}

static char *
line_of (const char *source,
         guint       line)
{
  const char *p = source;

  for (guint i = 1; i < line && p != NULL; i++)
    {
      p = strchr (p, '\n');
      if (p != NULL)
        p++;
    }
  if (p == NULL || line == 0)
    return NULL;

  return g_strndup (p, strcspn (p, "\n"));
}

/* The line of @source whose code equals @code (both stripped), 1-based, or 0. */
static guint
find_code_line (const char *source,
                const char *code)
{
  g_autofree char *wanted = g_strstrip (g_strdup (code));
  g_auto(GStrv) lines = NULL;

  if (wanted[0] == '\0')
    return 0;

  lines = g_strsplit (source, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_equal (g_strstrip (lines[i]), wanted))
      return i + 1;

  return 0;
}

static gboolean
code_matches_line (const char *source,
                   guint       line,
                   const char *code)
{
  g_autofree char *text = line_of (source, line);

  if (text == NULL)
    return FALSE;
  if (code == NULL)
    return TRUE;

  {
    g_autofree char *wanted = g_strdup (code);

    return g_str_equal (g_strstrip (text), g_strstrip (wanted));
  }
}

/* The user frame that belongs to the crashing cell: the first one with the
 * cell's execution count, else the first user frame (Kaggle's file names
 * carry no count). Later user frames are in functions of other cells. */
static const AtlasFrame *
frame_of_cell (AtlasTraceback *traceback,
               int             execution_count)
{
  const AtlasFrame *first = NULL;

  for (guint i = 0; i < atlas_traceback_get_n_frames (traceback); i++)
    {
      const AtlasFrame *frame = atlas_traceback_get_frame (traceback, i);

      if (frame->kind != ATLAS_FRAME_USER_CELL)
        continue;
      if (execution_count >= 0 && frame->execution_count == execution_count)
        return frame;
      if (first == NULL)
        first = frame;
    }

  return first;
}

static void
locate_crash_line (AtlasCrash *crash)
{
  AtlasTraceback *traceback = atlas_crash_get_traceback (crash);
  const char *source = atlas_crash_get_cell_source (crash);
  const AtlasFrame *frame;
  guint line = 0;

  if (traceback == NULL || source == NULL)
    return;

  frame = frame_of_cell (traceback, atlas_crash_get_execution_count (crash));
  if (frame == NULL)
    return;

  if (frame->line > 0 && code_matches_line (source, frame->line, frame->code))
    line = frame->line;
  else if (frame->code != NULL)
    line = find_code_line (source, frame->code);

  atlas_crash_set_line (crash, line);
}

void
_atlas_notebook_finish (AtlasNotebook *self)
{
  g_assert (ATLAS_IS_NOTEBOOK (self));

  collect_imports (self);
  collect_headings (self);
  collect_order_anomalies (self);

  for (guint i = 0; i < self->crashes->len; i++)
    locate_crash_line (g_ptr_array_index (self->crashes, i));
}

/* Accessors --------------------------------------------------------------- */

const char *
atlas_notebook_get_location (AtlasNotebook *self)
{
  g_return_val_if_fail (ATLAS_IS_NOTEBOOK (self), NULL);
  return self->location;
}

AtlasPlatform
atlas_notebook_get_platform (AtlasNotebook *self)
{
  g_return_val_if_fail (ATLAS_IS_NOTEBOOK (self), ATLAS_PLATFORM_LOCAL);
  return self->platform;
}

const char *
atlas_notebook_get_url (AtlasNotebook *self)
{
  g_return_val_if_fail (ATLAS_IS_NOTEBOOK (self), NULL);
  return self->url;
}

void
atlas_notebook_set_url (AtlasNotebook *self,
                        const char    *url)
{
  g_return_if_fail (ATLAS_IS_NOTEBOOK (self));

  g_free (self->url);
  self->url = g_strdup (url);
  for (guint i = 0; i < self->crashes->len; i++)
    atlas_crash_set_url (g_ptr_array_index (self->crashes, i), url);
}

guint
atlas_notebook_get_nbformat (AtlasNotebook *self)
{
  g_return_val_if_fail (ATLAS_IS_NOTEBOOK (self), 0);
  return self->nbformat;
}

guint
atlas_notebook_get_nbformat_minor (AtlasNotebook *self)
{
  g_return_val_if_fail (ATLAS_IS_NOTEBOOK (self), 0);
  return self->nbformat_minor;
}

const char *
atlas_notebook_get_language (AtlasNotebook *self)
{
  g_return_val_if_fail (ATLAS_IS_NOTEBOOK (self), NULL);
  return self->language;
}

gboolean
atlas_notebook_is_papermill (AtlasNotebook *self)
{
  g_return_val_if_fail (ATLAS_IS_NOTEBOOK (self), FALSE);
  return self->papermill;
}

gboolean
atlas_notebook_was_executed (AtlasNotebook *self)
{
  g_return_val_if_fail (ATLAS_IS_NOTEBOOK (self), FALSE);
  return self->executed;
}

void
_atlas_notebook_add_issues (AtlasNotebook       *self,
                            AtlasNotebookIssues  issues)
{
  self->issues |= issues;
}

void
_atlas_notebook_add_note (AtlasNotebook *self,
                          char          *note)
{
  if (self->notes == NULL)
    self->notes = g_ptr_array_new_with_free_func (g_free);
  /* a notebook with a thousand bad outputs needs a few examples, not all */
  if (self->notes->len < 5)
    g_ptr_array_add (self->notes, note);
  else
    g_free (note);
}

AtlasNotebookIssues
atlas_notebook_get_issues (AtlasNotebook *self)
{
  g_return_val_if_fail (ATLAS_IS_NOTEBOOK (self), 0);
  return self->issues;
}

char **
atlas_notebook_issues_describe (AtlasNotebookIssues issues)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  char **warnings;

  if (issues & ATLAS_NOTEBOOK_ISSUE_BOM)
    g_strv_builder_add (builder, _("starts with a byte-order mark, which Jupyter refuses; read without it"));
  if (issues & ATLAS_NOTEBOOK_ISSUE_RAW_CONTROL)
    g_strv_builder_add (builder, _("a string holds a raw TAB or control character, which Jupyter refuses; read as it is"));
  if (issues & ATLAS_NOTEBOOK_ISSUE_INVALID_UTF8)
    g_strv_builder_add (builder, _("holds bytes that are not UTF-8, which Jupyter refuses; each was read as U+FFFD"));
  if (issues & ATLAS_NOTEBOOK_ISSUE_BAD_ESCAPE)
    g_strv_builder_add (builder, _("a string holds a \\u0000 or unpaired surrogate escape; read as U+FFFD"));
  if (issues & ATLAS_NOTEBOOK_ISSUE_BAD_WORKSHEET)
    g_strv_builder_add (builder, _("a worksheet is not an object or has no list of cells; it was skipped"));
  if (issues & ATLAS_NOTEBOOK_ISSUE_NO_CELLS)
    g_strv_builder_add (builder, _("has neither a list of cells nor worksheets; read as a notebook without cells"));
  if (issues & ATLAS_NOTEBOOK_ISSUE_ERROR_FIELD_TYPE)
    g_strv_builder_add (builder, _("an error output’s ename or evalue is not a string; kept as text"));
  warnings = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return warnings;
}

char **
atlas_notebook_dup_warnings (AtlasNotebook *self)
{
  g_auto(GStrv) described = NULL;
  GStrvBuilder *builder;
  char **warnings;

  g_return_val_if_fail (ATLAS_IS_NOTEBOOK (self), NULL);
  described = atlas_notebook_issues_describe (self->issues & ~ATLAS_NOTEBOOK_ISSUE_ERROR_FIELD_TYPE);
  builder = g_strv_builder_new ();
  g_strv_builder_addv (builder, (const char **)described);
  for (guint i = 0; self->notes != NULL && i < self->notes->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (self->notes, i));
  warnings = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return warnings;
}

guint64
atlas_notebook_get_size (AtlasNotebook *self)
{
  g_return_val_if_fail (ATLAS_IS_NOTEBOOK (self), 0);
  return self->size;
}

const char *
atlas_notebook_get_content_hash (AtlasNotebook *self)
{
  g_return_val_if_fail (ATLAS_IS_NOTEBOOK (self), NULL);
  return self->content_hash;
}

guint
atlas_notebook_get_n_cells (AtlasNotebook *self)
{
  g_return_val_if_fail (ATLAS_IS_NOTEBOOK (self), 0);
  return self->n_cells;
}

/**
 * atlas_notebook_drop_contents:
 * @self: a notebook
 *
 * Frees the cells, headings and order anomalies, and each crash's details
 * (atlas_crash_drop_details()), keeping the header, the imports and the
 * crashes with their labels. For a thread that has classified a notebook
 * and hands it on: memory is cheapest to free in the thread that
 * allocated it. atlas_notebook_get_n_cells() still counts the cells.
 */
void
atlas_notebook_drop_contents (AtlasNotebook *self)
{
  g_return_if_fail (ATLAS_IS_NOTEBOOK (self));

  g_ptr_array_set_size (self->cells, 0);
  g_array_set_size (self->headings, 0);
  g_array_set_size (self->anomalies, 0);
  for (guint i = 0; i < self->crashes->len; i++)
    atlas_crash_drop_details (g_ptr_array_index (self->crashes, i));
}

const AtlasCell *
atlas_notebook_get_cell (AtlasNotebook *self,
                         guint          index)
{
  g_return_val_if_fail (ATLAS_IS_NOTEBOOK (self), NULL);
  g_return_val_if_fail (index < self->cells->len, NULL);
  return g_ptr_array_index (self->cells, index);
}

GPtrArray *
atlas_notebook_get_crashes (AtlasNotebook *self)
{
  g_return_val_if_fail (ATLAS_IS_NOTEBOOK (self), NULL);
  return self->crashes;
}

GPtrArray *
atlas_notebook_get_imports (AtlasNotebook *self)
{
  g_return_val_if_fail (ATLAS_IS_NOTEBOOK (self), NULL);
  return self->imports;
}

const char * const *
atlas_notebook_get_packages (AtlasNotebook *self)
{
  static const char *none[] = { NULL };

  g_return_val_if_fail (ATLAS_IS_NOTEBOOK (self), none);
  return self->packages ? (const char * const *)self->packages : none;
}

char *
atlas_notebook_resolve_name (AtlasNotebook *self,
                             const char    *name)
{
  gsize head_len;

  g_return_val_if_fail (ATLAS_IS_NOTEBOOK (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  head_len = strcspn (name, ".");

  /* The last import of a name wins, as it would when the cells run in order. */
  for (guint i = self->imports->len; i > 0; i--)
    {
      const AtlasImport *import = g_ptr_array_index (self->imports, i - 1);

      if (strlen (import->name) != head_len || strncmp (import->name, name, head_len) != 0)
        continue;

      /* "from a.b import c": c stands for a.b.c. */
      if (import->symbol != NULL)
        return g_strconcat (import->module, ".", import->symbol, name + head_len, NULL);

      /* "import a.b" binds "a", which stands for the package itself. */
      if (g_strcmp0 (import->name, import->package) == 0)
        return g_strconcat (import->package, name + head_len, NULL);

      return g_strconcat (import->module, name + head_len, NULL);
    }

  return NULL;
}

GArray *
atlas_notebook_get_headings (AtlasNotebook *self)
{
  g_return_val_if_fail (ATLAS_IS_NOTEBOOK (self), NULL);
  return self->headings;
}

const AtlasHeading *
atlas_notebook_get_heading_for_cell (AtlasNotebook *self,
                                     guint          cell)
{
  const AtlasHeading *found = NULL;

  g_return_val_if_fail (ATLAS_IS_NOTEBOOK (self), NULL);

  for (guint i = 0; i < self->headings->len; i++)
    {
      const AtlasHeading *heading = &g_array_index (self->headings, AtlasHeading, i);

      if (heading->cell > cell)
        break;
      found = heading;
    }

  return found;
}

GArray *
atlas_notebook_get_order_anomalies (AtlasNotebook *self)
{
  g_return_val_if_fail (ATLAS_IS_NOTEBOOK (self), NULL);
  return self->anomalies;
}

void
atlas_notebook_ensure_names (AtlasNotebook *self)
{
  g_return_if_fail (ATLAS_IS_NOTEBOOK (self));

  g_mutex_lock (&self->names_lock);
  for (guint i = 0; i < self->cells->len; i++)
    ensure_cell_names (g_ptr_array_index (self->cells, i));
  g_mutex_unlock (&self->names_lock);
}

void
atlas_notebook_ensure_cell_names (AtlasNotebook *self,
                                  guint          index)
{
  g_return_if_fail (ATLAS_IS_NOTEBOOK (self));
  g_return_if_fail (index < self->cells->len);

  g_mutex_lock (&self->names_lock);
  ensure_cell_names (g_ptr_array_index (self->cells, index));
  g_mutex_unlock (&self->names_lock);
}

GArray *
atlas_notebook_find_definitions (AtlasNotebook *self,
                                 const char    *name)
{
  GArray *found = g_array_new (FALSE, FALSE, sizeof (guint));

  g_return_val_if_fail (ATLAS_IS_NOTEBOOK (self), found);

  atlas_notebook_ensure_names (self);
  for (guint i = 0; i < self->cells->len; i++)
    {
      const AtlasCell *cell = g_ptr_array_index (self->cells, i);

      if (cell->defines != NULL && g_strv_contains ((const char * const *)cell->defines, name))
        g_array_append_val (found, i);
    }

  return found;
}

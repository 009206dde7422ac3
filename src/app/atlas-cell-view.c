/* atlas-cell-view.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-cell-view"

#include "config.h"

#include <string.h>
#include <adwaita.h>
#include <glib/gi18n.h>
#include <gtksourceview/gtksource.h>

#include "atlas-ansi.h"
#include "atlas-cell-view.h"
#include "atlas-cell-view-private.h"
#include "atlas-notebook-reader.h"

/* Cells shown around the crashing one. */
#define N_BEFORE 2
#define N_AFTER  1

#define CRASH_MARK_CATEGORY "crash"

struct _AtlasCellView
{
  GtkWidget      parent_instance;

  GtkStack      *stack;
  GtkLabel      *ename_label;
  GtkLabel      *evalue_label;
  GtkLabel      *location_label;
  GtkButton     *source_button;
  GtkGrid       *labels_grid;
  GtkLabel      *context_status;
  GtkBox        *before_box;
  GtkLabel      *cell_label;
  GtkSourceView *code_view;
  GtkBox        *after_box;
  GtkBox        *frames_box;
  GtkTextView   *traceback_view;

  AtlasCrash    *crash;
  AtlasStore    *store;        /* the corpus file the crashes came from, or NULL */
  GCancellable  *load_cancellable;
  gboolean       loading;
  guint          blob_line;    /* line of the crashing line in the notebook's file, 0 unknown */
};

G_DEFINE_FINAL_TYPE (AtlasCellView, atlas_cell_view, GTK_TYPE_WIDGET)

static GtkSourceLanguage *
python_language (void)
{
  GtkSourceLanguageManager *manager = gtk_source_language_manager_get_default ();
  GtkSourceLanguage *language = gtk_source_language_manager_get_language (manager, "python3");

  return language != NULL ? language : gtk_source_language_manager_get_language (manager, "python");
}

static void
apply_scheme (GtkSourceBuffer *buffer)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  GtkSourceStyleSchemeManager *manager = gtk_source_style_scheme_manager_get_default ();
  GtkSourceStyleScheme *scheme =
    gtk_source_style_scheme_manager_get_scheme (manager, dark ? "Adwaita-dark" : "Adwaita");

  if (scheme != NULL)
    gtk_source_buffer_set_style_scheme (buffer, scheme);
}

static GtkWidget *
code_widget (const char *code)
{
  GtkSourceBuffer *buffer = gtk_source_buffer_new_with_language (python_language ());
  GtkWidget *view = gtk_source_view_new_with_buffer (buffer);
  GtkWidget *frame = gtk_frame_new (NULL);

  apply_scheme (buffer);
  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (buffer), code, -1);
  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_monospace (GTK_TEXT_VIEW (view), TRUE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  g_object_unref (buffer);
  return frame;
}

static GtkWidget *
plain_label (const char *text,
             const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  /* Notebook text is a stranger's: never markup. */
  gtk_label_set_use_markup (GTK_LABEL (label), FALSE);
  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static char *
cell_caption (const AtlasCell *cell)
{
  if (cell->kind == ATLAS_CELL_MARKDOWN)
    return g_strdup_printf (_("Cell %u · markdown"), cell->index);
  if (cell->kind != ATLAS_CELL_CODE)
    return g_strdup_printf (_("Cell %u"), cell->index);
  if (cell->execution_count < 0)
    return g_strdup_printf (_("Cell %u · In [ ]"), cell->index);
  return g_strdup_printf (_("Cell %u · In [%d]"), cell->index, cell->execution_count);
}

static GtkWidget *
context_cell_widget (const AtlasCell *cell)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  g_autofree char *caption = cell_caption (cell);

  gtk_box_append (GTK_BOX (box), plain_label (caption, "caption"));
  if (cell->kind == ATLAS_CELL_CODE)
    gtk_box_append (GTK_BOX (box), code_widget (cell->source));
  else
    gtk_box_append (GTK_BOX (box), plain_label (cell->source, "markdown-cell"));
  gtk_widget_add_css_class (box, "context-cell");
  return box;
}

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))))
    gtk_box_remove (box, child);
}

static void show_source (AtlasCellView *self,
                         const char    *source);

static void
show_context (AtlasCellView *self,
              AtlasNotebook *notebook)
{
  guint index = atlas_crash_get_cell (self->crash);
  guint n_cells = atlas_notebook_get_n_cells (notebook);
  guint first = index > N_BEFORE ? index - N_BEFORE : 0;

  for (guint i = first; i < index && i < n_cells; i++)
    gtk_box_append (self->before_box, context_cell_widget (atlas_notebook_get_cell (notebook, i)));
  for (guint i = index + 1; i <= index + N_AFTER && i < n_cells; i++)
    gtk_box_append (self->after_box, context_cell_widget (atlas_notebook_get_cell (notebook, i)));
  if (index < n_cells)
    {
      const AtlasCell *cell = atlas_notebook_get_cell (notebook, index);
      g_autofree char *caption = cell_caption (cell);
      const char *source = atlas_crash_get_cell_source (self->crash);

      gtk_label_set_text (self->cell_label, caption);
      /* Crashes read back from a corpus file leave their cell's code in it. */
      if (source == NULL || *source == '\0')
        show_source (self, cell->source);
    }
}

typedef struct
{
  AtlasNotebook *notebook;
  guint          blob_line;
} Loaded;

static void
loaded_free (Loaded *loaded)
{
  g_clear_object (&loaded->notebook);
  g_free (loaded);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Loaded, loaded_free)

static void
read_notebook_worker (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  AtlasCrash *crash = task_data;
  AtlasStore *store = source_object;
  const char *location = atlas_crash_get_location (crash);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (location);
  Loaded *loaded;

  /* The notebook's own file says which line of it the crash is on; a
   * corpus file stands in when the notebook is gone or was fetched. */
  if (store != NULL && !g_file_query_exists (file, cancellable))
    {
      loaded = g_new0 (Loaded, 1);
      loaded->notebook = atlas_store_load_notebook (store, location, &error);
      if (loaded->notebook == NULL)
        {
          loaded_free (loaded);
          g_task_return_error (task, g_steal_pointer (&error));
        }
      else
        g_task_return_pointer (task, loaded, (GDestroyNotify)loaded_free);
      return;
    }
  if (!(bytes = g_file_load_bytes (file, cancellable, NULL, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  loaded = g_new0 (Loaded, 1);
  loaded->notebook = atlas_notebook_read_bytes (bytes, location, atlas_crash_get_platform (crash),
                                                ATLAS_READ_DEFAULT, &error);
  if (loaded->notebook == NULL)
    {
      loaded_free (loaded);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  loaded->blob_line = _atlas_find_blob_line (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                             atlas_crash_get_cell (crash),
                                             atlas_crash_get_cell_source (crash),
                                             atlas_crash_get_line (crash));
  g_task_return_pointer (task, loaded, (GDestroyNotify)loaded_free);
}

static void
read_notebook_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(AtlasCellView) self = user_data;
  g_autoptr(Loaded) loaded = NULL;
  g_autoptr(GError) error = NULL;

  loaded = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->loading = FALSE;
  if (loaded == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The cells around this one are not shown: %s"),
                                               error->message);
      gtk_label_set_text (self->context_status, text);
      gtk_widget_set_visible (GTK_WIDGET (self->context_status), TRUE);
      return;
    }
  self->blob_line = loaded->blob_line;
  show_context (self, loaded->notebook);
}

static void
load_context (AtlasCellView *self)
{
  g_autoptr(GTask) task = NULL;

  self->blob_line = 0;
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();

  self->loading = TRUE;
  task = g_task_new (self->store, self->load_cancellable, read_notebook_cb, g_object_ref (self));
  g_task_set_source_tag (task, load_context);
  g_task_set_task_data (task, g_object_ref (self->crash), g_object_unref);
  g_task_run_in_thread (task, read_notebook_worker);
}

static void
mark_line (AtlasCellView *self,
           guint          line)
{
  GtkSourceBuffer *buffer = GTK_SOURCE_BUFFER (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->code_view)));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (buffer), &start, &end);
  gtk_source_buffer_remove_source_marks (buffer, &start, &end, CRASH_MARK_CATEGORY);
  gtk_text_buffer_remove_tag_by_name (GTK_TEXT_BUFFER (buffer), "crash-line", &start, &end);
  if (line == 0 || (int)line > gtk_text_buffer_get_line_count (GTK_TEXT_BUFFER (buffer)))
    return;

  gtk_text_buffer_get_iter_at_line (GTK_TEXT_BUFFER (buffer), &start, (int)line - 1);
  end = start;
  gtk_text_iter_forward_line (&end);
  gtk_source_buffer_create_source_mark (buffer, NULL, CRASH_MARK_CATEGORY, &start);
  gtk_text_buffer_apply_tag_by_name (GTK_TEXT_BUFFER (buffer), "crash-line", &start, &end);
}

static void
show_source (AtlasCellView *self,
             const char    *source)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->code_view));

  gtk_text_buffer_set_text (buffer, source != NULL ? source : "", -1);
  mark_line (self, atlas_crash_get_line (self->crash));
}

static void
show_code (AtlasCellView *self)
{
  show_source (self, atlas_crash_get_cell_source (self->crash));
}


static void
show_header (AtlasCellView *self)
{
  const char *url = atlas_crash_get_url (self->crash);
  const char *ename = atlas_crash_get_ename (self->crash);
  const char *evalue = atlas_crash_get_evalue (self->crash);
  g_autofree char *both = NULL;

  /* A placeholder evalue (Colab's "ignored") is shown beside the message
   * recovered from the traceback, which is what the labels were read from. */
  if (atlas_crash_get_message_recovered (self->crash))
    evalue = both = g_strdup_printf (_("%s (the notebook’s evalue is “%s”)"),
                                     atlas_crash_get_message (self->crash), evalue);
  gtk_label_set_text (self->ename_label, ename != NULL ? ename : _("Unnamed exception"));
  gtk_label_set_text (self->evalue_label, evalue != NULL ? evalue : "");
  gtk_widget_set_visible (GTK_WIDGET (self->evalue_label), evalue != NULL && *evalue != '\0');
  gtk_label_set_text (self->location_label, url != NULL ? url : atlas_crash_get_location (self->crash));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->location_label),
                               url != NULL ? url : atlas_crash_get_location (self->crash));
}

static void
show_crash (AtlasCellView *self)
{
  g_autofree char *caption = g_strdup_printf (_("Cell %u · crashed"), atlas_crash_get_cell (self->crash));

  show_header (self);
  clear_box (self->before_box);
  clear_box (self->after_box);
  gtk_widget_set_visible (GTK_WIDGET (self->context_status), FALSE);
  gtk_label_set_text (self->cell_label, caption);
  show_code (self);
  _atlas_cell_view_show_labels (self->labels_grid, self->crash);
  _atlas_cell_view_show_traceback (self->traceback_view, self->frames_box,
                                   atlas_crash_get_traceback (self->crash));
  gtk_stack_set_visible_child_name (self->stack, "crash");
  load_context (self);
}

/* The link to the notebook where it lives: its page on GitHub or Kaggle
 * (a GitHub blob gets the crashing cell's line), or the local file. */
static char *
dup_source_uri (AtlasCrash *crash,
                guint       blob_line)
{
  const char *url = atlas_crash_get_url (crash);
  g_autoptr(GFile) file = NULL;

  if (url != NULL)
    {
      /* GitHub renders notebooks, which have no line anchors; the plain
       * view does, counted in lines of the file. */
      if (g_str_has_prefix (url, "https://github.com/") && strstr (url, "/blob/") != NULL &&
          strpbrk (url, "?#") == NULL && blob_line > 0)
        return g_strdup_printf ("%s?plain=1#L%u", url, blob_line);
      return g_strdup (url);
    }
  file = g_file_new_for_path (atlas_crash_get_location (crash));
  return g_file_get_uri (file);
}

static void
source_clicked_cb (AtlasCellView *self)
{
  g_autofree char *uri = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->crash == NULL)
    return;
  uri = dup_source_uri (self->crash, self->blob_line);
  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}

static void
style_changed_cb (AtlasCellView *self)
{
  apply_scheme (GTK_SOURCE_BUFFER (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->code_view))));
  if (self->crash != NULL)
    show_crash (self);
}

static void
setup_code_view (AtlasCellView *self)
{
  GtkSourceBuffer *buffer = gtk_source_buffer_new_with_language (python_language ());
  g_autoptr(GtkSourceMarkAttributes) attributes = gtk_source_mark_attributes_new ();
  GdkRGBA background;

  gtk_text_buffer_create_tag (GTK_TEXT_BUFFER (buffer), "crash-line",
                              "paragraph-background", "rgba(224,27,36,0.22)",
                              "weight", PANGO_WEIGHT_BOLD, NULL);
  gdk_rgba_parse (&background, "rgba(224,27,36,0.22)");
  gtk_source_mark_attributes_set_background (attributes, &background);
  gtk_source_mark_attributes_set_icon_name (attributes, "dialog-error-symbolic");
  gtk_source_view_set_mark_attributes (self->code_view, CRASH_MARK_CATEGORY, attributes, 10);
  apply_scheme (buffer);
  gtk_text_view_set_buffer (GTK_TEXT_VIEW (self->code_view), GTK_TEXT_BUFFER (buffer));
  g_object_unref (buffer);
}

static void
atlas_cell_view_dispose (GObject *object)
{
  AtlasCellView *self = (AtlasCellView *)object;
  GtkWidget *child;

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_object (&self->crash);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_CELL_VIEW);
  /* The template's root has no id, so dispose_template() leaves it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (atlas_cell_view_parent_class)->dispose (object);
}

static void
atlas_cell_view_class_init (AtlasCellViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_cell_view_dispose;

  g_type_ensure (GTK_SOURCE_TYPE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/atlas-cell-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasCellView, stack);
  gtk_widget_class_bind_template_child (widget_class, AtlasCellView, ename_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasCellView, evalue_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasCellView, location_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasCellView, source_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasCellView, labels_grid);
  gtk_widget_class_bind_template_child (widget_class, AtlasCellView, context_status);
  gtk_widget_class_bind_template_child (widget_class, AtlasCellView, before_box);
  gtk_widget_class_bind_template_child (widget_class, AtlasCellView, cell_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasCellView, code_view);
  gtk_widget_class_bind_template_child (widget_class, AtlasCellView, after_box);
  gtk_widget_class_bind_template_child (widget_class, AtlasCellView, frames_box);
  gtk_widget_class_bind_template_child (widget_class, AtlasCellView, traceback_view);
  gtk_widget_class_bind_template_callback (widget_class, source_clicked_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "atlascellview");
}

static void
atlas_cell_view_init (AtlasCellView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  setup_code_view (self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (style_changed_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
atlas_cell_view_new (void)
{
  return g_object_new (ATLAS_TYPE_CELL_VIEW, NULL);
}

void
atlas_cell_view_set_store (AtlasCellView *self,
                           AtlasStore    *store)
{
  g_return_if_fail (ATLAS_IS_CELL_VIEW (self));
  g_return_if_fail (store == NULL || ATLAS_IS_STORE (store));

  g_set_object (&self->store, store);
}

void
atlas_cell_view_set_crash (AtlasCellView *self,
                           AtlasCrash    *crash)
{
  g_return_if_fail (ATLAS_IS_CELL_VIEW (self));
  g_return_if_fail (crash == NULL || ATLAS_IS_CRASH (crash));

  if (!g_set_object (&self->crash, crash))
    return;
  if (crash == NULL)
    {
      g_cancellable_cancel (self->load_cancellable);
      self->loading = FALSE;
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  show_crash (self);
}

AtlasCrash *
atlas_cell_view_get_crash (AtlasCellView *self)
{
  g_return_val_if_fail (ATLAS_IS_CELL_VIEW (self), NULL);
  return self->crash;
}

char *
atlas_cell_view_dup_code (AtlasCellView *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (ATLAS_IS_CELL_VIEW (self), NULL);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->code_view));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

guint
atlas_cell_view_get_marked_line (AtlasCellView *self)
{
  GtkSourceBuffer *buffer;
  g_autoptr(GSList) at_start = NULL;
  GtkTextIter iter;

  g_return_val_if_fail (ATLAS_IS_CELL_VIEW (self), 0);

  buffer = GTK_SOURCE_BUFFER (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->code_view)));
  gtk_text_buffer_get_start_iter (GTK_TEXT_BUFFER (buffer), &iter);
  at_start = gtk_source_buffer_get_source_marks_at_iter (buffer, &iter, CRASH_MARK_CATEGORY);
  if (at_start == NULL &&
      !gtk_source_buffer_forward_iter_to_source_mark (buffer, &iter, CRASH_MARK_CATEGORY))
    return 0;
  return (guint)gtk_text_iter_get_line (&iter) + 1;
}

gboolean
atlas_cell_view_get_context_shown (AtlasCellView *self)
{
  g_return_val_if_fail (ATLAS_IS_CELL_VIEW (self), FALSE);
  return self->crash != NULL && !self->loading && !gtk_widget_get_visible (GTK_WIDGET (self->context_status));
}

gboolean
atlas_cell_view_get_loading (AtlasCellView *self)
{
  g_return_val_if_fail (ATLAS_IS_CELL_VIEW (self), FALSE);

  return self->loading;
}

/* For tests and the source link: the crashing line's line in the
 * notebook's file, 0 when unknown. */
guint
atlas_cell_view_get_blob_line (AtlasCellView *self)
{
  g_return_val_if_fail (ATLAS_IS_CELL_VIEW (self), 0);
  return self->blob_line;
}

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
#include "atlas-explanation.h"
#include "atlas-notebook-reader.h"
#include "atlas-order-view.h"

/* Cells shown around the crashing one. */
#define N_BEFORE 2
#define N_AFTER  1

/* Zoom for a projector: steps of a tenth, from 60 % to 300 %. */
#define ZOOM_MIN  0.6
#define ZOOM_MAX  3.0
#define ZOOM_STEP 0.1

enum { GO_BACK, N_SIGNALS };
static guint signals[N_SIGNALS];

struct _AtlasCellView
{
  GtkWidget      parent_instance;

  GtkRevealer   *back_revealer;
  GtkStack      *stack;
  GtkScrolledWindow *scroller;
  GtkWidget     *content;
  GtkLabel      *ename_label;
  GtkLabel      *evalue_label;
  GtkLabel      *location_label;
  GtkButton     *source_button;
  GtkLabel      *explanation_label;
  GtkFlowBox    *jumps_box;
  GtkBox        *order_box;
  GtkLabel      *order_summary;
  AtlasOrderView *order_area;
  GtkToggleButton *whole_button;
  GtkGrid       *labels_grid;
  GtkLabel      *context_status;
  GtkBox        *cells_box;
  GtkBox        *frames_box;
  GtkLabel      *traceback_label;

  AtlasCrash    *crash;
  AtlasStore    *store;        /* the corpus file the crashes came from, or NULL */
  AtlasNotebook *notebook;     /* the crash's notebook as read, or NULL */
  AtlasExplanation *explanation;
  GArray        *earlier;      /* cells that crashed before the crash's (guint) */
  GPtrArray     *cell_widgets; /* GtkWidget per cell index shown, NULL for hidden */
  char          *code;         /* the crashing cell's code as shown */
  guint          marked_line;  /* 1-based line marked in it, 0 none */
  GCancellable  *load_cancellable;
  gboolean       loading;
  guint          blob_line;    /* line of the crashing line in the notebook's file, 0 unknown */
  guint          tick_id;      /* waits for the layout to scroll and reveal */
  guint          ticks_waited;
  int            scroll_target; /* cell to scroll to once laid out, -1 none */
  gboolean       revealed;     /* the crash is shown in its final geometry */
  double         zoom;
  GtkCssProvider *zoom_css;
};

G_DEFINE_FINAL_TYPE (AtlasCellView, atlas_cell_view, GTK_TYPE_WIDGET)

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

static gboolean
is_earlier_crash (AtlasCellView *self,
                  guint          index)
{
  for (guint i = 0; self->earlier != NULL && i < self->earlier->len; i++)
    if (g_array_index (self->earlier, guint, i) == index)
      return TRUE;
  return FALSE;
}

static const AtlasCellLink *
find_link (AtlasCellView *self,
           guint          index)
{
  for (guint i = 0; self->explanation != NULL && i < self->explanation->links->len; i++)
    if (g_array_index (self->explanation->links, AtlasCellLink, i).cell == index)
      return &g_array_index (self->explanation->links, AtlasCellLink, i);
  return NULL;
}

static const char *
role_name (AtlasCellRole role)
{
  switch (role)
    {
    case ATLAS_CELL_ROLE_CRASHED_BEFORE:
      return _("defines the name, crashed first");
    case ATLAS_CELL_ROLE_RAN_LATER:
      return _("defines the name, ran later");
    case ATLAS_CELL_ROLE_REMOVES:
      return _("removes the column");
    case ATLAS_CELL_ROLE_DEFINES:
    default:
      return _("defines the name");
    }
}

static char *
cell_caption (AtlasCellView   *self,
              const AtlasCell *cell,
              gboolean         crashing)
{
  g_autofree char *base = NULL;
  const AtlasCellLink *link = find_link (self, cell->index);
  GString *caption;

  if (cell->kind == ATLAS_CELL_MARKDOWN)
    base = g_strdup_printf (_("Cell %u · markdown"), cell->index);
  else if (cell->kind != ATLAS_CELL_CODE)
    base = g_strdup_printf (_("Cell %u"), cell->index);
  else if (cell->execution_count < 0)
    base = g_strdup_printf (_("Cell %u · In [ ] · never ran"), cell->index);
  else
    base = g_strdup_printf (_("Cell %u · In [%d]"), cell->index, cell->execution_count);
  caption = g_string_new (base);
  if (crashing)
    g_string_append_printf (caption, " · %s", _("crashed here"));
  else if (is_earlier_crash (self, cell->index))
    g_string_append_printf (caption, " · %s", _("crashed earlier"));
  if (link != NULL)
    g_string_append_printf (caption, " · %s", role_name (link->role));
  return g_string_free (caption, FALSE);
}

static GtkWidget *
cell_widget (AtlasCellView   *self,
             const AtlasCell *cell,
             gboolean         crashing)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  g_autofree char *caption = cell_caption (self, cell, crashing);
  GtkWidget *caption_label = plain_label (caption, "caption-heading");
  GtkWidget *outputs;

  gtk_box_append (GTK_BOX (box), caption_label);
  if (crashing || is_earlier_crash (self, cell->index))
    gtk_widget_add_css_class (caption_label, "error");
  else if (find_link (self, cell->index) != NULL)
    gtk_widget_add_css_class (caption_label, "accent");
  if (cell->kind == ATLAS_CELL_CODE)
    {
      GtkWidget *frame = gtk_frame_new (NULL);
      const char *source = cell->source;

      if (crashing)
        {
          source = self->code;
          gtk_widget_add_css_class (frame, "crash-cell");
        }
      else if (is_earlier_crash (self, cell->index))
        gtk_widget_add_css_class (frame, "earlier-crash-cell");
      gtk_frame_set_child (GTK_FRAME (frame), _atlas_code_block (source, crashing ? self->marked_line : 0));
      gtk_box_append (GTK_BOX (box), frame);
    }
  else
    gtk_box_append (GTK_BOX (box), plain_label (cell->source, "markdown-cell"));
  if ((outputs = _atlas_outputs_box (cell)) != NULL)
    gtk_box_append (GTK_BOX (box), outputs);
  gtk_widget_add_css_class (box, crashing ? "crashing-cell" : "context-cell");
  return box;
}

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))))
    gtk_box_remove (box, child);
}

/* Whether cell @i is shown around the crash: the cells just above and
 * below it, every cell the explanation names and every earlier crash. */
static gboolean
cell_in_context (AtlasCellView *self,
                 guint          i)
{
  guint index = atlas_crash_get_cell (self->crash);

  return (i + N_BEFORE >= index && i <= index + N_AFTER) || find_link (self, i) != NULL
         || is_earlier_crash (self, i);
}

static GtkWidget *
gap_label (guint n)
{
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "⋯ %u cell not shown",
                                                        "⋯ %u cells not shown", n), n);
  GtkWidget *label = plain_label (text, "dim-label");

  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  gtk_widget_set_halign (label, GTK_ALIGN_START);
  return label;
}

/* The crashing cell alone, when its notebook cannot be read. */
static void
show_crash_cell_only (AtlasCellView *self)
{
  AtlasCell cell = { 0 };

  cell.kind = ATLAS_CELL_CODE;
  cell.index = atlas_crash_get_cell (self->crash);
  cell.source = self->code;
  cell.execution_count = atlas_crash_get_execution_count (self->crash);
  clear_box (self->cells_box);
  g_ptr_array_set_size (self->cell_widgets, 0);
  gtk_box_append (self->cells_box, cell_widget (self, &cell, TRUE));
}

static void
show_cells (AtlasCellView *self)
{
  guint index = atlas_crash_get_cell (self->crash);
  guint n_cells = self->notebook != NULL ? atlas_notebook_get_n_cells (self->notebook) : 0;
  gboolean whole = gtk_toggle_button_get_active (self->whole_button);
  guint hidden = 0;

  if (self->notebook == NULL || index >= n_cells)
    {
      show_crash_cell_only (self);
      return;
    }
  clear_box (self->cells_box);
  g_ptr_array_set_size (self->cell_widgets, 0);
  g_ptr_array_set_size (self->cell_widgets, n_cells);
  for (guint i = 0; i < n_cells; i++)
    {
      GtkWidget *widget;

      if (!whole && !cell_in_context (self, i))
        {
          hidden++;
          continue;
        }
      if (hidden > 0)
        gtk_box_append (self->cells_box, gap_label (hidden));
      hidden = 0;
      widget = cell_widget (self, atlas_notebook_get_cell (self->notebook, i), i == index);
      g_ptr_array_index (self->cell_widgets, i) = widget;
      gtk_box_append (self->cells_box, widget);
    }
  if (hidden > 0)
    gtk_box_append (self->cells_box, gap_label (hidden));
}

static void
jump_clicked_cb (GtkButton     *button,
                 AtlasCellView *self)
{
  guint cell = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "cell"));

  atlas_cell_view_scroll_to_cell (self, cell);
}

static void
add_jump (AtlasCellView *self,
          guint          cell,
          const char    *what)
{
  /* Translators: a button that scrolls to a cell: "Cell 8: defines the name" */
  g_autofree char *text = g_strdup_printf (_("Cell %u: %s"), cell, what);
  GtkWidget *button = gtk_button_new_with_label (text);

  g_object_set_data (G_OBJECT (button), "cell", GUINT_TO_POINTER (cell));
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_add_css_class (button, "small");
  g_signal_connect_object (button, "clicked", G_CALLBACK (jump_clicked_cb), self, 0);
  gtk_flow_box_append (self->jumps_box, button);
}

static void
order_cell_activated_cb (AtlasCellView *self,
                         guint          cell)
{
  atlas_cell_view_scroll_to_cell (self, cell);
}

/* How the notebook was run, when there is more than one code cell to
 * compare. */
static void
show_order (AtlasCellView *self)
{
  g_autofree char *summary = NULL;
  guint n_code = 0;

  for (guint i = 0; self->notebook != NULL && i < atlas_notebook_get_n_cells (self->notebook); i++)
    n_code += atlas_notebook_get_cell (self->notebook, i)->kind == ATLAS_CELL_CODE;
  atlas_order_view_set_notebook (self->order_area, n_code > 1 ? self->notebook : NULL,
                                 atlas_crash_get_cell (self->crash));
  summary = atlas_order_view_dup_summary (self->order_area);
  gtk_label_set_text (self->order_summary, summary != NULL ? summary : "");
  gtk_widget_set_visible (GTK_WIDGET (self->order_box), summary != NULL);
}

static void
show_explanation (AtlasCellView *self)
{
  g_autofree char *text = NULL;
  GtkWidget *child;

  g_clear_pointer (&self->explanation, atlas_explanation_free);
  g_clear_pointer (&self->earlier, g_array_unref);
  self->explanation = atlas_explanation_new (self->crash, self->notebook);
  if (self->notebook != NULL)
    self->earlier = atlas_explanation_earlier_crashes (self->crash, self->notebook);
  text = atlas_explanation_to_text (self->explanation);
  gtk_label_set_text (self->explanation_label, text);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->jumps_box))))
    gtk_flow_box_remove (self->jumps_box, child);
  if (self->notebook == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->jumps_box), FALSE);
      return;
    }
  add_jump (self, atlas_crash_get_cell (self->crash), _("crashed here"));
  for (guint i = 0; i < self->explanation->links->len; i++)
    {
      const AtlasCellLink *link = &g_array_index (self->explanation->links, AtlasCellLink, i);

      if (link->cell < atlas_notebook_get_n_cells (self->notebook))
        add_jump (self, link->cell, role_name (link->role));
    }
  for (guint i = 0; self->earlier != NULL && i < self->earlier->len; i++)
    {
      guint cell = g_array_index (self->earlier, guint, i);

      if (find_link (self, cell) == NULL)
        add_jump (self, cell, _("crashed earlier"));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->jumps_box), TRUE);
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
                                                ATLAS_READ_OUTPUTS, &error);
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

static void show_crash (AtlasCellView *self);

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
  g_clear_object (&self->notebook);
  if (loaded == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The cells around this one are not shown: %s"),
                                               error->message);
      gtk_label_set_text (self->context_status, text);
    }
  else
    {
      self->blob_line = loaded->blob_line;
      self->notebook = g_steal_pointer (&loaded->notebook);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->context_status), loaded == NULL);
  show_crash (self);
}

/* Reads the notebook, then shows the crash all at once: what is shown
 * stays until the new crash is ready to take its place. */
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
show_header (AtlasCellView *self)
{
  const char *url = atlas_crash_get_url (self->crash);
  const char *ename = atlas_crash_get_ename (self->crash);
  const char *evalue = atlas_crash_get_evalue (self->crash);
  g_autofree char *both = NULL;
  g_autofree char *plain_ename = NULL;
  g_autofree char *plain_evalue = NULL;

  /* A placeholder evalue (Colab's "ignored") is shown beside the message
   * recovered from the traceback, which is what the labels were read from. */
  if (atlas_crash_get_message_recovered (self->crash))
    evalue = both = g_strdup_printf (_("%s (the notebook’s evalue is “%s”)"),
                                     atlas_crash_get_message (self->crash), evalue);
  /* NLTK colours its messages: the escapes are styling, never text. */
  plain_ename = atlas_ansi_strip (ename != NULL ? ename : "");
  plain_evalue = atlas_ansi_strip (evalue != NULL ? evalue : "");
  gtk_label_set_text (self->ename_label, *plain_ename != '\0' ? plain_ename : _("Unnamed exception"));
  gtk_label_set_text (self->evalue_label, plain_evalue);
  gtk_widget_set_visible (GTK_WIDGET (self->evalue_label), *plain_evalue != '\0');
  gtk_label_set_text (self->location_label, url != NULL ? url : atlas_crash_get_location (self->crash));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->location_label),
                               url != NULL ? url : atlas_crash_get_location (self->crash));
}

/* Where @widget's top is in the scrolled content. */
static gboolean
content_y (AtlasCellView *self,
           GtkWidget     *widget,
           double        *y)
{
  graphene_point_t point = GRAPHENE_POINT_INIT (0, 0), out;

  if (!gtk_widget_compute_point (widget, self->content, &point, &out))
    return FALSE;
  *y = out.y;
  return TRUE;
}

static gboolean
reveal_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  AtlasCellView *self = ATLAS_CELL_VIEW (widget);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  GtkWidget *target = NULL;
  double y;

  /* Ticks come before the frame's layout: the first one after a change
   * comes before the content is laid out, the next one after. */
  if (self->ticks_waited++ < 1 || gtk_widget_get_height (self->content) <= 0)
    return G_SOURCE_CONTINUE;
  if (self->scroll_target >= 0 && (guint)self->scroll_target < self->cell_widgets->len)
    target = g_ptr_array_index (self->cell_widgets, self->scroll_target);
  if (target == NULL && self->scroll_target == (int)atlas_crash_get_cell (self->crash))
    target = gtk_widget_get_first_child (GTK_WIDGET (self->cells_box));
  gtk_adjustment_set_value (adjustment, 0);
  if (target != NULL && content_y (self, target, &y))
    {
      double page = gtk_adjustment_get_page_size (adjustment);
      double height = gtk_widget_get_height (target);

      /* The crashing cell in view: at the top only when it would not be
       * seen below the explanation. */
      if (self->revealed || y + MIN (height, page / 2) > page)
        gtk_adjustment_set_value (adjustment, MAX (0, y - 12));
    }
  self->scroll_target = -1;
  self->tick_id = 0;
  gtk_widget_set_opacity (self->content, 1);
  self->revealed = TRUE;
  return G_SOURCE_REMOVE;
}

/* Scrolls to @cell once the content is laid out; before the crash is first
 * shown the content stays transparent until then, so the first frame seen
 * is the last. */
static void
queue_scroll (AtlasCellView *self,
              int            cell)
{
  self->scroll_target = cell;
  self->ticks_waited = 0;
  if (self->tick_id == 0)
    self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), reveal_tick_cb, NULL, NULL);
}

static void
show_crash (AtlasCellView *self)
{
  const char *source = atlas_crash_get_cell_source (self->crash);

  /* Crashes read back from a corpus file leave their cell's code in it. */
  if ((source == NULL || *source == '\0') && self->notebook != NULL
      && atlas_crash_get_cell (self->crash) < atlas_notebook_get_n_cells (self->notebook))
    source = atlas_notebook_get_cell (self->notebook, atlas_crash_get_cell (self->crash))->source;
  g_free (self->code);
  self->code = g_strdup (source != NULL ? source : "");
  self->marked_line = atlas_crash_get_line (self->crash);
  {
    guint n_lines = 1;
    gsize len = strlen (self->code);

    for (gsize i = 0; i + 1 < len; i++)
      if (self->code[i] == '\n')
        n_lines++;
    if (self->marked_line > n_lines)
      self->marked_line = 0;
  }

  show_header (self);
  show_explanation (self);
  show_order (self);
  show_cells (self);
  _atlas_cell_view_show_labels (self->labels_grid, self->crash);
  _atlas_cell_view_show_traceback (self->traceback_label, self->frames_box,
                                   atlas_crash_get_traceback (self->crash));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cell.copy-traceback",
                                 atlas_crash_get_traceback (self->crash) != NULL);
  self->revealed = FALSE;
  gtk_widget_set_opacity (self->content, 0);
  gtk_stack_set_visible_child_name (self->stack, "crash");
  queue_scroll (self, (int)atlas_crash_get_cell (self->crash));
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
  /* Syntax and traceback colours are chosen for the background. */
  if (self->crash != NULL && !self->loading)
    show_crash (self);
}

static void
whole_toggled_cb (AtlasCellView *self)
{
  if (self->crash == NULL || self->loading)
    return;
  show_cells (self);
  queue_scroll (self, (int)atlas_crash_get_cell (self->crash));
}

static void
back_clicked_cb (AtlasCellView *self)
{
  g_signal_emit (self, signals[GO_BACK], 0);
}

static void
update_zoom (AtlasCellView *self)
{
  g_autofree char *css = NULL;
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (number, sizeof number, "%.2f", self->zoom);
  css = g_strdup_printf ("atlascellview .zoomable { font-size: %sem; }", number);
  gtk_css_provider_load_from_data (self->zoom_css, css, -1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cell.zoom-in", self->zoom < ZOOM_MAX - 0.001);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cell.zoom-out", self->zoom > ZOOM_MIN + 0.001);
}

static void
zoom_action (GtkWidget  *widget,
             const char *name,
             GVariant   *parameter)
{
  AtlasCellView *self = ATLAS_CELL_VIEW (widget);

  if (g_str_equal (name, "cell.zoom-in"))
    atlas_cell_view_set_zoom (self, self->zoom + ZOOM_STEP);
  else if (g_str_equal (name, "cell.zoom-out"))
    atlas_cell_view_set_zoom (self, self->zoom - ZOOM_STEP);
  else
    atlas_cell_view_set_zoom (self, 1.0);
}

static void
copy_traceback_action (GtkWidget  *widget,
                       const char *name,
                       GVariant   *parameter)
{
  AtlasCellView *self = ATLAS_CELL_VIEW (widget);
  g_autofree char *text = atlas_cell_view_dup_traceback (self);

  if (text == NULL)
    return;
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
}

static void
atlas_cell_view_dispose (GObject *object)
{
  AtlasCellView *self = (AtlasCellView *)object;
  GtkWidget *child;

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  if (self->tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
  self->tick_id = 0;
  g_clear_object (&self->crash);
  g_clear_object (&self->store);
  g_clear_object (&self->notebook);
  g_clear_pointer (&self->explanation, atlas_explanation_free);
  g_clear_pointer (&self->earlier, g_array_unref);
  g_clear_pointer (&self->cell_widgets, g_ptr_array_unref);
  if (self->zoom_css != NULL)
    gtk_style_context_remove_provider_for_display (gdk_display_get_default (),
                                                   GTK_STYLE_PROVIDER (self->zoom_css));
  g_clear_object (&self->zoom_css);
  g_clear_pointer (&self->code, g_free);
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

  /* The back button of the narrow layout was clicked. */
  signals[GO_BACK] = g_signal_new ("go-back", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (ATLAS_TYPE_ORDER_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/atlas-cell-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasCellView, back_revealer);
  gtk_widget_class_bind_template_child (widget_class, AtlasCellView, stack);
  gtk_widget_class_bind_template_child (widget_class, AtlasCellView, scroller);
  gtk_widget_class_bind_template_child (widget_class, AtlasCellView, content);
  gtk_widget_class_bind_template_child (widget_class, AtlasCellView, ename_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasCellView, evalue_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasCellView, location_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasCellView, source_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasCellView, explanation_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasCellView, jumps_box);
  gtk_widget_class_bind_template_child (widget_class, AtlasCellView, order_box);
  gtk_widget_class_bind_template_child (widget_class, AtlasCellView, order_summary);
  gtk_widget_class_bind_template_child (widget_class, AtlasCellView, order_area);
  gtk_widget_class_bind_template_callback (widget_class, order_cell_activated_cb);
  gtk_widget_class_bind_template_child (widget_class, AtlasCellView, whole_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasCellView, labels_grid);
  gtk_widget_class_bind_template_child (widget_class, AtlasCellView, context_status);
  gtk_widget_class_bind_template_child (widget_class, AtlasCellView, cells_box);
  gtk_widget_class_bind_template_child (widget_class, AtlasCellView, frames_box);
  gtk_widget_class_bind_template_child (widget_class, AtlasCellView, traceback_label);
  gtk_widget_class_bind_template_callback (widget_class, source_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, whole_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);

  gtk_widget_class_install_action (widget_class, "cell.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "cell.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "cell.zoom-reset", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "cell.copy-traceback", NULL, copy_traceback_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "atlascellview");
}

/* Zoom and copy work from anywhere in the window: a teacher's focus is
 * often in the crash list. */
static void
add_global_shortcuts (AtlasCellView *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  static const struct { guint key; GdkModifierType mods; const char *action; } keys[] = {
    { GDK_KEY_plus, GDK_CONTROL_MASK, "cell.zoom-in" },
    { GDK_KEY_equal, GDK_CONTROL_MASK, "cell.zoom-in" },
    { GDK_KEY_KP_Add, GDK_CONTROL_MASK, "cell.zoom-in" },
    { GDK_KEY_minus, GDK_CONTROL_MASK, "cell.zoom-out" },
    { GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "cell.zoom-out" },
    { GDK_KEY_0, GDK_CONTROL_MASK, "cell.zoom-reset" },
    { GDK_KEY_KP_0, GDK_CONTROL_MASK, "cell.zoom-reset" },
    { GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "cell.copy-traceback" },
  };

  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_GLOBAL);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].key, keys[i].mods),
                                                            gtk_named_action_new (keys[i].action)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
atlas_cell_view_init (AtlasCellView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cell_widgets = g_ptr_array_new ();
  self->scroll_target = -1;
  self->zoom = 1.0;
  self->zoom_css = gtk_css_provider_new ();
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (self->zoom_css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
  update_zoom (self);
  add_global_shortcuts (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cell.copy-traceback", FALSE);
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
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cell.copy-traceback", FALSE);
  load_context (self);
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
  g_return_val_if_fail (ATLAS_IS_CELL_VIEW (self), NULL);

  return g_strdup (self->code != NULL ? self->code : "");
}

guint
atlas_cell_view_get_marked_line (AtlasCellView *self)
{
  g_return_val_if_fail (ATLAS_IS_CELL_VIEW (self), 0);

  return self->marked_line;
}

char *
atlas_cell_view_dup_traceback (AtlasCellView *self)
{
  AtlasTraceback *traceback;

  g_return_val_if_fail (ATLAS_IS_CELL_VIEW (self), NULL);

  if (self->crash == NULL || (traceback = atlas_crash_get_traceback (self->crash)) == NULL)
    return NULL;
  return atlas_ansi_strip (atlas_traceback_get_raw (traceback));
}

void
atlas_cell_view_set_zoom (AtlasCellView *self,
                          double         zoom)
{
  g_return_if_fail (ATLAS_IS_CELL_VIEW (self));

  zoom = CLAMP (zoom, ZOOM_MIN, ZOOM_MAX);
  if (G_APPROX_VALUE (zoom, self->zoom, 0.001))
    return;
  self->zoom = zoom;
  update_zoom (self);
}

double
atlas_cell_view_get_zoom (AtlasCellView *self)
{
  g_return_val_if_fail (ATLAS_IS_CELL_VIEW (self), 1.0);
  return self->zoom;
}

void
atlas_cell_view_set_show_back (AtlasCellView *self,
                               gboolean       show_back)
{
  g_return_if_fail (ATLAS_IS_CELL_VIEW (self));
  gtk_revealer_set_reveal_child (self->back_revealer, show_back);
}

void
atlas_cell_view_set_whole_notebook (AtlasCellView *self,
                                    gboolean       whole)
{
  g_return_if_fail (ATLAS_IS_CELL_VIEW (self));
  gtk_toggle_button_set_active (self->whole_button, whole);
}

void
atlas_cell_view_scroll_to_cell (AtlasCellView *self,
                                guint          cell)
{
  g_return_if_fail (ATLAS_IS_CELL_VIEW (self));

  if (self->notebook == NULL || cell >= atlas_notebook_get_n_cells (self->notebook))
    return;
  /* A cell outside the context is shown with the whole notebook. */
  if (cell >= self->cell_widgets->len || g_ptr_array_index (self->cell_widgets, cell) == NULL)
    gtk_toggle_button_set_active (self->whole_button, TRUE);
  queue_scroll (self, (int)cell);
}

GtkWidget *
atlas_cell_view_get_cell_widget (AtlasCellView *self,
                                 guint          cell)
{
  g_return_val_if_fail (ATLAS_IS_CELL_VIEW (self), NULL);

  if (cell >= self->cell_widgets->len)
    return NULL;
  return g_ptr_array_index (self->cell_widgets, cell);
}

gboolean
atlas_cell_view_get_revealed (AtlasCellView *self)
{
  g_return_val_if_fail (ATLAS_IS_CELL_VIEW (self), FALSE);
  return self->crash != NULL && !self->loading && self->revealed;
}

const char *
atlas_cell_view_get_explanation (AtlasCellView *self)
{
  g_return_val_if_fail (ATLAS_IS_CELL_VIEW (self), NULL);
  return gtk_label_get_text (self->explanation_label);
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

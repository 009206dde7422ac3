/* atlas-label-view.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-label-view"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-cell-view.h"
#include "atlas-label-view.h"

/* The four dimensions chosen from a list, in the order of the form. */
static const struct
{
  AtlasDimension  dimension;
  const char     *title;
  guint           key;       /* Alt + this; none of the window's mnemonics */
  const char     *key_name;
} choice_rows[] = {
  { ATLAS_DIMENSION_CRASH_TYPE, N_("Crash type"), GDK_KEY_t, "Alt+T" },
  { ATLAS_DIMENSION_ROOT_CAUSE, N_("Root cause"), GDK_KEY_u, "Alt+U" },
  { ATLAS_DIMENSION_ML_BUG, N_("Bug kind"), GDK_KEY_k, "Alt+K" },
  { ATLAS_DIMENSION_STAGE, N_("Stage"), GDK_KEY_s, "Alt+S" },
};
#define N_CHOICES G_N_ELEMENTS (choice_rows)

/* Type-ahead forgets what was typed after this long. */
#define TYPE_AHEAD_MS 1200

struct _AtlasLabelView
{
  GtkWidget       parent_instance;

  GtkWidget      *box;
  GtkLabel       *title;
  GtkLabel       *progress;
  GtkLabel       *rater_label;
  GtkLabel       *status;
  GtkButton      *back_button;
  GtkButton      *confirm_button;
  AtlasCellView  *cell_view;
  GtkWidget      *value_labels[N_CHOICES];
  GtkWidget      *title_labels[N_CHOICES];
  GtkEntry       *detail_entry;
  GtkEntry       *library_entry;
  GtkEntry       *note_entry;
  GtkLabel       *choices_title;
  GtkListBox     *choices;

  AtlasStore     *store;
  char           *rater;
  GHashTable     *labels;     /* shared: key → AtlasHandLabel */
  GPtrArray      *queue;      /* AtlasCrash */
  guint           position;
  AtlasHandLabel *editing;
  guint           active;     /* index into choice_rows */
  gboolean        filling;    /* rebuilding the choices: no value changes */
  GString        *typed;
  gint64          typed_at;
};

G_DEFINE_FINAL_TYPE (AtlasLabelView, atlas_label_view, GTK_TYPE_WIDGET)

char *
atlas_label_key (const char *location,
                 guint       cell)
{
  return g_strdup_printf ("%u:%s", cell, location);
}

static guint
get_value (const AtlasHandLabel *label,
           AtlasDimension        dimension)
{
  switch (dimension)
    {
    case ATLAS_DIMENSION_CRASH_TYPE:
      return label->labels.crash_type;
    case ATLAS_DIMENSION_ROOT_CAUSE:
      return label->labels.root_cause;
    case ATLAS_DIMENSION_ML_BUG:
      return label->labels.ml_bug;
    case ATLAS_DIMENSION_STAGE:
      return label->labels.stage;
    case ATLAS_DIMENSION_LIBRARY:
    case ATLAS_N_DIMENSIONS:
    default:
      g_return_val_if_reached (0);
    }
}

static void
set_value (AtlasHandLabel *label,
           AtlasDimension  dimension,
           guint           value)
{
  switch (dimension)
    {
    case ATLAS_DIMENSION_CRASH_TYPE:
      label->labels.crash_type = value;
      break;
    case ATLAS_DIMENSION_ROOT_CAUSE:
      label->labels.root_cause = value;
      break;
    case ATLAS_DIMENSION_ML_BUG:
      label->labels.ml_bug = value;
      break;
    case ATLAS_DIMENSION_STAGE:
      label->labels.stage = value;
      break;
    case ATLAS_DIMENSION_LIBRARY:
    case ATLAS_N_DIMENSIONS:
    default:
      g_return_if_reached ();
    }
}

static char *
describe_value (AtlasDimension dimension,
                guint          value)
{
  if (value == 0)
    return g_strdup (_("not labeled"));
  /* Translators: a label's identifier and its long name, "VNF — variable not found". */
  return g_strdup_printf (_("%s — %s"), atlas_dimension_value_id (dimension, value),
                          atlas_dimension_value_name (dimension, value));
}

static AtlasHandLabel *
dup_stored_label (AtlasLabelView *self,
                  AtlasCrash     *crash)
{
  g_autofree char *key = atlas_label_key (atlas_crash_get_location (crash), atlas_crash_get_cell (crash));
  AtlasHandLabel *stored = self->labels != NULL ? g_hash_table_lookup (self->labels, key) : NULL;

  return stored != NULL ? atlas_hand_label_copy (stored) : NULL;
}

guint
atlas_label_view_count_labeled (AtlasLabelView *self)
{
  guint n = 0;

  g_return_val_if_fail (ATLAS_IS_LABEL_VIEW (self), 0);

  for (guint i = 0; self->queue != NULL && i < self->queue->len; i++)
    {
      AtlasCrash *crash = g_ptr_array_index (self->queue, i);
      g_autofree char *key = atlas_label_key (atlas_crash_get_location (crash), atlas_crash_get_cell (crash));

      n += self->labels != NULL && g_hash_table_contains (self->labels, key);
    }
  return n;
}

static void
update_progress (AtlasLabelView *self)
{
  guint total = self->queue != NULL ? self->queue->len : 0;
  guint done = atlas_label_view_count_labeled (self);
  g_autofree char *text = g_strdup_printf (ngettext ("%u of %u labeled", "%u of %u labeled", total),
                                           done, total);
  g_autofree char *rater = g_strdup_printf (_("Rater: %s"), self->rater != NULL ? self->rater : "");

  gtk_label_set_text (self->progress, text);
  gtk_label_set_text (self->rater_label, rater);
  gtk_widget_set_sensitive (GTK_WIDGET (self->back_button), self->position > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->confirm_button),
                            self->editing != NULL && self->store != NULL);
}

/* Marks the values that differ from the automatic labels. */
static void
update_values (AtlasLabelView *self)
{
  AtlasCrash *crash = atlas_label_view_get_crash (self);

  for (guint i = 0; i < N_CHOICES; i++)
    {
      AtlasDimension dimension = choice_rows[i].dimension;
      guint value = self->editing != NULL ? get_value (self->editing, dimension) : 0;
      g_autofree char *text = describe_value (dimension, value);
      const char *automatic = crash != NULL ? atlas_crash_get_label_id (crash, dimension) : NULL;

      gtk_label_set_text (GTK_LABEL (self->value_labels[i]), text);
      if (g_strcmp0 (automatic, atlas_dimension_value_id (dimension, value)) != 0)
        gtk_widget_add_css_class (self->value_labels[i], "changed-label");
      else
        gtk_widget_remove_css_class (self->value_labels[i], "changed-label");
      if (i == self->active)
        gtk_widget_add_css_class (self->title_labels[i], "active-dimension");
      else
        gtk_widget_remove_css_class (self->title_labels[i], "active-dimension");
    }
}

static void
fill_choices (AtlasLabelView *self)
{
  AtlasDimension dimension = choice_rows[self->active].dimension;
  guint current = self->editing != NULL ? get_value (self->editing, dimension) : 0;
  GtkWidget *child;

  self->filling = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->choices))) != NULL)
    gtk_list_box_remove (self->choices, child);
  gtk_label_set_text (self->choices_title, _(choice_rows[self->active].title));
  for (guint v = 1; v < atlas_dimension_n_values (dimension); v++)
    {
      /* Number keys reach the first ten: 1 … 9, then 0. */
      g_autofree char *number = v <= 10 ? g_strdup_printf ("%u", v % 10) : g_strdup ("");
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *key = gtk_label_new (number);
      GtkWidget *id = gtk_label_new (atlas_dimension_value_id (dimension, v));
      GtkWidget *name = gtk_label_new (atlas_dimension_value_name (dimension, v));

      gtk_widget_add_css_class (key, "dim-label");
      gtk_widget_add_css_class (key, "numeric");
      gtk_label_set_width_chars (GTK_LABEL (key), 2);
      gtk_label_set_width_chars (GTK_LABEL (id), 8);
      gtk_label_set_xalign (GTK_LABEL (id), 0);
      gtk_widget_add_css_class (id, "heading");
      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
      gtk_box_append (GTK_BOX (row), key);
      gtk_box_append (GTK_BOX (row), id);
      gtk_box_append (GTK_BOX (row), name);
      gtk_widget_set_margin_top (row, 3);
      gtk_widget_set_margin_bottom (row, 3);
      gtk_widget_set_margin_start (row, 6);
      gtk_list_box_append (self->choices, row);
      if (v == current)
        gtk_list_box_select_row (self->choices, gtk_list_box_get_row_at_index (self->choices, (int)v - 1));
    }
  self->filling = FALSE;
}

static void
choose (AtlasLabelView *self,
        guint           value)
{
  AtlasDimension dimension = choice_rows[self->active].dimension;

  if (self->editing == NULL || value == 0 || value >= atlas_dimension_n_values (dimension))
    return;
  set_value (self->editing, dimension, value);
  self->filling = TRUE;
  gtk_list_box_select_row (self->choices, gtk_list_box_get_row_at_index (self->choices, (int)value - 1));
  self->filling = FALSE;
  update_values (self);
}

static void
activate_dimension (AtlasLabelView *self,
                    guint           index)
{
  self->active = index;
  g_string_truncate (self->typed, 0);
  fill_choices (self);
  update_values (self);
  {
    GtkListBoxRow *row = gtk_list_box_get_selected_row (self->choices);

    if (row != NULL)
      gtk_widget_grab_focus (GTK_WIDGET (row));
    else
      gtk_widget_grab_focus (GTK_WIDGET (self->choices));
  }
}

static void
show_current (AtlasLabelView *self)
{
  AtlasCrash *crash = atlas_label_view_get_crash (self);

  g_clear_pointer (&self->editing, atlas_hand_label_free);
  gtk_label_set_text (self->status, "");
  if (crash == NULL)
    {
      gtk_label_set_text (self->title, self->queue != NULL && self->queue->len > 0
                                       ? _("Every crash of the sample is labeled")
                                       : _("Nothing to label"));
      atlas_cell_view_set_crash (self->cell_view, NULL);
      gtk_editable_set_text (GTK_EDITABLE (self->detail_entry), "");
      gtk_editable_set_text (GTK_EDITABLE (self->library_entry), "");
      gtk_editable_set_text (GTK_EDITABLE (self->note_entry), "");
    }
  else
    {
      g_autofree char *basename = g_path_get_basename (atlas_crash_get_location (crash));
      /* Translators: notebook file name and 0-based cell index. */
      g_autofree char *title = g_strdup_printf (_("%s, cell %u"), basename, atlas_crash_get_cell (crash));

      self->editing = dup_stored_label (self, crash);
      if (self->editing == NULL)
        {
          self->editing = atlas_hand_label_new (atlas_crash_get_location (crash),
                                                atlas_crash_get_cell (crash), self->rater);
          atlas_classification_copy (atlas_crash_get_classification (crash), &self->editing->labels);
        }
      gtk_label_set_text (self->title, title);
      atlas_cell_view_set_crash (self->cell_view, crash);
      gtk_editable_set_text (GTK_EDITABLE (self->detail_entry),
                             self->editing->labels.root_cause_detail ? self->editing->labels.root_cause_detail : "");
      gtk_editable_set_text (GTK_EDITABLE (self->library_entry),
                             self->editing->labels.library ? self->editing->labels.library : "");
      gtk_editable_set_text (GTK_EDITABLE (self->note_entry), self->editing->note ? self->editing->note : "");
    }
  update_progress (self);
  activate_dimension (self, 0);
}

static void
go_to (AtlasLabelView *self,
       guint           position)
{
  self->position = position;
  show_current (self);
}

static char *
entry_text (GtkEntry *entry)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

static void
confirm (AtlasLabelView *self)
{
  g_autoptr(GError) error = NULL;
  AtlasHandLabel *label;

  if (self->editing == NULL)
    return;
  if (self->store == NULL)
    {
      gtk_label_set_text (self->status, _("Labels are kept in a corpus file: save the corpus as one first"));
      return;
    }

  label = self->editing;
  g_free (label->rater);
  label->rater = g_strdup (self->rater);
  g_free (label->labels.root_cause_detail);
  label->labels.root_cause_detail = entry_text (self->detail_entry);
  g_free (label->labels.library);
  label->labels.library = entry_text (self->library_entry);
  g_free (label->note);
  label->note = entry_text (self->note_entry);
  label->labeled_at = g_get_real_time () / G_USEC_PER_SEC;
  /* The evidence is the classifier's, not the rater's. */
  for (guint d = 0; d < ATLAS_N_DIMENSIONS; d++)
    g_clear_pointer (&label->labels.evidence[d], g_free);

  /* One row in one transaction: well under a frame, and committed before
   * the next crash shows, so a kill loses at most the crash being edited. */
  if (!atlas_store_put_hand_label (self->store, label, &error))
    {
      gtk_label_set_text (self->status, error->message);
      return;
    }
  if (self->labels != NULL)
    g_hash_table_replace (self->labels, atlas_label_key (label->location, label->cell),
                          atlas_hand_label_copy (label));
  g_signal_emit_by_name (self, "label-confirmed", label->location, label->cell);
  if (self->queue != NULL && self->position + 1 < self->queue->len)
    go_to (self, self->position + 1);
  else
    {
      update_progress (self);
      gtk_label_set_text (self->status, _("Saved. That was the last crash of the list."));
    }
}

static void
back (AtlasLabelView *self)
{
  if (self->position > 0)
    go_to (self, self->position - 1);
}

static void
skip (AtlasLabelView *self)
{
  if (self->queue != NULL && self->position + 1 < self->queue->len)
    go_to (self, self->position + 1);
}

static gboolean
focus_in_text (AtlasLabelView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (GTK_IS_TEXT (focus) || GTK_IS_EDITABLE (focus));
}

/* Letters typed quickly one after another select the first value whose
 * identifier, then whose name, starts with them. */
static void
type_ahead (AtlasLabelView *self,
            gunichar        c)
{
  AtlasDimension dimension = choice_rows[self->active].dimension;
  gint64 now = g_get_monotonic_time ();

  if (now - self->typed_at > TYPE_AHEAD_MS * 1000)
    g_string_truncate (self->typed, 0);
  self->typed_at = now;
  g_string_append_unichar (self->typed, c);

  for (guint pass = 0; pass < 2; pass++)
    for (guint v = 1; v < atlas_dimension_n_values (dimension); v++)
      {
        const char *text = pass == 0 ? atlas_dimension_value_id (dimension, v)
                                     : atlas_dimension_value_name (dimension, v);

        if (g_ascii_strncasecmp (text, self->typed->str, self->typed->len) == 0)
          {
            choose (self, v);
            return;
          }
      }
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                AtlasLabelView        *self)
{
  gunichar c;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0 || focus_in_text (self))
    return FALSE;

  if (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter)
    {
      confirm (self);
      return TRUE;
    }
  if (keyval >= GDK_KEY_0 && keyval <= GDK_KEY_9)
    {
      guint digit = keyval - GDK_KEY_0;

      choose (self, digit == 0 ? 10 : digit);
      return TRUE;
    }
  if (keyval >= GDK_KEY_KP_0 && keyval <= GDK_KEY_KP_9)
    {
      guint digit = keyval - GDK_KEY_KP_0;

      choose (self, digit == 0 ? 10 : digit);
      return TRUE;
    }
  c = gdk_keyval_to_unicode (keyval);
  if (c != 0 && g_unichar_isalpha (c))
    {
      type_ahead (self, c);
      return TRUE;
    }
  return FALSE;
}

static void
row_selected_cb (GtkListBox     *box,
                 GtkListBoxRow  *row,
                 AtlasLabelView *self)
{
  if (self->filling || row == NULL || self->editing == NULL)
    return;
  set_value (self->editing, choice_rows[self->active].dimension,
             (guint)gtk_list_box_row_get_index (row) + 1);
  update_values (self);
}

static void
row_activated_cb (GtkListBox     *box,
                  GtkListBoxRow  *row,
                  AtlasLabelView *self)
{
  row_selected_cb (box, row, self);
  confirm (self);
}

/* label.go: "back", "skip", "detail", "library", "note" or a dimension's
 * index in the form ("0" … "3"); the Alt shortcuts activate it. */
static void
go_action (GtkWidget  *widget,
           const char *action_name,
           GVariant   *param)
{
  AtlasLabelView *self = ATLAS_LABEL_VIEW (widget);
  const char *what = g_variant_get_string (param, NULL);

  if (g_str_equal (what, "back"))
    back (self);
  else if (g_str_equal (what, "skip"))
    skip (self);
  else if (g_str_equal (what, "confirm"))
    confirm (self);
  else if (g_str_equal (what, "detail"))
    gtk_widget_grab_focus (GTK_WIDGET (self->detail_entry));
  else if (g_str_equal (what, "library"))
    gtk_widget_grab_focus (GTK_WIDGET (self->library_entry));
  else if (g_str_equal (what, "note"))
    gtk_widget_grab_focus (GTK_WIDGET (self->note_entry));
  else
    {
      guint64 index;

      if (g_ascii_string_to_unsigned (what, 10, 0, N_CHOICES - 1, &index, NULL))
        activate_dimension (self, (guint)index);
    }
}

static void
title_clicked_cb (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  AtlasLabelView  *self)
{
  GtkWidget *label = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));

  for (guint i = 0; i < N_CHOICES; i++)
    if (self->title_labels[i] == label)
      activate_dimension (self, i);
}

static GtkWidget *
form_label (const char *mnemonic,
            GtkWidget  *target)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (mnemonic);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), target);
  return label;
}

static GtkEntry *
add_entry_row (GtkGrid    *grid,
               int         row,
               const char *mnemonic,
               const char *placeholder)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_grid_attach (grid, form_label (mnemonic, entry), 0, row, 1, 1);
  gtk_grid_attach (grid, entry, 1, row, 2, 1);
  return GTK_ENTRY (entry);
}

static GtkWidget *
build_form (AtlasLabelView *self)
{
  GtkWidget *form = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkGrid *grid = GTK_GRID (gtk_grid_new ());
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *hint;
  int row = 0;

  gtk_grid_set_row_spacing (grid, 6);
  gtk_grid_set_column_spacing (grid, 12);
  for (guint i = 0; i < N_CHOICES; i++, row++)
    {
      GtkGesture *click = gtk_gesture_click_new ();

      self->value_labels[i] = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (self->value_labels[i]), 0);
      gtk_label_set_ellipsize (GTK_LABEL (self->value_labels[i]), PANGO_ELLIPSIZE_END);
      gtk_widget_set_hexpand (self->value_labels[i], TRUE);
      GtkWidget *key = gtk_label_new (choice_rows[i].key_name);

      self->title_labels[i] = gtk_label_new (_(choice_rows[i].title));
      gtk_label_set_xalign (GTK_LABEL (self->title_labels[i]), 0);
      gtk_widget_add_css_class (self->title_labels[i], "dimension-title");
      g_signal_connect (click, "pressed", G_CALLBACK (title_clicked_cb), self);
      gtk_widget_add_controller (self->title_labels[i], GTK_EVENT_CONTROLLER (click));
      gtk_widget_add_css_class (key, "dim-label");
      gtk_widget_add_css_class (key, "caption");
      gtk_grid_attach (grid, self->title_labels[i], 0, row, 1, 1);
      gtk_grid_attach (grid, self->value_labels[i], 1, row, 1, 1);
      gtk_grid_attach (grid, key, 2, row, 1, 1);
      if (choice_rows[i].dimension == ATLAS_DIMENSION_ROOT_CAUSE)
        {
          row++;
          self->detail_entry = add_entry_row (grid, row, _("Cause _detail"),
                                              _("e.g. execution order, missing import"));
        }
    }
  self->library_entry = add_entry_row (grid, row++, _("_Library"), _("e.g. pandas, or none"));
  self->note_entry = add_entry_row (grid, row++, _("_Note"), _("Anything another rater should know"));
  gtk_box_append (GTK_BOX (form), GTK_WIDGET (grid));

  self->choices_title = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->choices_title, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->choices_title), "heading");
  gtk_box_append (GTK_BOX (form), GTK_WIDGET (self->choices_title));

  self->choices = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->choices, GTK_SELECTION_SINGLE);
  gtk_widget_add_css_class (GTK_WIDGET (self->choices), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->choices), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Values of the chosen dimension"), -1);
  g_signal_connect (self->choices, "row-selected", G_CALLBACK (row_selected_cb), self);
  g_signal_connect (self->choices, "row-activated", G_CALLBACK (row_activated_cb), self);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->choices));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (form), scroller);

  hint = gtk_label_new (_("Alt+T, U, K, S: dimension · 1–9, 0 or type its name: value · "
                          "Alt+D, L, N: text · Enter: confirm and next · Alt+←: back · Alt+→: skip"));
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_widget_add_css_class (hint, "caption");
  gtk_box_append (GTK_BOX (form), hint);

  self->status = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->status, TRUE);
  gtk_label_set_xalign (self->status, 0);
  gtk_box_append (GTK_BOX (form), GTK_WIDGET (self->status));

  gtk_widget_set_size_request (form, 380, -1);
  gtk_widget_set_margin_start (form, 12);
  gtk_widget_set_margin_end (form, 12);
  gtk_widget_set_margin_top (form, 12);
  gtk_widget_set_margin_bottom (form, 12);
  return form;
}

static GtkWidget *
build_header (AtlasLabelView *self)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  self->back_button = GTK_BUTTON (gtk_button_new_with_label (_("Back")));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->back_button), _("The previous crash (Alt+←)"));
  g_signal_connect_swapped (self->back_button, "clicked", G_CALLBACK (back), self);
  self->title = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_ellipsize (self->title, PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_add_css_class (GTK_WIDGET (self->title), "title-4");
  gtk_widget_set_hexpand (GTK_WIDGET (self->title), TRUE);
  gtk_label_set_xalign (self->title, 0);
  self->rater_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->rater_label), "dim-label");
  self->progress = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->progress), "numeric");
  self->confirm_button = GTK_BUTTON (gtk_button_new_with_label (_("Confirm and Next")));
  gtk_widget_add_css_class (GTK_WIDGET (self->confirm_button), "suggested-action");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->confirm_button),
                               _("Save this crash's labels and go to the next (Enter)"));
  g_signal_connect_swapped (self->confirm_button, "clicked", G_CALLBACK (confirm), self);

  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->back_button));
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->title));
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->rater_label));
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->progress));
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->confirm_button));
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_end (header, 12);
  gtk_widget_set_margin_top (header, 6);
  gtk_widget_set_margin_bottom (header, 6);
  return header;
}

static void
note_activate_cb (GtkEntry       *entry,
                  AtlasLabelView *self)
{
  confirm (self);
}

static void
atlas_label_view_dispose (GObject *object)
{
  AtlasLabelView *self = (AtlasLabelView *)object;

  g_clear_pointer (&self->box, gtk_widget_unparent);
  G_OBJECT_CLASS (atlas_label_view_parent_class)->dispose (object);
}

static void
atlas_label_view_finalize (GObject *object)
{
  AtlasLabelView *self = (AtlasLabelView *)object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->labels, g_hash_table_unref);
  g_clear_pointer (&self->queue, g_ptr_array_unref);
  g_clear_pointer (&self->editing, atlas_hand_label_free);
  g_free (self->rater);
  g_string_free (self->typed, TRUE);
  G_OBJECT_CLASS (atlas_label_view_parent_class)->finalize (object);
}

/* Global scope: the shortcuts work whenever the view is shown, wherever the
 * focus is (the page switcher, a text field). */
static void
add_shortcut (GtkShortcutController *controller,
              guint                  key,
              const char            *what)
{
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (key, GDK_ALT_MASK),
                                            gtk_named_action_new ("label.go"));

  gtk_shortcut_set_arguments (shortcut, g_variant_new_string (what));
  gtk_shortcut_controller_add_shortcut (controller, shortcut);
}

static void
add_shortcuts (AtlasLabelView *self)
{
  static const char *const indexes[] = { "0", "1", "2", "3" };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  G_STATIC_ASSERT (G_N_ELEMENTS (indexes) == N_CHOICES);
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_GLOBAL);
  for (guint i = 0; i < N_CHOICES; i++)
    add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), choice_rows[i].key, indexes[i]);
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_d, "detail");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_l, "library");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_n, "note");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_Left, "back");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_Right, "skip");
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
atlas_label_view_class_init (AtlasLabelViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_label_view_dispose;
  object_class->finalize = atlas_label_view_finalize;

  /**
   * AtlasLabelView::label-confirmed:
   * @location: the notebook
   * @cell: the cell
   *
   * A label was committed to the corpus file.
   */
  g_signal_new ("label-confirmed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_UINT);

  gtk_widget_class_install_action (widget_class, "label.go", "s", go_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "labelview");
}

static void
atlas_label_view_init (AtlasLabelView *self)
{
  GtkWidget *paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->typed = g_string_new (NULL);
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (self->box), build_header (self));
  gtk_box_append (GTK_BOX (self->box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));

  /* The cell view as it is, with the cell, traceback and evidence. */
  self->cell_view = ATLAS_CELL_VIEW (atlas_cell_view_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->cell_view), TRUE);
  gtk_paned_set_start_child (GTK_PANED (paned), GTK_WIDGET (self->cell_view));
  gtk_paned_set_resize_start_child (GTK_PANED (paned), TRUE);
  gtk_paned_set_end_child (GTK_PANED (paned), build_form (self));
  gtk_paned_set_resize_end_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_shrink_end_child (GTK_PANED (paned), FALSE);
  gtk_widget_set_vexpand (paned, TRUE);
  gtk_box_append (GTK_BOX (self->box), paned);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  g_signal_connect (self->note_entry, "activate", G_CALLBACK (note_activate_cb), self);
  g_signal_connect (self->detail_entry, "activate", G_CALLBACK (note_activate_cb), self);
  g_signal_connect (self->library_entry, "activate", G_CALLBACK (note_activate_cb), self);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  add_shortcuts (self);

  self->rater = g_strdup (g_get_real_name ());
  show_current (self);
}

void
atlas_label_view_focus (AtlasLabelView *self)
{
  g_return_if_fail (ATLAS_IS_LABEL_VIEW (self));
  activate_dimension (self, self->active);
}

GtkWidget *
atlas_label_view_new (void)
{
  return g_object_new (ATLAS_TYPE_LABEL_VIEW, NULL);
}

void
atlas_label_view_set_store (AtlasLabelView *self,
                            AtlasStore     *store)
{
  g_return_if_fail (ATLAS_IS_LABEL_VIEW (self));

  g_set_object (&self->store, store);
  atlas_cell_view_set_store (self->cell_view, store);
  update_progress (self);
}

void
atlas_label_view_set_rater (AtlasLabelView *self,
                            const char     *rater)
{
  g_return_if_fail (ATLAS_IS_LABEL_VIEW (self));

  g_free (self->rater);
  self->rater = g_strdup (rater != NULL && *rater != '\0' ? rater : g_get_real_name ());
  update_progress (self);
}

const char *
atlas_label_view_get_rater (AtlasLabelView *self)
{
  g_return_val_if_fail (ATLAS_IS_LABEL_VIEW (self), NULL);
  return self->rater;
}

void
atlas_label_view_set_labels (AtlasLabelView *self,
                             GHashTable     *labels)
{
  g_return_if_fail (ATLAS_IS_LABEL_VIEW (self));

  if (labels != NULL)
    g_hash_table_ref (labels);
  g_clear_pointer (&self->labels, g_hash_table_unref);
  self->labels = labels;
}

void
atlas_label_view_set_queue (AtlasLabelView *self,
                            GPtrArray      *crashes)
{
  guint first = 0;

  g_return_if_fail (ATLAS_IS_LABEL_VIEW (self));

  if (crashes != NULL)
    g_ptr_array_ref (crashes);
  g_clear_pointer (&self->queue, g_ptr_array_unref);
  self->queue = crashes;

  /* Resume where the rater stopped. */
  for (; self->queue != NULL && first < self->queue->len; first++)
    {
      AtlasCrash *crash = g_ptr_array_index (self->queue, first);
      g_autofree char *key = atlas_label_key (atlas_crash_get_location (crash), atlas_crash_get_cell (crash));

      if (self->labels == NULL || !g_hash_table_contains (self->labels, key))
        break;
    }
  if (self->queue != NULL && first == self->queue->len && first > 0)
    first = self->queue->len - 1;
  go_to (self, first);
}

guint
atlas_label_view_get_position (AtlasLabelView *self)
{
  g_return_val_if_fail (ATLAS_IS_LABEL_VIEW (self), 0);
  return self->position;
}

AtlasCrash *
atlas_label_view_get_crash (AtlasLabelView *self)
{
  g_return_val_if_fail (ATLAS_IS_LABEL_VIEW (self), NULL);

  if (self->queue == NULL || self->position >= self->queue->len)
    return NULL;
  return g_ptr_array_index (self->queue, self->position);
}

const AtlasHandLabel *
atlas_label_view_get_editing (AtlasLabelView *self)
{
  g_return_val_if_fail (ATLAS_IS_LABEL_VIEW (self), NULL);
  return self->editing;
}

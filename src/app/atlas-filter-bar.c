/* atlas-filter-bar.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-filter-bar"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-filter-bar.h"

struct _AtlasFilterBar
{
  GtkWidget         parent_instance;

  GtkRevealer      *revealer;
  GtkBox           *chips;
  AtlasFilter      *filter;
};

G_DEFINE_FINAL_TYPE (AtlasFilterBar, atlas_filter_bar, GTK_TYPE_WIDGET)

static void
remove_clicked_cb (GtkButton      *button,
                   AtlasFilterBar *self)
{
  AtlasFilterField field = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "field"));

  atlas_filter_clear_field (self->filter, field);
}

static void
remove_distinct_clicked_cb (GtkButton      *button,
                            AtlasFilterBar *self)
{
  atlas_filter_set_distinct_content (self->filter, FALSE);
}

/* "Count duplicates once" is a choice about counting, not a facet: its chip
 * says so, and removing it counts every notebook again. */
static GtkWidget *
make_distinct_chip (AtlasFilterBar *self)
{
  GtkWidget *chip = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *label = gtk_label_new (_("Copies of a notebook counted once"));
  GtkWidget *button = gtk_button_new_from_icon_name ("window-close-symbolic");
  const char *remove = _("Count every notebook, copies included");

  gtk_widget_set_margin_start (label, 10);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "circular");
  gtk_widget_set_tooltip_text (button, remove);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, remove, -1);
  g_signal_connect (button, "clicked", G_CALLBACK (remove_distinct_clicked_cb), self);
  gtk_box_append (GTK_BOX (chip), label);
  gtk_box_append (GTK_BOX (chip), button);
  gtk_widget_add_css_class (chip, "filter-chip");
  return chip;
}

static void
clear_clicked_cb (GtkButton      *button,
                  AtlasFilterBar *self)
{
  atlas_filter_clear (self->filter);
}

static GtkWidget *
make_chip (AtlasFilterBar   *self,
           AtlasFilterField  field)
{
  GtkWidget *chip = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *button = gtk_button_new_from_icon_name ("window-close-symbolic");
  /* The description quotes values from notebooks (library names): plain text. */
  g_autofree char *text = atlas_filter_describe_field (self->filter, field);
  g_autofree char *remove = g_strdup_printf (_("Remove filter “%s”"), text);

  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_widget_set_margin_start (label, 10);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "circular");
  gtk_widget_set_tooltip_text (button, remove);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, remove, -1);
  g_object_set_data (G_OBJECT (button), "field", GUINT_TO_POINTER (field));
  g_signal_connect (button, "clicked", G_CALLBACK (remove_clicked_cb), self);
  gtk_box_append (GTK_BOX (chip), label);
  gtk_box_append (GTK_BOX (chip), button);
  gtk_widget_add_css_class (chip, "filter-chip");
  return chip;
}

static void
rebuild (AtlasFilterBar *self)
{
  GtkWidget *child;
  GtkWidget *clear;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->chips))))
    gtk_box_remove (self->chips, child);
  if (self->filter == NULL || atlas_filter_is_empty (self->filter))
    {
      gtk_revealer_set_reveal_child (self->revealer, FALSE);
      return;
    }

  gtk_box_append (self->chips, gtk_label_new (_("Showing only")));
  for (guint f = 0; f < ATLAS_N_FILTER_FIELDS; f++)
    if (atlas_filter_has_field (self->filter, f))
      gtk_box_append (self->chips, make_chip (self, f));
  if (atlas_filter_get_distinct_content (self->filter))
    gtk_box_append (self->chips, make_distinct_chip (self));
  clear = gtk_button_new_with_mnemonic (_("_Clear Filters"));
  gtk_widget_add_css_class (clear, "flat");
  gtk_widget_set_hexpand (clear, TRUE);
  gtk_widget_set_halign (clear, GTK_ALIGN_END);
  g_signal_connect (clear, "clicked", G_CALLBACK (clear_clicked_cb), self);
  gtk_box_append (self->chips, clear);
  gtk_revealer_set_reveal_child (self->revealer, TRUE);
}

static void
atlas_filter_bar_dispose (GObject *object)
{
  AtlasFilterBar *self = (AtlasFilterBar *)object;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->filter);

  G_OBJECT_CLASS (atlas_filter_bar_parent_class)->dispose (object);
}

static void
atlas_filter_bar_class_init (AtlasFilterBarClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = atlas_filter_bar_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "atlasfilterbar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
atlas_filter_bar_init (AtlasFilterBar *self)
{
  self->revealer = GTK_REVEALER (gtk_revealer_new ());
  self->chips = GTK_BOX (gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6));
  gtk_widget_set_margin_start (GTK_WIDGET (self->chips), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->chips), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self->chips), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->chips), 6);
  gtk_revealer_set_child (self->revealer, GTK_WIDGET (self->chips));
  gtk_widget_set_parent (GTK_WIDGET (self->revealer), GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Active filters"), -1);
}

GtkWidget *
atlas_filter_bar_new (void)
{
  return g_object_new (ATLAS_TYPE_FILTER_BAR, NULL);
}

void
atlas_filter_bar_set_filter (AtlasFilterBar *self,
                             AtlasFilter    *filter)
{
  g_return_if_fail (ATLAS_IS_FILTER_BAR (self));

  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_func (self->filter, rebuild, self);
  g_set_object (&self->filter, filter);
  if (filter != NULL)
    g_signal_connect_object (filter, "changed", G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);
  rebuild (self);
}

/* atlas-cell-view-traceback.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-cell-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "atlas-ansi.h"
#include "atlas-cell-view-private.h"

/* The 16 ANSI colours, tuned to stay readable on the light and the dark
 * background (IPython mostly uses red, green, cyan and yellow). */
static const char *ansi_light[16] = {
  "#241f31", "#c01c28", "#26a269", "#a2734c", "#1a5fb4", "#813d9c", "#0e7f86", "#5e5c64",
  "#5e5c64", "#e01b24", "#2ec27e", "#9c6e03", "#3584e4", "#9141ac", "#1a8a93", "#241f31",
};
static const char *ansi_dark[16] = {
  "#9a9996", "#ff7b63", "#8ff0a4", "#f8e45c", "#99c1f1", "#dc8add", "#93ddc2", "#deddda",
  "#9a9996", "#ff7b63", "#8ff0a4", "#f9f06b", "#99c1f1", "#dc8add", "#93ddc2", "#ffffff",
};

static void
xterm_colour (int    index,
              char   buf[8])
{
  int r, g, b;

  if (index >= 232)
    {
      r = g = b = 8 + (index - 232) * 10;
    }
  else
    {
      int i = index - 16;
      r = (i / 36) ? 55 + (i / 36) * 40 : 0;
      g = ((i / 6) % 6) ? 55 + ((i / 6) % 6) * 40 : 0;
      b = (i % 6) ? 55 + (i % 6) * 40 : 0;
    }
  g_snprintf (buf, 8, "#%02x%02x%02x", r, g, b);
}

static void
colour_spec (int       colour,
             gboolean  dark,
             GdkRGBA  *rgba)
{
  char buf[8];
  const char *spec = buf;

  if (colour < 16)
    spec = (dark ? ansi_dark : ansi_light)[colour];
  else
    xterm_colour (colour, buf);
  gdk_rgba_parse (rgba, spec);
}

static void
insert_attr (PangoAttrList      *attrs,
             PangoAttribute     *attr,
             const AtlasAnsiRun *run)
{
  attr->start_index = run->start;
  attr->end_index = run->end;
  pango_attr_list_insert (attrs, attr);
}

static void
apply_run (PangoAttrList      *attrs,
           const AtlasAnsiRun *run,
           gboolean            dark)
{
  GdkRGBA rgba;

  if (run->fg >= 0 && run->fg < 256)
    {
      colour_spec (run->fg, dark, &rgba);
      insert_attr (attrs, pango_attr_foreground_new (rgba.red * 65535, rgba.green * 65535, rgba.blue * 65535), run);
    }
  if (run->bg >= 0 && run->bg < 256)
    {
      colour_spec (run->bg, dark, &rgba);
      insert_attr (attrs, pango_attr_background_new (rgba.red * 65535, rgba.green * 65535, rgba.blue * 65535), run);
    }
  if (run->flags & ATLAS_ANSI_BOLD)
    insert_attr (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD), run);
  if (run->flags & ATLAS_ANSI_ITALIC)
    insert_attr (attrs, pango_attr_style_new (PANGO_STYLE_ITALIC), run);
  if (run->flags & ATLAS_ANSI_UNDERLINE)
    insert_attr (attrs, pango_attr_underline_new (PANGO_UNDERLINE_SINGLE), run);
}

/* The text without its escapes, their styles as attributes: inserted as
 * text, so a traceback's "<b>" stays "<b>". */
void
_atlas_label_set_ansi (GtkLabel   *label,
                       const char *text)
{
  g_autoptr(GArray) runs = NULL;
  g_autofree char *plain = atlas_ansi_parse (text != NULL ? text : "", &runs);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  PangoAttrList *attrs = pango_attr_list_new ();

  for (guint i = 0; runs != NULL && i < runs->len; i++)
    apply_run (attrs, &g_array_index (runs, AtlasAnsiRun, i), dark);
  gtk_label_set_use_markup (label, FALSE);
  gtk_label_set_text (label, plain);
  gtk_label_set_attributes (label, attrs);
  pango_attr_list_unref (attrs);
}

static char *
describe_frame (const AtlasFrame *frame)
{
  const char *where = frame->module_path != NULL ? frame->module_path : frame->file;
  const char *function = frame->function != NULL ? frame->function : "?";

  if (frame->line > 0)
    return g_strdup_printf (_("%s, line %d, in %s"), where ? where : "?", frame->line, function);
  return g_strdup_printf (_("%s, in %s"), where ? where : "?", function);
}

static GtkWidget *
frame_row (const AtlasFrame *frame)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  g_autofree char *title = describe_frame (frame);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_text (GTK_LABEL (label), title);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_box_append (GTK_BOX (box), label);
  if (frame->code != NULL)
    {
      GtkWidget *code = gtk_label_new (NULL);

      gtk_label_set_text (GTK_LABEL (code), frame->code);
      gtk_label_set_xalign (GTK_LABEL (code), 0);
      gtk_label_set_selectable (GTK_LABEL (code), TRUE);
      gtk_label_set_wrap (GTK_LABEL (code), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (code), PANGO_WRAP_WORD_CHAR);
      gtk_widget_set_margin_start (code, 18);
      gtk_widget_add_css_class (code, "monospace");
      gtk_box_append (GTK_BOX (box), code);
    }
  return box;
}

static GtkWidget *
caption (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption-heading");
  return label;
}

void
_atlas_cell_view_show_traceback (GtkLabel       *view,
                                 GtkBox         *frames_box,
                                 AtlasTraceback *traceback)
{
  const AtlasFrame *user;
  GtkWidget *child, *library_box;
  guint n_library = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (frames_box))))
    gtk_box_remove (frames_box, child);
  _atlas_label_set_ansi (view, traceback != NULL ? atlas_traceback_get_raw (traceback) : "");
  if (traceback == NULL)
    return;

  /* The user's frame first: that is where a student can change something. */
  if ((user = atlas_traceback_get_user_frame (traceback)) != NULL)
    {
      gtk_box_append (frames_box, caption (_("Your code")));
      gtk_box_append (frames_box, frame_row (user));
    }

  library_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  for (guint i = 0; i < atlas_traceback_get_n_frames (traceback); i++)
    {
      const AtlasFrame *frame = atlas_traceback_get_frame (traceback, i);

      if (frame == user)
        continue;
      gtk_box_append (GTK_BOX (library_box), frame_row (frame));
      n_library++;
    }
  if (n_library > 0)
    {
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u more frame (library and other code)",
                                                             "%u more frames (library and other code)", n_library),
                                                n_library);
      GtkWidget *expander = gtk_expander_new (title);

      gtk_widget_set_margin_start (library_box, 12);
      gtk_widget_set_margin_top (library_box, 6);
      gtk_expander_set_child (GTK_EXPANDER (expander), library_box);
      gtk_box_append (frames_box, expander);
    }
  else
    g_object_ref_sink (library_box), g_object_unref (library_box);
}

/* atlas-cell-view-code.c — code, outputs and tracebacks as labels
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
#include "atlas-cell-view-private.h"

/* Text views measure their lines in idle callbacks, after they are shown,
 * so a page of them grows for a second or two after each selection. Labels
 * are measured at once: the cell view is laid out once, in its final
 * geometry, before its first frame. The colours of the syntax come from a
 * GtkSourceBuffer highlighted synchronously and carried over as attributes. */

static GtkSourceLanguage *
python_language (void)
{
  GtkSourceLanguageManager *manager = gtk_source_language_manager_get_default ();
  GtkSourceLanguage *language = gtk_source_language_manager_get_language (manager, "python3");

  return language != NULL ? language : gtk_source_language_manager_get_language (manager, "python");
}

static void
add_tag_attributes (PangoAttrList *attrs,
                    GtkTextTag    *tag,
                    guint          start,
                    guint          end)
{
  gboolean fg_set = FALSE, weight_set = FALSE, style_set = FALSE;
  GdkRGBA *fg = NULL;
  int weight = PANGO_WEIGHT_NORMAL;
  PangoStyle style = PANGO_STYLE_NORMAL;
  PangoAttribute *attr;

  g_object_get (tag, "foreground-set", &fg_set, "foreground-rgba", &fg, "weight-set", &weight_set,
                "weight", &weight, "style-set", &style_set, "style", &style, NULL);
  if (fg_set && fg != NULL)
    {
      attr = pango_attr_foreground_new (fg->red * 65535, fg->green * 65535, fg->blue * 65535);
      attr->start_index = start, attr->end_index = end;
      pango_attr_list_insert (attrs, attr);
    }
  if (weight_set)
    {
      attr = pango_attr_weight_new (weight);
      attr->start_index = start, attr->end_index = end;
      pango_attr_list_insert (attrs, attr);
    }
  if (style_set)
    {
      attr = pango_attr_style_new (style);
      attr->start_index = start, attr->end_index = end;
      pango_attr_list_insert (attrs, attr);
    }
  g_clear_pointer (&fg, gdk_rgba_free);
}

static PangoAttrList *
highlight_python (const char *code)
{
  g_autoptr(GtkSourceBuffer) buffer = gtk_source_buffer_new_with_language (python_language ());
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  GtkSourceStyleSchemeManager *manager = gtk_source_style_scheme_manager_get_default ();
  GtkSourceStyleScheme *scheme =
    gtk_source_style_scheme_manager_get_scheme (manager, dark ? "Adwaita-dark" : "Adwaita");
  PangoAttrList *attrs = pango_attr_list_new ();
  GtkTextIter iter, end;

  if (scheme != NULL)
    gtk_source_buffer_set_style_scheme (buffer, scheme);
  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (buffer), code, -1);
  gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (buffer), &iter, &end);
  gtk_source_buffer_ensure_highlight (buffer, &iter, &end);
  while (!gtk_text_iter_is_end (&iter))
    {
      GtkTextIter next = iter;
      g_autoptr(GSList) tags = NULL;
      guint start_byte, end_byte;

      if (!gtk_text_iter_forward_to_tag_toggle (&next, NULL))
        next = end;
      start_byte = g_utf8_offset_to_pointer (code, gtk_text_iter_get_offset (&iter)) - code;
      end_byte = g_utf8_offset_to_pointer (code, gtk_text_iter_get_offset (&next)) - code;
      tags = gtk_text_iter_get_tags (&iter);
      for (GSList *l = tags; l != NULL; l = l->next)
        add_tag_attributes (attrs, l->data, start_byte, end_byte);
      iter = next;
    }
  return attrs;
}

static GtkWidget *
mono_label (const char *text)
{
  GtkWidget *label = gtk_label_new (NULL);

  /* Notebook text is a stranger's: never markup. */
  gtk_label_set_use_markup (GTK_LABEL (label), FALSE);
  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "monospace");
  gtk_widget_add_css_class (label, "zoomable");
  return label;
}

/* Lines as they are, scrolled sideways when longer than the view: code and
 * tracebacks are never broken inside a word. */
GtkWidget *
_atlas_hscroll (GtkWidget *child)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), child);
  return scroller;
}

GtkWidget *
_atlas_code_block (const char *code,
                   guint       marked_line)
{
  g_autofree char *text = g_strdup (code != NULL ? code : "");
  g_autoptr(GString) numbers = g_string_new (NULL);
  PangoAttrList *attrs;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *gutter, *label;
  guint n_lines = 1;
  gsize len = strlen (text);

  /* A cell's last newline is no line of its own. */
  if (len > 0 && text[len - 1] == '\n')
    text[--len] = '\0';
  for (const char *p = text; *p; p++)
    if (*p == '\n')
      n_lines++;
  attrs = highlight_python (text);
  for (guint i = 1; i <= n_lines; i++)
    g_string_append_printf (numbers, i < n_lines ? "%u\n" : "%u", i);

  gutter = mono_label (numbers->str);
  gtk_label_set_selectable (GTK_LABEL (gutter), FALSE);
  gtk_label_set_justify (GTK_LABEL (gutter), GTK_JUSTIFY_RIGHT);
  gtk_widget_add_css_class (gutter, "code-gutter");
  gtk_widget_add_css_class (gutter, "dim-label");

  if (marked_line > 0 && marked_line <= n_lines)
    {
      const char *start = text, *end;
      PangoAttribute *attr;
      PangoAttrList *gutter_attrs = pango_attr_list_new ();
      guint gutter_start = 0;

      for (guint i = 1; i < marked_line; i++)
        {
          start = strchr (start, '\n') + 1;
          gutter_start += (guint)g_snprintf (NULL, 0, "%u\n", i);
        }
      end = strchr (start, '\n');
      if (end == NULL)
        end = text + len;
      attr = pango_attr_background_new (0xe0e0, 0x1b1b, 0x2424);
      attr->start_index = start - text, attr->end_index = end - text;
      pango_attr_list_insert (attrs, attr);
      attr = pango_attr_background_alpha_new (65535 * 0.22);
      attr->start_index = start - text, attr->end_index = end - text;
      pango_attr_list_insert (attrs, attr);
      attr = pango_attr_weight_new (PANGO_WEIGHT_BOLD);
      attr->start_index = start - text, attr->end_index = end - text;
      pango_attr_list_insert (attrs, attr);
      attr = pango_attr_weight_new (PANGO_WEIGHT_BOLD);
      attr->start_index = gutter_start, attr->end_index = gutter_start + g_snprintf (NULL, 0, "%u", marked_line);
      pango_attr_list_insert (gutter_attrs, attr);
      gtk_label_set_attributes (GTK_LABEL (gutter), gutter_attrs);
      pango_attr_list_unref (gutter_attrs);
      gtk_widget_remove_css_class (gutter, "dim-label");
      gtk_widget_add_css_class (gutter, "error");
    }

  label = mono_label (text);
  gtk_label_set_attributes (GTK_LABEL (label), attrs);
  pango_attr_list_unref (attrs);
  gtk_widget_add_css_class (label, "code");
  gtk_box_append (GTK_BOX (box), gutter);
  gtk_box_append (GTK_BOX (box), _atlas_hscroll (label));
  gtk_widget_set_hexpand (gtk_widget_get_last_child (box), TRUE);
  gtk_widget_add_css_class (box, "code-block");
  return box;
}

static GtkWidget *
output_widget (const AtlasOutput *output)
{
  GtkWidget *widget;

  if (output->kind == ATLAS_OUTPUT_IMAGE)
    {
      g_autoptr(GdkTexture) texture = gdk_texture_new_from_bytes (output->image, NULL);

      if (texture == NULL)
        return NULL;
      widget = gtk_picture_new_for_paintable (GDK_PAINTABLE (texture));
      gtk_picture_set_can_shrink (GTK_PICTURE (widget), TRUE);
      gtk_picture_set_content_fit (GTK_PICTURE (widget), GTK_CONTENT_FIT_CONTAIN);
      gtk_widget_set_halign (widget, GTK_ALIGN_START);
      /* Scaled down to a third of the view's height at most. */
      gtk_widget_set_size_request (widget, -1, MIN (gdk_texture_get_height (texture), 240));
      gtk_widget_add_css_class (widget, "cell-output");
      return widget;
    }
  {
    g_autofree char *text = g_strdup (output->text);
    gsize len = strlen (text);
    GtkWidget *label;

    while (len > 0 && text[len - 1] == '\n')
      text[--len] = '\0';
    if (output->truncated)
      {
        char *longer = g_strconcat (text, "\n…", NULL);

        g_free (text);
        text = longer;
      }
    label = mono_label (text);
    if (output->kind == ATLAS_OUTPUT_ERROR)
      gtk_widget_add_css_class (label, "error");
    widget = _atlas_hscroll (label);
    gtk_widget_add_css_class (widget, "cell-output");
    return widget;
  }
}

GtkWidget *
_atlas_outputs_box (const AtlasCell *cell)
{
  GtkWidget *box;

  if (cell->outputs == NULL || cell->outputs->len == 0)
    return NULL;
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_add_css_class (box, "cell-outputs");
  for (guint i = 0; i < cell->outputs->len; i++)
    {
      GtkWidget *widget = output_widget (g_ptr_array_index (cell->outputs, i));

      if (widget != NULL)
        gtk_box_append (GTK_BOX (box), widget);
    }
  return box;
}

/* atlas-export-dialog.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-export-dialog"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "atlas-export-dialog.h"

struct _AtlasExportDialog
{
  AdwWindow        parent_instance;

  AdwEntryRow     *title_row;
  GtkFontButton   *font_button;
  AdwComboRow     *column_row;
  GtkDrawingArea  *preview;
  AdwComboRow     *format_row;
  AdwComboRow     *unit_row;
  AdwPreferencesGroup *size_group;
  AdwActionRow    *dpi_row;
  GtkSpinButton   *width_spin;
  GtkSpinButton   *height_spin;
  GtkSpinButton   *dpi_spin;

  AtlasChartPage  *page;
  AtlasChartModel *preview_model; /* the page's chart when the dialog opened */
  char            *default_title; /* its title, for an emptied title row */
  AtlasLengthUnit  unit;          /* of the values in the spin buttons */
  gboolean         setting_column; /* a preset is writing the width */
};

G_DEFINE_FINAL_TYPE (AtlasExportDialog, atlas_export_dialog, ADW_TYPE_WINDOW)

/* Rows of the combo rows, in the order of the .ui string lists. */
static const AtlasChartFormat formats[] = {
  ATLAS_CHART_FORMAT_PDF, ATLAS_CHART_FORMAT_SVG, ATLAS_CHART_FORMAT_PNG, ATLAS_CHART_FORMAT_CSV,
};
static const char *extensions[] = { "pdf", "svg", "png", "csv" };
static const AtlasLengthUnit units[] = { ATLAS_LENGTH_CM, ATLAS_LENGTH_MM, ATLAS_LENGTH_IN };

/* The exported figure's look: the light style with its text in points and
 * the chosen font (a family: the sizes are the figure's). */
static void
init_style (AtlasExportDialog *self,
            AtlasChartStyle   *style,
            char             **family)
{
  g_autofree char *chosen = gtk_font_chooser_get_font (GTK_FONT_CHOOSER (self->font_button));
  g_autoptr(PangoFontDescription) font = chosen ? pango_font_description_from_string (chosen) : NULL;
  const char *name = font ? pango_font_description_get_family (font) : NULL;

  atlas_chart_style_init_light (style);
  *family = name != NULL && *name != '\0' ? g_strdup (name) : NULL;
  if (*family != NULL)
    style->font_family = *family;
}

static double
width_pt (AtlasExportDialog *self)
{
  return atlas_length_to_points (gtk_spin_button_get_value (self->width_spin), self->unit);
}

static double
height_pt (AtlasExportDialog *self)
{
  return atlas_length_to_points (gtk_spin_button_get_value (self->height_spin), self->unit);
}

static void
preview_changed_cb (AtlasExportDialog *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self->preview));
}

/* The page at the export's size, scaled to fit the area (never enlarged
 * beyond twice its size), on a neutral ground so its edges show. One chart
 * drawn is a few milliseconds: done on each change, on the UI thread. */
static void
draw_preview (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        data)
{
  AtlasExportDialog *self = data;
  g_autofree char *family = NULL;
  g_autoptr(AtlasChartLayout) layout = NULL;
  const char *title = gtk_editable_get_text (GTK_EDITABLE (self->title_row));
  AtlasChartStyle style;
  double w = width_pt (self), h = height_pt (self), scale;

  if (self->preview_model == NULL || w <= 0 || h <= 0 || width < 8 || height < 8)
    return;
  atlas_chart_model_set_title (self->preview_model, *title != '\0' ? title : self->default_title);
  init_style (self, &style, &family);
  scale = MIN (MIN ((width - 8) / w, (height - 8) / h), 2.0);
  cairo_translate (cr, (width - w * scale) / 2, (height - h * scale) / 2);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.25);
  cairo_rectangle (cr, -1, -1, w * scale + 2, h * scale + 2);
  cairo_fill (cr);
  cairo_scale (cr, scale, scale);
  layout = atlas_chart_render (self->preview_model, &style, cr, w, h);
}

/* Row 0 of the column row is "Custom"; then the presets in order. */
static void
column_changed_cb (AtlasExportDialog *self)
{
  guint n_presets, selected = adw_combo_row_get_selected (self->column_row);
  const AtlasChartWidthPreset *presets = atlas_chart_width_presets (&n_presets);
  const AtlasChartWidthPreset *preset;
  AtlasLengthUnit unit;
  double height;

  if (selected == 0 || selected > n_presets)
    return;
  preset = &presets[selected - 1];
  unit = g_str_has_suffix (preset->id, "in") ? ATLAS_LENGTH_IN : ATLAS_LENGTH_CM;
  height = height_pt (self);
  /* As tall as the chart needs at that width, as the command line does. */
  if (self->preview_model != NULL)
    {
      g_autofree char *family = NULL;
      AtlasChartStyle style;

      init_style (self, &style, &family);
      height = atlas_chart_natural_height (self->preview_model, &style, preset->width_pt);
    }
  self->setting_column = TRUE;
  atlas_export_dialog_set_size (self, preset->width_pt / atlas_length_to_points (1, unit),
                                height / atlas_length_to_points (1, unit), unit);
  self->setting_column = FALSE;
}

/* A width typed by hand is a custom one. */
static void
width_changed_cb (AtlasExportDialog *self)
{
  if (!self->setting_column)
    {
      guint n_presets, selected = adw_combo_row_get_selected (self->column_row);
      const AtlasChartWidthPreset *presets = atlas_chart_width_presets (&n_presets);

      if (selected > 0 && selected <= n_presets && fabs (presets[selected - 1].width_pt - width_pt (self)) > 0.05)
        adw_combo_row_set_selected (self->column_row, 0);
    }
  preview_changed_cb (self);
}

static AtlasChartFormat
current_format (AtlasExportDialog *self)
{
  return formats[MIN (adw_combo_row_get_selected (self->format_row), G_N_ELEMENTS (formats) - 1)];
}

static void
format_changed_cb (AtlasExportDialog *self)
{
  AtlasChartFormat format = current_format (self);

  gtk_widget_set_visible (GTK_WIDGET (self->dpi_row), format == ATLAS_CHART_FORMAT_PNG);
  gtk_widget_set_sensitive (GTK_WIDGET (self->size_group), format != ATLAS_CHART_FORMAT_CSV);
  gtk_widget_set_sensitive (GTK_WIDGET (self->title_row), format != ATLAS_CHART_FORMAT_CSV);
}

/* Switching the unit converts the size, so 16 cm becomes 160 mm. */
static void
unit_changed_cb (AtlasExportDialog *self)
{
  AtlasLengthUnit unit = units[MIN (adw_combo_row_get_selected (self->unit_row), G_N_ELEMENTS (units) - 1)];
  double factor = atlas_length_to_points (1, self->unit) / atlas_length_to_points (1, unit);

  if (unit == self->unit)
    return;
  self->unit = unit;
  gtk_spin_button_set_value (self->width_spin, gtk_spin_button_get_value (self->width_spin) * factor);
  gtk_spin_button_set_value (self->height_spin, gtk_spin_button_get_value (self->height_spin) * factor);
}

gboolean
atlas_export_dialog_export_to_path (AtlasExportDialog  *self,
                                    const char         *path,
                                    GError            **error)
{
  g_autoptr(AtlasChartModel) model = NULL;
  g_autofree char *family = NULL;
  AtlasChartExportOptions options;
  AtlasChartStyle style;
  const char *title;

  g_return_val_if_fail (ATLAS_IS_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  model = atlas_chart_page_create_model (self->page);
  if (model == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, _("There is no chart to export yet"));
      return FALSE;
    }
  title = gtk_editable_get_text (GTK_EDITABLE (self->title_row));
  if (*title != '\0')
    atlas_chart_model_set_title (model, title);

  atlas_chart_export_options_init (&options);
  init_style (self, &style, &family);
  options.width_pt = width_pt (self);
  options.height_pt = height_pt (self);
  options.dpi = gtk_spin_button_get_value (self->dpi_spin);
  options.style = &style;
  return atlas_chart_export (model, current_format (self), path, &options, error);
}

static void
show_toast (AtlasExportDialog *self,
            const char        *message)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  GtkWidget *overlay;

  /* The window's toast overlay is its content; toasts in 1.2 are markup. */
  if (parent == NULL || !ADW_IS_APPLICATION_WINDOW (parent))
    return;
  overlay = adw_application_window_get_content (ADW_APPLICATION_WINDOW (parent));
  if (ADW_IS_TOAST_OVERLAY (overlay))
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (escaped));
}

static void
save_response_cb (GtkNativeDialog   *chooser,
                  int                response,
                  AtlasExportDialog *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = g_file_get_path (file);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  if (path == NULL)
    return;

  if (!atlas_export_dialog_export_to_path (self, path, &error))
    {
      AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                                            _("Could Not Export the Chart"),
                                                                            NULL));
      /* The message names the file: body text, not markup. */
      adw_message_dialog_set_body (dialog, error->message);
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  {
    g_autofree char *base = g_path_get_basename (path);
    g_autofree char *text = g_strdup_printf (_("Exported “%s”"), base);
    show_toast (self, text);
  }
  gtk_window_close (GTK_WINDOW (self));
}

static void
export_clicked_cb (AtlasExportDialog *self)
{
  GtkFileChooserNative *chooser;
  AtlasChartModel *model = atlas_chart_page_get_model (self->page);
  guint index = adw_combo_row_get_selected (self->format_row);
  g_autofree char *name = NULL;

  chooser = gtk_file_chooser_native_new (_("Export Chart"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  name = g_strdup_printf ("crash-atlas-%s.%s",
                          model != NULL ? atlas_chart_kind_to_string (atlas_chart_model_get_kind (model)) : "chart",
                          extensions[MIN (index, G_N_ELEMENTS (extensions) - 1)]);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (save_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
atlas_export_dialog_dispose (GObject *object)
{
  AtlasExportDialog *self = (AtlasExportDialog *)object;

  g_clear_object (&self->page);
  g_clear_object (&self->preview_model);
  g_clear_pointer (&self->default_title, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (atlas_export_dialog_parent_class)->dispose (object);
}

static void
atlas_export_dialog_class_init (AtlasExportDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = atlas_export_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/atlas-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasExportDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasExportDialog, font_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasExportDialog, column_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasExportDialog, preview);
  gtk_widget_class_bind_template_child (widget_class, AtlasExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasExportDialog, unit_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasExportDialog, size_group);
  gtk_widget_class_bind_template_child (widget_class, AtlasExportDialog, dpi_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasExportDialog, width_spin);
  gtk_widget_class_bind_template_child (widget_class, AtlasExportDialog, height_spin);
  gtk_widget_class_bind_template_child (widget_class, AtlasExportDialog, dpi_spin);
  gtk_widget_class_bind_template_callback (widget_class, format_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, unit_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, preview_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, column_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, width_changed_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
atlas_export_dialog_init (AtlasExportDialog *self)
{
  g_autoptr(GtkStringList) columns = gtk_string_list_new (NULL);
  guint n_presets;
  const AtlasChartWidthPreset *presets = atlas_chart_width_presets (&n_presets);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->unit = ATLAS_LENGTH_CM;
  /* Translators: the column width row's choice of a width typed in */
  gtk_string_list_append (columns, _("Custom"));
  for (guint i = 0; i < n_presets; i++)
    gtk_string_list_append (columns, presets[i].label);
  adw_combo_row_set_model (self->column_row, G_LIST_MODEL (columns));
  gtk_drawing_area_set_draw_func (self->preview, draw_preview, self, NULL);
  format_changed_cb (self);
}

GtkWidget *
atlas_export_dialog_new (GtkWindow      *parent,
                         AtlasChartPage *page)
{
  AtlasExportDialog *self;
  AtlasChartModel *model;

  g_return_val_if_fail (ATLAS_IS_CHART_PAGE (page), NULL);

  self = g_object_new (ATLAS_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->page = g_object_ref (page);
  self->preview_model = atlas_chart_page_create_model (page);
  if (self->preview_model != NULL)
    self->default_title = g_strdup (atlas_chart_model_get_title (self->preview_model));
  if ((model = atlas_chart_page_get_model (page)) != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->title_row), atlas_chart_model_get_title (model));
  return GTK_WIDGET (self);
}

void
atlas_export_dialog_set_format (AtlasExportDialog *self,
                                AtlasChartFormat   format)
{
  g_return_if_fail (ATLAS_IS_EXPORT_DIALOG (self));

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (formats[i] == format)
      adw_combo_row_set_selected (self->format_row, i);
}

void
atlas_export_dialog_set_size (AtlasExportDialog *self,
                              double             width,
                              double             height,
                              AtlasLengthUnit    unit)
{
  g_return_if_fail (ATLAS_IS_EXPORT_DIALOG (self));

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    if (units[i] == unit)
      adw_combo_row_set_selected (self->unit_row, i);
  gtk_spin_button_set_value (self->width_spin, width);
  gtk_spin_button_set_value (self->height_spin, height);
}

void
atlas_export_dialog_set_dpi (AtlasExportDialog *self,
                             double             dpi)
{
  g_return_if_fail (ATLAS_IS_EXPORT_DIALOG (self));
  gtk_spin_button_set_value (self->dpi_spin, dpi);
}

gboolean
atlas_export_dialog_set_column (AtlasExportDialog *self,
                                const char        *id)
{
  guint n_presets;
  const AtlasChartWidthPreset *presets = atlas_chart_width_presets (&n_presets);

  g_return_val_if_fail (ATLAS_IS_EXPORT_DIALOG (self), FALSE);

  for (guint i = 0; i < n_presets; i++)
    if (g_strcmp0 (presets[i].id, id) == 0)
      {
        adw_combo_row_set_selected (self->column_row, i + 1);
        return TRUE;
      }
  return FALSE;
}

void
atlas_export_dialog_set_font_family (AtlasExportDialog *self,
                                     const char        *family)
{
  g_autofree char *font = NULL;

  g_return_if_fail (ATLAS_IS_EXPORT_DIALOG (self));
  g_return_if_fail (family != NULL);

  font = g_strdup_printf ("%s 11", family);
  gtk_font_chooser_set_font (GTK_FONT_CHOOSER (self->font_button), font);
  preview_changed_cb (self);
}

double
atlas_export_dialog_get_width_pt (AtlasExportDialog *self)
{
  g_return_val_if_fail (ATLAS_IS_EXPORT_DIALOG (self), 0);
  return width_pt (self);
}

void
atlas_export_dialog_set_title (AtlasExportDialog *self,
                               const char        *title)
{
  g_return_if_fail (ATLAS_IS_EXPORT_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), title != NULL ? title : "");
}

/* atlas-export-dialog.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-export-dialog.h"

struct _AtlasExportDialog
{
  AdwWindow        parent_instance;

  AdwEntryRow     *title_row;
  AdwComboRow     *format_row;
  AdwComboRow     *unit_row;
  AdwPreferencesGroup *size_group;
  AdwActionRow    *dpi_row;
  GtkSpinButton   *width_spin;
  GtkSpinButton   *height_spin;
  GtkSpinButton   *dpi_spin;

  AtlasChartPage  *page;
  AtlasLengthUnit  unit;          /* of the values in the spin buttons */
};

G_DEFINE_FINAL_TYPE (AtlasExportDialog, atlas_export_dialog, ADW_TYPE_WINDOW)

/* Rows of the combo rows, in the order of the .ui string lists. */
static const AtlasChartFormat formats[] = {
  ATLAS_CHART_FORMAT_PDF, ATLAS_CHART_FORMAT_SVG, ATLAS_CHART_FORMAT_PNG, ATLAS_CHART_FORMAT_CSV,
};
static const char *extensions[] = { "pdf", "svg", "png", "csv" };
static const AtlasLengthUnit units[] = { ATLAS_LENGTH_CM, ATLAS_LENGTH_MM, ATLAS_LENGTH_IN };

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
  AtlasChartExportOptions options;
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
  options.width_pt = atlas_length_to_points (gtk_spin_button_get_value (self->width_spin), self->unit);
  options.height_pt = atlas_length_to_points (gtk_spin_button_get_value (self->height_spin), self->unit);
  options.dpi = gtk_spin_button_get_value (self->dpi_spin);
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
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
atlas_export_dialog_init (AtlasExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->unit = ATLAS_LENGTH_CM;
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

void
atlas_export_dialog_set_title (AtlasExportDialog *self,
                               const char        *title)
{
  g_return_if_fail (ATLAS_IS_EXPORT_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), title != NULL ? title : "");
}

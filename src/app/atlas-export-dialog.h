/* atlas-export-dialog.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "atlas-chart-page.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_EXPORT_DIALOG (atlas_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AtlasExportDialog, atlas_export_dialog, ATLAS, EXPORT_DIALOG, AdwWindow)

/* Exports the chart @page shows, with the core's export (the one the
 * command line uses): PDF or SVG at a size in cm, mm or inches, PNG at that
 * size and a DPI, each with a title; or the chart's numbers as CSV. */
GtkWidget *atlas_export_dialog_new            (GtkWindow         *parent,
                                               AtlasChartPage    *page);

/* What the dialog's fields hold (also for tests). */
void       atlas_export_dialog_set_format     (AtlasExportDialog *self,
                                               AtlasChartFormat   format);
void       atlas_export_dialog_set_size       (AtlasExportDialog *self,
                                               double             width,
                                               double             height,
                                               AtlasLengthUnit    unit);
void       atlas_export_dialog_set_dpi        (AtlasExportDialog *self,
                                               double             dpi);
void       atlas_export_dialog_set_title      (AtlasExportDialog *self,
                                               const char        *title);
/* A column width preset by its id ("8.5cm", see AtlasChartWidthPreset):
 * the width and unit become its; FALSE for an unknown id. */
gboolean   atlas_export_dialog_set_column     (AtlasExportDialog *self,
                                               const char        *id);
/* The font family every text is set in ("DejaVu Sans"). */
void       atlas_export_dialog_set_font_family (AtlasExportDialog *self,
                                                const char        *family);
/* The width in points the export will have. */
double     atlas_export_dialog_get_width_pt   (AtlasExportDialog *self);
/* Writes the export to @path as the Export button does after the file
 * chooser. */
gboolean   atlas_export_dialog_export_to_path (AtlasExportDialog *self,
                                               const char        *path,
                                               GError           **error);

G_END_DECLS

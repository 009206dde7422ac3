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

/* Exports the chart @page shows: PNG at a DPI, SVG or PDF at a size in cm,
 * mm or inches, with a title; or its numbers as CSV. */
GtkWidget *atlas_export_dialog_new (GtkWindow      *parent,
                                    AtlasChartPage *page);

G_END_DECLS

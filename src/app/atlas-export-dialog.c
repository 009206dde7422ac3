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
  AdwWindow       parent_instance;

  AtlasChartPage *page;
};

G_DEFINE_FINAL_TYPE (AtlasExportDialog, atlas_export_dialog, ADW_TYPE_WINDOW)

static void
atlas_export_dialog_dispose (GObject *object)
{
  AtlasExportDialog *self = (AtlasExportDialog *)object;

  g_clear_object (&self->page);

  G_OBJECT_CLASS (atlas_export_dialog_parent_class)->dispose (object);
}

static void
atlas_export_dialog_class_init (AtlasExportDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = atlas_export_dialog_dispose;
}

static void
atlas_export_dialog_init (AtlasExportDialog *self)
{
}

GtkWidget *
atlas_export_dialog_new (GtkWindow      *parent,
                         AtlasChartPage *page)
{
  AtlasExportDialog *self = g_object_new (ATLAS_TYPE_EXPORT_DIALOG,
                                          "transient-for", parent,
                                          "modal", TRUE,
                                          "title", _("Export Chart"),
                                          NULL);

  self->page = g_object_ref (page);
  return GTK_WIDGET (self);
}

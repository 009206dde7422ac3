/* atlas-import-dialog.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "atlas-corpus.h"
#include "atlas-remote-source.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_IMPORT_DIALOG (atlas_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AtlasImportDialog, atlas_import_dialog, ATLAS, IMPORT_DIALOG, AdwWindow)

/* Imports from GitHub or Kaggle: the user types an address, a kaggle:…
 * name or a search (the forms of atlas-remote-spec.h); the dialog says what
 * it recognised, how many notebooks it found, shows each as it arrives and
 * can cancel (what was fetched stays, and the next import resumes). The
 * download runs in a worker thread.
 *
 * Each notebook is emitted as "notebook-imported" (an AtlasRemoteItem*,
 * borrowed for the emission) and, if a corpus was set, added to it, so
 * charts observing the corpus update as notebooks arrive. */
GtkWidget *atlas_import_dialog_new             (GtkWindow             *parent);
void       atlas_import_dialog_set_corpus      (AtlasImportDialog     *self,
                                                AtlasCorpus           *corpus);
/* Called on the importing thread for each notebook read (classification). */
void       atlas_import_dialog_set_worker_func (AtlasImportDialog     *self,
                                                AtlasRemoteWorkerFunc  func,
                                                gpointer               user_data,
                                                GDestroyNotify         user_data_destroy);
void       atlas_import_dialog_set_text        (AtlasImportDialog     *self,
                                                const char            *text);
/* Starts the import of the text typed (what the Import button does). */
void       atlas_import_dialog_start           (AtlasImportDialog     *self);
gboolean   atlas_import_dialog_is_running      (AtlasImportDialog     *self);

G_END_DECLS

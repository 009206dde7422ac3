/* atlas-folder-walk.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Called for each notebook found; returning FALSE stops the walk. */
typedef gboolean (*AtlasFolderWalkFunc) (const char *path,
                                         const char *location,
                                         gpointer    user_data);

/* Finds the notebooks (*.ipynb) below the folder @path, depth-first with
 * the entries of each folder sorted by name, so the order is the same on
 * every machine. Hidden files and folders (.ipynb_checkpoints among them)
 * are skipped, and symbolic links to folders are not followed: they can
 * loop. @location is what @path is called in records. Returns how many
 * notebooks @func was given. */
guint atlas_folder_walk (const char          *path,
                         const char          *location,
                         AtlasFolderWalkFunc  func,
                         gpointer             user_data);

gboolean atlas_is_notebook_name (const char *name);

G_END_DECLS

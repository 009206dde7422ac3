/* atlas-preferences-window.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ATLAS_TYPE_PREFERENCES_WINDOW (atlas_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (AtlasPreferencesWindow, atlas_preferences_window, ATLAS, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* The GitHub and Kaggle credentials, kept in the keyring (libsecret). They
 * are loaded when the window opens and saved when it closes; "Import" fills
 * empty rows from GITHUB_TOKEN / KAGGLE_* and the Kaggle CLI's files. */
GtkWidget *atlas_preferences_window_new (GtkWindow *parent);

G_END_DECLS

/* atlas-settings.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The app's settings, or NULL when the schema is not installed (a build run
 * in place without GSETTINGS_SCHEMA_DIR): the app then works without
 * remembering anything. */
GSettings       *atlas_settings_try_new              (void);

/* The rules file the user chose in Preferences, or NULL for none. */
char            *atlas_settings_dup_rules_file       (GSettings  *settings);

G_END_DECLS

/* atlas-rules-row.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ATLAS_TYPE_RULES_ROW (atlas_rules_row_get_type ())

G_DECLARE_FINAL_TYPE (AtlasRulesRow, atlas_rules_row, ATLAS, RULES_ROW, AdwActionRow)

/* A row that picks the user's classification rules file: the file is checked
 * before it is taken, and a broken one is refused with the reason shown. */
GtkWidget *atlas_rules_row_new       (void);
/* Checks @path and, if it is a good rules file, makes it the setting.
 * Returns FALSE and shows the reason otherwise. */
gboolean   atlas_rules_row_set_file  (AtlasRulesRow *self,
                                      const char    *path);

G_END_DECLS

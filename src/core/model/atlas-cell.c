/* atlas-cell.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "atlas-cell.h"

void
atlas_cell_free (AtlasCell *cell)
{
  if (cell == NULL)
    return;

  g_free (cell->source);
  g_strfreev (cell->defines);
  g_strfreev (cell->uses);
  g_free (cell);
}

/* atlas-cell.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "atlas-cell.h"

void
atlas_output_free (AtlasOutput *output)
{
  if (output == NULL)
    return;
  g_free (output->text);
  g_clear_pointer (&output->image, g_bytes_unref);
  g_free (output);
}

void
atlas_cell_free (AtlasCell *cell)
{
  if (cell == NULL)
    return;

  g_free (cell->source);
  g_strfreev (cell->defines);
  g_strfreev (cell->uses);
  g_clear_pointer (&cell->outputs, g_ptr_array_unref);
  g_free (cell);
}

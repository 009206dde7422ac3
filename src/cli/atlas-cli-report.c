/* atlas-cli-report.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-cli.h"
#include "atlas-cli-print.h"

/* What every command that scans tells about its inputs, in one file so the
 * commands do not call each other. */

guint
atlas_cli_report_empty_folders (AtlasScanner *scanner)
{
  g_auto(GStrv) folders = atlas_scanner_dup_empty_folders (scanner);

  for (guint i = 0; folders[i] != NULL; i++)
    {
      g_autofree char *message = g_strdup_printf (_("%s: no notebooks (*.ipynb) in this folder"), folders[i]);

      atlas_cli_print_error ("%s", message);
    }
  return g_strv_length (folders);
}

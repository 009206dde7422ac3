/* atlas-cli-print.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "atlas-cli-print.h"
#include "atlas-text.h"

void
atlas_cli_print_error (const char *format,
                       ...)
{
  g_autofree char *message = NULL;
  g_autofree char *shown = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  shown = atlas_text_for_terminal (message, -1, ATLAS_TEXT_KEEP_NEWLINES);
  g_printerr ("crash-atlas: %s\n", shown);
}

void
atlas_cli_print_warnings (AtlasNotebook *notebook)
{
  g_auto(GStrv) warnings = NULL;

  if (atlas_notebook_get_issues (notebook) == 0)
    return;
  warnings = atlas_notebook_dup_warnings (notebook);
  for (guint i = 0; warnings[i] != NULL; i++)
    /* Translators: "FILE: warning: WHAT IS WRONG" */
    atlas_cli_print_error (_("%s: warning: %s"), atlas_notebook_get_location (notebook), warnings[i]);
}

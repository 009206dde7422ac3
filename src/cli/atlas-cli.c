/* atlas-cli.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-cli"

#include "config.h"

#include <locale.h>
#include <math.h>
#include <glib/gi18n.h>

#include "atlas-cli.h"

int
atlas_cli_main (int                    argc,
                char                 **argv,
                const AtlasCliCommand *commands,
                guint                  n_commands)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  for (guint i = 0; argc > 1 && i < n_commands; i++)
    if (g_str_equal (argv[1], commands[i].name))
      {
        /* Usage lines and messages name "crash-atlas scan", not "scan". */
        g_autofree char *prgname = g_strdup_printf ("crash-atlas %s", commands[i].name);

        g_set_prgname (prgname);
        return commands[i].run (argc - 1, argv + 1);
      }

  g_printerr (_("Unknown command “%s”\n"), argc > 1 ? argv[1] : "");
  return ATLAS_CLI_EXIT_USAGE;
}

gboolean
atlas_cli_parse_count (const char  *option,
                       const char  *text,
                       guint        min,
                       guint        max,
                       guint       *value,
                       GError     **error)
{
  guint64 number;

  if (text == NULL)
    return TRUE;
  if (!g_ascii_string_to_unsigned (text, 10, min, max, &number, NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("%s must be a whole number from %u to %u, not “%s”"), option, min, max, text);
      return FALSE;
    }
  *value = (guint)number;
  return TRUE;
}

gboolean
atlas_cli_parse_positive (const char  *option,
                          const char  *text,
                          double      *value,
                          GError     **error)
{
  char *end = NULL;
  double number;

  if (text == NULL)
    return TRUE;
  number = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !isfinite (number) || number <= 0)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("%s must be a number greater than 0, not “%s”"), option, text);
      return FALSE;
    }
  *value = number;
  return TRUE;
}

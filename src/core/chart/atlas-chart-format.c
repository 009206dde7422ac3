/* atlas-chart-format.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <langinfo.h>
#include <math.h>
#include <string.h>

#include "atlas-chart-private.h"

/* The numbers as every part of a chart prints them (labels, tables,
 * legends): in a file of their own so those parts need not call each other. */

/* Counts grouped as the locale groups them (1,234 · 1.234 · 1 234), and
 * with a comma where it has no grouping (C, POSIX), as figures in English
 * papers do. Percentages get the locale's decimal mark through printf. */
char *
_atlas_chart_format_count (guint count)
{
  GString *text = g_string_new (NULL);
  g_autofree char *digits = g_strdup_printf ("%u", count);
  const char *sep = nl_langinfo (THOUSEP);
  guint len = strlen (digits);

  if (sep == NULL || *sep == '\0')
    sep = ",";
  for (guint i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append (text, sep);
      g_string_append_c (text, digits[i]);
    }
  return g_string_free (text, FALSE);
}

char *
_atlas_chart_format_percent (double percent)
{
  if (isnan (percent))
    return g_strdup ("");
  return g_strdup_printf ("%.1f %%", percent);
}

/* atlas-chart-format.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "atlas-chart-private.h"

/* The numbers as every part of a chart prints them (labels, tables,
 * legends): in a file of their own so those parts need not call each other. */

char *
_atlas_chart_format_count (guint count)
{
  GString *text = g_string_new (NULL);
  g_autofree char *digits = g_strdup_printf ("%u", count);
  guint len = strlen (digits);

  /* Thin grouping that reads the same in every locale and in figures. */
  for (guint i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (text, ',');
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

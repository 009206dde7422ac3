/* atlas-commands.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "atlas-commands.h"

#define CLI_PROGRAM "crash-atlas-cli"
#define CHART_PROGRAM "crash-atlas-chart"

static const AtlasCommandInfo commands[] = {
  { "scan", N_("List the crashes recorded in notebooks, or add them to a corpus file"), CLI_PROGRAM },
  { "export", N_("Print the crashes of a corpus file as scan does"), CLI_PROGRAM },
  { "merge", N_("Combine corpus files (shards) into one"), CLI_PROGRAM },
  { "sample", N_("Draw a stratified sample of crashes to label by hand"), CLI_PROGRAM },
  { "labels", N_("Bring hand labels into a corpus file, or print them"), CLI_PROGRAM },
  { "agreement", N_("How well two raters agree, or a rater and the classifier"), CLI_PROGRAM },
  { "chart", N_("Draw one chart of the crashes of notebooks to PDF, SVG, PNG or CSV"), CHART_PROGRAM },
  { "order", N_("How often crashing notebooks ran out of order, overall and for notebook-specific crashes"),
    CHART_PROGRAM },
};

const AtlasCommandInfo *
atlas_commands_get (guint *n_commands)
{
  *n_commands = G_N_ELEMENTS (commands);
  return commands;
}

const AtlasCommandInfo *
atlas_commands_lookup (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (name, commands[i].name))
      return &commands[i];
  return NULL;
}

/* Levenshtein distance, with a swap of two neighbours counted as one edit
 * ("sacn" is one edit from "scan"). Command names are short. */
static guint
edit_distance (const char *a,
               const char *b)
{
  gsize la = strlen (a), lb = strlen (b);
  g_autofree guint *d = g_new (guint, (la + 1) * (lb + 1));
#define D(i, j) d[(i) * (lb + 1) + (j)]

  for (gsize i = 0; i <= la; i++)
    D (i, 0) = i;
  for (gsize j = 0; j <= lb; j++)
    D (0, j) = j;
  for (gsize i = 1; i <= la; i++)
    for (gsize j = 1; j <= lb; j++)
      {
        guint cost = g_ascii_tolower (a[i - 1]) == g_ascii_tolower (b[j - 1]) ? 0 : 1;
        guint best = MIN (MIN (D (i - 1, j) + 1, D (i, j - 1) + 1), D (i - 1, j - 1) + cost);

        if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
          best = MIN (best, D (i - 2, j - 2) + 1);
        D (i, j) = best;
      }
  return D (la, lb);
#undef D
}

const AtlasCommandInfo *
atlas_commands_suggest (const char *name)
{
  const AtlasCommandInfo *best = NULL;
  guint best_distance = G_MAXUINT;

  if (name == NULL || *name == '\0')
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      guint distance = g_str_has_prefix (commands[i].name, name) ? 0 : edit_distance (name, commands[i].name);

      if (distance < best_distance)
        {
          best = &commands[i];
          best_distance = distance;
        }
    }
  /* Two edits turn most short words into any other: only closer is a typo. */
  return best_distance <= MAX (1, MIN (2, strlen (name) / 3)) ? best : NULL;
}

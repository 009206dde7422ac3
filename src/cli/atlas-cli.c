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

static AtlasNotebookInfo *
info_copy (const AtlasNotebookInfo *info)
{
  AtlasNotebookInfo *copy = g_new0 (AtlasNotebookInfo, 1);

  copy->location = g_strdup (info->location);
  copy->url = g_strdup (info->url);
  copy->platform = info->platform;
  copy->status = info->status;
  copy->message = g_strdup (info->message);
  copy->packages = g_strdupv (info->packages);
  copy->n_cells = info->n_cells;
  copy->n_crashes = info->n_crashes;
  copy->size = info->size;
  copy->content_hash = g_strdup (info->content_hash);
  copy->duplicate_of = g_strdup (info->duplicate_of);
  return copy;
}

AtlasCorpus *
atlas_cli_distinct_content (AtlasCorpus *corpus)
{
  AtlasCorpus *distinct = atlas_corpus_new ();
  guint next = 0;

  /* Crashes come in notebook order, each notebook's run of n_crashes. */
  for (guint n = 0; n < atlas_corpus_get_n_notebooks (corpus); n++)
    {
      const AtlasNotebookInfo *info = atlas_corpus_get_notebook (corpus, n);
      g_autoptr(GPtrArray) crashes = g_ptr_array_new ();

      for (guint i = 0; i < info->n_crashes && next < atlas_corpus_get_n_crashes (corpus); i++)
        g_ptr_array_add (crashes, atlas_corpus_get_crash (corpus, next++));
      if (info->duplicate_of == NULL)
        atlas_corpus_add (distinct, info_copy (info), crashes);
    }
  return distinct;
}

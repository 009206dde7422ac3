/* atlas-cli-export.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-cli-export"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "atlas-text.h"
#include "atlas-cli-print.h"
#include "atlas-cli.h"
#include "atlas-crash-writer.h"
#include "atlas-store.h"

static int
usage_error (const char *message)
{
  g_autofree char *shown = atlas_text_for_terminal (message, -1, ATLAS_TEXT_DEFAULT);

  g_printerr ("crash-atlas export: %s\n", shown);
  g_printerr (_("Run “crash-atlas export --help” for the options.\n"));
  return ATLAS_CLI_EXIT_USAGE;
}

/* Crashes come in notebook order, so each notebook's run of n_crashes
 * follows it, as `scan` prints them. */
static void
write_corpus (AtlasCorpus      *corpus,
              AtlasCrashWriter *writer)
{
  g_autoptr(GPtrArray) crashes = g_ptr_array_sized_new (atlas_corpus_get_n_crashes (corpus));

  for (guint n = 0; n < atlas_corpus_get_n_notebooks (corpus); n++)
    {
      const AtlasNotebookInfo *info = atlas_corpus_get_notebook (corpus, n);

      atlas_crash_writer_add_notebook (writer, info);
      for (guint i = 0; i < info->n_crashes && crashes->len < atlas_corpus_get_n_crashes (corpus); i++)
        g_ptr_array_add (crashes, atlas_corpus_get_crash (corpus, crashes->len));
    }
  atlas_crash_writer_add_crashes (writer, (AtlasCrash * const *)crashes->pdata, crashes->len,
                                  g_get_num_processors ());
}

static int
export_to (AtlasCorpus      *corpus,
           AtlasCrashFormat  format,
           const char       *output_path)
{
  g_autoptr(AtlasCrashWriter) writer = NULL;
  g_autoptr(GError) error = NULL;
  FILE *stream = stdout;
  int status = ATLAS_CLI_EXIT_OK;

  if (output_path != NULL && (stream = g_fopen (output_path, "w")) == NULL)
    {
      int saved = errno;

      atlas_cli_print_error ("%s: %s", output_path, g_strerror (saved));
      return ATLAS_CLI_EXIT_USAGE;
    }
  writer = atlas_crash_writer_new (stream, format);
  write_corpus (corpus, writer);
  if (!atlas_crash_writer_finish (writer, &error))
    {
      atlas_cli_print_error ("%s", error->message);
      status = ATLAS_CLI_EXIT_PARTIAL;
    }
  if (stream != stdout && fclose (stream) != 0)
    {
      atlas_cli_print_error ("%s: %s", output_path, g_strerror (errno));
      status = ATLAS_CLI_EXIT_PARTIAL;
    }
  return status;
}

int
atlas_cli_export (int    argc,
                  char **argv)
{
  g_autofree char *db_path = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *output_path = NULL;
  gboolean distinct_content = FALSE;
  const GOptionEntry entries[] = {
    { "db", 'd', 0, G_OPTION_ARG_FILENAME, &db_path,
      N_("The corpus file to read"), "FILE" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      N_("Output format: jsonl (default), csv or summary"), "FORMAT" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output_path,
      N_("Write to FILE instead of standard output"), "FILE" },
    { "distinct-content", 0, 0, G_OPTION_ARG_NONE, &distinct_content,
      N_("Count each content once: leave out notebooks that are copies of an earlier one"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (N_("— print the crashes of a corpus file"));
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(AtlasCorpus) corpus = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) problems = NULL;
  AtlasCrashFormat format = ATLAS_CRASH_FORMAT_JSONL;
  int status;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
    _("Prints the crashes stored in a corpus file (made by “crash-atlas scan --db”)\n"
      "as “crash-atlas scan” prints them, in the order they were added. The file is only\n"
      "read. Exit status: 0 when it was read whole, 1 when the output could not be\n"
      "written, 2 for usage errors, 3 when the corpus file is damaged or cannot be read\n"
      "(of a damaged file, what is intact is printed and each damaged part named)."));

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (error->message);
  if (db_path == NULL)
    return usage_error (_("--db FILE is required"));
  if (argc > 1)
    return usage_error (_("unexpected arguments"));
  if (format_name != NULL && !atlas_crash_format_from_string (format_name, &format))
    return usage_error (_("--format must be jsonl, csv or summary"));

  /* Reading needs no write access (a read-only mount, a colleague's file),
   * and a damaged file is rescued: what is intact is printed, with a
   * warning for each part that is not and an exit status of its own. */
  store = atlas_store_open_full (db_path, ATLAS_STORE_OPEN_RESCUE, &error);
  if (store != NULL)
    corpus = atlas_store_load_corpus (store, NULL, &error);
  if (corpus == NULL)
    {
      atlas_cli_print_error ("%s", error->message);
      return ATLAS_CLI_EXIT_CORPUS_DAMAGED;
    }
  if (distinct_content)
    {
      AtlasCorpus *distinct = atlas_corpus_dup_distinct_content (corpus);

      g_object_unref (corpus);
      corpus = distinct;
    }
  status = export_to (corpus, format, output_path);
  problems = atlas_store_dup_problems (store);
  for (guint i = 0; problems[i] != NULL; i++)
    atlas_cli_print_error ("%s", problems[i]);
  if (problems[0] != NULL)
    {
      atlas_cli_print_error (_("%s is damaged: only what is intact was printed"), db_path);
      return ATLAS_CLI_EXIT_CORPUS_DAMAGED;
    }
  return status;
}

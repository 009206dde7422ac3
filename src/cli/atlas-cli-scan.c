/* atlas-cli-scan.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-cli-scan"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "atlas-cli.h"
#include "atlas-cli-sources.h"
#include "atlas-crash-writer.h"
#include "atlas-scanner.h"

typedef struct
{
  AtlasCrashWriter *writer;
  AtlasPlatform     platform;
  AtlasCliSources  *sources;
  guint             n_unreadable;
} ScanState;

static void
scan_result_cb (AtlasScanResult *result,
                gpointer         user_data)
{
  ScanState *state = user_data;
  g_autoptr(AtlasNotebookInfo) info = NULL;
  GPtrArray *crashes;

  if (result->notebook == NULL)
    {
      g_printerr ("crash-atlas: %s\n", result->error->message);
      state->n_unreadable++;
      info = atlas_notebook_info_new_failed (result->location, state->platform,
                                             ATLAS_NOTEBOOK_STATUS_UNREADABLE,
                                             result->error->message);
      atlas_cli_sources_annotate (state->sources, info);
      atlas_crash_writer_add_notebook (state->writer, info);
      return;
    }

  info = atlas_notebook_info_new_from_notebook (result->notebook);
  atlas_cli_sources_annotate (state->sources, info);
  atlas_crash_writer_add_notebook (state->writer, info);

  crashes = atlas_notebook_get_crashes (result->notebook);
  for (guint i = 0; i < crashes->len; i++)
    atlas_crash_writer_add_crash (state->writer, g_ptr_array_index (crashes, i));
}

static int
usage_error (GOptionContext *context,
             const char     *message)
{
  g_printerr ("crash-atlas scan: %s\n", message);
  g_printerr (_("Run “crash-atlas scan --help” for the options.\n"));
  return ATLAS_CLI_EXIT_USAGE;
}

int
atlas_cli_scan (int    argc,
                char **argv)
{
  g_autofree char *format_name = NULL;
  g_autofree char *output_path = NULL;
  g_autofree char *platform_name = NULL;
  g_auto(GStrv) paths = NULL;
  int jobs = 0;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      N_("Output format: jsonl (default), csv or summary"), "FORMAT" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output_path,
      N_("Write to FILE instead of standard output"), "FILE" },
    { "platform", 'p', 0, G_OPTION_ARG_STRING, &platform_name,
      N_("Where the notebooks come from: local (default), github or kaggle"), "PLATFORM" },
    { "jobs", 'j', 0, G_OPTION_ARG_INT, &jobs,
      N_("Worker threads (default: one per core)"), "N" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &paths, NULL, N_("PATH…") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (N_("PATH… — list the crashes recorded in notebooks"));
  g_autoptr(AtlasScanner) scanner = NULL;
  g_autoptr(AtlasCrashWriter) writer = NULL;
  g_autoptr(AtlasCliSources) sources = atlas_cli_sources_new ();
  g_autoptr(GError) error = NULL;
  AtlasCrashFormat format = ATLAS_CRASH_FORMAT_JSONL;
  AtlasPlatform platform = ATLAS_PLATFORM_LOCAL;
  ScanState state = { 0 };
  guint n_missing = 0;
  FILE *stream = stdout;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
    _("Prints one record per crash (an error output of a code cell). Folders are searched\n"
      "recursively for *.ipynb. Exit status: 0 when every input was read, 1 when some\n"
      "could not be (each is named on standard error), 2 for usage errors."));
  g_option_context_set_description (context, atlas_cli_sources_help ());

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);
  if (format_name != NULL && !atlas_crash_format_from_string (format_name, &format))
    return usage_error (context, _("--format must be jsonl, csv or summary"));
  if (platform_name != NULL && !atlas_platform_from_string (platform_name, &platform))
    return usage_error (context, _("--platform must be local, github or kaggle"));
  if (jobs < 0 || jobs > 1024)
    return usage_error (context, _("--jobs must be between 1 and 1024"));
  if (paths == NULL || paths[0] == NULL)
    return usage_error (context, _("no notebook or folder given"));

  scanner = atlas_scanner_new (jobs);
  atlas_scanner_set_platform (scanner, platform);
  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autoptr(GError) path_error = NULL;

      if (atlas_cli_sources_claim (sources, paths[i]))
        continue;
      if (!atlas_scanner_add_path (scanner, paths[i], &path_error))
        {
          g_printerr ("crash-atlas: %s\n", path_error->message);
          n_missing++;
        }
    }

  if (output_path != NULL && (stream = g_fopen (output_path, "w")) == NULL)
    {
      int saved = errno;

      g_printerr ("crash-atlas: %s: %s\n", output_path, g_strerror (saved));
      return ATLAS_CLI_EXIT_USAGE;
    }

  writer = atlas_crash_writer_new (stream, format);
  state.writer = writer;
  state.platform = platform;
  state.sources = sources;
  atlas_scanner_run (scanner, scan_result_cb, &state, NULL, NULL);
  n_missing += atlas_cli_sources_run (sources, scan_result_cb, &state, NULL, NULL);

  if (!atlas_crash_writer_finish (writer, &error))
    {
      g_printerr ("crash-atlas: %s%s%s\n", output_path ? output_path : "", output_path ? ": " : "",
                  error->message);
      state.n_unreadable++;
    }
  if (stream != stdout && fclose (stream) != 0)
    {
      g_printerr ("crash-atlas: %s: %s\n", output_path, g_strerror (errno));
      state.n_unreadable++;
    }

  return state.n_unreadable + n_missing > 0 ? ATLAS_CLI_EXIT_PARTIAL : ATLAS_CLI_EXIT_OK;
}

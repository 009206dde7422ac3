/* atlas-cli-labels.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-cli-labels"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "atlas-cli.h"
#include "atlas-label-io.h"
#include "atlas-store-labels.h"

/* `crash-atlas labels import --db FILE --rater NAME FILE.csv|jsonl…` and
 * `crash-atlas labels export --db FILE [--rater NAME] [--format csv|jsonl]`. */

static int
usage_error (const char *command,
             const char *message)
{
  g_printerr ("crash-atlas labels %s: %s\n", command, message);
  g_printerr (_("Run “crash-atlas labels %s --help” for the options.\n"), command);
  return ATLAS_CLI_EXIT_USAGE;
}

static int
labels_import (int    argc,
               char **argv)
{
  g_autofree char *db_path = NULL;
  g_autofree char *rater = NULL;
  g_auto(GStrv) files = NULL;
  const GOptionEntry entries[] = {
    { "db", 'd', 0, G_OPTION_ARG_FILENAME, &db_path, N_("The corpus file"), "FILE" },
    { "rater", 'r', 0, G_OPTION_ARG_STRING, &rater, N_("The rater the labels are stored under"), "NAME" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("FILE.csv|FILE.jsonl…") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (N_("— bring in a rater's labels"));
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(AtlasCorpus) corpus = NULL;
  g_autoptr(GHashTable) targets = NULL;
  g_autoptr(GError) error = NULL;
  int status = ATLAS_CLI_EXIT_OK;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
    _("Reads labels (CSV with a header row, or JSON Lines) with the columns\n"
      "notebook,cell,crash_type,root_cause,root_cause_detail,ml_bug,stage,library,rater,note\n"
      "and stores them as the labels of --rater. Rows are matched to crashes by\n"
      "notebook (path or URL) and 0-based cell; every row that matches nothing or\n"
      "holds an invalid value is named on standard error and left out."));

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error ("import", error->message);
  if (db_path == NULL)
    return usage_error ("import", _("--db FILE is required"));
  if (rater == NULL || *g_strstrip (rater) == '\0')
    return usage_error ("import", _("--rater NAME is required"));
  if (files == NULL || files[0] == NULL)
    return usage_error ("import", _("name at least one label file"));

  if ((store = atlas_store_open_existing (db_path, &error)) == NULL ||
      (corpus = atlas_store_load_corpus (store, NULL, &error)) == NULL)
    {
      g_printerr ("crash-atlas: %s\n", error->message);
      return ATLAS_CLI_EXIT_CORPUS_DAMAGED;
    }
  targets = atlas_label_targets_new (corpus);

  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) labels = NULL;
      g_autoptr(GError) file_error = NULL;

      labels = atlas_labels_read (files[i], rater, targets, problems, &file_error);
      if (labels == NULL)
        {
          g_printerr ("crash-atlas: %s\n", file_error->message);
          status = ATLAS_CLI_EXIT_PARTIAL;
          continue;
        }
      for (guint p = 0; p < problems->len; p++)
        g_printerr ("crash-atlas: %s\n", (char *)g_ptr_array_index (problems, p));
      if (problems->len > 0)
        status = ATLAS_CLI_EXIT_PARTIAL;
      if (!atlas_store_put_hand_labels (store, labels, &file_error))
        {
          g_printerr ("crash-atlas: %s\n", file_error->message);
          status = ATLAS_CLI_EXIT_CORPUS_DAMAGED;
          continue;
        }
      g_print (ngettext ("%s: %u label imported for %s",
                         "%s: %u labels imported for %s", labels->len),
               files[i], labels->len, rater);
      g_print (ngettext ("; %u row left out\n", "; %u rows left out\n", problems->len), problems->len);
    }
  return status;
}

static int
labels_export (int    argc,
               char **argv)
{
  g_autofree char *db_path = NULL;
  g_autofree char *rater = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *output_path = NULL;
  const GOptionEntry entries[] = {
    { "db", 'd', 0, G_OPTION_ARG_FILENAME, &db_path, N_("The corpus file"), "FILE" },
    { "rater", 'r', 0, G_OPTION_ARG_STRING, &rater, N_("Only this rater's labels (default: every rater's)"), "NAME" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name, N_("csv (default) or jsonl"), "FORMAT" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output_path, N_("Write to FILE instead of standard output"), "FILE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (N_("— print the hand labels of a corpus file"));
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(GPtrArray) labels = NULL;
  g_autoptr(GError) error = NULL;
  AtlasLabelFormat format = ATLAS_LABEL_FORMAT_CSV;
  FILE *stream = stdout;
  gboolean ok;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error ("export", error->message);
  if (db_path == NULL)
    return usage_error ("export", _("--db FILE is required"));
  if (argc > 1)
    return usage_error ("export", _("unexpected arguments"));
  if (format_name != NULL && !atlas_label_format_from_string (format_name, &format))
    return usage_error ("export", _("--format must be csv or jsonl"));

  if ((store = atlas_store_open_existing (db_path, &error)) == NULL ||
      (labels = atlas_store_dup_hand_labels (store, rater, &error)) == NULL)
    {
      g_printerr ("crash-atlas: %s\n", error->message);
      return ATLAS_CLI_EXIT_CORPUS_DAMAGED;
    }
  if (output_path != NULL && (stream = g_fopen (output_path, "w")) == NULL)
    {
      int saved = errno;

      g_printerr ("crash-atlas: %s: %s\n", output_path, g_strerror (saved));
      return ATLAS_CLI_EXIT_USAGE;
    }
  atlas_labels_write (stream, labels, format);
  ok = fflush (stream) == 0;
  if (stream != stdout)
    ok = fclose (stream) == 0 && ok;
  if (!ok)
    {
      g_printerr ("crash-atlas: %s: %s\n", output_path ? output_path : _("standard output"),
                  g_strerror (errno));
      return ATLAS_CLI_EXIT_PARTIAL;
    }
  return ATLAS_CLI_EXIT_OK;
}

/* The commands of `labels`, listed by `crash-atlas labels --help` as the
 * launcher lists its own ("Commands:", one line each). */
static const struct
{
  const char *name;
  const char *summary;
  int (*run) (int argc, char **argv);
} subcommands[] = {
  { "import", N_("Bring in a rater's labels from CSV or JSON Lines files"), labels_import },
  { "export", N_("Print the hand labels of a corpus file as CSV or JSON Lines"), labels_export },
};

static char *
subcommand_list (void)
{
  g_autoptr(GString) text = g_string_new (_("Commands:"));

  g_string_append_c (text, '\n');
  for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
    g_string_append_printf (text, "  %-8s %s\n", subcommands[i].name, _(subcommands[i].summary));
  g_string_append_printf (text, "\n%s", _("Run “crash-atlas labels COMMAND --help” for a command's options."));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

int
atlas_cli_labels (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *list = NULL;

  for (guint i = 0; argc > 1 && i < G_N_ELEMENTS (subcommands); i++)
    if (g_str_equal (argv[1], subcommands[i].name))
      {
        g_autofree char *prgname = g_strdup_printf ("crash-atlas labels %s", subcommands[i].name);

        g_set_prgname (prgname);
        return subcommands[i].run (argc - 1, argv + 1);
      }

  /* Only --help gets this far without a usage error: it prints the list
   * and exits 0. */
  list = subcommand_list ();
  context = g_option_context_new (N_("COMMAND"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Bring hand labels into a corpus file, or print them."));
  g_option_context_set_description (context, list);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("crash-atlas labels: %s\n", error->message);
      return ATLAS_CLI_EXIT_USAGE;
    }
  if (argc > 1)
    g_printerr (_("crash-atlas labels: unknown command “%s”\n"), argv[1]);
  else
    g_printerr (_("crash-atlas labels: name a command\n"));
  g_printerr ("%s\n", list);
  return ATLAS_CLI_EXIT_USAGE;
}

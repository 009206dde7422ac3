/* atlas-cli.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "atlas-classifier.h"
#include "atlas-corpus-load.h"

G_BEGIN_DECLS

/* Exit statuses of every command. */
enum
{
  ATLAS_CLI_EXIT_OK = 0,        /* every input was read */
  ATLAS_CLI_EXIT_PARTIAL = 1,   /* some inputs could not be read (each named on stderr) */
  ATLAS_CLI_EXIT_USAGE = 2,     /* bad arguments */
  ATLAS_CLI_EXIT_CORPUS_DAMAGED = 3, /* a corpus file could not be read or written */
};

typedef struct
{
  const char *name;
  int       (*run) (int argc, char **argv);
} AtlasCliCommand;

/* Runs "crash-atlas COMMAND ARGS…" (argv[1] is the command) with one of
 * @commands, headless: the programs that call it never link GTK. */
int      atlas_cli_main       (int                    argc,
                               char                 **argv,
                               const AtlasCliCommand *commands,
                               guint                  n_commands);

/* Option values checked against what the help says: an unsigned count in
 * [@min, @max] and a finite number greater than 0 (a length, a
 * resolution). @text NULL (the option not given) leaves @value alone.
 * The error names @option and the value. */
gboolean atlas_cli_parse_count    (const char  *option,
                                   const char  *text,
                                   guint        min,
                                   guint        max,
                                   guint       *value,
                                   GError     **error);
gboolean atlas_cli_parse_positive (const char  *option,
                                   const char  *text,
                                   double      *value,
                                   GError     **error);

/* Commands, each in its own file. argv[0] is the command name. */
int      atlas_cli_scan       (int    argc,
                               char **argv);
int      atlas_cli_chart      (int    argc,
                               char **argv);
/* `crash-atlas report`: the study's figures, tables and report.html
 * (atlas-cli-report.c is another thing: the empty-folder report). */
int      atlas_cli_study_report (int    argc,
                                 char **argv);

int      atlas_cli_order      (int    argc,
                               char **argv);
int      atlas_cli_export     (int    argc,
                               char **argv);
/* The research workbench (issue 18). */
int      atlas_cli_sample     (int    argc,
                               char **argv);
int      atlas_cli_labels     (int    argc,
                               char **argv);
int      atlas_cli_agreement  (int    argc,
                               char **argv);

int      atlas_cli_merge      (int    argc,
                               char **argv);

/* `scan --db FILE`: stores what @load reads instead of printing it (with
 * @classifier, when it classifies). With @distinct_content the summary
 * counts each content once. */
int      atlas_cli_scan_into_store (AtlasCorpusLoad *load,
                                    AtlasClassifier *classifier,
                                    const char      *db_path,
                                    gboolean         distinct_content,
                                    guint            n_missing);

/* `--files-from LIST`: adds the inputs listed in @list_path ("-": standard
 * input), one a line, to @load; a bad line is named (LIST:LINE) and counted
 * in @n_bad. FALSE when the list itself cannot be read. */
gboolean atlas_cli_add_inputs_from (AtlasCorpusLoad  *load,
                                    const char       *list_path,
                                    guint            *n_bad,
                                    GError          **error);

/* What a command says while the core's load runs (atlas-cli-load.c). */

/* Adds @inputs (paths and remote addresses) to @load, naming on stderr each
 * it could not take (after "@where: " when @where is given); returns how
 * many. */
guint    atlas_cli_load_add_inputs      (AtlasCorpusLoad               *load,
                                         char                         **inputs);
guint    atlas_cli_load_add_input_at    (AtlasCorpusLoad               *load,
                                         const char                    *input,
                                         const char                    *where);
/* An AtlasCorpusLoadProgressFunc: a remote source's waits, and on a
 * terminal its fetches on one line. */
void     atlas_cli_load_show_progress   (const AtlasCorpusLoadProgress *progress,
                                         gpointer                       user_data);
/* For a command's item function: names a notebook or source that could not
 * be read (returns TRUE: count it), a Kaggle run that failed, and the
 * notebook's warnings. */
gboolean atlas_cli_load_report_item     (const AtlasCorpusLoadItem     *item);
/* After a run that walked its folders: names each folder given that held
 * no notebook on stderr; returns how many. A folder without notebooks is
 * read, not unreadable: it is a note, and does not change the exit status. */
guint    atlas_cli_report_empty_folders (AtlasCorpusLoad               *load);

G_END_DECLS

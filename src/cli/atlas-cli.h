/* atlas-cli.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "atlas-classifier.h"
#include "atlas-cli-sources.h"
#include "atlas-scanner.h"

G_BEGIN_DECLS

/* Exit statuses of every command. */
enum
{
  ATLAS_CLI_EXIT_OK = 0,        /* every input was read */
  ATLAS_CLI_EXIT_PARTIAL = 1,   /* some inputs could not be read (each named on stderr) */
  ATLAS_CLI_EXIT_USAGE = 2,     /* bad arguments */
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

/* Commands, each in its own file. argv[0] is the command name. */
int      atlas_cli_scan       (int    argc,
                               char **argv);
int      atlas_cli_chart      (int    argc,
                               char **argv);

int      atlas_cli_export     (int    argc,
                               char **argv);

/* `scan --db FILE`: stores what @scanner and @sources read instead of printing it. */
int      atlas_cli_scan_into_store (AtlasScanner    *scanner,
                                    AtlasCliSources *sources,
                                    AtlasClassifier *classifier,
                                    const char      *db_path,
                                    guint            n_missing);

/* After a run that walked its folders: names each folder given that held
 * no notebook on stderr; returns how many. A folder without notebooks is
 * read, not unreadable: it is a note, and does not change the exit status. */
guint    atlas_cli_report_empty_folders (AtlasScanner *scanner);

G_END_DECLS

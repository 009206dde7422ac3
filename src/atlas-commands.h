/* atlas-commands.h — the commands of `crash-atlas`, in one table
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One row per command: the launcher routes by it, and `--help` and
 * `help COMMAND` read it. A new command is one row here and its run
 * function in the program named (cli-main.c, chart-main.c). */
typedef struct
{
  const char *name;
  const char *summary;   /* one line, translatable (N_) */
  const char *program;   /* next to the launcher, or in libexecdir */
} AtlasCommandInfo;

const AtlasCommandInfo *atlas_commands_get     (guint      *n_commands);
const AtlasCommandInfo *atlas_commands_lookup  (const char *name);

/* The command whose name is closest to @name (a typo, a prefix), or NULL
 * when none is close enough to be what was meant. */
const AtlasCommandInfo *atlas_commands_suggest (const char *name);

G_END_DECLS
